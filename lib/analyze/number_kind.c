/*
 * number_kind.c — what a number found by number.c is (px_number_kind):
 * a person's age, a label (digits of a name, a phone number, an address,
 * a size, a score, a calibre, an id), or a quantity, the default.  Times
 * of day are read apart (number_time.c).  Each rule is named:
 *
 *   age-apposition   "John Smith, 23, of Elgin", "Smith, 23.", "Roe (41)":
 *                    a whole number from 1 to 120 in digits between
 *                    commas (or brackets) after a capitalised word
 *   age-adjective    "a 15-year-old boy", "the fifteen-year-old", "6-month-old"
 *   age-word         "aged 40", "age 40", "ages 18"; "40 years old"
 *   label-name       digits after a capitalised word inside the sentence,
 *                    with no plural noun after them: "Route 9", "Highway 61",
 *                    "Channel 4", "Pier 39", "No. 5" (not "Monday 3 people")
 *   label-phone      digit groups joined by "-" or "." in a phone's shape:
 *                    "555-1234", "(312) 555-0199"
 *   label-address    a street number: "1200 block of", "425 Elm St.",
 *                    "the 11th Street bridge"
 *   label-dimension  "1920 x 1080 pixels", "20 by 30", "6-foot-2", "pixels"
 *   label-score      two numbers joined by "-" beside a game word: "won
 *                    3-1", "a 98-95 win"
 *   label-calibre    ".45 caliber", "9 mm", "12-gauge"
 *   label-id         five or more bare digits: case numbers, ZIP codes
 *
 * A range ("18-25 people") stays two quantities.  The rules read the
 * tokens around the number and the sentence's text for capitals.
 */
#include <string.h>

#include "analyze/numdate.h"

typedef struct around {
    const px_article *a;
    const px_analysis *an;
    size_t first, end; /* the sentence's tokens */
} around;

static const px_token *tok(const around *c, size_t t) { return &c->an->tokens.items[t]; }
static const char *norm(const around *c, size_t t) { return tok(c, t)->norm; }
static int is(const around *c, size_t t, const char *w)
{
    return t >= c->first && t < c->end && !strcmp(norm(c, t), w);
}
static int number_token(const around *c, size_t t)
{
    return t >= c->first && t < c->end && tok(c, t)->kind == PX_TOKEN_NUMBER;
}
static const char *text_of(const around *c, size_t t)
{
    return c->a->sentences.items[tok(c, t)->sentence].text + tok(c, t)->start;
}
static int capitalised(const around *c, size_t t)
{
    if (t < c->first || t >= c->end || tok(c, t)->kind != PX_TOKEN_WORD) return 0;
    char ch = *text_of(c, t);
    return ch >= 'A' && ch <= 'Z';
}

/* A name's word: "Route", "Highway", "No.", or capitals of at most two
 * letters ("US", "SR"); not a word of a line set in capitals ("FOR"). */
static int name_word(const around *c, size_t t)
{
    if (!capitalised(c, t)) return 0;
    const char *w = text_of(c, t);
    size_t n = tok(c, t)->end - tok(c, t)->start;
    return n <= 2 || (w[1] >= 'a' && w[1] <= 'z');
}
static size_t digit_count(const around *c, size_t t)
{
    size_t n = 0;
    for (const char *w = norm(c, t); *w; w++) {
        if (*w < '0' || *w > '9') return 0;
        n++;
    }
    return n;
}

static int in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(w, *list)) return 1;
    return 0;
}

static int plural(const char *w)
{
    size_t n = strlen(w);
    return n > 2 && w[n - 1] == 's' && w[n - 2] != 's';
}

/* ---- ages ------------------------------------------------------------- */

static int age_value(double v) { return v >= 1 && v <= 120 && v == (double)(int)v; }

/* "Smith, 23,": t is the single digit token. */
static int age_apposition(const around *c, size_t t, double v)
{
    if (!age_value(v) || !number_token(c, t) || t < c->first + 2) return 0;
    if (is(c, t - 1, "(") && is(c, t + 1, ")")) return capitalised(c, t - 2);
    if (!is(c, t - 1, ",")) return 0;
    if (!capitalised(c, t - 2)) return 0;
    /* after it: a comma, "and", "of", a bracket, or the sentence's end */
    return t + 1 >= c->end || is(c, t + 1, ",") || is(c, t + 1, ".") || is(c, t + 1, ";") ||
           is(c, t + 1, "and") || is(c, t + 1, "of") || is(c, t + 1, ")");
}

static int age_unit(const char *u)
{
    static const char *const units[] = {"year-old", "years-old", "month-old", "months-old",
                                        "week-old", "weeks-old", "day-old", "days-old", NULL};
    return u && in_list(u, units);
}

/* "aged 40", "age 40", "40 years old". */
static int age_word(const around *c, size_t t, size_t len, const char *unit)
{
    if (is(c, t - 1, "aged") || is(c, t - 1, "age") || is(c, t - 1, "ages")) return 1;
    /* the unit a word ("40 years old") or inside the number's ("12-year old") */
    return unit && (!strcmp(unit, "years") || !strcmp(unit, "year")) &&
           (is(c, t + len, "old") || is(c, t + len + 1, "old"));
}

/* ---- labels ----------------------------------------------------------- */

static int calendar_word(const char *w)
{
    static const char *const words[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan.",
        "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november",
        "december", NULL};
    return in_list(w, words);
}

/* Nouns that count, though not ending in -s. */
static int counted(const char *unit)
{
    static const char *const nouns[] = {"people", "men", "women", "children", "police",
                                        "persons", "officers", "youths", "teens", NULL};
    return plural(unit) || in_list(unit, nouns);
}

static int label_name(const around *c, size_t t, const char *unit)
{
    if (!number_token(c, t) || t == c->first) return 0;
    if (is(c, t - 1, "no.") || is(c, t - 1, "#")) return 1;
    if (t - 1 == c->first || !name_word(c, t - 1) || calendar_word(norm(c, t - 1))) return 0;
    return !unit || !counted(unit);
}

/* "555-1234", "312-555-0199", "(312) 555-0199": t is one of the groups. */
static int label_phone(const around *c, size_t t)
{
    size_t s = t; /* back to the first group */
    while (s >= c->first + 2 && (is(c, s - 1, "-") || is(c, s - 1, ".")) && number_token(c, s - 2)) s -= 2;
    if (s >= c->first + 2 && is(c, s - 1, ")") && number_token(c, s - 2)) s -= 2;
    size_t groups[3], n = 0, u = s;
    for (;;) {
        if (!number_token(c, u) || n == 3) break;
        groups[n++] = digit_count(c, u);
        if (is(c, u + 1, ")") || is(c, u + 1, "-") || is(c, u + 1, ".")) u += 2;
        else break;
    }
    if (n == 2) return groups[0] == 3 && groups[1] == 4;
    if (n == 3) return groups[0] == 3 && groups[1] == 3 && groups[2] == 4;
    return 0;
}

static int street_word(const char *w)
{
    static const char *const suffixes[] = {
        "street", "st.", "st", "avenue", "ave.", "ave", "road", "rd.", "rd", "boulevard",
        "blvd.", "blvd", "drive", "dr.", "lane", "ln.", "way", "court", "ct.", "place", "pl.",
        "highway", "hwy.", "parkway", "pkwy.", "circle", "terrace", "trail", "pike", "alley",
        "square", "plaza", NULL};
    return in_list(w, suffixes);
}

static int label_address(const around *c, size_t t, size_t len, const char *unit)
{
    if (norm(c, t)[0] < '0' || norm(c, t)[0] > '9') return 0; /* "two St. Mary deputies" */
    if (unit && (!strcmp(unit, "block") || !strcmp(unit, "blocks")) && is(c, t + len + 1, "of"))
        return 1;
    /* "425 Elm St.", "425 North Elm Street", "11th Street": capitalised
     * words up to a street word */
    for (size_t u = t + len; u < c->end && u < t + len + 4; u++) {
        if (!capitalised(c, u)) return 0;
        if (street_word(norm(c, u))) return 1;
    }
    return 0;
}

static int label_dimension(const around *c, size_t t, size_t len, const char *unit)
{
    if (unit && (!strcmp(unit, "pixels") || !strcmp(unit, "px") || !strncmp(unit, "foot-", 5) ||
                 !strncmp(unit, "feet-", 5)))
        return 1;
    int x_after = is(c, t + len, "x") || is(c, t + len, "\xc3\x97") || is(c, t + len, "by");
    int x_before = is(c, t - 1, "x") || is(c, t - 1, "\xc3\x97") || is(c, t - 1, "by");
    return (x_after && number_token(c, t + len + 1)) || (x_before && number_token(c, t - 2));
}

static int game_word(const around *c, size_t t)
{
    static const char *const words[] = {
        "win", "won", "wins", "victory", "loss", "lost", "loses", "beat", "beats", "defeated",
        "defeat", "score", "scored", "lead", "led", "leads", "trailed", "tie", "tied", "final",
        "game", "match", NULL};
    return t >= c->first && t < c->end && in_list(norm(c, t), words);
}

static int label_score(const around *c, size_t t)
{
    size_t s = t;
    if (is(c, t - 1, "-") && number_token(c, t - 2)) s = t - 2;
    else if (!(is(c, t + 1, "-") && number_token(c, t + 2))) return 0;
    for (size_t k = 1; k <= 3; k++)
        if ((s >= c->first + k && game_word(c, s - k)) || game_word(c, s + 2 + k)) return 1;
    return 0;
}

static int label_calibre(const around *c, size_t t, const char *unit)
{
    static const char *const units[] = {"caliber", "calibre", "mm", "millimeter", "millimetre",
                                        "gauge", "caliber-handgun", NULL};
    if (unit && in_list(unit, units)) return 1;
    return is(c, t - 1, ".") && (t - 1 == c->first || !number_token(c, t - 2)) &&
           unit && !strncmp(unit, "cal", 3);
}

static int label_id(const around *c, size_t t, size_t len)
{
    return len == 1 && number_token(c, t) && digit_count(c, t) >= 5;
}

px_number_kind px_number_kind_of(const px_article *a, const px_analysis *an, size_t first,
                                 size_t end, size_t t, size_t len, const px_number *n)
{
    around c = {a, an, first, end};
    const char *unit = n->unit;
    static const char *const amounts[] = {"dollars", "euros", "pounds", "percent", NULL};
    if (unit && in_list(unit, amounts)) return PX_NUMBER_QUANTITY;
    if (n->ordinal) /* "the 11th Street bridge"; other ordinals are ranks */
        return label_address(&c, t, len, unit) ? PX_NUMBER_LABEL : PX_NUMBER_QUANTITY;
    if (age_unit(unit) || age_word(&c, t, len, unit)) return PX_NUMBER_AGE;
    if (len == 1 && age_apposition(&c, t, n->value)) return PX_NUMBER_AGE;
    if (label_phone(&c, t) || label_score(&c, t) || label_dimension(&c, t, len, unit) ||
        label_calibre(&c, t, unit) || label_address(&c, t, len, unit) || label_id(&c, t, len) ||
        label_name(&c, t, unit))
        return PX_NUMBER_LABEL;
    return PX_NUMBER_QUANTITY;
}
