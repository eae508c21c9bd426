/*
 * pair_weights.h — the pair model's weights (pair.h), written by
 * bench/similarity/fit.py --write from the pairs of bench/similarity/run
 * (ECB+, GVA; the shipped df table).  Do not edit.
 * ROC-AUC in sample / out of fold / TF-IDF cosine:
 *   ECB+: 0.921 / 0.913 / 0.894 (9057 pairs, 4491 same-event)
 *   GVA: 0.988 / 0.987 / 0.978 (70285 pairs, 1684 same-event)
 */
#ifndef PX_PAIR_WEIGHTS_H
#define PX_PAIR_WEIGHTS_H

#define PX_PAIR_TERMS_POWER 1.5
#define PX_PAIR_SPECIFICS_POWER 3.0
#define PX_PAIR_LINK_FLOOR 7

static const double px_pair_bias = -2.018819;
static const double px_pair_weights[PX_PAIR_NFEATURES] = {
    14.655042, /* terms */
    8.204433, /* specifics */
    2.662271, /* quotes */
    0.248721, /* places_only */
    -1.037482, /* gap */
    -5.306037, /* undated */
    -0.224058, /* numbers */
    -1.604524, /* numbers_none */
    1.074615, /* persons */
    -0.738113, /* persons_none */
    1.876637, /* places */
    -0.857428, /* places_none */
    1.442557, /* entities */
};

#endif
