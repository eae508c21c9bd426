/*
 * test_entities.c — the story's entities joined across articles
 * (lib/compare/entities.c, person_name.c), the name conflicts and
 * agreements drawn from them (names.c), and the quote speaker and wording
 * conflicts (quotes.c), on short articles written for the test.
 */
#include "unit_compare.h"
#include "compare/person_name.h"

/* The story entity article a's entity named `name` was joined to, or NULL. */
static const px_story_entity *joined(const px_comparison *c, size_t a, const char *name)
{
    for (size_t i = 0; i < c->analyses[a]->entities.len; i++)
        if (!strcmp(c->analyses[a]->entities.items[i].pub.name, name)) {
            long e = px_compare_entity(c, a, (long)i);
            return e >= 0 ? &c->entities.items[e] : NULL;
        }
    return NULL;
}

/* The conflicts of one slot and judgment: how many, and the first. */
static size_t count(const px_comparison *c, px_slot slot, px_judgment j, const px_conflict **first)
{
    size_t n = 0;
    for (size_t i = 0; i < c->conflicts.len; i++)
        if (c->conflicts.items[i].slot == slot && c->conflicts.items[i].judgment == j) {
            if (!n && first) *first = &c->conflicts.items[i];
            n++;
        }
    return n;
}

/* ---- spelling ------------------------------------------------------------------ */

static void spelling_variants(void **state)
{
    (void)state;
    assert_int_equal(px_name_word_variant("kristen", 7, "kirsten", 7), 1); /* a transposition */
    assert_int_equal(px_name_word_variant("meyer", 5, "meier", 5), 1);
    assert_int_equal(px_name_word_variant("dahl", 4, "dahle", 5), 1);      /* short: the phonetic key */
    assert_int_equal(px_name_word_variant("waakeman", 8, "wakeman", 7), 1);
    assert_int_equal(px_name_word_variant("csaullo", 7, "casulo", 6), 1); /* distance 2, one phonetic key */
    assert_int_equal(px_name_word_variant("john", 4, "josh", 4), 0);
    assert_int_equal(px_name_word_variant("dan", 3, "don", 3), 0);         /* 3 letters: too close to call */
    assert_int_equal(px_name_word_variant("carlos", 6, "maria", 5), 0);
    assert_int_equal(px_name_word_variant("robert", 6, "robert", 6), 2);
    char x[16], y[16];
    px_name_phonetic("meyer", 5, x, sizeof x);
    px_name_phonetic("meier", 5, y, sizeof y);
    assert_string_equal(x, y);
    px_name_phonetic("catherine", 9, x, sizeof x);
    px_name_phonetic("kathryn", 7, y, sizeof y);
    assert_string_equal(x, y);
    px_name_phonetic("moore", 5, y, sizeof y);
    assert_string_not_equal(x, y);
}

/* Short names: one vowel for another though the phonetic key differs
 * (a c before e reads as s), two neighbouring letters swapped; a part of
 * a hyphenated surname spelled otherwise; and the join of such spellings
 * across articles (4-letter surnames meet in the deletion index). */
static void short_and_hyphenated_variants(void **state)
{
    (void)state;
    assert_int_equal(px_name_word_variant("cate", 4, "cete", 4), 1);
    assert_int_equal(px_name_word_variant("carl", 4, "cerl", 4), 1);
    assert_int_equal(px_name_word_variant("abdi", 4, "adbi", 4), 1);
    assert_int_equal(px_name_word_variant("ford", 4, "fork", 4), 0); /* a consonant */
    assert_int_equal(px_name_word_variant("kent", 4, "kant", 4), 1);
    story s = {0};
    add(&s, "Shooting\n\nLt. Ruth Cate said two men were hurt on Monday in Harlow. "
            "Jose Brull Lopez, 23, was arrested.");
    add(&s, "Harlow shooting\n\nLt. Ruth Cete said two men were hurt Monday in Harlow. "
            "Jose Brull-Lapez, 23, was arrested.");
    add(&s, "Two hurt\n\nTwo men were hurt Monday in Harlow, police said. Jose Brull-Lopez, 23, was arrested.");
    compare(&s);
    assert_non_null(joined(s.c, 0, "Ruth Cate"));
    assert_ptr_equal(joined(s.c, 0, "Ruth Cate"), joined(s.c, 1, "Ruth Cete"));
    assert_non_null(joined(s.c, 1, "Jose Brull-Lapez"));
    assert_ptr_equal(joined(s.c, 1, "Jose Brull-Lapez"), joined(s.c, 2, "Jose Brull-Lopez"));
    assert_ptr_equal(joined(s.c, 0, "Jose Brull Lopez"), joined(s.c, 2, "Jose Brull-Lopez"));
    assert_int_equal(count(s.c, PX_SLOT_NAME, PX_JUDGE_CONFLICT, NULL), 2);
    done(&s);
}

static void names_split_and_matched(void **state)
{
    (void)state;
    px_arena arena = {0};
    px_pname a, b;
    px_pname_parse(&arena, "RNC Chairman Michael Steele", NULL, NULL, &a);
    assert_string_equal(a.display, "Michael Steele");
    assert_string_equal(a.folded, "michael steele");
    px_pname_parse(&arena, "Kenneth Murphy of Allentown", NULL, NULL, &b);
    assert_string_equal(b.display, "Kenneth Murphy");
    px_pname_parse(&arena, "Chauncey Broadway, Jr.", NULL, NULL, &a);
    assert_string_equal(a.folded, "chauncey broadway");
    assert_int_equal(a.suffix, 1);
    px_pname_parse(&arena, "Chauncy Broadway", NULL, NULL, &b);
    assert_int_equal(px_pname_given(&a, &b), 1); /* a variant */
    assert_int_equal(px_pname_surname(&a, &b), 2);
    px_pname_parse(&arena, "Christopher J. Dodd", NULL, NULL, &a);
    px_pname_parse(&arena, "Chris Dodd", NULL, NULL, &b);
    assert_int_equal(px_pname_given(&a, &b), 2); /* short form; the initial ignored */
    px_pname_parse(&arena, "Bill Foster", NULL, NULL, &a);
    px_pname_parse(&arena, "William Foster", NULL, NULL, &b);
    assert_int_equal(px_pname_given(&a, &b), 2); /* nickname */
    px_pname_parse(&arena, "J. Foster", NULL, NULL, &a);
    px_pname_parse(&arena, "John Foster", NULL, NULL, &b);
    assert_int_equal(px_pname_given(&a, &b), 2); /* initial */
    px_pname_parse(&arena, "Jacroy J. Wesley", NULL, NULL, &a);
    px_pname_parse(&arena, "Jacory J. Wesley", NULL, NULL, &b);
    assert_int_equal(px_pname_given(&a, &b), 1); /* not matched by the middle initial */
    px_pname_parse(&arena, "Ros Thompson", NULL, NULL, &a);
    px_pname_parse(&arena, "Ross Thompson", NULL, NULL, &b);
    assert_int_equal(px_pname_given(&a, &b), 0); /* no short form: one letter less */
    px_pname_parse(&arena, "John Foster", NULL, NULL, &b);
    px_pname_parse(&arena, "Jane Foster", NULL, NULL, &a);
    assert_int_equal(px_pname_given(&a, &b), 0);
    assert_int_equal(px_pname_surname(&a, &b), 2);
    px_pname_parse(&arena, "Terry O\u2019Neill", NULL, NULL, &a);
    px_pname_parse(&arena, "Tirry O'Neill", NULL, NULL, &b);
    assert_string_equal(a.folded, "terry o'neill"); /* the curly apostrophe made straight */
    assert_int_equal(px_pname_surname(&a, &b), 2);
    assert_int_equal(px_pname_given(&a, &b), 1);
    assert_int_equal(a.plausible, 1);
    px_pname_parse(&arena, "Jimmy Vasquez ID'd", NULL, NULL, &a);
    assert_int_equal(a.plausible, 0); /* a headline's contraction */
    px_pname_parse(&arena, "Grand Ave.", NULL, NULL, &a);
    assert_int_equal(a.plausible, 0);
    px_pname_parse(&arena, "Montgomery County Sheriff", NULL, NULL, &a);
    assert_int_equal(a.plausible, 0);
    px_pname_parse(&arena, "Ja'nyla Moore", NULL, NULL, &a);
    assert_int_equal(a.plausible, 1);
    px_pname_parse(&arena, "Luis Nava", NULL, NULL, &a);
    px_pname_parse(&arena, "Luiz Nava Trujillo", NULL, NULL, &b);
    assert_int_equal(px_pname_surname(&a, &b), 2); /* the first of two surnames */
    px_pname_parse(&arena, "Reginald Rose-Robinson", NULL, NULL, &a);
    px_pname_parse(&arena, "Reginald Robinson", NULL, NULL, &b);
    assert_int_equal(px_pname_surname(&a, &b), 1); /* a part of the hyphenated surname */
    px_arena_free(&arena);
}

/* ---- joined across articles -------------------------------------------------- */

static void variants_joined_with_a_name_conflict(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Fire at the mill\n\nFirefighter Kristen Dahl was hurt on Monday at the old mill in Harlow. "
            "Dahl was taken to hospital. Neighbour Tom Meyer called the fire brigade.");
    add(&s, "Mill fire\n\nKirsten Dahl, a firefighter, was hurt on Monday at the old mill in Harlow. "
            "Tom Meier called the fire brigade, he said.");
    compare(&s);
    const px_story_entity *dahl = joined(s.c, 0, "Kristen Dahl");
    assert_non_null(dahl);
    assert_ptr_equal(joined(s.c, 1, "Kirsten Dahl"), dahl);
    assert_ptr_equal(joined(s.c, 0, "Tom Meyer"), joined(s.c, 1, "Tom Meier"));
    size_t found = 0;
    for (size_t i = 0; i < s.c->conflicts.len; i++) {
        const px_conflict *k = &s.c->conflicts.items[i];
        if (k->slot != PX_SLOT_NAME || k->judgment != PX_JUDGE_CONFLICT) continue;
        found++;
        assert_int_equal(k->values.len, 2);
        if (!strcmp(k->subject, "Dahl")) {
            assert_string_equal(k->values.items[0].pattern, "given-name-variant");
            assert_string_equal(k->values.items[0].value, "Kristen Dahl");
            assert_string_equal(k->values.items[1].value, "Kirsten Dahl");
            assert_int_equal(k->values.items[0].sentence, 0);
        } else {
            assert_string_equal(k->values.items[0].pattern, "surname-variant");
        }
    }
    assert_int_equal(found, 2);
    done(&s);
}

static void a_family_is_kept_apart(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Shooting in Harlow\n\nMaria Lopez, 45, was shot on Monday. Her son Carlos Lopez, 20, was not hurt. "
            "Police said Maria Lopez was in stable condition.");
    add(&s, "Woman shot\n\nA woman was shot on Monday in Harlow, said Carlos Lopez, her son.");
    add(&s, "Harlow shooting\n\nA woman was shot in Harlow on Monday, police said. "
            "Her husband, Jose Lopez, said she was in stable condition.");
    compare(&s);
    const px_story_entity *carlos = joined(s.c, 0, "Carlos Lopez");
    assert_non_null(carlos);
    assert_ptr_equal(joined(s.c, 1, "Carlos Lopez"), carlos);
    assert_ptr_not_equal(joined(s.c, 0, "Maria Lopez"), carlos);
    /* Jose: another given name of a family's surname: a third person, no conflict */
    assert_ptr_not_equal(joined(s.c, 2, "Jose Lopez"), carlos);
    assert_ptr_not_equal(joined(s.c, 2, "Jose Lopez"), joined(s.c, 0, "Maria Lopez"));
    assert_int_equal(count(s.c, PX_SLOT_NAME, PX_JUDGE_CONFLICT, NULL), 0);
    const px_conflict *k = NULL;
    assert_int_equal(count(s.c, PX_SLOT_NAME, PX_JUDGE_AGREEMENT, &k), 1);
    assert_string_equal(k->entity, "Carlos Lopez");
    done(&s);
}

static void other_given_names(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Briefing\n\nWhite House spokesman John Earnest declined to comment on Thursday.");
    add(&s, "Briefing\n\nPress secretary Josh Earnest declined to comment on Thursday.");
    add(&s, "Council\n\nCouncillor Jane Foster opened the meeting on Thursday.");
    add(&s, "Council\n\nCouncillor John Foster opened the meeting on Thursday.");
    compare(&s);
    /* one person named two ways: joined, with a conflict */
    assert_ptr_equal(joined(s.c, 0, "John Earnest"), joined(s.c, 1, "Josh Earnest"));
    /* Jane and John: a woman's and a man's name are two persons */
    assert_ptr_not_equal(joined(s.c, 2, "Jane Foster"), joined(s.c, 3, "John Foster"));
    const px_conflict *k = NULL;
    assert_int_equal(count(s.c, PX_SLOT_NAME, PX_JUDGE_CONFLICT, &k), 1);
    assert_string_equal(k->subject, "Earnest");
    assert_string_equal(k->values.items[0].pattern, "given-name-other");
    assert_string_equal(k->entity, "John Earnest / Josh Earnest"); /* a tie: no side taken */
    done(&s);

    story t = {0}; /* two outlets against one: the heading is theirs */
    add(&t, "Briefing\n\nPress secretary Josh Earnest declined to comment on Thursday.");
    add(&t, "Briefing\n\nWhite House spokesman John Earnest declined to comment on Thursday.");
    add(&t, "Brief\n\nSpokesman Josh Earnest would not comment Thursday.");
    compare(&t);
    assert_int_equal(count(t.c, PX_SLOT_NAME, PX_JUDGE_CONFLICT, &k), 1);
    assert_string_equal(k->entity, "Josh Earnest");
    done(&t);
}

static void surname_nickname_initials(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Bridge reopens\n\nCounty engineer Bill Foster said the bridge would reopen on Monday. "
            "Mayor Ann Cole thanked the crews.");
    add(&s, "Bridge open\n\nThe bridge reopens on Monday, William Foster, the county engineer, said.");
    add(&s, "Harlow bridge\n\nThe bridge reopens Monday, Foster said. A. Cole, the mayor, thanked the crews.");
    compare(&s);
    const px_story_entity *foster = joined(s.c, 0, "Bill Foster");
    assert_non_null(foster);
    assert_ptr_equal(joined(s.c, 1, "William Foster"), foster);
    assert_ptr_equal(joined(s.c, 2, "Foster"), foster); /* the surname alone */
    assert_int_equal(foster->refs.len, 3);
    assert_ptr_equal(joined(s.c, 2, "A. Cole"), joined(s.c, 0, "Ann Cole"));
    assert_int_equal(count(s.c, PX_SLOT_NAME, PX_JUDGE_CONFLICT, NULL), 0);
    done(&s);
}

/* Every order of three articles gives the same entities and name conflicts. */
static void order_does_not_matter(void **state)
{
    (void)state;
    static const char *const texts[3] = {
        "Crash\n\nDriver Kristen Dahl, 30, was hurt on Monday. Police officer Tom Meyer said J. Dahl was "
        "driving home. John Dahl, her father, said she was recovering.",
        "Crash on Route 9\n\nKirsten Dahl was hurt in a crash on Monday, officer Tom Meier said. Meier said "
        "she was driving home.",
        "Route 9 crash\n\nKristen Dahl was hurt on Monday, her father John Dahl said. Tom Meyer said she was "
        "driving home.",
    };
    static const int orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    char first[2048] = "";
    for (int o = 0; o < 6; o++) {
        story s = {0};
        for (int i = 0; i < 3; i++) add(&s, texts[orders[o][i]]);
        compare(&s);
        /* entity name: the texts (by original number) that mention it, in order */
        px_buf b = {0};
        for (size_t e = 0; e < s.c->entities.len; e++) {
            const px_story_entity *se = &s.c->entities.items[e];
            int in[3] = {0};
            for (size_t r = 0; r < se->refs.len; r++) in[orders[o][se->refs.items[r].article]] = 1;
            px_buf_printf(&b, "%s:%d%d%d;", se->name, in[0], in[1], in[2]);
        }
        for (size_t i = 0; i < s.c->conflicts.len; i++) {
            const px_conflict *k = &s.c->conflicts.items[i];
            if (k->slot == PX_SLOT_NAME) px_buf_printf(&b, "[%s %s %zu]", k->entity, px_judgment_name(k->judgment), k->values.len);
        }
        if (!o) snprintf(first, sizeof first, "%s", px_buf_str(&b));
        else assert_string_equal(px_buf_str(&b), first);
        px_buf_free(&b);
        done(&s);
    }
    assert_non_null(strstr(first, "[Kristen Dahl conflict 3]"));
    assert_non_null(strstr(first, "John Dahl:101;"));
}

/* ---- quotes --------------------------------------------------------------------- */

/* A surname alone joins the one full name of its own article the analysis
 * kept apart ("Dana Voss of Elmtown", "Voss said"), and a speaker
 * named in full but untyped is a person: the two outlets' speakers conflict. */
static void speaker_surname_in_its_article(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Airport\n\nThe gunman opened fire in the baggage claim.\n\n"
            "\"I was just running for my life because I heard the shots,\" said Rick Lowe of Elmtown who was there.\n\n"
            "\"It was surreal,\" Lowe said.");
    add(&s, "Airport shooting\n\nThe gunman opened fire in the baggage claim.\n\n"
            "\"I was just running for my life because I heard the shots,\" said Dana Voss of Elmtown who was there.\n\n"
            "Officers came quickly, Voss said.");
    compare(&s);
    const px_story_entity *t = joined(s.c, 1, "Voss");
    if (t) assert_ptr_equal(t, joined(s.c, 1, "Dana Voss of Elmtown"));
    const px_conflict *k = NULL;
    assert_int_equal(count(s.c, PX_SLOT_QUOTE_SPEAKER, PX_JUDGE_CONFLICT, &k), 1);
    assert_int_equal(k->values.len, 2);
    done(&s);
}

/* Rule speaker-given-name: one person of the story (joined by the surname)
 * named beside the quote by two given names is a speaker conflict too; a
 * spelling variant of the given name is not. */
static void speaker_given_names(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Vigil\n\nNeighbors gathered on Sunday.\n\n\"She was full of life and always willing to help,\" "
            "said Carol Dorsey, a family friend.");
    add(&s, "Vigil held\n\nNeighbors gathered Sunday.\n\n\"She was full of life and always willing to help,\" "
            "said Claire Dorsey, a family friend.");
    compare(&s);
    const px_conflict *k = NULL;
    assert_int_equal(count(s.c, PX_SLOT_QUOTE_SPEAKER, PX_JUDGE_CONFLICT, &k), 1);
    assert_string_equal(k->values.items[0].value, "Carol Dorsey");
    assert_string_equal(k->values.items[1].value, "Claire Dorsey");
    assert_int_equal(count(s.c, PX_SLOT_NAME, PX_JUDGE_CONFLICT, NULL), 1);
    done(&s);

    story t = {0};
    add(&t, "Vigil\n\nNeighbors gathered on Sunday.\n\n\"She was full of life and always willing to help,\" "
            "said Kristen Dahl, a family friend.");
    add(&t, "Vigil held\n\nNeighbors gathered Sunday.\n\n\"She was full of life and always willing to help,\" "
            "said Kirsten Dahl, a family friend.");
    compare(&t);
    assert_int_equal(count(t.c, PX_SLOT_QUOTE_SPEAKER, PX_JUDGE_CONFLICT, NULL), 0);
    assert_int_equal(count(t.c, PX_SLOT_NAME, PX_JUDGE_CONFLICT, NULL), 1);
    done(&t);
}

/* Rule quote-text: one outlet quotes what another prints as its own words,
 * one word changed: a wording conflict; the same words, or a short quote,
 * none. */
static void quote_against_text(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Statement\n\nThe chief released a statement on Friday. Our whole city grieves for the loss "
            "of the victims and their families.");
    add(&s, "Chief speaks\n\n\"Our whole town grieves for the loss of the victims and their families,\" "
            "Chief Ann Cole said on Friday.");
    compare(&s);
    const px_conflict *k = NULL;
    assert_int_equal(count(s.c, PX_SLOT_QUOTE_WORDING, PX_JUDGE_CONFLICT, &k), 1);
    int text = 0;
    for (size_t i = 0; i < k->values.len; i++)
        if (!strcmp(k->values.items[i].pattern, "quote-text")) {
            text++;
            assert_int_equal(k->values.items[i].article, 0);
            assert_non_null(strstr(k->values.items[i].value, "city"));
        }
    assert_int_equal(text, 1);
    done(&s);

    story l = {0}; /* a quote of several sentences against a statement printed whole */
    add(&l, "Statement\n\nThe family released a statement. He was a bright light with a warm smile. He will always "
            "live in our hearts, and we thank everyone who helped us this week.");
    add(&l, "Obituary\n\n\"He was a bright light with a warm smile. He will often live in our hearts, and we thank "
            "everyone who helped us this week,\" the family said.");
    compare(&l);
    assert_int_equal(count(l.c, PX_SLOT_QUOTE_WORDING, PX_JUDGE_CONFLICT, &k), 1);
    done(&l);

    story t = {0}; /* the same words quoted: no conflict */
    add(&t, "Statement\n\nThe chief released a statement on Friday. Our whole city grieves for the loss "
            "of the victims and their families.");
    add(&t, "Chief speaks\n\n\"Our whole city grieves for the loss of the victims and their families,\" "
            "Chief Ann Cole said on Friday.");
    compare(&t);
    assert_int_equal(count(t.c, PX_SLOT_QUOTE_WORDING, PX_JUDGE_CONFLICT, NULL), 0);
    done(&t);
}

static void quote_speakers_named_or_carried(void **state)
{
    (void)state;
    static const char *const named_a =
        "Bridge to be rebuilt\n\nThe council voted on Monday to rebuild the Harlow bridge.\n\n"
        "\"We will rebuild the bridge before winter comes,\" Mayor Ann Cole said.";
    static const char *const named_b =
        "Harlow bridge\n\nThe council voted on Monday to rebuild the Harlow bridge.\n\n"
        "\"We will rebuild the bridge before winter comes,\" said Tom Wright, a council member.";
    static const char *const carried =
        "Bridge vote\n\nMayor Ann Cole spoke after the council voted on Monday. \"It was a long night,\" Cole said.\n\n"
        "\"We will rebuild the bridge before winter comes.\"";
    story s = {0};
    add(&s, named_a);
    add(&s, named_b);
    compare(&s);
    const px_conflict *k = NULL;
    assert_int_equal(count(s.c, PX_SLOT_QUOTE_SPEAKER, PX_JUDGE_CONFLICT, &k), 1);
    assert_int_equal(k->kind, PX_CONFLICT_QUOTE_SPEAKER);
    assert_int_equal(k->values.len, 2);
    assert_string_equal(k->values.items[0].value, "Ann Cole");
    assert_string_equal(k->values.items[1].value, "Tom Wright");
    assert_int_equal(k->values.items[0].inferred, 0);
    assert_int_equal(count(s.c, PX_SLOT_QUOTE_WORDING, PX_JUDGE_CONFLICT, NULL), 0);
    done(&s);

    story t = {0};
    add(&t, carried);
    add(&t, named_b);
    compare(&t);
    assert_int_equal(count(t.c, PX_SLOT_QUOTE_SPEAKER, PX_JUDGE_CONFLICT, NULL), 0);
    done(&t);
}

static void quote_wording(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Vote\n\nThe council voted on Monday. \"We will rebuild the bridge before winter comes,\" Mayor Ann Cole said.");
    add(&s, "Vote\n\nThe council voted Monday. \"we will rebuild the bridge before winter comes.\" Mayor Ann Cole said.");
    add(&s, "Vote\n\nThe council voted Monday. \"We will rebuild the bridge ... before winter,\" Mayor Ann Cole said.");
    add(&s, "Vote\n\nThe council voted Monday. \"We will rebuild the bridge before summer comes,\" Mayor Ann Cole said.");
    compare(&s);
    const px_conflict *k = NULL;
    assert_int_equal(count(s.c, PX_SLOT_QUOTE_WORDING, PX_JUDGE_CONFLICT, &k), 1);
    assert_int_equal(k->values.len, 4);
    /* the same words give one value; the changed words their own */
    assert_string_equal(k->values.items[0].value, k->values.items[1].value);
    assert_string_equal(k->values.items[0].value, k->values.items[2].value);
    assert_non_null(strstr(k->values.items[3].value, "summer"));
    assert_string_equal(k->values.items[3].pattern, "quote-wording");
    assert_string_equal(k->entity, "Ann Cole");
    done(&s);

    story t = {0}; /* without the fourth: no wording conflict, an agreement */
    add(&t, "Vote\n\nThe council voted on Monday. \"We will rebuild the bridge before winter comes,\" Mayor Ann Cole said.");
    add(&t, "Vote\n\nThe council voted Monday. \"We will rebuild the bridge ... before winter,\" Mayor Ann Cole said.");
    compare(&t);
    assert_int_equal(count(t.c, PX_SLOT_QUOTE_WORDING, PX_JUDGE_CONFLICT, NULL), 0);
    assert_int_equal(count(t.c, PX_SLOT_QUOTE_WORDING, PX_JUDGE_AGREEMENT, NULL), 1);
    assert_int_equal(count(t.c, PX_SLOT_QUOTE_SPEAKER, PX_JUDGE_AGREEMENT, NULL), 1);
    done(&t);

    story u = {0}; /* a name spelled two ways inside the quote, a bracketed insertion: no change of words */
    add(&u, "Libya\n\nThe minister spoke on Monday. \"We believe that Muammar Qaddafi will fall soon, and that "
            "the people of this land will be free at last, and we will help them,\" Minister Ann Cole said.");
    add(&u, "Libya\n\nThe minister spoke Monday. \"We believe that Moammar Gadhafi will fall soon, and that "
            "the people of this land will be free at last, and we will help them,\" Minister Ann Cole said.");
    add(&u, "Libya\n\nThe minister spoke Monday. \"We believe that Muammar Qaddafi will fall soon, and that "
            "the people [of Libya] of this land will be free at last, and we will help them,\" Minister Ann Cole said.");
    compare(&u);
    assert_int_equal(u.c->quotes.len, 1);
    assert_int_equal(count(u.c, PX_SLOT_QUOTE_WORDING, PX_JUDGE_CONFLICT, NULL), 0);
    assert_int_equal(count(u.c, PX_SLOT_QUOTE_WORDING, PX_JUDGE_AGREEMENT, NULL), 1);
    done(&u);
}

/* Rule speaker-min-words: words too short to be one quotation ("without
 * merit") credited to two persons are no speaker conflict. */
static void short_quotes_name_no_speaker(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Suit\n\nThe state's attorney general, Ann Cole, said in a statement that the suit was \"without merit.\"");
    add(&s, "Suit\n\nTom Wright, a spokesman for the group, said it agrees with Cole that the suit is \"without merit.\"");
    compare(&s);
    assert_int_equal(count(s.c, PX_SLOT_QUOTE_SPEAKER, PX_JUDGE_CONFLICT, NULL), 0);
    done(&s);
}

/* Rule own-words-elsewhere: an outlet printing the quote as the others do
 * and, elsewhere, a looser variant of part of it does not disagree on the
 * wording; an inflected word ("run" for "running") is a change of words,
 * not an abbreviation. */
static void quote_wording_own_and_inflected(void **state)
{
    (void)state;
    static const char *const full =
        "Budget\n\nThe campaign answered on Tuesday. \"The truth is that their budget would end Medicare "
        "as we know it,\" Ann Cole said.";
    story s = {0};
    add(&s, full);
    add(&s, "Budget fight\n\nThe campaign answered Tuesday. \"The truth is that their budget would end Medicare "
            "as we know it,\" Ann Cole said.\n\nTom Wright said the charge of \"ending Medicare as we know it\" was false.");
    compare(&s);
    assert_int_equal(count(s.c, PX_SLOT_QUOTE_WORDING, PX_JUDGE_CONFLICT, NULL), 0);
    done(&s);

    story t = {0};
    add(&t, "Mayor\n\nThe mayor spoke on Monday. \"He wants to run the city like he is running his business,\" Ann Cole said.");
    add(&t, "Mayor\n\nThe mayor spoke Monday. \"He wants to run the city like he is run his business,\" Ann Cole said.");
    compare(&t);
    const px_conflict *k = NULL;
    assert_int_equal(count(t.c, PX_SLOT_QUOTE_WORDING, PX_JUDGE_CONFLICT, &k), 1);
    done(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spelling_variants),
        cmocka_unit_test(short_and_hyphenated_variants),
        cmocka_unit_test(names_split_and_matched),
        cmocka_unit_test(variants_joined_with_a_name_conflict),
        cmocka_unit_test(a_family_is_kept_apart),
        cmocka_unit_test(other_given_names),
        cmocka_unit_test(surname_nickname_initials),
        cmocka_unit_test(order_does_not_matter),
        cmocka_unit_test(speaker_surname_in_its_article),
        cmocka_unit_test(speaker_given_names),
        cmocka_unit_test(quote_against_text),
        cmocka_unit_test(quote_speakers_named_or_carried),
        cmocka_unit_test(quote_wording),
        cmocka_unit_test(short_quotes_name_no_speaker),
        cmocka_unit_test(quote_wording_own_and_inflected),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
