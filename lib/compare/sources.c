/*
 * sources.c — where each article got its information, and which articles
 * are near-copies of others.
 *
 * Citations are the analysis's attributions ("Reuters reported", the
 * dateline's wire tag), per article, each source once.
 *
 * Syndication: a pair is a copy when the simhashes of their word 4-grams
 * differ in at most NEAR bits, or when at least OVERLAP of the shorter
 * article's 4-gram shingles occur in the longer (a wire story run with a
 * paragraph cut still shares nearly all of its shingles).  Of the two, the
 * original is the earlier by date, else the longer, else the one whose id
 * sorts first (input order only when the ids are equal too).
 *
 * Cost: not all pairs.  Only pairs that can pass are checked, found two
 * ways, both exact.  Simhashes within NEAR (3) bits agree on at least one
 * of their four 16-bit bands (pigeonhole), so articles are bucketed by
 * each band.  And a pair with OVERLAP of the shorter article's shingles
 * shared must share one of its first s - ceil(OVERLAP s) + 1 shingles
 * when each article's shingles are ordered rarest first (prefix
 * filtering), so each article's prefix is looked up in an index of all
 * shingles.  A bucket or posting of more than MAX_BUCKET articles (a wire
 * story run by hundreds, or the same text given many times) yields only
 * the pairs of neighbours in a fixed order (date, length, id), so each of
 * its copies is still reported with one original, and the work stays
 * linear in the articles.
 */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "compare/compare.h"
#include "story/similarity.h"

#define NEAR 3
#define OVERLAP 0.8
#define MAX_BUCKET 64

static void citations(px_comparison *c)
{
    for (size_t a = 0; a < c->n; a++) {
        const px_analysis *an = c->analyses[a];
        size_t first = c->citations.len;
        for (size_t i = 0; i < an->attributions.len; i++) {
            const px_attribution *t = &an->attributions.items[i];
            int seen = 0;
            for (size_t k = first; k < c->citations.len && !seen; k++)
                seen = strcasecmp(c->citations.items[k].source, t->source) == 0;
            if (seen) continue;
            px_citation ci = {a, t->source, t->cue, t->sentence};
            px_vec_push(&c->citations, ci);
        }
    }
}

static void shingles(const px_analysis *an, px_keys *out)
{
    px_body_shingles(an, out);
    px_keys_unique(out);
}

/* What the original of a pair is chosen by: earlier date (on one day, the
 * earlier time when both give one in the same zone), then more shingles,
 * then id, then input order.  (With some articles undated this is not
 * transitive; the order it sorts large buckets in needs none.) */
typedef struct order_key {
    int32_t day;
    const char *date;
    size_t shingles;
    const char *id;
    size_t article;
} order_key;

/* 1 when both ISO dates give a time of day ("2026-03-05T08:00:00Z") in
 * the same zone (the same ending), so that comparing them compares times. */
int px_compare_same_zone(const char *a, const char *b)
{
    size_t n = a ? strlen(a) : 0, m = b ? strlen(b) : 0;
    if (n < 16 || m < 16 || a[10] != 'T' || b[10] != 'T') return 0;
    if (a[n - 1] == 'Z' || b[m - 1] == 'Z') return a[n - 1] == b[m - 1];
    return n >= 6 && m >= 6 && strcmp(a + n - 6, b + m - 6) == 0 &&
           (a[n - 6] == '+' || a[n - 6] == '-');
}

static int cmp_order(const void *x, const void *y)
{
    const order_key *a = x, *b = y;
    if (a->day != PX_NO_DAY && b->day != PX_NO_DAY && a->day != b->day) return a->day < b->day ? -1 : 1;
    if (a->day != PX_NO_DAY && a->day == b->day && px_compare_same_zone(a->date, b->date)) {
        int k = strcmp(a->date, b->date);
        if (k) return k < 0 ? -1 : 1;
    }
    if (a->shingles != b->shingles) return a->shingles > b->shingles ? -1 : 1;
    int id = strcmp(a->id, b->id);
    if (id) return id < 0 ? -1 : 1;
    return a->article < b->article ? -1 : a->article > b->article;
}

typedef struct pair {
    size_t a, b; /* a < b */
} pair;

typedef PX_VEC(pair) pairs;

static int cmp_pair(const void *x, const void *y)
{
    const pair *p = x, *q = y;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

static void add_pair(pairs *out, size_t a, size_t b)
{
    if (a == b) return;
    pair p = {a < b ? a : b, a < b ? b : a};
    px_vec_push(out, p);
}

/* (key, article) postings (px_posting: ref is the article), sorted by key
 * then article. */
typedef PX_VEC(px_posting) postings;

typedef struct ctx {
    const px_comparison *c;
    const px_keys *sh;
    size_t *rank;   /* article -> its place in the fixed order */
    size_t *by_rank; /* place -> article */
} ctx;

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* The candidate pairs of one bucket of articles (members[0..n)): all
 * pairs, or in a large bucket neighbours in the fixed order. */
static void bucket_pairs(const ctx *x, size_t *members, size_t n, pairs *out)
{
    if (n <= MAX_BUCKET) {
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++) add_pair(out, members[i], members[j]);
        return;
    }
    for (size_t i = 0; i < n; i++) members[i] = x->rank[members[i]];
    qsort(members, n, sizeof *members, cmp_size);
    for (size_t i = 0; i + 1 < n; i++) add_pair(out, x->by_rank[members[i]], x->by_rank[members[i + 1]]);
}

/* Articles sharing one of the four 16-bit bands of their simhash. */
static void simhash_candidates(const ctx *x, pairs *out)
{
    size_t n = x->c->n;
    px_posting *v = px_xmalloc(n * sizeof *v);
    size_t *members = px_xmalloc(n * sizeof *members);
    for (int band = 0; band < 4; band++) {
        for (size_t a = 0; a < n; a++)
            v[a] = (px_posting){(x->c->profiles[a].simhash >> (16 * band)) & 0xffff, a};
        qsort(v, n, sizeof *v, px_posting_cmp);
        for (size_t lo = 0; lo < n;) {
            size_t hi = lo, k = 0;
            while (hi < n && v[hi].key == v[lo].key) members[k++] = v[hi++].ref;
            bucket_pairs(x, members, k, out);
            lo = hi;
        }
    }
    free(v);
    free(members);
}

/* A shingle with the number of articles that have it: its postings in
 * the index, [lo, hi). */
typedef struct rarity {
    size_t lo, hi;
    uint64_t key;
} rarity;

static int cmp_rarest(const void *x, const void *y)
{
    const rarity *a = x, *b = y;
    size_t da = a->hi - a->lo, db = b->hi - b->lo;
    if (da != db) return da < db ? -1 : 1;
    return a->key < b->key ? -1 : a->key > b->key;
}

/* Articles sharing a shingle of one's prefix (see the top of the file). */
static void overlap_candidates(const ctx *x, pairs *out)
{
    size_t n = x->c->n;
    postings ix = {0};
    for (size_t a = 0; a < n; a++)
        for (size_t k = 0; k < x->sh[a].len; k++) {
            px_posting p = {x->sh[a].items[k], a};
            px_vec_push(&ix, p);
        }
    px_sort_by_key(ix.items, ix.len, sizeof *ix.items); /* stable: by key, then article */
    /* Every article's shingles with their postings, in one pass over the
     * index: article a's are all[off[a] .. off[a + 1]). */
    size_t *off = px_xmalloc((n + 1) * sizeof *off), *fill = px_xmalloc((n ? n : 1) * sizeof *fill);
    off[0] = 0;
    for (size_t a = 0; a < n; a++) off[a + 1] = off[a] + x->sh[a].len;
    memcpy(fill, off, n * sizeof *fill);
    rarity *all = px_xmalloc((ix.len ? ix.len : 1) * sizeof *all);
    for (size_t lo = 0, hi; lo < ix.len; lo = hi) {
        for (hi = lo; hi < ix.len && ix.items[hi].key == ix.items[lo].key;) hi++;
        for (size_t i = lo; i < hi; i++) all[fill[ix.items[i].ref]++] = (rarity){lo, hi, ix.items[lo].key};
    }
    free(fill);
    px_keys big = {0}; /* keys whose large posting was chained already */
    PX_VEC(size_t) members = {0};
    for (size_t a = 0; a < n; a++) {
        size_t s = x->sh[a].len;
        if (!s) continue;
        rarity *prefix = all + off[a];
        qsort(prefix, s, sizeof *prefix, cmp_rarest);
        size_t need = (size_t)ceil(OVERLAP * (double)s - 1e-9), p = s - (need ? need : 1) + 1;
        for (size_t k = 0; k < p && k < s; k++) {
            size_t lo = prefix[k].lo, hi = prefix[k].hi;
            if (hi - lo <= MAX_BUCKET) {
                for (size_t i = lo; i < hi; i++) add_pair(out, a, ix.items[i].ref);
                continue;
            }
            if (px_keys_has(&big, prefix[k].key)) continue;
            members.len = 0;
            for (size_t i = lo; i < hi; i++) px_vec_push(&members, ix.items[i].ref);
            bucket_pairs(x, members.items, members.len, out);
            px_vec_push(&big, prefix[k].key);
            px_keys_unique(&big);
        }
    }
    px_vec_free(&members);
    free(all);
    free(off);
    px_vec_free(&big);
    px_vec_free(&ix);
}

static void syndication(px_comparison *c)
{
    px_keys *sh = px_xcalloc(c->n, sizeof *sh);
    for (size_t a = 0; a < c->n; a++) shingles(c->analyses[a], &sh[a]);
    ctx x = {c, sh, px_xmalloc(c->n * sizeof *x.rank), px_xmalloc(c->n * sizeof *x.by_rank)};
    order_key *keys = px_xmalloc(c->n * sizeof *keys);
    for (size_t a = 0; a < c->n; a++)
        keys[a] = (order_key){px_day_of(c->articles[a]->date), c->articles[a]->date, sh[a].len, px_article_id(c->articles[a]), a};
    qsort(keys, c->n, sizeof *keys, cmp_order);
    for (size_t i = 0; i < c->n; i++) x.rank[keys[i].article] = i, x.by_rank[i] = keys[i].article;
    free(keys);
    pairs cands = {0};
    simhash_candidates(&x, &cands);
    overlap_candidates(&x, &cands);
    if (cands.len) qsort(cands.items, cands.len, sizeof *cands.items, cmp_pair);
    for (size_t i = 0; i < cands.len; i++) {
        size_t a = cands.items[i].a, b = cands.items[i].b;
        if (i && a == cands.items[i - 1].a && b == cands.items[i - 1].b) continue;
        int distance = px_simhash_distance(c->profiles[a].simhash, c->profiles[b].simhash);
        size_t smaller = sh[a].len < sh[b].len ? sh[a].len : sh[b].len;
        double overlap = smaller ? (double)px_keys_shared(&sh[a], &sh[b]) / (double)smaller : 0;
        if (!smaller || (distance > NEAR && overlap < OVERLAP)) continue;
        order_key ka = {px_day_of(c->articles[a]->date), c->articles[a]->date, sh[a].len, px_article_id(c->articles[a]), a};
        order_key kb = {px_day_of(c->articles[b]->date), c->articles[b]->date, sh[b].len, px_article_id(c->articles[b]), b};
        int a_first = cmp_order(&ka, &kb) < 0;
        px_copy cp = {a_first ? b : a, a_first ? a : b, distance, overlap};
        px_vec_push(&c->copies, cp);
    }
    px_vec_free(&cands);
    free(x.rank);
    free(x.by_rank);
    for (size_t a = 0; a < c->n; a++) px_vec_free(&sh[a]);
    free(sh);
}

void px_compare_sources(px_comparison *c)
{
    citations(c);
    syndication(c); /* reads c->profiles, made for the similarity matrix */
}
