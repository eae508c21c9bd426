/*
 * html_author_weights.h — the author resolver's weights (html_authorpick.c), generated:
 * do not edit.  Written by bench/extraction/fit_date.py from
 * md.trace over trafilatura's evaluation pages (567 pages with a gold author,
 * evaldata.json sha256 b6750a07da2e9cd4...); conditional logit, L2 0.3.
 */
#ifndef PX_HTML_AUTHOR_WEIGHTS_H
#define PX_HTML_AUTHOR_WEIGHTS_H

static const double author_none = -1.729671; /* the score of giving no author */
static const double author_weights[] = {
    1.588868, /* ld */
    0.356064, /* element */
    -1.824872, /* meta */
    0.399537, /* article_author */
    -1.591500, /* creator */
    1.015212, /* near */
    -0.378702, /* body_line */
    0.435334, /* kept */
    -1.275328, /* long */
    -0.717347, /* odd */
};

#endif
