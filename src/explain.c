/*
 * explain.c — `parallax explain ARTICLE`: why a stored article is in its
 * story.
 *
 * px_store_explain() writes it, through an escaping stream
 * (px_term_stream): names, titles and ids are the articles' own text.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax explain [--db PATH] [--check] ARTICLE\n"
    "\n"
    "Says why ARTICLE (its id as given with the input, its URL, or its row\n"
    "number in the store) is in its story: whether it started the story,\n"
    "joined it or is a copy of another article; the score against the\n"
    "threshold and its parts (shared words, shared names and numbers, shared\n"
    "quotations, days apart, whether the names shared were all places); the\n"
    "words, names, numbers and quotations it shares with the rest of the\n"
    "story, strongest first; and the days it names that the story is about\n"
    "(a follow-up naming the event's day is not as far from it as its\n"
    "publication day).\n"
    "\n"
    "  --db PATH    the store (default ./parallax.db)\n"
    "  --check      check the whole store first (SQLite's integrity_check)\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit status: 0 explained, 1 no such article or the store cannot be read,\n"
    "2 usage error.\n";

int cmd_explain(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"check", no_argument, NULL, 'C'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *db = PX_STORE_DEFAULT;
    int c, check = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'C': check = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    if (optind + 1 != argc) {
        cli_error(optind == argc ? "no article given" : "one article at a time");
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    px_error err;
    px_store *s;
    px_context *ctx = NULL;
    FILE *out = NULL;
    int status = 0;
    if (px_store_open(db, 1, &s, &err) || (check && px_store_check(s, &err)) ||
        px_context_new(&ctx, &err)) {
        cli_error("%s", err.message);
        status = EXIT_INPUT;
    } else if (!(out = px_term_stream(stdout))) {
        cli_error("cannot make the output stream");
        status = EXIT_INPUT;
    } else if (px_store_explain(s, ctx, argv[optind], out, &err)) {
        cli_error("%s", err.message);
        status = EXIT_INPUT;
    }
    if (out && fclose(out)) status = EXIT_INPUT;
    px_context_free(ctx);
    px_store_close(s);
    return fflush(stdout) || status ? EXIT_INPUT : 0;
}
