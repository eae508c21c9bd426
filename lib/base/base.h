/*
 * base.h — the bottom layer of libparallax: memory, strings, vectors, maps,
 * and calendar arithmetic.
 *
 * Everything above (text, read, extract, analyze, render) is built from these
 * few pieces, and this layer depends on nothing but the C library.
 *
 * Memory policy.  Like Redis, libparallax treats running out of memory as
 * fatal: px_xmalloc() and friends print one line to stderr and abort().  Every
 * other failure (bad input, missing file, a limit exceeded) is an error code
 * plus a px_error message; see px_error_set().  The reason: handling ENOMEM at
 * every call site would double the code for a condition a news tool cannot
 * recover from anyway, and inputs are size-capped (PX_MAX_DOCUMENT) so a
 * well-formed run never comes near the machine's memory.
 *
 * Ownership.
 *   px_arena  owns every block it hands out; px_arena_free() frees them all.
 *   px_buf    owns its data; px_buf_free() frees it, px_buf_detach() hands it
 *             to the caller (who then frees it with free()).
 *   PX_VEC    owns its items array (not what the items point to).
 *   px_map    owns its copies of the keys (in an arena of its own), not the
 *             values.
 */
#ifndef PX_BASE_H
#define PX_BASE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "parallax.h"

/* ---- allocation: abort on out-of-memory (see above) ------------------- */
void *px_xmalloc(size_t n);
void *px_xcalloc(size_t count, size_t size);
void *px_xrealloc(void *p, size_t n);
char *px_xstrndup(const char *s, size_t n);
char *px_xstrdup(const char *s);

/* The length of the longest prefix of the NUL-terminated s that is at most
 * max bytes and ends on a UTF-8 character boundary (never inside a
 * character's bytes): for cutting a string to show it.  Never fails. */
size_t px_utf8_prefix(const char *s, size_t max);

/* ---- arena: many small allocations freed at once ---------------------- */
typedef struct px_arena_block px_arena_block;
typedef struct px_arena {
    px_arena_block *head; /* newest block first */
} px_arena;

/* A zeroed px_arena is ready to use; no init call is needed. */
void *px_arena_alloc(px_arena *a, size_t n);           /* 16-byte aligned, uninitialised */
char *px_arena_strndup(px_arena *a, const char *s, size_t n); /* NUL-terminated copy */
char *px_arena_strdup(px_arena *a, const char *s);      /* NULL in, NULL out */
void px_arena_free(px_arena *a);                        /* frees all; arena reusable */

/* ---- buf: a growable, always NUL-terminated byte string ---------------- */
typedef struct px_buf {
    char *data; /* NULL until the first append; then always NUL-terminated */
    size_t len;
    size_t cap;
} px_buf;

void px_buf_append(px_buf *b, const char *s, size_t n);
void px_buf_puts(px_buf *b, const char *s);
void px_buf_putc(px_buf *b, char c);
void px_buf_printf(px_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void px_buf_vprintf(px_buf *b, const char *fmt, va_list ap);
void px_buf_reset(px_buf *b);          /* len = 0, keeps the memory */
const char *px_buf_str(const px_buf *b); /* "" when empty, never NULL */
char *px_buf_detach(px_buf *b);        /* caller frees; buf is left empty */
void px_buf_free(px_buf *b);

/* ---- vec: a growable array of any type ---------------------------------
 *   PX_VEC(int) v = {0};  px_vec_push(&v, 3);  v.items[0];  px_vec_free(&v);
 */
#define PX_VEC(T) struct { T *items; size_t len; size_t cap; }
#define px_vec_push(v, x)                                                     \
    do {                                                                      \
        if ((v)->len == (v)->cap)                                             \
            px__vec_grow((void **)&(v)->items, &(v)->cap, sizeof *(v)->items); \
        (v)->items[(v)->len++] = (x);                                         \
    } while (0)
#define px_vec_free(v) (free((v)->items), (v)->items = NULL, (v)->len = (v)->cap = 0)
void px__vec_grow(void **items, size_t *cap, size_t item_size);

/* ---- map: string keys to pointer values (open addressing) -------------- */
typedef struct px_map_slot {
    char *key;   /* copy in the map's arena; NULL = empty slot */
    size_t klen;
    uint64_t hash;
    void *value;
} px_map_slot;
typedef struct px_map {
    px_map_slot *slots;
    size_t cap; /* power of two, or 0 */
    size_t len;
    px_arena keys; /* the copies of the keys: one allocation per block, not per key */
} px_map;

/* A zeroed px_map is empty and ready.  Keys are byte strings (any bytes). */
void *px_map_get(const px_map *m, const char *key, size_t klen); /* NULL if absent */
/* Sets key to value; returns the previous value or NULL. */
void *px_map_put(px_map *m, const char *key, size_t klen, void *value);
/* The map's own copy of key (NUL-terminated, valid until px_map_free()),
 * added with the copy as its value when absent: one probe where a get and a
 * put take two, for sets of strings shared by equal strings (interning). */
const char *px_map_intern(px_map *m, const char *key, size_t klen);
/* Calls fn(key, klen, value, ud) for every entry, in no particular order. */
void px_map_each(const px_map *m, void (*fn)(const char *, size_t, void *, void *), void *ud);
void px_map_free(px_map *m); /* frees keys and slots, not values */
/* FNV-1a, 64 bit.  Stores index URLs and ids by it (store_private.h):
 * it must never change. */
uint64_t px_hash(const char *s, size_t n);

/* Sorts n items of `size` bytes, each opening with a uint64_t key, by that
 * key ascending, stably (items with equal keys keep their order).  Linear
 * time (a radix sort); allocates scratch of n * size bytes (out of memory
 * is fatal, as everywhere). */
void px_sort_by_key(void *items, size_t n, size_t size);

/* ---- errors ------------------------------------------------------------ */
/*
 * Fills err (if not NULL) and returns code, so callers can write
 *     return px_error_set(err, PX_EINPUT, name, line, col, "bad byte 0x%02x", c);
 * The message reads "NAME:LINE:COL: TEXT"; LINE and COL are left out when 0,
 * NAME when NULL.
 */
px_status px_error_set(px_error *err, px_status code, const char *name,
                       long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* ---- calendar.c: the proleptic Gregorian calendar, no time zones ------- */
long px_days_from_civil(int y, int m, int d); /* days since 1970-01-01 */
void px_civil_from_days(long days, int *y, int *m, int *d);
int px_weekday(long days);                    /* 1 Monday .. 7 Sunday */
int px_month_days(int y, int m);              /* 0 for a month out of 1..12 */
/* *days of the "YYYY-MM-DD" that iso starts with (a time may follow);
 * 0 when it does not start with one (month 1..12, day 1..31). */
int px_iso_days(const char *iso, long *days);

/* Line and column (1-based, column in bytes) of byte offset off in s. */
void px_line_col(const char *s, size_t len, size_t off, long *line, long *col);

#endif
