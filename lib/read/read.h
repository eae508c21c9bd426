/*
 * read.h — from inputs (files, standard input, JSON Lines) to documents.
 *
 * A px_source yields px_documents: the bytes of one article with what the
 * input said about it.  It checks what every later layer relies on: the
 * size limit, no binary data, valid UTF-8 for text and JSON.  It does not
 * extract anything; lib/extract turns a document into an article.
 *
 * JSON Lines inputs are streamed one line at a time, so a dump of any size
 * reads in memory bounded by its longest line (and PX_MAX_DOCUMENT).
 */
#ifndef PX_READ_H
#define PX_READ_H

#include <stdio.h>

#include "base/base.h"

typedef struct px_document {
    const char *name;            /* for messages and origin: "FILE" or "FILE:LINE" */
    px_format format;            /* of the body: PX_FORMAT_TEXT or PX_FORMAT_HTML */
    int from_jsonl;              /* 1 when the document is a JSON Lines record */
    int from_feed;               /* 1 when it is a feed's entry (its text has no title line) */
    const char *body;            /* the text or HTML to extract */
    size_t body_len;
    const char *source;          /* the raw bytes: the file, or the JSON line */
    size_t source_len;
    /* given with the input (JSON Lines keys); NULL when absent */
    const char *id, *url, *outlet, *title, *date, *language, *byline;
} px_document;

typedef struct px_source px_source;

/* Opens path ("-": standard input).  format PX_FORMAT_AUTO decides from the
 * file name (.txt .html .htm .jsonl .ndjson), else from the first bytes.
 * Fails with PX_EIO (missing, unreadable, a directory) or PX_ETOOBIG. */
px_status px_source_open(const char *path, px_format format, px_source **out,
                         px_error *err);

/* The same for an open stream, which the source reads but does not close;
 * name is used in messages and for detecting the format. */
px_status px_source_open_stream(FILE *f, const char *name, px_format format,
                                px_source **out, px_error *err);

/*
 * Fills *doc with the next document; its pointers stay valid until the next
 * call or px_source_close().  Sets *done = 1 at the end.  A bad record (bad
 * JSON, binary, invalid UTF-8, too big) returns its error; for JSON Lines the
 * next call goes on with the next line.
 */
px_status px_source_next(px_source *s, px_document *doc, int *done, px_error *err);

void px_source_close(px_source *s);

/* Checks bytes a document body must satisfy: no NUL (binary), valid UTF-8
 * (when utf8 is 1).  name and base_line locate errors.  PX_EINPUT on failure. */
px_status px_check_bytes(const char *data, size_t len, int utf8, const char *name,
                         px_error *err);

#endif
