/*
 * summary_bench.h — reading analysed articles one at a time, for the
 * summary benches (summary_fit.c, summary_speed.c).
 */
#ifndef PX_SUMMARY_BENCH_H
#define PX_SUMMARY_BENCH_H

#include <stdio.h>

#include "compare/compare.h"

typedef PX_VEC(px_article *) articles;
typedef PX_VEC(px_analysis *) analyses;

/* A context and a JSON Lines reader of path; 0 (reported) when either
 * fails. */
static int open_input(const char *path, px_context **ctx, px_reader **r)
{
    px_error err;
    if (px_context_new(ctx, &err) != PX_OK) return fprintf(stderr, "%s\n", err.message), 0;
    if (px_reader_open(*ctx, path, PX_FORMAT_JSONL, r, &err) != PX_OK) {
        fprintf(stderr, "%s\n", err.message);
        px_context_free(*ctx);
        return 0;
    }
    return 1;
}

/* The next article of r that reads and analyses, into *a and *an (the
 * caller frees both); a record that fails is reported on stderr and
 * skipped.  Returns 0 at the end of the input or after 1000 failures. */
static int next_analysed(px_context *ctx, px_reader *r, px_article **a, px_analysis **an)
{
    px_error err;
    for (size_t bad = 0; bad < 1000;) {
        px_article *x = NULL;
        if (px_reader_next(r, &x, &err) != PX_OK) {
            fprintf(stderr, "%s\n", err.message);
            bad++;
            continue;
        }
        if (!x) return 0;
        if (px_analyze(ctx, x, an, &err) != PX_OK) {
            fprintf(stderr, "%s\n", err.message);
            px_article_free(x);
            bad++;
            continue;
        }
        *a = x;
        return 1;
    }
    return 0;
}

#endif
