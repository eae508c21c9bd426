/*
 * compare_text.c — a comparison as a report for people at a terminal.
 *
 * Sections, in the order a reader asks the questions: ARTICLES (what was
 * compared, how alike), SUMMARY, CONSENSUS (and SHARED when more than two),
 * CONFLICTS, UPDATES, AGREEMENTS, QUOTES, ADDITIONS, OMISSIONS, SOURCES.  A
 * section with nothing in it says "(none)" rather than vanishing, so a
 * reader (and a script) always finds every heading.
 *
 * Articles are named by their labels; "[UPI 4]" means sentence 4 of UPI's
 * article, counted from 1 as `parallax analyze` numbers them.  Lines are
 * wrapped at 88 columns (counted in code points) with a hanging indent, and
 * a bracketed reference is never split across lines.  Lists of articles
 * are cut after PXR_MAX_REFS names ("+N more"): the JSON has them all.
 */
#include <string.h>

#include "render/compare_render.h"
#include "render/term.h"

#define WIDTH 88
#define PXR_MAX_REFS 8

/* Display columns of s[0..n): code points, close enough for a terminal. */
static size_t columns(const char *s, size_t n)
{
    size_t cols = 0;
    for (size_t i = 0; i < n; i++) cols += ((unsigned char)s[i] & 0xC0) != 0x80;
    return cols;
}

/*
 * Writes text word-wrapped: the first line after `first`, the others after
 * `indent` spaces; then `tail` (a reference) on the last line when it fits,
 * else on a line of its own.
 */
static void wrap(FILE *f, const char *first, size_t indent, const char *text, const char *tail)
{
    size_t col = columns(first, strlen(first)), line_words = 0;
    fputs(first, f);
    const char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\n' || *p == '\t') p++;
        if (!*p) break;
        size_t n = strcspn(p, " \n\t"), w = columns(p, n);
        if (line_words && col + 1 + w > WIDTH) {
            fprintf(f, "\n%*s", (int)indent, "");
            col = indent, line_words = 0;
        }
        if (line_words) fputc(' ', f), col++;
        fwrite(p, 1, n, f);
        col += w, line_words++, p += n;
    }
    if (tail && *tail) {
        size_t w = columns(tail, strlen(tail));
        if (line_words && col + 2 + w > WIDTH) fprintf(f, "\n%*s", (int)indent, "");
        else if (line_words) fputs("  ", f);
        fputs(tail, f);
    }
    fputc('\n', f);
}

static void heading(FILE *f, const char *name)
{
    fprintf(f, "\n%s\n", name);
}

/* "[A, B, +3 more]" for a list of articles. */
static void refs_articles(px_buf *b, const px_comparison *c, const px_indexes *arts)
{
    px_buf_putc(b, '[');
    for (size_t i = 0; i < arts->len; i++) {
        if (i == PXR_MAX_REFS) {
            px_buf_printf(b, ", +%zu more", arts->len - i);
            break;
        }
        px_buf_printf(b, "%s%s", i ? ", " : "", pxr_label(c, arts->items[i]));
    }
    px_buf_putc(b, ']');
}

/* "[A 3, B 5]": where a fact is said, article and sentence (from 1). */
static void refs_claims(px_buf *b, const px_comparison *c, const px_fact *fact)
{
    px_buf_putc(b, '[');
    size_t shown = 0;
    for (size_t i = 0; i < fact->claims.len; i++) {
        size_t k = fact->claims.items[i];
        if (k >= c->claims.len) continue;
        if (shown == PXR_MAX_REFS) {
            px_buf_printf(b, ", +%zu more", fact->claims.len - i);
            break;
        }
        const px_claim *cl = &c->claims.items[k];
        px_buf_printf(b, "%s%s %zu", shown++ ? ", " : "", pxr_label(c, cl->article),
                      cl->sentence + 1);
    }
    px_buf_putc(b, ']');
}

static void part(FILE *f, const char *name, double v)
{
    if (v < 0) fprintf(f, ", %s -", name);
    else fprintf(f, ", %s %.2f", name, v);
}

static void similarity(const px_comparison *c, FILE *f)
{
    if (c->n < 2) return;
    if (c->n == 2) {
        const px_similarity *s = pxr_similarity(c, 0, 1);
        fprintf(f, "  similarity %.2f (", s->score);
        fprintf(f, "terms %.2f", s->terms);
        part(f, "entities", s->entities);
        part(f, "quotes", s->quotes);
        part(f, "dates", s->dates);
        fputs(")\n", f);
    } else if (c->n <= 8) {
        fprintf(f, "  %-10s", "similarity");
        for (size_t b = 0; b < c->n; b++) fprintf(f, "  #%-3zu", b + 1);
        fputc('\n', f);
        for (size_t a = 0; a < c->n; a++) {
            fprintf(f, "  #%-9zu", a + 1);
            for (size_t b = 0; b < c->n; b++) {
                if (a == b) fprintf(f, "  %4s", "-");
                else fprintf(f, "  %4.2f", pxr_similarity(c, a, b)->score);
            }
            fputc('\n', f);
        }
    }
    pxr_sim_stats st;
    pxr_similarity_stats(c, &st);
    if (c->n > 8 && st.sampled)
        fprintf(f, "  similarity (a sample of %zu articles): ", st.sampled);
    else if (c->n > 8)
        fputs("  similarity: ", f);
    if (c->n > 8)
        fprintf(f, "mean %.2f over %zu pairs; most alike #%zu and #%zu (%.2f), "
                   "least #%zu and #%zu (%.2f)\n",
                st.mean, st.pairs, st.high_a + 1, st.high_b + 1, st.high, st.low_a + 1,
                st.low_b + 1, st.low);
    if (st.mean < PXR_ONE_STORY)
        fprintf(f, "  note: the articles are not much alike (mean similarity %.2f); they may "
                   "not be one story\n", st.mean);
}

static void articles(const px_comparison *c, FILE *f, px_buf *b)
{
    heading(f, "ARTICLES");
    px_indexes own = {0};
    for (size_t a = 0; a < c->n; a++) {
        const px_article *art = c->articles[a];
        const char *title = px_article_title(art), *outlet = px_article_outlet(art);
        const char *date = pxr_date(c, a);
        char first[32], sentences[48], quotes[48];
        snprintf(first, sizeof first, "  #%-3zu ", a + 1);
        own.len = 0;
        px_compare_unique(c, a, &own);
        if (c->n > 8) { /* one line each: the list is long enough as it is */
            px_buf_reset(b);
            px_buf_printf(b, "%s: %s (%s, %s, %s, %zu its own)", pxr_label(c, a),
                          title ? title : "(untitled)", date, px_article_language(art),
                          pxr_count(sentences, sizeof sentences, px_article_sentence_count(art), "sentence"),
                          own.len);
            wrap(f, first, 7, px_buf_str(b), NULL);
            continue;
        }
        wrap(f, first, 7, pxr_label(c, a), NULL);
        wrap(f, "       ", 7, title ? title : "(untitled)", NULL);
        fputs("      ", f);
        if (outlet && strcmp(outlet, pxr_label(c, a)) != 0) fprintf(f, " outlet %s,", outlet);
        fprintf(f, " %s, %s, %s, %s", date, px_article_language(art),
                pxr_count(sentences, sizeof sentences, px_article_sentence_count(art), "sentence"),
                pxr_count(quotes, sizeof quotes, px_analysis_quote_count(c->analyses[a]), "quote"));
        fprintf(f, ", %s (%zu its own)\n", pxr_count(quotes, sizeof quotes, pxr_fact_count(c, a), "fact"),
                own.len);
    }
    px_vec_free(&own);
    px_buf langs = {0};
    if (pxr_languages(c, &langs))
        fprintf(f, "  note: the articles are in different languages (%s); facts are aligned by\n"
                   "  their words, so articles in different languages share few of them\n",
                px_buf_str(&langs));
    px_buf_free(&langs);
    similarity(c, f);
}

static void summary(const px_comparison *c, FILE *f, px_buf *b)
{
    heading(f, "SUMMARY");
    if (!c->summary.len) fputs("  (none)\n", f);
    for (size_t i = 0; i < c->summary.len; i++) {
        const px_summary_line *s = &c->summary.items[i];
        if (s->claim >= c->claims.len) continue;
        char first[32];
        snprintf(first, sizeof first, "  %zu. ", i + 1);
        px_buf_reset(b);
        refs_articles(b, c, &s->support);
        wrap(f, first, 5, s->text ? s->text : c->claims.items[s->claim].text, px_buf_str(b));
    }
}

/* The facts of one kind, each with where it is said. */
static void facts(const px_comparison *c, FILE *f, px_buf *b, px_fact_kind kind)
{
    size_t shown = 0;
    for (size_t i = 0; i < c->facts.len; i++) {
        const px_fact *fact = &c->facts.items[i];
        if (fact->kind != kind) continue;
        px_buf_reset(b);
        refs_claims(b, c, fact);
        wrap(f, "  - ", 4, pxr_fact_text(c, fact), px_buf_str(b));
        px_buf_reset(b);
        if (pxr_fact_disputes(c, fact, b)) {
            px_buf_puts(b, " (see CONFLICTS)");
            wrap(f, "    but they differ: ", 6, px_buf_str(b), NULL);
        }
        shown++;
    }
    if (!shown) fputs("  (none)\n", f);
}

static int has_kind(const px_comparison *c, px_fact_kind kind)
{
    for (size_t i = 0; i < c->facts.len; i++)
        if (c->facts.items[i].kind == kind) return 1;
    return 0;
}

/* "[A 5] age-adjective" for one side of a conflict: where, and the rule
 * that found it; with the publication day for an update:
 * "[A 5, 2016-04-18] count-verb". */
static void value_ref(px_buf *b, const px_comparison *c, const px_value *v, int dated)
{
    const char *date = px_article_date(c->articles[v->article]);
    px_buf_reset(b);
    px_buf_printf(b, "[%s", pxr_label(c, v->article));
    if (v->sentence != (size_t)-1) px_buf_printf(b, " %zu", v->sentence + 1);
    if (dated) px_buf_printf(b, ", %.10s", date ? date : "no date");
    px_buf_putc(b, ']');
    if (v->pattern) px_buf_printf(b, " %s", v->pattern);
    if (v->inferred) px_buf_puts(b, " (inferred)");
}

/* One value, with its words when they differ: "16 \u201c16-year-old\u201d". */
static void value_line(px_buf *b, const px_value *v)
{
    px_buf_reset(b);
    px_buf_puts(b, v->value ? v->value : "(none)");
    if (v->surface && v->value && strcmp(v->surface, v->value) != 0)
        px_buf_printf(b, " \u201c%s\u201d", v->surface);
}

/* CONFLICTS, UPDATES, AGREEMENTS (compatible ones marked): each slot with
 * its kind, what it is about, and every article's value. */
static void conflicts(const px_comparison *c, FILE *f, px_buf *b)
{
    static const char *const sections[] = {"CONFLICTS", "UPDATES (a later article changes the value)",
                                           "AGREEMENTS"};
    px_buf line = {0};
    for (int sec = 0; sec < 3; sec++) {
        heading(f, sections[sec]);
        size_t shown = 0;
        for (size_t i = 0; i < c->conflicts.len; i++) {
            const px_conflict *k = &c->conflicts.items[i];
            int in = sec == 0 ? k->judgment == PX_JUDGE_CONFLICT
                   : sec == 1 ? k->judgment == PX_JUDGE_UPDATE
                              : k->judgment == PX_JUDGE_AGREEMENT || k->judgment == PX_JUDGE_COMPATIBLE;
            if (!in) continue;
            px_buf_reset(&line);
            px_buf_puts(&line, px_conflict_kind_name(k->kind));
            if (strcmp(px_slot_name(k->slot), px_conflict_kind_name(k->kind)) != 0)
                px_buf_printf(&line, " (%s)", px_slot_name(k->slot));
            px_buf_printf(&line, ": %s", k->subject ? k->subject : "");
            if (k->entity && (!k->subject || !strstr(k->subject, k->entity)))
                px_buf_printf(&line, " [%s]", k->entity);
            if (k->judgment == PX_JUDGE_COMPATIBLE) px_buf_puts(&line, " (compatible)");
            wrap(f, "  ", 4, px_buf_str(&line), NULL);
            for (size_t v = 0; v < k->values.len; v++) {
                const px_value *val = &k->values.items[v];
                value_line(&line, val);
                value_ref(b, c, val, sec == 1);
                wrap(f, "      ", 8, px_buf_str(&line), px_buf_str(b));
            }
            shown++;
        }
        if (!shown) fputs("  (none)\n", f);
    }
    px_buf_free(&line);
}

static void quotes(const px_comparison *c, FILE *f, px_buf *b)
{
    heading(f, "QUOTES");
    if (!c->quotes.len) fputs("  (none)\n", f);
    for (size_t i = 0; i < c->quotes.len; i++) {
        const px_story_quote *q = &c->quotes.items[i];
        px_buf_reset(b);
        px_buf_printf(b, "\u201c%s\u201d", q->text ? q->text : "");
        wrap(f, "  ", 3, px_buf_str(b), NULL);
        fprintf(f, "      speaker: %s\n", q->speaker ? q->speaker : "not named");
        for (size_t u = 0; u < q->uses.len; u++) {
            const px_quote_use *use = &q->uses.items[u];
            const px_quote *own = pxr_quote_of(c, use);
            px_buf_reset(b);
            px_buf_printf(b, "      %s", pxr_label(c, use->article));
            if (own) px_buf_printf(b, " %zu", own->sentence + 1);
            px_buf_printf(b, ": %s", px_variant_name(use->variant));
            if (use->variant == PX_VARIANT_ALTERED && use->diff) {
                px_buf_puts(b, ": ");
                wrap(f, px_buf_str(b), 10, use->diff, NULL);
            } else {
                fprintf(f, "%s\n", px_buf_str(b));
            }
        }
    }
}

/* ADDITIONS or OMISSIONS: per article, its list of facts. */
static void per_article(const px_comparison *c, FILE *f, px_buf *b, int omitted)
{
    heading(f, omitted ? "OMISSIONS (what the others report and this article leaves out)"
                       : "ADDITIONS (what only this article reports)");
    px_indexes list = {0};
    for (size_t a = 0; a < c->n; a++) {
        list.len = 0;
        if (omitted) px_compare_omitted(c, a, &list);
        else px_compare_unique(c, a, &list);
        if (!list.len) {
            fprintf(f, "  %s: none\n", pxr_label(c, a));
            continue;
        }
        fprintf(f, "  %s (%zu):\n", pxr_label(c, a), list.len);
        for (size_t i = 0; i < list.len; i++) {
            if (list.items[i] >= c->facts.len) continue;
            const px_fact *fact = &c->facts.items[list.items[i]];
            px_buf_reset(b);
            refs_claims(b, c, fact);
            wrap(f, "    - ", 6, pxr_fact_text(c, fact), px_buf_str(b));
        }
    }
    px_vec_free(&list);
}

static void sources(const px_comparison *c, FILE *f, px_buf *b)
{
    heading(f, "SOURCES");
    for (size_t a = 0; a < c->n; a++) {
        px_buf_reset(b);
        for (size_t i = 0; i < c->citations.len; i++) {
            const px_citation *t = &c->citations.items[i];
            if (t->article != a) continue;
            px_buf_printf(b, "%s%s (%s, ", b->len ? "; " : "", t->source ? t->source : "?",
                          t->cue ? t->cue : "credited");
            if (t->sentence == (size_t)-1) px_buf_puts(b, "dateline)");
            else px_buf_printf(b, "sentence %zu)", t->sentence + 1);
        }
        char first[256];
        snprintf(first, sizeof first, "  %s credits: ", pxr_label(c, a));
        wrap(f, first, 6, b->len ? px_buf_str(b) : "no one", NULL);
    }
    if (!c->copies.len) fputs("  syndication: no article is a near-copy of another\n", f);
    for (size_t i = 0; i < c->copies.len; i++) {
        const px_copy *p = &c->copies.items[i];
        px_buf_reset(b);
        px_buf_printf(b, "%s is a near-copy of %s (simhash distance %d bits, %.0f%% of its "
                         "4-word shingles found there)",
                      pxr_label(c, p->copy), pxr_label(c, p->original), p->distance,
                      p->overlap * 100);
        wrap(f, "  syndication: ", 6, px_buf_str(b), NULL);
    }
}

/* Writes through an escaping stream (render/term.h): titles, sentences
 * and quotes are input, and a terminal must only show them. */
px_status px_render_comparison_text(const px_comparison *c, FILE *out, px_error *err)
{
    if (!c || !out) return px_error_set(err, PX_EUSAGE, "px_render_comparison_text", 0, 0,
                                        "no comparison or no output");
    FILE *f = px_term_stream(out);
    if (!f) return px_error_set(err, PX_EIO, "<output>", 0, 0, "cannot make the output stream");
    px_buf b = {0};
    fprintf(f, "COMPARISON OF %zu ARTICLES\n", c->n);
    fputs("(\"[A 3]\" is sentence 3 of article A)\n", f);
    articles(c, f, &b);
    summary(c, f, &b);
    heading(f, c->n == 2 ? "CONSENSUS (what both report)" : "CONSENSUS (what all report)");
    facts(c, f, &b, PX_FACT_CONSENSUS);
    if (has_kind(c, PX_FACT_SHARED)) {
        heading(f, "SHARED (what several, not all, report)");
        facts(c, f, &b, PX_FACT_SHARED);
    }
    conflicts(c, f, &b);
    quotes(c, f, &b);
    per_article(c, f, &b, 0);
    per_article(c, f, &b, 1);
    sources(c, f, &b);
    px_buf_free(&b);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad || ferror(out))
        return px_error_set(err, PX_EIO, "<output>", 0, 0, "write failed");
    return PX_OK;
}
