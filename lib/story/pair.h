/*
 * pair.h — how likely two articles report the same event: the score of
 * `parallax similarity` (px_similarity_of), with the evidence behind it.
 *
 * Two articles, viewed as grouping views them (doc.h) and weighed by
 * document frequencies (a store's, a batch's, or the table parallax ships,
 * dftable.h), give a few general signals (pair features):
 *
 *   terms       cosine of the content-word vectors: what happened
 *   specifics   cosine of the name-and-number vectors: to whom, where
 *   quotes      share of the smaller side's quoted 3-grams in the other
 *   places_only every name both share is a place: two events, one town
 *   gap         log(1 + days apart), the closest of their days (days.h)
 *   undated     the gap cannot be measured
 *   numbers     share of the smaller side's numbers in the other, and
 *   numbers_none both give two numbers or more and share none (counts,
 *               ages, years that differ)
 *   persons     Jaccard of the person surnames, and persons_none: both
 *               name people and no one is in both (other participants)
 *   places      share of the smaller side's place words in the other, and
 *               places_none: both name places and none is shared
 *   entities    cosine of the entity vectors (profile.h)
 *   years_none  both write years and none is on both sides: undated
 *               reports of two years' events
 *   lead        cosine of the leads (doc.h: the title and first sentences,
 *               numbers included): the event each report opens on
 *   phrases     share of the smaller side's content-word 3-grams in the
 *               other (px_doc_phrases; 0 when a side has none): the same
 *               wording, wire copy, the same details
 *   terms_undated, specifics_undated  terms and specifics again when the
 *               gap cannot be measured: without days, words and names
 *               must tell the events apart alone, and weigh otherwise
 *
 * and the score is a logistic model of them, its weights fitted on
 * labelled pairs by bench/similarity/fit.py with folds (pair_weights.h
 * names the data and the out-of-fold figures).  A probability: 0.5 is as
 * likely the same event as not.
 *
 * Ownership: nothing here allocates but px_pair_evidence's list, which the
 * caller frees with px_vec_free.
 */
#ifndef PX_PAIR_H
#define PX_PAIR_H

#include "story/doc.h"

enum {
    PX_PAIR_TERMS,
    PX_PAIR_SPECIFICS,
    PX_PAIR_QUOTES,
    PX_PAIR_PLACES_ONLY,
    PX_PAIR_GAP,
    PX_PAIR_UNDATED,
    PX_PAIR_NUMBERS,
    PX_PAIR_NUMBERS_NONE,
    PX_PAIR_PERSONS,
    PX_PAIR_PERSONS_NONE,
    PX_PAIR_PLACES,
    PX_PAIR_PLACES_NONE,
    PX_PAIR_ENTITIES,
    PX_PAIR_YEARS_NONE,
    PX_PAIR_LEAD,
    PX_PAIR_PHRASES,
    PX_PAIR_TERMS_UNDATED,
    PX_PAIR_SPECIFICS_UNDATED,
    PX_PAIR_NFEATURES
};

/* How the fitted model weighs and dates (pair_weights.h): the idf
 * exponents of terms and specifics (px_doc_weigh) and the link floor of
 * named days (days.h). */
extern const double px_pair_terms_power, px_pair_specifics_power;
extern const int px_pair_link_floor;

/* The features' names, in order (the bench's columns, the weights'). */
extern const char *const px_pair_feature_names[PX_PAIR_NFEATURES];

/* The features of docs a and b (weighed: px_doc_weigh) into x. */
void px_pair_features(const px_doc *a, const px_doc *b, int link_floor, double x[PX_PAIR_NFEATURES]);

/* The fitted model's probability that x is one event's pair, in (0, 1). */
double px_pair_score(const double x[PX_PAIR_NFEATURES]);

/* Weighs a and b by df (NULL: the shipped table) as the fitted model
 * expects, and returns their score; x (may be NULL) receives the
 * features. */
double px_pair_of(px_doc *a, px_doc *b, const px_df *df, double *x);

/* One shared key and how much it weighed: its share of the cosine it is
 * part of (terms or specifics). */
typedef enum px_evidence_kind {
    PX_EVIDENCE_WORD,   /* a content word (stem) */
    PX_EVIDENCE_NAME,   /* a proper name */
    PX_EVIDENCE_PLACE,  /* a name that is a place on either side */
    PX_EVIDENCE_NUMBER, /* a number of two digits or more */
} px_evidence_kind;

typedef struct px_evidence {
    uint64_t key;
    px_evidence_kind kind;
    double weight; /* the product of the two sides' weights */
} px_evidence;

typedef PX_VEC(px_evidence) px_evidences;

/* The keys a and b share, heaviest first, at most max of each vector
 * (terms, then specifics), appended to out. */
void px_pair_evidence(const px_doc *a, const px_doc *b, size_t max, px_evidences *out);

/* The text of key as article a writes it (a word whose stem it is, a name,
 * a number), else as the shipped table knows it, else NULL.  Borrowed
 * from a's analysis or the table.  Linear in a's tokens. */
const char *px_pair_key_text(const px_article *a, const px_analysis *an, uint64_t key,
                             px_evidence_kind kind, px_buf *scratch);

/* px_similarity_of for two built docs (weighed here by the shipped
 * table; their phrases filled, px_doc_phrases, or the feature is 0): the
 * pair model's score, and its parts as px_similarity reports them; x (may
 * be NULL) receives the features. */
void px_pair_similarity(px_doc *a, px_doc *b, px_similarity *out, double *x);

#endif
