/*
 * feed_speed.c — how fast the feed reader parses, in feeds per CPU second.
 *
 *   build/bench/feed_speed ROUNDS FILE...
 *
 * Reads every FILE into memory first, then parses them all ROUNDS times
 * with px_feed_parse() (no output), and prints the CPU time (user +
 * system) of the parsing alone: the same measure bench/feeds/run takes of
 * feedparser, which parses bytes already in memory too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "parallax.h"

static double cpu(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + (double)u.ru_stime.tv_sec +
           u.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: feed_speed ROUNDS FILE...\n");
        return 2;
    }
    int rounds = atoi(argv[1]);
    int n = argc - 2;
    char **data = calloc((size_t)n, sizeof *data);
    size_t *len = calloc((size_t)n, sizeof *len);
    if (!data || !len) return 1;
    for (int i = 0; i < n; i++) {
        FILE *f = fopen(argv[i + 2], "rb");
        if (!f) {
            perror(argv[i + 2]);
            return 1;
        }
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        rewind(f);
        data[i] = malloc(size > 0 ? (size_t)size : 1);
        len[i] = size > 0 ? fread(data[i], 1, (size_t)size, f) : 0;
        fclose(f);
    }
    double t0 = cpu();
    size_t entries = 0, failed = 0;
    for (int r = 0; r < rounds; r++)
        for (int i = 0; i < n; i++) {
            px_feed *feed;
            if (px_feed_parse(data[i], len[i], NULL, NULL, &feed, NULL) != PX_OK) {
                failed++;
                continue;
            }
            entries += px_feed_entry_count(feed);
            px_feed_free(feed);
        }
    double t = cpu() - t0;
    long total = (long)n * rounds;
    printf("%ld feeds (%zu entries, %zu not feeds) in %.3f s CPU: %.0f feeds/s\n", total, entries,
           failed, t, total / (t > 0 ? t : 1e-9));
    for (int i = 0; i < n; i++) free(data[i]);
    free(data);
    free(len);
    return 0;
}
