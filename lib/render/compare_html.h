/*
 * compare_html.h — the pieces of the HTML comparison page that its two
 * files share: escaping, the article label pill, and the side-by-side
 * columns (compare_html_columns.c); and what `parallax serve` reuses of it
 * (the style, the body).
 */
#ifndef PX_COMPARE_HTML_H
#define PX_COMPARE_HTML_H

#include <stdio.h>

#include "render/compare_render.h"

/* Writes s (may be NULL) with & < > " ' escaped: safe in text and in a
 * quoted attribute. */
void pxh_esc(FILE *f, const char *s);

/* Hues of the article labels: article a has class "h<a % PXH_HUES>". */
#define PXH_HUES 24

/* The page's style sheet: the rules of the body's classes, hues included. */
void pxh_style(FILE *f);

/* The comparison's sections, from its header to the similarity table: the
 * body of the standalone page, without <html>, <head> or <main>. */
void pxh_body(const px_comparison *c, FILE *f);

/* Article a's label in its own colour; with a sentence (not (size_t)-1),
 * a link to that sentence in the columns, its number shown from 1. */
void pxh_pill(FILE *f, const px_comparison *c, size_t a, size_t sentence);

/* The articles side by side, sentences coloured by fact kind, conflicting
 * values marked. */
void pxh_columns(const px_comparison *c, FILE *f);

#endif
