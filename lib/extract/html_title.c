/*
 * html_title.c — the article's title.
 *
 * A page names its article in several places, and they disagree more
 * often than one would think: og:title and twitter:title are written for
 * sharing (often a rewrite of the headline), JSON-LD headline for search
 * engines, <title> for the browser tab (" | Site" appended, or a section
 * name), and the <h1> is what a reader sees.  The visible headline is the
 * title people quote, so it wins when it agrees with what the metadata
 * says the page is about; an <h1> that does not agree is a logo, a
 * section name ("News") or a widget heading, and then the metadata wins.
 *
 * The rules here offer candidates (px_html_offer_title()); the resolver
 * (html_titlepick.c) chooses among them with fitted weights.
 *
 *   h1, sole_h1, h2, boiler_h1: the headline (pick_h1()), one of four ways:
 *      the <h1> outside navigation and boilerplate that agrees best with
 *      the metadata titles: at least half of its words are in og:title,
 *      twitter:title, JSON-LD headline or <title> (with the site's name cut
 *      off, when it is known); of two that agree alike, the one with more
 *      such words.  With no metadata title at all, the first such <h1>.
 *      When none agrees and the page has just one <h1> of two words or
 *      more (one is enough when the metadata titles only name the site)
 *      that is not the site's name, that one (sole_h1): the metadata titles
 *      are rewrites for search engines and sharing, and the headline a
 *      reader sees is the title people quote.  With no such <h1> (none,
 *      or a logo), the <h2> that agrees best with the metadata titles, of
 *      two words or more (h2): templates that keep the <h1> for the site's
 *      name set the headline one level down.  With no <h1> outside
 *      boilerplate at all, one inside a box whose class or id says
 *      boilerplate (a hero "banner", a breadcrumb's last item) whose words,
 *      three or more, are all in the metadata titles (boiler_h1): class
 *      names misfire, and such an <h1> says what the metadata says without
 *      its " Recipe" or "!" rewrites.
 *      An <h1> of one or two words, or one that agrees only in part,
 *      gives way to an <h2> all of whose words agree, more of them: it is
 *      a section's or the site's name over the page ("Literatur", "News |
 *      Entry").  An <h1> that is all a link to the
 *      home page is the site's logo, and a kicker, date or label inside
 *      one ("Politics", "27.01.2022") is not part of the headline, unless
 *      it holds nearly all of its text (a Drupal title field's class
 *      "field--label-hidden" names a label it hides, not a kicker).
 *   og, twitter, ld: og:title, twitter:title, the JSON-LD headline, each
 *      with the site's name cut off when it carries one.  twitter and ld
 *      are the title of pages whose scripts fill the rest in; on
 *      trafilatura's pages they weigh nothing out of fold either way.
 *   title: <title>, cut of " | Site" when the tail is the site's name
 *      (og:site_name, the publisher, the host) or looks like one (a few
 *      capitalised words after a longer head).
 *   Dashes and bars are left alone: headlines use them too, and cutting
 *   the first metadata title at its first bar won no page out of fold.
 */
#include <string.h>

#include "extract/html.h"

#define H1_MAX 400 /* bytes: a longer <h1> is not a headline */
#define SOLE_H1_WORDS 2 /* a page's only <h1> with fewer long words is a section's name */
#define SECTION_WORDS 3 /* an <h1> of fewer long words may name a section */
#define BOILER_H1_WORDS 3 /* a shorter <h1> in a banner is the site's or blog's name */

static const char *const title_separators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                               " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
                                               " \xC2\xBB ", " \xC2\xAB ", NULL};

/* Lower-cased letters and digits of s[0..n) (other bytes of UTF-8 kept). */
static void squash(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        int c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80) out[k++] = (char)c;
        else if (c >= 'A' && c <= 'Z') out[k++] = (char)(c + 32);
    }
    out[k] = '\0';
}

/* The host's main label: "nytimes" for https://www.nytimes.com/... */
static void host_label(const char *url, char *out, size_t cap)
{
    out[0] = '\0';
    const char *h = url ? strstr(url, "://") : NULL;
    if (!h) return;
    h += 3;
    if (!strncmp(h, "www.", 4)) h += 4;
    size_t n = strcspn(h, ".:/");
    if (n < cap) squash(h, n, out, cap);
}

typedef struct site_names {
    char names[4][128]; /* squashed; "" when unknown */
} site_names;

static void known_site_names(html_page *pg, const html_meta *m, site_names *sn)
{
    const char *src[] = {m->site_name, px_html_ld_publisher(&pg->ld), pg->a->outlet};
    for (int i = 0; i < 3; i++) {
        sn->names[i][0] = '\0';
        if (src[i]) squash(src[i], strlen(src[i]), sn->names[i], sizeof sn->names[i]);
    }
    host_label(pg->a->url, sn->names[3], sizeof sn->names[3]);
}

/* 1 when s[0..n) names the site: it is one of its names, a part of one,
 * or holds one that makes up half of its letters at least ("Example
 * Fan Club Berlin").  A longer text that merely mentions the name is not
 * the site's name: sites name themselves after their topic ("Loans"), and
 * their headlines use the word ("How high is the interest on loans?"). */
static int is_site_name(const site_names *sn, const char *s, size_t n)
{
    char part[128];
    squash(s, n, part, sizeof part);
    size_t plen = strlen(part);
    if (plen < 2) return 0;
    for (int i = 0; i < 4; i++) {
        const char *name = sn->names[i];
        size_t nlen = strlen(name);
        if (nlen < 2) continue;
        if (!strcmp(part, name)) return 1;
        if ((nlen >= 3 && nlen * 2 >= plen && strstr(part, name)) ||
            (plen >= 3 && strstr(name, part)))
            return 1;
    }
    return 0;
}

static size_t count_words(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) words++;
    return words;
}

/* The words of s[0..n) that have two bytes or more. */
static size_t long_words(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ') && i + 1 < n && s[i + 1] != ' ') words++;
    return words;
}

/* 1 when s[0..n) reads like a site name: a few capitalised words. */
static int looks_like_site(const char *s, size_t n)
{
    /* legal forms written in lower case end a firm's or club's name */
    static const char *const forms[] = {"e.V.", "e. V.", "gGmbH", "eG", NULL};
    if (n == 0 || n > 40 || count_words(s, n) > 4) return 0;
    for (const char *const *f = forms; *f; f++) {
        size_t k = strlen(*f);
        if (n > k + 1 && s[n - k - 1] == ' ' && !memcmp(s + n - k, *f, k)) n -= k + 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (i && s[i - 1] != ' ') continue;
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80)) return 0;
    }
    return 1;
}

/* The last separator in s[0..n): its offset, length in *seplen. */
static size_t last_separator(const char *s, size_t n, size_t *seplen)
{
    size_t best = n;
    for (const char *const *sep = title_separators; *sep; sep++) {
        size_t k = strlen(*sep);
        for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
            if (!memcmp(s + i, *sep, k)) {
                if (best == n || i > best) best = i, *seplen = k;
                break;
            }
    }
    return best;
}

/* The first separator in s[0..n): its offset (n when none), its length in
 * *seplen. */
static size_t first_separator(const char *s, size_t n, size_t *seplen)
{
    size_t first = n;
    for (const char *const *sep = title_separators; *sep; sep++) {
        const char *hit = strstr(s, *sep);
        if (hit && (size_t)(hit - s) < first) first = (size_t)(hit - s), *seplen = strlen(*sep);
    }
    return first;
}

/* Cuts a trailing " | Site" (repeatedly: " | Section | Site") or a leading
 * "Site | " from the squeezed title in b.  loose: also cut tails that only
 * look like a site name. */
static void cut_site_name(const site_names *sn, px_buf *b, int loose)
{
    for (int round = 0; round < 3; round++) {
        size_t seplen = 0, at = last_separator(b->data, b->len, &seplen);
        if (at == b->len) break;
        const char *tail = b->data + at + seplen;
        size_t tail_len = b->len - at - seplen;
        int site = is_site_name(sn, tail, tail_len) ||
                   (loose && looks_like_site(tail, tail_len) &&
                    count_words(b->data, at) >= 3 && at > tail_len);
        if (!site) break;
        b->len = at;
        b->data[at] = '\0';
    }
    size_t seplen = 0, first = first_separator(b->data, b->len, &seplen);
    if (first < b->len && is_site_name(sn, b->data, first) &&
        count_words(b->data + first + seplen, b->len - first - seplen) >= 2) {
        memmove(b->data, b->data + first + seplen, b->len - first - seplen + 1);
        b->len -= first + seplen;
    }
}

#define CJK_SITE_MAX 15 /* bytes: five CJK characters */

/* 1 when the byte at s starts a character of the CJK blocks (U+3000 to
 * U+9FFF: punctuation, kana, ideographs) or a full-width form (U+FF00 to
 * U+FF7F: "！", "："). */
static int cjk_at(const char *s)
{
    unsigned char c = (unsigned char)s[0], d = (unsigned char)s[1];
    return (c >= 0xE3 && c <= 0xE9) || (c == 0xEF && (d == 0xBC || d == 0xBD));
}

/* Cuts a site's name glued to a CJK title by a hyphen, underscore or bar
 * ("武汉的声音：…城！-新华网"): CJK text has no spaces for the separators
 * of cut_site_name().  Only a short tail (five characters at most) after
 * a longer head. */
static void cut_cjk_site(px_buf *b)
{
    for (size_t i = b->len; i-- > 3;) {
        if (!strchr("-_|", b->data[i])) continue;
        size_t tail = b->len - i - 1;
        if (tail && tail <= CJK_SITE_MAX && tail < i && cjk_at(b->data + i + 1) &&
            cjk_at(b->data + i - 3)) {
            b->len = i;
            b->data[i] = '\0';
        }
        return;
    }
}

/* The squeezed title candidate s (entities decoded when decode), cut of
 * the site's name, into out. */
static void clean_title(const site_names *sn, const char *s, int loose, int decode, px_buf *out)
{
    px_buf raw = {0};
    px_buf_reset(out);
    if (!s) return;
    if (decode) px_html_decode_entities(s, strlen(s), &raw);
    else px_buf_puts(&raw, s);
    px_html_squeeze(raw.data ? raw.data : "", raw.len, out);
    if (out->len) cut_site_name(sn, out, loose);
    if (out->len) cut_cjk_site(out);
    px_buf_free(&raw);
}

/* ---- words --------------------------------------------------------------- */

/* Calls fn for each word of s (letters and digits; non-ASCII bytes count
 * as letters), lower-cased into a small buffer.  Soft hyphens (U+00AD,
 * which headlines put in long German words: "Deutsch&shy;land") are not
 * part of a word, or the <h1> would not agree with its own <title>. */
typedef void (*word_fn)(const char *w, size_t n, void *ud);
static void each_word(const char *s, word_fn fn, void *ud)
{
    char w[64];
    size_t n = 0;
    for (;; s++) {
        if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xAD) {
            s++;
            continue;
        }
        unsigned char c = (unsigned char)*s;
        int letter = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     c >= 0x80;
        if (letter && n + 1 < sizeof w) {
            w[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else if (!letter) {
            if (n) fn(w, n, ud);
            n = 0;
        }
        if (!c) return;
    }
}

static void add_word(const char *w, size_t n, void *ud)
{
    px_map_put(ud, w, n, (void *)1);
}

typedef struct agreement {
    const px_map *known;
    size_t words, found;
} agreement;

static void check_word(const char *w, size_t n, void *ud)
{
    agreement *ag = ud;
    ag->words++;
    ag->found += px_map_get(ag->known, w, n) != NULL;
}

/* ---- the headline's text -------------------------------------------------- */

typedef struct h1_walk {
    html_page *pg;
    xmlNode *top;
    px_buf *out;
    size_t link;    /* bytes of text inside links to the site's home page */
    int home_links; /* open ones */
} h1_walk;

/* 1 when href points at a site's home page ("/", "https://host/"). */
static int is_home(const char *href)
{
    if (!href) return 0;
    const char *p = strstr(href, "://");
    if (p) {
        p = strchr(p + 3, '/');
        if (!p) return 1;
    } else {
        p = href;
    }
    return !strcmp(p, "/") || !strncmp(p, "/index.", 7) || !*p;
}

/* 1 when a class names the line above or beside a headline: a kicker,
 * topline, supertitle, section or date ("headline--topline", "sub-heading",
 * "entry-title__toptitle", "article__subheadline"). */
static int kicker(const char *cls)
{
    static const char *const words[] = {"kicker", "topline", "toptitle", "supertitle", "overline",
                                        "eyebrow", "dachzeile", "roofline", "spitzmarke",
                                        "section", "category", "rubric", "label", "sub", "date",
                                        "time", "meta", "tag", NULL};
    char seg[32];
    while (cls && *cls) {
        size_t n = 0;
        while (*cls && strchr(" -_", *cls)) cls++;
        while (cls[n] && !strchr(" -_", cls[n])) n++;
        if (n && n < sizeof seg) {
            for (size_t i = 0; i < n; i++)
                seg[i] = (char)(cls[i] >= 'A' && cls[i] <= 'Z' ? cls[i] + 32 : cls[i]);
            seg[n] = '\0';
            for (const char *const *w = words; *w; w++)
                if (!strncmp(seg, *w, strlen(*w)) && strcmp(seg, "subject")) return 1;
        }
        cls += n;
    }
    return 0;
}

/* The text below n when it is a few bytes of punctuation only (": ",
 * " – "), to be freed with xmlFree(); NULL otherwise. */
static xmlChar *punctuation_only(const html_elem *e, xmlNode *n)
{
    if (e->text == 0 || e->text > 3) return NULL;
    xmlChar *t = xmlNodeGetContent(n);
    for (const xmlChar *c = t; c && *c; c++)
        if ((*c >= '0' && *c <= '9') || ((*c | 32) >= 'a' && (*c | 32) <= 'z')) {
            xmlFree(t);
            return NULL;
        }
    return t;
}

static int h1_enter(void *ud, xmlNode *n)
{
    h1_walk *w = ud;
    if (n->type == XML_TEXT_NODE && n->content) {
        size_t before = w->out->len;
        px_buf_puts(w->out, (const char *)n->content);
        if (w->home_links) w->link += w->out->len - before;
        return 0;
    }
    html_elem *e = n->type == XML_ELEMENT_NODE ? px_html_elem(w->pg, n) : NULL;
    if (!e || e->kind == HK_DROP) return 0;
    /* a kicker, a date or a label inside the <h1> is not the headline;
     * but one that holds (nearly) all of its text is the headline itself,
     * whatever its class says ("field--label-hidden" on a title field) */
    if (n != w->top && (e->hints & (HN_BOILER | HN_CAPTION) || e->own ||
                        px_html_is(n, "time") || px_html_is(n, "small") ||
                        kicker(px_html_attr(n, "class")))) {
        const html_elem *top = px_html_elem(w->pg, w->top);
        /* but the ": " a template hides from the eye and writes for
         * screen readers between the kicker and the headline is the
         * separator the metadata titles show too */
        xmlChar *t = e->hints & HN_BOILER ? punctuation_only(e, n) : NULL;
        if (t) {
            const char *sep = (const char *)t;
            while (*sep == ' ' || *sep == '\n' || *sep == '\t') sep++;
            if (*sep && strchr(":;,.!?", *sep)) /* clings to the word before it */
                while (w->out->len && strchr(" \t\r\n", w->out->data[w->out->len - 1])) w->out->len--;
            px_buf_puts(w->out, sep);
            xmlFree(t);
            return 0;
        }
        if (!top || e->text * 10 < top->text * 9 || e->hints & HN_BOILER || e->own) return 0;
    }
    if (e->kind == HK_LINK && is_home(px_html_attr(n, "href"))) w->home_links++;
    if (e->kind != HK_INLINE && e->kind != HK_LINK) px_buf_putc(w->out, ' ');
    return e->kind != HK_BR;
}

static void h1_leave(void *ud, xmlNode *n)
{
    h1_walk *w = ud;
    html_elem *e = px_html_elem(w->pg, n);
    if (e && e->kind == HK_LINK && is_home(px_html_attr(n, "href"))) w->home_links--;
    if (e && e->kind != HK_INLINE && e->kind != HK_LINK) px_buf_putc(w->out, ' ');
}

/* The length of the numeric date at s ("23.01.2022", "2022-01-23"), 0
 * when there is none. */
static size_t numeric_date(const char *s, size_t n)
{
    size_t k = 0;
    char iso[32];
    while (k < n && (strchr("0123456789./-", s[k]))) k++;
    size_t at;
    return k >= 8 && px_html_find_date(s, k, 1, iso, &at) && at == 0 ? k : 0;
}

/* Separators between a date and a headline: spaces, dashes, bars, bullets. */
static size_t separator_len(const char *s)
{
    static const char *const seps[] = {" ", "-", "|", ":", "\xE2\x80\x93", "\xE2\x80\x94",
                                       "\xE2\x80\xA2", "\xC2\xB7", NULL};
    for (const char *const *sep = seps; *sep; sep++)
        if (!strncmp(s, *sep, strlen(*sep))) return strlen(*sep);
    return 0;
}

/* Cuts a date that opens the headline in b, with its separator ("23.01.2022
 * - Wierer jubelt"), or closes it before one ("Zuschauer kehren zurück
 * 02.02.2022 •"): the date the page was published, printed in the <h1> by
 * its template, is not part of the title (html_pubdate.c still reads it
 * there).  A date that ends the headline's sentence ("Ergebnisse vom
 * 27.07.2019") is part of it. */
static void cut_dates(px_buf *b)
{
    size_t k = numeric_date(b->data, b->len), sep;
    if (k && k < b->len && separator_len(b->data + k)) {
        while (k < b->len && (sep = separator_len(b->data + k))) k += sep;
        if (k < b->len) {
            memmove(b->data, b->data + k, b->len - k + 1);
            b->len -= k;
        }
    }
    size_t end = b->len;
    while (end && strchr(" -|:\x80\x93\x94\xA2\xB7\xC2\xE2", b->data[end - 1])) end--;
    if (end == b->len) return; /* a date that ends a sentence is part of it */
    size_t start = end;
    while (start && strchr("0123456789./-", b->data[start - 1])) start--;
    if (start && b->data[start - 1] == ' ' && numeric_date(b->data + start, end - start) ==
                                                  end - start && end > start) {
        while (start && b->data[start - 1] == ' ') start--;
        if (start) b->len = start, b->data[start] = '\0';
    }
}

/* The length of the symbol at s that decorates the start of a heading (an
 * arrow, a bullet, a bracket; not a quote or a dash), 0 when none. */
static size_t decoration_len(const char *s)
{
    static const char *const marks[] = {"\xC2\xBB", "\xE2\x80\xBA", "\xE2\x80\xA2", "\xC2\xB7",
                                        "\xE2\x96\xA0", "\xE2\x96\xB6", "\xE2\x96\xBA", NULL};
    if (*s && strchr("[]<>(){}*#~=+/\\|.:", *s)) return 1;
    for (const char *const *m = marks; *m; m++)
        if (!strncmp(s, *m, strlen(*m))) return strlen(*m);
    return 0;
}

/* Cuts a first "word" of symbols only, followed by a space, from the
 * heading in b ("[> Jens Weber", "» Termine"): the template's decoration,
 * not part of the headline. */
static void cut_decoration(px_buf *b)
{
    size_t k = 0, d;
    while ((d = decoration_len(b->data + k))) k += d;
    if (!k || k >= b->len || b->data[k] != ' ') return;
    k++;
    memmove(b->data, b->data + k, b->len - k + 1);
    b->len -= k;
}

/* The headline text of an <h1> into out (squeezed); 0 when it has none or
 * is a logo: all of it a link to the site's home page. */
static int h1_text(html_page *pg, xmlNode *h1, px_buf *out)
{
    px_buf raw = {0};
    h1_walk w = {pg, h1, &raw, 0, 0};
    px_html_walk(h1, h1_enter, h1_leave, &w);
    int logo = raw.len && w.link * 10 >= raw.len * 9;
    px_buf_reset(out);
    const char *t = px_buf_str(&raw);
    size_t n = raw.len;
    while (n && strchr(" \t\r\n:;|", *t)) t++, n--; /* what a dropped kicker left */
    px_html_squeeze(t, n, out);
    px_buf_free(&raw);
    if (out->len) cut_decoration(out);
    cut_dates(out);
    return out->len && !logo;
}

/* ---- choosing ------------------------------------------------------------ */

/* How many of the words of s are in the metadata titles (known); the
 * number of words in *words. */
static size_t agreeing_words(const char *s, const px_map *known, size_t *words)
{
    agreement ag = {known, 0, 0};
    each_word(s, check_word, &ag);
    *words = ag.words;
    return ag.found;
}

/* The heading of list whose words agree best with the metadata titles'
 * words (known): the share need of them at least; of two that agree alike, the one
 * with more such words ("Fachmeldungen" is a section's name, the headline
 * below it says more).  Headings with fewer than min_words long words are
 * passed over.  With nothing known, the first heading.  Its text goes
 * into out; NULL when none qualifies.  *count gets how many headings
 * could be a headline at all, and sole the text of the first. */
static xmlNode *agreeing(html_page *pg, const html_nodes *list, const px_map *known,
                         size_t min_words, double need, px_buf *out, size_t *count,
                         px_buf *sole)
{
    xmlNode *chosen = NULL;
    double best = 0;
    px_buf clean = {0};
    *count = 0;
    for (size_t i = 0; i < list->len; i++) {
        if (!h1_text(pg, list->items[i], &clean) || clean.len > H1_MAX ||
            long_words(clean.data, clean.len) < min_words)
            continue;
        if (!(*count)++ && sole) px_buf_append(sole, clean.data, clean.len);
        double score = 1;
        if (known->len) {
            size_t words, found = agreeing_words(px_buf_str(&clean), known, &words);
            if (!words || (double)found < need * (double)words) continue;
            score = (double)found / (double)words + (double)found / 1000.0;
        }
        if (score > best) {
            best = score;
            chosen = list->items[i];
            px_buf_reset(out);
            px_buf_append(out, clean.data, clean.len);
            if (!known->len) break;
        }
    }
    px_buf_free(&clean);
    return chosen;
}

/* 1 when an <h2> (its text in h2) says the metadata title better than the
 * <h1> chosen (h1): all of its words agree, more of them than the
 * <h1>'s, and the <h1> is one or two words or agrees only in part.  Such an <h1>
 * is a section's or the site's name over the page ("Literatur", "News |
 * Entry"), and the article's headline sits one level down. */
static int h2_says_more(const char *h1, const char *h2, const px_map *known)
{
    size_t h1_words, h2_words;
    size_t h1_found = agreeing_words(h1, known, &h1_words);
    size_t h2_found = agreeing_words(h2, known, &h2_words);
    return h2_found == h2_words && h2_found > h1_found &&
           (h1_found < h1_words || long_words(h1, strlen(h1)) < SECTION_WORDS);
}

/* The headline, its text into out; the rule that found it, or TR_COUNT
 * when none qualifies.
 *   - TR_H1: the <h1> that agrees best with the metadata titles (agreeing());
 *   - TR_SOLE_H1: else the page's one <h1> of two long words or more that
 *     is not the site's name: the headline a reader sees, worded otherwise
 *     than the metadata titles (rewrites for search engines and sharing).
 *     A one-word <h1> is a section's name ("Literatur", "Home", "O
 *     Opinion") more often than a headline, and a site name is a logo;
 *   - TR_H2: else, on a page whose <h1> is missing or a logo, the <h2> of
 *     two long words or more that agrees best with the metadata titles:
 *     templates that keep the <h1> for the site's name set the article's
 *     headline one level down; also the <h2> that says the metadata title
 *     better than the <h1> chosen (h2_says_more());
 *   - TR_BOILER_H1: else, on a page with no <h1> outside boilerplate, one
 *     under a class or id that says boilerplate whose three long words or
 *     more all agree with the metadata titles; it is not pg->headline, so
 *     the body, date and byline searches still ignore it. */
static html_title_rule pick_h1(html_page *pg, const site_names *sn, const px_map *known,
                               int only_site, px_buf *out)
{
    px_buf sole = {0};
    size_t count = 0;
    html_title_rule rule = TR_H1;
    xmlNode *chosen = agreeing(pg, &pg->h1s, known, 1, 0.5, out, &count, &sole);
    size_t sole_words = only_site ? 1 : SOLE_H1_WORDS;
    if (!chosen && count == 1 && long_words(sole.data, sole.len) >= sole_words &&
        !is_site_name(sn, sole.data, sole.len)) {
        rule = TR_SOLE_H1;
        for (size_t i = 0; i < pg->h1s.len && !chosen; i++) {
            px_buf_reset(out);
            if (h1_text(pg, pg->h1s.items[i], out) && out->len <= H1_MAX) chosen = pg->h1s.items[i];
        }
    }
    if (!chosen && known->len) {
        rule = TR_H2;
        chosen = agreeing(pg, &pg->h2s, known, SOLE_H1_WORDS, 0.5, out, &count, NULL);
    } else if (chosen && known->len) {
        px_buf h2 = {0};
        xmlNode *better = agreeing(pg, &pg->h2s, known, SOLE_H1_WORDS, 1.0, &h2, &count, NULL);
        if (better && h2_says_more(px_buf_str(out), px_buf_str(&h2), known)) {
            chosen = better;
            rule = TR_H2;
            px_buf_reset(out);
            px_buf_append(out, h2.data, h2.len);
        }
        px_buf_free(&h2);
    }
    px_buf_free(&sole);
    pg->headline = chosen;
    if (!chosen && known->len && !pg->h1s.len &&
        agreeing(pg, &pg->boiler_h1s, known, BOILER_H1_WORDS, 1.0, out, &count, NULL))
        return TR_BOILER_H1;
    return chosen ? rule : TR_COUNT;
}

/* Offers the titles of the page's rules (see the top of the file); the
 * resolver (html_titlepick.c) chooses.  The first metadata title is no
 * longer cut at its first bar ("Kleine Schafskunde | Mäscot das Schaf"):
 * as a candidate of its own, the cut won no page out of fold. */
void px_html_title(html_page *pg, const html_meta *m)
{
    if (pg->a->title) return;
    site_names sn;
    known_site_names(pg, m, &sn);
    px_buf text = {0};
    if (pg->title)
        for (const xmlNode *c = pg->title->children; c; c = c->next)
            if (c->type == XML_TEXT_NODE && c->content) px_buf_puts(&text, (const char *)c->content);
    struct { const char *s; int loose, decode; html_title_rule rule; } cands[] = {
        {m->og_title, 0, 0, TR_OG},
        {m->twitter_title, 0, 0, TR_TWITTER},
        {px_html_ld_string(&pg->ld, "headline"), 0, 1, TR_LD},
        {text.len ? text.data : NULL, 1, 0, TR_TITLE},
    };
    enum { NCANDS = sizeof cands / sizeof *cands };
    px_map known = {0};
    px_buf clean[NCANDS] = {{0}};
    int only_site = 1, any = 0; /* every metadata title is just the site's name */
    for (size_t i = 0; i < NCANDS; i++) {
        clean_title(&sn, cands[i].s, cands[i].loose, cands[i].decode, &clean[i]);
        if (!clean[i].len) continue;
        any = 1;
        only_site &= is_site_name(&sn, clean[i].data, clean[i].len);
        each_word(clean[i].data, add_word, &known);
    }
    px_buf h1 = {0};
    html_title_rule rule = pick_h1(pg, &sn, &known, only_site && any, &h1);
    if (rule != TR_COUNT) px_html_offer_title(pg, h1.data, h1.len, rule);
    for (size_t i = 0; i < NCANDS; i++)
        px_html_offer_title(pg, clean[i].data, clean[i].len, cands[i].rule);
    px_map_free(&known);
    px_buf_free(&h1);
    for (size_t i = 0; i < NCANDS; i++) px_buf_free(&clean[i]);
    px_buf_free(&text);
}
