# cluster.sh — scripts/cluster on this machine: one allynet run against a local Dask cluster of
# 1 and of 2 workers, for `extract` (a news-like corpus, default 100 MB) and `events` (GDELT,
# default 400 MB), 16 MB shards: wall and CPU seconds, peak memory of the largest process, the
# speed-up of 2 workers over 1, and the overhead per shard (cluster of 1 worker against one run,
# divided by the shards). Checks that the cluster results equal the one-machine runs.
emb=${1:-100} gmb=${2:-400}
corpus="$BENCH_TMP/extract-corpus-$emb.txt" gdelt="$BENCH_TMP/gdelt_${gmb}mb.tsv"
[ -s "$corpus" ] || python3 scripts/bench.d/gen_corpus.py "$corpus" "$emb"
[ -s "$gdelt" ] || /usr/bin/python3 scripts/bench.d/gen_gdelt.py ../shared/data/gdelt_sample.tsv "$gdelt" "$gmb"
# a text is one document to extract, never cut: the corpus as an archive of 1 MB files
texts="$BENCH_TMP/extract-texts-$emb"
[ -d "$texts" ] || { mkdir -p "$texts" && split -C 1000000 -d -a 4 "$corpus" "$texts/part" ; }
CL=(scripts/cluster) SH=16M
shards() { # as scripts/cluster plans them: extract batches files, events cuts byte ranges
  /usr/bin/python3 -c 'import sys; sys.path.insert(0, "scripts/cluster.d"); import plan
print(len(plan.shards(sys.argv[2:], 16 << 20, sys.argv[1] == "events", False)))' "$@"
}
for job in extract events; do
  if [ $job = extract ]; then in=("$texts"/part*) opts=() ext=.json; else in=("$gdelt") opts=(--format gdelt1 --period month) ext=; fi
  o="$BENCH_TMP/cl-$job"; rm -rf "$o".*
  measure "$job: allynet one run" "$ALLYNET" $job "${opts[@]}" -o "$o.one$ext" "${in[@]}"
  for w in 1 2; do
    measure "$job: cluster $w worker(s)" "${CL[@]}" $job --quiet --workers $w --allynet "$ALLYNET" \
      --shard-size $SH "${opts[@]}" -o "$o.w$w$ext" "${in[@]}"
  done
  n=$(shards $job "${in[@]}")
  echo
  compare "$job: cluster 2 worker(s)" "$job: allynet one run"
  awk -v a="${BENCH_SEC[$job: cluster 1 worker(s)]}" -v b="${BENCH_SEC[$job: cluster 2 worker(s)]}" \
      -v one="${BENCH_SEC[$job: allynet one run]}" -v n="$n" -v mb="$(($(cat "${in[@]}" | wc -c) / 1000000))" -v j=$job 'BEGIN{
    printf "%s, %d MB in %d shards: one run %.1f MB/s; cluster 1 worker %.1f MB/s, 2 workers %.1f MB/s; speed-up 2 over 1 worker %.2fx; overhead %.2f s per shard (1 worker against one run)\n",
      j, mb, n, mb/one, mb/a, mb/b, a/b, (a-one)/n }'
  /usr/bin/python3 - "$job" "$o.one$ext" "$o.w2$ext" <<'PY'
import sys
sys.path.insert(0, "tests/python")
import cluster_common as cc
job, a, b = sys.argv[1:]
d = cc.diff_graphs(a, b, job) if job == "extract" else cc.diff_folders(a, b)
print(f"check: {job} on 2 workers equals one run: {not d}" + ("" if not d else f" ({d[:3]})"))
PY
done
