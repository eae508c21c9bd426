/*
 * slots.h — what the slot finders share (slots.c walks the sentences and
 * calls them; slot_people.c, slot_count.c and slot_event.c find values).
 *
 * A finder sees one sentence of one article at a time: its tokens
 * [t0, t1) in an->tokens, its numbers and its text.  Token helpers take
 * an absolute token index and answer "" / 0 outside the sentence, so a
 * pattern can look a few tokens either way without bounds checks.
 */
#ifndef PX_SLOTS_H
#define PX_SLOTS_H

#include "compare/compare.h"

typedef struct px_sx {
    px_comparison *c;
    size_t a;                  /* the article */
    const px_article *art;
    const px_analysis *an;
    size_t s;                  /* the sentence */
    const char *text;          /* its text */
    size_t t0, t1;             /* its tokens */
    size_t n0, n1;             /* its numbers in an->numbers */
    size_t d0, d1;             /* its dates in an->dates */
    int32_t day;               /* the article's publication day, or PX_NO_DAY */
    int undated_story;         /* 1: no article of the story has a publication day */
    const char *topic;         /* what the sentence tells of: "court", "arrest",
                                * "event" (the shooting, the deaths), or NULL */
    const unsigned char *quoted; /* per token of the sentence: inside quotation marks */
} px_sx;

/* The topic of a value at tokens [ti, tj): that of the topic word nearest
 * it in the sentence ("court", "arrest", "event"), words that tell who
 * says it left out ("according to prosecutors"), or NULL when the sentence
 * has none.  "Police charged Smith with shooting his daughter about 4
 * p.m." tells the time of the shooting, not of the charge. */
const char *pxs_topic_at(const px_sx *x, size_t ti, size_t tj);
/* The folded form of token i, "" outside the sentence. */
const char *pxs_norm(const px_sx *x, size_t i);
/* 1 when token i's folded form is w. */
int pxs_is(const px_sx *x, size_t i, const char *w);
/* 1 when token i's folded form is one of the NULL-terminated list. */
int pxs_in(const px_sx *x, size_t i, const char *const *list);
/* 1 when token i is written with a capital letter. */
int pxs_capital(const px_sx *x, size_t i);
/* The article's PERSON entity named (capitalised) at token i, or -1. */
long pxs_person(const px_sx *x, size_t i);
/* The story key of article entity e: "e<story entity>" (or "a<article>.<e>"
 * when it was not joined); its story entity into *story. */
const char *pxs_entity_key(const px_sx *x, long e, long *story);
/* The name to show for article entity e: its story entity's name. */
const char *pxs_entity_name(const px_sx *x, long e);
/* The bytes of tokens [i, j) as written, copied into c->arena. */
const char *pxs_surface(const px_sx *x, size_t i, size_t j);
/* 1 when token i is inside quotation marks (an odd number of them before it). */
int pxs_quoted(const px_sx *x, size_t i);
/* The first token starting at or after byte `at` of the sentence. */
size_t pxs_token_at(const px_sx *x, size_t at);
/* A copy of the printf result in c->arena. */
const char *pxs_printf(const px_sx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends a value found in this sentence (value, subject, key copied as
 * given: they must outlive the comparison, c->arena or static). */
void pxs_emit(const px_sx *x, px_slot slot, const char *key, long story_entity,
              const char *subject, const char *value, double num, px_qualifier qual,
              size_t ti, size_t tj, const char *pattern);

/* A person described but not named: "boy" in "a 15-year-old boy". */
int pxs_person_noun(const char *norm);
/* The qualifier of a px_number's qualifier text. */
px_qualifier pxs_qualifier(const char *q);

/* The finders, one sentence each. */
void pxs_ages(const px_sx *x);
void pxs_conditions(const px_sx *x);
void pxs_relations(const px_sx *x);
void pxs_counts(const px_sx *x);
void pxs_money(const px_sx *x);
void pxs_times(const px_sx *x);
void pxs_dates(const px_sx *x);
/* Per article, after its sentences: arrests told without a count, from
 * its values at index `from` on (slot_count.c). */
void pxs_custody(px_comparison *c, size_t a, size_t from);
/* Per article, after its sentences: the event's days more than 30 days
 * before the article's date, when it also gives one of the last 30 days,
 * are "earlier" (another, past event), from its values at index `from` on
 * (slot_event.c). */
void pxs_past_days(px_comparison *c, size_t a, size_t from);
/* After the finders: in a story where no one died, the count of the shot
 * is the count of the injured ("four people were shot", "four people were
 * wounded"): the shot are re-keyed "injured" (slot_count.c). */
void pxs_shot_as_injured(px_comparison *c);
/* Per article: places and roles (from the analysis's entities). */
void pxs_places(px_comparison *c, size_t a);
void pxs_roles(px_comparison *c, size_t a);
/* After the finders: the people that ages are told of, joined within an
 * article and across articles, each age re-keyed to its person
 * (slot_persons.c). */
void pxs_link_people(px_comparison *c);
/* After the finders: the values of one slot told in sentences that the
 * alignment made one fact, one value per article, keyed as one thing
 * (slot_facts.c). */
void pxs_align_values(px_comparison *c);
/* 1 when sentence s of article a is page furniture (the analysis's verdict,
 * or a few openings of our own until it has them). */
int pxs_furniture(const px_comparison *c, size_t a, size_t s);

#endif
