/*
 * df_count.c — bench/df_count: the document frequencies of a corpus, as
 * the table parallax ships (data/df.tsv, read by lib/story/dftable.c).
 *
 *   build/bench/df_count [--min N] FILE.jsonl...
 *
 * Each article is read, lightly analysed and viewed as story grouping
 * views it (px_doc_build: content-word stems of body and title, names,
 * numbers); each key it holds counts once.  Printed: a first line
 * "docs N", then one line per key held by at least N (--min, default 3)
 * documents: its kind (t: a stem, n: a name, d: a number's digits), its
 * text and its count, most counted first.  The text is what the key is
 * the hash of, so the library recomputes the key from it; only counts of
 * common terms leave the corpus, never its text.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story/doc.h"

typedef struct entry {
    uint64_t key;
    char kind;
    char *text;
    uint32_t count;
} entry;

static PX_VEC(entry) table;
static px_keymap where; /* key -> 1 + index in table */

/* The entry of key, made with kind and text when new. */
static entry *entry_of(uint64_t key, char kind, const char *text, size_t n)
{
    uint32_t *slot = px_keymap_slot_of(&where, key);
    if (!*slot) {
        entry e = {key, kind, px_xstrndup(text, n), 0};
        for (char *c = e.text; *c; c++)
            if (*c >= 'A' && *c <= 'Z') *c += 32; /* as px_fold_hash reads it */
        px_vec_push(&table, e);
        *slot = (uint32_t)table.len;
    }
    return &table.items[*slot - 1];
}

/* Names every key the tokens and entities of an article can make. */
static void name_keys(const px_article *a, const px_analysis *an)
{
    for (size_t i = 0; i < an->tokens.len; i++) {
        const px_token *t = &an->tokens.items[i];
        if (t->kind == PX_TOKEN_NUMBER) {
            const char *s = a->sentences.items[t->sentence].text + t->start;
            char digits[32];
            size_t k = 0;
            for (size_t j = 0; j < t->end - t->start && k < sizeof digits; j++)
                if (s[j] >= '0' && s[j] <= '9') digits[k++] = s[j];
            size_t skip = 0;
            while (k - skip > 1 && digits[skip] == '0') skip++;
            uint64_t key = px_number_key(s, t->end - t->start);
            if (key) entry_of(key, 'd', digits + skip, k - skip);
        } else if (t->kind == PX_TOKEN_WORD) {
            if (strlen(t->stem) >= 2) entry_of(px_hash(t->stem, strlen(t->stem)), 't', t->stem, strlen(t->stem));
            entry_of(px_name_key(t->norm, strlen(t->norm)), 'n', t->norm, strlen(t->norm));
        }
    }
    for (size_t i = 0; i < an->entities.len; i++) {
        const char *name = an->entities.items[i].pub.name;
        entry_of(px_name_key(name, strlen(name)), 'n', name, strlen(name));
    }
}

static int by_count(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    return strcmp(a->text, b->text);
}

int main(int argc, char **argv)
{
    unsigned min = 3;
    int first = 1;
    if (argc > 2 && !strcmp(argv[1], "--min")) min = (unsigned)atoi(argv[2]), first = 3;
    if (first >= argc) {
        fputs("usage: df_count [--min N] FILE.jsonl...\n", stderr);
        return 2;
    }
    px_context *ctx;
    px_error err;
    if (px_context_new(&ctx, &err) != PX_OK) return fprintf(stderr, "%s\n", err.message), 1;
    uint64_t docs = 0;
    px_keys keys = {0};
    px_keymap anon = {0}; /* keys no text names (hash collisions of names: none seen) */
    for (int f = first; f < argc; f++) {
        px_reader *r;
        if (px_reader_open(ctx, argv[f], PX_FORMAT_JSONL, &r, &err) != PX_OK) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
        for (;;) {
            px_article *a = NULL;
            px_analysis *an = NULL;
            if (px_reader_next(r, &a, &err) != PX_OK) continue;
            if (!a) break;
            if (px_analyze_light(ctx, a, &an, &err) == PX_OK) {
                px_doc d;
                px_doc_build(&d, ctx, a, an);
                name_keys(a, an);
                keys.len = 0;
                px_doc_keys(&d, &keys);
                px_keys_unique(&keys);
                for (size_t i = 0; i < keys.len; i++) {
                    uint32_t at = px_keymap_get(&where, keys.items[i]);
                    if (at) table.items[at - 1].count++;
                    else (*px_keymap_slot_of(&anon, keys.items[i]))++;
                }
                docs++;
                px_doc_free(&d);
                px_analysis_free(an);
            }
            px_article_free(a);
        }
        px_reader_close(r);
    }
    qsort(table.items, table.len, sizeof *table.items, by_count);
    printf("docs\t%llu\n", (unsigned long long)docs);
    for (size_t i = 0; i < table.len && table.items[i].count >= min; i++)
        printf("%c\t%s\t%u\n", table.items[i].kind, table.items[i].text, table.items[i].count);
    fprintf(stderr, "df_count: %llu documents, %zu keys named, %zu not\n", (unsigned long long)docs,
            table.len, anon.len);
    for (size_t i = 0; i < table.len; i++) free(table.items[i].text);
    px_vec_free(&table);
    px_vec_free(&keys);
    px_keymap_free(&where);
    px_keymap_free(&anon);
    px_context_free(ctx);
    return 0;
}
