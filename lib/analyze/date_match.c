/*
 * date_match.c — recognises a date expression at a token (numdate.h):
 *
 *   absolute   "Nov. 7, 2014", "November 24", "7 November 2014",
 *              "March 2019", a year in a date context ("in 2009")
 *   weekday    "Friday", "Friday's", "last Friday", "next Tuesday"; with
 *              a date after it ("Monday, January 9, 2017") absolute
 *   day        "today", "tonight", "yesterday", "tomorrow"
 *   period     "last month", "this week", "next year"
 *   ago        "three days ago", "two years ago"
 *
 * "since" before any of them is part of the expression ("since 2009").
 * Months and weekdays count only capitalised; "May" and "March" (also
 * words) only with a day or year.  A four-digit number from 1900 to 2099
 * is a year after a date preposition ("in", "since", "by", ...), or when
 * no plural noun follows it ("2,000 troops" and "2000 troops" are counts;
 * "the 2016 election" and "the 2020 elections" are years), and never one
 * side of a size ("1920 x 1080").
 *
 * No resolution here (date.c does that): this only reads the words.
 */
#include <string.h>

#include "analyze/numdate.h"

typedef struct scan {
    const px_article *a;
    const px_analysis *an;
    size_t end;
} scan;

static const char *norm(const scan *s, size_t t) { return s->an->tokens.items[t].norm; }

/* The first bytes are compared before strcmp() is called: every
 * capitalised word is tried as a month and a weekday, and a call per list
 * entry was a thirtieth of `parallax add`; the answers are the same. */
static int same(const char *a, const char *b) { return a[0] == b[0] && !strcmp(a, b); }

static int is(const scan *s, size_t t, const char *w) { return t < s->end && same(norm(s, t), w); }

static int capitalised(const scan *s, size_t t)
{
    const px_token *tok = &s->an->tokens.items[t];
    char c = s->a->sentences.items[tok->sentence].text[tok->start];
    return c >= 'A' && c <= 'Z';
}

/* The folded word without a possessive "'s" / "’s", into buf. */
static const char *bare(const scan *s, size_t t, char *buf, size_t cap)
{
    const char *w = norm(s, t);
    size_t n = strlen(w);
    if (n > 2 && !strcmp(w + n - 2, "'s")) n -= 2;
    else if (n > 4 && !strcmp(w + n - 4, "\xe2\x80\x99s")) n -= 4;
    if (n >= cap) n = cap - 1;
    memcpy(buf, w, n);
    buf[n] = 0;
    return buf;
}

static int lookup(const char *const *list, size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (same(list[i], w)) return (int)i;
    return -1;
}

static int month_at(const scan *s, size_t t)
{
    static const char *const full[] = {"january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"};
    static const char *const abbr[] = {"jan.", "feb.", "mar.", "apr.", "may.", "jun.", "jul.",
                                       "aug.", "sept.", "oct.", "nov.", "dec."};
    if (t >= s->end || !capitalised(s, t)) return 0;
    char b[32];
    const char *w = bare(s, t, b, sizeof b);
    int i = lookup(full, 12, w);
    if (i < 0) i = lookup(abbr, 12, w);
    if (i < 0 && same(w, "sep.")) i = 8;
    return i + 1;
}

static int weekday_at(const scan *s, size_t t)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday"};
    if (t >= s->end || !capitalised(s, t)) return 0;
    char b[32];
    return lookup(days, 7, bare(s, t, b, sizeof b)) + 1;
}

static int unit_at(const scan *s, size_t t, px_date_unit *u)
{
    static const char *const units[] = {"day", "days", "week", "weeks", "month", "months", "year", "years"};
    int i = t < s->end ? lookup(units, 8, norm(s, t)) : -1;
    if (i < 0) return 0;
    *u = (px_date_unit)(i / 2);
    return 1;
}

/* A plain integer token (no ordinal, no decimals) in [lo, hi], or -1. */
static int integer_at(const scan *s, size_t t, int lo, int hi, int allow_ordinal)
{
    if (t >= s->end) return -1;
    double v;
    int ord, scale;
    const char *w = norm(s, t);
    if (w[0] < '0' || w[0] > '9' || strchr(w, ',') || strchr(w, '.')) return -1;
    if (!px_num_word(w, &v, &ord, &scale) || (ord && !allow_ordinal) || v < lo || v > hi) return -1;
    return (int)v;
}

/* "Nov. 7, 2014", "November 24", "March 2019", "November". */
static size_t month_first(const scan *s, size_t t, px_date_expr *e)
{
    int m = month_at(s, t);
    if (!m) return 0;
    size_t i = t + 1;
    int d = integer_at(s, i, 1, 31, 1);
    if (d > 0) e->day = d, i++;
    size_t comma = i < s->end && is(s, i, ",") && e->day ? 1 : 0;
    int y = integer_at(s, i + comma, 1000, 2999, 0);
    if (y > 0) e->year = y, i += comma + 1;
    if (!e->day && !e->year && (m == 5 || m == 3)) return 0; /* "may", "march" the words */
    e->month = m;
    return i - t;
}

/* "7 November 2014", "7 November". */
static size_t day_first(const scan *s, size_t t, px_date_expr *e)
{
    int d = integer_at(s, t, 1, 31, 1);
    int m = d > 0 ? month_at(s, t + 1) : 0;
    if (!m) return 0;
    e->day = d, e->month = m;
    int y = integer_at(s, t + 2, 1000, 2999, 0);
    if (y > 0) e->year = y;
    return y > 0 ? 3 : 2;
}

static int date_preposition(const scan *s, size_t t)
{
    static const char *const preps[] = {"in", "since", "by", "until", "till", "from", "through",
                                        "before", "after", "during", "early", "late", "mid", "of"};
    return lookup(preps, sizeof preps / sizeof *preps, norm(s, t)) >= 0;
}

static size_t year_alone(const scan *s, size_t t, px_date_expr *e)
{
    int y = integer_at(s, t, 1900, 2099, 0);
    if (y < 0) return 0;
    size_t first = s->an->tokens.items[t].sentence;
    int prep = t > 0 && s->an->tokens.items[t - 1].sentence == first && date_preposition(s, t - 1);
    if (!prep && t + 1 < s->end && s->an->tokens.items[t + 1].kind == PX_TOKEN_WORD) {
        static const char *const events[] = {"elections", "midterms", "primaries", "races",
                                             "campaigns", "olympics", "games"};
        const char *n = norm(s, t + 1);
        size_t len = strlen(n);
        if (len > 2 && n[len - 1] == 's' && n[len - 2] != '\'' &&
            lookup(events, sizeof events / sizeof *events, n) < 0)
            return 0; /* "2000 troops", but "the 2020 elections" */
    }
    if (t > 0 && same(norm(s, t - 1), "$")) return 0;
    /* a size: "1920 x 1080", "2000 by 1500", "1080 x 1920" */
    int by_after = is(s, t + 1, "x") || is(s, t + 1, "\xc3\x97") || is(s, t + 1, "by");
    int by_before = t > 0 && s->an->tokens.items[t - 1].sentence == first &&
                    (same(norm(s, t - 1), "x") || same(norm(s, t - 1), "\xc3\x97"));
    if ((by_after && t + 2 < s->end && s->an->tokens.items[t + 2].kind == PX_TOKEN_NUMBER) ||
        by_before)
        return 0;
    e->year = y;
    return 1;
}

static size_t relative(const scan *s, size_t t, px_date_expr *e)
{
    static const char *const days[] = {"yesterday", "today", "tomorrow"};
    int d = lookup(days, 3, norm(s, t));
    if (d >= 0 || is(s, t, "tonight")) {
        e->kind = PX_DX_DAY, e->amount = d >= 0 ? d - 1 : 0;
        return 1;
    }
    static const char *const shifts[] = {"last", "this", "next"};
    int sh = lookup(shifts, 3, norm(s, t));
    if (sh >= 0 && (e->weekday = weekday_at(s, t + 1))) {
        e->kind = PX_DX_WEEKDAY, e->shift = sh - 1;
        return 2;
    }
    if (sh >= 0 && unit_at(s, t + 1, &e->unit) && e->unit != PX_UNIT_DAY &&
        norm(s, t + 1)[strlen(norm(s, t + 1)) - 1] != 's') { /* "last month", not "last months" */
        e->kind = PX_DX_PERIOD, e->shift = sh - 1;
        return 2;
    }
    if ((e->weekday = weekday_at(s, t))) {
        /* "Monday, January 9, 2017", "Monday, 9 January": the weekday with
         * its explicit date is one date, the explicit one */
        size_t c = t + 1 + (is(s, t + 1, ",") ? 1 : 0), n;
        px_date_expr full = {0};
        if (((n = month_first(s, c, &full)) || (n = day_first(s, c, &full))) && full.day) {
            full.kind = PX_DX_ABSOLUTE, full.weekday = e->weekday;
            *e = full;
            return c - t + n;
        }
        e->kind = PX_DX_WEEKDAY;
        return 1;
    }
    if (!is(s, t + 2, "ago") && !is(s, t + 3, "ago") && !is(s, t + 4, "ago")) return 0;
    double v;
    int ord;
    size_t n = px_num_read(s->an, t, s->end, &v, &ord);
    if (n && !ord && v >= 1 && v <= 1000 && unit_at(s, t + n, &e->unit) && is(s, t + n + 1, "ago")) {
        e->kind = PX_DX_AGO, e->amount = (int)v;
        return n + 2;
    }
    return 0;
}

static size_t match_at(const scan *s, size_t t, px_date_expr *e)
{
    size_t n = relative(s, t, e);
    if (n) return n;
    e->kind = PX_DX_ABSOLUTE;
    if ((n = month_first(s, t, e)) || (n = day_first(s, t, e)) || (n = year_alone(s, t, e))) return n;
    return 0;
}

/* 0 when no expression can start at t, by the first test of each reader
 * above: every one needs a capitalised word (months, weekdays), a leading
 * digit (days, years), "ago" two to four tokens on, or one of since,
 * yesterday, today, tomorrow, tonight, last, this, next.  Most tokens fail
 * all of these at once, so the readers and their string compares run for
 * few: the answers are the same.  The words are matched whole (same()
 * tests the first letter first): "the", "to", "said" are a third of all
 * tokens, and a test of the first letter alone let them all through. */
static int may_start(const scan *s, size_t t)
{
    const char *w = norm(s, t);
    if ((w[0] >= '0' && w[0] <= '9') || capitalised(s, t)) return 1;
    if (same(w, "since") || same(w, "yesterday") || same(w, "today") || same(w, "tomorrow") ||
        same(w, "tonight") || same(w, "last") || same(w, "this") || same(w, "next"))
        return 1;
    return is(s, t + 2, "ago") || is(s, t + 3, "ago") || is(s, t + 4, "ago");
}

size_t px_date_match(const px_article *a, const px_analysis *an, size_t t, size_t end,
                     px_date_expr *e)
{
    scan s = {a, an, end};
    memset(e, 0, sizeof *e);
    if (!may_start(&s, t)) return 0;
    size_t at = is(&s, t, "since") && t + 1 < end ? t + 1 : t;
    size_t n = match_at(&s, at, e);
    if (!n) return 0;
    e->from = t, e->to = at + n;
    return e->to - t;
}
