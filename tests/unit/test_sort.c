/*
 * test_sort.c — px_sort_by_key() (lib/base/sort.c): items of 8, 16, 24, 32
 * and 40 bytes, from 0 to 5,000 of them (the insertion sort of short
 * arrays and the radix passes), with keys drawn from a few values (many
 * ties), from all 64 bits, and with one byte the same everywhere (a
 * skipped pass), come out in the order of a stable reference sort: by
 * key, equal keys in their input order.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "base/base.h"

typedef struct item {
    uint64_t key;
    uint64_t place; /* input order */
    uint64_t pad[3];
} item;

static uint64_t next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static int by_key_then_place(const void *x, const void *y)
{
    const item *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->place < b->place ? -1 : a->place > b->place;
}

/* n items of size bytes (a prefix of struct item) with keys of the kind
 * given, sorted, against the reference. */
static void check(size_t n, size_t size, int kind, uint64_t seed)
{
    item *want = calloc(n ? n : 1, sizeof *want);
    unsigned char *got = calloc(n ? n : 1, size);
    assert_non_null(want);
    assert_non_null(got);
    for (size_t i = 0; i < n; i++) {
        uint64_t r = next(&seed);
        want[i].key = kind == 0 ? r % 5 : kind == 1 ? r : (r & ~(0xffULL << 24)) | (0x5aULL << 24);
        want[i].place = i;
        memcpy(got + i * size, &want[i], size);
    }
    px_sort_by_key(got, n, size);
    qsort(want, n, sizeof *want, by_key_then_place);
    for (size_t i = 0; i < n; i++) {
        item g = {0};
        memcpy(&g, got + i * size, size);
        assert_true(g.key == want[i].key);
        if (size >= 16) assert_true(g.place == want[i].place); /* stable */
    }
    free(want);
    free(got);
}

static void sorts_stably_by_key(void **state)
{
    (void)state;
    static const size_t counts[] = {0, 1, 2, 3, 31, 32, 33, 100, 1000, 5000};
    static const size_t sizes[] = {8, 16, 24, 32, 40};
    uint64_t seed = 0x9e3779b97f4a7c15ULL;
    for (size_t c = 0; c < sizeof counts / sizeof *counts; c++)
        for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
            for (int kind = 0; kind < 3; kind++) check(counts[c], sizes[s], kind, seed++);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sorts_stably_by_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
