#!/usr/bin/env python3
"""nx_timeline.py DIR [OUT.csv] — the peer of `allynet timeline --csv DIR` in NetworkX: per
snapshot (in date order) actors, ties, ties by sign, density, Louvain blocs of the positive ties
(seeded) and their modularity; per actor degree, positive and negative strength. Writes the same
long CSV (snapshot,date,actor,metric,value) to OUT (default stdout)."""
import csv, glob, json, os, sys
import networkx as nx
from networkx.readwrite import json_graph

def load(path):
    data = json.load(open(path, encoding="utf-8"))
    try:
        return data, json_graph.node_link_graph(data, edges="edges")   # NetworkX >= 3.4
    except TypeError:
        return data, json_graph.node_link_graph(data, link="edges")    # NetworkX 2.8 (Debian 12)

files = sorted(f for f in glob.glob(os.path.join(sys.argv[1], "*.json"))
               if os.path.basename(f) != "index.json")  # written by allynet events
snaps = []
for path in files:
    data, G = load(path)
    snaps.append((data["graph"].get("date", ""), os.path.splitext(os.path.basename(path))[0], G))
snaps.sort(key=lambda s: (s[0], s[1]))
out = open(sys.argv[2], "w", newline="") if len(sys.argv) > 2 else sys.stdout
w = csv.writer(out, lineterminator="\n")
w.writerow(["snapshot", "date", "actor", "metric", "value"])
for date, stem, G in snaps:
    pos = [(u, v, d) for u, v, d in G.edges(data=True) if d.get("weight", 1) > 0]
    Gp = nx.Graph(); Gp.add_nodes_from(G); Gp.add_edges_from(pos)
    figures = {"actors": G.number_of_nodes(), "ties": G.number_of_edges(), "ties_pos": len(pos),
               "ties_neg": sum(1 for *_, d in G.edges(data=True) if d.get("weight", 1) < 0),
               "density": nx.density(G)}
    if pos:
        blocs = nx.community.louvain_communities(Gp, weight="weight", seed=42)
        figures["modularity"] = nx.community.modularity(Gp, blocs, weight="weight")
    else:
        blocs = [{n} for n in G]
    figures["blocs"] = len(blocs)
    for k, v in figures.items():
        w.writerow([stem, date, "", k, f"{v:.12g}"])
    member = {n: i for i, c in enumerate(sorted(blocs, key=lambda c: min(c))) for n in c}
    for n in sorted(G):
        ws = [d.get("weight", 1) for *_, d in G.edges(n, data=True)]
        for k, v in (("degree", G.degree(n)), ("strength_pos", sum(x for x in ws if x > 0)),
                     ("strength_neg", sum(x for x in ws if x < 0)), ("bloc", member[n])):
            w.writerow([stem, date, n, k, f"{v:.12g}"])
