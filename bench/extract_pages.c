/*
 * extract_pages.c — HTML extraction over a folder of saved pages: the
 * articles as JSON for a scorer, and pages per second of CPU time on one
 * core, beside libxml2's own parse of the same pages.
 *
 *   extract_pages [--out FILE] [--trace FILE] [--seconds S] [--no-speed] [--only RUN] PAGE...
 *
 * Every PAGE (.html, or .html.gz) is read and inflated into memory first,
 * so neither disk nor zlib is timed.  Then:
 *
 *   - one pass of px_article_parse() writes each article to FILE as one
 *     line of px_render_json() (its "id" is the page's path), or
 *     {"id": PATH, "error": MESSAGE} when the page gave no article;
 *   - timed passes of the same call, repeated until S seconds of CPU time
 *     (default 3) have been spent, give parallax's pages/s;
 *   - the same for a bare libxml2 tree parse (htmlReadMemory + xmlFreeDoc,
 *     the first thing any libxml2-based extractor must do) and for a bare
 *     SAX pass (the tokenizer with no tree: libxml2's floor), so the output
 *     shows how close extraction runs to the parser's own limit.
 *
 * --only parallax|tree|sax times that run alone (for a profiler).
 * --trace FILE writes, during the --out pass, every page's date and author
 * candidates with their features (px_extract_trace()) for bench/extraction/fit_date.py.
 *
 * CPU time (CLOCK_PROCESS_CPUTIME_ID) rather than wall time, because the
 * machine is shared: a busy neighbour slows the clock on the wall, not the
 * cycles this process gets.  Everything runs on one thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <zlib.h>

#include "extract/extract.h"
#include "parallax.h"

typedef struct page {
    char *path;
    char *data;
    size_t len;
} page;

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads path whole, inflating gzip; NULL on failure. */
static char *load(const char *path, size_t *len)
{
    gzFile f = gzopen(path, "rb"); /* reads plain files unchanged too */
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    int got;
    while (buf && (got = gzread(f, buf + n, (unsigned)(cap - n))) > 0) {
        n += (size_t)got;
        if (n == cap) buf = realloc(buf, cap *= 2);
    }
    gzclose(f);
    *len = n;
    return buf;
}

static void write_articles(px_context *ctx, const page *pages, size_t n, FILE *out)
{
    for (size_t i = 0; i < n; i++) {
        px_article *a;
        px_error err;
        if (px_article_parse(ctx, pages[i].data, pages[i].len, PX_FORMAT_HTML, pages[i].path,
                             &a, &err) == PX_OK) {
            px_render_json(a, NULL, out, NULL);
            px_article_free(a);
        } else {
            fputs("{\"id\":\"", out);
            for (const char *p = pages[i].path; *p; p++)
                fprintf(out, *p == '"' || *p == '\\' ? "\\%c" : "%c", *p);
            fputs("\",\"error\":\"", out);
            for (const char *p = err.message; *p; p++)
                if (*p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) fputc(*p, out);
            fputs("\"}", out);
        }
        fputc('\n', out);
    }
}

typedef void (*pass_fn)(px_context *ctx, const page *p);

static void pass_parallax(px_context *ctx, const page *p)
{
    px_article *a;
    if (px_article_parse(ctx, p->data, p->len, PX_FORMAT_HTML, p->path, &a, NULL) == PX_OK)
        px_article_free(a);
}

static const int parse_options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

static void pass_tree(px_context *ctx, const page *p)
{
    (void)ctx;
    xmlDoc *doc = htmlReadMemory(p->data, (int)p->len, NULL, "UTF-8", parse_options);
    xmlFreeDoc(doc);
}

static size_t sax_chars;
static void count_chars(void *ud, const xmlChar *s, int n)
{
    (void)ud, (void)s;
    sax_chars += (size_t)n;
}

static void pass_sax(px_context *ctx, const page *p)
{
    (void)ctx;
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.characters = count_chars;
    htmlParserCtxtPtr c = htmlCreateMemoryParserCtxt(p->data, (int)p->len);
    if (!c) return;
    htmlSAXHandler *old = (htmlSAXHandler *)c->sax;
    c->sax = &sax;
    c->userData = NULL;
    htmlCtxtUseOptions(c, parse_options);
    xmlSwitchEncoding(c, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(c);
    c->sax = old;
    htmlFreeParserCtxt(c);
}

/* Runs fn over all pages until `seconds` of CPU time; pages per second. */
static double timed(px_context *ctx, pass_fn fn, const page *pages, size_t n, double seconds,
                    int *passes)
{
    double start = cpu_now(), used = 0;
    *passes = 0;
    do {
        for (size_t i = 0; i < n; i++) fn(ctx, &pages[i]);
        ++*passes;
        used = cpu_now() - start;
    } while (used < seconds);
    return (double)n * *passes / used;
}

int main(int argc, char **argv)
{
    const char *out_path = NULL, *only = NULL, *trace_path = NULL;
    double seconds = 3;
    int speed = 1, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--out") && i + 1 < argc) out_path = argv[++i];
        else if (!strcmp(argv[i], "--trace") && i + 1 < argc) trace_path = argv[++i];
        else if (!strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = atof(argv[++i]);
        else if (!strcmp(argv[i], "--no-speed")) speed = 0;
        else if (!strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
        else {
            fprintf(stderr, "usage: extract_pages [--out FILE] [--trace FILE] [--seconds S] [--no-speed] [--only parallax|tree|sax] PAGE...\n");
            return 2;
        }
    }
    size_t n = 0;
    page *pages = calloc((size_t)(argc - i) + 1, sizeof *pages);
    size_t bytes = 0;
    for (; i < argc; i++) {
        size_t len;
        char *data = load(argv[i], &len);
        if (!data) {
            fprintf(stderr, "extract_pages: %s: cannot read\n", argv[i]);
            continue;
        }
        pages[n++] = (page){argv[i], data, len};
        bytes += len;
    }
    px_context *ctx;
    px_error err;
    if (px_context_new(&ctx, &err) != PX_OK) {
        fprintf(stderr, "extract_pages: %s\n", err.message);
        return 1;
    }
    if (out_path) {
        FILE *out = fopen(out_path, "w");
        if (!out) {
            perror(out_path);
            return 1;
        }
        FILE *trace = trace_path ? fopen(trace_path, "w") : NULL;
        if (trace_path && !trace) {
            perror(trace_path);
            return 1;
        }
        px_extract_trace(trace);
        write_articles(ctx, pages, n, out);
        px_extract_trace(NULL);
        if (trace) fclose(trace);
        fclose(out);
    }
    if (speed && n) {
        static const struct {
            const char *name;
            pass_fn fn;
        } runs[] = {{"parallax extraction", pass_parallax},
                    {"libxml2 tree parse", pass_tree},
                    {"libxml2 SAX pass", pass_sax}};
        printf("%zu pages, %.1f MB of HTML\n", n, (double)bytes / 1e6);
        for (size_t r = 0; r < sizeof runs / sizeof *runs; r++) {
            if (only && !strstr(runs[r].name, only)) continue;
            int passes;
            double rate = timed(ctx, runs[r].fn, pages, n, seconds, &passes);
            printf("%-22s %8.1f pages/s  (%d passes, CPU time, one core)\n", runs[r].name, rate,
                   passes);
        }
    }
    px_context_free(ctx);
    for (size_t k = 0; k < n; k++) free(pages[k].data);
    free(pages);
    return 0;
}
