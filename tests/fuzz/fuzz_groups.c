/*
 * fuzz_groups.c — libFuzzer target for the outlet groups file of
 * `parallax serve --groups` (lib/serve/groups.c): any bytes are parsed
 * into groups or refused with PX_EINPUT and a message naming the line,
 * never a crash, a leak or an unbounded allocation.  What is accepted
 * holds its invariants: every group has a name and at least one outlet,
 * no name or outlet is empty or holds a control character, no group is
 * named twice; and the coverage of a story by them runs.  Seeds:
 * tests/fuzz/corpus-groups.  Run with `make fuzz`.
 */
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

static void cover(const pxs_group *g, const char *const *covering, size_t n, void *ud)
{
    (void)covering;
    if (n > g->outlets.len) abort();
    (*(size_t *)ud)++;
}

static void clean(const char *s)
{
    if (!s || !*s) abort();
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f) abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    pxs_groups *g = NULL;
    px_error err;
    px_status rc = pxs_groups_parse("fuzz", (const char *)data, size, &g, &err);
    if (rc) {
        if (g || rc != PX_EINPUT || strncmp(err.message, "fuzz", 4) != 0) abort();
        return 0;
    }
    if (!g || !g->len) abort();
    for (size_t i = 0; i < g->len; i++) {
        clean(g->items[i].name);
        if (!g->items[i].outlets.len) abort();
        for (size_t k = 0; k < g->items[i].outlets.len; k++) clean(g->items[i].outlets.items[k]);
        for (size_t j = 0; j < i; j++)
            if (strcmp(g->items[i].name, g->items[j].name) == 0) abort();
    }
    size_t seen = 0;
    pxs_groups_cover(g, "Reuters, UPI, Leeds Evening Post", cover, &seen);
    if (seen != g->len) abort();
    pxs_groups_free(g);
    return 0;
}
