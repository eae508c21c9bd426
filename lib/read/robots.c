/*
 * robots.c — the Sitemap: lines of a robots.txt (parallax.h).
 *
 * The line is "Sitemap: URL" anywhere in the file, outside any user-agent
 * group (it applies to every crawler); the field name is matched without
 * case, as robots.txt readers do, and comments (#) are dropped.
 */
#include <string.h>
#include <strings.h>

#include "read/xmlpush.h"

size_t px_robots_sitemaps(const char *text, size_t len, const char *url, char ***urls,
                          size_t *count)
{
    size_t found = 0;
    if (!text || !urls || !count) return 0;
    size_t i = 0;
    while (i < len) {
        const char *line = text + i;
        const char *nl = memchr(line, '\n', len - i);
        size_t n = nl ? (size_t)(nl - line) : len - i;
        i += n + 1;
        const char *hash = memchr(line, '#', n);
        if (hash) n = (size_t)(hash - line);
        while (n && (*line == ' ' || *line == '\t' || *line == '\xEF' || *line == '\xBB' ||
                     *line == '\xBF'))
            line++, n--;
        if (n < 8 || strncasecmp(line, "sitemap", 7)) continue;
        size_t k = 7;
        while (k < n && (line[k] == ' ' || line[k] == '\t')) k++;
        if (k >= n || line[k] != ':') continue;
        k++;
        char *value = px_xstrndup(line + k, n - k);
        char *abs = px_xml_resolve(url, value);
        free(value);
        size_t alen = strlen(abs);
        if (!alen || memchr(abs, ' ', alen) || !strstr(abs, "://")) {
            free(abs);
            continue;
        }
        *urls = px_xrealloc(*urls, (*count + 1) * sizeof **urls);
        (*urls)[(*count)++] = abs;
        found++;
    }
    return found;
}
