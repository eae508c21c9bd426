"""Feed conformance: parallax against feedparser's own test cases.

Each case is a feed file whose top comment (a "__TEST__" key for JSON
Feed) holds `Expect:`, a Python expression over feedparser's result, and
optionally `Header:` lines, the HTTP headers the file is served with.

The HTTP cases are served as feedparser's own suite serves them: a local
server (tests/tools/httpd, 127.0.0.1, an ephemeral port) sends each with
its `Header:` lines (application/xml when they name no Content-Type), and
both readers fetch it: `parallax feed --interval 0 URL` through its
fetcher, feedparser.parse(URL) through urllib.  The suite's address
(127.0.0.1:8097) in expectations and headers is replaced by the server's.

parallax's JSON (`parallax feed`) is mapped to feedparser's names
(title/title_detail, summary/description, content[0], links, author /
author_detail / authors, id/guid, published/updated and their *_parsed
struct_time, language, encoding, version, bozo) and the expression is
evaluated over it.  A case is "applicable" when its expression names only
those fields: the fields a news reader uses.  Expressions about anything
else (tags, enclosures, rights, generator, images, cloud, HTTP caching
headers, the bozo exception's class, sanitizer output) are counted as
"not applicable", never as passes.  A crash is parallax dying on a signal
or running over 10 s.

The cases are split by a hash of their path: the "seen" half (even hash)
is the one whose failures --failures prints and that was looked at while
fixing; the "held-out" half (odd hash) was not.  Both rates are printed.
"""
import argparse
import calendar
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import time

BASE_URL = "http://127.0.0.1:8097/"

FEED_FIELDS = {
    "title", "title_detail", "subtitle", "subtitle_detail", "tagline", "tagline_detail",
    "description", "description_detail", "link", "links", "id", "guid", "language",
    "updated", "updated_parsed", "published", "published_parsed", "modified",
    "modified_parsed", "issued", "issued_parsed", "date", "date_parsed", "author",
    "author_detail", "authors", "ttl",
}
ENTRY_FIELDS = {
    "title", "title_detail", "link", "links", "id", "guid", "guidislink", "published",
    "published_parsed", "updated", "updated_parsed", "issued", "issued_parsed", "modified",
    "modified_parsed", "date", "date_parsed", "author", "author_detail", "authors",
    "summary", "summary_detail", "description", "description_detail", "content", "language",
}
TOP_NAMES = {"bozo", "encoding", "version", "entries", "feed", "len", "ord", "not", "and",
             "or", "in", "is", "None", "True", "False"}

ALIASES = {
    "guid": "id", "date": "updated", "date_parsed": "updated_parsed", "modified": "updated",
    "modified_parsed": "updated_parsed", "issued": "published",
    "issued_parsed": "published_parsed", "tagline": "subtitle",
    "tagline_detail": "subtitle_detail", "url": "href", "channel": "feed", "items": "entries",
}


class FPDict(dict):
    """A dict read like feedparser's: aliases, and attributes for keys."""

    def __getitem__(self, key):
        if key == "description":
            for k in ("summary", "subtitle"):
                if dict.__contains__(self, k):
                    return dict.__getitem__(self, k)
        if key == "description_detail":
            for k in ("summary_detail", "subtitle_detail"):
                if dict.__contains__(self, k):
                    return dict.__getitem__(self, k)
        if key in ALIASES and dict.__contains__(self, ALIASES[key]):
            return dict.__getitem__(self, ALIASES[key])
        return dict.__getitem__(self, key)

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key)


def parse_case(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("latin-1")
    if path.endswith(".json"):
        m = re.search(r'"__TEST__"\s*:\s*"(.*?)"', text)
        block = m.group(1) if m else ""
        exp = re.search(r"Expect:\s*(.*?)\s*(-->|$)", block)
        return raw, [], exp.group(1).strip() if exp else None
    m = re.search(r"<!--(.*?)-->", text, re.S)
    block = m.group(1) if m else ""
    headers, expect = [], None
    for line in block.splitlines():
        line = line.strip()
        if line.startswith("Header:"):
            headers.append(line[len("Header:"):].strip())
        elif line.startswith("Expect:"):
            expect = line[len("Expect:"):].strip()
    return raw, headers, expect


def applicable(expr):
    if "bozo_exception" in expr or "feedparser." in expr or "locals()" in expr:
        return False
    for m in re.finditer(r"\b(feed|entries\[\d+\])(?:\[['\"]([^'\"]+)['\"]\]|\.(\w+))", expr):
        field = m.group(2) or m.group(3)
        allowed = FEED_FIELDS if m.group(1) == "feed" else ENTRY_FIELDS
        if field not in allowed:
            return False
    # names used bare (headers, etag, href, status, namespaces, ...)
    stripped = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", expr)
    stripped = re.sub(r"\[''\]|\.\w+", "", stripped)
    for name in re.findall(r"\b[A-Za-z_]\w*\b", stripped):
        if name not in TOP_NAMES:
            return False
    return True


def struct_time(iso):
    if not iso:
        return None
    t = calendar.timegm(time.strptime(iso, "%Y-%m-%dT%H:%M:%SZ"))
    return time.gmtime(t)


def author_string(people, raw):
    if raw:
        return raw
    if not people:
        return None
    p = people[0]
    if p.get("name") and p.get("email"):
        return "%s (%s)" % (p["name"], p["email"])
    return p.get("name") or p.get("email")


def person(p):
    d = FPDict()
    for k, v in (("name", p.get("name")), ("email", p.get("email")), ("href", p.get("uri"))):
        if v is not None:
            d[k] = v
    return d


def common(src, dst):
    for key in ("title", "summary", "subtitle"):
        t = src.get(key)
        if t:
            dst[key] = t.get("value", "")
            dst[key + "_detail"] = FPDict(value=t.get("value", ""), type=t.get("type"),
                                         language=t.get("language"), base=t.get("base", ""))
    if src.get("link"):
        dst["link"] = src["link"]
    if src.get("links"):
        dst["links"] = [FPDict(l) for l in src["links"]]
    if src.get("id"):
        dst["id"] = src["id"]
    for key in ("published", "updated"):
        raw = src.get(key + "_raw")
        if raw:
            dst[key] = raw
            if src.get(key):
                dst[key + "_parsed"] = struct_time(src[key])
    people = src.get("authors") or []
    a = author_string(people, src.get("author_raw"))
    if a:
        dst["author"] = a
    if people:
        dst["author_detail"] = person(people[0])
        dst["authors"] = [person(p) for p in people]
    if src.get("language"):
        dst["language"] = src["language"]


def to_feedparser(doc):
    feed = FPDict()
    common(doc.get("feed", {}), feed)
    if "ttl" in doc.get("feed", {}):
        feed["ttl"] = str(doc["feed"]["ttl"])
    entries = []
    for e in doc.get("entries", []):
        d = FPDict()
        common(e, d)
        if e.get("content"):
            c = e["content"]
            d["content"] = [FPDict(value=c.get("value", ""), type=c.get("type"),
                                   language=c.get("language"), base=c.get("base", ""))]
        d["guidislink"] = bool(e.get("id_is_link"))
        entries.append(d)
    return {"bozo": 1 if doc.get("bozo") else 0, "encoding": doc.get("encoding", ""),
            "version": doc.get("version", ""), "feed": feed, "entries": entries}


def evaluate(expr, env):
    try:
        return bool(eval(expr, {"__builtins__": {"len": len, "ord": ord, "isinstance": isinstance}},
                         dict(env)))
    except Exception:
        return False


def is_http(rel):
    """Served over HTTP in feedparser's suite: names starting "http", and wellformed/http/."""
    return os.path.basename(rel).startswith("http") or "/http/" in "/" + rel


def http_headers(headers):
    """The case's Header: lines, with the Content-Type a server guesses for .xml when none."""
    if not any(h.lower().startswith("content-type:") for h in headers):
        headers = ["Content-Type: application/xml"] + headers
    return headers


class Server:
    """tests/tools/httpd over a folder holding the HTTP cases at their
    suite paths (tests/REL), each with a REL.headers sidecar."""

    def __init__(self, httpd, cases, top):
        import tempfile
        self.dir = tempfile.mkdtemp(prefix="px-feeds-")
        for path in cases:
            rel = os.path.relpath(path, top)
            if not is_http(rel):
                continue
            dst = os.path.join(self.dir, "www", "tests", rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(path, "rb") as f:
                raw = f.read()
            with open(dst, "wb") as f:
                f.write(raw)
        port_file = os.path.join(self.dir, "port")
        self.proc = subprocess.Popen([httpd, os.path.join(self.dir, "www"), port_file,
                                      os.path.join(self.dir, "log"), "1800"])
        for _ in range(200):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.05)
        self.base = "http://127.0.0.1:%s/" % open(port_file).read().strip()

    def local(self, text):
        return text.replace(BASE_URL, self.base).replace(BASE_URL[:-1], self.base[:-1])

    def publish(self, rel, headers):
        """Writes the sidecar of rel (headers with the suite's address made
        local) and returns the case's URL."""
        with open(os.path.join(self.dir, "www", "tests", rel + ".headers"), "w") as f:
            for h in http_headers(headers):
                f.write(self.local(h) + "\n")
        return self.base + "tests/" + rel

    def close(self):
        import shutil
        self.proc.kill()
        self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def run_parallax(binary, path, url):
    cmd = [binary, "feed"]
    if url:
        cmd += ["--interval", "0", "--retries", "0", url]
    else:
        cmd.append(path)
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=10)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if p.returncode < 0 or p.returncode > 2:
        return None, "exit %d: %s" % (p.returncode, p.stderr.decode(errors="replace")[:200])
    if p.returncode != 0 or not p.stdout.strip():
        return {"bozo": 1, "encoding": "", "version": "", "feed": FPDict(), "entries": []}, None
    return to_feedparser(json.loads(p.stdout.decode("utf-8").splitlines()[0])), None


def run_feedparser(fp, raw, url):
    r = fp.parse(url) if url else fp.parse(raw)
    env = {"bozo": r.get("bozo", 0), "encoding": r.get("encoding", ""),
           "version": r.get("version", ""), "feed": r.get("feed", {}),
           "entries": r.get("entries", [])}
    return env


def half(rel):
    return "seen" if int(hashlib.sha1(rel.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parallax", required=True)
    ap.add_argument("--failures", action="store_true",
                    help="list the failing cases of the seen half")
    ap.add_argument("--no-feedparser", action="store_true")
    ap.add_argument("--rounds", type=int, default=5,
                    help="passes over the files when timing (default 5)")
    ap.add_argument("folder")
    a = ap.parse_args()
    cases = []
    for root, _, files in os.walk(a.folder):
        for name in sorted(files):
            if name.endswith((".xml", ".json")):
                cases.append(os.path.join(root, name))
    cases.sort()
    top = a.folder.rstrip("/")
    stats = {h: [0, 0] for h in ("seen", "held-out")}
    na = crashes = 0
    fp_pass = fp_app = 0
    fp = None
    if not a.no_feedparser:
        import feedparser as fp
    fp_cpu = 0.0
    httpd = os.path.join(os.path.dirname(a.parallax), "tests", "tools", "httpd")
    if not os.path.exists(httpd):
        sys.exit("conformance: %s is missing (make %s)" % (httpd, os.path.relpath(httpd)))
    server = Server(httpd, cases, top)
    served = 0
    for path in cases:
        rel = os.path.relpath(path, top)
        raw, headers, expect = parse_case(path)
        if not expect:
            continue
        if not applicable(expect):
            na += 1
            continue
        h = half(rel)
        url = None
        if is_http(rel):
            url = server.publish(rel, headers)
            expect = server.local(expect)
            served += 1
        env, crash = run_parallax(a.parallax, path, url)
        stats[h][1] += 1
        if crash:
            crashes += 1
            print("CRASH %s: %s" % (rel, crash))
            continue
        ok = evaluate(expect, env)
        stats[h][0] += ok
        if not ok and a.failures and h == "seen":
            print("FAIL %s\n     expect: %s\n     got: feed=%s entries=%s bozo=%s enc=%s" %
                  (rel, expect, dict(env["feed"]), [dict(e) for e in env["entries"]][:2],
                   env["bozo"], env["encoding"]))
        if fp:
            t0 = time.process_time()
            try:
                fenv = run_feedparser(fp, raw, url)
            except Exception:
                fenv = None
            fp_cpu += time.process_time() - t0
            fp_app += 1
            fp_pass += bool(fenv) and evaluate(expect, fenv)
    server.close()
    # speed: every case file ROUNDS times through one parallax process (so
    # its start-up is amortised as feedparser's import is), then through
    # feedparser in this process; CPU seconds, user + system
    rounds = a.rounds
    t0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([a.parallax, "feed"] + cases * rounds, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    t1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    px_cpu = (t1.ru_utime - t0.ru_utime) + (t1.ru_stime - t0.ru_stime)
    applicable_n = sum(v[1] for v in stats.values())
    passed = sum(v[0] for v in stats.values())
    print("  %d HTTP cases served by tests/tools/httpd on 127.0.0.1, fetched by both readers" % served)
    for h in ("seen", "held-out"):
        p, n = stats[h]
        print("  %-9s half: pass %d of %d (%.1f%%)" % (h, p, n, 100.0 * p / max(n, 1)))
    n = len(cases) * rounds
    print("  parallax feed (files in, JSON out): %d files (%d x %d) in %.3f s CPU: %.0f feeds/s" %
          (n, len(cases), rounds, px_cpu, n / max(px_cpu, 1e-9)))
    # the parser alone, on bytes in memory, as feedparser is timed below
    speed = os.path.join(os.path.dirname(a.parallax), "bench", "feed_speed")
    if os.path.exists(speed):
        out = subprocess.run([speed, str(rounds)] + cases, capture_output=True, text=True).stdout
        m = re.search(r"in ([0-9.]+) s CPU", out)
        if m:
            px_cpu = float(m.group(1))
            print("  parallax parser (bytes in memory):   %s" % out.strip())
    if fp:
        data = []
        for path in cases:
            with open(path, "rb") as f:
                data.append(f.read())
        t0 = resource.getrusage(resource.RUSAGE_SELF)
        for _ in range(rounds):
            for d in data:
                fp.parse(d)
        t1 = resource.getrusage(resource.RUSAGE_SELF)
        fp_all = (t1.ru_utime - t0.ru_utime) + (t1.ru_stime - t0.ru_stime)
        print("  feedparser %s: pass %d of %d (%.1f%%); %d files in %.3f s CPU: %.0f feeds/s"
              " (parallax %.1fx faster, both parsing bytes in memory)" %
              (fp.__version__, fp_pass, fp_app, 100.0 * fp_pass / max(fp_app, 1), n,
               fp_all, n / max(fp_all, 1e-9), fp_all / max(px_cpu, 1e-9)))
    print("feeds: pass %d of %d applicable (%d not applicable), crashes %d" %
          (passed, applicable_n, na, crashes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
