/*
 * charset.c — which character encoding an XML document is in, and a
 * decoder from it to UTF-8 that never fails (charset.h).
 *
 * Choosing the encoding follows RFC 3023 as feed readers apply it:
 *
 *   - a byte order mark, or the first bytes of "<?xml" in UTF-16/32,
 *     says how to read the XML declaration;
 *   - application/xml and application/...+xml: the HTTP charset, else the
 *     XML declaration's encoding, else UTF-8;
 *   - text/xml, text/...+xml and other text/ types: the HTTP charset, else
 *     US-ASCII (RFC 3023 gives text/ types no other default);
 *   - HTTP headers without a Content-Type: the declaration, else
 *     ISO-8859-1; no HTTP at all (a file): the declaration, else UTF-8.
 *
 * The document may contradict that choice.  The decoder then tries the
 * alternatives in order (the declaration, the BOM, UTF-8, windows-1252)
 * on the bytes it has seen so far, keeps the first that reads them, and
 * says so (an override makes the feed "bozo": not what it claimed).  A
 * byte that no longer decodes later in the stream is read as
 * windows-1252 (its undefined bytes as U+FFFD), so the output is always
 * valid UTF-8 and nothing stops the parse.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "read/charset.h"
#include "text/text.h"

/* ---- detection --------------------------------------------------------- */

static void lower_copy(char *out, size_t cap, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        char c = s[i];
        if (c == '"' || c == '\'' || c == ' ' || c == '\t') continue;
        out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out[k] = '\0';
}

/* The BOM's (or UTF-16/32 "<?" pattern's) encoding, and its length. */
static const char *bom_of(const unsigned char *b, size_t n, size_t *len)
{
    *len = 0;
    if (n >= 4 && !memcmp(b, "\x00\x00\xFE\xFF", 4)) return *len = 4, "utf-32be";
    if (n >= 4 && !memcmp(b, "\xFF\xFE\x00\x00", 4)) return *len = 4, "utf-32le";
    if (n >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3)) return *len = 3, "utf-8";
    if (n >= 2 && !memcmp(b, "\xFE\xFF", 2)) return *len = 2, "utf-16be";
    if (n >= 2 && !memcmp(b, "\xFF\xFE", 2)) return *len = 2, "utf-16le";
    if (n >= 4 && !memcmp(b, "\x00\x00\x00\x3C", 4)) return "utf-32be";
    if (n >= 4 && !memcmp(b, "\x3C\x00\x00\x00", 4)) return "utf-32le";
    if (n >= 4 && !memcmp(b, "\x00\x3C\x00\x3F", 4)) return "utf-16be";
    if (n >= 4 && !memcmp(b, "\x3C\x00\x3F\x00", 4)) return "utf-16le";
    return NULL;
}

/* The encoding="..." of an XML declaration at the start of head (ASCII
 * bytes; UTF-16/32 heads are narrowed first), lower case, or "". */
static void xml_decl_encoding(const char *head, size_t n, char *out, size_t cap)
{
    out[0] = '\0';
    size_t i = 0;
    while (i < n && strchr(" \t\r\n", head[i])) i++;
    if (n - i < 5 || memcmp(head + i, "<?xml", 5)) return;
    size_t end = i;
    while (end + 1 < n && !(head[end] == '?' && head[end + 1] == '>')) end++;
    const char *p = head + i;
    size_t len = end - i;
    for (size_t k = 0; k + 8 <= len; k++) {
        if (memcmp(p + k, "encoding", 8)) continue;
        size_t j = k + 8;
        while (j < len && strchr(" \t\r\n", p[j])) j++;
        if (j >= len || p[j] != '=') continue;
        j++;
        while (j < len && strchr(" \t\r\n", p[j])) j++;
        if (j >= len || (p[j] != '"' && p[j] != '\'')) continue;
        char q = p[j++];
        size_t s = j;
        while (j < len && p[j] != q) j++;
        lower_copy(out, cap, p + s, j - s);
        return;
    }
}

/* Splits a Content-Type into its media type and charset (lower case). */
static void parse_content_type(const char *ct, char *type, size_t tcap, char *charset,
                               size_t ccap)
{
    type[0] = charset[0] = '\0';
    if (!ct) return;
    const char *semi = strchr(ct, ';');
    size_t n = semi ? (size_t)(semi - ct) : strlen(ct);
    lower_copy(type, tcap, ct, n);
    while (semi) {
        const char *p = semi + 1;
        semi = strchr(p, ';');
        while (*p == ' ' || *p == '\t') p++;
        if (strncasecmp(p, "charset", 7)) continue;
        p += 7;
        while (*p == ' ' || *p == '\t') p++;
        if (*p != '=') continue;
        p++;
        size_t m = semi ? (size_t)(semi - p) : strlen(p);
        lower_copy(charset, ccap, p, m);
    }
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

void px_charset_detect(const char *head, size_t n, int http, const char *content_type,
                       px_charset_choice *c)
{
    memset(c, 0, sizeof *c);
    const unsigned char *b = (const unsigned char *)head;
    const char *bom = bom_of(b, n, &c->bom_len);
    if (bom) snprintf(c->bom, sizeof c->bom, "%s", bom);
    /* the declaration, narrowed to one byte a character when wide */
    char narrow[512];
    size_t step = bom && strstr(bom, "16") ? 2 : bom && strstr(bom, "32") ? 4 : 1;
    size_t off = c->bom_len, k = 0;
    size_t lo = bom && (ends_with(bom, "be")) ? step - 1 : 0;
    for (size_t i = off; i + step <= n && k < sizeof narrow; i += step)
        narrow[k++] = (char)b[i + lo];
    xml_decl_encoding(narrow, k, c->declared, sizeof c->declared);
    if (step > 1 && c->declared[0] && !strstr(c->declared, step == 2 ? "16" : "32"))
        c->declared[0] = '\0'; /* a wide document cannot be in a narrow charset */
    if (!strcmp(c->declared, "utf-16") && bom) snprintf(c->declared, sizeof c->declared, "%s", bom);

    char type[128], charset[64];
    parse_content_type(content_type, type, sizeof type, charset, sizeof charset);
    const char *fallback_decl = c->declared[0] ? c->declared : bom ? bom : "utf-8";
    const char *choice;
    int xml_type = !strcmp(type, "application/xml") || !strcmp(type, "application/xml-dtd") ||
                   !strcmp(type, "application/xml-external-parsed-entity") ||
                   (!strncmp(type, "application/", 12) && ends_with(type, "+xml"));
    int text_xml = !strcmp(type, "text/xml") || !strcmp(type, "text/xml-external-parsed-entity") ||
                   (!strncmp(type, "text/", 5) && ends_with(type, "+xml"));
    if (!http) {
        choice = fallback_decl;
        c->xml_type = 1;
    } else if (xml_type) {
        choice = charset[0] ? charset : fallback_decl;
        c->xml_type = 1;
    } else if (text_xml || !strncmp(type, "text/", 5)) {
        choice = charset[0] ? charset : "us-ascii";
        c->xml_type = text_xml;
    } else if (!type[0]) {
        choice = c->declared[0] ? c->declared : "iso-8859-1";
    } else {
        choice = c->declared[0] ? c->declared : "utf-8";
    }
    snprintf(c->chosen, sizeof c->chosen, "%s", choice);
    if (!strcmp(c->chosen, "gb2312")) snprintf(c->chosen, sizeof c->chosen, "gb18030");
    if (!strcmp(c->declared, "gb2312")) snprintf(c->declared, sizeof c->declared, "gb18030");
}

/* ---- decoding ---------------------------------------------------------- */

/* windows-1252's 0x80..0x9F; 0 where it defines no character. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

unsigned px_cp1252(unsigned char byte)
{
    if (byte < 0x80 || byte >= 0xA0) return byte;
    unsigned cp = cp1252_high[byte - 0x80];
    return cp ? cp : 0xFFFD;
}

static int is_utf8(const char *name)
{
    return !strcmp(name, "utf-8") || !strcmp(name, "utf8");
}

static int is_cp1252(const char *name)
{
    return !strcmp(name, "windows-1252") || !strcmp(name, "cp1252");
}

/* Opens an iconv from name to UTF-8; (iconv_t)-1 when iconv lacks it.
 * UTF-8 and windows-1252 are decoded here, without iconv. */
static iconv_t open_iconv(const char *name)
{
    if (is_utf8(name) || is_cp1252(name)) return (iconv_t)-1;
    char upper[80];
    size_t i = 0;
    for (; name[i] && i + 1 < sizeof upper; i++)
        upper[i] = (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i]);
    upper[i] = '\0';
    return iconv_open("UTF-8", upper);
}

int px_charset_known(const char *name)
{
    if (is_utf8(name) || is_cp1252(name)) return 1;
    iconv_t cd = open_iconv(name);
    if (cd == (iconv_t)-1) return 0;
    iconv_close(cd);
    return 1;
}

int px_decoder_open(px_decoder *d, const char *name)
{
    memset(d, 0, sizeof *d);
    d->cd = (iconv_t)-1;
    d->lossy = 0;
    d->mode = is_utf8(name) ? PX_DEC_UTF8 : is_cp1252(name) ? PX_DEC_CP1252 : PX_DEC_ICONV;
    if (d->mode == PX_DEC_ICONV) {
        d->cd = open_iconv(name);
        if (d->cd == (iconv_t)-1) return 0;
    }
    snprintf(d->name, sizeof d->name, "%s", name);
    return 1;
}

void px_decoder_close(px_decoder *d)
{
    if (d->cd != (iconv_t)-1) iconv_close(d->cd);
    d->cd = (iconv_t)-1;
}

/* Length of a complete valid UTF-8 sequence at s (n bytes left): 1..4;
 * 0 when it is cut by the end of the data; -1 when invalid. */
static int utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : -1;
    if (len < 0) return -1;
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n) return 0;
        if ((s[i] & 0xC0) != 0x80) return -1;
    }
    if (c == 0xE0 && s[1] < 0xA0) return -1;
    if (c == 0xED && s[1] > 0x9F) return -1;
    if (c == 0xF0 && s[1] < 0x90) return -1;
    if (c == 0xF4 && s[1] > 0x8F) return -1;
    return len;
}

size_t px_decoder_run(px_decoder *d, const char *in, size_t n, int final, px_buf *out)
{
    const unsigned char *b = (const unsigned char *)in;
    size_t i = 0;
    if (d->mode == PX_DEC_CP1252) {
        for (; i < n; i++) {
            if (b[i] < 0x80) px_buf_putc(out, (char)b[i]);
            else px_utf8_put(out, px_cp1252(b[i]));
            if (b[i] >= 0x80 && px_cp1252(b[i]) == 0xFFFD) d->lossy = 1;
        }
        return n;
    }
    if (d->mode == PX_DEC_UTF8) {
        while (i < n) {
            size_t run = i;
            while (run < n && b[run] < 0x80) run++;
            if (run > i) px_buf_append(out, in + i, run - i);
            i = run;
            if (i >= n) break;
            int len = utf8_seq(b + i, n - i);
            if (len == 0 && !final) break; /* wait for the rest */
            if (len > 0) {
                px_buf_append(out, in + i, (size_t)len);
                i += (size_t)len;
            } else {
                px_utf8_put(out, px_cp1252(b[i++])); /* a stray byte: windows-1252 */
                d->lossy = 1;
            }
        }
        return i;
    }
    char chunk[8192];
    while (i < n) {
        char *ip = (char *)(uintptr_t)(in + i), *op = chunk;
        size_t il = n - i, ol = sizeof chunk;
        size_t r = iconv(d->cd, &ip, &il, &op, &ol);
        int e = r == (size_t)-1 ? errno : 0;
        px_buf_append(out, chunk, sizeof chunk - ol);
        i = n - il;
        if (!e || e == E2BIG) continue;
        if (e == EINVAL && !final) break; /* a sequence cut by the chunk's end */
        px_utf8_put(out, px_cp1252(b[i++]));  /* EILSEQ, or cut at the very end */
        d->lossy = 1;
        iconv(d->cd, NULL, NULL, NULL, NULL);
    }
    return i;
}

int px_decoder_reads(const char *name, const char *data, size_t n)
{
    if (is_cp1252(name)) {
        for (size_t i = 0; i < n; i++)
            if (px_cp1252((unsigned char)data[i]) == 0xFFFD) return 0;
        return 1;
    }
    if (is_utf8(name)) return px_utf8_check(data, n, NULL);
    iconv_t cd = open_iconv(name);
    if (cd == (iconv_t)-1) return 0;
    char chunk[8192];
    char *ip = (char *)(uintptr_t)data;
    size_t il = n;
    int ok = 1;
    while (il > 0) {
        char *op = chunk;
        size_t ol = sizeof chunk;
        if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 && errno != E2BIG) {
            ok = errno == EINVAL && il < 4; /* cut at the end of what we have */
            break;
        }
    }
    iconv_close(cd);
    return ok;
}
