/*
 * buf.c — growable NUL-terminated strings.
 *
 * Invariant: data == NULL && len == cap == 0, or data[len] == '\0' and
 * len < cap.  Growth doubles, so appending n bytes one by one is O(n).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

static void reserve(px_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap *= 2;
    b->data = px_xrealloc(b->data, cap);
    b->cap = cap;
}

void px_buf_append(px_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    assert(b->len < b->cap); /* room for the NUL, always */
}

void px_buf_puts(px_buf *b, const char *s) { px_buf_append(b, s, strlen(s)); }

/* One byte, without a call to memcpy() when there is room: the text
 * tidier puts every character of every article through here. */
void px_buf_putc(px_buf *b, char c)
{
    if (b->len + 1 >= b->cap) reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void px_buf_vprintf(px_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) return;
    reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void px_buf_printf(px_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    px_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void px_buf_reset(px_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

const char *px_buf_str(const px_buf *b) { return b->data ? b->data : ""; }

char *px_buf_detach(px_buf *b)
{
    char *p = b->data ? b->data : px_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void px_buf_free(px_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
