#!/usr/bin/env python3
"""balance_peer.py — the peer computation for scripts/bench.d/balance.sh: signed triangle
balance with NetworkX (pairs folded as allynet does: both directions summed, sign of the sum,
zero sums left out) and, with --walk, the Estrada-Benzi walk index with numpy (eigvalsh).
Usage: balance_peer.py [--walk] EDGES.csv (source,target,weight|sign). Prints JSON."""
import csv, json, sys

walk = "--walk" in sys.argv
path = [a for a in sys.argv[1:] if a != "--walk"][0]
try:
    import networkx as nx
    import numpy as np
except ImportError:
    import os
    if os.path.exists("/usr/bin/python3") and sys.executable != "/usr/bin/python3":
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

pairs = {}
for r in csv.DictReader(open(path)):
    a, b = r["source"], r["target"]
    w = float(r.get("weight") or r.get("sign"))
    key = (a, b) if a < b else (b, a)
    pairs[key] = pairs.get(key, 0.0) + w
G = nx.Graph()
for (a, b), w in pairs.items():
    if w != 0:
        G.add_edge(a, b, sign=1 if w > 0 else -1)
total = sum(nx.triangles(G).values()) // 3
balanced = 0
for a, b in G.edges():
    for c in set(G[a]) & set(G[b]):
        if c > a and c > b:
            balanced += G[a][b]["sign"] * G[b][c]["sign"] * G[a][c]["sign"] > 0
out = {"triangles": total, "balanced": balanced, "ratio": balanced / total if total else None}
if walk:
    A = nx.to_numpy_array(G, weight="sign")
    ev, ea = np.linalg.eigvalsh(A), np.linalg.eigvalsh(np.abs(A))
    shift = ea.max()
    out["walk_balance"] = float(np.exp(ev - shift).sum() / np.exp(ea - shift).sum())
print(json.dumps(out))
