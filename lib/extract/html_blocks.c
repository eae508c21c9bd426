/*
 * html_blocks.c — the collected blocks, judged one by one before they
 * become the article's paragraphs.
 *
 * The container choice (html_main.c) and the pruning inside it
 * (html_body.c) work on elements; some furniture only shows as text:
 *
 *  - the headline: the page's first <h1>, or a block that repeats the
 *    title, is a field and not the body;
 *  - a short block that is almost all link text ("Read more: ...", a
 *    related headline) is a link, not a paragraph.
 *
 * Removed blocks are not lost: they become the article's removed lines.
 */
#include <string.h>

#include "extract/html.h"

#define LINK_BLOCK_MAX 150 /* longest link-only block treated as a link */

static int is_link_block(const html_block *b)
{
    return b->link * 10 >= b->weight * 9 && b->weight <= LINK_BLOCK_MAX;
}

void px_html_emit_blocks(html_page *pg, html_blocks *blocks)
{
    int headline_seen = 0;
    for (size_t i = 0; i < blocks->len; i++) {
        html_block *b = &blocks->items[i];
        if (b->kind == HK_H1 && !headline_seen) headline_seen = 1, b->removed = 1;
        if (pg->a->title && !strcmp(b->text, pg->a->title)) b->removed = 1;
        if (is_link_block(b)) b->removed = 1;
    }
    for (size_t i = 0; i < blocks->len; i++) {
        html_block *b = &blocks->items[i];
        if (b->removed) px_article_add_removed(pg->a, b->text, b->len);
        else px_article_add_paragraph(pg->a, b->text, b->len);
        free(b->text);
    }
    px_vec_free(blocks);
}
