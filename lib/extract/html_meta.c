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
 *   outlet    og:site_name, JSON-LD publisher.name: both name the site;
 *             else the registrable domain of the URL ("bbc.co.uk" for
 *             https://news.bbc.co.uk/...), from the Public Suffix List
 *             compiled into libpsl, so "co.uk" is never taken for a site.
 *   title     html_title.c
 *   authors   html_author.c
 *   date      html_pubdate.c
 *   language  <html lang>, Content-Language, JSON-LD inLanguage, og:locale;
 *             the primary subtag only ("en-US" -> "en").
 */
#include <stdlib.h>
#include <string.h>

#include <libpsl.h>
#include <libxml/uri.h>

#include "extract/html.h"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* ---- meta tags ----------------------------------------------------------- */

/* Publication-date keys, most trusted first. */
static const char *const date_keys[] = {
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "publish-date", "publishdate", "publish_date", "pubdate", "date",
    "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dcterms.date",
    "dc:date", "dcterms:issued", "dcterms:created", "dcterms:date", "sailthru.date",
    "parsely-pub-date", "citation_publication_date", "citation_date", "bepress_citation_date",
    "article.published", "original-publish-date", "publication_date", "published_time",
    "date_published", "datecreated", "creation_date", NULL};

static void lower_copy(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    while (s && s[n] && n + 1 < cap) out[n] = (char)lower((unsigned char)s[n]), n++;
    out[n] = '\0';
}

/* A vendor's copy of article:published_time ("shareaholic:article_published_time"). */
static int vendor_published(const char *key)
{
    static const char tail[] = "article_published_time";
    size_t n = strlen(key), t = sizeof tail - 1;
    return n > t + 1 && !strcmp(key + n - t, tail) && strchr(":_.", key[n - t - 1]);
}

static void note_date(html_meta *m, const char *key, const char *content)
{
    char iso[32];
    int last = (int)(sizeof date_keys / sizeof *date_keys) - 1;
    for (int r = 0; r <= last; r++)
        if ((r < last ? !strcmp(key, date_keys[r]) : vendor_published(key)) &&
            (!m->date || r < m->date_rank) && px_html_date_iso(content, iso))
            m->date = content, m->date_rank = r;
}

/* The first value of each key of interest, in document order. */
static void read_html_meta(const html_page *pg, html_meta *m)
{
    struct { const char *key; const char **slot; } keys[] = {
        {"og:title", &m->og_title},         {"twitter:title", &m->twitter_title},
        {"og:url", &m->og_url},             {"og:site_name", &m->site_name},
        {"og:type", &m->og_type},
        {"author", &m->author},             {"article:author", &m->article_author},
        {"dc.creator", &m->creator},        {"dc:creator", &m->creator},
        {"dcterms.creator", &m->creator},   {"dcterms:creator", &m->creator},
        {"parsely-author", &m->creator},    {"sailthru.author", &m->creator},
        {"byl", &m->creator},
        {"content-language", &m->content_language}, {"og:locale", &m->og_locale},
        {"article:modified_time", &m->modified}, {"og:updated_time", &m->modified},
        {"datemodified", &m->modified}, {"last-modified", &m->modified},
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

static void find_url(html_page *pg, const html_meta *m)
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

/* ---- outlet from the URL ----------------------------------------------- */

/* The registrable domain of an http(s) URL's host as the outlet; an IP
 * address (a server of one's own, a test) is its own outlet: the Public
 * Suffix List would cut "127.0.0.1" to "0.1". */
static void outlet_from_url(html_page *pg)
{
    const char *url = pg->a->url;
    const psl_ctx_t *psl = psl_builtin();
    if (pg->a->outlet || !url || !psl || !is_http(url)) return;
    const char *h = strstr(url, "://") + 3;
    const char *at = h + strcspn(h, "/?#");
    const char *user = memchr(h, '@', (size_t)(at - h)); /* user:pass@host */
    if (user) h = user + 1;
    char host[256];
    size_t n = *h == '[' ? strcspn(h, "]/?#") + 1 : strcspn(h, ":/?#"); /* [IPv6] */
    if (*h == '[' && h[n - 1] != ']') return;
    if (!n || n >= sizeof host) return;
    if (*h == '[' || strspn(h, "0123456789.") == n) {
        px_html_set_field(pg, &pg->a->outlet, h, n);
        return;
    }
    for (size_t i = 0; i < n; i++)
        host[i] = (char)(h[i] >= 'A' && h[i] <= 'Z' ? h[i] + 32 : h[i]);
    host[n] = '\0';
    const char *domain = psl_registrable_domain(psl, host);
    if (domain) px_html_set_field(pg, &pg->a->outlet, domain, strlen(domain));
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

static void find_language(html_page *pg, const html_meta *m)
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
    html_meta m = {0};
    read_html_meta(pg, &m);
    find_url(pg, &m);
    px_html_set_field(pg, &pg->a->outlet, m.site_name, m.site_name ? strlen(m.site_name) : 0);
    set_ld_field(pg, &pg->a->outlet, px_html_ld_publisher(&pg->ld));
    px_html_title(pg, &m);
    px_html_resolve_title(pg);
    outlet_from_url(pg);
    px_html_authors(pg, &m);
    find_language(pg, &m);
    px_html_pubdate(pg, &m);
}
