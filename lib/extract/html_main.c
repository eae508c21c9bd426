/*
 * html_main.c — which element(s) of the page hold the article.
 *
 * Three signals, from the page's own word to inference:
 *
 *  1. itemprop=articleBody (schema.org microdata): the page says where its
 *     body is.  Every such element is used, outermost ones only, since
 *     some sites split the body around ads; unless they hold only a sliver
 *     of the prose (a teaser card marked up by a careless template).
 *
 *  2. Candidate scores, after Readability: html_dom.c credited every
 *     element with the prose runs below it, most to the nearest.  Here the
 *     credit gets a start by tag (a <div> or <article> is a likely body, a
 *     list or a heading is not) and by name (+25 for "content", "article",
 *     "story"...; -25 for boilerplate), and is scaled by 1 - link density,
 *     so a block of teasers loses to a block of prose, and by 1.5 when it
 *     or its parent holds the headline (the <h1> chosen as title): a body
 *     sits by its headline, a list of teasers does not.  The best element
 *     then moves up when its parent scores almost as well (the body was
 *     split into sections) or when several good candidates share an
 *     ancestor, and when it is an only child.
 *
 *  3. Siblings: the best element's siblings join it when they score well
 *     themselves or are clean paragraphs (the lead paragraph that a
 *     template puts outside the body <div>).  A sibling with the same
 *     class as the best one gets a bonus: it is likely the next part.
 *     A prose box (a few lines of prose, almost no links, nothing in its
 *     name or tag saying furniture) joins too, beside the best element,
 *     its parent or the parent's parent: page builders and CMSs cut a
 *     text into sections ("text block", "accordion panel", "second
 *     column") whose parts score low alone, while furniture has links,
 *     names or no prose.
 *
 * A semantic container (<article>, <main>) is not trusted on its own: it
 * wraps teaser cards as often as bodies.  It helps through the +25 of its
 * name and by narrowing: when the chosen element holds a descendant named
 * as content that has nearly all the prose, that descendant is the body,
 * without the headline, byline and share bar around it.
 *
 * With no prose at all (a page of short lines), the whole <body>.
 */
#include <string.h>

#include "extract/html.h"

#define MAX_PARTS 64 /* itemprop=articleBody parts used */

/* The score an element starts with, by tag. */
static double tag_base(const html_elem *e)
{
    const xmlNode *n = e->node;
    if (px_html_is(n, "div") || px_html_is(n, "article") || px_html_is(n, "section") ||
        px_html_is(n, "main"))
        return 5;
    if (px_html_is(n, "pre") || px_html_is(n, "td") || px_html_is(n, "blockquote")) return 3;
    if (px_html_is(n, "ol") || px_html_is(n, "ul") || px_html_is(n, "dl") ||
        px_html_is(n, "dd") || px_html_is(n, "dt") || px_html_is(n, "li") ||
        px_html_is(n, "form") || px_html_is(n, "address"))
        return -3;
    if (e->kind == HK_HEADING || e->kind == HK_H1 || px_html_is(n, "th")) return -5;
    return 0;
}

static double name_weight(const html_elem *e)
{
    if (e->hints & (HN_BOILER | HN_COMMENT) && !(e->hints & HN_CONTENT)) return -25;
    if (e->hints & HN_CONTENT) return 25;
    return 0;
}

#define NEAR_HEADLINE 1.5 /* score factor for a candidate by the headline */

/* 1 when candidate i holds the page's headline, or its parent does: the
 * body of an article sits by its headline, teasers and sidebars do not. */
static int by_headline(const html_page *pg, size_t i, size_t h)
{
    if (h == HTML_NONE) return 0;
    size_t up = pg->elems.items[i].parent;
    return px_html_within(pg, i, h) || px_html_within(pg, up, h);
}

/* Turns the credits of html_dom.c into final scores; returns the best
 * element, or HTML_NONE when no element has any. */
static size_t final_scores(html_page *pg)
{
    size_t best = HTML_NONE;
    double top = 0;
    html_elem *he = pg->headline ? px_html_elem(pg, pg->headline) : NULL;
    size_t h = he ? HTML_INDEX(pg, he) : HTML_NONE;
    for (size_t i = 0; i < pg->elems.len; i++) {
        html_elem *e = &pg->elems.items[i];
        if (e->score <= 0) continue;
        if (e->inherit || px_html_is(e->node, "html") || px_html_is(e->node, "head")) {
            e->score = 0;
            continue;
        }
        e->score = (e->score + tag_base(e) + name_weight(e)) * (1 - px_html_link_density(e));
        if (by_headline(pg, i, h)) e->score *= NEAR_HEADLINE;
        if (e->score > top) top = e->score, best = i;
    }
    return best;
}

#define ALTERNATIVES 5    /* runners-up looked at */
#define ALTERNATIVE_SHARE 0.75
#define MIN_ALTERNATIVES 3

/* When three of the runners-up within 75% of the best share an ancestor
 * with it, the body was split and that ancestor holds it all. */
static size_t shared_ancestor(html_page *pg, size_t best)
{
    size_t alt[ALTERNATIVES];
    size_t n = 0;
    double floor = pg->elems.items[best].score * ALTERNATIVE_SHARE;
    for (size_t i = 0; i < pg->elems.len; i++) { /* the top few, unordered */
        if (i == best || pg->elems.items[i].score < floor) continue;
        if (n < ALTERNATIVES) {
            alt[n++] = i;
            continue;
        }
        size_t low = 0;
        for (size_t k = 1; k < n; k++)
            if (pg->elems.items[alt[k]].score < pg->elems.items[alt[low]].score) low = k;
        if (pg->elems.items[i].score > pg->elems.items[alt[low]].score) alt[low] = i;
    }
    if (n < MIN_ALTERNATIVES) return best;
    for (size_t up = pg->elems.items[best].parent; up != HTML_NONE;
         up = pg->elems.items[up].parent) {
        if (pg->body && pg->elems.items[up].node == pg->body) break;
        size_t inside = 0;
        for (size_t k = 0; k < n; k++) inside += px_html_within(pg, up, alt[k]);
        if (inside >= MIN_ALTERNATIVES) return up;
    }
    return best;
}

/* Moves up while the parent scores at least a third of the best so far, and
 * onto it when it scores more: the article's sections add up above it. */
static size_t climb(html_page *pg, size_t best)
{
    double last = pg->elems.items[best].score, floor = last / 3;
    for (size_t up = pg->elems.items[best].parent; up != HTML_NONE;
         up = pg->elems.items[up].parent) {
        const html_elem *p = &pg->elems.items[up];
        if (pg->body && p->node == pg->body) break;
        if (p->score <= 0) continue;
        if (p->score < floor) break;
        if (p->score > last) return up;
        last = p->score;
    }
    return best;
}

/* The number of element children of n. */
static size_t element_children(const xmlNode *n)
{
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) k += c->type == XML_ELEMENT_NODE;
    return k;
}

static size_t only_child_up(html_page *pg, size_t best)
{
    for (;;) {
        size_t up = pg->elems.items[best].parent;
        if (up == HTML_NONE || (pg->body && pg->elems.items[up].node == pg->body) ||
            element_children(pg->elems.items[up].node) != 1 || pg->elems.items[up].inherit)
            return best;
        best = up;
    }
}

/* ---- siblings ------------------------------------------------------------ */

static int same_class(const xmlNode *a, const xmlNode *b)
{
    const char *x = px_html_attr(a, "class"), *y = px_html_attr(b, "class");
    return x && y && *x && !strcmp(x, y);
}

/* The text of element n ends a sentence. */
static int ends_sentence(html_page *pg, xmlNode *n)
{
    px_buf t = {0};
    px_html_node_text(pg, n, &t, 4096);
    size_t len = t.len;
    while (len && strchr(" \t\r\n", t.data[len - 1])) len--;
    int yes = len && strchr(".!?\"", t.data[len - 1]);
    px_buf_free(&t);
    return yes;
}

#define SIBLING_PROSE 200  /* bytes of prose in a prose box */
#define SIBLING_LINKS 0.05 /* its highest link density */

/* A sibling section of the body that is the article's text by its look
 * alone: prose, hardly a link, neither it nor an ancestor named or tagged
 * as furniture, comments, a caption or a field. */
static int prose_box(const html_elem *s)
{
    return !s->inherit && s->kind != HK_DROP && !s->own &&
           !(s->hints & (HN_BOILER | HN_COMMENT | HN_CAPTION | HN_META)) &&
           s->good >= SIBLING_PROSE && px_html_link_density(s) < SIBLING_LINKS;
}

/* Does sibling s join the best element b? */
static int joins(html_page *pg, const html_elem *b, const html_elem *s)
{
    if (s->inherit || s->kind == HK_DROP || !s->text) return 0;
    double bonus = same_class(b->node, s->node) ? b->score * 0.2 : 0;
    double floor = b->score * 0.2 > 10 ? b->score * 0.2 : 10;
    if (s->score + bonus >= floor) return 1;
    if (prose_box(s)) return 1;
    if (!px_html_is(s->node, "p")) return 0;
    double ld = px_html_link_density(s);
    if (s->text > 80) return ld < 0.25;
    return ld == 0 && ends_sentence(pg, s->node);
}

#define BOX_LEVELS 2 /* ancestors of the best element whose siblings may be prose boxes */

/* The prose boxes among the children of element `in`, before (after = 0)
 * or after (1) its child `from`, into out. */
static void prose_boxes(html_page *pg, const xmlNode *in, const xmlNode *from, int after,
                        html_nodes *out)
{
    for (xmlNode *c = after ? from->next : in->children; c && c != from; c = c->next) {
        html_elem *s = c->type == XML_ELEMENT_NODE ? px_html_elem(pg, c) : NULL;
        if (s && prose_box(s)) px_vec_push(out, c);
    }
}

/* The best element with the siblings that join it, in document order; and
 * the prose boxes beside its parent and the parent's parent, a text's
 * sections being nested a level or two deeper than each other (not
 * beside an element of <body>: there the siblings are the page's
 * columns). */
static void with_siblings(html_page *pg, size_t best, html_nodes *out)
{
    const html_elem *b = &pg->elems.items[best];
    size_t up = b->parent;
    if (up == HTML_NONE || b->score <= 0) {
        px_vec_push(out, b->node);
        return;
    }
    size_t chain[BOX_LEVELS + 1] = {up}; /* chain[k + 1] holds chain[k] */
    int levels = 0;
    while (levels < BOX_LEVELS) {
        size_t k = chain[levels], above = pg->elems.items[k].parent;
        if (above == HTML_NONE || pg->elems.items[k].inherit ||
            (pg->body && pg->elems.items[above].node == pg->body))
            break;
        chain[++levels] = above;
    }
    for (int l = levels; l > 0; l--)
        prose_boxes(pg, pg->elems.items[chain[l]].node, pg->elems.items[chain[l - 1]].node, 0, out);
    for (xmlNode *c = pg->elems.items[up].node->children; c; c = c->next) {
        html_elem *s = c->type == XML_ELEMENT_NODE ? px_html_elem(pg, c) : NULL;
        if (s && (s == b || joins(pg, b, s))) px_vec_push(out, c);
    }
    for (int l = 1; l <= levels; l++)
        prose_boxes(pg, pg->elems.items[chain[l]].node, pg->elems.items[chain[l - 1]].node, 1, out);
}

/* ---- a body split in parts ---------------------------------------------- */

/* 1 when the class token t[0..n) names a grid cell or a generic box
 * ("cell", "col-md-8", "row", "container", "wrapper"): shared by every
 * part of a page, not by the parts of one text. */
static int layout_token(const char *t, size_t n)
{
    static const char *const words[] = {"cell", "col", "column", "columns", "row", "container",
                                        "wrapper", "wrap", "grid", "span", "clearfix", "flex",
                                        "box", "inner", "block", "section", "module", "item",
                                        "content", "main", "left", "right", "card", NULL};
    for (const char *const *w = words; *w; w++) {
        size_t k = strlen(*w);
        if (n >= k && !strncmp(t, *w, k) && (n == k || strchr("-_0123456789", t[k]))) return 1;
    }
    return 0;
}

/* 1 when the class lists a and b start with the same token: page builders
 * add a unique token per block ("wpb_text_column vc_custom_1570185518034")
 * after the one naming the kind of block. */
static int same_first_class(const char *a, const char *b)
{
    if (!a || !b) return 0;
    while (*a == ' ') a++;
    while (*b == ' ') b++;
    size_t n = strcspn(a, " \t\n");
    return n && n == strcspn(b, " \t\n") && !strncmp(a, b, n) && !layout_token(a, n);
}

/* 1 when element i is a part of the body beside the best one b: same tag
 * and class, prose, outside furniture, b and the last part taken. */
static int is_part(html_page *pg, size_t i, size_t best, size_t last)
{
    const html_elem *e = &pg->elems.items[i], *b = &pg->elems.items[best];
    if (i == best) return 1;
    if (!e->good || e->inherit || px_html_within(pg, last, i) || px_html_within(pg, i, best) ||
        px_html_within(pg, best, i) || strcmp((const char *)e->node->name, (const char *)b->node->name))
        return 0;
    return same_first_class(px_html_attr(e->node, "class"), px_html_attr(b->node, "class"));
}

/* Other elements with the best one's tag and class, holding prose, outside
 * it and each other: a template that cuts the body into parts around
 * pictures or ads repeats the class of each part.  They go into out, in
 * document order, the best one among them; 0 when there is no other. */
static int same_class_parts(html_page *pg, size_t best, html_nodes *out)
{
    const char *cls = px_html_attr(pg->elems.items[best].node, "class");
    if (!cls || !*cls) return 0;
    size_t found = 0, last = HTML_NONE;
    for (size_t i = 0; i < pg->elems.len; i++)
        if (is_part(pg, i, best, last)) {
            found += i != best;
            last = i;
        }
    if (!found) return 0;
    last = HTML_NONE;
    for (size_t i = 0; i < pg->elems.len; i++)
        if (is_part(pg, i, best, last)) {
            px_vec_push(out, pg->elems.items[i].node);
            last = i;
        }
    return 1;
}

/* ---- narrowing ----------------------------------------------------------- */

#define NARROW_SHARE 0.9 /* of the prose a named content element must hold */

/* The deepest element below i named as content that holds nearly all of
 * i's prose, or i. */
static size_t narrow(html_page *pg, size_t i)
{
    const html_elem *top = &pg->elems.items[i];
    size_t best = i;
    for (size_t k = i + 1; k < top->end; k++) {
        const html_elem *e = &pg->elems.items[k];
        if (!(e->hints & HN_CONTENT) || e->inherit || e->kind == HK_DROP) continue;
        if ((double)e->good >= NARROW_SHARE * (double)top->good && e->good) best = k;
    }
    return best;
}

/* ---- widening ------------------------------------------------------------ */

#define WIDEN_LEVELS 6

static int semantic(const html_elem *e)
{
    const char *role = px_html_attr(e->node, "role");
    return px_html_is(e->node, "article") || px_html_is(e->node, "main") ||
           (role && strstr(role, "main")) || e->hints & HN_CONTENT;
}

/* The nearest <article>, <main> or element named as content above the
 * chosen one, when what it adds is clean text: outside boilerplate, under
 * half links, and no more than the chosen element holds.  The intro, the
 * list or the table a template puts beside the body's paragraphs is the
 * article's too; furniture inside it is pruned later, by html_body.c. */
static size_t widen(html_page *pg, size_t i)
{
    const html_elem *c = &pg->elems.items[i];
    size_t up = c->parent;
    for (int level = 0; level < WIDEN_LEVELS && up != HTML_NONE; level++) {
        const html_elem *a = &pg->elems.items[up];
        if ((pg->body && a->node == pg->body) || a->inherit) break;
        if (semantic(a)) {
            size_t extra = a->clean - c->clean, extra_link = a->clean_link - c->clean_link;
            if (extra_link * 2 < extra && extra <= c->clean) return up;
            break;
        }
        up = a->parent;
    }
    return i;
}

/* ---- the lead ------------------------------------------------------------ */

#define LEAD_LEVELS 4     /* how far above the body the lead may sit */

/* The article's lead paragraph, when the template prints it above the body
 * ("intro", "lead", "teaser", "standfirst", "summary"): the nearest such
 * element before the first container, under a common ancestor at most a
 * few levels up, clean prose of one or two paragraphs, not a list (a block
 * of teasers is no lead; an article's <header> may hold it; its own name
 * may read as boilerplate, "teaser-text", its ancestors' may not).  It
 * goes first, before itemprop=articleBody parts too. */
static void add_lead(html_page *pg, html_nodes *out)
{
    html_elem *first = out->len ? px_html_elem(pg, out->items[0]) : NULL;
    if (!first) return;
    size_t c = HTML_INDEX(pg, first), top = c;
    for (int l = 0; l < LEAD_LEVELS && pg->elems.items[top].parent != HTML_NONE; l++)
        top = pg->elems.items[top].parent;
    if (pg->body && pg->elems.items[top].node == pg->body) return;
    for (size_t i = c; i-- > top;) {
        const html_elem *e = &pg->elems.items[i];
        if (px_html_within(pg, i, c)) continue; /* an ancestor of the body */
        /* its own name may read as boilerplate ("teaser-text"): only its
         * ancestors' count */
        size_t up = e->parent;
        if ((up != HTML_NONE && pg->elems.items[up].inherit & ~HB_CHROME) ||
            e->own & ~(HB_ATTR | HB_CHROME) || !px_html_is_lead(e))
            continue;
        px_vec_push(out, NULL);
        memmove(out->items + 1, out->items, (out->len - 1) * sizeof *out->items);
        out->items[0] = e->node;
        return;
    }
}

/* ---- itemprop=articleBody ------------------------------------------------ */

/* The outermost itemprop=articleBody parts with text, into out. */
static void body_parts(html_page *pg, html_nodes *out)
{
    const html_nodes *parts = &pg->itemprop_bodies;
    size_t outer = HTML_NONE;
    for (size_t i = 0; i < parts->len && out->len < MAX_PARTS; i++) {
        html_elem *e = px_html_elem(pg, parts->items[i]);
        if (!e || !e->text || e->kind == HK_DROP) continue;
        size_t me = HTML_INDEX(pg, e);
        if (px_html_within(pg, outer, me)) continue; /* nested in the last one kept */
        outer = me;
        px_vec_push(out, parts->items[i]);
    }
}

void px_html_main(html_page *pg, html_nodes *out)
{
    size_t best = final_scores(pg);
    if (best != HTML_NONE) {
        best = shared_ancestor(pg, best);
        best = climb(pg, best);
        best = only_child_up(pg, best);
    }
    body_parts(pg, out);
    if (out->len && best != HTML_NONE) {
        size_t good = 0;
        int holds_best = 0;
        for (size_t i = 0; i < out->len; i++) {
            size_t k = HTML_INDEX(pg, px_html_elem(pg, out->items[i]));
            good += pg->elems.items[k].good;
            holds_best |= px_html_within(pg, k, best) || px_html_within(pg, best, k);
        }
        if (!holds_best && good * 2 < pg->elems.items[best].good) out->len = 0;
    }
    if (out->len) { /* the page's articleBody parts: a lead printed above them too */
        add_lead(pg, out);
        return;
    }
    if (best != HTML_NONE) {
        size_t narrowed = narrow(pg, best);
        if (narrowed != best) px_vec_push(out, pg->elems.items[narrowed].node);
        else if (!same_class_parts(pg, best, out)) with_siblings(pg, widen(pg, best), out);
        add_lead(pg, out);
        return;
    }
    px_vec_push(out, pg->body ? pg->body : pg->root);
}
