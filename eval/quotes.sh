#!/usr/bin/env bash
# Quote extraction on PolNeAR: runs `dateline extract --format plain` over the
# split's texts and scores with ../shared/tools/score_quotes.py — all
# attributions, then verbatim (--direct) quotes.
#   eval/quotes.sh [dev|train] [path/to/dateline]
# Prints the scorer's lines. Needs ../shared (skips with a message without it).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
split="${1:-dev}"
bin="${2:-$here/build/dateline}"
shared="$here/../shared"
data="$shared/data/quotes/polnear/$split"
if [[ ! -d "$data" ]]; then echo "quotes eval: $data not found, skipped"; exit 0; fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$bin" extract --format plain --threads 1 "$data/text" > "$out/pred.jsonl"
echo "== PolNeAR $split: all attributions"
python3 "$shared/tools/score_quotes.py" "$data/attributions" "$out/pred.jsonl"
echo "== PolNeAR $split: direct quotes"
python3 "$shared/tools/score_quotes.py" "$data/attributions" "$out/pred.jsonl" --direct
