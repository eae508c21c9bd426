#!/usr/bin/env python3
"""fit.py — fits the summary's ranking weights on NeuS train.

    bench/summary/fit.py DATA [--jobs N]

DATA holds train.source and train.target (NeuS's layout, see neus.py).
Only train is read; val is left for bench/summary/run to report.  Stories
are split by line-index parity: the even lines fit (every weighting of a
grid, each story compared once by build/bench/summary_fit, which makes the
summary under all of them), the odd lines check.  Printed: the best
weightings by mean ROUGE-2 F1 on the even fold, each with its score on the
odd fold, and the defaults' (lib/compare/summary.c) on both.  The defaults
are set from the first line by hand, rounded; then this is run again to
confirm.
"""
import argparse, collections, concurrent.futures, itertools, json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import neus, rouge  # noqa: E402

TOP = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../..')
GRID = {'central': [1.0], 'support': [0.0, 0.15, 0.3, 0.6], 'lead': [0.0, 0.15, 0.3, 0.6, 1.0],
        'event': [0.0, 0.1, 0.3], 'disputed': [0.5], 'words': [50, 60, 75, 90]}
DEFAULT = (1.0, 0.15, 0.3, 0.1, 0.5, 50)


def write_stories(path, stories, ids):
    with open(path, 'w') as f:
        for i in ids:
            for k, (title, text) in enumerate(stories[i]):
                f.write(json.dumps({'id': '%d-%s' % (i, 'ABCDEFGH'[k % 8]), 'outlet': 'ABCDEFGH'[k % 8],
                                    'title': title if text else '', 'text': text or title}) + '\n')


def bigrams(toks):
    return collections.Counter(zip(toks, toks[1:]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('data')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--limit', type=int, default=0, help='the first N stories only')
    ap.add_argument('--defaults', action='store_true', help='the defaults only, no grid')
    a = ap.parse_args()
    src = open(os.path.join(a.data, 'train.source'), encoding='utf-8').read().splitlines()
    tgt = open(os.path.join(a.data, 'train.target'), encoding='utf-8').read().splitlines()
    if a.limit:
        src, tgt = src[:a.limit], tgt[:a.limit]
    stories = [neus.parse(line) for line in src]
    refs = [bigrams(rouge.tokens(neus.reference(line))) for line in tgt]
    weights = [] if a.defaults else [tuple(w) for w in itertools.product(*GRID.values())]
    if DEFAULT not in weights:
        weights.append(DEFAULT)
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

    sums = [[0.0, 0.0] for _ in weights]
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
                sums[o['w']][i % 2] += r2(o['summary'], refs[i])
            p.wait()
    n = [len(range(0, len(stories), 2)), len(range(1, len(stories), 2))]
    mean = [(100 * s[0] / n[0], 100 * s[1] / n[1]) for s in sums]
    order = sorted(range(len(weights)), key=lambda k: -mean[k][0])
    names = list(GRID)
    print('NeuS train: %d stories; fit on the even lines (%d), checked on the odd (%d)' % (len(stories), n[0], n[1]))
    print('%-48s %9s %9s' % ('weights (' + ' '.join(names) + ')', 'R-2 fit', 'R-2 check'))
    for k in order[:10]:
        print('%-48s %9.2f %9.2f' % (' '.join(str(x) for x in weights[k]), mean[k][0], mean[k][1]))
    d = weights.index(DEFAULT)
    print('%-48s %9.2f %9.2f' % ('defaults ' + ' '.join(str(x) for x in DEFAULT), mean[d][0], mean[d][1]))


if __name__ == '__main__':
    main()
