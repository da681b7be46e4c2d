#!/usr/bin/env bash
# Near-duplicate detection through the product: builds the edited-copy corpus
# from the AEB gold texts, runs `dateline extract` on it and scores
# duplicate_of (copies found, false merges).
# usage: eval/neardup.sh [path/to/dateline] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/dateline}
SEED=${2:-7}
GT=../shared/data/aeb/ground-truth.json
[ -f "$GT" ] || { echo "neardup.sh: $GT not found" >&2; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 eval/neardup_corpus.py "$GT" "$WORK/corpus.jsonl" --seed "$SEED"
"$BIN" extract "$WORK/corpus.jsonl" > "$WORK/pred.jsonl" 2> "$WORK/extract.log"
python3 eval/neardup_score.py "$WORK/corpus.jsonl" "$WORK/pred.jsonl"
