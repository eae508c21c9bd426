/*
 * show.c — `parallax show STORY`: the comparison report of a stored story
 * (px_compare over its articles, re-read from the store and analysed).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store/store.h"

static const char usage[] =
    "usage: parallax show [--db PATH] [--check] [--json | --html FILE] STORY\n"
    "\n"
    "Prints the comparison report of story STORY (an id from `parallax\n"
    "stories`): its articles side by side, as `parallax compare` does.  A\n"
    "story of one article is printed as that article; its --json and --html\n"
    "are a comparison of one article, in the same shape as any story's.\n"
    "\n"
    "  --db PATH      the store (default ./parallax.db)\n"
    "  --check        check the whole store first (SQLite's integrity_check)\n"
    "  -j, --json     one JSON object (the keys of `compare --json`)\n"
    "      --html FILE  a standalone HTML page into FILE (\"-\": standard output)\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 shown, 1 no such story or the store cannot be read,\n"
    "2 usage error.\n";

static int render(px_context *ctx, px_article **arts, px_analysis **ans, size_t n, int json,
                  const char *html)
{
    px_error err;
    px_status rc;
    if (n == 1 && !json && !html) { /* on a terminal, one article reads best as itself */
        rc = px_render_text(arts[0], NULL, stdout, &err);
        if (rc) cli_error("%s", err.message);
        return rc ? EXIT_INPUT : 0;
    }
    px_comparison *cmp;
    if ((rc = px_compare(ctx, arts, ans, n, &cmp, &err))) {
        cli_error("%s", err.message);
        return EXIT_INPUT;
    }
    if (html) {
        FILE *f = strcmp(html, "-") == 0 ? stdout : fopen(html, "w");
        if (!f) {
            cli_error("%s: cannot write: %s", html, strerror(errno));
            px_comparison_free(cmp);
            return EXIT_INPUT;
        }
        rc = px_render_comparison_html(cmp, f, &err);
        if (f != stdout && fclose(f) && !rc) rc = px_error_set(&err, PX_EIO, html, 0, 0, "writing failed");
    } else if (json) {
        rc = px_render_comparison_json(cmp, stdout, &err);
        if (!rc) putchar('\n');
    } else {
        rc = px_render_comparison_text(cmp, stdout, &err);
    }
    px_comparison_free(cmp);
    if (rc) cli_error("%s", err.message);
    return rc ? EXIT_INPUT : 0;
}

int cmd_show(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"check", no_argument, NULL, 'C'},
        {"json", no_argument, NULL, 'j'},
        {"html", required_argument, NULL, 'H'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *db = PX_STORE_DEFAULT, *html = NULL;
    int json = 0, c, check = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:jh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'C': check = 1; break;
        case 'j': json = 1; break;
        case 'H': html = optarg; break;
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    if (json && html) {
        cli_error("--json and --html are exclusive");
        return EXIT_USAGE;
    }
    if (optind + 1 != argc) {
        cli_error(optind == argc ? "no story given" : "one story at a time");
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    long long story = cli_story_id(argv[optind]);
    if (story <= 0) return EXIT_USAGE;
    px_error err;
    px_store *s;
    px_context *ctx = NULL;
    px_article **arts = NULL;
    size_t n = 0;
    if (px_store_open(db, 1, &s, &err) || (check && px_store_check(s, &err)) ||
        px_context_new(&ctx, &err) ||
        px_store_story_articles(s, ctx, story, &arts, &n, &err)) {
        cli_error("%s", err.message);
        px_context_free(ctx);
        px_store_close(s);
        return EXIT_INPUT;
    }
    px_analysis **ans = px_xcalloc(n, sizeof *ans);
    int status = 0;
    for (size_t i = 0; i < n && !status; i++)
        if (px_analyze(ctx, arts[i], &ans[i], &err)) {
            cli_error("%s", err.message);
            status = EXIT_INPUT;
        }
    if (!status) status = render(ctx, arts, ans, n, json, html);
    for (size_t i = 0; i < n; i++) {
        px_analysis_free(ans[i]);
        px_article_free(arts[i]);
    }
    free(ans);
    free(arts);
    px_context_free(ctx);
    px_store_close(s);
    if (fflush(stdout)) status = EXIT_INPUT;
    return status;
}
