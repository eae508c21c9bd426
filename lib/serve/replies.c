/*
 * replies.c — whole replies made once and sent many times (serve.h): a
 * story's page and its API JSON, per version of the story, kept in
 * memory and in the store.
 *
 * A story's page costs a comparison (tens of milliseconds to seconds) and
 * then a few milliseconds of store reads and HTML; once made it depends
 * only on the story's version (the store bumps it whenever the story's
 * articles or title change) and on the server's outlet groups.  So the
 * page is kept whole, with its ETag and (made the first time a client
 * asks for it) its gzip, and sent as it is: a request for a kept page
 * reads the story's version (one indexed row) and nothing else.
 *
 * Two tiers.  Memory: up to `capacity` replies of each kind, the least
 * recently used dropped.  The store: the comparison cache
 * (px_store_comparison_get/put, kind "page@VERSION/GROUPS" or
 * "api@VERSION"), so a restart or a memory miss reads the page instead of
 * comparing again; an entry of an older version of the story is never
 * handed out (comparisons.c).
 *
 * A reply is immutable once made except for its gzip, made at most once
 * under its own lock; it is reference-counted (atomically): the memory
 * tier holds one reference, each reply in flight another (released by
 * libmicrohttpd's free callback when the body is sent).
 */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "serve/serve.h"

struct pxs_reply {
    char *body;
    size_t len;
    const char *type;
    char etag[24];
    pthread_mutex_t mu; /* guards gz, gz_len, gz_state */
    char *gz;
    size_t gz_len;
    int gz_state; /* 0 not tried, 1 made, -1 not worth it */
    atomic_int refs;
};

char *pxs_gzip(const char *body, size_t len, size_t *out_len)
{
    z_stream z = {0};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return NULL;
    size_t cap = deflateBound(&z, len) + 32;
    char *out = px_xmalloc(cap);
    z.next_in = (unsigned char *)body;
    z.avail_in = (uInt)len;
    z.next_out = (unsigned char *)out;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    *out_len = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(out);
        return NULL;
    }
    return out;
}

void pxs_etag(const char *body, size_t len, char out[24])
{
    snprintf(out, 24, "\"%016llx\"", (unsigned long long)px_hash(body, len));
}

pxs_reply *pxs_reply_new(const char *type, char *body, size_t len)
{
    pxs_reply *p = px_xcalloc(1, sizeof *p);
    p->body = body;
    p->len = len;
    p->type = type;
    pxs_etag(body, len, p->etag);
    pthread_mutex_init(&p->mu, NULL);
    atomic_init(&p->refs, 1);
    return p;
}

pxs_reply *pxs_reply_retain(pxs_reply *p)
{
    atomic_fetch_add(&p->refs, 1);
    return p;
}

void pxs_reply_release(pxs_reply *p)
{
    if (!p) return;
    int before = atomic_fetch_sub(&p->refs, 1);
    assert(before > 0);
    if (before != 1) return;
    pthread_mutex_destroy(&p->mu);
    free(p->body);
    free(p->gz);
    free(p);
}

const char *pxs_reply_body(const pxs_reply *p, size_t *len)
{
    *len = p->len;
    return p->body;
}

const char *pxs_reply_type(const pxs_reply *p) { return p->type; }
const char *pxs_reply_etag(const pxs_reply *p) { return p->etag; }

const char *pxs_reply_gzipped(pxs_reply *p, size_t *len)
{
    pthread_mutex_lock(&p->mu);
    if (!p->gz_state) {
        p->gz = pxs_gzip(p->body, p->len, &p->gz_len);
        p->gz_state = p->gz && p->gz_len < p->len ? 1 : -1;
    }
    const char *gz = p->gz_state > 0 ? p->gz : NULL;
    *len = p->gz_len;
    pthread_mutex_unlock(&p->mu);
    return gz;
}

/* ---- the memory tier ------------------------------------------------------ */

typedef struct kept {
    int64_t id, version;
    int kind;
    uint64_t used; /* the clock when last asked for */
    pxs_reply *reply;
} kept;

struct pxs_replies {
    pthread_mutex_t mu;
    kept *items;
    unsigned len, cap;
    uint64_t clock;
};

pxs_replies *pxs_replies_new(unsigned capacity)
{
    pxs_replies *c = px_xcalloc(1, sizeof *c);
    pthread_mutex_init(&c->mu, NULL);
    c->cap = 2 * (capacity ? capacity : 1); /* of each kind */
    c->items = px_xcalloc(c->cap, sizeof *c->items);
    return c;
}

void pxs_replies_free(pxs_replies *c)
{
    if (!c) return;
    for (unsigned i = 0; i < c->len; i++) pxs_reply_release(c->items[i].reply);
    pthread_mutex_destroy(&c->mu);
    free(c->items);
    free(c);
}

/* The index of (id, kind), or -1; under the lock. */
static int find(const pxs_replies *c, int64_t id, int kind)
{
    for (unsigned i = 0; i < c->len; i++)
        if (c->items[i].id == id && c->items[i].kind == kind) return (int)i;
    return -1;
}

static pxs_reply *memory_get(pxs_replies *c, int64_t id, int kind, int64_t version)
{
    pthread_mutex_lock(&c->mu);
    int i = find(c, id, kind);
    pxs_reply *p = NULL;
    if (i >= 0 && c->items[i].version == version) {
        p = pxs_reply_retain(c->items[i].reply);
        c->items[i].used = ++c->clock;
    }
    pthread_mutex_unlock(&c->mu);
    return p;
}

/* Keeps a reference to p as (id, kind) at version, replacing the entry's
 * older version or the least recently used entry. */
static void memory_put(pxs_replies *c, int64_t id, int kind, int64_t version, pxs_reply *p)
{
    pthread_mutex_lock(&c->mu);
    int i = find(c, id, kind);
    if (i < 0 && c->len < c->cap) {
        i = (int)c->len++;
    } else if (i < 0) {
        i = 0;
        for (unsigned k = 1; k < c->len; k++)
            if (c->items[k].used < c->items[i].used) i = (int)k;
    } else if (c->items[i].version > version) { /* a newer one is kept already */
        pthread_mutex_unlock(&c->mu);
        return;
    }
    pxs_reply *old = c->items[i].reply;
    c->items[i] = (kept){id, version, kind, ++c->clock, pxs_reply_retain(p)};
    pthread_mutex_unlock(&c->mu);
    pxs_reply_release(old);
}

/* ---- both tiers ---------------------------------------------------------- */

static const char *kind_type(int kind)
{
    return kind == PXS_REPLY_PAGE ? "text/html; charset=utf-8" : "application/json";
}

pxs_reply *pxs_reply_find(pxs_request *r, int64_t id, int kind, int64_t version)
{
    pxs_reply *p = memory_get(r->replies, id, kind, version);
    if (p) return p;
    char *body = NULL;
    size_t len = 0;
    int64_t stored = 0;
    px_error err;
    /* a store that cannot be read here is read again by the caller, which
     * reports it: the kept reply only saves work */
    if (px_store_comparison_get(r->store, id, r->kinds[kind], &stored, &body, &len, &err) || !body)
        return NULL;
    if (stored != version) {
        free(body);
        return NULL;
    }
    p = pxs_reply_new(kind_type(kind), body, len);
    memory_put(r->replies, id, kind, version, p);
    pxs_cache_ledger_read(r->cache, r, id, version); /* what the comparison taught */
    return p;
}

pxs_reply *pxs_reply_keep(pxs_request *r, int64_t id, int kind, int64_t version)
{
    fflush(r->out);
    char *body = px_xmalloc(r->len ? r->len : 1);
    memcpy(body, r->body, r->len);
    pxs_reply *p = pxs_reply_new(kind_type(kind), body, r->len);
    memory_put(r->replies, id, kind, version, p);
    px_error err;
    /* stored unless the story changed meanwhile or a writer holds the
     * store (comparisons.c): then the next memory miss makes it again */
    (void)px_store_comparison_put(r->store, id, version, r->kinds[kind], body, r->len, &err);
    return p;
}
