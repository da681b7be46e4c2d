#!/usr/bin/env bash
# Held-out check of the learned cue model on PolNeAR train (never dev):
# trains on 4/5 of train's documents (eval/train_quote_cues.py --holdout),
# then scores the extractor on the other fifth with and without that model.
#   eval/quotes_holdout.sh [path/to/dateline] [threshold]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$here/build/dateline}"
thr="${2:--0.5}"
train="$here/../shared/data/quotes/polnear/train"
if [[ ! -d "$train" ]]; then echo "quotes holdout: $train not found, skipped"; exit 0; fi
w="$(mktemp -d)"
trap 'rm -rf "$w"' EXIT
python3 "$here/eval/train_quote_cues.py" --holdout --threshold "$thr" --out "$w/model.tsv" 2>/dev/null
mkdir -p "$w/ho/text" "$w/ho/attributions" "$w/data/quotes"
while read -r d; do
  [[ -z "$d" ]] && continue
  ln -s "$(realpath "$train/text/$d.txt")" "$w/ho/text/"
  for a in "$train/attributions/${d}"_*.ann; do ln -s "$(realpath "$a")" "$w/ho/attributions/"; done
done < /tmp/quote_cues_holdout.txt
for e in "$here"/data/*; do [[ "$(basename "$e")" != quotes ]] && ln -s "$(realpath "$e")" "$w/data/"; done
for f in "$here"/data/quotes/*; do [[ "$(basename "$f")" != cue_model.tsv ]] && ln -s "$(realpath "$f")" "$w/data/quotes/"; done
for run in without with; do
  [[ $run == with ]] && cp "$w/model.tsv" "$w/data/quotes/cue_model.tsv"
  DATELINE_DATA="$w/data" "$bin" extract --format plain --threads 1 "$w/ho/text" > "$w/pred.jsonl"
  echo "== held-out fifth of PolNeAR train, $run the learned cue model"
  python3 "$here/../shared/tools/score_quotes.py" "$w/ho/attributions" "$w/pred.jsonl" | sed -n 2p
done
