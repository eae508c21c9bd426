/*
 * test_words.c — the plain word scan of words.c against ICU's word break
 * iterator, which it stands in for on sentences of plain characters.
 *
 * Random strings over an alphabet of every class the scan knows (letters
 * ASCII and Latin-1, digits, the marks that join inside words and numbers:
 * . ' ’ ‘ , ; and the connector _, spaces, other punctuation, controls)
 * and of characters it leaves to ICU (a combining accent, a soft hyphen, a
 * middle dot, Hebrew, a CJK ideograph, an emoji), so that both paths and
 * the switch between them are exercised.  The tokens, with their kinds,
 * must be the same as with ICU alone.  Deterministic (a fixed seed).
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"
#include "unit_context.h"
#include "text/text_int.h"

static const char *const alphabet[] = {
    "a", "b", "Z", "x", "é", "ß", "Ç", "ÿ", "0", "1", "9", ".", "'", "\xe2\x80\x99",
    "\xe2\x80\x98", ",", ";", ":", "_", " ", " ", "  ", "-", "\"", "\xe2\x80\x9c",
    "\xe2\x80\x9d", "\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\xa6", "\xc2\xab", "\xc2\xbb",
    "\xc2\xa0", "\t", "\n", "\r\n", "$", "%", "(", ")", "!", "?", "/", "&", "#", "*", "@",
    "+", "=", "~", "\x01", "\x7f",
    /* left to ICU */
    "\xcc\x81", "\xc2\xad", "\xc2\xb7", "\xd7\x90", "\xe5\xad\x97", "\xf0\x9f\x98\x80",
    "\xc3\x97",
};
#define NALPHA (sizeof alphabet / sizeof *alphabet)
#define PLAIN 51 /* the first PLAIN entries are plain characters */

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static unsigned next(unsigned n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static void words(const char *s, size_t n, int icu_only, px_words *out)
{
    ctx->text->icu_words_only = icu_only;
    out->len = 0;
    assert_int_equal(px_text_words(ctx, s, n, out, NULL), PX_OK);
    ctx->text->icu_words_only = 0;
}

static void same(const char *s, size_t n)
{
    px_words a = {0}, b = {0};
    words(s, n, 0, &a);
    words(s, n, 1, &b);
    int ok = a.len == b.len;
    for (size_t i = 0; ok && i < a.len; i++)
        ok = a.items[i].start == b.items[i].start && a.items[i].end == b.items[i].end &&
             a.items[i].kind == b.items[i].kind;
    if (!ok) {
        fprintf(stderr, "plain scan and ICU differ on \"%.*s\":", (int)n, s);
        for (int k = 0; k < 2; k++) {
            const px_words *w = k ? &b : &a;
            fprintf(stderr, k ? "\n  ICU:  " : "\n  plain:");
            for (size_t i = 0; i < w->len; i++)
                fprintf(stderr, " [%zu,%zu)%d", w->items[i].start, w->items[i].end, (int)w->items[i].kind);
        }
        fputc('\n', stderr);
    }
    assert_true(ok);
    px_vec_free(&a);
    px_vec_free(&b);
}

static void test_random(void **state)
{
    (void)state;
    px_buf b = {0};
    for (int round = 0; round < 60000; round++) {
        px_buf_reset(&b);
        unsigned len = 1 + next(24);
        /* most strings plain only, so the plain scan is what is tested */
        unsigned span = next(4) ? PLAIN : NALPHA;
        for (unsigned i = 0; i < len; i++) px_buf_puts(&b, alphabet[next(span)]);
        same(b.data, b.len);
    }
    px_buf_free(&b);
}

static void test_known(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "a12", "1a", "a1.5", "a_1", "1_", "_", "__", "12:30", "don't", "U.S.", "3.5",
        "1,000", "1’000", "Obama’s", "“Hi,” he said.", "x''y", "1.2.3", "a.1", "a._b",
        "naïve café", "e-mail", "30-year-old", "COVID-19", "Nov. 7, 2014", "$5.2 million",
        "a\xc2\xad" "b", "a\xc2\xb7" "b", "",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) same(cases[i], strlen(cases[i]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known),
        cmocka_unit_test(test_random),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
