"""Small helpers for character spans: which parts of a text are taken, and what lies in a range."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A typed stretch of text found by a model or a rule, before it becomes a result."""
    start: int
    end: int
    type: str
    source: str  # natasha | spacy | rule
    alias_of: int | None = None  # start of the span this one names again ("Томас Мейер (Thomas Meyer)")


class Coverage:
    """Characters of a text already taken by some span; checks cost the span's length, not the span count."""

    def __init__(self, length: int) -> None:
        self._taken = bytearray(length + 1)

    def free(self, start: int, end: int) -> bool:
        return not any(self._taken[start:end])

    def take(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)


def covered(text: str, spans) -> Coverage:
    """A Coverage of ``text`` with every span taken."""
    cov = Coverage(len(text))
    for s in spans:
        cov.take(s.start, s.end)
    return cov


class ByStart:
    """Items with .start/.end (or (mention, value) pairs), sorted, to find those within a range quickly."""

    def __init__(self, items, key=lambda x: x) -> None:
        self.items = sorted(items, key=lambda x: key(x).start)
        self._key = key
        self._starts = [key(x).start for x in self.items]

    def within(self, lo: int, hi: int, max_len: int = 10_000) -> list:
        """Items lying inside [lo, hi) (items longer than ``max_len`` are not looked for before lo)."""
        i = bisect_left(self._starts, lo)
        j = bisect_right(self._starts, hi)
        return [x for x in self.items[i:j] if self._key(x).end <= hi]

    def starting(self, lo: int, hi: int) -> list:
        i = bisect_left(self._starts, lo)
        j = bisect_left(self._starts, hi)
        return self.items[i:j]


# an opening quote -> its closing one
QUOTE_PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"'}


def sentence_at(sents: list[tuple[int, int]], pos: int, n: int) -> tuple[int, int]:
    """The (start, end) of the sentence of sorted ``sents`` that ``pos`` lies in, or (0, n) outside them all."""
    k = bisect_right(sents, (pos, float("inf"))) - 1
    return sents[k] if k >= 0 and sents[k][1] > pos else (0, n)


def quote_close(text: str, end: int) -> int | None:
    """Where a «quote» opened before ``end`` closes: the index just after its "»" on the same line within 100
    characters, or None."""
    close = text.find("»", end, end + 100)
    return close + 1 if close != -1 and "\n" not in text[end:close] else None


def windows(text: str, trigger: re.Pattern, before: int = 60, after: int = 80) -> list[tuple[int, int]]:
    """Stretches of ``text`` around each trigger match, merged, widened to whitespace: the only places
    worth running expensive patterns on."""
    out: list[list[int]] = []
    n = len(text)
    for m in trigger.finditer(text):
        a = max(0, m.start() - before)
        b = min(n, m.end() + after)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < n and not text[b].isspace():
            b += 1
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]
