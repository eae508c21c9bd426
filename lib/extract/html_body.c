/*
 * html_body.c — the article's blocks, collected from the element(s) that
 * hold it (html_main.c), with the boilerplate inside them pruned.
 *
 * Collecting is one iterative walk per container: text and inline
 * elements gather into a block; block elements (p, h2-h6, li, blockquote,
 * div, td...) end it, so each becomes a paragraph, and so does loose text
 * between blocks; two <br>s in a row end one too, a single <br> is a
 * space.  Scripts, styles, form controls and hidden elements give nothing.
 *
 * Inside the container, an element's text goes to the removed lines
 * instead of the body when:
 *
 *  - its tag is furniture (nav, aside, header, footer, figure, form) or
 *    its class, id or role names boilerplate or comments (html_hints.c),
 *    unless it is the article's lead (one or two paragraphs of prose
 *    named "teaser", "intro", "lead"...: px_html_is_lead());
 *    inline ones (<span class="sr-only">, <a class="share">) leave the
 *    paragraph around them whole;
 *  - it is a caption or credit, or a short byline, date or tag box (the
 *    fields of the page, not its text; html_meta.c reads them), though
 *    never a <p> of prose, whatever its class says;
 *  - Readability's conditional clean-up condemns it (a <div>, <section>,
 *    list, table or fieldset with fewer than 10 commas): a gallery (more
 *    images than half its paragraphs), a form (more fields than a third of
 *    its paragraphs), a box more than 20% link text (half, for one named as content; lists
 *    are allowed more, since a list of sources is text), or a box of
 *    embeds.  Prose has commas; furniture has links and pictures.
 *
 * When nothing is left once the blocks are judged (html_blocks.c), the
 * container was a wrong guess, and the whole <body> is collected instead.
 * When even that leaves nothing, the pruning was what went wrong: some
 * templates put the whole article inside a <header> (a teaser-like
 * layout), a <form> (a shop's product page) or a box whose class reads as
 * furniture.  Then, as Readability does when its first pass comes back
 * empty, the first choice is collected again with the pruning relaxed:
 * only navigation and reader comments are left out, and the block judge
 * still drops link lists and furniture lines.
 *
 * When the page's JSON-LD articleBody is much longer than what the markup
 * gave (a body the page renders with JavaScript, or cut by a paywall
 * overlay), its lines are the paragraphs instead.
 */
#include <string.h>

#include "extract/html.h"

#define META_MAX 300   /* bytes: a longer "meta" box is no byline */
/* A <p> with this much prose is text whatever its class says: a byline or
 * a tag box is a line, and style classes name the tag they style
 * ("tagStyle_z4kqwb"), not the part of the page. */
#define META_PROSE 120
#define CAPTION_MAX 500 /* bytes: a longer "gallery" box is a text with pictures */
#define LD_BODY_MIN 500

/* ---- conditional clean-up ------------------------------------------------ */

static int is_list(const html_elem *e)
{
    return px_html_is(e->node, "ul") || px_html_is(e->node, "ol") ||
           (e->text && e->list * 10 > e->text * 9);
}

static int cleaned_tag(const xmlNode *n)
{
    return px_html_is(n, "div") || px_html_is(n, "section") || px_html_is(n, "ul") ||
           px_html_is(n, "ol") || px_html_is(n, "table") || px_html_is(n, "fieldset") ||
           px_html_is(n, "dl");
}

/* 1 when Readability's conditional clean-up condemns element e, inside a
 * container with `good` bytes of prose.  Paragraphs are counted as prose
 * runs, not <p> tags, since many pages write paragraphs as <div>s; and an
 * element holding half the container's prose is the article's own wrapper,
 * whatever its pictures and links. */
static int condemned(const html_elem *e, size_t good)
{
    if (!cleaned_tag(e->node) || e->commas >= 10 || e->good * 2 >= good) return 0;
    int named = (e->hints & HN_CONTENT) != 0;
    int list = is_list(e);
    double ld = px_html_link_density(e);
    unsigned paras = e->paras > e->ps ? e->paras : e->ps;
    if (e->imgs > 1 && paras * 2 < e->imgs) return 1;
    if (e->inputs > paras / 3) return 1;
    if (!list && !named && ld > 0.2) return 1;
    if (named && ld > 0.5) return 1;
    if (list && ld > 0.6 && e->commas < 2) return 1;
    if ((e->embeds == 1 && e->text < 75) || e->embeds > 1) return 1;
    return 0;
}

/* 1 when the text of e, inside a container with `good` bytes of prose, is
 * not body text. */
static int pruned(const html_elem *e, size_t good)
{
    int wrapper = e->good * 2 >= good && e->good; /* holds half the prose: a misnamed wrapper */
    if (e->own & ~HB_ATTR) return 1;
    /* a lead named "teaser" or "intro" inside the article is its text;
     * the name is boilerplate's on cards elsewhere */
    if (e->own & HB_ATTR && !(wrapper && !(e->hints & HN_COMMENT)) &&
        !(px_html_is_lead(e) && !(e->hints & HN_COMMENT)))
        return 1;
    if (e->hints & HN_CAPTION && !(e->hints & HN_CONTENT) && e->text < CAPTION_MAX && !wrapper)
        return 1;
    if (e->hints & HN_META && !(e->hints & HN_CONTENT) && e->text < META_MAX &&
        e->kind != HK_HEADING && !(px_html_is(e->node, "p") && e->good >= META_PROSE))
        return 1;
    return condemned(e, good);
}

/* ---- collecting ---------------------------------------------------------- */


typedef struct collector {
    html_page *pg;
    xmlNode *top;       /* the container being walked: never itself pruned */
    size_t good;        /* its prose bytes */
    html_blocks *out;
    px_buf run;         /* raw text of the block being gathered */
    size_t weight;      /* its non-space bytes */
    size_t link;        /* of those, inside <a> */
    unsigned char kind; /* the kind of the element that owns it */
    int lis;            /* open <li> elements */
    int removed;        /* > 0: inside pruned elements */
    int links;          /* > 0: inside <a> */
    int brs;            /* <br>s since the last text */
    int lenient;        /* the last resort: prune only navigation and comments */
    PX_VEC(unsigned char) kinds; /* kinds of the open block elements */
    px_buf aside;       /* the text of an inline pruned element */
} collector;

/* 1 when the walk leaves out the text of e (see pruned(); the lenient
 * last resort leaves out only navigation and comments). */
static int prunes(const collector *c, const html_elem *e)
{
    if (c->lenient) return (e->own & HB_NAV) || (e->hints & HN_COMMENT);
    return pruned(e, c->good);
}

static size_t weight_of(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += !(*s == ' ' || (*s >= '\t' && *s <= '\r'));
    return n;
}

static void add_block(html_blocks *out, const char *s, size_t len, size_t weight, size_t link,
                      unsigned char kind, unsigned char li, unsigned char removed)
{
    html_block b = {px_xstrndup(s, len), len, weight, link, kind, removed, li};
    px_vec_push(out, b);
}

static void flush(collector *c)
{
    if (c->weight) {
        px_buf *out = &c->pg->scratch;
        px_buf_reset(out);
        px_html_squeeze(c->run.data, c->run.len, out);
        if (out->len)
            add_block(c->out, px_buf_str(out), out->len, c->weight, c->link, c->kind,
                      c->lis > 0, c->removed > 0);
    }
    px_buf_reset(&c->run);
    c->weight = c->link = 0;
    c->brs = 0;
}

static void remove_inline(collector *c, xmlNode *n)
{
    px_buf_reset(&c->aside);
    px_html_node_text(c->pg, n, &c->aside, (size_t)-1);
    px_buf *out = &c->pg->scratch;
    px_buf_reset(out);
    px_html_squeeze(px_buf_str(&c->aside), c->aside.len, out);
    if (out->len)
        add_block(c->out, px_buf_str(out), out->len, weight_of(px_buf_str(out)), 0, HK_INLINE, 0,
                  1);
}

/* The kind a block gets from the innermost open block element. */
static void set_kind(collector *c)
{
    c->kind = c->kinds.len ? c->kinds.items[c->kinds.len - 1] : HK_BLOCK;
}

static int collect_enter(void *ud, xmlNode *n)
{
    collector *c = ud;
    if (n->type == XML_TEXT_NODE && n->content) {
        size_t w = weight_of((const char *)n->content);
        px_buf_puts(&c->run, (const char *)n->content);
        c->weight += w;
        if (c->links) c->link += w;
        if (w) c->brs = 0;
        return 0;
    }
    html_elem *e = n->type == XML_ELEMENT_NODE ? px_html_elem(c->pg, n) : NULL;
    if (!e || e->kind == HK_DROP) return 0;
    int prune = n != c->top && prunes(c, e);
    if ((e->kind == HK_INLINE || e->kind == HK_LINK) && prune) {
        if (e->hints & (HN_BOILER | HN_COMMENT) || e->own) {
            remove_inline(c, n); /* <span class="sr-only">: out, the paragraph goes on */
            return 0;
        }
        prune = 0; /* an inline caption or date class inside a sentence: text */
    }
    switch (e->kind) {
    case HK_BR:
        if (++c->brs >= 2) flush(c);
        else px_buf_putc(&c->run, ' ');
        return 0;
    case HK_INLINE:
        return 1;
    case HK_LINK:
        c->links++;
        return 1;
    default:
        flush(c);
        px_vec_push(&c->kinds, e->kind);
        if (prune) c->removed++;
        if (px_html_is(n, "li")) c->lis++;
        set_kind(c);
        return 1;
    }
}

static void collect_leave(void *ud, xmlNode *n)
{
    collector *c = ud;
    html_elem *e = px_html_elem(c->pg, n);
    if (!e || e->kind == HK_INLINE) return;
    if (e->kind == HK_LINK) {
        c->links--;
        return;
    }
    flush(c);
    if (c->kinds.len) c->kinds.len--;
    if (n != c->top && prunes(c, e)) c->removed--;
    if (px_html_is(n, "li")) c->lis--;
    set_kind(c);
}

static void collect(html_page *pg, const html_nodes *containers, html_blocks *out, int lenient)
{
    collector c = {.pg = pg, .out = out, .lenient = lenient};
    for (size_t i = 0; i < containers->len; i++) {
        c.top = containers->items[i];
        c.good = px_html_elem(pg, c.top) ? px_html_elem(pg, c.top)->good : 0;
        c.kinds.len = 0;
        c.removed = c.lis = 0;
        set_kind(&c);
        px_html_walk(c.top, collect_enter, collect_leave, &c);
        flush(&c);
    }
    px_buf_free(&c.run);
    px_buf_free(&c.aside);
    px_vec_free(&c.kinds);
}

/* ---- JSON-LD articleBody -------------------------------------------------- */

static int looks_like_html(const char *s)
{
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
        int c = p[1] | 32;
        if (p[1] == '/' || p[1] == '!' || (c >= 'a' && c <= 'z' && p[2] && strchr(" >/", p[2])) ||
            !strncmp(p + 1, "br", 2) || !strncmp(p + 1, "div", 3) || !strncmp(p + 1, "span", 4))
            return 1;
    }
    return 0;
}

static size_t kept_weight(const html_blocks *b)
{
    size_t w = 0;
    for (size_t i = 0; i < b->len; i++)
        if (!b->items[i].removed) w += b->items[i].weight;
    return w;
}

/* Replaces the blocks with the articleBody's lines when it is plain text
 * and much longer than what the markup gave. */
static void maybe_ld_body(html_page *pg, html_blocks *blocks)
{
    const char *body = px_html_ld_string(&pg->ld, "articleBody");
    if (!body || strlen(body) <= LD_BODY_MIN) return;
    px_buf decoded = {0};
    px_html_decode_entities(body, strlen(body), &decoded);
    const char *s = px_buf_str(&decoded);
    if (looks_like_html(s) || weight_of(s) <= 2 * kept_weight(blocks)) {
        px_buf_free(&decoded);
        return;
    }
    for (size_t i = 0; i < blocks->len; i++) blocks->items[i].removed = 1;
    while (*s) {
        size_t n = strcspn(s, "\n");
        px_buf_reset(&pg->scratch);
        px_html_squeeze(s, n, &pg->scratch);
        if (pg->scratch.len)
            add_block(blocks, px_buf_str(&pg->scratch), pg->scratch.len,
                      weight_of(px_buf_str(&pg->scratch)), 0, HK_PARA, 0, 0);
        s += n + (s[n] == '\n');
    }
    px_buf_free(&decoded);
}

void px_html_body(html_page *pg)
{
    html_nodes containers = {0};
    html_blocks blocks = {0};
    px_html_main(pg, &containers);
    collect(pg, &containers, &blocks, 0);
    maybe_ld_body(pg, &blocks);
    xmlNode *whole = pg->body ? pg->body : pg->root;
    size_t kept = px_html_judge_blocks(pg, &blocks);
    html_nodes first = {0};
    for (size_t i = 0; i < containers.len; i++) px_vec_push(&first, containers.items[i]);
    if (!kept && whole && !(containers.len == 1 && containers.items[0] == whole)) {
        /* Nothing left: the choice was wrong (a page of forum posts, a
         * form); the whole page, pruned the same way, is the answer. */
        px_html_free_blocks(&blocks);
        containers.len = 0;
        px_vec_push(&containers, whole);
        collect(pg, &containers, &blocks, 0);
        kept = px_html_judge_blocks(pg, &blocks);
    }
    if (!kept && first.len) { /* still nothing: the pruning was wrong */
        px_html_free_blocks(&blocks);
        collect(pg, &first, &blocks, 1);
        px_html_judge_blocks(pg, &blocks);
    }
    px_vec_free(&first);
    px_html_emit_blocks(pg, &blocks);
    px_vec_free(&containers);
}
