/*
 * similarity.c — `parallax similarity A B`: how alike two articles are.
 */
#include <stdio.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax similarity [--json] [--format FORMAT] A B\n"
    "\n"
    "Reads two articles (two files, or one input holding two) and prints how\n"
    "alike they are, from 0 to 1, with the evidence: shared content words,\n"
    "shared entities (people, organizations, places), shared quotations and\n"
    "the closeness of their dates.  A part that cannot be measured (no quotes,\n"
    "no date) is shown as \"-\" and left out of the score.\n"
    "\n"
    "  -j, --json           print one JSON object: a, b, score, terms, entities,\n"
    "                       quotes, dates (null where not measured)\n"
    "  -f, --format FORMAT  read inputs as text, html, jsonl, feed or warc (a web\n"
    "                       archive; default: auto)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 compared, 1 an input failed or there were not two\n"
    "articles, 2 usage error.\n";

static void part(const char *name, double v, int json)
{
    if (json) {
        if (v < 0) printf(",\"%s\":null", name);
        else printf(",\"%s\":%.3f", name, v);
    } else {
        if (v < 0) printf("  %-9s -\n", name);
        else printf("  %-9s %.3f\n", name, v);
    }
}

static void json_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') printf("\\%c", *s);
        else if ((unsigned char)*s < 0x20) printf("\\u%04x", *s);
        else putchar(*s);
    }
    putchar('"');
}

int cmd_similarity(int argc, char **argv)
{
    cli_options opt = {0};
    cli_corpus c;
    int status = 0;
    int code = cli_load(argc, argv, usage, &opt, &c, &status);
    if (code >= 0) return code;
    if (c.count != 2) {
        if (!status) cli_error("similarity compares two articles; the inputs hold %zu", c.count);
        cli_corpus_free(&c);
        return EXIT_INPUT;
    }
    px_similarity sim;
    px_similarity_of(c.articles[0], c.analyses[0], c.articles[1], c.analyses[1], &sim, NULL);
    const char *a = px_article_id(c.articles[0]), *b = px_article_id(c.articles[1]);
    if (opt.json) {
        fputs("{\"a\":", stdout);
        json_string(a);
        fputs(",\"b\":", stdout);
        json_string(b);
        printf(",\"score\":%.3f", sim.score);
    } else {
        px_term_fputs(a, stdout); /* the inputs' ids, escaped for a terminal */
        putchar('\n');
        px_term_fputs(b, stdout);
        printf("\nsimilarity %.3f\n", sim.score);
    }
    part("terms", sim.terms, opt.json);
    part("entities", sim.entities, opt.json);
    part("quotes", sim.quotes, opt.json);
    part("dates", sim.dates, opt.json);
    if (opt.json) puts("}");
    cli_corpus_free(&c);
    return status;
}
