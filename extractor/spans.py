"""Small helpers for character spans: which parts of a text are taken, and what lies in a range."""
from __future__ import annotations

from bisect import bisect_left, bisect_right


class Coverage:
    """Characters of a text already taken by some span; checks cost the span's length, not the span count."""

    def __init__(self, length: int) -> None:
        self._taken = bytearray(length + 1)

    def free(self, start: int, end: int) -> bool:
        return not any(self._taken[start:end])

    def take(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)


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
