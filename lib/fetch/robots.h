/*
 * robots.h — robots.txt (RFC 9309) as the fetcher obeys it.
 *
 * The groups that name our product token ("parallax", case-insensitively)
 * apply, else the "*" groups, else nothing is disallowed.  Within them the
 * longest matching allow/disallow pattern decides (on a tie, allow); "*"
 * in a pattern matches any run of bytes and a final "$" anchors it at the
 * end of the path.  Crawl-delay of the chosen groups and every Sitemap
 * line are kept.  Parsing never fails: unknown or malformed lines are
 * skipped, and only the first PX_ROBOTS_MAX_BYTES are read (RFC 9309 asks
 * for at least 500 KiB), so a hostile file costs bounded time and memory.
 */
#ifndef PX_ROBOTS_H
#define PX_ROBOTS_H

#include <stddef.h>

#define PX_ROBOTS_MAX_BYTES (512u << 10)
#define PX_ROBOTS_AGENT "parallax"

typedef struct px_robots px_robots;

/* Parses txt[0..len) for the product token agent (lower case letters,
 * digits, '-' and '_').  Never NULL; free with px_robots_free(). */
px_robots *px_robots_parse(const char *txt, size_t len, const char *agent);

/* A rule set allowing everything (allow = 1: no robots.txt, HTTP 4xx) or
 * nothing (allow = 0: the server failed to answer for it, HTTP 5xx). */
px_robots *px_robots_all(int allow);

/* 1 when path (the URL's path and query, starting with '/') may be
 * fetched; "/robots.txt" itself always may. */
int px_robots_allowed(const px_robots *r, const char *path);

/* The Crawl-delay of the groups that apply, in seconds; 0 when none. */
double px_robots_delay(const px_robots *r);

/* The Sitemap URLs, in file order; NULL when i >= the count. */
size_t px_robots_sitemap_count(const px_robots *r);
const char *px_robots_sitemap(const px_robots *r, size_t i);

void px_robots_free(px_robots *r);

#endif
