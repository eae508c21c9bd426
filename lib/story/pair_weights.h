/*
 * pair_weights.h — the pair model's weights (pair.h), written by
 * bench/similarity/fit.py --write from the pairs of bench/similarity/run
 * (ECB+, GVA; the shipped df table).  Do not edit.
 * ROC-AUC in sample / out of fold / TF-IDF cosine:
 *   ECB+: 0.937 / 0.930 / 0.894 (9057 pairs, 4491 same-event)
 *   GVA: 0.990 / 0.989 / 0.978 (70285 pairs, 1684 same-event)
 */
#ifndef PX_PAIR_WEIGHTS_H
#define PX_PAIR_WEIGHTS_H

#define PX_PAIR_TERMS_POWER 1.5
#define PX_PAIR_SPECIFICS_POWER 3.0
#define PX_PAIR_LINK_FLOOR 7

static const double px_pair_bias = -2.530589;
static const double px_pair_weights[PX_PAIR_NFEATURES] = {
    11.897763, /* terms */
    15.380872, /* specifics */
    2.391174, /* quotes */
    0.453238, /* places_only */
    -1.144984, /* gap */
    -0.837544, /* undated */
    -0.021363, /* numbers */
    -1.490585, /* numbers_none */
    1.149687, /* persons */
    -0.643189, /* persons_none */
    1.302492, /* places */
    -0.969621, /* places_none */
    1.833760, /* entities */
    -0.424394, /* years_none */
    5.020376, /* lead */
    16.256025, /* phrases */
    -10.412373, /* terms_undated */
    -12.252963, /* specifics_undated */
};

#endif
