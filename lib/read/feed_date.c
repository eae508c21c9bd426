/*
 * feed_date.c — feed dates to ISO 8601 UTC (feed.h).
 *
 * Two readers, tried in order:
 *   1. ISO 8601 / W3C-DTF (Atom, dc:date, sitemaps): 2003-12-31T10:14:55Z,
 *      2003-12-31T10:14:55.08-05:00, 2003-12-31, 2003-12, 2003,
 *      20031231T101455Z, a space for the T, a zone without its colon, no zone
 *      (read as UTC).
 *   2. RFC 822/1123 and what feeds make of it, read as a bag of tokens in any
 *      order: a weekday (ignored), a day, a month name (English, any case,
 *      abbreviated or not), a year (2 digits: 19xx from 50, else 20xx),
 *      hh:mm[:ss], and a zone (GMT, UT, UTC, Z, the US zones, military
 *      letters, +hhmm, +hh:mm).  So "Sun Jan  4 16:29:06 PST 2004" (asctime),
 *      "4 January 2004", "Wed, 31 Dec 2003 10:14:55 +0000" and a missing
 *      comma or seconds all read.
 *
 * A date that neither reads, or that names an impossible day (Feb 30, hour
 * 25), is no date: the caller keeps it unknown.  Never the current time.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "read/feed.h"

static int digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) return 0;
        *v = *v * 10 + (s[i] - '0');
    }
    return 1;
}

static int write_utc(int y, int mo, int d, int h, int mi, int sec, long offset_min, char out[32])
{
    if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > px_month_days(y, mo) || h < 0 ||
        h > 24 || mi < 0 || mi > 59 || sec < 0 || sec > 61)
        return 0;
    if (sec > 59) sec = 59;
    long long t = (long long)px_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
                  offset_min * 60;
    long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    long rem = (long)(t - days * 86400);
    px_civil_from_days((long)days, &y, &mo, &d);
    if (y < 1 || y > 9999) return 0;
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", y % 10000, mo % 100, d % 100,
             (int)(rem / 3600) % 100, (int)(rem / 60 % 60), (int)(rem % 60));
    return 1;
}

/* A zone at s: "Z", "+hh:mm", "+hhmm", "+hh"; sets *min and returns its length, 0 if none. */
static int numeric_zone(const char *s, long *min)
{
    if (*s == 'Z' || *s == 'z') return *min = 0, 1;
    if (*s != '+' && *s != '-') return 0;
    int h, m = 0, len;
    if (!digits(s + 1, 2, &h)) return 0;
    len = 3;
    if (s[3] == ':' && digits(s + 4, 2, &m)) len = 6;
    else if (digits(s + 3, 2, &m)) len = 5;
    if (h > 14 || m > 59) return 0;
    *min = (*s == '-' ? -1 : 1) * (h * 60 + m);
    return len;
}

static int iso(const char *s, char out[32])
{
    int y, mo = 1, d = 1, h = 0, mi = 0, sec = 0;
    long zone = 0;
    const char *p = s;
    if (!digits(p, 4, &y)) return 0;
    p += 4;
    int compact = isdigit((unsigned char)*p);
    if (compact) {
        if (!digits(p, 2, &mo) || !digits(p + 2, 2, &d)) return 0;
        p += 4;
    } else if (*p == '-') {
        if (!digits(p + 1, 2, &mo)) return 0;
        p += 3;
        if (*p == '-') {
            if (!digits(p + 1, 2, &d)) return 0;
            p += 3;
        }
    }
    if (*p == 'T' || *p == 't' || (*p == ' ' && isdigit((unsigned char)p[1]))) {
        p++;
        if (!digits(p, 2, &h)) return 0;
        p += 2;
        if (*p == ':') p++;
        if (!digits(p, 2, &mi)) return 0;
        p += 2;
        if (*p == ':' || (compact && isdigit((unsigned char)*p))) {
            if (*p == ':') p++;
            if (!digits(p, 2, &sec)) return 0;
            p += 2;
            if (*p == '.' || *p == ',') {
                p++;
                while (isdigit((unsigned char)*p)) p++;
            }
        }
        while (*p == ' ') p++;
        int zl = numeric_zone(p, &zone);
        p += zl;
        if (!zl && (!strncasecmp(p, "GMT", 3) || !strncasecmp(p, "UTC", 3))) p += 3;
    }
    while (*p == ' ') p++;
    if (*p) return 0;
    return write_utc(y, mo, d, h, mi, sec, zone, out);
}

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const weekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static int named_zone(const char *w, size_t n, long *min)
{
    static const struct { const char *name; int hours; } zones[] = {
        {"gmt", 0},  {"ut", 0},   {"utc", 0},  {"z", 0},    {"est", -5}, {"edt", -4},
        {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7},
    };
    for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
        if (strlen(zones[i].name) == n && !strncasecmp(w, zones[i].name, n))
            return *min = zones[i].hours * 60, 1;
    if (n == 1 && isalpha((unsigned char)*w)) { /* military: A-I,K-M east, N-Y west */
        int c = tolower((unsigned char)*w);
        if (c == 'j') return 0;
        int h = c <= 'i' ? c - 'a' + 1 : c <= 'm' ? c - 'a' : c <= 'y' ? -(c - 'n' + 1) : 0;
        return *min = h * 60, 1;
    }
    return 0;
}

static int tokens(const char *s, char out[32])
{
    int y = -1, mo = 0, d = 0, h = 0, mi = 0, sec = 0, have_zone = 0;
    long zone = 0;
    const char *p = s;
    while (*p) {
        while (*p && (isspace((unsigned char)*p) || *p == ',' || *p == '.' || *p == '/'))
            p++;
        if (!*p) break;
        const char *w = p;
        if (isdigit((unsigned char)*p)) {
            int v = 0, n = 0;
            while (isdigit((unsigned char)*p) && n < 9) v = v * 10 + (*p++ - '0'), n++;
            if (*p == ':') { /* a time */
                h = v;
                if (!isdigit((unsigned char)p[1])) return 0;
                mi = 0;
                p++;
                while (isdigit((unsigned char)*p)) { /* more than 3 digits: no minute (and no overflow) */
                    if (mi > 99) return 0;
                    mi = mi * 10 + (*p++ - '0');
                }
                if (*p == ':') {
                    p++;
                    sec = 0;
                    while (isdigit((unsigned char)*p)) {
                        if (sec > 99) return 0;
                        sec = sec * 10 + (*p++ - '0');
                    }
                    if (*p == '.') {
                        p++;
                        while (isdigit((unsigned char)*p)) p++;
                    }
                }
                if (mi > 59) return 0;
                continue;
            }
            if (n >= 3) y = v;
            else if (!d && v >= 1 && v <= 31) d = v;
            else if (y < 0) y = v < 50 ? 2000 + v : 1900 + v;
            else return 0;
            continue;
        }
        if (*p == '+' || *p == '-') {
            int zl = numeric_zone(p, &zone);
            if (!zl) return 0;
            p += zl;
            have_zone = 1;
            continue;
        }
        while (*p && isalpha((unsigned char)*p)) p++;
        size_t n = (size_t)(p - w);
        if (!n) return 0; /* a character that has no place in a date */
        int known = 0;
        for (int i = 0; i < 12 && !known; i++)
            if (n >= 3 && !strncasecmp(w, months[i], 3)) mo = i + 1, known = 1;
        for (int i = 0; i < 7 && !known; i++)
            if (n >= 3 && !strncasecmp(w, weekdays[i], 3)) known = 1;
        if (!known && !have_zone && named_zone(w, n, &zone)) known = have_zone = 1;
        if (!known && (!strncasecmp(w, "am", n) || !strncasecmp(w, "pm", n)) && n == 2) {
            if (tolower((unsigned char)*w) == 'p' && h < 12) h += 12;
            if (tolower((unsigned char)*w) == 'a' && h == 12) h = 0;
            known = 1;
        }
        if (!known) return 0;
    }
    if (y < 0 || !mo || !d) return 0;
    return write_utc(y, mo, d, h, mi, sec, zone, out);
}

int px_feed_parse_date(const char *s, char out[32])
{
    if (!s) return 0;
    while (isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    if (n == 0 || n > 80) return 0;
    char copy[96];
    memcpy(copy, s, n + 1);
    while (n && isspace((unsigned char)copy[n - 1])) copy[--n] = '\0';
    return iso(copy, out) || tokens(copy, out);
}
