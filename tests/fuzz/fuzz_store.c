/*
 * fuzz_store.c — libFuzzer target for the store's reading of its own rows:
 * the saved state of a story (stories.state, px_story_load) and the
 * document frequencies (meta.df, px_df_load), the blobs `add` and `show`
 * read back and a damaged or hostile store can hold anything in.
 *
 * The first byte picks the reader; the rest is the blob.  What loads must
 * save and load again to the same bytes (a round trip), and a loaded story
 * must be usable: it is matched against itself.  Run with `make fuzz`.
 */
#include <stdlib.h>
#include <string.h>

#include "story/df.h"
#include "story/story.h"

static void story(const unsigned char *data, size_t size)
{
    px_story s;
    if (px_story_load(&s, data, size) != 0) return;
    px_buf once = {0}, twice = {0};
    px_story_save(&s, &once);
    px_story t;
    if (px_story_load(&t, once.data, once.len) != 0) abort(); /* what we save must load */
    px_story_save(&t, &twice);
    if (once.len != twice.len || memcmp(once.data, twice.data, once.len) != 0) abort();
    px_story_params p;
    px_story_params_default(&p);
    px_match m;
    px_story_match_story(&s, &t, &p, &m);
    px_story_free(&t);
    px_story_free(&s);
    px_buf_free(&once);
    px_buf_free(&twice);
}

static void df(const unsigned char *data, size_t size)
{
    px_df d;
    px_df_init(&d, 1u << 16);
    if (px_df_load(&d, data, size) == 0) {
        px_buf b = {0};
        px_df_save(&d, &b);
        px_df e;
        px_df_init(&e, 1u << 16);
        if (px_df_load(&e, b.data, b.len) != 0) abort();
        (void)px_df_idf(&e, 42);
        px_df_free(&e);
        px_buf_free(&b);
    }
    px_df_free(&d);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 1) return 0;
    if (data[0] & 1) df(data + 1, size - 1);
    else story(data + 1, size - 1);
    return 0;
}
