#!/usr/bin/env python3
"""neus.py — parallax's story summary against NeuS/AllSides roundups.

    bench/summary/neus.py DATA [--split val|train] [--parallax PATH] [--jobs N]

DATA holds SPLIT.source and SPLIT.target (NeuS's layout: three outlets'
"TITLE=> ... ARTICLE=> ..." joined by [SEP]; the target's ARTICLE text is
the editors' neutral roundup).  Each story's three parts become three
articles (title + excerpt, outlets unknown: A, B, C), compared with
`parallax compare --json`; the summary lines' text, joined, is scored with
ROUGE-1/2/L F1 (rouge.py) against the roundup, mean over stories, an empty
summary scoring 0.  Printed beside it, computed here the same way:

  lead      the first sentence of each excerpt (3 sentences)
  centroid  the 3 sentences closest (cosine, tf-idf over the split's
            excerpts) to the story's centroid
  oracle    sentences added greedily while ROUGE-2 against the reference
            rises, up to ORACLE_WORDS words: a ceiling, not a baseline

and a 2-fold view: stories split by line-index parity (even, odd).
"""
import argparse, collections, concurrent.futures, json, math, os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rouge  # noqa: E402

ORACLE_WORDS = 100
PART = re.compile(r'TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)', re.S)
SENT = re.compile(r'(?<=[.!?])["\u201d\u2019\')]*\s+(?=["\u201c\u2018(]?[A-Z0-9])')


def parse(line):
    parts = []
    for chunk in line.split('[SEP]'):
        m = PART.match(chunk.strip())
        if m:
            title = m.group(1).strip()
            parts.append((title[:-1] if title.endswith('.') else title, m.group(2).strip()))
        else:
            parts.append(('', chunk.strip()))
    return parts


def reference(line):
    m = PART.match(line.strip())
    return m.group(2).strip() if m else line.strip()


def sentences(text):
    return [s.strip() for s in SENT.split(text) if s.strip()]


def run_parallax(binary, story, parts, tmp):
    path = os.path.join(tmp, '%04d.jsonl' % story)
    with open(path, 'w') as f:
        for k, (title, text) in enumerate(parts):
            f.write(json.dumps({'id': '%d-%s' % (story, 'ABCDEFGH'[k % 8]), 'outlet': 'ABCDEFGH'[k % 8],
                                'title': title if text else '', 'text': text or title}) + '\n')  # no excerpt: its headline
    p = subprocess.run([binary, 'compare', '--json', path], capture_output=True, text=True)
    try:  # an article it could not read is left out, and the rest compared (exit status 1)
        return [line['text'] for line in json.loads(p.stdout).get('summary', [])], None
    except ValueError:
        return None, p.stderr.strip()


def words(s):
    return len(s.split())


def centroid_pick(sents, idf, k=3):
    def vec(s):
        tf = collections.Counter(rouge.tokens(s))
        return {t: (1 + math.log(c)) * idf.get(t, 0.0) for t, c in tf.items()}
    vecs = [vec(s) for s in sents]
    cen = collections.Counter()
    for v in vecs:
        cen.update(v)
    def cos(v):
        dot = sum(w * cen[t] for t, w in v.items())
        n = math.sqrt(sum(w * w for w in v.values())) * math.sqrt(sum(w * w for w in cen.values()))
        return dot / n if n else 0.0
    order = sorted(range(len(sents)), key=lambda i: -cos(vecs[i]))[:k]
    return [sents[i] for i in sorted(order)]


def oracle_pick(sents, ref):
    chosen, best, total = [], 0.0, 0
    while True:
        step = None
        for i, s in enumerate(sents):
            if i in chosen or total + words(s) > ORACLE_WORDS:
                continue
            r2 = rouge.score(' '.join(sents[j] for j in sorted(chosen + [i])), ref)[1]
            if r2 > best + 1e-9 and (step is None or r2 > step[1]):
                step = (i, r2)
        if step is None:
            break
        chosen.append(step[0])
        best = step[1]
        total += words(sents[step[0]])
    return [sents[i] for i in sorted(chosen)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('data')
    ap.add_argument('--split', default='val')
    ap.add_argument('--parallax', default=os.path.join(os.path.dirname(__file__), '../../build/parallax'))
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--limit', type=int, default=0, help='first N stories only')
    ap.add_argument('--dump', help='write each story\'s summary as JSON lines here')
    a = ap.parse_args()
    src = open(os.path.join(a.data, a.split + '.source'), encoding='utf-8').read().splitlines()
    tgt = open(os.path.join(a.data, a.split + '.target'), encoding='utf-8').read().splitlines()
    if len(src) != len(tgt):
        sys.exit('%s: %d sources but %d targets' % (a.data, len(src), len(tgt)))
    if a.limit:
        src, tgt = src[:a.limit], tgt[:a.limit]
    stories = [parse(line) for line in src]
    refs = [reference(line) for line in tgt]

    df, ndocs = collections.Counter(), 0
    for parts in stories:
        for _, text in parts:
            df.update(set(rouge.tokens(text)))
            ndocs += 1
    idf = {t: math.log(ndocs / c) for t, c in df.items()}

    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        futs = [pool.submit(run_parallax, a.parallax, i, parts, tmp) for i, parts in enumerate(stories)]
        outs = [f.result() for f in futs]

    systems = collections.OrderedDict((k, []) for k in ('parallax', 'lead', 'centroid', 'oracle'))
    empty, failed, pwords, plines = 0, 0, [], []
    dump = open(a.dump, 'w') if a.dump else None
    for i, (parts, ref) in enumerate(zip(stories, refs)):
        lines, err = outs[i]
        if lines is None:
            failed += 1
            print('story %d: parallax failed: %s' % (i, err), file=sys.stderr)
            lines = []
        if not lines:
            empty += 1
        text = ' '.join(lines)
        pwords.append(words(text))
        plines.append(len(lines))
        sents = [s for _, t in parts for s in sentences(t)]
        picks = {'parallax': text,
                 'lead': ' '.join(sentences(t)[0] for _, t in parts if sentences(t)),
                 'centroid': ' '.join(centroid_pick(sents, idf)),
                 'oracle': ' '.join(oracle_pick(sents, ref))}
        for k, v in picks.items():
            systems[k].append(rouge.score(v, ref) if v else (0.0, 0.0, 0.0))
        if dump:
            dump.write(json.dumps({'story': i, 'summary': lines, 'reference': ref}) + '\n')

    n = len(stories)
    print('NeuS %s: %d stories, data %s' % (a.split, n, a.data))
    print('scorer: %s' % rouge.backend())
    print('%-10s %7s %7s %7s   %7s %7s' % ('system', 'R-1', 'R-2', 'R-L', 'R-2 even', 'R-2 odd'))
    for k, rows in systems.items():
        mean = [100 * sum(r[j] for r in rows) / n for j in range(3)]
        even = [r[1] for i, r in enumerate(rows) if i % 2 == 0]
        odd = [r[1] for i, r in enumerate(rows) if i % 2 == 1]
        print('%-10s %7.2f %7.2f %7.2f   %7.2f %7.2f' % (k, mean[0], mean[1], mean[2],
              100 * sum(even) / max(len(even), 1), 100 * sum(odd) / max(len(odd), 1)))
    best = max(100 * sum(r[1] for r in systems[k]) / n for k in ('lead', 'centroid'))
    par = 100 * sum(r[1] for r in systems['parallax']) / n
    print('parallax: %d empty summaries, %d failed, mean %.1f words, %.2f lines; reference mean %.1f words'
          % (empty, failed, sum(pwords) / n, sum(plines) / n, sum(words(r) for r in refs) / n))
    print('parallax R-2 / best baseline R-2 = %.3f (bar 1.100)' % (par / best if best else 0))


if __name__ == '__main__':
    main()
