#!/usr/bin/env python3
"""stories.py — the labelled development set's stories, and their articles.

    bench/compare/stories.py list SHARED_BENCH        writes stories.tsv (the choice, committed)
    bench/compare/stories.py write SHARED_BENCH OUT   one OUT/<story>.jsonl per story in stories.tsv

The choice is fixed by hashing, never by reading: 40 Gun Violence Archive
incidents with 3 to 8 articles (articles flagged text_suspect left out) and
10 BASIL events, each ordered by sha256 of its id.  Alternate stories go to
the halves "fit" (rules may be written and weights fitted looking at these)
and "test" (looked at only to report a figure).

Each article line has id, outlet (the host of its URL for GVA, the outlet
code for BASIL), date, title, url and text: what `parallax compare` reads.
"""
import collections, hashlib, json, lzma, os, sys
from urllib.parse import urlsplit

def sha(s):
    return hashlib.sha256(s.encode()).hexdigest()

def host(url):
    h = (urlsplit(url).hostname or '').lower()
    return h[4:] if h.startswith('www.') else h

def gva_docs(bench):
    path = os.path.join(bench, 'clustering/gva_semeval2018t5/docs.jsonl.xz')
    by = collections.defaultdict(list)
    for line in lzma.open(path, 'rt'):
        d = json.loads(line)
        if d.get('text_suspect'):
            continue
        by['gva-' + d['incident']].append({'id': d['id'], 'outlet': host(d['url']) or None,
                                           'date': d['date'], 'title': d['title'],
                                           'url': d['url'], 'text': d['text']})
    return by

def basil_docs(bench):
    by = collections.defaultdict(list)
    for line in open(os.path.join(bench, 'basil/basil.jsonl')):
        d = json.loads(line)
        by['basil-' + d['cluster']].append({'id': d['id'], 'outlet': d['outlet'].lower(),
                                            'date': d['date'], 'title': d['title'],
                                            'url': d['url'], 'text': d['text']})
    return by

def choose(bench):
    gva, basil = gva_docs(bench), basil_docs(bench)
    g = sorted((k for k, v in gva.items() if 3 <= len(v) <= 8), key=sha)[:40]
    b = sorted(basil, key=sha)[:10]
    rows = []
    for i, k in enumerate(g):
        rows.append((k, 'gva', 'fit' if i % 2 == 0 else 'test', [d['id'] for d in gva[k]]))
    for i, k in enumerate(b):
        rows.append((k, 'basil', 'fit' if i % 2 == 0 else 'test', [d['id'] for d in basil[k]]))
    return rows

def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ('list', 'write'):
        sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    bench = sys.argv[2]
    if sys.argv[1] == 'list':
        with open(os.path.join(here, 'stories.tsv'), 'w') as f:
            f.write('story\tsource\thalf\tarticles\n')
            for k, src, half, ids in choose(bench):
                f.write('%s\t%s\t%s\t%s\n' % (k, src, half, ','.join(ids)))
        return
    out = sys.argv[3]
    os.makedirs(out, exist_ok=True)
    docs = {**gva_docs(bench), **basil_docs(bench)}
    for line in list(open(os.path.join(here, 'stories.tsv')))[1:]:
        k, src, half, ids = line.rstrip('\n').split('\t')
        byid = {d['id']: d for d in docs[k]}
        with open(os.path.join(out, k + '.jsonl'), 'w') as f:
            for i in ids.split(','):
                f.write(json.dumps(byid[i], ensure_ascii=False) + '\n')

if __name__ == '__main__':
    main()
