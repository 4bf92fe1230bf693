"""Train the title -> holder linker (models/linker.json) on a corpus with WORKS_AS relations.

    python scripts/train_linker.py ../shared/bench/nerel-train.jsonl

Pairs come from the gold spans: every top-level POSITION with every PERSON mention within
extractor.linker.WINDOW characters; a pair is positive when the corpus links that title to that very
mention. The model is a logistic regression (L2, full-batch gradient descent, deterministic), written as
feature -> weight. Every 10th document is held out and its pair accuracy and holder F1 printed. Only the
weights are written: nothing of the corpus is copied.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.linker import Context, features  # noqa: E402
from extractor.pipeline import split_lines  # noqa: E402


def top_level(ents, kind):
    spans = [(e["start"], e["end"]) for e in ents if e["type"] == kind]
    return [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]


def documents(path: str):
    from razdel import sentenize

    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        text, ents = d["text"], d["entities"]
        sents = split_lines(text, [(s.start, s.stop) for s in sentenize(text)])
        people = [(e["start"], e["end"]) for e in ents if e["type"] == "PERSON"]
        titles = top_level(ents, "POSITION")
        orgs = [(e["start"], e["end"]) for e in ents if e["type"] == "ORG"]
        holders = {}
        for r in d["relations"]:
            if r["type"] == "WORKS_AS":
                h, t = ents[r["head"]], ents[r["tail"]]
                holders.setdefault((t["start"], t["end"]), set()).add((h["start"], h["end"]))
        yield Context(text, sents, people, titles, orgs), titles, holders


def pairs(docs):
    out = []
    for ctx, titles, holders in docs:
        for t in titles:
            gold = holders.get(t, set())
            for m in ctx.candidates(t):
                out.append((features(ctx, t, m), 1.0 if m in gold else 0.0))
    return out


def fit(samples, l2: float = 1.0, steps: int = 400, lr: float = 0.5) -> dict[str, float]:
    names = sorted({f for fs, _ in samples for f in fs})
    index = {f: i for i, f in enumerate(names)}
    X = np.zeros((len(samples), len(names)), dtype=np.float32)
    for row, (fs, _) in enumerate(samples):
        X[row, [index[f] for f in fs]] = 1.0
    y = np.array([lab for _, lab in samples], dtype=np.float32)
    w = np.zeros(len(names), dtype=np.float64)
    g2 = np.zeros_like(w)
    for _ in range(steps):  # full-batch Adagrad: no randomness, same weights every run
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -30, 30)))
        grad = X.T @ (p - y) / len(y) + l2 * w / len(y)
        g2 += grad ** 2
        w -= lr * grad / (np.sqrt(g2) + 1e-8)
    return {f: round(float(v), 4) for f, v in zip(names, w) if abs(v) > 1e-4}


def holder_f1(docs, w) -> float:
    import extractor.linker as L

    tp = fp = fn = 0
    for ctx, titles, holders in docs:
        for t in titles:
            gold = holders.get(t, set())
            best = None
            cands = [(L.score(features(ctx, t, m), w), m) for m in ctx.candidates(t)]
            if cands:
                p, m = max(cands)
                best = m if p > 0.5 else None
            if best is not None and best in gold:
                tp += 1
            elif best is not None:
                fp += 1
            if gold and (best is None or best not in gold):
                fn += 1
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--out", default=str(ROOT / "models" / "linker.json"))
    args = ap.parse_args()
    docs = list(documents(args.corpus))
    train = [d for i, d in enumerate(docs) if i % 10 != 9]
    held = [d for i, d in enumerate(docs) if i % 10 == 9]
    w = fit(pairs(train))
    print(f"held-out holder F1 (gold spans): {holder_f1(held, w):.3f}", file=sys.stderr)
    w = fit(pairs(docs))
    Path(args.out).write_text(json.dumps({"about": "title -> holder linker, scripts/train_linker.py",
                                          "weights": w}, ensure_ascii=False, indent=0, sort_keys=True),
                              encoding="utf-8")
    print(f"{len(w)} weights -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
