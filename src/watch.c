/*
 * watch.c — `parallax watch --db news.db FEEDS`: follows feeds into the
 * store.  The engine is the library's px_watch (parallax.h: what is new,
 * crash safety, polling); this file reads the feed list (an OPML file, or
 * one URL a line), takes the writer lock, polls until stopped (or once),
 * shows a status line on a terminal and prints the summary.
 * For the crash case only: PX_WATCH_KILL_AFTER=N kills the process with
 * SIGKILL after N pages (a kill -9 at an exact point).
 */
#define _DEFAULT_SOURCE /* sleep */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

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

typedef struct watch {
    char **urls; /* the feed list, as read */
    size_t nurls;
    size_t kill_after; /* PX_WATCH_KILL_AFTER: SIGKILL after this many pages (tests) */
    int progress;      /* a status line on standard error */
} watch;

static void show_status(const watch *w, const px_watch_counts *n, int last)
{
    if (!w->progress) return;
    fprintf(stderr, "\rfeeds polled %zu, new pages %zu, added %zu, errors %zu ", n->polled,
            n->fresh, n->added, n->errors);
    if (last) fputc('\n', stderr);
}

static void report(const char *message, void *ud)
{
    (void)ud;
    cli_error("%s", message);
}

static void progress(const px_watch_counts *n, void *ud)
{
    watch *w = ud;
    if (w->kill_after && n->pages >= w->kill_after) raise(SIGKILL); /* the crash case's kill -9 */
    show_status(w, n, 0);
}

/* ---- the feed list --------------------------------------------------------- */

static void add_url(watch *w, const char *url, size_t len)
{
    char **urls = realloc(w->urls, (w->nurls + 1) * sizeof *w->urls);
    char *copy = strndup(url, len);
    if (!urls || !copy) {
        cli_error("out of memory");
        exit(EXIT_INPUT);
    }
    w->urls = urls;
    w->urls[w->nurls++] = copy;
}

/* The bytes of path (up to about PX_MAX_DOCUMENT), NUL-terminated, into
 * *data; 0, or -1 when it cannot be read. */
static int slurp(const char *path, char **data, size_t *len)
{
    FILE *in = fopen(path, "rb");
    if (!in) return -1;
    char *b = NULL;
    size_t n = 0, cap = 0, got;
    char chunk[65536];
    while ((got = fread(chunk, 1, sizeof chunk, in)) > 0 && n < PX_MAX_DOCUMENT) {
        if (n + got + 1 > cap) {
            cap = 2 * (n + got + 1);
            char *bigger = realloc(b, cap);
            if (!bigger) {
                cli_error("out of memory");
                exit(EXIT_INPUT);
            }
            b = bigger;
        }
        memcpy(b + n, chunk, got);
        n += got;
    }
    fclose(in);
    if (!b && !(b = calloc(1, 1))) exit(EXIT_INPUT);
    b[n] = '\0';
    *data = b;
    *len = n;
    return 0;
}

/* The feeds of path: an OPML list, or URLs one a line. */
static int read_list(watch *w, const char *path)
{
    char *s;
    size_t len;
    if (slurp(path, &s, &len)) {
        cli_error("%s: cannot read the feed list", path);
        return EXIT_INPUT;
    }
    size_t i = strspn(s, " \t\r\n\xEF\xBB\xBF");
    if (s[i] == '<') { /* OPML */
        px_feed *list;
        px_error err;
        if (px_feed_parse(s, len, NULL, NULL, &list, &err)) {
            cli_error("%s", err.message);
            free(s);
            return EXIT_INPUT;
        }
        for (size_t k = 0; k < px_feed_entry_count(list); k++) {
            const px_feed_entry *e = px_feed_get_entry(list, k);
            if (e->link) add_url(w, e->link, strlen(e->link));
        }
        px_feed_free(list);
    } else {
        long line = 0;
        for (const char *p = s; *p;) {
            size_t n = strcspn(p, "\r\n");
            line++;
            const char *t = p;
            while (t < p + n && (*t == ' ' || *t == '\t')) t++;
            size_t tn = strcspn(t, " \t#\r\n");
            if (tn && strncmp(t, "http://", 7) && strncmp(t, "https://", 8))
                cli_error("%s:%ld: not a feed URL: %.*s", path, line, (int)tn, t);
            else if (tn)
                add_url(w, t, tn);
            p += n;
            if (*p == '\r') p++;
            if (*p == '\n') p++;
        }
    }
    free(s);
    if (!w->nurls) {
        cli_error("%s: no feeds in it (an OPML file, or one feed URL a line)", path);
        return EXIT_INPUT;
    }
    return 0;
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
    px_store *store = NULL;
    px_watch *pw = NULL;
    px_watch_options wo = {.fetch = &o, .report = report, .progress = progress, .ud = &w};
    if (!status && (px_store_lock_take(db, 0, NULL, NULL, &lock, &err) ||
                    px_store_open(db, 0, &store, &err) ||
                    px_watch_new(store, (const char *const *)w.urls, w.nurls, &wo, &pw, &err))) {
        cli_error("%s", err.message);
        status = EXIT_INPUT;
    }
    if (!status) {
        volatile int *stop = cli_catch_stop();
        w.progress = isatty(STDERR_FILENO);
        const char *k = getenv("PX_WATCH_KILL_AFTER");
        w.kill_after = k ? strtoul(k, NULL, 10) : 0;
        int failed = 0;
        for (;;) {
            double next;
            if (px_watch_poll(pw, once, stop, &next, &err)) {
                cli_error("%s", err.message);
                failed = 1;
            }
            if (once || *stop || failed) break;
            show_status(&w, px_watch_counts_of(pw), 0);
            for (double slept = 0; slept < next && !*stop; slept += 1) sleep(1);
            if (*stop) break;
        }
        const px_watch_counts *n = px_watch_counts_of(pw);
        show_status(&w, n, 1);
        if (!failed && px_watch_finish(pw, &err)) {
            cli_error("%s", err.message);
            failed = 1;
        }
        const px_ingest_stats *s = px_watch_committed(pw);
        printf("polled %zu feeds: %zu new entries, %zu articles added into %zu new stories, "
               "%zu errors\n", n->polled, n->fresh, s->added, s->stories, n->errors);
        status = failed || n->errors ? EXIT_INPUT : 0;
        if (*stop) {
            cli_error("interrupted: what was fetched is stored; run it again to go on");
            status = 130;
        }
    }
    px_watch_free(pw);
    px_store_close(store);
    px_store_lock_release(lock);
    for (size_t i = 0; i < w.nurls; i++) free(w.urls[i]);
    free(w.urls);
    return status;
}
