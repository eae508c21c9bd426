/*
 * similarity.c — `parallax similarity A B`: how likely two articles report
 * the same event (lib/story/pair.h), and the evidence: the shared words,
 * names, places and numbers that weighed most, and how many days apart.
 */
#include <stdio.h>

#include "cli.h"
#include "render/term.h"
#include "story/pair.h"

static const char usage[] =
    "usage: parallax similarity [--json] [--format FORMAT] A B\n"
    "\n"
    "Reads two articles (two files, or one input holding two) and prints how\n"
    "likely they report the same event, from 0 to 1, with the evidence: the\n"
    "parts (shared content words, entities, quotations, closeness of their\n"
    "days, the leads' words: title and first two sentences, and the share of\n"
    "3-word phrases of content words in common) and the shared words, names,\n"
    "places and numbers that weighed most, rare ones most (by the document\n"
    "frequencies parallax ships).  A part that cannot be measured (no quotes,\n"
    "no date) is shown as \"-\".\n"
    "\n"
    "  -j, --json           print one JSON object: a, b, score, terms, entities,\n"
    "                       quotes, dates, lead, phrases (null where not\n"
    "                       measured), days_apart (null when undated), words,\n"
    "                       names, places, numbers\n"
    "                       (each a list of {text, weight}, heaviest first)\n"
    "  -f, --format FORMAT  read inputs as text, html, jsonl, feed or warc (a web\n"
    "                       archive; default: auto)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 compared, 1 an input failed or there were not two\n"
    "articles, 2 usage error.\n";

static void part(const char *name, double v, int json)
{
    if (json) {
        if (v < 0) printf(",\"%s\":null", name);
        else printf(",\"%s\":%.3f", name, v);
    } else {
        if (v < 0) printf("  %-9s -\n", name);
        else printf("  %-9s %.3f\n", name, v);
    }
}

static void json_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') printf("\\%c", *s);
        else if ((unsigned char)*s < 0x20) printf("\\u%04x", *s);
        else putchar(*s);
    }
    putchar('"');
}

#define EVIDENCE_MAX 8

static const char *const kind_names[] = {"words", "names", "places", "numbers"};

/* The evidence of one kind: as a JSON list, or a line "  words  a, b". */
static void evidence(const px_evidences *ev, px_evidence_kind kind, const px_article *a,
                     const px_analysis *an, int json)
{
    px_buf scratch = {0};
    int n = 0;
    if (json) printf(",\"%s\":[", kind_names[kind]);
    for (size_t i = 0; i < ev->len; i++) {
        if (ev->items[i].kind != kind) continue;
        const char *text = px_pair_key_text(a, an, ev->items[i].key, kind, &scratch);
        if (!text) continue;
        if (json) {
            printf("%s{\"text\":", n ? "," : "");
            json_string(text);
            printf(",\"weight\":%.3f}", ev->items[i].weight);
        } else {
            printf(n ? ", " : "  %-9s ", kind_names[kind]);
            px_term_fputs(text, stdout);
        }
        n++;
    }
    if (json) putchar(']');
    else if (n) putchar('\n');
    px_buf_free(&scratch);
}

int cmd_similarity(int argc, char **argv)
{
    cli_options opt = {0};
    cli_corpus c;
    int status = 0;
    int code = cli_load(argc, argv, usage, &opt, &c, &status);
    if (code >= 0) return code;
    if (c.count != 2) {
        if (!status) cli_error("similarity compares two articles; the inputs hold %zu", c.count);
        cli_corpus_free(&c);
        return EXIT_INPUT;
    }
    px_similarity sim;
    px_doc da, db;
    px_doc_build(&da, c.ctx, c.articles[0], c.analyses[0]);
    px_doc_build(&db, c.ctx, c.articles[1], c.analyses[1]);
    px_doc_phrases(&da, c.analyses[0]);
    px_doc_phrases(&db, c.analyses[1]);
    double x[PX_PAIR_NFEATURES];
    px_pair_similarity(&da, &db, &sim, x);
    px_evidences ev = {0};
    px_pair_evidence(&da, &db, EVIDENCE_MAX, &ev);
    px_day_count ba[PX_DOC_DAYS + 1], bb[PX_DOC_DAYS + 1];
    px_when wa = px_doc_when(&da, ba), wb = px_doc_when(&db, bb);
    int gap = px_when_gap(&wa, &wb, 0);
    const char *a = px_article_id(c.articles[0]), *b = px_article_id(c.articles[1]);
    if (opt.json) {
        fputs("{\"a\":", stdout);
        json_string(a);
        fputs(",\"b\":", stdout);
        json_string(b);
        printf(",\"score\":%.3f", sim.score);
    } else {
        px_term_fputs(a, stdout); /* the inputs' ids, escaped for a terminal */
        putchar('\n');
        px_term_fputs(b, stdout);
        printf("\nsimilarity %.3f\n", sim.score);
    }
    part("terms", sim.terms, opt.json);
    part("entities", sim.entities, opt.json);
    part("quotes", sim.quotes, opt.json);
    part("dates", sim.dates, opt.json);
    part("lead", x[PX_PAIR_LEAD], opt.json);
    part("phrases", da.phrases.len && db.phrases.len ? x[PX_PAIR_PHRASES] : -1, opt.json);
    if (opt.json) {
        if (gap < 0) fputs(",\"days_apart\":null", stdout);
        else printf(",\"days_apart\":%d", gap);
    } else if (gap >= 0) {
        printf("  days apart %d\n", gap);
    }
    if (!opt.json && ev.len) puts("shared, heaviest first:");
    for (int k = PX_EVIDENCE_WORD; k <= PX_EVIDENCE_NUMBER; k++)
        evidence(&ev, (px_evidence_kind)k, c.articles[0], c.analyses[0], opt.json);
    if (opt.json) puts("}");
    px_vec_free(&ev);
    px_doc_free(&da);
    px_doc_free(&db);
    cli_corpus_free(&c);
    return status;
}
