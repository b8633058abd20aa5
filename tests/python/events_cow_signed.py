#!/usr/bin/env python3
"""events_cow_signed.py — `allynet events --format cow-signed`: one snapshot per window, with
the node and edge counts PROVENANCE.md gives (first window 64 nodes, 362 edges, 320+/42-; last
151 nodes, 1,247 edges, 1100+/147-), and every window's counts equal to the table's."""
import collections, csv, sys
from events_common import need, run_events, snapshot, Checks

exe = sys.argv[1]
(path,) = need("cow_signed_networks_1946_1999.csv")
ck = Checks()
folder, index = run_events(exe, ["--format", "cow-signed"], [path])


def counts(key):
    g = snapshot(folder, key)
    e = g["edges"]
    return (len(g["nodes"]), len(e), sum(x["weight"] > 0 for x in e),
            sum(x["weight"] < 0 for x in e))


ck.eq("windows", len(index["snapshots"]), 51)
ck.eq("1946-1949", counts("1946-1949"), (64, 362, 320, 42))
ck.eq("1996-1999", counts("1996-1999"), (151, 1247, 1100, 147))
want = collections.defaultdict(lambda: [set(), 0, 0])
for r in csv.DictReader(open(path, newline="")):
    w = want[f"{int(r['start_year']):04d}-{int(r['end_year']):04d}"]
    w[0] |= {r["source"], r["target"]}
    w[1 if r["sign"] == "1" else 2] += 1
for key, (nodes, pos, neg) in want.items():
    ck.eq(key, counts(key), (len(nodes), pos + neg, pos, neg))
ck.done("events_cow_signed")
