/*
 * test_entity.c — the entity finder: gazetteer and alias table, names and
 * titles in sentences written for the test, aliases, types, hostile input.
 *
 * Articles are built from text in memory (px_article_parse, plain text:
 * the first line is the title) and analysed with one context for the group.
 */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "unit_analysis.h"
#include "analyze/entity.h"
#include "article/article.h"

static const px_entity *find(const px_analysis *an, const char *name)
{
    for (size_t i = 0; i < px_analysis_entity_count(an); i++)
        if (!strcmp(px_analysis_entity(an, i)->name, name)) return px_analysis_entity(an, i);
    return NULL;
}

static int has(const char *const *list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], s)) return 1;
    return 0;
}

static void test_lists_sorted(void **state)
{
    (void)state;
    assert_true(px__gz_sorted());
    assert_true(px_gz_lookup("iran", 4) & PX_GZ_PLACE);
    assert_true(px_gz_lookup("united states", 13) & PX_GZ_PLACE);
    assert_true(px_gz_lookup("susan", 5) & PX_GZ_FEMALE);
    assert_true(px_gz_lookup("president", 9) & PX_GZ_TITLE);
    assert_int_equal(px_gz_lookup("letter", 6), 0);
}

static void test_alias_table(void **state)
{
    (void)state;
    long g = px_alias_group("ISIL", 4, "isil", 4);
    assert_true(g >= 0);
    assert_int_equal(px_alias_group("IS", 2, "is", 2), g);
    assert_int_equal(px_alias_group("Is", 2, "is", 2), -1); /* a word, not the acronym */
    assert_int_equal(px_alias_group("Islamic State", 13, "islamic state", 13), g);
    assert_int_equal(px_alias_rank(g, "islamic state", 13), 0);
    assert_true(px_alias_group("America", 7, "america", 7) >= 0);
    assert_int_equal(px_alias_group("Obama", 5, "obama", 5), -1);
    assert_int_equal(px_alias_group("F.B.I.", 6, "f.b.i.", 6), px_alias_group("FBI", 3, "fbi", 3));
    assert_true(px_alias_group("Calif.", 6, "calif.", 6) >= 0);
    assert_int_equal(px_alias_group("Calif.", 6, "calif.", 6),
                     px_alias_group("California", 10, "california", 10));
}

static void test_titles_and_surnames(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "Defense Minister Maria Lopez met Sen. Robert Kane in Madrid on Monday. "
        "Lopez said the talks went well, and Kane agreed.", &a);
    const px_entity *lopez = find(an, "Maria Lopez"), *kane = find(an, "Robert Kane");
    assert_non_null(lopez);
    assert_non_null(kane);
    assert_int_equal(lopez->type, PX_ENTITY_PERSON);
    assert_true(has(lopez->roles, lopez->role_count, "Defense Minister"));
    assert_true(has(kane->roles, kane->role_count, "Sen."));
    assert_true(has(lopez->aliases, lopez->alias_count, "Lopez"));
    assert_int_equal(lopez->mention_count, 2);
    assert_int_equal(lopez->mentions[1].kind, PX_MENTION_ALIAS);
    const px_entity *madrid = find(an, "Madrid");
    assert_non_null(madrid);
    assert_int_equal(madrid->type, PX_ENTITY_PLACE);
    assert_null(find(an, "Monday"));
    px_analysis_free(an);
    px_article_free(a);
}

/* A surname alone after a name with a suffix is that person ("Jr." is no surname). */
static void test_surname_after_suffix(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "Agents arrested Walter P. Brandt Jr. at his home on Friday. "
        "Mr. Brandt denied the charges, and Brandt said he would fight them.", &a);
    const px_entity *brandt = find(an, "Walter P. Brandt Jr");
    if (!brandt) brandt = find(an, "Walter P. Brandt Jr.");
    assert_non_null(brandt);
    assert_true(has(brandt->aliases, brandt->alias_count, "Brandt"));
    assert_null(find(an, "Brandt"));
    px_analysis_free(an);
    px_article_free(a);
}

static void test_sentence_start(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "Speaking on Tuesday, the mayor praised the Harbor Authority. "
        "According to officials, Authority staff were there. "
        "Meanwhile the weather held.", &a);
    assert_null(find(an, "Speaking"));
    assert_null(find(an, "According"));
    assert_null(find(an, "Meanwhile"));
    const px_entity *h = find(an, "Harbor Authority");
    assert_non_null(h);
    assert_int_equal(h->type, PX_ENTITY_ORGANIZATION);
    px_analysis_free(an);
    px_article_free(a);
}

/* Mentions are sorted, so px_entity_at finds the entity of a span. */
static void test_entity_at(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state, "The Islamic State (ISIS) lost ground, the UN said.", &a);
    const px_entity *is = find(an, "Islamic State");
    assert_non_null(is);
    assert_true(has(is->aliases, is->alias_count, "ISIS"));
    const px_mention *m = &is->mentions[1];
    long e = px_entity_at(an, m->sentence, m->start, m->end);
    assert_true(e >= 0);
    assert_ptr_equal(px_analysis_entity(an, (size_t)e), is);
    assert_int_equal(px_entity_at(an, 0, 0, 3), -1); /* "The" */
    px_analysis_free(an);
    px_article_free(a);
}

/* 1 when e has a mention of kind in sentence s written as text. */
static int has_mention(const px_article *a, const px_entity *e, px_mention_kind kind, size_t s,
                       const char *text)
{
    for (size_t i = 0; i < e->mention_count; i++) {
        const px_mention *m = &e->mentions[i];
        const char *st = px_article_sentence(a, m->sentence, NULL, NULL, NULL);
        if (m->kind == kind && m->sentence == s && m->end - m->start == strlen(text) &&
            !memcmp(st + m->start, text, strlen(text)))
            return 1;
    }
    return 0;
}

static int has_role(const px_entity *e, const char *role)
{
    for (size_t i = 0; i < e->role_count; i++)
        if (!strcasecmp(e->roles[i], role)) return 1;
    return 0;
}

/* Rules learnt from real news prose (sentences written for the test). */
static void test_news_conventions(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "Officials in WASHINGTON said Sen. Dana Korvel, D-Ill., and Rep. Paul T. Brandt of Wisconsin "
        "met Weekly Ledger Editor Omar Feldt in San Diego, Calif., on Monday. "
        "\xe2\x80\x9cNeedless to say, we disagree,\xe2\x80\x9d Korvel said. "
        "The House Ways and Means Committee and Democrats and Republicans held hearings; "
        "the Committee chairman spoke to the F.B.I. and the FBI answered. "
        "Lina Quarrel said Lina would stay.", &a);
    assert_null(find(an, "D-Ill"));
    assert_null(find(an, "Needless"));
    const px_entity *b = find(an, "Paul T. Brandt"), *f = find(an, "Omar Feldt");
    assert_non_null(b);
    assert_non_null(f);
    assert_true(has_role(f, "Editor"));
    assert_non_null(find(an, "Wisconsin"));
    assert_non_null(find(an, "Weekly Ledger"));
    const px_entity *ca = find(an, "Calif"); /* the state, named as written */
    assert_non_null(ca);
    assert_int_equal(ca->type, PX_ENTITY_PLACE);
    const px_entity *wm = find(an, "House Ways and Means Committee");
    assert_non_null(wm);
    assert_true(has(wm->aliases, wm->alias_count, "Committee"));
    assert_non_null(find(an, "Democrats"));
    assert_non_null(find(an, "Republicans"));
    const px_entity *fbi = find(an, "FBI");
    if (!fbi) fbi = find(an, "F.B.I.");
    assert_non_null(fbi);
    assert_int_equal(fbi->alias_count, 1);
    const px_entity *w = find(an, "Washington");
    assert_non_null(w);
    assert_int_equal(w->type, PX_ENTITY_PLACE);
    const px_entity *q = find(an, "Lina Quarrel");
    assert_non_null(q);
    assert_int_equal(q->type, PX_ENTITY_PERSON);
    assert_true(has(q->aliases, q->alias_count, "Lina"));
    px_analysis_free(an);
    px_article_free(a);
}

/* Two unknown capitalised words are a person by default, unless a demonym
 * that is no first name opens them; a place first name does not count. */
static void test_default_person(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "The Iranian Revolution was recalled by Huma Abedin, Paris Hilton and Christian Bale.", &a);
    const px_entity *rev = find(an, "Iranian Revolution");
    assert_non_null(rev);
    assert_int_not_equal(rev->type, PX_ENTITY_PERSON);
    const char *people[] = {"Huma Abedin", "Paris Hilton", "Christian Bale"};
    for (size_t i = 0; i < 3; i++) {
        const px_entity *p = find(an, people[i]);
        assert_non_null(p);
        assert_int_equal(p->type, PX_ENTITY_PERSON);
    }
    px_analysis_free(an);
    px_article_free(a);
}

/* Arutz Sheva: '"I'm not in a position ...," he said' after "White House
 * spokesman John Earnest ..." -- "he" is Earnest; "the president" is Obama. */
static void test_seed_arutz_sheva(void **state)
{
    px_article *a;
    px_analysis *an = analyse_file(*state, "examples/000_0de752108fcf7d4a.txt", &a);
    const px_entity *earnest = find(an, "John Earnest"), *obama = find(an, "Barack Obama");
    assert_non_null(earnest);
    assert_non_null(obama);
    assert_true(has_mention(a, earnest, PX_MENTION_PRONOUN, 5, "he"));
    assert_false(has_mention(a, obama, PX_MENTION_PRONOUN, 5, "he"));
    assert_true(has_role(earnest, "White House spokesman"));
    assert_true(has_mention(a, obama, PX_MENTION_ROLE, 5, "the president"));
    assert_true(has_role(obama, "President"));
    const px_entity *rice = find(an, "Susan Rice"), *kerry = find(an, "John Kerry");
    assert_non_null(rice);
    assert_non_null(kerry);
    assert_true(has_role(rice, "National Security Advisor"));
    assert_true(has_role(kerry, "Secretary of State"));
    const px_entity *kh = find(an, "Ali Khamenei");
    assert_non_null(kh);
    assert_true(has_role(kh, "Supreme Leader"));
    px_analysis_free(an);
    px_article_free(a);
}

/* UPI: '"I serve at the pleasure of the president ...," she told reporters'
 * -- "she" is Rice, "he'd" inside the quotation is nobody's. */
static void test_seed_upi(void **state)
{
    px_article *a;
    px_analysis *an = analyse_file(*state, "examples/001_6fc7805a935ef0d6.txt", &a);
    const px_entity *rice = find(an, "Susan Rice"), *earnest = find(an, "Josh Earnest");
    assert_non_null(rice);
    assert_non_null(earnest);
    assert_true(has_mention(a, rice, PX_MENTION_PRONOUN, 8, "she"));
    assert_true(has_role(rice, "National Security Adviser"));
    assert_true(has_role(earnest, "Press Secretary"));
    const px_entity *obama = find(an, "Barack Obama");
    assert_non_null(obama);
    assert_true(has_mention(a, obama, PX_MENTION_ROLE, 8, "the president"));
    assert_false(has_mention(a, obama, PX_MENTION_PRONOUN, 8, "he'd"));
    const px_entity *is = find(an, "Islamic State");
    assert_non_null(is);
    assert_true(has(is->aliases, is->alias_count, "ISIL"));
    assert_true(has(is->aliases, is->alias_count, "IS"));
    px_analysis_free(an);
    px_article_free(a);
}

/* Pronouns: the subject of the sentence before, gender agreeing; nothing
 * inside quotation marks; a role phrase only for a role the article gave. */
static void test_pronouns(void **state)
{
    px_article *a;
    px_analysis *an = analyse(*state,
        "Governor Anna Berg met Mayor Tom Hale on Monday. She said the talks went well. "
        "\"He is a friend,\" Hale said of the senator. The governor left.", &a);
    const px_entity *berg = find(an, "Anna Berg"), *hale = find(an, "Tom Hale");
    assert_non_null(berg);
    assert_non_null(hale);
    assert_true(has_mention(a, berg, PX_MENTION_PRONOUN, 1, "She"));
    assert_false(has_mention(a, hale, PX_MENTION_PRONOUN, 2, "He"));
    assert_true(has_mention(a, berg, PX_MENTION_ROLE, 3, "The governor") ||
                has_mention(a, berg, PX_MENTION_ROLE, 3, "the governor"));
    for (size_t i = 0; i < px_analysis_entity_count(an); i++) /* no senator was named */
        assert_false(has_mention(a, px_analysis_entity(an, i), PX_MENTION_ROLE, 2, "the senator"));
    px_analysis_free(an);
    px_article_free(a);

    /* A person in an opening clause or between dashes is not the subject
     * the next sentence's pronoun refers to; the main clause's is. */
    an = analyse(*state,
        "After Rush Limbaugh spoke, Glenn Beck took the stage. He said it was a good year. "
        "Last year - when Tom Hale spoke - Bob Grant also came. He said it was good.", &a);
    const px_entity *beck = find(an, "Glenn Beck"), *rush = find(an, "Rush Limbaugh");
    assert_non_null(beck);
    assert_non_null(rush);
    assert_true(has_mention(a, beck, PX_MENTION_PRONOUN, 1, "He"));
    assert_false(has_mention(a, rush, PX_MENTION_PRONOUN, 1, "He"));
    const px_entity *grant = find(an, "Bob Grant");
    assert_non_null(grant);
    assert_true(has_mention(a, grant, PX_MENTION_PRONOUN, 3, "He"));
    px_analysis_free(an);
    px_article_free(a);
}

/* Hostile input: no sentence at all, 10,000 capitalised words in a row, and
 * one huge sentence of names: a result (no title-case run becomes a name),
 * no hang. */
static void test_hostile(void **state)
{
    px_article *none = px_article_new(); /* no paragraph, no sentence */
    px_error err;
    assert_int_equal(px_article_finish(*state, none, &err), PX_OK);
    assert_int_equal(px_article_sentence_count(none), 0);
    px_analysis *empty = analyse_article(*state, none);
    assert_int_equal(px_analysis_entity_count(empty), 0);
    assert_int_equal(px_analysis_number_count(empty), 0);
    assert_int_equal(px_analysis_date_count(empty), 0);
    assert_int_equal(px_entity_at(empty, 0, 0, 10), -1);
    px_analysis_free(empty);
    px_article_free(none);

    px_buf b = {0};
    for (int i = 0; i < 10000; i++) px_buf_printf(&b, "Word%c%c ", 'a' + i % 26, 'a' + i / 26 % 26);
    px_article *a;
    px_analysis *an = analyse(*state, b.data, &a);
    assert_int_equal(px_analysis_entity_count(an), 0);
    px_analysis_free(an);
    px_article_free(a);
    px_buf_reset(&b);
    while (b.len < 100000) px_buf_puts(&b, "Obama met Rice and Kerry in Iran, ");
    an = analyse(*state, b.data, &a);
    assert_non_null(find(an, "Iran"));
    assert_true(px_analysis_entity_count(an) <= 4);
    px_analysis_free(an);
    px_article_free(a);
    px_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lists_sorted),
        cmocka_unit_test(test_alias_table),
        cmocka_unit_test(test_titles_and_surnames),
        cmocka_unit_test(test_surname_after_suffix),
        cmocka_unit_test(test_sentence_start),
        cmocka_unit_test(test_entity_at),
        cmocka_unit_test(test_news_conventions),
        cmocka_unit_test(test_default_person),
        cmocka_unit_test(test_seed_arutz_sheva),
        cmocka_unit_test(test_seed_upi),
        cmocka_unit_test(test_pronouns),
        cmocka_unit_test(test_hostile),
    };
    return cmocka_run_group_tests_name("entity", tests, analysis_setup, analysis_teardown);
}
