#!/usr/bin/env bash
# Ingest throughput on 10,000 pages made from the AEB pages (bench/make_corpus.py).
#   bench/ingest_bench.sh [N=10000] [RUNS=3]
# Prints, per run and as medians: documents/s and MB/s of `dateline ingest` (fresh
# database each run, two threads) and, as the anchor in the same run, of
# `dateline extract` on the same pages (the per-document pipeline without the store).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
RUNS=${2:-3}
BIN=${BIN:-build/dateline}
WORK=${WORK:-/tmp/dateline-bench-ingest}
[[ -x $BIN ]] || { echo "build first: make build" >&2; exit 1; }
[[ -d ../shared/data/aeb ]] || { echo "needs ../shared/data/aeb" >&2; exit 1; }
if [[ ! -f $WORK/corpus/.n$N ]]; then
  rm -rf "$WORK"; mkdir -p "$WORK/corpus"
  python3 bench/make_corpus.py "$WORK/corpus" "$N" ../shared > /dev/null
  touch "$WORK/corpus/.n$N"
fi
MB=$(du -sm --apparent-size "$WORK/corpus" | cut -f1)
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ing=(); ext=()
for r in $(seq "$RUNS"); do
  rm -f "$WORK"/b.db*
  t0=$(date +%s.%N); "$BIN" ingest --threads 2 --db "$WORK/b.db" "$WORK/corpus" 2>/dev/null || true; t1=$(date +%s.%N)
  "$BIN" extract --threads 2 "$WORK/corpus" > /dev/null 2>&1 || true; t2=$(date +%s.%N)
  ing+=("$(echo "$t1 - $t0" | bc -l)"); ext+=("$(echo "$t2 - $t1" | bc -l)")
  printf 'run %d: ingest %.2f s, extract %.2f s\n' "$r" "${ing[-1]}" "${ext[-1]}"
done
mi=$(printf '%s\n' "${ing[@]}" | median); me=$(printf '%s\n' "${ext[@]}" | median)
printf 'pages: %d (%d MB)\n' "$N" "$MB"
printf 'ingest  (median of %d): %8.1f docs/s  %6.2f MB/s\n' "$RUNS" "$(echo "$N / $mi" | bc -l)" "$(echo "$MB / $mi" | bc -l)"
printf 'extract (median of %d): %8.1f docs/s  %6.2f MB/s   (anchor: no store)\n' "$RUNS" "$(echo "$N / $me" | bc -l)" "$(echo "$MB / $me" | bc -l)"
printf 'ingest / extract time ratio: %.2f\n' "$(echo "$mi / $me" | bc -l)"
