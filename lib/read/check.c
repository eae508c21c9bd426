/*
 * check.c — the checks every document passes before extraction.
 *
 * Binary data is recognised by a NUL byte: text, HTML and JSON never hold
 * one, and a single NUL means the input is an image, an archive or
 * UTF-16 — none of which parallax reads as text.  Invalid UTF-8 is refused,
 * not repaired: replacing bytes would lose data silently, and the message
 * says where the bad byte is so the user can convert the file (iconv).
 */
#include <string.h>

#include "read/read.h"
#include "text/text.h"

px_status px_check_bytes(const char *data, size_t len, int utf8, const char *name,
                         px_error *err)
{
    long line, col;
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        px_line_col(data, len, (size_t)(nul - data), &line, &col);
        return px_error_set(err, PX_EINPUT, name, line, col,
                            "binary data (a NUL byte at offset %zu); parallax reads "
                            "UTF-8 text, HTML and JSON Lines",
                            (size_t)(nul - data));
    }
    size_t bad;
    if (utf8 && !px_utf8_check(data, len, &bad)) {
        px_line_col(data, len, bad, &line, &col);
        return px_error_set(err, PX_EINPUT, name, line, col,
                            "invalid UTF-8 (byte 0x%02x at offset %zu); convert the "
                            "file to UTF-8, e.g. with iconv",
                            (unsigned char)data[bad], bad);
    }
    return PX_OK;
}
