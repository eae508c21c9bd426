/*
 * quotes.h — what quotes.c (each quotation once, with its uses, speakers
 * and wording conflicts) shares with quote_text.c (quotes against other
 * articles' own words).  Internal to lib/compare.
 *
 * Quotes are compared on their normalised words: lower case, punctuation,
 * quote marks and dashes dropped, words one space apart ("We’re here." ->
 * "were here").
 */
#ifndef PX_QUOTES_H
#define PX_QUOTES_H

#include "compare/compare.h"

#define PXQ_MAX_BUCKET 64 /* quotes sharing one key that are paired all with all */

/* s normalised into out (reset first); out is the caller's. */
void pxq_normalise(const char *s, px_buf *out);
/* The starts of the words of normalised s into w (at most cap); their count.
 * The pointers point into s. */
size_t pxq_word_starts(const char *s, const char **w, size_t cap);
/* 1 when the words starting at x and y (normalised) are the same word. */
int pxq_same_word(const char *x, const char *y);
/* 1 when a word diff ("-x +y ...") against the fullest normalised text
 * full changes only small words, puts an abbreviation or digits for a
 * word, or, with elided (an ellipsis marks a cut), only leaves words out
 * or only adds them: no wording conflict. */
int pxq_trivial_diff(const char *diff, const char *full, int elided);
/* 1 when normalised word w[0..n) stands in raw text s in a token holding a
 * capital letter (a name). */
int pxq_capitalised_in(const char *w, size_t n, const char *s);
/* The analysis' quote of use u (borrowed from c). */
const px_quote *pxq_quote_of(const px_comparison *c, const px_quote_use *u);
/* 1 when conflict k already has this article's value (strcmp equal). */
int pxq_has_value(const px_conflict *k, size_t article, const char *value);
/* k's values put in the articles' fixed order (date, id: claim.c), stably. */
void pxq_order_values(const px_comparison *c, px_conflict *k);

/* Rule quote-text (quote_text.c): quotes that another article prints as
 * its own text with one word changed, each a wording conflict appended to
 * c->conflicts.  Reads c->quotes (built by px_compare_quotes), allocates
 * in c->arena; dies only on out-of-memory, like the rest of compare. */
void px_compare_quote_texts(px_comparison *c);

#endif
