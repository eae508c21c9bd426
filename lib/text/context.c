/*
 * context.c — the text layer's per-thread state (px_text), which
 * lib/core/context.c puts in every px_context.
 *
 * Every piece of mutable state a text call needs (ICU break iterators, the
 * case mapper, Snowball stemmers, the textcat handle, scratch buffers)
 * lives here, and a context is used by one thread at a time, so the text
 * layer needs no locks.
 *
 * What is expensive to make is made once, in px_text_new(): the word and
 * English sentence iterators (ICU loads and compiles rules), and the textcat
 * profiles (~160 files, ~20 ms).  Each call then only points an iterator at
 * new text with ubrk_setUText(), which costs nothing.  Stemmers and the
 * sentence iterators of other languages are made on first use, since most
 * runs see one or two languages.
 *
 * The library never calls u_cleanup(): the process may hold other ICU users.
 */
#include <stdlib.h>
#include <string.h>

#include <libexttextcat/textcat.h>
#include <libstemmer.h>

#include "text/text_int.h"

void px__text_reserve(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return;
    size_t n = *cap ? *cap : 64;
    while (n < need) n *= 2;
    *p = px_xrealloc(*p, n * elem);
    *cap = n;
}

static px_status icu_fail(px_text *t, px_error *err, const char *what, UErrorCode st)
{
    px_text_free(t);
    return px_error_set(err, PX_EDEP, NULL, 0, 0, "ICU: cannot open %s: %s", what,
                        u_errorName(st));
}

px_status px_text_new(px_text **out, px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, NULL, 0, 0, "px_text_new: out is NULL");
    *out = NULL;
    px_text *t = px_xcalloc(1, sizeof *t);
    UErrorCode st = U_ZERO_ERROR;

    t->word = ubrk_open(UBRK_WORD, "en", NULL, 0, &st);
    if (U_FAILURE(st)) return icu_fail(t, err, "the word break iterator", st);

    /* "ss=standard" asks ICU to suppress breaks after the abbreviations of
     * its own list ("Mr.", "U.S."); sentences.c adds ours on top.  An ICU
     * built without that data falls back to the plain rules. */
    st = U_ZERO_ERROR;
    t->sent[0].bi = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &st);
    if (U_FAILURE(st)) {
        st = U_ZERO_ERROR;
        t->sent[0].bi = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &st);
    }
    if (U_FAILURE(st)) return icu_fail(t, err, "the sentence break iterator", st);
    memcpy(t->sent[0].lang, "en", 3);
    t->nsent = 1;

    st = U_ZERO_ERROR;
    t->nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st)) return icu_fail(t, err, "the NFC normalizer", st);

    st = U_ZERO_ERROR;
    t->casemap = ucasemap_open("", U_FOLD_CASE_DEFAULT, &st);
    if (U_FAILURE(st)) return icu_fail(t, err, "the case mapper", st);

    t->textcat = special_textcat_Init(PX_TEXTCAT_CONF, PX_TEXTCAT_DIR);
    if (!t->textcat) {
        px_text_free(t);
        return px_error_set(err, PX_EDEP, PX_TEXTCAT_CONF, 0, 0,
                            "cannot load the language profiles (is libexttextcat-data "
                            "installed?)");
    }
    t->textcat_out = textcat_GetClassifyFullOutput(t->textcat);
    *out = t;
    return PX_OK;
}

void px_text_free(px_text *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->nsent; i++) ubrk_close(t->sent[i].bi);
    if (t->word) ubrk_close(t->word);
    if (t->casemap) ucasemap_close(t->casemap);
    for (size_t i = 0; i < PX_STEMMERS; i++) sb_stemmer_delete(t->stemmer[i]);
    if (t->textcat) {
        textcat_ReleaseClassifyFullOutput(t->textcat, t->textcat_out);
        textcat_Done(t->textcat);
    }
    px_map_free(&t->stems);
    px_arena_free(&t->stem_arena);
    px_map_free(&t->forms);
    px_arena_free(&t->form_arena);
    px_buf_free(&t->form_fold);
    px_buf_free(&t->form_stem);
    px_vec_free(&t->bounds);
    px_vec_free(&t->raw);
    free(t->su);
    free(t->sat);
    free(t->cls);
    free(t->cpat);
    free(t->u1);
    free(t->u2);
    free(t->c1);
    free(t->c2);
    free(t);
}
