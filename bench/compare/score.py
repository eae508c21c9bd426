#!/usr/bin/env python3
"""score.py — scores `parallax compare --json` on the labelled development set.

    bench/compare/score.py BENCH_DIR [--parallax build/parallax] [--half fit|test|all]
                           [--show-unmatched] [--show-unjudged] [--show-wrong] [--show-missed]
                           [--json OUT]

Reads the labels that exist (labels/<story>.json, LABELS.md), writes each
labelled story's articles (stories.py) to a temporary folder, runs compare
on it and matches the reported items (conflicts[]) to the labelled ones.

A reported item MATCHES a labelled item of its story when the slot families
agree (age, count, money and number are one family; every other slot is its
own) and 2 distinct articles have reported values matching the labelled
values for those articles (common.py: numbers numerically, names
case-insensitively as words, dates by ISO day or month-day, times by
minute).  Matching a labelled conflict or update with a reported conflict or
update also needs those 2 articles to hold different labelled values;
matching a labelled agreement with a reported agreement needs 2 articles that
are not near-copies of each other (the labels' "copies": a copy counts once).

  conflict precision  reported conflicts matching a labelled conflict / reported
                      conflicts (one matching a not-conflict, an agreement or an
                      update, or nothing, is wrong; --show-unmatched prints those
                      matching nothing, to be judged and added to the labels)
  conflict recall     labelled conflicts matched by a reported conflict / labelled
                      conflicts
  agreements right    reported agreements and compatibles matching a labelled
                      agreement or compatible / (those + the ones matching a
                      labelled conflict or not-conflict); the rest are unjudged
  updates             labelled updates reported as update, as conflict, or missed

Rows: fit (the half rules may be written on: in-sample), test (never looked
at: out-of-sample, the figure that counts), all.  Bars of issue #13, on
test: precision >= 0.90, recall >= 0.80, agreements >= 0.95 right, every
update shown as an update.
"""
import argparse, collections, json, os, shutil, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import stories  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def load_labels(d):
    labels = {}
    if not os.path.isdir(d):
        return labels
    for f in sorted(os.listdir(d)):
        if not f.endswith('.json'):
            continue
        try:
            lab = json.load(open(os.path.join(d, f)))
        except ValueError as e:
            sys.exit('score.py: %s: not JSON: %s' % (os.path.join(d, f), e))
        labels[lab.get('story') or f[:-5]] = lab
    return labels


def story_rows():
    rows = {}
    for line in list(open(os.path.join(HERE, 'stories.tsv')))[1:]:
        k, src, half, ids = line.rstrip('\n').split('\t')
        rows[k] = (half, ids.split(','))
    return rows


def want_of(slot, v):
    """What a labelled value is matched as (common.value_match's want)."""
    val = v.get('value')
    if common.family(slot) == 'date' and isinstance(val, str):
        p = common.iso_parts(val)
        if p:
            return {'month': p[1], 'day': p[2]} if p[0] is None else {'iso': val}
    return val if val not in (None, '') else v.get('surface')


def copy_groups(lab):
    """article id -> the id standing for its group of near-copies (labels' copies)."""
    parent = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x
    for pair in lab.get('copies') or []:
        for a in pair[1:]:
            ra, rb = find(pair[0]), find(a)
            if ra != rb:
                parent[rb] = ra
    return {x: find(x) for x in list(parent) + [p for pair in lab.get('copies') or [] for p in pair]}


def lab_match(rep, lab, ids, distinct, group=None):
    """Does reported item rep match labelled item lab? ids: article index -> id.
    distinct: the 2 articles must hold different labelled values (conflicts,
    updates); else (agreements) they must not be near-copies of each other."""
    if common.family(rep['slot']) != common.family(lab.get('slot') or ''):
        return False
    slot = lab['slot']
    lv = {}
    for v in lab.get('values') or []:
        lv.setdefault(v.get('article'), []).append(v)
    hits = []              # (article, labelled value folded)
    for v in rep['values']:
        aid = ids[v['article']] if isinstance(v.get('article'), int) and v['article'] < len(ids) else None
        for l in lv.get(aid, []):
            if common.value_match(slot, want_of(slot, l), v):
                hits.append((aid, common.fold(str(l.get('value')))))
    arts = set(a for a, _ in hits)
    if len(arts) < 2:
        return False
    if not distinct:
        return len(set((group or {}).get(a, a) for a in arts)) >= 2
    labvals = set(common.fold(str(v.get('value'))) for v in lab.get('values') or [])
    if len(labvals) < 2:
        return True
    for a, x in hits:
        for b, y in hits:
            if a != b and x != y:
                return True
    return False


def score_story(rep_items, lab, ids, dates):
    """Counts for one story, and the unmatched reported conflicts."""
    c = collections.Counter()
    grp = copy_groups(lab)
    per_slot = collections.defaultdict(collections.Counter)
    unmatched, unjudged, wrong, missed = [], [], [], []
    items = lab.get('items') or []
    conf = [i for i in items if i.get('judgment') == 'conflict']
    upd = [i for i in items if i.get('judgment') == 'update']
    agr = [i for i in items if i.get('judgment') in ('agreement', 'compatible')]
    notc = [i for i in items if i.get('judgment') == 'not-conflict']
    c['lab_conflicts'] = len(conf)
    c['lab_updates'] = len(upd)
    for it in rep_items:
        j = it['judgment']
        if j == 'conflict':
            c['rep_conflicts'] += 1
            per_slot[it['slot']]['rep_conflicts'] += 1
            if any(lab_match(it, l, ids, True) for l in conf):
                c['rep_conflicts_right'] += 1
                per_slot[it['slot']]['rep_conflicts_right'] += 1
            elif any(lab_match(it, l, ids, True) for l in upd):
                c['rep_conflicts_update'] += 1
                wrong.append(it)
            elif any(lab_match(it, l, ids, False) for l in notc + agr + conf + upd):
                c['rep_conflicts_wrong'] += 1
                wrong.append(it)
            else:
                c['rep_conflicts_unmatched'] += 1
                unmatched.append(it)
        elif j in ('agreement', 'compatible'):
            c['rep_agreements'] += 1
            if any(lab_match(it, l, ids, False, grp) for l in agr):
                c['agree_right'] += 1
            elif any(lab_match(it, l, ids, False) for l in conf + notc):
                c['agree_wrong'] += 1
            else:
                c['agree_unjudged'] += 1
                if any(lab_match(it, l, ids, False) for l in agr):
                    c['agree_copies'] += 1
                else:
                    unjudged.append(it)
        elif j == 'update':
            c['rep_updates'] += 1
    for l in conf:
        slot = l.get('slot')
        per_slot[slot]['lab_conflicts'] += 1
        if any(it['judgment'] == 'conflict' and lab_match(it, l, ids, True) for it in rep_items):
            c['lab_conflicts_found'] += 1
            per_slot[slot]['lab_conflicts_found'] += 1
        else:
            missed.append(l)
    for l in upd:
        if any(it['judgment'] == 'update' and lab_match(it, l, ids, True) for it in rep_items):
            c['upd_as_update'] += 1
        elif any(it['judgment'] == 'conflict' and lab_match(it, l, ids, True) for it in rep_items):
            c['upd_as_conflict'] += 1
        else:
            c['upd_missed'] += 1
    return c, per_slot, unmatched, unjudged, wrong, missed


def ratio(a, b):
    return '%.2f' % (a / b) if b else '  - '


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('bench')
    ap.add_argument('--parallax', default='build/parallax')
    ap.add_argument('--half', default='all', choices=['fit', 'test', 'all'])
    ap.add_argument('--show-unmatched', action='store_true',
                    help='print reported conflicts no label matches (to judge and label)')
    ap.add_argument('--show-unjudged', action='store_true',
                    help='print reported agreements no label matches')
    ap.add_argument('--show-wrong', action='store_true',
                    help='print reported conflicts matching a label that is not that conflict')
    ap.add_argument('--show-missed', action='store_true',
                    help='print labelled conflicts no reported conflict matches')
    ap.add_argument('--labels', default=os.path.join(HERE, 'labels'), help='the labels folder')
    ap.add_argument('--json', help='write the counts here')
    args = ap.parse_args()
    common.check_bench(args.bench, 'score.py')
    if not os.access(args.parallax, os.X_OK):
        sys.exit('score.py: %s: not an executable' % args.parallax)
    labels = load_labels(args.labels)
    rows = story_rows()
    todo = [k for k in sorted(labels) if k in rows and (args.half == 'all' or rows[k][0] == args.half)]
    for k in sorted(labels):
        if k not in rows:
            print('score.py: labels/%s.json: story not in stories.tsv, left out' % k, file=sys.stderr)
    if not todo:
        print('score.py: no labelled stories yet (bench/compare/labels/*.json) for half %s' % args.half)
        return
    docs = {**stories.gva_docs(args.bench), **stories.basil_docs(args.bench)}
    tmp = common.temp_dir('score-')
    tot = {h: collections.Counter() for h in ('fit', 'test', 'all')}
    slots = {h: collections.defaultdict(collections.Counter) for h in ('fit', 'test', 'all')}
    nstories = collections.Counter()
    try:
        for k in todo:
            half, ids = rows[k]
            byid = {d['id']: d for d in docs.get(k, [])}
            arts = [byid[i] for i in ids if i in byid]
            if len(arts) != len(ids):
                print('score.py: %s: %d of %d articles missing from %s' % (
                    k, len(ids) - len(arts), len(ids), args.bench), file=sys.stderr)
            path = os.path.join(tmp, k + '.jsonl')
            common.write_jsonl(path, arts)
            out, err = common.run_compare(args.parallax, path)
            if err:
                print('score.py: %s: compare failed: %s' % (k, err), file=sys.stderr)
                out = {}
            got_ids = [a.get('id') for a in (out.get('articles') or [])] or [a['id'] for a in arts]
            lab = labels[k]
            off = set(lab.get('off_topic') or [])
            lab = dict(lab, items=[dict(i, values=[v for v in i.get('values') or [] if v.get('article') not in off])
                                   for i in lab.get('items') or []])
            c, ps, unmatched, unjudged, wrong, missed = score_story(common.items(out), lab, got_ids, [a.get('date') for a in arts])
            for h in (half, 'all'):
                tot[h].update(c)
                nstories[h] += 1
                for s, cc in ps.items():
                    slots[h][s].update(cc)
            shown = ([('UNMATCHED', it) for it in unmatched] if args.show_unmatched else []) + \
                ([('UNJUDGED', it) for it in unjudged] if args.show_unjudged else []) + \
                ([('WRONG', it) for it in wrong] if args.show_wrong else [])
            if shown:
                for tag, it in shown:
                    print('%s %s (%s) %s/%s subject=%r' % (tag, k, half, it['judgment'], it['slot'], it['subject']))
                    for v in it['values']:
                        a = v['article']
                        print('   [%s %s] %r  (%s)' % (a, got_ids[a] if isinstance(a, int) and a < len(got_ids) else '?',
                                                    v['value'], (v.get('text') or '')[:120]))
            for l in missed if args.show_missed else []:
                print('MISSED %s (%s) %s entity=%r subject=%r: %s' % (
                    k, half, l.get('slot'), l.get('entity'), l.get('subject'), l.get('reason')))
                for v in l.get('values') or []:
                    a = v.get('article')
                    print('   [%s %s] %r  (%s)' % (got_ids.index(a) if a in got_ids else '?', a,
                                                v.get('value'), (v.get('surface') or '')[:120]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print('labelled set: fit = the half rules are written on (in-sample), test = never looked at '
          '(out-of-sample: the figure that counts)')
    print('%-5s %7s %9s %9s %6s %9s %6s %8s %9s %8s %8s' % (
        'half', 'stories', 'reported', 'precision', 'unmat', 'labelled', 'recall', 'agree-ok',
        'unjudged', 'upd:upd', 'upd:conf'))
    for h in ('fit', 'test', 'all'):
        c = tot[h]
        if not nstories[h]:
            continue
        print('%-5s %7d %9d %9s %6d %9d %6s %8s %9d %8s %8s' % (
            h, nstories[h], c['rep_conflicts'], ratio(c['rep_conflicts_right'], c['rep_conflicts']),
            c['rep_conflicts_unmatched'], c['lab_conflicts'],
            ratio(c['lab_conflicts_found'], c['lab_conflicts']),
            ratio(c['agree_right'], c['agree_right'] + c['agree_wrong']), c['agree_unjudged'],
            '%d/%d' % (c['upd_as_update'], c['lab_updates']),
            '%d/%d' % (c['upd_as_conflict'], c['lab_updates'])))
    for h in ('fit', 'test', 'all'):
        if nstories[h] and tot[h]['agree_copies']:
            print('%s: %d of the unjudged agreements rest on near-copies only (labels\' copies)' % (
                h, tot[h]['agree_copies']))
    halves = [h for h in ('fit', 'test', 'all') if nstories[h]]
    print('per slot: reported conflicts right/reported (by reported slot), labelled conflicts '
          'found/labelled (by labelled slot)')
    print('  %-14s' % 'slot' + ''.join('  %9s %13s' % (h + ' right', h + ' found') for h in halves))
    for s in sorted(set(x for h in halves for x in slots[h])):
        row = '  %-14s' % s
        for h in halves:
            cc = slots[h][s]
            row += '  %9s %13s' % ('%d/%d' % (cc['rep_conflicts_right'], cc['rep_conflicts']),
                                   '%d/%d' % (cc['lab_conflicts_found'], cc['lab_conflicts']))
        print(row)
    print('bars (issue #13), on test: precision >= 0.90, recall >= 0.80, agreements >= 0.95 right, '
          'every labelled update shown as an update')
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({h: dict(tot[h], stories=nstories[h]) for h in tot}, f, indent=1)


if __name__ == '__main__':
    main()
