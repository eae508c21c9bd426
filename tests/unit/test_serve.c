/*
 * test_serve.c — `parallax serve` over a fixture store, through HTTP on
 * 127.0.0.1 (a port the kernel picks), with libcurl as the client: every
 * page and endpoint answers; each page shows the rows its endpoint returns;
 * hostile text (script and event-handler markup, javascript: and data:
 * URLs, quotes that would close an attribute, bidi overrides) comes out
 * escaped and never as a link; bad arguments are 400, unknown ids 404,
 * other methods 405, bodies 413, never a 500; the security headers, ETag
 * and gzip; and a story's page follows the story when `add` writes to the
 * store while the server reads it (the comparison cache is per version);
 * what the server made of a story (its page, its JSON, its conflicts) is
 * kept in the store and sent back by a new server without comparing again.
 *
 * The store: the two seed articles (one story with a conflict), then
 * tests/serve/hostile.jsonl (a story of two hostile articles, and one of
 * one article).  The server reads tests/serve/groups.txt (outlet groups,
 * one with a hostile name).
 *
 * Then what the pages add to the comparison: the groups file's parser
 * (every refusal names file and line), a story's coverage by group, its
 * facts by outlet, why each article is in it, an article's marks, an
 * outlet's counts and the "most disputed" order — each page's data held
 * against its endpoint's.
 */
#define _GNU_SOURCE /* fmemopen */
#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"
#include "unit_store.h"
#include "serve/serve.h"

static char path[64];
static px_server *server;
static unsigned port;

typedef struct reply {
    long status;
    px_buf body, headers;
} reply;

static size_t collect(char *p, size_t size, size_t n, void *ud)
{
    px_buf_append(ud, p, size * n);
    return size * n;
}

/* GET path (or another method) with an extra header; the reply's body and
 * headers in r (free with reply_free). */
static void request(const char *method, const char *p, const char *header, reply *r)
{
    memset(r, 0, sizeof *r);
    CURL *c = curl_easy_init();
    assert_non_null(c);
    char url[2048];
    snprintf(url, sizeof url, "http://127.0.0.1:%u%s", port, p);
    struct curl_slist *h = header ? curl_slist_append(NULL, header) : NULL;
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L); /* send ../ as it is */
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->headers);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    if (strcmp(method, "POST") == 0) curl_easy_setopt(c, CURLOPT_POSTFIELDS, "a=1");
    if (strcmp(method, "HEAD") == 0) curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    assert_int_equal(curl_easy_perform(c), CURLE_OK);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
}

static void get(const char *p, reply *r) { request("GET", p, NULL, r); }

static void reply_free(reply *r)
{
    px_buf_free(&r->body);
    px_buf_free(&r->headers);
}

static json_t *get_json(const char *p)
{
    reply r;
    get(p, &r);
    if (r.status != 200) fail_msg("%s: %ld %s", p, r.status, px_buf_str(&r.body));
    assert_contains(px_buf_str(&r.headers), "Content-Type: application/json");
    json_error_t e;
    json_t *j = json_loads(px_buf_str(&r.body), 0, &e);
    if (!j) fail_msg("%s: not JSON: %s", p, e.text);
    reply_free(&r);
    return j;
}

static void add_file(px_ingest *g, px_context *ctx, const char *file)
{
    px_error err;
    px_reader *r;
    assert_int_equal(px_reader_open(ctx, file, PX_FORMAT_AUTO, &r, &err), PX_OK);
    unit_store_add_reader(ctx, g, r);
}

/* Adds the files to the store at path, as `parallax add` does. */
static void add(const char *const *files)
{
    px_context *ctx;
    px_store *s;
    px_ingest *g;
    px_error err;
    px_story_params p;
    px_story_params_default(&p);
    assert_int_equal(px_context_new(&ctx, &err), PX_OK);
    assert_int_equal(px_store_open(path, 0, &s, &err), PX_OK);
    assert_int_equal(px_ingest_open(s, &p, 1, &g, &err), PX_OK);
    for (; *files; files++) add_file(g, ctx, *files);
    assert_int_equal(px_ingest_close(g, &err), PX_OK);
    px_store_close(s);
    px_context_free(ctx);
}

static void remove_store(void) { unit_store_remove(path); }

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/px-test-serve-%ld.db", (long)getpid());
    remove_store();
    static const char *const files[] = {"examples/000_0de752108fcf7d4a.txt",
                                        "examples/001_6fc7805a935ef0d6.txt",
                                        "tests/serve/hostile.jsonl", NULL};
    add(files);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    px_server_options o = {.db = path, .port = PX_SERVER_ANY_PORT, .threads = 2, .quiet = 1,
                           .groups = "tests/serve/groups.txt"};
    px_error err;
    if (px_server_start(&o, &server, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    port = px_server_port(server);
    return port > 0 && port < 65536 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    px_server_stop(server);
    curl_global_cleanup();
    remove_store();
    return 0;
}

/* The story ids of /api/v1/stories, in order. */
static size_t api_story_ids(const char *query, int64_t *ids, size_t max)
{
    char p[256];
    snprintf(p, sizeof p, "/api/v1/stories%s", query);
    json_t *j = get_json(p);
    size_t n = 0, i;
    json_t *s;
    json_array_foreach(json_object_get(j, "stories"), i, s) if (n < max) ids[n++] = json_integer_value(json_object_get(s, "id"));
    json_decref(j);
    return n;
}

/* The numbers of the attribute attr="N" in the page, in order. */
static size_t page_ids(const char *html, const char *attr, int64_t *ids, size_t max)
{
    size_t n = 0;
    char pat[32];
    snprintf(pat, sizeof pat, "%s=\"", attr);
    for (const char *p = strstr(html, pat); p && n < max; p = strstr(p + 1, pat))
        ids[n++] = strtoll(p + strlen(pat), NULL, 10);
    return n;
}

static void pages_and_endpoints_answer(void **state)
{
    (void)state;
    static const char *const pages[] = {"/", "/?order=largest", "/story/1", "/story/2", "/story/3",
                                        "/article/1", "/article/3", "/outlets",
                                        "/outlet?name=Data%20Daily", "/search", "/search?q=warehouse",
                                        "/search?q=Earnest", "/assets/style.css"};
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        reply r;
        get(pages[i], &r);
        if (r.status != 200) fail_msg("%s: %ld", pages[i], r.status);
        if (i + 1 < sizeof pages / sizeof *pages) {
            assert_contains(px_buf_str(&r.body), "<!DOCTYPE html>");
            assert_contains(px_buf_str(&r.body), "</html>");
        }
        reply_free(&r);
    }
    static const char *const api[] = {"/api/v1/stories", "/api/v1/stories/1", "/api/v1/stories/3",
                                      "/api/v1/stories/1/articles", "/api/v1/articles/1",
                                      "/api/v1/outlets", "/api/v1/outlet/articles?name=Data%20Daily",
                                      "/api/v1/search?q=warehouse"};
    for (size_t i = 0; i < sizeof api / sizeof *api; i++) json_decref(get_json(api[i]));
    /* the story with a conflict: its page highlights it, its JSON holds it */
    reply r;
    get("/story/1", &r);
    assert_contains(px_buf_str(&r.body), "<section id=\"conflicts\"><h2>Conflicts and updates</h2>");
    assert_contains(px_buf_str(&r.body), "<mark>");
    assert_contains(px_buf_str(&r.body), "<section id=\"timeline\">");
    reply_free(&r);
    json_t *j = get_json("/api/v1/stories/1");
    assert_true(json_array_size(json_object_get(j, "conflicts")) >= 1);
    json_decref(j);
    /* once opened, the list counts its conflicts */
    j = get_json("/api/v1/stories");
    size_t i;
    json_t *s;
    int counted = 0;
    json_array_foreach(json_object_get(j, "stories"), i, s)
        if (json_integer_value(json_object_get(s, "id")) == 1)
            counted = json_integer_value(json_object_get(s, "conflicts")) >= 1;
    assert_true(counted);
    json_decref(j);
}

static void pages_show_their_endpoints_data(void **state)
{
    (void)state;
    int64_t a[64], b[64];
    static const char *const lists[] = {"", "?order=largest", "?q=warehouse", "?from=2022-01-01",
                                        "?to=2021-12-31", "?outlet=Data%20Daily", "?lang=en",
                                        "?limit=1"};
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++) {
        size_t n = api_story_ids(lists[k], a, 64);
        char p[128];
        snprintf(p, sizeof p, "/%s", lists[k]);
        reply r;
        get(p, &r);
        assert_int_equal(r.status, 200);
        size_t m = page_ids(px_buf_str(&r.body), "data-story", b, 64);
        reply_free(&r);
        assert_int_equal(n, m);
        for (size_t i = 0; i < n; i++) assert_int_equal(a[i], b[i]);
    }
    assert_int_equal(api_story_ids("?from=2022-01-01", a, 64), 2);
    assert_int_equal(api_story_ids("?to=2021-12-31", a, 64), 1);
    assert_int_equal(api_story_ids("?from=2022-01-04&to=2022-01-04", a, 64), 2);
    assert_int_equal(api_story_ids("?from=2022-01-05", a, 64), 0);
    assert_int_equal(api_story_ids("?q=warehouse", a, 64), 1);

    /* pages of one story at a time: the cursors chain, the same on both */
    json_t *j = get_json("/api/v1/stories?limit=1");
    const char *next = json_string_value(json_object_get(j, "next"));
    assert_non_null(next);
    reply r;
    get("/?limit=1", &r);
    char link[128];
    snprintf(link, sizeof link, "cursor=%s\"", next);
    assert_contains(px_buf_str(&r.body), link);
    reply_free(&r);
    json_decref(j);

    /* search: the same hits in the same story groups */
    j = get_json("/api/v1/search?q=warehouse%20fire");
    size_t n = 0, i, k;
    json_t *g, *h;
    json_array_foreach(json_object_get(j, "stories"), i, g)
        json_array_foreach(json_object_get(g, "hits"), k, h) a[n++] = json_integer_value(json_object_get(h, "row"));
    json_decref(j);
    assert_int_equal(n, 2);
    get("/search?q=warehouse+fire", &r);
    assert_int_equal(page_ids(px_buf_str(&r.body), "data-row", b, 64), n);
    for (i = 0; i < n; i++) assert_int_equal(a[i], b[i]);
    assert_contains(px_buf_str(&r.body), "<mark>");
    reply_free(&r);

    /* an outlet's articles */
    j = get_json("/api/v1/outlet/articles?name=Data%20Daily");
    assert_int_equal(json_array_size(json_object_get(j, "articles")), 1);
    int64_t row = json_integer_value(json_object_get(json_array_get(json_object_get(j, "articles"), 0), "row"));
    json_decref(j);
    get("/outlet?name=Data+Daily", &r);
    assert_int_equal(page_ids(px_buf_str(&r.body), "data-row", b, 64), 1);
    assert_int_equal(b[0], row);
    reply_free(&r);

    /* a story's articles: the page's count and timeline, the endpoint's rows */
    j = get_json("/api/v1/stories/1/articles");
    n = json_array_size(json_object_get(j, "articles"));
    json_decref(j);
    get("/story/1", &r);
    char want[64];
    snprintf(want, sizeof want, "<span id=\"story-articles\">%zu</span>", n);
    assert_contains(px_buf_str(&r.body), want);
    reply_free(&r);

    /* an article: the page's title is the endpoint's, escaped */
    j = get_json("/api/v1/articles/5");
    const char *title = json_string_value(json_object_get(json_object_get(j, "article"), "title"));
    assert_non_null(title);
    get("/article/5", &r);
    assert_contains(px_buf_str(&r.body), "Parliament passes budget after all-night session");
    assert_contains(title, "Parliament passes budget");
    reply_free(&r);
    json_decref(j);
}

/* No page carries markup or a link from the store's text. */
static void hostile_text_is_inert(void **state)
{
    (void)state;
    static const char *const pages[] = {"/", "/story/2", "/article/3", "/article/4", "/article/5",
                                        "/outlets", "/search?q=warehouse", "/search?q=%3Cscript%3E",
                                        "/outlet?name=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
                                        "/?q=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E"};
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        reply r;
        get(pages[i], &r);
        const char *html = px_buf_str(&r.body);
        static const char *const never[] = {"<script", "<img", "<svg", "href=\"javascript:",
                                            "href=\"data:", "\" onmouseover=\"", "style=\""};
        for (size_t k = 0; k < sizeof never / sizeof *never; k++)
            if (strstr(html, never[k])) fail_msg("%s holds %s", pages[i], never[k]);
        reply_free(&r);
    }
    reply r;
    get("/story/2", &r);
    /* the bidi override stays inside its <bdi> */
    assert_contains(px_buf_str(&r.body), "<bdi>&lt;img src=x onerror=alert(&#39;title&#39;)&gt; Fire at "
                                         "the warehouse \xe2\x80\xae" "evil</bdi>");
    reply_free(&r);
    get("/article/3", &r); /* the javascript: URL is text */
    assert_contains(px_buf_str(&r.body), "<code><bdi>javascript:alert(&#39;url&#39;)</bdi></code>");
    reply_free(&r);
    get("/article/4", &r); /* an https URL is a link, its quotes escaped */
    assert_contains(px_buf_str(&r.body), "href=\"https://calm.example/fire?a=1&amp;b=2\"");
    reply_free(&r);
}

static void bad_requests_are_refused(void **state)
{
    (void)state;
    static const struct { const char *path; long status; } cases[] = {
        {"/story/abc", 404}, {"/story/999", 404}, {"/story/0", 404}, {"/story/-1", 404},
        {"/story/99999999999999999999", 404}, {"/article/999", 404}, {"/article/x", 404},
        {"/api/v1/stories/999", 404}, {"/api/v1/stories/x/articles", 404}, {"/api/v1/articles/0", 404},
        {"/nothing", 404}, {"/api/v1/nothing", 404}, {"/../etc/passwd", 404},
        {"/assets/../../etc/passwd", 404}, {"/%2e%2e/etc/passwd", 404}, {"/assets/", 404},
        {"/?from=yesterday", 400}, {"/?to=2021-02-30", 400}, {"/?order=random", 400},
        {"/?cursor=abc", 400}, {"/?cursor=1.x", 400}, {"/?limit=0", 400}, {"/?limit=100000", 400},
        {"/api/v1/stories?limit=-1", 400}, {"/api/v1/stories?cursor=%00", 200},
        {"/search?q=%FF%FE", 400}, {"/api/v1/search", 400}, {"/api/v1/search?q=a&limit=x", 400},
        {"/api/v1/search?q=Rice%20AND&advanced=1", 400}, {"/search?q=Rice%20AND", 200},
        {"/search?q=%22unbalanced", 200}, {"/api/v1/search?q=Ocasio-Cortez", 200},
        {"/outlet", 400}, {"/outlet?name=Nobody", 404}, {"/api/v1/outlet/articles", 400},
        {"/?q=%24", 200}, {"/?outlet=Nobody", 200},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        reply r;
        get(cases[i].path, &r);
        if (r.status != cases[i].status)
            fail_msg("%s: %ld, expected %ld (%s)", cases[i].path, r.status, cases[i].status, px_buf_str(&r.body));
        reply_free(&r);
    }
    char big[4096] = "/search?q=";
    memset(big + 10, 'a', 2000);
    reply r;
    get(big, &r);
    assert_int_equal(r.status, 400);
    reply_free(&r);
    request("POST", "/", NULL, &r);
    assert_int_equal(r.status, 405);
    reply_free(&r);
    request("GET", "/", "Content-Length: 5", &r);
    assert_int_equal(r.status, 413);
    reply_free(&r);
    request("DELETE", "/", NULL, &r);
    assert_int_equal(r.status, 405);
    reply_free(&r);
    request("HEAD", "/", NULL, &r);
    assert_int_equal(r.status, 200);
    reply_free(&r);
}

static void headers_etag_and_gzip(void **state)
{
    (void)state;
    reply r;
    get("/story/1", &r);
    const char *h = px_buf_str(&r.headers);
    assert_contains(h, "Content-Security-Policy: default-src 'self'");
    assert_contains(h, "X-Content-Type-Options: nosniff");
    assert_contains(h, "Referrer-Policy: no-referrer");
    const char *e = strstr(h, "ETag: ");
    assert_non_null(e);
    char inm[64];
    snprintf(inm, sizeof inm, "If-None-Match: %.*s", (int)strcspn(e + 6, "\r\n"), e + 6);
    size_t plain = r.body.len;
    reply_free(&r);
    request("GET", "/story/1", inm, &r);
    assert_int_equal(r.status, 304);
    assert_int_equal(r.body.len, 0);
    reply_free(&r);
    request("GET", "/story/1", "Accept-Encoding: gzip", &r);
    assert_int_equal(r.status, 200);
    assert_contains(px_buf_str(&r.headers), "Content-Encoding: gzip");
    assert_true(r.body.len < plain / 2);
    assert_int_equal((unsigned char)r.body.data[0], 0x1f);
    reply_free(&r);
    get("/api/v1/stories/999", &r);
    assert_contains(px_buf_str(&r.headers), "Content-Security-Policy: default-src 'self'");
    reply_free(&r);
}

/* add writes while the server reads: the story's page follows. */
static void pages_follow_the_store(void **state)
{
    (void)state;
    json_t *j = get_json("/api/v1/stories/2/articles");
    size_t before = json_array_size(json_object_get(j, "articles"));
    json_decref(j);
    reply r;
    get("/story/2", &r);
    px_buf old = r.body;
    px_buf_free(&r.headers);
    static const char *const more[] = {"tests/serve/more.jsonl", NULL};
    add(more);
    j = get_json("/api/v1/stories/2/articles");
    assert_int_equal(json_array_size(json_object_get(j, "articles")), before + 1);
    json_decref(j);
    /* its count is of the older version: out of the disputed list, unknown in
     * the others, until it is compared again */
    int64_t ids[8];
    size_t n = api_story_ids("?order=disputed", ids, 8);
    for (size_t i = 0; i < n; i++) assert_true(ids[i] != 2);
    j = get_json("/api/v1/stories?outlet=Data%20Daily");
    assert_true(json_is_integer(json_object_get(json_array_get(json_object_get(j, "stories"), 0), "conflicts")));
    json_decref(j);
    j = get_json("/api/v1/stories?q=warehouse");
    assert_true(json_is_null(json_object_get(json_array_get(json_object_get(j, "stories"), 0), "conflicts")));
    json_decref(j);
    get("/story/2", &r);
    assert_int_equal(r.status, 200);
    assert_true(strcmp(px_buf_str(&r.body), px_buf_str(&old)) != 0);
    char want[64];
    snprintf(want, sizeof want, "<span id=\"story-articles\">%zu</span>", before + 1);
    assert_contains(px_buf_str(&r.body), want);
    assert_contains(px_buf_str(&r.body), "Leeds Evening Post");
    /* Leeds Evening Post is in the Yorkshire group, which covered it already */
    assert_contains(px_buf_str(&r.body), "<li class=\"covered\"><span class=\"group\"><bdi>Yorkshire</bdi></span>");
    reply_free(&r);
    px_buf_free(&old);
    n = api_story_ids("?order=disputed", ids, 8);
    int back = 0;
    for (size_t i = 0; i < n; i++) back |= ids[i] == 2;
    assert_true(back); /* compared again: listed again */
}


/* ---- outlet groups ------------------------------------------------------- */

static void groups_are_parsed_or_refused(void **state)
{
    (void)state;
    static const char good[] = "# a comment\n\n[Wires]\n  Reuters \r\nUPI\n[ Local ]\n\tLeeds Evening Post\nReuters";
    pxs_groups *g;
    px_error err;
    assert_int_equal(pxs_groups_parse("g.txt", good, sizeof good - 1, &g, &err), PX_OK);
    assert_int_equal(g->len, 2);
    assert_string_equal(g->items[0].name, "Wires");
    assert_int_equal(g->items[0].outlets.len, 2);
    assert_string_equal(g->items[0].outlets.items[0], "Reuters");
    assert_string_equal(g->items[1].name, "Local");
    assert_string_equal(g->items[1].outlets.items[0], "Leeds Evening Post");
    assert_string_equal(g->items[1].outlets.items[1], "Reuters"); /* in two groups, no final newline */
    pxs_groups_free(g);
    static const struct { const char *text, *message; } bad[] = {
        {"Reuters\n[Wires]\nUPI\n", "g.txt:1: an outlet before any [group]"},
        {"[Wires]\nUPI\n[Wires\nAP\n", "g.txt:3: a group is [name], on a line of its own"},
        {"[Wires] x\nUPI\n", "g.txt:1: a group is [name]"},
        {"[Wires]\nUPI\n[  ]\nAP\n", "g.txt:3: a group without a name"},
        {"[Wires]\nUPI\n[Wires]\nAP\n", "g.txt:3: a group named twice"},
        {"[Wires]\n[Local]\nLEP\n", "g.txt:1: a group without outlets"},
        {"[Wires]\nUPI\n\n[Local]\n# none\n", "g.txt:4: a group without outlets"},
        {"[Wires]\nUPI\nAP\nUPI\n", "g.txt:4: an outlet twice in one group"},
        {"[Wires]\nU\x01PI\n", "g.txt:2: a control character"},
        {"[Wires]\n\xff\xfe\n", "g.txt:2: not UTF-8"},
        {"[W[i]res]\nUPI\n", "g.txt:1: a bracket inside"},
        {"# only a comment\n", "g.txt: no group in it"},
        {"", "g.txt: no group in it"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        g = (pxs_groups *)&err; /* must come back NULL */
        if (pxs_groups_parse("g.txt", bad[i].text, strlen(bad[i].text), &g, &err) != PX_EINPUT)
            fail_msg("accepted: %s", bad[i].text);
        assert_null(g);
        assert_contains(err.message, bad[i].message);
    }
    /* a line over 1024 bytes, a NUL byte, a file over 1 MiB */
    char *big = px_xmalloc(PXS_GROUPS_FILE + 2);
    memcpy(big, "[Wires]\n", 8);
    memset(big + 8, 'a', 2000);
    assert_int_equal(pxs_groups_parse("g.txt", big, 2008, &g, &err), PX_EINPUT);
    assert_contains(err.message, "g.txt:2: a line over 1024 bytes");
    assert_int_equal(pxs_groups_parse("g.txt", "[W]\nA\0B\n", 8, &g, &err), PX_EINPUT);
    assert_contains(err.message, "g.txt:2: a control character");
    memset(big, '#', PXS_GROUPS_FILE + 1);
    assert_int_equal(pxs_groups_parse("g.txt", big, PXS_GROUPS_FILE + 1, &g, &err), PX_EINPUT);
    assert_contains(err.message, "over 1048576 bytes");
    free(big);
    /* the server refuses a bad file, naming it and the line */
    px_server *s = NULL;
    px_server_options o = {.db = path, .port = PX_SERVER_ANY_PORT, .threads = 1, .quiet = 1,
                           .groups = "tests/serve/more.jsonl"};
    assert_int_equal(px_server_start(&o, &s, &err), PX_EINPUT);
    assert_null(s);
    assert_contains(err.message, "tests/serve/more.jsonl:1: an outlet before any [group]");
    o.groups = "tests/serve/no-such-file";
    assert_int_equal(px_server_start(&o, &s, &err), PX_EIO);
    assert_contains(err.message, "tests/serve/no-such-file: cannot read");
}

/* The text between the first `open` after `from` and the next `close`. */
static char *between(const char *from, const char *open, const char *close)
{
    const char *a = from ? strstr(from, open) : NULL;
    if (!a) return NULL;
    a += strlen(open);
    const char *b = strstr(a, close);
    return b ? px_xstrndup(a, (size_t)(b - a)) : NULL;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s ? strstr(s, what) : NULL; p; p = strstr(p + 1, what)) n++;
    return n;
}

static void stories_show_coverage_by_group(void **state)
{
    (void)state;
    /* story 2: the hostile outlets; "Calm ..." is in the Yorkshire group */
    json_t *j = get_json("/api/v1/stories/2/groups");
    json_t *groups = json_object_get(j, "groups");
    assert_int_equal(json_array_size(groups), 3);
    reply r;
    get("/story/2", &r);
    char *section = between(px_buf_str(&r.body), "<section id=\"groups\">", "</section>");
    assert_non_null(section);
    size_t i;
    json_t *g;
    const char *at = section;
    json_array_foreach(groups, i, g) {
        int covered = json_is_true(json_object_get(g, "covered"));
        const char *want = covered ? "<li class=\"covered\">" : "<li class=\"blindspot\">";
        at = strstr(at, "<li class=");
        assert_non_null(at);
        if (strncmp(at, want, strlen(want)) != 0) fail_msg("group %zu: %.60s, expected %s", i, at, want);
        at++;
        /* covered: the endpoint's outlets are linked on the page */
        if (covered) assert_int_equal(json_array_size(json_object_get(g, "outlets")), 1);
    }
    assert_string_equal(json_string_value(json_object_get(json_array_get(groups, 1), "name")), "Yorkshire");
    assert_true(json_is_true(json_object_get(json_array_get(groups, 1), "covered")));
    assert_int_equal(json_array_size(json_object_get(j, "blindspots")), 2);
    assert_contains(section, "<bdi>&lt;b&gt; Lisbon &amp; co</bdi>"); /* the hostile name, escaped */
    free(section);
    reply_free(&r);
    json_decref(j);
    /* the list: each row's blindspots on the page, as in the endpoint */
    j = get_json("/api/v1/stories");
    get("/", &r);
    json_t *row;
    json_array_foreach(json_object_get(j, "stories"), i, row) {
        char tr[64];
        snprintf(tr, sizeof tr, "<tr data-story=\"%lld\">", (long long)json_integer_value(json_object_get(row, "id")));
        char *line = between(px_buf_str(&r.body), tr, "</tr>");
        assert_non_null(line);
        assert_int_equal(count(line, "<span class=\"blind\">"), json_array_size(json_object_get(row, "blindspots")));
        free(line);
    }
    reply_free(&r);
    json_decref(j);
    json_decref(get_json("/api/v1/groups"));
    get("/groups", &r);
    assert_int_equal(r.status, 200);
    assert_contains(px_buf_str(&r.body), "<dl id=\"group-list\">");
    reply_free(&r);
}

/* ---- a story: facts by outlet, why each article is in it ------------------- */

static void story_matrix_matches_its_endpoint(void **state)
{
    (void)state;
    for (int story = 1; story <= 3; story++) {
        char p[64];
        snprintf(p, sizeof p, "/api/v1/stories/%d/matrix", story);
        json_t *j = get_json(p);
        snprintf(p, sizeof p, "/story/%d", story);
        reply r;
        get(p, &r);
        const char *html = px_buf_str(&r.body);
        char *table = between(html, "<section id=\"matrix\">", "</section>");
        assert_non_null(table);
        size_t nout = json_array_size(json_object_get(j, "outlets")), i;
        json_t *row;
        const char *at = table;
        json_array_foreach(json_object_get(j, "facts"), i, row) {
            char tr[64];
            snprintf(tr, sizeof tr, "<tr data-kind=\"%s\">", json_string_value(json_object_get(row, "kind")));
            at = strstr(at, "<tr data-kind=");
            assert_non_null(at);
            if (strncmp(at, tr, strlen(tr)) != 0) fail_msg("story %d row %zu: %.40s, expected %s", story, i, at, tr);
            char *cells = between(at, "</th>", "</tr>");
            size_t k;
            json_t *cell;
            const char *c = cells;
            assert_int_equal(json_array_size(json_object_get(row, "cells")), nout);
            json_array_foreach(json_object_get(row, "cells"), k, cell) {
                char td[48];
                snprintf(td, sizeof td, "<td class=\"%s\">", json_string_value(json_object_get(cell, "state")));
                c = strstr(c, "<td class=");
                assert_non_null(c);
                if (strncmp(c, td, strlen(td)) != 0) fail_msg("story %d row %zu cell %zu: %.30s, expected %s", story, i, k, c, td);
                c++;
            }
            free(cells);
            at++;
        }
        assert_int_equal(count(table, "<tr data-kind="), json_array_size(json_object_get(j, "facts")));
        if (story == 1) { /* the seeds: John Earnest against Josh Earnest */
            json_t *first = json_array_get(json_object_get(j, "facts"), 0);
            assert_string_equal(json_string_value(json_object_get(first, "kind")), "conflict");
            size_t states = 0, differs = 0;
            json_t *cell;
            json_array_foreach(json_object_get(first, "cells"), i, cell) {
                states += strcmp(json_string_value(json_object_get(cell, "state")), "states") == 0;
                differs += strcmp(json_string_value(json_object_get(cell, "state")), "differs") == 0;
            }
            assert_int_equal(states, 1);
            assert_int_equal(differs, 1);
            assert_int_equal(nout, 2);
        }
        free(table);
        reply_free(&r);
        json_decref(j);
    }
}

static void why_each_article_is_in_its_story(void **state)
{
    (void)state;
    for (int story = 1; story <= 3; story++) {
        char p[64];
        snprintf(p, sizeof p, "/api/v1/stories/%d/articles", story);
        json_t *j = get_json(p);
        snprintf(p, sizeof p, "/story/%d", story);
        reply r;
        get(p, &r);
        char *tl = between(px_buf_str(&r.body), "<section id=\"timeline\">", "</section>");
        assert_non_null(tl);
        size_t i;
        json_t *a;
        json_array_foreach(json_object_get(j, "articles"), i, a) {
            const char *decision = json_string_value(json_object_get(json_object_get(a, "why"), "decision"));
            assert_non_null(decision);
            char li[64], want[64];
            snprintf(li, sizeof li, "<li data-row=\"%lld\">", (long long)json_integer_value(json_object_get(a, "row")));
            snprintf(want, sizeof want, "data-decision=\"%s\"", decision);
            char *item = between(tl, li, "</li>");
            assert_non_null(item);
            assert_contains(item, want);
            free(item);
            /* the first article started its story, the others joined it or copy one */
            if (i == 0) assert_string_equal(decision, "started");
            else assert_true(strcmp(decision, "joined") == 0 || strcmp(decision, "copy") == 0);
        }
        free(tl);
        reply_free(&r);
        json_decref(j);
    }
    /* the store's call itself: members after a row, and the limit */
    px_store *s;
    px_error err;
    assert_int_equal(px_store_open(path, 1, &s, &err), PX_OK);
    json_t *j = get_json("/api/v1/stories/1/articles");
    json_t *second = json_object_get(json_array_get(json_object_get(j, "articles"), 1), "why");
    assert_string_equal(json_string_value(json_object_get(second, "decision")), "joined");
    assert_true(json_real_value(json_object_get(second, "score")) >= json_real_value(json_object_get(second, "threshold")));
    json_decref(j);
    assert_int_equal(px_store_story_members(s, 1, 0, 0, NULL, NULL, &err), PX_EUSAGE);
    assert_int_equal(px_store_story_members(s, 0, 0, 10, NULL, NULL, &err), PX_EUSAGE);
    px_store_close(s);
}

/* ---- an article's marks --------------------------------------------------- */

static void article_marks_match_their_endpoint(void **state)
{
    (void)state;
    static const int rows[] = {2, 3, 4};
    for (size_t t = 0; t < sizeof rows / sizeof *rows; t++) {
        char p[64];
        snprintf(p, sizeof p, "/api/v1/articles/%d", rows[t]);
        json_t *j = get_json(p);
        json_t *marks = json_object_get(j, "marks"), *paras = json_object_get(json_object_get(j, "article"), "paragraphs");
        snprintf(p, sizeof p, "/article/%d", rows[t]);
        reply r;
        get(p, &r);
        char *text = between(px_buf_str(&r.body), "<div id=\"text\">", "</div>");
        assert_non_null(text);
        size_t i, by_kind[4] = {0};
        json_t *m;
        json_array_foreach(marks, i, m) {
            const char *kind = json_string_value(json_object_get(m, "kind"));
            for (int k = 0; k < 4; k++) by_kind[k] += strcmp(kind, pxs_mark_kind(k)) == 0;
            /* its words are in the page, escaped, right after the mark's start */
            const char *para = json_string_value(json_array_get(paras, (size_t)json_integer_value(json_object_get(m, "paragraph"))));
            assert_non_null(para);
            size_t a = (size_t)json_integer_value(json_object_get(m, "start")), b = (size_t)json_integer_value(json_object_get(m, "end"));
            assert_true(a < b && b <= strlen(para));
            if (strcmp(kind, "quote") != 0) { /* a quote's words hold nested marks */
                char *words = px_xstrndup(para + a, b - a);
                char *esc = NULL;
                size_t n = 0;
                FILE *f = open_memstream(&esc, &n);
                fputs("\">", f);
                pxs_esc(f, words);
                fputs("</mark>", f);
                fclose(f);
                if (!strstr(text, esc)) fail_msg("article %d: %s not marked", rows[t], esc);
                free(esc);
                free(words);
            }
        }
        for (int k = 0; k < 4; k++) {
            char cls[48];
            snprintf(cls, sizeof cls, "<mark class=\"%s\"", pxs_mark_kind(k));
            assert_int_equal(count(text, cls), by_kind[k]);
        }
        assert_true(json_array_size(marks) >= 3); /* names, a date, a number at least */
        assert_null(strstr(text, "<script"));
        assert_null(strstr(text, "<img"));
        free(text);
        reply_free(&r);
        json_decref(j);
    }
}

/* ---- an outlet's counts, and the most disputed stories -------------------- */

static void outlet_counts_match_their_endpoint(void **state)
{
    (void)state;
    json_decref(get_json("/api/v1/stories/2")); /* compared: the ledger knows story 2 */
    static const char *const names[] = {"Data%20Daily", "Calm%20%22%20onmouseover%3D%22alert('attr')",
                                        "Evil%3Cscript%3Ealert('outlet')%3C%2Fscript%3E%20News%E2%80%AE"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char p[256];
        snprintf(p, sizeof p, "/api/v1/outlet?name=%s", names[i]);
        json_t *j = get_json(p);
        snprintf(p, sizeof p, "/outlet?name=%s", names[i]);
        reply r;
        get(p, &r);
        const char *html = px_buf_str(&r.body);
        static const char *const keys[] = {"articles", "stories", "first", "started"};
        for (int k = 0; k < 4; k++) {
            char want[64];
            snprintf(want, sizeof want, "id=\"st-%s\">%lld<", keys[k], (long long)json_integer_value(json_object_get(j, keys[k])));
            assert_contains(html, want);
        }
        json_t *c = json_object_get(j, "compared");
        static const char *const ckeys[] = {"stories", "conflicts", "disputed"};
        for (int k = 0; k < 3; k++) {
            char want[64];
            snprintf(want, sizeof want, "id=\"cmp-%s\">%lld<", ckeys[k], (long long)json_integer_value(json_object_get(c, ckeys[k])));
            assert_contains(html, want);
        }
        assert_int_equal(json_integer_value(json_object_get(j, "articles")), 1);
        assert_int_equal(json_integer_value(json_object_get(j, "stories")), 1);
        reply_free(&r);
        json_decref(j);
    }
    /* Evil published first (2022-01-03) and started story 2; Calm did neither */
    json_t *evil = get_json("/api/v1/outlet?name=Evil%3Cscript%3Ealert('outlet')%3C%2Fscript%3E%20News%E2%80%AE");
    json_t *calm = get_json("/api/v1/outlet?name=Calm%20%22%20onmouseover%3D%22alert('attr')");
    assert_int_equal(json_integer_value(json_object_get(evil, "first")), 1);
    assert_int_equal(json_integer_value(json_object_get(evil, "started")), 1);
    assert_int_equal(json_integer_value(json_object_get(calm, "first")), 0);
    assert_int_equal(json_integer_value(json_object_get(calm, "started")), 0);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(evil, "compared"), "stories")), 1);
    json_decref(evil);
    json_decref(calm);
    /* a story of two outlets giving the mayor different ages: each is on
     * one side of a conflict, against the other; one credits Reuters */
    static const char *const more[] = {"tests/serve/conflict.jsonl", NULL};
    add(more);
    json_t *stories = get_json("/api/v1/stories?outlet=North%20Herald");
    int64_t id = json_integer_value(json_object_get(json_array_get(json_object_get(stories, "stories"), 0), "id"));
    json_decref(stories);
    char p[64];
    snprintf(p, sizeof p, "/api/v1/stories/%lld", (long long)id);
    json_decref(get_json(p));
    json_t *north = get_json("/api/v1/outlet?name=North%20Herald");
    json_t *south = get_json("/api/v1/outlet?name=South%20Gazette");
    json_t *nc = json_object_get(north, "compared"), *sc = json_object_get(south, "compared");
    assert_int_equal(json_integer_value(json_object_get(nc, "conflicts")), 1);
    assert_int_equal(json_integer_value(json_object_get(sc, "conflicts")), 1);
    assert_int_equal(json_integer_value(json_object_get(nc, "disputed")), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(nc, "against"), 0), "outlet")),
                        "South Gazette");
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(nc, "credits"), 0), "source")),
                        "Reuters");
    assert_int_equal(json_array_size(json_object_get(sc, "credits")), 0);
    json_decref(north);
    json_decref(south);
    reply r;
    get("/outlet?name=North+Herald", &r);
    assert_contains(px_buf_str(&r.body), "id=\"cmp-conflicts\">1<");
    assert_contains(px_buf_str(&r.body), "<dd id=\"cmp-credits\"><bdi>Reuters</bdi> (1)</dd>");
    assert_contains(px_buf_str(&r.body), "<bdi>South Gazette</bdi></a> (1)");
    reply_free(&r);
    get("/api/v1/outlet?name=Nobody", &r);
    assert_int_equal(r.status, 404);
    reply_free(&r);
    get("/api/v1/outlet", &r);
    assert_int_equal(r.status, 400);
    reply_free(&r);
}

static void most_disputed_come_first(void **state)
{
    (void)state;
    int64_t all[8];
    size_t stories = api_story_ids("", all, 8);
    assert_int_equal(stories, 4); /* the seeds', two hostile, the mayor's */
    for (size_t i = 0; i < stories; i++) { /* every story compared */
        char p[64];
        snprintf(p, sizeof p, "/api/v1/stories/%lld", (long long)all[i]);
        json_decref(get_json(p));
    }
    json_t *j = get_json("/api/v1/stories?order=disputed");
    json_t *rows = json_object_get(j, "stories");
    assert_int_equal(json_array_size(rows), stories);
    size_t i;
    json_t *row;
    long last = 1L << 30;
    json_array_foreach(rows, i, row) {
        long k = (long)json_integer_value(json_object_get(row, "conflicts"));
        assert_true(json_is_integer(json_object_get(row, "conflicts")));
        assert_true(k <= last);
        last = k;
    }
    assert_true(json_integer_value(json_object_get(json_array_get(rows, 0), "conflicts")) >= 1);
    json_decref(j);
    /* the page lists the same, in the same order; pages of one chain */
    int64_t a[8], b[8];
    static const char *const lists[] = {"?order=disputed", "?order=disputed&q=warehouse",
                                        "?order=disputed&outlet=Data%20Daily", "?order=disputed&limit=2"};
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++) {
        size_t n = api_story_ids(lists[k], a, 8);
        char p[128];
        snprintf(p, sizeof p, "/%s", lists[k]);
        reply r;
        get(p, &r);
        assert_int_equal(page_ids(px_buf_str(&r.body), "data-story", b, 8), n);
        for (size_t x = 0; x < n; x++) assert_int_equal(a[x], b[x]);
        reply_free(&r);
    }
    assert_int_equal(api_story_ids("?order=disputed&q=warehouse", a, 8), 1);
    assert_int_equal(api_story_ids("?order=disputed&outlet=Data%20Daily", a, 8), 1);
    size_t seen = 0;
    char p[160] = "/api/v1/stories?order=disputed&limit=1";
    for (int page = 0; page < 5; page++) {
        j = get_json(p);
        seen += json_array_size(json_object_get(j, "stories"));
        const char *next = json_string_value(json_object_get(j, "next"));
        if (!next) {
            json_decref(j);
            break;
        }
        snprintf(p, sizeof p, "/api/v1/stories?order=disputed&limit=1&cursor=%s", next);
        json_decref(j);
    }
    assert_int_equal(seen, stories);
    reply r;
    get("/?order=disputed&cursor=abc", &r);
    assert_int_equal(r.status, 400);
    reply_free(&r);
    get("/api/v1/stories/999/matrix", &r);
    assert_int_equal(r.status, 404);
    reply_free(&r);
    get("/api/v1/stories/x/groups", &r);
    assert_int_equal(r.status, 404);
    reply_free(&r);
}

/* What the server made of a story is kept in the store: a new server
 * sends it back (the same page, the same ETag) without comparing again,
 * and counts its conflicts as soon as the page is read back. */
static void kept_pages_survive_a_restart(void **state)
{
    (void)state;
    reply before;
    get("/story/1", &before);
    assert_int_equal(before.status, 200);
    const char *e = strstr(px_buf_str(&before.headers), "ETag: ");
    assert_non_null(e);
    json_decref(get_json("/api/v1/stories/1"));
    /* what the store holds for story 1's API JSON is what a new server sends */
    px_store *s;
    px_error err;
    int64_t version;
    assert_int_equal(px_store_open(path, 1, &s, &err), PX_OK);
    assert_int_equal(px_store_story_version(s, 1, &version, &err), PX_OK);
    char *body;
    size_t len;
    int64_t stored;
    assert_int_equal(px_store_comparison_get(s, 1, "api@" PX_VERSION, &stored, &body, &len, &err), PX_OK);
    assert_non_null(body);
    assert_int_equal(stored, version);
    free(body);
    static const char marker[] = "{\"kept\":true}\n";
    assert_int_equal(px_store_comparison_put(s, 1, version, "api@" PX_VERSION, marker, sizeof marker - 1, &err), PX_OK);
    assert_int_equal(px_store_comparison_get(s, 1, PXS_LEDGER_KIND, &stored, &body, &len, &err), PX_OK);
    assert_non_null(body); /* its conflicts, kept beside it */
    free(body);
    px_store_close(s);

    px_server_stop(server);
    px_server_options o = {.db = path, .port = PX_SERVER_ANY_PORT, .threads = 2, .quiet = 1,
                           .groups = "tests/serve/groups.txt"};
    assert_int_equal(px_server_start(&o, &server, &err), PX_OK);
    port = px_server_port(server);
    int64_t ids[8];
    assert_int_equal(api_story_ids("?order=disputed", ids, 8), 0); /* nothing counted yet */
    reply after;
    get("/story/1", &after);
    assert_int_equal(after.status, 200);
    assert_string_equal(px_buf_str(&after.body), px_buf_str(&before.body));
    const char *e2 = strstr(px_buf_str(&after.headers), "ETag: ");
    assert_non_null(e2);
    assert_int_equal(strncmp(e, e2, 6 + 18), 0);
    reply_free(&after);
    reply_free(&before);
    size_t n = api_story_ids("?order=disputed", ids, 8);
    assert_int_equal(n, 1); /* read back with the page */
    assert_int_equal(ids[0], 1);
    reply r;
    get("/api/v1/stories/1", &r);
    assert_string_equal(px_buf_str(&r.body), marker); /* the store's, not compared again */
    reply_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pages_and_endpoints_answer),
        cmocka_unit_test(pages_show_their_endpoints_data),
        cmocka_unit_test(hostile_text_is_inert),
        cmocka_unit_test(bad_requests_are_refused),
        cmocka_unit_test(headers_etag_and_gzip),
        cmocka_unit_test(groups_are_parsed_or_refused),
        cmocka_unit_test(stories_show_coverage_by_group),
        cmocka_unit_test(story_matrix_matches_its_endpoint),
        cmocka_unit_test(why_each_article_is_in_its_story),
        cmocka_unit_test(article_marks_match_their_endpoint),
        cmocka_unit_test(outlet_counts_match_their_endpoint),
        cmocka_unit_test(most_disputed_come_first),
        cmocka_unit_test(pages_follow_the_store),
        cmocka_unit_test(kept_pages_survive_a_restart),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
