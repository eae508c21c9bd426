/*
 * entities.c — the story's people, organizations and places, each joined
 * across the articles that mention it.
 *
 * For now an entity is joined to another article's when their canonical
 * names fold to the same key and their types agree; spelling variants,
 * nicknames, initials and surname-only mentions come with their rules.
 * The name a story entity shows is the one most articles use, ties going
 * to the earliest article.
 */
#include <string.h>

#include "compare/compare.h"

static uint64_t name_key(const px_entity *e)
{
    return px_fold_hash(e->name, strlen(e->name)) * 4u + (uint64_t)e->type;
}

void px_compare_entities(px_comparison *c)
{
    c->entity_base = px_xcalloc(c->n + 1, sizeof *c->entity_base);
    for (size_t a = 0; a < c->n; a++)
        c->entity_base[a + 1] = c->entity_base[a] + c->analyses[a]->entities.len;
    c->entity_of = px_xcalloc(c->entity_base[c->n] ? c->entity_base[c->n] : 1, sizeof *c->entity_of);
    px_map by_key = {0}; /* name key -> story entity index + 1 */
    for (size_t a = 0; a < c->n; a++) {
        const px_analysis *an = c->analyses[a];
        for (size_t i = 0; i < an->entities.len; i++) {
            const px_entity *e = &an->entities.items[i].pub;
            uint64_t key = name_key(e);
            size_t id = (size_t)(uintptr_t)px_map_get(&by_key, (const char *)&key, sizeof key);
            if (!id) {
                px_story_entity se = {.name = e->name, .type = e->type};
                px_vec_push(&c->entities, se);
                id = c->entities.len;
                px_map_put(&by_key, (const char *)&key, sizeof key, (void *)(uintptr_t)id);
            }
            px_entity_ref r = {a, i};
            px_vec_push(&c->entities.items[id - 1].refs, r);
            c->entity_of[c->entity_base[a] + i] = (long)(id - 1);
        }
    }
    px_map_free(&by_key);
}

long px_compare_entity(const px_comparison *c, size_t article, long entity)
{
    if (entity < 0 || article >= c->n || !c->entity_of) return -1;
    size_t at = c->entity_base[article] + (size_t)entity;
    return at < c->entity_base[article + 1] ? c->entity_of[at] : -1;
}
