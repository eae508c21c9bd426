/*
 * explain.c — why a stored article is in its story (px_store_explain,
 * `parallax explain`).
 *
 * The decision itself (score, its parts, the threshold, the best other
 * story) was recorded when the article was added; a decision by hand that
 * moved it since is said first.  The evidence is recomputed: the article
 * is re-read and analysed, and its terms, names and numbers are set
 * against the story's saved sums, keeping what the other members brought
 * (story weight above the article's own); the keys are hashes, so they
 * are named again from the article's own words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze/numdate.h"
#include "store/store_private.h"

#define SHOW 8

typedef struct shared {
    uint64_t key;
    double weight;
} shared;

static int by_weight(const void *x, const void *y)
{
    double a = ((const shared *)x)->weight, b = ((const shared *)y)->weight;
    return a > b ? -1 : a < b;
}

/* The keys of doc vector f that the story's members share; when the
 * article is a member (own), its own part of the story's sums is left out. */
static size_t shared_keys(const px_features *f, const px_features *story, int own, shared *out,
                          size_t max)
{
    PX_VEC(shared) all = {0};
    size_t i = 0, j = 0;
    while (i < f->len && j < story->len) {
        if (f->items[i].key < story->items[j].key) i++;
        else if (f->items[i].key > story->items[j].key) j++;
        else {
            double others = story->items[j].weight - (own ? f->items[i].weight : 0);
            if (others > 0.01) {
                shared s = {f->items[i].key, f->items[i].weight * others};
                px_vec_push(&all, s);
            }
            i++, j++;
        }
    }
    if (all.len) qsort(all.items, all.len, sizeof *all.items, by_weight);
    size_t n = all.len < max ? all.len : max;
    if (n) memcpy(out, all.items, n * sizeof *out);
    px_vec_free(&all);
    return n;
}

/* key -> the article's own spelling */
static void name_keys(const px_article *a, const px_analysis *an, px_map *names)
{
    for (size_t i = 0; i < an->tokens.len; i++) {
        const px_token *t = &an->tokens.items[i];
        const char *text = a->sentences.items[t->sentence].text + t->start;
        size_t n = t->end - t->start;
        uint64_t keys[3] = {px_hash(t->stem, strlen(t->stem)), px_name_key(t->norm, strlen(t->norm)),
                            t->kind == PX_TOKEN_NUMBER ? px_number_key(text, n) : 0};
        for (int k = 0; k < 3; k++) {
            if (!keys[k] || px_map_get(names, (const char *)&keys[k], 8)) continue;
            px_map_put(names, (const char *)&keys[k], 8, px_xstrndup(k == 0 ? t->norm : text, k == 0 ? strlen(t->norm) : n));
        }
    }
    for (size_t i = 0; i < an->entities.len; i++) {
        const char *name = an->entities.items[i].pub.name;
        uint64_t key = px_name_key(name, strlen(name));
        if (!px_map_get(names, (const char *)&key, 8))
            px_map_put(names, (const char *)&key, 8, px_xstrdup(name));
    }
}

static void free_value(const char *k, size_t n, void *v, void *ud)
{
    (void)k, (void)n, (void)ud;
    free(v);
}

static void list(FILE *out, const char *label, const shared *s, size_t n, const px_map *names)
{
    fprintf(out, "%s:", label);
    if (!n) fputs(" none", out);
    for (size_t i = 0; i < n; i++) {
        const char *name = px_map_get(names, (const char *)&s[i].key, 8);
        fprintf(out, "%s %s", i ? "," : "", name ? name : "?");
    }
    fputc('\n', out);
}

static void part(FILE *out, const char *name, double v)
{
    if (v < 0) fprintf(out, "  %-10s -\n", name);
    else fprintf(out, "  %-10s %.3f\n", name, v);
}

/* Within a day of one of c's days, not counting the article's own share
 * (own: the article is a member, so each day it names is counted once). */
static int near_day(int32_t day, const px_day_counts *c, int own)
{
    for (size_t i = 0; i < c->len; i++) {
        int32_t x = c->items[i].day;
        if (x - day > 1 || day - x > 1) continue;
        if (own && x == day && c->items[i].count <= 1) continue;
        return 1;
    }
    return 0;
}

/* The days the article names that tie it to the story (days.h): a day the
 * story's articles were published or that they name too.  Days by its own
 * publication day say no more than that day does and are left out. */
static void named_days(FILE *out, const px_doc *d, const px_story *st, int own)
{
    int any = 0;
    for (size_t i = 0; i < d->nnamed; i++) {
        int32_t day = d->named[i];
        if (day - d->p.day <= 1 && d->p.day - day <= 1) continue;
        int pub = near_day(day, &st->pub_days, 0);
        if (!pub && !near_day(day, &st->named_days, own)) continue;
        int y, mo, dd;
        px_civil_from_days(day, &y, &mo, &dd);
        fprintf(out, "%s %04d-%02d-%02d (%s)", any++ ? "," : "  days it names:", y, mo, dd,
               pub ? "the story's articles were published then" : "its articles name it too");
    }
    if (any) fputc('\n', out);
}

static void evidence(FILE *out, px_store *s, px_context *ctx, const px_article *a, const px_membership_row *m,
                     int64_t story)
{
    px_error err;
    px_analysis *an;
    px_story st;
    if (px_analyze(ctx, a, &an, &err)) return;
    if (px_store_story_state(s, story, &st, &err)) {
        px_analysis_free(an);
        return;
    }
    px_story_params p;
    px_story_params_default(&p);
    px_df df;
    px_df_init(&df, 0);
    void *data;
    size_t len;
    if (!px_store_get_meta(s, "df", &data, &len, &err) && data) px_df_load(&df, data, len);
    free(data);
    px_doc d;
    px_doc_build(&d, ctx, a, an);
    px_doc_weigh(&d, &df, p.terms_power, p.specifics_power);
    px_map names = {0};
    name_keys(a, an, &names);
    shared top[SHOW];
    /* own story, or (when the article started its story) the one it came closest to */
    int own = story == m->story;
    fprintf(out, "%s story %lld:\n", own ? "shared with the rest of" : "shared with", (long long)story);
    list(out, "  words", top, shared_keys(&d.p.terms, &st.terms, own, top, SHOW), &names);
    list(out, "  names and numbers", top, shared_keys(&d.specifics, &st.specifics, own, top, SHOW), &names);
    if (m->match.quotes > 0 && an->quotes.len) fprintf(out, "  quotations: %.0f%% of its quoted 3-grams\n", 100 * m->match.quotes);
    named_days(out, &d, &st, own);
    px_map_each(&names, free_value, NULL);
    px_map_free(&names);
    px_doc_free(&d);
    px_df_free(&df);
    px_story_free(&st);
    px_analysis_free(an);
}

px_status px_store_explain(px_store *s, px_context *ctx, const char *key, FILE *out,
                           px_error *err)
{
    if (!s || !ctx || !key || !out)
        return px_error_set(err, PX_EUSAGE, "px_store_explain", 0, 0, "no store, context, article or output");
    px_article *a;
    px_membership_row m;
    px_status rc = px_store_article(s, ctx, key, &a, &m, err);
    if (rc) return rc;
    const char *title = px_article_title(a);
    fprintf(out, "article %s%s%s%s\n", px_article_id(a), title ? " (" : "", title ? title : "", title ? ")" : "");
    fprintf(out, "story %lld: %s\n", (long long)m.story, m.story_title ? m.story_title : "(untitled)");
    if (m.manual) { /* the last decision by hand that moved it; grouping's below */
        char when[32] = "?";
        time_t t = (time_t)m.manual_time;
        struct tm tm;
        if (gmtime_r(&t, &tm)) strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
        fprintf(out, "by hand: %s from story %lld to story %lld on %s\n",
                strcmp(m.manual, "merge") == 0 ? "merged" : strcmp(m.manual, "split") == 0 ? "split"
                                                                                       : "moved",
                (long long)m.manual_from, (long long)m.manual_to, when);
        fprintf(out, "when added, grouping put it in story %lld:\n", (long long)m.added_to);
    }
    int64_t placed = m.added_to; /* the story grouping's decision is about */
    if (m.copy_of >= 0) {
        fprintf(out, "decision: a copy of article %s (near-identical text), so in its story\n",
               m.copy_of_id ? m.copy_of_id : "?");
    } else if (!m.created) {
        fprintf(out, "decision: joined story %lld, score %.3f >= threshold %.3f\n", (long long)placed,
               m.match.score, m.threshold);
    } else if (m.best >= 0) {
        fprintf(out, "decision: started story %lld; the closest story, %lld, scored %.3f < threshold %.3f\n",
               (long long)placed, (long long)m.best, m.match.score, m.threshold);
    } else {
        fprintf(out, "decision: started story %lld; no earlier story in the time window shared its\n"
               "strongest words or names\n", (long long)placed);
    }
    if (m.match.score >= 0 && (m.copy_of >= 0 || !m.created || m.best >= 0)) {
        part(out, "terms", m.match.terms);
        part(out, "specifics", m.match.specifics);
        part(out, "quotes", m.match.quotes);
        if (m.match.gap < 0) fprintf(out, "  %-10s -\n", "days apart");
        else fprintf(out, "  %-10s %d\n", "days apart", m.match.gap);
        if (m.match.places_only) {
            px_story_params p;
            px_story_params_default(&p);
            fprintf(out, "  every name shared is a place: the score was multiplied by %.2f\n",
                   p.place_factor);
        }
    }
    evidence(out, s, ctx, a, &m, m.created && m.best >= 0 && !m.manual ? m.best : m.story);
    px_article_free(a);
    if (ferror(out)) return px_error_set(err, PX_EIO, "explain", 0, 0, "writing failed");
    return PX_OK;
}
