/*
 * summary_speed.c — what the story summary adds to compare's time.
 *
 *   build/bench/summary_speed ARTICLES.jsonl [N...]
 *
 * For each N (default 50 200 400): the first N articles of the file,
 * analysed once, then px_compare() timed (CPU, best of 3; it includes the
 * summary) and the summary alone (px_compare_summary() again on the same
 * comparison, best of 3).  Prints both and the summary's share.  Example:
 *   xzcat ../shared/bench/clustering/gva_semeval2018t5/docs.jsonl.xz | head -400 > /tmp/gva.jsonl
 *   build/bench/summary_speed /tmp/gva.jsonl 50 200 400
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compare/summary.h"
#include "summary_bench.h"

static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) return fprintf(stderr, "usage: %s ARTICLES.jsonl [N...]\n", argv[0]), 2;
    size_t sizes[16] = {50, 200, 400}, nsizes = 3;
    if (argc > 2) {
        nsizes = 0;
        for (int i = 2; i < argc && nsizes < 16; i++) sizes[nsizes++] = (size_t)strtoul(argv[i], NULL, 10);
    }
    size_t want = 0;
    for (size_t i = 0; i < nsizes; i++) want = sizes[i] > want ? sizes[i] : want;
    px_context *ctx;
    px_reader *r;
    if (!open_input(argv[1], &ctx, &r)) return 1;
    articles a = {0};
    analyses an = {0};
    px_article *x;
    px_analysis *y;
    while (a.len < want && next_analysed(ctx, r, &x, &y)) {
        px_vec_push(&a, x);
        px_vec_push(&an, y);
    }
    px_reader_close(r);
    printf("%8s %10s %10s %8s %8s\n", "articles", "compare s", "summary s", "share", "lines");
    for (size_t k = 0; k < nsizes; k++) {
        size_t n = sizes[k] < a.len ? sizes[k] : a.len;
        double whole = 1e9, part = 1e9;
        size_t lines = 0;
        for (int rep = 0; rep < 3; rep++) {
            px_comparison *c;
            px_error err;
            double t0 = cpu();
            if (px_compare(ctx, a.items, an.items, n, &c, &err) != PX_OK) return fprintf(stderr, "%s\n", err.message), 1;
            double t1 = cpu();
            for (size_t i = 0; i < c->summary.len; i++) px_vec_free(&c->summary.items[i].support);
            c->summary.len = 0;
            double t2 = cpu();
            px_compare_summary(c);
            double t3 = cpu();
            lines = c->summary.len;
            whole = t1 - t0 < whole ? t1 - t0 : whole;
            part = t3 - t2 < part ? t3 - t2 : part;
            px_comparison_free(c);
        }
        printf("%8zu %10.4f %10.4f %7.1f%% %8zu\n", n, whole, part, 100 * part / whole, lines);
    }
    for (size_t i = 0; i < a.len; i++) px_article_free(a.items[i]), px_analysis_free(an.items[i]);
    px_vec_free(&a);
    px_vec_free(&an);
    px_context_free(ctx);
    return 0;
}
