#!/usr/bin/env python3
"""petrarch_import.py — the data scripts/petrarch-import generates from PETRARCH-2's dictionaries
(graphs/lexicon-petrarch.tsv, graphs/aliases-petrarch.tsv, graphs/LICENSE.petrarch) is committed
exactly as the script writes it now (so the two never drift), twice the same (deterministic), and
every generated file carries the MIT notice and attribution. Skips visibly without
../shared/data/petrarch_dicts (fails instead under CI=true)."""
import os, subprocess, sys, tempfile

src = os.path.join("..", "shared", "data", "petrarch_dicts")
if not os.path.isdir(src):
    print("SKIP: ../shared/data/petrarch_dicts is absent")
    sys.exit(1 if os.environ.get("CI") == "true" else 77)
script = os.path.join("scripts", "petrarch-import")
names = ["lexicon-petrarch.tsv", "aliases-petrarch.tsv", "LICENSE.petrarch"]
fails = []
r = subprocess.run([sys.executable, script, "--source", src, "--check"], capture_output=True, text=True)
if r.returncode != 0:
    fails.append("committed files differ from the script's output: " + r.stderr.strip())
outs = []
for _ in range(2):
    d = tempfile.mkdtemp(prefix="petrarch-import-")
    subprocess.run([sys.executable, script, "--source", src, "--out", d], check=True)
    outs.append({n: open(os.path.join(d, n), encoding="utf-8").read() for n in names})
if outs[0] != outs[1]:
    fails.append("two runs wrote different bytes")
for n in names:
    text = outs[0][n]
    for need in ("MIT License", "Copyright (c)", "Open Event Data Alliance", "PETRARCH"):
        if need not in text:
            fails.append(f"{n}: no '{need}'")
# the check mode must notice a changed file
with tempfile.TemporaryDirectory() as d:
    subprocess.run([sys.executable, script, "--source", src, "--out", d], check=True)
    with open(os.path.join(d, names[0]), "a", encoding="utf-8") as f:
        f.write("stray\tv\t190\t-10\tmilitary\t\t\n")
    r = subprocess.run([sys.executable, script, "--source", src, "--out", d, "--check"],
                       capture_output=True, text=True)
    if r.returncode != 1 or names[0] not in r.stderr:
        fails.append("--check did not report a changed file")
if fails:
    print("\n".join(fails))
    sys.exit(1)
print(f"ok: {', '.join(names)} match scripts/petrarch-import; deterministic; MIT notice kept")
