/*
 * robots.c — parsing robots.txt and deciding what may be fetched (see
 * robots.h for the rules as obeyed).
 *
 * Bounds, so a hostile robots.txt costs little: the first
 * PX_ROBOTS_MAX_BYTES of the file, at most MAX_RULES rules of the groups
 * that apply (the first ones: a site lists its important rules first),
 * patterns of at most MAX_PATTERN bytes, and the first MAX_PATH bytes of a
 * path matched.  Matching a pattern is the usual one-star-backtrack glob,
 * at worst pattern x path steps, so a decision is at most MAX_RULES x
 * MAX_PATTERN x MAX_PATH byte comparisons (about 0.3 s for a file made to
 * be slow, microseconds for a real one).
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"
#include "fetch/robots.h"

enum { MAX_RULES = 500, MAX_PATTERN = 256, MAX_PATH = 2048, MAX_SITEMAPS = 1000 };

typedef struct rule {
    char *pattern; /* "*" any run, a final "$" the end; never empty */
    size_t len;
    int allow;
} rule;

typedef struct rule_set {
    PX_VEC(rule) rules;
    double delay; /* Crawl-delay, or 0 */
    int seen;     /* a group of this kind was in the file */
} rule_set;

struct px_robots {
    px_arena arena;
    rule_set chosen;
    int allow_all, deny_all; /* px_robots_all() */
    PX_VEC(const char *) sitemaps;
};

static px_robots *robots_new(void)
{
    return px_xcalloc(1, sizeof(px_robots));
}

px_robots *px_robots_all(int allow)
{
    px_robots *r = robots_new();
    r->allow_all = allow != 0;
    r->deny_all = allow == 0;
    return r;
}

/* Trims spaces and tabs from both ends of s[0..*n). */
static const char *trim(const char *s, size_t *n)
{
    while (*n && (*s == ' ' || *s == '\t')) s++, (*n)--;
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r')) (*n)--;
    return s;
}

static int key_is(const char *k, size_t n, const char *name)
{
    return strlen(name) == n && strncasecmp(k, name, n) == 0;
}

/* Does the user-agent line's value name our product token?  The token is
 * the value up to a '/' or a space ("parallax/0.1" names "parallax"). */
static int names_agent(const char *v, size_t n, const char *agent)
{
    size_t t = 0;
    while (t < n && v[t] != '/' && v[t] != ' ' && v[t] != '\t') t++;
    return t == strlen(agent) && strncasecmp(v, agent, t) == 0;
}

static void add_rule(px_robots *r, rule_set *set, const char *v, size_t n, int allow)
{
    if (n == 0 || n > MAX_PATTERN || set->rules.len >= MAX_RULES) return; /* "Disallow:" allows all */
    px_vec_push(&set->rules, ((rule){px_arena_strndup(&r->arena, v, n), n, allow}));
}

px_robots *px_robots_parse(const char *txt, size_t len, const char *agent)
{
    px_robots *r = robots_new();
    if (!txt) return r;
    if (len > PX_ROBOTS_MAX_BYTES) len = PX_ROBOTS_MAX_BYTES;
    if (len >= 3 && memcmp(txt, "\xEF\xBB\xBF", 3) == 0) txt += 3, len -= 3; /* a BOM */
    rule_set mine = {0}, any = {0};
    /* The group being read: which sets its rules go to, and whether its
     * user-agent lines are over (a rule line ends them). */
    int to_mine = 0, to_any = 0, in_rules = 0;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && txt[e] != '\n' && txt[e] != '\r') e++;
        const char *line = txt + i;
        size_t n = e - i;
        i = e < len ? e + 1 : e;
        const char *hash = memchr(line, '#', n);
        if (hash) n = (size_t)(hash - line);
        const char *colon = memchr(line, ':', n);
        if (!colon) continue;
        size_t kn = (size_t)(colon - line), vn = n - kn - 1;
        const char *k = trim(line, &kn), *v = trim(colon + 1, &vn);
        if (key_is(k, kn, "user-agent")) {
            if (in_rules) to_mine = to_any = in_rules = 0; /* a new group */
            if (vn == 1 && *v == '*') to_any = any.seen = 1;
            else if (names_agent(v, vn, agent)) to_mine = mine.seen = 1;
        } else if (key_is(k, kn, "allow") || key_is(k, kn, "disallow")) {
            int allow = key_is(k, kn, "allow");
            in_rules = 1;
            if (to_mine) add_rule(r, &mine, v, vn, allow);
            if (to_any) add_rule(r, &any, v, vn, allow);
        } else if (key_is(k, kn, "crawl-delay")) {
            in_rules = 1;
            char num[32];
            if (vn == 0 || vn >= sizeof num) continue;
            memcpy(num, v, vn);
            num[vn] = '\0';
            char *end;
            double d = strtod(num, &end);
            if (*end || !(d > 0) || d > 86400) continue; /* NaN, negative, over a day */
            if (to_mine && d > mine.delay) mine.delay = d;
            if (to_any && d > any.delay) any.delay = d;
        } else if (key_is(k, kn, "sitemap")) { /* not part of a group */
            if (vn && r->sitemaps.len < MAX_SITEMAPS)
                px_vec_push(&r->sitemaps, px_arena_strndup(&r->arena, v, vn));
        }
    }
    rule_set *keep = mine.seen ? &mine : &any, *drop = mine.seen ? &any : &mine;
    r->chosen = *keep;
    px_vec_free(&drop->rules);
    return r;
}

/* Does pattern p match the start of s (all of s when p ends in "$")? */
static int matches(const char *p, size_t pn, const char *s, size_t sn)
{
    int anchored = p[pn - 1] == '$';
    if (anchored) pn--;
    size_t pi = 0, si = 0, star_p = SIZE_MAX, star_s = 0;
    for (;;) {
        if (pi == pn) {
            if (!anchored || si == sn) return 1;
        } else if (p[pi] == '*') {
            star_p = ++pi;
            star_s = si;
            continue;
        } else if (si < sn && p[pi] == s[si]) {
            pi++, si++;
            continue;
        }
        if (star_p == SIZE_MAX || star_s >= sn) return 0; /* no star to stretch */
        pi = star_p;
        si = ++star_s;
    }
}

int px_robots_allowed(const px_robots *r, const char *path)
{
    if (!r || r->allow_all || !path) return 1;
    if (strcmp(path, "/robots.txt") == 0) return 1;
    if (r->deny_all) return 0;
    size_t sn = strlen(path);
    if (sn > MAX_PATH) sn = MAX_PATH;
    size_t best = 0;
    int allow = 1;
    for (size_t i = 0; i < r->chosen.rules.len; i++) {
        const rule *u = &r->chosen.rules.items[i];
        if (u->len < best || (u->len == best && !u->allow)) continue; /* cannot win */
        if (!matches(u->pattern, u->len, path, sn)) continue;
        if (u->len > best || u->allow) allow = u->allow;
        best = u->len;
    }
    return allow;
}

double px_robots_delay(const px_robots *r)
{
    return r ? r->chosen.delay : 0;
}

size_t px_robots_sitemap_count(const px_robots *r)
{
    return r ? r->sitemaps.len : 0;
}

const char *px_robots_sitemap(const px_robots *r, size_t i)
{
    return r && i < r->sitemaps.len ? r->sitemaps.items[i] : NULL;
}

void px_robots_free(px_robots *r)
{
    if (!r) return;
    px_vec_free(&r->chosen.rules);
    px_vec_free(&r->sitemaps);
    px_arena_free(&r->arena);
    free(r);
}
