#!/usr/bin/env python3
"""fit.py — fits the summary's ranking weights and length by k-fold on NeuS.

    bench/summary/fit.py DATA [--split val|train] [--folds K] [--jobs N] [--grid narrow|wide]

DATA holds SPLIT.source and SPLIT.target (NeuS's layout, see neus.py).
Each story is compared once by build/bench/summary_fit, which makes its
summary under every weighting of a grid; each summary is scored (ROUGE-2
F1 against the roundup, rouge.py).  Stories fall in K folds by line index
mod K.  Printed side by side:

  in-sample     the weighting best over all stories, and its mean R-2
  out-of-fold   per fold, the weighting best on the other K-1 folds, scored
                on that fold; the mean over all stories of those scores

so the gap between the two shows how much of the gain is the fit's own
luck.  Then the best ten weightings, the defaults (lib/compare/summary.c,
DEFAULT below) and the defaults before (BEFORE) on all stories.  The
defaults are the in-sample best of the 'narrow' grid on val; `--split
train` scores the same grid on train's 2,452 stories, which no weight was
fitted to.
"""
import argparse, collections, concurrent.futures, itertools, json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import neus, rouge  # noqa: E402

TOP = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../..')
NAMES = ('central', 'headline', 'support', 'lead', 'event', 'disputed', 'share', 'words', 'min_lines', 'voiced',
         'over')
GRIDS = {  # 'narrow' set the defaults; 'wide' shows what a larger search costs out of fold
    'narrow': {'central': [1.0], 'headline': [0.4, 0.8, 1.2], 'support': [0.0], 'lead': [0.15, 0.3],
               'event': [0.1], 'disputed': [0.5], 'share': [0.3, 0.4], 'words': [30], 'min_lines': [1],
               'voiced': [0, 0.05, 0.1], 'over': [0, 4]},
    'wide': {'central': [1.0], 'headline': [0.0, 0.2, 0.4, 0.8], 'support': [0.0, 0.15], 'lead': [0.15, 0.3],
             'event': [0.1, 0.3], 'disputed': [0.5], 'share': [0.3, 0.4], 'words': [0, 30], 'min_lines': [1, 2],
             'voiced': [0, 0.05], 'over': [0, 4]},
}
DEFAULT = (1.0, 0.8, 0.0, 0.15, 0.1, 0.5, 0.3, 30, 1, 0.05, 4)
BEFORE = (1.0, 0.8, 0.0, 0.15, 0.1, 0.5, 0.3, 30, 1, 0, 0)  # before the quotation and overshoot terms


def write_stories(path, stories, ids):
    with open(path, 'w') as f:
        for i in ids:
            for k, (title, text) in enumerate(stories[i]):
                f.write(json.dumps({'id': '%d-%s' % (i, 'ABCDEFGH'[k % 8]), 'outlet': 'ABCDEFGH'[k % 8],
                                    'title': title if text else '', 'text': text or title}) + '\n')


def bigrams(toks):
    return collections.Counter(zip(toks, toks[1:]))


def mean(xs):
    return 100 * sum(xs) / len(xs) if xs else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('data')
    ap.add_argument('--split', default='val')
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--limit', type=int, default=0, help='the first N stories only')
    ap.add_argument('--grid', default='narrow', choices=sorted(GRIDS))
    ap.add_argument('--defaults', action='store_true', help='the defaults only, no grid')
    a = ap.parse_args()
    src = open(os.path.join(a.data, a.split + '.source'), encoding='utf-8').read().splitlines()
    tgt = open(os.path.join(a.data, a.split + '.target'), encoding='utf-8').read().splitlines()
    if a.limit:
        src, tgt = src[:a.limit], tgt[:a.limit]
    stories = [neus.parse(line) for line in src]
    refs = [bigrams(rouge.tokens(neus.reference(line))) for line in tgt]
    grid = GRIDS[a.grid]
    weights = [] if a.defaults else [tuple(w) for w in itertools.product(*(grid[k] for k in NAMES))]
    for w in (DEFAULT, BEFORE):
        if w not in weights:
            weights.append(w)
    subprocess.run(['make', '-C', TOP, '-s', 'build/bench/summary_fit'], check=True)
    cache = {}

    def r2(lines, ref):
        toks = []
        for s in lines:
            if s not in cache:
                cache[s] = rouge.tokens(s)
            toks += cache[s]
        if not toks:
            return 0.0
        b = bigrams(toks)
        overlap = sum(min(c, ref[g]) for g, c in b.items())
        return rouge._f1(overlap, sum(b.values()), sum(ref.values()))

    score = [[0.0] * len(stories) for _ in weights]  # score[w][story]
    with tempfile.TemporaryDirectory() as tmp:
        wpath = os.path.join(tmp, 'weights')
        with open(wpath, 'w') as f:
            for w in weights:
                f.write(' '.join(str(x) for x in w) + '\n')
        shards = [list(range(j, len(stories), a.jobs)) for j in range(a.jobs)]
        paths = []
        for j, ids in enumerate(shards):
            paths.append(os.path.join(tmp, 'stories%d.jsonl' % j))
            write_stories(paths[-1], stories, ids)
        procs = [subprocess.Popen([os.path.join(TOP, 'build/bench/summary_fit'), p, wpath],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) for p in paths]
        for p in procs:  # read one after the other: each writes to its own pipe
            for line in p.stdout:
                o = json.loads(line)
                i = int(o['story'])
                score[o['w']][i] = r2(o['summary'], refs[i])
            p.wait()
    n, k = len(stories), a.folds
    fold = [i % k for i in range(n)]
    total = [sum(s) for s in score]
    best = max(range(len(weights)), key=lambda w: (total[w], -w))
    oof, chosen = [0.0] * n, []
    for f in range(k):
        fs = [sum(s[i] for i in range(n) if fold[i] != f) for s in score]
        w = max(range(len(weights)), key=lambda x: (fs[x], -x))
        chosen.append(w)
        for i in range(n):
            if fold[i] == f:
                oof[i] = score[w][i]
    fmt = lambda w: ' '.join(str(x) for x in weights[w])  # noqa: E731
    print('NeuS %s: %d stories, %d weightings, %d folds (line index mod %d)' % (a.split, n, len(weights), k, k))
    print('weights: %s' % ' '.join(NAMES))
    print('%-12s %-44s %9s' % ('', 'weighting', 'R-2'))
    print('%-12s %-44s %9.2f' % ('in-sample', fmt(best), mean(score[best])))
    print('%-12s %-44s %9.2f' % ('out-of-fold', '(per fold below)', mean(oof)))
    print('gap in-sample - out-of-fold: %.2f R-2 points (%.4f F1)' % (mean(score[best]) - mean(oof),
                                                                     (mean(score[best]) - mean(oof)) / 100))
    for f in range(k):
        ids = [i for i in range(n) if fold[i] == f]
        print('  fold %d: fit on the rest %-34s held out %6.2f (in-sample best there %6.2f)'
              % (f, fmt(chosen[f]), mean([score[chosen[f]][i] for i in ids]), mean([score[best][i] for i in ids])))
    print('best ten on all stories:')
    for w in sorted(range(len(weights)), key=lambda x: -total[x])[:10]:
        print('  %-44s %9.2f' % (fmt(w), mean(score[w])))
    d, b = weights.index(DEFAULT), weights.index(BEFORE)
    print('  %-44s %9.2f' % ('defaults ' + fmt(d), mean(score[d])))
    print('  %-44s %9.2f' % ('before ' + fmt(b), mean(score[b])))


if __name__ == '__main__':
    main()
