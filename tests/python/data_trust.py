#!/usr/bin/env python3
"""data_trust.py — data a user can trust (issue #14, item 4): `events --format csv` uses a column
named weight without --weight-col; a row dated more coarsely than the period (a bare year for
monthly snapshots) is left out and reported, not put in January; `events --actors FILE` adds
dictionary rows; COW state numbers read by year
(Austria-Hungary, Serbia before 1918 and after 2006, Prussia, Sardinia, the German and Italian
states; no "COW<n>" placeholder in the whole 1816-2012 table); `merge` names the sum after its
parts and spans their dates; an extracted snapshot is named after its document.
Usage: data_trust.py ALLYNET (run from the project root). The COW check needs ../shared (skips
that part visibly without it; fails under CI=true)."""
import glob, json, os, subprocess, sys, tempfile

exe = sys.argv[1]
shared = os.path.join("..", "shared")
fails = []


def check(cond, what):
    if not cond:
        fails.append(what)
        print("FAIL", what)


def run(*args):
    return subprocess.run([exe] + list(args), capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    table = os.path.join(tmp, "t.csv")
    open(table, "w").write("from,to,date,weight\nUSA,VEN,2025-09-02,-8\nUSA,VEN,2025,-3\n"
                           "RUS,VEN,2025-10,2.5\nRUS,VEN,2025-10-30,1\n")
    out = os.path.join(tmp, "m")
    r = run("events", "--format", "csv", "--source-col", "from", "--target-col", "to",
            "--date-col", "date", "--period", "month", "-o", out, table)
    check(r.returncode == 0, f"events csv: {r.stderr}")
    snaps = {os.path.basename(p)[:-5]: json.load(open(p)) for p in glob.glob(out + "/*.json")}
    check(sorted(snaps) == ["2025-09", "2025-10", "index"], f"monthly snapshots: {sorted(snaps)}")
    w = {(e["source"], e["target"]): e["weight"] for e in snaps["2025-09"]["edges"]}
    check(w == {("USA", "VEN"): -8.0}, f"the weight column is not used: {w}")
    w = {(e["source"], e["target"]): e["weight"] for e in snaps["2025-10"]["edges"]}
    check(w == {("RUS", "VEN"): 3.5}, f"2025-10 weights: {w}")
    skipped = snaps["index"]["stats"]["skipped"]
    check(skipped.get("date_coarser_than_period", {}).get("count") == 1 and
          skipped["date_coarser_than_period"]["first"][0]["line"] == 3,
          f"the bare-year row is not reported: {skipped}")
    check("date_coarser_than_period" in r.stderr, f"no warning on stderr: {r.stderr}")
    # with yearly periods the bare year is precise enough
    r = run("events", "--format", "csv", "--source-col", "from", "--target-col", "to",
            "--date-col", "date", "-o", os.path.join(tmp, "y"), table)
    y = json.load(open(os.path.join(tmp, "y", "2025.json")))
    check({(e["source"], e["target"]): e["weight"] for e in y["edges"]} ==
          {("USA", "VEN"): -11.0, ("RUS", "VEN"): 3.5}, "yearly snapshot weights")

    # --actors: extra dictionary rows, before the built-in ones
    extra = os.path.join(tmp, "actors.tsv")
    open(extra, "w").write("# my codes\nid\tiso2\tcow_code\tcow_abbr\tname\tkind\tcameo\t"
                           "aliases_short\nATL\t\t\t\tAtlantis\tstate\t\tATX,ATZ\n"
                           "VEN\tVE\t101\tVEN\tBolivarian Republic\tstate\t\t\n")
    t2 = os.path.join(tmp, "t2.csv")
    open(t2, "w").write("from,to,date\nATX,VEN,2025\nUSA,atz,2025\n")
    base = ["events", "--format", "csv", "--source-col", "from", "--target-col", "to",
            "--date-col", "date"]
    r = run(*base, "-o", os.path.join(tmp, "a0"), t2)
    check("unknown_code" in r.stderr, f"without --actors ATX should be unknown: {r.stderr}")
    r = run(*base, "--actors", extra, "-o", os.path.join(tmp, "a1"), t2)
    check(r.returncode == 0 and "unknown_code" not in r.stderr, f"--actors: {r.stderr}")
    d = json.load(open(os.path.join(tmp, "a1", "2025.json")))
    check({n["id"]: n.get("name") for n in d["nodes"]} ==
          {"ATL": "Atlantis", "VEN": "Bolivarian Republic", "USA": "United States"},
          f"--actors rows: {d['nodes']}")
    check({(e["source"], e["target"]) for e in d["edges"]} == {("ATL", "VEN"), ("USA", "ATL")},
          "--actors ties")
    bad = os.path.join(tmp, "bad.tsv")
    open(bad, "w").write("id\tiso2\nX\n")
    r = run(*base, "--actors", bad, "-o", os.path.join(tmp, "a2"), t2)
    check(r.returncode == 2 and f"{bad}:2:1:" in r.stderr and r.stderr.count("\n") == 1,
          f"a malformed actors file: {r.returncode} {r.stderr!r}")

    # merge: named after the parts (in date order), dates spanned
    parts = ["graphs/venezuela-2025-12-11.json", "graphs/venezuela-2019-02.json"]
    m = os.path.join(tmp, "sum.json")
    check(run("merge", "-o", m, *parts).returncode == 0, "merge failed")
    meta = json.load(open(m))["graph"]
    names = [json.load(open(p))["graph"]["name"] for p in reversed(parts)]
    check(meta["name"] == " + ".join(names), f"merged name: {meta['name']}")
    check(meta["date"] == "2025-12-11" and meta["period"]["start"] < "2019-03" and
          meta["period"]["end"] == "2025-12-11", f"merged dates: {meta.get('date')} {meta.get('period')}")

    # extract: named after the document
    text = os.path.join(tmp, "note-2025.txt")
    open(text, "w").write("date 2025-12-11\nRussia backed Venezuela.\n")
    g = json.loads(run("extract", text).stdout)["graph"]
    check(g["name"] == "note-2025.txt", f"extracted snapshot named {g.get('name')!r}")

    cow = os.path.join(shared, "data", "cow_alliance_dyad_yearly.csv")
    if not os.path.exists(cow):
        if os.environ.get("CI") == "true":
            fails.append("../shared is absent under CI")
        print("note: ../shared absent; the COW names by year were not checked")
    else:
        out = os.path.join(tmp, "cow")
        check(run("events", "--format", "cow", "-o", out, cow).returncode == 0, "events cow")
        years = {}
        for p in glob.glob(out + "/[0-9]*.json"):
            d = json.load(open(p))
            years[os.path.basename(p)[:4]] = {n["id"]: n.get("name") for n in d["nodes"]}
        placeholders = sorted({i for ids in years.values() for i in ids if i.startswith("COW")})
        check(not placeholders, f"COW placeholders left: {placeholders}")
        want = {"1850": {"AUH": "Austria-Hungary", "PRU": "Prussia", "BAV": "Bavaria"},
                "1914": {"AUH": "Austria-Hungary", "SRB": "Serbia", "DEU": "Germany"},
                "2012": {"SRB": "Serbia"}}
        for y, ids in want.items():
            for i, name in ids.items():
                check(years[y].get(i) == name, f"COW {y}: {i} is {years[y].get(i)!r}, not {name!r}")
        check("YUG" not in years["1914"] and "YUG" not in years["2012"],
              "Yugoslavia in 1914 or 2012")
        check("YUG" in years["1950"] or "YUG" in years["1960"], "Yugoslavia missing in 1950/1960")
        print("ok COW names by year")
if fails:
    print(f"{len(fails)} failures")
    sys.exit(1)
print("all data checks passed")
