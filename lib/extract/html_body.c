/*
 * html_body.c — the body: which part of the page is the article, and its
 * paragraphs in reading order.
 *
 * Where the body is, most trusted first:
 *
 *  1. JSON-LD articleBody, when it is long (> 500 bytes), plain text, and
 *     either has line breaks or is over twice the text of the HTML body
 *     below (a one-line blob loses to markup of the same text, which keeps
 *     the paragraphs apart).  Split into paragraphs at line breaks.
 *  2. The page's own markup: every itemprop=articleBody element (some
 *     sites split the body around ads), else the largest <article>, else
 *     <main> / role=main.
 *  3. The scored element (html_dom.c): where the clean paragraph text
 *     clusters, after link density.
 *
 * A semantic container (2) is used when it holds the scored element or at
 * least half its text; otherwise it is a teaser card or an empty shell and
 * the scored element wins.  With neither, the whole <body>.
 *
 * Collecting, one iterative walk over the container: text and inline
 * elements gather into a run; block elements (p, h2-h6, li, blockquote,
 * div, td...) end it, so each becomes a paragraph, and so does loose text
 * between blocks; two <br>s in a row end one too, a single <br> is a space.
 * Scripts, styles, form controls and hidden elements give nothing.  The
 * headline (the first h1), figures and captions, nav/header/footer/aside,
 * forms and boilerplate-classed elements inside the container go to removed
 * (an inline one, <span class="ad">, without ending the paragraph around
 * it), so what the body lost inside the article can be audited.  A short run that is
 * almost all link text ("Read more: ...", a related-links list) goes to
 * removed too.
 */
#include <string.h>

#include "extract/html.h"

#define LD_BODY_MIN 500   /* bytes of articleBody worth trusting */
#define LINK_RUN_MAX 150  /* longest link-only run treated as a link */
#define MAX_PARTS 64      /* itemprop=articleBody parts collected */

/* ---- choosing the container ---------------------------------------------- */

static double final_score(const html_elem *e)
{
    if (!e->text) return 0;
    return e->score * (1.0 - (double)e->link / (double)e->text);
}

static size_t best_scored(const html_page *pg)
{
    size_t best = HTML_NONE;
    double top = 0;
    for (size_t i = 0; i < pg->elems.len; i++) {
        double s = final_score(&pg->elems.items[i]);
        if (s > top) top = s, best = i;
    }
    return best;
}

static size_t index_of(html_page *pg, xmlNode *n)
{
    html_elem *e = px_html_elem(pg, n);
    return e ? (size_t)(e - pg->elems.items) : HTML_NONE;
}

/* 1 when element anc is i or one of its ancestors (depth <= PX_MAX_DEPTH). */
static int contains(const html_page *pg, size_t anc, size_t i)
{
    for (; i != HTML_NONE; i = pg->elems.items[i].parent)
        if (i == anc) return 1;
    return 0;
}

static xmlNode *largest(html_page *pg, const html_nodes *list)
{
    xmlNode *best = NULL;
    size_t top = 0;
    for (size_t i = 0; i < list->len; i++) {
        html_elem *e = px_html_elem(pg, list->items[i]);
        if (e && e->text > top) top = e->text, best = list->items[i];
    }
    return best;
}

/* Appends the itemprop=articleBody parts, outermost only, to out. */
static void body_parts(html_page *pg, html_nodes *out)
{
    const html_nodes *parts = &pg->itemprop_bodies;
    if (parts->len > MAX_PARTS) {
        xmlNode *one = largest(pg, parts);
        if (one) px_vec_push(out, one);
        return;
    }
    for (size_t i = 0; i < parts->len; i++) {
        size_t me = index_of(pg, parts->items[i]);
        int nested = 0;
        for (size_t k = 0; k < parts->len && !nested; k++)
            nested = k != i && contains(pg, index_of(pg, parts->items[k]), me);
        if (!nested && me != HTML_NONE && pg->elems.items[me].text)
            px_vec_push(out, parts->items[i]);
    }
}

/* The container(s) of the body, in document order, into out. */
static void choose_containers(html_page *pg, html_nodes *out)
{
    body_parts(pg, out);
    if (!out->len) {
        xmlNode *sem = largest(pg, &pg->articles);
        if (!sem) sem = largest(pg, &pg->mains);
        if (sem) px_vec_push(out, sem);
    }
    size_t best = best_scored(pg);
    if (best != HTML_NONE && out->len) {
        size_t text = 0;
        int holds_best = 0;
        for (size_t i = 0; i < out->len; i++) {
            size_t k = index_of(pg, out->items[i]);
            text += pg->elems.items[k].text;
            holds_best |= contains(pg, k, best);
        }
        if (!holds_best && text * 2 < pg->elems.items[best].text) out->len = 0;
    }
    if (!out->len && best != HTML_NONE) px_vec_push(out, pg->elems.items[best].node);
    if (!out->len) px_vec_push(out, pg->body ? pg->body : pg->root);
}

/* ---- JSON-LD articleBody -------------------------------------------------- */

static int looks_like_html(const char *s)
{
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
        int c = p[1] | 32;
        if (p[1] == '/' || p[1] == '!' || (c >= 'a' && c <= 'z' && p[2] && strchr(" >/", p[2])) ||
            !strncmp(p + 1, "br", 2) || !strncmp(p + 1, "div", 3) || !strncmp(p + 1, "span", 4))
            return 1;
    }
    return 0;
}

/* Non-space bytes of s, the text measure of html_dom.c. */
static size_t weight(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += !(*s == ' ' || (*s >= '\t' && *s <= '\r'));
    return n;
}

/* Adds the articleBody's lines as paragraphs when it is the better body;
 * 1 when it was used. */
static int use_ld_body(html_page *pg, const html_nodes *containers)
{
    const char *body = px_html_ld_string(&pg->ld, "articleBody");
    if (!body || strlen(body) <= LD_BODY_MIN || looks_like_html(body)) return 0;
    size_t dom = 0;
    for (size_t i = 0; i < containers->len; i++) {
        html_elem *e = px_html_elem(pg, containers->items[i]);
        if (e) dom += e->text;
    }
    if (!strchr(body, '\n') && dom * 2 >= weight(body)) return 0;
    px_buf decoded = {0};
    px_html_decode_entities(body, strlen(body), &decoded);
    const char *s = px_buf_str(&decoded);
    while (*s) {
        size_t n = strcspn(s, "\n");
        px_buf_reset(&pg->scratch);
        px_html_squeeze(s, n, &pg->scratch);
        px_article_add_paragraph(pg->a, px_buf_str(&pg->scratch), pg->scratch.len);
        s += n + (s[n] == '\n');
    }
    px_buf_free(&decoded);
    return 1;
}

/* ---- collecting paragraphs ----------------------------------------------- */

typedef struct collector {
    html_page *pg;
    xmlNode *top;      /* the container being walked: never itself removed */
    px_buf run;        /* raw text of the paragraph being gathered */
    size_t run_weight; /* its non-space bytes */
    size_t run_link;   /* of those, inside <a> */
    int removed;       /* > 0: inside an element whose text goes to removed */
    int links;         /* > 0: inside <a> */
    int brs;           /* <br>s since the last text */
    px_buf aside;      /* the text of an inline boilerplate element */
} collector;

static void flush(collector *c)
{
    if (c->run_weight) {
        px_buf *out = &c->pg->scratch;
        px_buf_reset(out);
        px_html_squeeze(c->run.data, c->run.len, out);
        int link_run = c->run_link * 10 >= c->run_weight * 9 && c->run_weight <= LINK_RUN_MAX;
        if (c->removed || link_run) px_article_add_removed(c->pg->a, px_buf_str(out), out->len);
        else px_article_add_paragraph(c->pg->a, px_buf_str(out), out->len);
    }
    px_buf_reset(&c->run);
    c->run_weight = c->run_link = 0;
    c->brs = 0;
}

/* 1 when the text inside e goes to removed rather than the body.  Only the
 * headline's <h1> does: a later one is a misused section heading. */
static int goes_to_removed(const collector *c, const html_elem *e)
{
    if (e->node == c->top) return 0;
    if (e->kind == HK_H1) return c->pg->h1s.len && e->node == c->pg->h1s.items[0];
    return e->kind == HK_CHROME || e->kind == HK_FIGURE || e->kind == HK_FORM || e->own;
}

static void remove_inline(collector *c, xmlNode *n)
{
    px_buf_reset(&c->aside);
    px_html_node_text(c->pg, n, &c->aside, (size_t)-1);
    px_buf *out = &c->pg->scratch;
    px_buf_reset(out);
    px_html_squeeze(px_buf_str(&c->aside), c->aside.len, out);
    px_article_add_removed(c->pg->a, px_buf_str(out), out->len);
}

static int collect_enter(void *ud, xmlNode *n)
{
    collector *c = ud;
    if (n->type == XML_TEXT_NODE && n->content) {
        size_t w = weight((const char *)n->content);
        px_buf_puts(&c->run, (const char *)n->content);
        c->run_weight += w;
        if (c->links) c->run_link += w;
        if (w) c->brs = 0;
        return 0;
    }
    html_elem *e = n->type == XML_ELEMENT_NODE ? px_html_elem(c->pg, n) : NULL;
    if (!e || e->kind == HK_DROP) return 0;
    if ((e->kind == HK_INLINE || e->kind == HK_LINK) && e->own && n != c->top) {
        remove_inline(c, n); /* <span class="ad">: out, the paragraph goes on */
        return 0;
    }
    switch (e->kind) {
    case HK_BR:
        if (++c->brs >= 2) flush(c);
        else px_buf_putc(&c->run, ' ');
        return 0;
    case HK_INLINE:
        return 1;
    case HK_LINK:
        c->links++;
        return 1;
    default:
        flush(c);
        if (goes_to_removed(c, e)) c->removed++;
        return 1;
    }
}

static void collect_leave(void *ud, xmlNode *n)
{
    collector *c = ud;
    html_elem *e = px_html_elem(c->pg, n);
    if (!e || e->kind == HK_INLINE) return;
    if (e->kind == HK_LINK) {
        c->links--;
        return;
    }
    flush(c);
    if (goes_to_removed(c, e)) c->removed--;
}

void px_html_body(html_page *pg)
{
    html_nodes containers = {0};
    choose_containers(pg, &containers);
    if (!use_ld_body(pg, &containers)) {
        collector c = {.pg = pg};
        for (size_t i = 0; i < containers.len; i++) {
            c.top = containers.items[i];
            px_html_walk(c.top, collect_enter, collect_leave, &c);
            flush(&c);
        }
        px_buf_free(&c.run);
        px_buf_free(&c.aside);
    }
    px_vec_free(&containers);
}
