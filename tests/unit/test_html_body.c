/*
 * test_html_body.c — which part of a page is the article's body, and what
 * is taken out of it: furniture at the edges, read-also lines, captions,
 * misnamed wrappers, a body split in parts, a body inside furniture; and undeclared legacy
 * charsets, detected.
 */
#include "html_unit.h"


static int has(const char *const *items, size_t n, const char *needle)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(items[i], needle)) return 1;
    return 0;
}

#define BODY_HAS(a, s) has((a)->paragraphs.items, (a)->paragraphs.len, (s))
#define REMOVED_HAS(a, s) has((a)->removed.items, (a)->removed.len, (s))

#define PARA(n) "<p>Paragraph " #n " of the story tells, at some length, what happened.</p>"

/* Bylines and dates before the text, credits and calls after it, "Read
 * more" lines and captions inside it go to removed; the text stays whole. */
static void test_furniture_at_the_edges(void **state)
{
    (void)state;
    px_article *a = html_extract("<article><h1>The headline</h1>"
                            "<p>By Jane Roe</p><p>Published 4:00 am CST, November 20, 2019</p>"
                            PARA(1) "<p>Read more: Another story about something else</p>"
                            PARA(2) "<p>Photo: Sam Poe for the Ledger</p>" PARA(3)
                            "<p>Reporting by Jane Roe; editing by John Doe</p>"
                            "<p>Sign up for our newsletter to get the news every morning.</p>"
                            "<p>Tags:</p></article>");
    assert_int_equal(a->paragraphs.len, 3);
    assert_true(BODY_HAS(a, "Paragraph 1"));
    assert_true(BODY_HAS(a, "Paragraph 3"));
    static const char *const gone[] = {"The headline", "By Jane Roe", "November 20, 2019",
                                       "Read more", "Photo: Sam Poe", "Reporting by",
                                       "newsletter", "Tags:"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) {
        if (BODY_HAS(a, gone[i])) fail_msg("still in the body: %s", gone[i]);
        assert_true(REMOVED_HAS(a, gone[i]));
    }
    px_article_free(a);

    /* The same shapes in other languages. */
    /* An ad's or an embed's label, alone on a line, is no text. */
    a = html_extract("<article>" PARA(1) "<p>- Anzeige -</p>" PARA(2) "<p>Externer Inhalt</p>"
                     PARA(3) "</article>");
    assert_int_equal(a->paragraphs.len, 3);
    assert_true(REMOVED_HAS(a, "Anzeige"));
    px_article_free(a);

    /* Figure labels in German and English are captions. */
    a = html_extract("<article>" PARA(1) "<p>Abbildung: Vergleich auf dem Gletscher</p>" PARA(2)
                     "<p>Figure: snow depth by colour</p>" PARA(3) "</article>");
    assert_int_equal(a->paragraphs.len, 3);
    assert_true(REMOVED_HAS(a, "Abbildung: Vergleich"));
    px_article_free(a);

    a = html_extract("<article><p>Von Hans Meier</p>" PARA(1)
                "<p>Lesen Sie auch: Ein anderer Artikel</p>" PARA(2)
                "<p>Lea también: Otra noticia del día</p>" PARA(3)
                "<p>Czytaj też: Inny artykuł</p></article>");
    assert_int_equal(a->paragraphs.len, 3);
    assert_true(REMOVED_HAS(a, "Lesen Sie auch"));
    assert_true(REMOVED_HAS(a, "Lea también"));
    assert_true(REMOVED_HAS(a, "Czytaj też"));
    px_article_free(a);

    /* A source credit ("Courtesy of ...") opening a reprint is furniture,
     * and the byline under it names the author. */
    a = html_extract("<article><p>Courtesy of Forest News</p><p>Written by: Jane Roe</p>"
                     PARA(1) PARA(2) "</article>");
    assert_int_equal(a->paragraphs.len, 2);
    assert_true(REMOVED_HAS(a, "Courtesy of"));
    assert_int_equal(px_article_author_count(a), 1);
    assert_string_equal(px_article_author(a, 0), "Jane Roe");
    px_article_free(a);

    /* A byline among the first blocks that the walk from the top did not
     * reach still names the author; a sentence opening with "Von" not. */
    a = html_extract("<article><p>Energy crisis: what you can claim</p><p>Energy crisis: "
                     "what you can claim</p><p>Von Jane Roe</p>" PARA(1) PARA(2) "</article>");
    assert_int_equal(px_article_author_count(a), 1);
    assert_string_equal(px_article_author(a, 0), "Jane Roe");
    px_article_free(a);
    a = html_extract("<article><p>Energy crisis: what you can claim</p><p>Energy crisis: "
                     "what you can claim</p><p>Von der Leyen sprach</p>" PARA(1) "</article>");
    assert_int_equal(px_article_author_count(a), 0);
    px_article_free(a);

    /* A byline in the middle of the text is left alone. */
    a = html_extract("<article>" PARA(1) "<p>By the end of the day the river had risen.</p>"
                PARA(2) "</article>");
    assert_true(BODY_HAS(a, "By the end of the day"));
    px_article_free(a);
}

/* A lead the template names "teaser" inside the article is its text; a
 * block of teaser cards is not. */
static void test_lead_named_teaser(void **state)
{
    (void)state;
    px_article *a = html_extract("<article><h1>Big tasks for the new government</h1>"
                                 "<div class='teaser-text'><p>The new head of government is the "
                                 "first woman in the post, and she has little time.</p></div>"
                                 PARA(1) PARA(2) PARA(3) "<div class='teaser-list'><ul><li><a "
                                 "href='/a'>Another story about the budget</a></li><li><a "
                                 "href='/b'>A story about the elections</a></li></ul></div>"
                                 "</article>");
    assert_true(BODY_HAS(a, "first woman in the post"));
    assert_false(BODY_HAS(a, "Another story"));
    px_article_free(a);

    /* A lead above a body marked itemprop=articleBody goes first. */
    a = html_extract("<div class='news-single'><h1>Dogs in the snow</h1><div class='teaser-text' "
                     "itemprop='description'><p>Temperatures fell, and the first snow came: "
                     "most dogs love it, even the old ones.</p></div><div "
                     "itemprop='articleBody'>" PARA(1) PARA(2) "</div></div>");
    assert_true(a->paragraphs.len >= 3);
    assert_contains(a->paragraphs.items[0], "Temperatures fell");
    px_article_free(a);

    /* A subtitle in the article's header is its lead too. */
    a = html_extract("<article><header><h1>Heat in the north</h1><p class='entry__subtitle'>"
                     "Records fell in three cities, and the nights brought no relief at all."
                     "</p></header><div class='entry__content'>" PARA(1) PARA(2) PARA(3)
                     "</div></article>");
    assert_contains(a->paragraphs.items[0], "Records fell");
    px_article_free(a);
}

/* A press release ends with its contacts: the label line and what follows
 * it go; the same label early in a long text does not cut it. */
static void test_contacts_at_the_end(void **state)
{
    (void)state;
    px_article *a = html_extract("<article>" PARA(1) PARA(2) PARA(3) PARA(4)
                                 "<p>Kontakt:</p><p>Anna Roe</p><p>Telefon +49 40 1234</p>"
                                 "</article>");
    assert_int_equal(a->paragraphs.len, 4);
    assert_true(REMOVED_HAS(a, "Anna Roe"));
    assert_true(REMOVED_HAS(a, "Telefon"));
    px_article_free(a);

    a = html_extract("<article>" PARA(1) PARA(2) PARA(3) PARA(4)
                     "<p>Weitere Informationen zum Coronavirus in Thüringen:</p>"
                     "<p><a href='/corona'>Alle Meldungen</a> und Telefonnummern</p></article>");
    assert_int_equal(a->paragraphs.len, 4);
    px_article_free(a);

    a = html_extract("<article>" PARA(1) "<h2>Contact</h2>" PARA(2) PARA(3) PARA(4) PARA(5)
                     PARA(6) PARA(7) PARA(8) PARA(9) "</article>");
    assert_true(BODY_HAS(a, "Paragraph 9"));
    assert_true(BODY_HAS(a, "Contact"));
    px_article_free(a);
}

/* Share bars, related links and comments inside the article are pruned by
 * their names; a wrapper whose name says "sidebar" but that holds the
 * whole text is the article's own. */
static void test_names_inside_the_article(void **state)
{
    (void)state;
    px_article *a = html_extract("<body><div class='theiaStickySidebar'><article>" PARA(1)
                            "<div class='share-buttons'><a href='#'>Facebook</a> "
                            "<a href='#'>Twitter</a></div>" PARA(2)
                            "<div class='related-posts'><h3>Related</h3><ul><li><a href='/x'>"
                            "Another story entirely</a></li></ul></div>" PARA(3)
                            "</article></div><div id='comments'><p>Great article, I agree "
                            "with every single word of it, thank you.</p></div></body>");
    assert_int_equal(a->paragraphs.len, 3);
    assert_false(BODY_HAS(a, "Facebook"));
    assert_false(BODY_HAS(a, "Another story"));
    assert_false(BODY_HAS(a, "Great article"));
    px_article_free(a);

    /* A caption class inside the text goes; a long "gallery" text stays. */
    a = html_extract("<article>" PARA(1) "<p class='wp-caption-text'>The bridge at dusk.</p>"
                PARA(2) "</article>");
    assert_int_equal(a->paragraphs.len, 2);
    assert_true(REMOVED_HAS(a, "The bridge at dusk."));
    px_article_free(a);
}

/* A paragraph of prose is text even when a style class reads as a tag
 * box ("tagStyle_x1y2z3"); a short line so named is still a field. */
static void test_prose_named_as_meta(void **state)
{
    (void)state;
    px_article *a = html_extract(
        "<article><p class='tagStyle_x1y2z3'>The council met on Tuesday evening and, after a "
        "long debate about the budget, the bridge and the school, voted to raise the fee "
        "for the car park by a third, starting next spring.</p>"
        PARA(1) PARA(2) "<p class='tagStyle_x1y2z3'>Tags: council, budget</p></article>");
    assert_true(BODY_HAS(a, "The council met"));
    assert_false(BODY_HAS(a, "Tags: council"));
    px_article_free(a);
}

/* A section of prose with hardly a link beside the body's own section
 * is the article's too; a list of links beside it is not. */
static void test_prose_box_beside_the_body(void **state)
{
    (void)state;
    px_article *a = html_extract(
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class='page'>"
        "<div class='section-a'><div class='txt'><h1>The bridge</h1>" PARA(1) PARA(2) PARA(3)
        PARA(4) PARA(5) PARA(6) "</div><div class='share'><a href='/s'>Share</a></div></div>"
        "<div class='section-b'><div class='box'><p>The second part of the text sits in a "
        "section of its own and says what the repairs will cost and who pays for them and how "
        "long the bridge stays closed while the work goes on through the winter and into the "
        "spring of next year when the new deck is laid and the railings are painted again.</p>"
        "</div></div><div class='section-c'><ul><li><a href='/a'>Another story about something "
        "else</a></li><li><a href='/b'>Yet another story about other things</a></li></ul></div>"
        "</div></body>");
    assert_true(BODY_HAS(a, "Paragraph 6"));
    assert_true(BODY_HAS(a, "The second part of the text"));
    assert_false(BODY_HAS(a, "Another story"));
    px_article_free(a);
}

/* A template that cuts the body into parts repeats the parts' class; a
 * page builder adds a token of its own to each. */
static void test_body_in_parts(void **state)
{
    (void)state;
    px_article *a = html_extract("<body><div class='layout'><div class='text-block'>" PARA(1) PARA(2)
                            PARA(3) "</div><div class='ad-slot'><a href='/ad'>Buy now</a></div>"
                            "<div class='text-block vc_custom_123'>" PARA(4) PARA(5)
                            "</div></div><div class='sidebar'><p>About the site: a blog about "
                            "rivers, bridges and the people who build them.</p></div></body>");
    assert_true(BODY_HAS(a, "Paragraph 1"));
    assert_true(BODY_HAS(a, "Paragraph 5"));
    assert_false(BODY_HAS(a, "Buy now"));
    assert_false(BODY_HAS(a, "About the site"));
    px_article_free(a);
}

/* The body by its headline wins over a block of teasers elsewhere. */
static void test_body_by_its_headline(void **state)
{
    (void)state;
    px_article *a = html_extract(
        "<title>Batteries for the home</title><body>"
        "<div class='teasers'><div><p>Solar panels, cheaper than ever, are on every roof now, "
        "and more</p></div><div><p>Electric buses, quiet and clean, arrive in the city, and "
        "more</p></div><div><p>Heat pumps, now subsidised, replace old boilers, and more</p>"
        "</div></div><section><h1>Batteries for the home</h1><div><p>A battery stores the "
        "power the panels make at noon, so the house can use it at night, when the sun is "
        "down, and the grid, with its higher prices, is not needed as much as it was.</p>"
        "</div></section></body>");
    assert_true(BODY_HAS(a, "A battery stores"));
    assert_false(BODY_HAS(a, "Electric buses"));
    px_article_free(a);
}

/* A template that puts the whole article inside a <header> or a <form>
 * (a shop's product page) still gives its text: when every pass that
 * prunes furniture comes back empty, the pruning is relaxed to navigation
 * and comments only. */
static void test_body_inside_furniture(void **state)
{
    (void)state;
    px_article *a = html_extract("<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                                 "<main><article><header class='teaser-text'>" PARA(1) PARA(2)
                                 "</header></article></main></body>");
    assert_true(BODY_HAS(a, "Paragraph 1"));
    assert_true(BODY_HAS(a, "Paragraph 2"));
    assert_false(BODY_HAS(a, "Home"));
    px_article_free(a);

    a = html_extract("<body><main><form class='product-form'><input type='text' name='qty'>"
                     PARA(1) "</form><div id='comments'><p>What a fine blanket this is, I "
                     "bought two of them, one for each cat.</p></div></main></body>");
    assert_true(BODY_HAS(a, "Paragraph 1"));
    assert_false(BODY_HAS(a, "fine blanket"));
    px_article_free(a);
}

/* Undeclared legacy charsets are detected, not read as Latin-1. */
static void test_undeclared_charsets(void **state)
{
    (void)state;
    /* Shift_JIS: 東京都は本日、新しい交通計画を発表しました。(no <meta charset>) */
    static const char sjis[] =
        "<html><body><p>\x93\x8c\x8b\x9e\x93\x73\x82\xcd\x96\x7b\x93\xfa\x81\x41\x90\x56\x82"
        "\xb5\x82\xa2\x8c\xf0\x92\xca\x8c\x76\x89\xe6\x82\xf0\x94\xad\x95\x5c\x82\xb5\x82\xdc"
        "\x82\xb5\x82\xbd\x81\x42\x8e\x73\x96\xaf\x82\xcc\x8a\x46\x97\x6c\x82\xcc\x90\xb6\x8a"
        "\x88\x82\xaa\x95\xd6\x97\x98\x82\xc9\x82\xc8\x82\xe9\x82\xb1\x82\xc6\x82\xaa\x8a\xfa"
        "\x91\xd2\x82\xb3\x82\xea\x82\xc4\x82\xa2\x82\xdc\x82\xb7\x81\x42</p></body></html>";
    px_article *a = html_extract(sjis);
    assert_int_equal(a->paragraphs.len, 1);
    assert_contains(a->paragraphs.items[0], "東京都は本日、新しい交通計画を発表しました。");
    px_article_free(a);
    /* windows-1251: Сегодня в Москве прошло совещание по транспорту. */
    static const char cp1251[] =
        "<html><body><p>\xd1\xe5\xe3\xee\xe4\xed\xff \xe2 \xcc\xee\xf1\xea\xe2\xe5 \xef\xf0"
        "\xee\xf8\xeb\xee \xf1\xee\xe2\xe5\xf9\xe0\xed\xe8\xe5 \xef\xee \xf2\xf0\xe0\xed\xf1"
        "\xef\xee\xf0\xf2\xf3, \xe3\xee\xf0\xee\xe4\xf1\xea\xee\xec\xf3 \xf0\xe0\xe7\xe2\xe8"
        "\xf2\xe8\xfe \xe8 \xf8\xea\xee\xeb\xe0\xec.</p></body></html>";
    a = html_extract(cp1251);
    assert_int_equal(a->paragraphs.len, 1);
    assert_contains(a->paragraphs.items[0], "Сегодня в Москве прошло совещание по транспорту");
    px_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_furniture_at_the_edges),
        cmocka_unit_test(test_contacts_at_the_end),
        cmocka_unit_test(test_lead_named_teaser),
        cmocka_unit_test(test_names_inside_the_article),
        cmocka_unit_test(test_prose_named_as_meta),
        cmocka_unit_test(test_prose_box_beside_the_body),
        cmocka_unit_test(test_body_in_parts),
        cmocka_unit_test(test_body_by_its_headline),
        cmocka_unit_test(test_body_inside_furniture),
        cmocka_unit_test(test_undeclared_charsets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
