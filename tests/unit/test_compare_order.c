/*
 * test_compare_order.c — the comparison does not depend on the order the
 * articles are given in: with 3, 5 and 10 outlets of one story (written
 * here: sentences shared by some outlets and not others, reworded ones,
 * shared and altered quotes, equal dates and equal-length alternatives),
 * the facts, the summary, the quotations and the conflicts (a name one
 * outlet in three spells differently, a quote one in four changes a word
 * of) are the same sets, named by article id, for the given order,
 * reversed, and shuffled.  (The fact model's slots are checked the same
 * way in test_facts.c.)
 */
#include "unit.h"
#include "unit_context.h"
#include "compare/compare.h"

enum { MAX = 10 };

/* The sentences outlets pick from: outlet i carries sentence k when
 * (i + k) % 3 != 0, or always for the first two. */
static const char *const SENTENCES[] = {
    "The Harlow river bridge reopened to traffic on Monday after eight months of repairs.",
    "Engineers replaced the corroded steel cables that had forced the closure last spring.",
    "Mayor Ann Tilbury said \\\"this bridge is the heart of our town and it is open again\\\" at the ceremony.",
    "The repairs cost the county council 12 million pounds, more than first planned.",
    "Cyclists will wait another month for the new bike lane to be finished.",
    "A local bakery owner said the closure had halved her trade during the summer.",
    "Traffic was light on the first morning as drivers returned to the old route.",
    "The council said \\\"the works were finished on time and within the revised budget\\\" in a statement.",
};
static const char *const REWORDED[] = {
    "After eight months of repairs, the Harlow river bridge reopened to traffic Monday.",
    "The crossing closed last spring when inspectors found corroded steel cables, since replaced.",
    "\\\"This bridge is the heart of our town and it is open again,\\\" Mayor Ann Tilbury said.",
    "The county council spent 12 million pounds on the repairs, over the first estimate.",
    "A new bike lane will take another month to finish, cyclists were told.",
    "The closure halved trade at a local bakery during the summer, its owner said.",
    "Drivers returned to the old route, and traffic was light on the first morning.",
    "\\\"The works were finished on time and within the revised budget,\\\" the council said.",
};

/* Every `from` in s replaced by `to`, of the same length. */
static void respell(char *s, const char *from, const char *to)
{
    assert_int_equal(strlen(from), strlen(to));
    for (char *p = s; (p = strstr(p, from)); p += strlen(from)) memcpy(p, to, strlen(to));
}

static px_article *article(int i)
{
    char json[8192];
    int n = snprintf(json, sizeof json,
                     "{\"id\":\"outlet-%02d\",\"outlet\":\"Outlet %d\",\"date\":\"2024-03-%02d\","
                     "\"title\":\"Harlow bridge reopens\",\"text\":\"",
                     i, i, 10 + i % 3); /* dates repeat: ties go to the id */
    for (int k = 0; k < 8; k++) {
        if (k >= 2 && (i + k) % 3 == 0) continue;
        const char *s = (i + k) % 2 ? REWORDED[k] : SENTENCES[k];
        n += snprintf(json + n, sizeof json - (size_t)n, "%s\\n\\n", s);
    }
    snprintf(json + n, sizeof json - (size_t)n, "\"}\n");
    if (i % 3 == 2) respell(json, "Tilbury", "Tilbery"); /* a name conflict */
    if (i % 4 == 1) respell(json, "finished", "complete"); /* a quote-wording conflict */
    FILE *f = fmemopen(json, strlen(json), "r");
    assert_non_null(f);
    px_reader *r;
    px_article *a = NULL;
    assert_int_equal(px_reader_open_stream(ctx, f, "story.jsonl", PX_FORMAT_JSONL, &r, NULL), PX_OK);
    assert_int_equal(px_reader_next(r, &a, NULL), PX_OK);
    assert_non_null(a);
    px_reader_close(r);
    fclose(f);
    return a;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

typedef PX_VEC(char *) strings;

/* Appends the lines to out sorted, one per line, and frees them. */
static void sorted(strings *lines, px_buf *out)
{
    if (lines->len) qsort(lines->items, lines->len, sizeof *lines->items, cmp_str);
    for (size_t i = 0; i < lines->len; i++) {
        px_buf_printf(out, "%s\n", lines->items[i]);
        free(lines->items[i]);
    }
    lines->len = 0;
}

static char *own(px_buf *b)
{
    char *s = strdup(px_buf_str(b));
    px_buf_reset(b);
    return s;
}

/* A claim named by what input order does not change. */
static void claim_name(const px_comparison *c, size_t claim, px_buf *b)
{
    const px_claim *cl = &c->claims.items[claim];
    px_buf_printf(b, "%s:%zu:%zu", px_article_id(c->articles[cl->article]), cl->sentence, cl->start);
}

/* The article ids of a sorted index list, sorted. */
static void ids(const px_comparison *c, const px_indexes *v, px_buf *b)
{
    strings names = {0};
    for (size_t i = 0; i < v->len; i++) {
        char *s = strdup(px_article_id(c->articles[v->items[i]]));
        px_vec_push(&names, s);
    }
    px_buf tmp = {0};
    sorted(&names, &tmp);
    px_buf_printf(b, "[%s]", px_buf_str(&tmp));
    px_buf_free(&tmp);
    px_vec_free(&names);
}

/* The facts, summary and quotes of the comparison of articles in the
 * order given, as sorted lines. */
static char *signature(px_article **a, size_t n)
{
    px_analysis *an[MAX];
    for (size_t i = 0; i < n; i++) assert_int_equal(px_analyze(ctx, a[i], &an[i], NULL), PX_OK);
    px_comparison *c;
    assert_int_equal(px_compare(ctx, a, an, n, &c, NULL), PX_OK);
    px_buf out = {0}, b = {0};
    strings lines = {0};
    for (size_t k = 0; k < c->facts.len; k++) {
        const px_fact *f = &c->facts.items[k];
        px_buf_printf(&b, "fact %s ", px_fact_kind_name(f->kind));
        ids(c, &f->support, &b);
        strings claims = {0};
        px_buf cb = {0};
        for (size_t i = 0; i < f->claims.len; i++) {
            claim_name(c, f->claims.items[i], &cb);
            char *s = own(&cb);
            px_vec_push(&claims, s);
        }
        sorted(&claims, &b);
        px_buf_printf(&b, "best ");
        claim_name(c, f->best, &b);
        px_buf_free(&cb);
        px_vec_free(&claims);
        char *s = own(&b);
        px_vec_push(&lines, s);
    }
    sorted(&lines, &out);
    for (size_t k = 0; k < c->summary.len; k++) {
        px_buf_printf(&b, "summary ");
        claim_name(c, c->summary.items[k].claim, &b);
        ids(c, &c->summary.items[k].support, &b);
        char *s = own(&b);
        px_vec_push(&lines, s);
    }
    sorted(&lines, &out);
    for (size_t k = 0; k < c->quotes.len; k++) {
        const px_story_quote *g = &c->quotes.items[k];
        px_buf_printf(&b, "quote %s (%s) ", g->text, g->speaker ? g->speaker : "-");
        px_indexes users = {0};
        for (size_t i = 0; i < g->uses.len; i++) px_vec_push(&users, g->uses.items[i].article);
        ids(c, &users, &b);
        px_vec_free(&users);
        char *s = own(&b);
        px_vec_push(&lines, s);
    }
    sorted(&lines, &out);
    for (size_t k = 0; k < c->conflicts.len; k++) {
        const px_conflict *x = &c->conflicts.items[k];
        px_buf_printf(&b, "conflict %s %s %s (%s) ", px_slot_name(x->slot), px_judgment_name(x->judgment),
                      x->subject ? x->subject : "-", x->entity ? x->entity : "-");
        strings values = {0};
        px_buf vb = {0};
        for (size_t i = 0; i < x->values.len; i++) {
            const px_value *v = &x->values.items[i];
            px_buf_printf(&vb, "%s=%s/%s", px_article_id(c->articles[v->article]), v->value,
                          v->pattern ? v->pattern : "-");
            char *t = own(&vb);
            px_vec_push(&values, t);
        }
        sorted(&values, &b);
        px_buf_free(&vb);
        px_vec_free(&values);
        char *t = own(&b);
        px_vec_push(&lines, t);
    }
    sorted(&lines, &out);
    px_vec_free(&lines);
    px_buf_free(&b);
    px_comparison_free(c);
    for (size_t i = 0; i < n; i++) px_analysis_free(an[i]);
    char *r = own(&out);
    px_buf_free(&out);
    return r;
}

static void check(size_t n)
{
    px_article *a[MAX], *p[MAX];
    for (size_t i = 0; i < n; i++) a[i] = article((int)i);
    char *given = signature(a, n);
    assert_non_null(strstr(given, "fact consensus"));
    assert_non_null(strstr(given, "summary "));
    assert_non_null(strstr(given, "quote "));
    assert_non_null(strstr(given, "conflict name conflict Tilb"));
    assert_non_null(strstr(given, "conflict quote-wording conflict"));
    for (size_t i = 0; i < n; i++) p[i] = a[n - 1 - i];
    char *reversed = signature(p, n);
    uint32_t seed = 12345;
    for (size_t i = 0; i < n; i++) p[i] = a[i];
    for (size_t i = n; i > 1; i--) { /* Fisher-Yates with a fixed LCG */
        seed = seed * 1103515245u + 12345u;
        size_t j = (seed >> 8) % i;
        px_article *t = p[i - 1];
        p[i - 1] = p[j], p[j] = t;
    }
    char *shuffled = signature(p, n);
    assert_string_equal(given, reversed);
    assert_string_equal(given, shuffled);
    free(given), free(reversed), free(shuffled);
    for (size_t i = 0; i < n; i++) px_article_free(a[i]);
}

static void three_outlets(void **state)
{
    (void)state;
    check(3);
}

static void five_outlets(void **state)
{
    (void)state;
    check(5);
}

static void ten_outlets(void **state)
{
    (void)state;
    check(10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(three_outlets),
        cmocka_unit_test(five_outlets),
        cmocka_unit_test(ten_outlets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
