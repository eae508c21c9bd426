/*
 * dftable.h — the document frequencies parallax ships: how common each
 * common term, name and number is in news, for weighing words by rarity
 * when no collection of one's own is at hand (`parallax similarity` of two
 * articles, grouping a handful).
 *
 * The table is data/df.tsv, made by bench/similarity/df_table from a
 * background corpus none of the scored sets is part of (data/SOURCE.md):
 * a line per key held by three documents or more, its kind (t: a stem, n:
 * a name, d: a number's digits), its text and its count.  The build turns
 * it into C initialisers (Makefile: $(BUILD)/gen/df_table.inc); the keys
 * are recomputed from the texts, as px_doc_build makes them, on first use.
 *
 * Ownership: the table is the library's, built once (call_once: safe from
 * any thread, immutable afterwards) and never freed.  Never fails.
 */
#ifndef PX_DFTABLE_H
#define PX_DFTABLE_H

#include "story/df.h"

/* The shipped document frequencies, as a px_df of the background corpus. */
const px_df *px_df_background(void);

/* The text of a key of the table ("shoot", "police", "2014"), or NULL for
 * a key the table does not hold.  Borrowed from the table. */
const char *px_df_background_text(uint64_t key);

#endif
