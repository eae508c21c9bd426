/*
 * html_dom.c — the analysis pass over the parsed page, and text helpers.
 *
 * One iterative walk over the whole tree does everything that needs the
 * whole page, so the page is read once however many signals use it:
 *
 *  - Each element gets an html_elem (its index + 1 in node->_private): its
 *    kind from the tag name (html.h), and boilerplate bits from the tag
 *    (nav, aside, header, footer, figure) or from class/id/role ("share",
 *    "related", "newsletter", "cookie", role=navigation...).  The bits are
 *    inherited, so everything inside a share bar is known to be in one.
 *
 *  - Text is counted bottom-up (each element adds its totals to its parent
 *    when the walk leaves it): readable text and the part inside <a>.  Text
 *    inside boilerplate is not passed up, so a container's count is what
 *    the body would get from it.  Link density = link / text.
 *
 *  - Paragraph scoring, after Readability: a clean <p>, <pre> or <td> of 25
 *    or more non-space bytes, not mostly links, credits its length to its
 *    parent and half to its grandparent (long bare text in a <div> counts
 *    the same way).  The element with the best score * (1 - link density)
 *    is where the paragraphs cluster: the fallback body container.
 *
 *  - Where metadata lives: <meta>, <link>, <title>, JSON-LD scripts,
 *    <time>, <h1>, byline candidates, <article>, <main>, itemprop bodies.
 *
 * Class names lie both ways, so the boilerplate test is conservative: a
 * token counts when one of its '-'/'_'/camelCase segments starts with a
 * boilerplate word, and an element whose other tokens say "content",
 * "article", "story"... is kept ("entry-content has-social-share" is the
 * body).  html, body, main, article and itemprop=articleBody are never
 * boilerplate by class, because CMSs put "comments-open" or "tag-social" on
 * those.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

static int is_space_cp(unsigned cp)
{
    return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           (cp >= 0x80 && cp <= 0x9F); /* C1 controls: never text */
}

static int is_invisible_cp(unsigned cp)
{
    return cp == 0x200B || cp == 0xFEFF || cp == 0x2060 || cp == 0xAD; /* ZWSP, BOM, WJ, SHY */
}

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
        if (is_space_cp(cp)) space = 1;
        else if (!is_invisible_cp(cp)) px_utf8_put(out, cp);
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

static const struct tag_kind {
    const char *name;
    unsigned char kind;
} tag_kinds[] = { /* sorted by name for bsearch */
    {"a", HK_LINK},         {"address", HK_PARA},  {"applet", HK_DROP},
    {"article", HK_BLOCK},  {"aside", HK_CHROME},  {"audio", HK_DROP},
    {"base", HK_DROP},      {"blockquote", HK_PARA}, {"body", HK_BLOCK},
    {"br", HK_BR},          {"button", HK_DROP},   {"canvas", HK_DROP},
    {"caption", HK_PARA},   {"center", HK_BLOCK},  {"dd", HK_PARA},
    {"details", HK_BLOCK},  {"dialog", HK_DROP},   {"div", HK_BLOCK},
    {"dl", HK_BLOCK},       {"dt", HK_PARA},       {"embed", HK_DROP},
    {"fieldset", HK_BLOCK}, {"figcaption", HK_FIGURE}, {"figure", HK_FIGURE},
    {"footer", HK_CHROME},  {"form", HK_FORM},     {"frame", HK_DROP},
    {"frameset", HK_DROP},  {"h1", HK_H1},         {"h2", HK_PARA},
    {"h3", HK_PARA},        {"h4", HK_PARA},       {"h5", HK_PARA},
    {"h6", HK_PARA},        {"head", HK_BLOCK},    {"header", HK_CHROME},
    {"hgroup", HK_BLOCK},   {"hr", HK_BLOCK},      {"html", HK_BLOCK},
    {"iframe", HK_DROP},    {"img", HK_DROP},      {"input", HK_DROP},
    {"legend", HK_PARA},    {"li", HK_PARA},       {"link", HK_DROP},
    {"main", HK_BLOCK},     {"map", HK_DROP},      {"math", HK_DROP},
    {"meta", HK_DROP},      {"nav", HK_CHROME},    {"noscript", HK_DROP},
    {"object", HK_DROP},    {"ol", HK_BLOCK},      {"option", HK_DROP},
    {"p", HK_PARA},         {"param", HK_DROP},    {"picture", HK_DROP},
    {"pre", HK_PARA},       {"script", HK_DROP},   {"section", HK_BLOCK},
    {"select", HK_DROP},    {"source", HK_DROP},   {"style", HK_DROP},
    {"summary", HK_PARA},   {"svg", HK_DROP},      {"table", HK_BLOCK},
    {"tbody", HK_BLOCK},    {"td", HK_PARA},       {"template", HK_DROP},
    {"textarea", HK_DROP},  {"tfoot", HK_BLOCK},   {"th", HK_PARA},
    {"thead", HK_BLOCK},    {"title", HK_DROP},    {"tr", HK_BLOCK},
    {"track", HK_DROP},     {"ul", HK_BLOCK},      {"video", HK_DROP},
};

static int tag_cmp(const void *key, const void *item)
{
    return strcmp(key, ((const struct tag_kind *)item)->name);
}

static html_kind kind_of_tag(const char *name)
{
    const struct tag_kind *t = bsearch(name, tag_kinds, sizeof tag_kinds / sizeof *tag_kinds,
                                       sizeof *tag_kinds, tag_cmp);
    return t ? (html_kind)t->kind : HK_INLINE;
}

/* ---- boilerplate by class and id ----------------------------------------- */

/* Segment prefixes that mark boilerplate ("share" matches "shareBar"). */
static const char *const boiler_prefixes[] = {
    "share", "sharing", "social", "related", "newsletter", "comment", "advert", "promo",
    "subscri", "cookie", "consent", "sponsor", "outbrain", "taboola", "breadcrumb",
    "sidebar", "footer", "navbar", "navigation", "popup", "recirc", "trending", "disqus",
    "signup", NULL};
/* Segments that mark boilerplate only as whole words ("ad", not "adam"). */
static const char *const boiler_words[] = {"ad", "ads", "adv", "nav", "menu", "gdpr", NULL};
/* Substrings of a token that mark content. */
static const char *const content_words[] = {"article", "content", "story", "entry", "body",
                                            "main", "text", "post", "prose", NULL};

/* Does segment s[0..n) (lower-cased into seg) mark boilerplate? */
static int boiler_segment(const char *seg, size_t n)
{
    for (const char *const *w = boiler_words; *w; w++)
        if (strlen(*w) == n && !memcmp(seg, *w, n)) return 1;
    for (const char *const *p = boiler_prefixes; *p; p++) {
        size_t k = strlen(*p);
        if (n >= k && !memcmp(seg, *p, k)) {
            if (!strcmp(*p, "comment") && n >= 10 && !memcmp(seg, "commentary", 10)) continue;
            return 1;
        }
    }
    return 0;
}

/* 1 = boilerplate token, 2 = content token, 0 = neither.  A token that is
 * both ("article-share") is boilerplate. */
static int judge_token(const char *t, size_t n)
{
    char low[128];
    if (n >= sizeof low) n = sizeof low - 1;
    for (size_t i = 0; i < n; i++) low[i] = (char)lower((unsigned char)t[i]);
    low[n] = '\0';
    if (!strncmp(low, "tag-", 4) || !strncmp(low, "category-", 9)) return 0; /* taxonomy */
    size_t i = 0;
    while (i < n) { /* segments: split at - _ : . and at camelCase humps */
        size_t j = i + 1;
        while (j < n && !strchr("-_:.", t[j]) &&
               !(t[j] >= 'A' && t[j] <= 'Z' && t[j - 1] >= 'a' && t[j - 1] <= 'z'))
            j++;
        if (boiler_segment(low + i, j - i)) return 1;
        i = j;
        while (i < n && strchr("-_:.", t[i])) i++;
    }
    for (const char *const *w = content_words; *w; w++)
        if (strstr(low, *w)) return 2;
    return 0;
}

/* Judges every token of s; sets *boiler / *content when one is seen. */
static void judge_tokens(const char *s, int *boiler, int *content)
{
    while (s && *s) {
        while (*s && strchr(" \t\n\r", *s)) s++;
        size_t n = 0;
        while (s[n] && !strchr(" \t\n\r", s[n])) n++;
        if (n) {
            int j = judge_token(s, n);
            if (j == 1) *boiler = 1;
            if (j == 2) *content = 1;
        }
        s += n;
    }
}

int px_html_boiler_tokens(const char *s)
{
    int boiler = 0, content = 0;
    judge_tokens(s, &boiler, &content);
    return boiler && !content;
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

/* Boilerplate bits of element n from its tag kind and attributes. */
static unsigned char own_bits(const xmlNode *n, html_kind *kind)
{
    const char *name = (const char *)n->name;
    unsigned char bits = 0;
    if (*kind == HK_CHROME) bits |= px_html_is(n, "header") || px_html_is(n, "footer")
                                        ? HB_CHROME : HB_NAV;
    if (*kind == HK_FIGURE) bits |= HB_FIGURE;
    if (px_html_attr(n, "hidden") || style_hides(px_html_attr(n, "style"))) *kind = HK_DROP;
    const char *role = px_html_attr(n, "role");
    if (role && (has_token(role, "navigation") || has_token(role, "complementary")))
        bits |= HB_NAV;
    if (role && (has_token(role, "banner") || has_token(role, "contentinfo")))
        bits |= HB_CHROME;
    const char *itemprop = px_html_attr(n, "itemprop");
    if (!strcmp(name, "html") || !strcmp(name, "body") || !strcmp(name, "main") ||
        !strcmp(name, "article") || (itemprop && has_token(itemprop, "articlebody")))
        return bits;
    int boiler = 0, content = 0;
    judge_tokens(px_html_attr(n, "class"), &boiler, &content);
    judge_tokens(px_html_attr(n, "id"), &boiler, &content);
    if (boiler && !content) bits |= HB_ATTR;
    return bits;
}

/* ---- the analysis pass --------------------------------------------------- */

/* Non-space bytes of s: the text measure used everywhere. */
static size_t text_weight(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += !(*s == ' ' || (*s >= '\t' && *s <= '\r'));
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

/* Notes n in the lists metadata and body choice read later. */
static void note_element(html_page *pg, xmlNode *n, const html_elem *e)
{
    const char *name = (const char *)n->name;
    int clean = !(e->inherit & (HB_ATTR | HB_NAV));
    if (!strcmp(name, "meta")) px_vec_push(&pg->metas, n);
    else if (!strcmp(name, "link")) px_vec_push(&pg->links, n);
    else if (!strcmp(name, "title") && !pg->title) pg->title = n;
    else if (!strcmp(name, "base") && !pg->base) pg->base = n;
    else if (!strcmp(name, "body") && !pg->body) pg->body = n;
    else if (!strcmp(name, "script") && is_jsonld(n)) px_vec_push(&pg->jsonld, n);
    else if (!strcmp(name, "time") && clean) px_vec_push(&pg->times, n);
    else if (!strcmp(name, "h1") && clean) px_vec_push(&pg->h1s, n);
    else if (!strcmp(name, "article") && !e->inherit) px_vec_push(&pg->articles, n);
    else if (!strcmp(name, "main") && !e->inherit) px_vec_push(&pg->mains, n);
    const char *role = px_html_attr(n, "role"), *itemprop = px_html_attr(n, "itemprop");
    if (role && has_token(role, "main") && strcmp(name, "main") && !e->inherit)
        px_vec_push(&pg->mains, n);
    if (itemprop && has_token(itemprop, "articlebody") && !e->inherit)
        px_vec_push(&pg->itemprop_bodies, n);
    if (clean && e->kind != HK_DROP && is_byline_candidate(n)) px_vec_push(&pg->bylines, n);
}

/* Credits paragraph text w to element i and half to its parent. */
static void credit(html_page *pg, size_t i, size_t w)
{
    if (i == HTML_NONE) return;
    pg->elems.items[i].score += (double)w;
    size_t up = pg->elems.items[i].parent;
    if (up != HTML_NONE) pg->elems.items[up].score += (double)w / 2;
}

#define MIN_PARAGRAPH 25 /* non-space bytes for a text block to score */

static int analyze_enter(void *ud, xmlNode *n)
{
    html_page *pg = ud;
    if (n->type == XML_TEXT_NODE && n->content) {
        html_elem *p = px_html_elem(pg, n->parent);
        if (!p) return 0;
        size_t w = text_weight((const char *)n->content);
        p->text += w;
        if (w >= MIN_PARAGRAPH && p->kind == HK_BLOCK && !p->inherit)
            credit(pg, (size_t)(p - pg->elems.items), w);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name) return 0;
    html_elem e = {.node = n, .parent = HTML_NONE};
    html_elem *up = px_html_elem(pg, n->parent);
    if (up) e.parent = (size_t)(up - pg->elems.items);
    html_kind kind = kind_of_tag((const char *)n->name);
    e.own = own_bits(n, &kind);
    e.kind = (unsigned char)kind;
    e.inherit = (unsigned char)(e.own | (up ? up->inherit : 0));
    px_vec_push(&pg->elems, e);
    n->_private = (void *)(uintptr_t)pg->elems.len;
    note_element(pg, n, &pg->elems.items[pg->elems.len - 1]);
    return kind != HK_DROP && kind != HK_BR;
}

static int scores_as_paragraph(const xmlNode *n)
{
    return px_html_is(n, "p") || px_html_is(n, "pre") || px_html_is(n, "td");
}

static void analyze_leave(void *ud, xmlNode *n)
{
    html_page *pg = ud;
    html_elem *e = px_html_elem(pg, n);
    if (!e) return;
    if (e->kind == HK_LINK) e->link = e->text;
    if (scores_as_paragraph(n) && !e->inherit && e->text >= MIN_PARAGRAPH &&
        e->link * 2 < e->text)
        credit(pg, e->parent, e->text);
    if (e->parent != HTML_NONE && !e->own) {
        html_elem *p = &pg->elems.items[e->parent];
        p->text += e->text;
        p->link += e->link;
    }
}

void px_html_analyze(html_page *pg)
{
    pg->root = xmlDocGetRootElement(pg->doc);
    if (pg->root) px_html_walk(pg->root, analyze_enter, analyze_leave, pg);
}

/* ---- the text of an element ---------------------------------------------- */

typedef struct text_walk {
    html_page *pg;
    px_buf *out;
    size_t max;
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
    text_walk w = {pg, out, max};
    px_html_walk(n, text_enter, text_leave, &w);
}
