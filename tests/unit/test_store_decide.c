/*
 * test_store_decide.c — decisions by hand about stories (merge, split,
 * move, rename: lib/store/decide.c) and the comparison cache
 * (lib/store/comparisons.c): memberships, versions and the decisions
 * table after each; wrong decisions refused with nothing changed; later
 * grouping following them; cached comparisons handed out for the story's
 * current version only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "unit_store.h"

static px_context *ctx;
static char path[64];

static void remove_store(void) { unit_store_remove(path); }

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/px-test-decide-%ld.db", (long)getpid());
    return px_context_new(&ctx, NULL) == PX_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    remove_store();
    px_context_free(ctx);
    return 0;
}

/* a and b: one flood; c: a budget vote; b2: a near-copy of b; a2: a
 * follow-up of a. */
static const char dump[] =
    "{\"id\":\"a\",\"url\":\"https://x.example/a\",\"outlet\":\"X\",\"date\":\"2021-03-01\","
    "\"title\":\"Flooding closes Danube ports near Vienna\",\"text\":\"Heavy rain flooded the "
    "Danube near Vienna on Monday, closing the ports of Krems and Tulln, said Karin Hofer of the "
    "river authority.\\n\\nShips waited at Linz while water rose 4.5 metres.\"}\n"
    "{\"id\":\"b\",\"url\":\"https://y.example/b\",\"outlet\":\"Y\",\"date\":\"2021-03-01\","
    "\"title\":\"Danube floods: ports of Krems and Tulln closed\",\"text\":\"The Danube flooded "
    "near Vienna, and the ports of Krems and Tulln closed on Monday, Karin Hofer of the river "
    "authority said.\\n\\nShips were held at Linz as the water rose.\"}\n"
    "{\"id\":\"c\",\"url\":\"https://x.example/c\",\"outlet\":\"X\",\"date\":\"2021-03-01\","
    "\"title\":\"Parliament passes budget after all-night session\",\"text\":\"Lawmakers in "
    "Lisbon approved the 2022 budget on Tuesday after an all-night session, Finance Minister "
    "Joao Leao said.\\n\\nThe vote was 116 to 98.\"}\n";

static const char more[] =
    "{\"id\":\"b2\",\"url\":\"https://z.example/b2\",\"outlet\":\"Z\",\"date\":\"2021-03-02\","
    "\"title\":\"Danube floods: ports of Krems and Tulln closed\",\"text\":\"The Danube flooded "
    "near Vienna, and the ports of Krems and Tulln closed on Monday, Karin Hofer of the river "
    "authority said.\\n\\nShips were held at Linz as the water kept rising.\"}\n"
    "{\"id\":\"a2\",\"url\":\"https://w.example/a2\",\"outlet\":\"W\",\"date\":\"2021-03-02\","
    "\"title\":\"Danube ports reopen near Vienna\",\"text\":\"The ports of Krems and Tulln on the "
    "Danube near Vienna reopened on Tuesday after the flooding, Karin Hofer of the river authority "
    "said.\\n\\nShips left Linz as the water fell from 4.5 metres.\"}\n";

static void ingest(px_store *s, const char *text)
{
    px_story_params p;
    px_story_params_default(&p);
    px_ingest *g;
    px_error err;
    assert_int_equal(px_ingest_open(s, &p, 2, &g, &err), PX_OK);
    unit_store_add(ctx, g, text);
    assert_int_equal(px_ingest_close(g, &err), PX_OK);
}

static long long sql_value(px_store *s, const char *sql) { return unit_sql_value(s, sql); }

/* The story of article key. */
static int64_t story_of(px_store *s, const char *key)
{
    px_article *a;
    int64_t story = 0;
    px_error err;
    assert_int_equal(px_store_article_get(s, ctx, key, &a, &story, &err), PX_OK);
    px_article_free(a);
    return story;
}

static px_store *new_store(void)
{
    remove_store();
    px_store *s;
    px_error err;
    assert_int_equal(px_store_open(path, 0, &s, &err), PX_OK);
    ingest(s, dump);
    assert_int_equal(story_of(s, "a"), 1);
    assert_int_equal(story_of(s, "b"), 1);
    assert_int_equal(story_of(s, "c"), 2);
    return s;
}

static void keep_row(const px_story_row *r, void *ud)
{
    px_story_row *out = ud;
    *out = *r;
    out->title = out->outlets = out->first = out->last = NULL; /* valid during the call only */
}

static int64_t version_of(px_store *s, int64_t story)
{
    px_story_filter f = {.story = story};
    px_story_row r = {0};
    px_error err;
    assert_int_equal(px_store_stories(s, &f, keep_row, &r, NULL, &err), PX_OK);
    assert_int_equal(r.id, story);
    return r.version;
}

/* A move changes the membership, empties the story left (listed no more,
 * its id kept, reading it says where its articles went), bumps both
 * versions and is recorded with its time; explain's row says so. */
static void move_records_and_bumps(void **state)
{
    (void)state;
    px_store *s = new_store();
    int64_t v1 = version_of(s, 1), v2 = version_of(s, 2);
    int64_t from = 0;
    px_error err;
    time_t before = time(NULL);
    assert_int_equal(px_store_story_move(s, ctx, "c", 1, &from, &err), PX_OK);
    assert_int_equal(from, 2);
    assert_int_equal(story_of(s, "c"), 1);
    assert_true(version_of(s, 1) > v1);
    assert_int_equal(sql_value(s, "SELECT size FROM stories WHERE id = 2"), 0);
    assert_true(sql_value(s, "SELECT version FROM stories WHERE id = 2") > v2);
    assert_int_equal(sql_value(s, "SELECT size FROM stories WHERE id = 1"), 3);
    assert_int_equal(sql_value(s, "SELECT count(*) FROM decisions WHERE kind = 'move' AND story = 2"
                                  " AND other = 1 AND article = 3"), 1);
    assert_true(sql_value(s, "SELECT time FROM decisions") >= (long long)before);
    px_article **arts;
    size_t n;
    assert_int_equal(px_store_story_articles(s, ctx, 2, &arts, &n, &err), PX_EUSAGE);
    assert_contains(err.message, "story 2 has no articles: they went to story 1");
    px_article *a;
    px_membership_row m;
    assert_int_equal(px_store_article(s, ctx, "c", &a, &m, &err), PX_OK);
    assert_string_equal(m.manual, "move");
    assert_int_equal(m.added_to, 2);
    assert_int_equal(m.manual_from, 2);
    assert_int_equal(m.manual_to, 1);
    px_article_free(a);
    px_store_close(s);
}

/* A merge moves every article, keeps the story merged into (its id and
 * title) and adds the two saved states; a split makes a new story past
 * every id, titled after its first article. */
static void merge_and_split(void **state)
{
    (void)state;
    px_store *s = new_store();
    px_error err;
    int64_t created = 0;
    const char *const out[] = {"b"};
    assert_int_equal(px_store_story_split(s, ctx, 1, out, 1, &created, &err), PX_OK);
    assert_int_equal(created, 3);
    assert_int_equal(story_of(s, "b"), 3);
    assert_int_equal(story_of(s, "a"), 1);
    assert_int_equal(sql_value(s, "SELECT title = 'Danube floods: ports of Krems and Tulln closed'"
                                  " FROM stories WHERE id = 3"), 1);
    px_story st;
    assert_int_equal(px_store_story_state(s, 1, &st, &err), PX_OK);
    assert_int_equal(st.size, 1);
    assert_int_equal(st.members.len, 1);
    assert_int_equal(st.members.items[0].article, 1); /* b no longer a member of 1 */
    px_story_free(&st);
    assert_int_equal(px_store_story_merge(s, 2, 3, &err), PX_OK);
    assert_int_equal(story_of(s, "b"), 2);
    assert_int_equal(sql_value(s, "SELECT size FROM stories WHERE id = 3"), 0);
    assert_int_equal(sql_value(s, "SELECT title = 'Parliament passes budget after all-night session'"
                                  " FROM stories WHERE id = 2"), 1);
    assert_int_equal(px_store_story_state(s, 2, &st, &err), PX_OK);
    assert_int_equal(st.size, 2);
    px_story_free(&st);
    /* a split after a merge still gets a new id: 3 is never given again */
    const char *const back[] = {"b"};
    assert_int_equal(px_store_story_split(s, ctx, 2, back, 1, &created, &err), PX_OK);
    assert_int_equal(created, 4);
    assert_int_equal(sql_value(s, "SELECT count(*) FROM decisions"), 3);
    px_store_close(s);
}

/* Wrong decisions are refused with a message naming what is wrong, and
 * change nothing: no decision recorded, no version bumped. */
static void wrong_decisions_change_nothing(void **state)
{
    (void)state;
    px_store *s = new_store();
    px_error err;
    long long versions = sql_value(s, "SELECT sum(version) FROM stories");
    assert_int_equal(px_store_story_merge(s, 1, 1, &err), PX_EUSAGE);
    assert_contains(err.message, "story 1 twice");
    assert_int_equal(px_store_story_merge(s, 1, 7, &err), PX_EUSAGE);
    assert_contains(err.message, "no story 7");
    assert_int_equal(px_store_story_move(s, ctx, "a", 1, NULL, &err), PX_EUSAGE);
    assert_contains(err.message, "article 'a' is already in story 1");
    assert_int_equal(px_store_story_move(s, ctx, "zz", 1, NULL, &err), PX_EUSAGE);
    assert_contains(err.message, "no article 'zz'");
    assert_int_equal(px_store_story_move(s, ctx, "a", 9, NULL, &err), PX_EUSAGE);
    const char *const both[] = {"a", "b"}, *const twice[] = {"a", "a"}, *const other[] = {"c"};
    assert_int_equal(px_store_story_split(s, ctx, 1, both, 2, NULL, &err), PX_EUSAGE);
    assert_contains(err.message, "leave it empty");
    assert_int_equal(px_store_story_split(s, ctx, 1, twice, 2, NULL, &err), PX_EUSAGE);
    assert_contains(err.message, "given twice");
    assert_int_equal(px_store_story_split(s, ctx, 1, other, 1, NULL, &err), PX_EUSAGE);
    assert_contains(err.message, "article 'c' is in story 2, not 1");
    char big[1100];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    const char *bad[] = {"", "tab\there", "\xff\xfe", big};
    for (size_t i = 0; i < 4; i++) assert_int_equal(px_store_story_rename(s, 1, bad[i], &err), PX_EUSAGE);
    assert_int_equal(px_store_story_rename(s, 5, "Fine", &err), PX_EUSAGE);
    assert_int_equal(px_store_story_merge(NULL, 1, 2, &err), PX_EUSAGE);
    assert_int_equal(sql_value(s, "SELECT count(*) FROM decisions"), 0);
    assert_int_equal(sql_value(s, "SELECT sum(version) FROM stories"), versions);
    assert_int_equal(story_of(s, "c"), 2);
    px_store_close(s);
}

/* Later grouping follows the decisions: after b is split out, its
 * near-copy joins b's new story (with b still in story 1 it joins 1: the
 * control), a follow-up of a joins story 1, and story 1's title set by
 * hand stays. */
static void grouping_respects_decisions(void **state)
{
    (void)state;
    px_store *s = new_store();
    ingest(s, more);
    assert_int_equal(story_of(s, "b2"), 1); /* the control */
    px_store_close(s);

    s = new_store();
    px_error err;
    int64_t created;
    const char *const out[] = {"b"};
    assert_int_equal(px_store_story_split(s, ctx, 1, out, 1, &created, &err), PX_OK);
    assert_int_equal(px_store_story_rename(s, 1, "Vienna floods", &err), PX_OK);
    ingest(s, more);
    assert_int_equal(story_of(s, "b2"), created);
    assert_int_equal(story_of(s, "a2"), 1);
    assert_int_equal(sql_value(s, "SELECT title = 'Vienna floods' FROM stories WHERE id = 1"), 1);
    /* a merged-away story is not restored into grouping */
    assert_int_equal(px_store_story_merge(s, 1, created, &err), PX_OK);
    ingest(s, "{\"id\":\"b3\",\"url\":\"https://v.example/b3\",\"outlet\":\"V\",\"date\":\"2021-03-02\","
              "\"title\":\"Danube floods: ports of Krems and Tulln closed\",\"text\":\"The Danube "
              "flooded near Vienna, and the ports of Krems and Tulln closed on Monday, Karin Hofer of "
              "the river authority said.\\n\\nShips were held at Linz as the water went on rising.\"}\n");
    assert_int_equal(story_of(s, "b3"), 1);
    px_store_close(s);
}

/* The cache hands out a comparison for the story's current version only;
 * a put for a version the story has left stores nothing; a put while a
 * writer holds the store is skipped at once. */
static void comparisons_per_version(void **state)
{
    (void)state;
    px_store *s = new_store();
    px_error err;
    char *body;
    size_t len;
    int64_t v;
    assert_int_equal(px_store_comparison_get(s, 1, "json", &v, &body, &len, &err), PX_OK);
    assert_null(body);
    assert_int_equal(v, version_of(s, 1));
    assert_int_equal(px_store_comparison_put(s, 1, v, "json", "{\"x\":1}", 7, &err), PX_OK);
    assert_int_equal(px_store_comparison_get(s, 1, "json", NULL, &body, &len, &err), PX_OK);
    assert_non_null(body);
    assert_int_equal(len, 7);
    assert_string_equal(body, "{\"x\":1}");
    free(body);
    assert_int_equal(px_store_comparison_get(s, 1, "text", NULL, &body, &len, &err), PX_OK);
    assert_null(body); /* another kind */
    assert_int_equal(px_store_story_rename(s, 1, "Renamed", &err), PX_OK);
    assert_int_equal(px_store_comparison_get(s, 1, "json", NULL, &body, &len, &err), PX_OK);
    assert_null(body); /* stale after the change */
    assert_int_equal(px_store_comparison_put(s, 1, v, "json", "old", 3, &err), PX_OK);
    assert_int_equal(sql_value(s, "SELECT count(*) FROM comparisons WHERE body = 'old'"), 0);
    assert_int_equal(px_store_comparison_get(s, 9, "json", NULL, &body, &len, &err), PX_EUSAGE);
    assert_int_equal(px_store_comparison_get(s, 1, "", NULL, &body, &len, &err), PX_EUSAGE);
    /* another connection writing: the put returns at once, storing nothing */
    px_store *w;
    assert_int_equal(px_store_open(path, 0, &w, &err), PX_OK);
    assert_int_equal(px_store_begin(w, &err), PX_OK);
    int64_t now = version_of(s, 1);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(px_store_comparison_put(s, 1, now, "json", "busy", 4, &err), PX_OK);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_true((t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9 < 2.0);
    px_store_rollback(w);
    px_store_close(w);
    assert_int_equal(px_store_comparison_get(s, 1, "json", NULL, &body, &len, &err), PX_OK);
    assert_null(body);
    assert_int_equal(px_store_comparison_put(s, 1, now, "json", "new", 3, &err), PX_OK);
    assert_int_equal(px_store_comparison_get(s, 1, "json", NULL, &body, &len, &err), PX_OK);
    assert_string_equal(body, "new");
    free(body);
    px_store_close(s);
}

/* A store made before versions and decisions gets the columns on opening. */
static void older_stores_get_versions(void **state)
{
    (void)state;
    remove_store();
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE stories(id INTEGER PRIMARY KEY, title TEXT,"
                                      " size INTEGER NOT NULL, first_day INTEGER, last_day INTEGER,"
                                      " state BLOB NOT NULL)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    px_store *s;
    px_error err;
    assert_int_equal(px_store_open(path, 0, &s, &err), PX_OK);
    assert_int_equal(sql_value(s, "SELECT count(*) FROM pragma_table_info('stories') WHERE name = 'version'"), 1);
    assert_int_equal(sql_value(s, "SELECT count(*) FROM pragma_table_info('memberships')"
                                  " WHERE name IN ('decision', 'added_to')"), 2);
    ingest(s, dump);
    assert_true(version_of(s, 1) > 0);
    px_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(move_records_and_bumps),
        cmocka_unit_test(merge_and_split),
        cmocka_unit_test(wrong_decisions_change_nothing),
        cmocka_unit_test(grouping_respects_decisions),
        cmocka_unit_test(comparisons_per_version),
        cmocka_unit_test(older_stores_get_versions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
