/*
 * claim.c — every sentence of every article becomes a claim with the keys
 * that alignment compares.
 *
 * Keys are the first PREFIX bytes of each content word's Snowball stem, and
 * numbers as written.  Stems alone miss derivations that news paraphrase
 * lives on ("coordination" / "coordinating" share the stem "coordin", but
 * "military" / "militarily" stem to "militari" / "militarili", "advisor" /
 * "adviser" to "advisor" / "advis"); a five-byte prefix joins all of those,
 * and the story-level idf keeps the few false joins it makes cheap.
 *
 * Weights are (1 + log tf) * idf, where idf counts claims of the story
 * (not articles): a word in every sentence of a story says nothing about
 * which sentences match.
 */
#include <math.h>
#include <string.h>

#include "compare/compare.h"

enum { PREFIX = 5 };

static void claim_keys(px_claim *cl, const px_analysis *an, size_t *cursor)
{
    while (*cursor < an->tokens.len && an->tokens.items[*cursor].sentence < cl->sentence) (*cursor)++;
    for (; *cursor < an->tokens.len && an->tokens.items[*cursor].sentence == cl->sentence; (*cursor)++) {
        const px_token *t = &an->tokens.items[*cursor];
        uint64_t key;
        if (t->kind == PX_TOKEN_NUMBER) {
            key = px_hash(t->norm, strlen(t->norm)) ^ 0x9e3779b97f4a7c15ULL; /* apart from words */
        } else if (t->kind == PX_TOKEN_WORD && !t->stop && strlen(t->stem) >= 2) {
            size_t n = strlen(t->stem);
            key = px_hash(t->stem, n < PREFIX ? n : PREFIX);
        } else {
            continue;
        }
        px_feature f = {key, 1.0f, 0};
        px_vec_push(&cl->keys, f);
    }
}

static int cmp_feature(const void *x, const void *y)
{
    uint64_t a = ((const px_feature *)x)->key, b = ((const px_feature *)y)->key;
    return a < b ? -1 : a > b;
}

/* Sorts a claim's keys, merging repeats into tf. */
static void merge(px_features *f)
{
    if (!f->len) return;
    qsort(f->items, f->len, sizeof *f->items, cmp_feature);
    size_t out = 0;
    for (size_t i = 1; i < f->len; i++) {
        if (f->items[i].key == f->items[out].key) f->items[out].tf += 1.0f;
        else f->items[++out] = f->items[i];
    }
    f->len = out + 1;
}

static void claim_entities(px_claim *cl, const px_analysis *an)
{
    for (size_t i = 0; i < an->mention_index.len; i++) {
        const px_mention_ref *r = &an->mention_index.items[i];
        if (r->mention.sentence < cl->sentence) continue;
        if (r->mention.sentence > cl->sentence) break;
        const char *name = an->entities.items[r->entity].pub.name;
        px_vec_push(&cl->entities, px_fold_hash(name, strlen(name)));
    }
    px_keys_unique(&cl->entities);
}

static void claim_quotes(px_claim *cl, const px_analysis *an)
{
    for (size_t i = 0; i < an->quotes.len; i++)
        if (an->quotes.items[i].sentence <= cl->sentence && an->quotes.items[i].sentence_last >= cl->sentence)
            px_quote_shingles(an->quotes.items[i].text, &cl->quotes);
    px_keys_unique(&cl->quotes);
}

/* idf over the story's claims; then each claim's vector to unit length. */
static void weigh(px_comparison *c)
{
    px_idf idf = {0};
    for (size_t i = 0; i < c->claims.len; i++) {
        px_profile p = {.terms = c->claims.items[i].keys};
        px_idf_add(&idf, &p);
    }
    for (size_t i = 0; i < c->claims.len; i++) {
        px_features *f = &c->claims.items[i].keys;
        double norm = 0;
        for (size_t k = 0; k < f->len; k++) {
            f->items[k].weight = (1.0f + logf(f->items[k].tf)) * (float)px_idf_weight(&idf, f->items[k].key);
            norm += (double)f->items[k].weight * f->items[k].weight;
        }
        norm = sqrt(norm);
        for (size_t k = 0; norm > 0 && k < f->len; k++) f->items[k].weight /= (float)norm;
    }
    px_idf_free(&idf);
}

void px_compare_claims(px_comparison *c)
{
    for (size_t a = 0; a < c->n; a++) {
        const px_article *art = c->articles[a];
        const px_analysis *an = c->analyses[a];
        size_t cursor = 0;
        for (size_t s = 0; s < art->sentences.len; s++) {
            px_claim cl = {.article = a, .sentence = s, .text = art->sentences.items[s].text};
            claim_keys(&cl, an, &cursor);
            merge(&cl.keys);
            claim_entities(&cl, an);
            claim_quotes(&cl, an);
            px_vec_push(&c->claims, cl);
        }
    }
    weigh(c);
}
