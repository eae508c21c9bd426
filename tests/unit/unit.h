/*
 * unit.h — what every unit test includes: cmocka and the headers.
 *
 * Each tests/unit/test_NAME.c is one program (the Makefile finds it by its
 * name) with a main() that runs its cmocka group.  Tests run from the top of
 * the tree, so examples/ and tests/ paths are relative to it.
 */
#ifndef PX_UNIT_H
#define PX_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "parallax.h"
#include "base/base.h"

/* Asserts that haystack contains needle, showing both when it does not. */
#define assert_contains(haystack, needle)                                           \
    do {                                                                            \
        const char *h_ = (haystack), *n_ = (needle);                                \
        if (!h_ || !strstr(h_, n_))                                                 \
            fail_msg("expected to find \"%s\" in \"%s\"", n_, h_ ? h_ : "(null)"); \
    } while (0)

#endif
