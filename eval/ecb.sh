#!/usr/bin/env bash
# Story clustering on ECB+ dev (topics 1-35): ingests the articles with only
# id, url and text, exports the documents and scores their `story` against the
# gold `cluster` with B-cubed F1 (../shared/tools/score_clusters.py).
#
# usage: eval/ecb.sh [path/to/dateline]   (default: build/dateline)
#        INGEST_ARGS="--batch 256" eval/ecb.sh   (extra ingest options)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/dateline}
SHARED=../shared
GOLD=$SHARED/data/events/ecbplus/dev.jsonl
[ -f "$GOLD" ] || { echo "ecb.sh: $GOLD not found" >&2; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$GOLD" "$WORK/in.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        out.write(json.dumps({"id": r["id"], "url": r["url"], "text": r["text"]}, ensure_ascii=False) + "\n")
PY
start=$(date +%s.%N)
"$BIN" ingest ${INGEST_ARGS:-} --db "$WORK/ecb.db" "$WORK/in.jsonl" > "$WORK/ingest.log" 2>&1 || { cat "$WORK/ingest.log" >&2; exit 1; }
end=$(date +%s.%N)
"$BIN" export --db "$WORK/ecb.db" --what documents > "$WORK/pred.jsonl"
echo "ingest seconds: $(echo "$end - $start" | bc)"
python3 "$SHARED/tools/score_clusters.py" "$GOLD" cluster "$WORK/pred.jsonl" story
