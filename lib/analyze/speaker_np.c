/*
 * speaker_np.c — the entity of a speaker span.
 *
 * A span is a few tokens ("White House Press Secretary Josh Earnest",
 * "the spokesman", "he").  Each word is looked up with px_entity_at(), the
 * entity finder's own answer, so a pronoun or a role counts only when the
 * entity finder resolved it; nothing is invented here.  A span can hold
 * several entities ("White House" and "Josh Earnest"): a person wins, as
 * speakers are people far more often than organizations; among equals the
 * one nearest the verb wins.  Words in parentheses are skipped: "Zoe
 * Lofgren (D-Calif.)" is not spoken by California.
 */
#include "analyze/quote.h"

static long type_of(const px_analysis *an, long e)
{
    return e >= 0 && (size_t)e < an->entities.len ? (long)an->entities.items[e].pub.type : -1;
}

/* A place named before another word of the span modifies it: "the Texas
 * governor" is not spoken by Texas. */
static int modifier(const px_analysis *an, size_t s, px_toks toks, size_t k, size_t j, long e)
{
    if (type_of(an, e) != PX_ENTITY_PLACE) return 0;
    for (size_t x = k + 1; x < j; x++) {
        const px_token *t = &toks.t[x];
        if (t->kind != PX_TOKEN_WORD) return 0;
        if (px_entity_at(an, s, t->start, t->end) != e) return 1;
    }
    return 0;
}

long px_np_entity(const px_analysis *an, size_t s, px_toks toks, size_t i, size_t j,
                  int from_right)
{
    long person = -1, other = -1;
    int depth = 0; /* parentheses around the current token */
    if (j > toks.n) j = toks.n;
    for (size_t x = 0; i + x < j; x++) {
        size_t k = from_right ? j - 1 - x : i + x;
        const px_token *t = &toks.t[k];
        if (px_tok_is(t, from_right ? ")" : "(")) depth++;
        else if (px_tok_is(t, from_right ? "(" : ")") && depth > 0) depth--;
        if (t->kind != PX_TOKEN_WORD || depth > 0) continue;
        long e = px_entity_at(an, s, t->start, t->end);
        if (e < 0 || modifier(an, s, toks, k, j, e)) continue;
        if (type_of(an, e) == PX_ENTITY_PERSON) {
            person = e;
            break;
        }
        if (other < 0) other = e;
    }
    return person >= 0 ? person : other;
}

static int in_list(const px_token *t, const char *const *list)
{
    for (; *list; list++)
        if (px_tok_is(t, *list)) return 1;
    return 0;
}

/* Where the main clause starts: after an opening "Asked whether ...," or
 * "In Washington,". */
static size_t clause_start(px_toks toks, size_t hi)
{
    static const char *const intro[] = {
        "asked", "after", "in", "while", "when", "speaking", "despite", "although", "though",
        "if", "as", "during", "at", "on", "for", "before", "since", "with", "without",
        "following", "by", "from", "unlike", "like", "earlier", "later", "still", NULL};
    if (hi == 0 || !in_list(&toks.t[0], intro)) return 0;
    for (size_t k = 1; k < hi; k++)
        if (px_tok_is(&toks.t[k], ",")) return k + 1;
    return 0;
}

long px_np_subject(const px_article *a, const px_analysis *an, size_t s, px_toks toks, size_t hi)
{
    static const char *const det[] = {"the", "a", "an", "this", "that", "his", "her", "their", NULL};
    enum { MAX_SUBJECT = 40, MAX_COMMON = 4 }; /* tokens: keeps a giant sentence linear */
    if (hi > toks.n) hi = toks.n;
    if (hi > MAX_SUBJECT) hi = MAX_SUBJECT;
    size_t k = clause_start(toks, hi);
    if (k + 1 < hi && in_list(&toks.t[k], det) && !px_tok_capital(a, &toks.t[k + 1]))
        return px_np_entity(an, s, toks, k, k + MAX_COMMON < hi ? k + MAX_COMMON : hi, 0);
    for (; k < hi; k++) { /* the first name, and the person in its run of capitals */
        const px_token *t = &toks.t[k];
        long e = t->kind == PX_TOKEN_WORD ? px_entity_at(an, s, t->start, t->end) : -1;
        if (e < 0 || modifier(an, s, toks, k, hi, e)) continue;
        size_t end = k + 1;
        while (end < hi && toks.t[end].kind == PX_TOKEN_WORD && px_tok_capital(a, &toks.t[end]))
            end++;
        long p = px_np_entity(an, s, toks, k, end, 1);
        return p >= 0 ? p : e;
    }
    return -1;
}

enum { MAX_NP = 12 }; /* tokens in a speaker span */

static int boundary_word(const px_token *t)
{
    static const char *const words[] = {
        "that", "who", "which", "whom", "whose", "and", "but", "or", "because", "when",
        "while", "as", "if", "after", "before", "since", "than", "though", "although",
        "where", "so", "to", NULL};
    for (const char *const *w = words; *w; w++)
        if (px_tok_is(t, *w)) return 1;
    return 0;
}

static int preposition(const px_token *t)
{
    static const char *const words[] = {"of", "for", "at", "with", "from", "in", "on", NULL};
    for (const char *const *w = words; *w; w++)
        if (px_tok_is(t, *w)) return 1;
    return 0;
}

static int soft_punct(const px_token *t)
{
    return px_tok_is(t, "&") || px_tok_is(t, "'") || px_tok_is(t, "-") || px_tok_is(t, ".");
}

/* Tracks parentheses in a scan; returns 1 when t ends the span. */
static int ends_span(const px_token *t, int *depth, const char *in, const char *out)
{
    if (px_tok_is(t, in)) return ++*depth, 0;
    if (px_tok_is(t, out)) return *depth > 0 ? (--*depth, 0) : 1;
    if (*depth > 0) return 0;
    if (t->kind == PX_TOKEN_PUNCT) return !soft_punct(t);
    return boundary_word(t);
}

/* The start of the span that ends before token k, no further back than lo. */
static size_t span_back(px_toks t, size_t lo, size_t k)
{
    int depth = 0;
    size_t j = k;
    while (j > lo && k - j < MAX_NP && !ends_span(&t.t[j - 1], &depth, ")", "(")) j--;
    return j;
}

/* The end of the span that starts at token i, no further than hi. */
static size_t span_forward(px_toks t, size_t i, size_t hi)
{
    int depth = 0;
    size_t j = i;
    while (j < hi && j - i < MAX_NP && !ends_span(&t.t[j], &depth, "(", ")")) j++;
    return j;
}

/* The entity of [i, j): of its part before a preposition when that part
 * names one ("Jane Doe of the ACLU"), else of all of it ("Secretary of
 * State John Kerry"). */
static long resolve(const px_analysis *an, size_t s, px_toks t, size_t i, size_t j, int from_right)
{
    for (size_t p = i + 1; p < j; p++) {
        if (!preposition(&t.t[p])) continue;
        long e = px_np_entity(an, s, t, i, p, from_right);
        if (e >= 0) return e;
        break;
    }
    return px_np_entity(an, s, t, i, j, from_right);
}

long px_speaker_before(const px_article *a, const px_analysis *an, size_t s, px_toks t,
                       size_t lo, size_t v, int *found)
{
    (void)a;
    size_t k = v;
    *found = 0;
    while (k > lo && px_cue_skippable(&t.t[k - 1])) k--;
    if (k > lo && (px_tok_is(&t.t[k - 1], "who") || px_tok_is(&t.t[k - 1], "which"))) k--;
    else if (k > lo && px_cue_pronoun(&t.t[k - 1])) {
        *found = 1;
        return px_entity_at(an, s, t.t[k - 1].start, t.t[k - 1].end);
    }
    if (k > lo && px_tok_is(&t.t[k - 1], ",")) { /* X, the spokesman, said */
        size_t b = span_back(t, lo, k - 1);
        if (b > lo && px_tok_is(&t.t[b - 1], ",")) {
            size_t h = span_back(t, lo, b - 1);
            long e = resolve(an, s, t, h, b - 1, 1);
            *found |= h < b - 1;
            if (e >= 0) return e;
        }
        *found |= b < k - 1;
        return resolve(an, s, t, b, k - 1, 1);
    }
    size_t b = span_back(t, lo, k);
    *found = b < k;
    return resolve(an, s, t, b, k, 1);
}

long px_speaker_after(const px_article *a, const px_analysis *an, size_t s, px_toks t,
                      size_t i, size_t hi, int *found)
{
    (void)a;
    if (hi > t.n) hi = t.n;
    if (i < hi && px_cue_pronoun(&t.t[i])) {
        *found = 1;
        return px_entity_at(an, s, t.t[i].start, t.t[i].end);
    }
    size_t j = span_forward(t, i, hi);
    *found = j > i;
    return resolve(an, s, t, i, j, 0);
}
