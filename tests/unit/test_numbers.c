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
 * numbers; times are numbers of their own kind (test_times). */
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
        if (px_analysis_number(an, i)->kind != PX_NUMBER_TIME) assert_null(strstr(t, "30"));
        assert_null(strstr(t, "three"));
    }
    assert_non_null(find(an, "2,000 troops"));
    px_analysis_free(an);
    px_article_free(a);
}

/* A spelled number opening the text after a dateline is a number; one
 * inside a name ("Air Force One", "the Big Three") is not. */
static void after_a_dateline(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "CHICAGO \xe2\x80\x94 Six people were shot. (CBS) - Five men were hurt. "
        "CHICAGO Seven people were wounded. Air Force One landed and the Big Three met.", &a);
    const px_number *n = find(an, "Six people");
    assert_non_null(n);
    assert_true(n->value == 6);
    assert_non_null(find(an, "Five men"));
    assert_non_null(find(an, "Seven people"));
    for (size_t i = 0; i < px_analysis_number_count(an); i++) {
        assert_null(strstr(px_analysis_number(an, i)->text, "One"));
        assert_null(strstr(px_analysis_number(an, i)->text, "Three"));
    }
    px_analysis_free(an);
    px_article_free(a);
}

/* The number whose text is text, or text and a unit word ("61 near"). */
static const px_number *find_start(const px_analysis *an, const char *text)
{
    size_t k = strlen(text);
    for (size_t i = 0; i < px_analysis_number_count(an); i++) {
        const char *t = px_analysis_number(an, i)->text;
        if (!strncmp(t, text, k) && (!t[k] || t[k] == ' ')) return px_analysis_number(an, i);
    }
    return NULL;
}

static void expect_kind(const px_analysis *an, const char *text, px_number_kind kind, double value)
{
    const px_number *n = find_start(an, text);
    if (!n) fail_msg("no number \"%s\"", text);
    if (n->kind != kind)
        fail_msg("\"%s\" is %s, not %s", text, px_number_kind_name(n->kind), px_number_kind_name(kind));
    if (n->value != value) fail_msg("\"%s\" is %g, not %g", text, n->value, value);
}

/* age-apposition, age-adjective, age-word. */
static void test_ages(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "John Smith, 23, of Elgin was shot. Police arrested Jane Roe, 41. "
        "A 15-year-old boy and the sixteen-year-old were hurt, and a woman aged 40 died. "
        "The victim, age 52, and his 12-year old son lived there; Doe (30) was 61 years old. "
        "On Monday, 23 people were hurt.", &a);
    expect_kind(an, "23", PX_NUMBER_AGE, 23);
    expect_kind(an, "41", PX_NUMBER_AGE, 41);
    expect_kind(an, "15-year-old", PX_NUMBER_AGE, 15);
    expect_kind(an, "sixteen-year-old", PX_NUMBER_AGE, 16);
    expect_kind(an, "40", PX_NUMBER_AGE, 40);
    expect_kind(an, "52", PX_NUMBER_AGE, 52);
    expect_kind(an, "12-year", PX_NUMBER_AGE, 12);
    expect_kind(an, "30", PX_NUMBER_AGE, 30);
    expect_kind(an, "61 years", PX_NUMBER_AGE, 61);
    expect_kind(an, "23 people", PX_NUMBER_QUANTITY, 23);
    px_analysis_free(an);
    px_article_free(a);
}

/* Clock times: value in minutes after midnight, text as written. */
static void test_times(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "Shots rang out at 10:30 p.m. and again at 11:05pm, then at 2 a.m. and 4am. "
        "They met around 9 o'clock, at noon and at midnight, and the bus left at 22:30. "
        "It ended at 12 a.m.", &a);
    expect_kind(an, "10:30 p.m.", PX_NUMBER_TIME, 22 * 60 + 30);
    expect_kind(an, "11:05pm", PX_NUMBER_TIME, 23 * 60 + 5);
    expect_kind(an, "2 a.m.", PX_NUMBER_TIME, 120);
    expect_kind(an, "4am", PX_NUMBER_TIME, 240);
    expect_kind(an, "around 9 o'clock", PX_NUMBER_TIME, 540);
    assert_string_equal(find(an, "around 9 o'clock")->qualifier, "around");
    expect_kind(an, "noon", PX_NUMBER_TIME, 720);
    expect_kind(an, "midnight", PX_NUMBER_TIME, 0);
    expect_kind(an, "22:30", PX_NUMBER_TIME, 22 * 60 + 30);
    expect_kind(an, "12 a.m.", PX_NUMBER_TIME, 0);
    px_analysis_free(an);
    px_article_free(a);
}

/* label-name, label-phone, label-address, label-dimension, label-score,
 * label-calibre, label-id; quantities beside them stay quantities. */
static void test_labels(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "The crash closed Route 9 and Highway 61 near Pier 39, Channel 4 said. "
        "Call 555-1234 or (312) 555-0199 with tips. "
        "It happened in the 1200 block of Main Street and at 425 Elm St. today. "
        "The 1920 x 1080 pixels image showed a 6-foot-2 man with a .45 caliber handgun and a 12-gauge. "
        "The home team won 3-1 after a 98-95 win. Case 2016123 was closed. "
        "Two men fired 10 shots and three people were shot; $5 million was paid and 18-25 people came.", &a);
    expect_kind(an, "9", PX_NUMBER_LABEL, 9);
    expect_kind(an, "61", PX_NUMBER_LABEL, 61);
    expect_kind(an, "39", PX_NUMBER_LABEL, 39);
    expect_kind(an, "4", PX_NUMBER_LABEL, 4);
    expect_kind(an, "1234", PX_NUMBER_LABEL, 1234);
    expect_kind(an, "312", PX_NUMBER_LABEL, 312);
    expect_kind(an, "0199", PX_NUMBER_LABEL, 199);
    expect_kind(an, "1200 block", PX_NUMBER_LABEL, 1200);
    expect_kind(an, "425", PX_NUMBER_LABEL, 425);
    expect_kind(an, "1920", PX_NUMBER_LABEL, 1920); /* a size, not a year */
    expect_kind(an, "1080 pixels", PX_NUMBER_LABEL, 1080);
    expect_kind(an, "6-foot-2", PX_NUMBER_LABEL, 6);
    expect_kind(an, "45 caliber", PX_NUMBER_LABEL, 45);
    expect_kind(an, "12-gauge", PX_NUMBER_LABEL, 12);
    expect_kind(an, "3", PX_NUMBER_LABEL, 3);
    expect_kind(an, "95 win", PX_NUMBER_LABEL, 95);
    expect_kind(an, "2016123", PX_NUMBER_LABEL, 2016123);
    expect_kind(an, "Two men", PX_NUMBER_QUANTITY, 2);
    expect_kind(an, "10 shots", PX_NUMBER_QUANTITY, 10);
    expect_kind(an, "three people", PX_NUMBER_QUANTITY, 3);
    expect_kind(an, "$5 million", PX_NUMBER_QUANTITY, 5e6);
    expect_kind(an, "18", PX_NUMBER_QUANTITY, 18);
    expect_kind(an, "25 people", PX_NUMBER_QUANTITY, 25);
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
        cmocka_unit_test(after_a_dateline),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_ages),
        cmocka_unit_test(test_times),
        cmocka_unit_test(test_labels),
    };
    return cmocka_run_group_tests_name("numbers", tests, analysis_setup, analysis_teardown);
}
