/*
 * attribution.c — the sources an article credits (px_find_attributions).
 *
 *   the dateline's wire tag        a->wire, "UPI"          cue "wire tag", no sentence
 *   a wire tag left in the text    "CAIRO (Reuters) -"     cue "wire tag"
 *   X reported / reports           "Reuters reported"      cue "reported"
 *   reported by X                                          cue "reported"
 *   according to X                 "according to Thursday's report in the
 *                                   Wall Street Journal"   cue "according to"
 *   citing X                       "citing diplomatic sources"  cue "citing"
 *   told X / an interview with X   only when X is an organization entity
 *                                  ("told The Post"): a person told is a
 *                                  speaker, not a source
 *
 * Quotes credit their speakers (speaker.c); attributions credit the
 * outlets, agencies, documents and unnamed sources the reporting rests on,
 * which is what "where did each outlet get it from" needs.  A source is
 * linked to its entity with px_entity_at() when the entity finder found
 * one.  One pass over each sentence's tokens: linear.
 */
#include <string.h>

#include "analyze/attribution.h"

static const char *span_text(const px_article *a, px_analysis *an, size_t s, px_toks t,
                             px_span sp)
{
    const char *text = a->sentences.items[s].text;
    size_t b = t.t[sp.start].start, e = t.t[sp.end - 1].end;
    return px_analysis_intern(an, text + b, e - b);
}

static int all_stop(px_toks t, px_span sp)
{
    for (size_t i = sp.start; i < sp.end; i++)
        if (t.t[i].kind == PX_TOKEN_WORD && !t.t[i].stop) return 0;
    return 1;
}

/* The same source and cue among the last few of sentence s (bounded, so a
 * sentence of thousands of credits stays linear). */
static int seen(const px_analysis *an, const char *source, const char *cue, size_t s)
{
    enum { LOOK_BACK = 8 };
    for (size_t i = an->attributions.len; i-- > 0 && an->attributions.len - i <= LOOK_BACK;) {
        const px_attribution *x = &an->attributions.items[i];
        if (x->sentence != s) return 0;
        if (x->source == source && !strcmp(x->cue, cue)) return 1; /* sources are interned */
    }
    return 0;
}

/* Adds the source span sp of sentence s; org_only keeps it only when its
 * entity is an organization. */
static void add(const px_article *a, px_analysis *an, size_t s, px_toks t, px_span sp,
                const char *cue, int org_only)
{
    if (sp.end <= sp.start || all_stop(t, sp)) return;
    long e = px_entity_at(an, s, t.t[sp.start].start, t.t[sp.end - 1].end);
    if (org_only && (e < 0 || an->entities.items[e].pub.type != PX_ENTITY_ORGANIZATION)) return;
    if (sp.start == 0 && sp.end == 1 && e < 0 && strcmp(cue, "wire tag"))
        return; /* one capitalized word opening the sentence: maybe just a capital */
    const char *src = span_text(a, an, s, t, sp);
    if (seen(an, src, cue, s)) return;
    px_attribution x = {.source = src, .entity = e, .cue = cue, .sentence = s};
    px_vec_push(&an->attributions, x);
}

static int passive_before(px_toks t, size_t i)
{
    static const char *const be[] = {"was", "were", "is", "are", "been", "be", "being", NULL};
    return i > 0 && px_tok_in(&t.t[i - 1], be);
}

static int is_dash(const px_token *t)
{
    return px_tok_is(t, "-") || px_tok_is(t, "\xe2\x80\x94") || px_tok_is(t, "\xe2\x80\x93");
}

/* "CAIRO (Reuters) -": a parenthesized name followed by a dash, near the
 * start of one of the first sentences. */
static void wire_in_text(const px_article *a, px_analysis *an, size_t s, px_toks t)
{
    for (size_t i = 0; i + 3 < t.n && i < 6; i++) {
        if (!px_tok_is(&t.t[i], "(")) continue;
        size_t j = i + 1;
        while (j < t.n && j < i + 4 && px_tok_capital(a, &t.t[j])) j++;
        if (j > i + 1 && j + 1 < t.n && px_tok_is(&t.t[j], ")") && is_dash(&t.t[j + 1])) {
            px_span sp = {i + 1, j};
            const char *src = span_text(a, an, s, t, sp);
            if (a->wire && !strcmp(a->wire, src)) return;
            add(a, an, s, t, sp, "wire tag", 0);
        }
        return;
    }
}

/* The cue at token i of sentence s, if any, and its source. */
static void cue_at(const px_article *a, px_analysis *an, size_t s, px_toks t, size_t i)
{
    const px_token *x = &t.t[i];
    px_cue cue;
    if (px_cue_at(t.t, t.n, i, &cue) && cue.kind == PX_CUE_AFTER)
        add(a, an, s, t, px_source_after(a, t, i + cue.ntok, 1), "according to", 0);
    else if (px_tok_is(x, "citing"))
        add(a, an, s, t, px_source_after(a, t, i + 1, 1), "citing", 0);
    else if ((px_tok_is(x, "reported") || px_tok_is(x, "reports")) && !passive_before(t, i)) {
        if (i + 1 < t.n && px_tok_is(&t.t[i + 1], "by"))
            add(a, an, s, t, px_source_after(a, t, i + 2, 0), "reported", 0);
        else
            add(a, an, s, t, px_source_before(a, t, i), "reported", 0);
    } else if (px_tok_is(x, "told") || px_tok_is(x, "tells"))
        add(a, an, s, t, px_source_after(a, t, i + 1, 0), "told", 1);
    else if (px_tok_is(x, "interview") && i + 1 < t.n && px_tok_is(&t.t[i + 1], "with"))
        add(a, an, s, t, px_source_after(a, t, i + 2, 0), "interview", 1);
}

static long wire_entity(const px_analysis *an, const char *wire)
{
    for (size_t i = 0; i < an->entities.len; i++) {
        const px_entity *e = &an->entities.items[i].pub;
        if (!strcmp(e->name, wire)) return (long)i;
        for (size_t k = 0; k < e->alias_count; k++)
            if (!strcmp(e->aliases[k], wire)) return (long)i;
    }
    return -1;
}

px_status px_find_attributions(px_context *ctx, const px_article *a, px_analysis *an,
                               px_error *err)
{
    (void)ctx;
    (void)err;
    if (a->wire) {
        px_attribution w = {.source = px_analysis_intern(an, a->wire, strlen(a->wire)),
                            .entity = wire_entity(an, a->wire),
                            .cue = "wire tag",
                            .sentence = (size_t)-1};
        px_vec_push(&an->attributions, w);
    }
    for (size_t s = 0; s < a->sentences.len; s++) {
        px_toks t = px_sentence_toks(an, s);
        if (s < 2) wire_in_text(a, an, s, t);
        for (size_t i = 0; i < t.n; i++) cue_at(a, an, s, t, i);
    }
    return PX_OK;
}
