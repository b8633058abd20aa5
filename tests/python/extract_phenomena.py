#!/usr/bin/env python3
"""extract_phenomena.py — one small gold set per extraction phenomenon (tests/extract/phenomena/
<phenomenon>/NAME.txt + NAME.gold.tsv, the gold format of tests/extract/README.md), scored
strictly: every `must` row present with its sign, every `none` row absent (sign 0: no tie at all;
+ or -: no tie with that sign; target `*`: no tie touching the source). An aggregate recall can
hide a lost rule; here one lost rule fails its phenomenon. A trap proves something only when its
actors are recognised, so every actor of a `none` row must also appear in a `must` row of the same
article (the test refuses the gold otherwise). Ties are read from `allynet extract` directly
(no ../shared needed). Usage: extract_phenomena.py ALLYNET (from the project root)."""
import csv, glob, json, os, subprocess, sys, tempfile

exe = sys.argv[1]
root = os.path.join("tests", "extract", "phenomena")
fails, counts = [], {}


def ties_of(text, tmp):
    out = os.path.join(tmp, "out.json")
    r = subprocess.run([exe, "extract", "-o", out, text], capture_output=True, text=True)
    if r.returncode != 0:
        fails.append(f"{text}: allynet extract exited {r.returncode}: {r.stderr.strip()}")
        return {}
    return {(e["source"], e["target"]): e["weight"] for e in json.load(open(out))["edges"]}


def sign(w):
    return "+" if w > 0 else "-" if w < 0 else "0"


def score(gold, ties, name):
    rows = list(csv.DictReader(open(gold, encoding="utf-8"), delimiter="\t"))
    known = {a for r in rows if r["status"] == "must" for a in (r["source"], r["target"])}
    bad = []
    for r in rows:
        s, t, want, st = r["source"], r["target"], r["sign"], r["status"]
        if st == "must" and (s, t) not in ties:
            bad.append(f"must {s}->{t} {want} missing ({r['note']})")
        elif st == "must" and sign(ties[(s, t)]) != want:
            bad.append(f"must {s}->{t} {want}: got {ties[(s, t)]:+g} ({r['note']})")
        elif st == "none":
            if any(a not in known for a in (s, t) if a != "*"):
                fails.append(f"{name}: trap {s}->{t} names an actor no must row shows recognised")
            hit = [(k, w) for k, w in ties.items()
                   if (k == (s, t) or (t == "*" and s in k)) and (want == "0" or sign(w) == want)]
            if hit:
                bad.append(f"trap {s}->{t} {want} hit by {hit} ({r['note']})")
    return bad


with tempfile.TemporaryDirectory() as tmp:
    for gold in sorted(glob.glob(os.path.join(root, "*", "*.gold.tsv"))):
        phen = os.path.basename(os.path.dirname(gold))
        name = os.path.relpath(gold[:-len(".gold.tsv")], root)
        bad = score(gold, ties_of(gold[:-len(".gold.tsv")] + ".txt", tmp), name)
        counts.setdefault(phen, [0, 0])
        counts[phen][0] += 1
        counts[phen][1] += bool(bad)
        fails += [f"{name}: {b}" for b in bad]
for phen, (n, nbad) in sorted(counts.items()):
    print(f"{'ok  ' if nbad == 0 else 'FAIL'} {phen}: {n - nbad}/{n} articles exact")
if len(counts) < 7:
    fails.append(f"only {len(counts)} phenomena under {root}")
for f in fails:
    print("FAIL", f)
sys.exit(1 if fails else 0)
