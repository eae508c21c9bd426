/*
 * test_light.c — the light analysis (px_analyze_light(), what `parallax
 * add` runs) against the full one: on the sample articles of the tree and
 * on an article written here with pronouns, role mentions, a title alone
 * before its holder's name, quotations with speakers, attributions and
 * numbers, the grouping view (story/doc.h) built from either is the same
 * to the bit; the light one has the same entities (names, types) with
 * their name mentions only, the same quotations without speakers, and no
 * numbers or attributions.  bench/grouping_view checks the same on the
 * bench's thousands of articles.
 */
#include "unit.h"
#include "unit_analysis.h"
#include "story/doc.h"

static const char written[] =
    "The President said on Monday that talks would resume. President Barack Obama met "
    "Secretary of State John Kerry at the White House, and he told reporters that \"the "
    "deal is close, closer than it has been in 12 years.\"\n\n"
    "Kerry, the top U.S. diplomat, said Iran had agreed to limit enrichment to 3.67 percent. "
    "\"We are not there yet,\" he said. According to Reuters, about 2,000 people protested "
    "in Tehran on Nov. 7, 2014.\n\n"
    "WASHINGTON officials said the spokesman, Josh Earnest, would brief the press. The "
    "spokesman declined to comment on \"private correspondence\" between the leaders.";

static void assert_same_features(const px_features *a, const px_features *b)
{
    assert_int_equal(a->len, b->len);
    for (size_t i = 0; i < a->len; i++) {
        assert_true(a->items[i].key == b->items[i].key);
        assert_true(a->items[i].tf == b->items[i].tf);
        assert_true(a->items[i].weight == b->items[i].weight);
    }
}

static const px_entity *find_entity(const px_analysis *an, const char *name)
{
    for (size_t i = 0; i < px_analysis_entity_count(an); i++)
        if (!strcmp(px_analysis_entity(an, i)->name, name)) return px_analysis_entity(an, i);
    return NULL;
}

/* Analyses a both ways and checks all the header of this file says. */
static void check(px_context *ctx, px_article *a)
{
    px_analysis *full = analyse_article(ctx, a), *light = NULL;
    px_error err;
    assert_int_equal(px_analyze_light(ctx, a, &light, &err), PX_OK);
    assert_int_equal(light->light, 1);
    assert_int_equal(full->light, 0);

    px_doc f, l;
    px_doc_build(&f, ctx, a, full);
    px_doc_build(&l, ctx, a, light);
    assert_true(f.p.terms.len > 0);
    assert_same_features(&f.p.terms, &l.p.terms);
    assert_same_features(&f.specifics, &l.specifics);
    assert_int_equal(f.p.quotes.len, l.p.quotes.len);
    for (size_t i = 0; i < f.p.quotes.len; i++) assert_true(f.p.quotes.items[i] == l.p.quotes.items[i]);
    assert_int_equal(f.p.day, l.p.day);
    assert_true(f.p.simhash == l.p.simhash);
    assert_int_equal(f.p.words, l.p.words);
    assert_true(f.fingerprint == l.fingerprint);
    assert_int_equal(f.nnamed, l.nnamed);
    for (size_t i = 0; i < f.nnamed; i++) assert_int_equal(f.named[i], l.named[i]);
    px_doc_free(&f);
    px_doc_free(&l);

    assert_int_equal(px_analysis_token_count(full), px_analysis_token_count(light));
    assert_int_equal(px_analysis_date_count(full), px_analysis_date_count(light));
    assert_int_equal(px_analysis_entity_count(full), px_analysis_entity_count(light));
    for (size_t i = 0; i < px_analysis_entity_count(light); i++) {
        const px_entity *e = px_analysis_entity(light, i), *g = find_entity(full, e->name);
        assert_non_null(g);
        assert_int_equal(e->type, g->type);
        assert_true(e->role_count <= g->role_count); /* titles only: "President" */
        assert_true(e->mention_count >= 1 && e->mention_count <= g->mention_count);
        for (size_t m = 0; m < e->mention_count; m++)
            assert_true(e->mentions[m].kind == PX_MENTION_NAME || e->mentions[m].kind == PX_MENTION_ALIAS);
    }
    assert_int_equal(px_analysis_quote_count(full), px_analysis_quote_count(light));
    for (size_t i = 0; i < px_analysis_quote_count(light); i++) {
        const px_quote *q = px_analysis_quote(light, i), *g = px_analysis_quote(full, i);
        assert_string_equal(q->text, g->text);
        assert_int_equal(q->sentence, g->sentence);
        assert_int_equal(q->speaker, -1);
    }
    assert_int_equal(px_analysis_number_count(light), 0);
    assert_int_equal(px_analysis_attribution_count(light), 0);
    px_analysis_free(full);
    px_analysis_free(light);
}

static void test_samples(void **state)
{
    static const char *const files[] = {"examples/000_0de752108fcf7d4a.txt",
                                        "examples/001_6fc7805a935ef0d6.txt",
                                        "tests/unit/html/news.html"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        px_reader *r;
        px_article *a;
        px_error err;
        assert_int_equal(px_reader_open(*state, files[i], PX_FORMAT_AUTO, &r, &err), PX_OK);
        assert_int_equal(px_reader_next(r, &a, &err), PX_OK);
        assert_non_null(a);
        px_reader_close(r);
        check(*state, a);
        px_article_free(a);
    }
}

static void test_written(void **state)
{
    px_article *a;
    px_analysis *full = analyse(*state, written, &a);
    /* the full analysis has what the light one leaves out, so the check
     * below is not vacuous */
    assert_true(px_analysis_number_count(full) > 0);
    assert_true(px_analysis_attribution_count(full) > 0);
    const px_entity *kerry = find_entity(full, "John Kerry");
    assert_non_null(kerry);
    int pronoun = 0;
    for (size_t m = 0; m < kerry->mention_count; m++) pronoun |= kerry->mentions[m].kind == PX_MENTION_PRONOUN;
    assert_true(pronoun);
    int speaker = 0;
    for (size_t i = 0; i < px_analysis_quote_count(full); i++) speaker |= px_analysis_quote(full, i)->speaker >= 0;
    assert_true(speaker);
    px_analysis_free(full);
    check(*state, a);
    px_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_written),
    };
    return cmocka_run_group_tests(tests, analysis_setup, analysis_teardown);
}
