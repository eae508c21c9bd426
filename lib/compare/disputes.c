/*
 * disputes.c — which facts carry a value the outlets give differently.
 *
 * Alignment (align.c) joins sentences that say the same thing; it does
 * not look at their values, so "struck on Tuesday, killing 12 people" and
 * "struck on Wednesday, killing 14" are one fact.  Listed as consensus with
 * nothing more, such a fact would tell a reader that every outlet agrees
 * on what they dispute.  This stage marks it: a fact is disputed by a
 * conflict (judgment "conflict", not an update or compatible values) when
 * two of the conflict's values that differ come from sentences of the
 * fact's claims.  The renderers show the fact with what is disputed.
 *
 * Runs after px_compare_sort_conflicts, since it stores conflict indexes.
 * Cost: the claims are indexed by (article, sentence) once (a sort), and
 * each value of each conflict looks its sentence up: (claims + values) log
 * claims.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"

static uint64_t sentence_key(size_t article, size_t sentence)
{
    return ((uint64_t)article << 32) ^ (uint64_t)(sentence & 0xffffffffu);
}

/* Appends conflict k to fact f's disputes unless it is there already
 * (a conflict's values are visited in order, so a repeat is the last). */
static void add_dispute(px_fact *f, size_t k)
{
    if (f->disputed.len && f->disputed.items[f->disputed.len - 1] == k) return;
    px_vec_push(&f->disputed, k);
}

void px_compare_disputes(px_comparison *c)
{
    size_t n = c->claims.len;
    if (!n || !c->conflicts.len) return;
    px_posting *index = px_xmalloc(n * sizeof *index);
    for (size_t i = 0; i < n; i++)
        index[i] = (px_posting){sentence_key(c->claims.items[i].article, c->claims.items[i].sentence), i};
    qsort(index, n, sizeof *index, px_posting_cmp);
    /* first[f]: the value (index into the conflict's values) first seen in
     * fact f for the conflict being read, or SIZE_MAX; reset per conflict
     * through the list of facts touched. */
    size_t *first = px_xmalloc(c->facts.len * sizeof *first);
    for (size_t f = 0; f < c->facts.len; f++) first[f] = SIZE_MAX;
    px_indexes touched = {0};
    for (size_t k = 0; k < c->conflicts.len; k++) {
        const px_conflict *conflict = &c->conflicts.items[k];
        if (conflict->judgment != PX_JUDGE_CONFLICT) continue;
        touched.len = 0;
        for (size_t v = 0; v < conflict->values.len; v++) {
            const px_value *value = &conflict->values.items[v];
            if (value->sentence == (size_t)-1) continue;
            size_t lo, hi;
            px_compare_run(index, n, sizeof *index, sentence_key(value->article, value->sentence), &lo, &hi);
            for (size_t i = lo; i < hi; i++) {
                size_t f = c->claims.items[index[i].ref].fact;
                if (f >= c->facts.len) continue;
                if (first[f] == SIZE_MAX) {
                    first[f] = v;
                    px_vec_push(&touched, f);
                } else if (first[f] != v &&
                           strcmp(conflict->values.items[first[f]].value ? conflict->values.items[first[f]].value : "",
                                  value->value ? value->value : "") != 0) {
                    add_dispute(&c->facts.items[f], k);
                }
            }
        }
        for (size_t i = 0; i < touched.len; i++) first[touched.items[i]] = SIZE_MAX;
    }
    px_vec_free(&touched);
    free(first);
    free(index);
}
