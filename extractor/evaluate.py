"""Evaluate the pipeline (or a saved prediction file) against gold annotations."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .errors import GoldError
from .gold import load_gold
from .scoring import Scores, result_to_pred, score_document


@dataclass
class DocReport:
    id: str
    text: str
    gold: list[dict]
    pred: list[dict]
    errors: list[tuple[str, str, tuple[int, int]]]


@dataclass
class EvalReport:
    scores: Scores
    docs: list[DocReport] = field(default_factory=list)

    def to_dict(self) -> dict:
        return self.scores.to_dict()


def load_predictions(path: Path) -> dict[str, dict]:
    out = {}
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    out[str(d.get("id"))] = d
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"cannot read predictions {path}: {exc}") from exc
    return out


def evaluate(gold: Iterable[Path], pred: Path | None = None, type_map: dict[str, str] | None = None,
             pipeline=None, keep_docs: bool = False, progress: Callable[[int], None] | None = None,
             affiliations: bool = False, with_kind: bool = False) -> EvalReport:
    """Score every gold document; documents missing from ``pred`` count as empty predictions. ``affiliations``:
    count them as WORKPLACE relations too (the benchmark's rules do not); ``with_kind``: score organisations' mentions
    with the words for their kind where they have them (FactRuEval's boundaries; NEREL's leave them out)."""
    preds = load_predictions(pred) if pred else None
    if pipeline is None and preds is None:
        from .pipeline import default_pipeline
        pipeline = default_pipeline()
    report = EvalReport(Scores())
    for path in gold:
        for doc in load_gold(Path(path), type_map, affiliations):
            if preds is not None:
                result = preds.get(str(doc["id"]), {})
            else:
                result = pipeline(doc["text"], date=doc.get("date")).to_dict()
            p = result_to_pred(result, affiliations, with_kind) if "error" not in result \
                else {"entities": [], "relations": []}
            errors: list | None = [] if keep_docs else None
            score_document(doc, p, report.scores, errors)
            if keep_docs:
                report.docs.append(DocReport(str(doc["id"]), doc["text"],
                                             [e for e in doc["entities"] if e["type"] in doc["types"]],
                                             [e for e in p["entities"] if e["type"] in doc["types"]], errors))
            if progress:
                progress(report.scores.docs)
    return report
