/*
 * furniture.c — sentences that are page furniture, not reporting (see
 * px_furniture in analysis.h).  No fact is drawn from them.
 *
 * Extraction (lib/extract/clean.c) takes out whole paragraphs of furniture;
 * what reaches the analysis is furniture inside the body's text: a share
 * prompt glued before the first paragraph, a tip line closing the story, a
 * photo credit beside its caption.  A few general signals, each a named
 * rule tried in order; the first that fires gives the kind:
 *
 *   label-colon      a leading page label and a colon: "RELATED: ...",
 *                    "PREVIOUS:", "MORE:", "WATCH:", "Editor's note:",
 *                    "PHOTOS:", "Correction:"; "Updated:" only before a
 *                    short rest (a time stamp), never "UPDATE: police said..."
 *   page-imperative  an imperative page verb opening the sentence, with a
 *                    page object: "Read or Share this story:", "Click here",
 *                    "Follow us on Twitter", "Please enable JavaScript"
 *   media-notice     player and browser notices: "javascript", "your
 *                    browser", "this video", "the video above"
 *   rights-line      "Copyright 2016 ...", "©", "All rights reserved",
 *                    "may not be published, broadcast, rewritten ..."
 *   contact-line     a phone number or an e-mail address with a request
 *                    word ("call", "contact", "asked to", "should"...), or
 *                    the tip-line phrases that need none ("anyone with
 *                    information ... call", "Crime Stoppers", "remain
 *                    anonymous"): "Police said anyone with information
 *                    should call 555-1234" is a contact line
 *   photo-credit     "(Photo: Jane Roe/Staff)", "Photo by", "AP Photo/",
 *                    "Getty Images", "Courtesy of ..." opening the sentence
 *   page-reference   the page speaking of itself: "contributed to this
 *                    report", "an earlier version of this story", "this is
 *                    a developing story", "originally appeared in"
 *   short-label      a short line all in capitals ("TOP VIDEOS", "LIKE US
 *                    ON FACEBOOK") or a short line with a web address
 *
 * A reporting sentence that merely holds a number, a date or the word
 * "video" stays reporting: every rule needs its page signal.  The rules
 * read the tokens' case-folded norms; they run in time linear in the
 * sentence.
 */
#include <string.h>

#include "analyze/analysis.h"

typedef struct sent {
    const px_article *a;
    const px_analysis *an;
    size_t sentence;
    const char *text;  /* the sentence as written */
    size_t first, end; /* its tokens */
    unsigned long long seen; /* a Bloom filter of its words (bit()) */
} sent;

/* A word's bit in sent.seen, from its first letters: a rule asks for a
 * word the sentence lacks without a pass over its tokens. */
static unsigned long long bit(const char *w)
{
    unsigned h = (unsigned char)w[0] * 131u;
    if (w[0]) h += (unsigned char)w[1] * 31u + (w[1] ? (unsigned char)w[2] : 0u);
    return 1ull << (h % 64);
}

static const char *norm(const sent *s, size_t t) { return s->an->tokens.items[t].norm; }

/* The first bytes are compared before strcmp() is called: every token of
 * every sentence meets the word lists below. */
static int same(const char *a, const char *b) { return a[0] == b[0] && !strcmp(a, b); }
static int is(const sent *s, size_t t, const char *w) { return t < s->end && same(norm(s, t), w); }
static int kind(const sent *s, size_t t, px_token_kind k) { return t < s->end && s->an->tokens.items[t].kind == k; }

static int in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (same(w, *list)) return 1;
    return 0;
}

/* 1 when a token of the sentence is one of list. */
static int has_any(const sent *s, const char *const *list)
{
    unsigned long long want = 0;
    for (const char *const *w = list; *w; w++) want |= bit(*w);
    if (!(s->seen & want)) return 0;
    for (size_t t = s->first; t < s->end; t++)
        if (in_list(norm(s, t), list)) return 1;
    return 0;
}

/* 1 when the words w1 w2 (w2 may be NULL) follow each other in the sentence. */
static int has_pair(const sent *s, const char *w1, const char *w2)
{
    if (!(s->seen & bit(w1)) || (w2 && !(s->seen & bit(w2)))) return 0;
    for (size_t t = s->first; t < s->end; t++)
        if (is(s, t, w1) && (!w2 || is(s, t + 1, w2))) return 1;
    return 0;
}

static size_t words(const sent *s)
{
    size_t n = 0;
    for (size_t t = s->first; t < s->end; t++)
        n += kind(s, t, PX_TOKEN_WORD) || kind(s, t, PX_TOKEN_NUMBER);
    return n;
}

/* The first token that is no opening bracket or quote mark. */
static size_t lead(const sent *s)
{
    size_t t = s->first;
    while (t < s->end && (is(s, t, "(") || is(s, t, "[") || is(s, t, "\"") || is(s, t, "*") ||
                          is(s, t, "\xe2\x80\x9c") || is(s, t, "\xe2\x80\xa2")))
        t++;
    return t;
}

/* ---- label-colon --------------------------------------------------------- */

typedef struct label {
    const char *w1, *w2; /* w2 NULL: one word */
    px_furniture kind;
    int short_rest;      /* only when at most 6 words follow the colon */
} label;

static const label labels[] = {
    {"related", NULL, PX_FURNITURE_LINK, 0},       {"previous", NULL, PX_FURNITURE_LINK, 0},
    {"more", NULL, PX_FURNITURE_LINK, 0},          {"read", NULL, PX_FURNITURE_LINK, 0},
    {"read", "more", PX_FURNITURE_LINK, 0},        {"see", "also", PX_FURNITURE_LINK, 0},
    {"also", NULL, PX_FURNITURE_LINK, 0},          {"next", NULL, PX_FURNITURE_LINK, 0},
    {"recommended", NULL, PX_FURNITURE_LINK, 0},   {"trending", NULL, PX_FURNITURE_LINK, 0},
    {"more", "news", PX_FURNITURE_LINK, 0},        {"more", "coverage", PX_FURNITURE_LINK, 0},
    {"related", "coverage", PX_FURNITURE_LINK, 0}, {"related", "stories", PX_FURNITURE_LINK, 0},
    {"top", "stories", PX_FURNITURE_LINK, 0},      {"also", "read", PX_FURNITURE_LINK, 0},
    {"watch", NULL, PX_FURNITURE_MEDIA, 0},        {"video", NULL, PX_FURNITURE_MEDIA, 0},
    {"videos", NULL, PX_FURNITURE_MEDIA, 0},       {"listen", NULL, PX_FURNITURE_MEDIA, 0},
    {"audio", NULL, PX_FURNITURE_MEDIA, 0},        {"photo", NULL, PX_FURNITURE_CAPTION, 0},
    {"photos", NULL, PX_FURNITURE_CAPTION, 0},     {"image", NULL, PX_FURNITURE_CAPTION, 0},
    {"images", NULL, PX_FURNITURE_CAPTION, 0},     {"gallery", NULL, PX_FURNITURE_CAPTION, 0},
    {"slideshow", NULL, PX_FURNITURE_CAPTION, 0},  {"credit", NULL, PX_FURNITURE_CAPTION, 0},
    {"photo", "credit", PX_FURNITURE_CAPTION, 0},  {"caption", NULL, PX_FURNITURE_CAPTION, 0},
    {"file", "photo", PX_FURNITURE_CAPTION, 0},    {"editor's", "note", PX_FURNITURE_NOTE, 0},
    {"editor\xe2\x80\x99s", "note", PX_FURNITURE_NOTE, 0},
    {"editors", "note", PX_FURNITURE_NOTE, 0},     {"note", NULL, PX_FURNITURE_NOTE, 0},
    {"correction", NULL, PX_FURNITURE_NOTE, 0},    {"corrections", NULL, PX_FURNITURE_NOTE, 0},
    {"clarification", NULL, PX_FURNITURE_NOTE, 0}, {"disclaimer", NULL, PX_FURNITURE_NOTE, 0},
    {"update", NULL, PX_FURNITURE_NOTE, 1},        {"updated", NULL, PX_FURNITURE_NOTE, 1},
    {"posted", NULL, PX_FURNITURE_NOTE, 1},        {"published", NULL, PX_FURNITURE_NOTE, 1},
    {"last", "updated", PX_FURNITURE_NOTE, 1},     {"copyright", NULL, PX_FURNITURE_COPYRIGHT, 0},
    {"share", NULL, PX_FURNITURE_SHARE, 0},        {"share", "this", PX_FURNITURE_SHARE, 0},
    {"follow", NULL, PX_FURNITURE_SHARE, 0},       {"follow", "us", PX_FURNITURE_SHARE, 0},
    {"subscribe", NULL, PX_FURNITURE_SHARE, 0},    {"tweet", NULL, PX_FURNITURE_SHARE, 0},
    {"contact", NULL, PX_FURNITURE_CONTACT, 0},    {"tips", NULL, PX_FURNITURE_CONTACT, 0},
    {"tip", "line", PX_FURNITURE_CONTACT, 0},      {"email", NULL, PX_FURNITURE_CONTACT, 0},
    {"e-mail", NULL, PX_FURNITURE_CONTACT, 0},
};

/* 1 when what follows a label from t on is only a time stamp ("9:14 PM
 * CST Dec 3, 2016", "Monday | Updated: 10 a.m.") or nothing: "Updated:
 * 9:14 PM" is furniture, "UPDATE: 7:19 p.m. -- Police now say ..." is not. */
static int stamp(const sent *s, size_t t)
{
    static const char *const words[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
        "dec.", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "a.m.", "p.m.", "am", "pm", "a.m",
        "p.m", "at", "on", "updated", "posted", "published", "last", "modified", NULL};
    for (; t < s->end; t++) {
        const px_token *k = &s->an->tokens.items[t];
        if (k->kind == PX_TOKEN_PUNCT || k->kind == PX_TOKEN_NUMBER || in_list(k->norm, words))
            continue;
        const char *w = s->text + k->start; /* a zone: "EDT", "CST", "ET" */
        size_t n = k->end - k->start, caps = 0;
        while (caps < n && w[caps] >= 'A' && w[caps] <= 'Z') caps++;
        if (caps == n && n >= 2 && n <= 4) continue;
        return 0;
    }
    return 1;
}

static px_furniture label_colon(const sent *s)
{
    size_t t = lead(s);
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        const label *l = &labels[i];
        size_t n = l->w2 ? 2 : 1;
        if (!is(s, t, l->w1) || (l->w2 && !is(s, t + 1, l->w2))) continue;
        if (!is(s, t + n, ":") && !is(s, t + n, "|")) continue;
        if (l->short_rest && !stamp(s, t + n + 1)) continue;
        return l->kind;
    }
    return PX_FURNITURE_NONE;
}

/* ---- page-imperative ----------------------------------------------------- */

static const char *const page_verbs[] = {
    "share", "follow", "click", "tap", "read", "watch", "subscribe", "sign", "like",
    "download", "enable", "scroll", "view", "visit", "listen", "tweet", "comment", "join",
    "get", "see", "check", "log", "register", "bookmark", "continue", "swipe", "email",
    "e-mail", "reload", "refresh", NULL};

static const char *const page_objects[] = {
    "story", "stories", "article", "articles", "video", "videos", "photo", "photos",
    "gallery", "slideshow", "here", "link", "links", "facebook", "twitter", "instagram",
    "youtube", "pinterest", "snapchat", "linkedin", "newsletter", "newsletters", "app",
    "apps", "javascript", "browser", "updates", "coverage", "page", "website", "site",
    "comments", "alerts", "podcast", "feed", "reading", "player", "cookies", NULL};

static px_furniture page_imperative(const sent *s)
{
    size_t t = lead(s);
    if (is(s, t, "please")) t++;
    if (t >= s->end || !in_list(norm(s, t), page_verbs) || words(s) > 40) return PX_FURNITURE_NONE;
    /* "Read more", "See more", "Watch more": the verb and "more" alone. */
    int more = is(s, t + 1, "more") && (is(s, t, "read") || is(s, t, "see") || is(s, t, "watch"));
    /* "Follow us", "Like us", "Join us" */
    int us = is(s, t + 1, "us") && (is(s, t, "follow") || is(s, t, "like") || is(s, t, "join"));
    if (!more && !us && !has_any(s, page_objects)) return PX_FURNITURE_NONE;
    if (is(s, t, "watch") || is(s, t, "listen") || is(s, t, "enable") || has_pair(s, "javascript", NULL))
        return PX_FURNITURE_MEDIA;
    if (is(s, t, "click") || is(s, t, "tap") || is(s, t, "read") || is(s, t, "see") ||
        is(s, t, "view") || is(s, t, "visit") || is(s, t, "continue"))
        return has_pair(s, "share", NULL) ? PX_FURNITURE_SHARE : PX_FURNITURE_LINK;
    return PX_FURNITURE_SHARE;
}

/* ---- media-notice -------------------------------------------------------- */

static px_furniture media_notice(const sent *s)
{
    if (has_pair(s, "javascript", NULL) || has_pair(s, "your", "browser") ||
        has_pair(s, "this", "video") || has_pair(s, "video", "above") ||
        has_pair(s, "video", "below") || has_pair(s, "above", "video") ||
        has_pair(s, "video", "player") || has_pair(s, "autoplay", NULL) ||
        has_pair(s, "media", "player"))
        return PX_FURNITURE_MEDIA;
    return PX_FURNITURE_NONE;
}

/* ---- rights-line --------------------------------------------------------- */

static px_furniture rights_line(const sent *s)
{
    if (strstr(s->text, "\xc2\xa9") || has_pair(s, "rights", "reserved") ||
        (has_pair(s, "may", "not") && (has_pair(s, "redistributed", NULL) || has_pair(s, "rewritten", NULL) ||
                                       has_pair(s, "reproduced", NULL))))
        return PX_FURNITURE_COPYRIGHT;
    size_t t = lead(s);
    if (is(s, t, "copyright")) return PX_FURNITURE_COPYRIGHT;
    for (; t < s->end; t++)
        if (is(s, t, "copyright") && (kind(s, t + 1, PX_TOKEN_NUMBER) || is(s, t + 1, "(")))
            return PX_FURNITURE_COPYRIGHT;
    return PX_FURNITURE_NONE;
}

/* ---- contact-line -------------------------------------------------------- */

static int digits(const char *p, int n)
{
    for (int i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9') return 0;
    return 1;
}

/* A phone number in the text: "555-1234", "312-555-0199", "(312) 555-0199",
 * "312.555.0199", "1-800-222-TIPS". */
static int has_phone(const char *text)
{
    for (const char *p = text; *p; p++) {
        if (p[0] < '0' || p[0] > '9') continue;
        if (p > text && p[-1] >= '0' && p[-1] <= '9') continue;
        /* NNN-NNNN, NNN.NNNN: three digits, a separator, four digits, no fifth */
        if (digits(p, 3) && (p[3] == '-' || p[3] == '.') && digits(p + 4, 4) &&
            !(p[8] >= '0' && p[8] <= '9'))
            return 1;
        /* 1-800-..., 800-222-TIPS */
        if (digits(p, 3) && p[3] == '-' && digits(p + 4, 3) && p[7] == '-' && p[8] >= 'A' && p[8] <= 'Z')
            return 1;
    }
    return 0;
}

static int has_email(const sent *s)
{
    for (size_t t = s->first; t < s->end; t++) {
        const char *w = norm(s, t), *at = strchr(w, '@');
        if (at && at > w && strchr(at, '.')) return 1;
    }
    return 0;
}

static const char *const requests[] = {
    "call", "calling", "contact", "email", "e-mail", "reach", "reached", "text", "asked",
    "urged", "encouraged", "asks", "urges", "should", "can", "may", "submit", "tips", "tip",
    "information", "visit", "report", "dial", NULL};

static px_furniture contact_line(const sent *s)
{
    int phone = has_phone(s->text), email = has_email(s);
    int request = (phone || email) && has_any(s, requests);
    if (request && phone) return PX_FURNITURE_CONTACT;
    if (email && (request || words(s) <= 25)) return PX_FURNITURE_CONTACT;
    int info = has_pair(s, "with", "information") || has_pair(s, "having", "information") ||
               has_pair(s, "who", "has") || has_pair(s, "who", "have");
    int ask = has_pair(s, "call", NULL) || has_pair(s, "contact", NULL) ||
              has_pair(s, "calling", NULL) || has_pair(s, "submit", NULL) ||
              has_pair(s, "dial", NULL);
    if (has_pair(s, "anyone", NULL) && info && (ask || has_pair(s, "tips", NULL)))
        return PX_FURNITURE_CONTACT;
    /* A tip line named with what to do: "Call Crime Stoppers", "tips can be
     * left anonymously"; not "Crime Stoppers is offering a $10,000 reward",
     * nor "a neighbor who asked to remain anonymous", nor "police received
     * an anonymous tip". */
    int tipline = has_pair(s, "crime", "stoppers") || has_pair(s, "crimestoppers", NULL) ||
                  has_pair(s, "tip", "line") || has_pair(s, "tipline", NULL);
    int anonymous = has_pair(s, "anonymous", NULL) || has_pair(s, "anonymously", NULL);
    if ((tipline && (ask || anonymous || has_pair(s, "tips", NULL))) || (anonymous && ask))
        return PX_FURNITURE_CONTACT;
    return PX_FURNITURE_NONE;
}

/* ---- photo-credit -------------------------------------------------------- */

static px_furniture photo_credit(const sent *s)
{
    size_t t = s->first;
    for (; t < s->end; t++) {
        int open = t > s->first && is(s, t - 1, "(");
        int photo = is(s, t, "photo") || is(s, t, "photos") || is(s, t, "image") || is(s, t, "credit");
        if (open && photo && (is(s, t + 1, ":") || is(s, t + 1, "by") || is(s, t + 1, "courtesy")))
            return PX_FURNITURE_CAPTION;
        if (open && (is(s, t, "courtesy") || is(s, t, "provided")) ) return PX_FURNITURE_CAPTION;
        if (is(s, t, "photo") && is(s, t + 1, "/")) return PX_FURNITURE_CAPTION; /* "AP Photo/" */
        if (is(s, t, "getty") && is(s, t + 1, "images")) return PX_FURNITURE_CAPTION;
    }
    t = lead(s);
    if ((is(s, t, "photo") || is(s, t, "photos") || is(s, t, "photograph")) &&
        (is(s, t + 1, "by") || is(s, t + 1, "courtesy") || is(s, t + 1, "credit") || is(s, t + 1, "provided")))
        return PX_FURNITURE_CAPTION;
    if ((is(s, t, "courtesy") && is(s, t + 1, "of")) || (is(s, t, "file") && is(s, t + 1, "photo")))
        return PX_FURNITURE_CAPTION;
    return PX_FURNITURE_NONE;
}

/* ---- page-reference ------------------------------------------------------ */

static px_furniture page_reference(const sent *s)
{
    static const char *const page[] = {"story", "article", "report", "post", "page", NULL};
    for (size_t t = s->first; t < s->end; t++) {
        if (!is(s, t, "this") || t + 1 >= s->end || !in_list(norm(s, t + 1), page)) continue;
        if (t >= s->first + 1 && (is(s, t - 1, "to") || is(s, t - 1, "of")) &&
            (has_pair(s, "contributed", NULL) || has_pair(s, "version", NULL)))
            return PX_FURNITURE_NOTE; /* "contributed to this report", "an earlier version of this story" */
        if (t == lead(s) && (is(s, t + 2, "has") || is(s, t + 2, "was") || is(s, t + 2, "will") ||
                             is(s, t + 2, "is") || is(s, t + 2, "originally")))
            return PX_FURNITURE_NOTE; /* "This story has been updated" */
    }
    if (has_pair(s, "developing", "story") || has_pair(s, "check", "back") ||
        (has_pair(s, "originally", "appeared") || has_pair(s, "originally", "published")))
        return PX_FURNITURE_NOTE;
    return PX_FURNITURE_NONE;
}

/* ---- short-label --------------------------------------------------------- */

static px_furniture short_label(const sent *s)
{
    size_t n = words(s);
    if (n == 0 || n > 12) return PX_FURNITURE_NONE;
    if (has_pair(s, "http", NULL) || has_pair(s, "https", NULL) || strstr(s->text, "www."))
        return PX_FURNITURE_LINK;
    size_t len = strlen(s->text);
    if (n > 6 || (len && s->text[len - 1] == '.')) return PX_FURNITURE_NONE; /* a sentence in capitals */
    int letters = 0; /* a quoted shout ("NO WAY!") is no label */
    for (const char *p = s->text; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || *p == '"' || *p == '!' || !strncmp(p, "\xe2\x80\x9d", 3))
            return PX_FURNITURE_NONE;
        letters += *p >= 'A' && *p <= 'Z';
    }
    return letters >= 4 ? PX_FURNITURE_LINK : PX_FURNITURE_NONE;
}

typedef px_furniture (*rule)(const sent *s);

static px_furniture judge(const sent *s)
{
    static const rule rules[] = {label_colon,  page_imperative, media_notice,   rights_line,
                                 contact_line, photo_credit,    page_reference, short_label};
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
        px_furniture f = rules[i](s);
        if (f != PX_FURNITURE_NONE) return f;
    }
    return PX_FURNITURE_NONE;
}

px_status px_find_furniture(px_context *ctx, const px_article *a, px_analysis *an, px_error *err)
{
    (void)ctx;
    (void)err;
    size_t n = px_article_sentence_count(a), t = 0;
    for (size_t si = 0; si < n; si++) {
        sent s = {a, an, si, a->sentences.items[si].text, t, t, 0};
        while (s.end < an->tokens.len && an->tokens.items[s.end].sentence == si)
            s.seen |= bit(an->tokens.items[s.end++].norm);
        t = s.end;
        unsigned char f = (unsigned char)judge(&s);
        px_vec_push(&an->furniture, f);
    }
    return PX_OK;
}

px_furniture px_sentence_furniture(const px_analysis *an, size_t sentence)
{
    return sentence < an->furniture.len ? (px_furniture)an->furniture.items[sentence]
                                        : PX_FURNITURE_NONE;
}

const char *px_furniture_name(px_furniture f)
{
    static const char *const names[] = {"none",    "share", "media", "copyright",
                                        "contact", "caption", "link", "note"};
    return (unsigned)f < 8 ? names[f] : "none";
}
