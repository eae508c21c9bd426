/*
 * profile.h — an article reduced to what similarity needs, compactly.
 *
 * Similarity is computed many times per article (against every candidate
 * story when grouping a stream), so each article is profiled once into
 * sorted arrays of 64-bit feature keys with weights, and comparing two
 * profiles is a merge of sorted arrays: linear, no allocation, no strings.
 *
 *   terms     content-word stems (no stop words, no punctuation), weight
 *             (1 + log tf) * idf, the vector L2-normalised
 *   entities  folded canonical names, weight (1 + log mentions) times a
 *             type factor, L2-normalised; persons also add their surname
 *             (surnames) so "John Earnest" and "Josh Earnest" still meet
 *   quotes    hashes of the word 3-grams of quotations, sorted, unique
 *   day       publication day (days since 1970-01-01) or PX_NO_DAY
 *   simhash   64-bit simhash over word 4-gram shingles of the body:
 *             near-copies (syndication) differ in few bits
 *   fingerprint a hash of the body's words in order: the same text twice
 *             (computed in the same pass as the shingles)
 *
 * Keys are FNV-1a hashes of folded strings; a collision costs a little
 * similarity, never correctness of anything else.
 */
#ifndef PX_PROFILE_H
#define PX_PROFILE_H

#include <stdint.h>

#include "analyze/analysis.h"

#define PX_NO_DAY INT32_MIN

typedef struct px_feature {
    uint64_t key;
    float tf;     /* terms: 1 + log(count); entities: the same times a type factor */
    float weight; /* tf * idf, the vector L2-normalised */
} px_feature;

typedef PX_VEC(px_feature) px_features;
typedef PX_VEC(uint64_t) px_keys;

typedef struct px_profile {
    px_features terms;
    px_features entities;
    px_keys surnames;   /* sorted, unique */
    px_keys quotes;     /* sorted, unique */
    int32_t day;
    uint64_t simhash;
    uint64_t fingerprint; /* FNV-1a of the body's word and number norms, a space after each */
    size_t words;       /* content words in the body */
} px_profile;

/*
 * Inverse document frequencies: how rare each term key is in a collection.
 * A zeroed px_idf means no collection: every term weighs 1.
 */
typedef struct px_idf {
    px_map df;   /* key (8 bytes) -> (void *)(uintptr_t) document count */
    size_t docs; /* documents counted */
} px_idf;

void px_idf_add(px_idf *idf, const px_profile *p); /* counts p's terms once each */
double px_idf_weight(const px_idf *idf, uint64_t key);
void px_idf_free(px_idf *idf);

/* Fills p from an article and its analysis; idf may be NULL.  Never fails. */
void px_profile_build(px_profile *p, const px_article *a, const px_analysis *an,
                      const px_idf *idf);
/* Re-weights p's terms with idf (after the collection is known). */
void px_profile_reweight(px_profile *p, const px_idf *idf);
void px_profile_free(px_profile *p);

/* FNV-1a of s[0..n) with ASCII letters lowered: the key of a name. */
uint64_t px_fold_hash(const char *s, size_t n);

/* Appends the hashes of the word 3-grams of a quotation's text to out
 * (words: runs of letters and digits, ASCII-lowered); unsorted. */
void px_quote_shingles(const char *text, px_keys *out);

/* Sorts features by key and merges equal keys, adding their tf. */
void px_features_merge(px_features *f);

/* Appends the hashes of the word 4-grams of the body (word and number
 * norms, in order) to out; unsorted, repeats kept.  Simhash and the
 * syndication check read the same shingles. */
void px_body_shingles(const px_analysis *an, px_keys *out);

/* Sorts keys and drops repeats. */
void px_keys_unique(px_keys *k);

/* 1 when sorted keys k hold x. */
int px_keys_has(const px_keys *k, uint64_t x);

/* How many keys two sorted, unique key sets share. */
size_t px_keys_shared(const px_keys *a, const px_keys *b);

/* Day number of an ISO date "YYYY-MM-DD...", or PX_NO_DAY. */
int32_t px_day_of(const char *iso);

#endif
