#!/usr/bin/env python3
"""timeline_check.py — `allynet timeline` on the shipped snapshots (graphs/*.json): the long CSV
has exactly the expected rows (every network figure per snapshot; degree, strength_pos,
strength_neg and bloc for every actor of every snapshot, none for absent actors) with values
recomputed here from the files, snapshots in date order; bloc labels agree with --json; the SVG
chart parses and has one path per series.
Usage: timeline_check.py ALLYNET (run from the project root). Skips (77) without gnuplot."""
import csv, glob, io, json, os, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET
from evidence import finish, partial

exe = sys.argv[1]
graphs = sorted(glob.glob("graphs/*.json"))
assert graphs, "no shipped graphs"
fails = 0

def check(cond, what):
    global fails
    if not cond:
        print("FAIL", what)
        fails += 1

def load(path):
    g = json.load(open(path, encoding="utf-8"))
    return g, g.get("edges", g.get("links", []))

snaps = []
for path in graphs:
    g, edges = load(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    snaps.append((g["graph"]["date"], stem, g, edges))
snaps.sort()

# Reversed argument order must not matter: snapshots are ordered by date.
r = subprocess.run([exe, "timeline", "--csv"] + graphs[::-1], capture_output=True, text=True)
check(r.returncode == 0, f"timeline --csv: exit {r.returncode}: {r.stderr}")
rows = list(csv.DictReader(io.StringIO(r.stdout)))
check(rows and list(rows[0].keys()) == ["snapshot", "date", "actor", "metric", "value"],
      "CSV header")
order = []
for row in rows:
    if not order or order[-1] != row["snapshot"]:
        order.append(row["snapshot"])
check(order == [s[1] for s in snaps], f"snapshot order {order}")

got = {(row["snapshot"], row["actor"], row["metric"]): float(row["value"]) for row in rows}
check(len(got) == len(rows), "duplicate CSV rows")
want = {}
for date, stem, g, edges in snaps:
    ids = [n["id"] for n in g["nodes"]]
    pos = sum(1 for e in edges if e["weight"] > 0); neg = sum(1 for e in edges if e["weight"] < 0)
    n = len(ids)
    want[(stem, "", "actors")] = n
    want[(stem, "", "ties")] = len(edges)
    want[(stem, "", "ties_pos")] = pos
    want[(stem, "", "ties_neg")] = neg
    want[(stem, "", "density")] = len(edges) / (n * (n - 1))
    for a in ids:
        inc = [e for e in edges if a in (e["source"], e["target"])]
        want[(stem, a, "degree")] = len(inc)
        want[(stem, a, "strength_pos")] = sum(e["weight"] for e in inc if e["weight"] > 0)
        want[(stem, a, "strength_neg")] = sum(e["weight"] for e in inc if e["weight"] < 0)
for key, value in want.items():
    check(key in got and abs(got[key] - value) < 1e-9, f"{key}: {got.get(key)} vs {value}")
# Every other row is a figure computed by an analysis module (checked by that module's tests).
ANALYSIS = {"modularity", "blocs", "balance_ratio", "frustration", "polarization", "bloc",
            "alignment", "betweenness", "closeness", "eigenvector", "pagerank", "pn"}
extra = {k for k in got if k not in want}
check(all(k[2] in ANALYSIS for k in extra), f"unexpected rows {[k for k in extra if k[2] not in ANALYSIS]}")
for date, stem, g, edges in snaps:
    for node in g["nodes"]:
        check((stem, node["id"], "bloc") in got, f"{stem} {node['id']} has no bloc")
    check((stem, "", "blocs") in got and (stem, "", "modularity") in got, f"{stem} blocs")
present = {(s[1], n["id"]) for s in snaps for n in s[2]["nodes"]}
check(all((k[0], k[1]) in present for k in got if k[1]), "a row for an absent actor")

# JSON agrees with the CSV on blocs.
r = subprocess.run([exe, "timeline", "--json"] + graphs, capture_output=True, text=True)
check(r.returncode == 0, f"timeline --json: exit {r.returncode}")
doc = json.loads(r.stdout)
check([s["label"] for s in doc["snapshots"]] == [s[1] for s in snaps], "JSON snapshot order")
for a in doc["actors"]:
    for t, v in enumerate(a["series"]["bloc"]):
        key = (snaps[t][1], a["id"], "bloc")
        check((v is None) == (key not in got) and (v is None or got[key] == v), f"bloc {key}")

# The chart: valid SVG, one gnuplot plot group per series, each with one path.
if shutil.which(os.environ.get("ALLYNET_GNUPLOT", "gnuplot")) is None:
    partial("gnuplot is not installed; the chart was not checked")
    finish(fails)
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "t.svg")
    actors = ["USA", "RUS", "VEN"]
    r = subprocess.run([exe, "timeline", "-o", out, "--actors", ",".join(actors)] + graphs,
                       capture_output=True, text=True)
    check(r.returncode == 0 and r.stdout == "", f"timeline -o: exit {r.returncode}: {r.stderr}")
    root = ET.parse(out).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    check(root.tag == ns + "svg", "not an SVG document")
    series = [g for g in root.iter(ns + "g") if g.get("id", "").startswith("gnuplot_plot_")]
    titles = [next((t.text for t in g.iter(ns + "text")), None) for g in series]
    # counts, then ratios, then one line per actor.
    expect = ["actors", "ties +", "ties −", "blocs", "frustration",
              "density", "modularity", "balance_ratio", "polarization"] + actors
    check(titles == expect, f"series {titles}, expected {expect}")
    for g, title in zip(series, titles):
        check(len(list(g.iter(ns + "path"))) == 1, f"series {title}: not one path")

if fails == 0:
    print(f"ok timeline: {len(rows)} CSV rows, {len(series)} series in the chart")
sys.exit(1 if fails else 0)
