"""Positions: titles normalised, linked to the person who holds them and to the organisation."""
from __future__ import annotations

import re
from bisect import bisect_right

from .morph import normalize_phrase
from .spans import ByStart
from .types import Position

_APPOS_AFTER = re.compile(r"^[ \u00a0]*$")                     # "губернатор области Роман Старовойт"
_APPOS_BEFORE = re.compile(r"^[ \u00a0]*(?:,|[–—-]|\()[ \u00a0]*$")  # "Ирина Таратина, первый заместитель"


def _sentence(sents, pos: int) -> tuple[int, int]:
    i = bisect_right(sents, (pos, float("inf"))) - 1
    if i >= 0 and sents[i][0] <= pos < sents[i][1]:
        return sents[i]
    return pos, pos


def build_positions(text: str, spans, people, organisations, sents) -> list[Position]:
    mentions = ByStart(((m, p.id) for p in people for m in p.mentions), key=lambda x: x[0])
    org_mentions = ByStart(((m, o.id) for o in organisations for m in o.mentions), key=lambda x: x[0])
    spans = sorted(spans, key=lambda s: s.start)
    titles = ByStart(spans)
    sents = sorted(sents)
    holders = [_holder(text, s, titles, mentions, sents) for s in spans]
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


def _holder(text, s, titles, mentions, sents):
    # apposition: the person right after the title, or right before it with a comma or dash
    near = mentions.starting(max(0, s.start - 200), s.end + 10)
    for m, pid in near:
        if m.start >= s.end and _APPOS_AFTER.match(text[s.end:m.start]):
            return pid
        if m.end <= s.start and _APPOS_BEFORE.match(text[m.end:s.start]):
            return pid
    # otherwise the nearest person in the same sentence with no other title between them
    ss, se = _sentence(sents, s.start)
    best, best_d = None, None
    for m, pid in mentions.within(ss, se):
        if m.start < s.end and s.start < m.end:
            continue
        lo, hi = (m.end, s.start) if m.end <= s.start else (s.end, m.start)
        if any(o is not s for o in titles.within(lo, hi)):
            continue
        d = hi - lo
        if best_d is None or d < best_d:
            best, best_d = pid, d
    return best


def _organisation(text, s, org_mentions):
    inside = org_mentions.within(s.start, s.end)
    if inside:
        return max(inside, key=lambda x: x[0].end - x[0].start)[1]
    for m, oid in org_mentions.starting(s.end, s.end + 2):
        if re.fullmatch(r"[ \u00a0]?", text[s.end:m.start]):
            return oid
    return None
