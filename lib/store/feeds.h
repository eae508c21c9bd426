/*
 * feeds.h — what `parallax watch` keeps in the store: the feeds it
 * follows (their validators, health and next poll) and the items it has
 * seen in each, so that nothing is fetched or added twice.
 *
 * The tables (docs/store.md) are made by px_store_feeds_init(), which only
 * a writer calls; readers see a store without them as one following no
 * feed.  An item is the pair (feed, id) with the keys by which a changed
 * id is still recognised: its canonical URL (tracking parameters
 * stripped) and its normalised title.  Writes join the open transaction,
 * so a feed's new state commits together with the articles it brought.
 *
 * Errors: PX_EIO with SQLite's message (px_store_fail()).
 */
#ifndef PX_STORE_FEEDS_H
#define PX_STORE_FEEDS_H

#include <stdint.h>

#include "store/store.h"

/* px_feed_row and px_store_feeds() are public: include/parallax.h. */

/* Makes the tables when missing. */
px_status px_store_feeds_init(px_store *s, px_error *err);


/* Inserts or updates (by url) the feed; sets row->id. */
px_status px_store_feed_save(px_store *s, px_feed_row *row, px_error *err);

/* 1 when the item was seen: the same id in this feed, the same URL key in
 * any feed, or the same title key in this feed since `since` (Unix
 * seconds); 0 when new; -1 on an error (err filled).  url_key and title_key
 * may be NULL. */
int px_store_item_seen(px_store *s, int64_t feed, const char *id, const char *url_key,
                       const char *title_key, int64_t since, px_error *err);

/* Records an item (replacing one with the same feed and id); article is
 * the stored article's id, or 0 when it brought none (a failed page). */
px_status px_store_item_put(px_store *s, int64_t feed, const char *id, const char *url_key,
                            const char *title_key, int64_t seen, int64_t article,
                            px_error *err);

#endif
