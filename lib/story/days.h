/*
 * days.h — the days an article or a story is about, and how far apart two
 * such sets are.
 *
 * An article is dated by its publication day, but it is about the days it
 * names: a trial report a year on still says "the May 7, 2015, shooting",
 * and a first report names "Sunday".  The date finder resolves those
 * against the publication day (analysis.h: "Friday", "Nov. 8", "May 7,
 * 2015"); the days named to the day are kept here, with the publication
 * day, as the article's days.  Two articles are as far apart in time as
 * the closest pair of their days, so a follow-up that names the event's
 * day is no longer a year away from it, while two same-week articles that
 * name nothing stay as close as their publication days.
 *
 * A named day is weaker evidence than a shared publication day: the next
 * event of a saga names the last one's day ("the shutdown that ended
 * Jan. 25"), so a gap bridged only by a named day counts as at least
 * link_floor days (px_story_params, a week): a follow-up still needs more
 * in common than a same-day report, but not the much more that months
 * apart would ask.
 *
 * A story keeps its members' publication days and named days apart, each
 * with how many members have it (PX_STORY_DAYS at most: the most counted,
 * the later on ties), so its memory stays bounded whatever its size.
 *
 * Ownership: px_day_counts owns its items (px_vec_free).  Day arrays are
 * plain sorted int32 arrays owned by the caller.
 */
#ifndef PX_DAYS_H
#define PX_DAYS_H

#include <stdint.h>

#include "analyze/analysis.h"

#define PX_DOC_DAYS 8     /* named days kept per article, the first named */
#define PX_STORY_DAYS 32  /* days kept per story */

typedef struct px_day_count {
    int32_t day;
    uint32_t count;
} px_day_count;

typedef PX_VEC(px_day_count) px_day_counts; /* sorted by day, unique */

/* The days an analysis names to the day (resolved date values), the first
 * max distinct ones in text order, into out sorted; returns how many. */
size_t px_named_days(const px_analysis *an, int32_t *out, size_t max);

/* Days on the two sides of a comparison: publication days and named days,
 * each sorted by day (counts unused here). */
typedef struct px_when {
    const px_day_count *pub, *named;
    size_t npub, nnamed;
} px_when;

/* An article's days as a px_when over buf (room for PX_DOC_DAYS + 1). */
px_when px_when_of(int32_t day, const int32_t *named, size_t n, px_day_count *buf);

/*
 * How many days apart two sides are: the least distance between their
 * publication days, or, when less, between a day one side names and a day
 * the other was published or names, but never under link_floor that way.
 * -1 when nothing can be measured (a side undated).
 */
int px_when_gap(const px_when *a, const px_when *b, int link_floor);

/* Adds each of days[0..n) once (count += times), then keeps the cap most
 * counted (the later day on ties). */
void px_day_counts_add(px_day_counts *c, const int32_t *days, size_t n, uint32_t times, size_t cap);
/* Adds all of src into dst, then caps as above. */
void px_day_counts_merge(px_day_counts *dst, const px_day_counts *src, size_t cap);

#endif
