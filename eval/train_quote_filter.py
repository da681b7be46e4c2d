#!/usr/bin/env python3
"""Trains the extraction filter of annotate/quote_filter.cc on PolNeAR train/.

  eval/train_quote_filter.py [--holdout] [--crossfit] [--bags K] [--bin build/dateline] [--data DIR]
                             [--threshold T] [--out data/quotes/filter_model.tsv]

Shipped model: --crossfit --bags 25 (docs/quotes.md, round 9).

Runs `dateline extract` over train/ with DATELINE_QUOTE_FILTER_DUMP set (and
DATELINE_DATA=DIR when given, without any filter_model.tsv): every indirect
extraction is printed with its hashed features (quote_filter.h). Label: its
content overlaps a gold content of the document by at least half of their
union (the scorer's test, ../shared/tools/score_quotes.py, without its
one-to-one assignment). Logistic regression, AdaGrad SGD with L2, 4 epochs;
the features are hashed by the extractor, so nothing here must mirror it.

--holdout trains on the 4/5 of documents that eval/train_quote_cues.py
trains on (CRC-32 of the id mod 5 != 0) and prints, on the other fifth, how
many right and wrong extractions each threshold would drop.
"""
import collections, math, os, random, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_quote_ends import ROOT, TRAIN, extractor_dump, fold, held_out, iou, load_gold, write_model  # noqa: E402

MIN_COUNT = 3
THRESHOLD = -1.0  # logit; see docs/quotes.md for the held-out sweep
BAGS = 1  # --bags K: mean of K bootstrap models (docs/quotes.md, round 9)


def load(dump, gold):
    out = []
    for line in open(dump, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 5 or cols[0] != "F":
            continue
        _, doc, pat, spans, feats = cols
        sp = [tuple(int(x) for x in s.split()) for s in spans.split(";")]
        good = False
        for g in gold.get(doc, []):
            ov = sum(max(0, min(b, d) - max(a, c)) for a, b in g for c, d in sp)
            union = sum(b - a for a, b in g) + sum(d - c for c, d in sp) - ov
            good = good or (union > 0 and ov / union >= 0.5)
        out.append((doc, pat, [int(h, 16) for h in feats.split()], good))
    return out


def train(data, epochs=4, lr=0.1, l2=1e-4, seed=11, min_count=MIN_COUNT):
    w = collections.defaultdict(float)
    g2 = collections.defaultdict(float)
    # Features seen in fewer than min_count extractions get no weight.
    count = collections.Counter(h for _, _, f, _ in data for h in f)
    data = [(d, p, [h for h in f if count[h] >= min_count], y) for d, p, f, y in data]
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(data)
        for _, _, f, y in data:
            z = sum(w[h] for h in f)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            grad = p - (1.0 if y else 0.0)
            for h in f:
                gg = grad + l2 * w[h]
                g2[h] += gg * gg
                w[h] -= lr * gg / math.sqrt(g2[h] + 1e-8)
    return w


def bagged(fit, bags, min_count):
    """The mean of bags models, each trained on a bootstrap sample of fit (one
    linear model, shipped as one weight table); bags=1: one model on fit."""
    if bags <= 1:
        return train(fit, min_count=min_count)
    # The feature counts of the whole set, not of each sample (where repeats
    # would let rarer features through).
    count = collections.Counter(h for _, _, f, _ in fit for h in f)
    fit = [(d, p, [h for h in f if count[h] >= min_count], y) for d, p, f, y in fit]
    mean = collections.defaultdict(float)
    for i in range(bags):
        rnd = random.Random(1000 + i)
        w = train([fit[rnd.randrange(len(fit))] for _ in fit], seed=11 + i, min_count=1)
        for h, v in w.items():
            mean[h] += v / bags
    return mean


def cue_threshold(src):
    """The threshold line of src's cue_model.tsv (the trainer's default without one)."""
    path = os.path.join(src, "quotes", "cue_model.tsv")
    for line in open(path, encoding="utf-8") if os.path.exists(path) else []:
        if line.startswith("threshold\t"):
            return line.split("\t")[1].strip()
    return "-1.5"


def crossfit_rows(binary, src, gold, holdout):
    """The extractions of every training document with a cue model that did
    not see it: per fold j (CRC-32 of the id mod 5), a cue model trained on
    the other folds (eval/train_quote_cues.py --exclude-folds j; never the
    held-out fold with --holdout) and the extractor run over fold j only.
    In-sample, the learned cues' extractions are far more often right than
    on unseen text (PolNeAR held-out fifth: 66 % against 50 %), and a filter
    trained on them would let too many through."""
    ids = sorted(f[:-4] for f in os.listdir(os.path.join(TRAIN, "text")) if f.endswith(".txt"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for j in range(1 if holdout else 0, 5):
            cue = os.path.join(tmp, f"cue_model_{j}.tsv")
            cmd = [sys.executable, os.path.join(ROOT, "eval", "train_quote_cues.py"), "--threshold",
                   cue_threshold(src), "--exclude-folds", str(j), "--out", cue] + (["--holdout"] if holdout else [])
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            docs = [d for d in ids if fold(d) == j]
            rows += extractor_dump(binary, src, ("filter_model.tsv",), "DATELINE_QUOTE_FILTER_DUMP",
                                   lambda dump: load(dump, gold), replace={"cue_model.tsv": cue}, docs=docs)
            print(f"fold {j}: {len(docs)} documents, {len(rows)} extractions so far", file=sys.stderr)
    return rows


def sweep(w, data, label):
    scores = [(sum(w.get(h, 0.0) for h in f), y) for _, _, f, y in data]
    good = sum(y for _, y in scores)
    print(f"{label}: {len(scores)} extractions, {good} right", file=sys.stderr)
    for t in (-3, -2, -1.5, -1, -0.5, 0):
        dr = sum(1 for s, y in scores if s <= t and y)
        dw = sum(1 for s, y in scores if s <= t and not y)
        print(f"  threshold {t:5}: drops {dw} wrong, {dr} right", file=sys.stderr)


def main():
    args = sys.argv[1:]
    global MIN_COUNT
    if "--min-count" in args:
        MIN_COUNT = int(args[args.index("--min-count") + 1])
    opt = lambda name, default: args[args.index(name) + 1] if name in args else default
    holdout = "--holdout" in args
    binary = opt("--bin", os.path.join(ROOT, "build", "dateline"))
    src = opt("--data", os.path.join(ROOT, "data"))
    out = opt("--out", os.path.join(ROOT, "data", "quotes", "filter_model.tsv"))
    threshold = float(opt("--threshold", THRESHOLD))
    gold = load_gold(os.path.join(TRAIN, "attributions"))
    if "--crossfit" in args:
        rows = crossfit_rows(binary, src, gold, holdout)
        if holdout:  # the held-out fifth as the shipped filter will see it
            rows += extractor_dump(binary, src, ("filter_model.tsv",), "DATELINE_QUOTE_FILTER_DUMP",
                                   lambda dump: load(dump, gold), docs=sorted(
                                       f[:-4] for f in os.listdir(os.path.join(TRAIN, "text"))
                                       if f.endswith(".txt") and held_out(f[:-4])))
    else:
        rows = extractor_dump(binary, src, ("filter_model.tsv",), "DATELINE_QUOTE_FILTER_DUMP",
                              lambda dump: load(dump, gold))
    fit = [r for r in rows if not (holdout and held_out(r[0]))]
    w = bagged(fit, int(opt("--bags", BAGS)), MIN_COUNT)
    sweep(w, fit, "train" + (" (4/5)" if holdout else ""))
    if holdout:
        sweep(w, [r for r in rows if held_out(r[0])], "held-out fifth")
    write_model(out, ["Extraction filter for annotate/quote_filter.cc, written by eval/train_quote_filter.py",
                      "from PolNeAR train/ only" + (" (4/5 of it, --holdout)" if holdout else "") +
                      (", --crossfit" if "--crossfit" in args else "") + f", --bags {opt('--bags', BAGS)}.",
                      "Logistic regression over hashed features (64-bit FNV-1a of the feature string);",
                      "extractions scoring at or below the threshold are dropped."], threshold, w)


if __name__ == "__main__":
    main()
