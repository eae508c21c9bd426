/*
 * batch.c — a collection grouped at once (batch.h).
 *
 * Story ids after the merge pass: each merged story points at the one that
 * absorbed it (a union-find over ids), and the final ids are renumbered
 * 1, 2, ... in the order the surviving stories started, so the output does
 * not depend on how many stories were merged away.
 */
#include <string.h>

#include "story/batch.h"
#include "story/refine.h"

typedef struct order_item {
    int32_t day;
    size_t index;
} order_item;

static int by_day(const void *x, const void *y)
{
    const order_item *a = x, *b = y;
    if (a->day != b->day) return a->day < b->day ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

typedef struct merges {
    int64_t *parent; /* by story id */
} merges;

static int64_t find(int64_t *parent, int64_t x)
{
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

static void on_merge(int64_t from, int64_t into, void *ud)
{
    merges *m = ud;
    m->parent[find(m->parent, from)] = find(m->parent, into);
}

size_t px_cluster_batch(px_doc *docs, size_t n, const px_story_params *p, int merge,
                        int64_t *story, int64_t *copy_of)
{
    px_clusterer *c = px_clusterer_new(p, 0);
    px_df *df = px_clusterer_df(c);
    px_keys keys = {0};
    for (size_t i = 0; i < n; i++) {
        keys.len = 0;
        px_doc_keys(&docs[i], &keys);
        px_df_add(df, keys.items, keys.len);
    }
    px_vec_free(&keys);

    order_item *order = px_xmalloc((n ? n : 1) * sizeof *order);
    for (size_t i = 0; i < n; i++) order[i] = (order_item){docs[i].p.day, i};
    qsort(order, n, sizeof *order, by_day);
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k].index;
        px_decision d;
        px_clusterer_add(c, (int64_t)i, &docs[i], &d);
        story[i] = d.story;
        if (copy_of) copy_of[i] = d.copy_of;
    }
    free(order);

    merges m = {px_xmalloc((n + 2) * sizeof(int64_t))};
    for (size_t i = 0; i < n + 2; i++) m.parent[i] = (int64_t)i;
    if (merge) px_clusterer_merge(c, on_merge, &m);
    px_clusterer_free(c);

    for (size_t i = 0; i < n; i++) story[i] = find(m.parent, story[i]);
    free(m.parent);
    if (p->refine) px_refine(docs, n, p, p->refine, story);

    /* renumber the stories 1, 2, ... in the order they started (by old id) */
    int64_t max = 0;
    for (size_t i = 0; i < n; i++) if (story[i] > max) max = story[i];
    int64_t *final = px_xcalloc((size_t)max + 1, sizeof *final);
    for (size_t i = 0; i < n; i++) final[story[i]] = 1;
    size_t count = 0;
    for (int64_t id = 0; id <= max; id++)
        if (final[id]) final[id] = (int64_t)++count;
    for (size_t i = 0; i < n; i++) story[i] = final[story[i]];
    free(final);
    return count;
}

px_status px_cluster(px_context *ctx, px_article *const *articles,
                     px_analysis *const *analyses, size_t n, int64_t *story,
                     int64_t *copy_of, size_t *stories, px_error *err)
{
    if (stories) *stories = 0;
    if (!ctx || (n && (!articles || !analyses || !story)))
        return px_error_set(err, PX_EUSAGE, "px_cluster", 0, 0, "no context, articles, analyses or output");
    px_doc *docs = px_xcalloc(n ? n : 1, sizeof *docs);
    for (size_t i = 0; i < n; i++) px_doc_build(&docs[i], ctx, articles[i], analyses[i]);
    px_story_params p;
    px_story_params_default(&p);
    size_t k = px_cluster_batch(docs, n, &p, 1, story, copy_of);
    for (size_t i = 0; i < n; i++) px_doc_free(&docs[i]);
    free(docs);
    if (stories) *stories = k;
    return PX_OK;
}
