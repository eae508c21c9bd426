/*
 * feed_source.c — a feed file read as articles: each entry with text is
 * one document (read_private.h), for `parallax extract`, `add` and every
 * other command that reads inputs.
 *
 * What an entry gives its article:
 *   text     its content, else its summary (HTML unless the feed says
 *            text/plain), extracted like any HTML or text body
 *   title, url (its link), id (its id, else its link), date (published,
 *   else updated; none when the feed gives none), byline (its authors'
 *   names), language (the entry's, else the feed's), outlet (the feed's
 *   title).
 * Entries without text (a headline-only feed, a sitemap, an OPML list)
 * give no article: pages must be fetched for those.  A feed in which no
 * entry has text is reported as such, once.
 */
#include <string.h>
#include <strings.h>

#include "read/read_private.h"

int px_feed_sniff(const char *data, size_t len)
{
    size_t i = 0, end = len < 4096 ? len : 4096;
    while (i < end) {
        const char *lt = memchr(data + i, '<', end - i);
        if (!lt) return 0;
        i = (size_t)(lt - data) + 1;
        if (i >= end) return 0;
        if (data[i] == '?' || data[i] == '!') continue; /* declaration, comment, doctype */
        size_t start = i;
        while (i < end && !strchr(" \t\r\n/>", data[i])) i++;
        const char *name = data + start;
        size_t n = i - start;
        const char *colon = memchr(name, ':', n);
        if (colon) n -= (size_t)(colon + 1 - name), name = colon + 1;
        return (n == 3 && !memcmp(name, "rss", 3)) || (n == 4 && !memcmp(name, "feed", 4)) ||
               (n == 3 && !memcmp(name, "RDF", 3));
    }
    return 0;
}

void px_feed_source_release(px_source *s)
{
    px_feed_free(s->feed);
    s->feed = NULL;
    free(s->author_list);
    s->author_list = NULL;
}

static px_status open_feed(px_source *s, px_error *err)
{
    px_status rc = px_feed_parse(px_buf_str(&s->whole), s->whole.len, NULL, NULL, &s->feed, err);
    if (rc) {
        /* name the file: the parser knew no name */
        char message[sizeof err->message];
        snprintf(message, sizeof message, "%s", err ? err->message : "not a feed");
        return px_error_set(err, rc, s->name, 0, 0, "%s", message);
    }
    s->feed_next = 0;
    return PX_OK;
}

px_status px_feed_source_next(px_source *s, px_document *doc, int *done, px_error *err)
{
    if (!s->feed && !s->served) {
        s->served = 1;
        px_status rc = open_feed(s, err);
        if (rc) return rc;
        size_t with_text = 0;
        for (size_t i = 0; i < px_feed_entry_count(s->feed); i++) {
            const px_feed_entry *e = px_feed_get_entry(s->feed, i);
            with_text += e->content.value || e->summary.value;
        }
        if (!with_text)
            return px_error_set(err, PX_EEMPTY, s->name, 0, 0,
                                "the feed has %zu entries and none has text (content or "
                                "summary); its pages must be fetched",
                                px_feed_entry_count(s->feed));
    }
    const px_feed_entry *e = NULL;
    while (s->feed && s->feed_next < px_feed_entry_count(s->feed)) {
        e = px_feed_get_entry(s->feed, s->feed_next++);
        if (e->content.value || e->summary.value) break;
        e = NULL;
    }
    if (!e) {
        *done = 1;
        return PX_OK;
    }
    const px_feed_info *in = px_feed_get_info(s->feed);
    const px_feed_text *body = e->content.value ? &e->content : &e->summary;
    free(s->record_name);
    size_t n = strlen(s->name) + 24;
    s->record_name = px_xmalloc(n);
    snprintf(s->record_name, n, "%s:%zu", s->name, s->feed_next);
    doc->name = s->record_name;
    doc->from_feed = 1;
    doc->format = body->type && !strcmp(body->type, "text/plain") ? PX_FORMAT_TEXT : PX_FORMAT_HTML;
    doc->body = doc->source = body->value;
    doc->body_len = doc->source_len = strlen(body->value);
    doc->id = e->id ? e->id : e->link;
    doc->url = e->link;
    doc->title = e->title.value;
    doc->outlet = in->title.value;
    doc->date = e->published ? e->published : e->updated;
    doc->language = e->language ? e->language : in->language;
    px_buf names = {0};
    for (size_t i = 0; i < e->author_count; i++) {
        const char *name = e->authors[i].name ? e->authors[i].name : NULL;
        if (!name) continue;
        if (names.len) px_buf_puts(&names, i + 1 == e->author_count ? " and " : ", ");
        px_buf_puts(&names, name);
    }
    free(s->author_list);
    s->author_list = names.len ? px_buf_detach(&names) : NULL;
    px_buf_free(&names);
    doc->byline = s->author_list;
    return px_check_bytes(doc->body, doc->body_len, 0, doc->name, err);
}
