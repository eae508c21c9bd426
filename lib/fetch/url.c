/*
 * url.c — canonical URLs and title keys (url.h), so a feed that changes an
 * item's GUID, adds a tracking parameter to its link or re-sends it with
 * other punctuation makes no second article.
 */
#include <curl/curl.h>
#include <string.h>

#include "base/base.h"
#include "fetch/url.h"

/* Query parameters that only say where a click came from. */
static int tracking(const char *p, size_t n)
{
    static const char *const names[] = {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid",
                                        "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid"};
    if (n > 4 && strncmp(p, "utm_", 4) == 0) return 1;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && strncmp(p, names[i], n) == 0) return 1;
    return 0;
}

char *px_url_canonical(const char *url)
{
    CURLU *u = curl_url();
    char *scheme = NULL, *out = NULL, *query = NULL;
    if (!u || curl_url_set(u, CURLUPART_URL, url, 0) ||
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) ||
        (strcmp(scheme, "http") && strcmp(scheme, "https"))) {
        curl_free(scheme);
        curl_url_cleanup(u);
        return NULL;
    }
    curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0);
    if (!curl_url_get(u, CURLUPART_QUERY, &query, 0) && query) {
        px_buf kept = {0};
        for (const char *p = query; *p;) {
            size_t n = strcspn(p, "&");
            size_t name = strcspn(p, "=&");
            if (n && !tracking(p, name < n ? name : n)) {
                if (kept.len) px_buf_putc(&kept, '&');
                px_buf_append(&kept, p, n);
            }
            p += n + (p[n] == '&');
        }
        curl_url_set(u, CURLUPART_QUERY, kept.len ? kept.data : NULL, 0);
        px_buf_free(&kept);
    }
    char *full = NULL;
    if (!curl_url_get(u, CURLUPART_URL, &full, 0)) { /* curl lower-cases the scheme, drops a default port */
        char *host = strstr(full, "://");
        if (host)
            for (char *c = host + 3; *c && *c != '/' && *c != '?'; c++)
                if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
        out = px_xstrdup(full);
    }
    curl_free(full);
    curl_free(query);
    curl_free(scheme);
    curl_url_cleanup(u);
    return out;
}

char *px_title_key(const char *title)
{
    if (!title) return NULL;
    px_buf b = {0};
    int space = 0;
    for (const unsigned char *p = (const unsigned char *)title; *p; p++) {
        unsigned c = *p;
        if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z')) {
            if (space && b.len) px_buf_putc(&b, ' ');
            space = 0;
            px_buf_putc(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
        } else {
            space = 1;
        }
    }
    return b.len ? px_buf_detach(&b) : (px_buf_free(&b), NULL);
}
