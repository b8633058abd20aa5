#!/usr/bin/env python3
"""roundtrip_networkx.py — NetworkX reads what allynet writes and allynet reads what NetworkX
writes, for every shipped snapshot: same actors, same ties, same weights, unknown keys kept.
Usage: roundtrip_networkx.py ALLYNET (run from the project root). Skips (77) without networkx."""
import glob, json, os, subprocess, sys, tempfile
from evidence import missing_module

try:
    import networkx as nx
    from networkx.readwrite import json_graph
except ImportError:
    missing_module("python3 networkx is not installed; the NetworkX round trip was not checked")

exe = sys.argv[1]
fails = 0
# NetworkX 3.4+ reads "edges" by default (DESIGN.md targets 3.6); Debian 12 ships 2.8, whose
# default key was "links": there the key is named explicitly, and the test says so.
NEW = tuple(int(x) for x in nx.__version__.split(".")[:2]) >= (3, 4)
KW = {} if NEW else {"link": "edges"}
if not NEW:
    print(f"note: networkx {nx.__version__} predates the 'edges' default; passing link='edges'")

def ties(G):
    return {(str(u), str(v)): round(float(d.get("weight", 1.0)), 9) for u, v, d in G.edges(data=True)}

graphs = sorted(glob.glob("graphs/*.json"))
assert graphs, "no shipped graphs"
with tempfile.TemporaryDirectory() as tmp:
    for path in graphs:
        ours = os.path.join(tmp, "ours.json")
        subprocess.run([exe, "convert", path, ours], check=True)
        G = json_graph.node_link_graph(json.load(open(ours)), **KW)  # default arguments, as DESIGN.md says
        src = json.load(open(path))
        want_nodes = {n["id"] for n in src["nodes"]}
        if set(G.nodes) != want_nodes:
            print(f"FAIL {path}: nodes differ after allynet convert"); fails += 1
        want = {}
        for e in src.get("edges", src.get("links", [])):
            k = (e["source"], e["target"])
            want[k] = round(want.get(k, 0.0) + float(e.get("weight", 1.0)), 9)
        if ties(G) != want:
            print(f"FAIL {path}: ties differ after allynet convert"); fails += 1
        # NetworkX writes, allynet reads and writes again, NetworkX reads: nothing lost.
        nxout = os.path.join(tmp, "nx.json")
        G.graph["extra_key"] = "kept"
        for n in G.nodes:
            G.nodes[n]["nx_attr"] = len(str(n))
        json.dump(json_graph.node_link_data(G, **KW), open(nxout, "w"))
        back = os.path.join(tmp, "back.json")
        subprocess.run([exe, "convert", nxout, back], check=True)
        H = json_graph.node_link_graph(json.load(open(back)), **KW)
        if ties(H) != ties(G) or set(H.nodes) != set(G.nodes) or H.is_directed() != G.is_directed():
            print(f"FAIL {path}: the NetworkX -> allynet -> NetworkX round trip changed the graph"); fails += 1
        if H.graph.get("extra_key") != "kept" or any(H.nodes[n].get("nx_attr") != len(str(n)) for n in H.nodes):
            print(f"FAIL {path}: unknown keys were dropped"); fails += 1
        for u, v, d in G.edges(data=True):
            if H.edges[u, v].get("evidence") != d.get("evidence"):
                print(f"FAIL {path}: evidence of {u}->{v} changed"); fails += 1
                break
        print(f"ok {path}: {G.number_of_nodes()} actors, {G.number_of_edges()} ties")
sys.exit(1 if fails else 0)
