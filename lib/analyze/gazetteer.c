/*
 * gazetteer.c — looks a folded name up in the word lists of
 * gazetteer_places.c and gazetteer_words.c.
 *
 * A key may be in several lists ("georgia" is a country and a state,
 * "secretary" a title and a role noun), so the answer is the union of the
 * classes of every list holding it.  Each list is a sorted static array
 * searched with bsearch(): about a dozen searches of a few hundred words per
 * lookup, no initialisation, safe from any thread.
 */
#include <string.h>

#include "analyze/entity.h"

typedef struct key {
    const char *s;
    size_t n;
} key;

/* strcmp() order between the key (not NUL-terminated) and a list word. */
static int cmp_key(const void *k, const void *item)
{
    const key *a = k;
    const unsigned char *b = *(const unsigned char *const *)item;
    for (size_t i = 0; i < a->n; i++) {
        unsigned char c = (unsigned char)a->s[i];
        if (c != b[i]) return b[i] ? (c < b[i] ? -1 : 1) : 1;
    }
    return b[a->n] ? -1 : 0;
}

static unsigned lookup_in(const px_gz_list *lists, const key *k)
{
    unsigned flags = 0;
    for (const px_gz_list *l = lists; l->words; l++)
        if (bsearch(k, l->words, l->count, sizeof *l->words, cmp_key)) flags |= l->flags;
    return flags;
}

unsigned px_gz_lookup(const char *s, size_t n)
{
    if (!n || n > 64) return 0;
    key k = {s, n};
    return lookup_in(px__gz_place_lists, &k) | lookup_in(px__gz_word_lists, &k);
}

static int sorted(const px_gz_list *lists)
{
    for (const px_gz_list *l = lists; l->words; l++)
        for (size_t i = 1; i < l->count; i++)
            if (strcmp(l->words[i - 1], l->words[i]) >= 0) return 0;
    return 1;
}

int px__gz_sorted(void) { return sorted(px__gz_place_lists) && sorted(px__gz_word_lists); }
