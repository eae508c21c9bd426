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
#include <string.h>

#include "extract/html.h"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

typedef struct word_kind {
    const char *word;
    unsigned char hint; /* HN_* */
    unsigned char prefix; /* 1: the segment may go on ("share" matches "shares") */
} word_kind;

/* Segment words.  prefix 1 matches segments that start with the word. */
static const word_kind words[] = {
    /* furniture */
    {"share", HN_BOILER, 1},       {"sharing", HN_BOILER, 1},     {"social", HN_BOILER, 1},
    {"related", HN_BOILER, 1},     {"newsletter", HN_BOILER, 1},  {"advert", HN_BOILER, 1},
    {"promo", HN_BOILER, 1},       {"subscri", HN_BOILER, 1},     {"cookie", HN_BOILER, 1},
    {"consent", HN_BOILER, 1},     {"sponsor", HN_BOILER, 1},     {"outbrain", HN_BOILER, 1},
    {"taboola", HN_BOILER, 1},     {"breadcrumb", HN_BOILER, 1},  {"sidebar", HN_BOILER, 1},
    {"footer", HN_BOILER, 1},      {"navbar", HN_BOILER, 1},      {"navigation", HN_BOILER, 1},
    {"popup", HN_BOILER, 1},       {"modal", HN_BOILER, 1},       {"recirc", HN_BOILER, 1},
    {"trending", HN_BOILER, 1},    {"signup", HN_BOILER, 1},      {"widget", HN_WEAK, 1},        {"cta", HN_BOILER, 0},
    {"banner", HN_BOILER, 1},      {"masthead", HN_BOILER, 1},    {"toolbar", HN_BOILER, 1},
    {"pagination", HN_BOILER, 1},  {"pager", HN_BOILER, 0},       {"tagcloud", HN_BOILER, 1},
    {"paywall", HN_BOILER, 1},     {"donat", HN_BOILER, 1},       {"login", HN_BOILER, 1},
    {"readmore", HN_BOILER, 1},    {"recommend", HN_BOILER, 1},   {"popular", HN_BOILER, 1},
    {"mostread", HN_BOILER, 1},    {"skip", HN_BOILER, 0},        {"tooltip", HN_BOILER, 1},
    {"dropdown", HN_BOILER, 1},    {"overlay", HN_BOILER, 1},     {"offscreen", HN_BOILER, 1},
    {"print", HN_BOILER, 0},       {"rss", HN_BOILER, 0},
    {"follow", HN_BOILER, 0},      {"ad", HN_BOILER, 0},          {"ads", HN_BOILER, 0},
    {"adv", HN_BOILER, 0},         {"advertisement", HN_BOILER, 1}, {"nav", HN_BOILER, 0},
    {"menu", HN_BOILER, 0},        {"gdpr", HN_BOILER, 0},        {"teaser", HN_BOILER, 1},
    {"upsell", HN_BOILER, 1},      {"outstream", HN_BOILER, 1},   {"disclaimer", HN_BOILER, 1},
    {"bio", HN_BOILER, 0},         {"biography", HN_BOILER, 0},   {"newsfeed", HN_BOILER, 1},
    {"latest", HN_BOILER, 0},      {"more", HN_BOILER, 0},        {"also", HN_BOILER, 0},
    {"next", HN_BOILER, 0},        {"prev", HN_BOILER, 0},        {"previous", HN_BOILER, 0},
    {"header", HN_META, 1},
    {"topbar", HN_BOILER, 1},      {"jump", HN_BOILER, 0},        {"extra", HN_BOILER, 1},
    /* reader comments */
    {"comment", HN_COMMENT, 1},    {"disqus", HN_COMMENT, 1},     {"respond", HN_COMMENT, 0},
    {"replies", HN_COMMENT, 0},    {"reply", HN_COMMENT, 0},
    /* captions and credits */
    {"caption", HN_CAPTION, 1},    {"credit", HN_CAPTION, 1},     {"gallery", HN_CAPTION, 1},
    {"slideshow", HN_CAPTION, 1},  {"carousel", HN_CAPTION, 1},   {"lightbox", HN_CAPTION, 1},
    {"figure", HN_CAPTION, 0},     {"photo", HN_CAPTION, 0},      {"image", HN_CAPTION, 0},
    {"img", HN_CAPTION, 0},        {"video", HN_CAPTION, 1},
    {"thumbnail", HN_CAPTION, 1},
    /* fields */
    {"byline", HN_META, 1},        {"author", HN_META, 1},        {"dateline", HN_META, 1},
    {"date", HN_META, 0},          {"time", HN_META, 0},          {"timestamp", HN_META, 1},
    {"published", HN_META, 0},     {"pubdate", HN_META, 1},       {"posted", HN_META, 0},
    {"updated", HN_META, 0},       {"meta", HN_META, 0},          {"tags", HN_META, 0},
    {"tag", HN_META, 0},           {"categories", HN_META, 0},    {"category", HN_META, 0},
    {"readtime", HN_META, 0},      {"kicker", HN_META, 0},        {"eyebrow", HN_META, 0},
    {"subtitle", HN_META, 0},
};

/* Substrings of a token that mark content. */
static const char *const content_words[] = {"article", "content", "story", "entry", "body",
                                            "main", "text", "post", "prose", "blog",
                                            "hentry", NULL};

/* Tokens that only describe the page's state or layout. */
static const char *const modifiers[] = {"has-", "no-", "with-", "is-", "without-", "hide-",
                                        "show-", "enable", "disable", "tag-", "category-",
                                        "template-", "page-template", "single-", NULL};

/* The HN_* bits of one segment seg[0..n), lower case. */
static unsigned segment_hint(const char *seg, size_t n)
{
    unsigned hint = 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t k = strlen(words[i].word);
        if (n < k || memcmp(seg, words[i].word, k) != 0) continue;
        if (n != k && !words[i].prefix) continue;
        if (words[i].hint == HN_COMMENT && n >= 10 && !memcmp(seg, "commentary", 10)) continue;
        hint |= words[i].hint;
    }
    return hint;
}

/* The HN_* bits of one token t[0..n). */
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
        while (j < n && !strchr("-_:.", t[j]) &&
               !(t[j] >= 'A' && t[j] <= 'Z' && t[j - 1] >= 'a' && t[j - 1] <= 'z'))
            j++;
        hint |= segment_hint(low + i, j - i);
        i = j;
        while (i < n && strchr("-_:.", t[i])) i++;
    }
    /* Text for screen readers only ("sr-only", "screen-reader-text",
     * "visually-hidden") and plain "hidden"; "hidden-xs" hides it on small
     * screens only, so it is not boilerplate. */
    if (strstr(low, "sr-only") || strstr(low, "screen-reader") || strstr(low, "visually-hidden") ||
        strstr(low, "visuallyhidden") || !strcmp(low, "hidden") || !strcmp(low, "invisible"))
        hint |= HN_BOILER;
    if (!hint)
        for (const char *const *w = content_words; *w; w++)
            if (strstr(low, *w)) return HN_CONTENT;
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
            if (h == HN_CONTENT) *content = 1;
            *any |= h;
        }
        s += n;
    }
}

unsigned px_html_hints(const xmlNode *n)
{
    unsigned any = 0;
    int content = 0;
    list_hints(px_html_attr(n, "class"), &any, &content);
    list_hints(px_html_attr(n, "id"), &any, &content);
    const char *role = px_html_attr(n, "role");
    if (role && (strstr(role, "navigation") || strstr(role, "complementary") ||
                 strstr(role, "banner") || strstr(role, "contentinfo") || strstr(role, "dialog") ||
                 strstr(role, "menu") || strstr(role, "search") || strstr(role, "alert")))
        any |= HN_BOILER;
    const char *itemprop = px_html_attr(n, "itemprop");
    if (itemprop && (strstr(itemprop, "articleBody") || strstr(itemprop, "articlebody")))
        return HN_CONTENT | HN_BODYPROP;
    if (content) /* "entry-content has-share": content; the rest only qualifies it */
        return HN_CONTENT;
    return any;
}

int px_html_boiler_tokens(const char *s)
{
    unsigned any = 0;
    int content = 0;
    list_hints(s, &any, &content);
    return (any & (HN_BOILER | HN_COMMENT)) && !content;
}
