/*
 * grouping_view.c — bench/grouping_view: proof that the light analysis
 * (px_analyze_light(), what `parallax add` runs) gives story grouping the
 * same view of every article as the full one (px_analyze()).
 *
 *   build/bench/grouping_view FILE.jsonl...    ("-": standard input)
 *
 * For each article it builds the grouping view (px_doc_build, story/doc.h)
 * from both analyses and compares everything grouping reads: the terms and
 * specifics with their tf and weights, the quotation shingles, the places, the day,
 * the days the text names, the simhash, the word count and the
 * fingerprint; and, beyond what
 * grouping reads, the entities' names and types.  It prints the articles
 * read and those whose views differ (with the first few ids), and the CPU
 * time of each analysis.  Exit status 1 when any view differs.
 *
 * Identical views give identical stories, so this is a stronger check than
 * re-running the quality bench: it holds article by article, not only on
 * the scores.  bench/clustering/README.md has the last run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "story/doc.h"

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int same_features(const px_features *a, const px_features *b)
{
    if (a->len != b->len) return 0;
    for (size_t i = 0; i < a->len; i++)
        if (a->items[i].key != b->items[i].key || a->items[i].tf != b->items[i].tf ||
            a->items[i].weight != b->items[i].weight)
            return 0;
    return 1;
}

static int same_keys(const px_keys *a, const px_keys *b)
{
    return a->len == b->len && (!a->len || !memcmp(a->items, b->items, a->len * sizeof *a->items));
}

static int cmp_entity(const void *x, const void *y)
{
    const px_entity *a = *(const px_entity *const *)x, *b = *(const px_entity *const *)y;
    int c = strcmp(a->name, b->name);
    return c ? c : (int)a->type - (int)b->type;
}

/* The entities of an, sorted by name and type, into out (an array of n). */
static void sorted_entities(const px_analysis *an, const px_entity **out, size_t n)
{
    for (size_t i = 0; i < n; i++) out[i] = px_analysis_entity(an, i);
    qsort(out, n, sizeof *out, cmp_entity);
}

/* 1 when both analyses have the same entity names and types; the order
 * may differ (the light one opens an entity at its first name mention,
 * the full one at a role mention before it: "the president ... Obama"). */
static int same_entities(const px_analysis *x, const px_analysis *y)
{
    size_t n = px_analysis_entity_count(x);
    if (n != px_analysis_entity_count(y)) return 0;
    const px_entity **a = px_xcalloc(n + 1, sizeof *a), **b = px_xcalloc(n + 1, sizeof *b);
    sorted_entities(x, a, n);
    sorted_entities(y, b, n);
    int same = 1;
    for (size_t i = 0; i < n && same; i++) same = !cmp_entity(&a[i], &b[i]);
    free(a);
    free(b);
    return same;
}

/* What differs between the views, or NULL. */
static const char *difference(const px_doc *f, const px_doc *l)
{
    if (!same_features(&f->p.terms, &l->p.terms)) return "terms";
    if (!same_features(&f->specifics, &l->specifics)) return "specifics";
    if (!same_keys(&f->p.quotes, &l->p.quotes)) return "quotes";
    if (!same_keys(&f->places, &l->places)) return "places";
    if (f->p.day != l->p.day) return "day";
    if (f->p.simhash != l->p.simhash) return "simhash";
    if (f->p.words != l->p.words) return "words";
    if (f->fingerprint != l->fingerprint) return "fingerprint";
    if (f->nnamed != l->nnamed || memcmp(f->named, l->named, f->nnamed * sizeof *f->named))
        return "named days";
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: grouping_view FILE.jsonl...\n", stderr);
        return 2;
    }
    px_context *ctx;
    px_error err;
    if (px_context_new(&ctx, &err)) {
        fprintf(stderr, "grouping_view: %s\n", err.message);
        return 1;
    }
    size_t n = 0, differ = 0, entities_differ = 0;
    double t_full = 0, t_light = 0;
    for (int i = 1; i < argc; i++) {
        px_reader *r;
        if (px_reader_open(ctx, argv[i], PX_FORMAT_JSONL, &r, &err)) {
            fprintf(stderr, "grouping_view: %s\n", err.message);
            return 1;
        }
        px_article *a;
        for (;;) {
            px_status rc = px_reader_next(r, &a, &err);
            if (rc && rc != PX_EIO) continue; /* a bad line: the reader goes on */
            if (rc || !a) break;
            px_analysis *full, *light;
            double t0 = cpu_seconds();
            px_status rf = px_analyze(ctx, a, &full, &err);
            double t1 = cpu_seconds();
            px_status rl = px_analyze_light(ctx, a, &light, &err);
            t_light += cpu_seconds() - t1, t_full += t1 - t0;
            if (rf || rl) {
                fprintf(stderr, "grouping_view: %s: analysis failed\n", px_article_id(a));
                return 1;
            }
            px_doc f, l;
            px_doc_build(&f, ctx, a, full);
            px_doc_build(&l, ctx, a, light);
            const char *what = difference(&f, &l);
            if (what && differ++ < 10)
                printf("differs: %s (%s)\n", px_article_id(a) ? px_article_id(a) : "?", what);
            entities_differ += !same_entities(full, light);
            n++;
            px_doc_free(&f);
            px_doc_free(&l);
            px_analysis_free(full);
            px_analysis_free(light);
            px_article_free(a);
        }
        px_reader_close(r);
    }
    printf("articles %zu  grouping views that differ %zu  entity lists that differ %zu\n", n,
           differ, entities_differ);
    printf("analysis CPU: full %.2f s (%.0f articles/s), light %.2f s (%.0f articles/s)\n", t_full,
           t_full > 0 ? n / t_full : 0.0, t_light, t_light > 0 ? n / t_light : 0.0);
    px_context_free(ctx);
    return differ || entities_differ ? 1 : 0;
}
