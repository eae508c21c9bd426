#!/usr/bin/env python3
"""check_stemmer.py FILE... — rouge.py's Porter stemmer against NLTK's
(which rouge-score wraps), over every word of the files.  Needs NLTK
(Debian: python3-nltk, run with /usr/bin/python3).  Prints the words on
which the two differ and the share that agree."""
import os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rouge  # noqa: E402
from nltk.stem.porter import PorterStemmer

nltk = PorterStemmer()
vocab = set()
for path in sys.argv[1:]:
    vocab.update(re.findall(r'[a-z0-9]+', open(path, encoding='utf-8').read().lower()))
diff = sorted(w for w in vocab if len(w) > 3 and rouge.porter(w) != nltk.stem(w))
for w in diff[:50]:
    print(w, rouge.porter(w), nltk.stem(w))
print('%d words, %d differ' % (len(vocab), len(diff)))
sys.exit(1 if diff else 0)
