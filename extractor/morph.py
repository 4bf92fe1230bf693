"""pymorphy3 helpers: one shared analyser, normalisation of names and phrases to the nominative."""
from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


@lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=50000)
def parses(word: str):
    return tuple(morph().parse(word))


def match_case(src: str, dst: str) -> str:
    """Give ``dst`` the capitalisation pattern of ``src``."""
    if src.isupper() and len(src) > 1:
        return dst.upper()
    if src[:1].isupper():
        parts = dst.split("-")
        srcparts = src.split("-")
        return "-".join(p.capitalize() if i >= len(srcparts) or srcparts[i][:1].isupper() else p
                        for i, p in enumerate(parts))
    return dst


def _inflect(parse, grams: set[str]) -> str | None:
    try:
        res = parse.inflect(grams)
    except (ValueError, KeyError):
        return None
    return res.word if res else None


# ---------------------------------------------------------------- person names

def _name_roles(words: list[str]) -> list[str]:
    roles = []
    for w in words:
        ps = parses(w.lower())
        if any("Patr" in p.tag for p in ps[:2]) and "middle" not in roles:
            roles.append("middle")
        elif "Name" in ps[0].tag and "first" not in roles:
            roles.append("first")
        else:
            roles.append("last")
    if "first" not in roles and len(words) > 1:  # "Роман Старовойт": a first name that is also a word
        for i, w in enumerate(words):
            if roles[i] == "last" and any("Name" in p.tag for p in parses(w.lower())[:4]):
                roles[i] = "first"
                break
    return roles


def _best(word: str, gender: str | None, case: str, role: str):
    """The parse of ``word`` in ``case`` and singular (and ``gender``), preferring the role's tag."""
    want = {"first": "Name", "middle": "Patr", "last": "Surn"}[role]
    best, best_score = None, 0.0
    for p in parses(word.lower()):
        g = p.tag
        if g.case != case or g.number == "plur":
            continue
        if gender and g.gender and g.gender != gender and "Ms-f" not in g and "GNdr" not in g:
            continue
        score = p.score + (1.0 if want in g else 0.0) + (0.3 if "NOUN" in g or "ADJF" in g else 0)
        if score > best_score:
            best, best_score = p, score
    return best, best_score


def normalize_name(words: list[str]) -> tuple[dict[str, str | None], str | None]:
    """Words of a person's name (any case) -> {'first','middle','last'} in the nominative, and gender."""
    roles = _name_roles(words)
    best_combo, best_score = None, -1.0
    for gender in ("masc", "femn"):
        for case in CASES:
            total, chosen = 0.0, []
            for w, r in zip(words, roles):
                p, s = _best(w, gender, case, r)
                total += s if p else 0.0
                chosen.append(p)
            total += 0.01 if case == "nomn" else 0.0
            if total > best_score:
                best_score, best_combo = total, (gender, chosen)
    gender, chosen = best_combo
    out: dict[str, str | None] = {"first": None, "middle": None, "last": None}
    for w, r, p in zip(words, roles, chosen):
        if out[r] is not None:  # a second surname-like word: keep as part of the surname
            out[r] = f"{out[r]} {w}"
            continue
        norm = w
        if p is not None and p.tag.case != "nomn" and "Fixd" not in p.tag:
            grams = {"nomn", "sing"}
            if gender and p.tag.gender:
                grams.add(gender)
            res = _inflect(p, grams) or _inflect(p, {"nomn"})
            if res:
                norm = match_case(w, res)
        out[r] = norm
    return out, gender


# ---------------------------------------------------------------- noun phrases

_MODS = ("ADJF", "PRTF")


def _agreeing(word: str, case: str, number: str, gender: str | None, pos: tuple[str, ...]):
    for p in parses(word.lower()):
        g = p.tag
        if g.POS not in pos and not (pos == ("NOUN",) and "Abbr" in g):
            continue
        if g.case != case or (g.number and g.number != number):
            continue
        if gender and number == "sing" and g.gender and pos != ("NOUN",) and g.gender != gender:
            continue
        return p
    return None


def normalize_phrase(text: str) -> str:
    """'первого заместителя председателя комитета' -> 'первый заместитель председателя комитета'.

    The head noun and the modifiers before it go to the nominative (number kept); everything after
    the head stays as written, so genitive dependents stay genitive.
    """
    words = list(_WORD.finditer(text))
    if not words or words[0].start() > 0 and text[: words[0].start()].strip() not in ("", "«", '"'):
        return text
    # find the head: the first word that can be a noun (after adjectives/participles)
    head_i = None
    for i, m in enumerate(words):
        if i and text[words[i - 1].end():m.start()].strip():
            break  # punctuation between words: stop
        ps = parses(_last_part(m.group()).lower())
        if any(p.tag.POS == "NOUN" for p in ps) and not (
                ps[0].tag.POS in _MODS and i + 1 < len(words)
                and any(q.tag.POS == "NOUN" for q in parses(_last_part(words[i + 1].group()).lower()))):
            head_i = i
            break
        if not any(p.tag.POS in _MODS for p in ps):
            return text
    if head_i is None:
        return text
    head = words[head_i]
    head_word = _last_part(head.group())
    for number, case in [(n, c) for n in ("sing", "plur") for c in CASES]:
        hp = _agreeing(head_word, case, number, None, ("NOUN",))
        if hp is None:
            continue
        mods = [_agreeing(_last_part(m.group()), case, number, hp.tag.gender, _MODS) for m in words[:head_i]]
        if any(m is None for m in mods):
            continue
        if case == "nomn":
            return text
        pieces, pos = [], 0
        for m, p in list(zip(words[:head_i], mods)) + [(head, hp)]:
            if p.tag.POS == "NOUN" and "Fixd" in p.tag:
                continue
            grams = {"nomn", number}
            if p.tag.POS in _MODS and number == "sing":
                grams.add(hp.tag.gender or "masc")
                if "anim" in p.tag or "inan" in p.tag:
                    pass
            new = _inflect(p, grams) or _inflect(p, {"nomn"})
            if not new:
                return text
            word = m.group()
            prefix = word[: len(word) - len(_last_part(word))]
            pieces.append(text[pos:m.start()] + prefix + match_case(_last_part(word), new))
            pos = m.end()
        return "".join(pieces) + text[pos:]
    return text


def _last_part(word: str) -> str:
    return word.rsplit("-", 1)[-1] if re.match(r"(?i)(экс|вице|лейб|обер|штаб|унтер|и\.о)-", word) else word
