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
 * A form written in capitals is an acronym and matches only as written
 * (dots aside: "F.B.I." is "FBI"): "IS" and "US" are aliases, "Is" and
 * "us" are words.  Other forms match
 * the folded name.  Keep the table small and unambiguous: a form belongs to
 * one group only.
 *
 * px_alias_group() is asked for every capitalised word of every article,
 * and a scan of all the forms for each (a few hundred first-letter tests)
 * was 2% of `parallax add`; the forms are indexed by their first letter,
 * once per process (call_once: safe from any thread, immutable after), and
 * each bucket keeps the table's order, so the first match is the same.
 */
#include <string.h>
#include <threads.h>

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
    {PX_ENTITY_ORGANIZATION, {"National Security Agency", "NSA"}},
    {PX_ENTITY_ORGANIZATION, {"Internal Revenue Service", "IRS"}},
    {PX_ENTITY_ORGANIZATION, {"Department of Justice", "Justice Department", "DOJ"}},
    {PX_ENTITY_ORGANIZATION, {"Department of Defense", "Defense Department", "DOD"}},
    {PX_ENTITY_ORGANIZATION, {"Department of State", "State Department"}},
    {PX_ENTITY_ORGANIZATION, {"Department of Homeland Security", "Homeland Security Department", "DHS"}},
    {PX_ENTITY_ORGANIZATION, {"Republican National Committee", "RNC"}},
    {PX_ENTITY_ORGANIZATION, {"Democratic National Committee", "DNC"}},
    {PX_ENTITY_ORGANIZATION, {"National Rifle Association", "NRA"}},
    {PX_ENTITY_ORGANIZATION, {"American Civil Liberties Union", "ACLU"}},
    {PX_ENTITY_ORGANIZATION, {"House of Representatives", "U.S. House"}},
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

/* US states as the AP abbreviates them ("San Diego, Calif."); the
 * abbreviations of five letters or fewer and of no other meaning. */
static const group states[] = {
    {PX_ENTITY_PLACE, {"Alabama", "Ala."}},       {PX_ENTITY_PLACE, {"Arizona", "Ariz.", "Ariz"}},
    {PX_ENTITY_PLACE, {"Arkansas", "Ark."}},      {PX_ENTITY_PLACE, {"California", "Calif.", "Calif"}},
    {PX_ENTITY_PLACE, {"Colorado", "Colo.", "Colo"}}, {PX_ENTITY_PLACE, {"Connecticut", "Conn.", "Conn"}},
    {PX_ENTITY_PLACE, {"Delaware", "Del."}},      {PX_ENTITY_PLACE, {"Florida", "Fla.", "Fla"}},
    {PX_ENTITY_PLACE, {"Georgia", "Ga."}},        {PX_ENTITY_PLACE, {"Illinois", "Ill."}},
    {PX_ENTITY_PLACE, {"Indiana", "Ind."}},       {PX_ENTITY_PLACE, {"Kansas", "Kan."}},
    {PX_ENTITY_PLACE, {"Kentucky", "Ky.", "Ky"}}, {PX_ENTITY_PLACE, {"Maryland", "Md.", "Md"}},
    {PX_ENTITY_PLACE, {"Massachusetts", "Mass."}}, {PX_ENTITY_PLACE, {"Michigan", "Mich.", "Mich"}},
    {PX_ENTITY_PLACE, {"Minnesota", "Minn.", "Minn"}}, {PX_ENTITY_PLACE, {"Mississippi", "Miss."}},
    {PX_ENTITY_PLACE, {"Missouri", "Mo.", "Mo"}}, {PX_ENTITY_PLACE, {"Montana", "Mont."}},
    {PX_ENTITY_PLACE, {"Nebraska", "Neb.", "Neb"}}, {PX_ENTITY_PLACE, {"Nevada", "Nev.", "Nev"}},
    {PX_ENTITY_PLACE, {"New Hampshire", "N.H."}}, {PX_ENTITY_PLACE, {"New Jersey", "N.J."}},
    {PX_ENTITY_PLACE, {"New Mexico", "N.M."}},    {PX_ENTITY_PLACE, {"New York", "N.Y."}},
    {PX_ENTITY_PLACE, {"North Carolina", "N.C."}}, {PX_ENTITY_PLACE, {"North Dakota", "N.D."}},
    {PX_ENTITY_PLACE, {"Oklahoma", "Okla.", "Okla"}}, {PX_ENTITY_PLACE, {"Oregon", "Ore."}},
    {PX_ENTITY_PLACE, {"Pennsylvania", "Pa.", "Pa"}}, {PX_ENTITY_PLACE, {"Rhode Island", "R.I."}},
    {PX_ENTITY_PLACE, {"South Carolina", "S.C."}}, {PX_ENTITY_PLACE, {"South Dakota", "S.D."}},
    {PX_ENTITY_PLACE, {"Tennessee", "Tenn.", "Tenn"}}, {PX_ENTITY_PLACE, {"Texas", "Tex."}},
    {PX_ENTITY_PLACE, {"Vermont", "Vt."}},        {PX_ENTITY_PLACE, {"Virginia", "Va.", "Va"}},
    {PX_ENTITY_PLACE, {"West Virginia", "W.Va."}}, {PX_ENTITY_PLACE, {"Wisconsin", "Wis.", "Wis"}},
    {PX_ENTITY_PLACE, {"Wyoming", "Wyo.", "Wyo"}},
};

#define NGROUPS (sizeof groups / sizeof *groups)
#define NSTATES (sizeof states / sizeof *states)

/* Group g of both tables: the states follow the groups. */
static const group *group_at(size_t g) { return g < NGROUPS ? &groups[g] : &states[g - NGROUPS]; }

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

/* Acronyms match as written, with or without dots: "F.B.I." is "FBI". */
static int eq_acronym(const char *form, const char *text, size_t n)
{
    size_t i = 0;
    for (const char *f = form; *f; f++) {
        if (*f == '.') continue;
        while (i < n && text[i] == '.') i++;
        if (i == n || text[i] != *f) return 0;
        i++;
    }
    while (i < n && text[i] == '.') i++;
    return i == n;
}

static int matches(const char *form, const char *text, size_t n, const char *key, size_t klen)
{
    if (px_ent_is_acronym(form, strlen(form))) return px_ent_is_acronym(text, n) && eq_acronym(form, text, n);
    return eq_key(form, key, klen);
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* Every form as (group, form), by the lower-cased first byte of the form,
 * in table order within a byte: by_first.refs[start[c] .. start[c + 1]). */
static struct {
    struct {
        unsigned short g;
        unsigned char f;
    } refs[(NGROUPS + NSTATES) * 10];
    size_t start[257];
} by_first;
static once_flag by_first_once = ONCE_FLAG_INIT;
_Static_assert(NGROUPS + NSTATES <= 65535, "group numbers fit the index");

static void index_forms(void)
{
    size_t count[256] = {0};
    for (size_t g = 0; g < NGROUPS + NSTATES; g++)
        for (size_t f = 0; f < 10 && group_at(g)->forms[f]; f++)
            count[(unsigned char)lower(group_at(g)->forms[f][0])]++;
    size_t at[256];
    for (size_t c = 0; c < 256; c++) {
        by_first.start[c + 1] = by_first.start[c] + count[c];
        at[c] = by_first.start[c];
    }
    for (size_t g = 0; g < NGROUPS + NSTATES; g++)
        for (size_t f = 0; f < 10 && group_at(g)->forms[f]; f++) {
            size_t i = at[(unsigned char)lower(group_at(g)->forms[f][0])]++;
            by_first.refs[i].g = (unsigned short)g;
            by_first.refs[i].f = (unsigned char)f;
        }
}

long px_alias_group(const char *text, size_t n, const char *key, size_t klen)
{
    if (!n) return -1;
    call_once(&by_first_once, index_forms);
    unsigned char first = (unsigned char)lower(text[0]);
    for (size_t i = by_first.start[first]; i < by_first.start[first + 1]; i++) {
        size_t g = by_first.refs[i].g;
        if (matches(group_at(g)->forms[by_first.refs[i].f], text, n, key, klen)) return (long)g;
    }
    return -1;
}

int px_alias_rank(long g, const char *key, size_t klen)
{
    if (g < 0 || (size_t)g >= NGROUPS + NSTATES) return 99;
    for (int f = 0; f < 10 && group_at((size_t)g)->forms[f]; f++)
        if (eq_key(group_at((size_t)g)->forms[f], key, klen)) return f;
    return 99;
}

px_entity_type px_alias_type(long g)
{
    return g < 0 || (size_t)g >= NGROUPS + NSTATES ? PX_ENTITY_OTHER : group_at((size_t)g)->type;
}
