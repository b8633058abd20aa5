#!/usr/bin/env python3
"""interop_formats.py — GraphML, GEXF, Pajek and GML as other tools read and write them: for every
shipped snapshot, NetworkX (read_graphml, read_gexf, read_pajek, read_gml) and python-igraph
(Read_GraphML) find the same actors and the same signed weights in what allynet writes; GraphML
and GEXF read back into allynet give the graph again (GraphML: every field and attribute); what
NetworkX writes, allynet reads; hostile ids (quotes, <, &, line breaks, backslashes) survive or
are refused with one error line, never a broken file; a dynamic GEXF of graphs/ carries spells
and per-period weights that give back each snapshot.
Usage: interop_formats.py ALLYNET (run from the project root). Skips (77) without networkx; the
igraph checks run in a Python that has igraph (this one or /usr/bin/python3), and skip visibly
(fail under CI=true) when none has."""
import glob, json, os, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

IGRAPH_HELPER = """
import json, sys, igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
ids = g.vs["id"]
ties = {}
for e in g.es:
    k = ids[e.source] + "\\t" + ids[e.target]
    ties[k] = ties.get(k, 0.0) + e["weight"]
print(json.dumps({"directed": g.is_directed(), "nodes": sorted(ids), "ties": ties,
                  "names": {i: n for i, n in zip(ids, g.vs["name"])} if "name" in g.vs.attributes() else {}}))
"""

from evidence import finish, missing_module, partial
try:
    import networkx as nx
except ImportError:
    missing_module("python3 networkx is not installed; the format round trips were not checked")

exe = sys.argv[1]
fails = []


def check(cond, what):
    if not cond:
        fails.append(what)
        print("FAIL", what)


def run(*args, ok=True):
    r = subprocess.run([exe] + list(args), capture_output=True, text=True)
    if ok and r.returncode != 0:
        raise SystemExit(f"allynet {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r


def want_ties(doc):
    out = {}
    for e in doc.get("edges", doc.get("links", [])):
        k = (e["source"], e["target"])
        out[k] = round(out.get(k, 0.0) + float(e.get("weight", 1.0)), 9)
    return out


def nx_ties(G):
    out = {}
    for u, v, d in G.edges(data=True):
        out[(str(u), str(v))] = round(out.get((str(u), str(v)), 0.0) + float(d["weight"]), 9)
    return out


def igraph_python():
    try:
        import igraph  # noqa: F401
        return sys.executable
    except ImportError:
        pass
    for py in ("/usr/bin/python3",):
        if os.path.exists(py) and subprocess.run([py, "-c", "import igraph"],
                                                 capture_output=True).returncode == 0:
            return py
    return None


IGPY = igraph_python()
if IGPY is None:
    partial("python-igraph not found in any Python; the igraph checks were not run")


def igraph_read(path):
    r = subprocess.run([IGPY, "-c", IGRAPH_HELPER, path], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"igraph could not read {path}: {r.stderr}")
    return json.loads(r.stdout)


def strip(doc):
    """Nodes and edges as comparable sets (every field and attribute)."""
    nodes = sorted(json.dumps(n, sort_keys=True) for n in doc["nodes"])
    edges = sorted(json.dumps(e, sort_keys=True) for e in doc.get("edges", doc.get("links", [])))
    return nodes, edges


def shipped(tmp):
    graphs = sorted(glob.glob("graphs/*.json"))
    assert graphs, "no shipped graphs"
    readers = {"graphml": nx.read_graphml, "gexf": nx.read_gexf, "net": nx.read_pajek,
               "gml": lambda p: nx.read_gml(p, label="label")}
    for path in graphs:
        src = json.load(open(path))
        canon = os.path.join(tmp, "canon.json")
        run("convert", path, canon)
        canon_doc = json.load(open(canon))
        nodes, ties = {n["id"] for n in src["nodes"]}, want_ties(src)
        for ext, read in readers.items():
            out = os.path.join(tmp, "g." + ext)
            run("convert", path, out)
            G = read(out)
            check(set(map(str, G.nodes)) == nodes, f"{path} .{ext}: NetworkX finds other actors")
            check(nx_ties(G) == ties, f"{path} .{ext}: NetworkX finds other signed weights")
            if ext in ("graphml", "gexf"):
                back = os.path.join(tmp, "back.json")
                run("convert", out, back)
                b = json.load(open(back))
                if ext == "graphml":
                    check(strip(b) == strip(canon_doc), f"{path}: GraphML round trip differs")
                    check(b["graph"] == canon_doc["graph"], f"{path}: GraphML loses graph keys")
                else:
                    check(strip(b) == strip(canon_doc), f"{path}: GEXF round trip differs")
                    check(b["graph"].get("name") == src["graph"].get("name") and
                          b["graph"].get("date") == src["graph"].get("date"),
                          f"{path}: GEXF loses the name or date")
        if IGPY:
            ig = igraph_read(os.path.join(tmp, "g.graphml"))
            check(ig["directed"] and set(ig["nodes"]) == nodes,
                  f"{path}: igraph finds other actors")
            got = {tuple(k.split("\t")): round(v, 9) for k, v in ig["ties"].items()}
            check(got == ties, f"{path}: igraph finds other signed weights")
        print(f"ok {path}: graphml gexf net gml")


def from_networkx(tmp):
    G = nx.DiGraph(name="written by NetworkX")
    G.add_node("USA", name="United States", kind="state", score=2)
    G.add_node("RUS", name="Russia", kind="state", score=3)
    G.add_node("VEN", name="Venezuela", kind="state", score=1)
    G.add_edge("USA", "VEN", weight=-7.5, relation="pressure", events=3)
    G.add_edge("RUS", "VEN", weight=9.25, relation="support", events=2)
    G.add_edge("VEN", "RUS", weight=0.5)
    for ext, write in (("graphml", nx.write_graphml), ("gexf", nx.write_gexf)):
        p = os.path.join(tmp, "nx." + ext)
        write(G, p)
        out = os.path.join(tmp, "nx-" + ext + ".json")
        r = run("convert", p, out, ok=False)
        check(r.returncode == 0, f"allynet cannot read NetworkX's {ext}: {r.stderr.strip()}")
        if r.returncode:
            continue
        d = json.load(open(out))
        check(want_ties(d) == {("USA", "VEN"): -7.5, ("RUS", "VEN"): 9.25, ("VEN", "RUS"): 0.5},
              f"NetworkX {ext}: other signed weights {want_ties(d)}")
        by = {n["id"]: n for n in d["nodes"]}
        check(by["USA"].get("name") == "United States" and by["USA"].get("kind") == "state",
              f"NetworkX {ext}: actor name or kind lost: {by['USA']}")
        check(by["RUS"].get("score") == 3, f"NetworkX {ext}: an integer attribute lost")
        rel = {(e["source"], e["target"]): e.get("relation") for e in d["edges"]}
        check(rel[("USA", "VEN")] == "pressure", f"NetworkX {ext}: relation lost")
    print("ok NetworkX's GraphML and GEXF read")


HOSTILE = ['say "hi"', "a<b>&amp;", "line\nbreak", "back\\slash\\", "tab\there", "ünï \u20ac",
           "'single'", "]bracket[", "*Arcs", "&#34;", "x\r\ny"]


def hostile(tmp):
    nodes = [{"id": h, "name": h + " name"} for h in HOSTILE]
    edges = [{"source": HOSTILE[i], "target": HOSTILE[(i + 1) % len(HOSTILE)],
              "weight": (-1.5 if i % 2 else 2.25) * (i + 1), "relation": HOSTILE[i]}
             for i in range(len(HOSTILE))]
    src = os.path.join(tmp, "hostile.json")
    json.dump({"directed": True, "graph": {"name": 'n"<&\n'}, "nodes": nodes, "edges": edges},
              open(src, "w"))
    ties = want_ties({"edges": edges})
    for ext, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf),
                      ("gml", lambda p: nx.read_gml(p, label="label"))):
        out = os.path.join(tmp, "h." + ext)
        run("convert", src, out)
        if ext != "gml":
            ET.parse(out)  # well-formed XML
        G = read(out)
        check(set(G.nodes) == set(HOSTILE), f"hostile ids through .{ext}: {sorted(G.nodes)}")
        check(nx_ties(G) == ties, f"hostile ids through .{ext}: other weights")
        if ext in ("graphml", "gexf"):
            back = os.path.join(tmp, "hb.json")
            run("convert", out, back)
            b = json.load(open(back))
            check({n["id"]: n.get("name") for n in b["nodes"]} ==
                  {h: h + " name" for h in HOSTILE}, f"hostile ids back from .{ext}")
            check({(e["source"], e["target"]): e.get("relation") for e in b["edges"]} ==
                  {(e["source"], e["target"]): e["relation"] for e in edges},
                  f"hostile relations back from .{ext}")
    if IGPY:
        # igraph 0.10.2's GraphML reader hands attribute values over as libxml2's SAX2 gives
        # them without entity replacement: an escaped '&' in an id arrives as "&#38;" (element
        # text is decoded). Every other character of the hostile ids must come through as is.
        ig = igraph_read(os.path.join(tmp, "h.graphml"))
        got = {i.replace("&#38;", "&") for i in ig["nodes"]}
        check(got == set(HOSTILE), f"igraph: hostile ids {ig['nodes']}")
    # Pajek cannot carry a line break: refused with one error line, no file left
    out = os.path.join(tmp, "h.net")
    r = run("convert", src, out, ok=False)
    check(r.returncode == 2 and r.stderr.count("\n") == 1 and "line break" in r.stderr
          and not os.path.exists(out), f"Pajek with a line break in an id: {r.returncode} {r.stderr!r}")
    flat = [h for h in HOSTILE if "\n" not in h and "\r" not in h]
    src2 = os.path.join(tmp, "hostile2.json")
    json.dump({"directed": True, "nodes": [{"id": h} for h in flat],
               "edges": [{"source": flat[i], "target": flat[i - 1], "weight": -i - 0.5}
                         for i in range(1, len(flat))]}, open(src2, "w"))
    run("convert", src2, out)
    G = nx.read_pajek(out)
    check(set(G.nodes) == set(flat), f"Pajek ids: {sorted(G.nodes)}")
    check(nx_ties(G) == {(flat[i], flat[i - 1]): -i - 0.5 for i in range(1, len(flat))},
          "Pajek signed weights")
    # XML 1.0 cannot carry control characters: refused, no file left
    src3 = os.path.join(tmp, "ctl.json")
    json.dump({"directed": True, "nodes": [{"id": "a\u0001b"}, {"id": "c"}], "edges": []},
              open(src3, "w"))
    for ext in ("graphml", "gexf"):
        out = os.path.join(tmp, "ctl." + ext)
        r = run("convert", src3, out, ok=False)
        check(r.returncode == 2 and r.stderr.count("\n") == 1 and not os.path.exists(out),
              f"control character in an id through .{ext}: {r.returncode} {r.stderr!r}")
    print("ok hostile ids")


NS = {"g": "http://gexf.net/1.3"}


def dynamic(tmp):
    out = os.path.join(tmp, "series.gexf")
    run("convert", "graphs/", out)
    root = ET.parse(out).getroot()
    graph = root.find("g:graph", NS)
    check(graph.get("mode") == "dynamic" and graph.get("timeformat") == "date",
          "dynamic GEXF: mode or timeformat")
    snaps = sorted((json.load(open(p)) for p in glob.glob("graphs/*.json")),
                   key=lambda d: d["graph"]["date"])

    def present(el, date):
        return any(s.get("start") <= date <= s.get("end")
                   for s in el.findall("g:spells/g:spell", NS))

    nodes = graph.findall("g:nodes/g:node", NS)
    edges = graph.findall("g:edges/g:edge", NS)
    check(all(n.find("g:spells", NS) is not None for n in nodes + edges),
          "dynamic GEXF: a node or edge without spells")
    for d in snaps:
        date = d["graph"]["date"]
        got_nodes = {n.get("id") for n in nodes if present(n, date)}
        check(got_nodes == {n["id"] for n in d["nodes"]}, f"dynamic GEXF: actors at {date}")
        got = {}
        for e in edges:
            for v in e.findall("g:attvalues/g:attvalue", NS):
                if v.get("for") == "dweight" and v.get("start") <= date <= v.get("end"):
                    got[(e.get("source"), e.get("target"))] = round(float(v.get("value")), 9)
            check(present(e, date) == ((e.get("source"), e.get("target")) in got),
                  f"dynamic GEXF: spell and weight of {e.get('source')}->{e.get('target')} "
                  f"disagree at {date}")
        check(got == want_ties(d), f"dynamic GEXF: weights at {date}")
    G = nx.read_gexf(out)
    check(G.graph.get("mode") == "dynamic" and all("spells" in a for _, a in G.nodes(data=True)),
          "NetworkX does not see the spells")
    print(f"ok dynamic GEXF: {len(nodes)} actors, {len(edges)} ties, {len(snaps)} periods")


with tempfile.TemporaryDirectory() as tmp:
    shipped(tmp)
    from_networkx(tmp)
    hostile(tmp)
    dynamic(tmp)
if fails:
    print(f"{len(fails)} failures")
else:
    print("all format checks passed")
finish(len(fails))  # exits 1 under CI=true when the igraph part was left out
