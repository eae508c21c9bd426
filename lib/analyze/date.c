/*
 * date.c — finds the dates of an article (see analysis.h).
 *
 * Not written yet: finds nothing, so the analysis has no dates.
 */
#include "analyze/analysis.h"

px_status px_find_dates(px_context *ctx, const px_article *a, px_analysis *an, px_error *err)
{
    (void)ctx;
    (void)a;
    (void)an;
    (void)err;
    return PX_OK;
}
