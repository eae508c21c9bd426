/*
 * story.h — a story as grouping holds it in memory, and how well an
 * article (a px_doc) or another story fits it.
 *
 * A story is summed, not listed: the sum of its members' unit term and
 * specifics vectors (a centroid up to scale), kept to the strongest
 * PX_STORY_TERMS / PX_STORY_SPECIFICS keys; their quote 3-grams; the days
 * it spans; and the simhash and fingerprint of its latest members, to spot
 * copies.  So its memory is bounded whatever its size, and scoring an
 * article walks the article's keys and looks each up in the story's
 * vectors and quotes through their hash indexes (px_key_index), rebuilt
 * when the story changes.
 *
 * The score (px_match) is a weighted mean of what can be measured, the
 * weights in px_story_params:
 *
 *   terms      cosine of the term vectors: what happened
 *   specifics  cosine of the name-and-number vectors: to whom, where, how
 *              many.  Two events of one kind share terms and differ here,
 *              so it weighs more than terms (w_specifics 2 to w_terms 0.5
 *              by default).
 *
 * scaled down in proportion when specifics are measured but fall under
 * specifics_floor (the hard negative: one event's words around another's
 * names and numbers), multiplied by place_factor when the names both share
 * are all places (two events in one place: the same mountain, the same
 * team's city, with no person, group or other name in common), raised by
 * w_quotes times the share of the article's
 * quote 3-grams found in the story (quotes: shared quotations prove much,
 * none shared nothing), and then lowered by the gap in days between the
 * article's days and the story's (days.h: publication days and the days
 * the texts name): unchanged within a day, then by gap_penalty * ln(days),
 * so a follow-up weeks later needs clearly more in common than a same-day
 * report, unless it names the day the story is about.
 *
 * Ownership: a px_story owns its vectors; px_story_free() frees them.
 * px_story_save/px_story_load round-trip one through bytes (for the store).
 */
#ifndef PX_STORY_H
#define PX_STORY_H

#include "story/doc.h"
#include "story/similarity.h"

#define PX_STORY_TERMS 200
#define PX_STORY_SPECIFICS 100
#define PX_STORY_QUOTES 400
#define PX_STORY_MEMBERS 32

typedef struct px_story_params {
    double threshold;       /* join the best story at or above this score */
    double merge_threshold; /* batch merge pass: stories at or above this merge */
    int window;             /* days: stories quiet longer than this are not candidates */
    double w_terms, w_specifics; /* weights of the mean */
    double w_quotes;        /* added per unit of quote share, outside the mean */
    double gap_penalty;     /* score lost per e-fold of days apart */
    int copy_bits;          /* simhash distance at or under which an article is a copy */
    double terms_power, specifics_power; /* idf exponents (px_doc_weigh) */
    int refine;             /* batch: rounds of leave-one-out reassignment (refine.h) */
    double specifics_floor; /* specifics below this scale the score down in proportion */
    int link_floor;         /* days: a gap bridged only by a named day counts as at least this (days.h) */
    double place_factor;    /* the score's factor when the names shared are all places */
} px_story_params;

/* The defaults, tuned on ECB+ train and dev and GVA dev (see cluster.c). */
void px_story_params_default(px_story_params *p);

typedef struct px_member {
    int64_t article;
    uint64_t simhash, fingerprint;
} px_member;

typedef struct px_story {
    int64_t id;
    uint32_t size;                 /* articles */
    int32_t first_day, last_day;   /* publication days; PX_NO_DAY when no member is dated */
    px_day_counts pub_days, named_days; /* its members' days (days.h), the most counted */
    px_features terms, specifics;  /* weight: sum over members; sorted by key */
    px_key_index terms_index, specifics_index; /* of terms and specifics, for scoring */
    double terms_norm, specifics_norm;
    px_keys quotes;                /* sorted, unique */
    px_key_index quotes_index;     /* of quotes, for scoring */
    px_keys places;                /* its specifics' keys that are places (doc.h), sorted */
    PX_VEC(px_member) members;     /* the latest PX_STORY_MEMBERS */
    int dirty;                     /* changed since the owner last saved it */
} px_story;

typedef struct px_match {
    double score;
    double terms, specifics, quotes; /* -1 where not measured */
    int gap;                         /* days apart (closest days), -1 when a side has none */
    int places_only;                 /* 1: specifics measured, and every name shared is a place */
} px_match;

void px_story_init(px_story *s, int64_t id);
void px_story_add(px_story *s, int64_t article, const px_doc *d);
/* Adds b's members and vectors to a (b is left as it was). */
void px_story_absorb(px_story *a, const px_story *b);
void px_story_match(const px_story *s, const px_doc *d, const px_story_params *p, px_match *m);
void px_story_match_story(const px_story *a, const px_story *b, const px_story_params *p,
                          px_match *m);
/* Sets m->score from m's parts and gap (the formula above). */
void px_story_combine(px_match *m, const px_story_params *p);
/* The member d copies (same fingerprint, or simhash within copy_bits, and
 * the story's names and numbers: a template filled with others is no
 * copy), or NULL.  m is d's match against s. */
const px_member *px_story_copy_of(const px_story *s, const px_doc *d, int copy_bits,
                                  const px_match *match);
void px_story_save(const px_story *s, px_buf *out);
int px_story_load(px_story *s, const void *data, size_t len); /* -1: not a saved story */
void px_story_free(px_story *s);

/* 1 when specifics a and b (sorted) share a key that is a place on
 * neither side (pa, pb: sorted place keys); numbers count as names. */
int px_share_more_than_places(const px_features *a, const px_keys *pa, const px_features *b,
                              const px_keys *pb);

/* The story's days (days.h), borrowed from s. */
px_when px_story_when(const px_story *s);

#endif
