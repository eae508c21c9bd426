/*
 * fuzz_feed.h — what the feed, sitemap and OPML fuzz targets share: the
 * input pushed to a px_feed_parser in chunks whose sizes the input's first
 * bytes choose (so chunk boundaries fall everywhere), with a Content-Type
 * or none, and every string of the result walked (ASan sees a bad one).
 */
#ifndef FUZZ_FEED_H
#define FUZZ_FEED_H

#include <stdlib.h>
#include <string.h>

#include "parallax.h"

static size_t fuzz_walk(const char *s)
{
    return s ? strlen(s) : 0;
}

static size_t fuzz_walk_text(const px_feed_text *t)
{
    return fuzz_walk(t->value) + fuzz_walk(t->type) + fuzz_walk(t->language) + fuzz_walk(t->base);
}

static void fuzz_feed_parse(const unsigned char *data, size_t size)
{
    if (size < 2) return;
    static const char *const types[] = {NULL, "application/rss+xml", "text/xml",
                                        "application/xml; charset=iso-8859-1",
                                        "text/html; charset=utf-16", "application/atom+xml; charset=bogus"};
    unsigned chunk = 1u + data[0] * 37u;
    const char *type = types[data[1] % (sizeof types / sizeof *types)];
    data += 2;
    size -= 2;
    px_feed_parser *p;
    if (px_feed_parser_new("http://fuzz.example/feed/", type != NULL, type, &p, NULL)) abort();
    if (type) px_feed_parser_header(p, "Content-Language", "en_US", NULL);
    for (size_t i = 0; i < size; i += chunk) {
        size_t n = size - i < chunk ? size - i : chunk;
        if (px_feed_parser_push(p, (const char *)data + i, n, NULL)) break;
    }
    px_feed *f = NULL;
    if (px_feed_parser_finish(p, &f, NULL) == PX_OK) {
        const px_feed_info *in = px_feed_get_info(f);
        size_t total = fuzz_walk_text(&in->title) + fuzz_walk_text(&in->subtitle) +
                       fuzz_walk(in->link) + fuzz_walk(in->updated) + fuzz_walk(in->encoding);
        for (size_t i = 0; i < px_feed_entry_count(f); i++) {
            const px_feed_entry *e = px_feed_get_entry(f, i);
            total += fuzz_walk_text(&e->title) + fuzz_walk_text(&e->summary) +
                     fuzz_walk_text(&e->content) + fuzz_walk(e->link) + fuzz_walk(e->id) +
                     fuzz_walk(e->published) + fuzz_walk(e->updated) + fuzz_walk(e->outlet);
            for (size_t k = 0; k < e->link_count; k++) total += fuzz_walk(e->links[k].href);
            for (size_t k = 0; k < e->author_count; k++)
                total += fuzz_walk(e->authors[k].name) + fuzz_walk(e->authors[k].email);
        }
        if (total == (size_t)-1) abort(); /* keeps the walk */
        px_feed_free(f);
    }
    px_feed_parser_free(p);
}

#endif
