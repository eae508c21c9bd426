/*
 * analysis.h — the analysis as the library holds it, and the finders that
 * fill it.
 *
 * px_analyze() (analyze.c) runs the finders in this order, each reading
 * what the earlier ones found:
 *
 *   tokens        analyze.c     words, norms, stems, stop words
 *   entities      entity*.c     names, aliases, pronouns and roles resolved
 *   numbers       number.c      numbers with their unit and qualifier
 *   dates         date.c        date expressions, resolved against a->date
 *   quotes        quote*.c      quotations and their speakers (uses entities)
 *   attributions  attribution.c sources credited (uses entities)
 *
 * px_analyze_light() (below) runs the part of them story grouping reads.
 *
 * Ownership: every string lives in an->arena or an->interned (the map's
 * copies of its keys); the vectors own their item
 * arrays.  The public structs' pointer fields (px_entity.aliases, ...)
 * point into vectors that the entity finder fills and never grows after
 * it returns.  px_analysis_free() frees it all.
 */
#ifndef PX_ANALYSIS_H
#define PX_ANALYSIS_H

#include "article/article.h"

typedef struct px_entity_data {
    px_entity pub;                  /* what the public accessor returns */
    PX_VEC(const char *) aliases;   /* pub.aliases points here */
    PX_VEC(const char *) roles;     /* pub.roles points here */
    PX_VEC(px_mention) mentions;    /* pub.mentions points here */
} px_entity_data;

typedef struct px_mention_ref {
    px_mention mention;
    long entity;
} px_mention_ref;

struct px_analysis {
    px_arena arena;
    px_map interned; /* string -> the map's copy of it (px_map_intern()) */
    PX_VEC(px_token) tokens;        /* sorted by sentence, then start */
    PX_VEC(px_entity_data) entities;
    PX_VEC(px_mention_ref) mention_index; /* every mention, by (sentence, start) */
    PX_VEC(px_quote) quotes;        /* in text order */
    PX_VEC(px_attribution) attributions;
    PX_VEC(px_number) numbers;
    PX_VEC(px_date_mention) dates;
    PX_VEC(unsigned char) furniture; /* per sentence, a px_furniture (furniture.c) */
    int light; /* made by px_analyze_light(): see there for what it leaves out */
};

/* Only the first stage, tokens: what the text speed bench measures and what
 * a caller needing no entities or quotes pays.  Same contract as
 * px_analyze(). */
px_status px_analyze_tokens(px_context *ctx, const px_article *a, px_analysis **out, px_error *err);

/*
 * What story grouping reads (story/doc.h), and nothing else: tokens,
 * entities with their names and types (px_find_entity_names), dates, and
 * quotations with their text (px_find_quote_spans).  Left out: numbers,
 * attributions, speakers, the roles written around a name in lower case
 * (titles before a name stay), and pronoun and role mentions; an->light
 * is 1.  Everything it has equals what px_analyze() finds, except that
 * entities carry only their name mentions, so a story's grouping view is
 * the same whichever built it (tests/unit/test_story.c checks this).
 *
 * Why: `parallax add` groups every article as it arrives, but shows and
 * compares only the stories asked for, and those commands analyse their
 * articles again in full (the store keeps fields, not analyses).  The
 * finders left out are about a third of the full analysis's time.  Not
 * for px_compare() or the JSON output: they would see no numbers, no
 * speakers.  Same contract as px_analyze().
 */
px_status px_analyze_light(px_context *ctx, const px_article *a, px_analysis **out,
                           px_error *err);

/* A copy of s[0..n) owned by the analysis, shared with equal strings of it. */
const char *px_analysis_intern(px_analysis *an, const char *s, size_t n);

/* The finders.  Each appends to its vector; fails only with PX_EDEP. */
px_status px_find_entities(px_context *ctx, const px_article *a, px_analysis *an, px_error *err);
px_status px_find_numbers(px_context *ctx, const px_article *a, px_analysis *an, px_error *err);
px_status px_find_dates(px_context *ctx, const px_article *a, px_analysis *an, px_error *err);
px_status px_find_quotes(px_context *ctx, const px_article *a, px_analysis *an, px_error *err);
/* The light finders (px_analyze_light): entities up to their names,
 * quotations without speakers. */
px_status px_find_entity_names(px_context *ctx, const px_article *a, px_analysis *an,
                               px_error *err);
px_status px_find_quote_spans(px_context *ctx, const px_article *a, px_analysis *an,
                              px_error *err);
px_status px_find_attributions(px_context *ctx, const px_article *a, px_analysis *an, px_error *err);

/*
 * Page furniture: a sentence that is not reporting but part of the page
 * around it ("Read or Share this story:", "Please enable Javascript to
 * watch this video", "Copyright 2016 WXYZ", a tip line, a photo credit,
 * "RELATED: ...", an editor's note).  No fact is drawn from it.
 */
typedef enum px_furniture {
    PX_FURNITURE_NONE = 0,  /* reporting */
    PX_FURNITURE_SHARE,     /* share and follow prompts */
    PX_FURNITURE_MEDIA,     /* video, JavaScript and player notices */
    PX_FURNITURE_COPYRIGHT, /* copyright and rights lines */
    PX_FURNITURE_CONTACT,   /* tip lines, phone and e-mail contact lines */
    PX_FURNITURE_CAPTION,   /* photo captions and credits */
    PX_FURNITURE_LINK,      /* "RELATED:", "PREVIOUS:", "Click here", "Read more" */
    PX_FURNITURE_NOTE       /* editors' notes, corrections, updates to the page */
} px_furniture;

/* "none", "share", "media", "copyright", "contact", "caption", "link", "note". */
const char *px_furniture_name(px_furniture f);

/* Fills an->furniture, one entry per sentence.  Fails only with PX_EDEP. */
px_status px_find_furniture(px_context *ctx, const px_article *a, px_analysis *an, px_error *err);

/* What sentence s is; PX_FURNITURE_NONE when it is reporting, when the
 * finder did not run (a light analysis) or s is out of range. */
px_furniture px_sentence_furniture(const px_analysis *an, size_t sentence);

/*
 * The entity with a mention overlapping [start, end) of sentence, or -1.
 * For the quote and attribution finders: "he said" finds the entity that
 * "he" was resolved to.  Mentions are sorted, so this is a binary search.
 */
long px_entity_at(const px_analysis *an, size_t sentence, size_t start, size_t end);

#endif
