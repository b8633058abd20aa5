#!/usr/bin/env python3
"""cow_years.py TABLE CODES OUTDIR — the Correlates of War alliance dyad-year table as one
undirected node-link snapshot per year (OUTDIR/cow-YYYY.json), for the timeline benchmark until
`allynet events --format cow` exists. A dyad's weight is the number of alliance types it has that
year (defence, neutrality, non-aggression, entente), summed over its rows; actors are COW state
abbreviations (unknown codes become C<code>)."""
import csv, json, os, sys

table, codes, out = sys.argv[1:4]
names = {r["CCode"]: r["StateAbb"] for r in csv.DictReader(open(codes, encoding="utf-8"))}
years = {}
for r in csv.DictReader(open(table, encoding="utf-8")):
    a = names.get(r["ccode1"], "C" + r["ccode1"]); b = names.get(r["ccode2"], "C" + r["ccode2"])
    if a == b:
        continue
    w = sum(int(r[k]) for k in ("cow_defense", "cow_neutral", "cow_nonagg", "cow_entente"))
    d = years.setdefault(int(r["year"]), {})
    key = tuple(sorted((a, b)))
    d[key] = d.get(key, 0) + w
os.makedirs(out, exist_ok=True)
for y, ties in sorted(years.items()):
    nodes = sorted({x for k in ties for x in k})
    json.dump({"directed": False, "multigraph": False,
               "graph": {"name": f"COW alliances {y}", "date": str(y)},
               "nodes": [{"id": n} for n in nodes],
               "edges": [{"source": a, "target": b, "weight": w} for (a, b), w in sorted(ties.items())]},
              open(os.path.join(out, f"cow-{y}.json"), "w"))
print(f"{len(years)} yearly snapshots in {out}", file=sys.stderr)
