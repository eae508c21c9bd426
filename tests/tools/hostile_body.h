/*
 * hostile_body.h — bodies of misbehaving servers for libmicrohttpd's
 * MHD_create_response_from_callback(), shared by the test servers
 * (tests/tools/httpd.c, tests/unit/test_fetch.c): x's without end, and a
 * drip of one byte every 200 ms without end.  The drip sleeps in the
 * callback, so the daemon must run several threads (a pool or one per
 * connection).
 */
#ifndef PX_TESTS_HOSTILE_BODY_H
#define PX_TESTS_HOSTILE_BODY_H

#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static inline ssize_t hostile_endless(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)cls, (void)pos;
    memset(buf, 'x', max);
    return (ssize_t)max;
}

static inline ssize_t hostile_drip(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)cls, (void)pos, (void)max;
    usleep(200 * 1000);
    buf[0] = 'x';
    return 1;
}

#endif
