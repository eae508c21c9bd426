/*
 * html.h — private to the HTML extractor (html*.c); see html.c for the design.
 *
 *   html.c         entry point: bytes to UTF-8, libxml2 parse with a depth
 *                  guard, then the passes below
 *   html_dom.c     the one walk over the whole tree: classifies elements,
 *                  counts text per element, cuts the text into runs (the
 *                  page's paragraphs), notes where metadata lives; helpers
 *   html_hints.c   what class, id and role names say an element is
 *   html_main.c    which element(s) hold the article: candidate scores,
 *                  semantic markup, sibling merging
 *   html_body.c    the article's blocks from those elements, boilerplate
 *                  inside them pruned
 *   html_blocks.c  block-level clean-up: headline, leading bylines and
 *                  dates, trailing credits, captions, repeated blocks
 *   html_jsonld.c  schema.org JSON-LD: the article object and its fields
 *   html_meta.c    title, url, outlet, byline, date, language
 *   html_date.c    dates as written in pages to ISO 8601
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
    HK_PARA,       /* p, li, td, blockquote, pre...: one paragraph each */
    HK_HEADING,    /* h2-h6: a paragraph, a heading of the article */
    HK_H1,         /* a paragraph; the page's headline goes to removed */
    HK_CHROME,     /* nav, header, footer, aside: page furniture */
    HK_FIGURE,     /* figure, figcaption: captions go to removed */
    HK_FORM,       /* form: removed inside the body, neutral when scoring */
    HK_DROP        /* script, style, svg, hidden...: no readable text */
} html_kind;

/* What class, id and role say (html_hints.c). */
enum {
    HN_BOILER = 1,   /* share bars, related links, ads, menus... */
    HN_COMMENT = 2,  /* reader comments */
    HN_CAPTION = 4,  /* captions, credits, galleries */
    HN_META = 8,     /* bylines, dates, tags */
    HN_CONTENT = 16, /* article, content, story, entry, body... */
    HN_BODYPROP = 32, /* itemprop=articleBody */
    HN_WEAK = 64,     /* boilerplate if the text agrees (links, little prose) */
    HN_DATED = 128    /* a date is likely written inside */
};

/* Why an element is boilerplate; kept in html_elem.own, and with the
 * ancestors' bits or-ed in, in html_elem.inherit. */
enum {
    HB_ATTR = 1,   /* class/id/role say boilerplate or comments */
    HB_NAV = 2,    /* nav or aside */
    HB_CHROME = 4, /* header or footer */
    HB_FIGURE = 8, /* figure / figcaption */
    HB_FORM = 16   /* form */
};

#define HTML_NONE ((size_t)-1)

/* Per element facts from the analysis pass; node->_private holds index+1.
 * Elements are stored in document order, so an element's descendants are
 * exactly the indexes (i, end). */
typedef struct html_elem {
    xmlNode *node;
    size_t parent;     /* nearest ancestor element, or HTML_NONE */
    size_t end;        /* one past its last descendant */
    size_t text;       /* non-space bytes of readable text below it */
    size_t link;       /* the part of text inside <a> */
    size_t good;       /* text of prose runs below it (html_dom.c) */
    size_t list;       /* text inside <li> below it */
    size_t clean;      /* text below it outside boilerplate-flagged elements */
    size_t clean_link; /* the part of clean inside <a> */
    size_t heading;    /* text inside h1-h6 below it */
    unsigned commas;   /* commas in its text */
    unsigned ps, imgs, lis, inputs, embeds; /* descendants of those kinds */
    unsigned paras;    /* prose runs below it */
    double score;      /* paragraph credit (html_dom.c), then the final
                          candidate score (html_main.c) */
    unsigned char kind;    /* html_kind */
    unsigned char hints;   /* HN_* of the element itself */
    unsigned char own;     /* HB_* of the element itself */
    unsigned char inherit; /* HB_* of it and its ancestors */
} html_elem;

/* A run: the text between two block boundaries, one paragraph as a reader
 * sees it ("<p>a <b>b</b></p>", or loose text in a <div>). */
typedef struct html_run {
    size_t owner;   /* the innermost block element around it */
    size_t weight;  /* non-space bytes */
    size_t link;    /* of those, inside <a> */
    size_t letters; /* non-space letters outside <a>: a CJK letter is 3 bytes, 1 letter */
    unsigned commas;
} html_run;

typedef PX_VEC(xmlNode *) html_nodes;

/* The JSON-LD article, its strings borrowed from roots (valid until
 * px_html_ld_free). */
typedef struct html_ld {
    PX_VEC(json_t *) roots; /* owned: one per parsed script */
    px_map ids;             /* "@id" -> json_t * node (borrowed) */
    json_t *article;        /* the chosen article object, or NULL */
    const char *any_published; /* the first datePublished of any object */
} html_ld;

/* The rules that offer a publication date (html_pubdate.c, html_blocks.c),
 * each at most once per page; html_datepick.c chooses among them. */
typedef enum html_date_rule {
    DR_LD_ARTICLE,  /* JSON-LD datePublished of the article */
    DR_META,        /* a publication <meta> tag */
    DR_LD_OTHER,    /* JSON-LD datePublished of another object, shown */
    DR_MICRODATA,   /* itemprop=datePublished / uploadDate */
    DR_TIME_MARKED, /* a <time> marked as the publication's */
    DR_TIME_FIRST,  /* the first other <time>, outside teaser items */
    DR_HATOM_PUBLISHED, /* hAtom "published" with a title */
    DR_HATOM_UPDATED,   /* hAtom "updated" with a title */
    DR_URL,         /* a date in the URL's path */
    DR_ELEMENT,     /* a date written in an element named for dates */
    DR_BODY_LINE,   /* a date line at the edges of the body (html_blocks.c) */
    DR_NEAR,        /* a short line by the headline */
    DR_OPENING,     /* a paragraph opening with a date (html_blocks.c) */
    DR_HEADLINE,    /* a date in the headline or the title */
    DR_OG_TITLE,    /* a date opening the og:title */
    DR_LABELLED,    /* a date after a publication label */
    DR_BYLINE,      /* a date in a byline element */
    DR_SELF_TEASER, /* a teaser that links to the page itself */
    DR_SCRIPT,      /* a publication field of the scripts' data */
    DR_COUNT
} html_date_rule;

/* One rule's date: the value as the rule read it ("YYYY-MM-DD" with a time
 * when the source gives one). */
typedef struct html_date_cand {
    char iso[32];
    unsigned char rule; /* html_date_rule */
    unsigned char src;  /* px_date_source, set by the resolver */
} html_date_cand;

/* The rules that offer the article's authors (html_author.c, and
 * html_blocks.c for the lines of the body), each at most once per page;
 * html_authorpick.c chooses among them. */
typedef enum html_author_rule {
    AR_LD,             /* JSON-LD author of the article, names the page shows */
    AR_ELEMENT,        /* the first byline element (rel/itemprop/class author) */
    AR_META,           /* <meta name=author>, names the page shows */
    AR_ARTICLE_AUTHOR, /* article:author (unless a profile URL), shown */
    AR_CREATOR,        /* dc.creator and kin, shown */
    AR_NEAR,           /* a byline line by the headline */
    AR_BODY_LINE,      /* a byline line at the edges of the body */
    AR_KEPT,           /* a byline among the first kept blocks of the body */
    AR_COUNT
} html_author_rule;

/* One rule's names: pg->author_names[first .. first + len), strings in the
 * article's arena; dropped counts the names it gave that the page does not
 * show (left out). */
typedef struct html_author_cand {
    size_t first, len, dropped;
    unsigned char rule; /* html_author_rule */
} html_author_cand;

typedef struct html_page {
    px_article *a;
    xmlDoc *doc;
    PX_VEC(html_elem) elems;
    PX_VEC(html_run) runs;
    xmlNode *root, *body, *title, *base;
    xmlNode *headline; /* the <h1> chosen as the title (html_title.c), or NULL */
    struct {           /* px_html_headline()'s answer, and what it was for */
        int known;
        const xmlNode *chosen;
        const char *title;
        html_elem *elem;
    } headline_cache;
    html_nodes metas, links, jsonld, times, bylines, h1s;
    html_nodes scripts; /* the other inline <script>s: the page's state data */
    html_nodes h2s; /* the first MAX_H2S: a headline where a page has no <h1> */
    html_nodes boiler_h1s; /* <h1>s under a class or id that says boilerplate
                              (a "banner", a breadcrumb): a last resort */
    html_nodes articles, mains, itemprop_bodies;
    html_nodes dated;   /* elements whose class, id or itemprop speak of a
                           date: where a visible date is looked for */
    html_ld ld;
    PX_VEC(html_date_cand) dates; /* every rule's date (html_datepick.c) */
    PX_VEC(html_author_cand) authors; /* every rule's names (html_authorpick.c) */
    PX_VEC(const char *) author_names; /* their names */
    px_buf visible_folded; /* the page's text folded, for keep_shown() */
    char date_seen[32];     /* the day a date element shows, or "" */
    char date_modified[32]; /* the metadata's modification day, or "" */
    int article_typed;      /* og:type or a JSON-LD object says "article" */
    px_buf scratch; /* reused by helpers that return a cleaned string */
    px_buf text;    /* the page's readable text: px_html_page_text() */
    px_map class_cache; /* class list -> hints (html_hints.c) */
} html_page;

/* ---- html_dom.c ---------------------------------------------------------- */

/* The analysis pass over the whole document (fills elems, runs, lists). */
void px_html_analyze(html_page *pg);

/* The element facts of n (an element node that was analyzed), or NULL. */
html_elem *px_html_elem(html_page *pg, const xmlNode *n);

/* Index of e in pg->elems. */
#define HTML_INDEX(pg, e) ((size_t)((e) - (pg)->elems.items))

/* 1 when element d is a or lies below it. */
int px_html_within(const html_page *pg, size_t a, size_t d);

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

/* The readable text of the whole page (its <body>, else the root),
 * unsqueezed, built on the first call and kept with the page (owned by
 * pg; "" for a page with none).  Checks that the page shows a name or a
 * day search it. */
const char *px_html_page_text(html_page *pg, size_t *len);

/* The page's own readable text, appended to out: without links (the
 * teasers of other articles), navigation and elements whose class or id
 * says boilerplate. */
void px_html_own_text(html_page *pg, px_buf *out);

/* Sets *field to the squeezed s[0..n) when *field is still NULL. */
void px_html_set_field(html_page *pg, const char **field, const char *s, size_t n);

/* Depth-first walk under (and including) top without recursion: enter()
 * returns 1 to descend into a node, and leave() is called for exactly the
 * nodes whose enter() returned 1, after their children. */
typedef int (*html_enter_fn)(void *ud, xmlNode *n);
typedef void (*html_leave_fn)(void *ud, xmlNode *n);
void px_html_walk(xmlNode *top, html_enter_fn enter, html_leave_fn leave, void *ud);

/* The short lines a reader sees around the headline (the <h1> chosen as
 * title, else the first <h1>, else on a page with no <h1> the block whose
 * text is the title), where pages without markup for them print
 * the byline and the date: calls fn with the squeezed text (in
 * pg->scratch) of the element owning each of the `before` text runs just
 * above the headline (nearest first), then of the first `after` runs
 * below it, skipping runs of more than max_weight non-space letters
 * outside links (html_run.letters: sentences; the links of a date line,
 * "categories: Python, Mercurial | View Comments", make it no sentence),
 * navigation, link-only runs in boilerplate and runs in cards
 * (px_html_is_card()), until fn returns 1.  Returns 1 when it did, 0
 * otherwise (also with no headline). */
typedef int (*html_line_fn)(html_page *pg, const char *s, size_t n, void *ud);
int px_html_near_headline(html_page *pg, size_t before, size_t after, size_t max_weight,
                          html_line_fn fn, void *ud);

/* The page's headline: the <h1> chosen as title, else the first <h1> with
 * text outside boilerplate, else on a page with no <h1> the block whose
 * text is the title; NULL when none.  Borrowed from pg.  The answer is
 * kept for the title and the <h1> chosen (px_html_title()) it was found
 * for. */
html_elem *px_html_headline(html_page *pg);

/* 1 when element p is the card of another article in a grid or a list of
 * them: on a page of two <article>s or more, an <article> of little text
 * (600 non-space bytes) with a link (px_html_has_link()) that does not
 * hold head, the page's headline (px_html_headline()).  0 when head is
 * NULL: with no headline known, the page's own article cannot be told
 * from the others. */
int px_html_is_card(html_page *pg, const xmlNode *p, const xmlNode *head);

/* 1 when an <a> lies below n. */
int px_html_has_link(const xmlNode *n);

/* Link density of e: link text over text, 0 when it has none. */
double px_html_link_density(const html_elem *e);

/* ---- html_hints.c -------------------------------------------------------- */

/* The HN_* bits of element n from its class, id, role and itemprop; cache
 * remembers class lists already judged (a per-page map, freed by the
 * caller). */
unsigned px_html_hints(px_map *cache, const xmlNode *n);

/* 1 when the token list s (class or id) marks boilerplate or comments. */
int px_html_boiler_tokens(const char *s);

/* 1 when e reads as the article's lead: a class naming one ("intro",
 * "lead", "teaser", "standfirst", "summary", "abstract", "excerpt", "dek",
 * "subtitle", "subheadline", French "chapo")
 * on one or two paragraphs of clean prose (50-1500 bytes, under a fifth
 * links, no list: a block of teaser cards is no lead). */
int px_html_is_lead(const html_elem *e);

/* ---- html_main.c --------------------------------------------------------- */

/* The element(s) holding the article, in document order, into out. */
void px_html_main(html_page *pg, html_nodes *out);

/* ---- html_body.c --------------------------------------------------------- */

void px_html_body(html_page *pg);

/* ---- html_blocks.c ------------------------------------------------------- */

/* One block of the body as collected: a paragraph, heading or list item. */
typedef struct html_block {
    char *text;        /* squeezed, NUL-terminated (owned by the list) */
    size_t len;
    size_t weight;     /* non-space bytes */
    size_t link;       /* of those, inside <a> */
    unsigned char kind;    /* html_kind of its owner: HK_PARA, HK_HEADING... */
    unsigned char removed; /* 1: goes to the article's removed lines */
    unsigned char li;      /* 1: a list item */
} html_block;

typedef PX_VEC(html_block) html_blocks;

/* Judges the blocks (headline, link lines, read-also lines, captions,
 * controls, furniture at the edges): marks the ones to remove, returns how
 * many stay. */
size_t px_html_judge_blocks(html_page *pg, html_blocks *blocks);

/* Hands judged blocks to the article (paragraphs or removed lines, and
 * the fields some of them hold), then frees them. */
void px_html_emit_blocks(html_page *pg, html_blocks *blocks);

/* Frees blocks not emitted. */
void px_html_free_blocks(html_blocks *blocks);

/* ---- html_jsonld.c ------------------------------------------------------- */

void px_html_ld_load(html_page *pg);
void px_html_ld_free(html_ld *ld);
/* A string member of the article (NULL when absent or not a string). */
const char *px_html_ld_string(const html_ld *ld, const char *key);
/* Calls fn with the name of each of the article's authors (at most a
 * few hundred), in order. */
void px_html_ld_authors(const html_ld *ld, void (*fn)(const char *name, void *ud), void *ud);
/* The publisher's name, the page URL, the language (borrowed), or NULL. */
const char *px_html_ld_publisher(const html_ld *ld);
const char *px_html_ld_url(const html_ld *ld);
const char *px_html_ld_language(const html_ld *ld);
/* Appends s[0..n) to out with HTML character references decoded. */
void px_html_decode_entities(const char *s, size_t n, px_buf *out);

/* ---- html_meta.c --------------------------------------------------------- */

/* The values of the <meta> tags extraction reads (borrowed from the tree),
 * each the first of its key in document order. */
typedef struct html_meta {
    const char *og_title, *twitter_title, *og_url, *site_name, *author, *article_author;
    const char *og_type;
    const char *creator; /* dc.creator and kin */
    const char *content_language, *og_locale;
    const char *date;
    int date_rank;
    const char *modified; /* article:modified_time, og:updated_time and kin */
} html_meta;

void px_html_metadata(html_page *pg);

/* ---- html_title.c -------------------------------------------------------- */

/* Sets the title (when not set yet) from the headline, meta tags, JSON-LD
 * and <title>, after the page's outlet and url are known. */
void px_html_title(html_page *pg, const html_meta *m);

/* ---- html_author.c ------------------------------------------------------ */

/* Sets the authors (and the byline, when not set) from JSON-LD, the meta
 * tags and the page's byline elements. */
void px_html_authors(html_page *pg, const html_meta *m);

/* ---- html_pubdate.c ------------------------------------------------------ */

/* Offers every publication date the page gives to the article, each with
 * its source and confidence (the surest wins). */
void px_html_pubdate(html_page *pg, const html_meta *m);

/* ---- html_datepick.c ---------------------------------------------------- */

/* Offers the date iso (ISO 8601, as px_html_date_iso() or
 * px_html_find_date() give it) from rule r; only a rule's first offer is
 * kept.  Ignores NULL and "". */
void px_html_offer_date(html_page *pg, const char *iso, html_date_rule r);

/* 1 when a date is known already: given with the input, or offered. */
int px_html_has_date(const html_page *pg);

/* Runs the named adjustments (px_html_adjust_date()) on every offered
 * date, chooses among them with the fitted weights (html_date_weights.h)
 * and sets the article's date, its source and its confidence (the chosen
 * candidate's probability of being right).  Called once, after the
 * body (whose lines offer dates too). */
void px_html_resolve_dates(html_page *pg);

/* The adjustments of a candidate (html_pubdate.c): the shown update day
 * over a metadata date, the shown local day over a UTC timestamp a day
 * away, a UTC timestamp moved to the site's zone.  Rewrites iso (32 bytes)
 * and *src in place. */
void px_html_adjust_date(html_page *pg, char iso[32], px_date_source *src);

/* Where the resolvers write their candidates for a fit, or NULL
 * (px_extract_trace()). */
FILE *px_html_trace(void);

/* Writes s to f as a JSON string (quotes and backslashes escaped, control
 * bytes dropped: for page paths, names and ISO days). */
void px_html_trace_string(FILE *f, const char *s);

/* ---- html_authorpick.c -------------------------------------------------- */

/* Offers the names px_author_names() reads in s[0..n) (a byline, or names
 * joined by "; ") from rule r; with shown, only those the page's text
 * shows (all of them on a page of little text: a script fills it in).
 * Only a rule's first offer that gives a name is kept; returns 1 when this
 * one was. */
int px_html_offer_authors(html_page *pg, const char *s, size_t n, html_author_rule r, int shown);

/* 1 when rule r has offered names. */
int px_html_has_authors(const html_page *pg, html_author_rule r);

/* Chooses among the offered names with the fitted weights
 * (html_author_weights.h), when the article has no authors yet, and sets
 * them, and the byline (the names joined by ", ") when the caller gave
 * none.  Called once, after the body. */
void px_html_resolve_authors(html_page *pg);

/* ---- html_date.c --------------------------------------------------------- */

/* Normalises a date as pages write it ("2014-11-07T10:00:00.000+0000",
 * "Fri, 07 Nov 2014", "November 7, 2014") to ISO 8601 in out; 0 when s is
 * not a date. */
int px_html_date_iso(const char *s, char out[32]);

/* The first date written in the text s[0..n) ("25.08.2015", "25. August
 * 2015", "August 25, 2015", "2015年8月25日"...) as "YYYY-MM-DD" in out, its
 * offset in *at (when not NULL); 0 when none.  dmy: read "01/02/2015" day
 * first (1) or month first (0, English). */
int px_html_find_date(const char *s, size_t n, int dmy, char out[32], size_t *at);

/* 1 when the date found at s + at (the text runs to s + n) is an event's:
 * the end of a span of days ("vom 9. bis 23. Februar 2017", "9.-23.2.2017"),
 * followed by a span of hours ("30. März 2020, 13:15 Uhr - 19:00 Uhr"), or
 * labelled as another kind of day ("Deadline: 15. März 2020", "Release:
 * 14.11.2019").  An article's date line names one day, and at most one
 * time. */
int px_html_event_date(const char *s, size_t n, size_t at);

/* The /YYYY/MM/DD/ (or /DD-MM-YYYY) date in a URL's path as "YYYY-MM-DD";
 * 0 when none. */
int px_html_url_date(const char *url, char out[32]);

#endif
