/*
 * query.c — what a person types into a search box, as an FTS5 query that
 * cannot fail (store.h: px_store_fts_query).
 *
 * FTS5's own syntax reads punctuation as operators: "Ocasio-Cortez" is a
 * column filter (no such column: Cortez), "Rice AND" a syntax error, an
 * apostrophe or a lone quote too.  So the plain syntax takes only words:
 * the text is cut at white space, except that a balanced pair of double
 * quotes keeps a phrase together, and each piece is written as an FTS5
 * string ("Ocasio-Cortez", with any " doubled), which the tokenizer cuts
 * into the same words as the indexed text and matches as a phrase.  A
 * piece ending in '*' is a prefix ("Oba"*).  A piece with no letter or
 * digit ("$", "-", "--") is dropped: as a string it would be an empty
 * phrase.  An unbalanced quote is white space.  Operators stay reachable
 * behind PX_SEARCH_ADVANCED, where the text goes to FTS5 as it is.
 */
#include <string.h>

#include "store/store.h"

/* 1 when the piece holds a letter or digit: ASCII alphanumerics, or any
 * byte of a multi-byte UTF-8 sequence (the tokenizer decides for those;
 * a piece of only non-ASCII symbols is an empty phrase at worst, which
 * FTS5 accepts and matches nothing). */
static int has_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80)
            return 1;
    }
    return 0;
}

static size_t term(px_buf *out, const char *s, size_t n, size_t terms)
{
    int prefix = 0;
    while (n && s[n - 1] == '*') n--, prefix = 1;
    if (!has_word(s, n)) return terms;
    if (terms) px_buf_putc(out, ' ');
    px_buf_putc(out, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') px_buf_putc(out, '"');
        px_buf_putc(out, s[i]);
    }
    px_buf_putc(out, '"');
    if (prefix) px_buf_putc(out, '*');
    return terms + 1;
}

static int space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

size_t px_store_fts_query(const char *text, px_buf *out)
{
    size_t terms = 0;
    const char *p = text;
    while (*p) {
        if (space(*p)) {
            p++;
            continue;
        }
        if (*p == '"') {
            const char *close = strchr(p + 1, '"');
            if (!close) { /* unbalanced: the quote is white space */
                p++;
                continue;
            }
            terms = term(out, p + 1, (size_t)(close - p - 1), terms);
            p = close + 1;
            continue;
        }
        const char *e = p;
        while (*e && !space(*e) && *e != '"') e++;
        terms = term(out, p, (size_t)(e - p), terms);
        p = e;
    }
    return terms;
}
