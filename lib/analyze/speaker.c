/*
 * speaker.c — who said a quote: the cue and the speaker span around it.
 *
 * The rules, tried in order (the first that finds a cue decides, even when
 * its span resolves to no entity: then the speaker is -1, never a guess):
 *
 *  1. after the closing mark, in the quote's last sentence:
 *       "...," added Earnest.          inverted verb, speaker after
 *       "...," he said.                speaker, then the verb
 *       "...," according to X.
 *  2. before the opening mark, in its first sentence (the nearest cue;
 *     for a full quote at most a few words before the mark):
 *       X said: "..."                  X told reporters that "..."
 *       Rice ... by saying, "..."      a gerund after a preposition: the
 *                                      clause's subject
 *       Earnest declined to comment on "..." but acknowledged that "..."
 *       According to X, "..."
 *     For a partial quote (a fragment in the reporter's sentence) rule 2
 *     comes first: the cue that introduces a fragment is before it.
 *  3. the sentence before ends with a colon and holds a cue:  X said: ¶ "..."
 *  4. continuation: a full quote with no cue of its own, opening its
 *     sentence right after a quote whose speaker is known, in the same
 *     paragraph or as the next paragraph ("...," he said. "More.").
 *  5. a full quote alone in its paragraph right after a sentence whose
 *     subject says, reiterates or insists (UPI's Earnest paragraph): see
 *     docs/quotes.md for why this counts as evidence.
 *
 * Every window of tokens is bounded, so attributing all quotes is linear.
 */
#include "analyze/quote.h"

enum {
    MAX_TRAILER = 30, /* tokens from a closing mark to its cue */
    MAX_CUT_TRAILER = 6, /* ... when the splitter cut the trailer off: "Obama said." */
    MAX_LEAD_FULL = 8, /* tokens from a cue to the mark of a full quote */
    MAX_LEAD_PART = 40 /* ... of a partial quote */
};

typedef struct qctx {
    const px_article *a;
    px_analysis *an;
    size_t qi;
    px_qextra *x;       /* quote.c's extras of all quotes */
    size_t s0, s1;      /* first and last sentence */
    px_toks t0, t1;
    size_t open_tok;    /* the opening mark's token in t0 */
    size_t after_close; /* the first token after the closing mark in t1, or (size_t)-1 */
} qctx;

/* First token of toks starting at or after byte off. */
static size_t tok_at(px_toks toks, size_t off)
{
    size_t lo = 0, hi = toks.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (toks.t[mid].start < off) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static int is_dash(const px_token *t)
{
    return px_tok_is(t, "-") || px_tok_is(t, "\xe2\x80\x94") || px_tok_is(t, "\xe2\x80\x93");
}

/* Punctuation that ends the search for a cue across a trailer. */
static int hard_stop(const px_token *t)
{
    return t->kind == PX_TOKEN_PUNCT && !px_tok_is(t, ",") && !px_tok_is(t, "(") &&
           !px_tok_is(t, ")") && !is_dash(t) && !px_tok_is(t, "'") && !px_tok_is(t, ".");
}

/* The first sentence of sentence s's paragraph is s. */
static int starts_paragraph(const px_article *a, size_t s)
{
    return s == 0 || a->sentences.items[s - 1].paragraph != a->sentences.items[s].paragraph;
}

static px_said found(long e, const char *cue, size_t in) { return (px_said){e, cue, in}; }

/* Rule 1 on sentence s from token i, with the cue at most reach tokens on:
 * [, or —] then an attribution. */
static int trailer_at(const qctx *c, size_t s, px_toks t, size_t i, size_t reach, px_said *out)
{
    size_t skipped = 0;
    while (i < t.n && skipped < 2 && (px_tok_is(&t.t[i], ",") || is_dash(&t.t[i]))) i++, skipped++;
    px_cue cue;
    int f = 0;
    if (i < t.n && px_cue_at(t.t, t.n, i, &cue) && (cue.inverts || cue.kind == PX_CUE_AFTER)) {
        *out = found(px_speaker_after(c->a, c->an, s, t, i + cue.ntok, t.n, &f), cue.cue, s);
        if (f || cue.kind == PX_CUE_AFTER) return 1;
    }
    int depth = 0;
    for (size_t j = i; j < t.n && j < i + reach; j++) {
        const px_token *x = &t.t[j];
        if (px_tok_is(x, "(")) depth++;
        else if (px_tok_is(x, ")") && depth > 0) depth--;
        else if (depth == 0 && (hard_stop(x) || px_tok_qmark(x))) return 0;
        if (depth == 0 && px_cue_at(t.t, t.n, j, &cue) && cue.kind == PX_CUE_VERB) {
            if (j == i) return 0; /* a verb with no subject: not an attribution */
            long e = px_speaker_after(c->a, c->an, s, t, i, j, &f); /* the first noun phrase */
            if (e < 0) e = px_speaker_before(c->a, c->an, s, t, i, j, &f);
            *out = found(e, cue.cue, s);
            return 1;
        }
    }
    return 0;
}

/* Rule 1: after the closing mark; when the mark ends its sentence, the
 * next sentence of the paragraph may be the trailer the sentence splitter
 * cut off (`..., John?" | Obama said.`). */
static int trailer(const qctx *c, int part, px_said *out)
{
    if (c->after_close == (size_t)-1) return 0;
    if (c->after_close < c->t1.n)
        return trailer_at(c, c->s1, c->t1, c->after_close, MAX_TRAILER, out);
    size_t next = c->s1 + 1;
    if (part || next >= c->a->sentences.len || starts_paragraph(c->a, next)) return 0;
    return trailer_at(c, next, px_sentence_toks(c->an, next), 0, MAX_CUT_TRAILER, out);
}

/* "with Khamenei saying", "he saying": a gerund with its own subject, a
 * name or a pronoun right before it; otherwise ("by saying", ", adding",
 * "members saying") its subject is the clause's. */
static int named_subject(const qctx *c, size_t s, const px_token *before)
{
    if (px_cue_pronoun(before)) return 1;
    return before->kind == PX_TOKEN_WORD && px_tok_capital(c->a, before) &&
           px_entity_at(c->an, s, before->start, before->end) >= 0;
}

/* The subject of a gerund at token k ("..., before again claiming"): after
 * a quote's trailer (`..." Trump said, before claiming`) the trailer's
 * speaker, else the clause's subject. */
static long gerund_subject(const qctx *c, size_t s, px_toks t, size_t k)
{
    for (size_t j = k; j-- > 1 && k - j <= MAX_LEAD_PART;) {
        px_cue cue;
        if (!px_cue_at(t.t, t.n, j, &cue) || cue.kind != PX_CUE_VERB) continue;
        size_t m = j;
        while (m > 0 && !px_tok_qmark(&t.t[m - 1]) && j - m < MAX_TRAILER) m--;
        if (m == 0 || !px_tok_qmark(&t.t[m - 1])) break;
        int f = 0;
        long e = px_speaker_before(c->a, c->an, s, t, m, j, &f);
        if (e >= 0) return e;
        break;
    }
    return px_np_subject(c->a, c->an, s, t, k);
}

/* The subject of the main clause after an opening participle clause that
 * holds the quote: the noun phrase after the closing mark (and a comma). */
static long main_subject_after(const qctx *c, size_t s)
{
    if (s != c->s0 || c->s1 != c->s0 || c->after_close == (size_t)-1) return -1;
    size_t i = c->after_close;
    while (i < c->t1.n && px_tok_is(&c->t1.t[i], ",")) i++;
    int f = 0;
    return px_speaker_after(c->a, c->an, s, c->t1, i, c->t1.n, &f);
}

/* An inverted verb at token k (after skipped words): it opens the sentence
 * ("Added Gibbs: \"...\"") or follows the quote before ("\"a,\" said
 * Trump, \"b\""). */
static int inverted_here(px_toks t, size_t k)
{
    if (k == 0) return 1;
    if (px_tok_qmark(&t.t[k - 1])) return 1;
    return k > 1 && px_tok_is(&t.t[k - 1], ",") && px_tok_qmark(&t.t[k - 2]);
}

/* The speaker for a cue found at token j of sentence s, before a mark at
 * token mark. */
static px_said lead_speaker(const qctx *c, size_t s, px_toks t, size_t j, size_t mark,
                            const px_cue *cue)
{
    int f = 0;
    long e;
    if (cue->kind == PX_CUE_AFTER)
        return found(px_speaker_after(c->a, c->an, s, t, j + cue->ntok, mark, &f), cue->cue, s);
    size_t k = j;
    while (k > 0 && px_cue_skippable(&t.t[k - 1])) k--;
    if (cue->kind == PX_CUE_GERUND && k == 0) /* Calling X a "coward," Cruz told ... */
        return found(main_subject_after(c, s), cue->cue, s);
    if (cue->kind == PX_CUE_GERUND && !named_subject(c, s, &t.t[k - 1]))
        return found(gerund_subject(c, s, t, k), cue->cue, s);
    if (cue->inverts && inverted_here(t, k))
        return found(px_speaker_after(c->a, c->an, s, t, j + cue->ntok, mark, &f), cue->cue, s);
    e = px_speaker_before(c->a, c->an, s, t, 0, j, &f);
    if (!f) e = px_np_subject(c->a, c->an, s, t, j); /* "... but acknowledged that" */
    return found(e, cue->cue, s);
}

/* Rule 2, met the quote before in the same sentence: `wrote that they
 * should "a," "b" and "c"` — each fragment has the first one's cue. */
static int fragment_before(const qctx *c, px_said *out)
{
    if (c->qi == 0) return 0;
    const px_quote *p = &c->an->quotes.items[c->qi - 1];
    size_t said = c->x[c->qi - 1].said_in;
    if (p->sentence_last != c->s0 || !p->cue || said == (size_t)-1 || said > p->sentence)
        return 0; /* its cue was not before it */
    *out = found(p->speaker, p->cue, said);
    return 1;
}

/* Rule 2 (and 3): the nearest cue before token mark of sentence s, at most
 * limit tokens before it and not across another quotation mark. */
static int lead(const qctx *c, size_t s, px_toks t, size_t mark, size_t limit, px_said *out)
{
    for (size_t back = 1; back <= mark && back <= limit; back++) {
        size_t j = mark - back;
        if (px_tok_qmark(&t.t[j])) return s == c->s0 && fragment_before(c, out);
        px_cue cue;
        if (px_cue_at(t.t, t.n, j, &cue) && j + cue.ntok <= mark) {
            *out = lead_speaker(c, s, t, j, mark, &cue);
            return 1;
        }
    }
    return 0;
}

/* Rule 3: the sentence before ends with a colon. */
static int colon_before(const qctx *c, px_said *out)
{
    if (c->open_tok != 0 || c->s0 == 0) return 0;
    size_t sp = c->s0 - 1;
    px_toks t = px_sentence_toks(c->an, sp);
    if (t.n == 0 || !px_tok_is(&t.t[t.n - 1], ":")) return 0;
    return lead(c, sp, t, t.n - 1, MAX_LEAD_FULL, out);
}

/* Rule 4: a quote before, with a speaker, ends (with its attribution) in
 * the sentence before this one or in this one; fragments in between
 * ("on NBC's \"Today\" show") are passed over. */
static int continuation(const qctx *c, px_said *out)
{
    enum { MAX_BACK = 8 };
    if (c->open_tok != 0) return 0;
    for (size_t k = c->qi; k-- > 0 && c->qi - k <= MAX_BACK;) {
        const px_quote *p = &c->an->quotes.items[k];
        size_t last = p->sentence_last, said = c->x[k].said_in;
        if (said != (size_t)-1 && said > last) last = said;
        if (last + 1 < c->s0) return 0;
        if (p->speaker >= 0) {
            *out = found(p->speaker, p->cue, said);
            return 1;
        }
    }
    return 0;
}

/* Rule 5: a quote paragraph after a sentence whose subject speaks. */
static int paraphrase_before(const qctx *c, px_said *out)
{
    if (c->open_tok != 0 || c->s0 == 0 || !starts_paragraph(c->a, c->s0)) return 0;
    if (c->s1 + 1 < c->a->sentences.len && !starts_paragraph(c->a, c->s1 + 1))
        return 0; /* not alone in its paragraph */
    size_t sp = c->s0 - 1;
    px_toks t = px_sentence_toks(c->an, sp);
    for (size_t j = 0; j < t.n && j < MAX_LEAD_PART; j++) {
        px_cue cue;
        if (px_tok_qmark(&t.t[j])) return 0;
        if (px_cue_at(t.t, t.n, j, &cue) && cue.kind == PX_CUE_VERB) {
            int f = 0;
            long e = px_speaker_before(c->a, c->an, sp, t, 0, j, &f);
            if (e < 0) return 0;
            *out = found(e, cue.cue, sp);
            return 1;
        }
    }
    return 0;
}

static px_said attribute(const qctx *c, int part)
{
    px_said r = {-1, NULL, (size_t)-1};
    if (part && lead(c, c->s0, c->t0, c->open_tok, MAX_LEAD_PART, &r)) return r;
    if (trailer(c, part, &r)) return r;
    if (!part && lead(c, c->s0, c->t0, c->open_tok, MAX_LEAD_FULL, &r)) return r;
    if (part) return r;
    if (c->open_tok > 0 && px_tok_is(&c->t0.t[c->open_tok - 1], ":")) { /* X was quick to retort: */
        long e = px_np_subject(c->a, c->an, c->s0, c->t0, c->open_tok);
        if (e >= 0 && c->an->entities.items[e].pub.type == PX_ENTITY_PERSON)
            return found(e, NULL, c->s0);
    }
    if (colon_before(c, &r) || continuation(c, &r) || paraphrase_before(c, &r)) return r;
    return (px_said){-1, NULL, (size_t)-1};
}

void px_speaker_find(const px_article *a, px_analysis *an, size_t qi, px_qextra *x)
{
    px_quote *q = &an->quotes.items[qi];
    qctx c = {.a = a, .an = an, .qi = qi, .x = x, .s0 = q->sentence, .s1 = q->sentence_last};
    c.t0 = px_sentence_toks(an, c.s0);
    c.t1 = px_sentence_toks(an, c.s1);
    c.open_tok = tok_at(c.t0, q->start);
    c.after_close = x[qi].close_end == (size_t)-1 ? (size_t)-1 : tok_at(c.t1, x[qi].close_end);
    q->partial = px_quote_partial(q, c.t0, c.open_tok, c.t1, c.after_close);
    px_said r = attribute(&c, q->partial);
    q->speaker = r.speaker;
    q->cue = r.cue;
    x[qi].said_in = r.cue ? r.in : (size_t)-1;
}
