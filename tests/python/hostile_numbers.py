#!/usr/bin/env python3
"""hostile_numbers.py — weights and counts at the ends of the number line (issue #16, item 4):
two ties of 1e308 on one dyad are an input error naming the dyad (info, convert, report, from
JSON, CSV and DOT); event counts past 2^62 (and their sums) are input errors, never wrapped to
negative; one weight of 1e160 is analysed (metrics, balance, align, communities, report) with
the scaling declared in the treatment; weights summing past the largest number over the graph are
refused with a message. Every error is one line, exit 2.
Usage: hostile_numbers.py ALLYNET (run from the project root)."""
import json, os, subprocess, sys, tempfile

exe = os.path.abspath(sys.argv[1])
from testkit import check, finish


def run(args, cwd):
    return subprocess.run([exe] + args, cwd=cwd, capture_output=True, timeout=300)


def graph(edges):
    return {"directed": True, "multigraph": False, "nodes": [{"id": x} for x in "ABCD"],
            "edges": [dict(zip(("source", "target", "weight", "events"), e)) for e in edges]}


def refused(r, *words):
    err = r.stderr.decode()
    return r.returncode == 2 and err.count("\n") == 1 and all(w in err for w in words)


with tempfile.TemporaryDirectory() as tmp:
    def write(name, text):
        open(os.path.join(tmp, name), "w").write(text)
    write("dup.json", json.dumps(graph([("A", "B", 1e308, 1), ("A", "B", 1e308, 1)])))
    write("dup.csv", "source,target,weight\nA,B,1e308\nA,B,1e308\n")
    write("dup.dot", 'digraph { A -> B [weight="1e308"]; A -> B [weight="1e308"] }\n')
    for f in ["dup.json", "dup.csv"]:
        for c in [["info", "--json", f], ["convert", f, "out.json"], ["report", "-o", "rep", f]]:
            r = run(c, tmp)
            check(refused(r, "A -> B", "sum", f), f"{c}: exit {r.returncode}: {r.stderr.decode()}")
    check(not os.path.exists(os.path.join(tmp, "rep")), "a refused report left a folder")
    # DOT keeps parallel edges as separate ties of a multigraph? allynet sums them: refused too.
    r = run(["info", "dup.dot"], tmp)
    check(refused(r, "A -> B", "sum"), f"DOT dup: {r.returncode} {r.stderr.decode()}")

    # Event counts: one past 2^62, sums past it, the DOT attribute near 2^63.
    write("ev.json", json.dumps(graph([("A", "B", 1, 2**63 - 1)])))
    write("evsum.json", json.dumps(graph([("A", "B", 1, 2**61 + 2**60), ("A", "B", 1, 2**61 + 2**60)])))
    write("ev.dot", 'digraph { A -> B [events=9223372036854775807] }\n')
    write("ev2.dot", 'digraph { A -> B [events="1e300"] }\n')
    for f in ["ev.json", "evsum.json", "ev.dot", "ev2.dot"]:
        r = run(["info", "--json", f], tmp)
        check(refused(r, "A -> B", "2^62"), f"{f}: exit {r.returncode}: {r.stderr.decode()}")
    write("evtotal.json", json.dumps(graph([("A", "B", 1, 2**62), ("B", "C", 1, 2**62),
                                            ("C", "D", 1, 2**62)])))
    r = run(["info", "--json", "evtotal.json"], tmp)
    check(refused(r, "2^63"), f"total events: {r.returncode} {r.stderr.decode()}")

    # One huge weight: every analysis runs, and says it scaled.
    write("w160.json", json.dumps(graph([("A", "B", 1e160, 1), ("B", "C", 2, 1), ("C", "A", -3, 1),
                                         ("C", "D", 1, 1), ("D", "A", 1, 1)])))
    for c in [["metrics", "--json"], ["balance", "--json"], ["align", "--json"],
              ["communities", "--json"], ["info", "--json"]]:
        r = run(c + ["w160.json"], tmp)
        check(r.returncode == 0, f"{c} on a weight of 1e160: {r.returncode} {r.stderr.decode()}")
        if c[0] == "metrics" and r.returncode == 0:
            doc = json.loads(r.stdout)
            tr = doc.get("treatment", {})
            check(tr.get("eigenvector", {}).get("scaled") == 1e-160,
                  f"eigenvector treatment does not declare the scaling: {tr.get('eigenvector')}")
            hub = [a.get("hub") for a in doc["actors"]]
            check(any(h is not None and h > 0 for h in hub), f"hub scores: {hub}")
    r = run(["report", "-o", "rep160", "w160.json"], tmp)
    check(r.returncode == 0, f"report on 1e160: {r.stderr.decode()}")

    # Weights whose total passes the largest number (different dyads): refused with a message.
    write("tot.json", json.dumps(graph([("A", "B", 1e308, 1), ("B", "C", 1e308, 1)])))
    r = run(["info", "--json", "tot.json"], tmp)
    check(refused(r, "sum beyond"), f"total weight: {r.returncode} {r.stderr.decode()}")

finish()
