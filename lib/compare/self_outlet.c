/*
 * self_outlet.c — the outlet an article's text names as itself.
 *
 * A plain-text article carries no outlet field, and a file name says
 * little to a reader ("000_0de752108fcf7d4a").  Outlets often name
 * themselves in their own text, in phrases no other outlet writes about
 * them:
 *
 *   newsroom     "NAME's [up to three words] desk|newsroom|bureau", in a
 *                sentence that speaks to the reader ("you", "your"):
 *                "Arutz Sheva's North American desk is keeping you
 *                updated"; NAME is one to four capitalised words.  Without
 *                the reader, the phrase names others as often as itself:
 *                over the 1,072 articles of bench/basil and
 *                bench/clustering, "NAACP's Washington bureau", "CNN's
 *                newsroom" and a president's desk, never the outlet's own;
 *   own-pages    "all NAME articles|stories|reports" ("the time posted on
 *                all Acme News articles").
 *
 * "told NAME" or "NAME reported" are not cues: outlets write them of each
 * other.  The name written most often wins, the first on ties.  Only used
 * for labels (compare.c), after the outlet field and the dateline's wire.
 * Linear in the text.
 */
#include <string.h>

#include "compare/compare.h"

enum { MAX_WORDS = 4, MAX_NAME = 64, MAX_CANDIDATES = 8 };

static int upper(char ch) { return ch >= 'A' && ch <= 'Z'; }
static int alpha(char ch) { return (ch | 32) >= 'a' && (ch | 32) <= 'z'; }
static int name_char(char ch)
{
    return alpha(ch) || (ch >= '0' && ch <= '9') || ch == '-' || ch == '&' || ch == '.';
}

/* The capitalised words that end at text[end) (one space apart), at most
 * MAX_WORDS, a leading "The" left out: their start, or end when none. */
static size_t name_before(const char *text, size_t end)
{
    size_t start = end, words = 0;
    while (words < MAX_WORDS && start > 0) {
        size_t w = start;
        while (w > 0 && name_char(text[w - 1])) w--;
        if (w == start || !upper(text[w])) break;
        start = w, words++;
        if (start < 2 || text[start - 1] != ' ' || !name_char(text[start - 2])) break;
        start--; /* onto the space; undone below when no word precedes */
    }
    if (start < end && text[start] == ' ') start++;
    if (end - start > 4 && strncmp(text + start, "The ", 4) == 0) start += 4;
    return start;
}

/* 1 when text[at..) is the word w followed by a non-letter. */
static int word_at(const char *text, size_t at, const char *w)
{
    size_t n = strlen(w);
    return strncmp(text + at, w, n) == 0 && !alpha(text[at + n]);
}

/* 1 when the sentence that goes on at text[at..) holds "you" or "your". */
static int to_reader(const char *text, size_t at)
{
    for (; text[at] && text[at] != '.' && text[at] != '!' && text[at] != '?' && text[at] != '\n'; at++)
        if (!alpha(text[at - 1]) && (word_at(text, at, "you") || word_at(text, at, "your"))) return 1;
    return 0;
}

/* After a possessive at text[at..): up to three words, then a newsroom noun. */
static int newsroom_after(const char *text, size_t at)
{
    static const char *const nouns[] = {"desk", "newsroom", "bureau", NULL};
    for (int words = 0; words <= 3; words++) {
        for (size_t i = 0; nouns[i]; i++)
            if (word_at(text, at, nouns[i])) return 1;
        while (name_char(text[at])) at++;
        if (text[at] != ' ') return 0;
        at++;
    }
    return 0;
}

typedef struct candidate {
    size_t start, len, hits;
} candidate;

static void count(const char *text, candidate *c, size_t *n, size_t start, size_t end)
{
    if (end <= start || end - start > MAX_NAME) return;
    for (size_t i = 0; i < *n; i++)
        if (c[i].len == end - start && strncmp(text + c[i].start, text + start, end - start) == 0) {
            c[i].hits++;
            return;
        }
    if (*n < MAX_CANDIDATES) c[(*n)++] = (candidate){start, end - start, 1};
}

const char *px_compare_self_outlet(px_comparison *c, const px_article *a)
{
    const char *text = a->text;
    if (!text) return NULL;
    candidate cand[MAX_CANDIDATES];
    size_t n = 0;
    for (size_t i = 1; text[i]; i++) {
        size_t after = 0;
        if (text[i] == '\'' && text[i + 1] == 's' && text[i + 2] == ' ') after = i + 3;
        else if (strncmp(text + i, "\xe2\x80\x99s ", 5) == 0) after = i + 5;
        if (after && name_char(text[i - 1]) && newsroom_after(text, after) && to_reader(text, after)) {
            count(text, cand, &n, name_before(text, i), i);
            continue;
        }
        if (text[i] == 'a' && text[i - 1] == ' ' && strncmp(text + i, "all ", 4) == 0 && upper(text[i + 4])) {
            size_t end = i + 4;
            for (int words = 0; words < MAX_WORDS && upper(text[end]); words++) {
                size_t w = end;
                while (name_char(text[w])) w++;
                if (text[w] != ' ') break;
                if (word_at(text, w + 1, "articles") || word_at(text, w + 1, "stories") ||
                    word_at(text, w + 1, "reports")) {
                    count(text, cand, &n, i + 4, w);
                    break;
                }
                end = w + 1;
            }
        }
    }
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        if (best == SIZE_MAX || cand[i].hits > cand[best].hits) best = i;
    return best == SIZE_MAX ? NULL : px_arena_strndup(&c->arena, text + cand[best].start, cand[best].len);
}
