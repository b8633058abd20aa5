#!/usr/bin/env python3
"""extract_merge.py — scale-out: extracting the parts of a corpus and merging the snapshots
(`allynet merge`) gives the same ties as extracting the whole: equal summed weights and event
counts per directed dyad. Evidence differs only in its doc ids and offsets (each part is its own
document: the id is the file name, see `allynet extract --help`), so it is compared by count.
Uses the development texts in tests/extract/dev; skips visibly when they are absent."""
import glob, json, os, subprocess, sys, tempfile
from evidence import skip

exe = sys.argv[1]
texts = sorted(glob.glob("tests/extract/dev/*.txt"))
if len(texts) < 4:
    skip("tests/extract/dev holds fewer than 4 texts")

def extract(paths, out):
    r = subprocess.run([exe, "extract", "--max-evidence", "1000", "-o", out] + paths,
                       capture_output=True)
    if r.returncode != 0:
        sys.exit(f"extract failed: {r.stderr.decode()[:300]}")

def ties(path):
    g = json.load(open(path))
    return {(e["source"], e["target"]): (round(e["weight"], 9), e["events"], len(e.get("evidence", [])))
            for e in g["edges"]}

with tempfile.TemporaryDirectory() as tmp:
    half = len(texts) // 2
    # The whole corpus as ONE document (the texts concatenated, paragraph-separated, header lines
    # dropped: a header is only read at the start of a document), and its two halves.
    whole = os.path.join(tmp, "whole.txt")
    parts = [os.path.join(tmp, "a.txt"), os.path.join(tmp, "b.txt")]
    def body(p):
        t = open(p, encoding="utf-8").read()
        return t.split("\n", 1)[1] if t.startswith("date ") else t
    for out, group in ((parts[0], texts[:half]), (parts[1], texts[half:]), (whole, texts)):
        open(out, "w", encoding="utf-8").write("\n\n".join(body(p) for p in group) + "\n")
    extract([whole], os.path.join(tmp, "whole.json"))
    extract([parts[0]], os.path.join(tmp, "a.json"))
    extract([parts[1]], os.path.join(tmp, "b.json"))
    r = subprocess.run([exe, "merge", "-o", os.path.join(tmp, "m.json"),
                        os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")], capture_output=True)
    if r.returncode != 0:
        sys.exit(f"merge failed: {r.stderr.decode()[:300]}")
    w, m = ties(os.path.join(tmp, "whole.json")), ties(os.path.join(tmp, "m.json"))
    if not w:
        sys.exit("no ties extracted: the test would prove nothing")
    fails = [f"{k}: whole {w.get(k)} vs merged {m.get(k)}" for k in sorted(set(w) | set(m))
             if w.get(k) != m.get(k)]
    srcs = [s["id"] for s in json.load(open(os.path.join(tmp, "m.json")))["graph"]["sources"]]
    if srcs != ["a.txt", "b.txt"]:
        fails.append(f"merged sources {srcs}")
    if fails:
        print("\n".join(fails[:20]))
        sys.exit(1)
    print(f"ok: {len(w)} dyads, {sum(v[1] for v in w.values())} events: merge(extract(A), extract(B)) == extract(A+B)")
