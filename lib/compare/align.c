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
 * Linked claims form facts (union-find).
 *
 * Cost.  Candidates come from an inverted index over keys: a claim is only
 * scored against the claims it shares a key with, and only the best match
 * per other article is kept (a sparse list per claim, never a claims x
 * articles table).  A key in more claims than a fifth of them, 8, and
 * twice the number of articles (a fact all n articles report has its keys
 * in n claims) is left out: it links nothing useful.  Whatever the input,
 * a key in more than MAX_POSTINGS claims only offers each claim the WINDOW
 * claims either side of it in its posting list, in a fixed claim order
 * (by article date and id, then by place in the article: the same
 * sentence of many copies of an article sits together there), and its
 * weight counts only in the full score.  So each claim meets at most (its
 * keys x MAX_POSTINGS) candidates and the stage grows linearly with the
 * claims (plus the index sort).  The bound only bites on stories of more
 * than MAX_POSTINGS / 2 articles or more than about 300 sentences in all,
 * or on one huge repetitive text.  (On 1,000 GVA articles of about 400
 * incidents, 64 against 256 takes a third of the time and finds as many
 * shared facts; the 50 labelled stories of bench/compare are unchanged.)
 * Each pair of candidates is scored once (the score and the candidate
 * relation are symmetric), and fully only when its dot product (the
 * indexed keys' part gathered from the index, plus the product of the two
 * claims' short lists of left-out keys) and its entity and quote bonuses
 * can reach WEAK.  A fact's best-stated claim is the one with the highest
 * total score against the others; in a fact of more than BLOCK claims,
 * against the fact's centroid (the sum of its claims' keys) instead of all
 * pairs.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "story/similarity.h"

#define STRONG 0.55
#define WEAK 0.35
#define MAX_POSTINGS 64
#define WINDOW 8
#define BLOCK 64

static int cmp_feature_key(const void *x, const void *y)
{
    uint64_t a = ((const px_feature *)x)->key, b = ((const px_feature *)y)->key;
    return a < b ? -1 : a > b;
}

/* What shared entities add to the cosine of two claims. */
static double entity_bonus(const px_claim *a, const px_claim *b)
{
    if (!a->entities.len || !b->entities.len) return 0;
    size_t shared = px_keys_shared(&a->entities, &b->entities);
    return 0.15 * (double)shared / (double)(a->entities.len + b->entities.len - shared);
}

/* What shared quotations add. */
static double quote_bonus(const px_claim *a, const px_claim *b)
{
    if (!a->quotes.len || !b->quotes.len) return 0;
    size_t smaller = a->quotes.len < b->quotes.len ? a->quotes.len : b->quotes.len;
    return 0.5 * (double)px_keys_shared(&a->quotes, &b->quotes) / (double)smaller;
}

static double claim_score(const px_claim *a, const px_claim *b)
{
    double s = px_features_cosine(&a->keys, &b->keys);
    s += entity_bonus(a, b);
    s += quote_bonus(a, b);
    return s > 1 ? 1 : s;
}

/* ---- candidates: an inverted index over keys ---------------------------- */

typedef struct posting {
    uint64_t key;
    uint32_t claim;
    uint32_t rank;    /* the claim's place in the fixed claim order */
    uint32_t article; /* the claim's article, kept here to spare a look-up */
    uint32_t slot;    /* the claim's key it comes from: its place in index.runs */
    float weight;     /* the key's weight in the claim (quote keys: 0) */
} posting;

/* Where a claim's key sits in the index: its run of postings [lo, hi)
 * (the claims holding that key, in the fixed claim order) and, in it, the
 * claim's own posting. */
typedef struct run {
    uint32_t lo, hi, self;
} run;

typedef struct index {
    posting *items;
    size_t len;
    size_t common; /* a key in more claims than this is left out */
    size_t *off;   /* claim i's keys' runs: runs[off[i] .. off[i + 1]), in key order */
    run *runs;
} index;

/* 1 when a key of n postings adds to the dot products (see the top). */
static int indexed(const index *ix, size_t n)
{
    return n <= ix->common && n <= MAX_POSTINGS;
}

/* An index over the claims' word keys (quotes 0) or quote 3-grams (1).
 * Each claim holds a key once (keys are merged, quote keys unique), so a
 * claim's key has one posting; sorting by key, then claim order, makes
 * the runs. */
static index build_index(const px_comparison *c, const size_t *order, int quotes)
{
    size_t *off = px_xmalloc((c->claims.len + 1) * sizeof *off);
    off[0] = 0;
    for (size_t i = 0; i < c->claims.len; i++)
        off[i + 1] = off[i] + (quotes ? c->claims.items[i].quotes.len : c->claims.items[i].keys.len);
    size_t len = off[c->claims.len];
    assert(len < UINT32_MAX && c->claims.len < UINT32_MAX);
    /* the postings in claim order, then sorted stably by key: by key, then
     * claim order */
    size_t *by_rank = px_xmalloc((c->claims.len ? c->claims.len : 1) * sizeof *by_rank);
    for (size_t i = 0; i < c->claims.len; i++) by_rank[order[i]] = i;
    posting *v = px_xmalloc((len ? len : 1) * sizeof *v);
    for (size_t r = 0, at = 0; r < c->claims.len; r++) {
        size_t i = by_rank[r];
        const px_claim *cl = &c->claims.items[i];
        for (size_t k = 0, s = off[i]; s < off[i + 1]; k++, s++)
            v[at++] = (posting){quotes ? cl->quotes.items[k] : cl->keys.items[k].key, (uint32_t)i,
                                (uint32_t)r, (uint32_t)cl->article, (uint32_t)s,
                                quotes ? 0 : cl->keys.items[k].weight};
    }
    free(by_rank);
    px_sort_by_key(v, len, sizeof *v);
    run *runs = px_xmalloc((len ? len : 1) * sizeof *runs);
    for (size_t lo = 0, hi; lo < len; lo = hi) {
        for (hi = lo; hi < len && v[hi].key == v[lo].key;) hi++;
        for (size_t x = lo; x < hi; x++) runs[v[x].slot] = (run){(uint32_t)lo, (uint32_t)hi, (uint32_t)x};
    }
    size_t common = c->claims.len / 5 > 8 ? c->claims.len / 5 : 8;
    if (common < 2 * c->n) common = 2 * c->n; /* a fact all n report has keys in n claims */
    return (index){v, len, common, off, runs};
}

static void index_free(index *ix)
{
    free(ix->items);
    free(ix->off);
    free(ix->runs);
}

/* Per claim, its keys left out of the index (see indexed()) with their
 * weights, sorted by key: items[off[i] .. off[i + 1]).  The dot product of
 * two claims is their indexed keys' part (gathered from the index) plus
 * the dot product of these short lists. */
typedef struct common_keys {
    size_t *off;
    px_feature *items;
} common_keys;

static common_keys common_keys_of(const px_comparison *c, const index *ix)
{
    common_keys ck = {px_xcalloc(c->claims.len + 1, sizeof *ck.off), NULL};
    for (size_t i = 0; i < c->claims.len; i++) {
        ck.off[i + 1] = ck.off[i];
        for (size_t s = ix->off[i]; s < ix->off[i + 1]; s++)
            ck.off[i + 1] += !indexed(ix, ix->runs[s].hi - ix->runs[s].lo);
    }
    ck.items = px_xmalloc((ck.off[c->claims.len] ? ck.off[c->claims.len] : 1) * sizeof *ck.items);
    for (size_t i = 0, out = 0; i < c->claims.len; i++) /* the claim's keys are sorted */
        for (size_t k = 0, s = ix->off[i]; s < ix->off[i + 1]; k++, s++)
            if (!indexed(ix, ix->runs[s].hi - ix->runs[s].lo)) ck.items[out++] = c->claims.items[i].keys.items[k];
    return ck;
}

/* The dot product of claims i and j over their keys left out of the index. */
static double common_dot(const common_keys *ck, size_t i, size_t j)
{
    px_features a = {ck->items + ck->off[i], ck->off[i + 1] - ck->off[i], 0};
    px_features b = {ck->items + ck->off[j], ck->off[j + 1] - ck->off[j], 0};
    return a.len && b.len ? px_features_dot(&a, &b) : 0;
}

/* ---- best matches ---------------------------------------------------------- */

/* A claim's best claim in one other article, and its score. */
typedef struct match {
    size_t article, claim;
    double score;
} match;

typedef PX_VEC(match) match_vec;

/* Claim i's best matches scoring at least WEAK, one per article, sorted by
 * article: items[off[i] .. off[i + 1]).  Weaker matches are left out: they
 * never link, and never decide a mutual test (a claim that some claim of
 * article b scores WEAK with has its best in b at WEAK or above). */
typedef struct matches {
    size_t *off;
    match_vec items;
} matches;

static int cmp_match(const void *x, const void *y)
{
    const match *a = x, *b = y;
    if (a->article != b->article) return a->article < b->article ? -1 : 1;
    if (a->score != b->score) return a->score > b->score ? -1 : 1; /* best first */
    return a->claim < b->claim ? -1 : a->claim > b->claim;         /* then the earlier claim */
}

/* Scratch for one claim's candidates: stamp[j] == i + 1 marks claim j as a
 * candidate of claim i, with dot[j] its dot product over indexed keys. */
typedef struct scratch {
    size_t *stamp;
    double *dot;
    px_indexes cands;
} scratch;

/* Adds the candidates of claim i that its key at runs[s] gives (its weight
 * in i: w).  Only claims after i: the score is symmetric (the same sums in
 * the same key order), and the candidate relation too (a shared key, or
 * two claims within WINDOW of each other in one long posting list), so
 * each pair is scored once. */
static void gather(const px_comparison *c, const index *ix, size_t s_at, float w, size_t i, scratch *s)
{
    run r = ix->runs[s_at];
    size_t lo = r.lo, hi = r.hi;
    if (hi - lo > ix->common) return;
    uint32_t own = (uint32_t)c->claims.items[i].article;
    int dot = indexed(ix, hi - lo);
    if (!dot) { /* a long posting: the WINDOW claims either side of i's */
        lo = r.self > lo + WINDOW ? r.self - WINDOW : lo;
        hi = r.self + WINDOW + 1 < hi ? r.self + WINDOW + 1 : hi;
    }
    for (size_t x = lo; x < hi; x++) {
        size_t j = ix->items[x].claim;
        if (j <= i || ix->items[x].article == own) continue;
        if (s->stamp[j] != i + 1) {
            s->stamp[j] = i + 1;
            s->dot[j] = 0;
            px_vec_push(&s->cands, j);
        }
        if (dot) s->dot[j] += (double)w * ix->items[x].weight;
    }
}

/* A pair of claims (a < b) scoring at least WEAK. */
typedef struct pair {
    size_t a, b;
    double score;
} pair;

typedef PX_VEC(pair) pair_vec;

/* Every pair of claims of different articles that scores at least WEAK. */
static pair_vec scored_pairs(const px_comparison *c, const size_t *order)
{
    index words = build_index(c, order, 0), quotes = build_index(c, order, 1);
    common_keys ck = common_keys_of(c, &words);
    scratch s = {px_xcalloc(c->claims.len, sizeof *s.stamp), px_xcalloc(c->claims.len, sizeof *s.dot), {0}};
    pair_vec pairs = {0};
    for (size_t i = 0; i < c->claims.len; i++) {
        const px_claim *a = &c->claims.items[i];
        s.cands.len = 0;
        for (size_t k = 0; k < a->keys.len; k++) gather(c, &words, words.off[i] + k, a->keys.items[k].weight, i, &s);
        for (size_t k = 0; k < a->quotes.len; k++) gather(c, &quotes, quotes.off[i] + k, 0, i, &s);
        for (size_t k = 0; k < s.cands.len; k++) {
            size_t j = s.cands.items[k];
            const px_claim *b = &c->claims.items[j];
            /* The dot product but for rounding (summed in another order),
             * plus at most what entities and quotes add, then what they
             * do add: below WEAK, the full score cannot reach it. */
            double dot = s.dot[j] + common_dot(&ck, i, j);
            if (dot + (a->entities.len && b->entities.len ? 0.15 : 0) +
                    (a->quotes.len && b->quotes.len ? 0.5 : 0) < WEAK - 1e-6)
                continue;
            if (dot + entity_bonus(a, b) + quote_bonus(a, b) < WEAK - 1e-6) continue;
            pair p = {i, j, claim_score(a, b)};
            if (p.score >= WEAK) px_vec_push(&pairs, p);
        }
    }
    px_vec_free(&s.cands);
    free(s.stamp);
    free(s.dot);
    free(ck.off);
    free(ck.items);
    index_free(&words);
    index_free(&quotes);
    return pairs;
}

static matches find_best(const px_comparison *c, const size_t *order)
{
    pair_vec pairs = scored_pairs(c, order);
    size_t *fill = px_xcalloc(c->claims.len + 1, sizeof *fill);
    for (size_t k = 0; k < pairs.len; k++) fill[pairs.items[k].a + 1]++, fill[pairs.items[k].b + 1]++;
    for (size_t i = 0; i < c->claims.len; i++) fill[i + 1] += fill[i];
    match *all = px_xmalloc((fill[c->claims.len] ? fill[c->claims.len] : 1) * sizeof *all);
    size_t *at = px_xmalloc((c->claims.len ? c->claims.len : 1) * sizeof *at);
    memcpy(at, fill, c->claims.len * sizeof *at);
    for (size_t k = 0; k < pairs.len; k++) {
        const pair *p = &pairs.items[k];
        all[at[p->a]++] = (match){c->claims.items[p->b].article, p->b, p->score};
        all[at[p->b]++] = (match){c->claims.items[p->a].article, p->a, p->score};
    }
    free(at);
    px_vec_free(&pairs);
    matches m = {px_xmalloc((c->claims.len + 1) * sizeof *m.off), {0}};
    for (size_t i = 0; i < c->claims.len; i++) {
        match *best = all + fill[i];
        size_t len = fill[i + 1] - fill[i];
        if (len) qsort(best, len, sizeof *best, cmp_match);
        m.off[i] = m.items.len;
        for (size_t k = 0; k < len; k++)
            if (k == 0 || best[k].article != best[k - 1].article) px_vec_push(&m.items, best[k]);
    }
    m.off[c->claims.len] = m.items.len;
    free(all);
    free(fill);
    return m;
}

/* Claim i's best match in article b, or NULL. */
static const match *best_in(const matches *m, size_t i, size_t b)
{
    size_t lo = m->off[i], hi = m->off[i + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->items.items[mid].article == b) return &m->items.items[mid];
        if (m->items.items[mid].article < b) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* ---- facts ------------------------------------------------------------------ */

static size_t root(size_t *parent, size_t i)
{
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

/* A link to make: two claims and their score. */
typedef struct link {
    double score;
    size_t a, b;     /* claims, a < b */
    size_t ka, kb;   /* their places in the fixed claim order (see link_claims) */
} link;

static int cmp_link(const void *x, const void *y)
{
    const link *p = x, *q = y;
    if (p->score != q->score) return p->score > q->score ? -1 : 1;
    if (p->ka != q->ka) return p->ka < q->ka ? -1 : 1;
    return p->kb < q->kb ? -1 : p->kb > q->kb;
}

/*
 * The links (score at least STRONG, or at least WEAK and mutual) are made
 * strongest first, and a link that would make a fact of more than
 * max(BLOCK, 2n) claims is not made: single links can chain thousands of
 * loosely similar sentences of a large input into one "fact", which no
 * reader would call one and whose claims would be compared pairwise.  A fact
 * all n articles report, with a repeat each, stays whole.  Ties are broken
 * in a fixed claim order (by article date and id), so the facts do not
 * depend on input order; below the bound the order does not matter at all.
 */
static void link_claims(const px_comparison *c, const matches *m, const size_t *order,
                        size_t *parent)
{
    PX_VEC(link) links = {0};
    for (size_t i = 0; i < c->claims.len; i++)
        for (size_t k = m->off[i]; k < m->off[i + 1]; k++) {
            const match *x = &m->items.items[k];
            const match *back = best_in(m, x->claim, c->claims.items[i].article);
            int mutual = back && back->claim == i;
            if (!(x->score >= STRONG || (x->score >= WEAK && mutual))) continue;
            size_t a = i < x->claim ? i : x->claim, b = i < x->claim ? x->claim : i;
            link l = {x->score, a, b, order[a] < order[b] ? order[a] : order[b],
                      order[a] < order[b] ? order[b] : order[a]};
            px_vec_push(&links, l);
        }
    if (links.len) qsort(links.items, links.len, sizeof *links.items, cmp_link);
    size_t *size = px_xmalloc(c->claims.len * sizeof *size);
    for (size_t i = 0; i < c->claims.len; i++) size[i] = 1;
    size_t most = 2 * c->n > BLOCK ? 2 * c->n : BLOCK;
    for (size_t k = 0; k < links.len; k++) {
        size_t x = root(parent, links.items[k].a), y = root(parent, links.items[k].b);
        if (x == y || size[x] + size[y] > most) continue;
        parent[x] = y;
        size[y] += size[x];
    }
    free(size);
    px_vec_free(&links);
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* Sorts v and drops repeats. */
static void sort_unique(px_indexes *v)
{
    if (!v->len) return;
    qsort(v->items, v->len, sizeof *v->items, cmp_size);
    size_t out = 0;
    for (size_t i = 1; i < v->len; i++)
        if (v->items[i] != v->items[out]) v->items[++out] = v->items[i];
    v->len = out + 1;
}

/* 1 when claim x comes before claim y in the fixed claim order. */
static int earlier(const px_comparison *c, size_t x, size_t y)
{
    return c->claim_rank[x] < c->claim_rank[y];
}

/* The fact's claims' keys summed (a sparse vector sorted by key). */
static void centroid(const px_comparison *c, const px_fact *f, px_features *out)
{
    for (size_t i = 0; i < f->claims.len; i++) {
        const px_features *k = &c->claims.items[f->claims.items[i]].keys;
        for (size_t j = 0; j < k->len; j++) px_vec_push(out, k->items[j]);
    }
    if (!out->len) return;
    qsort(out->items, out->len, sizeof *out->items, cmp_feature_key);
    size_t n = 0;
    for (size_t i = 1; i < out->len; i++) {
        if (out->items[i].key == out->items[n].key) out->items[n].weight += out->items[i].weight;
        else out->items[++n] = out->items[i];
    }
    out->len = n + 1;
}

/* The claim with the highest total score against the fact's other claims
 * (in a large fact: the highest dot product with the centroid). */
static size_t best_claim(const px_comparison *c, const px_fact *f)
{
    size_t best = f->claims.items[0];
    double top = -1;
    if (f->claims.len > BLOCK) {
        px_features sum = {0};
        centroid(c, f, &sum);
        for (size_t i = 0; i < f->claims.len; i++) {
            double s = px_features_dot(&c->claims.items[f->claims.items[i]].keys, &sum);
            if (s > top || (s == top && earlier(c, f->claims.items[i], best))) top = s, best = f->claims.items[i];
        }
        px_vec_free(&sum);
        return best;
    }
    for (size_t i = 0; i < f->claims.len; i++) {
        double sum = 0;
        for (size_t j = 0; j < f->claims.len; j++)
            if (i != j) sum += claim_score(&c->claims.items[f->claims.items[i]], &c->claims.items[f->claims.items[j]]);
        if (sum > top || (sum == top && earlier(c, f->claims.items[i], best))) top = sum, best = f->claims.items[i];
    }
    return best;
}

/* A fact and the fixed-order place of its first claim, for sorting. */
typedef struct ranked_fact {
    px_fact f;
    size_t first;
} ranked_fact;

/* Consensus, shared, unique; the best supported first; then in the fixed
 * claim order (not input order). */
static int cmp_fact(const void *x, const void *y)
{
    const ranked_fact *p = x, *q = y;
    const px_fact *a = &p->f, *b = &q->f;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    if (a->support.len != b->support.len) return a->support.len > b->support.len ? -1 : 1;
    return p->first < q->first ? -1 : p->first > q->first;
}

static void sort_facts(px_comparison *c)
{
    ranked_fact *r = px_xmalloc((c->facts.len ? c->facts.len : 1) * sizeof *r);
    for (size_t k = 0; k < c->facts.len; k++) {
        r[k].f = c->facts.items[k];
        r[k].first = SIZE_MAX;
        for (size_t i = 0; i < r[k].f.claims.len; i++)
            if (c->claim_rank[r[k].f.claims.items[i]] < r[k].first) r[k].first = c->claim_rank[r[k].f.claims.items[i]];
    }
    qsort(r, c->facts.len, sizeof *r, cmp_fact);
    for (size_t k = 0; k < c->facts.len; k++) c->facts.items[k] = r[k].f;
    free(r);
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
        px_vec_push(&f->support, c->claims.items[i].article);
    }
    free(fact_of_root);
    for (size_t k = 0; k < c->facts.len; k++) sort_unique(&c->facts.items[k].support);
    for (size_t k = 0; k < c->facts.len; k++) {
        px_fact *f = &c->facts.items[k];
        f->kind = f->support.len == c->n ? PX_FACT_CONSENSUS
                  : f->support.len > 1   ? PX_FACT_SHARED
                                         : PX_FACT_UNIQUE;
    }
    sort_facts(c);
    for (size_t k = 0; k < c->facts.len; k++) {
        px_fact *f = &c->facts.items[k];
        f->best = best_claim(c, f);
        for (size_t i = 0; i < f->claims.len; i++) c->claims.items[f->claims.items[i]].fact = k;
    }
}

void px_compare_align(px_comparison *c)
{
    if (!c->claims.len) {
        px_compare_index_facts(c);
        return;
    }
    const size_t *order = c->claim_rank;
    matches m = find_best(c, order);
    size_t *parent = px_xmalloc(c->claims.len * sizeof *parent);
    for (size_t i = 0; i < c->claims.len; i++) parent[i] = i;
    link_claims(c, &m, order, parent);
    build_facts(c, parent);
    px_compare_index_facts(c);
    free(parent);
    free(m.off);
    px_vec_free(&m.items);
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

static void fact_index_free(px_fact_index *x)
{
    free(x->count);
    free(x->unique_off);
    px_vec_free(&x->unique);
    px_vec_free(&x->omittable);
    memset(x, 0, sizeof *x);
}

/* A fact an article leaves out when it does not support it: supported by
 * all the n - 1 others, or by two and an eighth of them. */
static int omittable(const px_fact *f, size_t n)
{
    size_t others = f->support.len;
    return others == n - 1 || (others >= 2 && 8 * others >= n - 1);
}

void px_compare_index_facts(px_comparison *c)
{
    px_fact_index *x = &c->fact_index;
    fact_index_free(x);
    x->count = px_xcalloc(c->n ? c->n : 1, sizeof *x->count);
    x->unique_off = px_xcalloc(c->n + 1, sizeof *x->unique_off);
    for (size_t k = 0; k < c->facts.len; k++) {
        const px_fact *f = &c->facts.items[k];
        for (size_t i = 0; i < f->support.len; i++) {
            assert(f->support.items[i] < c->n);
            x->count[f->support.items[i]]++;
            if (f->kind == PX_FACT_UNIQUE) x->unique_off[f->support.items[i] + 1]++;
        }
        if (omittable(f, c->n)) px_vec_push(&x->omittable, k);
    }
    for (size_t a = 0; a < c->n; a++) x->unique_off[a + 1] += x->unique_off[a];
    size_t *fill = px_xmalloc((c->n ? c->n : 1) * sizeof *fill);
    memcpy(fill, x->unique_off, c->n * sizeof *fill);
    x->unique.len = x->unique.cap = x->unique_off[c->n];
    x->unique.items = px_xmalloc((x->unique.len ? x->unique.len : 1) * sizeof *x->unique.items);
    for (size_t k = 0; k < c->facts.len; k++) { /* facts ascending: each list sorted */
        const px_fact *f = &c->facts.items[k];
        for (size_t i = 0; f->kind == PX_FACT_UNIQUE && i < f->support.len; i++)
            x->unique.items[fill[f->support.items[i]]++] = k;
    }
    free(fill);
}

void px_compare_unique(const px_comparison *c, size_t a, px_indexes *out)
{
    const px_fact_index *x = &c->fact_index;
    assert(x->unique_off && a < c->n);
    for (size_t i = x->unique_off[a]; i < x->unique_off[a + 1]; i++) px_vec_push(out, x->unique.items[i]);
}

void px_compare_omitted(const px_comparison *c, size_t a, px_indexes *out)
{
    const px_fact_index *x = &c->fact_index;
    assert(x->unique_off && a < c->n);
    for (size_t i = 0; i < x->omittable.len; i++)
        if (!px_fact_supported_by(&c->facts.items[x->omittable.items[i]], a)) px_vec_push(out, x->omittable.items[i]);
}

size_t px_compare_fact_count(const px_comparison *c, size_t a)
{
    assert(c->fact_index.count && a < c->n);
    return c->fact_index.count[a];
}
