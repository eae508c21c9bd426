/*
 * refine.h — the batch refinement pass: order no longer matters.
 *
 * Online grouping decides each article once, against the stories as they
 * were when it arrived; in a batch the first articles of a story are
 * judged against almost nothing.  Refinement goes over the articles again
 * with the stories complete and moves each to the story it fits best,
 * scored exactly as online (px_story_params) but leaving the article out
 * of its own story (an exact leave-one-out over uncapped sums), until
 * nothing moves or `rounds` passes are done.  Like k-means with a
 * threshold instead of k: an article that fits no story well enough goes
 * alone.
 */
#ifndef PX_REFINE_H
#define PX_REFINE_H

#include "story/story.h"

/* story[i] is doc i's story id (any ids >= 0), rewritten in place; ids of
 * new singletons are above the largest given.  Docs must be weighed.
 * Returns the number of moves. */
size_t px_refine(const px_doc *docs, size_t n, const px_story_params *p, int rounds,
                 int64_t *story);

#endif
