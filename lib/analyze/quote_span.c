/*
 * quote_span.c — whether a quote is partial.
 *
 * A full quote is a quoted sentence: nothing of the reporter's before it
 * but an introduction ending in a colon or comma (`Rice said, "We ..."`),
 * and it ends like a sentence or clause (its text ends in . ! ? , ; : …
 * or a dash, or only punctuation follows the closing mark).  Anything else
 * is a fragment woven into the reporter's syntax: `declined to comment on
 * "private correspondence ..."`, `called it "a disgrace"`, `"Rigged" is how
 * he put it`.  Comparing outlets needs the difference: a fragment is the
 * reporter's choice of words to quote, a full quote the speaker's sentence.
 */
#include <string.h>

#include "analyze/quote.h"

static int ends_clause(const char *text)
{
    size_t n = strlen(text);
    for (;;) { /* past a nested quote's end: ...legislation,' */
        if (n && (text[n - 1] == '\'' || text[n - 1] == ' ')) n--;
        else if (n >= 3 && !memcmp(text + n - 3, "\xe2\x80\x99", 3)) n -= 3;
        else break;
    }
    if (!n) return 0;
    if (strchr(".!?,;:-", text[n - 1])) return 1;
    static const char *const marks[] = {"\xe2\x80\xa6", "\xe2\x80\x94", "\xe2\x80\x93", NULL};
    for (const char *const *m = marks; *m; m++) {
        size_t k = strlen(*m);
        if (n >= k && !memcmp(text + n - k, *m, k)) return 1;
    }
    return 0;
}

static int clause_punct(const px_token *t)
{
    static const char *const marks[] = {",", ".", ";", ":", "!", "?", "-", "\xe2\x80\x94",
                                        "\xe2\x80\x93", ")", NULL};
    return px_tok_in(t, marks);
}

/* Only an introduction before the mark: nothing, or text ending in : or ,. */
static int introduced(px_toks t0, size_t open_tok)
{
    if (open_tok == 0) return 1;
    const px_token *before = &t0.t[open_tok - 1];
    if (px_tok_is(before, ":") || px_tok_is(before, ",")) return 1;
    for (size_t i = 0; i < open_tok; i++) /* "(" or "—" before it */
        if (t0.t[i].kind != PX_TOKEN_PUNCT) return 0;
    return 1;
}

int px_quote_partial(const px_quote *q, px_toks t0, size_t open_tok, px_toks t1,
                     size_t after_close)
{
    if (!introduced(t0, open_tok)) return 1;
    if (after_close == (size_t)-1 || q->sentence_last > q->sentence) return 0;
    if (ends_clause(q->text)) return 0;
    if (after_close >= 2 && clause_punct(&t1.t[after_close - 2])) return 0; /* ...," he said */
    return !(after_close >= t1.n || clause_punct(&t1.t[after_close]));
}
