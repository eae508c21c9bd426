/*
 * html.c — an HTML page to an article: px_extract_html().
 *
 * The design, in the order the work is done:
 *
 * 1. Bytes to UTF-8, before libxml2 sees them.  libxml2 can decode by itself,
 *    but in 2.9 an iconv error mid-page silently truncates the document and
 *    prints to stderr, and an undeclared legacy page is read as ISO-8859-1
 *    (curly quotes and the euro sign become C1 controls).  So we decide:
 *    a BOM wins; then bytes that are valid UTF-8 beyond ASCII are UTF-8
 *    (mislabelled UTF-8 is common, legacy text that happens to be valid
 *    UTF-8 is not); else the charset declared in the first 8 KB (<meta
 *    charset>, http-equiv, <?xml encoding?>), with the Latin-1 labels read
 *    as windows-1252 as browsers do; else UTF-8 when the bytes mostly are
 *    (the stray bytes become U+FFFD), else what ICU's charset detector
 *    (ucsdet, markup filtered out) is fairly sure of among the legacy
 *    charsets of the web (Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR,
 *    KOI8-R, windows-125x, ISO-8859-x), else windows-1252, the usual
 *    charset of undeclared Western pages.  (Files carry no HTTP header;
 *    a page from a web archive does: px_extract_html_as() weighs its
 *    charset in place of the page's declaration.)  Non-UTF-8 input goes through ICU
 *    (already a dependency) with U+FFFD for bad bytes, and libxml2 is told
 *    "UTF-8", which also makes it ignore the page's own declaration.
 *
 * 2. Parse with libxml2's HTML parser in recover mode, network off, errors
 *    quiet, without XML_PARSE_HUGE.  Its tree builder refuses to nest deeper
 *    than 256 and then stops the whole parse ("Excessive depth"), which
 *    would throw away everything after a deep spot.  So the SAX start/end
 *    element callbacks are wrapped: below PX_MAX_DEPTH - 1 levels elements
 *    are not created and their text lands, flat, in the deepest element
 *    kept (each skipped tag leaves a space, so words stay apart).  Start
 *    and end calls pair up like a stack, so a counter of skipped elements
 *    is enough, and the cost stays linear (100,000 nested <div>s parse in
 *    a few ms).  Should the parser still stop early (a text node over
 *    libxml2's 10 MB limit, or another libxml2 with another limit), the
 *    page is refused with PX_EINPUT, libxml2's reason in the message,
 *    rather than half read.
 *
 *    Elements are bounded as bytes are: a page of over PX_MAX_ELEMENTS
 *    (200,000) is refused with PX_ETOOBIG.  The 64 MiB byte cap alone let
 *    a page of 10 million "<p>x" take 116 s and 5.5 GB: the tree, and the
 *    paragraphs, sentences and runs made from it, cost about 12 us and
 *    550 bytes an element.  The opening tags are counted first, in one
 *    memchr pass (40 MB in about 0.03 s), so such a page is refused before
 *    any parsing; the start-element callback counts too and stops the
 *    parser past the limit, for elements the parser implies.  The largest
 *    page of the extraction benchmark has 1,737 tags; 200,000 leaves a
 *    hundredfold margin, and a page at the limit extracts in a few seconds
 *    (bench/README.md).
 *
 * 3. One walk over the tree (html_dom.c) classifies every element (by tag,
 *    and by class/id/role names: html_hints.c), counts its text, link text
 *    and prose, cuts the text into runs, and notes where metadata lives;
 *    everything after works on those arrays.  All walks are iterative
 *    (parent pointers), never recursive.
 *
 * 4. JSON-LD (html_jsonld.c), then metadata (html_meta.c: url, outlet,
 *    language; html_title.c, html_author.c, html_pubdate.c), then the
 *    body: the element(s) holding it (html_main.c), their blocks with the
 *    furniture inside pruned (html_body.c), the blocks judged line by line
 *    (html_blocks.c).  Fields already set by the caller are never replaced.
 *
 * 5. The date and the authors are not set by their rules: each rule offers
 *    a candidate, and once the body (which offers some too) is read, one
 *    resolver per field chooses with weights fitted by a committed script
 *    (html_datepick.c, html_authorpick.c, bench/extraction/fit_date.py).
 *
 * Quality and speed are measured on real pages by bench/extraction/run.
 *
 * Every string put into the article goes through px_html_squeeze(), which
 * collapses white space and replaces invalid UTF-8, whatever libxml2 did.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "extract/extract.h"
#include "extract/html.h"

#define PRESCAN_BYTES 8192 /* where a charset declaration is looked for */

/* ---- charset ------------------------------------------------------------- */

static int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* 1 when s[0..n) starts with the lower-case word w, ignoring case. */
static int starts_with_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++)
        if (ascii_lower((unsigned char)s[i]) != w[i]) return 0;
    return 1;
}

/* Reads the label after "charset" / "encoding" at s[i]: = then an optional
 * quote then [A-Za-z0-9._:-]+.  Returns 1 with the label lower-cased. */
static int read_label(const char *s, size_t end, size_t i, char *out, size_t cap)
{
    while (i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    if (i >= end || s[i] != '=') return 0;
    i++;
    while (i < end && (s[i] == ' ' || s[i] == '"' || s[i] == '\'')) i++;
    size_t n = 0;
    while (i < end && n + 1 < cap) {
        int c = (unsigned char)s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '-' || c == '_' || c == '.' || c == ':'))
            break;
        out[n++] = (char)ascii_lower(c);
        i++;
    }
    out[n] = '\0';
    return n > 0;
}

/* Finds word inside s[from..end), case-insensitive; end when absent. */
static size_t find_ci(const char *s, size_t from, size_t end, const char *word)
{
    for (size_t i = from; i < end; i++)
        if (starts_with_ci(s + i, end - i, word)) return i;
    return end;
}

/* The charset declared by <meta ... charset=X> (either form) or
 * <?xml ... encoding="X"?> in the first PRESCAN_BYTES.  1 when found. */
static int declared_charset(const char *s, size_t len, char *out, size_t cap)
{
    size_t end = len < PRESCAN_BYTES ? len : PRESCAN_BYTES;
    if (starts_with_ci(s, end, "<?xml")) {
        size_t close = find_ci(s, 0, end, "?>");
        size_t at = find_ci(s, 0, close, "encoding");
        if (at < close && read_label(s, close, at + 8, out, cap)) return 1;
    }
    for (size_t i = find_ci(s, 0, end, "<meta"); i < end; i = find_ci(s, i + 5, end, "<meta")) {
        size_t close = i;
        while (close < end && s[close] != '>') close++;
        size_t at = find_ci(s, i, close, "charset");
        if (at < close && read_label(s, close, at + 7, out, cap)) return 1;
    }
    return 0;
}

static int label_in(const char *label, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(label, *list)) return 1;
    return 0;
}

/* Browsers read every Latin-1 label as windows-1252 (WHATWG Encoding). */
static const char *const latin1_labels[] = {
    "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "latin1", "l1", "us-ascii",
    "ascii", "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100",
    "csisolatin1", "ansi_x3.4-1968", "iso_8859-1:1987", NULL};

/* A meta tag is ASCII, so a page declaring UTF-16 in one is not UTF-16. */
static const char *const utf8_labels[] = {
    "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "ucs-2",
    "unicode", NULL};

/* Converts s[0..len) from charset label to UTF-8 with ICU, bad bytes as
 * U+FFFD.  Returns the malloc'd text, or NULL when ICU lacks the charset. */
static char *icu_to_utf8(const char *label, const char *s, size_t len, size_t *out_len)
{
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(label, &st);
    if (U_FAILURE(st)) return NULL;
    int32_t cap = (int32_t)(len * 3 + 16); /* a byte never makes more than U+FFFD */
    char *dst = px_xmalloc((size_t)cap);
    int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, cnv, dst, cap, s, (int32_t)len, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) { /* a charset mapping a byte to two code points */
        st = U_ZERO_ERROR;
        cap = n + 1;
        dst = px_xrealloc(dst, (size_t)cap);
        ucnv_resetToUnicode(cnv);
        n = ucnv_toAlgorithmic(UCNV_UTF8, cnv, dst, cap, s, (int32_t)len, &st);
    }
    ucnv_close(cnv);
    if (U_FAILURE(st)) {
        free(dst);
        return NULL;
    }
    *out_len = (size_t)n;
    return dst;
}

/* Copies s[0..len) with each invalid UTF-8 byte replaced by U+FFFD. */
static char *repair_utf8(const char *s, size_t len, size_t *out_len)
{
    px_buf b = {0};
    size_t i = 0, bad;
    while (i < len) {
        if (px_utf8_check(s + i, len - i, &bad)) {
            px_buf_append(&b, s + i, len - i);
            break;
        }
        px_buf_append(&b, s + i, bad);
        px_utf8_put(&b, 0xFFFD);
        i += bad + 1;
    }
    *out_len = b.len;
    return b.data ? px_buf_detach(&b) : px_xstrdup("");
}

/* 1 when more of the non-ASCII in s is valid UTF-8 than not: a UTF-8 page
 * with a few stray bytes, rather than a legacy page. */
static int mostly_utf8(const char *s, size_t len)
{
    size_t good = 0, bad = 0, i = 0;
    while (i < len) {
        if (!((unsigned char)s[i] & 0x80)) {
            i++;
            continue;
        }
        size_t at = i;
        unsigned cp = px_utf8_next(s, len, &i);
        if (cp == 0xFFFD && i - at == 1) bad++;
        else good++;
    }
    return good > bad;
}

/* 1 when s is valid UTF-8 with multi-byte characters: then it is UTF-8
 * whatever it declares (legacy text is almost never valid UTF-8 by chance,
 * and servers mislabelling UTF-8 as windows-1252 are common). */
static int utf8_beyond_ascii(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && !((unsigned char)s[i] & 0x80)) i++;
    return i < len && px_utf8_check(s + i, len - i, NULL);
}

/* The input as UTF-8: either data itself or a malloc'd copy in *owned. */
typedef struct utf8_text {
    const char *s;
    size_t len;
    char *owned;
} utf8_text;

/* Undeclared (or declared UTF-8): UTF-8 if it is, or mostly is, UTF-8. */
#define DETECT_BYTES 65536 /* what ICU's detector reads of an undeclared page */
#define DETECT_CONFIDENCE 30 /* of 100: below it, windows-1252 */

/* The charset ICU's detector names for legacy bytes (markup ignored), when
 * it is fairly sure; else windows-1252, the usual charset of undeclared
 * Western pages.  Static strings. */
static const char *detect_charset(const char *s, size_t len)
{
    const char *name = "windows-1252";
    UErrorCode st = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&st);
    if (U_FAILURE(st)) return name;
    ucsdet_enableInputFilter(det, 1);
    ucsdet_setText(det, s, (int32_t)(len < DETECT_BYTES ? len : DETECT_BYTES), &st);
    const UCharsetMatch *m = U_SUCCESS(st) ? ucsdet_detect(det, &st) : NULL;
    if (m && U_SUCCESS(st) && ucsdet_getConfidence(m, &st) >= DETECT_CONFIDENCE) {
        const char *found = ucsdet_getName(m, &st);
        static const char *const known[] = {"Shift_JIS", "EUC-JP", "ISO-2022-JP", "GB18030",
                                            "Big5", "EUC-KR", "ISO-2022-KR", "ISO-2022-CN",
                                            "KOI8-R", "windows-1251", "windows-1250",
                                            "windows-1253", "windows-1254", "windows-1255",
                                            "windows-1256", "ISO-8859-2", "ISO-8859-5",
                                            "ISO-8859-6", "ISO-8859-7", "ISO-8859-8",
                                            "ISO-8859-9", NULL};
        for (const char *const *k = known; found && *k; k++)
            if (!strcmp(found, *k)) name = *k; /* a static string that outlives det */
    }
    ucsdet_close(det);
    return name;
}

static void guess_utf8(const char *s, size_t len, utf8_text *t)
{
    t->s = s, t->len = len;
    if (px_utf8_check(s, len, NULL)) return;
    if (mostly_utf8(s, len)) t->owned = repair_utf8(s, len, &t->len);
    else t->owned = icu_to_utf8(detect_charset(s, len), s, len, &t->len);
    if (!t->owned) t->owned = repair_utf8(s, len, &t->len); /* ICU without data */
    t->s = t->owned;
}

/* charset: the transport's (HTTP) label, weighed before the page's own
 * declaration; NULL when none. */
static void to_utf8(const char *s, size_t len, const char *charset, utf8_text *t)
{
    char label[64];
    const char *use = NULL;
    memset(t, 0, sizeof *t);
    if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
        guess_utf8(s + 3, len - 3, t);
        return;
    }
    if (len >= 2 && (!memcmp(s, "\xFF\xFE", 2) || !memcmp(s, "\xFE\xFF", 2)))
        use = s[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", s += 2, len -= 2;
    else if ((charset && *charset && strlen(charset) < sizeof label
                  ? (snprintf(label, sizeof label, "%s", charset), 1)
                  : declared_charset(s, len, label, sizeof label)) &&
             !label_in(label, utf8_labels) && !utf8_beyond_ascii(s, len))
        use = label_in(label, latin1_labels) ? "windows-1252" : label;
    if (use && (t->owned = icu_to_utf8(use, s, len, &t->len))) {
        t->s = t->owned;
        if (!px_utf8_check(t->s, t->len, NULL)) { /* belt and braces */
            char *fixed = repair_utf8(t->s, t->len, &t->len);
            free(t->owned);
            t->s = t->owned = fixed;
        }
        return;
    }
    guess_utf8(s, len, t); /* undeclared, UTF-8, or a charset ICU lacks */
}

/* ---- parsing with a depth guard ----------------------------------------- */

typedef struct depth_guard {
    startElementSAXFunc start; /* libxml2's tree-building callbacks */
    endElementSAXFunc end;
    charactersSAXFunc characters;
    size_t skipped;  /* open elements not created, all below the deepest kept */
    size_t elements; /* elements started, kept or not */
} depth_guard;

/* A skipped tag still separates words: "<p>a</p><p>b</p>" flat is "a b". */
static void skipped_tag(void *ctx, depth_guard *g)
{
    if (g->characters) g->characters(ctx, (const xmlChar *)" ", 1);
}

static void guarded_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    htmlParserCtxtPtr p = ctx;
    depth_guard *g = p->_private;
    if (++g->elements > PX_MAX_ELEMENTS) { /* implied elements past the pre-count */
        xmlStopParser(p);
        return;
    }
    if (g->skipped || p->nodeNr >= PX_MAX_DEPTH - 1) {
        g->skipped++;
        skipped_tag(ctx, g);
        return;
    }
    g->start(ctx, name, atts);
}

static void guarded_end(void *ctx, const xmlChar *name)
{
    htmlParserCtxtPtr p = ctx;
    depth_guard *g = p->_private;
    if (g->skipped) {
        g->skipped--;
        skipped_tag(ctx, g);
        return;
    }
    g->end(ctx, name);
}

/* Parses UTF-8 text.  NULL with why filled when libxml2 gives no document
 * or stops before the end. */
static xmlDoc *parse_html(const char *s, size_t len, char *why, size_t why_cap, int *too_many)
{
    *too_many = 0;
    static const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                               HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
    xmlInitParser();
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        snprintf(why, why_cap, "libxml2 could not make a parser");
        return NULL;
    }
    depth_guard guard = {ctxt->sax->startElement, ctxt->sax->endElement,
                         ctxt->sax->characters, 0};
    if (guard.start && guard.end) {
        ctxt->_private = &guard;
        ctxt->sax->startElement = guarded_start;
        ctxt->sax->endElement = guarded_end;
    }
    xmlDoc *doc = htmlCtxtReadMemory(ctxt, s, (int)len, NULL, "UTF-8", options);
    snprintf(why, why_cap, "not parseable as HTML");
    if (guard.elements > PX_MAX_ELEMENTS) {
        *too_many = 1;
        snprintf(why, why_cap, "the page has over %u elements, the limit for one page",
                 (unsigned)PX_MAX_ELEMENTS);
        xmlFreeDoc(doc);
        doc = NULL;
    } else if (doc && ctxt->disableSAX) { /* the parser gave up part way */
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        const char *msg = e && e->message ? e->message : "";
        int n = (int)strcspn(msg, "\n");
        snprintf(why, why_cap, "libxml2 stopped before the end of the page%s%.*s%s",
                 n ? " (" : "", n, msg, n ? ")" : "");
        xmlFreeDoc(doc);
        doc = NULL;
    }
    htmlFreeParserCtxt(ctxt);
    return doc;
}

/* ---- the extraction ------------------------------------------------------ */

/* Opening tags ('<' and a letter) in s[0..len): an upper bound, give or
 * take what the parser implies, of the elements the page makes; counted in
 * one memchr pass, so a page over the limit is refused before parsing. */
static size_t count_tags(const char *s, size_t len)
{
    size_t n = 0;
    const char *end = s + len;
    for (const char *p = s; (p = memchr(p, '<', (size_t)(end - p))) != NULL && p + 1 < end; p++) {
        unsigned char c = (unsigned char)p[1];
        n += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
    return n;
}

static int all_space(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n\f\v", s[i])) return 0;
    return 1;
}

static void page_free(html_page *pg)
{
    px_html_ld_free(&pg->ld);
    px_vec_free(&pg->elems);
    px_vec_free(&pg->runs);
    html_nodes *lists[] = {&pg->metas, &pg->links, &pg->jsonld, &pg->times, &pg->bylines,
                           &pg->byline_lines, &pg->h1s, &pg->h2s, &pg->boiler_h1s, &pg->articles, &pg->mains, &pg->itemprop_bodies,
                           &pg->dated, &pg->scripts};
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) px_vec_free(lists[i]);
    px_vec_free(&pg->dates);
    px_vec_free(&pg->authors);
    px_vec_free(&pg->author_names);
    px_vec_free(&pg->titles);
    px_buf_free(&pg->title_text);
    px_buf_free(&pg->visible_folded);
    px_buf_free(&pg->scratch);
    px_buf_free(&pg->text);
    px_map_free(&pg->class_cache);
    xmlFreeDoc(pg->doc);
}

px_status px_extract_html(px_article *a, const char *data, size_t len,
                          const char *name, px_error *err)
{
    return px_extract_html_as(a, data, len, NULL, name, err);
}

px_status px_extract_html_as(px_article *a, const char *data, size_t len, const char *charset,
                             const char *name, px_error *err)
{
    if (len > PX_MAX_DOCUMENT || len > INT_MAX / 4)
        return px_error_set(err, PX_ETOOBIG, name, 0, 0, "HTML page over %u bytes",
                            (unsigned)PX_MAX_DOCUMENT);
    if (all_space(data, len)) return PX_OK; /* no text: the caller says PX_EEMPTY */
    size_t tags = count_tags(data, len);
    if (tags > PX_MAX_ELEMENTS)
        return px_error_set(err, PX_ETOOBIG, name, 0, 0,
                            "HTML page of %zu tags; a page may have at most %u elements",
                            tags, (unsigned)PX_MAX_ELEMENTS);

    utf8_text text;
    to_utf8(data, len, charset, &text);
    char why[200];
    int too_many;
    xmlDoc *doc = parse_html(text.s, text.len, why, sizeof why, &too_many);
    free(text.owned);
    if (!doc) return px_error_set(err, too_many ? PX_ETOOBIG : PX_EINPUT, name, 0, 0, "%s", why);
    if (!xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        return PX_OK;
    }

    html_page pg = {.a = a, .doc = doc};
    px_html_analyze(&pg);
    px_html_ld_load(&pg);
    px_html_metadata(&pg);
    px_html_body(&pg);
    px_html_resolve_dates(&pg);
    px_html_resolve_authors(&pg);
    page_free(&pg);
    return PX_OK;
}
