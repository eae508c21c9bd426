/*
 * html_jsonld.c — schema.org JSON-LD: the page's own account of the article.
 *
 * News sites publish <script type="application/ld+json"> for search engines,
 * and it is the most reliable metadata on a page: a typed headline,
 * datePublished in ISO 8601, authors as names, the publisher, and sometimes
 * the whole articleBody.  This file finds the article object and reads it.
 *
 * Where it hides: the script holds an object, an array of objects, or an
 * object with "@graph" (Yoast and friends), and the article may be the
 * "mainEntity" of a WebPage.  "@type" is a string or an array, and may be
 * prefixed ("schema:NewsArticle").  Any type ending in "Article" or
 * "BlogPosting" counts (NewsArticle, ReportageNewsArticle, BlogPosting...).
 * Authors and publishers may be strings, objects, arrays, or bare
 * {"@id": ...} references to another node of the graph, resolved through a
 * map of every "@id" seen.  When several article objects exist, the one
 * with the longest articleBody wins, else the first.
 *
 * Real scripts are not always JSON: raw newlines inside strings (common in
 * articleBody), an HTML comment or CDATA wrapper, a trailing ";".  Those are
 * repaired before giving up on a script.  The search is bounded (a few
 * levels), never a recursion over whatever depth the page sends.
 */
#include <string.h>

#include "extract/html.h"

#define LD_MAX_LEVEL 4    /* array / @graph / mainEntity levels searched */
#define LD_MAX_ITEMS 1000 /* items of one array looked at */

/* ---- reading the scripts ------------------------------------------------- */

static void script_text(const xmlNode *n, px_buf *out)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            px_buf_puts(out, (const char *)c->content);
}

/* Skips white space and a leading "<!--", "<![CDATA[" or "//<![CDATA[". */
static const char *skip_wrapper(const char *s)
{
    static const char *const wrappers[] = {"<!--", "//<![CDATA[", "<![CDATA[", NULL};
    for (int again = 1; again;) {
        again = 0;
        while (*s && strchr(" \t\r\n", *s)) s++;
        for (const char *const *w = wrappers; *w; w++)
            if (!strncmp(s, *w, strlen(*w))) s += strlen(*w), again = 1;
    }
    return s;
}

/* Copies s with raw control characters inside strings escaped. */
static void escape_controls(const char *s, px_buf *out)
{
    int in_string = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (in_string && c < 0x20) {
            px_buf_puts(out, c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : " ");
            continue;
        }
        if (c == '"') in_string = !in_string;
        else if (c == '\\' && in_string && s[1]) px_buf_putc(out, *s++);
        px_buf_putc(out, *s);
    }
}

static json_t *parse_script(const xmlNode *n, px_buf *tmp)
{
    json_error_t jerr;
    px_buf_reset(tmp);
    script_text(n, tmp);
    const char *s = skip_wrapper(px_buf_str(tmp));
    json_t *v = json_loads(s, JSON_DISABLE_EOF_CHECK, &jerr);
    if (v) return v;
    px_buf fixed = {0};
    escape_controls(s, &fixed);
    v = json_loads(px_buf_str(&fixed), JSON_DISABLE_EOF_CHECK, &jerr);
    px_buf_free(&fixed);
    return v;
}

/* ---- finding the article ------------------------------------------------- */

static int is_article_type_name(const char *t)
{
    const char *tail = t;
    for (const char *p = t; *p; p++)
        if (*p == '/' || *p == ':' || *p == '#') tail = p + 1;
    size_t n = strlen(tail);
    return (n >= 7 && !strcmp(tail + n - 7, "Article")) ||
           (n >= 11 && !strcmp(tail + n - 11, "BlogPosting"));
}

static int is_article(const json_t *obj)
{
    const json_t *type = json_object_get(obj, "@type");
    if (json_is_string(type)) return is_article_type_name(json_string_value(type));
    size_t i;
    const json_t *t;
    json_array_foreach(type, i, t)
        if (json_is_string(t) && is_article_type_name(json_string_value(t))) return 1;
    return 0;
}

typedef PX_VEC(json_t *) json_list;

static void visit(html_ld *ld, json_t *v, int level, json_list *found)
{
    if (level > LD_MAX_LEVEL) return;
    if (json_is_array(v)) {
        size_t n = json_array_size(v);
        for (size_t i = 0; i < n && i < LD_MAX_ITEMS; i++)
            visit(ld, json_array_get(v, i), level + 1, found);
        return;
    }
    if (!json_is_object(v)) return;
    const char *id = json_string_value(json_object_get(v, "@id"));
    if (id && !px_map_get(&ld->ids, id, strlen(id)) && json_object_size(v) > 1)
        px_map_put(&ld->ids, id, strlen(id), v);
    if (is_article(v)) px_vec_push(found, v);
    const char *published = json_string_value(json_object_get(v, "datePublished"));
    if (published && !ld->any_published) ld->any_published = published;
    visit(ld, json_object_get(v, "@graph"), level + 1, found);
    json_t *main = json_object_get(v, "mainEntity");
    if (json_is_object(main) || json_is_array(main)) visit(ld, main, level + 1, found);
}

static size_t body_len(const json_t *obj)
{
    const json_t *b = json_object_get(obj, "articleBody");
    return json_is_string(b) ? json_string_length(b) : 0;
}

static json_t *choose_article(const json_list *found)
{
    json_t *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < found->len; i++) {
        size_t n = body_len(found->items[i]);
        if (!best || n > best_len) best = found->items[i], best_len = n;
    }
    return best;
}

void px_html_ld_load(html_page *pg)
{
    html_ld *ld = &pg->ld;
    json_list found = {0};
    for (size_t i = 0; i < pg->jsonld.len; i++) {
        json_t *root = parse_script(pg->jsonld.items[i], &pg->scratch);
        if (!root) continue;
        px_vec_push(&ld->roots, root);
        visit(ld, root, 0, &found);
    }
    ld->article = choose_article(&found);
    px_vec_free(&found);
}

void px_html_ld_free(html_ld *ld)
{
    for (size_t i = 0; i < ld->roots.len; i++) json_decref(ld->roots.items[i]);
    px_vec_free(&ld->roots);
    px_map_free(&ld->ids);
    ld->article = NULL;
}

/* ---- reading the article ------------------------------------------------- */

/* v itself, or the graph node a bare {"@id": ...} reference points to. */
static const json_t *resolve(const html_ld *ld, const json_t *v)
{
    if (!json_is_object(v) || json_object_get(v, "name")) return v;
    const char *id = json_string_value(json_object_get(v, "@id"));
    const json_t *target = id ? px_map_get(&ld->ids, id, strlen(id)) : NULL;
    return target ? target : v;
}

/* The name of a person or organisation given as a string or an object. */
static const char *name_of(const html_ld *ld, const json_t *v)
{
    if (json_is_string(v)) return json_string_value(v);
    return json_string_value(json_object_get(resolve(ld, v), "name"));
}

const char *px_html_ld_string(const html_ld *ld, const char *key)
{
    return ld->article ? json_string_value(json_object_get(ld->article, key)) : NULL;
}

void px_html_ld_authors(const html_ld *ld, void (*fn)(const char *name, void *ud), void *ud)
{
    const json_t *author = ld->article ? json_object_get(ld->article, "author") : NULL;
    if (!author) author = ld->article ? json_object_get(ld->article, "creator") : NULL;
    size_t n = json_is_array(author) ? json_array_size(author) : author ? 1 : 0;
    for (size_t i = 0; i < n && i < LD_MAX_ITEMS; i++) {
        const json_t *one = json_is_array(author) ? json_array_get(author, i) : author;
        const char *name = name_of(ld, one);
        if (name && *name) fn(name, ud);
    }
}

const char *px_html_ld_publisher(const html_ld *ld)
{
    const json_t *p = ld->article ? json_object_get(ld->article, "publisher") : NULL;
    if (json_is_array(p)) p = json_array_get(p, 0);
    return p ? name_of(ld, p) : NULL;
}

const char *px_html_ld_url(const html_ld *ld)
{
    const char *url = px_html_ld_string(ld, "url");
    if (url) return url;
    const json_t *page = ld->article ? json_object_get(ld->article, "mainEntityOfPage") : NULL;
    if (json_is_string(page)) return json_string_value(page);
    return json_string_value(json_object_get(page, "@id"));
}

const char *px_html_ld_language(const html_ld *ld)
{
    const json_t *lang = ld->article ? json_object_get(ld->article, "inLanguage") : NULL;
    if (json_is_string(lang)) return json_string_value(lang);
    const char *alt = json_string_value(json_object_get(lang, "alternateName"));
    return alt ? alt : json_string_value(json_object_get(lang, "name"));
}

/* ---- character references ------------------------------------------------ */

static const struct named_ref {
    const char *name;
    unsigned cp;
} named_refs[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},    {"hellip", 0x2026}, {"mdash", 0x2014},
    {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"eacute", 0xE9},  {"copy", 0xA9},
};

/* Decodes the reference at s[0..n) (s[0] == '&'); returns its length, 0
 * when it is not one. */
static size_t decode_ref(const char *s, size_t n, px_buf *out)
{
    size_t end = 1;
    while (end < n && end < 12 && s[end] != ';') end++;
    if (end >= n || s[end] != ';') return 0;
    if (s[1] == '#') {
        int hex = end > 2 && (s[2] == 'x' || s[2] == 'X');
        unsigned long cp = 0;
        size_t i = hex ? 3 : 2;
        if (i == end) return 0;
        for (; i < end; i++) {
            int c = (unsigned char)s[i], d = c >= '0' && c <= '9' ? c - '0'
                                              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                                              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0 || cp > 0x10FFFF) return 0;
            cp = cp * (hex ? 16 : 10) + (unsigned long)d;
        }
        px_utf8_put(out, cp && cp <= 0x10FFFF ? (unsigned)cp : 0xFFFD);
        return end + 1;
    }
    for (size_t k = 0; k < sizeof named_refs / sizeof *named_refs; k++)
        if (strlen(named_refs[k].name) == end - 1 && !memcmp(s + 1, named_refs[k].name, end - 1)) {
            px_utf8_put(out, named_refs[k].cp);
            return end + 1;
        }
    return 0;
}

void px_html_decode_entities(const char *s, size_t n, px_buf *out)
{
    size_t i = 0;
    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        size_t stop = amp ? (size_t)(amp - s) : n;
        px_buf_append(out, s + i, stop - i);
        i = stop;
        if (i >= n) break;
        size_t used = decode_ref(s + i, n - i, out);
        if (!used) px_buf_putc(out, '&'), used = 1;
        i += used;
    }
}
