/*
 * date_calc.c — reading the article's ISO publication date for resolving
 * dates; the calendar arithmetic itself is lib/base/calendar.c.
 */
#include <stdio.h>
#include <string.h>

#include "analyze/numdate.h"

int px_pub_date(const char *iso, int *y, int *m, int *d)
{
    *y = *m = *d = 0;
    if (!iso) return 0;
    int ok = strncmp(iso, "--", 2) == 0 ? sscanf(iso, "--%2d-%2d", m, d) == 2
                                        : sscanf(iso, "%4d-%2d-%2d", y, m, d) == 3;
    if (!ok || *m < 1 || *m > 12 || *d < 1 || *d > 31) {
        *y = *m = *d = 0;
        return 0;
    }
    return 1;
}
