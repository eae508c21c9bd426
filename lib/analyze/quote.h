/*
 * quote.h — the parts the quote and attribution finders share (internal).
 *
 *   quote_marks.c  which characters are quotation marks, and how they pair
 *   quote.c        quote spans over paragraphs and sentences (px_find_quotes)
 *   quote_span.c   whether a quote is partial
 *   quote_tokens.c the tokens of a sentence, and tests on a token
 *   cue.c          the cue lexicon: "said", "told reporters", "according to"
 *   speaker.c      the cue and speaker span around a quote (rules 1-3)
 *   speaker_context.c  the quotes and sentences before it (rules 4-5)
 *   speaker_np.c   the entity of a speaker span, resolved with px_entity_at()
 *   attribution.c  sources the article credits (px_find_attributions)
 *
 * Everything works on the analysis's tokens (sorted by sentence, then
 * start), so no text is scanned twice and each finder is linear in the
 * article: every token window below has a fixed maximum length.
 */
#ifndef PX_QUOTE_H
#define PX_QUOTE_H

#include "analyze/analysis.h"

/* ---- quote marks (quote_marks.c) ----------------------------------------- */

typedef struct px_qmark {
    size_t at, len;  /* byte span of the mark */
    unsigned cp;     /* the code point */
    int may_open;    /* context allows an opening mark: start/space before, text after */
    int may_close;   /* context allows a closing mark: text before, space/punct/end after */
    int hinge;       /* glued between a sentence's end and a letter: `2011."I can't`,
                        the close of one quote and the start of the next */
} px_qmark;

/* If s[i] starts a double quotation mark, fills *m and returns 1.
 * Single quotes are never marks here: they are apostrophes too often. */
int px_qmark_at(const char *s, size_t len, size_t i, px_qmark *m);

/* 0 when no quotation mark can start with byte c: a mark is '"' or starts
 * with one of these UTF-8 lead bytes.  Inline so that a scan over every
 * byte of a text calls px_qmark_at() only where it may answer 1. */
static inline int px_qmark_lead(unsigned char c)
{
    return c == '"' || c == 0xC2 || c == 0xE2 || c == 0xE3;
}

/* 1 when cp is written to open a quotation (“ „ « 「 『 and straight "). */
int px_qmark_opener(unsigned cp);

/* 1 when mark cp closes a quotation opened with opener. */
int px_qmark_closes(unsigned opener, unsigned cp);

/* ---- tokens of a sentence ------------------------------------------------ */

typedef struct px_toks {
    const px_token *t; /* the sentence's first token */
    size_t n;
} px_toks;

/* The tokens of sentence s (a binary search in an->tokens). */
px_toks px_sentence_toks(const px_analysis *an, size_t s);

/* 1 when token t is the word w (its folded form). */
int px_tok_is(const px_token *t, const char *w);

/* 1 when token t is one of the NULL-terminated words. */
int px_tok_in(const px_token *t, const char *const *words);

/* 1 when token t is a quotation mark. */
int px_tok_qmark(const px_token *t);

/* 1 when the token's text (in its sentence) starts with an upper-case letter. */
int px_tok_capital(const px_article *a, const px_token *t);

/* ---- cues (cue.c) -------------------------------------------------------- */

typedef enum px_cue_kind {
    PX_CUE_VERB = 0,   /* "said", "says", "say": speaker before, or after when inverted */
    PX_CUE_GERUND,     /* "saying": speaker before, or the clause's subject */
    PX_CUE_AFTER,      /* "according to": speaker after */
    PX_CUE_LABEL       /* "called", "described ... as": only before a quote */
} px_cue_kind;

typedef struct px_cue {
    const char *cue;   /* canonical: "said", "told reporters", "according to" */
    px_cue_kind kind;
    int inverts;       /* "said Earnest": the speaker may follow */
    size_t ntok;       /* tokens the cue covers */
} px_cue;

/* The cue starting at token i of t[0..n), or 0 when none starts there. */
int px_cue_at(const px_token *t, size_t n, size_t i, px_cue *out);

/* For tests: 1 when the lexicon is sorted (bsearch relies on it). */
int px_cue_lexicon_sorted(void);

/* Words skipped between a speaker and its verb: "also", "later", "has". */
int px_cue_skippable(const px_token *t);

/* "he", "she", "they", ...: a speaker only through the entity finder. */
int px_cue_pronoun(const px_token *t);

/* ---- a quote's shape (quote_span.c) -------------------------------------- */

/*
 * 1 when quote q is partial: a fragment inside the reporter's sentence
 * ("declined to comment on \"private correspondence\""), 0 when it is a
 * quoted sentence standing on its own or introduced by a colon or comma.
 * open_tok is its opening mark's token in t0 (the first sentence's
 * tokens); after_close the first token after its closing mark in t1, or
 * (size_t)-1 when it was never closed.
 */
int px_quote_partial(const px_quote *q, px_toks t0, size_t open_tok, px_toks t1,
                     size_t after_close);

/* ---- speakers (speaker.c, speaker_np.c) ---------------------------------- */

/* Where a speaker was found, for px_quote.cue and the rules' order. */
typedef struct px_said {
    long speaker;      /* entity, or -1 */
    const char *cue;   /* NULL when no cue was found */
    size_t in;         /* the sentence of the cue */
    int inferred;      /* px_quote.inferred */
    int carried;       /* 1: the speaker of the quote before (rule 4, continuation) */
} px_said;

/* What quote.c knows of a quote beyond px_quote, one per quote. */
typedef struct px_qextra {
    size_t close_end; /* end of the closing mark in sentence_last; (size_t)-1: unclosed */
    size_t said_in;   /* the sentence where its cue was found; (size_t)-1: none */
} px_qextra;

/*
 * Finds the speaker of quote qi in an->quotes (x: the extras of all
 * quotes, x[qi].close_end set).  Fills the quote's partial flag, speaker
 * and cue, and x[qi].said_in.  Quotes before qi must be done already.
 */
void px_speaker_find(const px_article *a, px_analysis *an, size_t qi, px_qextra *x);

/* A quote being attributed: what the rules of speaker.c and
 * speaker_context.c look at. */
typedef struct px_qctx {
    const px_article *a;
    px_analysis *an;
    size_t qi;
    px_qextra *x;       /* quote.c's extras of all quotes */
    size_t s0, s1;      /* first and last sentence */
    px_toks t0, t1;
    size_t open_tok;    /* the opening mark's token in t0 */
    size_t after_close; /* the first token after the closing mark in t1, or (size_t)-1 */
} px_qctx;

enum { PX_MAX_LEAD_PART = 40 }; /* tokens between a partial quote and its cue */

px_said px_said_of(long speaker, const char *cue, size_t in);

/* 1 when sentence s opens its paragraph. */
int px_starts_paragraph(const px_article *a, size_t s);

/* Rules 4 and 5 (speaker_context.c): 1 and *out filled when they apply. */
int px_speaker_continuation(const px_qctx *c, px_said *out);
int px_speaker_paraphrase(const px_qctx *c, px_said *out);

/* The subject of a verb at token v of toks: the noun phrase before it,
 * no further back than token lo.  -1 when none resolves; *found is set to 1
 * when a speaker span was there (even an unresolved one). */
long px_speaker_before(const px_article *a, const px_analysis *an, size_t s, px_toks toks,
                       size_t lo, size_t v, int *found);

/* The subject between a quote's closing mark (token i) and its verb
 * (token hi): the noun phrase from i on, its head the rightmost name
 * ("Cook County Sheriff's Office spokeswoman Ann Lee said": Lee, even
 * when the entity finder took a title before it for a person). */
long px_speaker_between(const px_article *a, const px_analysis *an, size_t s, px_toks t,
                        size_t i, size_t hi, int *found);

/* The noun phrase from token i on, up to token hi (exclusive); after a
 * role noun phrase and a comma, the person it names ("said the victim's
 * father, Paul Ames": Ames). */
long px_speaker_after(const px_article *a, const px_analysis *an, size_t s, px_toks toks,
                      size_t i, size_t hi, int *found);

/* The entity of tokens [i, j) of sentence s: a person first, then
 * anything else; rightmost first when from_right, else leftmost.  -1 when
 * no token of the span is a mention. */
long px_np_entity(const px_analysis *an, size_t s, px_toks toks, size_t i, size_t j,
                  int from_right);

/* The subject of sentence s's main clause, looked for in tokens [0, hi):
 * its first name (a person in that name's run of capitals first), after an
 * opening "Asked whether ...,"; a common noun phrase ("The spokesman")
 * counts only through its own mention.  For "by saying", "but acknowledged". */
long px_np_subject(const px_article *a, const px_analysis *an, size_t s, px_toks toks,
                   size_t hi);

#endif
