/*
 * html_author.c — who wrote the article, from the page.
 *
 * Each source offers its names as a candidate (px_html_offer_authors();
 * author.c cleans and splits them), and html_authorpick.c chooses among
 * them with fitted weights.  The sources (the rules):
 *
 *   1. ld: JSON-LD author (or creator) of the article: typed names, one each.
 *   2. element: the byline the reader sees: the first short element marked
 *      rel=author, itemprop=author, or class/id "byline"/"author", outside
 *      navigation and boilerplate; inside an author box with the name,
 *      a role and a bio, the element holding the name (itemprop=name, a
 *      class "name", a link to the author's page).
 *   3. meta: <meta name=author>; article_author: article:author (unless a
 *      profile URL); creator: dc.creator and kin.
 *   Names from 1 and 3 count only when the page shows them (in its text,
 *   case aside): templates fill those fields site-wide, with the site's
 *   owner, its agency, the account that posted the page, while a reader,
 *   and whoever judges what a page says, sees no such name on it.  A page
 *   whose markup holds almost no text (a script fills it in) shows nothing,
 *   and its metadata is all there is.
 *   4. near: a byline line just below the headline, where templates without
 *      markup for it print one ("Von Lisa Petrich Mi, 18. Oktober",
 *      "Ein Artikel von Pamela Sladky | 27.01.2022", "11:14 von Juliane
 *      Ziegengeist"): a short line that opens with a byline word, or has
 *      one after a date or time.  Only the first few short lines are
 *      read, and the names must be capitalised, so a sentence that
 *      happens to start with "Von" is not taken for a byline.
 *   5. body_line: a byline line at the top or the end of the body ("Von
 *      Klaus Stanjek", "Text: ..."), and kept: one among the first blocks
 *      of the body: html_blocks.c offers them.
 *   6. line: the first line outside navigation that opens with a byline
 *      phrase of two words ("Geschrieben von", "Posted by", "publié par"),
 *      wherever it stands: a forum's or an old CMS's post header that
 *      marks nothing up ("Geschrieben von <a>Cooper</a> am 25.08.2015").
 *      html_dom.c notes such lines during its walk, so finding them costs
 *      one look at the first letter of each line.  (Kept out of fold:
 *      author 0.767 -> 0.769; boilerplate-marked lines passed over too
 *      gave 0.765.)
 */
#include <string.h>
#include <strings.h>

#include "extract/extract.h"
#include "extract/html.h"

#define MAX_BYLINE 200 /* bytes of an element's text: more is an author bio */

/* Offers s (entities decoded when decode) from rule r. */
static int offer(html_page *pg, const char *s, int decode, html_author_rule r, int shown)
{
    if (!s || !*s) return 0;
    px_buf raw = {0}, clean = {0};
    if (decode) px_html_decode_entities(s, strlen(s), &raw);
    else px_buf_puts(&raw, s);
    px_html_squeeze(px_buf_str(&raw), raw.len, &clean);
    int kept = px_html_offer_authors(pg, px_buf_str(&clean), clean.len, r, shown);
    px_buf_free(&raw);
    px_buf_free(&clean);
    return kept;
}

typedef struct ld_names {
    html_page *pg;
    px_buf all; /* the names, joined by "; " */
} ld_names;

static void ld_name(const char *name, void *ud)
{
    ld_names *ln = ud;
    if (ln->all.len) px_buf_puts(&ln->all, "; ");
    px_buf_puts(&ln->all, name);
}

/* 1 when element n holds just the name inside an author box: itemprop=name,
 * a class naming a name, or a link to the author's page. */
static int holds_name(const xmlNode *n)
{
    const char *itemprop = px_html_attr(n, "itemprop"), *cls = px_html_attr(n, "class");
    const char *href = px_html_attr(n, "href"), *rel = px_html_attr(n, "rel");
    if (itemprop && strstr(itemprop, "name")) return 1;
    if (cls && (strstr(cls, "name") || strstr(cls, "Name") || strstr(cls, "author-title")))
        return 1;
    if (rel && strstr(rel, "author")) return 1;
    return href && (strstr(href, "/author") || strstr(href, "/autor") || strstr(href, "/people/") ||
                    strstr(href, "/profile") || strstr(href, "/profil"));
}

/* The text of the elements below top that hold names, joined by ", ", or
 * of top itself when there are none and it is short, into out. */
static void names_text(html_page *pg, xmlNode *top, px_buf *out)
{
    html_elem *t = px_html_elem(pg, top);
    size_t last = HTML_NONE;
    for (size_t k = t ? HTML_INDEX(pg, t) + 1 : 0; t && k < t->end; k++) {
        html_elem *e = &pg->elems.items[k];
        if (!e->text || px_html_within(pg, last, k) || !holds_name(e->node)) continue;
        if (out->len) px_buf_puts(out, ", ");
        px_html_node_text(pg, e->node, out, 4 * MAX_BYLINE);
        last = k;
    }
    if (!out->len && t && t->text <= MAX_BYLINE) px_html_node_text(pg, top, out, 4 * MAX_BYLINE);
}

static void from_elements(html_page *pg)
{
    px_buf text = {0};
    for (size_t i = 0; i < pg->bylines.len && !px_html_has_authors(pg, AR_ELEMENT); i++) {
        html_elem *e = px_html_elem(pg, pg->bylines.items[i]);
        if (!e || !e->text || e->hints & HN_COMMENT) continue;
        px_buf_reset(&text);
        names_text(pg, pg->bylines.items[i], &text);
        offer(pg, px_buf_str(&text), 0, AR_ELEMENT, 0);
    }
    px_buf_free(&text);
}

#define BYLINE_RUNS 6    /* lines after the headline looked at */
#define BYLINE_WEIGHT 80 /* letters: a longer run is a sentence */
#define BYLINE_LINE 120  /* bytes of the whole line holding it */

/* Words that open a byline, lower case, each followed by a name. */
static const char *const byline_words[] = {
    "von ", "von: ", "by ", "by: ", "par ", "por ", "text von ", "text: ", "autor: ",
    "autorin: ", "autor ", "autorin ", "autoren ", "auteur ", "written by ", "written by: ",
    "ein artikel von ", "ein beitrag von ", "erstellt von ", "geschrieben von ",
    "veröffentlicht von ", "verfasst von ", NULL};

/* 1 when a byline word opens s[i..] followed by a capital: "Von Jane",
 * or glued to it when two inline elements meet ("ByJ.R. Stone"). */
static int byline_word_at(const char *s)
{
    for (const char *const *w = byline_words; *w; w++) {
        size_t k = strlen(*w);
        if (!strncasecmp(s, *w, k)) {
            unsigned char c = (unsigned char)s[k];
            if ((c >= 'A' && c <= 'Z') || c >= 0xC3) return (int)k;
        }
    }
    if ((!strncmp(s, "By", 2) || !strncmp(s, "Von", 3)) &&
        s[s[0] == 'B' ? 2 : 3] >= 'A' && s[s[0] == 'B' ? 2 : 3] <= 'Z')
        return s[0] == 'B' ? 2 : 3;
    return 0;
}

/* Where the byline starts in the line s: a byline word at its start,
 * after a date or a time there ("02.02.2022 · 11:14 von ..."), or after a
 * bar that ends a part of the line ("Kicker | By Jane Roe | April 13").
 * The offset of the names, or -1. */
static long byline_start(const char *s)
{
    size_t i = 0;
    for (;;) {
        int k = byline_word_at(s + i);
        if (k) return (long)i + k;
        /* skip one token of a date or time: digits, dots, colons, dashes */
        size_t j = i;
        while (s[j] && s[j] != ' ' &&
               (strchr("0123456789.:/,|-", s[j]) || (unsigned char)s[j] >= 0x80))
            j++;
        if (j == i || (j - i == 1 && !strchr("0123456789|", s[i]))) break;
        while (s[j] == ' ') j++;
        i = j;
    }
    const char *bar = strstr(s, " | ");
    for (; bar; bar = strstr(bar + 1, " | ")) {
        int k = byline_word_at(bar + 3);
        if (k) return (long)(bar + 3 - s) + k;
    }
    return -1;
}

static int offer_line(html_page *pg, const char *s, size_t n, void *ud)
{
    (void)ud;
    if (n > BYLINE_LINE) return 0; /* a short run inside a paragraph */
    long at = byline_start(s);
    if (at < 0) return 0;
    return offer(pg, s + at, 0, AR_NEAR, 0);
}

/* The first line outside navigation and boilerplate that opens with a
 * byline phrase, wherever it stands (html_dom.c notes them): templates
 * that mark nothing up still print "Geschrieben von <a>Cooper</a> am
 * 25.08.2015" or "Posted by Jane Roe". */
static void from_lines(html_page *pg)
{
    px_buf text = {0};
    for (size_t i = 0; i < pg->byline_lines.len && !px_html_has_authors(pg, AR_LINE); i++) {
        html_elem *e = px_html_elem(pg, pg->byline_lines.items[i]);
        if (!e || e->inherit & HB_NAV) continue;
        px_buf_reset(&text);
        px_html_node_text(pg, e->node, &text, 4 * MAX_BYLINE);
        px_buf_reset(&pg->scratch);
        px_html_squeeze(px_buf_str(&text), text.len, &pg->scratch);
        const char *s = px_buf_str(&pg->scratch);
        size_t k = px_html_byline_phrase(s);
        if (!k || pg->scratch.len - k > BYLINE_LINE) continue;
        offer(pg, s + k, 0, AR_LINE, 0);
    }
    px_buf_free(&text);
}

static int is_url(const char *s)
{
    return s && (strstr(s, "://") || !strncmp(s, "www.", 4));
}

void px_html_authors(html_page *pg, const html_meta *m)
{
    if (pg->a->authors.len) return; /* given with the input */
    ld_names ln = {pg, {0}};
    px_html_ld_authors(&pg->ld, ld_name, &ln);
    offer(pg, ln.all.data, 1, AR_LD, 1);
    px_buf_free(&ln.all);
    from_elements(pg);
    offer(pg, m->author, 0, AR_META, 1);
    if (!is_url(m->article_author)) offer(pg, m->article_author, 0, AR_ARTICLE_AUTHOR, 1);
    offer(pg, m->creator, 0, AR_CREATOR, 1);
    px_html_near_headline(pg, 0, BYLINE_RUNS, BYLINE_WEIGHT, offer_line, NULL);
    from_lines(pg);
}
