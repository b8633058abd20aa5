#!/usr/bin/env python3
"""balance_venezuela.py — what an analyst must see on the shipped Venezuela snapshot
(graphs/venezuela-2025-12-11.json): the frustration bipartition puts Venezuela with Russia,
Cuba, Nicaragua, China and Iran and the United States in the other bloc; alignment toward those
blocs puts Venezuela on its bloc's side and the US on the other; alignment toward the poles
USA,RUS puts Venezuela with Russia. Usage: balance_venezuela.py ALLYNET (from the project root)."""
import json, subprocess, sys

exe = sys.argv[1]
g = "graphs/venezuela-2025-12-11.json"
fails = []

def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails.append(what)

def run(*args):
    return json.loads(subprocess.run([exe, *args, g], capture_output=True, text=True, check=True).stdout)

b = run("balance", "--json")
p = b["frustration"]["partition"]
check(all(p[a] == p["VEN"] for a in ("RUS", "CUB", "NIC", "CHN", "IRN")),
      "VEN, RUS, CUB, NIC, CHN and IRN share a bloc")
check(p["USA"] != p["VEN"], "USA is in the other bloc")
check(b["frustration"]["exact"], "the frustration index is exact on a small snapshot")
a = run("align", "--json")
al = {x["id"]: x["alignment"] for x in a["actors"]}
sign = 1 if p["VEN"] == 0 else -1  # bloc 0 is pole A (+1)
check(sign * al["VEN"] > 0.5, f"VEN leans strongly to its bloc ({al['VEN']:+.3f})")
check(sign * al["USA"] < 0, f"USA leans to the other bloc ({al['USA']:+.3f})")
check(all(sign * al["VEN"] >= sign * v for v in al.values()), "no actor is more aligned with the bloc than VEN")
a = run("align", "--json", "--poles", "USA,RUS")
al = {x["id"]: x["alignment"] for x in a["actors"]}
check(al["USA"] == 1 and al["RUS"] == -1, "the poles score +1 and -1")
check(al["VEN"] < -0.5, f"toward USA(+1)/RUS(-1) VEN sits with Russia ({al['VEN']:+.3f})")
if fails:
    sys.exit(1)
