/*
 * article.h — the article as the library holds it (the public header sees an
 * opaque px_article), and the calls that build one.
 *
 * Ownership: every string of an article lives in a->arena; the vectors own
 * their item arrays.  px_article_free() frees both, so no field can leak.
 *
 * Life of an article: px_article_new(), then an extractor fills fields and
 * paragraphs (px_article_set, px_article_add_paragraph, ...), then
 * px_article_finish() joins the text, splits sentences and sets the
 * language.  After finish the article is read-only.
 */
#ifndef PX_ARTICLE_H
#define PX_ARTICLE_H

#include "text/text.h"

typedef struct px_sentence {
    size_t paragraph;  /* index into paragraphs */
    size_t start, end; /* byte span in that paragraph */
    const char *text;  /* NUL-terminated copy, in the arena */
} px_sentence;

struct px_article {
    px_arena arena;
    const char *id, *origin, *format, *url, *outlet, *title, *byline;
    const char *dateline, *wire, *language, *date, *text;
    px_date_source date_source;
    double date_confidence;
    PX_VEC(const char *) authors; /* names, from the byline or the page */
    PX_VEC(const char *) paragraphs;
    PX_VEC(const char *) removed;
    PX_VEC(px_sentence) sentences;
    const char *source;
    size_t source_len;
};

px_article *px_article_new(void);

/* Copies s[0..n) into the arena, trimmed of white space, and returns it;
 * NULL when nothing is left.  For setting fields: a->title = px_article_str(a, s, n). */
const char *px_article_str(px_article *a, const char *s, size_t n);

/* Appends a paragraph / a removed line (trimmed; empty ones are ignored). */
void px_article_add_paragraph(px_article *a, const char *s, size_t n);
void px_article_add_removed(px_article *a, const char *s, size_t n);

/* Sets the date if conf is higher than the date's current confidence. */
void px_article_set_date(px_article *a, const char *iso, px_date_source src, double conf);

/* Joins text, splits sentences, detects the language when not set.
 * Fails with PX_EDEP when ICU fails. */
px_status px_article_finish(px_context *ctx, px_article *a, px_error *err);

#endif
