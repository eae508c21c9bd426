/*
 * server.c — `parallax serve` on libmicrohttpd: the daemon, the store
 * connections of its threads, routing, and what every reply carries
 * (include/parallax.h: px_server_*; the pages and API: pages.c, api.c).
 *
 * Threads.  libmicrohttpd runs a pool of `threads` threads, each with its
 * own epoll loop (MHD_USE_EPOLL_INTERNAL_THREAD + MHD_OPTION_THREAD_POOL_SIZE),
 * and calls the handler in them.  SQLite connections and px_contexts are
 * per thread, so the server opens one of each per thread up front (the
 * first context before any thread: libxml2's initialisation) and a
 * request borrows a free pair for its run.  The store is only read; SQLite
 * in WAL mode lets `parallax add` write it meanwhile, and each statement
 * sees the last commit.
 *
 * Limits, so that slow or many clients cannot starve the rest: connections
 * at once (max_connections) and per address (per_ip), an idle timeout,
 * 64 KiB of memory per connection (request line and headers: a larger
 * request is refused by libmicrohttpd), and no request body at all (413).
 *
 * Every reply: Content-Security-Policy default-src 'self' (pages carry no
 * script and load only their style sheet), X-Content-Type-Options nosniff,
 * Referrer-Policy no-referrer, X-Frame-Options DENY; an ETag (a hash of
 * the body: If-None-Match answers 304 without it), Cache-Control no-cache
 * (so a client revalidates, and sees a story change at once); gzip when
 * the client accepts it and the body is over 1 KiB.  Only GET and HEAD.
 * A kept reply (a story's page or JSON, replies.c) is sent from where it
 * is kept, its ETag and gzip made once: the request only looked up the
 * story's version.
 */
#define _GNU_SOURCE /* open_memstream */
#include <arpa/inet.h>
#include <assert.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "serve/serve.h"
#include "text/text.h"

typedef struct slot {
    px_store *store;
    px_context *ctx;
    int busy;
} slot;

struct px_server {
    struct MHD_Daemon *d;
    unsigned port;
    int quiet, bench;
    slot *slots;
    unsigned nslots;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pxs_cache *cache;
    pxs_groups *groups;
    pxs_replies *replies;
    char kind[2][40];    /* the kept replies' kinds in the store */
    const char *kinds[2];
};

#define MAX_ARG 1024

/* A memory stream for r's body; out of memory is fatal, as everywhere. */
static void open_body(pxs_request *r)
{
    r->body = NULL;
    r->len = 0;
    if (!(r->out = open_memstream(&r->body, &r->len))) {
        fputs("parallax: out of memory (a reply's stream)\n", stderr);
        abort();
    }
}

const char *pxs_arg(pxs_request *r, const char *name)
{
    const char *v = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
    if (!v || !*v) return NULL;
    size_t n = strlen(v);
    if (n > MAX_ARG || !px_utf8_check(v, n, NULL)) {
        r->bad_arg = 1;
        return NULL;
    }
    return v;
}

int pxs_bad_args(pxs_request *r, int json)
{
    if (!r->bad_arg) return 0;
    pxs_fail(r, 400, json, "an argument is not UTF-8 text of at most 1024 bytes");
    return 1;
}

int64_t pxs_id(const char *s)
{
    if (!s || !*s || strlen(s) > 18) return -1;
    int64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') return -1;
        v = v * 10 + (*p - '0');
    }
    return v > 0 ? v : -1;
}

/* Empties the body (a memory stream) for a new one. */
static void restart(pxs_request *r)
{
    fclose(r->out);
    free(r->body);
    open_body(r);
}

void pxs_fail(pxs_request *r, int status, int json, const char *message)
{
    restart(r);
    r->status = status;
    if (json) {
        r->type = "application/json";
        fputs("{\"error\":", r->out);
        /* the message is ours or the store's: escape what JSON needs */
        fputc('"', r->out);
        for (const char *p = message; *p; p++) {
            unsigned char c = (unsigned char)*p;
            if (c == '"' || c == '\\') fprintf(r->out, "\\%c", c);
            else if (c < 0x20) fprintf(r->out, "\\u%04x", c);
            else fputc(c, r->out);
        }
        fprintf(r->out, "\",\"status\":%d}\n", status);
        return;
    }
    r->type = "text/html; charset=utf-8";
    const char *title = status == 404 ? "Not found" : status == 400 ? "Bad request" : "Error";
    pxs_page_open(r->out, title, NULL);
    fprintf(r->out, "<h1>%s</h1>\n<p class=\"error\">", title);
    pxs_esc(r->out, message);
    fputs("</p>\n<p><a href=\"/\">All stories</a></p>\n", r->out);
    pxs_page_close(r->out);
}

void pxs_store_failed(pxs_request *r, const px_error *err, int json)
{
    pxs_fail(r, err->code == PX_EUSAGE ? 400 : 503, json, err->message);
}

px_article *pxs_article(pxs_request *r, const char *id, int64_t *story, int json)
{
    int64_t n = pxs_id(id);
    char key[24];
    snprintf(key, sizeof key, "#%lld", (long long)n);
    px_article *a = NULL;
    px_error err;
    if (n <= 0 || px_store_article_get(r->store, r->ctx, key, &a, story, &err)) {
        if (n > 0 && err.code != PX_EUSAGE) pxs_store_failed(r, &err, json);
        else pxs_fail(r, 404, json, "no such article");
        return NULL;
    }
    return a;
}

/* bench/serve's ceiling: the reply of a page of N bytes that costs
 * nothing to make (only with px_server_options.bench). */
static void fixed(pxs_request *r)
{
    int64_t n = pxs_id(pxs_arg(r, "bytes"));
    if (n <= 0 || n > (1 << 24)) {
        pxs_fail(r, 400, 1, "bytes: 1 to 16777216");
        return;
    }
    static const char line[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ<p>\n";
    for (int64_t i = 0; i < n; i++) fputc(line[i % (int64_t)(sizeof line - 1)], r->out);
}

static void style(pxs_request *r)
{
    r->type = "text/css; charset=utf-8";
    pxs_style(r->out);
}

/* The route of path: a page, an API call, the style sheet, or 404. */
static void route(pxs_request *r)
{
    const char *p = r->path;
    if (strcmp(p, "/") == 0) pxs_page_stories(r);
    else if (strncmp(p, "/story/", 7) == 0) pxs_page_story(r, p + 7);
    else if (strncmp(p, "/article/", 9) == 0) pxs_page_article(r, p + 9);
    else if (strcmp(p, "/outlets") == 0) pxs_page_outlets(r);
    else if (strcmp(p, "/outlet") == 0) pxs_page_outlet(r);
    else if (strcmp(p, "/search") == 0) pxs_page_search(r);
    else if (strcmp(p, "/assets/style.css") == 0) style(r);
    else if (r->bench && strcmp(p, "/bench/fixed") == 0) fixed(r);
    else if (strcmp(p, "/favicon.ico") == 0) r->status = 204, r->type = "image/x-icon"; /* none */
    else if (strcmp(p, "/api/v1/stories") == 0) pxs_api_stories(r);
    else if (strncmp(p, "/api/v1/stories/", 16) == 0) {
        const char *id = p + 16, *slash = strchr(id, '/');
        char buf[24];
        size_t n = slash ? (size_t)(slash - id) : 0;
        snprintf(buf, sizeof buf, "%.*s", (int)(n < 20 ? n : 20), id);
        if (!slash) pxs_api_story(r, id);
        else if (strcmp(slash, "/articles") == 0) pxs_api_story_articles(r, buf);
        else if (strcmp(slash, "/matrix") == 0) pxs_api_story_matrix(r, buf);
        else if (strcmp(slash, "/groups") == 0) pxs_api_story_groups(r, buf);
        else pxs_fail(r, 404, 1, "no such endpoint");
    }
    else if (strncmp(p, "/api/v1/articles/", 17) == 0) pxs_api_article(r, p + 17);
    else if (strcmp(p, "/api/v1/outlets") == 0) pxs_api_outlets(r);
    else if (strcmp(p, "/api/v1/outlet/articles") == 0) pxs_api_outlet_articles(r);
    else if (strcmp(p, "/api/v1/outlet") == 0) pxs_api_outlet(r);
    else if (strcmp(p, "/api/v1/groups") == 0) pxs_api_groups(r);
    else if (strcmp(p, "/groups") == 0) pxs_page_groups(r);
    else if (strcmp(p, "/api/v1/search") == 0) pxs_api_search(r);
    else pxs_fail(r, 404, strncmp(p, "/api/", 5) == 0, "no such page");
}

static slot *take(px_server *s)
{
    pthread_mutex_lock(&s->mu);
    for (;;) {
        for (unsigned i = 0; i < s->nslots; i++)
            if (!s->slots[i].busy) {
                s->slots[i].busy = 1;
                pthread_mutex_unlock(&s->mu);
                return &s->slots[i];
            }
        pthread_cond_wait(&s->cv, &s->mu);
    }
}

static void give(px_server *s, slot *t)
{
    pthread_mutex_lock(&s->mu);
    t->busy = 0;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

static int compressible(const char *type)
{
    return strncmp(type, "text/", 5) == 0 || strncmp(type, "application/json", 16) == 0;
}

static void headers(struct MHD_Response *resp, const char *type)
{
    MHD_add_response_header(resp, "Content-Type", type);
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'self'; base-uri 'none'; form-action 'self'; "
                            "frame-ancestors 'none'");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Cache-Control", "no-cache");
    MHD_add_response_header(resp, "Vary", "Accept-Encoding");
}

/* Whether the client's If-None-Match holds etag. */
static int not_modified(struct MHD_Connection *conn, const char *etag)
{
    const char *inm = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "If-None-Match");
    return inm && (strstr(inm, etag) || strcmp(inm, "*") == 0);
}

/* Whether a body of len bytes and type goes out gzipped to this client. */
static int wants_gzip(struct MHD_Connection *conn, const char *type, size_t len)
{
    const char *ae = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Encoding");
    return ae && strstr(ae, "gzip") && len > 1024 && compressible(type);
}

static enum MHD_Result queue(struct MHD_Connection *conn, int status, struct MHD_Response *resp,
                             const char *type, const char *etag, int gzipped)
{
    if (!resp) return MHD_NO;
    headers(resp, type);
    MHD_add_response_header(resp, "ETag", etag);
    if (gzipped) MHD_add_response_header(resp, "Content-Encoding", "gzip");
    enum MHD_Result rc = MHD_queue_response(conn, (unsigned)status, resp);
    MHD_destroy_response(resp);
    return rc;
}

static enum MHD_Result reply(struct MHD_Connection *conn, int status, const char *type,
                             char *body, size_t len)
{
    char etag[24];
    pxs_etag(body, len, etag);
    struct MHD_Response *resp;
    char *z = NULL;
    if (status == 200 && not_modified(conn, etag)) {
        free(body);
        resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        status = MHD_HTTP_NOT_MODIFIED;
    } else {
        size_t zlen = 0;
        if (wants_gzip(conn, type, len) && (z = pxs_gzip(body, len, &zlen))) {
            free(body);
            body = z;
            len = zlen;
        }
        resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    }
    return queue(conn, status, resp, type, etag, z != NULL);
}

static void sent(void *cls) { pxs_reply_release(cls); }

/* A kept reply (replies.c), sent from where it is kept: the request's
 * reference is released once libmicrohttpd is done with the body. */
static enum MHD_Result reply_kept(struct MHD_Connection *conn, pxs_reply *p)
{
    size_t len;
    const char *body = pxs_reply_body(p, &len), *type = pxs_reply_type(p), *etag = pxs_reply_etag(p);
    struct MHD_Response *resp;
    int status = 200, gzipped = 0;
    if (not_modified(conn, etag)) {
        resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        status = MHD_HTTP_NOT_MODIFIED;
        sent(p);
    } else {
        size_t zlen;
        const char *z = wants_gzip(conn, type, len) ? pxs_reply_gzipped(p, &zlen) : NULL;
        if (z) body = z, len = zlen, gzipped = 1;
        resp = MHD_create_response_from_buffer_with_free_callback_cls(len, (void *)body, sent, p);
        if (!resp) sent(p);
    }
    return queue(conn, status, resp, type, etag, gzipped);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    (void)version, (void)upload;
    px_server *s = cls;
    static const char no_body[] = "{\"error\":\"no request body is accepted\",\"status\":413}\n";
    static const char no_method[] = "{\"error\":\"only GET and HEAD\",\"status\":405}\n";
    const char *length = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
    int has_body = (length && strcmp(length, "0") != 0) ||
               MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Transfer-Encoding");
    /* *con_cls: NULL on the first call (the headers are in), REFUSED after a
     * refusal (the rest is dropped, the connection closed), ACCEPTED until
     * the last call, made once the request is whole: answering before that
     * would make libmicrohttpd close the connection (no keep-alive). */
    static char refused, accepted;
    if (*con_cls == &refused) {
        *upload_size = 0;
        return MHD_YES;
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        *con_cls = &refused;
        return reply(conn, 405, "application/json", px_xstrdup(no_method), sizeof no_method - 1);
    }
    if (has_body || *upload_size) { /* nothing here takes a body */
        *con_cls = &refused;
        *upload_size = 0;
        return reply(conn, 413, "application/json", px_xstrdup(no_body), sizeof no_body - 1);
    }
    if (!*con_cls) {
        *con_cls = &accepted;
        return MHD_YES;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    slot *t = take(s);
    pxs_request r = {.conn = conn, .path = url, .store = t->store, .ctx = t->ctx, .cache = s->cache,
                     .status = 200, .type = "text/html; charset=utf-8", .bench = s->bench,
                     .groups = s->groups, .replies = s->replies, .kinds = s->kinds};
    open_body(&r);
    if (!px_utf8_check(url, strlen(url), NULL)) pxs_fail(&r, 404, 0, "no such page");
    else route(&r);
    give(s, t);
    fclose(r.out);
    char *body = r.body;
    size_t len = r.len;
    if (r.reply) {
        assert(r.status == 200);
        free(body);
        body = NULL;
        pxs_reply_body(r.reply, &len);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!s->quiet) {
        double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        fprintf(stderr, "parallax serve: %s %.200s %d %zu bytes %.1f ms\n", method,
                px_utf8_check(url, strlen(url), NULL) ? url : "(not UTF-8)", r.status, len, ms);
    }
    return r.reply ? reply_kept(conn, r.reply) : reply(conn, r.status, r.type, body, len);
}

/* A hash of the outlet groups (0: none). */
static uint64_t groups_hash(const pxs_groups *g)
{
    px_buf b = {0};
    for (size_t i = 0; g && i < g->len; i++) {
        px_buf_printf(&b, "%s\n", g->items[i].name);
        for (size_t k = 0; k < g->items[i].outlets.len; k++) px_buf_printf(&b, "\t%s\n", g->items[i].outlets.items[k]);
    }
    uint64_t h = b.len ? px_hash(px_buf_str(&b), b.len) : 0;
    px_buf_free(&b);
    return h;
}

px_status px_server_start(const px_server_options *o, px_server **out, px_error *err)
{
    if (out) *out = NULL;
    if (!o || !o->db || !out) return px_error_set(err, PX_EUSAGE, "px_server_start", 0, 0, "no options, store or output");
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    const char *host = o->host ? o->host : "127.0.0.1";
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1)
        return px_error_set(err, PX_EUSAGE, host, 0, 0, "not an IPv4 address to listen on");
    unsigned port = o->port ? o->port : 8080;
    if (port > PX_SERVER_ANY_PORT) return px_error_set(err, PX_EUSAGE, host, 0, 0, "port %u: at most 65535", port);
    addr.sin_port = htons(port == PX_SERVER_ANY_PORT ? 0 : (uint16_t)port);

    pxs_groups *groups = NULL;
    px_status rc;
    if (o->groups && (rc = pxs_groups_load(o->groups, &groups, err))) return rc;
    px_server *s = px_xcalloc(1, sizeof *s);
    s->groups = groups;
    s->quiet = o->quiet;
    s->bench = o->bench;
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    s->nslots = o->threads ? o->threads : 4;
    s->slots = px_xcalloc(s->nslots, sizeof *s->slots);
    s->cache = pxs_cache_new(o->cache ? o->cache : 256);
    s->replies = pxs_replies_new(o->cache ? o->cache : 256);
    /* a page shows the groups: pages made with other groups are not these */
    snprintf(s->kind[PXS_REPLY_PAGE], sizeof s->kind[0], "page@%s/%016llx", PX_VERSION,
             (unsigned long long)groups_hash(groups));
    snprintf(s->kind[PXS_REPLY_API], sizeof s->kind[0], "api@%s", PX_VERSION);
    s->kinds[0] = s->kind[0];
    s->kinds[1] = s->kind[1];
    for (unsigned i = 0; i < s->nslots; i++)
        if (px_context_new(&s->slots[i].ctx, err) || px_store_open(o->db, 1, &s->slots[i].store, err)) {
            px_server_stop(s);
            return err ? err->code : PX_EIO;
        }
    s->d = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL, handle, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->nslots,
        MHD_OPTION_CONNECTION_LIMIT, o->max_connections ? o->max_connections : 512u,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, o->per_ip ? o->per_ip : 64u,
        MHD_OPTION_CONNECTION_TIMEOUT, o->timeout ? o->timeout : 15u,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
        MHD_OPTION_END);
    if (!s->d) {
        px_server_stop(s);
        return px_error_set(err, PX_EIO, host, 0, 0,
                            "cannot listen on %s:%u (in use, or not an address of this machine)",
                            host, port == PX_SERVER_ANY_PORT ? 0 : port);
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : port;
    *out = s;
    return PX_OK;
}

unsigned px_server_port(const px_server *s) { return s ? s->port : 0; }

void px_server_stop(px_server *s)
{
    if (!s) return;
    if (s->d) MHD_stop_daemon(s->d);
    for (unsigned i = 0; i < s->nslots; i++) {
        assert(!s->slots[i].busy);
        px_store_close(s->slots[i].store);
        px_context_free(s->slots[i].ctx);
    }
    free(s->slots);
    pxs_cache_free(s->cache);
    pxs_replies_free(s->replies);
    pxs_groups_free(s->groups);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->cv);
    free(s);
}
