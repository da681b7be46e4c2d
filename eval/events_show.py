#!/usr/bin/env python3
"""Shows the events of Document JSON lines (from `dateline extract` or
`events_bench --print`), one line per event with its sentence, for review.

  python3 eval/events_show.py DOCS.jsonl [--all]   (--all: also sentences without events)
"""
import json
import sys


def cp_slice(text, span):
    b, e = (span['begin'], span['end']) if isinstance(span, dict) else span
    return text[b:e]


def main():
    path = sys.argv[1]
    for line in open(path, encoding='utf-8'):
        d = json.loads(line)
        text = d.get('text', '')
        print('=' * 20, d['id'], d.get('outlet'), d.get('published'), len(d.get('events', [])), 'events')
        by_sent = {}
        for e in d.get('events', []):
            by_sent.setdefault(e.get('sentence', -1), []).append(e)
        for i, s in enumerate(d.get('sentences', [])):
            evs = by_sent.get(i, [])
            if not evs and '--all' not in sys.argv:
                continue
            print(f'[{i}] {cp_slice(text, s)[:300]}')
            for e in evs:
                parts = [e['type'], repr(cp_slice(text, e['span'])), e.get('status', '')]
                for k in ('date', 'actor_name', 'target_name', 'place_name'):
                    if e.get(k):
                        parts.append(f'{k[:-5] if k.endswith("_name") else k}={e[k]}')
                if e.get('counts'):
                    parts.append('counts=' + json.dumps(e['counts']))
                print('     ', ' '.join(parts))


if __name__ == '__main__':
    main()
