/*
 * entity_span.c — finds the capitalised runs of each sentence that may be
 * names, and hands each to the parser (entity_parse.c).
 *
 * A run is capitalised words, joined by the lower-case particles of names
 * ("Secretary of State", "Bank of the West", "Charles de Gaulle") and "&".
 * A possessive ("Iran's") or a hyphenated lower-case suffix ("U.S.-led")
 * ends it.  Months and weekdays are never names (dates are date.c's), nor
 * are capitalised stop words, unless they are acronyms of the alias table
 * ("IS", "US").
 *
 * The first word of a sentence (or of a quotation, or after a colon or a
 * dash) is capitalised whatever it is, so it starts a name only with
 * evidence: it is in the gazetteer, or the article writes it capitalised
 * inside a sentence too ("Rice, at a White House briefing" after "Susan
 * Rice"), or a capitalised word follows, the article never writes it in
 * lower case, it does not look inflected ("Speaking", "Added") and what
 * follows is not itself a known start ("Controversial Arizona Sheriff Joe
 * Arpaio" starts at Arizona).  Openers like "According" never do.  Party
 * and state tags ("D-Calif.") and single letters are no names.
 *
 * A run longer than PX_ENT_MAX_RUN words is title-case text (a headline
 * pasted into the body, or hostile input), not a name: it is skipped, so
 * 10,000 capitalised words cost one pass and give no entity.
 */
#include <string.h>

#include "analyze/entity.h"
#include "analyze/numdate.h"

#define PX_ENT_MAX_RUN 10
#define PX_ENT_AND_REACH 3

static int is_quote_mark(const px_ent_work *w, size_t t, int *open)
{
    if (w->an->tokens.items[t].kind != PX_TOKEN_PUNCT) return 0;
    if (px_ent_tok_is(w, t, "\"")) return *open = -1, 1;           /* toggles */
    if (px_ent_tok_is(w, t, "\xe2\x80\x9c") || px_ent_tok_is(w, t, "\xc2\xab")) return *open = 1, 1;
    if (px_ent_tok_is(w, t, "\xe2\x80\x9d") || px_ent_tok_is(w, t, "\xc2\xbb")) return *open = 0, 1;
    return 0;
}

/* A sentence start: its first token, or after an opening mark or a colon. */
static int initial_at(const px_ent_work *w, size_t t)
{
    if (t == w->sent_tok[w->an->tokens.items[t].sentence]) return 1;
    if (w->an->tokens.items[t - 1].kind != PX_TOKEN_PUNCT) return 0;
    static const char *const opens[] = {"\"", "\xe2\x80\x9c", "(", "[", ":", "-",
                                        "\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\x98", "\xc2\xab"};
    for (size_t i = 0; i < sizeof opens / sizeof *opens; i++)
        if (px_ent_tok_is(w, t - 1, opens[i])) return 1;
    return 0;
}

/* Marks tokens inside quotation marks (a quotation may span sentences of
 * one paragraph), and notes which words the article writes capitalised
 * inside a sentence and which in lower case.
 *
 * Most lower-case words come back ("the", "said"), and putting one again
 * hashed and probed for nothing; a token's norm is interned (one pointer
 * per string in an analysis), so `put` remembers the norms it has put in a
 * small table indexed by their address and skips those it finds there.
 * It only saves work: the set w->lower ends the same. */
static void mark_tokens(px_ent_work *w)
{
    enum { PUT_BITS = 8 };
    const char *put[1 << PUT_BITS] = {0};
    int in = 0;
    size_t para = (size_t)-1;
    for (size_t t = 0; t < w->an->tokens.len; t++) {
        const px_token *tok = &w->an->tokens.items[t];
        size_t p = w->a->sentences.items[tok->sentence].paragraph;
        if (p != para) in = 0, para = p;
        int open;
        if (is_quote_mark(w, t, &open)) {
            in = open < 0 ? !in : open;
            w->quoted[t] = 1;
            continue;
        }
        w->quoted[t] = (unsigned char)in;
        if (tok->kind != PX_TOKEN_WORD) continue;
        if (!px_ent_is_cap(w, t)) {
            size_t h = ((uintptr_t)tok->norm >> 4) & ((1u << PUT_BITS) - 1);
            if (put[h] == tok->norm) continue;
            put[h] = tok->norm;
            px_map_put(&w->lower, tok->norm, strlen(tok->norm), (void *)1);
        } else if (!initial_at(w, t)) {
            const char *k = px_ent_key(w, t, t + 1);
            px_map_put(&w->cap_mid, k, w->buf.len, (void *)1);
        }
    }
}

static int in_sentence(const px_ent_work *w, size_t t, size_t sentence)
{
    return t < w->an->tokens.len && w->an->tokens.items[t].sentence == sentence;
}

/* "D-Calif", "R-S.C.", "I-Vt": a lawmaker's party and state, no name. */
static int party_state(const char *s, size_t n)
{
    return n >= 3 && (s[0] == 'D' || s[0] == 'R' || s[0] == 'I') && s[1] == '-' && s[2] >= 'A' &&
           s[2] <= 'Z';
}

/* May token t be a word of a name?  (Not yet asking about sentence starts.) */
static int name_word(px_ent_work *w, size_t t)
{
    if (!px_ent_is_cap(w, t)) return 0;
    const px_token *tok = &w->an->tokens.items[t];
    px_ent_word x = px_ent_word_at(w, t);
    const char *k = px_ent_key(w, t, t + 1);
    unsigned flags = px_gz_lookup(k, w->buf.len);
    if (flags & PX_GZ_NEVER) return 0;
    if (x.len == 1 || party_state(x.text, x.len)) return 0;
    double v;
    int ord, scale;
    if (px_num_word(k, &v, &ord, &scale) && !ord) return 0; /* "Twenty"; not "First Lady" */
    if (tok->stop || px_text_stopword("en", k, w->buf.len))
        return px_ent_is_acronym(x.text, x.len) && px_alias_group(x.text, x.len, k, w->buf.len) >= 0;
    return 1;
}

/* "Speaking", "Added", "Clearly": a verb or adverb opening the sentence. */
static int inflected(const char *k, size_t n)
{
    return (n > 4 && !memcmp(k + n - 3, "ing", 3)) || (n > 3 && !memcmp(k + n - 2, "ed", 2)) ||
           (n > 3 && !memcmp(k + n - 2, "ly", 2));
}

static int starts_name(px_ent_work *w, size_t t)
{
    const px_token *tok = &w->an->tokens.items[t];
    if (!name_word(w, t)) return 0;
    if (!initial_at(w, t)) return 1;
    px_ent_word x = px_ent_word_at(w, t);
    const char *k = px_ent_key(w, t, t + 1);
    size_t kn = w->buf.len;
    unsigned flags = px_gz_lookup(k, kn);
    if (flags & PX_GZ_STARTER) return 0;
    if (flags & (PX_GZ_PLACE | PX_GZ_ORG | PX_GZ_TITLE | PX_GZ_FIRST_NAME | PX_GZ_DEMONYM))
        return 1;
    int next = in_sentence(w, t + 1, tok->sentence) && name_word(w, t + 1);
    if (flags & (PX_GZ_TITLE_MOD | PX_GZ_ROLE)) return next; /* "Supreme Leader", "Historian X" */
    if (px_alias_group(x.text, x.len, k, kn) >= 0) return 1;
    if (px_map_get(&w->cap_mid, k, kn)) return 1;
    if (x.possessive || x.cut || inflected(k, kn) || !next) return 0;
    if (px_map_get(&w->lower, tok->norm, strlen(tok->norm))) return 0;
    /* "Controversial Arizona Sheriff Joe Arpaio": the name starts after it */
    return !(px_ent_classes(w, t + 1, t + 2) & PX_GZ_KNOWN_START);
}

static int connector(const px_ent_work *w, size_t t)
{
    static const char *const words[] = {"of", "for", "de", "del", "della", "da", "di", "du", "des",
                                        "van", "von", "der", "den", "bin", "ibn", "al", "el", "la",
                                        "le", "&"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (px_ent_tok_is(w, t, words[i])) return 1;
    return 0;
}

/* "House Ways and Means Committee": "and" inside a name, when the word
 * before it is no cue itself ("Democrats and Republicans" are two) and
 * two or more capitalised words after it end in an organization's cue
 * word (within PX_ENT_AND_REACH). */
static int cue_ahead(px_ent_work *w, size_t t, size_t s)
{
    if (px_ent_classes(w, t - 2, t - 1) & (PX_GZ_ORG_CUE | PX_GZ_ORG)) return 0;
    for (size_t i = t; i < t + PX_ENT_AND_REACH && in_sentence(w, i, s) && name_word(w, i); i++) {
        if (i > t && (px_ent_classes(w, i, i + 1) & PX_GZ_ORG_CUE)) return 1;
        if (px_ent_word_at(w, i).possessive) return 0;
    }
    return 0;
}

/* The end (one past) of the run starting at t. */
/* "Children's Defense Fund": a possessive that is part of a name. */
static int name_possessive(px_ent_work *w, size_t t)
{
    static const char *const words[] = {"children", "men", "people", "veterans", "women", "workers"};
    const char *k = px_ent_key(w, t, t + 1);
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (!strcmp(k, words[i])) return 1;
    return 0;
}

static size_t run_end(px_ent_work *w, size_t t)
{
    size_t s = w->an->tokens.items[t].sentence;
    for (;;) {
        px_ent_word x = px_ent_word_at(w, t);
        if (x.cut || (x.possessive && !name_possessive(w, t))) return t + 1;
        size_t n = t + 1;
        if (in_sentence(w, n, s) && name_word(w, n)) {
            t = n;
            continue;
        }
        if (in_sentence(w, n, s) && px_ent_tok_is(w, n, "and") && cue_ahead(w, n + 1, s)) {
            t = n + 1;
            continue;
        }
        if (!in_sentence(w, n, s) || !connector(w, n)) return t + 1;
        size_t after = n + 1;
        if (in_sentence(w, after, s) && px_ent_tok_is(w, after, "the") && px_ent_tok_is(w, n, "of")) after++;
        if (!in_sentence(w, after, s) || !name_word(w, after)) return t + 1;
        t = after;
    }
}

static void scan_sentence(px_ent_work *w, size_t si)
{
    for (size_t t = w->sent_tok[si]; t < w->sent_tok[si + 1];) {
        if (!starts_name(w, t)) {
            t++;
            continue;
        }
        size_t end = run_end(w, t);
        if (end - t <= PX_ENT_MAX_RUN) px_ent_parse_run(w, t, end);
        t = end;
    }
}

void px_ent_scan(px_ent_work *w)
{
    mark_tokens(w);
    for (size_t si = 0; si < w->a->sentences.len; si++) scan_sentence(w, si);
}
