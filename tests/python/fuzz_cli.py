#!/usr/bin/env python3
"""fuzz_cli.py — the fuzz corpora (tests/fuzz/corpus/<target>/) through the allynet command, which
the C replay cannot check: every graph input given to `allynet convert IN OUT.json` (as .json,
.dot or .csv by its corpus) exits 0 or 2; on 2, stderr is exactly one line
`allynet: SOURCE:LINE:COL: text`; on 0, the output parses as node-link JSON whose ties join actors
it lists, once each. Every text input given to `allynet extract` exits 0 with a snapshot that parses.
Each corpus must hold at least 50 inputs (what fuzzing found is kept; 20 for the report
writers, whose targets build a whole report per input). Usage: fuzz_cli.py ALLYNET."""
import glob, json, os, re, shutil, subprocess, sys, tempfile

exe = sys.argv[1]
CORPUS = os.path.join("tests", "fuzz", "corpus")
EXT = {"nodelink": ".json", "dot": ".dot", "csv": ".csv", "graphml": ".graphml", "gexf": ".gexf"}
ERROR = re.compile(r"^allynet: .*:\d+:\d+: \S.*\n$")
# the report writers' targets build a whole report per input (about one a second under the
# sanitizers): their corpora need 20 inputs, the others 50
SLOW = {"write_html", "write_markdown"}
fails, counts = [], {}


def snapshot_ok(path, what):
    try:
        g = json.load(open(path, encoding="utf-8"))
    except (ValueError, OSError) as e:
        fails.append(f"{what}: the output does not parse: {e}")
        return
    ids = [n["id"] for n in g["nodes"]]
    if len(ids) != len(set(ids)):
        fails.append(f"{what}: an actor listed twice")
    bad = [e for e in g.get("edges", g.get("links", [])) if e["source"] not in ids or e["target"] not in ids]
    if bad:
        fails.append(f"{what}: a tie joins an actor that is not listed: {bad[0]}")


with tempfile.TemporaryDirectory() as tmp:
    for target in sorted(os.listdir(CORPUS)):
        inputs = sorted(glob.glob(os.path.join(CORPUS, target, "*")))
        counts[target] = len(inputs)
        least = 20 if target in SLOW else 50
        if len(inputs) < least:
            fails.append(f"corpus/{target}: {len(inputs)} inputs, fewer than {least}")
        if target not in EXT and target != "extract":
            continue
        for i, src in enumerate(inputs):
            out = os.path.join(tmp, f"out{i}.json")
            if target == "extract":
                cmd = [exe, "extract", "-o", out, src]
            else:
                inp = os.path.join(tmp, f"in{i}{EXT[target]}")
                shutil.copy(src, inp)
                cmd = [exe, "convert", inp, out]
            r = subprocess.run(cmd, capture_output=True, timeout=60)
            err = r.stderr.decode("utf-8", "replace")
            what = f"{src}: allynet {cmd[1]}"
            if r.returncode == 0:
                snapshot_ok(out, what)
            elif r.returncode == 2 and target != "extract":
                if not ERROR.match(err):
                    fails.append(f"{what}: exit 2 needs one line `allynet: SOURCE:LINE:COL: text`; got {err!r}")
            else:
                fails.append(f"{what}: exit {r.returncode}: {err[-300:]!r}")
for target, n in sorted(counts.items()):
    print(f"corpus/{target}: {n} inputs")
for f in fails:
    print("FAIL", f)
sys.exit(1 if fails else 0)
