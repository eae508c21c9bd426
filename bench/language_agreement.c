/*
 * language_agreement.c — how often px_text_language()'s stop-word vote
 * agrees with the decision textcat alone would make (issue #15).
 *
 *   build/bench/language_agreement FILE.jsonl...
 *
 * Reads the "text" of every JSON Lines object in each FILE (BASIL, GVA,
 * ECB+, or `parallax extract --json` of the extraction pages) and prints,
 * per file and in all: texts, the share the vote decides (the rest go to
 * textcat as before), the agreement of px_text_language() with textcat
 * alone, over all texts and over those textcat gives a language (not
 * "und"), each text they disagree on, and the CPU time per text of each.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/text_int.h"

static double cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct {
    long texts, voted, agree, decided, decided_agree; /* decided: textcat gives a language */
    double fast, full;
} tally;

static void print(const char *name, const tally *t)
{
    if (!t->texts) return;
    printf("%-28s %5ld texts  voted %.3f  agreement %.4f (%.4f where textcat decides)  "
           "%5.1f us/text (textcat alone %6.1f)\n",
           name, t->texts, (double)t->voted / t->texts, (double)t->agree / t->texts,
           t->decided ? (double)t->decided_agree / t->decided : 1.0, t->fast / t->texts * 1e6,
           t->full / t->texts * 1e6);
}

int main(int argc, char **argv)
{
    if (argc < 2) return fprintf(stderr, "usage: language_agreement FILE.jsonl...\n"), 2;
    px_context *ctx;
    px_error err = {0};
    if (px_context_new(&ctx, &err)) return fprintf(stderr, "%s\n", err.message), 1;
    tally all = {0};
    char *line = NULL;
    size_t cap = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "r");
        if (!f) return perror(argv[i]), 1;
        tally t = {0};
        while (getline(&line, &cap, f) > 0) {
            json_t *o = json_loads(line, 0, NULL);
            const char *s = json_string_value(json_object_get(o, "text"));
            if (s && *s) {
                size_t n = strlen(s);
                double t0 = cpu_seconds();
                const char *fast = px_text_language(ctx, s, n);
                double t1 = cpu_seconds();
                const char *full = px__text_language_textcat(ctx, s, n);
                double t2 = cpu_seconds();
                t.texts++;
                t.voted += px__text_language_vote(s, n) != NULL;
                int same = strcmp(fast, full) == 0, decided = strcmp(full, "und") != 0;
                t.agree += same, t.decided += decided, t.decided_agree += decided && same;
                if (!same) printf("  %s: vote %s, textcat %s: %.60s\n", argv[i], fast, full, s);
                t.fast += t1 - t0, t.full += t2 - t1;
            }
            json_decref(o);
        }
        fclose(f);
        print(argv[i], &t);
        all.texts += t.texts, all.voted += t.voted, all.agree += t.agree;
        all.decided += t.decided, all.decided_agree += t.decided_agree;
        all.fast += t.fast, all.full += t.full;
    }
    print("all", &all);
    free(line);
    px_context_free(ctx);
    return 0;
}
