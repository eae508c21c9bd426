/*
 * conflict.c — the order of the comparison's judged details.
 *
 * The details themselves are found elsewhere: names in names.c (over the
 * story's entities), quote speakers and wording in quotes.c, and every
 * other slot (ages, counts, conditions, dates, times, places ...) by the
 * fact model, slots.c and judge.c.  This file orders the lot, so that
 * equal inputs in any order print alike.
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

void px_compare_sort_conflicts(px_comparison *c)
{
    if (c->conflicts.len > 1)
        qsort(c->conflicts.items, c->conflicts.len, sizeof *c->conflicts.items, cmp_conflict);
}
