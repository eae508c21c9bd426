/*
 * article.c — the article model: building one, finishing it, reading it.
 *
 * An article is filled by an extractor, then finished once: every string is
 * put in NFC with its white space normalised (see tidy()), the body text is
 * joined, split into sentences (text layer), and the language is detected
 * when the input did not give one.  The bytes as they came stay in source.  The public accessors below are the only
 * way users see it, so the struct can change without breaking them.
 */
#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "article/article.h"

px_article *px_article_new(void)
{
    return px_xcalloc(1, sizeof(px_article));
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

const char *px_article_str(px_article *a, const char *s, size_t n)
{
    if (!s) return NULL;
    while (n && is_space((unsigned char)*s)) s++, n--;
    while (n && is_space((unsigned char)s[n - 1])) n--;
    return n ? px_arena_strndup(&a->arena, s, n) : NULL;
}

void px_article_add_paragraph(px_article *a, const char *s, size_t n)
{
    const char *p = px_article_str(a, s, n);
    if (p) px_vec_push(&a->paragraphs, p);
}

void px_article_add_removed(px_article *a, const char *s, size_t n)
{
    const char *p = px_article_str(a, s, n);
    if (p) px_vec_push(&a->removed, p);
}

void px_article_set_date(px_article *a, const char *iso, px_date_source src, double conf)
{
    if (!iso || !*iso || (a->date && conf <= a->date_confidence)) return;
    a->date = px_arena_strdup(&a->arena, iso);
    a->date_source = src;
    a->date_confidence = conf;
}

/* 1 for the bytes tidy() copies as they are: printable ASCII but space. */
static int plain(unsigned char c) { return c > ' ' && c < 0x7F; }

/* s in NFC, runs of white space as one ASCII space, trimmed; in the arena.
 * Runs of plain bytes (most of any text) are copied whole, and text left
 * all ASCII skips the NFC pass (it would copy it unchanged): every byte of
 * every article comes through here. */
static const char *tidy(px_context *ctx, px_article *a, const char *s, px_buf *tmp, px_buf *nfc)
{
    if (!s) return NULL;
    size_t n = strlen(s), i = 0;
    int space = 0, ascii = 1;
    px_buf_reset(tmp);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (plain(c)) {
            size_t j = i + 1;
            while (j < n && plain((unsigned char)s[j])) j++;
            if (space) px_buf_putc(tmp, ' ');
            space = 0;
            px_buf_append(tmp, s + i, j - i);
            i = j;
            continue;
        }
        unsigned cp = c < 0x80 ? (i++, c) : px_utf8_next(s, n, &i);
        if (is_space((unsigned char)(cp < 0x80 ? cp : 0)) || px_unicode_space(cp)) {
            space = tmp->len > 0;
            continue;
        }
        if (px_unicode_invisible(cp)) continue;
        if (space) px_buf_putc(tmp, ' ');
        space = 0;
        if (cp < 0x80) {
            px_buf_putc(tmp, (char)cp);
        } else {
            px_utf8_put(tmp, cp);
            ascii = 0;
        }
    }
    if (!ascii) {
        px_buf_reset(nfc);
        px_text_nfc(ctx, px_buf_str(tmp), tmp->len, nfc);
        tmp = nfc;
    }
    return tmp->len ? px_arena_strndup(&a->arena, px_buf_str(tmp), tmp->len) : NULL;
}

/* Tidies every string field and paragraph; drops paragraphs left empty. */
static void tidy_all(px_context *ctx, px_article *a)
{
    px_buf tmp = {0}, nfc = {0};
    const char **fields[] = {&a->title, &a->byline, &a->dateline, &a->wire, &a->outlet};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        *fields[i] = tidy(ctx, a, *fields[i], &tmp, &nfc);
    size_t kept = 0;
    for (size_t i = 0; i < a->paragraphs.len; i++) {
        const char *p = tidy(ctx, a, a->paragraphs.items[i], &tmp, &nfc);
        if (p) a->paragraphs.items[kept++] = p;
    }
    a->paragraphs.len = kept;
    kept = 0;
    for (size_t i = 0; i < a->authors.len; i++) {
        const char *p = tidy(ctx, a, a->authors.items[i], &tmp, &nfc);
        if (p) a->authors.items[kept++] = p;
    }
    a->authors.len = kept;
    for (size_t i = 0; i < a->removed.len; i++) {
        const char *p = tidy(ctx, a, a->removed.items[i], &tmp, &nfc);
        a->removed.items[i] = p ? p : "";
    }
    px_buf_free(&tmp);
    px_buf_free(&nfc);
}

static px_status split_sentences(px_context *ctx, px_article *a, px_error *err)
{
    px_spans spans = {0};
    for (size_t p = 0; p < a->paragraphs.len; p++) {
        const char *para = a->paragraphs.items[p];
        spans.len = 0;
        px_status rc = px_text_sentences(ctx, para, strlen(para), a->language, &spans, err);
        if (rc) {
            px_vec_free(&spans);
            return rc;
        }
        for (size_t i = 0; i < spans.len; i++) {
            px_sentence s = {p, spans.items[i].start, spans.items[i].end, NULL};
            s.text = px_arena_strndup(&a->arena, para + s.start, s.end - s.start);
            px_vec_push(&a->sentences, s);
        }
    }
    px_vec_free(&spans);
    return PX_OK;
}

px_status px_article_finish(px_context *ctx, px_article *a, px_error *err)
{
    tidy_all(ctx, a);
    px_buf text = {0};
    for (size_t i = 0; i < a->paragraphs.len; i++) {
        if (i) px_buf_puts(&text, "\n\n");
        px_buf_puts(&text, a->paragraphs.items[i]);
    }
    a->text = px_arena_strndup(&a->arena, px_buf_str(&text), text.len);
    if (!a->language)
        a->language = px_text_language(ctx, px_buf_str(&text), text.len);
    px_buf_free(&text);
    return split_sentences(ctx, a, err);
}

void px_article_free(px_article *a)
{
    if (!a) return;
    px_vec_free(&a->authors);
    px_vec_free(&a->paragraphs);
    px_vec_free(&a->removed);
    px_vec_free(&a->sentences);
    px_arena_free(&a->arena);
    free(a);
}

/* ---- public accessors -------------------------------------------------- */

/* A NULL article has no fields and no items; an index out of range gives
 * NULL (parallax.h). */
#define FIELD(f) (a ? a->f : NULL)
#define ITEM(v, i) (a && (i) < a->v.len ? a->v.items[i] : NULL)
const char *px_article_id(const px_article *a) { return FIELD(id); }
const char *px_article_origin(const px_article *a) { return FIELD(origin); }
const char *px_article_format(const px_article *a) { return FIELD(format); }
const char *px_article_url(const px_article *a) { return FIELD(url); }
const char *px_article_outlet(const px_article *a) { return FIELD(outlet); }
const char *px_article_title(const px_article *a) { return FIELD(title); }
const char *px_article_byline(const px_article *a) { return FIELD(byline); }
size_t px_article_author_count(const px_article *a) { return a ? a->authors.len : 0; }
const char *px_article_author(const px_article *a, size_t i) { return ITEM(authors, i); }
const char *px_article_dateline(const px_article *a) { return FIELD(dateline); }
const char *px_article_wire(const px_article *a) { return FIELD(wire); }
const char *px_article_language(const px_article *a)
{
    return !a ? NULL : a->language ? a->language : "und";
}
const char *px_article_date(const px_article *a) { return FIELD(date); }
const char *px_article_text(const px_article *a) { return !a ? NULL : a->text ? a->text : ""; }
px_date_source px_article_date_source(const px_article *a) { return a ? a->date_source : PX_DATE_NONE; }
double px_article_date_confidence(const px_article *a) { return a ? a->date_confidence : 0; }
size_t px_article_paragraph_count(const px_article *a) { return a ? a->paragraphs.len : 0; }
const char *px_article_paragraph(const px_article *a, size_t i) { return ITEM(paragraphs, i); }
size_t px_article_sentence_count(const px_article *a) { return a ? a->sentences.len : 0; }
size_t px_article_removed_count(const px_article *a) { return a ? a->removed.len : 0; }
const char *px_article_removed(const px_article *a, size_t i) { return ITEM(removed, i); }

const char *px_article_sentence(const px_article *a, size_t i, size_t *paragraph,
                                size_t *start, size_t *end)
{
    if (!a || i >= a->sentences.len) return NULL; /* the out-parameters untouched */
    const px_sentence *s = &a->sentences.items[i];
    /* a sentence lies inside one paragraph (the invariant the spans rely on) */
    assert(s->paragraph < a->paragraphs.len);
    assert(s->start <= s->end);
    if (paragraph) *paragraph = s->paragraph;
    if (start) *start = s->start;
    if (end) *end = s->end;
    return s->text;
}

const char *px_article_source(const px_article *a, size_t *len)
{
    if (len) *len = a ? a->source_len : 0;
    return FIELD(source);
}

const char *px_date_source_name(px_date_source source)
{
    static const char *const names[] = {"none", "input", "json-ld", "meta", "time",
                                        "dateline", "text", "url", "script", "archive"};
    return (unsigned)source < sizeof names / sizeof *names ? names[source] : "none";
}
