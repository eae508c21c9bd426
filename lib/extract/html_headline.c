/*
 * html_headline.c — where the page's headline stands, and the short lines
 * around it.
 *
 * Title, date and author rules all ask where the reader sees the headline:
 * the <h1> chosen as title, else the first <h1> outside boilerplate, else
 * on a page with no <h1> the block whose whole text is the title
 * (px_html_headline(), answered once per page).  Around it stand the short
 * lines templates print without markup, the byline and the date:
 * px_html_near_headline() hands them out nearest first, passing over
 * navigation, link-only runs in boilerplate and the cards of other
 * articles (px_html_is_card(): the short <article>s of a grid or a list,
 * each with its own date and byline).  All of it reads the arrays
 * html_dom.c's walk filled; nothing here walks the whole tree again.
 */
#include <string.h>

#include "extract/html.h"

/* On a page with no <h1>, the block whose whole text is the title chosen
 * (a table cell of bold text on an old portal's page): where the reader
 * sees the headline.  Each block is read once, however many runs it owns:
 * a block of many short runs was read again for each, which made a page
 * with a long title quadratic in its size. */
static html_elem *titled_run(html_page *pg)
{
    const char *title = pg->a->title;
    size_t tl = title ? strlen(title) : 0, ns = 0; /* ns: its non-space bytes */
    if (!tl || pg->h1s.len) return NULL;
    for (size_t i = 0; i < tl; i++) ns += title[i] != ' ';
    px_buf text = {0}, sq = {0};
    html_elem *found = NULL;
    unsigned char *tried = px_xcalloc(pg->elems.len ? pg->elems.len : 1, 1);
    for (size_t r = 0; r < pg->runs.len && !found; r++) {
        size_t owner = pg->runs.items[r].owner;
        html_elem *e = &pg->elems.items[owner];
        if (tried[owner] || e->inherit & HB_NAV || e->text < ns || e->text > tl + 8) continue;
        tried[owner] = 1;
        px_buf_reset(&text);
        px_buf_reset(&sq);
        px_html_node_text(pg, e->node, &text, tl * 2 + 64);
        px_html_squeeze(px_buf_str(&text), text.len, &sq);
        if (sq.len == tl && !memcmp(sq.data, title, tl)) found = e;
    }
    free(tried);
    px_buf_free(&text);
    px_buf_free(&sq);
    return found;
}

/* The headline: the <h1> chosen as title; else the first <h1> with text
 * (outside boilerplate: pg->h1s is kept clean), still where the reader's
 * eye starts when the page's metadata titles it otherwise; else
 * titled_run(). */
static html_elem *find_headline(html_page *pg)
{
    if (pg->headline) return px_html_elem(pg, pg->headline);
    for (size_t i = 0; i < pg->h1s.len; i++) {
        html_elem *e = px_html_elem(pg, pg->h1s.items[i]);
        if (e && e->text) return e;
    }
    return titled_run(pg);
}

/* Kept: titled_run() reads blocks, and the date and the byline ask
 * several times. */
html_elem *px_html_headline(html_page *pg)
{
    if (!pg->headline_cache.known || pg->headline_cache.chosen != pg->headline ||
        pg->headline_cache.title != pg->a->title) {
        pg->headline_cache.elem = find_headline(pg);
        pg->headline_cache.chosen = pg->headline;
        pg->headline_cache.title = pg->a->title;
        pg->headline_cache.known = 1;
    }
    return pg->headline_cache.elem;
}

/* The inline text right after element h, up to the next block. */
static void text_after(html_page *pg, const html_elem *h, px_buf *text)
{
    for (xmlNode *n = h->node->next; n && text->len < 400; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content) px_buf_puts(text, (const char *)n->content);
        if (n->type != XML_ELEMENT_NODE) continue;
        const html_elem *e = px_html_elem(pg, n);
        if (!e || (e->kind != HK_INLINE && e->kind != HK_LINK && e->kind != HK_BR)) break;
        px_html_node_text(pg, n, text, 400);
    }
}

#define CARD_TEXT 600 /* non-space bytes: a longer <article> is no card */

int px_html_has_link(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (px_html_is(c, "a") || px_html_has_link(c))) return 1;
    return 0;
}

int px_html_is_card(html_page *pg, const xmlNode *p, const xmlNode *head)
{
    const html_elem *e = px_html_elem(pg, (xmlNode *)p);
    if (!head || pg->articles.len < 2 || !e || e->text > CARD_TEXT || !px_html_is(p, "article") ||
        !(e->link || px_html_has_link(p)))
        return 0;
    for (const xmlNode *a = head; a; a = a->parent)
        if (a == p) return 0;
    return 1;
}

/* 1 when node n lies in a card (px_html_is_card()): its nearest <article>
 * is one. */
static int in_card(html_page *pg, const xmlNode *n, const xmlNode *head)
{
    for (const xmlNode *p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (px_html_is(p, "article")) return px_html_is_card(pg, p, head);
    return 0;
}

/* Hands the line owning run r to fn; 1 when fn says done.  head is the
 * headline.  A run after it owned by a block that holds it too
 * ("<header><h1>..</h1><span>Stand - 12.11.2021</span><p>.."; h is the
 * headline for runs after it, NULL for runs before it) is no line of its
 * own: that block's text opens with what comes before the headline, so
 * the line is the inline text right after h.  Lines of navigation are
 * skipped, and so are a run that is all link text inside boilerplate (on
 * a short page the runs below the headline reach the sidebar, whose
 * "recent posts" list links other pages by their titles: "Das
 * MagenMorgazin am 01.07.17") and the runs of cards (px_html_is_card()):
 * a grid of other posts around a short text, each card dated. */
static int line_of_run(html_page *pg, const html_elem *head, const html_elem *h, size_t r,
                       size_t max_weight, size_t *last, px_buf *text, html_line_fn fn, void *ud)
{
    const html_run *run = &pg->runs.items[r];
    unsigned inherit = pg->elems.items[run->owner].inherit;
    if (run->owner == *last || run->letters > max_weight || inherit & HB_NAV ||
        (inherit & HB_ATTR && run->link == run->weight) ||
        in_card(pg, pg->elems.items[run->owner].node, head->node))
        return 0;
    *last = run->owner;
    px_buf_reset(text);
    if (h && run->owner < HTML_INDEX(pg, h)) text_after(pg, h, text);
    else px_html_node_text(pg, pg->elems.items[run->owner].node, text, 400);
    px_buf_reset(&pg->scratch);
    px_html_squeeze(px_buf_str(text), text->len, &pg->scratch);
    return pg->scratch.len && fn(pg, px_buf_str(&pg->scratch), pg->scratch.len, ud);
}

int px_html_near_headline(html_page *pg, size_t before, size_t after, size_t max_weight,
                          html_line_fn fn, void *ud)
{
    html_elem *h = px_html_headline(pg);
    if (!h) return 0;
    size_t first = 0, hi = HTML_INDEX(pg, h), last = HTML_NONE;
    while (first < pg->runs.len && pg->runs.items[first].owner < hi) first++;
    int done = 0;
    px_buf text = {0};
    for (size_t r = first, k = 0; r-- > 0 && k < before && !done; k++)
        done = line_of_run(pg, h, NULL, r, max_weight, &last, &text, fn, ud);
    size_t seen = 0;
    for (size_t r = first; r < pg->runs.len && seen < after && !done; r++) {
        size_t o = pg->runs.items[r].owner;
        if (o >= hi && o < h->end) continue; /* inside the headline */
        seen++;
        done = line_of_run(pg, h, h, r, max_weight, &last, &text, fn, ud);
    }
    px_buf_free(&text);
    return done;
}
