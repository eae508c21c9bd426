/*
 * archive_stream.c — an archive's bytes, plain or gzip, through one buffer.
 *
 * Web archives are stored as gzip files of one member per record (what
 * Common Crawl and most crawlers write, so a record can be fetched by its
 * offset), sometimes as one member for the whole file, or plain.  zlib
 * inflates one member at a time; at a member's end the next one starts
 * wherever it is, so all three read the same way and nothing above this
 * file knows about members — except for messages, which name the file
 * offset of the member a bad record starts in (what an index such as a CDX
 * file would show), so as->starts remembers where recent members began.
 *
 * Corrupt compressed data stops inflation and sets as->bad; the reader
 * above reports the record and calls px_astream_resync(), which looks for
 * the next gzip header (1f 8b 08) in the compressed bytes.  A truncated
 * member at the end of the file is corrupt data too.  Bytes that are not a
 * gzip header where a member should start (garbage between members) are
 * skipped the same way; zero padding after the last member is ignored.
 *
 * The buffer has a fixed size: px_astream_fill() compacts it (moves the
 * unread bytes to its start) and inflates straight into it, so a record's
 * bytes are copied once more only when the reader keeps them.
 */
#include <assert.h>
#include <errno.h>
#include <string.h>

#include "read/archive.h"

#define IN_SIZE (64u << 10)

int px_astream_is_gzip(const unsigned char *p, size_t n)
{
    return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

void px_astream_open(px_astream *as, FILE *f, const unsigned char *prefix, size_t n)
{
    memset(as, 0, sizeof *as);
    assert(n <= IN_SIZE);
    as->f = f;
    as->buf = px_xmalloc(PX_ARCHIVE_BUFFER);
    as->gz = px_astream_is_gzip(prefix, n);
    if (as->gz) {
        as->in = px_xmalloc(IN_SIZE);
        memcpy(as->in, prefix, n);
        as->in_len = n;
        as->starts = px_xmalloc(PX_ARCHIVE_MEMBERS * sizeof *as->starts);
        int zr = inflateInit2(&as->z, 16 + MAX_WBITS);
        assert(zr == Z_OK); /* fails only out of memory or with a broken zlib */
        (void)zr;
    } else {
        memcpy(as->buf, prefix, n);
        as->len = n;
    }
}

void px_astream_close(px_astream *as)
{
    if (as->gz) inflateEnd(&as->z);
    free(as->in);
    free(as->buf);
    free(as->starts);
    memset(as, 0, sizeof *as);
}

static void read_error(px_astream *as)
{
    as->eof = 1;
    if (ferror(as->f)) {
        as->bad = 1;
        as->bad_off = as->in_off + as->in_pos;
        snprintf(as->why, sizeof as->why, "read error: %s", strerror(errno));
    }
}

/* Refills as->in when it is used up; 0 at the end of the file. */
static int more_input(px_astream *as)
{
    if (as->in_pos < as->in_len) return 1;
    as->in_off += as->in_len;
    as->in_pos = 0;
    as->in_len = fread(as->in, 1, IN_SIZE, as->f);
    if (as->in_len == 0) read_error(as);
    return as->in_len > 0;
}

static void note_member_start(px_astream *as)
{
    uint64_t inflated = as->off + (as->len - as->pos);
    size_t slot = (as->start_head + as->start_count) % PX_ARCHIVE_MEMBERS;
    if (as->start_count == PX_ARCHIVE_MEMBERS) { /* full: forget the oldest */
        slot = as->start_head;
        as->start_head = (as->start_head + 1) % PX_ARCHIVE_MEMBERS;
    } else {
        as->start_count++;
    }
    as->starts[slot][0] = inflated;
    as->starts[slot][1] = as->member_off = as->in_off + as->in_pos;
}

/* Between members: 1 when a member header is next (as->in_pos on it), 0 at
 * the end (zero padding included), and as->bad for anything else. */
static int next_member(px_astream *as)
{
    for (;;) {
        if (!more_input(as)) return 0;
        unsigned char c = as->in[as->in_pos];
        if (c == 0) { /* padding some writers put after the last member */
            as->in_pos++;
            continue;
        }
        if (c != 0x1f) break;
        if (as->in_pos + 1 == as->in_len) { /* the header's second byte is in the next read */
            memmove(as->in, as->in + as->in_pos, 1);
            as->in_off += as->in_pos;
            as->in_pos = 0;
            size_t got = fread(as->in + 1, 1, IN_SIZE - 1, as->f);
            as->in_len = 1 + got;
            if (!got) break;
        }
        if (as->in[as->in_pos + 1] != 0x8b) break;
        return 1;
    }
    as->bad = 1;
    as->bad_off = as->in_off + as->in_pos;
    snprintf(as->why, sizeof as->why, "bytes that are not gzip data between gzip members");
    return 0;
}

static void inflate_some(px_astream *as)
{
    if (!as->in_member) {
        if (!next_member(as)) {
            if (!as->bad) as->eof = 1;
            return;
        }
        inflateReset(&as->z);
        note_member_start(as);
        as->in_member = 1;
    }
    if (!more_input(as)) {
        as->eof = 1;
        as->bad = 1;
        as->bad_off = as->member_off;
        snprintf(as->why, sizeof as->why, "the gzip data is truncated (the file ends inside a member)");
        return;
    }
    as->z.next_in = as->in + as->in_pos;
    as->z.avail_in = (uInt)(as->in_len - as->in_pos);
    as->z.next_out = as->buf + as->len;
    as->z.avail_out = (uInt)(PX_ARCHIVE_BUFFER - as->len);
    int zr = inflate(&as->z, Z_NO_FLUSH);
    as->in_pos = (size_t)(as->z.next_in - as->in);
    as->len = (size_t)(as->z.next_out - as->buf);
    if (zr == Z_STREAM_END) {
        as->in_member = 0;
    } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
        as->bad = 1;
        as->bad_off = as->member_off;
        snprintf(as->why, sizeof as->why, "corrupt gzip data (%s)",
                 as->z.msg ? as->z.msg : "zlib error");
    }
}

size_t px_astream_fill(px_astream *as, size_t want)
{
    assert(want <= PX_ARCHIVE_BUFFER);
    while (as->len - as->pos < want && !as->eof && !as->bad) {
        if (PX_ARCHIVE_BUFFER - as->len < want - (as->len - as->pos) ||
            as->len == PX_ARCHIVE_BUFFER) { /* compact */
            memmove(as->buf, as->buf + as->pos, as->len - as->pos);
            as->len -= as->pos;
            as->pos = 0;
        }
        if (as->gz) {
            inflate_some(as);
        } else {
            size_t got = fread(as->buf + as->len, 1, PX_ARCHIVE_BUFFER - as->len, as->f);
            as->len += got;
            if (!got) read_error(as);
        }
    }
    return as->len - as->pos;
}

void px_astream_consume(px_astream *as, size_t n)
{
    assert(n <= as->len - as->pos);
    as->pos += n;
    as->off += n;
    if (as->pos == as->len) as->pos = as->len = 0;
}

uint64_t px_astream_where(px_astream *as, int *inflated)
{
    *inflated = 0;
    if (!as->gz) return as->off;
    while (as->start_count && as->starts[as->start_head][0] < as->off) {
        as->start_head = (as->start_head + 1) % PX_ARCHIVE_MEMBERS;
        as->start_count--;
    }
    if (as->start_count && as->starts[as->start_head][0] == as->off) {
        /* empty members may share the offset: the last of them starts here */
        size_t i = as->start_head, last = i;
        for (size_t k = 0; k < as->start_count && as->starts[i][0] == as->off; k++) {
            last = i;
            i = (i + 1) % PX_ARCHIVE_MEMBERS;
        }
        return as->starts[last][1];
    }
    *inflated = 1;
    return as->off;
}

void px_astream_resync(px_astream *as)
{
    as->pos = as->len = 0;
    as->start_count = 0;
    as->bad = 0;
    if (!as->gz) return;
    as->in_member = 0;
    if (as->in_pos < as->in_len) as->in_pos++; /* past the byte that stopped us */
    for (;;) {
        if (!more_input(as)) {
            as->eof = 1;
            return;
        }
        unsigned char *p = memchr(as->in + as->in_pos, 0x1f, as->in_len - as->in_pos);
        if (!p) {
            as->in_pos = as->in_len;
            continue;
        }
        as->in_pos = (size_t)(p - as->in);
        if (as->in_len - as->in_pos < 3) { /* keep the candidate, read on */
            size_t keep = as->in_len - as->in_pos;
            memmove(as->in, p, keep);
            as->in_off += as->in_pos;
            as->in_pos = 0;
            as->in_len = keep + fread(as->in + keep, 1, IN_SIZE - keep, as->f);
            if (as->in_len < 3) {
                as->in_pos = as->in_len;
                continue;
            }
        }
        if (as->in[as->in_pos + 1] == 0x8b && as->in[as->in_pos + 2] == 8) return;
        as->in_pos++;
    }
}
