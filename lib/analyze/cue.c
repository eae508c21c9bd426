/*
 * cue.c — the cue lexicon: the words that attribute speech ("said",
 * "told reporters", "according to") and the small word lists the speaker
 * rules need (pronouns, words between a speaker and its verb).
 *
 * Each entry is one to three folded words and the canonical cue it stands
 * for: "says", "saying" and "sagte" are all the cue "said", so outlets can
 * be compared on the cue whatever tense or language they wrote.  The kind
 * says where the speaker stands (quote.h: px_cue_kind); `inverts` marks the
 * verbs of `"...," added Earnest`.  Written for this project; English plus
 * the commonest German, French, Spanish and Portuguese forms.
 *
 * The table is sorted by its words (a unit test checks it): a lookup is a
 * binary search on the token's first word, then the longest entry of that
 * word that matches the following tokens.
 */
#include <string.h>

#include "analyze/quote.h"

typedef struct entry {
    const char *words; /* folded, space-separated */
    const char *cue;
    unsigned char kind, inverts;
} entry;

#define V PX_CUE_VERB
#define G PX_CUE_GERUND
#define A PX_CUE_AFTER
#define L PX_CUE_LABEL

static const entry lexicon[] = {
    {"according to", "according to", A, 0},
    {"accused", "accused", L, 0},        {"accusing", "accused", G, 0},
    {"acknowledged", "acknowledged", V, 1},
    {"acknowledges", "acknowledged", V, 1},
    {"acknowledging", "acknowledged", G, 0},
    {"add", "added", V, 0},              {"added", "added", V, 1},
    {"adding", "added", G, 0},           {"adds", "added", V, 1},
    {"admits", "admitted", V, 1},        {"admitted", "admitted", V, 1},
    {"afirmó", "said", V, 1},            {"agreed", "agreed", V, 0},
    {"announced", "announced", V, 1},    {"announcing", "announced", G, 0},
    {"argue", "argued", V, 0},           {"argued", "argued", V, 1},
    {"argues", "argued", V, 1},          {"arguing", "argued", G, 0},
    {"ask", "asked", V, 0},              {"asked", "asked", V, 1},
    {"asking", "asked", G, 0},           {"asks", "asked", V, 1},
    {"betonte", "stressed", V, 1},       {"blasted", "blasted", L, 0},
    {"boasted", "boasted", V, 1},        {"branded", "called", L, 0},
    {"called", "called", L, 0},          {"calling", "called", G, 0},
    {"calls", "called", L, 0},           {"cautioned", "warned", V, 1},
    {"characterized", "called", L, 0},   {"charged", "charged", V, 1},
    {"claimed", "claimed", V, 1},        {"claiming", "claimed", G, 0},
    {"claims", "claimed", V, 1},         {"complained", "complained", V, 1},
    {"complaining", "complained", G, 0}, {"conceded", "conceded", V, 1},
    {"concluded", "concluded", V, 1},    {"condemned", "condemned", L, 0},
    {"confirmed", "confirmed", V, 1},    {"contended", "argued", V, 1},
    {"continued", "continued", V, 1},    {"continues", "continued", V, 1},
    {"countered", "countered", V, 1},    {"criticized", "criticized", L, 0},
    {"declared", "declared", V, 1},      {"declaring", "declared", G, 0},
    {"declaró", "said", V, 1},
    {"declined to comment", "declined to comment", V, 0},
    {"denied", "denied", V, 0},          {"denounced", "denounced", L, 0},
    {"described", "described", L, 0},    {"describes", "described", L, 0},
    {"describing", "described", G, 0},   {"dijo", "said", V, 1},
    {"dismissed", "dismissed", L, 0},    {"disse", "said", V, 1},
    {"dit", "said", V, 1},               {"dubbed", "called", L, 0},
    {"déclaré", "said", V, 1},           {"emphasised", "stressed", V, 1},
    {"emphasized", "stressed", V, 1},    {"erklärte", "explained", V, 1},
    {"explain", "explained", V, 0},      {"explained", "explained", V, 1},
    {"explaining", "explained", G, 0},   {"explains", "explained", V, 1},
    {"insist", "insisted", V, 0},        {"insisted", "insisted", V, 1},
    {"insisting", "insisted", G, 0},     {"insists", "insisted", V, 1},
    {"joked", "joked", V, 1},            {"labeled", "called", L, 0},
    {"labelled", "called", L, 0},        {"lamented", "lamented", V, 1},
    {"laut", "according to", A, 0},      {"maintained", "maintained", V, 1},
    {"mocked", "mocked", L, 0},          {"note", "noted", V, 0},
    {"noted", "noted", V, 1},            {"notes", "noted", V, 1},
    {"noting", "noted", G, 0},           {"observed", "observed", V, 1},
    {"pleaded", "urged", V, 1},          {"pledged", "promised", V, 0},
    {"pointed out", "noted", V, 1},      {"praised", "praised", L, 0},
    {"predicted", "predicted", V, 1},    {"promised", "promised", V, 0},
    {"promising", "promised", G, 0},     {"questioned", "asked", V, 1},
    {"quipped", "joked", V, 1},          {"recalled", "recalled", V, 1},
    {"recalling", "recalled", G, 0},     {"recalls", "recalled", V, 1},
    {"referred", "called", L, 0},
    {"refused to comment", "declined to comment", V, 0},
    {"reiterated", "reiterated", V, 1},  {"rejected", "rejected", L, 0},
    {"remarked", "remarked", V, 1},      {"replied", "replied", V, 1},
    {"replying", "replied", G, 0},       {"responded", "replied", V, 1},
    {"retort", "replied", V, 0},         {"retorted", "replied", V, 1},
    {"sagt", "said", V, 1},              {"sagte", "said", V, 1},
    {"said", "said", V, 1},              {"say", "said", V, 0},
    {"saying", "said", G, 0},            {"says", "said", V, 1},
    {"según", "according to", A, 0},     {"selon", "according to", A, 0},
    {"shouted", "shouted", V, 1},        {"slammed", "blasted", L, 0},
    {"stated", "said", V, 1},            {"stressed", "stressed", V, 1},
    {"stresses", "stressed", V, 1},      {"suggested", "suggested", V, 1},
    {"tell", "told", V, 0},              {"telling", "told", G, 0},
    {"telling reporters", "told reporters", G, 0},
    {"tells", "told", V, 0},
    {"tells reporters", "told reporters", V, 0},
    {"termed", "called", L, 0},          {"testified", "testified", V, 1},
    {"told", "told", V, 0},
    {"told reporters", "told reporters", V, 0},
    {"tweeted", "tweeted", V, 1},        {"tweeting", "tweeted", G, 0},
    {"tweets", "tweeted", V, 1},         {"urged", "urged", V, 1},
    {"urging", "urged", G, 0},           {"vowed", "promised", V, 0},
    {"vowing", "promised", G, 0},        {"warn", "warned", V, 0},
    {"warned", "warned", V, 1},          {"warning", "warned", G, 0},
    {"warns", "warned", V, 1},           {"went on", "continued", V, 1},
    {"wondered", "asked", V, 1},         {"write", "wrote", V, 0},
    {"writes", "wrote", V, 1},           {"writing", "wrote", G, 0},
    {"wrote", "wrote", V, 1},
};

#undef V
#undef G
#undef A
#undef L

#define N_LEXICON (sizeof lexicon / sizeof *lexicon)

static size_t first_word_len(const char *w)
{
    const char *sp = strchr(w, ' ');
    return sp ? (size_t)(sp - w) : strlen(w);
}

/* strcmp of key against the first word of e. */
static int cmp_first(const char *key, const entry *e)
{
    size_t n = first_word_len(e->words), k = strlen(key);
    int c = strncmp(key, e->words, n < k ? n : k);
    if (c) return c;
    return k < n ? -1 : k > n ? 1 : 0;
}

/* Number of tokens entry e matches from t[i], or 0. */
static size_t match(const entry *e, const px_token *t, size_t n, size_t i)
{
    const char *w = e->words;
    size_t k = 0;
    while (*w) {
        size_t len = first_word_len(w);
        if (i + k >= n || strlen(t[i + k].norm) != len || memcmp(t[i + k].norm, w, len)) return 0;
        k++;
        w += len;
        if (*w == ' ') w++;
    }
    return k;
}

int px_cue_at(const px_token *t, size_t n, size_t i, px_cue *out)
{
    if (t[i].kind != PX_TOKEN_WORD) return 0;
    size_t lo = 0, hi = N_LEXICON; /* first entry whose first word >= the token */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_first(t[i].norm, &lexicon[mid]) > 0) lo = mid + 1;
        else hi = mid;
    }
    size_t best = 0;
    const entry *found = NULL;
    for (size_t j = lo; j < N_LEXICON && cmp_first(t[i].norm, &lexicon[j]) == 0; j++) {
        size_t k = match(&lexicon[j], t, n, i);
        if (k > best) best = k, found = &lexicon[j];
    }
    if (!found) return 0;
    *out = (px_cue){found->cue, (px_cue_kind)found->kind, found->inverts, best};
    return 1;
}

int px_cue_lexicon_sorted(void)
{
    for (size_t i = 1; i < N_LEXICON; i++)
        if (strcmp(lexicon[i - 1].words, lexicon[i].words) >= 0) return 0;
    return 1;
}

int px_cue_skippable(const px_token *t)
{
    static const char *const words[] = {
        "also", "later", "then", "again", "previously", "recently", "earlier", "once",
        "further", "first", "has", "had", "have", "would", "will", "did", "does", "do",
        "could", "may", "might", "should", "was", "is", "not", "never", "just", "still",
        "on", "last", "this", "today", "yesterday", "tonight", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon",
        "evening", "night", "week", "month", "year", "a", NULL};
    if (t->kind != PX_TOKEN_WORD) return 0;
    size_t n = strlen(t->norm);
    if (n > 4 && !strcmp(t->norm + n - 2, "ly") && strcmp(t->norm, "only")) return 1;
    return px_tok_in(t, words);
}

int px_cue_pronoun(const px_token *t)
{
    static const char *const words[] = {"he", "she", "they", "it", "we", "i", "you",
                                        "er", "sie", "il", "elle", "ils", "elles", NULL};
    return t->kind == PX_TOKEN_WORD && px_tok_in(t, words);
}
