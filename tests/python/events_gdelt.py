#!/usr/bin/env python3
"""events_gdelt.py — `allynet events --format gdelt1 --period month` on the GDELT sample against
a grouping done here with csv: for the rows with two country actors (different countries), the
ties per (month, Actor1 country, Actor2 country) with summed GoldsteinScale, event counts,
QuadClass counts and mentions; and the skipped rows counted by reason.

The actor of a CAMEO country code is found here, not read from allynet's output: the CAMEO
country table (../shared/data/cameo_countries.tsv) names the country, and the actor with that
name in graphs/actors.tsv is the actor; any other code (a region such as SAF, Southern Africa,
or a territory with no actor) stays as it is. This caught SAF (the SADC rows) and MAC (Macao)
read as COW abbreviations for South Africa and North Macedonia."""
import collections, csv, sys
from events_common import need, run_events, snapshot, Checks

exe = sys.argv[1]
(sample, cameo) = need("gdelt_sample.tsv", "cameo_countries.tsv")
actors = csv.DictReader((l for l in open("graphs/actors.tsv", encoding="utf-8") if not l.startswith("#")),
                        delimiter="\t")
by_name = {r["name"].lower(): r["id"] for r in actors}
countries = {r["code"]: r["label"] for r in csv.DictReader(open(cameo, encoding="utf-8"), delimiter="\t")
             if r["kind"] == "country"}
codes = {c: by_name.get(label.lower(), c) for c, label in countries.items()}
ck = Checks()
quads = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]

for mentions in (False, True):
    args = ["--format", "gdelt1", "--period", "month"] + (["--mentions"] if mentions else [])
    folder, index = run_events(exe, args, [sample])
    want = collections.defaultdict(lambda: [0.0, 0, [0, 0, 0, 0], 0])
    missing = domestic = rows = 0
    for r in csv.reader(open(sample, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE):
        rows += 1
        a1, a2 = r[7], r[17]
        if not a1 or not a2:
            missing += 1
            continue
        s, t = codes.get(a1, a1), codes.get(a2, a2)
        if s == t:
            domestic += 1
            continue
        w = want[(r[1][:4] + "-" + r[1][4:6], s, t)]
        w[0] += float(r[30]) * (int(r[31]) if mentions else 1)
        w[1] += 1
        w[2][int(r[29]) - 1] += 1
        w[3] += int(r[31])
    st = index["stats"]
    ck.eq("rows read", st["rows_read"], rows)
    ck.eq("rows used", st["rows_used"], sum(v[1] for v in want.values()))
    ck.eq("missing_actor", st["skipped"].get("missing_actor", {}).get("count"), missing)
    ck.eq("self_tie", st["skipped"].get("self_tie", {}).get("count"), domestic)
    got = {}
    for snap in index["snapshots"]:
        g = snapshot(folder, snap["period"]["key"])
        ck.true("directed", g["directed"] is True)
        for e in g["edges"]:
            got[(snap["period"]["key"], e["source"], e["target"])] = e
    ck.eq(f"ties (mentions={mentions})", sorted(got), sorted(want))
    for k, (w, n, q, m) in want.items():
        e = got.get(k)
        if e is None:
            continue
        ck.close(f"{k} weight", e["weight"], w, 1e-6)
        ck.eq(f"{k} events", e["events"], n)
        ck.eq(f"{k} quad classes", [e["quad_class"][x] for x in quads], q)
        ck.eq(f"{k} mentions", e["mentions"], m)
ck.done("events_gdelt")
