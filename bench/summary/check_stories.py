#!/usr/bin/env python3
"""check_stories.py — the summary's lines against the outlets they cite, on
the labelled development set's stories (bench/compare/stories.tsv).

    bench/summary/check_stories.py STORY_DIR [--half fit|test|all] [--show]

STORY_DIR holds <story>.jsonl as `bench/compare/stories.py write` makes
them.  For every summary line and every other article it cites, the line's
numbers (digits, and number words one to twenty) and its capitalised words
after the first (names, mostly) must occur in that article's text, in any
case: a check made from the text alone, independent of parallax's
alignment.  Any case, because capitals in names are house style: a title
("President Obama" / "president Barack Obama") or the common noun of a
place ("Shurtleff Street" / "Shurtleff and Bellingham streets") is
capitalised by one outlet and not by another, and the summary's own test
(summary_cite.c) folds case too.  The same-case share is printed beside
it.  A line's closing "(Disputed: ...)" or "(Updated: ...)" note is left
out of the check: it names the values of outlets the line does not cite.
Printed:
lines, the share of citations supported, lines per summary, words,
empty summaries, and lines that look like fragments (no closing full stop)
or furniture (a "Click here"/"Copyright"/"VIDEO:" style phrase).
"""
import argparse, json, os, re, subprocess, sys

TOP = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../..')
NUMWORDS = ('one two three four five six seven eight nine ten eleven twelve thirteen fourteen '
            'fifteen sixteen seventeen eighteen nineteen twenty').split()
FURNITURE = re.compile(r'click here|copyright|all rights reserved|javascript|subscribe|newsletter|'
                       r'^[A-Z]{3,}:|read more|follow us|\u00a9', re.I)
NOTE = re.compile(r'\s*\((?:Disputed|Updated): .*\)\s*$')
SMALL = set('A An The In On At For And But Or Of To By With From As Police Officers He She They It '
            'His Her Their This That These Those Monday Tuesday Wednesday Thursday Friday Saturday '
            'Sunday'.split())


def anchors(line):
    words = re.findall(r"[A-Za-z][A-Za-z'\u2019-]*|\d+(?:[.,]\d+)?", line)
    nums = [w for w in words if w[0].isdigit()] + [w.lower() for w in words if w.lower() in NUMWORDS]
    names = [w for w in words[1:] if w[0].isupper() and w not in SMALL and len(w) > 1]
    return nums, names


def carried(text, nums, names, fold=False):
    low = text.lower()
    for n in nums:
        if not re.search(r'(?<![\d.,])' + re.escape(n.lower()) + r'(?![\d])', low):
            return False
    return all(re.search(r'\b' + re.escape(n.split("'")[0].split('\u2019')[0]), text, re.I if fold else 0)
               for n in names)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dir')
    ap.add_argument('--half', default='fit')
    ap.add_argument('--show', action='store_true')
    ap.add_argument('--parallax', default=os.path.join(TOP, 'build/parallax'))
    a = ap.parse_args()
    rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(TOP, 'bench/compare/stories.tsv'))][1:]
    stories = [r[0] for r in rows if a.half == 'all' or r[2] == a.half]
    lines = cites = ok = same = empty = frag = furn = words = 0
    for s in stories:
        path = os.path.join(a.dir, s + '.jsonl')
        arts = [json.loads(l) for l in open(path)]
        p = subprocess.run([a.parallax, 'compare', '--json', path], capture_output=True, text=True)
        summ = json.loads(p.stdout)['summary']
        empty += not summ
        for line in summ:
            lines += 1
            t = line['text']
            words += len(t.split())
            frag += not re.search(r'[.!]["\u201d\u2019\')]*\s*$', t)
            furn += bool(FURNITURE.search(t))
            nums, names = anchors(NOTE.sub('', t))  # the note names what other outlets give
            for k in line['support']:
                if k == line['article']:
                    continue
                cites += 1
                good = carried(arts[k]['text'], nums, names, fold=True)
                ok += good
                same += carried(arts[k]['text'], nums, names)
                if a.show and not good:
                    print('%s: not in article %d: %s' % (s, k, t))
    print('%s half: %d stories, %d summary lines (%.2f a summary, %.1f words a line), %d empty'
          % (a.half, len(stories), lines, lines / max(len(stories), 1), words / max(lines, 1), empty))
    print('citations to another outlet: %d, supported by its text: %d (%.3f); names in the same case: %d (%.3f)'
          % (cites, ok, ok / max(cites, 1), same, same / max(cites, 1)))
    print('lines that look like fragments: %d, like furniture: %d' % (frag, furn))


if __name__ == '__main__':
    main()
