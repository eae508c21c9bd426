/*
 * entities.c — the story's people, organizations and places, each joined
 * across the articles that mention it.
 *
 * Each article entity is read as a form: for a person, its name cleaned and
 * split (person_name.c); for others, its name folded.  An entity the
 * article's analysis could not type ("other": "Geoveny Garcia of Las
 * Vegas") is read as a person's name too, and joins a person on a score of
 * 3 or more (below), never another "other" by its name's parts.  Equal forms of one
 * type are one entity.  Organizations, places and the rest join on equal
 * forms only.  Persons also join across forms, through candidate pairs
 * found in hash indexes on the surname (the surname and each part of a
 * hyphenated one, its phonetic key, and its deletion neighbourhood: the
 * surname with one letter left out for 4+ letters, two for 8+, so two
 * surnames within edit distance 1 or 2 share a key).  Cost is linear in
 * the forms but for pairs within one bucket; a bucket larger than
 * MAX_BUCKET forms (a common key over a huge story) pairs nothing.
 *
 * A pair is scored:
 *   4  same surname, compatible given names ("Chris Dodd", "Christopher J.
 *      Dodd"; "Bill"/"William"; "J. Smith"; middle names ignored)
 *   3  a spelling variant of the surname or a given name ("Meyer"/"Meier",
 *      "Kristen"/"Kirsten")
 *   2  same surname, different given names ("John"/"Josh Earnest"): one
 *      person named two ways, unless the surname is a family's — some
 *      article names two persons with it ("Maria Lopez" and her son "Carlos
 *      Lopez"), and then another given name elsewhere may be either of them
 *      or a third: no guess — or the given names are of different genders
 *      (the gazetteer's first names).  Without such evidence two outlets
 *      each naming one person of a surname in one story are most often
 *      naming the same person, and a wrong given name is what a reader
 *      wants flagged.
 *   0  apart.
 * Pairs are joined strongest first; among equals, the spellings the
 * articles write most first, then the closest spelled (an article may
 * write one person two ways, "Jacory" throughout and "Jacorey" once, and
 * the two cannot join: another outlet's "Jacroy" should join the first),
 * then in the order of their names (not
 * of the input, so the result does not depend on the articles' order), by
 * union-find with two guards: two entities of one article never end in one
 * story entity (the article's own analysis kept them apart), and every two
 * forms of a joined set must score above 0 (so "J. Smith" does not chain
 * "John" and "Jane Smith").
 *
 * A person named by surname alone ("Steele") joins the one story person
 * with that surname, when there is exactly one.
 *
 * A story entity's name is the form most independent articles use, then
 * most articles, the fullest on ties, then the first in byte order.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/person_name.h"

#define MAX_BUCKET 64

typedef struct form {
    px_pname pn;            /* persons */
    const char *key;        /* type + folded name: identity */
    const char *display;    /* the name shown */
    px_entity_type type;
    int full;               /* a person with a given name and a surname */
    size_t rank;            /* its place in the byte order of the keys */
    size_t named;           /* times its articles write it (name and short-form mentions) */
    PX_VEC(px_entity_ref) refs;
} form;

typedef PX_VEC(size_t) sizes;

typedef struct set {
    sizes articles;         /* sorted */
    sizes forms;
} set;

typedef struct link {
    size_t a, b;   /* forms */
    size_t ra, rb; /* their ranks in byte order of their keys: ra < rb */
    int strength;
    size_t named;  /* the two forms' mentions: the spellings articles use most join first */
    int distance;  /* px_pname_spelling_distance(): then the closest spellings */
} link;

typedef struct joiner {
    px_comparison *c;
    PX_VEC(form) forms;
    px_map by_key;          /* form key -> index + 1 */
    px_map index;           /* surname key -> bucket index + 1 */
    PX_VEC(sizes) buckets;
    px_map family;          /* surnames some article gives two persons */
    int probing;            /* index_put() looks up instead of putting */
    sizes probed;           /* what it found */
    px_map lower;           /* words the story writes in lower case (built when asked) */
    int lower_built;
    size_t *parent;
    set *sets;
    px_buf buf;
} joiner;

/* ---- forms ------------------------------------------------------------------ */

static void fold_into(px_buf *b, const char *s)
{
    if (!strncmp(s, "the ", 4) || !strncmp(s, "The ", 4)) s += 4;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '.') continue;
        px_buf_putc(b, (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
    }
}

/* Words the story's articles write in lower case, for px_pname_parse(). */
static int lower_word(void *ud, const char *w, size_t n)
{
    joiner *j = ud;
    if (!j->lower_built) {
        for (size_t a = 0; a < j->c->n; a++) {
            const px_analysis *an = j->c->analyses[a];
            for (size_t t = 0; t < an->tokens.len; t++) {
                const px_token *tok = &an->tokens.items[t];
                if (tok->kind != PX_TOKEN_WORD) continue;
                const char *text = px_article_sentence(j->c->articles[a], tok->sentence, NULL, NULL, NULL);
                if (text && text[tok->start] >= 'a' && text[tok->start] <= 'z')
                    px_map_put(&j->lower, tok->norm, strlen(tok->norm), (void *)1);
            }
        }
        j->lower_built = 1;
    }
    return px_map_get(&j->lower, w, n) != NULL;
}

static size_t form_of(joiner *j, size_t article, size_t entity)
{
    px_comparison *c = j->c;
    const px_entity *e = &c->analyses[article]->entities.items[entity].pub;
    px_pname pn = {0};
    px_buf_reset(&j->buf);
    if (e->type == PX_ENTITY_PERSON || e->type == PX_ENTITY_OTHER)
        px_pname_parse(&c->arena, e->name, lower_word, j, &pn);
    if (pn.words && !pn.plausible) pn.words = 0; /* joined on its exact name only, like an organization */
    px_buf_printf(&j->buf, "%d%c:", (int)e->type, pn.words ? 'p' : 'x');
    if (pn.words) {
        px_buf_puts(&j->buf, pn.folded);
        if (pn.suffix) px_buf_puts(&j->buf, " +");
    } else {
        fold_into(&j->buf, e->name);
    }
    size_t id = (size_t)(uintptr_t)px_map_get(&j->by_key, j->buf.data, j->buf.len);
    if (!id) {
        form f = {.pn = pn, .type = e->type, .full = pn.words >= 2};
        f.key = px_arena_strndup(&c->arena, j->buf.data, j->buf.len);
        f.display = pn.words ? pn.display : e->name;
        px_vec_push(&j->forms, f);
        id = j->forms.len;
        px_map_put(&j->by_key, f.key, j->buf.len, (void *)(uintptr_t)id);
    }
    form *f = &j->forms.items[id - 1];
    const char *name = pn.words ? pn.display : e->name;
    if (!pn.words && strcmp(name, f->display) < 0) f->display = name; /* the first in byte order */
    px_entity_ref r = {article, entity, name, NULL};
    if (pn.words) {
        px_pname *copy = px_arena_alloc(&c->arena, sizeof *copy);
        *copy = pn;
        r.pn = copy;
    }
    px_vec_push(&f->refs, r);
    for (size_t k = 0; k < e->mention_count; k++)
        f->named += e->mentions[k].kind == PX_MENTION_NAME || e->mentions[k].kind == PX_MENTION_ALIAS;
    return id - 1;
}

static int cmp_key(const void *p, const void *q)
{
    return strcmp(*(const char *const *)p, *(const char *const *)q);
}

/* Ranks the forms by key, so that ties are broken the same whatever the
 * order of the articles. */
static void rank(joiner *j)
{
    size_t n = j->forms.len;
    const char **keys = px_xmalloc((n ? n : 1) * sizeof *keys);
    for (size_t f = 0; f < n; f++) keys[f] = j->forms.items[f].key;
    qsort(keys, n, sizeof *keys, cmp_key);
    for (size_t r = 0; r < n; r++) {
        size_t id = (size_t)(uintptr_t)px_map_get(&j->by_key, keys[r], strlen(keys[r]));
        j->forms.items[id - 1].rank = r;
    }
    free(keys);
}

/* ---- the surname indexes ---------------------------------------------------- */

/* Puts form f under key tag+s; when probing, appends the forms under that
 * key to j->probed instead. */
static void index_put(joiner *j, char tag, const char *s, size_t n, size_t f)
{
    px_buf_reset(&j->buf);
    px_buf_putc(&j->buf, tag);
    px_buf_append(&j->buf, s, n);
    size_t id = (size_t)(uintptr_t)px_map_get(&j->index, j->buf.data, j->buf.len);
    if (j->probing) {
        const sizes *b = id ? &j->buckets.items[id - 1] : NULL;
        for (size_t i = 0; b && i < b->len && i < MAX_BUCKET; i++) px_vec_push(&j->probed, b->items[i]);
        return;
    }
    if (!id) {
        sizes b = {0};
        px_vec_push(&j->buckets, b);
        id = j->buckets.len;
        px_map_put(&j->index, j->buf.data, j->buf.len, (void *)(uintptr_t)id);
    }
    sizes *b = &j->buckets.items[id - 1];
    if (!b->len || b->items[b->len - 1] != f) px_vec_push(b, f);
}

/* s with the letters at i and k (k > i, or none: SIZE_MAX) left out. */
static void index_deletions(joiner *j, char tag, const char *s, size_t n, int depth, size_t f)
{
    char w[64];
    if (n >= sizeof w) return;
    for (size_t i = 0; i < n; i++)
        for (size_t k = depth > 1 ? i + 1 : n; k <= n; k++) {
            size_t m = 0;
            for (size_t x = 0; x < n; x++)
                if (x != i && x != k) w[m++] = s[x];
            index_put(j, tag, w, m, f);
            if (depth < 2) break;
        }
}

/* The keys a spelling variant of surname s shares with it: its phonetic
 * key (4+ letters), its deletion neighbourhood (4+: one letter, so that
 * "Cate"/"Cete" and "Abdi"/"Adbi" meet; 8+: two). */
static void variant_keys(joiner *j, const char *s, size_t n, size_t f)
{
    char ph[64];
    if (n >= 4) index_put(j, 'p', ph, px_name_phonetic(s, n, ph, sizeof ph), f);
    if (n >= 4) {
        index_put(j, 'd', s, n, f);
        index_deletions(j, 'd', s, n, 1, f);
    }
    if (n >= 8) {
        index_put(j, 'e', s, n, f);
        index_deletions(j, 'e', s, n, 1, f);
        index_deletions(j, 'e', s, n, 2, f);
    }
}

static void index_form(joiner *j, size_t f)
{
    const form *fm = &j->forms.items[f];
    size_t n;
    const char *s = px_pname_last(&fm->pn, &n);
    index_put(j, 's', s, n, f);
    for (const char *p = s; p < s + n;) { /* each part of "rose-robinson" */
        size_t k = 0;
        while (p + k < s + n && p[k] != '-') k++;
        if (k >= 2 && k < n) index_put(j, 's', p, k, f);
        p += k + 1;
    }
    if (!fm->full) return; /* a surname alone is looked up, never paired */
    if (fm->pn.words >= 3) { /* the first of two surnames: "nava" of "Luis Nava Trujillo" */
        int k = fm->pn.words - 2;
        index_put(j, 't', fm->pn.folded + fm->pn.start[k], fm->pn.len[k], f);
    }
    variant_keys(j, s, n, f);
}

/* Surnames some article gives to two persons or more (two forms). */
static void find_families(joiner *j, const size_t *node_form)
{
    px_comparison *c = j->c;
    for (size_t a = 0; a < c->n; a++) {
        px_map mine = {0}; /* surname -> form index + 1 */
        for (size_t i = 0; i < c->analyses[a]->entities.len; i++) {
            size_t f = node_form[c->entity_base[a] + i], n;
            if (!j->forms.items[f].full) continue;
            const char *s = px_pname_last(&j->forms.items[f].pn, &n);
            void *old = px_map_put(&mine, s, n, (void *)(uintptr_t)(f + 1));
            if (old && old != (void *)(uintptr_t)(f + 1)) px_map_put(&j->family, s, n, (void *)1);
        }
        px_map_free(&mine);
    }
}

/* ---- scores ------------------------------------------------------------------ */

static int family(const joiner *j, const form *f)
{
    size_t n;
    const char *s = px_pname_last(&f->pn, &n);
    return px_map_get(&j->family, s, n) != NULL;
}

static int score(const joiner *j, const form *a, const form *b)
{
    if (!a->full || !b->full || (a->type != PX_ENTITY_PERSON && b->type != PX_ENTITY_PERSON)) return 0;
    int sm = px_pname_surname(&a->pn, &b->pn);
    if (!sm) return 0;
    int g = px_pname_given(&a->pn, &b->pn);
    if (sm == 2 && g >= 2) return 4;
    if (g >= 1) return 3;
    if (a->type != b->type) return 0; /* a person and an "other": only on the evidence above */
    if (sm == 2 && !family(j, a) && !(a->pn.gender && b->pn.gender && a->pn.gender != b->pn.gender))
        return 2;
    return 0;
}

/* ---- union-find --------------------------------------------------------------- */

static size_t root(size_t *parent, size_t i)
{
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

static int disjoint(const sizes *x, const sizes *y)
{
    for (size_t i = 0, k = 0; i < x->len && k < y->len;) {
        if (x->items[i] == y->items[k]) return 0;
        if (x->items[i] < y->items[k]) i++;
        else k++;
    }
    return 1;
}

static void merge_sorted(sizes *into, const sizes *from)
{
    sizes out = {0};
    size_t i = 0, k = 0;
    while (i < into->len || k < from->len) {
        size_t v = k >= from->len || (i < into->len && into->items[i] < from->items[k]) ? into->items[i++]
                                                                                      : from->items[k++];
        if (!out.len || out.items[out.len - 1] != v) px_vec_push(&out, v);
    }
    px_vec_free(into);
    *into = out;
}

/* Joins the sets of forms a and b when the guards allow (one_article: all
 * but the first); 1 when joined. */
static int join(joiner *j, size_t a, size_t b, int one_article)
{
    size_t ra = root(j->parent, a), rb = root(j->parent, b);
    if (ra == rb) return 1;
    set *x = &j->sets[ra], *y = &j->sets[rb];
    if (!one_article && !disjoint(&x->articles, &y->articles)) return 0;
    for (size_t i = 0; i < x->forms.len; i++)
        for (size_t k = 0; k < y->forms.len; k++) {
            const form *f = &j->forms.items[x->forms.items[i]], *g = &j->forms.items[y->forms.items[k]];
            if (f->full && g->full && !score(j, f, g)) return 0;
        }
    j->parent[rb] = ra;
    merge_sorted(&x->articles, &y->articles);
    for (size_t k = 0; k < y->forms.len; k++) px_vec_push(&x->forms, y->forms.items[k]);
    px_vec_free(&y->articles);
    px_vec_free(&y->forms);
    return 1;
}

static int cmp_link(const void *p, const void *q)
{
    const link *x = p, *y = q;
    if (x->strength != y->strength) return y->strength - x->strength;
    if (x->named != y->named) return x->named > y->named ? -1 : 1;
    if (x->distance != y->distance) return x->distance - y->distance;
    if (x->ra != y->ra) return x->ra < y->ra ? -1 : 1;
    return x->rb < y->rb ? -1 : x->rb > y->rb;
}

static void link_pairs(joiner *j)
{
    PX_VEC(link) links = {0};
    for (size_t bi = 0; bi < j->buckets.len; bi++) {
        const sizes *b = &j->buckets.items[bi];
        if (b->len > MAX_BUCKET) continue;
        for (size_t x = 0; x < b->len; x++)
            for (size_t y = x + 1; y < b->len; y++) {
                const form *f = &j->forms.items[b->items[x]], *g = &j->forms.items[b->items[y]];
                int s = score(j, f, g);
                if (!s) continue;
                size_t fa = b->items[x], fb = b->items[y];
                if (f->rank > g->rank) fa = b->items[y], fb = b->items[x];
                link l = {fa, fb, j->forms.items[fa].rank, j->forms.items[fb].rank, s,
                          f->named + g->named, px_pname_spelling_distance(&f->pn, &g->pn)};
                px_vec_push(&links, l);
            }
    }
    if (links.len) qsort(links.items, links.len, sizeof *links.items, cmp_link);
    for (size_t i = 0; i < links.len; i++) join(j, links.items[i].a, links.items[i].b, 0);
    px_vec_free(&links);
}

/* Two entities of one article whose names are one name with and without
 * middle names or initials ("Allen Christopher Ivanov", "Allen Ivanov"):
 * the article's analysis missed that they are one person.  Not with a
 * suffix on one side only ("John Smith", "John Smith Jr." are father and
 * son), nor for variants or other given names.  Likewise a surname alone
 * ("Voss said") beside the one full name of the article with that
 * surname ("Dana Voss of Elmtown"): with two persons of that
 * surname in the article ("Jane" and "Tina Ortiz"), no guess. */
typedef struct named {
    const char *surname;
    size_t len, form;
} named;

static int cmp_surname(const void *p, const void *q)
{
    const named *x = p, *y = q;
    int d = memcmp(x->surname, y->surname, x->len < y->len ? x->len : y->len);
    return d ? d : (x->len > y->len) - (x->len < y->len);
}

static void join_within_articles(joiner *j, const size_t *node_form)
{
    px_comparison *c = j->c;
    PX_VEC(named) fs = {0};
    for (size_t a = 0; a < c->n; a++) {
        fs.len = 0;
        for (size_t i = c->entity_base[a]; i < c->entity_base[a + 1]; i++) {
            const form *f = &j->forms.items[node_form[i]];
            if (!f->full) continue;
            named nm = {NULL, 0, node_form[i]};
            nm.surname = px_pname_last(&f->pn, &nm.len);
            px_vec_push(&fs, nm);
        }
        size_t full = fs.len;
        for (size_t i = c->entity_base[a]; i < c->entity_base[a + 1]; i++) { /* surnames alone */
            const form *f = &j->forms.items[node_form[i]];
            if (f->full || f->pn.words != 1) continue;
            named nm = {f->pn.folded, f->pn.len[0], node_form[i]};
            px_vec_push(&fs, nm);
        }
        if (full > 1) qsort(fs.items, full, sizeof *fs.items, cmp_surname);
        for (size_t x = 0; x < full; x++) /* within runs of one surname */
            for (size_t y = x + 1; y < full && !cmp_surname(&fs.items[x], &fs.items[y]); y++) {
                const form *f = &j->forms.items[fs.items[x].form], *g = &j->forms.items[fs.items[y].form];
                if (f != g && f->pn.suffix == g->pn.suffix && score(j, f, g) == 4)
                    join(j, fs.items[x].form, fs.items[y].form, 1);
            }
        for (size_t x = full; x < fs.len; x++) { /* the one full name of that surname */
            size_t only = SIZE_MAX;
            int several = 0;
            for (size_t y = 0; y < full; y++) {
                if (cmp_surname(&fs.items[x], &fs.items[y])) continue;
                size_t r = root(j->parent, fs.items[y].form);
                several |= only != SIZE_MAX && r != only;
                only = r;
            }
            if (only != SIZE_MAX && !several) join(j, only, fs.items[x].form, 1);
        }
    }
    px_vec_free(&fs);
}

/* The one set among the full names probed (j->probed) whose surname is the
 * folded word w (variant: a spelling variant of it, not w itself);
 * SIZE_MAX when none or several. */
static size_t only_set(joiner *j, const char *w, size_t n, int variant)
{
    size_t only = SIZE_MAX;
    for (size_t k = 0; k < j->probed.len; k++) {
        const form *g = &j->forms.items[j->probed.items[k]];
        if (!g->full || g->type != PX_ENTITY_PERSON) continue;
        size_t m;
        const char *s = px_pname_last(&g->pn, &m);
        if (variant && px_name_word_variant(s, m, w, n) != 1) continue;
        size_t r = root(j->parent, j->probed.items[k]);
        if (only == SIZE_MAX) only = r;
        else if (r != only) return SIZE_MAX;
    }
    return only;
}

/* A surname alone joins the one set of full names with that surname (or
 * a part of a hyphenated one); when none has it, the one set whose surname
 * is a spelling variant of it ("Knight", "Fred Kneght"). */
static void attach_surnames(joiner *j)
{
    for (size_t f = 0; f < j->forms.len; f++) {
        const form *fm = &j->forms.items[f];
        if (fm->full || fm->pn.words != 1) continue;
        const char *w = fm->pn.folded;
        size_t n = fm->pn.len[0];
        j->probing = 1;
        j->probed.len = 0;
        index_put(j, 's', w, n, f);
        size_t only = only_set(j, w, n, 0);
        int exact = 0;
        for (size_t k = 0; k < j->probed.len && !exact; k++)
            exact = j->forms.items[j->probed.items[k]].full &&
                    j->forms.items[j->probed.items[k]].type == PX_ENTITY_PERSON;
        if (!exact) {
            j->probed.len = 0;
            variant_keys(j, w, n, f);
            only = only_set(j, w, n, 1);
        }
        j->probing = 0;
        if (only != SIZE_MAX) join(j, only, f, 0);
    }
}

/* ---- story entities ------------------------------------------------------------ */

/* c->copy_group: near-copies joined, each group named by its first article. */
static void copy_groups(px_comparison *c)
{
    size_t *g = c->copy_group = px_xmalloc((c->n ? c->n : 1) * sizeof *g);
    for (size_t a = 0; a < c->n; a++) g[a] = a;
    for (size_t k = 0; k < c->copies.len; k++) {
        size_t x = root(g, c->copies.items[k].copy), y = root(g, c->copies.items[k].original);
        if (x < y) g[y] = x;
        else g[x] = y;
    }
    for (size_t a = 0; a < c->n; a++) g[a] = root(g, a);
}

static int cmp_size(const void *p, const void *q)
{
    size_t x = *(const size_t *)p, y = *(const size_t *)q;
    return (x > y) - (x < y);
}

size_t px_compare_independent(const px_comparison *c, const size_t *articles, size_t n)
{
    if (!c->copy_group) return n;
    size_t *g = px_xmalloc((n ? n : 1) * sizeof *g);
    for (size_t i = 0; i < n; i++) g[i] = c->copy_group[articles[i]];
    if (n > 1) qsort(g, n, sizeof *g, cmp_size);
    size_t count = 0;
    for (size_t i = 0; i < n; i++) count += !i || g[i] != g[i - 1];
    free(g);
    return count;
}

static size_t form_support(const px_comparison *c, const form *f)
{
    sizes a = {0};
    for (size_t r = 0; r < f->refs.len; r++) px_vec_push(&a, f->refs.items[r].article);
    size_t n = px_compare_independent(c, a.items, a.len);
    px_vec_free(&a);
    return n;
}

/* 1 when form f names the entity better than form g (see the top). */
static int better_name(const px_comparison *c, const form *f, const form *g)
{
    if (f->full != g->full) return f->full;
    size_t sf = form_support(c, f), sg = form_support(c, g);
    if (sf != sg) return sf > sg;
    if (f->refs.len != g->refs.len) return f->refs.len > g->refs.len;
    if (f->pn.words != g->pn.words) return f->pn.words > g->pn.words;
    return strcmp(f->display, g->display) < 0;
}

static int cmp_ref(const void *p, const void *q)
{
    const px_entity_ref *x = p, *y = q;
    if (x->article != y->article) return x->article < y->article ? -1 : 1;
    return x->entity < y->entity ? -1 : x->entity > y->entity;
}

static int cmp_entity(const void *p, const void *q)
{
    const px_story_entity *x = p, *y = q;
    int d = strcmp(x->name, y->name);
    if (d) return d;
    if (x->type != y->type) return (int)x->type - (int)y->type;
    return cmp_ref(x->refs.items, y->refs.items);
}

static void build_entities(joiner *j)
{
    px_comparison *c = j->c;
    for (size_t f = 0; f < j->forms.len; f++) {
        if (root(j->parent, f) != f) continue;
        const set *s = &j->sets[f];
        const form *best = &j->forms.items[s->forms.items[0]];
        for (size_t k = 1; k < s->forms.len; k++)
            if (better_name(c, &j->forms.items[s->forms.items[k]], best)) best = &j->forms.items[s->forms.items[k]];
        px_story_entity se = {.name = best->display, .type = best->type};
        for (size_t k = 0; k < s->forms.len; k++) /* a person, if any form is one */
            if (j->forms.items[s->forms.items[k]].type == PX_ENTITY_PERSON) se.type = PX_ENTITY_PERSON;
        for (size_t k = 0; k < s->forms.len; k++) {
            const form *g = &j->forms.items[s->forms.items[k]];
            for (size_t r = 0; r < g->refs.len; r++) px_vec_push(&se.refs, g->refs.items[r]);
        }
        qsort(se.refs.items, se.refs.len, sizeof *se.refs.items, cmp_ref);
        px_vec_push(&c->entities, se);
    }
    if (c->entities.len)
        qsort(c->entities.items, c->entities.len, sizeof *c->entities.items, cmp_entity);
    for (size_t e = 0; e < c->entities.len; e++)
        for (size_t r = 0; r < c->entities.items[e].refs.len; r++) {
            const px_entity_ref *ref = &c->entities.items[e].refs.items[r];
            c->entity_of[c->entity_base[ref->article] + ref->entity] = (long)e;
        }
}

void px_compare_entities(px_comparison *c)
{
    c->entity_base = px_xcalloc(c->n + 1, sizeof *c->entity_base);
    for (size_t a = 0; a < c->n; a++)
        c->entity_base[a + 1] = c->entity_base[a] + c->analyses[a]->entities.len;
    size_t nodes = c->entity_base[c->n];
    c->entity_of = px_xcalloc(nodes ? nodes : 1, sizeof *c->entity_of);
    copy_groups(c);
    joiner j = {.c = c};
    size_t *node_form = px_xcalloc(nodes ? nodes : 1, sizeof *node_form);
    for (size_t a = 0; a < c->n; a++)
        for (size_t i = 0; i < c->analyses[a]->entities.len; i++)
            node_form[c->entity_base[a] + i] = form_of(&j, a, i);
    find_families(&j, node_form);
    rank(&j);
    j.parent = px_xmalloc((j.forms.len ? j.forms.len : 1) * sizeof *j.parent);
    j.sets = px_xcalloc(j.forms.len ? j.forms.len : 1, sizeof *j.sets);
    for (size_t f = 0; f < j.forms.len; f++) {
        j.parent[f] = f;
        px_vec_push(&j.sets[f].forms, f);
        form *fm = &j.forms.items[f];
        for (size_t r = 0; r < fm->refs.len; r++) px_vec_push(&j.sets[f].articles, fm->refs.items[r].article);
        merge_sorted(&j.sets[f].articles, &(sizes){0});
        if (fm->pn.words) index_form(&j, f);
    }
    join_within_articles(&j, node_form);
    link_pairs(&j);
    attach_surnames(&j);
    build_entities(&j);
    for (size_t f = 0; f < j.forms.len; f++) {
        px_vec_free(&j.forms.items[f].refs);
        px_vec_free(&j.sets[f].articles);
        px_vec_free(&j.sets[f].forms);
    }
    for (size_t b = 0; b < j.buckets.len; b++) px_vec_free(&j.buckets.items[b]);
    px_vec_free(&j.buckets);
    px_vec_free(&j.forms);
    px_map_free(&j.by_key);
    px_map_free(&j.index);
    px_map_free(&j.family);
    px_buf_free(&j.buf);
    px_map_free(&j.lower);
    px_vec_free(&j.probed);
    free(j.parent);
    free(j.sets);
    free(node_form);
}

long px_compare_entity(const px_comparison *c, size_t article, long entity)
{
    if (entity < 0 || article >= c->n || !c->entity_of) return -1;
    size_t at = c->entity_base[article] + (size_t)entity;
    return at < c->entity_base[article + 1] ? c->entity_of[at] : -1;
}
