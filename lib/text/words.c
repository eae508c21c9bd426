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
 *
 * ICU's iterator was a seventh of `parallax add`'s instructions, so the
 * segments of a sentence made only of characters whose UAX #29 class is
 * plain (segment_plain(): ASCII, Latin-1 letters, the curly quotes and
 * apostrophes, dashes, the ellipsis, the no-break space) are found by a
 * scan of their own that follows the rules for those classes and ICU's
 * rule status; any other character sends the whole sentence to ICU.  The
 * unit test compares the two on random strings of those characters, and
 * bench/grouping_view on every sentence of the benches: no difference.
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

/* none_kind() through a table for segments starting with an ASCII
 * character, filled once per context by none_kind() itself: punctuation
 * is a fifth of all tokens, and each asked ICU for five properties.  The
 * answer depends on the first code point and on whether more follow. */
static int segment_kind(px_text *t, const char *s, size_t a, size_t b)
{
    unsigned char c = (unsigned char)s[a];
    if (c >= 0x80) return none_kind(s, a, b);
    if (!t->none_ascii_ready) {
        for (int k = 0; k < 128; k++) {
            char one[2] = {(char)k, 'x'};
            t->none_ascii[0][k] = (signed char)none_kind(one, 0, 1);
            t->none_ascii[1][k] = (signed char)none_kind(one, 0, 2);
        }
        t->none_ascii_ready = 1;
    }
    return t->none_ascii[b > a + 1][c];
}

/* The UAX #29 word break classes the plain scan knows, as ICU's root
 * rules amend them: the colon is no MidLetter there, "@" is a letter. */
enum { C_OTHER, C_SPACE, C_LETTER, C_NUMBER, C_MIDNUMLET, C_MIDNUM, C_EXTENDNUMLET, C_UNKNOWN };

/* The classes of the ASCII characters, a digit (the C_ value) per
 * character, sixteen a row: letters and "@" (ICU's rules add it) are
 * letters, digits numbers, " " space, "." and "'" MidNumLet (' is
 * Single_Quote: the same rules), "," and ";" MidNum, "_" ExtendNumLet,
 * the rest other.  A table: every byte of every article is classified. */
static const char ascii_class[129] = "0000000000000000"  /* 0x00 controls */
                                     "0000000000000000"  /* 0x10 controls */
                                     "1000000400005040"  /*  !"#$%&'()*+,-./ */
                                     "3333333333050000"  /* 0123456789:;<=>? */
                                     "2222222222222222"  /* @ABCDEFGHIJKLMNO */
                                     "2222222222200006"  /* PQRSTUVWXYZ[\]^_ */
                                     "0222222222222222"  /* `abcdefghijklmno */
                                     "2222222222200000"; /* pqrstuvwxyz{|}~ DEL */

/* The class of the code point at s[*i] (advancing *i past it), or
 * C_UNKNOWN: one the plain scan leaves to ICU. */
static int plain_class(const char *s, size_t len, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        (*i)++;
        return ascii_class[c] - '0';
    }
    unsigned cp = px_utf8_next(s, len, i);
    if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7) return C_LETTER; /* À..ÿ, not × ÷ */
    switch (cp) {
    case 0xA0:   /* no-break space */
    case 0xAB:   /* « */
    case 0xBB:   /* » */
    case 0x2013: /* – */
    case 0x2014: /* — */
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x2026: /* … */
        return C_OTHER;
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
        return C_MIDNUMLET;
    default:
        return C_UNKNOWN;
    }
}

/* One segment's end and its rule status, from start (class c there, the
 * next code point at *next): a run joined by the UAX #29 rules WB3d (space
 * runs), WB5-WB13b (letters, numbers, the marks inside them, connectors),
 * with the status ICU gives it: that of the last rule that joined, which
 * is the class of the code point it joined (a letter 200, a number 100:
 * "a1" is a number, "1a" a word), for "_" the class before it, and 0 for
 * a run of one that is neither.  cls[] holds the class of each code point. */
static size_t plain_run(const unsigned char *cls, size_t k, size_t n, int32_t *status)
{
    int c = cls[k];
    *status = c == C_LETTER ? UBRK_WORD_LETTER : c == C_NUMBER ? UBRK_WORD_NUMBER : 0;
    size_t j = k + 1;
    if (c == C_SPACE) {
        while (j < n && cls[j] == C_SPACE) j++;
        return j;
    }
    if (c != C_LETTER && c != C_NUMBER && c != C_EXTENDNUMLET) return j;
    int last = c;
    while (j < n) {
        int x = cls[j], after = j + 1 < n ? cls[j + 1] : C_UNKNOWN;
        if (x == C_LETTER || x == C_NUMBER || x == C_EXTENDNUMLET) {
            /* WB5, WB8, WB9, WB10, WB13a, WB13b: adjacent letters, numbers, "_" */
            if (x == C_EXTENDNUMLET)
                *status = last == C_NUMBER ? UBRK_WORD_NUMBER : UBRK_WORD_LETTER;
            else
                *status = x == C_NUMBER ? UBRK_WORD_NUMBER : UBRK_WORD_LETTER;
            last = x, j++;
            continue;
        }
        /* WB6/WB7: letter (MidNumLet) letter; WB11/WB12: number (MidNum|MidNumLet) number */
        if (last == C_LETTER && x == C_MIDNUMLET && after == C_LETTER) {
            *status = UBRK_WORD_LETTER;
        } else if (last == C_NUMBER && (x == C_MIDNUMLET || x == C_MIDNUM) && after == C_NUMBER) {
            *status = UBRK_WORD_NUMBER;
        } else {
            break;
        }
        last = after, j += 2;
    }
    return j;
}

/* The segments of s[0..len) by the plain scan, into t->raw as segments()
 * would put them; 0 (t->raw undefined) when a character is not plain. */
static int segments_plain(px_text *t, const char *s, size_t len)
{
    px__text_reserve((void **)&t->cls, &t->clscap, len + 1, 1);
    px__text_reserve((void **)&t->cpat, &t->cpatcap, len + 1, sizeof *t->cpat);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        t->cpat[n] = i;
        int c = plain_class(s, len, &i);
        if (c == C_UNKNOWN) return 0;
        t->cls[n++] = (unsigned char)c;
    }
    t->cpat[n] = len;
    t->raw.len = 0;
    for (size_t k = 0; k < n;) {
        int32_t status;
        size_t j = plain_run(t->cls, k, n, &status);
        size_t a = t->cpat[k], b = t->cpat[j];
        int kind;
        if (status == UBRK_WORD_NUMBER) kind = PX_TOKEN_NUMBER;
        else if (status == UBRK_WORD_LETTER) kind = PX_TOKEN_WORD;
        else kind = segment_kind(t, s, a, b);
        if (kind >= 0) px_vec_push(&t->raw, ((px_word){a, b, (px_token_kind)kind}));
        k = j;
    }
    return 1;
}

/* Collects ICU's segments, white space left out, into t->raw. */
static px_status segments_icu(px_text *t, const char *s, size_t len, px_error *err)
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
        else kind = segment_kind(t, s, a, b);
        if (kind >= 0) px_vec_push(&t->raw, ((px_word){a, b, (px_token_kind)kind}));
        a = b;
    }
    utext_close(&ut);
    return PX_OK;
}

static px_status segments(px_text *t, const char *s, size_t len, px_error *err)
{
    if (!t->icu_words_only && segments_plain(t, s, len)) return PX_OK;
    return segments_icu(t, s, len, err);
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
