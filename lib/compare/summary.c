/*
 * summary.c — a short neutral summary whose every sentence names its
 * sources.
 *
 * Extractive: the sentences are the articles' own, one per fact, taken from
 * facts that at least two articles support, the best-supported first
 * (consensus before shared; earlier in the articles before later, since
 * news puts what matters first).  Left out: one-outlet claims (they are in
 * the per-outlet additions), sentences that are mostly a quotation (a
 * summary speaks in its own voice), very short or very long sentences, and
 * sentences with loaded words (LOADED below: words that judge rather than
 * report).  Of a fact's claims, the one said most plainly stands for it:
 * the least quoted, then the shortest.  Redundancy: a fact whose sentence is too close to one already
 * chosen (cosine of claim keys >= REDUNDANT) is skipped.  The chosen
 * sentences are then put in story order: the order of the first article
 * that supports them.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdint.h>

#include "compare/compare.h"
#include "story/similarity.h"

#define MAX_LINES 6
#define REDUNDANT 0.5
#define MIN_WORDS 6
#define MAX_WORDS 60

static const char *const LOADED[] = {
    "slammed", "slams", "blasted", "blasts", "lashed", "ripped", "mocked", "fumed",
    "outrageous", "disgraceful", "shocking", "radical", "extremist", "regime", "so-called",
    "notorious", "infamous", "brutal", "disastrous", "pathetic", "hysterical", "bombshell",
    "caved", "backtracked", "meltdown", "scandal", "flip-flopped", "gaffe",
};

static size_t word_count(const char *s)
{
    size_t n = 0;
    for (int in = 0; *s; s++) {
        int w = *s != ' ';
        n += w && !in;
        in = w;
    }
    return n;
}

static int letter(char ch)
{
    return ((ch | 32) >= 'a' && (ch | 32) <= 'z') || ch == '-';
}

static int loaded(const char *s)
{
    for (const char *p = s; *p;) {
        while (*p && !letter(*p)) p++;
        const char *w = p;
        while (*p && letter(*p)) p++;
        size_t n = (size_t)(p - w);
        for (size_t i = 0; n && i < sizeof LOADED / sizeof *LOADED; i++)
            if (strlen(LOADED[i]) == n && strncasecmp(w, LOADED[i], n) == 0) return 1;
    }
    return 0;
}

/* Share of the sentence's bytes inside quotation marks. */
static double quoted_share(const char *s)
{
    size_t inside = 0, total = strlen(s);
    int open = 0;
    for (size_t i = 0; s[i]; i++) {
        int mark = s[i] == '"';
        if (!mark && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D)) {
            mark = 1;
            i += 2;
        }
        if (mark) open = !open;
        else inside += open;
    }
    return total ? (double)inside / (double)total : 0;
}

static int plain(const char *s)
{
    size_t w = word_count(s);
    return w >= MIN_WORDS && w <= MAX_WORDS && !loaded(s) && quoted_share(s) < 0.5;
}

/* The fact's claim to put in a summary, or SIZE_MAX when none fits. */
static size_t summary_claim(const px_comparison *c, const px_fact *f)
{
    size_t best = SIZE_MAX;
    double best_q = 2;
    size_t best_w = SIZE_MAX;
    if (f->support.len < 2) return SIZE_MAX;
    size_t *byrank = px_xmalloc(f->claims.len * sizeof *byrank); /* the claims in fixed order */
    for (size_t i = 0; i < f->claims.len; i++) byrank[i] = f->claims.items[i];
    for (size_t i = 1; i < f->claims.len; i++)
        for (size_t j = i; j > 0 && c->claim_rank[byrank[j - 1]] > c->claim_rank[byrank[j]]; j--) {
            size_t t = byrank[j];
            byrank[j] = byrank[j - 1], byrank[j - 1] = t;
        }
    for (size_t i = 0; i < f->claims.len; i++) {
        const char *s = c->claims.items[byrank[i]].text;
        if (!plain(s)) continue;
        double q = quoted_share(s);
        size_t w = word_count(s);
        if (q < best_q - 0.05 || (q < best_q + 0.05 && w < best_w))
            best = byrank[i], best_q = q, best_w = w;
    }
    free(byrank);
    return best;
}

static int redundant(const px_comparison *c, size_t claim)
{
    for (size_t i = 0; i < c->summary.len; i++)
        if (px_features_cosine(&c->claims.items[c->summary.items[i].claim].keys,
                               &c->claims.items[claim].keys) >= REDUNDANT)
            return 1;
    return 0;
}

/* Earliest position of the fact in any article, as a fraction of it. */
static double position(const px_comparison *c, const px_fact *f)
{
    double best = 1;
    for (size_t i = 0; i < f->claims.len; i++) {
        const px_claim *cl = &c->claims.items[f->claims.items[i]];
        size_t n = c->articles[cl->article]->sentences.len;
        double p = n ? (double)cl->sentence / (double)n : 0;
        if (p < best) best = p;
    }
    return best;
}

typedef struct candidate {
    size_t fact, claim;
    double score;
} candidate;

static int cmp_candidate(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    return a->fact < b->fact ? -1 : a->fact > b->fact;
}

/* Where a summary line's fact stands in the first article (in the fixed
 * order of claim.c, not input order) that supports it: the fixed place of
 * its earliest claim, so lines sort in story order. */
static uint64_t story_order(const px_comparison *c, const px_summary_line *line)
{
    const px_fact *f = &c->facts.items[c->claims.items[line->claim].fact];
    size_t first = SIZE_MAX;
    for (size_t i = 0; i < f->claims.len; i++)
        if (c->claim_rank[f->claims.items[i]] < first) first = c->claim_rank[f->claims.items[i]];
    return first;
}

void px_compare_summary(px_comparison *c)
{
    PX_VEC(candidate) cands = {0};
    for (size_t k = 0; k < c->facts.len; k++) {
        const px_fact *f = &c->facts.items[k];
        size_t claim = summary_claim(c, f);
        if (claim == SIZE_MAX) continue;
        candidate cd = {k, claim, (double)f->support.len - position(c, f)};
        px_vec_push(&cands, cd);
    }
    if (cands.len) qsort(cands.items, cands.len, sizeof *cands.items, cmp_candidate);
    for (size_t i = 0; i < cands.len && c->summary.len < MAX_LINES; i++) {
        const px_fact *f = &c->facts.items[cands.items[i].fact];
        if (redundant(c, cands.items[i].claim)) continue;
        px_summary_line line = {cands.items[i].claim, {0}};
        for (size_t k = 0; k < f->support.len; k++) px_vec_push(&line.support, f->support.items[k]);
        px_vec_push(&c->summary, line);
    }
    px_vec_free(&cands);
    for (size_t i = 1; i < c->summary.len; i++) { /* insertion sort: at most MAX_LINES */
        px_summary_line t = c->summary.items[i];
        size_t j = i;
        while (j > 0 && story_order(c, &c->summary.items[j - 1]) > story_order(c, &t)) {
            c->summary.items[j] = c->summary.items[j - 1];
            j--;
        }
        c->summary.items[j] = t;
    }
}
