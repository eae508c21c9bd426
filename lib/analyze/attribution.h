/*
 * attribution.h — what attribution.c and attribution_source.c share
 * (internal).  See attribution.c for the cues, attribution_source.c for
 * how a source's words are delimited.
 */
#ifndef PX_ATTRIBUTION_H
#define PX_ATTRIBUTION_H

#include "analyze/quote.h"

/* The source named from token i on ("the Wall Street Journal", skipping
 * "Thursday's report in"); with unnamed_ok also a short lower-case one
 * ending the clause ("diplomatic sources").  An empty span when none. */
px_span px_source_after(const px_article *a, px_toks t, size_t i, int unnamed_ok);

/* The name just before the verb at token v ("Reuters" reported). */
px_span px_source_before(const px_article *a, px_toks t, size_t v);

#endif
