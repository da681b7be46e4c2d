#!/usr/bin/env python3
"""Checks the seed timeline against the issue's acceptance list.

  python3 eval/events_seeds.py TIMELINE.jsonl
  (TIMELINE.jsonl: `build/bench/events_bench --timeline samples`, all seed
   pages taken as one storyline; or `dateline export --what timeline`.)

Each check names an event by its date, type and a word of its description or
sources, and prints PASS/FAIL with the sources found. This is an evaluation
of the output, not an input to the rules.
"""
import json
import sys


def load(path):
    rows = []
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if line.startswith('['):
            rows.extend(json.loads(line))
        elif line:
            rows.append(json.loads(line))
    return rows


def find(rows, date, types, word):
    for e in rows:
        text = e['description'] + ' ' + ' '.join(s['sentence'] for s in e['sources'])
        if e['date'] == date and e['type'] in types and word.lower() in text.lower():
            return e
    return None


CHECKS = [
    ('Istanbul talks 2025-04-10 planned', '2025-04-10', {'CONSULT'}, 'Istanbul', 1, 'planned'),
    ('Paris talks 2025-04-17', '2025-04-17', {'CONSULT'}, 'Paris', 1, None),
    ("Putin's remarks 2025-04-21, three outlets", '2025-04-21', {'STATEMENT', 'AGREE'}, 'Putin', 3, None),
    ("Peskov's clarification 2025-04-21, three outlets", '2025-04-21', {'STATEMENT'}, 'Peskov', 3, None),
    ('London talks 2025-04-23, every outlet', '2025-04-23', {'CONSULT'}, 'London', 3, 'planned'),
    ('attack of 24 April with counts', '2025-04-24', {'ASSAULT'}, 'attack', 1, None),
    ('Witkoff meets Putin 2025-04-25', '2025-04-25', {'CONSULT'}, 'Witkoff', 1, None),
]


def main():
    rows = load(sys.argv[1])
    passed = 0
    for name, date, types, word, min_docs, status in CHECKS:
        e = find(rows, date, types, word)
        docs = sorted({s['document'] for s in e['sources']}) if e else []
        ok = e is not None and len(docs) >= min_docs and (status is None or e['status'] == status)
        if ok and 'counts' in name:
            ok = bool(e['counts'])
        passed += ok
        extra = (f" status={e['status']} counts={e['counts']}" if e else '')
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {len(docs)} sources {docs}{extra}")
    published_dated = sum(1 for e in rows if e.get('date_basis') == 'published')
    print(f'{passed}/{len(CHECKS)} checks passed; {len(rows)} entries, {published_dated} dated only by publication')


if __name__ == '__main__':
    main()
