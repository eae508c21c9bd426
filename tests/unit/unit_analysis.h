/*
 * unit_analysis.h — what the analysis tests (test_entity, test_numbers,
 * test_dates) share: one context for the group, and articles analysed from
 * text written in the test, from a JSON Lines record with a date, or from
 * a file of the tree.  Static inline, so a test uses what it needs.
 */
#ifndef PX_UNIT_ANALYSIS_H
#define PX_UNIT_ANALYSIS_H

#include <stdio.h>

#include "unit.h"

static inline int analysis_setup(void **state)
{
    px_context *ctx = NULL;
    px_error err;
    if (px_context_new(&ctx, &err) != PX_OK) return -1;
    *state = ctx;
    return 0;
}

static inline int analysis_teardown(void **state)
{
    px_context_free(*state);
    return 0;
}

static inline px_analysis *analyse_article(px_context *ctx, px_article *a)
{
    px_analysis *an = NULL;
    px_error err;
    assert_int_equal(px_analyze(ctx, a, &an, &err), PX_OK);
    return an;
}

/* Analyses body as plain text (a title line is added); the caller frees both. */
static inline px_analysis *analyse(px_context *ctx, const char *body, px_article **a)
{
    px_buf b = {0};
    px_buf_printf(&b, "A title for the test\n\n%s\n", body);
    px_error err;
    assert_int_equal(px_article_parse(ctx, b.data, b.len, PX_FORMAT_TEXT, "t.txt", a, &err), PX_OK);
    px_buf_free(&b);
    return analyse_article(ctx, *a);
}

/* Reads the first article of a stream or file and analyses it. */
static inline px_analysis *analyse_reader(px_context *ctx, px_reader *r, px_article **a)
{
    px_error err;
    assert_int_equal(px_reader_next(r, a, &err), PX_OK);
    assert_non_null(*a);
    px_reader_close(r);
    return analyse_article(ctx, *a);
}

static inline px_analysis *analyse_file(px_context *ctx, const char *path, px_article **a)
{
    px_reader *r;
    px_error err;
    assert_int_equal(px_reader_open(ctx, path, PX_FORMAT_AUTO, &r, &err), PX_OK);
    return analyse_reader(ctx, r, a);
}

/* A JSON Lines record with body text (no quotes or backslashes in it) and
 * a publication date (NULL: none). */
static inline px_analysis *analyse_dated(px_context *ctx, const char *text, const char *date,
                                         px_article **a)
{
    px_buf b = {0};
    px_buf_printf(&b, "{\"id\":\"t\",\"title\":\"T\",\"text\":\"%s\"", text);
    if (date) px_buf_printf(&b, ",\"date\":\"%s\"", date);
    px_buf_puts(&b, "}\n");
    FILE *f = fmemopen(b.data, b.len, "r");
    px_reader *r;
    px_error err;
    assert_int_equal(px_reader_open_stream(ctx, f, "t.jsonl", PX_FORMAT_JSONL, &r, &err), PX_OK);
    px_analysis *an = analyse_reader(ctx, r, a);
    fclose(f);
    px_buf_free(&b);
    return an;
}

#endif
