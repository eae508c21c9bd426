/*
 * html_unit.h — what the HTML extractor's unit tests share: extracting a
 * page given as a string, failing the test on an error.
 */
#ifndef PX_HTML_UNIT_H
#define PX_HTML_UNIT_H

#include "unit.h"

#include "extract/extract.h"
#include "extract/html.h"

/* The article px_extract_html() makes of html (not cleaned or finished). */
static inline px_article *html_extract(const char *html)
{
    px_article *a = px_article_new();
    px_error err = {0};
    if (px_extract_html(a, html, strlen(html), "t.html", &err) != PX_OK)
        fail_msg("px_extract_html: %s", err.message);
    return a;
}

#endif
