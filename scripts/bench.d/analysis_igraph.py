#!/usr/bin/env python3
"""analysis_igraph.py — the peer of `allynet metrics` in python-igraph: the same figures with
the same weight treatment (positive ties; lengths 1/w for paths, strengths w for spectral
measures; Barrat clustering). Usage: analysis_igraph.py EDGES.csv OUT.json"""
import json, sys

import igraph as ig

from analysis_peer_common import pn, read_edges, signed_eigenvector

ids, edges = read_edges(sys.argv[1])
n = len(ids)
pos = [(a, b, w) for a, b, w in edges if w > 0]
G = ig.Graph(n=n, edges=[(a, b) for a, b, _ in pos], directed=True)
w = [x for _, _, x in pos]
length = [1.0 / x for x in w]
Gu = ig.Graph(n=n, edges=[(a, b) for a, b, _ in pos], directed=True)
Gu.es["weight"] = w
Gu.to_undirected(mode="collapse", combine_edges={"weight": "sum"})
out = {
    "degree": ig.Graph(n=n, edges=[(a, b) for a, b, _ in edges], directed=True).degree(),
    "betweenness": G.betweenness(weights=length),
    "closeness": G.closeness(weights=length, mode="out"),
    "harmonic": G.harmonic_centrality(weights=length, mode="out"),
    "eigenvector": G.eigenvector_centrality(weights=w),
    "pagerank": G.pagerank(weights=w),
    "hub": G.hub_score(weights=w),
    "authority": G.authority_score(weights=w),
    "clustering": Gu.transitivity_local_undirected(weights="weight"),
    "pn": list(pn(n, edges)),
    "signed_eigenvector": list(signed_eigenvector(n, edges)),
}
json.dump(out, open(sys.argv[2], "w"))
