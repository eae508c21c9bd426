/*
 * analyze.c — article to analysis: runs the finders (analysis.h) in order,
 * after the first of them, here: the tokens of every sentence, each with its
 * folded form, its stem and whether it is a stop word.
 *
 * px_analyze_light() runs the same token stage and the finders' light
 * entry points (analysis.h says what they leave out and why).
 *
 * The analysis is a value of its own (it keeps no pointer to the article),
 * so an article can be freed first or analysed twice.  Token strings live in
 * the analysis's intern map (its copies of the keys); folded forms and stems
 * are interned, so a word that occurs a hundred times is stored once.
 */
#include <string.h>

#include "analyze/analysis.h"

/* The interned copy is the map's own copy of the key: one probe, one copy. */
const char *px_analysis_intern(px_analysis *an, const char *s, size_t n)
{
    return px_map_intern(&an->interned, s, n);
}

/* What the token stage computes from a token's bytes and kind alone. */
typedef struct forms {
    const char *norm, *stem;
    int stop;
} forms;

/* The token stage's state for one article.  seen[kind] maps a token's bytes
 * to its forms, so a word that comes back (most do: "the", ",", the names
 * of the story) costs one probe of a small map instead of a look-up in
 * the context's cache of forms (px_text_token_forms()) and two interning
 * probes; the forms are a function of kind, bytes and the article's
 * language, so nothing changes.  One map per kind: the key is the bytes as
 * they are, nothing to copy first. */
typedef struct tokenizer {
    px_context *ctx;
    px_analysis *an;
    const px_article *a;
    px_words words;
    px_map seen[4]; /* by px_token_kind: token bytes -> forms in scratch */
    px_arena scratch;
} tokenizer;

static const forms *forms_of(tokenizer *k, const char *s, size_t n, px_token_kind kind)
{
    px_map *seen = &k->seen[(unsigned)kind & 3];
    const forms *known = px_map_get(seen, s, n);
    if (known) return known;
    forms *f = px_arena_alloc(&k->scratch, sizeof *f);
    px_text_forms tf;
    px_text_token_forms(k->ctx, k->a->language, kind == PX_TOKEN_WORD, s, n, &tf);
    f->norm = px_analysis_intern(k->an, tf.norm, tf.norm_len);
    /* A stem equal to its norm ("the", "news") would intern to the same
     * pointer: no second probe for it. */
    int same = tf.stem_len == tf.norm_len && !memcmp(tf.stem, tf.norm, tf.norm_len);
    f->stem = same ? f->norm : px_analysis_intern(k->an, tf.stem, tf.stem_len);
    f->stop = tf.stop;
    px_map_put(seen, s, n, f);
    return f;
}

static px_status tokenize_sentence(tokenizer *k, size_t si, px_error *err)
{
    const char *text = k->a->sentences.items[si].text;
    k->words.len = 0;
    px_status rc = px_text_words(k->ctx, text, strlen(text), &k->words, err);
    if (rc) return rc;
    for (size_t i = 0; i < k->words.len; i++) {
        px_word w = k->words.items[i];
        const forms *f = forms_of(k, text + w.start, w.end - w.start, w.kind);
        px_token t = {.sentence = si, .start = w.start, .end = w.end, .kind = w.kind,
                      .norm = f->norm, .stem = f->stem, .stop = f->stop};
        px_vec_push(&k->an->tokens, t);
    }
    return PX_OK;
}

/* The token stage into a fresh analysis. */
static px_status tokens(px_context *ctx, const px_article *a, px_analysis **out, px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, "px_analyze", 0, 0, "out is NULL");
    *out = NULL;
    if (!ctx || !a) return px_error_set(err, PX_EUSAGE, "px_analyze", 0, 0, "NULL argument");
    px_analysis *an = px_xcalloc(1, sizeof *an);
    tokenizer k = {.ctx = ctx, .an = an, .a = a};
    px_status rc = PX_OK;
    for (size_t si = 0; si < a->sentences.len && !rc; si++) rc = tokenize_sentence(&k, si, err);
    px_vec_free(&k.words);
    for (size_t i = 0; i < 4; i++) px_map_free(&k.seen[i]);
    px_arena_free(&k.scratch);
    if (rc) {
        px_analysis_free(an);
        return rc;
    }
    *out = an;
    return PX_OK;
}

px_status px_analyze_tokens(px_context *ctx, const px_article *a, px_analysis **out, px_error *err)
{
    return tokens(ctx, a, out, err);
}

typedef px_status (*finder)(px_context *, const px_article *, px_analysis *, px_error *);

/* The token stage, then the finders in order. */
static px_status run(px_context *ctx, const px_article *a, const finder *finders, size_t n,
                     px_analysis **out, px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, "px_analyze", 0, 0, "out is NULL");
    *out = NULL;
    px_analysis *an;
    px_status rc = tokens(ctx, a, &an, err);
    if (rc) return rc;
    for (size_t i = 0; i < n && !rc; i++) rc = finders[i](ctx, a, an, err);
    if (rc) {
        px_analysis_free(an);
        return rc;
    }
    *out = an;
    return PX_OK;
}

px_status px_analyze(px_context *ctx, const px_article *a, px_analysis **out, px_error *err)
{
    static const finder all[] = {
        px_find_furniture, px_find_entities, px_find_numbers, px_find_dates, px_find_quotes,
        px_find_attributions,
    };
    return run(ctx, a, all, sizeof all / sizeof *all, out, err);
}

px_status px_analyze_light(px_context *ctx, const px_article *a, px_analysis **out,
                           px_error *err)
{
    static const finder grouping[] = {px_find_entity_names, px_find_dates, px_find_quote_spans};
    px_status rc = run(ctx, a, grouping, sizeof grouping / sizeof *grouping, out, err);
    if (!rc) (*out)->light = 1;
    return rc;
}

/* Accessors: a NULL analysis has no items, an index out of range gives
 * NULL (parallax.h). */
#define ITEM(v, i) (an && (i) < an->v.len ? &an->v.items[i] : NULL)
size_t px_analysis_token_count(const px_analysis *an) { return an ? an->tokens.len : 0; }
const px_token *px_analysis_token(const px_analysis *an, size_t i) { return ITEM(tokens, i); }
size_t px_analysis_entity_count(const px_analysis *an) { return an ? an->entities.len : 0; }
const px_entity *px_analysis_entity(const px_analysis *an, size_t i)
{
    return an && i < an->entities.len ? &an->entities.items[i].pub : NULL;
}
size_t px_analysis_quote_count(const px_analysis *an) { return an ? an->quotes.len : 0; }
const px_quote *px_analysis_quote(const px_analysis *an, size_t i) { return ITEM(quotes, i); }
size_t px_analysis_attribution_count(const px_analysis *an) { return an ? an->attributions.len : 0; }
const px_attribution *px_analysis_attribution(const px_analysis *an, size_t i) { return ITEM(attributions, i); }
size_t px_analysis_number_count(const px_analysis *an) { return an ? an->numbers.len : 0; }
const px_number *px_analysis_number(const px_analysis *an, size_t i) { return ITEM(numbers, i); }
size_t px_analysis_date_count(const px_analysis *an) { return an ? an->dates.len : 0; }
const px_date_mention *px_analysis_date(const px_analysis *an, size_t i) { return ITEM(dates, i); }

void px_analysis_free(px_analysis *an)
{
    if (!an) return;
    for (size_t i = 0; i < an->entities.len; i++) {
        px_vec_free(&an->entities.items[i].aliases);
        px_vec_free(&an->entities.items[i].roles);
        px_vec_free(&an->entities.items[i].mentions);
    }
    px_vec_free(&an->entities);
    px_vec_free(&an->mention_index);
    px_vec_free(&an->quotes);
    px_vec_free(&an->attributions);
    px_vec_free(&an->numbers);
    px_vec_free(&an->dates);
    px_vec_free(&an->furniture);
    px_vec_free(&an->tokens);
    px_map_free(&an->interned);
    px_arena_free(&an->arena);
    free(an);
}

const char *px_token_kind_name(px_token_kind kind)
{
    static const char *const names[] = {"word", "number", "punct", "other"};
    return (unsigned)kind < 4 ? names[kind] : "other";
}

const char *px_entity_type_name(px_entity_type type)
{
    static const char *const names[] = {"person", "organization", "place", "other"};
    return (unsigned)type < 4 ? names[type] : "other";
}

const char *px_mention_kind_name(px_mention_kind kind)
{
    static const char *const names[] = {"name", "alias", "pronoun", "role"};
    return (unsigned)kind < 4 ? names[kind] : "name";
}

const char *px_number_kind_name(px_number_kind kind)
{
    static const char *const names[] = {"quantity", "age", "time", "label"};
    return (unsigned)kind < 4 ? names[kind] : "quantity";
}
