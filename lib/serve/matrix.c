/*
 * matrix.c — a story's facts by outlet (serve.h): a row per fact, a
 * column per outlet, each cell "states", "differs" or "silent", written
 * once when the comparison is computed, as HTML (the story page) and JSON
 * (/api/v1/stories/{id}/matrix), from one table so the two always agree.
 *
 * Rows, in order: the judged details (conflicts, updates, compatible
 * values, agreements: conflict.c's order), up to PXS_MATRIX_DETAILS; then
 * the facts several articles report (consensus, then shared), up to
 * PXS_MATRIX_FACTS.  A fact one outlet alone reports is its own addition,
 * shown elsewhere on the page, and would only add rows of one cell.
 *
 * A detail's reference value is the one the most outlets give (ties: the
 * first given).  An outlet states it when every value it gives is the
 * reference (or the judgment is an agreement or compatible: no value
 * differs then), differs when it gives another, and is silent when it
 * gives none.  A fact is stated by the outlets of the articles that
 * report it; the others are silent on it (no article "differs" from a
 * sentence: that is what the details are for).  Columns are the outlets
 * in the order of their first article; an article without an outlet has
 * a column of its own, under its comparison label (its wire, else its id).
 */
#define _GNU_SOURCE /* open_memstream */
#include <assert.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "serve/serve.h"

#define PXS_MATRIX_DETAILS 60
#define PXS_MATRIX_FACTS 40

enum { SILENT = 0, STATES, DIFFERS };
static const char *const state_name[] = {"silent", "states", "differs"};

typedef struct mrow {
    const char *kind;
    const char *subject;  /* details: what it is about; facts: NULL */
    const char *text;     /* details: the reference value; facts: the sentence */
    unsigned char *state; /* per outlet */
    const char **value;   /* per outlet: details, the first value it gives */
} mrow;

typedef struct matrix {
    const char **outlets;
    size_t nout;
    size_t *col; /* per article: its outlet's column */
    PX_VEC(mrow) rows;
} matrix;

const char *pxs_outlet_of(const px_comparison *c, size_t a)
{
    const char *o = px_article_outlet(c->articles[a]);
    return o && *o ? o : c->labels[a];
}

static void columns(const px_comparison *c, matrix *m)
{
    m->outlets = px_xcalloc(c->n ? c->n : 1, sizeof *m->outlets);
    m->col = px_xcalloc(c->n ? c->n : 1, sizeof *m->col);
    for (size_t a = 0; a < c->n; a++) {
        const char *o = pxs_outlet_of(c, a);
        size_t k = 0;
        while (k < m->nout && strcmp(m->outlets[k], o) != 0) k++;
        if (k == m->nout) m->outlets[m->nout++] = o;
        m->col[a] = k;
    }
}

static mrow *new_row(matrix *m, const char *kind, const char *subject, const char *text)
{
    mrow r = {kind, subject, text, px_xcalloc(m->nout ? m->nout : 1, 1),
              px_xcalloc(m->nout ? m->nout : 1, sizeof(char *))};
    px_vec_push(&m->rows, r);
    return &m->rows.items[m->rows.len - 1];
}

static int same(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : "") == 0; }

static void detail(matrix *m, const px_conflict *k)
{
    /* the reference: the value the most outlets give */
    size_t nv = k->values.len, best = 0, best_n = 0;
    unsigned char *seen = px_xcalloc(m->nout ? m->nout : 1, 1);
    for (size_t i = 0; i < nv; i++) {
        memset(seen, 0, m->nout);
        size_t n = 0;
        for (size_t j = 0; j < nv; j++) {
            size_t col = m->col[k->values.items[j].article];
            if (!seen[col] && same(k->values.items[j].value, k->values.items[i].value)) seen[col] = 1, n++;
        }
        if (n > best_n) best = i, best_n = n;
    }
    free(seen);
    const char *ref = nv ? k->values.items[best].value : NULL;
    /* a quote's wording: its subject is the quote's start, which the value repeats */
    const char *subject = k->slot == PX_SLOT_QUOTE_WORDING ? NULL : k->subject;
    mrow *r = new_row(m, px_judgment_name(k->judgment), subject, ref ? ref : "(none)");
    int agreed = k->judgment == PX_JUDGE_AGREEMENT || k->judgment == PX_JUDGE_COMPATIBLE;
    for (size_t j = 0; j < nv; j++) {
        const px_value *v = &k->values.items[j];
        size_t col = m->col[v->article];
        int differs = !agreed && !same(v->value, ref);
        if (r->state[col] == SILENT) r->value[col] = v->value;
        if (differs && r->state[col] != DIFFERS) r->value[col] = v->value, r->state[col] = DIFFERS;
        else if (r->state[col] == SILENT) r->state[col] = STATES;
    }
}

static void fact(const px_comparison *c, matrix *m, const px_fact *f)
{
    const px_claim *best = &c->claims.items[f->best];
    mrow *r = new_row(m, px_fact_kind_name(f->kind), NULL, best->text);
    for (size_t i = 0; i < f->support.len; i++) r->state[m->col[f->support.items[i]]] = STATES;
}

static void html(const matrix *m, FILE *f)
{
    fputs("<section id=\"matrix\"><h2>Facts by outlet</h2>\n", f);
    if (!m->rows.len) {
        fputs("<p class=\"none\">No detail or fact is reported by more than one article.</p></section>\n", f);
        return;
    }
    fputs("<p class=\"note\">A row per detail the articles give values for, then per fact several of "
          "them report; a column per outlet: it <span class=\"states\">states</span> the value or "
          "fact, <span class=\"differs\">differs</span> (gives another value) or is "
          "<span class=\"silent\">silent</span>.</p>\n<div class=\"scroll\"><table class=\"matrix\">"
          "<thead><tr><th scope=\"col\">fact</th>", f);
    for (size_t k = 0; k < m->nout; k++) {
        fputs("<th scope=\"col\">", f);
        pxs_bdi(f, m->outlets[k]);
        fputs("</th>", f);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
    for (size_t i = 0; i < m->rows.len; i++) {
        const mrow *r = &m->rows.items[i];
        fprintf(f, "<tr data-kind=\"%s\"><th scope=\"row\"><span class=\"kind\">%s</span> ", r->kind, r->kind);
        if (r->subject) {
            pxs_bdi(f, r->subject);
            fputs(": ", f);
        }
        pxs_bdi(f, r->text);
        fputs("</th>", f);
        for (size_t k = 0; k < m->nout; k++) {
            fprintf(f, "<td class=\"%s\">%s", state_name[r->state[k]], state_name[r->state[k]]);
            if (r->state[k] == DIFFERS && r->value[k]) {
                fputs(": ", f);
                pxs_bdi(f, r->value[k]);
            }
            fputs("</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody></table></div></section>\n", f);
}

static json_t *str(const char *s) { return s ? json_string(s) : json_null(); }

static void json(const matrix *m, FILE *f)
{
    json_t *o = json_object(), *outlets = json_array(), *rows = json_array();
    for (size_t k = 0; k < m->nout; k++) json_array_append_new(outlets, json_string(m->outlets[k]));
    for (size_t i = 0; i < m->rows.len; i++) {
        const mrow *r = &m->rows.items[i];
        json_t *row = json_object(), *cells = json_array();
        json_object_set_new(row, "kind", json_string(r->kind));
        json_object_set_new(row, "subject", str(r->subject));
        json_object_set_new(row, "text", str(r->text));
        for (size_t k = 0; k < m->nout; k++) {
            json_t *cell = json_object();
            json_object_set_new(cell, "state", json_string(state_name[r->state[k]]));
            json_object_set_new(cell, "value", str(r->state[k] == SILENT ? NULL : r->value[k]));
            json_array_append_new(cells, cell);
        }
        json_object_set_new(row, "cells", cells);
        json_array_append_new(rows, row);
    }
    json_object_set_new(o, "outlets", outlets);
    json_object_set_new(o, "facts", rows);
    json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
}

void pxs_matrix(const px_comparison *c, FILE *html_out, FILE *json_out)
{
    assert(c && html_out && json_out);
    matrix m = {0};
    columns(c, &m);
    size_t details = 0, facts = 0;
    for (size_t i = 0; i < c->conflicts.len && details < PXS_MATRIX_DETAILS; i++, details++)
        detail(&m, &c->conflicts.items[i]);
    for (int kind = PX_FACT_CONSENSUS; kind <= PX_FACT_SHARED; kind++)
        for (size_t i = 0; i < c->facts.len && facts < PXS_MATRIX_FACTS; i++)
            if (c->facts.items[i].kind == (px_fact_kind)kind && c->facts.items[i].support.len > 1)
                fact(c, &m, &c->facts.items[i]), facts++;
    html(&m, html_out);
    json(&m, json_out);
    for (size_t i = 0; i < m.rows.len; i++) {
        free(m.rows.items[i].state);
        free(m.rows.items[i].value);
    }
    px_vec_free(&m.rows);
    free(m.outlets);
    free(m.col);
}
