/*
 * jsonw.c — the streaming JSON writer (jsonw.h says what it prints and why).
 *
 * Each value first writes what separates it from the previous one: a comma
 * unless it is the first in its container, then its pending key.  A value
 * that cannot be written (invalid UTF-8, NaN) is checked before anything
 * is printed, so leaving it out leaves no trace.  Strings are written in
 * runs: the bytes between two escapes go out with one fwrite; single bytes
 * with putc_unlocked (a writer is used by one thread), integers without
 * printf.
 */
#include "render/jsonw.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "text/text.h"

void px_jsonw_init(px_jsonw *w, FILE *f)
{
    assert(w && f);
    w->f = f;
    w->precision = 15;
    w->key = NULL;
    w->depth = 0;
    w->empty[0] = 1;
}

void px_jsonw_key(px_jsonw *w, const char *key)
{
    assert(w->depth > 0 && key);
    w->key = key;
}

static void write_string(FILE *f, const char *s, size_t n);

/* The comma and key before a value. */
static void lead(px_jsonw *w)
{
    if (!w->empty[w->depth]) putc_unlocked(',', w->f);
    w->empty[w->depth] = 0;
    if (w->key) {
        write_string(w->f, w->key, strlen(w->key));
        putc_unlocked(':', w->f);
        w->key = NULL;
    }
}

static void open_container(px_jsonw *w, char c)
{
    lead(w);
    assert(w->depth + 1 < PX_JSONW_MAX_DEPTH);
    w->empty[++w->depth] = 1;
    putc_unlocked(c, w->f);
}

static void close_container(px_jsonw *w, char c)
{
    assert(w->depth > 0);
    w->depth--;
    w->key = NULL;
    putc_unlocked(c, w->f);
}

void px_jsonw_object_begin(px_jsonw *w) { open_container(w, '{'); }
void px_jsonw_object_end(px_jsonw *w) { close_container(w, '}'); }
void px_jsonw_array_begin(px_jsonw *w) { open_container(w, '['); }
void px_jsonw_array_end(px_jsonw *w) { close_container(w, ']'); }

/* s[0..n) (valid UTF-8) quoted and escaped. */
static void write_string(FILE *f, const char *s, size_t n)
{
    putc_unlocked('"', f);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        if (i > run) fwrite(s + run, 1, i - run, f);
        run = i + 1;
        putc_unlocked('\\', f);
        switch (c) {
        case '"': putc_unlocked('"', f); break;
        case '\\': putc_unlocked('\\', f); break;
        case '\b': putc_unlocked('b', f); break;
        case '\f': putc_unlocked('f', f); break;
        case '\n': putc_unlocked('n', f); break;
        case '\r': putc_unlocked('r', f); break;
        case '\t': putc_unlocked('t', f); break;
        default:
            putc_unlocked('u', f), putc_unlocked('0', f), putc_unlocked('0', f);
            putc_unlocked("0123456789ABCDEF"[c >> 4], f);
            putc_unlocked("0123456789ABCDEF"[c & 15], f);
        }
    }
    if (n > run) fwrite(s + run, 1, n - run, f);
    putc_unlocked('"', f);
}

void px_jsonw_stringn(px_jsonw *w, const char *s, size_t n)
{
    if (!s) {
        px_jsonw_null(w);
        return;
    }
    if (!px_utf8_check(s, n, NULL)) {
        w->key = NULL;
        return;
    }
    lead(w);
    write_string(w->f, s, n);
}

void px_jsonw_string(px_jsonw *w, const char *s)
{
    px_jsonw_stringn(w, s, s ? strlen(s) : 0);
}

void px_jsonw_skip(px_jsonw *w)
{
    w->key = NULL;
}

void px_jsonw_null(px_jsonw *w)
{
    lead(w);
    fputs("null", w->f);
}

void px_jsonw_bool(px_jsonw *w, int v)
{
    lead(w);
    fputs(v ? "true" : "false", w->f);
}

void px_jsonw_int(px_jsonw *w, long long v)
{
    char buf[24], *p = buf + sizeof buf;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0) *--p = '-';
    lead(w);
    fwrite(p, 1, (size_t)(buf + sizeof buf - p), w->f);
}

void px_jsonw_real(px_jsonw *w, double v)
{
    if (!isfinite(v)) {
        w->key = NULL;
        return;
    }
    char buf[40];
    assert(w->precision >= 1 && w->precision <= 17);
    int len = snprintf(buf, sizeof buf - 2, "%.*g", w->precision, v);
    assert(len > 0 && (size_t)len < sizeof buf - 2);
    if (!strchr(buf, '.') && !strchr(buf, 'e')) memcpy(buf + len, ".0", 3);
    /* "1e+20" -> "1e20", "1e-05" -> "1e-5" */
    char *e = strchr(buf, 'e');
    if (e) {
        char *start = e + 1, *end = e + 2;
        if (*start == '-') start++;
        while (*end == '0') end++;
        if (end != start) memmove(start, end, strlen(end) + 1);
    }
    lead(w);
    fputs(buf, w->f);
}

void px_jsonw_key_string(px_jsonw *w, const char *key, const char *s)
{
    px_jsonw_key(w, key);
    px_jsonw_string(w, s);
}

void px_jsonw_key_string_opt(px_jsonw *w, const char *key, const char *s)
{
    px_jsonw_key(w, key);
    if (s) px_jsonw_string(w, s);
    else px_jsonw_skip(w);
}

void px_jsonw_key_int(px_jsonw *w, const char *key, long long v)
{
    px_jsonw_key(w, key);
    px_jsonw_int(w, v);
}

void px_jsonw_key_bool(px_jsonw *w, const char *key, int v)
{
    px_jsonw_key(w, key);
    px_jsonw_bool(w, v);
}
