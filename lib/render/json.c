/*
 * json.c — an article (and its analysis) as one line of JSON.
 *
 * The keys are a contract (docs/json.md): scripts and later commands read
 * them, so they are only ever added to, never renamed.  Unknown values are
 * null, never "" or missing, so every object has every key.
 *
 * The object is streamed with the JSON writer (jsonw.h), in the bytes the
 * jansson tree it replaced printed: building and freeing that tree cost
 * three quarters of `analyze --json`'s time.
 */
#include <string.h>

#include "analyze/analysis.h"
#include "render/jsonw.h"

static void string_array(px_jsonw *w, const char *key, const char *const *items, size_t n)
{
    px_jsonw_key(w, key);
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < n; i++)
        if (items[i]) px_jsonw_string(w, items[i]);
    px_jsonw_array_end(w);
}

static void token_json(px_jsonw *w, const px_token *t, const char *sentence)
{
    px_jsonw_object_begin(w);
    px_jsonw_key(w, "text");
    px_jsonw_stringn(w, sentence + t->start, t->end - t->start);
    px_jsonw_key_int(w, "start", (long long)t->start);
    px_jsonw_key_string_opt(w, "kind", px_token_kind_name(t->kind));
    px_jsonw_key_string_opt(w, "norm", t->norm);
    px_jsonw_key_string_opt(w, "stem", t->stem);
    px_jsonw_key_bool(w, "stop", t->stop);
    px_jsonw_object_end(w);
}

static void sentences_json(px_jsonw *w, const px_article *a, const px_analysis *an)
{
    px_jsonw_key(w, "sentences");
    px_jsonw_array_begin(w);
    size_t ti = 0, nt = px_analysis_token_count(an);
    for (size_t si = 0; si < a->sentences.len; si++) {
        const px_sentence *s = &a->sentences.items[si];
        px_jsonw_object_begin(w);
        px_jsonw_key_string_opt(w, "text", s->text);
        px_jsonw_key_int(w, "paragraph", (long long)s->paragraph);
        px_jsonw_key_int(w, "start", (long long)s->start);
        px_jsonw_key(w, "tokens");
        px_jsonw_array_begin(w);
        for (; ti < nt && px_analysis_token(an, ti)->sentence == si; ti++)
            token_json(w, px_analysis_token(an, ti), s->text);
        px_jsonw_array_end(w);
        px_furniture f = px_sentence_furniture(an, si);
        px_jsonw_key_string(w, "furniture", f == PX_FURNITURE_NONE ? NULL : px_furniture_name(f));
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

static void span_text(px_jsonw *w, const char *key, const px_article *a, size_t sentence,
                      size_t start, size_t end)
{
    px_jsonw_key(w, key);
    if (sentence >= a->sentences.len) {
        px_jsonw_null(w);
        return;
    }
    const char *s = a->sentences.items[sentence].text;
    size_t n = strlen(s);
    if (start > n || end > n || start > end) px_jsonw_null(w);
    else px_jsonw_stringn(w, s + start, end - start);
}

static void sentence_index(px_jsonw *w, const char *key, size_t sentence)
{
    px_jsonw_key(w, key);
    if (sentence == (size_t)-1) px_jsonw_null(w);
    else px_jsonw_int(w, (long long)sentence);
}

static void entity_name(px_jsonw *w, const char *key, const px_analysis *an, long entity)
{
    if (entity < 0 || (size_t)entity >= an->entities.len) {
        px_jsonw_key(w, key);
        px_jsonw_null(w);
        return;
    }
    px_jsonw_key_string_opt(w, key, an->entities.items[entity].pub.name);
}

static void entities_json(px_jsonw *w, const px_article *a, const px_analysis *an)
{
    px_jsonw_key(w, "entities");
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < an->entities.len; i++) {
        const px_entity *e = &an->entities.items[i].pub;
        px_jsonw_object_begin(w);
        px_jsonw_key_string_opt(w, "name", e->name);
        px_jsonw_key_string_opt(w, "type", px_entity_type_name(e->type));
        string_array(w, "aliases", e->aliases, e->alias_count);
        string_array(w, "roles", e->roles, e->role_count);
        px_jsonw_key(w, "mentions");
        px_jsonw_array_begin(w);
        for (size_t k = 0; k < e->mention_count; k++) {
            const px_mention *m = &e->mentions[k];
            px_jsonw_object_begin(w);
            span_text(w, "text", a, m->sentence, m->start, m->end);
            px_jsonw_key_string_opt(w, "kind", px_mention_kind_name(m->kind));
            px_jsonw_key_int(w, "sentence", (long long)m->sentence);
            px_jsonw_key_int(w, "start", (long long)m->start);
            px_jsonw_object_end(w);
        }
        px_jsonw_array_end(w);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

static void quotes_json(px_jsonw *w, const px_analysis *an)
{
    px_jsonw_key(w, "quotes");
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < an->quotes.len; i++) {
        const px_quote *q = &an->quotes.items[i];
        px_jsonw_object_begin(w);
        px_jsonw_key_string_opt(w, "text", q->text);
        entity_name(w, "speaker", an, q->speaker);
        px_jsonw_key_string(w, "cue", q->cue);
        px_jsonw_key_bool(w, "partial", q->partial);
        px_jsonw_key_bool(w, "inferred", q->inferred);
        px_jsonw_key_int(w, "sentence", (long long)q->sentence);
        px_jsonw_key_int(w, "sentence_last", (long long)q->sentence_last);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

static void attributions_json(px_jsonw *w, const px_analysis *an)
{
    px_jsonw_key(w, "attributions");
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < an->attributions.len; i++) {
        const px_attribution *t = &an->attributions.items[i];
        px_jsonw_object_begin(w);
        px_jsonw_key_string_opt(w, "source", t->source);
        entity_name(w, "entity", an, t->entity);
        px_jsonw_key_string(w, "cue", t->cue);
        sentence_index(w, "sentence", t->sentence);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

/* A count as an integer ("$16,450", not 16450.0); anything else as a real,
 * printed with 15 significant digits: enough for every value a text states
 * ("1,234.5 tonnes" is 1234.5, not 1.23e3), few enough that a decimal
 * fraction prints as written (0.1, not 0.10000000000000001). */
static void number_value(px_jsonw *w, const char *key, double v)
{
    px_jsonw_key(w, key);
    if (v > -9e15 && v < 9e15 && v == (double)(long long)v) px_jsonw_int(w, (long long)v);
    else px_jsonw_real(w, v);
}

static void numbers_json(px_jsonw *w, const px_analysis *an)
{
    px_jsonw_key(w, "numbers");
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < an->numbers.len; i++) {
        const px_number *n = &an->numbers.items[i];
        px_jsonw_object_begin(w);
        px_jsonw_key_string_opt(w, "text", n->text);
        px_jsonw_key_string_opt(w, "kind", px_number_kind_name(n->kind));
        number_value(w, "value", n->value);
        px_jsonw_key_string(w, "unit", n->unit);
        px_jsonw_key_string(w, "qualifier", n->qualifier);
        px_jsonw_key_bool(w, "ordinal", n->ordinal);
        px_jsonw_key_int(w, "sentence", (long long)n->sentence);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

static void dates_json(px_jsonw *w, const px_analysis *an)
{
    px_jsonw_key(w, "dates");
    px_jsonw_array_begin(w);
    for (size_t i = 0; i < an->dates.len; i++) {
        const px_date_mention *d = &an->dates.items[i];
        px_jsonw_object_begin(w);
        px_jsonw_key_string_opt(w, "text", d->text);
        px_jsonw_key_string(w, "value", d->value);
        px_jsonw_key_bool(w, "relative", d->relative);
        px_jsonw_key_int(w, "sentence", (long long)d->sentence);
        px_jsonw_object_end(w);
    }
    px_jsonw_array_end(w);
}

static void article_json(px_jsonw *w, const px_article *a, const px_analysis *an)
{
    px_jsonw_object_begin(w);
    px_jsonw_key_string(w, "id", a->id);
    px_jsonw_key_string(w, "url", a->url);
    px_jsonw_key_string(w, "outlet", a->outlet);
    px_jsonw_key_string(w, "title", a->title);
    px_jsonw_key_string(w, "byline", a->byline);
    if (a->authors.len) {
        string_array(w, "author", a->authors.items, a->authors.len);
    } else {
        px_jsonw_key(w, "author");
        px_jsonw_null(w);
    }
    px_jsonw_key_string(w, "date", a->date);
    if (a->date) {
        px_jsonw_key_string_opt(w, "date_source", px_date_source_name(a->date_source));
        px_jsonw_key(w, "date_confidence");
        px_jsonw_real(w, a->date_confidence);
    } else {
        px_jsonw_key_string(w, "date_source", NULL);
        px_jsonw_key_string(w, "date_confidence", NULL);
    }
    px_jsonw_key_string(w, "dateline", a->dateline);
    px_jsonw_key_string(w, "wire", a->wire);
    px_jsonw_key_string_opt(w, "language", px_article_language(a));
    string_array(w, "paragraphs", a->paragraphs.items, a->paragraphs.len);
    px_jsonw_key_string_opt(w, "text", px_article_text(a));
    string_array(w, "removed", a->removed.items, a->removed.len);
    px_jsonw_key_string(w, "origin", a->origin);
    px_jsonw_key_string(w, "format", a->format);
    if (an) {
        sentences_json(w, a, an);
        entities_json(w, a, an);
        quotes_json(w, an);
        attributions_json(w, an);
        numbers_json(w, an);
        dates_json(w, an);
    }
    px_jsonw_object_end(w);
}

px_status px_render_json(const px_article *a, const px_analysis *an, FILE *f, px_error *err)
{
    if (!a || !f) return px_error_set(err, PX_EUSAGE, "px_render_json", 0, 0, "no article or no output");
    px_jsonw w;
    px_jsonw_init(&w, f);
    article_json(&w, a, an);
    if (ferror(f)) return px_error_set(err, PX_EIO, "<output>", 0, 0, "write failed");
    return PX_OK;
}
