/*
 * test_feed.c — the feed reader (lib/read/feed*.c, charset.c, xmlpush.c):
 * each format, dates, encodings, hostile documents, the push interface,
 * sitemaps, robots.txt, OPML, and feeds read as articles.
 */
#include <stdio.h>

#include <zlib.h>

#include "unit.h"
#include "unit_context.h"
#include "read/feed.h"
#include "text/text.h"

static px_feed *parse(const char *doc, const char *url, const char *content_type)
{
    px_feed *f = NULL;
    px_error err;
    px_status rc = px_feed_parse(doc, strlen(doc), url, content_type, &f, &err);
    if (rc) fail_msg("parse failed: %s", err.message);
    return f;
}

static const px_feed_entry *entry(const px_feed *f, size_t i)
{
    const px_feed_entry *e = px_feed_get_entry(f, i);
    assert_non_null(e);
    return e;
}

/* Every string of the feed is valid UTF-8. */
static void assert_utf8(const char *s)
{
    if (s) assert_true(px_utf8_check(s, strlen(s), NULL));
}

static void assert_feed_utf8(const px_feed *f)
{
    const px_feed_info *in = px_feed_get_info(f);
    assert_utf8(in->title.value);
    for (size_t i = 0; i < px_feed_entry_count(f); i++) {
        const px_feed_entry *e = px_feed_get_entry(f, i);
        assert_utf8(e->title.value);
        assert_utf8(e->summary.value);
        assert_utf8(e->content.value);
    }
}

static void rss2_items(void **state)
{
    (void)state;
    px_feed *f = parse(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><channel>"
        "<title>Example News</title><link>/</link><language>en-us</language><ttl>30</ttl>"
        "<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>"
        "<item><title>One</title><link>/a/1</link><guid isPermaLink=\"false\">id-1</guid>"
        "<pubDate>Fri, 07 Nov 2014 10:00:00 -0500</pubDate>"
        "<author>jo@example.org (Jo Roe)</author>"
        "<description>&lt;p&gt;Short &amp;amp; sweet&lt;/p&gt;</description>"
        "<content:encoded><![CDATA[<p>Full <a href=\"/b\">text</a> & more</p>]]></content:encoded>"
        "</item>"
        "<item><title>Two</title><guid>https://example.org/2</guid><dc:creator>Al Bo</dc:creator></item>"
        "<item><title>Again</title><guid isPermaLink=\"false\">id-1</guid></item>"
        "</channel></rss>",
        "https://example.org/feed", NULL);
    const px_feed_info *in = px_feed_get_info(f);
    assert_string_equal(in->version, "rss20");
    assert_string_equal(in->title.value, "Example News");
    assert_string_equal(in->link, "https://example.org/");
    assert_string_equal(in->language, "en-us");
    assert_int_equal(in->ttl, 30);
    assert_string_equal(in->update_period, "hourly");
    assert_int_equal(in->update_frequency, 2);
    assert_false(in->bozo);
    assert_int_equal(px_feed_entry_count(f), 2); /* the repeated GUID is one item */
    const px_feed_entry *e = entry(f, 0);
    assert_string_equal(e->title.value, "One");
    assert_string_equal(e->link, "https://example.org/a/1");
    assert_string_equal(e->id, "id-1");
    assert_false(e->id_is_link);
    assert_string_equal(e->published, "2014-11-07T15:00:00Z");
    assert_string_equal(e->published_raw, "Fri, 07 Nov 2014 10:00:00 -0500");
    assert_int_equal(e->author_count, 1);
    assert_string_equal(e->authors[0].name, "Jo Roe");
    assert_string_equal(e->authors[0].email, "jo@example.org");
    assert_string_equal(e->summary.value, "<p>Short &amp; sweet</p>");
    assert_string_equal(e->summary.type, "text/html");
    /* the link in the content resolved, the bare & escaped */
    assert_string_equal(e->content.value,
                        "<p>Full <a href=\"https://example.org/b\">text</a> &amp; more</p>");
    e = entry(f, 1);
    assert_string_equal(e->link, "https://example.org/2"); /* the permalink guid */
    assert_true(e->id_is_link);
    assert_string_equal(e->authors[0].name, "Al Bo");
    assert_null(e->published); /* no date: unknown, never "now" */
    assert_null(e->updated);
    px_feed_free(f);
}

static void atom10_entries(void **state)
{
    (void)state;
    px_feed *f = parse(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://example.com/news/\" "
        "xml:lang=\"en\"><title type=\"html\">A &amp;lt;b&amp;gt; feed</title>"
        "<link href=\"/\"/><link rel=\"self\" href=\"feed.atom\"/>"
        "<author><name>Desk</name><email>desk@example.com</email></author>"
        "<entry xml:lang=\"fr\"><title>Un</title><id>tag:example.com,2014:1</id>"
        "<link rel=\"alternate\" href=\"2014/un\"/><link rel=\"enclosure\" href=\"un.mp3\"/>"
        "<published>2014-11-07T10:00:00+01:00</published><updated>2014-11-08</updated>"
        "<author><name>Jo</name><uri>/jo</uri></author>"
        "<summary>Texte</summary>"
        "<content type=\"xhtml\" xml:base=\"/x/\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        "<p>Voir <a href=\"y\">ici</a></p></div></content></entry></feed>",
        NULL, NULL);
    const px_feed_info *in = px_feed_get_info(f);
    assert_string_equal(in->version, "atom10");
    assert_string_equal(in->title.value, "A &lt;b&gt; feed");
    assert_string_equal(in->link, "http://example.com/");
    assert_string_equal(in->links[1].href, "http://example.com/news/feed.atom");
    assert_string_equal(in->links[1].type, "application/atom+xml");
    assert_string_equal(in->language, "en");
    assert_string_equal(in->authors[0].email, "desk@example.com");
    const px_feed_entry *e = entry(f, 0);
    assert_string_equal(e->link, "http://example.com/news/2014/un");
    assert_string_equal(e->id, "tag:example.com,2014:1");
    assert_string_equal(e->published, "2014-11-07T09:00:00Z");
    assert_string_equal(e->updated, "2014-11-08T00:00:00Z");
    assert_string_equal(e->language, "fr");
    assert_string_equal(e->authors[0].uri, "http://example.com/jo");
    assert_string_equal(e->content.type, "application/xhtml+xml");
    assert_string_equal(e->content.value, "<p>Voir <a href=\"http://example.com/x/y\">ici</a></p>");
    assert_string_equal(e->content.base, "http://example.com/x/");
    assert_string_equal(e->summary.value, "Texte");
    assert_string_equal(e->summary.type, "text/plain");
    px_feed_free(f);
}

static void rdf_and_atom03(void **state)
{
    (void)state;
    px_feed *f = parse(
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel rdf:about=\"http://e.org/\"><title>R</title></channel>"
        "<item rdf:about=\"http://e.org/1\"><title>I</title><link>http://e.org/1</link>"
        "<dc:date>2003-12-31T10:14:55Z</dc:date></item></rdf:RDF>",
        NULL, NULL);
    assert_string_equal(px_feed_get_info(f)->version, "rss10");
    assert_string_equal(entry(f, 0)->id, "http://e.org/1");
    assert_string_equal(entry(f, 0)->updated, "2003-12-31T10:14:55Z");
    px_feed_free(f);
    f = parse("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>"
              "<title mode=\"base64\" type=\"text/html\">PGI+QjwvYj4=</title>"
              "<issued>2004-01-01T00:00:00Z</issued></entry></feed>",
              NULL, NULL);
    assert_string_equal(px_feed_get_info(f)->version, "atom03");
    assert_string_equal(entry(f, 0)->title.value, "<b>B</b>");
    assert_string_equal(entry(f, 0)->published, "2004-01-01T00:00:00Z");
    px_feed_free(f);
}

static void json_feed(void **state)
{
    (void)state;
    px_feed *f = parse(
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\", "
        "\"home_page_url\": \"https://j.example/\", \"language\": \"de\", "
        "\"items\": [{\"id\": 7, \"url\": \"/p/7\", \"title\": \"Sieben\", "
        "\"content_html\": \"<p>Hallo</p>\", \"date_published\": \"2020-01-02T03:04:05Z\", "
        "\"authors\": [{\"name\": \"Ann\"}]}, {\"id\": \"8\", \"content_text\": \"plain\", "
        "\"date_published\": \"yesterday\"}, 5]}",
        "https://j.example/feed.json", NULL);
    const px_feed_info *in = px_feed_get_info(f);
    assert_string_equal(in->version, "json11");
    assert_string_equal(in->language, "de");
    assert_int_equal(px_feed_entry_count(f), 2);
    const px_feed_entry *e = entry(f, 0);
    assert_string_equal(e->id, "7");
    assert_string_equal(e->link, "https://j.example/p/7");
    assert_string_equal(e->content.value, "<p>Hallo</p>");
    assert_string_equal(e->content.type, "text/html");
    assert_string_equal(e->published, "2020-01-02T03:04:05Z");
    assert_string_equal(e->authors[0].name, "Ann");
    e = entry(f, 1);
    assert_string_equal(e->content.type, "text/plain");
    assert_null(e->published); /* "yesterday" is no date */
    assert_string_equal(e->published_raw, "yesterday");
    px_feed_free(f);
    px_error err;
    assert_int_equal(px_feed_parse("{\"a\": 1}", 8, NULL, NULL, &f, &err), PX_EINPUT);
    assert_null(f);
    assert_contains(err.message, "not a JSON Feed");
}

static void dates(void **state)
{
    (void)state;
    static const char *const good[][2] = {
        {"Wed, 31 Dec 2003 10:14:55 GMT", "2003-12-31T10:14:55Z"},
        {"Wed, 31 Dec 2003 10:14:55 +0100", "2003-12-31T09:14:55Z"},
        {"31 Dec 03 10:14 EST", "2003-12-31T15:14:00Z"},
        {"Wednesday, 31 December 2003 10:14:55 PST", "2003-12-31T18:14:55Z"},
        {"Wed Dec 31 10:14:55 2003", "2003-12-31T10:14:55Z"},
        {"2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z"},
        {"2003-12-31T10:14:55.123-05:00", "2003-12-31T15:14:55Z"},
        {"2003-12-31 10:14:55", "2003-12-31T10:14:55Z"},
        {"20031231T101455Z", "2003-12-31T10:14:55Z"},
        {"2003-12-31", "2003-12-31T00:00:00Z"},
        {"2003-12", "2003-12-01T00:00:00Z"},
        {"Thu, 01 Jan 2004 00:30:00 +0100", "2003-12-31T23:30:00Z"},
    };
    char out[32];
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        if (!px_feed_parse_date(good[i][0], out)) fail_msg("unread: %s", good[i][0]);
        assert_string_equal(out, good[i][1]);
    }
    static const char *const bad[] = {"", "now", "yesterday", "2003-02-30", "31 Foo 2003",
                                      "Wed, 31 Dec 2003 25:00:00 GMT", "12345678901234567890",
                                      "2003-13-01T00:00:00Z", "31 Dec",
                                      /* minutes and seconds of any length (found by fuzz_feed:
                                       * an int overflow before the check) */
                                      "31 Dec 2003 10:2222222222222", "31 Dec 2003 10:14:99999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (px_feed_parse_date(bad[i], out)) fail_msg("read as a date: %s", bad[i]);
}

static void encodings(void **state)
{
    (void)state;
    /* declared latin-1 */
    px_feed *f = parse("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel>"
                       "<title>caf\xe9</title></channel></rss>", NULL, NULL);
    assert_string_equal(px_feed_get_info(f)->title.value, "caf\xc3\xa9");
    assert_string_equal(px_feed_get_info(f)->encoding, "iso-8859-1");
    assert_false(px_feed_get_info(f)->bozo);
    px_feed_free(f);
    /* the HTTP charset wins over the declaration (application/xml) */
    f = parse("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>\xe9</title>"
              "</channel></rss>", NULL, "application/rss+xml; charset=\"windows-1252\"");
    assert_string_equal(px_feed_get_info(f)->encoding, "windows-1252");
    assert_string_equal(px_feed_get_info(f)->title.value, "\xc3\xa9");
    px_feed_free(f);
    /* text/xml without a charset is US-ASCII: UTF-8 bytes make it bozo, read as UTF-8 */
    f = parse("<rss><channel><title>\xc3\xa9</title></channel></rss>", NULL, "text/xml");
    assert_true(px_feed_get_info(f)->bozo);
    assert_string_equal(px_feed_get_info(f)->title.value, "\xc3\xa9");
    px_feed_free(f);
    /* windows-1252 bytes in a UTF-8 document: lossy, never invalid UTF-8 */
    f = parse("<rss><channel><title>don\x92t \xff</title><item><title>\xc3</title></item>"
              "</channel></rss>", NULL, NULL);
    assert_true(px_feed_get_info(f)->bozo);
    assert_feed_utf8(f);
    assert_string_equal(px_feed_get_info(f)->title.value, "don\xe2\x80\x99t \xc3\xbf");
    px_feed_free(f);
    /* UTF-16 with a BOM */
    static const char utf16[] = "\xff\xfe<\0r\0s\0s\0>\0<\0c\0h\0a\0n\0n\0e\0l\0>\0<\0t\0i\0t\0l\0e\0>"
                                "\0\xe9\0<\0/\0t\0i\0t\0l\0e\0>\0<\0/\0c\0h\0a\0n\0n\0e\0l\0>\0<\0/"
                                "\0r\0s\0s\0>\0";
    px_error err;
    assert_int_equal(px_feed_parse(utf16, sizeof utf16 - 1, NULL, NULL, &f, &err), PX_OK);
    assert_string_equal(px_feed_get_info(f)->title.value, "\xc3\xa9");
    px_feed_free(f);
}

static void hostile_documents(void **state)
{
    (void)state;
    /* a bare &, an HTML entity XML does not define, a control character,
     * a C1 character reference, and the document cut short */
    px_feed *f = parse("<rss version=\"2.0\"><channel><title>AT&T &rsquo;s\x01 &#146;</title>"
                       "<item><title>Q&A</title><description>a &nbsp; b</description></item>"
                       "<item><title>Cut", NULL, NULL);
    const px_feed_info *in = px_feed_get_info(f);
    assert_true(in->bozo);
    assert_string_equal(in->title.value, "AT&T \xe2\x80\x99s \xe2\x80\x99");
    assert_int_equal(px_feed_entry_count(f), 2);
    assert_string_equal(entry(f, 0)->title.value, "Q&A");
    assert_string_equal(entry(f, 1)->title.value, "Cut");
    assert_feed_utf8(f);
    px_feed_free(f);
    /* an external entity is never loaded */
    f = parse("<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
              "<rss><channel><title>a&x;b</title></channel></rss>", NULL, NULL);
    assert_null(strstr(px_feed_get_info(f)->title.value, "root"));
    px_feed_free(f);
    /* an internal one is */
    f = parse("<!DOCTYPE rss [<!ENTITY who \"World\">]><rss><channel><title>Hello &who;</title>"
              "</channel></rss>", NULL, NULL);
    assert_string_equal(px_feed_get_info(f)->title.value, "Hello World");
    px_feed_free(f);
    /* entity expansion is bounded (a billion laughs) */
    px_error err;
    const char *laughs =
        "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
        "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY g \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
        "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>"
        "<rss><channel><title>&i;&i;&i;&i;&i;&i;&i;&i;&i;&i;</title></channel></rss>";
    px_status rc = px_feed_parse(laughs, strlen(laughs), NULL, NULL, &f, &err);
    if (rc == PX_OK) {
        const char *t = px_feed_get_info(f)->title.value;
        assert_true(!t || strlen(t) < 20000000);
        px_feed_free(f);
    }
}

static void not_feeds(void **state)
{
    (void)state;
    px_feed *f;
    px_error err;
    const char *html = "<!DOCTYPE html><html><body><p>Hi</p></body></html>";
    assert_int_equal(px_feed_parse(html, strlen(html), "https://x/", NULL, &f, &err), PX_EINPUT);
    assert_null(f);
    assert_contains(err.message, "https://x/");
    assert_contains(err.message, "not a feed");
    assert_int_equal(px_feed_parse("  \n", 3, NULL, NULL, &f, &err), PX_EEMPTY);
    /* a byte order mark and nothing after it (found by fuzz_opml) */
    assert_int_equal(px_feed_parse("\xfe\xff", 2, NULL, NULL, &f, &err), PX_EINPUT);
    assert_int_equal(px_feed_parse("\x1f\x8b\x08\x00garbage", 12, NULL, NULL, &f, &err), PX_EINPUT);
    assert_int_equal(px_feed_parse(NULL, 3, NULL, NULL, &f, &err), PX_EUSAGE);
    assert_int_equal(px_feed_parse("x", 1, NULL, NULL, NULL, &err), PX_EUSAGE);
    px_feed_parser *p;
    assert_int_equal(px_feed_parser_new(NULL, 0, NULL, &p, &err), PX_OK);
    assert_int_equal(px_feed_parser_push(p, "<rss/>", 6, &err), PX_OK);
    assert_int_equal(px_feed_parser_header(p, "Content-Type", "text/xml", &err), PX_EUSAGE);
    assert_int_equal(px_feed_parser_finish(p, &f, &err), PX_OK);
    px_feed_free(f);
    assert_int_equal(px_feed_parser_finish(p, &f, &err), PX_EUSAGE);
    assert_int_equal(px_feed_parser_push(p, "x", 1, &err), PX_EUSAGE);
    px_feed_parser_free(p);
    assert_null(px_feed_get_info(NULL));
    assert_int_equal(px_feed_entry_count(NULL), 0);
    px_feed_free(NULL);
    px_feed_parser_free(NULL);
}

/* Pushing a byte at a time gives what one push gives: chunk boundaries
 * inside a multi-byte character, an entity, a CDATA end or a tag. */
static void push_a_byte_at_a_time(void **state)
{
    (void)state;
    const char *doc =
        "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel>"
        "<title>caf\xe9 &rsquo; &amp; AT&T</title><item><title>x</title>"
        "<description><![CDATA[a & b ]] c]]></description></item></channel></rss>";
    px_feed *whole = parse(doc, NULL, NULL);
    px_feed_parser *p;
    px_error err;
    assert_int_equal(px_feed_parser_new(NULL, 1, "application/rss+xml", &p, &err), PX_OK);
    for (size_t i = 0; doc[i]; i++) assert_int_equal(px_feed_parser_push(p, doc + i, 1, &err), PX_OK);
    px_feed *bytes;
    assert_int_equal(px_feed_parser_finish(p, &bytes, &err), PX_OK);
    px_feed_parser_free(p);
    assert_string_equal(px_feed_get_info(bytes)->title.value, px_feed_get_info(whole)->title.value);
    assert_string_equal(entry(bytes, 0)->summary.value, "a &amp; b ]] c");
    assert_string_equal(entry(bytes, 0)->summary.value, entry(whole, 0)->summary.value);
    px_feed_free(whole);
    px_feed_free(bytes);
}

static void sitemaps(void **state)
{
    (void)state;
    const char *news =
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
        "<url><loc>https://n.example/a</loc><lastmod>2024-05-01</lastmod><news:news>"
        "<news:publication><news:name>N Times</news:name><news:language>en</news:language>"
        "</news:publication><news:publication_date>2024-05-01T08:00:00+02:00"
        "</news:publication_date><news:title>Big &amp; news</news:title></news:news></url>"
        "<url><loc>/b</loc></url></urlset>";
    px_feed *f = parse(news, "https://n.example/sitemap.xml", NULL);
    assert_string_equal(px_feed_get_info(f)->version, "sitemap");
    assert_int_equal(px_feed_entry_count(f), 2);
    const px_feed_entry *e = entry(f, 0);
    assert_string_equal(e->link, "https://n.example/a");
    assert_string_equal(e->title.value, "Big & news");
    assert_string_equal(e->outlet, "N Times");
    assert_string_equal(e->language, "en");
    assert_string_equal(e->published, "2024-05-01T06:00:00Z");
    assert_string_equal(e->updated, "2024-05-01T00:00:00Z");
    assert_string_equal(entry(f, 1)->link, "https://n.example/b");
    px_feed_free(f);
    /* an index, gzipped, pushed in two halves */
    const char *index = "<sitemapindex><sitemap><loc>https://n.example/s1.xml.gz</loc></sitemap>"
                        "<sitemap><loc>https://n.example/s2.xml</loc></sitemap></sitemapindex>";
    unsigned char gz[512];
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (Bytef *)(uintptr_t)index;
    z.avail_in = (uInt)strlen(index);
    z.next_out = gz;
    z.avail_out = sizeof gz;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t n = sizeof gz - z.avail_out;
    deflateEnd(&z);
    px_feed_parser *p;
    px_error err;
    assert_int_equal(px_feed_parser_new(NULL, 0, NULL, &p, &err), PX_OK);
    assert_int_equal(px_feed_parser_push(p, (const char *)gz, n / 2, &err), PX_OK);
    assert_int_equal(px_feed_parser_push(p, (const char *)gz + n / 2, n - n / 2, &err), PX_OK);
    assert_int_equal(px_feed_parser_finish(p, &f, &err), PX_OK);
    px_feed_parser_free(p);
    assert_string_equal(px_feed_get_info(f)->version, "sitemapindex");
    assert_int_equal(px_feed_entry_count(f), 2);
    assert_string_equal(entry(f, 1)->link, "https://n.example/s2.xml");
    px_feed_free(f);
    /* cut gzip is an error, not a short list */
    assert_int_equal(px_feed_parser_new(NULL, 0, NULL, &p, &err), PX_OK);
    assert_int_equal(px_feed_parser_push(p, (const char *)gz, n - 6, &err), PX_OK);
    assert_int_equal(px_feed_parser_finish(p, &f, &err), PX_EINPUT);
    assert_contains(err.message, "truncated");
    px_feed_parser_free(p);
}

static void robots_and_opml(void **state)
{
    (void)state;
    const char *robots = "User-agent: *\nDisallow: /private\n# Sitemap: https://no/\n"
                         "sitemap:https://r.example/news.xml\r\nSITEMAP : /rel.xml # comment\n"
                         "Sitemap: not a url\n";
    char **urls = NULL;
    size_t count = 0;
    assert_int_equal(px_robots_sitemaps(robots, strlen(robots), "https://r.example/robots.txt",
                                        &urls, &count), 2);
    assert_int_equal(count, 2);
    assert_string_equal(urls[0], "https://r.example/news.xml");
    assert_string_equal(urls[1], "https://r.example/rel.xml");
    for (size_t i = 0; i < count; i++) free(urls[i]);
    free(urls);
    px_feed *f = parse("<opml version=\"2.0\"><head><title>Subs</title></head><body>"
                       "<outline text=\"News\"><outline type=\"rss\" text=\"A\" title=\"A feed\" "
                       "xmlUrl=\"https://a.example/rss\" htmlUrl=\"https://a.example/\"/>"
                       "<outline text=\"B\" xmlurl=\"https://b.example/atom\"/></outline>"
                       "<outline text=\"folder only\"/></body></opml>", NULL, NULL);
    assert_string_equal(px_feed_get_info(f)->version, "opml");
    assert_string_equal(px_feed_get_info(f)->title.value, "Subs");
    assert_int_equal(px_feed_entry_count(f), 2);
    assert_string_equal(entry(f, 0)->link, "https://a.example/rss");
    assert_string_equal(entry(f, 0)->title.value, "A feed");
    assert_string_equal(entry(f, 0)->links[0].href, "https://a.example/");
    assert_string_equal(entry(f, 1)->title.value, "B");
    px_feed_free(f);
}

static void feeds_read_as_articles(void **state)
{
    (void)state;
    const char *doc =
        "<rss version=\"2.0\"><channel><title>Example News</title>"
        "<item><title>Earnest speaks</title><link>https://e.example/1</link>"
        "<pubDate>Fri, 07 Nov 2014 10:00:00 GMT</pubDate><author>a@e.example (Ann Lee)</author>"
        "<description>&lt;p&gt;The White House said on Friday that it was not coordinating "
        "with Iran.&lt;/p&gt;</description></item>"
        "<item><title>Headline only</title><link>https://e.example/2</link></item>"
        "</channel></rss>";
    FILE *in = fmemopen((void *)doc, strlen(doc), "rb");
    px_reader *r;
    px_error err;
    assert_int_equal(px_reader_open_stream(ctx, in, "news.xml", PX_FORMAT_AUTO, &r, &err), PX_OK);
    px_article *a;
    assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
    assert_non_null(a);
    assert_string_equal(px_article_title(a), "Earnest speaks");
    assert_string_equal(px_article_url(a), "https://e.example/1");
    assert_string_equal(px_article_outlet(a), "Example News");
    assert_string_equal(px_article_byline(a), "Ann Lee");
    assert_string_equal(px_article_format(a), "feed");
    assert_contains(px_article_date(a), "2014-11-07");
    assert_contains(px_article_text(a), "not coordinating with Iran");
    px_article_free(a);
    assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
    assert_null(a); /* the headline-only item gives no article */
    px_reader_close(r);
    fclose(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rss2_items),        cmocka_unit_test(atom10_entries),
        cmocka_unit_test(rdf_and_atom03),    cmocka_unit_test(json_feed),
        cmocka_unit_test(dates),             cmocka_unit_test(encodings),
        cmocka_unit_test(hostile_documents), cmocka_unit_test(not_feeds),
        cmocka_unit_test(push_a_byte_at_a_time), cmocka_unit_test(sitemaps),
        cmocka_unit_test(robots_and_opml),   cmocka_unit_test(feeds_read_as_articles),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
