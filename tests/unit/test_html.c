/*
 * test_html.c — px_extract_html(): metadata, body, encodings, and pages
 * built to break it (deep nesting, a large page, broken markup).
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "extract/extract.h"
#include "extract/html.h"

/* ---- helpers ------------------------------------------------------------- */

/* Every string of the article is valid UTF-8. */
static void assert_all_utf8(const px_article *a)
{
    const char *fields[] = {a->url, a->outlet, a->title, a->byline, a->language, a->date};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i]) assert_true(px_utf8_check(fields[i], strlen(fields[i]), NULL));
    for (size_t i = 0; i < a->paragraphs.len; i++)
        assert_true(px_utf8_check(a->paragraphs.items[i], strlen(a->paragraphs.items[i]), NULL));
    for (size_t i = 0; i < a->removed.len; i++)
        assert_true(px_utf8_check(a->removed.items[i], strlen(a->removed.items[i]), NULL));
}

static px_article *extract_len(const char *html, size_t len)
{
    px_article *a = px_article_new();
    px_error err = {0};
    px_status rc = px_extract_html(a, html, len, "t.html", &err);
    if (rc != PX_OK) fail_msg("px_extract_html: %s", err.message);
    assert_all_utf8(a);
    return a;
}

static px_article *extract(const char *html) { return extract_len(html, strlen(html)); }

static char *read_fixture(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot open %s (tests run from the top of the tree)", path);
    px_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) px_buf_append(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return px_buf_detach(&b);
}

static int removed_has(const px_article *a, const char *needle)
{
    for (size_t i = 0; i < a->removed.len; i++)
        if (strstr(a->removed.items[i], needle)) return 1;
    return 0;
}

static int body_has(const px_article *a, const char *needle)
{
    for (size_t i = 0; i < a->paragraphs.len; i++)
        if (strstr(a->paragraphs.items[i], needle)) return 1;
    return 0;
}

static void assert_paragraphs(const px_article *a, const char *const *want, size_t n)
{
    for (size_t i = 0; i < a->paragraphs.len && i < n; i++)
        assert_string_equal(a->paragraphs.items[i], want[i]);
    assert_int_equal(a->paragraphs.len, n);
}

/* ---- a realistic news page ----------------------------------------------- */

static void test_news_page(void **state)
{
    (void)state;
    size_t len;
    char *html = read_fixture("tests/unit/html/news.html", &len);
    px_article *a = extract_len(html, len);
    assert_string_equal(a->title, "Rice says U.S. not coordinating with Iran on Islamic State");
    assert_string_equal(a->url, "https://www.example-times.com/world/2014/11/07/rice-iran-isis/");
    assert_string_equal(a->outlet, "Example Times");
    assert_string_equal(a->byline, "Jane Q. Reporter");
    assert_string_equal(a->date, "2014-11-07T14:05:00-05:00");
    assert_int_equal(a->date_source, PX_DATE_JSONLD);
    /* JSON-LD, <meta>, <time> and the URL agree: the resolver is sure */
    assert_true(a->date_confidence > 0.9 && a->date_confidence <= 1);
    assert_string_equal(a->language, "en");
    static const char *const want[] = {
        ("WASHINGTON \xE2\x80\x94 National security adviser Susan Rice said on Friday that the "
         "United States is not coordinating militarily with Iran in the fight against Islamic "
         "State."),
        ("\xE2\x80\x9CWe are in no way engaged in any coordination,\xE2\x80\x9D Rice told "
         "reporters at a White House briefing, responding to a report about a letter from "
         "President Barack Obama."),
        "A letter to Tehran",
        ("The report said Obama wrote to Iran's Supreme Leader Ayatollah Ali Khamenei in the "
         "middle of October, describing a shared interest in fighting the militants."),
        "The president has been clear that we will not coordinate with Iran.",
        "Talks on Iran's nuclear program resume this month.",
        "A deadline is set for Nov. 24.",
    };
    assert_paragraphs(a, want, sizeof want / sizeof *want);
    assert_false(body_has(a, "Susan Rice speaks at the White House on Friday."));
    assert_true(removed_has(a, "Advertisement"));
    assert_true(removed_has(a, "Iran nuclear talks enter final stretch"));
    assert_false(body_has(a, "cookies"));
    assert_false(body_has(a, "Share on Facebook"));
    assert_false(body_has(a, "newsletter"));
    assert_false(body_has(a, "Great article"));
    assert_false(body_has(a, "loadAd"));
    px_article_free(a);
    free(html);
}

/* A field the caller set (a JSON Lines record) is kept. */
static void test_fields_already_set_are_kept(void **state)
{
    (void)state;
    size_t len;
    char *html = read_fixture("tests/unit/html/news.html", &len);
    px_article *a = px_article_new();
    a->title = px_article_str(a, "Given title", 11);
    a->outlet = px_article_str(a, "Given outlet", 12);
    px_article_set_date(a, "2020-01-02", PX_DATE_INPUT, 1.0);
    px_error err = {0};
    assert_int_equal(px_extract_html(a, html, len, "t.html", &err), PX_OK);
    assert_string_equal(a->title, "Given title");
    assert_string_equal(a->outlet, "Given outlet");
    assert_string_equal(a->date, "2020-01-02");
    assert_int_equal(a->date_source, PX_DATE_INPUT);
    assert_string_equal(a->byline, "Jane Q. Reporter"); /* still filled */
    px_article_free(a);
    free(html);
}

/* ---- small pages ---------------------------------------------------------- */

static void test_title_and_paragraphs_only(void **state)
{
    (void)state;
    px_article *a = extract("<html><head><title>  A plain\n page  </title></head><body>"
                            "<p>The first paragraph of a plain page.</p>\n"
                            "<p>The second   one,\n with a line break.</p></body></html>");
    assert_string_equal(a->title, "A plain page");
    static const char *const want[] = {"The first paragraph of a plain page.",
                                       "The second one, with a line break."};
    assert_paragraphs(a, want, 2);
    assert_null(a->url);
    assert_null(a->date);
    assert_null(a->byline);
    assert_null(a->language);
    px_article_free(a);
}

static void test_title_minus_site_name(void **state)
{
    (void)state;
    px_article *a = extract("<title>Storm floods the coast | Example News</title>"
                            "<meta property='og:site_name' content='Example News'><p>Text.</p>");
    assert_string_equal(a->title, "Storm floods the coast");
    px_article_free(a);

    /* No site name known: a short capitalised tail still looks like one. */
    a = extract("<title>Storm floods the coast again - The Daily Planet</title><p>Text.</p>");
    assert_string_equal(a->title, "Storm floods the coast again");
    px_article_free(a);

    /* The URL's host names the site; a section before it goes too. */
    a = extract("<title>Storm floods the coast | World | BBC News</title>"
                "<link rel=canonical href='https://www.bbc.co.uk/news/world-1'><p>Text.</p>");
    assert_string_equal(a->title, "Storm floods the coast");
    px_article_free(a);

    /* A lower-case tail is part of the headline. */
    a = extract("<title>Obama wrote to Iran's leader - report</title><p>Text.</p>");
    assert_string_equal(a->title, "Obama wrote to Iran's leader - report");
    px_article_free(a);

    /* No <title>: the first <h1> outside the page furniture. */
    a = extract("<nav><h1>Menu</h1></nav><h1>The  <em>real</em> headline</h1><p>Text.</p>");
    assert_string_equal(a->title, "The real headline");
    px_article_free(a);
}

static void test_dates_and_sources(void **state)
{
    (void)state;
    px_article *a = extract("<meta property='article:published_time' "
                            "content='2014-11-07T10:00:00.000+0000'><p>x</p>");
    assert_string_equal(a->date, "2014-11-07T10:00:00+00:00");
    assert_int_equal(a->date_source, PX_DATE_META);
    assert_true(a->date_confidence > 0.5 && a->date_confidence < 0.9); /* alone */
    px_article_free(a);

    a = extract("<p>Posted <time datetime='2014-11-07'>Friday</time></p>"
                "<link rel='canonical' href='https://x.com/2013/01/02/story'>");
    assert_string_equal(a->date, "2014-11-07");
    assert_int_equal(a->date_source, PX_DATE_TIME);
    px_article_free(a);

    a = extract("<link rel='canonical' href='https://x.com/news/2013/01/02/story.html'><p>x</p>");
    assert_string_equal(a->date, "2013-01-02");
    assert_int_equal(a->date_source, PX_DATE_URL);
    px_article_free(a);

    a = extract("<meta name='date' content='not a date'><p>x</p>");
    assert_null(a->date);
    px_article_free(a);
}

static void test_date_formats(void **state)
{
    (void)state;
    char out[32];
    static const char *const cases[][2] = {
        {"2014-11-07", "2014-11-07"},
        {"2014-11-07T10:00:00Z", "2014-11-07T10:00:00Z"},
        {" 2014-11-07T10:00:00.123-05:00", "2014-11-07T10:00:00-05:00"},
        {"2014-11-07 10:00", "2014-11-07T10:00:00"},
        {"2014/1/7", "2014-01-07"},
        {"Fri, 07 Nov 2014 10:00:00 GMT", "2014-11-07T10:00:00Z"},
        {"November 7th, 2014", "2014-11-07"},
        {"7 Nov. 2014", "2014-11-07"},
        {"2016-02-29", "2016-02-29"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        if (!px_html_date_iso(cases[i][0], out)) fail_msg("not read: %s", cases[i][0]);
        assert_string_equal(out, cases[i][1]);
    }
    static const char *const bad[] = {"2015-02-29", "2014-13-01", "v1.2.3", "Nov 2014",
                                      "12345", "", "0000-00-00"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (px_html_date_iso(bad[i], out)) fail_msg("read as a date: %s", bad[i]);
    assert_true(px_html_url_date("https://a.com/2014/11/07/x", out));
    assert_string_equal(out, "2014-11-07");
    assert_false(px_html_url_date("https://a.com/2014/11/x", out));
    assert_false(px_html_url_date("https://a.com/1234/56/78/x", out));
    assert_true(px_html_url_date("https://a.de/meldungen/29-10-2021", out));
    assert_string_equal(out, "2021-10-29");
    assert_true(px_html_url_date("https://a.it/news/23-01-2022-wierer-jubelt/17.html", out));
    assert_string_equal(out, "2022-01-23");
    assert_false(px_html_url_date("https://a.de/news/12-34-2021", out));
    assert_false(px_html_url_date("https://a.de/news/29-10-20211", out));
}

static void test_jsonld_graph_and_body(void **state)
{
    (void)state;
    px_buf page = {0};
    px_buf_puts(&page,
                "<html><head><script type='application/ld+json'>\n<!--\n"
                "{\"@context\":\"https://schema.org\",\"@graph\":["
                "{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"The Planet &amp; Star\"},"
                "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Lois Lane\"},"
                "{\"@type\":[\"CreativeWork\",\"schema:ReportageNewsArticle\"],"
                "\"headline\":\"Heat wave \\u201cbreaks records\\u201d\","
                "\"datePublished\":\"2021-07-01T08:30:00+02:00\",\"inLanguage\":\"de-DE\","
                "\"author\":[{\"@id\":\"#p1\"},{\"@type\":\"Person\",\"name\":\"Clark Kent\"}],"
                "\"publisher\":{\"@id\":\"#org\"},"
                "\"mainEntityOfPage\":{\"@id\":\"https://planet.example/heat\"},"
                "\"articleBody\":\"");
    for (int i = 0; i < 6; i++)
        px_buf_printf(&page, "Paragraph %d of the body, long enough to matter for the "
                             "extraction, with a raw line break after it.\n", i + 1);
    px_buf_puts(&page, "\"}]}\n-->\n</script></head><body><div class='teaser'><p>Only a "
                       "teaser of the article is in the markup.</p></div></body></html>");
    px_article *a = extract(px_buf_str(&page));
    assert_string_equal(a->title, "Heat wave \xE2\x80\x9C" "breaks records\xE2\x80\x9D");
    assert_string_equal(a->outlet, "The Planet & Star");
    assert_string_equal(a->byline, "Lois Lane, Clark Kent");
    assert_string_equal(a->url, "https://planet.example/heat");
    /* its datePublished, alone and never shown, weighs less than no date
     * (html_date_weights.h: such dates are as often a CMS's) */
    assert_null(a->date);
    assert_string_equal(a->language, "de");
    assert_int_equal(a->paragraphs.len, 6);
    assert_string_equal(a->paragraphs.items[5],
                        "Paragraph 6 of the body, long enough to matter for the extraction, "
                        "with a raw line break after it.");
    assert_false(body_has(a, "teaser"));
    px_article_free(a);
    px_buf_free(&page);
}

static void test_bad_jsonld_is_ignored(void **state)
{
    (void)state;
    px_article *a = extract("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                            "\"headline\": </script><title>Fallback title</title>"
                            "<script type='application/ld+json'>[1, [2, [3]], \"x\", null]</script>"
                            "<p>Body text.</p>");
    assert_string_equal(a->title, "Fallback title");
    assert_int_equal(a->paragraphs.len, 1);
    px_article_free(a);
}

/* Paragraphs without <p>, scoring without <article>, boilerplate classes. */
static void test_body_without_semantic_markup(void **state)
{
    (void)state;
    px_article *a = extract(
        "<body class='home comments-open'>"
        "<div id='menu'><a href='/'>Home</a> <a href='/a'>World news from everywhere</a></div>"
        "<div class='col'><div class='story-text has-social-share'>"
        "First part of the story, written as loose text in a div.<br><br>"
        "Second part of the story, after two line breaks,<br>and a single one.<br>"
        "<div class='social-share'>Share this story with your friends today</div>"
        "Third part <span class='ad-label'>Advertisement</span>goes on."
        "</div></div>"
        "<div class='links'><a href='/1'>One link headline that is long enough</a><br>"
        "<a href='/2'>Another link headline that is also long</a></div></body>");
    static const char *const want[] = {
        "First part of the story, written as loose text in a div.",
        "Second part of the story, after two line breaks, and a single one.",
        "Third part goes on.",
    };
    assert_paragraphs(a, want, 3);
    assert_true(removed_has(a, "Share this story"));
    assert_true(removed_has(a, "Advertisement"));
    px_article_free(a);
}

/* An <article> teaser card loses to the real body found by scoring. */
static void test_teaser_article_loses_to_scored_body(void **state)
{
    (void)state;
    px_buf page = {0};
    px_buf_puts(&page, "<body><article><p>A teaser card, with a short summary.</p></article>"
                       "<div class='story'>");
    for (int i = 0; i < 5; i++)
        px_buf_printf(&page, "<p>Body paragraph %d, which is long enough to count as text.</p>",
                      i);
    px_buf_puts(&page, "</div></body>");
    px_article *a = extract(px_buf_str(&page));
    assert_int_equal(a->paragraphs.len, 5);
    assert_false(body_has(a, "teaser"));
    px_article_free(a);
    px_buf_free(&page);
}

/* A body split around an ad, a relative canonical URL, a byline in markup. */
static void test_split_body_relative_url_byline(void **state)
{
    (void)state;
    px_article *a = extract(
        "<meta property='og:url' content='https://news.example/a/b?x=1'>"
        "<link rel='canonical' href='/2019/05/04/story'>"
        "<div class='byline'>By <span>Ann Writer</span></div>"
        "<div itemprop='articleBody'><p>Part one of the body text, long enough.</p></div>"
        "<div class='ad'>Advertisement</div>"
        "<div itemprop='articleBody'><p>Part two of the body text, long enough.</p></div>"
        "<div class='more'><p>Other text, outside the body parts, long enough to count.</p>"
        "<p>And more of it, so that it is more text than either part alone.</p></div>");
    assert_string_equal(a->url, "https://news.example/2019/05/04/story");
    assert_string_equal(a->date, "2019-05-04");
    assert_int_equal(a->date_source, PX_DATE_URL);
    assert_string_equal(a->byline, "Ann Writer");
    static const char *const want[] = {"Part one of the body text, long enough.",
                                       "Part two of the body text, long enough."};
    assert_paragraphs(a, want, 2);
    px_article_free(a);
}

/* ---- encodings ------------------------------------------------------------ */

static void test_windows1252_declared(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 news</title></head>"
        "<body><p>Caf\xe9 \x93quoted\x94 costs \x80" "5 \x85</p></body></html>";
    px_article *a = extract(page);
    assert_string_equal(a->title, "Caf\xC3\xA9 news");
    assert_int_equal(a->paragraphs.len, 1);
    assert_string_equal(a->paragraphs.items[0], "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D costs "
                                                "\xE2\x82\xAC" "5 \xE2\x80\xA6");
    px_article_free(a);

    /* iso-8859-1 is read as windows-1252, as browsers do. */
    a = extract("<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"
                "<p>\x93" "Hi\x94</p>");
    assert_string_equal(a->paragraphs.items[0], "\xE2\x80\x9CHi\xE2\x80\x9D");
    px_article_free(a);
}

static void test_windows1252_undeclared(void **state)
{
    (void)state;
    px_article *a = extract("<html><body><p>Na\xefve caf\xe9 \x93quotes\x94 and \x80"
                            "10</p></body></html>");
    assert_string_equal(a->paragraphs.items[0], "Na\xC3\xAFve caf\xC3\xA9 \xE2\x80\x9Cquotes"
                                                "\xE2\x80\x9D and \xE2\x82\xAC" "10");
    px_article_free(a);
}

static void test_utf8_with_a_stray_byte(void **state)
{
    (void)state;
    /* Mostly UTF-8: the stray byte becomes U+FFFD, the rest stays. */
    px_article *a = extract("<p>caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D bad\xFF byte</p>");
    assert_string_equal(a->paragraphs.items[0],
                        "caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D bad\xEF\xBF\xBD byte");
    px_article_free(a);

    /* UTF-8 mislabelled as windows-1252 is still read as UTF-8. */
    a = extract("<meta charset='windows-1252'><p>caf\xC3\xA9 \xE2\x82\xAC</p>");
    assert_string_equal(a->paragraphs.items[0], "caf\xC3\xA9 \xE2\x82\xAC");
    px_article_free(a);

    /* A UTF-8 BOM wins over a wrong declaration. */
    a = extract("\xEF\xBB\xBF<meta charset='windows-1252'><p>caf\xC3\xA9</p>");
    assert_string_equal(a->paragraphs.items[0], "caf\xC3\xA9");
    px_article_free(a);
}

static void test_shift_jis(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
        "<title>\x83\x6a\x83\x85\x81\x5b\x83\x58</title></head><body><p>"
        "\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x6a\x83\x85\x81\x5b\x83\x58\x8b\x4c\x8e\x96\x82\xc5"
        "\x82\xb7\x81\x42\x93\x8c\x8b\x9e\x82\xc5\x89\xef\x8b\x63\x82\xaa\x8a\x4a\x82\xa9\x82\xea"
        "\x82\xdc\x82\xb5\x82\xbd\x81\x42</p></body></html>";
    px_article *a = extract(page);
    assert_string_equal(a->title, "ニュース");
    assert_int_equal(a->paragraphs.len, 1);
    assert_string_equal(a->paragraphs.items[0],
                        "日本語のニュース記事です。東京で会議が開かれました。");
    px_article_free(a);
}

static void test_utf16_with_bom(void **state)
{
    (void)state;
    static const char page[] = "\xFF\xFE<\0p\0>\0h\0\xE9\0l\0l\0o\0<\0/\0p\0>\0";
    px_article *a = extract_len(page, sizeof page - 1);
    assert_int_equal(a->paragraphs.len, 1);
    assert_string_equal(a->paragraphs.items[0], "h\xC3\xA9llo");
    px_article_free(a);
}

/* ---- broken and empty pages ------------------------------------------------ */

/* The body is the form an old ASP.NET page wraps everything in; only the
 * first <h1> is the headline. */
static void test_form_container_and_second_h1(void **state)
{
    (void)state;
    px_article *a = extract("<body><form id='aspnetForm'><h1>The headline</h1>"
                            "<p>First paragraph of the story, inside the page form.</p>"
                            "<h1>A misused section heading</h1>"
                            "<p>Second paragraph of the story, also inside the form.</p>"
                            "</form></body>");
    static const char *const want[] = {"First paragraph of the story, inside the page form.",
                                       "A misused section heading",
                                       "Second paragraph of the story, also inside the form."};
    assert_paragraphs(a, want, 3);
    assert_true(removed_has(a, "The headline"));
    assert_string_equal(a->title, "The headline");
    px_article_free(a);
}

static void test_broken_html(void **state)
{
    (void)state;
    px_article *a = extract("<html><head><title>Broken</title><body><div class=content>"
                            "<p>First paragraph, never closed<p>Second paragraph <b>bold "
                            "<i>nested</b> still</i> going<div><p>Third &amp; last &bogus; "
                            "<unknown-tag>custom element</unknown-tag>");
    static const char *const want[] = {"First paragraph, never closed",
                                       "Second paragraph bold nested still going",
                                       "Third & last &bogus; custom element"};
    assert_paragraphs(a, want, 3);
    assert_string_equal(a->title, "Broken");
    px_article_free(a);
}

static void test_empty_page(void **state)
{
    (void)state;
    static const char *const pages[] = {"", "   \n\t ", "<!-- nothing -->"};
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        px_article *a = px_article_new();
        px_error err = {0};
        assert_int_equal(px_extract_html(a, pages[i], strlen(pages[i]), "e.html", &err), PX_OK);
        assert_int_equal(a->paragraphs.len, 0);
        assert_null(a->title);
        px_article_free(a);
    }
}

static void test_page_without_text(void **state)
{
    (void)state;
    px_article *a = extract("<html><head><script>var text = 'not this';</script>"
                            "<style>p { color: red }</style></head><body><img src='x.jpg'>"
                            "<div><span> </span></div><p hidden>hidden text</p>"
                            "<div style='display: none'>also hidden</div>"
                            "<noscript>enable javascript</noscript></body></html>");
    assert_int_equal(a->paragraphs.len, 0);
    assert_int_equal(a->removed.len, 0);
    assert_null(a->title);
    px_article_free(a);
}

/* ---- size and depth ------------------------------------------------------- */

/* 100,000 nested elements: no crash, no stack overflow, linear time, and
 * the text around and inside the nest is kept. */
static void nest(const char *open, const char *close, int depth)
{
    px_buf page = {0};
    px_buf_puts(&page, "<html><body><p>Before the nest, a paragraph of some length.</p>");
    for (int i = 0; i < depth; i++) px_buf_puts(&page, open);
    px_buf_puts(&page, "deep text");
    for (int i = 0; i < depth; i++) px_buf_puts(&page, close);
    px_buf_puts(&page, "<p>After the nest, another paragraph of some length.</p></body></html>");
    clock_t start = clock();
    px_article *a = extract_len(page.data, page.len);
    double secs = (double)(clock() - start) / CLOCKS_PER_SEC;
    if (secs > 20) fail_msg("%d levels of %s took %.1f s", depth, open, secs);
    assert_true(body_has(a, "deep text"));
    if (*close) { /* closed: the nest is one paragraph between the other two */
        static const char *const want[] = {"Before the nest, a paragraph of some length.",
                                           "deep text",
                                           "After the nest, another paragraph of some length."};
        assert_paragraphs(a, want, 3);
    } else { /* never closed: the last paragraph is inside the nest, flat */
        assert_int_equal(a->paragraphs.len, 1);
        assert_string_equal(a->paragraphs.items[0],
                            "deep text After the nest, another paragraph of some length.");
    }
    px_article_free(a);
    px_buf_free(&page);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    nest("<div>", "</div>", 100000);
    nest("<span>", "</span>", 100000);
    nest("<table><tr><td>", "</td></tr></table>", 30000);
    nest("<div>", "", 100000); /* never closed */
}

/* Below the depth limit the text is kept flat, words still apart. */
static void test_text_below_the_depth_limit(void **state)
{
    (void)state;
    px_buf page = {0};
    for (int i = 0; i < PX_MAX_DEPTH + 50; i++) px_buf_puts(&page, "<div>");
    px_buf_puts(&page, "<p>alpha</p><p>beta</p>");
    px_article *a = extract(px_buf_str(&page));
    assert_int_equal(a->paragraphs.len, 1);
    assert_string_equal(a->paragraphs.items[0], "alpha beta");
    px_article_free(a);
    px_buf_free(&page);
}

/* libxml2 stops at a text node over 10 MB; the page is refused, not cut. */
static void test_huge_text_node_is_refused(void **state)
{
    (void)state;
    px_buf page = {0};
    px_buf_puts(&page, "<p>");
    for (int i = 0; i < (11 << 20) / 16; i++) px_buf_puts(&page, "word word words ");
    px_buf_puts(&page, "</p><p>the end</p>");
    px_article *a = px_article_new();
    px_error err = {0};
    assert_int_equal(px_extract_html(a, page.data, page.len, "huge.html", &err), PX_EINPUT);
    assert_int_equal(err.code, PX_EINPUT);
    assert_contains(err.message, "huge.html");
    assert_contains(err.message, "libxml2");
    px_article_free(a);
    px_buf_free(&page);
}

static void test_large_page(void **state)
{
    (void)state;
    enum { N = 20000 };
    px_buf page = {0};
    px_buf_puts(&page, "<html><head><title>Big</title></head><body><nav>");
    for (int i = 0; i < 2000; i++) px_buf_printf(&page, "<a href='/%d'>Link %d</a>", i, i);
    px_buf_puts(&page, "</nav><article>");
    for (int i = 0; i < N; i++)
        px_buf_printf(&page, "<p>Paragraph %d of a very long page: <em>lorem ipsum</em> dolor "
                             "sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
                             "incididunt ut labore et dolore magna aliqua.</p>\n", i);
    px_buf_puts(&page, "</article></body></html>");
    assert_true(page.len > 3u << 20);
    clock_t start = clock();
    px_article *a = extract_len(page.data, page.len);
    double secs = (double)(clock() - start) / CLOCKS_PER_SEC;
    if (secs > 30) fail_msg("a %zu byte page took %.1f s", page.len, secs);
    assert_int_equal(a->paragraphs.len, N);
    assert_contains(a->paragraphs.items[N - 1], "Paragraph 19999 of a very long page: lorem");
    px_article_free(a);
    px_buf_free(&page);
}

/* Text between the blocks of an element ("x<p>y</p>x<p>y</p>..."), on a
 * page with no date: the element's runs alternate with its children's,
 * and the search for a labelled date must still read each element once
 * (read again at each run, 40,000 blocks took 10 s of CPU, and the time
 * grew with the square of the count). */
static void test_text_between_many_blocks(void **state)
{
    (void)state;
    enum { N = 80000 };
    px_buf page = {0};
    px_buf_puts(&page, "<html><body><h1>A page of many short blocks</h1>");
    for (int i = 0; i < N; i++) px_buf_puts(&page, "x<p>y</p>");
    px_buf_puts(&page, "</body></html>");
    clock_t start = clock();
    px_article *a = extract_len(page.data, page.len);
    double secs = (double)(clock() - start) / CLOCKS_PER_SEC;
    if (secs > 10) fail_msg("%d blocks between text took %.1f s", N, secs);
    assert_null(a->date);
    px_article_free(a);
    px_buf_free(&page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_news_page),
        cmocka_unit_test(test_fields_already_set_are_kept),
        cmocka_unit_test(test_title_and_paragraphs_only),
        cmocka_unit_test(test_title_minus_site_name),
        cmocka_unit_test(test_dates_and_sources),
        cmocka_unit_test(test_date_formats),
        cmocka_unit_test(test_jsonld_graph_and_body),
        cmocka_unit_test(test_bad_jsonld_is_ignored),
        cmocka_unit_test(test_body_without_semantic_markup),
        cmocka_unit_test(test_teaser_article_loses_to_scored_body),
        cmocka_unit_test(test_split_body_relative_url_byline),
        cmocka_unit_test(test_windows1252_declared),
        cmocka_unit_test(test_windows1252_undeclared),
        cmocka_unit_test(test_utf8_with_a_stray_byte),
        cmocka_unit_test(test_shift_jis),
        cmocka_unit_test(test_utf16_with_bom),
        cmocka_unit_test(test_form_container_and_second_h1),
        cmocka_unit_test(test_broken_html),
        cmocka_unit_test(test_empty_page),
        cmocka_unit_test(test_page_without_text),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_text_below_the_depth_limit),
        cmocka_unit_test(test_huge_text_node_is_refused),
        cmocka_unit_test(test_large_page),
        cmocka_unit_test(test_text_between_many_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
