/*
 * days.c — an article's named days and the distance between day sets
 * (days.h).
 *
 * Only values resolved to a day count ("2015-05-07"): a month or a year
 * ("June", "2014") spans too much to tie two articles, and a month-day
 * with no year to resolve it against ("--11-07") is no day.  The first
 * PX_DOC_DAYS distinct days in text order are kept: the lead names the
 * event's days, and a page's tail of other news names others.
 *
 * The distances are merges of sorted arrays, linear in their lengths
 * (at most PX_DOC_DAYS + 1 and PX_STORY_DAYS), so scoring an article
 * against a story stays a few dozen comparisons.
 */
#include <stdlib.h>
#include <string.h>

#include "story/days.h"
#include "story/profile.h"

static int cmp_day(const void *x, const void *y)
{
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    return a < b ? -1 : a > b;
}

size_t px_named_days(const px_analysis *an, int32_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < an->dates.len && n < max; i++) {
        int32_t day = px_day_of(an->dates.items[i].value);
        if (day == PX_NO_DAY) continue;
        size_t k = 0;
        while (k < n && out[k] != day) k++;
        if (k == n) out[n++] = day;
    }
    qsort(out, n, sizeof *out, cmp_day);
    return n;
}

px_when px_when_of(int32_t day, const int32_t *named, size_t n, px_day_count *buf)
{
    px_when w = {buf, buf + 1, 0, 0};
    if (day != PX_NO_DAY) buf[0] = (px_day_count){day, 1}, w.npub = 1;
    for (size_t i = 0; i < n && i < PX_DOC_DAYS; i++) buf[1 + i] = (px_day_count){named[i], 1};
    w.nnamed = n < PX_DOC_DAYS ? n : PX_DOC_DAYS;
    return w;
}

/* |a - b|, at most INT32_MAX: days read back from a store are whatever its
 * rows hold, and two far apart must not overflow. */
static int32_t dist(int32_t a, int32_t b)
{
    int64_t d = (int64_t)a - b;
    if (d < 0) d = -d;
    return d > INT32_MAX ? INT32_MAX : (int32_t)d;
}

/* The least distance between two sorted lists, or -1 when one is empty. */
static int gap(const px_day_count *a, size_t na, const px_day_count *b, size_t nb)
{
    if (!na || !nb) return -1;
    int32_t best = INT32_MAX;
    size_t i = 0, j = 0;
    while (i < na && j < nb) { /* the closest pair is adjacent in the merged order */
        int32_t d = dist(a[i].day, b[j].day);
        if (d < best) best = d;
        if (a[i].day < b[j].day) i++;
        else j++;
    }
    return best;
}

static int least(int x, int y) { return x < 0 ? y : y < 0 ? x : x < y ? x : y; }

int px_when_gap(const px_when *a, const px_when *b, int link_floor)
{
    int pub = gap(a->pub, a->npub, b->pub, b->npub);
    int link = least(gap(a->named, a->nnamed, b->pub, b->npub), gap(a->pub, a->npub, b->named, b->nnamed));
    link = least(link, gap(a->named, a->nnamed, b->named, b->nnamed));
    if (link >= 0 && link < link_floor) link = link_floor;
    return least(pub, link);
}

static int by_count_desc(const void *x, const void *y)
{
    const px_day_count *a = x, *b = y;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    return a->day > b->day ? -1 : a->day < b->day;
}

static int by_day(const void *x, const void *y)
{
    const px_day_count *a = x, *b = y;
    return a->day < b->day ? -1 : a->day > b->day;
}

static void cap_counts(px_day_counts *c, size_t cap)
{
    if (c->len <= cap) return;
    qsort(c->items, c->len, sizeof *c->items, by_count_desc);
    c->len = cap;
    qsort(c->items, c->len, sizeof *c->items, by_day);
}

/* dst += src, both sorted by day */
static void merge_into(px_day_counts *dst, const px_day_count *src, size_t n)
{
    px_day_counts out = {0};
    size_t i = 0, j = 0;
    while (i < dst->len || j < n) {
        px_day_count x;
        if (j == n || (i < dst->len && dst->items[i].day < src[j].day)) x = dst->items[i++];
        else if (i == dst->len || src[j].day < dst->items[i].day) x = src[j++];
        else {
            x = dst->items[i++];
            x.count += src[j++].count;
        }
        px_vec_push(&out, x);
    }
    px_vec_free(dst);
    *dst = out;
}

void px_day_counts_add(px_day_counts *c, const int32_t *days, size_t n, uint32_t times, size_t cap)
{
    px_day_count add[PX_STORY_DAYS + PX_DOC_DAYS + 1];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof add / sizeof *add; i++)
        if (!k || add[k - 1].day != days[i]) add[k++] = (px_day_count){days[i], times};
    merge_into(c, add, k);
    cap_counts(c, cap);
}

void px_day_counts_merge(px_day_counts *dst, const px_day_counts *src, size_t cap)
{
    merge_into(dst, src->items, src->len);
    cap_counts(dst, cap);
}
