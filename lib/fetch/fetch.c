/*
 * fetch.c — the polite HTTP client (px_fetcher, parallax.h) on libcurl's
 * multi interface.
 *
 * One run loop, one thread.  Every URL is a request waiting in its host's
 * queue; the loop starts a waiting request when
 *   - fewer than max_total are open in all, fewer than per_host on its host,
 *   - its host's next start time has come (each start pushes it
 *     host_interval on; a Crawl-delay or a Retry-After pushes it further),
 *   - its own not-before time has come (a retry's backoff),
 *   - its host's robots.txt is known (fetched first, as a request of the
 *     same host, politeness included) and allows the path.
 * Then it lets curl work and sleeps in curl_multi_poll() until a socket
 * is ready or the next start is due.  A finished transfer is either
 * retried (no connection, a timeout, 429, 500, 502, 503, 504: up to
 * `retries` times, waiting backoff x 2^attempt x a random 0.5..1.5, or
 * the Retry-After when longer) or handed to the caller's callback.  No
 * request waits longer than max_wait for its host: past it, it is handed
 * over as failed ("postponed"), so one server's long Retry-After cannot
 * hold a run up for an hour.
 *
 * Bodies are counted after decompression (curl undoes gzip, deflate and
 * br before the write callback), so a gzip bomb stops at max_body.
 * Headers are kept for the last response only (redirects reset them).
 */
#define _DEFAULT_SOURCE /* strncasecmp, strtok_r */
#include <curl/curl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/base.h"
#include "fetch/robots.h"

typedef struct host host;

typedef struct request {
    char *url;
    char *etag, *last_modified; /* the caller's validators, or NULL */
    void *user;
    host *host;
    char *path;          /* path and query, for robots.txt */
    int is_robots;       /* the host's robots.txt */
    unsigned attempts;
    double not_before;   /* monotonic seconds; a retry's backoff */
    CURL *easy;
    struct curl_slist *headers_out;
    px_buf body, ctype, etag_in, lastmod_in, retry_in, cache_in, expires_in;
    px_buf location_in, language_in; /* Content-Location, Content-Language */
    size_t max_body;
    int over_cap;
    char curl_error[CURL_ERROR_SIZE];
} request;

struct host {
    char *key;            /* scheme://host:port */
    double next_start;    /* monotonic seconds */
    double interval;      /* host_interval, or the Crawl-delay when longer */
    unsigned open;
    px_robots *robots;    /* NULL until known */
    int robots_pending;   /* its robots.txt request is queued or open */
    char robots_note[64]; /* why everything is disallowed, when it is */
    PX_VEC(request *) waiting;
};

struct px_fetcher {
    px_fetch_options opt;
    CURLM *multi;
    px_map hosts;             /* key -> host */
    PX_VEC(host *) host_list; /* for freeing, in creation order */
    PX_VEC(request *) open_list; /* requests curl is working on */
    unsigned open;
    size_t waiting;           /* requests in all hosts' queues */
    char user_agent[256];
    unsigned rng;
};

static int curl_ready;

void px_fetch_options_default(px_fetch_options *o)
{
    if (!o) return;
    *o = (px_fetch_options){.max_total = 16, .per_host = 2, .host_interval = 5,
                            .connect_timeout = 10, .timeout = 30, .max_body = 10u << 20,
                            .max_redirects = 5, .retries = 2, .backoff = 2, .robots = 1,
                            .contact = NULL, .max_wait = 60};
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

px_status px_fetcher_new(const px_fetch_options *opts, px_fetcher **out, px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, "px_fetcher_new", 0, 0, "out is NULL");
    *out = NULL;
    px_fetch_options o;
    if (opts) o = *opts;
    else px_fetch_options_default(&o);
    if (!o.max_total || !o.per_host || o.host_interval < 0 || o.connect_timeout <= 0 ||
        o.timeout <= 0 || o.backoff < 0 || !o.max_body || o.max_wait < 0)
        return px_error_set(err, PX_EUSAGE, "px_fetcher_new", 0, 0, "an option is out of range");
    if (!curl_ready) { /* not thread-safe, as curl_global_init() is not */
        if (curl_global_init(CURL_GLOBAL_DEFAULT))
            return px_error_set(err, PX_EDEP, "libcurl", 0, 0, "cannot initialise");
        curl_ready = 1;
    }
    px_fetcher *f = px_xcalloc(1, sizeof *f);
    f->opt = o;
    if (!(f->multi = curl_multi_init())) {
        free(f);
        return px_error_set(err, PX_EDEP, "libcurl", 0, 0, "cannot make a multi handle");
    }
    curl_multi_setopt(f->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)o.max_total);
    snprintf(f->user_agent, sizeof f->user_agent, "parallax/%s%s%s%s", PX_VERSION,
             o.contact ? " (+" : "", o.contact ? o.contact : "", o.contact ? ")" : "");
    f->rng = (unsigned)time(NULL) ^ (unsigned)(uintptr_t)f;
    *out = f;
    return PX_OK;
}

/* A uniform random number in [0, 1): for jitter, not for secrets. */
static double jitter(px_fetcher *f)
{
    f->rng = f->rng * 1103515245u + 12345u;
    return (double)((f->rng >> 8) & 0xFFFFFF) / 16777216.0;
}

/* Splits url into its host key and path+query with curl's URL parser.
 * Returns 0 when it is no http(s) URL. */
static int split_url(const char *url, char **key, char **path)
{
    CURLU *u = curl_url();
    char *scheme = NULL, *hostname = NULL, *port = NULL, *p = NULL, *q = NULL;
    int ok = 0;
    if (u && !curl_url_set(u, CURLUPART_URL, url, 0) &&
        !curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) &&
        (!strcmp(scheme, "http") || !strcmp(scheme, "https")) &&
        !curl_url_get(u, CURLUPART_HOST, &hostname, 0) &&
        !curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) &&
        !curl_url_get(u, CURLUPART_PATH, &p, 0)) {
        curl_url_get(u, CURLUPART_QUERY, &q, 0);
        px_buf k = {0}, pq = {0};
        px_buf_printf(&k, "%s://%s:%s", scheme, hostname, port);
        px_buf_printf(&pq, "%s%s%s", p, q ? "?" : "", q ? q : "");
        for (char *c = k.data; *c; c++)
            if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
        *key = px_buf_detach(&k);
        *path = px_buf_detach(&pq);
        ok = 1;
    }
    curl_free(scheme), curl_free(hostname), curl_free(port), curl_free(p), curl_free(q);
    curl_url_cleanup(u);
    return ok;
}

static host *host_of(px_fetcher *f, const char *key)
{
    host *h = px_map_get(&f->hosts, key, strlen(key));
    if (h) return h;
    h = px_xcalloc(1, sizeof *h);
    h->key = px_xstrdup(key);
    h->interval = f->opt.host_interval;
    px_map_put(&f->hosts, key, strlen(key), h);
    px_vec_push(&f->host_list, h);
    if (!f->opt.robots) h->robots = px_robots_all(1);
    return h;
}

static request *queue(px_fetcher *f, host *h, const char *url, char *path, int robots)
{
    request *r = px_xcalloc(1, sizeof *r);
    r->url = px_xstrdup(url);
    r->path = path;
    r->host = h;
    r->is_robots = robots;
    if (robots) { /* first in its host's queue */
        px_vec_push(&h->waiting, r);
        memmove(h->waiting.items + 1, h->waiting.items, (h->waiting.len - 1) * sizeof *h->waiting.items);
        h->waiting.items[0] = r;
    } else {
        px_vec_push(&h->waiting, r);
    }
    f->waiting++;
    return r;
}

px_status px_fetcher_add(px_fetcher *f, const char *url, const char *etag,
                         const char *last_modified, void *user, px_error *err)
{
    if (!f || !url) return px_error_set(err, PX_EUSAGE, "px_fetcher_add", 0, 0, "NULL argument");
    char *key, *path;
    if (!split_url(url, &key, &path))
        return px_error_set(err, PX_EINPUT, url, 0, 0, "not an http or https URL");
    host *h = host_of(f, key);
    if (!h->robots && !h->robots_pending) {
        px_buf r = {0};
        px_buf_printf(&r, "%s/robots.txt", key);
        /* the key's explicit port is fine in a URL: http://h:80/robots.txt */
        queue(f, h, r.data, px_xstrdup("/robots.txt"), 1);
        px_buf_free(&r);
        h->robots_pending = 1;
    }
    free(key);
    request *q = queue(f, h, url, path, 0);
    q->etag = etag ? px_xstrdup(etag) : NULL;
    q->last_modified = last_modified ? px_xstrdup(last_modified) : NULL;
    q->user = user;
    return PX_OK;
}

static void request_free(request *r)
{
    if (!r) return;
    free(r->url), free(r->etag), free(r->last_modified), free(r->path);
    curl_slist_free_all(r->headers_out);
    px_buf_free(&r->body), px_buf_free(&r->ctype), px_buf_free(&r->etag_in);
    px_buf_free(&r->lastmod_in), px_buf_free(&r->retry_in), px_buf_free(&r->cache_in);
    px_buf_free(&r->expires_in), px_buf_free(&r->location_in), px_buf_free(&r->language_in);
    free(r);
}

static size_t on_body(char *data, size_t size, size_t n, void *ud)
{
    request *r = ud;
    size_t len = size * n;
    if (r->body.len + len > r->max_body) {
        r->over_cap = 1;
        return 0; /* curl stops the transfer: CURLE_WRITE_ERROR */
    }
    px_buf_append(&r->body, data, len);
    return len;
}

/* Keeps the header named name (case-insensitive) of line in out. */
static void header(const char *line, size_t len, const char *name, px_buf *out)
{
    size_t n = strlen(name);
    if (len <= n || strncasecmp(line, name, n) != 0 || line[n] != ':') return;
    const char *v = line + n + 1;
    size_t vn = len - n - 1;
    while (vn && (*v == ' ' || *v == '\t')) v++, vn--;
    while (vn && (v[vn - 1] == '\r' || v[vn - 1] == '\n' || v[vn - 1] == ' ')) vn--;
    px_buf_reset(out);
    px_buf_append(out, v, vn);
}

static size_t on_header(char *line, size_t size, size_t n, void *ud)
{
    request *r = ud;
    size_t len = size * n;
    if (len >= 5 && strncmp(line, "HTTP/", 5) == 0) { /* a new response: a redirect's next */
        px_buf_reset(&r->ctype), px_buf_reset(&r->etag_in), px_buf_reset(&r->lastmod_in);
        px_buf_reset(&r->retry_in), px_buf_reset(&r->cache_in), px_buf_reset(&r->expires_in);
        px_buf_reset(&r->location_in), px_buf_reset(&r->language_in);
        px_buf_reset(&r->body);
        return len;
    }
    header(line, len, "content-type", &r->ctype);
    header(line, len, "etag", &r->etag_in);
    header(line, len, "last-modified", &r->lastmod_in);
    header(line, len, "retry-after", &r->retry_in);
    header(line, len, "cache-control", &r->cache_in);
    header(line, len, "expires", &r->expires_in);
    header(line, len, "content-location", &r->location_in);
    header(line, len, "content-language", &r->language_in);
    return len;
}

static void start(px_fetcher *f, request *r, double t)
{
    host *h = r->host;
    CURL *e = r->easy = curl_easy_init();
    if (!e) { /* out of memory in curl: treat as fatal, as the library does */
        fputs("parallax: libcurl: out of memory\n", stderr);
        abort();
    }
    r->attempts++;
    r->over_cap = 0;
    px_buf_reset(&r->body);
    curl_easy_setopt(e, CURLOPT_URL, r->url);
    curl_easy_setopt(e, CURLOPT_PRIVATE, r);
    r->max_body = f->opt.max_body;
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)f->opt.max_redirects);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)(f->opt.connect_timeout * 1000));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(f->opt.timeout * 1000));
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); /* every encoding curl can undo */
    curl_easy_setopt(e, CURLOPT_USERAGENT, f->user_agent);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, r);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->curl_error);
    r->curl_error[0] = '\0';
    if (!r->headers_out && (r->etag || r->last_modified)) {
        px_buf b = {0};
        if (r->etag) {
            px_buf_printf(&b, "If-None-Match: %s", r->etag);
            r->headers_out = curl_slist_append(r->headers_out, b.data);
            px_buf_reset(&b);
        }
        if (r->last_modified) {
            px_buf_printf(&b, "If-Modified-Since: %s", r->last_modified);
            r->headers_out = curl_slist_append(r->headers_out, b.data);
        }
        px_buf_free(&b);
    }
    if (r->headers_out) curl_easy_setopt(e, CURLOPT_HTTPHEADER, r->headers_out);
    curl_multi_add_handle(f->multi, e);
    px_vec_push(&f->open_list, r);
    h->open++;
    f->open++;
    h->next_start = t + h->interval;
}

/* Seconds from a Retry-After value: a number, or an HTTP date; -1 when
 * unreadable. */
static double retry_seconds(const char *v)
{
    if (!v || !*v) return -1;
    char *end;
    double s = strtod(v, &end);
    if (end != v && !*end) return s >= 0 ? s : -1;
    time_t when = curl_getdate(v, NULL);
    if (when < 0) return -1;
    double d = difftime(when, time(NULL));
    return d > 0 ? d : 0;
}

static double max_age(const request *r)
{
    const char *cc = r->cache_in.data;
    if (cc) {
        if (strstr(cc, "no-store") || strstr(cc, "no-cache")) return 0;
        const char *m = strstr(cc, "max-age=");
        if (m) return strtod(m + 8, NULL);
    }
    return r->expires_in.len ? fmax(0, retry_seconds(r->expires_in.data)) : -1;
}

/* Takes r out of the open set; decides: retry (returns 1) or deliver (0). */
static int finish(px_fetcher *f, request *r, CURLcode rc, double t, px_fetch_result *res,
                  char *msg, size_t msg_cap)
{
    host *h = r->host;
    long status = 0;
    char *final = NULL;
    curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(r->easy, CURLINFO_EFFECTIVE_URL, &final);
    double wait = retry_seconds(r->retry_in.data);
    *res = (px_fetch_result){.url = r->url, .final_url = final ? final : r->url,
                             .status = status, .user = r->user, .attempts = r->attempts,
                             .retry_after = wait > 0 ? wait : 0, .max_age = max_age(r)};
    if ((status == 429 || status == 503) && wait > 0 && t + wait > h->next_start)
        h->next_start = t + wait; /* the whole host waits, not only this URL */
    int transient = rc == CURLE_COULDNT_CONNECT || rc == CURLE_OPERATION_TIMEDOUT ||
                    rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR || rc == CURLE_GOT_NOTHING ||
                    rc == CURLE_PARTIAL_FILE ||
                    (rc == CURLE_OK && (status == 429 || status == 500 || status == 502 ||
                                        status == 503 || status == 504));
    double backoff = f->opt.backoff * pow(2, r->attempts - 1) * (0.5 + jitter(f));
    if (transient && r->attempts <= f->opt.retries && !r->is_robots &&
        fmax(backoff, wait) <= f->opt.max_wait) {
        r->not_before = t + fmax(backoff, wait);
        return 1;
    }
    msg[0] = '\0';
    if (r->over_cap)
        snprintf(msg, msg_cap, "body over %zu bytes", f->opt.max_body);
    else if (rc == CURLE_TOO_MANY_REDIRECTS)
        snprintf(msg, msg_cap, "too many redirects (over %u)", f->opt.max_redirects);
    else if (rc == CURLE_OPERATION_TIMEDOUT)
        snprintf(msg, msg_cap, "timed out (%s)", r->curl_error[0] ? r->curl_error : "no answer");
    else if (rc != CURLE_OK)
        snprintf(msg, msg_cap, "%s", r->curl_error[0] ? r->curl_error : curl_easy_strerror(rc));
    else if (status == 304 && (r->etag || r->last_modified))
        res->not_modified = 1;
    else if (status < 200 || status > 299)
        snprintf(msg, msg_cap, "HTTP %ld", status);
    if (msg[0]) {
        res->code = PX_EIO;
        res->error = msg;
    }
    if (!res->code && !res->not_modified) {
        res->body = px_buf_str(&r->body);
        res->len = r->body.len;
        res->hash = px_hash(res->body, res->len);
    }
    res->content_type = r->ctype.len ? r->ctype.data : NULL;
    res->etag = r->etag_in.len ? r->etag_in.data : NULL;
    res->last_modified = r->lastmod_in.len ? r->lastmod_in.data : NULL;
    res->content_location = r->location_in.len ? r->location_in.data : NULL;
    res->content_language = r->language_in.len ? r->language_in.data : NULL;
    return 0;
}

/* The host learns its robots.txt from a finished robots request. */
static void learn_robots(px_fetcher *f, host *h, const px_fetch_result *res)
{
    if (res->code == PX_OK) {
        h->robots = px_robots_parse(res->body, res->len, PX_ROBOTS_AGENT);
        snprintf(h->robots_note, sizeof h->robots_note, "disallowed by robots.txt");
    } else if (res->status >= 500) { /* RFC 9309: the server errs, assume all disallowed */
        h->robots = px_robots_all(0);
        snprintf(h->robots_note, sizeof h->robots_note,
                 "not fetched: robots.txt answered HTTP %ld", res->status);
    } else { /* 4xx: there is none; no answer: the pages' own requests will say why */
        h->robots = px_robots_all(1);
    }
    h->robots_pending = 0;
    double d = px_robots_delay(h->robots);
    if (d > h->interval) {
        h->next_start += d - h->interval;
        h->interval = d;
    }
    (void)f;
}

/* Takes the k-th waiting request out of h's queue. */
static request *unqueue(px_fetcher *f, host *h, size_t k)
{
    request *r = h->waiting.items[k];
    memmove(h->waiting.items + k, h->waiting.items + k + 1,
            (h->waiting.len - k - 1) * sizeof *h->waiting.items);
    h->waiting.len--;
    f->waiting--;
    return r;
}

/* Hands a request that is not fetched (robots.txt, a wait past max_wait)
 * to the callback as failed, and frees it. */
static void refuse(request *r, const char *why, double retry_after, px_fetch_fn done, void *ud)
{
    px_fetch_result res = {.url = r->url, .final_url = r->url, .code = PX_EIO, .error = why,
                           .user = r->user, .max_age = -1, .retry_after = retry_after};
    done(&res, ud);
    request_free(r);
}

/* Starts what may start; returns the seconds until the next possible start
 * (capped at 1), for the poll. */
static double start_due(px_fetcher *f, px_fetch_fn done, void *ud, double t)
{
    double next = 1;
    for (size_t i = 0; i < f->host_list.len; i++) {
        host *h = f->host_list.items[i];
        size_t k = 0;
        while (k < h->waiting.len && f->open < f->opt.max_total) {
            request *r = h->waiting.items[k];
            if (!r->is_robots && !h->robots) break; /* wait for robots.txt */
            if (!r->is_robots && !px_robots_allowed(h->robots, r->path)) {
                refuse(unqueue(f, h, k), h->robots_note, 0, done, ud);
                continue;
            }
            if (r->not_before > t) { /* a retry waiting: others of the host may go */
                next = fmin(next, r->not_before - t);
                k++;
                continue;
            }
            if (h->open >= f->opt.per_host) break;
            if (h->next_start - t > f->opt.max_wait) { /* a long Retry-After: fail, do not stall */
                char note[96];
                snprintf(note, sizeof note, "postponed: the host asked to wait %.0f s",
                         h->next_start - t);
                refuse(unqueue(f, h, k), note, h->next_start - t, done, ud);
                continue;
            }
            if (h->next_start > t) {
                next = fmin(next, h->next_start - t);
                break;
            }
            start(f, unqueue(f, h, k), t);
        }
    }
    return next > 0 ? next : 0;
}

px_status px_fetcher_run(px_fetcher *f, px_fetch_fn done, void *ud, volatile int *stop,
                         px_error *err)
{
    if (!f || !done) return px_error_set(err, PX_EUSAGE, "px_fetcher_run", 0, 0, "NULL argument");
    char msg[CURL_ERROR_SIZE + 64];
    while ((f->waiting || f->open) && !(stop && *stop)) {
        double t = now();
        double wait = start_due(f, done, ud, t);
        int running;
        CURLMcode mc = curl_multi_perform(f->multi, &running);
        if (mc) return px_error_set(err, PX_EDEP, "libcurl", 0, 0, "%s", curl_multi_strerror(mc));
        CURLMsg *m;
        int left, finished = 0;
        while ((m = curl_multi_info_read(f->multi, &left))) {
            if (m->msg != CURLMSG_DONE) continue;
            CURL *e = m->easy_handle;
            CURLcode rc = m->data.result;
            request *r = NULL;
            curl_easy_getinfo(e, CURLINFO_PRIVATE, &r);
            curl_multi_remove_handle(f->multi, e);
            for (size_t i = 0; i < f->open_list.len; i++)
                if (f->open_list.items[i] == r) {
                    f->open_list.items[i] = f->open_list.items[--f->open_list.len];
                    break;
                }
            host *h = r->host;
            h->open--;
            f->open--;
            px_fetch_result res;
            t = now();
            finished = 1;
            int retry = finish(f, r, rc, t, &res, msg, sizeof msg);
            if (!retry) {
                if (r->is_robots) learn_robots(f, h, &res);
                else done(&res, ud); /* before the cleanup: final_url is curl's */
            }
            curl_easy_cleanup(e);
            r->easy = NULL;
            if (retry) {
                px_vec_push(&h->waiting, r);
                f->waiting++;
                continue;
            }
            request_free(r);
        }
        if (!f->waiting && !f->open) break;
        if (finished) continue; /* what waited on them may start now */
        int ms = (int)(wait * 1000);
        mc = curl_multi_poll(f->multi, NULL, 0, ms < 1 ? 1 : ms, NULL);
        if (mc) return px_error_set(err, PX_EDEP, "libcurl", 0, 0, "%s", curl_multi_strerror(mc));
    }
    return PX_OK;
}

void px_fetcher_free(px_fetcher *f)
{
    if (!f) return;
    for (size_t i = 0; i < f->host_list.len; i++) {
        host *h = f->host_list.items[i];
        for (size_t k = 0; k < h->waiting.len; k++) request_free(h->waiting.items[k]);
        px_vec_free(&h->waiting);
        px_robots_free(h->robots);
        free(h->key);
        free(h);
    }
    for (size_t i = 0; i < f->open_list.len; i++) { /* stopped mid-transfer */
        request *r = f->open_list.items[i];
        curl_multi_remove_handle(f->multi, r->easy);
        curl_easy_cleanup(r->easy);
        request_free(r);
    }
    px_vec_free(&f->open_list);
    px_vec_free(&f->host_list);
    px_map_free(&f->hosts);
    curl_multi_cleanup(f->multi);
    free(f);
}
