/*
 * pronoun.c — resolves "he"/"she" (and him, his, her, ...) and role
 * mentions ("the president", "the spokesman", a capitalised title alone)
 * to the entities found by coref.c.
 *
 * One walk over the sentences in order.  The rule for a pronoun outside
 * quotation marks: the first person of its own sentence before it whose
 * gender agrees (the subject, as news writes "Rice said she ..."); else the
 * first agreeing person of the nearest of the PX_PRONOUN_BACK sentences
 * before (the subject of the sentence before: "John Earnest refused ...
 * / '...,' he said").  In a sentence before, a person named in an aside —
 * an opening subordinate clause up to its comma ("If last year's speech,
 * delivered by Rush Limbaugh, was ..., Beck's stood out"), or words
 * between dashes or parentheses — is taken only when the main clause
 * names no one who agrees: the aside is rarely the subject.  A resolved pronoun counts as a mention of its person
 * for the pronouns after it, and gives a person of unknown gender its
 * gender.  Pronouns inside quotation marks are the speaker's, not the
 * reporter's ("as long as he'd like me to"), and are left alone; names in
 * quotations are not candidates either.  "they" and "it" are not resolved.
 *
 * A role mention goes to the entity, mentioned last before it, that holds
 * a role with the same head word ("the president" -> the entity with role
 * "President"); when none is mentioned before it, the first entity with
 * that role.  Only roles the article itself gives count, so "the
 * president" of an article that names no president stays unresolved.
 */
#include <string.h>
#include <strings.h>

#include "analyze/entity.h"

#define PX_PRONOUN_BACK 3    /* sentences looked back */
#define PX_PRONOUN_SUBJECTS 4 /* persons remembered per sentence */
#define PX_ROLE_PHRASE 3     /* words between "the" and a role's head */

typedef struct sentence_persons {
    long ids[PX_PRONOUN_SUBJECTS];
    unsigned char aside[PX_PRONOUN_SUBJECTS]; /* 1: named in an aside */
    int n;
} sentence_persons;

typedef struct walk {
    px_ent_work *w;
    sentence_persons recent[PX_PRONOUN_BACK + 1]; /* [0] is the current sentence */
    px_map last_with_role;  /* role head -> entity + 1, mentioned last */
    px_map first_with_role; /* role head -> entity + 1, first in the article */
    PX_VEC(px_ent_mention) added;
    int intro, dashes, parens; /* the aside the walk is in (see aside_step) */
} walk;

/* 'm' or 'f' for a third-person singular pronoun, else 0. */
static int pronoun_gender(const char *norm)
{
    static const char *const he[] = {"he", "him", "his", "himself", "he's", "he'd", "he'll"};
    static const char *const she[] = {"she", "her", "hers", "herself", "she's", "she'd", "she'll"};
    for (size_t i = 0; i < sizeof he / sizeof *he; i++) {
        if (!strcmp(norm, he[i])) return 'm';
        if (!strcmp(norm, she[i])) return 'f';
    }
    return 0;
}

/* The head word of a role, folded into buf: "Secretary of State" -> "secretary". */
static const char *role_head(px_buf *buf, const char *role)
{
    const char *of = strstr(role, " of ");
    size_t n = of ? (size_t)(of - role) : strlen(role);
    size_t start = n;
    while (start > 0 && role[start - 1] != ' ') start--;
    px_buf_reset(buf);
    for (size_t i = start; i < n; i++) {
        char c = role[i];
        px_buf_putc(buf, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
    }
    return px_buf_str(buf);
}

static void note_roles(walk *k, long id)
{
    const px_ent *e = &k->w->ents.items[id];
    for (size_t r = 0; r < e->roles.len && r < 8; r++) {
        const char *h = role_head(&k->w->buf, e->roles.items[r]);
        size_t n = k->w->buf.len;
        px_map_put(&k->last_with_role, h, n, (void *)(uintptr_t)(id + 1));
        if (!px_map_get(&k->first_with_role, h, n))
            px_map_put(&k->first_with_role, h, n, (void *)(uintptr_t)(id + 1));
    }
}

static long entity_with_role(walk *k, const char *head, size_t n)
{
    void *v = px_map_get(&k->last_with_role, head, n);
    if (!v) v = px_map_get(&k->first_with_role, head, n);
    return v ? (long)((uintptr_t)v - 1) : -1;
}

static int in_aside(const walk *k) { return k->intro || k->dashes || k->parens; }

static void note_person(walk *k, long id)
{
    sentence_persons *s = &k->recent[0];
    for (int i = 0; i < s->n; i++)
        if (s->ids[i] == id) return;
    if (s->n < PX_PRONOUN_SUBJECTS) s->aside[s->n] = (unsigned char)in_aside(k), s->ids[s->n++] = id;
}

/* Opening words of a subordinate clause that precedes the main one. */
static int subordinator(const char *norm)
{
    static const char *const words[] = {"if", "when", "while", "although", "though", "after",
                                        "before", "as", "since", "because", "once", "unless"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (!strcmp(norm, words[i])) return 1;
    return 0;
}

/* Moves the aside state over token t, the i-th of its sentence. */
static void aside_step(walk *k, size_t t, size_t i)
{
    const px_token *tok = &k->w->an->tokens.items[t];
    if (i == 0) k->intro = tok->kind == PX_TOKEN_WORD && subordinator(tok->norm), k->dashes = k->parens = 0;
    if (tok->kind != PX_TOKEN_PUNCT) return;
    const char *s = tok->norm;
    if (!strcmp(s, ",") && !k->dashes && !k->parens) k->intro = 0;
    else if (!strcmp(s, "-") || !strcmp(s, "\xe2\x80\x94") || !strcmp(s, "\xe2\x80\x93")) k->dashes = !k->dashes;
    else if (!strcmp(s, "(")) k->parens++;
    else if (!strcmp(s, ")") && k->parens) k->parens--;
}

static int agrees(const px_ent *e, int gender) { return !e->gender || e->gender == gender; }

static long antecedent(walk *k, int gender)
{
    for (int back = 0; back <= PX_PRONOUN_BACK; back++) {
        const sentence_persons *s = &k->recent[back];
        for (int pass = back ? 0 : 1; pass < 2; pass++) /* main clause first, before this one */
            for (int i = 0; i < s->n; i++)
                if ((pass || !s->aside[i]) && agrees(&k->w->ents.items[s->ids[i]], gender))
                    return s->ids[i];
    }
    return -1;
}

static void add(walk *k, size_t tok, size_t to, px_mention_kind kind, long id)
{
    const px_token *a = &k->w->an->tokens.items[tok], *b = &k->w->an->tokens.items[to - 1];
    px_ent_mention m = {.sentence = a->sentence, .start = a->start, .end = b->end, .tok = tok,
                        .kind = kind, .type = PX_ENTITY_PERSON, .alias = -1, .entity = id,
                        .quoted = k->w->quoted[tok]};
    const char *s = k->w->a->sentences.items[a->sentence].text;
    m.text = px_analysis_intern(k->w->an, s + m.start, m.end - m.start);
    m.key = m.text;
    px_vec_push(&k->added, m);
}

static void pronoun_at(walk *k, size_t t)
{
    int g = pronoun_gender(k->w->an->tokens.items[t].norm);
    if (!g || k->w->quoted[t]) return;
    long id = antecedent(k, g);
    if (id < 0) return;
    px_ent *e = &k->w->ents.items[id];
    if (!e->gender) e->gender = g;
    add(k, t, t + 1, PX_MENTION_PRONOUN, id);
    note_person(k, id);
}

/* "the president", "the press secretary": a lower-case role after "the". */
static void role_phrase_at(walk *k, size_t t, size_t end)
{
    px_ent_work *w = k->w;
    if (strcmp(w->an->tokens.items[t].norm, "the")) return;
    for (size_t h = t + 1; h < end && h <= t + PX_ROLE_PHRASE; h++) {
        const px_token *tok = &w->an->tokens.items[h];
        if (tok->kind != PX_TOKEN_WORD || px_ent_is_cap(w, h) || tok->stop) return;
        if (!(px_ent_classes(w, h, h + 1) & PX_GZ_ROLE)) continue;
        if (h + 1 < end && (px_ent_tok_is(w, h + 1, "of") || px_ent_is_cap(w, h + 1))) return;
        long id = entity_with_role(k, tok->norm, strlen(tok->norm));
        if (id >= 0) add(k, t, h + 1, PX_MENTION_ROLE, id);
        return;
    }
}

/* A name mention (or a capitalised title alone) of the walk. */
static void mention_at(walk *k, px_ent_mention *m)
{
    if (m->kind == PX_MENTION_ROLE && m->entity < 0 && m->roles[0]) {
        const char *h = role_head(&k->w->buf, m->roles[0]);
        m->entity = entity_with_role(k, h, k->w->buf.len);
    }
    if (m->entity < 0) return;
    note_roles(k, m->entity);
    if (!m->quoted && px_ent_type(&k->w->ents.items[m->entity]) == PX_ENTITY_PERSON)
        note_person(k, m->entity);
}

static void next_sentence(walk *k)
{
    memmove(&k->recent[1], &k->recent[0], PX_PRONOUN_BACK * sizeof k->recent[0]);
    k->recent[0].n = 0;
}

/* Every entity's roles, first holder first, for role mentions before any
 * mention of their holder. */
static void collect_first_roles(walk *k)
{
    for (size_t i = 0; i < k->w->mentions.len; i++) {
        long id = k->w->mentions.items[i].entity;
        if (id < 0) continue;
        const px_ent *e = &k->w->ents.items[id];
        for (size_t r = 0; r < e->roles.len && r < 8; r++) {
            const char *h = role_head(&k->w->buf, e->roles.items[r]);
            if (!px_map_get(&k->first_with_role, h, k->w->buf.len))
                px_map_put(&k->first_with_role, h, k->w->buf.len, (void *)(uintptr_t)(id + 1));
        }
    }
}

void px_ent_pronouns(px_ent_work *w)
{
    walk k = {.w = w};
    collect_first_roles(&k);
    size_t mi = 0;
    for (size_t s = 0; s < w->a->sentences.len; s++) {
        next_sentence(&k);
        size_t end = w->sent_tok[s + 1];
        for (size_t t = w->sent_tok[s]; t < end; t++) {
            aside_step(&k, t, t - w->sent_tok[s]);
            while (mi < w->mentions.len && w->mentions.items[mi].tok <= t)
                mention_at(&k, &w->mentions.items[mi++]);
            pronoun_at(&k, t);
            role_phrase_at(&k, t, end);
        }
    }
    for (size_t i = 0; i < k.added.len; i++) px_vec_push(&w->mentions, k.added.items[i]);
    px_vec_free(&k.added);
    px_map_free(&k.last_with_role);
    px_map_free(&k.first_with_role);
}
