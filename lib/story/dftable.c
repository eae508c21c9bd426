/*
 * dftable.c — the shipped document frequencies (dftable.h).
 *
 * The rows come from data/df.tsv through the generated df_table.inc
 * (Makefile), so the table stays reviewable as text and needs no file at
 * run time.  Keys are made as px_doc_build makes them: a stem's px_hash,
 * a name's px_name_key, a number's px_number_key.
 */
#include <string.h>
#include <threads.h>

#include "story/dftable.h"
#include "story/doc.h"

typedef struct row {
    char kind; /* t, n or d */
    const char *text;
    uint32_t count;
} row;

static const uint64_t corpus_docs =
#include "df_table_docs.inc"
    ;

static const row rows[] = {
#include "df_table.inc"
};

#define NROWS (sizeof rows / sizeof rows[0])

static px_df table;
static px_keymap texts; /* key -> 1 + row */
static once_flag table_once = ONCE_FLAG_INIT;

static uint64_t key_of(const row *r)
{
    size_t n = strlen(r->text);
    switch (r->kind) {
    case 't': return px_hash(r->text, n);
    case 'n': return px_name_key(r->text, n);
    default: return px_number_key(r->text, n);
    }
}

static void build(void)
{
    px_df_init(&table, 0);
    for (size_t i = 0; i < NROWS; i++) {
        uint64_t key = key_of(&rows[i]);
        uint32_t *n = px_keymap_slot_of(&table.counts, key);
        if (rows[i].count > *n) *n = rows[i].count; /* a collision keeps the larger */
        uint32_t *at = px_keymap_slot_of(&texts, key);
        if (!*at) *at = (uint32_t)i + 1;
    }
    table.docs = corpus_docs;
}

const px_df *px_df_background(void)
{
    call_once(&table_once, build);
    return &table;
}

const char *px_df_background_text(uint64_t key)
{
    call_once(&table_once, build);
    uint32_t at = px_keymap_get(&texts, key);
    return at ? rows[at - 1].text : NULL;
}
