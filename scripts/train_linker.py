"""Train the title -> holder linker (models/linker.json) on a corpus with WORKS_AS relations.

    python scripts/train_linker.py ../shared/bench/nerel-train.jsonl

The pipeline runs over the corpus, and every call it makes to the linker is recorded: a title its rules left
without a holder, and the person mentions near it the linker is shown. Each call is a group of choices,
"nobody" first, then every candidate; the right answers are the candidates the corpus links to the title
(or "nobody"). The model is a softmax over each group (L2, full-batch Adagrad: deterministic), written as
feature -> weight. The F1 of its calls is cross-validated by document (5 folds) and printed, then the model
is fitted on all of them. Only the weights are written: nothing of the corpus is copied.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor import linker  # noqa: E402
from extractor.linker import features, null_features  # noqa: E402


def pipeline_groups(path: str) -> list[list[tuple[list[list[str]], list[int]]]]:
    """The linker's calls, document by document: (feature rows, indices of the right rows)."""
    from extractor.pipeline import Pipeline

    calls = []
    original = linker.best_holder

    def record(ctx, title, skip=frozenset()):
        calls.append((ctx, title, linker.candidates(ctx, title, skip)))
        return original(ctx, title, skip)

    nlp = Pipeline()
    out = []
    linker.best_holder = record
    try:
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            ents = d["entities"]
            relations = [((ents[r["tail"]]["start"], ents[r["tail"]]["end"]),
                          (ents[r["head"]]["start"], ents[r["head"]]["end"]))
                         for r in d["relations"] if r["type"] == "WORKS_AS"]
            calls.clear()
            nlp(d["text"])
            doc = []
            for ctx, title, cands in calls:
                heads = [h for t, h in relations if t[0] < title[1] and title[0] < t[1]]
                right = [i + 1 for i, m in enumerate(cands) if any(m[0] < h[1] and h[0] < m[1] for h in heads)]
                rows = [null_features(ctx, title, len(cands))] + [features(ctx, title, m) for m in cands]
                doc.append((rows, right or [0]))
            out.append(doc)
    finally:
        linker.best_holder = original
    return out


def fit(groups, l2: float = 1.0, steps: int = 400, lr: float = 0.5) -> dict[str, float]:
    """Log-likelihood of each group's right rows under a softmax over its rows."""
    names = sorted({f for rows, _ in groups for fs in rows for f in fs})
    index = {f: i for i, f in enumerate(names)}
    n_rows = sum(len(rows) for rows, _ in groups)
    rows_of, feats_of = [], []  # the active features, row by row: X is sparse
    right = np.zeros(n_rows, dtype=bool)
    starts = []
    r = 0
    for rows, good in groups:
        starts.append(r)
        for i, fs in enumerate(rows):
            rows_of += [r + i] * len(fs)
            feats_of += [index[f] for f in fs]
        right[[r + i for i in good]] = True
        r += len(rows)
    rows_of, feats_of = np.array(rows_of), np.array(feats_of)
    starts = np.array(starts)
    group = np.repeat(np.arange(len(groups)), np.diff(np.append(starts, n_rows)))
    w = np.zeros(len(names), dtype=np.float64)
    g2 = np.zeros_like(w)
    for _ in range(steps):
        z = np.bincount(rows_of, weights=w[feats_of], minlength=n_rows)
        e = np.exp(z - np.maximum.reduceat(z, starts)[group])
        p = e / np.add.reduceat(e, starts)[group]
        e_right = np.where(right, e, 0.0)
        q = e_right / np.add.reduceat(e_right, starts)[group]  # the right rows, as the model weighs them
        grad = np.bincount(feats_of, weights=(p - q)[rows_of], minlength=len(names)) / len(groups) \
            + l2 * w / len(groups)
        g2 += grad ** 2
        w -= lr * grad / (np.sqrt(g2) + 1e-8)
    return {f: round(float(v), 4) for f, v in zip(names, w) if abs(v) > 1e-4}


def call_f1(groups, w) -> float:
    """F1 of the holders picked, over the calls that have one in the corpus."""
    tp = fp = fn = 0
    for rows, good in groups:
        scores = [sum(w.get(x, 0.0) for x in fs) for fs in rows]
        pick = max(range(len(scores)), key=scores.__getitem__)
        tp += pick != 0 and pick in good
        fp += pick != 0 and pick not in good
        fn += good != [0] and pick not in good
    return 2 * tp / max(1, 2 * tp + fp + fn)


def split(docs, k: int, folds: int) -> tuple[list, list]:
    """The calls of fold ``k``'s training documents and of its held-out ones."""
    return ([g for i, doc in enumerate(docs) if i % folds != k for g in doc],
            [g for i, doc in enumerate(docs) if i % folds == k for g in doc])


def cv_relations(path: str, docs, folds: int) -> dict:
    """WORKS_AS and WORKPLACE over the corpus, each fold's documents run with a linker fitted on the others."""
    from extractor.gold import load_gold
    from extractor.pipeline import Pipeline
    from extractor.scoring import Scores, result_to_pred, score_document

    gold = list(load_gold(Path(path)))
    nlp, scores, original = Pipeline(), Scores(), linker.weights
    try:
        for k in range(folds):
            w = fit(split(docs, k, folds)[0])
            linker.weights = lambda w=w: w
            for i, d in enumerate(gold):
                if i % folds == k:
                    score_document(d, result_to_pred(nlp(d["text"]).to_dict()), scores)
    finally:
        linker.weights = original
    return {t: c.to_dict() for t, c in scores.relations.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--out", default=str(ROOT / "models" / "linker.json"))
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds (by document) for the F1 printed")
    ap.add_argument("--relations", action="store_true",
                    help="also print the relation scores of the pipeline, cross-validated the same way (2-3 minutes)")
    args = ap.parse_args()
    docs = pipeline_groups(args.corpus)
    calls = [g for doc in docs for g in doc]
    print(f"{len(calls)} calls, {sum(g[1] != [0] for g in calls)} with a holder in the corpus", file=sys.stderr)
    f1s = []
    for k in range(args.folds):
        train, held = split(docs, k, args.folds)
        f1s.append(call_f1(held, fit(train)))
    print(f"holder F1 on the pipeline's calls, {args.folds}-fold cross-validated: {np.mean(f1s):.3f} "
          f"(folds {' '.join(f'{x:.3f}' for x in f1s)})", file=sys.stderr)
    if args.relations:
        for t, c in cv_relations(args.corpus, docs, args.folds).items():
            print(f"{t} cross-validated: P {c['p']:.3f} R {c['r']:.3f} F1 {c['f1']:.3f}", file=sys.stderr)
    w = fit(calls)
    model = {"about": "title -> holder linker (softmax over nobody and the candidates), scripts/train_linker.py",
             "weights": w}
    Path(args.out).write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(w)} weights -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
