/*
 * html_pubdate.c — when the article was published, and how sure that is.
 *
 * Every source the page offers becomes a candidate (px_html_offer_date(),
 * one per rule); html_datepick.c chooses among them with fitted weights,
 * so no rule here says how far it is trusted.  The rules, in the order
 * they offer:
 *
 *   ld_article   JSON-LD datePublished of the article
 *   meta         a publication <meta> tag (article:published_time, dc.date,
 *                dcterms:created, citation_publication_date...)
 *   ld_other     on a page with neither, the JSON-LD datePublished of
 *                another object (the WebPage of a Yoast graph)
 *   time_marked  a <time datetime> marked as the publication time
 *   time_first   the first other <time datetime>, not in a list item that
 *                links elsewhere (the other releases under the article) nor
 *                in the card of another article
 *   microdata    itemprop=datePublished (uploadDate on a video's page)
 *   hatom_published, hatom_updated: hAtom elements with a title
 *   element      a date written in an element named for dates ("post-date",
 *                "entry-meta", "datum"), outside navigation, footers,
 *                comments, list items that link elsewhere and cards of
 *                other articles, not far above the headline
 *   url          a /2015/08/25/ path in the URL, or a segment opening with
 *                the day first (/meldungen/29-10-2021)
 *   near         a short line just below the headline holding a date, or
 *                one of the two just above it ("08.11.2021 | Veranstaltung"
 *                over the <h1>)
 *   headline     a date in the headline, else in the title
 *   og_title     a date opening the og:title
 *   and on a page with none of the above, in this order until one gives a
 *   date (they are slow, and measured no better run on every page):
 *   labelled     the first short element that labels a date as the
 *                publication's ("veröffentlicht 28.01.2022")
 *   byline       a date in one of the first byline elements
 *   self_teaser  the date in a teaser that links to the page itself
 *   script       a publication field of the scripts' state data
 *   html_blocks.c adds, with the body: body_line (a date line taken off the
 *   top or the end of the article's text) and opening (a paragraph that
 *   opens with a date).
 *
 * Visible dates are read day first, except on pages in English.  The
 * adjustments of every candidate (px_html_adjust_date()): a UTC
 * timestamp a day away from the date the page shows gives way to it: the
 * page shows the local day (2022-05-04T02:41:00Z is May 3 in La Paz).
 * With no shown date, a "Z" timestamp is moved to the local day of the
 * country of the site's country-code domain (zone_day()).  A shown date
 * later than the metadata's publication, that is the page's modification
 * day or at most a few weeks later, is the update readers see, and wins
 * (shown_update()).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "extract/html.h"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static void offer_iso(html_page *pg, const char *s, html_date_rule r)
{
    char iso[32];
    if (s && px_html_date_iso(s, iso)) px_html_offer_date(pg, iso, r);
}

static int day_first(const html_page *pg)
{
    const char *lang = pg->a->language;
    return !(lang && !strcmp(lang, "en"));
}

/* Offers the first date written in s, unless it is an event's. */
static int offer_text(html_page *pg, const char *s, size_t n, html_date_rule r)
{
    char iso[32];
    size_t at;
    if (!s || !px_html_find_date(s, n, day_first(pg), iso, &at) ||
        px_html_event_date(s, n, at))
        return 0;
    px_html_offer_date(pg, iso, r);
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

/* 1 when p is an item of a list of other articles: an <li> that links
 * elsewhere, or the card of another article (px_html_is_card(): the
 * cards of a "more from the blog" grid are <article>s, each dated; head
 * is the headline). */
static int is_teaser(html_page *pg, const xmlNode *p, const xmlNode *head)
{
    if (px_html_is(p, "li")) return px_html_has_link(p);
    return px_html_is_card(pg, p, head);
}

/* 1 when n lies inside a teaser item (is_teaser()): the innermost <li> or
 * <article> decides.  The answer for each item is kept in seen (the
 * item's address -> 1 + the answer): a page may hold thousands of <time>s
 * in one item, and walking the item again for each made extraction
 * quadratic. */
static int in_teaser_item(html_page *pg, const xmlNode *n, const xmlNode *head, px_map *seen)
{
    for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (px_html_is(p, "li") || px_html_is(p, "article")) {
            void *known = px_map_get(seen, (const char *)&p, sizeof p);
            if (!known) {
                known = (void *)(intptr_t)(1 + is_teaser(pg, p, head));
                px_map_put(seen, (const char *)&p, sizeof p, known);
            }
            return known == (void *)(intptr_t)2;
        }
    return 0;
}

static void from_times(html_page *pg)
{
    const char *first = NULL, *marked = NULL;
    px_map items = {0};
    const html_elem *hl = pg->times.len ? px_html_headline(pg) : NULL;
    for (size_t i = 0; i < pg->times.len && !marked; i++) {
        const char *dt = px_html_attr(pg->times.items[i], "datetime");
        char iso[32];
        if (!dt || !px_html_date_iso(dt, iso)) continue;
        if (is_publication_time(pg->times.items[i])) marked = dt;
        else if (!first && !in_teaser_item(pg, pg->times.items[i], hl ? hl->node : NULL, &items))
            first = dt;
    }
    px_map_free(&items);
    offer_iso(pg, marked, DR_TIME_MARKED);
    offer_iso(pg, first, DR_TIME_FIRST);
}

/* The text of element n into a scratch buffer, at most a few hundred bytes. */
static const char *short_text(html_page *pg, xmlNode *n, px_buf *b)
{
    px_buf_reset(b);
    px_html_node_text(pg, n, b, 400);
    return px_buf_str(b);
}

#define NEAR_BEFORE 2   /* runs above the headline looked at */
#define NEAR_RUNS 8     /* runs below it */
#define NEAR_WEIGHT 60  /* letters: a longer run is a sentence, not a date line */

/* 1 when e ends NEAR_BEFORE runs or more above the headline h: out of the
 * lines that go with the headline, in the page's header, where a date
 * element shows today's date ("mh-header-date: 31. Oktober 2023"). */
static int far_above(const html_page *pg, const html_elem *e, const html_elem *h)
{
    size_t hi = HTML_INDEX(pg, h), between = 0;
    if (HTML_INDEX(pg, e) >= hi) return 0;
    for (size_t r = 0; r < pg->runs.len && between < NEAR_BEFORE; r++) {
        size_t o = pg->runs.items[r].owner;
        if (o >= e->end && o < hi) between++;
    }
    return between >= NEAR_BEFORE;
}

/* Microdata, hAtom and elements named for dates; of these last only one
 * by the headline or below it, and not in a teaser item (in_teaser_item():
 * the dates of other threads, releases or posts). */
static void from_dated(html_page *pg)
{
    px_buf text = {0};
    px_map items = {0};
    int visible_done = 0;
    html_elem *head = pg->headline ? px_html_elem(pg, pg->headline) : NULL;
    const html_elem *hl = pg->dated.len ? px_html_headline(pg) : NULL;
    for (size_t i = 0; i < pg->dated.len; i++) {
        xmlNode *n = pg->dated.items[i];
        html_elem *e = px_html_elem(pg, n);
        if (!e) continue;
        const char *itemprop = px_html_attr(n, "itemprop");
        if (itemprop && (strstr(itemprop, "datePublished") || strstr(itemprop, "uploadDate"))) {
            const char *v = px_html_attr(n, "content");
            if (!v) v = px_html_attr(n, "datetime");
            if (!v) v = px_html_attr(n, "title");
            if (v) {
                offer_iso(pg, v, DR_MICRODATA);
            } else {
                const char *s = short_text(pg, n, &text);
                offer_text(pg, s, text.len, DR_MICRODATA);
            }
            continue;
        }
        if (has_word(px_html_attr(n, "class"), "published") && px_html_attr(n, "title"))
            offer_iso(pg, px_html_attr(n, "title"), DR_HATOM_PUBLISHED);
        else if (has_word(px_html_attr(n, "class"), "updated") && px_html_attr(n, "title"))
            offer_iso(pg, px_html_attr(n, "title"), DR_HATOM_UPDATED);
        if (visible_done || e->inherit & (HB_ATTR | HB_NAV | HB_CHROME) || !e->text ||
            e->text > 200)
            continue;
        if ((head && far_above(pg, e, head)) || in_teaser_item(pg, n, hl ? hl->node : NULL, &items))
            continue;
        const char *s = short_text(pg, n, &text);
        visible_done = offer_text(pg, s, text.len, DR_ELEMENT);
        if (visible_done) px_html_find_date(s, text.len, day_first(pg), pg->date_seen, NULL);
    }
    px_buf_free(&text);
    px_map_free(&items);
}

/* 1 when the page's readable text shows the day of iso, in any way of
 * writing dates px_html_find_date() reads. */
static int text_shows(html_page *pg, const char *s, size_t n, const char *iso)
{
    size_t at;
    char found[32];
    while (n && px_html_find_date(s, n, day_first(pg), found, &at)) {
        if (!strncmp(found, iso, 10)) return 1;
        s += at + 1, n -= at + 1;
    }
    return 0;
}

/* 1 when the page's own text (px_html_own_text()) shows the day of iso. */
static int own_text_shows(html_page *pg, const char *iso)
{
    px_buf text = {0};
    px_html_own_text(pg, &text);
    int shown = text_shows(pg, px_buf_str(&text), text.len, iso);
    px_buf_free(&text);
    return shown;
}


/* Days since 1970-01-01 of the "YYYY-MM-DD" iso starts with; 0 when none. */
static long days_of(const char *iso)
{
    long d;
    return px_iso_days(iso, &d) ? d : 0;
}

/* The day before (step -1) or after (+1) the date d ("YYYY-MM-DD...")
 * as "YYYY-MM-DD" in out. */
static void next_day(const char *d, int step, char out[32])
{
    int y, m, day;
    px_civil_from_days(days_of(d) + step, &y, &m, &day);
    snprintf(out, 32, "%04d-%02d-%02d", y % 10000, m, day);
}

/* The day count of the last Sunday of month m (March, October: 31 days)
 * of year y. */
static long last_sunday(int y, int m)
{
    long d = px_days_from_civil(y, m, 31);
    return d - px_weekday(d) % 7; /* px_weekday: Sunday is 7 */
}

/* Country-code domains and their zone: minutes east of UTC, and whether
 * the European summer time applies.  Only countries with one zone. */
static const struct zone {
    const char *tld;
    short minutes;
    char eu_summer;
} zones[] = {
    {"de", 60, 1},  {"at", 60, 1},  {"ch", 60, 1},  {"fr", 60, 1},   {"it", 60, 1},
    {"es", 60, 1},  {"nl", 60, 1},  {"be", 60, 1},  {"lu", 60, 1},   {"pl", 60, 1},
    {"cz", 60, 1},  {"sk", 60, 1},  {"dk", 60, 1},  {"se", 60, 1},   {"no", 60, 1},
    {"hu", 60, 1},  {"si", 60, 1},  {"hr", 60, 1},  {"uk", 0, 1},    {"ie", 0, 1},
    {"fi", 120, 1}, {"gr", 120, 1}, {"ro", 120, 1}, {"bg", 120, 1},  {"ee", 120, 1},
    {"lv", 120, 1}, {"lt", 120, 1}, {"br", -180, 0}, {"ar", -180, 0}, {"uy", -180, 0},
    {"bo", -240, 0}, {"co", -300, 0}, {"pe", -300, 0}, {"ec", -300, 0}, {"jp", 540, 0},
    {"kr", 540, 0}, {"cn", 480, 0}, {"hk", 480, 0}, {"tw", 480, 0}, {"sg", 480, 0},
    {"in", 330, 0}, {"tr", 180, 0},
};

/* The zone of the page's host by its country-code domain, or NULL. */
static const struct zone *zone_of(const char *url)
{
    const char *h = url ? strstr(url, "://") : NULL;
    if (!h) return NULL;
    h += 3;
    size_t n = strcspn(h, ":/?#");
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (h[i] == '.') dot = h + i;
    if (!dot) return NULL;
    size_t tl = (size_t)(h + n - dot - 1);
    for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
        if (strlen(zones[i].tld) == tl && !strncasecmp(dot + 1, zones[i].tld, tl)) return &zones[i];
    return NULL;
}

/* Languages written almost only in one zone, and the country-code domain
 * that stands for it. */
static const char *const language_zones[][2] = {
    {"de", "de"}, {"it", "it"}, {"pl", "pl"}, {"nl", "nl"}, {"cs", "cz"}, {"sk", "sk"},
    {"hu", "hu"}, {"da", "dk"}, {"sv", "se"}, {"nb", "no"}, {"nn", "no"}, {"no", "no"},
    {"sl", "si"}, {"hr", "hr"}, {"fi", "fi"}, {"el", "gr"}, {"ro", "ro"}, {"bg", "bg"},
    {"et", "ee"}, {"lv", "lv"}, {"lt", "lt"}, {"ja", "jp"}, {"ko", "kr"},
};

/* The zone of a page with no country-code domain (no address known, or a
 * .com) by its language, when the language is one zone's: a German page
 * on a .com is read in Central Europe.  NULL for the others (English,
 * Spanish, French, Portuguese span the world). */
static const struct zone *zone_of_language(const char *lang)
{
    if (!lang) return NULL;
    for (size_t i = 0; i < sizeof language_zones / sizeof *language_zones; i++) {
        if (strcmp(lang, language_zones[i][0])) continue;
        for (size_t k = 0; k < sizeof zones / sizeof *zones; k++)
            if (!strcmp(zones[k].tld, language_zones[i][1])) return &zones[k];
    }
    return NULL;
}

/* A UTC timestamp with no shown date to check it against is moved to the
 * local day of the site's country (its country-code domain): readers of
 * eldeber.com.bo saw 2022-05-04T02:41:00Z as May 3, those of a .de site
 * saw 2022-11-06T23:00:00Z as November 7.  A page with no such domain
 * is placed by its language when that is one zone's.  Only a "Z" time:
 * "+00:00" is how PHP (WordPress) writes the times of a site left at UTC,
 * whose pages show the UTC day too. */
static void zone_day(html_page *pg, char d[32])
{
    size_t n = d ? strlen(d) : 0;
    int h, mi;
    if (n < 20 || d[10] != 'T' || d[n - 1] != 'Z' || sscanf(d + 11, "%2d:%2d", &h, &mi) != 2)
        return;
    const struct zone *z = zone_of(pg->a->url);
    if (!z) z = zone_of_language(pg->a->language);
    if (!z) return;
    long day = days_of(d), minutes = h * 60 + mi + z->minutes;
    int y = 0;
    sscanf(d, "%4d", &y);
    if (z->eu_summer) { /* from 01:00 UTC on the last Sunday of March to October's */
        long at = day * 1440 + h * 60 + mi;
        if (at >= last_sunday(y, 3) * 1440 + 60 && at < last_sunday(y, 10) * 1440 + 60)
            minutes += 60;
    }
    long shift = minutes < 0 ? -1 : minutes >= 1440 ? 1 : 0;
    if (!shift) return;
    next_day(d, (int)shift, d);
}

/* A timestamp given in UTC ("...T02:41:00Z") falls on the day before or
 * after the local day of publication for much of the world; the date the
 * page shows its readers is the local one.  When the two are a day apart,
 * the shown date wins. */
static void local_day(char d[32], px_date_source *src, const char *seen)
{
    size_t n = d ? strlen(d) : 0;
    if (!*seen || n < 20 || d[10] != 'T' ||
        !(d[n - 1] == 'Z' || (n >= 6 && !strcmp(d + n - 6, "+00:00"))))
        return;
    long gap = days_of(seen) - days_of(d);
    if (gap != 1 && gap != -1) return;
    memcpy(d, seen, 32);
    *src = PX_DATE_TEXT;
}

static int offer_line(html_page *pg, const char *s, size_t n, void *ud)
{
    (void)ud;
    return offer_text(pg, s, n, DR_NEAR);
}

/* A short line just below the headline that holds a date ("24. April 2020
 * | Pressemitteilung", "Stand: 12.11.2021"), or just above it, where a
 * kicker line often carries it: where pages without markup for it print
 * the date. */
static void near_headline(html_page *pg)
{
    px_html_near_headline(pg, NEAR_BEFORE, NEAR_RUNS, NEAR_WEIGHT, offer_line, NULL);
}

#define LABEL_SHORT 160    /* bytes of text: a longer element is prose */
#define LABEL_TEXT_MAX 320 /* bytes of an element's text looked at */
#define LABEL_GAP 4        /* bytes allowed before a label and after it */

/* Words that say the date after them is the publication's ("veröffentlicht
 * 28.01.2022 06:00", "Pressemitteilung vom 25. Januar 2022", "last edited
 * 2019-11-10"), lower case.  "stand" is the German "as of". */
static const char *const date_labels[] = {
    "published",      "posted on",     "last edited",          "veröffentlicht", "erschienen am",
    "erstellt am",    "meldung vom",   "pressemitteilung vom", "stand:",         "stand -",
    "publié le",      "publicado el",  "publicado em",         "pubblicato il",  "opublikowano",
    NULL};

/* The date just after a publication label in s, into iso; a label past
 * the opening counts only when s is short. */
static int labelled_date(html_page *pg, const char *s, size_t n, int short_text, char iso[32])
{
    char low[LABEL_TEXT_MAX + 8];
    if (n >= sizeof low) n = sizeof low - 1;
    for (size_t i = 0; i < n; i++) low[i] = (char)lower((unsigned char)s[i]);
    low[n] = '\0';
    for (const char *const *l = date_labels; *l; l++) {
        const char *at = strstr(low, *l);
        if (!at || (!short_text && at - low > LABEL_GAP)) continue;
        size_t from = (size_t)(at - low) + strlen(*l), where;
        if (px_html_find_date(s + from, n - from, day_first(pg), iso, &where) &&
            where <= LABEL_GAP)
            return 1;
    }
    return 0;
}

/* Pages with no date in their metadata and none by the headline may still
 * label one somewhere: a byline block under the related links, a page
 * footer's "last edited" line, a lead opening "Pressemitteilung vom 25.
 * Januar 2022 | Berlin - ...".  An element outside navigation that holds a
 * publication label right before a date (anywhere in a short element, at
 * the opening of a long one) gives the date.  Only the first such element counts; only pages with no date yet
 * are searched, which keeps the walk off most pages.  Each element is read
 * once: the runs of one alternate with its children's ("x<p>y</p>x..."),
 * and reading a large element again at each of its runs was quadratic. */
static void labelled(html_page *pg)
{
    if (px_html_has_date(pg)) return;
    px_buf text = {0}, squeezed = {0};
    unsigned char *seen = px_xcalloc(pg->elems.len + 1, 1);
    char iso[32];
    for (size_t r = 0; r < pg->runs.len; r++) {
        size_t owner = pg->runs.items[r].owner;
        const html_elem *e = &pg->elems.items[owner];
        if (seen[owner] || e->inherit & HB_NAV) continue;
        seen[owner] = 1;
        px_buf_reset(&text);
        px_html_node_text(pg, e->node, &text, LABEL_TEXT_MAX);
        px_buf_reset(&squeezed);
        px_html_squeeze(px_buf_str(&text), text.len, &squeezed);
        if (labelled_date(pg, px_buf_str(&squeezed), squeezed.len, e->text <= LABEL_SHORT, iso)) {
            px_html_offer_date(pg, iso, DR_LABELLED);
            break;
        }
    }
    free(seen);
    px_buf_free(&text);
    px_buf_free(&squeezed);
}

#define BYLINE_ELEMENTS 3 /* byline elements read for a date */
#define BYLINE_TEXT 200    /* non-space bytes: a longer element is more than a byline */

/* A byline often carries the day with the name ("von r23 » 21.01.2009,
 * 05:42" over a forum's first post, "By Jane Roe on May 3, 2020"): on a
 * page with no date otherwise, a date in one of the first three byline
 * elements (pg->bylines: rel or itemprop author, a class naming a byline
 * or an author, kept outside navigation and boilerplate such as comments)
 * that is short and not in a teaser item: another article's byline. */
static void byline_date(html_page *pg)
{
    if (px_html_has_date(pg) || !pg->bylines.len) return;
    px_buf text = {0};
    px_map items = {0};
    const html_elem *hl = px_html_headline(pg);
    for (size_t i = 0; i < pg->bylines.len && i < BYLINE_ELEMENTS && !px_html_has_date(pg); i++) {
        xmlNode *n = pg->bylines.items[i];
        const html_elem *e = px_html_elem(pg, n);
        if (!e || e->text > BYLINE_TEXT || in_teaser_item(pg, n, hl ? hl->node : NULL, &items))
            continue;
        const char *s = short_text(pg, n, &text);
        offer_text(pg, s, text.len, DR_BYLINE);
    }
    px_map_free(&items);
    px_buf_free(&text);
}

/* The parts of an http(s) URL or of a root-relative href that name a page:
 * its host (NULL for a root-relative href) without "www." and a default
 * port, its path without trailing slashes and its query without tracking
 * parameters ("?id=5", or empty; the fragment is no part of it). */
typedef struct page_ref {
    const char *host, *path;
    size_t host_len, path_len;
    char query[256];
} page_ref;

/* 1 for the parameters feeds and shares add to a page's address. */
static int is_tracking(const char *p, size_t n)
{
    return (n >= 4 && !strncmp(p, "utm_", 4)) || (n >= 7 && !strncmp(p, "fbclid=", 7)) ||
           (n >= 6 && !strncmp(p, "gclid=", 6));
}

/* Copies the query of u (at '?', up to '#') without its tracking
 * parameters into out; 0 when it does not fit. */
static int clean_query(const char *u, char *out, size_t cap)
{
    size_t k = 0, end = strcspn(u, "#");
    out[0] = '\0';
    if (u[0] != '?') return 1;
    for (size_t i = 1; i < end;) {
        size_t n = strcspn(u + i, "&#");
        if (n > end - i) n = end - i;
        if (n && !is_tracking(u + i, n)) {
            if (k + n + 2 > cap) return 0;
            out[k] = k ? '&' : '?';
            k++;
            memcpy(out + k, u + i, n);
            k += n;
            out[k] = '\0';
        }
        i += n + 1;
    }
    return 1;
}

static int page_ref_of(const char *u, page_ref *r)
{
    memset(r, 0, sizeof *r);
    if (!u) return 0;
    if (!strncasecmp(u, "http://", 7) || !strncasecmp(u, "https://", 8)) {
        r->host = strstr(u, "://") + 3;
        r->host_len = strcspn(r->host, "/?#");
        u = r->host + r->host_len;
        if (r->host_len > 4 && !strncasecmp(r->host, "www.", 4)) r->host += 4, r->host_len -= 4;
        if (r->host_len > 3 && !strncmp(r->host + r->host_len - 3, ":80", 3)) r->host_len -= 3;
        else if (r->host_len > 4 && !strncmp(r->host + r->host_len - 4, ":443", 4))
            r->host_len -= 4;
    } else if (u[0] != '/' || u[1] == '/') {
        return 0;
    }
    r->path = u;
    r->path_len = strcspn(u, "?#");
    if (!clean_query(u + r->path_len, r->query, sizeof r->query)) return 0;
    while (r->path_len > 1 && u[r->path_len - 1] == '/') r->path_len--;
    return 1;
}

/* 1 when the href names the page (its host, when it gives one, its path
 * and its query). */
static int same_page(const page_ref *page, const page_ref *href)
{
    return (!href->host || (href->host_len == page->host_len &&
                            !strncasecmp(href->host, page->host, page->host_len))) &&
           href->path_len == page->path_len && !memcmp(href->path, page->path, page->path_len) &&
           !strcmp(href->query, page->query);
}

/* A page that shows no date of its own may still be listed, dated, in its
 * site's "latest articles" box beside it: a teaser that links to the page
 * itself and holds a date gives that date, just above the labelled
 * fallback.  The home page (path "/", no query) is left out: every teaser
 * of a front page links home somewhere; so are links to a part of the
 * page ("#comment-288842": the dates of the comments). */
static void self_teaser(html_page *pg)
{
    page_ref page, href;
    if (px_html_has_date(pg) || !page_ref_of(pg->a->url, &page) || !page.host ||
        (page.path_len < 2 && !page.query[0]))
        return;
    px_buf text = {0};
    for (size_t i = 0; i < pg->elems.len; i++) {
        const html_elem *e = &pg->elems.items[i];
        if (e->kind != HK_LINK || !e->text || e->text > 400 || e->inherit & HB_NAV) continue;
        const char *target = px_html_attr(e->node, "href");
        if (!target || strchr(target, '#') || !page_ref_of(target, &href) ||
            !same_page(&page, &href))
            continue;
        const char *t = short_text(pg, e->node, &text);
        if (offer_text(pg, t, text.len, DR_SELF_TEASER)) break;
    }
    px_buf_free(&text);
}

/* Publication fields of the state data that pages built by scripts carry
 * in a <script> (a store's product JSON, a review widget's initial state,
 * a Next.js payload), as quoted JSON keys.  Creation and update fields
 * ("createdAt", "updated_at") are left out: a CMS creates a page's blocks
 * long before or after it publishes them. */
static const char *const script_keys[] = {
    "publishedDate", "published_at", "publishedAt", "publishDate", "publicationDate",
    "date_published", "datePublished", NULL};

#define SCRIPT_VALUE 48 /* bytes of a field's value read */

/* The date of the first script_keys field in s ("published_at":"2019-...",
 * or \"published_at\":\"2019-...\" inside a JSON string) whose value is
 * an ISO date, into iso.  Each occurrence of a key is read once. */
static int script_field_date(const char *s, char iso[32])
{
    const char *best = NULL;
    for (const char *const *k = script_keys; *k; k++) {
        size_t kl = strlen(*k);
        for (const char *at = strstr(s, *k); at && (!best || at < best); at = strstr(at + kl, *k)) {
            if (at == s || !strchr("\"\\", at[-1]) || !at[kl] || !strchr("\"\\", at[kl]))
                continue;
            const char *v = at + kl;
            while (*v && strchr("\\\" \t:", *v) && v - at < (ptrdiff_t)kl + 8) v++;
            char value[SCRIPT_VALUE + 1], found[32];
            size_t n = strcspn(v, "\"\\");
            if (n > SCRIPT_VALUE || v[-1] != '"' || !(*v >= '0' && *v <= '9')) continue;
            memcpy(value, v, n);
            value[n] = '\0';
            if (px_html_date_iso(value, found)) {
                best = at;
                memcpy(iso, found, 32);
                break;
            }
        }
    }
    return best != NULL;
}

/* A page with no date anywhere else may carry its publication in its
 * scripts' state data (script_keys): the first such field of the first
 * script that has one. */
static void script_date(html_page *pg)
{
    char iso[32];
    if (px_html_has_date(pg)) return;
    px_buf text = {0};
    for (size_t i = 0; i < pg->scripts.len; i++) {
        px_buf_reset(&text);
        for (const xmlNode *t = pg->scripts.items[i]->children; t; t = t->next)
            if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
                px_buf_puts(&text, (const char *)t->content); /* the parser's chunks */
        if (text.len && script_field_date(px_buf_str(&text), iso)) {
            px_html_offer_date(pg, iso, DR_SCRIPT);
            break;
        }
    }
    px_buf_free(&text);
}

/* An event page's template often opens the og:title with the day
 * ("08.11.2021 | Online-Fachtag ..."), which the headline and the title,
 * cut of it, no longer show: a date that opens it is read. */
static void titled_opening(html_page *pg, const char *og_title)
{
    char iso[32];
    size_t at;
    if (og_title && px_html_find_date(og_title, strlen(og_title), day_first(pg), iso, &at) &&
        at == 0)
        px_html_offer_date(pg, iso, DR_OG_TITLE);
}

#define UPDATE_DAYS 45 /* days: a later shown date within this is an update */
#define RESAVE_DAYS 7  /* days: an unshown metadata date this much later is a re-save */

static int note_line(html_page *pg, const char *s, size_t n, void *ud)
{
    return px_html_find_date(s, n, day_first(pg), ud, NULL);
}

/* A page updated after it was published often shows its readers the day
 * of the update, in its date element or by the headline, and that shown
 * day is the article's date to them.  So a shown day later than the one
 * the metadata calls the publication wins when it is the day the metadata
 * says the page was modified (JSON-LD dateModified, article:modified_time),
 * or when it is at most UPDATE_DAYS later (a correction): a stray
 * date in a teaser or a sidebar is rarely that close, an earlier shown day
 * is an event the text speaks of, not its publication.  The candidate
 * takes the shown day, its source becomes "text".
 *
 * The other way round, a metadata date the page never shows, at most a
 * week after the day it does show, is the day the CMS saved the page
 * again (a re-import, a fixed typo), and the shown day wins too.  Only the
 * page's own text counts as showing it: the teaser of a related article
 * or a box of other reports dated the next day shows another story's. */
static void shown_update(html_page *pg, char d[32], px_date_source *src)
{
    if (*src != PX_DATE_JSONLD && *src != PX_DATE_META) return;
    char shown[32] = "";
    if (*pg->date_seen) memcpy(shown, pg->date_seen, sizeof shown);
    else px_html_near_headline(pg, NEAR_BEFORE, NEAR_RUNS, NEAR_WEIGHT, note_line, shown);
    if (!*shown || !strncmp(shown, d, 10)) return;
    long gap = days_of(shown) - days_of(d);
    int is_modified = *pg->date_modified && !strncmp(pg->date_modified, shown, 10);
    int unshown = gap < 0 && gap >= -RESAVE_DAYS && !own_text_shows(pg, d);
    if (!unshown && (gap < 1 || (!is_modified && gap > UPDATE_DAYS))) return;
    memcpy(d, shown, 32);
    *src = PX_DATE_TEXT;
}

void px_html_adjust_date(html_page *pg, char iso[32], px_date_source *src)
{
    shown_update(pg, iso, src);
    if (*pg->date_seen) local_day(iso, src, pg->date_seen);
    else zone_day(pg, iso);
}

void px_html_pubdate(html_page *pg, const html_meta *m)
{
    const char *mod = px_html_ld_string(&pg->ld, "dateModified");
    if (!mod) mod = m->modified;
    if (!mod || !px_html_date_iso(mod, pg->date_modified)) pg->date_modified[0] = '\0';
    pg->article_typed = pg->ld.article || (m->og_type && !strncasecmp(m->og_type, "article", 7));
    offer_iso(pg, px_html_ld_string(&pg->ld, "datePublished"), DR_LD_ARTICLE);
    offer_iso(pg, m->date, DR_META);
    if (!px_html_has_date(pg)) offer_iso(pg, pg->ld.any_published, DR_LD_OTHER);
    from_times(pg);
    from_dated(pg);
    char iso[32];
    const char *url = pg->a->url ? pg->a->url : m->og_url;
    if (url && px_html_url_date(url, iso)) px_html_offer_date(pg, iso, DR_URL);
    near_headline(pg);
    if (pg->headline) { /* its text whole: the title lost a date at its edge */
        px_buf text = {0};
        const char *s = short_text(pg, pg->headline, &text);
        offer_text(pg, s, text.len, DR_HEADLINE);
        px_buf_free(&text);
    } else if (pg->a->title) {
        offer_text(pg, pg->a->title, strlen(pg->a->title), DR_HEADLINE);
    }
    titled_opening(pg, m->og_title);
    labelled(pg);
    byline_date(pg);
    self_teaser(pg);
    script_date(pg);
}
