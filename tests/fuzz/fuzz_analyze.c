/*
 * fuzz_analyze.c — libFuzzer target for analysis and comparison.
 *
 * The input is split at its first NUL byte (or in the middle) into two
 * plain-text articles; each is analysed (entities, quotes, numbers, dates,
 * attributions) and the two are compared, and everything is rendered as
 * text, JSON and HTML.  Inputs that are not valid articles are refused by
 * the reader and simply end the run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

static px_context *ctx;
static FILE *devnull;

static px_article *article(const char *data, size_t len, px_analysis **an)
{
    px_article *a;
    if (px_article_parse(ctx, data, len, PX_FORMAT_TEXT, "fuzz", &a, NULL) != PX_OK) return NULL;
    if (px_analyze(ctx, a, an, NULL) != PX_OK) {
        px_article_free(a);
        return NULL;
    }
    px_render_json(a, *an, devnull, NULL);
    return a;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!ctx) {
        if (px_context_new(&ctx, NULL) != PX_OK) abort();
        devnull = fopen("/dev/null", "w");
    }
    const char *s = (const char *)data;
    const char *nul = memchr(s, '\0', size);
    size_t half = nul ? (size_t)(nul - s) : size / 2;
    px_article *a[2];
    px_analysis *an[2] = {NULL, NULL};
    a[0] = article(s, half, &an[0]);
    a[1] = nul ? article(nul + 1, size - half - 1, &an[1]) : article(s + half, size - half, &an[1]);
    if (a[0] && a[1]) {
        px_comparison *c;
        if (px_compare(ctx, a, an, 2, &c, NULL) == PX_OK) {
            px_render_comparison_text(c, devnull, NULL);
            px_render_comparison_json(c, devnull, NULL);
            px_render_comparison_html(c, devnull, NULL);
            px_comparison_free(c);
        }
    }
    for (int i = 0; i < 2; i++) {
        px_analysis_free(an[i]);
        px_article_free(a[i]);
    }
    return 0;
}
