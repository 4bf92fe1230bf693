"""The pipeline: natasha (razdel + slovnet NER) and our spaCy NER, combined and post-processed by rules."""
from __future__ import annotations

import datetime as dt
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from .dates import find_dates, parse_anchor
from .errors import ExtractorError, ModelError
from .money import find_money
from .people import group_people
from .positions import build_positions
from .orgs import group_orgs, grow_over_place, orgs_inside
from .resources import resource
from .types import Result


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    source: str  # natasha | spacy | rule


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


class Pipeline:
    """Loads the models once (lazily, on first use) and processes many texts."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._natasha = None
        self._spacy = None

    # -- models -------------------------------------------------------------
    def _load(self) -> None:
        with self._lock:
            if self._natasha is None:
                import yargy  # noqa: F401  (patches pymorphy2 for Python >= 3.11 before natasha imports it)
                from natasha import NewsEmbedding, NewsNERTagger, Segmenter

                self._natasha = (Segmenter(), NewsNERTagger(NewsEmbedding()))
            if self._spacy is None:
                import spacy

                try:
                    self._spacy = spacy.load(resource("ner"))
                except (OSError, ValueError) as exc:
                    raise ModelError(f"cannot load the NER model in models/ner: {exc}") from exc

    def load(self) -> "Pipeline":
        self._load()
        return self

    # -- processing ---------------------------------------------------------
    def ner(self, text: str) -> tuple[list[Span], list[tuple[int, int]]]:
        """Raw spans from both models, and sentence boundaries."""
        self._load()
        from natasha import Doc

        segmenter, tagger = self._natasha
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        spans = [Span(s.start, s.stop, {"PER": "PERSON"}.get(s.type, s.type), "natasha") for s in doc.spans]
        sents = [(s.start, s.stop) for s in doc.sents]
        sdoc = self._spacy(text)
        spans += [Span(e.start_char, e.end_char, e.label_, "spacy") for e in sdoc.ents]
        return spans, sents

    def __call__(self, text: str, date: str | dt.date | None = None, id: str | None = None) -> Result:
        if not isinstance(text, str):
            raise ExtractorError(f"expected text as str, got {type(text).__name__}")
        anchor = date if isinstance(date, dt.date) else parse_anchor(date)
        if not text.strip():
            return Result(id=id, date=anchor.isoformat() if anchor else None)
        spans, sents = self.ner(text)
        persons = combine_persons(spans)
        orgs = combine_orgs(text, spans)
        positions = [s for s in spans if s.type == "POSITION" and s.source == "spacy"]
        dates = find_dates(text, anchor)
        money = find_money(text)
        people = group_people(text, persons)
        organisations = group_orgs(text, orgs)
        pos = build_positions(text, positions, people, organisations, sents)
        return Result(people=tuple(people), positions=tuple(pos), organisations=tuple(organisations),
                      dates=tuple(dates), money=tuple(money), id=id,
                      date=anchor.isoformat() if anchor else None)


def combine_persons(spans: list[Span]) -> list[Span]:
    nat = [s for s in spans if s.type == "PERSON" and s.source == "natasha"]
    extra = [s for s in spans if s.type == "PERSON" and s.source == "spacy" and not any(_overlaps(s, n) for n in nat)]
    return sorted(nat + extra, key=lambda s: s.start)


def combine_orgs(text: str, spans: list[Span]) -> list[Span]:
    """spaCy's organisations, natasha's where spaCy has none, and rules for what both miss."""
    nat = [s for s in spans if s.type == "ORG" and s.source == "natasha"]
    out = [s for s in spans if s.type == "ORG" and s.source == "spacy"]
    out += [n for n in nat if not any(_overlaps(n, s) for s in out)]
    for loc in (s for s in spans if s.type == "LOC"):
        grown = grow_over_place(text, loc)
        if grown and not any(o.start < grown[1] and grown[0] < o.end for o in out):
            out.append(Span(grown[0], grown[1], "ORG", "rule"))
    for pos in (s for s in spans if s.type == "POSITION" and s.source == "spacy"):
        inner = orgs_inside(text, pos)
        if inner and not any(o.start < inner[1] and inner[0] < o.end for o in out):
            out.append(Span(inner[0], inner[1], "ORG", "rule"))
    return sorted(out, key=lambda s: s.start)


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text: str, date: str | dt.date | None = None) -> Result:
    """Extract people, positions, organisations, dates and money from one text."""
    return default_pipeline()(text, date=date)
