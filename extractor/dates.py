"""Dates, ranges, durations and relative expressions: regex candidates, then a value for each.

Spans follow NEREL: the preposition is part of the span ("в 2002 году", "за 18 лет").
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import lru_cache

from .numbers import number_word_re, parse_number
from .morph import parses
from .spans import Coverage, windows
from .errors import ExtractorError
from .types import DateMention

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
MONTH = (r"(?:январ[ьяюеём]|феврал[ьяюеём]|март[аеуом]?|апрел[ьяюеём]|ма[йяюеё]м?|июн[ьяюеём]|"
         r"июл[ьяюеём]|август[аеуом]?|сентябр[ьяюеём]|октябр[ьяюеём]|ноябр[ьяюеём]|декабр[ьяюеём])(?:ом)?")
WEEKDAYS = {"понедельник": 1, "вторник": 2, "сред": 3, "четверг": 4, "пятниц": 5, "суббот": 6, "воскресень": 7}
WEEKDAY = r"(?:понедельник[аеу]?|вторник[аеу]?|сред[ауые]|четверг[аеу]?|пятниц[аеуы]|суббот[аеуы]|воскресень[еяю])"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
GOD = r"(?:\s+год(?:а|у|ом|е|ы|ах|ов|ами|ам)?|\s*гг?(?![а-яё])|-(?:го|м)(?![а-яё]))"
SP = r"[ \u00a0]+"
PREP = r"(?:(?:[Вв]о?|[Сс]о?|[Пп]о|[Дд]о|[Кк]|[Нн]а|[Зз]а|[Оо]т|[Кк]\s+концу|[Кк]\s+началу|[Пп]осле|[Пп]еред|[Оо]коло|[Вв]плоть\s+до|[Вв]\s+течение|[Нн]а\s+протяжении|[Сс]пустя|[Вв]\s+период\s+с)\s+)"
DUR_PREP = r"(?:(?:[Зз]а|[Нн]а|[Вв]|[Кк]|[Вв]\s+течени[еи]|[Нн]а\s+протяжении|[Оо]коло|[Дд]о|[Сс]выше|[Бб]олее|[Мм]енее)\s+)"
ROMAN = r"(?:X{0,2}(?:IX|IV|V?I{0,3})|XX?I?)"
PART = (r"(?:(?:в\s+)?(?:начал[еоау]|конц[еау]|середин[еыу]|перв(?:ой|ая|ую)\s+половин[еыу]|"
        r"втор(?:ой|ая|ую)\s+половин[еыу]|перв(?:ом|ый|ого)\s+квартал[еа]?|втор(?:ом|ой|ого)\s+квартал[еа]?|"
        r"трет(?:ьем|ьего|ий)\s+квартал[еа]?|четв[её]рт(?:ом|ый|ого)\s+квартал[еа]?|"
        r"(?:перв|втор)(?:ом|ое|ого)\s+полугоди[еяи])\s+)")
SEASON = r"(?:зим(?:ой|а|у|ы|е)|весн(?:ой|а|у|ы|е)|лет(?:ом|о|а)|осен(?:ью|ь|и))"
UNIT = (r"(?:лет|годам|годами|годах|год(?:а|у|ом|ы|ов)?|месяц(?:а|у|ев|ы|ем|ам|ами|ах)?|"
        r"недел(?:я|ю|и|ь|е|ям|ями|ях)|д(?:ень|ня|ню|нём|нем|ней|ни|ням|нями|нях)|сут(?:ок|ки|кам|ками)|"
        r"век(?:а|ов)?|десятилети(?:е|я|й|ю|ем|ями|ям)|полугоди(?:е|я)|квартал(?:а|ов)?|полвека|полгода|полугода)")


# lower-case: "Октябрьский район" is a place, but "Октябрьской революции" a date
MONTH_ADJ = (r"(?:(?-i:январск|февральск|мартовск|апрельск|майск|июньск|июльск|августовск|сентябрьск|октябрьск|"
             r"ноябрьск|декабрьск)(?:ий|ая|ое|ие|ого|ой|ому|ым|ом|ую|их|им|ими|ых)|"
             r"(?-i:Октябрьск)(?:ая|ой|ую)(?=\s+революци))")


# the first part of an adjective of duration: "пяти" in "пятилетний", "15-" in "15-летний"
_ADJ_COUNT = {"одно": 1, "дву": 2, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6,
              "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11, "двенадцати": 12,
              "пятнадцати": 15, "двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50, "шестидесяти": 60,
              "семидесяти": 70, "восьмидесяти": 80, "девяносто": 90, "сто": 100, "полу": 0.5}
_ADJ_UNIT = {"летн": "Y", "месячн": "M", "недельн": "W", "дневн": "D", "суточн": "D"}
ADJ_DURATION = (r"(?:\d+(?:-и)?[- ]?|" + "|".join(sorted(_ADJ_COUNT, key=len, reverse=True)) + r")(?:"
                + "|".join(_ADJ_UNIT) + r")(?:ий|ый|яя|ая|ее|ое|его|ого|ему|ому|ей|ой|им|ым|ем|ом|юю|ую|ие|ые|их|ых|ими|ыми)")
_ADJ_DURATION = re.compile(ADJ_DURATION, re.I)
# what lasts: a term, a contract, a service, a flight (nerel-train: a date 26 times in 28 before these)
_LASTING = frozenset("срок стаж опыт контракт траур карантин полёт полет служба карьера гарантия пребывание "
                     "заключение мораторий перерыв отпуск турне запрет правление командировка мандат соглашение "
                     "договор невесомость".split())
_ADJ_WORD = re.compile(r"[ \u00a0]+([а-яё]+)", re.I)


def _lasting(text: str, end: int) -> bool:
    """The noun after an adjective of duration (adjectives between) is something that lasts: "пятилетний [срок]",
    "40-летней военной [службы]", not an age ("49-летний украинский [политик]", "в 14-летнем [возрасте]")."""
    for _ in range(3):
        word = _ADJ_WORD.match(text, end)
        if not word:
            return False
        p = parses(word.group(1).lower())[0]
        if p.tag.POS == "NOUN":
            return p.normal_form in _LASTING
        if p.tag.POS not in ("ADJF", "PRTF"):
            return False
        end = word.end()
    return False

_REL_YEARS = {"прошлого": -1, "минувшего": -1, "предыдущего": -1, "этого": 0, "текущего": 0, "нынешнего": 0,
              "следующего": 1, "будущего": 1, "позапрошлого": -2}
REL_YEAR = r"(?:(" + "|".join(_REL_YEARS) + r")\s+года|с\.\s?г(?![а-яё]))"  # the word in group 1; "с.г." is this year
_WEEK_REL = (r"(?:прошл|прошедш|минувш|последн|предыдущ|эт|нынешн|текущ|следующ|ближайш|будущ|предстоящ)"
             r"(?:ый|ий|ая|ое|ее|ую|юю|ей|ем|ом|ой|от|у|а|о|и)")


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[re.Pattern], list[re.Pattern]]:
    """The date patterns in two groups: those that run near any trigger, and those of spans that end in a unit of
    time ("три года назад", "за 18 лет"), which run only near such a unit."""
    num = rf"(?:\d+(?:[.,]\d+)?|{number_word_re()}(?:\s+{number_word_re()})?|нескольк(?:о|их|им|ими)|многих|много)"
    day = r"(?:[0-3]?\d)"
    # "20-го августа": a day may have its ordinal ending
    date_words = (rf"(?:{day}(?:-го|-е)?(?:\s*[-–—]\s*{day})?{SP}{MONTH}(?:{SP}{YEAR}{GOD}?)?|"
                  rf"{MONTH}(?:{SP}{YEAR}{GOD}?)?)")
    numeric = r"(?:[0-3]?\d\.[01]?\d\.(?:\d{4}|\d{2})(?!\d)|\d{4}-[01]\d-[0-3]\d)"
    year = rf"(?:{YEAR}{GOD})"
    single = rf"(?:{PART}?(?:{date_words}|{numeric}|{year}))"
    weekday = rf"(?:{WEEKDAY}(?:,?{SP}{date_words}|,?{SP}{numeric})?)"
    pats = [
        # ranges: "с 1996 по 2004 годы", "с 2 по 7 марта", "в 2017–2020 годах", "между 2003 и 2006 годами"
        rf"(?:[Сс]о?|[Оо]т)\s+(?:{day}|{date_words}|{YEAR}{GOD}?)\s+(?:по|до)\s+(?:{single}|{day}{SP}{MONTH}(?:{SP}{YEAR}{GOD}?)?|"
        rf"{YEAR}(?=\s*(?:[,.;:)!?»—–]|$)))",
        # ... two years alone, whatever follows: "С 1971 по 1979 Котов преподавал" (nerel-train: a range 2 times in 2)
        rf"[Сс]о?\s+{YEAR}\s+по\s+{YEAR}",
        # a night from one day to the next: "в ночь с 7 на 8 февраля", "со 2-го на 3-е ноября"
        rf"[Сс]о?\s+{day}(?:-?(?:го|е))?\s+на\s+{day}(?:-?(?:е|го))?{SP}{MONTH}(?:{SP}{YEAR}{GOD}?)?",
        # months joined by a dash: "в апреле-мае 2012 г.", "с январем-мартом 2011 года"
        rf"{PREP}?{PART}?{MONTH}\s*[-–—]\s*{MONTH}(?:{SP}{YEAR}{GOD}?)?",
        rf"{PREP}?{YEAR}\s*[-–—]\s*{YEAR}{GOD}?",
        rf"[Мм]ежду\s+{YEAR}\s+и\s+{YEAR}{GOD}",
        # absolute dates, optionally with a preposition and a part ("в начале 2017 года")
        rf"{PREP}{weekday}|{WEEKDAY}(?:,?{SP}{date_words}|,?{SP}{numeric})",
        rf"{PREP}?{single}",
        rf"{PREP}?{PART}?{SEASON}(?:{SP}{YEAR}{GOD}?)?",
        rf"{PREP}?{PART}?(?:\d{{2}}|{YEAR})(?<=0)-?(?:х|е|ые|ых)(?:\s+год(?:ах|ов|ы|ам|ами)|\s+гг)?",
        rf"{PREP}?{PART}?(?:{ROMAN}|\d{{1,2}})\s+(?:век(?:е|а|у|ом)?|веков|столети(?:е|я|и))(?:\s+до\s+н\.\s*э\.)?",
        rf"{PREP}?{PART}?{YEAR}(?=\s*(?:[,.;:)!?»—–]|\s-\s|$))",
        # years listed before the word for them: "в [2005] и 2009 годах", "в [1956], [1964] и 1972 годах"
        rf"{PREP}?{YEAR}(?=(?:,{SP}{YEAR})*(?:,|{SP}и){SP}{YEAR}{GOD})",
        # a year after "в", "с", "до" and before a word that is not what it counts: "В 1990 Анна Котова
        # возглавила", "с 2006 являлся" (not "в 2000 метрах": see _counts_something)
        rf"(?:[Вв]|[Сс]|[Дд]о)\s+{YEAR}(?=[ \u00a0]+[А-Яа-яЁё])",
        # a year after the name of an event or a prize, ending its line or before a capital: "премии Nova 2019\n",
        # "на фестивале «Лютик» 2016 Котов ..." (nerel-train: a date 5 times in 5)
        rf"(?<=[а-яёА-ЯЁ»\"a-zA-Z] ){YEAR}(?=[ \u00a0]*\n|[ \u00a0]+(?-i:[А-ЯЁA-Z]))",
        # relative
        # ("недавно", "в настоящее время" are not: nerel-train takes them for a date 2 times in 24 and 6 in 59)
        r"(?:[Сс]егодня|[Вв]чера|[Зз]автра|[Пп]озавчера|[Пп]ослезавтра|[Нн]а\s+днях|[Нн]акануне)(?![а-яё])",
        r"(?:на\s+сегодняшний\s+день|с\s+сегодняшнего\s+дня|"
        r"на\s+следующий\s+день|в\s+(?:тот|этот)(?:\s+же)?\s+день|в\s+(?:том|этом|тот|этот)\s+же\s+году|в\s+выходные|"
        r"на\s+выходных|годом\s+(?:позже|ранее|раньше)|в\s+минувш\w+\s+\w+|"
        # "в ближайшие выходные", "на прошлых выходных", "с этого времени", "в эти дни" (nerel-train: a date 7 times in 7)
        r"(?:в|на)\s+(?:ближайш|прошедш|прошл|эт|следующ)\w*\s+выходн\w+|с\s+(?:этого|того)\s+времени|в\s+эти\s+дни)",
        # every year (nerel-train: a date 6 times in 7; "ежедневно" only 1 in 7)
        r"[Ее]жегодно(?![а-яё])",
        # "до Нового года", "к Новому году" (nerel-train: a date 3 times in 3)
        r"(?:[Дд]о|[Кк]|[Пп]осле|[Пп]еред)\s+[Нн]ов(?:ого|ому|ым)\s+год(?:а|у|ом)",
        # "год спустя", "месяц спустя": one unit
        r"(?:[Гг]од|[Мм]есяц|[Нн]еделю|[Дд]ень)\s+спустя",
        # some years: "долгие годы", "за многие годы" (a duration), "в разные годы", "в последующие годы"
        r"(?:(?:[Зз]а|[Нн]а)\s+)?(?:многие|долгие)\s+годы|[Вв]\s+(?:разные|последующие)\s+годы",
        # a weekday of this, the last or the next week: "в прошлый вторник", "в эту пятницу", "в ближайшую среду"
        rf"(?:[Вв]о?|[Нн]а|[Кк])\s+{_WEEK_REL}\s+{WEEKDAY}",
        # a day, a month, months or a season of a year named relatively: "25 декабря прошлого года", "в ноябре-декабре
        # этого года", "осенью прошлого года", "в марте нынешнего года", "В июле с.г."
        rf"{PREP}?{PART}?(?:{day}{SP})?(?:{MONTH}(?:\s*[-–—]\s*{MONTH})?|{SEASON})\s+{REL_YEAR}",
        # a season of this, the last or the next year: "этим летом", "прошлой осенью"
        rf"(?:эт|прошл|следующ|будущ|нынешн)(?:им|ым|ой|ей)\s+{SEASON}",
        rf"(?:{PREP})?{PART}?{REL_YEAR}",
        rf"[Вв]\s+(?:текущем|нынешнем|этом|прошлом)\s+{YEAR}\s+году",  # "в текущем 2011 году"
        # a quarter or half of the year the text is about: "в первом квартале", "за третий квартал", "за первое
        # полугодие"
        r"(?:(?:[Вв]о?|[Зз]а|[Кк]|[Дд]о)\s+)?(?:(?:перв|втор|трет|четв[её]рт)[а-яё]*\s+квартал|(?:перв|втор)[а-яё]*\s+"
        r"полугоди)[а-яё]*(?!\s+(?:\d|прошл|этого|текущ|нынешн|следующ|будущ|минувш))",
        rf"в\s+(?:следующем|прошлом)\s+{MONTH}",
        # a month as an adjective: "майских указов", "в декабрьском интервью", "Октябрьской революции" (nerel-train: a
        # date 13 times in 14)
        MONTH_ADJ,
        # a duration as an adjective of what lasts: "пятилетний срок", "15-летний опыт", "30-дневный карантин"
        # (not an age: "49-летний политик", "в 14-летнем возрасте", "10-летнего юбилея")
        rf"{ADJ_DURATION}(?=\s+[а-яё])",
    ]
    by_unit = [
        rf"{num}\s+{UNIT}\s+(?:ранее|раньше|позже|спустя)(?![а-яё])",
        r"(?:[Вв]|[Нн]а)\s+(?:прошл|прошедш|истекш|текущ|нынешн|этом|эт|следующ|будущ|позапрошл|минувш|предыдущ)\w*\s+"
        r"(?:году|месяце|неделе|неделю|квартале|веке|сезоне)",
        # "за прошлый год", "на следующий год", "на ближайший год": that year (nerel-train: a date 6 times in 6)
        r"(?:[Зз]а|[Нн]а)\s+(?:прошл|прошедш|истекш|текущ|нынешн|эт|следующ|ближайш|будущ|минувш|предыдущ)\w*\s+"
        r"(?:год|месяц|сезон)(?![а-яё])",
        rf"{PREP}?(?:(?:почти|(?:немногим\s+|чуть\s+)?(?:более|больше|менее|меньше)|около|свыше|примерно|ещё|еще|уже)\s+)?"
        rf"(?:{num}(?:\s*[-–]\s*\d{{1,3}})?\s+)?{UNIT}\s+"
        rf"(?:назад|тому\s+назад|спустя)",
        rf"(?:[Чч]ерез|[Сс]пустя)\s+(?:{num}\s+)?{UNIT}",
        # a part of a year, month, week named by the unit alone: "в начале года", "до конца сезона", "с середины
        # года" (nerel-train: a date 7 times in 8), "в конце прошлого месяца"
        r"(?:(?:[Вв]о?|[Кк]|[Дд]о|[Сс]о?|[Пп]осле)\s+)?(?:начал|конц|середин)[а-яё]*\s+"
        r"(?:(?:эт|текущ|нынешн|прошл|следующ)(?:ого|его|ей|ой)\s+)?"
        r"(?:года|месяца|квартала|недели|сезона|века|десятилетия)",
        # durations: "за 18 лет", "за последние три года", "1 год 6 месяцев", "полтора года"
        rf"(?:{DUR_PREP})?(?:(?:последние|последний|последнее|ближайшие|первые|следующие|последних|ближайших|первых|следующих|несколько|более|менее|около|почти|свыше|"
        rf"больше|меньше|целых|всего|не\s+более|не\s+менее|примерно|немногим\s+более|чуть\s+более|чуть\s+больше|чуть\s+менее|"
        rf"каждые|каждый|каждую|каждое)\s+){{0,2}}(?:(?:{num}|\d+\s*[-–]\s*\d+)\s+)?{UNIT}(?:\s+(?:и\s+)?{num}\s+{UNIT})?",
        # a term from one number to another: "на срок от 6 до 12 лет" (an age unless a term: see _looks_like_age)
        rf"[Оо]т\s+{num}\s+до\s+{num}\s+{UNIT}",
    ]
    # a year joined to a name by a hyphen ("ЕГЭ-2013", "Олимпиады-2008"; nerel-train and -dev: 32 times in 32),
    # not to a two-letter model code ("Ил-2000")
    named_year = re.compile(rf"(?:(?<=[A-Za-zА-Яа-яЁё]{{3}}-)|(?<=(?:ЧМ|ЧЕ|ОИ)-)){YEAR}(?![\w])")  # "ЧМ-2018" too

    def compiled(group):
        return [re.compile(rf"(?<![\w\-]){p}(?![\w])", re.IGNORECASE) for p in group]
    return [named_year] + compiled(pats), compiled(by_unit)


_UNIT_TRIGGER = re.compile(r"(?<![а-яё])(?:год|лет|месяц|недел|дн[яеиюё]|день|сут|век|квартал|полвек|полгод|"
                           r"десятилет|полугод|столет|сезон)", re.IGNORECASE)
_TRIGGER = re.compile(
    r"\d+|(?<![а-яё])(?:январ|феврал|март|апрел|ма[йяюе]|июн|июл|август|сентябр|октябр|ноябр|декабр|понедельник|вторник|"
    r"сред[ауые]|четверг|пятниц|суббот|воскресен|зим|весн|лет|осен|сегодн|вчера|завтра|позавчера|послезавтра|"
    r"накануне|днях|год|месяц|недел|дн[яеиюё]|день|сут|век|квартал|полвек|полгод|выходн|"
    r"десятилет|полугод|столет|времени|ежегодно)|(?:летн|месячн|недельн|дневн|суточн)[а-яё]+",
    re.IGNORECASE)


def find_dates(text: str, anchor: dt.date | None = None) -> list[DateMention]:
    """Every date-like expression in ``text``: longest non-overlapping matches, with values."""
    cands = []
    near_any, near_unit = _patterns()
    spots = [(windows(text, _TRIGGER), near_any), (windows(text, _UNIT_TRIGGER), near_unit)]
    for (a, b), group in ((w, g) for ws, g in spots for w in ws):
        for pat in group:
            for m in pat.finditer(text, a, b):
                s, e = m.span()
                while e > s and text[e - 1] in " \u00a0,":
                    e -= 1
                if "\n" not in text[s:e]:
                    cands.append((s, e))
                    continue
                # a date does not run over a line break: "Эдгара По\n[17 ноября]", "[50 лет]\n\nРанее"
                head_end, tail_start = text.find("\n", s, e), text.rfind("\n", s, e) + 1
                while head_end > s and text[head_end - 1] in " \u00a0":
                    head_end -= 1
                while tail_start < e and text[tail_start] in " \u00a0":
                    tail_start += 1
                cands += [(a, b) for a, b in ((s, head_end), (tail_start, e)) if b > a]
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = Coverage(len(text))
    out = []
    for s, e in cands:
        if not taken.free(s, e):
            continue
        span = text[s:e]
        if _looks_like_age(text, s, span) or _in_a_title(text, s, e) or _eve_of(text, span, e) \
                or _counts_something(text, span, e) or _ADJ_DURATION.fullmatch(span) and not _lasting(text, e):
            continue
        parsed = parse_date(span, anchor)
        if parsed is None:
            continue
        value, kind, offset = parsed
        if anchor and kind == "date" and _WEEKDAY_ALONE.fullmatch(span) and _tense(text, s, e) == "futr":
            value = _coming(anchor, span)  # "прощание пройдёт в четверг": the coming Thursday
        taken.take(s, e)
        k = re.match(r"[Кк][ \u00a0]+", span)
        if k and kind == "duration":  # "приговорил к [шести годам]": a sentence's term goes without "к"
            s, span = s + k.end(), span[k.end():]
        before = _BEFORE_THAT.match(text, e) if kind == "duration" and re.match(r"[Зз]а[ \u00a0]", span) else None
        if before:  # "за год до этого": how long before, one span (nerel-train: 5 times in 6)
            e, span = before.end(), text[s:before.end()]
            taken.take(s, e)
        out.append(DateMention(s, e, span, value, kind, offset))
    out.sort(key=lambda d: d.start)
    out = _join_coordinated(text, _join_appositions(text, out), anchor)
    if anchor:  # the clause's tense read only for a month or a day said without its year
        out = [dataclasses.replace(d, value=_in_its_year(d.value, anchor, _tense(text, d.start, d.end)))
               if _yearless(d, anchor) else d for d in out]
        out = [dataclasses.replace(d, value=_range_by_tense(d.value, anchor, _tense(text, d.start, d.end)))
               if _NEW_YEAR_RANGE.fullmatch(d.value or "") and not _YEAR_SAID.search(d.text) else d for d in out]
        out = [dataclasses.replace(d, value=_season_by_tense(d.value, anchor, _tense(text, d.start, d.end)))
               if d.value and d.value[-2:] in _SEASON_MONTHS and d.value == f"{anchor.year:04d}-{d.value[-2:]}"
               and not _YEAR_SAID.search(d.text) and not _SAID_WHICH.search(d.text) else d for d in out]
    return _told_before(text, out)


_WEEKDAY_ALONE = re.compile(rf"(?i)(?:(?:во?|на|к|до)[ \u00a0]+)?{WEEKDAY}")
_CLAUSE_END = re.compile(r"[.!?;:\n«»\"()]")
_PART_END = re.compile(r"[.!?;:\n«»\"(),]")


# a verb in the present that speaks of what is to come: "может снизить ставку в марте", "планирует открыть в мае"
_MEANS_TO = frozenset("мочь планировать собираться намереваться рассчитывать обещать готовиться".split())


# a day something is set for: "заседание назначено на 15 января", "перенесено на март" (with no past verb beside)
_SET_FOR = frozenset("назначить назначенный запланировать запланированный наметить намеченный перенести "
                     "перенесённый перенесенный отложить отложенный".split())


def _tense(text: str, start: int, end: int) -> str | None:
    """The time the clause of a date speaks of: "futr" for a verb in the future and none in the past ("пройдёт в
    четверг", "в пятницу будет объявлено"; not "в четверг сообщил, что пройдёт"), "past" for the reverse, else None;
    the verbs between the commas around the date first ("заявил, что начнёт консультации во вторник"); "может",
    "планирует" and the like speak of what is to come."""
    if _TERM_ENDING.search(text, max(0, start - 40), start) and re.match(r"(?i)(?:до|по)[ \u00a0]", text[start:end]):
        return "futr"  # the end of a term set now: "арестован на два месяца, до 20 января"
    for bound in (_PART_END, _CLAUSE_END):  # the part between commas first: "заявил, что начнёт во вторник"
        a = max((m.end() for m in bound.finditer(text, max(0, start - 120), start)), default=max(0, start - 120))
        b = next((m.start() for m in bound.finditer(text, end, end + 120)), min(len(text), end + 120))
        for_date = bool(re.match(r"(?i)на[ \u00a0]", text[start:end]))  # "назначено на 15 января": to come
        tenses = {"futr" if p.tag.tense == "pres" and p.normal_form in _MEANS_TO
                  or p.tag.POS == "PRTS" and p.normal_form in _SET_FOR else p.tag.tense
                  for w in re.findall(r"[а-яё]+", text[a:b].lower())
                  for p in parses(w)[:1] if p.tag.POS == "VERB" or for_date and p.tag.POS == "PRTS"} & {"futr", "past"}
        if tenses:
            return tenses.pop() if len(tenses) == 1 else None
    return None


# a term, right before the day it ends: "на два месяца, ", "сроком на 30 суток — "
_TERM_ENDING = re.compile(r"(?<![а-яё])на[ \u00a0]+(?:[а-яё\d]+[ \u00a0]+){0,2}(?:дн(?:я|ей)|сут(?:ки|ок)|недел[а-яё]*|"
                          r"месяц[а-яё]*|год[а-яё]*|лет)[ \u00a0]*[,—–-]?[ \u00a0]*$", re.I)
_YEAR_SAID = re.compile(r"\d{4}|год|лет", re.I)
_MONTH_DAY = re.compile(r"(\d{4})(-\d{2}(?:-\d{2})?)")


def _yearless(d: DateMention, anchor: dt.date) -> bool:
    """A month or a day the text names without a year, which took the article's; not with a weekday, which settles
    the year already."""
    m = _MONTH_DAY.fullmatch(d.value or "") if d.kind == "date" and re.search(MONTH, d.text, re.I) else None
    return bool(m) and int(m.group(1)) == anchor.year \
        and not _YEAR_SAID.search(re.sub(r"^\D*\d{1,2}(?!\d)", "", d.text)) and not re.search(WEEKDAY, d.text, re.I)


def _in_its_year(value: str, anchor: dt.date, tense: str | None) -> str:
    """A month or a day with no year said (``_yearless``), given the article's year, moved to the year before when
    the clause tells of the past and it would be over a month after the article's date ("В декабре он уволился" in
    February), to the year after when it tells of what is to come and it would be over a month before ("сохранит
    ставку до марта" in November)."""
    m = _MONTH_DAY.fullmatch(value)
    said = dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    last = said if len(value) == 10 else (said + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    shift = -1 if tense == "past" and (said - anchor).days > 31 else \
        1 if tense == "futr" and (anchor - last).days > 31 else 0
    return f"{anchor.year + shift:04d}{m.group(2)}" if shift else value


def _coming(anchor: dt.date, span: str) -> str:
    """The weekday named in ``span`` on or after ``anchor``."""
    n = _weekday_number(re.search(WEEKDAY, span, re.IGNORECASE).group())
    return (anchor + dt.timedelta(days=(n - anchor.isoweekday()) % 7)).isoformat()


_BEFORE_THAT = re.compile(r"[ \u00a0]+до[ \u00a0]+(?:этого|того)(?![а-яё])(?![ \u00a0,]+(?:как|чтобы|что)(?![а-яё]))")


def _eve_of(text: str, span: str, end: int) -> bool:
    """"накануне выборов": the eve of an event, not a day (nerel-train: a date 1 time in 12)."""
    nxt = re.match(r"[ \u00a0]+([а-яё]+)", text[end:end + 30])
    return span.lower() == "накануне" and bool(nxt) and any(
        p.tag.POS == "NOUN" and p.tag.case == "gent" for p in parses(nxt.group(1))[:1])


def _in_a_title(text: str, start: int, end: int) -> bool:
    """Inside a short quoted name, words of time name nothing: «Россия сегодня», «17 мгновений весны», «Один
    день Ивана Денисовича» (a bare year still counts: «Инициатива 2045»). Longer quotes are speech, with real
    dates in them (nerel-train: of 21 dates we found in quotes, the 8 in its gold are all in speech or years)."""
    if re.fullmatch(r"\d{4}", text[start:end]):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    opening = text.rfind("«", line_start, start)
    if opening == -1 or "»" in text[opening:start]:
        return False
    closing = text.find("»", end, end + 80)
    if closing == -1 or "\n" in text[end:closing]:
        return False
    inside = text[opening + 1:closing]
    if _SAID.match(text, closing + 1) and len(inside.split()) > 2 or _SPEAKER.match(inside):
        return False  # «Мы ждали этого 12 лет», — сказал он: speech
    return not inside[:1].islower() and len(inside.split()) <= 5


_SAID = re.compile(r"[ \u00a0]*,[ \u00a0]*[–—-]")
_SPEAKER = re.compile(r"(?:Я|Мы|Вы|Ты)(?![а-яё])")


def _join_appositions(text: str, dates: list[DateMention]) -> list[DateMention]:
    """"вчера, 11 апреля 2018 года", "3 июля, в среду", "в субботу — 14 марта": one date said twice is one span,
    with the exact value (a dash only after a weekday; nerel-train: one span 9 times in 10)."""
    out: list[DateMention] = []
    for d in dates:
        prev = out[-1] if out else None
        gap = text[prev.end:d.start] if prev else ""
        if prev and (re.fullmatch(r",[ \u00a0]*", gap) or re.fullmatch(r"[ \u00a0]*[—–][ \u00a0]*", gap)
                     and re.search(WEEKDAY + r"$", prev.text, re.IGNORECASE)) \
                and {prev.kind, d.kind} <= {"date", "relative"}:
            exact = d if re.search(r"\d", d.text) else prev
            other = prev if exact is d else d
            if exact.value and exact.value[:1].isdigit() and (other.kind == "relative" or other.offset or
                                                              re.search(WEEKDAY, other.text, re.IGNORECASE)):
                out[-1] = DateMention(prev.start, d.end, text[prev.start:d.end], exact.value, "date", other.offset)
                continue
        out.append(d)
    return out


_AND = re.compile(r"[ \u00a0]+и[ \u00a0]+")
_DAY_AND = re.compile(r"(?<![\d.,:])(\d{1,2})[ \u00a0]+и[ \u00a0]+$")
_YEARLESS = re.compile(r"--(\d\d(?:-\d\d)?)")
_DAY_OR_MONTH = re.compile(r"(\d{4}|-)-(\d\d(?:-\d\d)?)")
_AND_WEEKDAY = re.compile(r"[ \u00a0]+и[ \u00a0]+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?![а-яё])",
                          re.I)


# times said of the time told of last ("в 2015 году ... годом позже", "5 мая ... на следующий день")
_BY_TOLD = [
    (re.compile(r"(?:в|на)\s+(?:том|этом|тот|этот)\s+же\s+году", re.I), "Y", 0),
    (re.compile(r"годом\s+(?:ранее|раньше|прежде)", re.I), "Y", -1),
    (re.compile(r"годом\s+(?:позже|позднее|спустя)", re.I), "Y", 1),
    (re.compile(r"в\s+(?:тот|этот)(?:\s+же)?\s+день", re.I), "D", 0),
    (re.compile(r"на\s+(?:следующий|другой)\s+день", re.I), "D", 1),
]
_AFTER_WHAT = re.compile(r"[ \u00a0]+(?:после|до)(?![а-яё])")
_TOLD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-[QHW]\d{1,2})?")


def _told_before(text: str, dates: list[DateMention]) -> list[DateMention]:
    """A time said of the time told of last takes its value from the date before it: "В 2015 году он ушёл, а
    годом позже вернулся" -> 2016, "5 мая 2019 года ... На следующий день" -> 2019-05-06 (no offset: the text, not
    the article's date, anchors it); with no such date before, or when what it follows is named after it ("на
    следующий день после выборов"), it keeps no value."""
    out, year, day = [], None, None
    for d in dates:
        if d.value is None and not _AFTER_WHAT.match(text, d.end):
            rule = next(((unit, n) for pat, unit, n in _BY_TOLD if pat.fullmatch(d.text)), None)
            if rule and rule[0] == "Y" and year:
                d = dataclasses.replace(d, value=f"{year + rule[1]:04d}", kind="date")
            elif rule and rule[0] == "D" and day:
                d = dataclasses.replace(d, value=(day + dt.timedelta(days=rule[1])).isoformat(), kind="date")
        told = _TOLD.fullmatch(d.value or "") if d.kind == "date" else None
        if told:
            year = int(told.group(1))
        if d.kind == "date" and d.value:  # a day with no year ("17 апреля") is a day no longer known
            day = dt.date(year, int(told.group(2)), int(told.group(3))) if told and told.group(3) else None
        out.append(d)
    return out


def _join_coordinated(text: str, dates: list[DateMention], anchor: dt.date | None) -> list[DateMention]:
    """Dates joined by "и" that share what the last one says are one span, as NEREL draws them, of kind "set",
    its value the EDTF set of each date in full: "30 апреля и 1 мая 2021 года" -> {2021-04-30,2021-05-01}, "в июле
    и августе 2018 года" -> {2018-07,2018-08}, "5 и 6 мая 2021 года" -> {2021-05-05,2021-05-06} (before, the
    first had no year or was lost). Weekdays stay two dates, the second found without its "в": "в пятницу и
    субботу"."""
    out: list[DateMention] = []
    for d in dates:
        full = _DAY_OR_MONTH.fullmatch(d.value or "") if d.kind == "date" else None
        prev = out[-1] if out else None
        year = full.group(1) if full and full.group(1) != "-" else None
        day = _DAY_AND.search(text, max(0, d.start - 12), d.start)
        if full and "-" in full.group(2) and day and d.text[:1].isdigit() and (not prev or prev.end <= day.start()):
            first = f"{year or '-'}-{full.group(2)[:3]}{int(day.group(1)):02d}"  # "5" of "5 и 6 мая"
            out.append(DateMention(day.start(), d.end, text[day.start():d.end], f"{{{first},{d.value}}}", "set"))
            continue
        gap = prev and _AND.fullmatch(text, prev.end, d.start)
        before = _YEARLESS.fullmatch(prev.value or "") if gap and prev.kind == "date" else None
        if full and before and len(before.group(1)) == len(full.group(2)):
            first = f"{year}-{before.group(1)}" if year else prev.value
            out[-1] = DateMention(prev.start, d.end, text[prev.start:d.end], f"{{{first},{d.value}}}", "set")
            continue
        out.append(d)
        weekday = _AND_WEEKDAY.match(text, d.end) if re.search(WEEKDAY, d.text, re.I) else None
        parsed = weekday and parse_date("в " + weekday.group(1), anchor)
        if parsed and not any(x.start < weekday.end() and weekday.start(1) < x.end for x in dates):
            out.append(DateMention(weekday.start(1), weekday.end(), weekday.group(1), *parsed))
    return out


# an age after "в возрасте", "ему было", "исполнилось" (a qualifier may stand between) ...
_JUST = r"бы|уже|всего|лишь|только|по\s+крайней\s+мере"  # words that may come between whose age and the age
_AGE_WORDS = re.compile(r"(?<![а-яё])(?:возрасте|исполнил\w*|исполняется|исполнится|исполниться|было|будет|ему|ей|им|"
                        r"котор(?:ому|ой|ым)|в\s+свои)"
                        rf"(?:\s+(?:{_JUST}|тогда|более|менее|около|свыше|почти|примерно|и))?\s+$")
# ages listed before the word for them: "Им было 31, 24 и [17 лет]", "в 65 и [72 лет]", "(11, 7 и [6 лет])"
_AGES_LISTED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\s*\d{1,3})*\s+и\s+$")
# ... or after a name: "Ивану Котову 52 года", "Анне Котовой 45 лет", "Анна Зуева — 47 лет, врач", "Омар Саид (Omar
# Said), 29 лет"
_AGE_AFTER_NAME = re.compile(r"(?:[А-ЯЁ][а-яё]+(?:[уеи]|ой)|[А-ЯЁ][а-яё]+,|\),|[А-ЯЁ][а-яё]+\s+[—–])"
                             rf"(?:\s+(?:{_JUST}))?\s+$")


def _counts_something(text: str, span: str, end: int) -> bool:
    """A number after a preposition followed by a noun it counts is no year: "в 2000 метрах", "с 1800 рублями"."""
    if not re.fullmatch(rf"(?:[Вв]|[Сс]|[Дд]о)\s+{YEAR}", span):
        return False
    word = re.match(r"[ \u00a0]+([А-Яа-яЁё]+)", text[end:end + 30])
    return bool(word) and word.group(1).islower() and parses(word.group(1).lower())[0].tag.POS in ("NOUN", "ADJF", "NUMR")


# a term of years: "грозит срок до 15 лет", "на срок от 6 до 12 лет", "до 8 лет лишения свободы"
_TERM_BEFORE = re.compile(r"(?<![а-яё])(?:срок[а-яё]*|гроз[а-яё]+|свободы|заключени[а-яё]+|колони[а-яё]+|наказани[а-яё]+|"
                          r"приговор[а-яё]*|продлени[а-яё]+)(?:\s+[а-яё]+)?\s+$", re.I)
_TERM_AFTER = re.compile(r"\s+(?:лишения\s+свободы|заключения|колонии|тюрьмы|тюремного)", re.I)


_TENS = r"(?:двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяносто)"  # "сорок один год"
_WHOSE_AGE = re.compile(r"(?<![а-яё])(?:ему|ей|им|котор(?:ому|ой|ым))(?![а-яё])", re.I)


def _looks_like_age(text: str, start: int, span: str) -> bool:
    """'Ивану Котову 52 года', 'в возрасте 80 лет', 'в 13 лет', 'старше 70 лет', 'ей тогда было всего шесть лет',
    '(51 год)', 'на 91 году жизни', 'подростков от 12 до 17 лет': an age, not a duration (but 'грозит до 15 лет' is
    a term)."""
    if _TERM_BEFORE.search(text, max(0, start - 40), start) or _TERM_AFTER.match(text, start + len(span)):
        return False
    if re.fullmatch(r"(?:[Оо]т\s+)?(?:\d{1,3}|[а-яё]+)\s+до\s+(?:\d{1,3}|[а-яё]+)\s+(?:года|лет)|"
                    r"\d{1,3}\s*[-–]\s*\d{1,3}\s+(?:года|лет)", span):
        return bool(re.match(r"[Оо]т", span)) or bool(_AGE_WORDS.search(text, max(0, start - 30), start))
    if re.fullmatch(r"(?:[Вв]|[Дд]о|[Сс]|[Пп]осле)\s+\d{1,3}\s+(?:год|года|лет)", span):
        return True
    if re.fullmatch(r"(?:[Нн]а\s+)?\d{1,3}(?:-?м)?\s+году", span) and re.match(r"\s+жизни", text[start + len(span):]):
        return True
    words = re.fullmatch(r"(?:(всего|лишь|только|почти|более|менее|около|свыше|примерно)\s+)?"
                         rf"((?:{_TENS}\s+)?[а-яё]+|\d{{1,3}})\s+"
                         r"(?:год|года|лет)(?:\s+и\s+\d{1,3}\s+(?:день|дня|дней))?", span)
    if not words:
        return False
    before = text[max(0, start - 30):start]
    if re.search(r"(?<![а-яё])не\s+(?:было|будет)\s+(?:и\s+)?$", before) and not _WHOSE_AGE.search(before) \
            and not re.search(r"[А-ЯЁ][а-яё]+[уеи]\s", before):
        return False  # "его не было два года": how long he was away ("ей не было и 18 лет" is her age)
    if words.group(1) in ("более", "менее", "около", "свыше", "примерно"):  # "в возрасте более 100 лет", but
        return bool(_AGE_WORDS.search(before))  # "помогли ему более 9 лет скрываться" is a duration
    if not words.group(2).isdigit():  # "ей тогда было всего шесть лет"; "два года" alone is a duration
        return bool(_AGE_WORDS.search(before) or _AGE_AFTER_NAME.search(before))
    if text[start - 1:start] == "(" and text[start + len(span):start + len(span) + 1] == ")":
        return True  # "родился в 1971 году (47 лет)"
    if _AGES_LISTED.search(before):
        return True
    if re.search(r"(?:старше|младше|моложе|позже|позднее|раньше|до|в|с)\s+$", text[max(0, start - 10):start], re.IGNORECASE):
        return True
    return bool(_AGE_WORDS.search(before) or _AGE_AFTER_NAME.search(before))


# ------------------------------------------------------------------ values

def _month(word: str) -> int | None:
    w = word.lower()
    if w.startswith("мар"):
        return 3
    if w.startswith("ма"):
        return 5
    for stem, n in MONTHS.items():
        if w.startswith(stem):
            return n
    return None


def _roman(s: str) -> int | None:
    vals = {"I": 1, "V": 5, "X": 10}
    if not s or any(ch not in vals for ch in s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


_UNIT_CODE = [("лет", "Y"), ("год", "Y"), ("месяц", "M"), ("недел", "W"), ("сут", "D"), ("век", "C"),
              ("десятилети", "DE"), ("полугоди", "HY"), ("квартал", "Q"), ("д", "D")]


def _unit(word: str) -> str | None:
    w = word.lower()
    if w.startswith("пол"):
        return None
    for stem, code in _UNIT_CODE:
        if w.startswith(stem):
            return code
    return None


def _duration(pairs: list[tuple[float | None, str]]) -> str:
    """[(18, 'Y')] -> 'P18Y'; [(1.5, 'Y')] -> 'P18M'; unknown count -> 'PXY'."""
    parts: dict[str, float | None] = {}
    for n, code in pairs:
        if code == "C":
            n, code = (n * 100 if n is not None else None), "Y"
        elif code == "DE":
            n, code = (n * 10 if n is not None else None), "Y"
        elif code == "HY":
            n, code = (n * 6 if n is not None else None), "M"
        elif code == "Q":
            n, code = (n * 3 if n is not None else None), "M"
        if n is not None and n != int(n):
            if code == "Y":
                n, code = n * 12, "M"
            elif code == "M":
                n, code = n * 30, "D"
            elif code == "W":
                n, code = n * 7, "D"
        parts[code] = (parts.get(code) or 0) + n if n is not None else None
    out = "P"
    for code in ("Y", "M", "W", "D"):
        if code in parts:
            n = parts[code]
            out += ("X" if n is None else str(int(n))) + code
    return out


def _shift(anchor: dt.date, n: int, code: str) -> str:
    if code == "D":
        return (anchor + dt.timedelta(days=n)).isoformat()
    if code == "W":
        d = anchor + dt.timedelta(weeks=n)
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if code == "M":
        m = anchor.year * 12 + anchor.month - 1 + n
        return f"{m // 12:04d}-{m % 12 + 1:02d}"
    if code == "Y":
        return f"{anchor.year + n:04d}"
    return f"{anchor.year // 100 + n}"


def _offset(n: int, code: str) -> str:
    return ("-" if n < 0 else "") + f"P{abs(n)}{code}" if code != "C" else ("-" if n < 0 else "") + f"P{abs(n) * 100}Y"


_SEASONS = {"зим": "WI", "весн": "SP", "лет": "SU", "осен": "FA"}
_NUM = r"\d+(?:[.,]\d+)?"


_ORDINAL = {"перв": 1, "втор": 2, "трет": 3, "четв": 4}  # which quarter or half: "первом квартале", "третий"


def _first_day(day: str, last: str | None) -> str | None:
    """A range's first day, given by its number alone, in the month and year of its last day: ("5", "2020-03-06")
    -> "2020-03-05"; None if ``day`` is more than a number or ``last`` is no day."""
    if last and re.fullmatch(r"[0-3]?\d", day.strip()) and re.search(r"-\d\d-\d\d$", last):
        return last[:-2] + f"{int(day):02d}"
    return None


def _weekday_number(word: str) -> int:
    """1 for a form of "понедельник", ... 7 for one of "воскресенье"."""
    return next(v for k, v in WEEKDAYS.items() if word.lower().startswith(k))


def _single_value(t: str, anchor: dt.date | None) -> str | None:
    """A single point: '14 мая 2020 года', '14.05.2020', 'в 2002 году', 'в мае', 'летом 2017'."""
    m = re.search(r"(\d{4})-(\d\d)-(\d\d)", t)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = re.search(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)", t)
    if m:
        y = int(m.group(3))
        y = y + (2000 if y < 50 else 1900) if y < 100 else y
        return f"{y:04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    year_m = re.search(rf"(?<!\d)({YEAR})(?!\d)", t)
    year = int(year_m.group(1)) if year_m else None
    quarter = re.search(r"(перв|втор|трет|четв)\w*\s+квартал", t)
    if quarter:
        q = _ORDINAL[quarter.group(1)]
        year = year or (anchor.year if anchor else None)
        return f"{year:04d}-Q{q}" if year else f"XXXX-Q{q}"
    half = re.search(r"(перв|втор)\w*\s+(?:половин|полугоди)", t)
    if half and year:
        return f"{year:04d}-H{_ORDINAL[half.group(1)]}"
    season = re.search(SEASON, t.lower())
    if season:
        code = next(v for k, v in _SEASONS.items() if season.group().startswith(k))
        year = year or (anchor.year if anchor else None)
        return f"{year:04d}-{code}" if year else f"XXXX-{code}"
    month_m = re.search(MONTH, t, re.IGNORECASE)
    if month_m:
        month = _month(month_m.group())
        day_m = re.search(rf"(?<!\d)([0-3]?\d)(?:\s*[-–—]\s*[0-3]?\d)?[ \u00a0]+{MONTH}", t, re.IGNORECASE)
        if year is None and anchor is not None:
            year = anchor.year
        ys = f"{year:04d}" if year else "-"
        if day_m:
            return f"{ys}-{month:02d}-{int(day_m.group(1)):02d}"
        return f"{ys}-{month:02d}"
    if year:
        return f"{year:04d}"
    return None


def _quarter(anchor, n: int) -> tuple:
    """The quarter ``n`` quarters from the anchor's ("в прошлом квартале": -1), as a parsed date's triple."""
    off = _offset(3 * n, "M")
    if anchor is None:
        return (off, "relative", off)
    q = (anchor.month - 1) // 3 + n
    return (f"{anchor.year + q // 4:04d}-Q{q % 4 + 1}", "date", off)


def parse_date(span: str, anchor: dt.date | None = None) -> tuple[str | None, str, str | None] | None:
    """(value, kind, offset) for one matched span, or None when it is not a date after all."""
    t = re.sub(rf"(?<=\d)-(?:го|е)(?=\s+{MONTH})", "", span.strip(), flags=re.I)  # "20-го августа" is the 20th
    low = t.lower()
    m = re.fullmatch(r"(?:(?:во?|за|к|до)\s+)?(перв|втор|трет|четв)[а-яё]*\s+(квартал|полугоди)[а-яё]*", low)
    if m:  # "в первом квартале", "за первое полугодие": of the year the text is about
        part = ("Q" if m.group(2) == "квартал" else "H") + str(_ORDINAL[m.group(1)])
        return (f"{anchor.year:04d}-{part}", "date", None) if anchor else (f"XXXX-{part}", "relative", None)
    m = re.fullmatch(rf"(?:во?|на|к)\s+({_WEEK_REL})\s+(\w+)", low)
    if m and re.fullmatch(WEEKDAY, m.group(2)):
        n = _weekday_number(m.group(2))
        if anchor is None:
            return (f"XXXX-WXX-{n}", "relative", None)
        word, today = m.group(1), anchor.isoweekday()
        if word.startswith(("прошл", "прошедш", "минувш", "последн", "предыдущ")):  # the last such day before it
            day = anchor - dt.timedelta(days=(today - n) % 7 or 7)
        elif word.startswith(("следующ", "ближайш", "будущ", "предстоящ")):  # the next one after it
            day = anchor + dt.timedelta(days=(n - today) % 7 or 7)
        else:  # "в эту пятницу": that day of the article's week
            day = anchor + dt.timedelta(days=n - today)
        return (day.isoformat(), "date", None)
    m = re.fullmatch(r"(\d+|[а-яё]+?)(?:-и)?[- ]?(" + "|".join(_ADJ_UNIT) + r")[а-яё]+", low)
    if m and (m.group(1).isdigit() or m.group(1) in _ADJ_COUNT):  # "пятилетний" -> P5Y
        n = float(m.group(1)) if m.group(1).isdigit() else _ADJ_COUNT[m.group(1)]
        return (_duration([(n, _ADJ_UNIT[m.group(2)])]), "duration", None)
    if re.fullmatch(MONTH_ADJ, low):
        return (f"--{_month(low):02d}", "date", None)
    # relative single words
    rel = {"сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2, "накануне": -1}
    if low in rel:
        n = rel[low]
        return (_shift(anchor, n, "D"), "date", _offset(n, "D")) if anchor else (_offset(n, "D"), "relative", _offset(n, "D"))
    if re.fullmatch(r"(?:до|к|после|перед)\s+нов(?:ого|ому|ым)\s+год(?:а|у|ом)", low):  # the New Year: the next 1 January
        if anchor is None:
            return ("--01-01", "date", None)
        return (f"{anchor.year + 1:04d}-01-01", "date", None)
    m = re.fullmatch(r"(год|месяц|неделю|день)\s+спустя", low)
    if m:
        return parse_date(f"1 {m.group(1)}", anchor)  # after the time told of, as "два года спустя": a duration
    if re.fullmatch(r"на\s+днях|в\s+выходные|на\s+выходных|на\s+следующий\s+день|в\s+(?:тот|этот)(?:\s+же)?\s+день|"
                    r"(?:в|на)\s+\w+\s+выходн\w+|с\s+(?:этого|того)\s+времени|в\s+эти\s+дни|"
                    r"в\s+(?:том|этом|тот|этот)\s+же\s+году|годом\s+\w+|в\s+минувш\w+\s+(?!году|месяце|неделе)\w+|"
                    r"в\s+(?:разные|последующие)\s+годы", low):
        return (None, "relative", None)
    if re.fullmatch(r"на\s+сегодняшний\s+день|с\s+сегодняшнего\s+дня", low):
        return (anchor.isoformat(), "date", "P0D") if anchor else ("P0D", "relative", "P0D")
    m = re.search(REL_YEAR + "$", low)
    if m:  # "25 декабря прошлого года": the date with the year the article's date gives
        n = _REL_YEARS[m.group(1) or "этого"]
        off = _offset(n, "Y")
        if anchor is None:
            return (off, "relative", off)
        head = t[:m.start()].strip()
        inner = parse_date(f"{head} {anchor.year + n} года") if re.search(rf"{MONTH}|{SEASON}|квартал|половин|полугоди",
                                                                       head.lower()) else None
        return (inner[0] if inner else f"{anchor.year + n:04d}", "range" if inner and inner[1] == "range" else "date", off)
    m = re.fullmatch(rf"(эт|прошл|следующ|будущ|нынешн)\w*\s+({SEASON})", low)
    if m:  # "этим летом": this year's summer
        n = -1 if m.group(1) == "прошл" else 1 if m.group(1) in ("следующ", "будущ") else 0
        code = next(v for k, v in _SEASONS.items() if m.group(2).startswith(k))
        off = _offset(n, "Y")
        return (f"{anchor.year + n:04d}-{code}", "date", off) if anchor else (off, "relative", off)
    m = re.fullmatch(rf"в\s+(следующем|прошлом)\s+({MONTH})", low)
    if m:
        month = _month(m.group(2))
        if anchor is None:
            return (None, "relative", None)
        y = anchor.year + (1 if m.group(1) == "следующем" and month <= anchor.month else 0) \
            - (1 if m.group(1) == "прошлом" and month >= anchor.month else 0)
        return (f"{y:04d}-{month:02d}", "date", None)
    m = re.fullmatch(r"(.+?)\s+(?:ранее|раньше|позже|спустя)", low)
    if m and re.search(UNIT + "$", m.group(1)) and not re.search(r"назад", low):
        return parse_date(m.group(1), anchor)
    m = re.fullmatch(r"(?:(?:во?|к|до|со?|после)\s+)?(?:начал|конц|середин)[а-яё]*\s+(?:([а-яё]+)\s+)?"
                     r"(года|месяца|квартала|недели|сезона|века|десятилетия)", low)
    if m:  # "в начале года": the part is not in the value, the year is
        word, unit = m.group(1) or "", m.group(2)
        n = -1 if word.startswith("прошл") else 1 if word.startswith("следующ") else 0
        code = {"года": "Y", "месяца": "M", "недели": "W", "сезона": "Y", "века": "C", "десятилетия": "Y",
                "квартала": "Q"}[unit]
        if unit == "десятилетия":
            return (f"{anchor.year // 10}" if anchor else None, "date" if anchor else "relative", None)
        if code == "Q":
            return _quarter(anchor, n)
        off = _offset(n, code)
        return (_shift(anchor, n, code), "date", off) if anchor else (off, "relative", off)
    m = re.fullmatch(r"(?:в|на)\s+([а-яё]+)\s+(году|месяце|неделе|неделю|квартале|веке|сезоне)", low) or re.fullmatch(
        r"(?:за|на)\s+((?:прошл|прошедш|истекш|текущ|нынешн|эт|следующ|ближайш|будущ|минувш|предыдущ)[а-яё]*)\s+"
        r"(год|месяц|сезон)",
        low)  # "за прошлый год": that year ("за последний год" is a duration)
    if m:
        word, unit = m.groups()
        n = -2 if word.startswith("позапрошл") else \
            -1 if word.startswith(("прошл", "прошедш", "истекш", "минувш", "предыдущ")) else \
            1 if word.startswith(("следующ", "будущ", "ближайш")) else 0
        code = {"году": "Y", "месяце": "M", "неделе": "W", "неделю": "W", "квартале": "Q", "веке": "C", "сезоне": "Y",
                "год": "Y", "месяц": "M", "сезон": "Y"}[unit]
        if code == "Q":
            return _quarter(anchor, n)
        off = _offset(n, code)
        return (_shift(anchor, n, code), "date", off) if anchor else (off, "relative", off)
    m = re.search(rf"(?<![\d.,])(\d{{1,3}})\s*[-–]\s*(\d{{1,3}})\s+({UNIT})\s+(?:тому\s+)?назад$", low)
    code = _unit(m.group(3)) if m else None
    if code in ("Y", "M", "W", "D") and int(m.group(1)) < int(m.group(2)):  # "2-3 года назад": between the two
        far, near = -int(m.group(2)), -int(m.group(1))
        off = f"{_offset(far, code)}/{_offset(near, code)}"
        return (f"{_shift(anchor, far, code)}/{_shift(anchor, near, code)}", "range", off) if anchor \
            else (off, "relative", off)
    count = rf"{_NUM}|{number_word_re()}(?:\s+{number_word_re()})?|нескольк\w+|многих"
    m = re.search(rf"({count})?\s*{UNIT}\s+(тому\s+)?(назад|спустя)$", low)
    m2 = re.match(rf"(?:через|спустя)\s+(?:({count})\s+)?({UNIT})", low)
    if m or m2:
        num = (m or m2).group(1)
        if num and re.match(r"нескольк|мног", num):
            return (None, "relative", None)
        unit_word = re.search(UNIT + r"(?=\s+(?:тому\s+)?(?:назад|спустя)$)" if m else UNIT + "$", low)
        word = unit_word.group() if unit_word else ""
        n = parse_number(num) if num else 1
        code = _unit(word)
        if word.startswith(("полгод", "полвек")):  # "полгода назад"
            n, code = (6, "M") if word.startswith("полгод") else (50, "Y")
        if code is None or n is None:
            return (None, "relative", None)
        times, code = {"DE": (10, "Y"), "HY": (6, "M"), "Q": (3, "M")}.get(code, (1, code))
        n *= times  # "два десятилетия назад" -> 20 years
        if n != int(n):  # "полтора года назад" -> 18 months
            n, code = {"Y": (n * 12, "M"), "M": (n * 30, "D"), "W": (n * 7, "D")}.get(code, (n, code))
        if n != int(n):
            return (None, "relative", None)
        n = int(n) * (-1 if m else 1)
        off = _offset(n, code)
        return (_shift(anchor, n, code), "date", off) if anchor else (off, "relative", off)
    # weekdays
    wd = re.search(WEEKDAY, low)
    if wd and not re.search(r"\d", low):
        n = _weekday_number(wd.group())
        if anchor:
            back = (anchor.isoweekday() - n) % 7
            return ((anchor - dt.timedelta(days=back)).isoformat(), "date", None)
        return (f"XXXX-WXX-{n}", "relative", None)
    # decades and centuries
    m = re.search(r"(\d{2}|\d{4})(?<=0)-?(?:х|е|ые|ых)(?:\s|$)", low)  # "70-х", not "64-х [летний]"
    if m:
        d = m.group(1)
        if len(d) == 2:
            d = ("19" if int(d) >= 20 else "20") + d
        return (d[:3], "date", None)
    m = re.search(rf"({ROMAN}|\d{{1,2}})\s+(?:век|веков|столет)", t)
    if m:
        c = int(m.group(1)) if m.group(1).isdigit() else _roman(m.group(1))
        if not c:
            return None
        return (f"{c - 1:02d}", "date", None)
    # ranges
    m = re.search(rf"({MONTH})\s*[-–—]\s*({MONTH})", t, re.IGNORECASE)
    if m:  # "в апреле-мае 2012 г."
        year_m = re.search(rf"(?<!\d)({YEAR})(?!\d)", t)
        year = int(year_m.group(1)) if year_m else anchor.year if anchor else None
        ys = f"{year:04d}" if year else "-"
        return (f"{ys}-{_month(m.group(1)):02d}/{ys}-{_month(m.group(2)):02d}", "range", None)
    m = re.search(rf"(?<!\d)({YEAR})\s*[-–—]\s*({YEAR})(?!\d)", t)
    if m:
        return (f"{m.group(1)}/{m.group(2)}", "range", None)
    # a range of durations: "от 8 до 20 лет" -> P8Y/P20Y, "2-3 года" -> P2Y/P3Y
    small = r"\d{1,3}(?:[.,]\d+)?"  # not a year: "от 2010 до 2015 года" is a range of years
    m = re.fullmatch(rf"(?:.*\s)?(?:от\s+({small}|{number_word_re()})\s+до\s+|(\d{{1,3}})\s*[-–]\s*)({small}|{number_word_re()})"
                     rf"\s+({UNIT})", low)
    if m and _unit(m.group(4)):
        a, b = (parse_number(x.replace(",", ".")) for x in (m.group(1) or m.group(2), m.group(3)))
        if a is not None and b is not None:
            return (f"{_duration([(a, _unit(m.group(4)))])}/{_duration([(b, _unit(m.group(4)))])}", "duration", None)
    m = re.fullmatch(r"(?:(?:во?|на|к|до)\s+)?([0-3]?\d)\s*[-–—]\s*([0-3]?\d)(\s+\S.*)", t, re.IGNORECASE)
    if m and int(m.group(1)) < int(m.group(2)):  # "5-6 марта": two days
        b_val = _single_value(m.group(2) + m.group(3), anchor)
        a_val = _first_day(m.group(1), b_val)
        if a_val:
            return (f"{a_val}/{b_val}", "range", None)
    m = re.fullmatch(r"(?:со?|от|между)\s+(.+?)\s+(?:по|до|и|на)\s+(.+)", t, re.IGNORECASE)
    if m:
        a, b = (re.sub(r"^(\d+)-?(?:го|е)(?=\s|$)", r"\1", x) for x in m.groups())  # "со 2-го на 3-е ноября"
        b_val = _single_value(b, anchor)
        a_val = _first_day(a, b_val)
        if a_val is None:
            a_val = _single_value(a, None)
            if a_val and b_val and a_val.startswith("-") and b_val[:4].isdigit():
                a_val = b_val[:4] + a_val[1:]  # "с 1 марта по 5 апреля 2020 года": the year of the end
            elif a_val and a_val.startswith("-"):
                a_val = _single_value(a, anchor)
        if a_val and b_val:
            return (f"{_across_new_year(a_val, b_val, b, anchor)}", "range", None)
        return None
    # recurring: "ежегодно", "каждый год", "каждые два года" (ISO 8601 repeating intervals)
    if low == "ежегодно":
        return ("R/P1Y", "set", None)
    every = re.fullmatch(rf"кажд\w+\s+((?:{_NUM}|{number_word_re()})\s+)?({UNIT})", low)
    if every:
        n = parse_number(every.group(1).strip().replace(",", ".")) if every.group(1) else 1
        return (f"R/{_duration([(n, _unit(every.group(2)))])}", "set", None) if n else None
    # durations
    if re.search(UNIT + r"$", low) and not re.search(rf"{YEAR}\s*{GOD}?$", t) and not re.search(MONTH + "$", low):
        pairs = re.findall(rf"(?:({_NUM}|{number_word_re()}(?:\s+{number_word_re()})?|нескольк\w+|многих)\s+)?({UNIT})(?![а-яё])", low)
        if not pairs:
            return None
        pairs = [("несколько" if n.startswith(("нескольк", "мног")) else n, u) for n, u in pairs]
        has_number = any(n for n, _ in pairs) or bool(re.search(r"полу?(?:век|год)", low))
        prep = re.match(r"(за|в течени[еи]|на протяжении|на|в|до|к|около|более|менее|больше|меньше|свыше|почти|примерно|"
                        r"не более|не менее|немногим|чуть|целых|всего|последн\w+|ближайш\w+|следующ\w+|перв\w+|каждые|"
                        r"каждый|каждую|каждое)\s", low)
        some = bool(re.match(r"(?:(?:за|на)\s+)?(?:многие|долгие)\s", low))  # "долгие годы": some years
        if not has_number and not prep and not some:
            return None
        if not has_number and re.fullmatch(r"в\s+\w+", low):
            return None  # "два фильма в год": a rate, not a date
        if not has_number and not some and not re.search(r"(последн|ближайш|следующ|первы|несколько)", low):
            # "за год", "в течение месяца": one unit
            pairs = [("1", pairs[0][1])]
        vals = []
        half = re.search(r"полу?(век|год)", low)
        if half:
            pairs = []
            vals.append((50, "Y") if half.group(1) == "век" else (6, "M"))
        for n, u in pairs:
            num = parse_number(n.replace(",", ".")) if n and n != "несколько" else (None if n == "несколько" else 1)
            if not n and parses(u)[0].tag.number == "plur":
                num = None  # "в последние годы", "в ближайшие дни": some, not one
            vals.append((num, _unit(u)))
        return (_duration(vals), "duration", None)
    v = _single_value(t, anchor)
    if v is None:
        return None
    return (v, "date", None)


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}  # (winter runs over the new year: left as it is)
_SAID_WHICH = re.compile(r"(?:эт|прошл|следующ|будущ|нынешн|текущ)", re.I)


def _season_by_tense(value: str, anchor: dt.date, tense: str | None) -> str:
    """A season with no year said, given the article's year: the year after when its clause tells of what is to come
    and it would be over ("покажет весной" in August), the year before when it tells of the past and it would not
    have begun ("осенью уволился" in May)."""
    first, last = _SEASON_MONTHS[value[-2:]]
    shift = _tense_shift(dt.date(anchor.year, first, 1), dt.date(anchor.year, last + 1, 1) - dt.timedelta(days=1),
                         anchor, tense)
    return f"{anchor.year + shift:04d}{value[4:]}" if shift else value


def _tense_shift(start: dt.date, end: dt.date, anchor: dt.date, tense: str | None) -> int:
    """How many years a time said without its year moves: one on when its clause tells of what is to come and it
    would be over by the article's date, one back when it tells of the past and it would not have begun."""
    return 1 if tense == "futr" and end < anchor else -1 if tense == "past" and start > anchor else 0


_NEW_YEAR_RANGE = re.compile(r"(\d{4})(-\d{2}(?:-\d{2})?)/(\d{4})(-\d{2}(?:-\d{2})?)")


def _range_by_tense(value: str, anchor: dt.date, tense: str | None) -> str:
    """A range over the new year with no year said (``_across_new_year``), a year later when the clause tells of
    what is to come and it would be over, a year earlier when it tells of the past and it would not have begun."""
    m = _NEW_YEAR_RANGE.fullmatch(value)
    a, b = int(m.group(1)), int(m.group(3))
    if b != a + 1:
        return value
    start = dt.date.fromisoformat(f"{a:04d}{m.group(2)}" + ("" if len(m.group(2)) == 6 else "-01"))
    end = dt.date.fromisoformat(f"{b:04d}{m.group(4)}" + ("" if len(m.group(4)) == 6 else "-28"))
    shift = _tense_shift(start, end, anchor, tense)
    return f"{a + shift:04d}{m.group(2)}/{b + shift:04d}{m.group(4)}" if shift else value


def _across_new_year(a: str, b: str, b_text: str, anchor: dt.date | None) -> str:
    """A range of days or months that runs over the new year ("с 15 декабря по 10 января") ends in the year after
    its start: with the end's year said, the start goes back a year; with neither said, the two years that put it
    nearest the article's date."""
    if not (re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", a) and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", b)) \
            or a[:4] != b[:4] or a[5:7] <= b[5:7]:  # (days of one month the wrong way round stay as they are)
        return f"{a}/{b}"
    year = int(a[:4])
    if re.search(r"\d{4}", b_text) or anchor is None:
        return f"{year - 1:04d}{a[4:]}/{b}"
    back = abs((dt.date(year, int(b[5:7]), 1) - anchor).days)  # the end in the article's year: it has begun
    ahead = abs((dt.date(year, int(a[5:7]), 1) - anchor).days)  # the start in it: it is to come
    return f"{year - 1:04d}{a[4:]}/{b}" if back < ahead else f"{a}/{year + 1:04d}{b[4:]}"


def parse_anchor(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ExtractorError(f"bad article date {value!r}; write it as YYYY-MM-DD") from None
