/*
 * summary_sentence.c — whether a sentence may stand in a story summary.
 *
 * A summary line must read on its own, in the summary's voice.  So a
 * sentence is left out (PX_SUMMARY_NEVER) when it is page furniture: the
 * analysis's px_sentence_furniture(), and a few phrases no reporting
 * sentence uses ("click here", "all rights reserved") or a capitalised
 * label before a colon ("VIDEO:", "WATCH:").  It is a last resort
 * (PX_SUMMARY_WEAK) when it cannot be read alone:
 *   - a fragment: fewer than MIN_WORDS words, starting in lower case, not
 *     ending in a full stop or exclamation mark (after closing quotes and
 *     brackets), or without a verb-like word;
 *   - a question (a question heading or a rhetorical one: a summary states);
 *   - a heading: most of its longer words capitalised;
 *   - an opener that points outside the sentence: a conjunction ("And",
 *     "But", "So") or a pronoun whose antecedent is in an earlier sentence
 *     ("He", "She", "They", "It", "This"), or one that addresses the reader
 *     ("Note", "Consider", "Imagine");
 *   - longer than MAX_WORDS (a summary of 50-100 words has no room);
 *   - a quotation with no word outside its quotation marks, or one whose
 *     speaker is a pronoun ('"...," he said'): who says it is in
 *     another sentence.
 * It is second choice (PX_SUMMARY_VOICED) when half of it or more is inside
 * quotation marks, or it carries words that judge rather than report
 * (LOADED).
 */
#include <string.h>
#include <strings.h>

#include "compare/summary.h"

enum { MIN_WORDS = 6, MAX_WORDS = 50 };

static const char *const LOADED[] = {
    "slammed", "slams", "blasted", "blasts", "lashed", "ripped", "mocked", "fumed",
    "outrageous", "disgraceful", "shocking", "radical", "extremist", "regime", "so-called",
    "notorious", "infamous", "brutal", "disastrous", "pathetic", "hysterical", "bombshell",
    "caved", "backtracked", "meltdown", "scandal", "flip-flopped", "gaffe", "hypocritical",
    "hypocrisy", "shameful", "absurd", "ridiculous", "disgusting", "despicable", "insane",
    "idiotic", "stupid", "unhinged", "sham", "hoax", "smear", "propaganda", "liar",
};

/* First words that point outside the sentence. */
static const char *const OPENERS[] = {
    "and", "but", "so", "or", "yet", "nor", "plus", "however", "still", "instead", "also",
    "then", "he", "she", "they", "it", "its", "his", "her", "their", "them", "him", "this",
    "these", "those", "that", "there's", "we", "i", "you", "it's", "he's", "she's", "they're",
    /* addressing the reader: opinion, not report */
    "note", "consider", "remember", "imagine", "look", "watch", "read", "see", "listen",
};

/* A speaker that points outside the sentence. */
static const char *const PRONOUNS[] = {"he", "she", "they", "it", "we", "i", "you"};

/* Words that make a sentence's head read as a verb phrase. */
static const char *const VERBS[] = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "should", "shall", "did", "does", "do", "said", "says",
    "told", "made", "took", "gave", "came", "went", "got", "won", "lost", "left", "met",
    "led", "held", "sent", "set", "put", "hit", "shot", "cut", "ran", "saw", "began", "found",
    "brought", "thought", "knew", "fell", "rose", "paid", "sold", "struck", "spoke", "wrote",
};

/* Phrases of page furniture the analysis may not catch. */
static const char *const FURNITURE[] = {
    "click here", "all rights reserved", "javascript", "sign up for", "subscribe to",
    "read more", "follow us", "newsletter", "\xc2\xa9",
};

static const char *first_word(const char *s, size_t *n);

/* ---- a dateline before the sentence ----------------------------------- */

/* A dash that ends a dateline at s ("-", "--", en, em or horizontal bar),
 * followed by a space: its length with the space, else 0. */
static size_t dash_at(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    if (p[0] == '-') n = p[1] == '-' ? 2 : 1;
    else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94 || p[2] == 0x95)) n = 3;
    return n && p[n] == ' ' ? n + 1 : 0;
}

size_t px_summary_lead_in(const char *s)
{
    size_t i = 0, caps = 0;
    while ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == ' ' || s[i] == '.' || s[i] == '\'' || s[i] == '-') {
        if (s[i] == '-' && dash_at(s + i)) break;
        caps += s[i] >= 'A' && s[i] <= 'Z';
        i++;
    }
    while (i && s[i - 1] == ' ') i--;
    if (caps < 3 || (s[i] >= 'a' && s[i] <= 'z')) return 0;
    if (s[i] == ',' && s[i + 1] == ' ' && s[i + 2] >= 'A' && s[i + 2] <= 'Z') { /* ", Wash." */
        i += 2;
        while ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || s[i] == '.' ||
               (s[i] == ' ' && s[i + 1] >= 'A' && s[i + 1] <= 'Z'))
            i++;
    }
    while (s[i] == ' ') i++;
    if (s[i] == '(') { /* a wire tag: "(AP)" */
        const char *close = strchr(s + i, ')');
        if (!close || close - (s + i) > 20) return 0;
        i = (size_t)(close - s) + 1;
        while (s[i] == ' ') i++;
    }
    size_t d = dash_at(s + i);
    if (!d) return 0;
    i += d;
    while (s[i] == ' ') i++;
    size_t n;
    const char *w = first_word(s + i, &n);
    return n && *w >= 'A' && *w <= 'Z' ? i : 0; /* the sentence goes on with a capital */
}

size_t px_summary_words(const char *s)
{
    size_t n = 0;
    for (int in = 0; *s; s++) {
        int w = *s != ' ';
        n += w && !in;
        in = w;
    }
    return n;
}

static int letter(char ch)
{
    return ((ch | 32) >= 'a' && (ch | 32) <= 'z') || ch == '-' || ch == '\'';
}

static int in_list(const char *w, size_t n, const char *const *list, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((*w | 32) == list[i][0] && strlen(list[i]) == n && strncasecmp(w, list[i], n) == 0) return 1;
    return 0;
}

#define IN(w, n, list) in_list(w, n, list, sizeof list / sizeof *list)

static int contains(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++)
        if ((*s | 32) == (*needle | 32) && strncasecmp(s, needle, n) == 0) return 1;
    return 0;
}

static int is_quote_mark(const unsigned char *p)
{
    if (*p == '"' || *p == '\'') return 1;
    return p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9D || p[2] == 0x98 || p[2] == 0x99) ? 3 : 0;
}

/* The length of the double quotation mark at s ('"', U+201C, U+201D), else 0. */
static size_t double_quote(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (*p == '"') return 1;
    return p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9D) ? 3 : 0;
}

/* Share of the sentence's bytes inside double quotation marks; *outside
 * gets the count of letters outside them (0: a quotation without its
 * speaker). */
static double quoted_share(const char *s, size_t *outside)
{
    size_t inside = 0, total = strlen(s);
    *outside = 0;
    int open = 0;
    for (size_t i = 0; s[i]; i++) {
        size_t mark = double_quote(s + i);
        if (mark) open = !open, i += mark - 1;
        else if (open) inside++;
        else *outside += (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z');
    }
    return total ? (double)inside / (double)total : 0;
}

/* The last byte that is not space, a closing quote or a closing bracket. */
static char last_mark(const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        unsigned char ch = (unsigned char)s[n - 1];
        if (ch == ' ' || ch == '"' || ch == '\'' || ch == ')' || ch == ']') n--;
        else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                 (ch == 0x9D || ch == 0x99))
            n -= 3;
        else return (char)ch;
    }
    return 0;
}

typedef struct shape {
    size_t words, capitalised, long_words;
    int verb, loaded;
} shape;

static shape read_shape(const char *s)
{
    shape sh = {0};
    for (const char *p = s; *p;) {
        while (*p && !letter(*p)) p++;
        const char *w = p;
        while (*p && letter(*p)) p++;
        size_t n = (size_t)(p - w);
        if (!n) continue;
        sh.words++;
        if (n >= 4) {
            sh.long_words++;
            sh.capitalised += *w >= 'A' && *w <= 'Z';
        }
        if (IN(w, n, VERBS) || (n >= 4 && w[n - 2] == 'e' && w[n - 1] == 'd') ||
            (n >= 4 && *w >= 'a' && *w <= 'z' && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
             w[n - 2] != 'i'))
            sh.verb = 1;
        sh.loaded |= IN(w, n, LOADED);
    }
    return sh;
}

/* A label before a colon opens it: "VIDEO:", "WATCH:", "UPDATE:" (a word
 * in capitals, three letters or more). */
static int labelled(const char *s)
{
    size_t n = 0;
    while (s[n] >= 'A' && s[n] <= 'Z') n++;
    return n >= 3 && s[n] == ':';
}

/* Of a sentence that opens with a quotation, the first word outside
 * quotation marks (the speaker, in '"...," he said'), *n its length;
 * NULL for any other sentence or when there is none. */
static const char *speaker(const char *s, size_t *n)
{
    if (!double_quote(s)) return NULL;
    int open = 0;
    for (size_t i = 0; s[i]; i++) {
        size_t m = double_quote(s + i);
        if (m) open = !open, i += m - 1;
        else if (!open && ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')) return first_word(s + i, n);
    }
    return NULL;
}

/* The first word, past opening quotes and brackets; *n its length. */
static const char *first_word(const char *s, size_t *n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (int k; *p == ' ' || *p == '(' || (k = is_quote_mark(p)) != 0;) p += *p == ' ' || *p == '(' ? 1 : (size_t)k;
    const char *w = (const char *)p;
    while (*p && (letter((char)*p) || (*p == 0xE2 && p[1] == 0x80 && p[2] == 0x99))) p += *p == 0xE2 ? 3 : 1;
    *n = (size_t)((const char *)p - w);
    return w;
}

px_summary_fitness px_summary_sentence_fitness(const px_comparison *c, size_t article, size_t sentence)
{
    const px_article *art = c->articles[article];
    if (sentence >= art->sentences.len) return PX_SUMMARY_NEVER;
    const char *s = art->sentences.items[sentence].text;
    if (s) s += px_summary_lead_in(s);
    if (!s || !*s || px_sentence_furniture(c->analyses[article], sentence) != PX_FURNITURE_NONE)
        return PX_SUMMARY_NEVER;
    if (labelled(s)) return PX_SUMMARY_NEVER;
    for (size_t i = 0; i < sizeof FURNITURE / sizeof *FURNITURE; i++)
        if (contains(s, FURNITURE[i])) return PX_SUMMARY_NEVER;
    shape sh = read_shape(s);
    char end = last_mark(s);
    size_t n;
    const char *w = first_word(s, &n);
    int lower_start = n && *w >= 'a' && *w <= 'z';
    if (sh.words < MIN_WORDS || sh.words > MAX_WORDS || lower_start || (end != '.' && end != '!') ||
        !sh.verb || (n && IN(w, n, OPENERS)) ||
        (sh.long_words >= 3 && sh.capitalised * 10 > sh.long_words * 6))
        return PX_SUMMARY_WEAK;
    size_t outside;
    double quoted = quoted_share(s, &outside);
    size_t sn = 0;
    const char *who = speaker(s, &sn);
    if (quoted > 0 && (!outside || (who && IN(who, sn, PRONOUNS)))) return PX_SUMMARY_WEAK;
    if (sh.loaded || quoted >= 0.5) return PX_SUMMARY_VOICED;
    return PX_SUMMARY_FIT;
}
