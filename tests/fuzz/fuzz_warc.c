/*
 * fuzz_warc.c — libFuzzer target for the web-archive reader (WARC, ARC,
 * gzip members, HTTP payloads: lib/read/archive*.c).
 *
 * The first byte of the input picks how the rest is read:
 *   0  as an archive, whatever its bytes (--format warc): plain or gzip
 *   1  as an input named "fuzz.warc", format told from its bytes
 *   2  gzip-compressed here first (one member), then read as an archive,
 *      so the fuzzer's mutations reach the records inside gzip
 *   3  through the public reader, every page extracted (at most 4)
 * Every document is read to its end and every counter taken; errors are
 * expected and ignored: only crashes, hangs, leaks and sanitizer reports
 * count.  Seeds: tests/fuzz/corpus-warc.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "parallax.h"
#include "read/read.h"

static px_context *ctx;

static void read_source(const unsigned char *data, size_t len, const char *name, px_format format)
{
    static const unsigned char blank[] = "\n"; /* fmemopen refuses a size of 0 */
    if (!len) data = blank, len = 1;
    FILE *f = fmemopen((void *)data, len, "rb");
    if (!f) return;
    px_source *s;
    if (px_source_open_stream(f, name, format, &s, NULL) == PX_OK) {
        size_t total = 0;
        for (int i = 0; i < 100000; i++) {
            px_document d;
            int done = 0;
            px_status rc = px_source_next(s, &d, &done, NULL);
            if (rc == PX_EIO || (!rc && done)) break;
            if (!rc) {
                /* touch every byte: a pointer past its buffer is a report */
                for (size_t k = 0; k < d.body_len; k++) total += (unsigned char)d.body[k];
                if (d.url) total += strlen(d.url);
                if (d.charset) total += strlen(d.charset);
                if (d.fallback_date) total += strlen(d.fallback_date);
            }
        }
        px_archive_counts n;
        px_source_archive_counts(s, &n);
        if (n.pages > n.records) abort();
        (void)total;
        px_source_close(s);
    }
    fclose(f);
}

static void read_articles(const unsigned char *data, size_t len)
{
    static const unsigned char blank[] = "\n"; /* fmemopen refuses a size of 0 */
    if (!len) data = blank, len = 1;
    FILE *f = fmemopen((void *)data, len, "rb");
    if (!f) return;
    px_reader *r;
    if (px_reader_open_stream(ctx, f, "fuzz.warc", PX_FORMAT_WARC, &r, NULL) == PX_OK) {
        for (int i = 0; i < 4; i++) {
            px_article *a;
            px_status rc = px_reader_next(r, &a, NULL);
            if (rc == PX_EIO || (!rc && !a)) break;
            px_article_free(a);
        }
        px_reader_close(r);
    }
    fclose(f);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!ctx && px_context_new(&ctx, NULL) != PX_OK) abort();
    if (size < 1) return 0;
    const unsigned char *rest = data + 1;
    size_t len = size - 1;
    switch (data[0] % 4) {
    case 0: read_source(rest, len, "fuzz", PX_FORMAT_WARC); break;
    case 1: read_source(rest, len, "fuzz.warc", PX_FORMAT_AUTO); break;
    case 2: {
        uLong cap = compressBound((uLong)len) + 64;
        unsigned char *gz = malloc(cap);
        z_stream z;
        memset(&z, 0, sizeof z);
        if (gz && deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK) {
            z.next_in = (Bytef *)(uintptr_t)rest;
            z.avail_in = (uInt)len;
            z.next_out = gz;
            z.avail_out = (uInt)cap;
            if (deflate(&z, Z_FINISH) == Z_STREAM_END)
                read_source(gz, cap - z.avail_out, "fuzz.warc.gz", PX_FORMAT_AUTO);
            deflateEnd(&z);
        }
        free(gz);
        break;
    }
    default: read_articles(rest, len);
    }
    return 0;
}
