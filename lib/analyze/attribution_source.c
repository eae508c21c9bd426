/*
 * attribution_source.c — the source span of an attribution cue.
 *
 * A source is a name: "Reuters", "the Wall Street Journal", "The New York
 * Times", "Bank of America" — capitalized words, joined by a few lower-case
 * connectors (of, and, &, for), with a leading "the" kept as written.
 * After "according to" and "citing" a source may also be unnamed
 * ("diplomatic sources", "reports"): up to four lower-case words that end
 * the clause.  "according to Thursday's report in the Wall Street Journal"
 * credits the Journal, so a report noun followed by in/by/from is skipped.
 *
 * Spans are token ranges [start, end) of one sentence, bounded in length.
 */
#include <string.h>

#include "analyze/attribution.h"

enum { MAX_SOURCE = 8, MAX_UNNAMED = 4, MAX_REPORT_NOUN = 4 };

static int connector(const px_token *t)
{
    static const char *const words[] = {"of", "and", "&", "for", "de", "du", "la", NULL};
    return px_tok_in(t, words);
}

static int article_word(const px_token *t)
{
    return px_tok_is(t, "the") || px_tok_is(t, "a") || px_tok_is(t, "an");
}

static int report_noun(const px_token *t)
{
    static const char *const words[] = {
        "report", "reports", "article", "story", "interview", "statement", "editorial",
        "column", "broadcast", "investigation", "analysis", "poll", "survey", "study",
        "documents", "data", "figures", "post", "tweet", "letter", "memo", "filing",
        "reporting", "estimates", "count", "tally", NULL};
    return px_tok_in(t, words);
}

static int report_link(const px_token *t)
{
    static const char *const words[] = {"in", "by", "from", "on", "at", "with", "of", NULL};
    return px_tok_in(t, words);
}

static int is_name_word(const px_article *a, const px_token *t)
{
    return t->kind == PX_TOKEN_WORD && px_tok_capital(a, t);
}

/* The capitalized run from i: [i, end) with inner connectors, trailing
 * connectors left out. */
static size_t name_run(const px_article *a, px_toks t, size_t i)
{
    size_t end = i, j = i;
    while (j < t.n && j - i < MAX_SOURCE) {
        if (is_name_word(a, &t.t[j])) end = ++j;
        else if (connector(&t.t[j]) && j > i) j++;
        else break;
    }
    return end;
}

/* An unnamed source from i: lower-case words up to the end of the clause. */
static size_t unnamed_run(px_toks t, size_t i)
{
    size_t j = i;
    while (j < t.n && j - i < MAX_UNNAMED && t.t[j].kind == PX_TOKEN_WORD) j++;
    if (j == i) return i;
    if (j < t.n && t.t[j].kind != PX_TOKEN_PUNCT) return i; /* the clause goes on */
    return j;
}

px_span px_source_after(const px_article *a, px_toks t, size_t i, int unnamed_ok)
{
    for (size_t k = i; k < t.n && k < i + MAX_REPORT_NOUN; k++) /* "...'s report in X" */
        if (report_noun(&t.t[k]) && k + 1 < t.n && report_link(&t.t[k + 1])) {
            i = k + 2;
            break;
        }
    size_t s = i;
    if (s < t.n && article_word(&t.t[s])) s++;
    size_t e = name_run(a, t, s);
    if (e > s) return (px_span){px_tok_is(&t.t[i], "the") ? i : s, e};
    if (!unnamed_ok) return (px_span){0, 0};
    e = unnamed_run(t, i);
    return (px_span){i, e};
}

px_span px_source_before(const px_article *a, px_toks t, size_t v)
{
    size_t e = v;
    while (e > 0 && px_cue_skippable(&t.t[e - 1]) && !is_name_word(a, &t.t[e - 1])) e--;
    size_t s = e;
    while (s > 0 && e - s < MAX_SOURCE &&
           (is_name_word(a, &t.t[s - 1]) || (connector(&t.t[s - 1]) && s < e)))
        s--;
    while (s < e && connector(&t.t[s])) s++;
    if (s == e) return (px_span){0, 0};
    if (s > 0 && px_tok_is(&t.t[s - 1], "the")) s--;
    return (px_span){s, e};
}
