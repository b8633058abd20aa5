#!/usr/bin/env python3
"""gen_corpus.py OUT MB — a news-like corpus of at least MB megabytes for the extraction
benchmark: the development texts (tests/extract/dev) cut into paragraphs, repeated and shuffled
(seeded, so every run reads the same bytes). Header lines are dropped."""
import glob, random, sys

out, mb = sys.argv[1], float(sys.argv[2])
paras = []
for p in sorted(glob.glob("tests/extract/dev/*.txt")):
    text = open(p, encoding="utf-8").read()
    if text.startswith("date "):
        text = text.split("\n", 1)[1]
    paras += [q.strip() for q in text.split("\n\n") if q.strip()]
if not paras:
    sys.exit("no texts in tests/extract/dev")
rng = random.Random(5)
target, n = int(mb * 1e6), 0
with open(out, "w", encoding="utf-8") as f:
    while n < target:
        rng.shuffle(paras)
        for q in paras:
            f.write(q + "\n\n")
            n += len(q.encode()) + 2
