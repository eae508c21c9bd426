/*
 * numdate.h — what the number and date finders share.
 *
 *   number_words.c  number words and written numbers: "sixty", "fourth",
 *                   "4th", "2,000", "5.2 million", "two hundred"
 *   date_match.c    date expressions at a token: "Nov. 7, 2014", "Friday",
 *                   "last month", "three days ago", "since 2009"
 *   date_calc.c     the publication date as a civil date
 *   number_time.c   clock times: "10:30 p.m.", "2am", "noon"
 *   number_kind.c   what a number is: quantity, age or label
 *   number.c        px_find_numbers(): numbers with qualifier, unit and
 *                   kind, skipping what date_match.c reads as a date
 *   date.c          px_find_dates(): date expressions resolved against the
 *                   publication date
 *
 * Token spans: [t, end) are indices into an->tokens, end the first token
 * after the sentence.
 */
#ifndef PX_NUMDATE_H
#define PX_NUMDATE_H

#include "analyze/analysis.h"

/* ---- number_words.c ---------------------------------------------------- */

/* The value of one folded word: "sixty" 60, "fourth" 4 (*ordinal = 1),
 * "4th" 4, "2,000" 2000, "3.5" 3.5, "million" 1e6 (*scale = 1).  Returns
 * 1 when the word is a number. */
int px_num_word(const char *norm, double *value, int *ordinal, int *scale);

/* Reads the number at token t: written or spelled, with its scale words
 * ("5.2 million", "two hundred", "twenty-one").  Returns the tokens used,
 * 0 when t starts no number. */
size_t px_num_read(const px_analysis *an, size_t t, size_t end, double *value, int *ordinal);

/* ---- number_time.c ---------------------------------------------------- */

/* Reads the clock time at token t ("10:30 p.m.", "2am", "9 o'clock",
 * "noon"): *minutes after midnight.  Returns the tokens used, 0 when t
 * starts no time. */
size_t px_time_read(const px_analysis *an, size_t t, size_t end, double *minutes);

/* ---- number_kind.c ---------------------------------------------------- */

/* What the number n is, read at tokens [t, t + len) of the sentence whose
 * tokens are [first, end), with n's value, unit and ordinal set: age,
 * label or quantity (never time: px_time_read() finds those). */
px_number_kind px_number_kind_of(const px_article *a, const px_analysis *an, size_t first,
                                 size_t end, size_t t, size_t len, const px_number *n);

/* ---- date_calc.c ------------------------------------------------------- */

/* Days, weekdays and month lengths: px_days_from_civil() and the rest of
 * lib/base/calendar.c. */

/* The publication date: *y (0 when unknown: "--11-07"), *m, *d; 0 when
 * the article has none. */
int px_pub_date(const char *iso, int *y, int *m, int *d);

/* ---- date_match.c ------------------------------------------------------ */

typedef enum px_date_kind {
    PX_DX_ABSOLUTE,  /* year, month, day as written (any may be 0) */
    PX_DX_WEEKDAY,    /* weekday 1..7; shift -1 "last", +1 "next" */
    PX_DX_DAY,       /* today / yesterday / tomorrow: amount days from the date */
    PX_DX_PERIOD,    /* last/this/next week, month, year: shift, unit */
    PX_DX_AGO        /* amount units ago (or "in amount units": negative) */
} px_date_kind;

typedef enum px_date_unit { PX_UNIT_DAY, PX_UNIT_WEEK, PX_UNIT_MONTH, PX_UNIT_YEAR } px_date_unit;

typedef struct px_date_expr {
    px_date_kind kind;
    int year, month, day, weekday;
    int shift, amount;
    px_date_unit unit;
    size_t from, to; /* tokens [from, to), "since" included */
} px_date_expr;

/* The date expression starting at token t ("since", "last", "on" may open
 * it), or 0; fills e.  Reads the sentence's text for capitals. */
size_t px_date_match(const px_article *a, const px_analysis *an, size_t t, size_t end,
                     px_date_expr *e);

#endif
