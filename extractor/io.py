"""Reading documents: text files (encoding detected), folders, stdin and JSONL."""
from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from .errors import InputError


@dataclass
class Document:
    id: str
    text: Optional[str] = None
    date: Optional[str] = None
    meta: dict = field(default_factory=dict)
    encoding: Optional[str] = None
    error: Optional[str] = None


_RU_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
# frequent Russian letters, for telling cp1251 from koi8-r
_FREQ = set("оеаинтсрвлОЕАИНТСРВЛ")


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Bytes -> (text, encoding). UTF-8 (BOM or not), UTF-16 with BOM, cp1251 and koi8-r."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: broken UTF-16 text ({exc.reason} at byte {exc.start})") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: looks like a binary file, not text; pass UTF-8, cp1251 or koi8-r text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best = None
    for enc in ("cp1251", "koi8-r"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        letters = [ch for ch in text if ch in _RU_LETTERS]
        if not letters:
            continue
        score = sum(ch in _FREQ for ch in letters) / len(letters)
        lower = sum(ch.islower() for ch in letters) / len(letters)
        score += lower
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is None or best[0] < 0.9:
        raise InputError(f"{where}: cannot decode the text (not UTF-8: {utf8_error.reason} at byte "
                         f"{utf8_error.start}); convert it to UTF-8")
    return best[1], best[2]


def read_text_file(path: Path, shown: str, max_chars: int = 5_000_000) -> Document:
    try:
        size = path.stat().st_size
        if path.suffix != ".gz" and size > 4 * max_chars:  # more than any text of max_chars characters
            return Document(id=shown, error=f"{shown}: file too large ({size / 2**20:.0f} MiB; a document may have "
                                            f"at most {max_chars:,} characters): split it, or raise --max-chars")
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        text, enc = decode(data, shown)
        return Document(id=shown, text=text, encoding=enc)
    except InputError as exc:
        return Document(id=shown, error=str(exc))
    except (OSError, EOFError) as exc:
        return Document(id=shown, error=f"{shown}: cannot read ({exc.strerror or exc})")


def iter_paths(paths: list[str], pattern: str = "*.txt") -> Iterator[tuple[Optional[Path], str]]:
    """(path, shown id) for every input; '-' is stdin (path None). Folders are walked recursively."""
    for p in paths:
        if p == "-":
            yield None, "-"
            continue
        path = Path(p)
        if path.is_dir():
            seen: set = set()
            for root, dirs, files in os.walk(path, followlinks=True):
                real = os.path.realpath(root)
                if real in seen:  # symlink loop
                    dirs[:] = []
                    continue
                seen.add(real)
                dirs.sort()
                for name in sorted(files):
                    if Path(name).match(pattern) or (name.endswith(".gz") and Path(name[:-3]).match(pattern)):
                        yield Path(root) / name, str(Path(root) / name)
        else:
            yield path, p


def format_of(name: str, input_format: str = "auto") -> str:
    """"text" or "jsonl"; with "auto", a file named *.jsonl or *.ndjson (.gz too) is JSON Lines, anything else
    (stdin included) text."""
    if input_format != "auto":
        return input_format
    return "jsonl" if re.search(r"\.(?:jsonl|ndjson)(?:\.gz)?$", name, re.I) else "text"


def iter_documents(paths: list[str], input_format: str = "auto", id_field: str = "id",
                   text_field: str = "text", pattern: str = "*.txt", stdin=None,
                   max_chars: int = 5_000_000) -> Iterator[Document]:
    stdin = stdin if stdin is not None else sys.stdin
    for path, shown in iter_paths(paths, pattern if input_format != "jsonl" else "*.jsonl"):
        if format_of(shown, input_format) == "jsonl":
            yield from _iter_jsonl(path, shown, id_field, text_field, stdin)
        elif path is None:
            data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
            try:
                text, enc = decode(data, "<stdin>")
                yield Document(id="-", text=text, encoding=enc)
            except InputError as exc:
                yield Document(id="-", error=str(exc))
        elif not path.exists():
            yield Document(id=shown, error=f"{shown}: no such file or folder")
        elif path.is_dir():
            yield Document(id=shown, error=f"{shown}: a folder with no readable files")
        else:
            yield read_text_file(path, shown, max_chars)


def _iter_jsonl(path, shown, id_field, text_field, stdin) -> Iterator[Document]:
    try:
        if path is None:
            lines = stdin
        elif not path.exists():
            yield Document(id=shown, error=f"{shown}: no such file or folder")
            return
        else:
            opener = gzip.open if path.suffix == ".gz" else open
            lines = opener(path, "rt", encoding="utf-8-sig")
        for n, line in enumerate(lines, 1):
            if isinstance(line, bytes):
                line = line.decode("utf-8", errors="replace")
            if not line.strip():
                continue
            where = f"{shown}:{n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Document(id=where, error=f"{where}: malformed JSON ({exc.msg}, column {exc.colno})")
                continue
            if not isinstance(rec, dict):
                yield Document(id=where, error=f"{where}: expected a JSON object per line")
                continue
            doc_id = str(rec.get(id_field, where))
            text = rec.get(text_field)
            if not isinstance(text, str):
                yield Document(id=doc_id, error=f"{where}: no {text_field!r} text field "
                                                 f"(set the field's name with --text-field)")
                continue
            meta = {k: v for k, v in rec.items() if k not in (id_field, text_field, "date")}
            date = rec.get("date") if isinstance(rec.get("date"), str) else None
            yield Document(id=doc_id, text=text, date=date, meta=meta)
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        yield Document(id=shown, error=f"{shown}: cannot read ({exc})")


def count_documents(paths: list[str], input_format: str = "auto", pattern: str = "*.txt") -> Optional[int]:
    """How many documents the inputs hold, for an ETA; None when that cannot be known (stdin)."""
    total = 0
    for path, shown in iter_paths(paths, pattern if input_format != "jsonl" else "*.jsonl"):
        if path is None:
            return None
        if format_of(shown, input_format) == "text":
            total += 1
            continue
        try:
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rb") as f:
                total += sum(1 for line in f if line.strip())
        except OSError:
            total += 1
    return total
