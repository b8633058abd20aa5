#!/usr/bin/env python3
"""large_input.py — a 100 MB node-link file (about a million ties) loads completely and gives the
right counts; a 100 MB single-line junk file and a deeply nested one fail with one clear line.
No timing is asserted (benchmarks measure speed); the test's timeout catches quadratic work.
Usage: large_input.py ALLYNET (run from the project root)."""
import json, os, subprocess, sys, tempfile

exe = sys.argv[1]
fails = 0
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "big.json")
    n_nodes, n_edges = 50000, 0
    with open(path, "w") as f:
        f.write('{"directed": true, "graph": {"name": "big"}, "nodes": [')
        f.write(",".join('{"id": "N%d", "name": "Actor %d"}' % (i, i) for i in range(n_nodes)))
        f.write('], "edges": [')
        parts = []
        size = f.tell()
        i = 0
        while size < 100 * 1024 * 1024:
            s, t = i % n_nodes, (i * 7919 + 1 + i // n_nodes) % n_nodes
            if s != t:
                w = ((i % 200) - 100) / 10 or 0.5
                e = '{"source": "N%d", "target": "N%d", "weight": %s, "relation": "r%d"}' % (s, t, w, i % 7)
                parts.append(e)
                size += len(e) + 2
            i += 1
        f.write(",\n".join(parts))
        f.write("]}\n")
    # ties on repeated dyads aggregate, so count distinct dyads
    dyads = {(p.split('"')[3], p.split('"')[7]) for p in parts}
    r = subprocess.run([exe, "info", "--json", path], capture_output=True, timeout=600)
    if r.returncode != 0:
        print("FAIL: info on the 100 MB file:", r.stderr.decode()[:300]); fails += 1
    else:
        info = json.loads(r.stdout)
        if info["actors"] != n_nodes or info["ties"]["total"] != len(dyads):
            print("FAIL: counts", info["actors"], info["ties"]["total"], "expected", n_nodes, len(dyads)); fails += 1
        else:
            print(f"ok: {os.path.getsize(path) >> 20} MB, {len(parts)} edges -> {len(dyads)} ties")
    junk = os.path.join(tmp, "junk.json")
    with open(junk, "wb") as f:
        f.write(b'{"nodes": ["' + b"x" * (100 * 1024 * 1024))
    r = subprocess.run([exe, "info", junk], capture_output=True, timeout=600)
    err = r.stderr.decode()
    if r.returncode != 2 or err.count("\n") != 1 or "malformed JSON" not in err:
        print("FAIL: unterminated 100 MB string:", r.returncode, err[:200]); fails += 1
    deep = os.path.join(tmp, "deep.json")
    with open(deep, "w") as f:
        f.write('{"nodes": [{"id": "a", "x": ' + "[" * 100000 + "]" * 100000 + "}]}")
    r = subprocess.run([exe, "info", deep], capture_output=True, timeout=600)
    if r.returncode != 2 or r.stderr.decode().count("\n") != 1:
        print("FAIL: deep nesting:", r.returncode, r.stderr.decode()[:200]); fails += 1
sys.exit(1 if fails else 0)
