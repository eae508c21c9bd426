/*
 * compare.h — the comparison of one story's articles, as the library holds
 * it.  px_compare() (compare.c) fills it in stages, each in its own file:
 *
 *   sources.c   whom each article credits, and which articles are
 *               near-copies of others (syndication): first, as agreements
 *               count a near-copy once
 *   entities.c  each person, organization and place joined across the
 *               articles, with what each outlet calls it (person_name.c
 *               splits and matches persons' names)
 *   claim.c     every sentence of every article becomes a claim, with the
 *               keys alignment needs (stem prefixes, entities, numbers,
 *               quote 3-grams)
 *   align.c     claims of different articles that say the same thing are
 *               linked; linked claims form a fact; each fact is labelled
 *               consensus (all articles), shared (several) or unique (one)
 *   quotes.c    each distinct quotation once, with every article that
 *               carries it: verbatim, partial or altered; its speaker and
 *               wording conflicts
 *   quote_text.c quotes another article prints as its own words, one word
 *               changed: wording conflicts
 *   slots.c     the fact model's values: per article, the ages, counts,
 *               conditions, charges, relations, roles, money, times, dates
 *               and places its sentences state, each tied to a story
 *               entity, a described person or the event (slot_*.c)
 *   judge.c     each slot across all articles: conflict, update,
 *               compatible or agreement (reads sources.c's copies)
 *   names.c     a story entity spelled differently by outlets (a name
 *               conflict), or the same by independent outlets (agreement)
 *   conflict.c  the order of the judged details
 *   disputes.c  the facts whose sentences give a conflict's differing values
 *   summary*.c  3-5 sentences, central, early and well supported, each cited
 *               to the outlets whose own sentence carries its names and
 *               numbers (summary.h)
 *
 * The renderers (lib/render/compare_*.c) read this struct and nothing else.
 *
 * Ownership: the comparison borrows the articles and analyses (px_compare's
 * contract); every string it makes lives in c->arena; vectors own their
 * items.  Indexes: `article` indexes c->articles, `claim` c->claims,
 * `fact` c->facts, `sentence` the article's sentences.
 */
#ifndef PX_COMPARE_H
#define PX_COMPARE_H

#include "analyze/analysis.h"
#include "story/profile.h"

typedef PX_VEC(size_t) px_indexes;

/* One sentence (or clause) of one article, with what alignment keys on. */
typedef struct px_claim {
    size_t article;
    size_t sentence;
    size_t start, end;  /* its span in the sentence (all of it, or a clause) */
    const char *text;
    px_features keys;   /* stem prefixes, idf-weighted over the story, unit length */
    px_keys entities;   /* hashes of the entity names mentioned (sorted) */
    px_keys quotes;     /* quoted word 3-grams (sorted) */
    size_t fact;        /* the fact it belongs to */
} px_claim;

/* An article's entity: index into c->analyses[article]->entities. */
struct px_pname;

typedef struct px_entity_ref {
    size_t article;
    size_t entity;
    const char *name;           /* what this article calls it, titles and "of ..." left out */
    const struct px_pname *pn;  /* a person's name split (person_name.h), or NULL: not a
                                 * person, or a "person" whose name looks like no one's */
} px_entity_ref;

/* One person, organization or place of the story, joined across its
 * articles (entities.c), with what each outlet calls it.  Two entities of
 * one article are never joined. */
typedef struct px_story_entity {
    const char *name;           /* the name most independent articles use, the fullest on ties */
    px_entity_type type;
    PX_VEC(px_entity_ref) refs; /* the articles' entities joined here, by article */
} px_story_entity;

typedef enum px_fact_kind {
    PX_FACT_CONSENSUS = 0, /* every article reports it */
    PX_FACT_SHARED,        /* several, not all */
    PX_FACT_UNIQUE         /* one article only */
} px_fact_kind;

const char *px_fact_kind_name(px_fact_kind kind); /* "consensus", "shared", "unique" */

typedef struct px_fact {
    px_fact_kind kind;
    px_indexes claims;   /* its claims, in article order */
    px_indexes support;  /* the articles that report it, ascending */
    size_t best;         /* the claim that states it best (shown as its text) */
    px_indexes disputed; /* conflicts (indexes into c->conflicts, ascending) two of whose
                          * differing values come from this fact's sentences (disputes.c) */
} px_fact;

typedef enum px_conflict_kind {
    PX_CONFLICT_NAME = 0,      /* same person, different names: John vs Josh Earnest */
    PX_CONFLICT_NUMBER,        /* an age, a count, an amount */
    PX_CONFLICT_DATE,          /* the day of the event */
    PX_CONFLICT_QUOTE_SPEAKER, /* the same quote, different speakers */
    PX_CONFLICT_QUOTE_WORDING, /* the same quote, worded differently */
    PX_CONFLICT_TIME,          /* the time of day */
    PX_CONFLICT_PLACE,         /* a street, a city, a venue */
    PX_CONFLICT_CONDITION,     /* killed, injured, critical, arrested, charged */
    PX_CONFLICT_ROLE,          /* a title or role */
    PX_CONFLICT_RELATION       /* "father of" */
} px_conflict_kind;

/* "name", "number", "date", "quote-speaker", "quote-wording", "time",
 * "place", "condition", "role", "relation". */
const char *px_conflict_kind_name(px_conflict_kind kind);

/* The attribute of an entity (or of the event) that values are given for:
 * the fine-grained kind.  Each slot belongs to one px_conflict_kind. */
typedef enum px_slot {
    PX_SLOT_NAME = 0,
    PX_SLOT_AGE,
    PX_SLOT_COUNT,
    PX_SLOT_MONEY,
    PX_SLOT_NUMBER,
    PX_SLOT_DATE,
    PX_SLOT_TIME,
    PX_SLOT_PLACE,
    PX_SLOT_CONDITION,
    PX_SLOT_ROLE,
    PX_SLOT_RELATION,
    PX_SLOT_QUOTE_SPEAKER,
    PX_SLOT_QUOTE_WORDING
} px_slot;

/* "name", "age", "count", "money", "number", "date", "time", "place",
 * "condition", "role", "relation", "quote-speaker", "quote-wording". */
const char *px_slot_name(px_slot slot);
/* The coarse kind a slot is reported under (age, count, money -> number). */
px_conflict_kind px_slot_kind(px_slot slot);

/* How the values of one slot across the story's articles relate. */
typedef enum px_judgment {
    PX_JUDGE_CONFLICT = 0, /* different values for the same time frame */
    PX_JUDGE_UPDATE,       /* a later article (a day or more) changes a value that can change */
    PX_JUDGE_COMPATIBLE,   /* approximate vs exact: "at least four" and "five" */
    PX_JUDGE_AGREEMENT     /* the same value from independent outlets */
} px_judgment;

/* "conflict", "update", "compatible", "agreement". */
const char *px_judgment_name(px_judgment j);

/* How a value is qualified: "at least four" is a lower bound. */
typedef enum px_qualifier {
    PX_QUAL_EXACT = 0,
    PX_QUAL_MIN,   /* "at least", "more than", "over" */
    PX_QUAL_MAX,   /* "up to", "nearly", "less than" */
    PX_QUAL_ABOUT  /* "about", "around", "some", "shortly before" */
} px_qualifier;

/*
 * One value an article states for one slot (slots.c), before judging.
 * `key` names what the value is of, together with the slot: a story
 * entity ("e12"), a person described but not named ("d:boy",
 * "d:e3's sister": kept apart from other descriptions), or an aspect of
 * the event ("dead", "event", "future").  Strings live in c->arena.
 */
typedef struct px_slot_value {
    px_slot slot;
    const char *key;
    long entity;          /* the story entity it is of, or -1 */
    const char *subject;  /* shown: "dead", "boy", a surname */
    size_t article, sentence;
    const char *value;    /* normalised ("16", "2017-01-09", "22:30", "critical") */
    double num;           /* numbers, minutes after midnight, days; 0 otherwise */
    px_qualifier qual;
    int no_conflict;      /* 1: only agreements are drawn from it (roles, places, years);
                           * PX_UPDATE_ONLY: agreements and updates, never a conflict
                           * (a value inferred, not stated: judge.c) */
    const char *surface;  /* the words as written */
    const char *pattern;  /* the rule: "age-apposition", "count-verb" */
} px_slot_value;

#define PX_UPDATE_ONLY 2

/* One article's side of a conflict or agreement. */
typedef struct px_value {
    size_t article;
    size_t sentence;      /* where the value came from; (size_t)-1: none */
    const char *value;    /* normalised: "John Earnest", "16", "2014-11-07", "22:30" */
    const char *surface;  /* as written: "16-year-old", "Monday"; NULL: same as value */
    const char *pattern;  /* the rule that found it: "age-apposition"; or NULL */
    int inferred;         /* quote speakers: carried from context, not named beside the quote */
} px_value;

typedef struct px_conflict {
    px_conflict_kind kind; /* coarse, px_slot_kind(slot) */
    px_slot slot;
    px_judgment judgment;
    const char *subject;   /* what it is about: "Earnest", "dead", a quote's start */
    const char *entity;    /* the story entity it is an attribute of; NULL: the event */
    PX_VEC(px_value) values;
    int agreement;         /* 1: judgment is agreement or compatible (old readers) */
} px_conflict;

typedef enum px_variant {
    PX_VARIANT_VERBATIM = 0, /* the same words */
    PX_VARIANT_PARTIAL,      /* a part of the fullest version */
    PX_VARIANT_ALTERED       /* different words */
} px_variant;

const char *px_variant_name(px_variant v); /* "verbatim", "partial", "altered" */

typedef struct px_quote_use {
    size_t article;
    size_t quote;          /* index into that article's analysis quotes */
    px_variant variant;    /* against the fullest version */
    const char *diff;      /* altered: "-removed +added" words; else NULL */
    int trivial;           /* altered only in small words or abbreviations */
} px_quote_use;

/* A quotation, once, with every article that carries it. */
typedef struct px_story_quote {
    const char *text;      /* the fullest version */
    const char *speaker;   /* the speaker most articles name, or NULL */
    PX_VEC(px_quote_use) uses;
} px_story_quote;

typedef struct px_citation {
    size_t article;
    const char *source;    /* "Reuters", "UPI" */
    const char *cue;       /* "reported", "wire tag" */
    size_t sentence;       /* (size_t)-1: from the dateline */
} px_citation;

typedef struct px_copy {
    size_t copy, original; /* article indexes: copy is a near-copy of original */
    int distance;          /* simhash bits that differ (0-64) */
    double overlap;        /* share of the copy's 4-gram shingles in the original */
} px_copy;

typedef struct px_summary_line {
    size_t claim;          /* the (first claim of the) sentence chosen */
    px_indexes support;    /* the articles it is cited to (summary_cite.c), ascending */
    const char *text;      /* the sentence, past a dateline (borrowed); NULL: the claim's text */
} px_summary_line;

/* The facts by article, so that what each article reports, has alone or
 * leaves out is read without a pass over every fact per article (which
 * grows as articles x facts).  px_compare_index_facts() fills it. */
typedef struct px_fact_index {
    size_t *count;       /* per article: the facts it supports */
    size_t *unique_off;  /* article a's unique facts: unique.items[unique_off[a] ..
                          * unique_off[a + 1]), ascending */
    px_indexes unique;
    px_indexes omittable; /* the facts an article that does not support them
                           * leaves out (see px_compare_omitted), ascending */
} px_fact_index;

struct px_comparison {
    px_arena arena;
    px_article *const *articles;   /* borrowed */
    px_analysis *const *analyses;  /* borrowed */
    size_t n;
    const char **labels;           /* a short name per article: outlet, else id */
    px_profile *profiles;          /* one per article: similarity and syndication */
    px_similarity *similarity;     /* n * n, row-major; the diagonal is 1; NULL when n
                                    * is over PX_SIMILARITY_MAX (see sample) */
    size_t *sample;                /* n over PX_SIMILARITY_MAX: the articles whose pairs
                                    * stand for all (PX_SIMILARITY_MAX of them, ascending) */
    px_similarity *sample_similarity; /* their matrix, sample_len^2, row-major */
    size_t sample_len;
    PX_VEC(px_story_entity) entities; /* the story's entities (entities.c) */
    long *entity_of;               /* entity_base[a] + i -> c->entities index, or -1 */
    size_t *entity_base;           /* per article: where its entities start in entity_of */
    size_t *copy_group;            /* per article: the first article of its near-copies
                                    * (c->copies joined transitively; entities.c) */
    PX_VEC(px_claim) claims;
    size_t *claim_rank;            /* claim -> its place in a fixed order: articles by
                                    * date, id, title; then place in the article */
    size_t *article_rank;          /* article -> its place in that order (claim.c) */
    PX_VEC(px_fact) facts;         /* consensus first, then shared, then unique */
    px_fact_index fact_index;      /* per article (px_compare_index_facts) */
    PX_VEC(px_slot_value) slot_values; /* slots.c, by article */
    PX_VEC(px_conflict) conflicts; /* conflicts, updates, compatible, agreements */
    PX_VEC(px_story_quote) quotes;
    PX_VEC(px_citation) citations;
    PX_VEC(px_copy) copies;
    PX_VEC(px_summary_line) summary;
};

/* Up to this many articles the similarity of every pair is computed (the
 * matrix: n^2 / 2 profile comparisons, 19,900 here); above it, only the
 * pairs of a sample of this many articles, chosen by a hash of their ids
 * (not by input order), give the mean, lowest and highest similarity. */
#define PX_SIMILARITY_MAX 200

/* The stages, in order (see above). */
void px_compare_sources(px_comparison *c);
void px_compare_entities(px_comparison *c);
void px_compare_claims(px_comparison *c);
/* A token's key in the claims' vectors (claim.c): a number as written, or
 * the first bytes of a content word's stem; 0 for any other token. */
uint64_t px_claim_key(const px_token *t);
void px_compare_align(px_comparison *c);
void px_compare_quotes(px_comparison *c);
void px_compare_slots(px_comparison *c);
void px_compare_judge(px_comparison *c); /* after px_compare_sources and px_compare_slots */
void px_compare_summary(px_comparison *c);

/* The story entity (index into c->entities) that entity `entity` of
 * article `article` was joined to; -1 when none (entity < 0 or unjoined). */
long px_compare_entity(const px_comparison *c, size_t article, long entity);

/* How many of the n articles listed are independent: near-copies of one
 * another (c->copies) count once.  Needs px_compare_entities() to have
 * run; time n log n. */
size_t px_compare_independent(const px_comparison *c, const size_t *articles, size_t n);

/* Name conflicts and agreements per story entity (names.c); runs after
 * the other conflicts and the quotes, whose subjects it looks at. */
void px_compare_names(px_comparison *c);

/* A key and the index it stands for (an article, a quote): the entries of
 * the stages' inverted indexes and samples.  px_posting_cmp orders them by
 * key, then index, for qsort. */
typedef struct px_posting {
    uint64_t key;
    size_t ref;
} px_posting;

int px_posting_cmp(const void *x, const void *y);

/* In an array of len items stride bytes apart, sorted by the uint64_t key
 * each opens with (the stages' inverted indexes), the run of items whose
 * key is key: [*lo, *hi), empty when none. */
void px_compare_run(const void *items, size_t len, size_t stride, uint64_t key, size_t *lo,
                    size_t *hi);

/* Orders c->conflicts: by judgment (conflicts, updates, compatible,
 * agreements), then slot, subject, entity and first value, so the order
 * never depends on the order the articles were given in. */
void px_compare_sort_conflicts(px_comparison *c);

/* The outlet article a's text names as itself ("Acme News's Washington
 * desk", "all Acme News articles": self_outlet.c), in c->arena; NULL when
 * it names none.  For labels. */
const char *px_compare_self_outlet(px_comparison *c, const px_article *a);

/* Fills each fact's `disputed` (disputes.c); after px_compare_sort_conflicts. */
void px_compare_disputes(px_comparison *c);

/* 1 when article a supports fact f (binary search of f->support). */
int px_fact_supported_by(const px_fact *f, size_t a);

/* Builds c->fact_index from c->facts (their support and kind); frees an
 * index built before.  px_compare_align() calls it; whoever fills c->facts
 * by other means (a test) calls it before the three below. */
void px_compare_index_facts(px_comparison *c);

/* The facts only article a reports / the facts others report that a leaves
 * out (supported by all the others, or by at least two of them and a
 * eighth of them: in a story of hundreds of articles, a fact two others
 * carry is no omission).  Appends fact indexes to out, ascending.  Need
 * c->fact_index. */
void px_compare_unique(const px_comparison *c, size_t a, px_indexes *out);
void px_compare_omitted(const px_comparison *c, size_t a, px_indexes *out);

/* How many facts article a supports.  Needs c->fact_index. */
size_t px_compare_fact_count(const px_comparison *c, size_t a);

#endif
