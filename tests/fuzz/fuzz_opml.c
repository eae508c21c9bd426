/*
 * fuzz_opml.c — libFuzzer target for OPML feed lists:
 * the input, after two bytes choosing the chunk size and the Content-Type,
 * is pushed through px_feed_parser (fuzz_feed.h).  Its seeds,
 * tests/fuzz/corpus-opml, are opml documents, so the fuzzer starts inside
 * the format.  Run with `make fuzz` (clang; FUZZ_SECONDS per target).
 */
#include "fuzz_feed.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    fuzz_feed_parse(data, size);
    return 0;
}
