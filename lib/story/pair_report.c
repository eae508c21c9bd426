/*
 * pair_report.c — px_similarity_explain (parallax.h): the same-event score
 * of two articles (pair.h) with the evidence behind it, as `parallax
 * similarity` prints it, behind an opaque handle.
 *
 * The report owns copies of everything it hands out (an arena), so it
 * outlives the docs it was made from; the articles and analyses are only
 * read while it is made.
 */
#include <assert.h>
#include <stdlib.h>

#include "story/pair.h"

_Static_assert((int)PX_SHARED_WORD == (int)PX_EVIDENCE_WORD && (int)PX_SHARED_NAME == (int)PX_EVIDENCE_NAME &&
                   (int)PX_SHARED_PLACE == (int)PX_EVIDENCE_PLACE &&
                   (int)PX_SHARED_NUMBER == (int)PX_EVIDENCE_NUMBER,
               "px_shared_kind is px_evidence_kind");

struct px_similarity_report {
    px_similarity scores;
    int days_apart;
    double lead, phrases; /* -1 where not measured */
    PX_VEC(px_shared) shared;
    px_arena strings;
};

px_status px_similarity_explain(px_context *ctx, const px_article *a, const px_analysis *an,
                                const px_article *b, const px_analysis *bn, size_t max,
                                px_similarity_report **out, px_error *err)
{
    if (out) *out = NULL;
    if (!ctx || !a || !an || !b || !bn || !out)
        return px_error_set(err, PX_EUSAGE, "px_similarity_explain", 0, 0, "NULL argument");
    px_similarity_report *r = px_xcalloc(1, sizeof *r);
    px_doc da, db;
    px_doc_build(&da, ctx, a, an);
    px_doc_build(&db, ctx, b, bn);
    px_doc_phrases(&da, an);
    px_doc_phrases(&db, bn);
    double x[PX_PAIR_NFEATURES];
    px_pair_similarity(&da, &db, &r->scores, x); /* weighs the docs: before the evidence */
    px_evidences ev = {0};
    if (max) px_pair_evidence(&da, &db, max, &ev);
    px_day_count ba[PX_DOC_DAYS + 1], bb[PX_DOC_DAYS + 1];
    px_when wa = px_doc_when(&da, ba), wb = px_doc_when(&db, bb);
    r->days_apart = px_when_gap(&wa, &wb, 0);
    r->lead = x[PX_PAIR_LEAD];
    r->phrases = da.phrases.len && db.phrases.len ? x[PX_PAIR_PHRASES] : -1;
    px_buf scratch = {0};
    for (size_t i = 0; i < ev.len; i++) {
        const char *text = px_pair_key_text(a, an, ev.items[i].key, ev.items[i].kind, &scratch);
        if (!text) continue; /* a key no text is known for */
        assert(ev.items[i].kind <= PX_EVIDENCE_NUMBER);
        px_shared s = {(px_shared_kind)ev.items[i].kind, px_arena_strdup(&r->strings, text),
                       ev.items[i].weight};
        px_vec_push(&r->shared, s);
    }
    px_buf_free(&scratch);
    px_vec_free(&ev);
    px_doc_free(&da);
    px_doc_free(&db);
    *out = r;
    return PX_OK;
}

const px_similarity *px_similarity_report_scores(const px_similarity_report *r)
{
    return r ? &r->scores : NULL;
}

int px_similarity_report_days_apart(const px_similarity_report *r)
{
    return r ? r->days_apart : -1;
}

double px_similarity_report_lead(const px_similarity_report *r)
{
    return r ? r->lead : -1;
}

double px_similarity_report_phrases(const px_similarity_report *r)
{
    return r ? r->phrases : -1;
}

size_t px_similarity_report_shared_count(const px_similarity_report *r)
{
    return r ? r->shared.len : 0;
}

const px_shared *px_similarity_report_shared(const px_similarity_report *r, size_t i)
{
    return r && i < r->shared.len ? &r->shared.items[i] : NULL;
}

void px_similarity_report_free(px_similarity_report *r)
{
    if (!r) return;
    px_vec_free(&r->shared);
    px_arena_free(&r->strings);
    free(r);
}
