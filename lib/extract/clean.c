/*
 * clean.c — what is not the article, taken out of the body; what is a
 * field, made one.
 *
 * Scraped news text carries page furniture between its paragraphs:
 * "Advertisement", "Latest Headlines", photo captions with their credits
 * ("... UPI/Kevin Dietsch", "1 of 2 | ... | License Photo", "Israel news
 * photo: Flash 90"), and the title again at the top.  Each such paragraph
 * moves to a->removed, so the body is the article and nothing is lost.
 * Furniture glued to the end of a real paragraph by a careless scraper
 * ("... Israeli time.)Advertisement") is cut off and removed the same way.
 * The title again is kept when it is all the text there is: an article of
 * one sentence, given as its title and its text.
 *
 * Two lines at the top are fields, not body: the byline ("By JC Finley")
 * and the dateline ("WASHINGTON, Nov. 7 (UPI) -- White House ...").  A
 * dateline gives the month and day of publication; when the page also
 * writes that date in full ("Nov. 7, 2014", say in a caption), the year is
 * taken from there.
 *
 * Every rule is about the shape of a line, never about a site's name.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "extract/extract.h"

enum { TOP = 4 }; /* bylines and datelines are looked for in this many paragraphs */

/* Whole-paragraph furniture, compared case-insensitively without trailing
 * punctuation.  A paragraph of only these words is never article text. */
static const char *const furniture[] = {
    "advertisement", "advertisements", "latest headlines", "related", "related articles",
    "related stories", "related content", "read more", "continue reading", "sponsored",
    "sponsored content", "share", "share this", "share this article", "share this story",
    "tweet", "email", "print", "subscribe", "subscribe now", "sign up", "click here",
    "story continues below", "story continues below advertisement", "trending",
    "most read", "most popular", "you may also like", "recommended", "top stories",
    "skip to content", "comments", "license photo", "more stories", "more from this author",
    "follow us", "back to top", "scroll to continue", "loading", "watch", "listen",
};

/* Furniture a scraper glues onto the end of a real paragraph. */
static const char *const glued[] = {"Advertisement", "Latest Headlines", "License Photo"};

static size_t trim_punct(const char *s, size_t n)
{
    while (n && (ispunct((unsigned char)s[n - 1]) || isspace((unsigned char)s[n - 1]))) n--;
    return n;
}

int px_is_furniture(const char *p, size_t n)
{
    while (n && isspace((unsigned char)*p)) p++, n--;
    n = trim_punct(p, n);
    for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++)
        if (strlen(furniture[i]) == n && strncasecmp(p, furniture[i], n) == 0) return 1;
    return 0;
}

static int is_furniture(const char *p)
{
    return px_is_furniture(p, strlen(p));
}

/* The first letters are compared before strncasecmp() is called: every
 * paragraph of every article is searched three times over. */
static int has_word_ci(const char *s, const char *w)
{
    size_t n = strlen(w);
    int first = tolower((unsigned char)w[0]);
    for (const char *p = s; *p; p++)
        if (tolower((unsigned char)*p) == first && strncasecmp(p, w, n) == 0) return 1;
    return 0;
}

/* "UPI/Kevin Dietsch", "AP Photo/Evan Vucci", "Reuters/Jonathan Ernst": an
 * agency, a slash, then one to three capitalised names, ending the line.
 * A line that ends a sentence is text ("...moderierbar (Whitelist/Blacklist).",
 * "gegen Sturm/Regen."): a credit ends with the name. */
static int ends_with_credit(const char *p)
{
    size_t n = strlen(p);
    while (n && isspace((unsigned char)p[n - 1])) n--;
    if (n && strchr(".!?:;", p[n - 1])) return 0;
    const char *slash = strrchr(p, '/');
    if (!slash || slash == p || !isalpha((unsigned char)slash[-1])) return 0;
    const char *agency = slash;
    while (agency > p && !isspace((unsigned char)agency[-1]) && agency[-1] != '(') agency--;
    if (!isupper((unsigned char)*agency)) return 0;
    int words = 0;
    const char *q = slash + 1;
    while (*q) {
        if (!isupper((unsigned char)*q)) return 0;
        while (*q && !isspace((unsigned char)*q)) q++;
        words++;
        while (isspace((unsigned char)*q)) q++;
        if (*q == ')' && !q[1]) break;
    }
    return words >= 1 && words <= 3;
}

/* A photo caption or credit line. */
static int is_credit(const char *p)
{
    size_t n = strlen(p);
    if (n == 0) return 0;
    if (strstr(p, "| License Photo")) return 1;
    int a, b, used = 0;
    if (sscanf(p, "%d of %d |%n", &a, &b, &used) == 2 && used > 0) return 1;
    if (n <= 160 && (has_word_ci(p, "photo:") || has_word_ci(p, "photo credit") ||
                     has_word_ci(p, "photograph:") || strncasecmp(p, "credit:", 7) == 0 ||
                     strncasecmp(p, "photo by ", 9) == 0 || strncasecmp(p, "image:", 6) == 0))
        return 1;
    return n <= 400 && ends_with_credit(p);
}

static int same_text(const char *a, const char *b)
{
    while (*a && *b) {
        if (isspace((unsigned char)*a) && isspace((unsigned char)*b)) {
            while (isspace((unsigned char)*a)) a++;
            while (isspace((unsigned char)*b)) b++;
            continue;
        }
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
        a++, b++;
    }
    return !*a && !*b;
}

/* The title again, alone or glued to a credit ("Susan RiceIsrael news photo: ..."). */
static int repeats_title(const char *title, const char *p)
{
    if (!title) return 0;
    size_t n = strlen(title);
    if (same_text(title, p)) return 1;
    return strncmp(p, title, n) == 0 && (is_furniture(p + n) || is_credit(p + n));
}

/* ---- byline ------------------------------------------------------------ */

/* "By JC Finley", "By Jane Doe and John Roe", "By Jane Doe, Reuters". */
static const char *byline_of(const char *p)
{
    if (strncasecmp(p, "by ", 3) != 0 || strlen(p) > 100) return NULL;
    const char *name = p + 3;
    while (*name == ' ') name++;
    if (!isupper((unsigned char)*name)) return NULL;
    for (const char *q = name; *q; q++)
        if (*q == '.' && q[1] == ' ' && islower((unsigned char)q[2])) return NULL; /* a sentence */
    for (const char *q = name; *q;) { /* every word capitalised, or a joiner */
        const char *w = q;
        while (*q && *q != ' ') q++;
        size_t n = (size_t)(q - w);
        if (!(isupper((unsigned char)*w) || (n == 3 && strncmp(w, "and", 3) == 0) ||
              (n == 2 && strncmp(w, "de", 2) == 0) || (unsigned char)*w >= 0x80))
            return NULL;
        while (*q == ' ') q++;
    }
    return name;
}

/* ---- dateline ---------------------------------------------------------- */

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

/* Month number (1-12) of a month name or abbreviation at s, its length in
 * *n (including a trailing period), or 0. */
static int month_at(const char *s, size_t *n)
{
    size_t len = 0;
    while (isalpha((unsigned char)s[len])) len++;
    if (len < 3) return 0;
    for (int m = 0; m < 12; m++) {
        if (strncasecmp(s, months[m], 3) != 0) continue;
        static const char *const full[] = {"january", "february", "march", "april", "may",
                                           "june", "july", "august", "september",
                                           "october", "november", "december"};
        if (len != 3 && !(m == 8 && len == 4 && strncasecmp(s, "sept", 4) == 0) &&
            !(len == strlen(full[m]) && strncasecmp(s, full[m], len) == 0))
            return 0;
        *n = len + (s[len] == '.');
        return m + 1;
    }
    return 0;
}

/* Reads "Nov. 7" at s: month and day; returns bytes used or 0. */
static size_t month_day_at(const char *s, int *month, int *day)
{
    size_t n;
    int m = month_at(s, &n);
    if (!m || s[n] != ' ' || !isdigit((unsigned char)s[n + 1])) return 0;
    int d = 0;
    size_t i = n + 1;
    while (isdigit((unsigned char)s[i]) && i < n + 3) d = d * 10 + (s[i++] - '0');
    if (d < 1 || d > 31 || isdigit((unsigned char)s[i])) return 0;
    *month = m;
    *day = d;
    return i;
}

typedef struct dateline {
    size_t place_end;  /* the dateline text is p[0..text_end) */
    size_t text_end;
    size_t wire, wire_end; /* the wire tag p[wire..wire_end), or equal */
    size_t body;       /* where the paragraph's own text starts */
    int month, day;
} dateline;

/* The all-capital place: "WASHINGTON", "NEW YORK", "ST. LOUIS", then an
 * optional ", Title Case" region ("BEIRUT, Lebanon", "AUSTIN, Texas"). */
static size_t place_at(const char *p)
{
    size_t i = 0, caps = 0;
    while (isupper((unsigned char)p[i]) || p[i] == ' ' || p[i] == '.' || p[i] == '\'' ||
           p[i] == '-') {
        caps += isupper((unsigned char)p[i]) != 0;
        i++;
    }
    while (i && p[i - 1] == ' ') i--;
    if (caps < 3 || (p[i] && isalpha((unsigned char)p[i]))) return 0;
    if (p[i] == ',' && p[i + 1] == ' ' && isupper((unsigned char)p[i + 2]) &&
        islower((unsigned char)p[i + 3])) {
        size_t n, j = i + 2;
        if (!month_at(p + j, &n)) { /* a region, not the date */
            while (isalpha((unsigned char)p[j]) || p[j] == '.' ||
                   (p[j] == ' ' && isupper((unsigned char)p[j + 1])))
                j++;
            i = j;
        }
    }
    return i;
}

static int parse_dateline(const char *p, dateline *d)
{
    memset(d, 0, sizeof *d);
    size_t i = place_at(p);
    if (!i) return 0;
    d->place_end = d->text_end = i;
    if (p[i] == ',' && p[i + 1] == ' ') {
        size_t n = month_day_at(p + i + 2, &d->month, &d->day);
        if (n) d->text_end = i = i + 2 + n;
    }
    while (p[i] == ' ') i++;
    if (p[i] == '(') {
        const char *close = strchr(p + i, ')');
        if (!close || close - (p + i) > 40) return 0;
        d->wire = i + 1;
        d->wire_end = (size_t)(close - p);
        i = d->wire_end + 1;
        while (p[i] == ' ') i++;
    }
    static const char *const dashes[] = {"--", "\xe2\x80\x94", "\xe2\x80\x93", "-", ":"};
    for (size_t k = 0; k < sizeof dashes / sizeof *dashes; k++) {
        size_t n = strlen(dashes[k]);
        if (strncmp(p + i, dashes[k], n) != 0) continue;
        int strong = k < 2 || d->wire_end > d->wire; /* "--", "—", or a wire tag */
        if (!strong || p[i + n] != ' ') return 0;
        d->body = i + n + 1;
        return 1;
    }
    return 0;
}

/* A full date "Nov. 7, 2014" anywhere in the source with this month and day
 * gives the year; 0 when there is none. */
static int year_for(const char *s, size_t len, int month, int day)
{
    for (size_t i = 0; i + 8 < len; i++) {
        if (!isupper((unsigned char)s[i]) || (i && isalpha((unsigned char)s[i - 1]))) continue;
        int m, d;
        size_t n = month_day_at(s + i, &m, &d);
        if (!n || m != month || d != day || i + n + 6 > len) continue;
        const char *y = s + i + n;
        if (y[0] == ',' && y[1] == ' ' && isdigit((unsigned char)y[2]) &&
            isdigit((unsigned char)y[3]) && isdigit((unsigned char)y[4]) &&
            isdigit((unsigned char)y[5]))
            return (y[2] - '0') * 1000 + (y[3] - '0') * 100 + (y[4] - '0') * 10 + (y[5] - '0');
    }
    return 0;
}

static void take_dateline(px_article *a, const char *p, const dateline *d)
{
    a->dateline = px_article_str(a, p, d->text_end);
    if (d->wire_end > d->wire) a->wire = px_article_str(a, p + d->wire, d->wire_end - d->wire);
    if (!d->month) return;
    char iso[16];
    int year = a->source ? year_for(a->source, a->source_len, d->month, d->day) : 0;
    if (year) snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, d->month, d->day);
    else snprintf(iso, sizeof iso, "--%02d-%02d", d->month, d->day);
    px_article_set_date(a, iso, PX_DATE_DATELINE, year ? 0.6 : 0.4);
}

/* ---- the pass ---------------------------------------------------------- */

/* Cuts furniture glued to the end of p; returns the length that stays. */
static size_t unglue(px_article *a, const char *p)
{
    size_t n = strlen(p);
    for (size_t i = 0; i < sizeof glued / sizeof *glued; i++) {
        size_t g = strlen(glued[i]);
        if (n <= g || strcmp(p + n - g, glued[i]) != 0) continue;
        unsigned char before = (unsigned char)p[n - g - 1];
        if (isspace(before) || isupper(before)) continue; /* "the Advertisement" is prose */
        px_article_add_removed(a, p + n - g, g);
        return n - g;
    }
    return n;
}

/* Takes p out of a->removed again (the last time it was put there). */
static void unremove(px_article *a, const char *p)
{
    for (size_t i = a->removed.len; i-- > 0;)
        if (a->removed.items[i] == p) {
            memmove(a->removed.items + i, a->removed.items + i + 1,
                    (a->removed.len - i - 1) * sizeof *a->removed.items);
            a->removed.len--;
            return;
        }
}

void px_clean(px_article *a)
{
    PX_VEC(const char *) kept = {0};
    const char *title_again = NULL; /* the first paragraph that is the title */
    int top = 1; /* still among the first TOP kept paragraphs */
    for (size_t i = 0; i < a->paragraphs.len; i++) {
        const char *p = a->paragraphs.items[i];
        top = kept.len < TOP;
        int again = top && repeats_title(a->title, p);
        if (is_furniture(p) || is_credit(p) || again) {
            if (again && !title_again && same_text(a->title, p)) title_again = p;
            px_vec_push(&a->removed, p);
            continue;
        }
        const char *by;
        if (top && (by = byline_of(p))) { /* a byline is never body text */
            if (!a->byline) a->byline = by;
            else px_vec_push(&a->removed, p); /* the page gave it already: keep it here */
            continue;
        }
        dateline d;
        if (top && !a->dateline && parse_dateline(p, &d)) {
            take_dateline(a, p, &d);
            p += d.body;
        }
        size_t n = unglue(a, p);
        if (n == strlen(p)) px_vec_push(&kept, p);
        else if ((p = px_article_str(a, p, n))) px_vec_push(&kept, p);
    }
    if (!kept.len && title_again) { /* the text is its title: a one-line article */
        unremove(a, title_again);
        px_vec_push(&kept, title_again);
    }
    px_vec_free(&a->paragraphs);
    a->paragraphs.items = kept.items;
    a->paragraphs.len = kept.len;
    a->paragraphs.cap = kept.cap;
}
