/*
 * jsonl_fields.h — the keys of a JSON Lines record that the reader uses,
 * read from the line without building a JSON tree (jsonl_fields.c says
 * why and what is left to jansson).
 */
#ifndef PX_JSONL_FIELDS_H
#define PX_JSONL_FIELDS_H

#include "base/base.h"

typedef enum px_jsonl_key {
    PX_JK_ID, PX_JK_URL, PX_JK_OUTLET, PX_JK_TITLE, PX_JK_DATE, PX_JK_LANGUAGE, PX_JK_BYLINE,
    PX_JK_TEXT, PX_JK_HTML, PX_JK_COUNT
} px_jsonl_key;

typedef enum px_jsonl_kind { PX_JV_ABSENT, PX_JV_STRING, PX_JV_INTEGER, PX_JV_OTHER } px_jsonl_kind;

typedef struct px_jsonl_value {
    px_jsonl_kind kind;
    const char *string; /* PX_JV_STRING: decoded, NUL-terminated (may hold no NUL) */
    size_t len;
    long long integer;  /* PX_JV_INTEGER */
} px_jsonl_value;

/* A zeroed px_jsonl_fields is ready; its strings live in its own buffer,
 * valid until the next scan or px_jsonl_fields_free(). */
typedef struct px_jsonl_fields {
    px_jsonl_value v[PX_JK_COUNT];
    char *strings;
    size_t cap;
} px_jsonl_fields;

/* Fills f from one line holding valid UTF-8 and no NUL (px_check_bytes).
 * Returns 1 when the line is a JSON object it read for certain; 0 when it
 * is not, or may not be: the caller must then parse it with jansson, which
 * accepts it or says what is wrong. */
int px_jsonl_fields_scan(px_jsonl_fields *f, const char *line, size_t len);
void px_jsonl_fields_free(px_jsonl_fields *f);
const char *px_jsonl_key_name(px_jsonl_key k); /* "id", "url", ... */

#endif
