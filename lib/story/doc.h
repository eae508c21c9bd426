/*
 * doc.h — an article as story grouping sees it.
 *
 * Built on the article's profile (profile.h: terms, entities, quotes, day,
 * simhash) with what grouping needs besides:
 *
 *   terms      the profile's content-word stems plus the title's, which
 *              count twice (a title names the event; GVA bodies are often
 *              a page of other news)
 *   specifics  what tells two events of the same kind apart: proper names
 *              (capitalised words inside a sentence, entity names as the
 *              analysis finds them) and numbers of two digits or more
 *              (years, ages, tolls).  Two earthquakes share their words and
 *              differ here.
 *   fingerprint a hash of the body's words: the same article twice
 *   places     the keys (px_name_key) of the places the analysis finds, and
 *              of each word of their names ("New Zealand", "New",
 *              "Zealand"): which specifics only say where
 *   numbers    the keys of its numbers (of the specifics): how many, how
 *              old, which year, for the pair score (pair.h)
 *   years      the years it writes as numbers ("2013"): undated articles
 *              still tell which year they report (pair.h)
 *   named      the days the text names ("Sunday", "May 7, 2015"), resolved
 *              against the publication day: with it, the article's days
 *              (days.h), what its distance in time to a story is taken on
 *
 * Weights are set by px_doc_weigh() from document frequencies, so that a
 * doc can be built before the collection is known (batch mode) or against
 * the stream so far.  Both vectors are then L2-normalised.
 *
 * Ownership: px_doc owns its vectors; px_doc_free() frees them.
 */
#ifndef PX_DOC_H
#define PX_DOC_H

#include "story/days.h"
#include "story/df.h"
#include "story/profile.h"

/* Key domains: specifics never meet terms in the df table. */
#define PX_KEY_NAME 0x6e616d6500000000ULL
#define PX_KEY_NUMBER 0x6e756d6200000000ULL

typedef struct px_doc {
    px_profile p;        /* terms (body + title), entities, quotes, day, simhash */
    px_features specifics;
    uint64_t fingerprint;
    px_keys places;      /* keys of the places' names and of their words, sorted */
    px_keys numbers;     /* keys of its numbers (px_number_key), sorted, unique */
    px_keys years;       /* the years it writes (1900-2099), sorted, unique */
    int32_t named[PX_DOC_DAYS]; /* the days the text names, sorted (days.h) */
    size_t nnamed;
    px_features lead;    /* the content-word stems of the title and the first
                            PX_DOC_LEAD sentences: the event the report opens on */
    px_keys phrases;     /* word 3-grams of its content words and numbers,
                            sorted, unique: filled by px_doc_phrases() only */
} px_doc;

/* Sentences of the body in the lead (with the title). */
#define PX_DOC_LEAD 2

/* Fills d from an article and its analysis; ctx tokenises the title.
 * Weights are those of an empty collection until px_doc_weigh(). */
void px_doc_build(px_doc *d, px_context *ctx, const px_article *a, const px_analysis *an);
/* Fills d->phrases from the analysis d was built from (the pair model's
 * phrases feature, pair.h; grouping does without). */
void px_doc_phrases(px_doc *d, const px_analysis *an);
/* The keys to count in document frequencies: terms and specifics, unique. */
void px_doc_keys(const px_doc *d, px_keys *out);
/* Sets the weights: (1 + log tf) * idf^power, each vector L2-normalised.
 * A power above 1 lets rare keys dominate: a rare name says more about
 * which event this is than a common one. */
void px_doc_weigh(px_doc *d, const px_df *df, double terms_power, double specifics_power);
void px_doc_free(px_doc *d);

/* The article's days (days.h): its publication day p.day and the days it
 * names, over buf (room for PX_DOC_DAYS + 1). */
px_when px_doc_when(const px_doc *d, px_day_count *buf);

/* The key of a proper name or number as written ("Reid", "2,000"). */
uint64_t px_name_key(const char *s, size_t n);
uint64_t px_number_key(const char *s, size_t n);

#endif
