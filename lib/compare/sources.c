/*
 * sources.c — where each article got its information, and which articles
 * are near-copies of others.
 *
 * Citations are the analysis's attributions ("Reuters reported", the
 * dateline's wire tag), per article, each source once.
 *
 * Syndication: a pair is a copy when the simhashes of their word 4-grams
 * differ in at most NEAR bits, or when at least OVERLAP of the shorter
 * article's 4-gram shingles occur in the longer (a wire story run with a
 * paragraph cut still shares nearly all of its shingles).  Of the two, the
 * original is the earlier by date, else the longer, else the first given.
 */
#include <string.h>
#include <strings.h>

#include "compare/compare.h"
#include "story/similarity.h"

#define NEAR 3
#define OVERLAP 0.8

static void citations(px_comparison *c)
{
    for (size_t a = 0; a < c->n; a++) {
        const px_analysis *an = c->analyses[a];
        size_t first = c->citations.len;
        for (size_t i = 0; i < an->attributions.len; i++) {
            const px_attribution *t = &an->attributions.items[i];
            int seen = 0;
            for (size_t k = first; k < c->citations.len && !seen; k++)
                seen = strcasecmp(c->citations.items[k].source, t->source) == 0;
            if (seen) continue;
            px_citation ci = {a, t->source, t->cue, t->sentence};
            px_vec_push(&c->citations, ci);
        }
    }
}

static void shingles(const px_analysis *an, px_keys *out)
{
    px_body_shingles(an, out);
    px_keys_unique(out);
}

/* 1 when article x is the original of the pair (x, y). */
static int is_original(const px_comparison *c, size_t x, size_t y, const px_keys *sx, const px_keys *sy)
{
    int32_t dx = px_day_of(c->articles[x]->date), dy = px_day_of(c->articles[y]->date);
    if (dx != PX_NO_DAY && dy != PX_NO_DAY && dx != dy) return dx < dy;
    if (sx->len != sy->len) return sx->len > sy->len;
    return x < y;
}

static void syndication(px_comparison *c)
{
    px_keys *sh = px_xcalloc(c->n, sizeof *sh);
    for (size_t a = 0; a < c->n; a++) shingles(c->analyses[a], &sh[a]);
    for (size_t a = 0; a < c->n; a++)
        for (size_t b = a + 1; b < c->n; b++) {
            int distance = px_simhash_distance(c->profiles[a].simhash, c->profiles[b].simhash);
            size_t smaller = sh[a].len < sh[b].len ? sh[a].len : sh[b].len;
            double overlap = smaller ? (double)px_keys_shared(&sh[a], &sh[b]) / (double)smaller : 0;
            if (!smaller || (distance > NEAR && overlap < OVERLAP)) continue;
            int a_first = is_original(c, a, b, &sh[a], &sh[b]);
            px_copy cp = {a_first ? b : a, a_first ? a : b, distance, overlap};
            px_vec_push(&c->copies, cp);
        }
    for (size_t a = 0; a < c->n; a++) px_vec_free(&sh[a]);
    free(sh);
}

void px_compare_sources(px_comparison *c)
{
    citations(c);
    syndication(c); /* reads c->profiles, made for the similarity matrix */
}
