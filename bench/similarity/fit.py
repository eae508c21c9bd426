#!/usr/bin/python3
"""bench/similarity/fit.py — fits the pair model of lib/story/pair.h and
prints ROC-AUC beside scikit-learn's TF-IDF cosine on the same pairs.

  /usr/bin/python3 bench/similarity/fit.py [--write HEADER] NAME=PAIRS.tsv=ARTICLES.jsonl...

Each PAIRS.tsv is build/bench/similarity's output for one labelled set,
ARTICLES.jsonl that set's articles (their title and text for TF-IDF; an
ECB+ text's first line, its URL, is dropped as the bench drops it).  The
model is a logistic regression over pair.h's features (standardised, L2,
each set weighing the same and, within a set, its same-event and
other-event pairs the same), fitted on all sets together.  Printed per
set: ROC-AUC of the score `similarity` gave before (old), of grouping's
score (group), of the terms and specifics cosines alone, of the model in
sample and out of fold (5 folds, the bench's: ECB+ topics, GVA events;
each fold scored by a model fitted on the other four folds of every set),
and of TF-IDF cosine (TfidfVectorizer, English stop words, sublinear tf,
fitted on the set's own articles).  --write writes the weights fitted on
everything as a C header.
"""
import json
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

C = 1.0


def read_pairs(path):
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        rows = [line.rstrip("\n").split("\t") for line in f]
    feats = head[7:]
    a = [r[0] for r in rows]
    b = [r[1] for r in rows]
    y = np.array([int(r[2]) for r in rows])
    fold = np.array([int(r[3]) for r in rows])
    old = np.array([float(r[4]) for r in rows])
    group = np.array([float(r[5]) for r in rows])
    x = np.array([[float(v) for v in r[7:]] for r in rows])
    return feats, a, b, y, fold, old, group, x


def tfidf_cosine(path, a, b):
    ids, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            text = o.get("text") or ""
            if text.startswith("http"):
                text = text.split("\n", 1)[1] if "\n" in text else ""
            ids.append(o["id"])
            texts.append((o.get("title") or "") + "\n" + text)
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    m = vec.fit_transform(texts)
    at = {k: i for i, k in enumerate(ids)}
    ia = np.array([at[k] for k in a])
    ib = np.array([at[k] for k in b])
    return np.asarray(m[ia].multiply(m[ib]).sum(axis=1)).ravel()


def weights_of(sets):
    w = []
    for s in sets:
        y = s["y"]
        pos, neg = max(1, y.sum()), max(1, (1 - y).sum())
        w.append(np.where(y == 1, 0.5 / pos, 0.5 / neg) * len(y))
    return w


def fit(xs, ys, ws):
    x = np.vstack(xs)
    y = np.concatenate(ys)
    w = np.concatenate(ws)
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1
    m = LogisticRegression(C=C, max_iter=2000)
    m.fit((x - mu) / sd, y, sample_weight=w)
    coef = m.coef_[0] / sd
    bias = m.intercept_[0] - (coef * mu).sum()
    return coef, bias


def score(coef, bias, x):
    return 1 / (1 + np.exp(-(x @ coef + bias)))


def main():
    args = sys.argv[1:]
    write = None
    if args[:1] == ["--write"]:
        write, args = args[1], args[2:]
    sets = []
    for arg in args:
        name, pairs, articles = arg.split("=")
        feats, a, b, y, fold, old, group, x = read_pairs(pairs)
        sets.append(dict(name=name, y=y, fold=fold, old=old, group=group, x=x,
                         tfidf=tfidf_cosine(articles, a, b)))
    w = weights_of(sets)
    coef, bias = fit([s["x"] for s in sets], [s["y"] for s in sets], w)
    for s in sets:
        s["in"] = score(coef, bias, s["x"])
        s["oof"] = np.zeros(len(s["y"]))
    for k in range(5):
        tr = [s["fold"] != k for s in sets]
        ck, bk = fit([s["x"][t] for s, t in zip(sets, tr)], [s["y"][t] for s, t in zip(sets, tr)],
                     [wi[t] for wi, t in zip(w, tr)])
        for s in sets:
            te = s["fold"] == k
            s["oof"][te] = score(ck, bk, s["x"][te])
    ti, si = feats.index("terms"), feats.index("specifics")
    print(f"{'set':<10} {'pairs':>7} {'same':>6}  {'old':>6} {'group':>6} {'terms':>6} {'specif':>6}"
          f"  {'model in':>8} {'out-of-fold':>11}  {'TF-IDF':>6}")
    for s in sets:
        y = s["y"]
        auc = lambda v: roc_auc_score(y, v)
        print(f"{s['name']:<10} {len(y):>7} {int(y.sum()):>6}  {auc(s['old']):.3f}  {auc(s['group']):.3f}"
              f"  {auc(s['x'][:, ti]):.3f}  {auc(s['x'][:, si]):.3f}  {auc(s['in']):>8.3f} {auc(s['oof']):>11.3f}"
              f"  {auc(s['tfidf']):.3f}")
    print("weights: bias %.3f, %s" % (bias, ", ".join(f"{f} {c:.3f}" for f, c in zip(feats, coef))))
    if write:
        with open(write, "w") as f:
            f.write("/*\n * pair_weights.h — the pair model's weights (pair.h), written by\n"
                    " * bench/similarity/fit.py --write from the pairs of bench/similarity/run\n"
                    f" * ({', '.join(s['name'] for s in sets)}; the shipped df table).  Do not edit.\n"
                    " * ROC-AUC in sample / out of fold / TF-IDF cosine:\n")
            for s in sets:
                y = s["y"]
                f.write(f" *   {s['name']}: {roc_auc_score(y, s['in']):.3f} / {roc_auc_score(y, s['oof']):.3f}"
                        f" / {roc_auc_score(y, s['tfidf']):.3f} ({len(y)} pairs, {int(y.sum())} same-event)\n")
            f.write(" */\n#ifndef PX_PAIR_WEIGHTS_H\n#define PX_PAIR_WEIGHTS_H\n\n")
            f.write("#define PX_PAIR_TERMS_POWER 1.5\n#define PX_PAIR_SPECIFICS_POWER 3.0\n#define PX_PAIR_LINK_FLOOR 7\n\n")
            f.write(f"static const double px_pair_bias = {bias:.6f};\n")
            f.write("static const double px_pair_weights[PX_PAIR_NFEATURES] = {\n")
            for name, c in zip(feats, coef):
                f.write(f"    {c:.6f}, /* {name} */\n")
            f.write("};\n\n#endif\n")


main()
