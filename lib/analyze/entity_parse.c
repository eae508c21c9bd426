/*
 * entity_parse.c — reads one capitalised run: which part is a known name,
 * which a title, which the name the title belongs to.
 *
 *   "U.S. Secretary of State John Kerry"  -> U.S. (place), role "Secretary
 *                                            of State", name "John Kerry"
 *   "White House Press Secretary Josh Earnest"
 *   "Iranian Supreme Leader Ayatollah Ali Khamenei" -> roles "Supreme
 *                                            Leader", "Ayatollah"
 *   "Weekly Standard Editor Bill Kristol" -> Weekly Standard, role
 *                                            "Editor", name "Bill Kristol"
 *   "Paul D. Ryan of Wisconsin"           -> a person, then a place
 *   "the President" (a title alone)       -> a role mention, resolved later
 *
 * Left to right.  Words that belong to no entity are skipped first:
 * particles, a demonym or party word before a title, a first name or a
 * known name ("Republican Pat Toomey", "Democratic Illinois Sen. ..."), a
 * title modifier before a known name ("Senior White House").  A known
 * name (gazetteer or alias table) is cut off when it is the whole rest of
 * the run, or a title or a demonym follows it ("California Democrat").  A
 * title is modifiers then a head ("National Security Adviser"; a role noun
 * written with a capital is a head too: "Editor"), with "of" and a
 * department ("Secretary of State", "Speaker of the House"); a standalone
 * title (gendered or abbreviated: "Ayatollah", "Sen.") starts a new one.
 * A title is no title when an organization or place cue follows it
 * ("Justice Department", "General Assembly").  When a title comes later
 * in the run and the run does not open with a first name, the words before
 * it are a name of their own.  What is left is the name; a person-looking
 * name followed by "of" and a known place or organization is two.
 *
 * The name's type comes from the strongest evidence in the run: alias table
 * or gazetteer (3), a title or honorific before it (3), a cue word or a
 * known first name (2; a first name alone, 1).  Without evidence it stays
 * open (-1) for coref.c.
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
        if (f & (PX_GZ_TITLE | PX_GZ_ROLE)) {
            end = ++j;
            size_t k = j + 1; /* "of State", "of the Navy" */
            if (k < to && px_ent_tok_is(w, k, "the")) k++;
            if (k < to && px_ent_tok_is(w, j, "of") && (classes(w, k) & PX_GZ_TITLE_MOD)) {
                for (j = k; j < to && (classes(w, j) & PX_GZ_TITLE_MOD); j++) {}
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

/* "Fort Myers", "South Boston", "Lake Tahoe": a place by its first word. */
static int place_prefix(px_ent_work *w, size_t from, size_t to)
{
    static const char *const first[] = {"fort", "mount", "lake", "camp", "port", "cape"};
    static const char *const compass[] = {"north", "south", "east", "west", "northern", "southern",
                                          "eastern", "western", "central", "upper", "lower",
                                          "downtown", "greater"};
    const char *k = px_ent_key(w, from, from + 1);
    for (size_t i = 0; i < sizeof first / sizeof *first; i++)
        if (!strcmp(k, first[i])) return 1;
    for (size_t i = 0; i < sizeof compass / sizeof *compass; i++)
        if (!strcmp(k, compass[i])) return (px_ent_classes(w, from + 1, to) & PX_GZ_PLACE) != 0;
    return 0;
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
    if (to - from >= 2 && ((last & PX_GZ_PLACE_CUE) || place_prefix(w, from, to))) {
        m->type = PX_ENTITY_PLACE, m->strength = 2;
    } else if (first & PX_GZ_FIRST_NAME) { /* "Susan Rice"; "Hillary" alone, weakly */
        m->type = PX_ENTITY_PERSON, m->strength = to - from >= 2 ? 2 : 1;
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

/* 1 when [i, to) is a demonym alone: "North American", "Americans". */
static int demonym_only(px_ent_work *w, size_t i, size_t to)
{
    if (i >= to) return 0;
    if (px_ent_classes(w, i, to) & PX_GZ_DEMONYM) return 1;
    const char *k = px_ent_key(w, i, to);
    size_t n = w->buf.len;
    return to - i == 1 && n > 3 && k[n - 1] == 's' && (px_gz_lookup(k, n - 1) & PX_GZ_DEMONYM);
}

/* Words before a name that belong to no entity: particles, "the", a
 * demonym or party before a title or a first name ("Republican Pat
 * Toomey"), "Republican of Texas", a title modifier before a known name
 * ("Senior White House officials").  Returns the first word kept. */
static size_t skip_filler(px_ent_work *w, size_t i, size_t to)
{
    while (i < to) {
        if (!px_ent_is_cap(w, i)) {
            i++;
            continue;
        }
        unsigned f = classes(w, i), next = i + 1 < to ? classes(w, i + 1) : 0;
        int type;
        int before_name = title_len(w, i + 1, to) || (next & PX_GZ_FIRST_NAME) ||
                          (i + 1 < to && px_ent_tok_is(w, i + 1, "of")) ||
                          known_len(w, i + 1, to, &type);
        if ((f & PX_GZ_DEMONYM) && before_name) {
            i++;
            continue;
        }
        int mod_only = (f & PX_GZ_TITLE_MOD) && !(f & ~(PX_GZ_TITLE_MOD | PX_GZ_STARTER));
        if (mod_only && !title_len(w, i, to) && known_len(w, i + 1, to, &type)) {
            i++;
            continue;
        }
        return i;
    }
    return i;
}

/* The first title after i with a name after it, or 0. */
static size_t next_title(px_ent_work *w, size_t i, size_t to)
{
    for (size_t k = i + 1; k < to; k++) {
        size_t tl = title_len(w, k, to);
        if (tl && k + tl < to) return k;
    }
    return 0;
}

/* 1 when an age is written right before token i: "28-year-old Maryanna
 * Pennington of Kansas City" is a person of a place. */
static int aged(const px_ent_work *w, size_t i)
{
    if (i == 0 || w->an->tokens.items[i - 1].sentence != w->an->tokens.items[i].sentence) return 0;
    const char *n = w->an->tokens.items[i - 1].norm, *y = strstr(n, "-year");
    return y && (!strcmp(y, "-year-old") || !strcmp(y, "-years-old"));
}

/* "Paul D. Ryan of Wisconsin", "Martha Raddatz of ABC News": a person, then
 * a known place or organization after "of".  Returns the "of", or 0. */
static size_t person_of_place(px_ent_work *w, size_t i, size_t to, const titles *ts)
{
    if (!ts->person && !(classes(w, i) & PX_GZ_FIRST_NAME) && !aged(w, i)) return 0;
    for (size_t j = i + 1; j + 1 < to; j++) {
        if (!px_ent_tok_is(w, j, "of")) continue;
        size_t r = j + 1 + (px_ent_tok_is(w, j + 1, "the") && j + 2 < to);
        int type;
        if (known_len(w, r, to, &type) == to - r) return j;
        if (px_ent_classes(w, to - 1, to) & (PX_GZ_ORG_CUE | PX_GZ_PLACE_CUE)) return j;
    }
    return 0;
}

/* The rest of the run is one name (or a person, "of", a place). */
static void emit_rest(px_ent_work *w, size_t i, size_t to, const titles *ts)
{
    size_t of = person_of_place(w, i, to, ts);
    if (!of) {
        emit_name(w, i, to, -1, ts);
        return;
    }
    emit_name(w, i, of, -1, ts);
    px_ent_parse_run(w, of + 1, to);
}

void px_ent_parse_run(px_ent_work *w, size_t from, size_t to)
{
    titles ts = {0};
    size_t i = from, title_from = from;
    while ((i = skip_filler(w, i, to)) < to) {
        int type = -1;
        size_t k = known_len(w, i, to, &type);
        if (k && (i + k == to || title_len(w, i + k, to) || demonym_only(w, i + k, to))) {
            emit_name(w, i, i + k, type, &(titles){0});
            i += k, title_from = i;
            if (demonym_only(w, i, to)) return; /* "California Democrat" */
            continue;
        }
        size_t tl = title_len(w, i, to);
        if (tl) {
            add_title(w, &ts, i, tl);
            i += tl;
            continue;
        }
        if (demonym_only(w, i, to)) return; /* "North American", "Americans" */
        size_t t2 = next_title(w, i, to);
        if (t2 && !(classes(w, i) & PX_GZ_FIRST_NAME)) { /* "Weekly Standard Editor Bill Kristol" */
            px_ent_parse_run(w, i, t2);
            i = title_from = t2;
            continue;
        }
        emit_rest(w, i, to, &ts);
        return;
    }
    if (ts.n && title_from < to) emit_role(w, title_from, to, &ts);
}
