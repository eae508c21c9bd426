"""rouge.py — ROUGE-1/2/L F1 as the rouge-score package computes them.

rouge-score (Google's package) is used when it can be imported.  Otherwise
this module computes the same thing itself: text lower-cased, every run of
characters outside [a-z0-9] a separator, tokens longer than 3 characters
Porter-stemmed (the Porter algorithm in NLTK's default mode, which is the
stemmer rouge-score wraps), ROUGE-N from clipped n-gram counts, ROUGE-L
from the longest common subsequence over the whole text; F1 = 2PR/(P+R),
0 when either is 0.  `backend()` says which of the two is in use.
`check_stemmer.py` compares our stemmer with NLTK's where NLTK is installed.
"""
import collections, re

try:
    from rouge_score import rouge_scorer as _rs
    _SCORER = _rs.RougeScorer(['rouge1', 'rouge2', 'rougeL'], use_stemmer=True)
except ImportError:
    _SCORER = None


# ---- Porter (NLTK_EXTENSIONS mode), written from the published algorithm ----

_IRREGULAR = {'skies': 'sky', 'sky': 'sky', 'dying': 'die', 'lying': 'lie', 'tying': 'tie',
              'news': 'news', 'innings': 'inning', 'inning': 'inning', 'outings': 'outing',
              'outing': 'outing', 'cannings': 'canning', 'canning': 'canning', 'howe': 'howe',
              'proceed': 'proceed', 'exceed': 'exceed', 'succeed': 'succeed'}


def _cons(w, i):
    ch = w[i]
    if ch in 'aeiou':
        return False
    if ch == 'y':
        return i == 0 or not _cons(w, i - 1)
    return True


def _m(stem):
    seq = ''.join('c' if _cons(stem, i) else 'v' for i in range(len(stem)))
    return seq.count('vc')


def _has_vowel(stem):
    return any(not _cons(stem, i) for i in range(len(stem)))


def _double_cons(w):
    return len(w) >= 2 and w[-1] == w[-2] and _cons(w, len(w) - 1)


def _cvc(w):
    if len(w) >= 3:
        return (_cons(w, len(w) - 3) and not _cons(w, len(w) - 2) and _cons(w, len(w) - 1)
                and w[-1] not in 'wxy')
    return len(w) == 2 and not _cons(w, 0) and _cons(w, 1)


def _rules(w, rules):
    """First rule whose suffix matches decides: applied if its condition holds."""
    for suffix, repl, cond in rules:
        if suffix == '*d':
            if _double_cons(w):
                stem = w[:-2]
                return stem + repl if cond is None or cond(stem) else w
            continue
        if w.endswith(suffix):
            stem = w[:len(w) - len(suffix)]
            return stem + repl if cond is None or cond(stem) else w
    return w


def _pos(stem):
    return _m(stem) > 0


def _gt1(stem):
    return _m(stem) > 1


def _step1a(w):
    if w.endswith('ies') and len(w) == 4:
        return w[:-3] + 'ie'
    return _rules(w, [('sses', 'ss', None), ('ies', 'i', None), ('ss', 'ss', None), ('s', '', None)])


def _step1b(w):
    if w.endswith('ied'):
        return w[:-3] + ('ie' if len(w) == 4 else 'i')
    if w.endswith('eed'):
        stem = w[:-3]
        return stem + 'ee' if _m(stem) > 0 else w
    for suffix in ('ed', 'ing'):
        if w.endswith(suffix) and _has_vowel(w[:-len(suffix)]):
            s = w[:-len(suffix)]
            return _rules(s, [('at', 'ate', None), ('bl', 'ble', None), ('iz', 'ize', None),
                              ('*d', s[-1], lambda stem: s[-1] not in 'lsz'),
                              ('', 'e', lambda stem: _m(stem) == 1 and _cvc(stem))])
    return w


def _step1c(w):
    return _rules(w, [('y', 'i', lambda stem: len(stem) > 1 and _cons(stem, len(stem) - 1))])


def _step2(w):
    if w.endswith('alli') and _pos(w[:-4]):
        return _step2(w[:-4] + 'al')
    return _rules(w, [
        ('ational', 'ate', _pos), ('tional', 'tion', _pos), ('enci', 'ence', _pos),
        ('anci', 'ance', _pos), ('izer', 'ize', _pos), ('bli', 'ble', _pos), ('alli', 'al', _pos),
        ('entli', 'ent', _pos), ('eli', 'e', _pos), ('ousli', 'ous', _pos),
        ('ization', 'ize', _pos), ('ation', 'ate', _pos), ('ator', 'ate', _pos),
        ('alism', 'al', _pos), ('iveness', 'ive', _pos), ('fulness', 'ful', _pos),
        ('ousness', 'ous', _pos), ('aliti', 'al', _pos), ('iviti', 'ive', _pos),
        ('biliti', 'ble', _pos), ('fulli', 'ful', _pos),
        ('logi', 'log', lambda stem: _pos(w[:-3]))])


def _step3(w):
    return _rules(w, [('icate', 'ic', _pos), ('ative', '', _pos), ('alize', 'al', _pos),
                      ('iciti', 'ic', _pos), ('ical', 'ic', _pos), ('ful', '', _pos),
                      ('ness', '', _pos)])


def _step4(w):
    return _rules(w, [(s, '', _gt1) for s in ('al', 'ance', 'ence', 'er', 'ic', 'able', 'ible',
                                               'ant', 'ement', 'ment', 'ent')] +
                  [('ion', '', lambda stem: _m(stem) > 1 and stem[-1] in 'st')] +
                  [(s, '', _gt1) for s in ('ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize')])


def _step5(w):
    if w.endswith('e'):
        stem = w[:-1]
        if _m(stem) > 1 or (_m(stem) == 1 and not _cvc(stem)):
            w = stem
    if w.endswith('ll') and _m(w[:-1]) > 1:
        w = w[:-1]
    return w


def porter(word):
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 2:
        return word
    for step in (_step1a, _step1b, _step1c, _step2, _step3, _step4, _step5):
        word = step(word)
    return word


_stem_cache = {}


def stem(word):
    s = _stem_cache.get(word)
    if s is None:
        s = _stem_cache[word] = porter(word)
    return s


# ---- tokens and scores ----------------------------------------------------

_NON_ALNUM = re.compile(r'[^a-z0-9]+')


def tokens(text):
    return [stem(t) if len(t) > 3 else t for t in _NON_ALNUM.sub(' ', text.lower()).split()]


def _f1(overlap, npred, nref):
    if not npred or not nref or not overlap:
        return 0.0
    p, r = overlap / npred, overlap / nref
    return 2 * p * r / (p + r)


def ngrams(toks, n):
    return collections.Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def rouge_n(pred, ref, n):
    """pred, ref: token lists."""
    a, b = ngrams(pred, n), ngrams(ref, n)
    overlap = sum(min(c, b[g]) for g, c in a.items())
    return _f1(overlap, sum(a.values()), sum(b.values()))


def lcs(a, b):
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(pred, ref):
    return _f1(lcs(pred, ref), len(pred), len(ref))


def score(pred_text, ref_text):
    """(ROUGE-1, ROUGE-2, ROUGE-L) F1 of pred_text against ref_text."""
    if _SCORER is not None:
        s = _SCORER.score(ref_text, pred_text)
        return s['rouge1'].fmeasure, s['rouge2'].fmeasure, s['rougeL'].fmeasure
    p, r = tokens(pred_text), tokens(ref_text)
    return rouge_n(p, r, 1), rouge_n(p, r, 2), rouge_l(p, r)


def backend():
    if _SCORER is not None:
        return 'rouge-score package'
    return 'own ROUGE (rouge-score defaults), own Porter stemmer (NLTK mode)'
