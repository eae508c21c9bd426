/*
 * store.h — the embedded store: sources, articles, analyses, stories and
 * memberships in one SQLite file, with full-text search (FTS5).
 *
 * docs/store.md documents the schema.  The store is written by
 * px_ingest (ingest.h) and read by the `stories`, `show`, `search` and
 * `explain` commands through the queries below.
 *
 * Errors: every call that can fail returns px_status (PX_EIO for an
 * SQLite failure, PX_EINPUT for a file that is not a parallax store or a
 * damaged one) and fills err with SQLite's message and the path; a damaged
 * store's message says how to recover.
 *
 * Ownership: px_store owns its connection and prepared statements;
 * px_store_close() finalises them.  Strings handed to callbacks are valid
 * only during the call.  One px_store per thread.
 */
#ifndef PX_STORE_H
#define PX_STORE_H

#include <stdint.h>

#include "story/cluster.h"

#define PX_STORE_DEFAULT "parallax.db"

typedef struct px_store px_store;

/* Stores of up to this many pages (16 MiB at 8 KiB) are quick_checked
 * whole on every open (store.c): about 0.1 s at the bound (a quick_check
 * of a 61 MB file took 0.4 s on the 2-core development machine). */
#define PX_STORE_QUICK_PAGES 2048

/* px_store_open, px_store_check, px_store_close and the read side
 * (stories, articles, outlets, search) are public: include/parallax.h. */
/* Undoes the open transaction, if any (after a failure). */
void px_store_rollback(px_store *s);

/* The writer lock (lock.c), px_store_lock_take, is public: include/parallax.h. */

px_status px_store_begin(px_store *s, px_error *err);
px_status px_store_commit(px_store *s, px_error *err);

/* The stored article with this URL or fingerprint, 0 when none, -1 on an
 * error (px_store_fail() then tells it). */
int64_t px_store_find(px_store *s, const char *url, uint64_t fingerprint);
/* The stored article with this URL, 0 when none, -1 on an error. */
int64_t px_store_find_url(px_store *s, const char *url);

/* Stores an article, its analysis summary and its full-text entry; *id is
 * its new row id. */
px_status px_store_put_article(px_store *s, const px_article *a, const px_analysis *an,
                               const px_doc *d, int64_t *id, px_error *err);
/* Records which story the article joined and why (px_decision). */
px_status px_store_put_membership(px_store *s, int64_t article, const px_decision *dec,
                                  double threshold, px_error *err);
/* Creates the row of a new story (before its first membership). */
px_status px_store_new_story(px_store *s, int64_t id, const char *title, px_error *err);
/* Saves a story's state, size and days into its row. */
px_status px_store_put_story(px_store *s, const px_story *st, px_error *err);

/* Named blobs (the document frequencies). */
px_status px_store_put_meta(px_store *s, const char *key, const void *data, size_t len,
                            px_error *err);
/* *data (malloc'd, the caller frees) is NULL when key is absent. */
px_status px_store_get_meta(px_store *s, const char *key, void **data, size_t *len,
                            px_error *err);

/* Restores into c every story active on or after min_day (and undated
 * ones); sets c's next story id past the largest stored.  Returns PX_OK
 * with *count stories restored. */
px_status px_store_restore(px_store *s, px_clusterer *c, int32_t min_day, size_t *count,
                           px_error *err);
/* The latest day of any story, or PX_NO_DAY. */
int32_t px_store_last_day(px_store *s);

/* ---- reading ----------------------------------------------------------- */

/* The FTS5 query for what a person typed (PX_SEARCH_ADVANCED unset):
 * each word or "phrase" quoted, so punctuation and operators are text
 * (query.c).  Appends to out; returns the number of terms (0: nothing to
 * search for). */
size_t px_store_fts_query(const char *text, px_buf *out);

typedef struct px_membership_row {
    int64_t article, story;
    int created;
    int64_t copy_of, best;  /* article row / story id, or -1 */
    px_match match;
    double threshold;
    const char *story_title, *copy_of_id;
    int64_t added_to;      /* the story grouping put it in (story, unless moved by hand) */
    const char *manual;    /* the kind of the last decision by hand that moved it
                            * ("merge", "split", "move"), or NULL: none */
    int64_t manual_time;   /* when (Unix seconds), */
    int64_t manual_from, manual_to; /* and its stories (decisions' story and other) */
} px_membership_row;

/* Finds an article by its id (as given with the input), URL or row id,
 * re-reads it and its membership.  PX_EUSAGE when there is none. */
px_status px_store_article(px_store *s, px_context *ctx, const char *key, px_article **a,
                           px_membership_row *m, px_error *err);
/* The saved state of a story (px_story_load); PX_EUSAGE when missing. */
px_status px_store_story_state(px_store *s, int64_t story, px_story *out, px_error *err);

/* Counts, for summaries and checks. */
int64_t px_store_count(px_store *s, const char *table);

#endif
