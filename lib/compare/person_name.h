/*
 * person_name.h — a person's name as the comparison reads it: split into
 * given names and a surname, cleaned of what is not the name, and matched
 * against another outlet's spelling (person_name.c).
 *
 * entities.c joins a story's persons with these; names.c reports how the
 * outlets spell them.
 */
#ifndef PX_PERSON_NAME_H
#define PX_PERSON_NAME_H

#include "compare/compare.h"

#define PX_PNAME_WORDS 6 /* words kept of a name (the last ones) */

typedef struct px_pname {
    const char *display;  /* as written, without titles before it and "of ..." after */
    const char *folded;   /* its words lower-cased, dots and commas dropped, one space
                           * apart; a suffix ("Jr.") is not among them */
    unsigned char start[PX_PNAME_WORDS], len[PX_PNAME_WORDS]; /* words of folded */
    unsigned char initial[PX_PNAME_WORDS]; /* 1: an initial or initials ("J.", "EJ") */
    int words;            /* words in folded: given names, then the surname last */
    int suffix;           /* 1: "Jr.", "Sr.", "II", "III" or "IV" followed the name */
    int gender;           /* 'm' / 'f' from the first given name's gazetteer entry, or 0 */
    int plausible;        /* 1: reads as a person's name (see px_pname_parse) */
} px_pname;

/* 1 when the story writes folded word w[0..n) in lower case somewhere. */
typedef int (*px_pname_lower_fn)(void *ud, const char *w, size_t n);

/* Parses name (an entity's canonical name) into *out; strings live in
 * arena.  A name with no letters yields words == 0.  With lower (may be
 * NULL), a first word the story also writes in lower case that is no
 * first name ("Neighbor Terisha Lawrence") is left out of a name of three
 * words or more, and makes a name of two implausible ("Raising Cane"). */
void px_pname_parse(px_arena *arena, const char *name, px_pname_lower_fn lower, void *ud,
                    px_pname *out);

/* How two spellings of one word (folded) relate: 2 the same, 1 a spelling
 * variant (Damerau-Levenshtein distance 1 for words of 5+ letters, 2 for
 * 8+; with the same phonetic key, 1 for 4+ letters, 2 for 6+; for 4+
 * letters, one vowel for another or two neighbouring letters swapped:
 * "Cate"/"Cete", "Abdi"/"Adbi"), 0 not. */
int px_name_word_variant(const char *a, size_t n, const char *b, size_t m);

/* The phonetic key of folded word w[0..n) into out (cap bytes, NUL
 * terminated): consonant classes, vowels dropped after the first letter,
 * doubles collapsed ("meyer", "meier" -> "MR"; "kristen", "kirsten" ->
 * "KRSTN"). Returns its length. */
size_t px_name_phonetic(const char *w, size_t n, char *out, size_t cap);

/* The given names of a against b's: 3 when either has none (a surname
 * alone), 2 compatible (equal, short form "Chris", nickname "Bill",
 * initial, middle names ignored), 1 a spelling variant, 0 different. */
int px_pname_given(const px_pname *a, const px_pname *b);

/* The surnames: 2 equal (or the first of two: "Luis Nava", "Luis Nava
 * Trujillo"), 1 a spelling variant or one part of a hyphenated surname
 * ("Rose-Robinson", "Robinson"; "Brull-Lapez", "Lopez": a part spelled
 * otherwise), 0 different. */
int px_pname_surname(const px_pname *a, const px_pname *b);

/* How far apart two full names are spelled: the edit distance of their
 * first given names plus that of their surnames, each counted at most 3
 * (0: the same first and last words).  entities.c joins the closest
 * spellings first. */
int px_pname_spelling_distance(const px_pname *a, const px_pname *b);
/* The surname of p (its last folded word) and its length. */
const char *px_pname_last(const px_pname *p, size_t *len);

#endif
