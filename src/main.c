/*
 * main.c — the parallax command: finds the subcommand and runs it.
 *
 * Each subcommand lives in its own file (extract.c, analyze.c) and owns its
 * options and --help; this file knows only their names.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"extract", cmd_extract, "print the article(s) of each input"},
    {"fetch", cmd_fetch, "fetch live pages (politely) and print their articles"},
    {"feed", cmd_feed, "read RSS, Atom and JSON feeds, news sitemaps and OPML lists as JSON"},
    {"analyze", cmd_analyze, "articles with sentences, entities, quotes, sources, numbers, dates"},
    {"similarity", cmd_similarity, "how alike two articles are, with the evidence"},
    {"compare", cmd_compare, "compare the articles of one story across outlets"},
    {"cluster", cmd_cluster, "group articles into stories (batch, nothing stored)"},
    {"add", cmd_add, "add articles to the store, grouped into stories as they come"},
    {"watch", cmd_watch, "follow feeds into the store: new entries' pages fetched and added"},
    {"feeds", cmd_feeds, "the feeds the store follows, and each one's health"},
    {"stories", cmd_stories, "list the stories of the store"},
    {"show", cmd_show, "the comparison report of a stored story"},
    {"search", cmd_search, "full-text search over the stored articles"},
    {"explain", cmd_explain, "why a stored article is in its story"},
    {"story", cmd_story, "merge, split, rename a story or move an article, by hand"},
    {"serve", cmd_serve, "the store's stories as web pages and a JSON API"},
};

static void usage(FILE *f)
{
    fputs("usage: parallax COMMAND [OPTIONS] [FILE...]\n"
          "\n"
          "See one news story through every outlet that covered it.\n"
          "\n"
          "Commands:\n", f);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "Inputs are plain text (first line the title), HTML pages, JSON Lines\n"
          "(one article object per line) and RSS/Atom feeds (an article per\n"
          "entry); \"-\" is standard input.\n"
          "\n"
          "  parallax COMMAND --help   options of a command\n"
          "  parallax --version        the version\n"
          "  man parallax              the manual\n", f);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("parallax %s\n", px_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(name, commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
    cli_error("'%s' is not a command; see 'parallax --help'", name);
    return EXIT_USAGE;
}
