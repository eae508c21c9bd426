/*
 * similarity.c — scoring two profiles.
 *
 * The score is a weighted mean of four kinds of evidence, because each
 * fails alone: shared words are fooled by two stories of the same kind
 * (two earthquakes), shared entities by two stories about the same people,
 * quotes are absent from many articles, and dates only say "could be".
 * Parts that cannot be measured drop out and their weight is shared among
 * the rest, so an article without quotes is not punished for it.
 *
 * Entities: the cosine of the entity vectors, blended with the overlap of
 * person surnames, so that "John Earnest" in one outlet and "Josh Earnest"
 * in another still count as the same person for similarity (compare flags
 * the difference as a conflict).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "story/similarity.h"

/* A merge of the two key orders.  The steps are taken by comparison
 * results rather than by branches: which side moves is data-dependent and
 * mispredicted half the time, and an article is scored against dozens of
 * stories of 200 keys.  The products are summed in key order as before. */
double px_features_dot(const px_features *a, const px_features *b)
{
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < a->len && j < b->len) {
        uint64_t x = a->items[i].key, y = b->items[j].key;
        if (x == y) dot += (double)a->items[i].weight * b->items[j].weight;
        i += x <= y;
        j += y <= x;
    }
    return dot;
}

/* 2^64 over the golden ratio: the top bits of key * INDEX_MUL are well
 * spread even for keys whose low bits are poor (FNV-1a of short strings). */
#define INDEX_MUL 0x9e3779b97f4a7c15ULL

/* The key at position i of an array of items stride bytes apart, each
 * opening with its uint64_t key (px_keys: 8, px_features: their size). */
static inline uint64_t key_at(const void *items, size_t stride, size_t i)
{
    uint64_t k;
    memcpy(&k, (const char *)items + i * stride, sizeof k);
    return k;
}

static void index_build(px_key_index *x, const void *items, size_t n, size_t stride)
{
    x->len = n;
    x->cap = 0;
    if (n >= UINT16_MAX) return;
    size_t cap = 16;
    int bits = 4;
    while (cap < 4 * n) cap *= 2, bits++;
    if (cap > x->room) {
        free(x->slots);
        x->slots = px_xmalloc(cap * sizeof *x->slots);
        x->room = cap;
    }
    memset(x->slots, 0, cap * sizeof *x->slots);
    x->cap = cap;
    x->shift = 64 - bits;
    size_t mask = cap - 1;
    for (size_t i = 0; i < n; i++) {
        size_t k = (size_t)((key_at(items, stride, i) * INDEX_MUL) >> x->shift);
        while (x->slots[k]) k = (k + 1) & mask;
        x->slots[k] = (uint16_t)(i + 1);
    }
}

void px_key_index_features(px_key_index *x, const px_features *f)
{
    index_build(x, f->items, f->len, sizeof *f->items);
}

void px_key_index_keys(px_key_index *x, const px_keys *k)
{
    index_build(x, k->items, k->len, sizeof *k->items);
}

void px_key_index_free(px_key_index *x)
{
    free(x->slots);
    memset(x, 0, sizeof *x);
}

/* 1 + the position of key among the items x indexes, 0 when absent. */
static inline size_t index_find(const px_key_index *x, const void *items, size_t stride,
                                uint64_t key)
{
    size_t mask = x->cap - 1;
    for (size_t k = (size_t)((key * INDEX_MUL) >> x->shift);; k = (k + 1) & mask) {
        uint16_t at = x->slots[k];
        if (!at || key_at(items, stride, at - 1u) == key) return at;
    }
}

const px_feature *px_features_search(const px_features *f, uint64_t key)
{
    size_t lo = 0, hi = f->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->items[mid].key < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < f->len && f->items[lo].key == key ? &f->items[lo] : NULL;
}

const px_feature *px_features_find(const px_features *f, const px_key_index *fx, uint64_t key)
{
    if (!fx->cap || fx->len != f->len) return px_features_search(f, key); /* not indexed */
    size_t at = index_find(fx, f->items, sizeof *f->items, key);
    return at ? &f->items[at - 1] : NULL;
}

double px_features_dot_indexed(const px_features *a, const px_features *b, const px_key_index *bx)
{
    if (!bx->cap || bx->len != b->len) return px_features_dot(a, b);
    double dot = 0;
    for (size_t i = 0; i < a->len; i++) {
        size_t at = index_find(bx, b->items, sizeof *b->items, a->items[i].key);
        if (at) dot += (double)a->items[i].weight * b->items[at - 1].weight;
    }
    return dot;
}

size_t px_keys_shared_indexed(const px_keys *a, const px_keys *b, const px_key_index *bx)
{
    if (!bx->cap || bx->len != b->len) return px_keys_shared(a, b);
    size_t n = 0;
    for (size_t i = 0; i < a->len; i++) n += index_find(bx, b->items, sizeof *b->items, a->items[i]) != 0;
    return n;
}

double px_features_cosine(const px_features *a, const px_features *b)
{
    double dot = px_features_dot(a, b);
    return dot > 1 ? 1 : dot;
}

int px_keys_has(const px_keys *k, uint64_t x)
{
    size_t lo = 0, hi = k->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (k->items[mid] < x) lo = mid + 1;
        else hi = mid;
    }
    return lo < k->len && k->items[lo] == x;
}

size_t px_keys_shared(const px_keys *a, const px_keys *b)
{
    size_t n = 0, i = 0, j = 0;
    while (i < a->len && j < b->len) {
        if (a->items[i] == b->items[j]) n++, i++, j++;
        else if (a->items[i] < b->items[j]) i++;
        else j++;
    }
    return n;
}

static double entity_part(const px_profile *a, const px_profile *b)
{
    if (!a->entities.len || !b->entities.len) return -1;
    double cos = px_features_cosine(&a->entities, &b->entities);
    if (!a->surnames.len || !b->surnames.len) return cos;
    size_t shared = px_keys_shared(&a->surnames, &b->surnames);
    double jaccard = (double)shared / (double)(a->surnames.len + b->surnames.len - shared);
    return 0.7 * cos + 0.3 * jaccard;
}

static double quote_part(const px_profile *a, const px_profile *b)
{
    if (!a->quotes.len || !b->quotes.len) return -1;
    size_t smaller = a->quotes.len < b->quotes.len ? a->quotes.len : b->quotes.len;
    return (double)px_keys_shared(&a->quotes, &b->quotes) / (double)smaller;
}

/* 1 on the same day, 0.5 three days apart, near 0 after two weeks. */
static double date_part(const px_profile *a, const px_profile *b)
{
    if (a->day == PX_NO_DAY || b->day == PX_NO_DAY) return -1;
    double days = fabs((double)a->day - (double)b->day);
    return exp(-days * 0.231); /* ln 2 / 3 */
}

void px_profile_similarity(const px_profile *a, const px_profile *b, px_similarity *out)
{
    out->terms = (a->terms.len && b->terms.len) ? px_features_cosine(&a->terms, &b->terms) : 0;
    out->entities = entity_part(a, b);
    out->quotes = quote_part(a, b);
    out->dates = date_part(a, b);
    double parts[] = {out->terms, out->entities, out->quotes, out->dates};
    double weights[] = {PX_SIM_TERMS, PX_SIM_ENTITIES, PX_SIM_QUOTES, PX_SIM_DATES};
    double sum = 0, wsum = 0;
    for (int i = 0; i < 4; i++) {
        if (parts[i] < 0) continue;
        sum += weights[i] * parts[i];
        wsum += weights[i];
    }
    out->score = wsum > 0 ? sum / wsum : 0;
}

int px_simhash_distance(uint64_t a, uint64_t b)
{
    return __builtin_popcountll(a ^ b);
}
