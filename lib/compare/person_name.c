/*
 * person_name.c — a person's name split, cleaned and matched (see
 * person_name.h).
 *
 * Cleaning.  An entity's name may carry what is not the name: a title or
 * role before it ("RNC Chairman Michael Steele", "Wayne County Prosecutor
 * Kym Worthy": everything up to the last title or role word of the
 * gazetteer goes), a place after it ("Kenneth Murphy of Allentown": cut at
 * the first lower-case word that is no name particle such as "de" or
 * "van"), a nickname in quotes, a suffix ("Jr.", kept in the display, not
 * matched: father and son differ only by it, and the join keeps two persons
 * of one article apart).
 *
 * Matching.  Given names are compatible when each given name of the side
 * with fewer of them equals, shortens (a prefix of three letters or more,
 * two letters short of it at least: "Chris", not "Ros" for "Ross"), is a
 * nickname of (a table of common English short forms) or is the initial of
 * one of the other's (a name is matched against the other's initials only
 * when the other has no name but initials); so middle names, initials and stray
 * words before a name ("Neighbor Terisha Lawrence") do not count.  Spelling
 * variants are judged on the folded word: Damerau-Levenshtein (adjacent
 * transpositions count one: "Kristen"/"Kirsten") at most 1 for words of 5
 * letters or more and 2 for 8 or more; or with the same phonetic key, 1 for
 * 4 letters or more ("Dahl"/"Dahle") and 2 for 6 or more ("Casullo"/
 * "Casulo"); every 3-letter name is a letter away from many others (Dan,
 * Don, Jan).
 */
#include <string.h>

#include "analyze/entity.h"
#include "compare/person_name.h"

static int lower_ascii(int ch)
{
    return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

static int is_letter(unsigned char ch)
{
    return ch >= 0x80 || ((ch | 32) >= 'a' && (ch | 32) <= 'z');
}

/* Lower-case particles inside a name: "Sandra de Jesus", "Ludwig van Beethoven". */
static int particle(const char *w, size_t n)
{
    static const char *const P[] = {"de", "del", "della", "da", "das", "dos", "du", "van", "von",
                                    "der", "den", "la", "le", "bin", "al", "el", "di", "ibn", "y"};
    for (size_t i = 0; i < sizeof P / sizeof *P; i++)
        if (strlen(P[i]) == n && memcmp(P[i], w, n) == 0) return 1;
    return 0;
}

/* w folded into out (letters and digits lower-cased, curly apostrophes
 * straight; dots, commas, quotes dropped). */
static size_t fold_word(const char *w, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (ch == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
            ((unsigned char)w[i + 2] == 0x98 || (unsigned char)w[i + 2] == 0x99)) {
            out[k++] = '\''; /* ‘ ’: "O’Neill" is "O'Neill" */
            i += 2;
        } else if (is_letter(ch) || (ch >= '0' && ch <= '9') || ch == '-' || ch == '\'') {
            out[k++] = (char)lower_ascii(ch);
        }
    }
    out[k] = '\0';
    return k;
}

static int suffix_word(const char *f)
{
    return !strcmp(f, "jr") || !strcmp(f, "sr") || !strcmp(f, "ii") || !strcmp(f, "iii") ||
           !strcmp(f, "iv");
}

/* "J.", "J", "EJ", "E.J.": initials as written. */
static int initials(const char *w, size_t n)
{
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] >= 'A' && w[i] <= 'Z') caps++;
        else if (w[i] != '.') return 0;
    }
    return caps >= 1 && caps <= 2 && (caps == 1 || n == 2 || w[n - 1] == '.');
}

/* A title, honorific or role word of the gazetteer that is no first name:
 * "Chairman", "Sen.", "Mr.", "Prosecutor". */
static int title_word(const char *w, size_t n)
{
    char f[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof f; i++) f[k++] = (char)lower_ascii((unsigned char)w[i]);
    f[k] = '\0';
    unsigned c = px_gz_lookup(f, k);
    if (!c && k && f[k - 1] == '.') c = px_gz_lookup(f, k - 1);
    if (!c && k) c = px_gz_lookup(f, fold_word(w, n, f, sizeof f));
    return (c & (PX_GZ_TITLE | PX_GZ_HONORIFIC | PX_GZ_ROLE)) && !(c & PX_GZ_FIRST_NAME);
}

typedef struct word {
    const char *s;
    size_t n;
} word;

/* The last word of a street or a venue: "Skyline Drive", "Grand Ave". */
static int place_word(const char *f)
{
    static const char *const W[] = {"drive", "dr", "street", "st", "avenue", "ave", "road", "rd",
                                    "boulevard", "blvd", "lane", "ln", "way", "court", "ct",
                                    "place", "pl", "parkway", "pkwy", "highway", "hwy", "terrace",
                                    "circle", "jail", "store", "apartments", "apts", "houses",
                                    "lodge", "market", "school", "hospital", "church", "center",
                                    "centre", "park", "plaza", "mall", "motel", "hotel"};
    for (size_t i = 0; i < sizeof W / sizeof *W; i++)
        if (!strcmp(W[i], f)) return 1;
    return 0;
}

/* A word ending in an English contraction or possessive: "ID'd", "ID'ed",
 * "Cane's" (not "O'Neill", "Ja'nyla"). */
static int contraction(const char *w, size_t n)
{
    static const char *const END[] = {"d", "s", "ed", "ll", "re", "ve", "t", "m"};
    for (size_t i = 0; i + 1 < n; i++) {
        size_t next = w[i] == '\'' ? i + 1
                      : (unsigned char)w[i] == 0xE2 && i + 3 < n && (unsigned char)w[i + 2] == 0x99 ? i + 3
                                                                                                    : 0;
        if (!next) continue;
        size_t rest = n - next;
        while (rest && (w[next + rest - 1] == '.' || w[next + rest - 1] == ',')) rest--;
        for (size_t k = 0; k < sizeof END / sizeof *END; k++)
            if (strlen(END[k]) == rest && !memcmp(w + next, END[k], rest)) return 1;
    }
    return 0;
}

/* Written in capitals, three letters or more: "EST", "LMPD". */
static int shouting(const char *w, size_t n)
{
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] >= 'a' && w[i] <= 'z') return 0;
        caps += w[i] >= 'A' && w[i] <= 'Z';
    }
    return caps >= 3;
}

/* 1 when the first word is a common word of the story, not a first name. */
static int common_first(const word *w, px_pname_lower_fn lower, void *ud)
{
    char f[64];
    size_t fn = fold_word(w->s, w->n, f, sizeof f);
    return lower && fn > 1 && lower(ud, f, fn) && !(px_gz_lookup(f, fn) & PX_GZ_FIRST_NAME);
}

/* 1 when words [from, to) of a person's name read as one: no word in
 * capitals nor a contraction, no street or venue word or abbreviation last ("Ave."), no cue
 * of an organization, place or event or a title's modifier after the first
 * ("Montgomery County Sheriff"), no word the story writes in lower case
 * inside it ("Albert Food Store"). */
static int plausible(const word *w, size_t from, size_t to, px_pname_lower_fn lower, void *ud)
{
    char f[64];
    for (size_t i = from; i < to; i++)
        if (shouting(w[i].s, w[i].n) || contraction(w[i].s, w[i].n)) return 0;
    const word *last = &w[to - 1];
    size_t fn = fold_word(last->s, last->n, f, sizeof f);
    if (last->s[last->n - 1] == '.' && fn > 1) return 0;
    if (place_word(f)) return 0;
    for (size_t i = from + 1; i < to; i++) {
        fn = fold_word(w[i].s, w[i].n, f, sizeof f);
        if (px_gz_lookup(f, fn) & (PX_GZ_ORG_CUE | PX_GZ_PLACE_CUE | PX_GZ_OTHER_CUE | PX_GZ_NEVER |
                                   PX_GZ_TITLE_MOD))
            return 0;
        if (lower && i + 1 < to && fn > 1 && lower(ud, f, fn)) return 0;
    }
    /* both words common ones, the first no first name: "Cedar Grove" */
    fn = fold_word(last->s, last->n, f, sizeof f);
    if (to - from == 2 && lower && lower(ud, f, fn) && common_first(&w[from], lower, ud)) return 0;
    return 1;
}

void px_pname_parse(px_arena *arena, const char *name, px_pname_lower_fn lower, void *ud,
                    px_pname *out)
{
    memset(out, 0, sizeof *out);
    word w[32];
    size_t nw = 0;
    for (const char *p = name; *p && nw < 32;) {
        while (*p == ' ') p++;
        size_t n = strcspn(p, " ");
        if (n) w[nw++] = (word){p, n};
        p += n;
    }
    /* a quoted nickname, or anything not starting with a letter, is no word of the name */
    size_t keep = 0;
    for (size_t i = 0; i < nw; i++) {
        unsigned char ch = (unsigned char)w[i].s[0];
        if (ch == '"' || ch == '(' || (ch == 0xE2 && w[i].n > 3) || !is_letter(ch)) continue;
        w[keep++] = w[i];
    }
    nw = keep;
    /* cut at a lower-case word that is no particle: "of Allentown" */
    for (size_t i = 1; i < nw; i++)
        if (w[i].s[0] >= 'a' && w[i].s[0] <= 'z' && !particle(w[i].s, w[i].n)) {
            nw = i;
            break;
        }
    /* drop everything up to the last title or role before the surname */
    size_t from = 0;
    char f[64];
    for (size_t i = nw ? nw - 1 : 0; i-- > 0;)
        if (title_word(w[i].s, w[i].n)) {
            from = i + 1;
            break;
        }
    if (from >= nw) return;
    size_t to = nw; /* the suffix stays in the display, not among the words */
    fold_word(w[nw - 1].s, w[nw - 1].n, f, sizeof f);
    if (nw - from >= 2 && suffix_word(f)) {
        out->suffix = 1;
        to = nw - 1;
    }
    if (to - from >= 3 && common_first(&w[from], lower, ud)) from++; /* "Neighbor Terisha Lawrence" */
    out->plausible = plausible(w, from, to, lower, ud) && !(to - from == 2 && common_first(&w[from], lower, ud));
    size_t len = (size_t)(w[nw - 1].s + w[nw - 1].n - w[from].s);
    while (len && (w[from].s[len - 1] == ',' || w[from].s[len - 1] == ';')) len--;
    out->display = px_arena_strndup(arena, w[from].s, len);
    if (to - from > PX_PNAME_WORDS) from = to - PX_PNAME_WORDS;
    char buf[PX_PNAME_WORDS * 64];
    size_t k = 0;
    for (size_t i = from; i < to; i++) {
        size_t fn = fold_word(w[i].s, w[i].n, buf + k + (k > 0), sizeof buf - k - 1);
        if (!fn) continue;
        if (k) buf[k++] = ' ';
        out->start[out->words] = (unsigned char)k;
        out->len[out->words] = (unsigned char)fn;
        out->initial[out->words] = (unsigned char)initials(w[i].s, w[i].n);
        out->words++;
        k += fn;
    }
    buf[k] = '\0';
    out->folded = px_arena_strndup(arena, buf, k);
    if (out->words == 1 && suffix_word(out->folded)) out->words = 0; /* "Jr." alone */
    if (out->words >= 2 && !out->initial[0]) {
        unsigned g = px_gz_lookup(out->folded, out->len[0]);
        out->gender = (g & PX_GZ_MALE) && !(g & PX_GZ_FEMALE)   ? 'm'
                      : (g & PX_GZ_FEMALE) && !(g & PX_GZ_MALE) ? 'f'
                                                                 : 0;
    }
}

const char *px_pname_last(const px_pname *p, size_t *len)
{
    if (!p->words) {
        *len = 0;
        return "";
    }
    *len = p->len[p->words - 1];
    return p->folded + p->start[p->words - 1];
}

/* ---- spelling -------------------------------------------------------------- */

/* Damerau-Levenshtein distance (optimal string alignment) of two short words,
 * or 3 and more when larger or longer than 31 bytes. */
static int distance(const char *a, size_t n, const char *b, size_t m)
{
    if (n > 31 || m > 31) return 99;
    if ((n > m ? n - m : m - n) > 2) return 3;
    int d[32][32];
    for (size_t i = 0; i <= n; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

static char phone_class(const char *w, size_t n, size_t i)
{
    char ch = w[i], next = i + 1 < n ? w[i + 1] : 0;
    switch (ch) {
    case 'b': case 'p': return next == 'h' && ch == 'p' ? 'F' : 'P';
    case 'f': case 'v': return 'F';
    case 'c': return next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K';
    case 'k': case 'q': return 'K';
    case 'g': return 'G';
    case 'j': return 'J';
    case 's': case 'z': return 'S';
    case 'x': return 'X';
    case 'd': case 't': return 'T';
    case 'l': return 'L';
    case 'r': return 'R';
    case 'm': return 'M';
    case 'n': return 'N';
    default: return 0; /* vowels, h, w, y; other bytes */
    }
}

size_t px_name_phonetic(const char *w, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    char last = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        char cl = phone_class(w, n, i);
        if (i == 0 && !cl) cl = 'A'; /* a name starting with a vowel */
        if (i > 0 && w[i - 1] == 'p' && w[i] == 'h') continue;
        if (cl && cl != last) out[k++] = cl;
        last = cl ? cl : last; /* vowels do not separate doubles: "Hanna"/"Hannah" */
    }
    if (cap) out[k] = '\0';
    return k;
}

static int vowel(char ch) { return ch && strchr("aeiouy", ch) != NULL; }

/* 1 when a and b (n bytes each) differ in one vowel put for another
 * ("Carl"/"Cerl", "Cate"/"Cete": the phonetic key reads a c before e as
 * an s, so it cannot say so) or in two neighbouring letters swapped
 * ("Abdi"/"Adbi"). */
static int one_vowel_or_swap(const char *a, const char *b, size_t n)
{
    size_t i = 0;
    while (i < n && a[i] == b[i]) i++;
    if (i == n) return 0;
    if (!memcmp(a + i + 1, b + i + 1, n - i - 1)) return vowel(a[i]) && vowel(b[i]);
    return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] && !memcmp(a + i + 2, b + i + 2, n - i - 2);
}

int px_name_word_variant(const char *a, size_t n, const char *b, size_t m)
{
    if (n == m && memcmp(a, b, n) == 0) return 2;
    size_t shorter = n < m ? n : m;
    int d = distance(a, n, b, m);
    if ((d <= 1 && shorter >= 5) || (d <= 2 && shorter >= 8)) return 1;
    if (d <= 1 && n == m && shorter >= 4 && one_vowel_or_swap(a, b, n)) return 1;
    if ((d <= 1 && shorter >= 4) || (d <= 2 && shorter >= 6)) {
        char pa[40], pb[40];
        px_name_phonetic(a, n, pa, sizeof pa);
        px_name_phonetic(b, m, pb, sizeof pb);
        if (!strcmp(pa, pb)) return 1;
    }
    return 0;
}

/* ---- given names ------------------------------------------------------------ */

/* Common English short forms of first names: one person, two spellings. */
static const char *const NICKNAMES[][2] = {
    {"bill", "william"}, {"will", "william"}, {"billy", "william"}, {"bob", "robert"},
    {"bobby", "robert"}, {"rob", "robert"}, {"dick", "richard"}, {"rick", "richard"},
    {"jim", "james"}, {"jimmy", "james"}, {"mike", "michael"}, {"joe", "joseph"},
    {"tom", "thomas"}, {"ted", "edward"}, {"ed", "edward"}, {"ted", "theodore"},
    {"chuck", "charles"}, {"charlie", "charles"}, {"tony", "anthony"}, {"jack", "john"},
    {"johnny", "john"}, {"jon", "john"}, {"liz", "elizabeth"}, {"beth", "elizabeth"},
    {"betsy", "elizabeth"}, {"peggy", "margaret"}, {"maggie", "margaret"}, {"kate", "katherine"},
    {"katie", "katherine"}, {"kathy", "kathleen"}, {"sue", "susan"}, {"jenny", "jennifer"},
    {"dave", "david"}, {"dan", "daniel"}, {"danny", "daniel"}, {"steve", "stephen"},
    {"steve", "steven"}, {"matt", "matthew"}, {"pat", "patrick"}, {"pat", "patricia"},
    {"nick", "nicholas"}, {"andy", "andrew"}, {"drew", "andrew"}, {"larry", "lawrence"},
    {"harry", "harold"}, {"hank", "henry"}, {"newt", "newton"}, {"mitt", "willard"},
    {"al", "albert"}, {"sam", "samuel"}, {"ben", "benjamin"}, {"greg", "gregory"},
    {"jerry", "gerald"}, {"ron", "ronald"}, {"don", "donald"}, {"fred", "frederick"},
    {"frank", "francis"}, {"gene", "eugene"}, {"terry", "terrence"}, {"bibi", "benjamin"},
    {"vlad", "vladimir"}, {"alex", "alexander"}, {"nate", "nathan"}, {"bernie", "bernard"},
    {"kim", "kimberly"}, {"jeff", "jeffrey"}, {"tim", "timothy"}, {"ken", "kenneth"},
    {"kenny", "kenneth"}, {"chris", "christopher"}, {"abby", "abigail"}, {"becky", "rebecca"},
};

static int nickname(const char *a, size_t n, const char *b, size_t m)
{
    for (size_t i = 0; i < sizeof NICKNAMES / sizeof *NICKNAMES; i++) {
        const char *x = NICKNAMES[i][0], *y = NICKNAMES[i][1];
        if ((strlen(x) == n && !memcmp(a, x, n) && strlen(y) == m && !memcmp(b, y, m)) ||
            (strlen(x) == m && !memcmp(b, x, m) && strlen(y) == n && !memcmp(a, y, n)))
            return 1;
    }
    return 0;
}

/* Word i of a against word j of b: 2 compatible, 1 a variant, 0 not. */
static int given_word(const px_pname *a, int i, const px_pname *b, int j)
{
    const char *x = a->folded + a->start[i], *y = b->folded + b->start[j];
    size_t n = a->len[i], m = b->len[j];
    if (a->initial[i] || b->initial[j]) return x[0] == y[0] ? 2 : 0;
    size_t shorter = n < m ? n : m, longer = n < m ? m : n;
    if (n == m && !memcmp(x, y, n)) return 2;
    if (shorter >= 3 && longer >= shorter + 2 && !memcmp(x, y, shorter)) return 2; /* Chris, Christopher */
    if (nickname(x, n, y, m)) return 2;
    return px_name_word_variant(x, n, y, m);
}

static int real_given(const px_pname *p)
{
    int k = 0;
    for (int i = 0; i + 1 < p->words; i++) k += !p->initial[i];
    return k;
}

/* Each given name of a (initials too, when a has nothing else) against b's. */
static int given_within(const px_pname *a, const px_pname *b)
{
    int only_initials = real_given(a) == 0, level = 2;
    for (int i = 0; i + 1 < a->words; i++) {
        if (a->initial[i] && !only_initials) continue;
        int best = 0, b_real = real_given(b) > 0;
        for (int j = 0; j + 1 < b->words && best < 2; j++) {
            if (!a->initial[i] && b->initial[j] && b_real) continue; /* a name against b's names */
            int v = given_word(a, i, b, j);
            if (v > best) best = v;
        }
        if (best < level) level = best;
        if (only_initials) break; /* "J. Smith": the first initial decides */
    }
    return level;
}

int px_pname_given(const px_pname *a, const px_pname *b)
{
    if (a->words < 2 || b->words < 2) return 3;
    int ga = real_given(a), gb = real_given(b);
    if (ga < gb) return given_within(a, b);
    if (gb < ga) return given_within(b, a);
    int x = given_within(a, b), y = given_within(b, a);
    return x > y ? x : y;
}

/* 1 when the surname of a is the word before b's surname, b naming three
 * words or more: two surnames, "Luis Nava" of "Luis Nava Trujillo". */
static int first_of_two_surnames(const px_pname *a, const px_pname *b)
{
    size_t n;
    const char *x = px_pname_last(a, &n);
    int k = b->words - 2;
    return a->words >= 2 && b->words >= 3 && !b->initial[k] && b->len[k] == n &&
           !memcmp(b->folded + b->start[k], x, n);
}

int px_pname_surname(const px_pname *a, const px_pname *b)
{
    size_t n, m;
    const char *x = px_pname_last(a, &n), *y = px_pname_last(b, &m);
    if (!n || !m) return 0;
    if (n == m && !memcmp(x, y, n)) return 2;
    if (first_of_two_surnames(a, b) || first_of_two_surnames(b, a)) return 2;
    /* one part of a hyphenated surname */
    const char *lx = x, *ly = y;
    size_t ln = n, lm = m;
    if (ln > lm) lx = y, ly = x, ln = m, lm = n; /* lx the shorter */
    for (const char *p = ly; p < ly + lm;) {
        size_t k = 0;
        while (p + k < ly + lm && p[k] != '-') k++;
        if (k < lm && ((k == ln && !memcmp(p, lx, k)) || px_name_word_variant(p, k, lx, ln))) return 1;
        p += k + 1;
    }
    return px_name_word_variant(x, n, y, m) ? 1 : 0;
}

static int capped(int d)
{
    return d < 3 ? d : 3;
}

int px_pname_spelling_distance(const px_pname *a, const px_pname *b)
{
    if (!a->words || !b->words) return 6;
    int ga = a->words - 1, gb = b->words - 1; /* surnames; first given names at 0 */
    int d = capped(distance(a->folded + a->start[ga], a->len[ga], b->folded + b->start[gb], b->len[gb]));
    if (ga && gb) d += capped(distance(a->folded, a->len[0], b->folded, b->len[0]));
    return d;
}
