"""Scoring by the rules of the benchmark (shared/bench/README.md).

Per type and micro over types: strict (same start and end) and lenient (overlap of one character or
more) matching, one-to-one, greedy by largest overlap, preferring top-level gold on ties.
P = correct predictions / predictions; R = matched top-level gold / top-level gold.
Relations (lenient): a predicted (head, tail) pair is correct when a gold relation of the same type
has a head overlapping its head and a tail overlapping its tail; one-to-one.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "POSITION", "ORG", "DATE", "MONEY")
RELATION_TYPES = ("WORKS_AS", "WORKPLACE")


@dataclass
class Counts:
    pred: int = 0
    correct: int = 0  # predictions matched to any gold (top-level or nested)
    gold: int = 0  # top-level gold
    found: int = 0  # top-level gold matched

    def add(self, other: "Counts") -> None:
        self.pred += other.pred
        self.correct += other.correct
        self.gold += other.gold
        self.found += other.found

    @property
    def p(self) -> float:
        return self.correct / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def to_dict(self) -> dict:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f, 4),
                "pred": self.pred, "correct": self.correct, "gold": self.gold, "found": self.found}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def top_level(spans: list[tuple[int, int]]) -> list[bool]:
    """For each gold span: is it not strictly inside another gold span of the same type?"""
    out = []
    for i, a in enumerate(spans):
        inside = any(j != i and b != a and b[0] <= a[0] and a[1] <= b[1] for j, b in enumerate(spans))
        out.append(not inside)
    return out


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], strict: bool) -> tuple[Counts, list[int | None]]:
    """One-to-one greedy matching; returns the counts and, for each prediction, its gold index."""
    gold = list(dict.fromkeys(gold))
    tops = top_level(gold)
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = _overlap(p, g)
            if (strict and p == g) or (not strict and ov > 0):
                pairs.append((-ov, 0 if tops[j] else 1, i, j))
    pairs.sort()
    used_p, used_g, assign = set(), set(), [None] * len(pred)
    for _, _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        assign[i] = j
    c = Counts(pred=len(pred), correct=len(used_p), gold=sum(tops), found=sum(1 for j in used_g if tops[j]))
    return c, assign


def match_relations(pred: list[tuple], gold: list[tuple]) -> Counts:
    """pred/gold: ((head_start, head_end), (tail_start, tail_end)); lenient, one-to-one."""
    pred = list(dict.fromkeys(pred))
    gold = list(dict.fromkeys(gold))
    pairs = []
    for i, (ph, pt) in enumerate(pred):
        for j, (gh, gt) in enumerate(gold):
            a, b = _overlap(ph, gh), _overlap(pt, gt)
            if a and b:
                pairs.append((-(a + b), i, j))
    pairs.sort()
    used_p, used_g = set(), set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return Counts(pred=len(pred), correct=len(used_p), gold=len(gold), found=len(used_g))


@dataclass
class Scores:
    strict: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    lenient: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    relations: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    docs: int = 0

    def micro(self, table: dict[str, Counts]) -> Counts:
        total = Counts()
        for c in table.values():
            total.add(c)
        return total

    def to_dict(self) -> dict:
        def tab(t):
            d = {k: t[k].to_dict() for k in sorted(t, key=_type_order)}
            d["micro"] = self.micro(t).to_dict()
            return d
        return {"docs": self.docs, "strict": tab(self.strict), "lenient": tab(self.lenient),
                "relations": {k: self.relations[k].to_dict() for k in sorted(self.relations, key=_type_order)}}


def _type_order(t: str) -> tuple[int, str]:
    order = ENTITY_TYPES + RELATION_TYPES
    return (order.index(t) if t in order else 99, t)


def score_document(gold: dict, pred: dict, scores: Scores, errors: list | None = None) -> None:
    """gold: {'types', 'entities', 'relations'}; pred: {'entities': [...], 'relations': [...]} (same shape)."""
    scores.docs += 1
    for t in gold["types"]:
        g = [(e["start"], e["end"]) for e in gold["entities"] if e["type"] == t]
        p = list(dict.fromkeys((e["start"], e["end"]) for e in pred["entities"] if e["type"] == t))
        c, assign = match(p, g, strict=True)
        scores.strict[t].add(c)
        scores.lenient[t].add(match(p, g, strict=False)[0])
        if errors is not None:
            gold_u = list(dict.fromkeys(g))
            tops = top_level(gold_u)
            hit = {j for j in assign if j is not None}
            errors.extend(("FP", t, span) for span, j in zip(p, assign) if j is None)
            errors.extend(("FN", t, span) for j, span in enumerate(gold_u) if tops[j] and j not in hit)
    for rt in gold.get("relation_types", ()):
        gr = [(tuple(r["head"]), tuple(r["tail"])) for r in gold.get("relations", []) if r["type"] == rt]
        pr = [(tuple(r["head"]), tuple(r["tail"])) for r in pred["relations"] if r["type"] == rt]
        scores.relations[rt].add(match_relations(pr, gr))


def result_to_pred(result: dict, affiliations: bool = False, with_kind: bool = False) -> dict:
    """The project's JSON output -> scored entities and relations (rules of the benchmark README, which derive
    WORKPLACE from positions only); ``affiliations``: count each affiliation as a WORKPLACE relation too;
    ``with_kind``: an organisation's mention with the words for its kind where it has them, as FactRuEval draws it."""
    ents = []
    for p in result.get("people", []):
        ents += [{"type": "PERSON", "start": m["start"], "end": m["end"]} for m in p["mentions"]]
    for o in result.get("organisations", []):
        for m in o["mentions"]:
            m = (m.get("with_kind") or m) if with_kind else m
            ents.append({"type": "ORG", "start": m["start"], "end": m["end"]})
    for p in result.get("positions", []):
        ents.append({"type": "POSITION", "start": p["start"], "end": p["end"]})
        if p.get("role"):  # the bare title nested in it ("министр энергетики" in "министр энергетики РФ")
            ents.append({"type": "POSITION", "start": p["role"]["start"], "end": p["role"]["end"]})
    for d in result.get("dates", []):
        ents.append({"type": "DATE", "start": d["start"], "end": d["end"]})
    for m in result.get("money", []):
        ents.append({"type": "MONEY", "start": m["start"], "end": m["end"]})
    people = {p["id"]: p for p in result.get("people", [])}
    orgs = {o["id"]: o for o in result.get("organisations", [])}
    rels = []
    for pos in result.get("positions", []):
        span = (pos["start"], pos["end"])
        holders = pos.get("people") or [pos.get("person")]  # "people": every holder of a plural title
        for pid in holders:
            if pid not in people:
                continue
            head = _nearest(people[pid]["mentions"], span)
            rels.append({"type": "WORKS_AS", "head": head, "tail": span})
            if pos.get("organisation") in orgs:
                tail = _nearest(orgs[pos["organisation"]]["mentions"], span)
                rels.append({"type": "WORKPLACE", "head": head, "tail": tail})
    for a in result.get("affiliations", []) if affiliations else ():  # by a verb: "возглавил «Ромашку»"
        rel = {"type": "WORKPLACE", "head": (a["person_mention"]["start"], a["person_mention"]["end"]),
               "tail": (a["organisation_mention"]["start"], a["organisation_mention"]["end"])}
        if rel not in rels:
            rels.append(rel)
    return {"entities": ents, "relations": rels}


def _nearest(mentions: list[dict], span: tuple[int, int]) -> tuple[int, int]:
    def dist(m):
        if m["start"] < span[1] and span[0] < m["end"]:
            return 0
        return span[0] - m["end"] if m["end"] <= span[0] else m["start"] - span[1]
    m = min(mentions, key=lambda m: (dist(m), m["start"]))
    return (m["start"], m["end"])
