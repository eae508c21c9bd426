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

/* Fills err from the connection's last error; returns PX_EIO, or
 * PX_EINPUT (and marks the store damaged) when SQLite found it corrupt,
 * with what to do about it. */
px_status px_store_fail(px_store *s, px_error *err, const char *what);

#endif
