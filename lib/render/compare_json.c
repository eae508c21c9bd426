/*
 * compare_json.c — a comparison as one JSON object (docs/json.md,
 * "Comparison").
 *
 * The keys are a contract, like the article's: added to, never renamed.
 * Articles are referred to by their index into `articles` everywhere
 * (support, values, uses, citations, copies): labels are for people and
 * need not be unique, indexes are.  Sentence indexes count from 0, as in
 * `analyze --json`.  Unknown or unmeasured values are null, never missing.
 */
#include <jansson.h>
#include <string.h>

#include "render/compare_render.h"

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *index_json(size_t i)
{
    return i == (size_t)-1 ? json_null() : json_integer((json_int_t)i);
}

static json_t *indexes_json(const px_indexes *v)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < v->len; i++) json_array_append_new(arr, index_json(v->items[i]));
    return arr;
}

static json_t *part_json(double v)
{
    return v < 0 ? json_null() : json_real(v);
}

static json_t *articles_json(const px_comparison *c)
{
    json_t *arr = json_array();
    for (size_t a = 0; a < c->n; a++) {
        const px_article *art = c->articles[a];
        json_t *o = json_object();
        json_object_set_new(o, "id", str_or_null(px_article_id(art)));
        json_object_set_new(o, "label", json_string(pxr_label(c, a)));
        json_object_set_new(o, "title", str_or_null(px_article_title(art)));
        json_object_set_new(o, "outlet", str_or_null(px_article_outlet(art)));
        json_object_set_new(o, "url", str_or_null(px_article_url(art)));
        json_object_set_new(o, "date", str_or_null(px_article_date(art)));
        json_object_set_new(o, "language", json_string(px_article_language(art)));
        json_object_set_new(o, "sentences",
                            json_integer((json_int_t)px_article_sentence_count(art)));
        json_object_set_new(o, "quotes",
                            json_integer((json_int_t)px_analysis_quote_count(c->analyses[a])));
        json_object_set_new(o, "facts", json_integer((json_int_t)pxr_fact_count(c, a)));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *similarity_json(const px_comparison *c)
{
    json_t *o = json_object(), *matrix = c->similarity ? json_array() : json_null(), *pairs = json_array();
    for (size_t a = 0; c->similarity && a < c->n; a++) {
        json_t *row = json_array();
        for (size_t b = 0; b < c->n; b++) {
            const px_similarity *s = pxr_similarity(c, a, b);
            json_array_append_new(row, s ? part_json(s->score) : json_null());
            if (!s || b <= a) continue;
            json_t *p = json_object();
            json_object_set_new(p, "a", json_integer((json_int_t)a));
            json_object_set_new(p, "b", json_integer((json_int_t)b));
            json_object_set_new(p, "score", part_json(s->score));
            json_object_set_new(p, "terms", part_json(s->terms));
            json_object_set_new(p, "entities", part_json(s->entities));
            json_object_set_new(p, "quotes", part_json(s->quotes));
            json_object_set_new(p, "dates", part_json(s->dates));
            json_array_append_new(pairs, p);
        }
        json_array_append_new(matrix, row);
    }
    pxr_sim_stats st;
    pxr_similarity_stats(c, &st);
    json_object_set_new(o, "matrix", matrix);
    json_object_set_new(o, "pairs", pairs);
    json_object_set_new(o, "mean", st.pairs ? json_real(st.mean) : json_null());
    if (st.sampled) json_object_set_new(o, "sampled", json_integer((json_int_t)st.sampled));
    return o;
}

static json_t *facts_json(const px_comparison *c)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < c->facts.len; i++) {
        const px_fact *f = &c->facts.items[i];
        json_t *o = json_object(), *claims = json_array();
        json_object_set_new(o, "text", json_string(pxr_fact_text(c, f)));
        json_object_set_new(o, "kind", json_string(px_fact_kind_name(f->kind)));
        json_object_set_new(o, "support", indexes_json(&f->support));
        for (size_t k = 0; k < f->claims.len; k++) {
            if (f->claims.items[k] >= c->claims.len) continue;
            const px_claim *cl = &c->claims.items[f->claims.items[k]];
            json_t *co = json_object();
            json_object_set_new(co, "article", json_integer((json_int_t)cl->article));
            json_object_set_new(co, "sentence", index_json(cl->sentence));
            json_object_set_new(co, "text", str_or_null(cl->text));
            json_object_set_new(co, "best", json_boolean(f->claims.items[k] == f->best));
            json_array_append_new(claims, co);
        }
        json_object_set_new(o, "claims", claims);
        json_array_append_new(arr, o);
    }
    return arr;
}

/* unique / omitted: per article, the facts as {fact, text}. */
static json_t *per_article_json(const px_comparison *c, int omitted)
{
    json_t *arr = json_array();
    px_indexes list = {0};
    for (size_t a = 0; a < c->n; a++) {
        json_t *items = json_array();
        list.len = 0;
        if (omitted) px_compare_omitted(c, a, &list);
        else px_compare_unique(c, a, &list);
        for (size_t i = 0; i < list.len; i++) {
            if (list.items[i] >= c->facts.len) continue;
            json_t *o = json_object();
            json_object_set_new(o, "fact", json_integer((json_int_t)list.items[i]));
            json_object_set_new(o, "text",
                                json_string(pxr_fact_text(c, &c->facts.items[list.items[i]])));
            json_array_append_new(items, o);
        }
        json_array_append_new(arr, items);
    }
    px_vec_free(&list);
    return arr;
}

static const char *sentence_text(const px_comparison *c, size_t a, size_t s)
{
    const px_article *art = c->articles[a];
    return s < px_article_sentence_count(art) ? px_article_sentence(art, s, NULL, NULL, NULL) : NULL;
}

/* The distinct values of a slot, in order of first appearance, with the
 * articles that give each. */
static json_t *groups_json(const px_conflict *k)
{
    json_t *arr = json_array();
    for (size_t v = 0; v < k->values.len; v++) {
        const char *value = k->values.items[v].value ? k->values.items[v].value : "";
        size_t first = 0;
        while (first < v && strcmp(k->values.items[first].value ? k->values.items[first].value : "",
                                   value) != 0)
            first++;
        if (first < v) continue;
        json_t *g = json_object(), *articles = json_array();
        for (size_t w = v; w < k->values.len; w++)
            if (strcmp(k->values.items[w].value ? k->values.items[w].value : "", value) == 0)
                json_array_append_new(articles, json_integer((json_int_t)k->values.items[w].article));
        json_object_set_new(g, "value", json_string(value));
        json_object_set_new(g, "articles", articles);
        json_array_append_new(arr, g);
    }
    return arr;
}

static json_t *conflicts_json(const px_comparison *c)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < c->conflicts.len; i++) {
        const px_conflict *k = &c->conflicts.items[i];
        json_t *o = json_object(), *values = json_array();
        json_object_set_new(o, "kind", json_string(px_conflict_kind_name(k->kind)));
        json_object_set_new(o, "slot", json_string(px_slot_name(k->slot)));
        json_object_set_new(o, "judgment", json_string(px_judgment_name(k->judgment)));
        json_object_set_new(o, "subject", str_or_null(k->subject));
        json_object_set_new(o, "entity", str_or_null(k->entity));
        json_object_set_new(o, "agreement", json_boolean(k->agreement));
        for (size_t v = 0; v < k->values.len; v++) {
            const px_value *val = &k->values.items[v];
            json_t *vo = json_object();
            json_object_set_new(vo, "article", json_integer((json_int_t)val->article));
            json_object_set_new(vo, "sentence", index_json(val->sentence));
            json_object_set_new(vo, "value", str_or_null(val->value));
            json_object_set_new(vo, "surface", str_or_null(val->surface ? val->surface : val->value));
            json_object_set_new(vo, "text", str_or_null(sentence_text(c, val->article, val->sentence)));
            json_object_set_new(vo, "pattern", str_or_null(val->pattern));
            json_object_set_new(vo, "inferred", json_boolean(val->inferred));
            json_array_append_new(values, vo);
        }
        json_object_set_new(o, "values", values);
        json_object_set_new(o, "groups", groups_json(k));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *quotes_json(const px_comparison *c)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < c->quotes.len; i++) {
        const px_story_quote *q = &c->quotes.items[i];
        json_t *o = json_object(), *articles = json_array(), *variants = json_array();
        json_object_set_new(o, "text", str_or_null(q->text));
        json_object_set_new(o, "speaker", str_or_null(q->speaker));
        for (size_t u = 0; u < q->uses.len; u++) {
            const px_quote_use *use = &q->uses.items[u];
            const px_quote *own = pxr_quote_of(c, use);
            size_t k = 0;
            while (k < u && q->uses.items[k].article != use->article) k++;
            if (k == u) json_array_append_new(articles, json_integer((json_int_t)use->article));
            json_t *vo = json_object();
            json_object_set_new(vo, "article", json_integer((json_int_t)use->article));
            json_object_set_new(vo, "sentence", own ? index_json(own->sentence) : json_null());
            json_object_set_new(vo, "text", own ? str_or_null(own->text) : json_null());
            json_object_set_new(vo, "variant", json_string(px_variant_name(use->variant)));
            json_object_set_new(vo, "diff", str_or_null(use->diff));
            json_array_append_new(variants, vo);
        }
        json_object_set_new(o, "articles", articles);
        json_object_set_new(o, "variants", variants);
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *citations_json(const px_comparison *c)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < c->citations.len; i++) {
        const px_citation *t = &c->citations.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "article", json_integer((json_int_t)t->article));
        json_object_set_new(o, "source", str_or_null(t->source));
        json_object_set_new(o, "cue", str_or_null(t->cue));
        json_object_set_new(o, "sentence", index_json(t->sentence));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *syndication_json(const px_comparison *c)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < c->copies.len; i++) {
        const px_copy *p = &c->copies.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "copy", json_integer((json_int_t)p->copy));
        json_object_set_new(o, "original", json_integer((json_int_t)p->original));
        json_object_set_new(o, "distance", json_integer(p->distance));
        json_object_set_new(o, "overlap", json_real(p->overlap));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *summary_json(const px_comparison *c)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < c->summary.len; i++) {
        const px_summary_line *s = &c->summary.items[i];
        if (s->claim >= c->claims.len) continue;
        const px_claim *cl = &c->claims.items[s->claim];
        json_t *o = json_object();
        json_object_set_new(o, "text", str_or_null(s->text ? s->text : cl->text));
        json_object_set_new(o, "support", indexes_json(&s->support));
        json_object_set_new(o, "article", json_integer((json_int_t)cl->article));
        json_object_set_new(o, "sentence", index_json(cl->sentence));
        json_array_append_new(arr, o);
    }
    return arr;
}

px_status px_render_comparison_json(const px_comparison *c, FILE *f, px_error *err)
{
    if (!c || !f) return px_error_set(err, PX_EUSAGE, "px_render_comparison_json", 0, 0,
                                      "no comparison or no output");
    json_t *o = json_object();
    json_object_set_new(o, "articles", articles_json(c));
    json_object_set_new(o, "similarity", similarity_json(c));
    json_object_set_new(o, "facts", facts_json(c));
    json_object_set_new(o, "unique", per_article_json(c, 0));
    json_object_set_new(o, "omitted", per_article_json(c, 1));
    json_object_set_new(o, "conflicts", conflicts_json(c));
    json_object_set_new(o, "quotes", quotes_json(c));
    json_object_set_new(o, "citations", citations_json(c));
    json_object_set_new(o, "syndication", syndication_json(c));
    json_object_set_new(o, "summary", summary_json(c));
    json_object_set_new(o, "schema", json_integer(2));
    json_object_set_new(o, "one_story", json_boolean(pxr_one_story(c)));
    const char *headline = pxr_story_title(c);
    json_object_set_new(o, "headline", headline ? json_string(headline) : json_null());
    int rc = json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3));
    json_decref(o);
    if (rc != 0 || ferror(f))
        return px_error_set(err, PX_EIO, "<output>", 0, 0, "write failed");
    return PX_OK;
}
