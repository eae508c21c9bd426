/*
 * feed.h — what the feed readers share: the px_feed being built, and the
 * SAX state of the XML formats (RSS, Atom, sitemaps, OPML).
 *
 *   feed.c         the model, its accessors, the push parser (format sniffing,
 *                  gzip), GUID de-duplication
 *   feed_xml.c     SAX events -> RSS 0.9x/1.0/2.0 and Atom 0.3/1.0
 *   feed_text.c    capturing text constructs (escaped, plain, XHTML markup)
 *   feed_sitemap.c sitemaps, sitemap indexes, Google News sitemaps
 *   feed_opml.c    OPML feed lists
 *   feed_json.c    JSON Feed 1.0 and 1.1
 *   feed_date.c    RFC 822/1123, ISO 8601 and their broken forms
 *   robots.c       Sitemap: lines of robots.txt
 */
#ifndef PX_FEED_H
#define PX_FEED_H

#include "base/base.h"
#include "read/xmlpush.h"

enum { PX_FEED_MAX_LINKS = 64, PX_FEED_MAX_ENTRIES = 100000 };

struct px_feed {
    px_arena arena;
    px_feed_info info;
    PX_VEC(px_feed_entry) entries;
};

/* An arena copy of s[0..n) with surrounding white space trimmed; NULL when
 * s is NULL or nothing is left. */
const char *px_feed_str(px_feed *f, const char *s, size_t n);
const char *px_feed_strz(px_feed *f, const char *s);
/* Appends to an arena array (at most PX_FEED_MAX_LINKS items). */
void px_feed_add_link(px_feed *f, const px_feed_link **links, size_t *count, px_feed_link l);
void px_feed_add_person(px_feed *f, const px_feed_person **people, size_t *count,
                        px_feed_person p);
/* A new entry at the end (NULL past PX_FEED_MAX_ENTRIES); valid until the
 * next call. */
px_feed_entry *px_feed_new_entry(px_feed *f);
/* Sets *iso (and *raw) from a date's text: *iso NULL when unreadable. */
void px_feed_set_date(px_feed *f, const char **iso, const char **raw, const char *text);

/* feed_date.c: writes "YYYY-MM-DDTHH:MM:SSZ" (UTC) for a date in RFC
 * 822/1123, ISO 8601/W3C-DTF or a common broken form; 0 when it is none. */
int px_feed_parse_date(const char *s, char out[32]);

/* ---- the XML formats' SAX state ---------------------------------------- */

typedef enum { CAP_NONE, CAP_PLAIN, CAP_HTML, CAP_XHTML, CAP_BASE64 } px_capture_mode;

typedef struct px_feed_sax {
    px_feed *f;
    px_xml *xml;
    int depth;            /* of the element now open (root: 1) */
    int kind;             /* the document: FEED_RSS, FEED_ATOM, ... (feed_xml.c) */
    px_feed_entry *entry; /* the entry (item, url, outline) open, or NULL */
    int entry_depth;
    int skip_depth;       /* inside an element whose content is ignored (source, image) */
    /* a captured element: its text, and its markup when it has children */
    int capturing;
    int cap_depth;
    px_capture_mode cap_mode;
    px_buf cap;
    char *cap_base, *cap_lang;
    int cap_children;     /* elements seen inside the capture */
    int cap_div;          /* an Atom 1.0 xhtml value: drop its wrapping div */
    int cap_field;        /* where the capture goes (feed_xml.c) */
    int cap_permalink;    /* an RSS guid's isPermaLink is not "false" */
    int person_depth;
    char cap_rel[32];     /* a text <link>'s rel */
    int netscape;         /* the DOCTYPE is Netscape's RSS 0.91 */
    /* the person (atom:author) being read */
    px_feed_person person;
    int in_person;
    px_buf scratch;
} px_feed_sax;

/* feed_text.c: starts capturing the element just opened. */
void px_capture_start(px_feed_sax *s, px_capture_mode mode, const char *base, const char *lang);
/* SAX inside a capture. */
void px_capture_child_start(px_feed_sax *s, const char *local, const char *prefix,
                            const px_xml_attr *attrs, size_t n, const char *base);
void px_capture_child_end(px_feed_sax *s, const char *local, const char *prefix);
void px_capture_text(px_feed_sax *s, const char *t, size_t n);
/* Ends the capture: fills *out (value, type, language, base) from it. */
void px_capture_end(px_feed_sax *s, px_feed_text *out);
/* Ends the capture and returns its text as an arena string (or NULL). */
const char *px_capture_end_string(px_feed_sax *s);

/* feed_html.c: appends s[0..n), HTML, re-written: references and tags
 * well-formed, URL attributes resolved against base (may be NULL),
 * attributes in name order, empty elements as <br />. */
void px_feed_html_rewrite(const char *s, size_t n, const char *base, px_buf *out);
/* 1 for an HTML element that has no end tag (br, img, ...). */
int px_html_void(const char *name, size_t n);

/* feed_xml.c */
extern const px_xml_callbacks px_feed_xml_callbacks;
void px_feed_sax_finish(px_feed_sax *s);

/* feed_sitemap.c and feed_opml.c, called by feed_xml.c for their roots */
void px_sitemap_start(px_feed_sax *s, const char *ns, const char *local,
                      const px_xml_attr *attrs, size_t n, const char *base, const char *lang);
void px_sitemap_end(px_feed_sax *s, const char *ns, const char *local);
void px_opml_start(px_feed_sax *s, const char *local, const px_xml_attr *attrs, size_t n,
                   const char *base);
void px_opml_end(px_feed_sax *s, const char *local);
/* The end of an element they captured. */
void px_sitemap_capture_end(px_feed_sax *s);
void px_opml_capture_end(px_feed_sax *s);

/* feed_json.c: reads a JSON Feed into f; 0 when data is no JSON Feed
 * (*why says what is wrong). */
int px_feed_json(px_feed *f, const char *data, size_t len, const char *url, const char **why);

/* An attribute's value by local name (any namespace), or NULL. */
const char *px_xml_attr_get(const px_xml_attr *attrs, size_t n, const char *local);

#endif
