"""cluster_common.py — shared by the scripts/cluster tests: finding Python with Dask, running
the driver, and the strict equality of a cluster result with one allynet run.

Equal means: the same actors with the same attributes; per directed dyad (per period for
events) the same weight (to 1e-9, relative: sums in another order may differ in the last bit),
events, relation, relation mix, evidence spans (doc, offsets, cue, code, weight, confidence, in
the same order), evidence_dropped and every other tie counter (quad_class, cameo_root,
mentions); the same graph metadata (sources in order, date, period, rows); for events the same
snapshot files and an equal index.json (snapshot list, rows read/used/skipped, bytes, skip and
warning counts with their first line numbers, codes). What may differ: key order and layout of
the JSON text, and the last bits of summed floats."""
import glob, json, math, os, subprocess, sys

CI = os.environ.get("CI") == "true"


def skip(why):
    print(f"SKIP: {why}")
    sys.exit(1 if CI else 77)


def need_dask():
    """Re-runs the test under Debian's python when this one lacks Dask (python3-distributed)."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.path.exists("/usr/bin/python3") and sys.executable != "/usr/bin/python3" \
                and not os.environ.get("ALLYNET_TEST_REEXEC"):
            os.environ["ALLYNET_TEST_REEXEC"] = "1"
            os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
        skip("python3-distributed is not installed (scripts/deps.sh installs it)")


def split_by_day(gdelt, folder):
    """The GDELT sample as daily files (folder/YYYYMMDD.export.CSV), as GDELT publishes them."""
    os.mkdir(folder)
    for line in open(gdelt, "rb"):
        day = line.split(b"\t")[1].decode()
        with open(os.path.join(folder, f"{day}.export.CSV"), "ab") as f:
            f.write(line)
    return sorted(glob.glob(os.path.join(folder, "*")))


def run_cluster(args, timeout=300, **kw):
    return subprocess.run([sys.executable, "scripts/cluster"] + args, capture_output=True,
                          timeout=timeout, **kw)


def _close(a, b):
    if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, (int, float)) \
            or not isinstance(b, (int, float)):
        return False
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def diff_values(a, b, where, out):
    """Appends to out where a and b differ (numbers to 1e-9, lists in order, objects by key)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append(f"{where}.{k}: only in {'one run' if k in a else 'cluster'}")
            else:
                diff_values(a[k], b[k], f"{where}.{k}", out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append(f"{where}: {len(a)} items in one run, {len(b)} in cluster")
        for i, (x, y) in enumerate(zip(a, b)):
            diff_values(x, y, f"{where}[{i}]", out)
    elif a != b and not _close(a, b):
        out.append(f"{where}: one run {a!r}, cluster {b!r}")


def diff_graphs(path_a, path_b, label):
    """Differences between two snapshots, ties keyed by dyad, actors by id."""
    a, b = (json.load(open(p, encoding="utf-8")) for p in (path_a, path_b))
    out = []
    ka = {(e["source"], e["target"]): e for e in a["edges"]}
    kb = {(e["source"], e["target"]): e for e in b["edges"]}
    na = {n["id"]: n for n in a["nodes"]}
    nb = {n["id"]: n for n in b["nodes"]}
    diff_values(na, nb, f"{label} actors", out)
    diff_values(ka, kb, f"{label} ties", out)
    diff_values(a["graph"], b["graph"], f"{label} graph", out)
    diff_values(a.get("directed"), b.get("directed"), f"{label} directed", out)
    if not a["edges"]:
        out.append(f"{label}: no ties: the comparison would prove nothing")
    return out


def diff_folders(dir_a, dir_b):
    """Differences between two `allynet events` output folders."""
    fa, fb = sorted(os.listdir(dir_a)), sorted(os.listdir(dir_b))
    out = [] if fa == fb else [f"files: one run {fa}, cluster {fb}"]
    ia, ib = (json.load(open(os.path.join(d, "index.json"))) for d in (dir_a, dir_b))
    diff_values(ia, ib, "index.json", out)
    for name in sorted(set(fa) & set(fb) - {"index.json"}):
        out += diff_graphs(os.path.join(dir_a, name), os.path.join(dir_b, name), name)
    if len(fa) < 2:
        out.append("no snapshot written: the comparison would prove nothing")
    return out


def report(diffs, ok_text):
    if diffs:
        print("\n".join(diffs[:30]))
        sys.exit(1)
    print(ok_text)
