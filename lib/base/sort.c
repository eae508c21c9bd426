/*
 * sort.c — px_sort_by_key(): items that open with a uint64_t key, sorted
 * by it, stably, in linear time.
 *
 * The comparison stages sort hundreds of thousands of (key, index) records
 * whose keys are 64-bit hashes (posting lists, shingles, centroids);
 * qsort() calls a comparator per comparison and was a sixth of comparing
 * two 5 MB articles.  This is a least-significant-digit radix sort, one
 * byte a pass (eight passes at most), each pass a counting sort into a
 * scratch copy, so equal keys keep their input order: callers that need
 * a tie-break (a rank, an article) put the items in that order first.  A
 * pass whose byte is the same in every item moves nothing and is skipped;
 * short arrays take an insertion sort.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

static uint64_t key_of(const unsigned char *item)
{
    uint64_t k;
    memcpy(&k, item, sizeof k);
    return k;
}

/* Stable insertion sort for short arrays. */
static void insertion(unsigned char *items, size_t n, size_t size, unsigned char *tmp)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t k = key_of(items + i * size);
        size_t j = i;
        while (j > 0 && key_of(items + (j - 1) * size) > k) j--;
        if (j == i) continue;
        memcpy(tmp, items + i * size, size);
        memmove(items + (j + 1) * size, items + j * size, (i - j) * size);
        memcpy(items + j * size, tmp, size);
    }
}

/* One counting-sort pass on byte b: item i of src to dst at its place. */
static inline void scatter(const unsigned char *src, unsigned char *dst, size_t n, size_t size, int b,
                           size_t *c)
{
    for (size_t i = 0; i < n; i++) {
        const unsigned char *it = src + i * size;
        memcpy(dst + c[(key_of(it) >> (8 * b)) & 0xff]++ * size, it, size);
    }
}

void px_sort_by_key(void *items, size_t n, size_t size)
{
    assert(size >= sizeof(uint64_t));
    if (n < 2) return;
    unsigned char *a = items;
    if (n <= 32) {
        unsigned char tmp[256];
        unsigned char *t = size <= sizeof tmp ? tmp : px_xmalloc(size);
        insertion(a, n, size, t);
        if (t != tmp) free(t);
        return;
    }
    size_t (*count)[256] = px_xcalloc(8, sizeof *count);
    for (size_t i = 0; i < n; i++) {
        uint64_t k = key_of(a + i * size);
        for (int b = 0; b < 8; b++) count[b][(k >> (8 * b)) & 0xff]++;
    }
    unsigned char *buf = px_xmalloc(n * size), *src = a, *dst = buf;
    for (int b = 0; b < 8; b++) {
        size_t *c = count[b], at = 0;
        if (c[(key_of(src) >> (8 * b)) & 0xff] == n) continue; /* one value: nothing moves */
        for (int v = 0; v < 256; v++) {
            size_t m = c[v];
            c[v] = at;
            at += m;
        }
        switch (size) { /* a constant size: the copies inline */
        case 8: scatter(src, dst, n, 8, b, c); break;
        case 16: scatter(src, dst, n, 16, b, c); break;
        case 24: scatter(src, dst, n, 24, b, c); break;
        case 32: scatter(src, dst, n, 32, b, c); break;
        default: scatter(src, dst, n, size, b, c); break;
        }
        unsigned char *t = src;
        src = dst;
        dst = t;
    }
    if (src != a) memcpy(a, src, n * size);
    free(buf);
    free(count);
}
