/*
 * api.c — the JSON API under /api/v1 (docs/api.md, docs/openapi.json):
 * one endpoint for each page, the same data.
 *
 *   GET /api/v1/stories?q&from&to&outlet&lang&order&cursor&limit
 *   GET /api/v1/stories/{id}            the comparison (docs/json.md)
 *   GET /api/v1/stories/{id}/articles?cursor&limit
 *   GET /api/v1/articles/{row}
 *   GET /api/v1/outlets
 *   GET /api/v1/outlet/articles?name&cursor&limit
 *   GET /api/v1/search?q&advanced&limit
 *
 * Lists are objects with the rows and "next": the cursor of the next page,
 * or null.  Errors are {"error": message, "status": code}: 400 for a bad
 * argument, 404 for an unknown id.  The argument parsing the pages share
 * (pxs_story_filter) is here too.
 */
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

int pxs_story_filter(pxs_request *r, px_story_filter *f, int json)
{
    memset(f, 0, sizeof *f);
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
    else if (order && strcmp(order, "recent") && strcmp(order, "largest"))
        bad = "order is recent or largest";
    else if (f->limit < 0) bad = "limit wants a number from 1 to 1000";
    if (bad) {
        pxs_fail(r, 400, json, bad);
        return -1;
    }
    f->order = order && strcmp(order, "largest") == 0 ? PX_STORIES_LARGEST : PX_STORIES_RECENT;
    if (!f->limit) f->limit = 50;
    return 0;
}

static void emit(pxs_request *r, json_t *o)
{
    r->type = "application/json";
    json_dumpf(o, r->out, JSON_COMPACT | JSON_PRESERVE_ORDER);
    fputc('\n', r->out);
    json_decref(o);
}

typedef struct story_list {
    json_t *rows;
    pxs_cache *cache;
} story_list;

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
    json_array_append_new(l->rows, o);
}

void pxs_api_stories(pxs_request *r)
{
    px_story_filter f;
    if (pxs_story_filter(r, &f, 1)) return;
    story_list l = {json_array(), r->cache};
    char *next = NULL;
    px_error err;
    if (px_store_stories(r->store, &f, story_json, &l, &next, &err)) {
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
    out->title = out->outlets = out->first = out->last = NULL; /* not kept: only numbers */
}

/* The story's row (numbers only) into *row; 0, or the reply answered. */
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

void pxs_api_story(pxs_request *r, const char *id)
{
    px_story_row row;
    if (story_row(r, id, &row, 1)) return;
    px_error err;
    pxs_story *s = pxs_cache_get(r->cache, r, &row, &err);
    if (!s) {
        pxs_store_failed(r, &err, 1);
        return;
    }
    r->type = "application/json";
    fwrite(s->json, 1, s->json_len, r->out);
    fputc('\n', r->out);
    pxs_story_release(r->cache, s);
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
    px_article_filter f = {.story = row.id};
    article_list(r, &f, "story", json_integer(row.id));
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
    r->type = "application/json";
    fprintf(r->out, "{\"row\":%lld,\"story\":%lld,\"article\":", (long long)pxs_id(id),
            (long long)story);
    if (px_render_json(a, NULL, r->out, &err)) pxs_store_failed(r, &err, 1);
    else fputs("}\n", r->out);
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
