/*
 * gazetteer.c — looks a folded name up in the word lists of
 * gazetteer_places.c and gazetteer_words.c.
 *
 * A key may be in several lists ("georgia" is a country and a state,
 * "secretary" a title and a role noun), so the answer is the union of the
 * classes of every list holding it.  The lists are sorted static arrays,
 * as written and reviewed; lookups go through one px_map over all of
 * them, built on first use (call_once: safe from any thread, immutable
 * afterwards), whose value for a word is that union.  Why: the entity
 * finder looks up nearly every capitalised word and its neighbours, and a
 * dozen binary searches of strcmp()s per lookup were a twentieth of
 * `parallax add`; one probe gives the same answer.
 */
#include <stdint.h>
#include <string.h>
#include <threads.h>

#include "analyze/entity.h"

#define MAX_KEY 64 /* longer keys are in no list */

/* word -> its classes (a nonzero unsigned stored as the pointer value);
 * built once, never freed: it lives as long as the process. */
static px_map table;
static once_flag table_once = ONCE_FLAG_INIT;

static void add_lists(const px_gz_list *lists)
{
    for (const px_gz_list *l = lists; l->words; l++)
        for (size_t i = 0; i < l->count; i++) {
            size_t n = strlen(l->words[i]);
            if (n > MAX_KEY) continue; /* never looked up */
            uintptr_t f = (uintptr_t)px_map_get(&table, l->words[i], n);
            px_map_put(&table, l->words[i], n, (void *)(f | l->flags));
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
    return (unsigned)(uintptr_t)px_map_get(&table, s, n);
}

static int sorted(const px_gz_list *lists)
{
    for (const px_gz_list *l = lists; l->words; l++)
        for (size_t i = 1; i < l->count; i++)
            if (strcmp(l->words[i - 1], l->words[i]) >= 0) return 0;
    return 1;
}

int px__gz_sorted(void) { return sorted(px__gz_place_lists) && sorted(px__gz_word_lists); }
