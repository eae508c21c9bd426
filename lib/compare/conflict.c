/*
 * conflict.c — where the articles disagree, and where they agree on a
 * detail.
 *
 * Numbers and dates.  Only inside a fact (claims aligned as saying the same
 * thing), numbers of the same unit are compared (ordinals with ordinals:
 * "fourth time" and "Obama's fourth" are one detail); a value both give is
 * an agreement, one value each that differs a conflict.  A qualifier makes
 * a value a range: "more than $1 million" agrees with "$1.1 million".  Dates likewise,
 * where both resolved (see compare_dates for relative dates).
 *
 * Names are compared in names.c, over the story's entities; quote speakers
 * and wording in quotes.c, which groups quotes.
 */
#include <string.h>
#include <strings.h>

#include "compare/compare.h"

static px_conflict *new_conflict(px_comparison *c, px_conflict_kind kind, const char *subject,
                                 int agreement)
{
    static const px_slot slots[] = {PX_SLOT_NAME, PX_SLOT_NUMBER, PX_SLOT_DATE};
    px_conflict k = {.kind = kind, .slot = (unsigned)kind < 3 ? slots[kind] : PX_SLOT_NUMBER,
                     .judgment = agreement ? PX_JUDGE_AGREEMENT : PX_JUDGE_CONFLICT,
                     .subject = subject, .agreement = agreement};
    px_vec_push(&c->conflicts, k);
    return &c->conflicts.items[c->conflicts.len - 1];
}

static void add_value(px_conflict *k, size_t article, size_t sentence, const char *value)
{
    px_value v = {article, sentence, value, NULL, "aligned-claims", 0};
    px_vec_push(&k->values, v);
}

/* ---- numbers and dates inside facts ------------------------------------ */

static int same_detail(const px_number *x, const px_number *y)
{
    if (x->ordinal || y->ordinal) return x->ordinal && y->ordinal;
    return x->unit && y->unit && strcasecmp(x->unit, y->unit) == 0;
}

static const px_conflict *find_conflict(const px_comparison *c, px_conflict_kind kind,
                                        const char *subject, size_t fact_first)
{
    for (size_t i = fact_first; i < c->conflicts.len; i++)
        if (c->conflicts.items[i].kind == kind && strcasecmp(c->conflicts.items[i].subject, subject) == 0)
            return &c->conflicts.items[i];
    return NULL;
}

static int in_claim(const px_claim *x, size_t sentence, size_t start)
{
    return sentence == x->sentence && start >= x->start && start < x->end;
}

enum { MAX_ALIKE = 8 };

/* 1 when x's value is within what q's qualifier allows ("more than 60"
 * allows 61; "about 60" allows 55). */
static int within(const px_number *x, const px_number *q)
{
    const char *k = q->qualifier;
    double v = q->value, w = x->value;
    if (!k) return 0;
    if (!strcasecmp(k, "more than") || !strcasecmp(k, "over") || !strcasecmp(k, "at least"))
        return w >= v;
    if (!strcasecmp(k, "less than") || !strcasecmp(k, "under") || !strcasecmp(k, "up to") ||
        !strcasecmp(k, "at most") || !strcasecmp(k, "nearly") || !strcasecmp(k, "almost"))
        return w <= v && w >= v * 0.75;
    return w >= v * 0.85 && w <= v * 1.15; /* about, around, roughly, some ... */
}

/* 1 when two numbers of one detail can both be true. */
static int consistent(const px_number *x, const px_number *y)
{
    return x->value == y->value || within(x, y) || within(y, x);
}

/* The numbers of claim x that are the same detail as p, into out. */
static size_t numbers_alike(const px_analysis *an, const px_claim *x, const px_number *p,
                            const px_number **out)
{
    size_t n = 0;
    for (size_t i = 0; i < an->numbers.len && n < MAX_ALIKE; i++)
        if (in_claim(x, an->numbers.items[i].sentence, an->numbers.items[i].start) &&
            same_detail(p, &an->numbers.items[i]))
            out[n++] = &an->numbers.items[i];
    return n;
}

/*
 * The numbers of claims x and y (other articles, same fact), detail by
 * detail: a value both give is an agreement; when each gives exactly one
 * value for the detail and they differ, a conflict.  A claim giving several
 * values of one unit ("between 1965 and 1970") cannot be paired with
 * certainty, so it yields no conflict.
 */
static void compare_numbers(px_comparison *c, const px_claim *x, const px_claim *y, size_t first)
{
    const px_analysis *ax = c->analyses[x->article], *ay = c->analyses[y->article];
    for (size_t i = 0; i < ax->numbers.len; i++) {
        const px_number *p = &ax->numbers.items[i];
        if (!in_claim(x, p->sentence, p->start)) continue;
        const char *subject = p->ordinal ? (p->unit ? p->unit : "ordinal") : p->unit;
        if (!subject || find_conflict(c, PX_CONFLICT_NUMBER, subject, first)) continue;
        const px_number *xs[MAX_ALIKE], *ys[MAX_ALIKE];
        size_t nx = numbers_alike(ax, x, p, xs), ny = numbers_alike(ay, y, p, ys);
        const px_number *a = NULL, *b = NULL;
        for (size_t u = 0; u < nx && !a; u++)
            for (size_t v = 0; v < ny && !a; v++)
                if (consistent(xs[u], ys[v])) a = xs[u], b = ys[v];
        int agree = a != NULL;
        if (!agree && nx == 1 && ny == 1) a = xs[0], b = ys[0];
        if (!a) continue;
        px_conflict *k = new_conflict(c, PX_CONFLICT_NUMBER, subject, agree);
        add_value(k, x->article, x->sentence, a->text);
        add_value(k, y->article, y->sentence, b->text);
    }
}

/* The resolved dates of claim x as precise as p ("2014-11-07" vs "2014"). */
static size_t dates_alike(const px_analysis *an, const px_claim *x, const px_date_mention *p,
                          const px_date_mention **out)
{
    size_t n = 0;
    for (size_t i = 0; i < an->dates.len && n < MAX_ALIKE; i++) {
        const px_date_mention *d = &an->dates.items[i];
        if (in_claim(x, d->sentence, d->start) && d->value && strlen(d->value) == strlen(p->value))
            out[n++] = d;
    }
    return n;
}

/*
 * Dates likewise; and a date resolved from a relative expression ("on
 * Friday", counted back from each article's own publication date) may
 * agree but never conflicts: two outlets publishing on different days
 * resolve the same "Friday" differently.
 */
static void compare_dates(px_comparison *c, const px_claim *x, const px_claim *y, size_t first)
{
    const px_analysis *ax = c->analyses[x->article], *ay = c->analyses[y->article];
    for (size_t i = 0; i < ax->dates.len; i++) {
        const px_date_mention *p = &ax->dates.items[i];
        if (!in_claim(x, p->sentence, p->start) || !p->value) continue;
        if (find_conflict(c, PX_CONFLICT_DATE, p->text, first)) continue;
        const px_date_mention *xs[MAX_ALIKE], *ys[MAX_ALIKE];
        size_t nx = dates_alike(ax, x, p, xs), ny = dates_alike(ay, y, p, ys);
        const px_date_mention *a = NULL, *b = NULL;
        for (size_t u = 0; u < nx && !a; u++)
            for (size_t v = 0; v < ny && !a; v++)
                if (strcmp(xs[u]->value, ys[v]->value) == 0) a = xs[u], b = ys[v];
        int agree = a != NULL;
        if (!agree && nx == 1 && ny == 1 && !xs[0]->relative && !ys[0]->relative) a = xs[0], b = ys[0];
        if (!a) continue;
        px_conflict *k = new_conflict(c, PX_CONFLICT_DATE, a->text, agree);
        add_value(k, x->article, x->sentence, a->value);
        add_value(k, y->article, y->sentence, b->value);
    }
}

static void fact_details(px_comparison *c)
{
    for (size_t k = 0; k < c->facts.len; k++) {
        const px_fact *f = &c->facts.items[k];
        if (f->support.len < 2) continue;
        size_t first = c->conflicts.len; /* details found in this fact start here */
        for (size_t i = 0; i < f->claims.len; i++)
            for (size_t j = i + 1; j < f->claims.len; j++) {
                const px_claim *x = &c->claims.items[f->claims.items[i]];
                const px_claim *y = &c->claims.items[f->claims.items[j]];
                if (x->article == y->article) continue;
                compare_numbers(c, x, y, first);
                compare_dates(c, x, y, first);
            }
    }
}

static int cmp_conflict(const void *x, const void *y)
{
    const px_conflict *a = x, *b = y;
    if (a->agreement != b->agreement) return a->agreement - b->agreement;
    return (int)a->kind - (int)b->kind;
}

void px_compare_conflicts(px_comparison *c)
{
    fact_details(c);
}

void px_compare_sort_conflicts(px_comparison *c)
{
    size_t n = c->conflicts.len;
    for (size_t i = 1; i < n; i++) { /* insertion sort: stable, and n is small */
        px_conflict t = c->conflicts.items[i];
        size_t j = i;
        while (j > 0 && cmp_conflict(&c->conflicts.items[j - 1], &t) > 0) {
            c->conflicts.items[j] = c->conflicts.items[j - 1];
            j--;
        }
        c->conflicts.items[j] = t;
    }
}
