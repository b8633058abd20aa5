#!/usr/bin/env python3
"""render_svg.py ALLYNET — checks `allynet render` SVG output by parsing it (xml.etree).

For each shipped snapshot (graphs/*.json) and a small constructed graph: one node per actor,
one line per tie except reciprocal pairs of the same sign (one line with two heads); each
line's colour and dash tell its sign (blue solid, vermillion dashed); widths are ordered like
|weight| (a merged pair counts its sum); the title block with the legend is there; tooltips
carry weight, relation and events; two runs give the same bytes."""
import glob, json, os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

exe = sys.argv[1]
NS = {"svg": "http://www.w3.org/2000/svg"}
XLINK = "{http://www.w3.org/1999/xlink}title"
fails = []


def check(cond, msg):
    if not cond:
        fails.append(msg)


def expected_lines(g):
    """The drawn lines: {(a, b): (sign, |weight| drawn, reciprocal)} keyed by the tie drawn."""
    ties = {(e["source"], e["target"]): e["weight"] for e in g.get("edges", g.get("links", []))}
    sign = lambda w: (w > 0) - (w < 0)
    lines, used = {}, set()
    for (s, t) in sorted(ties):
        if (s, t) in used:
            continue
        w = ties[(s, t)]
        r = ties.get((t, s)) if g["directed"] else None
        if r is not None and (t, s) not in used and sign(r) == sign(w):
            lines[(s, t)] = (sign(w), abs(w) + abs(r), True)
            used.add((t, s))
        else:
            lines[(s, t)] = (sign(w), abs(w), False)
        used.add((s, t))
    return lines


def render(path, out, *extra):
    r = subprocess.run([exe, "render", *extra, "-o", out, path], capture_output=True, text=True)
    check(r.returncode == 0, f"{path}: exit {r.returncode}: {r.stderr}")
    return open(out, "rb").read() if r.returncode == 0 else b""


def check_svg(path, data):
    g = json.load(open(path))
    root = ET.fromstring(data)
    nodes = root.findall(".//svg:g[@class]", NS)
    actors = [n for n in nodes if n.get("class").startswith("node actor")]
    edges = [n for n in nodes if n.get("class").startswith("edge tie")]
    check(len(actors) == len(g["nodes"]), f"{path}: {len(actors)} nodes for {len(g['nodes'])} actors")
    lines = expected_lines(g)
    check(len(edges) == len(lines), f"{path}: {len(edges)} lines, expected {len(lines)}")
    arrow = "→" if g["directed"] else "—"
    widths = []
    for e in edges:
        title = e.find("svg:title", NS).text
        s, t = re.split(r"->|--", title)
        want = lines.get((s, t))
        if want is None:
            fails.append(f"{path}: unexpected line {title}")
            continue
        sign, weight, recip = want
        p = e.find(".//svg:path", NS)
        stroke = p.get("stroke").lower()
        colour = {1: "#0072b2", -1: "#d55e00", 0: "#888888"}[sign]
        check(stroke.startswith(colour), f"{path}: {title} stroke {stroke}, expected {colour}")
        check((p.get("stroke-dasharray") is not None) == (sign != 1),
              f"{path}: {title} dash {p.get('stroke-dasharray')} for sign {sign}")
        cls = e.get("class")
        check(("reciprocal" in cls) == recip, f"{path}: {title} class {cls!r}")
        tip = e.find(".//svg:a", NS).get(XLINK)
        check(f"{s} {arrow} {t}: " in tip and "event" in tip, f"{path}: {title} tooltip {tip!r}")
        widths.append((weight, float(p.get("stroke-width", "1"))))
    widths.sort()
    for (w1, p1), (w2, p2) in zip(widths, widths[1:]):
        check(p1 <= p2 + 1e-9 and (w1 == w2 or p1 < p2),
              f"{path}: width {p1} for |w| {w1} but {p2} for {w2}")
    text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    check(any(a.get(XLINK) == "title and legend" for a in root.iter("{http://www.w3.org/2000/svg}a")),
          f"{path}: no title block")
    if lines:
        check("cooperation" in text or "conflict" in text, f"{path}: no legend keys")
    name = g.get("graph", {}).get("name")
    if name:
        check(name in text, f"{path}: title {name!r} missing")


small = {"directed": True, "graph": {"name": "Small"},
         "nodes": [{"id": x} for x in "ABCDE"],
         "edges": [{"source": "A", "target": "B", "weight": 1}, {"source": "B", "target": "A", "weight": 2},
                   {"source": "A", "target": "C", "weight": -4}, {"source": "C", "target": "A", "weight": 6},
                   {"source": "D", "target": "E", "weight": -8}, {"source": "C", "target": "D", "weight": 0.5},
                   {"source": "E", "target": "B", "weight": 12, "relation": "trade", "events": 4}]}

with tempfile.TemporaryDirectory() as tmp:
    sp = os.path.join(tmp, "small.json")
    json.dump(small, open(sp, "w"))
    paths = sorted(glob.glob("graphs/*.json")) + [sp]
    for path in paths:
        out1, out2 = os.path.join(tmp, "a.svg"), os.path.join(tmp, "b.svg")
        d1 = render(path, out1)
        d2 = render(path, out2)
        check(d1 == d2, f"{path}: two runs differ")
        if d1:
            check_svg(path, d1)
    # Other engines draw the same lines.
    for layout in ("fdp", "sfdp", "circo", "dot"):
        d = render(sp, os.path.join(tmp, "c.svg"), "--layout", layout)
        if d:
            check_svg(sp, d)

if fails:
    print("FAIL render_svg:\n" + "\n".join(fails))
    sys.exit(1)
print(f"ok render_svg: {len(paths)} graphs, 4 more engines")
