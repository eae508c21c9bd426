/*
 * cache.c — story comparisons, computed once per version of a story
 * (serve.h).
 *
 * A story's version is a counter the store bumps whenever its articles
 * change (px_story_row), so a cached comparison of an older version is
 * dropped the first time the story is asked for again.  The cache holds
 * up to `capacity` stories; past that the least recently used goes.  An entry is reference-counted: a request
 * keeps the one it got while it writes it out, even if another request
 * replaces or evicts it meanwhile.
 *
 * The comparison is computed outside the lock (it can take seconds on a
 * large story); two requests for the same uncached story may both compute
 * it, and the second to finish replaces the first.  A story of more than
 * PXS_MAX_COMPARE articles is compared over its first PXS_MAX_COMPARE
 * (comparison time grows faster than linearly with the articles).
 */
#define _GNU_SOURCE /* open_memstream */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "render/compare_html.h"
#include "serve/serve.h"

struct pxs_cache {
    pthread_mutex_t mu;
    pxs_story **items;
    uint64_t *used; /* a clock: when each item was last asked for */
    unsigned len, cap;
    uint64_t clock;
    pxs_ledger *ledger;
};

pxs_cache *pxs_cache_new(unsigned capacity)
{
    pxs_cache *c = px_xcalloc(1, sizeof *c);
    pthread_mutex_init(&c->mu, NULL);
    c->cap = capacity ? capacity : 1;
    c->items = px_xcalloc(c->cap, sizeof *c->items);
    c->used = px_xcalloc(c->cap, sizeof *c->used);
    c->ledger = pxs_ledger_new();
    return c;
}

static void story_free(pxs_story *s)
{
    free(s->html);
    free(s->json);
    free(s->original);
    free(s->matrix_html);
    free(s->matrix_json);
    free(s);
}

void pxs_story_release(pxs_cache *c, pxs_story *s)
{
    if (!s) return;
    pthread_mutex_lock(&c->mu);
    assert(s->refs > 0);
    int last = --s->refs == 0;
    pthread_mutex_unlock(&c->mu);
    if (last) story_free(s);
}

void pxs_cache_free(pxs_cache *c)
{
    if (!c) return;
    for (unsigned i = 0; i < c->len; i++) pxs_story_release(c, c->items[i]);
    pxs_ledger_free(c->ledger);
    pthread_mutex_destroy(&c->mu);
    free(c->items);
    free(c->used);
    free(c);
}

/* Index of story id in the cache, or -1; under the lock. */
static int find(pxs_cache *c, int64_t id)
{
    for (unsigned i = 0; i < c->len; i++)
        if (c->items[i]->id == id) return (int)i;
    return -1;
}

long pxs_cache_conflicts(pxs_cache *c, int64_t id, int64_t version)
{
    return pxs_ledger_conflicts(c->ledger, id, version);
}

pxs_ledger *pxs_cache_ledger(pxs_cache *c) { return c->ledger; }

void pxs_cache_ledger_read(pxs_cache *c, pxs_request *r, int64_t id, int64_t version)
{
    if (pxs_ledger_conflicts(c->ledger, id, version) != -2) return;
    char *text = NULL;
    size_t len = 0;
    int64_t stored = 0;
    px_error err;
    if (!px_store_comparison_get(r->store, id, PXS_LEDGER_KIND, &stored, &text, &len, &err) && text &&
        stored == version)
        (void)pxs_ledger_load(c->ledger, id, version, text, len); /* damaged: not counted */
    free(text);
}

/* Puts s in (one reference is the cache's), replacing the story's older
 * entry or the least recently used. */
static void put(pxs_cache *c, pxs_story *s)
{
    pthread_mutex_lock(&c->mu);
    int i = find(c, s->id);
    if (i < 0 && c->len < c->cap) {
        i = (int)c->len++;
    } else if (i < 0) {
        i = 0;
        for (unsigned k = 1; k < c->len; k++)
            if (c->used[k] < c->used[i]) i = (int)k;
    }
    pxs_story *old = c->items[i];
    s->refs++;
    c->items[i] = s;
    c->used[i] = ++c->clock;
    pthread_mutex_unlock(&c->mu);
    if (old) pxs_story_release(c, old);
}

/* The comparison's conflicts and updates (not agreements). */
static long count_conflicts(const px_comparison *cmp)
{
    long n = 0;
    for (size_t i = 0; i < cmp->conflicts.len; i++)
        n += cmp->conflicts.items[i].judgment == PX_JUDGE_CONFLICT ||
             cmp->conflicts.items[i].judgment == PX_JUDGE_UPDATE;
    return n;
}

/* Computes the comparison of the articles into s. */
static px_status compute(pxs_cache *c, pxs_request *r, pxs_story *s, px_article **arts, size_t n, px_error *err)
{
    size_t hlen = 0, jlen = 0, mhlen = 0, mjlen = 0;
    FILE *h = open_memstream(&s->html, &hlen), *j = open_memstream(&s->json, &jlen);
    FILE *mh = open_memstream(&s->matrix_html, &mhlen), *mj = open_memstream(&s->matrix_json, &mjlen);
    if (!h || !j || !mh || !mj) {
        fputs("parallax: out of memory (a comparison's streams)\n", stderr);
        abort();
    }
    px_analysis **ans = px_xcalloc(n, sizeof *ans);
    px_status rc = PX_OK;
    for (size_t i = 0; i < n && !rc; i++) rc = px_analyze(r->ctx, arts[i], &ans[i], err);
    if (!rc) { /* one article too: a comparison of the one shape */
        px_comparison *cmp;
        if (!(rc = px_compare(r->ctx, arts, ans, n, &cmp, err))) {
            s->conflicts = count_conflicts(cmp);
            s->original = px_xmalloc(n * sizeof *s->original);
            for (size_t i = 0; i < n; i++) s->original[i] = (size_t)-1;
            for (size_t i = 0; i < cmp->copies.len; i++)
                if (cmp->copies.items[i].copy < n && cmp->copies.items[i].original < n)
                    s->original[cmp->copies.items[i].copy] = cmp->copies.items[i].original;
            pxh_body(cmp, h);
            pxs_matrix(cmp, mh, mj);
            pxs_ledger_record(c->ledger, s->id, s->version, cmp, s->conflicts);
            size_t len;
            char *entry = pxs_ledger_entry_json(c->ledger, s->id, s->version, &len);
            /* kept beside the page (replies.c); not kept: counted when compared again */
            px_error ignored;
            if (entry) (void)px_store_comparison_put(r->store, s->id, s->version, PXS_LEDGER_KIND, entry, len, &ignored);
            free(entry);
            rc = px_render_comparison_json(cmp, j, err);
            px_comparison_free(cmp);
        }
    }
    for (size_t i = 0; i < n; i++) px_analysis_free(ans[i]);
    free(ans);
    if (fclose(h) && !rc) rc = px_error_set(err, PX_EIO, "serve", 0, 0, "writing a page failed");
    if (fclose(j) && !rc) rc = px_error_set(err, PX_EIO, "serve", 0, 0, "writing a page failed");
    if (fclose(mh) && !rc) rc = px_error_set(err, PX_EIO, "serve", 0, 0, "writing a page failed");
    if (fclose(mj) && !rc) rc = px_error_set(err, PX_EIO, "serve", 0, 0, "writing a page failed");
    s->html_len = hlen;
    s->json_len = jlen;
    s->matrix_html_len = mhlen;
    s->matrix_json_len = mjlen;
    return rc;
}

pxs_story *pxs_cache_get(pxs_cache *c, pxs_request *r, const px_story_row *row, px_error *err)
{
    pthread_mutex_lock(&c->mu);
    int i = find(c, row->id);
    if (i >= 0 && c->items[i]->version == row->version) {
        pxs_story *s = c->items[i];
        s->refs++;
        c->used[i] = ++c->clock;
        pthread_mutex_unlock(&c->mu);
        return s;
    }
    pthread_mutex_unlock(&c->mu);

    px_article **arts;
    size_t n;
    if (px_store_story_articles(r->store, r->ctx, row->id, &arts, &n, err)) return NULL;
    pxs_story *s = px_xcalloc(1, sizeof *s);
    s->id = row->id;
    s->version = row->version;
    s->articles = (int64_t)n;
    s->compared = n < PXS_MAX_COMPARE ? n : PXS_MAX_COMPARE;
    s->refs = 1; /* the caller's */
    px_status rc = compute(c, r, s, arts, s->compared, err);
    for (size_t k = 0; k < n; k++) px_article_free(arts[k]);
    free(arts);
    if (rc) {
        story_free(s);
        return NULL;
    }
    put(c, s);
    return s;
}
