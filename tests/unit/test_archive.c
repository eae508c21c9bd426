/*
 * test_archive.c — web archives (lib/read/archive*.c): WARC and ARC
 * records, plain and gzip (a member per record, one for the file), HTTP
 * payloads (chunked, gzip/deflate, status, media type, charset), and
 * hostile archives (truncated, wrong Content-Length, garbage, corrupt gzip,
 * a gzip bomb, endless chunks, a record over the cap), each reported with
 * its byte offset while the records after it are still read.
 *
 * Archives are built in memory by the helpers below and read through
 * fmemopen(), as a stream would be.
 */
#include <stdio.h>
#include <stdlib.h>

#include <zlib.h>

#include "unit.h"
#include "unit_context.h"
#include "read/archive.h"
#include "read/read_private.h"

/* ---- building archives --------------------------------------------------- */

/* Appends a WARC record: type, target URI (NULL: none), Content-Type,
 * block; extra header lines (each ending in \r\n) may be NULL. */
static void warc(px_buf *b, const char *type, const char *uri, const char *ctype,
                 const char *block, size_t len, const char *extra)
{
    px_buf_printf(b, "WARC/1.1\r\nWARC-Type: %s\r\n", type);
    if (uri) px_buf_printf(b, "WARC-Target-URI: %s\r\n", uri);
    px_buf_printf(b, "WARC-Date: 2024-05-01T12:30:00.123456Z\r\n"
                     "WARC-Record-ID: <urn:uuid:0>\r\nContent-Type: %s\r\n%s"
                     "Content-Length: %zu\r\n\r\n",
                  ctype, extra ? extra : "", len);
    px_buf_append(b, block, len);
    px_buf_puts(b, "\r\n\r\n");
}

/* An HTTP response with headers (each ending in \r\n) and a body. */
static void http(px_buf *b, const char *status, const char *headers, const char *body,
                 size_t len)
{
    px_buf_printf(b, "HTTP/1.1 %s\r\n%s\r\n", status, headers);
    px_buf_append(b, body, len);
}

static void response(px_buf *b, const char *uri, const char *status, const char *headers,
                     const char *body, size_t len)
{
    px_buf h = {0};
    http(&h, status, headers, body, len);
    warc(b, "response", uri, "application/http; msgtype=response", h.data, h.len, NULL);
    px_buf_free(&h);
}

#define PAGE "<html><head><title>Storm hits coast</title></head><body><article>" \
             "<p>A storm hit the coast on Friday, officials said.</p>"            \
             "<p>Thousands of homes lost power overnight.</p></article></body></html>"

/* gzip (windowBits 16+15), zlib (15) or raw deflate (-15) of s[0..n). */
static void deflated(px_buf *out, const char *s, size_t n, int window_bits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, (uLong)n) + 32;
    char *o = malloc(cap);
    z.next_in = (Bytef *)(uintptr_t)s;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)o;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    px_buf_append(out, o, cap - z.avail_out);
    deflateEnd(&z);
    free(o);
}

/* ---- reading ------------------------------------------------------------- */

typedef struct got {
    int pages, errors;
    px_status codes[16];
    char names[16][96], urls[16][160], dates[16][40], charsets[16][48];
    char bodies[16][400];
    char messages[16][512];
    px_archive_counts counts;
} got;

/* Reads the archive a[0..n) named name through px_source, recording every
 * page and error. */
static void read_all(const char *a, size_t n, const char *name, px_format format, got *g)
{
    memset(g, 0, sizeof *g);
    FILE *f = fmemopen((void *)a, n, "rb");
    assert_non_null(f);
    px_source *s;
    px_error err;
    assert_int_equal(px_source_open_stream(f, name, format, &s, &err), PX_OK);
    for (int guard = 0; guard < 1000; guard++) {
        px_document d;
        int done;
        px_status rc = px_source_next(s, &d, &done, &err);
        if (rc) {
            if (g->errors < 16) {
                g->codes[g->errors] = rc;
                snprintf(g->messages[g->errors], sizeof g->messages[0], "%s", err.message);
            }
            g->errors++;
            if (rc == PX_EIO) break;
            continue;
        }
        if (done) break;
        assert_int_equal(d.format, PX_FORMAT_HTML);
        if (g->pages < 16) {
            int i = g->pages;
            snprintf(g->names[i], sizeof g->names[0], "%s", d.name);
            snprintf(g->urls[i], sizeof g->urls[0], "%s", d.url ? d.url : "");
            snprintf(g->dates[i], sizeof g->dates[0], "%s", d.fallback_date ? d.fallback_date : "");
            snprintf(g->charsets[i], sizeof g->charsets[0], "%s", d.charset ? d.charset : "");
            snprintf(g->bodies[i], sizeof g->bodies[0], "%.*s",
                     (int)(d.body_len < 399 ? d.body_len : 399), d.body);
        }
        g->pages++;
    }
    px_source_archive_counts(s, &g->counts);
    px_source_close(s);
    fclose(f);
}

/* A small archive of every record kind: 2 pages, 1 not HTML, 5 no page. */
static void mixed(px_buf *b)
{
    warc(b, "warcinfo", NULL, "application/warc-fields", "software: t\r\n", 13, NULL);
    warc(b, "request", "http://a.example/1", "application/http; msgtype=request",
         "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n", 36, NULL);
    response(b, "http://a.example/1", "200 OK", "Content-Type: text/html; charset=UTF-8\r\n", PAGE,
             strlen(PAGE));
    response(b, "http://a.example/logo.png", "200 OK", "Content-Type: image/png\r\n",
             "\x89PNG\r\n\x1a\n", 8);
    response(b, "http://a.example/old", "301 Moved Permanently",
             "Location: http://a.example/1\r\nContent-Type: text/html\r\n", "<a>moved</a>", 12);
    warc(b, "revisit", "http://a.example/1", "application/http; msgtype=response",
         "HTTP/1.1 304 Not Modified\r\nX: y\r\n\r\n", 35, NULL);
    warc(b, "metadata", "http://a.example/1", "application/warc-fields", "via: x\r\n", 8, NULL);
    warc(b, "resource", "file:///saved page.html", "text/html", PAGE, strlen(PAGE), NULL);
}

/* The archive b as gzip members: one per record (split at "WARC/1.1" lines). */
static void gzip_per_record(const px_buf *b, px_buf *out)
{
    const char *s = b->data, *end = b->data + b->len;
    while (s < end) {
        const char *next = s + 1;
        while (next < end && !(next[-1] == '\n' && !strncmp(next, "WARC/1.1\r\n", 10))) next++;
        deflated(out, s, (size_t)(next - s), 16 + MAX_WBITS);
        s = next;
    }
}

static void check_mixed(const got *g)
{
    assert_int_equal(g->errors, 0);
    assert_int_equal(g->pages, 2);
    assert_string_equal(g->urls[0], "http://a.example/1");
    assert_string_equal(g->dates[0], "2024-05-01T12:30:00Z"); /* fraction dropped */
    assert_string_equal(g->charsets[0], "UTF-8");
    assert_string_equal(g->bodies[0], PAGE);
    assert_string_equal(g->urls[1], "file:///saved%20page.html");
    assert_string_equal(g->bodies[1], PAGE);
    assert_int_equal(g->counts.records, 8);
    assert_int_equal(g->counts.pages, 2);
    assert_int_equal(g->counts.not_html, 1);
    assert_int_equal(g->counts.skipped, 5);
    assert_int_equal(g->counts.bad, 0);
}

static void plain_warc_pages_and_counts(void **state)
{
    (void)state;
    px_buf b = {0};
    mixed(&b);
    got g;
    read_all(b.data, b.len, "crawl.warc", PX_FORMAT_AUTO, &g);
    check_mixed(&g);
    /* the page's name is its record's byte offset */
    const char *at = strstr(b.data, "WARC/1.1\r\nWARC-Type: response");
    char want[64];
    snprintf(want, sizeof want, "crawl.warc@%zu", (size_t)(at - b.data));
    assert_string_equal(g.names[0], want);
    px_buf_free(&b);
}

static void gzip_member_per_record_and_whole_file(void **state)
{
    (void)state;
    px_buf b = {0}, per = {0}, whole = {0};
    mixed(&b);
    gzip_per_record(&b, &per);
    got g;
    read_all(per.data, per.len, "<stdin>", PX_FORMAT_AUTO, &g); /* told by its bytes */
    check_mixed(&g);
    /* the name is the gzip member's offset: inflating from there gives the record */
    long off = atol(strchr(g.names[0], '@') + 1);
    assert_true(off > 0 && (size_t)off < per.len);
    assert_int_equal((unsigned char)per.data[off], 0x1f);
    px_buf plain = {0};
    px_error err;
    assert_int_equal(px_gunzip(per.data + off, per.len - (size_t)off, "x", &plain, &err), PX_OK);
    assert_int_equal(strncmp(plain.data, "WARC/1.1\r\nWARC-Type: response", 29), 0);
    px_buf_free(&plain);

    deflated(&whole, b.data, b.len, 16 + MAX_WBITS);
    read_all(whole.data, whole.len, "all.warc.gz", PX_FORMAT_AUTO, &g);
    check_mixed(&g);
    px_buf_free(&b), px_buf_free(&per), px_buf_free(&whole);
}

static void lf_only_headers_and_warc_1_0(void **state)
{
    (void)state;
    px_buf b = {0};
    px_buf_printf(&b, "WARC/1.0\nWARC-Type: response\nWARC-Target-URI: <http://b.example/>\n"
                      "Content-Type: application/http;msgtype=response\nContent-Length: %zu\n\n"
                      "HTTP/1.0 200 OK\nContent-Type: TEXT/HTML\n\n%s\n\n",
                  strlen("HTTP/1.0 200 OK\nContent-Type: TEXT/HTML\n\n") + strlen(PAGE), PAGE);
    got g;
    read_all(b.data, b.len, "a.warc", PX_FORMAT_AUTO, &g);
    assert_int_equal(g.errors, 0);
    assert_int_equal(g.pages, 1);
    assert_string_equal(g.urls[0], "http://b.example/"); /* wget's brackets stripped */
    assert_string_equal(g.bodies[0], PAGE);
    px_buf_free(&b);
}

static void chunked_bodies(void **state)
{
    (void)state;
    const char *te = "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n";
    px_buf b = {0}, body = {0};
    /* well formed, with a chunk extension and a trailer */
    px_buf_printf(&body, "10;ext=1\r\n%.16s\r\n%zx\r\n%s\r\n0\r\nX-Trailer: 1\r\n\r\n", PAGE,
                  strlen(PAGE) - 16, &PAGE[16]);
    response(&b, "http://c.example/1", "200 OK", te, body.data, body.len);
    /* wrong sizes: taken raw */
    px_buf_reset(&body);
    px_buf_printf(&body, "5\r\n%s\r\n0\r\n\r\n", PAGE);
    response(&b, "http://c.example/2", "200 OK", te, body.data, body.len);
    /* already de-chunked by the writer: taken raw */
    response(&b, "http://c.example/3", "200 OK", te, PAGE, strlen(PAGE));
    /* endless: tiny chunks and no last chunk, bounded by the record */
    px_buf_reset(&body);
    px_buf_puts(&body, "6\r\n<html>\r\n");
    for (int i = 0; i < 200000; i++) px_buf_puts(&body, "1\r\na\r\n");
    response(&b, "http://c.example/4", "200 OK", te, body.data, body.len);
    got g;
    read_all(b.data, b.len, "c.warc", PX_FORMAT_AUTO, &g);
    assert_int_equal(g.errors, 0);
    assert_int_equal(g.pages, 4);
    assert_string_equal(g.bodies[0], PAGE);
    assert_int_equal(strncmp(g.bodies[1], "5\r\n<html>", 9), 0);
    assert_string_equal(g.bodies[2], PAGE);
    assert_int_equal(strncmp(g.bodies[3], "<html>aaaa", 10), 0);
    px_buf_free(&b), px_buf_free(&body);
}

static void content_encodings(void **state)
{
    (void)state;
    px_buf b = {0}, z = {0};
    deflated(&z, PAGE, strlen(PAGE), 16 + MAX_WBITS);
    response(&b, "http://d.example/gzip", "200 OK",
             "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", z.data, z.len);
    px_buf_reset(&z);
    deflated(&z, PAGE, strlen(PAGE), MAX_WBITS);
    response(&b, "http://d.example/zlib", "200 OK",
             "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", z.data, z.len);
    px_buf_reset(&z);
    deflated(&z, PAGE, strlen(PAGE), -MAX_WBITS);
    response(&b, "http://d.example/raw", "200 OK",
             "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", z.data, z.len);
    /* the writer inflated it but kept the header */
    response(&b, "http://d.example/kept", "200 OK",
             "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", PAGE, strlen(PAGE));
    response(&b, "http://d.example/br", "200 OK",
             "Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x1b\x03\x00", 3);
    response(&b, "http://d.example/last", "200 OK", "Content-Type: text/html\r\n", PAGE,
             strlen(PAGE));
    got g;
    read_all(b.data, b.len, "d.warc", PX_FORMAT_AUTO, &g);
    assert_int_equal(g.pages, 5);
    for (int i = 0; i < 5; i++) assert_string_equal(g.bodies[i], PAGE);
    assert_string_equal(g.urls[4], "http://d.example/last");
    assert_int_equal(g.errors, 1);
    assert_int_equal(g.codes[0], PX_EINPUT);
    assert_contains(g.messages[0], "d.warc: record at byte offset ");
    assert_contains(g.messages[0], "br-encoded");
    assert_int_equal(g.counts.bad, 1);
    px_buf_free(&b), px_buf_free(&z);
}

static void gzip_bomb_payload_is_refused(void **state)
{
    (void)state;
    size_t n = PX_ARCHIVE_MAX_RECORD + (1u << 20); /* 17 MiB of zeros: 17 KB compressed */
    char *zeros = calloc(1, n);
    px_buf b = {0}, z = {0};
    deflated(&z, zeros, n, 16 + MAX_WBITS);
    free(zeros);
    assert_true(z.len < 100000);
    response(&b, "http://e.example/bomb", "200 OK",
             "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", z.data, z.len);
    response(&b, "http://e.example/after", "200 OK", "Content-Type: text/html\r\n", PAGE,
             strlen(PAGE));
    got g;
    read_all(b.data, b.len, "e.warc", PX_FORMAT_AUTO, &g);
    assert_int_equal(g.errors, 1);
    assert_contains(g.messages[0], "e.warc: record at byte offset 0: ");
    assert_contains(g.messages[0], "decompresses to over 16 MiB");
    assert_int_equal(g.pages, 1);
    assert_string_equal(g.urls[0], "http://e.example/after");
    px_buf_free(&b), px_buf_free(&z);
}

static void record_over_the_cap_is_skipped(void **state)
{
    (void)state;
    px_buf b = {0};
    size_t n = PX_ARCHIVE_MAX_RECORD + 10;
    char *big = malloc(n);
    memset(big, 'x', n);
    memcpy(big, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", 45);
    warc(&b, "response", "http://f.example/big", "application/http; msgtype=response", big, n,
         NULL);
    free(big);
    response(&b, "http://f.example/after", "200 OK", "Content-Type: text/html\r\n", PAGE,
             strlen(PAGE));
    got g;
    read_all(b.data, b.len, "f.warc", PX_FORMAT_AUTO, &g);
    assert_int_equal(g.errors, 1);
    assert_int_equal(g.codes[0], PX_ETOOBIG);
    assert_contains(g.messages[0], "f.warc: record at byte offset 0: a record of 16777226 bytes");
    assert_int_equal(g.pages, 1);
    assert_string_equal(g.urls[0], "http://f.example/after");
    px_buf_free(&b);
}

static void truncated_record_at_the_end(void **state)
{
    (void)state;
    px_buf b = {0};
    response(&b, "http://g.example/1", "200 OK", "Content-Type: text/html\r\n", PAGE, strlen(PAGE));
    size_t second = b.len;
    response(&b, "http://g.example/2", "200 OK", "Content-Type: text/html\r\n", PAGE, strlen(PAGE));
    got g;
    read_all(b.data, b.len - 40, "g.warc", PX_FORMAT_AUTO, &g);
    assert_int_equal(g.pages, 1);
    assert_int_equal(g.errors, 1);
    char want[96];
    snprintf(want, sizeof want, "g.warc: record at byte offset %zu: truncated", second);
    assert_contains(g.messages[0], want);
    /* cut inside the header: also one error */
    read_all(b.data, second + 30, "g.warc", PX_FORMAT_AUTO, &g);
    assert_int_equal(g.pages, 1);
    assert_int_equal(g.errors, 1);
    assert_contains(g.messages[0], "ends inside the record's header");
    /* gzip, cut inside the second member */
    px_buf per = {0};
    gzip_per_record(&b, &per);
    read_all(per.data, per.len - 10, "g.warc.gz", PX_FORMAT_AUTO, &g);
    assert_int_equal(g.pages, 1);
    assert_int_equal(g.errors, 1);
    assert_contains(g.messages[0], "truncated");
    px_buf_free(&b), px_buf_free(&per);
}

static void wrong_content_length_and_garbage(void **state)
{
    (void)state;
    px_buf b = {0};
    response(&b, "http://h.example/1", "200 OK", "Content-Type: text/html\r\n", PAGE, strlen(PAGE));
    /* a Content-Length 20 bytes short */
    px_buf rec = {0};
    response(&rec, "http://h.example/2", "200 OK", "Content-Type: text/html\r\n", PAGE,
             strlen(PAGE));
    char *cl = strstr(rec.data, "Content-Length: ") + 16;
    long len = atol(cl);
    char num[32];
    int k = snprintf(num, sizeof num, "%ld", len - 20);
    assert_int_equal(k, (int)strspn(cl, "0123456789")); /* same width */
    memcpy(cl, num, (size_t)k);
    size_t short_at = b.len;
    px_buf_append(&b, rec.data, rec.len);
    response(&b, "http://h.example/3", "200 OK", "Content-Type: text/html\r\n", PAGE, strlen(PAGE));
    size_t garbage_at = b.len;
    px_buf_puts(&b, "this is not\r\na record at all\r\n\r\n");
    response(&b, "http://h.example/4", "200 OK", "Content-Type: text/html\r\n", PAGE, strlen(PAGE));
    px_buf_puts(&b, "\x01\x02 trailing junk");
    got g;
    read_all(b.data, b.len, "h.warc", PX_FORMAT_AUTO, &g);
    assert_int_equal(g.pages, 4); /* the short one is read as far as it says */
    assert_string_equal(g.urls[2], "http://h.example/3");
    assert_string_equal(g.urls[3], "http://h.example/4");
    assert_int_equal(g.errors, 3);
    char want[96];
    snprintf(want, sizeof want, "h.warc: record at byte offset %zu: the record does not end", short_at);
    assert_contains(g.messages[0], want);
    snprintf(want, sizeof want, "h.warc: record at byte offset %zu: not a WARC record", garbage_at);
    assert_contains(g.messages[1], want);
    assert_contains(g.messages[2], "not a WARC or ARC record");
    assert_int_equal(g.counts.bad, 3);
    px_buf_free(&b), px_buf_free(&rec);
}

static void corrupt_gzip_member_and_garbage_between_members(void **state)
{
    (void)state;
    px_buf b = {0}, per = {0};
    for (int i = 0; i < 4; i++) {
        char uri[64];
        snprintf(uri, sizeof uri, "http://i.example/%d", i);
        response(&b, uri, "200 OK", "Content-Type: text/html\r\n", PAGE, strlen(PAGE));
    }
    gzip_per_record(&b, &per);
    /* find the members: corrupt the second one's deflate data, put junk
     * before the fourth */
    size_t starts[4], n = 0;
    for (size_t i = 0; i + 2 < per.len && n < 4; i++)
        if ((unsigned char)per.data[i] == 0x1f && (unsigned char)per.data[i + 1] == 0x8b &&
            per.data[i + 2] == 8)
            starts[n++] = i;
    assert_int_equal(n, 4);
    px_buf hostile = {0};
    px_buf_append(&hostile, per.data, starts[3]);
    memset(hostile.data + starts[1] + 20, 0xFF, 12);
    px_buf_puts(&hostile, "JUNK BETWEEN MEMBERS");
    px_buf_append(&hostile, per.data + starts[3], per.len - starts[3]);
    got g;
    read_all(hostile.data, hostile.len, "i.warc.gz", PX_FORMAT_AUTO, &g);
    assert_int_equal(g.pages, 3);
    assert_string_equal(g.urls[0], "http://i.example/0");
    assert_string_equal(g.urls[1], "http://i.example/2");
    assert_string_equal(g.urls[2], "http://i.example/3");
    assert_int_equal(g.errors, 2);
    char want[96];
    snprintf(want, sizeof want, "i.warc.gz: record at byte offset %zu: corrupt gzip data", starts[1]);
    assert_contains(g.messages[0], want);
    assert_contains(g.messages[1], "not gzip data between gzip members");
    px_buf_free(&b), px_buf_free(&per), px_buf_free(&hostile);
}

static void arc_files(void **state)
{
    (void)state;
    px_buf b = {0}, h = {0};
    const char *desc = "1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n\n";
    px_buf_printf(&b, "filedesc://t.arc 0.0.0.0 20140216050221 text/plain %zu\n%s\n",
                  strlen(desc), desc);
    http(&h, "200 OK", "Content-Type: text/html; charset=iso-8859-1\r\n", PAGE, strlen(PAGE));
    px_buf_printf(&b, "http://j.example/a b.html 93.184.216.119 20140216050221 text/html %zu\n",
                  h.len);
    px_buf_append(&b, h.data, h.len);
    px_buf_puts(&b, "\n");
    px_buf_printf(&b, "dns:j.example 1.2.3.4 20140216050221 text/dns 7\n1.2.3.4\n");
    got g;
    read_all(b.data, b.len, "t.dat", PX_FORMAT_AUTO, &g); /* told by "filedesc://" */
    assert_int_equal(g.errors, 0);
    assert_int_equal(g.pages, 1);
    assert_string_equal(g.urls[0], "http://j.example/a%20b.html");
    assert_string_equal(g.dates[0], "2014-02-16T05:02:21Z");
    assert_string_equal(g.charsets[0], "iso-8859-1");
    assert_string_equal(g.bodies[0], PAGE);
    assert_int_equal(g.counts.records, 3);
    assert_int_equal(g.counts.not_html, 1);
    px_buf_free(&b), px_buf_free(&h);
}

static void other_inputs_are_not_archives(void **state)
{
    (void)state;
    /* text that starts like an archive's first bytes: read whole, nothing lost */
    const char *text = "Wildfire spreads\n\nFirefighters fought the blaze for a third day.\n";
    got g;
    FILE *f = fmemopen((void *)text, strlen(text), "rb");
    px_source *s;
    px_error err;
    assert_int_equal(px_source_open_stream(f, "<stdin>", PX_FORMAT_AUTO, &s, &err), PX_OK);
    px_document d;
    int done;
    assert_int_equal(px_source_next(s, &d, &done, &err), PX_OK);
    assert_int_equal(d.format, PX_FORMAT_TEXT);
    assert_int_equal(d.body_len, strlen(text));
    assert_int_equal(memcmp(d.body, text, d.body_len), 0);
    px_source_archive_counts(s, &g.counts);
    assert_int_equal(g.counts.records, 0);
    px_source_close(s);
    fclose(f);
    /* gzip HTML: inflated whole as before */
    px_buf z = {0};
    deflated(&z, PAGE, strlen(PAGE), 16 + MAX_WBITS);
    f = fmemopen(z.data, z.len, "rb");
    assert_int_equal(px_source_open_stream(f, "<stdin>", PX_FORMAT_AUTO, &s, &err), PX_OK);
    assert_int_equal(px_source_next(s, &d, &done, &err), PX_OK);
    assert_int_equal(d.format, PX_FORMAT_HTML);
    assert_int_equal(d.body_len, strlen(PAGE));
    px_source_close(s);
    fclose(f);
    px_buf_free(&z);
    /* an archive name with other bytes: each is reported, nothing read */
    const char *junk = "<html>not an archive</html>\n";
    read_all(junk, strlen(junk), "x.warc", PX_FORMAT_AUTO, &g);
    assert_int_equal(g.pages, 0);
    assert_int_equal(g.errors, 1);
    assert_contains(g.messages[0], "x.warc: record at byte offset 0: not a WARC record");
}

/* ---- through the public API ---------------------------------------------- */

static void articles_from_an_archive(void **state)
{
    (void)state;
    px_buf b = {0};
    /* windows-1251 declared only by HTTP: "Шторм" (storm) */
    const char *page = "<html><head><title>\xD8\xF2\xEE\xF0\xEC</title></head><body><article>"
                       "<p>\xD8\xF2\xEE\xF0\xEC \xEF\xF0\xEE\xF8\xB8\xEB \xED\xE0\xE4 "
                       "\xE3\xEE\xF0\xEE\xE4\xEE\xEC \xE2 \xEF\xFF\xF2\xED\xE8\xF6\xF3.</p>"
                       "</article></body></html>";
    response(&b, "http://k.example/news/1", "200 OK",
             "Content-Type: text/html; charset=\"windows-1251\"\r\n", page, strlen(page));
    FILE *f = fmemopen(b.data, b.len, "rb");
    px_reader *r;
    px_error err;
    assert_int_equal(px_reader_open_stream(ctx, f, "k.warc", PX_FORMAT_WARC, &r, &err), PX_OK);
    px_article *a;
    assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
    assert_non_null(a);
    assert_string_equal(px_article_title(a), "Шторм");
    assert_string_equal(px_article_url(a), "http://k.example/news/1");
    assert_string_equal(px_article_format(a), "warc");
    assert_string_equal(px_article_origin(a), "k.warc@0");
    assert_string_equal(px_article_date(a), "2024-05-01T12:30:00Z");
    assert_int_equal(px_article_date_source(a), PX_DATE_ARCHIVE);
    assert_string_equal(px_date_source_name(PX_DATE_ARCHIVE), "archive");
    px_article_free(a);
    assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
    assert_null(a);
    px_archive_counts n;
    assert_int_equal(px_reader_archive_counts(r, &n, &err), PX_OK);
    assert_int_equal(n.records, 1);
    assert_int_equal(n.pages, 1);
    assert_int_equal(px_reader_archive_counts(NULL, &n, &err), PX_EUSAGE);
    assert_int_equal(px_reader_archive_counts(r, NULL, &err), PX_EUSAGE);
    px_reader_close(r);
    fclose(f);
    px_buf_free(&b);
}

static void a_page_date_wins_over_the_archive(void **state)
{
    (void)state;
    px_buf b = {0};
    const char *page = "<html><head><meta property=\"article:published_time\" "
                       "content=\"2019-11-19T08:00:00Z\"><title>T</title></head><body><article>"
                       "<p>A storm hit the coast on Friday, officials said.</p></article></body></html>";
    response(&b, "http://l.example/1", "200 OK", "Content-Type: text/html\r\n", page, strlen(page));
    FILE *f = fmemopen(b.data, b.len, "rb");
    px_reader *r;
    px_error err;
    assert_int_equal(px_reader_open_stream(ctx, f, "l.warc", PX_FORMAT_AUTO, &r, &err), PX_OK);
    px_article *a;
    assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
    assert_non_null(a);
    assert_int_equal(px_article_date_source(a), PX_DATE_META);
    assert_contains(px_article_date(a), "2019-11-19");
    px_article_free(a);
    px_reader_close(r);
    fclose(f);
    px_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_warc_pages_and_counts),
        cmocka_unit_test(gzip_member_per_record_and_whole_file),
        cmocka_unit_test(lf_only_headers_and_warc_1_0),
        cmocka_unit_test(chunked_bodies),
        cmocka_unit_test(content_encodings),
        cmocka_unit_test(gzip_bomb_payload_is_refused),
        cmocka_unit_test(record_over_the_cap_is_skipped),
        cmocka_unit_test(truncated_record_at_the_end),
        cmocka_unit_test(wrong_content_length_and_garbage),
        cmocka_unit_test(corrupt_gzip_member_and_garbage_between_members),
        cmocka_unit_test(arc_files),
        cmocka_unit_test(other_inputs_are_not_archives),
        cmocka_unit_test(articles_from_an_archive),
        cmocka_unit_test(a_page_date_wins_over_the_archive),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
