/*
 * extract.c — `parallax extract`: print the article(s) read from each input.
 */
#include <stdio.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax extract [--json] [--format FORMAT] [FILE...]\n"
    "\n"
    "Reads each FILE (\"-\" or none: standard input) and prints its article(s):\n"
    "title, byline, date, dateline, outlet, language and the body paragraphs,\n"
    "with the boilerplate lines that were taken out of the body.  A web archive\n"
    "(WARC or ARC, gzip or not) gives one article per HTML page it holds; a line\n"
    "on standard error counts its records, and a damaged record is reported with\n"
    "its byte offset while the rest are read.\n"
    "\n"
    "  -j, --json           one JSON object per article per line (docs/json.md)\n"
    "  -f, --format FORMAT  read inputs as text, html, jsonl, feed or warc (default:\n"
    "                       auto: from an archive's first bytes, else the file name,\n"
    "                       else the first byte)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 all inputs read, 1 some input failed, 2 usage error.\n";

static px_status print_article(px_context *ctx, const px_article *a, const cli_options *opt,
                               px_error *err)
{
    (void)ctx;
    static int count;
    if (opt->json) {
        px_status rc = px_render_json(a, NULL, stdout, err);
        if (!rc) putchar('\n');
        return rc;
    }
    if (count++) fputs("\n----\n\n", stdout);
    return px_render_text(a, NULL, stdout, err);
}

int cmd_extract(int argc, char **argv)
{
    return cli_run_articles(argc, argv, usage, print_article);
}
