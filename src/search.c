/*
 * search.c — `parallax search QUERY`: full-text search over the stored
 * articles (SQLite FTS5, ranked by BM25).
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "render/term.h"
#include "store/store.h"

static const char usage[] =
    "usage: parallax search [--db PATH] [--check] [--limit N] [--json] QUERY\n"
    "\n"
    "Searches the titles and texts of the stored articles and prints the best\n"
    "matches: article id, story id, date, outlet, title and the matching\n"
    "words in context.  QUERY is in SQLite FTS5 syntax: words (all must\n"
    "occur; stemmed, so \"earthquakes\" finds \"earthquake\"), \"a phrase\",\n"
    "OR, NOT, prefix*.\n"
    "\n"
    "  --db PATH     the store (default ./parallax.db)\n"
    "  --check       check the whole store first (SQLite's integrity_check)\n"
    "  --limit N     at most N results (default 20)\n"
    "  -j, --json    one JSON object per result per line: id, story, title,\n"
    "                outlet, date, snippet\n"
    "  -h, --help    show this help\n"
    "\n"
    "Exit status: 0 searched (even with no result), 1 the store cannot be\n"
    "read, 2 usage error or a malformed query.\n";

static void print_hit(const px_search_hit *h, void *ud)
{
    if (!*(int *)ud) { /* each field escaped (render/term.h): two lines a hit */
        px_buf f[5] = {{0}};
        printf("%s\tstory %lld\t%s\t%s\t%s\n    %s\n", px_term_field(&f[0], h->id),
               (long long)h->story, h->date ? px_term_field(&f[1], h->date) : "-",
               h->outlet ? px_term_field(&f[2], h->outlet) : "-",
               h->title ? px_term_field(&f[3], h->title) : "",
               h->snippet ? px_term_field(&f[4], h->snippet) : "");
        for (int i = 0; i < 5; i++) px_buf_free(&f[i]);
        return;
    }
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(h->id));
    json_object_set_new(o, "story", json_integer(h->story));
    json_object_set_new(o, "title", h->title ? json_string(h->title) : json_null());
    json_object_set_new(o, "outlet", h->outlet ? json_string(h->outlet) : json_null());
    json_object_set_new(o, "date", h->date ? json_string(h->date) : json_null());
    json_object_set_new(o, "snippet", h->snippet ? json_string(h->snippet) : json_null());
    json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(o);
}

int cmd_search(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"check", no_argument, NULL, 'C'},
        {"limit", required_argument, NULL, 'n'},
        {"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *db = PX_STORE_DEFAULT;
    int json = 0, limit = 20, c, check = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:n:jh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'C': check = 1; break;
        case 'n':
            limit = atoi(optarg);
            if (limit < 1) {
                cli_error("--limit wants a positive number");
                return EXIT_USAGE;
            }
            break;
        case 'j': json = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    if (optind + 1 != argc) {
        cli_error(optind == argc ? "no query given" : "one query (quote words that belong together: 'a b')");
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    px_error err;
    px_store *s;
    if (px_store_open(db, 1, &s, &err) || (check && px_store_check(s, &err))) {
        cli_error("%s", err.message);
        px_store_close(s);
        return EXIT_INPUT;
    }
    px_status rc = px_store_search(s, argv[optind], limit, print_hit, &json, &err);
    px_store_close(s);
    if (rc) {
        cli_error("%s", err.message);
        return rc == PX_EUSAGE ? EXIT_USAGE : EXIT_INPUT;
    }
    return fflush(stdout) ? EXIT_INPUT : 0;
}
