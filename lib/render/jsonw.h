/*
 * jsonw.h — a streaming JSON writer: values go straight to a FILE, no tree.
 *
 * `extract --json` and `analyze --json` print one object per article; built
 * as jansson trees and dumped, most of their time went to allocating and
 * freeing the tree (issue #15).  This writer prints the same bytes as
 * json_dumpf(..., JSON_COMPACT | JSON_REAL_PRECISION(15)) of the tree the
 * same calls would have built (or, with w->precision set to p, of
 * JSON_REAL_PRECISION(p)):
 *
 *  - strings as UTF-8, escaping only '"', '\\' and control characters
 *    (\b \f \n \r \t, others \u00XX with upper-case hex); '/' and
 *    non-ASCII are written as they are;
 *  - integers as %lld; reals as %.15g with ".0" added when neither '.' nor
 *    'e' shows, and the exponent without '+' or leading zeros ("1e20");
 *  - a value jansson could not make — a string that is not valid UTF-8
 *    (RFC 3629), a real that is NaN or infinite — is left out together
 *    with its key (in an array: the element is left out), as
 *    json_object_set_new() / json_array_append_new() of NULL did.
 *
 * Use: px_jsonw_init(), then values; inside an object, px_jsonw_key()
 * before each value.  The writer owns nothing (the FILE stays the
 * caller's); it holds no memory, so there is nothing to free.  Nesting is
 * limited to PX_JSONW_MAX_DEPTH (asserted).  Write errors are left in the
 * FILE's error flag: check ferror() after the last value.
 */
#ifndef PX_RENDER_JSONW_H
#define PX_RENDER_JSONW_H

#include <stdio.h>

#define PX_JSONW_MAX_DEPTH 16

typedef struct px_jsonw {
    FILE *f;
    int precision;                           /* of reals: 15 (px_jsonw_init), or set 1..17
                                              * after it (JSON_REAL_PRECISION) */
    const char *key;                         /* pending key, or NULL */
    int depth;                               /* open containers */
    unsigned char empty[PX_JSONW_MAX_DEPTH]; /* nothing written in it yet */
} px_jsonw;

/* A writer printing to f (not owned). */
void px_jsonw_init(px_jsonw *w, FILE *f);

/* The key (not copied: must live until the next value) of the next value,
 * inside an object. */
void px_jsonw_key(px_jsonw *w, const char *key);

void px_jsonw_object_begin(px_jsonw *w);
void px_jsonw_object_end(px_jsonw *w);
void px_jsonw_array_begin(px_jsonw *w);
void px_jsonw_array_end(px_jsonw *w);

/* The string s (NUL-terminated; NULL writes null).  Invalid UTF-8: left
 * out, with its key. */
void px_jsonw_string(px_jsonw *w, const char *s);
/* The n bytes at s (NUL bytes included, written as \u0000). */
void px_jsonw_stringn(px_jsonw *w, const char *s, size_t n);
/* Leaves the pending key out: what a value jansson could not make did. */
void px_jsonw_skip(px_jsonw *w);
void px_jsonw_null(px_jsonw *w);
void px_jsonw_bool(px_jsonw *w, int v);
void px_jsonw_int(px_jsonw *w, long long v);
/* v with w->precision significant digits (15 unless set), as jansson's
 * real; NaN/inf left out. */
void px_jsonw_real(px_jsonw *w, double v);

/* Inside an object, a key and its value in one call: the string s (NULL:
 * null), s left out with its key when NULL (json_string(NULL) made no
 * value), an integer, a boolean. */
void px_jsonw_key_string(px_jsonw *w, const char *key, const char *s);
void px_jsonw_key_string_opt(px_jsonw *w, const char *key, const char *s);
void px_jsonw_key_int(px_jsonw *w, const char *key, long long v);
void px_jsonw_key_bool(px_jsonw *w, const char *key, int v);

#endif
