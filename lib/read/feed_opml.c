/*
 * feed_opml.c — OPML feed lists (OPML 1.0 and 2.0, as feed readers export
 * their subscriptions), read into the feed model: one entry per outline
 * that names a feed (xmlUrl), wherever it is nested; folders (outlines
 * without xmlUrl) give no entry.  The head's <title> is the feed's title.
 *
 *   <opml><head><title/></head><body>
 *       <outline text="News"><outline type="rss" text="..." title="..."
 *           xmlUrl="https://.../feed" htmlUrl="https://..."/></outline></body></opml>
 *
 * Attribute names are matched without case: exporters write xmlurl too.
 */
#include <string.h>
#include <strings.h>

#include "read/feed.h"

static const char *attr_nocase(const px_xml_attr *attrs, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(attrs[i].local, name)) return attrs[i].value;
    return NULL;
}

void px_opml_start(px_feed_sax *s, const char *local, const px_xml_attr *attrs, size_t n,
                   const char *base)
{
    px_feed *f = s->f;
    if (!strcasecmp(local, "title") && s->depth == 3 && !f->info.title.value) {
        px_capture_start(s, CAP_PLAIN, base, NULL);
        s->cap_field = 1;
        return;
    }
    if (strcasecmp(local, "outline")) return;
    const char *xml_url = attr_nocase(attrs, n, "xmlUrl");
    if (!xml_url || !*xml_url) return;
    px_feed_entry *e = px_feed_new_entry(f);
    if (!e) return;
    char *abs = px_xml_resolve(base, xml_url);
    e->link = px_feed_strz(f, abs);
    free(abs);
    const char *title = attr_nocase(attrs, n, "title");
    if (!title || !*title) title = attr_nocase(attrs, n, "text");
    e->title.value = px_feed_strz(f, title);
    e->title.type = "text/plain";
    const char *html = attr_nocase(attrs, n, "htmlUrl");
    if (html && *html) {
        abs = px_xml_resolve(base, html);
        px_feed_link l = {px_feed_strz(f, abs), "alternate", "text/html", NULL};
        free(abs);
        px_feed_add_link(f, &e->links, &e->link_count, l);
    }
    const char *type = attr_nocase(attrs, n, "type");
    px_feed_link self = {e->link, "self", type ? px_feed_strz(f, type) : NULL, NULL};
    px_feed_add_link(f, &e->links, &e->link_count, self);
    e->language = px_feed_strz(f, attr_nocase(attrs, n, "language"));
}

void px_opml_end(px_feed_sax *s, const char *local)
{
    (void)s, (void)local;
}

void px_opml_capture_end(px_feed_sax *s)
{
    px_capture_end(s, &s->f->info.title);
}
