/*
 * pronoun.c — "he", "she" and "the president" resolved to entities.
 * (First version: none yet.)
 */
#include "analyze/entity.h"

void px_ent_pronouns(px_ent_work *w) { (void)w; }
