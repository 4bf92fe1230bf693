"""Organisations: boundaries grown by rules, names normalised, mentions grouped."""
from __future__ import annotations

import re

from .morph import normalize_phrase, parses
from .resources import lexicon
from .spans import quote_close
from .types import Mention, Organisation

_WORD = re.compile(r"[А-Яа-яЁё]+")


def org_heads() -> frozenset[str]:
    return lexicon("org_heads.txt")


def is_org_head(word: str) -> bool:
    heads = org_heads()
    w = word.lower()
    return w in heads or any(p.normal_form in heads for p in parses(w)[:2])


def orgs_inside(text: str, span) -> tuple[int, int] | None:
    """The organisation inside a position: 'заместитель председателя [комитета по экономике ...]'."""
    end = span.end
    if text[span.start:end].count("«") > text[span.start:end].count("»"):  # "редактор радиостанции «Говорит"
        end = quote_close(text, end) or end
    words = list(_WORD.finditer(text, span.start, end))
    for m in words[1:]:
        if is_org_head(m.group()):
            inside = text[m.start():end]
            return (m.start(), end) if inside.count("«") == inside.count("»") else None
    return None


def grow_over_place(text: str, loc) -> tuple[int, int] | None:
    """'Администрация' + 'Курской области' -> one organisation."""
    m = re.search(r"([А-Яа-яЁё]+)\s+$", text[max(0, loc.start - 40):loc.start])
    if m and is_org_head(m.group(1)) and not _generic(m.group(1)):
        return (loc.start - len(m.group(0)), loc.end)
    return None


def _generic(word: str) -> bool:
    """'в больницах Британии', 'одном из университетов Китая', 'в центре Москвы': many institutions, or a part
    of a town, not one organisation."""
    p = parses(word.lower())[0]
    return p.tag.number == "plur" or (word.islower() and p.normal_form == "центр")


_GEO_ADJ = re.compile(r"(?<![\w-])((?:[А-Яа-яЁё]+(?<!ческ)(?<!человеск)ск(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)\s+)+)"
                      r"([а-яё]+)(?![\w-])")


def adjective_orgs(text: str, places: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'курский онкодиспансер' beside 'Курской области': an institution named by a place of the text."""
    lemmas = {p.normal_form for a, b in places for w in _WORD.findall(text[a:b]) for p in parses(w.lower())[:2]}
    out = []
    for m in _GEO_ADJ.finditer(text):
        head = parses(m.group(2))[0]
        adj = m.group(1).split()[0].lower()
        if is_org_head(m.group(2)) and head.tag.POS == "NOUN" and head.tag.number == "sing" \
                and any(p.normal_form in lemmas for p in parses(adj)[:2]):
            out.append((m.start(), m.end()))
    return out


def _key(name: str) -> str:
    """Mentions of one organisation share a key: its quoted name if it has one ('банк «Северный капитал»')."""
    quoted = re.search(r"[«\"“„]([^»\"“”]+)[»\"“”]", name)
    if quoted and len(name[: quoted.start()].split()) <= 1:  # "банк «X»" is X; "совет директоров «X»" is not
        name = quoted.group(1)
    key = re.sub(r"[«»\"“”„]", "", name).lower().replace("ё", "е").strip()
    return _SAME.get(key, key)


# one organisation under its usual names
_SAME = {"ес": "европейский союз", "евросоюз": "европейский союз", "оон": "организация объединённых наций",
         "нато": "организация североатлантического договора"}


def group_orgs(text: str, spans) -> list[Organisation]:
    groups: dict[str, dict] = {}
    abbrevs: dict[str, str] = {}
    for s in sorted(spans, key=lambda s: s.start):
        mtext = text[s.start:s.end]
        name = normalize_phrase(mtext)
        key = _key(name)
        # an abbreviation in brackets right after a full name joins it: "Федеральная служба (ФСБ)"
        if re.fullmatch(r"[A-ZА-ЯЁ]{2,}", mtext) and key not in groups:
            key = abbrevs.get(mtext, key)
        g = groups.setdefault(key, {"name": name, "mentions": []})
        if len(name) > len(g["name"]):  # the fullest mention names the organisation
            g["name"] = name
        g["mentions"].append(Mention(s.start, s.end, mtext))
        nxt = re.match(r"\s*\(([A-ZА-ЯЁ]{2,})\)", text[s.end:s.end + 20])
        if nxt and len(mtext.split()) > 1:
            abbrevs[nxt.group(1)] = key
    out = []
    for n, g in enumerate(sorted(groups.values(), key=lambda g: g["mentions"][0].start), 1):
        out.append(Organisation(f"org-{n}", g["name"], tuple(g["mentions"])))
    return out
