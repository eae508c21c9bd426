/*
 * attribution.c — finds the attributions of an article (see analysis.h).
 *
 * Not written yet: finds nothing, so the analysis has no attributions.
 */
#include "analyze/analysis.h"

px_status px_find_attributions(px_context *ctx, const px_article *a, px_analysis *an, px_error *err)
{
    (void)ctx;
    (void)a;
    (void)an;
    (void)err;
    return PX_OK;
}
