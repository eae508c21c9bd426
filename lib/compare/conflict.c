/*
 * conflict.c — the order of the comparison's judged details.
 *
 * The details themselves are found elsewhere: names in names.c (over the
 * story's entities), quote speakers and wording in quotes.c, and every
 * other slot (ages, counts, conditions, dates, times, places ...) by the
 * fact model, slots.c and judge.c.  This file orders the lot, so that
 * equal inputs in any order print alike: each detail's values in claim.c's
 * fixed article order (c->article_rank: publication date, id, title; never
 * the position the article was given in), then the details themselves.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

/* The order of compare.h: judgment, slot, subject, entity, then the
 * values themselves, so equal inputs in any order sort alike. */
static int cmp_conflict(const void *x, const void *y)
{
    const px_conflict *a = x, *b = y;
    if (a->judgment != b->judgment) return (int)a->judgment - (int)b->judgment;
    if (a->slot != b->slot) return (int)a->slot - (int)b->slot;
    int k = cmp_str(a->subject, b->subject);
    if (k || (k = cmp_str(a->entity, b->entity))) return k;
    for (size_t i = 0; i < a->values.len && i < b->values.len; i++) {
        if ((k = cmp_str(a->values.items[i].value, b->values.items[i].value))) return k;
        if ((k = cmp_str(a->values.items[i].surface, b->values.items[i].surface))) return k;
    }
    return a->values.len < b->values.len ? -1 : a->values.len > b->values.len;
}

typedef struct ranked_value {
    px_value v;
    size_t rank; /* of its article: c->article_rank */
} ranked_value;

static int cmp_ranked_value(const void *x, const void *y)
{
    const ranked_value *a = x, *b = y;
    if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
    if (a->v.sentence != b->v.sentence) return a->v.sentence < b->v.sentence ? -1 : 1;
    int k = cmp_str(a->v.value, b->v.value);
    return k ? k : cmp_str(a->v.surface, b->v.surface);
}

/* Orders k's values by their articles' fixed rank, then within an article
 * by sentence and value, so no position of an input shows through. */
static void sort_values(const px_comparison *c, px_conflict *k)
{
    size_t n = k->values.len;
    if (n < 2) return;
    ranked_value *r = px_xmalloc(n * sizeof *r);
    for (size_t i = 0; i < n; i++) r[i] = (ranked_value){k->values.items[i], c->article_rank[k->values.items[i].article]};
    qsort(r, n, sizeof *r, cmp_ranked_value);
    for (size_t i = 0; i < n; i++) k->values.items[i] = r[i].v;
    free(r);
}

void px_compare_sort_conflicts(px_comparison *c)
{
    for (size_t i = 0; i < c->conflicts.len; i++) sort_values(c, &c->conflicts.items[i]);
    if (c->conflicts.len > 1)
        qsort(c->conflicts.items, c->conflicts.len, sizeof *c->conflicts.items, cmp_conflict);
}
