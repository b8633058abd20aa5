#!/usr/bin/env python3
"""cli_golden.py — the figures captured in the golden CLI cases (tests/cli/<case>/stdout), recomputed
here from each case's input with NetworkX, numpy and scipy, never with allynet. run_cli.py checks
that allynet prints the golden output; this test checks that the golden output is right, so a
number captured from the program itself is also a number computed independently.

Covers every `metrics`, `balance` and `communities` case with figures, and the `align` cases'
bloc fit and polarization index. Definitions (from DESIGN.md and each command's --help):
- metrics: degree counts every tie; strengths sum positive and negative weights, in and out;
  paths (betweenness, closeness mode out, harmonic / (n - 1)) on the selected ties with length
  1/|w|; eigenvector (in, max 1), PageRank (d = 0.85, dangling jump uniformly), hub and authority
  on |w| of the selected ties; Barrat clustering on the undirected selected ties; PN on all ties
  (A = P - 2N over the largest entry, both directions added); the signed eigenvector of S = P - N.
- balance: one undirected edge per pair, weight the sum of both directions; triangles by the
  number of negative edges; K = tr(exp(A)) / tr(exp(|A|)) on signs; the frustration index by
  exhaustive search over bipartitions, and the printed blocs reach it.
- align (actor poles): tie profiles over the summed pair weights, S = 1 - 2 d / 2n, the alignment
  (pole, ties or profile basis) and the polarization index and bloc fit.
- communities: Newman modularity of the positive ties (NetworkX), signed modularity of Gomez et
  al., the Doreian-Mrvar criterion of the printed membership, and its optimum by exhaustive search.
Usage: cli_golden.py ALLYNET (from the project root; ALLYNET is not run)."""
import csv, itertools, json, math, os, re, sys
from fractions import Fraction
from evidence import finish, missing_module, partial, shared

try:
    import networkx as nx
    import numpy as np
    import scipy.linalg
except ImportError:
    missing_module("python3-networkx, numpy or scipy is missing; the golden figures were not recomputed")

CLI = os.path.join("tests", "cli")
fails, checked = [], {}


def ok(cond, case, what):
    checked[case] = checked.get(case, 0) + 1
    if not cond:
        fails.append(f"{case}: {what}")


def near(a, b, tol):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol * max(1.0, abs(b))


def args_of(case):
    return [a for a in open(os.path.join(CLI, case, "args")).read().split("\n") if a]


def load_graph(path):
    """(directed, ids, [(u, v, w)]) of a node-link JSON file or a CSV edge list."""
    if path.endswith(".csv"):
        rows = list(csv.DictReader(open(path)))
        ids = sorted({r[k] for r in rows for k in ("source", "target")})
        return True, ids, [(r["source"], r["target"], float(r.get("weight") or r["sign"])) for r in rows]
    g = json.load(open(path))
    edges = g.get("edges", g.get("links", []))
    return (bool(g.get("directed", False)), sorted(str(n["id"]) for n in g["nodes"]),
            [(str(e["source"]), str(e["target"]), float(e.get("weight", 1))) for e in edges])


def input_of(case):
    path = args_of(case)[-1]
    if path.startswith("@SHARED@"):
        path = shared(path[len("@SHARED@/"):])
        if not os.path.exists(path):
            partial(f"{case}: {path} is absent; its figures were not recomputed")
            return None
    return load_graph(path)


# ---------------------------------------------------------------- metrics


def selected(directed, ids, edges, sign):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(ids)
    for u, v, w in edges:
        if (w > 0 and sign > 0) or (w < 0 and sign < 0):
            if G.has_edge(u, v):  # an undirected pair given twice: one tie, strengths added
                G[u][v]["weight"] += abs(w)
            else:
                G.add_edge(u, v, weight=abs(w))
    for u, v, d in G.edges(data=True):
        d["dist"] = Fraction(1) / Fraction(d["weight"])
    return G


def leading(M):
    """The eigenvector of M's eigenvalue of largest real part, max entry 1, or None."""
    vals, vecs = np.linalg.eig(M)
    i = int(np.argmax(vals.real))
    if vals[i].real <= 1e-12:
        return None
    x = np.abs(vecs[:, i].real)
    return x / x.max()


def metrics_reference(directed, ids, edges, sign):
    n, ix = len(ids), {a: i for i, a in enumerate(ids)}
    G = selected(directed, ids, edges, sign)
    ref = {a: {} for a in ids}
    for a in ids:
        inc = [(u, v, w) for u, v, w in edges if a in (u, v)]
        r = ref[a]
        r["degree_out"] = sum(1 for u, v, w in inc if u == a) if directed else len(inc)
        r["degree_in"] = sum(1 for u, v, w in inc if v == a) if directed else len(inc)
        r["degree"] = r["degree_in"] + r["degree_out"] if directed else len(inc)
        r["strength_pos"] = sum(w for u, v, w in inc if w > 0)
        r["strength_neg"] = sum(w for u, v, w in inc if w < 0)
    bt = nx.betweenness_centrality(G, weight="dist", normalized=False)
    H = G.reverse(copy=True) if directed else G
    for a in ids:
        d = nx.single_source_dijkstra_path_length(G, a, weight="dist")
        reach = [x for k, x in d.items() if k != a]
        ref[a]["betweenness"] = float(bt[a])
        ref[a]["closeness"] = float(len(reach) / sum(reach)) if reach else None
        ref[a]["harmonic"] = float(sum(1 / x for x in reach)) / (n - 1) if n > 1 else None
    W = np.zeros((n, n))
    for u, v, d in G.edges(data=True):
        W[ix[u], ix[v]] += d["weight"]
        if not directed:
            W[ix[v], ix[u]] += d["weight"]
    ev = leading(W.T) if G.number_of_edges() else None
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-14, max_iter=10000) if n else {}
    hub = leading(W @ W.T) if directed and G.number_of_edges() else None
    auth = leading(W.T @ W) if directed and G.number_of_edges() else None
    U = nx.Graph(G)  # clustering reads the undirected selected ties
    if directed:
        for u, v in U.edges:
            U[u][v]["weight"] = sum(G[x][y]["weight"] for x, y in ((u, v), (v, u)) if G.has_edge(x, y))
    for a in ids:
        r = ref[a]
        r["eigenvector"] = None if ev is None else float(ev[ix[a]])
        r["pagerank"] = pr[a]
        if directed:
            r["hub"] = None if hub is None else float(hub[ix[a]])
            r["authority"] = None if auth is None else float(auth[ix[a]])
        nb = list(U[a])
        s = sum(U[a][j]["weight"] for j in nb)
        r["clustering"] = None if len(nb) < 2 else sum(
            (U[a][j]["weight"] + U[a][h]["weight"]) / 2 for j in nb for h in nb
            if j != h and U.has_edge(j, h)) / (s * (len(nb) - 1))
    pn, seig = signed_reference(ids, edges)
    for a in ids:
        ref[a]["pn"], ref[a]["signed_eigenvector"] = pn[a], seig[a]
    return ref


def signed_reference(ids, edges):
    """PN and the signed eigenvector: both directions added, P and N magnitudes."""
    n, ix = len(ids), {a: i for i, a in enumerate(ids)}
    P, N = np.zeros((n, n)), np.zeros((n, n))
    for u, v, w in edges:
        M = P if w > 0 else N
        M[ix[u], ix[v]] += abs(w)
        M[ix[v], ix[u]] += abs(w)
    top = max(P.max(initial=0), N.max(initial=0))
    if n == 1:
        pn = {ids[0]: 1.0}
    elif top == 0:
        pn = {a: 1.0 for a in ids}
    else:
        A = (P - 2 * N) / top
        try:
            x = np.linalg.solve(np.eye(n) - A / (2 * n - 2), np.ones(n))
            pn = {a: float(x[ix[a]]) for a in ids}
        except np.linalg.LinAlgError:  # singular: PN is undefined
            pn = {a: None for a in ids}
    S = P - N
    seig = {a: None for a in ids}
    if n and np.abs(S).max(initial=0) > 0:
        vals, vecs = np.linalg.eigh(S)
        order = np.argsort(-np.abs(vals))
        if len(vals) == 1 or abs(abs(vals[order[0]]) - abs(vals[order[1]])) > 1e-9:
            x = vecs[:, order[0]]
            x = x / np.abs(x).max()
            if x[np.argmax(np.abs(x))] < 0:
                x = -x
            seig = {a: float(x[ix[a]]) for a in ids}
    return pn, seig


TEXT_COLS = {"deg": "degree", "in": "degree_in", "out": "degree_out", "s+": "strength_pos",
             "s-": "strength_neg", "betweenness": "betweenness", "closeness": "closeness",
             "harmonic": "harmonic", "eigenvec": "eigenvector", "pagerank": "pagerank",
             "hub": "hub", "authority": "authority", "pn": "pn", "signed_eig": "signed_eigenvector",
             "clustering": "clustering"}


def parse_metrics(text):
    if text.lstrip().startswith("{"):
        return {a.pop("id"): a for a in json.loads(text)["actors"]}, 1e-9
    lines = text.splitlines()
    head = lines[0].split()
    got = {}
    for line in lines[1:]:
        if not line.strip() or line.startswith("paths on"):
            continue
        f = line.split()
        got[f[0]] = {TEXT_COLS[h]: (None if v == "-" else float(v)) for h, v in zip(head[1:], f[1:])}
    return got, 0.51e-4  # four decimals printed (two for strengths: checked at 0.51e-2 below)


def check_metrics(case):
    g = input_of(case)
    if g is None:
        return
    args = args_of(case)
    sign = -1 if "--ties" in args and args[args.index("--ties") + 1] == "negative" else 1
    ref = metrics_reference(*g, sign)
    got, tol = parse_metrics(open(os.path.join(CLI, case, "stdout")).read())
    if "--top" in args:
        k = int(args[args.index("--top") + 1])
        key = TEXT_COLS.get(args[args.index("--sort") + 1], args[args.index("--sort") + 1])
        want = sorted(ref, key=lambda a: (-ref[a][key], a))[:k]
        ok(list(got) == want, case, f"top {k} by {key}: {list(got)}, reference {want}")
    else:
        ok(sorted(got) == sorted(ref), case, f"actors {sorted(got)} vs {sorted(ref)}")
    for a, row in got.items():
        for k, v in row.items():
            t = 0.51e-2 if tol > 1e-9 and k.startswith("strength") else tol
            ok(near(v, ref[a][k], t), case, f"{a} {k}: golden {v}, reference {ref[a][k]}")


# ---------------------------------------------------------------- balance


def pairs_of(ids, edges):
    """One undirected edge per pair: {(a, b): summed weight}, pairs summing to 0 left out."""
    s = {}
    for u, v, w in edges:
        if u != v:
            k = tuple(sorted((u, v)))
            s[k] = s.get(k, 0.0) + w
    return {k: w for k, w in s.items() if w != 0}


def frustration(ids, pairs, weighted):
    best = None
    for bits in itertools.product((0, 1), repeat=max(0, len(ids) - 1)):
        side = dict(zip(ids, (0,) + bits))
        cost = sum((abs(w) if weighted else 1) for (a, b), w in pairs.items()
                   if (w < 0) == (side[a] == side[b]))
        best = cost if best is None else min(best, cost)
    return best or 0


def cost_of(blocs, pairs, weighted):
    side = {a: i for i, members in enumerate(blocs) for a in members}
    return sum((abs(w) if weighted else 1) for (a, b), w in pairs.items()
               if (w < 0) == (side[a] == side[b]))


def balance_reference(ids, edges):
    pairs = pairs_of(ids, edges)
    by = [0, 0, 0, 0]
    wby = [0.0] * 4
    for a, b, c in itertools.combinations(ids, 3):
        e = [pairs.get(tuple(sorted(p))) for p in ((a, b), (b, c), (a, c))]
        if all(x is not None for x in e):
            k = sum(x < 0 for x in e)
            by[k] += 1
            wby[k] += (abs(e[0]) * abs(e[1]) * abs(e[2])) ** (1 / 3)
    n, ix = len(ids), {a: i for i, a in enumerate(ids)}
    A = np.zeros((n, n))
    for (a, b), w in pairs.items():
        A[ix[a], ix[b]] = A[ix[b], ix[a]] = 1 if w > 0 else -1
    K = (np.trace(scipy.linalg.expm(A)) / np.trace(scipy.linalg.expm(np.abs(A)))) if n else None
    return pairs, by, wby, K


def check_balance(case):
    g = input_of(case)
    if g is None:
        return
    directed, ids, edges = g
    pairs, by, wby, K = balance_reference(ids, edges)
    text = open(os.path.join(CLI, case, "stdout")).read()
    total, bal = sum(by), by[0] + by[2]
    if text.lstrip().startswith("{"):
        d = json.loads(text)
        t = d["triangles"]
        ok([t["by_type"][k] for k in ("+++", "++-", "+--", "---")] == by, case,
           f"triangles {t['by_type']} vs {by}")
        ok(t["balanced"] == bal and near(t["ratio"], bal / total if total else None, 1e-9), case,
           "balanced triangles")
        ok(near(t["weighted"]["ratio"], (wby[0] + wby[2]) / sum(wby) if total else None, 1e-9),
           case, "weighted ratio")
        ok(near(d["walk_balance"], K, 1e-9), case, f"K {d['walk_balance']} vs {K}")
        f = d["frustration"]
        idx = frustration(ids, pairs, False)
        ok(f["value"] == idx, case, f"frustration {f['value']} vs exhaustive {idx}")
        blocs = [[a for a, s in f["partition"].items() if s == i] for i in (0, 1)]
        ok(cost_of(blocs, pairs, False) == idx, case, "the printed partition reaches the index")
        ok(d["treatment"]["edges"] == len(pairs), case, "edges")
        return
    m = re.search(r"^edges\s+(\d+) \((\d+) \+, (\d+) -\)", text, re.M)
    ok(m and [int(x) for x in m.groups()] == [len(pairs), sum(w > 0 for w in pairs.values()),
                                             sum(w < 0 for w in pairs.values())], case, "edges line")
    m = re.search(r"^triangles\s+(\d+) \(\+\+\+ (\d+), \+\+- (\d+), \+-- (\d+), --- (\d+)\)", text, re.M)
    ok(m and [int(x) for x in m.groups()] == [total] + by, case, f"triangles line vs {by}")
    m = re.search(r"^balanced triangles\s+(\S+)", text, re.M)
    ok(m and (m.group(1) == "n/a" if total == 0 else near(float(m.group(1)), bal / total, 0.51e-4)),
       case, "balanced triangles")
    m = re.search(r"^walk balance \(K\)\s+(\S+)", text, re.M)
    ok(m and (m.group(1) == "n/a" if K is None else near(float(m.group(1)), K, 0.51e-6)), case,
       f"K {m and m.group(1)} vs {K}")
    for label, weighted in (("frustration index", False), ("weighted frustration", True)):
        m = re.search(rf"^{label}\s+(\S+) \(exact\)\n  bloc 0:(.*)\n  bloc 1:(.*)", text, re.M)
        idx = frustration(ids, pairs, weighted)
        ok(m and near(float(m.group(1)), idx, 1e-9), case, f"{label} vs exhaustive {idx}")
        if m:
            blocs = [m.group(2).split(), m.group(3).split()]
            ok(sorted(blocs[0] + blocs[1]) == ids and cost_of(blocs, pairs, weighted) == idx, case,
               f"{label}: the printed blocs reach the index")


# ---------------------------------------------------------------- communities


def signed_modularity(directed, ids, edges, mem):
    G = nx.DiGraph() if directed else nx.Graph()
    Gp, Gn = G.copy(), G.copy()
    for H in (Gp, Gn):
        H.add_nodes_from(ids)
    for u, v, w in edges:
        H = Gp if w > 0 else Gn if w < 0 else None
        if H is not None:
            H.add_edge(u, v, weight=abs(w) + (H[u][v]["weight"] if H.has_edge(u, v) else 0))
    groups = [{a for a in ids if mem[a] == g} for g in sorted(set(mem.values()))]
    wp, wn = Gp.size(weight="weight"), Gn.size(weight="weight")
    qp = nx.community.modularity(Gp, groups) if wp else None
    qn = nx.community.modularity(Gn, groups) if wn else 0.0
    return qp, (wp * (qp or 0) - wn * qn) / (wp + wn) if wp + wn else None


def criterion(directed, edges, mem, alpha):
    neg = pos = 0.0
    for u, v, w in edges:
        times = 1 if directed else 2  # summed over the adjacency matrix
        if w < 0 and mem[u] == mem[v]:
            neg += times * abs(w)
        elif w > 0 and mem[u] != mem[v]:
            pos += times * w
    return alpha * neg + (1 - alpha) * pos, neg, pos


def check_communities(case):
    g = input_of(case)
    if g is None:
        return
    directed, ids, edges = g
    text = open(os.path.join(CLI, case, "stdout")).read()
    if not text.lstrip().startswith("{"):
        return check_communities_text(case, g, text)
    d = json.loads(text)
    mem = d["membership"]
    qp, q = signed_modularity(directed, ids, edges, mem)
    ok(near(d["modularity"], qp, 1e-9), case, f"modularity {d['modularity']} vs {qp}")
    ok(near(d["signed_modularity"], q, 1e-9), case, f"signed modularity {d['signed_modularity']} vs {q}")
    if d["method"] == "blocs":
        alpha, k = d["criterion"]["alpha"], d["treatment"]["k"]
        p, neg, pos = criterion(directed, edges, mem, alpha)
        ok(near(d["criterion"]["value"], p, 1e-9) and near(d["criterion"]["neg_within"], neg, 1e-9)
           and near(d["criterion"]["pos_between"], pos, 1e-9), case, f"criterion vs {p}, {neg}, {pos}")
        best = min(criterion(directed, edges, dict(zip(ids, (0,) + bits)), alpha)[0]
                   for bits in itertools.product(range(k), repeat=len(ids) - 1))
        ok(near(p, best, 1e-9), case, f"criterion {p} is not the exhaustive optimum {best}")


def check_communities_text(case, g, text):
    directed, ids, edges = g
    groups = re.findall(r"^  (\d+) \((\d+)\): (.*)$", text, re.M)
    mem = {a: int(i) for i, n, members in groups for a in members.split()}
    ok(sorted(mem) == ids and all(int(n) == len(m.split()) for _, n, m in groups), case,
       f"groups {groups} do not cover {ids}")
    if sorted(mem) != ids:
        return
    qp, q = signed_modularity(directed, ids, edges, mem)
    m = re.search(r"^modularity \(\+\)\s+(\S+)", text, re.M)
    ok(m and near(float(m.group(1)), qp, 0.51e-4), case, f"modularity vs {qp}")
    m = re.search(r"^signed modularity\s+(\S+)", text, re.M)
    ok(m and near(float(m.group(1)), q, 0.51e-4), case, f"signed modularity vs {q}")
    m = re.search(r"^criterion\s+(\S+) \(alpha (\S+): (\S+) negative inside, (\S+) positive", text, re.M)
    if m:
        p, neg, pos = criterion(directed, edges, mem, float(m.group(2)))
        ok(all(near(float(x), y, 0.51e-4) for x, y in zip(m.group(1, 3, 4), (p, neg, pos))), case,
           f"criterion vs {p}, {neg}, {pos}")


# ---------------------------------------------------------------- align


def profiles(ids, pairs):
    """Tie profiles x_i (x_ik = w_ik / max|w| with w the summed pair weight, x_ii = 1) and their
    L1 distance d_ij = sum_k |x_ik - x_jk| (the JSON's `definition`)."""
    top = max((abs(w) for w in pairs.values()), default=1.0) or 1.0
    X = {a: {b: 1.0 if a == b else pairs.get(tuple(sorted((a, b))), 0.0) / top for b in ids}
         for a in ids}
    return lambda i, j: sum(abs(X[i][k] - X[j][k]) for k in ids)


def align_reference(ids, pairs, pa, pb):
    """Per actor (alignment, basis, S(A), S(B), profile alignment) toward actor poles pa, pb."""
    d, n = profiles(ids, pairs), len(ids)
    ref = {}
    for a in ids:
        prof = (d(a, pb) - d(a, pa)) / d(pa, pb)
        ta = pairs.get(tuple(sorted((a, pa))), 0.0) if a != pa else 0.0
        tb = pairs.get(tuple(sorted((a, pb))), 0.0) if a != pb else 0.0
        if a in (pa, pb):
            al, basis = (1.0 if a == pa else -1.0), "pole"
        elif ta or tb:
            al, basis = (ta - tb) / (abs(ta) + abs(tb)), "ties"
        else:
            al, basis = prof, "profile"
        ref[a] = (al, basis, 1 - 2 * d(a, pa) / (2 * n), 1 - 2 * d(a, pb) / (2 * n), prof)
    return ref


def check_align(case):
    g = input_of(case)
    if g is None:
        return
    directed, ids, edges = g
    args = args_of(case)
    text = open(os.path.join(CLI, case, "stdout")).read()
    if text.lstrip().startswith("{"):
        d = json.loads(text)
        ok(sorted(a["id"] for a in d["actors"]) == ids, case, "actors")
        ok(all(a["alignment"] is None for a in d["actors"]) and
           d["polarization"]["index"] is None and d["polarization"]["bloc_fit"] is None, case,
           "no opposed camp: alignment, index and fit undefined")
        return
    rows = re.findall(r"^(\S+)\s+([+-]\d\.\d+|n/a) (\S+)\s+(\S+)\s+(\S+)$", text, re.M)
    got = {a: (None if v == "n/a" else float(v), b, float(sa), float(sb)) for a, v, b, sa, sb in rows}
    m = re.search(r"^polarization index (\S+), bloc fit (\S+)", text, re.M)
    fig = tuple(None if x == "n/a" else float(x) for x in m.groups()) if m else ("?", "?")
    ok(sorted(got) == ids, case, f"align table {sorted(got)} vs {ids}")
    if sorted(got) != ids:
        return
    pairs = pairs_of(ids, edges)
    if "--poles" not in args:  # bloc poles: only the undefined case is in the suite
        ok(all(v[0] is None for v in got.values()) and fig == (None, None), case, "undefined alignment")
        return
    pa, pb = args[args.index("--poles") + 1].split(",")
    ref = align_reference(ids, pairs, pa, pb)
    for a, (al, basis, sa, sb) in got.items():
        r = ref[a]
        ok(basis == r[1] and near(al, r[0], 0.51e-4) and near(sa, r[2], 0.51e-4) and
           near(sb, r[3], 0.51e-4), case, f"{a}: golden {al} {basis} {sa} {sb}, reference {r[:4]}")
    # index: mean |profile alignment| over actors with ties that are not poles; bloc fit: (|w| of
    # ties consistent with the split by the sign of alignment - the rest) / |w| of ties between
    # actors with a non-zero alignment.
    tied = {a for k in pairs for a in k}
    inner = [abs(ref[a][4]) for a in ids if a in tied and a not in (pa, pb)]
    both = {k: w for k, w in pairs.items() if all(ref[a][0] != 0 for a in k)}
    fit = sum(abs(w) if (w > 0) == ((ref[k[0]][0] > 0) == (ref[k[1]][0] > 0)) else -abs(w)
              for k, w in both.items())
    total = sum(abs(w) for w in both.values())
    want = (sum(inner) / len(inner) if inner else None, fit / total if total else None)
    ok(all(near(x, y, 0.51e-4) for x, y in zip(fig, want)), case, f"polarization, bloc fit {fig} vs {want}")


# ---------------------------------------------------------------- compare


def compare_reference(a, b, threshold=1.0):
    """Actor and tie changes and the distances between two snapshots (directed ties as given)."""
    (_, ia, ea), (_, ib, eb) = a, b
    wa = {(u, v): w for u, v, w in ea}
    wb = {(u, v): w for u, v, w in eb}
    r = {"common": len(set(ia) & set(ib)), "entered": len(set(ib) - set(ia)),
         "left": len(set(ia) - set(ib)), "added": len(wb.keys() - wa.keys()),
         "removed": len(wa.keys() - wb.keys())}
    both = wa.keys() & wb.keys()
    flip = [k for k in both if (wa[k] > 0) != (wb[k] > 0) and wa[k] != 0 and wb[k] != 0]
    rest = [k for k in both if k not in flip]
    r["flipped"] = len(flip)
    r["strengthened"] = sum(abs(wb[k]) - abs(wa[k]) >= threshold for k in rest)
    r["weakened"] = sum(abs(wa[k]) - abs(wb[k]) >= threshold for k in rest)
    r["unchanged"] = len(rest) - r["strengthened"] - r["weakened"]
    keys = wa.keys() | wb.keys()
    get = lambda d, k: d.get(k, 0.0)
    for sign, name in ((1, "jpos"), (-1, "jneg")):
        sa = {k for k, w in wa.items() if w * sign > 0}
        sb = {k for k, w in wb.items() if w * sign > 0}
        r[name] = 1 - len(sa & sb) / len(sa | sb) if sa | sb else 0.0
    # weighted Jaccard (Ruzicka) over the positive and the negative parts together
    parts = [(max(s * get(wa, k), 0), max(s * get(wb, k), 0)) for k in keys for s in (1, -1)]
    mx = sum(max(p) for p in parts)
    r["wjac"] = 1 - sum(min(p) for p in parts) / mx if mx else 0.0
    r["l1"] = sum(abs(get(wa, k) - get(wb, k)) for k in keys)
    tot = sum(abs(w) for w in wa.values()) + sum(abs(w) for w in wb.values())
    r["l1n"] = r["l1"] / tot if tot else 0.0
    r["fro"] = math.sqrt(sum((get(wa, k) - get(wb, k)) ** 2 for k in keys))
    na = math.sqrt(sum(w * w for w in wa.values()))
    nb = math.sqrt(sum(w * w for w in wb.values()))
    r["fron"] = r["fro"] / (na + nb) if na + nb else 0.0
    return r


def check_compare(case):
    args = args_of(case)
    if "--json" in args or "-o" in args:
        return
    a, b = (load_graph(p) for p in args[-2:])
    r = compare_reference(a, b)
    text = open(os.path.join(CLI, case, "stdout_has")).read()
    m = re.search(r"^actors\s+(\d+) in common, (\d+) entered, (\d+) left", text, re.M)
    ok(m and [int(x) for x in m.groups()] == [r["common"], r["entered"], r["left"]], case, "actors")
    m = re.search(r"^ties\s+(\d+) added, (\d+) removed, (\d+) sign-flipped, (\d+) strengthened, "
                  r"(\d+) weakened, (\d+) unchanged", text, re.M)
    want = [r[k] for k in ("added", "removed", "flipped", "strengthened", "weakened", "unchanged")]
    ok(m and [int(x) for x in m.groups()] == want, case, f"ties {m and m.groups()} vs {want}")
    m = re.search(r"^distance\s+Jaccard \+ (\S+), Jaccard . (\S+), weighted Jaccard (\S+), L1 (\S+) "
                  r"\(normalised (\S+)\), Frobenius (\S+) \(normalised (\S+)\)", text, re.M)
    want = [r[k] for k in ("jpos", "jneg", "wjac", "l1", "l1n", "fro", "fron")]
    ok(m and all(near(float(x), y, 0.51e-3) for x, y in zip(m.groups(), want)), case,
       f"distances {m and m.groups()} vs {want}")


KINDS = {"metrics": check_metrics, "balance": check_balance, "communities": check_communities,
         "align": check_align, "compare": check_compare}
for case in sorted(os.listdir(CLI)):
    cmd = args_of(case)[0] if os.path.exists(os.path.join(CLI, case, "args")) else ""
    exit_code = open(os.path.join(CLI, case, "exit")).read().strip() if os.path.exists(
        os.path.join(CLI, case, "exit")) else "0"
    has_out = any(os.path.exists(os.path.join(CLI, case, f)) for f in ("stdout", "stdout_has"))
    if cmd in KINDS and exit_code == "0" and has_out \
            and "--help" not in args_of(case):
        KINDS[cmd](case)
for case, n in sorted(checked.items()):
    print(f"{case}: {n} figures recomputed")
finish(fails)
