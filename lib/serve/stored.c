/*
 * stored.c — the story page's comparison kept in the store as well
 * (px_store_comparison_get/put), so that a restarted server, or another
 * one on the same store, does not compare a story again for a version
 * already compared; cache.c's memory cache stays the first level.
 *
 * Three kinds per story: the page's sections ("serve-html"), the JSON
 * ("serve-json") and the meta ("serve-meta"): the conflicts, the number
 * of articles compared and, for each, the article it is a near-copy of,
 * as fixed-size little-endian 64-bit integers.  The kinds name
 * PXS_MAX_COMPARE and the library's version, which the comparison depends
 * on.  A meta of the wrong size or with an out-of-range value is a miss:
 * the story is compared again and the entry replaced.
 */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "serve/serve.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define KIND(k) "serve" STR(PXS_MAX_COMPARE) "-" k "@" PX_VERSION

static void put64(unsigned char *p, int64_t v)
{
    for (int i = 0; i < 8; i++) p[i] = (unsigned char)((uint64_t)v >> (8 * i));
}

static int64_t get64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++) v |= (uint64_t)p[i] << (8 * i);
    return (int64_t)v;
}

pxs_story *pxs_stored_get(pxs_request *r, const px_story_row *row)
{
    char *meta = NULL, *html = NULL, *json = NULL;
    size_t mlen, hlen, jlen;
    px_error err;
    pxs_story *s = NULL;
    if (px_store_comparison_get(r->store, row->id, KIND("meta"), NULL, &meta, &mlen, &err) || !meta ||
        px_store_comparison_get(r->store, row->id, KIND("html"), NULL, &html, &hlen, &err) || !html ||
        px_store_comparison_get(r->store, row->id, KIND("json"), NULL, &json, &jlen, &err) || !json)
        goto done;
    const unsigned char *m = (const unsigned char *)meta;
    int64_t compared = mlen >= 16 ? get64(m + 8) : -1;
    if (compared < 1 || compared > PXS_MAX_COMPARE || mlen != 16 + 8 * (size_t)compared) goto done;
    s = px_xcalloc(1, sizeof *s);
    s->conflicts = (long)get64(m);
    s->compared = (size_t)compared;
    s->original = px_xmalloc(s->compared * sizeof *s->original);
    for (size_t i = 0; i < s->compared; i++) {
        int64_t o = get64(m + 16 + 8 * i);
        s->original[i] = o >= 0 && o < compared ? (size_t)o : (size_t)-1;
    }
    s->id = row->id;
    s->version = row->version;
    s->articles = row->articles;
    s->html = html, s->html_len = hlen;
    s->json = json, s->json_len = jlen;
    s->refs = 1;
    html = json = NULL;
done:
    free(meta);
    free(html);
    free(json);
    return s;
}

void pxs_stored_put(pxs_request *r, const pxs_story *s)
{
    size_t mlen = 16 + 8 * s->compared;
    unsigned char *m = px_xmalloc(mlen);
    put64(m, s->conflicts);
    put64(m + 8, (int64_t)s->compared);
    for (size_t i = 0; i < s->compared; i++)
        put64(m + 16 + 8 * i, s->original[i] == (size_t)-1 ? -1 : (int64_t)s->original[i]);
    px_error err;
    /* best effort: a failed put leaves a miss, which compares again */
    if (!px_store_comparison_put(r->store, s->id, s->version, KIND("html"), s->html, s->html_len, &err) &&
        !px_store_comparison_put(r->store, s->id, s->version, KIND("json"), s->json, s->json_len, &err))
        px_store_comparison_put(r->store, s->id, s->version, KIND("meta"), m, mlen, &err);
    free(m);
}
