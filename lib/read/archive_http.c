/*
 * archive_http.c — the page inside an archive record: px_archive_payload().
 *
 * A response record's block is the HTTP response as the crawler received
 * it: status line, headers, blank line, body.  The body may still carry
 * its transfer coding (chunked) and its content coding (gzip, deflate),
 * and writers differ on whether they undid them while keeping the headers
 * that announce them, so both are undone only when the bytes say so:
 *
 *  - chunked: decoded when the body parses as chunks; a body whose chunk
 *    sizes are wrong (or that was already de-chunked) is taken raw, as
 *    warcio does.  A last chunk cut short is kept as far as it goes.
 *  - gzip / x-gzip / deflate: inflated when the body starts like gzip
 *    (resp. zlib or raw deflate) data, capped at PX_ARCHIVE_MAX_RECORD so a
 *    small bomb cannot take memory; a body already inflated (it starts
 *    with markup) is taken as it is; br, zstd and compress are not
 *    supported by zlib and the record is reported.
 *
 * Only 2xx responses hold pages; redirects and errors are "no page".  The
 * media type decides HTML (text/html, application/xhtml+xml); with none,
 * or application/octet-stream, the body is sniffed for an HTML start as
 * browsers do.  The charset parameter is handed to extraction, which
 * weighs it like a declared <meta charset>.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/archive.h"

/* The length of the header part (up to and including the blank line) of
 * s[0..n), or 0 when there is no blank line in the first
 * PX_ARCHIVE_MAX_HEADER bytes. */
static size_t header_end(const char *s, size_t n)
{
    if (n > PX_ARCHIVE_MAX_HEADER) n = PX_ARCHIVE_MAX_HEADER;
    for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++) {
        size_t at = (size_t)(p - s) + 1;
        if (at < n && s[at] == '\n') return at + 1;
        if (at + 1 < n && s[at] == '\r' && s[at + 1] == '\n') return at + 2;
    }
    return 0;
}

int px_archive_header(const char *h, size_t n, const char *name, char *out, size_t cap)
{
    size_t len = strlen(name);
    const char *end = h + n;
    for (const char *line = h; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *stop = nl ? nl : end;
        if ((size_t)(stop - line) > len && line[len] == ':' && !strncasecmp(line, name, len)) {
            const char *v = line + len + 1;
            while (v < stop && (*v == ' ' || *v == '\t')) v++;
            const char *e = stop;
            while (e > v && isspace((unsigned char)e[-1])) e--;
            size_t m = (size_t)(e - v) < cap - 1 ? (size_t)(e - v) : cap - 1;
            memcpy(out, v, m);
            out[m] = '\0';
            return 1;
        }
        line = stop + 1;
    }
    return 0;
}

/* The media type of a Content-Type value, lower case, in out. */
static void media_type(const char *ct, char *out, size_t cap)
{
    size_t n = 0;
    while (*ct == ' ') ct++;
    for (; *ct && *ct != ';' && *ct != ' ' && n + 1 < cap; ct++)
        out[n++] = (char)tolower((unsigned char)*ct);
    out[n] = '\0';
}

static void charset_of(const char *ct, char *out, size_t cap)
{
    out[0] = '\0';
    for (const char *p = ct; (p = strchr(p, ';')) != NULL;) {
        p++;
        while (*p == ' ' || *p == '\t') p++;
        if (strncasecmp(p, "charset=", 8)) continue;
        p += 8;
        if (*p == '"' || *p == '\'') p++;
        size_t n = 0;
        while (p[n] && !strchr(";\"' \t", p[n]) && n + 1 < cap) n++;
        memcpy(out, p, n);
        out[n] = '\0';
        return;
    }
}

/* Decodes the chunked body s[0..n) into out; 0 when it is not chunks. */
static int dechunk(const char *s, size_t n, px_buf *out)
{
    size_t i = 0;
    int chunks = 0;
    while (i < n) {
        size_t size = 0, digits = 0;
        for (; i < n && isxdigit((unsigned char)s[i]); i++, digits++) {
            if (digits == 8) return 0; /* no chunk of a capped record is that big */
            int c = tolower((unsigned char)s[i]);
            size = size * 16 + (size_t)(c <= '9' ? c - '0' : c - 'a' + 10);
        }
        if (!digits) return 0;
        const char *nl = memchr(s + i, '\n', n - i); /* past any chunk extension */
        if (!nl) return chunks > 0;
        i = (size_t)(nl - s) + 1;
        chunks++;
        if (size == 0) return 1; /* the last chunk; trailers do not matter */
        if (size > n - i) { /* cut short: keep what there is */
            px_buf_append(out, s + i, n - i);
            return 1;
        }
        px_buf_append(out, s + i, size);
        i += size;
        if (i < n && s[i] == '\r') i++;
        if (i < n && s[i] != '\n') return 0; /* the size was wrong */
        i++;
    }
    return 1;
}

/* Inflates s[0..n) (windowBits as zlib's inflateInit2) into out, at most
 * PX_ARCHIVE_MAX_RECORD bytes.  0: ok (a cut-short stream keeps what it
 * gave), 1: not this kind of data, 2: over the cap. */
static int inflate_body(const char *s, size_t n, int window_bits, px_buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, window_bits) != Z_OK) return 1;
    z.next_in = (Bytef *)(uintptr_t)s;
    z.avail_in = (uInt)n;
    char chunk[65536];
    int rc = 0;
    for (;;) {
        z.next_out = (Bytef *)chunk;
        z.avail_out = sizeof chunk;
        int zr = inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof chunk - z.avail_out;
        if (out->len + got > PX_ARCHIVE_MAX_RECORD) {
            rc = 2;
            break;
        }
        px_buf_append(out, chunk, got);
        if (zr == Z_STREAM_END) break;
        if (zr == Z_BUF_ERROR && z.avail_in == 0) break; /* cut short */
        if (zr != Z_OK) {
            rc = out->len ? 0 : 1;
            break;
        }
    }
    inflateEnd(&z);
    return rc;
}

static int starts_with_markup(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i])) i++;
    if (n - i >= 3 && !memcmp(s + i, "\xEF\xBB\xBF", 3)) i += 3;
    return i < n && s[i] == '<';
}

static int sniff_html(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i])) i++;
    if (n - i >= 3 && !memcmp(s + i, "\xEF\xBB\xBF", 3)) i += 3;
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body", "<title",
                                         "<!--", "<meta", "<div", "<p>", "<h1", "<script"};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        size_t m = strlen(starts[k]);
        if (n - i >= m && !strncasecmp(s + i, starts[k], m)) return 1;
    }
    return 0;
}

static void set(px_payload *out, px_payload_kind kind, const char *why)
{
    out->kind = kind;
    snprintf(out->why, sizeof out->why, "%s", why);
}

/* Undoes the content coding named coding of out->body. */
static void decode(const char *coding, px_buf *decoded, px_payload *out)
{
    char c[32];
    media_type(coding, c, sizeof c);
    if (!*c || !strcmp(c, "identity")) return;
    const unsigned char *b = (const unsigned char *)out->body;
    int rc;
    if (!strcmp(c, "gzip") || !strcmp(c, "x-gzip")) {
        if (!px_astream_is_gzip(b, out->len)) rc = 1;
        else rc = inflate_body(out->body, out->len, 16 + MAX_WBITS, decoded);
    } else if (!strcmp(c, "deflate")) {
        rc = inflate_body(out->body, out->len, MAX_WBITS, decoded);
        if (rc == 1) {
            px_buf_reset(decoded);
            rc = inflate_body(out->body, out->len, -MAX_WBITS, decoded);
        }
    } else {
        out->kind = PX_PAYLOAD_BAD;
        snprintf(out->why, sizeof out->why, "the body is %.20s-encoded, which parallax cannot decode", c);
        return;
    }
    if (rc == 2) {
        snprintf(out->why, sizeof out->why,
                 "the %s body decompresses to over %u MiB, the limit for one record", c,
                 PX_ARCHIVE_MAX_RECORD >> 20);
        out->kind = PX_PAYLOAD_BAD;
    } else if (rc == 1 && !starts_with_markup(out->body, out->len)) {
        snprintf(out->why, sizeof out->why, "the body says %s but is not %s data", c, c);
        out->kind = PX_PAYLOAD_BAD;
    } else if (rc == 0) {
        out->body = px_buf_str(decoded);
        out->len = decoded->len;
    }
}

void px_archive_payload(const char *block, size_t len, int http, const char *content_type,
                        px_buf *dechunked, px_buf *decoded, px_payload *out)
{
    memset(out, 0, sizeof *out);
    px_buf_reset(dechunked);
    px_buf_reset(decoded);
    char ct[256] = "", te[64] = "", ce[64] = "";
    out->body = block;
    out->len = len;
    if (content_type) snprintf(ct, sizeof ct, "%s", content_type);
    if (http) {
        if (len < 12 || strncmp(block, "HTTP/", 5)) {
            set(out, PX_PAYLOAD_BAD, "the record holds no HTTP status line");
            return;
        }
        const char *sp = memchr(block, ' ', len < 16 ? len : 16);
        int status = 0;
        if (sp && (size_t)(sp - block) + 4 <= len && isdigit((unsigned char)sp[1]) &&
            isdigit((unsigned char)sp[2]) && isdigit((unsigned char)sp[3]))
            status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
        if (!status) {
            set(out, PX_PAYLOAD_BAD, "the HTTP status line has no status code");
            return;
        }
        size_t hl = header_end(block, len);
        if (!hl && len > PX_ARCHIVE_MAX_HEADER) {
            set(out, PX_PAYLOAD_BAD, "the HTTP header has no end");
            return;
        }
        if (!hl) hl = len; /* headers only */
        ct[0] = '\0';
        px_archive_header(block, hl, "Content-Type", ct, sizeof ct);
        px_archive_header(block, hl, "Transfer-Encoding", te, sizeof te);
        px_archive_header(block, hl, "Content-Encoding", ce, sizeof ce);
        out->body = block + hl;
        out->len = len - hl;
        if (status < 200 || status > 299) {
            out->kind = PX_PAYLOAD_NONE;
            snprintf(out->why, sizeof out->why, "HTTP status %d", status);
            return;
        }
    }
    if (out->len == 0) {
        set(out, PX_PAYLOAD_NONE, "no payload");
        return;
    }
    for (char *p = te; *p; p++) *p = (char)tolower((unsigned char)*p);
    if (strstr(te, "chunked") && dechunk(out->body, out->len, dechunked)) {
        out->body = px_buf_str(dechunked);
        out->len = dechunked->len;
    }
    decode(ce, decoded, out);
    if (out->kind == PX_PAYLOAD_BAD) return;
    char mime[128];
    media_type(ct, mime, sizeof mime);
    charset_of(ct, out->charset, sizeof out->charset);
    int html = !strcmp(mime, "text/html") || !strcmp(mime, "application/xhtml+xml");
    if (!html && (!*mime || !strcmp(mime, "application/octet-stream") ||
                  !strcmp(mime, "unknown/unknown")))
        html = sniff_html(out->body, out->len);
    if (!html) {
        out->kind = PX_PAYLOAD_NOT_HTML;
        snprintf(out->why, sizeof out->why, "media type %s", *mime ? mime : "unknown");
        return;
    }
    if (out->len == 0) set(out, PX_PAYLOAD_NONE, "no payload");
}
