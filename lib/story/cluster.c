/*
 * cluster.c — online grouping with an inverted index (cluster.h).
 *
 * Stories live in slots that never move, so the index can name them by
 * slot number; an expired story leaves its postings behind (they only add
 * a candidate that scoring then drops) until the index is rebuilt, which
 * happens when stale postings outnumber live ones.
 *
 * Looking up: the article's PX_QUERY_KEYS strongest terms and specifics,
 * each posting list read from its newest end and at most PX_SCAN_POSTINGS
 * deep (a word in every story would otherwise make each lookup read them
 * all), the hits summed per story by the article's key weights, and the
 * PX_CANDIDATES best-hit stories scored in full.
 *
 * A story is indexed under its PX_INDEX_KEYS strongest keys when it starts
 * and again each time its size doubles, as its centroid settles.
 */
#include <string.h>

#include "story/cluster.h"

#define PX_QUERY_KEYS 16
#define PX_INDEX_KEYS 24
#define PX_SCAN_POSTINGS 2000
#define PX_CANDIDATES 24
#define PX_DF_MAX_KEYS (1u << 21)

typedef PX_VEC(uint32_t) posting_list;

struct px_clusterer {
    px_story_params p;
    int learn;
    px_df df;
    int64_t next_id;
    int32_t clock; /* latest day seen, or PX_NO_DAY */
    px_story **slots;
    size_t nslots, cap, live;
    PX_VEC(uint32_t) free_slots;
    px_keymap index; /* key -> 1 + position in lists */
    PX_VEC(posting_list) lists;
    size_t postings, live_postings;
    /* per-lookup scratch, indexed by slot */
    double *acc;
    uint32_t *stamp, now;
    PX_VEC(uint32_t) touched;
};

px_clusterer *px_clusterer_new(const px_story_params *p, int learn)
{
    px_clusterer *c = px_xcalloc(1, sizeof *c);
    c->p = *p;
    c->learn = learn;
    px_df_init(&c->df, PX_DF_MAX_KEYS);
    c->next_id = 1;
    c->clock = PX_NO_DAY;
    return c;
}

static void free_index(px_clusterer *c)
{
    for (size_t i = 0; i < c->lists.len; i++) px_vec_free(&c->lists.items[i]);
    px_vec_free(&c->lists);
    px_keymap_free(&c->index);
    c->postings = c->live_postings = 0;
}

void px_clusterer_free(px_clusterer *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->nslots; i++) {
        if (!c->slots[i]) continue;
        px_story_free(c->slots[i]);
        free(c->slots[i]);
    }
    free(c->slots);
    free(c->acc);
    free(c->stamp);
    px_vec_free(&c->free_slots);
    px_vec_free(&c->touched);
    free_index(c);
    px_df_free(&c->df);
    free(c);
}

const px_story_params *px_clusterer_params(const px_clusterer *c) { return &c->p; }
px_df *px_clusterer_df(px_clusterer *c) { return &c->df; }
void px_clusterer_set_next_id(px_clusterer *c, int64_t id) { c->next_id = id; }
size_t px_clusterer_count(const px_clusterer *c) { return c->nslots; }
px_story *px_clusterer_story(px_clusterer *c, size_t i) { return c->slots[i]; }

/* ---- index ------------------------------------------------------------- */

/* The n strongest features of f, strongest first (ties by key). */
static size_t strongest(const px_features *f, size_t n, px_feature *out)
{
    size_t k = 0;
    for (size_t i = 0; i < f->len; i++) {
        px_feature x = f->items[i];
        size_t j = k < n ? k++ : n;
        if (j == n && !(x.weight > out[n - 1].weight)) continue;
        if (j == n) j = n - 1;
        while (j > 0 && x.weight > out[j - 1].weight) out[j] = out[j - 1], j--;
        out[j] = x;
    }
    return k;
}

static void post(px_clusterer *c, uint64_t key, uint32_t slot)
{
    uint32_t *at = px_keymap_slot_of(&c->index, key);
    if (!*at) {
        posting_list empty = {0};
        px_vec_push(&c->lists, empty);
        *at = (uint32_t)c->lists.len;
    }
    posting_list *l = &c->lists.items[*at - 1];
    if (l->len && l->items[l->len - 1] == slot) return;
    px_vec_push(l, slot);
    c->postings++;
    c->live_postings++;
}

static void index_story(px_clusterer *c, uint32_t slot)
{
    px_story *s = c->slots[slot];
    px_feature top[PX_INDEX_KEYS];
    size_t n = strongest(&s->terms, PX_INDEX_KEYS, top);
    for (size_t i = 0; i < n; i++) post(c, top[i].key, slot);
    n = strongest(&s->specifics, PX_INDEX_KEYS, top);
    for (size_t i = 0; i < n; i++) post(c, top[i].key, slot);
}

static void rebuild_index(px_clusterer *c)
{
    free_index(c);
    for (size_t i = 0; i < c->nslots; i++)
        if (c->slots[i]) index_story(c, (uint32_t)i);
}

/* ---- slots ------------------------------------------------------------- */

static uint32_t place(px_clusterer *c, px_story *s)
{
    uint32_t slot;
    if (c->free_slots.len) {
        slot = c->free_slots.items[--c->free_slots.len];
    } else {
        if (c->nslots == c->cap) {
            c->cap = c->cap ? c->cap * 2 : 256;
            c->slots = px_xrealloc(c->slots, c->cap * sizeof *c->slots);
            c->acc = px_xrealloc(c->acc, c->cap * sizeof *c->acc);
            c->stamp = px_xrealloc(c->stamp, c->cap * sizeof *c->stamp);
            memset(c->stamp + c->nslots, 0, (c->cap - c->nslots) * sizeof *c->stamp);
        }
        slot = (uint32_t)c->nslots++;
    }
    c->slots[slot] = s;
    c->stamp[slot] = 0;
    c->live++;
    return slot;
}

static void drop(px_clusterer *c, uint32_t slot)
{
    px_story_free(c->slots[slot]);
    free(c->slots[slot]);
    c->slots[slot] = NULL;
    c->live--;
    px_vec_push(&c->free_slots, slot);
}

void px_clusterer_restore(px_clusterer *c, px_story *s)
{
    px_story *copy = px_xmalloc(sizeof *copy);
    *copy = *s;
    copy->dirty = 0;
    memset(s, 0, sizeof *s);
    if (copy->id >= c->next_id) c->next_id = copy->id + 1;
    if (copy->last_day != PX_NO_DAY && (c->clock == PX_NO_DAY || copy->last_day > c->clock))
        c->clock = copy->last_day;
    index_story(c, place(c, copy));
}

/* ---- grouping ---------------------------------------------------------- */

/* A candidate: published within the window of the story, or naming a day
 * within the window of one of its days (a follow-up naming the event's
 * day), or the other way round. */
static int in_window(const px_clusterer *c, const px_story *s, const px_doc *d)
{
    int32_t day = d->p.day;
    if (day == PX_NO_DAY || s->last_day == PX_NO_DAY) return 1;
    if (day - s->last_day <= c->p.window && s->first_day - day <= c->p.window) return 1;
    px_day_count buf[PX_DOC_DAYS + 1];
    px_when dw = px_doc_when(d, buf), sw = px_story_when(s);
    int gap = px_when_gap(&dw, &sw, 0);
    return gap >= 0 && gap <= c->p.window;
}

/* Fills c->touched with the slots sharing a strong key with f / g, hits in acc. */
static void lookup(px_clusterer *c, const px_features *f, const px_features *g)
{
    c->now++;
    c->touched.len = 0;
    const px_features *vs[2] = {f, g};
    for (int v = 0; v < 2; v++) {
        px_feature top[PX_QUERY_KEYS];
        size_t n = strongest(vs[v], PX_QUERY_KEYS, top);
        for (size_t i = 0; i < n; i++) {
            uint32_t at = px_keymap_get(&c->index, top[i].key);
            if (!at) continue;
            const posting_list *l = &c->lists.items[at - 1];
            size_t stop = l->len > PX_SCAN_POSTINGS ? l->len - PX_SCAN_POSTINGS : 0;
            for (size_t k = l->len; k-- > stop;) {
                uint32_t slot = l->items[k];
                if (slot >= c->nslots || !c->slots[slot]) continue;
                if (c->stamp[slot] != c->now) {
                    c->stamp[slot] = c->now;
                    c->acc[slot] = 0;
                    px_vec_push(&c->touched, slot);
                }
                c->acc[slot] += top[i].weight;
            }
        }
    }
}

/* Keeps the PX_CANDIDATES touched slots with most hits (ties: older story). */
static size_t best_touched(px_clusterer *c, uint32_t *out)
{
    size_t k = 0;
    for (size_t i = 0; i < c->touched.len; i++) {
        uint32_t slot = c->touched.items[i];
        double h = c->acc[slot];
        size_t j = k < PX_CANDIDATES ? k++ : PX_CANDIDATES;
        if (j == PX_CANDIDATES) {
            uint32_t last = out[PX_CANDIDATES - 1];
            if (!(h > c->acc[last] || (h == c->acc[last] && c->slots[slot]->id < c->slots[last]->id)))
                continue;
            j = PX_CANDIDATES - 1;
        }
        while (j > 0) {
            uint32_t prev = out[j - 1];
            if (!(h > c->acc[prev] || (h == c->acc[prev] && c->slots[slot]->id < c->slots[prev]->id)))
                break;
            out[j] = prev;
            j--;
        }
        out[j] = slot;
    }
    return k;
}

void px_clusterer_add(px_clusterer *c, int64_t article, px_doc *d, px_decision *out)
{
    if (d->p.day == PX_NO_DAY) d->p.day = c->clock; /* an undated article: now */
    else if (c->clock == PX_NO_DAY || d->p.day > c->clock) c->clock = d->p.day;
    if (c->learn) {
        px_keys keys = {0};
        px_doc_keys(d, &keys);
        px_df_add(&c->df, keys.items, keys.len);
        px_vec_free(&keys);
    }
    px_doc_weigh(d, &c->df, c->p.terms_power, c->p.specifics_power);

    memset(out, 0, sizeof *out);
    out->copy_of = -1;
    out->best = -1;
    lookup(c, &d->p.terms, &d->specifics);
    uint32_t cand[PX_CANDIDATES];
    size_t n = best_touched(c, cand);
    px_story *best = NULL;
    uint32_t best_slot = 0;
    px_match best_m = {0, 0, -1, -1, -1};
    for (size_t i = 0; i < n; i++) {
        px_story *s = c->slots[cand[i]];
        if (!in_window(c, s, d)) continue;
        out->candidates++;
        px_match m;
        px_story_match(s, d, &c->p, &m);
        const px_member *copy = px_story_copy_of(s, d, c->p.copy_bits, &m);
        if (copy && out->copy_of < 0) {
            out->copy_of = copy->article;
            best = s, best_m = m, best_slot = cand[i];
            break;
        }
        if (!best || m.score > best_m.score || (m.score == best_m.score && s->id < best->id))
            best = s, best_m = m, best_slot = cand[i];
    }
    out->match = best_m;
    if (best && (out->copy_of >= 0 || best_m.score >= c->p.threshold)) {
        px_story_add(best, article, d);
        out->story = best->id;
        if ((best->size & (best->size - 1)) == 0) index_story(c, best_slot);
        return;
    }
    if (best) out->best = best->id;
    px_story *s = px_xmalloc(sizeof *s);
    px_story_init(s, c->next_id++);
    px_story_add(s, article, d);
    out->story = s->id;
    out->created = 1;
    index_story(c, place(c, s));
}

size_t px_clusterer_expire(px_clusterer *c, void (*fn)(px_story *, void *), void *ud)
{
    if (c->clock == PX_NO_DAY) return 0;
    size_t n = 0;
    for (size_t i = 0; i < c->nslots; i++) {
        px_story *s = c->slots[i];
        if (!s || s->last_day == PX_NO_DAY || c->clock - s->last_day <= c->p.window) continue;
        if (fn) fn(s, ud);
        drop(c, (uint32_t)i);
        n++;
    }
    /* postings of dropped stories are stale; rebuild once they dominate */
    if (n && c->postings > 4096 && c->postings > 2 * (size_t)PX_INDEX_KEYS * 2 * c->live)
        rebuild_index(c);
    return n;
}

size_t px_clusterer_merge(px_clusterer *c, void (*fn)(int64_t, int64_t, void *), void *ud)
{
    size_t merges = 0;
    /* in id order: the older story absorbs */
    PX_VEC(uint32_t) order = {0};
    for (size_t i = 0; i < c->nslots; i++)
        if (c->slots[i]) px_vec_push(&order, (uint32_t)i);
    for (size_t i = 1; i < order.len; i++) { /* insertion sort by id: slots are nearly in order */
        uint32_t x = order.items[i];
        size_t j = i;
        while (j > 0 && c->slots[order.items[j - 1]]->id > c->slots[x]->id) order.items[j] = order.items[j - 1], j--;
        order.items[j] = x;
    }
    for (size_t oi = 0; oi < order.len; oi++) {
        uint32_t a = order.items[oi];
        px_story *sa = c->slots[a];
        if (!sa) continue;
        lookup(c, &sa->terms, &sa->specifics);
        uint32_t cand[PX_CANDIDATES];
        size_t n = best_touched(c, cand);
        for (size_t i = 0; i < n; i++) {
            px_story *sb = c->slots[cand[i]];
            if (!sb || sb == sa || sb->id < sa->id) continue;
            px_match m;
            px_story_match_story(sa, sb, &c->p, &m);
            if (m.gap > c->p.window || m.score < c->p.merge_threshold) continue;
            px_story_absorb(sa, sb);
            if (fn) fn(sb->id, sa->id, ud);
            drop(c, cand[i]);
            merges++;
        }
        index_story(c, a);
    }
    px_vec_free(&order);
    return merges;
}
