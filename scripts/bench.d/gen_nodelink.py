#!/usr/bin/env python3
"""gen_nodelink.py N_EDGES OUT — writes a random signed directed node-link JSON graph with
N_EDGES distinct ties over N_EDGES/10 actors (seeded, so every run benchmarks the same file)."""
import json, random, sys

m, out = int(sys.argv[1]), sys.argv[2]
n = max(10, m // 10)
rng = random.Random(7)
seen = set()
with open(out, "w") as f:
    f.write('{"directed": true, "multigraph": false, "graph": {"name": "bench"},\n "nodes": [\n')
    f.write(",\n".join(json.dumps({"id": f"A{i}", "name": f"Actor {i}", "kind": "state"}) for i in range(n)))
    f.write('\n ],\n "edges": [\n')
    first = True
    while len(seen) < m:
        s, t = rng.randrange(n), rng.randrange(n)
        if s == t or (s, t) in seen:
            continue
        seen.add((s, t))
        w = round(rng.uniform(-10, 10), 1) or 0.5
        e = {"source": f"A{s}", "target": f"A{t}", "weight": w, "relation": "support" if w > 0 else "pressure", "events": rng.randint(1, 5)}
        f.write(("" if first else ",\n") + json.dumps(e))
        first = False
    f.write('\n ]\n}\n')
