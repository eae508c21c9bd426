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
 * Numbers, dates and the other slots are the fact model's (slots.c,
 * judge.c); quote speakers and wording are found in quotes.c.  This file
 * also orders the lot (px_compare_sort_conflicts).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/compare.h"

static void add_value(px_conflict *k, size_t article, size_t sentence, const char *value)
{
    px_value v = {article, sentence, value, NULL, "name-surname", 0};
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

/* The only person of article a with this surname, or -1 (none or several). */
static long only_person(const px_analysis *an, const char *last)
{
    long found = -1;
    for (size_t i = 0; i < an->entities.len; i++) {
        const px_entity *e = &an->entities.items[i].pub;
        const char *s = e->type == PX_ENTITY_PERSON ? surname(e->name) : NULL;
        if (!s || strcasecmp(s, last) != 0) continue;
        if (found >= 0) return -1;
        found = (long)i;
    }
    return found;
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

/* One candidate conflict per surname: each article's only person with it. */
static void surname_conflict(px_comparison *c, const char *first_name, const char *last)
{
    px_conflict k = {.kind = PX_CONFLICT_NAME, .slot = PX_SLOT_NAME, .subject = last};
    int differ = 0;
    for (size_t b = 0; b < c->n; b++) {
        long j = only_person(c->analyses[b], last);
        if (j < 0) continue;
        const px_entity *f = &c->analyses[b]->entities.items[j].pub;
        add_value(&k, b, first_sentence(f), f->name);
        differ |= !compatible_names(first_name, f->name);
    }
    if (differ && !someone_uses_both(c, &k)) px_vec_push(&c->conflicts, k);
    else px_vec_free(&k.values);
}

static void name_conflicts(px_comparison *c)
{
    px_map done = {0}; /* surnames already looked at */
    for (size_t a = 0; a < c->n; a++) {
        const px_analysis *an = c->analyses[a];
        for (size_t i = 0; i < an->entities.len; i++) {
            const px_entity *e = &an->entities.items[i].pub;
            const char *last = e->type == PX_ENTITY_PERSON ? surname(e->name) : NULL;
            if (!last || only_person(an, last) != (long)i) continue;
            uint64_t key = px_fold_hash(last, strlen(last));
            if (px_map_get(&done, (const char *)&key, sizeof key)) continue;
            px_map_put(&done, (const char *)&key, sizeof key, (void *)1);
            surname_conflict(c, e->name, last);
        }
    }
    px_map_free(&done);
}

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

/* The order of compare.h: judgment, slot, subject, entity, then the
 * values themselves, so equal inputs in any order sort alike. */
static int cmp_conflict(const void *x, const void *y)
{
    const px_conflict *a = x, *b = y;
    if (a->judgment != b->judgment) return (int)a->judgment - (int)b->judgment;
    if (a->slot != b->slot) return (int)a->slot - (int)b->slot;
    int k = cmp_str(a->subject, b->subject);
    if (k || (k = cmp_str(a->entity, b->entity))) return k;
    for (size_t i = 0; i < a->values.len && i < b->values.len; i++) {
        if ((k = cmp_str(a->values.items[i].value, b->values.items[i].value))) return k;
        if ((k = cmp_str(a->values.items[i].surface, b->values.items[i].surface))) return k;
    }
    return a->values.len < b->values.len ? -1 : a->values.len > b->values.len;
}

void px_compare_conflicts(px_comparison *c)
{
    name_conflicts(c);
}

void px_compare_sort_conflicts(px_comparison *c)
{
    if (c->conflicts.len > 1)
        qsort(c->conflicts.items, c->conflicts.len, sizeof *c->conflicts.items, cmp_conflict);
}
