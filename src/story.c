/*
 * story.c — `parallax story merge|split|move|rename`: decisions by hand
 * about the store's stories (px_store_story_merge and the rest), which
 * later grouping respects.  A writer: it takes the store's lock as `add`
 * does, so it never runs beside another writer.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax story [--db PATH] [--wait] merge STORY OTHER\n"
    "       parallax story [--db PATH] [--wait] split STORY ARTICLE...\n"
    "       parallax story [--db PATH] [--wait] move ARTICLE STORY\n"
    "       parallax story [--db PATH] [--wait] rename STORY TITLE\n"
    "\n"
    "Changes the store's stories by hand; the store records each decision\n"
    "with its time, and later grouping (add, watch) respects it: it never\n"
    "moves an article back, it compares new articles with the stories as\n"
    "they now are (a copy of a moved article follows it), and a title set by\n"
    "rename is kept.  Comparisons cached for the stories changed are made\n"
    "again when next shown.\n"
    "\n"
    "  merge STORY OTHER     OTHER's articles join STORY, which keeps its id\n"
    "                        and title; OTHER is left empty\n"
    "  split STORY ARTICLE...  the ARTICLEs (ids as given with the input,\n"
    "                        URLs or row numbers) leave STORY for a new story,\n"
    "                        whose id is printed\n"
    "  move ARTICLE STORY    ARTICLE leaves its story for STORY\n"
    "  rename STORY TITLE    STORY's title becomes TITLE\n"
    "\n"
    "One writer at a time, as for add: story holds the store's lock\n"
    "(PATH.lock) and fails at once when another writer has it (or waits\n"
    "with --wait).\n"
    "\n"
    "  --db PATH    the store (default ./parallax.db)\n"
    "  --wait       wait for another writer to finish instead of failing\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit status: 0 done, 1 no such story or article, a decision that makes\n"
    "no sense (a story merged with itself, an article moved to its own\n"
    "story, a split that would empty the story) or the store cannot be\n"
    "written (nothing is changed), 2 usage error.\n";

static void waiting(const char *holder, void *ud)
{
    cli_error("%s: waiting for the writer that holds the store (%s)", (const char *)ud, holder);
}

/* Runs the decision of verb on args (n of them); prints what was done. */
static int decide(px_store *s, px_context *ctx, const char *verb, char **args, int n)
{
    px_error err;
    px_status rc;
    long long a, b;
    int64_t other = 0;
    if (strcmp(verb, "merge") == 0) {
        if (!(a = cli_story_id(args[0])) || !(b = cli_story_id(args[1]))) return EXIT_USAGE;
        if (!(rc = px_store_story_merge(s, a, b, &err)))
            printf("merged story %lld into story %lld\n", b, a);
    } else if (strcmp(verb, "split") == 0) {
        if (!(a = cli_story_id(args[0]))) return EXIT_USAGE;
        if (!(rc = px_store_story_split(s, ctx, a, (const char *const *)args + 1, (size_t)n - 1,
                                        &other, &err)))
            printf("split %d article%s out of story %lld into new story %lld\n", n - 1,
                   n == 2 ? "" : "s", a, (long long)other);
    } else if (strcmp(verb, "move") == 0) {
        if (!(b = cli_story_id(args[1]))) return EXIT_USAGE;
        if (!(rc = px_store_story_move(s, ctx, args[0], b, &other, &err))) {
            fputs("moved article ", stdout);
            px_term_fputs(args[0], stdout);
            printf(" from story %lld to story %lld\n", (long long)other, b);
        }
    } else {
        if (!(a = cli_story_id(args[0]))) return EXIT_USAGE;
        if (!(rc = px_store_story_rename(s, a, args[1], &err))) {
            printf("renamed story %lld: ", a);
            px_term_fputs(args[1], stdout);
            putchar('\n');
        }
    }
    if (rc) cli_error("%s", err.message);
    return rc ? EXIT_INPUT : 0;
}

int cmd_story(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"wait", no_argument, NULL, 'w'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *db = PX_STORE_DEFAULT;
    int c, wait = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "+d:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'w': wait = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    static const struct verb {
        const char *name;
        int min, max; /* arguments after the verb */
    } verbs[] = {{"merge", 2, 2}, {"split", 2, 1 << 20}, {"move", 2, 2}, {"rename", 2, 2}};
    if (optind >= argc) {
        cli_error("no decision given (merge, split, move or rename)");
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    const char *verb = argv[optind];
    const struct verb *v = NULL;
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (strcmp(verb, verbs[i].name) == 0) v = &verbs[i];
    int n = argc - optind - 1;
    if (!v) {
        cli_error("'%s' is not a decision: merge, split, move or rename", verb);
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    if (n < v->min || n > v->max) {
        cli_error("story %s takes %s", verb,
                  strcmp(verb, "split") == 0 ? "a story and one or more articles"
                  : strcmp(verb, "merge") == 0 ? "two stories"
                  : strcmp(verb, "move") == 0 ? "an article and a story"
                                              : "a story and a title");
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    px_error err;
    px_store *s = NULL;
    px_context *ctx = NULL;
    /* opened first, so a missing store is said without making PATH.lock
     * beside it; the lock is taken before anything is read */
    px_store_lock *lock = NULL;
    int status = 0;
    if (px_store_open(db, 1, &s, &err) || px_store_lock_take(db, wait, waiting, (void *)db, &lock, &err) ||
        px_context_new(&ctx, &err)) {
        cli_error("%s", err.message);
        status = EXIT_INPUT;
    } else {
        status = decide(s, ctx, verb, argv + optind + 1, n);
    }
    px_context_free(ctx);
    px_store_close(s);
    px_store_lock_release(lock);
    if (fflush(stdout) && !status) status = EXIT_INPUT;
    return status;
}
