"""Money: amounts with scales and currencies, ranges, qualifiers, and currency implied by context."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .morph import parses
from .numbers import number_word_re, parse_number
from .spans import Coverage, windows
from .types import MoneyMention

NUM = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
SCALE = (r"(?:тыс(?:яч[аиуейь]?|\.)?|тысяч(?:ами|ах)?|млн\.?|миллион(?:а|ов|ы|ам|ами|ах|у|е|ом)?|"
         r"млрд\.?|миллиард(?:а|ов|ы|ам|ами|ах|у|е|ом)?|трлн\.?|триллион(?:а|ов|ы|ам|ами|ах|у|е|ом)?)")
HALF = r"(?:пол(?:миллиона|миллиарда|триллиона))"
ADJ = (r"(?:(?:белорусск|российск|американск|канадск|австралийск|гонконгск|сингапурск|новозеландск|"
       r"швейцарск|китайск|японск|украинск|казахстанск|британск|турецк|индийск|польск|шведск|норвежск|датск|чешск)"
       r"(?:ий|ого|ому|им|ом|ие|их|им|ими|ая|ой|ую)\s+)")
CURRENCY_WORD = (r"(?:рубл(?:ь|я|ю|ем|е|ей|ям|ями|ях)|руб\.?|р\.|₽|"
                 r"доллар(?:а|у|ом|е|ов|ам|ами|ах)?(?:\s+США)?|долл\.?(?:\s+США)?|"
                 r"евро|фунт(?:а|у|ом|е|ов|ам|ами|ах)?(?:\s+стерлинг(?:а|ов)?)?|юан(?:ь|я|ю|ем|е|ей|ям|ями|ях)|"
                 r"иен(?:а|ы|у|ой|е|ам|ами|ах)?|йен(?:а|ы|у|ой|е|ам|ами|ах)?|"
                 r"гривн(?:а|ы|у|ой|е|ам|ами|ах)?|гривен|грн\.?|тенге|франк(?:а|у|ом|е|ов|ам|ами|ах)?|"
                 r"злот(?:ый|ого|ых|ыми)|рупи(?:я|и|й|ям|ями|ях)|лир(?:а|ы|у|ой|е|ам|ами|ах)?|"
                 r"(?:норвежск|шведск|датск|чешск|исландск)\w*\s+крон(?:а|ы|у|ой|е|ам|ами|ах)?|"
                 r"бел\.\s*руб\.?|у\.\s*е\.)")
SYMBOL = r"(?:\$|€|£|₽|¥|US\$)"
QUAL = (r"(?:(?:(?:чуть|немногим)\s+(?:более|больше|менее|меньше)|более\s+чем|менее\s+чем|не\s+более|не\s+менее|не\s+больше|не\s+меньше|более|менее|свыше|"
        r"около|почти|примерно|порядка|приблизительно|ориентировочно|больше|меньше|до|от|лишь|всего|"
        r"более\s+чем\s+на|почти\s+на|около|на\s+сумму|в\s+размере|в\s+сумме)\s+)")
QUALIFIERS = {"более": "more", "свыше": "more", "больше": "more", "не менее": "more", "не меньше": "more",
              "менее": "less", "меньше": "less", "не более": "less", "не больше": "less", "до": "up_to",
              "около": "approx", "почти": "approx", "примерно": "approx", "порядка": "approx",
              "приблизительно": "approx", "ориентировочно": "approx", "от": "more"}
CODES = [
    (r"белорусск\w*\s+рубл|бел\.\s*руб", "BYN"), (r"канадск\w*\s+долл", "CAD"), (r"австралийск\w*\s+долл", "AUD"),
    (r"гонконгск\w*\s+долл", "HKD"), (r"сингапурск\w*\s+долл", "SGD"), (r"новозеландск\w*\s+долл", "NZD"),
    (r"швейцарск\w*\s+франк", "CHF"), (r"рубл|руб|^р\.|₽", "RUB"), (r"долл|\$|у\.\s*е", "USD"), (r"евро|€", "EUR"),
    (r"фунт|£", "GBP"), (r"юан|¥", "CNY"), (r"[ий]ен", "JPY"), (r"гривн|гривен|грн", "UAH"), (r"тенге", "KZT"),
    (r"франк", "CHF"), (r"злот", "PLN"), (r"рупи", "INR"), (r"лир", "TRY"), (r"норвежск\w*\s+крон", "NOK"),
    (r"шведск\w*\s+крон", "SEK"), (r"датск\w*\s+крон", "DKK"), (r"чешск\w*\s+крон", "CZK"),
    (r"исландск\w*\s+крон", "ISK"),
]
SCALES = [(r"трлн|триллион", 1e12), (r"млрд|миллиард", 1e9), (r"млн|миллион", 1e6), (r"тыс", 1e3)]


@lru_cache(maxsize=1)
def _patterns():
    words = number_word_re()
    amount = rf"(?:{NUM}|{words}(?:\s+{words}){{0,3}})"
    bare_scale = r"(?:тысяч[иау]|миллион(?:а|у|ом)?|миллиард(?:а|у|ом)?|триллион(?:а|у|ом)?)"
    scaled = rf"(?:{amount}(?:\s*{SCALE})?|{HALF}|{bare_scale})"
    cur = rf"(?:{ADJ}?{CURRENCY_WORD})"
    rng = rf"(?:(?:от\s+)?{scaled}\s*(?:[-–—]|до)\s*{scaled}|{scaled})"
    full = rf"{QUAL}?(?:{rng}\s*{cur}|{SYMBOL}\s?{rng}|{rng}\s?{SYMBOL})"
    adjectival = r"\d+(?:[.,]\d+)?(?:\s*(?:тыс|млн|млрд)\.?)?-(?:долларов|рублев|евров|фунтов)\w*"
    bare = rf"{QUAL}?(?:(?:(?:от\s+)?{amount}(?:\s*{SCALE})?\s*(?:[-–—]|до)\s*)?{amount}\s*{SCALE}|{HALF})"
    # an amount given only in words of size: "несколько миллионов евро", "от нескольких сотен до нескольких тысяч
    # миллионов долларов", "миллиарды долларов" (nerel-train: 6 such spans, none found before); its value is unknown
    some = rf"(?:{SOME}\s+{PLURAL_SCALE}|{PLURAL_SCALE_ALONE})"
    vague = rf"{QUAL}?(?:от\s+{SOME}\s+до\s+)?{some}\s*{cur}"
    flags = re.IGNORECASE
    return (re.compile(rf"(?<![\w$€£¥₽]){full}(?![\w])", flags),
            re.compile(rf"(?<![\w]){adjectival}", flags),
            re.compile(rf"(?<![\w]){bare}(?![\w])", flags),
            re.compile(rf"(?<![\w]){vague}(?![\w])", flags))


SOME = r"(?:нескольк(?:о|их|им|ими)(?:\s+(?:десятк(?:ов|ами|ах)|сот(?:ен|ням|нями|нях)))?|десятк(?:и|ов|ами)|сотни|сотен|сотнями)"
PLURAL_SCALE = r"(?:тысяч(?:ами|ах)?|миллион(?:ов|ами|ах)|миллиард(?:ов|ами|ах)|триллион(?:ов|ами|ах))"
PLURAL_SCALE_ALONE = r"(?:тысячи|миллионы|миллиарды|триллионы)"


def _scale(text: str) -> float:
    low = text.lower()
    if re.search(HALF, low):
        return 1.0
    for pat, k in SCALES:
        if re.search(pat, low):
            return k
    return 1.0


def _currency(text: str) -> str | None:
    low = text.lower()
    for pat, code in CODES:
        if re.search(pat, low):
            return code
    return None


def _amounts(text: str) -> list[float]:
    """Numbers in a money span, each times its scale ('от 3 до 5 тысяч' -> [3000, 5000])."""
    low = text.lower()
    half = re.search(HALF, low)
    if half:
        return [_scale_word(half.group()) * 0.5]
    pieces = re.findall(rf"({NUM}|{number_word_re()}(?:\s+{number_word_re()}){{0,3}})(\s*{SCALE})?", low)
    vals = []
    for num, scale in pieces:
        n = parse_number(num)
        if n is None:
            continue
        vals.append([n, _scale(scale) if scale else None])
    if not vals:
        k = _scale(low)
        return [k] if k > 1 else []
    last_scale = next((s for _, s in reversed(vals) if s), 1.0)
    return [_round(n * (s or last_scale)) for n, s in vals]


def _round(x: float) -> float:
    """67.4 * 1e9 -> 67400000000, not 67400000000.00001."""
    r = round(x, 2)
    return float(round(r)) if abs(r - round(r)) < 1e-6 else r


def _scale_word(word: str) -> float:
    return _scale(word.replace("пол", "", 1))


def _qualifier(text: str) -> str | None:
    low = re.sub(r"^(?:чуть|немногим)\s+", "", text.lower())  # "чуть больше" is "больше"
    for q in sorted(QUALIFIERS, key=len, reverse=True):
        if low.startswith(q + " ") and not re.match(r"от\s.+\s(до|[-–—])", low):
            return QUALIFIERS[q]
    return None


def _strip_qual(span: str, start: int) -> tuple[str, int]:
    """NEREL keeps qualifiers like 'более' but not 'на сумму', 'в размере'."""
    m = re.match(r"(?:на\s+сумму|в\s+размере|в\s+сумме|лишь|всего|более\s+чем\s+на|почти\s+на)\s+", span, re.IGNORECASE)
    if m:
        return span[m.end():], start + m.end()
    return span, start


_CHANGE_TO = re.compile(r"(?<![а-яё])(?:вырос|выросл|выраст|возрос|возраст|увеличи|сократи|снизи|упал|подорожа|подешеве|"
                        r"повыси|понизи|достиг|дорос|подня|опусти|рост|снижени|падени)\w*(?:[^.!?]{0,40}?)\s+$",
                        re.IGNORECASE)


_SENTENCE_END = re.compile(r"\s*$|\n|[ \u00a0]+[«\"(]?[A-ZА-ЯЁ]")
_TRIGGER = re.compile(r"[$€£₽¥]|(?<![а-яё])(?:тыс|млн|млрд|трлн|миллион|миллиард|триллион|рубл|руб\.|доллар|долл|евро|фунт|"
                      r"юан|[ий]ен|гривн|гривен|грн|тенге|франк|злот|рупи|лир|крон)", re.IGNORECASE)


def _counts_something(text: str, end: int) -> bool:
    """The word after a bare amount says what it counts ("миллионов человек", "млн тонн", "тысяч Latin"); a
    preposition, a verb or an adverb after it leaves it money ("2,5 миллиарда в 2018 году", "12 миллиардов
    приходится")."""
    word = re.match(r"[ \u00a0]*([а-яёa-z]+)", text[end:end + 30], re.IGNORECASE)
    if not word or text[end - 1:end] == "." and word.group(1)[0].isupper():
        return False  # (the sentence ends: "составил 150 млн. Котова отметила")
    if not re.fullmatch(r"[а-яё]+", word.group(1), re.IGNORECASE):
        return True
    ps = parses(word.group(1).lower())
    if ps[0].tag.POS == "NOUN" and not any(p.tag.case == "gent" for p in ps if p.tag.POS == "NOUN"):
        return False  # a noun that cannot be counted in the genitive begins a clause: "2 млн клуб получил"
    return ps[0].tag.POS in ("NOUN", "ADJF", "PRTF", "NUMR", "NPRO", "ADJS")


_OUNCES = re.compile(r"[ \u00a0]+\d+[ \u00a0]+унц", re.IGNORECASE)
_WEIGHS = re.compile(r"(?<![а-яё])(?:вес|весит|весил[аио]?|весом|массой)(?![а-яё])[^.!?\n]{0,20}$", re.IGNORECASE)


def _weight(text: str, m: re.Match) -> bool:
    """Pounds that weigh, not pay: "весит 5 фунтов", "5 фунтов 3 унции"."""
    return _currency(m.group()) == "GBP" and "£" not in m.group() and bool(
        _OUNCES.match(text, m.end()) or _WEIGHS.search(text, max(0, m.start() - 40), m.start()))


def find_money(text: str) -> list[MoneyMention]:
    full, adjectival, bare, vague = _patterns()
    out: list[MoneyMention] = []
    taken = Coverage(len(text))

    def add(s: int, e: int, currency: str | None, inferred: bool, no_number: bool = False) -> None:
        # the qualifier is read before the words left out of the span: "более чем на 12 млн" is more than 12 million
        qual = _qualifier(text[s:e])
        span, s = _strip_qual(text[s:e], s)
        while e > s and text[e - 1] in " \u00a0.,":
            # "руб." keeps its dot, unless the dot also ends the sentence: before a line break, a capital letter or
            # the end of the text (nerel-train: kept 11 times in 11 inside a sentence, dropped 11 times in 12 at its end)
            if text[e - 1] == "." and re.search(r"(?<![а-яё])(руб|долл|р|грн|тыс|млн|млрд|трлн)\.$", text[s:e]) \
                    and not _SENTENCE_END.match(text, e):
                break
            e -= 1
        span = text[s:e]
        if not taken.free(s, e):
            return
        vals = [] if no_number else _amounts(span)
        if not vals and not no_number:
            return
        is_range = len(vals) >= 2
        if qual == "up_to" and _CHANGE_TO.search(text[max(0, s - 60):s]):
            # "выросла до 4,7 млрд рублей": the value reached, not a bound, and "до" stays outside the span
            qual, cut = None, re.match(r"до[ \u00a0]+", span, re.IGNORECASE)
            if cut:
                s, span = s + cut.end(), span[cut.end():]
        elif is_range:
            opener = re.search(r"(?<![а-яё])[сС][ \u00a0]+$", text[max(0, s - 3):s])
            if opener:  # "с 8,4 миллиарда до 9,1 миллиарда долларов": one range, "с" and all
                s -= len(opener.group())
                span = text[s:e]
        out.append(MoneyMention(s, e, span, None if is_range or no_number else vals[0], currency, inferred,
                                min(vals) if is_range else None, max(vals) if is_range else None, qual))
        taken.take(s, e)

    spots = windows(text, _TRIGGER)
    for a, b in spots:
        for m in full.finditer(text, a, b):
            if not _weight(text, m):
                add(m.start(), m.end(), _currency(m.group()), False)
        for m in adjectival.finditer(text, a, b):
            add(m.start(), m.end(), _currency(m.group()), False)
        for m in vague.finditer(text, a, b):
            add(m.start(), m.end(), _currency(m.group()), False, no_number=True)
    # amounts with a scale but no currency: take the currency of the nearest money before them
    explicit = sorted((x for x in out if x.currency), key=lambda x: x.end)
    ends = [x.end for x in explicit]
    for m in (m for a, b in spots for m in bare.finditer(text, a, b)):
        if not taken.free(m.start(), m.end()):
            continue
        if _counts_something(text, m.end()):
            continue  # "77 миллионов человек": a count, not money
        i = bisect.bisect_right(ends, m.start())
        prev = explicit[i - 1] if i else None
        if prev is not None and m.start() - prev.end < 400:
            add(m.start(), m.end(), prev.currency, True)
    out.sort(key=lambda x: x.start)
    return out
