#!/usr/bin/env python3
"""Scores duplicate detection on a corpus from neardup_corpus.py.

usage: neardup_score.py CORPUS.jsonl PRED.jsonl
PRED lines are dateline Documents ({id, duplicate_of, ...}). A document is a
copy when an earlier line (in CORPUS order) has the same group; it is found
when duplicate_of names a document of its group. A false merge is a
duplicate_of naming a document of another group.
"""
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    group, order = {}, []
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        group[r["id"]] = r["group"]
        order.append(r["id"])
    pred = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        line = line.strip()
        if not line.startswith("{"):
            continue
        r = json.loads(line)
        if r.get("id") in group:
            pred[r["id"]] = r.get("duplicate_of")
    seen, copies, found, false_merges, missed = set(), 0, 0, 0, []
    for i in order:
        g = group[i]
        d = pred.get(i)
        if g in seen:
            copies += 1
            if d is not None and group.get(d) == g:
                found += 1
            else:
                missed.append(i)
        if d is not None and group.get(d) != g:
            false_merges += 1
        seen.add(g)
    print("documents %d copies %d found %d recall %.4f false_merges %d" %
          (len(order), copies, found, found / max(1, copies), false_merges))
    for m in missed[:10]:
        print("missed", m)


if __name__ == "__main__":
    main()
