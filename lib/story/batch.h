/*
 * batch.h — grouping a whole collection at once: `parallax cluster` and
 * bench/clustering run exactly this.
 *
 * The online algorithm of cluster.h over the articles sorted by day
 * (stable: undated ones keep their input order, first), with document
 * frequencies counted over the whole collection first, then, when asked,
 * a merge pass joining stories that drifted apart.
 */
#ifndef PX_BATCH_H
#define PX_BATCH_H

#include "story/cluster.h"

/*
 * Groups docs[0..n): story[i] receives doc i's story id (ids count from 1
 * in the order stories start), copy_of[i] (when not NULL) the index of the
 * doc that doc i copies, or -1.  The docs are re-weighed in place.
 * Returns the number of stories.
 */
size_t px_cluster_batch(px_doc *docs, size_t n, const px_story_params *p, int merge,
                        int64_t *story, int64_t *copy_of);

#endif
