import json
import re
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import ExtractorError
from ..evaluate import evaluate
from ..gold import parse_map
from . import app
from .common import user_errors


@app.command("eval")
def eval_command(
    gold: List[Path] = typer.Argument(..., help="Gold: samples/ folder, bench JSONL file, or BRAT folder (.txt + .ann)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score this saved `extractor extract --jsonl` output instead of running the pipeline."),
    type_map: Optional[str] = typer.Option(None, "--map", help="BRAT type map, e.g. PROFESSION=POSITION,ORGANIZATION=ORG (NEREL's by default)."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable scores on stdout."),
    errors: bool = typer.Option(False, "--errors", help="List every false positive and false negative with its sentence."),
    fail_under: Optional[str] = typer.Option(None, "--fail-under", help="TYPE=F1,... floors on strict F1; exit 1 if any is below."),
    html: Optional[Path] = typer.Option(None, "--html", help="Write a self-contained HTML report here."),
    affiliations: bool = typer.Option(False, "--affiliations", help="Count affiliations (\"возглавил «Ромашку»\") as WORKPLACE relations too; the benchmark's rules derive WORKPLACE from positions only."),
    with_kind: bool = typer.Option(False, "--with-kind", help="Score organisations' mentions with the words for their kind (\"компании «Ромашка»\") where they have them, as FactRuEval draws them; NEREL leaves them out."),
) -> None:
    """Score extraction against gold annotations: strict and lenient P/R/F1 per type, and relations."""
    with user_errors():
        floors = parse_floors(fail_under)
        report = evaluate(gold, pred, parse_map(type_map), keep_docs=errors or bool(html),
                          progress=_progress if sys.stderr.isatty() else None, affiliations=affiliations,
                          with_kind=with_kind)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        scores = report.to_dict()
        if as_json:
            print(json.dumps(scores, ensure_ascii=False, indent=2))
        else:
            print(format_table(scores))
        if errors:
            print(format_errors(report))
        if html:
            from ..report import write_html

            write_html(report, html)
        failed = check_floors(scores, floors)
    for msg in failed:
        print(f"Error: {msg}", file=sys.stderr)
    if failed:
        raise typer.Exit(1)


def _progress(n: int) -> None:
    print(f"\r{n} documents", end="", file=sys.stderr)


def parse_floors(spec: Optional[str]) -> dict[str, float]:
    floors = {}
    for item in (spec or "").split(","):
        if not item.strip():
            continue
        m = re.fullmatch(r"\s*([A-Za-z_]+)\s*=\s*([0-9.]+)\s*", item)
        if not m:
            raise ExtractorError(f"bad --fail-under item {item!r}: write TYPE=F1, e.g. PERSON=0.9")
        floors[m.group(1).upper()] = float(m.group(2))
    return floors


def check_floors(scores: dict, floors: dict[str, float]) -> list[str]:
    out = []
    for t, floor in floors.items():
        row = scores["strict"].get(t) or scores["relations"].get(t) or (scores["strict"]["micro"] if t == "MICRO" else None)
        if row is None:
            out.append(f"--fail-under {t}: no such type in the gold")
        elif row["f1"] < floor:
            out.append(f"{t} F1 {row['f1']:.3f} is below the floor {floor:.3f}")
    return out


def format_table(scores: dict) -> str:
    lines = [f"{scores['docs']} documents", "",
             f"{'type':<10} {'strict P':>8} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}   {'gold':>5} {'pred':>5}"]
    for t, s in scores["strict"].items():
        le = scores["lenient"][t]
        lines.append(f"{t:<10} {s['p']:>8.3f} {s['r']:>6.3f} {s['f1']:>6.3f}   {le['p']:>9.3f} {le['r']:>6.3f} "
                     f"{le['f1']:>6.3f}   {s['gold']:>5} {s['pred']:>5}")
    if scores["relations"]:
        lines += ["", f"{'relation':<10} {'P':>8} {'R':>6} {'F1':>6}   {'gold':>5} {'pred':>5}"]
        for t, s in scores["relations"].items():
            lines.append(f"{t:<10} {s['p']:>8.3f} {s['r']:>6.3f} {s['f1']:>6.3f}   {s['gold']:>5} {s['pred']:>5}")
    return "\n".join(lines)


def format_errors(report) -> str:
    groups: dict[str, list[str]] = {}
    for doc in report.docs:
        for kind, t, (s, e) in doc.errors:
            sent_s = max(doc.text.rfind("\n", 0, s), doc.text.rfind(". ", 0, s) + 1, 0)
            sent_e = min(x for x in (doc.text.find("\n", e), doc.text.find(". ", e), len(doc.text)) if x >= 0)
            ctx = (doc.text[sent_s:s] + "[" + doc.text[s:e] + "]" + doc.text[e:sent_e]).strip().replace("\n", " ")
            groups.setdefault(t, []).append(f"  {kind} {doc.id} {s}-{e} {doc.text[s:e]!r}: {ctx}")
    out = []
    for t in sorted(groups):
        out.append(f"\n== {t}: {sum(1 for l in groups[t] if l.startswith('  FP'))} false positives, "
                   f"{sum(1 for l in groups[t] if l.startswith('  FN'))} false negatives")
        out += sorted(groups[t], key=lambda l: l[2:4])
    return "\n".join(out)
