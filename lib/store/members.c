/*
 * members.c — two more reads of the store for the server's pages
 * (include/parallax.h): why each article of a story is in it (the decision
 * `add` recorded, which `parallax explain` prints), and what an outlet did
 * across stories (how often it published first or started a story).
 *
 * Both read recorded rows only: nothing is re-read or analysed, so a page
 * of a thousand members costs one indexed query.
 */
#include <string.h>

#include "store/store_private.h"

px_status px_store_story_members(px_store *s, int64_t story, int64_t after, int limit,
                                 void (*fn)(const px_story_member *, void *), void *ud,
                                 px_error *err)
{
    if (!s || !fn || story <= 0)
        return px_error_set(err, PX_EUSAGE, "px_store_story_members", 0, 0, "no store, story or callback");
    if (limit < 1 || limit > PX_STORE_MAX_LIMIT)
        return px_error_set(err, PX_EUSAGE, s->path, 0, 0, "a limit of %d rows: 1 to %d", limit,
                            PX_STORE_MAX_LIMIT);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT m.article_id, m.created, m.copy_of, m.best_story, m.score, m.terms,"
                           " m.specifics, m.quotes, m.gap, m.threshold, m.places"
                           " FROM memberships m WHERE m.story_id = ?1 AND m.article_id > ?2"
                           " ORDER BY m.article_id LIMIT ?3",
                           -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "reading a story's members");
    sqlite3_bind_int64(q, 1, story);
    sqlite3_bind_int64(q, 2, after > 0 ? after : 0);
    sqlite3_bind_int(q, 3, limit);
    int step;
#define REAL(i) (sqlite3_column_type(q, i) == SQLITE_NULL ? -1 : sqlite3_column_double(q, i))
#define ROW(i) (sqlite3_column_type(q, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(q, i))
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        px_story_member m = {
            .article = sqlite3_column_int64(q, 0), .story = story,
            .created = sqlite3_column_int(q, 1), .copy_of = ROW(2), .best_story = ROW(3),
            .score = REAL(4), .terms = REAL(5), .specifics = REAL(6), .quotes = REAL(7),
            .gap = sqlite3_column_type(q, 8) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 8),
            .threshold = sqlite3_column_double(q, 9), .places_only = sqlite3_column_int(q, 10)};
        fn(&m, ud);
    }
#undef REAL
#undef ROW
    sqlite3_finalize(q);
    return step == SQLITE_DONE ? PX_OK : px_store_fail(s, err, "reading a story's members");
}

px_status px_store_outlet_stats(px_store *s, const char *name, px_outlet_stats *out, px_error *err)
{
    if (out) memset(out, 0, sizeof *out);
    if (!s || !name || !out)
        return px_error_set(err, PX_EUSAGE, "px_store_outlet_stats", 0, 0, "no store, name or output");
    /* its stories; then, among them, those whose earliest dated article is
     * one of its own (ties: each tied outlet was first), and those its
     * article started */
    static const char sql[] =
        "WITH src AS (SELECT id FROM sources WHERE name = ?1),"
        " mine AS (SELECT m.story_id AS story, a.date AS date, m.created AS created"
        "   FROM articles a JOIN memberships m ON m.article_id = a.id WHERE a.source_id = (SELECT id FROM src)),"
        " firsts AS (SELECT m.story_id AS story, min(a.date) AS d FROM memberships m"
        "   JOIN articles a ON a.id = m.article_id"
        "   WHERE a.date IS NOT NULL AND m.story_id IN (SELECT story FROM mine) GROUP BY m.story_id)"
        " SELECT (SELECT count(*) FROM mine), (SELECT count(DISTINCT story) FROM mine),"
        " (SELECT count(*) FROM firsts f WHERE EXISTS (SELECT 1 FROM mine WHERE mine.story = f.story"
        "   AND mine.date = f.d)),"
        " (SELECT count(DISTINCT story) FROM mine WHERE created = 1)";
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "counting an outlet's stories");
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    px_status rc = PX_OK;
    if (sqlite3_step(q) == SQLITE_ROW) {
        out->articles = sqlite3_column_int64(q, 0);
        out->stories = sqlite3_column_int64(q, 1);
        out->first = sqlite3_column_int64(q, 2);
        out->started = sqlite3_column_int64(q, 3);
    } else {
        rc = px_store_fail(s, err, "counting an outlet's stories");
    }
    sqlite3_finalize(q);
    return rc;
}
