/*
 * date.c — finds the dates of an article (see analysis.h): each date
 * expression date_match.c recognises, with its value resolved against the
 * publication date where it needs one.
 *
 * Values are ISO 8601 at the precision written: "2014-11-07", "2014-10"
 * (a month), "2014" (a year), "2014-W45" (a week), "--11-24" (a day of a
 * month in an unknown year).  `relative` is 1 when the value used the
 * publication date:
 *
 *   "Friday"        the latest Friday on or before the publication day
 *                   ("last Friday": strictly before; "next Friday": after),
 *                   or the first on or after it when its clause looks
 *                   ahead ("will be arraigned Friday": forward_cue())
 *   "Monday, Jan. 9, 2017"  the explicit date (date_match.c)
 *   "yesterday"     the day before; "today", "tonight" the day
 *   "last month"    the month before (likewise week, year; "this", "next")
 *   "3 days ago"    counted back from the publication day
 *   "November 24"   the first on or after a week before the publication
 *                   day when its clause looks ahead, else the latest
 *                   that falls up to 90 days after it (past_year());
 *                   a month alone, the nearest
 *
 * Without the needed part of a publication date (none at all, or a month
 * and day without a year, "--11-07") the value is NULL and relative 0,
 * except that a month and day are still written "--MM-DD".  Tense is read
 * only through forward_cue()'s words: "is due Friday" still resolves to
 * the Friday before.
 */
#include <stdio.h>
#include <string.h>

#include "analyze/numdate.h"

typedef struct pub {
    int y, m, d; /* y == 0: no year; m == 0: no date */
    long days;   /* when complete */
} pub;

static const char *put(px_analysis *an, px_buf *b) { return px_analysis_intern(an, px_buf_str(b), b->len); }

static void put_day(px_buf *b, long days)
{
    int y, m, d;
    px_civil_from_days(days, &y, &m, &d);
    px_buf_printf(b, "%04d-%02d-%02d", y, m, d);
}

static void put_week(px_buf *b, long days)
{
    long thursday = days - px_weekday(days) + 4; /* ISO: the week's Thursday names its year */
    int y, m, d;
    px_civil_from_days(thursday, &y, &m, &d);
    px_buf_printf(b, "%04d-W%02ld", y, (thursday - px_days_from_civil(y, 1, 1)) / 7 + 1);
}

static void put_month(px_buf *b, int y, int m)
{
    long k = (long)y * 12 + (m - 1);
    px_buf_printf(b, "%04ld-%02ld", k / 12, k % 12 + 1);
}

/* The year that puts month/day nearest the publication date. */
static int nearest_year(const pub *p, int m, int d)
{
    int best = p->y;
    long bestdist = -1;
    for (int y = p->y - 1; y <= p->y + 1; y++) {
        long dist = px_days_from_civil(y, m, d) - p->days;
        if (dist < 0) dist = -dist;
        if (bestdist < 0 || dist < bestdist) best = y, bestdist = dist;
    }
    return best;
}

/*
 * Rule past-day: the year of a month and day told in a clause that does
 * not look ahead (forward_cue()): the day within the year up to
 * PAST_AHEAD days after the publication date, most of it behind.  News
 * tells of what happened: "the deaths of two men at the club Feb. 6" in
 * an article of September 1 is the February past, not the one to come,
 * which the nearest year would pick (158 days ahead, 207 behind).
 */
#define PAST_AHEAD 90
static int past_year(const pub *p, int m, int d)
{
    int y = p->y + 1;
    while (y > p->y - 1 && px_days_from_civil(y, m, d) - p->days > PAST_AHEAD) y--;
    return y;
}

/* A month and day in a clause that looks ahead: the first on or after a
 * week before the publication date ("expected to start March 20" in
 * September is next March). */
static int ahead_year(const pub *p, int m, int d)
{
    int y = p->y - 1;
    while (y < p->y + 1 && px_days_from_civil(y, m, d) < p->days - 7) y++;
    return y;
}

static int absolute(const pub *p, const px_date_expr *e, int forward, px_buf *b)
{
    if (e->day && e->month && e->day > px_month_days(e->year ? e->year : 2000, e->month)) return 0;
    if (e->year && e->month && e->day) px_buf_printf(b, "%04d-%02d-%02d", e->year, e->month, e->day);
    else if (e->year && e->month) px_buf_printf(b, "%04d-%02d", e->year, e->month);
    else if (e->year) px_buf_printf(b, "%04d", e->year);
    else if (e->day && p->y) {
        int y = forward ? ahead_year(p, e->month, e->day) : past_year(p, e->month, e->day);
        px_buf_printf(b, "%04d-%02d-%02d", y, e->month, e->day);
        return 2;
    } else if (e->day) px_buf_printf(b, "--%02d-%02d", e->month, e->day);
    else if (p->y) {
        put_month(b, nearest_year(p, e->month, 15), e->month);
        return 2;
    } else return 0;
    return 1;
}

/* forward: the sentence looks ahead at the weekday (forward_cue()). */
static void weekday(const pub *p, const px_date_expr *e, int forward, px_buf *b)
{
    int today = px_weekday(p->days);
    long back = (today - e->weekday + 7) % 7;
    if (e->shift < 0 && back == 0) back = 7;
    if (e->shift == 0 && forward) back = -((e->weekday - today + 7) % 7); /* on or after */
    if (e->shift > 0) {
        long ahead = (e->weekday - today + 7) % 7;
        back = -(ahead ? ahead : 7);
    }
    put_day(b, p->days - back);
}

static void period(const pub *p, px_date_unit unit, int shift, px_buf *b)
{
    if (unit == PX_UNIT_DAY) put_day(b, p->days + shift);
    else if (unit == PX_UNIT_WEEK) put_week(b, p->days + 7L * shift);
    else if (unit == PX_UNIT_MONTH) put_month(b, p->y, p->m + shift);
    else px_buf_printf(b, "%04d", p->y + shift);
}

/* The value of e into b; 2 when it used the publication date, 1 when
 * not, 0 when it cannot be resolved. */
static int resolve(const pub *p, const px_date_expr *e, int forward, px_buf *b)
{
    if (e->kind == PX_DX_ABSOLUTE) return absolute(p, e, forward, b);
    if (!p->y) return 0; /* everything else needs a full publication date */
    if (e->kind == PX_DX_WEEKDAY) weekday(p, e, forward, b);
    else if (e->kind == PX_DX_DAY) put_day(b, p->days + e->amount);
    else if (e->kind == PX_DX_PERIOD) period(p, e->unit, e->shift, b);
    else period(p, e->unit, -e->amount, b);
    return 2;
}

static void add(px_analysis *an, const px_article *a, const px_date_expr *e, int how, px_buf *b)
{
    const px_token *f = &an->tokens.items[e->from], *l = &an->tokens.items[e->to - 1];
    const char *s = a->sentences.items[f->sentence].text;
    px_date_mention d = {.sentence = f->sentence, .start = f->start, .end = l->end,
                         .relative = how == 2};
    size_t n = d.end - d.start; /* "Friday's" is written "Friday" */
    if (n > 2 && !memcmp(s + d.end - 2, "'s", 2)) d.end -= 2;
    else if (n > 4 && !memcmp(s + d.end - 4, "\xe2\x80\x99s", 4)) d.end -= 4;
    d.text = px_analysis_intern(an, s + d.start, d.end - d.start);
    d.value = how ? put(an, b) : NULL;
    px_vec_push(&an->dates, d);
}

/*
 * Rule forward-cue: 1 when the words before token at, in its clause (back
 * to the sentence's start [first], a comma, a semicolon or a relative
 * word, at most 12 tokens), look ahead: "will", "'ll", "expected to",
 * "scheduled", "set to", "plans to", "slated", "upcoming", "next", "is to
 * be".  "He will be arraigned Saturday" in a Friday article is the next
 * day; "The man, who was shot Saturday, will recover" is not (the comma
 * and "who" close the clause before the cue).
 */
static int forward_cue(const px_analysis *an, size_t first, size_t at)
{
    static const char *const cues[] = {"will", "'ll", "\xe2\x80\x99ll", "expected", "scheduled",
                                       "slated", "upcoming", "next", "plans", "planned", "plan",
                                       "wo", NULL}; /* "wo" of "won't" */
    static const char *const stops[] = {",", ";", "who", "which", "after", "when", "since",
                                        "and", "but", NULL};
    for (size_t t = at, k = 0; t > first && k < 12; k++) {
        const char *w = an->tokens.items[--t].norm;
        for (const char *const *s = stops; *s; s++)
            if (!strcmp(w, *s)) return 0;
        for (const char *const *c = cues; *c; c++)
            if (!strcmp(w, *c)) return 1;
        /* "is set to", "is to be" */
        if (!strcmp(w, "to") && t > first) {
            const char *v = an->tokens.items[t - 1].norm;
            if (!strcmp(v, "set") || !strcmp(v, "is") || !strcmp(v, "are")) return 1;
        }
    }
    return 0;
}

px_status px_find_dates(px_context *ctx, const px_article *a, px_analysis *an, px_error *err)
{
    (void)ctx, (void)err;
    pub p = {0};
    if (px_pub_date(a->date, &p.y, &p.m, &p.d) && p.y) p.days = px_days_from_civil(p.y, p.m, p.d);
    px_buf b = {0};
    size_t t = 0;
    while (t < an->tokens.len) {
        size_t end = t;
        while (end < an->tokens.len && an->tokens.items[end].sentence == an->tokens.items[t].sentence) end++;
        for (size_t first = t; t < end; t++) {
            px_date_expr e;
            size_t n = px_date_match(a, an, t, end, &e);
            if (!n) continue;
            px_buf_reset(&b);
            int forward = (e.kind == PX_DX_WEEKDAY || (e.kind == PX_DX_ABSOLUTE && !e.year)) &&
                          forward_cue(an, first, e.from);
            add(an, a, &e, resolve(&p, &e, forward, &b), &b);
            t += n - 1;
        }
    }
    px_buf_free(&b);
    return PX_OK;
}
