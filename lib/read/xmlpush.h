/*
 * xmlpush.h — XML documents pushed in chunks to libxml2's SAX2 push parser,
 * with recovery, for the feed, sitemap and OPML readers (xmlpush.c says
 * what is repaired and why).
 *
 * The reader of a format gives three callbacks; xmlpush.c keeps the
 * element stack with each element's xml:base (resolved against its
 * parent's, the first against the document's URL) and xml:lang (inherited).
 */
#ifndef PX_XMLPUSH_H
#define PX_XMLPUSH_H

#include "base/base.h"

typedef struct px_xml_attr {
    const char *ns;    /* namespace URI, or NULL */
    const char *local; /* local name */
    const char *prefix;
    const char *value; /* NUL-terminated */
} px_xml_attr;

typedef struct px_xml_callbacks {
    /* An element opens.  base and lang are in force inside it (either may
     * be NULL); the strings last until the matching end. */
    void (*start)(void *ud, const char *ns, const char *local, const char *prefix,
                  const px_xml_attr *attrs, size_t nattrs, const char *base,
                  const char *lang);
    void (*end)(void *ud, const char *ns, const char *local, const char *prefix);
    /* Character data (text or CDATA), UTF-8. */
    void (*text)(void *ud, const char *s, size_t n);
    /* The DOCTYPE's public identifier (may be NULL: not called). */
    void (*doctype)(void *ud, const char *public_id);
} px_xml_callbacks;

typedef struct px_xml px_xml;

/*
 * A parser calling cb with ud.  url: the document's address, the base of
 * relative links (NULL: none).  http: 1 when the bytes came over HTTP, with
 * content_type the Content-Type header (NULL when it was not sent); it
 * decides the encoding with the document (charset.c).  Free with
 * px_xml_free().
 */
px_xml *px_xml_new(const px_xml_callbacks *cb, void *ud, const char *url, int http,
                   const char *content_type);

/* Pushes the next n bytes.  Never fails on what the bytes hold; PX_ETOOBIG
 * once more than PX_MAX_DOCUMENT bytes were pushed (the rest is ignored). */
px_status px_xml_push(px_xml *x, const char *data, size_t n, const char *name,
                      px_error *err);

/* The language in force where no xml:lang says one (the HTTP
 * Content-Language); call before the first push.  NULL: none. */
void px_xml_set_language(px_xml *x, const char *language);

/* Ends the document: the callbacks see the rest. */
void px_xml_finish(px_xml *x);

/* 1 when the document was not well-formed XML, or not in the encoding it
 * claimed; then *why (if not NULL) says the first thing wrong. */
int px_xml_bozo(const px_xml *x, const char **why);

/* The encoding the document was read in ("utf-8", "iso-8859-1"). */
const char *px_xml_encoding(const px_xml *x);

/* Resolves ref against base (either may be NULL) into a new string the
 * caller frees; NULL when ref is NULL. */
char *px_xml_resolve(const char *base, const char *ref);

void px_xml_free(px_xml *x);

#endif
