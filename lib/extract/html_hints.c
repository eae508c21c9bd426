/*
 * html_hints.c — what an element's class, id and role say it is.
 *
 * Pages name their parts for their own style sheets, and those names are
 * the cheapest signal there is: "share-bar", "related-posts", "comments",
 * "newsletter-signup", "wp-caption", "byline", "entry-content".  Each
 * class or id token is cut into segments (at - _ : . and at camelCase
 * humps: "relatedPosts" is "related" + "posts"), and each segment is
 * looked up in the word lists below.  The lists name kinds of page parts,
 * in the words CMSs and templates use for them; none names a site.
 *
 * The verdicts, as HN_* bits (html.h):
 *
 *   HN_BOILER   furniture around the article: share bars, related links,
 *               newsletter boxes, ads, cookie banners, sidebars, menus,
 *               paywall prompts, pagination, screen-reader-only text
 *   HN_COMMENT  reader comments (their prose must never win the body)
 *   HN_CAPTION  captions and photo credits, galleries
 *   HN_META     bylines, datelines, dates, tags: fields, not body text
 *   HN_CONTENT  "article", "content", "story", "entry", "body", "post"...
 *   HN_WEAK     boilerplate only if the element looks it ("widget": page
 *               builders wrap every block of the text in one)
 *   HN_DATED    a date is likely inside ("post-date", "entry-meta",
 *               itemprop=datePublished or uploadDate): not a verdict, a
 *               place to look
 *
 * Names lie both ways, so the verdicts are weighed by their users, never
 * trusted blindly: a token that is both ("article-share", "post-tags") is
 * the boilerplate kind, since the content word only says whose share bar
 * it is; but an element with one content token and another boilerplate
 * token ("entry-content has-share-buttons") is content.  State modifiers
 * ("has-sidebar", "no-comments", "with-ads", "is-sticky") describe the
 * page, not the element, and are skipped.  html_dom.c further voids a
 * boilerplate verdict on an element that holds most of the page's prose.
 */
#include <stdint.h>
#include <string.h>

#include "extract/html.h"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

typedef struct word_kind {
    const char *word;
    unsigned char len;
    unsigned char hint; /* HN_* */
    unsigned char prefix; /* 1: the segment may go on ("share" matches "shares") */
} word_kind;

/* Segment words.  prefix 1 matches segments that start with the word. */
static const word_kind words[] = {
    /* furniture */
    {"share", 5, HN_BOILER, 1},       {"sharing", 7, HN_BOILER, 1},     {"social", 6, HN_BOILER, 1},
    {"related", 7, HN_BOILER, 1},     {"newsletter", 10, HN_BOILER, 1},  {"advert", 6, HN_BOILER, 1},
    {"promo", 5, HN_BOILER, 1},       {"subscri", 7, HN_BOILER, 1},     {"cookie", 6, HN_BOILER, 1},
    {"consent", 7, HN_BOILER, 1},     {"sponsor", 7, HN_BOILER, 1},     {"outbrain", 8, HN_BOILER, 1},
    {"taboola", 7, HN_BOILER, 1},     {"breadcrumb", 10, HN_BOILER, 1},  {"sidebar", 7, HN_BOILER, 1},
    {"footer", 6, HN_BOILER, 1},      {"navbar", 6, HN_BOILER, 1},      {"navigation", 10, HN_BOILER, 1},
    {"popup", 5, HN_BOILER, 1},       {"modal", 5, HN_BOILER, 1},       {"recirc", 6, HN_BOILER, 1},
    {"trending", 8, HN_BOILER, 1},    {"signup", 6, HN_BOILER, 1},      {"widget", 6, HN_WEAK, 1},        {"cta", 3, HN_BOILER, 0},
    {"banner", 6, HN_BOILER, 1},      {"masthead", 8, HN_BOILER, 1},    {"toolbar", 7, HN_BOILER, 1},
    {"pagination", 10, HN_BOILER, 1},  {"pager", 5, HN_BOILER, 0},       {"tagcloud", 8, HN_BOILER, 1},
    {"paywall", 7, HN_BOILER, 1},     {"donat", 5, HN_BOILER, 1},       {"login", 5, HN_BOILER, 1},
    {"readmore", 8, HN_BOILER, 1},    {"recommend", 9, HN_BOILER, 1},   {"popular", 7, HN_BOILER, 1},
    {"mostread", 8, HN_BOILER, 1},    {"skip", 4, HN_BOILER, 0},        {"tooltip", 7, HN_BOILER, 1},
    {"dropdown", 8, HN_BOILER, 1},    {"overlay", 7, HN_BOILER, 1},     {"offscreen", 9, HN_BOILER, 1},
    {"print", 5, HN_BOILER, 0},       {"rss", 3, HN_BOILER, 0},
    {"follow", 6, HN_BOILER, 0},      {"ad", 2, HN_BOILER, 0},          {"ads", 3, HN_BOILER, 0},
    {"adv", 3, HN_BOILER, 0},         {"advertisement", 13, HN_BOILER, 1}, {"nav", 3, HN_BOILER, 0},
    {"menu", 4, HN_BOILER, 0},        {"gdpr", 4, HN_BOILER, 0},        {"teaser", 6, HN_BOILER, 1},
    {"upsell", 6, HN_BOILER, 1},      {"outstream", 9, HN_BOILER, 1},   {"disclaimer", 10, HN_BOILER, 1},
    {"bio", 3, HN_BOILER, 0},         {"biography", 9, HN_BOILER, 0},   {"newsfeed", 8, HN_BOILER, 1},
    {"latest", 6, HN_BOILER, 0},      {"more", 4, HN_BOILER, 0},        {"also", 4, HN_BOILER, 0},
    {"next", 4, HN_BOILER, 0},        {"prev", 4, HN_BOILER, 0},        {"previous", 8, HN_BOILER, 0},
    {"header", 6, HN_META, 1},
    {"topbar", 6, HN_BOILER, 1},      {"jump", 4, HN_BOILER, 0},        {"extra", 5, HN_BOILER, 1},
    /* reader comments */
    {"comment", 7, HN_COMMENT, 1},    {"disqus", 6, HN_COMMENT, 1},     {"respond", 7, HN_COMMENT, 0},
    {"replies", 7, HN_COMMENT, 0},    {"reply", 5, HN_COMMENT, 0},
    /* captions and credits */
    {"caption", 7, HN_CAPTION, 1},    {"credit", 6, HN_CAPTION, 1},     {"gallery", 7, HN_CAPTION, 1},
    {"slideshow", 9, HN_CAPTION, 1},  {"carousel", 8, HN_CAPTION, 1},   {"lightbox", 8, HN_CAPTION, 1},
    {"figure", 6, HN_CAPTION, 0},     {"photo", 5, HN_CAPTION, 0},      {"image", 5, HN_CAPTION, 0},
    {"img", 3, HN_CAPTION, 0},        {"video", 5, HN_CAPTION, 1},
    {"thumbnail", 9, HN_CAPTION, 1},
    /* fields */
    {"byline", 6, HN_META, 1},        {"author", 6, HN_META, 1},        {"dateline", 8, HN_META, 1},
    {"date", 4, HN_META, 0},          {"time", 4, HN_META, 0},          {"timestamp", 9, HN_META, 1},
    {"published", 9, HN_META, 0},     {"pubdate", 7, HN_META, 1},       {"posted", 6, HN_META, 0},
    {"updated", 7, HN_META, 0},       {"meta", 4, HN_META, 0},          {"tags", 4, HN_META, 0},
    {"tag", 3, HN_META, 0},           {"categories", 10, HN_META, 0},    {"category", 8, HN_META, 0},
    {"readtime", 8, HN_META, 0},      {"kicker", 6, HN_META, 0},        {"eyebrow", 7, HN_META, 0},
    {"subtitle", 8, HN_META, 0},
};

/* Substrings of a token that mark content. */
static const char *const content_words[] = {"article", "content", "story", "entry", "body",
                                            "main", "text", "post", "prose", "blog",
                                            "hentry", NULL};

/* Substrings of a token that say a date is inside (not a verdict on the
 * element: html_pubdate.c looks for dates there). */
static const char *const dated_words[] = {"date", "time", "publish", "posted", "meta", "datum",
                                          "fecha", NULL};

/* Tokens that only describe the page's state or layout. */
static const char *const modifiers[] = {"has-", "no-", "with-", "is-", "without-", "hide-",
                                        "show-", "enable", "disable", "tag-", "category-",
                                        "template-", "page-template", "single-", NULL};

/* The HN_* bits of one segment seg[0..n), lower case. */
static unsigned segment_hint(const char *seg, size_t n)
{
    unsigned hint = 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t k = words[i].len;
        if (n < k || seg[0] != words[i].word[0] || memcmp(seg, words[i].word, k) != 0) continue;
        if (n != k && !words[i].prefix) continue;
        if (words[i].hint == HN_COMMENT && n >= 10 && !memcmp(seg, "commentary", 10)) continue;
        hint |= words[i].hint;
    }
    return hint;
}

/* The HN_* bits of one token t[0..n). */
static int is_joiner(char c) { return c == '-' || c == '_' || c == ':' || c == '.'; }

static unsigned token_hint(const char *t, size_t n)
{
    char low[128];
    if (n >= sizeof low) n = sizeof low - 1;
    for (size_t i = 0; i < n; i++) low[i] = (char)lower((unsigned char)t[i]);
    low[n] = '\0';
    for (const char *const *m = modifiers; *m; m++)
        if (!strncmp(low, *m, strlen(*m))) return 0;
    unsigned hint = 0;
    size_t i = 0;
    while (i < n) { /* segments: split at - _ : . and at camelCase humps */
        size_t j = i + 1;
        while (j < n && !is_joiner(t[j]) &&
               !(t[j] >= 'A' && t[j] <= 'Z' && t[j - 1] >= 'a' && t[j - 1] <= 'z'))
            j++;
        hint |= segment_hint(low + i, j - i);
        i = j;
        while (i < n && is_joiner(t[i])) i++;
    }
    /* Text for screen readers only ("sr-only", "screen-reader-text",
     * "visually-hidden") and plain "hidden"; "hidden-xs" hides it on small
     * screens only, so it is not boilerplate. */
    if (strstr(low, "sr-only") || strstr(low, "screen-reader") || strstr(low, "visually-hidden") ||
        strstr(low, "visuallyhidden") || !strcmp(low, "hidden") || !strcmp(low, "invisible"))
        hint |= HN_BOILER;
    for (const char *const *w = dated_words; *w; w++)
        if (strstr(low, *w)) {
            hint |= HN_DATED;
            break;
        }
    if (!(hint & ~HN_DATED))
        for (const char *const *w = content_words; *w; w++)
            if (strstr(low, *w)) return hint | HN_CONTENT;
    return hint;
}

/* Or-s the hints of every token of s into *any and notes a pure content
 * token in *content. */
static void list_hints(const char *s, unsigned *any, int *content)
{
    while (s && *s) {
        while (*s && strchr(" \t\n\r", *s)) s++;
        size_t n = 0;
        while (s[n] && !strchr(" \t\n\r", s[n])) n++;
        if (n) {
            unsigned h = token_hint(s, n);
            if ((h & ~HN_DATED) == HN_CONTENT) *content = 1;
            *any |= h;
        }
        s += n;
    }
}

#define CONTENT_TOKEN 0x100 /* in the cache: a pure content token was seen */

/* The hints of a class list, cached per page: templates repeat the same
 * class on hundreds of elements ("menu-item", "wp-block-paragraph"). */
static unsigned class_hints(px_map *cache, const char *cls)
{
    if (!cls || !*cls) return 0;
    size_t len = strlen(cls);
    uintptr_t v = (uintptr_t)px_map_get(cache, cls, len);
    if (v) return (unsigned)(v - 1);
    unsigned any = 0;
    int content = 0;
    list_hints(cls, &any, &content);
    if (content) any |= CONTENT_TOKEN;
    px_map_put(cache, cls, len, (void *)(uintptr_t)(any + 1));
    return any;
}

unsigned px_html_hints(px_map *cache, const xmlNode *n)
{
    unsigned any = class_hints(cache, px_html_attr(n, "class"));
    int content = (any & CONTENT_TOKEN) != 0;
    any &= ~(unsigned)CONTENT_TOKEN;
    list_hints(px_html_attr(n, "id"), &any, &content);
    const char *role = px_html_attr(n, "role");
    if (role && (strstr(role, "navigation") || strstr(role, "complementary") ||
                 strstr(role, "banner") || strstr(role, "contentinfo") || strstr(role, "dialog") ||
                 strstr(role, "menu") || strstr(role, "search") || strstr(role, "alert")))
        any |= HN_BOILER;
    const char *itemprop = px_html_attr(n, "itemprop");
    if (itemprop && (strstr(itemprop, "articleBody") || strstr(itemprop, "articlebody")))
        return HN_CONTENT | HN_BODYPROP;
    if (itemprop && (strstr(itemprop, "datePublished") || strstr(itemprop, "dateCreated") ||
                     strstr(itemprop, "uploadDate")))
        any |= HN_DATED;
    if (content) /* "entry-content has-share": content; the rest only qualifies it */
        return HN_CONTENT | (any & HN_DATED);
    return any;
}

int px_html_boiler_tokens(const char *s)
{
    unsigned any = 0;
    int content = 0;
    list_hints(s, &any, &content);
    return (any & (HN_BOILER | HN_COMMENT)) && !content;
}

#define LEAD_MIN 50   /* bytes of text of a lead */
#define LEAD_MAX 1500

static int lead_class(const char *cls)
{
    static const char *const lead_words[] = {"intro", "lead", "teaser", "standfirst", "summary",
                                             "abstract", "excerpt", "dek", "subtitle",
                                             "subheadline", "chapo", NULL};
    char low[256];
    size_t n = 0;
    for (; cls && *cls && n + 1 < sizeof low; cls++)
        low[n++] = (char)lower((unsigned char)*cls);
    low[n] = '\0';
    for (const char *const *w = lead_words; *w; w++)
        if (strstr(low, *w)) return 1;
    return 0;
}

int px_html_is_lead(const html_elem *e)
{
    return e->text >= LEAD_MIN && e->text <= LEAD_MAX && e->link * 5 <= e->text &&
           e->paras <= 2 && !e->lis && lead_class(px_html_attr(e->node, "class"));
}
