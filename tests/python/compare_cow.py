#!/usr/bin/env python3
"""compare_cow.py — `allynet compare` on two years of the Correlates of War alliance table equals
what Python computes independently: the tie changes as set differences, the distances, and the
community comparison measures of python-igraph on the memberships allynet reports.
Usage: compare_cow.py ALLYNET (run from the project root). Skips (77) without ../shared/data or
python3-igraph.

The yearly snapshots are built here with a few lines of Python (undirected; weight of a dyad =
number of alliance types it has that year, summed over its rows), so the check does not depend
on allynet's own table loader."""
import csv, json, math, os, subprocess, sys, tempfile
from evidence import skip

DATA = os.path.join("..", "shared", "data")
TABLE = os.path.join(DATA, "cow_alliance_dyad_yearly.csv")
CODES = os.path.join(DATA, "cow_country_codes.csv")
PAIRS = [(1948, 1949), (1954, 1955), (1990, 1991)]

try:
    import igraph
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != "/usr/bin/python3" \
            and not os.environ.get("ALLYNET_REEXEC"):
        os.environ["ALLYNET_REEXEC"] = "1"  # the Debian interpreter has python3-igraph
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    skip("python3-igraph is not installed; community measures were not checked")
if not os.path.exists(TABLE) or not os.path.exists(CODES):
    skip(f"{TABLE} or {CODES} is absent (../shared/data); COW comparison not checked")

exe = sys.argv[1]
names = {row["CCode"]: row["StateAbb"] for row in csv.DictReader(open(CODES, encoding="utf-8"))}

def actor(code):
    return names.get(code, "C" + code)

years = {y for pair in PAIRS for y in pair}
ties = {y: {} for y in years}
for row in csv.DictReader(open(TABLE, encoding="utf-8")):
    y = int(row["year"])
    if y in years:
        a, b = actor(row["ccode1"]), actor(row["ccode2"])
        if a == b:
            continue
        key = tuple(sorted((a, b)))
        kinds = sum(int(row[k]) for k in ("cow_defense", "cow_neutral", "cow_nonagg", "cow_entente"))
        ties[y][key] = ties[y].get(key, 0) + kinds

def write_graph(path, y):
    nodes = sorted({a for pair in ties[y] for a in pair})
    edges = [{"source": a, "target": b, "weight": w} for (a, b), w in sorted(ties[y].items())]
    json.dump({"directed": False, "graph": {"name": f"COW alliances {y}", "date": str(y)},
               "nodes": [{"id": n} for n in nodes], "edges": edges}, open(path, "w"))

fails = 0
def check(cond, what):
    global fails
    if not cond:
        print("FAIL", what)
        fails += 1

def close(a, b, tol=1e-9):
    return a is not None and b is not None and abs(a - b) <= tol * max(1.0, abs(b))

def expected_changes(ta, tb, threshold=1.0):
    out = {k: set() for k in ("added", "removed", "sign_flipped", "strengthened", "weakened")}
    for d in ta.keys() | tb.keys():
        if d not in ta:
            out["added"].add(d)
        elif d not in tb:
            out["removed"].add(d)
        elif ta[d] * tb[d] < 0:
            out["sign_flipped"].add(d)
        elif abs(tb[d] - ta[d]) >= threshold:
            out["strengthened" if abs(tb[d]) > abs(ta[d]) else "weakened"].add(d)
    return out

def expected_distances(ta, tb):
    dyads = ta.keys() | tb.keys()
    pa = {d for d in ta if ta[d] > 0}; pb = {d for d in tb if tb[d] > 0}
    jac = 1 - len(pa & pb) / len(pa | pb) if pa | pb else 0.0
    mn = sum(min(max(ta.get(d, 0), 0), max(tb.get(d, 0), 0)) for d in dyads)
    mx = sum(max(max(ta.get(d, 0), 0), max(tb.get(d, 0), 0)) for d in dyads)
    l1 = sum(abs(ta.get(d, 0) - tb.get(d, 0)) for d in dyads)
    sa = sum(abs(w) for w in ta.values()); sb = sum(abs(w) for w in tb.values())
    fro = sum((ta.get(d, 0) - tb.get(d, 0)) ** 2 for d in dyads)
    na = math.sqrt(sum(w * w for w in ta.values())); nb = math.sqrt(sum(w * w for w in tb.values()))
    return {"jaccard_pos": jac, "weighted_jaccard_pos": 1 - mn / mx if mx else 0.0,
            "l1": 2 * l1, "l1_normalized": l1 / (sa + sb) if sa + sb else 0.0,
            "frobenius": math.sqrt(2 * fro),
            "frobenius_normalized": math.sqrt(fro) / (na + nb) if na + nb else 0.0}

with tempfile.TemporaryDirectory() as tmp:
    for ya, yb in PAIRS:
        pa, pb = os.path.join(tmp, f"{ya}.json"), os.path.join(tmp, f"{yb}.json")
        write_graph(pa, ya); write_graph(pb, yb)
        r = subprocess.run([exe, "compare", "--json", pa, pb], capture_output=True, text=True)
        check(r.returncode == 0, f"{ya}-{yb}: exit {r.returncode}: {r.stderr}")
        if r.returncode != 0:
            continue
        doc = json.loads(r.stdout)
        want = expected_changes(ties[ya], ties[yb])
        for kind, dyads in want.items():
            got = {tuple(sorted((e["source"], e["target"]))) for e in doc["edges"][kind]}
            check(got == dyads, f"{ya}-{yb} {kind}: {len(got)} vs {len(dyads)} expected; "
                                f"differ by {sorted(got ^ dyads)[:5]}")
        for key, value in expected_distances(ties[ya], ties[yb]).items():
            check(close(doc["distance"][key], value), f"{ya}-{yb} {key}: {doc['distance'][key]} vs {value}")
        # Community measures: python-igraph on the memberships allynet reports (common actors).
        common = [a for a in doc["actors"] if a["status"] == "both"]
        ma = [a["bloc_a"] for a in common]; mb = [a["bloc_b"] for a in common]
        c = doc["communities"]
        check(c["common_actors"] == len(common), f"{ya}-{yb} common actors")
        for method, key in (("nmi", "nmi"), ("vi", "vi"), ("rand", "rand"),
                            ("adjusted_rand", "adjusted_rand"), ("split-join", "split_join")):
            ref = igraph.compare_communities(ma, mb, method=method)
            check(close(c[key], ref), f"{ya}-{yb} {key}: allynet {c[key]}, python-igraph {ref}")
        # Defections: exactly the common actors whose matched bloc differs or whose (oriented)
        # alignment changed sign, but a bloc's pole (its member with the most tie weight, the
        # first id on a tie) in either year, which takes its bloc along.
        def flipped(a):
            x, y = a.get("alignment_a"), a.get("alignment_b")
            return x is not None and y is not None and x * y < 0

        def leads(year, key):
            strength = {}
            for (u, v), w in ties[year].items():
                strength[u] = strength.get(u, 0) + abs(w)
                strength[v] = strength.get(v, 0) + abs(w)
            best = {}
            for a in sorted(doc["actors"], key=lambda a: a["id"]):
                k, s_ = a.get(key), strength.get(a["id"], 0)
                if k is not None and s_ > 0 and (k not in best or s_ > best[k][1]):
                    best[k] = (a["id"], s_)
            return {v[0] for v in best.values()}
        poles = leads(ya, "bloc_a") | leads(yb, "bloc_b")
        moved = sorted(a["id"] for a in common
                       if a["id"] not in poles and (a["bloc_a"] != a["bloc_b"] or flipped(a)))
        check(moved == sorted(c["defections"]), f"{ya}-{yb} defections")
        # Entered and left actors are the set differences of the actor sets.
        na = {x for d in ties[ya] for x in d}; nb = {x for d in ties[yb] for x in d}
        check({a["id"] for a in doc["actors"] if a["status"] == "entered"} == nb - na,
              f"{ya}-{yb} entered")
        check({a["id"] for a in doc["actors"] if a["status"] == "left"} == na - nb,
              f"{ya}-{yb} left")
        print(f"ok {ya}-{yb}: " + ", ".join(f"{k} {len(v)}" for k, v in want.items()))

sys.exit(1 if fails else 0)
