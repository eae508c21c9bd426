/*
 * fuzz_sitemap.c — libFuzzer target for sitemaps, sitemap indexes and news sitemaps (plain and gzip), and robots.txt's Sitemap: lines:
 * the input, after two bytes choosing the chunk size and the Content-Type,
 * is pushed through px_feed_parser (fuzz_feed.h).  Its seeds,
 * tests/fuzz/corpus-sitemap, are sitemap documents, so the fuzzer starts inside
 * the format.  Run with `make fuzz` (clang; FUZZ_SECONDS per target).
 */
#include "fuzz_feed.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    fuzz_feed_parse(data, size);
    char **urls = NULL;
    size_t count = 0;
    px_robots_sitemaps((const char *)data, size, "https://fuzz.example/robots.txt", &urls, &count);
    for (size_t i = 0; i < count; i++) free(urls[i]);
    free(urls);
    return 0;
}
