/*
 * html_pubdate.c — when the article was published, and how sure that is.
 *
 * Every source the page offers is handed to px_article_set_date() with a
 * confidence, and the surest one wins, so the order below is the order of
 * trust, and the article says which source won (date_source) and how sure
 * it is (date_confidence):
 *
 *   0.95  JSON-LD datePublished of the article
 *   0.90  a publication <meta> tag (article:published_time, dc.date,
 *         dcterms:created, citation_publication_date...)
 *   0.85  JSON-LD datePublished of another object (the WebPage of a
 *         Yoast graph), or microdata itemprop=datePublished
 *   0.80  a <time datetime> marked as the publication time
 *   0.75  an hAtom "published" element with a title (<abbr title=...>)
 *   0.70  the first other <time datetime>
 *   0.62  a /2015/08/25/ path in the URL
 *   0.60  a date written in an element named for dates ("post-date",
 *         "entry-meta", "datum"), outside navigation, footers and comments
 *   0.55  a date written at the top of the article (a removed date line;
 *         html_blocks.c offers it)
 *
 * Visible dates are read day first, except on pages in English.
 */
#include <string.h>

#include "extract/html.h"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static void offer_iso(html_page *pg, const char *s, px_date_source src, double conf)
{
    char iso[32];
    if (s && px_html_date_iso(s, iso)) px_article_set_date(pg->a, iso, src, conf);
}

static int day_first(const html_page *pg)
{
    const char *lang = pg->a->language;
    return !(lang && !strcmp(lang, "en"));
}

/* Offers the first date written in s. */
static int offer_text(html_page *pg, const char *s, size_t n, px_date_source src, double conf)
{
    char iso[32];
    if (!s || !px_html_find_date(s, n, day_first(pg), iso, NULL)) return 0;
    px_article_set_date(pg->a, iso, src, conf);
    return 1;
}

static int has_word(const char *s, const char *w)
{
    char low[128];
    size_t n = 0;
    for (; s && *s && n + 1 < sizeof low; s++) low[n++] = (char)lower((unsigned char)*s);
    low[n] = '\0';
    return strstr(low, w) != NULL;
}

/* 1 when a <time> says it is the publication time. */
static int is_publication_time(const xmlNode *n)
{
    const char *itemprop = px_html_attr(n, "itemprop");
    return px_html_attr(n, "pubdate") || (itemprop && strstr(itemprop, "datePublished")) ||
           has_word(px_html_attr(n, "class"), "publish");
}

static void from_times(html_page *pg)
{
    const char *first = NULL, *marked = NULL;
    for (size_t i = 0; i < pg->times.len && !marked; i++) {
        const char *dt = px_html_attr(pg->times.items[i], "datetime");
        char iso[32];
        if (!dt || !px_html_date_iso(dt, iso)) continue;
        if (is_publication_time(pg->times.items[i])) marked = dt;
        else if (!first) first = dt;
    }
    if (marked) offer_iso(pg, marked, PX_DATE_TIME, 0.8);
    offer_iso(pg, first, PX_DATE_TIME, 0.7);
}

/* The text of element n into a scratch buffer, at most a few hundred bytes. */
static const char *short_text(html_page *pg, xmlNode *n, px_buf *b)
{
    px_buf_reset(b);
    px_html_node_text(pg, n, b, 400);
    return px_buf_str(b);
}

/* Microdata, hAtom and elements named for dates. */
static void from_dated(html_page *pg)
{
    px_buf text = {0};
    int visible_done = 0;
    for (size_t i = 0; i < pg->dated.len; i++) {
        xmlNode *n = pg->dated.items[i];
        html_elem *e = px_html_elem(pg, n);
        if (!e) continue;
        const char *itemprop = px_html_attr(n, "itemprop");
        if (itemprop && strstr(itemprop, "datePublished")) {
            const char *v = px_html_attr(n, "content");
            if (!v) v = px_html_attr(n, "datetime");
            if (!v) v = px_html_attr(n, "title");
            if (v) {
                offer_iso(pg, v, PX_DATE_META, 0.85);
            } else {
                const char *s = short_text(pg, n, &text);
                offer_text(pg, s, text.len, PX_DATE_META, 0.85);
            }
            continue;
        }
        if (has_word(px_html_attr(n, "class"), "published") && px_html_attr(n, "title"))
            offer_iso(pg, px_html_attr(n, "title"), PX_DATE_TIME, 0.75);
        if (visible_done || e->inherit & (HB_ATTR | HB_NAV | HB_CHROME) || !e->text ||
            e->text > 200)
            continue;
        const char *s = short_text(pg, n, &text);
        visible_done = offer_text(pg, s, text.len, PX_DATE_TEXT, 0.6);
    }
    px_buf_free(&text);
}

void px_html_pubdate(html_page *pg, const html_meta *m)
{
    offer_iso(pg, px_html_ld_string(&pg->ld, "datePublished"), PX_DATE_JSONLD, 0.95);
    offer_iso(pg, m->date, PX_DATE_META, 0.9);
    offer_iso(pg, pg->ld.any_published, PX_DATE_JSONLD, 0.85);
    from_times(pg);
    from_dated(pg);
    char iso[32];
    const char *url = pg->a->url ? pg->a->url : m->og_url;
    if (url && px_html_url_date(url, iso)) px_article_set_date(pg->a, iso, PX_DATE_URL, 0.62);
}
