#!/usr/bin/env python3
"""Builds a near-duplicate test corpus from the AEB gold article texts.

usage: neardup_corpus.py GROUND_TRUTH_JSON OUT.jsonl [--copies 3] [--seed 7]

Every AEB article becomes one original plus N edited copies, each a JSONL
line {id, text, group, edit}. Edits (combined at random): headline rewritten,
boilerplate lines swapped, paragraphs dropped (up to ~30%), paragraphs
reordered, a few words changed, the page re-crawled with other whitespace.
Lines are shuffled (the canonical copy is whichever of a group comes first).
Reproducible: same input and seed give the same file.
"""
import json
import random
import sys

BOILERPLATE = [
    "Share this article", "Subscribe to our newsletter", "Sign up for our daily briefing",
    "Advertisement", "Read more", "Follow us on Twitter", "Related coverage",
    "Copyright 2024 All rights reserved.", "Click here to get the app", "Most popular",
    "Comments are closed.", "Skip to main content", "Log in", "Contact us", "Terms of use",
    "This story has been updated.", "Reporting by staff; editing by the desk", "Photo: file image",
    "Sponsored content", "Listen to this article",
]
HEADLINE_WORDS = ["Report:", "Update:", "Analysis:", "Breaking:", "Watch:", "Explainer:", "Exclusive:"]


def paragraphs(body):
    return [p.strip() for p in body.split("\n") if p.strip()]


def headline(paras, rng):
    words = paras[0].split()[:10]
    return " ".join(words)


def make_copy(paras, rng):
    paras = list(paras)
    edits = []
    kinds = rng.sample(["headline", "drop", "reorder", "words", "recrawl"], k=rng.randint(1, 3))
    head = headline(paras, rng)
    if "headline" in kinds:
        w = head.split()
        rng.shuffle(w)
        head = rng.choice(HEADLINE_WORDS) + " " + " ".join(w[: max(3, len(w) - 2)])
        edits.append("headline")
    if "drop" in kinds and len(paras) >= 4:
        n = rng.randint(1, max(1, int(len(paras) * 0.3)))
        for _ in range(n):
            paras.pop(rng.randrange(len(paras)))
        edits.append("drop%d" % n)
    if "reorder" in kinds and len(paras) >= 3:
        i, j = rng.sample(range(len(paras)), 2)
        paras[i], paras[j] = paras[j], paras[i]
        edits.append("reorder")
    if "words" in kinds:
        changed = 0
        for k in range(len(paras)):
            w = paras[k].split()
            for t in range(len(w)):
                if rng.random() < 0.02:
                    w[t] = rng.choice(["the", "a", "said", "new", "its", "this"])
                    changed += 1
            paras[k] = " ".join(w)
        edits.append("words%d" % changed)
    if "recrawl" in kinds:
        paras = ["  " + p.replace(" ", "  ", 3) + " " for p in paras]
        edits.append("recrawl")
    boiler = rng.sample(BOILERPLATE, 4)
    edits.append("boilerplate")
    text = "\n".join(boiler[:2] + [head] + paras + boiler[2:])
    return text, edits


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    copies = int(args[args.index("--copies") + 1]) if "--copies" in args else 3
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 7
    gold = json.load(open(args[0], encoding="utf-8"))
    rng = random.Random(seed)
    rows = []
    for n, key in enumerate(sorted(gold)):
        paras = paragraphs(gold[key]["articleBody"])
        if not paras:
            continue
        group = "g%03d" % n
        boiler = rng.sample(BOILERPLATE, 3)
        text = "\n".join(boiler[:1] + [headline(paras, rng)] + paras + boiler[1:])
        rows.append({"id": group + "-orig", "text": text, "group": group, "edit": "original"})
        for c in range(copies):
            text, edits = make_copy(paras, rng)
            rows.append({"id": "%s-copy%d" % (group, c), "text": text, "group": group, "edit": "+".join(edits)})
    rng.shuffle(rows)
    with open(args[1], "w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
