/*
 * html_dom.c — the analysis pass over the parsed page, and text helpers.
 *
 * One iterative walk over the whole tree does everything that needs the
 * whole page, so the page is read once however many signals use it; what
 * comes after works on the arrays it fills, not on the tree:
 *
 *  - Each element gets an html_elem (its index + 1 in node->_private), in
 *    document order: its kind from the tag name (html.h), what its class,
 *    id and role say (html_hints.c), and boilerplate bits from both (nav,
 *    aside, header, footer, figure, form; share bars, comments...).
 *
 *  - Totals per element, added up into the parent when the walk leaves an
 *    element: readable text (non-space bytes) and the part inside <a>
 *    (link density, the strongest single sign of navigation), commas, text
 *    in lists and headings, and counts of <p>, <img>, <li>, form fields and
 *    embeds below it, for the conditional clean-up of html_body.c.
 *
 *  - Runs: the text between two block boundaries (a block element opening
 *    or closing, two <br>s), which is what a reader sees as one paragraph,
 *    whatever the markup.  A run of prose (25+ bytes, under half links)
 *    adds its length to its block's "good" text.
 *
 *  - Then, on the arrays: boilerplate bits are voided on elements that hold
 *    most of the page's prose (see settle_bits), inherited down, and each
 *    prose run credits the elements above it (credit_runs), which is where
 *    html_main.c looks for the article.
 *
 *  - Where metadata lives: <meta>, <link>, <title>, JSON-LD scripts,
 *    <time>, <h1>, byline candidates, <article>, <main>, itemprop bodies.
 *
 * Text inside elements that are not rendered (script, style, template,
 * hidden="", style="display:none") is never counted or collected.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/html.h"

/* ---- small helpers ------------------------------------------------------- */

int px_html_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

const char *px_html_attr(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE) return NULL;
    for (const xmlAttr *at = n->properties; at; at = at->next) {
        if (!at->name || strcmp((const char *)at->name, name)) continue;
        const xmlNode *v = at->children;
        if (v && (v->type == XML_TEXT_NODE) && v->content) return (const char *)v->content;
        return "";
    }
    return NULL;
}

html_elem *px_html_elem(html_page *pg, const xmlNode *n)
{
    uintptr_t i = n ? (uintptr_t)n->_private : 0;
    if (!i || i > pg->elems.len || pg->elems.items[i - 1].node != n) return NULL;
    return &pg->elems.items[i - 1];
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* 1 when s is a white-space separated token list holding word (any case). */
static int has_token(const char *s, const char *word)
{
    size_t k = strlen(word);
    while (s && *s) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
        size_t n = 0;
        while (s[n] && !strchr(" \t\n\r", s[n])) n++;
        if (n == k) {
            size_t i = 0;
            while (i < n && lower((unsigned char)s[i]) == word[i]) i++;
            if (i == n) return 1;
        }
        s += n;
    }
    return 0;
}

/* ---- white space and UTF-8 ----------------------------------------------- */

void px_html_squeeze(const char *s, size_t n, px_buf *out)
{
    size_t start = out->len, i = 0;
    int space = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c <= 0x20 || c == 0x7F) {
            space = 1, i++;
            continue;
        }
        if (space && out->len > start) px_buf_putc(out, ' ');
        space = 0;
        if (c < 0x80) { /* a run of printable ASCII, copied at once */
            size_t j = i + 1;
            while (j < n && (unsigned char)s[j] > 0x20 && (unsigned char)s[j] < 0x7F) j++;
            px_buf_append(out, s + i, j - i);
            i = j;
            continue;
        }
        unsigned cp = px_utf8_next(s, n, &i); /* invalid bytes: U+FFFD */
        if (px_unicode_space(cp) || (cp >= 0x80 && cp <= 0x9F)) space = 1; /* C1: never text */
        else if (!px_unicode_invisible(cp)) px_utf8_put(out, cp);
    }
}

void px_html_set_field(html_page *pg, const char **field, const char *s, size_t n)
{
    if (*field || !s) return;
    px_buf_reset(&pg->scratch);
    px_html_squeeze(s, n, &pg->scratch);
    *field = px_article_str(pg->a, px_buf_str(&pg->scratch), pg->scratch.len);
}

/* ---- the walk ------------------------------------------------------------ */

void px_html_walk(xmlNode *top, html_enter_fn enter, html_leave_fn leave, void *ud)
{
    xmlNode *n = top;
    for (;;) {
        int entered = enter(ud, n);
        if (entered && n->children) {
            n = n->children;
            continue;
        }
        if (entered) leave(ud, n);
        while (n != top && !n->next) {
            n = n->parent;
            leave(ud, n);
        }
        if (n == top) return;
        n = n->next;
    }
}

/* ---- element kinds ------------------------------------------------------- */

/* What the element counts as in html_elem's totals. */
enum { TC_P = 1, TC_IMG, TC_LI, TC_INPUT, TC_EMBED };

typedef struct tag_kind {
    const char *name;
    unsigned char kind;  /* html_kind */
    unsigned char count; /* TC_*, or 0 */
} tag_kind;

static const tag_kind tag_kinds[] = { /* sorted by name for bsearch */
    {"a", HK_LINK, 0},
    {"address", HK_PARA, 0},
    {"applet", HK_DROP, 0},
    {"article", HK_BLOCK, 0},
    {"aside", HK_CHROME, 0},
    {"audio", HK_DROP, 0},
    {"base", HK_DROP, 0},
    {"blockquote", HK_PARA, 0},
    {"body", HK_BLOCK, 0},
    {"br", HK_BR, 0},
    {"button", HK_DROP, 0},
    {"canvas", HK_DROP, 0},
    {"caption", HK_PARA, 0},
    {"center", HK_BLOCK, 0},
    {"dd", HK_PARA, 0},
    {"details", HK_BLOCK, 0},
    {"dialog", HK_DROP, 0},
    {"div", HK_BLOCK, 0},
    {"dl", HK_BLOCK, 0},
    {"dt", HK_PARA, 0},
    {"embed", HK_DROP, TC_EMBED},
    {"fieldset", HK_BLOCK, 0},
    {"figcaption", HK_FIGURE, 0},
    {"figure", HK_FIGURE, 0},
    {"footer", HK_CHROME, 0},
    {"form", HK_FORM, 0},
    {"frame", HK_DROP, 0},
    {"frameset", HK_DROP, 0},
    {"h1", HK_H1, 0},
    {"h2", HK_HEADING, 0},
    {"h3", HK_HEADING, 0},
    {"h4", HK_HEADING, 0},
    {"h5", HK_HEADING, 0},
    {"h6", HK_HEADING, 0},
    {"head", HK_BLOCK, 0},
    {"header", HK_CHROME, 0},
    {"hgroup", HK_BLOCK, 0},
    {"hr", HK_BLOCK, 0},
    {"html", HK_BLOCK, 0},
    {"iframe", HK_DROP, TC_EMBED},
    {"img", HK_DROP, TC_IMG},
    {"input", HK_DROP, TC_INPUT},
    {"legend", HK_PARA, 0},
    {"li", HK_PARA, TC_LI},
    {"link", HK_DROP, 0},
    {"main", HK_BLOCK, 0},
    {"map", HK_DROP, 0},
    {"math", HK_DROP, 0},
    {"menu", HK_BLOCK, 0},
    {"meta", HK_DROP, 0},
    {"nav", HK_CHROME, 0},
    {"noscript", HK_DROP, 0},
    {"object", HK_DROP, TC_EMBED},
    {"ol", HK_BLOCK, 0},
    {"option", HK_DROP, 0},
    {"p", HK_PARA, TC_P},
    {"param", HK_DROP, 0},
    {"picture", HK_DROP, 0},
    {"pre", HK_PARA, 0},
    {"script", HK_DROP, 0},
    {"section", HK_BLOCK, 0},
    {"select", HK_DROP, TC_INPUT},
    {"source", HK_DROP, 0},
    {"style", HK_DROP, 0},
    {"summary", HK_PARA, 0},
    {"svg", HK_DROP, 0},
    {"table", HK_BLOCK, 0},
    {"tbody", HK_BLOCK, 0},
    {"td", HK_PARA, 0},
    {"template", HK_DROP, 0},
    {"textarea", HK_DROP, TC_INPUT},
    {"tfoot", HK_BLOCK, 0},
    {"th", HK_PARA, 0},
    {"thead", HK_BLOCK, 0},
    {"title", HK_DROP, 0},
    {"tr", HK_BLOCK, 0},
    {"track", HK_DROP, 0},
    {"ul", HK_BLOCK, 0},
    {"video", HK_DROP, TC_EMBED},
};

static int tag_cmp(const void *key, const void *item)
{
    return strcmp(key, ((const tag_kind *)item)->name);
}

#define TAG_CACHE 64 /* slots of the tag lookup cache */

/* The table entry of a tag name, or NULL for tags not in it (inline).
 * libxml2 interns tag names in its dictionary, so a page's "div"s share one
 * pointer: a small cache keyed by that pointer saves the binary search on
 * nearly every element. */
typedef struct tag_cache {
    const xmlChar *name[TAG_CACHE];
    const tag_kind *entry[TAG_CACHE];
} tag_cache;

static const tag_kind *tag_of(tag_cache *tc, const xmlChar *name)
{
    size_t slot = ((uintptr_t)name >> 4) % TAG_CACHE;
    if (tc->name[slot] == name) return tc->entry[slot];
    const tag_kind *t = bsearch(name, tag_kinds, sizeof tag_kinds / sizeof *tag_kinds,
                                sizeof *tag_kinds, tag_cmp);
    tc->name[slot] = name;
    tc->entry[slot] = t;
    return t;
}

static int is_flow(unsigned char kind)
{
    return kind == HK_INLINE || kind == HK_LINK || kind == HK_BR;
}

/* 1 when the inline style hides the element. */
static int style_hides(const char *style)
{
    char low[256];
    size_t n = 0;
    for (; style && *style && n + 1 < sizeof low; style++)
        if (*style != ' ') low[n++] = (char)lower((unsigned char)*style);
    low[n] = '\0';
    return strstr(low, "display:none") || strstr(low, "visibility:hidden");
}

/* Boilerplate bits of element n from its tag and hints. */
static unsigned char own_bits(const xmlNode *n, html_kind kind, unsigned hints)
{
    unsigned char bits = 0;
    if (kind == HK_CHROME) bits |= px_html_is(n, "header") || px_html_is(n, "footer")
                                       ? HB_CHROME : HB_NAV;
    if (kind == HK_FIGURE) bits |= HB_FIGURE;
    if (kind == HK_FORM) bits |= HB_FORM;
    if (px_html_is(n, "html") || px_html_is(n, "body")) return 0;
    if (hints & (HN_BOILER | HN_COMMENT) && !(hints & HN_CONTENT)) bits |= HB_ATTR;
    return bits;
}

/* ---- the analysis pass --------------------------------------------------- */

/* Non-space bytes of s[0..n) and its commas (",", and the CJK and Arabic
 * ones: clause marks are the signature of prose in any script); its
 * non-space letters in *letters (UTF-8 continuation bytes not counted). */
static size_t text_weight(const char *s, unsigned *commas, size_t *letters)
{
    size_t n = 0, more = 0; /* more: UTF-8 continuation bytes */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        n += !(*p == ' ' || (*p >= '\t' && *p <= '\r'));
        more += (*p & 0xC0) == 0x80;
        if (*p == ',') ++*commas;
        else if (*p == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ++*commas; /* U+FF0C */
        else if (*p == 0xE3 && p[1] == 0x80 && p[2] == 0x81) ++*commas; /* U+3001 */
        else if (*p == 0xD8 && p[1] == 0x8C) ++*commas;                 /* U+060C */
    }
    *letters = n - more;
    return n;
}

static int is_byline_candidate(const xmlNode *n)
{
    const char *rel = px_html_attr(n, "rel"), *itemprop = px_html_attr(n, "itemprop");
    if ((rel && has_token(rel, "author")) || (itemprop && has_token(itemprop, "author")))
        return 1;
    const char *attrs[] = {px_html_attr(n, "class"), px_html_attr(n, "id")};
    for (size_t k = 0; k < 2; k++) {
        const char *s = attrs[k];
        for (size_t i = 0; s && s[i]; i++) { /* a segment starting "byline" or "author" */
            if (i && !strchr(" -_", s[i - 1])) continue;
            if (!strncmp(s + i, "byline", 6) || !strncmp(s + i, "author", 6) ||
                !strncmp(s + i, "Byline", 6) || !strncmp(s + i, "Author", 6))
                return 1;
        }
    }
    return 0;
}

static int is_jsonld(const xmlNode *n)
{
    const char *type = px_html_attr(n, "type");
    if (!type) return 0;
    while (*type == ' ') type++;
    const char *want = "application/ld+json";
    size_t k = strlen(want);
    for (size_t i = 0; i < k; i++)
        if (lower((unsigned char)type[i]) != want[i]) return 0;
    return !type[k] || strchr(" ;", type[k]);
}

#define MAX_DATED 64 /* date-like elements noted */
#define MAX_H2S 16   /* <h2>s noted: a headline is among the first */

/* Notes n in the lists metadata and body choice read later (the ones that
 * must be outside boilerplate are filtered once the bits are final). */
static void note_element(html_page *pg, xmlNode *n, const html_elem *e)
{
    const char *name = (const char *)n->name;
    if (!strcmp(name, "meta")) px_vec_push(&pg->metas, n);
    else if (!strcmp(name, "link")) px_vec_push(&pg->links, n);
    else if (!strcmp(name, "title") && !pg->title) pg->title = n;
    else if (!strcmp(name, "base") && !pg->base) pg->base = n;
    else if (!strcmp(name, "body") && !pg->body) pg->body = n;
    else if (!strcmp(name, "script") && is_jsonld(n)) px_vec_push(&pg->jsonld, n);
    else if (!strcmp(name, "script") && n->children) px_vec_push(&pg->scripts, n);
    else if (!strcmp(name, "time")) px_vec_push(&pg->times, n);
    else if (!strcmp(name, "h1")) px_vec_push(&pg->h1s, n);
    else if (!strcmp(name, "h2") && pg->h2s.len < MAX_H2S) px_vec_push(&pg->h2s, n);
    else if (!strcmp(name, "article")) px_vec_push(&pg->articles, n);
    else if (!strcmp(name, "main")) px_vec_push(&pg->mains, n);
    const char *role = px_html_attr(n, "role");
    if (role && has_token(role, "main") && strcmp(name, "main")) px_vec_push(&pg->mains, n);
    if (e->hints & HN_BODYPROP) px_vec_push(&pg->itemprop_bodies, n);
    if (e->kind != HK_DROP && is_byline_candidate(n)) px_vec_push(&pg->bylines, n);
    if (pg->dated.len < MAX_DATED && e->hints & HN_DATED) px_vec_push(&pg->dated, n);
}

#define MIN_PARAGRAPH 25 /* non-space bytes for a run to count as prose */

typedef struct analysis {
    html_page *pg;
    size_t block;   /* the innermost open block element: owner of the run */
    int links;      /* open <a> elements */
    int lis, hs;    /* open <li>, <h1>-<h6> */
    int brs;        /* <br>s since the last text */
    html_run run;   /* the run being gathered */
    tag_cache tags;
} analysis;

/* A run is prose when it is long enough and not mostly link text. */
static int is_prose(const html_run *r)
{
    return r->weight >= MIN_PARAGRAPH && r->link * 2 < r->weight;
}

static void end_run(analysis *an)
{
    html_page *pg = an->pg;
    if (an->run.weight && an->block != HTML_NONE) {
        an->run.owner = an->block;
        px_vec_push(&pg->runs, an->run);
        if (is_prose(&an->run)) {
            pg->elems.items[an->block].good += an->run.weight;
            pg->elems.items[an->block].paras++;
        }
    }
    memset(&an->run, 0, sizeof an->run);
    an->brs = 0;
}

#define MAX_BYLINE_LINES 8 /* lines opening with a byline phrase noted */

/* Phrases that say who wrote what follows, lower case: a line opening
 * with one is a byline wherever it stands ("Geschrieben von Cooper am
 * 25.08.2015", "Posted by Jane Roe under Politics").  Two words each:
 * a bare "by" or "von" opens sentences too. */
static const char *const byline_phrases[] = {
    "written by ", "posted by ", "geschrieben von ", "erstellt von ", "verfasst von ",
    "ver\xC3\xB6""ffentlicht von ", "publi\xC3\xA9 par ", "r\xC3\xA9" "dig\xC3\xA9 par ",
    "escrito por ", "publicado por ", "scritto da ", "geschreven door ", "geplaatst door ", NULL};

size_t px_html_byline_phrase(const char *s)
{
    for (const char *const *p = byline_phrases; *p; p++) {
        size_t k = strlen(*p);
        if (!strncasecmp(s, *p, k)) return k;
    }
    return 0;
}

/* Notes the block of the run text node n opens when it opens with a
 * byline phrase. */
static void note_byline_line(analysis *an, const xmlNode *n)
{
    const char *s = (const char *)n->content;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    if (!*s || !strchr("wpgevrsWPGEVRS", *s)) return;
    if (an->block == HTML_NONE || an->pg->byline_lines.len >= MAX_BYLINE_LINES) return;
    if (!px_html_byline_phrase(s)) return;
    px_vec_push(&an->pg->byline_lines, an->pg->elems.items[an->block].node);
}

static void add_text(analysis *an, xmlNode *n)
{
    html_elem *p = px_html_elem(an->pg, n->parent);
    if (!p) return;
    unsigned commas = 0;
    size_t letters, w = text_weight((const char *)n->content, &commas, &letters);
    if (!w) return;
    if (!an->run.weight && !an->links) note_byline_line(an, n);
    p->text += w;
    p->commas += commas;
    if (an->links) p->link += w;
    if (an->lis) p->list += w;
    if (an->hs) p->heading += w;
    an->run.weight += w;
    an->run.commas += commas;
    if (an->links) an->run.link += w;
    else an->run.letters += letters;
    an->brs = 0;
}

/* Adds the totals of element i to its parent's. */
static void add_up(html_page *pg, size_t i)
{
    html_elem *e = &pg->elems.items[i];
    e->end = pg->elems.len;
    if (e->parent == HTML_NONE) return;
    html_elem *p = &pg->elems.items[e->parent];
    p->text += e->text, p->link += e->link, p->good += e->good, p->list += e->list;
    p->heading += e->heading, p->commas += e->commas, p->ps += e->ps, p->imgs += e->imgs;
    p->lis += e->lis, p->inputs += e->inputs, p->embeds += e->embeds, p->paras += e->paras;
}

static void count_tag(html_elem *e, const tag_kind *t)
{
    switch (t ? t->count : 0) {
    case TC_P: e->ps = 1; break;
    case TC_IMG: e->imgs = 1; break;
    case TC_LI: e->lis = 1; break;
    case TC_INPUT: e->inputs = 1; break;
    case TC_EMBED: e->embeds = 1; break;
    default: break;
    }
}

static int analyze_enter(void *ud, xmlNode *n)
{
    analysis *an = ud;
    html_page *pg = an->pg;
    if (n->type == XML_TEXT_NODE && n->content) {
        add_text(an, n);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name) return 0;
    html_elem e = {.node = n, .parent = HTML_NONE};
    html_elem *up = px_html_elem(pg, n->parent);
    if (up) e.parent = HTML_INDEX(pg, up);
    const tag_kind *t = tag_of(&an->tags, n->name);
    html_kind kind = t ? (html_kind)t->kind : HK_INLINE;
    if (kind != HK_DROP && (px_html_attr(n, "hidden") || style_hides(px_html_attr(n, "style"))))
        kind = HK_DROP;
    e.hints = (unsigned char)px_html_hints(&pg->class_cache, n);
    e.own = own_bits(n, kind, e.hints);
    e.kind = (unsigned char)kind;
    count_tag(&e, t);
    px_vec_push(&pg->elems, e);
    size_t i = pg->elems.len - 1;
    n->_private = (void *)(uintptr_t)pg->elems.len;
    note_element(pg, n, &pg->elems.items[i]);
    if (kind == HK_BR) {
        if (++an->brs >= 2) end_run(an);
    } else if (!is_flow((unsigned char)kind) && kind != HK_DROP) {
        end_run(an);
        an->block = i;
    }
    if (kind == HK_DROP || kind == HK_BR) { /* not entered: its leave is now */
        add_up(pg, i);
        return 0;
    }
    if (kind == HK_LINK) an->links++;
    if (t && t->count == TC_LI) an->lis++;
    if (kind == HK_HEADING || kind == HK_H1) an->hs++;
    return 1;
}

static void analyze_leave(void *ud, xmlNode *n)
{
    analysis *an = ud;
    html_page *pg = an->pg;
    html_elem *e = px_html_elem(pg, n);
    if (!e) return;
    size_t i = HTML_INDEX(pg, e);
    if (e->kind == HK_LINK) an->links--;
    if (px_html_is(n, "li")) an->lis--;
    if (e->kind == HK_HEADING || e->kind == HK_H1) an->hs--;
    if (!is_flow(e->kind)) {
        end_run(an);
        size_t up = e->parent; /* the block around it: where text goes on */
        while (up != HTML_NONE && is_flow(pg->elems.items[up].kind))
            up = pg->elems.items[up].parent;
        an->block = up;
    }
    add_up(pg, i);
}

/*
 * Boilerplate by class or tag is voided on an element that holds most of
 * the page's prose: page wrappers get names like "theiaStickySidebar",
 * "main-with-ads" or an ASP.NET <form> around everything, and furniture is
 * by nature the smaller part of a page.  Comments are the exception: a long
 * thread can outweigh a short article, and is still not the article.  A
 * weak name ("widget") counts only where the text agrees: a third of it
 * links, or under a third of it prose.
 */
static void settle_bits(html_page *pg)
{
    size_t n = pg->elems.len;
    if (!n) return;
    size_t total = pg->elems.items[0].good;
    for (size_t i = 0; i < n; i++) {
        html_elem *e = &pg->elems.items[i];
        if (e->hints & HN_WEAK && !(e->hints & HN_CONTENT) &&
            (px_html_link_density(e) >= 0.33 || e->good * 3 < e->text))
            e->own |= HB_ATTR; /* a weak name, and the text agrees */
        if (e->own && total && e->good * 2 >= total && !(e->hints & HN_COMMENT)) e->own = 0;
        e->inherit = (unsigned char)(e->own |
                                     (e->parent != HTML_NONE ? pg->elems.items[e->parent].inherit : 0));
    }
}

/* The text of each element outside its boilerplate-flagged descendants,
 * in one pass from the last element to the first (children come after
 * their parent): a flagged element takes its whole text off its parent's,
 * any other the flagged part of its own. */
static void clean_text(html_page *pg)
{
    for (size_t i = 0; i < pg->elems.len; i++) {
        html_elem *e = &pg->elems.items[i];
        e->clean = e->text, e->clean_link = e->link;
    }
    for (size_t i = pg->elems.len; i-- > 0;) {
        html_elem *e = &pg->elems.items[i];
        if (e->parent == HTML_NONE) continue;
        html_elem *p = &pg->elems.items[e->parent];
        if (e->own) {
            p->clean -= e->text, p->clean_link -= e->link;
        } else {
            p->clean -= e->text - e->clean, p->clean_link -= e->link - e->clean_link;
        }
    }
}

/* Keeps the elements of list that are outside navigation and boilerplate;
 * those that are only under a class or id naming boilerplate go to
 * attr_only when it is given (class names misfire: a "banner" is often the
 * headline's hero box). */
static void keep_clean(html_page *pg, html_nodes *list, html_nodes *attr_only)
{
    size_t k = 0;
    for (size_t i = 0; i < list->len; i++) {
        html_elem *e = px_html_elem(pg, list->items[i]);
        if (e && !(e->inherit & (HB_ATTR | HB_NAV))) list->items[k++] = list->items[i];
        else if (e && attr_only && !(e->inherit & HB_NAV)) px_vec_push(attr_only, list->items[i]);
    }
    list->len = k;
}

/*
 * Paragraph credit, after Readability: each prose run outside boilerplate
 * scores 1 + its commas + one per 100 bytes (at most 3), and the score
 * goes to the elements above it, less the higher they are (1, 1/2, 1/6,
 * 1/9, 1/12 over five levels).  A run in a <p> (or <td>, <pre>) credits
 * the <p>'s parent first; loose text in a <div> is a paragraph of its own,
 * so it credits the <div> first.  The element where the credit piles up is
 * the one whose children are the article's paragraphs.
 */
static void credit_runs(html_page *pg)
{
    static const double divider[] = {1, 2, 6, 9, 12};
    for (size_t r = 0; r < pg->runs.len; r++) {
        const html_run *run = &pg->runs.items[r];
        if (!is_prose(run)) continue;
        const html_elem *owner = &pg->elems.items[run->owner];
        if (owner->inherit) continue;
        if (owner->kind != HK_BLOCK && !px_html_is(owner->node, "p") &&
            !px_html_is(owner->node, "td") && !px_html_is(owner->node, "pre"))
            continue; /* headings, list items, quotes: not paragraphs of prose */
        double s = 1 + run->commas + (run->weight >= 300 ? 3 : (double)(run->weight / 100));
        size_t at = owner->kind == HK_BLOCK ? run->owner : owner->parent;
        for (int level = 0; level < 5 && at != HTML_NONE; level++) {
            pg->elems.items[at].score += s / divider[level];
            at = pg->elems.items[at].parent;
        }
    }
}

void px_html_analyze(html_page *pg)
{
    pg->root = xmlDocGetRootElement(pg->doc);
    if (!pg->root) return;
    analysis an = {.pg = pg, .block = HTML_NONE};
    px_html_walk(pg->root, analyze_enter, analyze_leave, &an);
    end_run(&an);
    settle_bits(pg);
    clean_text(pg);
    keep_clean(pg, &pg->times, NULL);
    keep_clean(pg, &pg->h1s, &pg->boiler_h1s);
    keep_clean(pg, &pg->h2s, NULL);
    keep_clean(pg, &pg->bylines, NULL);
    credit_runs(pg);
}

int px_html_within(const html_page *pg, size_t a, size_t d)
{
    return a != HTML_NONE && d != HTML_NONE && d >= a && d < pg->elems.items[a].end;
}

double px_html_link_density(const html_elem *e)
{
    return e->text ? (double)e->link / (double)e->text : 0;
}

/* ---- the text of an element ---------------------------------------------- */

typedef struct text_walk {
    html_page *pg;
    px_buf *out;
    size_t max;
    int own; /* leave out links, navigation and boilerplate */
} text_walk;

static int text_enter(void *ud, xmlNode *n)
{
    text_walk *w = ud;
    if (w->out->len > w->max) return 0;
    if (n->type == XML_TEXT_NODE && n->content) {
        px_buf_puts(w->out, (const char *)n->content);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE) return 0;
    html_elem *e = px_html_elem(w->pg, n);
    if (!e || e->kind == HK_DROP) return 0;
    if (w->own && (e->kind == HK_LINK || e->inherit & (HB_ATTR | HB_NAV))) return 0;
    if (e->kind != HK_INLINE && e->kind != HK_LINK) px_buf_putc(w->out, ' ');
    return e->kind != HK_BR;
}

static void text_leave(void *ud, xmlNode *n)
{
    text_walk *w = ud;
    html_elem *e = px_html_elem(w->pg, n);
    if (e && e->kind != HK_INLINE && e->kind != HK_LINK) px_buf_putc(w->out, ' ');
}

void px_html_node_text(html_page *pg, xmlNode *n, px_buf *out, size_t max)
{
    text_walk w = {pg, out, max, 0};
    px_html_walk(n, text_enter, text_leave, &w);
}

void px_html_own_text(html_page *pg, px_buf *out)
{
    text_walk w = {pg, out, (size_t)-1 / 2, 1};
    px_html_walk(pg->body ? pg->body : pg->root, text_enter, text_leave, &w);
}

const char *px_html_page_text(html_page *pg, size_t *len)
{
    if (!pg->text.data) {
        px_html_node_text(pg, pg->body ? pg->body : pg->root, &pg->text, (size_t)-1 / 2);
        px_buf_append(&pg->text, "", 0); /* built: data is set even for a page with no text */
    }
    *len = pg->text.len;
    return pg->text.data;
}
