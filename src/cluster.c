/*
 * cluster.c — `parallax cluster FILE...`: group the articles of the inputs
 * into stories, in batch (px_cluster): the online algorithm of
 * `parallax add` over the articles sorted by date, then the merge and
 * refinement passes.  Nothing is stored.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax cluster [--json] [--format FORMAT] FILE...\n"
    "\n"
    "Groups the articles of the inputs into stories (articles about the same\n"
    "real-world event) and prints one line per article, in input order: its\n"
    "id and its story id (stories are numbered 1, 2, ... in the order they\n"
    "start).  The same algorithm as `parallax add`, run over the articles\n"
    "sorted by date, followed by passes that merge stories that drifted apart\n"
    "and move each article to the story it fits best.  Inputs are like\n"
    "`parallax extract`'s; JSON Lines records have id, title, text, date, url,\n"
    "outlet (date and outlet may be missing).\n"
    "\n"
    "  -j, --json           one JSON object per line: {\"id\": ..., \"story\": N},\n"
    "                       with \"copy_of\": ID for a syndicated copy\n"
    "  -f, --format FORMAT  read inputs as text, html, jsonl, feed or warc (a web\n"
    "                       archive; default: auto)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 all inputs read, 1 some input failed (the others are\n"
    "grouped), 2 usage error.\n";

int cmd_cluster(int argc, char **argv)
{
    cli_options opt = {.light = 1}; /* grouping reads no numbers or speakers */
    cli_corpus c;
    int status = 0;
    int code = cli_load(argc, argv, usage, &opt, &c, &status);
    if (code >= 0) return code;
    size_t n = c.count;
    int64_t *story = calloc(n ? n : 1, sizeof *story), *copy = calloc(n ? n : 1, sizeof *copy);
    if (!story || !copy) abort(); /* out of memory: fatal, as in the library */
    px_error err;
    if (px_cluster(c.ctx, c.articles, c.analyses, n, story, copy, NULL, &err)) {
        cli_error("%s", err.message);
        free(story);
        free(copy);
        cli_corpus_free(&c);
        return EXIT_INPUT;
    }
    for (size_t i = 0; i < n; i++) {
        const char *id = px_article_id(c.articles[i]);
        if (!opt.json) { /* the id is the input's: escaped for the terminal */
            px_term_fputs(id, stdout);
            printf("\t%lld\n", (long long)story[i]);
            continue;
        }
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(id));
        json_object_set_new(o, "story", json_integer(story[i]));
        if (copy[i] >= 0)
            json_object_set_new(o, "copy_of", json_string(px_article_id(c.articles[copy[i]])));
        json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(o);
    }
    free(story);
    free(copy);
    cli_corpus_free(&c);
    if (fflush(stdout)) return EXIT_INPUT;
    return status;
}
