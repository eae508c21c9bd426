/*
 * cli.c — option parsing and the read-every-input loop the article
 * commands share.  One bad input never stops the others: it is reported,
 * the rest are printed, and the exit code says something went wrong.
 */
#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Out of memory ends the command, as it ends the library (parallax.h). */
static void *xrealloc(void *p, size_t n)
{
    if (!(p = realloc(p, n))) {
        fputs("parallax: out of memory\n", stderr);
        exit(EXIT_INPUT);
    }
    return p;
}

/* Messages name inputs (file names, ids) and quote them: escaped as one
 * field (px_term_fputs), on one line, written at once. */
void cli_error(const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = xrealloc(NULL, n > 0 ? (size_t)n + 1 : 1);
    if (n < 0) *msg = '\0';
    else vsnprintf(msg, (size_t)n + 1, fmt, again);
    va_end(again);
    char *line = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&line, &len);
    if (m) {
        fputs("parallax: ", m);
        px_term_fputs(msg, m);
        fputc('\n', m);
    }
    if (m && fclose(m) == 0) fwrite(line, 1, len, stderr);
    free(line);
    free(msg);
}

/* A usage error shows the synopsis (the help up to its first blank line)
 * and where the rest is, not the whole help: the message that says what
 * was wrong stays in view. */
void cli_usage_error(const char *usage)
{
    const char *end = strstr(usage, "\n\n");
    size_t len = end ? (size_t)(end - usage) + 1 : strlen(usage);
    fwrite(usage, 1, len, stderr);
    const char *name = strncmp(usage, "usage: parallax ", 16) == 0 ? usage + 16 : "";
    int n = (int)strcspn(name, " \n");
    fprintf(stderr, "Try 'parallax %.*s%s--help' for more.\n", n, name, n ? " " : "");
}

/* A number option's value in [lo, hi]; else reported, and -1. */
static double number(const char *opt, const char *s, double lo, double hi)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v >= lo && v <= hi)) {
        cli_error("%s wants a number from %g to %g, not '%s'", opt, lo, hi, s);
        return -1;
    }
    return v;
}

int cli_fetch_option(int c, const char *arg, px_fetch_options *o)
{
    double v;
    switch (c) {
    case 'i':
        if ((v = number("--interval", arg, 0, 3600)) < 0) return -1;
        o->host_interval = v;
        return 1;
    case 'p':
        if ((v = number("--per-host", arg, 1, 64)) < 0) return -1;
        o->per_host = (unsigned)v;
        return 1;
    case 'c':
        if ((v = number("--concurrency", arg, 1, 1024)) < 0) return -1;
        o->max_total = (unsigned)v;
        return 1;
    case 't':
        if ((v = number("--timeout", arg, 0.1, 3600)) < 0) return -1;
        o->timeout = v;
        if (o->connect_timeout > v) o->connect_timeout = v;
        return 1;
    case 'r':
        if ((v = number("--retries", arg, 0, 10)) < 0) return -1;
        o->retries = (unsigned)v;
        return 1;
    case 'C': o->contact = arg; return 1;
    default: return 0;
    }
}

long long cli_story_id(const char *s)
{
    char *end;
    errno = 0;
    long long id = *s >= '0' && *s <= '9' ? strtoll(s, &end, 10) : 0;
    if (id <= 0 || *end || errno) {
        cli_error("'%s' is not a story id (the number `parallax stories` lists)", s);
        return 0;
    }
    return id;
}

static int parse_format(const char *s, px_format *out)
{
    static const struct { const char *name; px_format format; } names[] = {
        {"auto", PX_FORMAT_AUTO}, {"text", PX_FORMAT_TEXT},
        {"html", PX_FORMAT_HTML}, {"jsonl", PX_FORMAT_JSONL}, {"feed", PX_FORMAT_FEED},
        {"warc", PX_FORMAT_WARC}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(s, names[i].name) == 0) return *out = names[i].format, 1;
    return 0;
}

int cli_parse_format(const char *s, px_format *out)
{
    if (parse_format(s, out)) return 0;
    cli_error("unknown format '%s' (auto, text, html, jsonl, feed or warc)", s);
    return 1;
}

void cli_archive_summary(const char *path, const px_reader *r)
{
    px_archive_counts n;
    if (px_reader_archive_counts(r, &n, NULL) || !n.records) return;
    cli_error("%s: %zu records: %zu pages, %zu without a page, %zu not HTML, %zu bad", path,
              n.records, n.pages, n.skipped, n.not_html, n.bad);
}

/* Returns -1 to go on, or an exit code. */
static int parse_options(int argc, char **argv, const char *usage, cli_options *opt)
{
    static const struct option longopts[] = {
        {"json", no_argument, NULL, 'j'},
        {"format", required_argument, NULL, 'f'},
        {"html", required_argument, NULL, 'H'},
        {"output", required_argument, NULL, 'o'},
        {"summary-words", required_argument, NULL, 'S'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "jf:ho:", longopts, NULL)) != -1) {
        switch (c) {
        case 'j': opt->json = 1; break;
        case 'f':
            if (!parse_format(optarg, &opt->format)) {
                cli_error("unknown format '%s' (auto, text, html, jsonl, feed or warc)", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'H':
            if (!(opt->allow & CLI_HTML)) {
                cli_error("unknown option '--html'");
                cli_usage_error(usage);
                return EXIT_USAGE;
            }
            opt->html = optarg;
            break;
        case 'o':
            if (!(opt->allow & CLI_HTML)) {
                cli_error("unknown option '-o'");
                cli_usage_error(usage);
                return EXIT_USAGE;
            }
            opt->output = optarg;
            break;
        case 'S': {
            if (!(opt->allow & CLI_HTML)) {
                cli_error("unknown option '--summary-words'");
                cli_usage_error(usage);
                return EXIT_USAGE;
            }
            char *end;
            long n = strtol(optarg, &end, 10);
            if (end == optarg || *end || n < 30 || n > 100) {
                cli_error("--summary-words '%s': a number of words from 30 to 100", optarg);
                return EXIT_USAGE;
            }
            opt->summary_words = (unsigned)n;
            break;
        }
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    return -1;
}

typedef px_status (*article_sink)(px_context *ctx, px_article *a, const cli_options *opt,
                                  void *ud, px_error *err);

enum { STOP = 3 }; /* read_input: the sink refused to take more (a limit) */

/* Reads every article of path and hands each to sink, which owns it.
 * Returns 0, EXIT_INPUT, or STOP when the sink says PX_ETOOBIG. */
static int read_input(px_context *ctx, const char *path, const cli_options *opt,
                      article_sink sink, void *ud)
{
    px_error err;
    px_reader *r;
    if (px_reader_open(ctx, path, opt->format, &r, &err)) {
        cli_error("%s", err.message);
        return EXIT_INPUT;
    }
    int status = 0;
    size_t records = 0; /* articles and bad records */
    for (;;) {
        px_article *a;
        px_status rc = px_reader_next(r, &a, &err);
        if (rc == PX_EIO && !a) { /* a read error ends this input */
            cli_error("%s", err.message);
            status = EXIT_INPUT;
            break;
        }
        records++;
        if (rc) { /* a bad record: report it, go on with the next */
            cli_error("%s", err.message);
            status = EXIT_INPUT;
            continue;
        }
        if (!a) {
            if (records == 1) { /* said, never passed over: an input that held nothing */
                cli_error("%s: no articles in it", path);
                status = EXIT_INPUT;
            }
            break;
        }
        rc = sink(ctx, a, opt, ud, &err);
        if (rc) {
            cli_error("%s", err.message);
            status = rc == PX_ETOOBIG ? STOP : EXIT_INPUT;
            break;
        }
    }
    cli_archive_summary(path, r);
    px_reader_close(r);
    return status;
}

/* The inputs named on the command line: FILEs, or standard input. */
static int input_files(int argc, char **argv, const char *usage, char ***files, int *n)
{
    static char *stdin_only[] = {"-"};
    *files = argv + optind;
    *n = argc - optind;
    if (*n > 0) return -1;
    if (isatty(STDIN_FILENO)) {
        cli_error("no input given (files, or standard input from a pipe)");
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    *files = stdin_only;
    *n = 1;
    return -1;
}

/* Reads every input named after the options (already parsed) into sink.
 * Returns the exit status. */
static int for_each_article(int argc, char **argv, const char *usage, cli_options *opt,
                            px_context **ctx, article_sink sink, void *ud)
{
    char **files;
    int nfiles, code;
    if ((code = input_files(argc, argv, usage, &files, &nfiles)) >= 0) return code;
    px_error err;
    if (px_context_new(ctx, &err)) {
        cli_error("%s", err.message);
        return EXIT_INPUT;
    }
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        int rc = read_input(*ctx, files[i], opt, sink, ud);
        if (rc) status = EXIT_INPUT;
        if (rc == STOP) break;
    }
    return status;
}

static px_status print_sink(px_context *ctx, px_article *a, const cli_options *opt, void *ud,
                            px_error *err)
{
    px_status rc = ((cli_article_fn)ud)(ctx, a, opt, err);
    px_article_free(a);
    return rc;
}

static int finish_output(int status)
{
    if (fflush(stdout) != 0) {
        cli_error("writing the output failed");
        return EXIT_INPUT;
    }
    return status;
}

int cli_run_articles(int argc, char **argv, const char *usage, cli_article_fn fn)
{
    cli_options opt = {0};
    px_context *ctx = NULL;
    int code = parse_options(argc, argv, usage, &opt);
    if (code >= 0) return code;
    /* A function pointer passed as void *: POSIX guarantees the round trip. */
    int status = for_each_article(argc, argv, usage, &opt, &ctx, print_sink, (void *)fn);
    px_context_free(ctx);
    return finish_output(status);
}

static int same_str(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

/* The first article of each text, by a 64-bit hash of the text: an open
 * addressing table of (hash, article index + 1), at most half full. */
typedef struct text_seen {
    uint64_t *hash;
    size_t *first; /* 0: an empty slot */
    size_t cap, len;
} text_seen;

static uint64_t text_hash(const char *s)
{
    uint64_t h = 14695981039346656037ull; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* The slot of h: where it is, or the empty one where it would go. */
static size_t seen_slot(const text_seen *t, uint64_t h)
{
    size_t i = (size_t)(h ^ (h >> 32)) & (t->cap - 1);
    while (t->first[i] && t->hash[i] != h) i = (i + 1) & (t->cap - 1);
    return i;
}

static void seen_put(text_seen *t, uint64_t h, size_t first)
{
    if (2 * (t->len + 1) > t->cap) { /* grow: rehash into twice the room */
        text_seen g = {0};
        g.cap = t->cap ? 2 * t->cap : 64;
        g.hash = xrealloc(NULL, g.cap * sizeof *g.hash);
        g.first = xrealloc(NULL, g.cap * sizeof *g.first);
        memset(g.first, 0, g.cap * sizeof *g.first);
        for (size_t i = 0; i < t->cap; i++)
            if (t->first[i]) {
                size_t k = seen_slot(&g, t->hash[i]);
                g.hash[k] = t->hash[i];
                g.first[k] = t->first[i];
            }
        g.len = t->len;
        free(t->hash);
        free(t->first);
        *t = g;
    }
    size_t k = seen_slot(t, h);
    assert(!t->first[k]);
    t->hash[k] = h;
    t->first[k] = first;
    t->len++;
}

/*
 * The earlier article of the corpus whose analysis a can share, or -1.
 * An analysis is a function of the article's text (its sentences and
 * paragraphs), language, date and wire tag, so articles that agree on
 * those (and on the title) get the same one: a wire story run word for
 * word by many outlets, or the same text given twice, is analysed once.
 * Texts are found by a 64-bit hash, then compared in full.  With
 * remember, a text not seen before is remembered as the next article's
 * (c->count: call it once a's analysis is made).
 */
static long same_as(cli_corpus *c, const px_article *a, int remember)
{
    const char *text = px_article_text(a);
    if (!text || !*text) return -1;
    if (!c->seen) c->seen = memset(xrealloc(NULL, sizeof(text_seen)), 0, sizeof(text_seen));
    text_seen *seen = c->seen;
    uint64_t h = text_hash(text);
    size_t k = seen->cap ? seen_slot(seen, h) : 0;
    if (!seen->cap || !seen->first[k]) {
        if (remember) seen_put(seen, h, c->count + 1);
        return -1;
    }
    const px_article *b = c->articles[seen->first[k] - 1];
    if (!same_str(text, px_article_text(b)) || !same_str(px_article_title(a), px_article_title(b)) ||
        !same_str(px_article_language(a), px_article_language(b)) ||
        !same_str(px_article_date(a), px_article_date(b)) ||
        !same_str(px_article_wire(a), px_article_wire(b)) ||
        px_article_sentence_count(a) != px_article_sentence_count(b) ||
        px_article_paragraph_count(a) != px_article_paragraph_count(b))
        return -1;
    return (long)(seen->first[k] - 1);
}

static px_status corpus_sink(px_context *ctx, px_article *a, const cli_options *opt, void *ud,
                             px_error *err)
{
    cli_corpus *c = ud;
    const char *title = px_article_title(a);
    size_t bytes = strlen(px_article_text(a)) + (title ? strlen(title) : 0);
    if ((opt->max_articles && c->count >= opt->max_articles) ||
        (opt->max_bytes && c->bytes + bytes > opt->max_bytes)) {
        int many = opt->max_articles && c->count >= opt->max_articles;
        const char *name = px_article_origin(a) ? px_article_origin(a) : px_article_id(a);
        err->code = PX_ETOOBIG;
        snprintf(err->message, sizeof err->message,
                 many ? "%s: more than %zu articles; reading stopped here (the limit of this command)"
                      : "%s: more than %zu MiB of article text in all; reading stopped here (the "
                        "limit of this command)",
                 name, many ? opt->max_articles : opt->max_bytes >> 20);
        c->over_limit = 1;
        px_article_free(a);
        return PX_ETOOBIG;
    }
    c->bytes += bytes;
    px_analysis *an;
    long same = same_as(c, a, 0);
    if (same >= 0) {
        an = c->analyses[same];
    } else {
        px_status rc = opt->light ? px_analyze_light(ctx, a, &an, err) : px_analyze(ctx, a, &an, err);
        if (rc) {
            px_article_free(a);
            return rc;
        }
        same_as(c, a, 1);
    }
    c->articles = xrealloc(c->articles, (c->count + 1) * sizeof *c->articles);
    c->analyses = xrealloc(c->analyses, (c->count + 1) * sizeof *c->analyses);
    c->borrowed = xrealloc(c->borrowed, c->count + 1);
    c->articles[c->count] = a;
    c->borrowed[c->count] = same >= 0;
    c->analyses[c->count++] = an;
    return PX_OK;
}

int cli_load(int argc, char **argv, const char *usage, cli_options *opt, cli_corpus *out,
             int *status)
{
    memset(out, 0, sizeof *out);
    int code = parse_options(argc, argv, usage, opt);
    if (code >= 0) return code;
    *status = for_each_article(argc, argv, usage, opt, &out->ctx, corpus_sink, out);
    return -1;
}

void cli_corpus_free(cli_corpus *c)
{
    for (size_t i = 0; i < c->count; i++) {
        px_article_free(c->articles[i]);
        if (!c->borrowed[i]) px_analysis_free(c->analyses[i]);
    }
    free(c->articles);
    free(c->analyses);
    free(c->borrowed);
    text_seen *seen = c->seen;
    if (seen) free(seen->hash), free(seen->first);
    free(seen);
    px_context_free(c->ctx);
    memset(c, 0, sizeof *c);
}

static volatile int stop_signal;

static void on_stop(int sig)
{
    stop_signal = sig;
}

volatile int *cli_catch_stop(void)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_stop;
    sa.sa_flags = SA_RESETHAND | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    return &stop_signal;
}
