/*
 * labelled.h — reading labelled articles (JSON Lines with an id, a gold
 * label and a text) for the grouping and similarity benches
 * (clustering.c, similarity.c): each record rewritten to the keys
 * parallax reads, read and lightly analysed as `parallax add` does.
 */
#ifndef PX_BENCH_LABELLED_H
#define PX_BENCH_LABELLED_H

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "story/doc.h"

typedef struct item {
    char *id, *label, *title;
    char *topic; /* --topic KEY's value (similarity), or NULL */
    px_article *a;
    px_analysis *an;
} item;

static PX_VEC(item) items;

static inline double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *str(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Reads FILE's records into items, rewritten to the keys parallax reads. */
/* A key's value as text: a string, or an integer written out (ECB+'s
 * topics); NULL otherwise.  Freed by the caller. */
static char *value_text(json_t *o, const char *k)
{
    json_t *v = k ? json_object_get(o, k) : NULL;
    if (json_is_string(v)) return px_xstrdup(json_string_value(v));
    if (json_is_integer(v)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
        return px_xstrdup(buf);
    }
    return NULL;
}

static void load(px_context *ctx, const char *path, const char *label_key, const char *topic_key,
                 int strip_url)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!f) {
        perror(path);
        exit(1);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)len, 0, &je);
        if (!o) continue;
        const char *id = str(o, "id"), *label = str(o, label_key), *text = str(o, "text");
        if (!id || !label || !text) {
            json_decref(o);
            continue;
        }
        if (strip_url && strncmp(text, "http", 4) == 0) {
            const char *nl = strchr(text, '\n');
            text = nl ? nl + 1 : "";
        }
        json_t *rec = json_object();
        json_object_set_new(rec, "id", json_string(id));
        json_object_set_new(rec, "text", json_string(text));
        static const char *const keep[] = {"title", "date", "outlet"};
        for (size_t k = 0; k < 3; k++)
            if (str(o, keep[k])) json_object_set_new(rec, keep[k], json_string(str(o, keep[k])));
        if (!strip_url && str(o, "url")) json_object_set_new(rec, "url", json_string(str(o, "url")));
        char *out = json_dumps(rec, JSON_COMPACT);
        FILE *mem = fmemopen(out, strlen(out), "r");
        px_reader *r;
        px_article *a = NULL;
        px_error err;
        if (mem && px_reader_open_stream(ctx, mem, "record.jsonl", PX_FORMAT_JSONL, &r, &err) == PX_OK) {
            if (px_reader_next(r, &a, &err) != PX_OK) a = NULL;
            px_reader_close(r);
        }
        if (mem) fclose(mem);
        px_analysis *an = NULL;
        if (a && px_analyze_light(ctx, a, &an, &err) == PX_OK) {
            item it = {px_xstrdup(id), px_xstrdup(label), str(o, "title") ? px_xstrdup(str(o, "title")) : NULL,
                       value_text(o, topic_key), a, an};
            px_vec_push(&items, it);
        } else {
            fprintf(stderr, "clustering: %s: skipped\n", id);
            px_article_free(a);
        }
        free(out);
        json_decref(rec);
        json_decref(o);
    }
    free(line);
    if (f != stdin) fclose(f);
}

/* Frees items and their docs[0..items.len) (built by the caller). */
static inline void free_items(px_doc *docs)
{
    for (size_t i = 0; i < items.len; i++) {
        px_doc_free(&docs[i]);
        px_article_free(items.items[i].a);
        px_analysis_free(items.items[i].an);
        free(items.items[i].id);
        free(items.items[i].label);
        free(items.items[i].title);
        free(items.items[i].topic);
    }
    px_vec_free(&items);
    free(docs);
}

#endif
