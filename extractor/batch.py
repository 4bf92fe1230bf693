"""Turning documents into output records: one record (result or error) per input document, in input order,
in this process or in worker processes that each load the pipeline once."""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from typing import Iterable, Iterator

from .dates import parse_anchor
from .errors import ExtractorError
from .io import Document


def check_date(value: str | None, where: str) -> str | None:
    """An article date as YYYY-MM-DD, or an error that says where the bad one came from."""
    try:
        anchor = parse_anchor(value)
    except ExtractorError as exc:
        raise ExtractorError(f"{where}: {exc}") from None
    return anchor.isoformat() if anchor else None


def process(doc: Document, pipeline, date: str | None = None) -> dict:
    """One document -> its output record. Never raises for bad input: the record carries the error."""
    return process_batch([doc], pipeline, date)[0]


def process_batch(docs: list[Document], pipeline, date: str | None = None) -> list[dict]:
    """Documents -> their records, the models running on the whole batch."""
    records: list[dict | None] = [None] * len(docs)
    items, where = [], []
    for i, doc in enumerate(docs):
        if doc.error:
            records[i] = {"id": doc.id, "error": doc.error}
            continue
        try:
            when = check_date(doc.date, f"document {doc.id}") if doc.date else date
        except ExtractorError as exc:
            records[i] = {"id": doc.id, "error": str(exc)}
            continue
        items.append((doc.text, when, doc.id))
        where.append(i)
    try:
        results = pipeline.pipe(items)
    except Exception:  # noqa: BLE001  a bug on one document must not take the batch with it
        if len(items) == 1:
            results = [_internal_error()]
        else:
            return [process(doc, pipeline, date) for doc in docs]
    for i, res in zip(where, results):
        doc = docs[i]
        if isinstance(res, Exception):
            records[i] = {"id": doc.id, "error": str(res)}
            continue
        out = res.to_dict()
        if doc.encoding and doc.encoding != "utf-8":
            out["encoding"] = doc.encoding
        if doc.meta:
            out["meta"] = doc.meta
        records[i] = out
    return records


def _internal_error() -> ExtractorError:
    exc_type, exc, _ = sys.exc_info()
    return ExtractorError(f"internal error on this document ({exc_type.__name__}: {exc}); "
                          f"please report it with the document")


# -- worker processes ---------------------------------------------------------
_worker_pipeline = None


def _init_worker(max_chars: int) -> None:
    global _worker_pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"  # one core per worker: BLAS threads would fight the other workers
    if _worker_pipeline is None:  # a spawned worker; a forked one has its parent's, loaded before the fork
        from .pipeline import Pipeline

        _worker_pipeline = Pipeline(max_chars=max_chars).load()


def _work(args: tuple[list[Document], str | None]) -> list[dict]:
    docs, date = args
    return process_batch(docs, _worker_pipeline, date)


BATCH = 8


def _batches(docs: Iterable[Document], size: int = BATCH) -> Iterator[list[Document]]:
    """Batches of documents, never more than ``size`` documents or about 100,000 characters."""
    batch, chars = [], 0
    for doc in docs:
        batch.append(doc)
        chars += len(doc.text or "")
        if len(batch) >= size or chars > 100_000:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def run(docs: Iterable[Document], pipeline=None, date: str | None = None, jobs: int = 1,
        max_chars: int = 5_000_000) -> Iterator[dict]:
    """Records for ``docs`` in input order. With ``jobs`` > 1, worker processes do the work; at most a few
    documents per worker are in flight, so memory does not grow with the input."""
    docs = iter(docs)
    head = list(itertools.islice(docs, 2))
    if len(head) < 2:
        jobs = 1  # one document: starting workers would cost more than the work
    docs = itertools.chain(head, docs)
    fork = "fork" in mp.get_all_start_methods()
    if pipeline is None and (jobs <= 1 or fork):
        from .pipeline import default_pipeline

        pipeline = default_pipeline()
        pipeline.max_chars = max_chars
    if jobs <= 1:
        for batch in _batches(docs):
            yield from process_batch(batch, pipeline, date)
        return
    global _worker_pipeline
    if fork:  # loaded once, here: forked workers share the models' memory with this process and start at once
        _worker_pipeline = pipeline.load()
    pool = mp.get_context("fork" if fork else "spawn").Pool(jobs, initializer=_init_worker, initargs=(max_chars,))
    pending: deque = deque()
    try:
        for batch in _batches(docs):
            pending.append(pool.apply_async(_work, ((batch, date),)))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()
