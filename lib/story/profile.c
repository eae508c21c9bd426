/*
 * profile.c — building an article's profile (profile.h) from its analysis.
 *
 * Everything is keyed by 64-bit hashes of folded text and kept in sorted
 * arrays, so two profiles compare by merging.  The one choice worth
 * explaining is the entity type factor: places weigh least because the same
 * countries and capitals appear in many unrelated stories ("Iran", "United
 * States"), persons most because a named person is the strongest sign that
 * two articles tell the same story.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "story/profile.h"

/* FNV-1a, as px_hash(): the keys of names and the body's hashes. */
#define FNV_BASIS 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static const float type_factor[] = {
    [PX_ENTITY_PERSON] = 1.0f, [PX_ENTITY_ORGANIZATION] = 0.8f,
    [PX_ENTITY_PLACE] = 0.5f, [PX_ENTITY_OTHER] = 0.7f,
};

/* Stable merge sort of f[0..n) by key, tmp[0..n) as scratch.  Stable, as
 * glibc's qsort() (a merge sort) was, so that equal keys add their tf in
 * the same order and the sums are the same to the last bit; written out
 * because qsort()'s call per comparison was a twentieth of `parallax add`. */
static void sort_features(px_feature *f, px_feature *tmp, size_t n)
{
    if (n <= 16) {
        for (size_t i = 1; i < n; i++) {
            px_feature x = f[i];
            size_t j = i;
            while (j > 0 && f[j - 1].key > x.key) f[j] = f[j - 1], j--;
            f[j] = x;
        }
        return;
    }
    size_t half = n / 2;
    sort_features(f, tmp, half);
    sort_features(f + half, tmp, n - half);
    if (f[half - 1].key <= f[half].key) return; /* already in order */
    memcpy(tmp, f, half * sizeof *f);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n) f[k++] = f[j].key < tmp[i].key ? f[j++] : tmp[i++];
    while (i < half) f[k++] = tmp[i++];
}

/* Sorts by key and merges equal keys, adding their tf. */
void px_features_merge(px_features *f)
{
    if (!f->len) return;
    px_feature small[64], *tmp = f->len / 2 <= 64 ? small : px_xmalloc(f->len / 2 * sizeof *tmp);
    sort_features(f->items, tmp, f->len);
    if (tmp != small) free(tmp);
    size_t out = 0;
    for (size_t i = 1; i < f->len; i++) {
        if (f->items[i].key == f->items[out].key) f->items[out].tf += f->items[i].tf;
        else f->items[++out] = f->items[i];
    }
    f->len = out + 1;
}

void px_keys_unique(px_keys *k)
{
    if (!k->len) return;
    px_sort_by_key(k->items, k->len, sizeof *k->items);
    size_t out = 0;
    for (size_t i = 1; i < k->len; i++)
        if (k->items[i] != k->items[out]) k->items[++out] = k->items[i];
    k->len = out + 1;
}

/* weight = sublinear tf * idf, then the vector scaled to unit length. */
static void weigh(px_features *f, const px_idf *idf)
{
    double norm = 0;
    for (size_t i = 0; i < f->len; i++) {
        float tf = 1.0f + logf(f->items[i].tf);
        float w = tf * (float)(idf ? px_idf_weight(idf, f->items[i].key) : 1.0);
        f->items[i].weight = w;
        norm += (double)w * w;
    }
    norm = sqrt(norm);
    for (size_t i = 0; norm > 0 && i < f->len; i++) f->items[i].weight /= (float)norm;
}

static void add_terms(px_profile *p, const px_analysis *an)
{
    for (size_t i = 0; i < an->tokens.len; i++) {
        const px_token *t = &an->tokens.items[i];
        if (t->kind != PX_TOKEN_WORD || t->stop || strlen(t->stem) < 2) continue;
        px_feature f = {px_hash(t->stem, strlen(t->stem)), 1.0f, 0};
        px_vec_push(&p->terms, f);
        p->words++;
    }
    px_features_merge(&p->terms);
}

uint64_t px_fold_hash(const char *s, size_t n)
{
    uint64_t h = FNV_BASIS;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        h ^= c;
        h *= FNV_PRIME;
    }
    return h;
}

static void add_entities(px_profile *p, const px_analysis *an)
{
    for (size_t i = 0; i < an->entities.len; i++) {
        const px_entity *e = &an->entities.items[i].pub;
        float tf = (1.0f + logf((float)(e->mention_count ? e->mention_count : 1))) *
                   type_factor[e->type <= PX_ENTITY_OTHER ? e->type : PX_ENTITY_OTHER];
        px_feature f = {px_fold_hash(e->name, strlen(e->name)), tf, 0};
        px_vec_push(&p->entities, f);
        const char *last = strrchr(e->name, ' ');
        if (e->type == PX_ENTITY_PERSON && last)
            px_vec_push(&p->surnames, px_fold_hash(last + 1, strlen(last + 1)));
    }
    px_features_merge(&p->entities);
    double norm = 0;
    for (size_t i = 0; i < p->entities.len; i++) norm += (double)p->entities.items[i].tf * p->entities.items[i].tf;
    norm = sqrt(norm);
    for (size_t i = 0; i < p->entities.len; i++)
        p->entities.items[i].weight = norm > 0 ? p->entities.items[i].tf / (float)norm : 0;
    px_keys_unique(&p->surnames);
}

static int word_byte(char c)
{
    return (unsigned char)c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* Word 3-grams: words are runs of letters and digits, ASCII-lowered, so
 * curly and straight apostrophes and case do not matter. */
void px_quote_shingles(const char *s, px_keys *out)
{
    uint64_t w[3] = {0};
    size_t nw = 0;
    for (size_t i = 0; s[i];) {
        while (s[i] && !word_byte(s[i])) i++;
        size_t start = i;
        while (s[i] && word_byte(s[i])) i++;
        if (i == start) break;
        w[0] = w[1], w[1] = w[2], w[2] = px_fold_hash(s + start, i - start);
        if (++nw >= 3) px_vec_push(out, (w[0] * 31 + w[1]) * 31 + w[2]);
    }
}

static void add_quotes(px_profile *p, const px_analysis *an)
{
    for (size_t q = 0; q < an->quotes.len; q++) px_quote_shingles(an->quotes.items[q].text, &p->quotes);
    px_keys_unique(&p->quotes);
}

/* A walk over the body's word 4-gram shingles, token by token: the word
 * and number norms' hashes (px_hash), the last four kept.  The same walk
 * chains the norms' bytes, a space after each, into one FNV-1a hash of
 * the body's words (fingerprint): both read each byte once. */
typedef struct shingler {
    uint64_t w[4];
    size_t words;
    uint64_t fingerprint;
} shingler;

#define SHINGLER_START {{0}, 0, FNV_BASIS}

/* Takes token t; 1 when it completes a shingle, its hash in *out. */
static inline int shingle_next(shingler *sh, const px_token *t, uint64_t *out)
{
    if (t->kind != PX_TOKEN_WORD && t->kind != PX_TOKEN_NUMBER) return 0;
    uint64_t h = FNV_BASIS, f = sh->fingerprint;
    for (const unsigned char *c = (const unsigned char *)t->norm; *c; c++)
        h = (h ^ *c) * FNV_PRIME, f = (f ^ *c) * FNV_PRIME;
    sh->fingerprint = (f ^ ' ') * FNV_PRIME;
    sh->w[0] = sh->w[1], sh->w[1] = sh->w[2], sh->w[2] = sh->w[3];
    sh->w[3] = h;
    if (++sh->words < 4) return 0;
    *out = ((sh->w[0] * 31 + sh->w[1]) * 31 + sh->w[2]) * 31 + sh->w[3];
    return 1;
}

void px_body_shingles(const px_analysis *an, px_keys *out)
{
    shingler sh = SHINGLER_START;
    uint64_t h;
    for (size_t i = 0; i < an->tokens.len; i++)
        if (shingle_next(&sh, &an->tokens.items[i], &h)) px_vec_push(out, h);
}

/* spread[x]: the bits of byte x, one to a byte (bit j in the low bit of
 * byte j), so that adding spread[] values counts eight bits at once. */
#define SPREAD(x)                                                                              \
    ((uint64_t)((x) & 1) | (uint64_t)((x) >> 1 & 1) << 8 | (uint64_t)((x) >> 2 & 1) << 16 |    \
     (uint64_t)((x) >> 3 & 1) << 24 | (uint64_t)((x) >> 4 & 1) << 32 |                        \
     (uint64_t)((x) >> 5 & 1) << 40 | (uint64_t)((x) >> 6 & 1) << 48 | (uint64_t)((x) >> 7 & 1) << 56)
#define SPREAD4(x) SPREAD(x), SPREAD((x) + 1), SPREAD((x) + 2), SPREAD((x) + 3)
#define SPREAD16(x) SPREAD4(x), SPREAD4((x) + 4), SPREAD4((x) + 8), SPREAD4((x) + 12)
#define SPREAD64(x) SPREAD16(x), SPREAD16((x) + 16), SPREAD16((x) + 32), SPREAD16((x) + 48)
static const uint64_t spread[256] = {SPREAD64(0), SPREAD64(64), SPREAD64(128), SPREAD64(192)};

/* acc[k] += the bits of byte k of x, one to a byte lane (bit j of byte k
 * in lane j of acc[k]). */
static inline void spread_add(uint64_t acc[8], uint64_t x)
{
    for (int k = 0; k < 8; k++) acc[k] += spread[x >> 8 * k & 0xff];
}

/* ones[b] += weight * lane b of acc, and acc emptied. */
static void spread_flush(uint64_t acc[8], uint32_t ones[64], uint32_t weight)
{
    for (int k = 0; k < 8; k++) {
        for (int j = 0; j < 8; j++) ones[8 * k + j] += weight * (uint32_t)(acc[k] >> 8 * j & 0xff);
        acc[k] = 0;
    }
}

/* Carry-save adder, bitwise: a + b + c = 2 * hi + lo in every bit. */
#define CSA(hi, lo, a, b, c)                                                                   \
    do {                                                                                       \
        uint64_t u_ = (a) ^ (b), c_ = (c);                                                     \
        hi = ((a) & (b)) | (u_ & c_);                                                          \
        lo = u_ ^ c_;                                                                          \
    } while (0)

/* Adds the eight words x[0..8) to the bit planes of ones, twos and fours;
 * returns the plane of eights carried out. */
static inline uint64_t add8(uint64_t *p1, uint64_t *p2, uint64_t *p4, const uint64_t *x)
{
    uint64_t twos_a, twos_b, fours_a, fours_b, eights;
    CSA(twos_a, *p1, *p1, x[0], x[1]);
    CSA(twos_b, *p1, *p1, x[2], x[3]);
    CSA(fours_a, *p2, *p2, twos_a, twos_b);
    CSA(twos_a, *p1, *p1, x[4], x[5]);
    CSA(twos_b, *p1, *p1, x[6], x[7]);
    CSA(fours_b, *p2, *p2, twos_a, twos_b);
    CSA(eights, *p4, *p4, fours_a, fours_b);
    return eights;
}

/* Simhash over the body's word 4-gram shingles: bit b is set when more
 * shingles (mixed) have it set than not.  The ones of each bit are counted
 * sixteen shingles at a time with carry-save adders (Harley and Seal's
 * population count, kept per bit): ones, twos, fours and eights are
 * bit planes of the counts carried from block to block, and only the
 * sixteens of a block are spread into byte-wide counters (spread[]), which
 * are emptied before they can overflow.  About ten operations a shingle
 * where counting eight bits at a time took thirty; the counts are exact,
 * so the simhash is the same. */
static uint64_t simhash(const px_analysis *an, uint64_t *fingerprint)
{
    uint32_t ones[64] = {0};
    uint64_t acc[8] = {0}, rest[8] = {0};
    uint64_t p1 = 0, p2 = 0, p4 = 0, p8 = 0; /* the planes */
    uint64_t block[16];
    size_t n = 0, total = 0, blocks = 0;
    shingler sh = SHINGLER_START;
    uint64_t h;
    for (size_t i = 0; i < an->tokens.len; i++) {
        if (!shingle_next(&sh, &an->tokens.items[i], &h)) continue;
        h ^= h >> 33, h *= 0xff51afd7ed558ccdULL, h ^= h >> 33; /* mix the bits */
        block[n++] = h;
        total++;
        if (n < 16) continue;
        n = 0;
        uint64_t eights_a = add8(&p1, &p2, &p4, block), eights_b = add8(&p1, &p2, &p4, block + 8);
        uint64_t sixteens;
        CSA(sixteens, p8, p8, eights_a, eights_b);
        spread_add(acc, sixteens);
        if (++blocks % 255 == 0) spread_flush(acc, ones, 16); /* a byte lane holds 255 */
    }
    spread_flush(acc, ones, 16);
    for (size_t i = 0; i < n; i++) spread_add(rest, block[i]); /* the last, partial block */
    spread_add(rest, p1); /* at most 15 + 1 in a lane */
    spread_flush(rest, ones, 1);
    spread_add(rest, p2);
    spread_flush(rest, ones, 2);
    spread_add(rest, p4);
    spread_flush(rest, ones, 4);
    spread_add(rest, p8);
    spread_flush(rest, ones, 8);
    uint64_t out = 0;
    for (int b = 0; b < 64; b++)
        if (2 * (uint64_t)ones[b] > total) out |= 1ULL << b;
    *fingerprint = sh.fingerprint;
    return out;
}

int32_t px_day_of(const char *iso)
{
    long days;
    return px_iso_days(iso, &days) ? (int32_t)days : PX_NO_DAY;
}

void px_profile_build(px_profile *p, const px_article *a, const px_analysis *an,
                      const px_idf *idf)
{
    memset(p, 0, sizeof *p);
    add_terms(p, an);
    weigh(&p->terms, idf);
    add_entities(p, an);
    add_quotes(p, an);
    p->day = px_day_of(a->date);
    p->simhash = simhash(an, &p->fingerprint);
}

void px_profile_reweight(px_profile *p, const px_idf *idf)
{
    weigh(&p->terms, idf);
}

void px_profile_free(px_profile *p)
{
    px_vec_free(&p->terms);
    px_vec_free(&p->entities);
    px_vec_free(&p->surnames);
    px_vec_free(&p->quotes);
}

void px_idf_add(px_idf *idf, const px_profile *p)
{
    for (size_t i = 0; i < p->terms.len; i++) {
        const char *k = (const char *)&p->terms.items[i].key;
        uintptr_t n = (uintptr_t)px_map_get(&idf->df, k, sizeof(uint64_t));
        px_map_put(&idf->df, k, sizeof(uint64_t), (void *)(n + 1));
    }
    idf->docs++;
}

double px_idf_weight(const px_idf *idf, uint64_t key)
{
    if (!idf || idf->docs == 0) return 1.0;
    uintptr_t n = (uintptr_t)px_map_get(&idf->df, (const char *)&key, sizeof key);
    return log((1.0 + (double)idf->docs) / (1.0 + (double)n)) + 1.0; /* smoothed, >= 1 */
}

void px_idf_free(px_idf *idf)
{
    px_map_free(&idf->df);
    idf->docs = 0;
}
