/*
 * list.c — the story list in its three orders (serve.h): most recent and
 * largest are the store's (px_store_stories); most disputed is the
 * ledger's (ledger.c), so that it never computes a comparison.
 *
 * Most disputed: the stories whose comparison the server computed, the
 * most conflicts first, then the newest.  Each candidate is checked
 * against the store with the request's filters (px_store_stories for that
 * one story): a story that no longer matches them, or that changed since
 * its count (its version grew: the count is stale until it is opened
 * again), is left out.  A page scans at most PXS_DISPUTED_SCAN candidates.
 * Its cursor is "CONFLICTS.ID" of the last row handed out, like the
 * store's keyset cursors: the next page starts strictly after it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

#define PXS_DISPUTED_SCAN 20000

typedef struct pass {
    void (*fn)(const px_story_row *, void *);
    void *ud;
    int64_t version;
    int given;
} pass;

static void forward(const px_story_row *row, void *ud)
{
    pass *p = ud;
    if (row->version != p->version) return;
    p->fn(row, p->ud);
    p->given = 1;
}

static void probe(const px_story_row *row, void *ud)
{
    pass *p = ud;
    p->given |= row->version == p->version;
}

static int parse_cursor(const char *c, long *conflicts, int64_t *id)
{
    char *end;
    errno = 0;
    long k = strtol(c, &end, 10);
    if (errno || end == c || *end != '.' || k < 0) return -1;
    const char *p = end + 1;
    long long i = strtoll(p, &end, 10);
    if (errno || end == p || *end || i <= 0) return -1;
    *conflicts = k;
    *id = i;
    return 0;
}

px_status pxs_stories(pxs_request *r, const px_story_filter *f, int disputed,
                      void (*fn)(const px_story_row *, void *), void *ud, char **next, px_error *err)
{
    if (next) *next = NULL;
    if (!disputed) return px_store_stories(r->store, f, fn, ud, next, err);
    long ck = 0;
    int64_t cid = 0;
    if (f->cursor && parse_cursor(f->cursor, &ck, &cid))
        return px_error_set(err, PX_EUSAGE, "serve", 0, 0, "not a cursor of this list: '%.40s'", f->cursor);
    pxs_ranked *v;
    size_t n = pxs_ledger_ranked(pxs_cache_ledger(r->cache), &v), i = 0;
    if (f->cursor)
        while (i < n && (v[i].conflicts > ck || (v[i].conflicts == ck && v[i].id >= cid))) i++;
    int limit = f->limit > 0 ? f->limit : 50, rows = 0;
    px_status rc = PX_OK;
    long lastk = 0;
    int64_t lastid = 0;
    for (size_t scanned = 0; i < n && scanned < PXS_DISPUTED_SCAN; i++, scanned++) {
        px_story_filter one = *f;
        one.story = v[i].id;
        one.cursor = NULL;
        one.limit = 1;
        one.order = PX_STORIES_RECENT;
        pass p = {fn, ud, v[i].version, 0};
        /* past the page's last row, only whether one more matches */
        if ((rc = px_store_stories(r->store, &one, rows < limit ? forward : probe, &p, NULL, err))) break;
        if (!p.given) continue;
        if (rows == limit) {
            if (next) {
                char b[48];
                snprintf(b, sizeof b, "%ld.%lld", lastk, (long long)lastid);
                *next = px_xstrdup(b);
            }
            break;
        }
        rows++;
        lastk = v[i].conflicts;
        lastid = v[i].id;
    }
    free(v);
    return rc;
}
