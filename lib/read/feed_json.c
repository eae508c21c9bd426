/*
 * feed_json.c — JSON Feed 1.0 and 1.1 (https://jsonfeed.org), read with
 * jansson into the feed model (feed.h).
 *
 *   feed: version, title, home_page_url (link), feed_url (a "self" link),
 *         description (subtitle), language (1.1), author (1.0) / authors (1.1)
 *   item: id (a string; numbers are taken as their text), url (link),
 *         external_url (a "related" link), title, content_html and
 *         content_text (content, HTML preferred), summary, date_published,
 *         date_modified, author/authors, language
 *
 * A document is a JSON Feed when it is an object with a "version" naming
 * jsonfeed.org or an "items" array; anything else is refused.  Wrong types
 * (a number for a title) are ignored field by field.  Relative URLs are
 * resolved against the document's URL.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "read/feed.h"

static const char *str(px_feed *f, json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? px_feed_str(f, json_string_value(v), json_string_length(v)) : NULL;
}

static const char *url(px_feed *f, json_t *o, const char *key, const char *base)
{
    const char *v = str(f, o, key);
    if (!v) return NULL;
    char *abs = px_xml_resolve(base, v);
    const char *out = px_feed_strz(f, abs);
    free(abs);
    return out;
}

static void people(px_feed *f, json_t *o, const px_feed_person **list, size_t *count,
                   const char *base)
{
    json_t *authors = json_object_get(o, "authors");
    json_t *one = json_object_get(o, "author");
    size_t n = json_is_array(authors) ? json_array_size(authors) : 0;
    for (size_t i = 0; i <= n; i++) {
        json_t *a = i < n ? json_array_get(authors, i) : (n ? NULL : one);
        if (!json_is_object(a)) continue;
        px_feed_person p = {str(f, a, "name"), NULL, url(f, a, "url", base)};
        if (p.uri && !strncmp(p.uri, "mailto:", 7)) p.email = p.uri + 7, p.uri = NULL;
        px_feed_add_person(f, list, count, p);
    }
}

static void text(px_feed_text *t, const char *value, const char *type,
                 const char *lang, const char *base)
{
    if (!value) return;
    t->value = value;
    t->type = type;
    t->language = lang;
    t->base = base;
}

static void item(px_feed *f, json_t *it, const char *base, const char *lang)
{
    if (!json_is_object(it)) return;
    px_feed_entry *e = px_feed_new_entry(f);
    if (!e) return;
    json_t *id = json_object_get(it, "id");
    if (json_is_string(id)) {
        e->id = str(f, it, "id");
    } else if (json_is_integer(id)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(id));
        e->id = px_feed_strz(f, buf);
    }
    e->link = url(f, it, "url", base);
    if (e->link) px_feed_add_link(f, &e->links, &e->link_count,
                                  (px_feed_link){e->link, "alternate", "text/html", NULL});
    const char *ext = url(f, it, "external_url", base);
    if (ext) px_feed_add_link(f, &e->links, &e->link_count, (px_feed_link){ext, "related", NULL, NULL});
    e->language = str(f, it, "language");
    if (!e->language) e->language = lang;
    text(&e->title, str(f, it, "title"), "text/plain", e->language, base);
    const char *html = str(f, it, "content_html");
    if (html) text(&e->content, html, "text/html", e->language, base);
    else text(&e->content, str(f, it, "content_text"), "text/plain", e->language, base);
    text(&e->summary, str(f, it, "summary"), "text/plain", e->language, base);
    if (!e->summary.value) e->summary = e->content;
    px_feed_set_date(f, &e->published, &e->published_raw, str(f, it, "date_published"));
    px_feed_set_date(f, &e->updated, &e->updated_raw, str(f, it, "date_modified"));
    people(f, it, &e->authors, &e->author_count, base);
}

int px_feed_json(px_feed *f, const char *data, size_t len, const char *base, const char **why)
{
    json_error_t jerr;
    json_t *doc = json_loadb(data, len, JSON_ALLOW_NUL, &jerr);
    static char message[200];
    if (!doc) {
        snprintf(message, sizeof message, "line %d: %s", jerr.line, jerr.text);
        *why = message;
        return 0;
    }
    json_t *version = json_object_get(doc, "version");
    json_t *items = json_object_get(doc, "items");
    const char *v = json_is_string(version) ? json_string_value(version) : "";
    if (!json_is_object(doc) || (!strstr(v, "jsonfeed.org") && !json_is_array(items))) {
        json_decref(doc);
        *why = "no \"version\" of jsonfeed.org and no \"items\" array";
        return 0;
    }
    px_feed_info *in = &f->info;
    in->version = strstr(v, "version/1.1") ? "json11" : "json1";
    in->encoding = "utf-8";
    in->language = str(f, doc, "language");
    text(&in->title, str(f, doc, "title"), "text/plain", in->language, base);
    text(&in->subtitle, str(f, doc, "description"), "text/plain", in->language, base);
    in->link = url(f, doc, "home_page_url", base);
    if (in->link) px_feed_add_link(f, &in->links, &in->link_count,
                                   (px_feed_link){in->link, "alternate", "text/html", NULL});
    const char *self = url(f, doc, "feed_url", base);
    if (self) px_feed_add_link(f, &in->links, &in->link_count,
                               (px_feed_link){self, "self", "application/feed+json", NULL});
    people(f, doc, &in->authors, &in->author_count, base);
    for (size_t i = 0; json_is_array(items) && i < json_array_size(items); i++)
        item(f, json_array_get(items, i), base, in->language);
    json_decref(doc);
    return 1;
}
