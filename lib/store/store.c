/*
 * store.c — opening the store, its schema, and the writes of ingest
 * (store.h; the schema is documented in docs/store.md).
 *
 * Durability: WAL journal with synchronous=NORMAL.  A transaction that
 * committed survives a crash of the process (kill -9) — the WAL is in the
 * file system, only a power loss can cost the last transactions — and one
 * that did not commit leaves no trace, which is what makes ingest
 * resumable: every article is written in the same transaction as its
 * membership and its story's state.
 *
 * Pages of 8 KiB (a new store; an existing one keeps its size), a page
 * cache of 64 MiB and a checkpoint every 4,000 WAL pages.  `add` inserts
 * into three indexes of random keys (url, fingerprint, input id) and an
 * FTS5 index that merges its segments; with SQLite's defaults (4 KiB
 * pages, 2 MiB of cache, a checkpoint every 1,000 pages) it made 7.4
 * pread() and 9.7 pwrite() calls per article (strace, 20,000 stream
 * articles into a new store); with 8 KiB pages and 16 MiB, 1.0 and 3.3.
 * The random indexes grow with the store, though, and once they outgrow
 * the cache every insert reads and rewrites a page of its own: adding
 * 20,000 articles to a store of 300,000 made 5.2 preads and 8.0 pwrites
 * an article with 16 MiB and 1,000-article transactions, 1.9 and 3.8
 * with 64 MiB and 5,000 (more inserts share a page before it is
 * written).  The cache is a bound of its own, whatever the store's size.
 *
 * So that the indexes stay small, a URL and an input id are indexed by a
 * 64-bit hash of their text (url_key, ext_key; a lookup compares the text
 * too, so a collision costs a row read, never a wrong answer): an entry
 * is about 18 bytes whatever the URL's length, where an index of the text
 * took 38 for the stream's short URLs and takes over 90 for real ones.
 * Uniqueness of URLs is kept by ingest, which looks up before it inserts,
 * not by a constraint.
 *
 * FTS5 keeps its index as segments it merges as they pile up; with its
 * defaults (merge 4 segments of a level, flush its pending terms every
 * MiB) the merging was a sixth of the instructions of adding 5,000
 * articles to a store of 300,000 (callgrind).  A new store merges 16
 * segments of a level at a time and flushes every 8 MiB, so each term is
 * rewritten about half as often; a query reads more segments (on the
 * 1,000,000-article stream's store a search took 0.2 to 1.3 s, the most
 * for "shooting", which ranks a match in most articles).  These are FTS5
 * settings stored with the table, so they are set once, when the store
 * is made.
 *
 * Health.  Every open checks the store before anything is written: an
 * empty file or one that is not SQLite is refused ("not a parallax
 * store"), the schema must read, and a store of up to
 * PX_STORE_QUICK_PAGES pages is quick_checked whole (every page's
 * structure; not the indexes against the tables, which integrity_check,
 * px_store_check(), adds).  A larger store is not read whole on open (that
 * would cost seconds per GB on every command); SQLite checks each page as
 * it reads it, and any SQLITE_CORRUPT met later is reported as damage, the
 * transaction rolled back and nothing more written (px_store_fail).
 *
 * The full-text index is an FTS5 table over the articles' title and text,
 * with the articles table as its external content, so the text is stored
 * once and search can still show snippets.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "store/store_private.h"

static const char settings[] =
    "PRAGMA page_size=8192;" /* before the first table: no effect on an existing store */
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA cache_size=-65536;"
    "PRAGMA wal_autocheckpoint=4000;"
    "PRAGMA foreign_keys=ON;";

/* On a new store, made in one transaction with the FTS5 settings: a crash
 * in between leaves no half-made store. */
static const char tables[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB);"
    "CREATE TABLE IF NOT EXISTS sources(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE IF NOT EXISTS articles("
    " id INTEGER PRIMARY KEY, ext_id TEXT, url TEXT, fingerprint INTEGER NOT NULL UNIQUE,"
    " source_id INTEGER REFERENCES sources(id), title TEXT, byline TEXT, date TEXT, day INTEGER,"
    " language TEXT, origin TEXT, text TEXT NOT NULL, url_key INTEGER, ext_key INTEGER);"
    "CREATE TABLE IF NOT EXISTS analyses("
    " article_id INTEGER PRIMARY KEY REFERENCES articles(id), words INTEGER, sentences INTEGER,"
    " entities INTEGER, quotes INTEGER, numbers INTEGER, simhash INTEGER);"
    "CREATE TABLE IF NOT EXISTS stories("
    " id INTEGER PRIMARY KEY, title TEXT, size INTEGER NOT NULL, first_day INTEGER,"
    " last_day INTEGER, state BLOB NOT NULL, version INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX IF NOT EXISTS stories_last_day ON stories(last_day);"
    "CREATE TABLE IF NOT EXISTS memberships("
    " article_id INTEGER PRIMARY KEY REFERENCES articles(id),"
    " story_id INTEGER NOT NULL REFERENCES stories(id), created INTEGER NOT NULL,"
    " copy_of INTEGER REFERENCES articles(id), best_story INTEGER, score REAL, terms REAL,"
    " specifics REAL, quotes REAL, gap INTEGER, threshold REAL, places INTEGER,"
    " decision INTEGER, added_to INTEGER);"
    "CREATE INDEX IF NOT EXISTS memberships_story ON memberships(story_id);"
    "CREATE TABLE IF NOT EXISTS decisions("
    " id INTEGER PRIMARY KEY, time INTEGER NOT NULL, kind TEXT NOT NULL, story INTEGER NOT NULL,"
    " other INTEGER, article INTEGER, title TEXT);"
    "CREATE INDEX IF NOT EXISTS decisions_story ON decisions(story);"
    "CREATE TABLE IF NOT EXISTS comparisons("
    " story_id INTEGER NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL,"
    " made INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY(story_id, kind)) WITHOUT ROWID;"
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    " title, text, content='articles', content_rowid='id', tokenize='porter unicode61');";

/* After keys() has given an older store the key columns. */
static const char key_indexes[] =
    "CREATE INDEX IF NOT EXISTS articles_url_key ON articles(url_key);"
    "CREATE INDEX IF NOT EXISTS articles_ext_key ON articles(ext_key);";

/* Set once, on a new store, with its tables (see the top of the file). */
static const char fts_settings[] =
    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);"
    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 8388608);";

static const char *const statements[ST_STATEMENTS] = {
    [ST_FIND_URL] = "SELECT id FROM articles WHERE url_key = ?2 AND url = ?1",
    [ST_FIND_FP] = "SELECT id FROM articles WHERE fingerprint = ?1",
    [ST_SOURCE_GET] = "SELECT id FROM sources WHERE name = ?1",
    [ST_SOURCE_PUT] = "INSERT INTO sources(name) VALUES (?1)",
    [ST_ARTICLE] = "INSERT INTO articles(ext_id, url, fingerprint, source_id, title, byline, date,"
                   " day, language, origin, text, ext_key, url_key)"
                   " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
    [ST_ANALYSIS] = "INSERT INTO analyses(article_id, words, sentences, entities, quotes, numbers,"
                    " simhash) VALUES (?1,?2,?3,?4,?5,?6,?7)",
    [ST_FTS] = "INSERT INTO articles_fts(rowid, title, text) VALUES (?1, ?2, ?3)",
    [ST_MEMBER] = "INSERT INTO memberships(article_id, story_id, created, copy_of, best_story,"
                  " score, terms, specifics, quotes, gap, threshold, places)"
                  " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    [ST_STORY_NEW] = "INSERT OR IGNORE INTO stories(id, title, size, first_day, last_day, state)"
                     " VALUES (?1,?2,0,NULL,NULL,x'')",
    [ST_STORY_UPDATE] = "UPDATE stories SET size = ?2, first_day = ?3, last_day = ?4, state = ?5,"
                        " version = version + 1 WHERE id = ?1",
};

/* What to do with a damaged store, after "the store is damaged". */
#define RECOVER "; nothing more is written to it. Keep the file, see what is readable " \
                "with `sqlite3 %s .recover`, and add the inputs again into a new store"

px_status px_store_fail(px_store *s, px_error *err, const char *what)
{
    int code = sqlite3_errcode(s->db) & 0xFF;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
        s->damaged = 1;
        return px_error_set(err, PX_EINPUT, s->path, 0, 0, "the store is damaged (%s: %s)" RECOVER,
                            what, sqlite3_errmsg(s->db), s->path);
    }
    int sys = sqlite3_system_errno(s->db); /* ENOSPC, EFBIG: say which */
    if ((code == SQLITE_IOERR || code == SQLITE_FULL) && sys)
        return px_error_set(err, PX_EIO, s->path, 0, 0, "%s: %s (%s)", what,
                            sqlite3_errmsg(s->db), strerror(sys));
    return px_error_set(err, PX_EIO, s->path, 0, 0, "%s: %s", what, sqlite3_errmsg(s->db));
}

/* What an integrity or quick check says: "ok", or the first problems. */
static px_status run_check(px_store *s, const char *pragma, px_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, pragma, -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "checking the store");
    px_buf found = {0};
    int step, rows = 0;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(q, 0);
        if (v && strcmp(v, "ok") != 0 && rows++ < 3) px_buf_printf(&found, "%s%s", rows > 1 ? "; " : "", v);
    }
    px_status rc = PX_OK;
    if (step != SQLITE_DONE) rc = px_store_fail(s, err, "checking the store");
    else if (rows) {
        s->damaged = 1;
        rc = px_error_set(err, PX_EINPUT, s->path, 0, 0, "the store is damaged (%s%s)" RECOVER,
                          px_buf_str(&found), rows > 3 ? "; ..." : "", s->path);
    }
    sqlite3_finalize(q);
    px_buf_free(&found);
    return rc;
}

/* The health check of every open (see the top of the file): the file's
 * header (by SQLite), the schema, and the whole store when it is small. */
static px_status health(px_store *s, px_error *err)
{
    sqlite3_stmt *q;
    int64_t pages = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA page_count", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW) pages = sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
    }
    if (pages < 0) return px_store_fail(s, err, "reading the store");
    return pages <= PX_STORE_QUICK_PAGES ? run_check(s, "PRAGMA quick_check(4)", err) : PX_OK;
}

px_status px_store_check(px_store *s, px_error *err)
{
    return run_check(s, "PRAGMA integrity_check(4)", err);
}

static int is_store(sqlite3 *db)
{
    /* an empty file or a store; anything else is refused */
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name NOT IN"
                               " ('meta','sources','articles','articles_ext_id','articles_url_key',"
                               "'articles_ext_key','analyses',"
                               "'stories','stories_last_day','memberships','memberships_story',"
                               "'feeds','feed_items','feed_items_url','feed_items_title',"
                               "'decisions','decisions_story','comparisons')"
                               " AND name NOT LIKE 'articles_fts%' AND name NOT LIKE 'sqlite_%'",
                           -1, &q, NULL) != SQLITE_OK)
        return 0;
    int ok = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 0;
    sqlite3_finalize(q);
    return ok;
}

/* 1 when the table has the column, 0 when not, -1 on an error. */
static int has_column(sqlite3 *db, const char *table, const char *column)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2", -1,
                           &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(q, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, column, -1, SQLITE_STATIC);
    int has = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) > 0 : -1;
    sqlite3_finalize(q);
    return has;
}

int64_t px_store_key(const char *s)
{
    return (int64_t)px_hash(s, strlen(s));
}

static void key_function(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    if (s) sqlite3_result_int64(cx, px_store_key(s));
    else sqlite3_result_null(cx);
}

/* Stores made before the key columns (their url had a UNIQUE index, ext_id
 * an index of its own) get the columns, filled, and lose the ext_id index,
 * which nothing reads any more; the url's UNIQUE index stays, as SQLite
 * cannot drop a constraint's index.  0 on success. */
static int add_keys(sqlite3 *db)
{
    int has = has_column(db, "articles", "url_key");
    if (has) return has < 0;
    if (sqlite3_create_function_v2(db, "px_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                   key_function, NULL, NULL, NULL) != SQLITE_OK)
        return 1;
    return sqlite3_exec(db, "BEGIN IMMEDIATE;"
                            "ALTER TABLE articles ADD COLUMN url_key INTEGER;"
                            "ALTER TABLE articles ADD COLUMN ext_key INTEGER;"
                            "UPDATE articles SET url_key = px_key(url), ext_key = px_key(ext_id);"
                            "DROP INDEX IF EXISTS articles_ext_id;"
                            "COMMIT;", NULL, NULL, NULL) != SQLITE_OK;
}

/* 1 when the file holds no table yet: a store being made. */
static int is_new(sqlite3 *db)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &q, NULL) != SQLITE_OK)
        return 0;
    int none = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 0;
    sqlite3_finalize(q);
    return none;
}

/* The tables, on a new store with the FTS5 settings in the same
 * transaction; on an existing one, those it lacks.  0 on success. */
static int make_tables(sqlite3 *db)
{
    if (!is_new(db)) return sqlite3_exec(db, tables, NULL, NULL, NULL) != SQLITE_OK;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) return 1;
    if (sqlite3_exec(db, tables, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, fts_settings, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return 1;
    }
    return 0;
}

/* Stores made before a column get it (NULL in their rows, or the
 * column's default); 0 on success. */
static int add_column(sqlite3 *db, const char *table, const char *column, const char *type)
{
    int has = has_column(db, table, column);
    if (has) return has < 0;
    char sql[256];
    snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN %s %s", table, column, type);
    return sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK;
}

/* The columns added since the first stores: memberships.places (NULL:
 * not recorded), .decision and .added_to (NULL: no decision by hand),
 * stories.version (0 until the story next changes). */
static int add_columns(sqlite3 *db)
{
    return add_column(db, "memberships", "places", "INTEGER") ||
           add_column(db, "memberships", "decision", "INTEGER") ||
           add_column(db, "memberships", "added_to", "INTEGER") ||
           add_column(db, "stories", "version", "INTEGER NOT NULL DEFAULT 0");
}

px_status px_store_open(const char *path, int readonly, px_store **out, px_error *err)
{
    *out = NULL;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0)
        return px_error_set(err, PX_EINPUT, path, 0, 0,
                            "not a parallax store: an empty file (remove it to make a new store "
                            "there)");
    px_store *s = px_xcalloc(1, sizeof *s);
    s->path = px_xstrdup(path);
    int flags = readonly ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    px_status rc = PX_OK;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        rc = px_error_set(err, PX_EIO, path, 0, 0, "cannot open the store: %s",
                          s->db ? sqlite3_errmsg(s->db) : "out of memory");
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 5000);
    if (!is_store(s->db)) {
        int code = sqlite3_errcode(s->db) & 0xFF;
        rc = px_error_set(err, PX_EINPUT, path, 0, 0, "not a parallax store%s",
                          code == SQLITE_NOTADB ? " (not an SQLite database)"
                          : code == SQLITE_CORRUPT ? " (its schema is damaged)"
                                                   : " (it holds other tables)");
        goto fail;
    }
    if ((rc = health(s, err))) goto fail;
    if (sqlite3_exec(s->db, settings, NULL, NULL, NULL) != SQLITE_OK || make_tables(s->db) ||
        add_columns(s->db) || add_keys(s->db) ||
        sqlite3_exec(s->db, key_indexes, NULL, NULL, NULL) != SQLITE_OK) {
        rc = px_store_fail(s, err, "creating the schema");
        goto fail;
    }
    for (int i = 0; i < ST_STATEMENTS; i++)
        if (sqlite3_prepare_v3(s->db, statements[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i],
                               NULL) != SQLITE_OK) {
            rc = px_store_fail(s, err, "preparing a statement");
            goto fail;
        }
    *out = s;
    return PX_OK;
fail:
    px_store_close(s);
    return rc;
}

void px_store_close(px_store *s)
{
    if (!s) return;
    for (int i = 0; i < ST_STATEMENTS; i++) sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    px_map_free(&s->sources);
    free(s->path);
    free(s);
}

px_status px_store_begin(px_store *s, px_error *err)
{
    if (s->damaged)
        return px_error_set(err, PX_EINPUT, s->path, 0, 0, "the store is damaged" RECOVER, s->path);
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "BEGIN");
    return PX_OK;
}

px_status px_store_commit(px_store *s, px_error *err)
{
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "COMMIT");
    return PX_OK;
}

void px_store_rollback(px_store *s)
{
    if (!sqlite3_get_autocommit(s->db)) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Runs a prepared statement to its end; SQLITE_DONE or SQLITE_ROW is fine. */
static int run(sqlite3_stmt *q)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* The id of the first row, 0 when there is none, -1 on an error. */
static int64_t lookup(sqlite3_stmt *q)
{
    int rc = sqlite3_step(q);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : rc == SQLITE_DONE ? 0 : -1;
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return id;
}

int64_t px_store_find_url(px_store *s, const char *url)
{
    sqlite3_bind_text(s->st[ST_FIND_URL], 1, url, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s->st[ST_FIND_URL], 2, px_store_key(url));
    return lookup(s->st[ST_FIND_URL]);
}

int64_t px_store_find(px_store *s, const char *url, uint64_t fingerprint)
{
    int64_t id = url ? px_store_find_url(s, url) : 0;
    if (id) return id; /* found, or -1 */
    sqlite3_bind_int64(s->st[ST_FIND_FP], 1, (int64_t)fingerprint);
    return lookup(s->st[ST_FIND_FP]);
}

static int64_t source_id(px_store *s, const char *name)
{
    if (!name) return 0;
    void *v = px_map_get(&s->sources, name, strlen(name));
    if (v) return (int64_t)(intptr_t)v;
    sqlite3_bind_text(s->st[ST_SOURCE_GET], 1, name, -1, SQLITE_STATIC);
    int64_t id = lookup(s->st[ST_SOURCE_GET]);
    if (id < 0) return -1;
    if (!id) {
        sqlite3_bind_text(s->st[ST_SOURCE_PUT], 1, name, -1, SQLITE_STATIC);
        if (run(s->st[ST_SOURCE_PUT])) return -1;
        id = sqlite3_last_insert_rowid(s->db);
    }
    /* only committed ids may be cached: a rolled-back insert would leave a stale one,
     * but a failed transaction ends the process's ingest, so the cache dies with it */
    px_map_put(&s->sources, name, strlen(name), (void *)(intptr_t)id);
    return id;
}

static void bind_text(sqlite3_stmt *q, int i, const char *v)
{
    if (v) sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(q, i);
}

px_status px_store_put_article(px_store *s, const px_article *a, const px_analysis *an,
                               const px_doc *d, int64_t *id, px_error *err)
{
    int64_t src = source_id(s, a->outlet);
    if (src < 0) return px_store_fail(s, err, "storing a source");
    sqlite3_stmt *q = s->st[ST_ARTICLE];
    bind_text(q, 1, a->id);
    bind_text(q, 2, a->url);
    sqlite3_bind_int64(q, 3, (int64_t)d->fingerprint);
    if (src) sqlite3_bind_int64(q, 4, src);
    bind_text(q, 5, a->title);
    bind_text(q, 6, a->byline);
    bind_text(q, 7, a->date);
    if (d->p.day != PX_NO_DAY) sqlite3_bind_int(q, 8, d->p.day);
    bind_text(q, 9, a->language);
    bind_text(q, 10, a->origin);
    bind_text(q, 11, a->text ? a->text : "");
    if (a->id) sqlite3_bind_int64(q, 12, px_store_key(a->id));
    if (a->url) sqlite3_bind_int64(q, 13, px_store_key(a->url));
    if (run(q)) return px_store_fail(s, err, "storing an article");
    *id = sqlite3_last_insert_rowid(s->db);

    q = s->st[ST_ANALYSIS];
    sqlite3_bind_int64(q, 1, *id);
    sqlite3_bind_int64(q, 2, (int64_t)d->p.words);
    sqlite3_bind_int64(q, 3, (int64_t)a->sentences.len);
    sqlite3_bind_int64(q, 4, (int64_t)an->entities.len);
    sqlite3_bind_int64(q, 5, (int64_t)an->quotes.len);
    if (!an->light) sqlite3_bind_int64(q, 6, (int64_t)an->numbers.len); /* else not counted: NULL */
    sqlite3_bind_int64(q, 7, (int64_t)d->p.simhash);
    if (run(q)) return px_store_fail(s, err, "storing an analysis");

    q = s->st[ST_FTS];
    sqlite3_bind_int64(q, 1, *id);
    bind_text(q, 2, a->title);
    bind_text(q, 3, a->text ? a->text : "");
    if (run(q)) return px_store_fail(s, err, "indexing an article");
    return PX_OK;
}

px_status px_store_put_membership(px_store *s, int64_t article, const px_decision *dec,
                                  double threshold, px_error *err)
{
    assert(article > 0 && dec->story > 0); /* stored rows, a story id from the clusterer */
    sqlite3_stmt *q = s->st[ST_MEMBER];
    sqlite3_bind_int64(q, 1, article);
    sqlite3_bind_int64(q, 2, dec->story);
    sqlite3_bind_int(q, 3, dec->created);
    if (dec->copy_of >= 0) sqlite3_bind_int64(q, 4, dec->copy_of);
    if (dec->best >= 0) sqlite3_bind_int64(q, 5, dec->best);
    if (!dec->created || dec->best >= 0) {
        sqlite3_bind_double(q, 6, dec->match.score);
        sqlite3_bind_double(q, 7, dec->match.terms);
        if (dec->match.specifics >= 0) sqlite3_bind_double(q, 8, dec->match.specifics);
        if (dec->match.quotes >= 0) sqlite3_bind_double(q, 9, dec->match.quotes);
        if (dec->match.gap >= 0) sqlite3_bind_int(q, 10, dec->match.gap);
        sqlite3_bind_int(q, 12, dec->match.places_only);
    }
    sqlite3_bind_double(q, 11, threshold);
    if (run(q)) return px_store_fail(s, err, "storing a membership");
    return PX_OK;
}

px_status px_store_new_story(px_store *s, int64_t id, const char *title, px_error *err)
{
    sqlite3_stmt *q = s->st[ST_STORY_NEW];
    sqlite3_bind_int64(q, 1, id);
    bind_text(q, 2, title);
    if (run(q)) return px_store_fail(s, err, "creating a story");
    return PX_OK;
}

px_status px_store_put_story(px_store *s, const px_story *st, px_error *err)
{
    px_buf state = {0};
    sqlite3_stmt *q;
    px_story_save(st, &state);
    q = s->st[ST_STORY_UPDATE];
    sqlite3_bind_int64(q, 1, st->id);
    sqlite3_bind_int64(q, 2, st->size);
    if (st->first_day != PX_NO_DAY) {
        sqlite3_bind_int(q, 3, st->first_day);
        sqlite3_bind_int(q, 4, st->last_day);
    }
    sqlite3_bind_blob(q, 5, state.data, (int)state.len, SQLITE_STATIC);
    int bad = run(q);
    px_buf_free(&state);
    if (bad) return px_store_fail(s, err, "saving a story");
    return PX_OK;
}

px_status px_store_put_meta(px_store *s, const char *key, const void *data, size_t len,
                            px_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", -1,
                           &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "saving meta");
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_blob64(q, 2, data, len, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? PX_OK : px_store_fail(s, err, "saving meta");
}

px_status px_store_get_meta(px_store *s, const char *key, void **data, size_t *len, px_error *err)
{
    *data = NULL;
    *len = 0;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?1", -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "reading meta");
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW) {
        *len = (size_t)sqlite3_column_bytes(q, 0);
        *data = px_xmalloc(*len ? *len : 1);
        if (*len) memcpy(*data, sqlite3_column_blob(q, 0), *len);
    }
    sqlite3_finalize(q);
    return PX_OK;
}

px_status px_store_restore(px_store *s, px_clusterer *c, int32_t min_day, size_t *count,
                           px_error *err)
{
    *count = 0;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT state FROM stories WHERE size > 0 AND"
                                  " (last_day IS NULL OR last_day >= ?1) ORDER BY id", -1, &q, NULL) != SQLITE_OK)
        return px_store_fail(s, err, "reading stories");
    sqlite3_bind_int(q, 1, min_day == PX_NO_DAY ? INT32_MIN : min_day);
    px_status rc = PX_OK;
    int step;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        px_story st;
        if (px_story_load(&st, sqlite3_column_blob(q, 0), (size_t)sqlite3_column_bytes(q, 0))) {
            rc = px_error_set(err, PX_EINPUT, s->path, 0, 0, "a story's saved state is damaged");
            break;
        }
        px_clusterer_restore(c, &st);
        (*count)++;
    }
    if (!rc && step != SQLITE_DONE) rc = px_store_fail(s, err, "reading stories");
    sqlite3_finalize(q);
    if (rc) return rc;
    if (sqlite3_prepare_v2(s->db, "SELECT max(id) FROM stories", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
            px_clusterer_set_next_id(c, sqlite3_column_int64(q, 0) + 1);
        sqlite3_finalize(q);
    }
    return PX_OK;
}

int32_t px_store_last_day(px_store *s)
{
    sqlite3_stmt *q;
    int32_t day = PX_NO_DAY;
    if (sqlite3_prepare_v2(s->db, "SELECT max(last_day) FROM stories", -1, &q, NULL) != SQLITE_OK)
        return day;
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
        day = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return day;
}

int64_t px_store_count(px_store *s, const char *table)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK) return -1;
    int64_t n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_finalize(q);
    return n;
}

px_status px_store_counts(px_store *s, int64_t *articles, int64_t *stories, px_error *err)
{
    if (!s) return px_error_set(err, PX_EUSAGE, "px_store_counts", 0, 0, "no store");
    int64_t a = px_store_count(s, "articles"), st = px_store_count(s, "stories WHERE size > 0");
    if (a < 0 || st < 0) return px_store_fail(s, err, "counting");
    if (articles) *articles = a;
    if (stories) *stories = st;
    return PX_OK;
}
