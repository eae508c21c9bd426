/*
 * copying.c — sentences one article repeats from another outlet's earlier
 * article, word for word or nearly, and whether it credits that outlet.
 *
 * Syndication (sources.c) finds whole articles that are near-copies; an
 * article that takes seven sentences of a wire story into its own story
 * is not one, yet a reader wants to know where those sentences came from.
 *
 * Candidates are the claims alignment already put in one fact (align.c):
 * two sentences that repeat each other say the same thing.  Two claims of
 * different outlets' articles (not near-copies of each other: those are
 * syndication; an outlet repeating itself in a later version is not
 * copying) repeat each other when
 *
 *   - each has at least MIN_WORDS words, and at most half of it lies
 *     inside quotation marks, or it ends a quotation opened in an earlier
 *     sentence (two outlets quoting one speaker word for word is
 *     reporting, not copying); and
 *   - at least NEAR of their word 3-grams are shared (Jaccard), so a
 *     changed word or two still counts ("on Tuesday" for "Tuesday").
 *
 * The original of a repeated sentence is the earliest of the articles that
 * carry it (claim.c's fixed order: date, id, title); each article's
 * repeated sentence is credited to that one article.  Pairs of articles
 * sharing at least MIN_SENTENCES such sentences are reported, most first.
 * `dated_first` says whether the original was published before the copy
 * (both dated, the original's date-time earlier); otherwise the order is
 * the fixed one and the report says the order is not known.  `credited`:
 * the later article names the original's outlet among its sources
 * (sources.c's citations) or as its dateline's wire.
 *
 * Cost: a fact of m claims costs m^2 / 2 comparisons up to BLOCK claims;
 * a larger fact (a sentence many articles carry) compares each claim with
 * the fact's first BLOCK claims in the fixed order only, so the stage is
 * linear in the claims for a fixed BLOCK.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/compare.h"

enum { MIN_WORDS = 8, MIN_SENTENCES = 2, BLOCK = 64, MAX_EXAMPLES = 64 };
#define NEAR 0.8

static int word_byte(unsigned char ch)
{
    return ch >= 0x80 || (ch >= '0' && ch <= '9') || ((ch | 32) >= 'a' && (ch | 32) <= 'z');
}

/* A claim's word 3-grams (sorted, unique) into out; 0 when the claim is too
 * short or mostly quotation. */
static int trigrams(const char *text, px_keys *out)
{
    uint64_t w[3] = {0, 0, 0};
    size_t words = 0, quoted = 0, total = 0, marks = 0;
    int in_quote = 0;
    const unsigned char *last_mark = NULL;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        if (*p == '"' || (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x9c || p[2] == 0x9d))) {
            in_quote = *p == '"' ? !in_quote : p[2] == 0x9c;
            p += *p == '"' ? 1 : 3;
            marks++, last_mark = p;
            continue;
        }
        if (!word_byte(*p)) {
            p++;
            continue;
        }
        uint64_t h = 1469598103934665603ULL;
        size_t len = 0;
        for (; word_byte(*p); p++, len++) h = (h ^ (uint64_t)(*p >= 'A' && *p <= 'Z' ? *p | 32 : *p)) * 1099511628211ULL;
        total += len;
        if (in_quote) quoted += len;
        w[0] = w[1], w[1] = w[2], w[2] = h;
        if (++words >= 3) px_vec_push(out, (w[0] * 31 + w[1]) * 1000003ULL ^ w[2]);
    }
    /* A quotation's last sentence: one closing mark at its end, the
     * opening one in an earlier sentence. */
    if (marks % 2 && last_mark && strlen((const char *)last_mark) <= 2) quoted = total;
    if (words < MIN_WORDS || 2 * quoted > total) {
        out->len = 0;
        return 0;
    }
    px_keys_unique(out);
    return 1;
}

typedef struct repeat {
    size_t copy, original;   /* articles */
    size_t copy_sentence, original_sentence;
} repeat;

static int cmp_repeat(const void *x, const void *y)
{
    const repeat *a = x, *b = y;
    if (a->copy != b->copy) return a->copy < b->copy ? -1 : 1;
    if (a->original != b->original) return a->original < b->original ? -1 : 1;
    if (a->copy_sentence != b->copy_sentence) return a->copy_sentence < b->copy_sentence ? -1 : 1;
    return a->original_sentence < b->original_sentence ? -1 : a->original_sentence > b->original_sentence;
}

static int cmp_copied(const void *x, const void *y)
{
    const px_copied *a = x, *b = y;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    if (a->copy != b->copy) return a->copy < b->copy ? -1 : 1;
    return a->original < b->original ? -1 : a->original > b->original;
}

/* 1 when name occurs in s as whole words, case folded ("The Wire
 * Service" holds "Wire Service"). */
static int holds_words(const char *s, const char *name)
{
    size_t n = strlen(name);
    if (!n) return 0;
    for (const char *p = s; *p; p++) {
        if (strncasecmp(p, name, n) != 0) continue;
        int before = p == s || !word_byte((unsigned char)p[-1]);
        if (before && !word_byte((unsigned char)p[n])) return 1;
    }
    return 0;
}

/* 1 when article a names b's outlet (or wire, or label) among its sources
 * or as its own dateline's wire. */
static int credits(const px_comparison *c, size_t a, size_t b)
{
    const px_article *o = c->articles[b];
    const char *names[] = {o->outlet, o->wire, c->labels ? c->labels[b] : NULL};
    const char *wire = c->articles[a]->wire;
    for (size_t k = 0; k < 3; k++) {
        if (!names[k] || !names[k][0]) continue;
        if (wire && holds_words(wire, names[k])) return 1;
        for (size_t i = 0; i < c->citations.len; i++) {
            const px_citation *t = &c->citations.items[i];
            if (t->article == a && t->source && holds_words(t->source, names[k])) return 1;
        }
    }
    return 0;
}

/* 1 when a and b come from one outlet: an outlet repeating its own
 * sentences in a later version of its story is not copying. */
static int same_outlet(const px_comparison *c, size_t a, size_t b)
{
    const char *x = c->articles[a]->outlet, *y = c->articles[b]->outlet;
    return x && y && strcasecmp(x, y) == 0;
}

/* 1 when article a was published before b: an earlier day, or on one day
 * an earlier time in the same zone; 0 when not, or not known. */
static int dated_before(const px_comparison *c, size_t a, size_t b)
{
    const char *x = c->articles[a]->date, *y = c->articles[b]->date;
    int32_t dx = px_day_of(x), dy = px_day_of(y);
    if (dx == PX_NO_DAY || dy == PX_NO_DAY) return 0;
    if (dx != dy) return dx < dy;
    return px_compare_same_zone(x, y) && strcmp(x, y) < 0;
}

/* 1 when every claim of the fact comes from one group of near-copies or
 * one outlet: nothing in it can be copying (two identical 5 MB articles
 * skip the 3-grams of all their sentences). */
static int one_source(const px_comparison *c, const px_fact *fact)
{
    size_t first = c->claims.items[fact->claims.items[0]].article;
    for (size_t k = 1; k < fact->claims.len; k++) {
        size_t a = c->claims.items[fact->claims.items[k]].article;
        if (a == first || same_outlet(c, a, first)) continue;
        if (!c->copy_group || c->copy_group[a] != c->copy_group[first]) return 0;
    }
    return 1;
}

void px_compare_copying(px_comparison *c)
{
    if (c->n < 2) return;
    PX_VEC(repeat) reps = {0};
    PX_VEC(px_keys) grams = {0};
    px_indexes members = {0};
    PX_VEC(px_posting) order = {0};
    for (size_t f = 0; f < c->facts.len; f++) {
        const px_fact *fact = &c->facts.items[f];
        if (fact->support.len < 2 || one_source(c, fact)) continue;
        /* the fact's claims in the fixed order, with their 3-grams */
        order.len = 0;
        for (size_t k = 0; k < fact->claims.len; k++) {
            px_posting e = {c->claim_rank[fact->claims.items[k]], fact->claims.items[k]};
            px_vec_push(&order, e);
        }
        qsort(order.items, order.len, sizeof *order.items, px_posting_cmp);
        members.len = 0;
        for (size_t k = 0; k < order.len; k++) px_vec_push(&members, order.items[k].ref);
        while (grams.len < members.len) px_vec_push(&grams, ((px_keys){0}));
        for (size_t i = 0; i < members.len; i++) {
            grams.items[i].len = 0;
            trigrams(c->claims.items[members.items[i]].text, &grams.items[i]);
        }
        for (size_t i = 1; i < members.len; i++) {
            if (!grams.items[i].len) continue;
            const px_claim *x = &c->claims.items[members.items[i]];
            for (size_t j = 0; j < i && j < BLOCK; j++) {
                const px_claim *y = &c->claims.items[members.items[j]];
                if (!grams.items[j].len || x->article == y->article) continue;
                if (c->copy_group && c->copy_group[x->article] == c->copy_group[y->article]) continue;
                if (same_outlet(c, x->article, y->article)) continue;
                size_t shared = px_keys_shared(&grams.items[i], &grams.items[j]);
                size_t uni = grams.items[i].len + grams.items[j].len - shared;
                if ((double)shared < NEAR * (double)uni) continue;
                /* the earliest match (j ascends in the fixed order) is the original */
                repeat r = {x->article, y->article, x->sentence, y->sentence};
                if (dated_before(c, x->article, y->article)) /* the fixed order goes by day */
                    r = (repeat){y->article, x->article, y->sentence, x->sentence};
                px_vec_push(&reps, r);
                break;
            }
        }
    }
    for (size_t i = 0; i < grams.len; i++) px_vec_free(&grams.items[i]);
    px_vec_free(&grams);
    px_vec_free(&members);
    px_vec_free(&order);
    if (reps.len) qsort(reps.items, reps.len, sizeof *reps.items, cmp_repeat);
    for (size_t lo = 0, hi; lo < reps.len; lo = hi) {
        for (hi = lo; hi < reps.len && reps.items[hi].copy == reps.items[lo].copy &&
                      reps.items[hi].original == reps.items[lo].original;)
            hi++;
        size_t distinct = 0;
        for (size_t i = lo; i < hi; i++)
            distinct += i == lo || reps.items[i].copy_sentence != reps.items[i - 1].copy_sentence;
        if (distinct < MIN_SENTENCES) continue;
        px_copied p = {.copy = reps.items[lo].copy, .original = reps.items[lo].original};
        p.dated_first = dated_before(c, p.original, p.copy);
        p.credited = credits(c, p.copy, p.original);
        for (size_t i = lo; i < hi && p.sentences.len < MAX_EXAMPLES; i++) {
            if (i > lo && reps.items[i].copy_sentence == reps.items[i - 1].copy_sentence) continue;
            px_sentence_pair s = {reps.items[i].copy_sentence, reps.items[i].original_sentence};
            px_vec_push(&p.sentences, s);
        }
        p.count = distinct;
        px_vec_push(&c->copied, p);
    }
    px_vec_free(&reps);
    if (c->copied.len > 1) qsort(c->copied.items, c->copied.len, sizeof *c->copied.items, cmp_copied);
}
