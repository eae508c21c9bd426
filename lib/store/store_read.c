/*
 * store_read.c — the read side of the store: the public queries of
 * include/parallax.h (stories, articles, outlets, search) and `explain`'s
 * (store.h).
 *
 * Articles are stored as their fields, not their analysis: a reader gets
 * a px_article back by feeding the fields through the JSON Lines reader,
 * the same path an input takes, and analyses it again when it needs to
 * (show, explain).  That keeps the store small and its analyses always
 * those of the running version.
 */
#define _GNU_SOURCE /* fmemopen */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_private.h"

px_status px_store_row_article(px_store *s, px_context *ctx, sqlite3_stmt *q, int at,
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

/* ---- pages and cursors ----------------------------------------------------
 * A cursor is "KEY.ID": the sort key and row id of the last row handed
 * out; the next page starts strictly after it (keyset pagination), so a
 * page never repeats or skips rows that were there when the first was read,
 * whatever is added meanwhile.  Both integers: a cursor from anywhere else
 * is refused (PX_EUSAGE), never put into SQL as text. */

static px_status page_limit(px_store *s, int limit, int *out, px_error *err)
{
    if (limit < 0 || limit > PX_STORE_MAX_LIMIT)
        return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "a limit of %d rows: 1 to %d", limit,
                            PX_STORE_MAX_LIMIT);
    *out = limit ? limit : 50;
    return PX_OK;
}

static px_status parse_cursor(px_store *s, const char *c, int64_t *key, int64_t *id, px_error *err)
{
    char *end;
    if (c) {
        errno = 0;
        long long k = strtoll(c, &end, 10);
        if (!errno && *end == '.' && end > c) {
            const char *p = end + 1;
            long long i = strtoll(p, &end, 10);
            if (!errno && !*end && end > p && i > 0) {
                *key = k;
                *id = i;
                return PX_OK;
            }
        }
    }
    return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "not a cursor of this store: '%.40s'",
                        c ? c : "");
}

static char *make_cursor(int64_t key, int64_t id)
{
    char b[48];
    snprintf(b, sizeof b, "%lld.%lld", (long long)key, (long long)id);
    return px_xstrdup(b);
}

/* A day number for a filter date, or PX_EUSAGE naming it. */
static px_status filter_day(px_store *s, const char *what, const char *iso, int32_t *day,
                            px_error *err)
{
    *day = iso ? px_day_of(iso) : PX_NO_DAY;
    if (iso && !px_date_valid(iso))
        return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "%s wants a date YYYY-MM-DD, not '%.40s'",
                            what, iso);
    return PX_OK;
}

/* The query that picks a page of stories; ?4 is an FTS5 query.  Undated
 * stories sort as the oldest.  ID: "st.id = ?1" for one story (its row
 * looked up, not the stories scanned), else "?1 = 0". */
#define STORY_PAGE(KEY, ID)                                                                      \
    "SELECT st.id, " KEY " AS k FROM stories st WHERE st.size > 0 AND " ID                       \
    " AND (?2 IS NULL OR st.id IN (SELECT m.story_id FROM sources so"                           \
    "   JOIN articles a ON a.source_id = so.id JOIN memberships m ON m.article_id = a.id"       \
    "   WHERE so.name = ?2))"                                                                    \
    " AND (?3 IS NULL OR st.id IN (SELECT m.story_id FROM articles a"                           \
    "   JOIN memberships m ON m.article_id = a.id WHERE a.language = ?3))"                      \
    " AND (?4 IS NULL OR st.id IN (SELECT m.story_id FROM articles_fts"                         \
    "   JOIN memberships m ON m.article_id = articles_fts.rowid WHERE articles_fts MATCH ?4))"  \
    " AND (?5 IS NULL OR st.last_day >= ?5) AND (?6 IS NULL OR st.first_day <= ?6)"             \
    " AND (?7 IS NULL OR k < ?7 OR (k = ?7 AND st.id < ?8))"                                    \
    " ORDER BY k DESC, st.id DESC LIMIT ?9"

/* One story's row, from its articles. */
static const char story_detail[] =
    "SELECT st.title, count(a.id), min(a.date), max(a.date), count(DISTINCT a.source_id), st.version,"
    " (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT so.name FROM memberships m2"
    "   JOIN articles a2 ON a2.id = m2.article_id JOIN sources so ON so.id = a2.source_id"
    "   WHERE m2.story_id = ?1 ORDER BY so.name))"
    " FROM stories st JOIN memberships m ON m.story_id = st.id"
    " JOIN articles a ON a.id = m.article_id WHERE st.id = ?1";

px_status px_store_stories(px_store *s, const px_story_filter *f,
                           void (*fn)(const px_story_row *, void *), void *ud,
                           char **next_cursor, px_error *err)
{
    static const px_story_filter all = {0};
    if (next_cursor) *next_cursor = NULL;
    if (!s || !fn) return px_error_set(err, PX_EUSAGE, "px_store_stories", 0, 0, "no store or callback");
    if (!f) f = &all;
    int limit = 0;
    int32_t from, to;
    int64_t ckey = 0, cid = 0;
    px_status rc;
    if ((rc = page_limit(s, f->limit, &limit, err)) || (rc = filter_day(s, "from", f->from, &from, err)) ||
        (rc = filter_day(s, "to", f->to, &to, err)) ||
        (f->cursor && (rc = parse_cursor(s, f->cursor, &ckey, &cid, err))))
        return rc;
    if (f->order != PX_STORIES_RECENT && f->order != PX_STORIES_LARGEST)
        return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "no story order %d", (int)f->order);
    if (f->query && strlen(f->query) > PX_STORE_MAX_QUERY)
        return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "a search of over %d bytes", PX_STORE_MAX_QUERY);
    px_buf fts = {0};
    if (f->query && !px_store_fts_query(f->query, &fts)) {
        px_buf_free(&fts);
        return PX_OK; /* no word: no story matches */
    }
#define RECENT "coalesce(st.last_day, -1000000000)"
    static const char *const sql[] = {STORY_PAGE(RECENT, "?1 = 0"), STORY_PAGE("st.size", "?1 = 0"),
                                      STORY_PAGE(RECENT, "st.id = ?1"),
                                      STORY_PAGE("st.size", "st.id = ?1")};
#undef RECENT
    sqlite3_stmt *q = NULL, *d = NULL;
    if (sqlite3_prepare_v2(s->db, sql[f->order + 2 * (f->story > 0)], -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, story_detail, -1, &d, NULL) != SQLITE_OK) {
        rc = px_store_fail(s, err, "listing stories");
        goto done;
    }
    sqlite3_bind_int64(q, 1, f->story > 0 ? f->story : 0);
    if (f->outlet) sqlite3_bind_text(q, 2, f->outlet, -1, SQLITE_STATIC);
    if (f->language) sqlite3_bind_text(q, 3, f->language, -1, SQLITE_STATIC);
    if (f->query) sqlite3_bind_text(q, 4, px_buf_str(&fts), -1, SQLITE_STATIC);
    if (f->from) sqlite3_bind_int(q, 5, from);
    if (f->to) sqlite3_bind_int(q, 6, to);
    if (f->cursor) sqlite3_bind_int64(q, 7, ckey), sqlite3_bind_int64(q, 8, cid);
    sqlite3_bind_int(q, 9, limit + 1);
    int step, rows = 0;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(q, 0), key = sqlite3_column_int64(q, 1);
        if (rows++ == limit) {
            /* one more than asked: there is a next page, after the last row given */
            break;
        }
        sqlite3_reset(d);
        sqlite3_bind_int64(d, 1, id);
        if (sqlite3_step(d) != SQLITE_ROW) break;
        px_story_row r = {id, col(d, 0), col(d, 6), sqlite3_column_int64(d, 1),
                          sqlite3_column_int64(d, 4), col(d, 2), col(d, 3),
                          sqlite3_column_int64(d, 5)};
        fn(&r, ud);
        ckey = key;
        cid = id;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        rc = sqlite3_errcode(s->db) == SQLITE_ERROR && f->query
                 ? px_error_set(err, PX_EUSAGE, s->path, 0, 0, "search '%.60s': %s", f->query,
                                sqlite3_errmsg(s->db))
                 : px_store_fail(s, err, "listing stories");
    } else if (rows > limit && next_cursor) {
        *next_cursor = make_cursor(ckey, cid);
    }
done:
    sqlite3_finalize(q);
    sqlite3_finalize(d);
    px_buf_free(&fts);
    return rc;
}

px_status px_store_story_version(px_store *s, int64_t story, int64_t *version, px_error *err)
{
    if (version) *version = 0;
    if (!s || !version) return px_error_set(err, PX_EUSAGE, "px_store_story_version", 0, 0, "no store or output");
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT version FROM stories WHERE id = ?1 AND size > 0", -1, &q,
                           NULL) != SQLITE_OK)
        return px_store_fail(s, err, "reading a story");
    sqlite3_bind_int64(q, 1, story);
    int step = sqlite3_step(q);
    if (step == SQLITE_ROW) *version = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return step == SQLITE_ROW    ? PX_OK
           : step == SQLITE_DONE ? px_store_no_story(s, story, err)
                                 : px_store_fail(s, err, "reading a story");
}

px_status px_store_articles(px_store *s, const px_article_filter *f,
                            void (*fn)(const px_article_row *, void *), void *ud,
                            char **next_cursor, px_error *err)
{
    if (next_cursor) *next_cursor = NULL;
    if (!s || !f || !fn) return px_error_set(err, PX_EUSAGE, "px_store_articles", 0, 0, "no store, filter or callback");
    int limit = 0;
    int64_t ckey = 0, cid = 0;
    px_status rc;
    if ((rc = page_limit(s, f->limit, &limit, err)) ||
        (f->cursor && (rc = parse_cursor(s, f->cursor, &ckey, &cid, err))))
        return rc;
    /* a story's articles in the order they came (row ids grow), oldest first;
     * others newest first.  The key is the row id itself. */
    int up = f->story > 0;
    sqlite3_stmt *q;
    const char *sql = up
        ? "SELECT a.id, m.story_id, coalesce(a.ext_id, a.id), a.url, so.name, a.title, a.date,"
          " a.language FROM memberships m JOIN articles a ON a.id = m.article_id"
          " LEFT JOIN sources so ON so.id = a.source_id"
          " WHERE m.story_id = ?1 AND (?3 IS NULL OR a.id > ?3) ORDER BY a.id LIMIT ?4"
        : "SELECT a.id, m.story_id, coalesce(a.ext_id, a.id), a.url, so.name, a.title, a.date,"
          " a.language FROM articles a LEFT JOIN memberships m ON m.article_id = a.id"
          " LEFT JOIN sources so ON so.id = a.source_id"
          " WHERE (?2 IS NULL OR so.name = ?2) AND (?3 IS NULL OR a.id < ?3)"
          " ORDER BY a.id DESC LIMIT ?4";
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "listing articles");
    if (up) sqlite3_bind_int64(q, 1, f->story);
    if (f->outlet) sqlite3_bind_text(q, 2, f->outlet, -1, SQLITE_STATIC);
    if (f->cursor) sqlite3_bind_int64(q, 3, cid);
    sqlite3_bind_int(q, 4, limit + 1);
    int step, rows = 0;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        if (rows++ == limit) break;
        px_article_row r = {sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1), col(q, 2),
                            col(q, 3), col(q, 4), col(q, 5), col(q, 6), col(q, 7)};
        fn(&r, ud);
        cid = r.row;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE) rc = px_store_fail(s, err, "listing articles");
    else if (rows > limit && next_cursor) *next_cursor = make_cursor(0, cid);
    sqlite3_finalize(q);
    return rc;
}

px_status px_store_outlets(px_store *s, void (*fn)(const px_outlet_row *, void *), void *ud,
                           px_error *err)
{
    if (!s || !fn) return px_error_set(err, PX_EUSAGE, "px_store_outlets", 0, 0, "no store or callback");
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT so.name, count(*), count(DISTINCT m.story_id), min(a.date), max(a.date)"
                           " FROM sources so JOIN articles a ON a.source_id = so.id"
                           " LEFT JOIN memberships m ON m.article_id = a.id"
                           " GROUP BY so.id ORDER BY count(*) DESC, so.name",
                           -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "listing outlets");
    int step;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        px_outlet_row r = {col(q, 0), sqlite3_column_int64(q, 1), sqlite3_column_int64(q, 2),
                           col(q, 3), col(q, 4)};
        fn(&r, ud);
    }
    sqlite3_finalize(q);
    return step == SQLITE_DONE ? PX_OK : px_store_fail(s, err, "listing outlets");
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
        if ((rc = px_store_row_article(s, ctx, q, 0, &a, err))) break;
        px_vec_push(&v, a);
    }
    if (!rc && step != SQLITE_DONE) rc = px_store_fail(s, err, "reading a story");
    sqlite3_finalize(q);
    if (!rc && !v.len) rc = px_store_no_story(s, story, err);
    if (rc) {
        for (size_t i = 0; i < v.len; i++) px_article_free(v.items[i]);
        px_vec_free(&v);
        return rc;
    }
    *out = v.items;
    *n = v.len;
    return PX_OK;
}

/* ---- search ----------------------------------------------------------------
 * Ranking every match costs BM25 for each (a common word matches half the
 * store: 50,000 articles, ~70 ms), so the ranking is bounded: the
 * PX_STORE_SEARCH_RANKED most recently stored matches are ranked (FTS5
 * hands a term's matches in row order, and stops at the LIMIT), the best
 * limit of them kept.  Their snippets are then made in a second pass over
 * the same rows (the top hits are scattered, and snippet() only works
 * inside a MATCH query), and grouped by story here. */

typedef struct ranked_hit {
    int64_t id;
    double rank;
} ranked_hit;

typedef struct hit_copy {
    px_search_hit h;
    double rank, best; /* its BM25 (lower is better); its story's best */
} hit_copy;

static int by_rank(const void *a, const void *b)
{
    const ranked_hit *x = a, *y = b;
    if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
    return x->id > y->id ? -1 : x->id < y->id; /* ties: the newer first */
}

static int by_hit(const void *a, const void *b)
{
    const hit_copy *x = a, *y = b;
    if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
    return x->h.article > y->h.article ? -1 : x->h.article < y->h.article;
}

static int by_story(const void *a, const void *b)
{
    const hit_copy *x = a, *y = b;
    if (x->best != y->best) return x->best < y->best ? -1 : 1;
    if (x->h.story != y->h.story) return x->h.story < y->h.story ? -1 : 1;
    return by_hit(a, b);
}

/* The rank of article id among the n top hits (bm25 again would count
 * every match of each phrase again: FTS5 works out a phrase's weight
 * from all its matches). */
static double rank_of(const ranked_hit *top, size_t n, int64_t id)
{
    for (size_t i = 0; i < n; i++)
        if (top[i].id == id) return top[i].rank;
    return 0;
}

static const char *dup_col(sqlite3_stmt *q, int i)
{
    const char *v = col(q, i);
    return v ? px_xstrdup(v) : NULL;
}

/* The search's error: a damaged store, else (advanced syntax only) the
 * query's. */
static px_status search_failed(px_store *s, const char *query, px_error *err)
{
    int code = sqlite3_errcode(s->db) & 0xFF;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB || code == SQLITE_IOERR)
        return px_store_fail(s, err, "searching");
    return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "search '%.200s': %s", query, sqlite3_errmsg(s->db));
}

/* The best limit of the PX_STORE_SEARCH_RANKED newest matches of fts,
 * best first, into *out (malloc'd); how many, or -1 on failure. */
static long search_rank(px_store *s, const char *fts, int limit, ranked_hit **out)
{
    *out = NULL;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT rowid, bm25(articles_fts) FROM articles_fts"
                                  " WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
                           -1, &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(q, 1, fts, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, PX_STORE_SEARCH_RANKED);
    PX_VEC(ranked_hit) v = {0};
    int step;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        ranked_hit h = {sqlite3_column_int64(q, 0), sqlite3_column_double(q, 1)};
        px_vec_push(&v, h);
    }
    sqlite3_finalize(q);
    if (step != SQLITE_DONE) {
        px_vec_free(&v);
        return -1;
    }
    if (v.len) qsort(v.items, v.len, sizeof *v.items, by_rank);
    *out = v.items;
    return (long)(v.len < (size_t)limit ? v.len : (size_t)limit);
}

px_status px_store_search(px_store *s, const char *query, int flags, int limit,
                          void (*fn)(const px_search_hit *, void *), void *ud,
                          size_t *found, px_error *err)
{
    if (found) *found = 0;
    if (!s || !query || !fn) return px_error_set(err, PX_EUSAGE, "px_store_search", 0, 0, "no store, query or callback");
    if (limit < 1 || limit > PX_STORE_MAX_LIMIT)
        return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "a limit of %d hits: 1 to %d", limit,
                            PX_STORE_MAX_LIMIT);
    if (strlen(query) > PX_STORE_MAX_QUERY)
        return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "a search of over %d bytes", PX_STORE_MAX_QUERY);
    px_buf fts = {0};
    if (flags & PX_SEARCH_ADVANCED) px_buf_puts(&fts, query);
    else if (!px_store_fts_query(query, &fts)) {
        px_buf_free(&fts);
        return PX_OK; /* no word in it: nothing matches */
    }
    ranked_hit *top;
    long n = search_rank(s, px_buf_str(&fts), limit, &top);
    if (n < 0) {
        px_buf_free(&fts);
        return search_failed(s, query, err);
    }
    px_status rc = PX_OK;
    hit_copy *hits = px_xcalloc((size_t)(n ? n : 1), sizeof *hits);
    size_t got = 0;
    if (n > 0) {
        /* the top hits' ids, as a JSON array for json_each */
        px_buf ids = {0};
        int64_t low = top[0].id;
        px_buf_putc(&ids, '[');
        for (long i = 0; i < n; i++) {
            px_buf_printf(&ids, "%s%lld", i ? "," : "", (long long)top[i].id);
            if (top[i].id < low) low = top[i].id;
        }
        px_buf_putc(&ids, ']');
#define HITS(OPEN, CLOSE)                                                                          \
    "SELECT a.id, m.story_id, coalesce(a.ext_id, a.id), a.title, so.name, a.date,"                 \
    " snippet(articles_fts, 1, '" OPEN "', '" CLOSE "', '...', 12)"                               \
    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"                              \
    " LEFT JOIN memberships m ON m.article_id = a.id LEFT JOIN sources so ON so.id = a.source_id"  \
    " WHERE articles_fts MATCH ?1 AND articles_fts.rowid >= ?2"                                    \
    " AND +articles_fts.rowid IN (SELECT value FROM json_each(?3))"
        static const char *const sql[] = {HITS("[", "]"), HITS("\x02", "\x03")};
#undef HITS
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(s->db, sql[!!(flags & PX_SEARCH_MARKS)], -1, &q, NULL) != SQLITE_OK) {
            rc = px_store_fail(s, err, "searching");
        } else {
            sqlite3_bind_text(q, 1, px_buf_str(&fts), -1, SQLITE_STATIC);
            sqlite3_bind_int64(q, 2, low);
            sqlite3_bind_text(q, 3, px_buf_str(&ids), -1, SQLITE_STATIC);
            int step;
            while ((step = sqlite3_step(q)) == SQLITE_ROW && got < (size_t)n) {
                hit_copy *h = &hits[got++];
                h->h = (px_search_hit){sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1),
                                       dup_col(q, 2), dup_col(q, 3), dup_col(q, 4), dup_col(q, 5),
                                       dup_col(q, 6)};
                h->rank = h->best = rank_of(top, (size_t)n, h->h.article);
            }
            if (step != SQLITE_DONE && step != SQLITE_ROW) rc = search_failed(s, query, err);
            sqlite3_finalize(q);
        }
        px_buf_free(&ids);
    }
    if (!rc && got) {
        qsort(hits, got, sizeof *hits, by_hit);
        if (flags & PX_SEARCH_BY_STORY) {
            /* each story's best rank: its first hit's, in rank order */
            for (size_t i = 0; i < got; i++) {
                size_t k = 0;
                while (k < i && hits[k].h.story != hits[i].h.story) k++;
                hits[i].best = hits[k].rank;
            }
            qsort(hits, got, sizeof *hits, by_story);
        }
        for (size_t i = 0; i < got; i++) fn(&hits[i].h, ud);
        if (found) *found = got;
    }
    for (size_t i = 0; i < got; i++) {
        free((char *)hits[i].h.id);
        free((char *)hits[i].h.title);
        free((char *)hits[i].h.outlet);
        free((char *)hits[i].h.date);
        free((char *)hits[i].h.snippet);
    }
    free(hits);
    free(top);
    px_buf_free(&fts);
    return rc;
}

px_status px_store_article(px_store *s, px_context *ctx, const char *key, px_article **a,
                           px_membership_row *m, px_error *err)
{
    *a = NULL;
    sqlite3_stmt *q;
    /* "#N": row N only (the server's links); else an input id, URL or row */
    int64_t row = 0;
    if (key[0] == '#') {
        char *end;
        long long v = strtoll(key + 1, &end, 10);
        row = key[1] >= '0' && key[1] <= '9' && !*end && v > 0 ? v : -1;
    }
#define ARTICLE_GET(WHERE)                                                                         \
    "SELECT " ARTICLE_COLUMNS ", m.story_id, m.created, m.copy_of, m.best_story,"                  \
    " m.score, m.terms, m.specifics, m.quotes, m.gap, m.threshold, st.title,"                     \
    " (SELECT coalesce(ext_id, id) FROM articles WHERE id = m.copy_of), m.places,"               \
    " m.added_to, d.kind, d.time, d.story, d.other" ARTICLE_FROM                                   \
    " JOIN memberships m ON m.article_id = a.id JOIN stories st ON st.id = m.story_id"             \
    " LEFT JOIN decisions d ON d.id = m.decision WHERE " WHERE
    if (sqlite3_prepare_v2(
            s->db,
            row ? ARTICLE_GET("a.id = ?3")
                : ARTICLE_GET("(a.ext_key = ?2 AND a.ext_id = ?1) OR (a.url_key = ?2 AND a.url = ?1)"
                              " OR a.id = ?1 ORDER BY a.ext_id = ?1 DESC LIMIT 1"),
            -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "finding an article");
#undef ARTICLE_GET
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, px_store_key(key));
    sqlite3_bind_int64(q, 3, row);
    px_status rc;
    int step = sqlite3_step(q);
    if (step == SQLITE_ROW) {
        rc = px_store_row_article(s, ctx, q, 0, a, err);
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
        m->added_to = sqlite3_column_type(q, 22) == SQLITE_NULL ? m->story : sqlite3_column_int64(q, 22);
        m->manual_time = sqlite3_column_int64(q, 24);
        m->manual_from = sqlite3_column_int64(q, 25);
        m->manual_to = sqlite3_column_int64(q, 26);
        /* copied: the row is finalised before the caller reads them */
        m->story_title = col(q, 19) ? px_arena_strdup(&(*a)->arena, col(q, 19)) : NULL;
        m->copy_of_id = col(q, 20) ? px_arena_strdup(&(*a)->arena, col(q, 20)) : NULL;
        m->manual = col(q, 23) ? px_arena_strdup(&(*a)->arena, col(q, 23)) : NULL;
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

px_status px_store_article_get(px_store *s, px_context *ctx, const char *key,
                               px_article **out, int64_t *story, px_error *err)
{
    if (out) *out = NULL;
    if (!s || !ctx || !key || !out)
        return px_error_set(err, PX_EUSAGE, "px_store_article_get", 0, 0, "no store, context, key or output");
    px_membership_row m;
    px_status rc = px_store_article(s, ctx, key, out, &m, err);
    if (!rc && story) *story = m.story;
    return rc;
}

int px_date_valid(const char *iso)
{
    if (!iso || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9')) return 0;
    int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] + (m == 2 && leap) &&
           px_day_of(iso) != PX_NO_DAY;
}
