/*
 * entity_role.c — roles written around a person's name in lower case,
 * where entity_parse.c (capitalised titles) does not see them:
 *
 *   before:  "White House spokesman John Earnest"  -> "White House spokesman"
 *            "press secretary Josh Earnest"        -> "press secretary"
 *   after:   "Susan Rice, President Barack Obama's national security
 *            advisor, made clear"                  -> "national security advisor"
 *            "Michael Steele, chairman of the Republican National
 *            Committee, drew"                      -> "chairman of the Republican
 *                                                     National Committee"
 *
 * Before a name: a role noun right before it, with the title words and
 * capitalised words before that (at most PX_ROLE_MAX_WORDS).  After a name:
 * an apposition between commas whose last word is a role noun (or a role
 * noun then "of/for/at/to" and a name); the role starts after the last
 * article or possessive.  An apposition holding a stop word other than an
 * article ("Rice, who is ...") is a clause, not a role.  Roles are kept as
 * written; the output compares them without case.
 */
#include <string.h>

#include "analyze/entity.h"

#define PX_ROLE_MAX_WORDS 5
#define PX_ROLE_MAX_APPOSITION 14

static unsigned classes(px_ent_work *w, size_t t) { return px_ent_classes(w, t, t + 1); }

static int is_word(const px_ent_work *w, size_t t)
{
    return w->an->tokens.items[t].kind == PX_TOKEN_WORD;
}

static int role_noun(px_ent_work *w, size_t t)
{
    return is_word(w, t) && (classes(w, t) & (PX_GZ_ROLE | PX_GZ_TITLE));
}

static void add_role(px_ent_work *w, long entity, size_t from, size_t to)
{
    const px_token *a = &w->an->tokens.items[from], *b = &w->an->tokens.items[to - 1];
    const char *s = w->a->sentences.items[a->sentence].text;
    const char *r = px_analysis_intern(w->an, s + a->start, b->end - a->start);
    px_vec_push(&w->ents.items[entity].roles, r);
}

/* "White House spokesman John Earnest": the role ending right before m. */
static void role_before(px_ent_work *w, const px_ent_mention *m)
{
    size_t first = w->sent_tok[m->sentence], head = m->tok;
    if (head == first || px_ent_is_cap(w, head - 1) || !role_noun(w, head - 1)) return;
    size_t from = head - 1;
    while (from > first && head - from < PX_ROLE_MAX_WORDS) {
        size_t p = from - 1;
        if (!is_word(w, p) || px_ent_word_at(w, p).possessive) break;
        if (!px_ent_is_cap(w, p) && !(classes(w, p) & (PX_GZ_TITLE_MOD | PX_GZ_ROLE))) break;
        if (w->an->tokens.items[p].stop) break;
        from = p;
    }
    add_role(w, m->entity, from, head);
}

static int article_or_possessive(px_ent_work *w, size_t t)
{
    static const char *const dets[] = {"the", "a", "an", "his", "her", "its", "their"};
    for (size_t i = 0; i < sizeof dets / sizeof *dets; i++)
        if (px_ent_tok_is(w, t, dets[i])) return 1;
    return px_ent_word_at(w, t).possessive;
}

static int linking(px_ent_work *w, size_t t)
{
    return px_ent_tok_is(w, t, "of") || px_ent_tok_is(w, t, "for") || px_ent_tok_is(w, t, "at") ||
           px_ent_tok_is(w, t, "to") || px_ent_tok_is(w, t, "the");
}

/* The apposition after m, from its comma to the closing comma or stop. */
static void role_after(px_ent_work *w, const px_ent_mention *m)
{
    size_t end = w->sent_tok[m->sentence + 1], t = m->tok;
    while (t < end && w->an->tokens.items[t].start < m->end) t++;
    if (t >= end || !px_ent_tok_is(w, t, ",")) return;
    size_t from = t + 1, stop = from, head = 0, start = from;
    for (; stop < end && stop - from < PX_ROLE_MAX_APPOSITION; stop++) {
        if (!is_word(w, stop)) break;
        if (article_or_possessive(w, stop)) {
            if (!head) start = stop + 1;
            continue;
        }
        if (role_noun(w, stop) && !px_ent_is_cap(w, stop) && !head) head = stop + 1;
        else if (w->an->tokens.items[stop].stop && !linking(w, stop)) return;
        else if (head && !px_ent_is_cap(w, stop) && !linking(w, stop)) return;
    }
    if (!head || start >= head || stop == from) return;
    if (stop < end && !px_ent_tok_is(w, stop, ",") && !px_ent_tok_is(w, stop, ".")) return;
    add_role(w, m->entity, start, stop);
}

void px_ent_roles(px_ent_work *w)
{
    for (size_t i = 0; i < w->mentions.len; i++) {
        const px_ent_mention *m = &w->mentions.items[i];
        if (m->entity < 0 || m->kind == PX_MENTION_ROLE) continue;
        if (px_ent_type(&w->ents.items[m->entity]) != PX_ENTITY_PERSON) continue;
        role_before(w, m);
        role_after(w, m);
    }
}
