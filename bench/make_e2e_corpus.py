#!/usr/bin/env python3
"""Builds the end-to-end throughput corpus: N news documents as JSONL.

  make_e2e_corpus.py OUT_DIR [N=100000] [SHARED=../shared] [DAYS=180]

Sources: the AEB page text dumps (anchors/html-text.json, whole pages flattened
to text, so they go through the dump cleaner: field "dump") and the ECB+ dev
articles (field "dump" too: clean text still passes through the cleaner).
Every document is made distinct: about 15 % of its words are replaced by words
of another source text, its numbers are changed and two paragraphs may swap.
About 3 % are exact copies and 5 % near copies (title changed, a paragraph
dropped) of an earlier document, for the duplicate index. Each document gets
one of 60 outlets, a URL and a publication date spread over DAYS days from
2025-01-01 in input order, so story clustering sees a realistic stream (the
same DAYS for two sizes: a denser stream; DAYS in proportion to N: a longer
one at the same rate). Deterministic (fixed seed). Writes files of
10,000 lines (part-NNN.jsonl).
"""
import datetime, json, os, random, re, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
days = int(sys.argv[4]) if len(sys.argv) > 4 else 180
start = datetime.date(2025, 1, 1)

sources = []
aeb = json.load(open(os.path.join(shared, "data", "aeb", "anchors", "html-text.json"), encoding="utf-8"))
for key in sorted(aeb["output"]):
    body = aeb["output"][key].get("articleBody") or ""
    if body.strip():
        sources.append(body)
for line in open(os.path.join(shared, "data", "events", "ecbplus", "dev.jsonl"), encoding="utf-8"):
    sources.append(json.loads(line)["text"])

rng = random.Random(2025)
vocab = [w for s in sources[::7] for w in s.split() if w.isalpha()]
outlets = ["outlet%02d.example" % k for k in range(60)]
os.makedirs(out, exist_ok=True)
WORD = re.compile(r"\S+")


def vary(text):
    paras = text.split("\n")
    if len(paras) > 4:
        a, b = rng.randrange(len(paras)), rng.randrange(len(paras))
        paras[a], paras[b] = paras[b], paras[a]
    def sub(m):
        w = m.group(0)
        if w[0].isdigit():
            return str(rng.randrange(2, 999))
        return rng.choice(vocab) if rng.random() < 0.15 else w
    return "\n".join(WORD.sub(sub, p) for p in paras)


docs = []
f = None
for i in range(n):
    if i % 10000 == 0:
        if f:
            f.close()
        f = open(os.path.join(out, "part-%03d.jsonl" % (i // 10000)), "w", encoding="utf-8")
    r = rng.random()
    if docs and r < 0.03:
        text = rng.choice(docs)                      # exact copy
    elif docs and r < 0.08:
        paras = rng.choice(docs).split("\n")         # near copy
        if len(paras) > 3:
            del paras[rng.randrange(1, len(paras))]
        paras[0] = "Update: " + paras[0]
        text = "\n".join(paras)
    else:
        text = vary(sources[rng.randrange(len(sources))])
    docs.append(text)
    if len(docs) > 2000:
        docs.pop(rng.randrange(len(docs)))
    day = start + datetime.timedelta(days=i * days // n)
    outlet = outlets[rng.randrange(len(outlets))]
    rec = {"id": "e2e-%06d" % i, "url": "https://%s/news/%d" % (outlet, i), "outlet": outlet,
           "published": day.isoformat() + "T12:00:00Z", "dump": text}
    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
f.close()
print("wrote %d documents to %s" % (n, out))
