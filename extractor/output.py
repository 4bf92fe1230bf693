"""Writing records: stdout or an output file written through FILE.part and renamed at the end, resumable."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, Optional

from .errors import ExtractorError


def part_path(output: Path) -> Path:
    return output.with_name(output.name + ".part")


def _complete_records(path: Path) -> list[str]:
    """The whole JSON lines of a file; a torn last line (a run killed mid-write) is dropped."""
    if not path.exists():
        return []
    lines = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.endswith("\n"):
                break
            try:
                json.loads(line)
            except json.JSONDecodeError:
                break
            lines.append(line)
    return lines


def _record_id(line: str) -> str:
    return str(json.loads(line).get("id"))


class RecordWriter:
    """One JSON object per document. A single document to stdout is pretty-printed; otherwise JSON Lines.

    With an output file, records go to FILE.part, flushed one by one, and FILE.part becomes FILE when the run
    ends (also after Ctrl-C). ``resume`` keeps what an earlier run finished (in FILE and in a FILE.part left by
    a killed run) and reports those ids in ``done``, so the caller skips them.
    """

    def __init__(self, output: Optional[Path], jsonl: bool = False, resume: bool = False) -> None:
        self.output, self.jsonl = output, jsonl
        self.done: set[str] = set()
        self.failed = 0
        self.written = 0
        self._pending: Optional[dict] = None
        self._count = 0
        if resume and output is None:
            raise ExtractorError("--resume needs -o/--output: it continues that file")
        if output is None:
            self._out: IO[str] = sys.stdout
            return
        if output.parent and not output.parent.exists():
            raise ExtractorError(f"cannot write {output}: folder {output.parent} does not exist")
        part = part_path(output)
        kept: list[str] = []
        if resume:
            seen = set()
            for line in _complete_records(output) + _complete_records(part):
                rid = _record_id(line)
                if rid not in seen:
                    seen.add(rid)
                    kept.append(line)
            self.done = seen
        try:
            self._out = part.open("w", encoding="utf-8")
        except OSError as exc:
            raise ExtractorError(f"cannot write {part}: {exc.strerror}") from exc
        self._out.writelines(kept)
        self._out.flush()
        self.jsonl = True  # a file is always JSON Lines

    def write(self, rec: dict) -> None:
        if "error" in rec:
            self.failed += 1
        if self.output is None and not self.jsonl:
            # hold the first record back: a lone document prints as one indented object
            self._count += 1
            if self._count == 1:
                self._pending = rec
                return
            if self._pending is not None:
                self._emit(self._pending, pretty=False)
                self._pending = None
        self._emit(rec, pretty=False)

    def _emit(self, rec: dict, pretty: bool) -> None:
        self._out.write(json.dumps(rec, ensure_ascii=False, indent=2 if pretty else None) + "\n")
        self._out.flush()
        self.written += 1

    def close(self) -> None:
        if self._pending is not None:
            self._emit(self._pending, pretty=True)
            self._pending = None
        if self.output is not None:
            self._out.flush()
            os.fsync(self._out.fileno())
            self._out.close()
            os.replace(part_path(self.output), self.output)
