/*
 * quote_marks.c — which characters are quotation marks, and how they pair.
 *
 * Double marks only: straight " (which both opens and closes), English
 * “…”, German „…“ (or „…”), French and Russian «…», Danish »…«, Swedish
 * ”…”, and CJK 「…」 『…』.  Single quotes (' ‘ ’) are left out on purpose:
 * they are apostrophes far more often than quotes in news prose, and inside
 * a double quote they only nest.
 *
 * A mark's context is recorded too (may_open / may_close), because the
 * same character does both jobs in some languages and in sloppy text: a
 * mark after a space and before a word can open, one after a word and
 * before a space or punctuation can close.  quote.c decides with it.  A
 * mark glued between a sentence's end and a letter (`in 2011."I can't`)
 * is a hinge: a scraper dropped the space and one of two marks, and it
 * both closes the quote before and opens the next.
 */
#include "analyze/quote.h"

static unsigned decode(const char *s, size_t len, size_t i, size_t *n)
{
    size_t j = i;
    unsigned cp = px_utf8_next(s, len, &j);
    *n = j - i;
    return cp;
}

static int is_space(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || px_unicode_space(cp);
}

/* Punctuation that may stand right after a closing mark. */
static int is_trailing_punct(unsigned cp)
{
    return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' ||
           cp == ')' || cp == ']' || cp == '}' || cp == '/' || cp == '-' || cp == 0x2013 ||
           cp == 0x2014 || cp == 0x2026 || cp == '\'' || cp == 0x2019 || cp == 0x3002 ||
           cp == 0xFF0C;
}

/* Punctuation that may stand right before an opening mark. */
static int is_leading_punct(unsigned cp)
{
    return cp == '(' || cp == '[' || cp == '{' || cp == '-' || cp == 0x2013 || cp == 0x2014 ||
           cp == '/' || cp == ':' || cp == 0x2018 || cp == '\'';
}

static int is_mark(unsigned cp)
{
    switch (cp) {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0xAB: case 0xBB:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:
        return 1;
    default:
        return 0;
    }
}

/* The code point before s[i], or 0 at the start. */
static unsigned previous(const char *s, size_t i)
{
    if (i == 0) return 0;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4) j--;
    size_t n;
    return decode(s, i, j, &n);
}

int px_qmark_at(const char *s, size_t len, size_t i, px_qmark *m)
{
    if (!px_qmark_lead((unsigned char)s[i])) return 0;
    size_t n;
    unsigned cp = decode(s, len, i, &n);
    if (!is_mark(cp)) return 0;
    unsigned before = previous(s, i);
    unsigned after = 0;
    if (i + n < len) {
        size_t k;
        after = decode(s, len, i + n, &k);
    }
    m->at = i;
    m->len = n;
    m->cp = cp;
    m->may_open = (before == 0 || is_space(before) || is_leading_punct(before) ||
                   is_mark(before)) &&
                  after != 0 && !is_space(after);
    m->may_close = before != 0 && !is_space(before) &&
                   (after == 0 || is_space(after) || is_trailing_punct(after) || is_mark(after));
    m->hinge = (before == '.' || before == '?' || before == '!') &&
               ((after >= 'A' && after <= 'Z') || (after >= 'a' && after <= 'z') ||
                (after >= '0' && after <= '9'));
    return 1;
}

int px_qmark_opener(unsigned cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x201E || cp == 0xAB || cp == 0x300C ||
           cp == 0x300E;
}

int px_qmark_closes(unsigned opener, unsigned cp)
{
    switch (opener) {
    case '"': return cp == '"' || cp == 0x201D; /* "…” is a common slip */
    case 0x201C: return cp == 0x201D || cp == '"';
    case 0x201E: return cp == 0x201C || cp == 0x201D;
    case 0x201D: return cp == 0x201D;           /* Swedish ”…” */
    case 0xAB: return cp == 0xBB;
    case 0xBB: return cp == 0xAB;               /* Danish »…« */
    case 0x300C: return cp == 0x300D;
    case 0x300E: return cp == 0x300F;
    default: return 0;
    }
}
