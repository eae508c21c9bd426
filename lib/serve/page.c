/*
 * page.c — the frame every HTML page shares, and writing the store's text
 * into it safely (serve.h).
 *
 * Pages are whole on the server: no script at all, so they work without
 * JavaScript and the Content-Security-Policy (default-src 'self') has
 * nothing to allow; the only other request a page makes is its style
 * sheet, /assets/style.css.  Keyboard use is the browser's own: every
 * action is a link or a form control, in reading order, with a visible
 * focus ring and a "skip to content" link first.
 *
 * Text from the store is escaped (pxs_esc: the five characters that
 * matter in text and quoted attributes), and inline text is isolated in
 * <bdi>, so a title holding a right-to-left override cannot reorder the
 * rest of its line.  A URL from the store is a link only when it is
 * http: or https:; anything else (javascript:, data:, relative) is text.
 */
#include <string.h>
#include <strings.h>

#include "render/compare_html.h"
#include "serve/serve.h"

void pxs_esc(FILE *f, const char *s) { pxh_esc(f, s); }

void pxs_bdi(FILE *f, const char *s)
{
    fputs("<bdi>", f);
    pxh_esc(f, s);
    fputs("</bdi>", f);
}

void pxs_url(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~')
            fputc(c, f);
        else
            fprintf(f, "%%%02X", c);
    }
}

void pxs_ext_link(FILE *f, const char *url)
{
    if (!url) return;
    int web = strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0;
    /* no quote, space or control in a link's target: those are text too */
    for (const char *p = url; web && *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '"' || *p == '\'' || *p == '<' || *p == '>' || *p == 0x7f)
            web = 0;
    if (web) {
        fputs("<a class=\"ext\" rel=\"noopener noreferrer nofollow\" href=\"", f);
        pxs_esc(f, url);
        fputs("\">", f);
        pxs_bdi(f, url);
        fputs("</a>", f);
    } else {
        fputs("<code>", f);
        pxs_bdi(f, url);
        fputs("</code>", f);
    }
}

void pxs_page_open(FILE *f, const char *title, const char *query)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<link rel=\"stylesheet\" href=\"/assets/style.css\">\n<title>", f);
    pxs_esc(f, title);
    fputs(" — parallax</title>\n</head>\n<body>\n"
          "<a class=\"skip\" href=\"#content\">Skip to content</a>\n"
          "<nav class=\"top\"><a class=\"brand\" href=\"/\">parallax</a> "
          "<a href=\"/\">Stories</a> <a href=\"/?order=largest\">Largest</a> "
          "<a href=\"/?order=disputed\">Most disputed</a> "
          "<a href=\"/outlets\">Outlets</a> <a href=\"/groups\">Groups</a>\n"
          "<form class=\"search\" role=\"search\" action=\"/search\" method=\"get\">"
          "<label for=\"q\">Search</label> <input id=\"q\" name=\"q\" type=\"search\" value=\"", f);
    pxs_esc(f, query);
    fputs("\"> <button type=\"submit\">Search</button></form></nav>\n"
          "<main id=\"content\" tabindex=\"-1\">\n", f);
}

void pxs_page_close(FILE *f)
{
    fprintf(f, "</main>\n<footer>parallax %s · <a href=\"/api/v1/stories\">JSON API</a></footer>\n"
               "</body>\n</html>\n", px_version());
}

static const char css[] =
    ".skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;"
    "padding:4px 8px;z-index:9}"
    "a:focus,button:focus,input:focus,select:focus,summary:focus{outline:3px solid #4a6fa5;"
    "outline-offset:2px}"
    "nav.top{display:flex;flex-wrap:wrap;gap:14px;align-items:center;padding:10px 24px;"
    "border-bottom:1px solid var(--line);background:var(--soft)}"
    "nav.top .brand{font-weight:700;color:var(--ink);text-decoration:none}"
    "form.search{margin-left:auto}form.search input{width:18em}"
    "form.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:end;margin:10px 0 16px}"
    "form.filters label{display:flex;flex-direction:column;font-size:.85em;color:var(--muted)}"
    "table.list td.n{text-align:right;white-space:nowrap}.pager{margin:14px 0}"
    ".hit{margin:6px 0 12px}.hit .snip{color:var(--muted)}"
    ".text p{max-width:46em}.timeline li{margin:2px 0}.copies{margin-left:1.5em}"
    ".error{background:#fff1f0;border:1px solid #f5b5b0;border-radius:6px;padding:10px 14px}"
    "footer{padding:0 24px 24px}"
    ".scroll{overflow-x:auto}table.matrix th[scope=row]{text-align:left;font-weight:400;max-width:34em}"
    "table.matrix td{text-align:center;white-space:nowrap;font-size:.9em}"
    "td.states{background:#e6f4ea}td.differs{background:#fde2e1;font-weight:600}"
    "td.silent{color:var(--muted)}span.states{background:#e6f4ea}span.differs{background:#fde2e1}"
    "span.silent{color:var(--muted)}.kind{font-size:.8em;text-transform:uppercase;color:var(--muted)}"
    ".why{display:block;font-size:.85em;color:var(--muted)}"
    "ul.groups li.blindspot{color:#a4262c}.blind{background:#fde2e1;border-radius:4px;padding:0 4px}"
    "#text mark,.legend mark{border-radius:3px;padding:0 1px;border-bottom:0}#text mark.entity,.legend mark.entity{background:#dbe9ff}"
    "#text mark.quote,.legend mark.quote{background:#fff3c4}"
    "#text mark.number,.legend mark.number{background:#e3f6e8}"
    "#text mark.date,.legend mark.date{background:#f1e4ff}";

void pxs_style(FILE *f)
{
    pxh_style(f);
    fputs(css, f);
}
