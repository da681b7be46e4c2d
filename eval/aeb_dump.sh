#!/usr/bin/env bash
# AEB page dumps through `dateline extract --format dump`, scored with the AEB
# shingle measure. Each dump is written to <id>.txt in a temp dir (JSONL text
# would be taken as already-clean article text).
#   eval/aeb_dump.sh [BUILD_DIR]        (default: build)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
shared="$here/../shared"
aeb="$shared/data/aeb"
[ -f "$aeb/anchors/html-text.json" ] || { echo "no $aeb: nothing to evaluate" >&2; exit 0; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in"
python3 - "$aeb/anchors/html-text.json" "$tmp/in" <<'PY'
import json, os, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
data = data.get("output", data)
for k, v in data.items():
    text = v["articleBody"] if isinstance(v, dict) else v
    with open(os.path.join(sys.argv[2], k + ".txt"), "w", encoding="utf-8") as f:
        f.write(text or "")
PY
"$build/dateline" extract --format dump "$tmp/in" > "$tmp/pred.jsonl" || true
python3 "$shared/tools/score_extraction.py" "$aeb/ground-truth.json" "$tmp/pred.jsonl"
