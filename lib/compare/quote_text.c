/*
 * quote_text.c — rule quote-text: an outlet quoting words that another
 * prints as its own text (a statement, a press release, an obituary
 * reprinted without quote marks) with one word changed is a quote-wording
 * conflict: "Our whole town grieves for them" against "our whole city
 * grieves for them" written plainly.
 *
 * Design: quotes.c has grouped the story's quotations (c->quotes); each
 * quotation of TEXT_MIN_WORDS words or more is looked for in the articles
 * that do not carry it, never all sentences against all quotes.  Every
 * sentence's word 3-grams go in one index (postings sorted by key in
 * linear time); a quotation's first TEXT_STARTS 3-grams name the
 * sentences where it may start (and the sentence before each, for a run
 * crossing a sentence end), PXQ_MAX_BUCKET at most per 3-gram.  From each
 * such sentence, a window of sentences a little longer than the quote is
 * normalised (quotes.h) and slid over: a run of the text equal to the
 * quote but for exactly one word is a hit; a run equal in every word is
 * the same words, no conflict.  Hits are dropped when the other article
 * quotes those words itself (then quotes.c compared them), when the
 * change is trivial (pxq_trivial_diff: small words, abbreviations,
 * numbers), or when both words are capitalised (one name spelled two
 * ways: names.c's).  One conflict per quotation: its uses' texts
 * (pattern "quote-wording") and each article's run ("quote-text"), in
 * the articles' fixed order, so the input order changes nothing.
 *
 * Cost: linear in the text's 3-grams but for shared ones, each capped;
 * nothing at all when every article carries every quotation looked for
 * (identical articles).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/quotes.h"

static int cmp_index(const void *p, const void *q)
{
    size_t x = *(const size_t *)p, y = *(const size_t *)q;
    return (x > y) - (x < y);
}

enum {
    TEXT_MIN_WORDS = 8,    /* a quote this long, one word apart from a run of text, is that text */
    TEXT_MAX_QUOTE = 150,  /* words of the longest quote looked for */
    TEXT_MAX_WORDS = 400,  /* words of the sentences a quote is looked for in */
    TEXT_MAX_SENTENCES = 40,
    TEXT_STARTS = 4        /* the quote's first word 3-grams: where it may start */
};

typedef struct text_hit {
    size_t article, sentence;
    size_t offset;        /* the run's first word among the text's */
    const char *run;      /* the text's words the quote stands for (normalised) */
    const char *changed;  /* "-text +quote": the word that differs */
} text_hit;

/* The one run of text's words (normalised, at most TEXT_MAX_WORDS) that
 * quote's m words match with exactly one word changed; into *hit, 1 when
 * found.  A run they match whole (the same words) is no conflict: 0. */
static int one_word_in(px_comparison *c, const char *text, const char *quote, text_hit *hit)
{
    const char *wt[TEXT_MAX_WORDS + 1], *wq[TEXT_MAX_QUOTE + 1];
    size_t n = pxq_word_starts(text, wt, TEXT_MAX_WORDS), m = pxq_word_starts(quote, wq, TEXT_MAX_QUOTE + 1);
    if (m < TEXT_MIN_WORDS || m > TEXT_MAX_QUOTE || n < m) return 0;
    for (size_t o = 0; o + m <= n; o++) {
        size_t differ = 0, at = 0;
        for (size_t i = 0; i < m && differ <= 1; i++)
            if (!pxq_same_word(wt[o + i], wq[i])) differ++, at = i;
        if (differ == 0) return 0;
        if (differ > 1) continue;
        const char *end = wt[o + m - 1] + strcspn(wt[o + m - 1], " ");
        hit->run = px_arena_strndup(&c->arena, wt[o], (size_t)(end - wt[o]));
        hit->offset = o;
        char d[160];
        snprintf(d, sizeof d, "-%.*s +%.*s", (int)strcspn(wt[o + at], " "), wt[o + at],
                 (int)strcspn(wq[at], " "), wq[at]);
        hit->changed = px_arena_strdup(&c->arena, d);
        return 1;
    }
    return 0;
}

/* 1 when article a quotes, in sentences [s, e), words of the quotation (a
 * shingle of keys): its text there is a quote, not its own. */
static int quoted_there(const px_comparison *c, size_t a, size_t s, size_t e, const px_keys *keys)
{
    const px_analysis *an = c->analyses[a];
    for (size_t q = 0; q < an->quotes.len; q++) {
        const px_quote *x = &an->quotes.items[q];
        if (x->sentence_last < s || x->sentence >= e) continue;
        px_keys y = {0};
        px_quote_shingles(x->text, &y);
        px_keys_unique(&y);
        size_t shared = px_keys_shared(keys, &y);
        px_vec_free(&y);
        if (shared) return 1;
    }
    return 0;
}

/* 1 when some quotation long enough to look for is missing from some
 * article: else (every article carries every one, as two copies of one
 * article do) there is no text to look in and no index is built. */
static int some_article_lacks(const px_comparison *c)
{
    size_t *stamp = px_xcalloc(c->n ? c->n : 1, sizeof *stamp);
    px_buf qn = {0};
    int lacks = 0;
    for (size_t g = 0; g < c->quotes.len && !lacks; g++) {
        const px_story_quote *sq = &c->quotes.items[g];
        pxq_normalise(sq->text, &qn);
        const char *wq[TEXT_MAX_QUOTE + 1];
        size_t m = pxq_word_starts(px_buf_str(&qn), wq, TEXT_MAX_QUOTE + 1), carriers = 0;
        if (m < TEXT_MIN_WORDS || m > TEXT_MAX_QUOTE) continue;
        for (size_t u = 0; u < sq->uses.len; u++) {
            size_t a = sq->uses.items[u].article;
            if (stamp[a] != g + 1) stamp[a] = g + 1, carriers++;
        }
        lacks = carriers < c->n;
    }
    px_buf_free(&qn);
    free(stamp);
    return lacks;
}

/* The rule (see the top of the file): conflicts appended to c->conflicts. */
void px_compare_quote_texts(px_comparison *c)
{
    if (!some_article_lacks(c)) return;
    PX_VEC(px_posting) grams = {0};
    PX_VEC(size_t) where = {0}; /* posting ref -> article << 32 | sentence */
    px_keys k = {0};
    for (size_t a = 0; a < c->n; a++)
        for (size_t s = 0; s < px_article_sentence_count(c->articles[a]); s++) {
            k.len = 0;
            px_quote_shingles(px_article_sentence(c->articles[a], s, NULL, NULL, NULL), &k);
            px_keys_unique(&k);
            for (size_t i = 0; i < k.len; i++) {
                px_posting p = {k.items[i], where.len};
                px_vec_push(&grams, p);
            }
            px_vec_push(&where, (size_t)a << 32 | s);
        }
    /* refs were pushed ascending, so a stable sort by key is the (key, ref)
     * order px_posting_cmp gives, in linear time */
    px_sort_by_key(grams.items, grams.len, sizeof *grams.items);
    px_buf qn = {0}, tn = {0}, raw = {0}, qw_buf = {0};
    size_t groups = c->quotes.len;
    for (size_t g = 0; g < groups; g++) {
        const px_story_quote *sq = &c->quotes.items[g];
        pxq_normalise(sq->text, &qn);
        const char *wq[TEXT_MAX_QUOTE + 1];
        size_t m = pxq_word_starts(px_buf_str(&qn), wq, TEXT_MAX_QUOTE + 1);
        if (m < TEXT_MIN_WORDS || m > TEXT_MAX_QUOTE) continue;
        k.len = 0;
        px_quote_shingles(sq->text, &k); /* in text order: the first ones are where it starts */
        PX_VEC(size_t) cand = {0};
        for (size_t i = 0; i < k.len && i < TEXT_STARTS; i++) {
            size_t lo, hi;
            px_compare_run(grams.items, grams.len, sizeof *grams.items, k.items[i], &lo, &hi);
            for (size_t x = lo; x < hi && x - lo < PXQ_MAX_BUCKET; x++) {
                size_t r = grams.items[x].ref;
                px_vec_push(&cand, r);
                if ((where.items[r] & 0xffffffffu) > 0) px_vec_push(&cand, r - 1); /* it may start a sentence before */
            }
        }
        px_keys_unique(&k);
        if (cand.len) qsort(cand.items, cand.len, sizeof *cand.items, cmp_index);
        PX_VEC(text_hit) hits = {0};
        size_t last_article = SIZE_MAX;
        for (size_t i = 0; i < cand.len; i++) {
            if (i && cand.items[i] == cand.items[i - 1]) continue;
            size_t a = where.items[cand.items[i]] >> 32, s = where.items[cand.items[i]] & 0xffffffffu;
            int carries = 0;
            for (size_t u = 0; u < sq->uses.len; u++) carries |= sq->uses.items[u].article == a;
            if (carries || a == last_article) continue;
            px_buf_reset(&raw);
            size_t e = s, spaces = 0; /* sentences [s, e): the quote's words and a few more */
            for (; e < px_article_sentence_count(c->articles[a]) && e < s + TEXT_MAX_SENTENCES && spaces < m + 20; e++) {
                const char *st = px_article_sentence(c->articles[a], e, NULL, NULL, NULL);
                for (const char *p = st; *p; p++) spaces += *p == ' ';
                px_buf_printf(&raw, "%s%s", e > s ? " " : "", st);
            }
            if (quoted_there(c, a, s, e, &k)) continue;
            pxq_normalise(px_buf_str(&raw), &tn);
            text_hit h = {a, s, 0, NULL, NULL};
            if (!one_word_in(c, px_buf_str(&tn), px_buf_str(&qn), &h)) continue;
            for (size_t seen = 0; h.sentence + 1 < e; h.sentence++) { /* the sentence the run starts in */
                const char *ws[TEXT_MAX_WORDS];
                pxq_normalise(px_article_sentence(c->articles[a], h.sentence, NULL, NULL, NULL), &qw_buf);
                seen += pxq_word_starts(px_buf_str(&qw_buf), ws, TEXT_MAX_WORDS);
                if (seen > h.offset) break;
            }
            if (pxq_trivial_diff(h.changed, px_buf_str(&qn), 0)) continue;
            const char *tw = h.changed + 1, *qw = strchr(h.changed, '+') + 1;
            if (pxq_capitalised_in(tw, strcspn(tw, " "), px_buf_str(&raw)) && pxq_capitalised_in(qw, strlen(qw), sq->text))
                continue; /* one name spelled two ways: names.c's */
            px_vec_push(&hits, h);
            last_article = a;
        }
        if (hits.len) {
            char subject[64];
            snprintf(subject, sizeof subject, "%.*s", (int)px_utf8_prefix(sq->text, 60), sq->text);
            px_conflict kc = {.kind = PX_CONFLICT_QUOTE_WORDING, .slot = PX_SLOT_QUOTE_WORDING,
                              .judgment = PX_JUDGE_CONFLICT, .subject = px_arena_strdup(&c->arena, subject),
                              .entity = sq->speaker};
            for (size_t u = 0; u < sq->uses.len; u++) {
                const px_quote *q = pxq_quote_of(c, &sq->uses.items[u]);
                px_value v = {sq->uses.items[u].article, q->sentence, sq->text, q->text, "quote-wording", 0};
                if (!pxq_has_value(&kc, v.article, v.value)) px_vec_push(&kc.values, v);
            }
            for (size_t h = 0; h < hits.len; h++) {
                px_value v = {hits.items[h].article, hits.items[h].sentence, hits.items[h].run,
                              px_article_sentence(c->articles[hits.items[h].article], hits.items[h].sentence, NULL, NULL, NULL),
                              "quote-text", 0};
                px_vec_push(&kc.values, v);
            }
            pxq_order_values(c, &kc);
            px_vec_push(&c->conflicts, kc);
        }
        px_vec_free(&hits);
        px_vec_free(&cand);
    }
    px_vec_free(&k);
    px_vec_free(&grams);
    px_vec_free(&where);
    px_buf_free(&qn);
    px_buf_free(&tn);
    px_buf_free(&raw);
    px_buf_free(&qw_buf);
}
