/*
 * test_store.c — the SQLite store and the ingest on top of it: articles
 * and stories written, the same article twice recognised (by URL and by
 * body), a reopened store resuming its stories, full-text search, the
 * re-read article, a file that is not a store refused, and the
 * settings a new store is made with.
 */
#include <stdio.h>
#include <unistd.h>

#include "unit_store.h"

static px_context *ctx;
static char path[64];

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/px-test-store-%ld.db", (long)getpid());
    return px_context_new(&ctx, NULL) == PX_OK ? 0 : -1;
}

static void remove_store(void) { unit_store_remove(path); }

static int teardown(void **state)
{
    (void)state;
    remove_store();
    px_context_free(ctx);
    return 0;
}

static const char dump[] =
    "{\"id\":\"a\",\"url\":\"https://x.example/a\",\"outlet\":\"X\",\"date\":\"2021-03-01\","
    "\"title\":\"Flooding closes Danube ports near Vienna\",\"text\":\"Heavy rain flooded the "
    "Danube near Vienna on Monday, closing the ports of Krems and Tulln, said Karin Hofer of the "
    "river authority.\\n\\nShips waited at Linz while water rose 4.5 metres.\"}\n"
    "{\"id\":\"b\",\"url\":\"https://y.example/b\",\"outlet\":\"Y\",\"date\":\"2021-03-01\","
    "\"title\":\"Danube floods: ports of Krems and Tulln closed\",\"text\":\"The Danube flooded "
    "near Vienna, and the ports of Krems and Tulln closed on Monday, Karin Hofer of the river "
    "authority said.\\n\\nShips were held at Linz as the water rose.\"}\n"
    "{\"id\":\"c\",\"url\":\"https://x.example/c\",\"outlet\":\"X\",\"date\":\"2021-06-15\","
    "\"title\":\"Parliament passes budget after all-night session\",\"text\":\"Lawmakers in "
    "Lisbon approved the 2022 budget on Tuesday after an all-night session, Finance Minister "
    "Joao Leao said.\\n\\nThe vote was 116 to 98.\"}\n";

/* Adds the articles of a JSON Lines text to g. */
static void add_all(px_ingest *g, const char *text) { unit_store_add(ctx, g, text); }

static px_status ingest(px_store *s, const char *text, px_ingest_stats *stats)
{
    px_story_params p;
    px_story_params_default(&p);
    px_ingest *g;
    px_error err;
    assert_int_equal(px_ingest_open(s, &p, 2, &g, &err), PX_OK);
    add_all(g, text);
    *stats = *px_ingest_stats_of(g);
    return px_ingest_close(g, &err);
}

static void count_story(const px_story_row *r, void *ud)
{
    (void)r;
    (*(int *)ud)++;
}

static void first_hit(const px_search_hit *h, void *ud)
{
    if (!*(char *)ud) snprintf(ud, 16, "%s", h->id);
}

/* A new store at path with the dump ingested. */
static px_store *new_store_of_dump(px_ingest_stats *st)
{
    remove_store();
    px_store *s;
    px_error err;
    assert_int_equal(px_store_open(path, 0, &s, &err), PX_OK);
    assert_int_equal(ingest(s, dump, st), PX_OK);
    return s;
}

static void store_groups_and_skips_duplicates(void **state)
{
    (void)state;
    px_ingest_stats st;
    px_store *s = new_store_of_dump(&st);
    px_error err;
    assert_int_equal(st.added, 3);
    assert_int_equal(st.stories, 2);
    assert_int_equal(px_store_count(s, "articles"), 3);
    assert_int_equal(px_store_count(s, "memberships"), 3);
    int stories = 0;
    assert_int_equal(px_store_stories(s, NULL, count_story, &stories, NULL, &err), PX_OK);
    assert_int_equal(stories, 2);
    stories = 0;
    px_story_filter since = {.from = "2021-06-01"};
    assert_int_equal(px_store_stories(s, &since, count_story, &stories, NULL, &err), PX_OK);
    assert_int_equal(stories, 1);
    char hit[16] = "";
    assert_int_equal(px_store_search(s, "budget", 0, 5, first_hit, hit, NULL, &err), PX_OK);
    assert_string_equal(hit, "c");
    assert_int_equal(px_store_search(s, "\"unbalanced", PX_SEARCH_ADVANCED, 5, first_hit, hit,
                                     NULL, &err), PX_EUSAGE);
    px_store_close(s);

    /* reopened: everything is already there; the same body under another URL too */
    assert_int_equal(px_store_open(path, 1, &s, &err), PX_OK);
    assert_int_equal(ingest(s, dump, &st), PX_OK);
    assert_int_equal(st.added, 0);
    assert_int_equal(st.duplicates, 3);
    assert_true(st.restored >= 1); /* the stories in the window were taken up */
    char moved[2048];
    snprintf(moved, sizeof moved, "%.*s", (int)(strchr(dump, '\n') - dump + 1), dump);
    char *url = strstr(moved, "x.example/a");
    memcpy(url, "z.example/q", 11);
    assert_int_equal(ingest(s, moved, &st), PX_OK);
    assert_int_equal(st.duplicates, 1);
    /* a new report of the budget joins the budget's story, restored from the store */
    const char *more =
        "{\"id\":\"d\",\"url\":\"https://w.example/d\",\"outlet\":\"W\",\"date\":\"2021-06-16\","
        "\"title\":\"Lisbon lawmakers pass 2022 budget, 116 to 98\",\"text\":\"Portugal's "
        "parliament in Lisbon passed the 2022 budget 116 to 98 after an all-night session, "
        "Finance Minister Joao Leao said on Tuesday.\"}\n";
    assert_int_equal(ingest(s, more, &st), PX_OK);
    assert_int_equal(st.added, 1);
    assert_int_equal(st.stories, 0);
    px_article *a;
    px_membership_row m;
    assert_int_equal(px_store_article(s, ctx, "d", &a, &m, &err), PX_OK);
    assert_string_equal(px_article_outlet(a), "W");
    assert_false(m.created);
    assert_true(m.match.score >= m.threshold);
    px_article *first;
    px_membership_row m0;
    assert_int_equal(px_store_article(s, ctx, "https://x.example/c", &first, &m0, &err), PX_OK);
    assert_int_equal(m.story, m0.story);
    px_article_free(first);
    px_story story;
    assert_int_equal(px_store_story_state(s, m.story, &story, &err), PX_OK);
    assert_int_equal(story.size, 2);
    px_story_free(&story);
    px_article **arts;
    size_t n;
    assert_int_equal(px_store_story_articles(s, ctx, m.story, &arts, &n, &err), PX_OK);
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++) px_article_free(arts[i]);
    free(arts);
    px_article_free(a);
    assert_int_equal(px_store_article(s, ctx, "nope", &a, &m, &err), PX_EUSAGE);
    px_store_close(s);
}

static void other_files_are_refused(void **state)
{
    (void)state;
    remove_store();
    px_store *s;
    px_error err;
    assert_int_equal(px_store_open(path, 1, &s, &err), PX_EIO); /* read-only: must exist */
    FILE *f = fopen(path, "w");
    fputs("not a database at all, just text", f);
    fclose(f);
    assert_int_not_equal(px_store_open(path, 0, &s, &err), PX_OK);
    assert_null(s);
    /* an empty file is not a store, and is left empty */
    fclose(fopen(path, "w"));
    assert_int_equal(px_store_open(path, 0, &s, &err), PX_EINPUT);
    assert_contains(err.message, "not a parallax store: an empty file");
    FILE *e = fopen(path, "r");
    assert_int_equal(fgetc(e), EOF);
    fclose(e);
    remove_store();
}

/* The first column of the first row of sql. */
static long long sql_value(px_store *s, const char *sql) { return unit_sql_value(s, sql); }

static long long pragma(px_store *s, const char *name)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA %s", name);
    return sql_value(s, sql);
}

/* A store with a page zeroed is refused on opening, as damaged, with the
 * way to recover; the full check says the same of a sound store's twin. */
static void damaged_stores_are_refused(void **state)
{
    (void)state;
    px_ingest_stats st;
    px_store *s = new_store_of_dump(&st);
    px_error err;
    assert_int_equal(px_store_check(s, &err), PX_OK);
    long long pages = pragma(s, "page_count");
    px_store_close(s);
    assert_true(pages >= 4);
    FILE *f = fopen(path, "r+b");
    char zero[8192] = {0};
    fseek(f, (long)(pages / 2) * 8192, SEEK_SET);
    fwrite(zero, 1, sizeof zero, f);
    fclose(f);
    assert_int_equal(px_store_open(path, 0, &s, &err), PX_EINPUT);
    assert_null(s);
    assert_contains(err.message, "the store is damaged");
    assert_contains(err.message, ".recover");
    remove_store();
}

/* A new store at path and an ingest into it, batch articles a commit. */
static px_ingest *new_ingest(size_t batch, px_store **s)
{
    remove_store();
    px_error err;
    assert_int_equal(px_store_open(path, 0, s, &err), PX_OK);
    px_story_params p;
    px_story_params_default(&p);
    px_ingest *g;
    assert_int_equal(px_ingest_open(*s, &p, batch, &g, &err), PX_OK);
    return g;
}

/* A store that cannot grow (max_page_count: a full disk as SQLite sees
 * it): the write fails, the open transaction is rolled back, and the
 * committed counts are exactly what the store holds, while the running
 * counts were ahead. */
static void committed_counts_are_what_is_stored(void **state)
{
    (void)state;
    px_store *s;
    px_error err;
    px_ingest *g = new_ingest(2, &s);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld", pragma(s, "page_count") + 2);
    assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
    px_status rc = PX_OK;
    for (int i = 0; i < 400 && !rc; i++) {
        char line[512];
        snprintf(line, sizeof line,
                 "{\"id\":\"n%d\",\"url\":\"https://x.example/%d\",\"title\":\"Storm number %d "
                 "hits town %d\",\"text\":\"A storm numbered %d hit the town of Place%d on "
                 "Monday, said mayor Person%d, and %d roofs were lost.\"}\n", i, i, i, i, i, i, i, i);
        FILE *f = fmemopen(line, strlen(line), "r");
        px_reader *r;
        px_article *a;
        px_analysis *an;
        assert_int_equal(px_reader_open_stream(ctx, f, "n.jsonl", PX_FORMAT_JSONL, &r, &err), PX_OK);
        assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
        assert_int_equal(px_analyze(ctx, a, &an, &err), PX_OK);
        int added;
        rc = px_ingest_add(g, ctx, a, an, &added, &err);
        px_analysis_free(an);
        px_article_free(a);
        px_reader_close(r);
        fclose(f);
    }
    assert_int_not_equal(rc, PX_OK); /* the store filled up */
    const px_ingest_stats *now = px_ingest_stats_of(g), *kept = px_ingest_committed(g);
    assert_true(now->added > kept->added);
    assert_int_equal((int64_t)kept->added, px_store_count(s, "articles"));
    assert_int_equal((int64_t)kept->stories, px_store_count(s, "stories"));
    int64_t added = (int64_t)kept->added;
    assert_int_not_equal(px_ingest_finish(g, &err), PX_OK);
    assert_int_equal(px_ingest_close(g, &err), PX_OK);
    assert_int_equal(added, px_store_count(s, "articles"));
    px_store_close(s);
    remove_store();
}

/* A new store: 8 KiB pages, a 64 MiB cache, WAL checkpointed every 4,000
 * pages, synchronous=NORMAL, an FTS5 index that merges 16 segments at a
 * time and flushes every 8 MiB (store.c says why); reopened, the same. */
static void new_store_settings(void **state)
{
    (void)state;
    remove_store();
    px_store *s;
    px_error err;
    for (int round = 0; round < 2; round++) {
        assert_int_equal(px_store_open(path, round, &s, &err), PX_OK);
        assert_int_equal(pragma(s, "page_size"), 8192);
        assert_int_equal(pragma(s, "cache_size"), -65536);
        assert_int_equal(pragma(s, "wal_autocheckpoint"), 4000);
        assert_int_equal(pragma(s, "synchronous"), 1);
        assert_int_equal(sql_value(s, "SELECT v FROM articles_fts_config WHERE k = 'automerge'"), 16);
        assert_int_equal(sql_value(s, "SELECT v FROM articles_fts_config WHERE k = 'hashsize'"),
                         8388608);
        px_store_close(s);
    }
    remove_store();
}

/* Makes the file at path with sql, as an older version left it. */
static void older_store(const char *sql)
{
    remove_store();
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* A store made before memberships recorded whether only places were
 * shared gets the column on opening; every measured decision fills it,
 * and px_store_article() reads it back for `parallax explain`. */
static void older_memberships_get_places(void **state)
{
    (void)state;
    older_store("CREATE TABLE memberships(article_id INTEGER PRIMARY KEY,"
                " story_id INTEGER NOT NULL, created INTEGER NOT NULL,"
                " copy_of INTEGER, best_story INTEGER, score REAL,"
                " terms REAL, specifics REAL, quotes REAL, gap INTEGER,"
                " threshold REAL)");
    px_store *s;
    px_error err;
    assert_int_equal(px_store_open(path, 0, &s, &err), PX_OK);
    assert_int_equal(sql_value(s, "SELECT count(*) FROM pragma_table_info('memberships')"
                                 " WHERE name = 'places'"), 1);
    px_ingest_stats st;
    assert_int_equal(ingest(s, dump, &st), PX_OK);
    assert_true(sql_value(s, "SELECT count(*) FROM memberships WHERE score IS NOT NULL") > 0);
    assert_int_equal(sql_value(s, "SELECT count(*) FROM memberships"
                                 " WHERE score IS NOT NULL AND places IS NULL"), 0);
    assert_int_equal(sqlite3_exec(s->db, "UPDATE memberships SET places = 1", NULL, NULL, NULL),
                     SQLITE_OK);
    px_article *a;
    px_membership_row m;
    assert_int_equal(px_store_article(s, ctx, "c", &a, &m, &err), PX_OK);
    assert_int_equal(m.match.places_only, 1);
    px_article_free(a);
    px_store_close(s);
    remove_store();
}

/* URLs and input ids are indexed by px_hash(), stored in every store: its
 * value must not change.  A new store has the key indexes and no index
 * of the URL's text; the same URL is still skipped, and `explain`'s lookup
 * finds an article by input id, by URL and by row id. */
static void urls_and_ids_are_indexed_by_key(void **state)
{
    (void)state;
    /* FNV-1a 64 of the URL, computed apart from px_hash() */
    assert_int_equal(px_store_key("https://x.example/a"), (int64_t)0x45490625fce8e8d4ULL);
    px_ingest_stats st;
    px_store *s = new_store_of_dump(&st);
    px_error err;
    assert_int_equal(sql_value(s, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                 " AND name IN ('articles_url_key', 'articles_ext_key')"), 2);
    assert_int_equal(sql_value(s, "SELECT count(*) FROM pragma_index_list('articles')"
                                 " WHERE origin = 'u'"), 1); /* the fingerprint's only */
    assert_int_equal(sql_value(s, "SELECT url_key FROM articles WHERE ext_id = 'a'"),
                     px_store_key("https://x.example/a"));
    assert_true(px_store_find_url(s, "https://x.example/a") > 0);
    assert_int_equal(px_store_find_url(s, "https://x.example/z"), 0);
    const char *keys[] = {"b", "https://y.example/b", "2"};
    for (size_t i = 0; i < 3; i++) {
        px_article *a;
        px_membership_row m;
        assert_int_equal(px_store_article(s, ctx, keys[i], &a, &m, &err), PX_OK);
        assert_non_null(a);
        assert_string_equal(px_article_id(a), "b");
        px_article_free(a);
    }
    px_store_close(s);
    remove_store();
}

/* A store made before the key columns (url UNIQUE, an index of ext_id)
 * gets them, filled, on opening; its ext_id index goes. */
static void older_articles_get_keys(void **state)
{
    (void)state;
    older_store("CREATE TABLE articles(id INTEGER PRIMARY KEY, ext_id TEXT,"
                " url TEXT UNIQUE, fingerprint INTEGER NOT NULL UNIQUE,"
                " source_id INTEGER, title TEXT, byline TEXT, date TEXT,"
                " day INTEGER, language TEXT, origin TEXT, text TEXT NOT NULL);"
                "CREATE INDEX articles_ext_id ON articles(ext_id);"
                "INSERT INTO articles(ext_id, url, fingerprint, text)"
                " VALUES ('old', 'https://x.example/old', 7, 'Text.');");
    px_store *s;
    px_error err;
    assert_int_equal(px_store_open(path, 0, &s, &err), PX_OK);
    assert_int_equal(sql_value(s, "SELECT ext_key FROM articles"), px_store_key("old"));
    assert_int_equal(sql_value(s, "SELECT count(*) FROM sqlite_master WHERE name = 'articles_ext_id'"),
                     0);
    assert_int_equal(px_store_find_url(s, "https://x.example/old"), 1);
    px_store_close(s);
    remove_store();
}

/* A story quiet for longer than the window is saved and dropped when the
 * stream's clock reaches a later day, inside the open transaction, not at
 * the commit: which stories are candidates must not depend on --batch.
 * The dump's March story has its state saved once the June article is in,
 * with nothing committed yet. */
static void stories_expire_on_the_clock(void **state)
{
    (void)state;
    px_store *s;
    px_error err;
    px_ingest *g = new_ingest(1000, &s);
    add_all(g, dump);
    assert_int_equal(sql_value(s, "SELECT count(*) FROM stories WHERE length(state) > 0"), 1);
    assert_int_equal(sql_value(s, "SELECT size FROM stories WHERE length(state) > 0"), 2);
    assert_int_equal(px_ingest_close(g, &err), PX_OK);
    assert_int_equal(sql_value(s, "SELECT count(*) FROM stories WHERE length(state) > 0"), 2);
    px_store_close(s);
    remove_store();
}

/* What a person types is quoted for FTS5: the query built, word by word. */
static void typed_queries_are_quoted(void **state)
{
    (void)state;
    static const struct { const char *in, *out; size_t terms; } cases[] = {
        {"Ocasio-Cortez", "\"Ocasio-Cortez\"", 1},
        {"Trump's wall", "\"Trump's\" \"wall\"", 2},
        {"U.S.-Mexico", "\"U.S.-Mexico\"", 1},
        {"$8B", "\"$8B\"", 1},
        {"\"unbalanced", "\"unbalanced\"", 1},
        {"Rice AND", "\"Rice\" \"AND\"", 2},
        {"\"a phrase\" wal*", "\"a phrase\" \"wal\"*", 2},
        {"say \"\"\" no", "\"say\" \"no\"", 2},
        {"$ - -- ** \"", "", 0},
        {"", "", 0},
        {"NEAR(a b) title:x", "\"NEAR(a\" \"b)\" \"title:x\"", 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        px_buf b = {0};
        assert_int_equal(px_store_fts_query(cases[i].in, &b), cases[i].terms);
        assert_string_equal(px_buf_str(&b), cases[i].out);
        px_buf_free(&b);
    }
}

static void count_hit(const px_search_hit *h, void *ud)
{
    assert_non_null(h->snippet);
    (*(int *)ud)++;
}

static const char typed[] =
    "{\"id\":\"t1\",\"outlet\":\"Alpha\",\"date\":\"2023-01-05\",\"title\":\"Ocasio-Cortez "
    "criticises Trump's wall funding\",\"text\":\"Alexandria Ocasio-Cortez said that Trump's wall "
    "would cost $8B and harm U.S.-Mexico trade. Rice AND beans were served.\"}\n";

/* Each of these ended in an SQLite error before; now each is searched. */
static void search_never_fails_on_typed_text(void **state)
{
    (void)state;
    remove_store();
    px_store *s;
    px_error err;
    px_ingest_stats st;
    assert_int_equal(px_store_open(path, 0, &s, &err), PX_OK);
    assert_int_equal(ingest(s, typed, &st), PX_OK);
    static const struct { const char *q; int hits; } cases[] = {
        {"Ocasio-Cortez", 1}, {"Trump's wall", 1}, {"U.S.-Mexico", 1}, {"$8B", 1},
        {"\"unbalanced", 0}, {"Rice AND", 1}, {"\"Trump's wall\"", 1}, {"wal*", 1},
        {"$", 0}, {"'", 0}, {"\"", 0}, {"NOT", 0}, {"a OR", 0}, {"(", 0}, {"title:x", 0},
        {"Mexico-U.S.", 0}, {"ocasio cortez", 1}, {"\xe2\x80\xae", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int n = 0;
        size_t found = 99;
        assert_int_equal(px_store_search(s, cases[i].q, 0, 10, count_hit, &n, &found, &err), PX_OK);
        assert_int_equal(n, cases[i].hits);
        assert_int_equal(found, (size_t)n);
        /* the same words filter the story list without an error */
        px_story_filter f = {.query = cases[i].q};
        n = 0;
        assert_int_equal(px_store_stories(s, &f, count_story, &n, NULL, &err), PX_OK);
        assert_int_equal(n, cases[i].hits);
    }
    /* operators behind the advanced syntax; a malformed one is a usage error */
    int n = 0;
    assert_int_equal(px_store_search(s, "rice OR zzz", PX_SEARCH_ADVANCED, 10, count_hit, &n, NULL, &err), PX_OK);
    assert_int_equal(n, 1);
    assert_int_equal(px_store_search(s, "Rice AND", PX_SEARCH_ADVANCED, 10, count_hit, &n, NULL, &err), PX_EUSAGE);
    assert_non_null(strstr(err.message, "Rice AND"));
    /* limits */
    char big[PX_STORE_MAX_QUERY + 2];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = 0;
    assert_int_equal(px_store_search(s, big, 0, 10, count_hit, &n, NULL, &err), PX_EUSAGE);
    assert_int_equal(px_store_search(s, "rice", 0, 0, count_hit, &n, NULL, &err), PX_EUSAGE);
    px_store_close(s);
}

static void collect_story(const px_story_row *r, void *ud)
{
    int64_t *ids = ud;
    ids[++ids[0]] = r->id;
    assert_true(r->articles >= 1);
    assert_true(r->version > 0);
}

static void collect_article(const px_article_row *r, void *ud)
{
    int64_t *ids = ud;
    ids[++ids[0]] = r->row;
}

/* The read side: filters, pages by cursor, orders, outlets, one article. */
static void stories_filter_and_page(void **state)
{
    (void)state;
    px_ingest_stats st;
    px_store *s = new_store_of_dump(&st);
    px_error err;
    int64_t ids[16] = {0};
    px_story_filter f = {.limit = 1};
    char *next = NULL;
    assert_int_equal(px_store_stories(s, &f, collect_story, ids, &next, &err), PX_OK);
    assert_int_equal(ids[0], 1);
    assert_non_null(next); /* a second story follows */
    f.cursor = next;
    char *last = NULL;
    assert_int_equal(px_store_stories(s, &f, collect_story, ids, &last, &err), PX_OK);
    free(next);
    assert_int_equal(ids[0], 2);
    assert_null(last); /* the last page */
    assert_true(ids[1] != ids[2]);
    /* the most recent first: the budget story (June) */
    px_story_filter g = {.outlet = "Y"};
    int64_t y[16] = {0};
    assert_int_equal(px_store_stories(s, &g, collect_story, y, NULL, &err), PX_OK);
    assert_int_equal(y[0], 1);
    assert_int_equal(y[1], ids[2]);
    px_story_filter h = {.to = "2021-04-01", .language = "en"};
    int64_t z[16] = {0};
    assert_int_equal(px_store_stories(s, &h, collect_story, z, NULL, &err), PX_OK);
    assert_int_equal(z[0], 1);
    assert_int_equal(z[1], ids[2]);
    px_story_filter largest = {.order = PX_STORIES_LARGEST};
    int64_t l[16] = {0};
    assert_int_equal(px_store_stories(s, &largest, collect_story, l, NULL, &err), PX_OK);
    assert_int_equal(l[1], ids[2]); /* two articles before one */
    /* refused: bad dates, cursors, limits */
    const char *bad_cursors[] = {"", "x", "1", "1.", ".1", "1.0", "1.-3", "1.2x", "99999999999999999999.1"};
    for (size_t i = 0; i < sizeof bad_cursors / sizeof *bad_cursors; i++) {
        px_story_filter b = {.cursor = bad_cursors[i]};
        assert_int_equal(px_store_stories(s, &b, collect_story, l, NULL, &err), PX_EUSAGE);
    }
    px_story_filter bd = {.from = "2021-13-01"};
    assert_int_equal(px_store_stories(s, &bd, collect_story, l, NULL, &err), PX_EUSAGE);
    px_story_filter bl = {.limit = PX_STORE_MAX_LIMIT + 1};
    assert_int_equal(px_store_stories(s, &bl, collect_story, l, NULL, &err), PX_EUSAGE);
    /* a story's articles in order; an outlet's newest first, paged */
    int64_t a[16] = {0};
    px_article_filter af = {.story = ids[2]};
    assert_int_equal(px_store_articles(s, &af, collect_article, a, NULL, &err), PX_OK);
    assert_int_equal(a[0], 2);
    assert_true(a[1] < a[2]);
    int64_t o[16] = {0};
    px_article_filter of = {.outlet = "X", .limit = 1};
    assert_int_equal(px_store_articles(s, &of, collect_article, o, &next, &err), PX_OK);
    assert_non_null(next);
    of.cursor = next;
    assert_int_equal(px_store_articles(s, &of, collect_article, o, &last, &err), PX_OK);
    free(next);
    assert_null(last);
    assert_int_equal(o[0], 2);
    assert_true(o[1] > o[2]);
    /* one article, by its id; none by another */
    px_article *art;
    int64_t story = 0;
    assert_int_equal(px_store_article_get(s, ctx, "c", &art, &story, &err), PX_OK);
    assert_string_equal(px_article_outlet(art), "X");
    assert_int_equal(story, ids[1]);
    px_article_free(art);
    assert_int_equal(px_store_article_get(s, ctx, "nope", &art, &story, &err), PX_EUSAGE);
    assert_null(art);
    px_store_close(s);
}

static void count_outlet(const px_outlet_row *r, void *ud)
{
    int *n = ud;
    if (n[0]++ == 0) {
        assert_string_equal(r->name, "X");
        assert_int_equal(r->articles, 2);
        assert_int_equal(r->stories, 2);
    }
}

static void outlets_are_listed(void **state)
{
    (void)state;
    px_ingest_stats st;
    px_store *s = new_store_of_dump(&st);
    px_error err;
    int n[1] = {0};
    assert_int_equal(px_store_outlets(s, count_outlet, n, &err), PX_OK);
    assert_int_equal(n[0], 2);
    px_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(store_groups_and_skips_duplicates),
        cmocka_unit_test(other_files_are_refused),
        cmocka_unit_test(damaged_stores_are_refused),
        cmocka_unit_test(committed_counts_are_what_is_stored),
        cmocka_unit_test(new_store_settings),
        cmocka_unit_test(older_memberships_get_places),
        cmocka_unit_test(stories_expire_on_the_clock),
        cmocka_unit_test(urls_and_ids_are_indexed_by_key),
        cmocka_unit_test(older_articles_get_keys),
        cmocka_unit_test(typed_queries_are_quoted),
        cmocka_unit_test(search_never_fails_on_typed_text),
        cmocka_unit_test(stories_filter_and_page),
        cmocka_unit_test(outlets_are_listed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
