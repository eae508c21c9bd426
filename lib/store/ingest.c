/*
 * ingest.c — the stream into the store (ingest.h).
 *
 * Order of the writes for one article, all in the open transaction: the
 * article row (its id is what the clusterer records as member), the
 * grouping decision, the story row when the article starts one, the
 * membership.  Story states are written at commit, for the stories that
 * changed: a story of a hundred articles is saved once per batch, not a
 * hundred times.
 *
 * Stories quiet for longer than the window are saved and dropped when the
 * stream's clock reaches a new day, not at commits: which stories are
 * still in memory decides which ones can be candidates (an old story can
 * take the place of a live one among the best-hit slots), and that must
 * not depend on --batch.
 */
#include <assert.h>
#include <string.h>

#include "store/ingest.h"
#include "store/store_private.h"

struct px_ingest {
    px_store *store;
    px_clusterer *c;
    size_t batch, pending, commits;
    int32_t expired_on; /* the clock's day at the last expiry */
    int in_tx, failed, finished;
    px_status expiry_rc; /* of saving the stories dropped by expiry */
    px_error *expiry_err;
    px_ingest_stats stats;
    px_ingest_stats committed; /* stats as of the last commit */
};

static px_status save_df(px_ingest *g, px_error *err)
{
    px_buf b = {0};
    px_df_save(px_clusterer_df(g->c), &b);
    px_status rc = px_store_put_meta(g->store, "df", b.data, b.len, err);
    px_buf_free(&b);
    return rc;
}

px_status px_ingest_open(px_store *s, const px_story_params *p, size_t batch, px_ingest **out,
                         px_error *err)
{
    *out = NULL;
    px_ingest *g = px_xcalloc(1, sizeof *g);
    g->store = s;
    g->batch = batch ? batch : PX_INGEST_BATCH;
    g->expired_on = PX_NO_DAY;
    g->c = px_clusterer_new(p, 1);
    void *data;
    size_t len;
    px_status rc = px_store_get_meta(s, "df", &data, &len, err);
    if (!rc && data && px_df_load(px_clusterer_df(g->c), data, len))
        rc = px_error_set(err, PX_EINPUT, "store", 0, 0, "the saved document frequencies are damaged");
    free(data);
    int32_t last = px_store_last_day(s);
    if (!rc)
        rc = px_store_restore(s, g->c, last == PX_NO_DAY ? PX_NO_DAY : last - p->window,
                              &g->stats.restored, err);
    if (rc) {
        px_clusterer_free(g->c);
        free(g);
        return rc;
    }
    g->committed = g->stats; /* restored */
    *out = g;
    return PX_OK;
}

px_status px_store_ingest(px_store *s, size_t batch, px_ingest **out, px_error *err)
{
    if (out) *out = NULL;
    if (!s || !out) return px_error_set(err, PX_EUSAGE, "px_store_ingest", 0, 0, "no store or output");
    px_story_params p;
    px_story_params_default(&p);
    return px_ingest_open(s, &p, batch, out, err);
}

int px_ingest_known(px_ingest *g, const px_article *a)
{
    if (!a->url || px_store_find_url(g->store, a->url) <= 0) return 0; /* an error: add() says */
    g->stats.duplicates++;
    return 1;
}

static void save_expired(px_story *s, void *ud)
{
    px_ingest *g = ud;
    if (!g->expiry_rc && s->dirty) g->expiry_rc = px_store_put_story(g->store, s, g->expiry_err);
}

/* Expiry on each new day of the clock (see the top of the file). */
static px_status expire(px_ingest *g, int32_t day, px_error *err)
{
    if (day == PX_NO_DAY || day <= g->expired_on) return PX_OK;
    g->expired_on = day;
    g->expiry_rc = PX_OK;
    g->expiry_err = err;
    px_clusterer_expire(g->c, save_expired, g);
    return g->expiry_rc;
}

/* After a failed write: the open transaction is undone (its articles were
 * never stored) and nothing more is written. */
static px_status fail(px_ingest *g, px_status rc)
{
    px_store_rollback(g->store);
    g->in_tx = 0;
    g->failed = 1;
    return rc;
}

px_status px_ingest_add(px_ingest *g, px_context *ctx, const px_article *a,
                        const px_analysis *an, int *added, px_error *err)
{
    *added = 0;
    px_status rc;
    if (g->failed) return px_error_set(err, PX_EUSAGE, "ingest", 0, 0, "an earlier write failed");
    if (!g->in_tx) {
        if ((rc = px_store_begin(g->store, err))) return rc;
        g->in_tx = 1;
    }
    px_doc d;
    px_doc_build(&d, ctx, a, an);
    int64_t known = px_store_find(g->store, a->url, d.fingerprint);
    if (known < 0) {
        px_doc_free(&d);
        return fail(g, px_store_fail(g->store, err, "looking up an article"));
    }
    if (known) {
        g->stats.duplicates++;
        px_doc_free(&d);
        return PX_OK;
    }
    int64_t id;
    px_decision dec;
    rc = px_store_put_article(g->store, a, an, &d, &id, err);
    if (!rc) {
        px_clusterer_add(g->c, id, &d, &dec);
        if (dec.created) rc = px_store_new_story(g->store, dec.story, a->title, err);
    }
    if (!rc) rc = expire(g, d.p.day, err); /* d.p.day: the clock's, when a has no date */
    if (!rc) rc = px_store_put_membership(g->store, id, &dec, px_clusterer_params(g->c)->threshold, err);
    px_doc_free(&d);
    if (rc) return fail(g, rc);
    assert(g->in_tx); /* every write is inside the batch's transaction */
    *added = 1;
    g->stats.added++;
    g->stats.stories += dec.created;
    g->stats.copies += dec.copy_of >= 0;
    if (++g->pending >= g->batch) return px_ingest_flush(g, err);
    return PX_OK;
}

px_status px_ingest_flush(px_ingest *g, px_error *err)
{
    if (!g->in_tx) return PX_OK;
    px_status rc = PX_OK;
    size_t n = px_clusterer_count(g->c);
    for (size_t i = 0; i < n && !rc; i++) {
        px_story *s = px_clusterer_story(g->c, i);
        if (!s || !s->dirty) continue;
        rc = px_store_put_story(g->store, s, err);
        s->dirty = 0;
    }
    if (!rc && ++g->commits % PX_INGEST_DF_EVERY == 0) rc = save_df(g, err);
    if (!rc) rc = px_store_commit(g->store, err);
    if (rc) return fail(g, rc);
    g->in_tx = 0;
    g->pending = 0;
    g->committed = g->stats;
    assert(g->committed.added >= g->committed.stories); /* a story starts with an article */
    return PX_OK;
}

const px_ingest_stats *px_ingest_stats_of(const px_ingest *g) { return &g->stats; }

const px_ingest_stats *px_ingest_committed(const px_ingest *g) { return &g->committed; }

px_status px_ingest_finish(px_ingest *g, px_error *err)
{
    if (g->failed) return px_error_set(err, PX_EUSAGE, "ingest", 0, 0, "an earlier write failed");
    if (g->finished) return PX_OK;
    g->finished = 1;
    px_status rc = PX_OK;
    if (!g->in_tx && !(rc = px_store_begin(g->store, err))) g->in_tx = 1;
    if (!rc) rc = save_df(g, err);
    if (!rc) rc = px_ingest_flush(g, err);
    if (rc && !g->failed) rc = fail(g, rc);
    return rc;
}

px_status px_ingest_close(px_ingest *g, px_error *err)
{
    if (!g) return PX_OK;
    px_status rc = g->failed || g->finished ? PX_OK : px_ingest_finish(g, err);
    px_clusterer_free(g->c);
    free(g);
    return rc;
}
