/*
 * slots.c — the fact model's values, per article: px_compare_slots() walks
 * every reporting sentence of every article and lets each finder
 * (slot_people.c, slot_count.c, slot_event.c) read it; values go to
 * c->slot_values, which judge.c compares across the articles.
 *
 * A value is tied to a named person only when a pattern ties it (an
 * apposition "Smith, 23,", an adjective "23-year-old Smith", a possessive
 * "Smith's father, Paul"); a person described but not named gets a key of
 * the description's head noun ("d:boy", "d:e3's sister"), so the
 * 13-year-old boy and his 13-year-old cousin stay two people, and so do a
 * victim and a suspect.  Event values (counts, times, dates) are keyed by
 * what they measure ("dead", "event").
 *
 * Page furniture is skipped: px_sentence_furniture(), and until that finder
 * has its rules a few openings no reporting sentence has ("Copyright",
 * "Read or Share this story", "Please enable JavaScript", "RELATED:"),
 * embedded social posts ("pic.twitter.com", "(@name)") and captions ending
 * with a photo credit ("(Todd Smith/The Daily News)").
 * Cost: linear in the tokens of the story.
 */
#include <stdarg.h>
#include <string.h>
#include <strings.h>

#include "compare/slots.h"
#include "story/profile.h"

const char *pxs_norm(const px_sx *x, size_t i)
{
    return i >= x->t0 && i < x->t1 ? x->an->tokens.items[i].norm : "";
}

int pxs_is(const px_sx *x, size_t i, const char *w)
{
    const char *n = pxs_norm(x, i);
    return n[0] == w[0] && strcmp(n, w) == 0;
}

int pxs_in(const px_sx *x, size_t i, const char *const *list)
{
    const char *n = pxs_norm(x, i);
    for (; *list; list++)
        if (n[0] == (*list)[0] && strcmp(n, *list) == 0) return 1;
    return 0;
}

int pxs_capital(const px_sx *x, size_t i)
{
    if (i < x->t0 || i >= x->t1) return 0;
    unsigned char ch = (unsigned char)x->text[x->an->tokens.items[i].start];
    return ch >= 'A' && ch <= 'Z';
}

long pxs_person(const px_sx *x, size_t i)
{
    if (!pxs_capital(x, i)) return -1;
    const px_token *t = &x->an->tokens.items[i];
    long e = px_entity_at(x->an, x->s, t->start, t->end);
    if (e < 0 || x->an->entities.items[e].pub.type != PX_ENTITY_PERSON) return -1;
    return e;
}

const char *pxs_entity_key(const px_sx *x, long e, long *story)
{
    long se = px_compare_entity(x->c, x->a, e);
    if (story) *story = se;
    if (se >= 0) return pxs_printf(x, "e%ld", se);
    return pxs_printf(x, "a%zu.%ld", x->a, e);
}

const char *pxs_entity_name(const px_sx *x, long e)
{
    long se = px_compare_entity(x->c, x->a, e);
    return se >= 0 ? x->c->entities.items[se].name : x->an->entities.items[e].pub.name;
}

const char *pxs_surface(const px_sx *x, size_t i, size_t j)
{
    if (i < x->t0) i = x->t0;
    if (j > x->t1) j = x->t1;
    if (i >= j) return NULL;
    size_t from = x->an->tokens.items[i].start, to = x->an->tokens.items[j - 1].end;
    return px_arena_strndup(&x->c->arena, x->text + from, to - from);
}

int pxs_quoted(const px_sx *x, size_t i)
{
    return i >= x->t0 && i < x->t1 && x->quoted[i - x->t0];
}

/* Fills quoted[] for the sentence's tokens in one pass over its text: a
 * token is quoted when an odd number of quotation marks come before it. */
static void mark_quoted(const px_sx *x, unsigned char *quoted)
{
    size_t b = 0, marks = 0;
    for (size_t i = x->t0; i < x->t1; i++) {
        size_t end = x->an->tokens.items[i].start;
        for (; b < end && x->text[b]; b++) {
            if (x->text[b] == '"') marks++;
            else if ((unsigned char)x->text[b] == 0xE2 && (unsigned char)x->text[b + 1] == 0x80 &&
                     ((unsigned char)x->text[b + 2] == 0x9C || (unsigned char)x->text[b + 2] == 0x9D))
                marks++, b += 2;
        }
        quoted[i - x->t0] = marks % 2;
    }
}

size_t pxs_token_at(const px_sx *x, size_t at)
{
    size_t lo = x->t0, hi = x->t1; /* tokens are sorted by start: binary search */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->an->tokens.items[mid].start < at) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

const char *pxs_printf(const px_sx *x, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return px_arena_strdup(&x->c->arena, buf);
}

void pxs_emit(const px_sx *x, px_slot slot, const char *key, long story_entity,
              const char *subject, const char *value, double num, px_qualifier qual,
              size_t ti, size_t tj, const char *pattern)
{
    px_slot_value v = {.slot = slot, .key = key, .entity = story_entity, .subject = subject,
                       .article = x->a, .sentence = x->s, .value = value, .num = num,
                       .qual = qual, .surface = pxs_surface(x, ti, tj), .pattern = pattern};
    px_vec_push(&x->c->slot_values, v);
}

static const char *const PERSON_NOUNS[] = {
    "man", "woman", "boy", "girl", "teen", "teenager", "son", "daughter", "brother", "sister",
    "cousin", "father", "mother", "uncle", "aunt", "nephew", "niece", "grandson",
    "granddaughter", "grandmother", "grandfather", "child", "baby", "toddler", "infant",
    "student", "victim", "suspect", "driver", "passenger", "shooter", "gunman", "wife",
    "husband", "girlfriend", "boyfriend", "friend", "neighbor", "neighbour", "resident",
    "sibling", "officer", "deputy", "trooper", "youth", "juvenile", "male", "female",
    "person", "relative", "stepfather", "stepson", "stepdaughter", "fiance", "fiancee",
    "clerk", "employee", "customer", "homeowner", "robber", "gunmen", "attacker", NULL};

int pxs_person_noun(const char *norm)
{
    for (const char *const *p = PERSON_NOUNS; *p; p++)
        if (strcmp(norm, *p) == 0) return 1;
    return 0;
}

px_qualifier pxs_qualifier(const char *q)
{
    if (!q) return PX_QUAL_EXACT;
    static const char *const min[] = {"at least", "more than", "over", "upwards of", "as many as",
                                      NULL};
    static const char *const max[] = {"up to", "nearly", "almost", "less than", "fewer than",
                                      "under", "at most", NULL};
    for (const char *const *p = min; *p; p++)
        if (strcasecmp(q, *p) == 0) return strcmp(*p, "as many as") ? PX_QUAL_MIN : PX_QUAL_MAX;
    for (const char *const *p = max; *p; p++)
        if (strcasecmp(q, *p) == 0) return PX_QUAL_MAX;
    return PX_QUAL_ABOUT;
}

/* Openings of page furniture, until the analysis's finder has its rules. */
static const char *const FURNITURE[] = {
    "copyright", "read or share this story", "please enable javascript", "related:",
    "previous:", "click here", "read more", "follow us", "sign up", "anyone with information",
    "(published", "photo:", "(photo", "editor's note", "this story has been updated", NULL};

/* 1 when a text ends with a photo credit in brackets, "(Todd Smith/The
 * Daily News)", "(Photo by Ann Lee/AP)". */
static int credit_end(const char *text)
{
    size_t n = strlen(text);
    while (n && (text[n - 1] == ' ' || text[n - 1] == '.')) n--;
    if (!n || text[n - 1] != ')') return 0;
    size_t open = n - 1, words = 1;
    while (open > 0 && text[open - 1] != '(' && text[open - 1] != ')') words += text[--open] == ' ';
    if (open == 0 || text[open - 1] != '(') return 0;
    const char *in = text + open, *slash = memchr(in, '/', n - 1 - open);
    return slash && words <= 8 && *in >= 'A' && *in <= 'Z' && !memchr(in, ':', n - 1 - open);
}

int pxs_furniture(const px_comparison *c, size_t a, size_t s)
{
    if (px_sentence_furniture(c->analyses[a], s) != PX_FURNITURE_NONE) return 1;
    const char *text = px_article_sentence(c->articles[a], s, NULL, NULL, NULL);
    while (*text == ' ' || *text == '\t') text++;
    for (const char *const *p = FURNITURE; *p; p++)
        if (strncasecmp(text, *p, strlen(*p)) == 0) return 1;
    if (strstr(text, "pic.twitter.com") || strstr(text, "(@")) return 1; /* an embedded post */
    /* a caption: it ends with a photo credit, or one follows it in its
     * paragraph; it tells of the picture (often of the day's other events
     * too), not of the story */
    if (credit_end(text)) return 1;
    size_t p, q;
    const char *next = px_article_sentence(c->articles[a], s + 1, &q, NULL, NULL);
    px_article_sentence(c->articles[a], s, &p, NULL, NULL);
    return next && p == q && next[0] == '(' && credit_end(next);
}

static const char *const TOPIC_COURT[] = {"arraign", "court", "trial", "hearing", "sentenc", "judge",
                                           "jury", "indict", "plead", "plea", "bail", "bond",
                                           "magistrate", "prosecut", "funeral", "vigil", "memorial",
                                           NULL};
static const char *const TOPIC_ARREST[] = {"arrest", "custody", "surrender", "confess", "charged",
                                            "booked", "apprehend", "turned himself", NULL};
static const char *const TOPIC_EVENT[] = {"shot", "shoot", "kill", "die", "dead", "fired", "gunfire", "gunned",
                                           "gunshot", "stab", "happen", "occur", "crash", "attack",
                                           "wound", "injur", "murder", "slain", "death", "fatal",
                                           "explo", "struck", "hit", NULL};
static const char *const *const TOPIC_LISTS[] = {TOPIC_COURT, TOPIC_ARREST, TOPIC_EVENT};
static const char *const TOPIC_NAMES[] = {"court", "arrest", "event"};

/* The topic list (0 court, 1 arrest, 2 event) a word of token i begins
 * with, or -1. */
static int topic_word(const px_sx *x, size_t i)
{
    const char *n = pxs_norm(x, i);
    for (int l = 0; l < 3; l++)
        for (const char *const *w = TOPIC_LISTS[l]; *w; w++)
            if (n[0] == (*w)[0] && strncmp(n, *w, strlen(*w)) == 0) return l;
    return -1;
}

/* The first of the lists (court, arrest, event) with a word the sentence
 * begins a token with: "arraigned" court, "surrendered" arrest, "shooting"
 * event.  Counts read it (slot_count.c). */
static const char *topic(const px_sx *x)
{
    int best = 3;
    for (size_t i = x->t0; i < x->t1 && best; i++) {
        int l = topic_word(x, i);
        if (l >= 0 && l < best) best = l;
    }
    return best < 3 ? TOPIC_NAMES[best] : NULL;
}

/* 1 when topic word i tells who says, not what happened: "according to
 * prosecutors", "prosecutors said", or "hearing" that is no court's
 * ("reported hearing gunshots": a hearing has an article or a modifier),
 * or is part of a compound modifier ("court-ordered"). */
static int topic_word_off(const px_sx *x, size_t i)
{
    static const char *const speech[] = {"said", "say", "says", "told", "allege", "alleged",
                                          "alleges", "stated", "argued", "contend", NULL};
    static const char *const det[] = {"a", "an", "the", "his", "her", "their", "its", "preliminary",
                                      "detention", "competency", "status", "probable", "next", NULL};
    if (pxs_in(x, i + 1, speech)) return 1;
    if (strchr(pxs_norm(x, i), '-') || pxs_is(x, i + 1, "-"))
        return 1; /* "a court-ordered program": a modifier, no court's day */
    if (pxs_is(x, i - 1, "to") && pxs_is(x, i - 2, "according")) return 1;
    if (pxs_is(x, i - 2, "to") && pxs_is(x, i - 3, "according")) return 1; /* "according to county prosecutors" */
    return pxs_is(x, i, "hearing") && !pxs_in(x, i - 1, det);
}

const char *pxs_topic_at(const px_sx *x, size_t ti, size_t tj)
{
    static const char *const charge[] = {"charge", "charges", "count", "counts", "suspicion",
                                         "connection", NULL};
    size_t best = (size_t)-1, stop = x->t1;
    int which = -1;
    for (size_t i = tj; i < x->t1 && stop == x->t1; i++)
        if (pxs_in(x, i, charge)) stop = i; /* "arrested Saturday on counts of murder" */
    for (size_t i = x->t0; i < stop; i++) {
        if (i >= ti && i < tj) continue;
        int l = topic_word(x, i);
        if (l < 0 || topic_word_off(x, i)) continue;
        size_t d = i < ti ? ti - i : i - tj + 1;
        if (d < best || (d == best && l < which)) best = d, which = l;
    }
    return which >= 0 ? TOPIC_NAMES[which] : NULL;
}

void px_compare_slots(px_comparison *c)
{
    PX_VEC(unsigned char) quoted = {0};
    int undated = 1;
    for (size_t a = 0; a < c->n && undated; a++) undated = px_day_of(px_article_date(c->articles[a])) == PX_NO_DAY;
    for (size_t a = 0; a < c->n; a++) {
        const px_analysis *an = c->analyses[a];
        px_sx x = {.c = c, .a = a, .art = c->articles[a], .an = an,
                   .day = px_day_of(px_article_date(c->articles[a])), .undated_story = undated};
        size_t ns = px_article_sentence_count(x.art), t = 0, k = 0, d = 0;
        size_t from = c->slot_values.len;
        for (size_t s = 0; s < ns; s++) {
            x.s = s;
            x.t0 = t;
            while (t < an->tokens.len && an->tokens.items[t].sentence == s) t++;
            x.t1 = t;
            while (k < an->numbers.len && an->numbers.items[k].sentence < s) k++;
            x.n0 = k;
            while (k < an->numbers.len && an->numbers.items[k].sentence == s) k++;
            x.n1 = k;
            while (d < an->dates.len && an->dates.items[d].sentence < s) d++;
            x.d0 = d;
            while (d < an->dates.len && an->dates.items[d].sentence == s) d++;
            x.d1 = d;
            if (x.t0 == x.t1 || pxs_furniture(c, a, s)) continue;
            x.text = px_article_sentence(x.art, s, NULL, NULL, NULL);
            x.topic = topic(&x);
            while (quoted.cap < x.t1 - x.t0) px__vec_grow((void **)&quoted.items, &quoted.cap, 1);
            mark_quoted(&x, quoted.items);
            x.quoted = quoted.items;
            pxs_ages(&x);
            pxs_conditions(&x);
            pxs_relations(&x);
            pxs_counts(&x);
            pxs_money(&x);
            pxs_times(&x);
            pxs_dates(&x);
        }
        pxs_custody(c, a, from);
        pxs_past_days(c, a, from);
        pxs_places(c, a);
        pxs_roles(c, a);
    }
    px_vec_free(&quoted);
    pxs_shot_as_injured(c);
    pxs_link_people(c);
    pxs_align_values(c);
}
