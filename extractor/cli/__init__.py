"""The Typer app: one command per module."""
from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="People, positions, organisations, who works where, dates and money from Russian news, as JSON.")

from . import evaluate as _evaluate  # noqa: E402,F401  (registers commands)
from . import extract as _extract  # noqa: E402,F401
from . import schema as _schema  # noqa: E402,F401


def main() -> None:
    app()
