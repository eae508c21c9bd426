/*
 * similarity.c — bench/similarity: the pair features and scores of
 * labelled same-event and different-event pairs, for bench/similarity/fit.py
 * (which fits the weights of lib/story/pair.h and prints ROC-AUC beside
 * scikit-learn's TF-IDF cosine on the same pairs).
 *
 *   build/bench/similarity [options] FILE.jsonl...
 *
 *   --label KEY    the gold event's key (ECB+: cluster; GVA: incident)
 *   --topic KEY    pairs within one topic only (ECB+: topic): same topic,
 *                  other event is the hard negative; folds are topics
 *   --days N       pairs published N days apart or less only (GVA: 3):
 *                  other incidents of the same days are the hard
 *                  negatives; folds by the hash of the smaller event label
 *   --strip-url    drop a first text line starting with "http" (ECB+)
 *   --powers T,S   the idf exponents of terms and specifics (tuning; the
 *                  model's are pair_weights.h's)
 *   --df MODE      weigh by the shipped table (background, the default),
 *                  the set's own document frequencies (own: what a store's
 *                  statistics give), or none
 *
 * Prints a header line, then one line a pair, tab-separated: the two ids,
 * same (1/0), fold (0-4), old (px_profile_similarity's score, the score
 * of `similarity` before the pair model), group (grouping's score of one
 * article against a story of the other, px_story_match), score (the pair
 * model, pair_weights.h) and the features of pair.h.
 */
#define _GNU_SOURCE
#include <stdlib.h>

#include "story/dftable.h"
#include "story/pair.h"
#include "story/story.h"

#include "labelled.h"

static uint32_t fold_of(const char *s)
{
    return (uint32_t)(px_hash(s, strlen(s)) % 5);
}

int main(int argc, char **argv)
{
    const char *label = "cluster", *topic = NULL, *mode = "background", *powers = NULL;
    int strip_url = 0, days = -1, first = 1;
    for (; first < argc && argv[first][0] == '-' && argv[first][1] == '-'; first++) {
        const char *o = argv[first];
        if (!strcmp(o, "--strip-url")) strip_url = 1;
        else if (first + 1 < argc && !strcmp(o, "--label")) label = argv[++first];
        else if (first + 1 < argc && !strcmp(o, "--topic")) topic = argv[++first];
        else if (first + 1 < argc && !strcmp(o, "--days")) days = atoi(argv[++first]);
        else if (first + 1 < argc && !strcmp(o, "--df")) mode = argv[++first];
        else if (first + 1 < argc && !strcmp(o, "--powers")) powers = argv[++first];
        else return fprintf(stderr, "similarity: unknown option %s\n", o), 2;
    }
    if (first >= argc) {
        fputs("usage: similarity [options] FILE.jsonl...\n", stderr);
        return 2;
    }
    px_context *ctx;
    px_error err;
    if (px_context_new(&ctx, &err)) return fprintf(stderr, "%s\n", err.message), 1;
    for (int i = first; i < argc; i++) load(ctx, argv[i], label, topic, strip_url);
    size_t n = items.len;
    px_doc *docs = px_xcalloc(n ? n : 1, sizeof *docs);
    px_profile *plain = px_xcalloc(n ? n : 1, sizeof *plain);
    px_df own;
    px_df_init(&own, 0);
    px_keys keys = {0};
    for (size_t i = 0; i < n; i++) {
        px_doc_build(&docs[i], ctx, items.items[i].a, items.items[i].an);
        px_doc_phrases(&docs[i], items.items[i].an);
        px_profile_build(&plain[i], items.items[i].a, items.items[i].an, NULL);
        keys.len = 0;
        px_doc_keys(&docs[i], &keys);
        px_keys_unique(&keys);
        px_df_add(&own, keys.items, keys.len);
    }
    px_vec_free(&keys);
    const px_df *df = !strcmp(mode, "own") ? &own : !strcmp(mode, "none") ? NULL : px_df_background();
    px_story_params p;
    px_story_params_default(&p);
    printf("a\tb\tsame\tfold\told\tgroup\tscore");
    for (int k = 0; k < PX_PAIR_NFEATURES; k++) printf("\t%s", px_pair_feature_names[k]);
    putchar('\n');
    size_t pos = 0, neg = 0;
    double tp = px_pair_terms_power, sp = px_pair_specifics_power;
    if (powers && sscanf(powers, "%lf,%lf", &tp, &sp) != 2) return fputs("similarity: --powers T,S\n", stderr), 2;
    for (size_t i = 0; i < n; i++) px_doc_weigh(&docs[i], df, tp, sp);
    for (size_t i = 0; i < n; i++) {
        const item *a = &items.items[i];
        px_story s;
        px_story_init(&s, 1);
        px_story_add(&s, 1, &docs[i]);
        for (size_t j = i + 1; j < n; j++) {
            const item *b = &items.items[j];
            int same = !strcmp(a->label, b->label);
            if (topic && (!a->topic || !b->topic || strcmp(a->topic, b->topic))) continue;
            if (days >= 0) {
                int32_t da = docs[i].p.day, db = docs[j].p.day;
                if (da == PX_NO_DAY || db == PX_NO_DAY || abs(da - db) > days) continue;
            }
            uint32_t fold = topic ? (uint32_t)atoi(a->topic) % 5
                                  : fold_of(strcmp(a->label, b->label) < 0 ? a->label : b->label);
            px_similarity old;
            px_profile_similarity(&plain[i], &plain[j], &old);
            px_match m;
            px_story_match(&s, &docs[j], &p, &m);
            double x[PX_PAIR_NFEATURES];
            px_pair_features(&docs[i], &docs[j], px_pair_link_floor, x);
            printf("%s\t%s\t%d\t%u\t%.5f\t%.5f\t%.5f", a->id, b->id, same, fold, old.score, m.score,
                   px_pair_score(x));
            for (int k = 0; k < PX_PAIR_NFEATURES; k++) printf("\t%.5g", x[k]);
            putchar('\n');
            same ? pos++ : neg++;
        }
        px_story_free(&s);
    }
    fprintf(stderr, "similarity: %zu articles, %zu same-event pairs, %zu other-event pairs\n", n, pos, neg);
    for (size_t i = 0; i < n; i++) px_profile_free(&plain[i]);
    free_items(docs);
    px_df_free(&own);
    free(plain);
    px_context_free(ctx);
    return 0;
}
