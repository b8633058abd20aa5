#!/usr/bin/env python3
"""hostile_names.py — actor ids and names that try to break every language allynet writes
(issue #16, items 5 and 6): ids that start with '%', end in a backslash, hold a quote, a control
byte, a newline, a '|', a heading or HTML, an HTML entity or a noncharacter (U+FFFE, U+FFFF) or byte-order mark (U+FEFF, which Graphviz drops) XML
forbids. Checks that
- `convert` to DOT writes a file `dot` reads, and reading it back gives the same ids and names;
- `render` writes SVG an XML parser accepts, and DOT (render -o x.dot) that `dot` reads;
- `report` writes report.md whose tables keep their row counts (no id ends a row or starts a
  heading), with no raw HTML from an id, and whose snapshot name cannot inject a heading;
- report.html's data lists every id as it is, and the page holds no noncharacter;
- a foreign DOT file with a node named "%1" is refused with a clear message, not misread.
Usage: hostile_names.py ALLYNET (run from the project root). Needs Graphviz's `dot` (installed
by scripts/deps.sh); skips (77) without it, fails under CI=true."""
import json, os, re, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

exe = os.path.abspath(sys.argv[1])
if shutil.which("dot") is None:
    print("SKIP: Graphviz dot not installed")
    sys.exit(1 if os.environ.get("CI") == "true" else 77)

from testkit import check, finish


IDS = ["%1", "%2", "%3", "x\\", "a\x01b", 'q"uote', "bar|pipe", "nl\n## Injected",
       "<img src=x onerror=alert(1)>", "star*_`code`", "\\%lead", "tab\tcr\r", "ÉLAN",
       "&foo;", "&lt;b&gt;", "nc\ufffe\uffff", "\ufeff", "b\ufeffom"]
NAMES = {"%1": "Name with | pipe", "x\\": "ends\\", "a\x01b": "<b>bold</b>",
         "nl\n## Injected": "line\n# heading"}


def graph(name, date, shift=0.0):
    nodes = [{"id": i, **({"name": NAMES[i]} if i in NAMES else {})} for i in IDS]
    edges = []
    for k in range(len(IDS)):
        a, b = IDS[k], IDS[(k + 1) % len(IDS)]
        edges.append({"source": a, "target": b, "weight": (-1) ** k * (2.0 + k + shift)})
    return {"directed": True, "multigraph": False, "graph": {"name": name, "date": date},
            "nodes": nodes, "edges": edges}


def run(args, cwd):
    return subprocess.run([exe] + args, cwd=cwd, capture_output=True, timeout=600)


with tempfile.TemporaryDirectory() as tmp:
    g1, g2 = os.path.join(tmp, "g1.json"), os.path.join(tmp, "g2.json")
    json.dump(graph("first\n# Injected | name", "2020-01-01"), open(g1, "w"))
    json.dump(graph("second <script>", "2021-01-01", 1.0), open(g2, "w"))

    # DOT through convert: dot reads it, and it reads back to the same ids and names.
    r = run(["convert", g1, "g.dot"], tmp)
    check(r.returncode == 0, f"convert to DOT: {r.stderr.decode()}")
    d = subprocess.run(["dot", "-Tcanon", os.path.join(tmp, "g.dot")], capture_output=True)
    check(d.returncode == 0, f"dot cannot read convert's DOT: {d.stderr.decode()}")
    r = run(["convert", "g.dot", "back.json"], tmp)
    check(r.returncode == 0, f"DOT round trip: {r.stderr.decode()}")
    if r.returncode == 0:
        back = json.load(open(os.path.join(tmp, "back.json")))
        check(sorted(n["id"] for n in back["nodes"]) == sorted(IDS),
              f"ids after the DOT round trip: {sorted(n['id'] for n in back['nodes'])}")
        names = {n["id"]: n.get("name") for n in back["nodes"] if n.get("name")}
        check(names == NAMES, f"names after the DOT round trip: {names}")
        check(len(back["edges"]) == len(IDS), "ties after the DOT round trip")

    # SVG and DOT through render.
    for out in ["g.svg", "r.dot"]:
        r = run(["render", "-o", out, g1], tmp)
        check(r.returncode == 0, f"render {out}: {r.stderr.decode()}")
    try:
        root = ET.parse(os.path.join(tmp, "g.svg")).getroot()
        text = " ".join(root.itertext())
        check("%1" in text and "%3" in text, "the '%' ids drawn as they are")
        check("%5" not in text and "%7" not in text, "no cgraph internal numbers drawn")
        check("<img src=x onerror" in text, "markup in an id is text in the SVG")
        check("&foo;" in text and "&lt;b&gt;" in text, "entities in an id are text in the SVG")
        check(not any(e.tag.endswith("img") for e in root.iter()), "no <img> element in the SVG")
    except ET.ParseError as e:
        check(False, f"render SVG is not well-formed: {e}")
    # A title with backslashes: Graphviz reads "\\G" in a label as the graph's name and two
    # backslashes as one; the title is drawn as written.
    bs = os.path.join(tmp, "bs.json")
    json.dump(graph("back\\G slash\\\\", "2020-01-01"), open(bs, "w"))
    r = run(["render", "-o", "bs.svg", bs], tmp)
    check(r.returncode == 0, f"render with backslashes in the title: {r.stderr.decode()}")
    if r.returncode == 0:
        svg = open(os.path.join(tmp, "bs.svg"), encoding="utf-8").read()
        check("back\\G slash\\\\<" in svg, "a title's backslashes drawn as written")
    d = subprocess.run(["dot", "-Tcanon", os.path.join(tmp, "r.dot")], capture_output=True)
    check(d.returncode == 0, f"dot cannot read render's DOT: {d.stderr.decode()}")

    # A foreign DOT file naming a node "%1": refused, with the reason.
    with open(os.path.join(tmp, "pct.dot"), "w") as f:
        f.write('digraph { "%1" -> "%2" }\n')
    r = run(["info", "pct.dot"], tmp)
    err = r.stderr.decode()
    check(r.returncode == 2 and "starts with '%'" in err and err.count("\n") == 1,
          f"DOT with a '%1' node: exit {r.returncode}: {err}")

    # report.md: every table keeps its row count; no raw HTML or injected heading.
    r = run(["report", "-o", "rep", g1, g2], tmp)
    check(r.returncode == 0, f"report: {r.stderr.decode()}")
    md = open(os.path.join(tmp, "rep", "report.md"), encoding="utf-8").read()
    lines = md.split("\n")
    headings = [l for l in lines if l.startswith("#")]
    check(not any(re.match(r"^#+ *(Injected|heading)", h) for h in headings),
          f"an id or name made a heading: {headings}")
    check("## first \\# Injected \\| name" in headings, "the snapshot's name, escaped, as its heading")
    check("<img" not in md and "<script" not in md and "<b>" not in md, "raw HTML in report.md")
    check("\x01" not in md and "\r" not in md, "control bytes in report.md")
    # Tables: the row after a header's separator, then rows up to a blank line; each row of a
    # table has the header's number of unescaped '|'.
    cells = lambda l: len(re.findall(r"(?<!\\)\|", l))
    tables = 0
    for k, l in enumerate(lines):
        if k > 0 and re.match(r"^\|(\s*:?-+:?\s*\|)+$", l):
            tables += 1
            want = cells(lines[k - 1])
            j = k + 1
            while j < len(lines) and lines[j].startswith("|"):
                check(cells(lines[j]) == want, f"report.md row {j + 1} has {cells(lines[j])} "
                      f"cells, its table {want}: {lines[j]!r}")
                j += 1
            check(j < len(lines) and lines[j] == "", f"table at line {k} not ended by a blank line")
    check(tables >= 4, f"report.md tables found: {tables}")
    # The alignment table has one row per actor (13), or 40 with an ellipsis row.
    align = md.split("| actor | alignment |")[1:]
    for part in align:
        rows = [l for l in part.split("\n\n")[0].split("\n")[2:] if l.startswith("|")]
        check(len(rows) == len(IDS), f"alignment table rows: {len(rows)}, expected {len(IDS)}")
    check(len(align) == 2, f"alignment tables: {len(align)}")
    # report.html: the ids in its data as they are; no noncharacter in the page itself.
    html = open(os.path.join(tmp, "rep", "report.html"), encoding="utf-8").read()
    meta = re.search(r'<script type="application/json" id="meta0">(.*?)</script>', html)
    check(meta is not None and sorted(json.loads(meta.group(1))["ids"]) == sorted(IDS),
          "report.html's data lists every id as it is")
    check("\ufffe" not in html and "\uffff" not in html, "a noncharacter in report.html")

finish()
