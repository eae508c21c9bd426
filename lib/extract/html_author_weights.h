/*
 * html_author_weights.h — the author resolver's weights (html_authorpick.c), generated:
 * do not edit.  Written by bench/extraction/fit_date.py from
 * md2.trace over trafilatura's evaluation pages (567 pages with a gold author,
 * evaldata.json sha256 b6750a07da2e9cd4...); conditional logit, L2 0.3.
 */
#ifndef PX_HTML_AUTHOR_WEIGHTS_H
#define PX_HTML_AUTHOR_WEIGHTS_H

static const double author_none = -1.865810; /* the score of giving no author */
static const double author_weights[] = {
    1.518070, /* ld */
    0.476552, /* element */
    -1.648715, /* meta */
    0.344176, /* article_author */
    -1.573033, /* creator */
    1.122749, /* near */
    -0.313985, /* body_line */
    0.381663, /* kept */
    -0.307761, /* line */
    -1.351009, /* long */
    -0.166323, /* odd */
    -1.028822, /* one_word */
};

#endif
