# timeline.sh — `allynet timeline` over the 197 yearly Correlates of War alliance snapshots
# (1816-2012, built by `allynet events --format cow`) vs NetworkX computing the same
# per-snapshot figures and per-actor series (nx_timeline.py: load, counts, density, Louvain
# blocs and modularity of the positive ties, degree and signed strengths, long CSV out), same
# files, same run. allynet computes more per
# snapshot (betweenness, closeness, eigenvector, PageRank, PN, balance, bloc matching over time);
# the ratio is therefore conservative.
data=../shared/data
dir="$BENCH_TMP/cow-years"
if [ ! -f "$dir/2012.json" ]; then
  [ -f "$data/cow_alliance_dyad_yearly.csv" ] || { echo "timeline: needs ../shared/data" >&2; exit 1; }
  rm -rf "$dir"
  "$ALLYNET" events --format cow -o "$dir" "$data/cow_alliance_dyad_yearly.csv" 2>/dev/null
fi
echo "input: $(ls "$dir"/[0-9]*.json | wc -l) snapshots, $(du -sm "$dir" | cut -f1) MB" >&2
measure allynet "$ALLYNET" timeline --csv "$dir"
measure networkx python3 scripts/bench.d/nx_timeline.py "$dir"
"$ALLYNET" timeline --csv "$dir" > "$BENCH_TMP/timeline-allynet.csv"
python3 scripts/bench.d/nx_timeline.py "$dir" "$BENCH_TMP/timeline-nx.csv"
python3 - "$BENCH_TMP/timeline-allynet.csv" "$BENCH_TMP/timeline-nx.csv" <<'PY'
import csv, sys
def rows(p):
    return {(r["snapshot"], r["actor"], r["metric"]): float(r["value"]) for r in csv.DictReader(open(p))}
a, b = rows(sys.argv[1]), rows(sys.argv[2])
# The figures both compute the same way (allynet has more: centralities, balance, alignment).
same = [k for k in b if k[2] not in ("modularity", "blocs", "bloc")]
agree = all(k in a and abs(a[k] - b[k]) < 1e-9 for k in same)
mods = [(a[k], b[k]) for k in a if k[2] == "modularity" and k in b]
gap = max((abs(x - y) for x, y in mods), default=0)
print(f"{len(same)} shared values (counts, density, degree, strengths) agree: {agree}; "
      f"modularity (Leiden vs Louvain) differs by at most {gap:.3f}", file=sys.stderr)
PY
compare allynet networkx
measure "allynet -o chart.svg" "$ALLYNET" timeline -o "$BENCH_TMP/timeline-cow.svg" "$dir"
