/*
 * archive.h — web archives (WARC 1.0/1.1 and ARC v1), read as a stream of
 * documents: the interface shared by archive_stream.c, archive.c,
 * archive_http.c and source.c.
 *
 * Three layers, each in its own file:
 *
 *   archive_stream.c  the bytes: a plain file, or gzip members inflated one
 *                     after another (one member per record, or one for the
 *                     whole file, or anything in between), through a fixed
 *                     buffer; knows each byte's offset, so a message can name
 *                     the gzip member (or plain byte) a record starts at, and
 *                     can resynchronise on the next gzip member after
 *                     corrupt data.
 *   archive.c         the records: WARC header blocks and ARC header lines,
 *                     Content-Length framing, the record trailer; which
 *                     records hold pages; resynchronisation on the next
 *                     "WARC/1." line (or ARC header line) after a bad record.
 *   archive_http.c    the payload: the HTTP status line and headers of a
 *                     response record, chunked transfer coding, gzip/deflate
 *                     content coding (capped), whether the payload is HTML,
 *                     and its charset.
 *
 * Memory is bounded whatever the file's size: the stream's buffer
 * (PX_ARCHIVE_BUFFER), one record block kept at a time (at most
 * PX_ARCHIVE_MAX_RECORD; a bigger one is skipped unread and reported), and
 * its decoded payload (capped the same).
 */
#ifndef PX_READ_ARCHIVE_H
#define PX_READ_ARCHIVE_H

#include <stdint.h>
#include <stdio.h>

#include <zlib.h>

#include "read/read.h"

#define PX_ARCHIVE_MAX_RECORD (16u << 20) /* bytes of one record block, and of its decoded payload */
#define PX_ARCHIVE_MAX_HEADER (64u << 10) /* bytes of a record's header lines (and of HTTP's) */
#define PX_ARCHIVE_BUFFER (256u << 10)    /* the stream's inflated bytes at hand */
#define PX_ARCHIVE_MEMBERS 4096           /* member starts remembered for offsets */

/* ---- archive_stream.c --------------------------------------------------- */

typedef struct px_astream {
    FILE *f;
    int gz;               /* 1: gzip members, inflated; 0: plain bytes */
    z_stream z;
    int in_member;        /* inside a gzip member (its header read, its end not) */
    unsigned char *in;    /* compressed bytes read ahead: in[in_pos..in_len) */
    size_t in_pos, in_len;
    uint64_t in_off;      /* file offset of in[0] */
    unsigned char *buf;   /* inflated (or plain) bytes: buf[pos..len) unread */
    size_t pos, len;
    uint64_t off;         /* offset in the inflated data of buf[pos] */
    /* gzip: where members began, as (inflated offset, file offset) pairs,
     * oldest first; a ring of PX_ARCHIVE_MEMBERS */
    uint64_t (*starts)[2];
    size_t start_head, start_count;
    uint64_t member_off;  /* file offset of the member being inflated */
    int eof;              /* the file is exhausted (or unreadable) */
    int bad;              /* corrupt gzip data found; why says what */
    uint64_t bad_off;     /* file offset of the member it was found in */
    char why[160];
} px_astream;

/* Starts reading f, whose first n bytes were already read into prefix
 * (they are copied).  gzip or plain is decided from the prefix. */
void px_astream_open(px_astream *as, FILE *f, const unsigned char *prefix, size_t n);
void px_astream_close(px_astream *as);

/* Makes at least want (<= PX_ARCHIVE_BUFFER) bytes available at
 * as->buf + as->pos, fewer at the end of the data or at corrupt gzip data
 * (as->bad).  Returns how many are available. */
size_t px_astream_fill(px_astream *as, size_t want);

/* Drops n (<= available) bytes. */
void px_astream_consume(px_astream *as, size_t n);

/* Where the next byte is, for messages: its file offset when it is the
 * first byte of a gzip member or the file is plain (*inflated = 0), else
 * its offset in the inflated data (*inflated = 1). */
uint64_t px_astream_where(px_astream *as, int *inflated);

/* After corrupt gzip data: drops what is buffered and goes on at the next
 * gzip member header in the file (or its end).  Clears as->bad. */
void px_astream_resync(px_astream *as);

/* gzip's first bytes: 1 when p[0..n) starts a gzip member. */
int px_astream_is_gzip(const unsigned char *p, size_t n);

/* ---- archive_http.c ----------------------------------------------------- */

typedef enum px_payload_kind {
    PX_PAYLOAD_HTML = 0, /* an HTML page: body/len hold it */
    PX_PAYLOAD_NOT_HTML, /* another media type (image, PDF, JSON...) */
    PX_PAYLOAD_NONE,     /* no page: an error status, a redirect, an empty body */
    PX_PAYLOAD_BAD       /* undecodable: why says what is wrong */
} px_payload_kind;

typedef struct px_payload {
    px_payload_kind kind;
    const char *body;    /* into the block, or into the decode buffers */
    size_t len;
    char charset[48];    /* the declared charset ("" when none) */
    char why[160];       /* PX_PAYLOAD_BAD, NOT_HTML and NONE: a short reason */
} px_payload;

/*
 * The page a record block holds.  http: the block is an HTTP response
 * (status line, headers, body); else it is the payload itself, of media
 * type content_type (may be NULL).  Decoding that needs memory writes into
 * the two buffers (reset here; the caller keeps them between records, so
 * the memory is reused).
 */
void px_archive_payload(const char *block, size_t len, int http, const char *content_type,
                        px_buf *dechunked, px_buf *decoded, px_payload *out);

/* The value of header `name` (any case) in the header lines h[0..n),
 * trimmed, in out (truncated to cap - 1); 1 when present. */
int px_archive_header(const char *h, size_t n, const char *name, char *out, size_t cap);

/* ---- archive.c ---------------------------------------------------------- */

typedef struct px_archive px_archive;

/* 1 when p[0..n), the first bytes of an (inflated) input, start a WARC
 * ("WARC/1.", "WARC/0.") or ARC ("filedesc://") file. */
int px_archive_magic(const char *p, size_t n);

/* Starts reading an archive from f (prefix: its first n bytes, already
 * read).  name is for messages and documents' names.  Never fails. */
px_archive *px_archive_open(FILE *f, const char *name, const unsigned char *prefix, size_t n);

/*
 * The next page: fills doc (its pointers valid until the next call) or sets
 * *done at the end.  A truncated, corrupt or oversized record returns
 * PX_EINPUT or PX_ETOOBIG naming the file and the record's byte offset; the
 * next call goes on at the next record.  A read error is PX_EIO and ends
 * the archive.  Records without a page are skipped and counted.
 */
px_status px_archive_next(px_archive *ar, px_document *doc, int *done, px_error *err);

/* What the archive held so far. */
void px_archive_counts_of(const px_archive *ar, px_archive_counts *out);

void px_archive_close(px_archive *ar);

#endif
