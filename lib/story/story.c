/*
 * story.c — a story's summed vectors and the score of an article against
 * them (story.h).
 *
 * Capping: after each addition a vector longer than its cap keeps its
 * strongest keys.  The weak keys dropped are those few members used once;
 * they matter little to a cosine against a sum, and dropping them is what
 * keeps a story of a thousand articles as small as one of ten.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "story/similarity.h"
#include "story/story.h"

void px_story_params_default(px_story_params *p)
{
    /* tuned on ECB+ train and dev and GVA dev (bench/clustering/run tune) */
    p->threshold = 0.11;
    p->merge_threshold = 0.45;
    p->window = 30;
    p->w_terms = 0.5;
    p->w_specifics = 2;
    p->w_quotes = 0.3;
    p->gap_penalty = 0.06;
    p->copy_bits = 3;
    p->terms_power = 1.5;
    p->specifics_power = 3;
    p->refine = 2;
    p->specifics_floor = 0.1;
    p->link_floor = 7;
    p->place_factor = 0.7;
}

void px_story_init(px_story *s, int64_t id)
{
    memset(s, 0, sizeof *s);
    s->id = id;
    s->first_day = s->last_day = PX_NO_DAY;
}

/* 1 when a ranks before b in a capped vector: heavier first, ties by the
 * smaller key (keys are unique, so the order is total and the kept set is
 * the same whatever the algorithm). */
static int ranks_before(const px_feature *a, const px_feature *b)
{
    if (a->weight != b->weight) return a->weight > b->weight;
    return a->key < b->key;
}

/* The feature of rank k (0-based) among v[0..n) by ranks_before(); v is
 * reordered.  Quickselect (Hoare's partition), linear on average: a story
 * is capped after nearly every article, and sorting all of its keys twice
 * to keep the strongest was a twentieth of grouping's time. */
static px_feature nth_ranked(px_feature *v, size_t n, size_t k)
{
    ptrdiff_t lo = 0, hi = (ptrdiff_t)n - 1, want = (ptrdiff_t)k;
    while (lo < hi) {
        px_feature pivot = v[lo + (hi - lo) / 2];
        ptrdiff_t i = lo, j = hi;
        while (i <= j) {
            while (ranks_before(&v[i], &pivot)) i++;
            while (ranks_before(&pivot, &v[j])) j--;
            if (i <= j) {
                px_feature t = v[i];
                v[i++] = v[j];
                v[j--] = t;
            }
        }
        if (want <= j) hi = j;
        else if (want >= i) lo = i;
        else break; /* between the two halves: equal to the pivot */
    }
    return v[want];
}

/* Keeps the cap strongest features of f (more than cap, sorted by key), in
 * key order. */
static void keep_strongest(px_features *f, size_t cap)
{
    px_feature *scratch = px_xmalloc(f->len * sizeof *scratch);
    memcpy(scratch, f->items, f->len * sizeof *scratch);
    px_feature last = nth_ranked(scratch, f->len, cap - 1);
    free(scratch);
    size_t kept = 0;
    for (size_t i = 0; i < f->len; i++)
        if (!ranks_before(&last, &f->items[i])) f->items[kept++] = f->items[i];
    f->len = kept;
}

/* dst += src (both sorted by key), then capped to cap keys; returns the norm.
 * The sum is made in an array sized for both at once: growing it key by
 * key took four reallocations a sum, at every addition to a story. */
static double sum_into(px_features *dst, const px_features *src, size_t cap)
{
    px_features out = {0};
    out.cap = dst->len + src->len;
    out.items = px_xmalloc((out.cap ? out.cap : 1) * sizeof *out.items);
    size_t i = 0, j = 0;
    while (i < dst->len || j < src->len) {
        px_feature f;
        if (j == src->len || (i < dst->len && dst->items[i].key < src->items[j].key)) {
            f = dst->items[i++];
        } else if (i == dst->len || src->items[j].key < dst->items[i].key) {
            f = src->items[j++];
            f.tf = 0;
        } else {
            f = dst->items[i++];
            f.weight += src->items[j++].weight;
        }
        px_vec_push(&out, f);
    }
    if (out.len > cap) keep_strongest(&out, cap);
    px_vec_free(dst);
    *dst = out;
    double norm = 0;
    for (size_t k = 0; k < dst->len; k++) norm += (double)dst->items[k].weight * dst->items[k].weight;
    return sqrt(norm);
}

static void add_quotes(px_keys *dst, const px_keys *src)
{
    px_keys out = {0};
    size_t i = 0, j = 0;
    while ((i < dst->len || j < src->len) && out.len < PX_STORY_QUOTES) {
        if (j == src->len || (i < dst->len && dst->items[i] < src->items[j])) px_vec_push(&out, dst->items[i++]);
        else if (i == dst->len || src->items[j] < dst->items[i]) px_vec_push(&out, src->items[j++]);
        else {
            px_vec_push(&out, dst->items[i]);
            i++, j++;
        }
    }
    px_vec_free(dst);
    *dst = out;
}

/* dst = (dst + src) restricted to the keys of specifics: a story needs to
 * know which of its names are places, and no more, which bounds it. */
static void add_places(px_keys *dst, const px_keys *src, const px_features *specifics)
{
    px_keys all = {0}, out = {0};
    for (size_t i = 0; i < dst->len; i++) px_vec_push(&all, dst->items[i]);
    for (size_t i = 0; i < src->len; i++) px_vec_push(&all, src->items[i]);
    px_keys_unique(&all);
    size_t i = 0, j = 0;
    while (i < all.len && j < specifics->len) {
        if (all.items[i] == specifics->items[j].key) {
            px_vec_push(&out, all.items[i]);
            i++, j++;
        } else if (all.items[i] < specifics->items[j].key) i++;
        else j++;
    }
    px_vec_free(&all);
    px_vec_free(dst);
    *dst = out;
}

/* 1 when specifics a and b share a name that is a place on neither side
 * (pa, pb).  Numbers count as names here: a shared age or toll is no
 * place either. */
int px_share_more_than_places(const px_features *a, const px_keys *pa, const px_features *b,
                              const px_keys *pb)
{
    size_t i = 0, j = 0;
    while (i < a->len && j < b->len) {
        uint64_t x = a->items[i].key, y = b->items[j].key;
        if (x == y && !px_keys_has(pa, x) && !px_keys_has(pb, x)) return 1;
        if (x <= y) i++;
        if (y <= x) j++;
    }
    return 0;
}

static void add_days(px_story *s, int32_t first, int32_t last)
{
    if (first == PX_NO_DAY) return;
    if (s->first_day == PX_NO_DAY || first < s->first_day) s->first_day = first;
    if (s->last_day == PX_NO_DAY || last > s->last_day) s->last_day = last;
}

static void add_member(px_story *s, px_member m)
{
    if (s->members.len == PX_STORY_MEMBERS) {
        memmove(s->members.items, s->members.items + 1, (PX_STORY_MEMBERS - 1) * sizeof m);
        s->members.len--;
    }
    px_vec_push(&s->members, m);
}

/* The vectors and quotes changed: their indexes follow (built here, once
 * per change, and read by every article scored against the story until
 * the next). */
static void reindex(px_story *s)
{
    px_key_index_features(&s->terms_index, &s->terms);
    px_key_index_features(&s->specifics_index, &s->specifics);
    px_key_index_keys(&s->quotes_index, &s->quotes);
}

void px_story_add(px_story *s, int64_t article, const px_doc *d)
{
    s->terms_norm = sum_into(&s->terms, &d->p.terms, PX_STORY_TERMS);
    s->specifics_norm = sum_into(&s->specifics, &d->specifics, PX_STORY_SPECIFICS);
    add_places(&s->places, &d->places, &s->specifics);
    add_quotes(&s->quotes, &d->p.quotes);
    reindex(s);
    add_days(s, d->p.day, d->p.day);
    if (d->p.day != PX_NO_DAY) px_day_counts_add(&s->pub_days, &d->p.day, 1, 1, PX_STORY_DAYS);
    px_day_counts_add(&s->named_days, d->named, d->nnamed, 1, PX_STORY_DAYS);
    px_member m = {article, d->p.simhash, d->fingerprint};
    add_member(s, m);
    s->size++;
    s->dirty = 1;
}

void px_story_absorb(px_story *a, const px_story *b)
{
    a->terms_norm = sum_into(&a->terms, &b->terms, PX_STORY_TERMS);
    a->specifics_norm = sum_into(&a->specifics, &b->specifics, PX_STORY_SPECIFICS);
    add_places(&a->places, &b->places, &a->specifics);
    add_quotes(&a->quotes, &b->quotes);
    reindex(a);
    add_days(a, b->first_day, b->last_day);
    px_day_counts_merge(&a->pub_days, &b->pub_days, PX_STORY_DAYS);
    px_day_counts_merge(&a->named_days, &b->named_days, PX_STORY_DAYS);
    for (size_t i = 0; i < b->members.len; i++) add_member(a, b->members.items[i]);
    a->size += b->size;
    a->dirty = 1;
}

void px_story_combine(px_match *m, const px_story_params *p)
{
    double parts[] = {m->terms, m->specifics};
    double weights[] = {p->w_terms, p->w_specifics};
    double sum = 0, wsum = 0;
    for (int i = 0; i < 2; i++) {
        if (parts[i] < 0) continue;
        sum += weights[i] * parts[i];
        wsum += weights[i];
    }
    m->score = wsum > 0 ? sum / wsum : 0;
    /* hard negatives: the same words around other names and numbers */
    if (m->specifics >= 0 && m->specifics < p->specifics_floor)
        m->score *= m->specifics / p->specifics_floor;
    /* Two events in one place share its names and nothing else: the 2008
     * and 2013 deaths on one mountain, two shootings in one city.  Among
     * the ECB+ and GVA pairs near the threshold whose only shared names
     * are places, 63-93% are of different events. */
    if (m->places_only) m->score *= p->place_factor;
    /* Quotations shared are added on top, never averaged in: the same
     * quoted words are near proof of the same event (a tenth of an
     * article's quote 3-grams found in another: 97% same-event pairs on
     * the tuning sets), while none shared proves nothing, since outlets
     * quote different people about one event. */
    if (m->quotes > 0) m->score += p->w_quotes * m->quotes;
    if (m->gap > 1) m->score -= p->gap_penalty * log((double)m->gap);
}

static double cosine(const px_features *a, double na, const px_features *b, double nb)
{
    if (!a->len || !b->len || na <= 0 || nb <= 0) return -1;
    double c = px_features_dot(a, b) / (na * nb);
    return c > 1 ? 1 : c;
}

/* cosine() of a doc's vector (unit length) and a story's, through the
 * story's index: the article has the fewer keys, so they are walked. */
static double doc_cosine(const px_features *a, const px_features *b, const px_key_index *bx,
                         double nb)
{
    if (!a->len || !b->len || nb <= 0) return -1;
    double c = px_features_dot_indexed(a, b, bx) / (1 * nb);
    return c > 1 ? 1 : c;
}

/* share_more_than_places() with the doc's side walked and the story's
 * looked up in its index. */
static int doc_shares_more_than_places(const px_doc *d, const px_story *s)
{
    for (size_t i = 0; i < d->specifics.len; i++) {
        uint64_t x = d->specifics.items[i].key;
        if (px_features_find(&s->specifics, &s->specifics_index, x) && !px_keys_has(&d->places, x) &&
            !px_keys_has(&s->places, x))
            return 1;
    }
    return 0;
}

void px_story_match(const px_story *s, const px_doc *d, const px_story_params *p, px_match *m)
{
    m->terms = doc_cosine(&d->p.terms, &s->terms, &s->terms_index, s->terms_norm);
    if (m->terms < 0) m->terms = 0;
    m->specifics = doc_cosine(&d->specifics, &s->specifics, &s->specifics_index, s->specifics_norm);
    m->places_only = m->specifics >= 0 && !doc_shares_more_than_places(d, s);
    m->quotes = -1;
    if (d->p.quotes.len && s->quotes.len)
        m->quotes = (double)px_keys_shared_indexed(&d->p.quotes, &s->quotes, &s->quotes_index) /
                    (double)d->p.quotes.len;
    px_day_count buf[PX_DOC_DAYS + 1];
    px_when dw = px_doc_when(d, buf), sw = px_story_when(s);
    m->gap = px_when_gap(&dw, &sw, p->link_floor);
    px_story_combine(m, p);
}

void px_story_match_story(const px_story *a, const px_story *b, const px_story_params *p,
                          px_match *m)
{
    m->terms = cosine(&a->terms, a->terms_norm, &b->terms, b->terms_norm);
    if (m->terms < 0) m->terms = 0;
    m->specifics = cosine(&a->specifics, a->specifics_norm, &b->specifics, b->specifics_norm);
    m->places_only = m->specifics >= 0 &&
                     !px_share_more_than_places(&a->specifics, &a->places, &b->specifics, &b->places);
    m->quotes = -1;
    if (a->quotes.len && b->quotes.len) {
        size_t smaller = a->quotes.len < b->quotes.len ? a->quotes.len : b->quotes.len;
        m->quotes = (double)px_keys_shared(&a->quotes, &b->quotes) / (double)smaller;
    }
    px_when aw = px_story_when(a), bw = px_story_when(b);
    m->gap = px_when_gap(&aw, &bw, p->link_floor);
    px_story_combine(m, p);
}

const px_member *px_story_copy_of(const px_story *s, const px_doc *d, int copy_bits,
                                  const px_match *match)
{
    if (d->p.words < 20) return NULL; /* too short to call a copy */
    if (match->specifics >= 0 && match->specifics < 0.5) return NULL; /* a template, other names */
    for (size_t i = 0; i < s->members.len; i++) {
        const px_member *m = &s->members.items[i];
        if (m->fingerprint == d->fingerprint ||
            px_simhash_distance(m->simhash, d->p.simhash) <= copy_bits)
            return m;
    }
    return NULL;
}

/* ---- bytes ------------------------------------------------------------- */

static void put(px_buf *b, const void *p, size_t n) { px_buf_append(b, p, n); }

/* Key and weight, 12 bytes a feature, gathered FEATURE_CHUNK at a time:
 * one append per feature field was most of saving a story (hundreds of
 * dirty stories at each commit). */
#define FEATURE_CHUNK 64

static void put_features(px_buf *b, const px_features *f)
{
    uint32_t n = (uint32_t)f->len;
    put(b, &n, 4);
    unsigned char chunk[FEATURE_CHUNK * 12];
    for (size_t i = 0; i < f->len; i += FEATURE_CHUNK) {
        size_t k = f->len - i < FEATURE_CHUNK ? f->len - i : FEATURE_CHUNK;
        for (size_t j = 0; j < k; j++) {
            memcpy(chunk + 12 * j, &f->items[i + j].key, 8);
            memcpy(chunk + 12 * j + 8, &f->items[i + j].weight, 4);
        }
        put(b, chunk, 12 * k);
    }
}

static void put_days(px_buf *b, const px_day_counts *c)
{
    uint32_t n = (uint32_t)c->len;
    put(b, &n, 4);
    put(b, c->items, n * sizeof *c->items);
}

#define STORY_MAGIC_1 0x31797473u /* "sty1": no days */
#define STORY_MAGIC_2 0x32797473u /* "sty2": days after the members */
#define STORY_MAGIC 0x33797473u   /* "sty3": places after the days */

void px_story_save(const px_story *s, px_buf *out)
{
    uint32_t magic = STORY_MAGIC;
    put(out, &magic, 4);
    put(out, &s->id, 8);
    put(out, &s->size, 4);
    put(out, &s->first_day, 4);
    put(out, &s->last_day, 4);
    put_features(out, &s->terms);
    put_features(out, &s->specifics);
    uint32_t n = (uint32_t)s->quotes.len;
    put(out, &n, 4);
    put(out, s->quotes.items, n * 8);
    n = (uint32_t)s->members.len;
    put(out, &n, 4);
    put(out, s->members.items, n * sizeof *s->members.items);
    put_days(out, &s->pub_days);
    put_days(out, &s->named_days);
    n = (uint32_t)s->places.len;
    put(out, &n, 4);
    put(out, s->places.items, n * 8);
}

typedef struct reader {
    const unsigned char *p, *end;
    int bad;
} reader;

static void get(reader *r, void *dst, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        memset(dst, 0, n);
        return;
    }
    memcpy(dst, r->p, n);
    r->p += n;
}

static double get_features(reader *r, px_features *f, size_t cap)
{
    uint32_t n;
    get(r, &n, 4);
    if (n > cap) r->bad = 1;
    double norm = 0;
    for (uint32_t i = 0; i < n && !r->bad; i++) {
        px_feature x = {0, 0, 0};
        get(r, &x.key, 8);
        get(r, &x.weight, 4);
        px_vec_push(f, x);
        norm += (double)x.weight * x.weight;
    }
    return sqrt(norm);
}

static void get_days(reader *r, px_day_counts *c)
{
    uint32_t n;
    get(r, &n, 4);
    if (n > PX_STORY_DAYS) r->bad = 1;
    for (uint32_t i = 0; i < n && !r->bad; i++) {
        px_day_count x;
        get(r, &x, sizeof x);
        px_vec_push(c, x);
    }
}

int px_story_load(px_story *s, const void *data, size_t len)
{
    reader r = {data, (const unsigned char *)data + len, 0};
    uint32_t magic, n;
    px_story_init(s, 0);
    get(&r, &magic, 4);
    if (magic != STORY_MAGIC && magic != STORY_MAGIC_2 && magic != STORY_MAGIC_1) r.bad = 1;
    get(&r, &s->id, 8);
    get(&r, &s->size, 4);
    get(&r, &s->first_day, 4);
    get(&r, &s->last_day, 4);
    s->terms_norm = get_features(&r, &s->terms, PX_STORY_TERMS);
    s->specifics_norm = get_features(&r, &s->specifics, PX_STORY_SPECIFICS);
    get(&r, &n, 4);
    for (uint32_t i = 0; i < n && i <= PX_STORY_QUOTES && !r.bad; i++) {
        uint64_t k;
        get(&r, &k, 8);
        px_vec_push(&s->quotes, k);
    }
    get(&r, &n, 4);
    for (uint32_t i = 0; i < n && i <= PX_STORY_MEMBERS && !r.bad; i++) {
        px_member m;
        get(&r, &m, sizeof m);
        px_vec_push(&s->members, m);
    }
    if (magic != STORY_MAGIC_1) {
        get_days(&r, &s->pub_days);
        get_days(&r, &s->named_days);
    } else if (s->first_day != PX_NO_DAY) { /* sty1: the ends of its span stand in */
        int32_t ends[2] = {s->first_day, s->last_day};
        px_day_counts_add(&s->pub_days, ends, s->first_day == s->last_day ? 1 : 2, 1, PX_STORY_DAYS);
    }
    if (magic == STORY_MAGIC) { /* sty2 and before: no places, so none counts as one */
        get(&r, &n, 4);
        for (uint32_t i = 0; i < n && i <= PX_STORY_SPECIFICS && !r.bad; i++) {
            uint64_t k;
            get(&r, &k, 8);
            px_vec_push(&s->places, k);
        }
    }
    if (r.bad || r.p != r.end) {
        px_story_free(s);
        return -1;
    }
    reindex(s);
    return 0;
}

void px_story_free(px_story *s)
{
    px_vec_free(&s->terms);
    px_vec_free(&s->specifics);
    px_key_index_free(&s->terms_index);
    px_key_index_free(&s->specifics_index);
    px_key_index_free(&s->quotes_index);
    px_vec_free(&s->quotes);
    px_vec_free(&s->members);
    px_vec_free(&s->pub_days);
    px_vec_free(&s->named_days);
    px_vec_free(&s->places);
}

px_when px_story_when(const px_story *s)
{
    px_when w = {s->pub_days.items, s->named_days.items, s->pub_days.len, s->named_days.len};
    return w;
}
