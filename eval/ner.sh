#!/usr/bin/env bash
# NER evaluation on CoNLL-2003 eng.testa (the dev split) with the shipped model.
#   eval/ner.sh [BUILD_DIR]          (default build)
# Prints the entity-level P/R/F1 of ../shared/tools/score_ner.py.
# To retrain the shipped model first (deterministic, a few minutes):
#   BUILD/dateline train-ner --train ../shared/data/ner/conll2003/eng.train \
#       --dev ../shared/data/ner/conll2003/eng.testa --out data/ner/model.bin
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
SHARED=../shared
if [ ! -d "$SHARED/data/ner/conll2003" ]; then
  echo "eval/ner.sh: $SHARED/data/ner/conll2003 not found; skipping" >&2
  exit 0
fi
OUT=$(mktemp /tmp/ner_testa.XXXXXX)
trap 'rm -f "$OUT"' EXIT
"$BUILD/dateline" tag --conll "$SHARED/data/ner/conll2003/eng.testa" > "$OUT"
python3 "$SHARED/tools/score_ner.py" "$OUT"
