/*
 * parallax.h — the public API of libparallax.
 *
 * parallax reads news articles from many outlets and compares how they cover
 * the same story.  Data flows one way:
 *
 *     input bytes --read--> document --extract--> px_article --analyze--> px_analysis
 *
 * Conventions, true of every function below:
 *
 *  - Handles are opaque.  Whatever a function hands out is freed with the
 *    matching *_free() call; strings returned by accessors belong to the
 *    handle and stay valid until it is freed.  NULL may be passed to *_free().
 *  - A function that can fail returns px_status (PX_OK == 0) and, when the
 *    caller passes a px_error, fills it with the same code and a message that
 *    names the input and position ("a.jsonl:12: expected '}'").  On failure
 *    its out-parameters are left NULL and nothing needs freeing.
 *  - Misuse is refused, not a crash: a NULL out-parameter, handle or
 *    required argument makes a function return PX_EUSAGE (writing through
 *    nothing).  An accessor given a NULL handle returns NULL (a count, 0;
 *    a date source, PX_DATE_NONE; a confidence, 0), and an index accessor
 *    given an index >= its count returns NULL.
 *  - Invariants the library relies on are checked with assert().  No
 *    build defines NDEBUG, release builds included: a broken invariant
 *    stops the program at its file and line instead of writing a wrong
 *    store or report; the checks are O(1) and off the hot loops.  Define
 *    NDEBUG (CFLAGS=-DNDEBUG) to drop them.
 *  - Out of memory is fatal: libparallax prints a message and aborts (as
 *    Redis does), so PX_ENOMEM is never returned today; it is reserved.
 *  - All text in and out is UTF-8.  Output strings are valid UTF-8, NFC.
 *  - A px_context holds per-thread state (ICU break iterators, stemmers,
 *    language profiles).  Use one per thread; handles made with one context
 *    may be read from any thread.
 */
#ifndef PARALLAX_H
#define PARALLAX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Only the functions declared here are exported from the shared library. */
#if defined(__GNUC__) && defined(PX_BUILDING)
#pragma GCC visibility push(default)
#endif

#define PX_VERSION "0.1.0"

/* Limits.  Inputs above them are refused with PX_ETOOBIG, never truncated. */
#define PX_MAX_DOCUMENT (64u << 20) /* bytes in one document (file, JSON line) */
#define PX_MAX_DEPTH 256            /* nesting depth of HTML kept by extraction */
#define PX_MAX_ELEMENTS 200000      /* elements (opening tags) of one HTML page */

typedef enum px_status {
    PX_OK = 0,
    PX_ENOMEM,  /* reserved: out of memory aborts today */
    PX_EIO,     /* the input cannot be opened or read (missing, a directory) */
    PX_EINPUT,  /* malformed input: binary data, invalid UTF-8, bad JSON */
    PX_ETOOBIG, /* the input is over a limit (PX_MAX_DOCUMENT) */
    PX_EEMPTY,  /* the input holds no article text */
    PX_EUSAGE,  /* the caller passed an invalid argument */
    PX_EDEP     /* a library or its data failed (ICU, libxml2, textcat data) */
} px_status;

typedef struct px_error {
    px_status code;
    char message[512]; /* "NAME:LINE:COL: what is wrong"; NUL-terminated */
} px_error;

/* A short static description of a status code ("malformed input"). */
const char *px_status_name(px_status code);

/* The library version, PX_VERSION of the build. */
const char *px_version(void);

/* ---- context ----------------------------------------------------------- */

typedef struct px_context px_context;

/*
 * Creates a context.  Fails with PX_EDEP if ICU or the language profiles
 * cannot be loaded.  Free with px_context_free().  The first call also
 * initialises libxml2 for the process: in a threaded program, create the
 * first context before starting the threads.
 */
px_status px_context_new(px_context **out, px_error *err);
void px_context_free(px_context *ctx);

/* ---- articles ---------------------------------------------------------- */

typedef struct px_article px_article;

/* How an article's publication date was found. */
typedef enum px_date_source {
    PX_DATE_NONE = 0, /* no date known */
    PX_DATE_INPUT,    /* given with the input (a JSON Lines "date") */
    PX_DATE_JSONLD,   /* schema.org datePublished */
    PX_DATE_META,     /* a <meta> tag (article:published_time, ...) */
    PX_DATE_TIME,     /* an HTML <time datetime> element */
    PX_DATE_DATELINE, /* the dateline ("WASHINGTON, Nov. 7 (UPI) --") */
    PX_DATE_TEXT,     /* a date written in the page text */
    PX_DATE_URL,      /* a /2014/11/07/ path in the URL */
    PX_DATE_SCRIPT,   /* a publication field of the page's script data */
    PX_DATE_ARCHIVE   /* when a web archive recorded the page (WARC-Date), for a
                       * page that states no date */
} px_date_source;

/* The name of a date source: "none", "input", "json-ld", "meta", "time",
 * "dateline", "text", "url", "script", "archive"; "none" for a value out
 * of range.
 * A static string. */
const char *px_date_source_name(px_date_source source);

/*
 * Accessors.  Each returns a string owned by the article, or NULL when the
 * field is unknown (never an empty string).
 *
 *   id        the id given with the input (JSON Lines "id"), else the file
 *             name, or "NAME:LINE" for a record of a multi-article input
 *   origin    where the article was read from: "FILE" or "FILE:LINE"
 *   format    the input format: "text", "html", "jsonl", "feed", or "warc"
 *             / "arc" for a page read from a web archive
 *   outlet    the publishing outlet ("UPI"), from the input or the page
 *   dateline  the dateline's place and date: "WASHINGTON, Nov. 7"
 *   wire      the wire tag of the dateline: "UPI" for "(UPI) --"
 *   language  ISO 639-1 code ("en"), or "und" when undetermined
 *   date      ISO 8601: "2014-11-07", "2014-11-07T10:00:00Z", or a date
 *             without a year ("--11-07") when only month and day are known
 *   text      the body: paragraphs joined by blank lines ("" when none)
 */
const char *px_article_id(const px_article *a);
const char *px_article_origin(const px_article *a);
const char *px_article_format(const px_article *a);
const char *px_article_url(const px_article *a);
const char *px_article_outlet(const px_article *a);
const char *px_article_title(const px_article *a);
const char *px_article_byline(const px_article *a);
const char *px_article_dateline(const px_article *a);
const char *px_article_wire(const px_article *a);
const char *px_article_language(const px_article *a);
const char *px_article_date(const px_article *a);
const char *px_article_text(const px_article *a);

/* The authors' names, one each ("Jane Roe", "John Doe"), from the page's
 * metadata or its byline; NULL when i >= the count. */
size_t px_article_author_count(const px_article *a);
const char *px_article_author(const px_article *a, size_t i);

/* How the date was found, and how sure that is, in [0, 1]. */
px_date_source px_article_date_source(const px_article *a);
double px_article_date_confidence(const px_article *a);

/* Body paragraphs, in reading order; NULL when i >= the count. */
size_t px_article_paragraph_count(const px_article *a);
const char *px_article_paragraph(const px_article *a, size_t i);

/*
 * Sentences of the body, in reading order.  A sentence never crosses a
 * paragraph.  px_article_sentence() returns the sentence text and, when the
 * pointers are not NULL, its paragraph index and its byte span
 * [start, end) inside that paragraph.  NULL when i >= the count (the
 * pointers are then left as they were).
 */
size_t px_article_sentence_count(const px_article *a);
const char *px_article_sentence(const px_article *a, size_t i,
                                size_t *paragraph, size_t *start, size_t *end);

/* Lines taken out of the body as boilerplate ("Advertisement", photo
 * credits, a repeated title), kept so nothing is silently lost; NULL when
 * i >= the count. */
size_t px_article_removed_count(const px_article *a);
const char *px_article_removed(const px_article *a, size_t i);

/* The bytes the article was made from (the file, or the JSON line). */
const char *px_article_source(const px_article *a, size_t *len);

void px_article_free(px_article *a);

/* ---- reading ----------------------------------------------------------- */

typedef enum px_format {
    PX_FORMAT_AUTO = 0, /* from the file name, then from the content */
    PX_FORMAT_TEXT,     /* plain text: first line the title, blank-line paragraphs */
    PX_FORMAT_HTML,     /* an HTML page */
    PX_FORMAT_JSONL,    /* JSON Lines: one article object per line */
    PX_FORMAT_FEED,     /* an RSS, Atom or JSON Feed: one article per entry with
                         * text (its content, else its summary); the entry's
                         * title, link (the URL), id, date and authors are
                         * given fields, the feed's title is the outlet.
                         * AUTO takes .rss/.atom/.rdf names, and XML whose root
                         * is <rss>, <feed> or <rdf:RDF>, as feeds */
    PX_FORMAT_WARC      /* a web archive: WARC 1.0/1.1 or ARC, gzip or not */
} px_format;

/*
 * Makes one article from bytes in memory.  name is used in messages and as
 * the article's origin (and id).  Fails with PX_EINPUT (binary, invalid
 * UTF-8), PX_ETOOBIG or PX_EEMPTY; PX_EUSAGE for PX_FORMAT_JSONL and
 * PX_FORMAT_FEED (many articles: use a reader);
 * PX_EUSAGE when ctx, name or out is NULL (data may be NULL when len is 0).
 */
px_status px_article_parse(px_context *ctx, const char *data, size_t len,
                           px_format format, const char *name,
                           px_article **out, px_error *err);

typedef struct px_reader px_reader;

/*
 * Opens path for reading articles; "-" reads standard input.  A JSON Lines
 * input is streamed a line at a time, and a web archive (WARC or ARC, gzip
 * or not, recognised by its first bytes or its name) a record at a time,
 * so their size is not limited; any other input is one article and at
 * most PX_MAX_DOCUMENT bytes.  An archive yields one article per HTML page
 * in its response and resource records: its url the record's target URI,
 * its date the page's own or else the archive's (PX_DATE_ARCHIVE), its
 * id and origin "FILE@OFFSET" (the record's byte offset in the file).
 * Fails with PX_EIO (missing, unreadable, a directory) or PX_ETOOBIG;
 * PX_EUSAGE when ctx, path or out is NULL.
 */
px_status px_reader_open(px_context *ctx, const char *path, px_format format,
                         px_reader **out, px_error *err);

/*
 * The same for a stream the caller opened (a pipe, a socket, fmemopen()).
 * name is used in messages and, with PX_FORMAT_AUTO, for the format.  The
 * reader reads f but does not close it; f must outlive the reader.
 */
px_status px_reader_open_stream(px_context *ctx, FILE *f, const char *name,
                                px_format format, px_reader **out, px_error *err);

/*
 * Reads the next article into *out (the caller frees it).  At the end of the
 * input returns PX_OK with *out == NULL; PX_EUSAGE when r or out is NULL.
 * A bad record returns its error; in a JSON Lines input or a web archive
 * the reader stays usable and the next call goes on with the next line or
 * record, so a caller can report and skip.  An archive's bad records
 * (truncated, corrupt, over 16 MiB, garbage between records) are named by
 * their byte offset.  PX_EIO with *out NULL ends the input (a read error).
 */
px_status px_reader_next(px_reader *r, px_article **out, px_error *err);
void px_reader_close(px_reader *r);

/* What a web archive held, counted as the reader went through it. */
typedef struct px_archive_counts {
    size_t records;  /* records read, bad ones included */
    size_t pages;    /* HTML pages handed to extraction (each then an article or an error) */
    size_t skipped;  /* records without a page: warcinfo, request, metadata, a revisit
                      * without payload, a redirect or error status, an empty body */
    size_t not_html; /* response or resource records of another media type (image, PDF, JSON) */
    size_t bad;      /* truncated, corrupt or oversized records and bytes that are no
                      * record, each also returned as an error by px_reader_next() */
} px_archive_counts;

/* Fills *out with the counts of r's input so far (all 0 when it is not a
 * web archive).  Fails only with PX_EUSAGE (r or out NULL). */
px_status px_reader_archive_counts(const px_reader *r, px_archive_counts *out,
                                   px_error *err);

/* ---- fetching ---------------------------------------------------------- */

/*
 * A polite HTTP client for pages, feeds and robots.txt (libcurl's multi
 * interface): URLs are queued with px_fetcher_add() and px_fetcher_run()
 * fetches them all, calling back once per URL.  Per host it keeps at most
 * per_host requests open and starts one at most every host_interval
 * seconds (robots.txt's Crawl-delay lengthens it); robots.txt is fetched
 * once per host and obeyed; 429 and 503 with Retry-After push the host's
 * next request back; transient failures (no connection, a timeout, 429,
 * 5xx) are retried with exponential backoff and random jitter.
 */
typedef struct px_fetcher px_fetcher;

typedef struct px_fetch_options {
    unsigned max_total;     /* requests open at once, all hosts (16) */
    unsigned per_host;      /* requests open at once to one host (2) */
    double host_interval;   /* seconds between two starts on one host (5; 0: none) */
    double connect_timeout; /* seconds (10) */
    double timeout;         /* seconds for a whole transfer (30) */
    size_t max_body;        /* bytes of a body after decompression (10 MiB) */
    unsigned max_redirects; /* (5) */
    unsigned retries;       /* retries after a transient failure (2) */
    double backoff;         /* the first retry's wait in seconds, doubled after (2) */
    int robots;             /* obey robots.txt (1) */
    double max_wait;        /* seconds a request may wait for its host (60): when a
                             * Retry-After or Crawl-delay asks for longer, it fails
                             * at once ("postponed ...", retry_after set) rather
                             * than hold the run up; a retry is not attempted */
    const char *contact;    /* a URL or address put in the user agent, or NULL */
} px_fetch_options;

/* Fills o with the defaults above. */
void px_fetch_options_default(px_fetch_options *o);

/* What one URL gave.  Valid only during the callback; copy what you keep. */
typedef struct px_fetch_result {
    const char *url;           /* as added */
    const char *final_url;     /* after redirects (the url when none) */
    long status;               /* HTTP status of the last response; 0 when none */
    int not_modified;          /* 304 to a conditional request: no body */
    const char *content_type;  /* Content-Type, or NULL */
    const char *content_location; /* Content-Location, or NULL (a feed's base) */
    const char *content_language; /* Content-Language, or NULL */
    const char *etag;          /* the response's validators, or NULL */
    const char *last_modified;
    const char *body;          /* decoded (gzip, deflate, br undone), NUL-terminated */
    size_t len;
    unsigned long long hash;   /* of the body: some servers send the same
                                * validators for a changed page */
    double retry_after;        /* seconds the server asked to wait (429, 503); 0 */
    double max_age;            /* Cache-Control max-age or Expires, seconds; -1 unknown */
    unsigned attempts;         /* requests made for it (retries + 1) */
    px_status code;            /* PX_OK for a 2xx or 304, else PX_EIO ... */
    const char *error;         /* ... and what failed: "HTTP 404", "timed out",
                                * "body over 10485760 bytes", "disallowed by
                                * robots.txt", "too many redirects"; NULL on PX_OK */
    void *user;                /* as given to px_fetcher_add() */
} px_fetch_result;

typedef void (*px_fetch_fn)(const px_fetch_result *r, void *ud);

/* Makes a fetcher (opts NULL: the defaults).  Fails with PX_EDEP when
 * libcurl cannot start, PX_EUSAGE when out is NULL or an option is out of
 * range (max_total or per_host 0, a negative time).  Free with
 * px_fetcher_free(). */
px_status px_fetcher_new(const px_fetch_options *opts, px_fetcher **out, px_error *err);

/*
 * Queues url (http or https).  etag and last_modified, when not NULL, make
 * the request conditional (If-None-Match, If-Modified-Since).  user comes
 * back in the result.  Fails with PX_EUSAGE when f or url is NULL, or
 * PX_EINPUT when url is not an http(s) URL; nothing is fetched before
 * px_fetcher_run().
 */
px_status px_fetcher_add(px_fetcher *f, const char *url, const char *etag,
                         const char *last_modified, void *user, px_error *err);

/*
 * Fetches everything queued, calling done(result, ud) once per URL, in the
 * order they finish (from this thread).  done may queue more URLs; they are
 * fetched in the same run.  Returns when the queue is empty, or early when
 * *stop (if not NULL) becomes nonzero (a signal handler may set it): URLs
 * not yet finished are then dropped without a callback.  Fails with PX_EDEP
 * when libcurl fails, PX_EUSAGE when f or done is NULL.
 */
px_status px_fetcher_run(px_fetcher *f, px_fetch_fn done, void *ud,
                         volatile int *stop, px_error *err);

void px_fetcher_free(px_fetcher *f);

/*
 * Makes one article from a fetched page: HTML unless content_type says
 * text/plain, the charset of content_type obeyed over the page's own
 * declaration, url as the article's id and URL (the outlet is its
 * registrable domain unless the page names its site).  Fails as
 * px_article_parse() does.
 */
px_status px_article_from_response(px_context *ctx, const char *body, size_t len,
                                   const char *content_type, const char *url,
                                   px_article **out, px_error *err);
/* ---- feeds, news sitemaps, OPML ----------------------------------------- */

/*
 * A feed is read into one px_feed: the channel (px_feed_info) and its
 * entries (px_feed_entry).  The same model holds the other lists of links
 * a news reader follows, told apart by px_feed_info.version:
 *
 *   RSS 0.9x, 1.0, 2.0  "rss090" "rss091u" "rss091n" "rss092" "rss093" "rss094" "rss10" "rss20" "rss"
 *   Atom 0.3, 1.0       "atom03" "atom10" "atom"
 *   JSON Feed 1.0, 1.1  "json1" "json11"
 *   sitemap             "sitemap": an entry per <url>: link = <loc>, updated =
 *                       <lastmod>; a Google News sitemap's <news:news> gives
 *                       title, published (publication_date), language and
 *                       outlet (the publication's name)
 *   sitemap index       "sitemapindex": an entry per child sitemap (link, updated)
 *   OPML                "opml": an entry per feed outline: link = xmlUrl,
 *                       title = its title (or text), links[] holds htmlUrl
 *                       as "alternate"
 *
 * Every string is UTF-8, owned by the px_feed, valid until px_feed_free(),
 * and NULL when the document does not give it (never "").  Links are
 * absolute: resolved against xml:base and the document's URL.  Dates are
 * ISO 8601 in UTC ("2003-12-31T10:14:55Z"); a missing or unreadable date
 * is NULL (its text, when there was one, is kept in *_raw), never "now".
 */

/* A text construct: a title, summary or content. */
typedef struct px_feed_text {
    const char *value;    /* the text or markup; NULL when absent */
    const char *type;     /* "text/plain", "text/html" or "application/xhtml+xml" */
    const char *language; /* xml:lang in force, or NULL */
    const char *base;     /* the base URL in force (for its relative links), or NULL */
} px_feed_text;

typedef struct px_feed_link {
    const char *href;  /* absolute */
    const char *rel;   /* "alternate", "enclosure", "self", ... */
    const char *type;  /* media type, or NULL */
    const char *title; /* or NULL */
} px_feed_link;

typedef struct px_feed_person {
    const char *name, *email, *uri; /* any may be NULL */
} px_feed_person;

typedef struct px_feed_entry {
    px_feed_text title, summary, content;
    const char *link;                /* the entry's page: the alternate link */
    const px_feed_link *links;
    size_t link_count;
    const char *id;                  /* atom:id, RSS guid, JSON Feed id */
    int id_is_link;                  /* 1 when an RSS permalink guid gave the link */
    const char *published, *updated; /* ISO 8601 UTC, or NULL */
    const char *published_raw, *updated_raw;
    const px_feed_person *authors;
    size_t author_count;
    const char *author_raw;          /* an RSS <author> as written ("jo@x.org (Jo)") */
    const char *language;            /* xml:lang or dc:language in force, or NULL */
    const char *outlet;              /* a news sitemap's publication name, or NULL */
} px_feed_entry;

typedef struct px_feed_info {
    const char *version;   /* see above; NULL when the document is no feed */
    const char *encoding;  /* what it was read in: "utf-8", "iso-8859-1" (JSON: "utf-8") */
    int bozo;              /* 1: not well-formed, or not in the encoding it claimed;
                            * it was read leniently (the entries are still there) */
    const char *bozo_message; /* the first thing wrong, when bozo */
    px_feed_text title, subtitle;
    const char *link;
    const px_feed_link *links;
    size_t link_count;
    const char *id, *language;
    const char *published, *updated, *published_raw, *updated_raw;
    const px_feed_person *authors;
    size_t author_count;
    const char *author_raw;
    long ttl;                 /* RSS <ttl> in minutes, or -1 */
    const char *update_period; /* sy:updatePeriod ("hourly", "daily", ...), or NULL */
    long update_frequency;    /* sy:updateFrequency, or -1 */
} px_feed_info;

typedef struct px_feed px_feed;
typedef struct px_feed_parser px_feed_parser;

/*
 * A push parser, for bytes as they arrive (a fetcher's body callback).
 * url: the document's address, the base of relative links (may be NULL).
 * http: 1 when the bytes come over HTTP; content_type is then the
 * Content-Type header (NULL when none was sent), whose charset decides the
 * encoding by RFC 3023 (application/...xml: charset, else the XML
 * declaration; text/xml: charset, else US-ASCII); with http 0 the document
 * alone decides (BOM, XML declaration, else UTF-8).  A gzip body
 * (.xml.gz sitemaps) is inflated.  The format (XML or JSON Feed) is told
 * from the first bytes.  Free with px_feed_parser_free().  PX_EUSAGE when
 * out is NULL.
 */
px_status px_feed_parser_new(const char *url, int http, const char *content_type,
                             px_feed_parser **out, px_error *err);

/* An HTTP header the body comes with, before the first push (PX_EUSAGE
 * after it, or on a NULL argument).  Any header marks the body as HTTP.
 * Content-Type sets the type (and charset) as px_feed_parser_new() does;
 * Content-Location, resolved against the URL, becomes the base of relative
 * links when it is an http(s) address; Content-Language is the language
 * where no xml:lang gives one.  Other headers are ignored. */
px_status px_feed_parser_header(px_feed_parser *p, const char *name, const char *value,
                                px_error *err);

/* Pushes the next len bytes.  PX_ETOOBIG past PX_MAX_DOCUMENT bytes
 * (inflated), after which the parser ignores what is pushed; PX_EUSAGE when
 * p is NULL (or data is NULL with len > 0).  Malformed bytes are no error:
 * they are read leniently and make the feed bozo. */
px_status px_feed_parser_push(px_feed_parser *p, const char *data, size_t len,
                              px_error *err);

/* Ends the input and hands out the feed (the caller frees it with
 * px_feed_free()); the parser is then spent: free it.  Fails with
 * PX_EINPUT (naming the input) when the document is no feed, sitemap or
 * OPML (an HTML page, a JSON object without "items", corrupt gzip), with
 * PX_ETOOBIG after an oversized push, PX_EUSAGE after a second finish. */
px_status px_feed_parser_finish(px_feed_parser *p, px_feed **out, px_error *err);
void px_feed_parser_free(px_feed_parser *p);

/* All of the above on bytes in memory (http 0 when content_type is NULL). */
px_status px_feed_parse(const char *data, size_t len, const char *url,
                        const char *content_type, px_feed **out, px_error *err);

/* The channel; never NULL for a feed. */
const px_feed_info *px_feed_get_info(const px_feed *f);
/* Entries in document order; NULL when i >= the count.  Entries repeating
 * an earlier entry's id (a GUID given twice) are kept once, the first. */
size_t px_feed_entry_count(const px_feed *f);
const px_feed_entry *px_feed_get_entry(const px_feed *f, size_t i);
void px_feed_free(px_feed *f);

/*
 * Reads a fetched feed (a result of px_fetcher_run() with code PX_OK and a
 * body) as px_feed_parse() reads bytes, with the response's headers:
 * Content-Type decides the encoding by RFC 3023, Content-Location (resolved
 * against the final URL) is the base of relative links, Content-Language
 * the language where the feed gives none.  The caller frees *out with
 * px_feed_free().  Errors as px_feed_parser_finish(); PX_EUSAGE when r or
 * out is NULL or r has no body (a failure or a 304).
 */
px_status px_feed_from_response(const px_fetch_result *r, px_feed **out, px_error *err);

/* ref resolved against base (RFC 3986) as a new string the caller frees;
 * NULL when ref is NULL; ref itself (trimmed, copied) when base is NULL or
 * either cannot be parsed. */
char *px_feed_resolve_url(const char *base, const char *ref);

/*
 * The Sitemap: lines of a robots.txt (text, len bytes), resolved against
 * url (may be NULL), appended to *urls (count in *count): a malloc'd array
 * of malloc'd strings the caller frees (each, then the array).  Returns the
 * number found.  Never fails; a line that is no URL is skipped.
 */
size_t px_robots_sitemaps(const char *text, size_t len, const char *url, char ***urls,
                          size_t *count);

/* ---- analysis ---------------------------------------------------------- */

typedef struct px_analysis px_analysis;

typedef enum px_token_kind {
    PX_TOKEN_WORD = 0, /* letters (may hold digits, apostrophes, hyphens) */
    PX_TOKEN_NUMBER,   /* "60", "2,000", "3.5" */
    PX_TOKEN_PUNCT,    /* punctuation and symbols */
    PX_TOKEN_OTHER     /* ideographs, kana, emoji: anything else */
} px_token_kind;

/* "word", "number", "punct", "other". */
const char *px_token_kind_name(px_token_kind kind);

typedef struct px_token {
    size_t sentence;    /* index of its sentence in the article */
    size_t start, end;  /* byte span in that sentence's text */
    px_token_kind kind;
    const char *norm;   /* NFC, case-folded form; owned by the analysis */
    const char *stem;   /* Snowball stem of norm (== norm where none applies) */
    int stop;           /* 1 for a stop word of the article's language */
} px_token;

/*
 * Everything the analysis finds is located by sentence: `sentence` is an
 * index into the article's sentences and [start, end) a byte span in that
 * sentence's text (px_article_sentence()).
 */

typedef enum px_entity_type {
    PX_ENTITY_PERSON = 0,
    PX_ENTITY_ORGANIZATION,
    PX_ENTITY_PLACE,
    PX_ENTITY_OTHER /* events, laws, products, groups without a clearer type */
} px_entity_type;

/* "person", "organization", "place", "other". */
const char *px_entity_type_name(px_entity_type type);

typedef enum px_mention_kind {
    PX_MENTION_NAME = 0, /* the name as written in full: "Susan Rice" */
    PX_MENTION_ALIAS,    /* a short or other form: "Rice", "ISIS" */
    PX_MENTION_PRONOUN,  /* "she", "he", "they" resolved to the entity */
    PX_MENTION_ROLE      /* "the president", "the spokesman" resolved to it */
} px_mention_kind;

/* "name", "alias", "pronoun", "role". */
const char *px_mention_kind_name(px_mention_kind kind);

typedef struct px_mention {
    size_t sentence;
    size_t start, end;
    px_mention_kind kind;
} px_mention;

/* One real-world person, organization or place of the article, with every
 * mention resolved to it.  All pointers are owned by the analysis. */
typedef struct px_entity {
    const char *name;            /* canonical: the fullest name used ("Susan Rice") */
    px_entity_type type;
    const char *const *aliases;  /* the other names used ("Rice"; "ISIS", "ISIL") */
    size_t alias_count;
    const char *const *roles;    /* titles and roles ("National Security Advisor") */
    size_t role_count;
    const px_mention *mentions;  /* in text order */
    size_t mention_count;
} px_entity;

/* A direct quotation and who said it. */
typedef struct px_quote {
    const char *text;      /* the words between the marks */
    size_t sentence;       /* the sentence it starts in */
    size_t sentence_last;  /* the sentence it ends in (a quote may span several) */
    size_t start;          /* where the opening mark is, in `sentence` */
    long speaker;          /* index of the speaker's entity, or -1 when none is stated */
    const char *cue;       /* the attribution: "said", "told reporters", "according to"; or NULL */
    int partial;           /* 1: a fragment within the reporter's own sentence */
    int inferred;          /* 1: the speaker is carried from an earlier paragraph
                            * (the quote before, or a paraphrase introducing
                            * this one), not named around this quote */
} px_quote;

/* A source the article credits: "Reuters reported", "(UPI)". */
typedef struct px_attribution {
    const char *source;    /* "Reuters", "the Wall Street Journal" */
    long entity;           /* its entity index, or -1 */
    const char *cue;       /* "reported", "according to", "citing", "wire tag" */
    size_t sentence;       /* (size_t)-1 when it comes from the dateline */
} px_attribution;

/* What a number is.  Only quantities, ages and times of day are facts a
 * comparison weighs; a label's digits name or locate something ("Route 9",
 * "555-1234", "1200 block", "1920 x 1080", a score) and are never compared
 * as a count. */
typedef enum px_number_kind {
    PX_NUMBER_QUANTITY = 0, /* a count or an amount: "two men", "$5 million" */
    PX_NUMBER_AGE,          /* a person's age: "23" in "Smith, 23,", "a 15-year-old" */
    PX_NUMBER_TIME,         /* a time of day: value in minutes after midnight */
    PX_NUMBER_LABEL         /* digits of a name, phone number, address, size or score */
} px_number_kind;

/* "quantity", "age", "time", "label". */
const char *px_number_kind_name(px_number_kind kind);

/* A number the article asserts, with what it counts. */
typedef struct px_number {
    px_number_kind kind;
    const char *text;      /* as written: "more than 60 members", "fourth" */
    double value;          /* 60, 4 */
    const char *unit;      /* what it counts: "members", "percent", "dollars"; or NULL */
    const char *qualifier; /* "more than", "about", "at least"; or NULL */
    int ordinal;           /* 1 for "fourth", "4th" */
    size_t sentence;
    size_t start, end;
} px_number;

/* A date or time expression, resolved where it can be. */
typedef struct px_date_mention {
    const char *text;      /* as written: "Friday", "last month", "since 2009" */
    const char *value;     /* ISO 8601 ("2014-11-07", "2014-10", "2009"), or NULL */
    int relative;          /* 1 when resolved against the publication date */
    size_t sentence;
    size_t start, end;
} px_date_mention;

/*
 * Analyzes an article: tokens per sentence, entities with their mentions,
 * quotes with their speakers, attributions, numbers and dates.  Free with
 * px_analysis_free().  The analysis keeps no pointer to the article.
 * Runs in time linear in the article's length.  Fails with PX_EUSAGE when
 * an argument is NULL.  The item accessors below return NULL when i >=
 * the count.
 */
px_status px_analyze(px_context *ctx, const px_article *a, px_analysis **out,
                     px_error *err);
size_t px_analysis_token_count(const px_analysis *an);
const px_token *px_analysis_token(const px_analysis *an, size_t i);
size_t px_analysis_entity_count(const px_analysis *an);
const px_entity *px_analysis_entity(const px_analysis *an, size_t i);
size_t px_analysis_quote_count(const px_analysis *an);
const px_quote *px_analysis_quote(const px_analysis *an, size_t i);
size_t px_analysis_attribution_count(const px_analysis *an);
const px_attribution *px_analysis_attribution(const px_analysis *an, size_t i);
size_t px_analysis_number_count(const px_analysis *an);
const px_number *px_analysis_number(const px_analysis *an, size_t i);
size_t px_analysis_date_count(const px_analysis *an);
const px_date_mention *px_analysis_date(const px_analysis *an, size_t i);
void px_analysis_free(px_analysis *an);

/* The light analysis: what story grouping reads (tokens, entities up to
 * their names and types, dates, quotations without speakers), about two
 * thirds of px_analyze()'s time; no numbers, attributions or speakers, so
 * not for px_compare() or the JSON output.  What `add` and `cluster` run.
 * Same contract as px_analyze(). */
px_status px_analyze_light(px_context *ctx, const px_article *a, px_analysis **out,
                           px_error *err);

/* ---- similarity -------------------------------------------------------- */

/*
 * How alike two articles are, in [0, 1], with the evidence.  A part that
 * cannot be measured (neither article has quotes, a date is unknown) is -1.
 * px_similarity_of's score is the probability that the two report the
 * same event: a logistic model, fitted on labelled news pairs, of shared
 * words and names weighed by rarity (document frequencies parallax
 * ships), quotes, numbers, people, places and days apart.  A comparison's
 * pair scores (the JSON's similarity) are the weighted mean of the parts
 * measured.
 */
typedef struct px_similarity {
    double score;    /* see above */
    double terms;    /* cosine of the content-word stem vectors */
    double entities; /* cosine of the entity vectors, crediting shared surnames */
    double quotes;   /* share of the shorter side's quoted word 3-grams in the other, or -1 */
    double dates;    /* closeness of the publication days (1: same day), or -1 */
} px_similarity;

/* Compares two analysed articles (with a context of its own for their
 * titles' words).  Fails with PX_EUSAGE (NULL) or when no context can be
 * made (px_context_new's errors). */
px_status px_similarity_of(const px_article *a, const px_analysis *an,
                           const px_article *b, const px_analysis *bn,
                           px_similarity *out, px_error *err);

/* What two articles share that weighed most in their similarity (a key of
 * the terms or the specifics cosine, px_similarity), as article a writes
 * it. */
typedef enum px_shared_kind {
    PX_SHARED_WORD = 0, /* a content word */
    PX_SHARED_NAME,     /* a proper name */
    PX_SHARED_PLACE,    /* a name that is a place in either article */
    PX_SHARED_NUMBER    /* a number of two digits or more */
} px_shared_kind;

typedef struct px_shared {
    px_shared_kind kind;
    const char *text; /* "earthquake", "Susan Rice", "2,000"; owned by the report */
    double weight;    /* its share of the cosine it is part of, in (0, 1] */
} px_shared;

typedef struct px_similarity_report px_similarity_report;

/*
 * px_similarity_of with the evidence (`parallax similarity`), the titles'
 * words read with ctx: the scores, the days apart (-1 when a side is
 * undated) and what the two share, heaviest first within the words and
 * within the names, places and numbers (the words first), at most max of
 * each of the two (0: no evidence).  The articles and analyses are only
 * read during the call.  Free *out with px_similarity_report_free().
 * Fails with PX_EUSAGE when an argument is NULL.
 */
px_status px_similarity_explain(px_context *ctx, const px_article *a, const px_analysis *an,
                                const px_article *b, const px_analysis *bn, size_t max,
                                px_similarity_report **out, px_error *err);
const px_similarity *px_similarity_report_scores(const px_similarity_report *r);
int px_similarity_report_days_apart(const px_similarity_report *r);
/* Two more parts of the score: the cosine of the leads (title and first
 * two sentences) and the share of the shorter side's 3-word phrases of
 * content words found in the other; -1 when not measured (NULL r, no
 * phrases on a side). */
double px_similarity_report_lead(const px_similarity_report *r);
double px_similarity_report_phrases(const px_similarity_report *r);
/* The shared keys; NULL when i >= the count. */
size_t px_similarity_report_shared_count(const px_similarity_report *r);
const px_shared *px_similarity_report_shared(const px_similarity_report *r, size_t i);
void px_similarity_report_free(px_similarity_report *r);

/*
 * Groups n articles into stories in batch (`parallax cluster`): the
 * grouping of `add` over the articles sorted by date, document
 * frequencies counted over all of them first, then passes that merge
 * stories that drifted apart and move each article to the story it fits
 * best.  story[i] gets article i's story (numbered from 1 in the order
 * stories start); copy_of[i] (copy_of may be NULL) the index of the
 * article i is a near-copy of, or -1.  articles[i] and analyses[i] (the
 * light analysis is enough) are borrowed.  *stories (may be NULL) gets
 * the number of stories.  Fails only with PX_EUSAGE (a NULL array with
 * n > 0).
 */
px_status px_cluster(px_context *ctx, px_article *const *articles,
                     px_analysis *const *analyses, size_t n, int64_t *story,
                     int64_t *copy_of, size_t *stories, px_error *err);

/* ---- comparison -------------------------------------------------------- */

typedef struct px_comparison px_comparison;

/*
 * Compares the articles of one story: facts aligned across articles
 * (consensus, shared, unique), what each adds and leaves out, conflicts,
 * quotes across outlets, citations, syndication, and a summary.
 * articles[i] and analyses[i] are borrowed: they must stay alive, unchanged,
 * until px_comparison_free().  One article is a comparison too (its facts
 * its own, nothing to conflict with).  Fails with PX_EUSAGE when n is 0 or
 * an argument is NULL.
 */
px_status px_compare(px_context *ctx, px_article *const *articles,
                     px_analysis *const *analyses, size_t n, px_comparison **out,
                     px_error *err);
void px_comparison_free(px_comparison *c);

/* Writes c's summary again, of about `words` words (30 to 100) instead of
 * the length px_compare() chooses from the story's size (about 30% of its
 * sentences' words, 30 to 100): lines are added, best first, until there
 * are `words` words, at most 5 lines.  The citation rules are the same.
 * Fails with PX_EUSAGE (nothing changed) when c is NULL or words is out of
 * range. */
px_status px_comparison_summarize(px_comparison *c, unsigned words, px_error *err);

/* The comparison as a readable terminal report (control characters
 * escaped as px_render_text() does), as one JSON object (the keys of
 * docs/json.md; exact text) or as a standalone HTML page.  Fail with
 * PX_EIO, or PX_EUSAGE when c or f is NULL. */
px_status px_render_comparison_text(const px_comparison *c, FILE *f, px_error *err);
px_status px_render_comparison_json(const px_comparison *c, FILE *f, px_error *err);
px_status px_render_comparison_html(const px_comparison *c, FILE *f, px_error *err);

/* ---- the store: reading ------------------------------------------------
 *
 * The store is one SQLite file that `parallax add` writes (articles, their
 * stories, a full-text index); docs/store.md documents it.  These calls
 * read it, and may run while another process writes it (WAL): each call
 * sees the store as it was when the call began.
 *
 * One px_store per thread.  Rows handed to a callback, and every string in
 * them, are valid only during that call: copy what you keep.  A callback
 * is never called after the function returned.  Errors: PX_EIO when SQLite
 * fails (the message names the store), PX_EINPUT for a file that is not a
 * parallax store or a damaged one (the message says how to recover),
 * PX_EUSAGE for a bad argument (a date that is not YYYY-MM-DD, a cursor
 * this store did not hand out, a limit out of range, a malformed advanced
 * query) with a message naming it.
 */
typedef struct px_store px_store;

#define PX_STORE_DEFAULT "parallax.db"
#define PX_STORE_MAX_LIMIT 1000 /* rows of one page */
#define PX_STORE_MAX_QUERY 1024 /* bytes of a search query */
#define PX_STORE_SEARCH_RANKED 5000 /* matches a search ranks: the newest */

/* Opens (creating when missing) the store at path.  readonly: open it for
 * reading only and fail with PX_EIO when it does not exist.  Refuses with
 * PX_EINPUT, writing nothing, an empty file, a file that is not SQLite or
 * not a parallax store, and a damaged store.  Close with px_store_close. */
px_status px_store_open(const char *path, int readonly, px_store **out, px_error *err);
/* SQLite's integrity_check over the whole store: PX_OK, or PX_EINPUT
 * naming the first problems.  Reads the whole file. */
px_status px_store_check(px_store *s, px_error *err);
void px_store_close(px_store *s);

/* A story as listed.  title: the title of its first article (NULL when
 * none); outlets: its distinct outlet names, sorted, joined by ", ";
 * first and last: the earliest and latest article date (NULL: undated);
 * version: a counter bumped whenever the story's articles change (an
 * article joins or leaves it) or a decision by hand changes it, so
 * (id, version) names one state of it. */
typedef struct px_story_row {
    int64_t id;
    const char *title;
    const char *outlets;
    int64_t articles, outlet_count;
    const char *first, *last;
    int64_t version;
} px_story_row;

typedef enum px_story_order {
    PX_STORIES_RECENT = 0, /* latest article first */
    PX_STORIES_LARGEST     /* most articles first */
} px_story_order;

/* Which stories, in which order; zero-initialised: every story, most
 * recent first, 50 a page.  from/to: stories with an article dated in
 * [from, to] (YYYY-MM-DD; each NULL: open); outlet: with an article of
 * this outlet (its exact name); language: with an article in this
 * language (its code, "en"); query: with an article matching this search
 * (px_store_search's plain syntax); story: only this story (0: any);
 * cursor: the next_cursor of the page before (NULL: the first page);
 * limit: 1..PX_STORE_MAX_LIMIT rows (0: 50). */
typedef struct px_story_filter {
    const char *from, *to, *outlet, *language, *query;
    int64_t story;
    px_story_order order;
    const char *cursor;
    int limit;
} px_story_filter;

/* Calls fn for each story of filter f (NULL: the defaults) in its order.
 * When more rows follow, *next_cursor (if next_cursor is not NULL) gets a
 * malloc'd opaque cursor for the next page, which the caller frees; else
 * NULL.  Cursors stay valid while the store grows (keyset pagination). */
px_status px_store_stories(px_store *s, const px_story_filter *f,
                           void (*fn)(const px_story_row *, void *), void *ud,
                           char **next_cursor, px_error *err);

/* The version of story (bumped whenever its articles or title change: what
 * a comparison of it was made from) into *version: one indexed row, for a
 * reader that keeps what it made of a story.  PX_EUSAGE when the store
 * has no such story (or it has no article left). */
px_status px_store_story_version(px_store *s, int64_t story, int64_t *version, px_error *err);

/* An article as listed: row (the store's number for it), story (0 when
 * none), id (as given with the input, else the row number), and its
 * fields, each NULL when unknown. */
typedef struct px_article_row {
    int64_t row, story;
    const char *id, *url, *outlet, *title, *date, *language;
} px_article_row;

/* story: the articles of that story, oldest first; else outlet: that
 * outlet's articles, newest first; else every article, newest first.
 * cursor and limit as in px_story_filter. */
typedef struct px_article_filter {
    int64_t story;
    const char *outlet;
    const char *cursor;
    int limit;
} px_article_filter;

/* Calls fn for each article of filter f (not NULL); *next_cursor as in
 * px_store_stories.  A story or outlet without articles lists nothing
 * (PX_OK). */
px_status px_store_articles(px_store *s, const px_article_filter *f,
                            void (*fn)(const px_article_row *, void *), void *ud,
                            char **next_cursor, px_error *err);

/* Re-reads the article whose id (as given with the input), URL or row
 * number is key ("#N": row N only, never an input id), into *out (free with px_article_free), and its story
 * into *story (may be NULL).  PX_EUSAGE when there is none. */
px_status px_store_article_get(px_store *s, px_context *ctx, const char *key,
                               px_article **out, int64_t *story, px_error *err);

/* Re-reads every article of story, oldest first, into *out (*n of them;
 * free each with px_article_free and the array with free()).  PX_EUSAGE
 * when the story does not exist. */
px_status px_store_story_articles(px_store *s, px_context *ctx, int64_t story,
                                  px_article ***out, size_t *n, px_error *err);

/* Writes to out, as readable text, why the article of key (as
 * px_store_article_get takes) is in its story (`parallax explain`): a
 * decision by hand that moved it, grouping's decision when it was added
 * (started the story, and the closest other; joined it, its score against
 * the threshold and the score's parts; a copy of another article), then
 * the words, names, numbers and days it shares with the rest of the
 * story.  The text quotes the articles' own titles and names unescaped:
 * on a terminal, pass a px_term_stream().  Fails with PX_EUSAGE when
 * there is no such article, PX_EIO when writing fails, and the store's
 * errors. */
px_status px_store_explain(px_store *s, px_context *ctx, const char *key, FILE *out,
                           px_error *err);

/* An outlet: its name, how many articles and stories, its first and last
 * article date (NULL: none dated). */
typedef struct px_outlet_row {
    const char *name;
    int64_t articles, stories;
    const char *first, *last;
} px_outlet_row;

/* Calls fn for every outlet, the most prolific first (then by name). */
px_status px_store_outlets(px_store *s, void (*fn)(const px_outlet_row *, void *), void *ud,
                           px_error *err);

/* Why an article is in its story: the decision `parallax add` recorded
 * when the article came (what `parallax explain` prints, without the
 * recomputed evidence).  created: 1 when it started the story (best_story:
 * the closest other story then, or -1); copy_of: the article row it is a
 * near-identical copy of, or -1; score against threshold (score -1: not
 * measured, as for the first article of a store), its parts terms,
 * specifics and quotes (each -1 when not measured), gap: days apart (-1:
 * unknown); places_only: 1 when every name shared was a place (the score
 * was lowered for it). */
typedef struct px_story_member {
    int64_t article, story;
    int created;
    int64_t copy_of, best_story;
    double score, terms, specifics, quotes, threshold;
    int gap, places_only;
} px_story_member;

/* Calls fn for the members of story whose article row is over after (0:
 * from the first), in row order (oldest first), at most limit
 * (1..PX_STORE_MAX_LIMIT) of them.  A story without members lists nothing
 * (PX_OK); PX_EUSAGE for a story id under 1 or a limit out of range. */
px_status px_store_story_members(px_store *s, int64_t story, int64_t after, int limit,
                                 void (*fn)(const px_story_member *, void *), void *ud,
                                 px_error *err);

/* An outlet across the store: its articles and stories (as in
 * px_outlet_row); first: its stories whose earliest dated article is one
 * of its own (an outlet tied for earliest counts too); started: its
 * stories that one of its articles started (the first to arrive). */
typedef struct px_outlet_stats {
    int64_t articles, stories, first, started;
} px_outlet_stats;

/* The statistics of the outlet named name (its exact name) into *out; all
 * zero for an unknown outlet (PX_OK). */
px_status px_store_outlet_stats(px_store *s, const char *name, px_outlet_stats *out, px_error *err);

/* A search result: the article (row, id, title, outlet, date), its story
 * (0: none) and a snippet of the matching text, the matches between
 * "[" and "]" (PX_SEARCH_MARKS: between "\x02" and "\x03"). */
typedef struct px_search_hit {
    int64_t article, story;
    const char *id, *title, *outlet, *date, *snippet;
} px_search_hit;

enum {
    /* query is SQLite FTS5 syntax (AND, OR, NOT, NEAR, "phrases", prefix*,
     * column filters): a malformed one fails with PX_EUSAGE */
    PX_SEARCH_ADVANCED = 1,
    /* hits grouped by story: the story of the best hit first, each story's
     * hits together, best first */
    PX_SEARCH_BY_STORY = 2,
    PX_SEARCH_MARKS = 4 /* snippets marked with \x02 and \x03 */
};

/* Full-text search over titles and texts, best (BM25) first, at most limit
 * (1..PX_STORE_MAX_LIMIT) hits.  Without PX_SEARCH_ADVANCED, query is what
 * a person types and never fails: its words must all occur (stemmed:
 * "earthquakes" finds "earthquake"), "a phrase" in double quotes, word*
 * a prefix; punctuation inside a word joins it as a phrase (Ocasio-Cortez,
 * U.S.-Mexico, Trump's); an unbalanced quote is ignored, AND/OR/NOT are
 * words.  A query of no word finds nothing.  When more articles match
 * than PX_STORE_SEARCH_RANKED, the most recently stored that many are
 * ranked (a search's cost is bounded; a common word matches half a
 * store).  *found (may be NULL) gets the number of hits.  PX_EUSAGE for a query over PX_STORE_MAX_QUERY bytes. */
px_status px_store_search(px_store *s, const char *query, int flags, int limit,
                          void (*fn)(const px_search_hit *, void *), void *ud,
                          size_t *found, px_error *err);

/* ---- the store: one writer, story maintenance, the comparison cache ----
 *
 * One writer at a time: a writer (`add`, `watch`, `story`) takes the lock
 * of the store at path before opening it and keeps it until after closing
 * it; readers take none.  The lock is an flock(2) on PATH.lock, released
 * by the kernel when the process ends, kill -9 included.  wait: 0 fails at
 * once when another process holds it, with PX_EIO and a message naming the
 * holder (pid, host, start time); 1 blocks until it is free, calling
 * waiting (when not NULL) once first with the holder's description.
 * Other failures: PX_EIO (the lock file cannot be made), PX_EUSAGE (a
 * path over 4 KiB).  Release *out with px_store_lock_release (NULL: no-op).
 */
typedef struct px_store_lock px_store_lock;
px_status px_store_lock_take(const char *path, int wait,
                             void (*waiting)(const char *holder, void *ud), void *ud,
                             px_store_lock **out, px_error *err);
void px_store_lock_release(px_store_lock *l);

/*
 * Decisions by hand about stories (`parallax story`).  Each is one
 * transaction, recorded with its time in the store's decisions table, and
 * bumps the version of every story it changes; the caller holds the
 * writer lock.  Later grouping (`add`, `watch`) respects them: it never
 * moves a stored article, it compares new articles with the stories as
 * the decisions left them (a copy of a moved article follows it), and a
 * title set by rename is kept.  A story left without articles (merged
 * away, or its last article moved) keeps its id, which is never given
 * again; reading it says where its articles went.
 * Errors: PX_EUSAGE with a message for an unknown story or article, a
 * story given twice, an article moved to the story it is in, an article
 * given twice or not in the story split, a split that would empty the
 * story, a bad title; the errors of the store (PX_EIO, PX_EINPUT).  On an
 * error nothing is changed.
 */
/* Moves every article of story from into story into, which keeps its id
 * and title; from is left empty. */
px_status px_store_story_merge(px_store *s, int64_t into, int64_t from, px_error *err);
/* Moves the articles (each its id as given with the input, URL or row
 * number, as px_store_article_get takes; n of them, fewer than the
 * story's) out of story into a new story, whose id goes into *created
 * (may be NULL). */
px_status px_store_story_split(px_store *s, px_context *ctx, int64_t story,
                               const char *const *articles, size_t n, int64_t *created,
                               px_error *err);
/* Moves the article into story to; *from (may be NULL) gets the story it
 * left. */
px_status px_store_story_move(px_store *s, px_context *ctx, const char *article, int64_t to,
                              int64_t *from, px_error *err);
/* Sets the story's title (UTF-8, 1 to 1000 bytes, no control character),
 * which grouping then keeps. */
px_status px_store_story_rename(px_store *s, int64_t story, const char *title, px_error *err);

/*
 * The comparison cache: rendered comparisons of a story kept in the store
 * per kind (a short name the caller chooses: "json", "text", "html") and
 * per version of the story (px_story_row.version), so a story is compared
 * once per version, by any process.  get: *version (may be NULL) gets the
 * story's current version and *body (malloc'd, NUL-terminated, *len bytes
 * before the NUL; the caller frees it) the cached comparison of that
 * version, or NULL when there is none (a miss).  put: stores body as the
 * comparison of that version, unless the story changed since (then
 * nothing is stored); a put never waits for a writer: when one holds the
 * store, or the file is read-only, nothing is stored and it returns PX_OK.
 * Errors: PX_EUSAGE (no such story, a kind empty or over 32 bytes, NULL
 * arguments), the store's PX_EIO and PX_EINPUT.
 */
px_status px_store_comparison_get(px_store *s, int64_t story, const char *kind, int64_t *version,
                                  char **body, size_t *len, px_error *err);
px_status px_store_comparison_put(px_store *s, int64_t story, int64_t version, const char *kind,
                                  const void *body, size_t len, px_error *err);

/* The store's articles and its stories with articles (either pointer may
 * be NULL).  Fails with the store's PX_EIO or PX_EINPUT. */
px_status px_store_counts(px_store *s, int64_t *articles, int64_t *stories, px_error *err);

/*
 * Adding a stream of articles to the store, grouped as they come (`add`,
 * `watch`).  Each article is checked against the store (the same URL or
 * the same body: already there, skipped), grouped (it joins the story it
 * fits best or starts one) and written with its membership.  Every batch
 * articles (0: PX_INGEST_BATCH) the transaction commits, so a kill at any
 * point loses at most one uncommitted batch, which a rerun adds again.
 * The caller holds the writer lock.  The px_ingest borrows the store,
 * which must outlive it.  Errors: the store's (PX_EIO, PX_EINPUT: a full
 * disk, a damaged store), after which the open batch is rolled back and
 * every later call fails with PX_EUSAGE; px_ingest_close() then only
 * frees.
 */
typedef struct px_ingest px_ingest;

#define PX_INGEST_BATCH 5000 /* articles per transaction by default */

typedef struct px_ingest_stats {
    size_t added;      /* articles stored */
    size_t duplicates; /* already stored: skipped */
    size_t stories;    /* stories started */
    size_t copies;     /* articles stored as copies of another */
    size_t restored;   /* stories taken up from the store at the start */
} px_ingest_stats;

/* Starts adding to s with the default grouping, taking up the stories
 * still within the time window of the store's latest day. */
px_status px_store_ingest(px_store *s, size_t batch, px_ingest **out, px_error *err);
/* 1 (and counted as a duplicate) when an article with a's URL is stored:
 * a caller can skip analysing it.  0 otherwise, or when a has no URL. */
int px_ingest_known(px_ingest *g, const px_article *a);
/* Adds one analysed article (borrowed; the light analysis is enough).
 * *added is 0 when it was already there. */
px_status px_ingest_add(px_ingest *g, px_context *ctx, const px_article *a,
                        const px_analysis *an, int *added, px_error *err);
/* Commits what is pending. */
px_status px_ingest_flush(px_ingest *g, px_error *err);
/* The counts so far, the open batch's included (for a progress line);
 * owned by g. */
const px_ingest_stats *px_ingest_stats_of(const px_ingest *g);
/* The counts as of the last commit: what is stored, which a summary
 * reports after a failure too.  Owned by g. */
const px_ingest_stats *px_ingest_committed(const px_ingest *g);
/* Saves the grouping's document frequencies and commits what is pending;
 * after it only px_ingest_close(). */
px_status px_ingest_finish(px_ingest *g, px_error *err);
/* Finishes (unless finished or failed before) and frees; NULL: PX_OK. */
px_status px_ingest_close(px_ingest *g, px_error *err);

/* A feed `watch` follows, as `feeds` lists it. */
typedef struct px_feed_row {
    int64_t id;              /* 0 for a feed not yet stored */
    const char *url;         /* as given (an OPML xmlUrl, a line of the list) */
    const char *title;       /* or NULL */
    const char *etag, *last_modified; /* the last 200's validators, or NULL */
    int64_t body_hash;       /* a hash of the last body, or 0 */
    int64_t last_fetch;      /* Unix seconds, or 0: never */
    long last_status;        /* HTTP status of the last fetch, 0 when none came */
    const char *last_error;  /* NULL when the last fetch went well */
    double items_per_day;    /* from the dates of its entries; -1 unknown */
    int64_t next_poll;       /* Unix seconds */
    int64_t items;           /* items seen in all */
} px_feed_row;

/* Calls fn for every feed the store follows, by URL (strings valid during
 * the call only).  A store `watch` never wrote follows none: PX_OK, no
 * call.  Fails with the store's PX_EIO or PX_EINPUT. */
px_status px_store_feeds(px_store *s, void (*fn)(const px_feed_row *, void *), void *ud,
                         px_error *err);

/*
 * Following feeds into the store (`parallax watch`).  Each poll fetches
 * the feeds that are due, conditionally (validators, and the body's hash),
 * fetches the pages of their new entries and adds their articles into
 * stories through a px_ingest, as `add` does.  An entry is new unless its
 * feed has seen its id, any feed has seen its URL without tracking
 * parameters, its feed has seen its title in the last 7 days, or an
 * article with its URL is stored.  A feed's state (validators, next poll,
 * health: px_store_feeds) and its items are committed with the articles
 * they brought, so a kill at any point loses at most the feeds under way,
 * which the next poll fetches again: nothing lost, nothing doubled.  Each
 * feed's next poll is one expected new item away (from its entries'
 * dates), 15 minutes to a day, never sooner than its ttl, update period,
 * max-age or Retry-After; a failing feed waits twice as long each time.
 * The caller holds the writer lock; the px_watch borrows the store, which
 * must outlive it.
 */
typedef struct px_watch px_watch;

/* Counts since px_watch_new(). */
typedef struct px_watch_counts {
    size_t polled; /* feed answers (a failure, a 304 and a feed read alike) */
    size_t fresh;  /* new entries whose pages were fetched */
    size_t pages;  /* of those, pages done (stored, failed or not an article) */
    size_t added;  /* articles added (the open transaction's included) */
    size_t errors; /* feeds and pages that failed, each reported */
} px_watch_counts;

/* Zero-initialised: the defaults. */
typedef struct px_watch_options {
    const px_fetch_options *fetch; /* politeness (NULL: px_fetch_options_default) */
    /* Called with each feed or page that failed and what went wrong, a
     * message naming its URL ("URL: HTTP 404"): the watch goes on. */
    void (*report)(const char *message, void *ud);
    /* Called after each feed or page is done, with the counts so far. */
    void (*progress)(const px_watch_counts *counts, void *ud);
    void *ud; /* given to both */
} px_watch_options;

/* Starts following the n feeds (http(s) URLs, duplicates taken once) into
 * s: makes the store's feed tables when missing, takes up each feed's
 * state and saves a row for each new one.  Free with px_watch_free().
 * Fails with PX_EUSAGE (a NULL argument), the store's errors,
 * px_context_new's and px_fetcher_new's. */
px_status px_watch_new(px_store *s, const char *const *feeds, size_t n, const px_watch_options *o,
                       px_watch **out, px_error *err);
/* Polls the feeds due now (every feed with all), and returns when their
 * pages are done, or early when *stop (may be NULL) becomes nonzero (a
 * signal handler may set it; what is unfinished is dropped, to be fetched
 * again).  *next (may be NULL) gets the seconds until the next feed is
 * due (1 to a day).  A feed or page that fails is reported and counted and
 * is no error here.  Fails when the store cannot be written (PX_EIO,
 * PX_EINPUT) or libcurl fails (PX_EDEP); after that every call but
 * px_watch_free() fails with PX_EUSAGE. */
px_status px_watch_poll(px_watch *w, int all, volatile int *stop, double *next, px_error *err);
/* The counts so far; owned by w. */
const px_watch_counts *px_watch_counts_of(const px_watch *w);
/* What is stored: the adding's counts as of its last commit (articles
 * added, stories started); owned by w. */
const px_ingest_stats *px_watch_committed(const px_watch *w);
/* Ends the adding (px_ingest_finish); then only px_watch_free(). */
px_status px_watch_finish(px_watch *w, px_error *err);
/* Frees, committing what is pending first (px_ingest_close) unless the
 * adding was finished or failed; NULL: no-op. */
void px_watch_free(px_watch *w);

/* 1 when iso is a calendar date YYYY-MM-DD (what the filters take). */
int px_date_valid(const char *iso);

/* Writes s as one field for a terminal (the escaping of px_render_text:
 * controls, C1 and bidi overrides made visible as \xHH or \uHHHH, newline
 * and tab too); NULL writes nothing.  Returns 0, or EOF on a write error. */
int px_term_fputs(const char *s, FILE *f);

/* A stream that writes what is written to it into f, escaped as
 * px_render_text() escapes text (tab and newline kept), a UTF-8 sequence
 * split across writes kept whole: for text that quotes the store's
 * titles, names and ids.  fclose() it to flush into f; f stays open.
 * NULL when the stream cannot be made. */
FILE *px_term_stream(FILE *f);

/* ---- the web server (lib/serve) -----------------------------------------
 *
 * `parallax serve`: the store's stories, story comparisons, articles,
 * outlets and search as HTML pages and a JSON API under /api/v1
 * (docs/api.md), on libmicrohttpd: a pool of threads on epoll, each with
 * its own read-only connection to the store and its own px_context, so
 * pages are served while `parallax add` writes the store.  Comparisons are
 * cached per version of a story.
 */
typedef struct px_server px_server;

/* Zero-initialised: the defaults in brackets. */
typedef struct px_server_options {
    const char *db;           /* the store (required) */
    const char *host;         /* an IPv4 address to bind ["127.0.0.1"] */
    unsigned port;            /* [8080]; PX_SERVER_ANY_PORT: one the kernel picks */
    unsigned threads;         /* worker threads [4] */
    unsigned max_connections; /* at once, in all [512] */
    unsigned per_ip;          /* at once from one address [64] */
    unsigned timeout;         /* seconds a connection may sit idle [15] */
    unsigned cache;           /* story comparisons kept [256] */
    int quiet;                /* 1: no access log on stderr */
    int bench;                /* 1: also /bench/fixed?bytes=N, N bytes made
                               * in memory (bench/serve's ceiling) */
    const char *groups;       /* a file of outlet groups (docs/api.md) [none] */
} px_server_options;

#define PX_SERVER_ANY_PORT 65536u

/* Opens the store once per thread, binds and starts serving in threads of
 * its own; returns at once.  Fails with PX_EUSAGE for a bad option (a host
 * that is not an IPv4 address, a port over 65535), the errors of
 * px_store_open, PX_EINPUT for a malformed groups file ("FILE:LINE: what")
 * and PX_EIO for one that cannot be read, and PX_EIO when the address
 * cannot be bound (the message says which and why).  Stop and free with px_server_stop. */
px_status px_server_start(const px_server_options *o, px_server **out, px_error *err);
/* The port it listens on (the one picked, with PX_SERVER_ANY_PORT). */
unsigned px_server_port(const px_server *s);
/* Stops accepting, finishes the requests under way, frees everything. */
void px_server_stop(px_server *s);

/* ---- rendering --------------------------------------------------------- */

/*
 * Writes the article as one line of JSON (no trailing newline) to f, with
 * the keys id, url, outlet, title, byline, author, date, date_source,
 * date_confidence, dateline, wire, language, paragraphs, text, removed,
 * origin, format; and, when an is not NULL, sentences (each with its text,
 * paragraph and tokens), entities, quotes, attributions, numbers and dates.
 * docs/json.md documents the schema.
 * Fails with PX_EIO when writing fails, PX_EUSAGE when a or f is NULL.
 */
px_status px_render_json(const px_article *a, const px_analysis *an, FILE *f,
                         px_error *err);

/* Writes the article as readable text: a header of the known fields, then
 * the paragraphs; with an, numbered sentences.  Control characters, C1
 * and bidi overrides of the article are written escaped ("\x1B",
 * "\u202E"), so the text cannot act on a terminal.  Fails with PX_EIO,
 * or PX_EUSAGE when a or f is NULL. */
px_status px_render_text(const px_article *a, const px_analysis *an, FILE *f,
                         px_error *err);

#if defined(__GNUC__) && defined(PX_BUILDING)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif
#endif
