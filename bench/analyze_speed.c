/*
 * analyze_speed.c — how fast the whole analysis runs on real news: the 300
 * BASIL articles, in articles per second of CPU time on one core.
 *
 *   build/bench/analyze_speed [--seconds S] DATA
 *
 * DATA is the BASIL folder (../shared/bench/basil); its basil.jsonl is read
 * once into articles (reading and extraction are not timed), then
 *
 *   px_analyze    everything: tokens, folds, stems, entities with pronouns
 *                 and roles, numbers, dates, quotes with speakers,
 *                 attributions — the articles in turn, again and again,
 *                 until S seconds of CPU time (default 10) and at least one
 *                 full pass
 *   quotes        px_find_quotes + px_find_attributions alone, rerun on
 *                 analyses already made, to show their share of the time
 *
 * CPU time (CLOCK_PROCESS_CPUTIME_ID) of this single-threaded process, so a
 * busy machine moves the numbers less than wall time would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze/analysis.h"

typedef PX_VEC(px_article *) articles;

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void load(px_context *ctx, const char *path, articles *out)
{
    px_reader *r;
    px_error err;
    if (px_reader_open(ctx, path, PX_FORMAT_JSONL, &r, &err)) {
        fprintf(stderr, "analyze_speed: %s\n", err.message);
        exit(1);
    }
    for (;;) {
        px_article *a = NULL;
        px_status rc = px_reader_next(r, &a, &err);
        if (rc) fprintf(stderr, "analyze_speed: skipped: %s\n", err.message);
        else if (!a) break;
        else px_vec_push(out, a);
    }
    px_reader_close(r);
}

/* px_analyze over the articles until `seconds` of CPU time and one pass. */
static size_t run_full(px_context *ctx, const articles *as, double seconds, double *took,
                       size_t *quotes, size_t *credits)
{
    size_t done = 0;
    double t0 = cpu_seconds();
    *quotes = *credits = 0;
    while (done < as->len || cpu_seconds() - t0 < seconds) {
        px_analysis *an;
        px_error err;
        if (px_analyze(ctx, as->items[done % as->len], &an, &err)) {
            fprintf(stderr, "analyze_speed: %s\n", err.message);
            exit(1);
        }
        if (done < as->len) *quotes += an->quotes.len, *credits += an->attributions.len;
        px_analysis_free(an);
        done++;
    }
    *took = cpu_seconds() - t0;
    return done;
}

/* The quote and attribution finders alone, rerun on finished analyses. */
static size_t run_quotes(px_context *ctx, const articles *as, double seconds, double *took)
{
    px_analysis **ans = calloc(as->len, sizeof *ans);
    px_error err;
    for (size_t i = 0; i < as->len; i++)
        if (px_analyze(ctx, as->items[i], &ans[i], &err)) exit(1);
    size_t done = 0;
    double t0 = cpu_seconds();
    while (done < as->len || cpu_seconds() - t0 < seconds) {
        px_analysis *an = ans[done % as->len];
        an->quotes.len = an->attributions.len = 0;
        px_find_quotes(ctx, as->items[done % as->len], an, &err);
        px_find_attributions(ctx, as->items[done % as->len], an, &err);
        done++;
    }
    *took = cpu_seconds() - t0;
    for (size_t i = 0; i < as->len; i++) px_analysis_free(ans[i]);
    free(ans);
    return done;
}

int main(int argc, char **argv)
{
    double seconds = 10;
    int arg = 1;
    if (argc > 3 && !strcmp(argv[1], "--seconds")) seconds = atof(argv[2]), arg = 3;
    if (arg != argc - 1 || seconds <= 0) {
        fprintf(stderr, "usage: analyze_speed [--seconds S] DATA  (DATA: the BASIL folder)\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/basil.jsonl", argv[arg]);
    px_context *ctx;
    px_error err;
    if (px_context_new(&ctx, &err)) return fprintf(stderr, "%s\n", err.message), 1;
    articles as = {0};
    load(ctx, path, &as);
    if (as.len == 0) return fprintf(stderr, "analyze_speed: no article in %s\n", path), 1;

    size_t quotes, credits;
    double tf, tq;
    size_t nf = run_full(ctx, &as, seconds, &tf, &quotes, &credits);
    size_t nq = run_quotes(ctx, &as, seconds / 4, &tq);
    printf("%zu articles from %s: %zu quotes, %zu attributions\n", as.len, path, quotes, credits);
    printf("px_analyze (all)       %8zu articles in %6.2f s CPU  %8.1f articles/s/core\n", nf, tf,
           nf / tf);
    printf("quotes + attributions  %8zu articles in %6.2f s CPU  %8.1f articles/s/core"
           "  (%.1f%% of px_analyze)\n",
           nq, tq, nq / tq, 100.0 * (tq / nq) / (tf / nf));
    for (size_t i = 0; i < as.len; i++) px_article_free(as.items[i]);
    px_vec_free(&as);
    px_context_free(ctx);
    return 0;
}
