/*
 * feed_sitemap.c — sitemaps (sitemaps.org 0.9), sitemap indexes and Google
 * News sitemaps, read into the feed model (parallax.h says how).
 *
 *   <urlset><url><loc/><lastmod/>
 *       <news:news><news:publication><news:name/><news:language/></news:publication>
 *           <news:publication_date/><news:title/></news:news></url></urlset>
 *   <sitemapindex><sitemap><loc/><lastmod/></sitemap></sitemapindex>
 *
 * Elements are known by local name in any namespace: sitemaps are often
 * written with the wrong or an old namespace, and the names do not clash.
 */
#include <string.h>

#include "read/feed.h"

enum { S_NONE, S_LOC, S_LASTMOD, S_NAME, S_LANGUAGE, S_DATE, S_TITLE };

void px_sitemap_start(px_feed_sax *s, const char *ns, const char *local,
                      const px_xml_attr *attrs, size_t n, const char *base, const char *lang)
{
    (void)ns, (void)attrs, (void)n;
    if (!strcmp(local, "url") || !strcmp(local, "sitemap")) {
        if (s->entry) return;
        s->entry = px_feed_new_entry(s->f);
        s->entry_depth = s->depth;
        return;
    }
    if (!s->entry) return;
    int field = !strcmp(local, "loc")                ? S_LOC
                : !strcmp(local, "lastmod")          ? S_LASTMOD
                : !strcmp(local, "name")             ? S_NAME
                : !strcmp(local, "language")         ? S_LANGUAGE
                : !strcmp(local, "publication_date") ? S_DATE
                : !strcmp(local, "title")            ? S_TITLE
                                                     : S_NONE;
    if (!field) return;
    px_capture_start(s, field == S_TITLE ? CAP_PLAIN : CAP_PLAIN, base, lang);
    s->cap_field = field;
}

/* Called for every end below the root, the capture's included. */
void px_sitemap_end(px_feed_sax *s, const char *ns, const char *local)
{
    (void)ns, (void)local;
    px_feed_entry *e = s->entry;
    if (!e) return;
    if (s->depth + 1 == s->entry_depth) { /* the <url> closes */
        s->entry = NULL;
        return;
    }
}

void px_sitemap_capture_end(px_feed_sax *s)
{
    px_feed_entry *e = s->entry;
    px_feed *f = s->f;
    int field = s->cap_field;
    if (field == S_TITLE) {
        if (!e->title.value) px_capture_end(s, &e->title);
        else s->capturing = 0;
        return;
    }
    char *base = s->cap_base ? px_xstrdup(s->cap_base) : NULL;
    const char *v = px_capture_end_string(s);
    if (field == S_LOC && v && !e->link) {
        char *abs = px_xml_resolve(base, v);
        e->link = px_feed_strz(f, abs);
        free(abs);
    } else if (field == S_LASTMOD && !e->updated_raw) {
        px_feed_set_date(f, &e->updated, &e->updated_raw, v);
    } else if (field == S_DATE && !e->published_raw) {
        px_feed_set_date(f, &e->published, &e->published_raw, v);
    } else if (field == S_NAME && !e->outlet) {
        e->outlet = v;
    } else if (field == S_LANGUAGE && !e->language) {
        e->language = v;
    }
    free(base);
}
