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

typedef struct px_feed_row {
    int64_t id;              /* 0 for a feed not yet stored */
    const char *url;         /* as given (an OPML xmlUrl, a line of the list) */
    const char *title;       /* or NULL */
    const char *etag, *last_modified; /* the last 200's validators, or NULL */
    int64_t body_hash;       /* px_hash() of the last body, or 0 */
    int64_t last_fetch;      /* Unix seconds, or 0: never */
    long last_status;        /* HTTP status of the last fetch, 0 when none came */
    const char *last_error;  /* NULL when the last fetch went well */
    double items_per_day;    /* from the dates of its entries; -1 unknown */
    int64_t next_poll;       /* Unix seconds */
    int64_t items;           /* items seen in all */
} px_feed_row;

/* Makes the tables when missing. */
px_status px_store_feeds_init(px_store *s, px_error *err);

/* Calls fn for every stored feed, by url.  Strings are valid during the
 * call only.  A store without the tables has no feeds: PX_OK, no call. */
px_status px_store_feeds(px_store *s, void (*fn)(const px_feed_row *, void *), void *ud,
                         px_error *err);

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
