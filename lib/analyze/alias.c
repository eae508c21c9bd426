/*
 * alias.c — the alias table: names that rules cannot join by themselves.
 *
 * The entity finder joins "Susan Rice" and "Rice" by the surname, and "Wall
 * Street Journal" and "WSJ" by the initials (coref.c), but nothing in the
 * letters of "ISIL" says it is the Islamic State, or "America" the United
 * States.  Those go here, each group with its type and its forms, the
 * preferred (fullest) form first: an entity found through the table is
 * named by the most preferred form the article uses.
 *
 * A form written in capitals is an acronym and matches only as written:
 * "IS" and "US" are aliases, "Is" and "us" are words.  Other forms match
 * the folded name.  Keep the table small and unambiguous: a form belongs to
 * one group only.  A linear scan of some hundred forms per name is cheaper
 * here than building an index for every article.
 */
#include <string.h>

#include "analyze/entity.h"

typedef struct group {
    px_entity_type type;
    const char *forms[10]; /* preferred first; ends at the first NULL */
} group;

static const group groups[] = {
    {PX_ENTITY_ORGANIZATION, {"Islamic State", "Islamic State of Iraq and the Levant",
                              "Islamic State of Iraq and Syria", "ISIS", "ISIL", "IS", "Daesh",
                              "Daish"}},
    {PX_ENTITY_PLACE, {"United States", "United States of America", "America", "U.S.", "US",
                       "USA", "U.S.A."}},
    {PX_ENTITY_ORGANIZATION, {"United Nations", "U.N.", "UN"}},
    {PX_ENTITY_PLACE, {"United Kingdom", "Great Britain", "Britain", "UK", "U.K."}},
    {PX_ENTITY_ORGANIZATION, {"European Union", "EU", "E.U."}},
    {PX_ENTITY_PLACE, {"Soviet Union", "USSR", "U.S.S.R."}},
    {PX_ENTITY_PLACE, {"United Arab Emirates", "UAE", "U.A.E."}},
    {PX_ENTITY_PLACE, {"Democratic Republic of Congo", "Democratic Republic of the Congo", "DRC"}},
    {PX_ENTITY_ORGANIZATION, {"Republican Party", "GOP"}},
    {PX_ENTITY_ORGANIZATION, {"al-Qaeda", "al Qaeda", "al-Qaida", "al Qaida"}},
    {PX_ENTITY_ORGANIZATION, {"Hezbollah", "Hizbollah", "Hizballah"}},
    {PX_ENTITY_ORGANIZATION, {"Islamic Revolutionary Guard Corps", "Revolutionary Guards",
                              "Revolutionary Guard", "IRGC"}},
    {PX_ENTITY_ORGANIZATION, {"North Atlantic Treaty Organization", "NATO"}},
    {PX_ENTITY_ORGANIZATION, {"World Health Organization", "WHO"}},
    {PX_ENTITY_ORGANIZATION, {"Federal Bureau of Investigation", "FBI"}},
    {PX_ENTITY_ORGANIZATION, {"Central Intelligence Agency", "CIA"}},
    {PX_ENTITY_ORGANIZATION, {"Associated Press", "AP"}},
    {PX_ENTITY_ORGANIZATION, {"Agence France-Presse", "AFP"}},
    {PX_ENTITY_ORGANIZATION, {"United Press International", "UPI"}},
    {PX_ENTITY_ORGANIZATION, {"Wall Street Journal", "WSJ"}},
    {PX_ENTITY_ORGANIZATION, {"New York Times", "NYT"}},
    {PX_ENTITY_PLACE, {"Myanmar", "Burma"}},
    {PX_ENTITY_PLACE, {"Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"}},
    {PX_ENTITY_PLACE, {"Czech Republic", "Czechia"}},
    {PX_ENTITY_PLACE, {"Kyiv", "Kiev"}},
    {PX_ENTITY_PLACE, {"Washington D.C.", "D.C."}},
};

#define NGROUPS (sizeof groups / sizeof *groups)

/* 1 when the form equals the folded key (forms fold to ASCII lower case,
 * except the one "ô", compared as written). */
static int eq_key(const char *form, const char *key, size_t klen)
{
    size_t i = 0;
    for (; form[i] && i < klen; i++) {
        unsigned char c = (unsigned char)form[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
        if (c != (unsigned char)key[i]) return 0;
    }
    return !form[i] && i == klen;
}

static int matches(const char *form, const char *text, size_t n, const char *key, size_t klen)
{
    if (px_ent_is_acronym(form, strlen(form)))
        return strlen(form) == n && memcmp(form, text, n) == 0;
    return eq_key(form, key, klen);
}

long px_alias_group(const char *text, size_t n, const char *key, size_t klen)
{
    for (size_t g = 0; g < NGROUPS; g++)
        for (size_t f = 0; f < 10 && groups[g].forms[f]; f++)
            if (matches(groups[g].forms[f], text, n, key, klen)) return (long)g;
    return -1;
}

int px_alias_rank(long g, const char *key, size_t klen)
{
    if (g < 0 || (size_t)g >= NGROUPS) return 99;
    for (int f = 0; f < 10 && groups[g].forms[f]; f++)
        if (eq_key(groups[g].forms[f], key, klen)) return f;
    return 99;
}

px_entity_type px_alias_type(long g)
{
    return g < 0 || (size_t)g >= NGROUPS ? PX_ENTITY_OTHER : groups[g].type;
}
