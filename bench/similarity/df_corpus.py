#!/usr/bin/python3
"""bench/similarity/df_corpus.py SHARED_BENCH > corpus.jsonl

The background corpus of the document-frequency table (data/df.tsv): the
NeuS/AllSides news excerpts (train + val: headline and excerpt of each of a
story's three outlets, one article each).  None of the sets the similarity
and grouping benches score on (ECB+, GVA, BASIL) is in it, so their scores
with the table are out of sample.  Only counts of common terms leave it
(bench/df_count --min), never text; see data/SOURCE.md.
"""
import json
import re
import sys

shared = sys.argv[1]
n = 0
for split in ("train", "val"):
    with open(f"{shared}/neus/{split}.source", encoding="utf-8") as f:
        for line in f:
            for part in line.split("[SEP]"):
                m = re.match(r"\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", part.strip(), re.S)
                if not m or len(m.group(2).split()) < 5:
                    continue
                n += 1
                print(json.dumps({"id": f"neus-{split}-{n}", "title": m.group(1), "text": m.group(2)}))
