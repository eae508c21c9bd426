/*
 * normalize.c — NFC and case folding.
 *
 * px_text_fold() runs once per token, so it must be cheap in the common
 * case.  Three paths, fastest first:
 *
 *   1. ASCII: lower-case the bytes in place in the output.  Most tokens of
 *      English news take this path.
 *   2. Already folded and NFC: every code point is ASCII, or unchanged by
 *      case folding (Unicode's Changes_When_Casefolded is false) and "yes"
 *      for the NFC quick check, with combining classes in order.  Then the
 *      output is the input with ASCII lower-cased: "Obama’s", "café".
 *      These are per-code-point property lookups (ICU tries), no copy.
 *   3. Otherwise: full case folding over UTF-8 (ucasemap_utf8FoldCase, no
 *      UTF-16), then NFC.  ICU's C API normalizes UTF-16 only, so NFC that
 *      is not already known to hold goes UTF-8 -> UTF-16 -> NFC -> UTF-8,
 *      in scratch buffers kept in px_text.
 *
 * px_text_nfc() has paths 1 (implicitly) and 2 without the folding test.
 *
 * Invalid UTF-8 never takes a fast path; the slow path turns each bad byte
 * into U+FFFD, so the output is always valid UTF-8.  Long inputs go through
 * the slow path in chunks of at most CHUNK bytes, cut just before an ASCII
 * byte (an ASCII character has combining class 0 and never composes with
 * what precedes it, so NFC and folding of the pieces equal those of the
 * whole).  That bounds the scratch memory and keeps ICU's int32_t lengths
 * safe, whatever the input size.
 */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "text/text_int.h"

#define CHUNK (256u << 10)

static int all_ascii(const char *s, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL) return 0;
    }
    for (; i < len; i++)
        if ((unsigned char)s[i] & 0x80) return 0;
    return 1;
}

/*
 * 1 when s is valid UTF-8 and passes the NFC quick check with a "yes"; with
 * folded, every code point must also be unchanged by case folding (ASCII
 * excepted: the caller lower-cases it).
 */
static int quick_yes(const char *s, size_t len, int folded)
{
    uint8_t last = 0;
    for (size_t i = 0; i < len;) {
        if (!((unsigned char)s[i] & 0x80)) {
            i++, last = 0;
            continue;
        }
        size_t j = i;
        UChar32 cp = (UChar32)px_utf8_next(s, len, &j);
        if (cp == 0xFFFD && j - i == 1) return 0; /* invalid byte */
        i = j;
        if (u_getIntPropertyValue(cp, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) return 0;
        uint8_t ccc = u_getCombiningClass(cp);
        if (ccc && last > ccc) return 0;
        last = ccc;
        if (folded && u_hasBinaryProperty(cp, UCHAR_CHANGES_WHEN_CASEFOLDED)) return 0;
    }
    return 1;
}

static void append_lower(px_buf *out, const char *s, size_t len)
{
    size_t at = out->len;
    px_buf_append(out, s, len);
    for (char *p = out->data + at, *e = out->data + out->len; p < e; p++)
        if (*p >= 'A' && *p <= 'Z') *p += 32;
}

/* Length of the next chunk of s[0..len): all of it, or at most CHUNK bytes
 * ending before an ASCII byte (or, failing that, before a lead byte). */
static size_t chunk_len(const char *s, size_t len)
{
    if (len <= CHUNK) return len;
    for (size_t n = CHUNK; n > CHUNK - 4096; n--)
        if (!((unsigned char)s[n] & 0x80)) return n;
    size_t n = CHUNK;
    while (n > 1 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    return n;
}

/* NFC of s (at most CHUNK bytes) through UTF-16, appended to out. */
static void nfc_slow(px_text *t, const char *s, size_t len, px_buf *out)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n16 = 0, nn = 0, n8 = 0;
    px__text_reserve((void **)&t->u1, &t->u1cap, len + 1, sizeof *t->u1);
    u_strFromUTF8WithSub(t->u1, (int32_t)t->u1cap, &n16, s, (int32_t)len, 0xFFFD, NULL, &st);
    if (U_FAILURE(st)) goto fail;
    int32_t yes = unorm2_spanQuickCheckYes(t->nfc, t->u1, n16, &st);
    if (U_FAILURE(st)) goto fail;
    if (yes == n16) {
        nn = n16;
        px__text_reserve((void **)&t->u2, &t->u2cap, (size_t)nn + 1, sizeof *t->u2);
        memcpy(t->u2, t->u1, (size_t)nn * sizeof *t->u1);
    } else {
        /* NFC is at most 3x longer than its input (Unicode's stated bound). */
        px__text_reserve((void **)&t->u2, &t->u2cap, (size_t)n16 * 3 + 1, sizeof *t->u2);
        nn = unorm2_normalize(t->nfc, t->u1, n16, t->u2, (int32_t)t->u2cap, &st);
        if (U_FAILURE(st)) goto fail;
    }
    px__text_reserve((void **)&t->c1, &t->c1cap, (size_t)nn * 3 + 1, 1);
    u_strToUTF8(t->c1, (int32_t)t->c1cap, &n8, t->u2, nn, &st);
    if (U_FAILURE(st)) goto fail;
    px_buf_append(out, t->c1, (size_t)n8);
    return;
fail:
    /* Only a bug or a broken ICU gets here: keep the text, valid. */
    for (size_t i = 0; i < len;) px_utf8_put(out, px_utf8_next(s, len, &i));
}

void px_text_nfc(px_context *ctx, const char *s, size_t len, px_buf *out)
{
    if (!out || (!s && len)) return;
    if (all_ascii(s, len) || quick_yes(s, len, 0)) {
        px_buf_append(out, s, len);
        return;
    }
    if (!ctx || !ctx->text) { /* no ICU state: at least make it valid */
        for (size_t i = 0; i < len;) px_utf8_put(out, px_utf8_next(s, len, &i));
        return;
    }
    while (len) {
        size_t n = chunk_len(s, len);
        nfc_slow(ctx->text, s, n, out);
        s += n, len -= n;
    }
}

/* Full case folding of s (at most CHUNK bytes) into t->c2, then NFC. */
static void fold_slow(px_text *t, const char *s, size_t len, px_buf *out)
{
    UErrorCode st = U_ZERO_ERROR;
    /* Full folding grows text at most 3x (U+0390 -> 3 code points). */
    px__text_reserve((void **)&t->c2, &t->c2cap, len * 3 + 1, 1);
    int32_t n = ucasemap_utf8FoldCase(t->casemap, t->c2, (int32_t)t->c2cap, s, (int32_t)len, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
        st = U_ZERO_ERROR;
        px__text_reserve((void **)&t->c2, &t->c2cap, (size_t)n + 1, 1);
        n = ucasemap_utf8FoldCase(t->casemap, t->c2, (int32_t)t->c2cap, s, (int32_t)len, &st);
    }
    if (U_FAILURE(st)) {
        nfc_slow(t, s, len, out);
        return;
    }
    if (quick_yes(t->c2, (size_t)n, 0)) px_buf_append(out, t->c2, (size_t)n);
    else nfc_slow(t, t->c2, (size_t)n, out);
}

void px_text_fold(px_context *ctx, const char *s, size_t len, px_buf *out)
{
    if (!out || (!s && len)) return;
    if (len == 0 || all_ascii(s, len) || quick_yes(s, len, 1)) {
        append_lower(out, s, len);
        return;
    }
    if (!ctx || !ctx->text) {
        px_text_nfc(ctx, s, len, out);
        return;
    }
    while (len) {
        size_t n = chunk_len(s, len);
        fold_slow(ctx->text, s, n, out);
        s += n, len -= n;
    }
}
