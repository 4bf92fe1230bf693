"""People: mentions grouped into persons, names normalised to the nominative."""
from __future__ import annotations

import re

from .morph import normalize_name, parses
from .types import Mention, Person

_NAME_WORD = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]{0,3}\.|[\w][\w'’-]*")


def name_words(text: str) -> list[str]:
    return _NAME_WORD.findall(text)


def _key_forms(word: str) -> set[str]:
    w = word.lower()
    return {w} | {p.normal_form for p in parses(w)}


def group_people(text: str, spans) -> list[Person]:
    """Join every mention of the same person: full names first, then surname- or first-name-only ones."""
    parsed = []
    for s in spans:
        mtext = text[s.start:s.end]
        words = name_words(mtext)
        if not words or not any(ch.isalpha() for ch in mtext):
            continue
        words_for_norm = [w for w in words if not w.endswith(".")]
        initials = [w for w in words if w.endswith(".")]
        if words_for_norm:
            parts, _ = normalize_name(words_for_norm)
        else:
            parts = {"first": None, "middle": None, "last": None}
        if initials and parts["first"] is None:
            parts["first"] = initials[0]
        parsed.append((s, mtext, parts))

    people: list[dict] = []

    def find(parts) -> dict | None:
        last, first = parts["last"], parts["first"]
        for p in people:
            if last and p["last"]:
                if last.lower() == p["last"].lower() or p["last"].lower() in _key_forms(last):
                    if not first or not p["first"] or _same_first(first, p["first"]):
                        return p
            elif not last and first and p["first"] and not p["last"] and first == p["first"]:
                return p
        if not last and first:  # first name only: the single person with that first name
            cands = [p for p in people if p["first"] and _same_first(first, p["first"])]
            if len(cands) == 1:
                return cands[0]
        return None

    # full names first, so that short mentions join them whatever the order in the text
    order = sorted(range(len(parsed)), key=lambda i: (-sum(v is not None for v in parsed[i][2].values()), i))
    slots: dict[int, dict] = {}
    for i in order:
        s, mtext, parts = parsed[i]
        p = find(parts)
        if p is None:
            p = {"first": parts["first"], "middle": parts["middle"], "last": parts["last"], "mentions": []}
            people.append(p)
        else:
            for k in ("first", "middle", "last"):
                cur = p[k]
                if parts[k] and (cur is None or (cur.endswith(".") and not parts[k].endswith("."))):
                    p[k] = parts[k]
        p["mentions"].append(Mention(s.start, s.end, mtext))
        slots[i] = p
    people.sort(key=lambda p: min(m.start for m in p["mentions"]))
    out = []
    for n, p in enumerate(people, 1):
        name = " ".join(x for x in (p["first"], p["middle"], p["last"]) if x)
        out.append(Person(f"person-{n}", name, p["first"], p["middle"], p["last"],
                          tuple(sorted(p["mentions"], key=lambda m: m.start))))
    return out


def _same_first(a: str, b: str) -> bool:
    if a.endswith(".") or b.endswith("."):
        return a.rstrip(".")[:1].lower() == b.rstrip(".")[:1].lower() and \
            (b.lower().startswith(a.rstrip(".").lower()) or a.lower().startswith(b.rstrip(".").lower()))
    return a.lower() == b.lower()
