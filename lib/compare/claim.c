/*
 * claim.c — every sentence of every article becomes a claim (or several)
 * with the keys that alignment compares.
 *
 * A sentence that carries two statements joined by "; ", " but ",
 * ", while ", ", although " or ", whereas " is split there, outside
 * quotations and only when both sides have at least CLAUSE_WORDS words:
 * "Earnest declined to comment on X but acknowledged Y" reports two facts,
 * and an outlet may carry one of them without the other.
 *
 * Keys are the first PREFIX bytes of each content word's Snowball stem, and
 * numbers as written.  Stems alone miss derivations that news paraphrase
 * lives on ("coordination" / "coordinating" share the stem "coordin", but
 * "military" / "militarily" stem to "militari" / "militarili", "advisor" /
 * "adviser" to "advisor" / "advis"); a five-byte prefix joins all of those,
 * and the story-level idf keeps the few false joins it makes cheap.
 *
 * Weights are (1 + log tf) * idf, where idf counts claims of the story
 * (not articles): a word in every sentence of a story says nothing about
 * which sentences match.
 *
 * Claims also get a fixed order that input order does not change
 * (c->claim_rank: by article date, id and title, then place in the
 * article); the later stages break ties by it, so the comparison is the
 * same whatever order the articles are given in.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"

enum { PREFIX = 5, CLAUSE_WORDS = 6, MAX_CLAUSES = 8 };

uint64_t px_claim_key(const px_token *t)
{
    if (t->kind == PX_TOKEN_NUMBER) return px_hash(t->norm, strlen(t->norm)) ^ 0x9e3779b97f4a7c15ULL; /* apart from words */
    size_t n = t->kind == PX_TOKEN_WORD && !t->stop ? strlen(t->stem) : 0;
    return n >= 2 ? px_hash(t->stem, n < PREFIX ? n : PREFIX) : 0;
}

static void claim_keys(px_claim *cl, const px_analysis *an, size_t *cursor)
{
    while (*cursor < an->tokens.len && (an->tokens.items[*cursor].sentence < cl->sentence ||
                                        (an->tokens.items[*cursor].sentence == cl->sentence &&
                                         an->tokens.items[*cursor].start < cl->start)))
        (*cursor)++;
    for (; *cursor < an->tokens.len && an->tokens.items[*cursor].sentence == cl->sentence &&
           an->tokens.items[*cursor].start < cl->end;
         (*cursor)++) {
        uint64_t key = px_claim_key(&an->tokens.items[*cursor]);
        if (!key) continue;
        px_feature f = {key, 1.0f, 0};
        px_vec_push(&cl->keys, f);
    }
}

static int cmp_feature(const void *x, const void *y)
{
    uint64_t a = ((const px_feature *)x)->key, b = ((const px_feature *)y)->key;
    return a < b ? -1 : a > b;
}

/* Sorts a claim's keys, merging repeats into tf. */
static void merge(px_features *f)
{
    if (!f->len) return;
    qsort(f->items, f->len, sizeof *f->items, cmp_feature);
    size_t out = 0;
    for (size_t i = 1; i < f->len; i++) {
        if (f->items[i].key == f->items[out].key) f->items[out].tf += 1.0f;
        else f->items[++out] = f->items[i];
    }
    f->len = out + 1;
}

/* The first mention of the analysis' mention index in sentence s or
 * later (the index is in text order). */
static size_t first_mention(const px_analysis *an, size_t s)
{
    size_t lo = 0, hi = an->mention_index.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (an->mention_index.items[mid].mention.sentence < s) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static void claim_entities(px_claim *cl, const px_analysis *an)
{
    for (size_t i = first_mention(an, cl->sentence); i < an->mention_index.len; i++) {
        const px_mention_ref *r = &an->mention_index.items[i];
        if (r->mention.sentence > cl->sentence) break;
        if (r->mention.start < cl->start || r->mention.start >= cl->end) continue;
        const char *name = an->entities.items[r->entity].pub.name;
        px_vec_push(&cl->entities, px_fold_hash(name, strlen(name)));
    }
    px_keys_unique(&cl->entities);
}

/* Quotes are in text order and do not overlap, so those starting in the
 * claim's sentence follow the first quote starting there or later, and
 * those running into it from before are just before that one. */
static void claim_quotes(px_claim *cl, const px_analysis *an)
{
    size_t lo = 0, hi = an->quotes.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (an->quotes.items[mid].sentence < cl->sentence) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i-- > 0 && an->quotes.items[i].sentence_last >= cl->sentence;)
        px_quote_shingles(an->quotes.items[i].text, &cl->quotes);
    for (size_t i = lo; i < an->quotes.len && an->quotes.items[i].sentence == cl->sentence; i++) {
        const px_quote *q = &an->quotes.items[i];
        if (q->start >= cl->start && q->start < cl->end) px_quote_shingles(q->text, &cl->quotes);
    }
    px_keys_unique(&cl->quotes);
}

/* idf over the story's claims; then each claim's vector to unit length. */
static void weigh(px_comparison *c)
{
    px_idf idf = {0};
    for (size_t i = 0; i < c->claims.len; i++) {
        px_profile p = {.terms = c->claims.items[i].keys};
        px_idf_add(&idf, &p);
    }
    for (size_t i = 0; i < c->claims.len; i++) {
        px_features *f = &c->claims.items[i].keys;
        double norm = 0;
        for (size_t k = 0; k < f->len; k++) {
            f->items[k].weight = (1.0f + logf(f->items[k].tf)) * (float)px_idf_weight(&idf, f->items[k].key);
            norm += (double)f->items[k].weight * f->items[k].weight;
        }
        norm = sqrt(norm);
        for (size_t k = 0; norm > 0 && k < f->len; k++) f->items[k].weight /= (float)norm;
    }
    px_idf_free(&idf);
}

static size_t words_in(const char *s, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += s[i] != ' ' && (i == from || s[i - 1] == ' ');
    return n;
}

/* Byte offsets where s splits into clauses (see the top of the file):
 * cut[0] = 0, ..., cut[n] = strlen(s).  Returns n, the clause count. */
static size_t clauses(const char *s, size_t *cut)
{
    static const char *const joins[] = {"; ", " but ", ", while ", ", although ", ", whereas "};
    size_t len = strlen(s), n = 0;
    int quoted = 0;
    cut[0] = 0;
    for (size_t i = 0; i < len && n + 1 < MAX_CLAUSES; i++) {
        if (s[i] == '"' || ((unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                            ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D)))
            quoted = !quoted;
        if (quoted) continue;
        if (s[i] != ';' && s[i] != ' ' && s[i] != ',') continue; /* how every join opens */
        for (size_t k = 0; k < sizeof joins / sizeof *joins; k++) {
            size_t m = strlen(joins[k]);
            if (s[i] != joins[k][0] || strncmp(s + i, joins[k], m) != 0) continue;
            size_t at = i + (joins[k][0] == ';' || joins[k][0] == ',' ? 2 : 1);
            if (words_in(s, cut[n], i) >= CLAUSE_WORDS && words_in(s, at, len) >= CLAUSE_WORDS)
                cut[++n] = at;
            break;
        }
    }
    cut[++n] = len;
    return n;
}

/* Articles in a fixed order that input order does not change: by date,
 * then id, then title (input order last). */
typedef struct article_key {
    const char *date, *id, *title;
    size_t article;
} article_key;

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int cmp_article_key(const void *x, const void *y)
{
    const article_key *a = x, *b = y;
    int d = cmp_str(a->date, b->date);
    if (!d) d = cmp_str(a->id, b->id);
    if (!d) d = cmp_str(a->title, b->title);
    if (d) return d;
    return a->article < b->article ? -1 : a->article > b->article;
}

/* Each claim's place in the fixed order: its article's place, then its
 * own place in the article (claims are in article order). */
static size_t *claim_order(px_comparison *c)
{
    article_key *k = px_xmalloc(c->n * sizeof *k);
    for (size_t a = 0; a < c->n; a++)
        k[a] = (article_key){c->articles[a]->date, c->articles[a]->id, c->articles[a]->title, a};
    qsort(k, c->n, sizeof *k, cmp_article_key);
    c->article_rank = px_xmalloc(c->n * sizeof *c->article_rank);
    for (size_t r = 0; r < c->n; r++) c->article_rank[k[r].article] = r;
    size_t *first = px_xcalloc(c->n + 1, sizeof *first), *count = px_xcalloc(c->n, sizeof *count);
    for (size_t i = 0; i < c->claims.len; i++) count[c->claims.items[i].article]++;
    for (size_t r = 0; r < c->n; r++) first[r + 1] = first[r] + count[k[r].article];
    size_t *place_of_article = px_xmalloc(c->n * sizeof *place_of_article);
    for (size_t r = 0; r < c->n; r++) place_of_article[k[r].article] = first[r];
    size_t *order = px_xmalloc((c->claims.len ? c->claims.len : 1) * sizeof *order);
    for (size_t i = 0; i < c->claims.len; i++) order[i] = place_of_article[c->claims.items[i].article]++;
    free(place_of_article);
    free(first);
    free(count);
    free(k);
    return order;
}

void px_compare_claims(px_comparison *c)
{
    for (size_t a = 0; a < c->n; a++) {
        const px_article *art = c->articles[a];
        const px_analysis *an = c->analyses[a];
        size_t cursor = 0;
        for (size_t s = 0; s < art->sentences.len; s++) {
            const char *text = art->sentences.items[s].text;
            size_t cut[MAX_CLAUSES + 1], n = clauses(text, cut);
            for (size_t k = 0; k < n; k++) {
                px_claim cl = {.article = a, .sentence = s, .start = cut[k], .end = cut[k + 1]};
                cl.text = text;
                if (n > 1) {
                    size_t e = cut[k + 1];
                    while (e > cut[k] && (text[e - 1] == ' ' || text[e - 1] == ';' || text[e - 1] == ','))
                        e--;
                    cl.text = px_arena_strndup(&c->arena, text + cut[k], e - cut[k]);
                }
                claim_keys(&cl, an, &cursor);
                merge(&cl.keys);
                claim_entities(&cl, an);
                claim_quotes(&cl, an);
                px_vec_push(&c->claims, cl);
            }
        }
    }
    weigh(c);
    c->claim_rank = claim_order(c);
}
