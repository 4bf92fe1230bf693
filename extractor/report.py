"""A self-contained HTML page: gold and predicted spans side by side, misses and false alarms marked."""
from __future__ import annotations

import html
from pathlib import Path

from .errors import ExtractorError

COLORS = {"PERSON": "#cfe8ff", "POSITION": "#ffe2b8", "ORG": "#d6f5d6", "DATE": "#f0d9ff", "MONEY": "#fff3a8"}
CSS = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table.scores{border-collapse:collapse;margin-bottom:1.5em}
table.scores td,table.scores th{border:1px solid #bbb;padding:.2em .6em;text-align:right}
.doc{border-top:2px solid #888;margin-top:1.5em;padding-top:.5em}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.text{white-space:pre-wrap;line-height:1.7;font-size:14px}
mark{border-radius:3px;padding:0 1px}
mark.miss{outline:2px solid #d00}
mark.false{outline:2px dashed #d00}
sup{font-size:9px;color:#555}
.legend span{margin-right:1em;padding:0 .3em}
"""


def _render(text: str, spans: list[dict], bad: set[tuple[str, int, int]], cls: str) -> str:
    """Text with top-level spans highlighted (nested ones are folded into their parent)."""
    spans = sorted(spans, key=lambda e: (e["start"], -e["end"]))
    out, pos = [], 0
    for e in spans:
        if e["start"] < pos:
            continue
        out.append(html.escape(text[pos:e["start"]]))
        mark_cls = cls if (e["type"], e["start"], e["end"]) in bad else ""
        out.append(f'<mark class="{mark_cls}" style="background:{COLORS.get(e["type"], "#eee")}" '
                   f'title="{e["type"]}">{html.escape(text[e["start"]:e["end"]])}<sup>{e["type"]}</sup></mark>')
        pos = e["end"]
    out.append(html.escape(text[pos:]))
    return "".join(out)


def render_html(report) -> str:
    s = report.to_dict()
    rows = "".join(
        f"<tr><th>{t}</th><td>{v['p']:.3f}</td><td>{v['r']:.3f}</td><td>{v['f1']:.3f}</td>"
        f"<td>{s['lenient'][t]['p']:.3f}</td><td>{s['lenient'][t]['r']:.3f}</td><td>{s['lenient'][t]['f1']:.3f}</td>"
        f"<td>{v['gold']}</td><td>{v['pred']}</td></tr>" for t, v in s["strict"].items())
    rel = "".join(f"<tr><th>{t}</th><td>{v['p']:.3f}</td><td>{v['r']:.3f}</td><td>{v['f1']:.3f}</td>"
                  f"<td colspan=3></td><td>{v['gold']}</td><td>{v['pred']}</td></tr>" for t, v in s["relations"].items())
    legend = "".join(f'<span style="background:{c}">{t}</span>' for t, c in COLORS.items())
    docs = []
    for d in report.docs:
        fn = {(t, a, b) for k, t, (a, b) in d.errors if k == "FN"}
        fp = {(t, a, b) for k, t, (a, b) in d.errors if k == "FP"}
        docs.append(
            f'<div class="doc"><h3>{html.escape(d.id)} <small>{len(fn)} missed, {len(fp)} false</small></h3>'
            f'<div class="cols"><div><h4>gold</h4><div class="text">{_render(d.text, d.gold, fn, "miss")}</div></div>'
            f'<div><h4>predicted</h4><div class="text">{_render(d.text, d.pred, fp, "false")}</div></div></div></div>')
    return (f"<!doctype html><html lang=ru><head><meta charset=utf-8><title>extractor eval</title>"
            f"<style>{CSS}</style></head><body><h1>extractor eval: {s['docs']} documents</h1>"
            f"<table class=scores><tr><th>type</th><th>strict P</th><th>R</th><th>F1</th><th>lenient P</th>"
            f"<th>R</th><th>F1</th><th>gold</th><th>pred</th></tr>{rows}{rel}</table>"
            f"<p class=legend>{legend} <mark class=miss>missed gold</mark> <mark class=false>false alarm</mark></p>"
            + "".join(docs) + "</body></html>")


def write_html(report, path: Path) -> None:
    try:
        Path(path).write_text(render_html(report), encoding="utf-8")
    except OSError as exc:
        raise ExtractorError(f"cannot write {path}: {exc.strerror}") from exc
