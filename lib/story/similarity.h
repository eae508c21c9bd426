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
 * A hash index over the keys of a feature vector (slot: 1 + the key's
 * position, 0 empty; linear probing, at most a quarter full), for a vector
 * scored against many others: a story's, against each article grouped.
 * The dot then walks the other side only (an article holds half the keys
 * of a story) and looks each key up, where a merge walks both.
 *
 * Ownership: the index owns its slots (px_features_index_free); a zeroed
 * one is empty and ready.  It holds positions, not keys: rebuild it
 * whenever the vector changes.  Vectors of 65,535 keys or more are not
 * indexed (the index stays empty and the functions below merge).
 */
typedef struct px_features_index {
    uint16_t *slots;
    size_t cap;  /* a power of two, or 0 when nothing is indexed */
    size_t room; /* slots allocated */
    size_t len;  /* the length of the vector indexed */
    int shift;   /* 64 - log2(cap): a key's first slot is the top bits of a product */
} px_features_index;

void px_features_index_build(px_features_index *x, const px_features *f);
void px_features_index_free(px_features_index *x);

/* px_features_dot(a, b) with bx the index of b as it is: the same value to
 * the last bit (matches are summed in key order either way).  Falls back
 * to the merge when bx does not index a vector of b's length. */
double px_features_dot_indexed(const px_features *a, const px_features *b,
                               const px_features_index *bx);

/* The feature of f with key (bx indexing f), or NULL. */
const px_feature *px_features_find(const px_features *f, const px_features_index *fx,
                                   uint64_t key);

/* Cosine of two L2-normalised sorted feature vectors. */
double px_features_cosine(const px_features *a, const px_features *b);

/* Bits that differ between two simhashes: 0-3 means a near-copy. */
int px_simhash_distance(uint64_t a, uint64_t b);

#endif
