#!/usr/bin/env python3
"""score_quotes.py DATA OUT.jsonl [--list] — quote speakers against BASIL v2.

DATA is the BASIL folder (../shared/bench/basil: v2/articles, v2/annotations);
OUT.jsonl is `parallax analyze --json DATA/basil.jsonl`.

Gold: every phrase-level span of v2 with quote == "yes" and a named speaker
(BASIL's speaker is a main entity such as "Donald_Trump"; the generic
"other_pro", "other_anti", "other_neutral" are left out: they name nobody).
A span is found when a parallax quote overlaps it (the quote with the most
overlap is taken).  Its speaker is right when the speaker entity's name or
one of its aliases shares a word with the gold name (case and accents
folded; "Mr.", "Jr." and the like ignored; a word of 5+ letters may match
a prefix, since BASIL truncates "Felipe_Calder[ón]").  So "Trump",
"Donald Trump" and "Mr. Trump" all match "Donald_Trump".

Printed: the share of gold spans found with the right speaker (the score),
then spans found without a speaker, found with a wrong speaker, and not
found at all; the same for the subset of gold speakers that are single
people (not "House_Democrats", "Obama_campaign"), per outlet.  --list
prints every miss with its sentence, for reading.
"""
import glob
import json
import os
import sys
import unicodedata

GENERIC = {"the", "of", "and", "mr", "mrs", "ms", "dr", "jr", "sr", "sen", "rep"}
GROUP_WORDS = {"democrats", "democratic", "republicans", "republican", "lawmakers", "officials",
               "campaign", "committee", "members", "party", "companies", "house", "senate",
               "department", "protestors", "plaintiffs", "catholics", "naacp", "buzzfeed",
               "gop", "tea", "administration", "supporters", "critics", "group", "team"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def words(name):
    out = set()
    for w in fold(name).replace("_", " ").replace("-", " ").split():
        w = w.strip(".,'’\"()")
        if w and w not in GENERIC:
            out.add(w)
    return out


def same_speaker(gold, names):
    g = words(gold)
    for n in names:
        for w in words(n):
            for x in g:
                if w == x or (min(len(w), len(x)) >= 5 and (w.startswith(x) or x.startswith(w))):
                    return True
    return False


def is_person(gold):
    ws = gold.replace("-", "_").split("_")
    return all(w[:1].isupper() for w in ws if w) and not (words(gold) & GROUP_WORDS)


def article_id(art):
    uuid = art.get("uuid", "")
    if uuid == "empty":
        return art["triplet-uuid"] + "_" + art["source"].lower()
    return uuid


def gold_spans(data):
    """(article id, outlet, sentence text, start, end, speaker) of named quote spans."""
    for ann_path in sorted(glob.glob(os.path.join(data, "v2/annotations/*/*_ann.json"))):
        art_path = ann_path.replace("/annotations/", "/articles/").replace("_ann.json", ".json")
        art = json.load(open(art_path, encoding="utf-8"))
        ann = json.load(open(ann_path, encoding="utf-8"))
        sents = [s for p in art["body-paragraphs"] for s in p]
        for a in ann["phrase-level-annotations"]:
            spk = a.get("speaker", "")
            if a.get("quote") != "yes" or not spk or spk.startswith("other") or a["id"] == "title":
                continue
            sent = sents[int(a["id"][1:])]
            yield article_id(art), art["source"].lower(), sent, a["start"], a["end"], spk


def char_off(s, nbytes):
    return len(s.encode("utf-8")[:nbytes].decode("utf-8", "ignore"))


def quote_spans(doc):
    """(start, end, speaker names) of each quote, in chars of doc['text']."""
    paras, sents = doc["paragraphs"], doc["sentences"]
    pstart, off = [], 0
    for p in paras:
        pstart.append(off)
        off += len(p) + 2
    names = [[e["name"]] + e["aliases"] for e in doc["entities"]]
    by_name = {e["name"]: names[i] for i, e in enumerate(doc["entities"])}
    out = []
    for q in doc["quotes"]:
        s = sents[q["sentence"]]
        p = s["paragraph"]
        start = pstart[p] + char_off(paras[p], s["start"])
        last = sents[q["sentence_last"]]
        end = pstart[last["paragraph"]] + char_off(paras[last["paragraph"]], last["start"]) + len(last["text"])
        k = doc["text"].find(q["text"], start)  # the quote's own place in its sentence
        if k >= 0 and k + len(q["text"]) <= end:
            start, end = k - 1, k + len(q["text"]) + 1
        spk = by_name.get(q["speaker"]) if q["speaker"] else None
        out.append((start, end, spk, q))
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    data, out_path = sys.argv[1], sys.argv[2]
    listing = "--list" in sys.argv
    docs = {}
    for line in open(out_path, encoding="utf-8"):
        d = json.loads(line)
        docs[d["id"]] = (d, quote_spans(d))
    rows = {}

    def count(key, what):
        rows.setdefault(key, {"gold": 0, "right": 0, "nospeaker": 0, "wrong": 0, "missed": 0})
        rows[key]["gold"] += 1
        rows[key][what] += 1

    unmapped = 0
    for aid, outlet, sent, start, end, spk in gold_spans(data):
        if aid not in docs:
            unmapped += 1
            continue
        doc, quotes = docs[aid]
        base = doc["text"].find(sent.strip())
        if base < 0:
            unmapped += 1
            continue
        lead = len(sent) - len(sent.lstrip())
        gs, ge = base + start - lead, base + end - lead
        best, best_ov = None, 0
        for qs, qe, names, q in quotes:
            ov = min(ge, qe) - max(gs, qs)
            if ov > best_ov:
                best, best_ov = (names, q), ov
        if not best:
            what = "missed"
        elif best[0] is None:
            what = "nospeaker"
        elif same_speaker(spk, best[0]):
            what = "right"
        else:
            what = "wrong"
        for key in ("all", "all " + outlet, "people" if is_person(spk) else "groups"):
            count(key, what)
        if listing and what != "right":
            got = best[1]["speaker"] if best else "-"
            print(f"{what:9} gold={spk} got={got} cue={best[1]['cue'] if best else '-'}\n    {sent.strip()[:300]}")

    print(f"{'':12} {'gold':>5} {'right':>6} {'share':>6} {'no spk':>7} {'wrong':>6} {'missed':>7}")
    for key in ("all", "people", "groups", "all fox", "all hpo", "all nyt"):
        r = rows.get(key)
        if not r:
            continue
        share = r["right"] / r["gold"] if r["gold"] else 0
        print(f"{key:12} {r['gold']:5} {r['right']:6} {share:6.3f} {r['nospeaker']:7} {r['wrong']:6} {r['missed']:7}")
    if unmapped:
        print(f"({unmapped} gold spans could not be placed in parallax's text)")


if __name__ == "__main__":
    main()
