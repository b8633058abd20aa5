#!/usr/bin/env python3
"""extract_long_line.py — bad inputs too big to commit, generated here: a 10 MB line of words
without a full stop, a 10 MB run without any space, and the same behind a date header. Each must
finish quickly (linear time: sentences are cut at a hard limit, blocks are streamed) with exit 0
and still find the relation on the line after it."""
import json, os, random, subprocess, sys, tempfile, time

exe = sys.argv[1]
random.seed(11)
words = ["the", "river", "grain", "harbour", "weather", "council", "market", "slowly", "green",
         "and", "with", "of", "a", "quiet", "morning", "trains", "village", "Norway", "praised"]
tail = "\nNorway praised Sweden.\n"
cases = {
    "words": " ".join(random.choice(words) for _ in range(1_700_000))[:10_000_000] + tail,
    "nospace": "x" * 10_000_000 + tail,
    "header": "date 2021-02-03\n" + "é" * 5_000_000 + tail,
}
fails = []
with tempfile.TemporaryDirectory() as tmp:
    for name, text in cases.items():
        path = os.path.join(tmp, name + ".txt")
        open(path, "w", encoding="utf-8").write(text)
        t0 = time.time()
        r = subprocess.run([exe, "extract", "-o", os.path.join(tmp, "g.json"), path],
                           capture_output=True, timeout=280)
        dt = time.time() - t0
        if r.returncode != 0:
            fails.append(f"{name}: exit {r.returncode}: {r.stderr.decode()[:200]}")
            continue
        g = json.load(open(os.path.join(tmp, "g.json")))
        pairs = {(e["source"], e["target"]) for e in g["edges"]}
        if ("NOR", "SWE") not in pairs:
            fails.append(f"{name}: the relation after the long line was lost: {sorted(pairs)[:5]}")
        print(f"{name}: {len(text) / 1e6:.1f} MB in {dt:.1f} s, {len(pairs)} ties")
if fails:
    print("\n".join(fails))
    sys.exit(1)
