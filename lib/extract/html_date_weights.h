/*
 * html_date_weights.h — the date resolver's weights (html_datepick.c), generated:
 * do not edit.  Written by bench/extraction/fit_date.py from
 * md.trace over trafilatura's evaluation pages (567 pages with a gold date,
 * evaldata.json sha256 b6750a07da2e9cd4...); conditional logit, L2 0.3.
 */
#ifndef PX_HTML_DATE_WEIGHTS_H
#define PX_HTML_DATE_WEIGHTS_H

static const double date_none = -0.023984; /* the score of leaving the page undated */
static const double date_weights[] = {
    -1.308980, /* ld_article */
    -0.511216, /* meta */
    -1.860909, /* ld_other */
    -0.436014, /* microdata */
    -0.232708, /* time_marked */
    1.296943, /* time_first */
    0.001442, /* hatom_published */
    0.450652, /* hatom_updated */
    -0.179866, /* url */
    -0.421297, /* element */
    0.424219, /* body_line */
    1.194505, /* near */
    0.284584, /* opening */
    0.166211, /* headline */
    0.092789, /* og_title */
    0.358260, /* labelled */
    0.101237, /* byline */
    0.092326, /* self_teaser */
    0.487017, /* script */
    1.581316, /* shown */
    -0.120129, /* shown_machine */
    1.501473, /* agree */
    0.673742, /* agree_machine */
    -0.053961, /* alone */
    0.576756, /* has_time */
    -0.693535, /* earliest */
    0.397754, /* latest */
    1.192368, /* untyped */
    -0.408081, /* many_days */
};

#endif
