/*
 * html_date.c — publication dates as pages write them, to ISO 8601.
 *
 * Meta tags and JSON-LD mostly carry ISO 8601 already, in its many dialects
 * ("2014-11-07T10:00:00.000+0000", "2014-11-07 10:00", "2014/11/07"); some
 * carry RFC 1123 ("Fri, 07 Nov 2014 10:00:00 GMT") or English prose
 * ("November 7th, 2014").  All become "YYYY-MM-DD", plus "THH:MM:SS" when a
 * time is given and then the zone as given ("Z" or "+hh:mm"; none when the
 * page gives none).  Fractions of a second are dropped.  Dates are checked
 * (month 1-12, the day within the month, a year 1900-2199) so that a
 * version number or a phone number is not taken for one.
 */
#include <stdio.h>
#include <string.h>

#include "extract/html.h"

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Reads 1..max digits at *s into *v; 0 when there are fewer than min. */
static int read_num(const char **s, int min, int max, int *v)
{
    int n = 0, val = 0;
    while (n < max && is_digit((unsigned char)(*s)[n])) val = val * 10 + (*s)[n++] - '0';
    if (n < min || is_digit((unsigned char)(*s)[n])) return 0;
    *s += n;
    *v = val;
    return 1;
}

/* Reads exactly two digits ("+0530" holds two pairs). */
static int two_digits(const char **s, int *v)
{
    if (!is_digit((unsigned char)(*s)[0]) || !is_digit((unsigned char)(*s)[1])) return 0;
    *v = ((*s)[0] - '0') * 10 + (*s)[1] - '0';
    *s += 2;
    return 1;
}

static int valid_date(int y, int m, int d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

/* Reads "HH:MM[:SS[.fff]]" and a zone ("Z", "+hh[:mm]", "GMT", "UTC") at
 * *s and appends "THH:MM:SS[zone]" to out; 0 when there is no time. */
static int read_time(const char *s, char *out, size_t cap)
{
    int h, mi, sec = 0;
    if (!read_num(&s, 2, 2, &h) || *s++ != ':' || !read_num(&s, 2, 2, &mi)) return 0;
    if (*s == ':' && (s++, !read_num(&s, 2, 2, &sec))) return 0;
    if (h > 23 || mi > 59 || sec > 60) return 0;
    if (*s == '.' || *s == ',')
        for (s++; is_digit((unsigned char)*s); s++) {}
    while (*s == ' ') s++;
    char zone[32] = "";
    int zh, zm = 0;
    if (*s == 'Z' || !strncmp(s, "GMT", 3) || !strncmp(s, "UTC", 3)) {
        strcpy(zone, "Z");
    } else if ((*s == '+' || *s == '-') && (s[1] && is_digit((unsigned char)s[1]))) {
        char sign = *s++;
        if (!two_digits(&s, &zh)) return 0;
        if (*s == ':') s++;
        if (is_digit((unsigned char)*s) && !two_digits(&s, &zm)) return 0;
        if (zh > 14 || zm > 59) return 0;
        snprintf(zone, sizeof zone, "%c%02d:%02d", sign, zh, zm);
    }
    snprintf(out, cap, "T%02d:%02d:%02d%s", h, mi, sec, zone);
    return 1;
}

/* "2014-11-07", "2014/11/07", "2014.11.07", each with an optional time. */
static int iso_date(const char *s, char out[32])
{
    int y, m, d;
    if (!read_num(&s, 4, 4, &y)) return 0;
    char sep = *s;
    if (sep != '-' && sep != '/' && sep != '.') return 0;
    s++;
    if (!read_num(&s, 1, 2, &m) || *s++ != sep || !read_num(&s, 1, 2, &d)) return 0;
    if (!valid_date(y, m, d)) return 0;
    int n = snprintf(out, 32, "%04d-%02d-%02d", y, m, d);
    if (*s == 'T' || *s == 't' || *s == ' ') read_time(s + 1, out + n, (size_t)(32 - n));
    return 1;
}

static int month_of(const char *w, size_t n)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    if (n < 3) return 0;
    for (int m = 0; m < 12; m++)
        if (lower((unsigned char)w[0]) == names[m][0] &&
            lower((unsigned char)w[1]) == names[m][1] && lower((unsigned char)w[2]) == names[m][2])
            return m + 1;
    return 0;
}

/* "Fri, 07 Nov 2014 10:00:00 GMT", "7 November 2014", "Nov. 7th, 2014". */
static int prose_date(const char *s, char out[32])
{
    int y = 0, m = 0, d = 0;
    const char *after_year = NULL;
    while (*s && !y) {
        if (is_digit((unsigned char)*s)) {
            int v;
            const char *p = s;
            while (is_digit((unsigned char)*p)) p++;
            if (p - s == 4 && m && d && read_num(&s, 4, 4, &v)) y = v, after_year = s;
            else if (p - s <= 2 && !d && read_num(&s, 1, 2, &v)) d = v;
            else return 0;
        } else if ((*s | 32) >= 'a' && (*s | 32) <= 'z') {
            const char *p = s;
            while (((*p | 32) >= 'a' && (*p | 32) <= 'z')) p++;
            int month = month_of(s, (size_t)(p - s));
            int ordinal = d && p - s == 2; /* 7th, 1st */
            if (month && !m) m = month;
            else if (!ordinal && m) return 0; /* words after the month: not a date */
            s = p;
        } else {
            s++;
        }
    }
    if (!y || !valid_date(y, m, d)) return 0;
    int n = snprintf(out, 32, "%04d-%02d-%02d", y, m, d);
    while (*after_year == ' ' || *after_year == ',') after_year++;
    read_time(after_year, out + n, (size_t)(32 - n));
    return 1;
}

int px_html_date_iso(const char *s, char out[32])
{
    if (!s) return 0;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    return iso_date(s, out) || prose_date(s, out);
}

int px_html_url_date(const char *url, char out[32])
{
    const char *path = url ? strstr(url, "://") : NULL;
    path = path ? strchr(path + 3, '/') : url;
    for (const char *p = path; p && (p = strchr(p, '/')); p++) {
        const char *s = p + 1;
        int y, m, d;
        if (!read_num(&s, 4, 4, &y) || (*s != '/' && *s != '-')) continue;
        char sep = *s++;
        if (!read_num(&s, 2, 2, &m) || *s++ != sep || !read_num(&s, 2, 2, &d)) continue;
        if (*s && *s != '/' && *s != '?' && *s != '#') continue;
        if (y < 1990 || !valid_date(y, m, d)) continue;
        snprintf(out, 32, "%04d-%02d-%02d", y, m, d);
        return 1;
    }
    return 0;
}
