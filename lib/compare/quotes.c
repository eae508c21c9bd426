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
 * with a word diff ("-removed +added").  A group whose articles name
 * different speakers is a quote-speaker conflict; an altered use is a
 * quote-wording conflict, unless the diff only touches small words or
 * abbreviations ("Sen." for "Senator").  Speaker conflicts are between
 * articles, about persons: two outlets crediting the quote to two different
 * people, neither of them also crediting the other.
 *
 * Cost: quotes are not compared all pairs.  Candidates share a word
 * 3-gram or their whole normalised text (an index of each); a 3-gram or
 * text that more than MAX_BUCKET quotes share only pairs each quote with
 * the next, which still joins them when they are one quotation.
 */
#include <string.h>
#include <strings.h>

#include "compare/compare.h"

#define SAME 0.6
#define MAX_DIFF_WORDS 400 /* longer quotes are called altered without a diff */
#define MAX_BUCKET 64      /* see join_buckets */

typedef struct quote_ref {
    size_t article, quote;
    px_keys shingles;
} quote_ref;

/* Lower-case words of s joined by single spaces, into out. */
static void normalise(const char *s, px_buf *out)
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

static int same_quote(const px_comparison *c, const quote_ref *x, const quote_ref *y, px_buf *bx,
                      px_buf *by)
{
    if (x->shingles.len && y->shingles.len) {
        size_t smaller = x->shingles.len < y->shingles.len ? x->shingles.len : y->shingles.len;
        return (double)px_keys_shared(&x->shingles, &y->shingles) >= SAME * (double)smaller;
    }
    normalise(c->analyses[x->article]->quotes.items[x->quote].text, bx);
    normalise(c->analyses[y->article]->quotes.items[y->quote].text, by);
    return bx->len > 0 && strcmp(px_buf_str(bx), px_buf_str(by)) == 0;
}

/* ---- word diff ------------------------------------------------------------ */

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

/* 1 when some word of list (space-separated) starts with w[0..n); with a
 * sign, when a word of that sign in a diff list is a prefix of w. */
static int abbreviates(const char *w, size_t n, const char *list, char sign)
{
    for (const char *v = list; *v;) {
        if (sign && *v++ != sign) { /* a diff: only words of the given sign */
            v += strcspn(v, " ");
            v += *v == ' ';
            continue;
        }
        size_t m = strcspn(v, " ");
        if (sign ? (m <= n && m >= 2 && strncmp(v, w, m) == 0) : (m > n && strncmp(v, w, n) == 0))
            return 1;
        v += m + (v[m] == ' ');
    }
    return 0;
}

/* 1 when a diff ("-x +y ...") against the fullest text changes only small
 * words, or puts an abbreviation for a word ("sen" for "senator"). */
static int trivial_diff(const char *diff, const char *full)
{
    for (const char *p = diff; *p;) {
        char sign = *p++;
        size_t n = strcspn(p, " ");
        int ok = small_word(p, n) || (sign == '+' && n >= 2 && abbreviates(p, n, full, 0)) ||
                 (sign == '-' && abbreviates(p, n, diff, '+'));
        if (!ok) return 0;
        p += n + (p[n] == ' ');
    }
    return 1;
}

/* ---- groups ------------------------------------------------------------------ */

static const char *speaker_of(const px_comparison *c, const px_quote_use *u)
{
    const px_quote *q = &c->analyses[u->article]->quotes.items[u->quote];
    return q->speaker >= 0 ? c->analyses[u->article]->entities.items[q->speaker].pub.name : NULL;
}

/* 1 when the article itself names a person as the speaker of this use.  A
 * speaker carried over from an earlier paragraph (px_quote.inferred) is
 * the analysis' reading, not the outlet's claim, so it cannot conflict. */
static int names_person(const px_comparison *c, const px_quote_use *u)
{
    const px_quote *q = &c->analyses[u->article]->quotes.items[u->quote];
    return q->speaker >= 0 && !q->inferred &&
           c->analyses[u->article]->entities.items[q->speaker].pub.type == PX_ENTITY_PERSON;
}

static int same_surname(const char *s, const char *t)
{
    const char *ls = strrchr(s, ' '), *lt = strrchr(t, ' ');
    return strcasecmp(ls ? ls + 1 : s, lt ? lt + 1 : t) == 0;
}

/* 1 when article a credits the quote (any of its uses) to someone named t. */
static int article_credits(const px_comparison *c, const px_story_quote *g, size_t a, const char *t)
{
    for (size_t i = 0; i < g->uses.len; i++) {
        const char *s = g->uses.items[i].article == a ? speaker_of(c, &g->uses.items[i]) : NULL;
        if (s && same_surname(s, t)) return 1;
    }
    return 0;
}

static uint64_t surname_key(const char *name)
{
    const char *sp = strrchr(name, ' ');
    const char *last = sp ? sp + 1 : name;
    return px_fold_hash(last, strlen(last));
}

/* The speaker named most often among the uses (by surname; on ties the
 * one named by the earliest article in the fixed order of claim.c, not
 * by the first given), or NULL.  Surnames are
 * counted in a map, not pairwise. */
static const char *group_speaker(const px_comparison *c, const px_story_quote *g)
{
    const char *best = NULL;
    size_t best_n = 0, best_rank = SIZE_MAX;
    px_map count = {0};
    for (size_t i = 0; i < g->uses.len; i++) {
        const char *s = speaker_of(c, &g->uses.items[i]);
        if (!s) continue;
        uint64_t k = surname_key(s);
        size_t n = (size_t)(uintptr_t)px_map_get(&count, (const char *)&k, sizeof k);
        px_map_put(&count, (const char *)&k, sizeof k, (void *)(uintptr_t)(n + 1));
    }
    for (size_t i = 0; i < g->uses.len; i++) {
        const char *s = speaker_of(c, &g->uses.items[i]);
        if (!s) continue;
        uint64_t k = surname_key(s);
        size_t n = (size_t)(uintptr_t)px_map_get(&count, (const char *)&k, sizeof k);
        size_t rank = c->article_rank[g->uses.items[i].article];
        if (n > best_n || (n == best_n && rank < best_rank)) best = s, best_n = n, best_rank = rank;
    }
    px_map_free(&count);
    return best;
}

/* A speaker conflict: two articles credit the quote to two different
 * persons, and neither also credits the other's. */
static int speakers_conflict(const px_comparison *c, const px_story_quote *g)
{
    size_t first = SIZE_MAX; /* one surname among all the persons named: no conflict, */
    int two = 0;             /* found without comparing pairs */
    for (size_t i = 0; i < g->uses.len && !two; i++) {
        if (!names_person(c, &g->uses.items[i])) continue;
        if (first == SIZE_MAX) first = i;
        else two = !same_surname(speaker_of(c, &g->uses.items[first]), speaker_of(c, &g->uses.items[i]));
    }
    if (!two) return 0;
    for (size_t i = 0; i < g->uses.len; i++)
        for (size_t j = 0; j < g->uses.len; j++) {
            const px_quote_use *u = &g->uses.items[i], *w = &g->uses.items[j];
            if (u->article >= w->article || !names_person(c, u) || !names_person(c, w)) continue;
            const char *s = speaker_of(c, u), *t = speaker_of(c, w);
            if (!same_surname(s, t) && !article_credits(c, g, u->article, t) &&
                !article_credits(c, g, w->article, s))
                return 1;
        }
    return 0;
}

static void classify_uses(px_comparison *c, px_story_quote *g)
{
    px_buf full = {0}, mine = {0};
    normalise(g->text, &full);
    for (size_t i = 0; i < g->uses.len; i++) {
        px_quote_use *u = &g->uses.items[i];
        normalise(c->analyses[u->article]->quotes.items[u->quote].text, &mine);
        if (strcmp(px_buf_str(&mine), px_buf_str(&full)) == 0) u->variant = PX_VARIANT_VERBATIM;
        else if (mine.len && strstr(px_buf_str(&full), px_buf_str(&mine))) u->variant = PX_VARIANT_PARTIAL;
        else if (!(u->diff = word_diff(c, px_buf_str(&full), px_buf_str(&mine)))) u->variant = PX_VARIANT_PARTIAL;
        else {
            u->variant = PX_VARIANT_ALTERED;
            u->trivial = trivial_diff(u->diff, px_buf_str(&full));
        }
    }
    px_buf_free(&full);
    px_buf_free(&mine);
}

static void quote_conflicts(px_comparison *c, const px_story_quote *g, int speaker_conflict)
{
    char subject[64];
    snprintf(subject, sizeof subject, "%.60s", g->text);
    const char *subj = px_arena_strdup(&c->arena, subject);
    if (speaker_conflict) {
        px_conflict k = {.kind = PX_CONFLICT_QUOTE_SPEAKER, .slot = PX_SLOT_QUOTE_SPEAKER, .subject = subj};
        for (size_t i = 0; i < g->uses.len; i++) {
            const px_quote_use *u = &g->uses.items[i];
            const char *s = speaker_of(c, u);
            px_value v = {u->article, c->analyses[u->article]->quotes.items[u->quote].sentence,
                          s ? s : "(no speaker)", NULL, "quote-speaker",
                          c->analyses[u->article]->quotes.items[u->quote].inferred};
            px_vec_push(&k.values, v);
        }
        px_vec_push(&c->conflicts, k);
    }
    for (size_t i = 0; i < g->uses.len; i++) {
        const px_quote_use *u = &g->uses.items[i];
        if (u->variant != PX_VARIANT_ALTERED || u->trivial) continue;
        px_conflict k = {.kind = PX_CONFLICT_QUOTE_WORDING, .slot = PX_SLOT_QUOTE_WORDING, .subject = subj};
        for (size_t j = 0; j < g->uses.len; j++) {
            const px_quote_use *w = &g->uses.items[j];
            px_value v = {w->article, c->analyses[w->article]->quotes.items[w->quote].sentence,
                          c->analyses[w->article]->quotes.items[w->quote].text, NULL, "quote-group", 0};
            px_vec_push(&k.values, v);
        }
        px_vec_push(&c->conflicts, k);
        break; /* one wording conflict per quotation */
    }
}

/* 1 when use u is (a part of) the quotation whose fullest text is full. */
static int belongs(const px_comparison *c, const px_quote_use *u, const char *full, px_buf *a, px_buf *b)
{
    const char *text = c->analyses[u->article]->quotes.items[u->quote].text;
    if (text == full) return 1;
    normalise(full, a);
    normalise(text, b);
    if (b->len && strstr(px_buf_str(a), px_buf_str(b))) return 1;
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

/* Union-find can chain two quotations through a third that overlaps both;
 * uses that are not the group's fullest quotation become groups of their
 * own. */
static void split_strays(px_comparison *c, size_t k)
{
    px_buf a = {0}, b = {0};
    for (size_t i = 0; i < c->quotes.items[k].uses.len;) {
        px_story_quote *g = &c->quotes.items[k];
        px_quote_use u = g->uses.items[i];
        if (belongs(c, &u, g->text, &a, &b)) {
            i++;
            continue;
        }
        g->uses.items[i] = g->uses.items[--g->uses.len];
        px_story_quote own = {.text = c->analyses[u.article]->quotes.items[u.quote].text};
        px_vec_push(&own.uses, u);
        px_vec_push(&c->quotes, own); /* may move the groups: g is not used after */
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
    size_t groups = c->quotes.len;
    for (size_t k = 0; k < groups; k++) split_strays(c, k);
    for (size_t k = 0; k < c->quotes.len; k++) {
        px_story_quote *g = &c->quotes.items[k];
        g->speaker = group_speaker(c, g);
        classify_uses(c, g);
        quote_conflicts(c, g, speakers_conflict(c, g));
    }
}

/* ---- candidates ------------------------------------------------------------ */

typedef struct posting {
    uint64_t key;
    size_t ref;
} posting;

static int cmp_posting(const void *x, const void *y)
{
    const posting *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->ref < b->ref ? -1 : a->ref > b->ref;
}

/* Joins the quotes that share a posting's key and are the same quotation:
 * all pairs of a bucket, or in a bucket of more than MAX_BUCKET quotes
 * (a line every outlet carries), each with the next, which joins them
 * just the same when they are one quotation. */
static void join_buckets(const px_comparison *c, quote_ref *refs, posting *v, size_t len,
                         size_t *parent, px_buf *bx, px_buf *by)
{
    if (len) qsort(v, len, sizeof *v, cmp_posting);
    for (size_t lo = 0; lo < len;) {
        size_t hi = lo;
        while (hi < len && v[hi].key == v[lo].key) hi++;
        for (size_t x = lo; x < hi; x++)
            for (size_t y = x + 1; y < hi && (hi - lo <= MAX_BUCKET || y == x + 1); y++) {
                quote_ref *i = &refs[v[x].ref], *j = &refs[v[y].ref];
                if (i->article != j->article && root(parent, v[x].ref) != root(parent, v[y].ref) &&
                    same_quote(c, i, j, bx, by))
                    parent[root(parent, v[x].ref)] = root(parent, v[y].ref);
            }
        lo = hi;
    }
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
    px_buf bx = {0}, by = {0};
    /* Candidates, not all pairs: quotes sharing a word 3-gram, and quotes
     * whose normalised words are equal (short ones have no 3-grams). */
    PX_VEC(posting) grams = {0}, texts = {0};
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < refs.items[i].shingles.len; k++) {
            posting p = {refs.items[i].shingles.items[k], i};
            px_vec_push(&grams, p);
        }
        normalise(c->analyses[refs.items[i].article]->quotes.items[refs.items[i].quote].text, &bx);
        if (!bx.len) continue;
        posting p = {px_hash(px_buf_str(&bx), bx.len), i};
        px_vec_push(&texts, p);
    }
    join_buckets(c, refs.items, grams.items, grams.len, parent, &bx, &by);
    join_buckets(c, refs.items, texts.items, texts.len, parent, &bx, &by);
    px_vec_free(&grams);
    px_vec_free(&texts);
    build_groups(c, refs.items, n, parent);
    for (size_t i = 0; i < n; i++) px_vec_free(&refs.items[i].shingles);
    px_vec_free(&refs);
    px_buf_free(&bx);
    px_buf_free(&by);
    free(parent);
}
