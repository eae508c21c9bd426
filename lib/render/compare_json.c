/*
 * compare_json.c — a comparison as one JSON object (docs/json.md,
 * "Comparison").
 *
 * The keys are a contract, like the article's: added to, never renamed.
 * Articles are referred to by their index into `articles` everywhere
 * (support, values, uses, citations, copies): labels are for people and
 * need not be unique, indexes are.  Sentence indexes count from 0, as in
 * `analyze --json`.  Unknown or unmeasured values are null, never missing.
 *
 * Written with the streaming writer (jsonw.h), reals with 3 significant
 * digits: the bytes json_dumpf() printed of the jansson tree this file
 * used to build (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3)),
 * without building it (on 1,000 articles the tree took 50 MB and a sixth
 * of compare's time).  As there, a string that is not valid UTF-8 is left
 * out with its key.
 */
#include <string.h>

#include "render/compare_render.h"
#include "render/jsonw.h"

static void index_json(px_jsonw *w, size_t i)
{
    if (i == (size_t)-1) px_jsonw_null(w);
    else px_jsonw_int(w, (long long)i);
}

static void indexes_json(px_jsonw *w, const px_indexes *v)
{
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < v->len; i++) index_json(w, v->items[i]);
    px_jsonw_array_end(w);
}

static void part_json(px_jsonw *w, double v)
{
    if (v < 0) px_jsonw_null(w);
    else px_jsonw_real(w, v);
}

static void articles_json(px_jsonw *w, const px_comparison *c)
{
    px_jsonw_array_begin(w);
    for (size_t a = 0; a < c->n; a++) {
        const px_article *art = c->articles[a];
        px_jsonw_object_begin(w);
        px_jsonw_key_string(w, "id", px_article_id(art));
        px_jsonw_key_string_opt(w, "label", pxr_label(c, a));
        px_jsonw_key_string(w, "title", px_article_title(art));
        px_jsonw_key_string(w, "outlet", px_article_outlet(art));
        px_jsonw_key_string(w, "url", px_article_url(art));
        px_jsonw_key_string(w, "date", px_article_date(art));
        px_jsonw_key_string_opt(w, "language", px_article_language(art));
        px_jsonw_key_int(w, "sentences", px_article_sentence_count(art));
        px_jsonw_key_int(w, "quotes", px_analysis_quote_count(c->analyses[a]));
        px_jsonw_key_int(w, "facts", pxr_fact_count(c, a));
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

static void similarity_json(px_jsonw *w, const px_comparison *c)
{
    px_jsonw_object_begin(w);
    px_jsonw_key(w, "matrix");
    if (c->similarity) {
        px_jsonw_array_begin(w);
        for (size_t a = 0; a < c->n; a++) {
            px_jsonw_array_begin(w);
            for (size_t b = 0; b < c->n; b++) {
                const px_similarity *s = pxr_similarity(c, a, b);
                if (s) part_json(w, s->score);
                else px_jsonw_null(w);
            }
            px_jsonw_array_end(w);
        }
        px_jsonw_array_end(w);
    } else {
        px_jsonw_null(w);
    }
    px_jsonw_key(w, "pairs");
    px_jsonw_array_begin(w);
    for (size_t a = 0; c->similarity && a < c->n; a++)
        for (size_t b = a + 1; b < c->n; b++) {
            const px_similarity *s = pxr_similarity(c, a, b);
            if (!s) continue;
            px_jsonw_object_begin(w);
            px_jsonw_key_int(w, "a", a);
            px_jsonw_key_int(w, "b", b);
            px_jsonw_key(w, "score");
            part_json(w, s->score);
            px_jsonw_key(w, "terms");
            part_json(w, s->terms);
            px_jsonw_key(w, "entities");
            part_json(w, s->entities);
            px_jsonw_key(w, "quotes");
            part_json(w, s->quotes);
            px_jsonw_key(w, "dates");
            part_json(w, s->dates);
            px_jsonw_object_end(w);
        }
    px_jsonw_array_end(w);
    pxr_sim_stats st;
    pxr_similarity_stats(c, &st);
    px_jsonw_key(w, "mean");
    if (st.pairs) px_jsonw_real(w, st.mean);
    else px_jsonw_null(w);
    if (st.sampled) px_jsonw_key_int(w, "sampled", st.sampled);
    px_jsonw_object_end(w);
}

static void facts_json(px_jsonw *w, const px_comparison *c)
{
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < c->facts.len; i++) {
        const px_fact *f = &c->facts.items[i];
        px_jsonw_object_begin(w);
        px_jsonw_key_string_opt(w, "text", pxr_fact_text(c, f));
        px_jsonw_key_string_opt(w, "kind", px_fact_kind_name(f->kind));
        px_jsonw_key(w, "support");
        indexes_json(w, &f->support);
        px_jsonw_key(w, "disputed");
        indexes_json(w, &f->disputed);
        px_jsonw_key(w, "claims");
        px_jsonw_array_begin(w);
        for (size_t k = 0; k < f->claims.len; k++) {
            if (f->claims.items[k] >= c->claims.len) continue;
            const px_claim *cl = &c->claims.items[f->claims.items[k]];
            px_jsonw_object_begin(w);
            px_jsonw_key_int(w, "article", cl->article);
            px_jsonw_key(w, "sentence");
            index_json(w, cl->sentence);
            px_jsonw_key_string(w, "text", cl->text);
            px_jsonw_key_bool(w, "best", f->claims.items[k] == f->best);
            px_jsonw_object_end(w);
        }
        px_jsonw_array_end(w);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

/* unique / omitted: per article, the facts as {fact, text}. */
static void per_article_json(px_jsonw *w, const px_comparison *c, int omitted)
{
    px_jsonw_array_begin(w);
    px_indexes list = {0};
    for (size_t a = 0; a < c->n; a++) {
        px_jsonw_array_begin(w);
        list.len = 0;
        if (omitted) px_compare_omitted(c, a, &list);
        else px_compare_unique(c, a, &list);
        for (size_t i = 0; i < list.len; i++) {
            if (list.items[i] >= c->facts.len) continue;
            px_jsonw_object_begin(w);
            px_jsonw_key_int(w, "fact", list.items[i]);
            px_jsonw_key_string_opt(w, "text", pxr_fact_text(c, &c->facts.items[list.items[i]]));
            px_jsonw_object_end(w);
        }
        px_jsonw_array_end(w);
    }
    px_vec_free(&list);
    px_jsonw_array_end(w);
}

static const char *sentence_text(const px_comparison *c, size_t a, size_t s)
{
    const px_article *art = c->articles[a];
    return s < px_article_sentence_count(art) ? px_article_sentence(art, s, NULL, NULL, NULL) : NULL;
}

/* The distinct values of a slot, in order of first appearance, with the
 * articles that give each. */
static void groups_json(px_jsonw *w, const px_conflict *k)
{
    px_jsonw_array_begin(w);
    for (size_t v = 0; v < k->values.len; v++) {
        const char *value = k->values.items[v].value ? k->values.items[v].value : "";
        size_t first = 0;
        while (first < v && strcmp(k->values.items[first].value ? k->values.items[first].value : "",
                                   value) != 0)
            first++;
        if (first < v) continue;
        px_jsonw_object_begin(w);
        px_jsonw_key_string_opt(w, "value", value);
        px_jsonw_key(w, "articles");
        px_jsonw_array_begin(w);
        for (size_t x = v; x < k->values.len; x++)
            if (strcmp(k->values.items[x].value ? k->values.items[x].value : "", value) == 0)
                px_jsonw_int(w, (long long)k->values.items[x].article);
        px_jsonw_array_end(w);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

static void conflicts_json(px_jsonw *w, const px_comparison *c)
{
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < c->conflicts.len; i++) {
        const px_conflict *k = &c->conflicts.items[i];
        px_jsonw_object_begin(w);
        px_jsonw_key_string_opt(w, "kind", px_conflict_kind_name(k->kind));
        px_jsonw_key_string_opt(w, "slot", px_slot_name(k->slot));
        px_jsonw_key_string_opt(w, "judgment", px_judgment_name(k->judgment));
        px_jsonw_key_string(w, "subject", k->subject);
        px_jsonw_key_string(w, "entity", k->entity);
        px_jsonw_key_bool(w, "agreement", k->agreement);
        px_jsonw_key(w, "values");
        px_jsonw_array_begin(w);
        for (size_t v = 0; v < k->values.len; v++) {
            const px_value *val = &k->values.items[v];
            px_jsonw_object_begin(w);
            px_jsonw_key_int(w, "article", val->article);
            px_jsonw_key(w, "sentence");
            index_json(w, val->sentence);
            px_jsonw_key_string(w, "value", val->value);
            px_jsonw_key_string(w, "surface", val->surface ? val->surface : val->value);
            px_jsonw_key_string(w, "text", sentence_text(c, val->article, val->sentence));
            px_jsonw_key_string(w, "pattern", val->pattern);
            px_jsonw_key_bool(w, "inferred", val->inferred);
            px_jsonw_object_end(w);
        }
        px_jsonw_array_end(w);
        px_jsonw_key(w, "groups");
        groups_json(w, k);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

static void quotes_json(px_jsonw *w, const px_comparison *c)
{
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < c->quotes.len; i++) {
        const px_story_quote *q = &c->quotes.items[i];
        px_jsonw_object_begin(w);
        px_jsonw_key_string(w, "text", q->text);
        px_jsonw_key_string(w, "speaker", q->speaker);
        px_jsonw_key(w, "articles");
        px_jsonw_array_begin(w);
        for (size_t u = 0; u < q->uses.len; u++) {
            size_t k = 0;
            while (k < u && q->uses.items[k].article != q->uses.items[u].article) k++;
            if (k == u) px_jsonw_int(w, (long long)q->uses.items[u].article);
        }
        px_jsonw_array_end(w);
        px_jsonw_key(w, "variants");
        px_jsonw_array_begin(w);
        for (size_t u = 0; u < q->uses.len; u++) {
            const px_quote_use *use = &q->uses.items[u];
            const px_quote *own = pxr_quote_of(c, use);
            px_jsonw_object_begin(w);
            px_jsonw_key_int(w, "article", use->article);
            px_jsonw_key(w, "sentence");
            if (own) index_json(w, own->sentence);
            else px_jsonw_null(w);
            px_jsonw_key_string(w, "text", own ? own->text : NULL);
            px_jsonw_key_string_opt(w, "variant", px_variant_name(use->variant));
            px_jsonw_key_string(w, "diff", use->diff);
            px_jsonw_object_end(w);
        }
        px_jsonw_array_end(w);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

static void citations_json(px_jsonw *w, const px_comparison *c)
{
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < c->citations.len; i++) {
        const px_citation *t = &c->citations.items[i];
        px_jsonw_object_begin(w);
        px_jsonw_key_int(w, "article", t->article);
        px_jsonw_key_string(w, "source", t->source);
        px_jsonw_key_string(w, "cue", t->cue);
        px_jsonw_key(w, "sentence");
        index_json(w, t->sentence);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

static void syndication_json(px_jsonw *w, const px_comparison *c)
{
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < c->copies.len; i++) {
        const px_copy *p = &c->copies.items[i];
        px_jsonw_object_begin(w);
        px_jsonw_key_int(w, "copy", p->copy);
        px_jsonw_key_int(w, "original", p->original);
        px_jsonw_key(w, "distance");
        px_jsonw_int(w, p->distance);
        px_jsonw_key(w, "overlap");
        px_jsonw_real(w, p->overlap);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

static void summary_json(px_jsonw *w, const px_comparison *c)
{
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < c->summary.len; i++) {
        const px_summary_line *s = &c->summary.items[i];
        if (s->claim >= c->claims.len) continue;
        const px_claim *cl = &c->claims.items[s->claim];
        px_jsonw_object_begin(w);
        px_jsonw_key_string(w, "text", s->text ? s->text : cl->text);
        px_jsonw_key(w, "support");
        indexes_json(w, &s->support);
        px_jsonw_key_int(w, "article", cl->article);
        px_jsonw_key(w, "sentence");
        index_json(w, cl->sentence);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

px_status px_render_comparison_json(const px_comparison *c, FILE *f, px_error *err)
{
    if (!c || !f) return px_error_set(err, PX_EUSAGE, "px_render_comparison_json", 0, 0,
                                      "no comparison or no output");
    px_jsonw w;
    px_jsonw_init(&w, f);
    w.precision = 3;
    px_jsonw_object_begin(&w);
    px_jsonw_key(&w, "articles");
    articles_json(&w, c);
    px_jsonw_key(&w, "similarity");
    similarity_json(&w, c);
    px_jsonw_key(&w, "facts");
    facts_json(&w, c);
    px_jsonw_key(&w, "unique");
    per_article_json(&w, c, 0);
    px_jsonw_key(&w, "omitted");
    per_article_json(&w, c, 1);
    px_jsonw_key(&w, "conflicts");
    conflicts_json(&w, c);
    px_jsonw_key(&w, "quotes");
    quotes_json(&w, c);
    px_jsonw_key(&w, "citations");
    citations_json(&w, c);
    px_jsonw_key(&w, "syndication");
    syndication_json(&w, c);
    px_jsonw_key(&w, "summary");
    summary_json(&w, c);
    px_jsonw_key_int(&w, "schema", 2);
    px_jsonw_key_bool(&w, "one_story", pxr_one_story(c));
    px_jsonw_key_string(&w, "headline", pxr_story_title(c));
    px_jsonw_object_end(&w);
    if (ferror(f)) return px_error_set(err, PX_EIO, "<output>", 0, 0, "write failed");
    return PX_OK;
}
