#!/usr/bin/python3
"""fit_date.py — fits the date resolver's weights (lib/extract/html_datepick.c),
the author resolver's (html_authorpick.c) or the title resolver's
(html_titlepick.c), and measures them out of fold.

    fit_date.py TRACE EVALDATA.json [--field date|author|title] [--write HEADER]
    (HEADER: lib/extract/html_date_weights.h, html_author_weights.h,
    html_title_weights.h)

TRACE is what `build/bench/extract_pages --trace TRACE PAGE...` writes over
trafilatura's pages (bench/extraction/run makes it): a first line naming the
features, then per page its date candidates, each with its value (already
through the named adjustments) and its features.  EVALDATA is the gold.

A candidate is right when its day is the gold's (for the authors: when its
names are the gold's, as score.py's author_set() compares them; for the
title: the same text, case and spacing aside, as score.py compares them).
The title resolver always gives a title: it has no "none", and pages whose
gold title is empty teach it nothing.  The model is a
conditional logit: on a page, candidate k scores w.x_k, leaving the page
undated scores a constant w_none, and the softmax over the page's
candidates and "none" gives each a probability; the resolver takes the day
whose candidates' probabilities sum highest, unless "none" is higher.  The
weights maximise the log-probability of the right choices (any right
candidate; "none" on a page whose gold is empty; pages whose gold day no
candidate gives teach nothing and are left out) with an L2 penalty LAMBDA,
by scipy's L-BFGS (Debian's python3-scipy, python3-sklearn's dependency:
run with /usr/bin/python3).

Printed: the date accuracy in-sample (fit on all pages, judged on all) and
5-fold out-of-fold (pages split by a stable hash of their file name, CRC-32
mod 5; each fold judged by weights and floor fitted on the other four),
with each fold's figure.  --write writes the all-pages fit as the C table,
naming the data it came from.
"""
import hashlib
import json
import os
import sys
import unicodedata
import zlib

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import author_set, squeeze  # noqa: E402  (the scorer's own comparisons)

FOLDS = 5
LAMBDA = 0.3  # L2 penalty: 0.1 and 1 gave lower out-of-fold accuracy


def fold_of(name):
    return zlib.crc32(os.path.basename(name).encode()) % FOLDS


FIELD = "date"  # or "author" (--field)
KEYS = {"date": ("features", "dates"), "author": ("author_features", "authors"),
        "title": ("title_features", "titles")}
NONE = {"date": True, "author": True, "title": False}  # may the resolver give none?


def value(rec_or_gold):
    """The comparable value of a candidate or a gold entry; "" for none."""
    if FIELD == "date":
        return (rec_or_gold or "")[:10]
    if FIELD == "title":  # NFC, as the article's text is normalised
        return unicodedata.normalize("NFC", squeeze(rec_or_gold)).lower()
    return "; ".join(sorted(author_set(rec_or_gold))) if rec_or_gold else ""


def gold_values(path):
    with open(path, encoding="utf-8") as f:
        gold = json.load(f)
    out = {}
    for entry in gold.values():
        if FIELD in entry:
            out[os.path.basename(entry["file"]) + ".gz"] = value(entry[FIELD])
    return out


gold_dates = gold_values  # the name the date's experiments used


def load(trace_path, gold):
    pages = []  # (name, want, [(value, x)])
    head, key = KEYS[FIELD]
    names = None
    with open(trace_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if head in rec:
                names = rec[head]
            if key not in rec:
                continue
            name = os.path.basename(rec["id"])
            if name not in gold:
                continue
            field = {"date": "iso", "author": "names", "title": "value"}[FIELD]
            cands = [(value(c[field]), c["x"]) for c in rec[key]]
            pages.append((name, gold[name], cands))
    return names, pages


def fit(pages):
    """(w, w_none): the weights of the features and the score of "none"."""
    dims = next(len(c[0][1]) for _, _, c in pages if c)
    data = []
    for _, want, cands in pages:
        if want == "":
            if not NONE[FIELD]:
                continue
            target = [len(cands)]
        else:
            target = [i for i, (day, _) in enumerate(cands) if day == want]
            if not target:
                continue
        data.append((np.array([x for _, x in cands]).reshape(len(cands), dims), target))

    def loss(w):
        wv, wn = w[:dims], (w[dims] if NONE[FIELD] else -1e9)
        total = LAMBDA * wv @ wv
        grad = np.zeros(dims + 1)
        grad[:dims] = 2 * LAMBDA * wv
        for x, target in data:
            s = np.append(x @ wv if len(x) else np.zeros(0), wn)
            e = np.exp(s - s.max())
            p = e / e.sum()
            right = p[target].sum()
            total -= np.log(right)
            q = np.zeros(len(s))
            q[target] = p[target] / right
            d = p - q
            if len(x):
                grad[:dims] += x.T @ d[:-1]
            grad[dims] += d[-1] if NONE[FIELD] else 0
        return total, grad

    w = minimize(loss, np.zeros(dims + 1), jac=True, method="L-BFGS-B").x
    return w[:dims], w[dims]


def choose(model, cands):
    """The chosen day, "" for none: the day whose candidates weigh most.
    Authors: the candidate that weighs most (html_authorpick.c)."""
    w, none = model
    if not cands:
        return ""
    e = np.exp(np.array([x for _, x in cands]) @ w)
    if FIELD == "author":
        k = int(np.argmax(e))
        return cands[k][0] if e[k] >= np.exp(none) else ""
    days = {}
    for (day, _), v in zip(cands, e):
        days[day] = days.get(day, 0.0) + v
    order = [c[0] for c in cands]
    day = max(days, key=lambda d: (days[d], -order.index(d)))
    return day if not NONE[FIELD] or days[day] >= np.exp(none) else ""


def accuracy(model, pages):
    right = sum(choose(model, cands) == want for _, want, cands in pages)
    return right / len(pages) if pages else 0.0


def write_header(path, names, model, evaldata, trace, n):
    with open(evaldata, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    w, none = model
    base = os.path.basename(path)
    pick = f"html_{FIELD}pick.c" if FIELD != "author" else "html_authorpick.c"
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"/*\n * {base} — the {FIELD} resolver's weights "
                f"({pick}), generated:\n * do not edit.  Written by "
                "bench/extraction/fit_date.py from\n"
                f" * {os.path.basename(trace)} over trafilatura's evaluation "
                f"pages ({n} pages with a gold {FIELD},\n"
                f" * evaldata.json sha256 {digest}...); conditional logit, "
                f"L2 {LAMBDA}.\n */\n")
        guard = "PX_" + base.upper().replace(".", "_")
        f.write(f"#ifndef {guard}\n#define {guard}\n\n")
        if NONE[FIELD]:
            f.write(f"static const double {FIELD}_none = {none:.6f}; "
                    f"/* the score of giving no {FIELD} */\n")
        f.write(f"static const double {FIELD}_weights[] = {{\n")
        for name, v in zip(names, w):
            f.write(f"    {v:.6f}, /* {name} */\n")
        f.write("};\n\n#endif\n")


def main(argv):
    global FIELD
    out = None
    if "--field" in argv:
        i = argv.index("--field")
        FIELD = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    if "--write" in argv:
        i = argv.index("--write")
        out = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    if len(argv) != 2:
        sys.exit(__doc__)
    trace, evaldata = argv
    names, pages = load(trace, gold_values(evaldata))
    model = fit(pages)
    inside = accuracy(model, pages)
    right = 0
    per_fold = []
    for k in range(FOLDS):
        train = [p for p in pages if fold_of(p[0]) != k]
        test = [p for p in pages if fold_of(p[0]) == k]
        acc = accuracy(fit(train), test)
        per_fold.append(acc)
        right += acc * len(test)
    oof = right / len(pages)
    print(f"{FIELD} resolver: {len(pages)} pages, {sum(len(c) for _, _, c in pages)} candidates")
    print(f"  in-sample {inside:.3f}   out-of-fold {oof:.3f}   folds "
          + " ".join(f"{a:.3f}" for a in per_fold))
    if out:
        write_header(out, names, model, evaldata, trace, len(pages))
        print(f"  weights written to {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
