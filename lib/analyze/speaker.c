/*
 * speaker.c — who said a quote: the cue and the speaker span around it.
 *
 * The rules, tried in order (the first that finds a cue decides, even when
 * its span resolves to no entity: then the speaker is -1, never a guess):
 *
 *  1. after the closing mark, in the quote's last sentence (or the next
 *     one, when the sentence splitter cut the trailer off):
 *       "...," added Earnest.          inverted verb, speaker after
 *       "...," he said.                speaker, then the verb
 *       "...," according to X.
 *  2. before the opening mark, in its first sentence: the nearest cue, for
 *     a full quote a few words before the mark or in the clause that a
 *     colon or comma ends:
 *       X said: "..."                  X told reporters that "..."
 *       Rice ... by saying, "..."      a gerund after a preposition: the
 *                                      clause's subject
 *       Earnest declined to comment on "..." but acknowledged that "..."
 *       According to X, "..."          Added Gibbs: "..."
 *       Calling X a "coward," Cruz     an opening participle: the subject
 *                                      after the quote
 *     Fragments of one sentence share the first one's cue.  For a partial
 *     quote (a fragment in the reporter's sentence) rule 2 comes first.
 *  3. the sentence before ends with a colon and holds a cue:  X said: ¶ "...";
 *     or a colon introduces the quote and the clause's subject is a person.
 *  4, 5. the quote before, or a speaking subject in the sentence before
 *     (speaker_context.c).
 *
 * Every window of tokens is bounded, so attributing all quotes is linear.
 */
#include "analyze/quote.h"

enum {
    MAX_TRAILER = 30, /* tokens from a closing mark to its cue */
    MAX_CUT_TRAILER = 6, /* ... when the splitter cut the trailer off: "Obama said." */
    MAX_LEAD_FULL = 8, /* tokens from a cue to the mark of a full quote */
    MAX_LEAD_PART = PX_MAX_LEAD_PART /* ... of a partial quote */
};


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



/* Rule 1 on sentence s from token i, with the cue at most reach tokens on:
 * [, or —] then an attribution. */
static int trailer_at(const px_qctx *c, size_t s, px_toks t, size_t i, size_t reach, px_said *out)
{
    size_t skipped = 0;
    while (i < t.n && skipped < 2 && (px_tok_is(&t.t[i], ",") || is_dash(&t.t[i]))) i++, skipped++;
    px_cue cue;
    int f = 0;
    if (i < t.n && px_cue_at(t.t, t.n, i, &cue) && (cue.inverts || cue.kind == PX_CUE_AFTER)) {
        *out = px_said_of(px_speaker_after(c->a, c->an, s, t, i + cue.ntok, t.n, &f), cue.cue, s);
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
            long e = px_speaker_between(c->a, c->an, s, t, i, j, &f); /* the first noun phrase */
            if (e < 0) e = px_speaker_before(c->a, c->an, s, t, i, j, &f);
            *out = px_said_of(e, cue.cue, s);
            return 1;
        }
    }
    return 0;
}

/* Rule 1: after the closing mark; when the mark ends its sentence, the
 * next sentence of the paragraph may be the trailer the sentence splitter
 * cut off (`..., John?" | Obama said.`). */
static int trailer(const px_qctx *c, int part, px_said *out)
{
    if (c->after_close == (size_t)-1) return 0;
    if (c->after_close < c->t1.n)
        return trailer_at(c, c->s1, c->t1, c->after_close, MAX_TRAILER, out);
    size_t next = c->s1 + 1;
    if (part || next >= c->a->sentences.len || px_starts_paragraph(c->a, next)) return 0;
    return trailer_at(c, next, px_sentence_toks(c->an, next), 0, MAX_CUT_TRAILER, out);
}

/* "with Khamenei saying", "he saying": a gerund with its own subject, a
 * name or a pronoun right before it; otherwise ("by saying", ", adding",
 * "members saying") its subject is the clause's. */
static int named_subject(const px_qctx *c, size_t s, const px_token *before)
{
    if (px_cue_pronoun(before)) return 1;
    return before->kind == PX_TOKEN_WORD && px_tok_capital(c->a, before) &&
           px_entity_at(c->an, s, before->start, before->end) >= 0;
}

/* The subject of a gerund at token k ("..., before again claiming"): after
 * a quote's trailer (`..." Trump said, before claiming`) the trailer's
 * speaker, else the clause's subject. */
static long gerund_subject(const px_qctx *c, size_t s, px_toks t, size_t k)
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
static long main_subject_after(const px_qctx *c, size_t s)
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
static px_said lead_speaker(const px_qctx *c, size_t s, px_toks t, size_t j, size_t mark,
                            const px_cue *cue)
{
    int f = 0;
    long e;
    if (cue->kind == PX_CUE_AFTER)
        return px_said_of(px_speaker_after(c->a, c->an, s, t, j + cue->ntok, mark, &f),
                          cue->cue, s);
    size_t k = j;
    while (k > 0 && px_cue_skippable(&t.t[k - 1])) k--;
    if (cue->kind == PX_CUE_GERUND && k == 0) /* Calling X a "coward," Cruz told ... */
        return px_said_of(main_subject_after(c, s), cue->cue, s);
    if (cue->kind == PX_CUE_GERUND && !named_subject(c, s, &t.t[k - 1]))
        return px_said_of(gerund_subject(c, s, t, k), cue->cue, s);
    if (cue->inverts && inverted_here(t, k))
        return px_said_of(px_speaker_after(c->a, c->an, s, t, j + cue->ntok, mark, &f),
                          cue->cue, s);
    e = px_speaker_before(c->a, c->an, s, t, 0, j, &f);
    if (!f) e = px_np_subject(c->a, c->an, s, t, j); /* "... but acknowledged that" */
    return px_said_of(e, cue->cue, s);
}

/* Rule 2, met the quote before in the same sentence: `wrote that they
 * should "a," "b" and "c"` — each fragment has the first one's cue. */
static int fragment_before(const px_qctx *c, px_said *out)
{
    if (c->qi == 0) return 0;
    const px_quote *p = &c->an->quotes.items[c->qi - 1];
    size_t said = c->x[c->qi - 1].said_in;
    if (p->sentence_last != c->s0 || !p->cue || said == (size_t)-1 || said > p->sentence)
        return 0; /* its cue was not before it */
    *out = px_said_of(p->speaker, p->cue, said);
    return 1;
}

/* Rule 2 (and 3): the nearest cue before token mark of sentence s, at most
 * limit tokens before it and not across another quotation mark. */
static int lead(const px_qctx *c, size_t s, px_toks t, size_t mark, size_t limit, px_said *out)
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

/* How far before a full quote's mark its cue may stand: a few words, or a
 * whole clause without punctuation before the colon or comma that
 * introduces it ("Whitehouse asked about the court's ... decision, “"). */
static size_t lead_reach(const px_qctx *c)
{
    size_t m = c->open_tok;
    if (m == 0) return 0;
    size_t j = m - 1; /* the introducing colon or comma, if any */
    if (!px_tok_is(&c->t0.t[j], ",") && !px_tok_is(&c->t0.t[j], ":")) return MAX_LEAD_FULL;
    while (j > 0 && m - j < MAX_LEAD_PART && c->t0.t[j - 1].kind != PX_TOKEN_PUNCT) j--;
    return m - j > MAX_LEAD_FULL ? m - j : MAX_LEAD_FULL;
}

/* Rule 3: the sentence before ends with a colon. */
static int colon_before(const px_qctx *c, px_said *out)
{
    if (c->open_tok != 0 || c->s0 == 0) return 0;
    size_t sp = c->s0 - 1;
    px_toks t = px_sentence_toks(c->an, sp);
    if (t.n == 0 || !px_tok_is(&t.t[t.n - 1], ":")) return 0;
    return lead(c, sp, t, t.n - 1, MAX_LEAD_FULL, out);
}

static px_said attribute(const px_qctx *c, int part)
{
    px_said r = {-1, NULL, (size_t)-1};
    if (part && lead(c, c->s0, c->t0, c->open_tok, MAX_LEAD_PART, &r)) return r;
    if (trailer(c, part, &r)) return r;
    if (!part && lead(c, c->s0, c->t0, c->open_tok, lead_reach(c), &r)) return r;
    if (part) return r;
    if (c->open_tok > 0 && px_tok_is(&c->t0.t[c->open_tok - 1], ":")) { /* X was quick to retort: */
        long e = px_np_subject(c->a, c->an, c->s0, c->t0, c->open_tok);
        if (e >= 0 && c->an->entities.items[e].pub.type == PX_ENTITY_PERSON)
            return px_said_of(e, NULL, c->s0);
    }
    if (colon_before(c, &r) || px_speaker_continuation(c, &r) || px_speaker_paraphrase(c, &r))
        return r;
    return (px_said){-1, NULL, (size_t)-1};
}

/*
 * Rule named-here: a speaker is what the outlet wrote only when the
 * outlet names it by these words; otherwise it is the analysis' reading
 * (a pronoun or a role resolved by coreference, a name carried from
 * elsewhere) and the quote is marked inferred.  Explicit:
 *  - a name or alias mention of the speaker in the quote's sentences or
 *    its cue's, in the quote's paragraph ("...," said Ann Lee.  Ann Lee
 *    said: "...");
 *  - a quote continuing, in its paragraph, one whose speaker is explicit
 *    (`"A," said Lee. "B."`): rule 4 has already said so (r.carried);
 *  - a pronoun or role whose paragraph names the speaker and no other
 *    entity of its type outside the quote's marks, up to the quote's last
 *    sentence ("Lee spoke first. \"...,\" she said"): it can only be Lee.
 * Not explicit: "he said" in a paragraph naming two persons ("... drew
 * the ire of Justice Scalia, who joined Justice Kennedy. \"...,\" he
 * said"), "His response:" after a sentence naming the interviewer and the
 * interviewed, "he said" with the name two paragraphs up, "Mary Jones
 * said:" ending the paragraph before.  Mentions are in text order: binary
 * searches, then at most MAX_SCAN mentions (beyond: explicit).
 */
enum { MAX_SCAN = 64 };

static int name_kind(const px_mention *m)
{
    return m->kind == PX_MENTION_NAME || m->kind == PX_MENTION_ALIAS;
}

/* 1 when entity e has a name or alias mention in sentences lo..hi. */
static int named_in(const px_analysis *an, long e, size_t lo, size_t hi)
{
    const px_entity *ent = &an->entities.items[e].pub;
    size_t a = 0, b = ent->mention_count;
    while (a < b) { /* the first mention in sentence lo or after */
        size_t mid = a + (b - a) / 2;
        if (ent->mentions[mid].sentence < lo) a = mid + 1;
        else b = mid;
    }
    for (size_t k = a, n = 0; k < ent->mention_count && ent->mentions[k].sentence <= hi; k++, n++)
        if (n == MAX_SCAN || name_kind(&ent->mentions[k])) return 1;
    return 0;
}

/* 1 when mention m lies inside quote q's marks (close_end: the end of its
 * closing mark in q->sentence_last, or (size_t)-1). */
static int in_quote(const px_mention *m, const px_quote *q, size_t close_end)
{
    if (m->sentence < q->sentence || m->sentence > q->sentence_last) return 0;
    if (m->sentence == q->sentence && m->start < q->start) return 0;
    return m->sentence < q->sentence_last || close_end == (size_t)-1 || m->end <= close_end;
}

/* 1 when the paragraph of sentence s0, from its start to sentence s1, names
 * entity e and no other entity of e's type outside quote q. */
static int only_one_named(const px_article *a, const px_analysis *an, long e, const px_quote *q,
                          size_t close_end, size_t s0, size_t s1)
{
    size_t p0 = a->sentences.items[s0].paragraph, first = s0;
    while (first > 0 && s0 - first < MAX_SCAN && a->sentences.items[first - 1].paragraph == p0) first--;
    px_entity_type type = an->entities.items[e].pub.type;
    size_t lo = 0, hi = an->mention_index.len;
    while (lo < hi) { /* the first mention of sentence `first` or after */
        size_t mid = lo + (hi - lo) / 2;
        if (an->mention_index.items[mid].mention.sentence < first) lo = mid + 1;
        else hi = mid;
    }
    int seen = 0;
    for (size_t k = lo, n = 0; k < an->mention_index.len; k++, n++) {
        const px_mention_ref *r = &an->mention_index.items[k];
        if (r->mention.sentence > s1 || n == MAX_SCAN) break;
        if (!name_kind(&r->mention) || r->entity < 0 || in_quote(&r->mention, q, close_end)) continue;
        if (r->entity == e) seen = 1;
        else if (an->entities.items[r->entity].pub.type == type) return 0;
    }
    return seen;
}

static int explicit_speaker(const px_article *a, const px_analysis *an, const px_quote *q,
                            size_t close_end, const px_said *r)
{
    size_t lo = q->sentence, hi = q->sentence_last, p0 = a->sentences.items[lo].paragraph,
           p1 = a->sentences.items[hi].paragraph;
    if (r->in != (size_t)-1 && r->in < a->sentences.len) { /* the cue's sentence, in these paragraphs */
        size_t p = a->sentences.items[r->in].paragraph;
        if (r->in < lo && p >= p0 && p <= p1) lo = r->in;
        if (r->in > hi && p >= p0 && p <= p1) hi = r->in;
    }
    if (named_in(an, r->speaker, lo, hi)) return 1;
    if (r->carried) return !r->inferred;
    return only_one_named(a, an, r->speaker, q, close_end, q->sentence, q->sentence_last);
}

void px_speaker_find(const px_article *a, px_analysis *an, size_t qi, px_qextra *x)
{
    px_quote *q = &an->quotes.items[qi];
    px_qctx c = {.a = a, .an = an, .qi = qi, .x = x, .s0 = q->sentence, .s1 = q->sentence_last};
    c.t0 = px_sentence_toks(an, c.s0);
    c.t1 = px_sentence_toks(an, c.s1);
    c.open_tok = tok_at(c.t0, q->start);
    c.after_close = x[qi].close_end == (size_t)-1 ? (size_t)-1 : tok_at(c.t1, x[qi].close_end);
    q->partial = px_quote_partial(q, c.t0, c.open_tok, c.t1, c.after_close);
    px_said r = attribute(&c, q->partial);
    q->speaker = r.speaker;
    q->cue = r.cue;
    q->inferred = r.speaker >= 0 && (r.inferred || !explicit_speaker(a, an, q, x[qi].close_end, &r));
    x[qi].said_in = r.cue ? r.in : (size_t)-1;
}
