"""Scores on the dev corpora in ../shared/bench (slow: about 20 s; run with `python -m pytest -m slow`).

The floors sit just under the figures in docs/quality.md, so a change that costs quality fails here before it
lands; raise them when the scores rise.
"""
import pytest

from extractor.evaluate import evaluate

pytestmark = pytest.mark.slow

FLOORS = {  # corpus -> (table, type, measure) -> floor
    "nerel-dev": {
        ("strict", "PERSON", "f"): 0.948, ("strict", "POSITION", "f"): 0.81, ("strict", "ORG", "f"): 0.797,
        ("strict", "DATE", "f"): 0.90, ("strict", "MONEY", "f"): 0.79,
        ("relations", "WORKS_AS", "f"): 0.695, ("relations", "WORKPLACE", "f"): 0.51,
    },
    "factru-dev": {
        ("strict", "PERSON", "f"): 0.96, ("strict", "POSITION", "r"): 0.855, ("strict", "ORG", "f"): 0.64,
        ("relations", "WORKS_AS", "f"): 0.635,
    },
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_dev_scores_hold(pipeline, shared, corpus):
    path = shared / "bench" / f"{corpus}.jsonl"
    if not path.exists():
        pytest.skip("../shared/bench is not beside the checkout")
    scores = evaluate([path], pipeline=pipeline).scores
    low = []
    for (table, type_, measure), floor in FLOORS[corpus].items():
        got = getattr(getattr(scores, table)[type_], measure)
        if got < floor:
            low.append(f"{table} {type_} {measure} {got:.3f} < {floor}")
    assert not low, low
