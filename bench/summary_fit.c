/*
 * summary_fit.c — the story summary under many weightings, for fitting
 * them (bench/summary/fit.py drives it).
 *
 *   build/bench/summary_fit STORIES.jsonl WEIGHTS
 *
 * STORIES.jsonl: articles as `parallax compare` reads them; consecutive
 * articles whose ids share the part before their last '-' are one story.
 * WEIGHTS: one weighting a line, "central headline support lead event
 * disputed share words min_lines voiced over"
 * (px_summary_weights).  Each story is read, analysed and compared
 * once; then its summary is made under every weighting and printed as one
 * JSON line {"story": ID, "w": LINE, "summary": [TEXT, ...]}.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/summary.h"
#include "summary_bench.h"

enum { MAX_WEIGHTS = 4096 };

static size_t read_weights(const char *path, px_summary_weights *w)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    size_t n = 0;
    while (n < MAX_WEIGHTS && fscanf(f, "%lf %lf %lf %lf %lf %lf %lf %zu %zu %lf %lf", &w[n].central, &w[n].headline,
                                     &w[n].support, &w[n].lead, &w[n].event, &w[n].disputed, &w[n].share,
                                     &w[n].words, &w[n].min_lines, &w[n].voiced, &w[n].over) == 11)
        n++;
    fclose(f);
    return n;
}

static size_t story_len(const char *id)
{
    const char *dash = strrchr(id, '-');
    return dash ? (size_t)(dash - id) : strlen(id);
}

static void summarise(px_context *ctx, px_article **a, px_analysis **an, size_t n, const px_summary_weights *w,
                      size_t nw)
{
    px_comparison *c;
    if (n < 2 || px_compare(ctx, a, an, n, &c, NULL) != PX_OK) return;
    const char *id = px_article_id(a[0]);
    for (size_t k = 0; k < nw; k++) {
        for (size_t i = 0; i < c->summary.len; i++) px_vec_free(&c->summary.items[i].support);
        c->summary.len = 0;
        px_compare_summary_weighted(c, &w[k]);
        json_t *o = json_object(), *lines = json_array();
        json_object_set_new(o, "story", json_stringn(id, story_len(id)));
        json_object_set_new(o, "w", json_integer((json_int_t)k));
        for (size_t i = 0; i < c->summary.len; i++) json_array_append_new(lines, json_string(c->summary.items[i].text));
        json_object_set_new(o, "summary", lines);
        json_dumpf(o, stdout, JSON_COMPACT);
        putchar('\n');
        json_decref(o);
    }
    px_comparison_free(c);
}

int main(int argc, char **argv)
{
    if (argc != 3) return fprintf(stderr, "usage: %s STORIES.jsonl WEIGHTS\n", argv[0]), 2;
    static px_summary_weights w[MAX_WEIGHTS];
    size_t nw = read_weights(argv[2], w);
    if (!nw) return fprintf(stderr, "%s: no weights read\n", argv[2]), 1;
    px_context *ctx;
    px_reader *r;
    if (!open_input(argv[1], &ctx, &r)) return 1;
    articles a = {0};
    analyses an = {0};
    for (;;) {
        px_article *x = NULL;
        px_analysis *y = NULL;
        int more = next_analysed(ctx, r, &x, &y);
        const char *id = more ? px_article_id(x) : NULL, *first = a.len ? px_article_id(a.items[0]) : NULL;
        if (!more || (first && (story_len(id) != story_len(first) || strncmp(id, first, story_len(id)) != 0))) {
            summarise(ctx, a.items, an.items, a.len, w, nw);
            for (size_t i = 0; i < a.len; i++) px_article_free(a.items[i]), px_analysis_free(an.items[i]);
            a.len = an.len = 0;
        }
        if (!more) break;
        px_vec_push(&a, x);
        px_vec_push(&an, y);
    }
    px_vec_free(&a);
    px_vec_free(&an);
    px_reader_close(r);
    px_context_free(ctx);
    return 0;
}
