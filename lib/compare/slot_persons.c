/*
 * slot_persons.c — whose age is it: the people that ages are told of,
 * joined within an article and across the story's articles.
 *
 * The age finders (slot_people.c) key an age by what its own words show:
 * a named person ("e12"), a described one ("d:boy"), or no one at all
 * ("the 15-year-old": "d:someone").  One outlet's "13-year-old boy" and
 * another's "the 15-year-old" are then two keys, and judge.c, which
 * compares values within a key, never sees the conflict.  This stage
 * joins them, in two steps, with general signals only:
 *
 *  1. Within an article, a described person whose age is the age of one
 *     named person of the article is that person ("a 15-year-old boy ...
 *     Tom Rand, 15"), and "the 15-year-old" is the one described person
 *     of that age the article gave before.
 *  2. Across articles, a described person and a person of another article
 *     (named or described) are the same person when nothing tells them
 *     apart and something ties them:
 *       apart  their nouns' sex ("boy" / "woman") or kin ("daughter" /
 *              "sister"), their roles in their own article (a victim:
 *              killed, injured, or the object of "shot and killed a
 *              20-year-old"; a suspect: arrested, charged, "the
 *              gunman", "killed by a 12-year-old"), or ages more
 *              than AGE_NEAR apart (outlets that disagree on an age
 *              disagree by a year or two);
 *       ties   the sentences telling the ages say the same thing (the
 *              cosine of their claims, claim.c, at least TIE; sentences
 *              of one fact, align.c, count 1), or each is the only person
 *              its article gives an age to (SOLE).
 *     A pair's score loses AGE_STEP per year between its ages, so of two
 *     persons told in one sentence ("his 4-year-old daughter ... her
 *     5-year-old sister") the one of the same age is taken.  A pair
 *     scoring at least WEAK is joined too when each is the other's best
 *     in the other's article.
 *     Pairs are joined best first (score, then the fixed article order)
 *     into people that never hold two persons of one article nor two
 *     named people: a greedy one-to-one matching, so the victim and the
 *     suspect of one article stay two.
 *  A joined person takes its named member's key (the story entity), else
 *  the key of its member in the first article of the fixed order.
 *
 * AGE_NEAR, TIE, WEAK, AGE_STEP and SOLE were set by hand, reading the
 * injected-conflict bench's misses and the labelled set's fit half (never
 * its test half: bench/compare/README.md).
 * Cost: n log n in the ages, plus at most MAX_CAND candidates per person.
 */
#include <assert.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/slots.h"
#include "story/similarity.h"

#define AGE_NEAR 3
#define TIE 0.30
#define WEAK 0.10
#define AGE_STEP 0.05
#define SOLE 0.30
#define MAX_CAND 64

typedef struct person {
    size_t article, rank;  /* its article and that article's fixed rank */
    const char *key;       /* its key in the article ("e12", "d:boy") */
    long entity;           /* story entity, or -1 */
    double age;            /* the age it is given (one only) */
    size_t first;          /* its first value, index into c->slot_values */
    int sex;               /* 0 unknown, 1 male, 2 female */
    int role;              /* bit 1 victim, bit 2 suspect */
    size_t parent;         /* union-find */
    const char *named;     /* root: the named key of the joined person, or NULL */
    size_t named_at;       /* root: the person of ps holding it */
    size_t *arts, n_arts;  /* root: its articles' ranks, sorted */
} person;

typedef struct pair {
    double score;
    size_t p, q;
} pair;

static int described_key(const char *key)
{
    return key[0] == 'd' && key[1] == ':';
}

/* The noun of a described key: "d:boy" boy, "d:e3's sister" sister. */
static const char *noun_of(const char *key)
{
    const char *s = strrchr(key, ' ');
    return s ? s + 1 : key + 2;
}

/* 1 when two nouns are kin of different kinds ("daughter" and "sister"),
 * or one is kin and the other not ("the 13-year-old boy" and "his
 * 13-year-old cousin": someone's relative is told apart from the one the
 * story is about); "someone" is neither. */
static int other_kin(const char *a, const char *b)
{
    if (!strcmp(a, "someone") || !strcmp(b, "someone")) return 0;
    static const char *const kin[] = {
        "father", "mother", "son", "daughter", "brother", "sister", "cousin", "uncle", "aunt",
        "nephew", "niece", "grandmother", "grandfather", "grandson", "granddaughter", "wife",
        "husband", "girlfriend", "boyfriend", "stepfather", "stepmother", "stepson",
        "stepdaughter", NULL};
    int ka = 0, kb = 0;
    for (const char *const *w = kin; *w; w++) ka |= !strcmp(a, *w), kb |= !strcmp(b, *w);
    return ka != kb || (ka && strcmp(a, b) != 0);
}

static int sex_of(const char *noun)
{
    static const char *const male[] = {
        "man", "boy", "son", "brother", "father", "uncle", "nephew", "grandson", "grandfather",
        "husband", "boyfriend", "male", "stepfather", "stepson", "gunman", NULL};
    static const char *const female[] = {
        "woman", "girl", "daughter", "sister", "mother", "aunt", "niece", "granddaughter",
        "grandmother", "wife", "girlfriend", "female", "stepdaughter", "fiancee", NULL};
    for (const char *const *w = male; *w; w++)
        if (strcmp(noun, *w) == 0) return 1;
    for (const char *const *w = female; *w; w++)
        if (strcmp(noun, *w) == 0) return 2;
    return 0;
}

/* The role a noun says: 1 a victim, 2 a suspect, 0 neither. */
static int noun_role(const char *noun)
{
    static const char *const suspect[] = {"suspect", "shooter", "gunman", "gunmen", "robber",
                                          "attacker", NULL};
    if (strcmp(noun, "victim") == 0) return 1;
    for (const char *const *w = suspect; *w; w++)
        if (strcmp(noun, *w) == 0) return 2;
    return 0;
}

/* The role a condition value says of its holder. */
static int condition_role(const px_slot_value *v)
{
    if (strstr(v->key, "|condition")) return 1; /* killed, injured, critical ... */
    if (strstr(v->key, "|custody") && strcmp(v->value, "released") != 0) return 2;
    return 0;
}

/* 1 (a victim) when the words before a value's surface in its sentence
 * end with a verb of harm, the description its object: "shot and killed
 * a 20-year-old man"; 2 (a suspect) when they end with the verb and "by":
 * "killed by a 12-year-old relative". */
static int object_role(const px_comparison *c, const px_slot_value *v)
{
    static const char *const harm[] = {"killed", "killing", "shot", "shooting", "wounded",
                                       "wounding", "injured", "injuring", "stabbed", "stabbing",
                                       "struck", "murdered", "murdering", NULL};
    static const char *const det[] = {"a", "an", "the", "his", "her", "their", NULL};
    if (!v->surface || v->sentence == (size_t)-1) return 0;
    const char *text = px_article_sentence(c->articles[v->article], v->sentence, NULL, NULL, NULL);
    const char *at = text ? strstr(text, v->surface) : NULL;
    int by = 0;
    for (int words = 0; at && at > text && words < 3; words++) {
        const char *end = at;
        while (end > text && end[-1] == ' ') end--;
        const char *w = end;
        while (w > text && w[-1] != ' ') w--;
        size_t n = (size_t)(end - w);
        int is_det = 0;
        for (const char *const *d = det; *d && !is_det && !by; d++)
            is_det = strlen(*d) == n && strncasecmp(w, *d, n) == 0;
        for (const char *const *h = harm; *h && !is_det; h++)
            if (strlen(*h) == n && strncasecmp(w, *h, n) == 0) return by ? 2 : 1;
        if (!is_det && (by || n != 2 || strncasecmp(w, "by", 2) != 0)) return 0;
        by |= !is_det; /* "shot and killed by a 12-year-old relative": the shooter */
        at = w;
    }
    return 0;
}

typedef struct role_ref {
    size_t article;
    const char *key; /* the holder's key, "|..." left out */
    size_t len;
    int role;
} role_ref;

static int cmp_role_ref(const void *x, const void *y)
{
    const role_ref *a = x, *b = y;
    if (a->article != b->article) return a->article < b->article ? -1 : 1;
    size_t n = a->len < b->len ? a->len : b->len;
    int k = strncmp(a->key, b->key, n);
    return k ? k : (a->len > b->len) - (a->len < b->len);
}

/* The roles article a's conditions give the holder of `key` there (a
 * named person's in other articles may be another's of the same surname). */
static int role_of(const role_ref *roles, size_t n, size_t a, const char *key)
{
    role_ref want = {a, key, strlen(key), 0};
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_role_ref(&roles[mid], &want) < 0) lo = mid + 1;
        else hi = mid;
    }
    int r = 0;
    for (; lo < n && cmp_role_ref(&roles[lo], &want) == 0; lo++) r |= roles[lo].role;
    return r;
}

static role_ref *collect_roles(const px_comparison *c, size_t *n)
{
    role_ref *r = px_xmalloc((c->slot_values.len ? c->slot_values.len : 1) * sizeof *r);
    *n = 0;
    for (size_t i = 0; i < c->slot_values.len; i++) {
        const px_slot_value *v = &c->slot_values.items[i];
        int role = v->slot == PX_SLOT_CONDITION ? condition_role(v) : 0;
        const char *bar = role ? strchr(v->key, '|') : NULL;
        if (!bar) continue;
        r[(*n)++] = (role_ref){v->article, v->key, (size_t)(bar - v->key), role};
    }
    qsort(r, *n, sizeof *r, cmp_role_ref);
    return r;
}

/* An age value and its article's fixed rank. */
typedef struct vref {
    px_slot_value *v;
    size_t rank;
} vref;

/* By article rank, key, age, sentence, then place: no input order shows. */
static int cmp_vref(const void *x, const void *y)
{
    const vref *a = x, *b = y;
    if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
    int k = strcmp(a->v->key, b->v->key);
    if (k) return k;
    if (a->v->num != b->v->num) return a->v->num < b->v->num ? -1 : 1;
    if (a->v->sentence != b->v->sentence) return a->v->sentence < b->v->sentence ? -1 : 1;
    return a->v < b->v ? -1 : a->v > b->v;
}

/* Step 1: within one article (its age values r[0..m)), described ages
 * taken for the named or described person of the same age. */
static void within_article(vref *r, size_t m)
{
    for (size_t i = 0; i < m; i++) {
        px_slot_value *v = r[i].v;
        if (!described_key(v->key)) continue;
        const px_slot_value *named = NULL, *desc = NULL;
        int many_named = 0, many_desc = 0;
        for (size_t k = 0; k < m; k++) {
            const px_slot_value *w = r[k].v;
            if (k == i || w->num != v->num) continue;
            if (!described_key(w->key)) {
                many_named |= named && strcmp(named->key, w->key) != 0;
                named = w;
            } else if (strcmp(w->key, "d:someone") != 0 && strcmp(w->key, v->key) != 0 &&
                       w->sentence <= v->sentence) {
                many_desc |= desc && strcmp(desc->key, w->key) != 0;
                if (!desc) desc = w;
            }
        }
        if (named && !many_named) {
            v->key = named->key, v->entity = named->entity, v->subject = named->subject;
        } else if (!named && desc && !many_desc && strcmp(v->key, "d:someone") == 0) {
            v->key = desc->key, v->subject = desc->subject;
        }
    }
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* A person by age (ps is in the fixed order, so its index breaks ties). */
typedef struct aged {
    double age;
    size_t p;
} aged;

static int cmp_aged(const void *x, const void *y)
{
    const aged *a = x, *b = y;
    if (a->age != b->age) return a->age < b->age ? -1 : 1;
    return a->p < b->p ? -1 : a->p > b->p;
}

static int cmp_pair(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    if (a->p != b->p) return a->p < b->p ? -1 : 1;
    return a->q < b->q ? -1 : a->q > b->q;
}

/* The claims of article a's sentence s: [*lo, *hi) in c->claims; of a
 * sentence split in clauses (claim.c), the one holding `surface` when
 * one does ("..., while an 18-year-old suffered": the 18-year-old's). */
static void claims_of(const px_comparison *c, const size_t *first, size_t a, size_t s,
                      const char *surface, size_t *lo, size_t *hi)
{
    size_t l = first[a], h = first[a + 1];
    while (l < h) {
        size_t mid = l + (h - l) / 2;
        if (c->claims.items[mid].sentence < s) l = mid + 1;
        else h = mid;
    }
    *lo = l;
    while (l < first[a + 1] && c->claims.items[l].sentence == s) l++;
    *hi = l;
    for (size_t k = *lo; surface && *hi - *lo > 1 && k < *hi; k++)
        if (strstr(c->claims.items[k].text, surface)) {
            *lo = k, *hi = k + 1;
            break;
        }
}

/* How alike the sentences telling two persons' ages are: the best cosine
 * of their claims, 1 for claims of one fact shared by 2+ articles. */
static double tie(const px_comparison *c, const size_t *first, const vref *vals, const person *p,
                  const person *q, size_t p_n, size_t q_n)
{
    double best = 0;
    for (size_t i = 0; i < p_n; i++)
        for (size_t k = 0; k < q_n; k++) {
            const px_slot_value *a = vals[p->first + i].v, *b = vals[q->first + k].v;
            if (a->sentence == (size_t)-1 || b->sentence == (size_t)-1) continue;
            size_t alo, ahi, blo, bhi;
            claims_of(c, first, a->article, a->sentence, a->surface, &alo, &ahi);
            claims_of(c, first, b->article, b->sentence, b->surface, &blo, &bhi);
            for (size_t x = alo; x < ahi; x++)
                for (size_t y = blo; y < bhi; y++) {
                    const px_claim *cx = &c->claims.items[x], *cy = &c->claims.items[y];
                    double s = cx->fact == cy->fact && cx->fact < c->facts.len &&
                                       c->facts.items[cx->fact].support.len >= 2
                                   ? 1.0
                                   : px_features_dot(&cx->keys, &cy->keys);
                    if (s > best) best = s;
                }
        }
    return best;
}

/* The best score of a person with any person of one other article. */
typedef struct best {
    size_t p, article;
    double score;
} best;

static int cmp_best(const void *x, const void *y)
{
    const best *a = x, *b = y;
    if (a->p != b->p) return a->p < b->p ? -1 : 1;
    if (a->article != b->article) return a->article < b->article ? -1 : 1;
    return a->score > b->score ? -1 : a->score < b->score;
}

/* The best score of person p with article a (bs sorted by cmp_best). */
static double best_of(const best *bs, size_t n, size_t p, size_t a)
{
    best want = {p, a, INFINITY};
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_best(&bs[mid], &want) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && bs[lo].p == p && bs[lo].article == a ? bs[lo].score : 0;
}

static size_t find(person *ps, size_t i)
{
    while (ps[i].parent != i) i = ps[i].parent = ps[ps[i].parent].parent;
    return i;
}

/* Joins the people of p and q unless that puts two persons of one
 * article, or two named people, in one. */
static void join(person *ps, size_t p, size_t q)
{
    size_t a = find(ps, p), b = find(ps, q);
    if (a == b) return;
    assert(ps[a].n_arts >= 1 && ps[b].n_arts >= 1);
    if (ps[a].named && ps[b].named && strcmp(ps[a].named, ps[b].named) != 0) return;
    size_t i = 0, k = 0;
    while (i < ps[a].n_arts && k < ps[b].n_arts) {
        if (ps[a].arts[i] == ps[b].arts[k]) return;
        if (ps[a].arts[i] < ps[b].arts[k]) i++;
        else k++;
    }
    size_t n = ps[a].n_arts + ps[b].n_arts, *m = px_xmalloc(n * sizeof *m);
    memcpy(m, ps[a].arts, ps[a].n_arts * sizeof *m);
    memcpy(m + ps[a].n_arts, ps[b].arts, ps[b].n_arts * sizeof *m);
    qsort(m, n, sizeof *m, cmp_size);
    free(ps[a].arts);
    free(ps[b].arts);
    ps[b].arts = NULL, ps[b].n_arts = 0;
    ps[a].arts = m, ps[a].n_arts = n;
    if (!ps[a].named) ps[a].named = ps[b].named, ps[a].named_at = ps[b].named_at;
    ps[b].parent = a;
}

void pxs_link_people(px_comparison *c)
{
    size_t n = 0;
    vref *vals = px_xmalloc((c->slot_values.len ? c->slot_values.len : 1) * sizeof *vals);
    for (size_t i = 0; i < c->slot_values.len; i++) {
        px_slot_value *v = &c->slot_values.items[i];
        if (v->slot == PX_SLOT_AGE && !v->no_conflict)
            vals[n++] = (vref){v, c->article_rank[v->article]};
    }
    qsort(vals, n, sizeof *vals, cmp_vref);
    for (size_t i = 0; i < n;) { /* step 1, per article */
        size_t e = i + 1;
        while (e < n && vals[e].rank == vals[i].rank) e++;
        within_article(vals + i, e - i);
        i = e;
    }
    qsort(vals, n, sizeof *vals, cmp_vref); /* keys changed */
    size_t n_roles;
    role_ref *roles = collect_roles(c, &n_roles);
    person *ps = px_xmalloc((n ? n : 1) * sizeof *ps);
    size_t np = 0, *count = px_xcalloc(c->n, sizeof *count), *nv = px_xmalloc((n ? n : 1) * sizeof *nv);
    for (size_t i = 0; i < n;) {
        /* The persons: a named one per (article, key), left alone when
         * given two ages; a described one per (article, key, age): "the
         * 15-year-old" and "the 20-year-old" are two people. */
        const px_slot_value *v = vals[i].v;
        int d = described_key(v->key), one_age = 1;
        size_t e = i + 1;
        while (e < n && vals[e].rank == vals[i].rank && strcmp(vals[e].v->key, v->key) == 0 &&
               (!d || vals[e].v->num == v->num))
            one_age &= vals[e++].v->num == v->num;
        count[v->article]++;
        if (one_age) {
            int role = role_of(roles, n_roles, v->article, v->key) | (d ? noun_role(noun_of(v->key)) : 0);
            for (size_t k = i; k < e && d; k++) role |= object_role(c, vals[k].v);
            ps[np] = (person){v->article, vals[i].rank, v->key, v->entity, v->num, i,
                              d ? sex_of(noun_of(v->key)) : 0, role, np, d ? NULL : v->key, np,
                              px_xmalloc(sizeof(size_t)), 1};
            ps[np].arts[0] = vals[i].rank;
            assert(e > i);
            nv[np++] = e - i;
        }
        i = e;
    }
    free(roles);
    size_t *first = px_xcalloc(c->n + 1, sizeof *first); /* claims by article */
    for (size_t i = 0; i < c->claims.len; i++) first[c->claims.items[i].article + 1] = i + 1;
    for (size_t a = 1; a <= c->n; a++)
        if (first[a] < first[a - 1]) first[a] = first[a - 1];
    /* candidates: each person meets the next MAX_CAND of ages within AGE_NEAR */
    aged *by_age = px_xmalloc((np ? np : 1) * sizeof *by_age);
    for (size_t p = 0; p < np; p++) by_age[p] = (aged){ps[p].age, p};
    qsort(by_age, np, sizeof *by_age, cmp_aged);
    size_t *order = px_xmalloc((np ? np : 1) * sizeof *order);
    for (size_t p = 0; p < np; p++) order[p] = by_age[p].p;
    free(by_age);
    PX_VEC(pair) pairs = {0};
    for (size_t i = 0; i < np; i++) {
        const person *p = &ps[order[i]];
        for (size_t k = i + 1, seen = 0; k < np && seen < MAX_CAND; k++) {
            const person *q = &ps[order[k]];
            if (q->age - p->age > AGE_NEAR) break;
            if (q->article == p->article || (p->named && q->named)) continue;
            seen++;
            if ((p->sex && q->sex && p->sex != q->sex) ||
                (p->role && q->role && !(p->role & q->role)) ||
                (!p->named && !q->named && other_kin(noun_of(p->key), noun_of(q->key))))
                continue;
            double s = tie(c, first, vals, p, q, nv[order[i]], nv[order[k]]);
            if (count[p->article] == 1 && count[q->article] == 1 && s < SOLE) s = SOLE;
            s -= AGE_STEP * fabs(q->age - p->age); /* of two alike, the same age first */
            if (s < WEAK) continue;
            pair pr = {s, order[i] < order[k] ? order[i] : order[k], order[i] < order[k] ? order[k] : order[i]};
            px_vec_push(&pairs, pr);
        }
    }
    if (pairs.len > 1) qsort(pairs.items, pairs.len, sizeof *pairs.items, cmp_pair);
    best *bs = px_xmalloc((2 * pairs.len + 1) * sizeof *bs);
    for (size_t i = 0; i < pairs.len; i++) {
        const pair *x = &pairs.items[i];
        bs[2 * i] = (best){x->p, ps[x->q].article, x->score};
        bs[2 * i + 1] = (best){x->q, ps[x->p].article, x->score};
    }
    qsort(bs, 2 * pairs.len, sizeof *bs, cmp_best);
    for (size_t i = 0; i < pairs.len; i++) { /* strong, or weak and each the other's best */
        const pair *x = &pairs.items[i];
        if (x->score >= TIE ||
            (best_of(bs, 2 * pairs.len, x->p, ps[x->q].article) <= x->score &&
             best_of(bs, 2 * pairs.len, x->q, ps[x->p].article) <= x->score))
            join(ps, x->p, x->q);
    }
    free(bs);
    /* each joined person's key: its named member's, else its first member's
     * (ps is in the fixed article order, so a root's first member is itself
     * or earlier: the smallest index of the set) */
    size_t *rep = px_xmalloc((np ? np : 1) * sizeof *rep);
    const char **keys = px_xcalloc(np ? np : 1, sizeof *keys);
    for (size_t p = 0; p < np; p++) rep[p] = (size_t)-1;
    for (size_t p = 0; p < np; p++) {
        size_t r = find(ps, p);
        if (rep[r] == (size_t)-1) rep[r] = p;
    }
    for (size_t p = 0; p < np; p++) {
        size_t r = find(ps, p);
        if (ps[r].n_arts < 2) continue;
        const px_slot_value *to = vals[ps[ps[r].named ? ps[r].named_at : rep[r]].first].v;
        const char *key = to->key;
        if (!ps[r].named) { /* a key of its own: "d:boy#2.5" (rank, value) */
            char buf[96];
            snprintf(buf, sizeof buf, "%s#%zu.%zu", to->key, ps[rep[r]].rank, ps[rep[r]].first);
            if (!keys[r]) keys[r] = px_arena_strdup(&c->arena, buf);
            key = keys[r];
        }
        for (size_t k = 0; k < nv[p]; k++) {
            px_slot_value *v = vals[ps[p].first + k].v;
            v->key = key, v->subject = to->subject, v->entity = to->entity;
        }
    }
    for (size_t p = 0; p < np; p++) free(ps[p].arts);
    free(rep);
    free(keys);
    px_vec_free(&pairs);
    free(order);
    free(first);
    free(nv);
    free(count);
    free(ps);
    free(vals);
}
