/*
 * sentences.c — splitting text into sentences.
 *
 * Two passes.  ICU's sentence break iterator (UAX #29 rules; for English
 * with the "ss=standard" abbreviation suppression) runs over a UTF-8 UText,
 * so its boundaries are byte offsets into the caller's text and nothing is
 * copied to UTF-16.  Then our own pass revisits two kinds of candidate positions:
 *
 *   - every ICU boundary, which we may JOIN (undo), and
 *   - every "abbreviation. Word" inside an ICU sentence (ICU's suppression
 *     list swallowed it), where we may BREAK.
 *
 * The decision (decide() below) in order:
 *
 *   1. A line break always ends a sentence (readers give us paragraphs;
 *      a line break inside one is a caption, a byline or a list item).
 *   2. [.?!] and closing quotes/brackets, then a lower-case letter: JOIN.
 *      ICU already does this after "."; we add "?" and "!", so
 *      '"Why?" she asked.' and '"Stop!" he said.' stay one sentence.
 *      In English, a quoted question or exclamation followed by a name and
 *      a speech verb is one sentence too: '"Where is John?" Obama said.'
 *      (the attribution belongs to the quote; split, it is a fragment
 *      with a speaker and no words).
 *   3. Otherwise only a bare "." (no closing quote: '."' is a real end) right
 *      after a short run of ASCII letters and dots, W, can be revisited:
 *        - W a single capital (an initial, "J. R. R. Tolkien"): JOIN, unless
 *          a sentence starter of two letters or more follows ("Plan B. The").
 *        - W made of single letters and dots ("U.S", "D.C", "N.Y", "a.m"),
 *          or an ENDING abbreviation ("Inc", "Jr", "etc"): BREAK when the
 *          next word is a sentence starter ("The", "He", "But": see
 *          abbrev.c), else JOIN ("U.S. Secretary of State", "U.S. officials").
 *        - TITLE ("Sen. Smith"), MONTH ("Nov. 7") and JOIN ("vs.") kinds:
 *          always JOIN, even before "The"; a sentence rarely ends on them and
 *          a wrong split costs more than a wrong join.
 *        - NUMBERED ("No.", "Vol."): JOIN before a digit, else leave to ICU.
 *        - anything else: leave ICU's decision.
 *      Rules after the first bullet are English; for other languages only
 *      rules 1, 2 and the initial rule apply, plus, for German, ordinal
 *      dates: "am 3. Oktober" is one sentence.
 *
 * Each decision looks at most a few dozen bytes around the candidate, and
 * every byte is scanned a bounded number of times, so the whole is linear in
 * the input (10,000 "A. B. C." initials, a 200 KB word).
 */
#include <string.h>

#include <unicode/uchar.h>

#include "text/text_int.h"

enum { DEFER, JOIN, BREAK };

/* Byte length of a hard line break (LF, CR, VT, FF, NEL, LS, PS) at s[i], or 0. */
static size_t hard_break(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0x85) return 2;
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9))
        return 3;
    return 0;
}

/* Byte length of a white-space code point at s[i], or 0. */
static size_t space_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r') ? 1 : 0;
    size_t j = i;
    unsigned cp = px_utf8_next(s, len, &j);
    return u_isUWhiteSpace((UChar32)cp) && cp != 0xFFFD ? j - i : 0;
}

/* Start of the code point that ends at s[end] (exclusive), for end > 0. */
static size_t cp_start(const char *s, size_t floor, size_t end)
{
    size_t j = end - 1;
    while (j > floor && end - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
    return j;
}

/* Trims white space from both ends of [*a, *b). */
static void trim(const char *s, size_t len, size_t *a, size_t *b)
{
    size_t n;
    while (*a < *b && (n = space_at(s, *b, *a)) != 0) *a += n;
    while (*b > *a) {
        size_t j = cp_start(s, *a, *b);
        n = space_at(s, len, j);
        if (!n || j + n != *b) break;
        *b = j;
    }
}

/* Byte length of a closing quote or bracket ending at s[e] (exclusive). */
static size_t closer_before(const char *s, size_t e)
{
    unsigned char c = (unsigned char)s[e - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
        (c == 0x9D || c == 0x99)) /* ” ’ */
        return 3;
    if (e >= 2 && (unsigned char)s[e - 2] == 0xC2 && c == 0xBB) return 2; /* » */
    return 0;
}

/* Byte length of an opening quote or bracket at s[i]. */
static size_t opener_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\'' || c == '(' || c == '[') return 1;
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x98)) /* “ ‘ */
        return 3;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xAB) return 2; /* « */
    return 0;
}

static int is_alpha(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

/* 1 when w is single letters joined by dots: "U.S", "a.m", "N.Y". */
static int dotted_initials(const char *w, size_t n)
{
    if (n < 3) return 0;
    for (size_t i = 0; i < n; i++)
        if ((i % 2 == 0) != (is_alpha((unsigned char)w[i]) != 0) ||
            (i % 2 == 1 && w[i] != '.'))
            return 0;
    return n % 2 == 1;
}

/* The language rules decide() applies: English, German or only the
 * language-neutral ones. */
enum { LANG_OTHER, LANG_EN, LANG_DE };

/* 1 when a German month name starts at s[i] ("Oktober", "März"). */
static int german_month(const char *s, size_t len, size_t i)
{
    static const char *const months[] = {
        "Januar", "Februar", "M\xc3\xa4rz", "April", "Mai", "Juni", "Juli",
        "August", "September", "Oktober", "November", "Dezember",
    };
    for (size_t m = 0; m < sizeof months / sizeof *months; m++) {
        size_t n = strlen(months[m]);
        if (len - i >= n && !memcmp(s + i, months[m], n) &&
            (len - i == n || !is_alpha((unsigned char)s[i + n])))
            return 1;
    }
    return 0;
}

/* 1 when s[i] starts one to four capitalised words and then a speech verb:
 * "Obama said", "Sen. John Kerry asked".  The verbs are the few that
 * follow a quoted question or exclamation; the text layer keeps its own
 * short list because the analysis' cue table lives a layer above. */
static int name_then_speech_verb(const char *s, size_t len, size_t i)
{
    static const char *const verbs[] = {"said", "says", "asked", "asks", "added", "told",
                                        "replied", "shouted", "yelled", "exclaimed", "wrote"};
    size_t names = 0;
    for (;;) {
        size_t w = i;
        while (i < len && (is_alpha((unsigned char)s[i]) || s[i] == '.' || s[i] == '-' || s[i] == '\''))
            i++;
        size_t e = i;
        while (e > w && s[e - 1] == '.') e--; /* "said." */
        if (e == w) return 0;
        for (size_t v = 0; names > 0 && v < sizeof verbs / sizeof *verbs; v++)
            if (e - w == strlen(verbs[v]) && !memcmp(s + w, verbs[v], e - w)) return 1;
        if (i >= len || s[i] != ' ' || !is_upper((unsigned char)s[w]) || ++names > 4) return 0;
        i++;
    }
}

/*
 * Decides the candidate break between a sentence whose text ends at e
 * (exclusive, after trimming) and the next one, whose text starts at q.
 */
static int decide(const char *s, size_t len, size_t e, size_t q, int lang)
{
    if (q >= len || e == 0) return DEFER;

    /* Strip closing quotes and brackets (a few at most). */
    size_t k = e, n;
    int closed = 0;
    for (int i = 0; i < 4 && k > 0 && (n = closer_before(s, k)) != 0; i++) k -= n, closed = 1;
    if (k == 0) return DEFER;
    unsigned char term = (unsigned char)s[k - 1];

    /* The next word, past opening quotes. */
    size_t nw = q;
    for (int i = 0; i < 4 && nw < len && (n = opener_at(s, len, nw)) != 0; i++) nw += n;
    if (nw >= len) return DEFER;
    size_t j = nw;
    unsigned cp = px_utf8_next(s, len, &j);

    if ((term == '.' || term == '?' || term == '!') && u_islower((UChar32)cp)) return JOIN;
    if (closed && lang == LANG_EN && (term == '?' || term == '!') && name_then_speech_verb(s, len, nw))
        return JOIN;
    if (closed || term != '.') return DEFER;

    /* German ordinal dates: "am 3. Oktober" */
    if (lang == LANG_DE && k >= 2 && s[k - 2] >= '0' && s[k - 2] <= '9' && german_month(s, len, nw))
        return JOIN;

    /* W: the run of ASCII letters and dots before the final dot. */
    size_t wend = k - 1, w = wend;
    while (w > 0 && wend - w < 12 && (is_alpha((unsigned char)s[w - 1]) || s[w - 1] == '.')) w--;
    if (w == wend || s[w] == '.') return DEFER;
    if (w > 0) {
        unsigned char c = (unsigned char)s[w - 1];
        if (c < 0x80) {
            if (is_alpha(c) || (c >= '0' && c <= '9') || c == '.') return DEFER;
        } else {
            size_t b = cp_start(s, 0, w), t = b;
            if (u_isalnum((UChar32)px_utf8_next(s, len, &t))) return DEFER;
        }
    }
    const char *word = s + w;
    size_t wlen = wend - w;

    /* N: the next word if it is ASCII letters, and whether it starts sentences. */
    size_t nend = nw;
    while (nend < len && nend - nw < 16 && is_alpha((unsigned char)s[nend])) nend++;
    int starter = 0;
    if (nend > nw) {
        unsigned char after = nend < len ? (unsigned char)s[nend] : ' ';
        int continues = is_alpha(after) || (after >= '0' && after <= '9') || after == '-' ||
                        after == '.' || after >= 0x80;
        if (after == 0xE2 && nend + 2 < len && (unsigned char)s[nend + 1] == 0x80 &&
            (unsigned char)s[nend + 2] == 0x99)
            continues = 0; /* It’s */
        starter = !continues && px__sentence_starter(s + nw, nend - nw);
    }

    if (wlen == 1 && is_upper((unsigned char)word[0]))
        return starter && nend - nw > 1 ? BREAK : JOIN;
    if (lang != LANG_EN) return DEFER;

    px_abbrev_kind kind = px__abbrev_kind(word, wlen);
    if (kind == PX_ABBR_NONE && dotted_initials(word, wlen)) kind = PX_ABBR_ENDING;
    switch (kind) {
    case PX_ABBR_TITLE:
    case PX_ABBR_MONTH:
    case PX_ABBR_JOIN:
        return JOIN;
    case PX_ABBR_NUMBERED:
        return s[nw] >= '0' && s[nw] <= '9' ? JOIN : DEFER;
    case PX_ABBR_ENDING:
        return starter ? BREAK : JOIN;
    case PX_ABBR_NONE:
        break;
    }
    return DEFER;
}

/* Appends [a, b) trimmed, when something is left. */
static void emit(const char *s, size_t len, size_t a, size_t b, px_spans *out)
{
    trim(s, len, &a, &b);
    if (a < b) px_vec_push(out, ((px_span){a, b}));
}

/* 1 for English rules: lang NULL, empty, "und" (not known yet: news is
 * mostly English) or "en..." */
static int is_english(const char *lang)
{
    return !lang || !lang[0] || !strcmp(lang, "und") ||
           (lang[0] == 'e' && lang[1] == 'n' && !is_alpha((unsigned char)lang[2]));
}

UBreakIterator *px__text_sentence_iter(px_text *t, const char *lang)
{
    if (is_english(lang)) return t->sent[0].bi;
    char code[4];
    size_t n = 0;
    while (n < 3 && lang[n] >= 'a' && lang[n] <= 'z') code[n] = lang[n], n++;
    if (n < 2 || is_alpha((unsigned char)lang[n])) return t->sent[0].bi;
    code[n] = '\0';
    for (size_t i = 0; i < t->nsent; i++)
        if (!strcmp(t->sent[i].lang, code)) return t->sent[i].bi;
    if (t->nsent == PX_SENT_ITERS) return t->sent[0].bi;

    /* No "ss=standard" here: ICU 72's German list suppresses the break
     * after any word ending in "er." ("Er schrieb Bücher. Er starb." stays
     * one sentence), so only English, whose list we checked, gets it. */
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, code, NULL, 0, &st);
    if (U_FAILURE(st)) return t->sent[0].bi;
    memcpy(t->sent[t->nsent].lang, code, n + 1);
    t->sent[t->nsent++].bi = bi;
    return bi;
}

/* s[0..len) in UTF-16 into t->su, and when it is not all ASCII, the byte
 * offset of each UTF-16 unit (and of the end) into t->sat; 0 when s is not
 * valid UTF-8 (then nothing is defined). */
static int to_utf16(px_text *t, const char *s, size_t len, int32_t *n16, int *ascii)
{
    px__text_reserve((void **)&t->su, &t->sucap, len + 1, sizeof *t->su);
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80) t->su[i] = (UChar)(unsigned char)s[i], i++;
    *ascii = i == len;
    if (*ascii) {
        *n16 = (int32_t)len;
        return 1;
    }
    /* At most one UTF-16 unit per byte, so len + 1 offsets are enough. */
    px__text_reserve((void **)&t->sat, &t->satcap, len + 1, sizeof *t->sat);
    for (size_t k = 0; k < i; k++) t->sat[k] = k;
    size_t n = i;
    while (i < len) {
        size_t at = i;
        unsigned cp = px_utf8_next(s, len, &i);
        if (cp == 0xFFFD && i - at != 3) return 0; /* an invalid byte, not a real U+FFFD */
        if (cp >= 0x10000) {
            t->su[n] = (UChar)(0xD7C0 + (cp >> 10));
            t->sat[n++] = at;
            t->su[n] = (UChar)(0xDC00 | (cp & 0x3FF));
        } else {
            t->su[n] = (UChar)cp;
        }
        t->sat[n++] = at;
    }
    t->sat[n] = len;
    *n16 = (int32_t)n;
    return 1;
}

/* Points bi at s: at its UTF-16 copy in t->su when to_utf16() made one (its
 * boundaries are then UTF-16 offsets; *ascii says whether they equal byte
 * offsets, else t->sat maps them), else at a UTF-8 UText over s (*utf8 set;
 * the caller closes ut). */
static UErrorCode point_at(px_text *t, UBreakIterator *bi, const char *s, size_t len,
                           UText *ut, int *utf8, int *ascii)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n16;
    *utf8 = !to_utf16(t, s, len, &n16, ascii);
    if (*utf8) {
        utext_openUTF8(ut, s, (int64_t)len, &st);
        ubrk_setUText(bi, ut, &st);
    } else {
        ubrk_setText(bi, t->su, n16, &st);
    }
    return st;
}

/* Collects ICU's boundaries after 0 (the last is len) into t->bounds.
 *
 * ICU's iterator reads UTF-16; over a UTF-8 UText it converts a chunk at a
 * time behind an access function, which cost a third as much as the
 * iterator itself.  Converting the paragraph first (and mapping the
 * boundaries back to byte offsets) gives the same boundaries, since the
 * rules see the same code points either way.  Text that is not valid UTF-8
 * keeps the UText, whose handling of bad bytes the callers rely on. */
static px_status icu_bounds(px_text *t, UBreakIterator *bi, const char *s, size_t len,
                            px_error *err)
{
    UText ut = UTEXT_INITIALIZER;
    int utf8, ascii;
    UErrorCode st = point_at(t, bi, s, len, &ut, &utf8, &ascii);
    if (U_FAILURE(st)) {
        if (utf8) utext_close(&ut);
        return px_error_set(err, PX_EDEP, NULL, 0, 0, "ICU: sentence break: %s",
                            u_errorName(st));
    }
    t->bounds.len = 0;
    size_t prev = 0;
    for (int32_t b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
        size_t off = utf8 || ascii ? (size_t)b : t->sat[b];
        if (off <= prev || off > len) continue; /* defensive: keep them increasing */
        px_vec_push(&t->bounds, off);
        prev = off;
    }
    if (utf8) utext_close(&ut);
    if (!t->bounds.len || t->bounds.items[t->bounds.len - 1] != len)
        px_vec_push(&t->bounds, len);
    return PX_OK;
}

px_status px_text_sentences(px_context *ctx, const char *s, size_t len,
                            const char *lang, px_spans *out, px_error *err)
{
    if (!ctx || !ctx->text || !out || (!s && len))
        return px_error_set(err, PX_EUSAGE, NULL, 0, 0, "px_text_sentences: invalid argument");
    if (len == 0) return PX_OK;
    if (len > INT32_MAX)
        return px_error_set(err, PX_ETOOBIG, NULL, 0, 0, "text of %zu bytes is too long", len);
    px_text *t = ctx->text;
    int rules = is_english(lang) ? LANG_EN
              : lang[0] == 'd' && lang[1] == 'e' && !is_alpha((unsigned char)lang[2]) ? LANG_DE
                                                                                     : LANG_OTHER;
    px_status rc = icu_bounds(t, px__text_sentence_iter(t, lang), s, len, err);
    if (rc != PX_OK) return rc;

    size_t cur = 0, a = 0;
    for (size_t bi = 0; bi < t->bounds.len; bi++) {
        size_t b = t->bounds.items[bi];
        /* Inside the ICU sentence [a, b): line breaks, and "abbrev. Word". */
        for (size_t i = a; i < b; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c > '.' && c < 0xC2) continue; /* the common case: nothing to see */
            size_t h = hard_break(s, len, i);
            if (h) {
                emit(s, len, cur, i, out);
                cur = i + h;
                i += h - 1;
                continue;
            }
            if (s[i] != '.' || i + 1 >= b || !space_at(s, len, i + 1)) continue;
            size_t q = i + 1, n;
            while (q < b && !hard_break(s, len, q) && (n = space_at(s, len, q)) != 0) q += n;
            if (q < b && !hard_break(s, len, q) && decide(s, len, i + 1, q, rules) == BREAK) {
                emit(s, len, cur, i + 1, out);
                cur = i + 1;
            }
            i = q - 1;
        }
        a = b;
        if (b == len) break;

        /* At ICU's boundary b: keep it, or join the two sentences. */
        size_t ps = cur, pe = b;
        trim(s, len, &ps, &pe);
        if (ps == pe) { /* nothing pending: the boundary does not matter */
            cur = b;
            continue;
        }
        size_t q = b, n;
        while (q < len && !hard_break(s, len, q) && (n = space_at(s, len, q)) != 0) q += n;
        if (q < len && !hard_break(s, len, q) && decide(s, len, pe, q, rules) == JOIN) continue;
        emit(s, len, cur, b, out);
        cur = b;
    }
    emit(s, len, cur, len, out);
    return PX_OK;
}
