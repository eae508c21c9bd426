/*
 * keymap.h — a map from 64-bit keys to 32-bit values, for the hot paths of
 * story grouping (document frequencies, the inverted index).
 *
 * Open addressing with linear probing over one flat array of 16-byte
 * slots: no allocation per key (px_map copies each key), so a table of a
 * million term keys is 16 MiB and a lookup touches one cache line.  Key 0
 * is stored as 1 (keys are hashes; the collision costs nothing).  No
 * deletion: callers that must forget keys rebuild the table
 * (px_keymap_filter), which keeps probing simple.
 *
 * Ownership: the map owns its slot array; px_keymap_free() frees it.  A
 * zeroed px_keymap is empty and ready.  Out of memory aborts (base.h).
 */
#ifndef PX_KEYMAP_H
#define PX_KEYMAP_H

#include <stdint.h>

#include "base/base.h"

typedef struct px_keymap_slot {
    uint64_t key; /* 0: empty */
    uint32_t value;
} px_keymap_slot;

typedef struct px_keymap {
    px_keymap_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t len;
} px_keymap;

/* The value of key, or 0 when absent. */
uint32_t px_keymap_get(const px_keymap *m, uint64_t key);
/* A pointer to key's value, inserting it with value 0 when absent.  Valid
 * until the next insertion. */
uint32_t *px_keymap_slot_of(px_keymap *m, uint64_t key);
/* Keeps only the entries for which keep(key, value, ud) is true. */
void px_keymap_filter(px_keymap *m, int (*keep)(uint64_t, uint32_t, void *), void *ud);
void px_keymap_free(px_keymap *m);

#endif
