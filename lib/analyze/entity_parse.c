/*
 * entity_parse.c — reads one capitalised run: which part is a known name,
 * which a title, which the name the title belongs to.
 *
 *   "U.S. Secretary of State John Kerry"  -> U.S. (place), role "Secretary
 *                                            of State", name "John Kerry"
 *   "White House Press Secretary Josh Earnest"
 *   "Iranian Supreme Leader Ayatollah Ali Khamenei" -> roles "Supreme
 *                                            Leader", "Ayatollah"
 *   "the President" (a title alone)       -> a role mention, resolved later
 *
 * Left to right: a known name (gazetteer or alias table) is cut off when it
 * is the whole rest of the run or a title follows it; a title is modifiers
 * then a head ("National Security Adviser"), with "of" and a department
 * ("Secretary of State"); a standalone title (gendered or abbreviated:
 * "Ayatollah", "Sen.") starts a new one.  What is left is the name.  A
 * title is no title when an organization or place cue follows it ("Justice
 * Department", "General Assembly").
 *
 * The name's type comes from the strongest evidence in the run: alias table
 * or gazetteer (3), a title or honorific before it (3), a cue word or a
 * known first name (2).  Without evidence it stays open (-1) for coref.c.
 */
#include <string.h>

#include "analyze/entity.h"

#define PX_ENT_MAX_KNOWN 7

static unsigned classes(px_ent_work *w, size_t t) { return px_ent_classes(w, t, t + 1); }

/* The span of tokens [from, to) in their sentence's text. */
static void span_of(const px_ent_work *w, size_t from, size_t to, const char **s, size_t *n)
{
    const px_token *a = &w->an->tokens.items[from], *b = &w->an->tokens.items[to - 1];
    px_ent_word last = px_ent_word_at(w, to - 1);
    *s = w->a->sentences.items[a->sentence].text + a->start;
    *n = b->start + last.len - a->start;
}

/* Tokens of the longest known name at i (at most PX_ENT_MAX_KNOWN); its type. */
static size_t known_len(px_ent_work *w, size_t i, size_t to, int *type)
{
    size_t max = to - i < PX_ENT_MAX_KNOWN ? to - i : PX_ENT_MAX_KNOWN;
    for (size_t n = max; n >= 1; n--) {
        if (!px_ent_is_cap(w, i + n - 1)) continue;
        const char *s;
        size_t len;
        span_of(w, i, i + n, &s, &len);
        const char *k = px_ent_key(w, i, i + n);
        long g = px_alias_group(s, len, k, w->buf.len);
        unsigned f = px_gz_lookup(k, w->buf.len);
        if (g >= 0) *type = (int)px_alias_type(g);
        else if (f & PX_GZ_ORG) *type = PX_ENTITY_ORGANIZATION;
        else if (f & PX_GZ_PLACE) *type = PX_ENTITY_PLACE;
        else continue;
        return n;
    }
    return 0;
}

/* A title that stands alone and so starts a new one: "Ayatollah", "Sen.". */
static int standalone(px_ent_work *w, size_t t, unsigned f)
{
    size_t n;
    const char *s = px_ent_token_text(w, t, &n);
    return (f & (PX_GZ_MALE | PX_GZ_FEMALE | PX_GZ_HONORIFIC)) || s[n - 1] == '.';
}

/* Tokens of the title at i: modifiers, a head, "of" and a department. */
static size_t title_len(px_ent_work *w, size_t i, size_t to)
{
    size_t j = i, end = 0;
    while (j < to) {
        unsigned f = classes(w, j);
        if ((f & PX_GZ_TITLE) && end && standalone(w, j, f)) break;
        if (f & PX_GZ_TITLE) {
            end = ++j;
            if (j + 1 < to && px_ent_tok_is(w, j, "of") && (classes(w, j + 1) & PX_GZ_TITLE_MOD)) {
                for (j++; j < to && (classes(w, j) & PX_GZ_TITLE_MOD); j++) {}
                end = j;
            }
            continue;
        }
        if (!(f & PX_GZ_TITLE_MOD)) break;
        j++;
    }
    if (!end) return 0;
    if (end < to && (classes(w, end) & (PX_GZ_ORG_CUE | PX_GZ_PLACE_CUE))) return 0;
    return end - i;
}

/* Type evidence from the words of the name itself. */
static void type_from_words(px_ent_work *w, px_ent_mention *m, size_t from, size_t to)
{
    unsigned last = classes(w, to - 1), first = classes(w, from);
    for (size_t t = from; t < to; t++)
        if (classes(w, t) & PX_GZ_ORG_CUE) {
            m->type = PX_ENTITY_ORGANIZATION, m->strength = 2;
            return;
        }
    if (to - from >= 2 && (last & PX_GZ_PLACE_CUE)) {
        m->type = PX_ENTITY_PLACE, m->strength = 2;
    } else if (to - from >= 2 && (first & PX_GZ_FIRST_NAME)) {
        m->type = PX_ENTITY_PERSON, m->strength = 2;
        if (!m->gender && (first & (PX_GZ_MALE | PX_GZ_FEMALE)) != (PX_GZ_MALE | PX_GZ_FEMALE))
            m->gender = first & PX_GZ_MALE ? 'm' : first & PX_GZ_FEMALE ? 'f' : 0;
    }
}

typedef struct titles {
    const char *roles[PX_ENT_MAX_ROLES];
    int n, person, gender;
} titles;

static void add_title(px_ent_work *w, titles *ts, size_t i, size_t len)
{
    unsigned f = 0;
    for (size_t t = i; t < i + len; t++) f |= classes(w, t);
    ts->person = 1;
    if (f & PX_GZ_MALE) ts->gender = 'm';
    if (f & PX_GZ_FEMALE) ts->gender = 'f';
    if ((f & PX_GZ_HONORIFIC) && len == 1) return; /* "Mr." is no role */
    const char *s;
    size_t n;
    span_of(w, i, i + len, &s, &n);
    if (ts->n < PX_ENT_MAX_ROLES) ts->roles[ts->n++] = px_analysis_intern(w->an, s, n);
}

static void emit_name(px_ent_work *w, size_t from, size_t to, int type, const titles *ts)
{
    size_t id = px_ent_add_mention(w, from, to, PX_MENTION_NAME);
    px_ent_mention *m = &w->mentions.items[id];
    for (int r = 0; r < ts->n; r++) m->roles[r] = ts->roles[r];
    m->gender = ts->gender;
    if (m->alias >= 0) m->type = (int)px_alias_type(m->alias), m->strength = 3;
    else if (type >= 0) m->type = type, m->strength = 3;
    else if (ts->person) m->type = PX_ENTITY_PERSON, m->strength = 3;
    if (m->type < 0 || m->type == PX_ENTITY_PERSON) type_from_words(w, m, from, to);
    if (ts->person && m->type != PX_ENTITY_PERSON) m->type = PX_ENTITY_PERSON, m->strength = 3;
}

/* A title with no name after it ("the President"): a role mention. */
static void emit_role(px_ent_work *w, size_t from, size_t to, const titles *ts)
{
    if (!ts->n) return;
    size_t id = px_ent_add_mention(w, from, to, PX_MENTION_ROLE);
    px_ent_mention *m = &w->mentions.items[id];
    m->roles[0] = ts->roles[ts->n - 1];
    m->type = PX_ENTITY_PERSON;
    m->gender = ts->gender;
}

void px_ent_parse_run(px_ent_work *w, size_t from, size_t to)
{
    titles ts = {0};
    size_t i = from, title_from = from;
    while (i < to) {
        int type = -1;
        size_t k = known_len(w, i, to, &type);
        if (k && (i + k == to || title_len(w, i + k, to))) {
            emit_name(w, i, i + k, type, &(titles){0});
            i += k, title_from = i;
            continue;
        }
        size_t tl = title_len(w, i, to);
        if (tl) {
            add_title(w, &ts, i, tl);
            i += tl;
            continue;
        }
        if (px_ent_classes(w, i, to) & PX_GZ_DEMONYM) return; /* "North American" */
        if ((classes(w, i) & PX_GZ_DEMONYM) && title_len(w, i + 1, to)) {
            i++, title_from = i;
            continue;
        }
        emit_name(w, i, to, -1, &ts);
        return;
    }
    if (ts.n && title_from < to) emit_role(w, title_from, to, &ts);
}
