/*
 * language.c — which language a text is in, with libexttextcat.
 *
 * textcat compares the n-gram profile of the text with ~160 language
 * profiles (fpdb.conf) and returns the candidates scoring within 3% of the
 * best, best first, each named by fpdb.conf's second column ("en--utf8",
 * "zh-CN-utf8"); none when the text is too short, or when too many tie.
 *
 * We keep the language part of each name (before the first "-") and map it
 * to an ISO 639-1 code through the table below (the two-letter codes
 * fpdb.conf has; the deprecated "sh" is left out).  Candidates without an
 * ISO 639-1 code (Scots "sco", Hawaiian "haw", ...) are skipped: Scots'
 * profile is close to English and wins short English texts, while news in
 * Scots is rare.  The best candidate left is the answer, unless one of
 * another language scores within AMBIGUOUS_PERMILLE of it: then "und".
 * textcat's own 3% window is too wide for that: Spanish news comes back as
 * "es, ca" with Catalan 2.6% behind.
 *
 * Before textcat, a stop-word vote (stopword_vote()): the function words
 * of the languages we keep lists for (en de fr es it nl pt) are counted in
 * the first VOTE_BYTES; a language whose words make at least a fifth of
 * all words, twice as many as the runner-up's, is the answer.  News prose
 * in those languages passes that bar by far (English runs 40-50%), and the
 * vote costs a few microseconds where textcat's comparison with 160
 * profiles costs half a millisecond per article, more than the rest of the
 * analysis.  Anything less clear-cut still goes to textcat.
 *
 * Cost is bounded: textcat sees at most the first MAX_BYTES of the text,
 * cut at a code point boundary and before any invalid UTF-8 (textcat's
 * UTF-8 decoding assumes valid input).  Too little to tell is "und"
 * without asking textcat: fewer than MIN_LETTERS letters, or fewer than
 * MIN_DISTINCT different ones ("aaaa...", which textcat calls Akan).
 */
#include <string.h>

#include <libexttextcat/textcat.h>
#include <unicode/uchar.h>

#include "text/text_int.h"

#define MAX_BYTES 4096
#define MIN_LETTERS 40
#define MIN_DISTINCT 8
#define AMBIGUOUS_PERMILLE 10
#define VOTE_BYTES 1024
#define VOTE_MIN_WORDS 30
#define VOTE_MAX_WORDS 80 /* enough to decide */

static const char codes[][3] = {
    "ab", "af", "ak", "am", "ar", "ay", "az", "be", "bg", "bi", "bm", "bn", "bo", "br",
    "bs", "ca", "cs", "cy", "da", "de", "dv", "ee", "el", "en", "eo", "es", "et", "eu",
    "fa", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gu", "gv", "ha", "he", "hi",
    "hr", "ht", "hu", "hy", "ia", "id", "is", "it", "ja", "ka", "kk", "kl", "km", "kn",
    "ko", "ky", "la", "lb", "lg", "ln", "lo", "lt", "lv", "mi", "mk", "ml", "mn", "mr",
    "ms", "mt", "my", "nb", "ne", "nl", "nn", "nr", "ny", "oc", "om", "pa", "pl", "pt",
    "rm", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "so", "sq",
    "sr", "ss", "st", "sv", "sw", "ta", "tg", "th", "ti", "tk", "tl", "tn", "tr", "ts",
    "tt", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "wa", "xh", "yi", "yo", "zh", "zu",
};

/* The static ISO 639-1 code for textcat's name s[0..n) ("en--utf8"), or NULL. */
static const char *iso_code(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] != '-') k++;
    if (k != 2) return NULL;
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        if (codes[i][0] == s[0] && codes[i][1] == s[1]) return codes[i];
    return NULL;
}

/* The language of textcat's n candidates c (best first), or "und". */
static const char *best(const candidate_t *c, int n)
{
    const char *found = NULL;
    int score = 0;
    for (int i = 0; i < n; i++) {
        const char *iso = iso_code(c[i].name, strlen(c[i].name));
        if (!iso) continue;
        if (!found) {
            found = iso, score = c[i].score;
        } else if (iso != found &&
                   (long long)c[i].score * 1000 < (long long)score * (1000 + AMBIGUOUS_PERMILLE)) {
            return "und";
        }
    }
    return found ? found : "und";
}

/* 1 when s[0..n) (valid UTF-8) has enough letters, and enough different
 * ones, to be worth classifying. */
static int enough_letters(const char *s, size_t n)
{
    UChar32 seen[MIN_DISTINCT];
    size_t letters = 0, distinct = 0;
    for (size_t i = 0; i < n && (letters < MIN_LETTERS || distinct < MIN_DISTINCT);) {
        UChar32 cp = u_tolower((UChar32)px_utf8_next(s, n, &i));
        if (!u_isalpha(cp)) continue;
        letters++;
        size_t k = 0;
        while (k < distinct && seen[k] != cp) k++;
        if (k == distinct && distinct < MIN_DISTINCT) seen[distinct++] = cp;
    }
    return letters >= MIN_LETTERS && distinct >= MIN_DISTINCT;
}

/* The language whose stop words clearly dominate s[0..n), or NULL.  Words
 * are runs of letters and apostrophes, ASCII-lowercased (non-ASCII bytes
 * are kept as they are: enough for counting function words). */
static const char *stopword_vote(const char *s, size_t n)
{
    static const char *const langs[] = {"en", "de", "fr", "es", "it", "nl", "pt"};
    enum { NLANG = sizeof langs / sizeof *langs };
    size_t hits[NLANG] = {0}, words = 0;
    char w[13];
    for (size_t i = 0; i < n && words < VOTE_MAX_WORDS;) {
        size_t k = 0;
        while (i < n && ((unsigned char)s[i] >= 0x80 || (s[i] >= 'A' && s[i] <= 'Z') ||
                         (s[i] >= 'a' && s[i] <= 'z') || s[i] == '\'')) {
            char c = s[i++];
            if (k < sizeof w) w[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            k++;
        }
        if (k == 0) {
            i++;
            continue;
        }
        words++;
        if (k > sizeof w) continue; /* too long to be a function word */
        unsigned in = px__stopword_langs(w, k);
        for (int l = 0; in && l < NLANG; l++) hits[l] += in >> px__stopword_list(langs[l]) & 1;
    }
    int best = 0, second = -1;
    for (int l = 1; l < NLANG; l++) {
        if (hits[l] > hits[best]) second = best, best = l;
        else if (second < 0 || hits[l] > hits[second]) second = l;
    }
    if (words < VOTE_MIN_WORDS || hits[best] * 5 < words || hits[best] < 2 * hits[second])
        return NULL;
    return langs[best];
}

/* The first bytes of s[0..len) textcat may see (at most MAX_BYTES, at a
 * code point boundary, before any invalid UTF-8), or 0 when too few
 * letters to tell. */
static size_t prefix(const char *s, size_t len)
{
    size_t n = len < MAX_BYTES ? len : MAX_BYTES;
    while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    size_t bad;
    if (!px_utf8_check(s, n, &bad)) n = bad;
    return enough_letters(s, n) ? n : 0;
}

/* textcat's decision on s[0..n) (a prefix()). */
static const char *textcat(px_text *t, const char *s, size_t n)
{
    /* A NUL-terminated copy: textcat is old code; give it a C string. */
    px__text_reserve((void **)&t->c1, &t->c1cap, n + 1, 1);
    memcpy(t->c1, s, n);
    t->c1[n] = '\0';
    candidate_t *c = t->textcat_out;
    return best(c, textcat_ClassifyFull(t->textcat, t->c1, n, c));
}

const char *px_text_language(px_context *ctx, const char *s, size_t len)
{
    if (!ctx || !ctx->text || !s || !len) return "und";
    size_t n = prefix(s, len);
    if (!n) return "und";
    const char *voted = stopword_vote(s, n < VOTE_BYTES ? n : VOTE_BYTES);
    if (voted) return voted;
    return textcat(ctx->text, s, n);
}

const char *px__text_language_textcat(px_context *ctx, const char *s, size_t len)
{
    if (!ctx || !ctx->text || !s || !len) return "und";
    size_t n = prefix(s, len);
    return n ? textcat(ctx->text, s, n) : "und";
}

const char *px__text_language_vote(const char *s, size_t len)
{
    if (!s || !len) return NULL;
    size_t n = prefix(s, len);
    return n ? stopword_vote(s, n < VOTE_BYTES ? n : VOTE_BYTES) : NULL;
}
