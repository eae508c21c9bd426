/*
 * term.h — text for a terminal: the characters a terminal would act on
 * instead of showing, escaped (term.c).
 *
 * Every text renderer (px_render_text, px_render_comparison_text) and the
 * text listings of the command (stories, search, explain, cluster,
 * similarity, error messages) pass the strings of their inputs through
 * these, so an article cannot retitle, clear or reprogram the reader's
 * terminal or reorder what it shows.  JSON and HTML output are not
 * touched: JSON escapes C0 itself and must stay exact.
 *
 * Escaped: C0 controls (ESC, BEL, CR, backspace...) except tab and
 * newline, DEL, C1 controls (U+0080..U+009F, CSI among them) and the bidi
 * embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069);
 * a byte that is not part of valid UTF-8 too.  An escaped code point below
 * 0x80 is written "\xHH" (ESC: "\x1B"), one above as "\uHHHH" ("\u202E"),
 * an invalid byte as "\xHH": visible, so nothing is silently lost, and
 * inert, so an escape sequence's tail ("[2J") is plain text.  Always, not
 * only on a terminal: output piped to a file is often shown on one later
 * (less -R, cat), and the escapes cost nothing on ordinary text.
 */
#ifndef PX_TERM_H
#define PX_TERM_H

#include <stdio.h>

#include "base/base.h"

/* Appends s[0..n) to out, escaped; layout: 1 keeps tab and newline (a
 * body of text), 0 escapes them too (one field of a one-line record). */
void px_term_escape(px_buf *out, const char *s, size_t n, int layout);

/* s escaped as one field (layout 0) into b, which is reset first; returns
 * its string (valid until b changes).  NULL s gives NULL. */
const char *px_term_field(px_buf *b, const char *s);

/* A stream that writes what is written to it into f, escaped (layout 1),
 * a UTF-8 sequence split across writes kept whole.  fclose() it to flush
 * into f; f stays open.  NULL when the stream cannot be made. */
FILE *px_term_stream(FILE *f);

#endif
