/*
 * json.c — an article (and its analysis) as one line of JSON.
 *
 * The keys are a contract (docs/json.md): scripts and later commands read
 * them, so they are only ever added to, never renamed.  Unknown values are
 * null, never "" or missing, so every object has every key.
 */
#include <jansson.h>
#include <string.h>

#include "analyze/analysis.h"

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *string_array(const char *const *items, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) json_array_append_new(arr, json_string(items[i]));
    return arr;
}

static json_t *token_json(const px_token *t, const char *sentence)
{
    json_t *o = json_object();
    json_object_set_new(o, "text", json_stringn(sentence + t->start, t->end - t->start));
    json_object_set_new(o, "start", json_integer((json_int_t)t->start));
    json_object_set_new(o, "kind", json_string(px_token_kind_name(t->kind)));
    json_object_set_new(o, "norm", json_string(t->norm));
    json_object_set_new(o, "stem", json_string(t->stem));
    json_object_set_new(o, "stop", json_boolean(t->stop));
    return o;
}

static json_t *sentences_json(const px_article *a, const px_analysis *an)
{
    json_t *arr = json_array();
    size_t ti = 0, nt = px_analysis_token_count(an);
    for (size_t si = 0; si < a->sentences.len; si++) {
        const px_sentence *s = &a->sentences.items[si];
        json_t *o = json_object(), *tokens = json_array();
        json_object_set_new(o, "text", json_string(s->text));
        json_object_set_new(o, "paragraph", json_integer((json_int_t)s->paragraph));
        json_object_set_new(o, "start", json_integer((json_int_t)s->start));
        for (; ti < nt && px_analysis_token(an, ti)->sentence == si; ti++)
            json_array_append_new(tokens, token_json(px_analysis_token(an, ti), s->text));
        json_object_set_new(o, "tokens", tokens);
        px_furniture f = px_sentence_furniture(an, si);
        json_object_set_new(o, "furniture",
                            f == PX_FURNITURE_NONE ? json_null() : json_string(px_furniture_name(f)));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *span_text(const px_article *a, size_t sentence, size_t start, size_t end)
{
    if (sentence >= a->sentences.len) return json_null();
    const char *s = a->sentences.items[sentence].text;
    size_t n = strlen(s);
    if (start > n || end > n || start > end) return json_null();
    return json_stringn(s + start, end - start);
}

static json_t *sentence_index(size_t sentence)
{
    return sentence == (size_t)-1 ? json_null() : json_integer((json_int_t)sentence);
}

static json_t *entity_name(const px_analysis *an, long entity)
{
    if (entity < 0 || (size_t)entity >= an->entities.len) return json_null();
    return json_string(an->entities.items[entity].pub.name);
}

static json_t *entities_json(const px_article *a, const px_analysis *an)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < an->entities.len; i++) {
        const px_entity *e = &an->entities.items[i].pub;
        json_t *o = json_object(), *mentions = json_array();
        json_object_set_new(o, "name", json_string(e->name));
        json_object_set_new(o, "type", json_string(px_entity_type_name(e->type)));
        json_object_set_new(o, "aliases", string_array(e->aliases, e->alias_count));
        json_object_set_new(o, "roles", string_array(e->roles, e->role_count));
        for (size_t k = 0; k < e->mention_count; k++) {
            const px_mention *m = &e->mentions[k];
            json_t *mo = json_object();
            json_object_set_new(mo, "text", span_text(a, m->sentence, m->start, m->end));
            json_object_set_new(mo, "kind", json_string(px_mention_kind_name(m->kind)));
            json_object_set_new(mo, "sentence", json_integer((json_int_t)m->sentence));
            json_object_set_new(mo, "start", json_integer((json_int_t)m->start));
            json_array_append_new(mentions, mo);
        }
        json_object_set_new(o, "mentions", mentions);
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *quotes_json(const px_analysis *an)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < an->quotes.len; i++) {
        const px_quote *q = &an->quotes.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "text", json_string(q->text));
        json_object_set_new(o, "speaker", entity_name(an, q->speaker));
        json_object_set_new(o, "cue", str_or_null(q->cue));
        json_object_set_new(o, "partial", json_boolean(q->partial));
        json_object_set_new(o, "inferred", json_boolean(q->inferred));
        json_object_set_new(o, "sentence", json_integer((json_int_t)q->sentence));
        json_object_set_new(o, "sentence_last", json_integer((json_int_t)q->sentence_last));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *attributions_json(const px_analysis *an)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < an->attributions.len; i++) {
        const px_attribution *t = &an->attributions.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "source", json_string(t->source));
        json_object_set_new(o, "entity", entity_name(an, t->entity));
        json_object_set_new(o, "cue", str_or_null(t->cue));
        json_object_set_new(o, "sentence", sentence_index(t->sentence));
        json_array_append_new(arr, o);
    }
    return arr;
}

/* A count as an integer ("$16,450", not 16450.0); anything else as a real,
 * which the dump prints with 15 significant digits: enough for every value
 * a text states ("1,234.5 tonnes" is 1234.5, not 1.23e3), few enough that
 * a decimal fraction prints as written (0.1, not 0.10000000000000001). */
static json_t *number_value(double v)
{
    if (v > -9e15 && v < 9e15 && v == (double)(json_int_t)v) return json_integer((json_int_t)v);
    return json_real(v);
}

static json_t *numbers_json(const px_analysis *an)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < an->numbers.len; i++) {
        const px_number *n = &an->numbers.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "text", json_string(n->text));
        json_object_set_new(o, "kind", json_string(px_number_kind_name(n->kind)));
        json_object_set_new(o, "value", number_value(n->value));
        json_object_set_new(o, "unit", str_or_null(n->unit));
        json_object_set_new(o, "qualifier", str_or_null(n->qualifier));
        json_object_set_new(o, "ordinal", json_boolean(n->ordinal));
        json_object_set_new(o, "sentence", json_integer((json_int_t)n->sentence));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *dates_json(const px_analysis *an)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < an->dates.len; i++) {
        const px_date_mention *d = &an->dates.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "text", json_string(d->text));
        json_object_set_new(o, "value", str_or_null(d->value));
        json_object_set_new(o, "relative", json_boolean(d->relative));
        json_object_set_new(o, "sentence", json_integer((json_int_t)d->sentence));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *article_json(const px_article *a, const px_analysis *an)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", str_or_null(a->id));
    json_object_set_new(o, "url", str_or_null(a->url));
    json_object_set_new(o, "outlet", str_or_null(a->outlet));
    json_object_set_new(o, "title", str_or_null(a->title));
    json_object_set_new(o, "byline", str_or_null(a->byline));
    json_object_set_new(o, "author", a->authors.len ? string_array(a->authors.items, a->authors.len)
                                                    : json_null());
    json_object_set_new(o, "date", str_or_null(a->date));
    json_object_set_new(o, "date_source", a->date ? json_string(px_date_source_name(a->date_source)) : json_null());
    json_object_set_new(o, "date_confidence", a->date ? json_real(a->date_confidence) : json_null());
    json_object_set_new(o, "dateline", str_or_null(a->dateline));
    json_object_set_new(o, "wire", str_or_null(a->wire));
    json_object_set_new(o, "language", json_string(px_article_language(a)));
    json_object_set_new(o, "paragraphs", string_array(a->paragraphs.items, a->paragraphs.len));
    json_object_set_new(o, "text", json_string(px_article_text(a)));
    json_object_set_new(o, "removed", string_array(a->removed.items, a->removed.len));
    json_object_set_new(o, "origin", str_or_null(a->origin));
    json_object_set_new(o, "format", str_or_null(a->format));
    if (an) {
        json_object_set_new(o, "sentences", sentences_json(a, an));
        json_object_set_new(o, "entities", entities_json(a, an));
        json_object_set_new(o, "quotes", quotes_json(an));
        json_object_set_new(o, "attributions", attributions_json(an));
        json_object_set_new(o, "numbers", numbers_json(an));
        json_object_set_new(o, "dates", dates_json(an));
    }
    return o;
}

px_status px_render_json(const px_article *a, const px_analysis *an, FILE *f, px_error *err)
{
    if (!a || !f) return px_error_set(err, PX_EUSAGE, "px_render_json", 0, 0, "no article or no output");
    json_t *o = article_json(a, an);
    int rc = json_dumpf(o, f, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(o);
    if (rc != 0 || ferror(f))
        return px_error_set(err, PX_EIO, "<output>", 0, 0, "write failed");
    return PX_OK;
}
