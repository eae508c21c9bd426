/*
 * entity_role.c — roles written around a name in lower case.
 * (First version: none yet; titles before names come from entity_parse.c.)
 */
#include "analyze/entity.h"

void px_ent_roles(px_ent_work *w) { (void)w; }
