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

static const char *string_key(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) && json_string_length(v) ? json_string_value(v) : NULL;
}

static px_status fill(px_source *s, json_t *obj, px_document *doc, px_error *err)
{
    const char *name = s->record_name;
    if (!json_is_object(obj))
        return px_error_set(err, PX_EINPUT, name, 0, 0, "expected a JSON object per line");
    json_t *html = json_object_get(obj, "html"), *text = json_object_get(obj, "text");
    json_t *body = json_is_string(html) ? html : text;
    if (!json_is_string(body))
        return px_error_set(err, PX_EINPUT, name, 0, 0,
                            "the object has no \"text\" or \"html\" string");
    doc->format = body == html ? PX_FORMAT_HTML : PX_FORMAT_TEXT;
    doc->body = json_string_value(body);
    doc->body_len = json_string_length(body);
    px_status rc = px_check_bytes(doc->body, doc->body_len, 0, name, err);
    if (rc) return rc;
    if (doc->body_len == 0)
        return px_error_set(err, PX_EEMPTY, name, 0, 0, "the article's \"%s\" is empty",
                            body == html ? "html" : "text");
    json_t *id = json_object_get(obj, "id");
    if (json_is_integer(id)) {
        snprintf(s->id, sizeof s->id, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        doc->id = s->id;
    } else {
        doc->id = string_key(obj, "id");
    }
    doc->url = string_key(obj, "url");
    doc->outlet = string_key(obj, "outlet");
    doc->title = string_key(obj, "title");
    doc->date = string_key(obj, "date");
    doc->language = string_key(obj, "language");
    doc->byline = string_key(obj, "byline");
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
    json_error_t jerr;
    json_t *obj = json_loadb(s->line.data, s->line.len, 0, &jerr);
    if (!obj)
        return px_error_set(err, PX_EINPUT, s->name, s->line_no, jerr.column > 0 ? jerr.column : 0,
                            "invalid JSON: %s", jerr.text);
    s->record = obj;
    doc->name = s->record_name;
    doc->from_jsonl = 1;
    doc->source = s->line.data;
    doc->source_len = s->line.len;
    return fill(s, obj, doc, err);
}
