"""Turning documents into output records: one record (result or error) per input document, in input order,
in this process or in worker processes that each load the pipeline once."""
from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing as mp
import os
import signal
from collections import deque
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
    except Exception as exc:  # a bug must not lose the rest of a batch: report it as this document's error
        return {"id": doc.id, "error": f"internal error on this document ({type(exc).__name__}: {exc}); "
                                       f"please report it with the document"}
    out = result.to_dict()
    if doc.encoding and doc.encoding != "utf-8":
        out["encoding"] = doc.encoding
    if doc.meta:
        out["meta"] = doc.meta
    return out


# -- worker processes ---------------------------------------------------------
_worker_pipeline = None


def _init_worker(max_chars: int) -> None:
    global _worker_pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"  # one core per worker: BLAS threads would fight the other workers
    from .pipeline import Pipeline

    _worker_pipeline = Pipeline(max_chars=max_chars).load()


def _work(args: tuple[Document, str | None]) -> dict:
    doc, date = args
    return process(doc, _worker_pipeline, date)


def run(docs: Iterable[Document], pipeline=None, date: str | None = None, jobs: int = 1,
        max_chars: int = 5_000_000) -> Iterator[dict]:
    """Records for ``docs`` in input order. With ``jobs`` > 1, worker processes do the work; at most a few
    documents per worker are in flight, so memory does not grow with the input."""
    docs = iter(docs)
    head = list(itertools.islice(docs, 2))
    if len(head) < 2:
        jobs = 1  # one document: starting workers would cost more than the work
    docs = itertools.chain(head, docs)
    if jobs <= 1:
        if pipeline is None:
            from .pipeline import default_pipeline

            pipeline = default_pipeline()
            pipeline.max_chars = max_chars
        for doc in docs:
            yield process(doc, pipeline, date)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(max_chars,))
    pending: deque = deque()
    try:
        for doc in docs:
            pending.append(pool.apply_async(_work, ((doc, date),)))
            if len(pending) >= 4 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()
