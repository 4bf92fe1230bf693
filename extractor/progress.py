"""Progress on stderr: a live line on a terminal, a plain line every 30 s otherwise, a summary at the end."""
from __future__ import annotations

import sys
import time
from typing import Optional


class Progress:
    def __init__(self, total: Optional[int] = None, quiet: bool = False, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.total, self.quiet = total, quiet
        self.live = not quiet and self.stream.isatty()
        self.start = self._last = time.monotonic()
        self.docs = self.errors = 0

    def update(self, failed: bool) -> None:
        self.docs += 1
        self.errors += failed
        now = time.monotonic()
        if self.quiet or now - self._last < (0.2 if self.live else 30.0):
            return
        self._last = now
        rate = self.docs / max(now - self.start, 1e-9)
        line = f"{self.docs}" + (f"/{self.total}" if self.total else "") + f" documents, {rate:.1f} docs/s"
        if self.total and rate > 0:
            left = max(self.total - self.docs, 0) / rate
            line += f", ETA {int(left // 60)}:{int(left % 60):02d}"
        if self.errors:
            line += f", {self.errors} errors"
        self.stream.write(f"\r{line}\033[K" if self.live else line + "\n")
        self.stream.flush()

    def finish(self, interrupted: bool = False) -> None:
        if self.quiet:
            return
        took = time.monotonic() - self.start
        if self.live:
            self.stream.write("\r\033[K")
        state = "interrupted after" if interrupted else "done:"
        self.stream.write(f"extractor: {state} {self.docs} documents, {self.errors} errors, {took:.1f} s, "
                          f"{self.docs / max(took, 1e-9):.1f} docs/s\n")
        self.stream.flush()
