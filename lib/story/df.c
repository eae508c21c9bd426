/*
 * df.c — document frequencies in bounded memory (df.h).
 *
 * Pruning drops every key at or under a count floor that starts at 1 and
 * rises until the table is at most half full, so a prune is rare (it frees
 * half the table) and deterministic (it depends only on the counts).
 */
#include <math.h>
#include <string.h>

#include "story/df.h"

void px_df_init(px_df *df, size_t max_keys)
{
    memset(df, 0, sizeof *df);
    df->max_keys = max_keys;
}

static int above_floor(uint64_t key, uint32_t value, void *ud)
{
    (void)key;
    return value > *(uint32_t *)ud;
}

static void prune(px_df *df)
{
    uint32_t floor = 1;
    for (;;) {
        size_t kept = 0;
        for (size_t i = 0; i < df->counts.cap; i++)
            if (df->counts.slots[i].key && df->counts.slots[i].value > floor) kept++;
        if (kept * 2 <= df->max_keys) break;
        floor *= 2;
    }
    px_keymap_filter(&df->counts, above_floor, &floor);
}

void px_df_add(px_df *df, const uint64_t *keys, size_t n)
{
    for (size_t i = 0; i < n; i++) (*px_keymap_slot_of(&df->counts, keys[i]))++;
    df->docs++;
    if (df->max_keys && df->counts.len > df->max_keys) prune(df);
}

uint32_t px_df_count(const px_df *df, uint64_t key)
{
    return df ? px_keymap_get(&df->counts, key) : 0;
}

double px_df_idf_of(const px_df *df, uint32_t n)
{
    if (!df || !df->docs) return 1.0;
    return log((1.0 + (double)df->docs) / (1.0 + (double)n)) + 1.0;
}

double px_df_idf(const px_df *df, uint64_t key)
{
    return px_df_idf_of(df, px_df_count(df, key));
}

static void put64(px_buf *b, uint64_t v)
{
    unsigned char x[8];
    for (int i = 0; i < 8; i++) x[i] = (unsigned char)(v >> (8 * i));
    px_buf_append(b, (const char *)x, 8);
}

static uint64_t get64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
    return v;
}

void px_df_save(const px_df *df, px_buf *out)
{
    put64(out, 0x3166646c6c727078ULL); /* "xprlldf1" */
    put64(out, df->docs);
    put64(out, df->counts.len);
    for (size_t i = 0; i < df->counts.cap; i++) {
        if (!df->counts.slots[i].key) continue;
        put64(out, df->counts.slots[i].key);
        put64(out, df->counts.slots[i].value);
    }
}

int px_df_load(px_df *df, const void *data, size_t len)
{
    const unsigned char *p = data;
    size_t max = df->max_keys;
    px_df_free(df);
    df->max_keys = max;
    if (len < 24 || get64(p) != 0x3166646c6c727078ULL) return -1;
    uint64_t n = get64(p + 16);
    if (n > (len - 24) / 16 || len != 24 + n * 16) return -1;
    df->docs = get64(p + 8);
    for (uint64_t i = 0; i < n; i++)
        *px_keymap_slot_of(&df->counts, get64(p + 24 + 16 * i)) = (uint32_t)get64(p + 32 + 16 * i);
    return 0;
}

void px_df_free(px_df *df)
{
    px_keymap_free(&df->counts);
    df->docs = 0;
}
