/*
 * compare_basil.c — parallax compare on BASIL's 100 events (3 outlets each).
 *
 *   build/bench/compare_basil [--show N] BASIL_DIR
 *
 * BASIL_DIR is the folder holding basil.jsonl (../shared/bench/basil).
 * Prints, side by side:
 *   - conflicts reported per event (mean, and the distribution), by kind,
 *     and the agreements recorded;
 *   - similarity separation: of the same-event pairs, the share that score
 *     above every different-event pair of the same two articles (pairs
 *     (a, x) and (b, x) with x from another event), with the mean
 *     similarity of same-event and different-event pairs;
 *   - speed: CPU time of px_compare on 10 and on 50 analysed articles, and
 *     of read + analyse + compare for 10 (a command's whole run).
 * --show N prints the conflicts of the first N events with their values,
 * for reading by hand.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compare/compare.h"
#include "story/similarity.h"

typedef struct corpus {
    px_article **a;
    px_analysis **an;
    char **cluster;
    size_t n;
} corpus;

static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The cluster of each line's id, read with jansson (the reader keeps no
 * unknown keys). */
static char *cluster_of(const char *path, const char *id)
{
    static json_t *map;
    if (!map) {
        map = json_object();
        FILE *f = fopen(path, "r");
        char *line = NULL;
        size_t cap = 0;
        while (f && getline(&line, &cap, f) > 0) {
            json_t *o = json_loads(line, 0, NULL);
            if (o) json_object_set(map, json_string_value(json_object_get(o, "id")), json_object_get(o, "cluster"));
            json_decref(o);
        }
        free(line);
        if (f) fclose(f);
    }
    return strdup(json_string_value(json_object_get(map, id)) ? json_string_value(json_object_get(map, id)) : "?");
}

static int load(px_context *ctx, const char *path, corpus *c)
{
    px_reader *r;
    px_error err;
    if (px_reader_open(ctx, path, PX_FORMAT_JSONL, &r, &err)) return fprintf(stderr, "%s\n", err.message), 0;
    px_article *a;
    while (px_reader_next(r, &a, &err) == PX_OK && a) {
        c->a = realloc(c->a, (c->n + 1) * sizeof *c->a);
        c->an = realloc(c->an, (c->n + 1) * sizeof *c->an);
        c->cluster = realloc(c->cluster, (c->n + 1) * sizeof *c->cluster);
        c->a[c->n] = a;
        px_analyze(ctx, a, &c->an[c->n], &err);
        c->cluster[c->n] = cluster_of(path, px_article_id(a));
        c->n++;
    }
    px_reader_close(r);
    return 1;
}

static void show_conflicts(const px_comparison *cmp, size_t event)
{
    printf("-- event %zu: %s\n", event, px_article_title(cmp->articles[0]));
    for (size_t k = 0; k < cmp->conflicts.len; k++) {
        const px_conflict *x = &cmp->conflicts.items[k];
        if (x->agreement) continue;
        printf("   %-13s %-30.30s", px_conflict_kind_name(x->kind), x->subject);
        for (size_t i = 0; i < x->values.len; i++)
            printf(" | %s: %.60s", cmp->labels[x->values.items[i].article], x->values.items[i].value);
        printf("\n");
    }
}

static void conflicts_per_event(px_context *ctx, const corpus *c, int show)
{
    size_t events = 0, total = 0, agreements = 0, by_kind[5] = {0}, hist[6] = {0};
    for (size_t i = 0; i < c->n;) {
        size_t j = i;
        while (j < c->n && strcmp(c->cluster[j], c->cluster[i]) == 0) j++;
        px_comparison *cmp;
        if (j - i >= 2 && px_compare(ctx, c->a + i, c->an + i, j - i, &cmp, NULL) == PX_OK) {
            size_t n = 0;
            for (size_t k = 0; k < cmp->conflicts.len; k++) {
                if (cmp->conflicts.items[k].agreement) agreements++;
                else n++, by_kind[cmp->conflicts.items[k].kind]++;
            }
            if ((int)events < show) show_conflicts(cmp, events);
            total += n;
            hist[n < 5 ? n : 5]++;
            events++;
            px_comparison_free(cmp);
        }
        i = j;
    }
    printf("conflicts: %zu events, %.2f per event (%zu in all), agreements %.2f per event\n", events,
           events ? (double)total / events : 0, total, events ? (double)agreements / events : 0);
    printf("  by kind: name %zu, number %zu, date %zu, quote-speaker %zu, quote-wording %zu\n",
           by_kind[0], by_kind[1], by_kind[2], by_kind[3], by_kind[4]);
    printf("  events with 0/1/2/3/4/5+ conflicts: %zu/%zu/%zu/%zu/%zu/%zu\n", hist[0], hist[1], hist[2],
           hist[3], hist[4], hist[5]);
}

static void separation(const corpus *c)
{
    px_profile *p = calloc(c->n, sizeof *p);
    for (size_t i = 0; i < c->n; i++) px_profile_build(&p[i], c->a[i], c->an[i], NULL);
    double *s = malloc(c->n * c->n * sizeof *s);
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = 0; j < c->n; j++) {
            px_similarity sim;
            if (j < i) s[i * c->n + j] = s[j * c->n + i];
            else if (j == i) s[i * c->n + j] = 1;
            else px_profile_similarity(&p[i], &p[j], &sim), s[i * c->n + j] = sim.score;
        }
    size_t same = 0, separated = 0, diff = 0;
    double same_sum = 0, diff_sum = 0;
    for (size_t a = 0; a < c->n; a++)
        for (size_t b = a + 1; b < c->n; b++) {
            if (strcmp(c->cluster[a], c->cluster[b]) != 0) {
                diff++, diff_sum += s[a * c->n + b];
                continue;
            }
            double top = 0;
            for (size_t x = 0; x < c->n; x++) {
                if (strcmp(c->cluster[x], c->cluster[a]) == 0) continue;
                if (s[a * c->n + x] > top) top = s[a * c->n + x];
                if (s[b * c->n + x] > top) top = s[b * c->n + x];
            }
            same++, same_sum += s[a * c->n + b];
            separated += s[a * c->n + b] > top;
        }
    printf("similarity: same-event pairs %zu, mean %.3f; different-event pairs %zu, mean %.3f\n", same,
           same ? same_sum / same : 0, diff, diff ? diff_sum / diff : 0);
    printf("  separation: %.3f of same-event pairs score above every different-event pair of their articles (%zu/%zu)\n",
           same ? (double)separated / same : 0, separated, same);
    for (size_t i = 0; i < c->n; i++) px_profile_free(&p[i]);
    free(p);
    free(s);
}

static void speed(px_context *ctx, const corpus *c, const char *path)
{
    for (size_t n = 10; n <= 50 && n <= c->n; n += 40) {
        int reps = 20;
        double t0 = cpu();
        for (int r = 0; r < reps; r++) {
            px_comparison *cmp;
            px_compare(ctx, c->a, c->an, n, &cmp, NULL);
            px_comparison_free(cmp);
        }
        printf("speed: px_compare of %zu analysed articles: %.1f ms\n", n, (cpu() - t0) / reps * 1e3);
    }
    /* a whole command: read the first 10 articles, analyse, compare */
    double t0 = cpu();
    px_reader *r;
    px_reader_open(ctx, path, PX_FORMAT_JSONL, &r, NULL);
    px_article *a[10];
    px_analysis *an[10];
    size_t n = 0;
    while (n < 10 && px_reader_next(r, &a[n], NULL) == PX_OK && a[n]) px_analyze(ctx, a[n], &an[n], NULL), n++;
    px_reader_close(r);
    px_comparison *cmp;
    px_compare(ctx, a, an, n, &cmp, NULL);
    px_comparison_free(cmp);
    printf("speed: read + analyse + compare of %zu articles: %.1f ms\n", n, (cpu() - t0) * 1e3);
    for (size_t i = 0; i < n; i++) px_article_free(a[i]), px_analysis_free(an[i]);
}

int main(int argc, char **argv)
{
    int show = 0, arg = 1;
    if (argc > 2 && strcmp(argv[1], "--show") == 0) show = atoi(argv[2]), arg = 3;
    if (arg >= argc) {
        fprintf(stderr, "usage: compare_basil [--show N] BASIL_DIR\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/basil.jsonl", argv[arg]);
    px_context *ctx;
    if (px_context_new(&ctx, NULL)) return 1;
    corpus c = {0};
    if (!load(ctx, path, &c)) return 1;
    printf("BASIL: %zu articles\n", c.n);
    conflicts_per_event(ctx, &c, show);
    separation(&c);
    speed(ctx, &c, path);
    for (size_t i = 0; i < c.n; i++) px_article_free(c.a[i]), px_analysis_free(c.an[i]), free(c.cluster[i]);
    free(c.a), free(c.an), free(c.cluster);
    px_context_free(ctx);
    return 0;
}
