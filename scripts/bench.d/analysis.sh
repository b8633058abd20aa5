# analysis.sh — the full `allynet metrics` set (degree, strength, betweenness, closeness, harmonic
# on 1/w; eigenvector, PageRank, hub/authority on w; PN; signed eigenvector; Barrat clustering) on
# the bitcoin-alpha signed network, side by side in one run with NetworkX and python-igraph
# computing the same set from the same CSV (Debian's python3: python3-networkx, python3-igraph,
# scipy for PN and the signed eigenvector in both peers). Wall time and peak memory as usual;
# CPU seconds (user + system) too, the fairer figure on a busy machine. Args: [CSV].
csv=${1:-../shared/data/soc-sign-bitcoinalpha.csv}
if [ ! -f "$csv" ]; then echo "analysis: $csv is absent (../shared/data)" >&2; exit 2; fi
py=/usr/bin/python3 # Debian's interpreter, where python3-networkx and python3-igraph live
here=scripts/bench.d
declare -A CPU
# cpu LABEL CMD... : measure, plus the command's own CPU seconds.
cpu() {
  local label=$1; shift
  measure "$label" /usr/bin/time -f '%U %S' -o "$BENCH_TMP/cpu-$label.$$" "$@"
  CPU[$label]=$(awk '{printf "%.2f", $1 + $2}' "$BENCH_TMP/cpu-$label.$$")
  rm -f "$BENCH_TMP/cpu-$label.$$"
}
echo "input: $csv ($(($(wc -l < "$csv") - 1)) ties)" >&2
out="$BENCH_TMP/analysis.$$"
cpu allynet "$ALLYNET" metrics --json -o "$out-allynet.json" "$csv"
cpu allynet-1job "$ALLYNET" metrics --jobs 1 --json -o "$out-allynet1.json" "$csv"
cpu python-igraph env PYTHONPATH="$here" "$py" "$here/analysis_igraph.py" "$csv" "$out-igraph.json"
cpu networkx env PYTHONPATH="$here" "$py" "$here/analysis_nx.py" "$csv" "$out-nx.json"
"$py" - "$csv" "$out-allynet.json" "$out-nx.json" "$out-igraph.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
ids = sorted({r["source"] for r in rows} | {r["target"] for r in rows})
ours = {a["id"]: a for a in json.load(open(sys.argv[2]))["actors"]}
nx, ig = json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
def worst(key, ref):
    d = 0.0
    for i, v in enumerate(ids):
        r = ref[str(i)] if isinstance(ref, dict) else ref[i]
        o = ours[v][key]
        if o is None or r is None or r != r:
            continue
        d = max(d, abs(o - r) / max(1.0, abs(r)))
    return d
for key in ("betweenness", "closeness", "pagerank", "pn", "signed_eigenvector"):
    print(f"largest relative difference in {key}: NetworkX {worst(key, nx[key]):.2g}, "
          f"python-igraph {worst(key, ig[key]):.2g}", file=sys.stderr)
PY
compare allynet networkx
compare allynet python-igraph
compare allynet allynet-1job
for peer in networkx python-igraph allynet-1job; do
  awk -v p="$peer" -v a="${CPU[allynet]}" -v b="${CPU[$peer]}" \
    'BEGIN{printf "CPU seconds: allynet %.2f, %s %.2f (%.1fx)\n", a, p, b, (a>0?b/a:0)}'
done
rm -f "$out"-*.json
