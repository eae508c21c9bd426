"""common.py — what the comparison benches share: reading the stories,
running `parallax compare --json`, reading its conflicts (schema 2, else the
old keys) and deciding whether a reported value matches an expected one.

Value matching (used by inject.py and score.py alike):
  - numbers (age, count, money, number): numerically, the expected number
    among the numbers the reported value or surface holds ("16", "16-year-old",
    "as many as sixteen people"); an expected range or list ("10-12", "7, 11")
    matches when any of its numbers is there;
  - names and quote speakers: case-insensitive, the expected name's words all
    found as words in the reported value or surface (so "Meier" matches
    "John Meier");
  - dates: ISO equal; a reported ISO date matches a weekday (its weekday) and
    a month-day ("--04-17" or a month and day) when month and day agree; or the
    surface holds the expected words;
  - times: the same minute of the day ("22:30", "10:30 p.m.");
  - anything else: normalised equal (lower case, punctuation and spaces
    folded), or one holding the other as words.
"""
import datetime, hashlib, json, os, re, subprocess, sys, tempfile

NUM_WORDS = {'zero': 0, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6,
             'seven': 7, 'eight': 8, 'nine': 9, 'ten': 10, 'eleven': 11, 'twelve': 12,
             'thirteen': 13, 'fourteen': 14, 'fifteen': 15, 'sixteen': 16,
             'seventeen': 17, 'eighteen': 18, 'nineteen': 19, 'twenty': 20,
             'thirty': 30, 'forty': 40, 'fifty': 50, 'sixty': 60, 'seventy': 70,
             'eighty': 80, 'ninety': 90, 'hundred': 100, 'dozen': 12}
WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
          'september', 'october', 'november', 'december']

NUMERIC = {'age', 'count', 'money', 'number'}


def family(slot):
    """The family a slot is matched in: age/count/money/number are one."""
    return 'numeric' if slot in NUMERIC else slot


def sha_parity(story):
    """'even' or 'odd': the parity of sha256(story id), the fold split."""
    return 'even' if int(hashlib.sha256(story.encode()).hexdigest(), 16) % 2 == 0 else 'odd'


# ---- reading compare's output -------------------------------------------------

def items(out):
    """The conflicts array of a compare --json object as uniform dicts:
    judgment, slot, kind, subject, values [{article, value, surface, text}]."""
    res = []
    for c in (out or {}).get('conflicts') or []:
        j = c.get('judgment')
        if not j:
            j = 'agreement' if c.get('agreement') else 'conflict'
        kind = c.get('kind') or ''
        slot = c.get('slot') or kind
        vals = []
        for v in c.get('values') or []:
            vals.append({'article': v.get('article'), 'value': v.get('value') or '',
                         'surface': v.get('surface') or '', 'text': v.get('text') or '',
                         'inferred': v.get('inferred')})
        res.append({'judgment': j, 'slot': slot, 'kind': kind, 'subject': c.get('subject'),
                    'values': vals})
    return res


def item_key(it):
    return (it['slot'], tuple(sorted(str(v['value']) for v in it['values'])))


def run_compare(parallax, path, timeout=120):
    """compare --json on one JSONL file: (object or None, error or None)."""
    try:
        p = subprocess.run([parallax, 'compare', '--json', path], capture_output=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 'timeout'
    if p.returncode != 0:
        return None, 'exit %d: %s' % (p.returncode, p.stderr.decode(errors='replace')[:200])
    try:
        return json.loads(p.stdout), None
    except ValueError as e:
        return None, 'bad JSON: %s' % e


def write_jsonl(path, docs):
    with open(path, 'w') as f:
        for d in docs:
            f.write(json.dumps({k: d.get(k) for k in ('id', 'outlet', 'date', 'title', 'url', 'text')},
                               ensure_ascii=False) + '\n')


# ---- value matching ------------------------------------------------------------

def fold(s):
    return ' '.join(re.findall(r"[0-9a-z]+", (s or '').lower()))


def numbers(s):
    """Every number a string holds, digits or words ("sixteen", "21", "1,200")."""
    s = (s or '').lower()
    out = []
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?|[a-z]+", s):
        t = m.group(0)
        if t[0].isdigit():
            try:
                out.append(float(t.replace(',', '')))
            except ValueError:
                pass
        elif t in NUM_WORDS:
            out.append(float(NUM_WORDS[t]))
    # "twenty-one"
    for m in re.finditer(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)\b", s):
        out.append(float(NUM_WORDS[m.group(1)] + NUM_WORDS[m.group(2)]))
    return out


def minutes(s):
    """Minute of the day from "22:30", "10:30 p.m.", "10 pm", "noon"; else None."""
    s = (s or '').lower().strip()
    m = re.search(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\b\.?", s)
    if m:
        h, mi = int(m.group(1)) % 12, int(m.group(2) or 0)
        if m.group(3) == 'p':
            h += 12
        return h * 60 + mi
    m = re.search(r"\b(\d{1,2}):(\d{2})\b", s)
    if m and int(m.group(1)) < 24:
        return int(m.group(1)) * 60 + int(m.group(2))
    if 'noon' in s:
        return 720
    if 'midnight' in s:
        return 0
    return None


def iso_parts(s):
    """(year or None, month, day) from "2017-01-09" or "--01-09"; else None."""
    m = re.match(r"^\s*(\d{4}|-)-(\d{2})-(\d{2})", s or '')
    if not m:
        return None
    y = None if m.group(1) == '-' else int(m.group(1))
    return y, int(m.group(2)), int(m.group(3))


def words_in(needle, hay):
    n = fold(needle)
    h = ' ' + fold(hay) + ' '
    return bool(n) and (' ' + n + ' ') in h


def date_match(want, got_value, got_surface):
    """want: {'weekday': 0..6} or {'month': m, 'day': d} or {'iso': s} or a string."""
    p = iso_parts(got_value)
    if isinstance(want, dict):
        if 'weekday' in want:
            if p and p[0]:
                try:
                    if datetime.date(*p).weekday() == want['weekday']:
                        return True
                except ValueError:
                    pass
            return words_in(WEEKDAYS[want['weekday']], got_surface) or \
                words_in(WEEKDAYS[want['weekday']], got_value)
        if 'month' in want:
            if p and (p[1], p[2]) == (want['month'], want['day']):
                return True
            for s in (got_surface, got_value):
                m = re.search(r"([a-z]+)\.?\s+(\d{1,2})", (s or '').lower())
                if m and m.group(1)[:3] in [x[:3] for x in MONTHS] and \
                        [x[:3] for x in MONTHS].index(m.group(1)[:3]) + 1 == want['month'] and \
                        int(m.group(2)) == want['day']:
                    return True
            return False
        want = want.get('iso', '')
    q = iso_parts(want)
    if p and q:
        return p[1:] == q[1:] and (p[0] is None or q[0] is None or p[0] == q[0])
    return fold(want) == fold(got_value) or words_in(want, got_surface)


def value_match(slot, want, got):
    """Does the reported value dict got ({value, surface, text}) match want
    (a string, a number, or for dates a dict)?"""
    fam = family(slot)
    gv, gs = str(got.get('value') or ''), str(got.get('surface') or '')
    if fam == 'numeric':
        try:
            ws = [float(want)]
        except (TypeError, ValueError):
            ws = numbers(str(want))      # "10-12", "7, 11": any of them
            if not ws:
                return fold(str(want)) == fold(gv)
        got = set(numbers(gv)) | set(numbers(gs))
        return any(w in got for w in ws)
    if fam in ('name', 'quote-speaker', 'role', 'relation', 'place', 'entity'):
        w = str(want)
        return fold(w) == fold(gv) or words_in(w, gv) or words_in(w, gs) or \
            (len(fold(gv)) >= 3 and words_in(gv, w))
    if fam == 'date':
        return date_match(want, gv, gs)
    if fam == 'time':
        w = want if isinstance(want, int) else minutes(str(want))
        g = minutes(gv)
        if g is None:
            g = minutes(gs)
        return w is not None and w == g
    if fam == 'quote-wording':
        w = str(want)
        return words_in(w, gv) or words_in(w, gs) or words_in(w, got.get('text') or '')
    w = str(want)
    return fold(w) == fold(gv) or (fold(w) and (words_in(w, gv) or words_in(w, gs) or
                                                 (len(fold(gv)) >= 3 and words_in(gv, w))))


def check_bench(bench, who, gva=True, basil=True):
    """Exit with a clear message when BENCH_DIR lacks the data files."""
    for want, rel in ((gva, 'clustering/gva_semeval2018t5/docs.jsonl.xz'), (basil, 'basil/basil.jsonl')):
        if want and not os.path.isfile(os.path.join(bench, rel)):
            sys.exit('%s: %s: no %s (BENCH_DIR is the shared bench folder, ../shared/bench)' % (who, bench, rel))


def temp_dir(prefix):
    return tempfile.mkdtemp(prefix=prefix)


def days_apart(a, b):
    try:
        da = datetime.date.fromisoformat((a or '')[:10])
        db = datetime.date.fromisoformat((b or '')[:10])
    except ValueError:
        return None
    return abs((da - db).days)
