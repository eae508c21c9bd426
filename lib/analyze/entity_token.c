/*
 * entity_token.c — tokens seen as words of names: capitals, acronyms,
 * possessives, folded keys.
 *
 * The tokens (analyze.c) hold spans and folded forms; a name needs a little
 * more: whether the word is capitalised (its first code point changes when
 * folded), its text without a possessive "'s" ("Obama’s") or a lower-case
 * suffix after a hyphen ("U.S.-led" is "U.S."), and keys of several words.
 */
#include <string.h>

#include "analyze/entity.h"

const char *px_ent_token_text(const px_ent_work *w, size_t t, size_t *len)
{
    const px_token *tok = &w->an->tokens.items[t];
    *len = tok->end - tok->start;
    return w->a->sentences.items[tok->sentence].text + tok->start;
}

int px_ent_tok_is(const px_ent_work *w, size_t t, const char *s)
{
    size_t n;
    const char *x = px_ent_token_text(w, t, &n);
    return n == strlen(s) && memcmp(x, s, n) == 0;
}

static int upper_ascii(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int lower_ascii(unsigned char c) { return c >= 'a' && c <= 'z'; }

int px_ent_is_cap(const px_ent_work *w, size_t t)
{
    const px_token *tok = &w->an->tokens.items[t];
    if (tok->kind != PX_TOKEN_WORD) return 0;
    size_t n;
    const char *s = px_ent_token_text(w, t, &n);
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) return upper_ascii(c);
    /* Non-ASCII: capital when folding changed the first code point. */
    size_t i = 0, j = 0, nn = strlen(tok->norm);
    unsigned a = px_utf8_next(s, n, &i), b = nn ? px_utf8_next(tok->norm, nn, &j) : 0;
    return a != b && a != 0xDF; /* "ß" folds to "ss" but is lower case */
}

int px_ent_is_acronym(const char *s, size_t n)
{
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (upper_ascii(c)) caps++;
        else if (c != '.' && c != '&') return 0;
    }
    return caps >= 2;
}

/* Length of s without a trailing "'s" or "’s" (0 when there is none). */
static size_t strip_possessive(const char *s, size_t n)
{
    if (n > 2 && (s[n - 1] == 's' || s[n - 1] == 'S') && s[n - 2] == '\'') return n - 2;
    if (n > 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xe2\x80\x99", 3) == 0) return n - 4;
    return 0;
}

/* Length of s up to a last hyphen followed by a lower-case letter. */
static size_t strip_suffix(const char *s, size_t n)
{
    for (size_t i = n; i > 1; i--)
        if (s[i - 1] == '-' && i < n && lower_ascii((unsigned char)s[i])) return i - 1;
    return 0;
}

px_ent_word px_ent_word_at(const px_ent_work *w, size_t t)
{
    px_ent_word r = {0};
    r.text = px_ent_token_text(w, t, &r.len);
    size_t p = strip_possessive(r.text, r.len);
    if (p) {
        r.len = p;
        r.possessive = 1;
    }
    size_t c = strip_suffix(r.text, r.len);
    if (c) {
        r.len = c;
        r.cut = 1;
    }
    return r;
}

const char *px_ent_key(px_ent_work *w, size_t from, size_t to)
{
    px_buf_reset(&w->buf);
    for (size_t t = from; t < to; t++) {
        px_ent_word x = px_ent_word_at(w, t);
        if (t > from) px_buf_putc(&w->buf, ' ');
        px_text_fold(w->ctx, x.text, x.len, &w->buf);
    }
    return px_buf_str(&w->buf);
}

unsigned px_ent_classes(px_ent_work *w, size_t from, size_t to)
{
    if (to == from + 1 && w->classes[from] != PX_ENT_UNKNOWN) return w->classes[from];
    const char *k = px_ent_key(w, from, to);
    unsigned c = px_gz_lookup(k, w->buf.len);
    if (to == from + 1) w->classes[from] = c;
    return c;
}

size_t px_ent_add_mention(px_ent_work *w, size_t from, size_t to, px_mention_kind kind)
{
    const px_token *first = &w->an->tokens.items[from], *last = &w->an->tokens.items[to - 1];
    px_ent_word lw = px_ent_word_at(w, to - 1);
    px_ent_mention m = {
        .sentence = first->sentence, .start = first->start,
        .end = last->start + lw.len, .tok = from, .kind = kind, .type = -1,
        .words = (int)(to - from), .possessive = lw.possessive, .quoted = w->quoted[from],
        .alias = -1, .entity = -1,
    };
    const char *text = w->a->sentences.items[m.sentence].text;
    m.text = px_analysis_intern(w->an, text + m.start, m.end - m.start);
    const char *k = px_ent_key(w, from, to);
    m.key = px_analysis_intern(w->an, k, w->buf.len);
    m.acronym = px_ent_is_acronym(m.text, m.end - m.start);
    m.alias = px_alias_group(m.text, m.end - m.start, m.key, strlen(m.key));
    px_vec_push(&w->mentions, m);
    return w->mentions.len - 1;
}

int px_ent_shouting(const char *s)
{
    int run = 0, longest = 0;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z') return 0;
        run = *s >= 'A' && *s <= 'Z' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    return longest >= 6;
}

const char *px_ent_title_case(px_ent_work *w, const char *s)
{
    px_buf_reset(&w->buf);
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        int first = i == 0 || s[i - 1] == ' ' || s[i - 1] == '-';
        if (!first && c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        px_buf_putc(&w->buf, c);
    }
    return px_analysis_intern(w->an, px_buf_str(&w->buf), w->buf.len);
}
