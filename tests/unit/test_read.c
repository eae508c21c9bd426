/*
 * test_read.c — readers through the public API: formats, JSON Lines
 * records and their errors, limits, and px_article_parse().
 */
#include <stdio.h>

#include "unit.h"
#include "unit_context.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_records_keep_their_fields),
        cmocka_unit_test(jsonl_goes_on_after_a_bad_line),
        cmocka_unit_test(jsonl_refuses_nul_and_bad_utf8),
        cmocka_unit_test(format_is_sniffed_from_content),
        cmocka_unit_test(parse_checks_its_arguments_and_limits),
        cmocka_unit_test(missing_and_directory_paths_are_named),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
