#!/usr/bin/python3
"""readability_lxml.py — the readability-lxml peer of bench/extraction.

    /usr/bin/python3 readability_lxml.py OUT.jsonl PAGE...

Debian's python3-readability (readability-lxml on lxml, that is on
libxml2, like parallax).  Each page (.html or .html.gz) is read and
inflated first and decoded as UTF-8 (given bytes, readability-lxml runs
chardet, which would halve its speed).  Only Document(text).summary() is
timed, in CPU time (time.process_time): the title and the conversion of
the summary's HTML to text are left out of its time, so the peer is timed
at its fastest.  That text has block elements as line breaks so words of
adjacent paragraphs stay apart, as the ScrapingHub benchmark's own runner
does with html-text.  Prints
pages/s on stdout; writes {"id", "title", "text"} or {"id", "error"} per
page to OUT.jsonl.
"""
import gzip
import json
import logging
import sys
import time

import lxml.html
from readability import Document

BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "table", "tr", "td", "th", "section", "article",
          "header", "footer", "dd", "dt", "dl", "figure", "figcaption", "hr"}


def html_to_text(html):
    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    parts = []

    def walk(el):
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag in BLOCKS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = (" ".join(l.split()) for l in "".join(parts).split("\n"))
    return "\n\n".join(l for l in lines if l)


def main():
    logging.disable(logging.CRITICAL)
    out, pages = sys.argv[1], sys.argv[2:]
    cpu = 0.0
    with open(out, "w", encoding="utf-8") as f:
        for path in pages:
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as p:
                data = p.read()
            html = data.decode("utf-8", "replace")
            try:
                start = time.process_time()
                doc = Document(html)
                summary = doc.summary(html_partial=True)
                cpu += time.process_time() - start
                rec = {"id": path, "title": doc.short_title(), "text": html_to_text(summary)}
            except Exception as e:  # a peer's crash is a failed page, not a failed bench
                cpu += time.process_time() - start
                rec = {"id": path, "error": repr(e)}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(pages) / cpu:.1f}")


if __name__ == "__main__":
    main()
