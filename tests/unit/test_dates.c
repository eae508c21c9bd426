/*
 * test_dates.c — dates: calendar arithmetic, and date expressions resolved
 * against publication dates given with JSON Lines input (a full date, a
 * month and day without a year, none).
 */
#include <stdio.h>

#include "unit_analysis.h"
#include "analyze/numdate.h"

static const px_date_mention *find(const px_analysis *an, const char *text)
{
    for (size_t i = 0; i < px_analysis_date_count(an); i++)
        if (!strcmp(px_analysis_date(an, i)->text, text)) return px_analysis_date(an, i);
    return NULL;
}

/* The value of the date written text ("" when found with no value). */
static const char *value(const px_analysis *an, const char *text)
{
    const px_date_mention *d = find(an, text);
    if (!d) fail_msg("no date \"%s\"", text);
    return d->value ? d->value : "";
}

static void test_calendar(void **state)
{
    (void)state;
    long d = px_days_from_civil(2014, 11, 7);
    assert_int_equal(px_weekday(d), 5); /* a Friday */
    assert_int_equal(px_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(px_days_from_civil(2000, 3, 1) - px_days_from_civil(2000, 2, 28), 2);
    int y, m, dd;
    px_civil_from_days(d + 60, &y, &m, &dd);
    assert_true(y == 2015 && m == 1 && dd == 6);
    assert_int_equal(px_month_days(2100, 2), 28);
    assert_int_equal(px_month_days(2024, 2), 29);
    assert_true(px_pub_date("2014-11-07T10:00:00Z", &y, &m, &dd) && y == 2014 && dd == 7);
    assert_true(px_pub_date("--11-07", &y, &m, &dd) && y == 0 && m == 11);
    assert_false(px_pub_date("soon", &y, &m, &dd));
}

/* Published Friday 7 November 2014. */
static void test_resolved(void **state)
{
    px_article *a;
    px_analysis *an = analyse_dated(*state,
        "On Friday she spoke; on Thursday he wrote. Last month talks stalled, and "
        "last Friday they met. Yesterday it rained, three days ago it snowed. "
        "The deal is due by November 24 and was signed on Nov. 7, 2014. "
        "Ties have been cut since 2009. This week was busy, next year looks calm, "
        "and in December 2013 it began.", "2014-11-07", &a);
    assert_string_equal(value(an, "Friday"), "2014-11-07");
    assert_true(find(an, "Friday")->relative);
    assert_string_equal(value(an, "Thursday"), "2014-11-06");
    assert_string_equal(value(an, "Last month"), "2014-10");
    assert_string_equal(value(an, "last Friday"), "2014-10-31");
    assert_string_equal(value(an, "Yesterday"), "2014-11-06");
    assert_string_equal(value(an, "three days ago"), "2014-11-04");
    assert_string_equal(value(an, "November 24"), "2014-11-24");
    assert_string_equal(value(an, "Nov. 7, 2014"), "2014-11-07");
    assert_false(find(an, "Nov. 7, 2014")->relative);
    assert_string_equal(value(an, "since 2009"), "2009");
    assert_string_equal(value(an, "This week"), "2014-W45");
    assert_string_equal(value(an, "next year"), "2015");
    assert_string_equal(value(an, "December 2013"), "2013-12");
    px_analysis_free(an);
    px_article_free(a);
}

/* No date, or no year: weekdays stay unresolved, a month and day keep
 * their "--MM-DD" form; a day near New Year goes to the nearest year. */
static void test_unresolved(void **state)
{
    px_article *a;
    px_analysis *an = analyse_dated(*state, "On Friday, by November 24, since 2009.", NULL, &a);
    assert_string_equal(value(an, "Friday"), "");
    assert_false(find(an, "Friday")->relative);
    assert_string_equal(value(an, "November 24"), "--11-24");
    assert_string_equal(value(an, "since 2009"), "2009");
    px_analysis_free(an);
    px_article_free(a);
    an = analyse_dated(*state, "It opened on December 30 and closed last year.", "2015-01-04", &a);
    assert_string_equal(value(an, "December 30"), "2014-12-30");
    assert_string_equal(value(an, "last year"), "2014");
    px_analysis_free(an);
    px_article_free(a);
}

/* Rule past-day: published 1 September 2016, a month and day told in the
 * past is the one behind (the nearest would be February 2017), one that
 * looks ahead the nearest; a day weeks ahead stays ahead. */
static void test_past_day(void **state)
{
    px_article *a;
    px_analysis *an = analyse_dated(*state,
        "Two men died at the club Feb. 6 last winter. "
        "The trial is expected to start March 20. "
        "A hearing was moved to Oct. 12.", "2016-09-01", &a);
    assert_string_equal(value(an, "Feb. 6"), "2016-02-06");
    assert_string_equal(value(an, "March 20"), "2017-03-20");
    assert_string_equal(value(an, "Oct. 12"), "2016-10-12");
    px_analysis_free(an);
    px_article_free(a);
}

/* A weekday with its explicit date is one expression, resolved to the
 * explicit date, whatever day the weekday alone would give. */
static void test_weekday_with_date(void **state)
{
    px_article *a;
    px_analysis *an = analyse_dated(*state,
        "The shooting happened Monday, January 9, 2017, near the school. "
        "A vigil is planned for Thursday, 12 January.", "2017-01-13", &a);
    assert_string_equal(value(an, "Monday, January 9, 2017"), "2017-01-09");
    assert_false(find(an, "Monday, January 9, 2017")->relative);
    assert_null(find(an, "Monday"));
    assert_string_equal(value(an, "Thursday, 12 January"), "2017-01-12");
    px_analysis_free(an);
    px_article_free(a);
}

/* Rule forward-cue: published Friday 13 January 2017, a weekday in a
 * clause that looks ahead is the next such day (on or after the
 * publication day); in the past tense it stays the day before. */
static void test_forward_weekday(void **state)
{
    px_article *a;
    px_analysis *an = analyse_dated(*state,
        "He is expected to be arraigned Saturday in county court. "
        "Police said the suspect will appear before a judge on Tuesday. "
        "The hearing is set to resume Friday. "
        "The man, who was shot Sunday, will recover. "
        "She was arrested Wednesday and released Thursday.", "2017-01-13", &a);
    assert_string_equal(value(an, "Saturday"), "2017-01-14");
    assert_string_equal(value(an, "Tuesday"), "2017-01-17");
    assert_string_equal(value(an, "Friday"), "2017-01-13");
    assert_string_equal(value(an, "Sunday"), "2017-01-08");
    assert_string_equal(value(an, "Wednesday"), "2017-01-11");
    assert_string_equal(value(an, "Thursday"), "2017-01-12");
    px_analysis_free(an);
    px_article_free(a);
}

/* Words that look like dates but are not. */
static void test_not_dates(void **state)
{
    px_article *a;
    px_analysis *an = analyse_dated(*state,
        "They may march on, said 2000 marchers, and 1,999 more.", "2014-11-07", &a);
    assert_int_equal(px_analysis_date_count(an), 0);
    px_analysis_free(an);
    px_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calendar),
        cmocka_unit_test(test_resolved),
        cmocka_unit_test(test_unresolved),
        cmocka_unit_test(test_weekday_with_date),
        cmocka_unit_test(test_past_day),
        cmocka_unit_test(test_forward_weekday),
        cmocka_unit_test(test_not_dates),
    };
    return cmocka_run_group_tests_name("dates", tests, analysis_setup, analysis_teardown);
}
