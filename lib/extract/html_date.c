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
 *
 * Dates in running text (px_html_find_date) are what a reader sees under a
 * headline, in the languages parallax meets most: "25.08.2015",
 * "25. August 2015", "August 25, 2015", "25 de agosto de 2015",
 * "25 sierpnia 2015", "2015年8月25日", "2015-08-25 22:30".  Numeric dates
 * with slashes are read day first ("25/08/2015") unless the page is in
 * English, where "08/25/2015" is the habit; a date only one reading
 * allows is read that way whatever the language.  Two elements' texts
 * meet without a space ("<span>28.09.19</span><span>12:44</span>",
 * "<b>Tanja Roe</b>3.11.2023"): a four-digit "year" followed by a colon
 * is a two-digit year and a time, and a full numeric date may follow a
 * word.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

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
    return y >= 1900 && y <= 2199 && d >= 1 && d <= px_month_days(y, m);
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

/* The date a URL path segment at s opens with: "2015/08/25" (across
 * segments, or "2015-08-25"), or "29-10-2021" (a page named for its day,
 * "/meldungen/29-10-2021"); 0 when none. */
static int segment_date(const char *s, int *y, int *m, int *d)
{
    const char *p = s;
    if (read_num(&p, 2, 2, d) && *p == '-') { /* day first */
        p++;
        if (!read_num(&p, 2, 2, m) || *p++ != '-' || !read_num(&p, 4, 4, y)) return 0;
        return !*p || strchr("/?#-.", *p);
    }
    p = s;
    if (!read_num(&p, 4, 4, y) || (*p != '/' && *p != '-')) return 0;
    char sep = *p++;
    if (!read_num(&p, 2, 2, m) || *p++ != sep || !read_num(&p, 2, 2, d)) return 0;
    return !*p || strchr("/?#", *p);
}

int px_html_url_date(const char *url, char out[32])
{
    const char *path = url ? strstr(url, "://") : NULL;
    path = path ? strchr(path + 3, '/') : url;
    for (const char *p = path; p && (p = strchr(p, '/')); p++) {
        int y, m, d;
        if (!segment_date(p + 1, &y, &m, &d) || y < 1990 || !valid_date(y, m, d)) continue;
        snprintf(out, 32, "%04d-%02d-%02d", y, m, d);
        return 1;
    }
    return 0;
}

/* 1 when s (n bytes, from a date on) holds two times with a dash or "bis"
 * between them within a few words: "30. März 2020, 13:15 Uhr - 19:00 Uhr",
 * "10:00–12:00", a schedule. */
static int time_range_after(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    int times = 0, dash = 0;
    for (size_t i = 0; i + 4 < n && i < 48; i++) {
        if (is_digit(u[i]) && (u[i + 1] == ':' || (is_digit(u[i + 1]) && u[i + 2] == ':'))) {
            if (times && dash) return 1;
            times = 1;
            while (i + 1 < n && (is_digit(u[i + 1]) || u[i + 1] == ':')) i++;
        } else if (times && (s[i] == '-' || !strncmp(s + i, "\xe2\x80\x93", 3) ||
                             !strncmp(s + i, "bis ", 4))) {
            dash = 1;
        }
    }
    return 0;
}

/* Labels of a day that is not a publication's, compared without case: the
 * closing day of a call or a registration on an event's page, the release
 * day of the game or the film a review is about ("Release: 14.11.2019",
 * "Release date: ..."; a press or news release is a publication), the day
 * a forum's member joined (shown in each post's profile box). */
static const char *const other_day_labels[] = {
    "deadline", "anmeldeschluss", "einsendeschluss", "bewerbungsschluss", "meldeschluss",
    "release", "releasedatum", "kinostart", "registriert", "registered", "joined",
    "anmeldedatum", NULL};

/* The word ending at s + e (spaces and colons before e skipped): its
 * bounds in *from, *to; 0 when there is none. */
static int word_before(const char *s, size_t e, size_t *from, size_t *to)
{
    while (e && (s[e - 1] == ' ' || s[e - 1] == ':')) e--;
    size_t b = e;
    while (b && s[b - 1] != ' ' && s[b - 1] != ':' && e - b < 24) b--;
    *from = b, *to = e;
    return b < e;
}

static int word_is(const char *s, size_t from, size_t to, const char *w)
{
    return strlen(w) == to - from && !strncasecmp(s + from, w, to - from);
}

/* 1 when the words just before s + b label another kind of day
 * (other_day_labels). */
static int other_day_label(const char *s, size_t b)
{
    size_t from, to, pfrom, pto;
    if (!word_before(s, b, &from, &to)) return 0;
    int before = word_before(s, from, &pfrom, &pto);
    if (word_is(s, from, to, "date") || word_is(s, from, to, "datum")) { /* "Release date:" */
        if (!before || !word_is(s, pfrom, pto, "release")) return 0;
        from = pfrom, to = pto;
        before = word_before(s, from, &pfrom, &pto);
    }
    int label = 0;
    for (const char *const *l = other_day_labels; *l && !label; l++) label = word_is(s, from, to, *l);
    if (!label || !before || !word_is(s, from, to, "release")) return label;
    /* a press or a news release ("Press Release Date:") is a publication */
    return !word_is(s, pfrom, pto, "press") && !word_is(s, pfrom, pto, "news");
}

int px_html_event_date(const char *s, size_t n, size_t at)
{
    if (other_day_label(s, at)) return 1;
    size_t b = at;
    while (b && s[b - 1] == ' ') b--;
    if (b >= 4 && !strncasecmp(s + b - 4, " bis", 4)) return 1;
    size_t dash = 0; /* bytes of a dash just before the date */
    if (b && s[b - 1] == '-') dash = 1;
    else if (b >= 3 && !strncmp(s + b - 3, "\xe2\x80\x93", 3)) dash = 3;
    if (dash) { /* "9.-23.2.2017", "9. - 23. Februar": the end of a span */
        b -= dash;
        while (b && s[b - 1] == ' ') b--;
        if (b && (s[b - 1] == '.' || is_digit((unsigned char)s[b - 1]))) return 1;
    }
    return time_range_after(s + at, n - at);
}

/* ---- dates in running text ----------------------------------------------- */

static const struct month_name {
    const char *name; /* lower case, UTF-8 */
    int month;
} month_names[] = {
    /* English, German, French, Spanish, Italian, Portuguese, Dutch, Polish
     * (the genitive used in dates); abbreviations after the full names */
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3},
    {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12},
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"enero", 1}, {"febrero", 2},
    {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8},
    {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12}, {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
    {"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
    {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12}, {"januari", 1},
    {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8}, {"stycznia", 1},
    {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6}, {"lipca", 7},
    {"sierpnia", 8}, {"września", 9}, {"października", 10}, {"listopada", 11},
    {"grudnia", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}, {"jän", 1},
    {"mär", 3}, {"okt", 10}, {"dez", 12}, {"janv", 1}, {"févr", 2}, {"avr", 4}, {"juil", 7},
    {"déc", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12}, {"set", 9}, {"out", 10},
    {"gen", 1}, {"mag", 5}, {"giu", 6}, {"lug", 7}, {"ott", 10}, {"fev", 2}, {"dez", 12},
};

/* The letters of a word at s (ASCII letters and any non-ASCII byte). */
static size_t word_len(const char *s)
{
    size_t n = 0;
    while (((s[n] | 32) >= 'a' && (s[n] | 32) <= 'z') || (unsigned char)s[n] >= 0x80) n++;
    return n;
}

/* The month named by the word s[0..n), or 0.  Case is ignored for ASCII
 * and for the capitals of the accented letters used above. */
static int month_word(const char *s, size_t n)
{
    char low[32];
    if (n < 3 || n >= sizeof low) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        low[i] = (char)lower(c);
        if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9E) /* U+00C0-U+00DE: À-Þ to à-þ */
            low[i + 1] = (char)((unsigned char)s[i + 1] + 0x20), i++;
    }
    for (size_t k = 0; k < sizeof month_names / sizeof *month_names; k++)
        if (month_names[k].name[0] == low[0] && strlen(month_names[k].name) == n &&
            !memcmp(low, month_names[k].name, n))
            return month_names[k].month;
    return 0;
}

static int emit(int y, int m, int d, char out[32])
{
    if (y < 100) y += y < 70 ? 2000 : 1900;
    if (!valid_date(y, m, d)) return 0;
    snprintf(out, 32, "%04d-%02d-%02d", y, m, d);
    return 1;
}

/* Reads a number of 1..4 digits at s (not inside a longer number);
 * returns its length. */
static size_t number_at(const char *s, int *v)
{
    size_t n = 0;
    *v = 0;
    while (n < 5 && is_digit((unsigned char)s[n])) *v = *v * 10 + s[n++] - '0';
    return n && n <= 4 ? n : 0;
}

/* Skips spaces, and the given punctuation once each. */
static const char *skip(const char *s, const char *punct)
{
    while (*s == ' ' || (*s && strchr(punct, *s))) s++;
    return s;
}

/* A date starting with the number at s: "25.08.2015", "2015-08-25",
 * "25. August 2015", "25 de agosto de 2015", "2015年8月25日". */
static int date_from_number(const char *s, int dmy, char out[32])
{
    int a, b, c;
    size_t na = number_at(s, &a);
    if (!na) return 0;
    const char *p = s + na;
    if (na == 4 && (*p == '-' || *p == '/' || *p == '.')) { /* year first */
        char sep = *p++;
        size_t nb = number_at(p, &b);
        if (!nb || nb > 2 || p[nb] != sep) return 0;
        size_t nc = number_at(p + nb + 1, &c);
        return nc && nc <= 2 && emit(a, b, c, out);
    }
    if (na == 4 && !strncmp(p, "\xE5\xB9\xB4", 3)) { /* 年 */
        p += 3;
        size_t nb = number_at(p, &b);
        if (!nb || strncmp(p + nb, "\xE6\x9C\x88", 3)) return 0; /* 月 */
        size_t nc = number_at(p + nb + 3, &c);
        return nc && emit(a, b, c, out);
    }
    if (na > 2) return 0;
    if (*p == '.' || *p == '/' || *p == '-') { /* day and month as numbers */
        char sep = *p++;
        size_t nb = number_at(p, &b);
        if (nb && nb <= 2 && p[nb] == sep) {
            size_t nc = number_at(p + nb + 1, &c);
            /* "28.09.1912:44": a two-digit year and a time glued on by two
             * adjacent elements ("<span>28.09.19</span><span>12:44</span>") */
            if (nc == 4 && p[nb + 1 + nc] == ':' && is_digit((unsigned char)p[nb + 2 + nc]))
                nc = 2, c /= 100;
            if (nc != 2 && nc != 4) return 0;
            if (sep == '/' && !dmy && emit(c, a, b, out)) return 1; /* 08/25/2015 */
            return emit(c, b, a, out) || (sep == '/' && emit(c, a, b, out));
        }
        if (sep != '.') return 0;
    }
    p = skip(p, ".");
    if (!strncmp(p, "de ", 3)) p += 3; /* "25 de agosto de 2015" */
    size_t wl = word_len(p);
    int m = month_word(p, wl);
    if (!m) return 0;
    p = skip(p + wl, ".,");
    if (!strncmp(p, "de ", 3)) p += 3;
    size_t nc = number_at(p, &c);
    return nc == 4 && emit(c, m, a, out);
}

/* "August 25, 2015", "Aug. 25th 2015". */
static int date_from_month(const char *s, char out[32])
{
    size_t wl = word_len(s);
    int m = month_word(s, wl), d, y;
    if (!m) return 0;
    const char *p = skip(s + wl, ".");
    size_t nd = number_at(p, &d);
    if (!nd || nd > 2) return 0;
    p += nd;
    if (word_len(p) == 2) p += 2; /* 25th, 1st */
    p = skip(p, ",");
    size_t ny = number_at(p, &y);
    return ny == 4 && emit(y, m, d, out);
}

/* 1 when a full numeric date ("3.11.2023") starts at s: one that may
 * follow a word, where two elements' texts meet ("Tanja Roe3.11.2023");
 * after one or two letters it is a version ("v1.2.2023"). */
static int glued_date(const char *s, char out[32])
{
    int d, m, y;
    size_t nd = number_at(s, &d);
    if (!nd || nd > 2 || s[nd] != '.') return 0;
    size_t nm = number_at(s + nd + 1, &m);
    if (!nm || nm > 2 || s[nd + 1 + nm] != '.') return 0;
    return number_at(s + nd + nm + 2, &y) == 4 && emit(y, m, d, out);
}

int px_html_find_date(const char *s, size_t n, int dmy, char out[32], size_t *at)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        int after_letter = i > 0 && (((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z') ||
                                     (unsigned char)s[i - 1] >= 0x80);
        int starts_word = i == 0 || !(is_digit((unsigned char)s[i - 1]) || after_letter);
        size_t word = 0; /* letters just before: "v1.2.2023" is a version */
        while (after_letter && word < i && word < 3 &&
               (((s[i - 1 - word] | 32) >= 'a' && (s[i - 1 - word] | 32) <= 'z') ||
                (unsigned char)s[i - 1 - word] >= 0x80))
            word++;
        if (!starts_word && word >= 3 && is_digit(c) && glued_date(s + i, out)) {
            if (at) *at = i;
            return 1;
        }
        if (!starts_word) continue;
        if ((is_digit(c) && date_from_number(s + i, dmy, out)) ||
            ((((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80) && date_from_month(s + i, out))) {
            if (at) *at = i;
            return 1;
        }
    }
    return 0;
}
