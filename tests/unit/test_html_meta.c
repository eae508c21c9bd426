/*
 * test_html_meta.c — an HTML page's fields: dates written in text and
 * where they are found, authors from bylines, the title from the visible
 * headline, the outlet from the registrable domain.
 */
#include <stddef.h>

#include "html_unit.h"

/* Extracts html and checks the string field at offset `field` of the
 * article (offsetof(px_article, title)...). */
static void expect_field(const char *html, size_t field, const char *want)
{
    px_article *a = html_extract(html);
    const char *got = *(const char *const *)((const char *)a + field);
    if (!got) fail_msg("no value, want %s", want);
    assert_string_equal(got, want);
    px_article_free(a);
}

/* Extracts html and checks that it gets no date. */
static void expect_no_date(const char *what, const char *html)
{
    px_article *a = html_extract(html);
    if (a->date) fail_msg("%s: dated %s", what, a->date);
    px_article_free(a);
}

#define PARA_TEXT "<p>The water rose through the night, and by the morning the harbour, " \
    "the market and the old town were under a metre of it.</p>"


/* ---- dates ---------------------------------------------------------------- */

static void test_dates_in_text(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"am 25.08.2015 22:30", "2015-08-25"},
        {"Erstellt am: 01.11.2023", "2023-11-01"},
        {"Montag, 7. März 2022", "2022-03-07"},
        {"Posted on September 21, 2020 by Adi", "2020-09-21"},
        {"Sept. 5th, 2019", "2019-09-05"},
        {"25 de agosto de 2015", "2015-08-25"},
        {"14 août 2019", "2019-08-14"},
        {"15 sierpnia 2016", "2016-08-15"},
        {"2020年02月19日 20:29", "2020-02-19"},
        {"2020-02-19 20:29:58", "2020-02-19"},
        {"26.10.13, 10:00", "2013-10-26"},
        {"31/12/2019", "2019-12-31"}, /* only one reading allows it */
        {"28.09.1912:44", "2019-09-28"}, /* <span>28.09.19</span><span>12:44</span> */
        {"Tanja Roe3.11.2023", "2023-11-03"}, /* a byline and a date glued */
    };
    char out[32];
    size_t at;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *s = cases[i][0];
        if (!px_html_find_date(s, strlen(s), 1, out, &at)) fail_msg("not read: %s", s);
        assert_string_equal(out, cases[i][1]);
    }
    /* Day first, except in English. */
    assert_true(px_html_find_date("03/04/2019", 10, 1, out, NULL));
    assert_string_equal(out, "2019-04-03");
    assert_true(px_html_find_date("03/04/2019", 10, 0, out, NULL));
    assert_string_equal(out, "2019-03-04");
    static const char *const not_dates[] = {"version 10.5 is out", "v1.2.3", "31.02.2019", "v1.2.2023",
                                            "call 0151 2345 678", "May the best win", ""};
    for (size_t i = 0; i < sizeof not_dates / sizeof *not_dates; i++)
        if (px_html_find_date(not_dates[i], strlen(not_dates[i]), 1, out, NULL))
            fail_msg("read as a date: %s", not_dates[i]);
}

static void test_date_sources(void **state)
{
    (void)state;
    /* The WebPage of a JSON-LD graph, with no article object: its date
     * when the page shows that day, none when it never does. */
    px_article *a = html_extract("<script type='application/ld+json'>{\"@graph\":[{\"@type\":"
                            "\"WebPage\",\"datePublished\":\"2014-03-17T01:44:37+00:00\"}]}"
                            "</script><p>Posted on March 17, 2014 by the editors.</p>");
    assert_string_equal(a->date, "2014-03-17T01:44:37+00:00");
    assert_int_equal(a->date_source, PX_DATE_JSONLD);
    px_article_free(a);
    a = html_extract("<script type='application/ld+json'>{\"@graph\":[{\"@type\":"
                     "\"WebPage\",\"datePublished\":\"2014-03-17T01:44:37+00:00\"}]}"
                     "</script><p>Some text of the page, shown 2014-03-18.</p>");
    assert_null(a->date);
    px_article_free(a);

    /* A vendor's copy of article:published_time counts, below the
     * standard keys; a key that only ends like it does not. */
    a = html_extract("<meta name='shareaholic:article_published_time' "
                     "content='2014-03-17T01:44:37+01:00'><p>A paragraph.</p>");
    assert_string_equal(a->date, "2014-03-17T01:44:37+01:00");
    assert_int_equal(a->date_source, PX_DATE_META);
    px_article_free(a);
    a = html_extract("<meta name='shareaholic:article_published_time' content='2014-03-17'>"
                     "<meta property='article:published_time' content='2014-03-16'>"
                     "<p>A paragraph.</p>");
    assert_string_equal(a->date, "2014-03-16");
    px_article_free(a);
    a = html_extract("<meta name='notarticle_published_time' content='2014-03-17'>"
                     "<p>A paragraph.</p>");
    assert_null(a->date);
    px_article_free(a);

    /* Microdata written as text, read day first on a German page. */
    a = html_extract("<html lang='de'><div itemprop='datePublished'>20.06.2019 11:43</div>"
                "<p>Ein Absatz des Artikels.</p></html>");
    assert_string_equal(a->date, "2019-06-20");
    assert_int_equal(a->date_source, PX_DATE_META);
    px_article_free(a);

    /* A date in an element named for it, outside the page's footer. */
    a = html_extract("<html lang='de'><body><div class='entry-meta'><span class='post-date'>"
                "23. Juli 2017</span></div><p>Ein Absatz des Artikels.</p>"
                "<footer><span class='date'>01.01.2020</span></footer></body></html>");
    assert_string_equal(a->date, "2017-07-23");
    assert_int_equal(a->date_source, PX_DATE_TEXT);
    assert_true(a->date_confidence > 0.3);
    px_article_free(a);

    /* A date line just above the headline, and one below a headline that
     * the metadata titles otherwise (the page's first <h1> then). */
    a = html_extract("<html lang='de'><title>Fachtag</title><body><article>"
                     "<p>08.11.2021 | Veranstaltung</p><h1>Online-Fachtag zum Gedenktag</h1>"
                     PARA_TEXT "</article></body></html>");
    assert_string_equal(a->date, "2021-11-08");
    assert_int_equal(a->date_source, PX_DATE_TEXT);
    px_article_free(a);
    expect_field("<html lang='de'><title>Newsroom | Example AG</title><body><article>"
                 "<h1>Windpark startet</h1><p>06.12.2022</p>" PARA_TEXT "</article></body></html>",
                 offsetof(px_article, date), "2022-12-06");

    /* A UTC time on a country's domain is that country's day, summer time
     * included; on a .com, or written "+00:00", it stays as given.  With
     * no address, a German page is read in Central Europe, an English one
     * is left as given.  (JSON-LD and a <meta> tag agree: alone, a date
     * the page never shows weighs less than none.) */
    static const char *const zoned[][4] = {
        {"https://www.example.de/a", "", "2022-11-06T23:00:00Z", "2022-11-07"},
        {"https://www.example.de/a", "", "2021-12-31T23:30:00Z", "2022-01-01"},
        {"https://example.com.br/a", "", "2020-03-01T01:00:00Z", "2020-02-29"},
        {"https://www.example.de/a", "", "2022-11-06T22:30:00Z", "2022-11-06T22:30:00Z"},
        {"https://www.example.at/a", "", "2019-10-18T22:04:00Z", "2019-10-19"},
        {"https://example.com.bo/a", "", "2022-05-04T02:41:00Z", "2022-05-03"},
        {"https://example.com/a", "", "2022-05-04T02:41:00Z", "2022-05-04T02:41:00Z"},
        {"https://www.example.ch/a", "", "2019-12-26T23:07:45+00:00", "2019-12-26T23:07:45+00:00"},
        {"", "de", "2022-11-06T23:00:00Z", "2022-11-07"},
        {"", "nn", "2022-11-06T23:00:00Z", "2022-11-07"},
        {"", "en", "2022-11-06T23:00:00Z", "2022-11-06T23:00:00Z"},
    };
    for (size_t i = 0; i < sizeof zoned / sizeof *zoned; i++) {
        char page[512];
        snprintf(page, sizeof page,
                 "<html lang='%s'><link rel='canonical' href='%s'><script type='application/"
                 "ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"%s\"}</script>"
                 "<meta property='article:published_time' content='%s'><p>Text.</p></html>",
                 zoned[i][1], zoned[i][0], zoned[i][2], zoned[i][2]);
        expect_field(page, offsetof(px_article, date), zoned[i][3]);
    }

    /* hAtom: <abbr class=published title=ISO>. */
    a = html_extract("<abbr class='published' title='2017-07-23T17:06:45+0000'>Sunday</abbr>"
                "<p>Text.</p>");
    assert_string_equal(a->date, "2017-07-23T17:06:45+00:00");
    px_article_free(a);
}

/* Dates a page gives without markup for them: a label before a date in
 * any short element (or opening a long one), a dateline opening the first
 * paragraph, a date opening the og:title; hAtom "updated"; a UTC time
 * placed by the page's language when its domain says nothing. */
#define RELATED "<ul><li><a href='/1'>Erster Artikel</a></li><li><a href='/2'>Zweiter</a>" \
    "</li><li><a href='/3'>Dritter</a></li><li><a href='/4'>Vierter</a></li></ul>"

static void test_date_labels_and_openings(void **state)
{
    (void)state;
    px_article *a = html_extract(
        "<html lang='de'><body><article><h1>Eltern sollen Kinder unterst\xc3\xbctzen</h1>"
        PARA_TEXT PARA_TEXT PARA_TEXT PARA_TEXT "</article>" RELATED
        "<div class='byline'><span>erstellt von Anna</span> <span><span>ver\xc3\xb6" "ffentlicht"
        "</span> 28.01.2022 06:00</span></div></body></html>");
    assert_string_equal(a->date, "2022-01-28");
    assert_int_equal(a->date_source, PX_DATE_TEXT);
    assert_true(a->date_confidence > 0.3);
    px_article_free(a);
    /* the same date, unlabelled, far from the headline: no date */
    a = html_extract("<html lang='de'><body><article><h1>Eltern sollen Kinder</h1>" PARA_TEXT
                     PARA_TEXT PARA_TEXT PARA_TEXT "</article>" RELATED
                     "<div><span>Bestellung</span> 28.01.2022 06:00</div></body></html>");
    assert_null(a->date);
    px_article_free(a);
    expect_field("<html lang='de'><body><h1>Ern\xc3\xa4hrung sichern</h1><div><p>Pressemitteilung "
                 "vom 25. Januar 2022 | Berlin \xe2\x80\x93 Die k\xc3\xbcnftige Leiterin des "
                 "Programms ist heute vorgestellt worden, und sie hat mit vielen Menschen aus "
                 "der Region gesprochen, um zu h\xc3\xb6ren, was sie brauchen.</p></div>"
                 "</body></html>",
                 offsetof(px_article, date), "2022-01-25");

    /* A dateline glued to the opening of the first paragraph. */
    expect_field("<html lang='de'><body><article><h1>Arbeitsmarkt</h1><h3>Auf Erholungskurs"
                 "</h3><p>01.02.2022 \xe2\x80\x9e" "Der Arbeitsmarkt ist gut in das Jahr 2022 "
                 "gestartet\xe2\x80\x9c, sagte die Vorstandsvorsitzende am Dienstag in "
                 "N\xc3\xbcrnberg.</p>" PARA_TEXT "</article></body></html>",
                 offsetof(px_article, date), "2022-02-01");
    /* ... in brackets */
    expect_field("<html lang='de'><body><article><h1>Energiepreiskrise</h1><p>(21. November "
                 "2022) Energieverbraucher erhalten eine Preiserh\xc3\xb6hung nach der "
                 "n\xc3\xa4" "chsten, sagte sie am Montag.</p>" PARA_TEXT "</article></body></html>",
                 offsetof(px_article, date), "2022-11-21");
    /* ... not a date inside the paragraph */
    a = html_extract("<html lang='de'><body><article><h1>Arbeitsmarkt</h1><p>Seit dem "
                     "01.02.2022 ist der Arbeitsmarkt auf Erholungskurs, sagte sie.</p>"
                     PARA_TEXT "</article></body></html>");
    assert_null(a->date);
    px_article_free(a);

    /* A date just below the headline inside the same block ("<header>
     * <h1>..</h1><span>12.11.2021</span>"): a line of its own. */
    expect_field("<html lang='de'><body><header><nav><a href='/'>Startseite</a> <a "
                 "href='/r'>Reisen</a></nav><h1>Italien: Reisehinweise</h1><span>12.11.2021</span><p>Letzte "
                 "\xc3\x84nderungen: Einreise</p></header><article>" PARA_TEXT PARA_TEXT
                 "</article></body></html>",
                 offsetof(px_article, date), "2021-11-12");

    /* A blog's date line with its categories and comments link. */
    expect_field("<html lang='en'><title>Mercurial's Journey to Python 3</title><body><div><h2>"
                 "Mercurial's Journey to Python 3</h2><small>"
                 "January 13, 2020 at 08:45 AM | categories: <a href='/p'>Python</a>, <a "
                 "href='/m'>Mercurial</a> | <a href='#c'>View Comments</a></small><div>"
                 PARA_TEXT PARA_TEXT "</div></div></body></html>",
                 offsetof(px_article, date), "2020-01-13");

    /* A page whose address names its day. */
    expect_field("<html lang='de'><meta property='og:url' content='https://a.de/meldungen/"
                 "29-10-2021'><body><article><h1>Erfolgsgeschichte</h1>" PARA_TEXT
                 "</article></body></html>",
                 offsetof(px_article, date), "2021-10-29");

    /* A video's page: the microdata of its upload. */
    expect_field("<html lang='de'><head><meta itemprop='uploadDate' "
                 "content='2019-10-16T18:15:00Z'>"
                 "</head><body><h3>Das dubiose Gesch\xc3\xa4" "ft</h3>" PARA_TEXT "</body></html>",
                 offsetof(px_article, date), "2019-10-16T18:15:00Z");

    /* An event's days or hours by the headline: no publication. */
    static const char *const events[] = {
        "<p>Ausstellung vom 9. bis 23. Februar 2017</p>",
        ("<p>Ausstellung 9.\xe2\x80\x93" "23.2.2017</p>"), /* split: "\x9323" would be one escape */
        "<div class='date'>30. M\xc3\xa4rz 2020, 13:15 Uhr - 19:00 Uhr</div>",
    };
    for (size_t i = 0; i < sizeof events / sizeof *events; i++) {
        px_buf page = {0};
        px_buf_puts(&page, "<html lang='de'><body><div>");
        px_buf_puts(&page, events[i]);
        px_buf_puts(&page, "<h1>Denkm\xc3\xa4ler in neuem Licht</h1></div>" PARA_TEXT
                           "</body></html>");
        expect_no_date(events[i], px_buf_str(&page));
        px_buf_free(&page);
    }
    /* ... but a day with one time is a date line */
    expect_field("<html lang='de'><body><h1>Denkm\xc3\xa4ler</h1><p>23. Februar 2017, 13:15 "
                 "Uhr</p>" PARA_TEXT "</body></html>",
                 offsetof(px_article, date), "2017-02-23");

    /* No <h1>: the line below the block that shows the title. */
    expect_field("<html lang='de'><title>Lotte Tobisch ist tot</title><body><div><b>Lotte "
                 "Tobisch ist tot</b></div><div>Wien ( 04.06.2012 09:20 )</div><div>" PARA_TEXT
                 PARA_TEXT "</div></body></html>",
                 offsetof(px_article, date), "2012-06-04");

    /* ... where a line of CJK letters is counted in letters, not bytes */
    expect_field("<html lang='zh'><title>\xe8\xaf\x9d\xe5\x89\xa7\xe5\xb7\xa1\xe6\xbc\x94"
                 "\xe7\xbb\x93\xe6\x9d\x9f</title><body><table><tr><td><b>\xe8\xaf\x9d\xe5"
                 "\x89\xa7\xe5\xb7\xa1\xe6\xbc\x94\xe7\xbb\x93\xe6\x9d\x9f</b></td></tr><tr>"
                 "<td>\xe6\x96\xb0\xe5\x8d\x8e\xe7\xbd\x91\xe6\xb2\xb3\xe5\x8c\x97\xe9\xa2"
                 "\x91\xe9\x81\x93 ( 2012-06-04 09:20:26 ) \xe7\xa8\xbf\xe4\xbb\xb6\xe6\x9d"
                 "\xa5\xe6\xba\x90\xef\xbc\x9a \xe6\xb2\xb3\xe5\x8c\x97\xe6\x97\xa5\xe6"
                 "\x8a\xa5</td></tr><tr><td>" PARA_TEXT PARA_TEXT "</td></tr></table></body></html>",
                 offsetof(px_article, date), "2012-06-04");

    /* A <time> in a list of links to other releases dates them, not the page. */
    expect_field("<html lang='de'><body><div><span>12.12.2022 12:22</span></div><h1>Das "
                 "\xc3\xa4ndert sich 2023</h1>" PARA_TEXT PARA_TEXT "<h4>Weitere Meldungen</h4>"
                 "<ul><li><time datetime='2022-08-10 11:05'>10.08.2022</time><a href='/b'>Wie "
                 "viel Haus</a></li></ul></body></html>",
                 offsetof(px_article, date), "2022-12-12");
    /* ... nor an element named for dates there */
    expect_field("<html lang='de'><body><div><span>12.12.2022 12:22</span></div><h1>Das "
                 "\xc3\xa4ndert sich 2023</h1>" PARA_TEXT PARA_TEXT "<h4>Weitere Meldungen</h4>"
                 "<ul><li><span class='date'>10.08.2022</span> <a href='/b'>Wie viel Haus</a>"
                 "</li></ul></body></html>",
                 offsetof(px_article, date), "2022-12-12");

    /* A date opening the og:title, which the headline does not show. */
    expect_field("<html lang='de'><meta property='og:title' content='08.11.2021 | Online-"
                 "Fachtag'><body><article><h1>Online-Fachtag</h1>" PARA_TEXT
                 "</article></body></html>",
                 offsetof(px_article, date), "2021-11-08");

    /* hAtom: a theme's <span class=updated title=ISO>, no published one. */
    expect_field("<span class='updated' title='2013-04-04T18:52:11+00:00'></span>"
                 "<p>Text.</p>",
                 offsetof(px_article, date), "2013-04-04T18:52:11+00:00");
}

/* A page shows the day it was updated: that day beats the metadata's
 * publication when it is the page's modification day, or a few weeks
 * later; an earlier or a much later shown day does not. */
static void test_date_shown_update(void **state)
{
    (void)state;
    px_article *a = html_extract(
        "<html lang='de'><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
        "\"datePublished\":\"2021-06-29T14:13:37+00:00\",\"dateModified\":"
        "\"2022-01-12T14:27:30+00:00\"}</script><body><h1>Schmerzen beim Angeln</h1>"
        "<p class='post-date'>12.01.2022</p><p>Ein Text, lang genug, um ein Absatz zu sein.</p>");
    assert_string_equal(a->date, "2022-01-12");
    px_article_free(a);

    a = html_extract("<html lang='de'><meta property='article:published_time' "
                     "content='2022-01-21T09:43:00+01:00'><body><h1>Atomkraft</h1>"
                     "<p class='date'>25.01.2022</p><p>Ein Text, lang genug, ein Absatz.</p>");
    assert_string_equal(a->date, "2022-01-25");
    px_article_free(a);

    /* no update (months later, not the modification day): the metadata
     * keeps its day, and the resolver weighs the two; a shown date element
     * beats a <meta> day the page never shows */
    a = html_extract("<html lang='de'><meta property='article:published_time' "
                     "content='2019-05-16T09:43:00+01:00'><body><h1>Autotuning</h1>"
                     "<p class='date'>26.02.2020</p><p>Ein Text, lang genug, ein Absatz.</p>");
    assert_string_equal(a->date, "2020-02-26");
    px_article_free(a);

    /* Today's date in the page's header, far above the headline, is no
     * update of the metadata's day (the adjustment leaves it); but as a
     * line at the top of the body it is a candidate of its own, shown,
     * and the resolver weighs it above a <meta> day the page never shows. */
    a = html_extract("<html lang='de'><meta property='article:published_time' "
                     "content='2023-10-30T13:01:18+00:00'><body><div class='header-date'>"
                     "31. Oktober 2023</div><div>Kultur</div><div>Sport</div><h1>Drei "
                     "Haseln\xc3\xbc" "sse</h1><p>Ein Text, lang genug, ein Absatz.</p>");
    assert_string_equal(a->date, "2023-10-31");
    px_article_free(a);

    /* A metadata date the page never shows, days after the one it shows:
     * a re-save, the shown day wins.  (Shown somewhere, the metadata's day
     * stays a candidate of its own, and the resolver weighs the two.) */
#define RESAVED "<html lang='de'><meta name='date' content='2020-02-12'><body><h1>Lieferketten" \
    "</h1><p class='date'>05.02.2020</p><p>Ein Text, lang genug, ein Absatz.</p>"
    expect_field(RESAVED, offsetof(px_article, date), "2020-02-05");
    /* ... but not in a related article's teaser, nor in a box named so */
    expect_field(RESAVED "<a href='/b'><time>12.02.2020</time> Andere Meldung</a>",
                 offsetof(px_article, date), "2020-02-05");
    expect_field(RESAVED PARA_TEXT PARA_TEXT "<div class='related'><p>Dazu berichtete das "
                 "Radio am 12. Februar 2020.</p></div>",
                 offsetof(px_article, date), "2020-02-05");
#undef RESAVED
}

#define PARA_DE "<p>Das Wasser stieg die ganze Nacht, und am Morgen standen der Hafen, der " \
    "Markt und die Altstadt einen Meter tief darin.</p>"

/* Days a page shows that are not its own: other articles', readers',
 * events', members'. */
static void test_dates_of_other_things(void **state)
{
    (void)state;
    /* A comment thread below the article: each comment's linked time. */
    expect_no_date("comments",
        "<html lang='de'><body><article><h1>Folge 70: Picard</h1>" PARA_DE PARA_DE
        "<ol class='comment-list'><li><div class='comment-author'><b>Harm</b> sagt:</div>"
        "<div class='comment-metadata'><a href='/folge-70/#comment-1'><time datetime="
        "'2020-02-25T13:02:01+01:00'>25. Februar 2020 um 13:02 Uhr</time></a></div><p>Tolle "
        "Folge, danke euch allen daf&uuml;r!</p></li></ol></article></body></html>");
    /* A table of the text whose dates are links (a wiki's). */
    expect_no_date("table",
        "<html lang='en'><body><article><h1>Water-Making Spell</h1>" PARA_TEXT PARA_TEXT
        PARA_TEXT PARA_TEXT PARA_TEXT "<table><tr><th>Caster</th><th>Dates</th></tr><tr><td>"
        "<a href='/wiki/Fleur'>Fleur Delacour</a></td><td><a href='/wiki/24_November'>24 "
        "November</a>, <a href='/wiki/1994'>1994</a></td></tr></table>" PARA_TEXT
        "</article></body></html>");
    /* A grid of other posts' cards, each dated, under a headline with no
     * text of its own. */
    px_buf page = {0};
    px_buf_puts(&page, "<html lang='de'><body><h1>Batteriespeicher</h1><div class='grid'>");
    static const char *const cards[][2] = {{"22. Juni 2022", "Photovoltaik"},
                                           {"20. Juni 2022", "Klima"},
                                           {"17. Mai 2022", "Automobil"}};
    for (size_t i = 0; i < sizeof cards / sizeof *cards; i++) {
        px_buf_puts(&page, "<article class='post'><a href='/p/");
        px_buf_puts(&page, cards[i][1]);
        px_buf_puts(&page, "'><h3>");
        px_buf_puts(&page, cards[i][1]);
        px_buf_puts(&page, "</h3></a><p>Immer mehr Haushalte und Kommunen entscheiden sich f"
                           "\xc3\xbcr saubere Energie.</p><div class='post-meta'><span class="
                           "'post-date'>");
        px_buf_puts(&page, cards[i][0]);
        px_buf_puts(&page, "</span></div></article>");
    }
    px_buf_puts(&page, "</div></body></html>");
    expect_no_date("cards", px_buf_str(&page));
    px_buf_free(&page);
    /* A sidebar's recent posts below a short text, one titled with a day. */
    expect_no_date("sidebar",
        "<html lang='de'><body><div class='main'><h1>Johannes</h1><div class='entry-content'>"
        PARA_DE "</div></div><div class='sidebar'><h3>Neueste Beitr&auml;ge</h3><ul><li><a "
        "href='/das-magenmorgazin-am-01-07-17/'>Das MagenMorgazin am 01.07.17 (Day of the "
        "Podcast)</a></li><li><a href='/toptalente/'>TOPTalente</a></li></ul></div></body>"
        "</html>");
    /* Days labelled as another kind of day. */
    expect_no_date("deadline",
        "<html lang='de'><body><div class='place'>G&uuml;terhof, Schaffhausen</div><h1>"
        "Sprungbrett-Event Schaffhausen</h1><div class='claim'>Leben in Schaffhausen!</div>"
        "<div class='deadline'>Deadline: 15. M&auml;rz 2020</div>" PARA_DE "</body></html>");
    expect_no_date("release",
        "<html lang='de'><body><h1>Bee Simulator</h1><div class='info'><b>Genre:</b> "
        "Simulation</div><div class='release'><b>Release:</b> 14.11.2019</div>" PARA_DE
        "</body></html>");
    expect_no_date("registered",
        "<html lang='de'><body><h2 class='topic-title'><a href='./viewtopic.php?t=167'>Was "
        "ist Freie Software</a></h2><div class='post'><dl class='postprofile'><dt><a href="
        "'./memberlist.php?u=5'>r23</a></dt><dd><strong>Registriert:</strong> 18.09.2008, "
        "05:56</dd></dl>" PARA_DE "</div></body></html>");
    /* ... but a press release is a publication, and a release date is not */
    expect_field("<html lang='en'><body><h1>Acme opens a new plant</h1><p class='meta'>Press "
                 "release: March 12, 2020</p>" PARA_TEXT "</body></html>",
                 offsetof(px_article, date), "2020-03-12");
    expect_no_date("release date",
        "<html lang='en'><body><h1>Bee Simulator</h1><div class='info'>Release date: 14 Nov "
        "2019</div>" PARA_TEXT "</body></html>");
    expect_field("<html lang='en'><body><h1>Acme opens a new plant</h1><p class='meta'>Press "
                 "Release Date: March 12, 2020</p>" PARA_TEXT "</body></html>",
                 offsetof(px_article, date), "2020-03-12");

    /* Not taken for another's: the page's own short article, with its
     * headline outside it or with no headline at all */
    expect_field("<html lang='de'><body><header><h1>Hafen gesperrt</h1></header><article>"
                 "<time datetime='2020-05-05'>vor zwei Tagen</time>" PARA_DE "<p>Mehr aus der "
                 "<a href='/stadt'>Stadt</a>.</p></article></body></html>",
                 offsetof(px_article, date), "2020-05-05");
    expect_field("<html lang='de'><body><article><h2>Hafen gesperrt</h2><time datetime="
                 "'2020-05-05'>vor zwei Tagen</time>" PARA_DE "<p>Mehr aus der <a href='/stadt'>"
                 "Stadt</a>.</p></article></body></html>",
                 offsetof(px_article, date), "2020-05-05");
    /* ... a date line in a list item below the text that links nowhere */
    px_buf_puts(&page, "<html lang='en'><body><div><h1>Flood</h1>");
    for (int i = 0; i < 12; i++) px_buf_puts(&page, PARA_TEXT);
    px_buf_puts(&page, "<ul><li>Posted: March 3, 2020</li></ul></div></body></html>");
    expect_field(px_buf_str(&page), offsetof(px_article, date), "2020-03-03");
    px_buf_free(&page);
    /* Cards above the headline are cards too. */
    expect_no_date("cards above",
        "<html lang='de'><body><div class='teasers'><article class='teaser'><a href='/a'><h3>"
        "Andere</h3></a><p>22.06.2022 \xe2\x80\x93 Die Stadt baut.</p></article><article "
        "class='teaser'><a href='/b'><h3>Weitere</h3></a><p>20.06.2022 \xe2\x80\x93 Der "
        "Hafen.</p></article></div><div class='content'><h1>Batteriespeicher</h1>" PARA_DE
        PARA_DE PARA_DE "</div></body></html>");
    /* ... nor, on a page whose headline is unknown, any of its articles */
    expect_field("<html lang='de'><body><article><time datetime='2020-05-05'>5.5.</time>" PARA_DE
                 "<a href='/a'>Mehr</a></article><article><time datetime='2020-05-04'>4.5.</time>"
                 "<p>Kurz.</p><a href='/b'>Mehr</a></article></body></html>",
                 offsetof(px_article, date), "2020-05-05");
    /* ... cards linked by their picture only too */
    expect_no_date("picture cards",
        "<html lang='en'><body><h1>Flood</h1>" PARA_TEXT "<article><a href='/a'><img src='a.jpg'>"
        "</a><h3>Other story</h3><time datetime='2020-01-02'>Jan 2</time></article><article><a "
        "href='/b'><img src='b.jpg'></a><h3>Another</h3><time datetime='2020-01-03'>Jan 3</time>"
        "</article></body></html>");
    /* The byline of another article's teaser. */
    px_buf_puts(&page, "<html lang='en'><body><h1>Flood</h1>");
    for (int i = 0; i < 10; i++) px_buf_puts(&page, PARA_TEXT);
    px_buf_puts(&page, "<ul><li><a href='/a'>Other story</a> <span class='author'>By Jane Roe, "
                       "March 3, 2020</span></li><li><a href='/b'>Another</a> <span class="
                       "'author'>By John Doe, March 2, 2020</span></li></ul></body></html>");
    expect_no_date("teaser byline", px_buf_str(&page));
    px_buf_free(&page);
    /* A sentence beside a link of CJK letters is still a sentence. */
    expect_no_date("sentence with a CJK link",
        "<html lang='en'><body><h1>Flood</h1><p>The harbour and the old town were under water "
        "on 3 March 2020 after the river broke its banks in the night <a href='/zh'>"
        "\xe6\x96\xb0\xe5\x8d\x8e\xe7\xbd\x91\xe6\xb2\xb3\xe5\x8c\x97\xe9\xa2\x91"
        "\xe9\x81\x93\xe6\x96\xb0\xe5\x8d\x8e\xe7\xbd\x91\xe6\xb2\xb3\xe5\x8c\x97"
        "\xe9\xa2\x91\xe9\x81\x93\xe6\x96\xb0\xe5\x8d\x8e\xe7\xbd\x91\xe6\xb2\xb3"
        "\xe5\x8c\x97\xe9\xa2\x91\xe9\x81\x93</a></p>" PARA_TEXT "</body></html>");
}

/* A page that shows no date of its own, listed with one in its site's
 * box of latest articles: the teaser that links to the page dates it. */
static void test_date_of_the_self_teaser(void **state)
{
    (void)state;
#define LATEST(self_href) "<html lang='de'><head><link rel='canonical' " \
    "href='https://www.example.org/menschenrechte-achten'></head><body><div class='row'>" \
    "<div class='col-8'><h1>Menschenrechte achten</h1>" PARA_DE PARA_DE PARA_DE "</div>" \
    "<div class='col-4'><h3>Aktuell</h3><div class='row'><a href='/gefluechtete'><div " \
    "class='teaser'><div class='authored'>09.11.2021</div><h2>Gefl&uuml;chtete</h2></div>" \
    "</a></div><div class='row'><a href='" self_href "'><div class='teaser'><div " \
    "class='authored'>10.11.2021</div><h2>Menschenrechte achten</h2></div></a></div></div>" \
    "</div></body></html>"
    expect_field(LATEST("/menschenrechte-achten"), offsetof(px_article, date), "2021-11-10");
    expect_field(LATEST("https://www.example.org/menschenrechte-achten/"),
                 offsetof(px_article, date), "2021-11-10");
    /* another page of the same script, another host's page of that path */
#define LATEST_Q(self_href) "<html lang='de'><head><link rel='canonical' " \
    "href='https://www.example.org/index.php?id=5'></head><body><div class='row'>" \
    "<div class='col-8'><h1>Menschenrechte achten</h1>" PARA_DE PARA_DE PARA_DE "</div>" \
    "<div class='col-4'><h3>Aktuell</h3><div class='row'><a href='" self_href "'><div " \
    "class='teaser'><div class='authored'>10.11.2021</div><h2>Menschenrechte</h2></div>" \
    "</a></div></div></div></body></html>"
    expect_field(LATEST_Q("/index.php?id=5"), offsetof(px_article, date), "2021-11-10");
    expect_field(LATEST_Q("http://example.org:80/index.php?id=5&utm_source=rss"),
                 offsetof(px_article, date), "2021-11-10");
    expect_no_date("other query", LATEST_Q("/index.php?id=7"));
    expect_no_date("other host", LATEST_Q("https://www.example.com/index.php?id=5"));
#undef LATEST_Q
    /* the page's own address with a fragment and a feed's parameters */
#define LATEST_U(self_url, href) "<html lang='de'><head><link rel='canonical' href='" \
    self_url "'></head><body><div class='row'><div class='col-8'><h1>Menschenrechte achten" \
    "</h1>" PARA_DE PARA_DE PARA_DE "</div><div class='col-4'><h3>Aktuell</h3><div class=" \
    "'row'><a href='" href "'><div class='teaser'><div class='authored'>10.11.2021</div><h2>" \
    "Menschenrechte</h2></div></a></div></div></div></body></html>"
    expect_field(LATEST_U("https://www.example.org/menschenrechte-achten?utm_source=rss"
                          "&utm_medium=feed#top", "/menschenrechte-achten"),
                 offsetof(px_article, date), "2021-11-10");
    expect_no_date("other page",
                   LATEST_U("https://www.example.org/menschenrechte", "/menschenrechte-achten"));
    /* a front page: its teasers all link home somewhere */
    expect_no_date("home page", LATEST_U("https://www.example.org/", "/"));
#undef LATEST_U
    /* a link to a part of the page is no teaser of it */
    px_article *a = html_extract(LATEST("/menschenrechte-achten#comment-2"));
    assert_true(!a->date || strcmp(a->date, "2021-11-10"));
    px_article_free(a);
#undef LATEST
}

/* A byline that carries the day, on a page with no date otherwise: here
 * below a forum's toolbar, out of reach of the lines by the headline. */
static void test_date_in_the_byline(void **state)
{
    (void)state;
    expect_field("<html lang='de'><body><h1>Was ist Freie Software</h1><div>Antworten</div>"
                 "<div>Suchen</div><div>3 Beitr&auml;ge</div><div>Seite 1 von 1</div><div>"
                 "Drucken</div><div>Teilen</div><div>Melden</div><div>Zitieren</div><div>Oben"
                 "</div><div class='post'><div class='postbody'><p class='author'>von <a href="
                 "'./memberlist.php?u=5'>r23</a> &raquo; 21.01.2009, 05:42</p><div class="
                 "'content'>" PARA_DE PARA_DE PARA_DE "</div></div></div></body></html>",
                 offsetof(px_article, date), "2009-01-21");
    /* ... not an element too long for a byline: an author's box */
    expect_no_date("author box",
        "<html lang='de'><body><h1>Was ist Freie Software</h1><div>Antworten</div><div>Suchen"
        "</div><div>3 Beitr&auml;ge</div><div>Seite 1 von 1</div><div>Drucken</div><div>Teilen"
        "</div><div>Melden</div><div>Zitieren</div><div>Oben</div><div class='post'><div class="
        "'postbody'><div class='author'>von <a href='./memberlist.php?u=5'>r23</a> &raquo; "
        "21.01.2009, 05:42. r23 schreibt seit Jahren \xc3\xbc" "ber Freie Software, Linux und "
        "Datenschutz, betreut das Forum seit seiner Gr\xc3\xbc" "ndung und antwortet gern auf "
        "Fragen zu allen Themen rund um offene Lizenzen, Werkzeuge, Editoren, Compiler und "
        "Betriebssysteme.</div><div class="
        "'content'>" PARA_DE PARA_DE PARA_DE "</div></div></div></body></html>");
}

/* The state data of a page built by scripts: its publication field, when
 * the page gives no date otherwise. */
static void test_date_from_script_data(void **state)
{
    (void)state;
    px_article *a = html_extract(
        "<script>var meta = {\"product\":{\"id\":7,\"created_at\":\"2019-03-01T06:27:24\","
        "\"published_at\":\"2019-03-02T06:22:28+01:00\"}};</script><h1>Sidamo</h1>" PARA_TEXT);
    assert_string_equal(a->date, "2019-03-02T06:22:28+01:00");
    assert_int_equal(a->date_source, PX_DATE_SCRIPT);
    assert_string_equal(px_date_source_name(a->date_source), "script");
    px_article_free(a);
    /* JSON inside a JavaScript string, its quotes escaped */
    expect_field("<script>init(\"{\\\"publishedDate\\\":\\\"2016-11-04T20:37:27Z\\\"}\");"
                 "</script><h1>Review</h1>" PARA_TEXT,
                 offsetof(px_article, date), "2016-11-04T20:37:27Z");
    /* the first field of the first script that has one */
    expect_field("<script>x = {\"publishedAt\": \"2020-05-01\", \"publishDate\": "
                 "\"2020-04-01\"}</script><script>y = {\"publishedAt\":\"2020-03-01\"}</script>"
                 PARA_TEXT,
                 offsetof(px_article, date), "2020-05-01");
    /* the field that comes first, whatever its key */
    expect_field("<script>x = {\"datePublished\":\"2020-05-01\",\"publishedDate\":"
                 "\"2020-04-01\"}</script>" PARA_TEXT,
                 offsetof(px_article, date), "2020-05-01");
    /* other dates of the data, other keys, values that are no dates */
    static const char *const none[] = {
        "<script>x = {\"unpublishedAt\":\"2019-01-28\"}</script>",
        "<script>x = {\"republished_at\":\"2019-01-28\"}</script>",
        "<script>x = {\"published_at\":2019-01-28}</script>",
        ("<script>x = {\"published_at\":\"2019-01-28T10:00:00+01:00 and some more words "
         "here\"}</script>"), /* a value over 48 bytes */
        "<script>x = {\"createdAt\":\"2019-01-28T10:00:00Z\"}</script>",
        "<script>x = {\"publishedDateText\":\"2019-01-28\"}</script>",
        "<script>x = {\"published_at\":null,\"published_at_text\":\"2019-01-28\"}</script>",
        "<script>x = {\"published_at\":\"yesterday 2019-01-28\"}</script>",
        "<script>x = {\"published_at\":\"2019-13-28\"}</script>",
        "<script>x = {\"published_at\":\"2019",
        "<script>x = \"published_at",
    };
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        px_buf page = {0};
        px_buf_puts(&page, none[i]);
        px_buf_puts(&page, "<h1>Review</h1>" PARA_TEXT);
        expect_no_date(none[i], px_buf_str(&page));
        px_buf_free(&page);
    }
    /* any other source wins */
    expect_field("<meta property='article:published_time' content='2021-02-03'><script>x = "
                 "{\"published_at\":\"2019-03-02\"}</script>" PARA_TEXT,
                 offsetof(px_article, date), "2021-02-03");
    /* many keys without a date: each is read once */
    px_buf page = {0};
    px_buf_puts(&page, "<script>x = [");
    for (int i = 0; i < 100000; i++) px_buf_puts(&page, "{\"publishedAt\":null},");
    px_buf_puts(&page, "{\"publishedAt\":\"2018-07-09\"}]</script>" PARA_TEXT);
    expect_field(px_buf_str(&page), offsetof(px_article, date), "2018-07-09");
    px_buf_free(&page);
}

/* ---- authors -------------------------------------------------------------- */

static void assert_authors(const char *byline, const char *outlet, const char *const *want,
                           size_t n)
{
    px_article *a = px_article_new();
    a->outlet = outlet;
    px_author_names(a, byline, strlen(byline));
    for (size_t i = 0; i < a->authors.len && i < n; i++)
        assert_string_equal(a->authors.items[i], want[i]);
    if (a->authors.len != n) fail_msg("%s: %zu names, want %zu", byline, a->authors.len, n);
    px_article_free(a);
}

static void test_author_names(void **state)
{
    (void)state;
    static const char *const two[] = {"Jane Roe", "John Doe"};
    assert_authors("By Jane Roe and John Doe", NULL, two, 2);
    assert_authors("Von Jane Roe und John Doe", NULL, two, 2);
    assert_authors("Jane Roe, John Doe, Reuters", "Reuters", two, 2);
    assert_authors("Jane Roe & John Doe", NULL, two, 2);
    static const char *const one[] = {"Chris Jung"};
    assert_authors("Veröffentlicht von Chris Jung · 31. Oktober 2023", NULL, one, 1);
    assert_authors("Autor: Chris Jung", NULL, one, 1);
    assert_authors("| Chris Jung 22. Februar 2020", NULL, one, 1);
    assert_authors("Chris Jung, PhD", NULL, one, 1);
    assert_authors("Chris Jung Updated 2010 GMT", NULL, one, 1);
    assert_authors("Chris Jung chris@example.org", NULL, one, 1);
    assert_authors("vom Chris Jung", NULL, one, 1);
    assert_authors("Chris Jung\xE2\x80\xA2" "15 January 2020", NULL, one, 1);
    assert_authors("Text von Chris Jung Illustration von John Doe", NULL, one, 1);
    assert_authors("Posted on September 21, 2020 by Chris Jung", NULL, one, 1);
    assert_authors("Chris Jung 4. 2. 2022.", NULL, one, 1);
    assert_authors("Recipe by Chris Jung", NULL, one, 1);
    /* A label left alone, an exclamation: no names. */
    assert_authors("Posted on", NULL, NULL, 0);
    assert_authors("Endlich mehr Tempo wagen!", NULL, NULL, 0);
    /* A date the reader does not take is no part of a name. */
    assert_authors("Von Die Zeitung 31. Oktober 202331. Oktober 2023", NULL, NULL, 0);
    static const char *const one_roe[] = {"Jane Roe"};
    static const char *const jr[] = {"Perry Bacon Jr."};
    assert_authors("By Perry Bacon Jr.", NULL, jr, 1);
    static const char *const vonnegut[] = {"Vonnegut"};
    assert_authors("Vonnegut", NULL, vonnegut, 1);
    /* Not names: a URL, a copyright line, a link text, a user name. */
    assert_authors("https://example.org/author/jane", NULL, NULL, 0);
    assert_authors("© Getty Images/Someone", NULL, NULL, 0);
    assert_authors("Alle Artikel", NULL, NULL, 0);
    assert_authors("edilson.la.rosa", NULL, NULL, 0);
    /* Not authors: the outlet however spaced, a firm by its legal form. */
    assert_authors("Von Stars Insider", "StarsInsider", NULL, 0);
    assert_authors("Deutsches Weininstitut GmbH", NULL, NULL, 0);
    assert_authors("Jane Roe, Example Media Inc.", NULL, one_roe, 1);
    assert_authors("Jane Roe, Über", NULL, one_roe, 1); /* a link text, capitalised */    /* A role written before the name, a weekday after it. */
    assert_authors("Rechtsanwalt Chris Jung", NULL, one, 1);
    assert_authors("FOCUS-Online-Experte Chris Jung", NULL, one, 1);
    assert_authors("Von Chefredakteurin Jane Roe", NULL, one_roe, 1);
    assert_authors("Jane Roe am Samstag", NULL, one_roe, 1);
    assert_authors("By Jane Roe on Monday", NULL, one_roe, 1);
    /* ... but an organisation named so, a desk, a surname that is a weekday */
    static const char *const rog[] = {"Reporter ohne Grenzen"};
    assert_authors("Reporter ohne Grenzen", NULL, rog, 1);
    static const char *const desk[] = {"Jane Roe", "Redakteur Politik"};
    assert_authors("Jane Roe, Redakteur Politik", NULL, desk, 2);
    assert_authors("Jane Roe, am Samstag", NULL, one_roe, 1);
    static const char *const sonntag[] = {"Jane Sonntag"};
    assert_authors("Von Jane Sonntag", NULL, sonntag, 1);
}

/* The first label of the page's host signs for the site, not a writer. */
static void test_author_is_the_host(void **state)
{
    (void)state;
    px_article *a = px_article_new();
    a->url = "https://www.hildesheimer-presse.de/2023/11/a.html";
    px_author_names(a, "Hildesheimer Presse", strlen("Hildesheimer Presse"));
    assert_int_equal(a->authors.len, 0);
    px_author_names(a, "Hilde Presser", strlen("Hilde Presser"));
    assert_int_equal(a->authors.len, 1);
    px_article_free(a);
}

static void test_authors_from_the_page(void **state)
{
    (void)state;
    /* An author box: the name, not the role or the bio. */
    px_article *a = html_extract("<div class='author-box'><a href='/author/jane-roe'>Jane Roe</a> "
                            "Education editor. Jane has covered schools for ten years and "
                            "writes about universities, exams and teachers.</div>"
                            "<p>The text of the article.</p>");
    assert_int_equal(px_article_author_count(a), 1);
    assert_string_equal(px_article_author(a, 0), "Jane Roe");
    assert_string_equal(a->byline, "Jane Roe");
    px_article_free(a);

    /* JSON-LD authors come first, one name each. */
    a = html_extract("<meta name='author' content='Site Admin'><script type='application/ld+json'>"
                "{\"@type\":\"NewsArticle\",\"author\":[{\"name\":\"Jane Roe\"},"
                "{\"name\":\"John Doe\"}]}</script><p>Text.</p>");
    assert_int_equal(px_article_author_count(a), 2);
    assert_string_equal(px_article_author(a, 1), "John Doe");
    px_article_free(a);

    /* Names from metadata count only when a page with text shows them:
     * templates fill <meta name=author> site-wide. */
    a = html_extract("<meta name='author' content='Site Admin'>" PARA_TEXT PARA_TEXT PARA_TEXT
                     PARA_TEXT PARA_TEXT);
    assert_int_equal(px_article_author_count(a), 0);
    px_article_free(a);
    /* Shown, it is a candidate; alone, the fitted weights put a <meta>
     * author of one word below no author (html_author_weights.h: on the
     * pages fitted, such names, a first name, a site's acronym, were more
     * often wrong than right), a full name above it. */
    a = html_extract("<meta name='author' content='Jane'>" PARA_TEXT PARA_TEXT PARA_TEXT
                     PARA_TEXT PARA_TEXT "<p>Photos: JANE</p>");
    assert_int_equal(px_article_author_count(a), 0);
    px_article_free(a);
    a = html_extract("<meta name='author' content='Jane Roe'>" PARA_TEXT PARA_TEXT PARA_TEXT
                     PARA_TEXT PARA_TEXT "<p>Photos: JANE ROE</p>");
    assert_int_equal(px_article_author_count(a), 1);
    assert_string_equal(px_article_author(a, 0), "Jane Roe");
    px_article_free(a);
}

/* A byline printed just below the headline, with no markup saying so:
 * opening the line, after its date and time, after a bar, or glued to
 * "By" by the template; a sentence opening with "Von" is no byline. */
static void test_byline_below_the_headline(void **state)
{
    (void)state;
    static const struct {
        const char *line, *want;
    } cases[] = {
        {"<p>Von Lisa Roe, 18. Oktober 2023</p>", "Lisa Roe"},
        {"<p>Ein Artikel von Pamela Doe | 27.01.2022 - 12:45</p>", "Pamela Doe"},
        {"<p>02.02.2022 · 11:14 von Juliane Roe</p>", "Juliane Roe"},
        {"<p>Gardening | By Cara Roe | April 13, 2020</p>", "Cara Roe"},
        {"<p><span>By</span><span>J.R. Stone</span></p>", "J.R. Stone"},
        {"<p>Von der Leyen sprach am Morgen lange und ausführlich über den Haushalt, die "
         "Landwirtschaft und die Erweiterung der Union.</p>", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        px_buf page = {0};
        px_buf_puts(&page, "<title>Storm floods the coast</title><article>"
                           "<h1>Storm floods the coast</h1>");
        px_buf_puts(&page, cases[i].line);
        px_buf_puts(&page, PARA_TEXT "</article>");
        px_article *a = html_extract(px_buf_str(&page));
        if (cases[i].want) {
            if (px_article_author_count(a) != 1) fail_msg("no author in %s", cases[i].line);
            assert_string_equal(px_article_author(a, 0), cases[i].want);
        } else {
            assert_int_equal(px_article_author_count(a), 0);
        }
        px_article_free(a);
        px_buf_free(&page);
    }
}

/* ---- title and outlet ----------------------------------------------------- */

static void test_title_from_the_headline(void **state)
{
    (void)state;
    /* The <h1> agrees with og:title: it wins, without its kicker. */
    px_article *a = html_extract("<meta property='og:title' content=\"Let's encrypt is here\">"
                            "<h1><span class='kicker'>Security</span> Let’s Encrypt is here</h1>"
                            "<p>Text.</p>");
    assert_string_equal(a->title, "Let’s Encrypt is here");
    px_article_free(a);

    /* A logo <h1> linking home does not; the <title> keeps its second
     * part, which does not look like a site's name (the first part alone
     * won no page out of fold as a candidate, html_titlepick.c). */
    a = html_extract("<title>Kleine Schafskunde | Mein Blog über Schafe</title>"
                "<h1><a href='https://example.org/'>Mein Blog über Schafe</a></h1>"
                "<p>Text.</p>");
    assert_string_equal(a->title, "Kleine Schafskunde | Mein Blog über Schafe");
    px_article_free(a);

    /* An <h1> that agrees with nothing is a widget's heading. */
    a = html_extract("<meta property='og:title' content='Storm floods the coast'>"
                "<h1>Newsletter</h1><p>Text.</p>");
    assert_string_equal(a->title, "Storm floods the coast");
    px_article_free(a);

    /* The page's one headline, worded otherwise than its metadata. */
    expect_field("<meta property='og:title' content='Car loans compared: lease or buy?'>"
                 "<h1>Financing your car</h1><p>Text.</p>",
                 offsetof(px_article, title), "Financing your car");
    /* No <h1> but the logo: the <h2> that agrees with the metadata. */
    expect_field("<title>Muffin basics : Muffin recipes</title><h1><a href='/'><img src='l.png'>"
                 "</a></h1><h2>Latest posts</h2><h2>Muffin basics</h2><p>Text.</p>",
                 offsetof(px_article, title), "Muffin basics");
    /* A class that reads as a label, on the element holding all the text. */
    expect_field("<meta property='og:title' content='More brands go fur-free'><h1><span "
                 "class='field field--name-title field--label-hidden'>More brands go fur-free"
                 "</span></h1><p>Text.</p>",
                 offsetof(px_article, title), "More brands go fur-free");
    /* A date the template prints at the headline's edge is not part of it
     * (the date is still read); a <small> kicker neither. */
    px_article *d = html_extract("<html lang='de'><title>Wierer jubelt in Antholz</title>"
                                 "<h1>23.01.2022 - Wierer jubelt in Antholz</h1><p>Text.</p>");
    assert_string_equal(d->title, "Wierer jubelt in Antholz");
    assert_string_equal(d->date, "2022-01-23");
    px_article_free(d);
    expect_field("<title>Fans return to the stadiums</title><h1>Fans return to the stadiums "
                 "02.02.2022 •</h1><p>Text.</p>",
                 offsetof(px_article, title), "Fans return to the stadiums");
    expect_field("<title>Results of 27.07.2019</title><h1>Results of 27.07.2019</h1><p>Text.</p>",
                 offsetof(px_article, title), "Results of 27.07.2019");
    expect_field("<title>Tunisia: big tasks for the new government</title><h1><small>Tunisia"
                 "</small><br> Big tasks for the new government</h1><p>Text.</p>",
                 offsetof(px_article, title), "Big tasks for the new government");
    /* The only <h1> sits in a box whose class says boilerplate (a hero
     * "banner", a breadcrumb): it is still the headline when all of its
     * three words or more are in the metadata titles; a shorter one is the
     * blog's name. */
    expect_field("<title>Roasted chicken with rice recipe | Family</title>"
                 "<div class='banner'><h1>Roasted chicken with rice</h1></div><p>Text.</p>",
                 offsetof(px_article, title), "Roasted chicken with rice");
    expect_field("<meta property='og:title' content='Lab privacy policy'>"
                 "<div class='banner'><h1>privacy policy</h1></div><p>Text.</p>",
                 offsetof(px_article, title), "Lab privacy policy");
    /* A headline that mentions the site's name is not the site's name. */
    expect_field("<meta property='og:site_name' content='Loans'>"
                 "<meta property='og:title' content='Loan interest: what you pay'>"
                 "<h1>How high is the interest on loans today?</h1><p>Text.</p>",
                 offsetof(px_article, title), "How high is the interest on loans today?");
    /* The ": " hidden from the eye between kicker and headline is kept,
     * next to the kicker; a first word of symbols only is decoration. */
    expect_field("<title>Streaming: Stars want a new model</title><h1><span>Streaming</span>\n"
                 "<span class='visually-hidden'>: </span><span>Stars want a new model</span></h1>"
                 "<p>Text.</p>",
                 offsetof(px_article, title), "Streaming: Stars want a new model");
    expect_field("<title>Example // Jens Weber</title><h2>[&gt; Jens Weber</h2><p>Text.</p>",
                 offsetof(px_article, title), "Jens Weber");
    /* An <h1> of one or two words, or one agreeing only in part, is a section's
     * name when an <h2> says all of the metadata title's words. */
    expect_field("<title>Kultur | Literatur | Book of the week - Jane Roe</title>"
                 "<h1>Literatur</h1><h2>Book of the week</h2><p>Text.</p>",
                 offsetof(px_article, title), "Book of the week");
    expect_field("<meta property='og:title' content='Saving with your employer for later'>"
                 "<title>Company pension - when it pays</title><h1>Company pension</h1>"
                 "<h2>Saving with your employer for later</h2><p>Text.</p>",
                 offsetof(px_article, title), "Saving with your employer for later");
    /* A CJK title's site name is glued on by a hyphen. */
    expect_field("<title>\xE6\xAD\xA6\xE6\xB1\x89\xE7\x9A\x84\xE5\xA3\xB0\xE9\x9F\xB3\xEF\xBC\x81"
                 "-\xE6\x96\xB0\xE5\x8D\x8E\xE7\xBD\x91</title><p>Text.</p>",
                 offsetof(px_article, title),
                 "\xE6\xAD\xA6\xE6\xB1\x89\xE7\x9A\x84\xE5\xA3\xB0\xE9\x9F\xB3\xEF\xBC\x81");
    /* When the metadata titles only name the site, the page's one <h1> is
     * its title, one word or not. */
    expect_field("<link rel='canonical' href='https://www.roe-law.example/'><title>Roe Law</title>"
                 "<h1>Willkommen!</h1><p>Text.</p>",
                 offsetof(px_article, title), "Willkommen!");
    /* A site's name after the bar may end in a legal form in lower case. */
    expect_field("<title>Kinder und Arbeit \xC2\xBB Example e.V.</title><h1>Example e.V. Verein "
                 "zur Förderung von Kindern und Jugendlichen</h1><h2>Kinder und Arbeit</h2>"
                 "<p>Text.</p>",
                 offsetof(px_article, title), "Kinder und Arbeit");
    expect_field("<meta property='og:title' content='Outdoor news - Snow maps in high "
                 "resolution'><h1>OutdoorNews | Entry</h1><h2>Snow maps in high resolution</h2>"
                 "<p>Text.</p>",
                 offsetof(px_article, title), "Snow maps in high resolution");
    /* Of two <h1>s that agree alike, the one that says more. */
    expect_field("<title>News - New tobacco tax law announced</title><h1>News</h1>"
                 "<h1>New tobacco tax law announced</h1><p>Text.</p>",
                 offsetof(px_article, title), "New tobacco tax law announced");
}

static void test_outlet_from_the_domain(void **state)
{
    (void)state;
    px_article *a = html_extract("<link rel='canonical' href='https://news.example.co.uk/a/b'>"
                            "<p>Text.</p>");
    assert_string_equal(a->outlet, "example.co.uk");
    px_article_free(a);
    a = html_extract("<meta property='og:site_name' content='Example News'>"
                "<link rel='canonical' href='https://news.example.co.uk/a/b'><p>Text.</p>");
    assert_string_equal(a->outlet, "Example News");
    px_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_in_text),
        cmocka_unit_test(test_date_sources),
        cmocka_unit_test(test_date_labels_and_openings),
        cmocka_unit_test(test_date_shown_update),
        cmocka_unit_test(test_dates_of_other_things),
        cmocka_unit_test(test_date_in_the_byline),
        cmocka_unit_test(test_date_of_the_self_teaser),
        cmocka_unit_test(test_date_from_script_data),
        cmocka_unit_test(test_author_names),
        cmocka_unit_test(test_author_is_the_host),
        cmocka_unit_test(test_authors_from_the_page),
        cmocka_unit_test(test_byline_below_the_headline),
        cmocka_unit_test(test_title_from_the_headline),
        cmocka_unit_test(test_outlet_from_the_domain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
