/*
 * text.c — plain text to article: the format of the seed articles.
 *
 *   Title on the first non-blank line
 *   (blank line)
 *   Paragraphs separated by blank lines.
 *
 * The title is the first non-blank line that is not page furniture: a
 * scraped page may begin with "Advertisement", which goes to removed.  A
 * text of that one line is a one-sentence article when the line ends a
 * sentence ("A storm hit the coast on Monday."): the line is its title and
 * its text; a line that ends no sentence is a title only.
 *
 * Inside a block (lines without a blank line between them) each line is its
 * own paragraph, because scraped news text puts a byline, a photo caption
 * and a credit on consecutive lines and they must stay apart to be cleaned.
 * The exception is a hard-wrapped block (mail, wire copy at 72 columns): when
 * every line but the last is 50 to 100 bytes long and some line does not end
 * a sentence, the lines are joined with spaces into one paragraph.
 */
#include <string.h>

#include "extract/extract.h"

typedef struct line {
    const char *s;
    size_t n;
} line;
typedef PX_VEC(line) lines;

static int ends_sentence(const line *l)
{
    if (!l->n) return 0;
    char c = l->s[l->n - 1];
    return c == '.' || c == '?' || c == '!' || c == '"' || c == ':' ||
           (l->n >= 3 && memcmp(l->s + l->n - 3, "\xe2\x80\x9d", 3) == 0); /* ” */
}

static int hard_wrapped(const lines *b)
{
    if (b->len < 2) return 0;
    int open = 0;
    for (size_t i = 0; i + 1 < b->len; i++) {
        if (b->items[i].n < 50 || b->items[i].n > 100) return 0;
        if (!ends_sentence(&b->items[i])) open = 1;
    }
    return open;
}

static void add_block(px_article *a, lines *b)
{
    if (!b->len) return;
    if (hard_wrapped(b)) {
        px_buf joined = {0};
        for (size_t i = 0; i < b->len; i++) {
            if (i) px_buf_putc(&joined, ' ');
            px_buf_append(&joined, b->items[i].s, b->items[i].n);
        }
        px_article_add_paragraph(a, joined.data, joined.len);
        px_buf_free(&joined);
    } else {
        for (size_t i = 0; i < b->len; i++) px_article_add_paragraph(a, b->items[i].s, b->items[i].n);
    }
    b->len = 0;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\f\v", s[i])) return 0;
    return 1;
}

px_status px_extract_text(px_article *a, const char *data, size_t len,
                          int first_line_title, const char *name, px_error *err)
{
    (void)name;
    (void)err;
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) data += 3, len -= 3; /* BOM */
    lines block = {0};
    int want_title = first_line_title && !a->title;
    line title = {0};
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - data) : len;
        line l = {data + i, end - i};
        if (l.n && l.s[l.n - 1] == '\r') l.n--;
        i = end + 1;
        if (is_blank(l.s, l.n)) {
            add_block(a, &block);
        } else if (want_title && px_is_furniture(l.s, l.n)) {
            px_article_add_removed(a, l.s, l.n);
        } else if (want_title) {
            a->title = px_article_str(a, l.s, l.n);
            title = l;
            want_title = 0;
        } else {
            px_vec_push(&block, l);
        }
    }
    add_block(a, &block);
    px_vec_free(&block);
    if (title.s && !a->paragraphs.len && ends_sentence(&title))
        px_article_add_paragraph(a, title.s, title.n);
    return PX_OK;
}
