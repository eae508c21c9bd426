/*
 * feed_text.c — text constructs: what a title, summary or content element
 * holds, as text or as markup (feed.h).
 *
 * Feeds put text in four ways: plain text (Atom type="text"), HTML escaped
 * into the XML (RSS description, Atom type="html": the XML parser's text is
 * the markup), XHTML inline as elements (Atom type="xhtml", Atom 0.3
 * mode="xml", and RSS descriptions written with raw tags), and base64
 * (Atom 0.3 mode="base64").  Whatever the declared mode, child elements are
 * kept as markup, serialised here; the text around them is escaped when
 * the value is markup.  An XHTML value loses its wrapping <div>, which Atom
 * requires and which is no part of the content.  Relative href and src
 * attributes of the markup are resolved against the xml:base in force at
 * their element, so a content value can be shown out of its feed.
 */
#include <string.h>

#include "read/feed.h"
#include "text/text.h"

void px_capture_start(px_feed_sax *s, px_capture_mode mode, const char *base, const char *lang)
{
    s->capturing = 1;
    s->cap_depth = s->depth;
    s->cap_mode = mode;
    s->cap_children = 0;
    s->cap_div = 0;
    px_buf_reset(&s->cap);
    free(s->cap_base);
    free(s->cap_lang);
    s->cap_base = base ? px_xstrdup(base) : NULL;
    s->cap_lang = lang ? px_xstrdup(lang) : NULL;
}

static void escape(px_buf *b, const char *t, size_t n, int attr)
{
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (c == '&') px_buf_puts(b, "&amp;");
        else if (c == '<') px_buf_puts(b, "&lt;");
        else if (c == '>') px_buf_puts(b, "&gt;");
        else if (c == '"' && attr) px_buf_puts(b, "&quot;");
        else px_buf_putc(b, c);
    }
}

static int url_attr(const char *local)
{
    static const char *const names[] = {"href", "src", "cite", "action", "background",
                                        "longdesc", "usemap", "poster", "codebase", "data"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(local, names[i])) return 1;
    return 0;
}

void px_capture_child_start(px_feed_sax *s, const char *local, const char *prefix,
                            const px_xml_attr *attrs, size_t n, const char *base)
{
    if (s->cap_mode == CAP_PLAIN || s->cap_mode == CAP_BASE64) s->cap_mode = CAP_HTML;
    s->cap_children++;
    px_buf_putc(&s->cap, '<');
    if (prefix && strcmp(prefix, "xhtml") && strcmp(prefix, "html") && strcmp(prefix, "h")) {
        px_buf_puts(&s->cap, prefix);
        px_buf_putc(&s->cap, ':');
    }
    px_buf_puts(&s->cap, local);
    for (size_t i = 0; i < n; i++) {
        px_buf_putc(&s->cap, ' ');
        if (attrs[i].prefix) {
            px_buf_puts(&s->cap, attrs[i].prefix);
            px_buf_putc(&s->cap, ':');
        }
        px_buf_puts(&s->cap, attrs[i].local);
        px_buf_puts(&s->cap, "=\"");
        const char *v = attrs[i].value;
        char *resolved = NULL;
        if (!attrs[i].ns && url_attr(attrs[i].local)) v = resolved = px_xml_resolve(base, v);
        escape(&s->cap, v, strlen(v), 1);
        free(resolved);
        px_buf_putc(&s->cap, '"');
    }
    px_buf_putc(&s->cap, '>');
}

void px_capture_child_end(px_feed_sax *s, const char *local, const char *prefix)
{
    static const char *const empty[] = {"br", "hr", "img", "input", "meta", "link", "area",
                                        "base", "col", "param", "embed", "source", "wbr"};
    for (size_t i = 0; i < sizeof empty / sizeof *empty; i++)
        if (!strcmp(local, empty[i]) && s->cap.len && s->cap.data[s->cap.len - 1] == '>') {
            /* <br></br> reads as <br />: make it so */
            s->cap.data[s->cap.len - 1] = '\0';
            s->cap.len--;
            px_buf_puts(&s->cap, " />");
            return;
        }
    px_buf_puts(&s->cap, "</");
    if (prefix && strcmp(prefix, "xhtml") && strcmp(prefix, "html") && strcmp(prefix, "h")) {
        px_buf_puts(&s->cap, prefix);
        px_buf_putc(&s->cap, ':');
    }
    px_buf_puts(&s->cap, local);
    px_buf_putc(&s->cap, '>');
}

void px_capture_text(px_feed_sax *s, const char *t, size_t n)
{
    if (s->cap_mode == CAP_XHTML) escape(&s->cap, t, n, 0);
    else px_buf_append(&s->cap, t, n);
}

static int b64(int c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}

/* Decodes base64 in place; 0 when it is not base64 (left as it was). */
static int unbase64(px_buf *b)
{
    px_buf out = {0};
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < b->len; i++) {
        char c = b->data[i];
        if (c == '=' || c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        int v = b64((unsigned char)c);
        if (v < 0) {
            px_buf_free(&out);
            return 0;
        }
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            px_buf_putc(&out, (char)((acc >> bits) & 0xFF));
        }
    }
    if (out.len && (!px_utf8_check(out.data, out.len, NULL) || memchr(out.data, 0, out.len))) {
        px_buf_free(&out);
        return 0;
    }
    px_buf_free(b);
    *b = out;
    return 1;
}

/* Strips an XHTML value's wrapping <div ...>...</div>. */
static void strip_div(px_buf *b)
{
    size_t i = 0;
    while (i < b->len && strchr(" \t\r\n", b->data[i])) i++;
    if (b->len - i < 5 || memcmp(b->data + i, "<div", 4) ||
        (b->data[i + 4] != '>' && b->data[i + 4] != ' '))
        return;
    const char *gt = memchr(b->data + i, '>', b->len - i);
    if (!gt) return;
    size_t end = b->len;
    while (end > 0 && strchr(" \t\r\n", b->data[end - 1])) end--;
    if (end < 6 || memcmp(b->data + end - 6, "</div>", 6)) return;
    size_t start = (size_t)(gt - b->data) + 1;
    end -= 6;
    memmove(b->data, b->data + start, end - start);
    b->len = end - start;
    b->data[b->len] = '\0';
}

void px_capture_end(px_feed_sax *s, px_feed_text *out)
{
    s->capturing = 0;
    px_capture_mode mode = s->cap_mode;
    if (mode == CAP_BASE64 && !unbase64(&s->cap)) mode = CAP_PLAIN;
    if (mode == CAP_BASE64) mode = CAP_HTML;
    if (mode == CAP_XHTML && s->cap_div) strip_div(&s->cap);
    const char *v;
    if (mode == CAP_HTML || mode == CAP_XHTML) {
        px_buf_reset(&s->scratch);
        px_feed_html_rewrite(px_buf_str(&s->cap), s->cap.len, s->cap_base, &s->scratch);
        v = px_feed_str(s->f, s->scratch.data, s->scratch.len);
    } else {
        v = px_feed_str(s->f, s->cap.data, s->cap.len);
    }
    if (!v && out->value) return; /* an empty repeat never hides a value */
    out->value = v;
    out->type = mode == CAP_XHTML ? "application/xhtml+xml" : mode == CAP_HTML ? "text/html"
                                                                              : "text/plain";
    out->language = px_feed_strz(s->f, s->cap_lang);
    out->base = px_feed_strz(s->f, s->cap_base);
}

const char *px_capture_end_string(px_feed_sax *s)
{
    s->capturing = 0;
    return px_feed_str(s->f, s->cap.data, s->cap.len);
}
