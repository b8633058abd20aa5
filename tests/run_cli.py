#!/usr/bin/env python3
"""run_cli.py — runs one golden CLI case: ALLYNET CASE_DIR.

A case folder holds `args` (one argument per line; `@TMP@` is replaced by a fresh temporary
folder, `@SHARED@` by ../shared, and the case is skipped with a message when it needs ../shared
and that is absent), optional `stdin`, `exit` (expected code, default 0), `stdout` (expected
exactly, when present), `stdout_has` (each line must occur in stdout, when present: for output
that also carries figures of other modules), `stderr` (each line must occur in stderr, when
present), and `files`
(lines `PATH<TAB>SUBSTRING`: PATH under @TMP@ must exist and contain SUBSTRING; `!PATH`: must not
exist), optional `drawing` (lines `PATH<TAB>KEY=VALUE ...`: the drawing PATH under @TMP@,
parsed: an SVG's `nodes`, `edges` and class counts `class:NAME=N`, a DOT file's `nodes`, `edges`
and `clusters` (through Graphviz's gc); for a PNG or PDF the width and height are checked to be
positive and the same command is run again with PATH.svg, whose parsed content is checked) and a
required `reference` (where the expected output came from: hand computation, NetworkX, igraph,
scipy, a published table, the contract in DESIGN.md, or "regression: captured on DATE").
Without ../shared the case is skipped (exit 77), and fails under CI=true. Runs from the project
root."""
import os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def svg_counts(path):
    """Nodes, edges and class counts of a Graphviz SVG drawing (groups with class node/edge)."""
    counts = {"nodes": 0, "edges": 0}
    for g in ET.parse(path).getroot().iter(SVG + "g"):
        classes = g.get("class", "").split()
        counts["nodes"] += "node" in classes
        counts["edges"] += "edge" in classes
        for c in classes:
            counts["class:" + c] = counts.get("class:" + c, 0) + 1
    return counts


def dot_counts(path):
    """Nodes, edges and clusters of a DOT file, counted by Graphviz's gc."""
    r = subprocess.run(["gc", "-n", "-e", path], capture_output=True, text=True, check=True)
    nums = [int(x) for x in re.findall(r"\s(\d+)\s", " " + r.stdout)]
    text = open(path, encoding="utf-8").read()
    return {"nodes": nums[0], "edges": nums[1],
            "clusters": len(re.findall(r"subgraph\s+\"?cluster", text))}


def image_size(path):
    """Width and height of a PNG (IHDR) or the first MediaBox of a PDF."""
    data = open(path, "rb").read()
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    m = re.search(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", data)
    if data[:5] == b"%PDF-" and m:
        x0, y0, x1, y1 = (float(v) for v in m.groups())
        return x1 - x0, y1 - y0
    return 0, 0


def check_drawing(exe, args, tmp, path, spec):
    """Checks the parsed content of the drawing PATH against SPEC (KEY=VALUE ...)."""
    full = os.path.join(tmp, path)
    if not os.path.exists(full):
        return [f"{path} missing"]
    fails, target = [], full
    if path.endswith((".png", ".pdf")):
        w, h = image_size(full)
        if not (w > 0 and h > 0):
            fails.append(f"{path}: not a PNG or PDF with a positive size")
        target = full + ".svg"
        again = [target if a == full else a for a in args]
        r = subprocess.run([exe] + again, capture_output=True, timeout=120)
        if r.returncode != 0 or not os.path.exists(target):
            return fails + [f"{path}: the same drawing as SVG failed: {r.stderr[-300:]!r}"]
    try:
        got = dot_counts(target) if target.endswith((".dot", ".gv")) else svg_counts(target)
    except (ET.ParseError, subprocess.CalledProcessError, IndexError) as e:
        return fails + [f"{path}: does not parse: {e}"]
    for item in spec.split():
        key, _, want = item.partition("=")
        if got.get(key, 0) != int(want):
            fails.append(f"{path}: {key} = {got.get(key, 0)}, expected {want}")
    return fails


exe, case = sys.argv[1], sys.argv[2]
shared = os.path.join(os.getcwd(), "..", "shared")

def read(name, default=None):
    p = os.path.join(case, name)
    return open(p, encoding="utf-8").read() if os.path.exists(p) else default

with tempfile.TemporaryDirectory() as tmp:
    args = [a for a in read("args").split("\n") if a != ""]
    if any("@SHARED@" in a for a in args) and not os.path.isdir(shared):
        if os.environ.get("CI") == "true":
            print(f"FAIL (CI=true, not skipped): {case} needs ../shared, which is absent")
            sys.exit(1)
        print(f"SKIP: {case} needs ../shared, which is absent")
        sys.exit(77)
    args = [a.replace("@TMP@", tmp).replace("@SHARED@", shared) for a in args]
    stdin = read("stdin")
    r = subprocess.run([exe] + args, input=(stdin or "").encode(), capture_output=True, timeout=120)
    out, err = r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
    fails = []
    if not (read("reference") or "").strip():
        fails.append("no `reference` file: say where the expected output came from")
    for line in (read("drawing") or "").splitlines():
        if line.strip():
            path, _, spec = line.partition("\t")
            fails += check_drawing(exe, args, tmp, path, spec)
    want_exit = int((read("exit", "0")).strip())
    if r.returncode != want_exit:
        fails.append(f"exit {r.returncode}, expected {want_exit}")
    want_out = read("stdout")
    if want_out is not None and out != want_out:
        fails.append("stdout differs:\n--- expected\n" + want_out + "--- got\n" + out)
    for line in (read("stdout_has") or "").splitlines():
        if line and line not in out:
            fails.append(f"stdout lacks {line!r}")
    for line in (read("stderr") or "").splitlines():
        if line and line.replace("@TMP@", tmp) not in err:
            fails.append(f"stderr lacks {line!r}; got {err!r}")
    if want_exit != 0 and err.count("\n") != 1:
        fails.append(f"an error must be exactly one line on stderr; got {err!r}")
    for line in (read("files") or "").splitlines():
        if line.startswith("!"):
            if os.path.exists(os.path.join(tmp, line[1:])):
                fails.append(f"{line[1:]} must not exist")
            continue
        path, _, sub = line.partition("\t")
        p = os.path.join(tmp, path)
        if not os.path.exists(p):
            fails.append(f"{path} missing")
        elif sub and sub not in open(p, encoding="utf-8", errors="replace").read():
            fails.append(f"{path} lacks {sub!r}")
    if fails:
        print(f"FAIL {case}: allynet {' '.join(args)}")
        print("\n".join(fails))
        sys.exit(1)
    print(f"ok {case}")
