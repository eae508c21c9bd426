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
#include <string.h>

#include "analyze/entity.h"
#include "analyze/quote.h"

static long type_of(const px_analysis *an, long e)
{
    return e >= 0 && (size_t)e < an->entities.len ? (long)an->entities.items[e].pub.type : -1;
}

/* A word that opens a clause before the main one: "Asked whether ...,". */
static int intro_word(const px_token *t)
{
    static const char *const words[] = {
        "asked", "after", "in", "while", "when", "speaking", "despite", "although", "though",
        "if", "as", "during", "at", "on", "for", "before", "since", "with", "without",
        "following", "by", "from", "unlike", "like", "earlier", "later", "still", NULL};
    return px_tok_in(t, words);
}

static int preposition(const px_token *t)
{
    static const char *const words[] = {"of", "for", "at", "with", "from", "in", "on", NULL};
    return px_tok_in(t, words);
}

/* A place named before a word of the span that is not its own modifies
 * it ("the Texas governor" is not spoken by Texas), and so does an
 * organization named before a role noun ("the House speaker", "the White
 * House spokesman"; the entity finder's gazetteer knows the role nouns). */
static int modifier(const px_analysis *an, size_t s, px_toks toks, size_t k, size_t j, long e)
{
    long type = type_of(an, e);
    if (type != PX_ENTITY_PLACE && type != PX_ENTITY_ORGANIZATION) return 0;
    for (size_t x = k + 1; x < j; x++) {
        const px_token *t = &toks.t[x];
        if (t->kind != PX_TOKEN_WORD) return 0;
        if (px_entity_at(an, s, t->start, t->end) == e) continue;
        if (type == PX_ENTITY_PLACE) return !px_tok_is(t, "of") && !px_tok_is(t, "and");
        return (px_gz_lookup(t->norm, strlen(t->norm)) & PX_GZ_ROLE) != 0;
    }
    return 0;
}

long px_np_entity(const px_analysis *an, size_t s, px_toks toks, size_t i, size_t j,
                  int from_right)
{
    long person = -1, other = -1;
    int depth = 0; /* parentheses around the current token */
    if (j > toks.n) j = toks.n;
    size_t pp = j; /* the first preposition of the span */
    for (size_t k = i + 1; k < j && pp == j; k++)
        if (preposition(&toks.t[k])) pp = k;
    for (size_t x = 0; i + x < j; x++) {
        size_t k = from_right ? j - 1 - x : i + x;
        const px_token *t = &toks.t[k];
        if (px_tok_is(t, from_right ? ")" : "(")) depth++;
        else if (px_tok_is(t, from_right ? "(" : ")") && depth > 0) depth--;
        if (t->kind != PX_TOKEN_WORD || depth > 0) continue;
        long e = px_entity_at(an, s, t->start, t->end);
        if (e < 0 || modifier(an, s, toks, k, j, e)) continue;
        if (k > pp && type_of(an, e) != PX_ENTITY_PERSON) continue; /* "a plant in Mesa" */
        if (type_of(an, e) == PX_ENTITY_PERSON) {
            person = e;
            break;
        }
        if (other < 0) other = e;
    }
    return person >= 0 ? person : other;
}


/* Where the main clause starts: after an opening "Asked whether ...," or
 * "In Washington,". */
static size_t clause_start(px_toks toks, size_t hi)
{
    if (hi == 0 || !intro_word(&toks.t[0])) return 0;
    for (size_t k = 1; k < hi; k++)
        if (px_tok_is(&toks.t[k], ",")) return k + 1;
    return 0;
}


enum { MAX_NP = 12 }; /* tokens in a speaker span */

static int boundary_word(const px_token *t)
{
    static const char *const words[] = {
        "that", "who", "which", "whom", "whose", "and", "but", "or", "because", "when",
        "while", "as", "if", "after", "before", "since", "than", "though", "although",
        "where", "so", "to", NULL};
    return px_tok_in(t, words);
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

/* A segment that cannot be the head of "X, ..., said": one opening with a
 * lower-case word ("the spokesman", "one of the few"), a relative pronoun
 * or an opening clause's word ("After meeting Obama"). */
static int not_a_head(const px_article *a, const px_token *first)
{
    if (first->kind != PX_TOKEN_WORD) return 1;
    if (!px_tok_capital(a, first) || intro_word(first)) return 1;
    return px_tok_is(first, "who") || px_tok_is(first, "whose") || px_tok_is(first, "which");
}

/* "Sen. Mitt Romney, R-Utah, whose views have shifted, said": the comma at
 * token k ends appositives.  Going back over comma-separated segments, the
 * noun phrase ending each one is a candidate head when it can be one; the
 * first person wins, else the first other entity.  -1 when none. */
static long head_before_appositives(const px_article *a, const px_analysis *an, size_t s,
                                    px_toks t, size_t lo, size_t k)
{
    enum { MAX_SEGMENTS = 4, MAX_SEGMENT = 40 };
    long other = -1;
    size_t end = k;
    for (int seg = 0; seg < MAX_SEGMENTS; seg++) {
        size_t st = end;
        while (st > lo && end - st < MAX_SEGMENT && !px_tok_is(&t.t[st - 1], ",")) {
            const px_token *x = &t.t[st - 1];
            if (px_tok_qmark(x) || px_tok_is(x, ";") || px_tok_is(x, ":")) break;
            st--;
        }
        size_t h = span_back(t, st, end);
        if (h < end && !not_a_head(a, &t.t[h])) {
            long e = px_np_entity(an, s, t, h, end, 1);
            if (e >= 0 && type_of(an, e) == PX_ENTITY_PERSON) return e;
            if (e >= 0) other = e; /* the head furthest back: "Pelosi, D-Calif., said" */
        }
        if (st <= lo || !px_tok_is(&t.t[st - 1], ",")) break;
        end = st - 1;
    }
    return other;
}

static int possessive(const px_token *t)
{
    size_t n = strlen(t->norm);
    return (n > 2 && !strcmp(t->norm + n - 2, "'s")) ||
           (n > 4 && !strcmp(t->norm + n - 4, "\xe2\x80\x99s"));
}

/* Rule person-modifier: a person's name that modifies the noun after it,
 * in a span before its verb, is no speaker: a possessive ("Ortiz's
 * lawyer said") or a name after an article ("the Ortiz campaign said", "a
 * Lee aide said").  The speaker is then a person named after that noun
 * ("the Ortiz campaign spokeswoman Lia Brandt"), else nobody.  Not after
 * its verb (from_right == 0: "said Ann Lee.She pointed" runs on into the
 * next clause), nor for a pronoun ("his father said"), nor when what
 * follows may be a verb or an adverb ("Mr. Lee nevertheless said"). */
static long unmodified(const px_article *a, const px_analysis *an, size_t s, px_toks t, size_t i,
                       size_t j, int from_right, long e)
{
    static const char *const article[] = {"the", "a", "an", NULL};
    if (!from_right || e < 0 || type_of(an, e) != PX_ENTITY_PERSON) return e;
    size_t first = j, last = j; /* e's words in the span */
    for (size_t k = i; k < j; k++)
        if (t.t[k].kind == PX_TOKEN_WORD && px_entity_at(an, s, t.t[k].start, t.t[k].end) == e) {
            if (first == j) first = k;
            last = k;
        }
    if (last == j || last + 1 >= j || px_cue_pronoun(&t.t[last])) return e;
    const px_token *x = &t.t[last + 1];
    if (x->kind != PX_TOKEN_WORD || px_tok_capital(a, x) || px_entity_at(an, s, x->start, x->end) >= 0)
        return e;
    while (first > i && t.t[first - 1].kind == PX_TOKEN_WORD && px_tok_capital(a, &t.t[first - 1]) &&
           !px_tok_in(&t.t[first - 1], article))
        first--; /* a title before the name: "the Sen. Lee campaign" */
    int det = first > i && px_tok_in(&t.t[first - 1], article);
    if (!possessive(&t.t[last]) && !det) return e;
    long after = px_np_entity(an, s, t, last + 2, j, from_right);
    return type_of(an, after) == PX_ENTITY_PERSON ? after : -1;
}

/* The entity of [i, j).  With a preposition in it, the words before it
 * decide: a common noun there is the head ("a spokesman for Sen. Smith" is
 * not Smith: only the spokesman's own mention counts), a name or title
 * lets a person anywhere win ("Jane Doe of the ACLU", "Secretary of State
 * John Kerry", "National Organization for Women President Terry O'Neill").
 * A person modifying a noun is no speaker (unmodified()). */
static long resolve(const px_article *a, const px_analysis *an, size_t s, px_toks t, size_t i,
                    size_t j, int from_right)
{
    size_t p = i + 1;
    while (p < j && !preposition(&t.t[p])) p++;
    if (p >= j) return unmodified(a, an, s, t, i, j, from_right, px_np_entity(an, s, t, i, j, from_right));
    long left = unmodified(a, an, s, t, i, p, from_right, px_np_entity(an, s, t, i, p, from_right));
    if (t.t[p - 1].kind == PX_TOKEN_WORD && !px_tok_capital(a, &t.t[p - 1])) return left;
    long whole = px_np_entity(an, s, t, i, j, from_right);
    if (whole >= 0 && type_of(an, whole) == PX_ENTITY_PERSON) return whole;
    return left >= 0 ? left : whole;
}


/* Rule name-before-verb: when the span [b, k) resolves to nothing, a
 * person named just before the verb after a common noun ("When the shooter
 * ran out of ammunition Lund said"; a comma left out) is the subject; not
 * after a preposition or a determiner ("a spokesman for Sen. Smith said"). */
static long name_before_verb(const px_article *a, const px_analysis *an, size_t s, px_toks t,
                             size_t b, size_t k)
{
    static const char *const det[] = {"the", "a", "an", "this", "that", "his", "her", "their", "its", NULL};
    if (k <= b || t.t[k - 1].kind != PX_TOKEN_WORD) return -1;
    long e = px_entity_at(an, s, t.t[k - 1].start, t.t[k - 1].end);
    if (type_of(an, e) != PX_ENTITY_PERSON) return -1;
    size_t r = k - 1;
    while (r > b && t.t[r - 1].kind == PX_TOKEN_WORD && px_tok_capital(a, &t.t[r - 1])) r--;
    if (r == b) return -1; /* the whole span: resolve() has seen it */
    const px_token *before = &t.t[r - 1];
    if (before->kind != PX_TOKEN_WORD || preposition(before) || px_tok_in(before, det) || possessive(before))
        return -1;
    return e;
}

long px_speaker_before(const px_article *a, const px_analysis *an, size_t s, px_toks t,
                       size_t lo, size_t v, int *found)
{
    size_t k = v;
    *found = 0;
    while (k > lo && px_cue_skippable(&t.t[k - 1])) k--;
    if (k > lo && (px_tok_is(&t.t[k - 1], "who") || px_tok_is(&t.t[k - 1], "which"))) {
        k--; /* "..., said Bloomberg, who added": the name just before */
        if (k > lo && px_tok_is(&t.t[k - 1], ",")) k--;
        size_t b = span_back(t, lo, k);
        *found = b < k;
        return px_np_entity(an, s, t, b, k, 1);
    } else if (k > lo && px_cue_pronoun(&t.t[k - 1])) {
        *found = 1;
        return px_entity_at(an, s, t.t[k - 1].start, t.t[k - 1].end);
    }
    if (k > lo && px_tok_is(&t.t[k - 1], ",")) { /* X, the spokesman, said */
        long e = head_before_appositives(a, an, s, t, lo, k - 1);
        if (e >= 0) return *found = 1, e;
        size_t b = span_back(t, lo, k - 1); /* the appositive alone: a person only */
        *found |= b < k - 1;
        e = resolve(a, an, s, t, b, k - 1, 1);
        return e >= 0 && type_of(an, e) == PX_ENTITY_PERSON ? e : -1;
    }
    size_t b = span_back(t, lo, k);
    *found = b < k;
    if (b > lo + 1 && b < k && preposition(&t.t[b]) && px_tok_is(&t.t[b - 1], ",")) {
        /* Rule of-apposition: "Commander Ann Lee, of the Elmtown Police
         * Department said": a span opening with a preposition after a comma
         * qualifies the person before it (the comma that would close it is
         * left out); the organization is not the speaker. */
        long e = head_before_appositives(a, an, s, t, lo, b - 1);
        if (e >= 0 && type_of(an, e) == PX_ENTITY_PERSON) return e;
    }
    long e = resolve(a, an, s, t, b, k, 1);
    return e >= 0 ? e : name_before_verb(a, an, s, t, b, k);
}

/* The noun phrase from token i on (a pronoun alone, else the span up to
 * hi), resolved leftmost or rightmost first; *j is the span's end. */
static long span_after(const px_article *a, const px_analysis *an, size_t s, px_toks t,
                       size_t i, size_t *hi, int from_right, int *found, size_t *j)
{
    if (*hi > t.n) *hi = t.n;
    if (i < *hi && px_cue_pronoun(&t.t[i])) {
        *found = 1, *j = i;
        return px_entity_at(an, s, t.t[i].start, t.t[i].end);
    }
    *j = span_forward(t, i, *hi);
    *found = *j > i;
    return resolve(a, an, s, t, i, *j, from_right);
}

long px_speaker_after(const px_article *a, const px_analysis *an, size_t s, px_toks t,
                      size_t i, size_t hi, int *found)
{
    size_t j;
    long e = span_after(a, an, s, t, i, &hi, 0, found, &j);
    if (type_of(an, e) == PX_ENTITY_PERSON || j == i || j + 1 >= hi || !px_tok_is(&t.t[j], ","))
        return e;
    /* Rule role-apposition: "said the victim's father, Paul Ames", "said a
     * spokesman for the police department, Officer Jane Roe": a role noun
     * phrase (opening with a lower-case word) and, after its comma, the
     * person it names. */
    if (t.t[i].kind != PX_TOKEN_WORD || px_tok_capital(a, &t.t[i])) return e;
    size_t k = span_forward(t, j + 1, hi);
    long named = px_np_entity(an, s, t, j + 1, k, 0);
    return type_of(an, named) == PX_ENTITY_PERSON ? named : e;
}

long px_speaker_between(const px_article *a, const px_analysis *an, size_t s, px_toks t,
                        size_t i, size_t hi, int *found)
{
    size_t j;
    return span_after(a, an, s, t, i, &hi, 1, found, &j);
}

/* A subject that opens with a determiner and a lower-case word: its own
 * role mention ("The president", resolved by the entity finder), or the
 * name right after it ("the aide, Elizabeth Lauten,"); never a name
 * further on ("The communications pro took a shot at President Obama"). */
static long common_subject(const px_article *a, const px_analysis *an, size_t s, px_toks toks,
                           size_t k, size_t hi)
{
    enum { MAX_COMMON = 4 };
    for (size_t i = k; i < k + 2 && i < hi; i++) {
        long e = px_entity_at(an, s, toks.t[i].start, toks.t[i].end);
        if (e >= 0) return e;
    }
    size_t end = k + 1;
    while (end < hi && end - k < MAX_COMMON && toks.t[end].kind == PX_TOKEN_WORD &&
           !px_tok_capital(a, &toks.t[end]))
        end++;
    if (end + 1 < hi && px_tok_is(&toks.t[end], ",")) {
        long e = px_entity_at(an, s, toks.t[end + 1].start, toks.t[end + 1].end);
        if (e >= 0 && type_of(an, e) == PX_ENTITY_PERSON) return e;
    }
    return -1;
}


long px_np_subject(const px_article *a, const px_analysis *an, size_t s, px_toks toks, size_t hi)
{
    static const char *const det[] = {"the", "a",   "an",    "this", "that",
                                      "his", "her", "their", NULL};
    enum { MAX_SUBJECT = 40 }; /* tokens: keeps a giant sentence linear */
    if (hi > toks.n) hi = toks.n;
    if (hi > MAX_SUBJECT) hi = MAX_SUBJECT;
    size_t k = clause_start(toks, hi);
    /* "She doubled down, telling CNN:" */
    if (k < hi && px_cue_pronoun(&toks.t[k]) && !px_tok_is(&toks.t[k], "it"))
        return px_entity_at(an, s, toks.t[k].start, toks.t[k].end);
    if (k + 1 < hi && px_tok_in(&toks.t[k], det) && !px_tok_capital(a, &toks.t[k + 1]))
        return common_subject(a, an, s, toks, k, hi);
    int quoted = 0;
    for (; k < hi; k++) { /* the first name, and the person in its run of capitals */
        const px_token *t = &toks.t[k];
        if (px_tok_qmark(t)) quoted = !quoted;
        long e = t->kind == PX_TOKEN_WORD && !quoted ? px_entity_at(an, s, t->start, t->end) : -1;
        if (e < 0) continue;
        long type = type_of(an, e);
        if (type == PX_ENTITY_PLACE) continue; /* "LIVINGSTON, N.J. — Gov. Chris Christie" */
        if (type != PX_ENTITY_PERSON && (possessive(t) || modifier(an, s, toks, k, hi, e)))
            continue; /* "Alabama's state auditor, Jim Ziegler," */
        size_t end = k + 1;
        while (end < hi && toks.t[end].kind == PX_TOKEN_WORD && px_tok_capital(a, &toks.t[end]))
            end++;
        long p = px_np_entity(an, s, toks, k, end, 1);
        return p >= 0 ? p : e;
    }
    return -1;
}
