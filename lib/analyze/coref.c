/*
 * coref.c — joins the name mentions of one article into entities.
 *
 * Pass 1, the full names: a name of two words or more, a name of the alias
 * table, or a known place or organization becomes (or joins) the entity of
 * its key; alias-table names share the key "#N" of their group, so "Islamic
 * State", "ISIS", "ISIL" and "IS" are one entity.  Persons register their
 * last word ("rice" for "Susan Rice"; the word before a suffix: "brandt" for
 * "Walter P. Brandt Jr."), organizations their initials ("WSJ" for "Wall
 * Street Journal").
 *
 * Pass 2, in text order, the single words: a surname of a registered person
 * is that person ("Rice"; among several persons of one surname, the one
 * mentioned last, else the first named, or for a surname a verb of saying
 * follows the one who spoke last; a word the gazetteer knows as a
 * place only when a verb of saying follows: "Jordan said" after "Sheriff
 * Tom Jordan"); a first name only one person
 * has is that person ("Hillary"); an organization's cue word alone is the
 * organization mentioned last with that last word ("the Committee"); an
 * acronym matching initials is that organization; anything else is an
 * entity of its own, a person if a verb of saying follows it ("Issa
 * said").
 *
 * Lookups go through px_map, so the passes are linear in the mentions; a
 * surname chain is walked at most PX_ENT_MAX_CHAIN steps.
 */
#include <string.h>

#include "analyze/entity.h"

#define PX_ENT_MAX_CHAIN 16

static long find_or_add(px_ent_work *w, const char *key, const px_ent_mention *m)
{
    size_t kn = strlen(key);
    void *v = px_map_get(&w->by_key, key, kn);
    if (v) return (long)((uintptr_t)v - 1);
    px_ent e = {.key = key, .name = m->text, .name_words = m->words, .alias = m->alias,
                .next_same_surname = -1};
    e.name_rank = m->alias >= 0 ? px_alias_rank(m->alias, m->key, strlen(m->key)) : 0;
    px_vec_push(&w->ents, e);
    px_map_put(&w->by_key, key, kn, (void *)(uintptr_t)w->ents.len);
    return (long)w->ents.len - 1;
}

static const char *key_of(px_ent_work *w, const px_ent_mention *m)
{
    if (m->alias < 0) return m->key;
    px_buf_reset(&w->buf);
    px_buf_printf(&w->buf, "#%ld", m->alias);
    return px_analysis_intern(w->an, px_buf_str(&w->buf), w->buf.len);
}

/* Takes m's name for e when it is fuller (more words, or preferred in the
 * alias table), and its type, gender and role evidence. */
static void absorb(px_ent_work *w, long id, const px_ent_mention *m)
{
    px_ent *e = &w->ents.items[id];
    if (m->kind == PX_MENTION_NAME) {
        int rank = m->alias >= 0 ? px_alias_rank(m->alias, m->key, strlen(m->key)) : 0;
        int loud = px_ent_shouting(m->text), was_loud = px_ent_shouting(e->name);
        if ((was_loud && !loud) ||
            (loud == was_loud && (rank < e->name_rank || (rank == e->name_rank && m->words > e->name_words))))
            e->name = m->text, e->name_words = m->words, e->name_rank = rank;
    }
    if (m->type >= 0) e->votes[m->type] += m->strength ? m->strength : 1;
    if (m->gender && !e->gender) e->gender = m->gender;
    for (int r = 0; r < PX_ENT_MAX_ROLES && m->roles[r]; r++) px_vec_push(&e->roles, m->roles[r]);
}

/* A generational suffix after a surname: "jr" of "roger j stone jr". */
static int suffix_word(const char *w, size_t n)
{
    static const char *const S[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};
    for (size_t i = 0; i < sizeof S / sizeof *S; i++)
        if (strlen(S[i]) == n && !memcmp(S[i], w, n)) return 1;
    return 0;
}

/* The surname of a person's key: its last word, or the one before a
 * suffix ("brandt" of "walter p brandt jr"). */
static const char *surname_of(const char *key, size_t *len)
{
    size_t end = strlen(key);
    while (end && key[end - 1] == ',') end--;
    size_t start = end;
    while (start && key[start - 1] != ' ') start--;
    if (start > 1 && suffix_word(key + start, end - start)) {
        end = start - 1;
        while (end && key[end - 1] == ',') end--;
        start = end;
        while (start && key[start - 1] != ' ') start--;
    }
    *len = end - start;
    return key + start;
}

static void register_surname(px_ent_work *w, long id, const char *key)
{
    size_t n;
    const char *last = surname_of(key, &n);
    void *head = px_map_get(&w->by_surname, last, n);
    w->ents.items[id].next_same_surname = head ? (long)((uintptr_t)head - 1) : -1;
    px_map_put(&w->by_surname, last, n, (void *)(uintptr_t)(id + 1));
}

static int skip_in_initials(const char *s, size_t n)
{
    return (n == 2 && !memcmp(s, "of", 2)) || (n == 3 && !memcmp(s, "the", 3)) ||
           (n == 3 && !memcmp(s, "and", 3));
}

/* "Wall Street Journal" -> "WSJ" into w->buf (dots of "U.N." dropped). */
static void initials(px_ent_work *w, const char *text)
{
    px_buf_reset(&w->buf);
    for (const char *p = text; *p;) {
        while (*p == ' ') p++;
        const char *q = p;
        while (*q && *q != ' ') q++;
        if (q > p && !skip_in_initials(p, (size_t)(q - p)) && *p >= 'A' && *p <= 'Z')
            px_buf_putc(&w->buf, *p);
        p = q;
    }
}

static void register_initials(px_ent_work *w, long id, const char *text)
{
    initials(w, text);
    if (w->buf.len >= 2) px_map_put(&w->by_initials, px_buf_str(&w->buf), w->buf.len, (void *)(uintptr_t)(id + 1));
}

static int is_person_like(const px_ent_mention *m)
{
    return (m->type == PX_ENTITY_PERSON || m->type < 0) && m->alias < 0 && m->words <= 4;
}

/* A person's first name, for "Hillary" after "Hillary Clinton"; a first
 * name two persons share resolves to neither (AMBIGUOUS). */
#define AMBIGUOUS ((void *)(uintptr_t)-1)

static void register_first_name(px_ent_work *w, long id, const char *key)
{
    const char *sp = strchr(key, ' ');
    size_t n = sp ? (size_t)(sp - key) : 0;
    if (!n) return;
    void *old = px_map_get(&w->by_first, key, n);
    void *mine = (void *)(uintptr_t)(id + 1);
    if (old != mine) px_map_put(&w->by_first, key, n, old ? AMBIGUOUS : mine);
}

/* The last word of an organization's name ("committee"), for "the
 * Committee" after "the Senate Judiciary Committee". */
static void note_head(px_ent_work *w, long id, const px_ent_mention *m)
{
    if (m->words < 2 || m->type != PX_ENTITY_ORGANIZATION) return;
    const char *sp = strrchr(m->key, ' ');
    const char *last = sp ? sp + 1 : m->key;
    if (px_gz_lookup(last, strlen(last)) & PX_GZ_ORG_CUE)
        px_map_put(&w->by_head, last, strlen(last), (void *)(uintptr_t)(id + 1));
}

/* "Steele said", "Issa told": a name followed by a verb of saying. */
static int speaks(px_ent_work *w, const px_ent_mention *m)
{
    static const char *const verbs[] = {"said", "says", "told", "added", "argued", "wrote",
                                        "asked", "explained", "noted", "insisted", "tweeted"};
    size_t t = m->tok + (size_t)m->words;
    if (t >= w->an->tokens.len || w->an->tokens.items[t].sentence != m->sentence) return 0;
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (!strcmp(w->an->tokens.items[t].norm, verbs[i])) return 1;
    return 0;
}

static void pass_full_names(px_ent_work *w)
{
    for (size_t i = 0; i < w->mentions.len; i++) {
        px_ent_mention *m = &w->mentions.items[i];
        if (m->kind != PX_MENTION_NAME) continue;
        int known = m->strength == 3 && m->type != PX_ENTITY_PERSON;
        if (m->alias < 0 && m->words < 2 && (!known || speaks(w, m))) continue; /* pass 2's */
        size_t before = w->ents.len;
        m->entity = find_or_add(w, key_of(w, m), m);
        absorb(w, m->entity, m);
        if (w->ents.len == before) continue;
        if (m->words >= 2 && is_person_like(m)) {
            register_surname(w, m->entity, m->key);
            register_first_name(w, m->entity, m->key);
        }
        if (m->words >= 2 && m->type == PX_ENTITY_ORGANIZATION) register_initials(w, m->entity, m->text);
    }
}

/* Among the persons sharing a surname: for a surname a verb of saying
 * follows (speaking), the one who spoke last ("Jane Ortiz said of Tina
 * Ortiz ... Ortiz said" is Jane); else the one seen last, else
 * the first named. */
static long pick_surname(const px_ent_work *w, long head, int speaking)
{
    long best = -1, first = head, spoke = -1;
    int steps = 0;
    for (long e = head; e >= 0 && steps < PX_ENT_MAX_CHAIN; e = w->ents.items[e].next_same_surname, steps++) {
        const px_ent *x = &w->ents.items[e];
        if (x->last_seen && (best < 0 || x->last_seen > w->ents.items[best].last_seen)) best = e;
        if (x->last_spoke && (spoke < 0 || x->last_spoke > w->ents.items[spoke].last_spoke)) spoke = e;
        first = e; /* the chain runs newest to oldest */
    }
    if (speaking && spoke >= 0) return spoke;
    return best >= 0 ? best : first;
}

static long resolve_single(px_ent_work *w, px_ent_mention *m)
{
    void *v = px_map_get(&w->by_surname, m->key, strlen(m->key));
    int place = m->type == PX_ENTITY_ORGANIZATION || m->type == PX_ENTITY_PLACE;
    if (v && (!place || speaks(w, m))) { /* "Jordan said" after "Sheriff Tom Jordan" */
        m->kind = PX_MENTION_ALIAS;
        if (place) m->type = -1, m->strength = 0; /* the gazetteer's reading, not this one */
        long id = pick_surname(w, (long)((uintptr_t)v - 1), speaks(w, m));
        w->ents.items[id].votes[PX_ENTITY_PERSON] += 1;
        return id;
    }
    v = px_map_get(&w->by_first, m->key, strlen(m->key));
    if (v && v != AMBIGUOUS && m->type != PX_ENTITY_ORGANIZATION && m->type != PX_ENTITY_PLACE) {
        m->kind = PX_MENTION_ALIAS;
        return (long)((uintptr_t)v - 1);
    }
    v = px_map_get(&w->by_head, m->key, strlen(m->key));
    if (v) {
        m->kind = PX_MENTION_ALIAS;
        return (long)((uintptr_t)v - 1);
    }
    if (m->acronym) {
        initials(w, m->text);
        v = w->buf.len ? px_map_get(&w->by_initials, px_buf_str(&w->buf), w->buf.len) : NULL;
        if (v) {
            m->kind = PX_MENTION_ALIAS;
            return (long)((uintptr_t)v - 1);
        }
    }
    return find_or_add(w, m->key, m);
}

static void pass_single_words(px_ent_work *w)
{
    for (size_t i = 0; i < w->mentions.len; i++) {
        px_ent_mention *m = &w->mentions.items[i];
        if (m->kind == PX_MENTION_ROLE) continue;
        if (m->entity < 0) {
            m->entity = resolve_single(w, m);
            absorb(w, m->entity, m);
            if (m->type < 0 && speaks(w, m)) w->ents.items[m->entity].votes[PX_ENTITY_PERSON] += 1;
        }
        w->ents.items[m->entity].last_seen = i + 1;
        if (m->kind != PX_MENTION_ROLE && speaks(w, m)) w->ents.items[m->entity].last_spoke = i + 1;
        note_head(w, m->entity, m);
    }
}

/* A name of two or three capitalised words with no evidence at all is
 * most often a person in news ("Reince Priebus", "Huma Abedin"), unless
 * one of its words is also written in lower case in the article ("Witch
 * Hunt"), it ends like a law or an event ("Affordable Care Act"), or it
 * opens with a demonym that is no first name ("Iranian Revolution",
 * "American Airlines"; "Christian Bale" keeps his).  A place first is no
 * such evidence: "Paris Hilton", "Georgia Smith". */
static int looks_like_person(px_ent_work *w, const px_ent *e)
{
    if (e->name_words < 2 || e->name_words > 3 || e->alias >= 0) return 0;
    for (int t = 0; t < 4; t++)
        if (e->votes[t]) return 0;
    const char *p = e->key, *sp = strchr(p, ' ');
    unsigned first = sp ? px_gz_lookup(p, (size_t)(sp - p)) : 0;
    if ((first & PX_GZ_DEMONYM) && !(first & PX_GZ_FIRST_NAME)) return 0;
    while (*p) {
        const char *q = strchr(p, ' ');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (px_map_get(&w->lower, p, n) || (px_gz_lookup(p, n) & PX_GZ_OTHER_CUE)) return 0;
        for (size_t i = 0; i < n; i++)
            if (p[i] >= '0' && p[i] <= '9') return 0;
        p += n + (q != NULL);
    }
    return !px_ent_shouting(e->name);
}

void px_ent_link(px_ent_work *w)
{
    pass_full_names(w);
    pass_single_words(w);
    for (size_t i = 0; i < w->ents.len; i++)
        if (looks_like_person(w, &w->ents.items[i])) w->ents.items[i].votes[PX_ENTITY_PERSON] = 1;
}

px_entity_type px_ent_type(const px_ent *e)
{
    int best = PX_ENTITY_OTHER, votes = 0;
    for (int t = 0; t < 4; t++)
        if (e->votes[t] > votes) best = t, votes = e->votes[t];
    return (px_entity_type)best;
}
