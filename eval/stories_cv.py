#!/usr/bin/env python3
"""Story pair model on ECB+ dev: training, in-sample and cross-validated
B-cubed F1 (topics 1-35; fold A = odd topics, fold B = even topics).

usage: eval/stories_cv.py BUILD_DIR [--l2 1.0] [--features NAME,...]
                            [--write-model data/stories/pair_model.tsv]
                            [--grid KEY=V1,V2,... ...] [KEY=VALUE ...]

1. annotates the articles (id, url, text only) with BUILD_DIR/bench/stories_bench
   and writes one training row per (document, candidate story), each document
   joining its gold event's story (eval/train_pairs.py documents the rows);
2. cross-validation: trains on one fold, picks the join threshold that gives
   the best B-cubed F1 on that same fold, clusters all documents and keeps the
   other fold's predictions; the two held-out halves are scored together with
   ../shared/tools/score_clusters.py;
3. in-sample: trains on all topics, picks the threshold on all topics and
   scores (the model written with --write-model, the threshold folded into
   its bias so that the clusterer joins at score >= 0).

KEY=VALUE sets a StoryOptions field for every run (stories_bench syntax).
--grid KEY=V1,V2 (repeatable) adds clusterer options chosen on the training
fold together with the threshold: first the threshold with the first value of
each grid key, then every combination of the grid values with that threshold
(coordinate search), e.g. --grid split_threshold=-1,-0.5 --grid reassign_margin=0,0.5.
"""
import itertools
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared")
GOLD = os.path.join(SHARED, "data", "events", "ecbplus", "dev.jsonl")
THRESHOLDS = [-3.5, -3.0, -2.75, -2.5, -2.25, -2.0, -1.75, -1.5, -1.0, -0.5, 0.0]


def run(args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def bcubed(gold, pred, ids):
    from collections import defaultdict
    gc, pc = defaultdict(set), defaultdict(set)
    for k in ids:
        gc[gold[k]].add(k)
        pc[pred[k]].add(k)
    p = sum(len(pc[pred[k]] & gc[gold[k]]) / len(pc[pred[k]]) for k in ids) / len(ids)
    r = sum(len(pc[pred[k]] & gc[gold[k]]) / len(gc[gold[k]]) for k in ids) / len(ids)
    return 2 * p * r / (p + r)


def cluster(bench, docs, model, threshold, out, opts=()):
    run([bench, "jsonl", docs, "--annotated", f"pair_model={model}", f"join_threshold={threshold}", "--out", out] +
        list(opts))
    return {r["id"]: r["story"] for r in map(json.loads, open(out, encoding="utf-8"))}


def train(rows, model, topics, l2, features):
    extra = ["--features", features] if features else []
    run([sys.executable, os.path.join(HERE, "train_pairs.py"), rows, model, "--topics", topics, "--l2", str(l2)] +
        extra)


def best_threshold(bench, docs, model, gold, ids, tmp, fixed, grid):
    """(F1, threshold, options) best on ids: the threshold first, then the grid."""
    first = fixed + [f"{k}={vs[0]}" for k, vs in grid]
    scored = []
    for t in THRESHOLDS:
        pred = cluster(bench, docs, model, t, os.path.join(tmp, "pred.jsonl"), first)
        scored.append((bcubed(gold, pred, ids), t, first))
    best = max(scored)
    for combo in itertools.product(*[vs for _, vs in grid]):
        opts = fixed + [f"{k}={v}" for (k, _), v in zip(grid, combo)]
        pred = cluster(bench, docs, model, best[1], os.path.join(tmp, "pred.jsonl"), opts)
        best = max(best, (bcubed(gold, pred, ids), best[1], opts))
    return best


def fold_bias(model, threshold, out):
    lines = []
    for line in open(model, encoding="utf-8"):
        if line.startswith("bias"):
            bias = float(line.split()[1]) - threshold
            line = f"bias\t{bias:.4f}\n"
        lines.append(line)
    lines.insert(2, f"# Join threshold {threshold} folded into the bias.\n")
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(lines)


def main():
    args = sys.argv[1:]
    l2, write_model, features = 1.0, None, None
    if "--features" in args:
        i = args.index("--features"); features = args[i + 1]; del args[i:i + 2]
    if "--l2" in args:
        i = args.index("--l2"); l2 = float(args[i + 1]); del args[i:i + 2]
    if "--write-model" in args:
        i = args.index("--write-model"); write_model = args[i + 1]; del args[i:i + 2]
    grid, fixed = [], []
    while "--grid" in args:
        i = args.index("--grid"); k, vs = args[i + 1].split("=", 1); grid.append((k, vs.split(","))); del args[i:i + 2]
    fixed = [a for a in args[1:] if "=" in a]
    args = [a for a in args if "=" not in a]
    bench = os.path.join(args[0] if args else "build", "bench", "stories_bench")
    gold, topic = {}, {}
    for line in open(GOLD, encoding="utf-8"):
        r = json.loads(line)
        gold[r["id"]], topic[r["id"]] = r["cluster"], int(r["topic"])
    with tempfile.TemporaryDirectory() as tmp:
        docs, rows = os.path.join(tmp, "docs.jsonl"), os.path.join(tmp, "rows.tsv")
        run([bench, "jsonl", GOLD, "--annotate", "--dump", docs])
        run([bench, "jsonl", docs, "--annotated", "--rows", rows])
        held_out = {}
        for name, parity in (("odd", 1), ("even", 0)):
            model = os.path.join(tmp, f"model_{name}.tsv")
            train(rows, model, name, l2, features)
            ids = [k for k in gold if topic[k] % 2 == parity]
            f1, t, opts = best_threshold(bench, docs, model, gold, ids, tmp, fixed, grid)
            pred = cluster(bench, docs, model, t, os.path.join(tmp, "pred.jsonl"), opts)
            test = [k for k in gold if topic[k] % 2 != parity]
            print(f"train {name} topics: threshold {t} {' '.join(opts)} (train F1 {f1:.4f}) -> "
                  f"held-out F1 {bcubed(gold, pred, test):.4f}")
            held_out.update({k: f"{name}-{pred[k]}" for k in test})
        cv = os.path.join(tmp, "cv.jsonl")
        with open(cv, "w", encoding="utf-8") as f:
            for k, s in held_out.items():
                f.write(json.dumps({"id": k, "story": s}) + "\n")
        print("cross-validated (each topic clustered by the model trained on the other fold):")
        print(run([sys.executable, os.path.join(SHARED, "tools", "score_clusters.py"), GOLD, "cluster", cv, "story"]),
              end="")
        model = os.path.join(tmp, "model_all.tsv")
        train(rows, model, "all", l2, features)
        f1, t, opts = best_threshold(bench, docs, model, gold, list(gold), tmp, fixed, grid)
        print(f"in-sample (trained and threshold chosen on all topics): threshold {t} {' '.join(opts)} F1 {f1:.4f}")
        if write_model:
            fold_bias(model, t, write_model)
            print(f"wrote {write_model}")


if __name__ == "__main__":
    main()
