/*
 * read_private.h — the px_source struct, shared by source.c and jsonl.c only.
 */
#ifndef PX_READ_PRIVATE_H
#define PX_READ_PRIVATE_H

#include <stdio.h>

#include "read/jsonl_fields.h"
#include "read/read.h"

struct px_source {
    FILE *file;
    int owns_file;     /* 1: px_source_close() closes file */
    FILE *outer;       /* gzip JSON Lines: the compressed stream (file then
                          reads the inflated bytes in `whole`) */
    char *name;        /* "<stdin>" or the path */
    px_format format;
    px_buf whole;      /* whole-file inputs: the bytes */
    int served;        /* whole-file inputs: the document was handed out */
    px_buf line;       /* JSON Lines: the current line */
    char chunk[65536]; /* JSON Lines: read buffer; chunk[pos..end) is unread */
    size_t pos, end;
    long line_no;      /* JSON Lines: its 1-based number */
    char *record_name; /* JSON Lines: "NAME:LINE" */
    void *record;      /* JSON Lines: the parsed json_t of the current line, when
                          jansson parsed it (else NULL) */
    px_jsonl_fields fields; /* JSON Lines: the current line's keys */
    char id[32];       /* JSON Lines: a numeric "id" as text */
    px_feed *feed;     /* feeds: the parsed feed (feed_source.c) */
    size_t feed_next;  /* feeds: the next entry to hand out */
    char *author_list; /* feeds: the entry's authors joined */
};

/* gzip.c: 1 when an input named name starting with first_byte is gzip;
 * inflates data into out (PX_ETOOBIG past PX_MAX_DOCUMENT, PX_EINPUT when
 * corrupt or truncated). */
int px_gzip_is(const char *name, int first_byte);
px_status px_gunzip(const char *data, size_t len, const char *name, px_buf *out,
                    px_error *err);

px_status px_jsonl_next(px_source *s, px_document *doc, int *done, px_error *err);

/* feed_source.c: 1 when data looks like a feed (root <rss>, <feed>,
 * <rdf:RDF>); the next entry with text as a document. */
int px_feed_sniff(const char *data, size_t len);
px_status px_feed_source_next(px_source *s, px_document *doc, int *done, px_error *err);
void px_feed_source_release(px_source *s);
void px_jsonl_release(px_source *s);

#endif
