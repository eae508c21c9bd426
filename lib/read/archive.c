/*
 * archive.c — WARC and ARC records to documents: px_archive_next().
 *
 * A WARC record (1.0 and 1.1 alike) is a version line ("WARC/1.0"), header
 * lines up to a blank line, a block of exactly Content-Length bytes and a
 * blank-line trailer.  An ARC v1 record is one header line
 * "URL IP-ADDRESS DATE CONTENT-TYPE LENGTH", a block of LENGTH bytes and a
 * newline; the file starts with a "filedesc://" record (the URL may hold
 * spaces, so the line is read from its right end).
 *
 * Pages are in response, resource and revisit records (a revisit usually
 * holds only headers, and is then "no page"); warcinfo, request, metadata,
 * conversion and continuation records are skipped unread.  The payload is
 * decoded by archive_http.c; a page goes out as an HTML document named
 * "FILE@OFFSET", its URL the record's WARC-Target-URI (angle brackets, as
 * wget wrote them, stripped; spaces and other bytes a URI cannot hold
 * percent-encoded), its fallback date the WARC-Date (or ARC date), its
 * charset the HTTP one.  Everything else is counted (px_archive_counts).
 *
 * Damage is reported once per record, naming the file and the record's
 * byte offset (the gzip member's offset in the file, or the byte in the
 * inflated data when the record does not start a member), and reading goes
 * on: corrupt gzip data resumes at the next gzip member; a record header
 * that cannot be parsed, or bytes that are not a record, resume at the
 * next line that starts a record ("WARC/", or a valid ARC header line).  A
 * truncated record ends the file.  A record whose trailer is missing is
 * still read; the bytes after it, unless they start a record, are then
 * reported as the record's: its Content-Length is wrong.
 */
#include <assert.h>
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/archive.h"

struct px_archive {
    px_astream as;
    char *name;
    int arc;             /* the records seen are ARC */
    px_buf head;         /* the current record's header */
    px_buf block;        /* its block, when kept */
    px_buf dechunked, decoded;
    px_buf doc_name, uri;
    char date[64];
    char charset[48];
    uint64_t misframed;  /* 1 + offset of a record whose trailer was missing */
    int misframed_inflated;
    px_archive_counts counts;
};

static const char warc_magic[] = "WARC/";

int px_archive_magic(const char *p, size_t n)
{
    return (n >= 7 && (!memcmp(p, "WARC/1.", 7) || !memcmp(p, "WARC/0.", 7))) ||
           (n >= 11 && !memcmp(p, "filedesc://", 11));
}

px_archive *px_archive_open(FILE *f, const char *name, const unsigned char *prefix, size_t n)
{
    px_archive *ar = px_xcalloc(1, sizeof *ar);
    px_astream_open(&ar->as, f, prefix, n);
    ar->name = px_xstrdup(name);
    return ar;
}

void px_archive_close(px_archive *ar)
{
    if (!ar) return;
    px_astream_close(&ar->as);
    px_buf *bufs[] = {&ar->head, &ar->block, &ar->dechunked, &ar->decoded, &ar->doc_name, &ar->uri};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++) px_buf_free(bufs[i]);
    free(ar->name);
    free(ar);
}

void px_archive_counts_of(const px_archive *ar, px_archive_counts *out)
{
    *out = ar->counts;
}

/* ---- messages ------------------------------------------------------------ */

typedef struct where {
    uint64_t off;
    int inflated;
} where;

static px_status bad(px_archive *ar, px_status code, where at, px_error *err, const char *fmt,
                     const char *what)
{
    ar->counts.bad++;
    char msg[400];
    snprintf(msg, sizeof msg, fmt, what);
    return px_error_set(err, code, ar->name, 0, 0, "record at %sbyte offset %" PRIu64 ": %s",
                        at.inflated ? "inflated " : "", at.off, msg);
}

/* ---- reading the stream ------------------------------------------------- */

/* Skips the CR and LF bytes between records. */
static void skip_blank(px_archive *ar)
{
    for (;;) {
        size_t n = px_astream_fill(&ar->as, 1);
        if (!n) return;
        const unsigned char *p = ar->as.buf + ar->as.pos;
        size_t i = 0;
        while (i < n && (p[i] == '\r' || p[i] == '\n')) i++;
        px_astream_consume(&ar->as, i);
        if (i < n) return;
    }
}

/* Moves n bytes from the stream into out (NULL: drops them); returns how
 * many there were. */
static uint64_t take(px_archive *ar, uint64_t n, px_buf *out)
{
    uint64_t done = 0;
    while (done < n) {
        size_t want = n - done < PX_ARCHIVE_BUFFER ? (size_t)(n - done) : PX_ARCHIVE_BUFFER;
        size_t got = px_astream_fill(&ar->as, want);
        if (!got) break;
        if (got > want) got = want;
        if (out) px_buf_append(out, (const char *)ar->as.buf + ar->as.pos, got);
        px_astream_consume(&ar->as, got);
        done += got;
    }
    return done;
}

/* The length of the header at the stream's position: through the first
 * blank line (WARC) or the first line (ARC); 0 when there is none within
 * PX_ARCHIVE_MAX_HEADER bytes or before the end. */
static size_t find_header(px_archive *ar, int one_line)
{
    size_t want = 4096, searched = 0;
    for (;;) {
        size_t n = px_astream_fill(&ar->as, want);
        const char *p = (const char *)ar->as.buf + ar->as.pos;
        for (size_t i = searched; i < n; i++) {
            if (p[i] != '\n') continue;
            if (one_line) return i + 1;
            if (i + 1 < n && p[i + 1] == '\n') return i + 2;
            if (i + 2 < n && p[i + 1] == '\r' && p[i + 2] == '\n') return i + 3;
        }
        searched = n > 2 ? n - 2 : 0;
        if (n < want || want == PX_ARCHIVE_MAX_HEADER) return 0;
        want = want * 4 > PX_ARCHIVE_MAX_HEADER ? PX_ARCHIVE_MAX_HEADER : want * 4;
    }
}

/* ARC header line fields. */
typedef struct arc_line {
    const char *url, *date, *type;
    size_t url_len, date_len, type_len;
    uint64_t length;
} arc_line;

/* The space-separated field ending at s[end) (exclusive), from the right. */
static size_t field_before(const char *s, size_t end, size_t *start)
{
    size_t e = end;
    while (e > 0 && s[e - 1] == ' ') e--;
    size_t b = e;
    while (b > 0 && s[b - 1] != ' ') b--;
    *start = b;
    return e - b;
}

static int all_digits(const char *s, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

/* Parses an ARC v1 header line s[0..n) (no newline); 1 when it is one. */
static int parse_arc_line(const char *s, size_t n, arc_line *out)
{
    while (n && (s[n - 1] == '\r' || s[n - 1] == ' ')) n--;
    size_t b, len = field_before(s, n, &b);
    if (!all_digits(s + b, len) || len > 12) return 0;
    out->length = strtoull(s + b, NULL, 10);
    out->type_len = field_before(s, b, &b);
    out->type = s + b;
    if (!out->type_len) return 0;
    out->date_len = field_before(s, b, &b);
    out->date = s + b;
    if (!all_digits(out->date, out->date_len) || out->date_len < 8 || out->date_len > 18) return 0;
    size_t ip_len = field_before(s, b, &b);
    if (!ip_len || !b) return 0;
    out->url = s;
    out->url_len = b;
    while (out->url_len && s[out->url_len - 1] == ' ') out->url_len--;
    return out->url_len > 3 && memchr(s, ':', out->url_len) != NULL &&
           !memchr(s, '\t', out->url_len) && !isspace((unsigned char)s[0]);
}

/* At a line start in the stream: 1 when the line starts a record. */
static int record_starts(px_archive *ar, const char *p, size_t n)
{
    if (n >= 5 && !memcmp(p, warc_magic, 5)) return 1;
    if (!ar->arc) return 0;
    const char *nl = memchr(p, '\n', n);
    arc_line l;
    return nl && parse_arc_line(p, (size_t)(nl - p), &l);
}

/* Skips to the next line that starts a record (or the end of the data);
 * at_line_start: the stream's position may be one (it is then tried). */
static void resync(px_archive *ar, int line_start)
{
    for (;;) {
        size_t n = px_astream_fill(&ar->as, 8192);
        if (n == 0) return;
        const char *p = (const char *)ar->as.buf + ar->as.pos;
        size_t i = 0;
        for (;;) {
            if (line_start && record_starts(ar, p + i, n - i)) {
                px_astream_consume(&ar->as, i);
                return;
            }
            const char *nl = memchr(p + i, '\n', n - i);
            if (!nl) break;
            i = (size_t)(nl - p) + 1;
            line_start = 1;
            if (n - i < 4096 && !ar->as.eof) break; /* refill: the line may be cut */
        }
        if (i == 0) { /* no newline in the buffer's worth: drop it */
            i = n;
            line_start = 0;
        }
        px_astream_consume(&ar->as, i);
        if (ar->as.bad) return;
    }
}

/* ---- fields -------------------------------------------------------------- */

/* The URI as a document URL: <brackets> stripped, bytes a URI cannot hold
 * percent-encoded. */
static void set_uri(px_archive *ar, const char *s, size_t n)
{
    px_buf_reset(&ar->uri);
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    if (n >= 2 && s[0] == '<' && s[n - 1] == '>') s++, n -= 2;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ' || c >= 0x7F || c == '"' || c == '<' || c == '>')
            px_buf_printf(&ar->uri, "%%%02X", c);
        else
            px_buf_putc(&ar->uri, (char)c);
    }
}

/* An ISO 8601 date from a WARC-Date ("2017-03-06T04:02:06Z", fractions of a
 * second dropped) or an ARC date ("20140216050221"); "" when unreadable. */
static void set_date(px_archive *ar, const char *s, size_t n)
{
    char *d = ar->date;
    d[0] = '\0';
    int y, mo, da, h = -1, mi = 0, se = 0;
    if (n >= 10 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2) && s[7] == '-' &&
        all_digits(s + 8, 2)) {
        y = atoi(s), mo = atoi(s + 5), da = atoi(s + 8);
        if (n >= 19 && s[10] == 'T' && all_digits(s + 11, 2) && s[13] == ':' &&
            all_digits(s + 14, 2) && s[16] == ':' && all_digits(s + 17, 2))
            h = atoi(s + 11), mi = atoi(s + 14), se = atoi(s + 17);
    } else if (n >= 8 && all_digits(s, n < 14 ? n : 14)) {
        char t[5] = {0};
        memcpy(t, s, 4), y = atoi(t);
        memcpy(t, s + 4, 2), t[2] = 0, mo = atoi(t);
        memcpy(t, s + 6, 2), da = atoi(t);
        if (n >= 14) {
            memcpy(t, s + 8, 2), h = atoi(t);
            memcpy(t, s + 10, 2), mi = atoi(t);
            memcpy(t, s + 12, 2), se = atoi(t);
        }
    } else {
        return;
    }
    if (y < 1990 || y > 2200 || mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59 ||
        se > 60)
        return;
    if (h < 0) snprintf(d, sizeof ar->date, "%04d-%02d-%02d", y, mo, da);
    else snprintf(d, sizeof ar->date, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, da, h, mi, se);
}

/* ---- records ------------------------------------------------------------- */

typedef struct record {
    where at;
    char type[32];        /* WARC-Type, lower case; "response"/"resource" for ARC */
    int http;             /* the block is an HTTP response */
    char content_type[256];
    uint64_t length;
} record;

/* Parses the WARC header in ar->head into r; NULL, or what is wrong. */
static const char *parse_warc_head(px_archive *ar, record *r)
{
    const char *h = ar->head.data;
    size_t n = ar->head.len;
    char v[8192];
    if (!px_archive_header(h, n, "Content-Length", v, sizeof v)) return "no Content-Length";
    if (!all_digits(v, strlen(v)) || strlen(v) > 15) return "the Content-Length is not a number";
    r->length = strtoull(v, NULL, 10);
    px_archive_header(h, n, "WARC-Type", v, sizeof v);
    snprintf(r->type, sizeof r->type, "%s", v);
    for (char *p = r->type; *p; p++) *p = (char)tolower((unsigned char)*p);
    r->content_type[0] = '\0';
    px_archive_header(h, n, "Content-Type", r->content_type, sizeof r->content_type);
    char lower[64];
    size_t k = 0;
    for (; r->content_type[k] && k + 1 < sizeof lower; k++)
        lower[k] = (char)tolower((unsigned char)r->content_type[k]);
    lower[k] = '\0';
    r->http = strstr(lower, "application/http") != NULL;
    px_buf_reset(&ar->uri);
    if (px_archive_header(h, n, "WARC-Target-URI", v, sizeof v)) set_uri(ar, v, strlen(v));
    ar->date[0] = '\0';
    if (px_archive_header(h, n, "WARC-Date", v, sizeof v)) set_date(ar, v, strlen(v));
    return NULL;
}

static const char *parse_arc_head(px_archive *ar, record *r)
{
    arc_line l;
    if (!parse_arc_line(ar->head.data, ar->head.len - 1, &l)) return "not an ARC header line";
    r->length = l.length;
    int filedesc = l.url_len >= 9 && !strncasecmp(l.url, "filedesc:", 9);
    snprintf(r->type, sizeof r->type, "%s", filedesc ? "warcinfo" : "response");
    snprintf(r->content_type, sizeof r->content_type, "%.*s",
             (int)(l.type_len < 255 ? l.type_len : 255), l.type);
    r->http = (l.url_len > 5 && !strncasecmp(l.url, "http:", 5)) ||
              (l.url_len > 6 && !strncasecmp(l.url, "https:", 6));
    set_uri(ar, l.url, l.url_len);
    set_date(ar, l.date, l.date_len);
    return NULL;
}

static int holds_page(const char *type)
{
    return !strcmp(type, "response") || !strcmp(type, "resource") || !strcmp(type, "revisit");
}

/* After the block: the trailer's CR and LF bytes; notes a missing one (the
 * next record is then reported as misframed, if it does not parse). */
static void end_record(px_archive *ar, const record *r)
{
    size_t n = px_astream_fill(&ar->as, 4);
    const unsigned char *p = ar->as.buf + ar->as.pos;
    size_t i = 0;
    while (i < n && i < 4 && (p[i] == '\r' || p[i] == '\n')) i++;
    px_astream_consume(&ar->as, i);
    n = px_astream_fill(&ar->as, 5);
    p = ar->as.buf + ar->as.pos;
    int next_warc = n >= 5 && !memcmp(p, warc_magic, 5);
    /* a whole trailer then no record: garbage between records, reported
     * as such by the next call */
    if (n == 0 || next_warc || (ar->arc && i > 0) || (!ar->arc && i >= 2)) return;
    ar->misframed = 1 + r->at.off;
    ar->misframed_inflated = r->at.inflated;
}

/* Turns the kept block of r into a document; 0 when it holds no page
 * (counted), 1 for a page, or an error. */
static px_status page_of(px_archive *ar, const record *r, px_document *doc, int *page,
                         px_error *err)
{
    *page = 0;
    px_payload pl;
    px_archive_payload(ar->block.data ? ar->block.data : "", ar->block.len, r->http,
                       r->content_type, &ar->dechunked, &ar->decoded, &pl);
    switch (pl.kind) {
    case PX_PAYLOAD_NOT_HTML: ar->counts.not_html++; return PX_OK;
    case PX_PAYLOAD_NONE: ar->counts.skipped++; return PX_OK;
    case PX_PAYLOAD_BAD: return bad(ar, PX_EINPUT, r->at, err, "%s", pl.why);
    case PX_PAYLOAD_HTML: break;
    }
    px_buf_reset(&ar->doc_name);
    px_buf_printf(&ar->doc_name, "%s@%" PRIu64, ar->name, r->at.off);
    px_status rc = px_check_bytes(pl.body, pl.len, 0, px_buf_str(&ar->doc_name), err);
    if (rc) {
        ar->counts.bad++;
        return rc;
    }
    snprintf(ar->charset, sizeof ar->charset, "%s", pl.charset);
    doc->name = px_buf_str(&ar->doc_name);
    doc->format = PX_FORMAT_HTML;
    doc->archive = ar->arc ? "arc" : "warc";
    doc->body = doc->source = pl.body;
    doc->body_len = doc->source_len = pl.len;
    doc->url = ar->uri.len ? px_buf_str(&ar->uri) : NULL;
    doc->fallback_date = ar->date[0] ? ar->date : NULL;
    doc->charset = ar->charset[0] ? ar->charset : NULL;
    ar->counts.pages++;
    *page = 1;
    return PX_OK;
}

/* Reads one record; *page = 1 when doc was filled. */
static px_status next_record(px_archive *ar, px_document *doc, int *page, int *done,
                             px_error *err)
{
    *page = 0;
    skip_blank(ar);
    record r;
    memset(&r, 0, sizeof r);
    r.at.off = px_astream_where(&ar->as, &r.at.inflated);
    if (ar->as.bad) {
        where at = {ar->as.bad_off, 0};
        ar->counts.records++;
        px_status rc = bad(ar, PX_EINPUT, at, err, "%s", ar->as.why);
        px_astream_resync(&ar->as); /* on a member start: a record start */
        return rc;
    }
    size_t n = px_astream_fill(&ar->as, 8);
    if (n == 0) {
        if (ferror(ar->as.f))
            return px_error_set(err, PX_EIO, ar->name, 0, 0, "read error");
        *done = 1;
        return PX_OK;
    }
    ar->counts.records++;
    const char *p = (const char *)ar->as.buf + ar->as.pos;
    int warc = n >= 5 && !memcmp(p, warc_magic, 5);
    if (!warc && n >= 9 && !memcmp(p, "filedesc:", 9)) ar->arc = 1; /* even when damaged */
    size_t hl = find_header(ar, !warc);
    const char *why = NULL;
    if (!hl) {
        why = ar->as.bad || ar->as.eof ? "the file ends inside the record's header"
                                       : "the record's header is too long or has no end";
    } else {
        px_buf_reset(&ar->head);
        px_buf_append(&ar->head, (const char *)ar->as.buf + ar->as.pos, hl);
        why = warc ? parse_warc_head(ar, &r) : parse_arc_head(ar, &r);
        if (!warc && !why) ar->arc = 1;
    }
    if (why && ar->misframed) { /* bytes after a record whose length was wrong */
        where at = {ar->misframed - 1, ar->misframed_inflated};
        ar->misframed = 0;
        if (hl) px_astream_consume(&ar->as, hl);
        resync(ar, hl > 0);
        return bad(ar, PX_EINPUT, at, err,
                   "%s (its Content-Length is wrong, or garbage follows it)",
                   "the record does not end where its length says");
    }
    if (why) {
        if (!warc && !ar->arc && !hl) why = "not a WARC or ARC record";
        else if (!warc && !ar->arc) why = "not a WARC record (no \"WARC/1.x\" line) nor an ARC one";
        if (hl) px_astream_consume(&ar->as, hl);
        resync(ar, hl > 0);
        return bad(ar, PX_EINPUT, r.at, err, "%s", why);
    }
    ar->misframed = 0;
    px_astream_consume(&ar->as, hl);
    int keep = holds_page(r.type);
    if (keep && r.length > PX_ARCHIVE_MAX_RECORD) {
        char what[96];
        snprintf(what, sizeof what, "%" PRIu64 " bytes", r.length);
        uint64_t got = take(ar, r.length, NULL);
        if (got == r.length) end_record(ar, &r);
        return bad(ar, PX_ETOOBIG, r.at, err,
                   "a record of %s, over the 16 MiB limit for one record; skipped", what);
    }
    px_buf_reset(&ar->block);
    uint64_t got = take(ar, r.length, keep ? &ar->block : NULL);
    if (got < r.length) {
        char what[160];
        snprintf(what, sizeof what, "%" PRIu64 " bytes of its %" PRIu64, got, r.length);
        if (ar->as.bad) { /* corrupt gzip data: it is the message */
            px_status rc = bad(ar, PX_EINPUT, r.at, err, "%s", ar->as.why);
            px_astream_resync(&ar->as);
            return rc;
        }
        return bad(ar, PX_EINPUT, r.at, err, "truncated: the file ends after %s", what);
    }
    end_record(ar, &r);
    if (!keep) {
        ar->counts.skipped++;
        return PX_OK;
    }
    return page_of(ar, &r, doc, page, err);
}

px_status px_archive_next(px_archive *ar, px_document *doc, int *done, px_error *err)
{
    assert(ar && doc && done);
    *done = 0;
    for (;;) {
        int page;
        px_status rc = next_record(ar, doc, &page, done, err);
        if (rc || *done || page) return rc;
    }
}
