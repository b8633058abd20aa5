# foundation.sh — load + save of a 1 M-edge node-link JSON: allynet convert vs NetworkX
# (node_link_graph + node_link_data with json), same file, same run. Args: [EDGES] (default 1e6).
edges=${1:-1000000}
in="$BENCH_TMP/nodelink-$edges.json"
[ -f "$in" ] || python3 scripts/bench.d/gen_nodelink.py "$edges" "$in"
echo "input: $in ($(du -m "$in" | cut -f1) MB, $edges edges)" >&2
measure allynet "$ALLYNET" convert "$in" "$BENCH_TMP/out-allynet.json"
measure networkx python3 scripts/bench.d/nx_nodelink.py "$in" "$BENCH_TMP/out-nx.json"
python3 - "$BENCH_TMP/out-allynet.json" "$BENCH_TMP/out-nx.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
ka = {(e["source"], e["target"]): e["weight"] for e in a["edges"]}
kb = {(e["source"], e["target"]): e["weight"] for e in b["edges"]}
print("outputs agree:", ka == kb and len(a["nodes"]) == len(b["nodes"]), file=sys.stderr)
PY
compare allynet networkx
