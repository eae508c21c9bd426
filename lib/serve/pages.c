/*
 * pages.c — the HTML pages (serve.h): the story list, a story, an article,
 * the outlets, an outlet, search.  Each shows what its /api/v1 endpoint
 * returns (api.c), read through the same store calls with the same
 * arguments, so a test can hold one against the other.
 *
 * Text from the store goes out through pxs_bdi/pxs_esc (page.c); links
 * carry only numbers or percent-encoded names (pxs_url); an article's URL
 * is a link only when it is http(s).
 */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "serve/serve.h"

/* A link to the outlet's page, its name as text. */
static void outlet_link(FILE *f, const char *name)
{
    if (!name) {
        fputs("<span class=\"none\">no outlet</span>", f);
        return;
    }
    fputs("<a class=\"outlet\" href=\"/outlet?name=", f);
    pxs_url(f, name);
    fputs("\">", f);
    pxs_bdi(f, name);
    fputs("</a>", f);
}

static void outlets_links(FILE *f, const char *list)
{
    for (const char *p = list; p && *p;) {
        const char *e = strstr(p, ", ");
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *name = strndup(p, n);
        if (p != list) fputs(", ", f);
        outlet_link(f, name);
        free(name);
        p += n + (e ? 2 : 0);
    }
}

/* An argument back into a link: "&name=value", percent-encoded. */
static void keep(FILE *f, const char *name, const char *value)
{
    if (!value) return;
    fprintf(f, "&amp;%s=", name);
    pxs_url(f, value);
}

static void input(FILE *f, const char *label, const char *name, const char *type, const char *value)
{
    fprintf(f, "<label>%s <input name=\"%s\" type=\"%s\" value=\"", label, name, type);
    pxs_esc(f, value);
    fputs("\"></label>\n", f);
}

/* ---- the story list ------------------------------------------------------ */

typedef struct list_ctx {
    FILE *f;
    pxs_cache *cache;
    const pxs_groups *groups;
    int rows;
} list_ctx;

static void blind_line(const pxs_group *g, const char *const *covering, size_t n, void *ud)
{
    (void)covering;
    if (n) return;
    FILE *f = ud;
    fputs(" <span class=\"blind\">", f);
    pxs_bdi(f, g->name);
    fputs("</span>", f);
}

static void story_line(const px_story_row *s, void *ud)
{
    list_ctx *l = ud;
    FILE *f = l->f;
    l->rows++;
    fprintf(f, "<tr data-story=\"%lld\"><td><a class=\"story\" href=\"/story/%lld\">", (long long)s->id,
            (long long)s->id);
    pxs_bdi(f, s->title ? s->title : "(untitled)");
    fputs("</a></td><td>", f);
    outlets_links(f, s->outlets);
    if (l->groups) {
        fputs("<br><span class=\"blindspots\">Not covered by:", f);
        pxs_groups_cover(l->groups, s->outlets, blind_line, f);
        fputs("</span>", f);
    }
    fputs("</td><td class=\"n\">", f);
    pxs_esc(f, s->first ? s->first : "undated");
    fputs("</td><td class=\"n\">", f);
    pxs_esc(f, s->last ? s->last : "undated");
    fprintf(f, "</td><td class=\"n articles\">%lld</td><td class=\"n conflicts\">", (long long)s->articles);
    long k = pxs_cache_conflicts(l->cache, s->id, s->version);
    if (k >= 0) fprintf(f, "%ld", k);
    else fputs("<span class=\"none\" title=\"counted when the story is first opened\">?</span>", f);
    fputs("</td></tr>\n", f);
}

void pxs_page_stories(pxs_request *r)
{
    px_story_filter f;
    int disputed;
    if (pxs_story_filter(r, &f, &disputed, 0)) return;
    FILE *o = r->out;
    const char *order = disputed ? "disputed" : f.order == PX_STORIES_LARGEST ? "largest" : "recent";
    const char *h1 = disputed ? "Most disputed stories" : f.order == PX_STORIES_LARGEST ? "Largest stories"
                                                                                     : "Recent stories";
    pxs_page_open(o, h1, f.query);
    fprintf(o, "<h1>%s</h1>\n", h1);
    if (disputed)
        fputs("<p class=\"note\">Stories by their conflicts and updates, the most first: the stories "
              "whose comparison this server has computed (opened, or read through the API, since it "
              "started) and that have not changed since.</p>\n", o);
    fputs("<form class=\"filters\" action=\"/\" method=\"get\">\n", o);
    input(o, "Words", "q", "search", f.query);
    input(o, "From", "from", "date", f.from);
    input(o, "To", "to", "date", f.to);
    input(o, "Outlet", "outlet", "text", f.outlet);
    input(o, "Language", "lang", "text", f.language);
    fprintf(o, "<label>Order <select name=\"order\"><option value=\"recent\"%s>most recent</option>"
               "<option value=\"largest\"%s>largest</option>"
               "<option value=\"disputed\"%s>most disputed</option></select></label>\n"
               "<button type=\"submit\">Filter</button></form>\n",
            order[0] == 'r' ? " selected" : "", order[0] == 'l' ? " selected" : "",
            order[0] == 'd' ? " selected" : "");
    fputs("<table class=\"list\" id=\"stories\"><thead><tr><th>story</th><th>outlets</th>"
          "<th>first seen</th><th>last seen</th><th>articles</th><th>conflicts</th></tr></thead>"
          "<tbody>\n", o);
    list_ctx l = {o, r->cache, r->groups, 0};
    char *next = NULL;
    px_error err;
    if (pxs_stories(r, &f, disputed, story_line, &l, &next, &err)) {
        pxs_store_failed(r, &err, 0);
        return;
    }
    fputs("</tbody></table>\n", o);
    if (!l.rows) fputs("<p class=\"none\">No story matches.</p>\n", o);
    if (next) {
        fprintf(o, "<p class=\"pager\"><a rel=\"next\" id=\"next\" href=\"/?order=%s", order);
        keep(o, "q", f.query);
        keep(o, "from", f.from);
        keep(o, "to", f.to);
        keep(o, "outlet", f.outlet);
        keep(o, "lang", f.language);
        keep(o, "cursor", next);
        fputs("\">Next page</a></p>\n", o);
        free(next);
    }
    pxs_page_close(o);
}

/* ---- a story ------------------------------------------------------------- */

typedef struct row_copy {
    int64_t row;
    char *outlet, *title, *date;
    px_story_member why; /* why.article == 0: not read */
} row_copy;

typedef PX_VEC(row_copy) row_list;

static void keep_row(const px_article_row *a, void *ud)
{
    row_list *v = ud;
    row_copy c = {a->row, a->outlet ? strdup(a->outlet) : NULL, a->title ? strdup(a->title) : NULL,
                  a->date ? strdup(a->date) : NULL, {0}};
    px_vec_push(v, c);
}

/* The index of article row in v (ascending rows), or (size_t)-1. */
static size_t find_row(const row_list *v, int64_t row)
{
    size_t lo = 0, hi = v->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->items[mid].row < row) lo = mid + 1;
        else hi = mid;
    }
    return lo < v->len && v->items[lo].row == row ? lo : (size_t)-1;
}

static void keep_member(const px_story_member *m, void *ud)
{
    row_list *v = ud;
    size_t i = find_row(v, m->article);
    if (i != (size_t)-1) v->items[i].why = *m;
}

static void part(FILE *f, const char *name, double v, int *any)
{
    if (v < 0) return;
    fprintf(f, "%s%s %.2f", (*any)++ ? ", " : " (", name, v);
}

/* What `explain` says of the decision, in a line. */
static void why_text(FILE *f, const px_story_member *m)
{
    if (!m->article) return;
    fprintf(f, " <span class=\"why\" data-decision=\"%s\">", pxs_decision(m));
    if (m->copy_of >= 0) {
        fprintf(f, "a near-identical copy of <a href=\"/article/%lld\">article %lld</a>", (long long)m->copy_of,
                (long long)m->copy_of);
    } else if (m->created && m->best_story >= 0 && m->score >= 0) {
        fprintf(f, "started the story; the closest other, <a href=\"/story/%lld\">story %lld</a>, scored "
                   "%.3f &lt; threshold %.3f", (long long)m->best_story, (long long)m->best_story,
                m->score, m->threshold);
    } else if (m->created) {
        fputs("started the story: no earlier story in the time window shared its strongest words or names", f);
    } else {
        fprintf(f, "joined: score %.3f &ge; threshold %.3f", m->score, m->threshold);
        int any = 0;
        part(f, "words", m->terms, &any);
        part(f, "names and numbers", m->specifics, &any);
        part(f, "quotations", m->quotes, &any);
        if (m->gap >= 0) fprintf(f, "%s%d day%s apart", any++ ? ", " : " (", m->gap, m->gap == 1 ? "" : "s");
        if (m->places_only) fprintf(f, "%severy name shared a place", any++ ? "; " : " (");
        if (any) fputc(')', f);
    }
    fputs("</span>", f);
}

static void timeline_item(FILE *f, const row_copy *c)
{
    fprintf(f, "<li data-row=\"%lld\">", (long long)c->row);
    pxs_esc(f, c->date ? c->date : "undated");
    fputs(" · ", f);
    outlet_link(f, c->outlet);
    fprintf(f, " · <a class=\"article\" href=\"/article/%lld\">", (long long)c->row);
    pxs_bdi(f, c->title ? c->title : "(untitled)");
    fputs("</a>", f);
    why_text(f, &c->why);
}

/* When each outlet published, oldest first, with why each article is in
 * the story; a near-copy folded under its original: the comparison's
 * (among the compared articles), else the store's decision.  A copy of a
 * copy stays in line (one level of folding, and no cycle). */
static void timeline(FILE *f, const row_list *v, const pxs_story *s)
{
    size_t *orig = px_xmalloc((v->len ? v->len : 1) * sizeof *orig);
    for (size_t i = 0; i < v->len; i++) {
        orig[i] = (size_t)-1;
        if (s->original && i < s->compared && s->original[i] < v->len) orig[i] = s->original[i];
        else if (v->items[i].why.copy_of >= 0) orig[i] = find_row(v, v->items[i].why.copy_of);
        if (orig[i] == i) orig[i] = (size_t)-1;
    }
    fputs("<section id=\"timeline\"><h2>Coverage timeline</h2>\n<ol class=\"timeline\">\n", f);
    for (size_t i = 0; i < v->len; i++) {
        if (orig[i] != (size_t)-1 && orig[orig[i]] == (size_t)-1) continue; /* folded */
        timeline_item(f, &v->items[i]);
        size_t copies = 0;
        if (orig[i] == (size_t)-1)
            for (size_t k = 0; k < v->len; k++)
                if (orig[k] == i) {
                    if (!copies++) fputs("<details class=\"copies\"><summary>near-copies</summary><ol>", f);
                    timeline_item(f, &v->items[k]);
                    fputs("</li>", f);
                }
        if (copies) fputs("</ol></details>", f);
        fputs("</li>\n", f);
    }
    fputs("</ol></section>\n", f);
    free(orig);
}

static void cover_line(const pxs_group *g, const char *const *covering, size_t n, void *ud)
{
    FILE *f = ud;
    fprintf(f, "<li class=\"%s\"><span class=\"group\">", n ? "covered" : "blindspot");
    pxs_bdi(f, g->name);
    fputs("</span>: ", f);
    if (!n) fprintf(f, "none of its %zu outlet%s", g->outlets.len, g->outlets.len == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        if (i) fputs(", ", f);
        outlet_link(f, covering[i]);
    }
    fputs("</li>\n", f);
}

/* Which groups covered the story, and which did not. */
static void groups_section(FILE *f, const pxs_groups *g, const char *outlets)
{
    if (!g) return;
    fputs("<section id=\"groups\"><h2>Coverage by group</h2>\n<ul class=\"groups\">\n", f);
    pxs_groups_cover(g, outlets, cover_line, f);
    fputs("</ul></section>\n", f);
}

typedef struct row_title {
    char *title, *outlets, *first, *last;
    px_story_row row;
} row_title;

static void keep_story(const px_story_row *s, void *ud)
{
    row_title *t = ud;
    t->row = *s;
    t->title = s->title ? strdup(s->title) : NULL;
    t->outlets = s->outlets ? strdup(s->outlets) : NULL;
    t->first = s->first ? strdup(s->first) : NULL;
    t->last = s->last ? strdup(s->last) : NULL;
}

/* Whether story id (its decimal digits) is in the store, at *version; 0
 * after answering 404 or 503. */
int pxs_story_version(pxs_request *r, const char *id, int64_t *version, int json)
{
    int64_t n = pxs_id(id);
    px_error err;
    if (n > 0 && !px_store_story_version(r->store, n, version, &err)) return 1;
    if (n > 0 && err.code != PX_EUSAGE) pxs_store_failed(r, &err, json);
    else pxs_fail(r, 404, json, json ? "no such story" : "No such story.");
    return 0;
}

void pxs_page_story(pxs_request *r, const char *id)
{
    int64_t n = pxs_id(id), version;
    if (!pxs_story_version(r, id, &version, 0)) return;
    if ((r->reply = pxs_reply_find(r, n, PXS_REPLY_PAGE, version))) return; /* kept */
    row_title t = {0};
    px_story_filter sf = {.story = n, .limit = 1};
    px_error err;
    if (px_store_stories(r->store, &sf, keep_story, &t, NULL, &err)) {
        pxs_store_failed(r, &err, 0);
        return;
    }
    if (!t.row.id) {
        pxs_fail(r, 404, 0, "No such story.");
        return;
    }
    row_list v = {0};
    px_article_filter af = {.story = n, .limit = PX_STORE_MAX_LIMIT};
    pxs_story *s = NULL;
    if (px_store_articles(r->store, &af, keep_row, &v, NULL, &err) ||
        (v.len && px_store_story_members(r->store, n, v.items[0].row - 1, (int)v.len, keep_member, &v, &err)) ||
        !(s = pxs_cache_get(r->cache, r, &t.row, &err))) {
        pxs_store_failed(r, &err, 0);
        goto done;
    }
    FILE *o = r->out;
    pxs_page_open(o, t.title ? t.title : "(untitled)", NULL);
    fputs("<h1 id=\"story-title\">", o);
    pxs_bdi(o, t.title ? t.title : "(untitled)");
    fprintf(o, "</h1>\n<p class=\"sub\">Story %lld: <span id=\"story-articles\">%lld</span> articles "
               "from %lld outlets, ", (long long)n, (long long)t.row.articles, (long long)t.row.outlet_count);
    pxs_esc(o, t.first ? t.first : "undated");
    fputs(" to ", o);
    pxs_esc(o, t.last ? t.last : "undated");
    fputs(". Outlets: ", o);
    outlets_links(o, t.outlets);
    fprintf(o, ". <a href=\"/api/v1/stories/%lld\">JSON</a></p>\n", (long long)n);
    if (s->compared < (size_t)s->articles)
        fprintf(o, "<p class=\"note\">The comparison is of the first %zu of its %lld articles.</p>\n",
                s->compared, (long long)s->articles);
    groups_section(o, r->groups, t.outlets);
    fwrite(s->html, 1, s->html_len, o);
    fwrite(s->matrix_html, 1, s->matrix_html_len, o);
    timeline(o, &v, s);
    pxs_page_close(o);
    r->reply = pxs_reply_keep(r, n, PXS_REPLY_PAGE, t.row.version);
done:
    pxs_story_release(r->cache, s);
    for (size_t i = 0; i < v.len; i++) {
        free(v.items[i].outlet);
        free(v.items[i].title);
        free(v.items[i].date);
    }
    px_vec_free(&v);
    free(t.title);
    free(t.outlets);
    free(t.first);
    free(t.last);
}

/* ---- an article ------------------------------------------------------------ */

static void field(FILE *f, const char *name, const char *value)
{
    if (!value) return;
    fprintf(f, "<dt>%s</dt><dd>", name);
    pxs_bdi(f, value);
    fputs("</dd>", f);
}

void pxs_page_article(pxs_request *r, const char *id)
{
    int64_t story = 0, n = pxs_id(id);
    px_article *a = pxs_article(r, id, &story, 0);
    if (!a) return;
    FILE *o = r->out;
    const char *title = px_article_title(a);
    pxs_page_open(o, title ? title : "(untitled)", NULL);
    fputs("<article class=\"text\"><h1 id=\"article-title\">", o);
    pxs_bdi(o, title ? title : "(untitled)");
    fputs("</h1>\n<dl class=\"meta\"><dt>outlet</dt><dd>", o);
    outlet_link(o, px_article_outlet(a));
    fputs("</dd>", o);
    field(o, "date", px_article_date(a));
    field(o, "byline", px_article_byline(a));
    field(o, "language", px_article_language(a));
    field(o, "id", px_article_id(a));
    if (story) fprintf(o, "<dt>story</dt><dd><a id=\"story-link\" href=\"/story/%lld\">story %lld</a></dd>",
                       (long long)story, (long long)story);
    if (px_article_url(a)) {
        fputs("<dt>source</dt><dd id=\"source\">", o);
        pxs_ext_link(o, px_article_url(a));
        fputs("</dd>", o);
    }
    fputs("</dl>\n", o);
    px_analysis *an = NULL;
    px_error err;
    if (px_analyze(r->ctx, a, &an, &err)) {
        px_article_free(a);
        pxs_store_failed(r, &err, 0);
        return;
    }
    pxs_marks m;
    pxs_marks_find(a, an, &m);
    size_t counts[4] = {0};
    for (size_t i = 0; i < m.len; i++) counts[m.items[i].kind]++;
    fprintf(o, "<p class=\"legend\" id=\"legend\">Marked: <mark class=\"entity\">names</mark> %zu, "
               "<mark class=\"quote\">quotations</mark> %zu, <mark class=\"number\">numbers</mark> %zu, "
               "<mark class=\"date\">dates</mark> %zu (hover over one for what it is).</p>\n"
               "<div id=\"text\">\n",
            counts[PXS_MARK_ENTITY], counts[PXS_MARK_QUOTE], counts[PXS_MARK_NUMBER], counts[PXS_MARK_DATE]);
    pxs_marks_html(o, a, &m);
    fputs("</div>\n", o);
    pxs_marks_free(&m);
    px_analysis_free(an);
    fprintf(o, "<p><a href=\"/api/v1/articles/%lld\">JSON</a></p></article>\n", (long long)n);
    pxs_page_close(o);
    px_article_free(a);
}

/* ---- outlets ----------------------------------------------------------- */

static void outlet_line(const px_outlet_row *w, void *ud)
{
    FILE *f = ud;
    fputs("<tr><td>", f);
    outlet_link(f, w->name);
    fprintf(f, "</td><td class=\"n\">%lld</td><td class=\"n\">%lld</td><td class=\"n\">",
            (long long)w->articles, (long long)w->stories);
    pxs_esc(f, w->first ? w->first : "undated");
    fputs("</td><td class=\"n\">", f);
    pxs_esc(f, w->last ? w->last : "undated");
    fputs("</td></tr>\n", f);
}

void pxs_page_outlets(pxs_request *r)
{
    FILE *o = r->out;
    pxs_page_open(o, "Outlets", NULL);
    fputs("<h1>Outlets</h1>\n<table class=\"list\" id=\"outlets\"><thead><tr><th>outlet</th>"
          "<th>articles</th><th>stories</th><th>first</th><th>last</th></tr></thead><tbody>\n", o);
    px_error err;
    if (px_store_outlets(r->store, outlet_line, o, &err)) {
        pxs_store_failed(r, &err, 0);
        return;
    }
    fputs("</tbody></table>\n", o);
    pxs_page_close(o);
}

typedef struct outlet_ctx {
    FILE *f;
    int rows;
} outlet_ctx;

static void outlet_article(const px_article_row *a, void *ud)
{
    outlet_ctx *c = ud;
    c->rows++;
    fprintf(c->f, "<tr data-row=\"%lld\"><td class=\"n\">", (long long)a->row);
    pxs_esc(c->f, a->date ? a->date : "undated");
    fprintf(c->f, "</td><td><a class=\"article\" href=\"/article/%lld\">", (long long)a->row);
    pxs_bdi(c->f, a->title ? a->title : "(untitled)");
    fputs("</a></td><td>", c->f);
    if (a->story) fprintf(c->f, "<a href=\"/story/%lld\">story %lld</a>", (long long)a->story, (long long)a->story);
    fputs("</td></tr>\n", c->f);
}

/* "name (n), name (n)" of a tally, linked to outlets when link. */
static void tally_list(FILE *f, const pxs_tally_list *t, int link)
{
    if (!t->len) fputs("none", f);
    for (size_t i = 0; i < t->len; i++) {
        if (i) fputs(", ", f);
        if (link) outlet_link(f, t->items[i].name);
        else pxs_bdi(f, t->items[i].name);
        fprintf(f, " (%ld)", t->items[i].n);
    }
}

/* What the outlet did across stories: the store's counts, then what the
 * comparisons computed so far say (the ledger). */
static void outlet_stats(FILE *f, const px_outlet_stats *st, pxs_ledger *ledger, const char *name)
{
    pxs_outlet_ledger l;
    pxs_ledger_outlet(ledger, name, &l);
    fprintf(f, "<dl class=\"meta\" id=\"outlet-stats\"><dt>articles</dt><dd id=\"st-articles\">%lld</dd>"
               "<dt>stories</dt><dd id=\"st-stories\">%lld</dd>"
               "<dt>first to publish</dt><dd><span id=\"st-first\">%lld</span> of its stories "
               "(its article the earliest dated)</dd>"
               "<dt>started</dt><dd><span id=\"st-started\">%lld</span> stories (its article came first)</dd>"
               "</dl>\n<h2>In the stories compared so far</h2>\n",
            (long long)st->articles, (long long)st->stories, (long long)st->first, (long long)st->started);
    fprintf(f, "<p class=\"note\">Counted over the comparisons this server has computed (stories opened "
               "since it started): <span id=\"cmp-stories\">%ld</span> of its stories.</p>\n"
               "<dl class=\"meta\" id=\"outlet-compared\"><dt>conflicts</dt><dd>on one side of "
               "<span id=\"cmp-conflicts\">%ld</span> conflicts, in <span id=\"cmp-disputed\">%ld</span> "
               "stories</dd><dt>against</dt><dd id=\"cmp-against\">", l.stories, l.conflicts, l.disputed);
    tally_list(f, &l.against, 1);
    fputs("</dd><dt>credits</dt><dd id=\"cmp-credits\">", f);
    tally_list(f, &l.credits, 0);
    fputs("</dd></dl>\n", f);
    pxs_outlet_ledger_free(&l);
}

void pxs_page_groups(pxs_request *r)
{
    FILE *o = r->out;
    pxs_page_open(o, "Outlet groups", NULL);
    fputs("<h1>Outlet groups</h1>\n", o);
    if (!r->groups || !r->groups->len) {
        fputs("<p class=\"none\" id=\"no-groups\">No groups: start the server with "
              "<code>--groups FILE</code> (docs/api.md says how to write one).</p>\n", o);
        pxs_page_close(o);
        return;
    }
    fputs("<dl id=\"group-list\">\n", o);
    for (size_t i = 0; i < r->groups->len; i++) {
        const pxs_group *g = &r->groups->items[i];
        fputs("<dt>", o);
        pxs_bdi(o, g->name);
        fputs("</dt><dd>", o);
        for (size_t k = 0; k < g->outlets.len; k++) {
            if (k) fputs(", ", o);
            outlet_link(o, g->outlets.items[k]);
        }
        fputs("</dd>\n", o);
    }
    fputs("</dl>\n", o);
    pxs_page_close(o);
}

void pxs_page_outlet(pxs_request *r)
{
    const char *name = pxs_arg(r, "name"), *cursor = pxs_arg(r, "cursor");
    if (pxs_bad_args(r, 0)) return;
    if (!name) {
        pxs_fail(r, 400, 0, "Which outlet? (name=)");
        return;
    }
    FILE *o = r->out;
    px_outlet_stats st;
    px_error err;
    if (px_store_outlet_stats(r->store, name, &st, &err)) {
        pxs_store_failed(r, &err, 0);
        return;
    }
    pxs_page_open(o, name, NULL);
    fputs("<h1 id=\"outlet-name\">", o);
    pxs_bdi(o, name);
    fputs("</h1>\n", o);
    outlet_stats(o, &st, pxs_cache_ledger(r->cache), name);
    fputs("<h2>Articles</h2>\n<table class=\"list\" id=\"articles\"><thead><tr><th>date</th><th>article</th>"
          "<th>story</th></tr></thead><tbody>\n", o);
    px_article_filter f = {.outlet = name, .cursor = cursor};
    outlet_ctx c = {o, 0};
    char *next = NULL;
    if (px_store_articles(r->store, &f, outlet_article, &c, &next, &err)) {
        pxs_store_failed(r, &err, 0);
        return;
    }
    if (!c.rows && !cursor) {
        free(next);
        pxs_fail(r, 404, 0, "No such outlet.");
        return;
    }
    fputs("</tbody></table>\n", o);
    if (next) {
        fputs("<p class=\"pager\"><a rel=\"next\" id=\"next\" href=\"/outlet?name=", o);
        pxs_url(o, name);
        keep(o, "cursor", next);
        fputs("\">Next page</a></p>\n", o);
        free(next);
    }
    pxs_page_close(o);
}

/* ---- search ----------------------------------------------------------- */

typedef struct search_ctx {
    FILE *f;
    int64_t story;
    int groups;
} search_ctx;

/* The snippet escaped, its matches (between \x02 and \x03) in <mark>. */
static void snippet(FILE *f, const char *s)
{
    int open = 0;
    for (const char *p = s; p && *p;) {
        size_t n = strcspn(p, "\x02\x03");
        char *part = strndup(p, n);
        pxs_esc(f, part);
        free(part);
        p += n;
        if (*p == '\x02' && !open) fputs("<mark>", f), open = 1;
        else if (*p == '\x03' && open) fputs("</mark>", f), open = 0;
        if (*p) p++;
    }
    if (open) fputs("</mark>", f);
}

static void hit_line(const px_search_hit *h, void *ud)
{
    search_ctx *c = ud;
    FILE *f = c->f;
    if (!c->groups || h->story != c->story) {
        if (c->groups++) fputs("</ol></section>\n", f);
        c->story = h->story;
        if (h->story) fprintf(f, "<section class=\"group\" data-story=\"%lld\"><h2><a href=\"/story/%lld\">"
                                 "Story %lld</a></h2><ol>\n", (long long)h->story, (long long)h->story,
                              (long long)h->story);
        else fputs("<section class=\"group\" data-story=\"0\"><h2>In no story</h2><ol>\n", f);
    }
    fprintf(f, "<li class=\"hit\" data-row=\"%lld\"><a class=\"article\" href=\"/article/%lld\">",
            (long long)h->article, (long long)h->article);
    pxs_bdi(f, h->title ? h->title : "(untitled)");
    fputs("</a> · ", f);
    outlet_link(f, h->outlet);
    fputs(" · ", f);
    pxs_esc(f, h->date ? h->date : "undated");
    fputs("<br><span class=\"snip\">", f);
    snippet(f, h->snippet);
    fputs("</span></li>\n", f);
}

void pxs_page_search(pxs_request *r)
{
    const char *q = pxs_arg(r, "q"), *adv = pxs_arg(r, "advanced");
    if (pxs_bad_args(r, 0)) return;
    FILE *o = r->out;
    pxs_page_open(o, q ? q : "Search", q);
    fputs("<h1>Search</h1>\n", o);
    if (!q) {
        fputs("<p>Words find the articles that hold them all; \"a phrase\" in quotes, word* a "
              "prefix.</p>\n", o);
        pxs_page_close(o);
        return;
    }
    search_ctx c = {o, 0, 0};
    size_t found = 0;
    px_error err;
    int flags = PX_SEARCH_BY_STORY | PX_SEARCH_MARKS | (adv && strcmp(adv, "0") ? PX_SEARCH_ADVANCED : 0);
    if (px_store_search(r->store, q, flags, 100, hit_line, &c, &found, &err)) {
        pxs_store_failed(r, &err, 0);
        return;
    }
    if (c.groups) fputs("</ol></section>\n", o);
    if (!found) {
        fputs("<p class=\"none\" id=\"nothing\">No article matches <q>", o);
        pxs_bdi(o, q);
        fputs("</q>.</p>\n", o);
    }
    pxs_page_close(o);
}
