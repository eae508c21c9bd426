/*
 * furniture.c — sentences that are page furniture, not reporting (see
 * px_furniture in analysis.h).
 *
 * For now every sentence is reporting: the rules come with their tests.
 */
#include "analyze/analysis.h"

px_status px_find_furniture(px_context *ctx, const px_article *a, px_analysis *an, px_error *err)
{
    (void)ctx;
    (void)err;
    size_t n = px_article_sentence_count(a);
    for (size_t s = 0; s < n; s++) {
        unsigned char f = PX_FURNITURE_NONE;
        px_vec_push(&an->furniture, f);
    }
    return PX_OK;
}

px_furniture px_sentence_furniture(const px_analysis *an, size_t sentence)
{
    return sentence < an->furniture.len ? (px_furniture)an->furniture.items[sentence]
                                        : PX_FURNITURE_NONE;
}

const char *px_furniture_name(px_furniture f)
{
    static const char *const names[] = {"none",    "share", "media", "copyright",
                                        "contact", "caption", "link", "note"};
    return (unsigned)f < 8 ? names[f] : "none";
}
