#!/usr/bin/env python3
"""Trains the learned cue model of the quote layer on PolNeAR train/ only.

  eval/train_quote_cues.py [--holdout] [--out data/quotes/cue_model.tsv]
                           [--threshold T] [--epochs N]

For every lower-case word outside quotation marks the model scores whether it
is the cue word of an attribution whose content follows it ("X dismissed the
idea that ...", "his attacks on ..."). The label token of a gold attribution
is the last word of its Cue span, stepping back over a final preposition
(the rules move that preposition into the cue themselves); attributions whose
content precedes the cue are not positives (the learned cue only feeds the
"cue then content" rule). Logistic regression, L2, SGD over sparse string
features hashed with 64-bit FNV-1a; features must match exactly those of
annotate/quote_cue_model.cc (CueFeatures).

--holdout trains on 4/5 of the documents and reports the token-level
precision/recall of the fifth (chosen by a hash of the document id, so the
same split every run), and writes the held-out ids to
/tmp/quote_cues_holdout.txt so eval/quotes.sh can be run on that part.
Without --holdout all of train/ is used and the model is written.
Python 3, no dependencies.
"""
import math, os, random, re, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN = os.path.join(HERE, "..", "..", "shared", "data", "quotes", "polnear", "train")

WORD_RE = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*|\S")
CLITIC_RE = re.compile(r"(?i)(n['\u2019]t|['\u2019](?:s|re|ve|ll|d|m))$")
QUOTE_MARKS = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e"}
CUE_PREPS = {"about", "for", "of", "on", "with", "against", "at", "over"}
PRONOUNS = {"he", "she", "they", "we", "i", "you", "it", "who"}


def fnv(s):
    h = 0xcbf29ce484222325
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def lower(s):  # ASCII folding, as QuoteText::lower
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


def tokenize(text):
    """(start, end, text) tokens; clitics ('s, n't) split off like annotate/tokenizer."""
    out = []
    for m in WORD_RE.finditer(text):
        t, st = m.group(), m.start()
        c = CLITIC_RE.search(t) if len(t) > 2 else None
        if c and c.start() > 0:
            out.append((st, st + c.start(), t[:c.start()]))
            out.append((st + c.start(), m.end(), t[c.start():]))
        else:
            out.append((st, m.end(), t))
    return out


def stem(w):
    if len(w) > 5 and w.endswith("ing"): return w[:-3]
    if len(w) > 4 and w.endswith("ied"): return w[:-3] + "y"
    if len(w) > 4 and w.endswith("ed"): return w[:-2]
    if len(w) > 4 and w.endswith("es"): return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"): return w[:-1]
    return w


def shape(t):
    c = t[:1]
    if not c: return "_"
    if c.isalpha(): return "C" if c.isupper() else "l"
    if c.isdigit(): return "d"
    return t


def candidate(tok):
    t = tok
    return len(t) >= 2 and t[0].isalpha() and not t[0].isupper()


def features(toks, low, i, para_b, para_e):
    """Feature strings of token i in paragraph [para_b, para_e); mirrors CueFeatures in C++."""
    def at(j):
        return low[j] if para_b <= j < para_e else "<p>"
    w = low[i]
    f = ["b", "w=" + w, "s=" + stem(w), "x3=" + w[-3:],
         "p1=" + at(i - 1), "p2=" + at(i - 2), "n1=" + at(i + 1), "n2=" + at(i + 2),
         "p1w=" + at(i - 1) + "|" + w, "wn1=" + w + "|" + at(i + 1),
         "sn1=" + stem(w) + "|" + at(i + 1),
         "ps=" + (shape(toks[i - 1]) if i - 1 >= para_b else "<p>"),
         "ns=" + (shape(toks[i + 1]) if i + 1 < para_e else "<p>")]
    # "that" or a quotation mark shortly after, before a full stop.
    for j in range(i + 1, min(para_e, i + 6)):
        if low[j] in (".", "?", "!", ";"): break
        if low[j] == "that": f.append("that5"); break
    for j in range(i + 1, min(para_e, i + 4)):
        if toks[j] in QUOTE_MARKS: f.append("q3"); break
    # The subject: a pronoun or a capitalised word among the 4 words before.
    sub = "0"
    for j in range(i - 1, max(para_b, i - 5) - 1, -1):
        if low[j] in (".", "?", "!", ";", ","): break
        if low[j] in PRONOUNS: sub = "P"; break
        if toks[j][:1].isupper(): sub = "N"; break
    f.append("sub=" + sub)
    return f


def load_docs(split_dir):
    docs = []
    tdir, adir = os.path.join(split_dir, "text"), os.path.join(split_dir, "attributions")
    anns = {}
    for fn in sorted(os.listdir(adir)):
        if not fn.endswith(".ann"): continue
        doc = re.sub(r"_[0-9a-f]{4}\.ann$", "", fn)
        anns.setdefault(doc, os.path.join(adir, fn))  # first annotation counts, as the scorer
    for doc, path in sorted(anns.items()):
        tp = os.path.join(tdir, doc + ".txt")
        if not os.path.exists(tp): continue
        text = open(tp, encoding="utf-8").read()
        ents, atts = {}, []
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if cols[0].startswith("T") and len(cols) >= 3:
                kind, _, rest = cols[1].partition(" ")
                spans = [tuple(int(x) for x in p.split()[-2:]) for p in rest.split(";")]
                ents[cols[0]] = (kind, spans)
            elif cols[0].startswith("E") and len(cols) >= 2:
                atts.append(dict(x.split(":", 1) for x in cols[1].split() if ":" in x))
        cues = []
        for r in atts:
            if r.get("Cue") in ents and r.get("Content") in ents:
                cues.append((ents[r["Cue"]][1], ents[r["Content"]][1]))
        docs.append((doc, text, cues))
    return docs


def examples(doc):
    """Yields (features, label) for the candidate tokens of one document."""
    _, text, cues = doc
    toks3 = tokenize(text)
    toks = [t for _, _, t in toks3]
    low = [lower(t) for t in toks]
    starts = {s: k for k, (s, _, _) in enumerate(toks3)}
    ends = {e: k for k, (_, e, _) in enumerate(toks3)}
    positive = set()
    for cue_spans, content_spans in cues:
        cb, ce = cue_spans[0][0], cue_spans[-1][1]
        if content_spans[0][0] < ce: continue  # content before or around the cue
        # Last word of the cue, back over a final preposition.
        ks = [k for k, (s, e, _) in enumerate(toks3) if s >= cb and e <= ce]
        while len(ks) > 1 and (low[ks[-1]] in CUE_PREPS or not toks[ks[-1]][0].isalnum()): ks.pop()
        if ks: positive.add(ks[-1])
    # Paragraph bounds and quotation-mark state.
    out = []
    para_b = 0
    n = len(toks3)
    para_of = []
    b = 0
    for k in range(n):
        if k > 0 and "\n" in text[toks3[k - 1][1]:toks3[k][0]]: b = k
        para_of.append(b)
    para_end = [0] * n
    e = n
    for k in range(n - 1, -1, -1):
        para_end[k] = e
        if para_of[k] == k: e = k
    inside = False
    for k in range(n):
        if para_of[k] == k: inside = False
        if toks[k] in QUOTE_MARKS:
            inside = not inside
            continue
        if inside or not candidate(toks[k]): continue
        out.append((features(toks, low, k, para_of[k], para_end[k]), k in positive))
    return out


def fold(doc_id):
    return zlib.crc32(doc_id.encode()) % 5


def held_out(doc_id):
    return fold(doc_id) == 0


def train(data, epochs, l2=1e-6, rate=0.2, seed=1):
    w = {}
    rnd = random.Random(seed)
    order = list(range(len(data)))
    step = 0
    for ep in range(epochs):
        rnd.shuffle(order)
        for idx in order:
            hs, y = data[idx]
            z = sum(w.get(h, 0.0) for h in hs)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (1.0 if y else 0.0) - p
            lr = rate / (1.0 + 1e-6 * step)
            step += 1
            for h in hs:
                v = w.get(h, 0.0)
                w[h] = v + lr * (g - l2 * v)
        print(f"epoch {ep + 1} done", file=sys.stderr)
    return w


def score(w, hs):
    return sum(w.get(h, 0.0) for h in hs)


def main():
    args = sys.argv[1:]
    holdout = "--holdout" in args
    # --exclude-folds 1,3: leave out the documents whose fold (CRC-32 of the
    # id mod 5) is listed, as eval/train_quote_filter.py --crossfit does.
    exclude = set()
    out_path = os.path.join(HERE, "..", "data", "quotes", "cue_model.tsv")
    threshold, epochs = 1.0, 4
    for i, a in enumerate(args):
        if a == "--out": out_path = args[i + 1]
        if a == "--threshold": threshold = float(args[i + 1])
        if a == "--epochs": epochs = int(args[i + 1])
        if a == "--exclude-folds": exclude = {int(x) for x in args[i + 1].split(",") if x}
    docs = load_docs(TRAIN)
    tr, te, te_words = [], [], []
    ho_ids = []
    for d in docs:
        raw = examples(d)
        ex = [([fnv(x) for x in f], y) for f, y in raw]
        if holdout and held_out(d[0]):
            te.extend(ex)
            te_words.extend(f[1][2:] for f, _ in raw)
            ho_ids.append(d[0])
        elif fold(d[0]) not in exclude:
            tr.extend(ex)
    print(f"docs {len(docs)}  train examples {len(tr)} (pos {sum(y for _, y in tr)})  held out {len(te)}",
          file=sys.stderr)
    w = train(tr, epochs)
    if holdout:
        with open("/tmp/quote_cues_holdout.txt", "w") as f:
            f.write("\n".join(ho_ids) + "\n")
        listed = set()
        for line in open(os.path.join(HERE, "..", "data", "quotes", "cues.txt"), encoding="utf-8"):
            if line.strip() and not line.startswith("#"): listed.add(lower(line.split("\t")[0]))
        te_new = [(hs, y) for (hs, y), w0 in zip(te, te_words) if w0 not in listed]
        print(f"held-out tokens not in cues.txt: {len(te_new)} (pos {sum(y for _, y in te_new)})")
        for t in (-1.0, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0):
            tp = sum(1 for hs, y in te_new if y and score(w, hs) > t)
            pp = sum(1 for hs, y in te_new if score(w, hs) > t)
            print(f"threshold {t:+.1f}: unlisted tokens predicted {pp}, right {tp}")
        for t in (-1.0, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0):
            tp = sum(1 for hs, y in te if y and score(w, hs) > t)
            pp = sum(1 for hs, y in te if score(w, hs) > t)
            g = sum(1 for _, y in te if y)
            p, r = tp / max(1, pp), tp / max(1, g)
            print(f"threshold {t:+.1f}: token P {100 * p:.1f} R {100 * r:.1f} F1 {200 * p * r / max(1e-9, p + r):.1f}")
    kept = sorted((h, v) for h, v in w.items() if abs(v) >= 0.1)
    with open(out_path, "w") as f:
        f.write("# Learned cue model for annotate/quote_cue_model.cc, written by eval/train_quote_cues.py\n")
        part = " (4/5 of it, --holdout)" if holdout else ""
        if exclude:
            part += " (folds " + ",".join(map(str, sorted(exclude))) + " left out)"
        f.write("# from PolNeAR train/ only" + part + ".\n")
        f.write("# Logistic regression over hashed features (64-bit FNV-1a of the feature string).\n")
        f.write(f"threshold\t{threshold}\n")
        for h, v in kept:
            f.write(f"{h:016x}\t{v:.3f}\n")
    print(f"wrote {len(kept)} weights to {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
