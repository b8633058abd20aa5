#!/usr/bin/env python3
"""events_cow.py — `allynet events --format cow|atop` against the tables themselves: every
year's snapshot has exactly as many alliance dyads as the table (counted here with csv), and
the timeline shows what historians know: NATO (1949) and the Warsaw Pact (1955) make the ties
jump, and the Warsaw Pact's defence ties are gone after the Cold War."""
import csv, collections, sys
from events_common import need, run_events, snapshot, Checks

exe = sys.argv[1]
cow, atop = need("cow_alliance_dyad_yearly.csv", "atop_alliance_dyad_yearly.csv")
ck = Checks()

for fmt, path, ntypes in [("cow", cow, 4), ("atop", atop, 5)]:
    folder, index = run_events(exe, ["--format", fmt], [path])
    want = collections.Counter()
    rows = 0
    with open(path, newline="") as f:
        for r in csv.reader(f):
            if r[0] == "ccode1":
                continue
            rows += 1
            if any(v == "1" for v in r[3:3 + ntypes]):
                want[r[2]] += 1
    got = {s["period"]["key"]: s["ties"] for s in index["snapshots"]}
    ck.eq(f"{fmt}: years with alliances", sorted(got), sorted(want))
    for y in want:
        ck.eq(f"{fmt} {y}: alliance dyads", got.get(y), want[y])
    ck.eq(f"{fmt}: rows read", index["stats"]["rows_read"], rows)
    ck.eq(f"{fmt}: rows used", index["stats"]["rows_used"], sum(want.values()))

    if fmt != "cow":
        continue
    # NATO, signed April 1949: a jump of at least 50 alliance dyads over 1948.
    ck.true(f"cow: ties(1949) - ties(1948) = {got['1949'] - got['1948']} >= 50",
            got["1949"] - got["1948"] >= 50)
    # The Warsaw Pact (USSR, Poland, GDR, Czechoslovakia, Hungary, Romania, Bulgaria, Albania).
    pact = {365, 290, 265, 315, 310, 360, 355, 339}

    def pact_defense(year):
        g = snapshot(folder, str(year))
        code = {n["id"]: n.get("cow_code") for n in g["nodes"]}
        return [e for e in g["edges"] if code[e["source"]] in pact and code[e["target"]] in pact
                and e.get("defense")], code

    d54, _ = pact_defense(1954)
    d55, _ = pact_defense(1955)
    ck.true(f"cow: Warsaw Pact defence ties jump in 1955 ({len(d54)} -> {len(d55)})",
            len(d55) - len(d54) >= 10)
    for y in range(1955, 1990):
        d, code = pact_defense(y)
        ck.true(f"cow {y}: >= 21 Warsaw Pact defence ties (got {len(d)})", len(d) >= 21)
        ck.true(f"cow {y}: USSR-Poland defence tie",
                any({code[e["source"]], code[e["target"]]} == {365, 290} for e in d))
    for y in range(1992, 1999):  # from 1999 Poland and Hungary are NATO allies
        d, code = pact_defense(y)
        ck.eq(f"cow {y}: Warsaw Pact defence ties", len(d), 0)
    g = snapshot(folder, "1955")
    ck.eq("cow 1955: defence weighs 3", {e["weight"] for e in g["edges"] if e.get("defense")}, {3.0})
    ck.true("cow: undirected snapshots", g["directed"] is False)

ck.done("events_cow")
