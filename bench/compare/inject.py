#!/usr/bin/env python3
"""inject.py — the injected-conflict bench of issue #13.

    bench/compare/inject.py BENCH_DIR [--parallax build/parallax] [--limit N]
                            [--seed S] [--kinds name,age,...] [--json OUT] [--list]
                            [--fold even|odd|all] [--jobs 2]

Stories: the 100 BASIL events (BENCH_DIR/basil/basil.jsonl, 3 outlets each)
and the Gun Violence Archive incidents with 2 or more articles
(BENCH_DIR/clustering/gva_semeval2018t5/docs.jsonl.xz; text_suspect left out).

A case takes one fact that 2 or more articles of a story state, found by
plain regular expressions over the raw text, and changes it in ONE article,
everywhere in that article (for ages, counts, days and times, only articles
whose sentence holding the value shares 2+ content words with such a
sentence of another article count as stating it: the same fact):

  name           a person's surname or given name (in 2+ articles) spelled as a
                 variant: one letter substituted, transposed, doubled or undoubled
  age            "15-year-old", "Smith, 23,", "aged 23" -> a neighbouring age (+-1..3)
  count          "two men", "three people", "killed 5" -> a neighbouring count
                 (words stay words)
  date           a weekday -> the adjacent weekday; a month-day -> the adjacent day
  time           "10:30 p.m." -> shifted by 10 to 50 minutes, beyond what the old
                 time allows as the articles qualify it ("about 8" holds 7:45-8:15)
  quote-wording  a quote of 5+ words that 2+ articles carry -> one content word
                 changed in one article
  quote-speaker  such a quote, its speaker named in its own sentence in 2+ articles
                 -> the name replaced by another person the same article names

`parallax compare --json` runs on the story as it is (the baseline, once per
story) and as changed.  A case is DETECTED when a reported item with judgment
"conflict" (or "update", for counts, when the two articles' dates are a day
or more apart) has the changed article's value matching the new value and
another article's value matching the original (common.py: numbers
numerically, names case-insensitive as words, dates by weekday / month-day,
times by minute).  WRONG KIND: the values are found, but judged agreement or
compatible, or in a slot of another family.  COLLATERAL: conflicts of the
changed run absent from the baseline (compared by slot and sorted values),
not holding the new value: a mean per case.

The choice is deterministic given --seed: candidates are listed in a fixed
order, shuffled by the seed, and taken round-robin over stories (one per
story before any story gives a second) up to --limit per kind.  The
fold-split view gives recall on stories whose sha256(story id) is even and
odd, so rules can be fitted on one half and reported on the other.
"""
import argparse, collections, concurrent.futures, json, os, random, re, shutil, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import stories  # noqa: E402

KINDS = ['name', 'age', 'count', 'date', 'time', 'quote-wording', 'quote-speaker']
FAMILY = {'name': {'name'}, 'age': {'numeric'}, 'count': {'numeric'}, 'date': {'date'},
          'time': {'time'}, 'quote-wording': {'quote-wording'},
          'quote-speaker': {'quote-speaker'}}
SLOT_FOR = {'name': 'name', 'age': 'age', 'count': 'count', 'date': 'date', 'time': 'time',
            'quote-wording': 'quote-wording', 'quote-speaker': 'quote-speaker'}

# ---- people ------------------------------------------------------------------

CAP = r"(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![A-Za-z])(?!['\u2019]s\b)"
FULL = r"(%s)(?:\s[A-Z]\.)?\s(%s)" % (CAP, CAP)
NOT_NAME = set('''The A An In On At Of For And But Or If When While After Before Police County City
Street Avenue Road Drive Lane Boulevard Department Sheriff Office News Court State University
College School High Middle Church Hospital Center Medical Park North South East West New Saint St
Mr Mrs Ms Dr Officer Sgt Lt Detective Chief Sen Senator Rep Gov Governor President Judge Mayor
Deputy Attorney General Coach Pastor Rev Captain Capt Lieutenant Sergeant Trooper Agent Director
Secretary Minister Prime Justice Commissioner Superintendent Spokesman Spokeswoman Republican
Republicans Democrat Democrats Democratic American Americans United States America Washington
January February March April May June July August September October November December Monday
Tuesday Wednesday Thursday Friday Saturday Sunday Associated Press Reuters Fox CNN Times Post
Journal Tribune Herald Daily Channel Facebook Twitter Instagram Google Video Photo Copyright
Read Share Click Related Previous This That These Those He She They His Her Their It Its We I You
Police Fire Department Authorities Investigators Officials Family Friends Lake River Mount Fort
Beach Valley Hill Hills Heights Island Bay County's White House Senate Congress
Party Committee National Federal Bureau Security Homeland Justice Service Services Health Human
Colonel Col Major Maj Private Pvt Corporal Cpl Professor Prof Councilman Councilwoman Alderman
Alderwoman Father Sister Brother Uncle Aunt Sen Metro Police Sheriff Patrol Fire Rescue Assemblyman Assemblywoman Congressman Congresswoman
San Santa Los Las El La Le De Del Des Du Van Von Christmas Easter Thanksgiving God Jesus Lord Black Latino Hispanic Asian Muslim Christian Jewish
'''.split())
TITLES = (r"(?:Mr\.|Mrs\.|Ms\.|Dr\.|Officer|Sgt\.|Sergeant|Lt\.|Lieutenant|Detective|Chief|Sen\.|"
          r"Senator|Rep\.|Gov\.|Governor|President|Judge|Mayor|Sheriff|Deputy|Attorney|Coach|"
          r"Pastor|Rev\.|Capt\.|Captain|Trooper|Agent|Director|Secretary|Commissioner|spokesman|"
          r"spokeswoman|Cpl\.|Corporal)")
STRONG_CUES = [
    r"(?:identified as|named|victim,?|suspect,?|son|daughter|wife|husband|mother|father|brother|"
    r"sister|boyfriend|girlfriend|cousin|uncle|aunt|grandmother|grandfather)\s" + FULL,
    FULL + r",\s(?:\d{1,2},|who\s)",
    r"\d{1,2}-year-old\s" + FULL,
    TITLES + r"\s" + FULL,
]
LOOSE_CUES = [
    r"(?:said|says|told|added|according to|charged|arrested)\s" + FULL,
    FULL + r"(?:\s(?:said|says|told|was|is|who|had|has)\b|,\s(?:a|an|the|his|her)\s)",
]


def persons(text):
    """Full names (given, surname) that look like people in one text: named
    with an age, a title or a relation, or with a speech verb when the
    surname is also used alone (people are; organisations rarely are)."""
    found = set()
    for strong, pats in ((True, STRONG_CUES), (False, LOOSE_CUES)):
        for pat in pats:
            for m in re.finditer(pat, text):
                g, s = m.group(1), m.group(2)
                if g in NOT_NAME or s in NOT_NAME or len(s) < 3 or len(g) < 2 or (g, s) in found:
                    continue
                if not strong and not re.search(r"(?<![A-Za-z.] )(?<![A-Za-z])%s(?![A-Za-z])" % re.escape(s),
                                                 text.replace(g + ' ' + s, '')):
                    continue
                found.add((g, s))
    return found


def name_variants(w, rng):
    """Realistic one-letter variants of a name, in a fixed order then shuffled."""
    subs, others = [], []
    out = subs
    low = w.lower()
    swaps = {'e': 'i', 'i': 'e', 'a': 'e', 'y': 'i', 'o': 'a', 'u': 'o', 'c': 'k', 'k': 'c',
             's': 'z', 'z': 's', 'ph': 'f', 'f': 'ph'}
    for i in range(1, len(w)):
        ch = low[i]
        if ch in swaps and len(swaps[ch]) == 1 and not (w.startswith(('Mc', 'Mac')) and i <= 2) and low[i - 1:i + 2] not in ('ck', 'cc', 'kk') \
                and low[i:i + 2] not in ('ck', 'cc', 'kk') and low[i - 1:i + 1] not in ('ck', 'kk'):
            out.append(w[:i] + swaps[ch] + w[i + 1:])
    out = others
    for i in range(1, len(w) - 2):          # transpose two inner letters
        if w[i] != w[i + 1] and w[i].islower() and w[i + 1].islower():
            out.append(w[:i] + w[i + 1] + w[i] + w[i + 2:])
    for i in range(1, len(w) - 1):          # double / undouble an inner consonant
        if low[i] not in 'aeiouy' and w[i].islower():
            if i + 1 < len(w) and w[i + 1] == w[i]:
                out.append(w[:i] + w[i + 1:])
            elif w[i - 1] != w[i] and low[i - 1] in 'aeiouy' and low[i] in 'lnrtsmdp':
                out.append(w[:i + 1] + w[i] + w[i + 1:])
    if 'ie' in w[1:]:
        subs.append(w[0] + w[1:].replace('ie', 'ei', 1))
    elif 'ei' in w[1:]:
        subs.append(w[0] + w[1:].replace('ei', 'ie', 1))
    subs = sorted(set(v for v in subs if v != w and v[0].isupper()))
    others = sorted(set(v for v in others if v != w and v[0].isupper() and v not in subs))
    rng.shuffle(subs)
    rng.shuffle(others)
    # two in three cases a substituted letter (Meyer/Meier), else a doubled,
    # undoubled or transposed one
    return subs + others if subs and rng.random() < 0.67 else others + subs


def wre(word):
    return re.compile(r"(?<![A-Za-z])%s(?![A-Za-z])" % re.escape(word))


def cand_name(story, docs, rng):
    texts = [d['text'] for d in docs]
    people = set()
    for t in texts:
        people |= persons(t)
    alltext = '\n'.join(texts)
    out = []
    seen = set()
    for g, s in sorted(people):
        for tok, role in ((s, 'surname'), (g, 'given')):
            if tok in seen or tok in NOT_NAME or len(tok) < 4:
                continue
            seen.add(tok)
            if re.search(r"(?<![A-Za-z])%s(?![A-Za-z])" % re.escape(tok.lower()), alltext):
                continue                     # also a common word
            arts = [i for i, t in enumerate(texts) if wre(tok).search(t)]
            if len(arts) < 2:
                continue
            if role == 'given':              # one person only with this given name
                after = set(re.findall(r"(?<![A-Za-z])%s(?:\s[A-Z]\.)?\s(%s)" % (re.escape(tok), CAP), alltext))
                if after - {s}:
                    continue
            for v in name_variants(tok, rng):
                if not wre(v).search(alltext):
                    break
            else:
                continue
            out.append({'kind': 'name', 'arts': arts, 'edits': [(r"(?<![A-Za-z])%s(?![A-Za-z])" % re.escape(tok), v)],
                        'orig': tok, 'new': v, 'want_orig': tok, 'want_new': v,
                        'detail': '%s of %s %s' % (role, g, s), 'sub': role})
    return out


# ---- numbers -------------------------------------------------------------------

WORDNUM = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
           'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen',
           'eighteen', 'nineteen', 'twenty']
AGE_PATS = [r"(?<![\d.,$/])(\d{1,2})(-| )years?(-| )old\b", r"(?<=[a-z]), (\d{1,2}),(?= )",
            r"\baged? (\d{1,2})\b"]


def ages(text):
    """{age: [(start, end) of the digits]} for the age patterns."""
    res = collections.defaultdict(list)
    for i, pat in enumerate(AGE_PATS):
        for m in re.finditer(pat, text):
            if i == 1 and not re.search(r"[A-Z][a-z]+$", text[max(0, m.start() - 30):m.start()]):
                continue
            res[int(m.group(1))].append(m.span(1) + (('year-old', 'apposition', 'aged')[i],))
    return res


def apply_spans(text, spans, new):
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + new + text[b:]
    return text


def neighbour(rng, n, lo, taken, maxd=3):
    opts = [n + d for d in (-3, -2, -1, 1, 2, 3) if abs(d) <= maxd and n + d >= lo and n + d not in taken]
    return rng.choice(opts) if opts else None


def shared(per):
    """(key, articles) for each key that 2+ of the articles' maps hold, in key order."""
    for k in sorted(set(k for p in per for k in p)):
        arts = [i for i, p in enumerate(per) if k in p]
        if len(arts) >= 2:
            yield k, arts


def cand_age(story, docs, rng):
    per = [ages(d['text']) for d in docs]
    allages = set(a for p in per for a in p)
    out = []
    for a, arts in shared(per):
        if a < 1:
            continue
        new = neighbour(rng, a, 1, allages)
        if new is None:
            continue
        out.append({'kind': 'age', 'arts': arts, 'spans': [p.get(a, []) for p in per],
                    'orig': str(a), 'new': str(new), 'want_orig': a, 'want_new': new,
                    'detail': 'age %d' % a})
    for c in out:
        c['spans'] = [[sp[:2] for sp in x] for x in c['spans']]
        c['pats'] = [sorted(set(sp[2] for sp in x)) for x in [p.get(int(c['orig']), []) for p in per]]
    return out


COUNT_NOUNS = (r"people|persons|men|women|teens|teenagers|children|kids|boys|girls|victims|suspects|"
               r"officers|shots|rounds|bullets|individuals|adults|students|deputies|gunmen|"
               r"brothers|sisters|friends|juveniles|males|females|vehicles|cars|guns|"
               r"handguns|rifles|men and women")
NUMTOK = r"(\d{1,3}|%s)" % '|'.join(w.capitalize() + '|' + w for w in WORDNUM[2:])
COUNT_PATS = [
    NUMTOK + r"\s(?:(?:other|more|young|teenage|adult|armed|masked|unidentified|separate|different|"
             r"unknown|male|female|black|white|hispanic|local|additional|innocent)\s)?(" + COUNT_NOUNS + r")\b",
    r"\b(?:killed|killing|wounded|wounding|injured|injuring|shot|shooting|leaving|left|hit|striking|struck)\s"
    + NUMTOK + r"\b(?!\s*(?:-|years?|days?|hours?|minutes?|weeks?|months?|times|p\.m|a\.m|o'clock|of\b|%))",
]


def counts(text):
    """{(number, what): [spans of the number]}."""
    res = collections.defaultdict(list)
    taken = set()
    for i, pat in enumerate(COUNT_PATS):
        for m in re.finditer(pat, text):
            tok = m.group(1)
            if text[max(0, m.start(1) - 1):m.start(1)] in ('$', '.', ',', '-', ':', '#', '/'):
                continue
            if m.span(1) in taken:
                continue
            taken.add(m.span(1))
            n = int(tok) if tok.isdigit() else WORDNUM.index(tok.lower())
            what = m.group(2).lower() if i == 0 else m.group(0).split()[0].lower()
            res[(n, what)].append(m.span(1))
    return res


def render_num(n, like):
    if like.isdigit():
        return str(n)
    if n >= len(WORDNUM):
        return str(n)
    w = WORDNUM[n]
    return w.capitalize() if like[0].isupper() else w


def cand_count(story, docs, rng):
    per = [counts(d['text']) for d in docs]
    keys = set(k for p in per for k in p)
    out = []
    for (n, what), arts in shared(per):
        if n < 2:
            continue
        taken = set(k[0] for k in keys if k[1] == what)
        new = neighbour(rng, n, 2, taken)
        if new is None:
            continue
        out.append({'kind': 'count', 'arts': arts, 'spans': [p.get((n, what), []) for p in per],
                    'orig': str(n), 'new': str(new), 'want_orig': n, 'want_new': new,
                    'num_render': True, 'detail': '%d %s' % (n, what), 'key': (n, what),
                    'sub': 'noun' if what in COUNT_NOUNS.split('|') else 'verb'})
    return out


# ---- dates and times -------------------------------------------------------------

WD = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
       'October', 'November', 'December']
MON_RE = r"(%s|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s(\d{1,2})(?:st|nd|rd|th)?\b(?!:)" % '|'.join(MON)
MDAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def month_num(tok):
    t = tok.rstrip('.')[:3].lower()
    return [m[:3].lower() for m in MON].index(t) + 1


def cand_date(story, docs, rng):
    texts = [d['text'] for d in docs]
    out = []
    for w in range(7):
        arts = [i for i, t in enumerate(texts) if wre(WD[w]).search(t)]
        if len(arts) < 2:
            continue
        opts = [(w + d) % 7 for d in (-1, 1)]
        rng.shuffle(opts)
        free = [o for o in opts if not any(wre(WD[o]).search(texts[i]) for i in arts)]
        if not free:
            continue
        nw = free[0]
        out.append({'kind': 'date', 'arts': arts, 'edits': [(wre(WD[w]).pattern, WD[nw])],
                    'orig': WD[w], 'new': WD[nw], 'want_orig': {'weekday': w},
                    'want_new': {'weekday': nw}, 'detail': 'weekday', 'sub': 'weekday'})
    md = collections.defaultdict(set)
    for i, t in enumerate(texts):
        for m in re.finditer(MON_RE, t):
            md[(month_num(m.group(1)), int(m.group(2)))].add(i)
    for (mo, dy), arts in sorted(md.items()):
        if len(arts) < 2 or not 1 <= dy <= MDAYS[mo - 1]:
            continue
        opts = [dy + d for d in (-1, 1) if 1 <= dy + d <= MDAYS[mo - 1] - (1 if mo == 2 else 0)
                and (mo, dy + d) not in md]
        if not opts:
            continue
        nd = rng.choice(opts)
        pat = r"\b(%s)(\s)%d(?=(?:st|nd|rd|th)?\b(?!:))" % ('|'.join(
            re.escape(x) for x in ([MON[mo - 1]] + ([MON[mo - 1][:3] + '.', MON[mo - 1][:4] + '.'] if len(MON[mo - 1]) > 4 else []))), dy)
        out.append({'kind': 'date', 'arts': sorted(arts), 'edits': [(pat, r'\g<1>\g<2>%d' % nd)],
                    'orig': '%s %d' % (MON[mo - 1], dy), 'new': '%s %d' % (MON[mo - 1], nd),
                    'want_orig': {'month': mo, 'day': dy}, 'want_new': {'month': mo, 'day': nd},
                    'detail': 'month-day', 'sub': 'month-day'})
    return out


TIME_RE = r"\b(\d{1,2})(?::(\d{2}))?\s?([aApP])(\.?\s?[mM]\.?)(?![A-Za-z])"


APPROX = r"\b(?:about|around|approximately|roughly|nearly|shortly|just|near|some)\s+(?:before\s+|after\s+)?$"


def times(text):
    res = collections.defaultdict(list)
    for m in re.finditer(TIME_RE, text):
        h = int(m.group(1))
        mi = int(m.group(2) or 0)
        if not 1 <= h <= 12 or mi > 59:
            continue
        t = (h % 12 + (12 if m.group(3).lower() == 'p' else 0)) * 60 + mi
        res[t].append(m)
    return res


def fmt_time(t, m):
    h, mi = divmod(t % 1440, 60)
    ap = 'p' if h >= 12 else 'a'
    if m.group(3).isupper():
        ap = ap.upper()
    h12 = h % 12 or 12
    sep = ' ' if re.search(r"\d\s[aApP]", m.group(0)) else ''
    return '%d:%02d%s%s%s' % (h12, mi, sep, ap, m.group(4))


def time_qual(text, m):
    """How the time at match m is told: 'about', 'after' / 'before' (with
    'just' / 'shortly': 'soon-after', 'soon-before'), or 'exact'."""
    pre = text[max(0, m.start() - 25):m.start()].lower()
    if re.search(r"\b(?:about|around|approximately|roughly|nearly|near|some)\s+$", pre):
        return 'about'
    q = re.search(r"\b(?:(just|shortly|soon|right)\s+)?(after|before)\s+$", pre)
    if q:
        return ('soon-' if q.group(1) else '') + q.group(2)
    return 'exact'


def time_span(t, q):
    """The minutes a time told with qualifier q allows (judge.c's reading:
    an approximate time its rounding either way, "just after" 10 minutes
    on that side, a plain "after" 30, an exact time on a five-minute mark
    2 either way)."""
    if q == 'about':
        m = t % 60
        r = 15 if m == 0 else 10 if m == 30 else 5 if m % 15 == 0 else 3 if m % 5 == 0 else 2
        return t - r, t + r
    side = 10 if q.startswith('soon-') else 30
    if q.endswith('after'):
        return t, t + side
    if q.endswith('before'):
        return t - side, t
    return (t - 2, t + 2) if t % 5 == 0 else (t, t)  # "5:20 p.m." may be 5:19 rounded


def times_overlap(a, b):
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return lo < hi or (lo == hi and (a[0] == a[1] or b[0] == b[1]))


def cand_time(story, docs, rng):
    per = [times(d['text']) for d in docs]
    keys = set(k for p in per for k in p)
    out = []
    for t, arts in shared(per):
        # The new time, told as each article tells the old one, must not be
        # within what the old one allows ("about 8 p.m." holds "about 8:10":
        # no conflict a careful reader would flag; LABELS.md).
        quals = set(time_qual(docs[i]['text'], m) for i in arts for m in per[i][t])
        opts = [t + s * d for d in range(10, 55, 5) for s in (-1, 1)
                if (t + s * d) // 720 == t // 720 and t + s * d not in keys and
                not any(times_overlap(time_span(t + s * d, q1), time_span(t, q2))
                        for q1 in quals for q2 in quals)]
        if not opts:
            continue
        nt = rng.choice(sorted(opts))
        out.append({'kind': 'time', 'arts': arts, 'times': [p.get(t, []) for p in per],
                    'orig': '%02d:%02d' % divmod(t, 60), 'new': '%02d:%02d' % divmod(nt, 60),
                    'want_orig': t, 'want_new': nt, 'nt': nt, 'detail': 'time',
                    'sub': ('h:mm' if any(m.group(2) for x in per for m in x.get(t, [])) else 'hour') +
                           (' about' if any(re.search(APPROX, docs[i]['text'][max(0, m.start() - 25):m.start()])
                                            for i in arts for m in per[i].get(t, [])) else '')})
    return out


# ---- quotes -----------------------------------------------------------------------

QUOTE_RE = r"[\"\u201c]([^\"\u201c\u201d\n]{10,600}?)[\"\u201d]"
STOP = set('''a an the and or but if of to in on at by for with from as is are was were be been
being have has had do does did not no so that this these those it its he she they them his her
their we our you your i me my us who whom which what when where why how all any some there here
very just than then too also will would can could should may might must shall about into over
after before out up down off again more most such only own same other said says say going get got
like know think want one two'''.split())
SYN = {'good': 'great', 'great': 'good', 'big': 'large', 'large': 'big', 'small': 'little',
       'little': 'small', 'happy': 'glad', 'glad': 'happy', 'sad': 'upset', 'angry': 'upset',
       'terrible': 'horrible', 'horrible': 'terrible', 'really': 'truly', 'truly': 'really',
       'believe': 'think', 'always': 'often', 'never': 'rarely', 'everyone': 'everybody',
       'everybody': 'everyone', 'nothing': 'little', 'people': 'folks', 'children': 'kids',
       'kids': 'children', 'house': 'home', 'home': 'house', 'start': 'begin', 'begin': 'start',
       'help': 'assist', 'try': 'attempt', 'need': 'want', 'country': 'nation', 'nation': 'country',
       'important': 'vital', 'hard': 'difficult', 'difficult': 'hard', 'quickly': 'fast',
       'guy': 'man', 'man': 'guy', 'scared': 'afraid', 'afraid': 'scared', 'beautiful': 'lovely',
       'sweet': 'kind', 'kind': 'sweet', 'loved': 'adored', 'love': 'adore', 'shot': 'fired',
       'killed': 'murdered', 'family': 'relatives', 'community': 'neighborhood', 'neighborhood':
       'community', 'week': 'month', 'night': 'evening', 'today': 'now', 'now': 'today',
       'clear': 'obvious', 'obvious': 'clear', 'wrong': 'bad', 'right': 'correct', 'sure': 'certain',
       'certain': 'sure', 'job': 'work', 'work': 'job', 'problem': 'issue', 'issue': 'problem',
       'president': 'leader', 'american': 'national', 'strong': 'firm', 'continue': 'keep',
       'keep': 'continue', 'lot': 'great deal', 'many': 'numerous', 'place': 'spot', 'thing':
       'matter', 'things': 'matters', 'world': 'globe', 'life': 'existence', 'time': 'moment',
       'able': 'ready', 'ready': 'prepared', 'shocked': 'stunned', 'stunned': 'shocked',
       'tragic': 'sad', 'tragedy': 'loss', 'senseless': 'pointless', 'violence': 'bloodshed',
       'safe': 'secure', 'dangerous': 'risky', 'everything': 'all', 'anything': 'something',
       'someone': 'somebody', 'somebody': 'someone', 'anyone': 'anybody', 'heard': 'noticed',
       'saw': 'noticed', 'looked': 'seemed', 'wanted': 'hoped', 'decision': 'choice',
       'support': 'back', 'fight': 'battle', 'battle': 'fight', 'money': 'funds', 'law': 'rule',
       'plan': 'proposal', 'proposal': 'plan', 'deal': 'agreement', 'agreement': 'deal'}


def qnorm(s):
    return ' '.join(re.findall(r"[a-z0-9']+", s.lower().replace('\u2019', "'")))


def quotes(text):
    return [m for m in re.finditer(QUOTE_RE, text) if len(m.group(1).split()) >= 5]


def cand_quote_wording(story, docs, rng):
    texts = [d['text'] for d in docs]
    normed = [' ' + qnorm(t) + ' ' for t in texts]
    out, seen = [], set()
    for i, t in enumerate(texts):
        for m in quotes(t):
            q = qnorm(m.group(1))
            if q in seen:
                continue
            seen.add(q)
            arts = [j for j in range(len(texts)) if (' ' + q + ' ') in normed[j]]
            if len(arts) < 2:
                continue
            words = [w for w in re.findall(r"[A-Za-z]+", m.group(1)) if w.lower() not in STOP
                     and len(w) >= 4 and w.islower() and w not in WORDNUM]
            syn = [w for w in words if w in SYN]
            if syn:
                w = rng.choice(sorted(set(syn)))
                nw = SYN[w]
            elif words:
                w = rng.choice(sorted(set(words)))
                others = sorted(set(x for x in re.findall(r"(?<![A-Za-z'\u2019])[a-z]{4,}(?![A-Za-z])", t)
                                    if x not in STOP and x != w and x not in WORDNUM
                                    and x[-3:] == w[-3:]))
                if not others:
                    continue
                nw = rng.choice(others)
            else:
                continue
            if (' ' + nw + ' ') in ' ' + q + ' ':
                continue
            out.append({'kind': 'quote-wording', 'arts': arts, 'quote': m.group(1),
                        'orig': w, 'new': nw, 'want_orig': w, 'want_new': nw,
                        'detail': m.group(1)[:60]})
    return out


SAY = r"(?:said|says|added|told\s(?:[A-Z][\w.]*\s?){1,4}|stated|explained|wrote)"
SPEAKER = r"((?:%s\s)?%s(?:\s[A-Z]\.)?(?:\s%s)?)" % (TITLES, CAP, CAP)


def speaker_in(text, m):
    """The speaker named in the quote's own sentence: (name, start, end) or None."""
    after = text[m.end():m.end() + 120].split('\n')[0]
    for pat in (r"^,?\s*" + SAY + r"\s" + SPEAKER, r"^,?\s*" + SPEAKER + r"\s" + SAY + r"\b"):
        a = re.match(pat, after)
        if a:
            name = a.group(1)
            toks = [x for x in name.split() if x not in NOT_NAME and not x.endswith('.')]
            if toks and len(toks[-1]) >= 3:
                s = m.end() + a.start(1)
                return name, s, s + len(name)
    before = text[max(0, m.start() - 120):m.start()]
    before = re.split(r"(?<=[.!?])\s|\n", before)[-1]
    b = re.search(SPEAKER + r"\s" + SAY + r",?\s*:?\s*$", before)
    if b:
        name = b.group(1)
        toks = [x for x in name.split() if x not in NOT_NAME and not x.endswith('.')]
        if toks and len(toks[-1]) >= 3:
            s = m.start() - len(before) + b.start(1)
            return name, s, s + len(name)
    return None


def surname(name):
    toks = [x for x in name.split() if x not in NOT_NAME and not x.endswith('.')]
    return toks[-1] if toks else name


def cand_quote_speaker(story, docs, rng):
    texts = [d['text'] for d in docs]
    per = []
    for t in texts:
        qs = {}
        for m in quotes(t):
            sp = speaker_in(t, m)
            if sp and surname(sp[0]) not in NOT_NAME:
                qs.setdefault(qnorm(m.group(1)), []).append((m, sp))
        per.append(qs)
    out, seen = [], set()
    for i, qs in enumerate(per):
        for q in sorted(qs):
            if any(q in k or k in q for k in seen):
                continue
            seen.add(q)
            sn = surname(qs[q][0][1][0])
            # the articles carrying this quote (or a part of it, 5+ words) with the same speaker named
            arts = [j for j, o in enumerate(per)
                    if any((q in k or k in q) and len(min(q, k, key=len).split()) >= 5 and
                           any(surname(sp[0]) == sn for _, sp in o[k]) for k in o)]
            if len(arts) < 2:
                continue
            out.append({'kind': 'quote-speaker', 'arts': arts, 'qkey': q,
                        'orig': sn, 'want_orig': sn, 'detail': q[:60]})
    return out


FINDERS = {'name': cand_name, 'age': cand_age, 'count': cand_count, 'date': cand_date,
           'time': cand_time, 'quote-wording': cand_quote_wording,
           'quote-speaker': cand_quote_speaker}


# ---- applying a case ----------------------------------------------------------------

def modify_title(case, title):
    """The title with the same change (a name, a day, an age, a count, a time
    it holds), so the article is changed everywhere."""
    k = case['kind']
    if not title:
        return title
    if k in ('name', 'date'):
        for pat, rep in case['edits']:
            title = re.sub(pat, rep, title)
        return title
    if k == 'age':
        return apply_spans(title, [sp[:2] for sp in ages(title).get(case['want_orig'], [])], case['new'])
    if k == 'count':
        for s, e in sorted(counts(title).get(case['key'], []), reverse=True):
            title = title[:s] + render_num(case['want_new'], title[s:e]) + title[e:]
        return title
    if k == 'time':
        for m in sorted(times(title).get(case['want_orig'], []), key=lambda m: -m.start()):
            title = title[:m.start()] + fmt_time(case['nt'], m) + title[m.end():]
    return title


def modify(case, docs, rng):
    """The changed text of article case['art'], or None when nothing changed."""
    a = case['art']
    t = docs[a]['text']
    k = case['kind']
    if k in ('name', 'date'):
        new = t
        for pat, rep in case['edits']:
            new = re.sub(pat, rep, new)
        return new if new != t else None
    if k in ('age', 'count'):
        spans = case['spans'][a]
        if not spans:
            return None
        if k == 'count':
            out = t
            for s, e in sorted(spans, reverse=True):
                out = out[:s] + render_num(case['want_new'], t[s:e]) + out[e:]
            return out
        return apply_spans(t, spans, case['new'])
    if k == 'time':
        ms = case['times'][a]
        out = t
        for m in sorted(ms, key=lambda m: -m.start()):
            out = out[:m.start()] + fmt_time(case['nt'], m) + out[m.end():]
        return out if out != t else None
    if k == 'quote-wording':
        q = case['quote']
        qn = qnorm(q)
        out, changed = t, False
        for m in sorted(quotes(t), key=lambda m: -m.start()):
            if qn in qnorm(m.group(1)):
                body = re.sub(r"\b%s\b" % re.escape(case['orig']), case['new'], m.group(1), count=1)
                if body != m.group(1):
                    out = out[:m.start(1)] + body + out[m.end(1):]
                    changed = True
        return out if changed else None
    if k == 'quote-speaker':
        hits = []
        for m in quotes(t):
            k = qnorm(m.group(1))
            if k == case['qkey'] or case['qkey'] in k or (k in case['qkey'] and len(k.split()) >= 5):
                sp = speaker_in(t, m)
                if sp and surname(sp[0]) == case['orig']:
                    hits.append(sp)
        if not hits:
            return None
        # another person the article names: a speaker of another quote first
        spk = set()
        for m in quotes(t):
            sp = speaker_in(t, m)
            if sp and len(sp[0].split()) >= 2:
                toks = [x for x in sp[0].split() if not x.endswith('.') and not re.match(TITLES + '$', x)]
                if len(toks) >= 2:
                    spk.add((toks[0], toks[-1]))
        cast = spk if any(s != case['orig'] for g, s in spk) else persons(t)
        others = sorted(set(s for g, s in cast) - {case['orig']} - NOT_NAME)
        others = [o for o in others if o.lower() not in case['orig'].lower()]
        if not others:
            return None
        repl = rng.choice(others)
        full = sorted(g + ' ' + s for g, s in cast if s == repl)[0]
        out = t
        for name, s, e in sorted(set(hits), key=lambda h: -h[1]):
            toks = name.split()
            # keep a leading title; a surname alone becomes the other surname
            if len(toks) == 1 or (len(toks) == 2 and toks[0].endswith('.')):
                rep = ' '.join(toks[:-1] + [repl])
            else:
                lead = [x for x in toks if re.match(TITLES + '$', x)]
                rep = ' '.join(lead + [full])
            out = out[:s] + rep + out[e:]
        case['new'] = repl
        case['want_new'] = repl
        case['detail'] = '%s -> %s: %s' % (case['orig'], repl, case['detail'])
        return out
    return None


# ---- scoring a case -------------------------------------------------------------------

def judge(case, base_items, mod_items, dates):
    """(detected, wrong_kind, collateral count, the item that detected it)."""
    k = case['kind']
    fam = FAMILY[k]
    a = case['art']
    match_slot = SLOT_FOR[k]
    detected = wrong = None
    related = []
    for it in mod_items:
        newv = [v for v in it['values'] if v['article'] == a and
                common.value_match(match_slot, case['want_new'], v)]
        if not newv:
            continue
        related.append(it)
        origv = [v for v in it['values'] if v['article'] != a and
                 common.value_match(match_slot, case['want_orig'], v)]
        if not origv:
            continue
        inf = common.family(it['slot']) in fam
        ok_j = it['judgment'] == 'conflict'
        if it['judgment'] == 'update' and k in ('count',):
            ok_j = any((common.days_apart(dates[a], dates[v['article']]) or 0) >= 1 for v in origv)
        if inf and ok_j:
            detected = detected or it
        else:
            wrong = wrong or it
    base = set(common.item_key(x) for x in base_items if x['judgment'] == 'conflict')
    coll = 0
    for it in mod_items:
        if it['judgment'] != 'conflict' or common.item_key(it) in base:
            continue
        if any(it is r for r in related):
            continue
        coll += 1
    return detected is not None, detected is None and wrong is not None, coll, detected or wrong


# ---- main ------------------------------------------------------------------------------

def load_stories(bench):
    gva = stories.gva_docs(bench)
    basil = stories.basil_docs(bench)
    st = {}
    for k in sorted(gva):
        if len(gva[k]) >= 2:
            st[k] = gva[k]
    for k in sorted(basil):
        if len(basil[k]) >= 2:
            st[k] = basil[k]
    return st


# ---- the same fact -----------------------------------------------------------------

def value_spans(c, text, i):
    """Where case c's value stands in article i's text."""
    k = c['kind']
    if k in ('age', 'count'):
        return [sp[:2] for sp in c['spans'][i]]
    if k == 'time':
        return [m.span() for m in c['times'][i]]
    if k == 'date':
        return [m.span() for pat, _ in c['edits'] for m in re.finditer(pat, text)]
    return []


def sentence_at(text, a, b):
    s = max(text.rfind('. ', 0, a), text.rfind('\n', 0, a), text.rfind('? ', 0, a), text.rfind('! ', 0, a))
    e = min([x for x in (text.find('. ', b), text.find('\n', b), text.find('? ', b), text.find('! ', b))
             if x >= 0] or [len(text)])
    return text[s + 1:e]


NOT_CONTENT = STOP | set(WORDNUM) | set(w.lower() for w in WD) | set(m.lower() for m in MON) | set(
    'police officers officer year years old people according told reported news shooting shot '
    'around about near block street'.split())


def content(sentence):
    return set(w for w in re.findall(r"[a-z]{4,}", sentence.lower()) if w not in NOT_CONTENT)


def same_fact(c, docs):
    """Keep in c['arts'] the articles stating the value in a sentence that
    shares 2+ content words with a sentence of another article stating it
    (a day, a time, an age or a count the articles give for the same thing)."""
    if c['kind'] not in ('age', 'count', 'date', 'time'):
        return c['arts']
    sents = {i: [content(sentence_at(docs[i]['text'], a, b)) for a, b in
                 value_spans(c, docs[i]['text'], i)] for i in c['arts']}
    keep = []
    for i in c['arts']:
        if any(len(x & y) >= 2 for j in c['arts'] if j != i for x in sents[i] for y in sents[j]):
            keep.append(i)
    return keep


def pick(cands, rng, limit):
    """Round-robin over stories, in a seeded order."""
    by = collections.defaultdict(list)
    for c in cands:
        by[c['story']].append(c)
    keys = sorted(by)
    rng.shuffle(keys)
    for k in keys:
        rng.shuffle(by[k])
    out = []
    while len(out) < limit and any(by[k] for k in keys):
        for k in keys:
            if by[k] and len(out) < limit:
                out.append(by[k].pop())
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('bench')
    ap.add_argument('--parallax', default='build/parallax')
    ap.add_argument('--limit', type=int, default=80, help='cases per kind (80)')
    ap.add_argument('--seed', type=int, default=13)
    ap.add_argument('--kinds', nargs='+', default=KINDS, help='kinds, by spaces or commas (all)')
    ap.add_argument('--json', help='write every case and the figures here')
    ap.add_argument('--list', action='store_true', help='print every missed case')
    ap.add_argument('--fold', choices=['even', 'odd', 'all'], default='all',
                    help='score only the cases of stories whose sha256 is even / odd (the same cases '
                         'as in the full run, the others left out)')
    ap.add_argument('--jobs', type=int, default=2)
    args = ap.parse_args()
    common.check_bench(args.bench, 'inject.py')
    kinds = [k for arg in args.kinds for k in arg.split(',') if k]
    for k in kinds:
        if k not in FINDERS:
            sys.exit('inject.py: unknown kind %r (kinds: %s)' % (k, ', '.join(KINDS)))
    if not os.access(args.parallax, os.X_OK):
        sys.exit('inject.py: %s: not an executable' % args.parallax)
    t0 = time.time()
    st = load_stories(args.bench)
    cases = []
    for k in kinds:
        rng = random.Random('%d-%s' % (args.seed, k))
        cands = []
        for sid in sorted(st):
            for c in FINDERS[k](sid, st[sid], rng):
                c['story'] = sid
                c['arts'] = same_fact(c, st[sid])
                if len(c['arts']) >= 2:
                    cands.append(c)
        chosen = pick(cands, rng, args.limit)
        for c in chosen:
            c['art'] = rng.choice(c['arts'])
            c['text'] = modify(c, st[c['story']], rng)
            if c['text'] is None:      # try the other articles stating it
                for a in c['arts']:
                    c['art'] = a
                    c['text'] = modify(c, st[c['story']], rng)
                    if c['text'] is not None:
                        break
            if c['text'] is not None:
                c['title'] = modify_title(c, st[c['story']][c['art']].get('title'))
            if c['text'] is not None and args.fold in ('all', common.sha_parity(c['story'])):
                cases.append(c)
        print('%-14s %5d candidates, %3d cases' % (k, len(cands), sum(1 for c in cases if c['kind'] == k)),
              file=sys.stderr)
    tmp = common.temp_dir('inject-')
    try:
        base = {}
        need = sorted(set(c['story'] for c in cases))

        def run_base(sid):
            p = os.path.join(tmp, 'base-%s.jsonl' % sid)
            common.write_jsonl(p, st[sid])
            return sid, common.run_compare(args.parallax, p)

        def run_case(i):
            c = cases[i]
            docs = [dict(d) for d in st[c['story']]]
            docs[c['art']]['text'] = c['text']
            docs[c['art']]['title'] = c['title']
            p = os.path.join(tmp, 'case-%d.jsonl' % i)
            common.write_jsonl(p, docs)
            r = common.run_compare(args.parallax, p)
            os.unlink(p)
            return i, r

        with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
            for sid, r in ex.map(run_base, need):
                base[sid] = r
            results = dict(ex.map(run_case, range(len(cases))))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    rows = collections.OrderedDict((k, collections.Counter()) for k in kinds)
    folds = collections.OrderedDict((k, collections.Counter()) for k in kinds)
    subs = collections.defaultdict(collections.Counter)
    errors = 0
    records = []
    for i, c in enumerate(cases):
        out, err = results[i]
        bout, berr = base[c['story']]
        dates = [d.get('date') for d in st[c['story']]]
        if err or berr:
            errors += 1
            det, wk, coll, it = False, False, 0, None
        else:
            det, wk, coll, it = judge(c, common.items(bout), common.items(out), dates)
        r = rows[c['kind']]
        r['cases'] += 1
        r['detected'] += det
        r['wrong'] += wk
        r['coll'] += coll
        f = common.sha_parity(c['story'])
        folds[c['kind']][f + '-cases'] += 1
        folds[c['kind']][f + '-det'] += det
        ot = st[c['story']][c['art']]['text']
        nt = c['text']
        d0 = next((j for j in range(min(len(ot), len(nt))) if ot[j] != nt[j]), 0)
        sub = c.get('sub') or ('+'.join(c['pats'][c['art']]) if 'pats' in c else '')
        subs[c['kind']][sub + '-cases'] += 1
        subs[c['kind']][sub + '-det'] += det
        rec = {'kind': c['kind'], 'sub': sub, 'story': c['story'], 'article': c['art'],
               'before': ot[max(0, d0 - 70):d0 + 50], 'after': nt[max(0, d0 - 70):d0 + 50],
               'article_id': st[c['story']][c['art']]['id'], 'orig': c['orig'], 'new': c['new'],
               'detail': c['detail'], 'fold': f, 'detected': det, 'wrong_kind': wk,
               'collateral': coll, 'error': err or berr,
               'item': ({'judgment': it['judgment'], 'slot': it['slot'],
                         'values': [(v['article'], v['value']) for v in it['values']]} if it else None)}
        records.append(rec)
        if args.list and not det:
            print('MISS %-13s %s art %d: %r -> %r (%s)%s\n     ...%s...' % (
                c['kind'], c['story'], c['art'], c['orig'], c['new'], c['detail'][:70],
                ' WRONG-KIND %s/%s' % (it['judgment'], it['slot']) if wk else '',
                rec['after'].replace('\n', ' ')))

    def rate(a, b):
        return '%.2f' % (a / b) if b else '  - '

    print('injected conflicts: %d cases over %d stories (seed %d, limit %d per kind)%s' % (
        len(cases), len(set(c['story'] for c in cases)), args.seed, args.limit,
        ', %d runs failed' % errors if errors else ''))
    print('%-14s %6s %7s %10s %11s %10s %10s' % ('kind', 'cases', 'recall', 'wrong-kind',
                                              'collateral', 'recall:even', 'recall:odd'))
    tot = collections.Counter()
    for k in kinds:
        r, f = rows[k], folds[k]
        tot.update(r)
        for key in f:
            tot['f-' + key] += f[key]
        print('%-14s %6d %7s %10s %11s %10s %10s' % (
            k, r['cases'], rate(r['detected'], r['cases']), rate(r['wrong'], r['cases']),
            rate(r['coll'], r['cases']), rate(f['even-det'], f['even-cases']),
            rate(f['odd-det'], f['odd-cases'])))
        parts = sorted(x[:-6] for x in subs[k] if x.endswith('-cases') and x[:-6])
        if len(parts) > 1:
            print('%-14s %s' % ('', ', '.join('%s %d/%d' % (x, subs[k][x + '-det'], subs[k][x + '-cases'])
                                              for x in parts)))
    print('%-14s %6d %7s %10s %11s %10s %10s' % (
        'total', tot['cases'], rate(tot['detected'], tot['cases']), rate(tot['wrong'], tot['cases']),
        rate(tot['coll'], tot['cases']), rate(tot['f-even-det'], tot['f-even-cases']),
        rate(tot['f-odd-det'], tot['f-odd-cases'])))
    print('bars (issue #13): recall >= 0.95 every kind, collateral <= 0.02 per case; '
          'fold: even = sha256(story id) even.  %.0f s' % (time.time() - t0))
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'seed': args.seed, 'limit': args.limit,
                       'kinds': {k: dict(rows[k], **folds[k]) for k in kinds},
                       'cases': records}, f, indent=1)


if __name__ == '__main__':
    main()
