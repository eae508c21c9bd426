/*
 * words.c — splitting text into word, number and punctuation tokens.
 *
 * ICU's word break iterator (UAX #29) does most of the work, over a UTF-8
 * UText so its boundaries are byte offsets and nothing is copied.  It
 * already keeps "don't", "he'd", "Obama's", "2,000" and "3.5" whole, and its
 * rule status tells numbers, letters, kana and ideographs apart.
 *
 * What UAX #29 does not do, news text needs, so a second pass over ICU's
 * segments (in t->raw, reused between calls) merges:
 *
 *   - a trailing dot into a dotted abbreviation: ICU gives "U.S" + "."; we
 *     give "U.S." (any word of one- or two-letter parts joined by dots:
 *     "U.S.", "a.m.", "Ph.D.", "e.g.");
 *   - a trailing dot into a known abbreviation (abbrev.c) or an initial
 *     when a word or number follows ("Mr. Smith", "Nov. 7", "J. R. R.
 *     Tolkien"; "No." only before a number), but not at the end ("... met
 *     Gen." keeps its full stop);
 *   - hyphenated compounds: word-word, word-number, number-word, chained
 *     ("U.S.-led", "e-mail", "30-year-old", "COVID-19", "mother-in-law").
 *     Number-number ("2014-15", "3-1") stays apart: it is a range or a score.
 *
 * Each segment is looked at a bounded number of times, so the pass is linear.
 */
#include <unicode/uchar.h>

#include "text/text_int.h"

static int is_alpha(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* The kind of an ICU segment with rule status none: white space (-1),
 * punctuation and symbols, or other (emoji, controls, lone marks). */
static int none_kind(const char *s, size_t a, size_t b)
{
    size_t j = a;
    UChar32 cp = (UChar32)px_utf8_next(s, b, &j);
    if (u_isUWhiteSpace(cp)) return -1;
    if (u_hasBinaryProperty(cp, UCHAR_EMOJI_PRESENTATION) ||
        u_hasBinaryProperty(cp, UCHAR_REGIONAL_INDICATOR) ||
        (j < b && u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC)))
        return PX_TOKEN_OTHER;
    if (u_ispunct(cp)) return PX_TOKEN_PUNCT;
    switch (u_charType(cp)) {
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
        return PX_TOKEN_PUNCT;
    default:
        return PX_TOKEN_OTHER;
    }
}

/* Collects ICU's segments, white space left out, into t->raw. */
static px_status segments(px_text *t, const char *s, size_t len, px_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, s, (int64_t)len, &st);
    ubrk_setUText(t->word, &ut, &st);
    if (U_FAILURE(st)) {
        utext_close(&ut);
        return px_error_set(err, PX_EDEP, NULL, 0, 0, "ICU: word break: %s", u_errorName(st));
    }
    t->raw.len = 0;
    size_t a = 0;
    for (int32_t q = ubrk_next(t->word); q != UBRK_DONE; q = ubrk_next(t->word)) {
        size_t b = (size_t)q;
        if (b <= a || b > len) continue; /* defensive: keep them increasing */
        int32_t rs = ubrk_getRuleStatus(t->word);
        int kind;
        if (rs >= UBRK_WORD_NUMBER && rs < UBRK_WORD_NUMBER_LIMIT) kind = PX_TOKEN_NUMBER;
        else if (rs >= UBRK_WORD_LETTER && rs < UBRK_WORD_LETTER_LIMIT) kind = PX_TOKEN_WORD;
        else if (rs >= UBRK_WORD_KANA && rs < UBRK_WORD_IDEO_LIMIT) kind = PX_TOKEN_OTHER;
        else kind = none_kind(s, a, b);
        if (kind >= 0) px_vec_push(&t->raw, ((px_word){a, b, (px_token_kind)kind}));
        a = b;
    }
    utext_close(&ut);
    return PX_OK;
}

/* 1 when w is one- or two-letter ASCII parts joined by dots: "U.S", "Ph.D". */
static int dotted(const char *w, size_t n)
{
    size_t run = 0, dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_alpha((unsigned char)w[i])) {
            if (++run > 2) return 0;
        } else if (w[i] == '.' && run) {
            run = 0, dots++;
        } else {
            return 0;
        }
    }
    return dots && run;
}

static int is_dot(const char *s, const px_word *w)
{
    return w->end - w->start == 1 && s[w->start] == '.';
}

static int is_hyphen(const char *s, const px_word *w)
{
    size_t n = w->end - w->start;
    const unsigned char *c = (const unsigned char *)s + w->start;
    if (n == 1) return c[0] == '-';
    /* U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN */
    return n == 3 && c[0] == 0xE2 && c[1] == 0x80 && (c[2] == 0x90 || c[2] == 0x91);
}

/* 1 when word w takes the dot that follows it; next: the token after the
 * dot, or NULL at the end.  "No" takes it only before a number ("No. 5"). */
static int takes_dot(const char *s, const px_word *w, const px_word *next)
{
    size_t n = w->end - w->start;
    const char *p = s + w->start;
    if (n > 8) return 0;
    if (dotted(p, n)) return 1;
    if (!next || next->kind == PX_TOKEN_PUNCT) return 0;
    if (n == 1 && p[0] >= 'A' && p[0] <= 'Z') return 1;
    px_abbrev_kind k = px__abbrev_kind(p, n);
    if (k == PX_ABBR_NUMBERED) return next->kind == PX_TOKEN_NUMBER;
    return k != PX_ABBR_NONE;
}

static int is_wordlike(const px_word *w)
{
    return w->kind == PX_TOKEN_WORD || w->kind == PX_TOKEN_NUMBER;
}

px_status px_text_words(px_context *ctx, const char *s, size_t len, px_words *out,
                        px_error *err)
{
    if (!ctx || !ctx->text || !out || (!s && len))
        return px_error_set(err, PX_EUSAGE, NULL, 0, 0, "px_text_words: invalid argument");
    if (len == 0) return PX_OK;
    if (len > INT32_MAX)
        return px_error_set(err, PX_ETOOBIG, NULL, 0, 0, "text of %zu bytes is too long", len);
    px_text *t = ctx->text;
    px_status rc = segments(t, s, len, err);
    if (rc != PX_OK) return rc;

    const px_word *r = t->raw.items;
    size_t n = t->raw.len;
    for (size_t i = 0; i < n;) {
        px_word tok = r[i++];
        while (is_wordlike(&tok) && i < n && r[i].start == tok.end) {
            /* "U.S" + "."  and  "Mr" + "." before a word */
            if (tok.kind == PX_TOKEN_WORD && is_dot(s, &r[i])) {
                if (!takes_dot(s, &tok, i + 1 < n ? &r[i + 1] : NULL)) break;
                tok.end = r[i++].end;
                continue;
            }
            /* word "-" word, chained */
            if (is_hyphen(s, &r[i]) && i + 1 < n && r[i + 1].start == r[i].end &&
                is_wordlike(&r[i + 1]) &&
                (tok.kind == PX_TOKEN_WORD || r[i + 1].kind == PX_TOKEN_WORD)) {
                tok.end = r[i + 1].end;
                tok.kind = PX_TOKEN_WORD;
                i += 2;
                continue;
            }
            break;
        }
        px_vec_push(out, tok);
    }
    return PX_OK;
}
