#!/usr/bin/env python3
"""same.py — are compare's and analyze's outputs byte-identical to a saved set?

    bench/compare/same.py save  BENCH_DIR OUT [--parallax build/parallax]
    bench/compare/same.py check BENCH_DIR OUT [--parallax build/parallax]

For a change that must not change any output (speed work, refactoring):
`save` once before the change, `check` after each step.  The outputs:

- `compare --json` of each of the 50 labelled stories (stories.tsv);
- `compare --json` and the text report of the seeds (examples/*.txt);
- `compare --json` of GVA stories of 50, 200 and 1,000 articles (the
  articles speed.py times, incidents in file order) and of 300 articles
  from the middle of the file;
- `compare --json` of two identical 1 MB articles (speed.py's big case,
  smaller);
- `analyze --json` of the 300 BASIL articles.

`check` runs them again and compares byte for byte: prints each output that
differs (first differing line) and exits 1 when any does.  The inputs are
rebuilt from BENCH_DIR every time (the data is fixed), under OUT/inputs.
"""
import argparse, glob, json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import speed  # noqa: E402
import stories  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def inputs(bench, out):
    """[(name, argv after parallax)]: every run, its inputs written under out/inputs."""
    d = os.path.join(out, 'inputs')
    os.makedirs(d, exist_ok=True)
    runs = []
    docs = {**stories.gva_docs(bench), **stories.basil_docs(bench)}
    for line in list(open(os.path.join(HERE, 'stories.tsv')))[1:]:
        k, _src, _half, ids = line.rstrip('\n').split('\t')
        byid = {x['id']: x for x in docs[k]}
        p = os.path.join(d, k + '.jsonl')
        common.write_jsonl(p, [byid[i] for i in ids.split(',')])
        runs.append((k + '.json', ['compare', '--json', p]))
    seeds = sorted(glob.glob(os.path.join(ROOT, 'examples', '*.txt')))
    runs.append(('seeds.json', ['compare', '--json'] + seeds))
    runs.append(('seeds.txt', ['compare'] + seeds))
    arts = speed.gva_in_order(bench)
    for n in (50, 200, 1000):
        p = os.path.join(d, 'gva%d.jsonl' % n)
        common.write_jsonl(p, arts[:n])
        runs.append(('gva%d.json' % n, ['compare', '--json', p]))
    mid = len(arts) // 2
    p = os.path.join(d, 'gva-mid300.jsonl')
    common.write_jsonl(p, arts[mid:mid + 300])
    runs.append(('gva-mid300.json', ['compare', '--json', p]))
    parts, size, i = [], 0, 0
    while size < 1000 * 1000:
        t = arts[i % len(arts)]['text']
        parts.append(t)
        size += len(t.encode()) + 2
        i += 1
    text = '\n\n'.join(parts)
    p = os.path.join(d, 'big1mb.jsonl')
    common.write_jsonl(p, [{'id': 'big-%d' % k, 'outlet': 'example%d.com' % k, 'date': '2017-01-09',
                            'title': 'Joined GVA articles', 'url': 'https://example%d.com/big' % k,
                            'text': text} for k in (1, 2)])
    runs.append(('big1mb.json', ['compare', '--json', p]))
    runs.append(('basil-analyze.jsonl', ['analyze', '--json', '--format', 'jsonl',
                                          os.path.join(bench, 'basil/basil.jsonl')]))
    return runs


def run(parallax, argv):
    p = subprocess.run([parallax] + argv, capture_output=True, timeout=600)
    return p.stdout + b'\n--- exit %d\n' % p.returncode


def first_diff(a, b):
    la, lb = a.split(b'\n'), b.split(b'\n')
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return 'line %d: saved %r, now %r' % (i + 1, x[:120], y[:120])
    return 'saved %d lines, now %d' % (len(la), len(lb))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('what', choices=('save', 'check'))
    ap.add_argument('bench')
    ap.add_argument('out')
    ap.add_argument('--parallax', default='build/parallax')
    args = ap.parse_args()
    common.check_bench(args.bench, 'same.py')
    if not os.access(args.parallax, os.X_OK):
        sys.exit('same.py: %s: not an executable' % args.parallax)
    if args.what == 'check' and not os.path.isdir(os.path.join(args.out, 'outputs')):
        sys.exit('same.py: %s: no saved outputs (run `same.py save` first)' % args.out)
    od = os.path.join(args.out, 'outputs')
    os.makedirs(od, exist_ok=True)
    bad = 0
    runs = inputs(args.bench, args.out)
    for name, argv in runs:
        got = run(args.parallax, argv)
        path = os.path.join(od, name)
        if args.what == 'save':
            with open(path, 'wb') as f:
                f.write(got)
            continue
        with open(path, 'rb') as f:
            want = f.read()
        if got != want:
            bad += 1
            print('DIFFERS %s: %s' % (name, first_diff(want, got)))
    if args.what == 'save':
        print('saved %d outputs under %s' % (len(runs), od))
    else:
        print('%d of %d outputs identical' % (len(runs) - bad, len(runs)))
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
