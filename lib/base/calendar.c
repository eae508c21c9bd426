/*
 * calendar.c — calendar arithmetic on the proleptic Gregorian calendar:
 * days since 1970-01-01 from a civil date and back, weekdays, month
 * lengths, and the day count of an ISO "YYYY-MM-DD" prefix.
 *
 * The day count uses the usual era decomposition (400-year eras of 146097
 * days, years starting in March so the leap day comes last): exact for
 * any year, no tables, no time zone (a date is a calendar day, not an
 * instant).  Extraction (publication dates), analysis (resolving "Friday")
 * and story grouping (day gaps) all count days here, so they agree.
 */
#include <stdio.h>

#include "base/base.h"

long px_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;                                   /* [0, 399] */
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

void px_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int px_weekday(long days)
{
    long w = (days + 3) % 7; /* 1970-01-01 was a Thursday */
    if (w < 0) w += 7;
    return (int)w + 1;
}

int px_month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return days[m - 1] + (m == 2 && leap);
}

int px_iso_days(const char *iso, long *days)
{
    int y, m, d;
    char dash1, dash2;
    if (!iso || sscanf(iso, "%4d%c%2d%c%2d", &y, &dash1, &m, &dash2, &d) != 5 || dash1 != '-' ||
        dash2 != '-' || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    *days = px_days_from_civil(y, m, d);
    return 1;
}
