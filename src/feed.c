/*
 * feed.c — `parallax feed`: read feeds, news sitemaps and OPML lists and
 * print what they hold as JSON, one object per input per line (the keys:
 * docs/json.md, "Feeds").
 *
 * Each file is pushed to the feed parser in 64 KB chunks, as a fetcher
 * would push a body.  --header gives the HTTP headers the bytes came with
 * (Content-Type decides the encoding by RFC 3023; Content-Location is the
 * base of relative links, resolved against --url), so a saved response
 * reads as it did over the wire.
 *
 * An operand that is an http(s) URL is fetched first, politely (the
 * library's px_fetcher, with `fetch`'s options), and read with the
 * response's own headers (px_feed_from_response()); the objects are still
 * printed in the order of the operands.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax feed [--url URL] [--header 'NAME: VALUE']... [--robots]\n"
    "                     [fetch options] FILE|URL...\n"
    "\n"
    "Reads each FILE (\"-\": standard input) or http(s) URL as an RSS\n"
    "0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed, a sitemap, sitemap index or\n"
    "Google News sitemap (.xml or .xml.gz), or an OPML feed list, and prints\n"
    "one JSON object per input, in the order given: version, encoding, bozo\n"
    "(read leniently: not well-formed, or not in its declared encoding), the\n"
    "feed's fields and its entries (title, link, id, published, updated,\n"
    "authors, summary, content, language).  Dates are ISO 8601 UTC; an\n"
    "unreadable date is left out, never made up.\n"
    "\n"
    "  -u, --url URL        the address a FILE was read from: the base of\n"
    "                       relative links\n"
    "  -H, --header HEADER  an HTTP header a FILE came with (repeatable):\n"
    "                       Content-Type (its charset, by RFC 3023),\n"
    "                       Content-Location (the base URL) and\n"
    "                       Content-Language are used; giving any header\n"
    "                       reads the FILE as an HTTP body\n"
    "      --robots         read each FILE as a robots.txt and print its\n"
    "                       Sitemap: URLs, one a line\n"
    "  -h, --help           show this help\n"
    "\n"
    "A URL is fetched as `parallax fetch` fetches (robots.txt obeyed, one\n"
    "request to a host every 5 seconds, retries, 10 MiB at most) and read\n"
    "with its response's headers; the same options change that:\n"
    "      --interval S      seconds between two requests to one host (default 5;\n"
    "                        0 for a server of your own, such as 127.0.0.1)\n"
    "      --per-host N      requests open at once to one host (default 2)\n"
    "      --concurrency N   requests open at once in all (default 16)\n"
    "      --timeout S       seconds for a whole response (default 30)\n"
    "      --retries N       retries after a transient failure (default 2)\n"
    "      --contact URL     put in the user agent, so a site can reach you\n"
    "\n"
    "Exit status: 0 all inputs read, 1 some input failed, 2 usage error,\n"
    "130 stopped by Ctrl-C.\n";

static void put(json_t *o, const char *key, const char *v)
{
    if (v) json_object_set_new(o, key, json_string(v));
}

static void put_text(json_t *o, const char *key, const px_feed_text *t)
{
    if (!t->value) return;
    json_t *j = json_object();
    put(j, "value", t->value);
    put(j, "type", t->type);
    put(j, "language", t->language);
    put(j, "base", t->base);
    json_object_set_new(o, key, j);
}

static void put_links(json_t *o, const px_feed_link *links, size_t n)
{
    if (!n) return;
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *j = json_object();
        put(j, "href", links[i].href);
        put(j, "rel", links[i].rel);
        put(j, "type", links[i].type);
        put(j, "title", links[i].title);
        json_array_append_new(a, j);
    }
    json_object_set_new(o, "links", a);
}

static void put_people(json_t *o, const px_feed_person *p, size_t n, const char *raw)
{
    if (n) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++) {
            json_t *j = json_object();
            put(j, "name", p[i].name);
            put(j, "email", p[i].email);
            put(j, "uri", p[i].uri);
            json_array_append_new(a, j);
        }
        json_object_set_new(o, "authors", a);
    }
    put(o, "author_raw", raw);
}

static json_t *feed_json(const px_feed *f, const char *name)
{
    const px_feed_info *in = px_feed_get_info(f);
    json_t *root = json_object(), *feed = json_object(), *entries = json_array();
    put(root, "input", name);
    put(root, "version", in->version);
    put(root, "encoding", in->encoding);
    json_object_set_new(root, "bozo", json_boolean(in->bozo));
    put(root, "bozo_message", in->bozo_message);
    put_text(feed, "title", &in->title);
    put_text(feed, "subtitle", &in->subtitle);
    put(feed, "link", in->link);
    put_links(feed, in->links, in->link_count);
    put(feed, "id", in->id);
    put(feed, "language", in->language);
    put(feed, "published", in->published);
    put(feed, "published_raw", in->published_raw);
    put(feed, "updated", in->updated);
    put(feed, "updated_raw", in->updated_raw);
    put_people(feed, in->authors, in->author_count, in->author_raw);
    if (in->ttl >= 0) json_object_set_new(feed, "ttl", json_integer(in->ttl));
    put(feed, "update_period", in->update_period);
    if (in->update_frequency >= 0)
        json_object_set_new(feed, "update_frequency", json_integer(in->update_frequency));
    json_object_set_new(root, "feed", feed);
    for (size_t i = 0; i < px_feed_entry_count(f); i++) {
        const px_feed_entry *e = px_feed_get_entry(f, i);
        json_t *j = json_object();
        put_text(j, "title", &e->title);
        put(j, "link", e->link);
        put_links(j, e->links, e->link_count);
        put(j, "id", e->id);
        if (e->id_is_link) json_object_set_new(j, "id_is_link", json_true());
        put(j, "published", e->published);
        put(j, "published_raw", e->published_raw);
        put(j, "updated", e->updated);
        put(j, "updated_raw", e->updated_raw);
        put_people(j, e->authors, e->author_count, e->author_raw);
        put_text(j, "summary", &e->summary);
        put_text(j, "content", &e->content);
        put(j, "language", e->language);
        put(j, "outlet", e->outlet);
        json_array_append_new(entries, j);
    }
    json_object_set_new(root, "entries", entries);
    return root;
}

enum { MAX_HEADERS = 64 };

typedef struct feed_options {
    const char *url;
    char *names[MAX_HEADERS];
    const char *values[MAX_HEADERS];
    size_t headers;
    int robots;
} feed_options;

static int header(feed_options *o, const char *h)
{
    const char *colon = strchr(h, ':');
    if (!colon || colon == h) {
        cli_error("--header '%s': expected 'NAME: VALUE'", h);
        return 0;
    }
    if (o->headers == MAX_HEADERS) {
        cli_error("--header: at most %d", MAX_HEADERS);
        return 0;
    }
    o->names[o->headers] = strndup(h, (size_t)(colon - h));
    o->values[o->headers++] = colon + 1;
    return 1;
}

/* Reads path into the parser (or, with --robots, prints its sitemaps). */
static int read_one(const char *path, const feed_options *o)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        cli_error("%s: %s", path, strerror(errno));
        return 0;
    }
    px_error err;
    px_feed_parser *p = NULL;
    char chunk[65536];
    size_t n, total = 0;
    char *whole = NULL;
    px_status rc = PX_OK;
    if (!o->robots) rc = px_feed_parser_new(o->url, 0, NULL, &p, &err);
    for (size_t i = 0; !rc && !o->robots && i < o->headers; i++)
        rc = px_feed_parser_header(p, o->names[i], o->values[i], &err);
    while (!rc && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (o->robots) {
            if (total + n > PX_MAX_DOCUMENT) break;
            char *grown = realloc(whole, total + n);
            if (!grown) abort();
            whole = grown;
            memcpy(whole + total, chunk, n);
            total += n;
        } else {
            rc = px_feed_parser_push(p, chunk, n, &err);
        }
    }
    int read_error = ferror(f);
    if (f != stdin) fclose(f);
    if (o->robots) {
        char **urls = NULL;
        size_t count = 0;
        px_robots_sitemaps(whole, total, o->url, &urls, &count);
        for (size_t i = 0; i < count; i++) {
            puts(urls[i]);
            free(urls[i]);
        }
        free(urls);
        free(whole);
        return !read_error;
    }
    px_feed *feed = NULL;
    if (!rc && read_error) {
        cli_error("%s: read error", path);
        rc = PX_EIO;
    } else if (!rc) {
        rc = px_feed_parser_finish(p, &feed, &err);
    }
    px_feed_parser_free(p);
    if (rc) {
        if (rc != PX_EIO) cli_error("%s: %s", path, err.message);
        return 0;
    }
    json_t *j = feed_json(feed, path);
    char *s = json_dumps(j, JSON_COMPACT);
    puts(s);
    free(s);
    json_decref(j);
    px_feed_free(feed);
    return 1;
}

static int is_url(const char *s)
{
    return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

/* The fetched operands' JSON lines (NULL: failed, reported), by operand. */
typedef struct fetched {
    char **lines;
    int status;
    int stopped; /* by Ctrl-C or SIGTERM */
} fetched;

static void got(const px_fetch_result *r, void *ud)
{
    fetched *u = ud;
    size_t i = (size_t)(uintptr_t)r->user;
    px_feed *feed = NULL;
    px_error err;
    if (r->code) {
        cli_error("%s: %s", r->url, r->error);
    } else if (px_feed_from_response(r, &feed, &err)) {
        cli_error("%s", err.message); /* it names the address read */
    } else {
        json_t *j = feed_json(feed, r->url);
        u->lines[i] = json_dumps(j, JSON_COMPACT);
        json_decref(j);
        px_feed_free(feed);
        return;
    }
    u->status = EXIT_INPUT;
}

/* Fetches the URL operands into u->lines; 0 when the fetcher could not run. */
static int fetch_all(char **operands, size_t n, const px_fetch_options *opt, fetched *u)
{
    px_error err;
    px_fetcher *f = NULL;
    if (px_fetcher_new(opt, &f, &err)) {
        cli_error("%s", err.message);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (is_url(operands[i]) &&
            px_fetcher_add(f, operands[i], NULL, NULL, (void *)(uintptr_t)i, &err)) {
            cli_error("%s: %s", operands[i], err.message);
            u->status = EXIT_INPUT;
        }
    volatile int *stop = cli_catch_stop();
    int ok = !px_fetcher_run(f, got, u, stop, &err);
    u->stopped = *stop;
    if (!ok) cli_error("%s", err.message);
    px_fetcher_free(f);
    return ok;
}

static int done(feed_options *o, int status)
{
    for (size_t i = 0; i < o->headers; i++) free(o->names[i]);
    return status;
}

int cmd_feed(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"url", required_argument, NULL, 'u'}, {"header", required_argument, NULL, 'H'},
        {"robots", no_argument, NULL, 'R'}, CLI_FETCH_LONGOPTS,
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    feed_options o = {0};
    px_fetch_options fo;
    px_fetch_options_default(&fo);
    int status = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "u:H:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'u': o.url = optarg; break;
        case 'H':
            if (!header(&o, optarg)) status = EXIT_USAGE;
            break;
        case 'R': o.robots = 1; break;
        case 'i': case 'p': case 'c': case 't': case 'r': case 'C':
            if (cli_fetch_option(c, optarg, &fo) < 0) status = EXIT_USAGE;
            break;
        case 'h': fputs(usage, stdout); return done(&o, 0);
        default: cli_usage_error(usage); return done(&o, EXIT_USAGE);
        }
    }
    char **operands = argv + optind;
    size_t n = (size_t)(argc - optind), urls = 0;
    for (size_t i = 0; i < n; i++) urls += is_url(operands[i]);
    if (!n) {
        cli_error("feed: no FILE or URL given");
        cli_usage_error(usage);
        return done(&o, EXIT_USAGE);
    }
    if (urls && o.robots) {
        cli_error("feed: --robots reads files; fetch a robots.txt with `parallax fetch`");
        status = EXIT_USAGE;
    }
    if (status) return done(&o, status);
    fetched u = {.lines = calloc(n, sizeof *u.lines)};
    if (!u.lines) abort();
    if (urls && !fetch_all(operands, n, &fo, &u)) status = EXIT_INPUT;
    status = status ? status : u.status;
    for (size_t i = 0; i < n; i++) {
        if (is_url(operands[i])) {
            if (u.lines[i]) puts(u.lines[i]);
        } else if (!read_one(operands[i], &o)) {
            status = EXIT_INPUT;
        }
    }
    for (size_t i = 0; i < n; i++) free(u.lines[i]);
    free(u.lines);
    if (u.stopped) {
        cli_error("interrupted: the URLs not fetched by then were skipped");
        status = 130;
    }
    if (fflush(stdout)) status = EXIT_INPUT;
    return done(&o, status);
}
