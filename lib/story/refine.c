/*
 * refine.c — leave-one-out reassignment over exact story sums (refine.h).
 *
 * Each story keeps the uncapped sum of its members' unit vectors, so the
 * cosine of a member with the rest of its story is exact:
 *     cos(d, S - d) = (d.S - 1) / sqrt(|S|^2 - 2 d.S + 1).
 * Quotations likewise: each story counts how many members hold each quote
 * 3-gram, so a member's quotes are found in the rest of its story when
 * another member holds them.  Without them here, refinement took out of
 * their story the articles that online grouping had let in for the
 * quotations they share.  Places too: a story counts the members naming
 * each place, to tell whether the names an article shares with the rest
 * of its story are all places (story.h).
 * Candidates are the stories of the articles sharing one of the article's
 * strongest keys, found through a key -> articles index built once.
 *
 * Time: each round starts by listing each story's days (days.h: its
 * members' publication and named days, sorted and unique), and an article
 * is as far from a story as its closest days are from those.
 */
#include <math.h>
#include <string.h>

#include "story/keymap.h"
#include "story/refine.h"
#include "story/similarity.h"

#define TOP_KEYS 12
#define SCAN 100

typedef PX_VEC(uint32_t) doc_list;

typedef struct sums {
    px_features t, s;
    double tn2, sn2;
    px_features q;  /* quote 3-grams, tf: how many members hold each */
    size_t quoted;  /* members with quotes */
    px_features pl; /* place keys (doc.h), tf: how many members name each */
    size_t size;
    size_t pub0, npub, named0, nnamed; /* its days in the round's day list */
} sums;

typedef struct doc_days {
    px_day_count buf[PX_DOC_DAYS + 1];
    px_when w;
} doc_days;

static void add_into(px_features *dst, const px_features *src, double sign, double *n2)
{
    px_features out = {0};
    size_t i = 0, j = 0;
    while (i < dst->len || j < src->len) {
        px_feature f;
        if (j == src->len || (i < dst->len && dst->items[i].key < src->items[j].key)) {
            f = dst->items[i++];
        } else if (i == dst->len || src->items[j].key < dst->items[i].key) {
            f = src->items[j++];
            f.weight = (float)(sign * f.weight);
        } else {
            f = dst->items[i++];
            f.weight += (float)(sign * src->items[j++].weight);
        }
        if (fabsf(f.weight) > 1e-6f) px_vec_push(&out, f);
    }
    px_vec_free(dst);
    *dst = out;
    *n2 = 0;
    for (size_t k = 0; k < dst->len; k++) *n2 += (double)dst->items[k].weight * dst->items[k].weight;
}

/* Adds (sign 1) or takes away (-1) a member's keys k to counts c: each
 * key's tf counts the members holding it, and a key none holds is dropped. */
static void count_keys(px_features *c, const px_keys *k, int sign)
{
    if (!k->len) return;
    px_features out = {0};
    size_t i = 0, j = 0;
    while (i < c->len || j < k->len) {
        px_feature f;
        if (j == k->len || (i < c->len && c->items[i].key < k->items[j])) {
            f = c->items[i++];
        } else if (i == c->len || k->items[j] < c->items[i].key) {
            f = (px_feature){k->items[j++], (float)sign, 0};
        } else {
            f = c->items[i++];
            f.tf += (float)sign;
            j++;
        }
        if (f.tf > 0.5f) px_vec_push(&out, f);
    }
    px_vec_free(c);
    *c = out;
}

/* A member joins (sign 1) or leaves (-1) S's quote and place counts. */
static void count_member(sums *S, const px_doc *d, int sign)
{
    count_keys(&S->q, &d->p.quotes, sign);
    if (d->p.quotes.len) S->quoted = sign > 0 ? S->quoted + 1 : S->quoted - 1;
    count_keys(&S->pl, &d->places, sign);
}

/* How many members of S hold key k (counts c, sorted). */
static float count_of(const px_features *c, uint64_t k)
{
    const px_feature *f = px_features_search(c, k);
    return f ? f->tf : 0;
}

/* 1 when d shares with S (less d when own) a name that is a place
 * neither in d nor in another member of S, as px_story_match asks. */
static int shares_more_than_places(const px_doc *d, const sums *S, int own)
{
    const px_features *a = &d->specifics, *b = &S->s;
    size_t i = 0, j = 0;
    while (i < a->len && j < b->len) {
        uint64_t x = a->items[i].key, y = b->items[j].key;
        if (x == y) {
            int mine = px_keys_has(&d->places, x);
            float rest = b->items[j].weight - (own ? a->items[i].weight : 0);
            float others = count_of(&S->pl, x) - (own && mine ? 1.0f : 0.0f);
            if (rest > 1e-6f && !mine && others < 0.5f) return 1;
        }
        if (x <= y) i++;
        if (y <= x) j++;
    }
    return 0;
}

/* The share of d's quote 3-grams another member of S holds (d left out
 * when own), as px_story_match measures it; -1 when a side has none. */
static double quote_share(const px_keys *d, const sums *S, int own)
{
    if (!d->len || S->quoted <= (size_t)own) return -1;
    size_t shared = 0, i = 0, j = 0;
    while (i < d->len && j < S->q.len) {
        if (d->items[i] == S->q.items[j].key) shared += S->q.items[j].tf > (float)own + 0.5f, i++, j++;
        else if (d->items[i] < S->q.items[j].key) i++;
        else j++;
    }
    return (double)shared / (double)d->len;
}

/* cosine of unit d with S (minus d when own) */
static double cos_with(const px_features *d, const px_features *S, double n2, int own)
{
    if (!d->len) return -1;
    double ds = px_features_dot(d, S);
    double num = own ? ds - 1 : ds;
    double den2 = own ? n2 - 2 * ds + 1 : n2;
    if (den2 <= 1e-9) return -1; /* nothing else there */
    double c = num / sqrt(den2);
    return c > 1 ? 1 : c < 0 ? 0 : c;
}

static px_when story_when(const sums *S, const px_day_count *days)
{
    px_when w = {days + S->pub0, days + S->named0, S->npub, S->nnamed};
    return w;
}

/* As px_story_match (quotes counted over all members, not capped). */
static double score(const px_doc *d, const px_when *dw, const sums *S, const px_day_count *days,
                    int own, const px_story_params *p)
{
    px_match m = {0, cos_with(&d->p.terms, &S->t, S->tn2, own), -1,
                  quote_share(&d->p.quotes, S, own), -1, 0};
    if (m.terms < 0) m.terms = 0;
    if (d->specifics.len) m.specifics = cos_with(&d->specifics, &S->s, S->sn2, own);
    m.places_only = m.specifics >= 0 && !shares_more_than_places(d, S, own);
    px_when sw = story_when(S, days);
    m.gap = px_when_gap(dw, &sw, p->link_floor);
    px_story_combine(&m, p);
    return m.score;
}

static int cmp_day(const void *x, const void *y)
{
    int32_t a = ((const px_day_count *)x)->day, b = ((const px_day_count *)y)->day;
    return a < b ? -1 : a > b;
}

/* Sorts x[0..n) and drops repeats; returns the new length. */
static size_t unique_days(px_day_count *x, size_t n)
{
    size_t k = 0;
    qsort(x, n, sizeof *x, cmp_day);
    for (size_t j = 0; j < n; j++)
        if (!k || x[k - 1].day != x[j].day) x[k++] = x[j];
    return k;
}

/* Lists each story's publication and named days into days (room for all
 * the docs' days), sorted and unique, at S[story].pub0 and .named0. */
static void story_days(const doc_days *dd, size_t n, const int64_t *story, sums *S, size_t cap,
                       px_day_count *days)
{
    for (size_t i = 0; i < cap; i++) S[i].npub = S[i].nnamed = 0;
    for (size_t i = 0; i < n; i++) {
        S[story[i]].npub += dd[i].w.npub;
        S[story[i]].nnamed += dd[i].w.nnamed;
    }
    size_t at = 0;
    for (size_t i = 0; i < cap; i++) {
        S[i].pub0 = at, at += S[i].npub, S[i].npub = 0;
        S[i].named0 = at, at += S[i].nnamed, S[i].nnamed = 0;
    }
    for (size_t i = 0; i < n; i++) {
        sums *s = &S[story[i]];
        memcpy(days + s->pub0 + s->npub, dd[i].w.pub, dd[i].w.npub * sizeof *days);
        s->npub += dd[i].w.npub;
        memcpy(days + s->named0 + s->nnamed, dd[i].w.named, dd[i].w.nnamed * sizeof *days);
        s->nnamed += dd[i].w.nnamed;
    }
    for (size_t i = 0; i < cap; i++) {
        S[i].npub = unique_days(days + S[i].pub0, S[i].npub);
        S[i].nnamed = unique_days(days + S[i].named0, S[i].nnamed);
    }
}

static size_t top_keys(const px_features *f, uint64_t *out, size_t n)
{
    /* the n heaviest keys; f is small, a partial selection is enough */
    size_t k = 0;
    float w[TOP_KEYS];
    for (size_t i = 0; i < f->len; i++) {
        float x = f->items[i].weight;
        size_t j = k < n ? k++ : n;
        if (j == n && !(x > w[n - 1])) continue;
        if (j == n) j = n - 1;
        while (j > 0 && x > w[j - 1]) w[j] = w[j - 1], out[j] = out[j - 1], j--;
        w[j] = x, out[j] = f->items[i].key;
    }
    return k;
}

size_t px_refine(const px_doc *docs, size_t n, const px_story_params *p, int rounds,
                 int64_t *story)
{
    /* dense story numbers */
    int64_t max = -1;
    for (size_t i = 0; i < n; i++) if (story[i] > max) max = story[i];
    size_t cap = (size_t)max + 1 + n;
    sums *S = px_xcalloc(cap, sizeof *S);
    for (size_t i = 0; i < n; i++) {
        sums *s = &S[story[i]];
        add_into(&s->t, &docs[i].p.terms, 1, &s->tn2);
        add_into(&s->s, &docs[i].specifics, 1, &s->sn2);
        count_member(s, &docs[i], 1);
        s->size++;
    }
    /* key -> docs */
    px_keymap index = {0};
    PX_VEC(doc_list) lists = {0};
    uint64_t (*keys)[2 * TOP_KEYS] = px_xmalloc((n ? n : 1) * sizeof *keys);
    size_t *nkeys = px_xcalloc(n ? n : 1, sizeof *nkeys);
    for (size_t i = 0; i < n; i++) {
        size_t a = top_keys(&docs[i].p.terms, keys[i], TOP_KEYS);
        size_t b = top_keys(&docs[i].specifics, keys[i] + a, TOP_KEYS);
        nkeys[i] = a + b;
        for (size_t k = 0; k < a + b; k++) {
            uint32_t *at = px_keymap_slot_of(&index, keys[i][k]);
            if (!*at) {
                doc_list empty = {0};
                px_vec_push(&lists, empty);
                *at = (uint32_t)lists.len;
            }
            px_vec_push(&lists.items[*at - 1], (uint32_t)i);
        }
    }
    doc_days *dd = px_xmalloc((n ? n : 1) * sizeof *dd);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        dd[i].w = px_doc_when(&docs[i], dd[i].buf);
        total += dd[i].w.npub + dd[i].w.nnamed;
    }
    px_day_count *days = px_xmalloc((total ? total : 1) * sizeof *days);
    int64_t next = (int64_t)max + 1;
    int64_t *seen = px_xmalloc(cap * sizeof *seen);
    for (size_t i = 0; i < cap; i++) seen[i] = -1;
    size_t moves = 0;
    for (int r = 0; r < rounds; r++) {
        size_t moved = 0;
        story_days(dd, n, story, S, cap, days);
        for (size_t i = 0; i < n; i++) {
            const px_doc *d = &docs[i];
            int64_t own = story[i], best = -1;
            double best_score = -1;
            if (S[own].size > 1) best = own, best_score = score(d, &dd[i].w, &S[own], days, 1, p);
            for (size_t k = 0; k < nkeys[i]; k++) {
                const doc_list *l = &lists.items[px_keymap_get(&index, keys[i][k]) - 1];
                size_t stop = l->len > SCAN ? l->len - SCAN : 0;
                for (size_t m = l->len; m-- > stop;) {
                    size_t j = l->items[m];
                    int64_t c = story[j];
                    if (c == own || seen[c] == (int64_t)i) continue;
                    seen[c] = (int64_t)i;
                    if (px_when_gap(&dd[i].w, &dd[j].w, 0) > p->window) continue;
                    double sc = score(d, &dd[i].w, &S[c], days, 0, p);
                    if (sc > best_score || (sc == best_score && c < best)) best = c, best_score = sc;
                }
            }
            int64_t to = best_score >= p->threshold ? best : (S[own].size > 1 ? next++ : own);
            if (to == own) continue;
            if ((size_t)to >= cap) break; /* cannot happen: at most n new ids */
            add_into(&S[own].t, &d->p.terms, -1, &S[own].tn2);
            add_into(&S[own].s, &d->specifics, -1, &S[own].sn2);
            count_member(&S[own], d, -1);
            S[own].size--;
            add_into(&S[to].t, &d->p.terms, 1, &S[to].tn2);
            add_into(&S[to].s, &d->specifics, 1, &S[to].sn2);
            count_member(&S[to], d, 1);
            S[to].size++;
            story[i] = to;
            moved++;
        }
        moves += moved;
        if (!moved) break;
    }
    for (size_t i = 0; i < cap; i++) {
        px_vec_free(&S[i].t);
        px_vec_free(&S[i].s);
        px_vec_free(&S[i].q);
        px_vec_free(&S[i].pl);
    }
    for (size_t i = 0; i < lists.len; i++) px_vec_free(&lists.items[i]);
    px_vec_free(&lists);
    px_keymap_free(&index);
    free(S);
    free(keys);
    free(nkeys);
    free(seen);
    free(dd);
    free(days);
    return moves;
}
