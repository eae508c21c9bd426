/*
 * test_read.c — readers through the public API: formats, JSON Lines
 * records and their errors, limits, and px_article_parse().
 */
#include <stdio.h>

#include <jansson.h>

#include "unit.h"
#include "unit_context.h"
#include "read/jsonl_fields.h"
#include "text/text.h"

static px_reader *open_string(const char *s, const char *name, px_format format, FILE **f)
{
    *f = fmemopen((void *)s, strlen(s), "rb");
    assert_non_null(*f);
    px_reader *r;
    px_error err;
    assert_int_equal(px_reader_open_stream(ctx, *f, name, format, &r, &err), PX_OK);
    return r;
}

static void jsonl_records_keep_their_fields(void **state)
{
    (void)state;
    FILE *f;
    px_reader *r = open_string(
        "{\"id\": 42, \"url\": \"https://example.org/a\", \"outlet\": \"Example\", "
        "\"title\": \"T\", \"date\": \"2014-11-07\", \"language\": \"en\", "
        "\"text\": \"First paragraph.\\n\\nSecond paragraph.\"}\n",
        "dump.jsonl", PX_FORMAT_AUTO, &f);
    px_article *a;
    px_error err;
    assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
    assert_non_null(a);
    assert_string_equal(px_article_id(a), "42");
    assert_string_equal(px_article_url(a), "https://example.org/a");
    assert_string_equal(px_article_outlet(a), "Example");
    assert_string_equal(px_article_title(a), "T");
    assert_string_equal(px_article_date(a), "2014-11-07");
    assert_int_equal(px_article_date_source(a), PX_DATE_INPUT);
    assert_string_equal(px_article_origin(a), "dump.jsonl:1");
    assert_string_equal(px_article_format(a), "jsonl");
    assert_int_equal(px_article_paragraph_count(a), 2);
    assert_string_equal(px_article_text(a), "First paragraph.\n\nSecond paragraph.");
    px_article_free(a);
    assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
    assert_null(a); /* the end */
    px_reader_close(r);
    fclose(f);
}

static void jsonl_goes_on_after_a_bad_line(void **state)
{
    (void)state;
    FILE *f;
    px_reader *r = open_string("{\"id\":\"a\",\"text\":\"ok one\"}\n"
                               "\n"
                               "{\"id\":\"b\" \"text\":\"x\"}\n"
                               "[1, 2]\n"
                               "{\"id\":\"c\",\"text\":\"\"}\n"
                               "{\"id\":\"d\",\"text\":\"ok two\"}\r\n",
                               "in.jsonl", PX_FORMAT_JSONL, &f);
    px_article *a;
    px_error err;
    assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
    assert_string_equal(px_article_id(a), "a");
    px_article_free(a);
    assert_int_equal(px_reader_next(r, &a, &err), PX_EINPUT);
    assert_null(a);
    assert_contains(err.message, "in.jsonl:3:");
    assert_contains(err.message, "invalid JSON");
    assert_int_equal(px_reader_next(r, &a, &err), PX_EINPUT);
    assert_contains(err.message, "in.jsonl:4: expected a JSON object");
    assert_int_equal(px_reader_next(r, &a, &err), PX_EEMPTY);
    assert_contains(err.message, "in.jsonl:5:");
    assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
    assert_string_equal(px_article_id(a), "d");
    assert_string_equal(px_article_origin(a), "in.jsonl:6");
    px_article_free(a);
    assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
    assert_null(a);
    px_reader_close(r);
    fclose(f);
}

static void jsonl_refuses_nul_and_bad_utf8(void **state)
{
    (void)state;
    FILE *f;
    px_reader *r = open_string("{\"text\":\"a\\u0000b\"}\n{\"text\":\"caf\xe9\"}\n",
                               "x.jsonl", PX_FORMAT_JSONL, &f);
    px_article *a;
    px_error err;
    assert_int_equal(px_reader_next(r, &a, &err), PX_EINPUT); /* jansson refuses \u0000 */
    assert_contains(err.message, "x.jsonl:1:");
    assert_contains(err.message, "\\u0000 is not allowed");
    assert_int_equal(px_reader_next(r, &a, &err), PX_EINPUT);
    assert_contains(err.message, "x.jsonl:2:");
    assert_contains(err.message, "invalid UTF-8");
    px_reader_close(r);
    fclose(f);
}

static void format_is_sniffed_from_content(void **state)
{
    (void)state;
    FILE *f;
    px_reader *r = open_string("\n  {\"text\": \"Sniffed as JSON Lines.\"}\n", "noext",
                               PX_FORMAT_AUTO, &f);
    px_article *a;
    assert_int_equal(px_reader_next(r, &a, NULL), PX_OK);
    assert_string_equal(px_article_format(a), "jsonl");
    px_article_free(a);
    px_reader_close(r);
    fclose(f);

    r = open_string("A title\n\nA body.\n", "noext", PX_FORMAT_AUTO, &f);
    assert_int_equal(px_reader_next(r, &a, NULL), PX_OK);
    assert_string_equal(px_article_format(a), "text");
    assert_string_equal(px_article_title(a), "A title");
    px_article_free(a);
    px_reader_close(r);
    fclose(f);
}

static void parse_checks_its_arguments_and_limits(void **state)
{
    (void)state;
    px_article *a;
    px_error err;
    assert_int_equal(px_article_parse(ctx, "x", 1, PX_FORMAT_JSONL, "n", &a, &err), PX_EUSAGE);
    assert_null(a);
    assert_int_equal(px_article_parse(ctx, "", 0, PX_FORMAT_TEXT, "n", &a, &err), PX_EEMPTY);
    assert_int_equal(px_article_parse(ctx, "T\n\nx", (size_t)PX_MAX_DOCUMENT + 1, PX_FORMAT_TEXT,
                                      "big", &a, &err),
                     PX_ETOOBIG);
    assert_contains(err.message, "big:");
    assert_int_equal(px_article_parse(NULL, "x", 1, PX_FORMAT_TEXT, "n", &a, &err), PX_EUSAGE);
    assert_int_equal(px_article_parse(ctx, "T\n\nBody.", 8, PX_FORMAT_TEXT, "n", &a, &err), PX_OK);
    assert_string_equal(px_article_id(a), "n");
    assert_int_equal(px_article_sentence_count(a), 1);
    size_t len;
    assert_string_equal(px_article_source(a, &len), "T\n\nBody.");
    assert_int_equal(len, 8);
    px_article_free(a);
}

static void missing_and_directory_paths_are_named(void **state)
{
    (void)state;
    px_reader *r;
    px_error err;
    assert_int_equal(px_reader_open(ctx, "/nonexistent/a.txt", 0, &r, &err), PX_EIO);
    assert_null(r);
    assert_string_equal(err.message, "/nonexistent/a.txt: No such file or directory");
    assert_int_equal(px_reader_open(ctx, "examples", 0, &r, &err), PX_EIO);
    assert_contains(err.message, "examples: is a directory");
}

/* The JSON Lines scanner against jansson on one line: when the scanner
 * accepts it, jansson must parse it to an object with the same known keys
 * (kind, decoded bytes, integer).  Returns whether the scanner accepted. */
static int scanner_agrees(const char *line, size_t len)
{
    px_jsonl_fields f = {0};
    int ok = px_jsonl_fields_scan(&f, line, len);
    if (ok) {
        json_error_t jerr;
        json_t *obj = json_loadb(line, len, 0, &jerr);
        if (!obj || !json_is_object(obj)) fprintf(stderr, "accepted: %.*s\n", (int)len, line);
        assert_non_null(obj);
        assert_true(json_is_object(obj));
        for (int k = 0; k < PX_JK_COUNT; k++) {
            json_t *v = json_object_get(obj, px_jsonl_key_name((px_jsonl_key)k));
            const px_jsonl_value *got = &f.v[k];
            if (!v) {
                assert_int_equal(got->kind, PX_JV_ABSENT);
            } else if (json_is_string(v)) {
                assert_int_equal(got->kind, PX_JV_STRING);
                assert_int_equal(got->len, json_string_length(v));
                assert_memory_equal(got->string, json_string_value(v), got->len + 1);
            } else if (json_is_integer(v)) {
                assert_int_equal(got->kind, PX_JV_INTEGER);
                assert_true(got->integer == json_integer_value(v));
            } else {
                assert_int_equal(got->kind, PX_JV_OTHER);
            }
        }
        json_decref(obj);
    }
    px_jsonl_fields_free(&f);
    return ok;
}

static int agrees(const char *line) { return scanner_agrees(line, strlen(line)); }

static void jsonl_scanner_reads_as_jansson(void **state)
{
    (void)state;
    /* accepted: plain records, escapes, pairs, duplicates, nesting */
    assert_true(agrees("{\"id\": 42, \"url\": \"u\", \"text\": \"a\\n\\nb\", \"x\": [1, {\"y\": null}]}"));
    assert_true(agrees(" {\"text\":\"\\u00e9\\u20ac\\ud83d\\ude00 \\\"q\\\" \\/ \\\\ \\b\\f\\r\\t\"} "));
    assert_true(agrees("{\"title\": 1, \"title\": \"last wins\", \"text\": \"t\"}"));
    assert_true(agrees("{\"id\": -7, \"date\": true, \"outlet\": false, \"html\": \"<p>h</p>\"}"));
    assert_true(agrees("{}"));
    assert_true(agrees("{\"text\": \"\", \"id\": 123456789012345678}"));
    assert_true(agrees("{\"caf\xc3\xa9\": \"\xe2\x80\x9cq\xe2\x80\x9d\", \"text\": \"x\"}"));
    /* left to jansson (which accepts or refuses them itself) */
    const char *const left[] = {
        "[1]", "\"text\"", "{\"text\": \"a\"} x", "{\"text\": \"a\",}", "{\"text\": 'a'}",
        "{\"text\": \"\\u0000\"}", "{\"text\": \"\\ud83d\"}", "{\"text\": \"\\ude00\"}",
        "{\"text\": \"\\x\"}", "{\"text\": \"a\tb\"}", "{\"id\": 1.5}", "{\"id\": 1e3}",
        "{\"id\": 01}", "{\"id\": 1234567890123456789}", "{\"id\": -9999999999999999999}",
        "{\"id\": 123456789012345678901234567890}", "{\"id\": -}", "{\"t\\u0065xt\": \"a\"}",
        "{\"text\": nul}", "{\"text\": nullx}", "{\"text\" \"a\"}", "{\"a\": [1,]}", "{\"a\": {1: 2}}",
        "{\"text\": \"a\"", "{\"text\": \"a", "",
    };
    for (size_t i = 0; i < sizeof left / sizeof *left; i++) assert_false(agrees(left[i]));
    /* random records, and random damage to them */
    static const char *const pieces[] = {
        "{", "}", "[", "]", ",", ":", " ", "\"id\"", "\"text\"", "\"title\"", "\"html\"",
        "\"url\"", "\"other\"", "\"a b\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\n\"",
        "\"\\\"\"", "\"\xc3\xa9t\xc3\xa9\"", "\"\"", "0", "-12", "3.5", "1e2", "007", "true",
        "false", "null", "\"\\u12\"", "\"\\ud800x\"", "\\", "\"",
    };
    unsigned seed = 7;
    char line[512];
    int accepted = 0;
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        if (round % 2) { /* a well-formed record of known and other keys */
            int n = (int)(rand_r(&seed) % 6);
            len += (size_t)snprintf(line + len, sizeof line - len, "{");
            for (int m = 0; m < n; m++) {
                static const char *const keys[] = {"id", "text", "title", "html", "x", "url"};
                static const char *const vals[] = {
                    "\"plain\"", "17", "-3", "\"\\u00e9\\n\"", "[1, \"a\", {\"b\": [true]}]",
                    "null", "\"\\ud83d\\ude00\"", "{}", "\"\"", "\"\xe2\x82\xac\""};
                len += (size_t)snprintf(line + len, sizeof line - len, "%s\"%s\": %s",
                                        m ? ", " : "", keys[rand_r(&seed) % 6],
                                        vals[rand_r(&seed) % 10]);
            }
            len += (size_t)snprintf(line + len, sizeof line - len, "}");
            if (rand_r(&seed) % 2 && len > 1) { /* damage: drop or repeat one byte */
                size_t at = rand_r(&seed) % len;
                if (rand_r(&seed) % 2) memmove(line + at, line + at + 1, len - at), len--;
                else memmove(line + at + 1, line + at, len - at + 1), len++;
            }
        } else { /* pieces in any order */
            int n = 1 + (int)(rand_r(&seed) % 12);
            for (int m = 0; m < n && len + 32 < sizeof line; m++) {
                const char *p = pieces[rand_r(&seed) % (sizeof pieces / sizeof *pieces)];
                memcpy(line + len, p, strlen(p));
                len += strlen(p);
            }
        }
        line[len] = '\0';
        if (!px_utf8_check(line, len, NULL)) continue; /* the reader refuses these first */
        accepted += scanner_agrees(line, len);
    }
    assert_true(accepted > 2000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_records_keep_their_fields),
        cmocka_unit_test(jsonl_scanner_reads_as_jansson),
        cmocka_unit_test(jsonl_goes_on_after_a_bad_line),
        cmocka_unit_test(jsonl_refuses_nul_and_bad_utf8),
        cmocka_unit_test(format_is_sniffed_from_content),
        cmocka_unit_test(parse_checks_its_arguments_and_limits),
        cmocka_unit_test(missing_and_directory_paths_are_named),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
