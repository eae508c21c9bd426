/*
 * feeds.c — the feeds `watch` follows and the items it has seen
 * (feeds.h).  Statements are prepared per call: these run a few times per
 * feed poll, not per article, so caching them would buy nothing.
 */
#include <string.h>

#include "store/feeds.h"
#include "store/store_private.h"

static const char tables[] =
    "CREATE TABLE IF NOT EXISTS feeds("
    " id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT, etag TEXT,"
    " last_modified TEXT, body_hash INTEGER, last_fetch INTEGER, last_status INTEGER,"
    " last_error TEXT, items_per_day REAL, next_poll INTEGER, items INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE IF NOT EXISTS feed_items("
    " feed_id INTEGER NOT NULL REFERENCES feeds(id), guid TEXT NOT NULL, url_key TEXT,"
    " title_key TEXT, seen INTEGER NOT NULL, article_id INTEGER,"
    " PRIMARY KEY(feed_id, guid)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS feed_items_url ON feed_items(url_key);"
    "CREATE INDEX IF NOT EXISTS feed_items_title ON feed_items(feed_id, title_key, seen);";

px_status px_store_feeds_init(px_store *s, px_error *err)
{
    if (sqlite3_exec(s->db, tables, NULL, NULL, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "making the feed tables");
    return PX_OK;
}

static const char *text(sqlite3_stmt *q, int i) { return (const char *)sqlite3_column_text(q, i); }

static void bind_text(sqlite3_stmt *q, int i, const char *v)
{
    if (v) sqlite3_bind_text(q, i, v, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(q, i);
}

px_status px_store_feeds(px_store *s, void (*fn)(const px_feed_row *, void *), void *ud,
                         px_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, url, title, etag, last_modified, body_hash, last_fetch,"
                           " last_status, last_error, items_per_day, next_poll, items"
                           " FROM feeds ORDER BY url", -1, &q, NULL) != SQLITE_OK) {
        if (strstr(sqlite3_errmsg(s->db), "no such table")) return PX_OK; /* follows none */
        return px_store_fail(s, err, "reading the feeds");
    }
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        px_feed_row r = {
            .id = sqlite3_column_int64(q, 0), .url = text(q, 1), .title = text(q, 2),
            .etag = text(q, 3), .last_modified = text(q, 4), .body_hash = sqlite3_column_int64(q, 5),
            .last_fetch = sqlite3_column_int64(q, 6), .last_status = (long)sqlite3_column_int64(q, 7),
            .last_error = text(q, 8),
            .items_per_day = sqlite3_column_type(q, 9) == SQLITE_NULL ? -1 : sqlite3_column_double(q, 9),
            .next_poll = sqlite3_column_int64(q, 10), .items = sqlite3_column_int64(q, 11)};
        if (r.url) fn(&r, ud);
    }
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? PX_OK : px_store_fail(s, err, "reading the feeds");
}

px_status px_store_feed_save(px_store *s, px_feed_row *row, px_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO feeds(url, title, etag, last_modified, body_hash, last_fetch,"
                           " last_status, last_error, items_per_day, next_poll, items)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                           " ON CONFLICT(url) DO UPDATE SET title = ?2, etag = ?3,"
                           " last_modified = ?4, body_hash = ?5, last_fetch = ?6, last_status = ?7,"
                           " last_error = ?8, items_per_day = ?9, next_poll = ?10, items = ?11"
                           " RETURNING id", -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "saving a feed");
    bind_text(q, 1, row->url);
    bind_text(q, 2, row->title);
    bind_text(q, 3, row->etag);
    bind_text(q, 4, row->last_modified);
    sqlite3_bind_int64(q, 5, row->body_hash);
    sqlite3_bind_int64(q, 6, row->last_fetch);
    sqlite3_bind_int64(q, 7, row->last_status);
    bind_text(q, 8, row->last_error);
    if (row->items_per_day >= 0) sqlite3_bind_double(q, 9, row->items_per_day);
    else sqlite3_bind_null(q, 9);
    sqlite3_bind_int64(q, 10, row->next_poll);
    sqlite3_bind_int64(q, 11, row->items);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) row->id = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return rc == SQLITE_ROW ? PX_OK : px_store_fail(s, err, "saving a feed");
}

int px_store_item_seen(px_store *s, int64_t feed, const char *id, const char *url_key,
                       const char *title_key, int64_t since, px_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT 1 WHERE EXISTS (SELECT 1 FROM feed_items WHERE feed_id = ?1 AND guid = ?2)"
                           " OR EXISTS (SELECT 1 FROM feed_items WHERE ?3 IS NOT NULL AND url_key = ?3)"
                           " OR EXISTS (SELECT 1 FROM feed_items WHERE ?4 IS NOT NULL AND feed_id = ?1"
                           "  AND title_key = ?4 AND seen >= ?5)", -1, &q, NULL) != SQLITE_OK) {
        px_store_fail(s, err, "looking up a feed item");
        return -1;
    }
    sqlite3_bind_int64(q, 1, feed);
    bind_text(q, 2, id);
    bind_text(q, 3, url_key);
    bind_text(q, 4, title_key);
    sqlite3_bind_int64(q, 5, since);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc == SQLITE_ROW) return 1;
    if (rc == SQLITE_DONE) return 0;
    px_store_fail(s, err, "looking up a feed item");
    return -1;
}

px_status px_store_item_put(px_store *s, int64_t feed, const char *id, const char *url_key,
                            const char *title_key, int64_t seen, int64_t article, px_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT OR REPLACE INTO feed_items(feed_id, guid, url_key, title_key, seen,"
                           " article_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "recording a feed item");
    sqlite3_bind_int64(q, 1, feed);
    bind_text(q, 2, id);
    bind_text(q, 3, url_key);
    bind_text(q, 4, title_key);
    sqlite3_bind_int64(q, 5, seen);
    if (article) sqlite3_bind_int64(q, 6, article);
    else sqlite3_bind_null(q, 6);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? PX_OK : px_store_fail(s, err, "recording a feed item");
}
