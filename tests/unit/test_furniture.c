/*
 * test_furniture.c — page furniture per sentence (lib/analyze/furniture.c):
 * each named rule on invented sentences in the shape of news pages, and
 * reporting sentences beside them that must stay reporting.
 */
#include "unit_analysis.h"
#include "analyze/analysis.h"

/* The furniture of the sentence that starts with start. */
static px_furniture furniture_of(const px_article *a, const px_analysis *an, const char *start)
{
    for (size_t s = 0; s < px_article_sentence_count(a); s++)
        if (!strncmp(a->sentences.items[s].text, start, strlen(start)))
            return px_sentence_furniture(an, s);
    fail_msg("no sentence starts with \"%s\"", start);
    return PX_FURNITURE_NONE;
}

#define EXPECT(start, kind) assert_int_equal(furniture_of(a, an, start), kind)

static void test_label_colon(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "RELATED: Two hurt in crash on the east side\n\n"
        "PREVIOUS: Man charged in shooting of neighbor\n\n"
        "MORE: What we know about the suspect\n\n"
        "Editor's note: The victim's name was spelled wrong before.\n\n"
        "Updated: 9:14 PM CST Dec 3, 2016\n\n"
        "UPDATE: Police said Tuesday that the second victim, a 19-year-old man, died at a hospital overnight.\n\n"
        "Update: 7:19 p.m. -- Police now say the suspect surrendered.\n\n"
        "Posted: Monday, Dec 5, 2016 8:20 AM EST Updated: Tuesday, Dec 6, 2016 2:26 PM EST\n\n"
        "More than 40 officers searched the area.", &a);
    EXPECT("RELATED:", PX_FURNITURE_LINK);
    EXPECT("PREVIOUS:", PX_FURNITURE_LINK);
    EXPECT("MORE:", PX_FURNITURE_LINK);
    EXPECT("Editor's note:", PX_FURNITURE_NOTE);
    EXPECT("Updated:", PX_FURNITURE_NOTE);
    /* an update that reports is reporting */
    EXPECT("UPDATE: Police", PX_FURNITURE_NONE);
    EXPECT("Update: 7:19", PX_FURNITURE_NONE);
    EXPECT("Posted: Monday", PX_FURNITURE_NOTE);
    EXPECT("More than 40", PX_FURNITURE_NONE);
    px_analysis_free(an);
    px_article_free(a);
}

static void test_page_imperative(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "Read or Share this story: http://example.com/x1\n\n"
        "Share this story on Facebook\n\n"
        "Follow us on Twitter for the latest.\n\n"
        "Click here for more coverage of the trial.\n\n"
        "Read more about the case.\n\n"
        "Follow the money, the prosecutor told jurors.\n\n"
        "Read the charges carefully, the judge said.", &a);
    EXPECT("Read or Share", PX_FURNITURE_SHARE);
    EXPECT("Share this story", PX_FURNITURE_SHARE);
    EXPECT("Follow us", PX_FURNITURE_SHARE);
    EXPECT("Click here", PX_FURNITURE_LINK);
    EXPECT("Read more", PX_FURNITURE_LINK);
    EXPECT("Follow the money", PX_FURNITURE_NONE);
    EXPECT("Read the charges", PX_FURNITURE_NONE);
    px_analysis_free(an);
    px_article_free(a);
}

static void test_media_notice(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "Please enable Javascript to watch this video\n\n"
        "Your browser does not support the video tag.\n\n"
        "Surveillance video showed two men running from the store.", &a);
    EXPECT("Please enable", PX_FURNITURE_MEDIA);
    EXPECT("Your browser", PX_FURNITURE_MEDIA);
    EXPECT("Surveillance video", PX_FURNITURE_NONE);
    px_analysis_free(an);
    px_article_free(a);
}

static void test_rights_line(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "Copyright 2016 WXYZ.\n\n"
        "All rights reserved.\n\n"
        "This material may not be published, broadcast, rewritten or redistributed.\n\n"
        "\xc2\xa9 2017 Some Broadcasting Company\n\n"
        "The band sued over the copyright of the song in 2015.", &a);
    EXPECT("Copyright 2016", PX_FURNITURE_COPYRIGHT);
    EXPECT("All rights", PX_FURNITURE_COPYRIGHT);
    EXPECT("This material", PX_FURNITURE_COPYRIGHT);
    EXPECT("\xc2\xa9 2017", PX_FURNITURE_COPYRIGHT);
    EXPECT("The band sued", PX_FURNITURE_NONE);
    px_analysis_free(an);
    px_article_free(a);
}

static void test_contact_line(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "Police said anyone with information should call 555-1234.\n\n"
        "Anyone with information is asked to call the sheriff's office at (312) 555-0199.\n\n"
        "Call Crime Stoppers to leave a tip.\n\n"
        "Contact reporter Jane Roe at jroe@example.com.\n\n"
        "Anyone with information about the shooting is urged to contact detectives.\n\n"
        "Crime Stoppers is offering a reward of $5,000 for an arrest.\n\n"
        "Officers received 12 calls about shots fired near 555 Elm Street.\n\n"
        "The caller dialed 911 at 2 a.m. and three people were shot.\n\n"
        "\"He ran like a coward,\" said one neighbor who asked to remain anonymous.\n\n"
        "Police received an anonymous tip about the car on Tuesday.\n\n"
        "Tips can also be left anonymously with the Elm County Crime Stoppers.", &a);
    EXPECT("Police said anyone", PX_FURNITURE_CONTACT);
    EXPECT("Anyone with information is asked", PX_FURNITURE_CONTACT);
    EXPECT("Call Crime Stoppers", PX_FURNITURE_CONTACT);
    EXPECT("Contact reporter", PX_FURNITURE_CONTACT);
    EXPECT("Anyone with information about", PX_FURNITURE_CONTACT);
    EXPECT("Crime Stoppers is offering", PX_FURNITURE_NONE);
    EXPECT("Officers received", PX_FURNITURE_NONE);
    EXPECT("The caller dialed", PX_FURNITURE_NONE);
    EXPECT("\"He ran", PX_FURNITURE_NONE);
    EXPECT("Police received", PX_FURNITURE_NONE);
    EXPECT("Tips can also", PX_FURNITURE_CONTACT);
    px_analysis_free(an);
    px_article_free(a);
}

static void test_photo_credit(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        /* longer than the caption lines extraction removes */
        "Friends and neighbors of the family light candles and leave flowers and notes at a vigil "
        "held Sunday night at the park on the corner of Elm and Main. (Photo: Jane Roe, Staff) "
        "Buy Photo\n\n"
        "(Photos by Jane Roe)\n\n"
        "Photo courtesy of the county sheriff's office\n\n"
        "Mourners gather outside the church on Sunday. (AP Photo/John Doe, file)\n\n"
        "Courtesy of the family\n\n"
        "Police released a photo of the suspect on Monday.", &a);
    EXPECT("(Photo: Jane", PX_FURNITURE_CAPTION);
    EXPECT("(Photos by", PX_FURNITURE_CAPTION);
    EXPECT("Photo courtesy", PX_FURNITURE_CAPTION);
    EXPECT("(AP Photo", PX_FURNITURE_CAPTION);
    EXPECT("Courtesy of", PX_FURNITURE_CAPTION);
    EXPECT("Police released", PX_FURNITURE_NONE);
    px_analysis_free(an);
    px_article_free(a);
}

static void test_page_reference(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "The Associated Press contributed to this report.\n\n"
        "An earlier version of this story gave the wrong age for the victim.\n\n"
        "This is a developing story.\n\n"
        "The story of the shooting spread quickly through the town.", &a);
    EXPECT("The Associated Press", PX_FURNITURE_NOTE);
    EXPECT("An earlier version", PX_FURNITURE_NOTE);
    EXPECT("This is a developing", PX_FURNITURE_NOTE);
    EXPECT("The story of", PX_FURNITURE_NONE);
    px_analysis_free(an);
    px_article_free(a);
}

static void test_short_label(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "TOP VIDEOS\n\n"
        "MORE LOCAL NEWS\n\n"
        "He shouted, \"GET OUT NOW!\"\n\n"
        "THEY WERE TARGETED.\n\n"
        "FBI agents arrived at 3 p.m.", &a);
    EXPECT("TOP VIDEOS", PX_FURNITURE_LINK);
    EXPECT("MORE LOCAL NEWS", PX_FURNITURE_LINK);
    EXPECT("He shouted", PX_FURNITURE_NONE);
    EXPECT("FBI agents", PX_FURNITURE_NONE);
    EXPECT("THEY WERE", PX_FURNITURE_NONE); /* a transcript's sentence */
    px_analysis_free(an);
    px_article_free(a);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(px_furniture_name(PX_FURNITURE_CONTACT), "contact");
    assert_string_equal(px_furniture_name(PX_FURNITURE_NOTE), "note");
    assert_string_equal(px_furniture_name((px_furniture)99), "none");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_label_colon),   cmocka_unit_test(test_page_imperative),
        cmocka_unit_test(test_media_notice),  cmocka_unit_test(test_rights_line),
        cmocka_unit_test(test_contact_line),  cmocka_unit_test(test_photo_credit),
        cmocka_unit_test(test_page_reference), cmocka_unit_test(test_short_label),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests_name("furniture", tests, analysis_setup, analysis_teardown);
}
