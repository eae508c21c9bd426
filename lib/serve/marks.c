/*
 * marks.c — an article's text with what the analysis found in it marked
 * (serve.h): the names and short names of its people, organisations and
 * places, its quotations, numbers and dates, each a <mark> with a class
 * and a tooltip, in the article page; the same spans in its endpoint.
 *
 * The analysis locates each thing by sentence and byte span in it; a
 * sentence knows its paragraph and span there, so a mark becomes a byte
 * span of a paragraph.  A span is kept only when its sentence is the
 * paragraph's own bytes at that place and its ends fall on UTF-8
 * character boundaries.  Spans must nest to be HTML: sorted by start
 * (the longer first), a span that starts inside another and ends after it
 * is dropped; so a name inside a quotation is marked inside it.  A
 * quotation over several sentences is marked in its first.  Pronouns and
 * roles resolved to an entity are not marked (they are not names).
 *
 * Everything between the marks, and every tooltip, goes out through
 * pxs_esc: the marks are the only markup.
 */
#include <assert.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

static const char *const kind_name[] = {"quote", "entity", "date", "number"};

/* The span of sentence si's [start, end) in its paragraph, checked. */
static int place(const px_article *a, size_t si, size_t start, size_t end, pxs_mark *m)
{
    size_t para, s0, s1;
    const char *text = px_article_sentence(a, si, &para, &s0, &s1);
    if (!text || para >= px_article_paragraph_count(a) || start >= end) return 0;
    const char *p = px_article_paragraph(a, para);
    size_t plen = strlen(p), slen = strlen(text);
    if (s1 > plen || s0 > s1 || s1 - s0 != slen || memcmp(p + s0, text, slen) != 0) return 0;
    if (end > slen) return 0;
    size_t b = s0 + start, e = s0 + end;
    if ((p[b] & 0xC0) == 0x80 || (e < plen && (p[e] & 0xC0) == 0x80)) return 0;
    m->paragraph = para;
    m->start = b;
    m->end = e;
    return 1;
}

static void add(pxs_marks *v, const px_article *a, int kind, size_t si, size_t start, size_t end,
                char *label)
{
    pxs_mark m = {kind, 0, 0, 0, label};
    if (place(a, si, start, end, &m)) px_vec_push(v, m);
    else free(label);
}

static char *label2(const char *x, const char *y)
{
    px_buf b = {0};
    px_buf_puts(&b, x ? x : "");
    if (y && *y) {
        px_buf_puts(&b, x && *x ? ", " : "");
        px_buf_puts(&b, y);
    }
    char *s = px_xstrdup(px_buf_str(&b));
    px_buf_free(&b);
    return s;
}

/* Where a quotation's words end in its first sentence, the closing mark
 * included; the sentence's end when they run on. */
static size_t quote_end(const char *sentence, const px_quote *q)
{
    size_t slen = strlen(sentence);
    if (q->sentence_last != q->sentence || !q->text || q->start >= slen) return slen;
    const char *w = strstr(sentence + q->start, q->text);
    if (!w) return slen;
    size_t e = (size_t)(w - sentence) + strlen(q->text);
    /* the closing mark: one character */
    if (e < slen) {
        size_t k = 1;
        while (e + k < slen && ((unsigned char)sentence[e + k] & 0xC0) == 0x80) k++;
        if (strchr("\"'", sentence[e]) || (unsigned char)sentence[e] >= 0xC2) e += k;
    }
    return e;
}

static int by_place(const void *x, const void *y)
{
    const pxs_mark *a = x, *b = y;
    if (a->paragraph != b->paragraph) return a->paragraph < b->paragraph ? -1 : 1;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    if (a->end != b->end) return a->end > b->end ? -1 : 1;
    return a->kind - b->kind;
}

void pxs_marks_find(const px_article *a, const px_analysis *an, pxs_marks *out)
{
    memset(out, 0, sizeof *out);
    pxs_marks all = {0};
    for (size_t i = 0; i < px_analysis_entity_count(an); i++) {
        const px_entity *e = px_analysis_entity(an, i);
        for (size_t k = 0; k < e->mention_count; k++) {
            const px_mention *m = &e->mentions[k];
            if (m->kind != PX_MENTION_NAME && m->kind != PX_MENTION_ALIAS) continue;
            add(&all, a, PXS_MARK_ENTITY, m->sentence, m->start, m->end,
                label2(px_entity_type_name(e->type), e->name));
        }
    }
    for (size_t i = 0; i < px_analysis_quote_count(an); i++) {
        const px_quote *q = px_analysis_quote(an, i);
        const char *s = px_article_sentence(a, q->sentence, NULL, NULL, NULL);
        if (!s) continue;
        const px_entity *sp = q->speaker >= 0 ? px_analysis_entity(an, (size_t)q->speaker) : NULL;
        add(&all, a, PXS_MARK_QUOTE, q->sentence, q->start, quote_end(s, q),
            label2("quote", sp ? sp->name : "speaker not stated"));
    }
    for (size_t i = 0; i < px_analysis_number_count(an); i++) {
        const px_number *n = px_analysis_number(an, i);
        char v[64];
        snprintf(v, sizeof v, "%g", n->value);
        char *l = label2("number", v);
        if (n->unit) {
            char *l2 = label2(l, n->unit);
            free(l);
            l = l2;
        }
        add(&all, a, PXS_MARK_NUMBER, n->sentence, n->start, n->end, l);
    }
    for (size_t i = 0; i < px_analysis_date_count(an); i++) {
        const px_date_mention *d = px_analysis_date(an, i);
        add(&all, a, PXS_MARK_DATE, d->sentence, d->start, d->end, label2("date", d->value));
    }
    if (all.len) qsort(all.items, all.len, sizeof *all.items, by_place);
    /* keep what nests: a stack of the open spans' ends */
    size_t *open = px_xmalloc((all.len ? all.len : 1) * sizeof *open), depth = 0, para = (size_t)-1;
    for (size_t i = 0; i < all.len; i++) {
        pxs_mark m = all.items[i];
        if (m.paragraph != para) depth = 0, para = m.paragraph;
        while (depth && open[depth - 1] <= m.start) depth--;
        if (depth && m.end > open[depth - 1]) {
            free(m.label);
            continue;
        }
        open[depth++] = m.end;
        px_vec_push(out, m);
    }
    free(open);
    px_vec_free(&all);
}

void pxs_marks_free(pxs_marks *m)
{
    for (size_t i = 0; i < m->len; i++) free(m->items[i].label);
    px_vec_free(m);
}

const char *pxs_mark_kind(int kind)
{
    assert(kind >= 0 && kind < 4);
    return kind_name[kind];
}

/* The bytes [from, to) of p, escaped. */
static void esc_range(FILE *f, const char *p, size_t from, size_t to)
{
    char *s = px_xstrndup(p + from, to - from);
    pxs_esc(f, s);
    free(s);
}

void pxs_marks_html(FILE *f, const px_article *a, const pxs_marks *m)
{
    size_t i = 0;
    for (size_t pi = 0; pi < px_article_paragraph_count(a); pi++) {
        const char *p = px_article_paragraph(a, pi);
        size_t at = 0, ends[64], depth = 0;
        fputs("<p>", f);
        for (; i < m->len && m->items[i].paragraph == pi; i++) {
            const pxs_mark *k = &m->items[i];
            while (depth && ends[depth - 1] <= k->start) {
                esc_range(f, p, at, ends[depth - 1]);
                at = ends[--depth];
                fputs("</mark>", f);
            }
            esc_range(f, p, at, k->start);
            at = k->start;
            if (depth == sizeof ends / sizeof *ends) continue; /* deeper: not marked */
            fprintf(f, "<mark class=\"%s\" title=\"", kind_name[k->kind]);
            pxs_esc(f, k->label);
            fputs("\">", f);
            ends[depth++] = k->end;
        }
        while (depth) {
            esc_range(f, p, at, ends[depth - 1]);
            at = ends[--depth];
            fputs("</mark>", f);
        }
        pxs_esc(f, p + at);
        fputs("</p>\n", f);
    }
}

json_t *pxs_marks_json(const pxs_marks *m)
{
    json_t *v = json_array();
    for (size_t i = 0; i < m->len; i++) {
        const pxs_mark *k = &m->items[i];
        json_t *o = json_object();
        json_object_set_new(o, "kind", json_string(kind_name[k->kind]));
        json_object_set_new(o, "paragraph", json_integer((json_int_t)k->paragraph));
        json_object_set_new(o, "start", json_integer((json_int_t)k->start));
        json_object_set_new(o, "end", json_integer((json_int_t)k->end));
        json_object_set_new(o, "label", json_string(k->label));
        json_array_append_new(v, o);
    }
    return v;
}
