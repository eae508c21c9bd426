/*
 * text_int.h — what the files of lib/text share and nobody else sees.
 *
 * The text layer keeps all of its state in one struct px_text, made by
 * px_text_new() (context.c) and hung off the px_context.  There is no global
 * mutable state anywhere in lib/text: ICU iterators, the case mapper,
 * stemmers, the textcat handle and the scratch buffers all live here, so two
 * threads with two contexts never share anything but ICU's own immutable
 * data.  Scratch buffers are reused from call to call: the hot paths
 * (sentences, words, fold) do not allocate once they have warmed up.
 */
#ifndef PX_TEXT_INT_H
#define PX_TEXT_INT_H

#include <unicode/ubrk.h>
#include <unicode/ucasemap.h>
#include <unicode/unorm2.h>
#include <unicode/utext.h>

#include "text/text.h"

/* Where the libexttextcat profiles are; a packager may pass -D to move it. */
#ifndef PX_TEXTCAT_DIR
#define PX_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif
#define PX_TEXTCAT_CONF PX_TEXTCAT_DIR "fpdb.conf"

/* Sentence iterators kept per language (the first is always English). */
#define PX_SENT_ITERS 8

/* The Snowball algorithms libstemmer ships (see stem.c). */
#define PX_STEMMERS 28

typedef PX_VEC(size_t) px_offsets;

struct px_text {
    /* Sentence iterators: [0] is "en@ss=standard"; others (plain rules,
     * see px__text_sentence_iter) are made on demand. */
    struct {
        char lang[4];
        UBreakIterator *bi;
    } sent[PX_SENT_ITERS];
    size_t nsent;
    UBreakIterator *word;        /* UBRK_WORD, root rules */
    const UNormalizer2 *nfc;     /* owned by ICU, never freed */
    UCaseMap *casemap;           /* full case folding over UTF-8 */
    struct sb_stemmer *stemmer[PX_STEMMERS]; /* made on first use */
    void *textcat;               /* libexttextcat handle */
    void *textcat_out;           /* its candidate_t array (language.c) */
    px_map stems;                /* stemmer slot + word -> its stem in stem_arena (stem.c) */
    px_arena stem_arena;
    px_map forms;                /* kind, stemmer, list + token -> its forms in form_arena (forms.c) */
    px_arena form_arena;
    px_buf form_fold, form_stem; /* forms of a token being computed (forms.c) */
    char form_lang[16];          /* the last language px_text_token_forms() saw, */
    char form_ids[2];            /* its stemmer slot and stop-word list + 1, */
    int form_lang_ok;            /* and whether they are set (forms.c) */

    /* Scratch, reused between calls. */
    px_offsets bounds;           /* ICU boundaries (sentences.c) */
    UChar *su;                   /* the text in UTF-16 for the sentence iterator (sentences.c) */
    size_t *sat, sucap, satcap;  /* byte offset of each UTF-16 unit of su (sentences.c) */
    px_words raw;                /* ICU word segments (words.c) */
    unsigned char *cls;          /* word break class per code point (words.c) */
    size_t *cpat, clscap, cpatcap; /* where each code point starts */
    int icu_words_only;          /* 1: never the plain scan (the unit test's reference) */
    signed char none_ascii[2][128]; /* none_kind() of ASCII segments, one / more code points */
    int none_ascii_ready;        /* none_ascii filled (words.c) */
    UChar *u1, *u2;              /* UTF-16 for normalization (normalize.c) */
    size_t u1cap, u2cap;         /* in UChars */
    char *c1, *c2;               /* UTF-8 scratch (normalize.c, language.c) */
    size_t c1cap, c2cap;
};

/* Grows *p (of *cap elements of size elem) to hold at least need elements. */
void px__text_reserve(void **p, size_t *cap, size_t need, size_t elem);

/* The sentence iterator for lang (NULL: English), made on first use. */
UBreakIterator *px__text_sentence_iter(px_text *t, const char *lang);

/* ---- abbreviations and sentence starters (abbrev.c) -------------------- */

typedef enum px_abbrev_kind {
    PX_ABBR_NONE = 0, /* not an abbreviation we know */
    PX_ABBR_TITLE,    /* "Mr", "Sen": a name always follows */
    PX_ABBR_MONTH,    /* "Nov", "Sept": a day or year follows */
    PX_ABBR_JOIN,     /* "vs", "e.g": something always follows */
    PX_ABBR_NUMBERED, /* "No", "Vol": only an abbreviation before a number */
    PX_ABBR_ENDING    /* "U.S", "Inc", "Jr", "etc": may end a sentence */
} px_abbrev_kind;

/* The kind of the abbreviation w (ASCII letters and dots, without the final
 * dot), matched without regard to case. */
px_abbrev_kind px__abbrev_kind(const char *w, size_t len);

/* 1 when the ASCII word w (letters only) usually starts a sentence ("The",
 * "He", "But"), so a capitalised w after "U.S." begins a new one. */
int px__sentence_starter(const char *w, size_t len);

/* The stemmer slot px_text_stem() uses for lang ("en", "en-GB"), or -1. */
int px__stem_slot(const char *lang);

/* ---- stop words (stopwords.c) ------------------------------------------ */

/* 1 when every stop word list is strictly sorted (bytewise) and folded:
 * the lists stay easy to review, and nothing is listed twice. */
int px__stopwords_sorted(void);

/* The languages whose lists hold the folded word w, as a bit set: bit i
 * for the language px__stopword_list() numbers i.  One hash probe. */
unsigned px__stopword_langs(const char *w, size_t len);
/* The bit of lang ("en", "en-GB") in px__stopword_langs(), or -1. */
int px__stopword_list(const char *lang);

/* px_text_language()'s two deciders apart, for the benchmark that measures
 * how often the cheap one agrees with the full one and for tests.
 * _textcat: textcat's decision alone (the static ISO code, or "und").
 * _vote: the stop-word vote alone: the static code of the language whose
 * function words clearly dominate, or NULL when it is not clear-cut (then
 * px_text_language() asks textcat).  Neither allocates; errors: none. */
const char *px__text_language_textcat(px_context *ctx, const char *s, size_t len);
const char *px__text_language_vote(const char *s, size_t len);

#endif
