/*
 * xmlpush.c — bytes in, SAX events out, whatever the bytes hold (xmlpush.h).
 *
 * Three stages, each fed as chunks arrive:
 *
 *  1. decoding: the first 64 KB (or the whole document, if shorter) are
 *     held back to choose the encoding (charset.c); from then on every
 *     chunk is decoded to UTF-8 as it comes, lossily when it must be.
 *  2. repair: libxml2's recovery mode goes on after most errors, but it
 *     drops an undefined entity (`&rsquo;` in a feed without a DTD), a
 *     bare `&` and what follows up to the next `;`, and stops at a control
 *     character.  Feeds are full of all three, so before libxml2 sees the
 *     text, an HTML entity is replaced by its character, a bare `&` (and
 *     an unknown entity in a document that declares none) is escaped as
 *     `&amp;`, and C0 controls other than tab and newlines are dropped.
 *     CDATA sections are left alone: `&` means itself there.  Every repair
 *     makes the document "bozo" (not well-formed).
 *  3. parsing: libxml2's SAX2 push parser with XML_PARSE_RECOVER, told the
 *     text is UTF-8 (XML_PARSE_IGNORE_ENC: the declaration spoke of the
 *     bytes before decoding), with no network and no external entities
 *     (nothing is loaded from a document's DTD).
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/uri.h>

#include "read/charset.h"
#include "read/xmlpush.h"
#include "text/text.h"

enum { HEAD_BYTES = 65536, MAX_STACK = 512 };

typedef struct frame {
    char *base; /* owned, or NULL: inherits */
    char *lang;
} frame;

struct px_xml {
    const px_xml_callbacks *cb;
    void *ud;
    char *url;
    char *language;      /* the HTTP Content-Language, or NULL */
    int http;
    char *content_type;
    px_buf head;         /* stage 1: bytes held until the encoding is chosen */
    int decided;
    px_decoder dec;
    px_buf raw_tail;     /* bytes of a sequence cut by a chunk's end */
    px_buf text;         /* stage 2: decoded text not yet repaired */
    px_buf fixed;        /* stage 2's output, for libxml2 */
    const char *raw_end; /* the end of the CDATA, comment or PI we are in, or NULL */
    int declares_entities;
    xmlParserCtxtPtr ctxt;
    xmlSAXHandler sax;
    frame stack[MAX_STACK];
    int depth;
    size_t pushed;
    int bozo;
    char why[200];
    char encoding[64];
};

static void set_bozo(px_xml *x, const char *why)
{
    if (!x->bozo) snprintf(x->why, sizeof x->why, "%s", why);
    x->bozo = 1;
}

char *px_feed_resolve_url(const char *base, const char *ref)
{
    return px_xml_resolve(base, ref);
}

char *px_xml_resolve(const char *base, const char *ref)
{
    if (!ref) return NULL;
    while (*ref == ' ' || *ref == '\t' || *ref == '\n' || *ref == '\r') ref++;
    size_t n = strlen(ref);
    while (n && strchr(" \t\r\n", ref[n - 1])) n--;
    char *r = px_xstrndup(ref, n);
    if (!base || !*base) return r;
    xmlChar *full = xmlBuildURI((const xmlChar *)r, (const xmlChar *)base);
    if (!full) return r;
    free(r);
    char *out = px_xstrdup((const char *)full);
    xmlFree(full);
    return out;
}

/* ---- stage 3: SAX ------------------------------------------------------ */

static const char *inherited(const px_xml *x, int base)
{
    for (int d = x->depth - 1; d >= 0; d--) {
        if (d >= MAX_STACK) continue;
        const char *v = base ? x->stack[d].base : x->stack[d].lang;
        if (v) return v;
    }
    return base ? x->url : x->language;
}

/* 1 when a base may be used: relative, or a web (or ftp) address; never
 * javascript: or data:, which would make every relative link run code. */
static int safe_base(const char *url)
{
    const char *colon = strchr(url, ':');
    const char *slash = strchr(url, '/');
    if (!colon || (slash && slash < colon)) return 1;
    size_t n = (size_t)(colon - url);
    return (n == 4 && !strncasecmp(url, "http", 4)) || (n == 5 && !strncasecmp(url, "https", 5)) ||
           (n == 3 && !strncasecmp(url, "ftp", 3));
}

/* A language tag as BCP 47 writes it: en_US -> en-US. */
static char *language_tag(const char *v)
{
    char *t = px_xstrdup(v);
    for (char *p = t; *p; p++)
        if (*p == '_') *p = '-';
    return t;
}

void px_xml_set_language(px_xml *x, const char *language)
{
    free(x->language);
    x->language = language ? language_tag(language) : NULL;
}

static void on_start(void *ud, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **nss, int nattrs, int ndefaulted,
                     const xmlChar **attrs)
{
    (void)nns, (void)nss, (void)ndefaulted;
    px_xml *x = ((xmlParserCtxtPtr)ud)->_private;
    px_xml_attr list[64];
    size_t n = 0;
    char *values[64];
    const char *base_attr = NULL, *lang_attr = NULL;
    for (int i = 0; i < nattrs && n < 64; i++) {
        const xmlChar **a = attrs + 5 * i;
        values[n] = px_xstrndup((const char *)a[3], (size_t)(a[4] - a[3]));
        list[n] = (px_xml_attr){(const char *)a[2], (const char *)a[0], (const char *)a[1],
                                values[n]};
        if (a[2] && !strcmp((const char *)a[2], (const char *)XML_XML_NAMESPACE)) {
            if (!strcmp((const char *)a[0], "base")) base_attr = values[n];
            if (!strcmp((const char *)a[0], "lang")) lang_attr = values[n];
        }
        n++;
    }
    frame f = {0};
    if (base_attr && safe_base(base_attr)) f.base = px_xml_resolve(inherited(x, 1), base_attr);
    if (f.base && !safe_base(f.base)) free(f.base), f.base = NULL;
    if (lang_attr) f.lang = language_tag(lang_attr);
    if (x->depth < MAX_STACK) x->stack[x->depth] = f;
    else free(f.base), free(f.lang);
    x->depth++;
    x->cb->start(x->ud, (const char *)uri, (const char *)local, (const char *)prefix, list, n,
                 inherited(x, 1), inherited(x, 0));
    for (size_t i = 0; i < n; i++) free(values[i]);
}

static void on_end(void *ud, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    px_xml *x = ((xmlParserCtxtPtr)ud)->_private;
    x->cb->end(x->ud, (const char *)uri, (const char *)local, (const char *)prefix);
    if (x->depth <= 0) return;
    x->depth--;
    if (x->depth < MAX_STACK) {
        free(x->stack[x->depth].base);
        free(x->stack[x->depth].lang);
        x->stack[x->depth] = (frame){0};
    }
}

static void on_text(void *ud, const xmlChar *s, int n)
{
    px_xml *x = ((xmlParserCtxtPtr)ud)->_private;
    if (n > 0) x->cb->text(x->ud, (const char *)s, (size_t)n);
}

/* Entities of the document's own DTD, internal ones only: an external
 * entity would read a file or a URL named by the document. */
static xmlEntityPtr on_entity(void *ud, const xmlChar *name)
{
    xmlEntityPtr e = xmlSAX2GetEntity(ud, name);
    if (e && e->etype != XML_INTERNAL_GENERAL_ENTITY && e->etype != XML_INTERNAL_PREDEFINED_ENTITY)
        return NULL;
    return e;
}

/* Only internal entities are declared at all: libxml2 looks an entity up
 * through xmlSAX2GetEntity() itself when getEntity finds nothing, so an
 * external one (a file or URL the document names) must never exist. */
static void on_entity_decl(void *ud, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
    if (type == XML_INTERNAL_GENERAL_ENTITY)
        xmlSAX2EntityDecl(ud, name, type, public_id, system_id, content);
}

static void on_error(void *ud, const char *msg, ...)
{
    px_xml *x = ((xmlParserCtxtPtr)ud)->_private;
    (void)msg;
    set_bozo(x, "not well-formed XML");
}

static void on_structured_error(void *ud, xmlErrorPtr e)
{
    px_xml *x = ((xmlParserCtxtPtr)ud)->_private;
    if (e && e->level >= XML_ERR_ERROR) {
        char why[200];
        snprintf(why, sizeof why, "line %d: %s", e->line, e->message ? e->message : "XML error");
        size_t n = strlen(why);
        while (n && why[n - 1] == '\n') why[--n] = '\0';
        set_bozo(x, why);
    }
}

static void on_doctype(void *ud, const xmlChar *name, const xmlChar *public_id,
                       const xmlChar *system_id)
{
    px_xml *x = ((xmlParserCtxtPtr)ud)->_private;
    xmlSAX2InternalSubset(ud, name, public_id, system_id);
    if (x->cb->doctype && public_id) x->cb->doctype(x->ud, (const char *)public_id);
}

static void start_parser(px_xml *x)
{
    xmlSAXVersion(&x->sax, 2);
    x->sax.startElementNs = on_start;
    x->sax.endElementNs = on_end;
    x->sax.characters = on_text;
    x->sax.cdataBlock = on_text;
    x->sax.ignorableWhitespace = on_text;
    x->sax.getEntity = on_entity;
    x->sax.internalSubset = on_doctype;
    x->sax.entityDecl = on_entity_decl;
    x->sax.unparsedEntityDecl = NULL;
    x->sax.error = on_error;
    x->sax.fatalError = on_error;
    x->sax.warning = NULL;
    x->sax.serror = on_structured_error;
    x->sax.comment = NULL;
    x->sax.processingInstruction = NULL;
    x->sax.externalSubset = NULL;
    x->sax.resolveEntity = NULL;
    x->ctxt = xmlCreatePushParserCtxt(&x->sax, NULL, NULL, 0, x->url);
    if (!x->ctxt) {
        fprintf(stderr, "libparallax: libxml2 could not make a parser\n");
        abort();
    }
    x->ctxt->_private = x;
    x->ctxt->userData = x->ctxt;
    xmlCtxtUseOptions(x->ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_IGNORE_ENC |
                                   XML_PARSE_NOENT | XML_PARSE_NOCDATA);
    x->ctxt->loadsubset = 0;
    xmlSwitchEncoding(x->ctxt, XML_CHAR_ENCODING_UTF8);
}

/* ---- stage 2: repair --------------------------------------------------- */

static int name_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80;
}

/* The reference at s[0] == '&' (n bytes available): appends its repair
 * to out and returns the bytes consumed; 0 when more text is needed. */
static size_t repair_amp(px_xml *x, const char *s, size_t n, int final, px_buf *out)
{
    size_t i = 1;
    if (i < n && s[i] == '#') {
        i++;
        if (i < n && (s[i] == 'x' || s[i] == 'X')) i++;
        while (i < n && i < 12 && ((s[i] >= '0' && s[i] <= '9') ||
                                   (s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F')))
            i++;
        if (i >= n && !final) return 0;
        if (i < n && s[i] == ';' && i > 2) {
            int hex = s[2] == 'x' || s[2] == 'X';
            unsigned long v = strtoul(s + 2 + hex, NULL, hex ? 16 : 10);
            if (v >= 0x80 && v <= 0x9F) { /* a C1 control: windows-1252 meant */
                px_utf8_put(out, px_cp1252((unsigned char)v));
            } else if (s[2] == 'X') { /* XML allows only a lower-case x */
                px_buf_puts(out, "&#x");
                px_buf_append(out, s + 3, i - 2);
            } else {
                px_buf_append(out, s, i + 1);
            }
            return i + 1;
        }
    } else {
        while (i < n && i < 40 && name_char((unsigned char)s[i])) i++;
        if (i >= n && !final) return 0;
        if (i < n && s[i] == ';' && i > 1) {
            char name[48];
            memcpy(name, s + 1, i - 1);
            name[i - 1] = '\0';
            static const char *const predefined[] = {"amp", "lt", "gt", "quot", "apos"};
            for (size_t k = 0; k < 5; k++)
                if (!strcmp(name, predefined[k])) {
                    px_buf_append(out, s, i + 1);
                    return i + 1;
                }
            const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
            if (e) {
                px_utf8_put(out, e->value);
                set_bozo(x, "an entity XML does not define");
                return i + 1;
            }
            if (x->declares_entities) {
                px_buf_append(out, s, i + 1);
                return i + 1;
            }
        }
    }
    set_bozo(x, "a bare '&' or an undefined entity");
    px_buf_puts(out, "&amp;");
    return 1;
}

/* Repairs x->text into x->fixed, keeping what cannot be decided yet.
 * CDATA sections, comments and processing instructions pass unchanged:
 * an '&' means itself there. */
static void repair(px_xml *x, int final)
{
    const char *s = x->text.data;
    size_t n = x->text.len, i = 0;
    px_buf *out = &x->fixed;
    while (i < n) {
        size_t run = i;
        if (x->raw_end) { /* inside a section that ends with x->raw_end */
            size_t m = strlen(x->raw_end);
            const char *end = NULL;
            for (size_t k = i; k + m <= n; k++)
                if (s[k] == x->raw_end[0] && !memcmp(s + k, x->raw_end, m)) { end = s + k; break; }
            if (!end) {
                size_t keep = final ? n : (n - i > m ? n - m : i);
                px_buf_append(out, s + i, keep - i);
                i = keep;
                break;
            }
            size_t stop = (size_t)(end - s) + m;
            px_buf_append(out, s + i, stop - i);
            i = stop;
            x->raw_end = NULL;
            continue;
        }
        while (run < n && s[run] != '&' && s[run] != '<' && (unsigned char)s[run] >= 0x20) run++;
        px_buf_append(out, s + i, run - i);
        i = run;
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i];
        if (c == '<') {
            if (n - i < 9 && !final) break;
            static const struct { const char *open, *close; } raw[] = {
                {"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"<?", "?>"}};
            size_t k = 0;
            for (; k < 3; k++) {
                size_t m = strlen(raw[k].open);
                if (n - i >= m && !memcmp(s + i, raw[k].open, m)) break;
            }
            if (k < 3) {
                size_t m = strlen(raw[k].open);
                px_buf_append(out, s + i, m);
                i += m;
                x->raw_end = raw[k].close;
                continue;
            }
            if (n - i >= 8 && !memcmp(s + i, "<!ENTITY", 8)) x->declares_entities = 1;
            px_buf_putc(out, '<');
            i++;
        } else if (c == '&') {
            size_t used = repair_amp(x, s + i, n - i, final, out);
            if (!used) break;
            i += used;
        } else if (c == '\t' || c == '\n' || c == '\r') {
            px_buf_putc(out, (char)c);
            i++;
        } else {
            set_bozo(x, "a control character");
            i++;
        }
    }
    memmove(x->text.data, s + i, n - i);
    x->text.len = n - i;
    x->text.data[x->text.len] = '\0';
}

static void parse_fixed(px_xml *x, int final)
{
    if (x->fixed.len || final)
        xmlParseChunk(x->ctxt, x->fixed.data ? x->fixed.data : "", (int)x->fixed.len, final);
    px_buf_reset(&x->fixed);
}

/* ---- stage 1: decoding ------------------------------------------------- */

static void decide(px_xml *x)
{
    px_charset_choice c;
    const char *h = px_buf_str(&x->head);
    px_charset_detect(h, x->head.len, x->http, x->content_type, &c);
    if (!c.xml_type) set_bozo(x, "the Content-Type is not an XML media type");
    const char *tries[] = {c.chosen, c.declared, c.bom, "utf-8", "windows-1252"};
    const char *use = "windows-1252";
    for (size_t i = 0; i < sizeof tries / sizeof *tries; i++) {
        if (!tries[i][0] || !px_charset_known(tries[i])) continue;
        if (px_decoder_reads(tries[i], h + c.bom_len, x->head.len - c.bom_len)) {
            use = tries[i];
            break;
        }
    }
    if (strcmp(use, c.chosen)) set_bozo(x, "the document is not in the encoding it was said to be in");
    snprintf(x->encoding, sizeof x->encoding, "%s", use);
    if (!px_decoder_open(&x->dec, use)) px_decoder_open(&x->dec, "windows-1252");
    x->decided = 1;
    px_buf_append(&x->raw_tail, h + c.bom_len, x->head.len - c.bom_len);
    px_buf_free(&x->head);
    start_parser(x);
}

static void run(px_xml *x, int final)
{
    size_t used = px_decoder_run(&x->dec, px_buf_str(&x->raw_tail), x->raw_tail.len, final,
                                 &x->text);
    memmove(x->raw_tail.data, x->raw_tail.data + used, x->raw_tail.len - used);
    x->raw_tail.len -= used;
    if (x->raw_tail.data) x->raw_tail.data[x->raw_tail.len] = '\0';
    if (x->dec.lossy) set_bozo(x, "bytes that are not in the document's encoding");
    repair(x, final);
    parse_fixed(x, final);
}

px_xml *px_xml_new(const px_xml_callbacks *cb, void *ud, const char *url, int http,
                   const char *content_type)
{
    assert(cb && cb->start && cb->end && cb->text);
    px_xml *x = px_xcalloc(1, sizeof *x);
    x->cb = cb;
    x->ud = ud;
    x->url = url ? px_xstrdup(url) : NULL;
    x->http = http;
    x->content_type = content_type ? px_xstrdup(content_type) : NULL;
    return x;
}

px_status px_xml_push(px_xml *x, const char *data, size_t n, const char *name, px_error *err)
{
    if (x->pushed + n > PX_MAX_DOCUMENT)
        return px_error_set(err, PX_ETOOBIG, name, 0, 0,
                            "over %u MiB, the limit for one document", PX_MAX_DOCUMENT >> 20);
    x->pushed += n;
    if (!x->decided) {
        px_buf_append(&x->head, data, n);
        if (x->head.len >= HEAD_BYTES) {
            decide(x);
            run(x, 0);
        }
        return PX_OK;
    }
    px_buf_append(&x->raw_tail, data, n);
    run(x, 0);
    return PX_OK;
}

void px_xml_finish(px_xml *x)
{
    if (!x->decided) decide(x);
    run(x, 1);
    if (x->ctxt && !x->ctxt->wellFormed) set_bozo(x, "not well-formed XML");
}

int px_xml_bozo(const px_xml *x, const char **why)
{
    if (why) *why = x->bozo ? x->why : NULL;
    return x->bozo;
}

const char *px_xml_encoding(const px_xml *x)
{
    return x->encoding;
}

void px_xml_free(px_xml *x)
{
    if (!x) return;
    if (x->ctxt) {
        if (x->ctxt->myDoc) xmlFreeDoc(x->ctxt->myDoc);
        xmlFreeParserCtxt(x->ctxt);
    }
    if (x->decided) px_decoder_close(&x->dec);
    for (int d = 0; d < x->depth && d < MAX_STACK; d++) {
        free(x->stack[d].base);
        free(x->stack[d].lang);
    }
    px_buf_free(&x->head);
    px_buf_free(&x->raw_tail);
    px_buf_free(&x->text);
    px_buf_free(&x->fixed);
    free(x->url);
    free(x->language);
    free(x->content_type);
    free(x);
}
