/*
 * jsonl.c — JSON Lines: one article object per line.
 *
 *   {"id": "a1", "url": "...", "outlet": "UPI", "title": "...",
 *    "date": "2014-11-07", "text": "..."}       (or "html": "<html>...")
 *
 * Keys: id (string or integer), url, outlet, title, date, language, byline,
 * and the body as "text" (paragraphs separated by blank lines; the title is
 * not repeated in it) or "html" (a page, extracted like an HTML file).  Other
 * keys are ignored so that dumps from other tools read as they are.
 *
 * Each line is parsed on its own: a bad line is reported with its number and
 * column and the reader goes on with the next, so one broken record never
 * costs the rest of a dump.  Blank lines are skipped.  A line longer than
 * PX_MAX_DOCUMENT is skipped without being held in memory.
 */
#include <errno.h>
#include <string.h>

#include <jansson.h>

#include "read/read_private.h"

/* Reads the next line into s->line (without its newline).  Returns 1 when a
 * line was read, 0 at the end; *too_long is set when it was over the limit
 * (the line is consumed, its bytes dropped).  Lines may hold any byte,
 * NUL included, so that check.c can name what is wrong with them. */
static int read_line(px_source *s, int *too_long)
{
    px_buf_reset(&s->line);
    *too_long = 0;
    int any = 0;
    for (;;) {
        if (s->pos == s->end) {
            s->pos = 0;
            s->end = fread(s->chunk, 1, sizeof s->chunk, s->file);
            if (s->end == 0) break;
        }
        any = 1;
        char *start = s->chunk + s->pos;
        char *nl = memchr(start, '\n', s->end - s->pos);
        size_t n = nl ? (size_t)(nl - start) : s->end - s->pos;
        if (!*too_long && s->line.len + n > PX_MAX_DOCUMENT) {
            *too_long = 1;
            px_buf_reset(&s->line);
        }
        if (!*too_long) px_buf_append(&s->line, start, n);
        s->pos += n + (nl != NULL);
        if (nl) break;
    }
    if (any) s->line_no++;
    if (s->line.len && s->line.data[s->line.len - 1] == '\r') s->line.data[--s->line.len] = '\0';
    return any;
}

static int blank(const px_buf *b)
{
    for (size_t i = 0; i < b->len; i++)
        if (!strchr(" \t\r", b->data[i])) return 0;
    return 1;
}

static const char *string_key(const px_jsonl_value *v)
{
    return v->kind == PX_JV_STRING && v->len ? v->string : NULL;
}

/* The fields of a line jansson parsed (the scanner left it to jansson):
 * the same px_jsonl_fields, strings pointing into the json_t. */
static void fields_of(json_t *obj, px_jsonl_fields *f)
{
    for (int k = 0; k < PX_JK_COUNT; k++) {
        json_t *v = json_object_get(obj, px_jsonl_key_name((px_jsonl_key)k));
        px_jsonl_value *out = &f->v[k];
        memset(out, 0, sizeof *out);
        if (!v) continue;
        out->kind = PX_JV_OTHER;
        if (json_is_string(v)) {
            out->kind = PX_JV_STRING;
            out->string = json_string_value(v);
            out->len = json_string_length(v);
        } else if (json_is_integer(v)) {
            out->kind = PX_JV_INTEGER;
            out->integer = json_integer_value(v);
        }
    }
}

static px_status fill(px_source *s, px_document *doc, px_error *err)
{
    const char *name = s->record_name;
    const px_jsonl_value *v = s->fields.v;
    const px_jsonl_value *html = &v[PX_JK_HTML], *text = &v[PX_JK_TEXT];
    const px_jsonl_value *body = html->kind == PX_JV_STRING ? html : text;
    if (body->kind != PX_JV_STRING)
        return px_error_set(err, PX_EINPUT, name, 0, 0,
                            "the object has no \"text\" or \"html\" string");
    doc->format = body == html ? PX_FORMAT_HTML : PX_FORMAT_TEXT;
    doc->body = body->string;
    doc->body_len = body->len;
    px_status rc = px_check_bytes(doc->body, doc->body_len, 0, name, err);
    if (rc) return rc;
    if (doc->body_len == 0)
        return px_error_set(err, PX_EEMPTY, name, 0, 0, "the article's \"%s\" is empty",
                            body == html ? "html" : "text");
    if (v[PX_JK_ID].kind == PX_JV_INTEGER) {
        snprintf(s->id, sizeof s->id, "%lld", v[PX_JK_ID].integer);
        doc->id = s->id;
    } else {
        doc->id = string_key(&v[PX_JK_ID]);
    }
    doc->url = string_key(&v[PX_JK_URL]);
    doc->outlet = string_key(&v[PX_JK_OUTLET]);
    doc->title = string_key(&v[PX_JK_TITLE]);
    doc->date = string_key(&v[PX_JK_DATE]);
    doc->language = string_key(&v[PX_JK_LANGUAGE]);
    doc->byline = string_key(&v[PX_JK_BYLINE]);
    return PX_OK;
}

void px_jsonl_release(px_source *s)
{
    json_decref(s->record);
    s->record = NULL;
}

px_status px_jsonl_next(px_source *s, px_document *doc, int *done, px_error *err)
{
    px_jsonl_release(s);
    int too_long;
    do {
        if (!read_line(s, &too_long)) {
            if (ferror(s->file))
                return px_error_set(err, PX_EIO, s->name, 0, 0, "read error: %s", strerror(errno));
            *done = 1;
            return PX_OK;
        }
    } while (!too_long && blank(&s->line));

    free(s->record_name);
    size_t n = strlen(s->name) + 24;
    s->record_name = px_xmalloc(n);
    snprintf(s->record_name, n, "%s:%ld", s->name, s->line_no);
    if (too_long)
        return px_error_set(err, PX_ETOOBIG, s->name, s->line_no, 0,
                            "line is over %u MiB, the limit for one article; skipped",
                            PX_MAX_DOCUMENT >> 20);

    px_status rc = px_check_bytes(s->line.data, s->line.len, 1, s->record_name, err);
    if (rc) return rc;
    if (!px_jsonl_fields_scan(&s->fields, s->line.data, s->line.len)) {
        /* not for the scanner: jansson reads it, or says what is wrong */
        json_error_t jerr;
        json_t *obj = json_loadb(s->line.data, s->line.len, 0, &jerr);
        if (!obj)
            return px_error_set(err, PX_EINPUT, s->name, s->line_no,
                                jerr.column > 0 ? jerr.column : 0, "invalid JSON: %s", jerr.text);
        s->record = obj;
        if (json_is_object(obj)) fields_of(obj, &s->fields);
    }
    doc->name = s->record_name;
    doc->from_jsonl = 1;
    doc->source = s->line.data;
    doc->source_len = s->line.len;
    if (s->record && !json_is_object((json_t *)s->record))
        return px_error_set(err, PX_EINPUT, s->record_name, 0, 0, "expected a JSON object per line");
    return fill(s, doc, err);
}
