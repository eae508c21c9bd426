/*
 * html_meta.c — an article's fields from the page: url, outlet, title,
 * byline, date, language.
 *
 * Each field has sources in order of trust, and the first that gives a
 * value wins; a field the caller set already (JSON Lines) is never touched.
 *
 *   url       <link rel=canonical> (what the site calls the page), og:url,
 *             JSON-LD url / mainEntityOfPage.  Relative ones are resolved
 *             against <base href> or og:url; only http(s) URLs are kept.
 *   outlet    og:site_name, JSON-LD publisher.name: both name the site.
 *   title     og:title and JSON-LD headline are the headline proper; <title>
 *             usually carries " | Site" or " - Site", cut when the tail is
 *             the site's name (site_name, publisher, the URL's host) or
 *             looks like one (a few capitalised words after a longer head);
 *             the first <h1> last.
 *   byline    meta author (not a profile URL), JSON-LD author names joined
 *             with ", ", then a short element marked rel/itemprop=author or
 *             class "byline"/"author"; a leading "By" is dropped.
 *   date      every source is offered to px_article_set_date with its
 *             confidence, and the most trusted wins: JSON-LD datePublished
 *             (0.95), the publication meta tags (0.9), <time datetime>
 *             (0.7, one marked as the publication time first), a
 *             /YYYY/MM/DD/ URL path (0.6).
 *   language  <html lang>, Content-Language, JSON-LD inLanguage, og:locale;
 *             the primary subtag only ("en-US" -> "en").
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "extract/html.h"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* ---- meta tags ----------------------------------------------------------- */

typedef struct meta_tags {
    const char *og_title, *twitter_title, *og_url, *site_name, *author, *article_author;
    const char *content_language, *og_locale;
    const char *date;
    int date_rank;
} meta_tags;

/* Publication-date keys, most trusted first. */
static const char *const date_keys[] = {
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "publish-date", "publishdate", "publish_date", "pubdate", "date",
    "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dcterms.date",
    "sailthru.date", "parsely-pub-date", NULL};

static void lower_copy(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    while (s && s[n] && n + 1 < cap) out[n] = (char)lower((unsigned char)s[n]), n++;
    out[n] = '\0';
}

static void note_date(meta_tags *m, const char *key, const char *content)
{
    char iso[32];
    for (int r = 0; date_keys[r]; r++)
        if (!strcmp(key, date_keys[r]) && (!m->date || r < m->date_rank) &&
            px_html_date_iso(content, iso))
            m->date = content, m->date_rank = r;
}

/* The first value of each key of interest, in document order. */
static void read_meta_tags(const html_page *pg, meta_tags *m)
{
    struct { const char *key; const char **slot; } keys[] = {
        {"og:title", &m->og_title},         {"twitter:title", &m->twitter_title},
        {"og:url", &m->og_url},             {"og:site_name", &m->site_name},
        {"author", &m->author},             {"article:author", &m->article_author},
        {"content-language", &m->content_language}, {"og:locale", &m->og_locale},
    };
    for (size_t i = 0; i < pg->metas.len; i++) {
        const xmlNode *n = pg->metas.items[i];
        const char *raw = px_html_attr(n, "property"), *content = px_html_attr(n, "content");
        if (!raw) raw = px_html_attr(n, "name");
        if (!raw) raw = px_html_attr(n, "itemprop");
        if (!raw) raw = px_html_attr(n, "http-equiv");
        if (!raw || !content || !*content) continue;
        char key[64];
        lower_copy(raw, key, sizeof key);
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
            if (!*keys[k].slot && !strcmp(key, keys[k].key)) *keys[k].slot = content;
        note_date(m, key, content);
    }
}

/* The href of the first <link> whose rel holds word. */
static const char *link_href(const html_page *pg, const char *word)
{
    for (size_t i = 0; i < pg->links.len; i++) {
        const char *rel = px_html_attr(pg->links.items[i], "rel");
        char low[64];
        lower_copy(rel, low, sizeof low);
        if (rel && !strcmp(low, word)) return px_html_attr(pg->links.items[i], "href");
    }
    return NULL;
}

/* ---- url ----------------------------------------------------------------- */

static int is_http(const char *s)
{
    return s && (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8));
}

/* Sets the url from href, resolved against base when relative. */
static void set_url(html_page *pg, const char *href, const char *base)
{
    if (pg->a->url || !href || !*href) return;
    while (*href == ' ' || *href == '\n' || *href == '\t') href++;
    if (is_http(href)) {
        px_html_set_field(pg, &pg->a->url, href, strlen(href));
        return;
    }
    if (!is_http(base)) return;
    xmlChar *full = xmlBuildURI((const xmlChar *)href, (const xmlChar *)base);
    if (full && is_http((const char *)full))
        px_html_set_field(pg, &pg->a->url, (const char *)full, strlen((const char *)full));
    xmlFree(full);
}

static void find_url(html_page *pg, const meta_tags *m)
{
    const char *base = pg->base ? px_html_attr(pg->base, "href") : NULL;
    if (!is_http(base)) base = m->og_url;
    set_url(pg, link_href(pg, "canonical"), base);
    set_url(pg, m->og_url, base);
    set_url(pg, px_html_ld_url(&pg->ld), base);
}

/* Sets *field from a JSON-LD string, whose text may hold &amp; and kin. */
static void set_ld_field(html_page *pg, const char **field, const char *s)
{
    if (*field || !s) return;
    px_buf decoded = {0};
    px_html_decode_entities(s, strlen(s), &decoded);
    px_html_set_field(pg, field, px_buf_str(&decoded), decoded.len);
    px_buf_free(&decoded);
}

/* ---- title --------------------------------------------------------------- */

static const char *const title_separators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                               " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
                                               " \xC2\xBB ", " \xC2\xAB ", NULL};

/* Lower-cased letters and digits of s[0..n) (other bytes of UTF-8 kept). */
static void squash(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        int c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80) out[k++] = (char)c;
        else if (c >= 'A' && c <= 'Z') out[k++] = (char)(c + 32);
    }
    out[k] = '\0';
}

/* The host's main label: "nytimes" for https://www.nytimes.com/... */
static void host_label(const char *url, char *out, size_t cap)
{
    out[0] = '\0';
    const char *h = url ? strstr(url, "://") : NULL;
    if (!h) return;
    h += 3;
    if (!strncmp(h, "www.", 4)) h += 4;
    size_t n = strcspn(h, ".:/");
    if (n < cap) squash(h, n, out, cap);
}

typedef struct site_names {
    char names[4][128]; /* squashed; "" when unknown */
} site_names;

static void known_site_names(html_page *pg, const meta_tags *m, site_names *sn)
{
    const char *src[] = {m->site_name, px_html_ld_publisher(&pg->ld), pg->a->outlet};
    for (int i = 0; i < 3; i++) {
        sn->names[i][0] = '\0';
        if (src[i]) squash(src[i], strlen(src[i]), sn->names[i], sizeof sn->names[i]);
    }
    host_label(pg->a->url, sn->names[3], sizeof sn->names[3]);
}

/* 1 when s[0..n) names the site. */
static int is_site_name(const site_names *sn, const char *s, size_t n)
{
    char part[128];
    squash(s, n, part, sizeof part);
    size_t plen = strlen(part);
    if (plen < 2) return 0;
    for (int i = 0; i < 4; i++) {
        const char *name = sn->names[i];
        size_t nlen = strlen(name);
        if (nlen < 2) continue;
        if (!strcmp(part, name)) return 1;
        if ((nlen >= 3 && strstr(part, name)) || (plen >= 3 && strstr(name, part))) return 1;
    }
    return 0;
}

static size_t count_words(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) words++;
    return words;
}

/* 1 when s[0..n) reads like a site name: a few capitalised words. */
static int looks_like_site(const char *s, size_t n)
{
    if (n == 0 || n > 40 || count_words(s, n) > 4) return 0;
    for (size_t i = 0; i < n; i++) {
        if (i && s[i - 1] != ' ') continue;
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80)) return 0;
    }
    return 1;
}

/* The last separator in s[0..n): its offset, length in *seplen. */
static size_t last_separator(const char *s, size_t n, size_t *seplen)
{
    size_t best = n;
    for (const char *const *sep = title_separators; *sep; sep++) {
        size_t k = strlen(*sep);
        for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
            if (!memcmp(s + i, *sep, k)) {
                if (best == n || i > best) best = i, *seplen = k;
                break;
            }
    }
    return best;
}

/* Cuts a trailing " | Site" (repeatedly: " | Section | Site") or a leading
 * "Site | " from the squeezed title in b.  loose: also cut tails that only
 * look like a site name. */
static void cut_site_name(const site_names *sn, px_buf *b, int loose)
{
    for (int round = 0; round < 3; round++) {
        size_t seplen = 0, at = last_separator(b->data, b->len, &seplen);
        if (at == b->len) break;
        const char *tail = b->data + at + seplen;
        size_t tail_len = b->len - at - seplen;
        int site = is_site_name(sn, tail, tail_len) ||
                   (loose && looks_like_site(tail, tail_len) &&
                    count_words(b->data, at) >= 3 && at > tail_len);
        if (!site) break;
        b->len = at;
        b->data[at] = '\0';
    }
    size_t seplen = 0, first = b->len;
    for (const char *const *sep = title_separators; *sep; sep++) {
        const char *hit = strstr(b->data, *sep);
        if (hit && (size_t)(hit - b->data) < first)
            first = (size_t)(hit - b->data), seplen = strlen(*sep);
    }
    if (first < b->len && is_site_name(sn, b->data, first) &&
        count_words(b->data + first + seplen, b->len - first - seplen) >= 2) {
        memmove(b->data, b->data + first + seplen, b->len - first - seplen + 1);
        b->len -= first + seplen;
    }
}

static void set_title(html_page *pg, const site_names *sn, const char *s, int loose, int decode)
{
    if (pg->a->title || !s) return;
    px_buf raw = {0}, clean = {0};
    if (decode) px_html_decode_entities(s, strlen(s), &raw);
    else px_buf_puts(&raw, s);
    px_html_squeeze(raw.data ? raw.data : "", raw.len, &clean);
    if (clean.len) cut_site_name(sn, &clean, loose);
    px_html_set_field(pg, &pg->a->title, px_buf_str(&clean), clean.len);
    px_buf_free(&raw);
    px_buf_free(&clean);
}

static void find_title(html_page *pg, const meta_tags *m)
{
    site_names sn;
    known_site_names(pg, m, &sn);
    set_title(pg, &sn, m->og_title, 0, 0);
    set_title(pg, &sn, m->twitter_title, 0, 0);
    set_title(pg, &sn, px_html_ld_string(&pg->ld, "headline"), 0, 1);
    px_buf text = {0};
    if (pg->title) {
        for (const xmlNode *c = pg->title->children; c; c = c->next)
            if (c->type == XML_TEXT_NODE && c->content)
                px_buf_puts(&text, (const char *)c->content);
        set_title(pg, &sn, px_buf_str(&text), 1, 0);
    }
    if (!pg->a->title && pg->h1s.len) {
        px_buf_reset(&text);
        px_html_node_text(pg, pg->h1s.items[0], &text, 1000);
        px_html_set_field(pg, &pg->a->title, px_buf_str(&text), text.len);
    }
    px_buf_free(&text);
}

/* ---- byline -------------------------------------------------------------- */

#define MAX_BYLINE 100 /* bytes: longer is an author bio, not a byline */

/* Sets the byline from s unless it is a URL or not name-like. */
static void set_byline(html_page *pg, const char *s, size_t n)
{
    if (pg->a->byline || !s) return;
    px_buf clean = {0};
    px_html_squeeze(s, n, &clean);
    const char *t = px_buf_str(&clean);
    if ((lower((unsigned char)t[0]) == 'b' && lower((unsigned char)t[1]) == 'y') &&
        (t[2] == ' ' || t[2] == ':')) {
        t += 3;
        while (*t == ' ' || *t == ':') t++;
    }
    size_t len = strlen(t);
    int letters = 0;
    for (size_t i = 0; i < len; i++)
        letters += ((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z') || (unsigned char)t[i] >= 0x80;
    if (len >= 2 && len <= MAX_BYLINE && letters >= 2 && !strstr(t, "://") &&
        strncmp(t, "www.", 4))
        px_html_set_field(pg, &pg->a->byline, t, len);
    px_buf_free(&clean);
}

static void find_byline(html_page *pg, const meta_tags *m)
{
    if (pg->a->byline) return;
    if (m->author) set_byline(pg, m->author, strlen(m->author));
    if (m->article_author) set_byline(pg, m->article_author, strlen(m->article_author));
    px_buf names = {0}, text = {0};
    px_html_ld_authors(&pg->ld, &names);
    if (names.len) {
        px_buf decoded = {0};
        px_html_decode_entities(names.data, names.len, &decoded);
        set_byline(pg, px_buf_str(&decoded), decoded.len);
        px_buf_free(&decoded);
    }
    for (size_t i = 0; i < pg->bylines.len && !pg->a->byline; i++) {
        html_elem *e = px_html_elem(pg, pg->bylines.items[i]);
        if (!e || !e->text || e->text > MAX_BYLINE) continue;
        px_buf_reset(&text);
        px_html_node_text(pg, pg->bylines.items[i], &text, 4 * MAX_BYLINE);
        set_byline(pg, px_buf_str(&text), text.len);
    }
    px_buf_free(&names);
    px_buf_free(&text);
}

/* ---- date ---------------------------------------------------------------- */

static void offer_date(html_page *pg, const char *s, px_date_source src, double conf)
{
    char iso[32];
    if (s && px_html_date_iso(s, iso)) px_article_set_date(pg->a, iso, src, conf);
}

/* 1 when a <time> says it is the publication time. */
static int is_publication_time(const xmlNode *n)
{
    const char *itemprop = px_html_attr(n, "itemprop"), *cls = px_html_attr(n, "class");
    char low[128];
    lower_copy(cls, low, sizeof low);
    return px_html_attr(n, "pubdate") || (itemprop && strstr(itemprop, "datePublished")) ||
           (cls && strstr(low, "publish"));
}

static void find_date(html_page *pg, const meta_tags *m)
{
    offer_date(pg, px_html_ld_string(&pg->ld, "datePublished"), PX_DATE_JSONLD, 0.95);
    offer_date(pg, m->date, PX_DATE_META, 0.9);
    const char *first = NULL, *marked = NULL;
    for (size_t i = 0; i < pg->times.len && !marked; i++) {
        const char *dt = px_html_attr(pg->times.items[i], "datetime");
        char iso[32];
        if (!dt || !px_html_date_iso(dt, iso)) continue;
        if (is_publication_time(pg->times.items[i])) marked = dt;
        else if (!first) first = dt;
    }
    offer_date(pg, marked ? marked : first, PX_DATE_TIME, 0.7);
    char iso[32];
    const char *url = pg->a->url ? pg->a->url : m->og_url;
    if (url && px_html_url_date(url, iso)) px_article_set_date(pg->a, iso, PX_DATE_URL, 0.6);
}

/* ---- language ------------------------------------------------------------ */

/* Sets the language from a tag ("en-US", "de_DE", "fr"): its primary
 * subtag when that is 2 or 3 letters. */
static void set_language(html_page *pg, const char *tag)
{
    if (pg->a->language || !tag) return;
    while (*tag == ' ') tag++;
    char code[4];
    size_t n = 0;
    while (n < 4 && ((tag[n] | 32) >= 'a' && (tag[n] | 32) <= 'z')) n++;
    if (n < 2 || n > 3 || (tag[n] && !strchr("-_ ,;", tag[n]))) return;
    for (size_t i = 0; i < n; i++) code[i] = (char)lower((unsigned char)tag[i]);
    code[n] = '\0';
    pg->a->language = px_article_str(pg->a, code, n);
}

static void find_language(html_page *pg, const meta_tags *m)
{
    if (pg->root) {
        set_language(pg, px_html_attr(pg->root, "lang"));
        set_language(pg, px_html_attr(pg->root, "xml:lang"));
    }
    set_language(pg, m->content_language);
    set_language(pg, px_html_ld_language(&pg->ld));
    set_language(pg, m->og_locale);
}

/* ---- all fields ---------------------------------------------------------- */

void px_html_metadata(html_page *pg)
{
    meta_tags m = {0};
    read_meta_tags(pg, &m);
    find_url(pg, &m);
    px_html_set_field(pg, &pg->a->outlet, m.site_name, m.site_name ? strlen(m.site_name) : 0);
    set_ld_field(pg, &pg->a->outlet, px_html_ld_publisher(&pg->ld));
    find_title(pg, &m);
    find_byline(pg, &m);
    find_date(pg, &m);
    find_language(pg, &m);
}
