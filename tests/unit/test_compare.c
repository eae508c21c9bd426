/*
 * test_compare.c — the comparison core (lib/compare): facts, additions and
 * omissions, syndication, summary, and its argument checks, on short
 * articles written for the test.
 */
#include "unit_compare.h"

static const char *const bridge_a =
    "Bridge reopens\n\n"
    "The Harlow river bridge reopened to traffic on Monday after eight months of repairs costing the county council millions.\n\n"
    "Engineers replaced the corroded steel cables that had forced the closure of the crossing last spring.\n\n"
    "A local bakery owner said the closure had halved her trade during the summer months.";
static const char *const bridge_b =
    "Harlow crossing open again\n\n"
    "After eight months of repairs, the Harlow river bridge reopened to traffic Monday, the county council said.\n\n"
    "The crossing was closed last spring when inspectors found corroded steel cables that engineers have now replaced.\n\n"
    "Cyclists will have to wait another month for the new bike lane to be finished.";

static void aligned_facts_and_what_each_adds(void **state)
{
    (void)state;
    story s = {0};
    add(&s, bridge_a);
    add(&s, bridge_b);
    compare(&s);
    px_comparison *c = s.c;
    assert_string_equal(c->labels[0], "a0");
    size_t consensus = 0;
    for (size_t k = 0; k < c->facts.len; k++)
        if (c->facts.items[k].kind == PX_FACT_CONSENSUS) {
            consensus++;
            assert_int_equal(c->facts.items[k].support.len, 2);
        }
    assert_int_equal(consensus, 2); /* the reopening; the cables */
    assert_int_equal(c->facts.items[0].kind, PX_FACT_CONSENSUS); /* consensus first */
    px_indexes u = {0};
    px_compare_unique(c, 0, &u);
    assert_int_equal(u.len, 1);
    assert_contains(c->claims.items[c->facts.items[u.items[0]].best].text, "bakery");
    u.len = 0;
    px_compare_omitted(c, 0, &u); /* what b says and a leaves out: the bike lane */
    assert_int_equal(u.len, 1);
    assert_contains(c->claims.items[c->facts.items[u.items[0]].best].text, "bike lane");
    px_vec_free(&u);
    assert_true(c->summary.len >= 1 && c->summary.len <= 5);
    int reopened = 0; /* the reopening, which both report, is cited to both */
    for (size_t i = 0; i < c->summary.len; i++)
        if (strstr(c->summary.items[i].text, "reopened"))
            reopened = 1, assert_int_equal(c->summary.items[i].support.len, 2);
    assert_true(reopened);
    assert_true(c->similarity[1].score > 0.3);
    assert_int_equal(c->copies.len, 0);
    done(&s);
}

static void unrelated_articles_share_no_fact(void **state)
{
    (void)state;
    story s = {0};
    add(&s, bridge_a);
    add(&s, "Chess final\n\nThe chess championship final was drawn after six hours when both players agreed to split the point.\n\n"
            "The next game is scheduled for Thursday in the old town hall.");
    compare(&s);
    for (size_t k = 0; k < s.c->facts.len; k++) assert_int_equal(s.c->facts.items[k].kind, PX_FACT_UNIQUE);
    assert_true(s.c->summary.len >= 1); /* never empty: each line cited to its one outlet */
    for (size_t i = 0; i < s.c->summary.len; i++) assert_int_equal(s.c->summary.items[i].support.len, 1);
    assert_true(s.c->similarity[1].score < 0.15);
    done(&s);
}

static void near_copies_are_syndication(void **state)
{
    (void)state;
    story s = {0};
    add(&s, bridge_a);
    add(&s, bridge_b);
    add(&s, bridge_a); /* a verbatim copy, published again */
    compare(&s);
    assert_int_equal(s.c->copies.len, 1);
    assert_int_equal(s.c->copies.items[0].distance, 0);
    assert_true(s.c->copies.items[0].overlap > 0.99);
    assert_int_equal(s.c->copies.items[0].original, 0); /* first given, same length */
    assert_int_equal(s.c->copies.items[0].copy, 2);
    assert_string_equal(s.c->labels[2], "a2");
    done(&s);
}

/* No article is a usage error; one article is a story too (most stories of
 * a store are one article long, and `show` and the server render them in
 * the one shape): its facts are its own, nothing conflicts, no copies. */
static void one_article_is_a_comparison(void **state)
{
    (void)state;
    story s = {0};
    add(&s, bridge_a);
    px_error err;
    px_comparison *c = (px_comparison *)1;
    assert_int_equal(px_compare(ctx, s.a, s.an, 0, &c, &err), PX_EUSAGE);
    assert_null(c);
    assert_contains(err.message, "at least one article");
    assert_int_equal(px_compare(ctx, s.a, s.an, 1, &s.c, &err), PX_OK);
    assert_int_equal(s.c->n, 1);
    assert_true(s.c->facts.len > 0);
    for (size_t i = 0; i < s.c->conflicts.len; i++)
        assert_int_not_equal(s.c->conflicts.items[i].judgment, PX_JUDGE_CONFLICT);
    assert_int_equal(s.c->copies.len, 0);
    done(&s);
}

/* One fact whose outlets give different values (align.c joins sentences by
 * their words, not their values) is marked disputed by the conflict, and
 * the bridge's agreed facts are not. */
static void a_fact_with_differing_values_is_disputed(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Quake kills 12\n\nThe earthquake struck the town of Berat on Tuesday, killing 12 people, officials said.\n\n"
            "Rescue teams worked through the night to free people trapped under collapsed buildings.");
    add(&s, "Quake leaves 14 dead\n\nA strong earthquake struck the town of Berat on Tuesday, killing 14 people, officials said.\n\n"
            "Rescue teams worked through the night to free people trapped under the rubble.");
    compare(&s);
    px_comparison *c = s.c;
    size_t disputed = 0;
    for (size_t f = 0; f < c->facts.len; f++) {
        const px_fact *fact = &c->facts.items[f];
        if (!fact->disputed.len) continue;
        disputed++;
        assert_contains(c->claims.items[fact->best].text, "Berat");
        assert_int_equal(fact->support.len, 2);
        const px_conflict *k = &c->conflicts.items[fact->disputed.items[0]];
        assert_int_equal(k->judgment, PX_JUDGE_CONFLICT);
        assert_int_equal(k->slot, PX_SLOT_COUNT);
    }
    assert_int_equal(disputed, 1); /* the quake, not the rescue */
    done(&s);
    story t = {0};
    add(&t, bridge_a);
    add(&t, bridge_b);
    compare(&t);
    for (size_t f = 0; f < t.c->facts.len; f++) assert_int_equal(t.c->facts.items[f].disputed.len, 0);
    done(&t);
}

/* A plain-text article is labelled by the outlet its text names as itself
 * when speaking to the reader; a newsroom named in reporting is not. */
static void an_outlet_named_by_its_own_text_labels_it(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Bridge reopens\n\nThe Harlow river bridge reopened to traffic on Monday after eight months of repairs.\n\n"
            "(The Harlow Courier's county desk will keep you updated as the story develops.)");
    add(&s, "Harlow crossing open again\n\nAfter eight months of repairs, the Harlow river bridge reopened to traffic Monday.\n\n"
            "A spokesman told Daily Planet's Washington bureau that the repairs cost millions.");
    add(&s, "Bridge open\n\nThe Harlow river bridge reopened on Monday, as stated on all Acme Wire stories today.");
    compare(&s);
    assert_string_equal(s.c->labels[0], "Harlow Courier");
    assert_string_equal(s.c->labels[1], "a1"); /* no reader addressed: not its own name */
    assert_string_equal(s.c->labels[2], "Acme Wire");
    done(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(aligned_facts_and_what_each_adds),
        cmocka_unit_test(unrelated_articles_share_no_fact),
        cmocka_unit_test(near_copies_are_syndication),
        cmocka_unit_test(one_article_is_a_comparison),
        cmocka_unit_test(a_fact_with_differing_values_is_disputed),
        cmocka_unit_test(an_outlet_named_by_its_own_text_labels_it),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
