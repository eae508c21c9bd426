/*
 * summary.h — the parts of the story summary (summary*.c), internal to
 * lib/compare.
 *
 *   summary_sentence.c  whether a sentence may stand in a summary at all
 *                       (not furniture, a heading, a fragment, a question, a
 *                       conjunction or pronoun opener, mostly quotation)
 *   summary_cite.c      which outlets a sentence may be cited to: those whose
 *                       own aligned sentence carries its names and numbers,
 *                       never one that gives another value
 *   summary.c           ranking (centrality, support, position, event
 *                       content, closeness to the headlines) and the choice
 *                       of up to 5 sentences, 100 words
 */
#ifndef PX_COMPARE_SUMMARY_H
#define PX_COMPARE_SUMMARY_H

#include "compare/compare.h"

/* How fit a sentence is for a summary.  Lower is better: a summary takes
 * PX_SUMMARY_FIT sentences first (and PX_SUMMARY_VOICED ones with them, at
 * a cost, when weights.voiced > 0) and falls back a level only when it has
 * fewer than weights.min_lines lines. */
typedef enum px_summary_fitness {
    PX_SUMMARY_FIT = 0,   /* plain reporting in the summary's own voice */
    PX_SUMMARY_VOICED,    /* sound but mostly a quotation, or loaded words */
    PX_SUMMARY_WEAK,      /* a fragment, heading, question or dangling opener */
    PX_SUMMARY_NEVER      /* page furniture or empty: never shown */
} px_summary_fitness;

/* The fitness of sentence `sentence` of article `article`.  Reads the
 * article's text and its analysis (tokens, furniture); no allocation. */
px_summary_fitness px_summary_sentence_fitness(const px_comparison *c, size_t article, size_t sentence);

/* The bytes of a dateline that opens sentence s ("MUKILTEO, Wash. - ",
 * "WASHINGTON -- ", "BEIRUT, Lebanon (AP) â "): a place in capitals, an
 * optional region, an optional wire tag in brackets, a dash, and then a
 * capital.  0 when s opens otherwise.  The summary shows the sentence from
 * there. */
size_t px_summary_lead_in(const char *s);

/* Words in s (runs of non-space bytes). */
size_t px_summary_words(const char *s);

/* Where sentences' claims start: first[base[a] + s] is the first claim of
 * sentence s of article a (claims are in article, sentence order).  Both
 * arrays are malloc'ed by px_summary_index(); free them. */
typedef struct px_summary_index {
    size_t *base;  /* n + 1 entries */
    size_t *first; /* base[n] + 1 entries: first[base[n]] == c->claims.len */
} px_summary_index;

void px_summary_index_make(const px_comparison *c, px_summary_index *ix);
void px_summary_index_free(px_summary_index *ix);

/* A value another outlet gives where a summary sentence gives its own:
 * the same slot of the same subject (slots.c: a count of the dead, an
 * age, a time, a date) with a value that is not compatible. */
typedef struct px_summary_other {
    size_t article;
    const px_slot_value *value; /* in c->slot_values */
} px_summary_other;
typedef PX_VEC(px_summary_other) px_summary_others;

/* The outlets sentence `sentence` of article `article` may be cited to,
 * ascending, always including `article` itself, into out (emptied first).  An
 * article b != article is cited when one of its sentences is aligned with
 * this one (shares a fact) and carries the same people and numbers and no
 * other date, and when no conflict (judgment "conflict") gives b another
 * value than this sentence gives.  Returns 1 when this sentence holds a
 * value some outlet disputes, else 0.  When `others` is not NULL it is
 * emptied and gets, per outlet not cited whose aligned sentence gives
 * another value for one of this sentence's slots, the first such value
 * (at most one per outlet, ascending by outlet). */
int px_summary_cite(const px_comparison *c, const px_summary_index *ix, size_t article, size_t sentence,
                    px_indexes *out, px_summary_others *others);

/* Independent outlets among `cited`: a near-copy counts only when its
 * original is not cited too. */
size_t px_summary_independent(const px_comparison *c, const px_indexes *cited);

/* The weights of the summary's ranking (summary.c explains each), and its
 * target length: lines are added until there are at least `min_lines` and
 * at least max(`words`, `share` x the story's words) words (at most 5
 * lines, 100 words); past `min_lines`, a line that would overshoot the
 * target by more than `over` times the words still wanted is passed over
 * (0: never).  `voiced` > 0 ranks mostly-quoted or loaded sentences with
 * the plain ones, that much lower; 0 keeps them second choice. */
typedef struct px_summary_weights {
    double central, headline, support, lead, event, disputed, share, voiced, over;
    size_t words, min_lines;
} px_summary_weights;

extern const px_summary_weights px_summary_default_weights;

/* px_compare_summary() with other weights (bench/summary fits them):
 * fills c->summary, which must be empty. */
void px_compare_summary_weighted(px_comparison *c, const px_summary_weights *w);

#endif
