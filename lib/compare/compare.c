/*
 * compare.c — px_compare(): the stages of compare.h in order, and freeing.
 *
 * Labels name each article in reports: its outlet, else the wire of its
 * dateline (a "(UPI)" story is UPI's own), else the outlet its text names
 * as itself (self_outlet.c), else its id shortened to the
 * file name without folders and extension; a file name that is a hash
 * ("000_0de752108fcf7d4a") becomes "article 1 (000_0de7…)", its place in
 * the input and the start of the name; a label used twice gets " #2".
 */
#include <stdint.h>
#include <string.h>

#include "compare/compare.h"
#include "story/similarity.h"

/* 1 when s holds a run of 8 or more hex digits with a digit among them:
 * a hash or a generated id, which says nothing to a reader. */
static int hash_like(const char *s)
{
    size_t run = 0;
    int digit = 0;
    for (; *s; s++) {
        int hex = (*s >= '0' && *s <= '9') || ((*s | 32) >= 'a' && (*s | 32) <= 'f');
        run = hex ? run + 1 : 0;
        digit = hex ? digit || (*s >= '0' && *s <= '9') : 0;
        if (run >= 8 && digit) return 1;
    }
    return 0;
}

static const char *base_label(px_comparison *c, size_t i)
{
    const px_article *a = c->articles[i];
    if (a->outlet) return a->outlet;
    if (a->wire) return a->wire;
    const char *self = px_compare_self_outlet(c, a);
    if (self) return self;
    const char *id = a->id ? a->id : "article";
    const char *slash = strrchr(id, '/');
    if (slash && slash[1]) id = slash + 1;
    const char *dot = strrchr(id, '.');
    size_t n = dot && dot != id ? (size_t)(dot - id) : strlen(id);
    char *name = px_arena_strndup(&c->arena, id, n);
    if (!hash_like(name)) return name;
    size_t m = n + 40; /* "article 3 (000_0de7…)": a number a reader can use */
    char *s = px_arena_alloc(&c->arena, m);
    snprintf(s, m, "article %zu (%.8s\xe2\x80\xa6)", i + 1, name);
    return s;
}

static void make_labels(px_comparison *c)
{
    c->labels = px_arena_alloc(&c->arena, c->n * sizeof *c->labels);
    for (size_t i = 0; i < c->n; i++) {
        const char *l = base_label(c, i);
        size_t same = 1;
        for (size_t j = 0; j < i; j++)
            if (strncmp(c->labels[j], l, strlen(l)) == 0 &&
                (c->labels[j][strlen(l)] == '\0' || c->labels[j][strlen(l)] == ' '))
                same++;
        if (same > 1) {
            size_t n = strlen(l) + 24;
            char *s = px_arena_alloc(&c->arena, n);
            snprintf(s, n, "%s #%zu", l, same);
            l = s;
        }
        c->labels[i] = l;
    }
}

/* The articles of the sample (see PX_SIMILARITY_MAX): those whose id (then
 * title, then date) hashes lowest, so the sample does not depend on input
 * order; returned ascending. */
static int cmp_index(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

static void choose_sample(px_comparison *c)
{
    px_posting *k = px_xmalloc(c->n * sizeof *k); /* (hash, article) */
    for (size_t i = 0; i < c->n; i++) {
        const px_article *a = c->articles[i];
        const char *parts[] = {a->id, a->title, a->date};
        uint64_t h = 0;
        for (size_t p = 0; p < 3; p++)
            if (parts[p]) h = h * 1099511628211ULL ^ px_hash(parts[p], strlen(parts[p]));
        k[i] = (px_posting){h, i};
    }
    qsort(k, c->n, sizeof *k, px_posting_cmp);
    c->sample_len = PX_SIMILARITY_MAX;
    c->sample = px_arena_alloc(&c->arena, c->sample_len * sizeof *c->sample);
    for (size_t i = 0; i < c->sample_len; i++) c->sample[i] = k[i].ref;
    qsort(c->sample, c->sample_len, sizeof *c->sample, cmp_index);
    free(k);
}

/* The similarity matrix of the articles at[0..m) (all, when at is NULL). */
static px_similarity *matrix(px_comparison *c, const size_t *at, size_t m)
{
    px_similarity *s = px_arena_alloc(&c->arena, m * m * sizeof *s);
    for (size_t i = 0; i < m; i++) {
        s[i * m + i] = (px_similarity){1, 1, 1, 1, 1};
        for (size_t j = i + 1; j < m; j++) {
            px_profile_similarity(&c->profiles[at ? at[i] : i], &c->profiles[at ? at[j] : j], &s[i * m + j]);
            s[j * m + i] = s[i * m + j];
        }
    }
    return s;
}

static void similarities(px_comparison *c)
{
    px_profile *p = c->profiles = px_xcalloc(c->n, sizeof *p);
    for (size_t i = 0; i < c->n; i++) px_profile_build(&p[i], c->articles[i], c->analyses[i], NULL);
    if (c->n <= PX_SIMILARITY_MAX) {
        c->similarity = matrix(c, NULL, c->n);
        return;
    }
    choose_sample(c);
    c->sample_similarity = matrix(c, c->sample, c->sample_len);
}

px_status px_compare(px_context *ctx, px_article *const *articles,
                     px_analysis *const *analyses, size_t n, px_comparison **out,
                     px_error *err)
{
    (void)ctx;
    if (!out) return px_error_set(err, PX_EUSAGE, "px_compare", 0, 0, "out is NULL");
    *out = NULL;
    if (!articles || !analyses)
        return px_error_set(err, PX_EUSAGE, "px_compare", 0, 0, "NULL argument");
    if (n < 1)
        return px_error_set(err, PX_EUSAGE, "px_compare", 0, 0,
                            "a comparison needs at least one article, got %zu", n);
    if (n > UINT32_MAX) /* alignment keeps article indexes in 32 bits */
        return px_error_set(err, PX_EUSAGE, "px_compare", 0, 0, "too many articles: %zu", n);
    for (size_t i = 0; i < n; i++)
        if (!articles[i] || !analyses[i])
            return px_error_set(err, PX_EUSAGE, "px_compare", 0, 0, "article %zu is NULL", i);
    px_comparison *c = px_xcalloc(1, sizeof *c);
    c->articles = articles;
    c->analyses = analyses;
    c->n = n;
    make_labels(c);
    similarities(c);
    px_compare_sources(c);
    px_compare_entities(c);
    px_compare_claims(c);
    px_compare_align(c);
    px_compare_quotes(c);
    px_compare_slots(c);
    px_compare_judge(c);
    px_compare_names(c);
    px_compare_sort_conflicts(c);
    px_compare_disputes(c);
    px_compare_summary(c);
    *out = c;
    return PX_OK;
}

static uint64_t key_at(const void *items, size_t stride, size_t i)
{
    uint64_t k;
    memcpy(&k, (const char *)items + i * stride, sizeof k);
    return k;
}

int px_posting_cmp(const void *x, const void *y)
{
    const px_posting *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->ref < b->ref ? -1 : a->ref > b->ref;
}

void px_compare_run(const void *items, size_t len, size_t stride, uint64_t key, size_t *lo,
                    size_t *hi)
{
    size_t a = 0, b = len;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (key_at(items, stride, mid) < key) a = mid + 1;
        else b = mid;
    }
    *lo = a;
    for (b = len; a < b;) { /* the first item past the run */
        size_t mid = a + (b - a) / 2;
        if (key_at(items, stride, mid) <= key) a = mid + 1;
        else b = mid;
    }
    *hi = a;
}

void px_comparison_free(px_comparison *c)
{
    if (!c) return;
    for (size_t i = 0; c->profiles && i < c->n; i++) px_profile_free(&c->profiles[i]);
    free(c->profiles);
    for (size_t i = 0; i < c->claims.len; i++) {
        px_vec_free(&c->claims.items[i].keys);
        px_vec_free(&c->claims.items[i].entities);
        px_vec_free(&c->claims.items[i].quotes);
    }
    px_vec_free(&c->claims);
    free(c->claim_rank);
    free(c->article_rank);
    for (size_t i = 0; i < c->entities.len; i++) px_vec_free(&c->entities.items[i].refs);
    px_vec_free(&c->entities);
    free(c->entity_of);
    free(c->entity_base);
    free(c->copy_group);
    for (size_t i = 0; i < c->facts.len; i++) {
        px_vec_free(&c->facts.items[i].claims);
        px_vec_free(&c->facts.items[i].support);
        px_vec_free(&c->facts.items[i].disputed);
    }
    px_vec_free(&c->facts);
    free(c->fact_index.count);
    free(c->fact_index.unique_off);
    px_vec_free(&c->fact_index.unique);
    px_vec_free(&c->fact_index.omittable);
    for (size_t i = 0; i < c->conflicts.len; i++) px_vec_free(&c->conflicts.items[i].values);
    px_vec_free(&c->conflicts);
    px_vec_free(&c->slot_values);
    for (size_t i = 0; i < c->quotes.len; i++) px_vec_free(&c->quotes.items[i].uses);
    px_vec_free(&c->quotes);
    px_vec_free(&c->citations);
    px_vec_free(&c->copies);
    for (size_t i = 0; i < c->summary.len; i++) px_vec_free(&c->summary.items[i].support);
    px_vec_free(&c->summary);
    px_arena_free(&c->arena);
    free(c);
}

const char *px_fact_kind_name(px_fact_kind kind)
{
    static const char *const names[] = {"consensus", "shared", "unique"};
    return (unsigned)kind < 3 ? names[kind] : "unique";
}

const char *px_conflict_kind_name(px_conflict_kind kind)
{
    static const char *const names[] = {"name",  "number", "date",      "quote-speaker",
                                        "quote-wording", "time", "place", "condition",
                                        "role", "relation"};
    return (unsigned)kind < sizeof names / sizeof *names ? names[kind] : "name";
}

const char *px_slot_name(px_slot slot)
{
    static const char *const names[] = {"name",      "age",      "count",        "money",
                                        "number",    "date",     "time",         "place",
                                        "condition", "role",     "relation",     "quote-speaker",
                                        "quote-wording"};
    return (unsigned)slot < sizeof names / sizeof *names ? names[slot] : "name";
}

px_conflict_kind px_slot_kind(px_slot slot)
{
    static const px_conflict_kind kinds[] = {
        PX_CONFLICT_NAME,   PX_CONFLICT_NUMBER,    PX_CONFLICT_NUMBER,        PX_CONFLICT_NUMBER,
        PX_CONFLICT_NUMBER, PX_CONFLICT_DATE,      PX_CONFLICT_TIME,          PX_CONFLICT_PLACE,
        PX_CONFLICT_CONDITION, PX_CONFLICT_ROLE,   PX_CONFLICT_RELATION,      PX_CONFLICT_QUOTE_SPEAKER,
        PX_CONFLICT_QUOTE_WORDING};
    return (unsigned)slot < sizeof kinds / sizeof *kinds ? kinds[slot] : PX_CONFLICT_NAME;
}

const char *px_judgment_name(px_judgment j)
{
    static const char *const names[] = {"conflict", "update", "compatible", "agreement"};
    return (unsigned)j < 4 ? names[j] : "conflict";
}

const char *px_variant_name(px_variant v)
{
    static const char *const names[] = {"verbatim", "partial", "altered"};
    return (unsigned)v < 3 ? names[v] : "altered";
}
