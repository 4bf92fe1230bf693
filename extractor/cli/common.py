"""Shared CLI helpers: errors on stderr, never a traceback for a user's mistake."""
from __future__ import annotations

import sys
from contextlib import contextmanager

import typer

from ..errors import ExtractorError


def error(message: str) -> None:
    print(f"Error: {message}", file=sys.stderr)


@contextmanager
def user_errors():
    try:
        yield
    except ExtractorError as exc:
        error(str(exc))
        raise typer.Exit(2)
