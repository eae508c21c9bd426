/*
 * compare_render.h — what the three comparison renderers (compare_text.c,
 * compare_json.c, compare_html.c) share: safe reads of the comparison
 * (labels, a fact's text, a quote use's sentence) and the figures every
 * report states (mean similarity, whether the languages differ).
 *
 * The renderers read the comparison as compare.h defines it and nothing
 * else; these helpers keep their bounds checks in one place, so a renderer
 * never indexes past a vector even if the comparison is inconsistent.
 */
#ifndef PX_COMPARE_RENDER_H
#define PX_COMPARE_RENDER_H

#include "compare/compare.h"

/* Article a's label: c->labels[a], else its id, else "?". */
const char *pxr_label(const px_comparison *c, size_t a);

/* The text of fact f (its best claim's), or "" when out of range. */
const char *pxr_fact_text(const px_comparison *c, const px_fact *f);

/* The article's own version of a quote use (its text, its sentence), or
 * NULL when the indexes are out of range. */
const px_quote *pxr_quote_of(const px_comparison *c, const px_quote_use *u);

/* The similarity of articles a and b (c->similarity row-major), or NULL. */
const px_similarity *pxr_similarity(const px_comparison *c, size_t a, size_t b);

/* Mean, lowest and highest score over the pairs a < b, with the articles
 * of the lowest and highest pair; over a story of more than
 * PX_SIMILARITY_MAX articles, over the pairs of its sample (sampled: the
 * sample's size, else 0).  All 0 when n < 2. */
typedef struct pxr_sim_stats {
    double mean, low, high;
    size_t low_a, low_b, high_a, high_b;
    size_t pairs;
    size_t sampled;
} pxr_sim_stats;
void pxr_similarity_stats(const px_comparison *c, pxr_sim_stats *out);

/* 1 when the articles are in more than one language; out (if not NULL)
 * gets the distinct codes, comma-separated, in first-seen order. */
int pxr_languages(const px_comparison *c, px_buf *out);

/* What fact f's outlets give differently, for a reader: "dead: 12 or 14;
 * event date: Tuesday or Wednesday" (each of f->disputed's conflicts: its
 * subject and its distinct values as written), appended to out.  Appends
 * nothing when the fact is not disputed; returns the number of conflicts
 * written. */
size_t pxr_fact_disputes(const px_comparison *c, const px_fact *f, px_buf *out);

/* How many facts article a reports (of any kind). */
size_t pxr_fact_count(const px_comparison *c, size_t a);

/* A mean similarity below this makes the reports say the inputs may not be
 * one story (unrelated articles score well under it on the seeds' scale). */
#define PXR_ONE_STORY 0.2

/* An article's date for a reader: its ISO date, or "undated" when it has
 * none or only a partial one ("--03-05": a month and day, no year). */
const char *pxr_date(const px_comparison *c, size_t a);

/* "1 quote", "2 quotes": n and the noun, plural unless n is 1, into a
 * buffer of the caller's (returned). */
const char *pxr_count(char *buf, size_t size, size_t n, const char *noun);

/* 1 when the articles are probably one story: their mean similarity is
 * at least PXR_ONE_STORY (or there is no pair to measure). */
int pxr_one_story(const px_comparison *c);

/* A headline for the story: the title most articles share (exactly); on
 * ties the longest, then the earliest article's in the fixed order of
 * claim.c; NULL when none has a title. */
const char *pxr_story_title(const px_comparison *c);

#endif
