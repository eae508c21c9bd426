/*
 * slot_people.c — the attributes of people: age, condition (health,
 * custody, charges), relation and role.
 *
 * Ages.  age-apposition "Smith, 23," / "the victim, 23," / "Smith, a
 * 23-year-old"; age-adjective "23-year-old Smith" / "a 15-year-old boy"
 * (keyed by the noun: a boy and a cousin are two people); age-who "Smith,
 * who is 23" and "Smith, aged 23".
 *
 * Conditions.  A condition word in the passive, its subject found by
 * stepping back over auxiliaries and adverbs ("Smith was fatally shot and
 * killed", "the boy is in critical condition", "Smith died"), or right
 * after an active verb ("shot and killed Smith").  Health: killed,
 * injured, critical, serious, stable, fair, good; custody: arrested
 * (also apprehended, captured, taken into custody),
 * charged, released, at large; charges: the first charge after "charged
 * with", degrees spelt out (agreements only: outlets list charges in part).
 *
 * Relations.  relation-possessive "Smith's father, Paul Ames" and
 * relation-apposition "Paul Ames, the father of Smith": the relation of
 * one person to another, keyed by the pair.
 *
 * Roles: the analysis's roles of each person, for agreements only (two
 * outlets naming two true titles is no conflict).
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/numdate.h"
#include "compare/slots.h"

static const char *const AUX[] = {"was", "is", "were", "are", "been", "being", "be",
                                  "remains", "remained", "remain", "listed", NULL};
static const char *const SKIP[] = {
    "was", "is", "were", "are", "has", "have", "had", "been", "being", "be", "later", "also",
    "fatally", "critically", "seriously", "gravely", "mortally", "badly", "listed", "in",
    "remains", "remained", "remain", "reportedly", "allegedly", "shot", "and", "then",
    "initially", "pronounced", "found", "both", "now", "still", "officially", "subsequently",
    "eventually", "since", "taken", "not", "on", "late", "early", "morning", "night",
    "afternoon", "evening", "yesterday", "today", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "arrested", "booked", "detained", "wounded", "injured",
    "hospitalized", "killed", NULL};
static const char *const RELATIONS[] = {
    "father", "mother", "son", "daughter", "brother", "sister", "cousin", "uncle", "aunt",
    "nephew", "niece", "grandmother", "grandfather", "grandson", "granddaughter", "wife",
    "husband", "girlfriend", "boyfriend", "fiance", "fiancé", "fiancee", "fiancée",
    "stepfather", "stepmother", "stepson", "stepdaughter", "friend", "neighbor", "partner",
    "sibling", "parent", "child", "godmother", "godfather", "roommate", "ex-girlfriend",
    "ex-boyfriend", "ex-wife", "ex-husband", NULL};

static int is_word(const px_sx *x, size_t i)
{
    return i >= x->t0 && i < x->t1 && x->an->tokens.items[i].kind == PX_TOKEN_WORD;
}

/* The length of s without a possessive "'s" / "’s" ending, or 0 when it has none. */
static size_t possessive(const char *s)
{
    size_t n = strlen(s);
    if (n > 2 && strcmp(s + n - 2, "'s") == 0) return n - 2;
    if (n > 4 && strcmp(s + n - 4, "\xe2\x80\x99s") == 0) return n - 4;
    return 0;
}

/* An age as a whole number of years, from digits or a number word. */
static int age_of(const char *s, size_t n)
{
    char buf[32];
    if (!n || n >= sizeof buf) return 0;
    memcpy(buf, s, n), buf[n] = '\0';
    double v = 0;
    int ordinal = 0, scale = 0;
    if (!px_num_word(buf, &v, &ordinal, &scale) || ordinal || scale) return 0;
    return v >= 1 && v < 120 && v == (int)v ? (int)v : 0;
}

/* "23-year-old", "4-year old", "13-years-old": the age, and the token
 * after it in *end. */
static int age_adjective(const px_sx *x, size_t i, size_t *end)
{
    const char *n = pxs_norm(x, i), *y = strstr(n, "-year");
    if (!y) return 0;
    int age = age_of(n, (size_t)(y - n));
    const char *rest = y + 5;
    if (*rest == 's') rest++;
    if (strcmp(rest, "-old") == 0) *end = i + 1;
    else if (!*rest && pxs_is(x, i + 1, "old")) *end = i + 2;
    else return 0;
    return age;
}

/* The descriptive key of a person noun at token k ("d:boy"), with an owner
 * written before it ("Smith's 5-year-old sister": "d:e3's sister").
 * `before` is the first token of the description. */
static const char *described(const px_sx *x, size_t k, size_t before, const char **subject)
{
    const char *noun = pxs_norm(x, k);
    size_t o = before - 1;
    size_t pn = before > x->t0 ? possessive(pxs_norm(x, o)) : 0;
    if (pn) {
        long e = pxs_person(x, o);
        if (e >= 0) {
            *subject = pxs_printf(x, "%s's %s", pxs_entity_name(x, e), noun);
            return pxs_printf(x, "d:%s's %s", pxs_entity_key(x, e, NULL), noun);
        }
        if (pxs_person_noun(pxs_printf(x, "%.*s", (int)pn, pxs_norm(x, o)))) {
            *subject = pxs_printf(x, "the %.*s's %s", (int)pn, pxs_norm(x, o), noun);
            return pxs_printf(x, "d:%.*s's %s", (int)pn, pxs_norm(x, o), noun);
        }
    }
    *subject = pxs_printf(x, "the %s", noun);
    return pxs_printf(x, "d:%s", noun);
}

/* Widens [*i, *j) over the whole of entity e's mention it touches. */
static void whole_name(const px_sx *x, long e, size_t *i, size_t *j)
{
    if (e < 0) return;
    if (pxs_person(x, *i) == e)
        while (*i > x->t0 && pxs_person(x, *i - 1) == e) (*i)--;
    if (*j > *i && pxs_person(x, *j - 1) == e)
        while (pxs_person(x, *j) == e) (*j)++;
}

static void age_value(const px_sx *x, long e, const char *key, const char *subject, int age,
                      size_t i, size_t j, const char *pattern)
{
    long story = -1;
    whole_name(x, e, &i, &j);
    if (e >= 0) {
        key = pxs_entity_key(x, e, &story);
        subject = pxs_entity_name(x, e);
    }
    pxs_emit(x, PX_SLOT_AGE, key, story, subject, pxs_printf(x, "%d", age), age, PX_QUAL_EXACT,
             i, j, pattern);
}

/* The start of the description that ends at noun k: "a 15-year-old" before "boy". */
static size_t description_start(const px_sx *x, size_t k)
{
    size_t b = k, e;
    if (b > x->t0 && age_adjective(x, b - 1, &e) && e == b) b--;
    else if (b > x->t0 + 1 && pxs_is(x, b - 1, "old") && age_adjective(x, b - 2, &e) && e == b) b -= 2;
    if (b > x->t0 && pxs_in(x, b - 1, (const char *const[]){"a", "an", "the", "his", "her", "their", NULL}))
        b--;
    return b;
}

void pxs_ages(const px_sx *x)
{
    for (size_t i = x->t0; i < x->t1; i++) {
        const px_token *t = &x->an->tokens.items[i];
        size_t j;
        int age;
        if (t->kind == PX_TOKEN_NUMBER && (age = age_of(t->norm, strlen(t->norm)))) {
            if (pxs_is(x, i - 1, ",") &&
                (i + 1 == x->t1 || pxs_in(x, i + 1, (const char *const[]){",", ".", ";", ")", NULL}))) {
                long e = pxs_person(x, i - 2);
                const char *subject;
                if (e >= 0) age_value(x, e, NULL, NULL, age, i - 2, i + 1, "age-apposition");
                else if (!pxs_capital(x, i - 2) && pxs_person_noun(pxs_norm(x, i - 2))) {
                    const char *key = described(x, i - 2, description_start(x, i - 2), &subject);
                    age_value(x, -1, key, subject, age, i - 2, i + 1, "age-apposition");
                }
            } else if (pxs_in(x, i - 1, (const char *const[]){"is", "was", NULL}) &&
                       pxs_is(x, i - 2, "who") && pxs_is(x, i - 3, ",")) {
                long e = pxs_person(x, i - 4);
                if (e >= 0) age_value(x, e, NULL, NULL, age, i - 4, i + 1, "age-who");
            } else if (pxs_is(x, i - 1, "aged") && pxs_is(x, i - 2, ",")) {
                long e = pxs_person(x, i - 3);
                if (e >= 0) age_value(x, e, NULL, NULL, age, i - 3, i + 1, "age-who");
            }
            continue;
        }
        if (!(age = age_adjective(x, i, &j))) continue;
        long e = pxs_person(x, j);
        if (e < 0 && is_word(x, j) && !pxs_capital(x, j)) e = pxs_person(x, j + 1);
        size_t past = j;
        while (e >= 0 && pxs_person(x, past) == e) past++;
        if (e >= 0 && past == j + 1 && !pxs_capital(x, past) && pxs_person_noun(pxs_norm(x, past)))
            e = -1; /* "a 19-year-old Beverly man": the town's name, not a person's */
        if (e >= 0) {
            age_value(x, e, NULL, NULL, age, i, j + 1, "age-adjective");
            continue;
        }
        if (pxs_in(x, i - 1, (const char *const[]){"a", "an", NULL}) && pxs_is(x, i - 2, ",") &&
            (e = pxs_person(x, i - 3)) >= 0) {
            age_value(x, e, NULL, NULL, age, i - 3, j, "age-apposition");
            continue;
        }
        size_t k = j; /* the noun, past a few adjectives: never past "and his" */
        static const char *const joins[] = {"and", "or", "his", "her", "their", "its", "with",
                                            "was", "is", "who", "of", "a", "an", "the", NULL};
        if (pxs_capital(x, k) && is_word(x, k) && !pxs_capital(x, k + 1) && is_word(x, k + 1) &&
            pxs_person_noun(pxs_norm(x, k + 1)))
            k++; /* "a 19-year-old Beverly man": a place's name before the noun */
        while (k < j + 3 && is_word(x, k) && !pxs_capital(x, k) && !pxs_person_noun(pxs_norm(x, k)) &&
               !pxs_in(x, k, joins))
            k++;
        const char *subject, *key;
        if (k < j + 3 && is_word(x, k) && !pxs_capital(x, k) && !pxs_in(x, k, joins) &&
            pxs_is(x, k + 1, ",") && (e = pxs_person(x, k + 2)) >= 0) {
            /* "the 45-year-old mother, Marsha Lynch, told": the named one */
            age_value(x, e, NULL, NULL, age, i, k + 3, "age-apposition");
        } else if (k < j + 3 && is_word(x, k) && !pxs_capital(x, k) && !pxs_in(x, k, joins)) {
            key = described(x, k, description_start(x, k), &subject);
            age_value(x, -1, key, subject, age, i, k + 1, "age-adjective");
        } else if (pxs_in(x, i - 1, (const char *const[]){"a", "an", "the", NULL})) {
            /* "a 20-year-old was found": someone of that age (judge.c keeps
             * several such people apart) */
            age_value(x, -1, "d:someone", "someone", age, i - 1, j, "age-adjective");
        }
    }
}

/* ---- conditions --------------------------------------------------------- */

typedef struct cond {
    const char *value, *subject;
    int need_aux; /* passive only: "Smith was killed", not "Smith killed" */
    int object;   /* also after the verb: "killed Smith" */
} cond;

static int condition_at(const px_sx *x, size_t i, cond *out)
{
    static const char *const dead[] = {"killed", "slain", "murdered", NULL};
    static const char *const hurt[] = {"injured", "wounded", "hurt", "hospitalized", NULL};
    static const char *const state[] = {"critical", "serious", "stable", "fair", "good", NULL};
    *out = (cond){0};
    if (pxs_in(x, i, dead)) *out = (cond){"killed", "condition", 1, 1};
    else if (pxs_is(x, i, "died")) *out = (cond){"killed", "condition", 0, 0};
    else if (pxs_is(x, i, "dead")) *out = (cond){"killed", "condition", 1, 0};
    else if (pxs_in(x, i, hurt)) *out = (cond){"injured", "condition", 1, 1};
    else if (pxs_in(x, i, state) && pxs_is(x, i + 1, "condition"))
        *out = (cond){pxs_norm(x, i), "condition", 0, 0};
    else if (pxs_in(x, i, (const char *const[]){"arrested", "apprehended", "captured", NULL}) ||
             (pxs_is(x, i, "taken") && pxs_is(x, i + 1, "into") && pxs_is(x, i + 2, "custody")))
        *out = (cond){"arrested", "custody", 1, !pxs_is(x, i, "taken")};
    else if (pxs_is(x, i, "released") && !pxs_is(x, i + 1, "from"))
        *out = (cond){"released", "custody", 1, 0};
    else if (pxs_is(x, i, "charged") && pxs_is(x, i + 1, "with"))
        *out = (cond){"charged", "custody", 1, 0};
    else if (pxs_is(x, i, "at") && pxs_is(x, i + 1, "large"))
        *out = (cond){"at large", "custody", 1, 0};
    return out->value != NULL;
}

/* The first charge after "charged with", degrees spelt out: "third degree murder". */
static const char *charge(const px_sx *x, size_t i, size_t *end)
{
    static const char *const stop[] = {",", ".", "and", "in", "after", "for", "on", ";",
                                       "following", "stemming", "related", "connection",
                                       "from", "(", "\xe2\x80\x94", "\xe2\x80\x93", "but",
                                       "while", "as", "along", "with", "against", NULL};
    static const char *const lead[] = {"one", "two", "three", "four", "count", "counts", "of",
                                       "a", "an", "the", NULL};
    static const char *const degree[][2] = {{"1st", "first"}, {"2nd", "second"}, {"3rd", "third"},
                                            {"4th", "fourth"}};
    px_buf b = {0};
    size_t k = i;
    double v;
    int ord, scale;
    while (k < x->t1 && (pxs_in(x, k, lead) || x->an->tokens.items[k].kind == PX_TOKEN_NUMBER ||
                         px_num_word(pxs_norm(x, k), &v, &ord, &scale)))
        k++;
    for (size_t n = 0; k < x->t1 && n < 6 && !pxs_in(x, k, stop) && is_word(x, k); k++, n++) {
        const char *w = pxs_norm(x, k);
        for (size_t d = 0; d < sizeof degree / sizeof *degree; d++)
            if (strncmp(w, degree[d][0], 3) == 0) {
                px_buf_printf(&b, "%s%s%s", b.len ? " " : "", degree[d][1], w + 3);
                w = NULL;
                break;
            }
        if (w) px_buf_printf(&b, "%s%s", b.len ? " " : "", w);
    }
    *end = k;
    char *s = b.len ? px_arena_strdup(&x->c->arena, px_buf_str(&b)) : NULL;
    px_buf_free(&b);
    for (char *p = s; p && *p; p++)
        if (*p == '-') *p = ' ';
    if (s) {
        size_t n = strlen(s);
        if (n > 8 && strcmp(s + n - 8, " charges") == 0) s[n - 8] = '\0';
        else if (n > 7 && strcmp(s + n - 7, " charge") == 0) s[n - 7] = '\0';
    }
    return s;
}

/* The subject of a condition word at i, stepping back: its first token in
 * *first; the article entity, or -1 with a descriptive key. */
static long subject_of(const px_sx *x, size_t i, int need_aux, size_t *first, const char **key,
                       const char **subject)
{
    size_t k = i;
    int aux = 0;
    for (int n = 0; n < 7 && k > x->t0 && pxs_in(x, k - 1, SKIP); n++, k--)
        aux |= pxs_in(x, k - 1, AUX);
    if (need_aux && !aux) return -2;
    if (k == x->t0) return -2;
    k--;
    if (pxs_is(x, k, "who") && pxs_is(x, k - 1, ",")) k -= 2;
    if (pxs_is(x, k, ",")) { /* "Smith, 23, was killed" */
        size_t j = k;
        while (j > x->t0 && k - j < 8 && !pxs_is(x, j - 1, ",")) j--;
        if (j > x->t0 + 1 && k - j < 8) k = j - 2;
    } else if (pxs_capital(x, k) && pxs_person(x, k) < 0) { /* "Smith, 23, of Dayton was" */
        size_t j = k;
        while (j > x->t0 && pxs_capital(x, j)) j--;
        if (pxs_is(x, j, "of") && pxs_is(x, j - 1, ",")) {
            k = j - 2;
            if (x->an->tokens.items[k].kind == PX_TOKEN_NUMBER && pxs_is(x, k - 1, ",")) k -= 2;
        }
    }
    long e = pxs_person(x, k);
    *first = k;
    if (e >= 0) return e;
    if (!pxs_capital(x, k) && pxs_person_noun(pxs_norm(x, k))) {
        size_t b = description_start(x, k);
        *key = described(x, k, b, subject);
        *first = b;
        return -1;
    }
    size_t end;
    if (age_adjective(x, k, &end) && end == k + 1) { /* "a 13-year-old died": someone */
        *key = "d:someone", *subject = "someone";
        *first = k - pxs_in(x, k - 1, (const char *const[]){"a", "an", "the", NULL});
        return -1;
    }
    return -2;
}

static void condition_value(const px_sx *x, long e, const char *key, const char *subject,
                            const cond *cd, size_t i, size_t j, size_t vi, const char *pattern)
{
    long story = -1;
    whole_name(x, e, &i, &j);
    if (e >= 0) {
        key = pxs_entity_key(x, e, &story);
        subject = pxs_entity_name(x, e);
    }
    pxs_emit(x, PX_SLOT_CONDITION, pxs_printf(x, "%s|%s", key, cd->subject), story,
             pxs_printf(x, "%s (%s)", subject, cd->subject), cd->value, 0, PX_QUAL_EXACT, i, j,
             pattern);
    size_t end;
    const char *what = strcmp(cd->value, "charged") == 0 ? charge(x, vi + 2, &end) : NULL;
    if (what) { /* the charge itself: for agreements (outlets list charges in part) */
        pxs_emit(x, PX_SLOT_CONDITION, pxs_printf(x, "%s|charges", key), story,
                 pxs_printf(x, "%s (charges)", subject), what, 0, PX_QUAL_EXACT, i,
                 end > j ? end : j, pattern);
        x->c->slot_values.items[x->c->slot_values.len - 1].no_conflict = 1;
    }
}

void pxs_conditions(const px_sx *x)
{
    for (size_t i = x->t0; i < x->t1; i++) {
        cond cd;
        if (!condition_at(x, i, &cd)) continue;
        size_t first = i;
        const char *key = NULL, *subject = NULL;
        long e = subject_of(x, i, cd.need_aux, &first, &key, &subject);
        size_t j = i + (pxs_is(x, i + 1, "condition") || pxs_is(x, i + 1, "large") ? 2 : 1);
        if (e >= -1) {
            condition_value(x, e, key, subject, &cd, first, j, i, "condition-subject");
        } else if (cd.object && (e = pxs_person(x, i + 1)) >= 0) {
            size_t k = i + 1;
            while (pxs_person(x, k + 1) == e) k++;
            condition_value(x, e, NULL, NULL, &cd, i, k + 1, i, "condition-object");
        }
    }
}

/* ---- relations ----------------------------------------------------------- */

static void relation_value(const px_sx *x, long y, const char *owner_key, const char *owner,
                           const char *rel, size_t i, size_t j, const char *pattern)
{
    long story;
    const char *ykey = pxs_entity_key(x, y, &story);
    pxs_emit(x, PX_SLOT_RELATION, pxs_printf(x, "%s|%s", ykey, owner_key), story,
             pxs_printf(x, "%s to %s", pxs_entity_name(x, y), owner), rel, 0, PX_QUAL_EXACT, i,
             j, pattern);
}

/* The owner at token k: a named person, or a described one ("the victim"). */
static int owner_at(const px_sx *x, size_t k, size_t n, const char **key, const char **name)
{
    long e = pxs_person(x, k);
    if (e >= 0) {
        *key = pxs_entity_key(x, e, NULL);
        *name = pxs_entity_name(x, e);
        return 1;
    }
    const char *w = pxs_printf(x, "%.*s", (int)n, pxs_norm(x, k));
    if (pxs_capital(x, k) || !pxs_person_noun(w)) return 0;
    *key = pxs_printf(x, "d:%s", w);
    *name = pxs_printf(x, "the %s", w);
    return 1;
}

void pxs_relations(const px_sx *x)
{
    for (size_t k = x->t0; k < x->t1; k++) {
        const char *okey, *owner;
        size_t pn = possessive(pxs_norm(x, k));
        if (pn && pxs_in(x, k + 1, RELATIONS) && owner_at(x, k, pn, &okey, &owner)) {
            size_t at = k + 2 + pxs_is(x, k + 2, ",");
            long y = pxs_person(x, at);
            if (y >= 0 && pxs_person(x, k) != y) {
                size_t end = at;
                while (pxs_person(x, end + 1) == y) end++;
                relation_value(x, y, okey, owner, pxs_norm(x, k + 1), k, end + 1,
                               "relation-possessive");
            }
        }
        long y = pxs_person(x, k);
        if (y >= 0 && pxs_person(x, k + 1) != y && pxs_is(x, k + 1, ",") &&
            pxs_in(x, k + 2, (const char *const[]){"the", "his", "her", "their", NULL}) &&
            pxs_in(x, k + 3, RELATIONS) && pxs_is(x, k + 4, "of")) {
            size_t o = k + 5 + pxs_is(x, k + 5, "the");
            if (owner_at(x, o, strlen(pxs_norm(x, o)), &okey, &owner) && pxs_person(x, o) != y)
                relation_value(x, y, okey, owner, pxs_norm(x, k + 3), k, o + 1,
                               "relation-apposition");
        }
    }
}

/* ---- roles --------------------------------------------------------------- */

void pxs_roles(px_comparison *c, size_t a)
{
    const px_analysis *an = c->analyses[a];
    for (size_t i = 0; i < an->entities.len; i++) {
        const px_entity *e = &an->entities.items[i].pub;
        if (e->type != PX_ENTITY_PERSON || !e->role_count) continue;
        long se = px_compare_entity(c, a, (long)i);
        if (se < 0) continue;
        char key[32];
        snprintf(key, sizeof key, "e%ld", se);
        size_t s = e->mention_count ? e->mentions[0].sentence : (size_t)-1;
        for (size_t r = 0; r < e->role_count; r++) {
            if (s != (size_t)-1 && pxs_furniture(c, a, s)) continue;
            char *v = px_arena_strdup(&c->arena, e->roles[r]);
            for (char *p = v; *p; p++)
                if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
            px_slot_value sv = {.slot = PX_SLOT_ROLE, .key = px_arena_strdup(&c->arena, key),
                                .entity = se, .subject = c->entities.items[se].name,
                                .article = a, .sentence = s, .value = v,
                                .surface = e->roles[r], .pattern = "role", .no_conflict = 1};
            px_vec_push(&c->slot_values, sv);
        }
    }
}
