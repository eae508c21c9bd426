/*
 * compare_html_columns.c — the articles side by side on the HTML page.
 *
 * One column per article, its sentences in paragraphs as written, each
 * sentence a span coloured by the strongest fact it states (consensus over
 * shared over unique; a sentence no fact covers stays plain), with a
 * tooltip naming where else it is said.  A conflicting value is marked
 * where it stands in the sentence; when the value is a normal form not
 * found verbatim ("2014-11-07" for "Friday"), the whole sentence is
 * outlined instead.  Each sentence has an id (a0s4) the tables link to.
 */
#include <stdlib.h>
#include <string.h>

#include "render/compare_html.h"

typedef struct mark {
    size_t sentence, start, end;
    const px_conflict *conflict;
} mark;

typedef PX_VEC(mark) mark_vec;

typedef struct sentence_info {
    int kind;          /* px_fact_kind, or -1: no fact */
    size_t fact;
    const px_conflict *conflict; /* a conflict not found verbatim: outline */
} sentence_info;

static int mark_cmp(const void *pa, const void *pb)
{
    const mark *a = pa, *b = pb;
    if (a->sentence != b->sentence) return a->sentence < b->sentence ? -1 : 1;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    return 0;
}

/* The kind and fact of each sentence of article a, and its conflict marks. */
static void collect(const px_comparison *c, size_t a, sentence_info *info, size_t ns,
                    mark_vec *marks)
{
    for (size_t s = 0; s < ns; s++) info[s] = (sentence_info){-1, 0, NULL};
    for (size_t k = 0; k < c->claims.len; k++) {
        const px_claim *cl = &c->claims.items[k];
        if (cl->article != a || cl->sentence >= ns || cl->fact >= c->facts.len) continue;
        int kind = (int)c->facts.items[cl->fact].kind;
        if (info[cl->sentence].kind < 0 || kind < info[cl->sentence].kind)
            info[cl->sentence].kind = kind, info[cl->sentence].fact = cl->fact;
    }
    for (size_t i = 0; i < c->conflicts.len; i++) {
        const px_conflict *k = &c->conflicts.items[i];
        if (k->agreement) continue;
        for (size_t v = 0; v < k->values.len; v++) {
            const px_value *val = &k->values.items[v];
            const char *words = val->surface && *val->surface ? val->surface : val->value;
            if (val->article != a || val->sentence >= ns || !words || !*words) continue;
            const char *text = px_article_sentence(c->articles[a], val->sentence, NULL, NULL, NULL);
            const char *at = strstr(text, words);
            if (!at) {
                info[val->sentence].conflict = k;
                continue;
            }
            size_t start = (size_t)(at - text);
            px_vec_push(marks, ((mark){val->sentence, start, start + strlen(words), k}));
        }
    }
    if (marks->len) qsort(marks->items, marks->len, sizeof *marks->items, mark_cmp);
}

static void esc_n(FILE *f, const char *s, size_t n)
{
    char *copy = px_xstrndup(s, n);
    pxh_esc(f, copy);
    free(copy);
}

/* title="consensus: A 3, B 5" */
static void tooltip(const px_comparison *c, FILE *f, const sentence_info *in)
{
    fputs(" title=\"", f);
    if (in->kind >= 0) {
        const px_fact *fact = &c->facts.items[in->fact];
        fprintf(f, "%s:", px_fact_kind_name(fact->kind));
        for (size_t k = 0; k < fact->claims.len; k++) {
            if (k == 8) {
                fprintf(f, ", +%zu more", fact->claims.len - k);
                break;
            }
            if (fact->claims.items[k] >= c->claims.len) continue;
            const px_claim *cl = &c->claims.items[fact->claims.items[k]];
            fputs(k ? ", " : " ", f);
            pxh_esc(f, pxr_label(c, cl->article));
            fprintf(f, " %zu", cl->sentence + 1);
        }
        px_buf b = {0};
        if (pxr_fact_disputes(c, fact, &b)) {
            fputs("; they differ: ", f);
            pxh_esc(f, px_buf_str(&b));
        }
        px_buf_free(&b);
    }
    if (in->conflict) {
        fprintf(f, "%s%s %s: ", in->kind >= 0 ? "; " : "",
                px_conflict_kind_name(in->conflict->kind), px_judgment_name(in->conflict->judgment));
        pxh_esc(f, in->conflict->subject);
    }
    fputc('"', f);
}

static void sentence(const px_comparison *c, FILE *f, size_t a, size_t s,
                     const sentence_info *in, const mark *m, size_t nm)
{
    static const char *kinds[] = {"k-consensus", "k-shared", "k-unique"};
    const char *text = px_article_sentence(c->articles[a], s, NULL, NULL, NULL);
    fprintf(f, "<span id=\"a%zus%zu\" class=\"s", a, s);
    if (in->kind >= 0 && in->kind <= 2) fprintf(f, " %s", kinds[in->kind]);
    if (in->conflict) fputs(" s-conflict", f);
    fputc('"', f);
    if (in->kind >= 0 || in->conflict) tooltip(c, f, in);
    fputc('>', f);
    size_t at = 0, len = strlen(text);
    for (size_t i = 0; i < nm; i++) {
        if (m[i].start < at || m[i].end > len) continue; /* overlaps the previous mark */
        esc_n(f, text + at, m[i].start - at);
        fprintf(f, "<mark title=\"%s %s: ", px_conflict_kind_name(m[i].conflict->kind),
                px_judgment_name(m[i].conflict->judgment));
        pxh_esc(f, m[i].conflict->subject);
        fputs("\">", f);
        esc_n(f, text + m[i].start, m[i].end - m[i].start);
        fputs("</mark>", f);
        at = m[i].end;
    }
    pxh_esc(f, text + at);
    fputs("</span>", f);
}

static void column(const px_comparison *c, FILE *f, size_t a)
{
    const px_article *art = c->articles[a];
    const char *title = px_article_title(art), *outlet = px_article_outlet(art);
    const char *date = NULL, *url = px_article_url(art);
    size_t ns = px_article_sentence_count(art);
    fputs("<article class=\"col\" lang=\"", f);
    pxh_esc(f, strcmp(px_article_language(art), "und") ? px_article_language(art) : "");
    fputs("\"><header>", f);
    pxh_pill(f, c, a, (size_t)-1);
    fputs("<p class=\"title\">", f);
    pxh_esc(f, title ? title : "(untitled)");
    fputs("</p><p class=\"meta\">", f);
    if (outlet) pxh_esc(f, outlet), fputs(" · ", f);
    (void)date;
    pxh_esc(f, pxr_date(c, a));
    fputs(" · ", f);
    pxh_esc(f, px_article_language(art));
    char sentences[48], facts[48];
    fprintf(f, " · %s · %s", pxr_count(sentences, sizeof sentences, ns, "sentence"),
            pxr_count(facts, sizeof facts, pxr_fact_count(c, a), "fact"));
    if (url) fputs("<br>", f), pxh_esc(f, url);
    fputs("</p></header>\n", f);

    sentence_info *info = px_xcalloc(ns ? ns : 1, sizeof *info);
    mark_vec marks = {0};
    collect(c, a, info, ns, &marks);
    size_t m = 0, para = (size_t)-1;
    for (size_t s = 0; s < ns; s++) {
        size_t p;
        px_article_sentence(art, s, &p, NULL, NULL);
        if (p != para) {
            fputs(para == (size_t)-1 ? "<p>" : "</p>\n<p>", f);
            para = p;
        } else {
            fputc(' ', f);
        }
        size_t first = m;
        while (m < marks.len && marks.items[m].sentence == s) m++;
        sentence(c, f, a, s, &info[s], m > first ? marks.items + first : NULL, m - first);
    }
    if (ns) fputs("</p>\n", f);
    px_vec_free(&marks);
    free(info);
    fputs("</article>\n", f);
}

void pxh_columns(const px_comparison *c, FILE *f)
{
    fputs("<section id=\"articles\"><h2>Side by side</h2>\n<p class=\"legend\">"
          "<span class=\"k-consensus\">reported by all</span>"
          "<span class=\"k-shared\">by several</span>"
          "<span class=\"k-unique\">by this article only</span>"
          "<mark>a conflicting value</mark> &nbsp;Hover a sentence to see where else it "
          "is said.</p>\n<div class=\"columns\">\n", f);
    for (size_t a = 0; a < c->n; a++) column(c, f, a);
    fputs("</div></section>\n", f);
}
