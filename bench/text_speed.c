/*
 * text_speed.c — how fast parallax turns plain-text articles into sentences
 * and tokens, in MB of input per second of CPU time on one core.
 *
 *   build/bench/text_speed [--mb N] FILE...
 *
 * Each FILE is read once; then the files are processed in turn, again and
 * again, until N MB (default 100) of input went through.  Two passes over
 * the same bytes, side by side:
 *
 *   parallax   px_article_parse (read checks, cleanup, sentences, language)
 *              + the token stage of px_analyze (tokens, case folding, stems,
 *              stop words): "sentences + tokens"
 *   analysis   the same with the whole px_analyze (entities, quotes,
 *              attributions, numbers, dates too)
 *   bare ICU   a UTF-8 UText with a sentence and a word break iterator
 *              walked to the end: the floor any ICU-based segmenter pays
 *
 * The ratio says how much parallax costs on top of ICU's own break
 * iteration.  CPU time (CLOCK_PROCESS_CPUTIME_ID), so a busy machine moves
 * the absolute numbers less than wall time would; compare ratios.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "analyze/analysis.h"

typedef struct file {
    char *data;
    size_t len;
} file;

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int load(const char *path, file *f)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return perror(path), 0;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    f->data = malloc((size_t)n + 1);
    f->len = fread(f->data, 1, (size_t)n, fp);
    fclose(fp);
    return f->data != NULL;
}

typedef px_status (*analyzer)(px_context *, const px_article *, px_analysis **, px_error *);

static void run_parallax(px_context *ctx, const file *files, int n, size_t target, analyzer analyze,
                         size_t *bytes, size_t *sentences, size_t *tokens)
{
    *bytes = *sentences = *tokens = 0;
    for (int i = 0; *bytes < target; i = (i + 1) % n) {
        px_article *a;
        px_analysis *an;
        px_error err;
        if (px_article_parse(ctx, files[i].data, files[i].len, PX_FORMAT_TEXT, "bench", &a, &err) ||
            analyze(ctx, a, &an, &err)) {
            fprintf(stderr, "text_speed: %s\n", err.message);
            exit(1);
        }
        *sentences += px_article_sentence_count(a);
        *tokens += px_analysis_token_count(an);
        *bytes += files[i].len;
        px_analysis_free(an);
        px_article_free(a);
    }
}

static void run_icu(const file *files, int n, size_t target, size_t *bytes, size_t *breaks)
{
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *sb = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &st);
    UBreakIterator *wb = ubrk_open(UBRK_WORD, "en", NULL, 0, &st);
    if (U_FAILURE(st)) exit(1);
    *bytes = *breaks = 0;
    for (int i = 0; *bytes < target; i = (i + 1) % n) {
        UText *ut = utext_openUTF8(NULL, files[i].data, (int64_t)files[i].len, &st);
        ubrk_setUText(sb, ut, &st);
        ubrk_setUText(wb, ut, &st);
        while (ubrk_next(sb) != UBRK_DONE) (*breaks)++;
        while (ubrk_next(wb) != UBRK_DONE) (*breaks)++;
        utext_close(ut);
        *bytes += files[i].len;
    }
    ubrk_close(sb);
    ubrk_close(wb);
}

int main(int argc, char **argv)
{
    double mb = 100;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "--mb") == 0) mb = atof(argv[2]), first = 3;
    int n = argc - first;
    if (n < 1 || mb <= 0) {
        fprintf(stderr, "usage: text_speed [--mb N] FILE...\n");
        return 2;
    }
    file *files = calloc((size_t)n, sizeof *files);
    for (int i = 0; i < n; i++)
        if (!load(argv[first + i], &files[i])) return 1;
    px_context *ctx;
    px_error err;
    if (px_context_new(&ctx, &err)) return fprintf(stderr, "%s\n", err.message), 1;
    size_t target = (size_t)(mb * 1e6), bytes, sentences, tokens, breaks;

    double t0 = cpu_seconds();
    run_parallax(ctx, files, n, target, px_analyze_tokens, &bytes, &sentences, &tokens);
    double tp = cpu_seconds() - t0;
    double px_mbs = bytes / 1e6 / tp;
    printf("%-10s %8.1f MB in %6.2f s  %7.2f MB/s  %9.0f sentences/s  %10.0f tokens/s\n",
           "parallax", bytes / 1e6, tp, px_mbs, sentences / tp, tokens / tp);

    t0 = cpu_seconds();
    run_parallax(ctx, files, n, target / 4, px_analyze, &bytes, &sentences, &tokens);
    double ta = cpu_seconds() - t0;
    printf("%-10s %8.1f MB in %6.2f s  %7.2f MB/s  (everything px_analyze finds)\n", "analysis",
           bytes / 1e6, ta, bytes / 1e6 / ta);

    t0 = cpu_seconds();
    run_icu(files, n, target, &bytes, &breaks);
    double ti = cpu_seconds() - t0;
    double icu_mbs = bytes / 1e6 / ti;
    printf("%-10s %8.1f MB in %6.2f s  %7.2f MB/s  (sentence + word breaks only)\n",
           "bare ICU", bytes / 1e6, ti, icu_mbs);
    printf("ratio parallax / bare ICU: %.2f (1.00 would be no cost beyond break iteration)\n",
           px_mbs / icu_mbs);

    px_context_free(ctx);
    for (int i = 0; i < n; i++) free(files[i].data);
    free(files);
    return 0;
}
