/*
 * similarity.h — how alike two profiles are (px_similarity, parallax.h).
 *
 * Used to say whether the inputs of `parallax compare` are one story, and
 * by story grouping to score an article against candidate stories.
 */
#ifndef PX_SIMILARITY_H
#define PX_SIMILARITY_H

#include "story/profile.h"

/* The weights of the parts, before the unmeasured ones are left out. */
#define PX_SIM_TERMS 0.45
#define PX_SIM_ENTITIES 0.30
#define PX_SIM_QUOTES 0.15
#define PX_SIM_DATES 0.10

void px_profile_similarity(const px_profile *a, const px_profile *b, px_similarity *out);

/* Dot product of two sorted feature vectors (any lengths). */
double px_features_dot(const px_features *a, const px_features *b);

/*
 * A hash index over the keys of a feature vector or a key set (slot: 1 +
 * the key's position, 0 empty; linear probing, at most a quarter full),
 * for one scored against many others: a story's, against each article
 * grouped.  A dot or a count of shared keys then walks the other side
 * only (an article holds a third to a half of the keys of a story) and
 * looks each key up, where a merge walks both.
 *
 * Ownership: the index owns its slots (px_key_index_free); a zeroed one
 * is empty and ready.  It holds positions, not keys: rebuild it whenever
 * what it indexes changes.  Up to 65,534 keys are indexed; with more, or
 * when the index does not fit what it is given (its length differs), the
 * functions below merge instead, with the same result.
 */
typedef struct px_key_index {
    uint16_t *slots;
    size_t cap;  /* a power of two, or 0 when nothing is indexed */
    size_t room; /* slots allocated */
    size_t len;  /* how many keys were indexed */
    int shift;   /* 64 - log2(cap): a key's first slot is the top bits of a product */
} px_key_index;

void px_key_index_features(px_key_index *x, const px_features *f);
void px_key_index_keys(px_key_index *x, const px_keys *k);
void px_key_index_free(px_key_index *x);

/* px_features_dot(a, b) with bx the index of b: the same value to the
 * last bit (matches are summed in key order either way). */
double px_features_dot_indexed(const px_features *a, const px_features *b, const px_key_index *bx);

/* The feature of f (sorted by key) with key, by binary search, or NULL. */
const px_feature *px_features_search(const px_features *f, uint64_t key);

/* The feature of f with key (fx indexing f), or NULL. */
const px_feature *px_features_find(const px_features *f, const px_key_index *fx, uint64_t key);

/* px_keys_shared(a, b) with bx the index of b. */
size_t px_keys_shared_indexed(const px_keys *a, const px_keys *b, const px_key_index *bx);

/* Cosine of two L2-normalised sorted feature vectors. */
double px_features_cosine(const px_features *a, const px_features *b);

/* Bits that differ between two simhashes: 0-3 means a near-copy. */
int px_simhash_distance(uint64_t a, uint64_t b);

#endif
