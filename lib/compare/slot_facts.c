/*
 * slot_facts.c — values told in sentences that say the same thing are of
 * the same thing.
 *
 * A finder keys a value by what its own sentence shows: a named person
 * ("e3"), a described one ("d:boy", "d:someone"), the topic of a date
 * ("court", "arrest").  Two outlets telling one fact often key it apart:
 * "arrested Feb. 6" in a sentence about the arrest and "Feb. 7" in one
 * about the charges.  The
 * alignment (align.c) already links sentences of different articles that
 * say the same thing into one fact; its verdict is the general signal
 * used here, not another list of words.
 *
 * For each fact reported by 2+ articles and each slot of counts, money,
 * times and dates (ages are joined by their people, slot_persons.c, which
 * reads the same facts): when every article of the fact gives exactly
 * one value of the slot in its sentences of the fact (one distinct value:
 * the same count written twice counts once), the values of the fact are one
 * thing told by each outlet.  When they differ, they may conflict
 * whatever their own keys said (a plain "three people" or a non-event
 * topic's values otherwise give agreements only); when their keys differ
 * too they are moved to one key of their own, "f<fact>".  Counts whose
 * difference another count of an article would hide (judge.c takes two
 * values one article states for two things) are compared once more on
 * their own, copied under "<class>#f<fact>".
 * Counts align only with counts of their class (the dead are never the
 * shot) or of a plain noun ("Seven people" said of the seven injured; not
 * shots fired), and times only with times of their topic (the time of
 * death is not the time of the shooting), and days only with days of
 * their tense (a day ahead, "is due in court Feb. 2", is not the day
 * past of "appeared in court Wednesday"): else their keys stay.  When the values are
 * all equal, nothing changes: the finders' keys give the agreement.  A
 * fact with two values of the slot in one article is left alone (two
 * counts in one sentence are two things).  Years and months are not
 * aligned; days in sentences of no topic are (a campaign's "Tuesday" may
 * be any Tuesday, but two outlets saying one thing name one day).
 *
 * The fact's key is the smallest claim rank of its claims (claim.c's fixed
 * order), so the input order of the articles never changes it.
 * Cost: n log n in the number of values.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/slots.h"

typedef struct fv {
    size_t value;  /* index into c->slot_values */
    size_t fact;   /* its sentence's fact */
    size_t frank;  /* the fact's key: its smallest claim rank */
    size_t arank;  /* its article's rank */
} fv;

static int cmp_fv(const void *x, const void *y)
{
    const fv *a = x, *b = y;
    if (a->frank != b->frank) return a->frank < b->frank ? -1 : 1;
    if (a->arank != b->arank) return a->arank < b->arank ? -1 : 1;
    return a->value < b->value ? -1 : a->value > b->value;
}

static int aligned_slot(px_slot s)
{
    return s == PX_SLOT_COUNT || s == PX_SLOT_MONEY || s == PX_SLOT_TIME || s == PX_SLOT_DATE;
}

/* The fact of the first claim of (article a, sentence s) that 2+ articles
 * report, or (size_t)-1.  Claims lie by article, then sentence (claim.c). */
static size_t fact_of(const px_comparison *c, const size_t *first, size_t a, size_t s)
{
    size_t lo = first[a], hi = first[a + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->claims.items[mid].sentence < s) lo = mid + 1;
        else hi = mid;
    }
    for (; lo < first[a + 1] && c->claims.items[lo].sentence == s; lo++) {
        size_t f = c->claims.items[lo].fact;
        if (f < c->facts.len && c->facts.items[f].support.len >= 2) return f;
    }
    return (size_t)-1;
}

/* 1 when a count's key is a class of the event (the dead, the injured,
 * the shot, the arrested), not a plain noun ("people", "men"). */
static int event_class(const char *key)
{
    return !strcmp(key, "dead") || !strcmp(key, "injured") || !strcmp(key, "shot") ||
           !strcmp(key, "arrested");
}

/* 1 when an article of the fact states, outside it and under `key`, the
 * fact's value of another article: judge.c would take the two values for
 * two things that article tells apart, and the fact's difference would
 * not show.  vfirst[a] is where article a's values start. */
static int hidden(const px_comparison *c, const size_t *vfirst, const fv *g, size_t n,
                  const char *key)
{
    for (size_t i = 0; i < n; i++) {
        const px_slot_value *v = &c->slot_values.items[g[i].value];
        for (size_t k = vfirst[v->article]; k < vfirst[v->article + 1]; k++) {
            const px_slot_value *w = &c->slot_values.items[k];
            if (w->slot != v->slot || w->sentence == v->sentence || strcmp(w->key, key) != 0 ||
                w->num == v->num)
                continue;
            for (size_t j = 0; j < n; j++)
                if (g[j].arank != g[i].arank && c->slot_values.items[g[j].value].num == w->num)
                    return 1;
        }
    }
    return 0;
}

/* One group: the values of one slot in one fact, sorted by article rank. */
static void group(px_comparison *c, const size_t *vfirst, const fv *g, size_t n)
{
    px_slot_value *v0 = &c->slot_values.items[g[0].value];
    size_t articles = 1;
    int differ = 0;
    for (size_t i = 1; i < n; i++) {
        const px_slot_value *v = &c->slot_values.items[g[i].value];
        int same = strcasecmp(v->value, c->slot_values.items[g[i - 1].value].value) == 0;
        if (g[i].arank == g[i - 1].arank) {
            if (!same) return; /* two values in one article: two things */
            continue;
        }
        articles++;
        differ |= strcasecmp(v->value, v0->value) != 0;
        if (v->slot == PX_SLOT_TIME && strcmp(v->key, v0->key) != 0)
            return; /* the time of death and of the shooting */
        if (v->slot == PX_SLOT_DATE && (strstr(v->key, "future") != NULL) != (strstr(v0->key, "future") != NULL))
            return; /* "appeared in court Wednesday" and "is due in court Feb. 2" */
    }
    const char *cls = NULL; /* counts: the event class among them */
    if (v0->slot == PX_SLOT_COUNT) { /* the dead and the shot: two counts */
        for (size_t i = 0; i < n; i++) {
            const char *k = c->slot_values.items[g[i].value].key;
            if (!event_class(k) && strcmp(k, "shots") != 0) continue; /* "seven people" */
            if (cls && strcmp(cls, k) != 0) return;
            cls = k;
        }
        for (size_t i = 0; i < n && cls && !strcmp(cls, "shots"); i++)
            if (strcmp(c->slot_values.items[g[i].value].key, "shots") != 0) return;
    }
    if (articles < 2 || !differ) return;
    int same_key = 1;
    for (size_t i = 1; i < n; i++) same_key &= !strcmp(c->slot_values.items[g[i].value].key, v0->key);
    const char *key = v0->key;
    if (v0->slot == PX_SLOT_COUNT && (cls || same_key) &&
        hidden(c, vfirst, g, n, cls ? cls : v0->key)) {
        /* "five people were injured" / "three people were injured": the
         * count of this fact is compared once more on its own, as
         * "injured#f12" (a headline's "5 Injured" left unchanged must not
         * hide the fact's two values); the values stay under their class
         * too, where the article's other counts keep telling them apart */
        char buf[96];
        snprintf(buf, sizeof buf, "%s#f%zu", cls ? cls : v0->key, g[0].frank);
        key = px_arena_strdup(&c->arena, buf);
        for (size_t i = 0; i < n; i++) {
            px_slot_value v = c->slot_values.items[g[i].value]; /* a copy: the push may move them */
            v.key = key;
            if (cls) v.subject = cls;
            if (v.no_conflict == 1) v.no_conflict = 0;
            px_vec_push(&c->slot_values, v);
        }
        return;
    } else if (!same_key && cls) { /* "Seven people" of a fact on the injured: the injured */
        key = cls;
    } else if (!same_key) {
        char buf[64];
        snprintf(buf, sizeof buf, "f%zu", g[0].frank);
        key = px_arena_strdup(&c->arena, buf);
    }
    for (size_t i = 0; i < n; i++) {
        px_slot_value *v = &c->slot_values.items[g[i].value];
        if (cls && strcmp(v->key, key) != 0) v->subject = cls;
        v->key = key;
        if (v->no_conflict == 1) v->no_conflict = 0;
    }
}

void pxs_align_values(px_comparison *c)
{
    if (!c->claims.len || !c->slot_values.len) return;
    size_t *first = px_xcalloc(c->n + 1, sizeof *first);
    for (size_t i = 0; i < c->claims.len; i++) {
        assert(i == 0 || c->claims.items[i].article >= c->claims.items[i - 1].article);
        first[c->claims.items[i].article + 1] = i + 1;
    }
    for (size_t a = 1; a <= c->n; a++)
        if (first[a] < first[a - 1]) first[a] = first[a - 1];
    size_t *vfirst = px_xcalloc(c->n + 1, sizeof *vfirst); /* values lie by article */
    for (size_t i = 0; i < c->slot_values.len; i++) {
        assert(i == 0 || c->slot_values.items[i].article >= c->slot_values.items[i - 1].article);
        vfirst[c->slot_values.items[i].article + 1] = i + 1;
    }
    for (size_t a = 1; a <= c->n; a++)
        if (vfirst[a] < vfirst[a - 1]) vfirst[a] = vfirst[a - 1];
    size_t *frank = px_xmalloc(c->facts.len * sizeof *frank);
    for (size_t f = 0; f < c->facts.len; f++) {
        const px_fact *ft = &c->facts.items[f];
        frank[f] = (size_t)-1;
        for (size_t k = 0; k < ft->claims.len; k++)
            if (c->claim_rank[ft->claims.items[k]] < frank[f]) frank[f] = c->claim_rank[ft->claims.items[k]];
    }
    for (int s = 0; s <= PX_SLOT_QUOTE_WORDING; s++) {
        if (!aligned_slot((px_slot)s)) continue;
        fv *list = px_xmalloc(c->slot_values.len * sizeof *list);
        size_t m = 0;
        for (size_t i = 0; i < c->slot_values.len; i++) {
            const px_slot_value *v = &c->slot_values.items[i];
            if ((int)v->slot != s || v->sentence == (size_t)-1) continue;
            if (v->slot == PX_SLOT_DATE && !strcmp(v->key, "year"))
                continue; /* a month or year is no day */
            size_t f = fact_of(c, first, v->article, v->sentence);
            if (f == (size_t)-1) continue;
            list[m++] = (fv){i, f, frank[f], c->article_rank[v->article]};
        }
        qsort(list, m, sizeof *list, cmp_fv);
        for (size_t i = 0; i < m;) {
            size_t e = i + 1;
            while (e < m && list[e].frank == list[i].frank) e++;
            group(c, vfirst, list + i, e - i);
            i = e;
        }
        free(list);
    }
    free(frank);
    free(vfirst);
    free(first);
}
