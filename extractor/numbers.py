"""Russian numbers in digits and in words -> float."""
from __future__ import annotations

import re
from functools import lru_cache

from .morph import morph

_LEMMAS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50,
    "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100,
    "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
    "семьсот": 700, "восемьсот": 800, "девятьсот": 900, "полтора": 1.5, "пара": 2,
}
_EXTRA = {"полторы": 1.5, "полутора": 1.5, "пару": 2, "пары": 2, "оба": 2, "обе": 2,
          "двух": 2, "трёх": 3, "четырёх": 4, "полмиллиона": 0.5e6, "полмиллиарда": 0.5e9,
          "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7}  # "двое суток"


@lru_cache(maxsize=1)
def number_words() -> dict[str, float]:
    """Every inflected form of the cardinal numerals, lower-cased, with 'ё' kept and removed."""
    forms: dict[str, float] = {}
    for lemma, value in _LEMMAS.items():
        for parse in morph().parse(lemma):
            if parse.normal_form != lemma.replace("ё", "е") and parse.normal_form != lemma:
                continue
            for f in parse.lexeme:
                forms.setdefault(f.word, value)
            break
        forms.setdefault(lemma, value)
    forms.update(_EXTRA)
    for w, v in list(forms.items()):
        forms.setdefault(w.replace("ё", "е"), v)
    return forms


@lru_cache(maxsize=1)
def number_word_re() -> str:
    words = sorted(number_words(), key=len, reverse=True)
    return r"(?:" + "|".join(map(re.escape, words)) + r")"


_DIGITS = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$|^\d+(?:[.,]\d+)?$")


def parse_number(text: str) -> float | None:
    """'1 844 036 360,12' -> 1844036360.12; 'двадцать пять' -> 25; '5,3' -> 5.3."""
    t = text.strip().lower()
    if not t:
        return None
    if _DIGITS.match(t):
        t = re.sub(r"[ \u00a0\u202f]", "", t).replace(",", ".")
        try:
            return float(t)
        except ValueError:
            return None
    words = number_words()
    total, found = 0.0, False
    for w in re.split(r"[\s\u00a0-]+", t):
        if w in ("и",):
            continue
        if w not in words:
            return None
        total += words[w]
        found = True
    return total if found else None
