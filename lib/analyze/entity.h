/*
 * entity.h — the entity finder's inside: what its files share.
 *
 * px_find_entities() (entity.c) runs these steps over one article, each in
 * time linear in the number of tokens:
 *
 *   entity_span.c    capitalised runs of a sentence ("U.S. Secretary of State
 *                    John Kerry"), with the sentence-initial filter
 *   entity_parse.c   a run -> known names, titles and the name they precede;
 *                    each name becomes a px_ent_mention with type evidence
 *   coref.c          mentions -> entities: alias table, full names, surnames
 *                    ("Rice" -> "Susan Rice"), acronyms by initials
 *   entity_role.c    roles written around a name in lower case ("White House
 *                    spokesman John Earnest", "Rice, Obama's national
 *                    security advisor,")
 *   pronoun.c        "he"/"she" and "the president" -> entities
 *   gazetteer*.c     word lists written for parallax: places, organizations,
 *                    titles, role nouns, first names (with gender), demonyms
 *   alias.c          the alias table (ISIS/ISIL/IS -> Islamic State, ...)
 *
 * Keys: a name's key is its words folded (px_text_fold) and joined by one
 * space, possessive "'s" dropped: "Obama’s" -> "obama".
 */
#ifndef PX_ENTITY_H
#define PX_ENTITY_H

#include "analyze/analysis.h"

/* ---- gazetteer (gazetteer.c; the lists in gazetteer_*.c) ---------------- */

enum {
    PX_GZ_PLACE = 1u << 0,      /* a country, US state, city or region */
    PX_GZ_ORG = 1u << 1,        /* a well-known organization or outlet */
    PX_GZ_DEMONYM = 1u << 2,    /* "Iranian", "North Korean": no entity by itself */
    PX_GZ_ORG_CUE = 1u << 3,    /* "Ministry", "Journal": a name holding it is an organization */
    PX_GZ_PLACE_CUE = 1u << 4,  /* "River", "County": a name ending in it is a place */
    PX_GZ_TITLE = 1u << 5,      /* the head of a title before a name: "President", "Sen." */
    PX_GZ_TITLE_MOD = 1u << 6,  /* a word before a title's head: "Supreme", "National" */
    PX_GZ_HONORIFIC = 1u << 7,  /* "Mr.", "Dr.": a title that is not a role */
    PX_GZ_ROLE = 1u << 8,       /* a role noun written in lower case: "spokesman" */
    PX_GZ_MALE = 1u << 9,       /* a man's first name or title: "John", "King" */
    PX_GZ_FEMALE = 1u << 10,    /* a woman's: "Susan", "Mrs." */
    PX_GZ_FIRST_NAME = 1u << 11,
    PX_GZ_STARTER = 1u << 12,   /* opens sentences, never a name alone: "According" */
    PX_GZ_NEVER = 1u << 13,     /* a month, a weekday, "TV", "No.": never an entity */
    PX_GZ_OTHER_CUE = 1u << 14  /* "Act", "War", "Hurricane": a law, an event, no person */
};

/* What may start a name: a known place or organization, a title, a first name. */
#define PX_GZ_KNOWN_START \
    (PX_GZ_PLACE | PX_GZ_ORG | PX_GZ_TITLE | PX_GZ_FIRST_NAME | PX_GZ_DEMONYM | PX_GZ_ROLE)

typedef struct px_gz_list {
    const char *const *words; /* folded, sorted bytewise (strcmp) */
    size_t count;
    unsigned flags;
} px_gz_list;

extern const px_gz_list px__gz_place_lists[];  /* gazetteer_places.c, ends with {0} */
extern const px_gz_list px__gz_word_lists[];   /* gazetteer_words.c, ends with {0} */

/* The classes (PX_GZ_*) of the folded key[0..n), 0 when unknown. */
unsigned px_gz_lookup(const char *key, size_t n);

/* 1 when every list is sorted and free of duplicates (for the unit test). */
int px__gz_sorted(void);

/* ---- alias table (alias.c) --------------------------------------------- */

/* The alias group of a name as written (text) with folded key, or -1.
 * Acronyms of the table match only as written in capitals ("IS", not "Is"). */
long px_alias_group(const char *text, size_t n, const char *key, size_t klen);
/* 0 for the group's preferred form, larger for less preferred ones. */
int px_alias_rank(long group, const char *key, size_t klen);
px_entity_type px_alias_type(long group);

/* ---- the work of one article ------------------------------------------- */

#define PX_ENT_MAX_ROLES 3
#define PX_ENT_UNKNOWN 0xFFFFFFFFu /* a token's classes, not looked up yet */

typedef struct px_ent_mention {
    size_t sentence, start, end;  /* the name as written, without title or "the" */
    size_t tok;                   /* index of its first token in an->tokens */
    const char *key;              /* folded (see above), interned */
    const char *text;             /* as written, interned */
    const char *roles[PX_ENT_MAX_ROLES]; /* titles written before it */
    px_mention_kind kind;
    int type;                     /* px_entity_type the mention alone suggests, or -1 */
    int strength;                 /* how sure that type is: 1 weak .. 3 known */
    int gender;                   /* 'm', 'f', or 0 when unknown */
    int words;                    /* words in the name */
    int acronym;                  /* written in capitals: "ISIS", "U.S." */
    int quoted;                   /* inside quotation marks */
    int possessive;               /* "Obama's" */
    long alias;                   /* alias group, or -1 */
    long entity;                  /* resolved entity, or -1 */
} px_ent_mention;

typedef struct px_ent {
    const char *key;        /* identity: the full name's key, or "#N" for alias group N */
    const char *name;       /* the fullest name so far */
    int name_words, name_rank;
    int votes[4];           /* type evidence, by px_entity_type */
    int gender;
    long alias;
    long next_same_surname; /* chain of persons sharing a last name, or -1 */
    size_t last_seen;       /* position (mention order) of its latest mention */
    size_t last_spoke;      /* ... of its latest mention a verb of saying follows, or 0 */
    PX_VEC(const char *) roles;
} px_ent;

typedef struct px_ent_work {
    px_context *ctx;
    const px_article *a;
    px_analysis *an;
    size_t *sent_tok;                 /* first token of sentence i; [sentences] = tokens.len */
    unsigned char *quoted;            /* per token: inside quotation marks */
    unsigned *classes;                /* per token: px_gz_lookup() of it, or PX_ENT_UNKNOWN */
    px_map cap_mid;                   /* keys seen capitalised inside a sentence */
    px_map lower;                     /* words seen in lower case */
    PX_VEC(px_ent_mention) mentions;  /* names, then pronouns and roles */
    PX_VEC(px_ent) ents;
    px_map by_key;                    /* entity key -> index + 1 */
    px_map by_surname;                /* last word of a person -> index + 1 (chain head) */
    px_map by_initials;               /* "WSJ" -> organization index + 1 */
    px_map by_first;                  /* first name of a person -> index + 1 */
    px_map by_head;                   /* "committee" -> organization index + 1 */
    px_buf buf;                       /* scratch */
} px_ent_work;

/* The steps, in order (see the top of this file). */
void px_ent_scan(px_ent_work *w);                    /* entity_span.c */
void px_ent_parse_run(px_ent_work *w, size_t from, size_t to); /* entity_parse.c */
void px_ent_link(px_ent_work *w);                    /* coref.c */
px_entity_type px_ent_type(const px_ent *e);        /* coref.c: the strongest evidence */
void px_ent_roles(px_ent_work *w);                   /* entity_role.c */
void px_ent_pronouns(px_ent_work *w);                /* pronoun.c */

/* ---- token helpers (entity_token.c) ------------------------------------ */

/* A token as a word of a name: its text without a possessive "'s" and
 * without a lower-case suffix after a hyphen ("U.S.-led" -> "U.S."). */
typedef struct px_ent_word {
    const char *text;
    size_t len;
    int possessive; /* "'s" was dropped */
    int cut;        /* "-led" was dropped: the word ends any name */
} px_ent_word;

px_ent_word px_ent_word_at(const px_ent_work *w, size_t t);
const char *px_ent_token_text(const px_ent_work *w, size_t t, size_t *len);
int px_ent_tok_is(const px_ent_work *w, size_t t, const char *s); /* token t is s exactly */
int px_ent_is_cap(const px_ent_work *w, size_t t);     /* starts with a capital letter */
int px_ent_is_acronym(const char *s, size_t n);         /* "ISIS", "U.S.", "UK" */
/* Folds words [from, to) into w->buf, joined by single spaces; returns w->buf's text. */
const char *px_ent_key(px_ent_work *w, size_t from, size_t to);
/* The classes of words [from, to) together (px_gz_lookup of their key). */
unsigned px_ent_classes(px_ent_work *w, size_t from, size_t to);
/* 1 for a name written in capitals ("WASHINGTON"; not an acronym such as
 * "NAACP": a run of six capitals or more, no lower case). */
int px_ent_shouting(const char *s);
/* "WASHINGTON" -> "Washington" (ASCII letters), interned. */
const char *px_ent_title_case(px_ent_work *w, const char *s);
/* Appends a mention of words [from, to) of one sentence; returns its index. */
size_t px_ent_add_mention(px_ent_work *w, size_t from, size_t to, px_mention_kind kind);

#endif
