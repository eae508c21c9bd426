/*
 * compare_render.c — the reads and figures the comparison renderers share
 * (see compare_render.h).  Bounds-checked, so a renderer never trusts an
 * index it did not make.
 */
#include <stdint.h>
#include <string.h>

#include "render/compare_render.h"

const char *pxr_label(const px_comparison *c, size_t a)
{
    if (a >= c->n) return "?";
    if (c->labels && c->labels[a]) return c->labels[a];
    const char *id = c->articles ? px_article_id(c->articles[a]) : NULL;
    return id ? id : "?";
}

const char *pxr_fact_text(const px_comparison *c, const px_fact *f)
{
    if (f->best >= c->claims.len || !c->claims.items[f->best].text) return "";
    return c->claims.items[f->best].text;
}

const px_quote *pxr_quote_of(const px_comparison *c, const px_quote_use *u)
{
    if (u->article >= c->n || !c->analyses) return NULL;
    const px_analysis *an = c->analyses[u->article];
    if (u->quote >= px_analysis_quote_count(an)) return NULL;
    return px_analysis_quote(an, u->quote);
}

const px_similarity *pxr_similarity(const px_comparison *c, size_t a, size_t b)
{
    if (!c->similarity || a >= c->n || b >= c->n) return NULL;
    return &c->similarity[a * c->n + b];
}

void pxr_similarity_stats(const px_comparison *c, pxr_sim_stats *out)
{
    memset(out, 0, sizeof *out);
    double sum = 0;
    size_t m = c->similarity ? c->n : c->sample_len;
    const px_similarity *matrix = c->similarity ? c->similarity : c->sample_similarity;
    if (!matrix) return;
    for (size_t i = 0; i < m; i++)
        for (size_t j = i + 1; j < m; j++) {
            const px_similarity *s = &matrix[i * m + j];
            size_t a = c->similarity ? i : c->sample[i], b = c->similarity ? j : c->sample[j];
            if (!out->pairs || s->score < out->low)
                out->low = s->score, out->low_a = a, out->low_b = b;
            if (!out->pairs || s->score > out->high)
                out->high = s->score, out->high_a = a, out->high_b = b;
            sum += s->score;
            out->pairs++;
        }
    if (out->pairs) out->mean = sum / (double)out->pairs;
    out->sampled = c->similarity ? 0 : m;
}

int pxr_languages(const px_comparison *c, px_buf *out)
{
    int distinct = 0;
    for (size_t a = 0; a < c->n; a++) {
        const char *lang = px_article_language(c->articles[a]);
        size_t b = 0;
        while (b < a && strcmp(px_article_language(c->articles[b]), lang) != 0) b++;
        if (b < a) continue;
        if (out) px_buf_printf(out, "%s%s", distinct ? ", " : "", lang);
        distinct++;
    }
    return distinct > 1;
}

/* 1 when k's values before v already hold v's value. */
static int seen_value(const px_conflict *k, size_t v)
{
    const char *x = k->values.items[v].value ? k->values.items[v].value : "";
    for (size_t i = 0; i < v; i++)
        if (strcmp(k->values.items[i].value ? k->values.items[i].value : "", x) == 0) return 1;
    return 0;
}

size_t pxr_fact_disputes(const px_comparison *c, const px_fact *f, px_buf *out)
{
    size_t written = 0;
    for (size_t i = 0; i < f->disputed.len; i++) {
        if (f->disputed.items[i] >= c->conflicts.len) continue;
        const px_conflict *k = &c->conflicts.items[f->disputed.items[i]];
        px_buf_printf(out, "%s%s: ", written ? "; " : "",
                      k->subject ? k->subject : px_slot_name(k->slot));
        /* The first few distinct values: the CONFLICTS list has them all
         * (and a value repeated by 1,000 articles is not scanned 1,000^2). */
        size_t shown = 0;
        for (size_t v = 0; v < k->values.len && v < 64; v++) {
            if (shown == 4) {
                px_buf_puts(out, " or others");
                break;
            }
            if (seen_value(k, v)) continue;
            const px_value *val = &k->values.items[v];
            px_buf_printf(out, "%s%s", shown ? " or " : "",
                          val->surface ? val->surface : val->value ? val->value : "?");
            shown++;
        }
        written++;
    }
    return written;
}

size_t pxr_fact_count(const px_comparison *c, size_t a)
{
    return px_compare_fact_count(c, a);
}

const char *pxr_date(const px_comparison *c, size_t a)
{
    const char *d = px_article_date(c->articles[a]);
    return d && d[0] >= '0' && d[0] <= '9' ? d : "undated";
}

const char *pxr_count(char *buf, size_t size, size_t n, const char *noun)
{
    snprintf(buf, size, "%zu %s%s", n, noun, n == 1 ? "" : "s");
    return buf;
}

int pxr_one_story(const px_comparison *c)
{
    pxr_sim_stats st;
    pxr_similarity_stats(c, &st);
    return !st.pairs || st.mean >= PXR_ONE_STORY;
}

const char *pxr_story_title(const px_comparison *c)
{
    const char *best = NULL;
    size_t best_n = 0, best_rank = SIZE_MAX;
    for (size_t a = 0; a < c->n; a++) {
        const char *t = px_article_title(c->articles[a]);
        if (!t) continue;
        size_t n = 0;
        for (size_t b = 0; b < c->n && b < 1000; b++) { /* enough to find a shared one */
            const char *u = px_article_title(c->articles[b]);
            n += u && strcmp(t, u) == 0;
        }
        size_t rank = c->article_rank ? c->article_rank[a] : a;
        int longer = best && strlen(t) > strlen(best), same = best && strlen(t) == strlen(best);
        if (n > best_n || (n == best_n && (longer || (same && rank < best_rank))))
            best = t, best_n = n, best_rank = rank;
        if (a >= 1000) break;
    }
    return best;
}
