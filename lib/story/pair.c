/*
 * pair.c — the same-event score of two articles (pair.h).
 *
 * Each feature is a general signal, measurable on any two news articles,
 * and their weights are fitted (pair_weights.h), so no threshold here is
 * set by hand.  A feature that cannot be measured (no quotes, no numbers
 * on a side) is 0, and its "none" companion is 0 too: only a measured
 * disagreement counts against a pair.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "story/dftable.h"
#include "story/pair.h"
#include "story/pair_weights.h"
#include "story/story.h"

const double px_pair_terms_power = PX_PAIR_TERMS_POWER;
const double px_pair_specifics_power = PX_PAIR_SPECIFICS_POWER;
const int px_pair_link_floor = PX_PAIR_LINK_FLOOR;

const char *const px_pair_feature_names[PX_PAIR_NFEATURES] = {
    "terms",   "specifics",    "quotes",  "places_only",  "gap",    "undated",  "numbers",
    "numbers_none", "persons", "persons_none", "places", "places_none", "entities",
    "years_none", "lead", "phrases", "terms_undated", "specifics_undated",
};

/* Of two sorted key sets: how many shared, and the smaller size. */
static size_t shared_of(const px_keys *a, const px_keys *b, size_t *smaller)
{
    *smaller = a->len < b->len ? a->len : b->len;
    return px_keys_shared(a, b);
}

void px_pair_features(const px_doc *a, const px_doc *b, int link_floor, double x[PX_PAIR_NFEATURES])
{
    for (int i = 0; i < PX_PAIR_NFEATURES; i++) x[i] = 0;
    x[PX_PAIR_TERMS] = px_features_cosine(&a->p.terms, &b->p.terms);
    if (a->specifics.len && b->specifics.len) {
        x[PX_PAIR_SPECIFICS] = px_features_cosine(&a->specifics, &b->specifics);
        x[PX_PAIR_PLACES_ONLY] = !px_share_more_than_places(&a->specifics, &a->places, &b->specifics, &b->places);
    }
    size_t smaller, n;
    if (a->p.quotes.len && b->p.quotes.len) {
        n = shared_of(&a->p.quotes, &b->p.quotes, &smaller);
        x[PX_PAIR_QUOTES] = (double)n / (double)smaller;
    }
    px_day_count ba[PX_DOC_DAYS + 1], bb[PX_DOC_DAYS + 1];
    px_when wa = px_doc_when(a, ba), wb = px_doc_when(b, bb);
    int gap = px_when_gap(&wa, &wb, link_floor);
    if (gap >= 0) x[PX_PAIR_GAP] = log1p((double)gap);
    else x[PX_PAIR_UNDATED] = 1;
    if (a->numbers.len && b->numbers.len) {
        n = shared_of(&a->numbers, &b->numbers, &smaller);
        x[PX_PAIR_NUMBERS] = (double)n / (double)smaller;
        x[PX_PAIR_NUMBERS_NONE] = n == 0 && smaller >= 2;
    }
    if (a->p.surnames.len && b->p.surnames.len) {
        n = px_keys_shared(&a->p.surnames, &b->p.surnames);
        x[PX_PAIR_PERSONS] = (double)n / (double)(a->p.surnames.len + b->p.surnames.len - n);
        x[PX_PAIR_PERSONS_NONE] = n == 0;
    }
    if (a->places.len && b->places.len) {
        n = shared_of(&a->places, &b->places, &smaller);
        x[PX_PAIR_PLACES] = (double)n / (double)smaller;
        x[PX_PAIR_PLACES_NONE] = n == 0;
    }
    if (a->p.entities.len && b->p.entities.len)
        x[PX_PAIR_ENTITIES] = px_features_cosine(&a->p.entities, &b->p.entities);
    if (a->years.len && b->years.len) x[PX_PAIR_YEARS_NONE] = px_keys_shared(&a->years, &b->years) == 0;
    x[PX_PAIR_LEAD] = px_features_cosine(&a->lead, &b->lead);
    if (a->phrases.len && b->phrases.len) {
        n = shared_of(&a->phrases, &b->phrases, &smaller);
        x[PX_PAIR_PHRASES] = (double)n / (double)smaller;
    }
    x[PX_PAIR_TERMS_UNDATED] = x[PX_PAIR_TERMS] * x[PX_PAIR_UNDATED];
    x[PX_PAIR_SPECIFICS_UNDATED] = x[PX_PAIR_SPECIFICS] * x[PX_PAIR_UNDATED];
}

double px_pair_score(const double x[PX_PAIR_NFEATURES])
{
    double z = px_pair_bias;
    for (int i = 0; i < PX_PAIR_NFEATURES; i++) z += px_pair_weights[i] * x[i];
    return 1 / (1 + exp(-z));
}

double px_pair_of(px_doc *a, px_doc *b, const px_df *df, double *x)
{
    if (!df) df = px_df_background();
    px_doc_weigh(a, df, PX_PAIR_TERMS_POWER, PX_PAIR_SPECIFICS_POWER);
    px_doc_weigh(b, df, PX_PAIR_TERMS_POWER, PX_PAIR_SPECIFICS_POWER);
    double own[PX_PAIR_NFEATURES];
    if (!x) x = own;
    px_pair_features(a, b, PX_PAIR_LINK_FLOOR, x);
    return px_pair_score(x);
}

static int heavier(const void *x, const void *y)
{
    const px_evidence *a = x, *b = y;
    if (a->weight != b->weight) return a->weight > b->weight ? -1 : 1;
    return a->key < b->key ? -1 : a->key > b->key;
}

/* The keys fa and fb share, the max heaviest, appended to out. */
static void shared_keys(const px_features *fa, const px_features *fb, const px_doc *a, const px_doc *b,
                        int specifics, size_t max, px_evidences *out)
{
    size_t from = out->len, i = 0, j = 0;
    while (i < fa->len && j < fb->len) {
        uint64_t k = fa->items[i].key, l = fb->items[j].key;
        if (k == l) {
            px_evidence e = {k, PX_EVIDENCE_WORD, (double)fa->items[i].weight * fb->items[j].weight};
            if (specifics)
                e.kind = px_keys_has(&a->numbers, k) || px_keys_has(&b->numbers, k) ? PX_EVIDENCE_NUMBER
                         : px_keys_has(&a->places, k) || px_keys_has(&b->places, k) ? PX_EVIDENCE_PLACE
                                                                                      : PX_EVIDENCE_NAME;
            px_vec_push(out, e);
        }
        i += k <= l;
        j += l <= k;
    }
    qsort(out->items + from, out->len - from, sizeof *out->items, heavier);
    if (out->len - from > max) out->len = from + max;
}

void px_pair_evidence(const px_doc *a, const px_doc *b, size_t max, px_evidences *out)
{
    shared_keys(&a->p.terms, &b->p.terms, a, b, 0, max, out);
    shared_keys(&a->specifics, &b->specifics, a, b, 1, max, out);
}

const char *px_pair_key_text(const px_article *a, const px_analysis *an, uint64_t key,
                             px_evidence_kind kind, px_buf *scratch)
{
    if (kind != PX_EVIDENCE_WORD)
        for (size_t i = 0; i < an->entities.len; i++) {
            const char *name = an->entities.items[i].pub.name;
            if (px_name_key(name, strlen(name)) == key) return name;
        }
    for (size_t i = 0; i < an->tokens.len; i++) {
        const px_token *t = &an->tokens.items[i];
        const char *s = a->sentences.items[t->sentence].text + t->start;
        size_t n = t->end - t->start;
        int hit = 0;
        if (kind == PX_EVIDENCE_WORD) hit = t->kind == PX_TOKEN_WORD && px_hash(t->stem, strlen(t->stem)) == key;
        else if (kind == PX_EVIDENCE_NUMBER) hit = t->kind == PX_TOKEN_NUMBER && px_number_key(s, n) == key;
        else hit = t->kind == PX_TOKEN_WORD && px_name_key(t->norm, strlen(t->norm)) == key;
        if (hit) {
            px_buf_reset(scratch);
            px_buf_append(scratch, s, n);
            return px_buf_str(scratch);
        }
    }
    return px_df_background_text(key);
}

void px_pair_similarity(px_doc *a, px_doc *b, px_similarity *out, double *x)
{
    double own[PX_PAIR_NFEATURES];
    if (!x) x = own;
    out->score = px_pair_of(a, b, NULL, x);
    out->terms = x[PX_PAIR_TERMS];
    out->entities = a->p.entities.len && b->p.entities.len ? x[PX_PAIR_ENTITIES] : -1;
    out->quotes = a->p.quotes.len && b->p.quotes.len ? x[PX_PAIR_QUOTES] : -1;
    /* 1 on the same day, 0.5 three days apart (the closest of their days) */
    out->dates = x[PX_PAIR_UNDATED] ? -1 : exp(-expm1(x[PX_PAIR_GAP]) * 0.69314718055994531 / 3);
}

px_status px_similarity_of(const px_article *a, const px_analysis *an, const px_article *b,
                           const px_analysis *bn, px_similarity *out, px_error *err)
{
    if (!a || !an || !b || !bn || !out)
        return px_error_set(err, PX_EUSAGE, "px_similarity_of", 0, 0, "NULL argument");
    px_context *ctx;
    px_status st = px_context_new(&ctx, err);
    if (st != PX_OK) return st;
    px_doc da, db;
    px_doc_build(&da, ctx, a, an);
    px_doc_build(&db, ctx, b, bn);
    px_doc_phrases(&da, an);
    px_doc_phrases(&db, bn);
    px_pair_similarity(&da, &db, out, NULL);
    px_doc_free(&da);
    px_doc_free(&db);
    px_context_free(ctx);
    return PX_OK;
}
