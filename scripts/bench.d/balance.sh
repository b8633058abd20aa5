# balance.sh — allynet balance (triangles, walk index, exact-or-bounded frustration index,
# triad census) on the largest Doreian-Mrvar COW window and on bitcoin-alpha, side by side with
# NetworkX + numpy computing triangle balance and the walk index for the same graphs (the peer
# has no frustration index: NetworkX has none). Needs ../shared/data.
data=../shared/data
[ -d "$data" ] || { echo "balance bench: ../shared/data is absent" >&2; exit 2; }
cow="$BENCH_TMP/cow-largest.csv"
python3 - "$data/cow_signed_networks_1946_1999.csv" "$cow" <<'PY'
import csv, sys
w = {}
for r in csv.DictReader(open(sys.argv[1])):
    w.setdefault(r["window"], []).append(r)
name = max(w, key=lambda k: len({x for r in w[k] for x in (r["source"], r["target"])}))
with open(sys.argv[2], "w") as f:
    f.write("source,target,sign\n")
    f.writelines(f"{r['source']},{r['target']},{r['sign']}\n" for r in w[name])
print(f"COW window {name}: {len(w[name])} ties", file=sys.stderr)
PY
btc="$data/soc-sign-bitcoinalpha.csv"
for g in "$cow" "$btc"; do
  name=$(basename "$g" .csv)
  echo "== $name" >&2
  # triangles + frustration (+ census): allynet's default; the walk index separately (O(n^3))
  measure "allynet-$name" "$ALLYNET" balance --json --walk-limit 0 "$g"
  measure "networkx-$name" python3 scripts/bench.d/balance_peer.py "$g"
  compare "allynet-$name" "networkx-$name"
  measure "allynet+walk-$name" sh -c '"$1" balance --json --walk-limit 100000 "$2" > "$3"' sh \
    "$ALLYNET" "$g" "$BENCH_TMP/balance-ours.json"
  measure "networkx+numpy-walk-$name" sh -c 'python3 scripts/bench.d/balance_peer.py --walk "$1" > "$2"' \
    sh "$g" "$BENCH_TMP/balance-peer.json"
  compare "allynet+walk-$name" "networkx+numpy-walk-$name"
  python3 - "$BENCH_TMP/balance-ours.json" "$BENCH_TMP/balance-peer.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
t, f = a["triangles"], a["frustration"]
same = (t["total"], t["balanced"]) == (b["triangles"], b["balanced"]) and \
    abs(a["walk_balance"] - b["walk_balance"]) < 1e-8
print(f"triangles {t['total']} balanced {t['balanced']} ratio {t['ratio']:.4f}; walk K "
      f"{a['walk_balance']:.6f}; frustration {f['value']} (lower bound {f['lower_bound']}, exact "
      f"{f['exact']}); weighted {f['weighted']['value']:g} (bound {f['weighted']['lower_bound']:g}); "
      f"peer agrees: {same}", file=sys.stderr)
PY
done
