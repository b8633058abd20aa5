#!/usr/bin/env python3
"""lexicon_goldstein.py — every cue in graphs/lexicon.tsv and graphs/lexicon-petrarch.tsv carries the Goldstein weight that
../shared/data/cameo_goldstein.tsv gives its CAMEO code, and a known relation category; the
CAMEO code exists in ../shared/data/cameo_eventcodes.tsv. Skips visibly without ../shared."""
import csv, os, sys
from evidence import skip

shared = os.path.join("..", "shared", "data")
gs_path = os.path.join(shared, "cameo_goldstein.tsv")
if not os.path.exists(gs_path):
    skip("../shared/data/cameo_goldstein.tsv is absent")
gold = {r["CAMEOEVENTCODE"]: float(r["GOLDSTEINSCALE"])
        for r in csv.DictReader(open(gs_path), delimiter="\t")}
codes = {r["CAMEOEVENTCODE"] for r in csv.DictReader(open(os.path.join(shared, "cameo_eventcodes.tsv"),
                                                           encoding="utf-8", errors="replace"), delimiter="\t")}
bad, n = [], 0
lines = [("graphs/lexicon.tsv", i, l) for i, l in enumerate(open("graphs/lexicon.tsv", encoding="utf-8"), 1)]
lines += [("graphs/lexicon-petrarch.tsv", i, l)
          for i, l in enumerate(open("graphs/lexicon-petrarch.tsv", encoding="utf-8"), 1)]
for path, i, line in lines:
    line = line.rstrip("\n")
    if not line or line.startswith("#") or line.startswith("cue\t"):
        continue
    f = line.split("\t")
    n += 1
    if len(f) < 5:
        bad.append(f"{path}:{i}: fewer than 5 fields")
        continue
    cue, pos, code, weight = f[0], f[1], f[2], float(f[3])
    if pos not in ("v", "n", "a"):
        bad.append(f"{path}:{i}: {cue}: pos {pos!r}")
    if code not in gold:
        bad.append(f"{path}:{i}: {cue}: CAMEO code {code} has no Goldstein weight")
    elif abs(gold[code] - weight) > 1e-9:
        bad.append(f"{path}:{i}: {cue}: weight {weight} but Goldstein({code}) = {gold[code]}")
    if code not in codes:
        bad.append(f"{path}:{i}: {cue}: CAMEO code {code} is not in cameo_eventcodes.tsv")
    if weight == 0:
        bad.append(f"{path}:{i}: {cue}: a zero weight codes no sign")
if n < 150:
    bad.append(f"only {n} cues")
if bad:
    print("\n".join(bad))
    sys.exit(1)
print(f"ok: {n} cues, every weight is the Goldstein weight of its CAMEO code")
