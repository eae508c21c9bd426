/*
 * test_quote.c — quotes, speakers and attributions: marks of several
 * languages, quotes across sentences and paragraphs, partial and full
 * quotes, each cue pattern, the seeds, and hostile input.
 *
 * Articles are built from text in memory (px_article_parse, plain text:
 * the first line is the title, blank lines part paragraphs) and analysed
 * with one context for the group.  Speakers are checked by their entity's
 * canonical name, as `analyze --json` prints them.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"
#include "analyze/attribution.h"
#include "article/article.h"

static int setup(void **state)
{
    px_context *ctx = NULL;
    px_error err;
    if (px_context_new(&ctx, &err) != PX_OK) return -1;
    *state = ctx;
    return 0;
}

static int teardown(void **state)
{
    px_context_free(*state);
    return 0;
}

typedef struct doc {
    px_article *a;
    px_analysis *an;
} doc;

static doc parse(px_context *ctx, const char *data, size_t len)
{
    doc d = {0};
    px_error err;
    assert_int_equal(px_article_parse(ctx, data, len, PX_FORMAT_TEXT, "t.txt", &d.a, &err), PX_OK);
    assert_int_equal(px_analyze(ctx, d.a, &d.an, &err), PX_OK);
    return d;
}

/* Analyses body (a title line is added). */
static doc analyse(px_context *ctx, const char *body)
{
    px_buf b = {0};
    px_buf_printf(&b, "A title for the test\n\n%s\n", body);
    doc d = parse(ctx, b.data, b.len);
    px_buf_free(&b);
    return d;
}

static doc load(px_context *ctx, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot open %s", path);
    px_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) px_buf_append(&b, chunk, n);
    fclose(f);
    doc d = parse(ctx, b.data, b.len);
    px_buf_free(&b);
    return d;
}

static void done(doc *d)
{
    px_analysis_free(d->an);
    px_article_free(d->a);
}

static const char *speaker(const doc *d, const px_quote *q)
{
    return q->speaker >= 0 ? px_analysis_entity(d->an, (size_t)q->speaker)->name : NULL;
}

/* The quote whose text starts with prefix; fails when there is none. */
static const px_quote *quote(const doc *d, const char *prefix)
{
    for (size_t i = 0; i < px_analysis_quote_count(d->an); i++) {
        const px_quote *q = px_analysis_quote(d->an, i);
        if (!strncmp(q->text, prefix, strlen(prefix))) return q;
    }
    fail_msg("no quote starting \"%s\" among %zu", prefix, px_analysis_quote_count(d->an));
    return NULL;
}

static void assert_speaker(const doc *d, const char *prefix, const char *name, const char *cue)
{
    const px_quote *q = quote(d, prefix);
    const char *s = speaker(d, q);
    if (name ? !s || strcmp(s, name) : s != NULL)
        fail_msg("\"%s\": speaker %s, want %s", prefix, s ? s : "(none)", name ? name : "(none)");
    if (cue ? !q->cue || strcmp(q->cue, cue) : q->cue != NULL)
        fail_msg("\"%s\": cue %s, want %s", prefix, q->cue ? q->cue : "(none)",
                 cue ? cue : "(none)");
}

/* The attribution with this source and cue, or NULL. */
static const px_attribution *credit(const doc *d, const char *source, const char *cue)
{
    for (size_t i = 0; i < px_analysis_attribution_count(d->an); i++) {
        const px_attribution *t = px_analysis_attribution(d->an, i);
        if (!strcmp(t->source, source) && !strcmp(t->cue, cue)) return t;
    }
    return NULL;
}

static void test_lexicon(void **state)
{
    (void)state;
    assert_true(px_cue_lexicon_sorted());
}

static void test_marks(void **state)
{
    doc d = analyse(*state, "He wrote \"straight\" and \xe2\x80\x9c" "curly\xe2\x80\x9d quotes.\n\n"
                            "Il a dit \xc2\xab bonjour \xc2\xbb hier.\n\n"
                            "Er sagte \xe2\x80\x9eHallo\xe2\x80\x9c gestern.\n\n"
                            "She said \xe3\x80\x8cyes\xe3\x80\x8d today.");
    assert_int_equal(px_analysis_quote_count(d.an), 5);
    const char *want[] = {"straight", "curly", "bonjour", "Hallo", "yes"};
    for (size_t i = 0; i < 5; i++) assert_string_equal(px_analysis_quote(d.an, i)->text, want[i]);
    assert_int_equal(px_analysis_quote(d.an, 2)->sentence, 1);
    assert_int_equal(px_analysis_quote(d.an, 0)->start, 9); /* the opening mark's byte */
    done(&d);
}

static void test_apostrophes_are_not_marks(void **state)
{
    doc d = analyse(*state, "Obama's letter didn't arrive, and the 'plan' wasn't 'final'.");
    assert_int_equal(px_analysis_quote_count(d.an), 0);
    done(&d);
}

static void test_across_sentences_and_paragraphs(void **state)
{
    doc d = analyse(*state,
                    "\"We will not stop. We will go on,\" Mary Jones said. \"And we will win.\n\n"
                    "\"Nobody can stop us now.\"\n\n"
                    "The talks ended on Friday.");
    assert_int_equal(px_analysis_quote_count(d.an), 2);
    const px_quote *q = quote(&d, "We will not stop.");
    assert_int_equal(q->sentence, 0);
    assert_int_equal(q->sentence_last, 1);
    q = quote(&d, "And we will win.");
    assert_string_equal(q->text, "And we will win. Nobody can stop us now.");
    assert_true(q->sentence_last > q->sentence);
    assert_speaker(&d, "We will not stop.", "Mary Jones", "said");
    assert_speaker(&d, "And we will win.", "Mary Jones", "said"); /* continues hers */
    done(&d);
}

static void test_block_quote_without_continuation_mark(void **state)
{
    doc d = analyse(*state, "The letter read: \"We are here.\n\nWe are staying.\"\n\n\"Alone.\"");
    assert_int_equal(px_analysis_quote_count(d.an), 2);
    assert_string_equal(px_analysis_quote(d.an, 0)->text, "We are here. We are staying.");
    assert_string_equal(px_analysis_quote(d.an, 1)->text, "Alone.");
    done(&d);
}

static void test_unbalanced(void **state)
{
    /* a stray closer, an opener never closed, and a quote within a quote */
    doc d = analyse(*state, "That was the end.\" Nobody came.\n\n"
                            "He called it \xe2\x80\x9c" "silly and left.\n\n"
                            "Then \xe2\x80\x9c" "Fox invited me when he used the \xe2\x80\x9c"
                            "f bomb.\xe2\x80\x9d\xe2\x80\x9d he wrote.");
    assert_int_equal(px_analysis_quote_count(d.an), 2);
    assert_string_equal(px_analysis_quote(d.an, 0)->text, "silly and left.");
    assert_string_equal(px_analysis_quote(d.an, 1)->text,
                        "Fox invited me when he used the \xe2\x80\x9c" "f bomb.\xe2\x80\x9d");
    done(&d);
}

static void test_partial(void **state)
{
    doc d = analyse(*state,
                    "John Smith declined to comment on \"private letters\" on Friday.\n\n"
                    "\"We are done,\" John Smith said.\n\n"
                    "John Smith said: \"We are leaving.\"\n\n"
                    "\"Rigged\" is how John Smith put it.");
    assert_true(quote(&d, "private letters")->partial);
    assert_false(quote(&d, "We are done")->partial);
    assert_false(quote(&d, "We are leaving.")->partial);
    assert_true(quote(&d, "Rigged")->partial);
    assert_string_equal(quote(&d, "We are done")->text, "We are done"); /* the comma dropped */
    done(&d);
}

static void test_cues(void **state)
{
    doc d = analyse(*state,
                    "\"The plan is dead,\" said Mary Jones.\n\n"
                    "\"It is alive,\" John Smith told reporters.\n\n"
                    "According to Mary Jones, \"nothing has changed.\"\n\n"
                    "Robert Brown, the mayor, said, \"We are ready.\"\n\n"
                    "John Smith answered the question by saying, \"We tried.\"\n\n"
                    "Robert Brown declined to comment on \"rumors\" but acknowledged that "
                    "officials \"talked twice.\"\n\n"
                    "\"Never,\" Mary Jones added.");
    assert_speaker(&d, "The plan is dead", "Mary Jones", "said");
    assert_speaker(&d, "It is alive", "John Smith", "told reporters");
    assert_speaker(&d, "nothing has changed.", "Mary Jones", "according to");
    assert_speaker(&d, "We are ready.", "Robert Brown", "said");
    assert_speaker(&d, "We tried.", "John Smith", "said");
    assert_speaker(&d, "rumors", "Robert Brown", "declined to comment");
    assert_speaker(&d, "talked twice.", "Robert Brown", "acknowledged");
    assert_speaker(&d, "Never", "Mary Jones", "added");
    done(&d);
}

static void test_pronouns_and_roles(void **state)
{
    doc d = analyse(*state, "White House spokesman John Earnest spoke on Friday.\n\n"
                            "\"We are done,\" he said.\n\n"
                            "\"It is over,\" the spokesman said.\n\n"
                            "Mary Jones, the mayor, arrived later.\n\n"
                            "\"Welcome,\" the mayor told reporters.");
    assert_speaker(&d, "We are done", "John Earnest", "said");
    assert_speaker(&d, "It is over", "John Earnest", "said");
    assert_speaker(&d, "Welcome", "Mary Jones", "told reporters");
    done(&d);
}

static void test_appositives_and_titles(void **state)
{
    doc d = analyse(*state,
                    "Sen. Mary Jones, D-Calif., whose views have shifted, said \"nothing changed.\"\n\n"
                    "\"Fine,\" said a spokesman for Sen. Robert Brown.\n\n"
                    "\"Good,\" Mary Jones, one of the few to back Robert Brown, said.");
    assert_speaker(&d, "nothing changed.", "Mary Jones", "said");
    assert_speaker(&d, "Fine", NULL, "said"); /* the spokesman, not Brown */
    assert_speaker(&d, "Good", "Mary Jones", "said");
    done(&d);
}

/* Rule role-apposition: after an inverted cue, a role noun phrase and,
 * after its comma, the person it names. */
static void test_role_apposition(void **state)
{
    doc d = analyse(*state,
                    "\"He was a good kid,\" said the victim's father, Paul Ames.\n\n"
                    "\"Stay inside,\" said a spokesman for the Elgin Police Department, "
                    "Officer Jane Roe.\n\n"
                    "\"Go home,\" said the mayor, who spoke for an hour.");
    assert_speaker(&d, "He was a good kid", "Paul Ames", "said");
    assert_speaker(&d, "Stay inside", "Jane Roe", "said");
    assert_speaker(&d, "Go home", NULL, "said"); /* no name after the role */
    done(&d);
}

/* Between a quote and its verb the head is the rightmost name: an
 * organization (or a title taken for a person) in the job title is not
 * the speaker when a person is named. */
static void test_title_organization_is_not_the_speaker(void **state)
{
    doc d = analyse(*state,
                    "\"Stay away from the area,\" Elm County Sheriff's Office spokeswoman "
                    "Ann Lee said.\n\n"
                    "\"We have no suspect,\" a spokesman for the Elgin Police Department, "
                    "Officer Tom Fry, said.");
    assert_speaker(&d, "Stay away", "Ann Lee", "said");
    assert_speaker(&d, "We have no suspect", "Tom Fry", "said");
    done(&d);
}

/* Rule person-modifier: a person named before the noun of the span is not
 * the speaker; a person named after that noun is. */
static void test_person_modifier_is_not_the_speaker(void **state)
{
    doc d = analyse(*state,
                    "Mayor Ann Ortiz spoke on Monday.\n\n"
                    "The Ortiz campaign said the plan would \"end the program as we know it.\"\n\n"
                    "\"We will fight this,\" the Ortiz campaign spokeswoman Lia Brandt said.\n\n"
                    "\"It is a lie,\" Ortiz said.");
    assert_speaker(&d, "end the program", NULL, "said");
    assert_speaker(&d, "We will fight this", "Lia Brandt", "said");
    assert_speaker(&d, "It is a lie", "Ann Ortiz", "said");
    done(&d);
}

/* Rule name-before-verb: a name right before the verb after a common noun
 * (a comma left out) is the speaker; a name after a preposition is not. */
static void test_name_before_verb(void **state)
{
    doc d = analyse(*state,
                    "Witness Mark Lund saw the gunman.\n\n"
                    "When the shooter ran out of ammunition Lund said \"He threw the gun down.\"\n\n"
                    "A spokesman for Sen. Ann Ortiz said \"We are shocked.\"");
    assert_speaker(&d, "He threw the gun down", "Mark Lund", "said");
    const px_quote *q = quote(&d, "We are shocked");
    assert_true(q->speaker < 0 || strcmp(speaker(&d, q), "Ann Ortiz"));
    done(&d);
}

/* A surname the gazetteer knows as a place is the person when a verb of
 * saying follows it ("Jordan said" after "Sheriff Tom Jordan"). */
static void test_place_word_surname(void **state)
{
    doc d = analyse(*state,
                    "Sheriff Tom Jordan spoke to reporters on Friday.\n\n"
                    "\"At this point he acted alone,\" Jordan said.");
    assert_speaker(&d, "At this point", "Tom Jordan", "said");
    done(&d);
}

/* A surname alone before a verb of saying, among two persons of that
 * surname: the one who spoke last, not the one mentioned last. */
static void test_surname_speaker_spoke_last(void **state)
{
    doc d = analyse(*state,
                    "\"She worked hard all her life,\" Jane Ortiz said of Tina Ortiz.\n\n"
                    "\"We will miss her,\" Ortiz said.");
    assert_speaker(&d, "We will miss her", "Jane Ortiz", "said");
    done(&d);
}

/* A hinge: one mark glued between a sentence's end and a letter closes a
 * quote and opens the next. */
static void test_hinge_mark(void **state)
{
    doc d = analyse(*state,
                    "\"We moved here in 2011.\"I can't believe this happened,\" said Mary Stone.");
    assert_int_equal(px_analysis_quote_count(d.an), 2);
    assert_string_equal(px_analysis_quote(d.an, 0)->text, "We moved here in 2011.");
    assert_string_equal(px_analysis_quote(d.an, 1)->text, "I can't believe this happened");
    assert_speaker(&d, "I can't believe", "Mary Stone", "said");
    assert_false(quote(&d, "I can't believe")->partial);
    done(&d);
}

/* Rule named-here, with rules 4 and 5: a speaker not named in the quote's
 * own paragraph (carried over a paragraph break, or a pronoun resolved to
 * a name further up) is inferred; one named there is not. */
static void test_inferred_speakers(void **state)
{
    doc d = analyse(*state,
                    "Detective Mark Hill said the investigation is continuing.\n\n"
                    "\"We will find who did this.\"\n\n"
                    "\"This is a tragedy,\" he said.\n\n"
                    "\"We are sad,\" Mary Jones said. \"Very sad.\"\n\n"
                    "Mary Jones said on Friday:\n\n\"We will rebuild.\"");
    assert_speaker(&d, "We will find", "Mark Hill", "said");
    assert_true(quote(&d, "We will find")->inferred);
    assert_speaker(&d, "This is a tragedy", "Mark Hill", "said");
    assert_true(quote(&d, "This is a tragedy")->inferred);
    assert_false(quote(&d, "We are sad")->inferred);
    assert_false(quote(&d, "Very sad.")->inferred);
    assert_speaker(&d, "We will rebuild.", "Mary Jones", "said");
    assert_true(quote(&d, "We will rebuild.")->inferred);
    done(&d);
}

/* Rule named-here: a pronoun is the outlet naming the speaker only when
 * its paragraph names one person (outside the quote); "His response:" after
 * a sentence naming two persons is the analysis' reading. */
static void test_pronoun_speaker_explicit_or_not(void **state)
{
    doc d = analyse(*state,
                    "Justice Ann Cole spoke first, and Justice Mark Hill spoke next. "
                    "\"You cannot have it both ways,\" he said.\n\n"
                    "Justice Ruth Lane took the floor. \"We will not hear that, as Ann Cole knows,\" she said.\n\n"
                    "Host Paul Gray asked Tom Reed about the plan. His response: \"We have people studying it.\"");
    const px_quote *q = quote(&d, "You cannot have it");
    assert_true(q->speaker >= 0);
    assert_true(q->inferred); /* he: Cole or Hill */
    assert_speaker(&d, "We will not hear that", "Ruth Lane", "said");
    assert_false(quote(&d, "We will not hear that")->inferred); /* Cole is named inside the quote */
    q = quote(&d, "We have people");
    if (q->speaker >= 0) assert_true(q->inferred);
    done(&d);
}

/* Rule of-apposition: "Commander Ann Lee, of the Elmtown Police Department
 * said" is Ann Lee's, not the department's. */
static void test_of_apposition(void **state)
{
    doc d = analyse(*state, "Commander Ann Lee, of the Elmtown Police Department said, "
                            "\"Leaving a child with a loaded rifle is a reckless act.\"");
    assert_speaker(&d, "Leaving a child", "Ann Lee", "said");
    done(&d);
}

static void test_colon_before(void **state)
{
    doc d = analyse(*state, "Mary Jones said on Friday:\n\n\"We will build it.\"");
    assert_speaker(&d, "We will build it.", "Mary Jones", "said");
    done(&d);
}

static void test_no_evidence_no_speaker(void **state)
{
    doc d = analyse(*state, "The storm hit the coast on Friday.\n\n"
                            "\"Everything is gone.\"\n\n"
                            "\"We lost it all,\" a neighbor said.");
    assert_speaker(&d, "Everything is gone.", NULL, NULL);
    assert_speaker(&d, "We lost it all", NULL, "said"); /* a cue, but no entity */
    done(&d);
}

static void test_place_modifier_is_not_a_speaker(void **state)
{
    doc d = analyse(*state, "\"We will win,\" the Texas governor said.");
    const px_quote *q = quote(&d, "We will win");
    if (q->speaker >= 0)
        assert_int_not_equal(px_analysis_entity(d.an, (size_t)q->speaker)->type, PX_ENTITY_PLACE);
    done(&d);
}

static void test_attributions(void **state)
{
    doc d = analyse(*state,
                    "Talks resumed. CAIRO (Reuters) - Both sides came on Monday.\n\n"
                    "The deal is near, the Associated Press reported, citing diplomatic sources.\n\n"
                    "According to Thursday's report in the Wall Street Journal, it is done.\n\n"
                    "It was reported that the talks ended.");
    assert_non_null(credit(&d, "Reuters", "wire tag"));
    assert_int_equal(credit(&d, "Reuters", "wire tag")->sentence, 1); /* left in the text */
    assert_non_null(credit(&d, "the Associated Press", "reported"));
    assert_non_null(credit(&d, "diplomatic sources", "citing"));
    assert_non_null(credit(&d, "the Wall Street Journal", "according to"));
    assert_int_equal(credit(&d, "the Wall Street Journal", "according to")->sentence, 3);
    assert_int_equal(px_analysis_attribution_count(d.an), 4); /* not the passive "was reported" */
    done(&d);
}

static void test_seed_arutz_sheva(void **state)
{
    doc d = load(*state, "examples/000_0de752108fcf7d4a.txt");
    assert_speaker(&d, "We are in no way engaged", "Susan Rice", "said");
    assert_false(quote(&d, "We are in no way engaged")->partial);
    assert_speaker(&d, "I can tell you that the policy", "John Earnest", "added");
    assert_speaker(&d, "I'm not in a position to discuss", "John Earnest", "said"); /* "he said" */
    const px_attribution *r = credit(&d, "Reuters", "reported");
    assert_non_null(r);
    assert_int_equal(r->sentence, 0);
    assert_non_null(credit(&d, "the Wall Street Journal", "according to"));
    done(&d);
}

static void test_seed_upi(void **state)
{
    doc d = load(*state, "examples/001_6fc7805a935ef0d6.txt");
    const px_quote *q = quote(&d, "private correspondence between the president");
    assert_true(q->partial);
    assert_string_equal(speaker(&d, q), "Josh Earnest");
    assert_speaker(&d, "The United States will not cooperate", "Josh Earnest", "reiterated");
    assert_speaker(&d, "I serve at the pleasure", "Susan Rice", "told reporters"); /* "she" */
    const px_attribution *w = credit(&d, "UPI", "wire tag");
    assert_non_null(w);
    assert_int_equal(w->sentence, (size_t)-1);
    done(&d);
}

/* Bad input: each must give a result (in linear time: the suite's timeout
 * catches a hang), never a crash. */
static void test_hostile(void **state)
{
    px_context *ctx = *state;
    px_buf b = {0};
    for (int i = 0; i < 20000; i++) px_buf_puts(&b, i % 3 ? "\" " : "\xe2\x80\x9c ");
    doc d = analyse(ctx, b.data); /* unbalanced marks, no words */
    done(&d);

    px_buf_reset(&b);
    px_buf_puts(&b, "She said, \"");
    for (int i = 0; i < 20000; i++) px_buf_puts(&b, "word ");
    px_buf_puts(&b, "end.\" Mary Jones said.");
    d = analyse(ctx, b.data); /* a 100,000-character quote */
    assert_int_equal(px_analysis_quote_count(d.an), 1);
    assert_true(strlen(px_analysis_quote(d.an, 0)->text) > 100000);
    done(&d);

    px_buf_reset(&b);
    px_buf_puts(&b, "\"Yes,\" said ");
    for (int i = 0; i < 10000; i++) px_buf_printf(&b, "Name%c%c ", 'a' + i % 26, 'a' + i / 26 % 26);
    px_buf_puts(&b, "said \"no\" and \"maybe\" told \"so\".");
    d = analyse(ctx, b.data); /* 10,000 capitalized words in a row */
    assert_int_equal(px_analysis_quote_count(d.an), 4);
    done(&d);

    px_buf_reset(&b);
    for (int i = 0; i < 5000; i++) px_buf_puts(&b, "\"a,\" he said, \"b\" according to Reuters ");
    d = analyse(ctx, b.data); /* many quotes and cues in one sentence */
    assert_int_equal(px_analysis_quote_count(d.an), 10000);
    done(&d);
    px_buf_free(&b);
}

static void test_no_sentences(void **state)
{
    doc d = analyse(*state, "\"\xe2\x80\x9d\xc2\xab"); /* marks only */
    assert_int_equal(px_analysis_quote_count(d.an), 0);
    done(&d);

    px_article *a = px_article_new(); /* paragraphs, but never split into sentences */
    const char *p = "\"Yes,\" said Mary Jones, according to Reuters.";
    px_article_add_paragraph(a, p, strlen(p));
    px_article_add_paragraph(a, "\"Open", 5);
    a->wire = "AP";
    px_analysis *an = NULL;
    px_error err;
    assert_int_equal(px_analyze(*state, a, &an, &err), PX_OK);
    assert_int_equal(px_analysis_quote_count(an), 0);
    assert_int_equal(px_analysis_attribution_count(an), 1); /* only the wire tag */
    px_analysis_free(an);
    px_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexicon),
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_apostrophes_are_not_marks),
        cmocka_unit_test(test_across_sentences_and_paragraphs),
        cmocka_unit_test(test_block_quote_without_continuation_mark),
        cmocka_unit_test(test_unbalanced),
        cmocka_unit_test(test_partial),
        cmocka_unit_test(test_cues),
        cmocka_unit_test(test_pronouns_and_roles),
        cmocka_unit_test(test_appositives_and_titles),
        cmocka_unit_test(test_role_apposition),
        cmocka_unit_test(test_title_organization_is_not_the_speaker),
        cmocka_unit_test(test_person_modifier_is_not_the_speaker),
        cmocka_unit_test(test_name_before_verb),
        cmocka_unit_test(test_place_word_surname),
        cmocka_unit_test(test_surname_speaker_spoke_last),
        cmocka_unit_test(test_hinge_mark),
        cmocka_unit_test(test_inferred_speakers),
        cmocka_unit_test(test_pronoun_speaker_explicit_or_not),
        cmocka_unit_test(test_of_apposition),
        cmocka_unit_test(test_colon_before),
        cmocka_unit_test(test_no_evidence_no_speaker),
        cmocka_unit_test(test_place_modifier_is_not_a_speaker),
        cmocka_unit_test(test_attributions),
        cmocka_unit_test(test_seed_arutz_sheva),
        cmocka_unit_test(test_seed_upi),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_no_sentences),
    };
    return cmocka_run_group_tests_name("quote", tests, setup, teardown);
}
