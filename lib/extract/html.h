/*
 * html.h — private to the HTML extractor (html*.c); see html.c for the design.
 *
 *   html.c         entry point: bytes to UTF-8, libxml2 parse with a depth
 *                  guard, then the passes below
 *   html_dom.c     the one pass over the whole tree: classifies elements,
 *                  counts text per element, scores paragraphs, and notes the
 *                  elements metadata comes from; text clean-up helpers
 *   html_jsonld.c  schema.org JSON-LD: the article object and its fields
 *   html_meta.c    title, url, outlet, byline, date, language
 *   html_date.c    dates as written in pages to ISO 8601
 *   html_body.c    picks the body container, collects its paragraphs
 */
#ifndef PX_EXTRACT_HTML_H
#define PX_EXTRACT_HTML_H

#include <jansson.h>
#include <libxml/tree.h>

#include "article/article.h"

/* What an element is to extraction, decided once from its tag name. */
typedef enum html_kind {
    HK_INLINE = 0, /* text flows through it: span, em, unknown tags */
    HK_LINK,       /* <a>: inline, and its text counts as link text */
    HK_BR,         /* <br>: a space; two in a row end a paragraph */
    HK_BLOCK,      /* div, section, ul, table...: paragraph boundaries */
    HK_PARA,       /* p, h2-h6, li, blockquote, pre...: one paragraph each */
    HK_H1,         /* a paragraph; the page's first (the headline) goes to removed */
    HK_CHROME,     /* nav, header, footer, aside: page furniture */
    HK_FIGURE,     /* figure, figcaption: captions go to removed */
    HK_FORM,       /* form: removed inside the body, neutral when scoring */
    HK_DROP        /* script, style, svg, hidden...: no readable text */
} html_kind;

/* Why an element is boilerplate; kept in html_elem.inherit with the
 * ancestors' bits or-ed in. */
enum {
    HB_ATTR = 1,   /* class/id/role says share, related, cookie... */
    HB_NAV = 2,    /* inside nav or aside */
    HB_CHROME = 4, /* inside header or footer */
    HB_FIGURE = 8  /* inside figure / figcaption */
};

#define HTML_NONE ((size_t)-1)

/* Per element facts from the analysis pass; node->_private holds index+1. */
typedef struct html_elem {
    xmlNode *node;
    size_t parent;      /* nearest ancestor element, or HTML_NONE */
    size_t text;        /* non-space bytes of readable text below it */
    size_t link;        /* the part of text inside <a> */
    double score;       /* paragraph text credited to it */
    unsigned char kind; /* html_kind */
    unsigned char own;  /* HB_* bits of the element itself */
    unsigned char inherit; /* HB_* bits of it and its ancestors */
} html_elem;

typedef PX_VEC(xmlNode *) html_nodes;

/* The JSON-LD article, its strings borrowed from roots (valid until
 * px_html_ld_free). */
typedef struct html_ld {
    PX_VEC(json_t *) roots; /* owned: one per parsed script */
    px_map ids;             /* "@id" -> json_t * node (borrowed) */
    json_t *article;        /* the chosen article object, or NULL */
} html_ld;

typedef struct html_page {
    px_article *a;
    xmlDoc *doc;
    PX_VEC(html_elem) elems;
    xmlNode *root, *body, *title, *base;
    html_nodes metas, links, jsonld, times, bylines, h1s;
    html_nodes articles, mains, itemprop_bodies;
    html_ld ld;
    px_buf scratch; /* reused by helpers that return a cleaned string */
} html_page;

/* ---- html_dom.c ---------------------------------------------------------- */

/* The analysis pass over the whole document (fills elems and the lists). */
void px_html_analyze(html_page *pg);

/* The element facts of n (an element node that was analyzed), or NULL. */
html_elem *px_html_elem(html_page *pg, const xmlNode *n);

/* The value of attribute name of n (borrowed; "" when it has no value),
 * or NULL when absent.  name is lower case. */
const char *px_html_attr(const xmlNode *n, const char *name);

/* 1 when the tag of element n is name. */
int px_html_is(const xmlNode *n, const char *name);

/*
 * Appends s[0..n) to out with white space (and &nbsp;, other Unicode spaces,
 * control characters) collapsed to single spaces, zero-width characters
 * dropped, invalid UTF-8 replaced by U+FFFD, and both ends trimmed.
 */
void px_html_squeeze(const char *s, size_t n, px_buf *out);

/* Appends the readable text of element n (scripts and hidden elements left
 * out), unsqueezed, stopping once out holds more than max bytes. */
void px_html_node_text(html_page *pg, xmlNode *n, px_buf *out, size_t max);

/* Sets *field to the squeezed s[0..n) when *field is still NULL. */
void px_html_set_field(html_page *pg, const char **field, const char *s, size_t n);

/* Depth-first walk under (and including) top without recursion: enter()
 * returns 1 to descend into a node, and leave() is called for exactly the
 * nodes whose enter() returned 1, after their children. */
typedef int (*html_enter_fn)(void *ud, xmlNode *n);
typedef void (*html_leave_fn)(void *ud, xmlNode *n);
void px_html_walk(xmlNode *top, html_enter_fn enter, html_leave_fn leave, void *ud);

/* 1 when the token list s (class or id) marks boilerplate. */
int px_html_boiler_tokens(const char *s);

/* ---- html_jsonld.c ------------------------------------------------------- */

void px_html_ld_load(html_page *pg);
void px_html_ld_free(html_ld *ld);
/* A string member of the article (NULL when absent or not a string). */
const char *px_html_ld_string(const html_ld *ld, const char *key);
/* The article's author names joined with ", " into out (empty when none). */
void px_html_ld_authors(const html_ld *ld, px_buf *out);
/* The publisher's name, the page URL, the language (borrowed), or NULL. */
const char *px_html_ld_publisher(const html_ld *ld);
const char *px_html_ld_url(const html_ld *ld);
const char *px_html_ld_language(const html_ld *ld);
/* Appends s[0..n) to out with HTML character references decoded. */
void px_html_decode_entities(const char *s, size_t n, px_buf *out);

/* ---- html_meta.c --------------------------------------------------------- */

void px_html_metadata(html_page *pg);

/* ---- html_date.c --------------------------------------------------------- */

/* Normalises a date as pages write it ("2014-11-07T10:00:00.000+0000",
 * "Fri, 07 Nov 2014", "November 7, 2014") to ISO 8601 in out; 0 when s is
 * not a date. */
int px_html_date_iso(const char *s, char out[32]);

/* The /YYYY/MM/DD/ date in a URL's path as "YYYY-MM-DD"; 0 when none. */
int px_html_url_date(const char *url, char out[32]);

/* ---- html_body.c --------------------------------------------------------- */

void px_html_body(html_page *pg);

#endif
