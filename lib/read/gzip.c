/*
 * gzip.c — gzip-compressed inputs (page.html.gz, dump.jsonl.gz), through zlib.
 *
 * Saved web pages and crawl dumps are usually kept compressed, so a reader
 * that wants them plain forces a `zcat` step on every user.  source.c asks
 * px_gzip_is() whether an input is gzip (its name ends in ".gz", or its first
 * byte is gzip's 0x1f, which no text, HTML or JSON starts with) and then
 * inflates it whole with px_gunzip().
 *
 * The limit on one document applies to what comes out, not to the
 * compressed bytes: a 100 KB bomb that inflates to gigabytes is refused as
 * soon as the output passes PX_MAX_DOCUMENT, never held in memory.
 * Concatenated gzip members (what `cat a.gz b.gz` makes, and what gzip -d
 * reads as one file) are inflated one after the other.  A truncated or
 * corrupt stream is an error naming the input, not a silently short page.
 */
#include <string.h>

#include <zlib.h>

#include "read/read_private.h"

int px_gzip_is(const char *name, int first_byte)
{
    size_t n = strlen(name);
    return first_byte == 0x1f || (n > 3 && !strcmp(name + n - 3, ".gz"));
}

px_status px_gunzip(const char *data, size_t len, const char *name, px_buf *out,
                    px_error *err)
{
    if (len < 2 || (unsigned char)data[0] != 0x1f || (unsigned char)data[1] != 0x8b)
        return px_error_set(err, PX_EINPUT, name, 0, 0, "not gzip data (no gzip header)");
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return px_error_set(err, PX_EDEP, name, 0, 0, "zlib could not start");
    z.next_in = (Bytef *)(uintptr_t)data;
    px_status rc = PX_OK;
    size_t left = len;
    char chunk[65536];
    for (;;) {
        uInt feed = left > 1u << 30 ? 1u << 30 : (uInt)left;
        z.avail_in = feed;
        z.next_out = (Bytef *)chunk;
        z.avail_out = sizeof chunk;
        int zr = inflate(&z, Z_NO_FLUSH);
        left -= feed - z.avail_in;
        size_t got = sizeof chunk - z.avail_out;
        if (out->len + got > PX_MAX_DOCUMENT) {
            rc = px_error_set(err, PX_ETOOBIG, name, 0, 0,
                              "decompresses to over %u MiB, the limit for one input",
                              PX_MAX_DOCUMENT >> 20);
            break;
        }
        px_buf_append(out, chunk, got);
        if (zr == Z_STREAM_END) {
            /* another member follows, or only padding: stop at the padding */
            if (left < 2 || (unsigned char)z.next_in[0] != 0x1f) break;
            inflateReset(&z);
            continue;
        }
        if (zr == Z_BUF_ERROR && left == 0) {
            rc = px_error_set(err, PX_EINPUT, name, 0, 0, "gzip data is truncated");
            break;
        }
        if (zr != Z_OK && zr != Z_BUF_ERROR) {
            rc = px_error_set(err, PX_EINPUT, name, 0, 0, "corrupt gzip data (%s)",
                              z.msg ? z.msg : "zlib error");
            break;
        }
    }
    inflateEnd(&z);
    if (!out->data) px_buf_puts(out, ""); /* an empty member: still a string */
    return rc;
}
