/*
 * test_text.c — the text layer: sentences, words, NFC, folding, stems,
 * stop words, language identification, and hostile input for each.
 *
 * One context is made for the whole group (its setup loads ICU and the
 * textcat profiles); every test uses it, as a thread would.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"
#include "text/text.h"
#include "text/text_int.h"

static int setup(void **state)
{
    px_context *ctx = NULL;
    px_error err;
    if (px_context_new(&ctx, &err) != PX_OK) {
        fprintf(stderr, "px_context_new: %s\n", err.message);
        return -1;
    }
    *state = ctx;
    return 0;
}

static int teardown(void **state)
{
    px_context_free(*state);
    return 0;
}

/* Reads a whole file (tests run from the top of the tree). */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot open %s", path);
    px_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) px_buf_append(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return px_buf_detach(&b);
}

/* Splits s and checks the sentences are exactly want[0..n). */
static void check_sentences(px_context *ctx, const char *s, const char *lang,
                            const char *const *want, size_t n)
{
    px_spans sp = {0};
    px_error err;
    assert_int_equal(px_text_sentences(ctx, s, strlen(s), lang, &sp, &err), PX_OK);
    for (size_t i = 0; i < sp.len && i < n; i++) {
        size_t len = sp.items[i].end - sp.items[i].start;
        if (strlen(want[i]) != len || memcmp(want[i], s + sp.items[i].start, len))
            fail_msg("sentence %zu: got \"%.*s\", want \"%s\"", i, (int)len,
                     s + sp.items[i].start, want[i]);
    }
    if (sp.len != n) {
        for (size_t i = 0; i < sp.len; i++)
            fprintf(stderr, "  [%zu] %.*s\n", i, (int)(sp.items[i].end - sp.items[i].start),
                    s + sp.items[i].start);
        fail_msg("got %zu sentences, want %zu", sp.len, n);
    }
    px_vec_free(&sp);
}
#define CHECK_SENTENCES(ctx, s, lang, ...)                                        \
    do {                                                                          \
        static const char *const want_[] = {__VA_ARGS__};                         \
        check_sentences(ctx, s, lang, want_, sizeof want_ / sizeof *want_);       \
    } while (0)

/* ---- context ------------------------------------------------------------ */

static void test_context(void **state)
{
    (void)state;
    assert_string_equal(px_version(), PX_VERSION);
    px_context *c = NULL;
    assert_int_equal(px_context_new(&c, NULL), PX_OK);
    assert_non_null(c);
    assert_non_null(c->text);
    px_context_free(c);
    px_context_free(NULL);
    px_error err;
    assert_int_equal(px_context_new(NULL, &err), PX_EUSAGE);
}

/* ---- sentences ------------------------------------------------------------ */

static void test_sentences_abbreviations(void **state)
{
    px_context *ctx = *state;
    CHECK_SENTENCES(ctx, "Mr. Smith went to Washington. He left.", NULL,
                    "Mr. Smith went to Washington.", "He left.");
    CHECK_SENTENCES(ctx, "Sen. Smith met Dr. Jones on Nov. 7 in Washington, D.C. They talked.",
                    NULL, "Sen. Smith met Dr. Jones on Nov. 7 in Washington, D.C.", "They talked.");
    CHECK_SENTENCES(ctx, "J. R. R. Tolkien wrote it. He was English.", NULL,
                    "J. R. R. Tolkien wrote it.", "He was English.");
    /* U.S.: a new sentence after it only before a typical sentence start. */
    CHECK_SENTENCES(ctx,
                    "He lives in the U.S. The weather is good. U.S. officials met. "
                    "The U.S. Army said so. Kerry visited the U.S. It was cold.",
                    NULL, "He lives in the U.S.", "The weather is good.", "U.S. officials met.",
                    "The U.S. Army said so.", "Kerry visited the U.S.", "It was cold.");
    CHECK_SENTENCES(ctx, "U.S. Secretary of State John Kerry spoke. But nobody listened.", NULL,
                    "U.S. Secretary of State John Kerry spoke.", "But nobody listened.");
    /* Titles and months never end a sentence, even before "The". */
    CHECK_SENTENCES(ctx, "It was signed on Nov. 7, 2014. Gen. The Hon. Smith agreed.", NULL,
                    "It was signed on Nov. 7, 2014.", "Gen. The Hon. Smith agreed.");
    CHECK_SENTENCES(ctx, "The meeting ended at 5 p.m. The talks resume at 9 a.m. Friday.", NULL,
                    "The meeting ended at 5 p.m.", "The talks resume at 9 a.m. Friday.");
    CHECK_SENTENCES(ctx, "Shares of Apple Inc. rose. He works for Acme Corp. The firm grew.", NULL,
                    "Shares of Apple Inc. rose.", "He works for Acme Corp.", "The firm grew.");
    CHECK_SENTENCES(ctx, "No. 5 is here. Plan B. The plan failed. Roe v. Wade stands.", NULL,
                    "No. 5 is here.", "Plan B.", "The plan failed.", "Roe v. Wade stands.");
    CHECK_SENTENCES(ctx, "By JC Finley. Ms. Rice spoke.", NULL, "By JC Finley.", "Ms. Rice spoke.");
    /* Words that merely end like an abbreviation ("West", "Bucher"). */
    CHECK_SENTENCES(ctx, "He went West. He met Mr. Bucher. He left.", NULL, "He went West.",
                    "He met Mr. Bucher.", "He left.");
}

static void test_sentences_quotes(void **state)
{
    px_context *ctx = *state;
    CHECK_SENTENCES(ctx,
                    "\"I serve at the pleasure of the president, and I will continue to serve "
                    "as long as he'd like me to,\" she told reporters.",
                    NULL,
                    "\"I serve at the pleasure of the president, and I will continue to serve "
                    "as long as he'd like me to,\" she told reporters.");
    /* The closing quote after the period belongs to its sentence. */
    CHECK_SENTENCES(ctx, "\"It's over.\" He left. \u201cWe won.\u201d They cheered.", NULL,
                    "\"It's over.\"", "He left.", "\u201cWe won.\u201d", "They cheered.");
    /* A quoted question or exclamation goes on in lower case. */
    CHECK_SENTENCES(ctx, "\"Why?\" she asked. He said \"Stop!\" and left.", NULL,
                    "\"Why?\" she asked.", "He said \"Stop!\" and left.");
    /* ... or on with a name and a speech verb; without the verb it ends. */
    CHECK_SENTENCES(ctx, "\"Where is John?\" Obama said. \"Stop!\" Sen. Ted Cruz shouted.", "en",
                    "\"Where is John?\" Obama said.", "\"Stop!\" Sen. Ted Cruz shouted.");
    CHECK_SENTENCES(ctx, "\"Where is John?\" Obama left the room.", "en",
                    "\"Where is John?\"", "Obama left the room.");
    CHECK_SENTENCES(ctx, "(He left early. Nobody noticed.) Then it rained.", NULL,
                    "(He left early.", "Nobody noticed.)", "Then it rained.");
}

static void test_sentences_lines_and_space(void **state)
{
    px_context *ctx = *state;
    /* A line break always ends a sentence, even after an abbreviation. */
    CHECK_SENTENCES(ctx, "  By JC Finley\nNational Security Advisor Susan Rice spoke in "
                         "Washington, D.C.\nThe end.\r\n\r\n  ",
                    NULL, "By JC Finley",
                    "National Security Advisor Susan Rice spoke in Washington, D.C.", "The end.");
    CHECK_SENTENCES(ctx, "He met Mr.\nSmith.", NULL, "He met Mr.", "Smith.");
    /* White space of any kind is trimmed; empty spans are left out. */
    CHECK_SENTENCES(ctx, "\u00a0\u2003First one.\u3000 Second one.\u00a0", NULL, "First one.",
                    "Second one.");

    px_spans sp = {0};
    px_error err;
    assert_int_equal(px_text_sentences(ctx, "", 0, NULL, &sp, &err), PX_OK);
    assert_int_equal(px_text_sentences(ctx, NULL, 0, NULL, &sp, &err), PX_OK);
    assert_int_equal(px_text_sentences(ctx, " \n\t \n", 5, NULL, &sp, &err), PX_OK);
    assert_int_equal(sp.len, 0);
    /* Appends: two calls collect both. */
    assert_int_equal(px_text_sentences(ctx, "One. Two.", 9, NULL, &sp, &err), PX_OK);
    assert_int_equal(px_text_sentences(ctx, "Three.", 6, NULL, &sp, &err), PX_OK);
    assert_int_equal(sp.len, 3);
    assert_int_equal(sp.items[1].start, 5);
    assert_int_equal(sp.items[1].end, 9);
    assert_int_equal(sp.items[2].start, 0);
    assert_int_equal(sp.items[2].end, 6);
    assert_int_equal(px_text_sentences(NULL, "x", 1, NULL, &sp, &err), PX_EUSAGE);
    px_vec_free(&sp);
}

static void test_sentences_other_languages(void **state)
{
    px_context *ctx = *state;
    CHECK_SENTENCES(ctx, "Die Wahl fand am 3. Oktober statt. Er ging nach Hause.", "de",
                    "Die Wahl fand am 3. Oktober statt.", "Er ging nach Hause.");
    CHECK_SENTENCES(ctx, "J. R. R. Tolkien schrieb Bücher. Er starb 1973.", "de",
                    "J. R. R. Tolkien schrieb Bücher.", "Er starb 1973.");
    CHECK_SENTENCES(ctx, "Il est parti. «Pourquoi?» demanda-t-elle. Personne ne sait.", "fr",
                    "Il est parti.", "«Pourquoi?» demanda-t-elle.", "Personne ne sait.");
    CHECK_SENTENCES(ctx, "Mr. Smith left. He is in the U.S. now.", "und", "Mr. Smith left.",
                    "He is in the U.S. now.");
    /* An unusual tag falls back to the English iterator. */
    CHECK_SENTENCES(ctx, "One. Two.", "x-klingon", "One.", "Two.");
}

/* ICU reads a UTF-16 copy of the text (sentences.c): its boundaries map back
 * to byte offsets across two-, three- and four-byte characters (a surrogate
 * pair in UTF-16), and a U+FFFD written as such is a character like any. */
static void test_sentences_utf16_offsets(void **state)
{
    px_context *ctx = *state;
    CHECK_SENTENCES(ctx, "Caf\u00e9 \U0001F600 opened. \u201cWhy?\u201d Nobody \U0001D11E knew. "
                         "\u00c9t\u00e9 \uFFFD ended.",
                    "en", "Caf\u00e9 \U0001F600 opened.", "\u201cWhy?\u201d",
                    "Nobody \U0001D11E knew.", "\u00c9t\u00e9 \uFFFD ended.");
    CHECK_SENTENCES(ctx, "\U0001F600. \U0001F600\U0001F600! Ja.", "de", "\U0001F600.",
                    "\U0001F600\U0001F600!", "Ja.");
}

static void test_sentences_seed_000(void **state)
{
    px_context *ctx = *state;
    size_t len;
    char *s = slurp("examples/000_0de752108fcf7d4a.txt", &len);
    static const char *const want[] = {
        "Susan Rice",
        "Susan RiceIsrael news photo: Flash 90",
        "Susan Rice, President Barack Obama\u2019s national security advisor, made clear on "
        "Friday that the United States is not engaged in military coordination with Iran in "
        "countering the Islamic State (ISIS) in the Middle East, Reuters reported.",
        "Rice, at a White House briefing, responded to a report that Obama had written a letter "
        "to Iran's Supreme Leader Ayatollah Ali Khamenei about Islamic State by saying, \"We are "
        "in no way engaged in any coordination - military coordination - with Iran on countering "
        "ISIS.\"",
        "According to Thursday\u2019s report in the Wall Street Journal, Obama told Khamenei in "
        "the letter that cooperation on ISIS depends on an agreement being reached by the "
        "November 24 deadline regarding Iran's nuclear program, which Israel has warned aims to "
        "build nuclear weapons.",
        "This is in fact the fourth time Obama has written Khamenei since taking office in 2009.",
        "White House spokesman John Earnest later refused to comment about whether Obama had "
        "indeed written such a letter, and would only reiterate that Washington\u2019s policy "
        "toward Iran has not changed.",
        "\"I'm not in a position to discuss private correspondence between the president and any "
        "world leader,\" he said at a White House briefing.",
        "\"I can tell you that the policy that the president and his administration have "
        "articulated about Iran remains unchanged,\" added Earnest.",
        "Khamenei has called for\u00a0Israel's destruction, and last month around the time of "
        "Obama's letter blamed\u00a0America for creating ISIS, while Iran's Revolutionary Guards "
        "recently clarified America remains its\u00a0number one enemy",
        "U.S. Secretary of State John Kerry last month\u00a0backtracked\u00a0and wouldn't "
        "rule out "
        "military cooperation with Iran on ISIS, after earlier saying such cooperation was out "
        "of the question.",
        "According to reports, though\u00a0Iran initially rejected the notion of such cooperation "
        "against ISIS, with\u00a0Khamenei saying\u00a0he rejected the idea because of Washington\u2019s "
        "\u201cdirty hands\u201d, Tehran later said it would consider it - in return for a good "
        "deal in the nuclear talks.",
        "(Arutz Sheva\u2019s North American desk is keeping you updated until the start of "
        "Shabbat in New York.",
        "The time posted automatically on all Arutz Sheva articles, however, is Israeli time.)",
    };
    check_sentences(ctx, s, NULL, want, sizeof want / sizeof *want);
    free(s);
}

static void test_sentences_seed_001(void **state)
{
    px_context *ctx = *state;
    size_t len;
    char *s = slurp("examples/001_6fc7805a935ef0d6.txt", &len);
    px_spans sp = {0};
    assert_int_equal(px_text_sentences(ctx, s, len, "en", &sp, NULL), PX_OK);
    assert_int_equal(sp.len, 19);
#define SENT(i) px_xstrndup(s + sp.items[i].start, sp.items[i].end - sp.items[i].start)
    static const struct {
        size_t i;
        const char *text;
    } want[] = {
        {3, "By JC Finley"},
        {4, "National Security Advisor Susan Rice speaks to the media during the White House "
            "daily briefing at the White House in Washington, D.C., on Nov. 7, 2014."},
        {5, "UPI/Kevin Dietsch"},
        {8, "WASHINGTON, Nov. 7 (UPI) -- White House National Security Adviser Susan Rice said "
            "Friday that the United States is not coordinating militarily with Iran in U.S.-led "
            "coalition efforts to combat the Islamic State."},
        {11, "News of the letter, reportedly Obama's fourth to Khamenei since 2009, surfaced "
             "Thursday."},
        {15, "\"The United States will not cooperate militarily with Iran in that effort; we "
             "won't share intelligence with them.\""},
        {17, "\"I serve at the pleasure of the president, and I will continue to serve as long "
             "as he'd like me to,\" she told reporters."},
    };
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        char *got = SENT(want[k].i);
        assert_string_equal(got, want[k].text);
        free(got);
    }
    /* The long quotation with "U.S. officials" and "..." is one sentence. */
    char *q = SENT(12);
    assert_contains(q, "acknowledged that U.S. officials have \"discussed");
    assert_contains(q, "broader coalition.\"");
    free(q);
#undef SENT
    px_vec_free(&sp);
    free(s);
}

/* ---- words ---------------------------------------------------------------- */

typedef struct tok {
    const char *text;
    px_token_kind kind;
} tok;

static const char *kind_name(px_token_kind k)
{
    static const char *const names[] = {"word", "number", "punct", "other"};
    return (unsigned)k < 4 ? names[k] : "?";
}

static void check_words(px_context *ctx, const char *s, const tok *want, size_t n)
{
    px_words w = {0};
    px_error err;
    assert_int_equal(px_text_words(ctx, s, strlen(s), &w, &err), PX_OK);
    for (size_t i = 0; i < w.len && i < n; i++) {
        size_t len = w.items[i].end - w.items[i].start;
        if (strlen(want[i].text) != len || memcmp(want[i].text, s + w.items[i].start, len) ||
            w.items[i].kind != want[i].kind)
            fail_msg("token %zu: got \"%.*s\" (%s), want \"%s\" (%s)", i, (int)len,
                     s + w.items[i].start, kind_name(w.items[i].kind), want[i].text,
                     kind_name(want[i].kind));
    }
    assert_int_equal(w.len, n);
    px_vec_free(&w);
}
#define CHECK_WORDS(ctx, s, ...)                                                  \
    do {                                                                          \
        static const tok want_[] = {__VA_ARGS__};                                 \
        check_words(ctx, s, want_, sizeof want_ / sizeof *want_);                 \
    } while (0)
#define W(s) {s, PX_TOKEN_WORD}
#define N(s) {s, PX_TOKEN_NUMBER}
#define P(s) {s, PX_TOKEN_PUNCT}
#define O(s) {s, PX_TOKEN_OTHER}

static void test_words_merges(void **state)
{
    px_context *ctx = *state;
    CHECK_WORDS(ctx, "The U.S.-led coalition of 60 members, 2,000 troops (3.5%).", W("The"),
                W("U.S.-led"), W("coalition"), W("of"), N("60"), W("members"), P(","),
                N("2,000"), W("troops"), P("("), N("3.5"), P("%"), P(")"), P("."));
    CHECK_WORDS(ctx, "don't he'd Obama’s e-mail shake-up 30-year-old COVID-19 mother-in-law",
                W("don't"), W("he'd"), W("Obama’s"), W("e-mail"), W("shake-up"),
                W("30-year-old"), W("COVID-19"), W("mother-in-law"));
    /* Dots: abbreviations keep theirs, a sentence keeps its full stop. */
    CHECK_WORDS(ctx, "Mr. Smith met Sen. J. R. Jones at 5 p.m. on Nov. 7 in Washington, D.C.",
                W("Mr."), W("Smith"), W("met"), W("Sen."), W("J."), W("R."), W("Jones"),
                W("at"), N("5"), W("p.m."), W("on"), W("Nov."), N("7"), W("in"),
                W("Washington"), P(","), W("D.C."));
    CHECK_WORDS(ctx, "Then he said no. No. 5 met Gen.", W("Then"), W("he"), W("said"),
                W("no"), P("."), W("No."), N("5"), W("met"), W("Gen"), P("."));
    /* Ranges and scores stay apart; dashes are punctuation. */
    CHECK_WORDS(ctx, "2014-15 (UPI) -- ISIS - in", N("2014"), P("-"), N("15"), P("("),
                W("UPI"), P(")"), P("-"), P("-"), W("ISIS"), P("-"), W("in"));
    CHECK_WORDS(ctx, "$5 \u20ac3 \u00a9 \U0001F600 \u65e5\u672c hi", P("$"), N("5"),
                P("\u20ac"), N("3"), P("\u00a9"), O("\U0001F600"), O("\u65e5\u672c"), W("hi"));
    CHECK_WORDS(ctx, "Caf\u00e9 na\u00efve \u0645\u0631\u062d\u0628\u0627", W("Caf\u00e9"),
                W("na\u00efve"), W("\u0645\u0631\u062d\u0628\u0627"));
}

static void test_words_offsets(void **state)
{
    px_context *ctx = *state;
    px_words w = {0};
    px_error err;
    assert_int_equal(px_text_words(ctx, "", 0, &w, &err), PX_OK);
    assert_int_equal(px_text_words(ctx, " \t\n ", 4, &w, &err), PX_OK);
    assert_int_equal(w.len, 0);
    assert_int_equal(px_text_words(ctx, "  ab  cd", 8, &w, &err), PX_OK);
    assert_int_equal(px_text_words(ctx, "ef", 2, &w, &err), PX_OK);
    assert_int_equal(w.len, 3);
    assert_int_equal(w.items[0].start, 2);
    assert_int_equal(w.items[0].end, 4);
    assert_int_equal(w.items[1].start, 6);
    assert_int_equal(w.items[1].end, 8);
    assert_int_equal(w.items[2].start, 0);
    assert_int_equal(px_text_words(NULL, "x", 1, &w, &err), PX_EUSAGE);
    px_vec_free(&w);
}

/* ---- NFC and folding -------------------------------------------------------- */

static void check_nfc(px_context *ctx, const char *in, const char *want)
{
    px_buf b = {0};
    px_text_nfc(ctx, in, strlen(in), &b);
    assert_string_equal(px_buf_str(&b), want);
    px_buf_free(&b);
}

static void check_fold(px_context *ctx, const char *in, const char *want)
{
    px_buf b = {0};
    px_text_fold(ctx, in, strlen(in), &b);
    assert_string_equal(px_buf_str(&b), want);
    px_buf_free(&b);
}

static void test_nfc(void **state)
{
    px_context *ctx = *state;
    check_nfc(ctx, "e\u0301cole", "\u00e9cole");
    check_nfc(ctx, "plain ASCII", "plain ASCII");
    check_nfc(ctx, "Obama\u2019s caf\u00e9", "Obama\u2019s caf\u00e9");
    check_nfc(ctx, "A\u030a \u212b", "\u00c5 \u00c5");           /* Angstrom sign too */
    check_nfc(ctx, "\u1100\u1161", "\uac00");                     /* Hangul jamo */
    check_nfc(ctx, "a\u0323\u0307", "\u1ea1\u0307");              /* canonical order */
    check_nfc(ctx, "a\u0307\u0323", "\u1ea1\u0307");
    check_nfc(ctx, "bad \xff byte \xc3", "bad \ufffd byte \ufffd"); /* always valid out */
    px_buf b = {0};
    px_buf_puts(&b, "x");
    px_text_nfc(ctx, "e\u0301", 3, &b); /* appends */
    assert_string_equal(px_buf_str(&b), "x\u00e9");
    px_buf_free(&b);
}

static void test_fold(void **state)
{
    px_context *ctx = *state;
    check_fold(ctx, "Stra\u00dfe", "strasse");
    check_fold(ctx, "\u00c9COLE", "\u00e9cole");
    check_fold(ctx, "E\u0301COLE", "\u00e9cole");
    check_fold(ctx, "The U.S.-Led", "the u.s.-led");
    check_fold(ctx, "Obama\u2019s", "obama\u2019s");
    check_fold(ctx, "\u00e9t\u00e9", "\u00e9t\u00e9");
    check_fold(ctx, "\u039c\u0391\u0399\u039f\u03a3", "\u03bc\u03b1\u03b9\u03bf\u03c3");
    check_fold(ctx, "\ufb01ne", "fine"); /* ligature: full folding */
    check_fold(ctx, "", "");
    check_fold(ctx, "X\xffY", "x\ufffdy");
}

/* Inputs longer than one slow-path chunk come out whole and right. */
static void test_nfc_fold_long(void **state)
{
    px_context *ctx = *state;
    const char *unit = "E\u0301t\u00c9 Stra\u00dfe ";       /* 14 bytes */
    const char *nfc_unit = "\u00c9t\u00c9 Stra\u00dfe ";    /* 13 bytes */
    const char *fold_unit = "\u00e9t\u00e9 strasse ";       /* 13 bytes */
    px_buf in = {0}, want_nfc = {0}, want_fold = {0}, got = {0};
    for (int i = 0; i < 60000; i++) {
        px_buf_puts(&in, unit);
        px_buf_puts(&want_nfc, nfc_unit);
        px_buf_puts(&want_fold, fold_unit);
    }
    px_text_nfc(ctx, in.data, in.len, &got);
    assert_int_equal(got.len, want_nfc.len);
    assert_memory_equal(got.data, want_nfc.data, got.len);
    px_buf_reset(&got);
    px_text_fold(ctx, in.data, in.len, &got);
    assert_int_equal(got.len, want_fold.len);
    assert_memory_equal(got.data, want_fold.data, got.len);
    px_buf_free(&in);
    px_buf_free(&want_nfc);
    px_buf_free(&want_fold);
    px_buf_free(&got);
}

/* ---- stems and stop words ------------------------------------------------------ */

static void check_stem(px_context *ctx, const char *lang, const char *w, const char *want)
{
    px_buf b = {0};
    px_text_stem(ctx, lang, w, strlen(w), &b);
    assert_string_equal(px_buf_str(&b), want);
    px_buf_free(&b);
}

static void test_stem(void **state)
{
    px_context *ctx = *state;
    check_stem(ctx, "en", "coordinating", "coordin");
    check_stem(ctx, "en", "coordination", "coordin");
    check_stem(ctx, "en", "countries", "countri");
    check_stem(ctx, "en", "militarily", "militarili");
    check_stem(ctx, "en-US", "running", "run");
    check_stem(ctx, "de", "häuser", "haus");
    check_stem(ctx, "de", "bundesregierung", "bundesregier");
    check_stem(ctx, "fr", "gouvernements", "gouvern");
    check_stem(ctx, "es", "gobierno", "gobiern");
    check_stem(ctx, "ru", "\u043a\u043d\u0438\u0433\u0430\u043c\u0438",
               "\u043a\u043d\u0438\u0433");
    check_stem(ctx, "nb", "husene", "hus");
    /* No stemmer: the word itself. */
    check_stem(ctx, "xx", "running", "running");
    check_stem(ctx, NULL, "running", "running");
    check_stem(ctx, "zh", "running", "running");
    check_stem(ctx, "en", "", "");
    check_stem(ctx, "en", "bad\xffing", "bad\xffing");
    /* Over 256 bytes: unchanged. */
    char big[300];
    memset(big, 'a', sizeof big - 4);
    memcpy(big + sizeof big - 4, "ing", 4);
    check_stem(ctx, "en", big, big);
}

static void test_stopwords(void **state)
{
    (void)state;
    assert_true(px__stopwords_sorted());
#define STOP(lang, w) px_text_stopword(lang, w, strlen(w))
    assert_true(STOP("en", "the"));
    assert_true(STOP("en", "don't"));
    assert_true(STOP("en", "don\u2019t"));
    assert_true(STOP("en", "he'd"));
    assert_true(STOP("en", "it's"));
    assert_true(STOP("en", "a"));
    assert_true(STOP("en", "yourselves"));
    assert_false(STOP("en", "president"));
    assert_false(STOP("en", "The")); /* folded forms only */
    assert_false(STOP("en", "th"));
    assert_false(STOP("en", "thee"));
    assert_true(STOP("en-GB", "and"));
    assert_true(STOP("de", "und"));
    assert_true(STOP("de", "dass"));
    assert_true(STOP("de", "\u00fcber"));
    assert_false(STOP("de", "regierung"));
    assert_true(STOP("fr", "avec"));
    assert_true(STOP("fr", "\u00eatre"));
    assert_true(STOP("es", "pero"));
    assert_true(STOP("es", "tambi\u00e9n"));
    assert_true(STOP("it", "della"));
    assert_true(STOP("it", "perch\u00e9"));
    assert_true(STOP("nl", "omdat"));
    assert_true(STOP("pt", "n\u00e3o"));
    assert_true(STOP("pt", "voc\u00eas"));
    assert_false(STOP("pt", "governo"));
    assert_false(STOP("xx", "the"));
    assert_false(STOP(NULL, "the"));
    assert_false(STOP("en", ""));
    assert_true(px_text_stopword("en", "thexxxxxx", 3)); /* the length counts */
#undef STOP
}

/* The cached forms equal fold, stem and stop-word check, asked in turn, for
 * words and other tokens, across languages (the cache keys on them), the
 * first time and again (from the cache), and for a token too long to cache. */
static void test_token_forms(void **state)
{
    px_context *ctx = *state;
    char big[200];
    memset(big, 'A', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    const char *tokens[] = {"The", "Running", "H\u00e4user", "don\u2019t", "U.S.", ",", "2,000",
                            "STRASSE", "Stra\u00dfe", "", big};
    const char *langs[] = {"en", "de", "xx", NULL};
    for (int round = 0; round < 2; round++)
        for (size_t l = 0; l < sizeof langs / sizeof *langs; l++)
            for (size_t i = 0; i < sizeof tokens / sizeof *tokens; i++)
                for (int word = 0; word < 2; word++) {
                    const char *w = tokens[i];
                    px_buf fold = {0}, stem = {0};
                    px_text_fold(ctx, w, strlen(w), &fold);
                    if (word) px_text_stem(ctx, langs[l], px_buf_str(&fold), fold.len, &stem);
                    else px_buf_append(&stem, fold.data, fold.len);
                    int stop = word && px_text_stopword(langs[l], px_buf_str(&fold), fold.len);
                    px_text_forms f;
                    px_text_token_forms(ctx, langs[l], word, w, strlen(w), &f);
                    assert_int_equal(f.norm_len, fold.len);
                    assert_string_equal(f.norm, px_buf_str(&fold));
                    assert_int_equal(f.stem_len, stem.len);
                    assert_string_equal(f.stem, px_buf_str(&stem));
                    assert_int_equal(f.stop, stop);
                    px_buf_free(&fold);
                    px_buf_free(&stem);
                }
}

/* ---- language ------------------------------------------------------------------- */

/* The stop-word vote px_text_language() asks before textcat: clear cases
 * decided by it, with textcat's answer; unclear ones (too few words, two
 * languages mixed, no function words) left to textcat. */
static void test_language_vote(void **state)
{
    px_context *ctx = *state;
#define VOTE(s) px__text_language_vote(s, strlen(s))
#define BOTH(s, want)                                                                    \
    do {                                                                                 \
        assert_string_equal(px_text_language(ctx, s, strlen(s)), want);                 \
        assert_string_equal(px__text_language_textcat(ctx, s, strlen(s)), want);        \
    } while (0)
    static const char en[] =
        "The police said on Friday that the man who was shot in the parking lot of the "
        "store had been taken to a hospital, where he was in stable condition, and that "
        "they were looking for a suspect who had left the scene in a car before they "
        "arrived.";
    static const char de[] =
        "Die Polizei teilte am Freitag mit, dass der Mann, der auf dem Parkplatz des "
        "Geschäfts angeschossen worden war, in ein Krankenhaus gebracht wurde, wo er in "
        "einem stabilen Zustand sei, und dass sie nach einem Verdächtigen suche, der den "
        "Ort mit einem Auto verlassen hatte, bevor sie eintraf.";
    assert_string_equal(VOTE(en), "en");
    BOTH(en, "en");
    assert_string_equal(VOTE(de), "de");
    BOTH(de, "de");
    /* Unclear: fewer words than the vote needs. */
    static const char few[] = "The man who was shot on Friday is in stable condition, police said.";
    assert_null(VOTE(few));
    /* Unclear: two languages, neither twice the other. */
    static const char mixed[] =
        "The police said on Friday that the man was taken to a hospital. Die Polizei "
        "teilte am Freitag mit, dass der Mann in ein Krankenhaus gebracht wurde. The "
        "suspect left the scene in a car. Der Verdächtige hat den Ort mit einem Auto "
        "verlassen, bevor sie eintraf.";
    assert_null(VOTE(mixed));
    assert_string_equal(px_text_language(ctx, mixed, strlen(mixed)),
                        px__text_language_textcat(ctx, mixed, strlen(mixed)));
    /* Unclear: words enough, but hardly a function word among them. */
    static const char names[] =
        "Smith Jones Brown Taylor Wilson Davies Evans Thomas Johnson Roberts Walker Wright "
        "Robinson Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson "
        "Clarke Clark Turner Hill Scott Cooper Morris Ward Moore King Watson Baker Harrison";
    assert_null(VOTE(names));
    assert_string_equal(px_text_language(ctx, names, strlen(names)),
                        px__text_language_textcat(ctx, names, strlen(names)));
    assert_null(VOTE(""));
    assert_null(px__text_language_vote(NULL, 0));
#undef BOTH
#undef VOTE
}

static void test_language(void **state)
{
    px_context *ctx = *state;
#define LANG(s) px_text_language(ctx, s, strlen(s))
    assert_string_equal(LANG("The government said on Friday that it would not go ahead with "
                             "plans for a new fuel tax, after weeks of protests by drivers."),
                        "en");
    assert_string_equal(LANG("Die Regierung hat am Freitag erklärt, dass sie die Pläne für "
                             "eine neue Steuer auf Benzin nicht weiter verfolgen wird."),
                        "de");
    assert_string_equal(LANG("Le gouvernement a annoncé vendredi qu'il renonçait à son projet "
                             "de nouvelle taxe sur les carburants après des semaines de "
                             "manifestations."),
                        "fr");
    assert_string_equal(LANG("El gobierno anunció el viernes que no seguirá adelante con el "
                             "plan de un nuevo impuesto sobre la gasolina tras semanas de "
                             "protestas."),
                        "es");
    /* Too short, nothing but digits, empty, noise. */
    assert_string_equal(LANG("Hello world, this is short."), "und");
    assert_string_equal(LANG("12345 67890 12345 67890 12345 67890 12345 67890 12345 67890"), "und");
    assert_string_equal(LANG(""), "und");
    assert_string_equal(px_text_language(ctx, NULL, 0), "und");
    assert_string_equal(px_text_language(NULL, "text", 4), "und");
    /* The seeds. */
    size_t len;
    char *s = slurp("examples/000_0de752108fcf7d4a.txt", &len);
    assert_string_equal(px_text_language(ctx, s, len), "en");
    free(s);
#undef LANG
}

/* ---- hostile input -------------------------------------------------------------- */

/* The one set of Unicode white space and invisible characters: what
 * the HTML squeeze, the article's tidy and the quote marks all use. */
static void test_unicode_space_invisible(void **state)
{
    (void)state;
    const unsigned spaces[] = {0xA0, 0x85, 0x1680, 0x2002, 0x2009, 0x200A, 0x2028, 0x202F,
                               0x205F, 0x3000};
    for (size_t i = 0; i < sizeof spaces / sizeof *spaces; i++) {
        assert_true(px_unicode_space(spaces[i]));
        assert_false(px_unicode_invisible(spaces[i]));
    }
    const unsigned invisible[] = {0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF};
    for (size_t i = 0; i < sizeof invisible / sizeof *invisible; i++) {
        assert_true(px_unicode_invisible(invisible[i]));
        assert_false(px_unicode_space(invisible[i]));
    }
    /* ASCII is the caller's, and the C1 controls but NEL are kept */
    const unsigned text[] = {' ', 'a', 0x9B, 0xE9, 0x2013, 0x201C, 0x4E2D, 0xFFFD};
    for (size_t i = 0; i < sizeof text / sizeof *text; i++) {
        assert_false(px_unicode_space(text[i]));
        assert_false(px_unicode_invisible(text[i]));
    }
}

static void test_invalid_utf8(void **state)
{
    px_context *ctx = *state;
    static const char bad[] = "Mr.\xff Smith \xc3 went\xe2\x80 to \xf0\x9f\x98. U.S.\xed\xa0\x80 "
                              "The \xc0\xaf end\xf4\x90\x80\x80. \"Why?\xfe\" she \x80\x80 asked.";
    size_t len = sizeof bad - 1;
    for (size_t cut = 0; cut <= len; cut += 7) {
        px_spans sp = {0};
        px_words w = {0};
        px_buf b = {0};
        assert_int_equal(px_text_sentences(ctx, bad, cut, NULL, &sp, NULL), PX_OK);
        for (size_t i = 0; i < sp.len; i++) {
            assert_true(sp.items[i].start < sp.items[i].end);
            assert_true(sp.items[i].end <= cut);
        }
        assert_int_equal(px_text_words(ctx, bad, cut, &w, NULL), PX_OK);
        for (size_t i = 0; i < w.len; i++) {
            assert_true(w.items[i].start < w.items[i].end);
            assert_true(w.items[i].end <= cut);
            assert_true(i == 0 || w.items[i].start >= w.items[i - 1].end);
        }
        px_text_nfc(ctx, bad, cut, &b);
        assert_true(px_utf8_check(b.data, b.len, NULL));
        px_buf_reset(&b);
        px_text_fold(ctx, bad, cut, &b);
        assert_true(px_utf8_check(b.data, b.len, NULL));
        px_buf_reset(&b);
        px_text_stem(ctx, "en", bad, cut < 256 ? cut : 256, &b);
        (void)px_text_language(ctx, bad, cut);
        (void)px_text_stopword("en", bad, cut);
        px_buf_free(&b);
        px_vec_free(&sp);
        px_vec_free(&w);
    }
}

static void test_huge_word(void **state)
{
    px_context *ctx = *state;
    size_t n = 200000;
    char *s = px_xmalloc(n + 1);
    memset(s, 'a', n);
    s[n] = '\0';
    px_spans sp = {0};
    px_words w = {0};
    assert_int_equal(px_text_sentences(ctx, s, n, NULL, &sp, NULL), PX_OK);
    assert_int_equal(sp.len, 1);
    assert_int_equal(sp.items[0].end, n);
    assert_int_equal(px_text_words(ctx, s, n, &w, NULL), PX_OK);
    assert_int_equal(w.len, 1);
    assert_int_equal(w.items[0].end, n);
    px_buf b = {0};
    px_text_stem(ctx, "en", s, n, &b);
    assert_int_equal(b.len, n);
    px_buf_reset(&b);
    s[0] = 'A';
    px_text_fold(ctx, s, n, &b);
    assert_int_equal(b.len, n);
    assert_int_equal(b.data[0], 'a');
    assert_string_equal(px_text_language(ctx, s, n), "und");
    px_buf_free(&b);
    /* Also one huge word of ideographs (dictionary segmentation). */
    px_buf cjk = {0};
    for (int i = 0; i < 30000; i++) px_buf_puts(&cjk, "\u65e5\u672c\u8a9e");
    w.len = 0;
    assert_int_equal(px_text_words(ctx, cjk.data, cjk.len, &w, NULL), PX_OK);
    assert_true(w.len > 0);
    assert_int_equal(w.items[w.len - 1].end, cjk.len);
    px_buf_free(&cjk);
    px_vec_free(&sp);
    px_vec_free(&w);
    free(s);
}

static void test_many_initials(void **state)
{
    px_context *ctx = *state;
    px_buf b = {0};
    for (int i = 0; i < 10000; i++) {
        char t[4] = {(char)('A' + i % 26), '.', ' ', 0};
        px_buf_puts(&b, t);
    }
    px_spans sp = {0};
    px_words w = {0};
    assert_int_equal(px_text_sentences(ctx, b.data, b.len, NULL, &sp, NULL), PX_OK);
    assert_int_equal(sp.len, 1); /* initials all the way */
    assert_int_equal(px_text_words(ctx, b.data, b.len, &w, NULL), PX_OK);
    assert_int_equal(w.len, 10000 + 1); /* "A." ... "Z." and the final full stop */
    px_buf_reset(&b);
    for (int i = 0; i < 10000; i++) px_buf_puts(&b, i % 2 ? "Capital " : "U.S. The ");
    sp.len = 0;
    w.len = 0;
    assert_int_equal(px_text_sentences(ctx, b.data, b.len, NULL, &sp, NULL), PX_OK);
    assert_int_equal(sp.len, 5001); /* "U.S.", "The Capital U.S."..., "The Capital" */
    assert_int_equal(px_text_words(ctx, b.data, b.len, &w, NULL), PX_OK);
    assert_int_equal(w.len, 15000);
    px_vec_free(&sp);
    px_vec_free(&w);
    px_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_context),
        cmocka_unit_test(test_sentences_abbreviations),
        cmocka_unit_test(test_sentences_quotes),
        cmocka_unit_test(test_sentences_lines_and_space),
        cmocka_unit_test(test_sentences_other_languages),
        cmocka_unit_test(test_sentences_utf16_offsets),
        cmocka_unit_test(test_sentences_seed_000),
        cmocka_unit_test(test_sentences_seed_001),
        cmocka_unit_test(test_words_merges),
        cmocka_unit_test(test_words_offsets),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_nfc_fold_long),
        cmocka_unit_test(test_stem),
        cmocka_unit_test(test_stopwords),
        cmocka_unit_test(test_token_forms),
        cmocka_unit_test(test_language),
        cmocka_unit_test(test_language_vote),
        cmocka_unit_test(test_unicode_space_invisible),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_huge_word),
        cmocka_unit_test(test_many_initials),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
