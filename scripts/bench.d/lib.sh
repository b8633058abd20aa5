# lib.sh — helpers for benchmarks: time and peak memory of a command, and a side-by-side table.
# measure LABEL CMD... : runs CMD under GNU time, records wall seconds and peak RSS (MiB).
declare -A BENCH_SEC BENCH_MIB
measure() {
  local label=$1; shift
  local log="$BENCH_TMP/time.$$.log"
  /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null
  read -r sec kib < "$log"
  BENCH_SEC[$label]=$sec
  BENCH_MIB[$label]=$(awk -v k="$kib" 'BEGIN{printf "%.1f", k/1024}')
  printf '%-28s %8.2f s %9s MiB\n' "$label" "$sec" "${BENCH_MIB[$label]}" >&2
}
# compare OURS PEER : prints the side-by-side line with ratios (peer/ours for time and memory).
compare() {
  local a=$1 b=$2
  awk -v a="$a" -v b="$b" -v ta="${BENCH_SEC[$a]}" -v tb="${BENCH_SEC[$b]}" \
      -v ma="${BENCH_MIB[$a]}" -v mb="${BENCH_MIB[$b]}" 'BEGIN{
    printf "%-22s %8.2f s %9.1f MiB\n%-22s %8.2f s %9.1f MiB\n", a, ta, ma, b, tb, mb;
    printf "ratio %s/%s: %.1fx faster, %.1fx less memory\n", b, a, (ta>0?tb/ta:0), (ma>0?mb/ma:0)}'
}
