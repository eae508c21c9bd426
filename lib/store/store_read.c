/*
 * store_read.c — the queries behind `stories`, `show`, `search` and
 * `explain` (store.h).
 *
 * Articles are stored as their fields, not their analysis: a reader gets
 * a px_article back by feeding the fields through the JSON Lines reader,
 * the same path an input takes, and analyses it again when it needs to
 * (show, explain).  That keeps the store small and its analyses always
 * those of the running version.
 */
#define _GNU_SOURCE /* fmemopen */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "store/store_private.h"

#define ARTICLE_COLUMNS \
    "a.id, a.ext_id, a.url, s.name, a.title, a.byline, a.date, a.language, a.text"
#define ARTICLE_FROM " FROM articles a LEFT JOIN sources s ON s.id = a.source_id"

/* The article of a row selected with ARTICLE_COLUMNS from column `at`. */
static px_status row_article(px_store *s, px_context *ctx, sqlite3_stmt *q, int at,
                             px_article **out, px_error *err)
{
    static const char *const keys[] = {"id", "url", "outlet", "title", "byline", "date",
                                       "language", "text"};
    json_t *o = json_object();
    for (int k = 0; k < 8; k++) {
        const char *v = (const char *)sqlite3_column_text(q, at + 1 + k);
        if (v) json_object_set_new(o, keys[k], json_string(v));
    }
    if (!json_object_get(o, "id"))
        json_object_set_new(o, "id", json_integer(sqlite3_column_int64(q, at)));
    char *line = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    *out = NULL;
    px_status rc = PX_EIO;
    FILE *f = line ? fmemopen(line, strlen(line), "r") : NULL;
    if (f) {
        px_reader *r;
        rc = px_reader_open_stream(ctx, f, s->path, PX_FORMAT_JSONL, &r, err);
        if (!rc) {
            rc = px_reader_next(r, out, err);
            if (!rc && !*out) rc = px_error_set(err, PX_EEMPTY, s->path, 0, 0, "an empty article");
            px_reader_close(r);
        }
        fclose(f);
    } else {
        px_error_set(err, PX_EIO, s->path, 0, 0, "cannot re-read an article");
    }
    free(line);
    return rc;
}

static const char *col(sqlite3_stmt *q, int i) { return (const char *)sqlite3_column_text(q, i); }

px_status px_store_stories(px_store *s, const char *since,
                           void (*fn)(const px_story_row *, void *), void *ud, px_error *err)
{
    sqlite3_stmt *q;
    const char *sql =
        "SELECT st.id, st.title, count(*), min(a.date), max(a.date),"
        " (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT so.name FROM memberships m2"
        "   JOIN articles a2 ON a2.id = m2.article_id JOIN sources so ON so.id = a2.source_id"
        "   WHERE m2.story_id = st.id ORDER BY so.name))"
        " FROM stories st JOIN memberships m ON m.story_id = st.id"
        " JOIN articles a ON a.id = m.article_id"
        " GROUP BY st.id HAVING ?1 IS NULL OR max(a.date) >= ?1"
        " ORDER BY max(a.date) DESC, st.id DESC";
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "listing stories");
    if (since) sqlite3_bind_text(q, 1, since, -1, SQLITE_STATIC);
    int step;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        px_story_row r = {sqlite3_column_int64(q, 0), col(q, 1), col(q, 5),
                          sqlite3_column_int64(q, 2), col(q, 3), col(q, 4)};
        fn(&r, ud);
    }
    sqlite3_finalize(q);
    return step == SQLITE_DONE ? PX_OK : px_store_fail(s, err, "listing stories");
}

px_status px_store_story_articles(px_store *s, px_context *ctx, int64_t story,
                                  px_article ***out, size_t *n, px_error *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT " ARTICLE_COLUMNS ARTICLE_FROM
                                  " JOIN memberships m ON m.article_id = a.id"
                                  " WHERE m.story_id = ?1 ORDER BY a.id", -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "reading a story");
    sqlite3_bind_int64(q, 1, story);
    px_status rc = PX_OK;
    PX_VEC(px_article *) v = {0};
    int step;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        px_article *a;
        if ((rc = row_article(s, ctx, q, 0, &a, err))) break;
        px_vec_push(&v, a);
    }
    if (!rc && step != SQLITE_DONE) rc = px_store_fail(s, err, "reading a story");
    sqlite3_finalize(q);
    if (!rc && !v.len) rc = px_error_set(err, PX_EUSAGE, s->path, 0, 0, "no story %lld", (long long)story);
    if (rc) {
        for (size_t i = 0; i < v.len; i++) px_article_free(v.items[i]);
        px_vec_free(&v);
        return rc;
    }
    *out = v.items;
    *n = v.len;
    return PX_OK;
}

px_status px_store_search(px_store *s, const char *query, int limit,
                          void (*fn)(const px_search_hit *, void *), void *ud, px_error *err)
{
    sqlite3_stmt *q;
    const char *sql =
        "SELECT a.id, m.story_id, coalesce(a.ext_id, a.id), a.title, so.name, a.date,"
        " snippet(articles_fts, 1, '[', ']', '...', 12)"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " LEFT JOIN memberships m ON m.article_id = a.id LEFT JOIN sources so ON so.id = a.source_id"
        " WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2";
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "searching");
    sqlite3_bind_text(q, 1, query, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, limit);
    int step;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        px_search_hit h = {sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1), col(q, 2),
                           col(q, 3), col(q, 4), col(q, 5), col(q, 6)};
        fn(&h, ud);
    }
    sqlite3_finalize(q);
    if (step != SQLITE_DONE)
        return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "search '%s': %s", query,
                            sqlite3_errmsg(s->db));
    return PX_OK;
}

px_status px_store_article(px_store *s, px_context *ctx, const char *key, px_article **a,
                           px_membership_row *m, px_error *err)
{
    *a = NULL;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(
            s->db,
            "SELECT " ARTICLE_COLUMNS ", m.story_id, m.created, m.copy_of, m.best_story,"
            " m.score, m.terms, m.specifics, m.quotes, m.gap, m.threshold, st.title,"
            " (SELECT coalesce(ext_id, id) FROM articles WHERE id = m.copy_of), m.places"
            ARTICLE_FROM
            " JOIN memberships m ON m.article_id = a.id JOIN stories st ON st.id = m.story_id"
            " WHERE (a.ext_key = ?2 AND a.ext_id = ?1) OR (a.url_key = ?2 AND a.url = ?1)"
            " OR a.id = ?1 ORDER BY a.ext_id = ?1 DESC LIMIT 1",
            -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "finding an article");
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, px_store_key(key));
    px_status rc;
    int step = sqlite3_step(q);
    if (step == SQLITE_ROW) {
        rc = row_article(s, ctx, q, 0, a, err);
        m->article = sqlite3_column_int64(q, 0);
        m->story = sqlite3_column_int64(q, 9);
        m->created = sqlite3_column_int(q, 10);
        m->copy_of = sqlite3_column_type(q, 11) == SQLITE_NULL ? -1 : sqlite3_column_int64(q, 11);
        m->best = sqlite3_column_type(q, 12) == SQLITE_NULL ? -1 : sqlite3_column_int64(q, 12);
        int measured = sqlite3_column_type(q, 13) != SQLITE_NULL;
        m->match.score = measured ? sqlite3_column_double(q, 13) : -1;
        m->match.terms = measured ? sqlite3_column_double(q, 14) : -1;
        m->match.specifics = sqlite3_column_type(q, 15) == SQLITE_NULL ? -1 : sqlite3_column_double(q, 15);
        m->match.quotes = sqlite3_column_type(q, 16) == SQLITE_NULL ? -1 : sqlite3_column_double(q, 16);
        m->match.gap = sqlite3_column_type(q, 17) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 17);
        m->threshold = sqlite3_column_double(q, 18);
        m->match.places_only = sqlite3_column_int(q, 21); /* NULL (older stores): 0 */
        /* copied: the row is finalised before the caller reads them */
        m->story_title = col(q, 19) ? px_arena_strdup(&(*a)->arena, col(q, 19)) : NULL;
        m->copy_of_id = col(q, 20) ? px_arena_strdup(&(*a)->arena, col(q, 20)) : NULL;
        if (rc) {
            px_article_free(*a);
            *a = NULL;
        }
    } else if (step == SQLITE_DONE) {
        rc = px_error_set(err, PX_EUSAGE, s->path, 0, 0, "no article '%s' in the store", key);
    } else {
        rc = px_store_fail(s, err, "finding an article");
    }
    sqlite3_finalize(q);
    return rc;
}

px_status px_store_story_state(px_store *s, int64_t story, px_story *out, px_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT state FROM stories WHERE id = ?1", -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "reading a story");
    sqlite3_bind_int64(q, 1, story);
    px_status rc = PX_OK;
    if (sqlite3_step(q) != SQLITE_ROW)
        rc = px_error_set(err, PX_EUSAGE, s->path, 0, 0, "no story %lld", (long long)story);
    else if (px_story_load(out, sqlite3_column_blob(q, 0), (size_t)sqlite3_column_bytes(q, 0)))
        rc = px_error_set(err, PX_EINPUT, s->path, 0, 0, "story %lld: damaged state", (long long)story);
    sqlite3_finalize(q);
    return rc;
}
