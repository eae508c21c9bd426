/*
 * feeds.c — `parallax feeds`: the feeds the store follows (`watch`), with
 * each one's health.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <time.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax feeds [--db PATH] [--json]\n"
    "\n"
    "Lists the feeds the store follows (`parallax watch`), by URL, under a\n"
    "header line: URL, title, last fetch (UTC), the HTTP status of the last\n"
    "fetch (0: no answer), items a day (from the entries' dates; - unknown),\n"
    "items seen, next poll (UTC), and the last error, when the last fetch\n"
    "failed.\n"
    "\n"
    "  --db PATH      the store (default ./parallax.db)\n"
    "  -j, --json     one JSON object per feed per line: url, title,\n"
    "                 last_fetch, status, error, items_per_day, items, next_poll\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 listed, 1 the store cannot be read, 2 usage error.\n";

typedef struct listing {
    int json;
    long rows;
} listing;

static const char *utc(int64_t t, char buf[32])
{
    if (!t) return "-";
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

static void print_feed(const px_feed_row *r, void *ud)
{
    listing *l = ud;
    char a[32], b[32];
    if (l->json) {
        json_t *o = json_pack("{s:s, s:o, s:o, s:I, s:o, s:o, s:I, s:o}", "url", r->url, "title",
                              r->title ? json_string(r->title) : json_null(), "last_fetch",
                              r->last_fetch ? json_string(utc(r->last_fetch, a)) : json_null(),
                              "status", (json_int_t)r->last_status, "error",
                              r->last_error ? json_string(r->last_error) : json_null(),
                              "items_per_day", r->items_per_day >= 0 ? json_real(r->items_per_day) : json_null(),
                              "items", (json_int_t)r->items, "next_poll",
                              r->next_poll ? json_string(utc(r->next_poll, b)) : json_null());
        json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(o);
        l->rows++;
        return;
    }
    if (l->rows++ == 0) printf("feed\ttitle\tlast fetch\tstatus\titems/day\titems\tnext poll\terror\n");
    char rate[32] = "-";
    if (r->items_per_day >= 0) snprintf(rate, sizeof rate, "%.1f", r->items_per_day);
    /* the feed's own text (URL, title, error) escaped for the terminal */
    px_term_fputs(r->url, stdout);
    putchar('\t');
    px_term_fputs(r->title ? r->title : "-", stdout);
    printf("\t%s\t%ld\t%s\t%lld\t%s\t", utc(r->last_fetch, a), r->last_status, rate,
           (long long)r->items, utc(r->next_poll, b));
    px_term_fputs(r->last_error ? r->last_error : "-", stdout);
    putchar('\n');
}

int cmd_feeds(int argc, char **argv)
{
    static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                             {"json", no_argument, NULL, 'j'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = PX_STORE_DEFAULT;
    listing l = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:jh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': l.json = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_error("unexpected argument '%s' (feeds takes options only)", argv[optind]);
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    px_error err;
    px_store *s;
    if (px_store_open(db, 1, &s, &err) || px_store_feeds(s, print_feed, &l, &err)) {
        cli_error("%s", err.message);
        px_store_close(s);
        return EXIT_INPUT;
    }
    if (!l.rows) fprintf(stderr, "parallax: %s follows no feeds (see `parallax watch`)\n", db);
    px_store_close(s);
    return fflush(stdout) ? EXIT_INPUT : 0;
}
