/*
 * store_private.h — what store.c and store_read.c share: the connection
 * and its prepared statements.
 */
#ifndef PX_STORE_PRIVATE_H
#define PX_STORE_PRIVATE_H

#include <sqlite3.h>

#include "store/store.h"

enum {
    ST_FIND_URL, ST_FIND_FP, ST_SOURCE_GET, ST_SOURCE_PUT, ST_ARTICLE, ST_ANALYSIS, ST_FTS,
    ST_MEMBER, ST_STORY_NEW, ST_STORY_UPDATE, ST_STATEMENTS
};

struct px_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *st[ST_STATEMENTS];
    px_map sources; /* outlet name -> (void *)(intptr_t)row id */
    int damaged;    /* a check or a statement found the store damaged */
};

/* The key under which a URL or an input id is indexed: px_hash() of its
 * bytes, as a signed 64-bit integer.  Stored in every store, so px_hash()
 * must never change (test_store pins a value).  s is borrowed, not NULL. */
int64_t px_store_key(const char *s);

/* The columns and join that select an article for px_store_row_article. */
#define ARTICLE_COLUMNS \
    "a.id, a.ext_id, a.url, s.name, a.title, a.byline, a.date, a.language, a.text"
#define ARTICLE_FROM " FROM articles a LEFT JOIN sources s ON s.id = a.source_id"

/* Re-reads the article of a row selected with ARTICLE_COLUMNS from column
 * `at` of q into *out (free with px_article_free); PX_EINPUT/PX_EEMPTY
 * when its fields no longer make an article. */
px_status px_store_row_article(px_store *s, px_context *ctx, sqlite3_stmt *q, int at,
                               px_article **out, px_error *err);

/* PX_EUSAGE for a story that does not exist or has no articles, the
 * message saying where its articles went when a decision by hand moved
 * them (decide.c). */
px_status px_store_no_story(px_store *s, int64_t story, px_error *err);

/* Fills err from the connection's last error; returns PX_EIO, or
 * PX_EINPUT (and marks the store damaged) when SQLite found it corrupt,
 * with what to do about it. */
px_status px_store_fail(px_store *s, px_error *err, const char *what);

#endif
