/*
 * feed.c — the px_feed model and the push parser that fills it
 * (parallax.h, "feeds"; feed.h lists the files of the feed reader).
 *
 * The parser looks at the first bytes pushed: gzip (a .xml.gz sitemap) is
 * inflated as it comes, each inflated chunk going on; '{' is a JSON Feed,
 * held until the end (jansson reads whole documents) within
 * PX_MAX_DOCUMENT; anything else is XML, pushed through xmlpush.c to the
 * SAX handlers of feed_xml.c as it arrives.  So a fetcher can hand over a
 * body chunk by chunk with its Content-Type, and memory stays bounded by
 * the feed model plus one chunk (and the 64 KB xmlpush.c holds to choose
 * the encoding).
 *
 * Entries repeating an earlier entry's id within one document are dropped
 * at the end: a feed that lists a GUID twice describes one item.
 */
#include <assert.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "read/feed.h"

/* ---- the model --------------------------------------------------------- */

const char *px_feed_str(px_feed *f, const char *s, size_t n)
{
    if (!s) return NULL;
    while (n && strchr(" \t\r\n", *s)) s++, n--;
    while (n && strchr(" \t\r\n", s[n - 1])) n--;
    return n ? px_arena_strndup(&f->arena, s, n) : NULL;
}

const char *px_feed_strz(px_feed *f, const char *s)
{
    return s ? px_feed_str(f, s, strlen(s)) : NULL;
}

void px_feed_add_link(px_feed *f, const px_feed_link **links, size_t *count, px_feed_link l)
{
    if (*count >= PX_FEED_MAX_LINKS || !l.href) return;
    px_feed_link *grown = px_arena_alloc(&f->arena, (*count + 1) * sizeof *grown);
    if (*count) memcpy(grown, *links, *count * sizeof *grown);
    grown[(*count)++] = l;
    *links = grown;
}

void px_feed_add_person(px_feed *f, const px_feed_person **people, size_t *count,
                        px_feed_person p)
{
    if (*count >= PX_FEED_MAX_LINKS || (!p.name && !p.email && !p.uri)) return;
    px_feed_person *grown = px_arena_alloc(&f->arena, (*count + 1) * sizeof *grown);
    if (*count) memcpy(grown, *people, *count * sizeof *grown);
    grown[(*count)++] = p;
    *people = grown;
}

px_feed_entry *px_feed_new_entry(px_feed *f)
{
    if (f->entries.len >= PX_FEED_MAX_ENTRIES) return NULL;
    px_feed_entry e;
    memset(&e, 0, sizeof e);
    px_vec_push(&f->entries, e);
    return &f->entries.items[f->entries.len - 1];
}

void px_feed_set_date(px_feed *f, const char **iso, const char **raw, const char *text)
{
    const char *t = px_feed_strz(f, text);
    if (!t) return;
    char out[32];
    *raw = t;
    *iso = px_feed_parse_date(t, out) ? px_arena_strdup(&f->arena, out) : NULL;
}

const px_feed_info *px_feed_get_info(const px_feed *f)
{
    return f ? &f->info : NULL;
}

size_t px_feed_entry_count(const px_feed *f)
{
    return f ? f->entries.len : 0;
}

const px_feed_entry *px_feed_get_entry(const px_feed *f, size_t i)
{
    return f && i < f->entries.len ? &f->entries.items[i] : NULL;
}

void px_feed_free(px_feed *f)
{
    if (!f) return;
    px_vec_free(&f->entries);
    px_arena_free(&f->arena);
    free(f);
}

/* Drops entries whose id an earlier entry has. */
static void dedupe(px_feed *f)
{
    px_map seen = {0};
    size_t kept = 0;
    for (size_t i = 0; i < f->entries.len; i++) {
        px_feed_entry *e = &f->entries.items[i];
        if (e->id) {
            if (px_map_get(&seen, e->id, strlen(e->id))) continue;
            px_map_put(&seen, e->id, strlen(e->id), e);
        }
        f->entries.items[kept++] = *e;
    }
    f->entries.len = kept;
    px_map_free(&seen);
}

/* ---- the push parser --------------------------------------------------- */

enum { SNIFF, XML, JSON, GZIP, DONE };

struct px_feed_parser {
    int state;
    int gzip_inner; /* the state under gzip: SNIFF, XML or JSON */
    char *url, *name;
    int http;
    char *content_type;
    char *language;  /* Content-Language, or NULL */
    px_feed *f;
    px_feed_sax sax;
    px_xml *xml;
    px_buf json;    /* a JSON Feed, whole */
    z_stream z;
    int z_open, z_end;
    size_t inflated;
    px_status failed;
    px_error fail;
};

px_status px_feed_parser_new(const char *url, int http, const char *content_type,
                             px_feed_parser **out, px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, NULL, 0, 0, "px_feed_parser_new: out is NULL");
    px_feed_parser *p = px_xcalloc(1, sizeof *p);
    p->url = url ? px_xstrdup(url) : NULL;
    p->name = url ? px_xstrdup(url) : NULL;
    p->http = http;
    p->content_type = content_type ? px_xstrdup(content_type) : NULL;
    p->f = px_xcalloc(1, sizeof *p->f);
    p->f->info.ttl = p->f->info.update_frequency = -1;
    *out = p;
    return PX_OK;
}

static void start_xml(px_feed_parser *p)
{
    p->sax.f = p->f;
    p->xml = px_xml_new(&px_feed_xml_callbacks, &p->sax, p->url, p->http, p->content_type);
    px_xml_set_language(p->xml, p->language);
    p->sax.xml = p->xml;
}

static void replace(char **field, const char *v, size_t n)
{
    free(*field);
    *field = px_xstrndup(v, n);
}

px_status px_feed_parser_header(px_feed_parser *p, const char *name, const char *value,
                                px_error *err)
{
    if (!p || !name || !value)
        return px_error_set(err, PX_EUSAGE, NULL, 0, 0, "px_feed_parser_header: NULL argument");
    if (p->state != SNIFF || p->json.len)
        return px_error_set(err, PX_EUSAGE, p->name, 0, 0, "a header after the body began");
    p->http = 1;
    while (*value == ' ' || *value == '\t') value++;
    size_t n = strlen(value);
    while (n && strchr(" \t\r\n", value[n - 1])) n--;
    if (!strcasecmp(name, "Content-Type")) {
        replace(&p->content_type, value, n);
    } else if (!strcasecmp(name, "Content-Language")) {
        size_t k = strcspn(value, ", ;");
        if (k > n) k = n;
        if (k) replace(&p->language, value, k);
    } else if (!strcasecmp(name, "Content-Location") && n) {
        char *v = px_xstrndup(value, n);
        char *abs = px_feed_resolve_url(p->url, v);
        free(v);
        if (!strncasecmp(abs, "http://", 7) || !strncasecmp(abs, "https://", 8)) {
            free(p->url);
            p->url = abs;
        } else {
            free(abs);
        }
    }
    return PX_OK;
}

/* Pushes decoded (not gzip) bytes on. */
static px_status feed_plain(px_feed_parser *p, int *state, const char *data, size_t len,
                            px_error *err)
{
    if (*state == SNIFF) {
        size_t i = 0;
        while (i < len && strchr(" \t\r\n", data[i])) i++;
        if (i + 3 <= len && !memcmp(data + i, "\xEF\xBB\xBF", 3)) i += 3;
        while (i < len && strchr(" \t\r\n", data[i])) i++;
        if (i == len) { /* all blank so far: keep it for the parser that comes */
            px_buf_append(&p->json, data, len);
            return PX_OK;
        }
        *state = data[i] == '{' ? JSON : XML;
        if (*state == XML) start_xml(p);
        if (p->json.len) {
            px_buf held = p->json;
            memset(&p->json, 0, sizeof p->json);
            px_status rc = feed_plain(p, state, held.data, held.len, err);
            px_buf_free(&held);
            if (rc) return rc;
        }
    }
    if (*state == JSON) {
        if (p->json.len + len > PX_MAX_DOCUMENT)
            return px_error_set(err, PX_ETOOBIG, p->name, 0, 0,
                                "over %u MiB, the limit for one document", PX_MAX_DOCUMENT >> 20);
        px_buf_append(&p->json, data, len);
        return PX_OK;
    }
    return px_xml_push(p->xml, data, len, p->name, err);
}

static px_status feed_gzip(px_feed_parser *p, const char *data, size_t len, px_error *err)
{
    if (!p->z_open) {
        if (inflateInit2(&p->z, 16 + MAX_WBITS) != Z_OK)
            return px_error_set(err, PX_EDEP, p->name, 0, 0, "zlib could not start");
        p->z_open = 1;
    }
    p->z.next_in = (Bytef *)(uintptr_t)data;
    p->z.avail_in = (uInt)len;
    char chunk[65536];
    while (p->z.avail_in && !p->z_end) {
        p->z.next_out = (Bytef *)chunk;
        p->z.avail_out = sizeof chunk;
        int zr = inflate(&p->z, Z_NO_FLUSH);
        size_t got = sizeof chunk - p->z.avail_out;
        p->inflated += got;
        if (p->inflated > PX_MAX_DOCUMENT)
            return px_error_set(err, PX_ETOOBIG, p->name, 0, 0,
                                "decompresses to over %u MiB, the limit for one document",
                                PX_MAX_DOCUMENT >> 20);
        if (got) {
            px_status rc = feed_plain(p, &p->gzip_inner, chunk, got, err);
            if (rc) return rc;
        }
        if (zr == Z_STREAM_END) {
            if (p->z.avail_in && p->z.next_in[0] == 0x1f) inflateReset(&p->z);
            else p->z_end = 1;
        } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
            return px_error_set(err, PX_EINPUT, p->name, 0, 0, "corrupt gzip data (%s)",
                                p->z.msg ? p->z.msg : "zlib error");
        } else if (zr == Z_BUF_ERROR && p->z.avail_in) {
            break;
        }
    }
    return PX_OK;
}

px_status px_feed_parser_push(px_feed_parser *p, const char *data, size_t len, px_error *err)
{
    if (!p || (!data && len))
        return px_error_set(err, PX_EUSAGE, NULL, 0, 0, "px_feed_parser_push: NULL argument");
    if (p->failed) return p->failed;
    if (p->state == DONE)
        return px_error_set(err, PX_EUSAGE, p->name, 0, 0, "pushed after the end");
    if (!len) return PX_OK;
    if (p->state == SNIFF && (unsigned char)data[0] == 0x1f) p->state = GZIP;
    px_status rc = p->state == GZIP ? feed_gzip(p, data, len, &p->fail)
                                    : feed_plain(p, &p->state, data, len, &p->fail);
    if (rc) {
        p->failed = rc;
        if (err) *err = p->fail;
    }
    return rc;
}

static px_status finish_json(px_feed_parser *p, px_error *err)
{
    const char *why = NULL;
    if (!px_feed_json(p->f, px_buf_str(&p->json), p->json.len, p->url, &why))
        return px_error_set(err, PX_EINPUT, p->name, 0, 0, "not a JSON Feed: %s", why);
    return PX_OK;
}

px_status px_feed_parser_finish(px_feed_parser *p, px_feed **out, px_error *err)
{
    if (out) *out = NULL;
    if (!p || !out)
        return px_error_set(err, PX_EUSAGE, NULL, 0, 0, "px_feed_parser_finish: NULL argument");
    if (p->state == DONE) return px_error_set(err, PX_EUSAGE, p->name, 0, 0, "finished twice");
    int state = p->state == GZIP ? p->gzip_inner : p->state;
    if (p->state == GZIP && !p->z_end && !p->failed)
        p->failed = px_error_set(&p->fail, PX_EINPUT, p->name, 0, 0, "gzip data is truncated");
    p->state = DONE;
    if (p->failed) {
        if (err) *err = p->fail;
        return p->failed;
    }
    if (state == SNIFF) return px_error_set(err, PX_EEMPTY, p->name, 0, 0, "empty document");
    px_status rc = PX_OK;
    if (state == JSON) {
        rc = finish_json(p, err);
    } else {
        px_xml_finish(p->xml);
        px_feed_sax_finish(&p->sax);
        const char *why;
        p->f->info.bozo = px_xml_bozo(p->xml, &why);
        p->f->info.bozo_message = px_feed_strz(p->f, why);
        p->f->info.encoding = px_feed_strz(p->f, px_xml_encoding(p->xml));
        if (!p->f->info.version)
            rc = px_error_set(err, PX_EINPUT, p->name, 0, 0,
                              "not a feed, sitemap or OPML document (no <rss>, <feed>, "
                              "<rdf:RDF>, <urlset>, <sitemapindex> or <opml>)");
    }
    if (rc) return rc;
    dedupe(p->f);
    *out = p->f;
    p->f = NULL;
    return PX_OK;
}

void px_feed_parser_free(px_feed_parser *p)
{
    if (!p) return;
    px_xml_free(p->xml);
    px_buf_free(&p->sax.cap);
    px_buf_free(&p->sax.scratch);
    free(p->sax.cap_base);
    free(p->sax.cap_lang);
    if (p->z_open) inflateEnd(&p->z);
    px_feed_free(p->f);
    px_buf_free(&p->json);
    free(p->url);
    free(p->name);
    free(p->content_type);
    free(p->language);
    free(p);
}

px_status px_feed_parse(const char *data, size_t len, const char *url,
                        const char *content_type, px_feed **out, px_error *err)
{
    if (out) *out = NULL;
    if (!out || (!data && len))
        return px_error_set(err, PX_EUSAGE, NULL, 0, 0, "px_feed_parse: NULL argument");
    px_feed_parser *p;
    px_status rc = px_feed_parser_new(url, content_type != NULL, content_type, &p, err);
    if (rc) return rc;
    rc = px_feed_parser_push(p, data, len, err);
    if (!rc) rc = px_feed_parser_finish(p, out, err);
    px_feed_parser_free(p);
    return rc;
}
