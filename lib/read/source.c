/*
 * source.c — opening inputs and reading them one document at a time.
 *
 * A whole-file input (text, HTML) is read into memory once, refusing files
 * over PX_MAX_DOCUMENT before reading them (stat) or while reading them (a
 * pipe).  A JSON Lines input is read a line at a time (jsonl.c).
 *
 * Format detection: the file name's extension first, because it is what the
 * user chose; then the first non-blank byte: '{' is JSON Lines, '<' is HTML
 * (or a feed, when its root element is one: feed_source.c), anything else
 * is text.
 *
 * A gzip input (a ".gz" name, or gzip's first byte) is inflated whole first
 * (gzip.c), and its format is then read from the name without ".gz" and
 * from the inflated bytes.  A gzip JSON Lines dump is then streamed from
 * memory, so it is limited to PX_MAX_DOCUMENT inflated; a bigger dump reads
 * through `zcat dump.jsonl.gz | parallax ... -`.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "read/read_private.h"

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static px_format format_from_name(const char *path)
{
    size_t n = strlen(path);
    if (n > 3 && has_suffix(path, ".gz")) { /* page.html.gz: the name within */
        char *inner = px_xstrndup(path, n - 3);
        px_format f = format_from_name(inner);
        free(inner);
        return f;
    }
    static const struct { const char *suffix; px_format format; } map[] = {
        {".txt", PX_FORMAT_TEXT},   {".text", PX_FORMAT_TEXT},
        {".html", PX_FORMAT_HTML},  {".htm", PX_FORMAT_HTML},
        {".xhtml", PX_FORMAT_HTML}, {".jsonl", PX_FORMAT_JSONL},
        {".ndjson", PX_FORMAT_JSONL}, {".rss", PX_FORMAT_FEED},
        {".atom", PX_FORMAT_FEED},  {".rdf", PX_FORMAT_FEED},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (has_suffix(path, map[i].suffix)) return map[i].format;
    return PX_FORMAT_AUTO;
}

/* The first byte that is not white space (or a UTF-8 BOM), or EOF. */
static int peek_content(FILE *f)
{
    int c;
    while ((c = getc(f)) != EOF) {
        if (c == 0xEF || c == 0xBB || c == 0xBF) continue; /* BOM bytes */
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
    }
    if (c != EOF) ungetc(c, f);
    return c;
}

static px_format format_from_content(int first)
{
    if (first == '{') return PX_FORMAT_JSONL;
    if (first == '<') return PX_FORMAT_HTML;
    return PX_FORMAT_TEXT;
}

static px_status open_file(const char *path, FILE **out, px_error *err)
{
    if (strcmp(path, "-") == 0) {
        *out = stdin;
        return PX_OK;
    }
    struct stat st;
    if (stat(path, &st) != 0)
        return px_error_set(err, PX_EIO, path, 0, 0, "%s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return px_error_set(err, PX_EIO, path, 0, 0,
                            "is a directory; name the files in it (e.g. %s/*.txt)", path);
    FILE *f = fopen(path, "rb");
    if (!f) return px_error_set(err, PX_EIO, path, 0, 0, "%s", strerror(errno));
    *out = f;
    return PX_OK;
}

/* Reads all of f into s->whole, refusing more than PX_MAX_DOCUMENT bytes. */
static px_status slurp(px_source *s, px_error *err)
{
    struct stat st;
    if (fstat(fileno(s->file), &st) == 0 && S_ISREG(st.st_mode) &&
        (unsigned long long)st.st_size > PX_MAX_DOCUMENT)
        return px_error_set(err, PX_ETOOBIG, s->name, 0, 0,
                            "file is %llu bytes; one article may be at most %u MiB "
                            "(put many articles in a JSON Lines file instead)",
                            (unsigned long long)st.st_size, PX_MAX_DOCUMENT >> 20);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, s->file)) > 0) {
        if (s->whole.len + n > PX_MAX_DOCUMENT)
            return px_error_set(err, PX_ETOOBIG, s->name, 0, 0,
                                "input is over %u MiB, the limit for one article "
                                "(put many articles in a JSON Lines file instead)",
                                PX_MAX_DOCUMENT >> 20);
        px_buf_append(&s->whole, chunk, n);
    }
    if (ferror(s->file))
        return px_error_set(err, PX_EIO, s->name, 0, 0, "read error: %s", strerror(errno));
    return PX_OK;
}

/* The first byte of s[0..n) that is not white space or a UTF-8 BOM, or EOF. */
static int first_content(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\xEF\xBB\xBF", s[i]) || !s[i]) return (unsigned char)s[i];
    return EOF;
}

/* Reads and inflates a gzip input into s->whole; a JSON Lines one is then
 * read through a stream over those bytes. */
static px_status open_gzip(px_source *s, px_format format, px_error *err)
{
    px_status rc = slurp(s, err);
    px_buf plain = {0};
    if (!rc) rc = px_gunzip(s->whole.data, s->whole.len, s->name, &plain, err);
    px_buf_free(&s->whole);
    s->whole = plain;
    if (rc) return rc;
    s->format = format ? format : format_from_name(s->name);
    if (!s->format && px_feed_sniff(plain.data, plain.len)) s->format = PX_FORMAT_FEED;
    if (!s->format) s->format = format_from_content(first_content(plain.data, plain.len));
    if (s->format != PX_FORMAT_JSONL) return PX_OK;
    static char blank_line[] = "\n"; /* fmemopen refuses a size of 0 */
    FILE *mem = plain.len ? fmemopen(plain.data, plain.len, "rb")
                          : fmemopen(blank_line, 1, "rb");
    if (!mem) return px_error_set(err, PX_EIO, s->name, 0, 0, "%s", strerror(errno));
    s->outer = s->file;
    s->file = mem;
    return PX_OK;
}

px_status px_source_open_stream(FILE *f, const char *name, px_format format,
                                px_source **out, px_error *err)
{
    px_source *s = px_xcalloc(1, sizeof *s);
    s->file = f;
    s->name = px_xstrdup(name);
    int first = getc(f);
    if (first != EOF) ungetc(first, f);
    px_status rc;
    if (px_gzip_is(name, first)) {
        rc = open_gzip(s, format, err);
    } else {
        s->format = format ? format : format_from_name(name);
        if (!s->format) s->format = format_from_content(peek_content(f));
        rc = s->format == PX_FORMAT_JSONL ? PX_OK : slurp(s, err);
        if (!rc && s->format == PX_FORMAT_HTML && !format && !format_from_name(name) &&
            px_feed_sniff(s->whole.data, s->whole.len))
            s->format = PX_FORMAT_FEED; /* XML that is a feed */
    }
    if (rc) {
        px_source_close(s);
        return rc;
    }
    *out = s;
    return PX_OK;
}

px_status px_source_open(const char *path, px_format format, px_source **out,
                         px_error *err)
{
    *out = NULL;
    FILE *f = NULL;
    px_status rc = open_file(path, &f, err);
    if (rc) return rc;
    int is_stdin = f == stdin;
    rc = px_source_open_stream(f, is_stdin ? "<stdin>" : path, format, out, err);
    if (rc && !is_stdin) fclose(f);
    if (!rc && !is_stdin) (*out)->owns_file = 1;
    return rc;
}

static px_status next_whole(px_source *s, px_document *doc, int *done, px_error *err)
{
    if (s->served) {
        *done = 1;
        return PX_OK;
    }
    s->served = 1;
    const char *data = px_buf_str(&s->whole);
    size_t len = s->whole.len;
    px_status rc = px_check_bytes(data, len, s->format == PX_FORMAT_TEXT, s->name, err);
    if (rc) return rc;
    if (len == 0) return px_error_set(err, PX_EEMPTY, s->name, 0, 0, "empty file");
    doc->name = s->name;
    doc->format = s->format;
    doc->body = doc->source = data;
    doc->body_len = doc->source_len = len;
    return PX_OK;
}

px_status px_source_next(px_source *s, px_document *doc, int *done, px_error *err)
{
    memset(doc, 0, sizeof *doc);
    *done = 0;
    if (s->format == PX_FORMAT_JSONL) return px_jsonl_next(s, doc, done, err);
    if (s->format == PX_FORMAT_FEED) return px_feed_source_next(s, doc, done, err);
    return next_whole(s, doc, done, err);
}

void px_source_close(px_source *s)
{
    if (!s) return;
    if (s->outer) { /* the stream over inflated bytes, then the real one */
        fclose(s->file);
        s->file = s->outer;
    }
    if (s->owns_file) fclose(s->file);
    px_jsonl_release(s);
    px_feed_source_release(s);
    px_buf_free(&s->whole);
    px_buf_free(&s->line);
    free(s->name);
    free(s->record_name);
    px_jsonl_fields_free(&s->fields);
    free(s);
}
