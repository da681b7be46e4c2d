#!/usr/bin/env bash
# TIMEX3 span and value scores on TimeBank and AQUAINT (../shared/data/time/tbaq),
# reported separately, with the TempEval-3 scorer in ../shared/tools.
#   eval/timex.sh [BUILD_DIR]     (default build-time)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build-time}/dateline"
shared=../shared
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for set in TimeBank AQUAINT; do
  "$bin" tag --timeml "$shared/data/time/tbaq/$set" "$out/$set"
  echo "== $set"
  python3 "$shared/tools/score_timex.py" "$shared/data/time/tbaq/$set" "$out/$set"
done
