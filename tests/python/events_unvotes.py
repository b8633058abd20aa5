#!/usr/bin/env python3
"""events_unvotes.py — `allynet events --format unvotes` against a hand count from the raw CSV:
for USA-Israel, USA-Russia and France-UK in 2000 (and one pair in 1995), the common roll calls,
the agreement (same + 0.5 x one abstained) / common, and the S-score 1 - 2 x mean|a - b|
(yes 1, abstain 0.5, no 0), which is also the tie weight."""
import csv, sys
from events_common import need, run_events, snapshot, Checks

exe = sys.argv[1]
votes_csv, calls_csv = need("un_votes_1991_2019.csv", "un_roll_calls.csv")
ck = Checks()
folder, index = run_events(exe, ["--format", "unvotes"], [votes_csv, calls_csv])
codes = index["stats"]["codes"]

date = {r["rcid"]: r["date"] for r in csv.DictReader(open(calls_csv, newline=""))}
by_year = {}
for r in csv.DictReader(open(votes_csv, newline="")):
    y = date[r["rcid"]][:4]
    by_year.setdefault(y, {}).setdefault(r["country_code"], {})[r["rcid"]] = r["vote"]

value = {"yes": 1.0, "abstain": 0.5, "no": 0.0}
for year, a, b in [("2000", "US", "IL"), ("2000", "US", "RU"), ("2000", "FR", "GB"),
                   ("1995", "CN", "IN")]:
    va, vb = by_year[year][a], by_year[year][b]
    common = set(va) & set(vb)
    n = len(common)
    same = sum(va[k] == vb[k] for k in common)
    half = sum((va[k] == "abstain") != (vb[k] == "abstain") for k in common)
    s = 1 - 2 * sum(abs(value[va[k]] - value[vb[k]]) for k in common) / n
    g = snapshot(folder, year)
    ia, ib = codes[a]["id"], codes[b]["id"]
    e = [x for x in g["edges"] if {x["source"], x["target"]} == {ia, ib}]
    ck.eq(f"{year} {a}-{b}: one tie", len(e), 1)
    if not e:
        continue
    e = e[0]
    ck.eq(f"{year} {a}-{b}: common votes", e["votes"], n)
    ck.eq(f"{year} {a}-{b}: events", e["events"], n)
    ck.close(f"{year} {a}-{b}: agreement", e["agreement"], (same + 0.5 * half) / n)
    ck.close(f"{year} {a}-{b}: S-score", e["s_score"], s)
    ck.close(f"{year} {a}-{b}: weight = S", e["weight"], s)

# every pair of states that voted together in 2000 has a tie
states = by_year["2000"]
ids = {codes[c]["id"] for c in states}
g = snapshot(folder, "2000")
ck.eq("2000: actors", len(g["nodes"]), len(ids))
pairs = sum(1 for i, a in enumerate(sorted(states)) for b in sorted(states)[i + 1:]
            if set(states[a]) & set(states[b]))
ck.eq("2000: ties", len(g["edges"]), pairs)
ck.true("undirected", g["directed"] is False)
ck.done("events_unvotes")
