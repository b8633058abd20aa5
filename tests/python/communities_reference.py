#!/usr/bin/env python3
"""communities_reference.py — allynet communities against independent computations.

1. Gahuku-Gama tribes (../shared/data/validation/tribes_signed.csv; skipped with a message when
   absent), read as undirected: `communities --method blocs --k 3` must reach the published
   optimum of the Doreian-Mrvar criterion, P = 2 at alpha = 0.5 with unit weights (Doreian &
   Mrvar 1996; signnet gives the same), summed over the symmetric adjacency matrix, i.e. two
   inconsistent ties, each counted in both directions. An
   exhaustive branch-and-bound search written here, over every partition into exactly three
   non-empty groups, confirms that 2 is the minimum and counts the optimal partitions; allynet's
   partition must be one of them, and its reported criterion must equal a count by hand.
2. Two positive triangles joined by negative ties: every method finds the two triangles.
3. The shipped snapshot graphs/venezuela-2025-12-11.json: two blocs, Venezuela at the centre of
   the cooperative side (largest betweenness, eigenvector, PageRank and positive strength), the
   United States in the other bloc, and the signed eigenvector's signs splitting the actors as
   the blocs do.
4. Same input and seed give byte-identical output.
Usage: communities_reference.py ALLYNET (run from the project root)."""
import json, os, subprocess, sys, tempfile
from evidence import finish, partial, shared

exe = sys.argv[1]
fails = 0


def fail(msg):
    global fails
    print("FAIL " + msg)
    fails += 1


def run(*args):
    r = subprocess.run([exe, *args], capture_output=True, check=True)
    return r.stdout


def criterion(edges, mem, alpha=0.5, twice=2):
    """Over the symmetric adjacency matrix: each undirected tie counts twice."""
    n = sum(-w for a, b, w in edges if w < 0 and mem[a] == mem[b])
    p = sum(w for a, b, w in edges if w > 0 and mem[a] != mem[b])
    return twice * (alpha * n + (1 - alpha) * p)


def exhaustive(nodes, edges, k, alpha=0.5):
    """Minimum criterion over partitions into exactly k non-empty groups, and the optima."""
    ix = {v: i for i, v in enumerate(nodes)}
    adj = [[] for _ in nodes]
    for a, b, w in edges:
        i, j = ix[a], ix[b]
        adj[max(i, j)].append((min(i, j), w))  # charged when the later node is placed
    best = [float("inf")]
    optima = []
    lab = [0] * len(nodes)

    def place(i, used, cost):
        if cost > best[0] + 1e-12:
            return
        if len(nodes) - i < k - used:
            return
        if i == len(nodes):
            if cost < best[0] - 1e-12:
                best[0] = cost
                optima.clear()
            optima.append(tuple(lab))
            return
        for g in range(min(used + 1, k)):
            lab[i] = g
            add = 0.0
            for j, w in adj[i]:
                same = lab[j] == g
                add += alpha * -w if (w < 0 and same) else (1 - alpha) * w if (w > 0 and not same) else 0
            place(i + 1, max(used, g + 1), cost + 2 * add)  # both cells of the symmetric matrix

    place(0, 0, 0.0)
    return best[0], optima


def canon(nodes, mem):
    """Relabel groups by first appearance in node order, for comparing partitions."""
    seen = {}
    return tuple(seen.setdefault(mem[v], len(seen)) for v in nodes)


def tribes(tmp):
    src = shared("data", "validation", "tribes_signed.csv")
    if not os.path.exists(src):
        partial("../shared/data/validation/tribes_signed.csv is absent; tribes not checked")
        return
    path = os.path.join(tmp, "tribes.json")
    run("convert", src, path)
    g = json.load(open(path))
    g["directed"] = False  # the tribes' relations are symmetric: one undirected tie per pair
    json.dump(g, open(path, "w"))
    nodes = sorted(n["id"] for n in g["nodes"])
    edges = [(e["source"], e["target"], e["weight"]) for e in g["edges"]]
    if len(nodes) != 16 or len(edges) != 58:
        fail(f"tribes: expected 16 tribes and 58 ties, got {len(nodes)} and {len(edges)}")
    c = json.loads(run("communities", "--method", "blocs", "--k", "3", "--json", path))
    mem = c["membership"]
    hand = criterion(edges, mem)
    best, optima = exhaustive(nodes, edges, 3)
    print(f"tribes: allynet P = {c['criterion']['value']}, by hand {hand}, exhaustive minimum "
          f"{best} with {len(optima)} optimal partition(s); allynet found {c['optima']}")
    if abs(best - 2.0) > 1e-12:
        fail(f"tribes: the exhaustive minimum is {best}, not the published 2")
    if abs(c["criterion"]["value"] - hand) > 1e-12 or abs(hand - 2.0) > 1e-12:
        fail(f"tribes: criterion {c['criterion']['value']} (hand count {hand}), expected 2")
    if canon(nodes, mem) not in {canon(nodes, dict(zip(nodes, o))) for o in optima}:
        fail("tribes: allynet's partition is not among the exhaustive optima")
    if c["optima"] != len(optima):
        fail(f"tribes: allynet reports {c['optima']} optimal partitions, exhaustive finds {len(optima)}")
    for grp in c["groups"]:
        print(f"  bloc {grp['group']}: {' '.join(grp['members'])}")


def two_blocs(tmp):
    path = os.path.join(tmp, "two.json")
    ids = "ABCDEF"
    pos = [("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"), ("E", "F"), ("D", "F")]
    neg = [("A", "D"), ("B", "E"), ("C", "F")]
    json.dump({"directed": False, "nodes": [{"id": i} for i in ids],
               "edges": [{"source": a, "target": b, "weight": 1} for a, b in pos] +
                        [{"source": a, "target": b, "weight": -1} for a, b in neg]}, open(path, "w"))
    for m in ("blocs", "leiden", "louvain", "cpm", "spinglass"):
        c = json.loads(run("communities", "--method", m, "--json", path))
        want = {"A": 0, "B": 0, "C": 0, "D": 1, "E": 1, "F": 1}
        if c["membership"] != want or c["count"] != 2:
            fail(f"two blocs: {m} gave {c['membership']}")
        else:
            print(f"ok two blocs: {m}, signed modularity {c['signed_modularity']}")


def venezuela():
    path = os.path.join("graphs", "venezuela-2025-12-11.json")
    c = json.loads(run("communities", "--json", path))
    mem = c["membership"]
    if c["count"] != 2 or mem["VEN"] == mem["USA"]:
        fail(f"venezuela: expected two blocs with VEN and USA apart, got {c['groups']}")
    for a in ("RUS", "CUB", "CHN", "IRN", "NIC"):
        if mem[a] != mem["VEN"]:
            fail(f"venezuela: {a} is not on Venezuela's side")
    if mem["TTO"] != mem["USA"]:
        fail("venezuela: Trinidad and Tobago is not on the US side")
    m = {a["id"]: a for a in json.loads(run("metrics", "--json", path))["actors"]}
    for key in ("betweenness", "eigenvector", "pagerank", "strength_pos"):
        top = max(m, key=lambda k: (m[k][key] if m[k][key] is not None else float("-inf")))
        if top != "VEN":
            fail(f"venezuela: {top}, not VEN, has the largest {key}")
    se = {k: v["signed_eigenvector"] for k, v in m.items()}
    for k, v in se.items():
        if v is None or (v > 0) != (mem[k] == mem["VEN"]):
            fail(f"venezuela: the signed eigenvector of {k} ({v}) disagrees with its bloc")
    print(f"ok venezuela: blocs {[g['members'] for g in c['groups']]}; VEN tops betweenness, "
          f"eigenvector, PageRank, positive strength")


def determinism():
    path = os.path.join("graphs", "venezuela-2025-12-11.json")
    for args in (["communities", "--method", "spinglass", "--json"],
                 ["communities", "--method", "leiden", "--json"],
                 ["communities", "--k", "3", "--seed", "9", "--json"], ["metrics", "--json"]):
        if run(*args, path) != run(*args, path):
            fail(f"{' '.join(args)}: two runs differ")
    print("ok determinism")


with tempfile.TemporaryDirectory() as tmp:
    tribes(tmp)
    two_blocs(tmp)
    venezuela()
    determinism()
finish(fails)
