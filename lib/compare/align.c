/*
 * align.c — which claims of different articles say the same thing; facts.
 *
 * Two claims are scored by the cosine of their keys (claim.c), raised by
 * shared entities and, most of all, by shared quotations: two outlets that
 * quote the same words are reporting the same statement whatever words they
 * wrap around it.
 *
 * Linking: for every claim and every other article, the best-scoring claim
 * of that article is linked when the score is at least STRONG, or at least
 * WEAK and the choice is mutual (each is the other's best in that article).
 * WEAK is conservative: a fact wrongly called consensus misleads a reader,
 * while a missed link only leaves a claim among the additions.  (On the
 * seeds, true links score 0.52-0.63; "Kerry backtracked on military
 * cooperation" against "we won't share intelligence", two different facts
 * about military cooperation with Iran, scores 0.31.)
 * Linked claims form facts (union-find).  Candidates come from an inverted
 * index over keys, so the work grows with the claims that share words, not
 * with all pairs.  A key in more claims than a fifth of them, 8, and
 * twice the number of articles (a fact all n articles report has its keys
 * in n claims) is left out of the index: it links nothing useful.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "story/similarity.h"

#define STRONG 0.55
#define WEAK 0.35

static double claim_score(const px_claim *a, const px_claim *b)
{
    double s = px_features_cosine(&a->keys, &b->keys);
    if (a->entities.len && b->entities.len) {
        size_t shared = px_keys_shared(&a->entities, &b->entities);
        s += 0.15 * (double)shared / (double)(a->entities.len + b->entities.len - shared);
    }
    if (a->quotes.len && b->quotes.len) {
        size_t smaller = a->quotes.len < b->quotes.len ? a->quotes.len : b->quotes.len;
        s += 0.5 * (double)px_keys_shared(&a->quotes, &b->quotes) / (double)smaller;
    }
    return s > 1 ? 1 : s;
}

/* ---- candidates: an inverted index over keys ---------------------------- */

typedef struct posting {
    uint64_t key;
    size_t claim;
} posting;

static int cmp_posting(const void *x, const void *y)
{
    const posting *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->claim < b->claim ? -1 : a->claim > b->claim;
}

typedef struct index {
    posting *items;
    size_t len;
} index;

static index build_index(const px_comparison *c)
{
    PX_VEC(posting) v = {0};
    for (size_t i = 0; i < c->claims.len; i++)
        for (size_t k = 0; k < c->claims.items[i].keys.len; k++) {
            posting p = {c->claims.items[i].keys.items[k].key, i};
            px_vec_push(&v, p);
        }
    for (size_t i = 0; i < c->claims.len; i++)
        for (size_t k = 0; k < c->claims.items[i].quotes.len; k++) {
            posting p = {c->claims.items[i].quotes.items[k], i};
            px_vec_push(&v, p);
        }
    if (v.len) qsort(v.items, v.len, sizeof *v.items, cmp_posting);
    return (index){v.items, v.len};
}

/* ---- best matches ---------------------------------------------------------- */

/* best[i * n + b]: claim i's best claim in article b, score in score[...]. */
typedef struct matches {
    size_t *best;
    double *score;
} matches;

static void consider(const px_comparison *c, matches *m, size_t i, size_t j)
{
    const px_claim *a = &c->claims.items[i], *b = &c->claims.items[j];
    if (a->article == b->article) return;
    size_t slot = i * c->n + b->article;
    if (m->best[slot] == j) return;
    double s = claim_score(a, b);
    if (s > m->score[slot] || (s == m->score[slot] && j < m->best[slot])) {
        m->score[slot] = s;
        m->best[slot] = j;
    }
}

static matches find_best(const px_comparison *c)
{
    size_t slots = c->claims.len * c->n;
    matches m = {px_xmalloc(slots * sizeof *m.best), px_xcalloc(slots, sizeof *m.score)};
    for (size_t i = 0; i < slots; i++) m.best[i] = SIZE_MAX;
    index ix = build_index(c);
    size_t common = c->claims.len / 5 > 8 ? c->claims.len / 5 : 8;
    if (common < 2 * c->n) common = 2 * c->n; /* a fact all n report has keys in n claims */
    for (size_t lo = 0; lo < ix.len;) {
        size_t hi = lo;
        while (hi < ix.len && ix.items[hi].key == ix.items[lo].key) hi++;
        if (hi - lo <= common)
            for (size_t x = lo; x < hi; x++)
                for (size_t y = lo; y < hi; y++) consider(c, &m, ix.items[x].claim, ix.items[y].claim);
        lo = hi;
    }
    free(ix.items);
    return m;
}

/* ---- facts ------------------------------------------------------------------ */

static size_t root(size_t *parent, size_t i)
{
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

static void link_claims(const px_comparison *c, const matches *m, size_t *parent)
{
    for (size_t i = 0; i < c->claims.len; i++)
        for (size_t b = 0; b < c->n; b++) {
            size_t j = m->best[i * c->n + b];
            if (j == SIZE_MAX) continue;
            double s = m->score[i * c->n + b];
            int mutual = m->best[j * c->n + c->claims.items[i].article] == i;
            if (s >= STRONG || (s >= WEAK && mutual)) parent[root(parent, i)] = root(parent, j);
        }
}

static void add_unique(px_indexes *v, size_t x)
{
    for (size_t i = 0; i < v->len; i++)
        if (v->items[i] == x) return;
    size_t i = v->len;
    px_vec_push(v, x);
    while (i > 0 && v->items[i - 1] > x) v->items[i] = v->items[i - 1], i--; /* keep sorted */
    v->items[i] = x;
}

/* The claim with the highest total score against the fact's other claims. */
static size_t best_claim(const px_comparison *c, const px_fact *f)
{
    size_t best = f->claims.items[0];
    double top = -1;
    for (size_t i = 0; i < f->claims.len; i++) {
        double sum = 0;
        for (size_t j = 0; j < f->claims.len; j++)
            if (i != j) sum += claim_score(&c->claims.items[f->claims.items[i]], &c->claims.items[f->claims.items[j]]);
        if (sum > top) top = sum, best = f->claims.items[i];
    }
    return best;
}

static int cmp_fact(const void *x, const void *y)
{
    const px_fact *a = x, *b = y;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    if (a->support.len != b->support.len) return a->support.len > b->support.len ? -1 : 1;
    return a->claims.items[0] < b->claims.items[0] ? -1 : a->claims.items[0] > b->claims.items[0];
}

static void build_facts(px_comparison *c, size_t *parent)
{
    size_t *fact_of_root = px_xmalloc(c->claims.len * sizeof *fact_of_root);
    for (size_t i = 0; i < c->claims.len; i++) fact_of_root[i] = SIZE_MAX;
    for (size_t i = 0; i < c->claims.len; i++) {
        size_t r = root(parent, i);
        if (fact_of_root[r] == SIZE_MAX) {
            px_fact f = {0};
            fact_of_root[r] = c->facts.len;
            px_vec_push(&c->facts, f);
        }
        px_fact *f = &c->facts.items[fact_of_root[r]];
        px_vec_push(&f->claims, i);
        add_unique(&f->support, c->claims.items[i].article);
    }
    free(fact_of_root);
    for (size_t k = 0; k < c->facts.len; k++) {
        px_fact *f = &c->facts.items[k];
        f->kind = f->support.len == c->n ? PX_FACT_CONSENSUS
                  : f->support.len > 1   ? PX_FACT_SHARED
                                         : PX_FACT_UNIQUE;
    }
    qsort(c->facts.items, c->facts.len, sizeof *c->facts.items, cmp_fact);
    for (size_t k = 0; k < c->facts.len; k++) {
        px_fact *f = &c->facts.items[k];
        f->best = best_claim(c, f);
        for (size_t i = 0; i < f->claims.len; i++) c->claims.items[f->claims.items[i]].fact = k;
    }
}

void px_compare_align(px_comparison *c)
{
    if (!c->claims.len) return;
    matches m = find_best(c);
    size_t *parent = px_xmalloc(c->claims.len * sizeof *parent);
    for (size_t i = 0; i < c->claims.len; i++) parent[i] = i;
    link_claims(c, &m, parent);
    build_facts(c, parent);
    free(parent);
    free(m.best);
    free(m.score);
}

int px_fact_supported_by(const px_fact *f, size_t a)
{
    size_t lo = 0, hi = f->support.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (f->support.items[mid] == a) return 1;
        if (f->support.items[mid] < a) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}

void px_compare_unique(const px_comparison *c, size_t a, px_indexes *out)
{
    for (size_t k = 0; k < c->facts.len; k++)
        if (c->facts.items[k].kind == PX_FACT_UNIQUE && px_fact_supported_by(&c->facts.items[k], a))
            px_vec_push(out, k);
}

void px_compare_omitted(const px_comparison *c, size_t a, px_indexes *out)
{
    for (size_t k = 0; k < c->facts.len; k++) {
        const px_fact *f = &c->facts.items[k];
        if (px_fact_supported_by(f, a)) continue;
        size_t others = f->support.len;
        if (others == c->n - 1 || others >= 2) px_vec_push(out, k);
    }
}
