#!/usr/bin/python3
"""bench.py — bench/warc's three checks (bench/warc/run runs it).

    /usr/bin/python3 bench/warc/bench.py table WARCIO_DIR BUILD
    /usr/bin/python3 bench/warc/bench.py urls BUILD PAGE... > PAGES.tsv
    /usr/bin/python3 bench/warc/bench.py same ARCHIVE BUILD PAGE...
    /usr/bin/python3 bench/warc/bench.py speed ARCHIVE BUILD

table  every file of warcio's test data against the row of its SOURCE.md
       table that names it: `parallax extract --json FILE`, its articles,
       its messages and exit status.  Prints one line per file and
       "table: P of N files as SOURCE.md says".
urls   each page's URL as parallax extracts it from the file (write.mjs
       writes it as the record's target URI, as a crawler would).
same   the archive's pages against the same pages read as files: both
       through `parallax extract --json`, matched by the record's URL
       (see urls; https://news.example/NAME for a page without one), compared
       field by field: every key of the JSON but id, origin, format and url
       (which name where the page was read from); the date must be equal,
       or, where the file gives none, the archive's date with date_source
       "archive"; the outlet must be equal, or, where the file gives no
       URL (so no host to name it), the record's host.  A page the file
       read fails on must fail from the archive too.  Prints "same: P of N pages identical".
speed  the reader alone (build/bench/warc_read: inflating, framing, HTTP,
       de-chunking, decoding) against `zcat ARCHIVE > /dev/null`, CPU
       seconds (user + sys) of each, best of REPEAT (3) runs, same run.
"""
import json
import os
import re
import resource
import subprocess
import sys


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, **kw)


def extract(build, paths):
    p = run([f"{build}/parallax", "extract", "--json", *paths], timeout=600)
    arts = [json.loads(line) for line in p.stdout.decode().splitlines() if line.strip()]
    return p.returncode, arts, p.stderr.decode()


def errors(stderr):
    return [l for l in stderr.splitlines() if "record at " in l]


def summary(stderr):
    m = re.search(r"(\d+) records: (\d+) pages, (\d+) without a page, (\d+) not HTML, (\d+) bad",
                  stderr)
    return dict(zip(["records", "pages", "skipped", "not_html", "bad"],
                    map(int, m.groups()))) if m else None


def one_page(url, title="Example Domain"):
    def check(rc, arts, err, n):
        return (rc == 0 and len(arts) == 1 and arts[0]["url"] == url and
                arts[0]["title"] == title and n["bad"] == 0)
    return check


def dechunked(rc, arts, err, n):
    return (rc == 0 and len(arts) == 1 and arts[0]["url"] == "http://www.iana.org/" and
            "Internet Assigned Numbers Authority" in arts[0]["title"] and
            not any(re.fullmatch(r"[0-9a-fA-F]{1,6}", p) for p in arts[0]["paragraphs"]))


def one_error_kept_before(rc, arts, err, n):
    # one error naming the offset; the records before it read (2 warcinfo)
    return rc == 1 and len(errors(err)) == 1 and "byte offset" in err and n["records"] >= 3


def read_or_clear_error(url):
    def check(rc, arts, err, n):
        correct = rc == 0 and len(arts) == 1 and arts[0]["url"] == url
        clear = rc == 1 and len(errors(err)) >= 1 and "byte offset" in err
        return correct or clear
    return check


def read_without_page(rc, err):
    # every record read, none damaged; an input holding no article at all is
    # reported as such ("no articles in it", exit 1), as for any input
    return not errors(err) and (rc == 0 or (rc == 1 and "no articles in it" in err))


def no_page_kept(rc, arts, err, n):
    # the PNG resource record is kept and counted (not HTML), no error
    return read_without_page(rc, err) and n["not_html"] == 1 and n["bad"] == 0 and not arts


def digests(rc, arts, err, n):
    return read_without_page(rc, err) and n["records"] == 4 and n["bad"] == 0


def refuse_clearly(rc, arts, err, n):
    return rc in (0, 1) and (rc == 0 or (errors(err) and "byte offset" in err))


def responses_read(rc, arts, err, n):
    # three POST responses, all application/json: read, not HTML, no error
    return read_without_page(rc, err) and n["not_html"] == 3 and n["bad"] == 0


ROWS = {
    "example.warc": one_page("http://example.com/"),
    "example.warc.gz": one_page("http://example.com/"),
    "example-iana.org-chunked.warc": dechunked,
    "example-digest.warc": digests,
    "example-resource.warc.gz": one_page("http://example.com/"),
    "example-trunc.warc": one_error_kept_before,
    "example-wrong-chunks.warc.gz": one_page("http://example.com/"),
    "example-bad-non-chunked.warc.gz": read_or_clear_error("http://example.com/"),
    "example-bad.warc.gz.bad": read_or_clear_error("http://example.com?example=1"),
    "example-wget-bad-target-uri.warc.gz": one_page("http://example.com/"),
    "example-space-in-target-uri.warc.gz": no_page_kept,
    "example.arc": one_page("http://example.com/"),
    "example.arc.gz": one_page("http://example.com/"),
    "example-space-in-url.arc": read_or_clear_error(
        "http://example.com/index.cfm?FuseAction=Email&EmailTitle=Examples%20From%20The"
        "%20Live%20Web&IsPopUp=False"),
    "bad.arc": refuse_clearly,
    "post-test.warc.gz": responses_read,
}


def table(folder, build):
    files = sorted(f for f in os.listdir(folder) if f != "LICENSE" and not f.endswith(".md"))
    passed = 0
    for f in files:
        rc, arts, err = extract(build, [os.path.join(folder, f)])
        n = summary(err) or {"records": 0, "pages": 0, "skipped": 0, "not_html": 0, "bad": 0}
        check = ROWS.get(f)
        ok = bool(check and check(rc, arts, err, n) and rc < 2)
        passed += ok
        first = errors(err)[0].split(": ", 1)[1] if errors(err) else ""
        print(f"{'ok  ' if ok else 'FAIL'} {f:40} exit {rc}, {len(arts)} article(s), "
              f"{n['records']} records ({n['skipped']} no page, {n['not_html']} not HTML, "
              f"{n['bad']} bad){'; ' + first[:90] if first else ''}"
              f"{'' if check else ' [no row in SOURCE.md]'}")
    print(f"table: {passed} of {len(files)} files as SOURCE.md says")
    return passed == len(files)


def urls(build, pages):
    _, arts, _ = extract(build, pages)
    url = {a["id"]: a["url"] or "" for a in arts}
    for p in pages:
        print(f"{p}\t{url.get(p, '')}")
    return True


def same(archive, build, pages):
    _, from_files, _ = extract(build, pages)
    _, from_archive, _ = extract(build, [archive])
    name = lambda p: re.sub(r"\.html?(\.gz)?$", "", os.path.basename(p))
    files = {name(a["id"]): a for a in from_files}
    key = {(files[name(p)]["url"] if name(p) in files else None) or
           f"https://news.example/{name(p)}": name(p) for p in pages}
    got = {}
    for a in from_archive:
        if a["url"] in key: got.setdefault(key[a["url"]], []).append(a)
    skip = {"id", "origin", "format", "url", "date", "date_source", "date_confidence"}
    identical = 0
    total = 0
    for p in pages:
        total += 1
        f, ws = files.get(name(p)), got.get(name(p), [])
        if f is None:
            ok = not ws  # failed from the file: must fail from the archive
            diff = "read from the archive only" if not ok else ""
        elif not ws:
            ok, diff = False, "missing from the archive"
        else:
            diff = ""
            for w in ws:
                keys = sorted((set(f) | set(w)) - skip)
                bad = [k for k in keys if f.get(k) != w.get(k) and
                       not (k == "outlet" and f["url"] is None and w[k] == "news.example")]
                if f["date"] is not None:
                    bad += [k for k in ("date", "date_source", "date_confidence") if f[k] != w[k]]
                elif w["date_source"] != "archive" or not w["date"].startswith("2024-05-01"):
                    bad.append("date (archive fallback)")
                if bad: diff = ", ".join(bad)
            ok = not diff
        identical += ok
        if not ok: print(f"  differs: {name(p)}: {diff}")
    print(f"same: {identical} of {total} pages identical ({len(from_archive)} articles from "
          f"the archive, {len(from_files)} from the files)")
    return identical == total


def cpu_of(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def speed(archive, build):
    repeat = int(os.environ.get("REPEAT", "3"))
    z = min(cpu_of(["zcat", archive]) for _ in range(repeat))
    r = min(cpu_of([f"{build}/bench/warc_read", archive]) for _ in range(repeat))
    out = run([f"{build}/bench/warc_read", archive]).stdout.decode().strip()
    mb = os.path.getsize(archive) / 1e6
    print(f"speed: {archive} ({mb:.1f} MB gzip): {out}")
    print(f"speed: zcat {z:.3f} s CPU, parallax reader {r:.3f} s CPU: "
          f"{z / r:.2f}x zcat's speed (best of {repeat})")
    return z / r >= 0.9


def main():
    what = sys.argv[1]
    if what == "table": ok = table(sys.argv[2], sys.argv[3])
    elif what == "urls": ok = urls(sys.argv[2], sys.argv[3:])
    elif what == "same": ok = same(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif what == "speed": ok = speed(sys.argv[2], sys.argv[3])
    else: sys.exit(__doc__)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
