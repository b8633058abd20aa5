# render.sh — diagrams of a 150-actor, ~1,200-tie signed network (one window of the Correlates
# of War signed networks in ../shared/data, else a generated one of the same size): allynet
# render with each engine to SVG and PNG, and Graphviz's own neato and sfdp commands on the same
# graph (the DOT file of `allynet convert`) in the same run, so the ratio shows our overhead
# (groups, metrics, styling, the legend). circo and dot hand graphs of more than 200 ties to
# sfdp (they took minutes here), so their rows time sfdp. Args: [WINDOW] (default 94-97).
window=${1:-94-97}
csv="$BENCH_TMP/render-$window.csv"
src=../shared/data/cow_signed_networks_1946_1999.csv
if [ -f "$src" ]; then
  awk -F, -v w="$window" 'NR == 1 {print "source,target,sign"} $1 == w {print $4 "," $5 "," $6}' \
    "$src" > "$csv"
else
  echo "../shared/data absent: a generated network of the same size" >&2
  python3 - "$csv" <<'PY'
import random, sys
random.seed(7)
with open(sys.argv[1], "w") as f:
    f.write("source,target,sign\n")
    seen = set()
    while len(seen) < 1200:
        a, b = sorted(random.sample(range(150), 2))
        if (a, b) not in seen:
            seen.add((a, b))
            f.write(f"A{a:03d},A{b:03d},{1 if random.random() < 0.9 else -1}\n")
PY
fi
json="$BENCH_TMP/render-$window.json" dot="$BENCH_TMP/render-$window.dot"
"$ALLYNET" convert "$csv" "$json"
"$ALLYNET" convert "$json" "$dot"
echo "input: $("$ALLYNET" info "$json" | grep -E 'actors|ties' | tr -s ' ' | tr '\n' ' ')" >&2
for engine in neato fdp sfdp circo dot; do
  for fmt in svg png; do
    measure "allynet $engine $fmt" "$ALLYNET" render --layout "$engine" \
      -o "$BENCH_TMP/render-$engine.$fmt" "$json"
  done
done
for engine in neato sfdp; do
  measure "graphviz $engine svg" "$engine" -Tsvg -o "$BENCH_TMP/gv-$engine.svg" "$dot"
done
compare "allynet neato svg" "graphviz neato svg"
compare "allynet sfdp svg" "graphviz sfdp svg"
