/*
 * slot_count.c — counts of the event and amounts of money.
 *
 * Counts read the analysis's numbers (quantities only: an age, a time of
 * day or a label's digits, "Route 9", is never a count) and name the class
 * counted from the words around the number:
 *
 *   count-adjective  "two men dead", "three killed", "two people injured"
 *   count-passive    "three were injured", "two men were arrested" ("two men
 *                    were fatally shot": the dead)
 *   count-verb       "killed two", "injuring three people", "killing nine
 *                    members" (after a verb of harm any noun is counted)
 *   count-shots      "ten shots", "fired 10 rounds" (agreements only unless
 *                    the sentence tells of firing: "three bullets" shown)
 *   count-none       "no arrests have been made", "no one is in custody",
 *                    "police are searching for the shooter" (0; and the
 *                    event's custody "at large")
 *   count-custody    per article, the people it says were arrested or
 *                    charged without counting them: "at least N" (updates
 *                    only: pxs_custody)
 *   count-noun       "three people", "two vehicles" (the noun is the class;
 *                    agreements only, unless the sentence tells of the event
 *                    itself: a story counts many groups of people)
 *
 * Classes: dead, injured, shot ("three shot"), arrested, shots, and the
 * plain nouns (people, men, women, children, teens, boys, girls, victims,
 * suspects, officers, juveniles, adults, students, vehicles, homes).  "Two
 * of the victims" is a part, not a count, and so is "two other victims",
 * the ages of a range ("aged between 20 and 37"), or the "two men" of
 * "three women and two men dead"; numbers inside quotation marks are
 * skipped, and a sentence counting beyond the event ("since", "this
 * year", "so far", "homicides") gives none.  A passive is read past "who"
 * and the people's ages: "four men who were shot", "five men between the
 * ages of 21 and 58 were shot".
 * Ordinals ("the fourth time") are numbers of the event (slot number),
 * for agreements only.
 *
 * Money: an amount in dollars with the word that says what it is within a
 * few tokens (bail, bond, reward, fine, settlement, damages, ransom,
 * restitution); an amount with no such word is not compared.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/slots.h"

static const char *const NOUNS[][2] = {
    {"people", "people"}, {"persons", "people"}, {"person", "people"}, {"men", "men"},
    {"man", "men"}, {"women", "women"}, {"woman", "women"}, {"children", "children"},
    {"kids", "children"}, {"child", "children"}, {"teens", "teens"}, {"teenagers", "teens"},
    {"boys", "boys"}, {"girls", "girls"}, {"victims", "victims"}, {"victim", "victims"},
    {"suspects", "suspects"}, {"suspect", "suspects"}, {"officers", "officers"},
    {"juveniles", "juveniles"}, {"individuals", "people"}, {"adults", "adults"},
    {"students", "students"}, {"deputies", "officers"}, {"gunmen", "suspects"},
    {"vehicles", "vehicles"}, {"cars", "vehicles"}, {"homes", "homes"}, {"houses", "homes"},
    {"shots", "shots"}, {"rounds", "shots"}, {"gunshots", "shots"}, {"bullets", "shots"},
    {"shot", "shot"}};

static const char *noun_class(const char *unit)
{
    if (!unit) return NULL;
    for (size_t i = 0; i < sizeof NOUNS / sizeof *NOUNS; i++)
        if (strcmp(unit, NOUNS[i][0]) == 0) return NOUNS[i][1];
    return NULL;
}

/* The class of the word at token i in a {word, class} table. */
static const char *lookup(const px_sx *x, size_t i, const char *const (*map)[2], size_t n)
{
    const char *w = pxs_norm(x, i);
    for (size_t k = 0; k < n; k++)
        if (strcmp(w, map[k][0]) == 0) return map[k][1];
    return NULL;
}

/* The class a condition word counts: "killed" dead. */
static const char *const WORDS[][2] = {
    {"dead", "dead"}, {"killed", "dead"}, {"slain", "dead"}, {"died", "dead"},
    {"injured", "injured"}, {"wounded", "injured"}, {"hurt", "injured"},
    {"hospitalized", "injured"}, {"arrested", "arrested"}, {"detained", "arrested"},
    {"shot", "shot"}};

/* The class of a verb written before a count: "killed two". */
static const char *const VERBS[][2] = {
    {"killed", "dead"}, {"killing", "dead"}, {"injured", "injured"}, {"injuring", "injured"},
    {"wounded", "injured"}, {"wounding", "injured"}, {"hurt", "injured"},
    {"hurting", "injured"}, {"shot", "shot"}, {"shooting", "shot"}, {"arrested", "arrested"},
    {"arresting", "arrested"}, {"fired", "shots"}, {"firing", "shots"}};

#define word_class(x, i) lookup(x, i, WORDS, sizeof WORDS / sizeof *WORDS)
#define verb_class(x, i) lookup(x, i, VERBS, sizeof VERBS / sizeof *VERBS)

static const char *const BETWEEN[] = {"were", "are", "was", "is", "have", "has", "had", "been",
                                      "being", "also", "later", "reportedly", "all", "critically",
                                      "fatally", "seriously", "both", "each", "allegedly", "who",
                                      "that", NULL};

static int range_word(const px_sx *x, size_t i)
{
    return x->an->tokens.items[i].kind == PX_TOKEN_NUMBER ||
           pxs_in(x, i, (const char *const[]){"and", "to", ",", "-", "between", "the", "of",
                                              "from", "in", NULL});
}

/* The token after the people's ages written after a counted noun at m
 * ("five men between the ages of 21 and 58 were shot", "four men, ages
 * 19 to 34, were", "six men aged 21 to 36"), or m when none. */
static size_t past_ages(const px_sx *x, size_t m)
{
    size_t k = m + pxs_is(x, m, ",");
    if (pxs_is(x, k, "between") && pxs_is(x, k + 1, "the") && pxs_is(x, k + 2, "ages")) k += 3;
    else if (pxs_is(x, k, "ranging") && pxs_is(x, k + 1, "in") && pxs_is(x, k + 2, "age")) k += 3;
    else if (pxs_in(x, k, (const char *const[]){"aged", "ages", NULL})) k++;
    else return m;
    size_t end = k;
    while (end < k + 10 && end < x->t1 && range_word(x, end)) end++;
    if (end == k) return m;
    return end - (pxs_is(x, end - 1, "and") || pxs_is(x, end - 1, "the"));
}

/* 1 when the number at ti is one of people's ages in a range: "aged
 * between 20 and 37", "ages 19, 30 and 34", "from 21 to 36". */
static int in_age_range(const px_sx *x, size_t ti)
{
    for (size_t k = ti, n = 0; k > x->t0 && n < 10; k--, n++) {
        if (pxs_in(x, k - 1, (const char *const[]){"aged", "ages", "age", NULL})) return 1;
        if (!range_word(x, k - 1)) return 0;
    }
    return 0;
}

/* An ordinal ("the fourth time", "Obama's fourth"): what it ranks is too
 * loosely written to pair two outlets' ordinals for a conflict, so it
 * gives agreements only. */
static void ordinal(const px_sx *x, const px_number *n, size_t ti, size_t tj)
{
    if (n->value != (int)n->value) return;
    pxs_emit(x, PX_SLOT_NUMBER, "ordinal", -1, n->unit ? n->unit : "ordinal",
             pxs_printf(x, "%d", (int)n->value), n->value, PX_QUAL_EXACT, ti, tj, "ordinal");
    x->c->slot_values.items[x->c->slot_values.len - 1].no_conflict = 1;
}

/* 1 when the sentence counts more than the event: "the 100th homicide
 * this year", "10 people killed since June". */
static int statistic(const px_sx *x)
{
    static const char *const cues[] = {"since", "year", "years", "months", "annually", "total",
                                       "homicides", "average", "far", NULL};
    for (size_t i = x->t0; i < x->t1; i++)
        if (pxs_in(x, i, cues)) return 1;
    return 0;
}

/* 1 when the sentence tells of shots fired or heard, not of bullets shown. */
static int firing(const px_sx *x)
{
    static const char *const cues[] = {"fired", "fire", "firing", "rang", "ring", "heard",
                                       "shot", "struck", NULL};
    for (size_t i = x->t0; i < x->t1; i++)
        if (pxs_in(x, i, cues)) return 1;
    return 0;
}

/* The suspect still sought: the event's custody "at large", and none
 * arrested (both for updates: slots.c's px_compare_custody tells the
 * later articles' arrests). */
static void sought(const px_sx *x, size_t i, size_t end)
{
    pxs_emit(x, PX_SLOT_COUNT, "arrested", -1, "arrested", "0", 0, PX_QUAL_EXACT, i, end,
             "count-none");
    pxs_emit(x, PX_SLOT_CONDITION, "suspect|custody", -1, "the suspect (custody)", "at large", 0,
             PX_QUAL_EXACT, i, end, "custody-none");
}

static const char *const SOUGHT[] = {"shooter", "shooters", "suspect", "suspects", "gunman",
                                     "gunmen", "killer", "attacker", "attackers", "offender",
                                     NULL};

/* "No arrests have been made", "no one is in custody", "police have not
 * made any arrests", "there are no suspects", "police are (still)
 * searching for the shooter", "the gunman remains at large": none
 * arrested, so far. */
static void no_arrests(const px_sx *x)
{
    for (size_t i = x->t0; i < x->t1; i++) {
        size_t end = 0;
        if (pxs_is(x, i, "no") && (pxs_is(x, i + 1, "arrests") || pxs_is(x, i + 1, "arrest") ||
                                   pxs_is(x, i + 1, "suspects") || pxs_is(x, i + 1, "suspect")))
            end = i + 2;
        else if (pxs_is(x, i, "any") && pxs_is(x, i + 1, "arrests") &&
                 (pxs_is(x, i - 2, "not") || pxs_is(x, i - 2, "n't") || pxs_is(x, i - 1, "not")))
            end = i + 2;
        else if (pxs_is(x, i, "no") && pxs_is(x, i + 1, "one")) {
            size_t m = i + 2;
            while (m < i + 6 && pxs_in(x, m, BETWEEN)) m++;
            if (pxs_is(x, m, "arrested") || pxs_is(x, m, "charged")) end = m + 1;
            else if (pxs_is(x, m, "in") && pxs_is(x, m + 1, "custody")) end = m + 2;
        } else if ((pxs_is(x, i, "searching") || pxs_is(x, i, "looking") || pxs_is(x, i, "hunting")) &&
                   pxs_is(x, i + 1, "for") && pxs_is(x, i + 2, "the") && pxs_in(x, i + 3, SOUGHT)) {
            end = i + 4;
        } else if (pxs_in(x, i, SOUGHT) && !pxs_capital(x, i)) {
            size_t m = i + 1;
            while (m < i + 4 && pxs_in(x, m, (const char *const[]){"remains", "remain", "is", "are",
                                                                   "was", "were", "still", NULL}))
                m++;
            if (m > i + 1 && pxs_is(x, m, "at") && pxs_is(x, m + 1, "large")) end = m + 2;
        }
        if (end && !pxs_quoted(x, i)) {
            sought(x, i, end);
            return;
        }
    }
}

/* Per article, after its sentences: the arrests it tells of without a
 * count ("Detectives arrested Smith", "a 15-year-old has also been
 * arrested") make "at least N arrested" (N the named people arrested or
 * charged, else 1: "a suspect was taken into custody" and "police
 * arrested Smith" tell of one) and the event's custody "arrested", for updates only (judge.c):
 * an article a day after one saying no arrests were made tells of an
 * arrest since.  Values from `from` on are the article's. */
typedef struct custody_ref {
    const char *key;
    size_t i; /* index into c->slot_values */
} custody_ref;

static int cmp_custody(const void *x, const void *y)
{
    const custody_ref *a = x, *b = y;
    int k = strcmp(a->key, b->key);
    return k ? k : (a->i > b->i) - (a->i < b->i);
}

void pxs_custody(px_comparison *c, size_t a, size_t from)
{
    size_t stated = 0, m = 0, n_all = c->slot_values.len - from;
    custody_ref *idx = px_xmalloc((n_all ? n_all : 1) * sizeof *idx);
    for (size_t i = from; i < c->slot_values.len; i++) {
        const px_slot_value *v = &c->slot_values.items[i];
        assert(v->article == a);
        if (v->slot == PX_SLOT_COUNT && strcmp(v->key, "arrested") == 0 && v->num > 0) stated = 1;
        if (v->slot == PX_SLOT_CONDITION && strstr(v->key, "|custody") &&
            (strcmp(v->value, "arrested") == 0 || strcmp(v->value, "charged") == 0))
            idx[m++] = (custody_ref){v->key, i};
    }
    qsort(idx, m, sizeof *idx, cmp_custody); /* one person arrested and charged counts once */
    size_t people = 0, last = 0, first_described = (size_t)-1;
    for (size_t k = 0; k < m; k++) {
        if (k && strcmp(idx[k].key, idx[k - 1].key) == 0) continue;
        if (idx[k].key[0] != 'd') {
            people++;
            if (idx[k].i > last) last = idx[k].i;
        } else if (idx[k].i < first_described) {
            first_described = idx[k].i;
        }
    }
    free(idx);
    if (!people && first_described != (size_t)-1) /* "a suspect", "the man": one at least, and a */
        people = 1, last = first_described;        /* described one with a named one is that one */
    if (!people) return;
    px_slot_value at = c->slot_values.items[last];
    char buf[32];
    snprintf(buf, sizeof buf, "%zu", people);
    px_slot_value n = {.slot = PX_SLOT_COUNT, .key = "arrested", .entity = -1,
                       .subject = "arrested", .article = a, .sentence = at.sentence,
                       .value = px_arena_strdup(&c->arena, buf), .num = (double)people,
                       .qual = PX_QUAL_MIN, .no_conflict = PX_UPDATE_ONLY,
                       .surface = at.surface, .pattern = "count-custody"};
    if (!stated) px_vec_push(&c->slot_values, n);
    px_slot_value s = {.slot = PX_SLOT_CONDITION, .key = "suspect|custody", .entity = -1,
                       .subject = "the suspect (custody)", .article = a,
                       .sentence = at.sentence, .value = "arrested", .qual = PX_QUAL_EXACT,
                       .no_conflict = PX_UPDATE_ONLY, .surface = at.surface,
                       .pattern = "custody-arrest"};
    px_vec_push(&c->slot_values, s);
}

/* 1 when a count of another noun follows a verb of harm, "killing nine
 * members", "wounding five law enforcement officers": the verb says what
 * is counted (not a measure: "killed three times", "shot five hours"). */
static int victims_of_verb(const px_sx *x, size_t ti, const char *unit)
{
    static const char *const measure[] = {"times", "time", "hours", "hour", "minutes", "days",
                                          "weeks", "months", "years", "miles", "feet", "blocks",
                                          "percent", "dollars", "counts", "count", NULL};
    for (const char *const *m = measure; *m; m++)
        if (strcmp(unit, *m) == 0) return 0;
    size_t p = ti > x->t0 && pxs_is(x, ti - 1, "the") ? ti - 1 : ti;
    const char *cls = p > x->t0 ? verb_class(x, p - 1) : NULL;
    return cls && strcmp(cls, "shots") != 0 && strcmp(cls, "arrested") != 0;
}

void pxs_counts(const px_sx *x)
{
    no_arrests(x);
    int stat = statistic(x), fires = -1; /* firing(x), when first needed */
    for (size_t k = x->n0; k < x->n1; k++) {
        const px_number *n = &x->an->numbers.items[k];
        size_t ti = pxs_token_at(x, n->start), tj = pxs_token_at(x, n->end);
        if (n->kind != PX_NUMBER_QUANTITY) continue;
        if (n->ordinal) {
            ordinal(x, n, ti, tj);
            continue;
        }
        if (stat || n->value <= 0 || n->value >= 100000 || n->value != (int)n->value) continue;
        if (pxs_is(x, tj, "of") || (n->unit && strstr(n->unit, "year")) || pxs_quoted(x, ti)) continue;
        if (pxs_in(x, ti - 1, (const char *const[]){"other", "another", "additional", NULL}))
            continue; /* "two other victims": a part */
        if (pxs_is(x, tj, "other") || pxs_is(x, tj, "more") || in_age_range(x, ti)) continue;
        int part = (pxs_is(x, ti - 1, "and") ||
                    (pxs_is(x, ti - 1, ",") && k > x->n0 &&
                     pxs_token_at(x, x->an->numbers.items[k - 1].end) + 3 >= ti)) &&
                   !pxs_in(x, tj, BETWEEN); /* "... and two people were killed": a clause */
        const char *noun = noun_class(n->unit), *cls = NULL, *pattern = NULL;
        if (n->unit && !noun && !victims_of_verb(x, ti, n->unit))
            continue; /* "three times", "five miles" */
        size_t end = tj;
        if (part) { /* "three women and two men dead": the whole is counted, not the part */
            cls = NULL;
        } else if (noun && strcmp(noun, "shot") == 0) {
            cls = noun, pattern = "count-adjective";
        } else if ((cls = word_class(x, tj))) {
            pattern = "count-adjective", end = tj + 1;
        } else {
            size_t m = past_ages(x, tj), from = m;
            while (m < from + 4 && pxs_in(x, m, BETWEEN)) m++;
            if (m > tj && (cls = word_class(x, m))) {
                pattern = "count-passive", end = m + 1;
                if (strcmp(cls, "shot") == 0 && pxs_is(x, m - 1, "fatally"))
                    cls = "dead"; /* "two men were fatally shot": the dead */
            }
            else if (m > tj && pxs_is(x, m, "in") && pxs_is(x, m + 1, "custody"))
                cls = "arrested", pattern = "count-passive", end = m + 2;
        }
        if (!cls && !part) {
            size_t p = ti;
            if (p > x->t0 && pxs_is(x, p - 1, "the")) p--;
            if (p > x->t0 && (cls = verb_class(x, p - 1))) {
                if (strcmp(cls, "shots") == 0 && (!noun || strcmp(noun, "shots") != 0)) cls = NULL;
                else pattern = strcmp(cls, "shots") == 0 ? "count-shots" : "count-verb", ti = p - 1;
            }
        }
        if (!cls && noun) {
            cls = noun;
            pattern = strcmp(noun, "shots") == 0 ? "count-shots" : "count-noun";
        }
        if (!cls || (!noun && n->value == 1 && strcmp(pattern, "count-verb") == 0)) continue;
        pxs_emit(x, PX_SLOT_COUNT, cls, -1, cls, pxs_printf(x, "%d", (int)n->value), n->value,
                 pxs_qualifier(n->qualifier), ti, end, pattern);
        if ((strcmp(pattern, "count-noun") == 0 && /* "three people" may be any three */
             (!x->topic || strcmp(x->topic, "event") != 0 || n->value >= 1000)) ||
            (strcmp(pattern, "count-shots") == 0 && !(fires < 0 ? (fires = firing(x)) : fires)))
            x->c->slot_values.items[x->c->slot_values.len - 1].no_conflict = 1;
    }
}

/* In a story where no one died, "four people were shot" and "four people
 * were wounded" count the same people: the shot are counted as injured. */
void pxs_shot_as_injured(px_comparison *c)
{
    for (size_t i = 0; i < c->slot_values.len; i++) {
        const px_slot_value *v = &c->slot_values.items[i];
        if ((v->slot == PX_SLOT_COUNT && strcmp(v->key, "dead") == 0 && v->num > 0) ||
            (v->slot == PX_SLOT_CONDITION && strcmp(v->value, "killed") == 0))
            return;
    }
    for (size_t i = 0; i < c->slot_values.len; i++) {
        px_slot_value *v = &c->slot_values.items[i];
        if (v->slot == PX_SLOT_COUNT && strcmp(v->key, "shot") == 0) v->key = v->subject = "injured";
    }
}

void pxs_money(const px_sx *x)
{
    static const char *const keys[][2] = {
        {"bail", "bail"}, {"bond", "bail"}, {"reward", "reward"}, {"fine", "fine"},
        {"fined", "fine"}, {"settlement", "settlement"}, {"damages", "damages"},
        {"ransom", "ransom"}, {"restitution", "restitution"}};
    for (size_t k = x->n0; k < x->n1; k++) {
        const px_number *n = &x->an->numbers.items[k];
        if (n->kind != PX_NUMBER_QUANTITY || !n->unit || strcmp(n->unit, "dollars") != 0) continue;
        size_t ti = pxs_token_at(x, n->start), tj = pxs_token_at(x, n->end);
        const char *key = NULL;
        for (size_t i = ti >= x->t0 + 4 ? ti - 4 : x->t0; i < tj + 3 && i < x->t1 && !key; i++)
            for (size_t w = 0; w < sizeof keys / sizeof *keys && !key; w++)
                if (pxs_is(x, i, keys[w][0])) key = keys[w][1];
        if (!key) continue;
        const char *value = n->value == (long long)n->value
                                ? pxs_printf(x, "%lld", (long long)n->value)
                                : pxs_printf(x, "%.2f", n->value);
        pxs_emit(x, PX_SLOT_MONEY, key, -1, key, value, n->value, pxs_qualifier(n->qualifier), ti,
                 tj, "money");
    }
}
