/*
 * compare.c — the comparison of one story's articles.
 *
 * Not written yet: px_compare() refuses, so the tree builds and callers
 * (parallax show) can be written against the API.
 */
#include "analyze/analysis.h"

px_status px_compare(px_context *ctx, px_article *const *articles,
                     px_analysis *const *analyses, size_t n, px_comparison **out,
                     px_error *err)
{
    (void)ctx, (void)articles, (void)analyses, (void)n;
    *out = NULL;
    return px_error_set(err, PX_EUSAGE, "px_compare", 0, 0, "not implemented yet");
}

void px_comparison_free(px_comparison *c) { (void)c; }

px_status px_render_comparison_text(const px_comparison *c, FILE *f, px_error *err)
{
    (void)c, (void)f;
    return px_error_set(err, PX_EUSAGE, "px_render_comparison_text", 0, 0, "not implemented yet");
}

px_status px_render_comparison_json(const px_comparison *c, FILE *f, px_error *err)
{
    (void)c, (void)f;
    return px_error_set(err, PX_EUSAGE, "px_render_comparison_json", 0, 0, "not implemented yet");
}

px_status px_render_comparison_html(const px_comparison *c, FILE *f, px_error *err)
{
    (void)c, (void)f;
    return px_error_set(err, PX_EUSAGE, "px_render_comparison_html", 0, 0, "not implemented yet");
}
