/*
 * entity.c — finds the entities of an article (see analysis.h).
 *
 * Not written yet: finds nothing, so the analysis has no entities.
 */
#include "analyze/analysis.h"

px_status px_find_entities(px_context *ctx, const px_article *a, px_analysis *an, px_error *err)
{
    (void)ctx;
    (void)a;
    (void)an;
    (void)err;
    return PX_OK;
}

long px_entity_at(const px_analysis *an, size_t sentence, size_t start, size_t end)
{
    size_t lo = 0, hi = an->mention_index.len; /* first mention at or after sentence */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (an->mention_index.items[mid].mention.sentence < sentence) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i < an->mention_index.len; i++) {
        const px_mention_ref *r = &an->mention_index.items[i];
        if (r->mention.sentence != sentence || r->mention.start >= end) break;
        if (r->mention.end > start) return r->entity;
    }
    return -1;
}
