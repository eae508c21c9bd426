/*
 * serve.h — what the files of lib/serve share: a request, its reply, the
 * comparison cache, and the HTML page frame.
 *
 *   server.c   libmicrohttpd, the thread pool's store connections, routing,
 *              headers (security, ETag, gzip), the access log
 *   cache.c    story comparisons, computed once per story version
 *   page.c     the page frame, escaping, links, the style sheet
 *   pages.c    the HTML pages: stories, story, article, outlets, search
 *   api.c      the JSON API under /api/v1
 *
 * A handler reads its arguments with pxs_arg(), writes the body into
 * r->out and sets r->status and r->type; it never fails with a 500 on bad
 * input: a bad argument is 400, an unknown id 404 (pxs_fail).  Strings
 * written into pages go through pxs_esc (HTML-escaped, wrapped in <bdi>
 * where they are inline, so a bidi override cannot reorder the page).
 */
#ifndef PX_SERVE_H
#define PX_SERVE_H

#include <stdint.h>
#include <stdio.h>

#include "parallax.h"

typedef struct pxs_cache pxs_cache;

typedef struct pxs_request {
    struct MHD_Connection *conn;
    const char *path;  /* decoded path, without the query */
    px_store *store;   /* this thread's connection */
    px_context *ctx;   /* this thread's context */
    pxs_cache *cache;
    /* the reply */
    int status;        /* 200 unless set */
    const char *type;  /* Content-Type */
    FILE *out;         /* the body: a memory stream into body, len */
    char *body;
    size_t len;
    int bad_arg;       /* pxs_arg met an argument that is not UTF-8 */
    int bench;         /* px_server_options.bench */
} pxs_request;

/* The query argument name: NULL when absent or empty.  An argument of
 * invalid UTF-8 or over 1,024 bytes is treated as absent and sets
 * r->bad_arg (the handler then answers 400 with pxs_bad_args). */
const char *pxs_arg(pxs_request *r, const char *name);
/* 1 (after answering 400) when some argument read was bad. */
int pxs_bad_args(pxs_request *r, int json);

/* Replaces the body with an error: status (400, 404...) and message, as
 * JSON ({"error": message}) or as a page. */
void pxs_fail(pxs_request *r, int status, int json, const char *message);

/* A store error as the reply: PX_EUSAGE (a bad argument) 400, else 503
 * (the store cannot be read: not the client's doing). */
void pxs_store_failed(pxs_request *r, const px_error *err, int json);

/* The article of row id (its decimal digits) and its story, or NULL after
 * answering 404 (no such row) or 503.  Free it with px_article_free. */
px_article *pxs_article(pxs_request *r, const char *id, int64_t *story, int json);

/* A positive decimal id (up to 18 digits), else -1. */
int64_t pxs_id(const char *s);

/* ---- page.c ---------------------------------------------------------- */

/* Escaped text (& < > " '), safe in text and quoted attributes; NULL: "". */
void pxs_esc(FILE *f, const char *s);
/* pxs_esc inside <bdi>: for a title, name or other text of the store
 * shown inline. */
void pxs_bdi(FILE *f, const char *s);
/* s percent-encoded for a URL's query or path (unreserved bytes kept). */
void pxs_url(FILE *f, const char *s);
/* A link to url when it is http: or https: (anything else, javascript:
 * included, is shown as text). */
void pxs_ext_link(FILE *f, const char *url);
/* The page up to <main>, with the title (escaped) and the navigation;
 * query: the search box's value. */
void pxs_page_open(FILE *f, const char *title, const char *query);
void pxs_page_close(FILE *f);
/* The style sheet, served as /assets/style.css. */
void pxs_style(FILE *f);

/* ---- pages.c, api.c ---------------------------------------------------- */

void pxs_page_stories(pxs_request *r);
void pxs_page_story(pxs_request *r, const char *id);
void pxs_page_article(pxs_request *r, const char *id);
void pxs_page_outlets(pxs_request *r);
void pxs_page_outlet(pxs_request *r);
void pxs_page_search(pxs_request *r);

void pxs_api_stories(pxs_request *r);
void pxs_api_story(pxs_request *r, const char *id);
void pxs_api_story_articles(pxs_request *r, const char *id);
void pxs_api_article(pxs_request *r, const char *id);
void pxs_api_outlets(pxs_request *r);
void pxs_api_outlet_articles(pxs_request *r);
void pxs_api_search(pxs_request *r);

/* The story list's filter from the request's arguments (q, from, to,
 * outlet, lang, order, cursor, limit); 0, or 400 answered (returns -1). */
int pxs_story_filter(pxs_request *r, px_story_filter *f, int json);

/* ---- cache.c ---------------------------------------------------------- */

/* One story's comparison as computed for one version of the story. */
typedef struct pxs_story {
    int64_t id, version, articles;
    size_t compared;      /* articles compared (the first PXS_MAX_COMPARE) */
    long conflicts;       /* conflicts and updates found */
    char *html, *json;    /* the comparison's sections; its JSON */
    size_t *original;     /* [compared]: the article it is a near-copy of,
                           * or (size_t)-1 */
    size_t html_len, json_len;
    int refs;             /* the cache's and each reader's */
} pxs_story;

/* Stories over this many articles are compared over their first
 * PXS_MAX_COMPARE (said on the page and in the JSON). */
#define PXS_MAX_COMPARE 60

pxs_cache *pxs_cache_new(unsigned capacity);
void pxs_cache_free(pxs_cache *c);
/* The comparison of story row (its id and version); computed when the
 * cache holds none of that version.  Release it with pxs_story_release.
 * NULL with err set when the articles cannot be read or compared. */
pxs_story *pxs_cache_get(pxs_cache *c, pxs_request *r, const px_story_row *row, px_error *err);
/* The cached comparison's conflicts for (id, version), or -2 when not cached. */
long pxs_cache_conflicts(pxs_cache *c, int64_t id, int64_t version);
void pxs_story_release(pxs_cache *c, pxs_story *s);

/* ---- stored.c: the same comparisons kept in the store ------------------ */

/* The comparison of row's version kept in the store (refs 1, not yet in
 * the memory cache), or NULL when none is. */
pxs_story *pxs_stored_get(pxs_request *r, const px_story_row *row);
/* Keeps s in the store for its version (best effort: nothing on failure). */
void pxs_stored_put(pxs_request *r, const pxs_story *s);

#endif
