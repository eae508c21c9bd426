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

/* Cosine of two L2-normalised sorted feature vectors. */
double px_features_cosine(const px_features *a, const px_features *b);

/* Bits that differ between two simhashes: 0-3 means a near-copy. */
int px_simhash_distance(uint64_t a, uint64_t b);

#endif
