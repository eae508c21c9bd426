/*
 * unit_store.h — what the store's unit tests share: removing a store
 * file with its WAL, adding a reader's or a JSON Lines text's articles
 * through an ingest, and one
 * value of an SQL query on the store's connection.
 */
#ifndef PX_UNIT_STORE_H
#define PX_UNIT_STORE_H

#define _GNU_SOURCE /* fmemopen */
#include <stdio.h>
#include <unistd.h>

#include "unit.h"
#include "store/ingest.h"
#include "store/store_private.h"

/* Removes the store at path and its -wal and -shm files. */
static inline void unit_store_remove(const char *path)
{
    char p[256];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

/* Analyses and adds every article of r to g, and closes r. */
static inline void unit_store_add_reader(px_context *ctx, px_ingest *g, px_reader *r)
{
    px_error err;
    px_article *a;
    while (px_reader_next(r, &a, &err) == PX_OK && a) {
        px_analysis *an;
        int added;
        assert_int_equal(px_analyze(ctx, a, &an, &err), PX_OK);
        assert_int_equal(px_ingest_add(g, ctx, a, an, &added, &err), PX_OK);
        px_analysis_free(an);
        px_article_free(a);
    }
    px_reader_close(r);
}

/* Analyses and adds every article of a JSON Lines text to g. */
static inline void unit_store_add(px_context *ctx, px_ingest *g, const char *text)
{
    px_error err;
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    px_reader *r;
    assert_int_equal(px_reader_open_stream(ctx, f, "dump.jsonl", PX_FORMAT_JSONL, &r, &err), PX_OK);
    unit_store_add_reader(ctx, g, r);
    fclose(f);
}

/* The first column of the first row of sql, which must give one. */
static inline long long unit_sql_value(px_store *s, const char *sql)
{
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    long long v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return v;
}

#endif
