/*
 * text.h — the text layer: Unicode, sentences, words, stems, stop words,
 * language.  Built on ICU (normalization, case folding, break iteration),
 * libstemmer (Snowball) and libexttextcat.
 *
 * All offsets are byte offsets into the UTF-8 input.  Functions append to
 * the vector or buffer they are given and never shrink it, so a caller can
 * collect the spans of many paragraphs in one vector.
 *
 * Inputs must be valid UTF-8 (readers check with px_utf8_check() first);
 * given invalid UTF-8 the functions still return, never read out of bounds,
 * but spans over the bad bytes are unspecified.
 */
#ifndef PX_TEXT_H
#define PX_TEXT_H

#include "base/base.h"

typedef struct px_span {
    size_t start, end; /* [start, end) in bytes */
} px_span;
typedef PX_VEC(px_span) px_spans;

typedef struct px_word {
    size_t start, end;
    px_token_kind kind;
} px_word;
typedef PX_VEC(px_word) px_words;

typedef struct px_text px_text; /* per-context text state; see context.c */

/* The context: one per thread.  Later layers add their per-thread state
 * here; each layer's part is created by px_context_new() in context.c. */
struct px_context {
    px_text *text;
};

/* ---- UTF-8 (utf8.c: no ICU) ---------------------------------------------- */

/*
 * Returns 1 when s[0..len) is valid UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF), else 0 with *bad (if not NULL) set to the offset
 * of the first invalid byte.
 */
int px_utf8_check(const char *s, size_t len, size_t *bad);

/* Decodes the code point at s[*i], advances *i past it.  Invalid bytes decode
 * to U+FFFD and advance by one.  Requires *i < len. */
unsigned px_utf8_next(const char *s, size_t len, size_t *i);

/* Writes the UTF-8 encoding of cp to out and returns its length (1-4);
 * a surrogate or a value past U+10FFFF is written as U+FFFD. */
size_t px_utf8_encode(unsigned cp, char out[4]);

/* Appends the UTF-8 encoding of cp to b (as px_utf8_encode()). */
void px_utf8_put(px_buf *b, unsigned cp);

/* 1 when cp, not ASCII, is white space to every layer: the Unicode spaces
 * (no-break, thin, ideographic, line and paragraph separators, NEL).
 * ASCII white space is the caller's to test (each has its own set), and
 * so are the other C1 controls: kept in an article's exact text, never
 * text in an HTML page. */
int px_unicode_space(unsigned cp);

/* 1 when cp is invisible and dropped from text: zero-width space, joiner
 * and non-joiner, word joiner, byte order mark, soft hyphen.  Kept, they
 * would split or join words at random in matching. */
int px_unicode_invisible(unsigned cp);

/* ---- text (ICU and friends) ---------------------------------------------- */

px_status px_text_new(px_text **out, px_error *err);
void px_text_free(px_text *t);

/*
 * Appends the sentence spans of s to out, trimmed of surrounding white space
 * (empty sentences are left out).  Does not split after an abbreviation or
 * initial: "Nov. 7", "Sen. Smith", "Mr.", "J. R. R. Tolkien", "U.S.
 * officials", nor inside a quotation that goes on ("... he said," she said;
 * "Why?" she asked); "U.S." and "D.C." end a sentence only before a typical
 * sentence start ("The", "He", "But").  A line break always ends one.
 * lang (ISO 639-1) may be NULL or "und" (English rules); sentences.c has
 * the rules.
 */
px_status px_text_sentences(px_context *ctx, const char *s, size_t len,
                            const char *lang, px_spans *out, px_error *err);

/* Appends the word and punctuation spans of s to out (white space is left
 * out); each has its kind.  "U.S.", "don't", "U.S.-led" and "2,000" are
 * single tokens. */
px_status px_text_words(px_context *ctx, const char *s, size_t len,
                        px_words *out, px_error *err);

/* Appends the NFC form of s to out. */
void px_text_nfc(px_context *ctx, const char *s, size_t len, px_buf *out);

/* Appends the NFC, full case-folded form of s to out ("Straße" -> "strasse"). */
void px_text_fold(px_context *ctx, const char *s, size_t len, px_buf *out);

/*
 * Appends the Snowball stem of the folded word w to out, for lang (ISO 639-1;
 * NULL or unsupported: the word itself).
 */
void px_text_stem(px_context *ctx, const char *lang, const char *w, size_t len,
                  px_buf *out);

/* 1 when the folded word w is a stop word of lang (ISO 639-1), else 0. */
int px_text_stopword(const char *lang, const char *w, size_t len);

/* A token's forms (px_text_token_forms()). */
typedef struct px_text_forms {
    const char *norm, *stem; /* NUL-terminated */
    size_t norm_len, stem_len;
    int stop;
} px_text_forms;

/*
 * The forms of the token s[0..len) into *out: norm as px_text_fold() gives
 * it; for a word (word != 0) also stem, px_text_stem() of norm for lang,
 * and stop, px_text_stopword() of norm for lang; for any other token stem
 * is norm and stop 0.  Answers come from a cache in the context (forms.c).
 * ctx must be a context made by px_context_new(); s is not NULL.
 * Ownership: the strings belong to ctx and stay valid until the next call
 * on ctx, so a caller keeping them copies them.  Never fails.
 */
void px_text_token_forms(px_context *ctx, const char *lang, int word, const char *s,
                         size_t len, px_text_forms *out);

/* The ISO 639-1 code of the language of s ("en", "de"), or "und" when the
 * text is too short or unclear.  The result is a static string. */
const char *px_text_language(px_context *ctx, const char *s, size_t len);

#endif
