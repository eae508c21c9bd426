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
 *   W_HEADLINE closeness to the headlines: cosine of the same vector to the
 *              sum of the articles' title vectors (unit length each), since
 *              a headline states what the article is about;
 *   W_SUPPORT  support: the independent outlets it can be cited to
 *              (summary_cite.c: their own aligned sentence carries its
 *              people and numbers; a near-copy counts once), as a share of
 *              the other articles;
 *   W_LEAD     position: 1 / (1 + its index in its article), since news
 *              states the event first;
 *   W_EVENT    event content: it names an entity, and gives a number or a
 *              date (who did what, where, when);
 *   W_DISPUTED minus, when it states a value an outlet contradicts, or a
 *              count a later article gives otherwise;
 *   W_VOICED   minus, for a sentence that is mostly quotation or carries
 *              loaded words (PX_SUMMARY_VOICED): it competes with plain
 *              reporting at this cost, since what an outlet quotes is
 *              often what the story is about.  At weight 0 such a sentence
 *              is second choice, as below.
 * Less fit sentences (fragments, headings, dangling openers) are taken only
 * when the fit ones give fewer than weights.min_lines lines; furniture only
 * when nothing else is left, so the summary is never empty when the
 * articles have a sentence.
 *
 * The weights (px_summary_default_weights) are fitted by
 * bench/summary/fit.py (5-fold on NeuS val, checked on train); there the
 * support term does not help the choice (its weight is 0), so citations
 * only decide whom a line credits, and a disputed value still ranks lower.
 *
 * Length: a summary of a short story is short.  The target is a share
 * (weights.share) of the words of the story's sentences, at least
 * weights.words and at most MAX_SUMMARY_WORDS: 30 words for three
 * 100-word excerpts, 100 for any story of full articles.
 *
 * Choice: best first, skipping a sentence that repeats a chosen one (it
 * shares a fact with it, or the cosine of their vectors is >= REDUNDANT)
 * or would take the summary past MAX_SUMMARY_WORDS, or past the target by
 * more than weights.over times the words still wanted (a 40-word sentence
 * is passed over for a shorter one when 5 words are wanted; 0: no such
 * limit); until MAX_LINES lines,
 * or weights.min_lines lines and the target length.  Citations are exact
 * and cost a little, so the ranking starts from an upper bound of support
 * (the outlets of the facts the sentence belongs to) and computes a
 * sentence's real citations only when it reaches the top (lazy greedy: the
 * real score is never above the bound).  The lines are then put in story
 * order: by their index in their article, so the opening sentences, which
 * state the event, lead.
 *
 * Disputed values: a line is never cited to an outlet that gives another
 * value (summary_cite.c); when such an outlet's aligned sentence gives
 * another value for one of the line's slots (slots.c: the same count,
 * age, time or date of the same subject), the line
 * says so after the sentence: "(Disputed: c gives “killed 14 people”.)".
 * Counts change over time: when every such value is a count from an
 * article published a day or more before this one, the line reads "(Updated:
 * earlier, b gave “killed 12 people”.)"; and a sentence whose count a
 * later article gives otherwise ranks W_DISPUTED lower, so the newest
 * value leads.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare/summary.h"
#include "story/profile.h"
#include "story/similarity.h"

enum { MAX_LINES = 5, MAX_SUMMARY_WORDS = 100 };
#define REDUNDANT 0.7
#define TIE 1e-9

const px_summary_weights px_summary_default_weights = {
    .central = 1.0, .headline = 0.8, .support = 0, .lead = 0.15, .event = 0.1, .disputed = 0.5, .share = 0.3,
    .words = 30, .min_lines = 1, .voiced = 0.05, .over = 4,
};

/* ---- the story centroid ---------------------------------------------------- */

typedef struct keyed {
    uint64_t key;
    size_t article;
    double weight;
    double head; /* in the centroid: the key's weight in the headline vector */
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

static const keyed *centroid_entry(const keyed *cen, size_t n, uint64_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cen[mid].key == key) return &cen[mid];
        if (cen[mid].key < key) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* ---- the headlines ---------------------------------------------------------- */

/* A headline's words: runs of letters, digits, apostrophes and hyphens
 * (bytes past ASCII count as letters), ASCII lower-cased as the tokens'
 * norm is folded.  A " - Outlet" or " | Outlet" tail of a few words is left
 * out. */
static size_t headline_end(const char *t)
{
    size_t n = strlen(t);
    for (size_t i = n; i-- > 1;)
        if ((t[i] == '-' || t[i] == '|') && t[i - 1] == ' ' && t[i + 1] == ' ')
            return px_summary_words(t + i + 2) <= 4 && px_summary_words(t + i + 2) * 2 < px_summary_words(t) ? i - 1 : n;
    return n;
}

static int word_byte(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch >= 0x80 ||
           ch == '\'' || ch == '-';
}

typedef PX_VEC(size_t) slots;

/* The words of every article's title as slots of map m (a slot per distinct
 * word; the map's values are slot + 1); per article, its words' slots in
 * *words (words->items[w] of article a from at[a] to at[a + 1]). */
static void headline_words(const px_comparison *c, px_map *m, slots *words, size_t *at, size_t *nslots)
{
    px_buf b = {0};
    for (size_t a = 0; a < c->n; a++) {
        at[a] = words->len;
        const char *t = px_article_title(c->articles[a]);
        if (!t) continue;
        size_t end = headline_end(t);
        for (size_t i = 0; i < end;) {
            while (i < end && !word_byte((unsigned char)t[i])) i++;
            size_t from = i;
            while (i < end && word_byte((unsigned char)t[i])) i++;
            size_t to = i;
            while (to > from && (t[to - 1] == '\'' || t[to - 1] == '-')) to--; /* "Democrats'" */
            if (to - from >= 2 && t[to - 2] == '\'' && (t[to - 1] == 's' || t[to - 1] == 'S')) to -= 2;
            if (to == from) continue;
            px_buf_reset(&b);
            for (size_t k = from; k < to; k++) px_buf_putc(&b, (char)(t[k] >= 'A' && t[k] <= 'Z' ? t[k] + 32 : t[k]));
            uintptr_t slot = (uintptr_t)px_map_get(m, px_buf_str(&b), b.len);
            if (!slot) px_map_put(m, px_buf_str(&b), b.len, (void *)(slot = ++*nslots));
            px_vec_push(words, (size_t)slot - 1);
        }
    }
    at[c->n] = words->len;
    px_buf_free(&b);
}

/* The headline centroid: the sum of the articles' title vectors, each of
 * the claims' keys (px_claim_key) of its words, (1 + log tf) weighted, to
 * unit length; a title word gets the key of a token of the story spelt
 * alike (a word no article's text has matches no sentence anyway).  Sorted
 * by key into *out (malloc'ed); returns the entry count, *norm its length. */
static size_t headlines(const px_comparison *c, keyed **out, double *norm)
{
    px_map m = {0};
    slots words = {0};
    size_t *at = px_xmalloc((c->n + 1) * sizeof *at), nslots = 0;
    headline_words(c, &m, &words, at, &nslots);
    uint64_t *key = px_xcalloc(nslots + 1, sizeof *key);
    for (size_t a = 0; nslots && a < c->n; a++) {
        const px_analysis *an = c->analyses[a];
        for (size_t i = 0; i < an->tokens.len; i++) {
            const px_token *t = &an->tokens.items[i];
            uint64_t k = px_claim_key(t);
            uintptr_t slot = k ? (uintptr_t)px_map_get(&m, t->norm, strlen(t->norm)) : 0;
            if (slot) key[slot - 1] = k;
        }
    }
    PX_VEC(keyed) v = {0};
    for (size_t a = 0; a < c->n; a++) {
        size_t from = v.len;
        for (size_t i = at[a]; i < at[a + 1]; i++)
            if (key[words.items[i]]) {
                keyed e = {key[words.items[i]], a, 1};
                px_vec_push(&v, e);
            }
        if (v.len == from) continue; /* no title, or no word of it in the story */
        px_sort_by_key(v.items + from, v.len - from, sizeof *v.items);
        size_t n = from;
        for (size_t i = from; i < v.len; i++) { /* tf, then 1 + log tf */
            if (n > from && v.items[n - 1].key == v.items[i].key) v.items[n - 1].weight += 1;
            else v.items[n++] = v.items[i];
        }
        double sq = 0;
        for (size_t i = from; i < n; i++) {
            v.items[i].weight = 1 + log(v.items[i].weight);
            sq += v.items[i].weight * v.items[i].weight;
        }
        for (size_t i = from; i < n; i++) v.items[i].weight /= sqrt(sq);
        v.len = n;
    }
    px_sort_by_key(v.items, v.len, sizeof *v.items); /* stable: sums in article order */
    size_t n = 0;
    double sq = 0;
    for (size_t i = 0; i < v.len; i++) {
        if (n && v.items[n - 1].key == v.items[i].key) v.items[n - 1].weight += v.items[i].weight;
        else v.items[n++] = v.items[i];
    }
    for (size_t i = 0; i < n; i++) sq += v.items[i].weight * v.items[i].weight;
    *norm = sqrt(sq);
    *out = v.items;
    free(key);
    free(at);
    px_vec_free(&words);
    px_map_free(&m);
    return n;
}

/* ---- candidates ------------------------------------------------------------ */

typedef struct candidate candidate;
typedef PX_VEC(candidate) candidates;

struct candidate {
    size_t article, sentence, words;
    const char *text; /* the sentence past a dateline (px_summary_lead_in) */
    px_summary_fitness fitness;
    double base;     /* the score without support and dispute */
    double score;    /* base + support term (bound, then exact) - dispute */
    int exact;       /* citations computed */
    int done;        /* chosen or passed over */
    px_indexes cited;
    px_summary_others others; /* values outlets not cited give instead */
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

/* The highest cosine of a claim of sentence `at` (ix) to the centroid
 * (*central) and to the headline vector (*headline), whose norms are norm
 * and hnorm (0: none).  One lookup a key serves both: every headline key is
 * a claim's, so the centroid holds it (cen[].head). */
static void closeness(const px_comparison *c, const px_summary_index *ix, size_t at, const keyed *cen,
                      size_t ncen, double norm, double hnorm, double *central, double *headline)
{
    *central = *headline = 0;
    for (size_t k = ix->first[at]; norm > 0 && k < ix->first[at + 1]; k++) {
        const px_features *f = &c->claims.items[k].keys;
        double dot = 0, hdot = 0;
        for (size_t i = 0; i < f->len; i++) {
            const keyed *e = centroid_entry(cen, ncen, f->items[i].key);
            if (e) dot += f->items[i].weight * e->weight, hdot += f->items[i].weight * e->head;
        }
        if (dot / norm > *central) *central = dot / norm;
        if (hnorm > 0 && hdot / hnorm > *headline) *headline = hdot / hnorm;
    }
}

static void make_candidates(const px_comparison *c, const px_summary_index *ix, const px_summary_weights *w,
                            candidates *out)
{
    keyed *cen = NULL, *head = NULL;
    double norm = 0, hnorm = 0;
    size_t ncen = centroid(c, &cen, &norm), nhead = w->headline > 0 ? headlines(c, &head, &hnorm) : 0;
    for (size_t i = 0, j = 0; i < ncen && j < nhead;) { /* both sorted by key */
        if (cen[i].key < head[j].key) i++;
        else if (cen[i].key > head[j].key) j++;
        else cen[i++].head = head[j++].weight;
    }
    for (size_t a = 0; a < c->n; a++) {
        unsigned char *event = event_marks(c, a);
        for (size_t s = 0; s < c->articles[a]->sentences.len; s++) {
            size_t at = ix->base[a] + s;
            double central, headline;
            closeness(c, ix, at, cen, ncen, norm, nhead ? hnorm : 0, &central, &headline);
            candidate cd = {.article = a, .sentence = s};
            cd.fitness = px_summary_sentence_fitness(c, a, s);
            double voiced = 0;
            if (cd.fitness == PX_SUMMARY_VOICED && w->voiced > 0) cd.fitness = PX_SUMMARY_FIT, voiced = w->voiced;
            const char *text = c->articles[a]->sentences.items[s].text;
            cd.text = text ? text + px_summary_lead_in(text) : NULL;
            cd.words = cd.text ? px_summary_words(cd.text) : 0;
            cd.base = w->central * central + w->headline * headline + w->lead / (1.0 + (double)s) +
                      w->event * 0.5 * event[s] - voiced;
            cd.score = cd.base + support_term(c, w, support_bound(c, ix, a, s));
            px_vec_push(out, cd);
        }
        free(event);
    }
    free(cen);
    free(head);
}

/* x ranks above y: by score, scores within TIE of each other by text, then
 * by article id, so that the input order never decides (sums of floats in
 * another order differ in their last bits). */
static int above(const px_comparison *c, const candidate *x, const candidate *y)
{
    if (x->score > y->score + TIE) return 1;
    if (x->score < y->score - TIE) return 0;
    int t = strcmp(x->text ? x->text : "", y->text ? y->text : "");
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

/* A line of n words, added to `words`, would take the summary past the
 * target by more than w->over times the words still wanted. */
static int overshoots(const px_summary_weights *w, size_t words, size_t n, size_t target)
{
    if (w->over <= 0 || words + n <= target) return 0;
    return (double)(words + n - target) > w->over * (double)(words < target ? target - words : 0);
}

/* Article a was published a day or more after article b (both dated). */
static int later(const px_comparison *c, size_t a, size_t b)
{
    int32_t da = px_day_of(px_article_date(c->articles[a])), db = px_day_of(px_article_date(c->articles[b]));
    return da != PX_NO_DAY && db != PX_NO_DAY && da > db;
}

/* Other value o, of a count (a toll can change; an age, a date cannot),
 * is from an article published a day or more after article a. */
static int newer(const px_comparison *c, const px_summary_other *o, size_t a)
{
    return o->value->slot == PX_SLOT_COUNT && later(c, o->article, a);
}

/* ... or a day or more before it. */
static int older(const px_comparison *c, const px_summary_other *o, size_t a)
{
    return o->value->slot == PX_SLOT_COUNT && later(c, a, o->article);
}

/* A count of x's that a later article gives otherwise: x is out of date. */
static int superseded(const px_comparison *c, const candidate *x)
{
    for (size_t i = 0; i < x->others.len; i++)
        if (newer(c, &x->others.items[i], x->article)) return 1;
    return 0;
}

/* The line's text: the sentence, and when outlets not cited give another
 * value for one of its slots, what each gives ("... killed 12 people.
 * (Disputed: c gives “killed 14 people”.)"), in c's arena. */
static const char *noted(px_comparison *c, const candidate *x)
{
    if (!x->others.len || !x->text) return x->text;
    int updated = 1; /* every other value is from an earlier day */
    for (size_t i = 0; i < x->others.len; i++) updated &= older(c, &x->others.items[i], x->article);
    px_buf b = {0};
    px_buf_puts(&b, x->text);
    px_buf_puts(&b, updated ? " (Updated: " : " (Disputed: ");
    for (size_t i = 0; i < x->others.len; i++) {
        const px_summary_other *o = &x->others.items[i];
        int earlier = older(c, o, x->article);
        px_buf_printf(&b, "%s%s%s %s \xe2\x80\x9c%s\xe2\x80\x9d", i ? "; " : "", earlier ? "earlier, " : "",
                      c->labels[o->article], earlier ? "gave" : "gives",
                      o->value->surface ? o->value->surface : o->value->value);
    }
    px_buf_puts(&b, ".)");
    const char *text = px_arena_strdup(&c->arena, px_buf_str(&b));
    px_buf_free(&b);
    return text;
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
    size_t words = 0, story_words = 0;
    for (size_t i = 0; i < v.len; i++) story_words += v.items[i].fitness < PX_SUMMARY_NEVER ? v.items[i].words : 0;
    size_t target = (size_t)(w->share * (double)story_words + 0.5);
    if (target < w->words) target = w->words;
    if (target > MAX_SUMMARY_WORDS) target = MAX_SUMMARY_WORDS;
    size_t min_lines = w->min_lines < 1 ? 1 : w->min_lines > MAX_LINES ? MAX_LINES : w->min_lines;
    runs r = {px_xmalloc((v.len / RUN + 1) * sizeof *r.max), (v.len + RUN - 1) / RUN, PX_SUMMARY_FIT};
    for (px_summary_fitness level = PX_SUMMARY_FIT; level <= PX_SUMMARY_NEVER; level++) {
        if (level == PX_SUMMARY_NEVER && c->summary.len) break;
        if (level > PX_SUMMARY_FIT && c->summary.len >= min_lines) break;
        runs_at(&r, v.items, v.len, level);
        candidate *x;
        while (c->summary.len < MAX_LINES && !(c->summary.len >= min_lines && words >= target) &&
               (x = top(c, v.items, v.len, &r)) != NULL) {
            if (!x->exact) {
                int disputed = px_summary_cite(c, &ix, x->article, x->sentence, &x->cited, &x->others);
                x->score = x->base + support_term(c, w, px_summary_independent(c, &x->cited)) -
                           (disputed || superseded(c, x) ? w->disputed : 0);
                x->exact = 1;
                run_update(&r, v.items, v.len, (size_t)(x - v.items) / RUN);
                continue; /* back in the race with its real score */
            }
            x->done = 1;
            run_update(&r, v.items, v.len, (size_t)(x - v.items) / RUN);
            if ((c->summary.len && words + x->words > MAX_SUMMARY_WORDS) || repeats(c, &ix, v.items, x)) continue;
            if (c->summary.len >= min_lines && overshoots(w, words, x->words, target)) continue;
            px_summary_line line = {ix.first[ix.base[x->article] + x->sentence], {0}, noted(c, x)};
            line.support = x->cited;
            x->cited = (px_indexes){0};
            px_vec_push(&c->summary, line);
            words += x->words;
        }
    }
    free(r.max);
    for (size_t i = 0; i < v.len; i++) px_vec_free(&v.items[i].cited), px_vec_free(&v.items[i].others);
    px_vec_free(&v);
    px_summary_index_free(&ix);
    story_order(c);
}

px_status px_comparison_summarize(px_comparison *c, unsigned words, px_error *err)
{
    if (!c) return px_error_set(err, PX_EUSAGE, "px_comparison_summarize", 0, 0, "no comparison");
    if (words < 30 || words > MAX_SUMMARY_WORDS)
        return px_error_set(err, PX_EUSAGE, "px_comparison_summarize", 0, 0,
                            "a summary of %u words: 30 to %d", words, MAX_SUMMARY_WORDS);
    for (size_t i = 0; i < c->summary.len; i++) px_vec_free(&c->summary.items[i].support);
    c->summary.len = 0;
    px_summary_weights w = px_summary_default_weights;
    w.share = 0; /* the target is `words`, whatever the story's size */
    w.words = words;
    px_compare_summary_weighted(c, &w);
    return PX_OK;
}

void px_compare_summary(px_comparison *c)
{
    px_compare_summary_weighted(c, &px_summary_default_weights);
}
