/*
 * fuzz_query.c — libFuzzer target for what a person types into a search
 * box and for the cursors and dates of a story list: the plain search
 * syntax (store/query.c) must turn any text into an FTS5 query that FTS5
 * accepts, so px_store_search never fails on it; the story filter must
 * refuse (PX_EUSAGE) or accept any cursor and dates, never crash.
 *
 * The input, cut at its first NUL, is the query; the same bytes are tried
 * as a cursor, an outlet and a from-date.  The store is in memory and
 * empty: FTS5 parses a query whatever the rows.  Run with `make fuzz`.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

static px_store *store;

static void count(const px_search_hit *h, void *ud)
{
    (void)h;
    (*(int *)ud)++;
}

static void row(const px_story_row *r, void *ud)
{
    (void)r;
    (void)ud;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!store) {
        px_error err;
        if (px_store_open(":memory:", 0, &store, &err) != PX_OK) abort();
    }
    char *q = malloc(size + 1);
    memcpy(q, data, size);
    q[size] = 0;
    px_buf fts = {0};
    px_store_fts_query(q, &fts);
    px_buf_free(&fts);
    int n = 0;
    px_error err;
    px_status rc = px_store_search(store, q, 0, 10, count, &n, NULL, &err);
    /* plain syntax: only the length limit may refuse it */
    if (rc != PX_OK && !(rc == PX_EUSAGE && strlen(q) > PX_STORE_MAX_QUERY)) abort();
    px_store_search(store, q, PX_SEARCH_ADVANCED | PX_SEARCH_BY_STORY, 10, count, &n, NULL, &err);
    px_story_filter f = {.query = q, .cursor = q, .outlet = q, .from = q};
    px_store_stories(store, &f, row, NULL, NULL, &err);
    free(q);
    return 0;
}
