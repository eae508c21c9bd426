#!/usr/bin/env python3
"""bench/clustering/stream.py — a synthetic stream of news articles for the
throughput bench, made from the real ones (standard library only).

    stream.py SHARED_BENCH N [--real-names] > stream.jsonl

Reads the articles of BASIL, GVA (docs.jsonl.xz) and ECB+ train and dev
under SHARED_BENCH, and writes N articles in time order, about
PER_DAY a day from 2000-01-01 on: each is a real article with its date
moved to that day, its numbers replaced, one sentence in ten dropped and
two sentences swapped, and a URL and id of its own.  Every EPOCH days the
capitalised words of all texts get a new suffix ("Obama" -> "Obamaq7"), so
the copies of one base article make one event for EPOCH days and then
another: events end, as in real news, and their stories leave the time
window.  So the stream has the length and vocabulary of real news, copies
of one base article are near each other in time (they group), and nothing
is byte-identical.  Deterministic: the same N gives the same stream.
With --real-names the renaming is left out: names stay as written, so the
entity finder's word lists hit as on real news (slower to analyse), and
events of one base article no longer end.
"""
import datetime
import json
import lzma
import random
import re
import sys

PER_DAY = 1000
EPOCH = 20


def base_articles(shared):
    out = []
    with open(f"{shared}/basil/basil.jsonl", encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            out.append((o.get("title"), o["text"], o.get("outlet")))
    with lzma.open(f"{shared}/clustering/gva_semeval2018t5/docs.jsonl.xz", "rt", encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            out.append((o.get("title"), o["text"], None))
    for split in ("train", "dev"):
        with open(f"{shared}/clustering/ecbplus.{split}.jsonl", encoding="utf-8") as f:
            for line in f:
                o = json.loads(line)
                lines = o["text"].split("\n")
                if lines and lines[0].startswith("http"):
                    lines = lines[1:]
                out.append((lines[0] if lines else None, " ".join(lines[1:]), None))
    return [a for a in out if a[1] and len(a[1]) > 200]


SENTENCE = re.compile(r"(?<=[.!?])\s+")
NUMBER = re.compile(r"\b\d+\b")
NAME = re.compile(r"\b([A-Z][a-z]+)\b")


def rename(text, epoch):
    if not text or epoch is None:
        return text
    return NAME.sub(lambda m: f"{m.group(1)}q{epoch}", text)


def perturb(rng, text):
    paras = [p for p in text.split("\n\n") if p.strip()]
    sents = [s for p in paras for s in SENTENCE.split(p) if s.strip()]
    kept = [s for s in sents if rng.random() > 0.1] or sents
    if len(kept) > 2:
        i, j = rng.randrange(len(kept)), rng.randrange(len(kept))
        kept[i], kept[j] = kept[j], kept[i]
    kept = [NUMBER.sub(lambda m: str(rng.randrange(2, 999)), s) for s in kept]
    # paragraphs of about three sentences
    return "\n\n".join(" ".join(kept[k:k + 3]) for k in range(0, len(kept), 3))


def main():
    shared, n = sys.argv[1], int(sys.argv[2])
    real_names = "--real-names" in sys.argv[3:]
    bases = base_articles(shared)
    rng = random.Random(20240101)
    order = list(range(len(bases)))
    rng.shuffle(order)
    start = datetime.date(2000, 1, 1)
    out = sys.stdout
    for k in range(n):
        title, text, outlet = bases[order[k % len(order)]]
        days = k // PER_DAY
        day = start + datetime.timedelta(days=days)
        epoch = None if real_names else days // EPOCH
        rec = {"id": f"s{k}", "url": f"https://stream.example/{k}", "date": day.isoformat(),
               "title": rename(title, epoch), "text": rename(perturb(rng, text), epoch),
               "outlet": outlet or f"outlet{rng.randrange(300)}"}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
