import os
from pathlib import Path
from typing import List, Optional

import typer

from ..batch import check_date, run
from ..io import count_documents, iter_documents
from ..output import RecordWriter
from ..progress import Progress
from . import app
from .common import error, user_errors


@app.command("extract")
def extract_command(
    paths: List[str] = typer.Argument(..., help="Text or JSONL files (.gz too), folders (every *.txt below) or - for stdin."),
    input_format: str = typer.Option("auto", "--input-format",
                                     help="text, jsonl (one {id, text} object a line) or auto: jsonl for *.jsonl and "
                                          "*.ndjson files (.gz too), text otherwise."),
    id_field: str = typer.Option("id", "--id-field", help="JSONL field holding the document id."),
    text_field: str = typer.Option("text", "--text-field", help="JSONL field holding the text."),
    date: Optional[str] = typer.Option(None, "--date", help="The article's date, YYYY-MM-DD, to resolve relative dates."),
    jsonl: bool = typer.Option(False, "--jsonl", help="JSON Lines even for a single document."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here (via FILE.part, renamed at the end)."),
    resume: bool = typer.Option(False, "--resume", help="Skip the documents whose ids are already in --output."),
    pattern: str = typer.Option("*.txt", "--pattern", help="Which files to take from folders (glob)."),
    jobs: int = typer.Option(os.cpu_count() or 1, "-j", "--jobs", help="Worker processes (default: the number of cores)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress and no summary on stderr."),
    max_chars: int = typer.Option(5_000_000, "--max-chars", help="Longest document accepted (characters)."),
) -> None:
    """Extract people, positions, organisations, who works where, dates and money as JSON."""
    with user_errors():
        if input_format not in ("auto", "text", "jsonl"):
            raise typer.BadParameter("use auto, text or jsonl", param_hint="--input-format")
        if jobs < 1:
            raise typer.BadParameter("must be 1 or more", param_hint="--jobs")
        date = check_date(date, "--date")
        writer = RecordWriter(output, jsonl=jsonl, resume=resume)
        docs = iter_documents(paths, input_format, id_field, text_field, pattern, max_chars=max_chars)
        if writer.done:
            docs = (d for d in docs if d.id not in writer.done)
        progress = Progress(quiet=quiet)
        if progress.live:
            progress.total = count_documents(paths, input_format, pattern)
            progress.total = progress.total - len(writer.done) if progress.total else None
        records = run(docs, date=date, jobs=jobs, max_chars=max_chars)
        try:
            for rec in records:
                if "error" in rec:
                    error(rec["error"])
                writer.write(rec)
                progress.update("error" in rec)
        except KeyboardInterrupt:
            records.close()
            writer.close()
            progress.finish(interrupted=True)
            raise typer.Exit(130)
        writer.close()
        progress.finish()
    if writer.failed:
        raise typer.Exit(1)
