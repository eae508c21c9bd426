/*
 * cluster.h — online story grouping: each article, in time order, joins
 * the story it fits best or starts a new one.
 *
 * Candidates come from an inverted index: each live story is listed under
 * its strongest terms and specifics, and an article looks up its own
 * strongest keys, so it is scored against the few stories that share
 * something with it, not against all of them.  Stories quiet for longer
 * than the window are not candidates; px_clusterer_expire() drops them
 * from memory (the caller persists them first), which is what bounds
 * memory by the window and not by the stream.
 *
 * Decisions are deterministic: the same articles in the same order give
 * the same stories (ties go to the older story).  Each decision carries
 * its evidence (px_decision) for `parallax explain`.
 *
 * Document frequencies: with learn = 1 (a stream) each article is counted
 * before it is weighed; a batch counts all its articles first (learn = 0).
 *
 * Ownership: the clusterer owns its stories, index and df.  px_doc
 * arguments are borrowed and re-weighed in place.
 */
#ifndef PX_CLUSTER_H
#define PX_CLUSTER_H

#include "story/story.h"

typedef struct px_clusterer px_clusterer;

typedef struct px_decision {
    int64_t story;       /* the story joined or started */
    int created;         /* 1 when the article started it */
    int64_t copy_of;     /* the article it copies, or -1 */
    px_match match;      /* against the story joined, or the best candidate */
    int64_t best;        /* that best candidate when created, or -1 */
    size_t candidates;   /* stories scored */
} px_decision;

px_clusterer *px_clusterer_new(const px_story_params *p, int learn);
void px_clusterer_free(px_clusterer *c);
const px_story_params *px_clusterer_params(const px_clusterer *c);
px_df *px_clusterer_df(px_clusterer *c);

/* The id the next new story gets (ids only grow; default 1). */
void px_clusterer_set_next_id(px_clusterer *c, int64_t id);

/* Takes over a story saved earlier (resuming a stream); s is moved in. */
void px_clusterer_restore(px_clusterer *c, px_story *s);

/* Groups one article; d is weighed with the clusterer's df. */
void px_clusterer_add(px_clusterer *c, int64_t article, px_doc *d, px_decision *out);

/* The live stories, for saving the dirty ones; valid until the next call. */
size_t px_clusterer_count(const px_clusterer *c);
px_story *px_clusterer_story(px_clusterer *c, size_t i);

/* Drops stories quiet for longer than the window before the latest day
 * seen, calling fn on each first (fn may be NULL).  Returns how many. */
size_t px_clusterer_expire(px_clusterer *c, void (*fn)(px_story *, void *), void *ud);

/*
 * Batch merge pass: merges every pair of live stories whose match is at or
 * above merge_threshold, the younger into the older, and calls
 * fn(from, into, ud) for each merge.  Returns the number of merges.
 */
size_t px_clusterer_merge(px_clusterer *c, void (*fn)(int64_t, int64_t, void *), void *ud);

#endif
