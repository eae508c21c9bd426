/*
 * fetch.c — `parallax fetch URL...`: live pages, fetched politely and
 * extracted (the library's px_fetcher and px_article_from_response()).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax fetch [--json] [--interval SECONDS] [--per-host N] [--concurrency N]\n"
    "                      [--timeout SECONDS] [--retries N] [--contact URL] URL...\n"
    "\n"
    "Fetches each URL (http or https) and prints its article as `extract`\n"
    "does, in the order the pages arrive.  Politely: robots.txt is fetched\n"
    "once per host and obeyed; per host at most 2 requests are open and one\n"
    "starts at most every 5 seconds (a Crawl-delay or a 429/503 Retry-After\n"
    "waits longer, up to 60 s; past that a URL fails as postponed); no\n"
    "connection, a timeout, 429 and 5xx are retried twice with growing,\n"
    "jittered waits.  Limits: 10 s to connect, 30 s a page,\n"
    "10 MiB of body after decompression (gzip, deflate, br), 5 redirects.\n"
    "The Content-Type's charset is obeyed over the page's own.\n"
    "\n"
    "  -j, --json            one JSON object per article per line (docs/json.md)\n"
    "      --interval S      seconds between two requests to one host (default 5;\n"
    "                        0 for a server of your own, such as 127.0.0.1)\n"
    "      --per-host N      requests open at once to one host (default 2)\n"
    "      --concurrency N   requests open at once in all (default 16)\n"
    "      --timeout S       seconds for a whole page (default 30)\n"
    "      --retries N       retries after a transient failure (default 2)\n"
    "      --contact URL     put in the user agent, so a site can reach you\n"
    "  -h, --help            show this help\n"
    "\n"
    "Each failure is reported as `parallax: URL: what failed` (HTTP 404,\n"
    "disallowed by robots.txt, timed out, body over N bytes, too many\n"
    "redirects) and the other pages are still printed.\n"
    "\n"
    "Exit status: 0 every page printed, 1 some page failed, 2 usage error,\n"
    "130 stopped by Ctrl-C.\n";

typedef struct run {
    px_context *ctx;
    int json, status, count;
} run;

static void got(const px_fetch_result *r, void *ud)
{
    run *u = ud;
    if (r->code) {
        cli_error("%s: %s", r->url, r->error);
        u->status = EXIT_INPUT;
        return;
    }
    px_article *a;
    px_error err;
    if (px_article_from_response(u->ctx, r->body, r->len, r->content_type, r->final_url, &a, &err)) {
        cli_error("%s", err.message);
        u->status = EXIT_INPUT;
        return;
    }
    px_status rc;
    if (u->json) {
        rc = px_render_json(a, NULL, stdout, &err);
        if (!rc) putchar('\n');
    } else {
        if (u->count++) fputs("\n----\n\n", stdout);
        rc = px_render_text(a, NULL, stdout, &err);
    }
    if (rc) {
        cli_error("%s", err.message);
        u->status = EXIT_INPUT;
    }
    px_article_free(a);
}

int cmd_fetch(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"json", no_argument, NULL, 'j'}, CLI_FETCH_LONGOPTS,
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    px_fetch_options o;
    px_fetch_options_default(&o);
    run u = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "jh", longopts, NULL)) != -1) {
        switch (c) {
        case 'j': u.json = 1; break;
        case 'i': case 'p': case 'c': case 't': case 'r': case 'C':
            if (cli_fetch_option(c, optarg, &o) < 0) return EXIT_USAGE;
            break;
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        cli_error("no URL given");
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    px_error err;
    px_fetcher *f = NULL;
    if (px_context_new(&u.ctx, &err) || px_fetcher_new(&o, &f, &err)) {
        cli_error("%s", err.message);
        px_context_free(u.ctx);
        return EXIT_INPUT;
    }
    for (int i = optind; i < argc; i++)
        if (px_fetcher_add(f, argv[i], NULL, NULL, NULL, &err)) {
            cli_error("%s", err.message);
            u.status = EXIT_INPUT;
        }
    volatile int *stop = cli_catch_stop();
    if (px_fetcher_run(f, got, &u, stop, &err)) {
        cli_error("%s", err.message);
        u.status = EXIT_INPUT;
    }
    if (*stop) {
        cli_error("interrupted: the pages above were printed, the others not");
        u.status = 130;
    }
    px_fetcher_free(f);
    px_context_free(u.ctx);
    if (fflush(stdout)) u.status = EXIT_INPUT;
    return u.status;
}
