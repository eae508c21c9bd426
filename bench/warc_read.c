/*
 * warc_read.c — the web-archive reader alone, for bench/warc/run's speed
 * check against zcat.
 *
 *   build/bench/warc_read ARCHIVE...
 *
 * Reads each archive through lib/read's source (gzip members inflated,
 * records framed, HTTP headers parsed, bodies de-chunked and decoded,
 * non-HTML skipped: everything before extraction) and prints one line:
 * "pages P, bytes B, records R, not_html N, skipped S, bad X, cpu C, peak
 * RSS M MiB" with C the CPU seconds (user + system) of the whole read and M
 * the process's peak resident memory.  Exit 1 on any error.
 */
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "read/read.h"

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: warc_read ARCHIVE...\n", stderr);
        return 2;
    }
    double t0 = cpu_seconds();
    size_t pages = 0, bytes = 0;
    px_archive_counts all = {0};
    int status = 0;
    for (int i = 1; i < argc; i++) {
        px_source *s;
        px_error err;
        if (px_source_open(argv[i], PX_FORMAT_AUTO, &s, &err)) {
            fprintf(stderr, "warc_read: %s\n", err.message);
            return 1;
        }
        for (;;) {
            px_document doc;
            int done;
            px_status rc = px_source_next(s, &doc, &done, &err);
            if (rc) {
                fprintf(stderr, "warc_read: %s\n", err.message);
                status = 1;
                if (rc == PX_EIO) break;
                continue;
            }
            if (done) break;
            pages++;
            bytes += doc.body_len;
        }
        px_archive_counts n;
        px_source_archive_counts(s, &n);
        all.records += n.records, all.skipped += n.skipped, all.not_html += n.not_html;
        all.bad += n.bad;
        px_source_close(s);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("pages %zu, bytes %zu, records %zu, not_html %zu, skipped %zu, bad %zu, cpu %.3f, "
           "peak RSS %.1f MiB\n",
           pages, bytes, all.records, all.not_html, all.skipped, all.bad, cpu_seconds() - t0,
           (double)ru.ru_maxrss / 1024);
    return status;
}
