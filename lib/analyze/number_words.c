/*
 * number_words.c — reads numbers as news writes them: digits ("60",
 * "2,000", "3.5"), ordinals in digits ("4th", "21st"), words ("sixty",
 * "twenty-one", "fourth", "twenty-first") and scale words ("5.2 million",
 * "two hundred", "a dozen" is left out: "a" is too common to open a
 * number).  English only, like the rest of the analysis rules.
 *
 * Word values come from three small tables (units, tens, scales) and their
 * ordinal forms; a hyphenated word is tens-unit.  Spelled numbers combine
 * left to right the usual way: a scale multiplies what came before it
 * ("two hundred thousand" = (2 x 100) x 1000).
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/numdate.h"

typedef struct word_value {
    const char *cardinal, *ordinal;
    double value;
} word_value;

static const word_value units[] = {
    {"zero", NULL, 0},        {"one", "first", 1},          {"two", "second", 2},
    {"three", "third", 3},    {"four", "fourth", 4},        {"five", "fifth", 5},
    {"six", "sixth", 6},      {"seven", "seventh", 7},      {"eight", "eighth", 8},
    {"nine", "ninth", 9},     {"ten", "tenth", 10},         {"eleven", "eleventh", 11},
    {"twelve", "twelfth", 12}, {"thirteen", "thirteenth", 13}, {"fourteen", "fourteenth", 14},
    {"fifteen", "fifteenth", 15}, {"sixteen", "sixteenth", 16}, {"seventeen", "seventeenth", 17},
    {"eighteen", "eighteenth", 18}, {"nineteen", "nineteenth", 19},
};

static const word_value tens[] = {
    {"twenty", "twentieth", 20}, {"thirty", "thirtieth", 30}, {"forty", "fortieth", 40},
    {"fifty", "fiftieth", 50},   {"sixty", "sixtieth", 60},   {"seventy", "seventieth", 70},
    {"eighty", "eightieth", 80}, {"ninety", "ninetieth", 90},
};

static const word_value scales[] = {
    {"hundred", "hundredth", 1e2}, {"thousand", "thousandth", 1e3}, {"million", "millionth", 1e6},
    {"billion", "billionth", 1e9}, {"trillion", "trillionth", 1e12},
};

/* 1 when the table word s is w[0..len). */
static int same(const char *s, const char *w, size_t len)
{
    return s[0] == w[0] && !strncmp(s, w, len) && !s[len];
}

static int in_table(const word_value *t, size_t n, const char *w, size_t len, double *v, int *ord)
{
    for (size_t i = 0; i < n; i++) {
        if (same(t[i].cardinal, w, len)) {
            *v = t[i].value, *ord = 0;
            return 1;
        }
        if (t[i].ordinal && same(t[i].ordinal, w, len)) {
            *v = t[i].value, *ord = 1;
            return 1;
        }
    }
    return 0;
}

#define N(t) (sizeof t / sizeof *t)

/* "sixty", "twenty-one", "twenty-first", "fourth" (no scale words). */
static int spelled(const char *w, double *v, int *ord)
{
    size_t len = strlen(w);
    if (in_table(units, N(units), w, len, v, ord) || in_table(tens, N(tens), w, len, v, ord))
        return 1;
    const char *dash = strchr(w, '-');
    double t, u;
    int o1, o2;
    if (!dash || !in_table(tens, N(tens), w, (size_t)(dash - w), &t, &o1) || o1) return 0;
    if (!in_table(units, N(units), dash + 1, strlen(dash + 1), &u, &o2) || u < 1 || u > 9) return 0;
    *v = t + u, *ord = o2;
    return 1;
}

/* "2,000", "3.5", "4th", "21st": digits with separators or an ordinal suffix. */
static int digits(const char *w, double *v, int *ord)
{
    if (*w < '0' || *w > '9') return 0;
    char clean[64];
    size_t n = 0;
    const char *p = w;
    for (; *p && n < sizeof clean - 1; p++) {
        if (*p == ',') continue;
        if ((*p < '0' || *p > '9') && *p != '.') break;
        clean[n++] = *p;
    }
    clean[n] = 0;
    *ord = 0;
    if (*p) {
        if (strcmp(p, "st") && strcmp(p, "nd") && strcmp(p, "rd") && strcmp(p, "th")) return 0;
        *ord = 1;
    }
    char *endp;
    *v = strtod(clean, &endp);
    return *endp == 0 && n > 0;
}

int px_num_word(const char *norm, double *value, int *ordinal, int *scale)
{
    *scale = 0;
    if (!strchr("0123456789zotfsenhmb", *norm) || !*norm) return 0; /* what numbers start with */
    if (digits(norm, value, ordinal) || spelled(norm, value, ordinal)) return 1;
    if (in_table(scales, N(scales), norm, strlen(norm), value, ordinal)) return *scale = 1, 1;
    return 0;
}

size_t px_num_read(const px_analysis *an, size_t t, size_t end, double *value, int *ordinal)
{
    double total = 0, group = 0;
    size_t i = t;
    int any = 0;
    *ordinal = 0;
    for (; i < end && !*ordinal; i++) {
        const px_token *tok = &an->tokens.items[i];
        if (tok->kind != PX_TOKEN_NUMBER && tok->kind != PX_TOKEN_WORD) break;
        double v;
        int ord, scale;
        if (!px_num_word(tok->norm, &v, &ord, &scale)) break;
        if (scale) {
            if (!any) break; /* "million" alone is no number */
            if (v >= 1e3) total += (group ? group : 1) * v, group = 0;
            else group = (group ? group : 1) * v;
        } else {
            if (any && (tok->kind == PX_TOKEN_NUMBER || an->tokens.items[i - 1].kind == PX_TOKEN_NUMBER))
                break; /* "2009 2010": two numbers */
            if (any && group && (int)group % 100 == 0 && v >= 100) break;
            group += v;
        }
        *ordinal = ord;
        any = 1;
    }
    *value = total + group;
    return any ? i - t : 0;
}
