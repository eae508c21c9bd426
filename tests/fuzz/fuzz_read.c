/*
 * fuzz_read.c — libFuzzer target for the readers and extractors.
 *
 * The first byte of the input picks the format (text, HTML, JSON Lines);
 * the rest is the document.  Text and HTML go through px_article_parse(),
 * JSON Lines through a reader on fmemopen(), and every article made is
 * rendered.  Analysis is fuzzed apart (fuzz_analyze.c), so that this
 * target runs fast enough to explore the parsers.  Run with `make fuzz`
 * (clang; FUZZ_SECONDS per target).
 */
#include <stdio.h>
#include <stdlib.h>

#include "parallax.h"

static px_context *ctx;
static FILE *devnull;

static void consume(const px_article *a)
{
    px_render_json(a, NULL, devnull, NULL);
    px_render_text(a, NULL, devnull, NULL);
}

static void read_jsonl(const char *data, size_t len)
{
    FILE *f = fmemopen((void *)data, len, "rb");
    if (!f) return;
    px_reader *r;
    if (px_reader_open_stream(ctx, f, "fuzz.jsonl", PX_FORMAT_JSONL, &r, NULL) == PX_OK) {
        px_article *a;
        for (int i = 0; i < 1000; i++) {
            px_status rc = px_reader_next(r, &a, NULL);
            if (rc == PX_OK && !a) break;
            if (a) {
                consume(a);
                px_article_free(a);
            }
        }
        px_reader_close(r);
    }
    fclose(f);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!ctx) {
        if (px_context_new(&ctx, NULL) != PX_OK) abort();
        devnull = fopen("/dev/null", "w");
    }
    if (size < 1) return 0;
    const char *doc = (const char *)data + 1;
    size_t len = size - 1;
    switch (data[0] % 3) {
    case 0:
    case 1: {
        px_article *a;
        px_format format = data[0] % 3 == 0 ? PX_FORMAT_TEXT : PX_FORMAT_HTML;
        if (px_article_parse(ctx, doc, len, format, "fuzz", &a, NULL) == PX_OK) {
            consume(a);
            px_article_free(a);
        }
        break;
    }
    default:
        read_jsonl(doc, len);
    }
    return 0;
}
