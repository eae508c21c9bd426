/*
 * summary_cite.c — which outlets a summary sentence may be cited to.
 *
 * A citation says "this outlet reports this".  Sharing a fact (align.c) is
 * not enough: two sentences about one shooting align whether they say two
 * dead or three.  So outlet b is cited for sentence S only when one of b's
 * own sentences T aligned with S carries what S asserts:
 *   - every person S names (as a story entity, entities.c) is named in T;
 *   - every number S gives (not a label: an address, a phone number) is in
 *     T with the same value, or a compatible one: either side qualified
 *     ("at least four", "about 60") and the two within COMPATIBLE of each
 *     other; and every figure written in digits ("2:12", "18") is in T as
 *     written, unless it belongs to such a qualified number;
 *   - T gives no date that S does not (S's dates resolved as ISO values);
 *   - every other name S gives (a word written with a capital, past the
 *     first word and any dateline: places, organisations, titles) is in
 *     b's article, spelt alike (case-folded, past a possessive; the same
 *     stem; or one edit apart in words of SPELLING letters, "adviser" /
 *     "advisor"), or belongs to a name joined to a story entity b names
 *     ("ISIS" / "Islamic State").  A detail one outlet adds ("a suburban
 *     Seattle home") is that outlet's alone.
 * And b is never cited when a judged conflict (conflict.c, judgment
 * "conflict") gives b another value than the one S states.  The sentence
 * then counts as disputed, and the ranking prefers another.
 *
 * Cost: one call reads the claims of S, the facts they belong to and, per
 * aligned sentence, the articles' numbers, dates and mentions; summary.c
 * calls it only for the few sentences it is about to choose.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare/summary.h"

#define COMPATIBLE 0.25
enum { SPELLING = 6 };

void px_summary_index_make(const px_comparison *c, px_summary_index *ix)
{
    ix->base = px_xmalloc((c->n + 1) * sizeof *ix->base);
    size_t total = 0;
    for (size_t a = 0; a < c->n; a++) {
        ix->base[a] = total;
        total += c->articles[a]->sentences.len;
    }
    ix->base[c->n] = total;
    ix->first = px_xmalloc((total + 1) * sizeof *ix->first);
    for (size_t i = 0; i <= total; i++) ix->first[i] = c->claims.len;
    for (size_t k = c->claims.len; k-- > 0;) {
        const px_claim *cl = &c->claims.items[k];
        ix->first[ix->base[cl->article] + cl->sentence] = k;
    }
    /* a sentence without claims (none today) starts where the next one does */
    for (size_t i = total; i-- > 0;)
        if (ix->first[i] > ix->first[i + 1]) ix->first[i] = ix->first[i + 1];
}

void px_summary_index_free(px_summary_index *ix)
{
    free(ix->base);
    free(ix->first);
    ix->base = ix->first = NULL;
}

static int counted(const px_number *x)
{
    return x->kind != PX_NUMBER_LABEL;
}

static int same_number(const px_number *x, const px_number *y)
{
    if (x->value == y->value) return 1;
    if (!x->qualifier && !y->qualifier) return 0;
    double big = fabs(x->value) > fabs(y->value) ? fabs(x->value) : fabs(y->value);
    return big > 0 && fabs(x->value - y->value) <= COMPATIBLE * big;
}

static int numbers_carried(const px_analysis *x, size_t s, const px_analysis *y, size_t t)
{
    for (size_t i = 0; i < x->numbers.len; i++) {
        const px_number *n = &x->numbers.items[i];
        if (n->sentence != s || !counted(n)) continue;
        int found = 0;
        for (size_t j = 0; j < y->numbers.len && !found; j++)
            found = y->numbers.items[j].sentence == t && same_number(n, &y->numbers.items[j]);
        if (!found) return 0;
    }
    return 1;
}

/* The tokens of sentence s: [*lo, return). */
static size_t tokens_of(const px_analysis *an, size_t s, size_t *lo)
{
    size_t a = 0, b = an->tokens.len;
    while (a < b) {
        size_t mid = (a + b) / 2;
        if (an->tokens.items[mid].sentence < s) a = mid + 1;
        else b = mid;
    }
    *lo = a;
    while (b < an->tokens.len && an->tokens.items[b].sentence == s) b++;
    return b > a ? b : a;
}

/* Is token t of x inside a qualified number ("at least 4")? */
static int qualified(const px_analysis *x, const px_token *t)
{
    for (size_t i = 0; i < x->numbers.len; i++) {
        const px_number *n = &x->numbers.items[i];
        if (n->sentence == t->sentence && n->qualifier && n->start <= t->start && t->end <= n->end) return 1;
    }
    return 0;
}

/* Every figure written in digits in S ("2:12", "18") is in T as written,
 * unless it is part of a qualified number (compared by value above). */
static int digits_carried(const px_analysis *x, size_t s, const px_analysis *y, size_t t)
{
    size_t xlo, xhi = tokens_of(x, s, &xlo), ylo, yhi = tokens_of(y, t, &ylo);
    for (size_t i = xlo; i < xhi; i++) {
        const px_token *a = &x->tokens.items[i];
        if (a->kind != PX_TOKEN_NUMBER || !a->norm || qualified(x, a)) continue;
        int found = 0;
        for (size_t j = ylo; j < yhi && !found; j++)
            found = y->tokens.items[j].kind == PX_TOKEN_NUMBER && y->tokens.items[j].norm &&
                    strcmp(y->tokens.items[j].norm, a->norm) == 0;
        if (!found) return 0;
    }
    return 1;
}

static int has_date(const px_analysis *an, size_t s, const char *value)
{
    for (size_t i = 0; i < an->dates.len; i++)
        if (an->dates.items[i].sentence == s && an->dates.items[i].value &&
            strcmp(an->dates.items[i].value, value) == 0)
            return 1;
    return 0;
}

/* T (of y) gives no date S (of x) does not give. */
static int dates_agree(const px_analysis *x, size_t s, const px_analysis *y, size_t t)
{
    for (size_t j = 0; j < y->dates.len; j++) {
        const px_date_mention *d = &y->dates.items[j];
        if (d->sentence == t && d->value && !has_date(x, s, d->value)) return 0;
    }
    return 1;
}

/* The mention_index range of sentence s: [*lo, return). */
static size_t mentions_of(const px_analysis *an, size_t s, size_t *lo)
{
    size_t a = 0, b = an->mention_index.len;
    while (a < b) {
        size_t mid = (a + b) / 2;
        if (an->mention_index.items[mid].mention.sentence < s) a = mid + 1;
        else b = mid;
    }
    *lo = a;
    while (b < an->mention_index.len && an->mention_index.items[b].mention.sentence == s) b++;
    return b > a ? b : a;
}

static int names_person(const px_comparison *c, size_t article, size_t s, long story_entity)
{
    const px_analysis *an = c->analyses[article];
    size_t lo, hi = mentions_of(an, s, &lo);
    for (size_t i = lo; i < hi; i++)
        if (px_compare_entity(c, article, an->mention_index.items[i].entity) == story_entity) return 1;
    return 0;
}

static int people_carried(const px_comparison *c, size_t a, size_t s, size_t b, size_t t)
{
    const px_analysis *an = c->analyses[a];
    size_t lo, hi = mentions_of(an, s, &lo);
    for (size_t i = lo; i < hi; i++) {
        long e = an->mention_index.items[i].entity;
        if (e < 0 || (size_t)e >= an->entities.len || an->entities.items[e].pub.type != PX_ENTITY_PERSON)
            continue;
        long se = px_compare_entity(c, a, e);
        if (se < 0 || !names_person(c, b, t, se)) return 0;
    }
    return 1;
}

/* ---- names ---------------------------------------------------------------- */

/* The length of w without a possessive ending ("office's", "states'"). */
static size_t bare(const char *w)
{
    size_t n = strlen(w);
    if (n > 3 && w[n - 1] == 's' && w[n - 2] == '\'') return n - 2;
    if (n > 5 && w[n - 1] == 's' && (unsigned char)w[n - 2] == 0x99 && (unsigned char)w[n - 4] == 0xE2) return n - 4;
    if (n > 2 && w[n - 1] == '\'') return n - 1;
    return n;
}

/* x and y (lengths m, n) are one edit apart: a substitution, insertion or
 * deletion ("adviser" / "advisor"). */
static int one_edit(const char *x, size_t m, const char *y, size_t n)
{
    if (m > n) return one_edit(y, n, x, m);
    if (n - m > 1) return 0;
    size_t i = 0;
    while (i < m && x[i] == y[i]) i++;
    if (m == n) return i == m || memcmp(x + i + 1, y + i + 1, m - i - 1) == 0;
    return memcmp(x + i, y + i + 1, m - i) == 0;
}

/* Token u spells name word w: the same word case-folded, past a possessive;
 * the same stem; or, for words of SPELLING letters or more, one edit
 * apart (spelling variants). */
static int same_word(const px_token *w, const px_token *u)
{
    if (u->kind != PX_TOKEN_WORD || !u->norm || !w->norm) return 0;
    size_t m = bare(w->norm), n = bare(u->norm);
    if (m == n && memcmp(w->norm, u->norm, m) == 0) return 1;
    if (w->stem && u->stem && strcmp(w->stem, u->stem) == 0) return 1;
    return m >= SPELLING && n >= SPELLING && one_edit(w->norm, m, u->norm, n);
}

/* Tokens [lo, hi) of y hold a spelling of w. */
static int word_among(const px_token *w, const px_analysis *y, size_t lo, size_t hi)
{
    for (size_t j = lo; j < hi; j++)
        if (same_word(w, &y->tokens.items[j])) return 1;
    return 0;
}

/* The story entity a mention of sentence s of article a overlapping token
 * w is joined to, or -1. */
static long entity_at(const px_comparison *c, size_t a, size_t s, const px_token *w)
{
    const px_analysis *an = c->analyses[a];
    size_t lo, hi = mentions_of(an, s, &lo);
    for (size_t i = lo; i < hi; i++) {
        const px_mention *m = &an->mention_index.items[i].mention;
        if (m->start < w->end && w->start < m->end) { /* overlapping: "U.S." in "U.S.-led" */
            long e = px_compare_entity(c, a, an->mention_index.items[i].entity);
            if (e >= 0) return e;
        }
    }
    return -1;
}

/* Article b names story entity e anywhere. */
static int article_names(const px_comparison *c, size_t b, long e)
{
    const px_story_entity *se = &c->entities.items[e];
    for (size_t i = 0; i < se->refs.len; i++)
        if (se->refs.items[i].article == b) return 1;
    return 0;
}

/* Is token w of sentence s a word inside a number or a date (compared by
 * value, above)? */
static int valued(const px_analysis *x, const px_token *w)
{
    for (size_t i = 0; i < x->numbers.len; i++) {
        const px_number *n = &x->numbers.items[i];
        if (n->sentence == w->sentence && n->start <= w->start && w->end <= n->end) return 1;
    }
    for (size_t i = 0; i < x->dates.len; i++) {
        const px_date_mention *d = &x->dates.items[i];
        if (d->sentence == w->sentence && d->start <= w->start && w->end <= d->end) return 1;
    }
    return 0;
}

/* Every name word of S (a word written with a capital, not its first word
 * or a stop word, not part of a number or date, past a dateline) is in
 * outlet b: spelt alike in b's text (same_word), or part of a name joined
 * to a story entity that b names. */
static int names_carried(const px_comparison *c, size_t a, size_t s, size_t b, size_t t)
{
    const px_analysis *x = c->analyses[a], *y = c->analyses[b];
    const char *text = c->articles[a]->sentences.items[s].text;
    size_t skip = text ? px_summary_lead_in(text) : 0;
    size_t lo, hi = tokens_of(x, s, &lo);
    int first = 1;
    for (size_t i = lo; i < hi; i++) {
        const px_token *w = &x->tokens.items[i];
        if (w->start < skip || w->kind != PX_TOKEN_WORD) continue;
        if (first) {
            first = 0;
            continue;
        }
        if (w->stop || !(text[w->start] >= 'A' && text[w->start] <= 'Z') || valued(x, w)) continue;
        size_t tlo, thi = tokens_of(y, t, &tlo);
        if (word_among(w, y, tlo, thi)) continue; /* T first, the whole article last: cheap first */
        long e = entity_at(c, a, s, w);
        if (e >= 0 && article_names(c, b, e)) continue;
        if (!word_among(w, y, 0, y->tokens.len)) return 0;
    }
    return 1;
}

/* S (sentence s of a) is carried by T (sentence t of b).  unnamed[b] is
 * set when b lacks one of S's names: that holds for all of b's sentences,
 * so later calls for b answer at once. */
static int carries(const px_comparison *c, size_t a, size_t s, size_t b, size_t t, unsigned char *unnamed)
{
    if (unnamed[b]) return 0;
    if (!(numbers_carried(c->analyses[a], s, c->analyses[b], t) &&
          digits_carried(c->analyses[a], s, c->analyses[b], t) &&
          dates_agree(c->analyses[a], s, c->analyses[b], t) && people_carried(c, a, s, b, t)))
        return 0;
    if (names_carried(c, a, s, b, t)) return 1;
    unnamed[b] = 1;
    return 0;
}

static void add_sorted(px_indexes *v, size_t x)
{
    for (size_t i = 0; i < v->len; i++)
        if (v->items[i] == x) return;
    size_t i = v->len;
    px_vec_push(v, x);
    while (i > 0 && v->items[i - 1] > x) v->items[i] = v->items[i - 1], i--;
    v->items[i] = x;
}

static void drop(px_indexes *v, size_t x)
{
    size_t out = 0;
    for (size_t i = 0; i < v->len; i++)
        if (v->items[i] != x) v->items[out++] = v->items[i];
    v->len = out;
}

/* Drops outlets a conflict gives another value than S; 1 when S holds a
 * disputed value. */
static int drop_disputed(const px_comparison *c, size_t a, size_t s, px_indexes *out)
{
    int disputed = 0;
    for (size_t k = 0; k < c->conflicts.len; k++) {
        const px_conflict *cf = &c->conflicts.items[k];
        if (cf->judgment != PX_JUDGE_CONFLICT) continue;
        const char *mine = NULL;
        for (size_t i = 0; i < cf->values.len && !mine; i++)
            if (cf->values.items[i].article == a && cf->values.items[i].sentence == s)
                mine = cf->values.items[i].value;
        if (!mine) continue;
        disputed = 1;
        for (size_t i = 0; i < cf->values.len; i++) {
            const px_value *v = &cf->values.items[i];
            if (v->article != a && (!v->value || strcmp(v->value, mine) != 0)) drop(out, v->article);
        }
    }
    return disputed;
}

static int valued_slot(const px_slot_value *v)
{
    return !v->no_conflict && v->key && v->value &&
           (v->slot == PX_SLOT_COUNT || v->slot == PX_SLOT_AGE || v->slot == PX_SLOT_MONEY ||
            v->slot == PX_SLOT_NUMBER || v->slot == PX_SLOT_DATE || v->slot == PX_SLOT_TIME);
}

/* x and y give values for the same slot of the same subject that cannot
 * both hold: different, and not within COMPATIBLE of each other where
 * either is qualified ("at least 12" / "14"). */
static int slots_differ(const px_slot_value *x, const px_slot_value *y)
{
    if (x->slot != y->slot || strcmp(x->key, y->key) != 0) return 0;
    if (x->entity >= 0 && y->entity >= 0 && x->entity != y->entity) return 0;
    if (strcmp(x->value, y->value) == 0) return 0;
    if (x->qual == PX_QUAL_EXACT && y->qual == PX_QUAL_EXACT) return 1;
    double big = fabs(x->num) > fabs(y->num) ? fabs(x->num) : fabs(y->num);
    return !(big > 0 && fabs(x->num - y->num) <= COMPATIBLE * big);
}

/* The first of article a's slot values (c->slot_values is by article, as
 * slots.c finds them). */
static size_t slots_from(const px_comparison *c, size_t a)
{
    size_t lo = 0, hi = c->slot_values.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->slot_values.items[mid].article < a) lo = mid + 1;
        else hi = mid;
    }
    assert(lo == c->slot_values.len || c->slot_values.items[lo].article >= a);
    return lo;
}

/* A value T (sentence t of b) gives for a slot S (sentence s of a) fills
 * otherwise, or NULL. */
static const px_slot_value *other_value(const px_comparison *c, size_t a, size_t s, size_t b, size_t t)
{
    const px_slot_value *v = c->slot_values.items;
    size_t alo = slots_from(c, a), blo = slots_from(c, b);
    for (size_t i = alo; i < c->slot_values.len && v[i].article == a; i++) {
        if (v[i].sentence != s || !valued_slot(&v[i])) continue;
        for (size_t j = blo; j < c->slot_values.len && v[j].article == b; j++)
            if (v[j].sentence == t && valued_slot(&v[j]) && slots_differ(&v[i], &v[j])) return &v[j];
    }
    return NULL;
}

static void add_other(px_summary_others *others, size_t article, const px_slot_value *value)
{
    for (size_t i = 0; i < others->len; i++)
        if (others->items[i].article == article) return;
    size_t i = others->len;
    px_vec_push(others, ((px_summary_other){article, value}));
    while (i > 0 && others->items[i - 1].article > article) others->items[i] = others->items[i - 1], i--;
    others->items[i] = (px_summary_other){article, value};
}

/* Keeps the others not cited. */
static void others_not_cited(px_summary_others *others, const px_indexes *cited)
{
    size_t out = 0;
    for (size_t i = 0; i < others->len; i++) {
        int in = 0;
        for (size_t j = 0; j < cited->len && !in; j++) in = cited->items[j] == others->items[i].article;
        if (!in) others->items[out++] = others->items[i];
    }
    others->len = out;
}

int px_summary_cite(const px_comparison *c, const px_summary_index *ix, size_t article, size_t sentence,
                    px_indexes *out, px_summary_others *others)
{
    size_t at = ix->base[article] + sentence;
    out->len = 0;
    if (others) others->len = 0;
    add_sorted(out, article);
    unsigned char *unnamed = px_xcalloc(c->n, 1);
    for (size_t k = ix->first[at]; k < ix->first[at + 1]; k++) {
        const px_fact *f = &c->facts.items[c->claims.items[k].fact];
        for (size_t i = 0; i < f->claims.len; i++) {
            const px_claim *other = &c->claims.items[f->claims.items[i]];
            if (other->article == article) continue;
            int known = 0;
            for (size_t j = 0; j < out->len && !known; j++) known = out->items[j] == other->article;
            if (known) continue;
            if (carries(c, article, sentence, other->article, other->sentence, unnamed)) {
                add_sorted(out, other->article);
            } else if (others) {
                const px_slot_value *v = other_value(c, article, sentence, other->article, other->sentence);
                if (v) add_other(others, other->article, v);
            }
        }
    }
    free(unnamed);
    int disputed = drop_disputed(c, article, sentence, out);
    if (others) others_not_cited(others, out);
    return disputed;
}

size_t px_summary_independent(const px_comparison *c, const px_indexes *cited)
{
    size_t n = 0;
    for (size_t i = 0; i < cited->len; i++) {
        int copy = 0;
        for (size_t k = 0; k < c->copies.len && !copy; k++)
            if (c->copies.items[k].copy == cited->items[i])
                for (size_t j = 0; j < cited->len && !copy; j++)
                    copy = cited->items[j] == c->copies.items[k].original;
        n += !copy;
    }
    return n || !cited->len ? n : 1; /* two copies of each other: one outlet */
}
