/*
 * test_base.c — the base layer: arena, buf, vec, map, errors, UTF-8.
 */
#include "unit.h"
#include "text/text.h"

static void arena_keeps_allocations_apart(void **state)
{
    (void)state;
    px_arena a = {0};
    char *p[1000];
    for (int i = 0; i < 1000; i++) {
        p[i] = px_arena_alloc(&a, (size_t)i + 1);
        assert_int_equal((uintptr_t)p[i] % 16, 0);
        memset(p[i], i & 0xff, (size_t)i + 1);
    }
    for (int i = 0; i < 1000; i++) assert_int_equal((unsigned char)p[i][i], i & 0xff);
    char *big = px_arena_alloc(&a, 3 << 20); /* larger than a block */
    big[(3 << 20) - 1] = 'x';
    assert_string_equal(px_arena_strndup(&a, "abcdef", 3), "abc");
    assert_null(px_arena_strdup(&a, NULL));
    px_arena_free(&a);
    assert_null(a.head);
}

static void buf_grows_and_stays_terminated(void **state)
{
    (void)state;
    px_buf b = {0};
    assert_string_equal(px_buf_str(&b), "");
    for (int i = 0; i < 10000; i++) px_buf_putc(&b, 'a' + i % 26);
    assert_int_equal(b.len, 10000);
    assert_int_equal(b.data[10000], '\0');
    px_buf_reset(&b);
    px_buf_printf(&b, "%s:%d", "line", 42);
    px_buf_puts(&b, "!");
    assert_string_equal(px_buf_str(&b), "line:42!");
    char *s = px_buf_detach(&b);
    assert_string_equal(s, "line:42!");
    assert_null(b.data);
    free(s);
    px_buf_free(&b);
}

static void vec_pushes_in_order(void **state)
{
    (void)state;
    PX_VEC(int) v = {0};
    for (int i = 0; i < 100000; i++) px_vec_push(&v, i * 3);
    assert_int_equal(v.len, 100000);
    assert_int_equal(v.items[99999], 299997);
    px_vec_free(&v);
    assert_int_equal(v.len, 0);
}

static void map_finds_what_was_put(void **state)
{
    (void)state;
    px_map m = {0};
    char key[32];
    assert_null(px_map_get(&m, "x", 1));
    for (long i = 0; i < 50000; i++) {
        int n = snprintf(key, sizeof key, "key%ld", i);
        assert_null(px_map_put(&m, key, (size_t)n, (void *)(i + 1)));
    }
    assert_int_equal(m.len, 50000);
    for (long i = 0; i < 50000; i += 7) {
        int n = snprintf(key, sizeof key, "key%ld", i);
        assert_ptr_equal(px_map_get(&m, key, (size_t)n), (void *)(i + 1));
    }
    assert_ptr_equal(px_map_put(&m, "key5", 4, (void *)99), (void *)6);
    assert_ptr_equal(px_map_get(&m, "key5", 4), (void *)99);
    assert_null(px_map_get(&m, "key5x", 5));
    assert_null(px_map_get(&m, "ke\0y", 4)); /* keys are bytes, NUL included */
    px_map_free(&m);
}

/* Interning: equal strings give one copy, whatever the key's length (the
 * map's hash reads 8, 4 and 1 byte pieces), and get finds the copy. */
static void map_interns_one_copy(void **state)
{
    (void)state;
    px_map m = {0};
    const char *text = "a ab abc abcd abcde abcdefg abcdefgh abcdefghi abcdefghijklmnopq";
    const char *first[64];
    size_t n = 0;
    for (int round = 0; round < 2; round++) {
        n = 0;
        for (const char *p = text; *p;) {
            size_t len = strcspn(p, " ");
            char copy[32];
            memcpy(copy, p, len);
            const char *k = px_map_intern(&m, copy, len);
            assert_int_equal(strlen(k), len);
            assert_memory_equal(k, p, len);
            if (round == 0) first[n] = k;
            else assert_ptr_equal(k, first[n]);
            assert_ptr_equal(px_map_get(&m, p, len), k);
            n++;
            p += len + (p[len] == ' ');
        }
    }
    assert_int_equal(m.len, n);
    assert_ptr_not_equal(px_map_intern(&m, "abd", 3), px_map_intern(&m, "abc", 3));
    assert_ptr_not_equal(px_map_intern(&m, "abcdefgi", 8), first[6]);
    px_map_free(&m);
}

static void error_names_input_and_position(void **state)
{
    (void)state;
    px_error err;
    assert_int_equal(px_error_set(&err, PX_EINPUT, "a.jsonl", 12, 7, "expected %s", "'}'"), PX_EINPUT);
    assert_int_equal(err.code, PX_EINPUT);
    assert_string_equal(err.message, "a.jsonl:12:7: expected '}'");
    px_error_set(&err, PX_EIO, "b.txt", 0, 0, "No such file");
    assert_string_equal(err.message, "b.txt: No such file");
    px_error_set(&err, PX_EIO, NULL, 0, 0, "bare");
    assert_string_equal(err.message, "bare");
    assert_int_equal(px_error_set(NULL, PX_EEMPTY, "x", 0, 0, "ignored"), PX_EEMPTY);
    long line, col;
    px_line_col("ab\ncd\nef", 8, 7, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 2);
    assert_string_equal(px_status_name(PX_ETOOBIG), "input over a limit");
}

static void utf8_check_finds_the_first_bad_byte(void **state)
{
    (void)state;
    size_t bad = 0;
    assert_true(px_utf8_check("plain ascii text, long enough for the fast path", 47, NULL));
    const char *mixed = "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x93\xb0";
    assert_true(px_utf8_check(mixed, strlen(mixed), NULL));
    assert_false(px_utf8_check("caf\xe9 au lait", 12, &bad)); /* latin-1 */
    assert_int_equal(bad, 3);
    assert_false(px_utf8_check("\xc0\xaf", 2, &bad));        /* overlong '/' */
    assert_false(px_utf8_check("\xed\xa0\x80", 3, &bad));    /* surrogate */
    assert_false(px_utf8_check("\xf4\x90\x80\x80", 4, &bad)); /* > U+10FFFF */
    assert_false(px_utf8_check("ok \xe2\x80", 5, &bad));     /* truncated */
    assert_int_equal(bad, 3);
    size_t i = 0;
    assert_int_equal(px_utf8_next("\xc3\xa9x", 3, &i), 0xe9);
    assert_int_equal(i, 2);
    i = 0;
    assert_int_equal(px_utf8_next("\xff", 1, &i), 0xFFFD);
    assert_int_equal(i, 1);
    px_buf b = {0};
    px_utf8_put(&b, 0x20AC);
    px_utf8_put(&b, 0x1F4F0);
    assert_string_equal(px_buf_str(&b), "\xe2\x82\xac\xf0\x9f\x93\xb0");
    px_buf_free(&b);
}

/* Cutting for display never splits a character: "we\xe2\x80\x99re" cut at
 * 4 bytes keeps "we" (the apostrophe's 3 bytes do not fit), at 5 all of it. */
static void utf8_prefix_keeps_whole_characters(void **state)
{
    (void)state;
    const char *s = "we\xe2\x80\x99re";
    assert_int_equal(px_utf8_prefix(s, 4), 2);
    assert_int_equal(px_utf8_prefix(s, 3), 2);
    assert_int_equal(px_utf8_prefix(s, 5), 5);
    assert_int_equal(px_utf8_prefix(s, 100), strlen(s));
    assert_int_equal(px_utf8_prefix(s, 0), 0);
    assert_int_equal(px_utf8_prefix("abc", 3), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_keeps_allocations_apart),
        cmocka_unit_test(buf_grows_and_stays_terminated),
        cmocka_unit_test(vec_pushes_in_order),
        cmocka_unit_test(map_finds_what_was_put),
        cmocka_unit_test(map_interns_one_copy),
        cmocka_unit_test(error_names_input_and_position),
        cmocka_unit_test(utf8_check_finds_the_first_bad_byte),
        cmocka_unit_test(utf8_prefix_keeps_whole_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
