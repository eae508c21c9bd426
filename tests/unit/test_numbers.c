/*
 * test_numbers.c — numbers: number words, spelled and written numbers with
 * scales, and the finder on sentences written for the test (qualifiers,
 * currency, percent, ordinals, units, years left to the dates, hostile
 * input).
 */
#include <math.h>
#include <stdio.h>

#include "unit_analysis.h"
#include "analyze/numdate.h"

static const px_number *find(const px_analysis *an, const char *text)
{
    for (size_t i = 0; i < px_analysis_number_count(an); i++)
        if (!strcmp(px_analysis_number(an, i)->text, text)) return px_analysis_number(an, i);
    return NULL;
}

static void test_words(void **state)
{
    (void)state;
    double v;
    int ord, scale;
    assert_true(px_num_word("sixty", &v, &ord, &scale));
    assert_true(v == 60 && !ord && !scale);
    assert_true(px_num_word("fourth", &v, &ord, &scale));
    assert_true(v == 4 && ord);
    assert_true(px_num_word("twenty-first", &v, &ord, &scale));
    assert_true(v == 21 && ord);
    assert_true(px_num_word("4th", &v, &ord, &scale));
    assert_true(v == 4 && ord);
    assert_true(px_num_word("2,000", &v, &ord, &scale));
    assert_true(v == 2000);
    assert_true(px_num_word("million", &v, &ord, &scale) && scale);
    assert_false(px_num_word("fourteenish", &v, &ord, &scale));
    assert_false(px_num_word("4x4", &v, &ord, &scale));
}

static void test_finder(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "More than 60 members joined, the fourth time this happened. "
        "The plan costs $5.2 million and about 45% of voters back it. "
        "Two hundred thousand people marched, and a 60-member panel met twice.", &a);
    const px_number *n = find(an, "More than 60 members");
    assert_non_null(n);
    assert_true(n->value == 60);
    assert_string_equal(n->qualifier, "more than");
    assert_string_equal(n->unit, "members");
    n = find(an, "fourth time");
    assert_non_null(n);
    assert_true(n->ordinal && n->value == 4);
    n = find(an, "$5.2 million");
    assert_non_null(n);
    assert_true(fabs(n->value - 5200000) < 0.5);
    assert_string_equal(n->unit, "dollars");
    n = find(an, "about 45%");
    assert_non_null(n);
    assert_string_equal(n->unit, "percent");
    n = find(an, "Two hundred thousand people");
    assert_non_null(n);
    assert_true(n->value == 200000);
    n = find(an, "60-member");
    assert_non_null(n);
    assert_string_equal(n->unit, "member");
    px_analysis_free(an);
    px_article_free(a);
}

/* Years in date expressions are dates; "one" and "first" alone are not
 * numbers; times and numeric dates are not. */
static void test_not_numbers(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "No one knew at first. It began in 2009 and ended on Nov. 7, 2014 at 10:30. "
        "The 2,000 troops left three days ago.", &a);
    for (size_t i = 0; i < px_analysis_number_count(an); i++) {
        const char *t = px_analysis_number(an, i)->text;
        assert_null(strstr(t, "2009"));
        assert_null(strstr(t, "2014"));
        assert_null(strstr(t, "one"));
        assert_null(strstr(t, "first"));
        assert_null(strstr(t, "30"));
        assert_null(strstr(t, "three"));
    }
    assert_non_null(find(an, "2,000 troops"));
    px_analysis_free(an);
    px_article_free(a);
}

/* A 100,000-byte sentence of numbers: one pass, every number found. */
static void test_hostile(void **state)
{
    px_buf b = {0};
    size_t count = 0;
    while (b.len < 100000) px_buf_printf(&b, "%zu boats and ", ++count);
    px_article *a;
    px_analysis *an = analyse(*state, b.data, &a);
    assert_int_equal(px_article_sentence_count(a), 1);
    assert_true(px_analysis_number_count(an) >= count - 1);
    px_analysis_free(an);
    px_article_free(a);
    px_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_finder),
        cmocka_unit_test(test_not_numbers),
        cmocka_unit_test(test_hostile),
    };
    return cmocka_run_group_tests_name("numbers", tests, analysis_setup, analysis_teardown);
}
