"""Turning documents into output records: one record (result or error) per input document."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator

from .errors import ExtractorError
from .io import Document


def check_date(value: str | None, where: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise ExtractorError(f"{where}: bad date {value!r}; write it as YYYY-MM-DD") from None


def process(doc: Document, pipeline, date: str | None = None) -> dict:
    """One document -> its output record. Never raises for bad input: the record carries the error."""
    if doc.error:
        return {"id": doc.id, "error": doc.error}
    try:
        when = check_date(doc.date, f"document {doc.id}") if doc.date else date
        result = pipeline(doc.text, date=when, id=doc.id)
    except ExtractorError as exc:
        return {"id": doc.id, "error": str(exc)}
    out = result.to_dict()
    if doc.encoding and doc.encoding != "utf-8":
        out["encoding"] = doc.encoding
    if doc.meta:
        out["meta"] = doc.meta
    return out


def run(docs: Iterable[Document], pipeline, date: str | None = None) -> Iterator[dict]:
    for doc in docs:
        yield process(doc, pipeline, date)
