/*
 * comparisons.c — the comparison cache in the store (include/parallax.h):
 * a story's comparison, rendered, kept per kind ("json", "text", "html",
 * what `serve` keeps) with the version of the story it was made from.
 *
 * A story's version (stories.version) is bumped whenever its articles
 * change (ingest saving it, a decision by hand) and by a rename; an entry
 * whose version is not the story's is stale and never handed out, and the
 * next put replaces it.  So there is at most one entry per story and
 * kind, and no invalidation step that could be missed.
 *
 * Readers (`show`, `serve`) write the cache.  A put is one statement in
 * its own transaction, refused (not stored, PX_OK) when the story changed
 * since its version was read, and skipped (PX_OK) rather than waited for
 * when a writer holds the store or the file is read-only: the cache saves
 * work, it must never hold a reader up.
 */
#include <string.h>
#include <time.h>

#include "store/store_private.h"

/* How long a put waits for a writer's transaction before giving up (ms);
 * the connection's own timeout is restored after. */
#define PUT_WAIT_MS 50
#define OWN_WAIT_MS 5000 /* store.c's sqlite3_busy_timeout */

static int kind_ok(const char *kind)
{
    size_t n = kind ? strlen(kind) : 0;
    return n > 0 && n <= 32;
}

px_status px_store_comparison_get(px_store *s, int64_t story, const char *kind, int64_t *version,
                                  char **body, size_t *len, px_error *err)
{
    if (body) *body = NULL;
    if (len) *len = 0;
    if (version) *version = 0;
    if (!s || !body || !len || !kind_ok(kind))
        return px_error_set(err, PX_EUSAGE, "px_store_comparison_get", 0, 0,
                            "no store, body or length, or a kind that is empty or over 32 bytes");
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT st.version, c.body FROM stories st LEFT JOIN comparisons c"
                                  " ON c.story_id = st.id AND c.kind = ?2 AND c.version = st.version"
                                  " WHERE st.id = ?1 AND st.size > 0", -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "reading the comparison cache");
    sqlite3_bind_int64(q, 1, story);
    sqlite3_bind_text(q, 2, kind, -1, SQLITE_STATIC);
    px_status rc = PX_OK;
    int step = sqlite3_step(q);
    if (step == SQLITE_ROW) {
        if (version) *version = sqlite3_column_int64(q, 0);
        if (sqlite3_column_type(q, 1) != SQLITE_NULL) {
            size_t n = (size_t)sqlite3_column_bytes(q, 1);
            *body = px_xmalloc(n + 1);
            if (n) memcpy(*body, sqlite3_column_blob(q, 1), n);
            (*body)[n] = '\0';
            *len = n;
        }
    } else if (step == SQLITE_DONE) {
        rc = px_store_no_story(s, story, err);
    } else {
        rc = px_store_fail(s, err, "reading the comparison cache");
    }
    sqlite3_finalize(q);
    return rc;
}

px_status px_store_comparison_put(px_store *s, int64_t story, int64_t version, const char *kind,
                                  const void *body, size_t len, px_error *err)
{
    if (!s || (!body && len) || !kind_ok(kind))
        return px_error_set(err, PX_EUSAGE, "px_store_comparison_put", 0, 0,
                            "no store or body, or a kind that is empty or over 32 bytes");
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO comparisons(story_id, kind, version, made, body)"
                                  " SELECT ?1, ?2, ?3, ?4, ?5 FROM stories WHERE id = ?1 AND version = ?3",
                           -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "writing the comparison cache");
    sqlite3_bind_int64(q, 1, story);
    sqlite3_bind_text(q, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 3, version);
    sqlite3_bind_int64(q, 4, (int64_t)time(NULL));
    sqlite3_bind_blob64(q, 5, body ? body : "", len, SQLITE_STATIC);
    sqlite3_busy_timeout(s->db, PUT_WAIT_MS);
    int step = sqlite3_step(q), code = step & 0xFF;
    sqlite3_busy_timeout(s->db, OWN_WAIT_MS);
    px_status rc = PX_OK; /* stored, or skipped: see the top of the file */
    if (step != SQLITE_DONE && code != SQLITE_BUSY && code != SQLITE_LOCKED && code != SQLITE_READONLY)
        rc = px_store_fail(s, err, "writing the comparison cache");
    sqlite3_finalize(q);
    return rc;
}
