/*
 * html_title_weights.h — the title resolver's weights (html_titlepick.c), generated:
 * do not edit.  Written by bench/extraction/fit_date.py from
 * metadata.trace over trafilatura's evaluation pages (567 pages with a gold title,
 * evaldata.json sha256 b6750a07da2e9cd4...); conditional logit, L2 0.3.
 */
#ifndef PX_HTML_TITLE_WEIGHTS_H
#define PX_HTML_TITLE_WEIGHTS_H

static const double title_weights[] = {
    2.302675, /* h1 */
    1.538743, /* sole_h1 */
    1.452608, /* h2 */
    0.760055, /* boiler_h1 */
    -1.635138, /* og */
    -1.448763, /* twitter */
    -0.757637, /* ld */
    -2.212541, /* title */
};

#endif
