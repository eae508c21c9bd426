/*
 * test_compare_render.c — the comparison renderers (lib/render/compare_*.c):
 * the terminal report, the JSON object and the HTML page.
 *
 * Two kinds of comparison are rendered.  One is built by hand from two
 * small articles, so every value (a name conflict, an agreement, an altered
 * quote, a citation from a dateline, a syndicated copy, an unmeasured
 * similarity part, titles with <script> and &) is known and each can be
 * looked for exactly.  The others come from px_compare() on articles made
 * here (two, and fifty), to check the renderers on what the core really
 * produces: every section, every documented key, a well-formed page.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"
#include "unit_context.h"
#include "compare/compare.h"

typedef struct story {
    px_article **a;
    px_analysis **an;
    size_t n;
    px_comparison *c;
} story;

static void add(story *s, const char *text)
{
    char name[32];
    snprintf(name, sizeof name, "a%zu.txt", s->n);
    s->a = realloc(s->a, (s->n + 1) * sizeof *s->a);
    s->an = realloc(s->an, (s->n + 1) * sizeof *s->an);
    assert_non_null(s->a);
    assert_non_null(s->an);
    assert_int_equal(px_article_parse(ctx, text, strlen(text), PX_FORMAT_TEXT, name, &s->a[s->n], NULL), PX_OK);
    assert_int_equal(px_analyze(ctx, s->a[s->n], &s->an[s->n], NULL), PX_OK);
    s->n++;
}

static void done(story *s)
{
    px_comparison_free(s->c);
    for (size_t i = 0; i < s->n; i++) px_article_free(s->a[i]), px_analysis_free(s->an[i]);
    free(s->a);
    free(s->an);
}

/* ---- a comparison built by hand ---------------------------------------- */

static const char *const text_a =
    "Rice & <script>alert(1)</script>\n\n"
    "White House spokesman John Earnest declined to comment.\n\n"
    "Obama has written to Khamenei four times since 2009.\n\n"
    "The coalition has more than 60 members, officials said.";
static const char *const text_b =
    "Earnest <b>declines</b>\n\n"
    "Press secretary Josh Earnest declined to comment on Thursday.\n\n"
    "Obama has written to Khamenei four times since 2009.\n\n"
    "Rice said she would stay in her post.";

static void claim(px_comparison *c, size_t article, size_t sentence, size_t fact)
{
    px_claim cl = {0};
    cl.article = article;
    cl.sentence = sentence;
    cl.text = px_article_sentence(c->articles[article], sentence, NULL, NULL, NULL);
    cl.fact = fact;
    px_vec_push(&c->claims, cl);
}

static void fact(px_comparison *c, px_fact_kind kind, size_t best, size_t c1, size_t c2)
{
    px_fact f = {0};
    f.kind = kind;
    f.best = best;
    px_vec_push(&f.claims, c1);
    px_vec_push(&f.support, c->claims.items[c1].article);
    if (c2 != (size_t)-1) {
        px_vec_push(&f.claims, c2);
        px_vec_push(&f.support, c->claims.items[c2].article);
    }
    px_vec_push(&c->facts, f);
}

static void conflict(px_comparison *c, px_conflict_kind kind, const char *subject, int agreement,
                     const char *va, size_t sa, const char *vb, size_t sb)
{
    static const px_slot slots[] = {PX_SLOT_NAME, PX_SLOT_NUMBER, PX_SLOT_DATE};
    px_conflict k = {0};
    k.kind = kind;
    k.slot = (unsigned)kind < 3 ? slots[kind] : PX_SLOT_NUMBER;
    k.judgment = agreement ? PX_JUDGE_AGREEMENT : PX_JUDGE_CONFLICT;
    k.subject = subject;
    k.agreement = agreement;
    px_vec_push(&k.values, ((px_value){0, sa, va}));
    px_vec_push(&k.values, ((px_value){1, sb, vb}));
    px_vec_push(&c->conflicts, k);
}

/*
 * Claims 0-2 are article 0's sentences, 3-5 article 1's.  Facts: two
 * consensus (the letters; declining to comment), one unique to each.
 */
static px_comparison *by_hand(story *s)
{
    add(s, text_a);
    add(s, text_b);
    px_comparison *c = px_xcalloc(1, sizeof *c);
    c->articles = s->a;
    c->analyses = s->an;
    c->n = 2;
    c->labels = px_arena_alloc(&c->arena, 2 * sizeof *c->labels);
    c->labels[0] = px_arena_strdup(&c->arena, "A&B <News>");
    c->labels[1] = px_arena_strdup(&c->arena, "UPI");
    c->similarity = px_arena_alloc(&c->arena, 4 * sizeof *c->similarity);
    c->similarity[0] = c->similarity[3] = (px_similarity){1, 1, 1, 1, 1};
    c->similarity[1] = c->similarity[2] = (px_similarity){0.5, 0.6, 0.4, -1, 1};
    claim(c, 0, 0, 1), claim(c, 0, 1, 0), claim(c, 0, 2, 2);
    claim(c, 1, 0, 1), claim(c, 1, 1, 0), claim(c, 1, 2, 3);
    fact(c, PX_FACT_CONSENSUS, 1, 1, 4);
    fact(c, PX_FACT_CONSENSUS, 3, 0, 3);
    fact(c, PX_FACT_UNIQUE, 2, 2, (size_t)-1);
    fact(c, PX_FACT_UNIQUE, 5, 5, (size_t)-1);
    px_compare_index_facts(c);
    conflict(c, PX_CONFLICT_NAME, "Earnest", 0, "John Earnest", 0, "Josh Earnest", 0);
    conflict(c, PX_CONFLICT_DATE, "comment", 0, "2014-11-07", 0, "2014-11-06", 0);
    conflict(c, PX_CONFLICT_NUMBER, "times", 1, "four times", 1, "four times", 1);
    px_story_quote q = {0};
    q.text = "We are in no way engaged & <coordinating>";
    q.speaker = "Susan Rice";
    px_vec_push(&q.uses, ((px_quote_use){0, 0, PX_VARIANT_VERBATIM, NULL}));
    px_vec_push(&q.uses, ((px_quote_use){1, 0, PX_VARIANT_ALTERED, "-no way +not"}));
    px_vec_push(&c->quotes, q);
    px_vec_push(&c->citations, ((px_citation){0, "Reuters", "reported", 2}));
    px_vec_push(&c->citations, ((px_citation){1, "UPI", "wire tag", (size_t)-1}));
    px_vec_push(&c->copies, ((px_copy){1, 0, 3, 0.9}));
    px_summary_line line = {0};
    line.claim = 1;
    px_vec_push(&line.support, 0);
    px_vec_push(&line.support, 1);
    px_vec_push(&c->summary, line);
    s->c = c;
    return c;
}

typedef px_status (*renderer)(const px_comparison *, FILE *, px_error *);

/* The renderer's output, NUL-terminated; the caller frees it. */
static char *render(renderer fn, const px_comparison *c)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    px_error err;
    assert_int_equal(fn(c, f, &err), PX_OK);
    assert_int_equal(fclose(f), 0);
    return out;
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle)) n++;
    return n;
}

/* Each heading occurs, in this order. */
static void assert_in_order(const char *s, const char *const *names, size_t n)
{
    const char *at = s;
    for (size_t i = 0; i < n; i++) {
        const char *p = strstr(at, names[i]);
        if (!p) fail_msg("\"%s\" missing or out of order", names[i]);
        at = p + strlen(names[i]);
    }
}

static const char *const text_sections[] = {
    "\nARTICLES\n", "\nSUMMARY\n", "\nCONSENSUS", "\nCONFLICTS\n", "\nAGREEMENTS\n",
    "\nQUOTES\n", "\nADDITIONS", "\nOMISSIONS", "\nSOURCES\n"};

static void text_report_by_hand(void **state)
{
    (void)state;
    story s = {0};
    char *t = render(px_render_comparison_text, by_hand(&s));
    assert_in_order(t, text_sections, sizeof text_sections / sizeof *text_sections);
    assert_contains(t, "#1   A&B <News>\n       Rice & <script>alert(1)</script>\n");
    assert_contains(t, "similarity 0.50 (terms 0.60, entities 0.40, quotes -, dates 1.00)");
    assert_contains(t, "CONSENSUS (what both report)");
    assert_contains(t, "  1. Obama has written to Khamenei four times since 2009.  [A&B <News>, UPI]");
    assert_contains(t, "  - Press secretary Josh Earnest declined to comment on Thursday.  [A&B <News> 1, UPI 1]");
    /* Conflicts, each value with its article and sentence; agreements apart. */
    const char *conflicts = strstr(t, "\nCONFLICTS\n"), *agreements = strstr(t, "\nAGREEMENTS\n");
    assert_contains(conflicts, "  name: Earnest\n      John Earnest  [A&B <News> 1]\n      Josh Earnest  [UPI 1]\n");
    assert_contains(conflicts, "  date: comment\n      2014-11-07  [A&B <News> 1]\n");
    assert_contains(agreements, "  number: times\n      four times  [A&B <News> 2]\n");
    assert_true(strstr(conflicts, "number: times") > agreements);
    /* The quote once, its speaker, each article's variant, the diff. */
    assert_contains(t, "\u201cWe are in no way engaged & <coordinating>\u201d\n      speaker: Susan Rice\n");
    assert_contains(t, ": verbatim\n");
    assert_contains(t, ": altered: -no way +not\n");
    /* What each adds and leaves out. */
    const char *omissions = strstr(t, "\nOMISSIONS");
    assert_contains(strstr(t, "\nADDITIONS"), "  A&B <News> (1):\n    - The coalition has more than 60 members, officials said.  [A&B <News> 3]\n");
    assert_contains(omissions, "  A&B <News> (1):\n    - Rice said she would stay in her post.  [UPI 3]\n");
    assert_contains(omissions, "  UPI (1):\n    - The coalition has more than 60 members");
    /* Sources: a sentence, a dateline, a copy. */
    assert_contains(t, "  A&B <News> credits: Reuters (reported, sentence 3)\n");
    assert_contains(t, "  UPI credits: UPI (wire tag, dateline)\n");
    assert_contains(t, "syndication: UPI is a near-copy of A&B <News> (simhash distance 3 bits, 90%");
    free(t);
    done(&s);
}

static void text_lines_are_wrapped(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Long\n\nThe council met on Monday and the council met again on Tuesday and then the "
            "council met once more on Wednesday to discuss the bridge, the road, the rail line, "
            "the port and the airport, all of which need repairs before the winter comes.");
    add(&s, "Short\n\nThe council met on Monday.");
    assert_int_equal(px_compare(ctx, s.a, s.an, s.n, &s.c, NULL), PX_OK);
    char *t = render(px_render_comparison_text, s.c);
    size_t col = 0, widest = 0;
    for (const char *p = t; *p; p++) {
        if (*p == '\n') col = 0;
        else if (((unsigned char)*p & 0xC0) != 0x80 && ++col > widest) widest = col;
    }
    assert_true(widest <= 88);
    assert_contains(t, "airport, all of which need repairs");
    free(t);
    done(&s);
}

static json_t *get(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!v) fail_msg("key \"%s\" missing", key);
    return v;
}

static void json_by_hand(void **state)
{
    (void)state;
    story s = {0};
    char *t = render(px_render_comparison_json, by_hand(&s));
    json_error_t jerr;
    json_t *o = json_loads(t, 0, &jerr);
    if (!o) fail_msg("not JSON: %s", jerr.text);
    static const char *const keys[] = {"articles", "similarity", "facts", "unique", "omitted",
                                       "conflicts", "quotes", "citations", "syndication", "copying", "summary"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) assert_true(json_is_array(get(o, keys[i])) || i == 1);
    assert_int_equal(json_object_size(o), 14);
    assert_int_equal(json_integer_value(get(o, "schema")), 2);
    assert_true(json_is_boolean(get(o, "one_story")));
    assert_true(json_is_string(get(o, "headline")) || json_is_null(get(o, "headline")));

    json_t *a0 = json_array_get(get(o, "articles"), 0);
    assert_string_equal(json_string_value(get(a0, "label")), "A&B <News>");
    assert_string_equal(json_string_value(get(a0, "title")), "Rice & <script>alert(1)</script>");
    assert_string_equal(json_string_value(get(a0, "id")), "a0.txt");
    assert_true(json_is_null(get(a0, "url")));
    assert_true(json_is_null(get(a0, "outlet")));
    assert_true(json_is_null(get(a0, "date")));
    assert_string_equal(json_string_value(get(a0, "language")), "en");
    assert_int_equal(json_integer_value(get(a0, "sentences")), 3);
    assert_int_equal(json_integer_value(get(a0, "facts")), 3);

    json_t *sim = get(o, "similarity");
    assert_true(json_real_value(json_array_get(json_array_get(get(sim, "matrix"), 0), 1)) == 0.5);
    json_t *pair = json_array_get(get(sim, "pairs"), 0);
    assert_int_equal(json_array_size(get(sim, "pairs")), 1);
    assert_int_equal(json_integer_value(get(pair, "b")), 1);
    assert_true(json_is_null(get(pair, "quotes")));
    assert_true(json_real_value(get(pair, "terms")) == 0.6);
    assert_true(json_real_value(get(sim, "mean")) == 0.5);

    json_t *f0 = json_array_get(get(o, "facts"), 0);
    assert_string_equal(json_string_value(get(f0, "kind")), "consensus");
    assert_string_equal(json_string_value(get(f0, "text")), "Obama has written to Khamenei four times since 2009.");
    assert_int_equal(json_integer_value(json_array_get(get(f0, "support"), 1)), 1);
    json_t *cl = json_array_get(get(f0, "claims"), 1);
    assert_int_equal(json_integer_value(get(cl, "article")), 1);
    assert_int_equal(json_integer_value(get(cl, "sentence")), 1);
    assert_true(json_is_false(get(cl, "best")));

    json_t *u0 = json_array_get(json_array_get(get(o, "unique"), 0), 0);
    assert_int_equal(json_integer_value(get(u0, "fact")), 2);
    json_t *o0 = json_array_get(json_array_get(get(o, "omitted"), 0), 0);
    assert_int_equal(json_integer_value(get(o0, "fact")), 3);
    assert_string_equal(json_string_value(get(o0, "text")), "Rice said she would stay in her post.");

    json_t *k0 = json_array_get(get(o, "conflicts"), 0), *k2 = json_array_get(get(o, "conflicts"), 2);
    assert_string_equal(json_string_value(get(k0, "kind")), "name");
    assert_string_equal(json_string_value(get(k0, "subject")), "Earnest");
    assert_true(json_is_false(get(k0, "agreement")));
    assert_true(json_is_true(get(k2, "agreement")));
    json_t *v1 = json_array_get(get(k0, "values"), 1);
    assert_string_equal(json_string_value(get(v1, "value")), "Josh Earnest");
    assert_int_equal(json_integer_value(get(v1, "article")), 1);
    assert_int_equal(json_integer_value(get(v1, "sentence")), 0);

    json_t *q = json_array_get(get(o, "quotes"), 0);
    assert_string_equal(json_string_value(get(q, "speaker")), "Susan Rice");
    assert_int_equal(json_array_size(get(q, "articles")), 2);
    json_t *alt = json_array_get(get(q, "variants"), 1);
    assert_string_equal(json_string_value(get(alt, "variant")), "altered");
    assert_string_equal(json_string_value(get(alt, "diff")), "-no way +not");
    assert_true(json_is_null(get(json_array_get(get(q, "variants"), 0), "diff")));

    json_t *c1 = json_array_get(get(o, "citations"), 1);
    assert_string_equal(json_string_value(get(c1, "source")), "UPI");
    assert_true(json_is_null(get(c1, "sentence")));
    json_t *copy = json_array_get(get(o, "syndication"), 0);
    assert_int_equal(json_integer_value(get(copy, "copy")), 1);
    assert_int_equal(json_integer_value(get(copy, "original")), 0);
    assert_int_equal(json_integer_value(get(copy, "distance")), 3);
    assert_true(json_real_value(get(copy, "overlap")) == 0.9);
    json_t *line = json_array_get(get(o, "summary"), 0);
    assert_string_equal(json_string_value(get(line, "text")), "Obama has written to Khamenei four times since 2009.");
    assert_int_equal(json_array_size(get(line, "support")), 2);
    json_decref(o);
    free(t);
    done(&s);
}

/* Every element opened is closed (the page has no void elements but meta/br). */
static void assert_balanced(const char *h)
{
    static const char *const tags[] = {"section", "article", "header", "table", "tr", "td", "th",
                                       "details", "summary", "span", "mark", "p", "ol", "ul", "li",
                                       "code", "a", "div", "main", "style", "title"};
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
        char open[32], open_sp[32], close[32];
        snprintf(open, sizeof open, "<%s>", tags[i]);
        snprintf(open_sp, sizeof open_sp, "<%s ", tags[i]);
        snprintf(close, sizeof close, "</%s>", tags[i]);
        size_t opened = count(h, open) + count(h, open_sp), closed = count(h, close);
        if (opened != closed) fail_msg("<%s>: %zu opened, %zu closed", tags[i], opened, closed);
    }
}

static void html_by_hand(void **state)
{
    (void)state;
    story s = {0};
    char *h = render(px_render_comparison_html, by_hand(&s));
    assert_true(strncmp(h, "<!DOCTYPE html>", 15) == 0);
    assert_contains(h, "<meta charset=\"utf-8\">");
    assert_balanced(h);
    /* Escaped everywhere: no markup from the articles gets through. */
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "<b>"));
    assert_contains(h, "Rice &amp; &lt;script&gt;alert(1)&lt;/script&gt;");
    assert_contains(h, "A&amp;B &lt;News&gt;");
    assert_contains(h, "engaged &amp; &lt;coordinating&gt;");
    /* Standalone: nothing fetched, nothing linked outside the page. */
    assert_null(strstr(h, "http"));
    assert_null(strstr(h, "src="));
    assert_null(strstr(h, "url("));
    assert_null(strstr(h, "@import"));
    /* Sections, in reading order. */
    static const char *const ids[] = {"id=\"summary\"", "id=\"articles\"", "id=\"conflicts\"",
                                      "id=\"agreements\"", "id=\"quotes\"", "id=\"coverage\"",
                                      "id=\"sources\"", "id=\"similarity\""};
    assert_in_order(h, ids, sizeof ids / sizeof *ids);
    /* One column per article, sentences coloured by fact kind, with ids. */
    assert_int_equal(count(h, "<article class=\"col\""), 2);
    assert_contains(h, "<span id=\"a0s1\" class=\"s k-consensus\"");
    assert_contains(h, "<span id=\"a1s2\" class=\"s k-unique\"");
    /* The conflicting name marked where it stands; a date not written as
     * its value outlines the sentence. */
    assert_contains(h, "White House spokesman <mark title=\"name conflict: Earnest\">John Earnest</mark> declined");
    assert_contains(h, "class=\"s k-consensus s-conflict\"");
    /* Tables link back to sentences; the altered quote shows its diff. */
    assert_contains(h, "href=\"#a1s0\"");
    assert_contains(h, "<span class=\"var var-altered\">altered</span> <code>-no way +not</code>");
    assert_contains(h, "is a near-copy of");
    assert_contains(strstr(h, "id=\"summary\""), "Obama has written to Khamenei four times since 2009.");
    free(h);
    done(&s);
}

static void write_errors_and_null(void **state)
{
    (void)state;
    story s = {0};
    px_comparison *c = by_hand(&s);
    renderer fns[] = {px_render_comparison_text, px_render_comparison_json, px_render_comparison_html};
    for (size_t i = 0; i < 3; i++) {
        FILE *f = fopen("/dev/null", "r"); /* every write fails */
        assert_non_null(f);
        px_error err;
        assert_int_equal(fns[i](c, f, &err), PX_EIO);
        assert_contains(err.message, "write failed");
        fclose(f);
        assert_int_equal(fns[i](NULL, stdout, &err), PX_EUSAGE);
    }
    done(&s);
}

/* ---- through px_compare ------------------------------------------------- */

static void seeds_through_compare(void **state)
{
    (void)state;
    story s = {0};
    add(&s, "Bridge reopens\n\n"
            "The Harlow river bridge reopened to traffic on Monday after eight months of repairs.\n\n"
            "Engineers replaced the corroded steel cables that had forced the closure last spring.\n\n"
            "\"We are glad it is over,\" said Mayor Anna Berg.");
    add(&s, "Harlow crossing open again\n\n"
            "After eight months of repairs, the Harlow river bridge reopened to traffic Monday.\n\n"
            "Cyclists will have to wait another month for the new bike lane.\n\n"
            "\"We are glad it is over,\" Mayor Anna Berg told reporters.");
    assert_int_equal(px_compare(ctx, s.a, s.an, s.n, &s.c, NULL), PX_OK);
    char *t = render(px_render_comparison_text, s.c);
    assert_in_order(t, text_sections, sizeof text_sections / sizeof *text_sections);
    assert_contains(t, "reopened to traffic");
    free(t);
    char *j = render(px_render_comparison_json, s.c);
    json_t *o = json_loads(j, 0, NULL);
    assert_non_null(o);
    assert_int_equal(json_array_size(get(o, "articles")), 2);
    assert_int_equal(json_array_size(get(o, "unique")), 2);
    assert_int_equal(json_array_size(get(o, "omitted")), 2);
    assert_true(json_array_size(get(o, "facts")) >= 3);
    assert_true(json_is_array(get(o, "summary")));
    json_decref(o);
    free(j);
    char *h = render(px_render_comparison_html, s.c);
    assert_balanced(h);
    assert_int_equal(count(h, "<article class=\"col\""), 2);
    assert_contains(h, "class=\"s k-consensus\"");
    free(h);
    done(&s);
}

static void fifty_articles(void **state)
{
    (void)state;
    story s = {0};
    static const char *const extra[] = {"Traffic was light.", "Drivers cheered.",
                                        "Shops expect more trade.", "The mayor cut a ribbon."};
    for (int i = 0; i < 50; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "Bridge story %d\n\nThe Harlow river bridge reopened on Monday after eight "
                 "months of repairs.\n\n%s",
                 i, extra[i % 4]);
        add(&s, text);
    }
    assert_int_equal(px_compare(ctx, s.a, s.an, s.n, &s.c, NULL), PX_OK);
    char *t = render(px_render_comparison_text, s.c);
    assert_contains(t, "COMPARISON OF 50 ARTICLES");
    assert_contains(t, "similarity: mean ");
    assert_contains(t, "over 1225 pairs");
    assert_null(strstr(t, "  similarity  ")); /* no 50-column matrix */
    assert_contains(t, " more]");              /* long lists of articles are cut */
    free(t);
    char *j = render(px_render_comparison_json, s.c);
    json_t *o = json_loads(j, 0, NULL);
    assert_non_null(o);
    json_t *sim = get(o, "similarity");
    assert_int_equal(json_array_size(get(sim, "matrix")), 50);
    assert_int_equal(json_array_size(json_array_get(get(sim, "matrix"), 49)), 50);
    assert_int_equal(json_array_size(get(sim, "pairs")), 1225);
    json_decref(o);
    free(j);
    char *h = render(px_render_comparison_html, s.c);
    assert_balanced(h);
    assert_int_equal(count(h, "<article class=\"col\""), 50);
    assert_contains(h, "and 42 more");
    free(h);
    done(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_report_by_hand),
        cmocka_unit_test(text_lines_are_wrapped),
        cmocka_unit_test(json_by_hand),
        cmocka_unit_test(html_by_hand),
        cmocka_unit_test(write_errors_and_null),
        cmocka_unit_test(seeds_through_compare),
        cmocka_unit_test(fifty_articles),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
