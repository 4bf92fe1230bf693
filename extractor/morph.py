"""pymorphy3 helpers: one shared analyser, normalisation of names and phrases to the nominative."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pymorphy3

from .resources import lexicon

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")  # a Cyrillic word, hyphenated parts and all


@lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=50000)
def parses(word: str):
    """pymorphy3's parses, never empty; characters Unicode has no name for are left out first."""
    try:
        return tuple(morph().parse(word))
    except ValueError:  # pymorphy3 looks up unicodedata.name(), which fails on unassigned code points
        clean = "".join(ch for ch in word if unicodedata.name(ch, ""))
        return tuple(morph().parse(clean or "?")) if clean != word else tuple(morph().parse("?"))


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
    if res and {"NOUN", "anim", "masc", "plur", "nomn"} <= res.tag.grammemes and res.word[-1] in "иы":
        # a person's plural in "-а"/"-я" where the dictionary has both: "учителя", not "учители"
        other = next((f.word for f in res.lexeme if f.tag == res.tag and f.word[-1] in "ая"), None)
        return other or res.word
    return res.word if res else None


# ---------------------------------------------------------------- person names

# Russian surname paradigms: (gender, case) -> [(ending seen, ending of the nominative)]
_SURNAME_RULES = {
    ("masc", "gent"): [("ского", "ский"), ("цкого", "цкий"), ("ого", "ой"), ("а", ""), ("ы", "а"), ("я", "ь")],
    ("masc", "accs"): [("ского", "ский"), ("цкого", "цкий"), ("ого", "ой"), ("а", ""), ("у", "а"), ("я", "ь")],
    ("masc", "datv"): [("скому", "ский"), ("цкому", "цкий"), ("ому", "ой"), ("у", "")],
    ("masc", "ablt"): [("ским", "ский"), ("цким", "цкий"), ("овым", "ов"), ("евым", "ев"), ("ёвым", "ёв"),
                       ("иным", "ин"), ("ыным", "ын"), ("ом", ""), ("ем", "ь"), ("ой", "а")],
    ("masc", "loct"): [("ском", "ский"), ("цком", "цкий"), ("е", "")],
    ("femn", "gent"): [("ской", "ская"), ("цкой", "цкая"), ("овой", "ова"), ("евой", "ева"), ("ёвой", "ёва"),
                       ("иной", "ина"), ("ыной", "ына"), ("ой", "ая")],
    ("femn", "accs"): [("скую", "ская"), ("цкую", "цкая"), ("ову", "ова"), ("еву", "ева"), ("ёву", "ёва"),
                       ("ину", "ина"), ("ыну", "ына"), ("ую", "ая")],
}
for _c in ("datv", "ablt", "loct"):
    _SURNAME_RULES[("femn", _c)] = _SURNAME_RULES[("femn", "gent")]
# a woman's foreign surname in "-а" declines as a noun: "Кристины Агилеры" -> "Агилера"
_SURNAME_RULES[("femn", "gent")] = _SURNAME_RULES[("femn", "gent")] + [("ы", "а")]
_MASC_NOM = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ой|[бвгджзклмнпрстфхцчшщ])$")
FEMN_NOM = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$")
_VOWEL_END = re.compile(r"[аеёиоуыэюя]$")


_ELDER = re.compile(r"-((?:младш|старш)[а-яё]+)$", re.I)


@lru_cache(maxsize=50000)
def surname_nominative(word: str, gender: str, case: str) -> tuple[str | None, float]:
    """The nominative of a surname seen in ``case``, and how well the reading fits (0..1)."""
    w = word.lower()
    parts = word.split("-")
    elder = _ELDER.search(word)
    if elder and elder.start() > 2:  # "Буша-младшего" -> "Буш-младший": the surname and its adjective, each
        nom, fit = surname_nominative(word[:elder.start()], gender, case)
        adj = [p for p in parses(elder.group(1).lower()) if p.tag.POS == "ADJF" and p.tag.case == case]
        tail = _inflect(adj[0], {"nomn", "sing", gender}) if adj else None
        return (f"{nom}-{tail}", fit) if nom and tail else (None, 0.0)
    if len(parts) == 2 and len(parts[0]) > 2 and len(parts[1]) > 1 and all(x[:1].isupper() for x in parts):
        # a double surname declines in both parts: "Сомовой-Лапиной" -> "Сомова-Лапина"; its second part may be
        # short ("Сомова-Ли" -> "Сомов-Ли")
        (first, fit1), (last, fit2) = (surname_nominative(x, gender, case) for x in parts)
        if not first and not last:
            return None, 0.0
        # a part that does not decline in this case stays as written ("Юркову-Данелия" -> "Юркова-Данелия")
        return f"{first or parts[0]}-{last or parts[1]}", (fit1 + fit2) / 2 if first and last else max(fit1, fit2)
    if w.endswith(("дзе", "швили")):  # Georgian surnames never decline: "Тутберидзе", "Саакашвили"
        return word, 1.0
    for p in parses(w):  # a surname pymorphy knows, or an indeclinable one
        g = p.tag
        if "Surn" in g and p.score >= 0.1 and g.number != "plur" and (g.gender == gender or "ms-f" in g or "Fixd" in g) \
                and (g.case == case or "Fixd" in g):
            nom = word if "Fixd" in g or case == "nomn" else _inflect(p, {"nomn", "sing", gender})
            if nom:
                return match_case(word, nom), 1.0
    if case == "nomn":
        if gender == "masc":
            # "-ом", "-ем" mostly end the instrumental ("с Кемалем Арсланом")
            fit = 1.0 if re.search(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$", w) else 0.5 if w.endswith(("ой", "ый", "ий")) \
                else 0.5 if re.search(r"[^аеиоуыэюяё][оеё]м$", w) \
                else 0.8 if re.search(r"[бвгджзклмнпрстфхцчшщ]$", w) else 0.3
        else:
            fit = 1.0 if FEMN_NOM.search(w) else 0.8 if w.endswith("ая") else 0.3
        return word, fit
    if gender == "masc" and re.search(r"(?:ого|ому|ым|ом)$", w) and re.search(r"[^аеиоуыэюя](?:ого|ому|ым|ом)$", w):
        # an adjective the dictionary knows, or one in "-ск-"/"-цк-": not a guess ("Каприлесом" is no "Каприлесый")
        adj = [p for p in parses(w) if p.tag.POS == "ADJF" and p.tag.case == case and p.tag.gender in (None, "masc")
               and (p.is_known or re.search(r"[сц]к(?:ого|ому|им|ом)$", w))]
        if adj and len(w) > 4 and not w.endswith(("овым", "евым", "иным", "ыным")):
            nom = _inflect(adj[0], {"nomn", "sing", "masc"})
            if nom:
                return match_case(word, nom), 0.85
    for seen, nom in _SURNAME_RULES.get((gender, case), []):
        if w.endswith(seen) and len(w) > len(seen) + 2:
            base = word[: len(word) - len(seen)] + nom
            if gender == "masc" and seen in ("а", "у", "е", "ом") and not _MASC_NOM.search(base.lower()):
                continue
            if seen == "я" and not re.search(r"[бвдзлмнпрстф]ь$", base.lower()):
                continue  # a soft stem after a consonant ("Канеля" -> "Канель"), not "Данелия"
            if seen == "ем" and re.search(r"[жшщчц]$", base[:-1].lower()):
                base = base[:-1]  # "Шустеровичем" -> "Шустерович", not "Шустеровичь"
            return base, 0.9
    if w[-1] in "иоуэю":  # Санду, Коми: indeclinable
        return word, 0.4
    return None, 0.0


def noun_forms(lemmas) -> frozenset[str]:
    """Every inflected form of every noun reading of ``lemmas``, also written with "е" for "ё" ("режиссер"): a set
    to look a word up in before parsing it."""
    forms = set()
    for lemma in lemmas:
        for p in parses(lemma):
            if p.tag.POS == "NOUN":
                forms.update(f.word for f in p.lexeme)
    return frozenset(forms | {f.replace("ё", "е") for f in forms})


def head_noun(text: str, start: int, end: int):
    """The parse of the first noun of text[start:end] (a title's head: "министра" in "министра финансов"), or
    None when there is none ("президентских")."""
    words = WORD.findall(text, start, end)
    for i, w in enumerate(words):
        ps = parses(w.rsplit("-", 1)[-1].lower())
        if ps[0].tag.POS == "NOUN" or _heads(ps, *words[i + 1:i + 3]):  # "управляющим банком"
            return ps[0]
    return None


_WESTERN_SURNAME = re.compile(r"(?:ов|ев|ёв|ьян|[а-яё]{4,}ян|ский|ская|сон|ер|ес|ез|ц|ль)[а-я]?$")


def _asian_given(word: str) -> str:
    """A transcribed Chinese or Korean given name back in the nominative: Palladius syllables never end in
    "-ом", and a vowel after "н" is a case ending ("Цзиньпином", "Кэцяна", "Цзиньпину" -> "Цзиньпин")."""
    m = re.search(r"(?:ом|ем|ым)$|(?<=н)[ауе]$|(?<=н)[яюи]$", word)
    if not m or len(word) - len(m.group()) < 2:
        return word
    return word[:m.start()] + ("ь" if m.group() in ("я", "ю", "и") else "")


def surname_first(words) -> bool:
    """An East Asian name written surname first: "Ван Лин", "Пан Ги Мун", "Ким Чен Ын" (not "Ким Кардашьян")."""
    return (len(words) >= 2 and words[0].lower() in lexicon("east_asian_surnames.txt")
            and not any(_WESTERN_SURNAME.search(w.lower()) for w in words[1:]))


# a word of Japanese syllables as Polivanov's system writes them (a vowel after at most one consonant, "дз" or a
# doubled one, "цу", and "н" or "й" closing a syllable): "Кэндзи", "Ямасита", "Рёсукэ"; "Ортиса", "Вилла",
# "Веселера" (no "е" but after a vowel), "Шульца" are none
_JAPANESE = re.compile(r"(?:(?:(?:[кгстдхфбпмрвн]|дз|кк|тт|пп)?[аиуэоёюя]|цу)[йн]?)+", re.I)


# a Japanese surname's "-а" in the nominative and the cases that do not end an Italian one ("Ямасита", "Ямаситу",
# "Ямаситой"; "Ровере" is as written), not after "н"
_JAPANESE_A = re.compile(r"(?<=[^нН])(?:а|у|ой|ою)$")


def _japanese(words) -> bool:
    """A given name in "-и", "-о", "-у", "-э" and a surname, both of Japanese syllables and the surname no Russian
    one: a surname in "-а" is its nominative ("Кэндзи Ямасита") and keeps it in the other cases, unless "н" ends
    what comes before ("Харуо Кана" is Кан's)."""
    return len(words) == 2 and words[0][-1:].lower() in "иоуэ" and all(_JAPANESE.fullmatch(w) for w in words) \
        and not _SURNAME_END.search(words[1].lower()) and not _RUSSIAN_SURNAME.search(words[1].lower()) \
        and not any("Name" in p.tag and p.is_known and p.tag.case != "nomn" for p in parses(words[0].lower()))


_SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|ого|ой|ому|ым|ых|ко|ук|юк|ян|дзе|швили)$")


def _known_name(word: str) -> bool:
    return any("Name" in p.tag for p in parses(word.lower()))


_RUSSIAN_SURNAME = re.compile(r"(?:ов|ев|ёв|ский|цкий)(?:а|у|ым|ом|ой|е)?$")  # not "-ин": "Хоакин", "Лорин"


def _given_reading(p, word: str) -> bool:
    return "Name" in p.tag and not (p.tag.number == "plur" and _RUSSIAN_SURNAME.search(word.lower()))


# particles that begin a surname: "Людвиг ван Бетховен", "Урсула фон дер Ляйен", "Мохаммед бин Салман",
# "Абу Бакр аль-Багдади" (capitalised at a sentence's start: "Ван Бетховен")
_EUROPEAN_PARTICLES = frozenset("ван фон де дер ди да дель делла ле ла".split())
_PARTICLES = _EUROPEAN_PARTICLES | {"бин", "бен", "ибн", "аль", "эль"}
_ARABIC_ARTICLE = re.compile(r"(?:аль|эль|ад|ас|ат|ан|ар|уль|ур)-[А-ЯЁ]", re.I)


def particle(word: str) -> bool:
    return word.lower() in _PARTICLES or bool(_ARABIC_ARTICLE.match(word))


def _name_roles(words: list[str]) -> list[str]:
    """first / middle / last for each word of a name, Russian order first, 'Фамилия Имя' understood."""
    roles = ["last"] * len(words)
    if surname_first(words):
        return ["last"] + ["first"] * (len(words) - 1)
    # the surname from its particle on ("Бен Кон", "Аль-Валид ибн Талал": an Arabic one opening a name is a given
    # name's); before it given names, a patronymic, and words that are no given name ("Барбара Сейшас де Фрейтас")
    at = next((i for i, w in enumerate(words) if particle(w) and (i < len(words) - 1 or "-" in w)
               and (i or w.lower() in _EUROPEAN_PARTICLES)), None)
    if at is not None and len(words) > 1:
        before = ["middle" if any("Patr" in p.tag for p in parses(w.lower())[:2]) else
                  "first" if i == 0 or any("Name" in p.tag and p.is_known for p in parses(w.lower())) else "last"
                  for i, w in enumerate(words[:at])]
        if "last" in before:
            before = before[:before.index("last")] + ["last"] * (at - before.index("last"))
        return before + ["last"] * (len(words) - at)
    # a patronymic the dictionary does not know is one only in a name of three words: "Дворкович" in "Аркадий
    # Дворкович" is a surname, "Данильбекович" in "Котов Азамат Русланович" a patronymic
    patr = [i for i, w in enumerate(words) if any("Patr" in p.tag and (p.is_known or 0 < i and len(words) > 2)
                                                  for p in parses(w.lower())[:2])]
    if len(words) == 2 and patr == [1] and any("Surn" in p.tag for p in parses(words[1].lower())[:2]):
        patr = []  # a given name and a word that is a surname too: "Роман Абрамович", not a patronymic alone
    if patr:
        roles[patr[0]] = "middle"
    # a Russian surname is not read as a given name in the plural ("Борисов" is no "of the Borises")
    is_name = [any(_given_reading(p, w) for p in parses(w.lower())[:5]) for w in words]
    top_name = [_given_reading(parses(w.lower())[0], w) for w in words]
    if len(words) == 1:
        w = words[0].lower()
        surname_like = re.search(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ой|ому|ым|ского|ская|ской|ский)$", w)
        # a given name the dictionary knows, in any case ("Виктории"), or its likeliest reading by far
        likely = parses(w)[0].score >= 0.5 or parses(w)[0].is_known
        return ["first"] if top_name[0] and likely and not surname_like else ["last"]
    if patr and patr[0] >= 1 and roles[patr[0] - 1] == "last" and is_name[patr[0] - 1]:
        roles[patr[0] - 1] = "first"  # Имя Отчество [Фамилия] or Фамилия Имя Отчество
        return roles
    # a given name after the first word means the surname came first ("Иванова Мария"), but only when that
    # word reads as a surname: "Серена Уильямс", "Челси Мэннинг" are given name and surname
    surname_first_ok = bool(_SURNAME_END.search(words[0].lower())) or is_name[0]
    for i, w in enumerate(words):
        if roles[i] == "last" and is_name[i] and (i == 0 or not any(top_name[:i]) and surname_first_ok):
            roles[i] = "first"
            break
    if "first" not in roles:
        for i in range(len(words)):
            if roles[i] == "last" and top_name[i] and (i == 0 or surname_first_ok):
                roles[i] = "first"
                break
    first, second = words[0].lower(), words[1].lower() if len(words) == 2 else ""
    if "first" not in roles and len(words) == 2 and (
            not _SURNAME_END.search(first) and (not _known_name(words[0]) or _SURNAME_END.search(second))
            # "Бойко Борисов": a surname in "-ов", "-ев", "-ский" last, after a word that has none of them
            or _RUSSIAN_SURNAME.search(second) and not _RUSSIAN_SURNAME.search(first)
            # neither word a given name the dictionary knows: the given name first, as names are written ("Микко
            # Лехтонен"), unless only the first has a Russian surname's ending
            or not _known_name(words[0]) and not _known_name(words[1]) and not _RUSSIAN_SURNAME.search(first)):
        # a given name the dictionary does not know, or knows mostly as a surname, before the surname: "Стэнли
        # Кубрика", "Абдурахман Мартазанов"
        roles[0] = "first"
    if roles.count("last") == 0 and len(words) > 1:
        roles[-1] = "last"
    return roles


def _indeclinable(word: str) -> bool:
    """The dictionary's likeliest reading of the word is a word that never declines, and not a given name."""
    tag = parses(word.lower())[0].tag
    return "Fixd" in tag and "Name" not in tag


def _given_parse(word: str, role: str, gender: str, case: str):
    """A first name's or patronymic's parse in ``case``, singular, of ``gender``; in an oblique case one that
    declines before one that never does ("Анне" is the dative of "Анна" far more often than a name of its own)."""
    want = "Name" if role == "first" else "Patr"
    best, best_key = None, None
    for p in parses(word.lower()):
        g = p.tag
        if want in g and g.case == case and g.number != "plur" and (g.gender == gender or "ms-f" in g):
            # on a tie a soft stem: "об Игоре" is of Игорь, not of Игор
            key = (case != "nomn" and not _also_declined(p, word), p.score, p.normal_form.endswith("ь"))
            if best is None or key > best_key:
                best, best_key = p, key
    return best


def _also_declined(p, word: str) -> bool:
    """A given name's reading that never declines, of a word that is also an oblique case of a name of the same
    gender that does ("Анне": "Анна")."""
    return "Fixd" in p.tag and any("Name" in q.tag and "Fixd" not in q.tag and q.tag.gender == p.tag.gender
                                   and q.tag.case != "nomn" for q in parses(word.lower()))


def _only_oblique(word: str, gender: str, kind: str) -> bool:
    """A given name ("Name") or a surname ("Surn") the dictionary knows, but not as this gender's nominative:
    "Джейкоба", "Пшемыслава"; "Путину" (В.Путину написала ...)."""
    ps = [p for p in parses(word.lower()) if kind in p.tag and p.is_known]
    return bool(ps) and not any(p.tag.case == "nomn" and (p.tag.gender == gender or "ms-f" in p.tag) for p in ps)


_OBLIQUE_ADJ = re.compile(r"[^аеёиоуыэюя](?:ого|его|ому|ему)$")


def normalize_name(words: list[str], subject_of: str | None = None,
                   case: str | tuple[str, ...] | None = None) -> tuple[dict[str, str | None], str | None]:
    """Words of a person's name (any case) -> {'first','middle','last'} in the nominative, and gender.

    ``subject_of``: the gender of a past-tense verb the name goes with ("Ярослава Новожилова рассказала"),
    which settles names that read both as a man's in the genitive and a woman's in the nominative.
    ``case``: the case the name is known to be in ("gent" after "имени"), or the cases it may be in.
    """
    cases = (case,) if isinstance(case, str) else case
    regnal = next((i for i, w in enumerate(words) if i and _REGNAL.fullmatch(w)), None)
    if regnal is not None:  # "Елизаветы II", "Иоанна Павла II", "Карла XVI Густава": given names and a number
        given = tuple(w for i, w in enumerate(words) if i != regnal)
        parts, gender = _normalize_name(given, subject_of, cases, True)
        first = dict(parts)["first"].split()
        first.insert(regnal, words[regnal])
        return {"first": " ".join(first), "middle": None, "last": None}, gender
    parts, gender = _normalize_name(tuple(words), subject_of, cases)
    return dict(parts), gender


_SOFT_OBLIQUE = re.compile(r"[бвдзлмнпрстф]я$")


REGNAL = r"(?:X{0,2}(?:IX|IV|V?I{1,3}|V)|X{1,2})"  # a monarch's or a pope's number: "II", "XVI"
_REGNAL = re.compile(REGNAL)


@lru_cache(maxsize=20000)
def _normalize_name(words: tuple[str, ...], subject_of: str | None, known_cases: tuple[str, ...] | None = None,
                    given_only: bool = False) -> tuple[tuple, str | None]:
    roles = ["first"] * len(words) if given_only else _name_roles(words)
    asian, japanese = surname_first(words), _japanese(words)
    best, best_score = None, -1.0
    for gender in ("masc", "femn"):
        for case in known_cases or CASES:
            score, forms = (0.05 if case == "nomn" else 0.0), []
            # the verb's gender tells a subject's, unless the surname is an adjective's oblique case ("Сын
            # В.Жириновского попал")
            # nor a man's name the dictionary does not know in "-я" after a consonant ("поздравил Мигеля Канеля")
            if subject_of == gender and case == "nomn" and not any(
                    r == "last" and (_OBLIQUE_ADJ.search(w.lower()) or _only_oblique(w, gender, "Surn"))
                    or r == "first" and _only_oblique(w, gender, "Name")
                    or gender == "masc" and _SOFT_OBLIQUE.search(w.lower()) and not _known_name(w)
                    and not any("Surn" in p.tag for p in parses(w.lower())) for w, r in zip(words, roles)):
                score += 1.0
            for w, r in zip(words, roles):
                if asian and r == "first":  # "Цзиньпином" -> "Цзиньпин"
                    forms.append(_asian_given(w))
                elif r == "last" and particle(w) and "-" not in w:  # "ван", "фон": as written, lower-case
                    forms.append(w.lower())
                elif r == "first" and japanese:  # a Japanese given name never declines: "Харуо", "Кэндзи"
                    score += 1.0
                    forms.append(w)
                elif r == "last" and japanese and _JAPANESE_A.search(w):
                    nom = _JAPANESE_A.sub("а", w)
                    score += 1.0 if (case == "nomn") == (nom == w) else 0.0
                    forms.append(nom)
                elif r == "last":
                    nom, fit = surname_nominative(w, gender, case)
                    score += fit
                    forms.append(nom or w)
                elif r == "first" and "-" in w and all(
                        halves := [_given_parse(x, r, gender, case) for x in w.split("-")]):
                    # "Анне-Марии" -> "Анна-Мария", "Жаном-Пьером" -> "Жан-Пьер": each part in the one case
                    late = case != "nomn" and any(_also_declined(p, x) for p, x in zip(halves, w.split("-")))
                    score += 1.0 + min(p.score for p in halves) - (0.01 if late else 0.0)
                    forms.append("-".join(_inflect(p, {"nomn"}) for p in halves))
                elif r == "first" and _indeclinable(w):  # "Аркади Патаркацишвили": as written, in any case
                    score += 1.0
                    forms.append(w)
                else:
                    p = _given_parse(w, r, gender, case)
                    if p is None and r == "first" and gender == "femn" and case == "nomn" and w[-1:] in "аяАЯ":
                        score += 0.8  # a woman's name pymorphy does not know, as written
                        forms.append(w)
                        continue
                    if p is None and r == "first" and not _known_name(w):
                        # a given name the dictionary does not know declines like a surname ("Кары" -> "Кара")
                        nom, fit = surname_nominative(w, gender, case)
                        score += fit
                        forms.append(nom or w)
                        continue
                    # between cases that fit alike, one where the given name declines: "Анне Котовой" is Анна's dative
                    score += (1.0 + p.score - (0.01 if case != "nomn" and _also_declined(p, w) else 0.0)) if p else 0.0
                    forms.append(_inflect(p, {"nomn"}) if p else None)
            if score > best_score:
                best_score, best = score, (gender, forms)
    gender, forms = best
    out: dict[str, str | None] = {"first": None, "middle": None, "last": None}
    for w, r, f in zip(words, roles, forms):
        norm = match_case(w, f) if f else w
        out[r] = f"{out[r]} {norm}" if out[r] else norm
    return tuple(out.items()), gender


# ---------------------------------------------------------------- noun phrases

_MODS = ("ADJF", "PRTF")


def _adjective_surname(p) -> bool:
    """"Никитинского" in "Никитинского суда": pymorphy knows it only as a surname, but it is an adjective."""
    return p.tag.POS == "NOUN" and "Surn" in p.tag and p.normal_form.endswith(("ский", "цкий", "ской"))


def _agreeing(word: str, case: str, number: str, gender: str | None, pos: tuple[str, ...]):
    return next(_all_agreeing(word, case, number, gender, pos), None)


def _all_agreeing(word: str, case: str, number: str, gender: str | None, pos: tuple[str, ...]):
    """The word's readings as ``pos`` in this case and number (and gender, for a modifier), likeliest first."""
    ps = parses(word.lower())
    common = any("Name" not in p.tag and "Surn" not in p.tag and p.tag.POS in pos and p.is_known for p in ps)
    for p in ps:
        g = p.tag
        if common and ("Name" in g or "Surn" in g) and p.score < 0.1:
            continue  # "Цветы" is flowers, not a rare woman's name "Цвета" in the genitive
        if g.POS not in pos and not (pos == ("NOUN",) and "Abbr" in g) and not (pos == _MODS and
                                                                               _adjective_surname(p)):
            continue
        if g.case != case or (g.number and g.number != number):
            continue
        if gender and number == "sing" and g.gender and pos != ("NOUN",) and g.gender != gender:
            continue
        yield p


@lru_cache(maxsize=20000)
def normalize_phrase(text: str, person: bool = False) -> str:
    """'первого заместителя председателя комитета' -> 'первый заместитель председателя комитета'.

    The head noun and the modifiers before it go to the nominative (number kept); everything after
    the head stays as written, so genitive dependents stay genitive. ``person``: the phrase names a person (a
    title), so a head read as a thing in the nominative is the person in another case ("премьера" -> "премьер").
    """
    words = list(WORD.finditer(text))
    # a Latin first part of a compound stays as written: "YouTube-блогером" -> "YouTube-блогер"
    if not words or words[0].start() > 0 and text[: words[0].start()].strip() not in ("", "«", '"') \
            and not (re.fullmatch(r"[A-Za-z\d]+-", text[: words[0].start()]) and words[0].group().islower()):
        return text
    # the head: the first word that can be a noun and is not a modifier of the next word; a word that can be
    # either ("главного редактора", "заведующего кафедрой") is tried as a modifier first, then as the head
    heads = []
    for i, m in enumerate(words):
        if i and text[words[i - 1].end():m.start()].strip():
            break  # punctuation between words: stop
        word = _last_part(m.group()).lower()
        if word == "и" and heads == [] and i and i + 1 < len(words):
            continue  # between two modifiers: "Северной торговой и промышленной палаты"
        ps = parses(word)
        nxt = words[i + 1].group() if i + 1 < len(words) else ""
        participle = person_participle(ps)
        if participle and not _heads(ps, nxt, words[i + 2].group() if i + 2 < len(words) else ""):
            continue  # "управляющая компания", "управляющий директор": an adjective; "управляющий банком": the head
        if any(p.tag.POS == "NOUN" for p in ps) or participle:
            heads.append(i)
            # "главного редактора", "Брукхейвенской национальной лаборатории"
            if not (_modifier(word, ps) and nxt and any(
                    q.tag.POS == "NOUN" or q.tag.POS in _MODS for q in parses(_last_part(nxt).lower()))):
                break
        elif not any(p.tag.POS in _MODS for p in ps):  # no noun reading, so no adjective-like surname either
            return text
    for head_i in reversed(heads):  # an earlier head only if the dictionary knows it ("Стэнфордском" it does not)
        if head_i != heads[-1] and not morph().word_is_known(_last_part(words[head_i].group()).lower()):
            continue
        out = _to_nominative(text, words, head_i, person)
        if out is not None:
            return out
    return text


# what a host ("ведущий") hosts: "ведущий программы", "ведущая телеканала", "ведущий церемонии"
HOSTED = (r"(?:теле|радио)?(?:канал|программ|передач|шоу|реалити-шоу|ток-шоу|эфир|церемони|концерт|КВН|выпуск|"
          r"трансляци|новост)")
_PERSON_PARTICIPLES = frozenset({"командующий", "главнокомандующий", "заведующий", "нападающий", "управляющий", "военный",
                                 "ведущий", "уполномоченный", "соуправляющий"})


_GOVERN_ABLT = frozenset({"командующий", "главнокомандующий", "заведующий", "управляющий"})


def _nominative_participle(p) -> str:
    if p.tag.POS == "PRTF":
        form = p.inflect({"nomn", "masc", "sing"})
        return form.word if form else ""
    return p.normal_form


def person_participle(ps) -> bool:
    """A participle that names a person and heads a title like a noun: "управляющего банком", "заведующей"."""
    # ("ведущего": the dictionary reads it as an adjective first)
    return any(p.tag.POS in ("PRTF", "ADJF") and _nominative_participle(p) in _PERSON_PARTICIPLES for p in ps[:3])


def _heads(ps, nxt: str = "", after: str = "") -> bool:
    """A participle that names a person heads its title unless the next word is a noun it agrees with, or an
    adjective it agrees with before anything but what a host hosts: "управляющий банком", "ведущего КВН",
    "ведущей утренней программы" are persons; "управляющий директор", "ведущего инженера", "ведущего научного
    сотрудника", "управляющая компания" are adjectives of their nouns."""
    if not person_participle(ps):
        return False
    if not nxt or nxt.isupper() or re.match(HOSTED, nxt, re.IGNORECASE):
        return True  # "ведущей программы": hosting it
    # not in the instrumental, which some govern, as they govern the genitive: "заведующей кафедрой", "управляющим
    # банком", "командующего Южного округа" ("ведущим инженером", "ведущего научного сотрудника" agree)
    governs = any(_nominative_participle(p) in _GOVERN_ABLT for p in ps[:3])
    forms = {(p.tag.case, p.tag.number, p.tag.gender if p.tag.number == "sing" else None)
             for p in ps[:3] if p.tag.POS in ("PRTF", "ADJF") and not (governs and p.tag.case == "ablt")}

    def agrees(word: str, pos: tuple[str, ...]) -> bool:
        return any(q.tag.POS in pos and "Fixd" not in q.tag and
                   (q.tag.case, q.tag.number, q.tag.gender if q.tag.number == "sing" else None) in forms
                   for q in parses(_last_part(word).lower())[:3])

    if agrees(nxt, ("NOUN",)):
        return False
    return not (after and not governs and agrees(nxt, ("ADJF",)) and not re.match(HOSTED, after, re.IGNORECASE))


def _modifier(word: str, ps) -> bool:
    """Likely an adjective or participle: "главного" (more often the adjective than the noun "главное"), a word
    the dictionary does not know that can be one ("Брукхейвенской"); not "сборной", "главой" (a rare adjective
    "главый")."""
    if _adjective_surname(ps[0]):
        return True
    if any(p.normal_form in _PERSON_PARTICIPLES for p in ps) or person_participle(ps):
        return False  # "командующим [военным округом]": the commander, not a commanding district
    mod = sum(p.score for p in ps if p.tag.POS in _MODS)
    if not morph().word_is_known(word):
        return mod > 0
    return mod > 0 and mod >= sum(p.score for p in ps if p.tag.POS == "NOUN") / 2


_DECLINED_ABBREVIATION = re.compile(r"([А-ЯЁ]{2,})(а|у|ом|е)")
_ABBREVIATION_CASES = {"а": "gent", "у": "datv", "ом": "ablt", "е": "loct"}


_ADJ_ENDING = re.compile(r"(?:его|ему|ими|ий|ая|ой|ей|ую|ое|ее|ие|их|им|ем|ом|ого)$")
_SUPERLATIVE_NOMN = {"masc": "ий", "femn": "ая", "neut": "ее"}


def _superlative(word: str, number: str, gender: str | None) -> str | None:
    """A superlative's nominative from its own stem: the dictionary files "высший" under "высокий" and gives
    "высочайший" back ("Высшей школы" -> "Высшая школа", "лучшего игрока" -> "лучший игрок")."""
    stem = _ADJ_ENDING.sub("", word.lower())
    if stem == word.lower() or not stem.endswith(("ш", "щ", "ж", "ч")):
        return None
    return stem + ("ие" if number == "plur" else _SUPERLATIVE_NOMN.get(gender or "masc", "ий"))


def _far_likelier(word: str, reading) -> bool:
    """Another reading of the word is far likelier than this nominative one, and a noun of another case."""
    top = parses(word.lower())[0]
    return reading.score < 0.1 and top.score > 0.8 and top.tag.POS == "NOUN" and top.tag.case != "nomn"


_AND = object()  # "и" between two modifiers, kept as it is


def _to_nominative(text: str, words: list, head_i: int, person: bool = False) -> str | None:
    """The phrase with ``words[head_i]`` as its head and the words before it as its modifiers, in the
    nominative; None if they agree in no case."""
    head = words[head_i]
    head_word = _last_part(head.group())
    # "МИДа", "Михайловского ГОКа": an abbreviation with a case ending is masculine, its nominative the bare letters;
    # a bare one does not decline ("РФСХ", no form of "РФСХИ"), and its modifiers say the case and gender
    abbr = _DECLINED_ABBREVIATION.fullmatch(head_word) or (
        re.fullmatch(r"(\w+)()", head_word) if sum(c.isupper() for c in head_word) >= 2 and head_word[-1].isupper()
        else None)  # "ТвГУ" too, not "ВУЗах"
    if abbr and abbr.group(2):
        options = [("sing", _ABBREVIATION_CASES[abbr.group(2)], "masc")]
    elif abbr:  # "газовой ОПЕК", "российских ВВС"
        options = [("sing", c, g) for c in CASES for g in ("masc", "femn", "neut")] + [("plur", c, None) for c in CASES]
    else:
        options = [(n, c, None) for n in ("sing", "plur") for c in CASES]
        # a head far likelier a nominative plural already stays one: "Аналитики" are analysts, not analytics' genitive
        top = parses(head_word.lower())[0]
        if top.tag.POS == "NOUN" and top.tag.case == "nomn" and top.tag.number == "plur" and top.score >= 0.5 \
                and top.is_known:
            options.insert(0, ("plur", "nomn", None))
    participle = not abbr and person_participle(parses(head_word.lower()))  # "управляющего банком"
    for number, case, gender in options:
        # the head's readings in this case, each with its gender ("городского головы": the official, not the head)
        heads = [None] if abbr else list(_all_agreeing(head_word, case, number, None, ("NOUN",))) or (
            list(_all_agreeing(head_word, case, number, None, ("PRTF",))) if participle else [])
        if case == "nomn" and heads and heads[0] is not None and _far_likelier(head_word, heads[0]):
            continue  # "Банка России": the bank's genitive, not a jar
        if person and case == "nomn" and heads and heads[0] is not None and all("inan" in h.tag for h in heads) \
                and any(p.tag.POS == "NOUN" and "anim" in p.tag for p in parses(head_word.lower())):
            continue  # "премьера" of a title: the premier's genitive, not a premiere
        # a noun of either gender ("голова" the official) takes its modifiers' gender, a man's before a woman's
        readings = [(hp, g) for hp in heads for g in
                    (("masc", "femn") if hp is not None and "ms-f" in hp.tag else (gender if abbr else hp.tag.gender,))]
        for hp, g in readings:
            mods = [_AND if m.group() == "и" else _agreeing(_last_part(m.group()), case, number, g, _MODS)
                    for m in words[:head_i]]
            if all(m is not None for m in mods):
                gender = g
                break
        else:
            continue
        if case == "nomn":
            return text
        pieces, pos = [], 0
        for m, p in list(zip(words[:head_i], mods)) + [(head, hp)]:
            if p is None:  # the abbreviation
                pieces.append(text[pos:m.start()] + abbr.group(1))
                pos = m.end()
                continue
            if p is _AND or p.tag.POS == "NOUN" and "Fixd" in p.tag:
                continue
            grams = {"nomn", number}
            if p.tag.POS in _MODS and number == "sing":
                grams.add(gender or "masc")
            new = _superlative(_last_part(m.group()), number, gender) if "Supr" in p.tag else None
            new = new or _inflect(p, grams) or _inflect(p, {"nomn"})
            if not new:
                return text
            word = m.group()
            prefix = word[: len(word) - len(_last_part(word))]
            pieces.append(text[pos:m.start()] + prefix + match_case(_last_part(word), new))
            pos = m.end()
        return "".join(pieces) + text[pos:]
    return None


def _last_part(word: str) -> str:
    """The part of a compound that declines: "экс-президента" -> "президента", "сити-менеджера" -> "менеджера";
    the whole word when the dictionary knows it ("вице-премьера", whose last part reads as "премьера") or when
    both parts decline."""
    low = word.lower()
    if "-" not in word or morph().word_is_known(low):
        return word
    # a prefix, or a first part that never declines (the dictionary reads the whole as an indeclinable noun);
    # both parts decline in "режиссёром-постановщиком", read whole
    if re.match(r"(экс|вице|лейб|обер|штаб|унтер|и\.о)-", low) or "Fixd" in parses(low)[0].tag:
        return word.rsplit("-", 1)[-1]
    return word


def verb_gender(word: str) -> str | None:
    """'рассказала' -> 'femn', 'заявил' -> 'masc': the gender of a past-tense verb, else None."""
    for p in parses(word.lower())[:2]:
        if p.tag.POS == "VERB" and p.tag.tense == "past" and p.tag.gender in ("masc", "femn"):
            return p.tag.gender
    return None
