/*
 * number_time.c — clock times as news writes them (numdate.h), read by the
 * number finder as numbers of kind PX_NUMBER_TIME whose value is minutes
 * after midnight:
 *
 *   "10:30 p.m.", "10:30pm", "10:30 PM"  1350
 *   "2 a.m.", "2am"                      120
 *   "9 o'clock"                          540 (as written: no a.m./p.m.)
 *   "22:30", "10:30"                     as written, when hours < 24 and
 *                                        the minutes are two digits
 *   "noon", "12 noon", "midnight"        720, 720, 0
 *
 * "12 a.m." is midnight and "12 p.m." noon.  The tokenizer splits "10:30pm"
 * into "10", ":", "30pm", and "2 a.m." into "2", "a.m."; both are read.
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/numdate.h"

static const char *norm(const px_analysis *an, size_t t) { return an->tokens.items[t].norm; }

/* -1 for no meridiem, 0 for a.m., 1 for p.m. */
static int meridiem(const char *w)
{
    if (!strcmp(w, "a.m.") || !strcmp(w, "a.m") || !strcmp(w, "am")) return 0;
    if (!strcmp(w, "p.m.") || !strcmp(w, "p.m") || !strcmp(w, "pm")) return 1;
    return -1;
}

/* Digits at the start of w, their count in *n; -1 when none. */
static int leading(const char *w, size_t *n)
{
    int v = 0;
    *n = 0;
    while (w[*n] >= '0' && w[*n] <= '9' && *n < 4) v = v * 10 + (w[*n] - '0'), (*n)++;
    return *n ? v : -1;
}

static int clock(int h, int m, int mer)
{
    if (mer >= 0) h = h % 12 + (mer ? 12 : 0);
    return h * 60 + m;
}

size_t px_time_read(const px_analysis *an, size_t t, size_t end, double *minutes)
{
    if (t >= end) return 0;
    const char *w = norm(an, t);
    if (!strcmp(w, "noon")) return *minutes = 720, 1;
    if (!strcmp(w, "midnight")) return *minutes = 0, 1;
    size_t n;
    int h = leading(w, &n);
    if (h < 0 || h > 24 || n > 2) return 0;
    if (w[n]) { /* "2am", "2pm" */
        int mer = meridiem(w + n);
        if (mer < 0 || h < 1 || h > 12) return 0;
        return *minutes = clock(h, 0, mer), 1;
    }
    if (t + 1 < end && !strcmp(norm(an, t + 1), ":") && t + 2 < end) {
        const char *mw = norm(an, t + 2);
        int m = leading(mw, &n);
        if (m < 0 || n != 2 || m > 59) return 0;
        int mer = mw[n] ? meridiem(mw + n) : -1;
        if (mw[n] && mer < 0) return 0;
        size_t used = 3;
        if (mer < 0 && t + 3 < end && (mer = meridiem(norm(an, t + 3))) >= 0) used = 4;
        if (mer >= 0 && (h < 1 || h > 12)) return 0;
        if (h == 24 && m) return 0;
        return *minutes = clock(h, m, mer), used;
    }
    if (t + 1 >= end) return 0;
    const char *next = norm(an, t + 1);
    int mer = meridiem(next);
    if (mer >= 0 && h >= 1 && h <= 12) return *minutes = clock(h, 0, mer), 2;
    if (h >= 1 && h <= 12 && (!strcmp(next, "o'clock") || !strcmp(next, "o\xe2\x80\x99" "clock")))
        return *minutes = h * 60, 2;
    if (h == 12 && !strcmp(next, "noon")) return *minutes = 720, 2;
    if (h == 12 && !strcmp(next, "midnight")) return *minutes = 0, 2;
    return 0;
}
