/*
 * judge.c — each slot of the story judged across all its articles.
 *
 * The values of slots.c are sorted by (slot, key, value, article), so the
 * values of one slot of one entity or event lie together, equal values
 * together within them (numbers are written as digits, names compared
 * without case): sorting is the index, n log n, and makes the result
 * independent of the order the articles were given in (articles are
 * ranked by claim.c's fixed order, c->article_rank: publication date,
 * id, title, never position).
 *
 * Within a slot, two distinct values are rivals when no article states
 * both: one article giving "Saturday" and "Sunday", or a victim's two
 * conditions, says they are two things, not one thing told two ways; but
 * "Monday, February 21" on a Sunday gives both days of one telling
 * (either), each a rival of another outlet's.
 * Rivals joined (union-find) make one judgment:
 *
 *   agreement   one value, from 2+ independent articles: a near-copy
 *               (sources.c) counts once with its original, so a value
 *               only a copy pair gives is not reported
 *   compatible  values that can all be true: "at least four" and "five",
 *               "as many as seven" and "seven",
 *               "about 10 p.m." and "10:10 p.m." (an approximate time
 *               holds another within its rounding), "injured" and
 *               "critical", "arrested" and "charged"
 *   update      a value that can change (counts, conditions, custody)
 *               told differently by articles a day or more apart, each
 *               later article carrying the newer value (for conditions
 *               even when both can be true: arrested, then charged)
 *   conflict    otherwise
 *
 * A value compatible with a rival is taken for that rival's value and
 * made no conflict with the others: "just before 1:30 a.m." is the
 * "about 1:27 a.m." of an article that also gives the time of death.
 * Dates are rivals only when two of their articles were published within
 * DAYS_APART days (a later article tells of later days), but for days
 * written with their number ("June 30": one day whenever it is told) and
 * days that all the articles had seen when published (known_to_both: a
 * week later, "Thursday" of the shooting all of them tell); times only when
 * less than TIME_APART minutes apart (the morning's shooting and the
 * afternoon's are two events).
 *
 * A described person ("the man") whose values may be of several people
 * gives agreements only (see ambiguous()).
 *
 * In a story where no one died, the count of the shot is the count of the
 * injured (slot_count.c's pxs_shot_as_injured(), before the alignment).
 *
 * Values marked no_conflict (roles, places, earlier dates, years) are
 * never rivals: they give agreements only.  Values marked PX_UPDATE_ONLY
 * (inferred, not stated: "at least one arrested" from a named arrest) are
 * rivals only of values told a day or more before or after them, and a
 * judgment holding one is shown only when it is an update.  A slot with more than
 * MAX_GROUPS distinct values compares no values (it is no one slot).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/compare.h"
#include "story/profile.h"

#define MAX_GROUPS 256
#define DAYS_APART 2
#define TIME_APART 90 /* minutes */

typedef struct item {
    const px_slot_value *v;
    size_t rank; /* of its article */
} item;

typedef struct group {
    size_t first, n;   /* its items in the run's deduplicated list */
    int no_conflict;   /* 1: every item is no_conflict */
    int update_only;   /* some item is PX_UPDATE_ONLY, none may conflict */
    int may;           /* some item may conflict (no_conflict 0) */
    int numbered;      /* dates: every item written with its day's number */
    px_qualifier qual; /* the first qualified value's */
    int32_t min_day, max_day; /* its articles' publication days */
    size_t parent;     /* union-find */
} group;

typedef struct judge {
    px_comparison *c;
    const size_t *rank; /* article -> rank: c->article_rank, borrowed */
    size_t *root;      /* article -> the original it copies, else itself */
    int32_t *day;      /* article -> publication day */
    double *named_ages; /* the ages given to named people, sorted */
    size_t n_named;
} judge;

static int cmp_item(const void *x, const void *y)
{
    const item *a = x, *b = y;
    if (a->v->slot != b->v->slot) return a->v->slot < b->v->slot ? -1 : 1;
    int k = strcmp(a->v->key, b->v->key);
    if (k) return k;
    if ((k = strcasecmp(a->v->value, b->v->value))) return k;
    if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
    if (a->v->sentence != b->v->sentence) return a->v->sentence < b->v->sentence ? -1 : 1;
    if ((k = strcmp(a->v->value, b->v->value))) return k;
    return strcmp(a->v->surface ? a->v->surface : "", b->v->surface ? b->v->surface : "");
}

static void rank_articles(judge *j)
{
    px_comparison *c = j->c;
    j->rank = c->article_rank;
    for (size_t a = 0; a < c->n; a++) j->day[a] = px_day_of(px_article_date(c->articles[a]));
    for (size_t a = 0; a < c->n; a++) j->root[a] = a;
    for (size_t i = 0; i < c->copies.len; i++) j->root[c->copies.items[i].copy] = c->copies.items[i].original;
    for (size_t a = 0; a < c->n; a++) /* a copy of a copy: its first original */
        for (size_t steps = 0; j->root[j->root[a]] != j->root[a] && steps < c->n; steps++)
            j->root[a] = j->root[j->root[a]];
}

static size_t find(group *g, size_t i)
{
    while (g[i].parent != i) i = g[i].parent = g[g[i].parent].parent;
    return i;
}

/* 1 when some article states both groups' values (lists sorted by rank);
 * a day only an expression at odds with itself gives (either) is not a
 * thing told apart from the article's others. */
static int share_article(const item *list, const group *x, const group *y)
{
    size_t i = x->first, j = y->first, ie = x->first + x->n, je = y->first + y->n;
    while (i < ie && j < je) {
        if (list[i].rank == list[j].rank && !list[i].v->either && !list[j].v->either) return 1;
        if (list[i].rank < list[j].rank) i++;
        else j++;
    }
    return 0;
}

/* 1 when two groups' articles include two published within DAYS_APART
 * days of each other (or undated): only those tell of one time frame. */
static int close_in_time(const judge *j, const item *list, const group *x, const group *y)
{
    for (size_t a = 0; a < x->n; a++)
        for (size_t b = 0; b < y->n; b++) {
            int32_t da = j->day[list[x->first + a].v->article], db = j->day[list[y->first + b].v->article];
            if (da == PX_NO_DAY || db == PX_NO_DAY || labs((long)da - (long)db) <= DAYS_APART) return 1;
        }
    return 0;
}

static int compatible(const item *list, const group *x, const group *y);

/* 1 when both days (dates' num) fall on or before every article of both
 * groups was published: an article days later that names a day the
 * earlier ones already told of tells of the same days, not later ones. */
static int known_to_both(const group *x, const group *y, double dx, double dy)
{
    if (x->min_day == PX_NO_DAY || y->min_day == PX_NO_DAY) return 0;
    return fmax(dx, dy) <= (double)(x->min_day < y->min_day ? x->min_day : y->min_day);
}

/* 1 when two distinct values of a slot are told of one thing: no article
 * states both, and (dates, as a later article tells of later days) two of
 * their articles were published close together. */
static int rivals(const judge *j, const item *list, const group *x, const group *y)
{
    if (x->no_conflict || y->no_conflict || share_article(list, x, y)) return 0;
    if ((x->update_only || y->update_only) &&
        !(x->max_day != INT32_MIN && y->max_day != INT32_MIN && x->min_day != PX_NO_DAY &&
          y->min_day != PX_NO_DAY && (x->max_day < y->min_day || y->max_day < x->min_day)))
        return 0; /* an inferred value: only a day or more apart */
    const px_slot_value *a = list[x->first].v, *b = list[y->first].v;
    if (a->slot == PX_SLOT_TIME) return fabs(a->num - b->num) < TIME_APART;
    return a->slot != PX_SLOT_DATE || (x->numbered && y->numbered) || close_in_time(j, list, x, y) ||
           known_to_both(x, y, a->num, b->num);
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* Articles of a group that are not copies of one another. */
static size_t independent(const judge *j, const item *list, const group *g)
{
    size_t *roots = px_xmalloc((g->n ? g->n : 1) * sizeof *roots), n = 0;
    for (size_t i = 0; i < g->n; i++) roots[i] = j->root[list[g->first + i].v->article];
    qsort(roots, g->n, sizeof *roots, cmp_size);
    for (size_t i = 0; i < g->n; i++) n += i == 0 || roots[i] != roots[i - 1];
    free(roots);
    return n;
}

/* 1 when value w is within what q's qualifier allows. */
static int within(double w, double v, px_qualifier q)
{
    switch (q) {
    case PX_QUAL_MIN: return w >= v;
    case PX_QUAL_MAX: return w <= v && w >= v * 0.75;
    case PX_QUAL_ABOUT: return fabs(w - v) <= fmax(v * 0.15, 1);
    default: return 0;
    }
}

/* The rounding an approximate time was written with: "about 10 p.m."
 * rounds to the hour (15 minutes either way), "about 10:30" to the half
 * hour (10), "about 10:15" to the quarter (5), "about 10:40" to five
 * minutes (3), any other minute 2. */
static double rounding(double v)
{
    int m = (int)v % 60;
    return m == 0 ? 15 : m == 30 ? 10 : m % 15 == 0 ? 5 : m % 5 == 0 ? 3 : 2;
}

/* The minutes a told time allows, [*lo, *hi]: an exact time itself (on a
 * five-minute mark, 2 minutes either way: "5:20 p.m." may be 5:19 told
 * to the nearest five minutes), an approximate one its rounding either
 * way, "just after" / "shortly before" 10 minutes on that side, a plain
 * "after" / "before" 30. */
static void time_span(const px_slot_value *v, px_qualifier q, double *lo, double *hi)
{
    static const char *const near[] = {"just", "shortly", "soon", "right", NULL};
    double side = 30;
    for (const char *const *w = near; *w && v->surface; w++)
        if (strncasecmp(v->surface, *w, strlen(*w)) == 0) side = 10;
    *lo = *hi = v->num;
    if (q == PX_QUAL_ABOUT) *lo -= rounding(v->num), *hi += rounding(v->num);
    else if (q == PX_QUAL_MIN) *hi += side;
    else if (q == PX_QUAL_MAX) *lo -= side;
    else if ((int)v->num % 5 == 0) *lo -= 2, *hi += 2;
}

/* 1 when two told times can both be true: what they allow overlaps (two
 * spans by more than a point; a point may lie on a span's end). */
static int times_overlap(const px_slot_value *a, const px_slot_value *b)
{
    double alo, ahi, blo, bhi;
    time_span(a, a->qual, &alo, &ahi);
    time_span(b, b->qual, &blo, &bhi);
    double lo = fmax(alo, blo), hi = fmin(ahi, bhi);
    return lo < hi || (lo == hi && (alo == ahi || blo == bhi));
}

/* 1 when every word of a is among b's. */
static int words_within(const char *a, const char *b)
{
    for (const char *w = a; *w;) {
        size_t n = strcspn(w, " ");
        int found = 0;
        for (const char *v = b; *v && !found;) {
            size_t m = strcspn(v, " ");
            found = m == n && strncasecmp(v, w, n) == 0;
            v += m + (v[m] == ' ');
        }
        if (!found) return 0;
        w += n + (w[n] == ' ');
    }
    return 1;
}

/* 1 when the values of two groups can both be true. */
static int compatible(const item *list, const group *x, const group *y)
{
    const px_slot_value *a = list[x->first].v, *b = list[y->first].v;
    switch (a->slot) {
    case PX_SLOT_AGE:
    case PX_SLOT_COUNT:
    case PX_SLOT_MONEY:
    case PX_SLOT_NUMBER:
        return within(a->num, b->num, y->qual) || within(b->num, a->num, x->qual);
    case PX_SLOT_TIME:
        /* Two exact times that differ are a conflict, by minutes or not
         * (but for a five-minute mark's rounding: 5:19 and 5:20): an
         * outlet writing "10:42 p.m." copies a time its source gave, so
         * another exact time is another telling (issue #13's "a time
         * shifted by minutes").  Qualified times are compatible when what
         * they allow overlaps (time_span): "around 2 p.m." holds 2:10 and
         * "around 2:15", "just after 2:15" and "after 2 a.m." overlap
         * (the labelled set's readers judged both compatible), while
         * "about 7:30" and "about 7:45", or "shortly before 1:45" and
         * "shortly before 2", only touch: two tellings. */
        for (size_t i = 0; i < x->n; i++)
            for (size_t k = 0; k < y->n; k++)
                if (times_overlap(list[x->first + i].v, list[y->first + k].v)) return 1;
        return 0;
    case PX_SLOT_CONDITION:
        if (strstr(a->key, "|charges"))
            return words_within(a->value, b->value) || words_within(b->value, a->value);
        if (strstr(a->key, "|condition"))
            return (strcmp(a->value, "injured") == 0 && strcmp(b->value, "killed") != 0) ||
                   (strcmp(b->value, "injured") == 0 && strcmp(a->value, "killed") != 0);
        if (strstr(a->key, "|custody")) /* arrested and charged: both true */
            return (!strcmp(a->value, "arrested") || !strcmp(a->value, "charged")) &&
                   (!strcmp(b->value, "arrested") || !strcmp(b->value, "charged"));
        return 0;
    default:
        return 0;
    }
}

/* 1 when a group's value is given both exactly and approximately:
 * "seven children" and "as many as seven children" are compatible. */
static int mixed(const item *list, const group *g)
{
    for (size_t i = 1; i < g->n; i++)
        if (list[g->first + i].v->qual != list[g->first].v->qual) return 1;
    return 0;
}

/* 1 when the slot's value can change as a story goes on: a condition,
 * custody, charges, and the counts of the dead, the injured, the shot and
 * the arrested (not the shots fired, nor a plain "three people"). */
static int changeable(const px_slot_value *v)
{
    static const char *const counts[] = {"dead", "injured", "shot", "arrested"};
    if (v->slot == PX_SLOT_CONDITION) return 1;
    if (v->slot != PX_SLOT_COUNT) return 0;
    size_t n = strcspn(v->key, "#"); /* "dead#f12": the dead of one fact (slot_facts.c) */
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
        if (strlen(counts[i]) == n && strncmp(v->key, counts[i], n) == 0) return 1;
    return 0;
}

static int cmp_by_day(const void *x, const void *y)
{
    const group *a = *(const group *const *)x, *b = *(const group *const *)y;
    if (a->min_day != b->min_day) return a->min_day < b->min_day ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* 1 when the groups, ordered by day, each come a day or more after the
 * one before: each later article carries the newer value. */
static int is_update(group **gs, size_t n)
{
    qsort(gs, n, sizeof *gs, cmp_by_day);
    for (size_t i = 0; i < n; i++)
        if (gs[i]->min_day == PX_NO_DAY) return 0;
    for (size_t i = 1; i < n; i++)
        if (gs[i - 1]->max_day + 1 > gs[i]->min_day) return 0;
    return 1;
}

static int cmp_value(const void *x, const void *y)
{
    const item *a = x, *b = y;
    if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
    return strcmp(a->v->value, b->v->value);
}

static void emit(judge *j, const item *list, group **gs, size_t n, px_judgment judgment)
{
    px_comparison *c = j->c;
    const px_slot_value *v0 = list[gs[0]->first].v;
    px_conflict k = {.kind = px_slot_kind(v0->slot), .slot = v0->slot, .judgment = judgment,
                     .subject = v0->subject,
                     .entity = v0->entity >= 0 ? c->entities.items[v0->entity].name : NULL,
                     .agreement = judgment == PX_JUDGE_AGREEMENT || judgment == PX_JUDGE_COMPATIBLE};
    size_t total = 0;
    for (size_t g = 0; g < n; g++) total += gs[g]->n;
    item *all = px_xmalloc(total * sizeof *all);
    size_t m = 0;
    for (size_t g = 0; g < n; g++)
        for (size_t i = 0; i < gs[g]->n; i++) all[m++] = list[gs[g]->first + i];
    qsort(all, m, sizeof *all, cmp_value);
    for (size_t i = 0; i < m; i++) {
        const px_slot_value *v = all[i].v;
        px_value pv = {v->article, v->sentence, v->value, v->surface, v->pattern, 0};
        px_vec_push(&k.values, pv);
    }
    free(all);
    px_vec_push(&c->conflicts, k);
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

/*
 * 1 when a described person ("d:man") may be several people, so its
 * values are not compared: one article gives it two values ("a 26-year-old
 * man", "a 31-year-old man"), or two of its ages are those of two named
 * people of the story (the 18-year-old suspect and the 20-year-old victim
 * are both "a man").
 */
static int ambiguous(const judge *j, const item *list, size_t m, const group *g, size_t ng)
{
    if (strncmp(list[0].v->key, "d:", 2) != 0) return 0;
    size_t *ranks = px_xmalloc((m ? m : 1) * sizeof *ranks), r = 0;
    for (size_t i = 0; i < m; i++)
        if (!list[i].v->no_conflict) ranks[r++] = list[i].rank;
    qsort(ranks, r, sizeof *ranks, cmp_size);
    int twice = 0;
    for (size_t i = 1; i < r && !twice; i++) twice = ranks[i] == ranks[i - 1];
    free(ranks);
    if (twice) return 1;
    if (list[0].v->slot != PX_SLOT_AGE) return 0;
    size_t named = 0;
    for (size_t x = 0; x < ng; x++)
        named += bsearch(&list[g[x].first].v->num, j->named_ages, j->n_named, sizeof(double),
                         cmp_double) != NULL;
    return named >= 2;
}

/* 1 when rivals x and y that are not compatible make no conflict: one
 * of them is the value of a compatible partner z that an article of the
 * other states beside it ("just before 1:30 a.m." is the "about 1:27
 * a.m." of an article that also gives the time of death). */
static int shielded(const item *list, const group *g, size_t ng, const unsigned char *rel,
                    const unsigned char *partner, size_t x, size_t y)
{
    for (int side = 0; side < 2; side++) {
        size_t p = side ? y : x, o = side ? x : y; /* p's partner z, stated beside o */
        if (!partner[p]) continue;
        for (size_t z = 0; z < ng; z++)
            if (z != o && rel[p * ng + z] == 2 && share_article(list, &g[z], &g[o])) return 1;
    }
    return 0;
}

/* One slot of one entity or event: items[0..n), sorted by value then rank. */
static void judge_run(judge *j, item *items, size_t n)
{
    item *list = px_xmalloc(n * sizeof *list); /* one item per (value, article) */
    group *g = px_xcalloc(n, sizeof *g);
    size_t ng = 0, m = 0;
    for (size_t i = 0; i < n; i++) {
        int new_group = i == 0 || strcasecmp(items[i].v->value, items[i - 1].v->value) != 0;
        if (new_group) {
            g[ng] = (group){.first = m, .no_conflict = 1, .numbered = 1, .min_day = INT32_MAX,
                            .max_day = INT32_MIN, .parent = ng};
            ng++;
        } else if (items[i].rank == list[m - 1].rank) {
            continue; /* the same article again */
        }
        group *cur = &g[ng - 1];
        list[m++] = items[i];
        cur->n++;
        cur->numbered &= items[i].v->pattern && strcmp(items[i].v->pattern, "date-explicit") == 0;
        int nc = items[i].v->no_conflict;
        if (nc == PX_UPDATE_ONLY && !cur->may) cur->update_only = 1;
        else if (!nc) cur->update_only = 0, cur->may = 1;
        cur->no_conflict &= nc == 1;
        if (!cur->qual) cur->qual = items[i].v->qual;
        int32_t d = j->day[items[i].v->article];
        if (d == PX_NO_DAY) cur->min_day = PX_NO_DAY;
        else if (cur->min_day != PX_NO_DAY && d < cur->min_day) cur->min_day = d;
        if (d != PX_NO_DAY && d > cur->max_day) cur->max_day = d;
    }
    if (ng <= MAX_GROUPS && !ambiguous(j, list, m, g, ng)) {
        /* rel[x * ng + y]: 1 rivals, 2 compatible rivals (an inferred
         * value shields none: it is never a partner) */
        unsigned char *rel = px_xcalloc(ng * ng, 1), *partner = px_xcalloc(ng, 1);
        for (size_t x = 0; x < ng; x++)
            for (size_t y = x + 1; y < ng; y++) {
                if (!rivals(j, list, &g[x], &g[y])) continue;
                int both = compatible(list, &g[x], &g[y]) && !g[x].update_only && !g[y].update_only;
                rel[x * ng + y] = rel[y * ng + x] = (unsigned char)(1 + both);
                if (both) partner[x] = partner[y] = 1;
            }
        for (size_t x = 0; x < ng; x++)
            for (size_t y = x + 1; y < ng; y++)
                if (rel[x * ng + y] && (rel[x * ng + y] == 2 || compatible(list, &g[x], &g[y]) ||
                                        !shielded(list, g, ng, rel, partner, x, y)))
                    g[find(g, y)].parent = find(g, x);
        free(partner);
        free(rel);
    }
    group **gs = px_xmalloc(ng * sizeof *gs);
    for (size_t x = 0; x < ng; x++) {
        if (find(g, x) != x) continue;
        size_t k = 0;
        for (size_t y = x; y < ng; y++)
            if (find(g, y) == x) gs[k++] = &g[y];
        if (k == 1) {
            if (!gs[0]->update_only && independent(j, list, gs[0]) >= 2)
                emit(j, list, gs, 1, mixed(list, gs[0]) ? PX_JUDGE_COMPATIBLE : PX_JUDGE_AGREEMENT);
            continue;
        }
        int all_compatible = 1;
        for (size_t p = 0; p < k && all_compatible; p++)
            for (size_t q = p + 1; q < k && all_compatible; q++)
                all_compatible = compatible(list, gs[p], gs[q]);
        px_judgment jd = all_compatible ? PX_JUDGE_COMPATIBLE : PX_JUDGE_CONFLICT;
        const px_slot_value *v0 = list[gs[0]->first].v;
        if ((!all_compatible || v0->slot == PX_SLOT_CONDITION) && changeable(v0) && is_update(gs, k))
            jd = PX_JUDGE_UPDATE; /* a condition moving on (arrested, then charged) is news */
        int inferred = 0;
        for (size_t p = 0; p < k; p++) inferred |= gs[p]->update_only;
        if (inferred && jd != PX_JUDGE_UPDATE) continue; /* an inferred value is no conflict */
        emit(j, list, gs, k, jd);
    }
    free(gs);
    free(g);
    free(list);
}

void px_compare_judge(px_comparison *c)
{
    size_t n = c->slot_values.len;
    judge j = {c, NULL, px_xcalloc(c->n, sizeof(size_t)), px_xcalloc(c->n, sizeof(int32_t))};
    rank_articles(&j);
    j.named_ages = px_xmalloc((n ? n : 1) * sizeof(double));
    for (size_t i = 0; i < n; i++)
        if (c->slot_values.items[i].slot == PX_SLOT_AGE && c->slot_values.items[i].key[0] != 'd')
            j.named_ages[j.n_named++] = c->slot_values.items[i].num;
    qsort(j.named_ages, j.n_named, sizeof(double), cmp_double);
    item *items = px_xmalloc((n ? n : 1) * sizeof *items);
    for (size_t i = 0; i < n; i++) items[i] = (item){&c->slot_values.items[i], j.rank[c->slot_values.items[i].article]};
    qsort(items, n, sizeof *items, cmp_item);
    for (size_t i = 0; i < n;) {
        size_t e = i + 1;
        while (e < n && items[e].v->slot == items[i].v->slot && strcmp(items[e].v->key, items[i].v->key) == 0)
            e++;
        judge_run(&j, items + i, e - i);
        i = e;
    }
    free(items);
    free(j.root);
    free(j.day);
    free(j.named_ages);
}
