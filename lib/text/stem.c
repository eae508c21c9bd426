/*
 * stem.c — Snowball stems through libstemmer.
 *
 * The table maps ISO 639-1 codes to the algorithms libstemmer ships; a
 * stemmer is made the first time its language is asked for and kept in
 * px_text (a Snowball stemmer holds per-call state, so it cannot be shared
 * between threads; one per context is right).  Words the stemmer should not
 * see are returned unchanged: over MAX_WORD bytes (bounded cost on hostile
 * input, and no real word is that long), or not valid UTF-8 (the Snowball
 * runtime assumes it).
 *
 * Stems are cached per context: a word's stem is looked up before the
 * stemmer runs, and kept after.  Why: news repeats its words, within an
 * article and across a stream, and Snowball's suffix rules cost far more
 * than one hash probe (they were a twentieth of `parallax add`'s time).
 * The stemmer is a pure function of the word, so the cache changes no
 * answer.  It holds at most CACHE_WORDS words and starts over when full,
 * so its memory is bounded whatever the stream.
 */
#include <string.h>

#include <libstemmer.h>

#include "text/text_int.h"

#define MAX_WORD 256
#define CACHE_WORDS 32768

/* Algorithm names, in the order of the stemmer slots of px_text. */
static const char *const algorithms[PX_STEMMERS] = {
    "arabic",     "armenian", "basque",  "catalan",   "danish",     "dutch",
    "english",    "finnish",  "french",  "german",    "greek",      "hindi",
    "hungarian",  "indonesian", "irish", "italian",   "lithuanian", "nepali",
    "norwegian",  "portuguese", "romanian", "russian", "serbian",   "spanish",
    "swedish",    "tamil",    "turkish", "yiddish",
};

static const struct {
    char iso[3];
    unsigned char algo; /* index into algorithms */
} languages[] = {
    {"ar", 0},  {"hy", 1},  {"eu", 2},  {"ca", 3},  {"da", 4},  {"nl", 5},
    {"en", 6},  {"fi", 7},  {"fr", 8},  {"de", 9},  {"el", 10}, {"hi", 11},
    {"hu", 12}, {"id", 13}, {"ga", 14}, {"it", 15}, {"lt", 16}, {"ne", 17},
    {"no", 18}, {"nb", 18}, {"nn", 18}, {"pt", 19}, {"ro", 20}, {"ru", 21},
    {"sr", 22}, {"es", 23}, {"sv", 24}, {"ta", 25}, {"tr", 26}, {"yi", 27},
};

/* The stemmer slot for lang ("en", "en-GB"), or -1. */
static int slot(const char *lang)
{
    if (!lang || !lang[0] || !lang[1] || (lang[2] && lang[2] != '-' && lang[2] != '_'))
        return -1;
    for (size_t i = 0; i < sizeof languages / sizeof *languages; i++)
        if (languages[i].iso[0] == lang[0] && languages[i].iso[1] == lang[1])
            return languages[i].algo;
    return -1;
}

/* A cached stem: its length, then its bytes. */
typedef struct cached {
    size_t len;
    char s[];
} cached;

/* Stems w with stemmer k into out, uncached; 0 when the stemmer is missing. */
static int stem(px_text *t, int k, const char *w, size_t len, px_buf *out)
{
    if (!t->stemmer[k]) t->stemmer[k] = sb_stemmer_new(algorithms[k], "UTF_8");
    const sb_symbol *r = t->stemmer[k]
                             ? sb_stemmer_stem(t->stemmer[k], (const sb_symbol *)w, (int)len)
                             : NULL;
    if (!r) return 0;
    px_buf_append(out, (const char *)r, (size_t)sb_stemmer_length(t->stemmer[k]));
    return 1;
}

void px_text_stem(px_context *ctx, const char *lang, const char *w, size_t len, px_buf *out)
{
    if (!out || (!w && len)) return;
    int k = slot(lang);
    if (k < 0 || !ctx || !ctx->text || len == 0 || len > MAX_WORD) {
        px_buf_append(out, w, len);
        return;
    }
    px_text *t = ctx->text;
    char key[MAX_WORD + 1];
    key[0] = (char)k;
    memcpy(key + 1, w, len);
    const cached *c = px_map_get(&t->stems, key, len + 1);
    if (c) {
        px_buf_append(out, c->s, c->len);
        return;
    }
    size_t at = out->len;
    if (!px_utf8_check(w, len, NULL) || !stem(t, k, w, len, out)) px_buf_append(out, w, len);
    if (t->stems.len >= CACHE_WORDS) {
        px_map_free(&t->stems);
        px_arena_free(&t->stem_arena);
    }
    size_t n = out->len - at;
    cached *copy = px_arena_alloc(&t->stem_arena, sizeof *copy + n);
    copy->len = n;
    if (n) memcpy(copy->s, out->data + at, n);
    px_map_put(&t->stems, key, len + 1, copy);
}

int px__stem_slot(const char *lang) { return slot(lang); }
