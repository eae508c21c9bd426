/*
 * response.c — a fetched response to what it holds: a page to an article
 * (px_article_from_response()), a feed to a px_feed (px_feed_from_response()).
 *
 * The HTTP Content-Type decides the format (text/plain is text, anything
 * else is read as HTML: servers label pages loosely) and its charset
 * outranks the page's own declaration, as in browsers.  The HTML
 * extractor already decides encodings (a BOM first, then valid UTF-8,
 * then the first declaration it finds), so the header's charset is given
 * to it as a <meta charset> put before the page.  A text/plain body must
 * be UTF-8 (px_article_parse() refuses anything else).
 */
#define _DEFAULT_SOURCE /* strncasecmp */
#include <string.h>
#include <strings.h>

#include "article/article.h"
#include "base/base.h"
#include "extract/extract.h"
#include "read/read.h"

/* The charset parameter of a Content-Type into out; 0 when none. */
static int charset_of(const char *ct, char *out, size_t cap)
{
    const char *p = ct;
    while ((p = strchr(p, ';'))) {
        p++;
        while (*p == ' ' || *p == '\t') p++;
        if (strncasecmp(p, "charset=", 8) != 0) continue;
        p += 8;
        if (*p == '"' || *p == '\'') p++;
        size_t n = 0;
        while (p[n] && n + 1 < cap && (p[n] == '-' || p[n] == '_' || p[n] == '.' || p[n] == ':' ||
                                       (p[n] >= '0' && p[n] <= '9') || ((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z')))
            n++;
        memcpy(out, p, n);
        out[n] = '\0';
        return n > 0;
    }
    return 0;
}

px_status px_article_from_response(px_context *ctx, const char *body, size_t len,
                                   const char *content_type, const char *url,
                                   px_article **out, px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, "px_article_from_response", 0, 0, "out is NULL");
    *out = NULL;
    if (!ctx || !url || (!body && len))
        return px_error_set(err, PX_EUSAGE, "px_article_from_response", 0, 0, "NULL argument");
    int text = content_type && strncasecmp(content_type, "text/plain", 10) == 0;
    char cs[64];
    px_buf page = {0};
    int bom = len >= 2 && ((unsigned char)body[0] == 0xEF || (unsigned char)body[0] == 0xFE ||
                           (unsigned char)body[0] == 0xFF);
    if (!text && content_type && charset_of(content_type, cs, sizeof cs) && !bom) {
        px_buf_printf(&page, "<meta charset=\"%s\">", cs);
        px_buf_append(&page, body, len);
        body = page.data;
        len = page.len;
    }
    px_status rc;
    if (len > PX_MAX_DOCUMENT)
        rc = px_error_set(err, PX_ETOOBIG, url, 0, 0, "page is %zu bytes; one article may be at most %u MiB",
                          len, PX_MAX_DOCUMENT >> 20);
    else if (len == 0)
        rc = px_error_set(err, PX_EEMPTY, url, 0, 0, "empty page");
    else {
        /* The address it was fetched from is its URL, given as a JSON
         * line's "url" is: the outlet (its registrable domain) and a date
         * in the path come from it, and a <link rel=canonical> does not
         * replace it. */
        px_document doc = {.name = url, .format = text ? PX_FORMAT_TEXT : PX_FORMAT_HTML,
                           .body = body, .body_len = len, .source = body, .source_len = len,
                           .url = url};
        rc = px_extract_document(ctx, &doc, out, err);
    }
    px_buf_free(&page);
    return rc;
}

px_status px_feed_from_response(const px_fetch_result *r, px_feed **out, px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, "px_feed_from_response", 0, 0, "out is NULL");
    *out = NULL;
    if (!r || r->code || !r->body)
        return px_error_set(err, PX_EUSAGE, "px_feed_from_response", 0, 0,
                            "no body (a failed or not-modified response)");
    const char *url = r->final_url ? r->final_url : r->url;
    px_feed_parser *p = NULL;
    /* http 1 even without a Content-Type: the XML declaration decides,
     * else ISO-8859-1 (RFC 2616's default for a body of no stated type),
     * as feedparser reads it. */
    px_status rc = px_feed_parser_new(url, 1, r->content_type, &p, err);
    if (!rc && r->content_location)
        rc = px_feed_parser_header(p, "Content-Location", r->content_location, err);
    if (!rc && r->content_language)
        rc = px_feed_parser_header(p, "Content-Language", r->content_language, err);
    if (!rc) rc = px_feed_parser_push(p, r->body, r->len, err);
    if (!rc) rc = px_feed_parser_finish(p, out, err);
    px_feed_parser_free(p);
    return rc;
}
