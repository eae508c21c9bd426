/*
 * groups.c — outlet groups: a small file the user writes, naming groups
 * of outlets, so that a story's page says which groups covered it and
 * which did not (its blindspots), in whatever frame the user chooses:
 * wire services, regions, owners, leanings (serve.h; docs/api.md).
 *
 *   # wire services and the papers that run them
 *   [Wires]
 *   Reuters
 *   Associated Press
 *
 *   [Yorkshire]
 *   Leeds Evening Post
 *
 * A line is trimmed of blanks (and a trailing CR); a blank line or one
 * starting with '#' is nothing; "[name]" starts a group; any other line
 * is one outlet of the group above, its exact name in the store (as on
 * /outlets).  An outlet may be in several groups.
 *
 * The parser reads bytes and trusts none of them: every refusal names the
 * file and line (px_error "FILE:LINE: what") — an outlet before any
 * group, a bracket left open or text after it, an empty or repeated group
 * name, a group with no outlet, an outlet twice in one group, a line over
 * PXS_GROUP_LINE bytes, a control character or invalid UTF-8, and past
 * the bounds on groups, outlets and the file's size.  Memory is bounded by
 * the file's size (at most PXS_GROUPS_FILE bytes).
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "serve/serve.h"
#include "text/text.h"

static void group_clear(pxs_group *g)
{
    free(g->name);
    for (size_t i = 0; i < g->outlets.len; i++) free(g->outlets.items[i]);
    px_vec_free(&g->outlets);
}

void pxs_groups_free(pxs_groups *g)
{
    if (!g) return;
    for (size_t i = 0; i < g->len; i++) group_clear(&g->items[i]);
    px_vec_free(g);
    free(g);
}

/* "what" at line; frees the groups so far. */
static px_status refuse(pxs_groups *g, px_error *err, const char *name, long line, const char *what)
{
    pxs_groups_free(g);
    return px_error_set(err, PX_EINPUT, name, line, 0, "%s", what);
}

/* The last group has no outlet: its line's error. */
static int empty_last(const pxs_groups *g) { return g->len && !g->items[g->len - 1].outlets.len; }

px_status pxs_groups_parse(const char *name, const char *text, size_t len, pxs_groups **out,
                           px_error *err)
{
    assert(out);
    *out = NULL;
    if (!name) name = "groups";
    if (!text && len) return px_error_set(err, PX_EUSAGE, name, 0, 0, "no text");
    if (len > PXS_GROUPS_FILE)
        return px_error_set(err, PX_EINPUT, name, 0, 0, "over %d bytes: not a file of outlet groups",
                            PXS_GROUPS_FILE);
    pxs_groups *g = px_xcalloc(1, sizeof *g);
    size_t outlets = 0;
    long line = 0, group_line = 0;
    for (size_t at = 0; at < len;) {
        const char *p = text + at;
        const char *nl = at < len ? memchr(p, '\n', len - at) : NULL;
        size_t n = nl ? (size_t)(nl - p) : len - at;
        at += n + 1;
        line++;
        if (n > PXS_GROUP_LINE) return refuse(g, err, name, line, "a line over 1024 bytes");
        if (!px_utf8_check(p, n, NULL)) return refuse(g, err, name, line, "not UTF-8 text");
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r')) n--;
        while (n && (*p == ' ' || *p == '\t')) p++, n--;
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
                return refuse(g, err, name, line, "a control character (tab and CR only at the ends)");
        if (!n || *p == '#') continue;
        if (*p == '[') {
            if (p[n - 1] != ']') return refuse(g, err, name, line, "a group is [name], on a line of its own");
            const char *s = p + 1;
            size_t k = n - 2;
            while (k && (*s == ' ' || *s == '\t')) s++, k--;
            while (k && (s[k - 1] == ' ' || s[k - 1] == '\t')) k--;
            if (!k) return refuse(g, err, name, line, "a group without a name");
            if (memchr(s, '[', k) || memchr(s, ']', k))
                return refuse(g, err, name, line, "a bracket inside a group's name");
            if (empty_last(g)) return refuse(g, err, name, group_line, "a group without outlets");
            for (size_t i = 0; i < g->len; i++)
                if (strlen(g->items[i].name) == k && memcmp(g->items[i].name, s, k) == 0)
                    return refuse(g, err, name, line, "a group named twice");
            if (g->len == PXS_GROUPS_MAX) return refuse(g, err, name, line, "over 1000 groups");
            pxs_group x = {px_xstrndup(s, k), {0}};
            px_vec_push(g, x);
            group_line = line;
            continue;
        }
        if (!g->len) return refuse(g, err, name, line, "an outlet before any [group]");
        pxs_group *last = &g->items[g->len - 1];
        for (size_t i = 0; i < last->outlets.len; i++)
            if (strlen(last->outlets.items[i]) == n && memcmp(last->outlets.items[i], p, n) == 0)
                return refuse(g, err, name, line, "an outlet twice in one group");
        if (++outlets > PXS_GROUP_OUTLETS) return refuse(g, err, name, line, "over 10000 outlets in all");
        char *o = px_xstrndup(p, n);
        px_vec_push(&last->outlets, o);
    }
    if (empty_last(g)) return refuse(g, err, name, group_line, "a group without outlets");
    if (!g->len) return refuse(g, err, name, 0, "no group in it ([name], then its outlets, one a line)");
    *out = g;
    return PX_OK;
}

px_status pxs_groups_load(const char *path, pxs_groups **out, px_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) return px_error_set(err, PX_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
    char *buf = px_xmalloc(PXS_GROUPS_FILE + 1);
    size_t n = fread(buf, 1, PXS_GROUPS_FILE + 1, f);
    int bad = ferror(f);
    fclose(f);
    px_status rc = bad ? px_error_set(err, PX_EIO, path, 0, 0, "cannot read: a read error")
                       : pxs_groups_parse(path, buf, n, out, err);
    free(buf);
    return rc;
}

/* 1 when name is one of the ", "-joined names of list. */
static int listed(const char *list, const char *name)
{
    size_t k = strlen(name);
    for (const char *p = list; p && *p;) {
        const char *e = strstr(p, ", ");
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == k && memcmp(p, name, k) == 0) return 1;
        p += n + (e ? 2 : 0);
    }
    return 0;
}

void pxs_groups_cover(const pxs_groups *g, const char *outlets,
                      void (*fn)(const pxs_group *, const char *const *covering, size_t n, void *),
                      void *ud)
{
    if (!g) return;
    const char **covering = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < g->len; i++) {
        const pxs_group *x = &g->items[i];
        size_t n = 0;
        if (cap < x->outlets.len) covering = px_xrealloc(covering, (cap = x->outlets.len) * sizeof *covering);
        for (size_t k = 0; k < x->outlets.len; k++)
            if (listed(outlets, x->outlets.items[k])) covering[n++] = x->outlets.items[k];
        fn(x, covering, n, ud);
    }
    free(covering);
}
