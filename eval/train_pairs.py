#!/usr/bin/env python3
"""Trains the story pair model (stories/pair_model.h): logistic regression
with an L2 penalty, fitted by Newton's method, on the rows written by
`stories_bench jsonl DOCS --annotated --rows ROWS.tsv` (one row per document
and candidate story, label 1 when the story is the document's gold event).

usage: eval/train_pairs.py ROWS.tsv OUT.tsv [--topics all|odd|even] [--l2 1.0]
                           [--same-topic-only] [--features NAME,NAME...]

--topics odd trains on odd-numbered topics only (for cross-validation: report
the figure on the even ones, and the reverse). --same-topic-only keeps the rows
whose story is of the document's own topic (the hard cases: same kind of event).
--features keeps only the named features (and the bias); the others weigh 0.
No dependencies.
"""
import math
import sys


def load(path, which, same_topic_only=False, only=None):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        names = header[3:]
        xs, ys = [], []
        for line in f:
            cols = line.rstrip("\n").split("\t")
            topic = int(cols[0]) if cols[0].isdigit() else 0
            if which == "odd" and topic % 2 == 0:
                continue
            if which == "even" and topic % 2 == 1:
                continue
            if same_topic_only and cols[2] != "1":
                continue
            ys.append(int(cols[1]))
            x = [float(v) for v in cols[3:]]
            if only:
                x = [v if n == "bias" or n in only else 0.0 for n, v in zip(names, x)]
            xs.append(x)
    return names, xs, ys


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def train(xs, ys, l2, names):
    d = len(xs[0])
    w = [0.0] * d
    for _ in range(25):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y in zip(xs, ys):
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            s = p * (1 - p)
            nz = [(i, v) for i, v in enumerate(x) if v != 0]
            for i, v in nz:
                grad[i] += g * v
                row = hess[i]
                for j, u in nz:
                    row[j] += s * v * u
        for i in range(d):
            if names[i] != "bias":
                grad[i] += l2 * w[i]
                hess[i][i] += l2
            hess[i][i] += 1e-9
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def main():
    args = sys.argv[1:]
    which, l2 = "all", 1.0
    if "--topics" in args:
        i = args.index("--topics")
        which = args[i + 1]
        del args[i:i + 2]
    if "--l2" in args:
        i = args.index("--l2")
        l2 = float(args[i + 1])
        del args[i:i + 2]
    same_topic_only = "--same-topic-only" in args
    if same_topic_only:
        args.remove("--same-topic-only")
    only = None
    if "--features" in args:
        i = args.index("--features")
        only = set(args[i + 1].split(","))
        del args[i:i + 2]
    rows, out = args
    names, xs, ys = load(rows, which, same_topic_only, only)
    w = train(xs, ys, l2, names)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Story pair model (stories/pair_model.h): log-odds = sum of weight x feature.\n")
        f.write(f"# Trained by eval/train_pairs.py on {len(ys)} rows ({sum(ys)} positive), "
                f"topics {which}, l2 {l2}.\n")
        for n, v in zip(names, w):
            f.write(f"{n}\t{v:.4f}\n")
    print(" ".join(f"{n}={v:.2f}" for n, v in zip(names, w)), file=sys.stderr)


if __name__ == "__main__":
    main()
