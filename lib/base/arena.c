/*
 * arena.c — bump allocation in chunks, freed all at once.
 *
 * An article and everything hanging off it (strings, paragraph arrays,
 * sentences) lives in one arena, so freeing an article is one call and no
 * field can leak.  Blocks grow geometrically from 4 KiB up to 1 MiB; a request
 * larger than a block gets a block of its own.
 *
 * Invariant: head->used <= head->size; every pointer returned is 16-aligned.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

struct px_arena_block {
    px_arena_block *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
};

enum { ARENA_MIN = 4096, ARENA_MAX = 1 << 20, ARENA_ALIGN = 16 };

void *px_arena_alloc(px_arena *a, size_t n)
{
    n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    px_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = b ? b->size * 2 : ARENA_MIN;
        if (size > ARENA_MAX) size = ARENA_MAX;
        if (size < n) size = n;
        b = px_xmalloc(sizeof *b + size);
        b->size = size;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    assert(((uintptr_t)p & (ARENA_ALIGN - 1)) == 0 && b->used <= b->size);
    return p;
}

char *px_arena_strndup(px_arena *a, const char *s, size_t n)
{
    char *p = px_arena_alloc(a, n + 1);
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *px_arena_strdup(px_arena *a, const char *s)
{
    return s ? px_arena_strndup(a, s, strlen(s)) : NULL;
}

void px_arena_free(px_arena *a)
{
    px_arena_block *b = a->head;
    while (b) {
        px_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
