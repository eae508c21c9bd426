/*
 * html_titlepick.c — the article's title: one choice among the rules'
 * candidates, by weights fitted on labelled pages.
 *
 * The rules (html_title.c) each offer the title they read, once: the
 * headline a reader sees (an <h1> or <h2>, found by four rules) and the
 * metadata titles (og:title, twitter:title, the JSON-LD headline and
 * <title>, the site's name cut off).  The
 * resolver describes
 * every candidate by the rule that offered it (one weight per rule),
 * and scores it by that weight; candidates that give the same title (case
 * aside) add their probabilities, as the date's candidates of one day do
 * (html_datepick.c), so titles that several rules agree on gain.  The
 * title that weighs most wins (the first rule's spelling of it).  A page
 * always gets a title when any rule offers one.
 *
 * Measured and left out (out of fold no higher, 0.899 with the rules
 * alone): how many other rules agree, beyond the sum; the share of its
 * words the other side (headings, metadata) holds; that it names the site;
 * one word; a part of another candidate, or holding one; a separator left
 * in it.  Candidates tried and dropped (no gain out of fold): the first
 * metadata title cut at its first " | ", the headline with its kicker,
 * the first <h1> and the first <h2> when not the headline.  Of the 567
 * pages, 530 offer the gold title at all with those (0.935), 519 without;
 * the misses left are rewrites the page does not show, typos and quote
 * marks of the gold.  The weights come from bench/extraction/fit_date.py
 * (--field title), written to html_title_weights.h; nothing here is set
 * by hand.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/extract.h"
#include "extract/html.h"
#include "extract/html_title_weights.h"

enum { F_COUNT = TR_COUNT };

static const char *const feature_names[F_COUNT] = {
    "h1", "sole_h1", "h2", "boiler_h1", "og", "twitter", "ld", "title"};

_Static_assert(sizeof title_weights / sizeof *title_weights == F_COUNT,
               "html_title_weights.h was fitted for another feature list");

void px_html_offer_title(html_page *pg, const char *s, size_t n, html_title_rule r)
{
    assert(r < TR_COUNT);
    if (!s || !n) return;
    for (size_t i = 0; i < pg->titles.len; i++)
        if (pg->titles.items[i].rule == r) return;
    html_title_cand c = {.at = pg->title_text.len, .rule = (unsigned char)r};
    px_html_squeeze(s, n, &pg->title_text);
    c.len = pg->title_text.len - c.at;
    px_buf_putc(&pg->title_text, '\0');
    if (c.len) px_vec_push(&pg->titles, c);
}

static const char *text_of(const html_page *pg, size_t k)
{
    return pg->title_text.data + pg->titles.items[k].at;
}

static void features(const html_page *pg, size_t k, double *x)
{
    memset(x, 0, F_COUNT * sizeof *x);
    x[pg->titles.items[k].rule] = 1;
}

static void trace_value(FILE *f, size_t k, const void *ud)
{
    const html_page *pg = ud;
    fputs("\"rule\": ", f);
    px_html_trace_string(f, feature_names[pg->titles.items[k].rule]);
    fputs(", \"value\": ", f);
    px_html_trace_string(f, text_of(pg, k));
}

static void trace_page(html_page *pg, const double *xs, FILE *f)
{
    static int header_done;
    html_trace t = {"title_features", "titles", feature_names, F_COUNT, &header_done};
    px_html_trace_page(f, &t, pg, pg->titles.len, xs, trace_value, pg);
}

void px_html_resolve_title(html_page *pg)
{
    size_t n = pg->titles.len;
    FILE *trace = px_html_trace();
    if (pg->a->title || (!n && !trace)) return;
    double *xs = px_xcalloc(n ? n * F_COUNT : 1, sizeof *xs);
    double *e = px_xcalloc(n ? n : 1, sizeof *e), best_p = 0;
    size_t best = n;
    for (size_t k = 0; k < n; k++) {
        features(pg, k, xs + k * F_COUNT);
        double z = 0;
        for (int i = 0; i < F_COUNT; i++) z += title_weights[i] * xs[k * F_COUNT + i];
        e[k] = exp(z); /* weights are small: no overflow */
    }
    for (size_t k = 0; k < n; k++) { /* a title's weight: its candidates' */
        double p = 0;
        for (size_t i = 0; i < n; i++)
            if (!strcasecmp(text_of(pg, i), text_of(pg, k))) p += e[i];
        if (best == n || p > best_p) best_p = p, best = k;
    }
    if (trace) trace_page(pg, xs, trace);
    if (best < n) px_html_set_field(pg, &pg->a->title, text_of(pg, best), pg->titles.items[best].len);
    free(e);
    free(xs);
}
