/*
 * test_clean.c — boilerplate, bylines and datelines (lib/extract/clean.c),
 * and the plain-text extractor (lib/extract/text.c).
 */
#include "unit.h"
#include "extract/extract.h"

/* An article whose body is the given paragraphs, cleaned. */
static px_article *cleaned(const char *title, const char *const *paras)
{
    px_article *a = px_article_new();
    if (title) a->title = px_article_str(a, title, strlen(title));
    for (; *paras; paras++) px_article_add_paragraph(a, *paras, strlen(*paras));
    px_clean(a);
    return a;
}

static void datelines_become_fields(void **state)
{
    (void)state;
    static const struct {
        const char *para, *dateline, *wire, *body;
    } cases[] = {
        {"WASHINGTON, Nov. 7 (UPI) -- White House said.", "WASHINGTON, Nov. 7", "UPI", "White House said."},
        {"NEW YORK (AP) \xe2\x80\x94 Stocks fell.", "NEW YORK", "AP", "Stocks fell."},
        {"BEIRUT, Lebanon (Reuters) - Fighting resumed.", "BEIRUT, Lebanon", "Reuters", "Fighting resumed."},
        {"LONDON \xe2\x80\x94 The prime minister spoke.", "LONDON", NULL, "The prime minister spoke."},
        {"ST. LOUIS, Sept. 12 (UPI) -- A storm hit.", "ST. LOUIS, Sept. 12", "UPI", "A storm hit."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *paras[] = {cases[i].para, NULL};
        px_article *a = cleaned(NULL, paras);
        assert_non_null(a->dateline);
        assert_string_equal(a->dateline, cases[i].dateline);
        if (cases[i].wire) assert_string_equal(a->wire, cases[i].wire);
        else assert_null(a->wire);
        assert_int_equal(a->paragraphs.len, 1);
        assert_string_equal(a->paragraphs.items[0], cases[i].body);
        px_article_free(a);
    }
}

static void prose_is_not_a_dateline(void **state)
{
    (void)state;
    const char *paras[] = {
        "Rice, at a White House briefing, responded to a report.",
        "U.S. Secretary of State John Kerry last month backtracked.",
        "NATO - the alliance - met on Friday.", /* a plain hyphen needs a wire tag */
        "FBI agents arrived (later) - and left.",
        NULL,
    };
    px_article *a = cleaned(NULL, paras);
    assert_null(a->dateline);
    assert_null(a->wire);
    assert_int_equal(a->paragraphs.len, 4);
    px_article_free(a);
}

static void dateline_year_comes_from_a_full_date(void **state)
{
    (void)state;
    static const char src[] = "Rice spoke in Washington, D.C., on Nov. 7, 2014.\n";
    px_article *a = px_article_new();
    a->source = src;
    a->source_len = sizeof src - 1;
    px_article_add_paragraph(a, "WASHINGTON, Nov. 7 (UPI) -- Text.", 33);
    px_clean(a);
    assert_string_equal(a->date, "2014-11-07");
    assert_int_equal(a->date_source, PX_DATE_DATELINE);
    px_article_free(a);

    a = px_article_new(); /* no full date: month and day only */
    px_article_add_paragraph(a, "WASHINGTON, March 3 (UPI) -- Text.", 34);
    px_clean(a);
    assert_string_equal(a->date, "--03-03");
    px_article_free(a);
}

static void bylines_become_fields(void **state)
{
    (void)state;
    const char *paras[] = {"By JC Finley", "By the end of the day, the vote was over.", NULL};
    px_article *a = cleaned(NULL, paras);
    assert_string_equal(a->byline, "JC Finley");
    assert_int_equal(a->paragraphs.len, 1); /* the second "By" is prose */
    px_article_free(a);

    const char *two[] = {"By Jane Roe and John Doe", "Text.", NULL};
    a = cleaned(NULL, two);
    assert_string_equal(a->byline, "Jane Roe and John Doe");
    px_article_free(a);
}

static void boilerplate_moves_to_removed(void **state)
{
    (void)state;
    const char *paras[] = {
        "Susan RiceIsrael news photo: Flash 90",
        "Real first paragraph.",
        "Advertisement",
        "National Security Advisor Susan Rice speaks at the White House on Nov. 7, 2014. UPI/Kevin Dietsch",
        "1 of 2 | Rice speaks. | License Photo",
        "(AP Photo/Evan Vucci)",
        "A quote ends here.)Advertisement",
        "Latest Headlines",
        "Share this article",
        NULL,
    };
    px_article *a = cleaned("Susan Rice", paras);
    assert_int_equal(a->paragraphs.len, 2);
    assert_string_equal(a->paragraphs.items[0], "Real first paragraph.");
    assert_string_equal(a->paragraphs.items[1], "A quote ends here.)");
    assert_int_equal(a->removed.len, 8);
    assert_string_equal(a->removed.items[0], "Susan RiceIsrael news photo: Flash 90");
    px_article_free(a);
}

static void prose_stays_in_the_body(void **state)
{
    (void)state;
    const char *paras[] = {
        "The Advertisement Standards Authority ruled on Tuesday.",
        "He used and/or misused the 24/7 service.",
        "Read more about it in the report, officials said.",
        "Share prices rose 3% on Friday.",
        "The board can be moderated live (Whitelist/Blacklist).",
        NULL,
    };
    px_article *a = cleaned("Susan Rice", paras);
    assert_int_equal(a->paragraphs.len, 5);
    assert_int_equal(a->removed.len, 0);
    px_article_free(a);
}

static void text_first_line_is_the_title(void **state)
{
    (void)state;
    static const char doc[] = "\xef\xbb\xbfThe title\r\n\r\nFirst para.\r\nSecond line.\r\n\r\n\r\nThird.";
    px_article *a = px_article_new();
    assert_int_equal(px_extract_text(a, doc, sizeof doc - 1, 1, "t", NULL), PX_OK);
    assert_string_equal(a->title, "The title");
    assert_int_equal(a->paragraphs.len, 3);
    assert_string_equal(a->paragraphs.items[1], "Second line.");
    px_article_free(a);

    a = px_article_new(); /* a JSON Lines body: no title line */
    assert_int_equal(px_extract_text(a, "One.\n\nTwo.", 10, 0, "t", NULL), PX_OK);
    assert_null(a->title);
    assert_int_equal(a->paragraphs.len, 2);
    px_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(datelines_become_fields),
        cmocka_unit_test(prose_is_not_a_dateline),
        cmocka_unit_test(dateline_year_comes_from_a_full_date),
        cmocka_unit_test(bylines_become_fields),
        cmocka_unit_test(boilerplate_moves_to_removed),
        cmocka_unit_test(prose_stays_in_the_body),
        cmocka_unit_test(text_first_line_is_the_title),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
