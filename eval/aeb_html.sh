#!/usr/bin/env bash
# AEB (Article Extraction Benchmark) main-text figure for the HTML cleaner.
# Usage: eval/aeb_html.sh [BUILD_DIR]   (default build/; needs ../shared)
# Runs `dateline extract --format html` on the 181 AEB pages and scores the
# text with ../shared/tools/score_extraction.py (shingle F1 is the headline).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${DATELINE:-$root/${1:-build}/dateline}"
shared="$root/../shared"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$bin" extract --format html --threads "${THREADS:-1}" "$shared/data/aeb/html" > "$out/pred.jsonl"
python3 "$shared/tools/score_extraction.py" "$shared/data/aeb/ground-truth.json" "$out/pred.jsonl"
