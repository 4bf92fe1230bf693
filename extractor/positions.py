"""Positions: titles normalised, linked to the person who holds them and to the organisation."""
from __future__ import annotations

import re

from .morph import normalize_phrase
from .types import Position

_APPOS_AFTER = re.compile(r"^[ \u00a0]*$")                     # "губернатор области Роман Старовойт"
_APPOS_BEFORE = re.compile(r"^[ \u00a0]*(?:,|[–—-]|\()[ \u00a0]*$")  # "Ирина Таратина, первый заместитель"


def _sentence(sents, pos: int) -> tuple[int, int]:
    for s, e in sents:
        if s <= pos < e:
            return s, e
    return pos, pos


def build_positions(text: str, spans, people, organisations, sents) -> list[Position]:
    mentions = sorted(((m, p.id) for p in people for m in p.mentions), key=lambda x: x[0].start)
    org_mentions = sorted(((m, o.id) for o in organisations for m in o.mentions), key=lambda x: x[0].start)
    spans = sorted(spans, key=lambda s: s.start)
    holders = [_holder(text, s, spans, mentions, sents) for s in spans]
    for i in list(range(1, len(spans))) + list(range(len(spans) - 2, -1, -1)):
        # "Иван Петров, профессор, академик": a list of titles shares its holder, both ways
        j = i - 1 if i > 0 and holders[i - 1] and _LIST_GAP.match(text[spans[i - 1].end:spans[i].start]) else \
            i + 1 if i + 1 < len(spans) and holders[i + 1] and _LIST_GAP.match(text[spans[i].end:spans[i + 1].start]) \
            else None
        if holders[i] is None and j is not None:
            holders[i] = holders[j]
    out = []
    for n, (s, person) in enumerate(zip(spans, holders), 1):
        org = _organisation(text, s, org_mentions)
        mtext = text[s.start:s.end]
        out.append(Position(f"position-{n}", _title(mtext), s.start, s.end, mtext, person, org))
    return out


_LIST_GAP = re.compile(r"^[ \u00a0]*(?:,|и|,[ \u00a0]*а[ \u00a0]+также)[ \u00a0]*$")


def _title(text: str) -> str:
    """'Губернатора Воронежской области' -> 'губернатор Воронежской области': nominative, lower-case start."""
    title = normalize_phrase(text)
    if title[:1].isupper() and title[1:2].islower():
        title = title[0].lower() + title[1:]
    return title


def _holder(text, s, spans, mentions, sents):
    # apposition: the person right after the title, or right before it with a comma or dash
    for m, pid in mentions:
        if m.start >= s.end and _APPOS_AFTER.match(text[s.end:m.start]):
            return pid
        if m.end <= s.start and _APPOS_BEFORE.match(text[m.end:s.start]):
            return pid
    # otherwise the nearest person in the same sentence with no other title between them
    ss, se = _sentence(sents, s.start)
    best, best_d = None, None
    for m, pid in mentions:
        if m.end <= ss or m.start >= se or (m.start < s.end and s.start < m.end):
            continue
        lo, hi = (m.end, s.start) if m.end <= s.start else (s.end, m.start)
        if any(o is not s and o.start >= lo and o.end <= hi for o in spans):
            continue
        d = hi - lo
        if best_d is None or d < best_d:
            best, best_d = pid, d
    return best


def _organisation(text, s, org_mentions):
    inside = [(m, oid) for m, oid in org_mentions if m.start >= s.start and m.end <= s.end]
    if inside:
        return max(inside, key=lambda x: x[0].end - x[0].start)[1]
    for m, oid in org_mentions:
        if m.start >= s.end and re.fullmatch(r"[ \u00a0]?", text[s.end:m.start]):
            return oid
    return None
