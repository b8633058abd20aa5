#!/usr/bin/env python3
"""timeline_cow.py — compare and timeline on the yearly Correlates of War alliance snapshots
that `allynet events --format cow` builds show what historians know, as far as the table says:
- 1948 -> 1949: the ties added to the United States are exactly the other eleven founding
  members of NATO, and the timeline's tie count jumps;
- 1954 -> 1955: the Warsaw Pact adds Albania and East Germany to the Soviet Union's allies;
- the Warsaw Pact's internal ties (21 dyads among its 7 members) are all removed at once, in
  the year after the table's last year for them (1989 -> 1990 in COW v4.1, while the Pact
  was dissolved in 1991: the table, not the history book, is the reference here);
- compare's added/removed equal the set differences of the two snapshot files.
Usage: timeline_cow.py ALLYNET (run from the project root). Skips (77) without ../shared/data."""
import csv, io, json, os, subprocess, sys, tempfile
from evidence import skip

TABLE = os.path.join("..", "shared", "data", "cow_alliance_dyad_yearly.csv")
if not os.path.exists(TABLE):
    skip(f"{TABLE} is absent (../shared/data); the COW timeline was not checked")
exe = sys.argv[1]
fails = 0

def check(cond, what):
    global fails
    if not cond:
        print("FAIL", what)
        fails += 1

def dyads(path):
    g = json.load(open(path, encoding="utf-8"))
    return {tuple(sorted((e["source"], e["target"]))) for e in g["edges"]}

def compare(d, ya, yb):
    r = subprocess.run([exe, "compare", "--json", f"{d}/{ya}.json", f"{d}/{yb}.json"],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"compare {ya} {yb}: {r.stderr}")
    doc = json.loads(r.stdout)
    got = {k: {tuple(sorted((e["source"], e["target"]))) for e in doc["edges"][k]}
           for k in ("added", "removed")}
    a, b = dyads(f"{d}/{ya}.json"), dyads(f"{d}/{yb}.json")
    check(got["added"] == b - a and got["removed"] == a - b, f"{ya}->{yb}: not the set differences")
    return got

with tempfile.TemporaryDirectory() as d:
    r = subprocess.run([exe, "events", "--format", "cow", "-o", d, TABLE], capture_output=True,
                       text=True)
    if r.returncode != 0:
        print(f"FAIL allynet events --format cow: exit {r.returncode}: {r.stderr[-300:]}")
        sys.exit(1)
    nato = {"BEL", "CAN", "DNK", "FRA", "GBR", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT"}
    got = compare(d, 1948, 1949)
    check({x for p in got["added"] if "USA" in p for x in p} - {"USA"} == nato,
          "1949: the US's new allies are not NATO's founding members")
    got = compare(d, 1954, 1955)
    check({("ALB", "RUS"), ("DDR", "RUS")} <= got["added"], "1955: Warsaw Pact ties missing")
    pact = {"ALB", "BGR", "CSK", "DDR", "HUN", "POL", "RUS", "ROU"}
    inner = lambda ds: {p for p in ds if set(p) <= pact}
    ends = [y for y in range(1956, 2012) if inner(dyads(f"{d}/{y}.json")) and
            not inner(dyads(f"{d}/{y + 1}.json"))]
    check(ends == [1989], f"Warsaw Pact ties end after {ends}, expected [1989]")
    got = compare(d, 1989, 1990)
    check(inner(got["removed"]) == inner(dyads(f"{d}/1989.json")) and len(inner(got["removed"])) >= 21,
          "1990: not every Warsaw Pact tie removed")
    # The timeline (folder input: index.json is skipped) has one row of ties per year, and
    # the jumps of 1949 and 1955.
    r = subprocess.run([exe, "timeline", "--csv", "--actors", "USA", d], capture_output=True,
                       text=True)
    check(r.returncode == 0, f"timeline: {r.stderr}")
    ties = {row["snapshot"]: float(row["value"]) for row in csv.DictReader(io.StringIO(r.stdout))
            if row["actor"] == "" and row["metric"] == "ties"}
    check(len(ties) == 197, f"{len(ties)} yearly snapshots in the timeline, expected 197")
    check(ties["1949"] - ties["1948"] >= 50, f"1949 jump: {ties['1948']} -> {ties['1949']}")
    check(ties["1955"] - ties["1954"] >= 20, f"1955 jump: {ties['1954']} -> {ties['1955']}")

if fails == 0:
    print("ok COW timeline: NATO 1949, Warsaw Pact 1955 and its end in the table")
sys.exit(1 if fails else 0)
