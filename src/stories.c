/*
 * stories.c — `parallax stories`: the stories of the store, newest first.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax stories [--db PATH] [--check] [--since DATE] [--json]\n"
    "\n"
    "Lists the stories of the store, the most recently active first, under a\n"
    "header line: id, title (of its first article, or as set by `parallax\n"
    "story rename`), outlets, number of\n"
    "articles, and the dates of its first and last article.  An empty store\n"
    "is said on standard error.\n"
    "\n"
    "  --db PATH      the store (default ./parallax.db)\n"
    "  --check        check the whole store first (SQLite's integrity_check)\n"
    "  --since DATE   only stories with an article dated on or after DATE\n"
    "                 (YYYY-MM-DD)\n"
    "  -j, --json     one JSON object per story per line: id, title, outlets\n"
    "                 (an array), articles, first_seen, last_seen\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 listed, 1 the store cannot be read, 2 usage error.\n";

typedef struct listing {
    int json;
    long long rows;
} listing;

static void print_row(const px_story_row *r, void *ud)
{
    listing *l = ud;
    int json = l->json;
    if (!json && l->rows++ == 0) /* a header, so the columns say what they are */
        printf("story\ttitle\toutlets\tarticles\tfirst .. last\n");
    if (!json) { /* each field escaped for a terminal: one line a story, whatever it holds */
        printf("%lld\t", (long long)r->id);
        px_term_fputs(r->title ? r->title : "(untitled)", stdout);
        putchar('\t');
        px_term_fputs(r->outlets ? r->outlets : "-", stdout);
        printf("\t%lld article%s\t", (long long)r->articles, r->articles == 1 ? "" : "s");
        px_term_fputs(r->first ? r->first : "?", stdout);
        fputs(" .. ", stdout);
        px_term_fputs(r->last ? r->last : "?", stdout);
        putchar('\n');
        return;
    }
    json_t *o = json_object(), *outlets = json_array();
    json_object_set_new(o, "id", json_integer(r->id));
    json_object_set_new(o, "title", r->title ? json_string(r->title) : json_null());
    for (const char *s = r->outlets; s && *s;) {
        const char *e = s;
        while (*e && !(e[0] == ',' && e[1] == ' ')) e++;
        json_array_append_new(outlets, json_stringn(s, (size_t)(e - s)));
        s = *e ? e + 2 : e;
    }
    json_object_set_new(o, "outlets", outlets);
    json_object_set_new(o, "articles", json_integer(r->articles));
    json_object_set_new(o, "first_seen", r->first ? json_string(r->first) : json_null());
    json_object_set_new(o, "last_seen", r->last ? json_string(r->last) : json_null());
    json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(o);
}

int cmd_stories(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"check", no_argument, NULL, 'C'},
        {"since", required_argument, NULL, 's'},
        {"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *db = PX_STORE_DEFAULT, *since = NULL;
    int json = 0, c, check = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:s:jh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'C': check = 1; break;
        case 's':
            since = optarg;
            break;
        case 'j': json = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_error("unexpected argument '%s' (stories takes options only)", argv[optind]);
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    /* every story, a page at a time */
    px_story_filter f = {.from = since, .limit = PX_STORE_MAX_LIMIT};
    px_error err;
    px_store *s = NULL;
    char *next = NULL;
    listing l = {json, 0};
    if (since && !px_date_valid(since)) {
        cli_error("--since wants a date YYYY-MM-DD, not '%s'", since);
        return EXIT_USAGE;
    }
    px_status rc = px_store_open(db, 1, &s, &err);
    if (!rc && check) rc = px_store_check(s, &err);
    do {
        free(next);
        if (!rc) rc = px_store_stories(s, &f, print_row, &l, &next, &err);
        f.cursor = next;
    } while (!rc && next);
    free(next);
    if (rc) {
        cli_error("%s", err.message);
        px_store_close(s);
        return EXIT_INPUT;
    }
    if (!json && l.rows == 0) /* said on stderr: standard output stays a listing */
        fprintf(stderr, "parallax: no stories in %s%s%s\n", db, since ? " since " : "", since ? since : "");
    px_store_close(s);
    return fflush(stdout) ? EXIT_INPUT : 0;
}
