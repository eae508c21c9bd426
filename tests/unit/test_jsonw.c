/*
 * test_jsonw.c — the streaming JSON writer (lib/render/jsonw.h): the bytes
 * it writes are jansson's json_dumpf(JSON_COMPACT | JSON_REAL_PRECISION(15))
 * of the same values (escaping of quotes, backslash, every control
 * character, NUL inside a counted string; UTF-8 and '/' as they are;
 * integers; reals with ".0" and short exponents; invalid UTF-8 and NaN
 * left out with their key or array slot), and hand-written expectations
 * for the escapes themselves.
 */
#define _GNU_SOURCE /* open_memstream */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"
#include "render/jsonw.h"

typedef struct {
    FILE *f;
    char *out;
    size_t len;
    px_jsonw w;
} sink;

static void sink_open(sink *s)
{
    s->out = NULL;
    s->len = 0;
    s->f = open_memstream(&s->out, &s->len);
    assert_non_null(s->f);
    px_jsonw_init(&s->w, s->f);
}

/* Closes the stream and checks what was written. */
static void sink_check(sink *s, const char *want)
{
    assert_int_equal(fclose(s->f), 0);
    assert_string_equal(s->out, want);
    free(s->out);
}

/* jansson's dump of v (stolen), as the writer must print it. */
static char *jansson(json_t *v)
{
    char *d = json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY);
    json_decref(v);
    assert_non_null(d);
    return d;
}

static void escapes_as_written(void **state)
{
    (void)state;
    sink s;
    sink_open(&s);
    px_jsonw_array_begin(&s.w);
    px_jsonw_string(&s.w, "say \"hi\" \\ a/b");
    px_jsonw_string(&s.w, "\b\f\n\r\t\x01\x1F\x7F");
    px_jsonw_stringn(&s.w, "a\0b", 3);
    px_jsonw_string(&s.w, "caf\xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\x80");
    px_jsonw_array_end(&s.w);
    sink_check(&s, "[\"say \\\"hi\\\" \\\\ a/b\",\"\\b\\f\\n\\r\\t\\u0001\\u001F\x7F\","
                   "\"a\\u0000b\",\"caf\xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\x80\"]");
}

static void every_byte_as_jansson(void **state)
{
    (void)state;
    for (int c = 1; c < 0x80; c++) {
        char str[4] = {'x', (char)c, 'y', 0};
        sink s;
        sink_open(&s);
        px_jsonw_string(&s.w, str);
        char *want = jansson(json_string(str));
        sink_check(&s, want);
        free(want);
    }
}

static void invalid_utf8_left_out_with_its_key(void **state)
{
    (void)state;
    static const char *const bad[] = {"a\xC3", "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                      "\xFF", "x\x80y"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_null(json_string(bad[i])); /* jansson makes no value of it */
        sink s;
        sink_open(&s);
        px_jsonw_object_begin(&s.w);
        px_jsonw_key(&s.w, "a");
        px_jsonw_int(&s.w, 1);
        px_jsonw_key(&s.w, "bad");
        px_jsonw_string(&s.w, bad[i]);
        px_jsonw_key(&s.w, "list");
        px_jsonw_array_begin(&s.w);
        px_jsonw_string(&s.w, bad[i]);
        px_jsonw_string(&s.w, "ok");
        px_jsonw_array_end(&s.w);
        px_jsonw_object_end(&s.w);
        sink_check(&s, "{\"a\":1,\"list\":[\"ok\"]}");
    }
}

static void numbers_as_jansson(void **state)
{
    (void)state;
    static const double reals[] = {0.0, -0.0, 1.0, 0.1, 1234.5, 0.95, 1e20, 1e-5, 123456789012345678.0,
                                   -2.5e-300, 1.0 / 3.0, 16450.0, 0.9995, 0.6666, 100.0, 0.0004567};
    for (size_t i = 0; i < sizeof reals / sizeof *reals; i++) {
        sink s;
        sink_open(&s);
        px_jsonw_real(&s.w, reals[i]);
        char *want = jansson(json_real(reals[i]));
        sink_check(&s, want);
        free(want);
    }
    for (size_t i = 0; i < sizeof reals / sizeof *reals; i++) { /* compare --json's 3 digits */
        sink s;
        sink_open(&s);
        s.w.precision = 3;
        px_jsonw_real(&s.w, reals[i]);
        json_t *v = json_real(reals[i]);
        char *want = json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(3) | JSON_ENCODE_ANY);
        json_decref(v);
        assert_non_null(want);
        sink_check(&s, want);
        free(want);
    }
    static const long long ints[] = {0, -1, 42, 9007199254740993LL, -9223372036854775807LL - 1};
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        sink s;
        sink_open(&s);
        px_jsonw_int(&s.w, ints[i]);
        char *want = jansson(json_integer(ints[i]));
        sink_check(&s, want);
        free(want);
    }
    sink s;
    sink_open(&s);
    px_jsonw_object_begin(&s.w);
    px_jsonw_key(&s.w, "nan");
    px_jsonw_real(&s.w, NAN);
    px_jsonw_key(&s.w, "inf");
    px_jsonw_real(&s.w, INFINITY);
    px_jsonw_key(&s.w, "e");
    px_jsonw_real(&s.w, 1e20);
    px_jsonw_object_end(&s.w);
    sink_check(&s, "{\"e\":1e20}");
}

static void nesting_and_literals(void **state)
{
    (void)state;
    sink s;
    sink_open(&s);
    px_jsonw_object_begin(&s.w);
    px_jsonw_key(&s.w, "k\"ey");
    px_jsonw_null(&s.w);
    px_jsonw_key(&s.w, "skipped");
    px_jsonw_skip(&s.w);
    px_jsonw_key(&s.w, "s");
    px_jsonw_string(&s.w, NULL);
    px_jsonw_key(&s.w, "a");
    px_jsonw_array_begin(&s.w);
    px_jsonw_array_end(&s.w);
    px_jsonw_key(&s.w, "o");
    px_jsonw_object_begin(&s.w);
    px_jsonw_key(&s.w, "t");
    px_jsonw_bool(&s.w, 1);
    px_jsonw_key(&s.w, "f");
    px_jsonw_bool(&s.w, 0);
    px_jsonw_object_end(&s.w);
    px_jsonw_object_end(&s.w);
    sink_check(&s, "{\"k\\\"ey\":null,\"s\":null,\"a\":[],\"o\":{\"t\":true,\"f\":false}}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes_as_written),
        cmocka_unit_test(every_byte_as_jansson),
        cmocka_unit_test(invalid_utf8_left_out_with_its_key),
        cmocka_unit_test(numbers_as_jansson),
        cmocka_unit_test(nesting_and_literals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
