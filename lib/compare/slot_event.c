/*
 * slot_event.c — when and where: the time of day, the date, the places.
 *
 * Times: "10:30 p.m.", "10 p.m.", "noon", "midnight" (and the analysis's
 * numbers of kind time, when the token pass did not read them), normalised
 * to 24 hours ("22:30"); "about" and "around" make a value approximate,
 * "just after" a lower and "shortly before" an upper bound (judge.c: the
 * span each allows).
 * A time within 8 words after a death declared ("pronounced dead at 2:12
 * a.m.", "died from his injuries at the hospital around 6:10") is the time
 * of death, kept apart from the event's.  A meridian glued to the next
 * word ("1:45 p.m.Family") still sets the half of the day.
 *
 * Dates: the analysis's dates resolved to a day ("2017-01-09"), explicit
 * (date-explicit) or counted from the article's own date (date-relative).
 * Dates and times are keyed by their topic: that of the topic word
 * nearest them in the sentence (pxs_topic_at, slots.c: court, arrest,
 * event; "charged Lee with shooting his daughter about 4 p.m." is the
 * shooting's time; a time in a sentence with none is the event's), so
 * the day of the shooting is never compared with the day of the hearing.
 * Times of the event, of a death and of an arrest may conflict; a
 * court's give agreements only (a story has many hearings).  Of the days,
 * only the event's, and days written with their number ("June 30", not
 * "Tuesday") of a court or arrest topic, make conflicts (a story has
 * many hearings, arrests and statements, each on a weekday), the others
 * give agreements only; days inside quotation marks are left out.  A
 * weekday at odds with its own date ("Monday, Feb. 21" on a Sunday) gives
 * both days (date-weekday: the Monday nearest), either a rival of another
 * outlet's (judge.c).  A day next to "said" ("police said
 * Monday") is the day of the telling and is left out.  A date in a sentence that looks forward ("will", "expected to",
 * "scheduled") or that falls after the article's date is kept apart
 * ("court, future"); a weekday the analysis resolved backwards in such a
 * sentence is moved to the week after.  Days more than 30 before the
 * article's date are "earlier" (a past case, a birthday), but for the
 * event's numbered day, told weeks later; months and
 * years are "year" values.  Earlier days, months and years give
 * agreements only.  An article that tells of the event on a day of the
 * last 30 tells of another, past event with its older numbered days ("On
 * July 27, 2015, Smith was shot" in a story of this week): those are
 * earlier too (pxs_past_days).
 *
 * Places: each place entity an article names, under the event, for
 * agreements only: outlets naming a city, a street and a venue all say
 * something true.  Spelling variants of one place are the entities
 * step's name conflicts.  A street's type is compared (street_key).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/slots.h"
#include "story/profile.h"

static const char *const APPROX[] = {"about", "around", "approximately", "roughly", "sometime",
                                     "nearly", "almost", NULL};

static int meridian(const px_sx *x, size_t i)
{
    static const char *const am[] = {"a.m.", "am", "a.m", NULL}, *const pm[] = {"p.m.", "pm", "p.m", NULL};
    return pxs_in(x, i, am) ? 1 : pxs_in(x, i, pm) ? 2 : 0;
}

/* 1 when the time at token i follows a death declared ("pronounced dead
 * at 2:12 a.m.", "died at 3 a.m."): the time of death, not of the event. */
static int death(const px_sx *x, size_t i)
{
    static const char *const cues[] = {"pronounced", "died", "succumbed", NULL};
    for (size_t k = i > x->t0 + 8 ? i - 8 : x->t0; k < i; k++) /* "died from his injuries at the hospital around 6:10" */
        if (pxs_in(x, k, cues)) return 1;
    return 0;
}

static void time_value(const px_sx *x, int minutes, size_t i, size_t j, const char *pattern)
{
    if (pxs_quoted(x, i) || pxs_in(x, i - 1, (const char *const[]){"by", "until", "since", NULL}))
        return; /* "at large by 11 p.m.": a deadline, not a time of the event */
    px_qualifier q = PX_QUAL_EXACT;
    if (pxs_in(x, i - 1, APPROX)) q = PX_QUAL_ABOUT, i--;
    else if (pxs_is(x, i - 1, "after")) q = PX_QUAL_MIN, i--;
    else if (pxs_is(x, i - 1, "before")) q = PX_QUAL_MAX, i--;
    if (q && pxs_in(x, i - 1, (const char *const[]){"shortly", "just", "soon", NULL})) i--;
    const char *topic = pxs_topic_at(x, i, j);
    if (!topic) topic = "event";
    if (strcmp(topic, "event") == 0 && death(x, i))
        topic = "death"; /* "pronounced dead at 2:12 a.m.": not the time of the shooting */
    pxs_emit(x, PX_SLOT_TIME, topic, -1, pxs_printf(x, "%s time", topic),
             pxs_printf(x, "%02d:%02d", minutes / 60, minutes % 60), minutes, q, i, j, pattern);
    if (strcmp(topic, "court") == 0) /* a story has many hearings: agreements only */
        x->c->slot_values.items[x->c->slot_values.len - 1].no_conflict = 1;
}

void pxs_times(const px_sx *x)
{
    size_t from = x->c->slot_values.len; /* this sentence's times start here */
    for (size_t i = x->t0; i < x->t1; i++) {
        if (pxs_is(x, i, "noon") || pxs_is(x, i, "midnight")) {
            time_value(x, pxs_is(x, i, "noon") ? 720 : 0, i, i + 1, "time-word");
            continue;
        }
        if (x->an->tokens.items[i].kind != PX_TOKEN_NUMBER) continue;
        int h = atoi(pxs_norm(x, i)), m = 0;
        size_t j = i + 1;
        if (pxs_is(x, j, ":") && x->an->tokens.items[j + 1 < x->t1 ? j + 1 : i].kind == PX_TOKEN_NUMBER &&
            j + 1 < x->t1 && strlen(pxs_norm(x, j + 1)) == 2) {
            m = atoi(pxs_norm(x, j + 1));
            j += 2;
        }
        int mer = meridian(x, j);
        if (!mer || h < 1 || h > 12 || m > 59) continue;
        h = h % 12 + (mer == 2 ? 12 : 0);
        time_value(x, h * 60 + m, i, j + 1, "time-clock");
        i = j;
    }
    for (size_t k = x->n0; k < x->n1; k++) { /* the analysis's times, when it has them */
        const px_number *n = &x->an->numbers.items[k];
        if (n->kind != PX_NUMBER_TIME || n->value < 0 || n->value >= 1440) continue;
        int t = (int)n->value;
        const char *after = x->text + n->end; /* "1:45 p.m.Family": a meridian glued to a word */
        while (*after == ' ') after++;
        char mer = after[0] ? (char)(after[0] | 0x20) : 0;
        char m = mer ? (char)(after[1 + (after[1] == '.')] | 0x20) : 0;
        if ((mer == 'a' || mer == 'p') && m == 'm') t = t % 720 + (mer == 'p' ? 720 : 0);
        int seen = 0; /* the token pass read it already, with its qualifier */
        for (size_t v = from; v < x->c->slot_values.len && !seen; v++)
            seen = x->c->slot_values.items[v].slot == PX_SLOT_TIME &&
                   (x->c->slot_values.items[v].num == n->value || x->c->slot_values.items[v].num == t);
        if (seen) continue;
        size_t ti = pxs_token_at(x, n->start), tj = pxs_token_at(x, n->end);
        time_value(x, t, ti, tj, "time-clock");
    }
}

static const char *const SPEECH[] = {"said", "says", "told", "announced", "reported", "confirmed",
                                     "stated", NULL};

/* The first token of the sentence that looks forward ("will", "expected
 * to"), or t1: a date after it is in the future. */
static size_t forward(const px_sx *x)
{
    static const char *const cues[] = {"will", "expected", "scheduled", "slated", "due", "plans",
                                       "planned", "set", "next", "upcoming", "until", NULL};
    size_t k = x->t0;
    while (k < x->t1 && !pxs_in(x, k, cues)) k++;
    return k;
}

/* The weekdays, Monday first (px_weekday's 1 .. 7, less one). */
static const char *const WEEKDAYS[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                       "Saturday", "Sunday"};

/* The day named by the weekday that opens a numbered date ("Monday,
 * February 21") nearest to its day, when that weekday is not the day's
 * own; else PX_NO_DAY. */
static int32_t weekday_day(const char *text, int32_t day)
{
    if (!text || day == PX_NO_DAY) return PX_NO_DAY;
    if (strncasecmp(text, "on ", 3) == 0) text += 3;
    for (int w = 0; w < 7; w++) {
        size_t n = strlen(WEEKDAYS[w]);
        if (strncmp(text, WEEKDAYS[w], n) != 0) continue;
        int off = (w + 1 - px_weekday(day) + 7) % 7; /* days forward to that weekday (1 Monday) */
        if (off == 0) return PX_NO_DAY;
        return off <= 3 ? day + off : day - (7 - off);
    }
    return PX_NO_DAY;
}

/* A story none of whose articles is dated ("Tuesday" resolves to no day):
 * a bare weekday of the event is kept as the weekday itself, under its own
 * key ("event weekday"), so that one outlet's Tuesday and another's
 * Wednesday still conflict, and a numbered date ("June 30") never meets a
 * weekday it cannot be placed against.  cue: the sentence's first
 * forward-looking word (forward()). */
static void undated_weekday(const px_sx *x, const px_date_mention *d, size_t cue)
{
    if (!d->text) return;
    int w = -1;
    for (int i = 0; i < 7; i++)
        if (strcasecmp(d->text, WEEKDAYS[i]) == 0) w = i;
    if (w < 0) return;
    size_t ti = pxs_token_at(x, d->start), tj = pxs_token_at(x, d->end);
    if (pxs_quoted(x, ti) || pxs_in(x, ti - 1, SPEECH) || pxs_in(x, tj, SPEECH)) return;
    const char *key = pxs_topic_at(x, ti, tj);
    if (!key || strcmp(key, "event") != 0) return; /* only the event's day may conflict */
    if (cue < ti) return;                            /* "will appear Tuesday" */
    pxs_emit(x, PX_SLOT_DATE, "event, weekday", -1, "event weekday", WEEKDAYS[w], w, PX_QUAL_EXACT, ti, tj,
             "date-weekday-undated");
}

void pxs_dates(const px_sx *x)
{
    size_t cue = x->d0 < x->d1 ? forward(x) : x->t1;
    for (size_t k = x->d0; k < x->d1; k++) {
        const px_date_mention *d = &x->an->dates.items[k];
        if (!d->value && x->undated_story) {
            undated_weekday(x, d, cue);
            continue;
        }
        if (!d->value || d->value[0] == '-') continue;
        size_t ti = pxs_token_at(x, d->start), tj = pxs_token_at(x, d->end);
        size_t len = strlen(d->value);
        if (pxs_quoted(x, ti) || pxs_in(x, ti - 1, SPEECH) || pxs_in(x, tj, SPEECH))
            continue; /* "police said Monday": the day of the telling */
        /* "date-explicit": the day with its number ("June 30", "Jan. 9,
         * 2017"), one day whenever it is told; "date-relative": a weekday
         * or "yesterday", counted from the article's own date. */
        int numbered = d->text && strpbrk(d->text, "0123456789") != NULL;
        const char *pattern = d->relative && !numbered ? "date-relative" : "date-explicit";
        if (len == 4 || len == 7) {
            pxs_emit(x, PX_SLOT_DATE, "year", -1, "year", d->value, 0, PX_QUAL_EXACT, ti, tj, pattern);
            x->c->slot_values.items[x->c->slot_values.len - 1].no_conflict = 1;
            continue;
        }
        int32_t day = px_day_of(d->value);
        if (len != 10 || day == PX_NO_DAY) continue;
        const char *key = pxs_topic_at(x, ti, tj), *value = d->value;
        if (!key) key = "other";
        int fwd = cue < ti;
        if (fwd && d->relative && x->day != PX_NO_DAY && day < x->day) {
            day += 7;
            int y, m, dd;
            px_civil_from_days(day, &y, &m, &dd);
            value = pxs_printf(x, "%04d-%02d-%02d", y, m, dd);
        }
        /* A day written with its number ("June 30", "Feb. 2") names one
         * day whoever tells it: the arrest on June 30 and the hearing on
         * Feb. 2 may conflict as the event's day does; a weekday or
         * "yesterday" of a hearing may be any of several. */
        int no_conflict = strcmp(key, "event") != 0 && !(numbered && strcmp(key, "other") != 0);
        if (fwd || (x->day != PX_NO_DAY && day > x->day))
            key = pxs_printf(x, "%s, future", key);
        else if (x->day != PX_NO_DAY && day < x->day - 30 && !(numbered && strcmp(key, "event") == 0))
            key = "earlier", no_conflict = 1; /* the event's numbered day told weeks later stays */
        pxs_emit(x, PX_SLOT_DATE, key, -1, pxs_printf(x, "%s date", key), value, day,
                 PX_QUAL_EXACT, ti, tj, pattern);
        x->c->slot_values.items[x->c->slot_values.len - 1].no_conflict = no_conflict;
        int32_t other = numbered ? weekday_day(d->text, day) : PX_NO_DAY;
        if (other == PX_NO_DAY) continue;
        /* "Monday, February 21" on a Sunday: the article gives two days,
         * the numbered one and the Monday next to it; either may be the
         * one another outlet contradicts. */
        int y, m, dd;
        px_civil_from_days(other, &y, &m, &dd);
        x->c->slot_values.items[x->c->slot_values.len - 1].either = 1;
        pxs_emit(x, PX_SLOT_DATE, key, -1, pxs_printf(x, "%s date", key),
                 pxs_printf(x, "%04d-%02d-%02d", y, m, dd), other, PX_QUAL_EXACT, ti, tj,
                 "date-weekday");
        x->c->slot_values.items[x->c->slot_values.len - 1].no_conflict = no_conflict;
        x->c->slot_values.items[x->c->slot_values.len - 1].either = 1;
    }
}

void pxs_past_days(px_comparison *c, size_t a, size_t from)
{
    int32_t pub = px_day_of(px_article_date(c->articles[a]));
    if (pub == PX_NO_DAY) return;
    int recent = 0;
    for (size_t i = from; i < c->slot_values.len && !recent; i++) {
        const px_slot_value *v = &c->slot_values.items[i];
        recent = v->slot == PX_SLOT_DATE && !strcmp(v->key, "event") && v->num >= pub - 30;
    }
    for (size_t i = from; i < c->slot_values.len && recent; i++) {
        px_slot_value *v = &c->slot_values.items[i];
        if (v->slot == PX_SLOT_DATE && !strcmp(v->key, "event") && v->num < pub - 30)
            v->key = "earlier", v->subject = "earlier date", v->no_conflict = 1;
    }
}

/* Street types, with their short forms; `person` 0 for those that are
 * also surnames ("Nathan Lane"), so a name the entity finder typed as a
 * person's counts as a street only with the others ("Skyline Drive"). */
static const struct street_type {
    const char *name, *forms;
    int person;
} STREET_TYPES[] = {
    {"Street", "street st", 1},     {"Road", "road rd", 1},        {"Avenue", "avenue ave av", 1},
    {"Drive", "drive dr", 1},       {"Boulevard", "boulevard blvd", 1}, {"Parkway", "parkway pkwy", 1},
    {"Highway", "highway hwy", 1},  {"Circle", "circle cir", 1},   {"Terrace", "terrace ter", 1},
    {"Lane", "lane ln", 0},         {"Court", "court ct", 0},      {"Place", "place pl", 0},
    {"Way", "way", 0},
};

/* The street type name's last word w[0..n) is (case and a final dot
 * ignored), or NULL. */
static const struct street_type *street_type(const char *w, size_t n)
{
    if (n && w[n - 1] == '.') n--;
    for (size_t i = 0; i < sizeof STREET_TYPES / sizeof *STREET_TYPES; i++)
        for (const char *f = STREET_TYPES[i].forms; *f; f += strcspn(f, " "), f += *f == ' ')
            if (strcspn(f, " ") == n && !strncasecmp(f, w, n)) return &STREET_TYPES[i];
    return NULL;
}

/* Rule street-type: a street an article names ("Cherry Road", "665
 * Skyline Dr.") is keyed by its name without the type ("street cherry"),
 * with its type written out as the value: two outlets giving one street
 * name two types ("Cherry Street", "Cherry Road") conflict, as a story
 * rarely has two; an article naming both is no side (judge.c).  NULL when
 * e's name is no street: then it is a place named for agreements only. */
static const char *street_key(px_comparison *c, const px_entity *e, const char **value)
{
    const char *name = e->name, *last = strrchr(name, ' ');
    if (!last || last == name) return NULL;
    const struct street_type *t = street_type(last + 1, strlen(last + 1));
    if (!t || (e->type != PX_ENTITY_PLACE && !(e->type == PX_ENTITY_PERSON && t->person))) return NULL;
    px_buf k = {0};
    px_buf_puts(&k, "street ");
    for (const char *p = name; p < last; p++)
        if (*p != '.') px_buf_putc(&k, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
    const char *key = px_arena_strndup(&c->arena, px_buf_str(&k), k.len);
    px_buf_reset(&k);
    px_buf_printf(&k, "%.*s %s", (int)(last - name), name, t->name);
    *value = px_arena_strndup(&c->arena, px_buf_str(&k), k.len);
    px_buf_free(&k);
    return key;
}

void pxs_places(px_comparison *c, size_t a)
{
    const px_analysis *an = c->analyses[a];
    for (size_t i = 0; i < an->entities.len; i++) {
        const px_entity *e = &an->entities.items[i].pub;
        const char *street = NULL, *key = street_key(c, e, &street);
        if (e->type != PX_ENTITY_PLACE && !key) continue;
        for (size_t m = 0; m < e->mention_count; m++) {
            const px_mention *mn = &e->mentions[m];
            if (mn->kind != PX_MENTION_NAME || pxs_furniture(c, a, mn->sentence)) continue;
            long se = px_compare_entity(c, a, (long)i);
            const char *text = px_article_sentence(c->articles[a], mn->sentence, NULL, NULL, NULL);
            px_slot_value v = {.slot = PX_SLOT_PLACE, .key = key ? key : "event", .entity = -1,
                               .subject = key ? "street" : "place",
                               .article = a, .sentence = mn->sentence,
                               .value = key ? street : se >= 0 ? c->entities.items[se].name : e->name,
                               .surface = px_arena_strndup(&c->arena, text + mn->start,
                                                           mn->end - mn->start),
                               .pattern = key ? "place-street" : "place", .no_conflict = !key};
            px_vec_push(&c->slot_values, v);
            break;
        }
    }
}
