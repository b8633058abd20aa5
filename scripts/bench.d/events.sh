# events.sh — `allynet events --format gdelt1 --period month` on a GDELT file of >= 1 GB (the
# shared sample repeated with shifted dates), side by side with pandas (read_csv + groupby doing
# the same aggregation): MB/s, peak memory, ratio; and our peak memory on 0.1 GB vs 1 GB.
sample=../shared/data/gdelt_sample.tsv
[ -f "$sample" ] || { echo "events: $sample is absent" >&2; return 1; }
PY=/usr/bin/python3 # Debian's python, which has python3-pandas
big="$BENCH_TMP/gdelt_1000mb.tsv" small="$BENCH_TMP/gdelt_100mb.tsv"
[ -s "$big" ] || $PY scripts/bench.d/gen_gdelt.py "$sample" "$big" 1000
[ -s "$small" ] || $PY scripts/bench.d/gen_gdelt.py "$sample" "$small" 100
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN{printf "%.0f", b/1e6}'; }
rm -rf "$BENCH_TMP/ev-small" "$BENCH_TMP/ev-big"
measure "allynet 0.1 GB" "$ALLYNET" events --format gdelt1 --period month -o "$BENCH_TMP/ev-small" "$small"
measure "allynet 1 GB" "$ALLYNET" events --format gdelt1 --period month -o "$BENCH_TMP/ev-big" "$big"
measure "pandas 1 GB" $PY scripts/bench.d/events_pandas.py "$big" "$BENCH_TMP/pandas-big.csv"
echo
echo "GDELT $(mb "$big") MB -> monthly snapshots:"
compare "allynet 1 GB" "pandas 1 GB"
awk -v m="$(mb "$big")" -v a="${BENCH_SEC[allynet 1 GB]}" -v p="${BENCH_SEC[pandas 1 GB]}" \
  'BEGIN{printf "throughput: allynet %.0f MB/s, pandas %.0f MB/s\n", m/a, m/p}'
echo "peak memory: allynet $(mb "$small") MB file ${BENCH_MIB[allynet 0.1 GB]} MiB, $(mb "$big") MB file ${BENCH_MIB[allynet 1 GB]} MiB (same periods and dyads, 10x the rows)"
# the same ties: pandas' dyad-months against ours (codes the dictionary maps are compared by id)
$PY - "$BENCH_TMP/ev-big" "$BENCH_TMP/pandas-big.csv" <<'PY'
import csv, json, os, sys
d, p = sys.argv[1], sys.argv[2]
index = json.load(open(os.path.join(d, "index.json")))
code = {k: v["id"] for k, v in index["stats"]["codes"].items()}
ours = {}
for s in index["snapshots"]:
    for e in json.load(open(os.path.join(d, s["file"])))["edges"]:
        ours[(s["period"]["key"], e["source"], e["target"])] = (round(e["weight"], 6), e["events"])
theirs = {}
for r in csv.DictReader(open(p)):
    k = (r["month"], code[r["a1"]], code[r["a2"]])
    if k[1] == k[2]:
        continue  # two codes of one actor: a domestic event once mapped, as allynet counts it
    w, n = theirs.get(k, (0.0, 0))
    theirs[k] = (w + float(r["weight"]), n + int(r["events"]))
theirs = {k: (round(w, 6), n) for k, (w, n) in theirs.items()}
same = ours == theirs
print(f"check: {len(ours)} dyad-months, identical to pandas: {same}")
sys.exit(0 if same else 1)
PY
