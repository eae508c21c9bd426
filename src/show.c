/*
 * show.c — `parallax show STORY`: the comparison report of a stored story
 * (px_compare over its articles, re-read from the store and analysed).
 *
 * The reports are cached in the store per version of the story
 * (px_store_comparison_get): the first show of a version compares the
 * story and keeps its text, JSON and HTML reports; the next shows, of any
 * kind, print the kept one until the story changes.
 */
#define _GNU_SOURCE /* open_memstream */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax show [--db PATH] [--check] [--json | --html FILE] STORY\n"
    "\n"
    "Prints the comparison report of story STORY (an id from `parallax\n"
    "stories`): its articles side by side, as `parallax compare` does.  A\n"
    "story of one article is printed as that article; its --json and --html\n"
    "are a comparison of one article, in the same shape as any story's.\n"
    "The reports are kept in the store for the story as it is: the next show\n"
    "prints them at once, until an article joins or leaves the story.\n"
    "\n"
    "  --db PATH      the store (default ./parallax.db)\n"
    "  --check        check the whole store first (SQLite's integrity_check)\n"
    "  -j, --json     one JSON object (the keys of `compare --json`)\n"
    "      --html FILE  a standalone HTML page into FILE (\"-\": standard output)\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 shown, 1 no such story or the store cannot be read,\n"
    "2 usage error.\n";

/* The kinds of report the store's comparison cache keeps for show, in
 * the order of render()'s streams; the report depends on the library's
 * version, which the kinds name. */
static const char *const kinds[] = {"text@" PX_VERSION, "json@" PX_VERSION, "html@" PX_VERSION};

/* Renders the comparison of the n articles as every kind of report (the
 * comparison is the cost; rendering it three times is not) into out[k]
 * (malloc'd) and len[k].  On a terminal one article reads best as itself,
 * so the text of a one-article story is the article. */
static px_status render(px_context *ctx, px_article **arts, px_analysis **ans, size_t n,
                        char **out, size_t *len, px_error *err)
{
    px_comparison *cmp;
    px_status rc = px_compare(ctx, arts, ans, n, &cmp, err);
    if (rc) return rc;
    for (int k = 0; k < 3 && !rc; k++) {
        FILE *f = open_memstream(&out[k], &len[k]);
        if (!f) abort(); /* out of memory: fatal, as in the library */
        rc = k == 0 ? (n == 1 ? px_render_text(arts[0], NULL, f, err)
                              : px_render_comparison_text(cmp, f, err))
           : k == 1 ? px_render_comparison_json(cmp, f, err)
                    : px_render_comparison_html(cmp, f, err);
        if (k == 1 && !rc) fputc('\n', f);
        if (fclose(f) && !rc) {
            err->code = rc = PX_EIO;
            snprintf(err->message, sizeof err->message, "writing a report failed");
        }
    }
    px_comparison_free(cmp);
    return rc;
}

/* Compares the story's articles, caches every kind of report under
 * version and hands back report k (malloc'd). */
static px_status compute(px_store *s, px_context *ctx, long long story, int64_t version, int k,
                         char **body, size_t *blen, px_error *err)
{
    px_article **arts = NULL;
    size_t n = 0;
    px_status rc = px_store_story_articles(s, ctx, story, &arts, &n, err);
    if (rc) return rc;
    px_analysis **ans = calloc(n, sizeof *ans);
    if (!ans) abort();
    for (size_t i = 0; i < n && !rc; i++) rc = px_analyze(ctx, arts[i], &ans[i], err);
    char *out[3] = {NULL, NULL, NULL};
    size_t len[3] = {0, 0, 0};
    if (!rc) rc = render(ctx, arts, ans, n, out, len, err);
    for (int j = 0; j < 3 && !rc; j++) rc = px_store_comparison_put(s, story, version, kinds[j], out[j], len[j], err);
    for (int j = 0; j < 3; j++)
        if (j != k || rc) free(out[j]);
    if (!rc) *body = out[k], *blen = len[k];
    for (size_t i = 0; i < n; i++) {
        px_analysis_free(ans[i]);
        px_article_free(arts[i]);
    }
    free(ans);
    free(arts);
    return rc;
}

/* Writes the report to html ("-": standard output), else standard output. */
static int write_out(const char *body, size_t len, const char *html)
{
    FILE *f = !html || strcmp(html, "-") == 0 ? stdout : fopen(html, "w");
    if (!f) {
        cli_error("%s: cannot write: %s", html, strerror(errno));
        return EXIT_INPUT;
    }
    int bad = fwrite(body, 1, len, f) != len;
    if (f != stdout && fclose(f)) bad = 1;
    if (bad) cli_error("%s: writing failed", f != stdout ? html : "standard output");
    return bad ? EXIT_INPUT : 0;
}

int cmd_show(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"check", no_argument, NULL, 'C'},
        {"json", no_argument, NULL, 'j'},
        {"html", required_argument, NULL, 'H'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *db = PX_STORE_DEFAULT, *html = NULL;
    int json = 0, c, check = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:jh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'C': check = 1; break;
        case 'j': json = 1; break;
        case 'H': html = optarg; break;
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    if (json && html) {
        cli_error("--json and --html are exclusive");
        return EXIT_USAGE;
    }
    if (optind + 1 != argc) {
        cli_error(optind == argc ? "no story given" : "one story at a time");
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    long long story = cli_story_id(argv[optind]);
    if (story <= 0) return EXIT_USAGE;
    px_error err;
    px_store *s;
    px_context *ctx = NULL;
    int k = html ? 2 : json ? 1 : 0;
    char *body = NULL;
    size_t len = 0;
    int64_t version = 0;
    int status = 0;
    if (px_store_open(db, 1, &s, &err) || (check && px_store_check(s, &err)) ||
        px_store_comparison_get(s, story, kinds[k], &version, &body, &len, &err) ||
        (!body && (px_context_new(&ctx, &err) || compute(s, ctx, story, version, k, &body, &len, &err)))) {
        cli_error("%s", err.message);
        status = EXIT_INPUT;
    } else {
        status = write_out(body, len, html);
    }
    free(body);
    px_context_free(ctx);
    px_store_close(s);
    if (fflush(stdout)) status = EXIT_INPUT;
    return status;
}
