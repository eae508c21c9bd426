/*
 * test_term.c — escaping for terminals (lib/render/term.h): C0 except tab
 * and newline, DEL, C1, bidi overrides and isolates escaped, invalid
 * UTF-8 bytes escaped, everything else (accents, CJK, emoji) untouched;
 * a one-line field escapes tab and newline too; the stream keeps a UTF-8
 * sequence written in pieces whole.
 */
#define _GNU_SOURCE /* open_memstream */
#include <stdio.h>

#include "unit.h"
#include "render/term.h"

static void check(const char *in, int layout, const char *want)
{
    px_buf b = {0};
    px_term_escape(&b, in, strlen(in), layout);
    assert_string_equal(px_buf_str(&b), want);
    px_buf_free(&b);
}

static void escapes_what_a_terminal_acts_on(void **state)
{
    (void)state;
    check("plain text, caf\xC3\xA9, \xE6\x97\xA5\xE6\x9C\xAC, \xF0\x9F\x98\x80", 1,
          "plain text, caf\xC3\xA9, \xE6\x97\xA5\xE6\x9C\xAC, \xF0\x9F\x98\x80");
    check("a\x1B[2Jb\x07" "c\rd\x08\x7F", 1, "a\\x1B[2Jb\\x07c\\x0Dd\\x08\\x7F");
    check("tab\there\nline", 1, "tab\there\nline");
    check("tab\there\nline", 0, "tab\\x09here\\x0Aline");
    check("csi \xC2\x9B" "31m nel \xC2\x85", 1, "csi \\u009B31m nel \\u0085");
    check("\xE2\x80\xAE" "evil\xE2\x80\xAC \xE2\x81\xA6x\xE2\x81\xA9", 1,
          "\\u202Eevil\\u202C \\u2066x\\u2069");
    check("\xE2\x80\x8F rlm kept, \xE2\x80\x94 dash kept", 1, "\xE2\x80\x8F rlm kept, \xE2\x80\x94 dash kept");
    check("bad \xFF byte, cut \xE2\x80", 1, "bad \\xFF byte, cut \\xE2\\x80");
    check("overlong \xC0\xAF, surrogate \xED\xA0\x80", 1,
          "overlong \\xC0\\xAF, surrogate \\xED\\xA0\\x80");
    px_buf b = {0};
    assert_null(px_term_field(&b, NULL));
    assert_string_equal(px_term_field(&b, "x\ty"), "x\\x09y");
    assert_string_equal(px_term_field(&b, "z"), "z"); /* reset first */
    px_buf_free(&b);
}

static void the_stream_keeps_split_sequences_whole(void **state)
{
    (void)state;
    char *data = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&data, &len);
    FILE *t = px_term_stream(mem);
    assert_non_null(t);
    const char *parts[] = {"caf\xC3", "\xA9 \xE2\x80", "\xAEx \x1B", "[0m \xC2", "\x9B ok \xE2"};
    for (size_t i = 0; i < 5; i++) {
        fputs(parts[i], t);
        fflush(t); /* each piece reaches the filter on its own */
    }
    assert_int_equal(fclose(t), 0);
    fclose(mem);
    assert_string_equal(data, "caf\xC3\xA9 \\u202Ex \\x1B[0m \\u009B ok \\xE2");
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes_what_a_terminal_acts_on),
        cmocka_unit_test(the_stream_keeps_split_sequences_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
