/*
 * quote_tokens.c — token helpers for the quote and attribution finders:
 * the tokens of one sentence, and small tests on a token.
 *
 * The analysis keeps all tokens in one vector sorted by sentence, so a
 * sentence's tokens are a slice found by two binary searches; nothing is
 * copied.  Word tests compare the folded form (px_token.norm), so "Said"
 * at the start of a sentence is the word "said".
 */
#include <string.h>

#include "analyze/quote.h"

/* The first token of a sentence >= s. */
static size_t first_token(const px_analysis *an, size_t s)
{
    size_t lo = 0, hi = an->tokens.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (an->tokens.items[mid].sentence < s) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

px_toks px_sentence_toks(const px_analysis *an, size_t s)
{
    size_t i = first_token(an, s), j = first_token(an, s + 1);
    return (px_toks){an->tokens.items ? an->tokens.items + i : NULL, j - i};
}

int px_tok_is(const px_token *t, const char *w) { return !strcmp(t->norm, w); }

int px_tok_in(const px_token *t, const char *const *words)
{
    for (; *words; words++)
        if (!strcmp(t->norm, *words)) return 1;
    return 0;
}

int px_tok_qmark(const px_token *t)
{
    px_qmark m;
    return t->kind == PX_TOKEN_PUNCT && px_qmark_at(t->norm, strlen(t->norm), 0, &m);
}

int px_tok_capital(const px_article *a, const px_token *t)
{
    const char *text = a->sentences.items[t->sentence].text + t->start;
    size_t i = 0, j = 0, n = t->end - t->start, m = strlen(t->norm);
    if (!n || !m) return 0;
    return px_utf8_next(text, n, &i) != px_utf8_next(t->norm, m, &j);
}
