#!/usr/bin/env bash
# WCXB dev figures for the HTML cleaner: body word F1 (the shared scorer) and
# metadata accuracy (title, publish date by day, author) against
# ../shared/data/wcxb-dev/ground-truth.json.
# Usage: eval/wcxb.sh [BUILD_DIR]   (default build/)
#
# Metadata comparison (the shared scorer does not cover it), per page:
#   title  - equal after Unicode quote/dash folding, lower-casing and
#            whitespace collapsing;
#   date   - same YYYY-MM-DD (first 10 chars of `published`);
#   author - same word sequence after lower-casing and dropping punctuation,
#            "and" and "&" (so "A, B and C" == ["A", "B", "C"]).
# A page whose gold field is null counts as correct when we output nothing.
# Accuracy is printed over all pages and over pages where gold has a value.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${DATELINE:-$root/${1:-build}/dateline}"
shared="$root/../shared"
gold="$shared/data/wcxb-dev/ground-truth.json"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$bin" extract --format html --threads "${THREADS:-1}" "$shared/data/wcxb-dev/html" > "$out/pred.jsonl"
python3 "$shared/tools/score_extraction.py" "$gold" "$out/pred.jsonl"
python3 - "$gold" "$out/pred.jsonl" <<'PY'
import json, re, sys, unicodedata
gold = json.load(open(sys.argv[1], encoding="utf-8"))
pred = {}
for line in open(sys.argv[2], encoding="utf-8"):
    if line.strip():
        r = json.loads(line)
        pred[str(r["id"])] = r
FOLD = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}
def title_norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = "".join(FOLD.get(c, c) for c in s)
    return " ".join(s.lower().split())
def author_norm(s):
    words = re.findall(r"\w+", (s or "").lower())
    return [w for w in words if w != "and"]
stats = {f: [0, 0, 0, 0] for f in ("title", "date", "author")}  # ok_all, n_all, ok_present, n_present
for k, g in gold.items():
    p = pred.get(k, {})
    checks = {
        "title": (g.get("title"), title_norm(g.get("title")) == title_norm(p.get("title")) if g.get("title") else not p.get("title")),
        "date": (g.get("publish_date"), (p.get("published") or "")[:10] == (g.get("publish_date") or "")[:10]),
        "author": (g.get("author"), author_norm(g.get("author")) == author_norm(", ".join(p.get("authors") or []))),
    }
    for f, (gv, ok) in checks.items():
        s = stats[f]
        s[0] += ok; s[1] += 1
        if gv:
            s[2] += ok; s[3] += 1
for f, (a, n, b, m) in stats.items():
    print(f"{f:7s} accuracy {a / n:.3f} (all {n} pages)   {b / max(m, 1):.3f} (the {m} pages with a gold value)")
PY
