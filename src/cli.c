/*
 * cli.c — option parsing and the read-every-input loop the article
 * commands share.  One bad input never stops the others: it is reported,
 * the rest are printed, and the exit code says something went wrong.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("parallax: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int parse_format(const char *s, px_format *out)
{
    static const struct { const char *name; px_format format; } names[] = {
        {"auto", PX_FORMAT_AUTO}, {"text", PX_FORMAT_TEXT},
        {"html", PX_FORMAT_HTML}, {"jsonl", PX_FORMAT_JSONL}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(s, names[i].name) == 0) return *out = names[i].format, 1;
    return 0;
}

/* Returns -1 to go on, or an exit code. */
static int parse_options(int argc, char **argv, const char *usage, cli_options *opt)
{
    static const struct option longopts[] = {
        {"json", no_argument, NULL, 'j'},
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "jf:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'j': opt->json = 1; break;
        case 'f':
            if (!parse_format(optarg, &opt->format)) {
                cli_error("unknown format '%s' (auto, text, html or jsonl)", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return EXIT_USAGE;
        }
    }
    return -1;
}

static int read_input(px_context *ctx, const char *path, const cli_options *opt,
                      cli_article_fn fn)
{
    px_error err;
    px_reader *r;
    if (px_reader_open(ctx, path, opt->format, &r, &err)) {
        cli_error("%s", err.message);
        return EXIT_INPUT;
    }
    int status = 0;
    for (;;) {
        px_article *a;
        px_status rc = px_reader_next(r, &a, &err);
        if (rc == PX_EIO && !a) { /* a read error ends this input */
            cli_error("%s", err.message);
            status = EXIT_INPUT;
            break;
        }
        if (rc) { /* a bad record: report it, go on with the next */
            cli_error("%s", err.message);
            status = EXIT_INPUT;
            continue;
        }
        if (!a) break;
        rc = fn(ctx, a, opt, &err);
        px_article_free(a);
        if (rc) {
            cli_error("%s", err.message);
            status = EXIT_INPUT;
            break;
        }
    }
    px_reader_close(r);
    return status;
}

int cli_run_articles(int argc, char **argv, const char *usage, cli_article_fn fn)
{
    cli_options opt = {0};
    int code = parse_options(argc, argv, usage, &opt);
    if (code >= 0) return code;
    char *stdin_only[] = {"-"};
    char **files = argv + optind;
    int nfiles = argc - optind;
    if (nfiles == 0) {
        if (isatty(STDIN_FILENO)) {
            fputs(usage, stderr);
            return EXIT_USAGE;
        }
        files = stdin_only;
        nfiles = 1;
    }
    px_context *ctx;
    px_error err;
    if (px_context_new(&ctx, &err)) {
        cli_error("%s", err.message);
        return EXIT_INPUT;
    }
    int status = 0;
    for (int i = 0; i < nfiles; i++)
        if (read_input(ctx, files[i], &opt, fn)) status = EXIT_INPUT;
    px_context_free(ctx);
    if (fflush(stdout) != 0) {
        cli_error("writing the output failed");
        status = EXIT_INPUT;
    }
    return status;
}
