#!/usr/bin/env bash
# Held-out check of the learned quote models on PolNeAR train (never dev):
# each model is trained on 4/5 of train's documents (CRC-32 of the id mod 5
# != 0: eval/train_quote_cues.py, train_quote_ends.py, train_quote_filter.py
# with --holdout; the filter --crossfit --bags 25 as shipped), then the
# extractor is scored on the other fifth as the models are added one by one.
#   eval/quotes_holdout.sh [path/to/dateline] [cue threshold]
# With QUOTES_HOLDOUT_PRED=FILE the last predictions (all models) are kept
# there, and the held-out document ids beside it (FILE.ids), for analysis.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "${1:-$here/build/dateline}")"
thr="${2:--2.0}"
train="$here/../shared/data/quotes/polnear/train"
if [[ ! -d "$train" ]]; then echo "quotes holdout: $train not found, skipped"; exit 0; fi
w="$(mktemp -d)"
trap 'rm -rf "$w"' EXIT
python3 "$here/eval/train_quote_cues.py" --holdout --threshold "$thr" --out "$w/cue_model.tsv" 2>/dev/null
mkdir -p "$w/ho/text" "$w/ho/attributions" "$w/data/quotes"
while read -r d; do
  [[ -z "$d" ]] && continue
  ln -s "$(realpath "$train/text/$d.txt")" "$w/ho/text/"
  for a in "$train/attributions/${d}"_*.ann; do ln -s "$(realpath "$a")" "$w/ho/attributions/"; done
done < /tmp/quote_cues_holdout.txt
for e in "$here"/data/*; do [[ "$(basename "$e")" != quotes ]] && ln -s "$(realpath "$e")" "$w/data/"; done
for f in "$here"/data/quotes/*.txt; do ln -s "$(realpath "$f")" "$w/data/quotes/"; done
score() {
  DATELINE_DATA="$w/data" "$bin" extract --format plain --threads 1 "$w/ho/text" > "$w/pred.jsonl"
  echo "== held-out fifth of PolNeAR train, $1"
  python3 "$here/../shared/tools/score_quotes.py" "$w/ho/attributions" "$w/pred.jsonl" | sed -n 2p
}
score "no learned model"
cp "$w/cue_model.tsv" "$w/data/quotes/cue_model.tsv"
score "learned cues (threshold $thr)"
python3 "$here/eval/train_quote_ends.py" --holdout --bin "$bin" --data "$w/data" --out "$w/end_model.tsv" 2>/dev/null
cp "$w/end_model.tsv" "$w/data/quotes/end_model.tsv"
score "+ content-end chooser"
python3 "$here/eval/train_quote_filter.py" --holdout --crossfit --bags 25 --bin "$bin" --data "$w/data" --out "$w/filter_model.tsv" 2>/dev/null
cp "$w/filter_model.tsv" "$w/data/quotes/filter_model.tsv"
score "+ extraction filter"
if [[ -n "${QUOTES_HOLDOUT_PRED:-}" ]]; then
  cp "$w/pred.jsonl" "$QUOTES_HOLDOUT_PRED"
  cp /tmp/quote_cues_holdout.txt "$QUOTES_HOLDOUT_PRED.ids"
fi
