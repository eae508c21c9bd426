/*
 * quotes.c — each quotation of the story once, with every article that
 * carries it and how.
 *
 * Two quotes are the same quotation when most of the shorter one's word
 * 3-grams occur in the other (containment >= SAME), or, for quotes too
 * short to have 3-grams, when their words are equal.  Groups are formed
 * with union-find, so a partial quote joins the full one it was cut from.
 *
 * Each use is compared with the fullest version of its group on normalised
 * words (case, punctuation and quote marks ignored): the same words are
 * verbatim, a contiguous run of them is partial, anything else is altered,
 * with a word diff ("-removed +added").  An altered use is a quote-wording
 * conflict unless the diff only touches small words, abbreviations ("Sen."
 * for "Senator"; an inflected word, "run" for "running", is no
 * abbreviation), digits for a number word, words the reporter put in
 * parentheses or brackets, one name for another spelling of it (every word
 * changed is capitalised: "Qaddafi", "Gadhafi"), or, when an ellipsis
 * marks a cut, only leaves words out (or only adds them); nor when its
 * article also prints the words it changes in another use of the
 * quotation (changes_words).
 *
 * Speakers are story entities (entities.c), persons or untyped ones with
 * a person's full name ("said Ann Lee of Elmtown"): one person spelled two ways by
 * two outlets is one speaker (the spelling is a name conflict, names.c).  A
 * quote-speaker conflict needs two articles each naming a different story
 * person beside the quote (in its sentence or paragraph: px_quote.inferred
 * is 0) of a quote of MIN_NAMED_WORDS words or more, neither also
 * crediting the other's, or naming one story person by
 * two given names ("Carol" and "Claire Dorsey", also a name
 * conflict); speaker values are the names as each article writes them; a speaker carried from context
 * is listed with inferred set and never makes a conflict.  Two independent
 * articles naming one person are a speaker agreement; two carrying the
 * same words a wording agreement.
 *
 * Cost: quotes are not compared all pairs.  Candidates share a word
 * 3-gram or their whole normalised text (an index of each); a 3-gram or
 * text that more than PXQ_MAX_BUCKET quotes share only pairs each quote with
 * the next, which still joins them when they are one quotation.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/person_name.h"
#include "compare/quotes.h"

#define SAME 0.6
#define MAX_DIFF_WORDS 400 /* longer quotes are called altered without a diff */
#define MIN_NAMED_WORDS 4 /* see named_person */
#define SHORT_GRAMS 3      /* a quote of 3-grams at most (5 words) is short: see gapped_keys */

typedef struct quote_ref {
    size_t article, quote;
    px_keys shingles;
    char *words; /* the quote normalised (pxq_normalise()), made once: pairs compare it often */
} quote_ref;

/* Lower-case words of s joined by single spaces, into out. */
void pxq_normalise(const char *s, px_buf *out)
{
    px_buf_reset(out);
    int space = 0;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        int word = ch >= 0x80 || (ch >= '0' && ch <= '9') || ((ch | 32) >= 'a' && (ch | 32) <= 'z');
        if (ch == 0xE2 && (unsigned char)s[1] == 0x80) { /* ‘ ’ “ ” – — … */
            int apostrophe = (unsigned char)s[2] == 0x99; /* ’ inside a word: we’re */
            s += 2;
            if (!apostrophe) space = 1;
            continue;
        }
        if (!word && ch != '\'') {
            space = 1;
            continue;
        }
        if (ch == '\'') continue;
        if (space && out->len) px_buf_putc(out, ' ');
        space = 0;
        px_buf_putc(out, (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
    }
}

static size_t root(size_t *parent, size_t i)
{
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

/* The words of normalised s: starts into w (at most cap), their count. */
size_t pxq_word_starts(const char *s, const char **w, size_t cap)
{
    size_t n = 0;
    for (const char *p = s; *p && n < cap; p += strcspn(p, " "), p += *p == ' ') w[n++] = p;
    return n;
}

int pxq_same_word(const char *x, const char *y)
{
    size_t n = strcspn(x, " "), m = strcspn(y, " ");
    return n == m && !memcmp(x, y, n);
}

/* 1 when normalised a and b, of 4 to 60 words, are one quote with at most
 * one word changed: the shorter against some run of the longer.  A changed
 * word breaks the three 3-grams around it, so a short quote changed in one
 * word can fall below SAME. */
static int one_word_apart(const char *a, const char *b)
{
    const char *wa[61], *wb[61];
    size_t n = pxq_word_starts(a, wa, 61), m = pxq_word_starts(b, wb, 61);
    if (n < m) return one_word_apart(b, a);
    if (m < 4 || n > 60) return 0;
    for (size_t o = 0; o + m <= n; o++) {
        size_t differ = 0;
        for (size_t i = 0; i < m && differ <= 1; i++) differ += !pxq_same_word(wa[o + i], wb[i]);
        if (differ <= 1) return 1;
    }
    return 0;
}

static int same_quote(const quote_ref *x, const quote_ref *y)
{
    if (x->shingles.len && y->shingles.len) {
        size_t smaller = x->shingles.len < y->shingles.len ? x->shingles.len : y->shingles.len;
        size_t shared = px_keys_shared(&x->shingles, &y->shingles);
        if ((double)shared >= SAME * (double)smaller) return 1;
        if (!shared && smaller > SHORT_GRAMS) return 0; /* one changed word leaves a 3-gram */
    }
    return x->words[0] && (strcmp(x->words, y->words) == 0 || one_word_apart(x->words, y->words));
}

/* ---- word diff ------------------------------------------------------------ */

/* The first place at or after s where w[0..n) occurs, ignoring ASCII case,
 * or NULL. */
static const char *strcasestr_n(const char *s, const char *w, size_t n)
{
    if (!n) return NULL;
    for (; *s; s++)
        if (!strncasecmp(s, w, n)) return s;
    return NULL;
}

typedef PX_VEC(px_span) words;

static void split_words(const char *s, words *out)
{
    out->len = 0;
    for (size_t i = 0; s[i];) {
        while (s[i] == ' ') i++;
        size_t start = i;
        while (s[i] && s[i] != ' ') i++;
        if (i > start) {
            px_span w = {start, i};
            px_vec_push(out, w);
        }
    }
}

static int word_eq(const char *a, px_span x, const char *b, px_span y)
{
    return x.end - x.start == y.end - y.start && memcmp(a + x.start, b + y.start, x.end - x.start) == 0;
}

/* "-removed +added" words of b against a (both normalised), by LCS.
 * Words of a before the first shared word and after the last are not
 * "removed": b quotes a part of a there (partial), and that is no
 * alteration.  NULL when nothing else differs, or the quotes are too long
 * to diff. */
static const char *word_diff(px_comparison *c, const char *a, const char *b)
{
    words wa = {0}, wb = {0};
    split_words(a, &wa);
    split_words(b, &wb);
    const char *result = NULL;
    size_t n = wa.len, m = wb.len;
    if (n <= MAX_DIFF_WORDS && m <= MAX_DIFF_WORDS) {
        unsigned short *t = px_xcalloc((n + 1) * (m + 1), sizeof *t);
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                t[i * (m + 1) + j] = word_eq(a, wa.items[i], b, wb.items[j])
                                         ? (unsigned short)(t[(i + 1) * (m + 1) + j + 1] + 1)
                                         : (t[(i + 1) * (m + 1) + j] > t[i * (m + 1) + j + 1]
                                                ? t[(i + 1) * (m + 1) + j]
                                                : t[i * (m + 1) + j + 1]);
        size_t shared = t[0], seen = 0; /* matches so far: before the first / after the last? */
        px_buf d = {0};
        size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && word_eq(a, wa.items[i], b, wb.items[j])) {
                i++, j++, seen++;
            } else if (j < m && (i == n || t[i * (m + 1) + j + 1] >= t[(i + 1) * (m + 1) + j])) {
                px_buf_printf(&d, "%s+%.*s", d.len ? " " : "", (int)(wb.items[j].end - wb.items[j].start), b + wb.items[j].start);
                j++;
            } else {
                if (seen > 0 && seen < shared) /* a word left out inside the quoted part */
                    px_buf_printf(&d, "%s-%.*s", d.len ? " " : "", (int)(wa.items[i].end - wa.items[i].start), a + wa.items[i].start);
                i++;
            }
        }
        if (d.len) result = px_arena_strndup(&c->arena, px_buf_str(&d), d.len);
        px_buf_free(&d);
        free(t);
    }
    px_vec_free(&wa);
    px_vec_free(&wb);
    return result;
}

/* Words a wording conflict should not be raised over: function words, and
 * a word against its abbreviation ("sen" / "senator"). */
static const char *const SMALL[] = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "that",
                                    "is", "it", "its", "be", "s", "t", "we", "i", "you", "so"};

static int small_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof SMALL / sizeof *SMALL; i++)
        if (strlen(SMALL[i]) == n && strncmp(w, SMALL[i], n) == 0) return 1;
    return 0;
}

/* 1 when long word l[0..n) is short word w[0..m) inflected: w and an
 * ending ("run"/"running", "call"/"called", "say"/"says", "kill"/"killer"),
 * the last consonant maybe doubled.  Another word, not an abbreviation. */
static int inflected(const char *w, size_t m, const char *l, size_t n)
{
    static const char *const ENDINGS[] = {"s", "es", "d", "ed", "ing", "er", "ers", "ly", "n", "en"};
    if (m >= n || strncmp(w, l, m) != 0) return 0;
    const char *rest = l + m;
    size_t r = n - m;
    if (r >= 2 && rest[0] == l[m - 1] && !strchr("aeiou", rest[0])) rest++, r--; /* runNing */
    for (size_t i = 0; i < sizeof ENDINGS / sizeof *ENDINGS; i++)
        if (strlen(ENDINGS[i]) == r && !strncmp(rest, ENDINGS[i], r)) return 1;
    return 0;
}

/* 1 when some word of list (space-separated) starts with w[0..n); with a
 * sign, when a word of that sign in a diff list is a prefix of w.  A word
 * that is the other inflected ("running" for "run") abbreviates nothing. */
static int abbreviates(const char *w, size_t n, const char *list, char sign)
{
    for (const char *v = list; *v;) {
        if (sign && *v++ != sign) { /* a diff: only words of the given sign */
            v += strcspn(v, " ");
            v += *v == ' ';
            continue;
        }
        size_t m = strcspn(v, " ");
        if (sign ? (m <= n && m >= 2 && strncmp(v, w, m) == 0 && !inflected(v, m, w, n))
                 : (m > n && strncmp(v, w, n) == 0 && !inflected(w, n, v, m)))
            return 1;
        v += m + (v[m] == ' ');
    }
    return 0;
}

/* The value of a number written in digits or as a word up to twenty, or -1. */
static int number_value(const char *w, size_t n)
{
    static const char *const WORDS[] = {"zero", "one", "two", "three", "four", "five", "six",
                                        "seven", "eight", "nine", "ten", "eleven", "twelve",
                                        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                        "eighteen", "nineteen", "twenty"};
    if (n && n <= 4 && strspn(w, "0123456789") >= n) return atoi(w);
    for (int i = 0; i <= 20; i++)
        if (strlen(WORDS[i]) == n && !strncmp(w, WORDS[i], n)) return i;
    return -1;
}

/* 1 when the diff has a word of the other sign than `sign` with value v. */
static int number_counterpart(const char *diff, char sign, int v)
{
    for (const char *p = diff; *p;) {
        char s = *p++;
        size_t n = strcspn(p, " ");
        if (s != sign && number_value(p, n) == v) return 1;
        p += n + (p[n] == ' ');
    }
    return 0;
}

/* 1 when a diff ("-x +y ...") against the fullest text changes only small
 * words, puts an abbreviation for a word ("sen" for "senator") or digits
 * for a number word ("1" for "one"), or, when an ellipsis marks a cut
 * (elided), only leaves words out or only adds them. */
int pxq_trivial_diff(const char *diff, const char *full, int elided)
{
    int minus = 0, plus = 0, other = 0;
    for (const char *p = diff; *p;) {
        char sign = *p++;
        size_t n = strcspn(p, " ");
        int v = number_value(p, n);
        int ok = small_word(p, n) || (sign == '+' && n >= 2 && abbreviates(p, n, full, 0)) ||
                 (sign == '-' && abbreviates(p, n, diff, '+')) ||
                 (v >= 0 && number_counterpart(diff, sign, v));
        if (!ok) other = 1, minus |= sign == '-', plus |= sign == '+';
        p += n + (p[n] == ' ');
    }
    return !other || (elided && !(minus && plus));
}

/* 1 when word w[0..n) (normalised) stands in raw text s in a token
 * holding a capital: a name, "al-Qaddafi". */
int pxq_capitalised_in(const char *w, size_t n, const char *s)
{
    for (const char *p = s; (p = strcasestr_n(p, w, n)); p++) {
        int starts = p == s || !((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z');
        int ends = !((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z');
        if (!starts || !ends) continue;
        const char *a = p, *b = p + n; /* the token around it */
        while (a > s && a[-1] != ' ') a--;
        while (*b && *b != ' ') b++;
        for (const char *q = a; q < b; q++)
            if (*q >= 'A' && *q <= 'Z') return 1;
    }
    return 0;
}

/* 1 when a diff swaps names only: every word it removes is capitalised in
 * the fullest text, every word it adds in the use's ("Muammar al-Qaddafi",
 * "Moammar Gadhafi"): one name spelled two ways, not other words. */
static int names_only(const char *diff, const char *full, const char *mine)
{
    int minus = 0, plus = 0;
    for (const char *p = diff; *p;) {
        char sign = *p++;
        size_t n = strcspn(p, " ");
        if (!pxq_capitalised_in(p, n, sign == '-' ? full : mine)) return 0;
        minus |= sign == '-', plus |= sign == '+';
        p += n + (p[n] == ' ');
    }
    return minus && plus;
}

/* 1 when s holds an ellipsis: "..." or "…". */
static int ellipsis(const char *s)
{
    return strstr(s, "...") || strstr(s, "\xE2\x80\xA6");
}

/* ---- groups ------------------------------------------------------------------ */

const px_quote *pxq_quote_of(const px_comparison *c, const px_quote_use *u)
{
    return &c->analyses[u->article]->quotes.items[u->quote];
}

/* The story entity credited with use u, or -1. */
static long speaker_entity(const px_comparison *c, const px_quote_use *u)
{
    return px_compare_entity(c, u->article, pxq_quote_of(c, u)->speaker);
}

/* The speaker of use u by its story entity's name, or NULL. */
static const char *speaker_of(const px_comparison *c, const px_quote_use *u)
{
    long e = speaker_entity(c, u);
    if (e >= 0) return c->entities.items[e].name;
    const px_quote *q = pxq_quote_of(c, u);
    return q->speaker >= 0 ? c->analyses[u->article]->entities.items[q->speaker].pub.name : NULL;
}

/* 1 when story entity e is a person: typed one, or untyped ("other")
 * with a full name that reads as a person's ("said Ann Lee of Elmtown"). */
static int person_entity(const px_story_entity *e)
{
    if (e->type == PX_ENTITY_PERSON) return 1;
    if (e->type != PX_ENTITY_OTHER) return 0;
    for (size_t r = 0; r < e->refs.len; r++)
        if (e->refs.items[r].pn && e->refs.items[r].pn->words >= 2) return 1;
    return 0;
}

/* 1 when s has at least n words (pxq_normalise's). */
static int has_words(const char *s, size_t n)
{
    px_buf b = {0};
    pxq_normalise(s, &b);
    const char *w[MIN_NAMED_WORDS];
    size_t got = pxq_word_starts(px_buf_str(&b), w, n < MIN_NAMED_WORDS ? n : MIN_NAMED_WORDS);
    px_buf_free(&b);
    return got >= n;
}

/* The story person the article itself names as the speaker of this use
 * (in the quote's sentence or paragraph), or -1.  A speaker carried over
 * from an earlier paragraph (px_quote.inferred) is the analysis' reading,
 * not the outlet's claim, so it cannot conflict.  Rule speaker-min-words:
 * a quote of fewer than MIN_NAMED_WORDS words ("without merit", "with
 * security", a nickname, a sign's words) names no speaker to compare:
 * words that short are said, and repeated, by many ("X agrees with Y that
 * the suit is \"without merit\""), so two outlets crediting them to two
 * persons are not crediting one quotation. */
static long named_person(const px_comparison *c, const px_quote_use *u)
{
    const px_quote *q = pxq_quote_of(c, u);
    long e = q->inferred || !has_words(q->text, MIN_NAMED_WORDS) ? -1 : speaker_entity(c, u);
    return e >= 0 && person_entity(&c->entities.items[e]) ? e : -1;
}

typedef struct credit {
    size_t article;
    long named;    /* named_person(), or -1 */
    long credited; /* speaker_entity(), or -1 */
} credit;

static int cmp_credit(const void *p, const void *q)
{
    const credit *x = p, *y = q;
    if (x->article != y->article) return x->article < y->article ? -1 : 1;
    return (x->credited > y->credited) - (x->credited < y->credited);
}

/* The uses' credits, sorted by article. */
static credit *credits(const px_comparison *c, const px_story_quote *g)
{
    credit *cr = px_xmalloc((g->uses.len ? g->uses.len : 1) * sizeof *cr);
    for (size_t i = 0; i < g->uses.len; i++) {
        const px_quote_use *u = &g->uses.items[i];
        cr[i] = (credit){u->article, named_person(c, u), speaker_entity(c, u)};
    }
    if (g->uses.len > 1) qsort(cr, g->uses.len, sizeof *cr, cmp_credit);
    return cr;
}

/* The speaker credited most often among the uses (a use naming it beside
 * the quote weighs 3, one carried from context 2), ties going to the one
 * credited by the earliest article in claim.c's fixed order, not by the
 * first given; NULL when none.  Story entities are counted in a map, not
 * pairwise. */
static const char *group_speaker(const px_comparison *c, const px_story_quote *g)
{
    const char *best = NULL;
    size_t best_n = 0, best_rank = SIZE_MAX;
    px_map count = {0};
    for (size_t i = 0; i < g->uses.len; i++) {
        long e = speaker_entity(c, &g->uses.items[i]);
        if (e < 0) continue;
        uint64_t k = (uint64_t)e;
        size_t n = (size_t)(uintptr_t)px_map_get(&count, (const char *)&k, sizeof k);
        n += 2 + !pxq_quote_of(c, &g->uses.items[i])->inferred;
        px_map_put(&count, (const char *)&k, sizeof k, (void *)(uintptr_t)n);
    }
    for (size_t i = 0; i < g->uses.len; i++) {
        long e = speaker_entity(c, &g->uses.items[i]);
        if (e < 0) continue;
        uint64_t k = (uint64_t)e;
        size_t n = (size_t)(uintptr_t)px_map_get(&count, (const char *)&k, sizeof k);
        size_t rank = c->article_rank[g->uses.items[i].article];
        if (n > best_n || (n == best_n && rank < best_rank))
            best = c->entities.items[e].name, best_n = n, best_rank = rank;
    }
    px_map_free(&count);
    return best;
}

enum { MAX_SPEAKERS = 32 };

/*
 * A speaker conflict: article a names person s beside the quote and does
 * not also credit t; article b names t and does not credit s (then a != b).
 * One person spelled two ways is one story entity: a name conflict, not
 * this.  Per article a bit set of the persons it names and of those it
 * credits, over the group's named persons (at most MAX_SPEAKERS): linear
 * in the uses.
 */
/* The story's reference for the speaker of use u as its article names it
 * (its own spelling), or NULL. */
static const px_entity_ref *own_ref(const px_comparison *c, const px_quote_use *u)
{
    long e = speaker_entity(c, u);
    if (e < 0) return NULL;
    const px_story_entity *se = &c->entities.items[e];
    size_t speaker = (size_t)pxq_quote_of(c, u)->speaker;
    for (size_t r = 0; r < se->refs.len; r++)
        if (se->refs.items[r].article == u->article && se->refs.items[r].entity == speaker) return &se->refs.items[r];
    return NULL;
}

/* Rule speaker-given-name: two articles naming beside the quote one story
 * person by two different given names ("Carol" and "Claire
 * Dorsey", joined as one person by the surname): each credits someone
 * else, a speaker conflict beside the name conflict.  Spelling variants
 * ("Kristen"/"Kirsten") are the name conflict's alone. */
static int speakers_given_names_differ(const px_comparison *c, const px_story_quote *g)
{
    for (size_t i = 0; i < g->uses.len && i < MAX_SPEAKERS; i++) {
        const px_quote_use *u = &g->uses.items[i];
        long e = named_person(c, u);
        const px_entity_ref *x = e >= 0 ? own_ref(c, u) : NULL;
        if (!x || !x->pn || x->pn->words < 2) continue;
        for (size_t k = i + 1; k < g->uses.len && k < MAX_SPEAKERS; k++) {
            const px_quote_use *v = &g->uses.items[k];
            if (v->article == u->article || named_person(c, v) != e) continue;
            const px_entity_ref *y = own_ref(c, v);
            if (y && y->pn && y->pn->words >= 2 && px_pname_given(x->pn, y->pn) == 0) return 1;
        }
    }
    return 0;
}

static int speakers_conflict(const px_comparison *c, const px_story_quote *g)
{
    credit *cr = credits(c, g);
    long persons[MAX_SPEAKERS];
    size_t np = 0, n = g->uses.len;
    for (size_t i = 0; i < n && np < MAX_SPEAKERS; i++) {
        size_t k = 0;
        while (k < np && persons[k] != cr[i].named) k++;
        if (cr[i].named >= 0 && k == np) persons[np++] = cr[i].named;
    }
    uint32_t without[MAX_SPEAKERS] = {0}; /* s -> the persons some article naming s does not credit */
    for (size_t i = 0; i < n;) {
        uint32_t named = 0, credited = 0;
        size_t k = i;
        for (; k < n && cr[k].article == cr[i].article; k++)
            for (size_t p = 0; p < np; p++) {
                named |= (uint32_t)(cr[k].named == persons[p]) << p;
                credited |= (uint32_t)(cr[k].credited == persons[p]) << p;
            }
        for (size_t p = 0; p < np; p++)
            if (named >> p & 1) without[p] |= ~credited;
        i = k;
    }
    free(cr);
    for (size_t s = 0; s < np; s++)
        for (size_t t = s + 1; t < np; t++)
            if ((without[s] >> t & 1) && (without[t] >> s & 1)) return 1;
    return speakers_given_names_differ(c, g);
}

/* The story person two independent articles or more name beside the
 * quote, when all that name one name the same; else -1. */
static long speakers_agree(const px_comparison *c, const px_story_quote *g)
{
    long who = -1;
    PX_VEC(size_t) articles = {0};
    for (size_t i = 0; i < g->uses.len; i++) {
        long e = named_person(c, &g->uses.items[i]);
        if (e < 0) continue;
        if (who >= 0 && e != who) {
            who = -1;
            articles.len = 0;
            break;
        }
        who = e;
        if (!articles.len || articles.items[articles.len - 1] != g->uses.items[i].article)
            px_vec_push(&articles, g->uses.items[i].article);
    }
    int agree = who >= 0 && px_compare_independent(c, articles.items, articles.len) >= 2;
    px_vec_free(&articles);
    return agree ? who : -1;
}

/* s without the spans in parentheses or brackets: the reporter's words
 * inside a quote ("(Libyan strongman Muammar) al-Qaddafi"). */
static void unbracketed(const char *s, px_buf *out)
{
    px_buf_reset(out);
    int depth = 0;
    for (; *s; s++) {
        if (*s == '(' || *s == '[') depth++;
        else if ((*s == ')' || *s == ']') && depth) depth--;
        else if (!depth) px_buf_putc(out, *s);
    }
}

/* 1 when diff (of raw mine against raw full; normfull: full normalised)
 * changes no words (see trivial_diff, names_only). */
static int trivial_change(const char *full, const char *mine, const char *diff, const char *normfull)
{
    return pxq_trivial_diff(diff, normfull, ellipsis(full) || ellipsis(mine)) || names_only(diff, full, mine);
}

/* 1 when the two texts say the same words once the reporter's bracketed
 * insertions are left out of both. */
static int same_unbracketed(px_comparison *c, const char *full, const char *mine)
{
    if (!strpbrk(full, "([") && !strpbrk(mine, "([")) return 0;
    px_buf a = {0}, b = {0}, na = {0}, nb = {0};
    unbracketed(full, &a);
    unbracketed(mine, &b);
    pxq_normalise(px_buf_str(&a), &na);
    pxq_normalise(px_buf_str(&b), &nb);
    const char *diff = NULL;
    int same = !strcmp(px_buf_str(&na), px_buf_str(&nb)) ||
               (nb.len && strstr(px_buf_str(&na), px_buf_str(&nb))) ||
               !(diff = word_diff(c, px_buf_str(&na), px_buf_str(&nb))) ||
               trivial_change(px_buf_str(&a), px_buf_str(&b), diff, px_buf_str(&na));
    px_buf_free(&a);
    px_buf_free(&b);
    px_buf_free(&na);
    px_buf_free(&nb);
    return same;
}

static void classify_uses(px_comparison *c, px_story_quote *g)
{
    px_buf full = {0}, mine = {0};
    pxq_normalise(g->text, &full);
    for (size_t i = 0; i < g->uses.len; i++) {
        px_quote_use *u = &g->uses.items[i];
        pxq_normalise(c->analyses[u->article]->quotes.items[u->quote].text, &mine);
        if (strcmp(px_buf_str(&mine), px_buf_str(&full)) == 0) u->variant = PX_VARIANT_VERBATIM;
        else if (mine.len && strstr(px_buf_str(&full), px_buf_str(&mine))) u->variant = PX_VARIANT_PARTIAL;
        else if (!(u->diff = word_diff(c, px_buf_str(&full), px_buf_str(&mine)))) u->variant = PX_VARIANT_PARTIAL;
        else {
            u->variant = PX_VARIANT_ALTERED;
            u->trivial = trivial_change(g->text, pxq_quote_of(c, u)->text, u->diff, px_buf_str(&full)) ||
                         same_unbracketed(c, g->text, pxq_quote_of(c, u)->text);
        }
    }
    px_buf_free(&full);
    px_buf_free(&mine);
}

/* The articles carrying the quote, each once. */
static size_t quote_articles(const px_story_quote *g, size_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < g->uses.len; i++) {
        size_t k = 0;
        while (k < n && out[k] != g->uses.items[i].article) k++;
        if (k == n) out[n++] = g->uses.items[i].article;
    }
    return n;
}

/* 1 when k already has a value of this article with this value. */
int pxq_has_value(const px_conflict *k, size_t article, const char *value)
{
    for (size_t i = 0; i < k->values.len; i++)
        if (k->values.items[i].article == article && !strcmp(k->values.items[i].value, value)) return 1;
    return 0;
}

/* k's values in the articles' fixed order (date, id: claim.c), stable. */
void pxq_order_values(const px_comparison *c, px_conflict *k)
{
    for (size_t i = 1; i < k->values.len; i++)
        for (size_t j = i; j > 0 && c->article_rank[k->values.items[j - 1].article] >
                                        c->article_rank[k->values.items[j].article]; j--) {
            px_value t = k->values.items[j];
            k->values.items[j] = k->values.items[j - 1];
            k->values.items[j - 1] = t;
        }
}

static void speaker_values(px_comparison *c, const px_story_quote *g, px_conflict *k)
{
    for (size_t i = 0; i < g->uses.len; i++) {
        const px_quote_use *u = &g->uses.items[i];
        const char *s = speaker_of(c, u);
        const px_entity_ref *own = own_ref(c, u);
        if (own && own->pn && own->pn->words >= 2) s = own->name; /* as this article names the person */
        if (!s || pxq_has_value(k, u->article, s)) continue;
        const px_quote *q = pxq_quote_of(c, u);
        px_value v = {u->article, q->sentence, s, NULL,
                      q->inferred ? "speaker-carried" : "speaker-named", q->inferred};
        px_vec_push(&k->values, v);
    }
}

/* 1 when every word diff removes (at least one) is a word of normalised s. */
static int removed_words_in(const char *diff, const char *s)
{
    int any = 0;
    for (const char *p = diff; *p;) {
        char sign = *p++;
        size_t n = strcspn(p, " ");
        if (sign == '-') {
            int found = 0;
            for (const char *w = s; *w && !found; w += strcspn(w, " "), w += *w == ' ')
                found = strcspn(w, " ") == n && !strncmp(w, p, n);
            if (!found) return 0;
            any = 1;
        }
        p += n + (p[n] == ' ');
    }
    return any;
}

/* 1 when use u's words are its article's own against the group's: altered,
 * not trivially, and, for a fragment in the reporter's sentence (partial),
 * the article prints nowhere else the group's words it changes (another
 * use of it, verbatim, or holding every word u's diff removes).  Rule
 * own-words-elsewhere: an article quoting "... would end Medicare as we
 * know it" in full, and elsewhere a charge that the plan means "ending
 * Medicare as we know it", does not disagree with the other outlets on
 * the wording.  A quoted sentence altered is the outlet's wording even so. */
static int changes_words(const px_comparison *c, const px_story_quote *g, const px_quote_use *u)
{
    if (u->variant != PX_VARIANT_ALTERED || u->trivial) return 0;
    if (!pxq_quote_of(c, u)->partial) return 1;
    px_buf b = {0};
    int own = 1;
    for (size_t i = 0; i < g->uses.len && own; i++) {
        const px_quote_use *v = &g->uses.items[i];
        if (v->article != u->article || (v->variant == PX_VARIANT_ALTERED && !v->trivial)) continue;
        if (v->variant == PX_VARIANT_VERBATIM) own = 0;
        else if (u->diff) {
            pxq_normalise(pxq_quote_of(c, v)->text, &b);
            own = !removed_words_in(u->diff, px_buf_str(&b));
        }
    }
    px_buf_free(&b);
    return own;
}

/*
 * Speaker: a conflict (speakers_conflict), else an agreement when two
 * independent articles or more name one person beside it.  Wording: a
 * conflict when some use changes words (altered, not trivially); else an
 * agreement when two independent articles or more carry it.  A wording
 * value is the fullest text for uses that say the same words (verbatim,
 * partial, trivially altered), the use's own words otherwise, so the
 * groups are the wordings that differ.
 */
static void quote_conflicts(px_comparison *c, const px_story_quote *g, int speaker_conflict)
{
    char subject[64];
    snprintf(subject, sizeof subject, "%.*s", (int)px_utf8_prefix(g->text, 60), g->text);
    const char *subj = px_arena_strdup(&c->arena, subject);
    long agreed = speaker_conflict ? -1 : speakers_agree(c, g);
    if (speaker_conflict || agreed >= 0) {
        px_conflict k = {.kind = PX_CONFLICT_QUOTE_SPEAKER, .slot = PX_SLOT_QUOTE_SPEAKER,
                         .judgment = speaker_conflict ? PX_JUDGE_CONFLICT : PX_JUDGE_AGREEMENT,
                         .subject = subj, .entity = speaker_conflict ? NULL : c->entities.items[agreed].name,
                         .agreement = !speaker_conflict};
        speaker_values(c, g, &k);
        pxq_order_values(c, &k);
        px_vec_push(&c->conflicts, k);
    }
    int altered = 0;
    for (size_t i = 0; i < g->uses.len; i++)
        altered |= changes_words(c, g, &g->uses.items[i]);
    size_t *articles = px_xmalloc(g->uses.len * sizeof *articles);
    size_t na = quote_articles(g, articles);
    int carried = na >= 2 && (altered || px_compare_independent(c, articles, na) >= 2);
    free(articles);
    if (!carried) return;
    px_conflict k = {.kind = PX_CONFLICT_QUOTE_WORDING, .slot = PX_SLOT_QUOTE_WORDING,
                     .judgment = altered ? PX_JUDGE_CONFLICT : PX_JUDGE_AGREEMENT, .subject = subj,
                     .entity = g->speaker, .agreement = !altered};
    for (size_t j = 0; j < g->uses.len; j++) {
        const px_quote_use *w = &g->uses.items[j];
        const px_quote *q = pxq_quote_of(c, w);
        int own = changes_words(c, g, w);
        px_value v = {w->article, q->sentence, own ? q->text : g->text, q->text, "quote-wording", 0};
        if (!pxq_has_value(&k, v.article, v.value)) px_vec_push(&k.values, v);
    }
    pxq_order_values(c, &k);
    px_vec_push(&c->conflicts, k);
}

/* 1 when use u is (a part of) the quotation whose fullest text is full. */
static int belongs(const px_comparison *c, const px_quote_use *u, const char *full, px_buf *a, px_buf *b)
{
    const char *text = c->analyses[u->article]->quotes.items[u->quote].text;
    if (text == full) return 1;
    pxq_normalise(full, a);
    pxq_normalise(text, b);
    if (b->len && (strstr(px_buf_str(a), px_buf_str(b)) || one_word_apart(px_buf_str(a), px_buf_str(b))))
        return 1;
    px_keys x = {0}, y = {0};
    px_quote_shingles(full, &x);
    px_quote_shingles(text, &y);
    px_keys_unique(&x);
    px_keys_unique(&y);
    int same = y.len && (double)px_keys_shared(&x, &y) >= SAME * (double)y.len;
    px_vec_free(&x);
    px_vec_free(&y);
    return same;
}

/* The group's fullest text: the longest use, ties to the earliest article
 * in the fixed order (not the input order). */
static const char *fullest(const px_comparison *c, const px_story_quote *g)
{
    const char *best = NULL;
    size_t best_len = 0, best_rank = SIZE_MAX;
    for (size_t i = 0; i < g->uses.len; i++) {
        const char *text = pxq_quote_of(c, &g->uses.items[i])->text;
        size_t len = strlen(text), rank = c->article_rank[g->uses.items[i].article];
        if (!best || len > best_len || (len == best_len && rank < best_rank))
            best = text, best_len = len, best_rank = rank;
    }
    return best;
}

/* Union-find can chain two quotations through a third that overlaps both
 * ("I have a generational reaction to it, but I'm not in the censorship
 * business" and a longer "But I'm not in the censorship business. I
 * don't like that language" through a short "I'm not in the censorship
 * business"); uses that are not the group's fullest quotation leave it,
 * together, as one group, which build_groups splits again the same way
 * (each split leaves the fullest use behind, so it ends): a stray keeps
 * the other strays of its own quotation. */
static void split_strays(px_comparison *c, size_t k)
{
    px_buf a = {0}, b = {0};
    px_story_quote rest = {0};
    for (size_t i = 0; i < c->quotes.items[k].uses.len;) {
        px_story_quote *g = &c->quotes.items[k];
        px_quote_use u = g->uses.items[i];
        if (belongs(c, &u, g->text, &a, &b)) {
            i++;
            continue;
        }
        g->uses.items[i] = g->uses.items[--g->uses.len];
        px_vec_push(&rest.uses, u);
    }
    if (rest.uses.len) {
        rest.text = fullest(c, &rest);
        px_vec_push(&c->quotes, rest); /* may move the groups */
    }
    px_buf_free(&a);
    px_buf_free(&b);
}

static void build_groups(px_comparison *c, quote_ref *refs, size_t n, size_t *parent)
{
    size_t *group_of = px_xmalloc((n ? n : 1) * sizeof *group_of);
    size_t *text_from = px_xmalloc((n ? n : 1) * sizeof *text_from); /* group -> rank of its text */
    size_t base = c->quotes.len;
    for (size_t i = 0; i < n; i++) group_of[i] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        size_t r = root(parent, i);
        if (group_of[r] == SIZE_MAX) {
            px_story_quote g = {0};
            group_of[r] = c->quotes.len;
            px_vec_push(&c->quotes, g);
        }
        px_story_quote *g = &c->quotes.items[group_of[r]];
        px_quote_use u = {refs[i].article, refs[i].quote, PX_VARIANT_VERBATIM, NULL};
        px_vec_push(&g->uses, u);
        const char *text = c->analyses[u.article]->quotes.items[u.quote].text;
        if (!g->text || strlen(text) > strlen(g->text) ||
            (strlen(text) == strlen(g->text) && c->article_rank[u.article] < text_from[group_of[r] - base])) {
            g->text = text; /* ties: the earlier article in the fixed order, not input order */
            text_from[group_of[r] - base] = c->article_rank[u.article];
        }
    }
    free(group_of);
    free(text_from);
    for (size_t k = 0; k < c->quotes.len; k++) split_strays(c, k); /* and the groups it adds */
    for (size_t k = 0; k < c->quotes.len; k++) {
        px_story_quote *g = &c->quotes.items[k];
        g->speaker = group_speaker(c, g);
        classify_uses(c, g);
        quote_conflicts(c, g, speakers_conflict(c, g));
    }
}

/* ---- candidates ------------------------------------------------------------ */

/* Joins the quotes that share a posting's key and are the same quotation:
 * all pairs of a bucket, or in a bucket of more than PXQ_MAX_BUCKET quotes
 * (a line every outlet carries), each with the next, which joins them
 * just the same when they are one quotation. */
static void join_buckets(quote_ref *refs, px_posting *v, size_t len, size_t *parent)
{
    /* v's refs ascend as pushed (px_compare_quotes), so the stable sort by
     * key gives px_posting_cmp's (key, ref) order, in linear time */
    px_sort_by_key(v, len, sizeof *v);
    for (size_t lo = 0; lo < len;) {
        size_t hi = lo;
        while (hi < len && v[hi].key == v[lo].key) hi++;
        for (size_t x = lo; x < hi; x++)
            for (size_t y = x + 1; y < hi && (hi - lo <= PXQ_MAX_BUCKET || y == x + 1); y++) {
                quote_ref *i = &refs[v[x].ref], *j = &refs[v[y].ref];
                if (i->article != j->article && root(parent, v[x].ref) != root(parent, v[y].ref) &&
                    same_quote(i, j))
                    parent[root(parent, v[x].ref)] = root(parent, v[y].ref);
            }
        lo = hi;
    }
}

/* The gapped 3-grams of normalised words s ("a * c": the first and third
 * word of each three) into out.  A short quote (SHORT_GRAMS 3-grams at
 * most) with one word changed in its middle ("to a reported accidental
 * shooting", "to a greeted ...") shares no 3-gram with the original, but
 * shares the gapped one around the change; a change at an end leaves a
 * 3-gram. */
static void gapped_keys(const char *s, px_keys *out)
{
    const char *w[3] = {0};
    size_t len[3] = {0}, nw = 0;
    char key[96];
    for (const char *p = s; *p; p += strcspn(p, " "), p += *p == ' ') {
        w[0] = w[1], len[0] = len[1], w[1] = w[2], len[1] = len[2];
        w[2] = p, len[2] = strcspn(p, " ");
        if (++nw < 3) continue;
        int n = snprintf(key, sizeof key, "%.*s\x01%.*s", (int)(len[0] > 40 ? 40 : len[0]), w[0],
                         (int)(len[2] > 40 ? 40 : len[2]), w[2]);
        px_vec_push(out, px_hash(key, (size_t)n));
    }
}

/* Postings of the gapped 3-grams (gapped_keys) of the short quotes, and of
 * the others' that some short quote has: a lookup per key, so the index
 * grows with the short quotes only. */
typedef PX_VEC(px_posting) postings;

static void gapped_postings(const quote_ref *refs, size_t n, postings *out)
{
    px_map shorts = {0};
    px_keys k = {0};
    for (int pass = 0; pass < 2; pass++) /* the short quotes' keys, then the postings in ref order */
        for (size_t i = 0; i < n; i++) {
            if ((pass == 0 && refs[i].shingles.len > SHORT_GRAMS) || !refs[i].words[0]) continue;
            k.len = 0;
            gapped_keys(refs[i].words, &k);
            px_keys_unique(&k);
            for (size_t g = 0; g < k.len; g++) {
                if (pass == 0) px_map_put(&shorts, (const char *)&k.items[g], sizeof k.items[g], (void *)1);
                else if (!px_map_get(&shorts, (const char *)&k.items[g], sizeof k.items[g])) continue;
                px_posting p = {k.items[g], i};
                px_vec_push(out, p);
            }
        }
    px_vec_free(&k);
    px_map_free(&shorts);
}

void px_compare_quotes(px_comparison *c)
{
    PX_VEC(quote_ref) refs = {0};
    for (size_t a = 0; a < c->n; a++)
        for (size_t q = 0; q < c->analyses[a]->quotes.len; q++) {
            quote_ref r = {a, q, {0}};
            px_quote_shingles(c->analyses[a]->quotes.items[q].text, &r.shingles);
            px_keys_unique(&r.shingles);
            px_vec_push(&refs, r);
        }
    size_t n = refs.len;
    size_t *parent = px_xmalloc((n ? n : 1) * sizeof *parent);
    for (size_t i = 0; i < n; i++) parent[i] = i;
    px_buf bx = {0};
    /* Candidates, not all pairs: quotes sharing a word 3-gram, and quotes
     * whose normalised words are equal (short ones have no 3-grams). */
    PX_VEC(px_posting) grams = {0}, texts = {0};
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < refs.items[i].shingles.len; k++) {
            px_posting p = {refs.items[i].shingles.items[k], i};
            px_vec_push(&grams, p);
        }
        pxq_normalise(c->analyses[refs.items[i].article]->quotes.items[refs.items[i].quote].text, &bx);
        refs.items[i].words = px_xstrdup(px_buf_str(&bx));
        if (!bx.len) continue;
        px_posting p = {px_hash(px_buf_str(&bx), bx.len), i};
        px_vec_push(&texts, p);
    }
    join_buckets(refs.items, grams.items, grams.len, parent);
    join_buckets(refs.items, texts.items, texts.len, parent);
    px_vec_free(&grams);
    px_vec_free(&texts);
    postings gaps = {0};
    gapped_postings(refs.items, n, &gaps);
    join_buckets(refs.items, gaps.items, gaps.len, parent);
    px_vec_free(&gaps);
    build_groups(c, refs.items, n, parent);
    px_compare_quote_texts(c);
    for (size_t i = 0; i < n; i++) {
        px_vec_free(&refs.items[i].shingles);
        free(refs.items[i].words);
    }
    px_vec_free(&refs);
    px_buf_free(&bx);
    free(parent);
}
