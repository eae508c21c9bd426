/*
 * feed_html.c — HTML inside a feed, made safe to show out of it: the
 * markup of a text/html or XHTML value re-written tag by tag (feed.h).
 *
 * An escaped description is whatever the publisher's CMS produced: bare
 * '&' and '<', <br/>, unquoted attributes, and links relative to the
 * feed.  Read out of the feed (into an article, a store, a web page) such
 * text breaks or points nowhere.  So each value is re-written:
 *   - a '&' that starts no character reference becomes "&amp;", a '<'
 *     that starts no tag "&lt;", a '>' in text "&gt;";
 *   - a tag keeps its name; its attributes are written name="value" in
 *     name order (so equal markup compares equal), a value's bare '&',
 *     '<', '>' and '"' escaped; href, src and the other URL attributes are
 *     resolved against the base in force;
 *   - an empty element (br, img, hr, ...) is written "<br />";
 *   - comments and the text of script and style pass through.
 * This is a rewriting, not a sanitizer: it removes nothing.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "read/feed.h"

static int is_url_attr(const char *name, size_t n)
{
    static const char *const names[] = {"href", "src", "cite", "action", "background",
                                        "longdesc", "usemap", "poster", "codebase", "data"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && !strncasecmp(names[i], name, n)) return 1;
    return 0;
}

int px_html_void(const char *name, size_t n)
{
    static const char *const names[] = {"br", "hr", "img", "input", "meta", "link", "area",
                                        "base", "col", "param", "embed", "source", "wbr"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && !strncasecmp(names[i], name, n)) return 1;
    return 0;
}

/* Length of a character reference at s ("&amp;", "&#38;", "&#x26;"), or 0. */
static size_t reference(const char *s, size_t n)
{
    size_t i = 1;
    if (i < n && s[i] == '#') {
        i++;
        int hex = i < n && (s[i] == 'x' || s[i] == 'X');
        i += hex;
        size_t start = i;
        while (i < n && i - start < 8 && (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i])))
            i++;
        return i > start && i < n && s[i] == ';' ? i + 1 : 0;
    }
    size_t start = i;
    while (i < n && i - start < 32 && isalnum((unsigned char)s[i])) i++;
    return i > start && i < n && s[i] == ';' ? i + 1 : 0;
}

static void escape_text(px_buf *out, const char *s, size_t n, int attr)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        size_t r;
        if (c == '&' && (r = reference(s + i, n - i))) {
            px_buf_append(out, s + i, r);
            i += r - 1;
        } else if (c == '&') {
            px_buf_puts(out, "&amp;");
        } else if (c == '<') {
            px_buf_puts(out, "&lt;");
        } else if (c == '>') {
            px_buf_puts(out, "&gt;");
        } else if (c == '"' && attr) {
            px_buf_puts(out, "&quot;");
        } else {
            px_buf_putc(out, c);
        }
    }
}

typedef struct attr {
    const char *name, *value;
    size_t nlen, vlen;
    int has_value;
} attr;

static int attr_cmp(const void *a, const void *b)
{
    const attr *x = a, *y = b;
    size_t n = x->nlen < y->nlen ? x->nlen : y->nlen;
    int c = strncasecmp(x->name, y->name, n);
    return c ? c : (x->nlen > y->nlen) - (x->nlen < y->nlen);
}

/* A tag at s[0] == '<' (with a letter or '/' + letter next): writes it and
 * returns its length; 0 when it does not close (then it is text). */
static size_t tag(const char *s, size_t n, const char *base, px_buf *out, const char **raw_until)
{
    size_t i = 1;
    int end = s[i] == '/';
    i += end;
    size_t name_start = i;
    while (i < n && (isalnum((unsigned char)s[i]) || s[i] == ':' || s[i] == '-' || s[i] == '_'))
        i++;
    size_t name_len = i - name_start;
    attr attrs[64];
    size_t na = 0;
    int self_close = 0;
    for (;;) {
        while (i < n && (isspace((unsigned char)s[i]) || (s[i] == '/' && i + 1 < n && s[i + 1] != '>')))
            i++;
        if (i >= n) return 0;
        if (s[i] == '>') break;
        if (s[i] == '/' && i + 1 < n && s[i + 1] == '>') {
            self_close = 1;
            i++;
            break;
        }
        attr a = {s + i, NULL, 0, 0, 0};
        while (i < n && !isspace((unsigned char)s[i]) && s[i] != '=' && s[i] != '>' &&
               !(s[i] == '/' && i + 1 < n && s[i + 1] == '>'))
            i++;
        a.nlen = (size_t)(s + i - a.name);
        while (i < n && isspace((unsigned char)s[i])) i++;
        if (i < n && s[i] == '=') {
            i++;
            while (i < n && isspace((unsigned char)s[i])) i++;
            if (i >= n) return 0;
            a.has_value = 1;
            if (s[i] == '"' || s[i] == '\'') {
                char q = s[i++];
                a.value = s + i;
                while (i < n && s[i] != q) i++;
                if (i >= n) return 0;
                a.vlen = (size_t)(s + i - a.value);
                i++;
            } else {
                a.value = s + i;
                while (i < n && !isspace((unsigned char)s[i]) && s[i] != '>') i++;
                a.vlen = (size_t)(s + i - a.value);
            }
        }
        if (a.nlen && na < 64) attrs[na++] = a;
    }
    /* s[i] == '>' */
    px_buf_puts(out, end ? "</" : "<");
    px_buf_append(out, s + name_start, name_len);
    if (!end) {
        qsort(attrs, na, sizeof *attrs, attr_cmp);
        for (size_t k = 0; k < na; k++) {
            px_buf_putc(out, ' ');
            px_buf_append(out, attrs[k].name, attrs[k].nlen);
            if (!attrs[k].has_value) continue;
            px_buf_puts(out, "=\"");
            if (is_url_attr(attrs[k].name, attrs[k].nlen) && base) {
                char *v = px_xstrndup(attrs[k].value, attrs[k].vlen);
                char *abs = px_xml_resolve(base, v);
                escape_text(out, abs, strlen(abs), 1);
                free(abs);
                free(v);
            } else {
                escape_text(out, attrs[k].value, attrs[k].vlen, 1);
            }
            px_buf_putc(out, '"');
        }
        if (px_html_void(s + name_start, name_len) || self_close) px_buf_puts(out, " /");
        if ((name_len == 6 && !strncasecmp(s + name_start, "script", 6)) ||
            (name_len == 5 && !strncasecmp(s + name_start, "style", 5)))
            *raw_until = name_len == 6 ? "</script" : "</style";
    }
    px_buf_putc(out, '>');
    return i + 1;
}

void px_feed_html_rewrite(const char *s, size_t n, const char *base, px_buf *out)
{
    const char *raw_until = NULL;
    size_t i = 0;
    while (i < n) {
        if (raw_until) { /* script or style text, to its end tag */
            size_t m = strlen(raw_until), k = i;
            while (k + m <= n && strncasecmp(s + k, raw_until, m)) k++;
            if (k + m > n) k = n;
            px_buf_append(out, s + i, k - i);
            i = k;
            raw_until = NULL;
            continue;
        }
        char c = s[i];
        if (c == '<' && i + 3 < n && !memcmp(s + i, "<!--", 4)) {
            const char *e = NULL;
            for (size_t k = i + 4; k + 3 <= n; k++)
                if (!memcmp(s + k, "-->", 3)) { e = s + k + 3; break; }
            size_t stop = e ? (size_t)(e - s) : n;
            px_buf_append(out, s + i, stop - i);
            i = stop;
            continue;
        }
        if (c == '<' && i + 1 < n &&
            (isalpha((unsigned char)s[i + 1]) || (s[i + 1] == '/' && i + 2 < n && isalpha((unsigned char)s[i + 2])))) {
            size_t used = tag(s + i, n - i, base, out, &raw_until);
            if (used) {
                i += used;
                continue;
            }
        }
        size_t run = i + 1;
        while (run < n && s[run] != '<') run++;
        escape_text(out, s + i, run - i, 0);
        i = run;
    }
}
