/*
 * compare_html.c — a comparison as one standalone HTML5 page.
 *
 * The page must open anywhere, offline, years later: one file, the style
 * inline, no script, no font, no image, no external URL (an article's URL
 * is shown as text, not linked).  Everything from the articles is escaped.
 *
 * Layout, top to bottom: a header (what was compared, notes), the summary
 * box with each line's outlets, the articles side by side (columns of
 * sentences coloured by the kind of fact they state; conflicting values
 * marked; columns scroll sideways beyond about four), then tables:
 * conflicts (and agreements, folded), quotes, additions and omissions,
 * sources, similarity.  Each article keeps one colour for its label
 * everywhere, so a reader can follow an outlet down the page; in-page
 * links (#a0s4) jump from a table to the sentence.
 *
 * The side-by-side columns are compare_html_columns.c; this file is the
 * page and the tables.  `parallax serve` (lib/serve) shows the same body
 * (pxh_body) inside its own pages, with the style (pxh_style) as a file.
 */
#include <string.h>

#include "render/compare_html.h"

static const char css[] =
    ":root{--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--bg:#fff;--soft:#f6f8fa;"
    "--consensus:#dcf3e3;--shared:#e3ecfd;--unique:#fdf3d7;--conflict:#fbd3d0;--red:#b42318}"
    "*{box-sizing:border-box}"
    "body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"
    "'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}"
    "main{max-width:1280px;margin:0 auto;padding:24px 24px 48px}"
    "h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;margin:32px 0 10px;padding-bottom:4px;"
    "border-bottom:1px solid var(--line)}h3{font-size:1em;margin:0}"
    ".sub{color:var(--muted);margin:0 0 4px}.note{background:#fff8e6;border:1px solid #f0d890;"
    "border-radius:6px;padding:6px 10px;margin:8px 0}"
    ".summary{background:var(--soft);border-left:4px solid #4a6fa5;border-radius:6px;"
    "padding:12px 18px;margin:18px 0}.summary h2{margin:0 0 6px;border:0}"
    ".summary ol{margin:0;padding-left:1.3em}.summary li{margin:4px 0}"
    ".pill{display:inline-block;font-size:.74em;line-height:1.5;padding:0 .55em;margin:0 .15em;"
    "border-radius:9px;color:var(--ink);text-decoration:none;white-space:nowrap;vertical-align:1px}"
    ".legend{font-size:.85em;color:var(--muted);margin:0 0 10px}"
    ".legend span{padding:1px 6px;border-radius:3px;margin-right:6px}"
    ".columns{display:flex;gap:14px;overflow-x:auto;align-items:flex-start;padding-bottom:10px}"
    ".col{flex:1 0 300px;min-width:300px;max-width:620px;border:1px solid var(--line);"
    "border-radius:8px;padding:12px 14px;background:#fff}"
    ".col header{border-bottom:1px solid var(--line);padding-bottom:8px;margin-bottom:8px}"
    ".col .title{font-weight:600;margin:4px 0}.meta{color:var(--muted);font-size:.82em;margin:0;"
    "overflow-wrap:anywhere}"
    ".col p{margin:0 0 10px}"
    ".s{border-radius:3px;padding:1px 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}"
    ".k-consensus{background:var(--consensus)}.k-shared{background:var(--shared)}"
    ".k-unique{background:var(--unique)}.s-conflict{outline:2px solid var(--red);outline-offset:1px}"
    "mark{background:var(--conflict);color:inherit;border-bottom:2px solid var(--red);"
    "padding:0 1px;border-radius:2px}"
    ".s:target{outline:3px solid #4a6fa5}"
    "table{border-collapse:collapse;width:100%;font-size:.92em;margin:6px 0}"
    "th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}"
    "th{background:var(--soft);font-weight:600}td ul{margin:0;padding-left:1.1em}"
    ".w-kind{width:8em}.w-about{width:11em}.w-uses{width:17em}.w-art{width:12em}"
    ".v{display:block;margin:2px 0}.kind{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;"
    "font-size:.85em;color:var(--muted)}"
    ".var{font-size:.78em;padding:0 .45em;border-radius:4px;margin-left:.2em}"
    ".var-verbatim{background:var(--consensus)}.var-partial{background:var(--shared)}"
    ".var-altered{background:var(--conflict)}"
    "code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em;"
    "background:var(--soft);padding:0 3px;border-radius:3px}"
    "details summary{cursor:pointer;color:var(--muted)}.none{color:var(--muted)}"
    "footer{color:var(--muted);font-size:.8em;margin-top:40px}";

void pxh_esc(FILE *f, const char *s)
{
    if (!s) return;
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* Golden-angle hues: neighbours differ, and PXH_HUES articles stay apart.
 * A class per hue (pxh_style), not a style attribute: a page served under
 * a Content-Security-Policy without 'unsafe-inline' keeps its colours. */
void pxh_pill(FILE *f, const px_comparison *c, size_t a, size_t sentence)
{
    if (sentence == (size_t)-1)
        fprintf(f, "<span class=\"pill h%zu\">", a % PXH_HUES);
    else
        fprintf(f, "<a class=\"pill h%zu\" href=\"#a%zus%zu\">", a % PXH_HUES, a, sentence);
    pxh_esc(f, pxr_label(c, a));
    if (sentence != (size_t)-1) fprintf(f, " %zu</a>", sentence + 1);
    else fputs("</span>", f);
}

void pxh_style(FILE *f)
{
    fputs(css, f);
    for (unsigned i = 0; i < PXH_HUES; i++)
        fprintf(f, ".h%u{background:hsl(%u,70%%,88%%)}", i, (i * 137 + 210) % 360);
}

static void header(const px_comparison *c, FILE *f)
{
    if (pxr_one_story(c)) fprintf(f, "<header><h1>One story, %zu articles</h1>\n", c->n);
    else fprintf(f, "<header><h1>Probably not one story: %zu articles that are not much alike</h1>\n", c->n);
    for (size_t a = 0; a < c->n && a < 8; a++) {
        const char *title = px_article_title(c->articles[a]);
        fputs("<p class=\"sub\">", f);
        pxh_pill(f, c, a, (size_t)-1);
        fputc(' ', f);
        pxh_esc(f, title ? title : "(untitled)");
        fputs("</p>\n", f);
    }
    if (c->n > 8) fprintf(f, "<p class=\"sub\">and %zu more</p>\n", c->n - 8);
    px_buf langs = {0};
    if (pxr_languages(c, &langs)) {
        fputs("<p class=\"note\">The articles are in different languages (", f);
        pxh_esc(f, px_buf_str(&langs));
        fputs("); facts are aligned by their words, so articles in different languages share "
              "few of them.</p>\n", f);
    }
    px_buf_free(&langs);
    pxr_sim_stats st;
    pxr_similarity_stats(c, &st);
    if (st.pairs && st.mean < PXR_ONE_STORY)
        fprintf(f, "<p class=\"note\">The articles are not much alike (mean similarity %.2f); "
                   "they may not be one story.</p>\n", st.mean);
    fputs("</header>\n", f);
}

static void summary(const px_comparison *c, FILE *f)
{
    fputs("<section id=\"summary\" class=\"summary\"><h2>Summary</h2>\n", f);
    if (!c->summary.len) fputs("<p class=\"none\">No summary could be drawn from these "
                               "articles.</p>\n", f);
    else fputs("<ol>\n", f);
    for (size_t i = 0; i < c->summary.len; i++) {
        const px_summary_line *s = &c->summary.items[i];
        if (s->claim >= c->claims.len) continue;
        fputs("<li>", f);
        pxh_esc(f, s->text ? s->text : c->claims.items[s->claim].text);
        for (size_t k = 0; k < s->support.len; k++) {
            fputc(' ', f);
            pxh_pill(f, c, s->support.items[k], (size_t)-1);
        }
        fputs("</li>\n", f);
    }
    if (c->summary.len) fputs("</ol>\n", f);
    fputs("</section>\n", f);
}

/* Each article's value: its pill, the value (marked unless agreed), the
 * words as written when they differ, the rule as a tooltip; an update's
 * values with their publication day. */
static void value_cell(const px_comparison *c, FILE *f, const px_conflict *k)
{
    fputs("<td>", f);
    for (size_t v = 0; v < k->values.len; v++) {
        const px_value *val = &k->values.items[v];
        fputs("<span class=\"v\"", f);
        if (val->pattern) {
            fputs(" title=\"", f);
            pxh_esc(f, val->pattern);
            fputc('"', f);
        }
        fputc('>', f);
        pxh_pill(f, c, val->article, val->sentence);
        fputs(k->agreement ? " " : " <mark>", f);
        pxh_esc(f, val->value ? val->value : "(none)");
        if (!k->agreement) fputs("</mark>", f);
        if (val->surface && val->value && strcmp(val->surface, val->value) != 0) {
            fputs(" <q>", f);
            pxh_esc(f, val->surface);
            fputs("</q>", f);
        }
        const char *date = px_article_date(c->articles[val->article]);
        if (k->judgment == PX_JUDGE_UPDATE && date) fprintf(f, " (%.10s)", date);
        fputs("</span>", f);
    }
    fputs("</td>", f);
}

static void conflicts(const px_comparison *c, FILE *f)
{
    size_t counts[2] = {0, 0};
    for (size_t i = 0; i < c->conflicts.len; i++) counts[!!c->conflicts.items[i].agreement]++;
    fputs("<section id=\"conflicts\"><h2>Conflicts and updates</h2>\n", f);
    for (int agreement = 0; agreement <= 1; agreement++) {
        if (agreement && !counts[1]) {
            fputs("<p id=\"agreements\" class=\"none\">No agreements on details recorded.</p>\n", f);
            break;
        }
        if (agreement)
            fprintf(f, "<details id=\"agreements\"%s><summary>%zu agreement%s: details the "
                       "articles state alike</summary>\n",
                    counts[1] <= 6 ? " open" : "", counts[1], counts[1] == 1 ? "" : "s");
        if (!counts[agreement]) {
            fputs("<p class=\"none\">No conflicts found.</p>\n", f);
        } else {
            fputs("<table><tr><th class=\"w-kind\">kind</th><th class=\"w-about\">about</th>"
                  "<th>what each says</th></tr>\n", f);
            for (size_t i = 0; i < c->conflicts.len; i++) {
                const px_conflict *k = &c->conflicts.items[i];
                if (!k->agreement != !agreement) continue;
                fprintf(f, "<tr><td class=\"kind\">%s%s%s</td><td>", px_conflict_kind_name(k->kind),
                        k->judgment == PX_JUDGE_UPDATE || k->judgment == PX_JUDGE_COMPATIBLE ? " " : "",
                        k->judgment == PX_JUDGE_UPDATE       ? "(update)"
                        : k->judgment == PX_JUDGE_COMPATIBLE ? "(compatible)"
                                                             : "");
                pxh_esc(f, k->subject);
                fputs("</td>", f);
                value_cell(c, f, k);
                fputs("</tr>\n", f);
            }
            fputs("</table>\n", f);
        }
        if (agreement) fputs("</details>\n", f);
    }
    fputs("</section>\n", f);
}

static void quotes(const px_comparison *c, FILE *f)
{
    fputs("<section id=\"quotes\"><h2>Quotes</h2>\n", f);
    if (!c->quotes.len) {
        fputs("<p class=\"none\">No quotations.</p></section>\n", f);
        return;
    }
    fputs("<table><tr><th>quotation</th><th class=\"w-about\">speaker</th>"
          "<th class=\"w-uses\">carried by</th></tr>\n", f);
    for (size_t i = 0; i < c->quotes.len; i++) {
        const px_story_quote *q = &c->quotes.items[i];
        fputs("<tr><td>\u201c", f);
        pxh_esc(f, q->text);
        fputs("\u201d</td><td>", f);
        if (q->speaker) pxh_esc(f, q->speaker);
        else fputs("<span class=\"none\">not named</span>", f);
        fputs("</td><td>", f);
        for (size_t u = 0; u < q->uses.len; u++) {
            const px_quote_use *use = &q->uses.items[u];
            const px_quote *own = pxr_quote_of(c, use);
            const char *variant = px_variant_name(use->variant);
            fputs("<span class=\"v\">", f);
            pxh_pill(f, c, use->article, own ? own->sentence : (size_t)-1);
            fprintf(f, "<span class=\"var var-%s\">%s</span>", variant, variant);
            if (use->variant == PX_VARIANT_ALTERED && use->diff) {
                fputs(" <code>", f);
                pxh_esc(f, use->diff);
                fputs("</code>", f);
            }
            fputs("</span>", f);
        }
        fputs("</td></tr>\n", f);
    }
    fputs("</table></section>\n", f);
}

static void fact_list(const px_comparison *c, FILE *f, const px_indexes *list, int open)
{
    if (!list->len) {
        fputs("<span class=\"none\">none</span>", f);
        return;
    }
    fprintf(f, "<details%s><summary>%zu fact%s</summary><ul>", open ? " open" : "", list->len,
            list->len == 1 ? "" : "s");
    for (size_t i = 0; i < list->len; i++) {
        if (list->items[i] >= c->facts.len) continue;
        const px_fact *fact = &c->facts.items[list->items[i]];
        fputs("<li>", f);
        pxh_esc(f, pxr_fact_text(c, fact));
        for (size_t k = 0; k < fact->claims.len && k < 8; k++) {
            if (fact->claims.items[k] >= c->claims.len) continue;
            const px_claim *cl = &c->claims.items[fact->claims.items[k]];
            fputc(' ', f);
            pxh_pill(f, c, cl->article, cl->sentence);
        }
        fputs("</li>", f);
    }
    fputs("</ul></details>", f);
}

static void coverage(const px_comparison *c, FILE *f)
{
    fputs("<section id=\"coverage\"><h2>What each adds and leaves out</h2>\n"
          "<table><tr><th class=\"w-art\">article</th><th>adds (only it reports)</th>"
          "<th>leaves out (the others report)</th></tr>\n", f);
    px_indexes list = {0};
    for (size_t a = 0; a < c->n; a++) {
        fputs("<tr><td>", f);
        pxh_pill(f, c, a, (size_t)-1);
        fputs("</td><td>", f);
        list.len = 0;
        px_compare_unique(c, a, &list);
        fact_list(c, f, &list, c->n <= 4);
        fputs("</td><td>", f);
        list.len = 0;
        px_compare_omitted(c, a, &list);
        fact_list(c, f, &list, c->n <= 4);
        fputs("</td></tr>\n", f);
    }
    px_vec_free(&list);
    fputs("</table></section>\n", f);
}

static void sources(const px_comparison *c, FILE *f)
{
    fputs("<section id=\"sources\"><h2>Sources</h2>\n"
          "<table><tr><th class=\"w-art\">article</th><th>credits</th></tr>\n", f);
    for (size_t a = 0; a < c->n; a++) {
        fputs("<tr><td>", f);
        pxh_pill(f, c, a, (size_t)-1);
        fputs("</td><td>", f);
        size_t shown = 0;
        for (size_t i = 0; i < c->citations.len; i++) {
            const px_citation *t = &c->citations.items[i];
            if (t->article != a) continue;
            fputs(shown++ ? "; " : "", f);
            pxh_esc(f, t->source);
            fputs(" <span class=\"kind\">", f);
            pxh_esc(f, t->cue ? t->cue : "credited");
            if (t->sentence == (size_t)-1) fputs(", dateline", f);
            fputs("</span>", f);
            if (t->sentence != (size_t)-1) fputc(' ', f), pxh_pill(f, c, a, t->sentence);
        }
        if (!shown) fputs("<span class=\"none\">credits no one</span>", f);
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
    if (!c->copies.len) fputs("<p class=\"none\">No article is a near-copy of another.</p>\n", f);
    for (size_t i = 0; i < c->copies.len; i++) {
        const px_copy *p = &c->copies.items[i];
        fputs("<p>Syndication: ", f);
        pxh_pill(f, c, p->copy, (size_t)-1);
        fputs(" is a near-copy of ", f);
        pxh_pill(f, c, p->original, (size_t)-1);
        fprintf(f, " (simhash distance %d bits, %.0f%% of its 4-word shingles found there).</p>\n",
                p->distance, p->overlap * 100);
    }
    for (size_t i = 0; i < c->copied.len; i++) {
        const px_copied *p = &c->copied.items[i];
        fputs("<p>Copying: ", f);
        pxh_pill(f, c, p->copy, (size_t)-1);
        fprintf(f, " repeats %zu sentence%s of ", p->count, p->count == 1 ? "" : "s");
        pxh_pill(f, c, p->original, (size_t)-1);
        fputs(p->dated_first ? ", published earlier," : " (which came first, their dates do not tell),", f);
        fputs(p->credited ? " and credits it:" : " without crediting it:", f);
        for (size_t k = 0; k < p->sentences.len && k < 8; k++) {
            fputc(' ', f);
            pxh_pill(f, c, p->copy, p->sentences.items[k].copy);
            fputs("&nbsp;=&nbsp;", f);
            pxh_pill(f, c, p->original, p->sentences.items[k].original);
        }
        fputs("</p>\n", f);
    }
    fputs("</section>\n", f);
}

static void similarity(const px_comparison *c, FILE *f)
{
    pxr_sim_stats st;
    pxr_similarity_stats(c, &st);
    if (!st.pairs) return;
    fputs("<section id=\"similarity\"><h2>Similarity</h2>\n", f);
    if (c->n <= 8) {
        fputs("<table><tr><th></th>", f);
        for (size_t b = 0; b < c->n; b++) {
            fputs("<th>", f);
            pxh_pill(f, c, b, (size_t)-1);
            fputs("</th>", f);
        }
        fputs("</tr>\n", f);
        for (size_t a = 0; a < c->n; a++) {
            fputs("<tr><th>", f);
            pxh_pill(f, c, a, (size_t)-1);
            fputs("</th>", f);
            for (size_t b = 0; b < c->n; b++) {
                const px_similarity *s = pxr_similarity(c, a, b);
                if (a == b) fputs("<td class=\"none\">-</td>", f);
                else fprintf(f, "<td>%.2f</td>", s->score);
            }
            fputs("</tr>\n", f);
        }
        fputs("</table>\n", f);
    }
    fprintf(f, "<p>Mean similarity %.2f over %zu pairs (0: unrelated, 1: the same text).</p>\n",
            st.mean, st.pairs);
    fputs("</section>\n", f);
}

void pxh_body(const px_comparison *c, FILE *f)
{
    header(c, f);
    summary(c, f);
    pxh_columns(c, f);
    conflicts(c, f);
    quotes(c, f);
    coverage(c, f);
    sources(c, f);
    similarity(c, f);
}

px_status px_render_comparison_html(const px_comparison *c, FILE *f, px_error *err)
{
    if (!c || !f) return px_error_set(err, PX_EUSAGE, "px_render_comparison_html", 0, 0,
                                      "no comparison or no output");
    const char *headline = pxr_story_title(c);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"parallax compare\">\n<title>", f);
    if (headline) pxh_esc(f, headline), fputs(" — ", f);
    fprintf(f, "%zu articles compared by parallax</title>\n<style>", c->n);
    pxh_style(f);
    fputs("</style>\n</head>\n<body>\n<main>\n", f);
    pxh_body(c, f);
    fprintf(f, "<footer>Made by parallax %s.</footer>\n</main>\n</body>\n</html>\n",
            px_version());
    if (ferror(f)) return px_error_set(err, PX_EIO, "<output>", 0, 0, "write failed");
    return PX_OK;
}
