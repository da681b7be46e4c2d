#!/usr/bin/env bash
# Load test of `dateline serve` on a 10,000-document database made from the
# AEB pages (bench/make_corpus.py): wrk, 64 connections, 30 s per workload,
# on the timeline and search endpoints. Prints p99 latency and requests/s.
#   bench/serve_wrk.sh [N=10000] [DURATION=30s] [CONNECTIONS=64]
# Workloads: timeline of the largest storyline; search (50 words, cached
# after the first hit: the server caches GET responses until the db changes);
# search with a cache-busting parameter (every request runs FTS5).
# Loopback only; the server is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
DURATION=${2:-30s}
CONNS=${3:-64}
BIN=${BIN:-build/dateline}
WORK=${WORK:-/tmp/dateline-bench-serve}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
[[ -x $BIN ]] || { echo "build first: make build (or BIN=build-x/dateline)" >&2; exit 1; }
[[ -d ../shared/data/aeb ]] || { echo "needs ../shared/data/aeb" >&2; exit 1; }
mkdir -p "$WORK"
if [[ ! -f $WORK/.db$N ]]; then
  rm -rf "$WORK/corpus" "$WORK"/serve.db*
  mkdir -p "$WORK/corpus"
  python3 bench/make_corpus.py "$WORK/corpus" "$N" ../shared > /dev/null
  echo "ingesting $N pages..." >&2
  "$BIN" ingest --threads 2 --db "$WORK/serve.db" "$WORK/corpus" 2>&1 | tail -1 >&2 || true
  touch "$WORK/.db$N"
fi
docs=$(sqlite3 "$WORK/serve.db" "SELECT COUNT(*) FROM documents")
line=$(sqlite3 "$WORK/serve.db" "SELECT id FROM storylines ORDER BY json_extract(json,'$.documents') DESC LIMIT 1")
entries=$(sqlite3 "$WORK/serve.db" "SELECT COUNT(*) FROM records WHERE kind='timeline'")
echo "database: $docs documents, largest storyline $line, $entries timeline entries"

"$BIN" serve --db "$WORK/serve.db" --port 0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.out" || true)
  [[ -n $url ]] && break
  sleep 0.2
done
[[ -n $url ]] || { cat "$WORK/serve.err"; exit 1; }

words="talks,police,election,market,court,president,minister,storm,report,company,government,league,health,\
school,water,energy,bank,city,war,music,film,game,study,price,law,fire,team,season,data,power,trade,space,\
family,children,border,oil,virus,vote,union,climate,china,europe,america,russia,security,tax,rail,food,art,science"
run() {  # name pattern nocache
  local out
  out=$(PATTERN="$2" WORDS="$words" NOCACHE="$3" wrk -t2 -c"$CONNS" -d"$DURATION" --latency \
        -s bench/serve_wrk.lua "$url" 2>&1)
  local p99 rps non2xx
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-28s p99 %-10s %10s req/s  non-2xx: %s\n' "$1" "$p99" "$rps" "${non2xx:-0}"
}
enc_line=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$line")
run "timeline" "/api/storylines/$enc_line/timeline?w=%s" 0
run "search (cached)" "/api/search?q=%s" 0
run "search (uncached, FTS5)" "/api/search?q=%s" 1
