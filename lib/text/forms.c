/*
 * forms.c — a token's folded form, stem and stop-word flag in one call,
 * cached per context across articles.
 *
 * The token stage (analyze.c) wants the three for the first occurrence of
 * every word of every article: a fold, a stem-cache probe (or Snowball)
 * and a stop-word probe, each hashing the word again.  Most of those words
 * were seen in earlier articles of the stream ("the", "said", the names of
 * the day's stories), so one probe of a cache keyed by what the answers
 * depend on (the token's bytes, whether it is a word, the stemmer and the
 * stop-word list of the language) replaces all three.  The answers are
 * those of px_text_fold(), px_text_stem() and px_text_stopword(), computed
 * by them on a miss, so the cache changes none.
 *
 * Like the stem cache it holds at most CACHE_TOKENS tokens and starts over
 * when full, so its memory is bounded whatever the stream; tokens longer
 * than MAX_KEY bytes are not cached (bounded key copies on hostile input).
 */
#include <string.h>

#include "text/text_int.h"

#define CACHE_TOKENS 65536
#define MAX_KEY 64

/* A cached answer: the lengths and flag, then the folded form and the stem,
 * each NUL-terminated. */
typedef struct cached {
    size_t norm_len, stem_len;
    int stop;
    char s[];
} cached;

/* Computes the forms into t's scratch buffers and points *out at them. */
static void compute(px_context *ctx, const char *lang, int word, const char *s, size_t len,
                    px_text_forms *out)
{
    px_text *t = ctx->text;
    px_buf_reset(&t->form_fold);
    px_text_fold(ctx, s, len, &t->form_fold);
    out->norm = px_buf_str(&t->form_fold);
    out->norm_len = t->form_fold.len;
    out->stem = out->norm;
    out->stem_len = out->norm_len;
    out->stop = 0;
    if (!word) return;
    px_buf_reset(&t->form_stem);
    px_text_stem(ctx, lang, out->norm, out->norm_len, &t->form_stem);
    out->stem = px_buf_str(&t->form_stem);
    out->stem_len = t->form_stem.len;
    out->stop = px_text_stopword(lang, out->norm, out->norm_len);
}

/* The stemmer slot and stop-word list of lang, numbered from 1 (0: none),
 * kept for the last language asked: an article asks thousands of times. */
static void lang_ids(px_text *t, const char *lang, char ids[2])
{
    if (!lang) lang = "";
    if (!t->form_lang_ok || strncmp(t->form_lang, lang, sizeof t->form_lang) != 0) {
        strncpy(t->form_lang, lang, sizeof t->form_lang);
        t->form_ids[0] = (char)(px__stem_slot(lang) + 1);
        t->form_ids[1] = (char)(px__stopword_list(lang) + 1);
        t->form_lang_ok = strlen(lang) < sizeof t->form_lang; /* else not kept */
    }
    ids[0] = t->form_ids[0];
    ids[1] = t->form_ids[1];
}

void px_text_token_forms(px_context *ctx, const char *lang, int word, const char *s,
                         size_t len, px_text_forms *out)
{
    px_text *t = ctx->text;
    if (len > MAX_KEY) {
        compute(ctx, lang, word, s, len, out);
        return;
    }
    /* The key: what the answers depend on, then the bytes.  The stemmer
     * slot and the stop-word list are numbered from 1 (0: none). */
    char key[3 + MAX_KEY];
    key[0] = (char)(word != 0);
    key[1] = key[2] = 0;
    if (word) lang_ids(t, lang, key + 1);
    memcpy(key + 3, s, len);
    const cached *c = px_map_get(&t->forms, key, len + 3);
    if (!c) {
        compute(ctx, lang, word, s, len, out);
        if (t->forms.len >= CACHE_TOKENS) {
            px_map_free(&t->forms);
            px_arena_free(&t->form_arena);
        }
        cached *copy = px_arena_alloc(&t->form_arena,
                                      sizeof *copy + out->norm_len + out->stem_len + 2);
        copy->norm_len = out->norm_len;
        copy->stem_len = out->stem_len;
        copy->stop = out->stop;
        memcpy(copy->s, out->norm, out->norm_len + 1);
        memcpy(copy->s + out->norm_len + 1, out->stem, out->stem_len + 1);
        px_map_put(&t->forms, key, len + 3, copy);
        c = copy;
    }
    out->norm = c->s;
    out->norm_len = c->norm_len;
    out->stem = c->s + c->norm_len + 1;
    out->stem_len = c->stem_len;
    out->stop = c->stop;
}
