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

/* Articles per transaction unless told otherwise.  Larger transactions
 * let more inserts into the random-key indexes share a page before it is
 * written (store.c): 5,000 wrote 30% fewer pages than 1,000.  A kill loses
 * at most one transaction's work, which a rerun redoes. */
#define PX_INGEST_BATCH 5000
/* Commits between saves of the document frequencies: every 50,000
 * articles at the default batch. */
#define PX_INGEST_DF_EVERY 10

typedef struct px_ingest px_ingest;

typedef struct px_ingest_stats {
    size_t added;      /* articles stored */
    size_t duplicates; /* already stored: skipped */
    size_t stories;    /* stories started */
    size_t copies;     /* articles stored as copies of another */
    size_t restored;   /* stories taken up from the store at the start */
} px_ingest_stats;

px_status px_ingest_open(px_store *s, const px_story_params *p, size_t batch, px_ingest **out,
                         px_error *err);
/* 1 (and counted as a duplicate) when an article with a's URL is stored:
 * a caller can skip analysing it.  0 otherwise, or when a has no URL. */
int px_ingest_known(px_ingest *g, const px_article *a);
/* Adds one analysed article (borrowed).  *added is 0 when it was already there. */
px_status px_ingest_add(px_ingest *g, px_context *ctx, const px_article *a,
                        const px_analysis *an, int *added, px_error *err);
/* Commits what is pending. */
px_status px_ingest_flush(px_ingest *g, px_error *err);
/* The counts so far, the open transaction's articles included (for a
 * progress line). */
const px_ingest_stats *px_ingest_stats_of(const px_ingest *g);
/* The counts as of the last commit: what is stored.  After a failed
 * write (a full disk, a damaged store) the open transaction is rolled
 * back, so these, not px_ingest_stats_of(), are what a summary reports. */
const px_ingest_stats *px_ingest_committed(const px_ingest *g);
/* Saves the document frequencies and commits what is pending; after it
 * only px_ingest_close().  PX_OK, or the error of the failed write. */
px_status px_ingest_finish(px_ingest *g, px_error *err);
/* Finishes (unless finished or an error came before) and frees. */
px_status px_ingest_close(px_ingest *g, px_error *err);

#endif
