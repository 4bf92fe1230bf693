import json
import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer

from ..batch import check_date, run
from ..io import iter_documents
from . import app
from .common import error, user_errors


@app.command("extract")
def extract_command(
    paths: List[str] = typer.Argument(..., help="Text files, folders (every *.txt below) or - for stdin."),
    input_format: str = typer.Option("text", "--input-format", help="text or jsonl (one {id, text} object a line)."),
    id_field: str = typer.Option("id", "--id-field", help="JSONL field holding the document id."),
    text_field: str = typer.Option("text", "--text-field", help="JSONL field holding the text."),
    date: Optional[str] = typer.Option(None, "--date", help="The article's date, YYYY-MM-DD, to resolve relative dates."),
    jsonl: bool = typer.Option(False, "--jsonl", help="JSON Lines even for a single document."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    pattern: str = typer.Option("*.txt", "--pattern", help="Which files to take from folders."),
) -> None:
    """Extract people, positions, organisations, dates and money as JSON."""
    with user_errors():
        if input_format not in ("text", "jsonl"):
            raise typer.BadParameter("use text or jsonl", param_hint="--input-format")
        date = check_date(date, "--date")
        from ..pipeline import default_pipeline

        docs = iter_documents(paths, input_format, id_field, text_field, pattern)
        records = run(docs, default_pipeline(), date)
        failed = write_records(records, output, jsonl)
    if failed:
        raise typer.Exit(1)


def write_records(records, output: Optional[Path], jsonl: bool) -> int:
    """Write records; a single document is one JSON object, several are JSON Lines. Returns the failures."""
    failed = 0
    tmp = None
    if output:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=str(output.parent or "."))
        out = os.fdopen(fd, "w", encoding="utf-8")
    else:
        out = sys.stdout
    try:
        first = next(records, None)
        second = next(records, None) if first is not None else None
        single = first is not None and second is None and not jsonl
        for rec in ([first] if first else []) + ([second] if second else []):
            failed += _write(out, rec, single)
        for rec in records:
            failed += _write(out, rec, False)
        out.flush()
    finally:
        if output:
            out.close()
            os.replace(tmp, output)
    return failed


def _write(out, rec: dict, pretty: bool) -> int:
    if "error" in rec:
        error(rec["error"])
    out.write(json.dumps(rec, ensure_ascii=False, indent=2 if pretty else None) + "\n")
    return "error" in rec
