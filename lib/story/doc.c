/*
 * doc.c — building an article's grouping view (doc.h).
 *
 * Proper names are found from capitalisation, which every outlet and the
 * tokenised ECB+ text keep: a word is a name when case folding changes its
 * first letter, it is not a stop word, and it does not open its sentence.
 * Sentences that are mostly capitalised (headlines, "MUST SEE : ...") say
 * nothing that way and are skipped.  This needs no entity finder, and the
 * entity names the analysis finds are added on top, so grouping improves
 * as the analysis does without depending on it.
 *
 * Titles: the " - Outlet" or " | Outlet" tail many titles carry is cut off
 * (it would tie together unrelated articles of one outlet): always when it
 * is the shorter part, and when it is the longer one unless the body
 * repeats half its words (add_tail: a local station's tail, "- KSLA News
 * 12 Shreveport, Louisiana News Weather & Sports", outweighs a short
 * headline and made real bodies look like scraped pages).
 */
#include <math.h>
#include <string.h>

#include "story/doc.h"

uint64_t px_name_key(const char *s, size_t n)
{
    return px_fold_hash(s, n) ^ PX_KEY_NAME;
}

/* Digits only, so "2,000" and "2000" meet; NULL key (0) below two digits. */
uint64_t px_number_key(const char *s, size_t n)
{
    char digits[32];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof digits; i++)
        if (s[i] >= '0' && s[i] <= '9') digits[k++] = s[i];
    while (k > 1 && digits[0] == '0') memmove(digits, digits + 1, --k);
    if (k < 2) return 0;
    return px_hash(digits, k) ^ PX_KEY_NUMBER;
}

static void add(px_features *f, uint64_t key, float tf)
{
    px_feature x = {key, tf, 0};
    px_vec_push(f, x);
}

/* 1 when folding changed the first character: the word is capitalised. */
static int capitalised(const char *orig, const char *norm)
{
    unsigned char c = (unsigned char)orig[0];
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    size_t n = 1;
    while ((orig[n] & 0xC0) == 0x80) n++;
    return strncmp(orig, norm, n) != 0;
}

/* 1 when [start, end) of sentence s is inside a date expression ("Monday",
 * "Nov. 7"): a month or a weekday is no name, and every article has one. */
static int in_date(const px_analysis *an, size_t s, size_t start, size_t end)
{
    for (size_t i = 0; i < an->dates.len; i++) {
        const px_date_mention *m = &an->dates.items[i];
        if (m->sentence == s && m->start <= start && end <= m->end) return 1;
    }
    return 0;
}

/* A number written as a year, 1900-2099 ("2013"), into d->years. */
static void add_year(px_doc *d, const char *s, size_t n)
{
    if (n != 4 || !((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0'))) return;
    if (s[2] < '0' || s[2] > '9' || s[3] < '0' || s[3] > '9') return;
    px_vec_push(&d->years, (uint64_t)((s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0')));
}

/* Names and numbers of the body, sentence by sentence. */
static void add_body_specifics(px_doc *d, const px_article *a, const px_analysis *an)
{
    size_t i = 0;
    while (i < an->tokens.len) {
        size_t s = an->tokens.items[i].sentence, end = i;
        size_t words = 0, caps = 0;
        const char *text = a->sentences.items[s].text;
        while (end < an->tokens.len && an->tokens.items[end].sentence == s) {
            const px_token *t = &an->tokens.items[end++];
            if (t->kind != PX_TOKEN_WORD) continue;
            words++;
            caps += capitalised(text + t->start, t->norm);
        }
        int headline = words >= 4 && caps * 2 > words;
        int first = 1;
        for (; i < end; i++) {
            const px_token *t = &an->tokens.items[i];
            if (t->kind == PX_TOKEN_NUMBER) {
                uint64_t k = px_number_key(text + t->start, t->end - t->start);
                if (k) {
                    add(&d->specifics, k, 1);
                    px_vec_push(&d->numbers, k);
                    add_year(d, text + t->start, t->end - t->start);
                }
                continue;
            }
            if (t->kind != PX_TOKEN_WORD) continue;
            int was_first = first;
            first = 0;
            if (was_first || headline || t->stop || !capitalised(text + t->start, t->norm) ||
                in_date(an, s, t->start, t->end))
                continue;
            add(&d->specifics, px_name_key(t->norm, strlen(t->norm)), 1);
        }
    }
}

static void add_entities(px_doc *d, const px_analysis *an)
{
    for (size_t i = 0; i < an->entities.len; i++) {
        const px_entity *e = &an->entities.items[i].pub;
        /* once, however often mentioned: its capitalised words are counted
         * already, and pronoun and role mentions would let one long
         * profile outweigh the names that tell events apart */
        add(&d->specifics, px_name_key(e->name, strlen(e->name)), 1);
    }
}

/* Where the title's last " - " / " | " part starts (tail), and the length
 * of what comes before it; len and *tail are the title's length when
 * there is none. */
static size_t title_head(const char *t, size_t *tail)
{
    size_t n = strlen(t);
    *tail = n;
    for (size_t i = n; i-- > 2;) {
        if ((t[i] == '-' || t[i] == '|') && t[i - 1] == ' ' && i + 1 < n && t[i + 1] == ' ') {
            *tail = i + 2;
            return i - 1;
        }
    }
    return n;
}

/* The content words and names of title[from, to). */
static void add_title(px_features *terms, px_features *specifics, px_context *ctx,
                      const px_article *a, size_t from, size_t to)
{
    const char *title = a->title + from;
    size_t len = to - from;
    px_words words = {0};
    px_buf fold = {0}, stem = {0};
    if (px_text_words(ctx, title, len, &words, NULL) == PX_OK) {
        size_t nwords = 0, caps = 0;
        for (size_t i = 0; i < words.len; i++) {
            if (words.items[i].kind != PX_TOKEN_WORD) continue;
            nwords++;
            unsigned char c = (unsigned char)title[words.items[i].start];
            caps += c >= 'A' && c <= 'Z';
        }
        int headline = nwords >= 4 && caps * 2 > nwords;
        int first = 1;
        for (size_t i = 0; i < words.len; i++) {
            px_word w = words.items[i];
            const char *s = title + w.start;
            size_t n = w.end - w.start;
            if (w.kind == PX_TOKEN_NUMBER) {
                uint64_t k = px_number_key(s, n);
                if (k) add(specifics, k, 1);
                continue;
            }
            if (w.kind != PX_TOKEN_WORD) continue;
            px_buf_reset(&fold);
            px_text_fold(ctx, s, n, &fold);
            int was_first = first;
            first = 0;
            if (px_text_stopword(a->language, px_buf_str(&fold), fold.len)) continue;
            px_buf_reset(&stem);
            px_text_stem(ctx, a->language, px_buf_str(&fold), fold.len, &stem);
            if (stem.len >= 2) add(terms, px_hash(px_buf_str(&stem), stem.len), 2);
            if (!was_first && !headline && capitalised(s, px_buf_str(&fold)))
                add(specifics, px_name_key(px_buf_str(&fold), fold.len), 1);
        }
    }
    px_vec_free(&words);
    px_buf_free(&fold);
    px_buf_free(&stem);
}

/* 1 when the body holds under a third of the title's content words (of
 * three or more): the page around the article was scraped, not the
 * article, so only the title can say what it reports. */
static int body_is_not_the_article(const px_features *body, const px_features *title)
{
    if (title->len < 3) return 0;
    size_t found = 0, i = 0, j = 0;
    while (i < body->len && j < title->len) {
        if (body->items[i].key == title->items[j].key) found++, i++, j++;
        else if (body->items[i].key < title->items[j].key) i++;
        else j++;
    }
    return found * 3 < title->len;
}

static void append(px_features *to, const px_features *from)
{
    for (size_t i = 0; i < from->len; i++) px_vec_push(to, from->items[i]);
}

/*
 * A title's " - ..." / " | ..." tail longer than its head: part of the
 * headline ("Shooting - Police say three dead in ..."), or the outlet and
 * its slogan ("... - KSLA News 12 Shreveport, Louisiana News Weather &
 * Sports"), which the body never repeats.  Kept when the body holds at
 * least half its content words.  An outlet's tail kept would tie
 * together that outlet's unrelated articles, and would make a real body
 * look like a scraped page (body_is_not_the_article).
 */
static void add_tail(const px_doc *d, px_context *ctx, const px_article *a, size_t from, size_t to,
                     px_features *terms, px_features *specifics)
{
    px_features t = {0}, s = {0};
    add_title(&t, &s, ctx, a, from, to);
    px_features_merge(&t);
    size_t found = 0, i = 0, j = 0;
    while (i < d->p.terms.len && j < t.len) {
        if (d->p.terms.items[i].key == t.items[j].key) found++, i++, j++;
        else if (d->p.terms.items[i].key < t.items[j].key) i++;
        else j++;
    }
    if (found * 2 >= t.len) {
        append(terms, &t);
        append(specifics, &s);
    }
    px_vec_free(&t);
    px_vec_free(&s);
}

/* The keys of the place names of the analysis and of their words. */
static void add_places(px_doc *d, const px_analysis *an)
{
    for (size_t i = 0; i < an->entities.len; i++) {
        const px_entity *e = &an->entities.items[i].pub;
        if (e->type != PX_ENTITY_PLACE) continue;
        px_vec_push(&d->places, px_name_key(e->name, strlen(e->name)));
        for (const char *w = e->name; *w;) {
            size_t n = strcspn(w, " ");
            if (n) px_vec_push(&d->places, px_name_key(w, n));
            w += n;
            w += strspn(w, " ");
        }
    }
    px_keys_unique(&d->places);
}

/* The lead: the title's content words (once each) and the content words
 * and numbers of the body's first PX_DOC_LEAD sentences (none when the
 * body is not the article).  With numbers the lead tells one event from
 * another of its kind better (ECB+ same-topic pairs, ROC-AUC of the lead
 * cosine alone .826 without, .847 with). */
static void add_lead(px_doc *d, const px_features *title, const px_analysis *an, int junk)
{
    for (size_t i = 0; i < title->len; i++) add(&d->lead, title->items[i].key, 1);
    for (size_t i = 0; !junk && i < an->tokens.len && an->tokens.items[i].sentence < PX_DOC_LEAD; i++) {
        const px_token *t = &an->tokens.items[i];
        size_t n = strlen(t->stem);
        if (t->kind == PX_TOKEN_WORD && !t->stop && n >= 2) add(&d->lead, px_hash(t->stem, n), 1);
        else if (t->kind == PX_TOKEN_NUMBER) {
            uint64_t k = px_number_key(t->norm, strlen(t->norm));
            if (k) add(&d->lead, k, 1);
        }
    }
    px_features_merge(&d->lead);
}

void px_doc_phrases(px_doc *d, const px_analysis *an)
{
    uint64_t w[3] = {0, 0, 0};
    size_t seen = 0;
    d->phrases.len = 0;
    for (size_t i = 0; i < an->tokens.len; i++) {
        const px_token *t = &an->tokens.items[i];
        const char *s = t->kind == PX_TOKEN_NUMBER ? t->norm : t->stem;
        if (t->kind == PX_TOKEN_WORD ? t->stop || strlen(s) < 2 : t->kind != PX_TOKEN_NUMBER) continue;
        w[0] = w[1], w[1] = w[2], w[2] = px_hash(s, strlen(s));
        if (++seen >= 3) px_vec_push(&d->phrases, (w[0] * 31 + w[1]) * 31 + w[2]);
    }
    px_keys_unique(&d->phrases);
}

void px_doc_build(px_doc *d, px_context *ctx, const px_article *a, const px_analysis *an)
{
    memset(d, 0, sizeof *d);
    px_profile_build(&d->p, a, an, NULL);
    px_features title_terms = {0}, title_specifics = {0};
    if (a->title) {
        size_t tail, head = title_head(a->title, &tail), n = strlen(a->title);
        add_title(&title_terms, &title_specifics, ctx, a, 0, head);
        if (tail < n && n - tail > head) add_tail(d, ctx, a, tail, n, &title_terms, &title_specifics);
    }
    px_features_merge(&title_terms);
    int junk = body_is_not_the_article(&d->p.terms, &title_terms);
    add_lead(d, &title_terms, an, junk);
    if (junk) d->p.terms.len = 0;
    append(&d->p.terms, &title_terms);
    px_features_merge(&d->p.terms);
    if (!junk) {
        add_body_specifics(d, a, an);
        add_entities(d, an);
    }
    append(&d->specifics, &title_specifics);
    px_features_merge(&d->specifics);
    px_vec_free(&title_terms);
    px_vec_free(&title_specifics);
    d->fingerprint = d->p.fingerprint;
    add_places(d, an);
    px_keys_unique(&d->numbers);
    px_keys_unique(&d->years);
    /* Named days only for a dated article with its own body: without a
     * publication day nothing relative resolves and what is left are
     * mostly days of history (ECB+, undated, groups worse with them); a
     * page of other news names the days of other news. */
    if (!junk && d->p.day != PX_NO_DAY) d->nnamed = px_named_days(an, d->named, PX_DOC_DAYS);
    px_doc_weigh(d, NULL, 1, 1);
}

void px_doc_keys(const px_doc *d, px_keys *out)
{
    for (size_t i = 0; i < d->p.terms.len; i++) px_vec_push(out, d->p.terms.items[i].key);
    for (size_t i = 0; i < d->specifics.len; i++) px_vec_push(out, d->specifics.items[i].key);
}

/* How many document counts weigh() remembers idf^power for. */
#define MEMO_COUNTS 64

/* idf^power depends on a key only through its document count, and most of
 * an article's keys are rare (counts of a few units), so it is computed
 * once per count under MEMO_COUNTS: pow() and log() were most of
 * weighing.  Without counts (no df yet) idf is 1, and so is 1^power
 * (C11 7.12.7.4), so pow() is not called at all.  A tf of 1 (most keys)
 * has log 0.  Every value is the one computed in full. */
static void weigh(px_features *f, const px_df *df, double power)
{
    double memo[MEMO_COUNTS];
    uint64_t have = 0; /* bit n: memo[n] is set */
    int counted = df && df->docs;
    double norm = 0;
    for (size_t i = 0; i < f->len; i++) {
        double idf_power = 1.0;
        if (counted) {
            uint32_t n = px_df_count(df, f->items[i].key);
            if (n >= MEMO_COUNTS) {
                idf_power = pow(px_df_idf_of(df, n), power);
            } else {
                if (!(have >> n & 1)) memo[n] = pow(px_df_idf_of(df, n), power), have |= 1ULL << n;
                idf_power = memo[n];
            }
        }
        float tf = f->items[i].tf;
        double w = (tf == 1.0f ? 1.0 : 1.0 + log(tf)) * idf_power;
        f->items[i].weight = (float)w;
        norm += w * w;
    }
    norm = sqrt(norm);
    for (size_t i = 0; norm > 0 && i < f->len; i++) f->items[i].weight = (float)(f->items[i].weight / norm);
}

void px_doc_weigh(px_doc *d, const px_df *df, double terms_power, double specifics_power)
{
    weigh(&d->p.terms, df, terms_power);
    weigh(&d->specifics, df, specifics_power);
    weigh(&d->lead, df, terms_power);
}

px_when px_doc_when(const px_doc *d, px_day_count *buf)
{
    return px_when_of(d->p.day, d->named, d->nnamed, buf);
}

void px_doc_free(px_doc *d)
{
    px_profile_free(&d->p);
    px_vec_free(&d->specifics);
    px_vec_free(&d->places);
    px_vec_free(&d->numbers);
    px_vec_free(&d->years);
    px_vec_free(&d->lead);
    px_vec_free(&d->phrases);
}
