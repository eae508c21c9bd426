/*
 * html_authorpick.c — the article's authors: one choice among the rules'
 * candidates, by weights fitted on labelled pages.
 *
 * The rules (html_author.c, html_blocks.c) each offer the names they read,
 * once; names from metadata keep only those the page shows (the named
 * step keep_shown(): templates fill those fields site-wide with the site's
 * owner or the account that posted the page).  Once the body is read, the
 * resolver describes every candidate by general features:
 *
 *   rule       which rule offered it (one weight per rule)
 *   long       a name of more than four words (a sentence, a title)
 *   odd        a name with a digit or '@', or no capital (a handle)
 *   one_word   a name of one word (a first name, a handle, an acronym:
 *              out of fold 0.762 -> 0.767)
 *
 * (Measured and left out, no gain out of fold: some names dropped as not
 * shown; another rule giving the same names, or some of them; one name,
 * three or more; a name that is the outlet's, which author.c drops
 * already; and the unshown names of metadata kept as candidates of their
 * own, -0.008.) *
 * and scores it, as html_datepick.c does the dates: the sum of its
 * weighted features against a fitted score for "no author"; the highest
 * wins.  The weights come from
 * bench/extraction/fit_date.py (--field author), written to
 * html_author_weights.h; nothing here is set by hand.  Fields given with
 * the input are kept: a page's names fill only an article with none.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/extract.h"
#include "extract/html.h"
#include "extract/html_author_weights.h"

#define MIN_SHOWN 500 /* bytes of text a page must show before a name it does not
                         show is doubted: less is a page a script fills in */
#define LONG_NAME 4   /* words: a longer name is a sentence or a title */

enum {
    F_LONG = AR_COUNT, F_ODD, F_ONE_WORD, F_COUNT
};

static const char *const feature_names[F_COUNT] = {
    "ld", "element", "meta", "article_author", "creator", "near", "body_line", "kept",
    "line", "long", "odd", "one_word"};

_Static_assert(sizeof author_weights / sizeof *author_weights == F_COUNT,
               "html_author_weights.h was fitted for another feature list");

/* s[0..n) lower-cased (ASCII and the capitals of Latin-1: "Í" is "í")
 * and squeezed, into out. */
static void fold(const char *s, size_t n, px_buf *out)
{
    px_buf_reset(out);
    px_html_squeeze(s, n, out);
    for (size_t i = 0; i < out->len; i++) {
        unsigned char c = (unsigned char)out->data[i];
        if (c >= 'A' && c <= 'Z') out->data[i] = (char)(c + 32);
        else if (i && (unsigned char)out->data[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E &&
                 c != 0x97)
            out->data[i] = (char)(c + 0x20);
    }
}

/* Keeps the names of a->authors that the page's text shows (folded, kept
 * with the page); returns how many it left out. */
static size_t keep_shown(html_page *pg)
{
    px_article *a = pg->a;
    px_buf *visible = &pg->visible_folded;
    if (!visible->len) {
        size_t n;
        const char *text = px_html_page_text(pg, &n);
        fold(text, n, visible);
        if (!visible->len) px_buf_putc(visible, ' ');
    }
    if (visible->len < MIN_SHOWN) return 0;
    px_buf name = {0};
    size_t k = 0;
    for (size_t i = 0; i < a->authors.len; i++) {
        fold(a->authors.items[i], strlen(a->authors.items[i]), &name);
        if (name.len && strstr(px_buf_str(visible), px_buf_str(&name)))
            a->authors.items[k++] = a->authors.items[i];
    }
    size_t dropped = a->authors.len - k;
    a->authors.len = k;
    px_buf_free(&name);
    return dropped;
}

int px_html_has_authors(const html_page *pg, html_author_rule r)
{
    for (size_t i = 0; i < pg->authors.len; i++)
        if (pg->authors.items[i].rule == r) return 1;
    return 0;
}

int px_html_offer_authors(html_page *pg, const char *s, size_t n, html_author_rule r, int shown)
{
    assert(r < AR_COUNT);
    px_article *a = pg->a;
    if (!s || !n || px_html_has_authors(pg, r)) return 0;
    const char **saved = a->authors.items; /* the names read into a scratch list */
    size_t saved_len = a->authors.len, saved_cap = a->authors.cap;
    a->authors.items = NULL, a->authors.len = a->authors.cap = 0;
    px_author_names(a, s, n);
    html_author_cand c = {.first = pg->author_names.len, .rule = (unsigned char)r};
    size_t given = a->authors.len;
    if (shown && given) c.dropped = keep_shown(pg);
    for (size_t i = 0; i < a->authors.len; i++) px_vec_push(&pg->author_names, a->authors.items[i]);
    c.len = a->authors.len;
    px_vec_free(&a->authors);
    a->authors.items = saved, a->authors.len = saved_len, a->authors.cap = saved_cap;
    if (!c.len) return 0;
    px_vec_push(&pg->authors, c);
    return 1;
}

static const char *name_of(const html_page *pg, const html_author_cand *c, size_t i)
{
    return pg->author_names.items[c->first + i];
}

static size_t words(const char *s)
{
    size_t n = 0;
    for (int in = 0; *s; s++) {
        if (*s == ' ') in = 0;
        else if (!in) in = 1, n++;
    }
    return n;
}

static int odd_name(const char *s)
{
    int capital = 0;
    for (; *s; s++) {
        if ((*s >= '0' && *s <= '9') || *s == '@') return 1;
        capital |= (*s >= 'A' && *s <= 'Z') || (unsigned char)*s >= 0xC3;
    }
    return !capital;
}

static void features(const html_page *pg, size_t k, double *x)
{
    const html_author_cand *c = &pg->authors.items[k];
    memset(x, 0, F_COUNT * sizeof *x);
    x[c->rule] = 1;
    for (size_t i = 0; i < c->len; i++) {
        const char *s = name_of(pg, c, i);
        if (words(s) > LONG_NAME) x[F_LONG] = 1;
        if (odd_name(s)) x[F_ODD] = 1;
        if (words(s) == 1) x[F_ONE_WORD] = 1;
    }
}

static void trace_value(FILE *f, size_t k, const void *ud)
{
    const html_page *pg = ud;
    const html_author_cand *c = &pg->authors.items[k];
    fputs("\"rule\": ", f);
    px_html_trace_string(f, feature_names[c->rule]);
    fputs(", \"names\": [", f);
    for (size_t i = 0; i < c->len; i++) {
        if (i) fputs(", ", f);
        px_html_trace_string(f, name_of(pg, c, i));
    }
    fputs("]", f);
}

static void trace_page(html_page *pg, const double *xs, FILE *f)
{
    static int header_done;
    html_trace t = {"author_features", "authors", feature_names, F_COUNT, &header_done};
    px_html_trace_page(f, &t, pg, pg->authors.len, xs, trace_value, pg);
}

void px_html_resolve_authors(html_page *pg)
{
    px_article *a = pg->a;
    size_t n = pg->authors.len;
    FILE *trace = px_html_trace();
    if (a->authors.len || (!n && !trace)) return;
    double *xs = px_xcalloc(n ? n * F_COUNT : 1, sizeof *xs), best_s = 0;
    size_t best = n;
    for (size_t k = 0; k < n; k++) {
        features(pg, k, xs + k * F_COUNT);
        double s = 0;
        for (int i = 0; i < F_COUNT; i++) s += author_weights[i] * xs[k * F_COUNT + i];
        if (best == n || s > best_s) best_s = s, best = k;
    }
    if (trace) trace_page(pg, xs, trace);
    free(xs);
    if (best == n || best_s < author_none) return;
    const html_author_cand *c = &pg->authors.items[best];
    for (size_t i = 0; i < c->len; i++) px_vec_push(&a->authors, name_of(pg, c, i));
    if (a->byline) return;
    px_buf joined = {0};
    for (size_t i = 0; i < a->authors.len; i++) {
        if (i) px_buf_puts(&joined, ", ");
        px_buf_puts(&joined, a->authors.items[i]);
    }
    px_html_set_field(pg, &a->byline, joined.data, joined.len);
    px_buf_free(&joined);
}
