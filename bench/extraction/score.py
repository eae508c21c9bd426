#!/usr/bin/env python3
"""score.py — quality of extracted articles against the two gold sets.

    score.py body     GROUND_TRUTH.json NAME=OUT.jsonl...   (ScrapingHub set)
    score.py metadata EVALDATA.json     NAME=OUT.jsonl...   (trafilatura set)
    score.py ... --pages                                     per-page detail
    score.py ... --folds                                     per fold too

--folds splits the pages into 5 folds by a CRC-32 of their file name (the
split fit_date.py uses) and prints each fold's scores beside the whole
set's, so a figure's spread over unseen-like subsets shows.

Each OUT.jsonl holds one JSON object per page with "id" (the page's path),
"text", and for metadata "title", "author" (a list or a string; else
"byline" is read), "date"; or "error" for a page that gave nothing.  All
three tools' runners write that shape, so one scorer judges them alike.

body: the metric of the benchmark's SOURCE.md, implemented here from that
description: \\w+ tokens (Unicode, case kept), multisets of word 4-gram
shingles (1-3 tokens give one short shingle), per-page TP/FP/FN normalised
by their sum, precision and recall averaged over pages (a page with no
predicted shingles is left out of the precision mean, one with no true
shingles out of the recall mean), F1 the harmonic mean of the two means;
accuracy is the share of pages whose token sequence equals the truth.

metadata: trafilatura's snippet rule (whitespace collapsed, case-sensitive
substring of the whole output; `with` found = TP, missed = FN, `without`
found = FP; micro-averaged F1 = 2TP/(2TP+FP+FN); a failed page misses all
its `with` snippets) and, over entries that have the key, title accuracy
(whitespace-normalised, case-insensitive equality), date accuracy (same
YYYY-MM-DD), author accuracy (the same set of names, see author_set);
an empty gold value is right only when nothing was extracted.
"""
import json
import os
import re
import sys
import zlib
from collections import Counter

WORD = re.compile(r"\w+")
SPACE = re.compile(r"\s+")


def load_outputs(path):
    """{page file name: record} from an OUT.jsonl."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            out[os.path.basename(rec.get("id") or "")] = rec
    return out


# ---- body: word 4-gram shingles ---------------------------------------------

def shingles(text, n=4):
    tokens = WORD.findall(text or "")
    if not tokens:
        return Counter(), tokens
    if len(tokens) < n:
        return Counter([tuple(tokens)]), tokens
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)), tokens


def page_counts(truth, pred):
    t, t_tokens = shingles(truth)
    p, p_tokens = shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return tp, fp, fn, t_tokens == p_tokens


def body_metrics(rows):
    precisions = [1.0 if fp == fn == 0 else tp / (tp + fp)
                  for tp, fp, fn, _ in rows if tp + fp > 0]
    recalls = [1.0 if fp == fn == 0 else tp / (tp + fn)
               for tp, fp, fn, _ in rows if tp + fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(1 for row in rows if row[3]) / len(rows) if rows else 0.0
    return p, r, f1, acc


def score_body(gold_path, runs, per_page):
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    results = {}
    for name, path in runs:
        outs = load_outputs(path)
        rows, detail = [], []
        for key in sorted(gold):
            rec = outs.get(key + ".html.gz") or outs.get(key + ".html") or {}
            row = page_counts(gold[key].get("articleBody", ""), rec.get("text") or "")
            rows.append(row)
            tp, fp, fn, _ = row
            detail.append((key, tp / (tp + fp) if tp + fp else 0, tp / (tp + fn) if tp + fn else 0))
        results[name] = body_metrics(rows)
        if per_page:
            for key, p, r in sorted(detail, key=lambda d: d[1] + d[2]):
                print(f"  {name:<18} {key[:16]}  P={p:.3f} R={r:.3f}")
    print(f"{'extractor':<18} {'F1':>6} {'prec':>6} {'recall':>6} {'exact':>6}")
    for name, (p, r, f1, acc) in results.items():
        print(f"{name:<18} {f1:6.3f} {p:6.3f} {r:6.3f} {acc:6.3f}")
    return results


# ---- metadata: snippets, title, date, author --------------------------------

def squeeze(s):
    return SPACE.sub(" ", s or "").strip()


BYLINE_LABEL = re.compile(
    r"^(?:written by|posted by|published by|geschrieben von|veröffentlicht von|"
    r"autor(?:in)?:|author:|auteur:|by|von|par|por|di|door)\s*", re.I)
NAME_EDGES = " \t|~·•:,;-–—().@"


def author_set(value):
    """The names in an author value, for comparing two of them: a list is
    joined first; names are split at , ; & / and the words and/und/et, and
    a byline label in front ("By", "Von", "Par", "Autor:", "Geschrieben
    von") and punctuation at the edges (a final period too) are dropped,
    case ignored.  The same
    rule reads the gold and every extractor's output."""
    if value is None:
        return set()
    text = ", ".join(value) if isinstance(value, list) else value
    names = set()
    for item in re.split(r"[;,&/]|\b(?:and|und|et)\b", text):
        item = squeeze(item).strip(NAME_EDGES)
        while True:
            cut = BYLINE_LABEL.sub("", item).strip(NAME_EDGES)
            if cut == item:
                break
            item = cut
        if item:
            names.add(item.lower())
    return names


def page_name(entry):
    return os.path.basename(entry["file"]) + ".gz"


def score_metadata(gold_path, runs, per_page):
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    print(f"{'extractor':<18} {'snipF1':>6} {'prec':>6} {'recall':>6} "
          f"{'title':>6} {'date':>6} {'author':>6}")
    results = {}
    for name, path in runs:
        outs = load_outputs(path)
        tp = fp = fn = 0
        right = Counter()
        seen = Counter()
        misses = []
        for key, entry in gold.items():
            rec = outs.get(page_name(entry)) or outs.get(os.path.basename(entry["file"])) or {}
            text = squeeze(rec.get("text"))
            failed = not text or "error" in rec
            for s in entry.get("with", []):
                if not failed and squeeze(s) in text:
                    tp += 1
                else:
                    fn += 1
                    misses.append((entry["file"], "with", s))
            for s in entry.get("without", []):
                if not failed and squeeze(s) in text:
                    fp += 1
                    misses.append((entry["file"], "without", s))
            if "title" in entry:
                seen["title"] += 1
                want, got = squeeze(entry["title"]).lower(), squeeze(rec.get("title")).lower()
                right["title"] += want == got
                if want != got:
                    misses.append((entry["file"], "title", f"{want!r} vs {got!r}"))
            if "date" in entry:
                seen["date"] += 1
                want, got = (entry["date"] or "")[:10], (rec.get("date") or "")[:10]
                right["date"] += want == got
                if want != got:
                    misses.append((entry["file"], "date", f"{want!r} vs {got!r}"))
            if "author" in entry:
                seen["author"] += 1
                got = rec.get("author", rec.get("byline"))
                ok = author_set(entry["author"]) == author_set(got)
                right["author"] += ok
                if not ok:
                    misses.append((entry["file"], "author", f"{entry['author']!r} vs {got!r}"))
        prec = tp / (tp + fp) if tp + fp else 0
        rec_ = tp / (tp + fn) if tp + fn else 0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0
        acc = {k: right[k] / seen[k] if seen[k] else 0 for k in ("title", "date", "author")}
        results[name] = (f1, acc)
        print(f"{name:<18} {f1:6.3f} {prec:6.3f} {rec_:6.3f} "
              f"{acc['title']:6.3f} {acc['date']:6.3f} {acc['author']:6.3f}")
        if per_page:
            for m in misses:
                print(f"  {name}: {m[0]} [{m[1]}] {m[2][:200]}")
    return results


FOLDS = 5


def fold_of(name):
    return zlib.crc32(os.path.basename(name).encode()) % FOLDS


def by_fold(gold_path, runs, scorer, key_name):
    """Scores each fold of gold's pages alone (scorer over a gold file)."""
    import tempfile
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    rows = []
    for k in range(FOLDS):
        part = {key: v for key, v in gold.items() if fold_of(key_name(key, v)) == k}
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as t:
            json.dump(part, t)
        saved = sys.stdout
        sys.stdout = open(os.devnull, "w")
        try:
            rows.append((len(part), scorer(t.name, runs, False)))
        finally:
            sys.stdout.close()
            sys.stdout = saved
            os.unlink(t.name)
    return rows


def print_folds(kind, gold_path, runs):
    if kind == "body":
        rows = by_fold(gold_path, runs, score_body, lambda key, v: key + ".html.gz")
        for name, _ in runs:
            print(f"{name:<18} F1 by fold: " +
                  " ".join(f"{r[name][2]:.3f}" for _, r in rows) +
                  f"  (pages {'/'.join(str(n) for n, _ in rows)})")
    else:
        rows = by_fold(gold_path, runs, score_metadata,
                       lambda key, v: os.path.basename(v["file"]) + ".gz")
        for name, _ in runs:
            print(f"{name:<18} by fold: snippet F1 " +
                  " ".join(f"{r[name][0]:.3f}" for _, r in rows))
            for field in ("title", "date", "author"):
                print(f"{'':<18}          {field:<10} " +
                      " ".join(f"{r[name][1][field]:.3f}" for _, r in rows))


def main(argv):
    per_page = "--pages" in argv
    folds = "--folds" in argv
    argv = [a for a in argv if a not in ("--pages", "--folds")]
    if len(argv) < 3 or argv[0] not in ("body", "metadata"):
        sys.exit(__doc__)
    runs = [tuple(a.split("=", 1)) for a in argv[2:]]
    if folds:
        print_folds(argv[0], argv[1], runs)
    elif argv[0] == "body":
        score_body(argv[1], runs, per_page)
    else:
        score_metadata(argv[1], runs, per_page)


if __name__ == "__main__":
    main(sys.argv[1:])
