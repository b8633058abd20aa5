# large.sh — large graphs (issue #16, item 9): allynet on a random signed graph of 50,000 actors
# and 500,000 ties (gen_nodelink.py; args: [EDGES] [K], default 500000 and 100).
# - metrics as a user runs it: the path metrics sampled automatically (the headline figure);
# - sampled betweenness side by side with NetworkX's (betweenness_centrality with k pivots,
#   large_nx.py) at the same K, one process each, with the rank agreement of the two estimates
#   (different pivot draws, so not equal);
# - balance and align (no peer computes a frustration index or tie-profile alignment), render
#   --top 300, and compare and timeline of two snapshots of 200,000 isolates.
edges=${1:-500000}
k=${2:-100}
in="$BENCH_TMP/large-$edges.json"
[ -f "$in" ] || python3 scripts/bench.d/gen_nodelink.py "$edges" "$in"
echo "input: $in ($(du -m "$in" | cut -f1) MB, $edges edges over $((edges / 10)) actors)" >&2
out="$BENCH_TMP/large.$$"
measure allynet-metrics "$ALLYNET" metrics --json -o "$out-metrics.json" "$in"
python3 - "$out-metrics.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["approximations"]["betweenness"]
print(f"sampled: {a['pivots']} pivots of {a['actors']} actors, seed {a['seed']}, relative "
      f"standard error {a['relative_standard_error']:.3f}", file=sys.stderr)
PY
measure allynet-k$k "$ALLYNET" metrics --json --jobs 1 --pivots "$k" -o "$out-k.json" "$in"
measure networkx-k$k /usr/bin/python3 scripts/bench.d/large_nx.py "$in" "$k" "$out-nx.json"
/usr/bin/python3 - "$out-k.json" "$out-nx.json" <<'PY'
import json, sys
from scipy.stats import spearmanr
ours = {a["id"]: a["betweenness"] for a in json.load(open(sys.argv[1]))["actors"]}
peer = json.load(open(sys.argv[2]))
ids = sorted(ours)
rho = spearmanr([ours[i] for i in ids], [peer[i] for i in ids]).correlation
print(f"rank agreement of the two estimates (Spearman, different pivots): {rho:.3f}",
      file=sys.stderr)
PY
compare allynet-k$k networkx-k$k
measure allynet-balance "$ALLYNET" balance --json "$in"
measure allynet-align "$ALLYNET" align --json "$in"
measure allynet-render-top300 "$ALLYNET" render --top 300 -o "$out.svg" "$in"
for s in a b; do
  iso="$BENCH_TMP/isolates-$s.json"
  [ -f "$iso" ] || python3 scripts/bench.d/gen_nodelink.py 0 "$iso" --actors 200000 \
    --first $([ $s = a ] && echo 0 || echo 1000) --date 2024-0$([ $s = a ] && echo 1 || echo 2)-01
done
measure allynet-compare-isolates "$ALLYNET" compare --json "$BENCH_TMP/isolates-a.json" \
  "$BENCH_TMP/isolates-b.json"
measure allynet-timeline-isolates "$ALLYNET" timeline --json "$BENCH_TMP/isolates-a.json" \
  "$BENCH_TMP/isolates-b.json"
rm -f "$out"-*.json "$out.svg"
