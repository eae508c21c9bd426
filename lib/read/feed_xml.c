/*
 * feed_xml.c — SAX events to the px_feed model: RSS 0.9x, 1.0 (RDF), 2.0
 * and Atom 0.3, 1.0; sitemaps and OPML are handed to their own files by
 * the document's root element.
 *
 * One table-free dispatcher, because the formats overlap far more than
 * they differ: an element is known by its local name (case-insensitive:
 * feeds write pubdate and pubDate alike) when it is in no namespace or in
 * one of the RSS and Atom namespaces, and by namespace + name for the
 * modules a news reader needs (Dublin Core, content:encoded,
 * sy:updatePeriod, an XHTML body).  Everything else is ignored, and the
 * contents of elements that describe something other than the entry
 * (an Atom <source>, an RSS <image>, <textInput>, a contributor) are
 * skipped so their titles and links never leak into the entry's.
 *
 * What each element gives:
 *   title, dc:title                         title
 *   description, summary, dc:description   summary   (feed: subtitle; tagline,
 *                                                      subtitle too)
 *   content, content:encoded, xhtml:body   content
 *   link (RSS text or Atom href/rel)        link, links
 *   id, guid                                id (a permalink guid is the link
 *                                           when there is no <link>)
 *   pubDate, published, issued, created,
 *   dcterms:issued/created                  published
 *   updated, modified, lastBuildDate,
 *   dc:date, dcterms:modified               updated
 *   author (Atom person or RSS e-mail),
 *   dc:creator, managingEditor (feed)       authors
 *   language, dc:language, xml:lang         language
 *   ttl, sy:updatePeriod, sy:updateFrequency  the feed's polling hints
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "read/feed.h"

#define NS_ATOM10 "http://www.w3.org/2005/Atom"
#define NS_ATOM03 "http://purl.org/atom/ns#"
#define NS_RSS10 "http://purl.org/rss/1.0/"
#define NS_RSS090 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS "http://purl.org/dc/terms/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_SY "http://purl.org/rss/1.0/modules/syndication/"
#define NS_XHTML "http://www.w3.org/1999/xhtml"

enum { FEED_NONE, FEED_RSS, FEED_RDF, FEED_ATOM, FEED_SITEMAP, FEED_OPML };

enum {
    F_NONE, F_TITLE, F_SUBTITLE, F_SUMMARY, F_CONTENT, F_LINK, F_ID, F_GUID, F_PUBLISHED,
    F_UPDATED, F_AUTHOR, F_CREATOR, F_LANGUAGE, F_TTL, F_PERIOD, F_FREQUENCY, F_NAME, F_EMAIL,
    F_URI
};

const char *px_xml_attr_get(const px_xml_attr *attrs, size_t n, const char *local)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(attrs[i].local, local)) return attrs[i].value;
    return NULL;
}

static int core_ns(const char *ns)
{
    return !ns || !strcmp(ns, NS_ATOM10) || !strcmp(ns, NS_ATOM03) || !strcmp(ns, NS_RSS10) ||
           !strcmp(ns, NS_RSS090) || !strncmp(ns, "http://backend.userland.com/rss", 31) ||
           !strcmp(ns, "http://purl.org/echo/") || !strcmp(ns, "http://example.com/newformat#") ||
           !strcmp(ns, "http://blogs.law.harvard.edu/tech/rss");
}

static int is(const char *ns, const char *local, const char *want_ns, const char *want)
{
    if (strcasecmp(local, want)) return 0;
    return want_ns ? ns && !strcmp(ns, want_ns) : core_ns(ns);
}

static void start_root(px_feed_sax *s, const char *ns, const char *local,
                       const px_xml_attr *attrs, size_t n, const char *lang)
{
    px_feed_info *in = &s->f->info;
    const char *version = px_xml_attr_get(attrs, n, "version");
    if (!strcasecmp(local, "rss")) {
        s->kind = FEED_RSS;
        if (!version) in->version = "rss";
        else if (!strncmp(version, "2.", 2)) in->version = "rss20";
        else if (!strcmp(version, "0.91")) in->version = s->netscape ? "rss091n" : "rss091u";
        else if (!strcmp(version, "0.92")) in->version = "rss092";
        else if (!strcmp(version, "0.93")) in->version = "rss093";
        else if (!strcmp(version, "0.94")) in->version = "rss094";
        else in->version = "rss";
    } else if (!strcmp(local, "RDF") && ns && !strcmp(ns, NS_RDF)) {
        s->kind = FEED_RDF;
        in->version = "rss10";
    } else if (!strcmp(local, "feed")) {
        s->kind = FEED_ATOM;
        if (ns && !strcmp(ns, NS_ATOM10)) in->version = "atom10";
        else if ((ns && !strcmp(ns, NS_ATOM03)) || (version && !strcmp(version, "0.3")))
            in->version = "atom03";
        else if (version && !strcmp(version, "0.2")) in->version = "atom02";
        else if (version && !strcmp(version, "0.1")) in->version = "atom01";
        else in->version = "atom";
    } else if (!strcmp(local, "channel")) {
        s->kind = FEED_RSS; /* a channel without its <rss> */
        in->version = "rss";
    } else if (!strcmp(local, "urlset")) {
        s->kind = FEED_SITEMAP;
        in->version = "sitemap";
    } else if (!strcmp(local, "sitemapindex")) {
        s->kind = FEED_SITEMAP;
        in->version = "sitemapindex";
    } else if (!strcasecmp(local, "opml")) {
        s->kind = FEED_OPML;
        in->version = "opml";
    }
    if (s->kind == FEED_ATOM || s->kind == FEED_RSS || s->kind == FEED_RDF)
        in->language = px_feed_strz(s->f, lang);
}

/* The capture mode an Atom text construct declares. */
static px_capture_mode atom_mode(const px_xml_attr *attrs, size_t n, px_capture_mode dflt)
{
    const char *type = px_xml_attr_get(attrs, n, "type");
    const char *mode = px_xml_attr_get(attrs, n, "mode");
    px_capture_mode m = dflt;
    if (type) {
        if (!strcasecmp(type, "text") || !strcasecmp(type, "text/plain")) m = CAP_PLAIN;
        else if (!strcasecmp(type, "html") || !strcasecmp(type, "text/html")) m = CAP_HTML;
        else if (!strcasecmp(type, "xhtml") || !strcasecmp(type, "application/xhtml+xml"))
            m = CAP_XHTML;
        else if (!strncasecmp(type, "text/", 5) || strstr(type, "xml")) m = CAP_PLAIN;
        else m = CAP_BASE64; /* Atom 1.0: any other media type is base64 */
    }
    if (mode && !strcasecmp(mode, "base64")) m = CAP_BASE64;
    else if (mode && !strcasecmp(mode, "xml") && m == CAP_PLAIN) m = CAP_XHTML;
    return m;
}

static void capture(px_feed_sax *s, int field, px_capture_mode mode, const char *base,
                    const char *lang)
{
    px_capture_start(s, mode, base, lang);
    s->cap_field = field;
}

/* Atom 1.0's type="xhtml" wraps its value in a div that is no part of it. */
static void atom_div(px_feed_sax *s, const px_xml_attr *attrs, size_t n)
{
    const char *type = px_xml_attr_get(attrs, n, "type");
    s->cap_div = type && !strcasecmp(type, "xhtml");
}

static void add_atom_link(px_feed_sax *s, const px_xml_attr *attrs, size_t n, const char *base)
{
    const char *href = px_xml_attr_get(attrs, n, "href");
    if (!href) return;
    char *abs = px_xml_resolve(base, href);
    px_feed_link l = {px_feed_strz(s->f, abs), px_feed_strz(s->f, px_xml_attr_get(attrs, n, "rel")),
                      px_feed_strz(s->f, px_xml_attr_get(attrs, n, "type")),
                      px_feed_strz(s->f, px_xml_attr_get(attrs, n, "title"))};
    free(abs);
    if (!l.href) return;
    if (!l.rel) l.rel = "alternate";
    if (!l.type && !strcmp(l.rel, "self") && s->kind == FEED_ATOM) l.type = "application/atom+xml";
    px_feed_entry *e = s->entry;
    px_feed_info *in = &s->f->info;
    if (e) px_feed_add_link(s->f, &e->links, &e->link_count, l);
    else px_feed_add_link(s->f, &in->links, &in->link_count, l);
    const char **link = e ? &e->link : &in->link;
    if (!strcmp(l.rel, "alternate") && !*link) *link = l.href;
}

static void on_start(void *ud, const char *ns, const char *local, const char *prefix,
                     const px_xml_attr *attrs, size_t n, const char *base, const char *lang)
{
    px_feed_sax *s = ud;
    s->depth++;
    if (s->skip_depth) return;
    if (s->capturing) {
        px_capture_child_start(s, local, prefix, attrs, n, base);
        return;
    }
    if (s->depth == 1) {
        start_root(s, ns, local, attrs, n, lang);
        return;
    }
    if (s->kind == FEED_SITEMAP) {
        px_sitemap_start(s, ns, local, attrs, n, base, lang);
        return;
    }
    if (s->kind == FEED_OPML) {
        px_opml_start(s, local, attrs, n, base);
        return;
    }
    if (s->kind == FEED_NONE) return;
    if (s->kind == FEED_RDF && ns && !strcmp(ns, NS_RSS090)) s->f->info.version = "rss090";
    int atom = s->kind == FEED_ATOM || (ns && (!strcmp(ns, NS_ATOM10) || !strcmp(ns, NS_ATOM03)));
    if (s->in_person) {
        int f = is(ns, local, NULL, "name") ? F_NAME
                : is(ns, local, NULL, "email") ? F_EMAIL
                : is(ns, local, NULL, "uri") || is(ns, local, NULL, "url") ? F_URI : F_NONE;
        if (f) capture(s, f, CAP_PLAIN, base, lang);
        return;
    }
    if (is(ns, local, NULL, "item") || is(ns, local, NULL, "entry")) {
        if (s->entry) { /* an entry inside an entry: not one */
            s->skip_depth = s->depth;
            return;
        }
        s->entry = px_feed_new_entry(s->f);
        if (!s->entry) {
            s->skip_depth = s->depth;
            return;
        }
        s->entry_depth = s->depth;
        s->entry->language = px_feed_strz(s->f, lang);
        const char *about = px_xml_attr_get(attrs, n, "about");
        if (about && s->kind == FEED_RDF) s->entry->id = px_feed_strz(s->f, about);
        return;
    }
    if (is(ns, local, NULL, "source") || is(ns, local, NULL, "image") ||
        is(ns, local, NULL, "textinput") || is(ns, local, NULL, "contributor") ||
        is(ns, local, NULL, "items") || is(ns, local, NULL, "category") ||
        is(ns, local, NULL, "enclosure") || is(ns, local, NULL, "cloud")) {
        s->skip_depth = s->depth;
        return;
    }
    if (is(ns, local, NULL, "author") && atom) { /* an Atom person */
        s->in_person = 1;
        s->person_depth = s->depth;
        memset(&s->person, 0, sizeof s->person);
        return;
    }
    px_capture_mode html = CAP_HTML;
    int field = F_NONE;
    px_capture_mode mode = CAP_PLAIN;
    if (is(ns, local, NULL, "title") || is(ns, local, NS_DC, "title")) {
        field = F_TITLE;
        mode = atom ? atom_mode(attrs, n, CAP_PLAIN) : CAP_PLAIN;
    } else if (is(ns, local, NULL, "description") || is(ns, local, NS_DC, "description")) {
        field = s->entry ? F_SUMMARY : F_SUBTITLE;
        /* after a <summary>, a description is the full text */
        if (s->entry && s->entry->summary.value && !s->entry->content.value) field = F_CONTENT;
        mode = atom ? atom_mode(attrs, n, CAP_PLAIN) : html;
    } else if (is(ns, local, NULL, "summary")) {
        field = F_SUMMARY;
        mode = atom_mode(attrs, n, CAP_PLAIN);
    } else if (is(ns, local, NULL, "subtitle") || is(ns, local, NULL, "tagline")) {
        field = s->entry ? F_NONE : F_SUBTITLE;
        mode = atom_mode(attrs, n, CAP_PLAIN);
    } else if (is(ns, local, NULL, "content")) {
        field = F_CONTENT;
        mode = atom_mode(attrs, n, CAP_PLAIN);
        const char *src = px_xml_attr_get(attrs, n, "src");
        if (src && s->entry) { /* out-of-line content: a link to it */
            px_xml_attr a[2] = {{NULL, "href", NULL, src}, {NULL, "rel", NULL, "enclosure"}};
            add_atom_link(s, a, 2, base);
        }
    } else if (is(ns, local, NS_CONTENT, "encoded") || is(ns, local, NULL, "fullitem")) {
        field = F_CONTENT;
        mode = CAP_HTML;
    } else if (is(ns, local, NS_XHTML, "body") || is(ns, local, NS_XHTML, "div")) {
        if (!s->entry) return;
        capture(s, F_CONTENT, CAP_XHTML, base, lang);
        return;
    } else if (is(ns, local, NULL, "link")) {
        if (px_xml_attr_get(attrs, n, "href")) {
            add_atom_link(s, attrs, n, base);
            return;
        }
        const char *rel = px_xml_attr_get(attrs, n, "rel"); /* Atom 0.3 written as RSS */
        snprintf(s->cap_rel, sizeof s->cap_rel, "%s", rel ? rel : "alternate");
        field = F_LINK;
    } else if (is(ns, local, NULL, "id")) {
        field = F_ID;
    } else if (is(ns, local, NULL, "guid")) {
        field = F_GUID;
        const char *perma = px_xml_attr_get(attrs, n, "isPermaLink");
        s->cap_permalink = !perma || strcasecmp(perma, "false");
    } else if (is(ns, local, NULL, "pubDate") || is(ns, local, NULL, "published") ||
               is(ns, local, NULL, "issued") || is(ns, local, NULL, "created") ||
               is(ns, local, NS_DCTERMS, "issued") || is(ns, local, NS_DCTERMS, "created")) {
        field = F_PUBLISHED;
    } else if (is(ns, local, NULL, "updated") || is(ns, local, NULL, "modified") ||
               is(ns, local, NULL, "lastBuildDate") || is(ns, local, NS_DC, "date") ||
               is(ns, local, NS_DCTERMS, "modified")) {
        field = F_UPDATED;
    } else if (is(ns, local, NULL, "author") || is(ns, local, NULL, "managingEditor")) {
        field = F_AUTHOR;
    } else if (is(ns, local, NS_DC, "creator") || is(ns, local, NS_DC, "author")) {
        field = F_CREATOR;
    } else if (is(ns, local, NULL, "language") || is(ns, local, NS_DC, "language")) {
        field = F_LANGUAGE;
    } else if (is(ns, local, NULL, "ttl")) {
        field = F_TTL;
    } else if (is(ns, local, NS_SY, "updatePeriod")) {
        field = F_PERIOD;
    } else if (is(ns, local, NS_SY, "updateFrequency")) {
        field = F_FREQUENCY;
    }
    if (!field) return;
    capture(s, field, mode, base, lang);
    if (atom) atom_div(s, attrs, n);
}

/* An RSS author, "jo@example.org (Jo Roe)" or "Jo Roe <jo@example.org>"
 * or a bare name or address, as a person. */
static px_feed_person rss_person(px_feed *f, const char *raw)
{
    px_feed_person p = {0};
    const char *at = strchr(raw, '@');
    if (!at) {
        p.name = raw;
        return p;
    }
    const char *open = strpbrk(raw, "(<");
    size_t len = strlen(raw);
    if (open) {
        char close = *open == '(' ? ')' : '>';
        const char *end = strchr(open, close);
        const char *inner = open + 1;
        size_t inner_len = end ? (size_t)(end - inner) : strlen(inner);
        if (memchr(inner, '@', inner_len)) { /* Name <email> */
            p.email = px_feed_str(f, inner, inner_len);
            p.name = px_feed_str(f, raw, (size_t)(open - raw));
        } else { /* email (Name) */
            p.name = px_feed_str(f, inner, inner_len);
            p.email = px_feed_str(f, raw, (size_t)(open - raw));
        }
        return p;
    }
    size_t s = (size_t)(at - raw), e = (size_t)(at - raw);
    while (s > 0 && !strchr(" \t,;:", raw[s - 1])) s--;
    while (e < len && !strchr(" \t,;:", raw[e])) e++;
    p.email = px_feed_str(f, raw + s, e - s);
    if (s > 0 || e < len) {
        px_buf rest = {0};
        px_buf_append(&rest, raw, s);
        px_buf_append(&rest, raw + e, len - e);
        p.name = px_feed_str(f, rest.data, rest.len);
        px_buf_free(&rest);
    }
    return p;
}

static long number(const char *s)
{
    if (!s) return -1;
    char *end;
    long v = strtol(s, &end, 10);
    return end != s && v >= 0 && v < 100000000 ? v : -1;
}

static void end_capture(px_feed_sax *s)
{
    if (s->kind == FEED_SITEMAP) {
        if (s->entry) px_sitemap_capture_end(s);
        else s->capturing = 0;
        return;
    }
    if (s->kind == FEED_OPML) {
        px_opml_capture_end(s);
        return;
    }
    px_feed *f = s->f;
    px_feed_entry *e = s->entry;
    px_feed_info *in = &f->info;
    if (s->cap_field == F_TITLE || s->cap_field == F_SUMMARY || s->cap_field == F_CONTENT ||
        s->cap_field == F_SUBTITLE) {
        px_feed_text *t = s->cap_field == F_TITLE     ? (e ? &e->title : &in->title)
                          : s->cap_field == F_SUMMARY ? (e ? &e->summary : &in->subtitle)
                          : s->cap_field == F_CONTENT ? (e ? &e->content : NULL)
                                                       : &in->subtitle;
        if (t && !t->value) px_capture_end(s, t);
        else s->capturing = 0;
        return;
    }
    char *base = s->cap_base ? px_xstrdup(s->cap_base) : NULL;
    const char *v = px_capture_end_string(s);
    switch (s->cap_field) {
    case F_LINK: {
        char *abs = px_xml_resolve(base, v);
        px_feed_link l = {px_feed_strz(f, abs), px_feed_strz(f, s->cap_rel), "text/html", NULL};
        free(abs);
        if (!l.href) break;
        if (e) px_feed_add_link(f, &e->links, &e->link_count, l);
        else px_feed_add_link(f, &in->links, &in->link_count, l);
        if (strcmp(s->cap_rel, "alternate")) break;
        const char **link = e ? &e->link : &in->link;
        if (!*link || (e && e->id_is_link)) *link = l.href;
        if (e) e->id_is_link = 0;
        break;
    }
    case F_ID:
    case F_GUID:
        if (v && s->cap_field == F_ID && v[0] == '/' && base) { /* a relative atom:id */
            char *abs = px_xml_resolve(base, v);
            v = px_feed_strz(f, abs);
            free(abs);
        }
        if (e && !e->id) e->id = v;
        if (!e && !in->id) in->id = v;
        if (e && s->cap_field == F_GUID && s->cap_permalink && v && !e->link) {
            char *abs = px_xml_resolve(base, v);
            e->link = px_feed_strz(f, abs);
            e->id_is_link = 1;
            free(abs);
        }
        break;
    case F_PUBLISHED:
        if (e && !e->published_raw) px_feed_set_date(f, &e->published, &e->published_raw, v);
        if (!e && !in->published_raw) px_feed_set_date(f, &in->published, &in->published_raw, v);
        break;
    case F_UPDATED:
        if (e && !e->updated_raw) px_feed_set_date(f, &e->updated, &e->updated_raw, v);
        if (!e && !in->updated_raw) px_feed_set_date(f, &in->updated, &in->updated_raw, v);
        break;
    case F_AUTHOR:
    case F_CREATOR:
        if (!v) break;
        if (e) {
            if (!e->author_raw) e->author_raw = v;
            px_feed_add_person(f, &e->authors, &e->author_count, rss_person(f, v));
        } else {
            if (!in->author_raw) in->author_raw = v;
            px_feed_add_person(f, &in->authors, &in->author_count, rss_person(f, v));
        }
        break;
    case F_LANGUAGE:
        if (e) e->language = v ? v : e->language;
        else if (v) in->language = v;
        break;
    case F_TTL:
        if (!e) in->ttl = number(v);
        break;
    case F_PERIOD:
        if (!e) in->update_period = v;
        break;
    case F_FREQUENCY:
        if (!e) in->update_frequency = number(v);
        break;
    case F_NAME:
        if (!s->person.name) s->person.name = v;
        break;
    case F_EMAIL:
        if (!s->person.email) s->person.email = v;
        break;
    case F_URI: {
        char *abs = px_xml_resolve(base, v);
        if (!s->person.uri) s->person.uri = px_feed_strz(f, abs);
        free(abs);
        break;
    }
    default:
        break;
    }
    free(base);
}

static void end_entry(px_feed_sax *s)
{
    px_feed_entry *e = s->entry;
    s->entry = NULL;
    if (!e->summary.value && e->content.value) e->summary = e->content;
}

static void on_end(void *ud, const char *ns, const char *local, const char *prefix)
{
    px_feed_sax *s = ud;
    int depth = s->depth--;
    if (s->skip_depth) {
        if (depth == s->skip_depth) s->skip_depth = 0;
        return;
    }
    if (s->capturing) {
        if (depth > s->cap_depth) px_capture_child_end(s, local, prefix);
        else end_capture(s);
        return;
    }
    if (s->kind == FEED_SITEMAP && depth > 1) {
        px_sitemap_end(s, ns, local);
        return;
    }
    if (s->kind == FEED_OPML && depth > 1) {
        px_opml_end(s, local);
        return;
    }
    if (s->in_person && depth == s->person_depth) {
        s->in_person = 0;
        px_feed_person p = s->person;
        if (s->entry) {
            px_feed_add_person(s->f, &s->entry->authors, &s->entry->author_count, p);
        } else {
            px_feed_add_person(s->f, &s->f->info.authors, &s->f->info.author_count, p);
        }
        return;
    }
    if (s->entry && depth == s->entry_depth) end_entry(s);
}

static void on_text(void *ud, const char *t, size_t n)
{
    px_feed_sax *s = ud;
    if (s->capturing && !s->skip_depth) px_capture_text(s, t, n);
}

static void on_doctype(void *ud, const char *public_id)
{
    px_feed_sax *s = ud;
    if (strstr(public_id, "Netscape") && strstr(public_id, "RSS 0.91")) s->netscape = 1;
}

const px_xml_callbacks px_feed_xml_callbacks = {on_start, on_end, on_text, on_doctype};

void px_feed_sax_finish(px_feed_sax *s)
{
    /* a truncated document: close what is open, keeping what was read */
    if (s->capturing) end_capture(s);
    if (s->entry && s->kind != FEED_SITEMAP && s->kind != FEED_OPML) end_entry(s);
    s->entry = NULL;
    s->in_person = 0;
}
