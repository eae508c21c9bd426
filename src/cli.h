/*
 * cli.h — what the subcommands of the parallax command share.
 *
 * Exit codes, for every subcommand:
 *   0  every input was read and printed
 *   1  some input could not be read (each is reported; the others printed)
 *   2  the command line is wrong (usage)
 */
#ifndef PX_CLI_H
#define PX_CLI_H

#include "parallax.h"

enum { EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* Options only some commands take: set in cli_options.allow before parsing;
 * the others refuse them as unknown. */
enum { CLI_HTML = 1 };

typedef struct cli_options {
    int json;          /* --json */
    px_format format;  /* --format, or PX_FORMAT_AUTO */
    unsigned allow;    /* CLI_HTML: the command takes --html */
    const char *html;  /* --html FILE, or NULL */
    const char *output; /* -o/--output FILE (with CLI_HTML only), or NULL */
    unsigned summary_words; /* --summary-words N (with CLI_HTML only), or 0 */
    int light;         /* set by the command: cli_load() runs px_analyze_light(),
                        * enough for grouping (cluster), not for compare */
    size_t max_articles; /* set by the command: cli_load() stops reading, with a
                          * message naming the input, past this many articles
                          * (0: no limit) ... */
    size_t max_bytes;    /* ... or past this many bytes of article text in all */
} cli_options;

/* Called for each article read; returns PX_OK or an output error. */
typedef px_status (*cli_article_fn)(px_context *ctx, const px_article *a,
                                    const cli_options *opt, px_error *err);

/*
 * Parses the options shared by the article commands (--json, --format, -h)
 * from argv[1..], then reads every FILE (or standard input when there is
 * none and it is not a terminal) and calls fn for each article.  Errors are
 * reported as "parallax: MESSAGE" on stderr.  Returns the exit code.
 */
int cli_run_articles(int argc, char **argv, const char *usage, cli_article_fn fn);

/* Sets *out from a --format name; else reports it and returns 1. */
int cli_parse_format(const char *s, px_format *out);

/* After a usage error has been reported: prints the synopsis of usage (the
 * text up to its first blank line) and "Try 'parallax CMD --help'" to
 * stderr. */
void cli_usage_error(const char *usage);
/* The story id s names (a positive decimal number); else reports that s is
 * not a story id and returns 0. */
long long cli_story_id(const char *s);
/* The politeness options `fetch` and `watch` share, for their longopts
 * tables; their short codes are 'i', 'p', 'c', 't', 'r' and 'C'. */
#define CLI_FETCH_LONGOPTS                                                      \
    {"interval", required_argument, NULL, 'i'},                                 \
    {"per-host", required_argument, NULL, 'p'},                                 \
    {"concurrency", required_argument, NULL, 'c'},                              \
    {"timeout", required_argument, NULL, 't'},                                  \
    {"retries", required_argument, NULL, 'r'}, {"contact", required_argument, NULL, 'C'}
/* Applies option c (one of CLI_FETCH_LONGOPTS) with its argument to o:
 * 1 when taken, 0 when c is not one of them, -1 when the value is out of
 * range (reported). */
int cli_fetch_option(int c, const char *arg, px_fetch_options *o);
/* Makes the first SIGINT or SIGTERM set the returned flag to its signal
 * number, a request to stop cleanly that the caller checks (and passes to
 * px_fetcher_run()); the handler resets itself, so a second one ends the
 * process at once.  The flag is process-wide: one per command. */
volatile int *cli_catch_stop(void);
/* Prints "parallax: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* After reading a web archive (else nothing): one line on standard error
 * of what its records held (pages, records without one, not HTML, bad). */
void cli_archive_summary(const char *path, const px_reader *r);

/* Every article of the inputs, analysed, in input order. */
typedef struct cli_corpus {
    px_context *ctx;
    px_article **articles;
    px_analysis **analyses;
    size_t count;
    size_t bytes;    /* article text read, in bytes */
    int over_limit;  /* reading stopped at opt->max_articles or max_bytes */
    unsigned char *borrowed; /* per article: 1 when its analysis is an earlier
                              * article's (the same text and fields) */
    void *seen;      /* the first article of each text (cli.c) */
} cli_corpus;

/*
 * Parses the shared options like cli_run_articles(), then reads and
 * analyses every article of every input into *out.  Bad inputs are
 * reported and skipped (*status becomes EXIT_INPUT).  Past opt->max_articles
 * or opt->max_bytes, reading stops (the rest of the inputs unread: standard
 * input is never read to its end), it is reported, out->over_limit is set
 * and *status becomes EXIT_INPUT.  Returns -1 when reading went ahead, or
 * an exit code (usage, --help).
 */
int cli_load(int argc, char **argv, const char *usage, cli_options *opt, cli_corpus *out,
             int *status);
void cli_corpus_free(cli_corpus *c);

int cmd_extract(int argc, char **argv);
int cmd_feed(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_similarity(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_cluster(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_story(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_fetch(int argc, char **argv);
int cmd_watch(int argc, char **argv);
int cmd_feeds(int argc, char **argv);

#endif
