/*
 * quote.c — finds the direct quotations of an article (px_find_quotes).
 *
 * One pass over the paragraphs with a small state machine: closed, or open
 * with the mark that opened.  A mark opens when its character and context
 * allow it (quote_marks.c); while open, only a mark that pairs with the
 * opener closes, so «…» inside “…” or an apostrophe never confuses it.
 * Slips are common in real prose, and each has one rule:
 *
 *  - a second opener of the same kind while open, in opening context:
 *    a quote within the quote (“... “f bomb.””): its closer does not end
 *    the outer quote;
 *  - a closer while closed: stray, ignored (unless it continues a quote
 *    from the previous paragraph, below);
 *  - a doubled opener (""We ...) counts once;
 *  - a hinge, one mark glued between a sentence's end and a letter
 *    (`in 2011."I can't`): closes the open quote and opens the next.
 *
 * Across paragraphs, the news convention: a quote still open at the end of
 * a paragraph goes on if the next paragraph starts with an opening mark
 * (which is then not a new quote), or if the next paragraph's first mark
 * closes it (a block quote without the continuation mark).  Otherwise it
 * ends with its paragraph, as an unclosed quote.  Paragraph pieces of one
 * quote are joined with a space.
 *
 * Sentences come from the article (a->sentences, each with its paragraph
 * and span); a quote records the sentence of its opening mark and of its
 * end.  Once all quotes are found, speaker.c attributes them in text order,
 * so a quote can inherit from the one before it.  Linear in the text.
 * px_find_quote_spans() stops before the speakers: the texts are all that
 * story grouping reads (px_analyze_light()).
 */
#include <string.h>

#include "analyze/quote.h"

typedef struct qstate {
    int open;
    unsigned opener;
    size_t p0, at;    /* paragraph and offset of the opening mark */
    size_t content;   /* where the current paragraph's piece starts */
    size_t words;     /* where its words start in paragraph p0 */
    int nested;       /* 1 inside a quote within the quote, written with the same mark */
    px_buf text;      /* the pieces of earlier paragraphs */
} qstate;

typedef struct qfound {
    PX_VEC(px_qextra) extra; /* per quote */
} qfound;

/* The sentence holding byte off of paragraph p, or (size_t)-1. */
static size_t sentence_at(const px_article *a, size_t p, size_t off)
{
    size_t lo = 0, hi = a->sentences.len; /* first sentence after (p, off) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const px_sentence *s = &a->sentences.items[mid];
        if (s->paragraph < p || (s->paragraph == p && s->start <= off)) lo = mid + 1;
        else hi = mid;
    }
    if (lo > 0 && a->sentences.items[lo - 1].paragraph == p) return lo - 1;
    if (lo < a->sentences.len && a->sentences.items[lo].paragraph == p) return lo;
    return (size_t)-1;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\n' || **s == '\t')) (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\n' || (*s)[*n - 1] == '\t')) (*n)--;
}

/* Ends the open quote at byte end of paragraph p1 (the closing mark's
 * start, or the paragraph's end when unclosed) and records it. */
static void emit(const px_article *a, px_analysis *an, qfound *f, qstate *st, size_t p1,
                 size_t end, size_t mark_len, int closed)
{
    const char *para = a->paragraphs.items[p1];
    px_buf_append(&st->text, para + st->content, end - st->content);
    const char *t = px_buf_str(&st->text);
    size_t n = st->text.len;
    trim(&t, &n);
    if (n && t[n - 1] == ',') n--; /* "...," he said: the comma stands for a period */
    trim(&t, &n);
    size_t s0 = sentence_at(a, st->p0, st->at);
    size_t s1 = sentence_at(a, p1, closed || end == 0 ? end : end - 1);
    /* A mark the splitter left at the end of the sentence before (a hinge,
     * `2011."|I can't`): the quote starts with its words' sentence. */
    size_t words = sentence_at(a, st->p0, st->words), start = 0;
    if (words != (size_t)-1 && s0 != (size_t)-1 && words > s0 && words <= s1) s0 = words;
    else if (s0 != (size_t)-1) start = st->at - a->sentences.items[s0].start;
    if (n > 0 && s0 != (size_t)-1 && s1 != (size_t)-1) {
        px_quote q = {.text = px_arena_strndup(&an->arena, t, n),
                      .sentence = s0,
                      .sentence_last = s1,
                      .start = start,
                      .speaker = -1};
        px_vec_push(&an->quotes, q);
        px_qextra x = {closed ? end + mark_len - a->sentences.items[s1].start : (size_t)-1,
                       (size_t)-1};
        px_vec_push(&f->extra, x);
    }
    st->open = 0;
    px_buf_reset(&st->text);
}

static void open_at(qstate *st, size_t p, const px_qmark *m)
{
    st->open = 1;
    st->nested = 0;
    st->opener = m->cp;
    st->p0 = p;
    st->at = m->at;
    st->content = st->words = m->at + m->len;
    px_buf_reset(&st->text);
}

/* A closing mark: of the inner quote when there is one, else of the quote. */
static void close_at(const px_article *a, px_analysis *an, qfound *f, qstate *st, size_t p,
                     const px_qmark *m)
{
    if (st->nested) st->nested = 0;
    else emit(a, an, f, st, p, m->at, m->len, 1);
}

/* One mark of paragraph p, in the state machine described at the top. */
static void on_mark(const px_article *a, px_analysis *an, qfound *f, qstate *st, size_t p,
                    const px_qmark *m)
{
    if (m->hinge && (st->open || px_qmark_opener(m->cp))) { /* `2011."I can't`: close, open */
        if (st->open) emit(a, an, f, st, p, m->at, m->len, 1);
        open_at(st, p, m);
        return;
    }
    if (!st->open) {
        int opens = px_qmark_opener(m->cp) ? (m->may_open || !m->may_close)
                                           : (m->may_open && !m->may_close);
        if (opens) open_at(st, p, m);
        return;
    }
    if (p == st->p0 && m->at == st->content && m->cp == st->opener) { /* ""doubled */
        st->content += m->len;
        return;
    }
    int pairs = px_qmark_closes(st->opener, m->cp);
    int open_ctx = m->may_open && !m->may_close, close_ctx = m->may_close && !m->may_open;
    if (m->cp == st->opener && m->cp != '"') { /* “…“ slips, Swedish ”…” */
        if (close_ctx || (pairs && !open_ctx)) close_at(a, an, f, st, p, m);
        else if (open_ctx) st->nested = 1; /* “... “inner” ...” */
    } else if (pairs) {
        close_at(a, an, f, st, p, m);
    }
}

/* Decides what a quote left open by the previous paragraph does in p,
 * whose first mark is *first (NULL when it has none).  Returns where the
 * scan of p starts. */
static size_t carry_over(const px_article *a, px_analysis *an, qfound *f, qstate *st, size_t p,
                         const px_qmark *first)
{
    size_t prev = p - 1;
    const char *pp = a->paragraphs.items[prev];
    if (first && first->at == 0 && first->may_open && px_qmark_opener(first->cp)) {
        px_buf_append(&st->text, pp + st->content, strlen(pp) - st->content);
        px_buf_putc(&st->text, ' ');
        st->content = first->len;
        return first->len; /* the continuation mark: not a new quote */
    }
    if (first && px_qmark_closes(st->opener, first->cp) && first->may_close) {
        px_buf_append(&st->text, pp + st->content, strlen(pp) - st->content);
        px_buf_putc(&st->text, ' ');
        st->content = 0;
        return 0;
    }
    emit(a, an, f, st, prev, strlen(pp), 0, 0);
    return 0;
}

static int next_mark(const char *s, size_t len, size_t i, px_qmark *m)
{
    for (; i < len; i++)
        if (px_qmark_lead((unsigned char)s[i]) && px_qmark_at(s, len, i, m)) return 1;
    return 0;
}

static void scan_paragraph(const px_article *a, px_analysis *an, qfound *f, qstate *st, size_t p)
{
    const char *s = a->paragraphs.items[p];
    size_t len = strlen(s);
    px_qmark m;
    int have = next_mark(s, len, 0, &m);
    size_t i = 0;
    if (st->open) i = carry_over(a, an, f, st, p, have ? &m : NULL);
    if (have && m.at < i) have = next_mark(s, len, i, &m);
    while (have) {
        on_mark(a, an, f, st, p, &m);
        have = next_mark(s, len, m.at + m.len, &m);
    }
    st->nested = 0;
}

/* The spans; then the speakers unless spans_only. */
static void find(const px_article *a, px_analysis *an, int spans_only)
{
    qstate st = {0};
    qfound f = {0};
    for (size_t p = 0; p < a->paragraphs.len; p++) scan_paragraph(a, an, &f, &st, p);
    if (st.open) {
        size_t last = a->paragraphs.len - 1;
        emit(a, an, &f, &st, last, strlen(a->paragraphs.items[last]), 0, 0);
    }
    for (size_t i = 0; i < an->quotes.len && !spans_only; i++) px_speaker_find(a, an, i, f.extra.items);
    px_buf_free(&st.text);
    px_vec_free(&f.extra);
}

px_status px_find_quotes(px_context *ctx, const px_article *a, px_analysis *an, px_error *err)
{
    (void)ctx, (void)err;
    find(a, an, 0);
    return PX_OK;
}

px_status px_find_quote_spans(px_context *ctx, const px_article *a, px_analysis *an,
                              px_error *err)
{
    (void)ctx, (void)err;
    find(a, an, 1);
    return PX_OK;
}
