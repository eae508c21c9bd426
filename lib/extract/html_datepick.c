/*
 * html_datepick.c — the publication date: one choice among the rules'
 * candidates, by weights fitted on labelled pages.
 *
 * The rules (html_pubdate.c, and html_blocks.c for the lines of the body)
 * do not decide; each offers the date it reads, once, as a candidate
 * {value, rule}.  Once the body is read, the named adjustments of
 * px_html_adjust_date() run on every candidate (a UTC timestamp to the
 * local day, a metadata date to the update the page shows), and the
 * resolver describes each by a few general features and scores it (a conditional logit):
 *
 *   rule          which rule offered it (one weight per rule)
 *   shown         the page's readable text shows that day
 *   shown_machine shown, for a machine-readable source (JSON-LD, <meta>,
 *                 <time>, microdata, scripts, the URL): metadata a page
 *                 never shows is often a CMS's creation or save day
 *   agree         how many other rules give the same day (at most 3, /3)
 *   agree_machine a machine-readable rule gives it too
 *   alone         the only candidate
 *   has_time      the value carries a time of day
 *   earliest      the earliest day of two or more offered
 *   latest        the latest day of two or more offered
 *   untyped       the page calls itself no article (neither og:type nor a
 *                 JSON-LD object says so): a product, a guide, a listing
 *   many_days     a date read from the visible text on a page that shows
 *                 MANY_DAYS days or more (a list, a thread, an archive)
 *
 * The weights come from bench/extraction/fit_date.py, which fits them on
 * trafilatura's evaluation pages and writes html_date_weights.h (the data
 * it came from is named there); nothing here is set by hand.  A candidate
 * scores the sum of its weighted features, leaving the page undated
 * scores the fitted date_none (the page's dates are all other days), and
 * their softmax gives each a probability (a conditional logit).  The day
 * whose candidates weigh most wins, unless "none" weighs more; its value
 * (with the time, when given) is that of its first candidate in the order
 * the rules offer them (the metadata first), date_source that candidate's
 * source (or "text" when an adjustment took the shown day), and
 * date_confidence the day's probability.
 *
 * For the fit, px_extract_trace() makes the resolver print every page's
 * candidates, adjusted, with their features, as JSON Lines.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/html.h"
#include "extract/html_date_weights.h"

#define MAX_SHOWN 512 /* days read off the page's text for "shown" */
#define MANY_DAYS 8   /* distinct days shown: a page of dated items (a list, a thread) */

enum {
    F_SHOWN = DR_COUNT, F_SHOWN_MACHINE, F_AGREE, F_AGREE_MACHINE, F_ALONE,
    F_HAS_TIME, F_EARLIEST, F_LATEST, F_UNTYPED, F_MANY_DAYS,
    F_COUNT
};

static const char *const rule_names[DR_COUNT] = {
    "ld_article", "meta", "ld_other", "microdata", "time_marked", "time_first",
    "hatom_published", "hatom_updated", "url", "element", "body_line", "near",
    "opening", "headline", "og_title", "labelled", "byline", "self_teaser", "script"};

static const char *const extra_names[F_COUNT - DR_COUNT] = {
    "shown", "shown_machine", "agree", "agree_machine", "alone",
    "has_time", "earliest", "latest", "untyped", "many_days"};

_Static_assert(sizeof date_weights / sizeof *date_weights == F_COUNT,
               "html_date_weights.h was fitted for another feature list");

static const px_date_source rule_source[DR_COUNT] = {
    PX_DATE_JSONLD, PX_DATE_META, PX_DATE_JSONLD, PX_DATE_META, PX_DATE_TIME, PX_DATE_TIME,
    PX_DATE_TIME,   PX_DATE_TIME, PX_DATE_URL,    PX_DATE_TEXT, PX_DATE_TEXT, PX_DATE_TEXT,
    PX_DATE_TEXT,   PX_DATE_TEXT, PX_DATE_TEXT,   PX_DATE_TEXT, PX_DATE_TEXT, PX_DATE_TEXT,
    PX_DATE_SCRIPT};

static FILE *trace;

void px_extract_trace(FILE *f) { trace = f; }

FILE *px_html_trace(void) { return trace; }

void px_html_offer_date(html_page *pg, const char *iso, html_date_rule r)
{
    assert(r < DR_COUNT);
    if (!iso || !*iso) return;
    for (size_t i = 0; i < pg->dates.len; i++)
        if (pg->dates.items[i].rule == r) return;
    html_date_cand c = {.rule = (unsigned char)r};
    snprintf(c.iso, sizeof c.iso, "%s", iso);
    px_vec_push(&pg->dates, c);
}

int px_html_has_date(const html_page *pg) { return pg->a->date || pg->dates.len; }

/* The days the page's text shows ("YYYY-MM-DD" each), at most MAX_SHOWN. */
typedef struct shown_days {
    char (*day)[11];
    size_t len, distinct;
} shown_days;

static void read_shown(html_page *pg, shown_days *sd)
{
    size_t n, at;
    const char *s = px_html_page_text(pg, &n);
    int dmy = !(pg->a->language && !strcmp(pg->a->language, "en"));
    char found[32];
    sd->day = px_xcalloc(MAX_SHOWN, sizeof *sd->day);
    sd->len = 0;
    while (n && sd->len < MAX_SHOWN && px_html_find_date(s, n, dmy, found, &at)) {
        size_t i = 0; /* counted up to MANY_DAYS: all that matters */
        while (sd->distinct < MANY_DAYS && i < sd->len && strncmp(sd->day[i], found, 10)) i++;
        sd->distinct += sd->distinct < MANY_DAYS && i == sd->len;
        memcpy(sd->day[sd->len++], found, 10);
        s += at + 1, n -= at + 1;
    }
}

static int is_shown(const shown_days *sd, const char *iso)
{
    for (size_t i = 0; i < sd->len; i++)
        if (!strncmp(sd->day[i], iso, 10)) return 1;
    return 0;
}

static int machine_readable(int rule)
{
    return rule_source[rule] != PX_DATE_TEXT;
}

/* The features of candidate k into x[F_COUNT]. */
static void features(const html_page *pg, size_t k, const shown_days *sd, double *x)
{
    const html_date_cand *c = &pg->dates.items[k];
    memset(x, 0, F_COUNT * sizeof *x);
    x[c->rule] = 1;
    x[F_SHOWN] = is_shown(sd, c->iso);
    x[F_SHOWN_MACHINE] = x[F_SHOWN] && machine_readable(c->rule);
    int agree = 0, earlier = 0, later = 0;
    for (size_t i = 0; i < pg->dates.len; i++) {
        if (i == k) continue;
        int cmp = strncmp(pg->dates.items[i].iso, c->iso, 10);
        agree += cmp == 0;
        if (cmp == 0 && machine_readable(pg->dates.items[i].rule)) x[F_AGREE_MACHINE] = 1;
        earlier += cmp < 0;
        later += cmp > 0;
    }
    x[F_AGREE] = (agree > 3 ? 3 : agree) / 3.0;
    x[F_ALONE] = pg->dates.len == 1;
    x[F_HAS_TIME] = strlen(c->iso) > 10;
    x[F_EARLIEST] = !earlier && later;
    x[F_LATEST] = earlier && !later;
    x[F_UNTYPED] = !pg->article_typed;
    x[F_MANY_DAYS] = !machine_readable(c->rule) && sd->distinct >= MANY_DAYS;
}

static double score(const double *x)
{
    double z = 0;
    for (int i = 0; i < F_COUNT; i++) z += date_weights[i] * x[i];
    return z;
}

void px_html_trace_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\') fputc('\\', f);
        if ((unsigned char)*s >= 0x20) fputc(*s, f);
    }
    fputc('"', f);
}

void px_html_trace_page(FILE *f, const html_trace *t, const html_page *pg, size_t n,
                        const double *xs, html_trace_value_fn value, const void *ud)
{
    if (!*t->header_done) {
        fprintf(f, "{\"%s\": [", t->header);
        for (int i = 0; i < t->features; i++) {
            if (i) fputs(", ", f);
            px_html_trace_string(f, t->names[i]);
        }
        fputs("]}\n", f);
        *t->header_done = 1;
    }
    fputs("{\"id\": ", f);
    px_html_trace_string(f, pg->a->origin);
    fprintf(f, ", \"%s\": [", t->list);
    for (size_t k = 0; k < n; k++) {
        fputs(k ? ", {" : "{", f);
        value(f, k, ud);
        fputs(", \"x\": [", f);
        for (int i = 0; i < t->features; i++)
            fprintf(f, i ? ", %g" : "%g", xs[k * (size_t)t->features + i]);
        fputs("]}", f);
    }
    fputs("]}\n", f);
}

static const char *feature_names[F_COUNT];

static void trace_value(FILE *f, size_t k, const void *ud)
{
    const html_date_cand *c = &((const html_page *)ud)->dates.items[k];
    fputs("\"rule\": ", f);
    px_html_trace_string(f, rule_names[c->rule]);
    fputs(", \"iso\": ", f);
    px_html_trace_string(f, c->iso);
}

static void trace_page(html_page *pg, const double *xs)
{
    static int header_done;
    if (!feature_names[0])
        for (int i = 0; i < F_COUNT; i++)
            feature_names[i] = i < DR_COUNT ? rule_names[i] : extra_names[i - DR_COUNT];
    html_trace t = {"features", "dates", feature_names, F_COUNT, &header_done};
    px_html_trace_page(trace, &t, pg, pg->dates.len, xs, trace_value, pg);
}

void px_html_resolve_dates(html_page *pg)
{
    size_t n = pg->dates.len;
    if (!n && !trace) return;
    shown_days sd = {0};
    if (n) read_shown(pg, &sd);
    for (size_t k = 0; k < n; k++) { /* the named adjustments first */
        html_date_cand *c = &pg->dates.items[k];
        px_date_source src = rule_source[c->rule];
        px_html_adjust_date(pg, c->iso, &src);
        c->src = (unsigned char)src;
    }
    double *xs = px_xcalloc(n ? n * F_COUNT : 1, sizeof *xs);
    double *e = px_xcalloc(n ? n : 1, sizeof *e), sum = exp(date_none), best_p = 0;
    size_t best = 0;
    for (size_t k = 0; k < n; k++) {
        features(pg, k, &sd, xs + k * F_COUNT);
        e[k] = exp(score(xs + k * F_COUNT)); /* weights are small: no overflow */
        sum += e[k];
    }
    for (size_t k = 0; k < n; k++) { /* a day's weight: its candidates' */
        double day = 0;
        for (size_t i = 0; i < n; i++)
            if (!strncmp(pg->dates.items[i].iso, pg->dates.items[k].iso, 10)) day += e[i];
        if (day > best_p) best_p = day, best = k; /* the first rule of the day gives the value */
    }
    if (trace) trace_page(pg, xs);
    if (n && best_p >= exp(date_none)) {
        const html_date_cand *c = &pg->dates.items[best];
        px_article_set_date(pg->a, c->iso, (px_date_source)c->src, best_p / sum);
    }
    free(e);
    free(xs);
    free(sd.day);
}
