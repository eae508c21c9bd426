/*
 * summary.c — a short neutral summary of the story whose every sentence
 * names the outlets that report it.
 *
 * Extractive: the lines are the articles' own sentences.  Every sentence
 * that may stand alone (summary_sentence.c) is a candidate, scored by
 *
 *   W_CENTRAL  centrality: cosine of its idf-weighted stem vector (claim.c)
 *              to the story's centroid, the sum of each article's unit
 *              vector, so every outlet weighs alike whatever its length;
 *   W_SUPPORT  support: the independent outlets it can be cited to
 *              (summary_cite.c: their own aligned sentence carries its
 *              people and numbers; a near-copy counts once), as a share of
 *              the other articles;
 *   W_LEAD     position: 1 / (1 + its index in its article), since news
 *              states the event first;
 *   W_EVENT    event content: it names an entity, and gives a number or a
 *              date (who did what, where, when);
 *   W_DISPUTED minus, when it states a value an outlet contradicts.
 * Less fit sentences (quotation, loaded words; then fragments, headings,
 * dangling openers) are taken only when the fit ones give fewer than
 * MIN_LINES lines; furniture only when nothing else is left, so the summary
 * is never empty when the articles have a sentence.
 *
 * Choice: best first, skipping a sentence that repeats a chosen one (it
 * shares a fact with it, or the cosine of their vectors is >= REDUNDANT)
 * or would take the summary past MAX_SUMMARY_WORDS; until MAX_LINES lines,
 * or MIN_LINES lines and the target length (weights.words).  Citations are exact
 * and cost a little, so the ranking starts from an upper bound of support
 * (the outlets of the facts the sentence belongs to) and computes a
 * sentence's real citations only when it reaches the top (lazy greedy: the
 * real score is never above the bound).  The lines are then put in story
 * order: by their index in their article, so the opening sentences, which
 * state the event, lead.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare/summary.h"
#include "story/similarity.h"

enum { MIN_LINES = 3, MAX_LINES = 5, MAX_SUMMARY_WORDS = 100 };
#define REDUNDANT 0.7
#define TIE 1e-9

const px_summary_weights px_summary_default_weights = {
    .central = 1.0, .support = 0.15, .lead = 0.3, .event = 0.1, .disputed = 0.5, .words = 50,
};

/* ---- the story centroid ---------------------------------------------------- */

typedef struct keyed {
    uint64_t key;
    size_t article;
    double weight;
} keyed;

/* Sorted (key, weight) of the sum of the articles' unit vectors; *norm its
 * length.  Returns the entry count; *out is malloc'ed. */
static size_t centroid(const px_comparison *c, keyed **out, double *norm)
{
    PX_VEC(keyed) v = {0};
    for (size_t i = 0; i < c->claims.len; i++) {
        const px_features *f = &c->claims.items[i].keys;
        for (size_t k = 0; k < f->len; k++) {
            keyed e = {f->items[k].key, c->claims.items[i].article, f->items[k].weight};
            px_vec_push(&v, e);
        }
    }
    /* by article (the claims are in article order), then key; stable, so
     * repeats of a key are summed in claim order */
    for (size_t lo = 0, hi; lo < v.len; lo = hi) {
        for (hi = lo; hi < v.len && v.items[hi].article == v.items[lo].article;) hi++;
        px_sort_by_key(v.items + lo, hi - lo, sizeof *v.items);
    }
    size_t m = 0; /* merge per (article, key) */
    for (size_t i = 0; i < v.len; i++) {
        if (m && v.items[m - 1].article == v.items[i].article && v.items[m - 1].key == v.items[i].key)
            v.items[m - 1].weight += v.items[i].weight;
        else v.items[m++] = v.items[i];
    }
    for (size_t lo = 0; lo < m;) { /* each article to unit length */
        size_t hi = lo;
        double sq = 0;
        while (hi < m && v.items[hi].article == v.items[lo].article) sq += v.items[hi].weight * v.items[hi].weight, hi++;
        for (size_t i = lo; sq > 0 && i < hi; i++) v.items[i].weight /= sqrt(sq);
        lo = hi;
    }
    px_sort_by_key(v.items, m, sizeof *v.items); /* stable, as the sums below need */
    size_t n = 0;
    for (size_t i = 0; i < m; i++) {
        if (n && v.items[n - 1].key == v.items[i].key) v.items[n - 1].weight += v.items[i].weight;
        else v.items[n++] = v.items[i];
    }
    double sq = 0;
    for (size_t i = 0; i < n; i++) sq += v.items[i].weight * v.items[i].weight;
    *norm = sqrt(sq);
    *out = v.items;
    return n;
}

static double centroid_weight(const keyed *cen, size_t n, uint64_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cen[mid].key == key) return cen[mid].weight;
        if (cen[mid].key < key) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}

/* ---- candidates ------------------------------------------------------------ */

typedef struct candidate candidate;
typedef PX_VEC(candidate) candidates;

struct candidate {
    size_t article, sentence, words;
    px_summary_fitness fitness;
    double base;     /* the score without support and dispute */
    double score;    /* base + support term (bound, then exact) - dispute */
    int exact;       /* citations computed */
    int done;        /* chosen or passed over */
    px_indexes cited;
};

/* Per sentence of article a: 1 for naming an entity, +1 for a number
 * (not a label) or a date.  One pass over the analysis; *out malloc'ed. */
static unsigned char *event_marks(const px_comparison *c, size_t a)
{
    const px_analysis *an = c->analyses[a];
    size_t n = c->articles[a]->sentences.len;
    unsigned char *entity = px_xcalloc(n + 1, 2), *when = entity + n + 1;
    for (size_t i = 0; i < an->mention_index.len; i++)
        if (an->mention_index.items[i].mention.sentence < n) entity[an->mention_index.items[i].mention.sentence] = 1;
    for (size_t i = 0; i < an->numbers.len; i++)
        if (an->numbers.items[i].sentence < n && an->numbers.items[i].kind != PX_NUMBER_LABEL)
            when[an->numbers.items[i].sentence] = 1;
    for (size_t i = 0; i < an->dates.len; i++)
        if (an->dates.items[i].sentence < n) when[an->dates.items[i].sentence] = 1;
    for (size_t i = 0; i < n; i++) entity[i] = (unsigned char)(entity[i] + when[i]);
    return entity;
}

/* Upper bound of the outlets a sentence can be cited to: those of its facts. */
static size_t support_bound(const px_comparison *c, const px_summary_index *ix, size_t a, size_t s)
{
    size_t best = 1;
    size_t at = ix->base[a] + s;
    for (size_t k = ix->first[at]; k < ix->first[at + 1]; k++) {
        size_t n = c->facts.items[c->claims.items[k].fact].support.len;
        if (n > best) best = n;
    }
    return best;
}

static double support_term(const px_comparison *c, const px_summary_weights *w, size_t outlets)
{
    return w->support * (double)(outlets - 1) / (double)(c->n > 1 ? c->n - 1 : 1);
}

static double sentence_cosine(const px_comparison *c, const px_summary_index *ix, const candidate *x,
                              const candidate *y)
{
    double best = 0;
    size_t ax = ix->base[x->article] + x->sentence, ay = ix->base[y->article] + y->sentence;
    for (size_t i = ix->first[ax]; i < ix->first[ax + 1]; i++)
        for (size_t j = ix->first[ay]; j < ix->first[ay + 1]; j++) {
            if (c->claims.items[i].fact == c->claims.items[j].fact) return 1;
            double s = px_features_cosine(&c->claims.items[i].keys, &c->claims.items[j].keys);
            if (s > best) best = s;
        }
    return best;
}

static void make_candidates(const px_comparison *c, const px_summary_index *ix, const px_summary_weights *w,
                            candidates *out)
{
    keyed *cen = NULL;
    double norm = 0;
    size_t ncen = centroid(c, &cen, &norm);
    for (size_t a = 0; a < c->n; a++) {
        unsigned char *event = event_marks(c, a);
        for (size_t s = 0; s < c->articles[a]->sentences.len; s++) {
            size_t at = ix->base[a] + s;
            double central = 0;
            for (size_t k = ix->first[at]; norm > 0 && k < ix->first[at + 1]; k++) {
                const px_features *f = &c->claims.items[k].keys;
                double dot = 0;
                for (size_t i = 0; i < f->len; i++) dot += f->items[i].weight * centroid_weight(cen, ncen, f->items[i].key);
                if (dot / norm > central) central = dot / norm;
            }
            candidate cd = {.article = a, .sentence = s};
            cd.fitness = px_summary_sentence_fitness(c, a, s);
            cd.words = px_summary_words(c->articles[a]->sentences.items[s].text);
            cd.base = w->central * central + w->lead / (1.0 + (double)s) + w->event * 0.5 * event[s];
            cd.score = cd.base + support_term(c, w, support_bound(c, ix, a, s));
            px_vec_push(out, cd);
        }
        free(event);
    }
    free(cen);
}

/* x ranks above y: by score, scores within TIE of each other by text, then
 * by article id, so that the input order never decides (sums of floats in
 * another order differ in their last bits). */
static int above(const px_comparison *c, const candidate *x, const candidate *y)
{
    if (x->score > y->score + TIE) return 1;
    if (x->score < y->score - TIE) return 0;
    int t = strcmp(c->articles[x->article]->sentences.items[x->sentence].text,
                   c->articles[y->article]->sentences.items[y->sentence].text);
    if (t) return t < 0;
    const char *a = px_article_id(c->articles[x->article]), *b = px_article_id(c->articles[y->article]);
    t = strcmp(a ? a : "", b ? b : "");
    if (t) return t < 0;
    return x->article < y->article;
}

/* For top(): per run of RUN candidates, the highest score among those not
 * done at the current fitness or better (-inf when none), kept up to date
 * as scores and done marks change.  A run whose highest score is below the
 * best so far by more than TIE holds no candidate above() it, so top()
 * passes over it: the same choice as a scan of every candidate, in far
 * less time on a story of tens of thousands of sentences. */
enum { RUN = 128 };

typedef struct runs {
    double *max;
    size_t len;
    px_summary_fitness fitness;
} runs;

static void run_update(runs *r, const candidate *v, size_t n, size_t k)
{
    double m = -INFINITY;
    for (size_t i = k * RUN; i < n && i < (k + 1) * RUN; i++)
        if (!v[i].done && v[i].fitness <= r->fitness && v[i].score > m) m = v[i].score;
    r->max[k] = m;
}

static void runs_at(runs *r, const candidate *v, size_t n, px_summary_fitness fitness)
{
    r->fitness = fitness;
    for (size_t k = 0; k < r->len; k++) run_update(r, v, n, k);
}

/* The best candidate not done at `fitness` or better, or NULL. */
static candidate *top(const px_comparison *c, candidate *v, size_t n, const runs *r)
{
    candidate *best = NULL;
    for (size_t k = 0; k < r->len; k++) {
        if (best && r->max[k] < best->score - TIE) continue;
        for (size_t i = k * RUN; i < n && i < (k + 1) * RUN; i++) {
            candidate *x = &v[i];
            if (x->done || x->fitness > r->fitness) continue;
            if (!best || above(c, x, best)) best = x;
        }
    }
    return best;
}

/* (v holds every sentence in order: sentence s of article a is
 * v[ix->base[a] + s].) */
static int repeats(const px_comparison *c, const px_summary_index *ix, candidate *v, const candidate *x)
{
    for (size_t i = 0; i < c->summary.len; i++) {
        const px_claim *cl = &c->claims.items[c->summary.items[i].claim];
        const candidate *y = &v[ix->base[cl->article] + cl->sentence];
        assert(y->article == cl->article && y->sentence == cl->sentence);
        if (sentence_cosine(c, ix, x, y) >= REDUNDANT) return 1;
    }
    return 0;
}

static int cmp_line(const void *x, const void *y, const px_comparison *c)
{
    const px_claim *a = &c->claims.items[((const px_summary_line *)x)->claim];
    const px_claim *b = &c->claims.items[((const px_summary_line *)y)->claim];
    if (a->sentence != b->sentence) return a->sentence < b->sentence ? -1 : 1;
    return 0; /* stable: then in the order chosen, best first */
}

static void story_order(px_comparison *c)
{
    for (size_t i = 1; i < c->summary.len; i++) { /* insertion sort: at most MAX_LINES */
        px_summary_line t = c->summary.items[i];
        size_t j = i;
        while (j > 0 && cmp_line(&c->summary.items[j - 1], &t, c) > 0) {
            c->summary.items[j] = c->summary.items[j - 1];
            j--;
        }
        c->summary.items[j] = t;
    }
}

void px_compare_summary_weighted(px_comparison *c, const px_summary_weights *w)
{
    px_summary_index ix;
    px_summary_index_make(c, &ix);
    candidates v = {0};
    make_candidates(c, &ix, w, &v);
    size_t words = 0;
    runs r = {px_xmalloc((v.len / RUN + 1) * sizeof *r.max), (v.len + RUN - 1) / RUN, PX_SUMMARY_FIT};
    for (px_summary_fitness level = PX_SUMMARY_FIT; level <= PX_SUMMARY_NEVER; level++) {
        if (level == PX_SUMMARY_NEVER && c->summary.len) break;
        if (level > PX_SUMMARY_FIT && c->summary.len >= MIN_LINES) break;
        runs_at(&r, v.items, v.len, level);
        candidate *x;
        while (c->summary.len < MAX_LINES && !(c->summary.len >= MIN_LINES && words >= w->words) &&
               (x = top(c, v.items, v.len, &r)) != NULL) {
            if (!x->exact) {
                int disputed = px_summary_cite(c, &ix, x->article, x->sentence, &x->cited);
                x->score = x->base + support_term(c, w, px_summary_independent(c, &x->cited)) -
                           (disputed ? w->disputed : 0);
                x->exact = 1;
                run_update(&r, v.items, v.len, (size_t)(x - v.items) / RUN);
                continue; /* back in the race with its real score */
            }
            x->done = 1;
            run_update(&r, v.items, v.len, (size_t)(x - v.items) / RUN);
            if ((c->summary.len && words + x->words > MAX_SUMMARY_WORDS) || repeats(c, &ix, v.items, x)) continue;
            px_summary_line line = {ix.first[ix.base[x->article] + x->sentence], {0},
                                    c->articles[x->article]->sentences.items[x->sentence].text};
            line.support = x->cited;
            x->cited = (px_indexes){0};
            px_vec_push(&c->summary, line);
            words += x->words;
        }
    }
    free(r.max);
    for (size_t i = 0; i < v.len; i++) px_vec_free(&v.items[i].cited);
    px_vec_free(&v);
    px_summary_index_free(&ix);
    story_order(c);
}

void px_compare_summary(px_comparison *c)
{
    px_compare_summary_weighted(c, &px_summary_default_weights);
}
