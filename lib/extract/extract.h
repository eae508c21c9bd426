/*
 * extract.h — from a document's bytes to an article's fields.
 *
 * The extractors fill a px_article made by px_article_new(): metadata and the
 * body paragraphs, in reading order.  They do not finish it: the caller
 * (extract.c) runs px_clean() over every article, whatever its format, and
 * then px_article_finish().
 *
 *   text.c   plain text: first line the title, paragraphs split at blank lines
 *   html.c   an HTML page through libxml2: metadata (title, JSON-LD, meta
 *            tags, <time>, canonical URL, site name, language) and the body
 *   clean.c  boilerplate lines, byline, dateline, a repeated title
 *
 * Each returns PX_OK, or an error naming `name` (the input, for messages).
 */
#ifndef PX_EXTRACT_H
#define PX_EXTRACT_H

#include <stdio.h>

#include "article/article.h"

struct px_document;

/*
 * One document (read/read.h) to an article, the road every input takes:
 * the fields given with it, the format's extractor, cleaning, finishing.
 * For inputs that are not files (fetched pages): doc->url, given, is what
 * the extractor resolves links and the outlet against.  The body's bytes
 * are checked first (no NUL; UTF-8 for text).  Fails as
 * px_article_parse() does; *out is the caller's to free.
 */
px_status px_extract_document(px_context *ctx, const struct px_document *doc,
                              px_article **out, px_error *err);

/* data must be valid UTF-8 (checked by the caller). */
px_status px_extract_text(px_article *a, const char *data, size_t len,
                          int first_line_title, const char *name, px_error *err);

/*
 * data may be in any encoding: a BOM, <meta charset> or the content decide,
 * and the fields set are valid UTF-8.  Nesting deeper than PX_MAX_DEPTH is
 * not descended into (its text is kept flat), so depth cannot exhaust the
 * stack.  Fields the caller has already set (from a JSON Lines record) are
 * kept: the page only fills what is still NULL.
 */
px_status px_extract_html(px_article *a, const char *data, size_t len,
                          const char *name, px_error *err);

/* The same, with charset (may be NULL) the label the transport declared
 * (an HTTP Content-Type's): it is weighed in place of the page's own
 * declaration, as browsers do. */
px_status px_extract_html_as(px_article *a, const char *data, size_t len, const char *charset,
                             const char *name, px_error *err);

/*
 * Moves boilerplate out of the body into a->removed, and turns a byline
 * ("By JC Finley") and a dateline ("WASHINGTON, Nov. 7 (UPI) --") at the
 * top of the body into fields.  Never fails.
 */
void px_clean(px_article *a);

/*
 * author.c: splits the byline s[0..n) ("By Jane Roe and John Doe, Reuters")
 * into names appended to a->authors, unless a->authors holds some already.
 * Returns how many were added.
 */
size_t px_author_names(px_article *a, const char *s, size_t n);

/* html_datepick.c: for the benches that fit the date and author resolvers
 * (bench/extraction/fit_date.py): every HTML page extracted after this
 * call writes its date and author candidates, with their features, to
 * f as JSON lines ({"id", "dates"} and {"id", "authors"}, after lines naming the
 * features); NULL stops it.  Process-wide and not thread-safe: for
 * single-threaded benches only, never the library's users. */
void px_extract_trace(FILE *f);

/* html_date.c: the first date written in s[0..n) as "YYYY-MM-DD" in out and
 * its offset in *at; dmy reads "01/02/2015" day first.  0 when none. */
int px_html_find_date(const char *s, size_t n, int dmy, char out[32], size_t *at);

/* 1 when the line s[0..n) is page furniture that is never article text
 * ("Advertisement", "Latest Headlines", "Share this article"). */
int px_is_furniture(const char *s, size_t n);

#endif
