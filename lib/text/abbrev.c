/*
 * abbrev.c — the English abbreviations and sentence starters that the
 * sentence splitter (sentences.c) and the word tokenizer (words.c) consult.
 *
 * ICU's sentence rules break after any "word." followed by a capital, and
 * its "ss=standard" suppression list is short and blunt (it never breaks
 * after "U.S.", even before "The").  News text needs finer rules, so each
 * abbreviation here has a kind that says what may follow it:
 *
 *   TITLE     Mr Dr Sen Gov ...   a name follows: never a sentence end
 *   MONTH     Jan Nov Sept ...    a day or year follows: never an end
 *   JOIN      vs v e.g i.e cf     something always follows: never an end
 *   NUMBERED  No Vol pp ...       an abbreviation only before a number
 *   ENDING    U.S D.C Inc Jr etc  often ends a sentence: a break only when
 *                                 the next word is a typical sentence start
 *
 * The lists are written for this project from ordinary English usage (AP
 * style abbreviations).  They are small, so a linear scan is as fast as
 * anything cleverer, and they are constant, so they need no initialisation
 * and are safe from any thread.
 */
#include <string.h>

#include "text/text_int.h"

typedef struct abbrev {
    const char *w; /* lower case, without the final dot */
    px_abbrev_kind kind;
} abbrev;

static const abbrev abbrevs[] = {
    /* titles and ranks */
    {"mr", PX_ABBR_TITLE}, {"mrs", PX_ABBR_TITLE}, {"ms", PX_ABBR_TITLE},
    {"messrs", PX_ABBR_TITLE}, {"mme", PX_ABBR_TITLE}, {"dr", PX_ABBR_TITLE},
    {"sen", PX_ABBR_TITLE}, {"sens", PX_ABBR_TITLE}, {"rep", PX_ABBR_TITLE},
    {"reps", PX_ABBR_TITLE}, {"gov", PX_ABBR_TITLE}, {"gen", PX_ABBR_TITLE},
    {"lt", PX_ABBR_TITLE}, {"col", PX_ABBR_TITLE}, {"sgt", PX_ABBR_TITLE},
    {"capt", PX_ABBR_TITLE}, {"cmdr", PX_ABBR_TITLE}, {"adm", PX_ABBR_TITLE},
    {"maj", PX_ABBR_TITLE}, {"cpl", PX_ABBR_TITLE}, {"pvt", PX_ABBR_TITLE},
    {"prof", PX_ABBR_TITLE}, {"rev", PX_ABBR_TITLE}, {"hon", PX_ABBR_TITLE},
    {"pres", PX_ABBR_TITLE}, {"supt", PX_ABBR_TITLE}, {"atty", PX_ABBR_TITLE},
    /* months (AP style abbreviates these five-letter-or-longer ones) */
    {"jan", PX_ABBR_MONTH}, {"feb", PX_ABBR_MONTH}, {"mar", PX_ABBR_MONTH},
    {"apr", PX_ABBR_MONTH}, {"jun", PX_ABBR_MONTH}, {"jul", PX_ABBR_MONTH},
    {"aug", PX_ABBR_MONTH}, {"sep", PX_ABBR_MONTH}, {"sept", PX_ABBR_MONTH},
    {"oct", PX_ABBR_MONTH}, {"nov", PX_ABBR_MONTH}, {"dec", PX_ABBR_MONTH},
    /* always followed by something */
    {"vs", PX_ABBR_JOIN}, {"v", PX_ABBR_JOIN}, {"cf", PX_ABBR_JOIN},
    {"e.g", PX_ABBR_JOIN}, {"i.e", PX_ABBR_JOIN}, {"viz", PX_ABBR_JOIN},
    /* before a number */
    {"no", PX_ABBR_NUMBERED}, {"nos", PX_ABBR_NUMBERED}, {"vol", PX_ABBR_NUMBERED},
    {"vols", PX_ABBR_NUMBERED}, {"p", PX_ABBR_NUMBERED}, {"pp", PX_ABBR_NUMBERED},
    {"fig", PX_ABBR_NUMBERED}, {"ch", PX_ABBR_NUMBERED}, {"art", PX_ABBR_NUMBERED},
    {"approx", PX_ABBR_NUMBERED}, {"ca", PX_ABBR_NUMBERED},
    /* may end a sentence */
    {"u.s", PX_ABBR_ENDING}, {"u.k", PX_ABBR_ENDING}, {"u.n", PX_ABBR_ENDING},
    {"e.u", PX_ABBR_ENDING}, {"d.c", PX_ABBR_ENDING}, {"a.m", PX_ABBR_ENDING},
    {"p.m", PX_ABBR_ENDING}, {"ph.d", PX_ABBR_ENDING}, {"inc", PX_ABBR_ENDING},
    {"corp", PX_ABBR_ENDING}, {"ltd", PX_ABBR_ENDING}, {"co", PX_ABBR_ENDING},
    {"bros", PX_ABBR_ENDING}, {"llc", PX_ABBR_ENDING}, {"plc", PX_ABBR_ENDING},
    {"jr", PX_ABBR_ENDING}, {"sr", PX_ABBR_ENDING}, {"st", PX_ABBR_ENDING},
    {"ave", PX_ABBR_ENDING}, {"blvd", PX_ABBR_ENDING}, {"dept", PX_ABBR_ENDING},
    {"etc", PX_ABBR_ENDING}, {"al", PX_ABBR_ENDING},
};

/* Words that begin sentences far more often than they continue a name after
 * "U.S." or "Inc.": pronouns, determiners, conjunctions, common openers. */
static const char *const starters[] = {
    "a", "according", "after", "all", "also", "although", "an", "and", "another",
    "as", "at", "because", "before", "both", "but", "despite", "during", "each",
    "earlier", "even", "for", "he", "her", "here", "his", "how", "however", "i",
    "if", "in", "instead", "it", "its", "last", "later", "many", "meanwhile",
    "more", "most", "my", "neither", "no", "not", "now", "officials", "on", "one",
    "or", "other", "our", "she", "since", "so", "some", "still", "such", "that",
    "the", "their", "then", "there", "these", "they", "this", "those", "though",
    "thus", "to", "today", "under", "we", "what", "when", "where", "which",
    "while", "who", "why", "with", "yet", "you", "your",
};

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* 1 when w[0..len) equals the lower-case NUL-terminated l, ignoring case. */
static int eq_fold(const char *w, size_t len, const char *l)
{
    size_t i = 0;
    for (; i < len && l[i]; i++)
        if (lower((unsigned char)w[i]) != l[i]) return 0;
    return i == len && !l[i];
}

px_abbrev_kind px__abbrev_kind(const char *w, size_t len)
{
    if (len == 0 || len > 8) return PX_ABBR_NONE;
    for (size_t i = 0; i < sizeof abbrevs / sizeof *abbrevs; i++)
        if (eq_fold(w, len, abbrevs[i].w)) return abbrevs[i].kind;
    return PX_ABBR_NONE;
}

int px__sentence_starter(const char *w, size_t len)
{
    if (len == 0 || len > 12 || !(w[0] >= 'A' && w[0] <= 'Z')) return 0;
    for (size_t i = 0; i < sizeof starters / sizeof *starters; i++)
        if (eq_fold(w, len, starters[i])) return 1;
    return 0;
}
