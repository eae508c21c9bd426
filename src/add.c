/*
 * add.c — `parallax add`: articles into the store, grouped into stories as
 * they come (px_store_ingest).
 *
 * Inputs are read in the order given (a folder: its files by name,
 * recursively), each article analysed and handed to the ingest, which
 * commits every --batch articles.  The analysis is the light one
 * (px_analyze_light(): what grouping reads, no numbers, speakers or
 * attributions): `show` and `explain` analyse a story's articles in full
 * when asked, so the stream pays only for grouping.  Killing the command loses at most the
 * uncommitted batch; rerunning it adds what is missing and skips the rest.
 *
 * Folders are walked without following symbolic links to folders (a link
 * loop would otherwise be read again at every depth until ELOOP, or
 * forever with two), and a folder already open higher up (a bind mount)
 * is not entered again; a link to a file is read.  What is neither a file
 * nor a folder (a FIFO, which would block the run, a socket, a device) is
 * skipped with a message.  A path named on the command line is followed
 * wherever it leads, and a FIFO named there is read as a stream (as
 * <(command) is).
 *
 * Ctrl-C (SIGINT) or SIGTERM: the article being added is finished, what
 * was read is committed, the summary says so and that a rerun resumes;
 * a second Ctrl-C stops at once (the store is safe then too: an
 * uncommitted batch is rolled back and the rerun adds it).
 *
 * For the crash test only: PX_ADD_KILL_AFTER=N makes the command kill
 * itself with SIGKILL after adding N articles (a kill -9 at an exact point).
 */
#define _DEFAULT_SOURCE /* lstat, S_ISSOCK */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "usage: parallax add [--db PATH] [--check] [--batch N] [--wait] [--format FORMAT]\n"
    "                    PATH...\n"
    "\n"
    "Adds the articles of each PATH to the store and groups them into stories\n"
    "as they come: each article joins the story it fits best or starts one.\n"
    "PATH is a file (text, HTML, JSON Lines, a WARC or ARC web archive such as\n"
    "CC-NEWS-*.warc.gz, read a record at a time), a folder (its files, by name,\n"
    "recursively; symbolic links to folders are not followed, FIFOs, sockets\n"
    "and devices in it are skipped) or \"-\" (standard input).  An article\n"
    "already in the store (same URL, or the same body) is skipped, so a rerun\n"
    "after an interruption adds only what is missing.  A malformed JSON line is\n"
    "reported with its line number and skipped.  On a terminal a progress line\n"
    "is shown; at the end one summary line.\n"
    "\n"
    "One writer at a time: add holds the store's lock (PATH.lock) for its whole\n"
    "run; a second add on the same store fails at once, naming the holder, and\n"
    "writes nothing (or waits with --wait).  Reading commands are not blocked.\n"
    "\n"
    "  --db PATH            the store (default ./parallax.db; created if missing)\n"
    "  --check              check the whole store first (SQLite's integrity_check)\n"
    "  --batch N            commit every N articles (default 5000)\n"
    "  --wait               wait for another writer to finish instead of failing\n"
    "  -f, --format FORMAT  read inputs as text, html, jsonl, feed or warc (a web\n"
    "                       archive; default: auto)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Ctrl-C stops after the article being added: what was read is stored, and\n"
    "the same command again adds the rest (a second Ctrl-C stops at once; the\n"
    "store stays sound, the last uncommitted batch is added by the rerun).\n"
    "\n"
    "Exit status: 0 all inputs read, 1 some input failed (the others are\n"
    "added), 2 usage error, 130 (143) stopped by Ctrl-C (SIGTERM).\n";

static volatile sig_atomic_t interrupted; /* the signal that asked add to stop, or 0 */

static void on_interrupt(int sig)
{
    interrupted = sig;
}

/* The first SIGINT or SIGTERM asks for a clean stop; the handler resets
 * itself, so a second one ends the process at once. */
static void catch_interrupts(void)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_interrupt;
    sa.sa_flags = SA_RESETHAND | SA_RESTART; /* reads go on: the stop is checked per article */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

typedef struct folder_id {
    dev_t dev;
    ino_t ino;
} folder_id;

typedef struct run {
    px_context *ctx;
    px_ingest *ingest;
    px_format format;
    size_t bad, seen, kill_after;
    size_t unread; /* inputs that could not be opened, or held no article */
    int progress, failed;
    double start, shown;
    folder_id *folders; /* the folders being read, outermost first */
    size_t nfolders, folders_cap;
} run;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void show_progress(run *r, int last)
{
    double t = now();
    if (!r->progress || (!last && t - r->shown < 0.25)) return;
    r->shown = t;
    const px_ingest_stats *s = px_ingest_stats_of(r->ingest);
    double secs = t - r->start;
    fprintf(stderr, "\r%zu articles read, %zu added, %zu stories  %.0f/s ", r->seen, s->added,
            s->stories, secs > 0 ? (double)r->seen / secs : 0.0);
    if (last) fputc('\n', stderr);
}

static int add_file(run *r, const char *path);
static int add_path(run *r, const char *path, int named);

/* items, of elements of size elem, with room for n + 1 of them (*cap
 * grown as needed); out of memory is fatal, as in the library. */
static void *room(void *items, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap) return items;
    *cap = *cap ? 2 * *cap : 16;
    void *p = realloc(items, *cap * elem);
    if (!p) abort();
    return p;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder's entries by name; st is the folder's own stat. */
static int add_folder(run *r, const char *path, const struct stat *st)
{
    for (size_t i = 0; i < r->nfolders; i++)
        if (r->folders[i].dev == st->st_dev && r->folders[i].ino == st->st_ino) {
            cli_error("%s: skipped: a folder already being read (a loop)", path);
            return 0;
        }
    DIR *d = opendir(path);
    if (!d) {
        cli_error("%s: cannot read the folder", path);
        return EXIT_INPUT;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    size_t plen = strlen(path);
    while (plen > 1 && path[plen - 1] == '/') plen--; /* "examples/" names "examples/a.txt" */
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue; /* ., .. and hidden files */
        size_t len = plen + 1 + strlen(e->d_name) + 1;
        char *name = malloc(len);
        if (!name) abort();
        snprintf(name, len, "%.*s%s%s", (int)plen, path, path[plen - 1] == '/' ? "" : "/", e->d_name);
        names = room(names, &cap, n, sizeof *names);
        names[n++] = name;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_names);
    r->folders = room(r->folders, &r->folders_cap, r->nfolders, sizeof *r->folders);
    r->folders[r->nfolders++] = (folder_id){st->st_dev, st->st_ino};
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        if (!r->failed && !interrupted && add_path(r, names[i], 0)) status = EXIT_INPUT;
        free(names[i]);
    }
    r->nfolders--;
    free(names);
    return status;
}

static const char *kind_of(mode_t m)
{
    return S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket" : S_ISCHR(m) || S_ISBLK(m) ? "a device"
                                                                                       : "not a file";
}

/* A path named on the command line (named: followed wherever it leads, a
 * FIFO read as a stream) or found in a folder (see the top of the file). */
static int add_path(run *r, const char *path, int named)
{
    struct stat st;
    if (strcmp(path, "-") == 0) return add_file(r, path);
    if (named) {
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return add_folder(r, path, &st);
        return add_file(r, path); /* reports what is wrong with it */
    }
    if (lstat(path, &st) != 0) {
        cli_error("%s: %s", path, strerror(errno));
        return EXIT_INPUT;
    }
    if (S_ISLNK(st.st_mode)) {
        if (stat(path, &st) != 0) {
            cli_error("%s: a symbolic link that leads nowhere: %s", path, strerror(errno));
            return EXIT_INPUT;
        }
        if (S_ISDIR(st.st_mode)) {
            cli_error("%s: skipped: a symbolic link to a folder is not followed", path);
            return 0;
        }
    }
    if (S_ISDIR(st.st_mode)) return add_folder(r, path, &st);
    if (!S_ISREG(st.st_mode)) {
        cli_error("%s: skipped: %s, not a file", path, kind_of(st.st_mode));
        return 0;
    }
    return add_file(r, path);
}

static int add_file(run *r, const char *path)
{
    px_error err;
    px_reader *rd;
    if (px_reader_open(r->ctx, path, r->format, &rd, &err)) {
        cli_error("%s", err.message);
        r->unread++;
        return EXIT_INPUT;
    }
    int status = 0;
    for (size_t records = 0; !interrupted; records++) {
        px_article *a;
        px_status rc = px_reader_next(rd, &a, &err);
        if (!rc && !a && records == 0) {
            cli_error("%s: no articles in it", path);
            r->unread++;
            status = EXIT_INPUT;
        }
        if (rc) {
            if (r->progress) fputc('\n', stderr);
            cli_error("%s", err.message);
            status = EXIT_INPUT;
            r->bad++;
            if (rc == PX_EIO && !a) break;
            continue;
        }
        if (!a) break;
        r->seen++;
        px_analysis *an;
        int added = 0;
        if (px_ingest_known(r->ingest, a)) { /* stored by an earlier run: no analysis needed */
            px_article_free(a);
            show_progress(r, 0);
            continue;
        }
        rc = px_analyze_light(r->ctx, a, &an, &err);
        if (!rc) {
            rc = px_ingest_add(r->ingest, r->ctx, a, an, &added, &err);
            px_analysis_free(an);
            if (rc) r->failed = 1;
        } else {
            r->bad++;
            status = EXIT_INPUT;
        }
        px_article_free(a);
        if (rc) {
            cli_error("%s", err.message);
            status = EXIT_INPUT;
            if (r->failed) break;
        }
        if (added && r->kill_after && px_ingest_stats_of(r->ingest)->added >= r->kill_after)
            raise(SIGKILL);
        show_progress(r, 0);
    }
    px_archive_counts n;
    if (r->progress && !px_reader_archive_counts(rd, &n, NULL) && n.records)
        fputc('\n', stderr); /* the summary goes below the progress line */
    cli_archive_summary(path, rd);
    px_reader_close(rd);
    return status;
}

static void waiting(const char *holder, void *ud)
{
    cli_error("%s: waiting for the writer holding the store (%s)", (const char *)ud, holder);
}

int cmd_add(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"check", no_argument, NULL, 'C'},
        {"batch", required_argument, NULL, 'b'},
        {"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'},
        {"wait", no_argument, NULL, 'w'}, {NULL, 0, NULL, 0}};
    const char *db = PX_STORE_DEFAULT;
    long batch = PX_INGEST_BATCH;
    run r = {0};
    int c, wait = 0, check = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:b:f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'C': check = 1; break;
        case 'b':
            batch = strtol(optarg, NULL, 10);
            if (batch < 1) {
                cli_error("--batch wants a positive number");
                return EXIT_USAGE;
            }
            break;
        case 'f':
            if (cli_parse_format(optarg, &r.format)) return EXIT_USAGE;
            break;
        case 'w': wait = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        default: cli_usage_error(usage); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        cli_error("no input given (files, folders, or - for standard input)");
        cli_usage_error(usage);
        return EXIT_USAGE;
    }
    px_error err;
    px_store *store;
    px_store_lock *lock;
    if (px_store_lock_take(db, wait, waiting, (void *)db, &lock, &err)) {
        cli_error("%s", err.message);
        return EXIT_INPUT;
    }
    if (px_store_open(db, 0, &store, &err) || (check && px_store_check(store, &err))) {
        cli_error("%s", err.message);
        px_store_close(store);
        px_store_lock_release(lock);
        return EXIT_INPUT;
    }
    if (px_context_new(&r.ctx, &err) || px_store_ingest(store, (size_t)batch, &r.ingest, &err)) {
        cli_error("%s", err.message);
        px_context_free(r.ctx);
        px_store_close(store);
        px_store_lock_release(lock);
        return EXIT_INPUT;
    }
    const char *k = getenv("PX_ADD_KILL_AFTER");
    r.kill_after = k ? strtoul(k, NULL, 10) : 0;
    r.progress = isatty(STDERR_FILENO);
    r.start = now();
    int status = 0;
    catch_interrupts();
    for (int i = optind; i < argc && !r.failed && !interrupted; i++)
        if (add_path(&r, argv[i], 1)) status = EXIT_INPUT;
    show_progress(&r, 1);
    if (!r.failed && px_ingest_finish(r.ingest, &err)) {
        cli_error("%s", err.message);
        status = EXIT_INPUT;
    }
    px_ingest_stats s = *px_ingest_committed(r.ingest); /* what is stored, after a failure too */
    px_ingest_close(r.ingest, NULL);
    double secs = now() - r.start;
    /* The counts match the messages above them: one per bad record, one per
     * input that could not be read or held nothing. */
    char unread[64] = "";
    if (r.unread) snprintf(unread, sizeof unread, ", %zu input%s unread", r.unread, r.unread == 1 ? "" : "s");
    int64_t articles = -1, stories = -1;
    px_store_counts(store, &articles, &stories, NULL); /* -1 when the store cannot say */
    printf("added %zu articles (%zu already stored, %zu bad%s) into %zu new stories, "
           "%zu copies; %lld articles, %lld stories in %s; %.1f s\n",
           s.added, s.duplicates, r.bad, unread, s.stories, s.copies, (long long)articles,
           (long long)stories, db, secs);
    if (interrupted) {
        cli_error("interrupted: the articles added above are stored; the same command again "
                  "adds the rest");
        status = 128 + interrupted;
    }
    px_context_free(r.ctx);
    free(r.folders);
    px_store_close(store);
    px_store_lock_release(lock);
    return status;
}
