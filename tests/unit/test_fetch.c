/*
 * test_fetch.c — the polite fetcher (px_fetcher) against a hostile server
 * of its own: libmicrohttpd on 127.0.0.1, an ephemeral port, started and
 * stopped by the tests, one thread per connection so a slow response
 * cannot hold the others.  Every wait is bounded by the fetcher's own
 * timeouts, set short here.
 *
 * The zoo: a page with an ETag (304 when it matches), a Latin-1 page
 * declared only in its Content-Type, robots.txt disallowing /private,
 * 404, 410, 500, 429 with Retry-After, a redirect loop, an endless body,
 * a gzip bomb and a drip of a byte every 200 ms.
 */
#define _DEFAULT_SOURCE /* usleep */
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "../tools/hostile_body.h"

#include "fetch/robots.h"
#include "unit.h"

/* ---- the server ---------------------------------------------------------- */

enum { MAX_HITS = 64 };
static struct MHD_Daemon *daemon_;
static unsigned short port;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct { char path[64]; double at; } hits[MAX_HITS];
static int nhits;
static char *bomb;      /* 20 MB of zeros, gzip'd */
static size_t bomb_len;
static char *last_agent;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int hits_of(const char *path)
{
    pthread_mutex_lock(&lock);
    int n = 0;
    for (int i = 0; i < nhits; i++) n += strcmp(hits[i].path, path) == 0;
    pthread_mutex_unlock(&lock);
    return n;
}

static enum MHD_Result reply(struct MHD_Connection *c, unsigned status, const char *type,
                             const char *body, size_t len, struct MHD_Response *r)
{
    if (!r) r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (type) MHD_add_response_header(r, "Content-Type", type);
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result serve(void *cls, struct MHD_Connection *c, const char *url,
                             const char *method, const char *version, const char *upload,
                             size_t *upload_len, void **state)
{
    (void)cls, (void)method, (void)version, (void)upload, (void)upload_len, (void)state;
    pthread_mutex_lock(&lock);
    if (nhits < MAX_HITS) {
        snprintf(hits[nhits].path, sizeof hits[nhits].path, "%s", url);
        hits[nhits++].at = now();
    }
    const char *agent = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "User-Agent");
    free(last_agent);
    last_agent = agent ? strdup(agent) : NULL;
    pthread_mutex_unlock(&lock);
    static const char page[] = "<html><head><title>Bridge closed</title></head><body><article>"
                               "<h1>Bridge closed</h1><p>The old bridge in the town was closed on "
                               "Monday after engineers found cracks, the council said.</p><p>It "
                               "will stay closed for repairs until the spring, officials said.</p>"
                               "</article></body></html>";
    if (!strcmp(url, "/robots.txt"))
        return reply(c, 200, "text/plain", "User-agent: *\nDisallow: /private\n", 34, NULL);
    if (!strcmp(url, "/page.html")) {
        const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
        int same = inm && !strcmp(inm, "\"v1\"");
        struct MHD_Response *r = MHD_create_response_from_buffer(
            same ? 0 : sizeof page - 1, (void *)page, MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "ETag", "\"v1\"");
        MHD_add_response_header(r, "Cache-Control", "max-age=600");
        return reply(c, same ? 304 : 200, "text/html", NULL, 0, r);
    }
    if (!strcmp(url, "/latin1.html")) {
        static const char l1[] = "<html><body><article><h1>Caf\xe9 opens</h1><p>The caf\xe9 opened "
                                 "on Monday in the centre of the town, its owner said.</p><p>It "
                                 "sells coffee and cake to all who come in.</p></article></body></html>";
        return reply(c, 200, "text/html; charset=ISO-8859-1", l1, sizeof l1 - 1, NULL);
    }
    if (!strcmp(url, "/404")) return reply(c, 404, "text/plain", "gone", 4, NULL);
    if (!strcmp(url, "/410")) return reply(c, 410, "text/plain", "gone", 4, NULL);
    if (!strcmp(url, "/500")) return reply(c, 500, "text/plain", "oops", 4, NULL);
    if (!strcmp(url, "/429")) {
        struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "Retry-After", "1");
        return reply(c, 429, "text/plain", NULL, 0, r);
    }
    if (!strcmp(url, "/429long")) {
        struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "Retry-After", "3600");
        return reply(c, 429, "text/plain", NULL, 0, r);
    }
    if (!strcmp(url, "/loop")) {
        struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "Location", "/loop");
        return reply(c, 302, "text/plain", NULL, 0, r);
    }
    if (!strcmp(url, "/endless"))
        return reply(c, 200, "text/html", NULL, 0,
                     MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 65536, hostile_endless, NULL, NULL));
    if (!strcmp(url, "/drip"))
        return reply(c, 200, "text/html", NULL, 0,
                     MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 16, hostile_drip, NULL, NULL));
    if (!strcmp(url, "/bomb")) {
        struct MHD_Response *r = MHD_create_response_from_buffer(bomb_len, bomb, MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "Content-Encoding", "gzip");
        return reply(c, 200, "text/html", NULL, 0, r);
    }
    return reply(c, 200, "text/html", page, sizeof page - 1, NULL); /* /private/..., /a, /b, ... */
}

/* 20 MB of zeros as one gzip member. */
static void make_bomb(void)
{
    z_stream z = {0};
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY), Z_OK);
    static char zeros[1 << 20];
    bomb_len = 0;
    size_t cap = 1 << 20;
    bomb = px_xmalloc(cap);
    for (int i = 0; i < 20; i++) {
        z.next_in = (unsigned char *)zeros;
        z.avail_in = sizeof zeros;
        do {
            z.next_out = (unsigned char *)bomb + bomb_len;
            z.avail_out = (unsigned)(cap - bomb_len);
            deflate(&z, i == 19 ? Z_FINISH : Z_NO_FLUSH);
            bomb_len = cap - z.avail_out;
        } while (z.avail_in);
    }
    while (deflate(&z, Z_FINISH) != Z_STREAM_END) {
        z.next_out = (unsigned char *)bomb + bomb_len;
        z.avail_out = (unsigned)(cap - bomb_len);
        bomb_len = cap - z.avail_out;
    }
    bomb_len = cap - z.avail_out;
    deflateEnd(&z);
    assert_true(bomb_len < (1 << 20) / 4); /* small on the wire */
}

static int setup(void **state)
{
    (void)state;
    make_bomb();
    struct sockaddr_in sa = {0};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* 127.0.0.1 only */
    daemon_ = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD,
                               0, NULL, NULL, serve, NULL, MHD_OPTION_SOCK_ADDR, &sa,
                               MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)10, MHD_OPTION_END);
    if (!daemon_) return -1;
    port = MHD_get_daemon_info(daemon_, MHD_DAEMON_INFO_BIND_PORT)->port;
    return port ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    MHD_stop_daemon(daemon_);
    free(bomb);
    free(last_agent);
    return 0;
}

/* ---- the client's side --------------------------------------------------- */

typedef struct got {
    char url[128];
    long status;
    int code, not_modified;
    char error[160], etag[32], title[64], outlet[32];
    size_t len;
    unsigned attempts;
    double max_age, at;
} got;

typedef struct results {
    got items[32];
    int n;
    px_context *ctx;
} results;

static void collect(const px_fetch_result *r, void *ud)
{
    results *rs = ud;
    assert_true(rs->n < 32);
    got *g = &rs->items[rs->n++];
    const char *path = strchr(r->url + 7, '/');
    snprintf(g->url, sizeof g->url, "%s", path ? path : r->url);
    g->status = r->status;
    g->code = r->code;
    g->not_modified = r->not_modified;
    g->attempts = r->attempts;
    g->max_age = r->max_age;
    g->len = r->len;
    g->at = now();
    snprintf(g->error, sizeof g->error, "%s", r->error ? r->error : "");
    snprintf(g->etag, sizeof g->etag, "%s", r->etag ? r->etag : "");
    if (rs->ctx && !r->code && r->len) {
        px_article *a;
        px_error err;
        assert_int_equal(px_article_from_response(rs->ctx, r->body, r->len, r->content_type,
                                                  r->final_url, &a, &err), PX_OK);
        snprintf(g->title, sizeof g->title, "%s", px_article_title(a));
        snprintf(g->outlet, sizeof g->outlet, "%s", px_article_outlet(a));
        px_article_free(a);
    }
}

static const got *find(const results *rs, const char *path)
{
    for (int i = 0; i < rs->n; i++)
        if (!strcmp(rs->items[i].url, path)) return &rs->items[i];
    fail_msg("no result for %s", path);
    return &rs->items[0]; /* not reached: fail_msg() ends the test */
}

/* Short limits, no waits between requests unless a test sets them. */
static px_fetch_options fast(void)
{
    px_fetch_options o;
    px_fetch_options_default(&o);
    o.host_interval = 0;
    o.timeout = 1.5;
    o.connect_timeout = 1;
    o.backoff = 0.05;
    o.max_body = 1 << 20;
    o.contact = "https://example.org/contact";
    return o;
}

static void run(const px_fetch_options *o, const char *const *paths, results *rs)
{
    px_fetcher *f;
    px_error err;
    assert_int_equal(px_fetcher_new(o, &f, &err), PX_OK);
    for (const char *const *p = paths; *p; p++) {
        char url[128];
        snprintf(url, sizeof url, "http://127.0.0.1:%u%s", port, *p);
        assert_int_equal(px_fetcher_add(f, url, NULL, NULL, NULL, &err), PX_OK);
    }
    assert_int_equal(px_fetcher_run(f, collect, rs, NULL, &err), PX_OK);
    px_fetcher_free(f);
}

static void pages_errors_and_robots(void **state)
{
    (void)state;
    results rs = {0};
    px_error err;
    assert_int_equal(px_context_new(&rs.ctx, &err), PX_OK);
    px_fetch_options o = fast();
    static const char *const paths[] = {"/page.html", "/latin1.html", "/private/secret", "/404",
                                        "/410", "/loop", NULL};
    run(&o, paths, &rs);
    assert_int_equal(rs.n, 6);
    const got *g = find(&rs, "/page.html");
    assert_int_equal(g->code, PX_OK);
    assert_int_equal(g->status, 200);
    assert_string_equal(g->etag, "\"v1\"");
    assert_true(g->max_age == 600);
    assert_string_equal(g->title, "Bridge closed");
    assert_string_equal(g->outlet, "127.0.0.1");
    g = find(&rs, "/latin1.html");
    assert_string_equal(g->title, "Caf\xc3\xa9 opens"); /* the header's charset obeyed */
    g = find(&rs, "/private/secret");
    assert_int_equal(g->code, PX_EIO);
    assert_string_equal(g->error, "disallowed by robots.txt");
    assert_int_equal(hits_of("/private/secret"), 0); /* never asked for */
    assert_int_equal(hits_of("/robots.txt"), 1);    /* once per host */
    assert_string_equal(find(&rs, "/404")->error, "HTTP 404");
    assert_int_equal(find(&rs, "/404")->attempts, 1); /* not retried */
    assert_string_equal(find(&rs, "/410")->error, "HTTP 410");
    assert_contains(find(&rs, "/loop")->error, "too many redirects");
    assert_int_equal(hits_of("/loop"), 6); /* the first request and 5 redirects */
    pthread_mutex_lock(&lock);
    assert_contains(last_agent, "parallax/" PX_VERSION " (+https://example.org/contact)");
    pthread_mutex_unlock(&lock);
    px_context_free(rs.ctx);
}

static void conditional_requests(void **state)
{
    (void)state;
    px_fetch_options o = fast();
    px_fetcher *f;
    px_error err;
    results rs = {0};
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%u/page.html", port);
    assert_int_equal(px_fetcher_new(&o, &f, &err), PX_OK);
    assert_int_equal(px_fetcher_add(f, url, "\"v1\"", NULL, NULL, &err), PX_OK);
    assert_int_equal(px_fetcher_add(f, url, "\"v0\"", NULL, NULL, &err), PX_OK);
    assert_int_equal(px_fetcher_run(f, collect, &rs, NULL, &err), PX_OK);
    px_fetcher_free(f);
    assert_int_equal(rs.n, 2);
    int modified = 0, unmodified = 0;
    for (int i = 0; i < 2; i++) {
        assert_int_equal(rs.items[i].code, PX_OK);
        if (rs.items[i].not_modified) unmodified++, assert_int_equal(rs.items[i].len, 0);
        else modified++, assert_true(rs.items[i].len > 100);
    }
    assert_int_equal(modified, 1);
    assert_int_equal(unmodified, 1);
}

static void retries_and_retry_after(void **state)
{
    (void)state;
    px_fetch_options o = fast();
    o.retries = 2;
    results rs = {0};
    static const char *const paths[] = {"/500", "/429", NULL};
    double t0 = now();
    run(&o, paths, &rs);
    const got *g = find(&rs, "/500");
    assert_string_equal(g->error, "HTTP 500");
    assert_int_equal(g->attempts, 3);
    assert_int_equal(hits_of("/500"), 3);
    g = find(&rs, "/429");
    assert_string_equal(g->error, "HTTP 429");
    assert_int_equal(g->attempts, 3);
    /* Retry-After: 1 held each retry back a second, despite a 0.05 s backoff */
    assert_true(g->at - t0 >= 1.9);
    assert_true(g->at - t0 < 10);
}

/* A Retry-After beyond max_wait is not waited for: the URL fails without a
 * retry, and the host's other URLs fail at once as "postponed" (with the
 * wait left in retry_after) instead of holding the run up for an hour. */
static void long_retry_after_does_not_stall(void **state)
{
    (void)state;
    px_fetch_options o = fast();
    o.retries = 2;
    o.per_host = 1;
    results rs = {0};
    static const char *const paths[] = {"/429long", "/after-429", NULL};
    double t0 = now();
    run(&o, paths, &rs);
    assert_true(now() - t0 < 10);
    const got *g = find(&rs, "/429long");
    assert_string_equal(g->error, "HTTP 429");
    assert_int_equal(g->attempts, 1);
    g = find(&rs, "/after-429");
    assert_int_equal(g->code, PX_EIO);
    assert_contains(g->error, "postponed: the host asked to wait 3");
    assert_int_equal(hits_of("/after-429"), 0);
}

static void hostile_bodies_are_bounded(void **state)
{
    (void)state;
    px_fetch_options o = fast();
    o.retries = 0;
    results rs = {0};
    static const char *const paths[] = {"/endless", "/bomb", "/drip", NULL};
    double t0 = now();
    run(&o, paths, &rs);
    assert_contains(find(&rs, "/endless")->error, "body over 1048576 bytes");
    assert_contains(find(&rs, "/bomb")->error, "body over 1048576 bytes");
    assert_contains(find(&rs, "/drip")->error, "timed out");
    assert_true(now() - t0 < 5); /* the 1.5 s timeout, not the drip, decided */
}

static void one_host_is_spaced(void **state)
{
    (void)state;
    px_fetch_options o = fast();
    o.host_interval = 0.6;
    results rs = {0};
    static const char *const paths[] = {"/a", "/b", "/c", NULL};
    pthread_mutex_lock(&lock);
    int first = nhits;
    pthread_mutex_unlock(&lock);
    run(&o, paths, &rs);
    assert_int_equal(rs.n, 3);
    pthread_mutex_lock(&lock);
    /* the host's robots.txt was fetched by an earlier test's fetcher, but
     * each fetcher learns it again: robots, /a, /b, /c, started 0.6 s
     * apart.  The server notes a request when its thread gets to it, which
     * on a loaded machine can lag a start by a fraction of a second, so a
     * gap is held to 0.4 s, the span of all three to 1.5 s. */
    assert_int_equal(nhits - first, 4);
    for (int i = first + 1; i < nhits; i++)
        assert_true(hits[i].at - hits[i - 1].at >= 0.4);
    assert_true(hits[nhits - 1].at - hits[first].at >= 1.5);
    pthread_mutex_unlock(&lock);
}

static void misuse_is_refused(void **state)
{
    (void)state;
    px_fetcher *f;
    px_error err;
    px_fetch_options o = fast();
    o.per_host = 0;
    assert_int_equal(px_fetcher_new(&o, &f, &err), PX_EUSAGE);
    assert_null(f);
    assert_int_equal(px_fetcher_new(NULL, NULL, &err), PX_EUSAGE);
    assert_int_equal(px_fetcher_new(NULL, &f, &err), PX_OK);
    assert_int_equal(px_fetcher_add(f, "ftp://example.org/x", NULL, NULL, NULL, &err), PX_EINPUT);
    assert_contains(err.message, "not an http or https URL");
    assert_int_equal(px_fetcher_add(f, "not a url", NULL, NULL, NULL, &err), PX_EINPUT);
    assert_int_equal(px_fetcher_add(f, NULL, NULL, NULL, NULL, &err), PX_EUSAGE);
    assert_int_equal(px_fetcher_run(f, NULL, NULL, NULL, &err), PX_EUSAGE);
    px_fetcher_free(f);
}

/* ---- robots.txt rules ----------------------------------------------------- */

static void robots_rules(void **state)
{
    (void)state;
    static const char txt[] = "# comment\n"
                              "User-agent: otherbot\nDisallow: /\n\n"
                              "User-agent: *\nDisallow: /private\nAllow: /private/open$\n"
                              "Disallow: /*.pdf$\nCrawl-delay: 3\n"
                              "Sitemap: https://example.org/sitemap.xml\n";
    px_robots *r = px_robots_parse(txt, sizeof txt - 1, PX_ROBOTS_AGENT);
    assert_true(px_robots_allowed(r, "/news/a.html"));
    assert_false(px_robots_allowed(r, "/private/x"));
    assert_true(px_robots_allowed(r, "/private/open"));   /* longer allow wins */
    assert_false(px_robots_allowed(r, "/private/open/2")); /* $ anchors */
    assert_false(px_robots_allowed(r, "/files/report.pdf"));
    assert_true(px_robots_allowed(r, "/files/report.pdf?x=1"));
    assert_true(px_robots_allowed(r, "/robots.txt"));
    assert_true(px_robots_delay(r) == 3);
    assert_int_equal(px_robots_sitemap_count(r), 1);
    assert_string_equal(px_robots_sitemap(r, 0), "https://example.org/sitemap.xml");
    assert_null(px_robots_sitemap(r, 1));
    px_robots_free(r);
    /* our own group wins over *, whatever the case of its name */
    static const char ours[] = "User-agent: *\nDisallow: /\n\nUser-agent: Parallax/2\nDisallow: /x\n";
    r = px_robots_parse(ours, sizeof ours - 1, PX_ROBOTS_AGENT);
    assert_true(px_robots_allowed(r, "/a"));
    assert_false(px_robots_allowed(r, "/x/1"));
    px_robots_free(r);
    /* an empty Disallow allows all; garbage lines are passed over */
    static const char odd[] = "\xEF\xBB\xBFUser-agent: *\r\nDisallow:\r\nnonsense\r\n:::\r\n";
    r = px_robots_parse(odd, sizeof odd - 1, PX_ROBOTS_AGENT);
    assert_true(px_robots_allowed(r, "/anything"));
    px_robots_free(r);
    r = px_robots_all(0);
    assert_false(px_robots_allowed(r, "/a"));
    assert_true(px_robots_allowed(r, "/robots.txt"));
    px_robots_free(r);
}

/* A fetched feed reads with its response's headers: the Content-Type's
 * charset over the declaration, Content-Location as the base of links,
 * Content-Language where the feed has none; no body is a usage error. */
static void feed_from_response(void **state)
{
    (void)state;
    static const char body[] = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\">"
                               "<channel><title>Caf\xe9</title><item><title>x</title>"
                               "<link>a.html</link></item></channel></rss>";
    px_fetch_result r = {.url = "http://example.test/feed.xml",
                         .final_url = "http://example.test/feed.xml",
                         .status = 200,
                         .content_type = "application/rss+xml; charset=iso-8859-1",
                         .content_location = "/news/",
                         .content_language = "de",
                         .body = body,
                         .len = sizeof body - 1};
    px_feed *f = NULL;
    px_error err;
    assert_int_equal(px_feed_from_response(&r, &f, &err), PX_OK);
    const px_feed_info *in = px_feed_get_info(f);
    assert_string_equal(in->title.value, "Caf\xc3\xa9");
    assert_string_equal(in->language, "de");
    assert_string_equal(px_feed_get_entry(f, 0)->link, "http://example.test/news/a.html");
    px_feed_free(f);
    r.code = PX_EIO, r.error = "HTTP 404";
    assert_int_equal(px_feed_from_response(&r, &f, &err), PX_EUSAGE);
    assert_null(f);
    assert_int_equal(px_feed_from_response(NULL, &f, &err), PX_EUSAGE);
    assert_int_equal(px_feed_from_response(&r, NULL, &err), PX_EUSAGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(robots_rules),
        cmocka_unit_test(feed_from_response),
        cmocka_unit_test(misuse_is_refused),
        cmocka_unit_test(pages_errors_and_robots),
        cmocka_unit_test(conditional_requests),
        cmocka_unit_test(retries_and_retry_after),
        cmocka_unit_test(long_retry_after_does_not_stall),
        cmocka_unit_test(hostile_bodies_are_bounded),
        cmocka_unit_test(one_host_is_spaced),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
