/*
 * context.c — px_context: the per-thread state of every layer, made and
 * freed in one place.
 *
 * A px_context is what makes libparallax thread-safe without locks: each
 * layer keeps the mutable state its calls need inside the context (today
 * the text layer's px_text: ICU iterators, stemmers, textcat), and a
 * context is used by one thread at a time.  This file sits above the
 * layers because it creates each of them; a layer that gains per-thread
 * state adds a field to struct px_context (text/text.h) and a line here.
 *
 * libxml2 must be initialised once per process before threads use it
 * (xmlInitParser is not safe to race in 2.9); creating the first context
 * does that, so a program that makes its contexts before starting threads
 * is safe.
 */
#include <stdlib.h>

#include <libxml/parser.h>

#include "text/text.h"

const char *px_version(void)
{
    return PX_VERSION;
}

px_status px_context_new(px_context **out, px_error *err)
{
    if (!out) return px_error_set(err, PX_EUSAGE, NULL, 0, 0, "px_context_new: out is NULL");
    *out = NULL;
    xmlInitParser();
    px_context *ctx = px_xcalloc(1, sizeof *ctx);
    px_status rc = px_text_new(&ctx->text, err);
    if (rc != PX_OK) {
        free(ctx);
        return rc;
    }
    *out = ctx;
    return PX_OK;
}

void px_context_free(px_context *ctx)
{
    if (!ctx) return;
    px_text_free(ctx->text);
    free(ctx);
}
