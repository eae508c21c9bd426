/*
 * extract.c — the public entry points that turn input into articles:
 * px_article_parse() for bytes in memory, px_reader_*() for files and
 * standard input.
 *
 * Every document takes the same road, whatever its format:
 *   fields given with the input (JSON Lines) -> the format's extractor
 *   -> px_clean() -> px_article_finish()
 * so a text file, an HTML page and a JSON record are cleaned alike.
 */
#include <string.h>

#include "extract/extract.h"
#include "read/read.h"

struct px_reader {
    px_context *ctx;
    px_source *source;
};

static void take_given_fields(px_article *a, const px_document *doc)
{
    a->origin = px_arena_strdup(&a->arena, doc->name);
    a->id = doc->id ? px_article_str(a, doc->id, strlen(doc->id)) : a->origin;
    a->format = doc->from_jsonl ? "jsonl" : doc->from_feed ? "feed"
                : doc->format == PX_FORMAT_HTML ? "html" : "text";
    if (doc->url) a->url = px_article_str(a, doc->url, strlen(doc->url));
    if (doc->outlet) a->outlet = px_article_str(a, doc->outlet, strlen(doc->outlet));
    if (doc->title) a->title = px_article_str(a, doc->title, strlen(doc->title));
    if (doc->byline) a->byline = px_article_str(a, doc->byline, strlen(doc->byline));
    if (doc->language) a->language = px_article_str(a, doc->language, strlen(doc->language));
    if (doc->date) px_article_set_date(a, doc->date, PX_DATE_INPUT, 1.0);
    a->source = px_arena_strndup(&a->arena, doc->source, doc->source_len);
    a->source_len = doc->source_len;
}

static px_status build(px_context *ctx, const px_document *doc, px_article **out,
                       px_error *err)
{
    px_article *a = px_article_new();
    take_given_fields(a, doc);
    px_status rc = doc->format == PX_FORMAT_HTML
                       ? px_extract_html(a, doc->body, doc->body_len, doc->name, err)
                       : px_extract_text(a, doc->body, doc->body_len,
                                         !doc->from_jsonl && !doc->from_feed,
                                         doc->name, err);
    if (!rc) px_clean(a);
    if (!rc && a->byline && !a->authors.len) px_author_names(a, a->byline, strlen(a->byline));
    if (!rc) rc = px_article_finish(ctx, a, err);
    if (!rc && a->paragraphs.len == 0) /* also when only invisible characters were left */
        rc = px_error_set(err, PX_EEMPTY, doc->name, 0, 0, "no article text found%s",
                          a->title ? " (only a title)" : "");
    if (rc) {
        px_article_free(a);
        return rc;
    }
    *out = a;
    return PX_OK;
}

px_status px_extract_document(px_context *ctx, const px_document *doc, px_article **out,
                              px_error *err)
{
    *out = NULL;
    px_status rc = px_check_bytes(doc->body, doc->body_len, doc->format == PX_FORMAT_TEXT,
                                  doc->name, err);
    return rc ? rc : build(ctx, doc, out, err);
}

px_status px_article_parse(px_context *ctx, const char *data, size_t len,
                           px_format format, const char *name, px_article **out,
                           px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, "px_article_parse", 0, 0, "out is NULL");
    *out = NULL;
    if (!ctx || (!data && len) || !name)
        return px_error_set(err, PX_EUSAGE, "px_article_parse", 0, 0, "NULL argument");
    if (format == PX_FORMAT_JSONL)
        return px_error_set(err, PX_EUSAGE, name, 0, 0,
                            "JSON Lines holds many articles: read it with px_reader_open()");
    if (len > PX_MAX_DOCUMENT)
        return px_error_set(err, PX_ETOOBIG, name, 0, 0,
                            "input is %zu bytes; one article may be at most %u MiB", len,
                            PX_MAX_DOCUMENT >> 20);
    if (len == 0) return px_error_set(err, PX_EEMPTY, name, 0, 0, "empty input");
    if (!format) {
        size_t i = 0;
        while (i < len && strchr(" \t\r\n", data[i])) i++;
        format = i < len && data[i] == '<' ? PX_FORMAT_HTML : PX_FORMAT_TEXT;
    }
    px_status rc = px_check_bytes(data, len, format == PX_FORMAT_TEXT, name, err);
    if (rc) return rc;
    px_document doc = {.name = name, .format = format, .body = data, .body_len = len,
                       .source = data, .source_len = len};
    return build(ctx, &doc, out, err);
}

px_status px_reader_open(px_context *ctx, const char *path, px_format format,
                         px_reader **out, px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, "px_reader_open", 0, 0, "out is NULL");
    *out = NULL;
    if (!ctx || !path) return px_error_set(err, PX_EUSAGE, "px_reader_open", 0, 0, "NULL argument");
    px_source *s;
    px_status rc = px_source_open(path, format, &s, err);
    if (rc) return rc;
    px_reader *r = px_xcalloc(1, sizeof *r);
    r->ctx = ctx;
    r->source = s;
    *out = r;
    return PX_OK;
}

px_status px_reader_open_stream(px_context *ctx, FILE *f, const char *name,
                                px_format format, px_reader **out, px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, "px_reader_open_stream", 0, 0, "out is NULL");
    *out = NULL;
    if (!ctx || !f || !name)
        return px_error_set(err, PX_EUSAGE, "px_reader_open_stream", 0, 0, "NULL argument");
    px_source *s;
    px_status rc = px_source_open_stream(f, name, format, &s, err);
    if (rc) return rc;
    px_reader *r = px_xcalloc(1, sizeof *r);
    r->ctx = ctx;
    r->source = s;
    *out = r;
    return PX_OK;
}

px_status px_reader_next(px_reader *r, px_article **out, px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, "px_reader_next", 0, 0, "out is NULL");
    *out = NULL;
    if (!r) return px_error_set(err, PX_EUSAGE, "px_reader_next", 0, 0, "the reader is NULL");
    px_document doc;
    int done;
    px_status rc = px_source_next(r->source, &doc, &done, err);
    if (rc || done) return rc;
    return build(r->ctx, &doc, out, err);
}

void px_reader_close(px_reader *r)
{
    if (!r) return;
    px_source_close(r->source);
    free(r);
}
