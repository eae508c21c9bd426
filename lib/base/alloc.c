/*
 * alloc.c — allocation that never returns NULL.
 *
 * Out of memory is fatal in libparallax (see base.h for why): one message,
 * then abort(), so a core dump shows where it happened.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

static void oom(size_t n)
{
    fprintf(stderr, "parallax: out of memory allocating %zu bytes\n", n);
    abort();
}

void *px_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *px_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) oom(count * size);
    return p;
}

void *px_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

char *px_xstrndup(const char *s, size_t n)
{
    char *p = px_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *px_xstrdup(const char *s)
{
    return px_xstrndup(s, strlen(s));
}

size_t px_utf8_prefix(const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    if (n < max || !s[n]) return n;   /* all of s fits */
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--; /* s[n] starts the cut character */
    return n;
}

void px__vec_grow(void **items, size_t *cap, size_t item_size)
{
    size_t ncap = *cap ? *cap * 2 : 8;
    if (ncap < *cap || ncap > SIZE_MAX / item_size) oom(SIZE_MAX);
    *items = px_xrealloc(*items, ncap * item_size);
    *cap = ncap;
}
