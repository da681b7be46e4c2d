#!/usr/bin/env python3
"""Trains the content-end chooser of annotate/quote_ends.cc on PolNeAR train/.

  eval/train_quote_ends.py [--holdout] [--bin build/dateline] [--data DIR] [--margin M]
                           [--out data/quotes/end_model.tsv]

Runs `dateline extract` over train/ with DATELINE_QUOTE_END_DUMP set (and
DATELINE_DATA=DIR when given, without its end and filter models): for
every indirect content the rules propose, the extractor prints each candidate
end with its hashed features (quote_ends.h). A candidate's quality is the
scorer's overlap over union (../shared/tools/score_quotes.py) of the content
it would give against the best gold content of the document; in a group (one
content start) the best candidates are the positives, and groups whose best
candidate would still not match (< 0.5) are left out. Model: conditional
logit (softmax over a group's candidates), AdaGrad SGD with L2, 3 epochs;
the model's pick replaces the rules' end only when it scores higher by a
margin (the threshold line).
The features are hashed by the extractor, so nothing here must mirror it.

--holdout trains on the 4/5 of documents that eval/train_quote_cues.py
trains on (CRC-32 of the id mod 5 != 0) and reports, on the other fifth,
how many groups the rules' end and the model's choice get right.
"""
import collections, math, os, random, re, subprocess, sys, tempfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TRAIN = os.path.join(ROOT, "..", "shared", "data", "quotes", "polnear", "train")


MIN_COUNT = 6
MARGIN = 0.5  # logit margin over the rules' end (held-out fifth, round 7 features: 0 / 0.5 / 1 gave +27 / +34 / +25 contents)


def spans_of(field):
    out = []
    for part in field.split(";"):
        a, b = part.split()[-2:]
        out.append((int(a), int(b)))
    return out


def load_gold(dirpath):
    """doc id -> list of gold content span lists, as the scorer reads them."""
    gold = {}
    for f in sorted(os.listdir(dirpath)):
        if not f.endswith(".ann"):
            continue
        doc = re.sub(r"_[0-9a-f]{4}\.ann$", "", f)
        if doc in gold:
            continue
        ents, atts = {}, []
        for line in open(os.path.join(dirpath, f), encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if cols[0].startswith("T") and len(cols) >= 3:
                kind, _, rest = cols[1].partition(" ")
                ents[cols[0]] = spans_of(rest)
            elif cols[0].startswith("E") and len(cols) >= 2:
                atts.append(dict(x.split(":", 1) for x in cols[1].split() if ":" in x))
        gold[doc] = [ents[r["Content"]] for r in atts if r.get("Content") in ents]
    return gold


def iou(g, b, e):
    ov = sum(max(0, min(y, e) - max(x, b)) for x, y in g)
    union = sum(y - x for x, y in g) + (e - b) - ov
    return ov / union if union else 0.0


def fold(doc_id):
    return zlib.crc32(doc_id.encode()) % 5


def held_out(doc_id):
    return fold(doc_id) == 0


def load_groups(dump, gold):
    groups = collections.OrderedDict()
    for line in open(dump, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 7:
            continue
        doc, pat, cue, b, e, rule, feats = cols
        key = (doc, pat, int(cue), int(b))
        groups.setdefault(key, []).append((int(e), rule == "1", [int(h, 16) for h in feats.split()]))
    out = []
    for (doc, pat, cue, b), cands in groups.items():
        # A group is dumped again when the same content start is tried twice; keep the first.
        seen, uniq = set(), []
        for c in cands:
            if (c[0], c[1]) in seen:
                continue
            seen.add((c[0], c[1]))
            uniq.append(c)
        q = [max([iou(g, b, e) for g in gold.get(doc, [])] or [0.0]) for e, _, _ in uniq]
        out.append((doc, uniq, q))
    return out


def train(groups, epochs=3, lr=0.1, l2=1e-4, seed=7, min_count=MIN_COUNT):
    w = collections.defaultdict(float)
    g2 = collections.defaultdict(float)
    data = [(cands, q) for _, cands, q in groups if max(q) >= 0.5 and len(cands) > 1]
    # Features seen in fewer than min_count contents get no weight.
    count = collections.Counter(h for cands, _ in data for h in {h for _, _, f in cands for h in f})
    data = [([(e, r, [h for h in f if count[h] >= min_count]) for e, r, f in cands], q) for cands, q in data]
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(data)
        for cands, q in data:
            best = max(q)
            pos = [i for i, v in enumerate(q) if v >= best - 1e-9]
            s = [sum(w[h] for h in f) for _, _, f in cands]
            m = max(s)
            ex = [math.exp(v - m) for v in s]
            z = sum(ex)
            p = [v / z for v in ex]
            ppos = sum(p[i] for i in pos)
            for i, (_, _, f) in enumerate(cands):
                # d(-log sum_pos p)/ds_i = p_i - [i in pos] p_i / ppos
                grad = p[i] - (p[i] / ppos if i in pos else 0.0)
                if abs(grad) < 1e-6:
                    continue
                for h in f:
                    gg = grad + l2 * w[h]
                    g2[h] += gg * gg
                    w[h] -= lr * gg / math.sqrt(g2[h] + 1e-8)
    return w


def choose(w, cands, margin):
    s = [sum(w.get(h, 0.0) for h in f) for _, _, f in cands]
    r = next(i for i, c in enumerate(cands) if c[1])
    m = max(range(len(cands)), key=lambda i: s[i])
    return m if s[m] - s[r] > margin else r


def report(w, groups, label, margin):
    n = rule_ok = model_ok = gained = lost = 0
    for _, cands, q in groups:
        n += 1
        r = next(i for i, c in enumerate(cands) if c[1])
        m = choose(w, cands, margin)
        rule_ok += q[r] >= 0.5
        model_ok += q[m] >= 0.5
        gained += q[m] >= 0.5 and q[r] < 0.5
        lost += q[r] >= 0.5 and q[m] < 0.5
    print(f"{label}: {n} contents; matching a gold content: rules' end {rule_ok}, model's end {model_ok} "
          f"(+{gained} -{lost})", file=sys.stderr)


def extractor_dump(binary, src, leave_out, dump_var, read, replace=None, docs=None):
    """Runs `dateline extract` over PolNeAR train with the data directory src
    minus the quote models in leave_out, the extractor writing its candidates
    to stderr (env dump_var; the other dump switches unset); returns
    read(path of that dump). replace maps a file name of data/quotes to the
    path to use instead; docs, when given, limits the run to those ids."""
    replace = replace or {}
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        os.makedirs(os.path.join(data, "quotes"))
        for e in os.listdir(src):
            if e != "quotes":
                os.symlink(os.path.realpath(os.path.join(src, e)), os.path.join(data, e))
        for f in set(os.listdir(os.path.join(src, "quotes"))) | set(replace):
            if f not in leave_out:
                path = replace.get(f, os.path.join(src, "quotes", f))
                os.symlink(os.path.realpath(path), os.path.join(data, "quotes", f))
        texts = os.path.join(TRAIN, "text")
        if docs is not None:
            texts = os.path.join(tmp, "text")
            os.makedirs(texts)
            for d in docs:
                os.symlink(os.path.realpath(os.path.join(TRAIN, "text", d + ".txt")), os.path.join(texts, d + ".txt"))
        dump = os.path.join(tmp, "dump.tsv")
        env = dict(os.environ, DATELINE_DATA=data)
        for var in ("DATELINE_QUOTE_END_DUMP", "DATELINE_QUOTE_FILTER_DUMP"):
            env.pop(var, None)
        env[dump_var] = "1"
        with open(dump, "w") as err:
            subprocess.run([binary, "extract", "--format", "plain", "--threads", "1", texts],
                           env=env, stdout=subprocess.DEVNULL, stderr=err, check=True)
        return read(dump)


def write_model(out, header, threshold, w):
    """Writes the weights of magnitude >= 0.01 as a model TSV after "# " header lines."""
    kept = {h: v for h, v in w.items() if abs(v) >= 0.01}
    with open(out, "w") as f:
        for line in header:
            f.write("# " + line + "\n")
        f.write(f"threshold\t{threshold}\n")
        for h in sorted(kept):
            f.write(f"{h:016x}\t{kept[h]:.4f}\n")
    print(f"{len(kept)} weights written to {out}", file=sys.stderr)


def main():
    args = sys.argv[1:]
    global MIN_COUNT
    if "--min-count" in args:
        MIN_COUNT = int(args[args.index("--min-count") + 1])
    holdout = "--holdout" in args
    margin = float(args[args.index("--margin") + 1]) if "--margin" in args else MARGIN
    binary = args[args.index("--bin") + 1] if "--bin" in args else os.path.join(ROOT, "build", "dateline")
    out = args[args.index("--out") + 1] if "--out" in args else os.path.join(ROOT, "data", "quotes", "end_model.tsv")
    src = args[args.index("--data") + 1] if "--data" in args else os.path.join(ROOT, "data")
    gold = load_gold(os.path.join(TRAIN, "attributions"))
    # Candidates and features do not depend on the end model (the choice
    # would); the filter runs after the end is chosen, so it is left out.
    groups = extractor_dump(binary, src, ("end_model.tsv", "filter_model.tsv"), "DATELINE_QUOTE_END_DUMP",
                            lambda dump: load_groups(dump, gold))
    fit = [g for g in groups if not (holdout and held_out(g[0]))]
    w = train(fit, min_count=MIN_COUNT)
    report(w, fit, "train" + (" (4/5)" if holdout else ""), margin)
    if holdout:
        report(w, [g for g in groups if held_out(g[0])], "held-out fifth", margin)
    write_model(out, ["Content-end chooser for annotate/quote_ends.cc, written by eval/train_quote_ends.py",
                      "from PolNeAR train/ only" + (" (4/5 of it, --holdout)" if holdout else "") + ".",
                      "Conditional logit over hashed features (64-bit FNV-1a of the feature string).",
                      "threshold: the margin by which a candidate must outscore the rules' end."], margin, w)


if __name__ == "__main__":
    main()
