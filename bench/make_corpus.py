#!/usr/bin/env python3
"""Builds a benchmark corpus of N HTML pages by repeating and varying the AEB pages.

  make_corpus.py OUT_DIR [N=10000] [SHARED=../shared]

Each copy of an AEB page gets a different <title>, a paragraph of its own inserted
into the body and a few words swapped, so that every page is distinct content
(no page is skipped as already stored). Deterministic (fixed seed).
"""
import gzip, os, random, re, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
src = os.path.join(shared, "data", "aeb", "html")
pages = []
for name in sorted(os.listdir(src)):
    with gzip.open(os.path.join(src, name), "rb") as f:
        pages.append(f.read().decode("utf-8", "replace"))
rng = random.Random(42)
words = "officials said talks continued on Monday while ministers met in the capital to discuss aid".split()
os.makedirs(out, exist_ok=True)
for i in range(n):
    page = pages[i % len(pages)]
    extra = " ".join(rng.choice(words) for _ in range(40))
    page = re.sub(r"<title>", "<title>Copy %d: " % i, page, count=1, flags=re.I)
    page, k = re.subn(r"(<body[^>]*>)", r"\1<p>%s %d.</p>" % (extra, i), page, count=1, flags=re.I)
    if not k:
        page = "<p>%s %d.</p>" % (extra, i) + page
    with open(os.path.join(out, "p%05d.html" % i), "w", encoding="utf-8") as f:
        f.write(page)
print("wrote %d pages to %s" % (n, out))
