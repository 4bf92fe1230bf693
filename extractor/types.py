"""Result types: frozen dataclasses, each with one ``to_dict``. See ``schema.py`` for the JSON Schema."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

SCHEMA_VERSION = "1"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    first: Optional[str]
    middle: Optional[str]
    last: Optional[str]
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "first": self.first, "middle": self.middle,
                "last": self.last, "mentions": [m.to_dict() for m in self.mentions]}


@dataclass(frozen=True)
class OrgMention(Mention):
    """An organisation's mention; ``with_kind``: the same with the words for its kind before it, as FactRuEval draws
    it ("компании «Ромашка»", "ОАО «Лютик»"), where the text has them."""
    with_kind: Optional[Mention] = None

    def to_dict(self) -> dict:
        return {**super().to_dict(), "with_kind": self.with_kind.to_dict() if self.with_kind else None}


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    mentions: tuple[OrgMention, ...]
    kind: Optional[str] = None  # the word for its kind ("компания", "партия", "администрация"), nominative

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind, "mentions": [m.to_dict() for m in self.mentions]}


@dataclass(frozen=True)
class Position:
    id: str
    title: str
    start: int
    end: int
    text: str
    person: Optional[str] = None
    organisation: Optional[str] = None
    people: tuple[str, ...] = ()  # every holder of a plural title ("актёры A, B и C"); person is the first
    role: Optional[tuple[int, int, str, str]] = None  # the bare title inside: start, end, text, nominative

    def to_dict(self) -> dict:
        role = None if self.role is None else dict(zip(("start", "end", "text", "title"), self.role))
        return {"id": self.id, "title": self.title, "start": self.start, "end": self.end,
                "text": self.text, "person": self.person, "organisation": self.organisation,
                "people": list(self.people), "role": role}


@dataclass(frozen=True)
class Affiliation:
    """A person tied to an organisation by a verb or a phrase, with no title between: "возглавил", "работает в",
    "во главе с"; ``kind`` is head, works, plays (for a team) or left."""
    person: str
    organisation: str
    kind: str
    person_mention: Mention
    organisation_mention: Mention
    cue: Mention  # the words that tie them

    def to_dict(self) -> dict:
        return {"person": self.person, "organisation": self.organisation, "kind": self.kind,
                "person_mention": self.person_mention.to_dict(),
                "organisation_mention": self.organisation_mention.to_dict(), "cue": self.cue.to_dict()}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: Optional[str]
    kind: str  # date | range | duration | relative | set
    offset: Optional[str] = None  # for relative expressions: ISO 8601 offset from the article's date

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value,
                "kind": self.kind, "offset": self.offset}


@dataclass(frozen=True)
class MoneyMention:
    start: int
    end: int
    text: str
    amount: Optional[float]
    currency: Optional[str]
    currency_inferred: bool = False
    min: Optional[float] = None
    max: Optional[float] = None
    qualifier: Optional[str] = None  # approx | more | less | up_to

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "amount": _num(self.amount), "currency": self.currency,
                "currency_inferred": self.currency_inferred,
                "min": _num(self.min), "max": _num(self.max), "qualifier": self.qualifier}


def _num(x: Optional[float]):
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)


@dataclass(frozen=True)
class Result:
    people: tuple[Person, ...] = ()
    positions: tuple[Position, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    dates: tuple[DateMention, ...] = ()
    money: tuple[MoneyMention, ...] = ()
    id: Optional[str] = None
    date: Optional[str] = None  # the article's date, if given

    def to_dict(self) -> dict:
        out = {"id": self.id, "schema_version": SCHEMA_VERSION}
        if self.date:
            out["date"] = self.date
        out.update({
            "people": [p.to_dict() for p in self.people],
            "positions": [p.to_dict() for p in self.positions],
            "organisations": [o.to_dict() for o in self.organisations],
            "affiliations": [a.to_dict() for a in self.affiliations],
            "dates": [d.to_dict() for d in self.dates],
            "money": [m.to_dict() for m in self.money],
        })
        return out
