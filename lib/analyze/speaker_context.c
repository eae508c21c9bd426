/*
 * speaker_context.c — speakers from the quotes and sentences around a quote
 * that has no cue of its own (rules 4 and 5 of speaker.c).
 *
 *  4. continuation: a full quote opening its sentence right after a quote
 *     whose speaker is known — in the same paragraph or as the next
 *     paragraph ("...," he said. "More.") — is that speaker's; unattributed
 *     fragments in between ("on NBC's \"Today\" show") are passed over.
 *  5. a full quote that is a whole paragraph, right after a sentence whose
 *     subject speaks ("Earnest reiterated the White House position that
 *     ..."), is that subject's: the news convention of paraphrase, then the
 *     words.  docs/quotes.md says why this is evidence and not a guess.
 *
 * A speaker found across a paragraph break (rule 5 always, rule 4 when the
 * quote before is in an earlier paragraph) is marked inferred: the outlet
 * did not name a speaker next to these words, so comparison must not say
 * that it credited them to anyone (quotes.c in lib/compare).
 */
#include "analyze/quote.h"

int px_starts_paragraph(const px_article *a, size_t s)
{
    return s == 0 || a->sentences.items[s - 1].paragraph != a->sentences.items[s].paragraph;
}

px_said px_said_of(long e, const char *cue, size_t in) { return (px_said){e, cue, in, 0, 0}; }

static size_t paragraph_of(const px_article *a, size_t s) { return a->sentences.items[s].paragraph; }

/* Rule 4: a quote before, with a speaker, ends (with its attribution) in
 * the sentence before this one or in this one; fragments in between
 * ("on NBC's \"Today\" show") are passed over. */
int px_speaker_continuation(const px_qctx *c, px_said *out)
{
    enum { MAX_BACK = 8 };
    if (c->open_tok != 0) return 0;
    for (size_t k = c->qi; k-- > 0 && c->qi - k <= MAX_BACK;) {
        const px_quote *p = &c->an->quotes.items[k];
        size_t last = p->sentence_last, said = c->x[k].said_in;
        if (said != (size_t)-1 && said > last) last = said;
        if (last + 1 < c->s0) return 0;
        if (p->speaker >= 0) {
            *out = px_said_of(p->speaker, p->cue, said);
            /* Across a paragraph break the speaker is the reader's inference,
             * not the text's: marked, so compare does not report it as
             * what the outlet wrote. */
            out->inferred = p->inferred || paragraph_of(c->a, p->sentence_last) != paragraph_of(c->a, c->s0);
            out->carried = 1;
            return 1;
        }
    }
    return 0;
}

/* Rule 5: a quote paragraph after a sentence whose subject speaks. */
int px_speaker_paraphrase(const px_qctx *c, px_said *out)
{
    if (c->open_tok != 0 || c->s0 == 0 || !px_starts_paragraph(c->a, c->s0)) return 0;
    if (c->s1 + 1 < c->a->sentences.len && !px_starts_paragraph(c->a, c->s1 + 1))
        return 0; /* not alone in its paragraph */
    size_t sp = c->s0 - 1;
    px_toks t = px_sentence_toks(c->an, sp);
    for (size_t j = 0; j < t.n && j < PX_MAX_LEAD_PART; j++) {
        px_cue cue;
        if (px_tok_qmark(&t.t[j])) return 0;
        if (px_cue_at(t.t, t.n, j, &cue) && cue.kind == PX_CUE_VERB) {
            int f = 0;
            long e = px_speaker_before(c->a, c->an, sp, t, 0, j, &f);
            if (e < 0) return 0;
            *out = px_said_of(e, cue.cue, sp);
            out->inferred = 1;
            return 1;
        }
    }
    return 0;
}

