/*
 * coref.c — joins the name mentions of one article into entities.
 *
 * Pass 1, the full names: a name of two words or more, a name of the alias
 * table, or a known place or organization becomes (or joins) the entity of
 * its key; alias-table names share the key "#N" of their group, so "Islamic
 * State", "ISIS", "ISIL" and "IS" are one entity.  Persons register their
 * last word ("rice" for "Susan Rice"), organizations their initials ("WSJ"
 * for "Wall Street Journal").
 *
 * Pass 2, in text order, the single words: a surname of a registered person
 * is that person ("Rice"; among several persons of one surname, the one
 * mentioned last, else the first named), an acronym matching initials is
 * that organization, anything else an entity of its own.
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
        if (rank < e->name_rank || (rank == e->name_rank && m->words > e->name_words))
            e->name = m->text, e->name_words = m->words, e->name_rank = rank;
    }
    if (m->type >= 0) e->votes[m->type] += m->strength ? m->strength : 1;
    if (m->gender && !e->gender) e->gender = m->gender;
    for (int r = 0; r < PX_ENT_MAX_ROLES && m->roles[r]; r++) px_vec_push(&e->roles, m->roles[r]);
}

static void register_surname(px_ent_work *w, long id, const char *key)
{
    const char *sp = strrchr(key, ' ');
    const char *last = sp ? sp + 1 : key;
    size_t n = strlen(last);
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

static void pass_full_names(px_ent_work *w)
{
    for (size_t i = 0; i < w->mentions.len; i++) {
        px_ent_mention *m = &w->mentions.items[i];
        if (m->kind != PX_MENTION_NAME) continue;
        int known = m->strength == 3 && m->type != PX_ENTITY_PERSON;
        if (m->alias < 0 && m->words < 2 && !known) continue;
        size_t before = w->ents.len;
        m->entity = find_or_add(w, key_of(w, m), m);
        absorb(w, m->entity, m);
        if (w->ents.len == before) continue;
        if (m->words >= 2 && is_person_like(m)) register_surname(w, m->entity, m->key);
        if (m->words >= 2 && m->type == PX_ENTITY_ORGANIZATION) register_initials(w, m->entity, m->text);
    }
}

/* Among the persons sharing a surname: the one seen last, else the first named. */
static long pick_surname(const px_ent_work *w, long head)
{
    long best = -1, first = head;
    int steps = 0;
    for (long e = head; e >= 0 && steps < PX_ENT_MAX_CHAIN; e = w->ents.items[e].next_same_surname, steps++) {
        if (w->ents.items[e].last_seen &&
            (best < 0 || w->ents.items[e].last_seen > w->ents.items[best].last_seen))
            best = e;
        first = e; /* the chain runs newest to oldest */
    }
    return best >= 0 ? best : first;
}

static long resolve_single(px_ent_work *w, px_ent_mention *m)
{
    void *v = px_map_get(&w->by_surname, m->key, strlen(m->key));
    if (v && m->type != PX_ENTITY_ORGANIZATION && m->type != PX_ENTITY_PLACE) {
        m->kind = PX_MENTION_ALIAS;
        long id = pick_surname(w, (long)((uintptr_t)v - 1));
        w->ents.items[id].votes[PX_ENTITY_PERSON] += 1;
        return id;
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
        }
        w->ents.items[m->entity].last_seen = i + 1;
    }
}

void px_ent_link(px_ent_work *w)
{
    pass_full_names(w);
    pass_single_words(w);
}

px_entity_type px_ent_type(const px_ent *e)
{
    int best = PX_ENTITY_OTHER, votes = 0;
    for (int t = 0; t < 4; t++)
        if (e->votes[t] > votes) best = t, votes = e->votes[t];
    return (px_entity_type)best;
}
