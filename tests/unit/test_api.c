/*
 * test_api.c — the public API refuses misuse instead of crashing
 * (parallax.h, "Misuse is refused"): every function with an out-parameter
 * returns PX_EUSAGE for a NULL one, and for a NULL handle or argument; the
 * accessors answer NULL or 0 for a NULL handle and NULL for an index past
 * the count.  Only parallax.h is used, as a program linking the library
 * would.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit_context.h"

static const char text[] = "Storm hits the coast\n\nA storm hit the coast of Maine on Monday, "
                           "said Governor Janet Mills. \"It was bad,\" she said.";

static void null_out_parameters_are_refused(void **state)
{
    (void)state;
    px_error err;
    assert_int_equal(px_context_new(NULL, &err), PX_EUSAGE);
    assert_int_equal(px_article_parse(ctx, text, sizeof text - 1, PX_FORMAT_TEXT, "t", NULL, &err),
                     PX_EUSAGE);
    assert_int_equal(px_reader_open(ctx, "examples", PX_FORMAT_AUTO, NULL, &err), PX_EUSAGE);
    FILE *f = tmpfile();
    fputs(text, f);
    rewind(f);
    assert_int_equal(px_reader_open_stream(ctx, f, "t.txt", PX_FORMAT_TEXT, NULL, &err), PX_EUSAGE);
    px_reader *r;
    assert_int_equal(px_reader_open_stream(ctx, f, "t.txt", PX_FORMAT_TEXT, &r, &err), PX_OK);
    assert_int_equal(px_reader_next(r, NULL, &err), PX_EUSAGE);
    px_reader_close(r);
    fclose(f);
    px_article *a;
    assert_int_equal(px_article_parse(ctx, text, sizeof text - 1, PX_FORMAT_TEXT, "t", &a, &err), PX_OK);
    assert_int_equal(px_analyze(ctx, a, NULL, &err), PX_EUSAGE);
    px_analysis *an;
    assert_int_equal(px_analyze(ctx, a, &an, &err), PX_OK);
    px_article *const arts[2] = {a, a};
    px_analysis *const ans[2] = {an, an};
    assert_int_equal(px_compare(ctx, arts, ans, 2, NULL, &err), PX_EUSAGE);
    assert_int_equal(px_similarity_of(a, an, a, an, NULL, &err), PX_EUSAGE);
    px_article_free(a);
    px_analysis_free(an);
}

static void null_handles_are_refused(void **state)
{
    (void)state;
    px_error err;
    px_article *a = (px_article *)1; /* set to NULL by the failing call */
    px_reader *r = (px_reader *)1;
    px_analysis *an = (px_analysis *)1;
    px_comparison *c = (px_comparison *)1;
    assert_int_equal(px_article_parse(NULL, text, 4, PX_FORMAT_TEXT, "t", &a, &err), PX_EUSAGE);
    assert_null(a);
    assert_int_equal(px_reader_open(NULL, "x", PX_FORMAT_AUTO, &r, &err), PX_EUSAGE);
    assert_null(r);
    assert_int_equal(px_reader_open(ctx, NULL, PX_FORMAT_AUTO, &r, &err), PX_EUSAGE);
    assert_int_equal(px_reader_next(NULL, &a, &err), PX_EUSAGE);
    assert_null(a);
    assert_int_equal(px_analyze(ctx, NULL, &an, &err), PX_EUSAGE);
    assert_null(an);
    assert_int_equal(px_compare(ctx, NULL, NULL, 2, &c, &err), PX_EUSAGE);
    assert_null(c);
    assert_int_equal(px_render_text(NULL, NULL, stdout, &err), PX_EUSAGE);
    assert_int_equal(px_render_json(NULL, NULL, stdout, &err), PX_EUSAGE);
    assert_int_equal(px_render_comparison_text(NULL, stdout, &err), PX_EUSAGE);
    assert_int_equal(px_render_comparison_json(NULL, stdout, &err), PX_EUSAGE);
    assert_int_equal(px_render_comparison_html(NULL, stdout, &err), PX_EUSAGE);
    assert_int_equal(px_render_text(NULL, NULL, NULL, NULL), PX_EUSAGE); /* err may be NULL */
    px_watch *w = (px_watch *)1;
    const char *feeds[] = {"http://127.0.0.1:9/feed"};
    assert_int_equal(px_watch_new(NULL, feeds, 1, NULL, &w, &err), PX_EUSAGE);
    assert_null(w);
    double next = 0;
    assert_int_equal(px_watch_poll(NULL, 1, NULL, &next, &err), PX_EUSAGE);
    assert_true(next >= 1); /* set even so */
    assert_int_equal(px_watch_finish(NULL, &err), PX_EUSAGE);
    assert_null(px_watch_counts_of(NULL));
    assert_null(px_watch_committed(NULL));
    px_watch_free(NULL);
}

static void accessors_check_handles_and_indexes(void **state)
{
    (void)state;
    px_error err;
    px_article *a;
    px_analysis *an;
    assert_int_equal(px_article_parse(ctx, text, sizeof text - 1, PX_FORMAT_TEXT, "t", &a, &err), PX_OK);
    assert_int_equal(px_analyze(ctx, a, &an, &err), PX_OK);
    size_t np = px_article_paragraph_count(a), ns = px_article_sentence_count(a);
    assert_true(np >= 1 && ns >= 2);
    assert_non_null(px_article_paragraph(a, np - 1));
    assert_null(px_article_paragraph(a, np));
    assert_null(px_article_paragraph(a, (size_t)-1));
    size_t p = 77, s0 = 77, e = 77;
    assert_null(px_article_sentence(a, ns, &p, &s0, &e));
    assert_int_equal(p, 77); /* untouched */
    assert_non_null(px_article_sentence(a, ns - 1, &p, &s0, &e));
    assert_true(p < np && s0 <= e);
    assert_null(px_article_author(a, px_article_author_count(a)));
    assert_null(px_article_removed(a, px_article_removed_count(a)));
    assert_null(px_analysis_token(an, px_analysis_token_count(an)));
    assert_non_null(px_analysis_token(an, 0));
    assert_null(px_analysis_entity(an, px_analysis_entity_count(an)));
    assert_null(px_analysis_quote(an, px_analysis_quote_count(an)));
    assert_null(px_analysis_attribution(an, px_analysis_attribution_count(an)));
    assert_null(px_analysis_number(an, px_analysis_number_count(an)));
    assert_null(px_analysis_date(an, px_analysis_date_count(an)));
    /* a NULL handle: nothing, 0 */
    assert_null(px_article_title(NULL));
    assert_null(px_article_text(NULL));
    assert_null(px_article_language(NULL));
    assert_int_equal(px_article_paragraph_count(NULL), 0);
    assert_null(px_article_paragraph(NULL, 0));
    assert_null(px_article_sentence(NULL, 0, NULL, NULL, NULL));
    assert_int_equal(px_article_date_source(NULL), PX_DATE_NONE);
    size_t len = 5;
    assert_null(px_article_source(NULL, &len));
    assert_int_equal(len, 0);
    assert_int_equal(px_analysis_token_count(NULL), 0);
    assert_null(px_analysis_entity(NULL, 0));
    px_analysis_free(an);
    px_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(null_out_parameters_are_refused),
        cmocka_unit_test(null_handles_are_refused),
        cmocka_unit_test(accessors_check_handles_and_indexes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
