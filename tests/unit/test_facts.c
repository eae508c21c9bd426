/*
 * test_facts.c — the fact model (lib/compare/slots.c, slot_*.c, judge.c)
 * on invented articles in the shape of local crime news: each pattern,
 * each judgment, different people kept apart, numbers that are not
 * quantities and page furniture left out, and the same result whatever
 * the order of 3, 5 or 10 outlets.
 */
#include <jansson.h>
#include <stdio.h>

#include "unit.h"
#include "unit_context.h"
#include "compare/compare.h"

enum { MAX_ARTICLES = 12 };

typedef struct story {
    px_article *a[MAX_ARTICLES];
    px_analysis *an[MAX_ARTICLES];
    size_t n;
    px_comparison *c;
} story;

/* Adds an article read from a JSON Lines record with an id, outlet and date. */
static void add(story *s, const char *outlet, const char *date, const char *text)
{
    assert_true(s->n < MAX_ARTICLES);
    char id[32];
    snprintf(id, sizeof id, "%s-%s", outlet, date);
    json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s}", "id", id, "outlet", outlet, "date", date,
                          "title", "Shooting", "text", text);
    char *line = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    FILE *f = fmemopen(line, strlen(line), "r");
    px_reader *r;
    assert_int_equal(px_reader_open_stream(ctx, f, "t.jsonl", PX_FORMAT_JSONL, &r, NULL), PX_OK);
    assert_int_equal(px_reader_next(r, &s->a[s->n], NULL), PX_OK);
    assert_non_null(s->a[s->n]);
    px_reader_close(r);
    fclose(f);
    free(line);
    assert_int_equal(px_analyze(ctx, s->a[s->n], &s->an[s->n], NULL), PX_OK);
    s->n++;
}

static px_comparison *compare(story *s)
{
    assert_int_equal(px_compare(ctx, s->a, s->an, s->n, &s->c, NULL), PX_OK);
    return s->c;
}

static void done(story *s)
{
    px_comparison_free(s->c);
    for (size_t i = 0; i < s->n; i++) px_article_free(s->a[i]), px_analysis_free(s->an[i]);
}

/* The judged slot with this slot and a subject containing `subject`, or NULL. */
static const px_conflict *find(const px_comparison *c, px_slot slot, const char *subject)
{
    for (size_t i = 0; i < c->conflicts.len; i++) {
        const px_conflict *k = &c->conflicts.items[i];
        if (k->slot == slot && k->subject && strstr(k->subject, subject)) return k;
    }
    return NULL;
}

static const px_conflict *judged(const px_comparison *c, px_slot slot, const char *subject,
                                 px_judgment j)
{
    const px_conflict *k = find(c, slot, subject);
    if (!k) fail_msg("no %s slot about \"%s\"", px_slot_name(slot), subject);
    if (k->judgment != j)
        fail_msg("%s of \"%s\": %s, expected %s", px_slot_name(slot), subject,
                 px_judgment_name(k->judgment), px_judgment_name(j));
    assert_int_equal(k->kind, px_slot_kind(slot));
    assert_int_equal(k->agreement, j == PX_JUDGE_AGREEMENT || j == PX_JUDGE_COMPATIBLE);
    return k;
}

/* The value article a gives in k, with its pattern. */
static void has_value(const px_conflict *k, size_t a, const char *value, const char *pattern)
{
    for (size_t i = 0; i < k->values.len; i++) {
        const px_value *v = &k->values.items[i];
        if (v->article == a && strcmp(v->value, value) == 0) {
            if (pattern) assert_string_equal(v->pattern, pattern);
            assert_non_null(v->surface);
            return;
        }
    }
    fail_msg("article %zu does not give %s", a, value);
}

/* No conflict of this slot. */
static void c_no_conflict(const px_comparison *c, px_slot slot)
{
    for (size_t i = 0; i < c->conflicts.len; i++)
        if (c->conflicts.items[i].slot == slot && c->conflicts.items[i].judgment == PX_JUDGE_CONFLICT)
            fail_msg("a %s conflict", px_slot_name(slot));
}

static size_t count_judgment(const px_comparison *c, px_judgment j)
{
    size_t n = 0;
    for (size_t i = 0; i < c->conflicts.len; i++) n += c->conflicts.items[i].judgment == j;
    return n;
}

static const char *const shooting_a =
    "John Smith, 23, of Dayton was killed and a 15-year-old boy was injured when gunfire broke "
    "out at 10:30 p.m. Saturday on Main Street, police said.\n\n"
    "Mark Lee, 30, was arrested Sunday and charged with murder.\n\n"
    "The shooting killed two, police said.";
static const char *const shooting_b =
    "Police said 23-year-old John Smith was shot and killed about 10:30 p.m. Saturday.\n\n"
    "A 16-year-old boy was wounded in the shooting, which left two men dead.\n\n"
    "Mark Lee, who is 31, was charged with first-degree murder.";

static void people_patterns(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", shooting_a);
    add(&s, "Herald", "2016-05-01", shooting_b);
    px_comparison *c = compare(&s);
    const px_conflict *k = judged(c, PX_SLOT_AGE, "John Smith", PX_JUDGE_AGREEMENT);
    has_value(k, 0, "23", "age-apposition");
    has_value(k, 1, "23", "age-adjective");
    assert_string_equal(k->entity, "John Smith");
    k = judged(c, PX_SLOT_AGE, "the boy", PX_JUDGE_CONFLICT);
    has_value(k, 0, "15", "age-adjective");
    has_value(k, 1, "16", "age-adjective");
    assert_null(k->entity);
    k = judged(c, PX_SLOT_AGE, "Mark Lee", PX_JUDGE_CONFLICT);
    has_value(k, 0, "30", "age-apposition");
    has_value(k, 1, "31", "age-who");
    k = judged(c, PX_SLOT_CONDITION, "John Smith (condition)", PX_JUDGE_AGREEMENT);
    has_value(k, 0, "killed", "condition-subject");
    has_value(k, 1, "killed", "condition-subject");
    k = judged(c, PX_SLOT_CONDITION, "the boy (condition)", PX_JUDGE_AGREEMENT);
    has_value(k, 1, "injured", NULL);
    k = judged(c, PX_SLOT_CONDITION, "Mark Lee (custody)", PX_JUDGE_AGREEMENT);
    has_value(k, 0, "charged", NULL);
    has_value(k, 1, "charged", NULL);
    assert_null(find(c, PX_SLOT_CONDITION, "Mark Lee (charges)")); /* murder, first degree murder: no conflict */
    k = judged(c, PX_SLOT_TIME, "event time", PX_JUDGE_COMPATIBLE);
    has_value(k, 0, "22:30", "time-clock");
    k = judged(c, PX_SLOT_DATE, "event date", PX_JUDGE_AGREEMENT);
    has_value(k, 0, "2016-04-30", "date-relative");
    k = judged(c, PX_SLOT_COUNT, "dead", PX_JUDGE_AGREEMENT);
    has_value(k, 0, "2", "count-verb");
    has_value(k, 1, "2", "count-adjective");
    done(&s);
}

static void counts_and_qualifiers(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "Three were injured in the crash on Route 9, police said. "
                                   "At least four shots were fired.");
    add(&s, "Herald", "2016-05-01", "Four people were injured in the crash on Route 10. "
                                    "Witnesses said five shots were fired.");
    add(&s, "Star", "2016-05-01", "Four people were hurt when the car hit a pole. "
                                  "The 1920 x 1080 pixels image shows it.");
    px_comparison *c = compare(&s);
    const px_conflict *k = judged(c, PX_SLOT_COUNT, "injured", PX_JUDGE_CONFLICT);
    has_value(k, 0, "3", "count-passive");
    has_value(k, 1, "4", "count-passive");
    has_value(k, 2, "4", "count-passive");
    k = judged(c, PX_SLOT_COUNT, "shots", PX_JUDGE_COMPATIBLE);
    has_value(k, 0, "4", "count-shots");
    has_value(k, 1, "5", "count-shots");
    /* A road's number, a picture's size: no slot. */
    for (size_t i = 0; i < c->conflicts.len; i++) {
        const px_conflict *x = &c->conflicts.items[i];
        for (size_t v = 0; v < x->values.len; v++) {
            assert_string_not_equal(x->values.items[v].value, "9");
            assert_string_not_equal(x->values.items[v].value, "1920");
        }
    }
    done(&s);
}

static void updates_a_day_or_more_apart(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "Two people were killed in the shooting. "
                                   "Tom Rand was in critical condition, police said.");
    add(&s, "Herald", "2016-05-03", "Three people were killed in the shooting. "
                                    "Tom Rand died on Monday at the hospital.");
    px_comparison *c = compare(&s);
    const px_conflict *k = judged(c, PX_SLOT_COUNT, "dead", PX_JUDGE_UPDATE);
    has_value(k, 0, "2", NULL);
    has_value(k, 1, "3", NULL);
    assert_int_equal(k->values.items[0].article, 0); /* by date: the earlier first */
    k = judged(c, PX_SLOT_CONDITION, "Tom Rand (condition)", PX_JUDGE_UPDATE);
    has_value(k, 0, "critical", NULL);
    has_value(k, 1, "killed", NULL);
    done(&s);
    /* The same day: a conflict. */
    story t = {0};
    add(&t, "Daily", "2016-05-01", "Two people were killed in the shooting.");
    add(&t, "Herald", "2016-05-01", "Three people were killed in the shooting.");
    judged(compare(&t), PX_SLOT_COUNT, "dead", PX_JUDGE_CONFLICT);
    done(&t);
}

static void different_people_kept_apart(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "The 13-year-old boy was shot in the leg. The victim, 23, died.");
    add(&s, "Herald", "2016-05-01", "His 13-year-old cousin was also hurt. The suspect, 25, fled.");
    add(&s, "Star", "2016-05-01", "An 18-year-old man was arrested. Police said a 20-year-old "
                                  "man was killed. Kenneth Moss, 18, and Carl Ruiz, 20, knew each other.");
    add(&s, "Post", "2016-05-01", "A 20-year-old man was arrested in the shooting. Carl Ruiz, 20, "
                                  "died.");
    px_comparison *c = compare(&s);
    assert_null(find(c, PX_SLOT_AGE, "the boy"));    /* one outlet each: nothing to judge */
    assert_null(find(c, PX_SLOT_AGE, "the cousin"));
    assert_null(find(c, PX_SLOT_AGE, "the victim")); /* never against the suspect */
    assert_null(find(c, PX_SLOT_AGE, "the suspect"));
    const px_conflict *k = find(c, PX_SLOT_AGE, "the man"); /* the 18- and 20-year-old men */
    assert_true(!k || k->judgment != PX_JUDGE_CONFLICT);
    judged(c, PX_SLOT_AGE, "Carl Ruiz", PX_JUDGE_AGREEMENT);
    done(&s);
}

static void furniture_and_copies(void **state)
{
    (void)state;
    story s = {0};
    const char *text = "Police said Ann Wu, 34, was shot on Elm Street late Friday and was taken "
                       "to the hospital, where she died. Officers searched the area for hours.";
    add(&s, "Daily", "2016-05-01", text);
    add(&s, "Daily Wire", "2016-05-01", text); /* a near-copy: counts once */
    add(&s, "Herald", "2016-05-01", "RELATED: Ann Wu, 35, was shot at a party last year. "
                                    "Officers found the car on Oak Street.");
    px_comparison *c = compare(&s);
    assert_int_equal(c->copies.len, 1);
    assert_null(find(c, PX_SLOT_AGE, "Ann Wu")); /* the copy pair alone agrees; the RELATED line is furniture */
    assert_int_equal(count_judgment(c, PX_JUDGE_CONFLICT), 0);
    done(&s);
}

/* The conflicts as JSON, articles named by id, not by position. */
static char *conflicts_by_id(const px_comparison *c)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_int_equal(px_render_comparison_json(c, f, NULL), PX_OK);
    fclose(f);
    json_t *o = json_loads(out, 0, NULL);
    free(out);
    assert_non_null(o);
    json_t *arts = json_object_get(o, "articles"), *ks = json_object_get(o, "conflicts");
    size_t i, j, g;
    json_t *k, *v, *grp, *a;
    json_array_foreach(ks, i, k) {
        json_array_foreach(json_object_get(k, "values"), j, v) {
            json_int_t n = json_integer_value(json_object_get(v, "article"));
            json_object_set(v, "article", json_object_get(json_array_get(arts, (size_t)n), "id"));
        }
        json_array_foreach(json_object_get(k, "groups"), j, grp)
            json_array_foreach(json_object_get(grp, "articles"), g, a) {
                json_int_t n = json_integer_value(a);
                json_array_set(json_object_get(grp, "articles"), g,
                               json_object_get(json_array_get(arts, (size_t)n), "id"));
            }
    }
    char *s = json_dumps(ks, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    return s;
}

static const char *const outlet_texts[] = {
    "Jane Doe, 41, was killed and two people were injured in the shooting at 9:15 p.m. Friday.",
    "Police said 41-year-old Jane Doe died. Two people were injured in the shooting about 9:15 p.m. Friday.",
    "Jane Doe, 42, was killed Friday. Three people were injured in the shooting.",
    "A 41-year-old woman, Jane Doe, was killed in the shooting at 9:15 p.m.",
    "The shooting killed Jane Doe, 41, and injured two men on Friday night.",
    "Jane Doe, who was 41, died at the scene of the shooting. At least two were injured.",
    "Two people were injured and Jane Doe, 41, was killed in the shooting at 9:25 p.m. Friday.",
    "Officers said Jane Doe, 41, was shot and killed Friday. Two people were wounded in the shooting.",
    "Jane Doe, 41, of Easton, was killed in the shooting Friday, police said.",
    "Two people were hurt in the shooting that killed 41-year-old Jane Doe on Friday.",
};

/* Ages of one person told in sentences the alignment makes one fact:
 * "the 14-year-old boy" and "the 16-year-old" are the same person. */
static void aligned_values(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "Police said the 14-year-old boy and his father were at "
                                   "the home on Elm Street when the gun went off.");
    add(&s, "Herald", "2016-05-01", "Police said the 16-year-old and his father were at the "
                                    "home on Elm Street when the gun went off.");
    px_comparison *c = compare(&s);
    size_t found = 0;
    for (size_t i = 0; i < c->conflicts.len; i++) {
        const px_conflict *k = &c->conflicts.items[i];
        if (k->slot != PX_SLOT_AGE) continue;
        assert_int_equal(k->judgment, PX_JUDGE_CONFLICT);
        has_value(k, 0, "14", "age-adjective");
        has_value(k, 1, "16", "age-adjective");
        found++;
    }
    assert_int_equal(found, 1);
    done(&s);
    /* Two ages in one article's sentence: two people; the one of them
     * near the other outlet's age is its person (slot_persons.c), the
     * 40-year-old is not. */
    story t = {0};
    add(&t, "Daily", "2016-05-01", "Police said a 14-year-old boy and a 40-year-old man were "
                                   "at the home on Elm Street when the gun went off.");
    add(&t, "Herald", "2016-05-01", "Police said the 16-year-old and his father were at the "
                                    "home on Elm Street when the gun went off.");
    c = compare(&t);
    found = 0;
    for (size_t i = 0; i < c->conflicts.len; i++) {
        const px_conflict *k = &c->conflicts.items[i];
        if (k->slot != PX_SLOT_AGE || k->judgment != PX_JUDGE_CONFLICT) continue;
        assert_int_equal(k->values.len, 2);
        has_value(k, 0, "14", "age-adjective");
        has_value(k, 1, "16", "age-adjective");
        found++;
    }
    assert_int_equal(found, 1);
    done(&t);
    /* A relative is not the one the story is about: the boy and his
     * cousin stay two (one outlet each: nothing judged). */
    story u = {0};
    add(&u, "Daily", "2016-05-01", "The 13-year-old boy was shot in the leg at the home.");
    add(&u, "Herald", "2016-05-01", "His 14-year-old cousin was shot in the leg at the home.");
    c = compare(&u);
    for (size_t i = 0; i < c->conflicts.len; i++) assert_false(c->conflicts.items[i].slot == PX_SLOT_AGE);
    done(&u);
}

/* Times: two exact times differ by minutes (a conflict); an approximate
 * time holds what its rounding allows; the time of death is apart. */
static void times_and_rounding(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "The shooting happened at 10:40 p.m. on Main Street.");
    add(&s, "Herald", "2016-05-01", "The shooting happened at 10:50 p.m. on Main Street.");
    judged(compare(&s), PX_SLOT_TIME, "event time", PX_JUDGE_CONFLICT);
    done(&s);
    story t = {0};
    add(&t, "Daily", "2016-05-01", "The shooting happened around 2 p.m. on Main Street.");
    add(&t, "Herald", "2016-05-01", "The shooting happened around 2:15 p.m. on Main Street.");
    judged(compare(&t), PX_SLOT_TIME, "event time", PX_JUDGE_COMPATIBLE);
    done(&t);
    story u = {0};
    add(&u, "Daily", "2016-05-01", "The shooting happened about 10:40 p.m. on Main Street.");
    add(&u, "Herald", "2016-05-01", "The shooting happened at 10:50 p.m. on Main Street.");
    judged(compare(&u), PX_SLOT_TIME, "event time", PX_JUDGE_CONFLICT);
    done(&u);
    story w = {0};
    add(&w, "Daily", "2016-05-01", "Smith was shot just before 1:30 a.m. on Main Street.");
    add(&w, "Herald", "2016-05-01", "Smith was shot on Main Street and pronounced dead at 2:12 a.m.");
    c_no_conflict(compare(&w), PX_SLOT_TIME);
    done(&w);
    /* Two approximate times whose spans only touch are two tellings; two
     * "just before" bounds too; "after 2 a.m." holds "just after 2:15". */
    static const char *const pairs[][3] = {
        {"about 7:30 p.m.", "about 7:45 p.m.", "conflict"},
        {"shortly before 1:45 a.m.", "shortly before 2 a.m.", "conflict"},
        {"just after 2:15 a.m.", "after 2 a.m.", "compatible"},
        {"about 7:30 p.m.", "7:35 p.m.", "compatible"}};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        story x = {0};
        char a[160], b[160];
        snprintf(a, sizeof a, "The shooting happened %s on Main Street.", pairs[i][0]);
        snprintf(b, sizeof b, "The shooting happened %s on Main Street.", pairs[i][1]);
        add(&x, "Daily", "2016-05-01", a);
        add(&x, "Herald", "2016-05-01", b);
        judged(compare(&x), PX_SLOT_TIME, "event time",
               strcmp(pairs[i][2], "conflict") == 0 ? PX_JUDGE_CONFLICT : PX_JUDGE_COMPATIBLE);
        done(&x);
    }
}

/* A harm verb counts whatever noun follows it; a plain-noun count of a
 * sentence one fact with a count of the dead is a count of the dead. */
static void counts_of_the_event(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "The gunman opened fire at the plant, killing nine workers.");
    add(&s, "Herald", "2016-05-01", "The gunman opened fire at the plant, killing seven workers.");
    px_comparison *c = compare(&s);
    const px_conflict *k = judged(c, PX_SLOT_COUNT, "dead", PX_JUDGE_CONFLICT);
    has_value(k, 0, "9", "count-verb");
    has_value(k, 1, "7", "count-verb");
    done(&s);
    story t = {0};
    add(&t, "Daily", "2016-05-01", "The gunman opened fire at the plant and seven people were killed.");
    add(&t, "Herald", "2016-05-01", "The gunman opened fire at the plant and six people died there.");
    k = judged(compare(&t), PX_SLOT_COUNT, "dead", PX_JUDGE_CONFLICT);
    done(&t);
}

/* A count's class read past "who" and past the people's ages ("four men
 * who were shot", "five men between the ages of 21 and 58 were shot");
 * the ages of a range are no count ("aged between 20 and 37 were shot"). */
static void counts_past_clauses(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "Police said four men who were shot on the porch survived.");
    add(&s, "Herald", "2016-05-01", "Police said three men were wounded on the porch.");
    const px_conflict *k = judged(compare(&s), PX_SLOT_COUNT, "injured", PX_JUDGE_CONFLICT);
    has_value(k, 0, "4", "count-passive");
    has_value(k, 1, "3", "count-passive");
    done(&s);
    story t = {0};
    add(&t, "Daily", "2016-05-01", "Police say five men between the ages of 21 and 58 were shot.");
    add(&t, "Herald", "2016-05-01", "Six men, ages 21 to 58, were shot on the corner.");
    add(&t, "Star", "2016-05-01", "Ten victims aged between 20 and 37 were shot, police said.");
    px_comparison *c = compare(&t);
    k = judged(c, PX_SLOT_COUNT, "injured", PX_JUDGE_CONFLICT);
    has_value(k, 0, "5", "count-passive");
    has_value(k, 1, "6", "count-passive");
    for (size_t i = 0; i < k->values.len; i++) assert_string_not_equal(k->values.items[i].value, "37");
    done(&t);
}

/* Counted nouns of people beyond the common ones ("two male juveniles");
 * "a record release party" tells of no statistic. */
static void counts_of_more_nouns(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "Four adults and two male juveniles were treated for minor "
                                   "injuries at the hospital.");
    add(&s, "Herald", "2016-05-01", "Four adults and five male juveniles were treated for minor "
                                    "injuries at the hospital.");
    const px_conflict *k = judged(compare(&s), PX_SLOT_COUNT, "juveniles", PX_JUDGE_CONFLICT);
    has_value(k, 0, "2", "count-noun");
    has_value(k, 1, "5", "count-noun");
    done(&s);
    story t = {0};
    add(&t, "Daily", "2016-05-01", "Six people were shot when a group of men opened fire during "
                                   "a record release party, police said.");
    add(&t, "Herald", "2016-05-01", "Seven people were shot when men opened fire at a party, "
                                    "police said.");
    k = judged(compare(&t), PX_SLOT_COUNT, "injured", PX_JUDGE_CONFLICT);
    has_value(k, 0, "6", "count-passive");
    done(&t);
}

/* Two outlets' one sentence with two counts is a conflict even when one
 * of them gives the other's count elsewhere (an old headline's "5
 * Injured"); a caption, which ends with a photo credit or is followed by
 * one, gives no count. */
static void counts_of_one_fact(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "Three people were injured in a drive-by shooting in the "
                                   "Overtown neighborhood on Sunday.\n\n5 Injured in Drive-By "
                                   "Shooting in Overtown");
    add(&s, "Herald", "2016-05-01", "Five people were injured in a drive-by shooting in the "
                                    "Overtown neighborhood on Sunday.");
    const px_conflict *k = judged(compare(&s), PX_SLOT_COUNT, "injured", PX_JUDGE_CONFLICT);
    has_value(k, 0, "3", "count-passive");
    has_value(k, 1, "5", "count-passive");
    done(&s);
    story t = {0};
    add(&t, "Daily", "2016-05-01", "Four people were wounded on Mermaid Avenue on Sunday.\n\n"
                                   "Five people were shot on Mermaid Avenue on Sunday. (Todd "
                                   "Maisel/Daily News)");
    add(&t, "Herald", "2016-05-01", "Four people were wounded on Mermaid Avenue on Sunday.\n\n"
                                    "Five people were shot on Mermaid Avenue on Sunday.\n(Todd "
                                    "Maisel/Daily News)");
    add(&t, "Star", "2016-05-01", "Four people were shot on Mermaid Avenue on Sunday.");
    c_no_conflict(compare(&t), PX_SLOT_COUNT);
    done(&t);
}

/* Whose age: "30-year-old Selemon Belai of Atlanta" is a person of a
 * place; "a 19-year-old Beverly man" a man of a town; "the 45-year-old
 * mother, Marsha Lynch," the named one; "killed by a 12-year-old
 * relative" the shooter, not the one who died. */
static void ages_of_whom(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "The man who died was identified as 30-year-old Selemon Belai "
                                   "of Atlanta.");
    add(&s, "Herald", "2016-05-01", "He has been identified as Selemon Belai, 27, of Atlanta.");
    const px_conflict *k = judged(compare(&s), PX_SLOT_AGE, "Belai", PX_JUDGE_CONFLICT);
    has_value(k, 0, "30", "age-adjective");
    has_value(k, 1, "27", "age-apposition");
    done(&s);
    story t = {0};
    add(&t, "Daily", "2016-05-01", "A 19-year-old Beverly man was held without bail after the "
                                   "shooting on Elm Street.");
    add(&t, "Herald", "2016-05-01", "A 21-year-old man was held without bail after the shooting "
                                    "on Elm Street.");
    k = judged(compare(&t), PX_SLOT_AGE, "man", PX_JUDGE_CONFLICT);
    assert_null(find(t.c, PX_SLOT_AGE, "Beverly"));
    done(&t);
    story u = {0};
    add(&u, "Daily", "2016-05-01", "The 45-year-old mother, Marsha Lynch, told deputies the "
                                   "bullet went through the wall.");
    add(&u, "Herald", "2016-05-01", "Deputies arrested 43-year-old Marsha Lynch at the home.");
    k = judged(compare(&u), PX_SLOT_AGE, "Lynch", PX_JUDGE_CONFLICT);
    has_value(k, 0, "45", "age-apposition");
    done(&u);
    story v = {0};
    add(&v, "Daily", "2016-05-01", "A 13-year-old died in an accidental shooting in Perry County "
                                   "on Sunday afternoon.");
    add(&v, "Herald", "2016-05-01", "A 10-year-old boy was accidentally shot and killed by a "
                                    "12-year-old relative in Perry County on Sunday afternoon.");
    px_comparison *c = compare(&v);
    for (size_t i = 0; i < c->conflicts.len; i++) {
        const px_conflict *x = &c->conflicts.items[i];
        if (x->slot != PX_SLOT_AGE || x->judgment != PX_JUDGE_CONFLICT) continue;
        for (size_t j = 0; j < x->values.len; j++) assert_string_not_equal(x->values.items[j].value, "12");
    }
    k = judged(c, PX_SLOT_AGE, "someone", PX_JUDGE_CONFLICT);
    has_value(k, 0, "13", "age-adjective");
    has_value(k, 1, "10", "age-adjective");
    done(&v);
}

/* A week later, "Thursday" of the shooting is still the day all of them
 * had seen: a rival of the first outlet's Friday. */
static void days_told_later(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-04-29", "A man was shot and killed on Main Street on Friday.");
    add(&s, "Herald", "2016-05-05", "A man was shot and killed on Main Street on Thursday, April 28.");
    judged(compare(&s), PX_SLOT_DATE, "event", PX_JUDGE_CONFLICT);
    done(&s);
}

/* Rule street-type: one street name with two types ("Cherry Street",
 * "Cherry Rd.") across outlets is a place conflict; with one type it
 * agrees; an article naming both is no side. */
static void street_types(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-04-29", "A man was shot and killed on Cherry Street in Harlow on Friday.");
    add(&s, "Herald", "2016-04-29", "A man was shot and killed Friday on Cherry Rd. in Harlow.");
    add(&s, "Post", "2016-04-29", "A man was shot and killed Friday on Cherry Road in Harlow.");
    const px_conflict *k = judged(compare(&s), PX_SLOT_PLACE, "street", PX_JUDGE_CONFLICT);
    has_value(k, 0, "Cherry Street", "place-street");
    has_value(k, 1, "Cherry Road", "place-street");
    done(&s);

    story t = {0};
    add(&t, "Daily", "2016-04-29", "A man was shot and killed on Cherry Road in Harlow on Friday.");
    add(&t, "Herald", "2016-04-29", "A man was shot and killed Friday near Cherry Street and Cherry Road in Harlow.");
    c_no_conflict(compare(&t), PX_SLOT_PLACE);
    done(&t);
}

/* A day written with its number is one day whenever it is told: the
 * arrest on April 28 and on April 27 conflict across articles ten days
 * apart; weekdays told that far apart are two days, not a conflict. */
static void numbered_days(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "Mark Lee was arrested on April 28 in Dayton.");
    add(&s, "Herald", "2016-05-11", "Mark Lee was arrested on April 27 in Dayton.");
    const px_conflict *k = judged(compare(&s), PX_SLOT_DATE, "arrest date", PX_JUDGE_CONFLICT);
    has_value(k, 0, "2016-04-28", "date-explicit");
    has_value(k, 1, "2016-04-27", "date-explicit");
    done(&s);
    story t = {0};
    add(&t, "Daily", "2016-05-01", "Mark Lee was arrested on Friday in Dayton.");
    add(&t, "Herald", "2016-05-11", "Mark Lee was arrested on Thursday in Dayton.");
    c_no_conflict(compare(&t), PX_SLOT_DATE);
    done(&t);
}

/* "Fatally shot" counts the dead, not the shot. */
static void fatally_shot_are_dead(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "Two men were fatally shot outside the bar on Main Street.");
    add(&s, "Herald", "2016-05-01", "Three people are dead after the shooting outside a bar.");
    const px_conflict *k = judged(compare(&s), PX_SLOT_COUNT, "dead", PX_JUDGE_CONFLICT);
    has_value(k, 0, "2", "count-passive");
    has_value(k, 1, "3", "count-passive");
    done(&s);
}

/* No arrests one day, an arrest told the next: an update of the arrests
 * and of the suspect's custody, never a conflict on one day. */
static void arrests_told_later(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "Two people were shot on Main Street. No arrests have been "
                                   "made.");
    add(&s, "Herald", "2016-05-02", "Two people were shot on Main Street. Detectives arrested "
                                    "Mark Lee on Monday.");
    px_comparison *c = compare(&s);
    const px_conflict *k = judged(c, PX_SLOT_COUNT, "arrested", PX_JUDGE_UPDATE);
    has_value(k, 0, "0", "count-none");
    has_value(k, 1, "1", "count-custody");
    k = judged(c, PX_SLOT_CONDITION, "the suspect (custody)", PX_JUDGE_UPDATE);
    has_value(k, 0, "at large", "custody-none");
    has_value(k, 1, "arrested", "custody-arrest");
    done(&s);
    /* "A suspect was taken into custody" and "apprehended Mark Lee": one
     * person, at least one arrested; an explicit count is not shielded
     * by the inferred one. */
    story u = {0};
    add(&u, "Daily", "2016-05-01", "Two people were shot on Main Street. There are no suspects.");
    add(&u, "Herald", "2016-05-02", "Two people were shot on Main Street. A suspect was taken "
                                    "into custody Monday. Police apprehended Mark Lee.");
    add(&u, "Star", "2016-05-04", "Two people were shot on Main Street. Police arrested two men.");
    c = compare(&u);
    k = judged(c, PX_SLOT_COUNT, "arrested", PX_JUDGE_UPDATE);
    has_value(k, 0, "0", "count-none");
    has_value(k, 1, "1", "count-custody");
    has_value(k, 2, "2", "count-verb");
    done(&u);
    story t = {0}; /* the same day: the arrest may have come after; nothing */
    add(&t, "Daily", "2016-05-01", "Police are searching for the shooter.");
    add(&t, "Herald", "2016-05-01", "Detectives arrested Mark Lee on Monday.");
    c = compare(&t);
    assert_null(find(c, PX_SLOT_COUNT, "arrested"));
    assert_null(find(c, PX_SLOT_CONDITION, "the suspect (custody)"));
    done(&t);
}

/* A time or day is of the topic word nearest it, not of the first topic
 * of its sentence: "charged ... with shooting his daughter about 4 p.m."
 * is the shooting's time, "after hearing gunshots" no court's, and
 * "arrested Saturday on counts of murder" the arrest's day. */
static void topic_of_the_value(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "Police charged Mark Lee with shooting his daughter about 4 p.m. Saturday.");
    add(&s, "Herald", "2016-05-01", "The girl was shot about 3:30 p.m. Saturday, police said.");
    const px_conflict *k = judged(compare(&s), PX_SLOT_TIME, "event time", PX_JUDGE_CONFLICT);
    has_value(k, 0, "16:00", "time-clock");
    done(&s);
    story t = {0};
    add(&t, "Daily", "2016-05-01", "A neighbor called 911 about 5:35 a.m. after hearing gunshots.");
    add(&t, "Herald", "2016-05-01", "The shooting happened about 4:45 a.m. on Main Street.");
    judged(compare(&t), PX_SLOT_TIME, "event time", PX_JUDGE_CONFLICT);
    done(&t);
    story u = {0};
    add(&u, "Daily", "2016-05-01", "Detectives arrested Mark Lee, 19, of Dayton, on Saturday on counts of murder.");
    add(&u, "Herald", "2016-05-01", "A man was shot and killed on Main Street on Friday.");
    c_no_conflict(compare(&u), PX_SLOT_DATE);
    done(&u);
}

/* An article telling of this week's shooting tells of a past one with
 * "On July 27, 2015": no rival of another outlet's days. */
static void past_events(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-09-17", "Smith was shot and killed Thursday on Main Street.\n\n"
        "On July 27, 2015, his brother was shot and killed on the street.");
    add(&s, "Herald", "2016-09-17", "Smith was shot and killed Thursday on Main Street.\n\n"
        "On Friday, a neighbor remembered the shooting.");
    px_comparison *c = compare(&s);
    c_no_conflict(c, PX_SLOT_DATE);
    judged(c, PX_SLOT_DATE, "event date", PX_JUDGE_AGREEMENT);
    done(&s);
}

/* "Monday, December 1" on a Sunday gives both days: either is a rival of
 * another outlet's day, the weekday ("Sunday" against it) or the number
 * ("Sunday, December 2" against "Sunday, December 1"). */
static void weekday_at_odds_with_its_day(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2013-12-01", "Two women died in a shooting early Sunday on Main Street.");
    add(&s, "Herald", "2013-12-02", "Two women died in a shooting early Monday, Dec. 1, on Main Street.");
    const px_conflict *k = judged(compare(&s), PX_SLOT_DATE, "event date", PX_JUDGE_CONFLICT);
    has_value(k, 1, "2013-12-02", "date-weekday");
    done(&s);
    story t = {0};
    add(&t, "Daily", "2013-12-02", "Two women died in a shooting on Sunday, Dec. 1, on Main Street.");
    add(&t, "Herald", "2013-12-03", "Two women died in a shooting on Sunday, Dec. 2, on Main Street.");
    judged(compare(&t), PX_SLOT_DATE, "event date", PX_JUDGE_CONFLICT);
    done(&t);
}

/* The time of death and of an arrest conflict as the event's does ("died
 * from his injuries at the hospital around 6:10" is the death's); the
 * court's give agreements only; a meridian glued to the next word is
 * read; an exact time on a five-minute mark holds the minutes next to it. */
static void times_of_death_and_arrest(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2016-05-01", "Smith was shot at 5:45 p.m. and died from his injuries at City Hospital around 6:10 p.m.");
    add(&s, "Herald", "2016-05-01", "Smith was shot at 5:45 p.m. and was pronounced dead around 6:40 p.m.");
    px_comparison *c = compare(&s);
    judged(c, PX_SLOT_TIME, "death time", PX_JUDGE_CONFLICT);
    judged(c, PX_SLOT_TIME, "event time", PX_JUDGE_AGREEMENT);
    done(&s);
    story t = {0};
    add(&t, "Daily", "2016-05-01", "Mark Lee was arrested around 4:30 p.m. in Dayton.");
    add(&t, "Herald", "2016-05-01", "Officers found the suspect hiding in a garage on Elm Street and "
        "he was taken into custody around 3:55 p.m., police said.");
    judged(compare(&t), PX_SLOT_TIME, "arrest time", PX_JUDGE_CONFLICT);
    done(&t);
    story u = {0};
    add(&u, "Daily", "2016-05-01", "The shooting happened shortly before 1:45 p.m.Family members came.");
    add(&u, "Herald", "2016-05-01", "The shooting happened at 2:27 p.m. on Main Street.");
    const px_conflict *k = judged(compare(&u), PX_SLOT_TIME, "event time", PX_JUDGE_CONFLICT);
    has_value(k, 0, "13:45", "time-clock");
    done(&u);
    story w = {0};
    add(&w, "Daily", "2016-05-01", "The shooting happened at 5:19 p.m. on Main Street.");
    add(&w, "Herald", "2016-05-01", "The shooting happened at 5:20 p.m. on Main Street.");
    judged(compare(&w), PX_SLOT_TIME, "event time", PX_JUDGE_COMPATIBLE);
    done(&w);
}

/* A day ahead is not aligned with a day past of the same fact: the
 * hearing due Feb. 2 rivals the one scheduled for Feb. 1, not the day of
 * the first appearance.  "A court-ordered program" is no court's day. */
static void days_ahead_and_modifiers(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Daily", "2017-01-11", "Sandoval, who is being held at the county jail in lieu of $500,000 bail, "
        "appeared Wednesday afternoon in court.\n\nA preliminary hearing is scheduled for Feb. 1.");
    add(&s, "Herald", "2017-01-19", "He is due in court for a preliminary hearing Feb. 2 and was being held "
        "in lieu of $500,000 bail.");
    const px_conflict *k = judged(compare(&s), PX_SLOT_DATE, "court, future", PX_JUDGE_CONFLICT);
    has_value(k, 0, "2017-02-01", "date-explicit");
    has_value(k, 1, "2017-02-02", "date-explicit");
    done(&s);
    story t = {0};
    add(&t, "Daily", "2016-09-13", "A teenager was gunned down in his neighborhood after attending a "
        "court-ordered afterschool program Monday night.");
    add(&t, "Herald", "2016-09-13", "A teenager was shot and killed in the Garfield neighborhood Tuesday night.");
    judged(compare(&t), PX_SLOT_DATE, "event date", PX_JUDGE_CONFLICT);
    done(&t);
}

static void order_does_not_matter(void **state)
{
    (void)state;
    static const size_t sizes[] = {3, 5, 10};
    char outlet[32], date[32];
    for (size_t z = 0; z < 3; z++) {
        size_t n = sizes[z];
        char *first = NULL;
        for (size_t perm = 0; perm < 3; perm++) {
            story s = {0};
            for (size_t i = 0; i < n; i++) {
                /* identity, reversed, and rotated by two */
                size_t k = perm == 0 ? i : perm == 1 ? n - 1 - i : (i + 2) % n;
                snprintf(outlet, sizeof outlet, "Outlet %zu", k);
                snprintf(date, sizeof date, "2016-05-0%zu", 1 + k % 2);
                add(&s, outlet, date, outlet_texts[k]);
            }
            char *json = conflicts_by_id(compare(&s));
            assert_true(strlen(json) > 2);
            if (!first) first = json;
            else {
                assert_string_equal(json, first);
                free(json);
            }
            if (perm == 0) judged(s.c, PX_SLOT_AGE, "Jane Doe", PX_JUDGE_CONFLICT); /* 41 vs 42 */
            done(&s);
        }
        free(first);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(people_patterns),
        cmocka_unit_test(counts_and_qualifiers),
        cmocka_unit_test(updates_a_day_or_more_apart),
        cmocka_unit_test(different_people_kept_apart),
        cmocka_unit_test(furniture_and_copies),
        cmocka_unit_test(aligned_values),
        cmocka_unit_test(times_and_rounding),
        cmocka_unit_test(numbered_days),
        cmocka_unit_test(fatally_shot_are_dead),
        cmocka_unit_test(arrests_told_later),
        cmocka_unit_test(order_does_not_matter),
        cmocka_unit_test(counts_of_the_event),
        cmocka_unit_test(counts_past_clauses),
        cmocka_unit_test(counts_of_one_fact),
        cmocka_unit_test(counts_of_more_nouns),
        cmocka_unit_test(ages_of_whom),
        cmocka_unit_test(days_told_later),
        cmocka_unit_test(topic_of_the_value),
        cmocka_unit_test(past_events),
        cmocka_unit_test(weekday_at_odds_with_its_day),
        cmocka_unit_test(times_of_death_and_arrest),
        cmocka_unit_test(days_ahead_and_modifiers),
        cmocka_unit_test(street_types),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
