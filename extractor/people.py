"""People: mentions grouped into persons, names normalised to the nominative."""
from __future__ import annotations

import re
from functools import lru_cache

from .morph import CASES, FEMN_NOM, REGNAL, normalize_name, parses, particle, surname_first, surname_nominative, verb_gender
from .types import Mention, Person

CAPITALISED = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"  # a name's word: "Котов", "Сомов-Лапин"

# "театр им. И. П. Котова", "Общество имени Карла ван Дейка": whom something is named after, in the genitive
# (not "девушка по имени Анна Котова": the name itself, in the nominative)
_MARKER = r"(?<![\w-])(?<!по[ \u00a0])(?:им\.[ \u00a0]*|имени[ \u00a0]+)"  # "им.Жданова" too
NAMED_AFTER = re.compile(_MARKER + "$")
_NAMED_AFTER_NAME = re.compile(_MARKER + r"((?:[А-ЯЁ]\.[ \u00a0]*){0,2}" + CAPITALISED
                               + r"(?:[ \u00a0]+(?:(?:ван|фон|де|дер)[ \u00a0]+)?[А-ЯЁ][а-яё]+){0,2})")


def names_named_after(text: str) -> list[tuple[int, int]]:
    """Every name after "им."/"имени" in ``text``."""
    found = (named_after(text, m.start()) for m in re.finditer(_MARKER, text))
    return [x for x in found if x]


def names_closing_orgs(text: str, orgs) -> list[tuple[int, int]]:
    """The leader whose government or staff an organisation is: "Правительство [Амира Хасана]", "кабинета
    [Нетаньяху]", "администрации [Обамы]": one to three capitalised words at its end, each a given name or
    surname in the genitive, after a word that is none."""
    out = []
    for o in orgs:
        if not _LEADERS_BODY.match(text, o.start, o.end):
            continue
        words = list(re.finditer(CAPITALISED + r"|\S+", text[o.start:o.end]))
        k = len(words)
        while k > 1 and len(words) - k < 3 and _genitive_name(words[k - 1].group()):
            k -= 1
        if k < len(words) and not _genitive_name(words[k - 1].group()):
            out.append((o.start + words[k].start(), o.end))
    return out


_LEADERS_BODY = re.compile(r"(?:правительств|кабинет|администраци|штаб)[а-яё]*[ \u00a0]", re.I)




def _genitive_name(word: str) -> bool:
    ps = parses(word.lower())[:3]
    return word[:1].isupper() and word[1:2].islower() and not any("Geox" in p.tag for p in ps) and any(
        ("Name" in p.tag or "Surn" in p.tag) and p.tag.case == "gent" and p.tag.number == "sing" for p in ps[:2])


def named_after(text: str, at: int) -> tuple[int, int] | None:
    """The name after "им."/"имени" at ``at``, without the words after it that cannot be genitive
    ("имени Карла ван Дейка [Марта] Котова")."""
    m = _NAMED_AFTER_NAME.match(text, at)
    if not m:
        return None
    start, end = m.span(1)
    initials = re.match(r"(?:[А-ЯЁ]\.[ \u00a0]*)+" + CAPITALISED, text[start:end])
    if initials:  # "им. Г. А. Товстоногова": the initials and the surname, nothing after ("... Борис Котов")
        return start, start + initials.end()
    for w in reversed(list(re.finditer(CAPITALISED, text[start:end]))[1:]):
        if any(p.tag.case in ("gent", "accs") and p.tag.number != "plur" for p in parses(w.group().lower())):
            break
        end = start + len(text[start:start + w.start()].rstrip(" \u00a0"))
    return start, end
_NAME_WORD = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]{0,3}\.|[\w][\w'’-]*")


def name_words(text: str) -> list[str]:
    return _NAME_WORD.findall(text)


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


_REGNAL = re.compile(rf" {REGNAL}(?: |$)")


def _given(name: str) -> str:
    """A monarch's or a pope's given name without the number: "Елизавета II" -> "Елизавета", "Карл XVI Густав" ->
    "Карл", as other mentions name them."""
    m = _REGNAL.search(name)
    return name[:m.start()] if m else name


@lru_cache(maxsize=50000)
def _key_forms(word: str) -> frozenset[str]:
    """The word, its lemmas and its readings as a surname in any case, lower-cased, 'ё' as 'е'."""
    w = word.lower()
    forms = {w} | {p.normal_form for p in parses(w)}
    for gender in ("masc", "femn"):
        for case in CASES:
            nom, fit = surname_nominative(word, gender, case)
            if nom and fit >= 0.8:
                forms.add(nom.lower())
    return frozenset(_norm(x) for x in forms)


_A_ENDINGS = re.compile(r"(?<=[а-яё]{3})(?:ы|и|е|у|ой|ою)$")


def _a_declension(word: str) -> frozenset[str]:
    """The nominative of a man's surname in "-а" a word may be a case of ("Ортеги", "Ортегу" -> "ортега"), but not a
    woman's surname ("Путину" is no form of "Путина"): only ever matched against a name the text gives."""
    w = _norm(word)
    m = _A_ENDINGS.search(w)
    if not m or FEMN_NOM.search(w[:m.start()] + "а"):
        return frozenset()
    return frozenset({w[:m.start()] + "а"})


# words for a relative a name may follow as whose relative it names ("Сын А.Лапина"); pipeline adds "супруга"
RELATIVES = r"(?:вдова|жена|дочь|мать|сестра|сын|муж|отец|брат|внук|внучка)"
_KIN_BEFORE = re.compile(r"(?<![а-яё])" + RELATIVES + r"[ \u00a0]+$", re.I)
# a word for a relative with no possessive before it: the name after it is whose relative ("Мать Петра Сомова")
_WHOSE_KIN = re.compile(r"(?<![а-яё])(?<!его )(?<!её )(?<!ее )(?<!их )(?<!мой )(?<!моя )(?<!наш )(?<!наша )(?<!свой )"
                        r"(?<!своя )" + RELATIVES + r"[ \u00a0]+$", re.I)


PREPOSITIONS = frozenset("в во на с со к ко по о об обо от до из за у при для над под без через после против около "
                         "среди возле между перед".split())
# a preposition right before a name; lower-case only: a capital "С" before a name may be an initial
PREPOSITION = re.compile(r"(?<![А-Яа-яЁё])(" + "|".join(sorted(PREPOSITIONS, key=lambda w: (-len(w), w)))
                         + r")[ \u00a0]+$")
_PREPOSITION_CASE = {**dict.fromkeys(("к", "ко"), "datv"), **dict.fromkeys(("о", "об", "обо", "при"), "loct"),
                     **dict.fromkeys("у для без от до из после против около среди возле".split(), "gent"),
                     **dict.fromkeys(("с", "со"), ("gent", "ablt")),  # "с Иваном", "начиная с Ивана"
                     **dict.fromkeys(("между", "над", "под", "перед"), ("ablt", "accs"))}


# a preposition that may govern the prepositional case (those that govern it alone, and "в", "на"), up to three
# words before a name
_LOCATIVE = [p for p, c in _PREPOSITION_CASE.items() if c == "loct"] + ["в", "во", "на"]
_LOCATIVE_BEFORE = re.compile(r"(?<![А-Яа-яЁё])(?:" + "|".join(_LOCATIVE) + r")[ \u00a0]+(?:[А-Яа-яЁё.-]+[ \u00a0]+){0,3}$",
                              re.I)
_NOT_LOCATIVE = tuple(c for c in CASES if c != "loct")


def group_people(text: str, spans) -> list[Person]:
    """Join every mention of the same person: full names first, then surname- or first-name-only ones."""
    parsed = []
    told: set[int] = set()  # mentions whose case or gender a verb or a preposition tells
    for s in spans:
        mtext = text[s.start:s.end]
        words = name_words(mtext)
        if not words or not any(ch.isalpha() for ch in mtext):
            continue
        words_for_norm = [w for w in words if not w.endswith(".")]
        initials = [w for w in words if w.endswith(".")]
        if words_for_norm:
            # after "имени", and with initials only after a word for a relative: "Сын А.Лапина" is Лапин's son
            case = "gent" if NAMED_AFTER.search(text, max(0, s.start - 8), s.start) or words[0].endswith(".") and len(
                words_for_norm) == 1 and _KIN_BEFORE.search(text, max(0, s.start - 12), s.start) else None
            # a name right after a preposition is no verb's subject, and some prepositions tell its case ("к Игги
            # Попу", "с Игги Попом")
            prep = PREPOSITION.search(text, max(0, s.start - 12), s.start)
            case = case or (_PREPOSITION_CASE.get(prep.group(1)) if prep else None)
            # (nor is a name after a word for a relative: "Мать Петра Сомова обвинила" is the mother's verb)
            verb = None if prep or _WHOSE_KIN.search(text, max(0, s.start - 12), s.start) \
                else _verb_nearby(text, s.start, s.end)
            if verb or case:
                told.add(s.start)
            # and with no preposition a few words before, no prepositional case: "Тинатине" is no "Тинатин" of
            # "о Тинатине"
            cases = case or (None if _LOCATIVE_BEFORE.search(text, max(0, s.start - 60), s.start) else _NOT_LOCATIVE)
            parts, gender = normalize_name(words_for_norm, verb, cases)
            if initials and len(words_for_norm) == 1 and gender == "femn" and not case and verb != "femn" \
                    and FEMN_NOM.search(words_for_norm[0].lower()) and not _person_noun_before(text, s.start):
                # initials and a surname that reads both ways, with nothing to tell: a man's genitive or
                # accusative is the likelier ("резиденция Д.Котова", "по проекту архитектора В.Лапина")
                parts, _ = normalize_name(words_for_norm, None, ("gent", "accs"))
        else:
            parts = {"first": None, "middle": None, "last": None}
        if initials and len(words_for_norm) == 1 and parts["first"] and not parts["last"]:
            # "Р. Амир": the one word after initials is a surname, whatever else it reads as
            parts = {**parts, "first": None, "last": parts["first"]}
        if initials and parts["first"] is None:
            parts["first"] = initials[0]
            if len(initials) > 1 and parts["middle"] is None:
                parts["middle"] = initials[1]  # "А. С. Пушкин"
        elif len(initials) == 1 and parts["first"] and parts["last"] and parts["middle"] is None \
                and 0 < words.index(initials[0]) < len(words) - 1:
            parts["middle"] = initials[0]  # "Джон Ф. Кеннеди"
        one = len(words) == 1
        parsed.append((s, mtext, parts, _key_forms(words[0]) if one else frozenset(),
                       _a_declension(words[0]) if one else frozenset()))

    people: list[dict] = []
    # people by their first and last names ('ё' as 'е', lower-cased), in the order they were met: a lookup, not a
    # scan of everyone, so that a long text with thousands of names stays linear
    index: dict[str, dict[str, list[int]]] = {"first": {}, "last": {}}

    def remember(i: int) -> None:
        for key in ("first", "last"):
            if people[i][key]:
                for k in {_norm(_given(people[i][key])), _final(people[i][key]) if key == "last" else ""} - {""}:
                    ids = index[key].setdefault(k, [])
                    if i not in ids:
                        ids.append(i)

    def named(key: str, forms: frozenset[str]) -> list[dict]:
        """People whose first or last name is one of ``forms``; then those whose surname of several words ends
        in one ("Гутерреш" of "ди Оливейра Гутерреш")."""
        ids = sorted({i for f in forms for i in index[key].get(f, ())})
        whole = [people[i] for i in ids if people[i][key] and _norm(_given(people[i][key])) in forms]
        return whole + [people[i] for i in ids if key == "last" and people[i] not in whole
                        and _final(people[i]["last"] or "") in forms]

    def find(parts, raw_forms: frozenset[str], a_forms: frozenset[str], start: int) -> dict | None:
        given = [parts[k] for k in ("first", "middle", "last") if parts[k]]
        if len(given) == 1:  # one word: the person whose surname (or else first name) it is
            forms = _key_forms(_given(given[0])) | raw_forms
            for key in ("last", "first"):
                cands = named(key, forms)
                if cands:  # the first met, or, where a verb tells, the one whose name it is as read ("Лапина
                    # признала" beside a man Лапин is the woman)
                    same = [p for p in cands if start in told and p[key] and _norm(_given(p[key])) == _norm(_given(given[0]))]
                    return (same or cands)[0]
            cands = named("last", a_forms)
            return cands[0] if cands else None
        if not parts["last"]:
            if not parts["first"] or not parts["middle"] or parts["first"].endswith("."):
                return None
            # first name and patronymic ("Анну Викторовну"): the one person of that first name named before, if
            # only one
            cands = [p for p in named("first", _key_forms(parts["first"]))
                     if p["middle"] is None or _norm(p["middle"]) == _norm(parts["middle"])]
            if not cands:  # "Иван Петрович" of "И. П. Котов"
                cands = [p for p in named("first", frozenset({_norm(parts["first"][0]) + "."}))
                         if p["middle"] and _norm(p["middle"]) == _norm(parts["middle"][0]) + "."]
            return cands[0] if len(cands) == 1 and any(m.start < start for m in cands[0]["mentions"]) else None
        # a surname of several words is also named by its last word: "Антониу Гутерреш" of "Антониу Мануэл ди
        # Оливейра Гутерреш" (the first given names alike)
        final = _final(parts["last"])
        forms = _key_forms(parts["last"]) | (_key_forms(parts["last"].split()[-1]) if final else frozenset())
        for p in named("last", forms):
            if not parts["first"] or not p["first"] or _same_first(parts["first"].split()[0], p["first"].split()[0]):
                return p
        # the last words of a name one word longer, read otherwise ("Ван Бетховен" of "Людвиг ван Бетховен"): its
        # words, the surname's last among them
        words = {_norm(w) for v in given for w in v.split()}
        for i in sorted({i for w in words for i in index["last"].get(w, ())}):  # looked up, not a scan of everyone
            p = people[i]
            full = {_norm(w) for k in ("first", "middle", "last") if p[k] for w in p[k].split()}
            if p["last"] and words < full and len(full) == len(words) + 1 and _norm(p["last"].split()[-1]) in words:
                return p
        return None

    # full names first, so that short mentions join them whatever the order in the text (a monarch's name and number
    # counts as full: "Елизавета II" before "Елизавета"), and a given name before an initial ("Алексей Кудрин"
    # before "А.Кудрина", whose gender only the full name tells)
    order = sorted(range(len(parsed)), key=lambda i: (-sum(v is not None and not (k == "middle" and v.endswith("."))
                                                           for k, v in parsed[i][2].items())
                                                      - bool(_REGNAL.search(parsed[i][2]["first"] or "")),
                                                      parsed[i][2]["last"] is None and parsed[i][2]["middle"] is not None,
                                                      (parsed[i][2]["first"] or "").endswith("."), i))
    for i in order:
        s, mtext, parts, raw_forms, a_forms = parsed[i]
        p = find(parts, raw_forms, a_forms, s.start)
        if p is None:
            p = {"first": parts["first"], "middle": parts["middle"], "last": parts["last"], "mentions": [],
                 "n": len(people)}
            people.append(p)
        elif _named_already(parts, raw_forms, p):
            if parts["first"] and not p["first"] and not p["middle"]:  # a given name after all: "Кристина", "Кристину"
                p["first"], p["last"] = p["last"], None
        elif not _final_word_of(parts, p):
            for k in ("first", "middle", "last"):
                cur = p[k]
                if parts[k] and (cur is None or (cur.endswith(".") and not parts[k].endswith("."))
                                 or parts[k].startswith(cur + " ") and _REGNAL.search(parts[k])):
                    p[k] = parts[k]
        remember(p["n"])
        p["mentions"].append(Mention(s.start, s.end, mtext))
    _join_aliases(people, parsed)
    _join_oblique(people)
    for p in people:
        _keep_indeclinable(p)
    people = [p for p in people if (len(p["mentions"]) > 1 or not _common_word(text, p["mentions"][0]))
              and not all(_town(m) for m in p["mentions"])]
    people.sort(key=lambda p: min(m.start for m in p["mentions"]))
    out = []
    for n, p in enumerate(people, 1):
        order = ("last", "first", "middle") if p["last"] and p["first"] and surname_first(
            [p["last"]] + p["first"].split()) and _written_surname_first(p) else ("first", "middle", "last")
        name = " ".join(p[k] for k in order if p[k])
        out.append(Person(f"person-{n}", name, p["first"], p["middle"], p["last"],
                          tuple(sorted(p["mentions"], key=lambda m: m.start))))
    return out


def _written_surname_first(p) -> bool:
    """The text writes the name surname first ("Пак Мин Чжу"), not given name first ("Виталия Пака")."""
    words = max((m.text.split() for m in p["mentions"]), key=len)
    return len(words) < 2 or words[0].lower().startswith(p["last"].lower()[:-1] or p["last"].lower())


_NAMEISH = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")
_SENTENCE_START = re.compile(r"(?:^|[.!?…»\"]\s+|\n\s*)$")


# a form of address: the word after it is a surname ("г-жа Сомова", "господин Котов")
ADDRESS = (r"(?:[Гг]-(?:н|на|ну|ном|не|жа|жи|же|жой|жу)|[Гг]осподин[а-я]*|[Гг]оспож[а-я]+|[Мм]истер[а-я]*|[Мм]иссис|"
           r"[Фф]рау|[Мм]есье|[Мм]адам)")
_ADDRESS_BEFORE = re.compile(r"(?<![\w-])" + ADDRESS + r"[ \u00a0]+$")


_SURNAME_SHAPE = re.compile(r"[^аеёиоуыэюя](?:ов|ев|ёв|ин|ын)(?:а)?$")


def _common_word(text: str, m: Mention) -> bool:
    """A lone capitalised word the dictionary knows only as a common word, at a sentence's start ("Сцена из
    фильма", "Кандидатке 54 года") or not a noun at all ("Размечтались"): no name (nerel-train: 47 such
    one-mention people, 5 of them real)."""
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+", m.text):
        return False
    ps = parses(m.text.lower())
    if not ps[0].is_known or any(g in p.tag for p in ps for g in _NAMEISH) \
            or _ADDRESS_BEFORE.search(text, max(0, m.start - 12), m.start):
        return False
    if _SENTENCE_START.search(text[max(0, m.start - 5):m.start]):
        return True
    # inside a sentence, a word shaped as a Russian surname is one: "Сомов" is no short adjective "сомов"
    return ps[0].tag.POS != "NOUN" and not _SURNAME_SHAPE.search(m.text)


_TOWN_END = re.compile(r"(?:ск|цк|град|бург|поль)(?:а|у|е|ом)?|(?:ов|ев|ин|ын)о")


def _town(m: Mention) -> bool:
    """One word shaped as a town's name that the dictionary reads only as a place ("Мэр Лесногорска ушёл":
    "Лесногорска" is no surname)."""
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+", m.text) or not _TOWN_END.search(m.text):
        return False
    ps = parses(m.text.lower())
    return bool(ps) and all("Geox" in p.tag for p in ps)


def _keep_indeclinable(p: dict) -> None:
    """A surname that ends in a vowel and reads the same in every mention ("Сидибе", "Роналду", "Пеле") does not
    decline: the text's own form is its nominative, not a guessed "Сидиб" (unless the dictionary knows it as a
    surname in another case: "Путину")."""
    last = p["last"]
    words = [re.findall(r"[А-Яа-яЁё-]+", m.text)[-1:] for m in p["mentions"]]  # not "Modibo Sidibe" in brackets
    forms = {w[0] for w in words if w}
    if not last or sum(map(bool, words)) < 2 or len(forms) != 1:
        return
    form = forms.pop()
    if form == last or form[-1:].lower() not in "еиоуэю" or not form[:1].isupper() or \
            _norm(form)[: len(_norm(last))] != _norm(last):
        return
    if any("Surn" in q.tag and q.score >= 0.2 and q.tag.case != "nomn" for q in parses(form.lower())):
        return
    p["last"] = form


def _join_aliases(people: list[dict], parsed) -> None:
    """A name given again in brackets ("Томас Мейер (Thomas Meyer)") is the same person."""
    owner = {m.start: p for p in people for m in p["mentions"]}
    for s, *_ in parsed:
        if s.alias_of is None:
            continue
        a, b = owner.get(s.alias_of), owner.get(s.start)
        if a is None or b is None or a is b:
            continue
        a["mentions"] += b["mentions"]
        for m in b["mentions"]:
            owner[m.start] = a
        people.remove(b)


def _join_oblique(people: list[dict]) -> None:
    """A full name whose every mention can be an inflected form of another person's name is that person's, when
    the other name is the one the text writes as such ("Александра Лапина", his genitive or her nominative, with
    "Александр Лапин" in the text), or when its given name is not one the dictionary knows in the nominative
    ("Сергея Шойгу" read before a woman's verb is "Сергей Шойгу"). Looked up by surname: linear in the names."""
    full = [p for p in people if p["first"] and p["last"] and not p["first"].endswith(".")]
    written = {id(p): any(_norm(m.text) == _norm(f"{p['first']} {p['last']}") for m in p["mentions"]) for p in full}
    nominative = {id(p): any("Name" in q.tag and q.tag.case == "nomn" and q.is_known for q in parses(p["first"].lower()))
                  for p in full}
    by_last: dict[str, list[dict]] = {}
    for p in full:
        by_last.setdefault(_norm(p["last"]), []).append(p)
    gone: set[int] = set()
    for b in full:
        words = [ws for ws in (name_words(m.text) for m in b["mentions"]) if len(ws) != 1]  # "Ярослава" goes along
        if not words or any(len(ws) != 2 for ws in words):
            continue
        lasts = frozenset.intersection(*(_key_forms(ws[1]) for ws in words))
        for a in (a for key in sorted(lasts) for a in by_last.get(key, ())):
            if a is b or id(a) in gone or _norm(a["first"]) == _norm(b["first"]):
                continue
            # (or b's every mention is a's name as written: "Ярослава Новожилова" read as a man's genitive, with
            # "Ярославы Новожиловой" in the text)
            if not (written[id(a)] and not written[id(b)] or nominative[id(a)] and not nominative[id(b)]
                    or not written[id(b)] and all(_norm(m.text) == _norm(f"{a['first']} {a['last']}")
                                                  for m in b["mentions"] if len(name_words(m.text)) == 2)):
                continue
            if all(_norm(a["first"]) in _key_forms(ws[0]) for ws in words):
                a["mentions"] += b["mentions"]
                gone.add(id(b))
                break
    people[:] = [p for p in people if id(p) not in gone]


def _verb_nearby(text: str, start: int, end: int) -> str | None:
    """The gender of the past-tense verb right before a name (or its title), or within three words after it, but
    not right after a comma with its own subject after it ("Котовым, сообщила пресс-служба"; "Анна Котова,
    рассказала, что" and "Анна Котова, жена художника, сказала" are hers)."""
    after = re.findall(r"[А-Яа-яЁё]+|[.!?;:«»\n]", text[end:end + 60])
    if re.match(r"[ \u00a0]*,", text[end:end + 3]) and len(after) > 1 and verb_gender(after[0]) \
            and after[1].isalpha() and (after[1][0].isupper() or parses(after[1].lower())[0].tag.case == "nomn"):
        after = []
    for w in after[:3]:
        if not w.isalpha():
            break
        g = verb_gender(w)
        if g:
            return g
    # or a participle in the nominative after a comma: "Кэндзи Мацусита, ранее возглавлявший"
    if re.match(r"[ \u00a0]*,", text[end:end + 3]):
        for w in after[:2]:
            p = parses(w.lower())[0] if w.isalpha() else None
            if p is None or p.tag.POS == "PRTF":
                if p and p.tag.case == "nomn" and p.tag.number == "sing" and p.tag.gender in ("masc", "femn"):
                    return p.tag.gender
                break
    before = re.findall(r"[А-Яа-яЁё]+|[.!?;:«»\n]", text[max(0, start - 30):start])
    g = verb_gender(before[-1]) if before and before[-1].isalpha() else None
    if g:
        return g
    # or before a title in the nominative in apposition to it: "сообщила министр культуры Анна Котова"
    words = re.findall(r"[А-Яа-яЁё-]+|[.!?;:,«»()\n]", text[max(0, start - 60):start])[-6:]
    i, nominative = len(words) - 1, False
    while i >= 0 and words[i][0].isalpha() and _title_word(words[i]):
        nominative = nominative or parses(words[i].lower())[0].tag.case == "nomn"
        i -= 1
    return verb_gender(words[i]) if nominative and i >= 0 and words[i][0].isalpha() else None


def _person_noun_before(text: str, start: int) -> bool:
    """A noun for a person in the nominative among the three words before, in the same clause: the name after it
    is in the nominative too ("Руководитель центра Э. Котова")."""
    words = re.findall(r"[А-Яа-яЁё-]+|[.!?;:,«»()\n—–]", text[max(0, start - 60):start])[-4:]
    for i in reversed(range(max(len(words) - 3, 0), len(words))):  # the last three, each with the word before
        if not words[i][0].isalpha():
            return False
        p = parses(words[i].lower())[0]
        if p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.animacy == "anim":
            # a noun that does not decline takes its case from the adjective before: "бывшего замминистра"
            adj = parses(words[i - 1].lower())[0] if i and "Fixd" in p.tag and words[i - 1][0].isalpha() else None
            return not (adj and adj.tag.POS == "ADJF" and adj.tag.case != "nomn")
    return False


def _title_word(word: str) -> bool:
    """A lower-case noun or adjective in the nominative or the genitive: a word of a title ("министр культуры")."""
    p = parses(word.lower())[0]
    return word.islower() and p.tag.POS in ("NOUN", "ADJF") and p.tag.case in ("nomn", "gent")


def _final_word_of(parts: dict, p: dict) -> bool:
    """A one-word mention that is the last word of the person's surname of several ("Диарра" of "Шейк Модибо
    Диарра"): it tells nothing new of the name (nor is it a first name)."""
    given = [v for v in parts.values() if v]
    return bool(p["last"]) and len(given) == 1 and _norm(given[0]) == _final(p["last"])


def _named_already(parts: dict, raw_forms: frozenset[str], p: dict) -> bool:
    """A one-word mention of a word the person's name has already, in another case or read otherwise ("Артёма" of
    "Артём", read as a surname for want of one; "Кристину" of a "Кристина" read as a surname): it adds no part."""
    given = [v for v in parts.values() if v]
    if len(given) != 1:
        return False
    forms = _key_forms(_given(given[0])) | raw_forms
    return any(p[k] and _norm(_given(p[k])) in forms for k in ("first", "last"))


def _final(last: str) -> str:
    """The last word of a surname of several ("ди Оливейра Гутерреш" -> "гутерреш"), or "" for one of one word."""
    words = last.split()
    return _norm(words[-1]) if len(words) > 1 and (words[-1][:1].isupper() or particle(words[-1])) else ""


def _same_first(a: str, b: str) -> bool:
    if a.endswith(".") or b.endswith("."):
        return a.rstrip(".")[:1].lower() == b.rstrip(".")[:1].lower() and \
            (b.lower().startswith(a.rstrip(".").lower()) or a.lower().startswith(b.rstrip(".").lower()))
    return _norm(a) == _norm(b)
