#!/usr/bin/env python3
"""analysis_nx.py — the peer of `allynet metrics` in NetworkX: the same figures with the same
weight treatment (positive ties; lengths 1/w for paths, strengths w for spectral measures).
NetworkX has no Barrat clustering: its weighted clustering (Onnela's, same cost) stands in.
Usage: analysis_nx.py EDGES.csv OUT.json"""
import json, sys

import networkx as nx

from analysis_peer_common import pn, read_edges, signed_eigenvector

ids, edges = read_edges(sys.argv[1])
G = nx.DiGraph()
G.add_nodes_from(range(len(ids)))
for a, b, w in edges:
    if w > 0:
        G.add_edge(a, b, weight=w, dist=1.0 / w)
R = G.reverse(copy=False)
out = {
    "degree": dict(nx.MultiDiGraph([(a, b) for a, b, _ in edges]).degree()),
    "betweenness": nx.betweenness_centrality(G, weight="dist", normalized=False),
    "closeness": nx.closeness_centrality(R, distance="dist", wf_improved=False),
    "harmonic": nx.harmonic_centrality(R, distance="dist"),
    "eigenvector": nx.eigenvector_centrality_numpy(G, weight="weight"),
    "pagerank": nx.pagerank(G, weight="weight"),
    "hits": nx.hits(G)[0],
    "clustering": nx.clustering(G.to_undirected(), weight="weight"),
    "pn": list(pn(len(ids), edges)),
    "signed_eigenvector": list(signed_eigenvector(len(ids), edges)),
}
json.dump({k: ({str(i): float(x) for i, x in v.items()} if isinstance(v, dict) else v)
           for k, v in out.items()}, open(sys.argv[2], "w"))
