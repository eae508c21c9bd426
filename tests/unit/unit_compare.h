/*
 * unit_compare.h — what the comparison tests (test_compare, test_entities)
 * share: a story of up to eight articles parsed from text written in the
 * test, analysed and compared with the group's context (unit_context.h).
 */
#ifndef PX_UNIT_COMPARE_H
#define PX_UNIT_COMPARE_H

#include <stdio.h>

#include "unit.h"
#include "unit_context.h"
#include "compare/compare.h"

typedef struct story {
    px_article *a[8];
    px_analysis *an[8];
    size_t n;
    px_comparison *c;
} story;

/* Adds an article of plain text, named "aN.txt" (N its index). */
static inline void add(story *s, const char *text)
{
    char name[16];
    assert_true(s->n < 8);
    snprintf(name, sizeof name, "a%zu.txt", s->n);
    assert_int_equal(px_article_parse(ctx, text, strlen(text), PX_FORMAT_TEXT, name, &s->a[s->n], NULL), PX_OK);
    assert_int_equal(px_analyze(ctx, s->a[s->n], &s->an[s->n], NULL), PX_OK);
    s->n++;
}

static inline void compare(story *s)
{
    px_error err;
    assert_int_equal(px_compare(ctx, s->a, s->an, s->n, &s->c, &err), PX_OK);
}

static inline void done(story *s)
{
    px_comparison_free(s->c);
    for (size_t i = 0; i < s->n; i++) px_article_free(s->a[i]), px_analysis_free(s->an[i]);
}

#endif
