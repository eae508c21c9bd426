/*
 * error.c — the one error convention of libparallax.
 *
 * A function that can fail returns a px_status and, if the caller passed a
 * px_error, fills it with the same code and a message that names the input
 * and, where there is one, the position: "a.jsonl:12:7: expected ':'".
 * The command prints err.message as it is, prefixed with "parallax: ".
 */
#include <stdio.h>
#include <string.h>

#include "base/base.h"

static const char *const names[] = {
    [PX_OK] = "ok",
    [PX_ENOMEM] = "out of memory",
    [PX_EIO] = "cannot read input",
    [PX_EINPUT] = "malformed input",
    [PX_ETOOBIG] = "input over a limit",
    [PX_EEMPTY] = "no article text",
    [PX_EUSAGE] = "invalid argument",
    [PX_EDEP] = "a library or data file failed",
};

const char *px_status_name(px_status code)
{
    if ((unsigned)code < sizeof names / sizeof *names && names[code]) return names[code];
    return "unknown error";
}

px_status px_error_set(px_error *err, px_status code, const char *name,
                       long line, long col, const char *fmt, ...)
{
    if (!err) return code;
    err->code = code;
    size_t n = 0, cap = sizeof err->message;
    err->message[0] = '\0';
    if (name) n += (size_t)snprintf(err->message, cap, "%s: ", name);
    if (n < cap && line > 0) {
        n -= name ? 2 : 0; /* put ":LINE" before the ": " */
        n += (size_t)snprintf(err->message + n, cap - n, "%s%ld", name ? ":" : "line ", line);
        if (n < cap && col > 0) n += (size_t)snprintf(err->message + n, cap - n, ":%ld", col);
        if (n < cap) n += (size_t)snprintf(err->message + n, cap - n, ": ");
    }
    if (n < cap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message + n, cap - n, fmt, ap);
        va_end(ap);
    }
    return code;
}

void px_line_col(const char *s, size_t len, size_t off, long *line, long *col)
{
    long l = 1;
    size_t start = 0;
    if (off > len) off = len;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = (long)(off - start) + 1;
}
