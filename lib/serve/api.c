/*
 * api.c — the JSON API under /api/v1 (docs/api.md, docs/openapi.json):
 * one endpoint for each page, the same data.
 *
 *   GET /api/v1/stories?q&from&to&outlet&lang&order&cursor&limit
 *   GET /api/v1/stories/{id}            the comparison (docs/json.md)
 *   GET /api/v1/stories/{id}/articles?cursor&limit   with why each is in it
 *   GET /api/v1/stories/{id}/matrix     facts by outlet (matrix.c)
 *   GET /api/v1/stories/{id}/groups     the outlet groups that covered it
 *   GET /api/v1/articles/{row}          with its marks (marks.c)
 *   GET /api/v1/outlets
 *   GET /api/v1/outlet?name             firsts, conflicts, credits
 *   GET /api/v1/outlet/articles?name&cursor&limit
 *   GET /api/v1/groups
 *   GET /api/v1/search?q&advanced&limit
 *
 * Lists are objects with the rows and "next": the cursor of the next page,
 * or null.  Errors are {"error": message, "status": code}: 400 for a bad
 * argument, 404 for an unknown id.  The argument parsing the pages share
 * (pxs_story_filter) is here too.
 */
#include <assert.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

static json_t *str(const char *s) { return s ? json_string(s) : json_null(); }

/* A limit argument: absent 0 (the default), else 1..PX_STORE_MAX_LIMIT;
 * -1 when malformed. */
static int limit_arg(pxs_request *r)
{
    const char *v = pxs_arg(r, "limit");
    if (!v) return 0;
    int64_t n = pxs_id(v);
    return n >= 1 && n <= PX_STORE_MAX_LIMIT ? (int)n : -1;
}

int pxs_story_filter(pxs_request *r, px_story_filter *f, int *disputed, int json)
{
    memset(f, 0, sizeof *f);
    *disputed = 0;
    f->query = pxs_arg(r, "q");
    f->from = pxs_arg(r, "from");
    f->to = pxs_arg(r, "to");
    f->outlet = pxs_arg(r, "outlet");
    f->language = pxs_arg(r, "lang");
    f->cursor = pxs_arg(r, "cursor");
    const char *order = pxs_arg(r, "order");
    f->limit = limit_arg(r);
    if (pxs_bad_args(r, json)) return -1;
    const char *bad = NULL;
    if (f->from && !px_date_valid(f->from)) bad = "from wants a date YYYY-MM-DD";
    else if (f->to && !px_date_valid(f->to)) bad = "to wants a date YYYY-MM-DD";
    else if (order && strcmp(order, "recent") && strcmp(order, "largest") && strcmp(order, "disputed"))
        bad = "order is recent, largest or disputed";
    else if (f->limit < 0) bad = "limit wants a number from 1 to 1000";
    if (bad) {
        pxs_fail(r, 400, json, bad);
        return -1;
    }
    f->order = order && strcmp(order, "largest") == 0 ? PX_STORIES_LARGEST : PX_STORIES_RECENT;
    *disputed = order && strcmp(order, "disputed") == 0;
    if (!f->limit) f->limit = 50;
    return 0;
}

static void emit(pxs_request *r, json_t *o)
{
    r->type = "application/json";
    json_dumpf(o, r->out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    fputc('\n', r->out);
    json_decref(o);
}

typedef struct story_list {
    json_t *rows;
    pxs_cache *cache;
    const pxs_groups *groups;
} story_list;

static void blind(const pxs_group *g, const char *const *covering, size_t n, void *ud)
{
    (void)covering;
    if (!n) json_array_append_new(ud, json_string(g->name));
}

static void story_json(const px_story_row *s, void *ud)
{
    story_list *l = ud;
    json_t *o = json_object(), *outlets = json_array();
    json_object_set_new(o, "id", json_integer(s->id));
    json_object_set_new(o, "title", str(s->title));
    for (const char *p = s->outlets; p && *p;) {
        const char *e = strstr(p, ", ");
        size_t n = e ? (size_t)(e - p) : strlen(p);
        json_array_append_new(outlets, json_stringn(p, n));
        p += n + (e ? 2 : 0);
    }
    json_object_set_new(o, "outlets", outlets);
    json_object_set_new(o, "articles", json_integer(s->articles));
    json_object_set_new(o, "outlet_count", json_integer(s->outlet_count));
    json_object_set_new(o, "first_seen", str(s->first));
    json_object_set_new(o, "last_seen", str(s->last));
    json_object_set_new(o, "version", json_integer(s->version));
    long k = pxs_cache_conflicts(l->cache, s->id, s->version);
    json_object_set_new(o, "conflicts", k >= 0 ? json_integer(k) : json_null());
    json_t *b = json_array();
    pxs_groups_cover(l->groups, s->outlets, blind, b);
    json_object_set_new(o, "blindspots", b);
    json_array_append_new(l->rows, o);
}

void pxs_api_stories(pxs_request *r)
{
    px_story_filter f;
    int disputed;
    if (pxs_story_filter(r, &f, &disputed, 1)) return;
    story_list l = {json_array(), r->cache, r->groups};
    char *next = NULL;
    px_error err;
    if (pxs_stories(r, &f, disputed, story_json, &l, &next, &err)) {
        json_decref(l.rows);
        pxs_store_failed(r, &err, 1);
        return;
    }
    json_t *o = json_object();
    json_object_set_new(o, "stories", l.rows);
    json_object_set_new(o, "next", str(next));
    free(next);
    emit(r, o);
}

static void copy_row(const px_story_row *s, void *ud)
{
    px_story_row *out = ud;
    *out = *s;
    out->title = out->first = out->last = NULL; /* not kept */
    out->outlets = s->outlets ? px_xstrdup(s->outlets) : NULL; /* the caller frees it */
}

/* The story's row (numbers and its outlets: free row->outlets) into *row;
 * 0, or the reply answered. */
static int story_row(pxs_request *r, const char *id, px_story_row *row, int json)
{
    int64_t n = pxs_id(id);
    memset(row, 0, sizeof *row);
    px_story_filter f = {.story = n, .limit = 1};
    px_error err;
    if (n > 0 && px_store_stories(r->store, &f, copy_row, row, NULL, &err)) {
        pxs_store_failed(r, &err, json);
        return -1;
    }
    if (n <= 0 || !row->id) {
        pxs_fail(r, 404, json, "no such story");
        return -1;
    }
    return 0;
}

static void free_row(px_story_row *row) { free((char *)row->outlets); }

/* The comparison of story id from the cache, or NULL after answering. */
static pxs_story *cached(pxs_request *r, const char *id)
{
    px_story_row row;
    if (story_row(r, id, &row, 1)) return NULL;
    px_error err;
    pxs_story *s = pxs_cache_get(r->cache, r, &row, &err);
    free_row(&row);
    if (!s) pxs_store_failed(r, &err, 1);
    else r->type = "application/json";
    return s;
}

void pxs_api_story(pxs_request *r, const char *id)
{
    int64_t version;
    if (!pxs_story_version(r, id, &version, 1)) return;
    if ((r->reply = pxs_reply_find(r, pxs_id(id), PXS_REPLY_API, version))) return; /* kept */
    pxs_story *s = cached(r, id);
    if (!s) return;
    fwrite(s->json, 1, s->json_len, r->out);
    fputc('\n', r->out);
    r->reply = pxs_reply_keep(r, s->id, PXS_REPLY_API, s->version);
    pxs_story_release(r->cache, s);
}

void pxs_api_story_matrix(pxs_request *r, const char *id)
{
    pxs_story *s = cached(r, id);
    if (!s) return;
    /* {"story", "version", "compared", then the matrix's own keys} */
    fprintf(r->out, "{\"story\":%lld,\"version\":%lld,\"compared\":%zu,", (long long)s->id,
            (long long)s->version, s->compared);
    assert(s->matrix_json_len > 2 && s->matrix_json[0] == '{');
    fwrite(s->matrix_json + 1, 1, s->matrix_json_len - 1, r->out);
    fputc('\n', r->out);
    pxs_story_release(r->cache, s);
}

static void cover_json(const pxs_group *g, const char *const *covering, size_t n, void *ud)
{
    json_t **v = ud, *o = json_object(), *outlets = json_array();
    for (size_t i = 0; i < n; i++) json_array_append_new(outlets, json_string(covering[i]));
    json_object_set_new(o, "name", json_string(g->name));
    json_object_set_new(o, "covered", json_boolean(n > 0));
    json_object_set_new(o, "outlets", outlets);
    json_object_set_new(o, "size", json_integer((json_int_t)g->outlets.len));
    json_array_append_new(v[0], o);
    json_array_append_new(n ? v[1] : v[2], json_string(g->name));
}

void pxs_api_story_groups(pxs_request *r, const char *id)
{
    px_story_row row;
    if (story_row(r, id, &row, 1)) return;
    json_t *v[3] = {json_array(), json_array(), json_array()};
    pxs_groups_cover(r->groups, row.outlets, cover_json, v);
    json_t *o = json_object();
    json_object_set_new(o, "story", json_integer(row.id));
    json_object_set_new(o, "groups", v[0]);
    json_object_set_new(o, "covered", v[1]);
    json_object_set_new(o, "blindspots", v[2]);
    free_row(&row);
    emit(r, o);
}

void pxs_api_groups(pxs_request *r)
{
    json_t *v = json_array();
    for (size_t i = 0; r->groups && i < r->groups->len; i++) {
        const pxs_group *g = &r->groups->items[i];
        json_t *o = json_object(), *outlets = json_array();
        for (size_t k = 0; k < g->outlets.len; k++) json_array_append_new(outlets, json_string(g->outlets.items[k]));
        json_object_set_new(o, "name", json_string(g->name));
        json_object_set_new(o, "outlets", outlets);
        json_array_append_new(v, o);
    }
    json_t *o = json_object();
    json_object_set_new(o, "groups", v);
    emit(r, o);
}

static void article_json(const px_article_row *a, void *ud)
{
    json_t *o = json_object();
    json_object_set_new(o, "row", json_integer(a->row));
    json_object_set_new(o, "id", str(a->id));
    json_object_set_new(o, "story", a->story ? json_integer(a->story) : json_null());
    json_object_set_new(o, "url", str(a->url));
    json_object_set_new(o, "outlet", str(a->outlet));
    json_object_set_new(o, "title", str(a->title));
    json_object_set_new(o, "date", str(a->date));
    json_object_set_new(o, "language", str(a->language));
    json_array_append_new(ud, o);
}

const char *pxs_decision(const px_story_member *m)
{
    return m->copy_of >= 0 ? "copy" : m->created ? "started" : "joined";
}

static json_t *num(double v) { return v < 0 ? json_null() : json_real(v); }

json_t *pxs_why_json(const px_story_member *m)
{
    json_t *o = json_object();
    json_object_set_new(o, "decision", json_string(pxs_decision(m)));
    json_object_set_new(o, "copy_of", m->copy_of >= 0 ? json_integer(m->copy_of) : json_null());
    json_object_set_new(o, "closest_story", m->best_story >= 0 ? json_integer(m->best_story) : json_null());
    json_object_set_new(o, "score", num(m->score));
    json_object_set_new(o, "threshold", json_real(m->threshold));
    json_object_set_new(o, "terms", num(m->terms));
    json_object_set_new(o, "specifics", num(m->specifics));
    json_object_set_new(o, "quotes", num(m->quotes));
    json_object_set_new(o, "days_apart", m->gap >= 0 ? json_integer(m->gap) : json_null());
    json_object_set_new(o, "places_only", json_boolean(m->places_only));
    return o;
}

typedef struct why_rows {
    json_t *rows;
    size_t at; /* rows before it have had their member: both come by row */
} why_rows;

/* Each member's "why" into its article row (rows and members both by row). */
static void why_json(const px_story_member *m, void *ud)
{
    why_rows *w = ud;
    for (; w->at < json_array_size(w->rows); w->at++) {
        json_t *row = json_array_get(w->rows, w->at);
        json_int_t id = json_integer_value(json_object_get(row, "row"));
        if (id > m->article) return;
        if (id == m->article) {
            json_object_set_new(row, "why", pxs_why_json(m));
            return;
        }
    }
}

static void article_list(pxs_request *r, px_article_filter *f, const char *key, json_t *value)
{
    f->cursor = pxs_arg(r, "cursor");
    f->limit = limit_arg(r);
    if (pxs_bad_args(r, 1)) {
        json_decref(value);
        return;
    }
    if (f->limit < 0) {
        json_decref(value);
        pxs_fail(r, 400, 1, "limit wants a number from 1 to 1000");
        return;
    }
    json_t *rows = json_array();
    char *next = NULL;
    px_error err;
    if (px_store_articles(r->store, f, article_json, rows, &next, &err)) {
        json_decref(rows);
        json_decref(value);
        pxs_store_failed(r, &err, 1);
        return;
    }
    size_t n = json_array_size(rows);
    if (f->story && n) {
        int64_t first = json_integer_value(json_object_get(json_array_get(rows, 0), "row"));
        why_rows w = {rows, 0};
        if (px_store_story_members(r->store, f->story, first - 1, (int)n, why_json, &w, &err)) {
            json_decref(rows);
            json_decref(value);
            free(next);
            pxs_store_failed(r, &err, 1);
            return;
        }
    }
    json_t *o = json_object();
    json_object_set_new(o, key, value);
    json_object_set_new(o, "articles", rows);
    json_object_set_new(o, "next", str(next));
    free(next);
    emit(r, o);
}

void pxs_api_story_articles(pxs_request *r, const char *id)
{
    px_story_row row;
    if (story_row(r, id, &row, 1)) return;
    free_row(&row);
    px_article_filter f = {.story = row.id};
    article_list(r, &f, "story", json_integer(row.id));
}

static json_t *tallies(const pxs_tally_list *t, const char *key)
{
    json_t *v = json_array();
    for (size_t i = 0; i < t->len; i++) {
        json_t *o = json_object();
        json_object_set_new(o, key, json_string(t->items[i].name));
        json_object_set_new(o, "stories", json_integer(t->items[i].n));
        json_array_append_new(v, o);
    }
    return v;
}

void pxs_api_outlet(pxs_request *r)
{
    const char *name = pxs_arg(r, "name");
    if (pxs_bad_args(r, 1)) return;
    if (!name) {
        pxs_fail(r, 400, 1, "name: which outlet");
        return;
    }
    px_outlet_stats st;
    px_error err;
    if (px_store_outlet_stats(r->store, name, &st, &err)) {
        pxs_store_failed(r, &err, 1);
        return;
    }
    if (!st.articles) {
        pxs_fail(r, 404, 1, "no such outlet");
        return;
    }
    pxs_outlet_ledger l;
    pxs_ledger_outlet(pxs_cache_ledger(r->cache), name, &l);
    json_t *o = json_object(), *c = json_object();
    json_object_set_new(o, "name", json_string(name));
    json_object_set_new(o, "articles", json_integer(st.articles));
    json_object_set_new(o, "stories", json_integer(st.stories));
    json_object_set_new(o, "first", json_integer(st.first));
    json_object_set_new(o, "started", json_integer(st.started));
    json_object_set_new(c, "stories", json_integer(l.stories));
    json_object_set_new(c, "conflicts", json_integer(l.conflicts));
    json_object_set_new(c, "disputed", json_integer(l.disputed));
    json_object_set_new(c, "against", tallies(&l.against, "outlet"));
    json_object_set_new(c, "credits", tallies(&l.credits, "source"));
    json_object_set_new(o, "compared", c);
    pxs_outlet_ledger_free(&l);
    emit(r, o);
}

void pxs_api_outlet_articles(pxs_request *r)
{
    const char *name = pxs_arg(r, "name");
    if (pxs_bad_args(r, 1)) return;
    if (!name) {
        pxs_fail(r, 400, 1, "name: which outlet");
        return;
    }
    px_article_filter f = {.outlet = name};
    article_list(r, &f, "outlet", json_string(name));
}

void pxs_api_article(pxs_request *r, const char *id)
{
    int64_t story = 0;
    px_article *a = pxs_article(r, id, &story, 1);
    if (!a) return;
    px_error err;
    px_analysis *an = NULL;
    if (px_analyze(r->ctx, a, &an, &err)) {
        px_article_free(a);
        pxs_store_failed(r, &err, 1);
        return;
    }
    pxs_marks m;
    pxs_marks_find(a, an, &m);
    r->type = "application/json";
    fprintf(r->out, "{\"row\":%lld,\"story\":%lld,\"article\":", (long long)pxs_id(id),
            (long long)story);
    if (px_render_json(a, NULL, r->out, &err)) {
        pxs_store_failed(r, &err, 1);
    } else {
        fputs(",\"marks\":", r->out);
        json_t *j = pxs_marks_json(&m);
        json_dumpf(j, r->out, JSON_COMPACT);
        json_decref(j);
        fputs("}\n", r->out);
    }
    pxs_marks_free(&m);
    px_analysis_free(an);
    px_article_free(a);
}

static void outlet_json(const px_outlet_row *o, void *ud)
{
    json_t *j = json_object();
    json_object_set_new(j, "name", str(o->name));
    json_object_set_new(j, "articles", json_integer(o->articles));
    json_object_set_new(j, "stories", json_integer(o->stories));
    json_object_set_new(j, "first_seen", str(o->first));
    json_object_set_new(j, "last_seen", str(o->last));
    json_array_append_new(ud, j);
}

void pxs_api_outlets(pxs_request *r)
{
    json_t *rows = json_array();
    px_error err;
    if (px_store_outlets(r->store, outlet_json, rows, &err)) {
        json_decref(rows);
        pxs_store_failed(r, &err, 1);
        return;
    }
    json_t *o = json_object();
    json_object_set_new(o, "outlets", rows);
    emit(r, o);
}

/* Hits grouped by story (they come grouped): one object per story. */
static void hit_json(const px_search_hit *h, void *ud)
{
    json_t *groups = ud, *last = json_array_get(groups, json_array_size(groups) - 1);
    if (!last || json_integer_value(json_object_get(last, "story")) != h->story) {
        last = json_object();
        json_object_set_new(last, "story", json_integer(h->story));
        json_object_set_new(last, "hits", json_array());
        json_array_append_new(groups, last);
    }
    json_t *o = json_object();
    json_object_set_new(o, "row", json_integer(h->article));
    json_object_set_new(o, "id", str(h->id));
    json_object_set_new(o, "title", str(h->title));
    json_object_set_new(o, "outlet", str(h->outlet));
    json_object_set_new(o, "date", str(h->date));
    json_object_set_new(o, "snippet", str(h->snippet));
    json_array_append_new(json_object_get(last, "hits"), o);
}

void pxs_api_search(pxs_request *r)
{
    const char *q = pxs_arg(r, "q"), *adv = pxs_arg(r, "advanced");
    int limit = limit_arg(r);
    if (pxs_bad_args(r, 1)) return;
    if (!q || limit < 0) {
        pxs_fail(r, 400, 1, !q ? "q: what to search for" : "limit wants a number from 1 to 1000");
        return;
    }
    json_t *groups = json_array();
    size_t found = 0;
    px_error err;
    int flags = PX_SEARCH_BY_STORY | (adv && strcmp(adv, "0") ? PX_SEARCH_ADVANCED : 0);
    if (px_store_search(r->store, q, flags, limit ? limit : 100, hit_json, groups, &found, &err)) {
        json_decref(groups);
        pxs_store_failed(r, &err, 1);
        return;
    }
    json_t *o = json_object();
    json_object_set_new(o, "query", json_string(q));
    json_object_set_new(o, "found", json_integer((json_int_t)found));
    json_object_set_new(o, "stories", groups);
    emit(r, o);
}
