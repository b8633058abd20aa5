#!/usr/bin/env python3
"""large_nx.py GRAPH K OUT — the peer of the large-graph benchmark: NetworkX's sampled
betweenness (betweenness_centrality with k=K pivots, seed 42) on the same reading of the graph as
allynet metrics' default (cooperative ties, directed, path length 1/w), scaled by n/K as allynet
scales it (NetworkX 2.8 leaves unnormalised directed estimates unscaled). Writes {id: value}."""
import json, sys

import networkx as nx

path, k, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
d = json.load(open(path))
G = nx.DiGraph() if d.get("directed", True) else nx.Graph()
G.add_nodes_from(n["id"] for n in d["nodes"])
for e in d.get("edges", d.get("links", [])):
    if e["weight"] > 0:
        G.add_edge(e["source"], e["target"], dist=1.0 / e["weight"])
b = nx.betweenness_centrality(G, k=k, normalized=False, weight="dist", seed=42)
scale = G.number_of_nodes() / k if G.is_directed() else 1.0
json.dump({v: x * scale for v, x in b.items()}, open(out, "w"))
