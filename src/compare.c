/*
 * compare.c — `parallax compare FILE...`: the articles of one story side by
 * side: what they agree on, what each adds or leaves out, where they
 * disagree, who is quoted by whom, whom each credits, and a summary.
 *
 * Every input is read and analysed (cli_load); a bad input is reported and
 * left out, and the comparison goes on with the others as long as two
 * remain, so "compare good.txt empty.txt other.txt" still compares two and
 * exits 1.  Fewer than two is said plainly, naming what was read.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"

/* What one comparison reads at most: articles, and bytes of article text
 * in all.  Past either, reading stops (standard input is not read to its
 * end), the input is named and nothing is compared.  The comparison's
 * stages grow about linearly (1,000 articles in about a second of CPU
 * time); memory is what bounds it: the analyses take about 60 times the
 * text (32 MiB of text, 2 GiB). */
#define MAX_ARTICLES 5000
#define MAX_BYTES ((size_t)32 << 20)

static const char usage[] =
    "usage: parallax compare [--json] [--html FILE] [-o FILE] [--summary-words N]\n"
    "                        [--format FORMAT] FILE...\n"
    "\n"
    "Compares the articles of one story from different outlets (two or more:\n"
    "files, or inputs holding several) and prints a report: the articles and\n"
    "how alike they are, a short summary whose every line names its sources,\n"
    "what all report (consensus), where they disagree (conflicts: names,\n"
    "ages, counts, conditions, dates, times, quote speakers and wording),\n"
    "what a later article changes (updates) and where they agree on a\n"
    "detail, each quotation once with who carries it (verbatim, partial,\n"
    "altered), what each article adds and leaves out, and whom each credits\n"
    "(sources, syndicated copies).\n"
    "\n"
    "  -j, --json           print one JSON object instead (keys in docs/json.md)\n"
    "      --html FILE      write a standalone HTML page to FILE (\"-\": standard\n"
    "                       output) instead of the text report; with --json, the\n"
    "                       JSON is printed as well\n"
    "  -o, --output FILE    write the text or JSON report to FILE, not standard output\n"
    "      --summary-words N  a summary of about N words (30 to 100) instead of a\n"
    "                       length that follows the story's (30% of its words)\n"
    "  -f, --format FORMAT  read inputs as text, html, jsonl, feed or warc (a web\n"
    "                       archive; default: auto)\n"
    "  -h, --help           show this help\n"
    "\n"
    "FILE for --html and -o is never one of the inputs, and an existing FILE is\n"
    "only overwritten when it is an earlier report of this command.\n"
    "An input that cannot be read is reported and left out.  At most 5,000\n"
    "articles and 32 MiB of article text are read; past either, reading stops\n"
    "and nothing is compared.  Exit status: 0 compared, 1 an input failed,\n"
    "fewer than two articles were read or a limit was reached, 2 usage error.\n";

/* Says why there is nothing to compare. */
static void too_few(const cli_corpus *c, int status)
{
    const char *refused = status ? " (the other inputs were refused above)" : "";
    if (c->count == 0)
        cli_error("nothing to compare: no article was read%s", refused);
    else
        cli_error("compare needs at least two articles; only one was read (%s)%s",
                  px_article_id(c->articles[0]), refused);
}

/* 1 when the file at path opens like a report of this command: text,
 * JSON or HTML (the generator line, or an older report's title). */
static int earlier_report(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char head[4097];
    size_t n = fread(head, 1, sizeof head - 1, f);
    fclose(f);
    head[n] = '\0';
    return strncmp(head, "COMPARISON OF ", 14) == 0 || strncmp(head, "{\"articles\":[", 13) == 0 ||
           strstr(head, "<meta name=\"generator\" content=\"parallax compare\">") ||
           strstr(head, "<title>parallax: ");
}

/* 0 when the report may be written to path: standard output, a new file,
 * or an earlier report that is none of the inputs; else says why not. */
static int check_output(const char *option, const char *path, char **inputs, int n)
{
    struct stat out, in;
    if (strcmp(path, "-") == 0 || stat(path, &out) != 0) return 0;
    for (int i = 0; i < n; i++)
        if (strcmp(inputs[i], "-") != 0 && stat(inputs[i], &in) == 0 && in.st_dev == out.st_dev &&
            in.st_ino == out.st_ino) {
            cli_error("%s %s: that file is one of the inputs; not writing the report over it "
                      "(name the output file after %s)", option, path, option);
            return 1;
        }
    if (!S_ISREG(out.st_mode) || !earlier_report(path)) {
        cli_error("%s %s: the file exists and is not an earlier parallax compare report; not "
                  "overwriting it (remove it or name another file)", option, path);
        return 1;
    }
    return 0;
}

static FILE *open_output(const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
    if (!f) cli_error("%s: cannot write: %s", path, strerror(errno));
    return f;
}

static int close_output(FILE *f, const char *path, px_status rc, const px_error *err)
{
    if (f != stdout && fclose(f) != 0 && !rc) {
        cli_error("%s: writing failed: %s", path, strerror(errno));
        return EXIT_INPUT;
    }
    if (rc) {
        cli_error("%s: %s", path, err->message);
        return EXIT_INPUT;
    }
    return 0;
}

static int write_html(const px_comparison *cmp, const char *path)
{
    px_error err;
    FILE *f = open_output(path);
    if (!f) return EXIT_INPUT;
    px_status rc = px_render_comparison_html(cmp, f, &err);
    return close_output(f, path, rc, &err);
}

static int report(const px_comparison *cmp, const cli_options *opt)
{
    px_error err;
    px_status rc = PX_OK;
    if (opt->html && write_html(cmp, opt->html)) return EXIT_INPUT;
    if (!opt->json && opt->html && !opt->output) return 0;
    const char *path = opt->output ? opt->output : "-";
    FILE *f = open_output(path);
    if (!f) return EXIT_INPUT;
    if (opt->json) {
        rc = px_render_comparison_json(cmp, f, &err);
        if (!rc) fputc('\n', f);
    } else {
        rc = px_render_comparison_text(cmp, f, &err);
    }
    if (opt->html && opt->html[0] != '-' && f == stdout && !rc) /* say where the page went */
        fprintf(stderr, "parallax: the HTML report is in %s\n", opt->html);
    return close_output(f, path, rc, &err);
}

/* compare is one batch whose stages each allocate and free large arrays
 * (postings, indexes, sort buffers).  glibc serves a block over its mmap
 * threshold with fresh pages and unmaps them on free, and trims the heap
 * top, so every stage faults its memory in again: a third of the page
 * faults of comparing two 5 MB articles.  Freed memory is kept for reuse
 * instead (blocks up to 32 MiB, glibc's ceiling, from the heap; no trim):
 * the command ends after one comparison, and its input is bounded. */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

int cmd_compare(int argc, char **argv)
{
    keep_freed_memory();
    cli_options opt = {.allow = CLI_HTML, .max_articles = MAX_ARTICLES, .max_bytes = MAX_BYTES};
    cli_corpus c;
    int status = 0;
    int code = cli_load(argc, argv, usage, &opt, &c, &status);
    if (code >= 0) return code;
    if (opt.json && opt.html && strcmp(opt.html, "-") == 0 && !opt.output) {
        cli_error("--json and --html - would both write to standard output");
        cli_corpus_free(&c);
        return EXIT_USAGE;
    }
    if ((opt.html && check_output("--html", opt.html, argv + optind, argc - optind)) ||
        (opt.output && check_output("--output", opt.output, argv + optind, argc - optind))) {
        cli_corpus_free(&c);
        return EXIT_USAGE;
    }
    if (c.over_limit) {
        cli_error("nothing compared: compare reads at most %d articles and %zu MiB of text",
                  MAX_ARTICLES, MAX_BYTES >> 20);
        cli_corpus_free(&c);
        return EXIT_INPUT;
    }
    if (c.count < 2) {
        too_few(&c, status);
        cli_corpus_free(&c);
        return EXIT_INPUT;
    }
    px_comparison *cmp;
    px_error err;
    if (px_compare(c.ctx, c.articles, c.analyses, c.count, &cmp, &err)) {
        cli_error("%s", err.message);
        cli_corpus_free(&c);
        return EXIT_INPUT;
    }
    if (opt.summary_words && px_comparison_summarize(cmp, opt.summary_words, &err)) {
        cli_error("%s", err.message); /* not reached: the option's range is checked */
        status = EXIT_INPUT;
    }
    if (report(cmp, &opt)) status = EXIT_INPUT;
    px_comparison_free(cmp);
    cli_corpus_free(&c);
    if (fflush(stdout) != 0) {
        cli_error("writing the output failed");
        return EXIT_INPUT;
    }
    return status;
}
