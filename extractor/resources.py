"""Where the shipped resources live: ``models/`` in the repo, installed as the ``extractor.models`` package."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .errors import ModelError


@lru_cache(maxsize=1)
def models_dir() -> Path:
    try:
        from importlib.resources import files

        path = Path(str(files("extractor.models")))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    path = Path(__file__).resolve().parent.parent / "models"
    if not path.is_dir():
        raise ModelError("the models/ folder is missing: reinstall the package with `pip install .`")
    return path


def resource(name: str) -> Path:
    path = models_dir() / name
    if not path.exists():
        raise ModelError(f"missing pipeline resource {name!r} in {models_dir()}: reinstall the package")
    return path


@lru_cache(maxsize=None)
def lexicon(name: str) -> frozenset[str]:
    """A word list: one entry a line, '#' comments; read once."""
    lines = resource(name).read_text(encoding="utf-8").splitlines()
    return frozenset(l.strip().lower() for l in lines if l.strip() and not l.startswith("#"))
