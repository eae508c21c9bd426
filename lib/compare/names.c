/*
 * names.c — how the outlets spell each person of the story.
 *
 * Per story person (entities.c) named in full (a given name and a surname)
 * by two articles or more, the spellings are compared pairwise, by distinct
 * spelling:
 *   - a surname spelled differently ("Meyer"/"Meier", "Rose-Robinson"/
 *     "Robinson") is a name conflict, pattern `surname-variant`;
 *   - a given name spelled differently ("Kristen"/"Kirsten"),
 *     `given-name-variant`;
 *   - another given name for the one person ("John"/"Josh Earnest", joined
 *     as one person by entities.c), `given-name-other`.
 * Middle names, initials, short forms and nicknames, titles and suffixes
 * are no conflict: "Anthony W. Batts" and "Anthony Batts" agree.
 * A surname written alone by an article that gives no full name counts
 * against the full names' surname ("Knight" against "Fred Kneght").
 * Otherwise, when two independent articles or more name the person in
 * full, that is a name agreement: the people a reader checks are the ones
 * named in full by several outlets; a surname alone is no spelling.
 *
 * A conflict is headed by the spelling most independent articles use, or,
 * on a tie, by the tied spellings together ("John Earnest / Josh
 * Earnest"): byte order picks no side.
 *
 * Each value is one article's name for the person (titles before it left
 * out), the sentence it is first written in full, and the name as the
 * article's analysis holds it (surface).
 */
#include <stdlib.h>
#include <string.h>

#include "compare/person_name.h"

typedef struct spelling {
    const px_entity_ref *ref;
    px_pname pn;
} spelling;

static size_t name_sentence(const px_entity *e)
{
    for (size_t k = 0; k < e->mention_count; k++)
        if (e->mentions[k].kind == PX_MENTION_NAME) return e->mentions[k].sentence;
    return e->mention_count ? e->mentions[0].sentence : (size_t)-1;
}

/* The pattern of the worst difference between the spellings, or NULL when
 * they are all one name. */
static const char *difference(const spelling *s, size_t n)
{
    int surname = 0, variant = 0, other = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = i + 1; k < n; k++) {
            if (!strcmp(s[i].pn.folded, s[k].pn.folded)) continue;
            surname |= px_pname_surname(&s[i].pn, &s[k].pn) < 2;
            int g = px_pname_given(&s[i].pn, &s[k].pn);
            variant |= g == 1;
            other |= g == 0;
        }
    return surname ? "surname-variant" : other ? "given-name-other" : variant ? "given-name-variant" : NULL;
}

/* The surname of a name as written: "Broadway" of "Chauncey Broadway, Jr.". */
static const char *surname_of(px_comparison *c, const char *name)
{
    px_pname pn;
    px_pname_parse(&c->arena, name, NULL, NULL, &pn);
    const char *d = pn.words ? pn.display : name;
    size_t end = strlen(d);
    for (int skip = pn.suffix; ; skip--) {
        while (end && (d[end - 1] == ' ' || d[end - 1] == ',')) end--;
        size_t start = end;
        while (start && d[start - 1] != ' ') start--;
        if (skip <= 0 || !start) return px_arena_strndup(&c->arena, d + start, end - start);
        end = start;
    }
}

static int cmp_folded(const void *p, const void *q)
{
    return strcmp(((const spelling *)p)->pn.folded, ((const spelling *)q)->pn.folded);
}

/* "surname-variant" when a surname written alone differs from the full
 * names' ("Knight" against "Fred Kneght"), else NULL. */
static const char *surname_alone(const spelling *full, const spelling *alone, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (px_pname_surname(&alone[i].pn, &full->pn) < 2) return "surname-variant";
    return NULL;
}

static void push_values(px_comparison *c, px_conflict *k, const spelling *s, size_t n, const char *pattern)
{
    for (size_t i = 0; i < n; i++) {
        const px_entity_ref *ref = s[i].ref;
        const px_entity *pe = &c->analyses[ref->article]->entities.items[ref->entity].pub;
        px_value v = {ref->article, name_sentence(pe), ref->name, pe->name, pattern, 0};
        px_vec_push(&k->values, v);
    }
}

/* The name heading a name conflict: the story entity's name when its
 * spelling has more independent articles than any other full spelling,
 * else the tied spellings joined by " / " in byte order ("John Earnest /
 * Josh Earnest"): on a tie no outlet's spelling is preferred. */
static const char *conflict_heading(px_comparison *c, const px_story_entity *e, const spelling *sp, size_t n)
{
    spelling *d = px_xmalloc((n ? n : 1) * sizeof *d);
    memcpy(d, sp, n * sizeof *d);
    if (n > 1) qsort(d, n, sizeof *d, cmp_folded);
    size_t *support = px_xcalloc(n ? n : 1, sizeof *support), best = 0;
    size_t *arts = px_xmalloc((n ? n : 1) * sizeof *arts);
    for (size_t i = 0, k; i < n; i = k) {
        size_t m = 0;
        for (k = i; k < n && !strcmp(d[k].pn.folded, d[i].pn.folded); k++) arts[m++] = d[k].ref->article;
        support[i] = px_compare_independent(c, arts, m);
        if (support[i] > best) best = support[i];
    }
    size_t tied = 0;
    px_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (!support[i] || support[i] != best) continue;
        tied++;
        px_buf_printf(&b, "%s%s", b.len ? " / " : "", d[i].pn.display);
    }
    const char *heading = tied > 1 ? px_arena_strndup(&c->arena, b.data, b.len) : e->name;
    px_buf_free(&b);
    free(support);
    free(arts);
    free(d);
    return heading;
}

/* How often the article writes entity ref's name or a short form of it
 * (pronouns and roles left out). */
static size_t named_times(const px_comparison *c, const px_entity_ref *ref)
{
    const px_entity *pe = &c->analyses[ref->article]->entities.items[ref->entity].pub;
    size_t n = 0;
    for (size_t k = 0; k < pe->mention_count; k++)
        n += pe->mentions[k].kind == PX_MENTION_NAME || pe->mentions[k].kind == PX_MENTION_ALIAS;
    return n;
}

/* Rule article-spelling: an article that spells one person two ways (two
 * entities of its analysis joined by entities.c: "Vinnitra Dobbs" once,
 * "Vynnitra Dobbs" throughout) is read by the full name it writes most,
 * the first on ties, not by whichever comes first. */
static void entity_names(px_comparison *c, const px_story_entity *e)
{
    PX_VEC(spelling) sp = {0};    /* full names, one per article */
    PX_VEC(spelling) alone = {0}; /* surnames alone, of articles with no full name */
    PX_VEC(size_t) articles = {0};
    for (size_t r = 0, q; r < e->refs.len; r = q) {
        const px_entity_ref *full = NULL;
        size_t most = 0;
        for (q = r; q < e->refs.len && e->refs.items[q].article == e->refs.items[r].article; q++) {
            const px_entity_ref *ref = &e->refs.items[q];
            size_t times = ref->pn && ref->pn->words >= 2 ? named_times(c, ref) : 0;
            if (ref->pn && ref->pn->words >= 2 && (!full || times > most)) full = ref, most = times;
        }
        if (full) {
            spelling s = {full, *full->pn};
            px_vec_push(&sp, s);
            px_vec_push(&articles, full->article);
            continue;
        }
        for (size_t k = r; k < q; k++)
            if (e->refs.items[k].pn && e->refs.items[k].pn->words == 1) {
                spelling s = {&e->refs.items[k], *e->refs.items[k].pn};
                px_vec_push(&alone, s);
            }
    }
    const char *pattern = NULL;
    if (sp.len >= 2) { /* distinct spellings, for the pairwise test */
        spelling *distinct = px_xmalloc(sp.len * sizeof *distinct);
        memcpy(distinct, sp.items, sp.len * sizeof *distinct);
        qsort(distinct, sp.len, sizeof *distinct, cmp_folded);
        size_t nd = 0;
        for (size_t i = 0; i < sp.len; i++)
            if (!nd || strcmp(distinct[nd - 1].pn.folded, distinct[i].pn.folded)) distinct[nd++] = distinct[i];
        pattern = difference(distinct, nd);
        free(distinct);
    }
    if (!pattern && sp.len && alone.len) pattern = surname_alone(&sp.items[0], alone.items, alone.len);
    if (pattern || (sp.len >= 2 && px_compare_independent(c, articles.items, articles.len) >= 2)) {
        px_conflict k = {.kind = PX_CONFLICT_NAME, .slot = PX_SLOT_NAME,
                         .judgment = pattern ? PX_JUDGE_CONFLICT : PX_JUDGE_AGREEMENT,
                         .subject = surname_of(c, e->name),
                         .entity = pattern ? conflict_heading(c, e, sp.items, sp.len) : e->name,
                         .agreement = pattern == NULL};
        push_values(c, &k, sp.items, sp.len, pattern ? pattern : "person-name");
        if (pattern) push_values(c, &k, alone.items, alone.len, pattern);
        for (size_t i = 1; i < k.values.len; i++) /* by the articles' fixed order (date, id) */
            for (size_t j = i; j > 0 && c->article_rank[k.values.items[j - 1].article] >
                                            c->article_rank[k.values.items[j].article]; j--) {
                px_value t = k.values.items[j];
                k.values.items[j] = k.values.items[j - 1];
                k.values.items[j - 1] = t;
            }
        px_vec_push(&c->conflicts, k);
    }
    px_vec_free(&sp);
    px_vec_free(&alone);
    px_vec_free(&articles);
}

void px_compare_names(px_comparison *c)
{
    for (size_t e = 0; e < c->entities.len; e++)
        if (c->entities.items[e].type == PX_ENTITY_PERSON && c->entities.items[e].refs.len >= 2)
            entity_names(c, &c->entities.items[e]);
}
