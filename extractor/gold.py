"""Gold annotations: the bench JSONL format, BRAT standoff folders, and the project's samples/."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from .errors import GoldError
from .scoring import RELATION_TYPES, result_to_pred

NEREL_MAP = {"PERSON": "PERSON", "PROFESSION": "POSITION", "ORGANIZATION": "ORG", "DATE": "DATE",
             "MONEY": "MONEY"}


def parse_map(spec: str | None) -> dict[str, str]:
    """'PROFESSION=POSITION,ORGANIZATION=ORG' -> dict; NEREL's names by default."""
    if not spec:
        return dict(NEREL_MAP)
    out = {}
    for item in spec.split(","):
        if "=" not in item:
            raise GoldError(f"bad --map item {item!r}: write SOURCE=TARGET, e.g. PROFESSION=POSITION")
        a, b = item.split("=", 1)
        out[a.strip()] = b.strip()
    return out


def load_gold(path: Path, type_map: dict[str, str] | None = None, affiliations: bool = False) -> Iterator[dict]:
    """Yield gold documents {'id','text','types','entities','relations','relation_types','date'}; a sample's
    affiliations count as WORKPLACE relations when ``affiliations`` (as the predictions' do)."""
    if not path.exists():
        raise GoldError(f"gold not found: {path}")
    if path.is_file():
        if path.suffix == ".jsonl":
            yield from _load_jsonl(path)
        elif path.name.endswith(".gold.json"):
            yield _load_sample(path, affiliations)
        else:
            raise GoldError(f"{path}: expected a .jsonl gold file, a *.gold.json sample or a folder")
        return
    samples = sorted(path.glob("*.gold.json"))
    anns = sorted(path.rglob("*.ann"))
    if samples:
        for p in samples:
            yield _load_sample(p, affiliations)
    elif anns:
        for p in anns:
            yield _load_brat(p, type_map or dict(NEREL_MAP))
    else:
        jsonl = sorted(path.glob("*.jsonl"))
        if not jsonl:
            raise GoldError(f"{path}: no *.gold.json, *.ann or *.jsonl gold files in this folder")
        for p in jsonl:
            yield from _load_jsonl(p)


def _load_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                doc = {"id": d["id"], "text": d["text"], "types": d.get("types") or sorted({e["type"] for e in d["entities"]}),
                       "entities": d["entities"], "relations": _rel_spans(d["entities"], d.get("relations", [])),
                       "relation_types": RELATION_TYPES if "relations" in d else (), "date": d.get("date")}
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise GoldError(f"{path}:{n}: not a gold record ({exc}); see shared/bench/README.md") from exc
            yield doc


def _load_sample(path: Path, affiliations: bool = False) -> dict:
    """samples/NAME.gold.json: the hand-checked expected output (our schema) for samples/NAME.txt."""
    txt = path.with_name(path.name[: -len(".gold.json")] + ".txt")
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = txt.read_text(encoding="utf-8")
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: {exc}") from exc
    pred = result_to_pred(gold, affiliations)
    return {"id": str(txt), "text": text, "types": ["PERSON", "POSITION", "ORG", "DATE", "MONEY"],
            "entities": pred["entities"], "relations": pred["relations"],
            "relation_types": RELATION_TYPES, "date": gold.get("date"), "expected": gold}


_T = re.compile(r"^(T\d+)\t(\S+) ([\d; ]+)\t(.*)$")
_R = re.compile(r"^R\d+\t(\S+) Arg1:(T\d+) Arg2:(T\d+)")


def _load_brat(ann: Path, type_map: dict[str, str]) -> dict:
    txt = ann.with_suffix(".txt")
    try:
        text = txt.read_text(encoding="utf-8")
        lines = ann.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{ann}: {exc}") from exc
    ents, index, rels = [], {}, []
    for line in lines:
        m = _T.match(line)
        if m:
            tid, typ, offs, _ = m.groups()
            if typ not in type_map:
                continue
            pieces = [tuple(map(int, p.split())) for p in offs.split(";")]
            start, end = min(p[0] for p in pieces), max(p[1] for p in pieces)
            index[tid] = len(ents)
            ents.append({"type": type_map[typ], "start": start, "end": end, "text": text[start:end],
                         **({"discontinuous": True} if len(pieces) > 1 else {})})
    for line in lines:
        m = _R.match(line)
        if m and m.group(1) in RELATION_TYPES and m.group(2) in index and m.group(3) in index:
            rels.append({"type": m.group(1), "head": index[m.group(2)], "tail": index[m.group(3)]})
    return {"id": str(txt), "text": text, "types": sorted(set(type_map.values())), "entities": ents,
            "relations": _rel_spans(ents, rels), "relation_types": RELATION_TYPES, "date": None}


def _rel_spans(ents: list[dict], rels: list[dict]) -> list[dict]:
    """Relations by entity index -> relations by (start, end) spans, as predictions carry them."""
    return [{"type": r["type"], "head": (ents[r["head"]]["start"], ents[r["head"]]["end"]),
             "tail": (ents[r["tail"]]["start"], ents[r["tail"]]["end"])} for r in rels]
