#!/usr/bin/env python3
"""gen_nodelink.py [options] N_EDGES OUT — writes a random signed node-link JSON graph with
N_EDGES distinct ties (seeded, so every run benchmarks the same file).

By default the graph is directed over N_EDGES/10 actors (at least 10) named A0, A1, ..., with
weights uniform in [-10, 10] (one decimal; 0 becomes 0.5). Options:
  --actors N     N actors instead of N_EDGES/10 (N_EDGES 0 with --actors: only isolates)
  --first K      number the actors from A<K> (two snapshots that share part of their actors)
  --seed S       random seed (default 7)
  --date D       the graph's date (YYYY-MM-DD), for timelines
  --undirected   an undirected graph (each unordered pair at most once)
"""
import argparse, json, random

ap = argparse.ArgumentParser(usage=__doc__)
ap.add_argument("edges", type=int)
ap.add_argument("out")
ap.add_argument("--actors", type=int)
ap.add_argument("--first", type=int, default=0)
ap.add_argument("--seed", type=int, default=7)
ap.add_argument("--date")
ap.add_argument("--undirected", action="store_true")
a = ap.parse_args()
m = a.edges
n = a.actors if a.actors is not None else max(10, m // 10)
pairs = n * (n - 1) // (2 if a.undirected else 1)
if m > pairs:
    ap.error(f"{m} ties do not fit among {n} actors")
rng = random.Random(a.seed)
seen = set()
graph = {"name": "bench"}
if a.date:
    graph["date"] = a.date
with open(a.out, "w") as f:
    f.write('{"directed": %s, "multigraph": false, "graph": %s,\n "nodes": [\n'
            % ("false" if a.undirected else "true", json.dumps(graph)))
    f.write(",\n".join(json.dumps({"id": f"A{i}", "name": f"Actor {i}", "kind": "state"})
                       for i in range(a.first, a.first + n)))
    f.write('\n ],\n "edges": [\n')
    first = True
    while len(seen) < m:
        s, t = rng.randrange(n), rng.randrange(n)
        key = (min(s, t), max(s, t)) if a.undirected else (s, t)
        if s == t or key in seen:
            continue
        seen.add(key)
        w = round(rng.uniform(-10, 10), 1) or 0.5
        e = {"source": f"A{s + a.first}", "target": f"A{t + a.first}", "weight": w,
             "relation": "support" if w > 0 else "pressure", "events": rng.randint(1, 5)}
        f.write(("" if first else ",\n") + json.dumps(e))
        first = False
    f.write('\n ]\n}\n')
