/*
 * unit_context.h — one px_context for a test program's group, in `ctx`:
 *
 *     return cmocka_run_group_tests(tests, setup, teardown);
 *
 * A header of its own, not part of unit.h, so programs that need no
 * context do not carry an unused static.
 */
#ifndef PX_UNIT_CONTEXT_H
#define PX_UNIT_CONTEXT_H

#include "unit.h"

static px_context *ctx;

static int setup(void **state)
{
    (void)state;
    return px_context_new(&ctx, NULL) == PX_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    px_context_free(ctx);
    return 0;
}

#endif
