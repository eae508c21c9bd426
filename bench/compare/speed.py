#!/usr/bin/env python3
"""speed.py — how long `parallax compare --json` takes as stories grow.

    bench/compare/speed.py BENCH_DIR [--parallax build/parallax] [--timeout 120]
                           [--sizes 3,10,50,200,1000] [--runs 3]

Inputs are real articles: the Gun Violence Archive articles
(BENCH_DIR/clustering/gva_semeval2018t5/docs.jsonl.xz, text_suspect left
out), grouped by incident, incidents in file order, the first n articles as
one JSONL file of n articles (1,000 takes the articles of all incidents in
order).  Then two identical articles of 5 MB each, one article being real
GVA texts joined until 5 MB.

Each size runs --runs times (the big articles too when a run takes under 10 s) (best kept, wall clock) with a --timeout per run;
prints seconds, articles/s, and the growth exponent between successive sizes
(log(t2/t1) / log(n2/n1) of CPU time: 1 is linear, 2 quadratic), wall and CPU seconds
(the machine may be shared: CPU time is the one-core figure).  Bars of issue #13:
1,000 articles under 2 s on one core; two identical 5 MB articles under 5 s.
"""
import argparse, collections, json, lzma, math, os, resource, shutil, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import stories  # noqa: E402


def gva_in_order(bench):
    path = os.path.join(bench, 'clustering/gva_semeval2018t5/docs.jsonl.xz')
    by = collections.OrderedDict()
    for line in lzma.open(path, 'rt'):
        d = json.loads(line)
        if d.get('text_suspect'):
            continue
        by.setdefault(d['incident'], []).append({
            'id': d['id'], 'outlet': stories.host(d['url']) or None, 'date': d['date'],
            'title': d['title'], 'url': d['url'], 'text': d['text']})
    return [d for docs in by.values() for d in docs]


def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def time_run(parallax, path, timeout):
    """(wall seconds, CPU seconds) of one run, or (None, error)."""
    t, c = time.monotonic(), cpu()
    try:
        p = subprocess.run([parallax, 'compare', '--json', path], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 'timeout (%d s)' % timeout
    dt, dc = time.monotonic() - t, cpu() - c
    if p.returncode != 0:
        return None, 'exit %d: %s' % (p.returncode, p.stderr.decode(errors='replace').strip()[:160])
    return (dt, dc), None


def best(parallax, path, timeout, runs):
    ts = []
    for _ in range(runs):
        dt, err = time_run(parallax, path, timeout)
        if err:
            return None, err
        ts.append(dt)
    return min(ts), None    # the fastest wall time, with its CPU time


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('bench')
    ap.add_argument('--parallax', default='build/parallax')
    ap.add_argument('--timeout', type=float, default=120)
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--sizes', default='3,10,50,200,1000')
    ap.add_argument('--mb', type=float, default=5, help='size of the big article (5 MB)')
    args = ap.parse_args()
    common.check_bench(args.bench, 'speed.py', basil=False)
    if not os.access(args.parallax, os.X_OK):
        sys.exit('speed.py: %s: not an executable' % args.parallax)
    arts = gva_in_order(args.bench)
    tmp = common.temp_dir('speed-')
    try:
        print('compare --json on n real GVA articles (incidents in order), best of %d, timeout %d s' % (
            args.runs, args.timeout))
        print('%8s %9s %9s %11s %8s' % ('articles', 'seconds', 'cpu s', 'articles/s', 'growth'))
        prev = None
        for n in [int(x) for x in args.sizes.split(',')]:
            if n > len(arts):
                print('%8d  only %d articles in the data' % (n, len(arts)))
                continue
            path = os.path.join(tmp, 'n%d.jsonl' % n)
            common.write_jsonl(path, arts[:n])
            dt, err = best(args.parallax, path, args.timeout, args.runs)
            if err:
                print('%8d  %s' % (n, err))
                prev = None
                continue
            dt, dc = dt
            g = ''
            if prev and dc > 0 and prev[1] > 0:
                g = 'n^%.2f' % (math.log(dc / prev[1]) / math.log(n / prev[0]))
            print('%8d %9.3f %9.3f %11.1f %8s' % (n, dt, dc, n / dt if dt else 0, g))
            prev = (n, dc)
        # two identical big articles
        target = int(args.mb * 1000 * 1000)
        parts, size = [], 0
        i = 0
        while size < target:
            t = arts[i % len(arts)]['text']
            parts.append(t)
            size += len(t.encode()) + 2
            i += 1
        text = '\n\n'.join(parts)
        big = [{'id': 'big-%d' % k, 'outlet': 'example%d.com' % k, 'date': '2017-01-09',
                'title': 'Joined GVA articles', 'url': 'https://example%d.com/big' % k, 'text': text}
               for k in (1, 2)]
        path = os.path.join(tmp, 'big.jsonl')
        common.write_jsonl(path, big)
        dt, err = time_run(args.parallax, path, args.timeout)
        if not err and dt[0] < 10 and args.runs > 1:     # quick enough: best of --runs
            dt2, err = best(args.parallax, path, args.timeout, args.runs - 1)
            dt = min(dt, dt2) if not err else dt
            err = None
        mb = len(text.encode()) / 1e6
        if err:
            print('two identical %.1f MB articles: %s' % (mb, err))
        else:
            print('two identical %.1f MB articles: %.3f s (cpu %.3f s, %.1f MB/s)' % (mb, dt[0], dt[1], 2 * mb / dt[0]))
        print('bars (issue #13): 1,000 articles under 2 s on one core; two identical 5 MB articles under 5 s')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
