/*
 * text.c — an article as readable text, for people at a terminal.
 *
 *   Title
 *   =====
 *   outlet: UPI   byline: JC Finley   date: 2014-11-07 (dateline, 0.60)
 *   ...
 *   the paragraphs, separated by blank lines
 *   removed: the boilerplate taken out, one per line
 *
 * With an analysis, the body is shown as numbered sentences instead, each
 * with its token count, which is what one checks when tuning segmentation.
 * Control characters of the article are escaped (render/term.h).
 */
#include <string.h>

#include "article/article.h"
#include "render/term.h"

static void field(FILE *f, const char *name, const char *value)
{
    if (value) fprintf(f, "%-9s %s\n", name, value);
}

static void header(const px_article *a, FILE *f)
{
    const char *title = a->title ? a->title : "(untitled)";
    fprintf(f, "%s\n", title);
    for (size_t i = strlen(title) > 72 ? 72 : strlen(title); i; i--) fputc('=', f);
    fputc('\n', f);
    field(f, "id:", a->id);
    field(f, "outlet:", a->outlet);
    field(f, "url:", a->url);
    field(f, "byline:", a->byline);
    if (a->date)
        fprintf(f, "%-9s %s (%s, %.2f)\n", "date:", a->date,
                px_date_source_name(a->date_source), a->date_confidence);
    field(f, "dateline:", a->dateline);
    field(f, "wire:", a->wire);
    field(f, "language:", px_article_language(a));
    fprintf(f, "%-9s %zu paragraphs, %zu sentences, %zu removed\n\n", "body:",
            a->paragraphs.len, a->sentences.len, a->removed.len);
}

static void sentences(const px_article *a, const px_analysis *an, FILE *f)
{
    size_t ti = 0, nt = px_analysis_token_count(an);
    for (size_t si = 0; si < a->sentences.len; si++) {
        size_t n = 0;
        for (; ti < nt && px_analysis_token(an, ti)->sentence == si; ti++) n++;
        fprintf(f, "[%zu] %s  (%zu tokens)\n", si + 1, a->sentences.items[si].text, n);
    }
}

/* Writes through an escaping stream (render/term.h): an article's text
 * is input, and a terminal must only show it. */
px_status px_render_text(const px_article *a, const px_analysis *an, FILE *out, px_error *err)
{
    if (!a || !out) return px_error_set(err, PX_EUSAGE, "px_render_text", 0, 0, "no article or no output");
    FILE *f = px_term_stream(out);
    if (!f) return px_error_set(err, PX_EIO, "<output>", 0, 0, "cannot make the output stream");
    header(a, f);
    if (an) {
        sentences(a, an, f);
    } else {
        for (size_t i = 0; i < a->paragraphs.len; i++)
            fprintf(f, "%s%s\n", i ? "\n" : "", a->paragraphs.items[i]);
    }
    if (a->removed.len) {
        fputs("\nremoved:\n", f);
        for (size_t i = 0; i < a->removed.len; i++) fprintf(f, "  - %s\n", a->removed.items[i]);
    }
    int bad = ferror(f);
    if (fclose(f) != 0 || bad || ferror(out))
        return px_error_set(err, PX_EIO, "<output>", 0, 0, "write failed");
    return PX_OK;
}
