/*
 * conflict.c — where the articles disagree, and where they agree on a
 * detail.
 *
 * Names.  The same person written with two first names ("John Earnest" in
 * one outlet, "Josh Earnest" in another) is found per surname: when article
 * A has exactly one person with a surname and article B exactly one, with a
 * different first name, and neither article also uses the other's full
 * name, the two are taken for one person named two ways.  Middle names and
 * initials do not count ("Christopher J. Dodd" is "Chris Dodd"), nor do
 * short forms of a first name (a prefix of three letters or more, or a
 * common nickname: Bill for William).
 *
 * Numbers and dates.  Only inside a fact (claims aligned as saying the same
 * thing), numbers of the same unit are compared (ordinals with ordinals:
 * "fourth time" and "Obama's fourth" are one detail); a value both give is
 * an agreement, one value each that differs a conflict.  A qualifier makes
 * a value a range: "more than $1 million" agrees with "$1.1 million".  Dates likewise,
 * where both resolved (see compare_dates for relative dates).
 *
 * Quote speakers and wording are found in quotes.c, which groups quotes.
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "compare/compare.h"

static px_conflict *new_conflict(px_comparison *c, px_conflict_kind kind, const char *subject,
                                 int agreement)
{
    static const px_slot slots[] = {PX_SLOT_NAME, PX_SLOT_NUMBER, PX_SLOT_DATE};
    px_conflict k = {.kind = kind, .slot = (unsigned)kind < 3 ? slots[kind] : PX_SLOT_NUMBER,
                     .judgment = agreement ? PX_JUDGE_AGREEMENT : PX_JUDGE_CONFLICT,
                     .subject = subject, .agreement = agreement};
    px_vec_push(&c->conflicts, k);
    return &c->conflicts.items[c->conflicts.len - 1];
}

static void add_value(px_conflict *k, size_t article, size_t sentence, const char *value)
{
    px_value v = {article, sentence, value, NULL, "aligned-claims", 0};
    px_vec_push(&k->values, v);
}

/* ---- names -------------------------------------------------------------- */

static const char *surname(const char *name)
{
    const char *sp = strrchr(name, ' ');
    return sp ? sp + 1 : NULL;
}

/* Common English short forms of first names: one person, two spellings. */
static const char *const NICKNAMES[][2] = {
    {"bill", "william"}, {"will", "william"}, {"bob", "robert"}, {"rob", "robert"},
    {"dick", "richard"}, {"rick", "richard"}, {"jim", "james"}, {"jimmy", "james"},
    {"mike", "michael"}, {"joe", "joseph"}, {"tom", "thomas"}, {"ted", "edward"},
    {"ed", "edward"}, {"ted", "theodore"}, {"chuck", "charles"}, {"charlie", "charles"},
    {"tony", "anthony"}, {"jack", "john"}, {"johnny", "john"}, {"liz", "elizabeth"},
    {"beth", "elizabeth"}, {"betsy", "elizabeth"}, {"peggy", "margaret"}, {"maggie", "margaret"},
    {"kate", "katherine"}, {"katie", "katherine"}, {"kathy", "kathleen"}, {"sue", "susan"},
    {"jenny", "jennifer"}, {"dave", "david"}, {"dan", "daniel"}, {"danny", "daniel"},
    {"steve", "stephen"}, {"steve", "steven"}, {"matt", "matthew"}, {"pat", "patrick"},
    {"pat", "patricia"}, {"nick", "nicholas"}, {"andy", "andrew"}, {"drew", "andrew"},
    {"larry", "lawrence"}, {"harry", "harold"}, {"hank", "henry"}, {"newt", "newton"},
    {"mitt", "willard"}, {"al", "albert"}, {"sam", "samuel"}, {"ben", "benjamin"},
    {"greg", "gregory"}, {"jerry", "gerald"}, {"ron", "ronald"}, {"don", "donald"},
    {"fred", "frederick"}, {"frank", "francis"}, {"gene", "eugene"}, {"terry", "terrence"},
    {"bibi", "benjamin"}, {"vlad", "vladimir"}, {"alex", "alexander"}, {"nate", "nathan"},
};

static int same_first_name(const char *a, size_t n, const char *b, size_t m)
{
    if (n == m && strncasecmp(a, b, n) == 0) return 1;
    size_t shorter = n < m ? n : m;
    if (shorter >= 3 && strncasecmp(a, b, shorter) == 0) return 1; /* Chris, Christopher */
    for (size_t i = 0; i < sizeof NICKNAMES / sizeof *NICKNAMES; i++) {
        const char *x = NICKNAMES[i][0], *y = NICKNAMES[i][1];
        if ((strlen(x) == n && strncasecmp(a, x, n) == 0 && strlen(y) == m && strncasecmp(b, y, m) == 0) ||
            (strlen(x) == m && strncasecmp(b, x, m) == 0 && strlen(y) == n && strncasecmp(a, y, n) == 0))
            return 1;
    }
    return 0;
}

/* 1 when word w[0..n) is a given name (not an initial like "J.") */
static int given_name(const char *w, size_t n)
{
    return n >= 2 && !(n == 2 && w[1] == '.');
}

/* 1 when the given names of a (all but the surname) each match one of b's. */
static int names_within(const char *a, const char *b)
{
    const char *a_last = strrchr(a, ' '), *b_last = strrchr(b, ' ');
    for (const char *w = a; w < a_last;) {
        size_t n = strcspn(w, " ");
        int found = !given_name(w, n);
        for (const char *v = b; !found && v < b_last;) {
            size_t m = strcspn(v, " ");
            found = given_name(v, m) && same_first_name(w, n, v, m);
            v += m + 1;
        }
        if (!found) return 0;
        w += n + 1;
    }
    return 1;
}

/* 1 when two names of one surname can be one person: the given names of
 * one are among the other's (or short forms of them: Chris, Bill), so
 * middle names, initials and titles that crept into a name do not count
 * ("Christopher J. Dodd" is "Chris Dodd"; "RNC Chairman Michael Steele"
 * is "Michael Steele").  A surname alone goes with any name. */
static int compatible_names(const char *a, const char *b)
{
    if (!strchr(a, ' ') || !strchr(b, ' ')) return 1;
    return names_within(a, b) || names_within(b, a);
}

static size_t first_sentence(const px_entity *e)
{
    return e->mention_count ? e->mentions[0].sentence : 0;
}

static int uses_name(const px_analysis *an, const char *name)
{
    for (size_t i = 0; i < an->entities.len; i++) {
        const px_entity_data *e = &an->entities.items[i];
        if (strcasecmp(e->pub.name, name) == 0) return 1;
        for (size_t k = 0; k < e->aliases.len; k++)
            if (strcasecmp(e->aliases.items[k], name) == 0) return 1;
    }
    return 0;
}

/* 1 when some article uses two of the values' names: two people, then. */
static int someone_uses_both(const px_comparison *c, const px_conflict *k)
{
    for (size_t i = 0; i < k->values.len; i++)
        for (size_t j = 0; j < k->values.len; j++)
            if (i != j && !compatible_names(k->values.items[i].value, k->values.items[j].value) &&
                uses_name(c->analyses[k->values.items[i].article], k->values.items[j].value))
                return 1;
    return 0;
}

/* The persons of the story with one surname, in article order: an index
 * so a surname is looked up once, not in every article. */
typedef PX_VEC(px_entity_ref) person_list;

/* The only person of article a in list l, or -1 (none or several). */
static long only_in(const person_list *l, size_t a)
{
    long found = -1;
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i].article != a) continue;
        if (found >= 0) return -1;
        found = (long)l->items[i].entity;
    }
    return found;
}

/* One candidate conflict per surname: each article's only person with it. */
static void surname_conflict(px_comparison *c, const char *first_name, const char *last,
                             const person_list *l)
{
    px_conflict k = {.kind = PX_CONFLICT_NAME, .slot = PX_SLOT_NAME, .subject = last};
    int differ = 0;
    for (size_t i = 0; i < l->len; i++) {
        size_t b = l->items[i].article;
        if (i > 0 && l->items[i - 1].article == b) continue;
        long j = only_in(l, b);
        if (j < 0) continue;
        const px_entity *f = &c->analyses[b]->entities.items[j].pub;
        add_value(&k, b, first_sentence(f), f->name);
        differ |= !compatible_names(first_name, f->name);
    }
    if (differ && !someone_uses_both(c, &k)) px_vec_push(&c->conflicts, k);
    else px_vec_free(&k.values);
}

/* A person of an article and the list of its surname. */
typedef struct person {
    size_t article, entity, list;
    const char *last;
} person;

static void name_conflicts(px_comparison *c)
{
    PX_VEC(person_list) lists = {0};
    PX_VEC(person) persons = {0}; /* in article order */
    px_map by_surname = {0};      /* folded surname -> lists index + 1 */
    for (size_t a = 0; a < c->n; a++) {
        const px_analysis *an = c->analyses[a];
        for (size_t i = 0; i < an->entities.len; i++) {
            const px_entity *e = &an->entities.items[i].pub;
            const char *last = e->type == PX_ENTITY_PERSON ? surname(e->name) : NULL;
            if (!last) continue;
            uint64_t key = px_fold_hash(last, strlen(last));
            size_t id = (size_t)(uintptr_t)px_map_get(&by_surname, (const char *)&key, sizeof key);
            if (!id) {
                person_list l = {0};
                px_vec_push(&lists, l);
                id = lists.len;
                px_map_put(&by_surname, (const char *)&key, sizeof key, (void *)(uintptr_t)id);
            }
            px_entity_ref r = {a, i};
            px_vec_push(&lists.items[id - 1], r);
            person p = {a, i, id - 1, last};
            px_vec_push(&persons, p);
        }
    }
    unsigned char *done = px_xcalloc(lists.len ? lists.len : 1, 1); /* surnames looked at */
    for (size_t k = 0; k < persons.len; k++) {
        const person *p = &persons.items[k];
        const person_list *l = &lists.items[p->list];
        if (done[p->list] || only_in(l, p->article) != (long)p->entity) continue;
        done[p->list] = 1;
        surname_conflict(c, c->analyses[p->article]->entities.items[p->entity].pub.name, p->last, l);
    }
    free(done);
    px_map_free(&by_surname);
    for (size_t i = 0; i < lists.len; i++) px_vec_free(&lists.items[i]);
    px_vec_free(&lists);
    px_vec_free(&persons);
}

/* ---- numbers and dates inside facts ------------------------------------ */

static int same_detail(const px_number *x, const px_number *y)
{
    if (x->ordinal || y->ordinal) return x->ordinal && y->ordinal;
    return x->unit && y->unit && strcasecmp(x->unit, y->unit) == 0;
}

/* The details already reported in the fact being compared: (kind, subject
 * folded to lower case) -> 1, so each is looked up in constant time. */
static uint64_t detail_key(px_conflict_kind kind, const char *subject)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)kind;
    for (const unsigned char *p = (const unsigned char *)subject; *p; p++)
        h = (h ^ (uint64_t)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p)) * 1099511628211ULL;
    return h;
}

static int find_conflict(const px_map *seen, px_conflict_kind kind, const char *subject)
{
    uint64_t key = detail_key(kind, subject);
    return px_map_get(seen, (const char *)&key, sizeof key) != NULL;
}

static void note_conflict(px_map *seen, px_conflict_kind kind, const char *subject)
{
    uint64_t key = detail_key(kind, subject);
    px_map_put(seen, (const char *)&key, sizeof key, (void *)1);
}

/* The first item of sentence s or later in an array of n items stride
 * bytes apart, each with its sentence (size_t) at offset: numbers and
 * dates, which the analysis lists in text order, so a claim's own are
 * found without a scan. */
static size_t first_of_sentence(const void *items, size_t n, size_t stride, size_t offset, size_t s)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, at;
        memcpy(&at, (const char *)items + mid * stride + offset, sizeof at);
        if (at < s) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static size_t first_number(const px_analysis *an, size_t s)
{
    return first_of_sentence(an->numbers.items, an->numbers.len, sizeof *an->numbers.items,
                             offsetof(px_number, sentence), s);
}

static size_t first_date(const px_analysis *an, size_t s)
{
    return first_of_sentence(an->dates.items, an->dates.len, sizeof *an->dates.items,
                             offsetof(px_date_mention, sentence), s);
}

static int in_claim(const px_claim *x, size_t sentence, size_t start)
{
    return sentence == x->sentence && start >= x->start && start < x->end;
}

enum { MAX_ALIKE = 8 };

/* 1 when x's value is within what q's qualifier allows ("more than 60"
 * allows 61; "about 60" allows 55). */
static int within(const px_number *x, const px_number *q)
{
    const char *k = q->qualifier;
    double v = q->value, w = x->value;
    if (!k) return 0;
    if (!strcasecmp(k, "more than") || !strcasecmp(k, "over") || !strcasecmp(k, "at least"))
        return w >= v;
    if (!strcasecmp(k, "less than") || !strcasecmp(k, "under") || !strcasecmp(k, "up to") ||
        !strcasecmp(k, "at most") || !strcasecmp(k, "nearly") || !strcasecmp(k, "almost"))
        return w <= v && w >= v * 0.75;
    return w >= v * 0.85 && w <= v * 1.15; /* about, around, roughly, some ... */
}

/* 1 when two numbers of one detail can both be true. */
static int consistent(const px_number *x, const px_number *y)
{
    return x->value == y->value || within(x, y) || within(y, x);
}

/* The numbers of claim x that are the same detail as p, into out. */
static size_t numbers_alike(const px_analysis *an, const px_claim *x, const px_number *p,
                            const px_number **out)
{
    size_t n = 0;
    for (size_t i = first_number(an, x->sentence); i < an->numbers.len && an->numbers.items[i].sentence == x->sentence && n < MAX_ALIKE; i++)
        if (in_claim(x, an->numbers.items[i].sentence, an->numbers.items[i].start) &&
            same_detail(p, &an->numbers.items[i]))
            out[n++] = &an->numbers.items[i];
    return n;
}

/*
 * The numbers of claims x and y (other articles, same fact), detail by
 * detail: a value both give is an agreement; when each gives exactly one
 * value for the detail and they differ, a conflict.  A claim giving several
 * values of one unit ("between 1965 and 1970") cannot be paired with
 * certainty, so it yields no conflict.
 */
static void compare_numbers(px_comparison *c, const px_claim *x, const px_claim *y, px_map *seen)
{
    const px_analysis *ax = c->analyses[x->article], *ay = c->analyses[y->article];
    for (size_t i = first_number(ax, x->sentence); i < ax->numbers.len && ax->numbers.items[i].sentence == x->sentence; i++) {
        const px_number *p = &ax->numbers.items[i];
        if (!in_claim(x, p->sentence, p->start)) continue;
        const char *subject = p->ordinal ? (p->unit ? p->unit : "ordinal") : p->unit;
        if (!subject || find_conflict(seen, PX_CONFLICT_NUMBER, subject)) continue;
        const px_number *xs[MAX_ALIKE], *ys[MAX_ALIKE];
        size_t nx = numbers_alike(ax, x, p, xs), ny = numbers_alike(ay, y, p, ys);
        const px_number *a = NULL, *b = NULL;
        for (size_t u = 0; u < nx && !a; u++)
            for (size_t v = 0; v < ny && !a; v++)
                if (consistent(xs[u], ys[v])) a = xs[u], b = ys[v];
        int agree = a != NULL;
        if (!agree && nx == 1 && ny == 1) a = xs[0], b = ys[0];
        if (!a) continue;
        px_conflict *k = new_conflict(c, PX_CONFLICT_NUMBER, subject, agree);
        note_conflict(seen, PX_CONFLICT_NUMBER, subject);
        add_value(k, x->article, x->sentence, a->text);
        add_value(k, y->article, y->sentence, b->text);
    }
}

/* The resolved dates of claim x as precise as p ("2014-11-07" vs "2014"). */
static size_t dates_alike(const px_analysis *an, const px_claim *x, const px_date_mention *p,
                          const px_date_mention **out)
{
    size_t n = 0;
    for (size_t i = first_date(an, x->sentence); i < an->dates.len && an->dates.items[i].sentence == x->sentence && n < MAX_ALIKE; i++) {
        const px_date_mention *d = &an->dates.items[i];
        if (in_claim(x, d->sentence, d->start) && d->value && strlen(d->value) == strlen(p->value))
            out[n++] = d;
    }
    return n;
}

/*
 * Dates likewise; and a date resolved from a relative expression ("on
 * Friday", counted back from each article's own publication date) may
 * agree but never conflicts: two outlets publishing on different days
 * resolve the same "Friday" differently.
 */
static void compare_dates(px_comparison *c, const px_claim *x, const px_claim *y, px_map *seen)
{
    const px_analysis *ax = c->analyses[x->article], *ay = c->analyses[y->article];
    for (size_t i = first_date(ax, x->sentence); i < ax->dates.len && ax->dates.items[i].sentence == x->sentence; i++) {
        const px_date_mention *p = &ax->dates.items[i];
        if (!in_claim(x, p->sentence, p->start) || !p->value) continue;
        if (find_conflict(seen, PX_CONFLICT_DATE, p->text)) continue;
        const px_date_mention *xs[MAX_ALIKE], *ys[MAX_ALIKE];
        size_t nx = dates_alike(ax, x, p, xs), ny = dates_alike(ay, y, p, ys);
        const px_date_mention *a = NULL, *b = NULL;
        for (size_t u = 0; u < nx && !a; u++)
            for (size_t v = 0; v < ny && !a; v++)
                if (strcmp(xs[u]->value, ys[v]->value) == 0) a = xs[u], b = ys[v];
        int agree = a != NULL;
        if (!agree && nx == 1 && ny == 1 && !xs[0]->relative && !ys[0]->relative) a = xs[0], b = ys[0];
        if (!a) continue;
        px_conflict *k = new_conflict(c, PX_CONFLICT_DATE, a->text, agree);
        note_conflict(seen, PX_CONFLICT_DATE, a->text);
        add_value(k, x->article, x->sentence, a->value);
        add_value(k, y->article, y->sentence, b->value);
    }
}

static void fact_details(px_comparison *c)
{
    for (size_t k = 0; k < c->facts.len; k++) {
        const px_fact *f = &c->facts.items[k];
        if (f->support.len < 2) continue;
        px_map seen = {0}; /* details found in this fact */
        for (size_t i = 0; i < f->claims.len; i++)
            for (size_t j = i + 1; j < f->claims.len; j++) {
                const px_claim *x = &c->claims.items[f->claims.items[i]];
                const px_claim *y = &c->claims.items[f->claims.items[j]];
                if (x->article == y->article) continue;
                compare_numbers(c, x, y, &seen);
                compare_dates(c, x, y, &seen);
            }
        px_map_free(&seen);
    }
}

static int cmp_conflict(const void *x, const void *y)
{
    const px_conflict *a = x, *b = y;
    if (a->agreement != b->agreement) return a->agreement - b->agreement;
    return (int)a->kind - (int)b->kind;
}

void px_compare_conflicts(px_comparison *c)
{
    name_conflicts(c);
    fact_details(c);
}

void px_compare_sort_conflicts(px_comparison *c)
{
    size_t n = c->conflicts.len;
    for (size_t i = 1; i < n; i++) { /* insertion sort: stable, and n is small */
        px_conflict t = c->conflicts.items[i];
        size_t j = i;
        while (j > 0 && cmp_conflict(&c->conflicts.items[j - 1], &t) > 0) {
            c->conflicts.items[j] = c->conflicts.items[j - 1];
            j--;
        }
        c->conflicts.items[j] = t;
    }
}
