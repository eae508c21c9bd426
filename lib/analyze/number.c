/*
 * number.c — finds the numbers of an article (see analysis.h): what a
 * sentence asserts as a count, an amount, a share or a rank.
 *
 *   [qualifier] [currency] number [scale] [unit]
 *   "more than 60 members"  60, qualifier "more than", unit "members"
 *   "$5.2 million"          5200000, unit "dollars"
 *   "45 percent", "45%"     45, unit "percent"
 *   "fourth time", "4th"    4, ordinal
 *   "a 60-member coalition" 60, unit "member"
 *
 * The unit is the noun after the number: the next word when it is lower
 * case and no stop word, or the word after that when only the second is
 * plural ("60 new members").  What date_match.c reads as a date ("Nov. 7,
 * 2014", "since 2009", "three days ago") is skipped, so years are dates,
 * not numbers.  Left out as too often no number: a bare "one" ("no one",
 * "one of them"), "first" and "second" without "the" or a possessive
 * before them ("at first", "a second"), spelled numbers written with a
 * capital inside a sentence ("Air Force One"; but for one that opens the
 * text after a dateline, "CHICAGO - Six people"), and digits next to ":" or
 * "/" (numeric dates, ratios) unless they are a clock time.
 *
 * Every number gets a kind (px_number_kind): clock times ("10:30 p.m.",
 * "noon") are read first, by number_time.c, as minutes after midnight;
 * the rest are ages, labels or quantities by number_kind.c's rules.
 */
#include <string.h>

#include "analyze/numdate.h"

typedef struct ctx {
    const px_article *a;
    px_analysis *an;
    size_t first, end; /* the sentence's tokens */
} ctx;

static const char *norm(const ctx *c, size_t t) { return c->an->tokens.items[t].norm; }
static int is(const ctx *c, size_t t, const char *w) { return t < c->end && !strcmp(norm(c, t), w); }

/* Tokens of the qualifier at t ("more than", "about"), 0 when none. */
static size_t qualifier_at(const ctx *c, size_t t)
{
    static const char *const two[][2] = {
        {"more", "than"}, {"less", "than"}, {"fewer", "than"}, {"at", "least"}, {"at", "most"},
        {"up", "to"},     {"close", "to"},  {"an", "estimated"}, {"upwards", "of"}, {"just", "over"},
        {"just", "under"}, {"as", "many"},  {"as", "much"},
    };
    static const char *const one[] = {"about", "around", "approximately", "roughly", "nearly",
                                      "almost", "over", "under", "some", "only", "estimated", "just"};
    for (size_t i = 0; i < sizeof two / sizeof *two; i++)
        if (is(c, t, two[i][0]) && is(c, t + 1, two[i][1]))
            return is(c, t + 2, "as") && !strcmp(two[i][0], "as") ? 3 : 2;
    for (size_t i = 0; i < sizeof one / sizeof *one; i++)
        if (is(c, t, one[i])) return 1;
    return 0;
}

static const char *currency_at(const ctx *c, size_t t)
{
    if (is(c, t, "$") || is(c, t, "us$")) return "dollars";
    if (is(c, t, "\xe2\x82\xac")) return "euros";
    if (is(c, t, "\xc2\xa3")) return "pounds";
    return NULL;
}

static int plain_word(const ctx *c, size_t t)
{
    const px_token *tok = &c->an->tokens.items[t];
    if (t >= c->end || tok->kind != PX_TOKEN_WORD || tok->stop) return 0;
    const char *text = c->a->sentences.items[tok->sentence].text + tok->start;
    double v;
    int o, s;
    return *text >= 'a' && *text <= 'z' && !px_num_word(tok->norm, &v, &o, &s);
}

static int plural(const char *w)
{
    size_t n = strlen(w);
    return n > 3 && w[n - 1] == 's' && w[n - 2] != 's';
}

/* The unit after the number ending at t; *to is past it. */
static const char *unit_at(const ctx *c, size_t t, size_t *to)
{
    *to = t;
    if (is(c, t, "%") || is(c, t, "percent")) return *to = t + 1, "percent";
    if (is(c, t, "per") && is(c, t + 1, "cent")) return *to = t + 2, "percent";
    if (is(c, t, "percentage") && is(c, t + 1, "points")) return *to = t + 2, "percentage points";
    if (!plain_word(c, t) || is(c, t, "x") || is(c, t, "by")) return NULL; /* "1920 x 1080" */
    size_t u = t;
    if (plain_word(c, t + 1) && plural(norm(c, t + 1)) && !plural(norm(c, t))) u = t + 1;
    *to = u + 1;
    return norm(c, u);
}

static int determiner_before(const ctx *c, size_t t)
{
    if (t == c->first) return 0;
    static const char *const dets[] = {"the", "its", "his", "her", "their", "our", "a"};
    for (size_t i = 0; i < sizeof dets / sizeof *dets; i++)
        if (is(c, t - 1, dets[i])) return 1;
    const char *w = norm(c, t - 1);
    size_t n = strlen(w);
    return (n > 2 && !strcmp(w + n - 2, "'s")) || (n > 4 && !strcmp(w + n - 4, "\xe2\x80\x99s"));
}

static int near_separator(const ctx *c, size_t t, size_t n)
{
    return (t > c->first && (is(c, t - 1, ":") || is(c, t - 1, "/"))) ||
           is(c, t + n, ":") || is(c, t + n, "/");
}

/* 1 when token t begins the sentence's text after a dateline: the token
 * before it is punctuation ("(CBS) - Five people", "CHICAGO - Six") or a
 * word set all in capitals ("CHICAGO Seven people"), not a name's word
 * ("Air Force One"). */
static int clause_start(const ctx *c, size_t t)
{
    const px_token *p = &c->an->tokens.items[t - 1];
    if (p->kind == PX_TOKEN_PUNCT) return 1;
    if (p->kind != PX_TOKEN_WORD) return 0;
    const char *w = c->a->sentences.items[p->sentence].text + p->start;
    size_t len = 0;
    for (; w[len] && w[len] != ' '; len++)
        if (w[len] >= 'a' && w[len] <= 'z') return 0;
    return len >= 3;
}

/* 1 when the number read at t (n tokens) is too often no number. */
static int doubtful(const ctx *c, size_t t, size_t n, int qualified)
{
    const px_token *tok = &c->an->tokens.items[t];
    const char *text = c->a->sentences.items[tok->sentence].text + tok->start;
    if (tok->kind == PX_TOKEN_NUMBER) return near_separator(c, t, n);
    if (n == 1 && is(c, t, "one") && !qualified) return 1;
    if (n == 1 && (is(c, t, "first") || is(c, t, "second")) && !determiner_before(c, t)) return 1;
    return *text >= 'A' && *text <= 'Z' && t != c->first && !clause_start(c, t);
}

static void add(ctx *c, size_t from, size_t to, px_number n)
{
    const px_token *f = &c->an->tokens.items[from], *l = &c->an->tokens.items[to - 1];
    const char *s = c->a->sentences.items[f->sentence].text;
    n.sentence = f->sentence, n.start = f->start, n.end = l->end;
    n.text = px_analysis_intern(c->an, s + n.start, n.end - n.start);
    if (n.unit) n.unit = px_analysis_intern(c->an, n.unit, strlen(n.unit));
    if (n.qualifier) n.qualifier = px_analysis_intern(c->an, n.qualifier, strlen(n.qualifier));
    px_vec_push(&c->an->numbers, n);
}

/* The number before the dash of a hyphenated word: "60" of "60-member";
 * spelled only before an age ("twenty-five-year-old"), since "one-time"
 * and "first-degree" are no numbers.  Tries the longest prefix first. */
static const char *hyphen_number(const char *w, double *value, int *ordinal)
{
    static const char *const ages[] = {"year-old", "years-old", "month-old", "week-old", "day-old"};
    for (const char *dash = strrchr(w, '-'); dash && dash > w; ) {
        char num[32];
        size_t k = (size_t)(dash - w);
        int s, age = 0;
        for (size_t i = 0; i < sizeof ages / sizeof *ages; i++) age |= !strcmp(dash + 1, ages[i]);
        if (k < sizeof num && dash[1] >= 'a' && dash[1] <= 'z' && ((w[0] >= '0' && w[0] <= '9') || age)) {
            memcpy(num, w, k), num[k] = 0;
            if (px_num_word(num, value, ordinal, &s) && !s) return dash + 1;
        }
        do dash--; while (dash > w && *dash != '-');
    }
    return NULL;
}

/* "60-member", "15-year-old": a number, a hyphen, a lower-case word. */
static int hyphenated(ctx *c, size_t t)
{
    px_number n = {0};
    n.unit = hyphen_number(norm(c, t), &n.value, &n.ordinal);
    if (!n.unit) return 0;
    n.kind = px_number_kind_of(c->a, c->an, c->first, c->end, t, 1, &n);
    add(c, t, t + 1, n);
    return 1;
}

/* The qualifier's folded words [t, at): "More than" -> "more than". */
static const char *qualifier_text(ctx *c, size_t t, size_t at)
{
    char qual[64] = "";
    for (size_t i = t; i < at && strlen(qual) + strlen(norm(c, i)) + 2 < sizeof qual; i++) {
        if (i > t) strcat(qual, " ");
        strcat(qual, norm(c, i));
    }
    return px_analysis_intern(c->an, qual, strlen(qual));
}

/* The number at t, if any; returns the tokens it used (at least 1). */
static size_t number_at(ctx *c, size_t t)
{
    size_t q = qualifier_at(c, t), at = t + q;
    const char *cur = at < c->end ? currency_at(c, at) : NULL;
    size_t numt = at + (cur != NULL);
    px_number n = {0};
    size_t len;
    if (!cur && (len = px_time_read(c->an, numt, c->end, &n.value))) {
        n.kind = PX_NUMBER_TIME;
        if (q) n.qualifier = qualifier_text(c, t, at);
        add(c, q ? t : numt, numt + len, n);
        return numt + len - t;
    }
    len = numt < c->end ? px_num_read(c->an, numt, c->end, &n.value, &n.ordinal) : 0;
    if (!len || doubtful(c, numt, len, q > 0 || cur)) return q ? q : 1;
    if (is(c, numt + len, "dollars") || is(c, numt + len, "euros")) cur = NULL;
    size_t end = numt + len;
    n.unit = cur ? cur : unit_at(c, end, &end);
    if (q) n.qualifier = qualifier_text(c, t, at);
    n.kind = px_number_kind_of(c->a, c->an, c->first, c->end, numt, len, &n);
    add(c, q || cur ? t : numt, end, n);
    return end - t;
}

static void sentence_numbers(ctx *c)
{
    for (size_t t = c->first; t < c->end;) {
        px_date_expr e;
        size_t n = px_date_match(c->a, c->an, t, c->end, &e);
        if (n) {
            t += n;
            continue;
        }
        if (hyphenated(c, t)) {
            t++;
            continue;
        }
        t += number_at(c, t);
    }
}

px_status px_find_numbers(px_context *pctx, const px_article *a, px_analysis *an, px_error *err)
{
    (void)pctx, (void)err;
    ctx c = {a, an, 0, 0};
    while (c.first < an->tokens.len) {
        c.end = c.first;
        while (c.end < an->tokens.len && an->tokens.items[c.end].sentence == an->tokens.items[c.first].sentence)
            c.end++;
        sentence_numbers(&c);
        c.first = c.end;
    }
    return PX_OK;
}
