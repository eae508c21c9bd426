/*
 * unit_story.h — story grouping's test helpers: an article from one JSON
 * Lines record, and its grouping view (px_doc), built with the group's
 * context (unit_context.h).
 */
#ifndef PX_UNIT_STORY_H
#define PX_UNIT_STORY_H

#define _GNU_SOURCE /* fmemopen */
#include <stdio.h>

#include "unit.h"
#include "unit_context.h"
#include "story/batch.h"

static px_article *article(const char *json)
{
    FILE *f = fmemopen((void *)json, strlen(json), "r");
    px_reader *r;
    px_article *a = NULL;
    px_error err;
    assert_int_equal(px_reader_open_stream(ctx, f, "t.jsonl", PX_FORMAT_JSONL, &r, &err), PX_OK);
    assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
    assert_non_null(a);
    px_reader_close(r);
    fclose(f);
    return a;
}

static void build(px_doc *d, const char *json)
{
    px_article *a = article(json);
    px_analysis *an;
    assert_int_equal(px_analyze(ctx, a, &an, NULL), PX_OK);
    px_doc_build(d, ctx, a, an);
    px_doc_phrases(d, an);
    px_analysis_free(an);
    px_article_free(a);
}

#endif
