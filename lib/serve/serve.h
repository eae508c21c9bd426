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
 *   groups.c   outlet groups: the file's parser, a story's coverage
 *   matrix.c   a story's facts by outlet (states, differs, silent)
 *   list.c     the story list's orders: the store's, and most disputed
 *   ledger.c   what the computed comparisons taught: conflicts per story
 *              and per outlet, whom each outlet credits
 *   marks.c    an article's text with its entities, quotes, numbers and
 *              dates marked
 *   replies.c  whole replies (a story's page, its JSON) kept per version of
 *              the story, in memory and in the store, sent as they are
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

#include "base/base.h"
#include "parallax.h"

typedef struct px_comparison px_comparison;

typedef struct pxs_cache pxs_cache;
typedef struct pxs_reply pxs_reply;
typedef struct pxs_replies pxs_replies;

/* The kinds of kept reply (replies.c): a story's page, its API JSON. */
enum { PXS_REPLY_PAGE = 0, PXS_REPLY_API = 1 };

/* ---- groups.c ------------------------------------------------------------ */

typedef struct pxs_group {
    char *name;
    PX_VEC(char *) outlets; /* exact outlet names, as in the file */
} pxs_group;

typedef struct pxs_groups {
    pxs_group *items;
    size_t len, cap;
} pxs_groups;

#define PXS_GROUPS_FILE (1 << 20) /* bytes of a groups file */
#define PXS_GROUP_LINE 1024       /* bytes of one of its lines */
#define PXS_GROUPS_MAX 1000
#define PXS_GROUP_OUTLETS 10000   /* outlets, all groups together */

/* Parses len bytes of text (a groups file, format in groups.c and
 * docs/api.md) named name (for messages) into *out (free with
 * pxs_groups_free).  PX_EINPUT "NAME:LINE: what is wrong" for any
 * malformed input, *out then NULL. */
px_status pxs_groups_parse(const char *name, const char *text, size_t len, pxs_groups **out,
                           px_error *err);
/* The file at path parsed; PX_EIO when it cannot be read. */
px_status pxs_groups_load(const char *path, pxs_groups **out, px_error *err);
void pxs_groups_free(pxs_groups *g);
/* For each group in order: fn(group, its outlets among outlets (a
 * ", "-joined list, px_story_row.outlets), how many); n == 0 is a
 * blindspot.  The covering array is valid during the call.  g NULL:
 * nothing. */
void pxs_groups_cover(const pxs_groups *g, const char *outlets,
                      void (*fn)(const pxs_group *, const char *const *covering, size_t n, void *),
                      void *ud);

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
    const pxs_groups *groups; /* the outlet groups, or NULL */
    pxs_replies *replies;     /* the kept replies (replies.c) */
    const char *const *kinds; /* [PXS_REPLY_*]: their kinds in the store */
    pxs_reply *reply;  /* set by a handler: sent instead of body (one
                        * reference, the request's) */
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

/* Whether story id (its decimal digits) has articles in the store: 1 with
 * its version in *version, else 0 after answering 404 (or 503: the store
 * cannot be read). */
int pxs_story_version(pxs_request *r, const char *id, int64_t *version, int json);

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
void pxs_api_story_matrix(pxs_request *r, const char *id);
void pxs_api_story_groups(pxs_request *r, const char *id);
void pxs_api_groups(pxs_request *r);
void pxs_api_outlet(pxs_request *r);
void pxs_page_groups(pxs_request *r);

/* Why an article is in its story, as `explain` decides it: "started",
 * "joined" or "copy"; and the whole decision as JSON (api.c). */
const char *pxs_decision(const px_story_member *m);
struct json_t *pxs_why_json(const px_story_member *m);

/* The story list's filter from the request's arguments (q, from, to,
 * outlet, lang, order, cursor, limit); *disputed: 1 for order=disputed
 * (f->order is then PX_STORIES_RECENT); 0, or 400 answered (returns -1). */
int pxs_story_filter(pxs_request *r, px_story_filter *f, int *disputed, int json);

/* list.c: the stories of f as px_store_stories lists them, or (disputed)
 * those the ledger counted, the most conflicts first. */
px_status pxs_stories(pxs_request *r, const px_story_filter *f, int disputed,
                      void (*fn)(const px_story_row *, void *), void *ud, char **next, px_error *err);

/* ---- cache.c ---------------------------------------------------------- */

/* One story's comparison as computed for one version of the story. */
typedef struct pxs_story {
    int64_t id, version, articles;
    size_t compared;      /* articles compared (the first PXS_MAX_COMPARE) */
    long conflicts;       /* conflicts and updates found */
    char *html, *json;    /* the comparison's sections; its JSON */
    char *matrix_html, *matrix_json; /* its facts by outlet (matrix.c) */
    size_t matrix_html_len, matrix_json_len;
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
/* The conflicts of story (id, version) once compared (kept after the
 * comparison is evicted: the ledger), or -2 when not known. */
long pxs_cache_conflicts(pxs_cache *c, int64_t id, int64_t version);
/* The cache's ledger (ledger.c): what its comparisons taught. */
typedef struct pxs_ledger pxs_ledger;
pxs_ledger *pxs_cache_ledger(pxs_cache *c);
/* Reads story (id, version)'s ledger entry back from the store when the
 * ledger does not hold it (a page of it was read from the store). */
void pxs_cache_ledger_read(pxs_cache *c, pxs_request *r, int64_t id, int64_t version);
void pxs_story_release(pxs_cache *c, pxs_story *s);

/* ---- replies.c -------------------------------------------------------- */

/* A reply of type made of body (malloc'd, taken) and len, its ETag made;
 * one reference, the caller's. */
pxs_reply *pxs_reply_new(const char *type, char *body, size_t len);
pxs_reply *pxs_reply_retain(pxs_reply *p);
/* Drops a reference; the last frees it.  NULL: nothing. */
void pxs_reply_release(pxs_reply *p);
const char *pxs_reply_body(const pxs_reply *p, size_t *len);
const char *pxs_reply_type(const pxs_reply *p);
const char *pxs_reply_etag(const pxs_reply *p);
/* Its body gzipped (made on the first call, then kept), or NULL when
 * gzip does not make it smaller; valid while the reference is held. */
const char *pxs_reply_gzipped(pxs_reply *p, size_t *len);

/* body gzipped into a malloc'd buffer, or NULL. */
char *pxs_gzip(const char *body, size_t len, size_t *out_len);
/* The ETag of a body: a quoted hash. */
void pxs_etag(const char *body, size_t len, char out[24]);

/* The memory tier: up to capacity replies of each kind. */
pxs_replies *pxs_replies_new(unsigned capacity);
void pxs_replies_free(pxs_replies *c);
/* The kept reply of kind for story id at version (one reference for the
 * caller), from memory, else the store (then kept in memory too); NULL
 * when neither holds that version (or the store cannot be read). */
pxs_reply *pxs_reply_find(pxs_request *r, int64_t id, int kind, int64_t version);
/* The body r->out holds, made for story id at version, kept as the reply
 * of kind (memory and store); one reference for the caller. */
pxs_reply *pxs_reply_keep(pxs_request *r, int64_t id, int kind, int64_t version);

/* ---- matrix.c ---------------------------------------------------------- */

/* The comparison's facts by outlet: the story page's section into html,
 * the /matrix endpoint's "outlets" and "facts" (one JSON object) into json. */
void pxs_matrix(const px_comparison *c, FILE *html, FILE *json);
/* Article a's outlet, or (none) its comparison label: the column it is in. */
const char *pxs_outlet_of(const px_comparison *c, size_t a);

/* ---- marks.c ----------------------------------------------------------- */

enum { PXS_MARK_QUOTE = 0, PXS_MARK_ENTITY, PXS_MARK_DATE, PXS_MARK_NUMBER };

/* A marked span: bytes [start, end) of paragraph; label: its tooltip
 * ("person, Susan Rice", "quote, Josh Earnest", "number, 60, members"). */
typedef struct pxs_mark {
    int kind;
    size_t paragraph, start, end;
    char *label;
} pxs_mark;
typedef PX_VEC(pxs_mark) pxs_marks;

/* The article's marks (properly nested, in text order) into *out; free
 * with pxs_marks_free. */
void pxs_marks_find(const px_article *a, const px_analysis *an, pxs_marks *out);
void pxs_marks_free(pxs_marks *m);
/* "quote", "entity", "date", "number". */
const char *pxs_mark_kind(int kind);
/* The paragraphs, escaped, with the marks as <mark class=KIND title=LABEL>. */
void pxs_marks_html(FILE *f, const px_article *a, const pxs_marks *m);
/* The marks as a JSON array of {kind, paragraph, start, end, label}. */
struct json_t;
struct json_t *pxs_marks_json(const pxs_marks *m);

/* ---- ledger.c ---------------------------------------------------------- */

#define PXS_LEDGER_MAX 1000000 /* stories recorded */

pxs_ledger *pxs_ledger_new(void);
void pxs_ledger_free(pxs_ledger *l);
/* Records story id's comparison c at version, with its conflicts count
 * (conflicts and updates); replaces an older version's record. */
void pxs_ledger_record(pxs_ledger *l, int64_t id, int64_t version, const px_comparison *c,
                       long conflicts);
/* The kind under which the store keeps a story's ledger entry. */
#define PXS_LEDGER_KIND "ledger@" PX_VERSION
/* Story (id, version)'s entry as JSON (malloc'd, *len bytes), or NULL
 * when the ledger holds none of that version. */
char *pxs_ledger_entry_json(pxs_ledger *l, int64_t id, int64_t version, size_t *len);
/* Records story (id, version) from len bytes of text, an entry as
 * pxs_ledger_entry_json writes it (read back from the store); 0, or -1
 * (nothing recorded) when it is not one. */
int pxs_ledger_load(pxs_ledger *l, int64_t id, int64_t version, const char *text, size_t len);
/* Story (id, version)'s conflicts, or -2 when not recorded. */
long pxs_ledger_conflicts(pxs_ledger *l, int64_t id, int64_t version);

typedef struct pxs_ranked {
    int64_t id, version;
    long conflicts;
} pxs_ranked;
/* Every recorded story, the most conflicts first (then the newest id),
 * into *out (malloc'd; free it); returns how many. */
size_t pxs_ledger_ranked(pxs_ledger *l, pxs_ranked **out);

typedef struct pxs_tally {
    char *name;
    long n;
} pxs_tally;
typedef PX_VEC(pxs_tally) pxs_tally_list;

/* An outlet across the recorded stories: how many it is in, the conflicts
 * it is on a side of (disputed: the stories with one), the outlets on the
 * other side and the sources it credits, each with the number of stories,
 * the most first.  Free with pxs_outlet_ledger_free. */
typedef struct pxs_outlet_ledger {
    long stories, conflicts, disputed;
    pxs_tally_list against, credits;
} pxs_outlet_ledger;
void pxs_ledger_outlet(pxs_ledger *l, const char *outlet, pxs_outlet_ledger *out);
void pxs_outlet_ledger_free(pxs_outlet_ledger *o);

#endif
