# extract.sh — `allynet extract` throughput on a >= 200 MB news-like corpus (the development texts
# repeated and shuffled), in MB/s and sentences/s with peak memory, side by side with the floor
# `grep -F -c -f SURFACES` over the same actor surface strings (graphs/aliases.tsv); MB per
# CPU-second (user + sys) too, steadier than wall time on a busy machine. Memory must
# stay flat: the same peak for 50 MB and for 200 MB (the input is streamed; only ties are kept).
mb=${1:-200}
corpus="$BENCH_TMP/extract-corpus-$mb.txt"
small="$BENCH_TMP/extract-corpus-50.txt"
[ -s "$corpus" ] || python3 scripts/bench.d/gen_corpus.py "$corpus" "$mb"
[ -s "$small" ] || python3 scripts/bench.d/gen_corpus.py "$small" 50
surfaces="$BENCH_TMP/surfaces.txt"
grep -v '^#' graphs/aliases.tsv | tail -n +2 | cut -f1 | grep -v '^$' | sort -u > "$surfaces"
bytes=$(stat -c %s "$corpus")
echo "corpus: $((bytes / 1000000)) MB, $(wc -l < "$surfaces") surfaces" >&2
"$ALLYNET" extract --stats -o "$BENCH_TMP/extract.json" "$corpus" 2> "$BENCH_TMP/extract.stats"
sentences=$(sed -n 's/.* \([0-9]*\) sentences.*/\1/p' "$BENCH_TMP/extract.stats")
measure "allynet extract" "$ALLYNET" extract -o "$BENCH_TMP/extract.json" "$corpus"
measure "allynet extract (50 MB)" "$ALLYNET" extract -o "$BENCH_TMP/extract50.json" "$small"
measure "grep -F -c -f surfaces" grep -F -c -f "$surfaces" "$corpus"
compare "allynet extract" "grep -F -c -f surfaces"
awk -v b="$bytes" -v s="$sentences" -v t="${BENCH_SEC[allynet extract]}" \
    -v c="${BENCH_CPU[allynet extract]}" -v g="${BENCH_SEC[grep -F -c -f surfaces]}" \
    -v gc="${BENCH_CPU[grep -F -c -f surfaces]}" -v m="${BENCH_MIB[allynet extract]}" \
    -v m50="${BENCH_MIB[allynet extract (50 MB)]}" 'BEGIN{
  printf "allynet extract: %.1f MB/s wall, %.1f MB per CPU-second, %.0f sentences/s, peak %.1f MiB (%.1f MiB at 50 MB)\n",
         b / 1e6 / t, (c > 0 ? b / 1e6 / c : 0), s / t, m, m50;
  printf "grep -F floor:   %.1f MB/s wall, %.1f MB per CPU-second\n", b / 1e6 / g, (gc > 0 ? b / 1e6 / gc : 0) }'
