/*
 * watch.c — following feeds into the store (px_watch, parallax.h; the
 * engine of `parallax watch`).  Each poll fetches the feeds that are due
 * (conditionally: ETag, Last-Modified, and the body's hash, since some
 * servers send the same validators for a changed feed), reads their
 * entries, fetches the pages of the new ones, extracts and analyses them
 * and adds them into stories through a px_ingest, as `add` does.
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
 *
 * Polling: each feed's next poll is one expected new item away (from the
 * dates of its entries), between 15 minutes and a day, never sooner than
 * its <ttl>, sy:updatePeriod, Cache-Control max-age or a Retry-After; a
 * failing feed waits twice as long each time, up to a day.
 *
 * Failures: a feed or page that fails is reported (o.report) and counted,
 * and the rest goes on.  A store that cannot be written fails the watch:
 * the first such error is kept, the results still arriving in that run
 * are dropped, and px_watch_poll returns it.
 */
#define _DEFAULT_SOURCE /* strcasecmp */
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "article/article.h"
#include "fetch/url.h"
#include "store/feeds.h"
#include "store/ingest.h"

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

struct px_watch {
    px_context *ctx;
    px_store *store; /* borrowed */
    px_ingest *ingest;
    px_fetcher *fetcher;
    px_watch_options o;
    feed *feeds;
    size_t nfeeds;
    px_map queued; /* url keys queued in this poll */
    px_watch_counts n;
    int failed;     /* the store failed: fail is its error */
    px_error fail;
};

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

/* A feed or page that failed: reported, counted, the rest goes on. */
static void say(px_watch *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(px_watch *w, const char *fmt, ...)
{
    w->n.errors++;
    if (!w->o.report) return;
    px_buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    px_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    w->o.report(px_buf_str(&msg), w->o.ud);
    px_buf_free(&msg);
}

/* The store failed: the watch is over (the first error is kept). */
static void fatal(px_watch *w, const px_error *err)
{
    if (!w->failed) w->fail = *err;
    w->failed = 1;
}

/* ---- the feed list --------------------------------------------------------- */

static void add_feed(px_watch *w, const char *url)
{
    for (size_t i = 0; i < w->nfeeds; i++)
        if (!strcmp(w->feeds[i].url, url)) return;
    w->feeds = px_xrealloc(w->feeds, (w->nfeeds + 1) * sizeof *w->feeds);
    feed *f = &w->feeds[w->nfeeds++];
    memset(f, 0, sizeof *f);
    f->url = px_xstrdup(url);
    f->row.items_per_day = -1;
}

static void load_row(const px_feed_row *r, void *ud)
{
    px_watch *w = ud;
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
static void feed_done(px_watch *w, feed *f)
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
    if (px_store_feed_save(w->store, &f->row, &err) || px_ingest_flush(w->ingest, &err))
        fatal(w, &err);
}

static void feed_failed(px_watch *w, feed *f, const px_fetch_result *r, const char *why)
{
    say(w, "%s: %s", f->url, why);
    set(&f->error, why);
    double last = f->row.last_fetch && f->row.next_poll > f->row.last_fetch
                      ? (double)(f->row.next_poll - f->row.last_fetch) : MIN_POLL;
    f->wait = fmin(fmax(fmax(last * 2, MIN_POLL), r ? r->retry_after : 0), MAX_POLL);
    f->keep_old = 1;
    feed_done(w, f);
}

static void queue_entries(px_watch *w, feed *f, const px_feed *fd)
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
        if (seen < 0) fatal(w, &err);
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
            say(w, "%s", err.message);
            free(t);
            item_free(it);
            continue;
        }
        f->pending++;
        w->n.fresh++;
    }
}

static void got_feed(px_watch *w, feed *f, const px_fetch_result *r)
{
    w->n.polled++;
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

/* Extracts, analyses and adds the page; its stored article's row into
 * *article (0: none). */
static void add_page(px_watch *w, item *it, const px_fetch_result *r, int64_t *article)
{
    px_error err;
    px_article *a;
    if (px_article_from_response(w->ctx, r->body, r->len, r->content_type, r->final_url, &a, &err)) {
        say(w, "%s", err.message);
        return;
    }
    if (it->date && strlen(it->date) >= 10) { /* the entry's day, when the page gives none */
        char day[11];
        memcpy(day, it->date, 10);
        day[10] = '\0';
        px_article_set_date(a, day, PX_DATE_INPUT, 0.5);
    }
    px_analysis *an = NULL;
    int added = 0;
    if (px_analyze_light(w->ctx, a, &an, &err)) {
        say(w, "%s", err.message);
    } else if (px_ingest_add(w->ingest, w->ctx, a, an, &added, &err)) {
        fatal(w, &err);
    } else {
        w->n.added += added != 0;
        *article = px_store_find_url(w->store, px_article_url(a));
        if (*article < 0) *article = 0;
    }
    px_analysis_free(an);
    px_article_free(a);
}

static void got_page(px_watch *w, item *it, const px_fetch_result *r)
{
    feed *f = it->f;
    px_error err;
    int64_t article = 0;
    int record = 1;
    w->n.pages++;
    if (r->code) {
        say(w, "%s: %s", r->url, r->error);
        record = r->status >= 400 && r->status < 500 && r->status != 429; /* gone for good */
    } else {
        add_page(w, it, r, &article);
    }
    if (!record) f->keep_old = 1;
    else if (!w->failed &&
             px_store_item_put(w->store, f->row.id, it->id, it->url_key, it->title_key,
                               (int64_t)time(NULL), article, &err))
        fatal(w, &err);
    else
        f->row.items++;
    item_free(it);
    if (--f->pending == 0 && !w->failed) feed_done(w, f);
}

static void got(const px_fetch_result *r, void *ud)
{
    px_watch *w = ud;
    tag *t = r->user;
    if (!w->failed) {
        if (t->page) got_page(w, t->page, r);
        else got_feed(w, t->f, r);
    } else if (t->page) {
        item_free(t->page);
    }
    free(t);
    if (w->o.progress) w->o.progress(&w->n, w->o.ud);
}

/* ---- the calls ---------------------------------------------------------------- */

px_status px_watch_new(px_store *s, const char *const *feeds, size_t n, const px_watch_options *o,
                       px_watch **out, px_error *err)
{
    if (out) *out = NULL;
    if (!s || !out || (n && !feeds))
        return px_error_set(err, PX_EUSAGE, "px_watch_new", 0, 0, "no store, feeds or output");
    for (size_t i = 0; i < n; i++)
        if (!feeds[i]) return px_error_set(err, PX_EUSAGE, "px_watch_new", 0, 0, "a NULL feed URL");
    px_watch *w = px_xcalloc(1, sizeof *w);
    w->store = s;
    if (o) w->o = *o;
    w->o.fetch = NULL; /* read here only: not kept */
    for (size_t i = 0; i < n; i++) add_feed(w, feeds[i]);
    px_status rc;
    if ((rc = px_store_feeds_init(s, err)) || (rc = px_store_feeds(s, load_row, w, err)) ||
        (rc = px_context_new(&w->ctx, err)) || (rc = px_store_ingest(s, PX_INGEST_BATCH, &w->ingest, err)) ||
        (rc = px_fetcher_new(o ? o->fetch : NULL, &w->fetcher, err))) {
        px_watch_free(w);
        return rc;
    }
    for (size_t i = 0; i < w->nfeeds; i++) /* every feed has its row, and an id */
        if (!w->feeds[i].row.id) {
            sync_row(&w->feeds[i]);
            if ((rc = px_store_feed_save(s, &w->feeds[i].row, err))) {
                px_watch_free(w);
                return rc;
            }
        }
    *out = w;
    return PX_OK;
}

px_status px_watch_poll(px_watch *w, int all, volatile int *stop, double *next, px_error *err)
{
    if (next) *next = MAX_POLL;
    if (!w) return px_error_set(err, PX_EUSAGE, "px_watch_poll", 0, 0, "no watch");
    if (w->failed) return px_error_set(err, PX_EUSAGE, "px_watch_poll", 0, 0, "the watch failed before");
    int64_t t = (int64_t)time(NULL);
    px_error e;
    for (size_t i = 0; i < w->nfeeds && !w->failed; i++) {
        feed *f = &w->feeds[i];
        if (!all && f->row.next_poll > t) continue;
        tag *g = px_xcalloc(1, sizeof *g);
        g->f = f;
        if (px_fetcher_add(w->fetcher, f->url, f->etag, f->last_modified, g, &e)) {
            free(g);
            feed_failed(w, f, NULL, e.message);
        }
    }
    if (!w->failed && px_fetcher_run(w->fetcher, got, w, stop, &e)) fatal(w, &e);
    px_map_free(&w->queued);
    if (w->failed) {
        if (err) *err = w->fail;
        return w->fail.code ? w->fail.code : PX_EIO;
    }
    double soon = MAX_POLL;
    t = (int64_t)time(NULL);
    for (size_t i = 0; i < w->nfeeds; i++)
        soon = fmin(soon, (double)(w->feeds[i].row.next_poll - t));
    if (next) *next = soon > 1 ? soon : 1;
    return PX_OK;
}

const px_watch_counts *px_watch_counts_of(const px_watch *w)
{
    return w ? &w->n : NULL;
}

const px_ingest_stats *px_watch_committed(const px_watch *w)
{
    return w ? px_ingest_committed(w->ingest) : NULL;
}

px_status px_watch_finish(px_watch *w, px_error *err)
{
    if (!w) return px_error_set(err, PX_EUSAGE, "px_watch_finish", 0, 0, "no watch");
    if (w->failed) return px_error_set(err, PX_EUSAGE, "px_watch_finish", 0, 0, "the watch failed before");
    return px_ingest_finish(w->ingest, err);
}

void px_watch_free(px_watch *w)
{
    if (!w) return;
    px_ingest_close(w->ingest, NULL);
    px_fetcher_free(w->fetcher);
    px_context_free(w->ctx);
    for (size_t i = 0; i < w->nfeeds; i++) {
        feed *f = &w->feeds[i];
        free(f->url), free(f->title), free(f->etag), free(f->last_modified), free(f->error);
        free(f->new_etag), free(f->new_last_modified);
    }
    free(w->feeds);
    px_map_free(&w->queued);
    free(w);
}
