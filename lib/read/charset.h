/*
 * charset.h — an XML document's character encoding by RFC 3023, and a
 * lossy decoder to UTF-8 (charset.c says how the choice is made).
 */
#ifndef PX_CHARSET_H
#define PX_CHARSET_H

#include <iconv.h>

#include "base/base.h"

typedef struct px_charset_choice {
    char bom[16];      /* the encoding a byte order mark (or "<?" in UTF-16/32) shows, or "" */
    size_t bom_len;    /* bytes of the mark itself (0 for a bare pattern) */
    char declared[64]; /* the XML declaration's encoding, lower case, or "" */
    char chosen[64];   /* what RFC 3023 says the document is in */
    int xml_type;      /* 0 when HTTP gave a Content-Type that is not XML */
} px_charset_choice;

/* Chooses from the first n bytes of a document (up to its first 4 KB are
 * enough) and, when http is 1, the HTTP Content-Type (NULL: none sent). */
void px_charset_detect(const char *head, size_t n, int http, const char *content_type,
                       px_charset_choice *c);

/* The code point windows-1252 gives a byte (U+FFFD for its 5 undefined ones). */
unsigned px_cp1252(unsigned char byte);

/* 1 when the encoding name can be decoded. */
int px_charset_known(const char *name);

/* 1 when data[0..n) reads without error in encoding name (a sequence cut
 * at the very end counts as read). */
int px_decoder_reads(const char *name, const char *data, size_t n);

enum { PX_DEC_UTF8, PX_DEC_CP1252, PX_DEC_ICONV };

typedef struct px_decoder {
    char name[64];
    int mode;
    iconv_t cd;
    int lossy; /* set once a byte did not decode and was read as windows-1252 */
} px_decoder;

/* Opens a decoder from name; 0 when the encoding is unknown (nothing to
 * close then). */
int px_decoder_open(px_decoder *d, const char *name);
void px_decoder_close(px_decoder *d);

/* Appends the UTF-8 of in[0..n) to out and returns how many bytes were
 * consumed: all, except a sequence cut by the end when final is 0 (the
 * caller passes those bytes again with the next ones).  Never fails:
 * undecodable bytes become their windows-1252 reading (or U+FFFD), and
 * d->lossy is set. */
size_t px_decoder_run(px_decoder *d, const char *in, size_t n, int final, px_buf *out);

#endif
