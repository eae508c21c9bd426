/*
 * map.c — a string-keyed hash map with open addressing and linear probing.
 *
 * Used for vocabularies, stop-word sets and lookups by name.  No deletion:
 * nothing in parallax needs it, and without tombstones probing stays simple.
 * Invariant: len * 4 <= cap * 3 (load factor at most 0.75), cap a power of 2.
 *
 * The keys are copied into an arena the map owns: maps of words are filled
 * with thousands of short keys per article and freed whole, and a malloc()
 * and free() per key cost more than the probes (perf: 3% of `add`).
 *
 * The map hashes with key_hash(), not px_hash(): FNV-1a takes a multiply
 * per byte, and hashing was a third of the map's instructions in `add`.
 * px_hash() stays FNV-1a because its values are stored (features, shingles);
 * the map's hash only places keys in slots, and nothing depends on the order
 * of the slots (px_map_each() promises none).
 */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

uint64_t px_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* A 64-bit load of s[0..8), in the machine's byte order (only the map's
 * slots depend on it). */
static uint64_t load64(const char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return w;
}

static uint32_t load32(const char *s)
{
    uint32_t w;
    memcpy(&w, s, sizeof w);
    return w;
}

/* The map's hash: eight bytes a multiply.  The tail of 1 to 7 bytes is read
 * as two overlapping 32-bit words (4 to 7 bytes) or as its first, middle
 * and last bytes (1 to 3), so every byte counts and nothing reads past
 * s[n).  The length is mixed in, so the overlaps cannot make two keys of
 * different lengths equal by construction. */
static uint64_t key_hash(const char *s, size_t n)
{
    const uint64_t k = 0x9e3779b97f4a7c15ULL;
    uint64_t h = (uint64_t)n * k;
    for (; n >= 8; s += 8, n -= 8) {
        h = (h ^ load64(s)) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 29;
    }
    uint64_t t;
    if (n >= 4)
        t = (uint64_t)load32(s) << 32 | load32(s + n - 4);
    else if (n)
        t = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n / 2] << 8 |
            (unsigned char)s[n - 1];
    else
        t = 0;
    h = (h ^ t ^ n) * 0x94d049bb133111ebULL;
    return h ^ h >> 31;
}

/* The first slot to probe.  The hash's bits are mixed once more (the
 * finaliser of MurmurHash3) before the low ones pick the slot: under
 * linear probing, keys that differ only in their last bytes ("the",
 * "then", "they") must not land side by side, and this was written when
 * the map used FNV-1a, whose low bits are poor for such keys. */
static size_t home(uint64_t h, size_t mask)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return (size_t)h & mask;
}

static px_map_slot *find(const px_map *m, const char *key, size_t klen, uint64_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = home(h, mask);; i = (i + 1) & mask) {
        px_map_slot *s = &m->slots[i];
        if (!s->key) return s;
        if (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0) return s;
    }
}

/* Small maps grow fourfold: most maps are made per article and end with a
 * few hundred keys, and growing them 16, 32, 64, ... 512 rehashed every key
 * four times over and cleared as many new tables (a twentieth of `add`).
 * Past 4096 slots, twofold, so a big map wastes at most half its slots. */
static void grow(px_map *m)
{
    px_map old = *m;
    m->cap = old.cap ? old.cap * (old.cap < 4096 ? 4 : 2) : 32;
    m->slots = px_xcalloc(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < old.cap; i++) {
        px_map_slot *s = &old.slots[i];
        if (s->key) *find(m, s->key, s->klen, s->hash) = *s;
    }
    free(old.slots);
}

void *px_map_get(const px_map *m, const char *key, size_t klen)
{
    if (!m->cap) return NULL;
    px_map_slot *s = find(m, key, klen, key_hash(key, klen));
    return s->key ? s->value : NULL;
}

void *px_map_put(px_map *m, const char *key, size_t klen, void *value)
{
    if ((m->len + 1) * 4 > m->cap * 3) grow(m);
    uint64_t h = key_hash(key, klen);
    px_map_slot *s = find(m, key, klen, h);
    if (s->key) {
        void *prev = s->value;
        s->value = value;
        return prev;
    }
    s->key = px_arena_strndup(&m->keys, key, klen);
    s->klen = klen;
    s->hash = h;
    s->value = value;
    m->len++;
    return NULL;
}

const char *px_map_intern(px_map *m, const char *key, size_t klen)
{
    if ((m->len + 1) * 4 > m->cap * 3) grow(m);
    uint64_t h = key_hash(key, klen);
    px_map_slot *s = find(m, key, klen, h);
    if (!s->key) {
        s->key = px_arena_strndup(&m->keys, key, klen);
        s->klen = klen;
        s->hash = h;
        s->value = s->key;
        m->len++;
    }
    return s->key;
}

void px_map_each(const px_map *m, void (*fn)(const char *, size_t, void *, void *), void *ud)
{
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key) fn(m->slots[i].key, m->slots[i].klen, m->slots[i].value, ud);
}

void px_map_free(px_map *m)
{
    px_arena_free(&m->keys);
    free(m->slots);
    m->slots = NULL;
    m->cap = m->len = 0;
}
