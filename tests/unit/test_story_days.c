/*
 * test_story_days.c — the days an article names (days.h) and what they do
 * to grouping: the days named to the day are kept, undated articles name
 * none, the gap is taken between the closest days with a floor on gaps
 * bridged only by a named day, stories keep their days through their
 * bytes (and a story saved without them loads), and a trial report a year
 * after a shooting joins its story when it names the shooting's day, and
 * not when it does not.
 */
#include "unit_story.h"

/* Two reports of a shooting, a follow-up 17 months later naming its day,
 * the same follow-up naming no day, and an undated one. */
static const char *const reports[] = {
    "{\"id\":\"s1\",\"date\":\"2015-05-08\",\"title\":\"Man shot dead outside Dayton bar\","
    "\"text\":\"A man was shot and killed outside a bar on Elm Street in Dayton on Thursday, "
    "police said.\\n\\nThe victim, Marcus Reed, 34, died at Miami Valley Hospital. Officers "
    "arrested Tyrone Blake, 27, near the scene.\"}",
    "{\"id\":\"s2\",\"date\":\"2015-05-08\",\"title\":\"Dayton police arrest man in fatal bar "
    "shooting\","
    "\"text\":\"A man was shot and killed outside a bar on Elm Street in Dayton on Thursday, "
    "police said.\\n\\nThe victim, Marcus Reed, 34, died at Miami Valley Hospital. Officers "
    "arrested Tyrone Blake, 27, near the scene.\"}",
    "{\"id\":\"f1\",\"date\":\"2016-10-25\",\"title\":\"Blake sentenced in Dayton bar "
    "shooting\",\"text\":\"Tyrone Blake was sentenced on Tuesday to 25 years for the May 7, 2015, "
    "shooting of Marcus Reed outside a bar on Elm Street in Dayton.\\n\\nReed, 34, died at Miami "
    "Valley Hospital.\"}",
    "{\"id\":\"f2\",\"date\":\"2016-10-25\",\"title\":\"Blake sentenced in Dayton bar "
    "shooting\",\"text\":\"Tyrone Blake was sentenced on Tuesday to 25 years for the shooting of "
    "Marcus Reed outside a bar on Elm Street in Dayton.\\n\\nReed, 34, died at Miami Valley "
    "Hospital.\"}",
    ("{\"id\":\"u1\",\"title\":\"Blake sentenced\",\"text\":\"Tyrone Blake was sentenced for the "
     "May 7, 2015, shooting of Marcus Reed in Dayton on Tuesday.\"}"),
};

static int names(const px_doc *d, const char *iso)
{
    for (size_t i = 0; i < d->nnamed; i++)
        if (d->named[i] == px_day_of(iso)) return 1;
    return 0;
}

static void articles_name_days(void **state)
{
    (void)state;
    px_doc d;
    build(&d, reports[0]);
    assert_true(names(&d, "2015-05-07")); /* "Thursday", before 2015-05-08 */
    px_doc_free(&d);
    build(&d, reports[2]);
    assert_true(names(&d, "2015-05-07"));
    assert_true(names(&d, "2016-10-25")); /* "Tuesday" */
    for (size_t i = 1; i < d.nnamed; i++) assert_true(d.named[i - 1] < d.named[i]);
    px_doc_free(&d);
    build(&d, reports[4]);
    assert_int_equal(d.nnamed, 0); /* undated: nothing resolves, history is no help */
    px_doc_free(&d);
}

static void gaps_take_the_closest_days(void **state)
{
    (void)state;
    px_day_count ba[PX_DOC_DAYS + 1], bb[PX_DOC_DAYS + 1];
    int32_t named_a[] = {100, 300}, named_b[] = {299};
    px_when a = px_when_of(500, named_a, 2, ba);
    px_when b = px_when_of(520, NULL, 0, bb);
    assert_int_equal(px_when_gap(&a, &b, 0), 20); /* publication days only */
    b = px_when_of(101, NULL, 0, bb);
    assert_int_equal(px_when_gap(&a, &b, 0), 1);  /* a names b's day */
    assert_int_equal(px_when_gap(&b, &a, 7), 7);  /* either way; a named link counts a week */
    b = px_when_of(900, named_b, 1, bb);
    assert_int_equal(px_when_gap(&a, &b, 0), 1);  /* both name about the same day */
    b = px_when_of(PX_NO_DAY, NULL, 0, bb);
    assert_int_equal(px_when_gap(&a, &b, 0), -1); /* undated */
    /* Days read back from a damaged or hostile store may be anything: two
     * far apart give the largest gap, never an overflow (the store fuzzer
     * found this; UBSan fails the suite on it). */
    int32_t far[] = {INT32_MAX - 1};
    a = px_when_of(-2000000000, NULL, 0, ba);
    b = px_when_of(2000000000, far, 1, bb);
    assert_true(px_when_gap(&a, &b, 0) > 1000000000);
}

static void story_days_survive_bytes(void **state)
{
    (void)state;
    px_doc d;
    build(&d, reports[2]);
    px_story s, t;
    px_story_init(&s, 3);
    px_story_add(&s, 1, &d);
    assert_int_equal(s.pub_days.len, 1);
    assert_int_equal(s.named_days.len, d.nnamed);
    px_buf b = {0};
    px_story_save(&s, &b);
    assert_int_equal(px_story_load(&t, b.data, b.len), 0);
    assert_int_equal(t.named_days.len, s.named_days.len);
    assert_int_equal(t.named_days.items[0].day, s.named_days.items[0].day);
    px_story_free(&t);
    /* a story saved before places were kept ("sty2", nothing after the
     * days) loads with none */
    size_t places_bytes = 4 + s.places.len * 8;
    memcpy(b.data, "sty2", 4);
    assert_int_equal(px_story_load(&t, b.data, b.len - places_bytes), 0);
    assert_int_equal(t.named_days.len, s.named_days.len);
    assert_int_equal(t.places.len, 0);
    px_story_free(&t);
    /* a story saved before days were kept ("sty1", nothing after the
     * members) loads, its span standing in for its publication days */
    size_t days_bytes = 8 + (s.pub_days.len + s.named_days.len) * sizeof(px_day_count);
    memcpy(b.data, "sty1", 4);
    assert_int_equal(px_story_load(&t, b.data, b.len - places_bytes - days_bytes), 0);
    assert_int_equal(t.pub_days.len, 1);
    assert_int_equal(t.pub_days.items[0].day, s.first_day);
    assert_int_equal(t.named_days.len, 0);
    px_story_free(&t);
    px_buf_free(&b);
    px_story_free(&s);
    px_doc_free(&d);
}

/* Stream order: the two reports, then one follow-up, 17 months later. */
static int64_t follow_up_story(const char *follow_up, px_decision *dec)
{
    px_story_params p;
    px_story_params_default(&p);
    px_clusterer *c = px_clusterer_new(&p, 1);
    const char *in[] = {reports[0], reports[1], follow_up};
    int64_t first = 0;
    for (size_t i = 0; i < 3; i++) {
        px_doc d;
        build(&d, in[i]);
        px_clusterer_add(c, (int64_t)i + 1, &d, dec);
        if (i == 0) first = dec->story;
        px_doc_free(&d);
    }
    px_clusterer_free(c);
    return first;
}

static void a_follow_up_naming_the_day_joins(void **state)
{
    (void)state;
    px_decision dec;
    int64_t first = follow_up_story(reports[2], &dec);
    assert_false(dec.created);
    assert_int_equal(dec.story, first);
    px_story_params p;
    px_story_params_default(&p);
    assert_int_equal(dec.match.gap, p.link_floor);
    first = follow_up_story(reports[3], &dec); /* names no day: months away */
    assert_true(dec.created);
    assert_int_not_equal(dec.story, first);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(articles_name_days),
        cmocka_unit_test(gaps_take_the_closest_days),
        cmocka_unit_test(story_days_survive_bytes),
        cmocka_unit_test(a_follow_up_naming_the_day_joins),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
