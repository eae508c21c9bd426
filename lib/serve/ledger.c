/*
 * ledger.c — what the server learned from the comparisons it computed
 * (serve.h): per story, its conflicts (for the list's count and its "most
 * disputed" order); per outlet in each story, the conflicts it is on one
 * side of, the outlets on the other side, and the sources it credits (for
 * the outlet page).
 *
 * Why a ledger beside the cache: the cache keeps whole comparisons, a few
 * hundred of them, and drops the least recently used; these counts are a
 * few dozen bytes a story and stay, so an evicted story keeps its count
 * and the "most disputed" order never needs a comparison recomputed.  It
 * lives as long as the server: the server only reads the store, so it
 * keeps no count across restarts (a story counts once it is opened, or
 * asked for through the API, after the start).
 *
 * The server keeps what it makes of a story in the store (replies.c), so
 * that a story opened again after a restart is read, not compared again;
 * its ledger entry is kept beside it (pxs_ledger_entry_json, kind
 * PXS_LEDGER_KIND) and read back with the page (pxs_ledger_load), so a
 * story counts here once its comparison is made or read back.
 *
 * An entry is replaced when its story is compared at a newer version; a
 * reader that holds an older version gets "unknown" (-2) for it.  At most
 * PXS_LEDGER_MAX stories are kept; past that, new ones are not recorded.
 * One mutex guards it; every call copies what it returns.
 */
#include <assert.h>
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "serve/serve.h"

typedef struct kout {
    char *outlet;
    long conflicts;
    PX_VEC(char *) against;
    PX_VEC(char *) credits;
} kout;

typedef struct entry {
    int64_t id, version;
    long conflicts;
    PX_VEC(kout) outlets;
} entry;

struct pxs_ledger {
    pthread_mutex_t mu;
    px_map index; /* story id (8 bytes) -> entry * */
    PX_VEC(entry *) all;
};

pxs_ledger *pxs_ledger_new(void)
{
    pxs_ledger *l = px_xcalloc(1, sizeof *l);
    pthread_mutex_init(&l->mu, NULL);
    return l;
}

static void strings_free(char **s, size_t n)
{
    for (size_t i = 0; i < n; i++) free(s[i]);
    free(s);
}

static void entry_clear(entry *e)
{
    for (size_t i = 0; i < e->outlets.len; i++) {
        kout *o = &e->outlets.items[i];
        free(o->outlet);
        strings_free(o->against.items, o->against.len);
        strings_free(o->credits.items, o->credits.len);
    }
    px_vec_free(&e->outlets);
}

void pxs_ledger_free(pxs_ledger *l)
{
    if (!l) return;
    for (size_t i = 0; i < l->all.len; i++) {
        entry_clear(l->all.items[i]);
        free(l->all.items[i]);
    }
    px_vec_free(&l->all);
    px_map_free(&l->index);
    pthread_mutex_destroy(&l->mu);
    free(l);
}

static kout *outlet_slot(entry *e, const char *name)
{
    for (size_t i = 0; i < e->outlets.len; i++)
        if (strcmp(e->outlets.items[i].outlet, name) == 0) return &e->outlets.items[i];
    kout k = {px_xstrdup(name), 0, {0}, {0}};
    px_vec_push(&e->outlets, k);
    return &e->outlets.items[e->outlets.len - 1];
}

static int has_outlet(const entry *e, const char *name)
{
    for (size_t i = 0; i < e->outlets.len; i++)
        if (strcmp(e->outlets.items[i].outlet, name) == 0) return 1;
    return 0;
}

static int has(char *const *s, size_t n, const char *x)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s[i], x) == 0) return 1;
    return 0;
}

static int same(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : "") == 0; }

/* One conflict: each outlet giving a value that another outlet's value
 * contradicts is on a side of it, against those outlets. */
static void tally_conflict(const px_comparison *c, entry *e, const px_conflict *k)
{
    for (size_t i = 0; i < k->values.len; i++) {
        const px_value *v = &k->values.items[i];
        const char *me = pxs_outlet_of(c, v->article);
        kout *o = NULL;
        int counted = 0;
        for (size_t j = 0; j < k->values.len; j++) {
            const px_value *w = &k->values.items[j];
            const char *other = pxs_outlet_of(c, w->article);
            if (same(v->value, w->value) || strcmp(me, other) == 0) continue;
            if (!o) o = outlet_slot(e, me);
            if (!counted) {
                /* once per conflict, however many of its articles give a value */
                int before = 0;
                for (size_t p = 0; p < i; p++)
                    before |= strcmp(pxs_outlet_of(c, k->values.items[p].article), me) == 0;
                if (!before) o->conflicts++;
                counted = 1;
            }
            if (!has(o->against.items, o->against.len, other)) {
                char *x = px_xstrdup(other);
                px_vec_push(&o->against, x);
            }
        }
    }
}

static void insert(pxs_ledger *l, entry *e);

void pxs_ledger_record(pxs_ledger *l, int64_t id, int64_t version, const px_comparison *c,
                       long conflicts)
{
    entry *e = px_xcalloc(1, sizeof *e);
    e->id = id;
    e->version = version;
    e->conflicts = conflicts;
    for (size_t a = 0; a < c->n; a++) outlet_slot(e, pxs_outlet_of(c, a));
    for (size_t i = 0; i < c->conflicts.len; i++)
        if (c->conflicts.items[i].judgment == PX_JUDGE_CONFLICT) tally_conflict(c, e, &c->conflicts.items[i]);
    for (size_t i = 0; i < c->citations.len; i++) {
        const px_citation *t = &c->citations.items[i];
        if (t->article >= c->n || !t->source) continue;
        kout *o = outlet_slot(e, pxs_outlet_of(c, t->article));
        if (!has(o->credits.items, o->credits.len, t->source)) {
            char *x = px_xstrdup(t->source);
            px_vec_push(&o->credits, x);
        }
    }
    insert(l, e);
}

/* Records e (taken), replacing its story's older entry. */
static void insert(pxs_ledger *l, entry *e)
{
    int64_t id = e->id;
    pthread_mutex_lock(&l->mu);
    entry *old = px_map_get(&l->index, (const char *)&id, sizeof id);
    if (old) {
        if (old->version > e->version) { /* a newer one was recorded meanwhile */
            pthread_mutex_unlock(&l->mu);
            entry_clear(e);
            free(e);
            return;
        }
        entry_clear(old);
        *old = *e;
        free(e);
    } else if (l->all.len < PXS_LEDGER_MAX) {
        px_map_put(&l->index, (const char *)&id, sizeof id, e);
        px_vec_push(&l->all, e);
    } else {
        entry_clear(e);
        free(e);
    }
    pthread_mutex_unlock(&l->mu);
}

static json_t *strings_json(char *const *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) json_array_append_new(a, json_string(v[i]));
    return a;
}

char *pxs_ledger_entry_json(pxs_ledger *l, int64_t id, int64_t version, size_t *len)
{
    *len = 0;
    pthread_mutex_lock(&l->mu);
    entry *e = px_map_get(&l->index, (const char *)&id, sizeof id);
    json_t *o = NULL;
    if (e && e->version == version) {
        json_t *outlets = json_array();
        for (size_t i = 0; i < e->outlets.len; i++) {
            kout *k = &e->outlets.items[i];
            json_t *x = json_object();
            json_object_set_new(x, "outlet", json_string(k->outlet));
            json_object_set_new(x, "conflicts", json_integer(k->conflicts));
            json_object_set_new(x, "against", strings_json(k->against.items, k->against.len));
            json_object_set_new(x, "credits", strings_json(k->credits.items, k->credits.len));
            json_array_append_new(outlets, x);
        }
        o = json_object();
        json_object_set_new(o, "conflicts", json_integer(e->conflicts));
        json_object_set_new(o, "outlets", outlets);
    }
    pthread_mutex_unlock(&l->mu);
    if (!o) return NULL;
    char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (!text) return NULL;
    *len = strlen(text);
    return text;
}

/* The strings of array a into *v; 0, or -1 when a is not an array of
 * strings. */
static int strings_load(json_t *a, char ***items, size_t *n, size_t *cap)
{
    if (!json_is_array(a)) return -1;
    for (size_t i = 0; i < json_array_size(a); i++) {
        const char *x = json_string_value(json_array_get(a, i));
        if (!x) return -1;
        if (*n == *cap) {
            *cap = *cap ? 2 * *cap : 4;
            *items = px_xrealloc(*items, *cap * sizeof **items);
        }
        (*items)[(*n)++] = px_xstrdup(x);
    }
    return 0;
}

int pxs_ledger_load(pxs_ledger *l, int64_t id, int64_t version, const char *text, size_t len)
{
    json_t *o = json_loadb(text, len, JSON_REJECT_DUPLICATES, NULL);
    json_t *outlets = json_object_get(o, "outlets"), *n = json_object_get(o, "conflicts");
    entry *e = px_xcalloc(1, sizeof *e);
    e->id = id;
    e->version = version;
    int bad = !json_is_integer(n) || json_integer_value(n) < 0 || !json_is_array(outlets);
    if (!bad) e->conflicts = (long)json_integer_value(n);
    for (size_t i = 0; !bad && i < json_array_size(outlets); i++) {
        json_t *x = json_array_get(outlets, i), *k = json_object_get(x, "conflicts");
        const char *name = json_string_value(json_object_get(x, "outlet"));
        if (!name || !json_is_integer(k) || json_integer_value(k) < 0 || has_outlet(e, name)) {
            bad = 1;
            break;
        }
        kout *slot = outlet_slot(e, name);
        slot->conflicts = (long)json_integer_value(k);
        bad = strings_load(json_object_get(x, "against"), &slot->against.items, &slot->against.len,
                           &slot->against.cap) ||
              strings_load(json_object_get(x, "credits"), &slot->credits.items, &slot->credits.len,
                           &slot->credits.cap);
    }
    json_decref(o);
    if (bad) {
        entry_clear(e);
        free(e);
        return -1;
    }
    insert(l, e);
    return 0;
}

long pxs_ledger_conflicts(pxs_ledger *l, int64_t id, int64_t version)
{
    pthread_mutex_lock(&l->mu);
    entry *e = px_map_get(&l->index, (const char *)&id, sizeof id);
    long n = e && e->version == version ? e->conflicts : -2;
    pthread_mutex_unlock(&l->mu);
    return n;
}

static int by_conflicts(const void *x, const void *y)
{
    const pxs_ranked *a = x, *b = y;
    if (a->conflicts != b->conflicts) return a->conflicts > b->conflicts ? -1 : 1;
    return a->id > b->id ? -1 : a->id < b->id;
}

size_t pxs_ledger_ranked(pxs_ledger *l, pxs_ranked **out)
{
    pthread_mutex_lock(&l->mu);
    size_t n = l->all.len;
    *out = px_xmalloc((n ? n : 1) * sizeof **out);
    for (size_t i = 0; i < n; i++)
        (*out)[i] = (pxs_ranked){l->all.items[i]->id, l->all.items[i]->version, l->all.items[i]->conflicts};
    pthread_mutex_unlock(&l->mu);
    if (n) qsort(*out, n, sizeof **out, by_conflicts);
    return n;
}

static void tally(pxs_tally_list *t, const char *name)
{
    for (size_t i = 0; i < t->len; i++)
        if (strcmp(t->items[i].name, name) == 0) {
            t->items[i].n++;
            return;
        }
    pxs_tally x = {px_xstrdup(name), 1};
    px_vec_push(t, x);
}

static int by_count(const void *x, const void *y)
{
    const pxs_tally *a = x, *b = y;
    if (a->n != b->n) return a->n > b->n ? -1 : 1;
    return strcmp(a->name, b->name);
}

void pxs_ledger_outlet(pxs_ledger *l, const char *outlet, pxs_outlet_ledger *out)
{
    memset(out, 0, sizeof *out);
    pthread_mutex_lock(&l->mu);
    for (size_t i = 0; i < l->all.len; i++) {
        entry *e = l->all.items[i];
        for (size_t k = 0; k < e->outlets.len; k++) {
            kout *o = &e->outlets.items[k];
            if (strcmp(o->outlet, outlet) != 0) continue;
            out->stories++;
            out->conflicts += o->conflicts;
            out->disputed += o->conflicts > 0;
            for (size_t j = 0; j < o->against.len; j++) tally(&out->against, o->against.items[j]);
            for (size_t j = 0; j < o->credits.len; j++) tally(&out->credits, o->credits.items[j]);
        }
    }
    pthread_mutex_unlock(&l->mu);
    if (out->against.len) qsort(out->against.items, out->against.len, sizeof(pxs_tally), by_count);
    if (out->credits.len) qsort(out->credits.items, out->credits.len, sizeof(pxs_tally), by_count);
}

void pxs_outlet_ledger_free(pxs_outlet_ledger *o)
{
    for (size_t i = 0; i < o->against.len; i++) free(o->against.items[i].name);
    for (size_t i = 0; i < o->credits.len; i++) free(o->credits.items[i].name);
    px_vec_free(&o->against);
    px_vec_free(&o->credits);
}
