/*
 * url.h — keys that recognise one news item under changed names: its
 * canonical URL and its normalised title (`watch`'s "what is new").
 */
#ifndef PX_FETCH_URL_H
#define PX_FETCH_URL_H

/* url with its scheme and host in lower case, the default port, the
 * fragment and tracking parameters (utm_*, fbclid, gclid, ...) removed, as
 * a new string the caller frees; NULL when url is no http(s) URL. */
char *px_url_canonical(const char *url);

/* title folded for comparison: ASCII letters in lower case, runs of
 * anything else that is ASCII (punctuation, spaces) one space, other bytes
 * kept; a new string the caller frees, NULL when nothing is left. */
char *px_title_key(const char *title);

#endif
