# lib.sh — helpers for benchmarks: time and peak memory of a command, and a side-by-side table.
# measure LABEL CMD... : runs CMD under GNU time, records wall seconds, CPU seconds (user + sys:
# steadier than wall time on a shared machine) and peak RSS (MiB). Standard output goes to a file,
# not /dev/null: GNU grep notices /dev/null and stops at its first match.
declare -A BENCH_SEC BENCH_MIB BENCH_CPU
measure() {
  local label=$1; shift
  local log="$BENCH_TMP/time.$$.log"
  /usr/bin/time -f '%e %M %U %S' -o "$log" "$@" >"$BENCH_TMP/stdout.$$.txt"
  read -r sec kib usr sys < "$log"
  BENCH_SEC[$label]=$sec
  BENCH_CPU[$label]=$(awk -v u="$usr" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')
  BENCH_MIB[$label]=$(awk -v k="$kib" 'BEGIN{printf "%.1f", k/1024}')
  printf '%-28s %8.2f s wall %8.2f s CPU %9s MiB\n' "$label" "$sec" "${BENCH_CPU[$label]}" "${BENCH_MIB[$label]}" >&2
}
# compare OURS PEER : prints the side-by-side line with ratios, each put the way round that reads
# without a fraction ("2.3x faster" or "4.1x slower", likewise memory and CPU).
compare() {
  local a=$1 b=$2
  awk -v a="$a" -v b="$b" -v ta="${BENCH_SEC[$a]}" -v tb="${BENCH_SEC[$b]}" \
      -v ma="${BENCH_MIB[$a]}" -v mb="${BENCH_MIB[$b]}" \
      -v ca="${BENCH_CPU[$a]:-0}" -v cb="${BENCH_CPU[$b]:-0}" '
  function ratio(ours, peer, more, less) {
    if (ours <= 0 || peer <= 0) return "n/a";
    return peer >= ours ? sprintf("%.1fx %s", peer / ours, more) : sprintf("%.1fx %s", ours / peer, less)
  }
  BEGIN{
    printf "%-22s %8.2f s %9.1f MiB\n%-22s %8.2f s %9.1f MiB\n", a, ta, ma, b, tb, mb;
    printf "%s against %s: %s, %s\n", a, b, ratio(ta, tb, "faster", "slower"),
           ratio(ma, mb, "less memory", "more memory");
    printf "CPU seconds: %s %.2f, %s %.2f: %s\n", a, ca, b, cb, ratio(ca, cb, "less CPU", "more CPU")}'
}
