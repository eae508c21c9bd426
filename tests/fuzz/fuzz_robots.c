/*
 * fuzz_robots.c — libFuzzer target for robots.txt (lib/fetch/robots.c),
 * which any server can fill with anything.  The input is split at its
 * first NUL: before it the file, after it a path to decide on (a fixed
 * set of paths when there is none).  Parsing and deciding must not crash,
 * and the file's own address is always allowed.  Run with `make fuzz`.
 */
#include <stdlib.h>
#include <string.h>

#include "fetch/robots.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const char *txt = (const char *)data;
    const char *nul = memchr(txt, '\0', size);
    size_t len = nul ? (size_t)(nul - txt) : size;
    px_robots *r = px_robots_parse(txt, len, PX_ROBOTS_AGENT);
    if (!px_robots_allowed(r, "/robots.txt")) abort();
    if (nul) {
        size_t pn = size - len - 1;
        char *path = malloc(pn + 2);
        path[0] = '/';
        memcpy(path + 1, nul + 1, pn);
        path[pn + 1] = '\0';
        px_robots_allowed(r, path);
        free(path);
    } else {
        static const char *const paths[] = {"/", "/a", "/private/x", "/x.pdf", "/a/b?c=d"};
        for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) px_robots_allowed(r, paths[i]);
    }
    (void)px_robots_delay(r);
    for (size_t i = 0; i < px_robots_sitemap_count(r); i++)
        if (!px_robots_sitemap(r, i)) abort();
    px_robots_free(r);
    return 0;
}
