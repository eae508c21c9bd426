/*
 * watch.c — `parallax watch --db news.db FEEDS`: follows feeds into the
 * store.  Each poll fetches the feeds that are due (conditionally: ETag,
 * Last-Modified, and the body's hash, since some servers send the same
 * validators for a changed feed), reads their entries, fetches the pages of
 * the new ones, extracts and analyses them and adds them into stories, as
 * `add` does.
 *
 * What is new: an entry is known when its feed has seen its id, when any
 * feed has seen its canonical URL (tracking parameters stripped), or when
 * its feed has seen its normalised title in the last 7 days; and an
 * article already stored under its URL is not added again.  So a GUID
 * repeated, or a changed GUID, URL or title, makes no duplicate.
 *
 * Crash safety: a feed's new state (validators, hash) and its items are
 * written in the transaction that commits the articles they brought, when
 * the last of its pages is done.  A kill -9 before that commit loses the
 * feed's progress as a whole, and the rerun fetches the feed again and
 * finds the same entries new; a page committed by another feed's commit
 * is then found stored by its URL.  Nothing is lost and nothing doubled.
 * A page that failed for a passing reason (a timeout, 5xx) is not recorded,
 * and the feed keeps its old validators, so the next poll tries it again;
 * one that failed for good (4xx, not an article) is recorded as seen.
 * For the crash case only: PX_WATCH_KILL_AFTER=N kills the process with
 * SIGKILL after N pages (a kill -9 at an exact point).
 *
 * Polling: each feed's next poll is one expected new item away (from the
 * dates of its entries), between 15 minutes and a day, never sooner than
 * its <ttl>, sy:updatePeriod, Cache-Control max-age or a Retry-After; a
 * failing feed waits twice as long each time, up to a day.
 */
#define _DEFAULT_SOURCE /* strcasecmp, sleep */
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "article/article.h"
#include "cli.h"
#include "fetch/url.h"
#include "render/term.h"
#include "store/feeds.h"
#include "store/ingest.h"

static const char usage[] =
    "usage: parallax watch [--db PATH] [--once] [--interval SECONDS] [--per-host N]\n"
    "                      [--concurrency N] [--timeout SECONDS] [--retries N]\n"
    "                      [--contact URL] FEEDS\n"
    "\n"
    "Follows the feeds listed in FEEDS (an OPML file, or one feed URL a line;\n"
    "# starts a comment) into the store: polls each feed when it is due,\n"
    "fetches the pages of its new entries, and adds their articles into\n"
    "stories as `add` does.  An entry already seen (by its id, its URL without\n"
    "tracking parameters, or its title within 7 days) is not fetched again.\n"
    "Feeds are fetched conditionally; each is polled about once per expected\n"
    "new item, between 15 minutes and a day (longer when the feed's ttl,\n"
    "update period, cache headers or a Retry-After ask).  Fetching is polite\n"
    "as in `parallax fetch` (robots.txt, one request per host every 5 s).\n"
    "Killed at any point, a rerun goes on with nothing lost or doubled.\n"
    "`parallax feeds` shows each feed's health.\n"
    "\n"
    "  --db PATH          the store (default ./parallax.db; created if missing)\n"
    "  --once             poll every feed once, fetch what is new, and stop\n"
    "  --interval S       seconds between two requests to one host (default 5;\n"
    "                     0 only for servers of your own)\n"
    "  --per-host N       requests open at once to one host (default 2)\n"
    "  --concurrency N    requests open at once in all (default 16)\n"
    "  --timeout S        seconds for a whole feed or page (default 30)\n"
    "  --retries N        retries after a transient failure (default 2)\n"
    "  --contact URL      put in the user agent, so a site can reach you\n"
    "  -h, --help         show this help\n"
    "\n"
    "Holds the store's writer lock, as `add` does.  On a terminal a status\n"
    "line is shown.  Ctrl-C stops after committing what was fetched.\n"
    "\n"
    "Exit status: 0 done (with --once: every feed read), 1 some feed or page\n"
    "failed (each is reported; the rest is added), 2 usage error, 130 stopped.\n";

enum { MIN_POLL = 15 * 60, MAX_POLL = 24 * 3600, TITLE_DAYS = 7 };

typedef struct feed {
    px_feed_row row; /* its strings are the fields below */
    char *url, *title, *etag, *last_modified, *error;
    char *new_etag, *new_last_modified; /* of this poll's 200, saved with its items */
    int64_t new_hash;
    int pending;        /* pages of this poll not yet done */
    int keep_old;       /* a page failed for a passing reason: keep the old validators */
    double wait;        /* seconds to the next poll, decided at the feed's answer */
} feed;

typedef struct item { /* a page being fetched for a feed */
    feed *f;
    char *id, *url_key, *title_key, *date;
} item;

static void item_free(item *it)
{
    free(it->id), free(it->url_key), free(it->title_key), free(it->date), free(it);
}

typedef struct tag { /* what a fetch result is for */
    feed *f;    /* the feed itself when it ... */
    item *page; /* ... is NULL, else a page */
} tag;

typedef struct watch {
    px_context *ctx;
    px_store *store;
    px_ingest *ingest;
    px_fetcher *fetcher;
    feed *feeds;
    size_t nfeeds;
    px_map queued; /* url keys queued in this poll */
    size_t polled, fresh, added, errors, pages;
    size_t kill_after; /* PX_WATCH_KILL_AFTER: SIGKILL after this many pages (tests) */
    int status, progress, failed;
} watch;

static volatile int not_stopped, *stop = &not_stopped; /* cli_catch_stop()'s flag */

static void set(char **field, const char *v)
{
    free(*field);
    *field = v ? px_xstrdup(v) : NULL;
}

static void sync_row(feed *f)
{
    f->row.url = f->url;
    f->row.title = f->title;
    f->row.etag = f->etag;
    f->row.last_modified = f->last_modified;
    f->row.last_error = f->error;
}

static void show_status(watch *w, int last)
{
    if (!w->progress) return;
    fprintf(stderr, "\rfeeds polled %zu, new pages %zu, added %zu, errors %zu ", w->polled,
            w->fresh, w->added, w->errors);
    if (last) fputc('\n', stderr);
}

/* ---- the feed list --------------------------------------------------------- */

static void add_feed(watch *w, const char *url)
{
    for (size_t i = 0; i < w->nfeeds; i++)
        if (!strcmp(w->feeds[i].url, url)) return;
    w->feeds = px_xrealloc(w->feeds, (w->nfeeds + 1) * sizeof *w->feeds);
    feed *f = &w->feeds[w->nfeeds++];
    memset(f, 0, sizeof *f);
    f->url = px_xstrdup(url);
    f->row.items_per_day = -1;
}

/* The feeds of path: an OPML list, or URLs one a line. */
static int read_list(watch *w, const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        cli_error("%s: cannot read the feed list", path);
        return EXIT_INPUT;
    }
    px_buf data = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0 && data.len < PX_MAX_DOCUMENT)
        px_buf_append(&data, chunk, n);
    fclose(in);
    const char *s = px_buf_str(&data);
    size_t i = strspn(s, " \t\r\n\xEF\xBB\xBF");
    if (s[i] == '<') { /* OPML */
        px_feed *list;
        px_error err;
        if (px_feed_parse(data.data, data.len, NULL, NULL, &list, &err)) {
            cli_error("%s", err.message);
            px_buf_free(&data);
            return EXIT_INPUT;
        }
        for (size_t k = 0; k < px_feed_entry_count(list); k++) {
            const px_feed_entry *e = px_feed_get_entry(list, k);
            if (e->link) add_feed(w, e->link);
        }
        px_feed_free(list);
    } else {
        long line = 0;
        for (const char *p = s; *p;) {
            size_t len = strcspn(p, "\r\n");
            line++;
            char *l = px_xstrndup(p, len), *t = l;
            while (*t == ' ' || *t == '\t') t++;
            char *e = t + strcspn(t, " \t#");
            *e = '\0';
            if (*t && strncmp(t, "http://", 7) && strncmp(t, "https://", 8))
                cli_error("%s:%ld: not a feed URL: %s", path, line, t);
            else if (*t)
                add_feed(w, t);
            free(l);
            p += len;
            if (*p == '\r') p++;
            if (*p == '\n') p++;
        }
    }
    px_buf_free(&data);
    if (!w->nfeeds) {
        cli_error("%s: no feeds in it (an OPML file, or one feed URL a line)", path);
        return EXIT_INPUT;
    }
    return 0;
}

static void load_row(const px_feed_row *r, void *ud)
{
    watch *w = ud;
    for (size_t i = 0; i < w->nfeeds; i++) {
        feed *f = &w->feeds[i];
        if (strcmp(f->url, r->url)) continue;
        f->row = *r;
        f->title = r->title ? px_xstrdup(r->title) : NULL;
        f->etag = r->etag ? px_xstrdup(r->etag) : NULL;
        f->last_modified = r->last_modified ? px_xstrdup(r->last_modified) : NULL;
        f->error = r->last_error ? px_xstrdup(r->last_error) : NULL;
        sync_row(f);
    }
}

/* ---- polling ---------------------------------------------------------------- */

static double seconds_of_period(const char *period, long frequency)
{
    double unit = !period ? 0 : !strcasecmp(period, "hourly") ? 3600 : !strcasecmp(period, "daily") ? 86400
                  : !strcasecmp(period, "weekly") ? 7 * 86400 : !strcasecmp(period, "monthly") ? 30 * 86400
                  : !strcasecmp(period, "yearly") ? 365 * 86400 : 0;
    return unit / (frequency > 0 ? (double)frequency : 1);
}

/* Items a day from the entries' dates; -1 when fewer than two are dated. */
static double items_per_day(const px_feed *fd)
{
    long lo = 0, hi = 0;
    size_t dated = 0;
    for (size_t i = 0; i < px_feed_entry_count(fd); i++) {
        const px_feed_entry *e = px_feed_get_entry(fd, i);
        const char *d = e->published ? e->published : e->updated;
        long days;
        if (!d || !px_iso_days(d, &days)) continue;
        int hh = 0, mm = 0;
        if (strlen(d) >= 16) sscanf(d + 11, "%2d:%2d", &hh, &mm);
        long minutes = days * 1440 + hh * 60 + mm;
        if (!dated++ || minutes < lo) lo = minutes;
        if (dated == 1 || minutes > hi) hi = minutes;
    }
    if (dated < 2) return -1;
    double span_days = fmax((double)(hi - lo) / 1440.0, 1.0 / 24);
    return (double)(dated - 1) / span_days;
}

static double next_wait(const feed *f, const px_feed *fd, const px_fetch_result *r)
{
    double wait = f->row.items_per_day > 0 ? 86400.0 / f->row.items_per_day : 3600;
    if (fd) {
        const px_feed_info *in = px_feed_get_info(fd);
        if (in->ttl > 0) wait = fmax(wait, in->ttl * 60.0);
        wait = fmax(wait, seconds_of_period(in->update_period, in->update_frequency));
    }
    if (r->max_age > 0) wait = fmax(wait, r->max_age);
    wait = fmax(wait, r->retry_after);
    return fmin(fmax(wait, MIN_POLL), MAX_POLL);
}

/* The feed's poll is over (all its pages done): saves it, with the items
 * written before, and commits. */
static void feed_done(watch *w, feed *f)
{
    px_error err;
    if (!f->keep_old && f->new_hash) {
        set(&f->etag, f->new_etag);
        set(&f->last_modified, f->new_last_modified);
        f->row.body_hash = f->new_hash;
    }
    f->new_hash = 0;
    set(&f->new_etag, NULL);
    set(&f->new_last_modified, NULL);
    f->row.next_poll = (int64_t)time(NULL) + (int64_t)f->wait;
    sync_row(f);
    if (px_store_feed_save(w->store, &f->row, &err) || px_ingest_flush(w->ingest, &err)) {
        cli_error("%s", err.message);
        w->failed = 1;
        w->status = EXIT_INPUT;
    }
}

static void feed_failed(watch *w, feed *f, const px_fetch_result *r, const char *why)
{
    cli_error("%s: %s", f->url, why);
    set(&f->error, why);
    w->errors++;
    w->status = EXIT_INPUT;
    double last = f->row.last_fetch && f->row.next_poll > f->row.last_fetch
                      ? (double)(f->row.next_poll - f->row.last_fetch) : MIN_POLL;
    f->wait = fmin(fmax(fmax(last * 2, MIN_POLL), r ? r->retry_after : 0), MAX_POLL);
    f->keep_old = 1;
    feed_done(w, f);
}

static void queue_entries(watch *w, feed *f, const px_feed *fd)
{
    px_error err;
    int64_t since = (int64_t)time(NULL) - TITLE_DAYS * 86400;
    for (size_t i = 0; i < px_feed_entry_count(fd) && !w->failed; i++) {
        const px_feed_entry *e = px_feed_get_entry(fd, i);
        if (!e->link) continue;
        char *url_key = px_url_canonical(e->link);
        if (!url_key) continue; /* not a web page */
        char *title_key = px_title_key(e->title.value);
        const char *id = e->id ? e->id : url_key;
        int seen = px_map_get(&w->queued, url_key, strlen(url_key)) != NULL;
        if (!seen) seen = px_store_item_seen(w->store, f->row.id, id, url_key, title_key, since, &err);
        if (!seen && px_store_find_url(w->store, e->link) > 0) seen = 1; /* added by `add` */
        if (seen < 0) {
            cli_error("%s", err.message);
            w->failed = 1;
        }
        if (seen) {
            free(url_key);
            free(title_key);
            continue;
        }
        px_map_put(&w->queued, url_key, strlen(url_key), (void *)1);
        item *it = px_xcalloc(1, sizeof *it);
        it->f = f;
        it->id = px_xstrdup(id);
        it->url_key = url_key;
        it->title_key = title_key;
        it->date = e->published ? px_xstrdup(e->published) : e->updated ? px_xstrdup(e->updated) : NULL;
        tag *t = px_xcalloc(1, sizeof *t);
        t->f = f;
        t->page = it;
        if (px_fetcher_add(w->fetcher, e->link, NULL, NULL, t, &err)) {
            cli_error("%s", err.message);
            free(t);
            item_free(it);
            continue;
        }
        f->pending++;
        w->fresh++;
    }
}

static void got_feed(watch *w, feed *f, const px_fetch_result *r)
{
    w->polled++;
    f->row.last_fetch = (int64_t)time(NULL);
    f->row.last_status = r->status;
    f->keep_old = 0;
    if (r->code) {
        feed_failed(w, f, r, r->error);
        return;
    }
    if (r->not_modified || (int64_t)r->hash == f->row.body_hash) { /* nothing new */
        set(&f->error, NULL);
        f->wait = next_wait(f, NULL, r);
        feed_done(w, f);
        return;
    }
    px_feed *fd;
    px_error err;
    if (px_feed_from_response(r, &fd, &err)) {
        /* the message names the address read ("URL: what"); the feed's
         * line names it already */
        const char *why = err.message, *at = r->final_url ? r->final_url : r->url;
        size_t n = strlen(at);
        if (!strncmp(why, at, n) && why[n] == ':' && why[n + 1] == ' ') why += n + 2;
        feed_failed(w, f, r, why);
        return;
    }
    set(&f->error, NULL);
    const px_feed_info *in = px_feed_get_info(fd);
    if (in->title.value) set(&f->title, in->title.value);
    double rate = items_per_day(fd);
    if (rate > 0) f->row.items_per_day = rate;
    f->wait = next_wait(f, fd, r);
    set(&f->new_etag, r->etag);
    set(&f->new_last_modified, r->last_modified);
    f->new_hash = (int64_t)r->hash ? (int64_t)r->hash : 1;
    queue_entries(w, f, fd);
    px_feed_free(fd);
    if (!f->pending) feed_done(w, f);
}

static void got_page(watch *w, item *it, const px_fetch_result *r)
{
    feed *f = it->f;
    px_error err;
    int64_t article = 0;
    int record = 1;
    w->pages++;
    if (r->code) {
        cli_error("%s: %s", r->url, r->error);
        w->errors++;
        w->status = EXIT_INPUT;
        record = r->status >= 400 && r->status < 500 && r->status != 429; /* gone for good */
    } else {
        px_article *a;
        if (px_article_from_response(w->ctx, r->body, r->len, r->content_type, r->final_url, &a, &err)) {
            cli_error("%s", err.message);
            w->errors++;
            w->status = EXIT_INPUT;
        } else {
            if (it->date && strlen(it->date) >= 10) { /* the entry's day, when the page gives none */
                char day[11];
                memcpy(day, it->date, 10);
                day[10] = '\0';
                px_article_set_date(a, day, PX_DATE_INPUT, 0.5);
            }
            px_analysis *an;
            int added = 0;
            px_status rc = px_analyze_light(w->ctx, a, &an, &err);
            if (!rc) {
                rc = px_ingest_add(w->ingest, w->ctx, a, an, &added, &err);
                px_analysis_free(an);
                if (rc) w->failed = 1;
            }
            if (rc) {
                cli_error("%s", err.message);
                w->status = EXIT_INPUT;
            } else {
                w->added += added != 0;
                article = px_store_find_url(w->store, px_article_url(a));
                if (article < 0) article = 0;
            }
            px_article_free(a);
        }
    }
    if (!record) f->keep_old = 1;
    else if (!w->failed &&
             px_store_item_put(w->store, f->row.id, it->id, it->url_key, it->title_key,
                               (int64_t)time(NULL), article, &err)) {
        cli_error("%s", err.message);
        w->failed = 1;
    } else {
        f->row.items++;
    }
    item_free(it);
    if (--f->pending == 0 && !w->failed) feed_done(w, f);
    if (w->kill_after && w->pages >= w->kill_after) raise(SIGKILL); /* the crash case's kill -9 */
}

static void got(const px_fetch_result *r, void *ud)
{
    watch *w = ud;
    tag *t = r->user;
    if (!w->failed) {
        if (t->page) got_page(w, t->page, r);
        else got_feed(w, t->f, r);
    } else if (t->page) {
        item_free(t->page);
    }
    free(t);
    show_status(w, 0);
}

/* Polls the feeds due by now (all of them with once); returns the seconds
 * to the next due feed. */
static double poll(watch *w, int once)
{
    int64_t t = (int64_t)time(NULL);
    px_error err;
    for (size_t i = 0; i < w->nfeeds; i++) {
        feed *f = &w->feeds[i];
        if (!once && f->row.next_poll > t) continue;
        tag *g = px_xcalloc(1, sizeof *g);
        g->f = f;
        if (px_fetcher_add(w->fetcher, f->url, f->etag, f->last_modified, g, &err)) {
            free(g);
            feed_failed(w, f, NULL, err.message);
        }
    }
    if (px_fetcher_run(w->fetcher, got, w, stop, &err)) {
        cli_error("%s", err.message);
        w->failed = 1;
    }
    px_map_free(&w->queued);
    double next = MAX_POLL;
    t = (int64_t)time(NULL);
    for (size_t i = 0; i < w->nfeeds; i++)
        next = fmin(next, (double)(w->feeds[i].row.next_poll - t));
    return next > 1 ? next : 1;
}

/* ---- the command -------------------------------------------------------------- */

int cmd_watch(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"once", no_argument, NULL, 'o'},
        CLI_FETCH_LONGOPTS, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *db = PX_STORE_DEFAULT;
    px_fetch_options o;
    px_fetch_options_default(&o);
    int c, once = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'o': once = 1; break;
        case 'i': case 'p': case 'c': case 't': case 'r': case 'C':
            if (cli_fetch_option(c, optarg, &o) < 0) return EXIT_USAGE;
            break;
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    if (optind + 1 != argc) {
        cli_error(optind == argc ? "no feed list given" : "one feed list at a time");
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    watch w = {0};
    int status = read_list(&w, argv[optind]);
    px_error err;
    px_store_lock *lock = NULL;
    px_story_params p;
    px_story_params_default(&p);
    if (!status && (px_store_lock_take(db, 0, NULL, NULL, &lock, &err) ||
                    px_store_open(db, 0, &w.store, &err) || px_store_feeds_init(w.store, &err) ||
                    px_store_feeds(w.store, load_row, &w, &err) || px_context_new(&w.ctx, &err) ||
                    px_ingest_open(w.store, &p, PX_INGEST_BATCH, &w.ingest, &err) ||
                    px_fetcher_new(&o, &w.fetcher, &err))) {
        cli_error("%s", err.message);
        status = EXIT_INPUT;
    }
    for (size_t i = 0; !status && i < w.nfeeds; i++) /* every feed has its row, and an id */
        if (!w.feeds[i].row.id) {
            sync_row(&w.feeds[i]);
            if (px_store_feed_save(w.store, &w.feeds[i].row, &err)) {
                cli_error("%s", err.message);
                status = EXIT_INPUT;
            }
        }
    if (!status) {
        stop = cli_catch_stop();
        w.progress = isatty(STDERR_FILENO);
        const char *k = getenv("PX_WATCH_KILL_AFTER");
        w.kill_after = k ? strtoul(k, NULL, 10) : 0;
        for (;;) {
            double next = poll(&w, once);
            if (once || *stop || w.failed) break;
            show_status(&w, 0);
            for (double slept = 0; slept < next && !*stop; slept += 1) sleep(1);
            if (*stop) break;
        }
        show_status(&w, 1);
        if (!w.failed && px_ingest_finish(w.ingest, &err)) {
            cli_error("%s", err.message);
            w.status = EXIT_INPUT;
        }
        const px_ingest_stats *s = px_ingest_committed(w.ingest);
        printf("polled %zu feeds: %zu new entries, %zu articles added into %zu new stories, "
               "%zu errors\n", w.polled, w.fresh, s->added, s->stories, w.errors);
        status = w.status;
        if (*stop) {
            cli_error("interrupted: what was fetched is stored; run it again to go on");
            status = 130;
        }
    }
    px_ingest_close(w.ingest, NULL);
    px_fetcher_free(w.fetcher);
    px_context_free(w.ctx);
    px_store_close(w.store);
    px_store_lock_release(lock);
    for (size_t i = 0; i < w.nfeeds; i++) {
        feed *f = &w.feeds[i];
        free(f->url), free(f->title), free(f->etag), free(f->last_modified), free(f->error);
        free(f->new_etag), free(f->new_last_modified);
    }
    free(w.feeds);
    px_map_free(&w.queued);
    return status;
}
