/*
 * author.c — a byline as written ("By Jane Roe and John Doe, Reuters",
 * "Veröffentlicht von Chris Jung · 31. Oktober 2023") to the list of the
 * authors' names, whatever the format the article came in.
 *
 * Pages write bylines for readers, and what surrounds the names varies:
 * a "By"/"Von"/"Par"/"Por" in front, a label ("Author:", "Autor:",
 * "Geschrieben von", "Posted by"), the date behind it, the outlet after a
 * comma, "Shares" or an e-mail address glued on.  This file strips those,
 * splits the rest at the joiners of several languages (",", ";", "&",
 * "and", "und", "et", "y", "e"), and keeps what looks like a name: a few
 * words, some letters, no URL.  A part equal to the outlet ("Rob Picheta,
 * CNN"), or to the first label of the page's host, is the outlet, not an
 * author; so is a firm ("... GmbH", "... e.V.", "... Inc."): a site that
 * signs a page with its own or its company's name names no writer.
 *
 * The names go into a->authors (deduplicated), and the first call that
 * finds any wins: the caller offers its sources most trusted first.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "extract/extract.h"

#define NAME_MAX_BYTES 60  /* a longer part is a sentence, not a name */
#define NAME_MAX_WORDS 6
#define MAX_AUTHORS 12

/* Labels and prepositions in front of the names, lower case; longest
 * first where one is the start of another ("vom": German "by the", as in
 * "vom Support Team"). */
static const char *const prefixes[] = {
    "written by", "posted by", "published by", "reported by", "story by", "words by", "recipe by",
    "geschrieben von", "veröffentlicht von", "verfasst von", "erstellt von", "ein beitrag von",
    "publicado por", "escrito por", "publié par", "écrit par", "scritto da", "pubblicato da",
    "geschreven door", "autor:", "autorin:", "autoren:", "author:", "authors:", "auteur:",
    "autore:", "text von", "text:", "texto:", "text und fotos:", "redakteur:", "by:", "von:", "por:",
    "par:", "by", "von", "vom", "par", "por", "di", "door", "da", "av", NULL};

/* Joiners between names. */
static const char *const joiners[] = {", ", "; ", " & ", " and ", " und ", " et ", " y ",
                                      " e ", " i ", " en ", " og ", NULL};

/* Words glued after the names that are not names. */
static const char *const tails[] = {"shares", "share", "follow", "twitter", "email", "e-mail",
                                    "mehr", "more", "profil", "profile", "über", "about",
                                    "autorenseite", "am", "on", "um", "le", "el", "il", "em",
                                    NULL};

/* Words after which a byline goes on with its date ("CNN Updated 2010
 * GMT", "Jane Roe, veröffentlicht am ..."). */
static const char *const date_words[] = {" updated", " published", " posted", " aktualisiert",
                                         " veröffentlicht", " actualizado", " publicado",
                                         " mis à jour", " publié", NULL};

/* Credits for pictures that follow the writer's name in one line ("Text
 * von Jane Roe Illustration von John Doe"): the byline ends there. */
static const char *const credit_words[] = {
    " illustration von", " illustrationen von", " illustration by", " illustrations by",
    " illustration:", " foto von", " fotos von", " foto:", " fotos:", " photo by",
    " photos by", " photo:", " photos:", " bild:", " bilder:", " grafik:", NULL};

static int is_punct_byte(unsigned char c)
{
    return c == '|' || c == '~' || c == '-' || c == ':' || c == ',' || c == ';' || c == '/' ||
           c == '(' || c == ')' || c == '*';
}

/* Skips leading spaces, punctuation and the dashes and dots of UTF-8. */
static const char *trim_front(const char *s)
{
    for (;;) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || is_punct_byte(c)) s++;
        else if (!strncmp(s, "\xE2\x80\x93", 3) || !strncmp(s, "\xE2\x80\x94", 3) ||
                 !strncmp(s, "\xC2\xB7", 2) || !strncmp(s, "\xE2\x80\xA2", 3))
            s += (unsigned char)*s == 0xC2 ? 2 : 3;
        else return s;
    }
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) w++;
    return w;
}

/* Skips a label ending in a colon at the start of s ("Redaktion:",
 * "Text und Fotos:", "责任编辑："): a few words, then the colon. */
static const char *skip_label(const char *s)
{
    const char *colon = strstr(s, "\xEF\xBC\x9A"); /* full-width colon */
    size_t skip = 3;
    const char *ascii = strchr(s, ':');
    if (ascii && (!colon || ascii < colon)) colon = ascii, skip = 1;
    if (!colon || colon - s > 30 || count_words(s, (size_t)(colon - s)) > 3) return s;
    if (colon[skip] && colon[skip] != ' ' && skip == 1) return s; /* "10:30" */
    return colon + skip;
}

/* Roles written before a name as one word with it ("Rechtsanwalt Sebastian
 * Roe", "FOCUS-Online-Experte Robin Roe", "Chefredakteurin Jane Roe"),
 * lower case: matched at the end of the first word. */
static const char *const roles[] = {"experte", "expertin", "rechtsanwalt", "rechtsanwältin",
                                    "redakteur", "redakteurin", "korrespondent",
                                    "korrespondentin", "reporter", "reporterin", "gastautor",
                                    "gastautorin", NULL};

/* 1 when s opens with a capital: an ASCII one or a Latin-1 one (À-Þ). */
static int capital_at(const char *s)
{
    unsigned char c = (unsigned char)s[0], d = (unsigned char)s[c ? 1 : 0];
    return (c >= 'A' && c <= 'Z') || (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97);
}

/* The length of a role word (roles) opening s and followed by two
 * capitalised words, a first name and a surname ("Reporter ohne Grenzen",
 * "Redakteur Politik" are no roles before a name); 0 when there is none. */
static size_t role_len(const char *s)
{
    size_t n = strcspn(s, " ");
    if (!s[n]) return 0;
    const char *first = s + n + 1, *second = first + strcspn(first, " ");
    if (!capital_at(first) || !*second || !capital_at(second + 1)) return 0;
    for (const char *const *r = roles; *r; r++) {
        size_t k = strlen(*r);
        if (n >= k && !strncasecmp(s + n - k, *r, k)) return n;
    }
    return 0;
}

/* Removes one prefix at s (case aside); returns where the names start. */
static const char *strip_prefix(const char *s)
{
    for (int again = 1; again;) {
        again = 0;
        s = trim_front(s);
        const char *after = skip_label(s);
        if (after != s) {
            s = after;
            again = 1;
            continue;
        }
        size_t role = role_len(s);
        if (role) {
            s += role;
            again = 1;
            continue;
        }
        for (const char *const *p = prefixes; *p; p++) {
            size_t k = strlen(*p);
            if (strncasecmp(s, *p, k)) continue;
            unsigned char next = (unsigned char)s[k];
            /* "von" must be a word: "Vonnegut" is a name */
            if ((*p)[k - 1] != ':' && (isalpha(next) || next >= 0x80)) continue;
            s += k;
            again = 1;
            break;
        }
    }
    return s;
}

/* The length of s up to the first thing that ends a byline: a date, a
 * separator dot or bar, an e-mail address, a newline. */
static size_t byline_end(const char *s, size_t n, int dmy)
{
    char iso[32];
    size_t at;
    if (px_html_find_date(s, n, dmy, iso, &at)) n = at;
    /* a bullet ends the names even glued to them ("Jane Roe•15 January") */
    static const char *const stops[] = {"\xC2\xB7", "\xE2\x80\xA2", " | ", "\n", " - ", " \xE2\x80\x93 ",
                                        " \xE2\x80\x94 ", "(", NULL};
    for (const char *const *st = stops; *st; st++) {
        const char *hit = strstr(s, *st);
        if (hit && (size_t)(hit - s) < n && hit != s) n = (size_t)(hit - s);
    }
    for (const char *const *w = date_words; *w; w++) {
        size_t k = strlen(*w);
        for (size_t i = 0; i + k <= n; i++)
            if (!strncasecmp(s + i, *w, k) && (i + k == n || s[i + k] == ' ' || s[i + k] == ':')) {
                n = i;
                break;
            }
    }
    for (const char *const *w = credit_words; *w; w++) {
        size_t k = strlen(*w);
        for (size_t i = 0; i + k <= n; i++)
            if (!strncasecmp(s + i, *w, k)) {
                n = i;
                break;
            }
    }
    const char *at_sign = memchr(s, '@', n);
    if (at_sign) { /* cut back to the start of the address */
        while (at_sign > s && at_sign[-1] != ' ') at_sign--;
        n = (size_t)(at_sign - s);
    }
    return n;
}

/* The length of the last word of p[0..len) when it is digits and dots only
 * ("2022."), else 0. */
static size_t numeric_tail(const char *p, size_t len)
{
    size_t start = len;
    while (start && p[start - 1] != ' ') start--;
    if (!start) return 0;
    for (size_t i = start; i < len; i++)
        if (!isdigit((unsigned char)p[i]) && p[i] != '.') return 0;
    return len - start;
}

/* Days of the week, lower case: "am Samstag", "on Monday" after a name is
 * when it was written.  Alone they stay: Sonntag and Freitag are names. */
static const char *const weekdays[] = {"montag", "dienstag", "mittwoch", "donnerstag", "freitag",
                                       "samstag", "sonntag", "monday", "tuesday", "wednesday",
                                       "thursday", "friday", "saturday", "sunday", NULL};

/* The length of a " am Samstag" or " on Monday" ending p[0..len), or of
 * all of p when it is one ("Jane Roe, am Samstag" split at the comma); 0
 * when it does not end so. */
static size_t weekday_tail(const char *p, size_t len)
{
    size_t w = len;
    while (w && p[w - 1] != ' ') w--;
    if (w == 3 && (!strncasecmp(p, "am ", 3) || !strncasecmp(p, "on ", 3))) {
        for (const char *const *d = weekdays; *d; d++)
            if (strlen(*d) == len - w && !strncasecmp(p + w, *d, len - w)) return len;
        return 0;
    }
    if (w < 4 || (strncasecmp(p + w - 4, " am ", 4) && strncasecmp(p + w - 4, " on ", 4)))
        return 0;
    for (const char *const *d = weekdays; *d; d++)
        if (strlen(*d) == len - w && !strncasecmp(p + w, *d, len - w)) return len - w + 1;
    return 0;
}

/* Trims a part and drops glued tails ("Amber Guetebier Shares", "am
 * Samstag") and the numbers of a date the date reader did not take ("Jane
 * Roe 4. 2. 2022."). */
static void clean_part(const char **s, size_t *n)
{
    const char *p = trim_front(*s);
    size_t len = *n - (size_t)(p - *s);
    for (int again = 1; again;) {
        again = 0;
        while (len && (p[len - 1] == ' ' || is_punct_byte((unsigned char)p[len - 1])))
            len--;
        for (const char *const *t = tails; *t; t++) {
            size_t k = strlen(*t);
            if (len > k && p[len - k - 1] == ' ' && !strncasecmp(p + len - k, *t, k)) {
                len -= k;
                again = 1;
            }
        }
        size_t digits = numeric_tail(p, len), day = weekday_tail(p, len);
        if (digits) len -= digits, again = 1;
        else if (day) len -= day, again = 1; /* then "am" goes as a tail */
    }
    *s = p;
    *n = len;
}

/* Link texts of author boxes that are not names. */
static const char *const not_names[] = {"alle artikel", "all articles", "all posts", "view all",
                                        "more by", "more from", "mehr von", "mehr artikel",
                                        "zum profil", "zeige alle", "alle beiträge", "profil",
                                        "profile", "autorenseite", "website", "twitter",
                                        "facebook", "instagram", "linkedin", "e-mail", "email",
                                        "mail", "kontakt", "contact", "about the author",
                                        "über den autor", "über die autorin", "über", "no author",
                                        "unknown", "admin", "administrator", "webmaster",
                                        "anonymous", "anonym", "anónimo", "anonyme", "guest",
                                        "posted", "veröffentlicht", NULL};

/* Degrees and titles that follow a name after a comma ("Grant Tinsley,
 * PhD"): not names of their own. */
static const char *const degrees[] = {"phd", "ph.d.", "md", "m.d.", "dr", "dr.", "msc", "mph",
                                      "rd", "rdn", "dds", "mba", "jr", "jr.", "sr", "sr.", NULL};

/* 1 when s[0..n) can be a name (or an organisation signing as author). */
static int name_like(const char *s, size_t n)
{
    /* s lower-cased, the capitals of Latin-1 too ("Über" is "über") */
    char low[NAME_MAX_BYTES + 1];
    size_t k = 0;
    for (; k < n && k < NAME_MAX_BYTES; k++) {
        unsigned char c = (unsigned char)s[k];
        low[k] = (char)tolower(c);
        if (k && (unsigned char)s[k - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
            low[k] = (char)(c + 0x20);
    }
    low[k] = '\0';
    for (const char *const *w = not_names; *w; w++)
        if (!strncmp(low, *w, strlen(*w))) return 0;
    for (const char *const *w = degrees; *w; w++)
        if (strlen(*w) == n && !strncasecmp(s, *w, n)) return 0;
    if (n < 2 || n > NAME_MAX_BYTES || count_words(s, n) > NAME_MAX_WORDS) return 0;
    size_t letters = 0, digits = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        letters += isalpha(c) || c >= 0x80;
        digits += isdigit(c) != 0;
    }
    if (letters < 2 || digits * 2 > letters) return 0;
    for (size_t i = 0; i + 1 < n; i++) /* "31. Oktober": a date's day, never in a name */
        if (isdigit((unsigned char)s[i]) && s[i + 1] == '.') return 0;
    for (size_t i = 0; i + 3 <= n; i++)
        if (!strncmp(s + i, "://", 3) || !strncasecmp(s + i, "www.", 4)) return 0;
    if (!strncmp(s, "\xC2\xA9", 2) || !strncasecmp(s, "copyright", 9)) return 0; /* a credit */
    if (memchr(s, '!', n) || memchr(s, '?', n)) return 0; /* an exclamation or a question */
    if (!memchr(s, ' ', n)) /* one word with a dot inside: a user name or a domain */
        for (size_t i = 1; i + 1 < n; i++)
            if (s[i] == '.' && isalpha((unsigned char)s[i - 1]) && isalpha((unsigned char)s[i + 1]))
                return 0;
    return 1;
}

static int same_ci(const char *a, size_t n, const char *b)
{
    return b && strlen(b) == n && !strncasecmp(a, b, n);
}

/* Lower-cased letters and digits of s[0..n) (other UTF-8 bytes kept), so
 * that "Stars Insider", "StarsInsider" and "starsinsider" compare equal. */
static size_t squash(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) || c >= 0x80) out[k++] = (char)tolower(c);
    }
    out[k] = '\0';
    return k;
}

/* 1 when s[0..n) is the outlet rather than a person: the outlet's name or
 * the first label of the page's host ("www." aside), whatever the spaces,
 * hyphens and case ("Deutsche Wirtschaftsnachrichten" on
 * deutsche-wirtschafts-nachrichten.de).  Sites sign unsigned pieces with
 * their own name; that names no author. */
static int is_outlet(const px_article *a, const char *s, size_t n)
{
    char name[NAME_MAX_BYTES + 1], other[NAME_MAX_BYTES + 1];
    if (!squash(s, n, name, sizeof name)) return 0;
    if (a->outlet && squash(a->outlet, strlen(a->outlet), other, sizeof other) &&
        !strcmp(name, other))
        return 1;
    const char *host = a->url ? strstr(a->url, "://") : NULL;
    if (!host) return 0;
    host += 3;
    if (!strncasecmp(host, "www.", 4)) host += 4;
    size_t label = strcspn(host, ".:/");
    return label && squash(host, label, other, sizeof other) && !strcmp(name, other);
}

/* Legal forms of companies and associations, last word of a name that is
 * a firm's, not a person's ("Deutsches Weininstitut GmbH"). */
static const char *const legal_forms[] = {"gmbh", "mbh", "ag", "e.v.", "ev", "se", "kg", "ltd",
                                          "ltd.", "inc", "inc.", "llc", "plc", "s.a.", "sa",
                                          "s.l.", "sarl", "s.r.l.", "srl", "bv", "b.v.", NULL};

/* 1 when the last word of s[0..n) is a legal form. */
static int is_company(const char *s, size_t n)
{
    size_t start = n;
    while (start && s[start - 1] != ' ') start--;
    if (!start) return 0; /* a single word: "AG" alone is no firm */
    for (const char *const *f = legal_forms; *f; f++)
        if (same_ci(s + start, n - start, *f)) return 1;
    return 0;
}

static void add_name(px_article *a, const char *s, size_t n)
{
    if (a->authors.len >= MAX_AUTHORS || is_outlet(a, s, n) || is_company(s, n)) return;
    for (size_t i = 0; i < a->authors.len; i++)
        if (same_ci(s, n, a->authors.items[i])) return;
    const char *name = px_article_str(a, s, n);
    if (name) px_vec_push(&a->authors, name);
}

/* Where the names start in a byline that gives its date first ("Posted on
 * September 21, 2020 by Jane Roe"): after the "by" that follows a date;
 * s itself when there is none. */
static const char *after_dated_by(const char *s, int dmy)
{
    static const char *const bys[] = {" by ", " von ", " par ", " por ", NULL};
    char iso[32];
    size_t at;
    for (const char *const *b = bys; *b; b++) {
        size_t k = strlen(*b);
        for (const char *p = s; *p; p++)
            if (!strncasecmp(p, *b, k)) {
                if (px_html_find_date(s, (size_t)(p - s), dmy, iso, &at)) return p + k;
                break;
            }
    }
    return s;
}

size_t px_author_names(px_article *a, const char *s, size_t len)
{
    if (!s || a->authors.len) return a->authors.len;
    char buf[512];
    if (len >= sizeof buf) return 0; /* an author bio, not a byline */
    memcpy(buf, s, len);
    buf[len] = '\0';
    for (char *p = buf; *p; p++)
        if (*p == '\t' || *p == '\r') *p = ' ';
    int dmy = !(a->language && !strcmp(a->language, "en"));
    const char *names = strip_prefix(after_dated_by(buf, dmy));
    if (!strncmp(names, "\xC2\xA9", 2) || !strncasecmp(names, "copyright", 9)) return 0;
    const char *end = names + byline_end(names, strlen(names), dmy);
    size_t before = a->authors.len;
    while (names < end) { /* split at the first joiner, repeatedly */
        const char *cut = end;
        size_t skip = 0;
        for (const char *const *j = joiners; *j; j++) {
            const char *hit = strstr(names, *j);
            if (hit && hit < cut) cut = hit, skip = strlen(*j);
        }
        const char *part = names;
        size_t plen = (size_t)(cut - names);
        clean_part(&part, &plen);
        if (name_like(part, plen)) add_name(a, part, plen);
        if (cut >= end) break;
        names = strip_prefix(cut + skip);
    }
    return a->authors.len - before;
}
