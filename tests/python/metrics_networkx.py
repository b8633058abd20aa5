#!/usr/bin/env python3
"""metrics_networkx.py — allynet's per-actor metrics against NetworkX (and, where NetworkX has no
equal, against formulas written out here) on the same graphs.

Graphs: Zachary's karate club and Les Misérables (weighted, undirected; shipped with NetworkX),
the karate club with unit weights, and the bitcoin-alpha signed network from
../shared/data/soc-sign-bitcoinalpha.csv (directed; skipped with a message when absent).

Conventions compared (allynet's declared treatment):
- betweenness: NetworkX betweenness_centrality(weight=1/w, normalized=False);
- closeness: NetworkX closeness_centrality(distance=1/w, wf_improved=False), on the reversed
  graph when directed (allynet's default mode is 'out', NetworkX measures distances 'in');
- harmonic: NetworkX harmonic_centrality(distance=1/w) / (n - 1), reversed when directed;
- PageRank: NetworkX pagerank(weight=w, alpha=0.85, tol=1e-13);
- eigenvector: NetworkX eigenvector_centrality(weight=w) rescaled to max 1;
- clustering: NetworkX clustering() on unit weights; Barrat's formula written out below on
  weighted graphs (NetworkX's weighted clustering is Onnela's, a different measure);
- pn: (I - A/(2n-2))^-1 1 solved here by Gaussian elimination, A = P - 2N over max weight;
- signed eigenvector on an all-positive undirected graph equals eigenvector centrality.
- eigenvector where igraph's ARPACK stops at its iteration limit (a 5-actor directed graph: a
  2-cycle and a chain): allynet falls back to power iteration on A + cI, says so in the treatment,
  and matches NetworkX and the hand value 1/sqrt(2.75) for the cycle's weaker end.
bitcoin-alpha: strengths and PageRank for every actor; closeness and harmonic for every 40th
actor (by id); betweenness, closeness and eigenvector on the induced subgraph of the 250 actors
with most ties (NetworkX needs minutes for all-pairs paths on the whole graph).
Tolerances: 1e-9 relative for path metrics, degree and strength (exact algorithms); 1e-6 for
PageRank and eigenvector (iterative); 1e-9 for clustering and PN.
Usage: metrics_networkx.py ALLYNET (run from the project root). Skips (77) without networkx."""
import json, math, os, subprocess, sys, tempfile
from fractions import Fraction
from evidence import finish, missing_module, partial, shared

try:
    import networkx as nx
except ImportError:
    missing_module("python3 networkx is not installed; metrics were not checked against NetworkX")

exe = sys.argv[1]
fails = 0


def close(a, b, tol):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def check(name, ours, want, tol):
    """ours, want: {id: value or None}."""
    global fails
    bad = [k for k in want if not close(ours.get(k), want[k], tol)]
    if bad:
        k = bad[0]
        print(f"FAIL {name}: {len(bad)} actors differ, e.g. {k}: ours {ours.get(k)}, reference {want[k]}")
        fails += 1
    else:
        print(f"ok {name} ({len(want)} actors, tol {tol})")


def write_nodelink(G, path):
    nodes = [{"id": str(v)} for v in G.nodes]
    edges = [{"source": str(u), "target": str(v), "weight": float(d.get("weight", 1))}
             for u, v, d in G.edges(data=True)]
    json.dump({"directed": G.is_directed(), "multigraph": False, "graph": {},
               "nodes": nodes, "edges": edges}, open(path, "w"))


def ours(path, *opts):
    out = subprocess.run([exe, "metrics", "--json", *opts, path], capture_output=True, check=True)
    return {a["id"]: a for a in json.loads(out.stdout)["actors"]}


def col(m, key):
    return {k: v[key] for k, v in m.items()}


def pagerank(G):
    try:
        return nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)
    except ImportError:  # NetworkX 3 without scipy: its pure-Python power iteration
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        return _pagerank_python(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)


def barrat(G):
    """Barrat et al. 2004: C_i = sum_{j,h} (w_ij + w_ih)/2 a_ij a_ih a_jh / (s_i (k_i - 1))."""
    res = {}
    for i in G:
        nb = list(G[i])
        k, s = len(nb), sum(G[i][j]["weight"] for j in nb)
        if k < 2:
            res[str(i)] = None
            continue
        num = sum((G[i][j]["weight"] + G[i][h]["weight"]) / 2
                  for j in nb for h in nb if j != h and G.has_edge(j, h))
        res[str(i)] = num / (s * (k - 1))
    return res


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def pn(G):
    """PN on an undirected signed weighted graph, weights over the largest magnitude."""
    nodes = list(G)
    ix = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    top = max(abs(d["weight"]) for _, _, d in G.edges(data=True))
    a = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    for u, v, d in G.edges(data=True):
        w = d["weight"] / top
        x = w if w > 0 else 2 * w
        a[ix[u]][ix[v]] -= x / (2 * n - 2)
        a[ix[v]][ix[u]] -= x / (2 * n - 2)
    return dict(zip(map(str, nodes), solve(a, [1.0] * n)))


def compare_undirected(name, G, path, tmp):
    write_nodelink(G, path)
    m = ours(path, "--jobs", "1")
    n = G.number_of_nodes()
    for u, v, d in G.edges(data=True):
        # Exact fractions: NetworkX compares path lengths with ==, so 1/3 + 1/6 and 1/2 in floating
        # point may count as different lengths; allynet (igraph) compares with a tolerance.
        d["dist"] = Fraction(1) / Fraction(d["weight"])
    S = lambda d: {str(k): v for k, v in d.items()}
    check(f"{name} degree", col(m, "degree"), S(dict(G.degree())), 1e-12)
    check(f"{name} strength_pos", col(m, "strength_pos"), S(dict(G.degree(weight="weight"))), 1e-9)
    F = lambda d: {str(k): float(v) for k, v in d.items()}
    check(f"{name} betweenness", col(m, "betweenness"),
          F(nx.betweenness_centrality(G, weight="dist", normalized=False)), 1e-9)
    check(f"{name} closeness", col(m, "closeness"),
          F(nx.closeness_centrality(G, distance="dist", wf_improved=False)), 1e-9)
    check(f"{name} harmonic", col(m, "harmonic"),
          {k: float(v) / (n - 1) for k, v in S(nx.harmonic_centrality(G, distance="dist")).items()}, 1e-9)
    check(f"{name} pagerank", col(m, "pagerank"), S(pagerank(G)), 1e-6)
    ev = nx.eigenvector_centrality(G, weight="weight", max_iter=100000, tol=1e-13)
    top = max(ev.values())
    check(f"{name} eigenvector", col(m, "eigenvector"), {str(k): v / top for k, v in ev.items()}, 1e-6)
    # all ties positive: the signed eigenvector is NetworkX's eigenvector centrality too
    check(f"{name} signed eigenvector = NetworkX eigenvector (all ties positive)",
          col(m, "signed_eigenvector"), {str(k): v / top for k, v in ev.items()}, 1e-6)
    check(f"{name} clustering (Barrat, written out)", col(m, "clustering"), barrat(G), 1e-9)
    check(f"{name} pn", col(m, "pn"), pn(G), 1e-9)


def compare_unit_clustering(tmp):
    G = nx.karate_club_graph()
    for u, v in G.edges:
        G[u][v]["weight"] = 1
    path = os.path.join(tmp, "karate1.json")
    write_nodelink(G, path)
    m = ours(path, "--jobs", "1")
    # NetworkX says 0 for an actor with one partner; allynet says null (undefined).
    check("karate (unit weights) clustering = NetworkX clustering", col(m, "clustering"),
          {str(k): (None if G.degree(k) < 2 else v) for k, v in nx.clustering(G).items()}, 1e-12)
    check("karate (unit weights) pn", col(m, "pn"), pn(G), 1e-9)


def compare_bitcoin(tmp):
    src = shared("data", "soc-sign-bitcoinalpha.csv")
    if not os.path.exists(src):
        partial("../shared/data/soc-sign-bitcoinalpha.csv is absent; bitcoin-alpha not checked")
        return
    path = os.path.join(tmp, "btc.json")
    subprocess.run([exe, "convert", src, path], check=True)
    data = json.load(open(path))
    m = ours(path, "--jobs", "2")
    G = nx.DiGraph()
    G.add_nodes_from(n["id"] for n in data["nodes"])
    full = {}
    for e in data["edges"]:
        if e["weight"] > 0:  # the positive part, as allynet's default treatment
            G.add_edge(e["source"], e["target"], weight=e["weight"],
                       dist=Fraction(1) / Fraction(e["weight"]))
        for k in (e["source"], e["target"]):
            full.setdefault(k, [0.0, 0.0])
            full[k][0 if e["weight"] > 0 else 1] += e["weight"]
    n = G.number_of_nodes()
    check("bitcoin strength_pos", col(m, "strength_pos"), {k: v[0] for k, v in full.items()}, 1e-9)
    check("bitcoin strength_neg", col(m, "strength_neg"), {k: v[1] for k, v in full.items()}, 1e-9)
    check("bitcoin pagerank (positive part, directed)", col(m, "pagerank"), pagerank(G), 1e-6)
    # Closeness and harmonic of every 40th actor (by id), single-source from each: all-pairs in
    # NetworkX takes minutes. Floating-point lengths suffice for distances (not for path counts).
    sample = sorted(G)[::40]
    clo, har = {}, {}
    for u in sample:
        d = nx.single_source_dijkstra_path_length(G, u, weight=lambda a, b, e: 1.0 / e["weight"])
        r = len(d) - 1
        clo[u] = float(r / sum(d.values())) if r > 0 else None
        har[u] = float(sum(1 / x for x in d.values() if x > 0)) / (n - 1)
    check(f"bitcoin closeness (mode out, {len(sample)} actors)", col(m, "closeness"), clo, 1e-9)
    check(f"bitcoin harmonic (mode out, {len(sample)} actors)", col(m, "harmonic"), har, 1e-9)
    # Betweenness on the 250 actors with most ties (the induced subgraph, signs and all),
    # a graph NetworkX handles in seconds.
    deg = {}
    for e in data["edges"]:
        for k in (e["source"], e["target"]):
            deg[k] = deg.get(k, 0) + 1
    core = set(sorted(deg, key=lambda k: (-deg[k], k))[:250])
    sub = dict(data, nodes=[x for x in data["nodes"] if x["id"] in core],
               edges=[e for e in data["edges"] if e["source"] in core and e["target"] in core])
    spath = os.path.join(tmp, "btc-core.json")
    json.dump(sub, open(spath, "w"))
    ms = ours(spath, "--jobs", "1")
    H = G.subgraph(core)
    check("bitcoin core-250 betweenness (directed, 1/w)", col(ms, "betweenness"),
          {k: float(v) for k, v in nx.betweenness_centrality(H, weight="dist", normalized=False).items()}, 1e-9)
    # Closeness is undefined (null) for an actor that reaches nobody: decided here from the
    # graph (no out-neighbour for mode out, no in-neighbour for mode in), not from allynet.
    Hr = H.reverse(copy=True)
    cl = nx.closeness_centrality(Hr, distance="dist", wf_improved=False)
    check("bitcoin core-250 closeness (mode out)", col(ms, "closeness"),
          {k: (None if H.out_degree(k) == 0 else float(v)) for k, v in cl.items()}, 1e-9)
    mi = ours(spath, "--mode", "in")  # igraph's passes, not the one-pass code
    cl = nx.closeness_centrality(H, distance="dist", wf_improved=False)
    check("bitcoin core-250 closeness (mode in)", col(mi, "closeness"),
          {k: (None if H.in_degree(k) == 0 else float(v)) for k, v in cl.items()}, 1e-9)
    check("bitcoin core-250 betweenness (mode in run) = NetworkX", col(mi, "betweenness"),
          {k: float(v) for k, v in nx.betweenness_centrality(H, weight="dist", normalized=False).items()}, 1e-9)
    ev = nx.eigenvector_centrality(H, weight="weight", max_iter=100000, tol=1e-13)
    top = max(ev.values())
    check("bitcoin core-250 eigenvector (directed, in)", col(ms, "eigenvector"),
          {k: v / top for k, v in ev.items()}, 1e-6)


def eigen_run(what, G, path, treatment_key, needle):
    """metrics --json on G: its actors, or None (and a failure) when it exits non-zero; a failure
    too when the eigenvector treatment's treatment_key does not mention needle."""
    global fails
    write_nodelink(G, path)
    out = subprocess.run([exe, "metrics", "--json", path], capture_output=True)
    if out.returncode != 0:
        print(f"FAIL {what}: exit {out.returncode}: {out.stderr.decode()[:200]}")
        fails += 1
        return None
    doc = json.loads(out.stdout)
    said = doc["treatment"]["eigenvector"].get(treatment_key, "")
    if needle not in said:
        print(f"FAIL {what}: the treatment does not declare it ({treatment_key}: {said!r})")
        fails += 1
    return {a["id"]: a for a in doc["actors"]}


def compare_arpack_fallback(tmp):
    # igraph 0.10's ARPACK reaches its iteration limit on this graph (allynet exited 1 before the
    # fallback); the strong component a0 <-> a1 carries the Perron root sqrt(2.75), the chain
    # a3 -> a4 -> a2 reaches no cycle and scores 0.
    G = nx.DiGraph()
    G.add_nodes_from(["a0", "a1", "a2", "a3", "a4"])
    G.add_weighted_edges_from([("a4", "a2", 5.5), ("a0", "a1", 1.0), ("a1", "a0", 2.75),
                               ("a3", "a4", 0.5)])
    m = eigen_run("eigenvector ARPACK fallback", G, os.path.join(tmp, "arpack.json"), "algorithm",
                  "power iteration")
    if m is None:
        return
    ev = nx.eigenvector_centrality(G, weight="weight", max_iter=100000, tol=1e-13)
    top = max(ev.values())
    check("eigenvector ARPACK fallback = NetworkX", col(m, "eigenvector"),
          {k: v / top for k, v in ev.items()}, 1e-6)
    check("eigenvector ARPACK fallback = hand values", col(m, "eigenvector"),
          {"a0": 1.0, "a1": 1 / math.sqrt(2.75), "a2": 0.0, "a3": 0.0, "a4": 0.0}, 1e-9)
    # Two 2-cycles of equal weight, one feeding the other: the leading eigenvalue 3 is not simple
    # (a Jordan block), ARPACK fails and the power iteration converges only like 1/steps. allynet
    # stops at its budget, declares it, and is within 1e-4 of the limit (the downstream cycle 1,
    # f = 1/3, the upstream cycle 0); NetworkX raises PowerIterationFailedConvergence here.
    H = nx.DiGraph()
    H.add_nodes_from("abcdef")
    H.add_weighted_edges_from([("b", "c", 0.5), ("e", "a", 1.0), ("a", "b", 3.0), ("b", "a", 3.0),
                               ("c", "d", 3.0), ("d", "c", 3.0), ("c", "f", 1.0)])
    m = eigen_run("eigenvector without a simple leading eigenvalue", H,
                  os.path.join(tmp, "jordan.json"), "warning", "not simple")
    if m is None:
        return
    check("eigenvector without a simple leading eigenvalue = its limit", col(m, "eigenvector"),
          {"a": 0.0, "b": 0.0, "c": 1.0, "d": 1.0, "e": 0.0, "f": 1 / 3}, 1e-4)


with tempfile.TemporaryDirectory() as tmp:
    compare_arpack_fallback(tmp)
    compare_undirected("karate", nx.karate_club_graph(), os.path.join(tmp, "karate.json"), tmp)
    compare_undirected("lesmis", nx.les_miserables_graph(), os.path.join(tmp, "lesmis.json"), tmp)
    compare_unit_clustering(tmp)
    compare_bitcoin(tmp)
finish(fails)
