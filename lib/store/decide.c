/*
 * decide.c — story maintenance by hand: merge, split, move, rename
 * (include/parallax.h, `parallax story`).
 *
 * Each call is one transaction: the memberships change, the stories'
 * saved states are remade, their versions bumped (so cached comparisons
 * of them are stale), and the decision is recorded in `decisions` with
 * its time; a failure rolls it all back.  The caller holds the writer
 * lock (px_store_lock_take), as `add` does, so no grouping runs meanwhile.
 *
 * How later grouping respects a decision: `add` only ever places new
 * articles, so an article moved by hand is never moved back and merged
 * stories are never split; what it compares new articles with is each
 * story's saved state (story.h), which is remade here from the story's
 * articles as they now are.  So a copy of a moved article follows it to
 * its new story, and an article close to a merged-away story joins the
 * story it was merged into.  A title set by hand is kept: grouping sets a
 * story's title only when it starts it, and a move or split retitles a
 * story (after its first article) only when nobody renamed it.
 *
 * A story emptied by a merge or a move keeps its row with size 0, so its
 * id is never given again; lists, restores and reads skip it.
 *
 * The remade state weighs each article with the store's document
 * frequencies as they are now (ingest weighed each with those of its
 * time), so a remade story scores new articles very nearly, not exactly,
 * as the one grouping built; a merge adds the two saved states instead
 * (px_story_absorb), exactly.
 */
#include <assert.h>
#include <string.h>
#include <time.h>

#include "analyze/analysis.h"
#include "text/text.h"
#include "store/store_private.h"

#define MAX_TITLE 1000 /* bytes of a title given by hand */

static px_status prepare(px_store *s, const char *sql, sqlite3_stmt **q, px_error *err)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "changing a story");
    return PX_OK;
}

/* Runs q to its end and finalises it. */
static px_status finish(px_store *s, sqlite3_stmt *q, px_error *err)
{
    int rc = sqlite3_step(q);
    px_status st = rc == SQLITE_DONE || rc == SQLITE_ROW ? PX_OK : px_store_fail(s, err, "changing a story");
    sqlite3_finalize(q);
    return st;
}

px_status px_store_no_story(px_store *s, int64_t story, px_error *err)
{
    sqlite3_stmt *q;
    int64_t to = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT other FROM decisions WHERE story = ?1 AND kind IN"
                                  " ('merge', 'move') ORDER BY id DESC LIMIT 1", -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(q, 1, story);
        if (sqlite3_step(q) == SQLITE_ROW) to = sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
    }
    if (to > 0)
        return px_error_set(err, PX_EUSAGE, s->path, 0, 0,
                            "story %lld has no articles: they went to story %lld by hand",
                            (long long)story, (long long)to);
    return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "no story %lld in the store", (long long)story);
}

/* *n: the number of articles of story; PX_EUSAGE when there is no such
 * story or it has none (px_store_no_story). */
static px_status story_size(px_store *s, int64_t story, int64_t *n, px_error *err)
{
    sqlite3_stmt *q;
    px_status rc = prepare(s, "SELECT count(*) FROM memberships WHERE story_id = ?1", &q, err);
    if (rc) return rc;
    sqlite3_bind_int64(q, 1, story);
    *n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    if (*n < 0) rc = px_store_fail(s, err, "reading a story");
    sqlite3_finalize(q);
    return rc ? rc : *n ? PX_OK : px_store_no_story(s, story, err);
}

/* Records a decision; *id gets its row. */
static px_status record(px_store *s, const char *kind, int64_t story, int64_t other,
                        int64_t article, const char *title, int64_t *id, px_error *err)
{
    sqlite3_stmt *q;
    px_status rc = prepare(s, "INSERT INTO decisions(time, kind, story, other, article, title)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &q, err);
    if (rc) return rc;
    sqlite3_bind_int64(q, 1, (int64_t)time(NULL));
    sqlite3_bind_text(q, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 3, story);
    if (other > 0) sqlite3_bind_int64(q, 4, other);
    if (article > 0) sqlite3_bind_int64(q, 5, article);
    if (title) sqlite3_bind_text(q, 6, title, -1, SQLITE_STATIC);
    rc = finish(s, q, err);
    if (!rc) *id = sqlite3_last_insert_rowid(s->db);
    return rc;
}

/* Moves the memberships of `where` (story_id = ?1, or article_id = ?1 with
 * article) to story `to`, marking them with the decision and keeping the
 * story grouping put them in. */
static px_status move_members(px_store *s, int article, int64_t key, int64_t to, int64_t decision,
                              px_error *err)
{
    sqlite3_stmt *q;
    px_status rc = prepare(s, article ? "UPDATE memberships SET added_to = coalesce(added_to, story_id),"
                                        " story_id = ?2, decision = ?3 WHERE article_id = ?1"
                                      : "UPDATE memberships SET added_to = coalesce(added_to, story_id),"
                                        " story_id = ?2, decision = ?3 WHERE story_id = ?1",
                           &q, err);
    if (rc) return rc;
    sqlite3_bind_int64(q, 1, key);
    sqlite3_bind_int64(q, 2, to);
    sqlite3_bind_int64(q, 3, decision);
    return finish(s, q, err);
}

/* Sets a story emptied by a decision to size 0 (its row stays: see the top). */
static px_status empty_story(px_store *s, int64_t story, px_error *err)
{
    sqlite3_stmt *q;
    px_status rc = prepare(s, "UPDATE stories SET size = 0, first_day = NULL, last_day = NULL,"
                              " state = x'', version = version + 1 WHERE id = ?1", &q, err);
    if (rc) return rc;
    sqlite3_bind_int64(q, 1, story);
    if ((rc = finish(s, q, err))) return rc;
    if ((rc = prepare(s, "DELETE FROM comparisons WHERE story_id = ?1", &q, err))) return rc;
    sqlite3_bind_int64(q, 1, story);
    return finish(s, q, err);
}

/* A story's title after its first article left: its (new) first article's,
 * unless the title was set by hand. */
static px_status retitle(px_store *s, int64_t story, px_error *err)
{
    sqlite3_stmt *q;
    px_status rc = prepare(
        s, "UPDATE stories SET title = (SELECT a.title FROM memberships m JOIN articles a"
           " ON a.id = m.article_id WHERE m.story_id = ?1 ORDER BY a.id LIMIT 1)"
           " WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM decisions WHERE kind = 'rename' AND story = ?1)",
        &q, err);
    if (rc) return rc;
    sqlite3_bind_int64(q, 1, story);
    return finish(s, q, err);
}

/* The store's document frequencies, to weigh re-read articles with. */
static px_status load_df(px_store *s, px_df *df, px_error *err)
{
    px_df_init(df, 0);
    void *data;
    size_t len;
    px_status rc = px_store_get_meta(s, "df", &data, &len, err);
    if (!rc && data && px_df_load(df, data, len))
        rc = px_error_set(err, PX_EINPUT, s->path, 0, 0, "the saved document frequencies are damaged");
    free(data);
    return rc;
}

/* Remakes story's saved state from its articles as they now are, and
 * saves it (which bumps its version). */
static px_status remake(px_store *s, px_context *ctx, const px_df *df, int64_t story, px_error *err)
{
    px_story_params p;
    px_story_params_default(&p);
    px_story st;
    px_story_init(&st, story);
    sqlite3_stmt *q;
    px_status rc = prepare(s, "SELECT " ARTICLE_COLUMNS ARTICLE_FROM
                              " JOIN memberships m ON m.article_id = a.id WHERE m.story_id = ?1"
                              " ORDER BY a.id", &q, err);
    if (rc) return rc;
    sqlite3_bind_int64(q, 1, story);
    int step;
    while (!rc && (step = sqlite3_step(q)) == SQLITE_ROW) {
        px_article *a;
        px_analysis *an;
        if ((rc = px_store_row_article(s, ctx, q, 0, &a, err))) break;
        if (!(rc = px_analyze_light(ctx, a, &an, err))) {
            px_doc d;
            px_doc_build(&d, ctx, a, an);
            px_doc_weigh(&d, df, p.terms_power, p.specifics_power);
            px_story_add(&st, sqlite3_column_int64(q, 0), &d);
            px_doc_free(&d);
            px_analysis_free(an);
        }
        px_article_free(a);
    }
    if (!rc && step != SQLITE_DONE) rc = px_store_fail(s, err, "reading a story");
    sqlite3_finalize(q);
    assert(rc || st.size > 0); /* callers remake only stories that keep an article */
    if (!rc) rc = px_store_put_story(s, &st, err);
    px_story_free(&st);
    return rc;
}

/* Ends the transaction of a decision: commits on success, else rolls back. */
static px_status end(px_store *s, px_status rc, px_error *err)
{
    if (!rc) rc = px_store_commit(s, err);
    if (rc) px_store_rollback(s);
    return rc;
}

px_status px_store_story_merge(px_store *s, int64_t into, int64_t from, px_error *err)
{
    if (!s) return px_error_set(err, PX_EUSAGE, "px_store_story_merge", 0, 0, "no store");
    if (into == from)
        return px_error_set(err, PX_EUSAGE, s->path, 0, 0,
                            "story %lld twice: merge takes two different stories", (long long)into);
    px_status rc = px_store_begin(s, err);
    if (rc) return rc;
    int64_t size, decision;
    if ((rc = story_size(s, into, &size, err)) || (rc = story_size(s, from, &size, err)))
        return end(s, rc, err);
    px_story a, b;
    if ((rc = px_store_story_state(s, into, &a, err))) return end(s, rc, err);
    if ((rc = px_store_story_state(s, from, &b, err))) {
        px_story_free(&a);
        return end(s, rc, err);
    }
    px_story_absorb(&a, &b);
    if (!(rc = record(s, "merge", from, into, 0, NULL, &decision, err)) &&
        !(rc = move_members(s, 0, from, into, decision, err)) && !(rc = px_store_put_story(s, &a, err)))
        rc = empty_story(s, from, err);
    px_story_free(&a);
    px_story_free(&b);
    return end(s, rc, err);
}

/* The article of key and its story; PX_EUSAGE when none. */
static px_status find_article(px_store *s, px_context *ctx, const char *key, int64_t *row,
                              int64_t *story, px_error *err)
{
    px_article *a;
    px_membership_row m;
    px_status rc = px_store_article(s, ctx, key, &a, &m, err);
    if (rc) return rc;
    px_article_free(a);
    *row = m.article;
    *story = m.story;
    return PX_OK;
}

px_status px_store_story_move(px_store *s, px_context *ctx, const char *article, int64_t to,
                              int64_t *from, px_error *err)
{
    if (from) *from = 0;
    if (!s || !ctx || !article)
        return px_error_set(err, PX_EUSAGE, "px_store_story_move", 0, 0, "no store, context or article");
    px_status rc = px_store_begin(s, err);
    if (rc) return rc;
    int64_t row = 0, old = 0, decision, left = 0;
    px_df df = {0};
    int df_loaded = 0;
    if ((rc = find_article(s, ctx, article, &row, &old, err))) goto done;
    if (old == to) {
        rc = px_error_set(err, PX_EUSAGE, s->path, 0, 0, "article '%s' is already in story %lld",
                          article, (long long)to);
        goto done;
    }
    int64_t size;
    if ((rc = story_size(s, to, &size, err)) || (rc = story_size(s, old, &left, err))) goto done;
    left--; /* the articles old keeps */
    if ((rc = load_df(s, &df, err))) goto done;
    df_loaded = 1;
    if ((rc = record(s, "move", old, to, row, NULL, &decision, err)) ||
        (rc = move_members(s, 1, row, to, decision, err)) || (rc = remake(s, ctx, &df, to, err)))
        goto done;
    rc = left ? remake(s, ctx, &df, old, err) : empty_story(s, old, err);
    if (!rc && left) rc = retitle(s, old, err);
    if (!rc && from) *from = old;
done:
    if (df_loaded) px_df_free(&df);
    return end(s, rc, err);
}

px_status px_store_story_split(px_store *s, px_context *ctx, int64_t story,
                               const char *const *articles, size_t n, int64_t *created,
                               px_error *err)
{
    if (created) *created = 0;
    if (!s || !ctx || !articles || !n)
        return px_error_set(err, PX_EUSAGE, "px_store_story_split", 0, 0, "no store, context or articles");
    px_status rc = px_store_begin(s, err);
    if (rc) return rc;
    int64_t *rows = px_xcalloc(n, sizeof *rows), size, id = 0, decision;
    px_df df = {0};
    int df_loaded = 0;
    if ((rc = story_size(s, story, &size, err))) goto done;
    for (size_t i = 0; i < n; i++) {
        int64_t in;
        if ((rc = find_article(s, ctx, articles[i], &rows[i], &in, err))) goto done;
        if (in != story) {
            rc = px_error_set(err, PX_EUSAGE, s->path, 0, 0, "article '%s' is in story %lld, not %lld",
                              articles[i], (long long)in, (long long)story);
            goto done;
        }
        for (size_t k = 0; k < i; k++)
            if (rows[k] == rows[i]) {
                rc = px_error_set(err, PX_EUSAGE, s->path, 0, 0, "article '%s' given twice", articles[i]);
                goto done;
            }
    }
    if ((int64_t)n >= size) {
        rc = px_error_set(err, PX_EUSAGE, s->path, 0, 0,
                          "splitting every article out of story %lld would leave it empty "
                          "(to change its title: parallax story rename)", (long long)story);
        goto done;
    }
    sqlite3_stmt *q;
    if ((rc = prepare(s, "SELECT coalesce(max(id), 0) + 1 FROM stories", &q, err))) goto done;
    if (sqlite3_step(q) == SQLITE_ROW) id = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (id <= 0) {
        rc = px_store_fail(s, err, "making a story");
        goto done;
    }
    if ((rc = load_df(s, &df, err))) goto done;
    df_loaded = 1;
    if ((rc = px_store_new_story(s, id, NULL, err)) ||
        (rc = record(s, "split", story, id, 0, NULL, &decision, err)))
        goto done;
    for (size_t i = 0; i < n && !rc; i++) rc = move_members(s, 1, rows[i], id, decision, err);
    if (!rc) rc = remake(s, ctx, &df, id, err);
    if (!rc) rc = remake(s, ctx, &df, story, err);
    if (!rc) rc = retitle(s, id, err);
    if (!rc) rc = retitle(s, story, err);
    if (!rc && created) *created = id;
done:
    if (df_loaded) px_df_free(&df);
    free(rows);
    return end(s, rc, err);
}

/* 1 when title is fit to be a story's: not empty, valid UTF-8, no
 * control character, at most MAX_TITLE bytes. */
static int title_ok(const char *t, const char **why)
{
    size_t n = strlen(t);
    *why = !n ? "an empty title" : n > MAX_TITLE ? "a title of over 1000 bytes" : NULL;
    if (*why) return 0;
    if (!px_utf8_check(t, n, NULL)) return *why = "a title that is not UTF-8", 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)t[i] < 0x20 || t[i] == 0x7f) return *why = "a title with a control character", 0;
    return 1;
}

px_status px_store_story_rename(px_store *s, int64_t story, const char *title, px_error *err)
{
    if (!s || !title) return px_error_set(err, PX_EUSAGE, "px_store_story_rename", 0, 0, "no store or title");
    const char *why;
    if (!title_ok(title, &why))
        return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "story %lld: %s", (long long)story, why);
    px_status rc = px_store_begin(s, err);
    if (rc) return rc;
    int64_t decision;
    sqlite3_stmt *q;
    int64_t size;
    if ((rc = story_size(s, story, &size, err))) return end(s, rc, err);
    if (!(rc = record(s, "rename", story, 0, 0, title, &decision, err)) &&
             !(rc = prepare(s, "UPDATE stories SET title = ?2, version = version + 1 WHERE id = ?1", &q, err))) {
        sqlite3_bind_int64(q, 1, story);
        sqlite3_bind_text(q, 2, title, -1, SQLITE_STATIC);
        rc = finish(s, q, err);
    }
    return end(s, rc, err);
}
