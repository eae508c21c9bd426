/*
 * analyze.c — `parallax analyze`: the article with its sentences and tokens.
 */
#include <stdio.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax analyze [--json] [--format FORMAT] [FILE...]\n"
    "\n"
    "Reads each FILE (\"-\" or none: standard input) like `parallax extract`,\n"
    "then analyzes the body: sentences and tokens (each with its case-folded\n"
    "form, its stem and whether it is a stop word), entities (people,\n"
    "organizations, places, with their aliases, roles and every mention),\n"
    "quotes with their speakers, the sources the article credits, numbers\n"
    "and dates.  The text output shows the numbered sentences.\n"
    "\n"
    "  -j, --json           one JSON object per article per line: the keys of\n"
    "                       `extract --json` plus \"sentences\", \"entities\",\n"
    "                       \"quotes\", \"attributions\", \"numbers\" and\n"
    "                       \"dates\" (docs/json.md)\n"
    "  -f, --format FORMAT  read inputs as text, html, jsonl, feed or warc (a web\n"
    "                       archive; default: auto)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 all inputs read, 1 some input failed, 2 usage error.\n";

static px_status print_analysis(px_context *ctx, const px_article *a, const cli_options *opt,
                                px_error *err)
{
    static int count;
    px_analysis *an;
    px_status rc = px_analyze(ctx, a, &an, err);
    if (rc) return rc;
    if (opt->json) {
        rc = px_render_json(a, an, stdout, err);
        if (!rc) putchar('\n');
    } else {
        if (count++) fputs("\n----\n\n", stdout);
        rc = px_render_text(a, an, stdout, err);
    }
    px_analysis_free(an);
    return rc;
}

int cmd_analyze(int argc, char **argv)
{
    return cli_run_articles(argc, argv, usage, print_analysis);
}
