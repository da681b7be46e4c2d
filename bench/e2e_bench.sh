#!/usr/bin/env bash
# End-to-end ingest throughput and memory (issue 7): N documents made from the
# AEB page text dumps and the ECB+ articles (bench/make_e2e_corpus.py: varied
# text, 8 % exact or near copies, 60 outlets, 180 days) go through
# `dateline ingest --threads 2`: clean (dump cleaner), annotate (sentences,
# entities, time, quotes, events), dedupe, stories, store, then the corpus step
# (summaries, entities, quote groups, timeline).
#   bench/e2e_bench.sh [N...]      (default: 10000 100000)
#   RATE=555 bench/e2e_bench.sh 10000 100000   spreads each corpus over N / RATE
#       days instead of 180: the stream grows longer at a fixed rate of
#       documents a day rather than denser (memory should not grow with it).
# Prints, per N: wall seconds, documents/s over the whole command, CPU seconds,
# and peak RSS. One run per N (the 100k run takes minutes); quote the load.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/dateline}
WORK=${WORK:-/tmp/dateline-bench-e2e}
[[ -x $BIN ]] || { echo "build first: make build" >&2; exit 1; }
[[ -d ../shared/data/aeb ]] || { echo "needs ../shared/data" >&2; exit 1; }
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 100000)
mkdir -p "$WORK"
for n in "${sizes[@]}"; do
  days=180
  [[ -n ${RATE:-} ]] && days=$(( (n + RATE - 1) / RATE ))
  name=$n
  [[ $days != 180 ]] && name=$n-d$days
  corpus=$WORK/corpus-$name
  if [[ ! -f $WORK/.done-v2-$name ]]; then  # v2: calendar dates in input order
    rm -rf "$corpus"
    python3 bench/make_e2e_corpus.py "$corpus" "$n" ../shared "$days" > /dev/null
    touch "$WORK/.done-v2-$name"
  fi
  mb=$(du -sLm --apparent-size "$corpus" | cut -f1)
  rm -f "$WORK"/e2e.db*
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$BIN" ingest --threads 2 --db "$WORK/e2e.db" "$corpus" \
    2> "$WORK/ingest.log" || true
  read -r wall user sys rss < <(tail -1 "$WORK/time")  # after "Command exited with non-zero status" if any
  printf 'N=%-7d %3d days %4d MB  wall %7.1f s  %6.1f docs/s  %5.2f MB/s  cpu %7.1f s  peak RSS %5d MB  load %s\n' \
    "$n" "$days" "$mb" "$wall" "$(echo "$n / $wall" | bc -l)" "$(echo "$mb / $wall" | bc -l)" \
    "$(echo "$user + $sys" | bc -l)" "$((rss / 1024))" "$(cut -d' ' -f1 /proc/loadavg)"
  grep -v '^dateline: rejected' "$WORK/ingest.log" | tail -1
done
