/*
 * keymap.c — 64-bit keys to 32-bit values (keymap.h).
 *
 * Load factor at most 1/2: probes stay short even for the skewed keys of
 * word frequencies.  Keys are mixed before probing because FNV-1a's low
 * bits are poor for short strings.
 */
#include <string.h>

#include "story/keymap.h"

static inline uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}

static px_keymap_slot *find(const px_keymap *m, uint64_t key)
{
    size_t mask = m->cap - 1;
    for (size_t i = mix(key) & mask;; i = (i + 1) & mask)
        if (m->slots[i].key == key || m->slots[i].key == 0) return &m->slots[i];
}

uint32_t px_keymap_get(const px_keymap *m, uint64_t key)
{
    if (!m->cap) return 0;
    if (!key) key = 1;
    return find(m, key)->value;
}

static void rehash(px_keymap *m, size_t cap)
{
    px_keymap old = *m;
    m->cap = cap;
    m->slots = px_xcalloc(cap, sizeof *m->slots);
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key) *find(m, old.slots[i].key) = old.slots[i];
    free(old.slots);
}

uint32_t *px_keymap_slot_of(px_keymap *m, uint64_t key)
{
    if (!key) key = 1;
    if ((m->len + 1) * 2 > m->cap) rehash(m, m->cap ? m->cap * 2 : 64);
    px_keymap_slot *s = find(m, key);
    if (!s->key) {
        s->key = key;
        s->value = 0;
        m->len++;
    }
    return &s->value;
}

void px_keymap_filter(px_keymap *m, int (*keep)(uint64_t, uint32_t, void *), void *ud)
{
    size_t n = 0;
    for (size_t i = 0; i < m->cap; i++) {
        px_keymap_slot *s = &m->slots[i];
        if (!s->key) continue;
        if (keep(s->key, s->value, ud)) m->slots[n++] = *s;
    }
    /* the kept slots are packed at the front; re-insert them into a fresh table */
    px_keymap_slot *kept = m->slots;
    size_t cap = 64;
    while (n * 2 > cap) cap *= 2;
    m->slots = px_xcalloc(cap, sizeof *m->slots);
    m->cap = cap;
    m->len = n;
    for (size_t i = 0; i < n; i++) *find(m, kept[i].key) = kept[i];
    free(kept);
}

void px_keymap_free(px_keymap *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}
