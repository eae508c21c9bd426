/*
 * pair_weights.h — the pair model's weights (pair.h), written by
 * bench/similarity/fit.py --write from the pairs of bench/similarity/run
 * (ECB+, GVA; the shipped df table).  Do not edit.
 * ROC-AUC in sample / out of fold / TF-IDF cosine:
 *   ECB+: 0.922 / 0.915 / 0.894 (9057 pairs, 4491 same-event)
 *   GVA: 0.988 / 0.987 / 0.978 (70285 pairs, 1684 same-event)
 */
#ifndef PX_PAIR_WEIGHTS_H
#define PX_PAIR_WEIGHTS_H

#define PX_PAIR_TERMS_POWER 1.5
#define PX_PAIR_SPECIFICS_POWER 3.0
#define PX_PAIR_LINK_FLOOR 7

static const double px_pair_bias = -2.002237;
static const double px_pair_weights[PX_PAIR_NFEATURES] = {
    14.689438, /* terms */
    8.203600, /* specifics */
    2.642549, /* quotes */
    0.229400, /* places_only */
    -1.036057, /* gap */
    -5.282229, /* undated */
    -0.246320, /* numbers */
    -1.548840, /* numbers_none */
    1.019850, /* persons */
    -0.738889, /* persons_none */
    1.905564, /* places */
    -0.863194, /* places_none */
    1.510404, /* entities */
    -0.452475, /* years_none */
};

#endif
