/*
 * df.h — document frequencies of a stream, in bounded memory.
 *
 * Story grouping weighs every term and name by how rare it is (idf).  In a
 * stream the collection is everything seen so far, so the counts grow with
 * the vocabulary; to keep memory bounded whatever the stream, the table
 * holds at most max_keys keys and, when full, forgets the rarest ones (a
 * key seen once, then twice, ...), which then count as new: the same
 * weight they would have had anyway, within one or two documents.
 *
 * Ownership: px_df owns its table; px_df_free() frees it.  A px_df made
 * with px_df_init() is empty.  px_df_save/px_df_load round-trip it through
 * bytes (for the store), little-endian.
 */
#ifndef PX_DF_H
#define PX_DF_H

#include "story/keymap.h"

typedef struct px_df {
    px_keymap counts; /* key -> documents holding it */
    uint64_t docs;    /* documents counted */
    size_t max_keys;  /* 0: unbounded */
} px_df;

void px_df_init(px_df *df, size_t max_keys);
/* Counts one document holding the n keys (each once, whatever n holds). */
void px_df_add(px_df *df, const uint64_t *keys, size_t n);
/* Smoothed inverse document frequency, >= 1; 1 when nothing was counted. */
double px_df_idf(const px_df *df, uint64_t key);
/* The documents counted holding key (0 for an unknown key or a NULL df),
 * and the idf of a key held by n of them: px_df_idf(df, key) is
 * px_df_idf_of(df, px_df_count(df, key)), for callers that memoise by n. */
uint32_t px_df_count(const px_df *df, uint64_t key);
double px_df_idf_of(const px_df *df, uint32_t n);
void px_df_save(const px_df *df, px_buf *out);
/* Fails (returns -1, df left empty) when the bytes are not a saved px_df. */
int px_df_load(px_df *df, const void *data, size_t len);
void px_df_free(px_df *df);

#endif
