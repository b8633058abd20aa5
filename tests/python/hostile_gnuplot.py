#!/usr/bin/env python3
"""hostile_gnuplot.py — actor ids that try to run commands through the gnuplot script (a newline
followed by `!cmd`, `system(...)`, a quote that closes the string, a backslash at the end) must
run nothing: `timeline -o` (SVG and PNG) and `report -o` on such graphs, from node-link JSON and
from a CSV edge list with a quoted newline, create no file outside the output, and the SVG chart
is well-formed XML that names the actor (its control bytes shown as spaces).
Usage: hostile_gnuplot.py ALLYNET (run from the project root). Fails under CI=true without
gnuplot; skips (77) otherwise."""
import json, os, shutil, subprocess, sys, tempfile
from evidence import skip
import xml.etree.ElementTree as ET

exe = os.path.abspath(sys.argv[1])
if shutil.which(os.environ.get("ALLYNET_GNUPLOT") or "gnuplot") is None:
    skip("gnuplot not installed")

fails = 0


def check(cond, what):
    global fails
    if not cond:
        print("FAIL", what)
        fails += 1


# Each payload, if it reached the script as code, would create a file named after its tag.
PAYLOADS = [
    "B\n!touch PWNED_bang",
    "<svg onload=alert(1)>&amp;",
    "B\nsystem('touch PWNED_system')",
    "B'\nprint system('touch PWNED_quote')\n#",
    "B' . system('touch PWNED_concat') . '",
    'B"\n!touch PWNED_dq',
    "B\r!touch PWNED_cr",
    "B\\\n!touch PWNED_backslash",
]


def graph(date, ids):
    nodes = [{"id": "A"}] + [{"id": i} for i in ids]
    edges = [{"source": "A", "target": i, "weight": 20.0 - k} for k, i in enumerate(ids)]
    return {"directed": True, "multigraph": False, "graph": {"name": "hostile", "date": date},
            "nodes": nodes, "edges": edges}


with tempfile.TemporaryDirectory() as tmp:
    work = os.path.join(tmp, "work")
    os.mkdir(work)
    files = []
    for k, date in enumerate(["2020-01-01", "2021-01-01"]):
        p = os.path.join(work, f"s{k}.json")
        with open(p, "w", encoding="utf-8") as f:
            json.dump(graph(date, PAYLOADS), f)
        files.append(p)
    csv_path = os.path.join(work, "edges.csv")
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write("source,target,weight\n")
        for k, pl in enumerate(PAYLOADS):
            f.write('A,"%s",%d\n' % (pl.replace('"', '""'), 20 - k))

    runs = [
        ["timeline", "-o", "t.svg", "--actors", "A," + PAYLOADS[0]] + files,
        ["timeline", "-o", "t.png"] + files,
        ["timeline", "-o", "u.svg"] + files,
        ["report", "-o", "rep"] + files,
        ["report", "-o", "rep_csv", csv_path, files[0]],
    ]
    for args in runs:
        r = subprocess.run([exe] + args, cwd=work, capture_output=True, text=True, timeout=300)
        check(r.returncode in (0, 2), f"{args[:3]}: exit {r.returncode}: {r.stderr[-300:]}")
        for root, _dirs, names in os.walk(tmp):
            for n in names:
                check(not n.startswith("PWNED"), f"{args[:3]}: a payload ran: {root}/{n}")
    # Nothing written outside the working folder either (a payload could name another path).
    check(not any(n.startswith("PWNED") for n in os.listdir(os.getcwd())), "PWNED in the cwd")

    svg = os.path.join(work, "u.svg")
    check(os.path.exists(svg), "timeline -o u.svg wrote nothing")
    if os.path.exists(svg):
        try:
            root = ET.parse(svg).getroot()
            text = " ".join(t for t in root.itertext())
            check("B !touch PWNED_bang" in text, "the actor's name, newline as space, in the legend")
            check("<svg onload" in text, "markup in a name is text in the chart, not an element")
        except ET.ParseError as e:
            check(False, f"timeline SVG is not well-formed: {e}")
    png = os.path.join(work, "t.png")
    check(os.path.exists(png) and open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n", "PNG chart")
    rep_chart = [os.path.join(d, n) for d, _, ns in os.walk(os.path.join(work, "rep"))
                 for n in ns if n.endswith(".svg")]
    check(rep_chart, "report wrote SVG charts")
    for p in rep_chart:
        try:
            ET.parse(p)
        except ET.ParseError as e:
            check(False, f"{p}: not well-formed: {e}")

print("ok" if fails == 0 else f"{fails} failures")
sys.exit(1 if fails else 0)
