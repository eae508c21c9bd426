/*
 * serve.c — `parallax serve`: the store as web pages and a JSON API
 * (px_server_start, lib/serve), until SIGINT or SIGTERM.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax serve [--db PATH] [--listen HOST:PORT] [--threads N] [--per-ip N]\n"
    "                      [--groups FILE] [--quiet]\n"
    "\n"
    "Serves the stories of the store as web pages (a story's comparison, its\n"
    "articles, outlets, search) and as a JSON API under /api/v1 (docs/api.md),\n"
    "until interrupted.  The store is only read: `parallax add` may write it\n"
    "meanwhile, and pages show what it has committed.  Prints the address it\n"
    "listens on, then one line per request on standard error.\n"
    "\n"
    "  --db PATH           the store (default ./parallax.db)\n"
    "  --listen HOST:PORT  the IPv4 address and port (default 127.0.0.1:8080;\n"
    "                      port 0: any free one).  Another address than\n"
    "                      127.0.0.1 makes the store readable by others\n"
    "  --threads N         worker threads (default 4, at most 64)\n"
    "  --per-ip N          connections at once from one address (default 64)\n"
    "  --groups FILE       outlet groups: lines \"[group name]\", then its outlets,\n"
    "                      one a line, '#' a comment; a story's page then says\n"
    "                      which groups covered it and which did not\n"
    "  --quiet             no line per request\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 stopped by SIGINT or SIGTERM, 1 the store or the groups file\n"
    "cannot be read (a malformed groups file: FILE:LINE: what is wrong) or the\n"
    "address cannot be bound, 2 usage error.\n";

/* HOST:PORT (or PORT, or :PORT) into o; 0, or 1 when malformed. */
static int parse_listen(const char *s, char *host, size_t size, px_server_options *o)
{
    const char *colon = strrchr(s, ':');
    const char *port = colon ? colon + 1 : s;
    size_t n = colon ? (size_t)(colon - s) : 0;
    if (n >= size) return 1;
    memcpy(host, s, n);
    host[n] = 0;
    char *end;
    long p = strtol(port, &end, 10);
    if (!*port || *end || p < 0 || p > 65535) return 1;
    o->host = n ? host : "127.0.0.1";
    o->port = p ? (unsigned)p : PX_SERVER_ANY_PORT;
    return 0;
}

int cmd_serve(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"listen", required_argument, NULL, 'l'},
        {"threads", required_argument, NULL, 't'}, {"quiet", no_argument, NULL, 'q'},
        {"per-ip", required_argument, NULL, 'p'}, {"groups", required_argument, NULL, 'g'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    px_server_options o = {.db = PX_STORE_DEFAULT};
    char host[64];
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:l:t:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o.db = optarg; break;
        case 'l':
            if (parse_listen(optarg, host, sizeof host, &o)) {
                cli_error("--listen wants HOST:PORT (127.0.0.1:8080), not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case 't':
            o.threads = (unsigned)atoi(optarg);
            if (o.threads < 1 || o.threads > 64) {
                cli_error("--threads wants a number from 1 to 64");
                return EXIT_USAGE;
            }
            break;
        case 'p':
            o.per_ip = (unsigned)atoi(optarg);
            if (o.per_ip < 1 || o.per_ip > 100000) {
                cli_error("--per-ip wants a number from 1 to 100000");
                return EXIT_USAGE;
            }
            break;
        case 'g': o.groups = optarg; break;
        case 'q': o.quiet = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    if (optind != argc) {
        cli_error("serve takes no file: '%s'", argv[optind]);
        return EXIT_USAGE;
    }
    /* the signals are waited for, not handled: blocked in every thread */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    o.bench = getenv("PARALLAX_SERVE_BENCH") != NULL; /* bench/serve only */
    px_server *s;
    px_error err;
    if (px_server_start(&o, &s, &err)) {
        cli_error("%s", err.message);
        return err.code == PX_EUSAGE ? EXIT_USAGE : EXIT_INPUT;
    }
    printf("parallax serve: http://%s:%u/ (the store %s)\n", o.host ? o.host : "127.0.0.1",
           px_server_port(s), o.db);
    fflush(stdout);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "parallax serve: stopping (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    px_server_stop(s);
    return 0;
}
