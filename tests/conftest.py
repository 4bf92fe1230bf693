from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from extractor import Pipeline

    return Pipeline().load()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the checkout: the seed article and the bench corpora."""
    return SHARED


@pytest.fixture(scope="session")
def seed_text():
    path = SHARED / "seed" / "kursk-belarus.txt"
    if not path.exists():
        pytest.skip("../shared/seed is not beside the checkout")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_result(pipeline, seed_text):
    return pipeline(seed_text).to_dict()
