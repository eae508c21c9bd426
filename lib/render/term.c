/*
 * term.c — escaping what a terminal would act on (term.h).
 *
 * One pass over UTF-8: a code point is decoded only to be classified, and
 * written back byte for byte when harmless.  The stream (fopencookie)
 * keeps an incomplete sequence at the end of a write for the next one, so
 * a renderer can write a character in pieces; at close, what is left is
 * invalid and escaped.
 */
#define _GNU_SOURCE /* fopencookie */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "render/term.h"

static int dangerous(unsigned cp, int layout)
{
    if (cp < 0x20) return !(layout && (cp == '\t' || cp == '\n'));
    return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* The length of the valid UTF-8 sequence at s[0..n) and its code point;
 * 0 when invalid, -1 when s ends inside a sequence that may yet be valid. */
static int sequence(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
            : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len <= 1) {
        *cp = c;
        return len;
    }
    unsigned v = c & (0xFF >> (len + 1));
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n) return -1;
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = v << 6 | (s[i] & 0x3F);
    }
    static const unsigned least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < least[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

/* Escapes s[0..n) into out; returns how many bytes were consumed: all, or
 * all but an incomplete sequence at the end when partial is set. */
static size_t escape(px_buf *out, const char *s, size_t n, int layout, int partial)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, plain = 0; /* s[plain..i) is waiting to be copied */
    while (i < n) {
        unsigned cp;
        int len = sequence(u + i, n - i, &cp);
        if (len < 0 && partial) break;
        if (len > 0 && !dangerous(cp, layout)) {
            i += (size_t)len;
            continue;
        }
        px_buf_append(out, s + plain, i - plain);
        if (len <= 0) px_buf_printf(out, "\\x%02X", u[i]), len = 1;
        else if (cp < 0x80) px_buf_printf(out, "\\x%02X", cp);
        else px_buf_printf(out, "\\u%04X", cp);
        i += (size_t)len;
        plain = i;
    }
    px_buf_append(out, s + plain, i - plain);
    return i;
}

void px_term_escape(px_buf *out, const char *s, size_t n, int layout)
{
    escape(out, s, n, layout, 0);
}

const char *px_term_field(px_buf *b, const char *s)
{
    if (!s) return NULL;
    px_buf_reset(b);
    escape(b, s, strlen(s), 0, 0);
    return px_buf_str(b);
}

typedef struct term_stream {
    FILE *f;
    unsigned char pending[4]; /* an incomplete sequence from the last write */
    size_t npending;
    px_buf out;
} term_stream;

static int put(term_stream *t)
{
    int ok = t->out.len == 0 || fwrite(t->out.data, 1, t->out.len, t->f) == t->out.len;
    px_buf_reset(&t->out);
    return ok;
}

static ssize_t term_write(void *cookie, const char *buf, size_t size)
{
    term_stream *t = cookie;
    size_t at = 0;
    while (t->npending && at < size) { /* complete the pending sequence first */
        t->pending[t->npending++] = (unsigned char)buf[at++];
        unsigned cp;
        int len = sequence(t->pending, t->npending, &cp);
        if (len < 0 && t->npending < 4) continue;
        size_t used = escape(&t->out, (const char *)t->pending, t->npending, 1, 0);
        (void)used;
        t->npending = 0;
    }
    size_t done = at + escape(&t->out, buf + at, size - at, 1, 1);
    assert(size - done <= 3); /* only an incomplete sequence is held back */
    memcpy(t->pending, buf + done, size - done);
    t->npending = size - done;
    return put(t) ? (ssize_t)size : -1;
}

static int term_close(void *cookie)
{
    term_stream *t = cookie;
    escape(&t->out, (const char *)t->pending, t->npending, 1, 0);
    int ok = put(t) && fflush(t->f) == 0;
    px_buf_free(&t->out);
    free(t);
    return ok ? 0 : EOF;
}

FILE *px_term_stream(FILE *f)
{
    term_stream *t = px_xcalloc(1, sizeof *t);
    t->f = f;
    FILE *s = fopencookie(t, "w", (cookie_io_functions_t){.write = term_write, .close = term_close});
    if (!s) free(t);
    return s;
}

int px_term_fputs(const char *s, FILE *f)
{
    if (!s) return 0;
    px_buf b = {0};
    int rc = fputs(px_term_field(&b, s), f) == EOF ? EOF : 0;
    px_buf_free(&b);
    return rc;
}
