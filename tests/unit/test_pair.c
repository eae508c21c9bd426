/*
 * test_pair.c — the pair score of `parallax similarity` (story/pair.h) and
 * the shipped document frequencies (story/dftable.h): two reports of one
 * shooting score as one event, a shooting the same day in another city
 * (the hard negative: same words, other names, places and numbers) scores
 * lower, the evidence names the shared rare name
 * first, and the table knows common words as common.  The public
 * px_similarity_explain reports the same score as px_similarity_of, with
 * the evidence as text.
 */
#include <math.h>

#include "story/dftable.h"
#include "story/pair.h"
#include "unit_story.h"

static const char *const a1 =
    "{\"id\":\"a1\",\"date\":\"2024-03-02\",\"title\":\"Two wounded in Dayton shooting outside "
    "Fairview bar\",\"text\":\"Two men were wounded early Saturday when gunfire broke out outside "
    "the Fairview Tavern in Dayton, police said.\\n\\nOfficers found the victims, ages 24 and 31, "
    "on Hoover Avenue shortly after 1 a.m.  Sergeant Marcus Oyelaran said a suspect fled in a "
    "silver sedan.\\n\\nBoth men were taken to Miami Valley Hospital.\"}";
static const char *const a2 =
    "{\"id\":\"a2\",\"date\":\"2024-03-02\",\"title\":\"Police seek gunman after two shot at "
    "Dayton tavern\",\"text\":\"Dayton police are looking for a man who shot two people outside "
    "the Fairview Tavern on Hoover Avenue early Saturday.\\n\\nThe victims, 24 and 31, were taken to "
    "Miami Valley Hospital, Sgt. Marcus Oyelaran said.  The gunman left in a silver car.\"}";
static const char *const b1 =
    "{\"id\":\"b1\",\"date\":\"2024-03-02\",\"title\":\"Two wounded in Toledo shooting outside "
    "Westgate bar\",\"text\":\"Two women were wounded late Saturday when gunfire broke out "
    "outside the Westgate Lounge in Toledo, police said.\\n\\nOfficers found the victims, ages 19 "
    "and 42, on Sylvania Road shortly before midnight.  Lieutenant Dana Kowalczyk said a suspect "
    "fled on foot.\\n\\nBoth women were taken to St. Vincent Medical Center.\"}";

static double pair(const char *x, const char *y, px_evidences *ev)
{
    px_doc dx, dy;
    build(&dx, x);
    build(&dy, y);
    double f[PX_PAIR_NFEATURES];
    double s = px_pair_of(&dx, &dy, NULL, f);
    assert_true(s > 0 && s < 1);
    assert_true(f[PX_PAIR_TERMS] >= 0 && f[PX_PAIR_TERMS] <= 1);
    assert_false(f[PX_PAIR_UNDATED]); /* both dated */
    if (ev) px_pair_evidence(&dx, &dy, 20, ev);
    px_doc_free(&dx);
    px_doc_free(&dy);
    return s;
}

static void one_event_above_another_in_the_same_words(void **state)
{
    (void)state;
    double same = pair(a1, a2, NULL), other = pair(a1, b1, NULL);
    /* b1 is a1's template filled with other names, places and numbers:
     * its phrases ("gunfire broke outside") are a1's, which the fitted
     * model trusts (the labelled pairs hold no such templates), so it is
     * ranked below a1's own event, not judged another event outright */
    assert_true(same > 0.99);
    assert_true(other < 0.95);
    assert_true(same > other + 0.05);
}

static void evidence_names_the_shared_names(void **state)
{
    (void)state;
    px_evidences ev = {0};
    pair(a1, a2, &ev);
    int names = 0, numbers = 0, words = 0;
    double last_word = 2;
    for (size_t i = 0; i < ev.len; i++) {
        names += ev.items[i].kind == PX_EVIDENCE_NAME || ev.items[i].kind == PX_EVIDENCE_PLACE;
        numbers += ev.items[i].kind == PX_EVIDENCE_NUMBER;
        if (ev.items[i].kind == PX_EVIDENCE_WORD) {
            assert_true(ev.items[i].weight <= last_word); /* heaviest first */
            last_word = ev.items[i].weight;
            words++;
        }
    }
    assert_true(words > 0 && words <= 20);
    assert_true(names > 0);
    assert_true(numbers > 0); /* 24 and 31 */
    /* rare words outweigh common ones: the heaviest shared word is rare in
     * the shipped table, and "said" (shared, common) is not among the first */
    const px_df *df = px_df_background();
    assert_true(ev.items[0].kind == PX_EVIDENCE_WORD);
    assert_true(px_df_count(df, ev.items[0].key) < df->docs / 100);
    uint64_t said = px_hash("said", 4);
    for (size_t i = 0; i < 3; i++) assert_true(ev.items[i].key != said);
    px_vec_free(&ev);
}

static void features_of(const char *x, const char *y, double f[PX_PAIR_NFEATURES])
{
    px_doc dx, dy;
    build(&dx, x);
    build(&dy, y);
    px_pair_of(&dx, &dy, NULL, f);
    px_doc_free(&dx);
    px_doc_free(&dy);
}

/* The lead (title and first sentences) and the shared phrases: one
 * shooting's two reports share more of both than two shootings written
 * from one template; undated, terms and specifics are repeated in their
 * undated companions, dated those are 0. */
static void lead_phrases_and_undated(void **state)
{
    (void)state;
    double same[PX_PAIR_NFEATURES], other[PX_PAIR_NFEATURES], undated[PX_PAIR_NFEATURES];
    features_of(a1, a2, same);
    features_of(a1, b1, other);
    assert_true(same[PX_PAIR_LEAD] > other[PX_PAIR_LEAD]);
    assert_true(same[PX_PAIR_LEAD] > 0 && same[PX_PAIR_LEAD] <= 1);
    assert_true(same[PX_PAIR_PHRASES] > 0 && same[PX_PAIR_PHRASES] <= 1);
    assert_true(same[PX_PAIR_TERMS_UNDATED] == 0 && same[PX_PAIR_SPECIFICS_UNDATED] == 0);
    const char *a3 = "{\"id\":\"a3\",\"text\":\"Two men were wounded early Saturday when gunfire broke "
                     "out outside the Fairview Tavern in Dayton, police said.\"}";
    features_of(a2, a3, undated);
    assert_true(undated[PX_PAIR_UNDATED] == 1);
    assert_true(undated[PX_PAIR_TERMS] > 0);
    assert_true(undated[PX_PAIR_TERMS_UNDATED] == undated[PX_PAIR_TERMS]);
    assert_true(undated[PX_PAIR_SPECIFICS_UNDATED] == undated[PX_PAIR_SPECIFICS]);
    assert_true(undated[PX_PAIR_PHRASES] > 0); /* "gunfire broke outside", ... */
}

static void explain_reports_the_score_and_the_evidence_as_text(void **state)
{
    (void)state;
    px_article *a = article(a1), *b = article(a2);
    px_analysis *an, *bn;
    assert_int_equal(px_analyze(ctx, a, &an, NULL), PX_OK);
    assert_int_equal(px_analyze(ctx, b, &bn, NULL), PX_OK);
    px_similarity of;
    assert_int_equal(px_similarity_of(a, an, b, bn, &of, NULL), PX_OK);
    px_similarity_report *r;
    px_error err;
    assert_int_equal(px_similarity_explain(ctx, a, an, b, bn, 3, &r, &err), PX_OK);
    const px_similarity *s = px_similarity_report_scores(r);
    assert_true(s->score > 0.5);
    assert_true(fabs(s->score - of.score) < 1e-9);
    assert_true(fabs(s->terms - of.terms) < 1e-9);
    assert_int_equal(px_similarity_report_days_apart(r), 0); /* the same day */
    size_t n = px_similarity_report_shared_count(r), words = 0;
    int oyelaran = 0;
    assert_true(n > 0 && n <= 6); /* at most 3 words, 3 specifics */
    for (size_t i = 0; i < n; i++) {
        const px_shared *sh = px_similarity_report_shared(r, i);
        assert_true(sh->text && *sh->text);
        assert_true(sh->weight > 0 && sh->weight <= 1);
        words += sh->kind == PX_SHARED_WORD;
        oyelaran += sh->kind == PX_SHARED_NAME && strstr(sh->text, "Oyelaran") != NULL;
        if (i && sh->kind == PX_SHARED_WORD) /* the words first */
            assert_int_equal(px_similarity_report_shared(r, i - 1)->kind, PX_SHARED_WORD);
    }
    assert_true(words > 0 && words <= 3);
    assert_int_equal(oyelaran, 1); /* a rare shared name is among the heaviest */
    assert_null(px_similarity_report_shared(r, n));
    px_similarity_report_free(r);
    /* no evidence asked for; misuse refused */
    assert_int_equal(px_similarity_explain(ctx, a, an, b, bn, 0, &r, NULL), PX_OK);
    assert_int_equal(px_similarity_report_shared_count(r), 0);
    px_similarity_report_free(r);
    r = (px_similarity_report *)1;
    assert_int_equal(px_similarity_explain(ctx, a, NULL, b, bn, 3, &r, &err), PX_EUSAGE);
    assert_null(r);
    assert_null(px_similarity_report_scores(NULL));
    assert_int_equal(px_similarity_report_days_apart(NULL), -1);
    px_similarity_report_free(NULL);
    px_analysis_free(an);
    px_analysis_free(bn);
    px_article_free(a);
    px_article_free(b);
}

static void table_knows_common_words(void **state)
{
    (void)state;
    const px_df *df = px_df_background();
    assert_true(df->docs > 1000);
    uint64_t said = px_hash("said", 4), rare = px_hash("zyqxv", 5);
    assert_true(px_df_count(df, said) > df->docs / 10);
    assert_int_equal(px_df_count(df, rare), 0);
    assert_true(px_df_idf(df, said) < px_df_idf(df, rare));
    assert_string_equal(px_df_background_text(said), "said");
    assert_null(px_df_background_text(rare));
    assert_ptr_equal(px_df_background(), df); /* built once */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_event_above_another_in_the_same_words),
        cmocka_unit_test(evidence_names_the_shared_names),
        cmocka_unit_test(lead_phrases_and_undated),
        cmocka_unit_test(explain_reports_the_score_and_the_evidence_as_text),
        cmocka_unit_test(table_knows_common_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
