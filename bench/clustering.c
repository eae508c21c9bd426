/*
 * clustering.c — bench/clustering: story grouping scored against labelled
 * stories.  See bench/clustering/run for the data sets and how they are fed.
 *
 *   build/bench/clustering [options] FILE.jsonl...
 *
 * Reads JSON Lines with an id, a gold label (--label KEY, default
 * "cluster"), a text and optionally title, date and outlet; groups them
 * with px_cluster_batch (the algorithm of `parallax cluster`); prints
 * pairwise and B-cubed precision, recall and F1, stories found vs true,
 * and articles per second of CPU time (read + analyse + group; the light
 * analysis, as `parallax add` and `parallax cluster` run it).
 *
 *   --label KEY       the gold label's key (ECB+, BASIL: cluster; GVA: incident)
 *   --strip-url       drop a first text line starting with "http" (ECB+), and
 *                     never pass the url: the layout must tell nothing
 *   --no-merge        skip the merge pass
 *   --threshold X, --merge-threshold X, --window D, --gap-penalty X,
 *   --w-terms X, --w-specifics X, --w-quotes X, --refine N, --terms-power X,
 *   --specifics-power X, --link-floor D, --place-factor X
 *                                                  override a parameter (tuning)
 *   --errors N        list N wrongly split and N wrongly joined pairs
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "story/batch.h"

#include "labelled.h"

typedef struct scores {
    double pp, pr, pf, bp, br, bf;
    size_t found, truth;
} scores;

static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

/* label ids: gold[i], sys[i] small integers */
static scores score(const int64_t *gold, const int64_t *sys, size_t n)
{
    scores s = {0};
    /* pairs: count by brute force over sorted groups would be faster; n is small */
    double tp = 0, fp = 0, fn = 0, bp = 0, br = 0;
    for (size_t i = 0; i < n; i++) {
        size_t same_sys = 0, same_gold = 0, both = 0;
        for (size_t j = 0; j < n; j++) {
            int g = gold[i] == gold[j], y = sys[i] == sys[j];
            same_gold += g, same_sys += y, both += g && y;
            if (j > i) tp += g && y, fp += y && !g, fn += g && !y;
        }
        bp += (double)both / same_sys;
        br += (double)both / same_gold;
    }
    s.pp = tp + fp > 0 ? tp / (tp + fp) : 1;
    s.pr = tp + fn > 0 ? tp / (tp + fn) : 1;
    s.pf = f1(s.pp, s.pr);
    s.bp = bp / n, s.br = br / n, s.bf = f1(s.bp, s.br);
    int64_t maxg = 0, maxs = 0;
    for (size_t i = 0; i < n; i++) {
        if (gold[i] > maxg) maxg = gold[i];
        if (sys[i] > maxs) maxs = sys[i];
    }
    char *seen = px_xcalloc((size_t)(maxg > maxs ? maxg : maxs) + 1, 1);
    for (size_t i = 0; i < n; i++) s.truth += !seen[gold[i]]++;
    memset(seen, 0, (size_t)(maxg > maxs ? maxg : maxs) + 1);
    for (size_t i = 0; i < n; i++) s.found += !seen[sys[i]]++;
    free(seen);
    return s;
}

static void show_errors(const int64_t *gold, const int64_t *sys, size_t n, int max)
{
    int split = 0, joined = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            int g = gold[i] == gold[j], y = sys[i] == sys[j];
            if (g && !y && split < max) {
                split++;
                printf("split:  %s | %s\n   %.70s\n   %.70s\n", items.items[i].id, items.items[j].id,
                       items.items[i].title ? items.items[i].title : px_article_text(items.items[i].a),
                       items.items[j].title ? items.items[j].title : px_article_text(items.items[j].a));
            }
            if (!g && y && joined < max) {
                joined++;
                printf("joined: %s | %s\n   %.70s\n   %.70s\n", items.items[i].id, items.items[j].id,
                       items.items[i].title ? items.items[i].title : px_article_text(items.items[i].a),
                       items.items[j].title ? items.items[j].title : px_article_text(items.items[j].a));
            }
        }
}

static double cos_f(const px_features *a, const px_features *b)
{
    double d = 0;
    size_t i = 0, j = 0;
    while (i < a->len && j < b->len) {
        if (a->items[i].key == b->items[j].key) d += (double)a->items[i++].weight * b->items[j++].weight;
        else if (a->items[i].key < b->items[j].key) i++;
        else j++;
    }
    return d;
}

/* Tuning aid: the parts of every pair that shares something, with its truth. */
static void dump_pairs(const char *path, px_doc *docs, const int64_t *gold, size_t n)
{
    FILE *f = fopen(path, "w");
    if (!f) return;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            double t = cos_f(&docs[i].p.terms, &docs[j].p.terms);
            double s = cos_f(&docs[i].specifics, &docs[j].specifics);
            int same = gold[i] == gold[j];
            if (!same && t < 0.1 && s < 0.1) continue;
            int gap = docs[i].p.day == PX_NO_DAY || docs[j].p.day == PX_NO_DAY ? -1 : abs(docs[i].p.day - docs[j].p.day);
            fprintf(f, "%d %.4f %.4f %d %zu %zu\n", same, t, s, gap, i, j);
        }
    fclose(f);
}

/* Tuning aid: each article's id, gold label and story, one a line. */
static void dump_assignment(const char *path, const int64_t *gold, const int64_t *sys, size_t n)
{
    FILE *f = fopen(path, "w");
    if (!f) return;
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s\t%s\t%lld\t%lld\n", items.items[i].id, items.items[i].label, (long long)gold[i],
                (long long)sys[i]);
    fclose(f);
}

int main(int argc, char **argv)
{
    px_story_params p;
    px_story_params_default(&p);
    const char *label = "cluster";
    int strip_url = 0, merge = 1, errors = 0;
    static const struct option opts[] = {
        {"label", 1, NULL, 'l'}, {"strip-url", 0, NULL, 'u'}, {"no-merge", 0, NULL, 'M'},
        {"threshold", 1, NULL, 't'}, {"merge-threshold", 1, NULL, 'm'}, {"window", 1, NULL, 'w'},
        {"gap-penalty", 1, NULL, 'h'}, {"w-terms", 1, NULL, 'T'}, {"w-specifics", 1, NULL, 'S'},
        {"w-quotes", 1, NULL, 'Q'}, {"errors", 1, NULL, 'e'}, {"refine", 1, NULL, 'r'},
        {"terms-power", 1, NULL, 'P'}, {"specifics-power", 1, NULL, 'p'}, {"link-floor", 1, NULL, 'L'},
        {"place-factor", 1, NULL, 'F'},
        {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'l': label = optarg; break;
        case 'u': strip_url = 1; break;
        case 'M': merge = 0; break;
        case 't': p.threshold = atof(optarg); break;
        case 'm': p.merge_threshold = atof(optarg); break;
        case 'w': p.window = atoi(optarg); break;
        case 'h': p.gap_penalty = atof(optarg); break;
        case 'T': p.w_terms = atof(optarg); break;
        case 'S': p.w_specifics = atof(optarg); break;
        case 'Q': p.w_quotes = atof(optarg); break;
        case 'e': errors = atoi(optarg); break;
        case 'r': p.refine = atoi(optarg); break;
        case 'P': p.terms_power = atof(optarg); break;
        case 'p': p.specifics_power = atof(optarg); break;
        case 'L': p.link_floor = atoi(optarg); break;
        case 'F': p.place_factor = atof(optarg); break;
        default: return 2;
        }
    }
    if (optind >= argc) {
        fputs("usage: clustering [options] FILE.jsonl...\n", stderr);
        return 2;
    }
    px_context *ctx;
    px_error err;
    if (px_context_new(&ctx, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    double t0 = cpu_seconds();
    for (int i = optind; i < argc; i++) load(ctx, argv[i], label, NULL, strip_url);
    size_t n = items.len;
    px_doc *docs = px_xcalloc(n ? n : 1, sizeof *docs);
    for (size_t i = 0; i < n; i++) px_doc_build(&docs[i], ctx, items.items[i].a, items.items[i].an);
    int64_t *sys = px_xcalloc(n ? n : 1, sizeof *sys), *gold = px_xcalloc(n ? n : 1, sizeof *gold);
    px_cluster_batch(docs, n, &p, merge, sys, NULL);
    double secs = cpu_seconds() - t0;
    const char *grid = getenv("GRID"); /* tuning: one parameter set per line, analysis done once */

    px_map labels = {0};
    int64_t next = 1;
    for (size_t i = 0; i < n; i++) {
        const char *l = items.items[i].label;
        void *v = px_map_get(&labels, l, strlen(l));
        if (!v) px_map_put(&labels, l, strlen(l), v = (void *)(intptr_t)next++);
        gold[i] = (int64_t)(intptr_t)v;
    }
    if (grid) {
        FILE *g = fopen(grid, "r");
        char line[256];
        while (g && fgets(line, sizeof line, g)) {
            px_story_params q = p;
            if (sscanf(line, "%lf %lf %d %lf %lf %lf %lf %lf %d", &q.threshold, &q.w_specifics, &q.refine,
                       &q.merge_threshold, &q.specifics_power, &q.terms_power, &q.gap_penalty,
                       &q.specifics_floor, &q.link_floor) < 8)
                continue;
            px_cluster_batch(docs, n, &q, merge, sys, NULL);
            scores r = score(gold, sys, n);
            line[strcspn(line, "\n")] = 0;
            printf("%s | %.3f %.3f %zu\n", line, r.pf, r.bf, r.found);
            fflush(stdout);
        }
        if (g) fclose(g);
    }
    scores s = score(gold, sys, n);
    printf("articles %zu  stories found %zu  true %zu\n", n, s.found, s.truth);
    printf("pairwise  P %.3f  R %.3f  F1 %.3f\n", s.pp, s.pr, s.pf);
    printf("B-cubed   P %.3f  R %.3f  F1 %.3f\n", s.bp, s.br, s.bf);
    printf("speed     %.0f articles/s (CPU, one core: read + analyse + group)\n", n / (secs > 0 ? secs : 1e-9));
    if (errors) show_errors(gold, sys, n, errors);
    if (getenv("PAIRS")) dump_pairs(getenv("PAIRS"), docs, gold, n);
    if (getenv("ASSIGN")) dump_assignment(getenv("ASSIGN"), gold, sys, n);

    free_items(docs);
    px_map_free(&labels);
    free(sys);
    free(gold);
    px_context_free(ctx);
    return 0;
}
