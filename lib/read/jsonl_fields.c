/*
 * jsonl_fields.c — the fields of one JSON Lines record, read straight from
 * the line (jsonl_fields.h).
 *
 * Why a reader of its own: jansson builds a tree of every value, with a
 * hash table per object and a copy of every string, and the reader then
 * asks it for nine keys; that was a tenth of `parallax add`.  This scanner
 * walks the line once, decodes the strings of the keys it knows into one
 * buffer and only checks the rest.
 *
 * It never reports an error: anything it does not accept for certain (a
 * syntax error, a real number, an integer of more than 18 digits, a key
 * with an escape, \u0000, an unpaired surrogate, nesting deeper than
 * FIELDS_DEPTH) makes it return 0, and the caller parses the line with
 * jansson, which accepts or reports it as before.  On what it accepts, the
 * fields are what jansson would give: the same decoded strings, the last
 * of duplicate keys, integers as integers.  tests/unit/test_read.c
 * compares the two on hand-written and random lines.
 */
#include <stdint.h>
#include <string.h>

#include "read/jsonl_fields.h"
#include "text/text.h"

enum { FIELDS_DEPTH = 64 };

static const char *const key_names[PX_JK_COUNT] = {
    [PX_JK_ID] = "id",         [PX_JK_URL] = "url",   [PX_JK_OUTLET] = "outlet",
    [PX_JK_TITLE] = "title",   [PX_JK_DATE] = "date", [PX_JK_LANGUAGE] = "language",
    [PX_JK_BYLINE] = "byline", [PX_JK_TEXT] = "text", [PX_JK_HTML] = "html",
};

const char *px_jsonl_key_name(px_jsonl_key k) { return key_names[k]; }

typedef struct scanner {
    const char *p, *end;
    char *out; /* next free byte of the decoded strings */
} scanner;

static void skip_space(scanner *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

static int hex4(const char *p, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                            : 16u;
        if (d == 16) return 0;
        *v = *v * 16 + d;
    }
    return 1;
}

/* A \u escape at s->p (after the backslash and 'u'): its code point, a
 * surrogate pair joined; 0 when it is one jansson refuses (\u0000, an
 * unpaired surrogate) or malformed. */
static unsigned unicode_escape(scanner *s)
{
    unsigned v, lo;
    if (s->end - s->p < 4 || !hex4(s->p, &v)) return 0;
    s->p += 4;
    if (v >= 0xDC00 && v <= 0xDFFF) return 0;
    if (v >= 0xD800 && v <= 0xDBFF) {
        if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u' || !hex4(s->p + 2, &lo) ||
            lo < 0xDC00 || lo > 0xDFFF)
            return 0;
        s->p += 6;
        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
    }
    return v;
}


/* One escape after a backslash (s->p at the letter); decoded into s->out
 * when keep.  0 when invalid or refused. */
static int escape(scanner *s, int keep)
{
    if (s->p == s->end) return 0;
    char c = *s->p++, plain;
    switch (c) {
    case '"': case '\\': case '/': plain = c; break;
    case 'b': plain = '\b'; break;
    case 'f': plain = '\f'; break;
    case 'n': plain = '\n'; break;
    case 'r': plain = '\r'; break;
    case 't': plain = '\t'; break;
    case 'u': {
        unsigned cp = unicode_escape(s);
        if (!cp) return 0;
        if (keep) s->out += px_utf8_encode(cp, s->out);
        return 1;
    }
    default: return 0;
    }
    if (keep) *s->out++ = plain;
    return 1;
}

/* 1 when one of the eight bytes of w is '"', '\\' or below 0x20: the
 * bit tricks for "has a zero byte" and "has a byte less than n" (n <= 128),
 * exact as to whether any byte is, which is all that is asked. */
static int special_in(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t quote = w ^ (ones * '"'), bslash = w ^ (ones * '\\');
    uint64_t zero = ((quote - ones) & ~quote) | ((bslash - ones) & ~bslash);
    uint64_t low = (w - ones * 0x20) & ~w;
    return ((zero | low) & highs) != 0;
}

/* A string (s->p after its opening quote) up to its closing quote; when
 * keep, decoded into s->out and NUL-terminated.  Control characters are
 * refused, as JSON says (the line holds valid UTF-8 already).  Runs of
 * plain bytes are skipped eight at a time: article bodies are most of
 * every line, and most of a body is plain. */
static int string(scanner *s, int keep)
{
    for (;;) {
        const char *run = s->p;
        for (uint64_t w; s->end - s->p >= 8; s->p += 8) {
            memcpy(&w, s->p, sizeof w);
            if (special_in(w)) break;
        }
        while (s->p < s->end && *s->p != '"' && *s->p != '\\' && (unsigned char)*s->p >= 0x20)
            s->p++;
        if (keep) {
            memcpy(s->out, run, (size_t)(s->p - run));
            s->out += s->p - run;
        }
        if (s->p == s->end || (unsigned char)*s->p < 0x20) return 0;
        if (*s->p++ == '"') break;
        if (!escape(s, keep)) return 0;
    }
    if (keep) *s->out++ = '\0';
    return 1;
}

/* An integer of at most 18 digits (no overflow, so no range error to
 * report); a real number or a longer integer is left to jansson.  The
 * scan stops at a 19th digit: summing it could overflow n. */
static int integer(scanner *s, long long *v)
{
    int neg = s->p < s->end && *s->p == '-';
    if (neg) s->p++;
    const char *digits = s->p;
    long long n = 0;
    for (; s->p < s->end && *s->p >= '0' && *s->p <= '9'; s->p++) {
        if (s->p - digits == 18) return 0;
        n = n * 10 + (*s->p - '0');
    }
    size_t len = (size_t)(s->p - digits);
    if (!len || (len > 1 && *digits == '0')) return 0;
    if (s->p < s->end && (*s->p == '.' || *s->p == 'e' || *s->p == 'E')) return 0;
    *v = neg ? -n : n;
    return 1;
}

static int literal(scanner *s, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(s->end - s->p) < n || memcmp(s->p, word, n)) return 0;
    s->p += n;
    return 1;
}

static int value(scanner *s, px_jsonl_value *v, int depth);

/* The members of an object or the items of an array (s->p after the
 * opening bracket), checked, not kept. */
static int container(scanner *s, char close, int depth)
{
    if (depth > FIELDS_DEPTH) return 0;
    skip_space(s);
    if (s->p < s->end && *s->p == close) {
        s->p++;
        return 1;
    }
    for (;;) {
        skip_space(s);
        if (close == '}') {
            if (s->p == s->end || *s->p++ != '"' || !string(s, 0)) return 0;
            skip_space(s);
            if (s->p == s->end || *s->p++ != ':') return 0;
        }
        if (!value(s, NULL, depth + 1)) return 0;
        skip_space(s);
        if (s->p == s->end) return 0;
        char c = *s->p++;
        if (c == close) return 1;
        if (c != ',') return 0;
    }
}

/* Any value; a string or integer is recorded in v when v is not NULL. */
static int value(scanner *s, px_jsonl_value *v, int depth)
{
    skip_space(s);
    if (s->p == s->end) return 0;
    px_jsonl_value seen = {PX_JV_OTHER, NULL, 0, 0};
    char c = *s->p;
    int ok;
    if (c == '"') {
        s->p++;
        char *start = s->out;
        ok = string(s, v != NULL);
        if (ok && v) seen = (px_jsonl_value){PX_JV_STRING, start, (size_t)(s->out - start - 1), 0};
    } else if (c == '{' || c == '[') {
        s->p++;
        ok = container(s, c == '{' ? '}' : ']', depth);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        ok = integer(s, &seen.integer);
        seen.kind = PX_JV_INTEGER;
    } else {
        ok = literal(s, "true") || literal(s, "false") || literal(s, "null");
    }
    if (ok && v) *v = seen;
    return ok;
}

/* The known key a key names (raw bytes, no escapes), or PX_JK_COUNT. */
static px_jsonl_key known_key(const char *k, size_t n)
{
    for (int i = 0; i < PX_JK_COUNT; i++)
        if (strlen(key_names[i]) == n && !memcmp(key_names[i], k, n)) return (px_jsonl_key)i;
    return PX_JK_COUNT;
}

/* One member: "key": value.  Keys with an escape are left to jansson. */
static int member(scanner *s, px_jsonl_fields *f)
{
    if (s->p == s->end || *s->p++ != '"') return 0;
    const char *key = s->p;
    while (s->p < s->end && *s->p != '"' && *s->p != '\\' && (unsigned char)*s->p >= 0x20) s->p++;
    if (s->p == s->end || *s->p != '"') return 0;
    px_jsonl_key k = known_key(key, (size_t)(s->p - key));
    s->p++;
    skip_space(s);
    if (s->p == s->end || *s->p++ != ':') return 0;
    return value(s, k < PX_JK_COUNT ? &f->v[k] : NULL, 1);
}

int px_jsonl_fields_scan(px_jsonl_fields *f, const char *line, size_t len)
{
    memset(f->v, 0, sizeof f->v);
    /* decoded strings are never longer than the line, and each one's NUL
     * takes the place of at least its two quotes: room for all, no moves */
    if (f->cap < len + 1) {
        free(f->strings);
        f->strings = px_xmalloc(len + 1);
        f->cap = len + 1;
    }
    scanner s = {line, line + len, f->strings};
    skip_space(&s);
    if (s.p == s.end || *s.p++ != '{') return 0;
    skip_space(&s);
    if (s.p < s.end && *s.p == '}') {
        s.p++;
    } else {
        for (;;) {
            skip_space(&s);
            if (!member(&s, f)) return 0;
            skip_space(&s);
            if (s.p == s.end) return 0;
            char c = *s.p++;
            if (c == '}') break;
            if (c != ',') return 0;
        }
    }
    skip_space(&s);
    return s.p == s.end;
}

void px_jsonl_fields_free(px_jsonl_fields *f)
{
    free(f->strings);
    memset(f, 0, sizeof *f);
}
