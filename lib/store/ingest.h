/*
 * ingest.h — adding a stream of articles to the store, grouped as they
 * come (`parallax add`).
 *
 * Each article is checked against the store (same URL or same body
 * fingerprint: already there, skipped), grouped by the online clusterer
 * (cluster.h) and written with its analysis summary, its full-text entry
 * and its membership.  Every `batch` articles the stories that changed are
 * saved and the transaction commits; so a kill at any point loses at most
 * the uncommitted batch, which a rerun adds again (the committed articles
 * are skipped as already there).  Nothing is written twice, and every
 * stored article is in exactly one story.
 *
 * Memory: stories quiet for longer than the window are saved and dropped
 * as the stream's clock reaches a new day; a rerun restores the stories
 * still in the window.
 * Document frequencies are saved every PX_INGEST_DF_EVERY commits and at
 * the end (a crash loses the counts of the articles since, which only
 * shifts weights slightly).
 *
 * Ownership: the px_ingest borrows the store (which must outlive it) and
 * owns its clusterer.
 */
#ifndef PX_INGEST_H
#define PX_INGEST_H

#include "store/store.h"

/* PX_INGEST_BATCH (parallax.h), articles per transaction unless told
 * otherwise: larger transactions let more inserts into the random-key
 * indexes share a page before it is written (store.c): 5,000 wrote 30%
 * fewer pages than 1,000.  A kill loses at most one transaction's work,
 * which a rerun redoes. */
/* Commits between saves of the document frequencies: every 50,000
 * articles at the default batch. */
#define PX_INGEST_DF_EVERY 10

/* px_ingest, its stats and calls but the one below are public:
 * include/parallax.h (px_store_ingest() opens one with the default
 * grouping). */

/* px_store_ingest() with grouping parameters p (copied). */
px_status px_ingest_open(px_store *s, const px_story_params *p, size_t batch, px_ingest **out,
                         px_error *err);

#endif
