/*
 * gazetteer.c — looks a folded name up in the word lists of
 * gazetteer_places.c and gazetteer_words.c.
 *
 * A key may be in several lists ("georgia" is a country and a state,
 * "secretary" a title and a role noun), so the answer is the union of the
 * classes of every list holding it.  The lists are sorted static arrays,
 * as written and reviewed; lookups go through one hash table over all of
 * them, built on first use (call_once: safe from any thread, immutable
 * afterwards), whose entry for a word is that union.  Why: the entity
 * finder looks up nearly every capitalised word and its neighbours, and a
 * dozen binary searches of strcmp()s per lookup were a twentieth of
 * `parallax add`; one probe gives the same answer.
 */
#include <stdint.h>
#include <string.h>
#include <threads.h>

#include "analyze/entity.h"

#define MAX_KEY 64     /* longer keys are in no list */
#define TABLE 8192     /* slots, a power of two: the lists hold about 2,200 words */

typedef struct slot {
    const char *word; /* NULL: empty */
    size_t len;
    unsigned flags;
} slot;

static slot table[TABLE];
static once_flag table_once = ONCE_FLAG_INIT;

/* The slot of s[0..n): its own, or the empty one where it would go. */
static slot *find(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    for (size_t i = h & (TABLE - 1);; i = (i + 1) & (TABLE - 1)) {
        slot *e = &table[i];
        if (!e->word || (e->len == n && !memcmp(e->word, s, n))) return e;
    }
}

static void add_lists(const px_gz_list *lists)
{
    for (const px_gz_list *l = lists; l->words; l++)
        for (size_t i = 0; i < l->count; i++) {
            size_t n = strlen(l->words[i]);
            if (n > MAX_KEY) continue; /* never looked up */
            slot *e = find(l->words[i], n);
            e->word = l->words[i], e->len = n;
            e->flags |= l->flags;
        }
}

static void build(void)
{
    add_lists(px__gz_place_lists);
    add_lists(px__gz_word_lists);
}

unsigned px_gz_lookup(const char *s, size_t n)
{
    if (!n || n > MAX_KEY) return 0;
    call_once(&table_once, build);
    return find(s, n)->flags;
}

static int sorted(const px_gz_list *lists)
{
    for (const px_gz_list *l = lists; l->words; l++)
        for (size_t i = 1; i < l->count; i++)
            if (strcmp(l->words[i - 1], l->words[i]) >= 0) return 0;
    return 1;
}

int px__gz_sorted(void) { return sorted(px__gz_place_lists) && sorted(px__gz_word_lists); }
