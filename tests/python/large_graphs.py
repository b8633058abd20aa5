#!/usr/bin/env python3
"""large_graphs.py — the approximations large graphs get (issue #16, item 9), on graphs small
enough to compute the exact figures beside them, with each command's size threshold lowered by
its documented option:

- metrics: --sample-above just below the graph's size picks sampled pivots and declares them in
  "approximations" (method, pivots, seed, relative standard error) with a note on stderr; the
  default threshold and --exact give the exact figures byte for byte. Sampled betweenness
  against exact betweenness (allynet's, itself checked against NetworkX in metrics_networkx):
  the estimate is a sum over pivots, so its summed absolute error should be about 0.8 (the mean
  of a half-normal) times the reported relative standard error; the test asks for at most 1.5
  times it (room for the skew of dependencies) and at least 0.3 times (the error is not
  overstated either), and that four seeds averaged are closer than one (no bias). Closeness
  and harmonic from the same pivots: relative L1 error under 5% with half the actors as
  pivots (they average many distances, so they converge much faster than betweenness).
- balance: the walk index by stochastic Lanczos quadrature (--walk-limit below the component)
  within 3 of its stated standard errors of the exact eigen-decomposition (the estimate is an
  average of 32 independent probes: 3 standard errors is the 99.7% band), itself checked
  against numpy; --exact skips it instead. The budgeted frustration search (--search-limit
  below the block) is declared, its partition's cost is its value, and its lower bound stays
  below the optimum found by brute force on a small graph.
- align: with --scan-limit below the actor count the top pairs come without the full scan,
  with the same S values as --exact; --dyads is refused there (exit 2).
- render: a graph past 10,000 actors is refused (exit 2) with a suggestion; --top N draws N.
- compare and timeline on 20,000 isolates (past the dense bloc matching, which would need a
  3 GB matrix): every actor matched to itself, NMI 1, labels stable over time.
Usage: large_graphs.py ALLYNET (run from the project root)."""
import itertools, json, os, random, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(__file__))
from testkit import check, finish

exe = sys.argv[1]


def run(*args, code=0):
    r = subprocess.run([exe, *args], capture_output=True, text=True, timeout=300)
    check(r.returncode == code, f"allynet {' '.join(args)}: exit {r.returncode} (want {code}): "
          f"{r.stderr[:300]}")
    return r


def js(*args):
    return json.loads(run(*args, "--json").stdout)


def graph(n, m, seed, directed=False):
    rng = random.Random(seed)
    seen, edges = set(), []
    while len(edges) < m:
        s, t = rng.randrange(n), rng.randrange(n)
        key = (s, t) if directed else (min(s, t), max(s, t))
        if s != t and key not in seen:
            seen.add(key)
            w = rng.choice([-1, 1]) * rng.randint(1, 10)
            edges.append({"source": f"A{s:04d}", "target": f"A{t:04d}", "weight": w})
    return {"directed": directed, "multigraph": False, "graph": {"name": f"g{seed}"},
            "nodes": [{"id": f"A{i:04d}"} for i in range(n)], "edges": edges}


def save(tmp, name, g):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        json.dump(g, f)
    return path


def rel_l1(est, ref, key):
    ids = [i for i in ref if ref[i][key] is not None and est[i][key] is not None]
    return sum(abs(est[i][key] - ref[i][key]) for i in ids) / sum(abs(ref[i][key]) for i in ids)


def by_id(doc):
    return {a["id"]: a for a in doc["actors"]}


def metrics_checks(path, n):
    exact_text = run("metrics", "--json", path).stdout
    exact = by_id(json.loads(exact_text))
    check("approximations" not in json.loads(exact_text), "metrics: exact below the threshold")
    check(run("metrics", "--json", "--exact", "--sample-above", "1000", path).stdout == exact_text,
          "metrics --exact: the same bytes as the exact default")
    r = run("metrics", "--json", "--sample-above", "1000", path)
    doc = json.loads(r.stdout)
    ap = doc.get("approximations", {})
    check(set(ap) == {"betweenness", "closeness", "harmonic"}, f"metrics: declared {sorted(ap)}")
    b = ap.get("betweenness", {})
    check(b.get("seed") == 42 and 0 < b.get("pivots", 0) < n and "sampled pivots" in b.get(
        "method", ""), f"metrics: betweenness record {b}")
    check("sampled pivots instead" in r.stderr and "--exact" in r.stderr,
          f"metrics: the note on stderr: {r.stderr!r}")
    k = n // 2
    errs, runs = [], []
    for seed in (1, 2, 3, 4):
        d = js("metrics", "--pivots", str(k), "--seed", str(seed), path)
        est, rse = by_id(d), d["approximations"]["betweenness"]["relative_standard_error"]
        runs.append(est)
        errs.append(rel_l1(est, exact, "betweenness"))
        check(0.3 * rse <= errs[-1] <= 1.5 * rse,
              f"metrics seed {seed}: betweenness L1 error {errs[-1]:.3f}, stated {rse:.3f}")
        for key in ("closeness", "harmonic"):
            e = rel_l1(est, exact, key)
            check(e < 0.05, f"metrics seed {seed}: {key} L1 error {e:.3f}")
    mean = {i: {"betweenness": sum(r[i]["betweenness"] for r in runs) / 4} for i in exact}
    avg = rel_l1(mean, exact, "betweenness")
    check(avg < 0.8 * sum(errs) / 4, f"metrics: 4 seeds averaged {avg:.3f}, one {errs}")
    full = js("metrics", "--pivots", str(n), path)
    check("approximations" not in full, "metrics --pivots N >= actors: exact")


def walk_reference(g):
    """K by numpy's eigenvalues (Debian's python3 has numpy), or None without numpy."""
    try:
        import numpy as np
    except ImportError:
        return None
    ids = sorted(x["id"] for x in g["nodes"])
    ix, pair = {v: i for i, v in enumerate(ids)}, {}
    for e in g["edges"]:
        key = tuple(sorted((ix[e["source"]], ix[e["target"]])))
        pair[key] = pair.get(key, 0) + e["weight"]
    a = np.zeros((len(ids), len(ids)))
    for (u, v), w in pair.items():
        a[u, v] = a[v, u] = np.sign(w)
    ls, la = np.linalg.eigvalsh(a), np.linalg.eigvalsh(abs(a))
    return float(np.exp(ls - la.max()).sum() / np.exp(la - la.max()).sum())


def balance_checks(path, g):
    exact = js("balance", "--walk-limit", "1000", path)
    ref = walk_reference(g)
    if ref is not None:
        check(abs(exact["walk_balance"] - ref) < 1e-9, f"walk index {exact['walk_balance']} "
              f"against numpy {ref}")
    est = js("balance", "--walk-limit", "100", path)
    k, se = est["walk_balance"], est["walk"].get("standard_error", 0)
    check(se > 0 and abs(k - exact["walk_balance"]) <= 3 * se,
          f"walk estimate {k} +- {se} against {exact['walk_balance']}")
    check("walk_balance" in est.get("approximations", {}), "walk estimate declared")
    skipped = js("balance", "--walk-limit", "100", "--exact", path)
    check(skipped["walk_balance"] is None and "approximations" not in skipped,
          "balance --exact: no estimate")


def frustration_brute(g):
    """The exact frustration index of a small graph by trying every bipartition."""
    ids = sorted(x["id"] for x in g["nodes"])
    pair = {}
    for e in g["edges"]:
        key = tuple(sorted((e["source"], e["target"])))
        pair[key] = pair.get(key, 0) + e["weight"]
    best = None
    for bits in itertools.product((0, 1), repeat=len(ids) - 1):
        side = dict(zip(ids, (0,) + bits))
        cost = sum(1 for (u, v), w in pair.items()
                   if w != 0 and (side[u] == side[v]) != (w > 0))
        best = cost if best is None or cost < best else best
    return best


def frustration_checks(tmp):
    g = graph(14, 40, 7)
    path = save(tmp, "f14.json", g)
    d = js("balance", "--search-limit", "5", "--exact-limit", "0", path)
    f, opt = d["frustration"], frustration_brute(g)
    check("frustration" in d.get("approximations", {}), "budgeted search declared")
    check(f["lower_bound"] <= opt <= f["value"], f"bound {f['lower_bound']} <= optimum {opt} "
          f"<= value {f['value']}")
    check(len(f["frustrated_ties"]) == f["value"], "the value is its partition's cost")


def align_checks(path):
    full = js("align", "--exact", "--top", "12", path)
    fast = js("align", "--scan-limit", "50", "--top", "12", path)
    for side in ("most_similar", "least_similar"):
        a = [round(x["s"], 12) for x in full["dyads"][side]]
        b = [round(x["s"], 12) for x in fast["dyads"][side]]
        check(a == b, f"align {side}: S {a[:3]} against {b[:3]}")
    check(fast.get("approximations", {}).get("dyads", {}).get("exact_values") is True,
          "align: top pairs declared")
    check(fast["actors"] == full["actors"], "align: the same alignments")
    r = run("align", "--dyads", "--scan-limit", "50", path, code=2)
    check("--top" in r.stderr and r.stderr.count("\n") == 1, f"align --dyads refused: {r.stderr}")


def render_checks(tmp, path):
    big = {"directed": False, "graph": {"name": "many"},
           "nodes": [{"id": f"N{i}"} for i in range(10001)],
           "edges": [{"source": "N1", "target": "N2", "weight": 2}]}
    bigpath = save(tmp, "big.json", big)
    r = run("render", "-o", os.path.join(tmp, "big.svg"), bigpath, code=2)
    check("too many to draw" in r.stderr and "--top" in r.stderr, f"render refused: {r.stderr}")
    check(not os.path.exists(os.path.join(tmp, "big.svg")), "render: no file left")
    out = os.path.join(tmp, "top.svg")
    run("render", "--top", "20", "-o", out, path)
    svg = open(out, encoding="utf-8").read()
    check(svg.count('class="node') == 20 and "the 20 strongest of 300 actors" in svg,
          "render --top 20: 20 actors and the subtitle")


def isolates_checks(tmp):
    n = 20000

    def snap(first, date):
        return {"directed": True, "graph": {"name": "iso", "date": date},
                "nodes": [{"id": f"I{i:05d}"} for i in range(first, first + n)], "edges": []}
    a = save(tmp, "iso-a.json", snap(0, "2024-01-01"))
    b = save(tmp, "iso-b.json", snap(100, "2024-02-01"))
    c = js("compare", a, b)
    s, com = c["summary"], c["communities"]
    check((s["actors_common"], s["actors_entered"], s["actors_left"]) == (n - 100, 100, 100),
          f"compare isolates: {s}")
    check(com["nmi"] == 1.0 and com["split_join"] == 0, f"compare isolates: {com['nmi']}")
    matched = [m for m in com["matching"] if m["bloc_a"] is not None]
    check(len(matched) == n - 100 and all(m["shared"] == 1 for m in matched),
          "compare isolates: each common actor's bloc matched to its own")
    t = js("timeline", a, b)
    stable = all(len({v for v in x["series"]["bloc"] if v is not None}) == 1 for x in t["actors"])
    check(len(t["actors"]) == n + 100 and stable, "timeline isolates: stable bloc labels")


with tempfile.TemporaryDirectory() as tmp:
    g = graph(300, 1500, 1)
    path = save(tmp, "g300.json", g)
    metrics_checks(path, 300)
    metrics_checks(save(tmp, "d300.json", graph(300, 2000, 2, directed=True)), 300)
    balance_checks(path, g)
    frustration_checks(tmp)
    align_checks(path)
    render_checks(tmp, path)
    isolates_checks(tmp)
finish()
