/*
 * entity.c — finds the entities of an article (see analysis.h and, for the
 * steps, entity.h), and answers px_entity_at().
 *
 * The steps fill a work area of mentions and entities; this file then
 * writes the result: entities in order of first mention, each with its
 * type (the strongest evidence of its mentions), its canonical name (the
 * fullest name used), its other names as aliases, its roles (each once,
 * compared without case) and its mentions in text order; and the index of
 * every mention sorted by sentence and start, for px_entity_at().
 *
 * px_find_entity_names() stops after linking: the same entities with the
 * same names and types (both are settled by coref.c; the two steps after
 * it only add roles, and pronoun and role mentions to entities that have a
 * name mention already), without those roles and mentions.  That is what
 * story grouping reads (px_analyze_light()).
 */
#include <string.h>
#include <strings.h>

#include "analyze/entity.h"

#define PX_ENT_MAX_LIST 16 /* aliases and roles kept per entity */

static void work_init(px_ent_work *w, px_context *ctx, const px_article *a, px_analysis *an)
{
    memset(w, 0, sizeof *w);
    w->ctx = ctx, w->a = a, w->an = an;
    size_t ns = a->sentences.len;
    w->sent_tok = px_xcalloc(ns + 1, sizeof *w->sent_tok);
    w->quoted = px_xcalloc(an->tokens.len + 1, 1);
    w->classes = px_xmalloc((an->tokens.len + 1) * sizeof *w->classes);
    for (size_t i = 0; i <= an->tokens.len; i++) w->classes[i] = PX_ENT_UNKNOWN;
    size_t t = 0;
    for (size_t s = 0; s < ns; s++) {
        while (t < an->tokens.len && an->tokens.items[t].sentence < s) t++;
        w->sent_tok[s] = t;
    }
    w->sent_tok[ns] = an->tokens.len;
}

static void work_free(px_ent_work *w)
{
    free(w->sent_tok);
    free(w->quoted);
    free(w->classes);
    for (size_t i = 0; i < w->ents.len; i++) px_vec_free(&w->ents.items[i].roles);
    px_vec_free(&w->ents);
    px_vec_free(&w->mentions);
    px_map_free(&w->cap_mid);
    px_map_free(&w->lower);
    px_map_free(&w->by_key);
    px_map_free(&w->by_surname);
    px_map_free(&w->by_initials);
    px_map_free(&w->by_first);
    px_map_free(&w->by_head);
    px_buf_free(&w->buf);
}

static int cmp_mention(const void *x, const void *y)
{
    const px_ent_mention *a = x, *b = y;
    if (a->sentence != b->sentence) return a->sentence < b->sentence ? -1 : 1;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : a->end > b->end;
}

static void add_unique(px_entity_data *d, const char *s, int roles)
{
    if (roles) {
        for (size_t i = 0; i < d->roles.len; i++)
            if (!strcasecmp(d->roles.items[i], s)) return;
        if (d->roles.len < PX_ENT_MAX_LIST) px_vec_push(&d->roles, s);
        return;
    }
    if (!strcmp(s, d->pub.name)) return;
    for (size_t i = 0; i < d->aliases.len; i++)
        if (!strcmp(d->aliases.items[i], s)) return;
    if (d->aliases.len < PX_ENT_MAX_LIST) px_vec_push(&d->aliases, s);
}

/* Creates the output entity for work entity e. */
static void open_entity(px_ent_work *w, const px_ent *e)
{
    px_entity_data d = {0};
    d.pub.name = px_ent_shouting(e->name) ? px_ent_title_case(w, e->name) : e->name;
    d.pub.type = px_ent_type(e);
    px_vec_push(&w->an->entities, d);
    px_entity_data *o = &w->an->entities.items[w->an->entities.len - 1];
    for (size_t r = 0; r < e->roles.len; r++) add_unique(o, e->roles.items[r], 1);
}

static void add_mention(px_ent_work *w, long out, const px_ent_mention *m)
{
    px_entity_data *d = &w->an->entities.items[out];
    px_mention pm = {.sentence = m->sentence, .start = m->start, .end = m->end, .kind = m->kind};
    if (m->kind == PX_MENTION_NAME || m->kind == PX_MENTION_ALIAS) {
        pm.kind = strcmp(m->text, d->pub.name) ? PX_MENTION_ALIAS : PX_MENTION_NAME;
        add_unique(d, m->text, 0);
    }
    px_vec_push(&d->mentions, pm);
    px_mention_ref ref = {.mention = pm, .entity = out};
    px_vec_push(&w->an->mention_index, ref);
}

static void set_pointers(px_analysis *an)
{
    for (size_t i = 0; i < an->entities.len; i++) {
        px_entity_data *d = &an->entities.items[i];
        d->pub.aliases = d->aliases.items, d->pub.alias_count = d->aliases.len;
        d->pub.roles = d->roles.items, d->pub.role_count = d->roles.len;
        d->pub.mentions = d->mentions.items, d->pub.mention_count = d->mentions.len;
    }
}

static void write_result(px_ent_work *w)
{
    if (w->mentions.len) qsort(w->mentions.items, w->mentions.len, sizeof *w->mentions.items, cmp_mention);
    long *out = px_xcalloc(w->ents.len + 1, sizeof *out);
    for (size_t i = 0; i < w->ents.len; i++) out[i] = -1;
    for (size_t i = 0; i < w->mentions.len; i++) {
        const px_ent_mention *m = &w->mentions.items[i];
        if (m->entity < 0) continue;
        if (i > 0 && !cmp_mention(m, &w->mentions.items[i - 1])) continue; /* the same span twice */
        if (out[m->entity] < 0) {
            out[m->entity] = (long)w->an->entities.len;
            open_entity(w, &w->ents.items[m->entity]);
        }
        add_mention(w, out[m->entity], m);
    }
    free(out);
    set_pointers(w->an);
}

static void find(px_context *ctx, const px_article *a, px_analysis *an, int names_only)
{
    px_ent_work w;
    work_init(&w, ctx, a, an);
    px_ent_scan(&w);
    px_ent_link(&w);
    if (!names_only) {
        px_ent_roles(&w);
        px_ent_pronouns(&w);
    }
    write_result(&w);
    work_free(&w);
}

px_status px_find_entities(px_context *ctx, const px_article *a, px_analysis *an, px_error *err)
{
    (void)err;
    find(ctx, a, an, 0);
    return PX_OK;
}

px_status px_find_entity_names(px_context *ctx, const px_article *a, px_analysis *an,
                               px_error *err)
{
    (void)err;
    find(ctx, a, an, 1);
    return PX_OK;
}

/*
 * Binary search for the first mention at or after (sentence, start); the
 * answer is one of the BACK mentions just before it (a mention that began
 * earlier and reaches into the span), or one from there on that begins
 * before end.  Mentions do not nest deeper than BACK, so a sentence with
 * thousands of names costs a logarithm, not a scan.
 */
long px_entity_at(const px_analysis *an, size_t sentence, size_t start, size_t end)
{
    enum { BACK = 4 };
    const px_mention_ref *m = an->mention_index.items;
    size_t lo = 0, hi = an->mention_index.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m[mid].mention.sentence < sentence ||
            (m[mid].mention.sentence == sentence && m[mid].mention.start < start))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo > BACK ? lo - BACK : 0; i < an->mention_index.len; i++) {
        const px_mention_ref *r = &m[i];
        if (r->mention.sentence < sentence) continue;
        if (r->mention.sentence != sentence || r->mention.start >= end) break;
        if (r->mention.end > start) return r->entity;
    }
    return -1;
}
