"""Organisations: spans from the models combined and mended by rules, names normalised, mentions grouped."""
from __future__ import annotations

import re
from functools import lru_cache

from .morph import morph, normalize_phrase, noun_forms, parses, person_participle
from .people import PREPOSITIONS, named_after
from .resources import lexicon, resource
from .spans import QUOTE_PAIRS, Span, covered, quote_close
from .types import Mention, Organisation, OrgMention

_WORD = re.compile(r"[А-Яа-яЁё]+")
REGION_HEADS = frozenset("округ область край район республика штат провинция".split())  # a region's name


def org_heads() -> frozenset[str]:
    return lexicon("org_heads.txt")


def is_org_head(word: str) -> bool:
    heads = org_heads()
    w = word.lower()
    return w in heads or any(p.normal_form in heads for p in parses(w)[:2])


_OWNER = re.compile(r"[А-ЯЁA-Z]{2,6}")
_OWNED = re.compile(r"[ \u00a0]+[«\"„]")
_KIND_WORD = re.compile(r"([а-яё]+)[ \u00a0]+$")


def owned_name(text: str, found, mentions):
    """The organisation a kind word names: the quoted name after an owner's abbreviation, not the owner
    ("командой НХЛ «Портленд Пайнерс»", "в банке ЛПК «Лютик»"); ``found`` is the (mention, id) pair met first,
    ``mentions`` the ByStart of every (mention, id)."""
    m = found[0]
    if not _OWNER.fullmatch(text[m.start:m.end]):
        return found
    kind = _KIND_WORD.search(text, max(0, m.start - 30), m.start)
    if not kind or not is_org_head(kind.group(1)):
        return found
    after = [x for x in mentions.starting(m.end, m.end + 4) if _OWNED.fullmatch(text[m.end:x[0].start + 1])
             or _OWNED.fullmatch(text[m.end:x[0].start])]  # the quotes outside the name or inside it
    return after[0] if after else found


# a rank, and the service it is of, ending a title: the holder's own title, no part of the organisation the title
# names ("начальник пресс-службы [майор полиции]", "подполковник юстиции")
RANK = re.compile(r"(?:профессор|академик|доцент|генерал|генерал-[а-яё]+|полковник|подполковник|майор|адмирал|"
                  r"вице-адмирал|контр-адмирал|маршал|лейтенант|старший[ \u00a0]+лейтенант)[ауе]?"
                  r"(?:[ \u00a0]+(?:юстиции|полиции|милиции|авиации|армии|"
                  r"(?:медицинской|внутренней)[ \u00a0]+службы))?$",
                  re.I)


_BANK_NAME = re.compile(r"[А-ЯЁ][А-Яа-яЁё-]*банк(а|у|е|ом)?")


def banks_named_as_people(text: str, spans) -> list:
    """A model's "person" that is one word ending in "банк" is a bank ("Аналитики Лесбанка", "Тинькофф-банк")."""
    return [Span(s.start, s.end, "ORG", s.source) if s.type == "PERSON" and _BANK_NAME.fullmatch(text[s.start:s.end])
            else s for s in spans]


def orgs_inside(text: str, span) -> tuple[int, int] | None:
    """The organisation inside a position: 'заместитель председателя [комитета по экономике ...]'."""
    end = span.end
    if text[span.start:end].count("«") > text[span.start:end].count("»"):  # "редактор радиостанции «Говорит"
        end = quote_close(text, end) or end
    rank = RANK.search(text, span.start, end)
    end = _rstrip(text, span.start, rank.start()) if rank and rank.start() > span.start else end
    words = list(_NAME_WORD.finditer(text, span.start, end))
    for m in words[1:]:
        if is_org_head(m.group().rsplit("-", 1)[-1]):  # "пресс-службы" whole
            inside = text[m.start():end]
            return (m.start(), end) if inside.count("«") == inside.count("»") else None
    return None


# nouns that head the organisation a title names after its head word ("командующий [войсками Уральского военного
# округа]", "глава [кабинета министров Чехии]", "начальник [генштаба армии Перу]"); nerel-train: where a title
# runs on over one, an organisation begins there 85% of the time
_BODY_IN_TITLE = frozenset(
    "совет комитет администрация правительство войско сила департамент сборная суд служба полиция посольство палата "
    "парламент отделение армия церковь пресс-служба дума бюро прокуратура университет ассоциация оркестр министерство "
    "кабинет академия союз метрополитен дирекция институт конгресс генштаб митрополия разведка спецслужба цирк "
    "горсовет облсовет погранслужба милиция бундестаг сенат ополчение лаборатория правление президиум управление "
    "комиссия отдел агентство инспекция".split())


_AND = re.compile(r"[ \u00a0]и[ \u00a0]")  # "совета директоров и правления": two bodies, or a body and a title
_PLURAL_BODIES = frozenset("войско сила спецслужба".split())  # "войска", "силы" name one body


def orgs_in_titles(text: str, titles, orgs, taken, places) -> list[tuple[int, int]]:
    """The organisation a title names after its head, to the title's end: "командующий [войсками Уральского
    военного округа]", "генеральный секретарь [кабинета министров]" (two words at least: a lone common noun is left
    to the lists of institutions), where no other organisation or person is and no place begins; it may hold an
    organisation named whole at its end ("председатель [совета директоров «Ромашки»]")."""
    out = []
    for t in titles:
        words = list(_NAME_WORD.finditer(text, t.start, t.end))
        k = _body_in_title(words, t.end)
        if k is None:
            continue
        a, b = words[k].start(), t.end
        whom = _FROM_WHOM.search(text, a, b)  # "депутат [городской думы] от КПРФ": whom they stand for is apart
        b = whom.start() if whom else b
        inner = [o for o in orgs if a < o.start and o.end <= b]
        if taken.free(a, min([o.start for o in inner] + [b])) and places.free(a, a + 1) \
                and all(re.fullmatch(r"[»\"']*", text[o.end:b]) for o in inner) \
                and not any(o.start < a < o.end or o.start < b < o.end for o in orgs) \
                and text[a:b].count("«") == text[a:b].count("»") and not _AND.search(text, a, b):
            out.append((a, b))
            taken.take(a, b)
    return out


_FROM_WHOM = re.compile(r"[ \u00a0]от[ \u00a0]")


def _body_in_title(words, end: int) -> int | None:
    """Which word of a title begins the body it runs on over after its head noun (or a participle that heads it
    like one: "командующим"), with the adjectives before that body's noun; None if there is none."""
    ps = [parses(m.group().lower()) for m in words]
    heads = [j for j, q in enumerate(ps) if q[0].tag.POS == "NOUN" or person_participle(q)]
    head = heads[0] if heads and heads[0] < len(words) - 1 else 0
    for j in range(head + 1, len(words)):
        w, p = words[j].group(), ps[j][0]
        if p.tag.POS != "NOUN" or w[0].isupper() and j > head + 1:
            continue
        if p.normal_form not in _BODY_IN_TITLE or p.tag.number == "plur" and p.normal_form not in _PLURAL_BODIES:
            return None  # "главы [районных администраций]": many, not one
        k = j
        while k > head + 1 and _modifier(ps[k - 1][0]) and not person_participle(ps[k - 1]):
            k -= 1
        if k > head + 1 and "Apro" in ps[k - 1][0].tag:
            return None  # "главой [своей администрации]": whose, said by a pronoun
        last = words[-1].group()
        if j < len(words) - 1 and last.islower() and is_org_head(last) and bare_kind(last) \
                and words[-1].end() == end and parses(last)[0].tag.number == "sing":
            return None  # "председатель правления банка": of the bank named before, no body of its own
        return k if len(words) - k >= 2 else None
    return None


def _modifier(p) -> bool:
    return p.tag.POS in ("ADJF", "PRTF") and "Apro" not in p.tag


_ABBREVIATION = re.compile(r"(?<![\w-])[А-ЯЁ]{2,6}(?![\w-])")
# abbreviations that name a country, a region or a legal form, not an organisation
_NOT_ORG_ABBR = frozenset("США РФ СССР ФРГ ГДР КНР КНДР ЮАР ОАЭ САР АРЕ ЦАР РСФСР ДНР ЛНР ЦАО СКФО ЮФО ЦФО ПФО УФО СФО "
                          "ДФО СЗФО ХМАО ЯНАО ОАО ООО ЗАО АО ПАО ГУП МУП ФГУП ГОУ АНО НКО ИП НП КВН ЛГБТ ПО".split())


def _abbreviations_inside(text: str, spans) -> list[tuple[int, int]]:
    """An abbreviation inside a title, after its first word, names the organisation: "Судья [ЕСПЧ]", "директор
    [ФБР]"; those that do not are countries, regions, legal forms ("посол США", "директор ООО") and the first
    letters of a quoted name ("президент СК «Пересвет»"). Mostly the models find them already."""
    places = covered(text, [s for s in spans if s.type == "LOC"])
    out = []
    for pos in spans:
        if pos.type != "POSITION":
            continue
        for m in _ABBREVIATION.finditer(text, pos.start, pos.end):
            if m.start() > pos.start and m.group() not in _NOT_ORG_ABBR and places.free(m.start(), m.end()) \
                    and not re.match(r"[ \u00a0]*[«\"]", text[m.end():m.end() + 3]):  # "СК «Пересвет»": one name
                out.append((m.start(), m.end()))
    return out


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


# a body of the organisation its quoted name names ("центральное бюро «Лютика»"), not that organisation
_BODY_OF_OWNER = frozenset("бюро совет комитет правление президиум штаб фракция отделение филиал отдел управление "
                           "департамент комиссия представительство подразделение офис".split())


def _key(name: str) -> str:
    """Mentions of one organisation share a key: its quoted name if it has one ('банк «Северный капитал»')."""
    quoted = re.search(r"[«\"“„]([^»\"“”]+)[»\"“”]", name)
    before = name[: quoted.start()].split() if quoted else []
    # "банк «X»", "ООО УК «X»" and "Хоккейный клуб «X»" are X; "совет директоров «X»" and "правление «X»" are not
    if quoted and (not before or all(re.fullmatch(r"[А-ЯЁA-Z]{2,5}", w) for w in before)
                   or (len(before) == 1 or is_org_head(before[-1].lower())
                       and all(_modifier(parses(w.lower())[0]) for w in before[:-1]))
                   and parses(before[-1].lower())[0].normal_form not in _BODY_OF_OWNER):
        name = quoted.group(1)
    key = re.sub(r"[«»\"“”„]", "", name).lower().replace("ё", "е").strip()
    key = _LEGAL_FORM.sub("", key) or key  # "Bellflower Inc." is Bellflower
    return _same(key)


_LEGAL_FORM = re.compile(r",?[ \u00a0]+(?:inc|ltd|llc|corp|co|plc|ag|gmbh|s\.?a|n\.?v|se|limited|corporation|"
                         r"incorporated)\.?$")


_OF_RUSSIA = (" российской федерации", " россии", " рф")


def _same(key: str) -> str:
    """One key for an organisation's usual names: "минфин", "министерство финансов", "министерство финансов
    россии" are "министерство финансов" (models/org_aliases.txt)."""
    aliases = _aliases()
    if key in aliases:
        return aliases[key]
    for suffix in _OF_RUSSIA:
        bare = key[: -len(suffix)]
        if key.endswith(suffix) and (bare in aliases or bare in aliases.values()):
            return aliases.get(bare, bare)
    return key


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    lines = resource("org_aliases.txt").read_text(encoding="utf-8").splitlines()
    pairs = (line.split("=") for line in lines if "=" in line and not line.startswith("#"))
    return {short.strip(): full.strip() for short, full in pairs}


_KIND_QUOTE = re.compile(r"(?<![а-яё-])([а-яё]{3,})[ \u00a0]+[«\"„“]$")


def _named_by_kind(text: str, start: int) -> bool:
    """A quoted name right after a noun for its kind stays in the nominative whatever the noun's case: "в клуб
    «Бока Хуниорс»", "компании «Ростелеком»" ("Бока" is not the genitive of "бок" there)."""
    kind = _KIND_QUOTE.search(text, max(0, start - 30), start)
    return bool(kind) and is_org_head(kind.group(1)) and parses(kind.group(1))[0].normal_form not in _PART_OF


_LEGAL_FORMS = r"(ОАО|ООО|ЗАО|ПАО|АО|ФГУП|ГУП|МУП|АНО|НКО)"
_LEGAL_BEFORE = re.compile(r"(?<![\w-])" + _LEGAL_FORMS + r"[ \u00a0]+[«\"„“]?$")
_WORD_BEFORE = re.compile(r"(?<![\w-])([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)[ \u00a0]+[«\"„“]?$")
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])([а-яё]+(?:-[а-яё]+)*)[ \u00a0]+$")
# words for the kind of a body the names of which they seldom head, and the prefixes of compounds of kind words
_KIND_ALSO = frozenset("сеть сайт портал ресурс еженедельник ежемесячник профсоюз проект холдинг".split())
_KIND_PREFIX = re.compile(r"^(?:медиа|интернет-?|теле|радио|авиа|агро|нефте|газо)(?=[а-яё]{4})")


def _kind(word: str) -> tuple[list, str] | None:
    """A word for a kind of organisation ("компании", "социальной сети", "медиакомпанией"): its noun parses and its
    nominative ("медиакомпания"); None for any other word."""
    w = word.lower()
    last = w.split("-")[-1]
    prefix = _KIND_PREFIX.match(last)
    stem = last[prefix.end():] if prefix else last
    nouns = [p for p in parses(stem)[:3] if p.tag.POS == "NOUN"]
    if not nouns or not (is_org_head(stem) or nouns[0].normal_form in _KIND_ALSO):
        return None
    return nouns, w[:len(w) - len(last)] + (prefix.group() if prefix else "") + nouns[0].normal_form


_SHORT_NAMES = frozenset("госдума минздрав минобороны минфин мвд".split())  # in org_heads.txt, yet names


def _kind_in_name(name: str) -> str | None:
    """The kind an organisation's name says itself: its legal form ("ОАО «Лютик»") or its first noun, when that is a
    word for a kind of body ("Администрация Лесногорской области", "Лесногорского университета", "полиция")."""
    legal = re.match(_LEGAL_FORMS + r"[ \u00a0]", name)
    if legal:
        return legal.group(1)
    words = _NAME_WORD.findall(name)
    for w in words[:4]:
        if parses(w.lower())[0].tag.POS == "NOUN":
            kind = _kind(w)
            # (a common noun alone is its kind, "правительство", but not a short name: "Минфин")
            return kind[1] if kind and (len(words) > 1 or kind[1] not in _SHORT_NAMES) else None
    return None


def _at_sentence_start(text: str, at: int) -> bool:
    return text[max(0, at - 3):at].rstrip(" \u00a0")[-1:] in ("", ".", "!", "?", "\n")


def _agreeing_before(text: str, a: int, heads: list) -> int:
    """Where the adjectives agreeing with the noun at ``a`` begin: "торгового [дома]", "лесновийского [Минфина]"."""
    while True:
        adj = _ADJECTIVE_BEFORE.search(text, max(0, a - 30), a)
        ps = [p for p in parses(adj.group(1))[:2] if p.tag.POS in ("ADJF", "PRTF")] if adj else []
        if not any(p.tag.case == n.tag.case and p.tag.number == n.tag.number for p in ps for n in heads):
            return a
        a = adj.start()


def with_kind(text: str, start: int, end: int) -> tuple[int, int, str | None] | None:
    """The mention with the words for its kind right before it, as FactRuEval draws an organisation: a noun for a
    kind of organisation and the adjectives agreeing with it ("российской компании «Ромашка»", "социальной сети
    Lesnoy"), a legal form ("ОАО «Лютик»"), or the adjectives agreeing with the name itself ("лесновийского Минфина");
    its closing quote too. (start, end, the kind in the nominative or None), or None when there are none. NEREL
    leaves these words out, and so do the mentions: this is the other way to draw them."""
    legal = _LEGAL_BEFORE.search(text, max(0, start - 12), start)
    word = None if legal else _WORD_BEFORE.search(text, max(0, start - 40), start)
    # (a capitalised word only at a sentence's start: "Компания Lesnoy Soft")
    kind = _kind(word.group(1)) if word and (word.group(1)[0].islower() or _at_sentence_start(text, word.start())) \
        else None
    if legal:
        a, name = legal.start(), legal.group(1)
    elif kind:
        a, name = _agreeing_before(text, word.start(), kind[0]), kind[1]
    else:  # adjectives of the name itself: "лесновийского Минфина"
        first = _NAME_WORD.match(text, start)
        heads = [p for p in parses(first.group().lower())[:2] if p.tag.POS == "NOUN"] if first else []
        at = start - 1 if text[start - 1:start] in QUOTE_PAIRS else start
        a, name = _agreeing_before(text, at, heads), None
        if a == at:
            return None
    quote = text[start - 1:start] if start else ""
    b = end + 1 if quote in QUOTE_PAIRS and text[end:end + 1] == QUOTE_PAIRS[quote] else end
    return a, b, name


def _unknown_nominative(name: str) -> bool:
    """One word the dictionary does not know, ending in a hard consonant but in no case ending ("-ом", "-ах",
    "-ов"): a nominative as written ("Сосновир", "Бьёрклёвен"; its guessed readings as some plural's genitive are
    far less likely for a name)."""
    word = re.fullmatch(r"[«\"„“]?([А-ЯЁ][а-яё]+)[»\"“”]?", name)
    return bool(word) and word.group(1)[-1] in "бвгджзклмнпрстфхцчшщ" \
        and not re.search(r"(?:[оеёая]м|[ая]х|[оеё]в)$", word.group(1)) \
        and not morph().word_is_known(word.group(1).lower())


# a part of the organisation the quoted name after it names, in the genitive: "отделение «Сбербанка»"
_PART_OF = frozenset("отделение филиал подразделение представительство офис отдел".split())




def group_orgs(text: str, spans) -> list[Organisation]:
    groups: dict[str, dict] = {}
    keys: dict[tuple[int, int], str] = {}
    for s in sorted(spans, key=lambda s: s.start):
        mtext = text[s.start:s.end]
        bank = _BANK_NAME.fullmatch(mtext)  # "Лесбанка" is Лесбанк's, not a "Лесбанка"
        name = mtext if _named_by_kind(text, s.start) or _unknown_nominative(mtext) else \
            mtext[:bank.start(1)] if bank and bank.group(1) else normalize_phrase(mtext)
        key = keys[s.start, s.end] = _key(name)
        g = groups.setdefault(key, {"name": name, "mentions": []})
        if len(name) > len(g["name"]):  # the fullest mention names the organisation
            g["name"] = name
        kind = with_kind(text, s.start, s.end)
        g["mentions"].append(OrgMention(s.start, s.end, mtext,
                                        Mention(kind[0], kind[1], text[kind[0]:kind[1]]) if kind else None))
        named = kind and kind[2] or _kind_in_name(mtext)
        if named:
            g.setdefault("kinds", []).append(named)
    for full, short in _defined(text, list(keys)):
        a, b = keys[full], keys[short]
        if a in groups and b in groups and a != b:  # the name given again in brackets is the same organisation
            _merge(groups, b, a)
            keys.update({k: a for k, v in keys.items() if v == b})
    _join_inflected(groups)
    _join_named_after(groups)
    _join_short_names(text, groups)
    _join_abbreviations(groups)
    out = []
    for n, g in enumerate(sorted(groups.values(), key=lambda g: g["mentions"][0].start), 1):
        kinds = g.get("kinds", [])
        kind = max(kinds, key=lambda k: (kinds.count(k), -kinds.index(k))) if kinds else None  # the most, the first
        out.append(Organisation(f"org-{n}", g["name"], tuple(g["mentions"]), kind))
    return out


_ABBR = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ&\d-]*[A-ZА-ЯЁ\d]")  # "ФСБ", "S&P", "ФТС-2"


def _defined(text: str, spans: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(full name, name in brackets) pairs where a name of two words or more is given again in brackets right
    after it: its abbreviation ("Федеральная служба безопасности (ФСБ)", to the longest name ending there), a
    short form ("Комитет по туризму (Комтуризм)") or a name in Latin letters ("Фонд защиты озёр (Lake Protection
    Fund)", to the shortest)."""
    by_end: dict[int, list[tuple[int, int]]] = {}
    for s in spans:
        if len(_NAME_WORD.findall(text, s[0], s[1])) > 1 or re.search(r"[A-Za-z]\w*[ \u00a0]\w", text[s[0]:s[1]]):
            by_end.setdefault(s[1], []).append(s)
    out = []
    for t in spans:
        if text[t[1]:t[1] + 1] not in (")", ","):
            continue
        opened = text.rfind("(", max(0, t[0] - 3), t[0])
        if opened == -1 or text[opened + 1:t[0]].strip():
            continue
        end = opened
        while end and text[end - 1] in " \u00a0":
            end -= 1
        fulls = [f for f in by_end.get(end, []) if f != t]
        short = text[t[0]:t[1]]
        if _ABBR.fullmatch(short) and fulls:
            full = max(fulls, key=lambda f: f[1] - f[0])
            if not _inner_initials(short, _NAME_WORD.findall(text, full[0], full[1])):
                out.append((full, t))
            continue
        # a name in Latin letters after one in Cyrillic: "Фонда защиты озёр (Lake Protection Fund)"
        latin = bool(re.fullmatch(r"[A-Za-z][\w&.' -]*", short))
        fulls = [f for f in fulls if not (latin and re.search(r"[A-Za-z]", text[f[0]:f[1]]))]
        if fulls and (latin or re.fullmatch(r"[А-ЯЁ][а-яё]+", short)):
            out.append((min(fulls, key=lambda f: f[1] - f[0]), t))
    return out


_FUNCTION_WORDS = frozenset("и по в во на при для с со о об".split())


def initials(words: list[str]) -> str:
    """The capital letters of a name's words, its function words left out, each part of a hyphenated word apart:
    "Лесной суд по делам охоты" -> "ЛСДО", "Либерально-демократическая партия" -> "ЛДП"."""
    return "".join(part[0].upper() for w in words if w.lower() not in _FUNCTION_WORDS for part in w.split("-") if part)


def _inner_initials(short: str, words: list[str]) -> bool:
    """The abbreviation is the initials of the name's last words only: it names the organisation inside
    ("Учёный совет Лесногорского государственного университета (ЛГУ)" -> the university)."""
    return initials(words) != short.upper() and any(
        initials(words[i:]) == short.upper() for i in range(1, len(words) - 1))


def _merge(groups: dict[str, dict], key: str, into: str) -> None:
    """The mentions of ``key``'s organisation (and the words for its kind) are ``into``'s, in the text's order."""
    gone = groups.pop(key)
    groups[into]["mentions"] = sorted(groups[into]["mentions"] + gone["mentions"], key=lambda m: m.start)
    groups[into]["kinds"] = groups[into].get("kinds", []) + gone.get("kinds", [])


def _join_abbreviations(groups: dict[str, dict]) -> None:
    """An abbreviation the text does not define in brackets is the one organisation whose name's initials it is
    ("ЛГУ" of "Лесногорский государственный университет"); so is a word made of the beginnings of its name's words
    ("Нацбанк" of "Национальный банк Лесновии")."""
    def full(g) -> bool:
        return len(_NAME_WORD.findall(g["name"])) > 1 and "«" not in g["name"]

    for key in [k for k, g in groups.items() if all(_ABBR.fullmatch(m.text) for m in g["mentions"])]:
        abbr = groups[key]["mentions"][0].text.upper()
        whose = [k for k, g in groups.items() if k != key and full(g) and initials(_NAME_WORD.findall(g["name"])) == abbr]
        if len(whose) == 1:
            _merge(groups, key, whose[0])
    for key in [k for k in groups if re.fullmatch(r"[а-я]{5,}", k)]:
        whose = [k for k, g in groups.items() if k != key and full(g)
                 and _short_form(key, [w.lower() for w in _NAME_WORD.findall(g["name"])])]
        if len(whose) == 1:
            _merge(groups, key, whose[0])


_ENDINGS = ("ами", "ями", "ом", "ем", "ой", "ей", "ою", "ах", "ях", "а", "я", "у", "ю", "е", "ы", "и")


def stem(key: str) -> str:
    """The word without its case ending ("лесбанка" -> "лесбанк"), keeping four letters at least."""
    for e in _ENDINGS:
        if key.endswith(e) and len(key) - len(e) >= 4:
            return key[: -len(e)]
    return key


def _join_short_names(text: str, groups: dict[str, dict]) -> None:
    """A quoted one-word name that is the last word of one quoted name of several words is that organisation
    («Рыси», «Рысей» of «Северные Рыси»): teams and companies go by their name's last word."""
    def lemmas(word: str) -> frozenset[str]:
        return frozenset(p.normal_form for p in parses(word)[:3])

    def quoted(g) -> bool:
        return any(m.start and text[m.start - 1] in "«\"„" or "«" in m.text for m in g["mentions"])

    def own_name(g) -> str:  # the quoted name inside it, not an owner's: "совет Фонда «Сколково»" is no «Сколково»
        inner = re.search(r"[«\"„]([^»\"“”]+)[»\"“”]", g["name"])
        return (inner.group(1) if inner else g["name"]).lower().replace("ё", "е")

    def kind_then_name(g) -> bool:  # "Частный конный завод «Ромашка»": the first noun is the quoted name's kind
        words = re.match(r"((?:[А-ЯЁа-яё-]+[ \u00a0]+)+)[«\"„]", g["name"])
        nouns = [w for w in words.group(1).split() if parses(w.lower())[0].tag.POS == "NOUN"] if words else []
        return len(nouns) == 1 and words.group(1).split()[-1] == nouns[0]

    longer = [k for k, g in groups.items() if quoted(g) and re.fullmatch(r"[а-яa-z -]+ [а-яa-z-]+", own_name(g))]
    named = [k for k, g in groups.items() if " " in k and kind_then_name(g)]
    for key in [k for k, g in list(groups.items()) if re.fullmatch(r"[а-я]{3,}", k) and quoted(g)]:
        whose = [k for k in longer if lemmas(own_name(groups[k]).rsplit(" ", 1)[1]) & lemmas(key)] or [
            k for k in named if k in groups and own_name(groups[k]) == key == normalize_phrase(key)]
        # (the name in the nominative: "бюро «Лютика»" is whose)
        if len(whose) == 1:
            _merge(groups, key, whose[0])


def _join_named_after(groups: dict[str, dict]) -> None:
    """A name and the same name with whom it is named after are one organisation ("Лесногорский театр драмы" and
    "Лесногорский театр драмы имени Ивана Котова")."""
    for key in list(groups):
        base = re.split(r" (?:имени|им\.) ", key, maxsplit=1)[0]
        if base != key and base in groups and key in groups:
            _merge(groups, base, key)


def _join_inflected(groups: dict[str, dict]) -> None:
    """One-word names the dictionary does not know come out of the normaliser in whatever case it guessed
    ("Металлоинвеста", "Эвертоня"): those of one stem are one organisation, named by the form without an
    ending ("Эвертон") or, failing that, by a form in "-а"/"-я"; with neither, they stay apart."""
    by_stem: dict[str, list[str]] = {}
    for key in groups:
        if re.fullmatch(r"[а-я-]{5,}", key) and not morph().word_is_known(key):
            by_stem.setdefault(stem(key), []).append(key)
    for base, keys in by_stem.items():
        if len(keys) < 2:
            continue
        main = next((k for k in keys if k == base), None) or next((k for k in keys if k[-1] in "ая"), None)
        if main is None:
            continue
        for k in keys:
            if k != main:
                _merge(groups, k, main)


# ---------------------------------------------------------------- spans from the models and rules

# one unquoted word shaped as a town's name after "в", "из": a place ("заседание в Лесногорске")
_TOWN_IN = re.compile(r"(?<![А-Яа-яЁё])(?:в|во|из|под)[ \u00a0]+[А-ЯЁ][а-яё]+(?:ск|цк|град|бург|поль)(?:а|у|е|ом)?")


def _town_in(text: str, n: Span) -> bool:
    m = _TOWN_IN.search(text, max(0, n.start - 4), n.end)
    return bool(m) and m.end() == n.end and m.end() - m.start() > n.end - n.start


def combine_orgs(text: str, spans: list[Span]) -> list[Span]:
    """spaCy's organisations, natasha's where spaCy has none, and rules for what both miss."""
    names = covered(text, [p for p in spans if p.type == "PERSON" and p.source == "natasha"])
    # where natasha reads a name, spaCy's organisation is mostly a person ("ДЖЕЙ-ЗИ", "Mimeng")
    natasha = [n for n in spans if n.type == "ORG" and n.source == "natasha"]
    places = {(p.start, p.end) for p in spans if p.type == "LOC" and p.source == "natasha"}
    out = [_without_field(text, _without_place_for(text, _completed(text, s, natasha), places)) for s in spans
           if s.type == "ORG" and s.source == "spacy" and names.free(s.start, s.end)]
    # natasha's name where spaCy's, trimmed, leaves room: "[литовское правительство] через [Центральный банк]"
    taken = covered(text, [t for t in (_trim_org(text, o) for o in out) if t])
    starts = {o.start for o in out}
    # (not a name spaCy reads as a person's that opens with a given name: "[Иоанн Лесногорский] (ЛПЦ)")
    persons = {(p.start, p.end) for p in spans if p.type == "PERSON" and p.source == "spacy"}
    out += [n for n in spans if n.type == "ORG" and n.source == "natasha" and taken.free(n.start, n.end)
            and not _descriptor_before(text, n, starts)
            and not ((n.start, n.end) in persons and _opens_with_given_name(text, n)) and not _town_in(text, n)]
    taken = covered(text, out)
    grown = [grow_over_place(text, loc) for loc in spans if loc.type == "LOC"]
    inner = [orgs_inside(text, pos) for pos in spans if pos.type == "POSITION" and pos.source == "spacy"]
    for a, b in (x for x in grown + inner + _abbreviations_inside(text, spans) + _ministries(text) + _committees(text)
                 if x):
        if taken.free(a, b):
            out.append(Span(a, b, "ORG", "rule"))
            taken.take(a, b)
    people = {p.end: p for p in spans if p.type == "PERSON"}
    out = [_named_after(text, _grow_domain(text, _grow_object(text, _grow_to_noun(text, _grow_left(text, t)))))
           for t in (_trim_org(text, o) for o in out) if t]
    out = [o for o in _merge_orgs(text, sorted(out, key=lambda s: s.start), spans) if not _not_an_org(text, o, people)]
    works = _works_named(text)
    out = [o for o in out if stem(text[o.start:o.end].lower()) not in works]
    named = covered(text, [o for o in spans if o.type in ("ORG", "POSITION", "LOC")])
    for a, b in adjective_orgs(text, [(s.start, s.end) for s in spans if s.type == "LOC"]):
        if named.free(a, b) and taken.free(a, b):
            out.append(Span(a, b, "ORG", "rule"))
    taken = covered(text, out + [p for p in spans if p.type == "PERSON"])
    # natasha takes "ЕС", "Евросоюз" for places; "Кремль заявил", but "в Белом доме" is a place
    for pattern, where in ((_INTERNATIONAL, None), (_SEATS, _AT_PLACE), (_NUMBERED_SCHOOL, None)):
        for m in pattern.finditer(text):
            if taken.free(m.start(), m.end()) and not (where and where.search(text[max(0, m.start() - 8):m.start()])):
                out.append(Span(m.start(), m.end(), "ORG", "rule"))
    for m in _WEB_ADDRESS.finditer(text):  # a site a report is quoted from: "сообщает lesnoy.ru"
        if _REPORTED_BY.search(text, max(0, m.start() - 40), m.start()) and taken.free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "ORG", "rule"))
    others = covered(text, [s for s in spans if s.type in ("POSITION", "LOC")] + out)
    out += [s for s in _institution_words(text) if taken.free(s.start, s.end) and others.free(s.start, s.end)]
    out = [_whose_government(text, o, spans) for o in out]
    places = {s.start: s for s in spans if s.type == "LOC"}
    out += [c for c in (_committee(text, o, places) for o in out) if c]
    # over spaCy's person or natasha's place running on into the brackets ("Тверской области (Комтуризм)")
    taken = covered(text, out + [s for s in spans if s.type == "PERSON" and s.source == "natasha"])
    out += [b for b in (_bracketed(text, o) for o in out) if b and taken.free(b.start, b.end) and not any(
        s.type == "LOC" and b.start <= s.start and s.end <= b.end for s in spans)]
    return sorted(out, key=lambda s: s.start)


_IN_BRACKETS = re.compile(r"[ \u00a0]*\(([A-ZА-ЯЁ][\w&-]*)\)")


def _descriptor_before(text: str, n: Span, starts: set[int]) -> bool:
    """natasha's words for a kind right before a Latin name spaCy finds: "[Американская корпорация] Apple" (the
    descriptor, which NEREL leaves out), adjectives and a noun of an organisation's kind, lower-case but the first."""
    words = _NAME_WORD.findall(text, n.start, n.end)
    if n.end + 1 not in starts or not re.match(r"[ \u00a0][A-Z]", text[n.end:n.end + 2]) or not words \
            or not is_org_head(words[-1]) or any(not w.islower() for w in words[1:]):
        return False  # a Latin name after it; not a Russian genitive ("[Главном управлении] Минфина")
    return all(parses(w.lower())[0].tag.POS in ("ADJF", "PRTF") for w in words[:-1])


def _opens_with_given_name(text: str, n: Span) -> bool:
    words = _NAME_WORD.findall(text, n.start, n.end)
    return len(words) > 1 and words[0][:1].isupper() and any(
        "Name" in p.tag and p.is_known for p in parses(words[0].lower())[:2])


def _bracketed(text: str, o: Span) -> Span | None:
    """The abbreviation or short form a name of two words or more is given in brackets right after it:
    "Народного фронта (НФ)", "Комитет по туризму Тверской области (Комтуризм)"."""
    m = _IN_BRACKETS.match(text, o.end)
    if not m or len(_NAME_WORD.findall(text, o.start, o.end)) < 2:
        return None
    short = m.group(1)
    if _ABBR.fullmatch(short) and short not in _NOT_ORG_ABBR or re.fullmatch(r"[А-ЯЁ][а-яё]{3,}", short) and (
            not morph().word_is_known(short.lower())
            or _cut_from(short.lower(), [w.lower() for w in _NAME_WORD.findall(text, o.start, o.end)])):
        return Span(m.start(1), m.end(1), "ORG", "rule")
    return None


def _short_form(short: str, words: list[str]) -> bool:
    """The word begins with a part of the name's first word, not all of it, and goes on with beginnings of the
    words after: "нацбанк" of "Национальный банк ...", "минлес" of "Министерство лесного хозяйства" (not
    "Ромашка" of a department of Ромашка's, nor "правительство" of "правительство Лесновии")."""
    first = words[0] if words else ""
    return any(short[:k] == first[:k] and _cut_from(short[k:], words[1:])
               for k in range(2, min(len(first) - 1, len(short) - 2)))  # the rest three letters at least


def _cut_from(short: str, words: list[str]) -> bool:
    """The short word is made of the beginnings of the name's words, in their order: "нацбанк" of "Национальный
    банк", "минфин" of "Министерство финансов" (a word the dictionary knows may be such a short form too)."""
    if not short:
        return True
    return any(len(short) >= 2 and short[:k] == w[:k] and _cut_from(short[k:], words[i + 1:])
               for i, w in enumerate(words) for k in range(min(len(w), len(short)), 1, -1))


def _completed(text: str, s: Span, natasha: list[Span]) -> Span:
    """natasha's longer name where spaCy's stops short of it: on an adjective ("[Московский государственный]
    открытый педагогический университет") or before "и", "о", "по", "на", "за" and a lower-case word
    ("[Министерство лесного хозяйства] и охоты", "[Организация Договора] о защите лесов");
    nerel-train and both dev files: right 8 times in 8 (spaCy's 0)."""
    for n in natasha:
        if n.start == s.start and n.end > s.end:
            words = _NAME_WORD.findall(text, s.start, s.end)
            last = words[-1] if words else ""
            if (last and not last.isupper() and parses(last.lower())[0].tag.POS == "ADJF") or \
                    _OPEN_TAIL.match(text, s.end, n.end) or _abbreviated_after(text, n):
                return n
    return s


_FOR_PLACE = re.compile(r"[ \u00a0]+для[ \u00a0]+(?=[А-ЯЁ])")
# a government has no field after "по": "планы [британского правительства] по снижению налогов"
_GOVERNMENT_BY = re.compile(r"(?i:правительств|кабинет)[а-яё]*(?:[ \u00a0]+[А-ЯЁ][а-яё]+)?([ \u00a0]+по[ \u00a0])")


def _without_place_for(text: str, s: Span, places) -> Span:
    """spaCy's name ending in "для" and a place natasha reads as one is cut before "для": the place is whom the
    organisation is for, not part of its name ("Кредит [Всемирного банка] для Молдавии")."""
    for m in _FOR_PLACE.finditer(text, s.start, s.end):
        if (m.end(), s.end) in places:
            return Span(s.start, m.start(), s.type, s.source)
    return s


def _without_field(text: str, s: Span) -> Span:
    """A government's name is cut before "по" (nerel-train and the dev files: no organisation "правительство по
    ...")."""
    m = _GOVERNMENT_BY.search(text, s.start, s.end)
    return Span(s.start, m.start(1), s.type, s.source) if m else s


def _abbreviated_after(text: str, n: Span) -> bool:
    """The name is followed by its own abbreviation in brackets: "Европейского банка реконструкции и развития
    (ЕБРР)"."""
    m = _IN_BRACKETS.match(text, n.end)
    return bool(m) and 2 <= len(m.group(1)) <= 8 and initials(_NAME_WORD.findall(text, n.start, n.end)) == m.group(1)


_OPEN_TAIL = re.compile(r"[ \u00a0]+(?:и|о|об|по|на|за)[ \u00a0]+[а-яё]")


def named_orgs(text: str, orgs: list[Span], spans: list[Span]) -> list[Span]:
    """Without a lone common noun for a kind of organisation inside a title ("главой компании", "директор
    театра"): it names none by itself, but points back to one named earlier. Institutions ("главы правительства")
    still do (nerel-train: a title's last word, lower-case and alone, is an organisation 0 times in 28 for
    "компании", 0 in 18 for "партии", 16 in 25 for "правительства")."""
    titles = covered(text, [s for s in spans if s.type == "POSITION"])
    return [o for o in orgs if titles.free(o.start, o.end) or not bare_kind(text[o.start:o.end])]


def bare_kind(word: str) -> bool:
    """A lower-case word alone that is no institution ("компании", "театра"; not "правительства")."""
    return bool(re.fullmatch(r"[а-яё-]+", word)) and word not in _institution_forms()


_GOVERNMENT = re.compile(r"(?i)правительств(?:о|а|у|ом|е)")
_HEAD_BEFORE = re.compile(r"(?i)(?:глав[аыеуой]*|председател[а-я]*|премьер[а-я-]*|член[а-я]*|министр[а-я]*)"
                          r"[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?$")


def _whose_government(text: str, o: Span, spans: list[Span]) -> Span:
    """A government takes in the name of whose it is: "[правительство Дмитрия Медведева]", "[правительства Яна
    Фишера]" (nerel-train: 11 of the 13 it joins are right); not after a title ("главы
    правительства Таксина Чинавата": his title) and not a name in the nominative ("российского правительства
    Владимир Путин")."""
    if not _GOVERNMENT.fullmatch(text[o.start:o.end]) or _HEAD_BEFORE.search(text, max(0, o.start - 30), o.start):
        return o
    name = next((p for p in spans if p.type == "PERSON" and p.source == "natasha" and p.start == o.end + 1
                 and text[o.end] in " \u00a0"), None)
    if name is None:
        return o
    words = [w for w in re.findall(r"[А-Яа-яЁё]+", text[name.start:name.end]) if len(w) > 1]  # not initials
    if not words or any(parses(w.lower())[0].tag.case != "gent" for w in words):
        return o  # "окружного правительства Ян ван Дейк": his title, in apposition
    return Span(o.start, name.end, "ORG", "rule")


_COMMITTEE_BEFORE = re.compile(r"(?<![А-Яа-яЁё-])(?:под)?(?:комитет|комисси|управлени|департамент|дирекци|служб|"
                               r"отдел)[а-яё]*[ \u00a0]+$")
_PO_WORD = re.compile(r"[ \u00a0]+(и[ \u00a0]+)?([а-яё]+(?:-[а-яё]+)?)")


def _committee(text: str, o: Span, places: dict) -> Span | None:
    """A committee of a body on a matter is one name, the body nested in it: "[комитета Совета Федерации по
    экономической политике]", "[управлении ФСБ по Чечне]" (nerel-train: 4 of the 5 it finds are right); only with
    "по" after the body: a word like it before a name is outside the name 234 times in 252 ("компании [Genentech]")."""
    head = _COMMITTEE_BEFORE.search(text, max(0, o.start - 30), o.start)
    if not head:
        return None
    if re.search(r"[ \u00a0]по[ \u00a0]", text[o.start:o.end]):
        return Span(head.start(), o.end, "ORG", "rule")  # "ФСБ по Чечне" is one name already
    po = re.match(r"[ \u00a0]+по[ \u00a0]+", text[o.end:o.end + 6])
    if not po:
        return None
    at = o.end + po.end()
    if at in places:  # "по Чечне"
        return Span(head.start(), places[at].end, "ORG", "rule")
    end, noun = at - 1, False
    while True:  # "по [конституционному законодательству и государственному строительству]", "по вопросам [прав]"
        m = _PO_WORD.match(text, end)
        if not m:
            break
        ps = [p for p in parses(m.group(2))[:3] if p.tag.POS in ("NOUN", "ADJF")]
        cases = {p.tag.case for p in ps}
        if "datv" not in cases and not (noun and "gent" in cases and not m.group(1)):
            break
        noun = noun or any(p.tag.case == "datv" and p.tag.POS == "NOUN" for p in ps)
        end = m.end()
    return Span(head.start(), end, "ORG", "rule") if noun else None


def _institution_words(text: str) -> list[Span]:
    """A lone word for an institution: "в мэрии", "Правительство одобрило" (capitalised only opening a sentence)."""
    out = []
    for m in _WORD.finditer(text):
        if m.group().lower() in _institution_forms():
            before = text[max(0, m.start() - 4):m.start()].rstrip(" \u00a0«\"")
            if m.group()[:1].islower() or not before or before[-1] in ".!?\n":
                out.append(Span(m.start(), m.end(), "ORG", "rule"))
    return out


_ORG_TAIL = {"ADVB", "VERB", "INFN", "PRCL", "CONJ", "PREP", "GRND", "PRTS", "ADJS", "PRED", "NPRO"}


@lru_cache(maxsize=1)
def _institution_forms() -> frozenset[str]:
    """Every form of the nouns in models/institutions.txt ("мэрия", "мэрии", "мэрию", ...)."""
    return noun_forms(lexicon("institutions.txt"))


def _trim_org(text: str, o: Span) -> Span | None:
    """Words that cannot end a name leave it: "[Европейский союз] ранее", "[Минфин] заявил"; so does a bracket
    that closes none opened in it ("[ЛПЦ МП])")."""
    o = _without_title(text, o)
    if o is None:
        return None
    if text[o.end - 1] == ")" and "(" not in text[o.start:o.end]:
        o = Span(o.start, o.end - 1, o.type, o.source)
        if o.end <= o.start:
            return None
    building = _BUILDING.match(text, o.start)
    if building:  # "[Главное здание] Российской библиотеки", "[Новый корпус] больницы": the building is no part
        if building.end() >= o.end:
            return None
        o = Span(building.end(), o.end, o.type, o.source)
    if _quoted(text, o):
        return o  # a quoted name is whole: «Кориера делла Сера»
    o = _cut_after_head(text, o)
    end = o.end
    while True:
        tail = re.search(r"[ \u00a0]+([а-яё]+)$", text[o.start:end])
        if not tail:
            break
        ps = parses(tail.group(1))[:3]
        # "[Уральской] стали": a word that can be a noun stays, but not "и", a noun once in a thousand, nor a
        # preposition ("[областной думы] в")
        # (but "театра на [Лесной улице]": a capitalised word after it may go on with the name)
        cut_prep = tail.group(1) in PREPOSITIONS and not re.match(r"[ \u00a0]+[А-ЯЁ]", text[end:end + 2])
        if not (ps[0].tag.POS == "CONJ" and ps[0].score > 0.9) and not cut_prep \
                and any(p.tag.POS not in _ORG_TAIL for p in ps):
            break
        end = o.start + tail.start()
    return o if end == o.end else (Span(o.start, end, o.type, o.source) if end > o.start else None)


# a building of an organisation before its name; a "корпус" of a place of learning or healing ("корпус морской
# пехоты" is an organisation)
_BUILDING = re.compile(r"(?:[А-ЯЁа-яё]+(?:ый|ий|ой|ое|ом|ого|ому|ым)[ \u00a0]+)?(?:[Зз]дани[еяюи]|[Зз]данием|(?:[Кк]орпус[ауе]?|"
                       r"[Кк]орпусом)(?=[ \u00a0]+(?:[А-ЯЁа-яё][а-яё]+(?:ой|ого)[ \u00a0]+)*(?:больниц|университет|школ|институт|"
                       r"госпитал|академи|училищ|гимнази|лице|колледж|клиник|поликлиник|санатори)))[ \u00a0]+")


def _quoted(text: str, o: Span) -> bool:
    """The span is all that stands between a pair of quotes."""
    return o.start > 0 and o.end < len(text) and \
        (text[o.start - 1], text[o.end]) in (("«", "»"), ('"', '"'), ("„", "“"), ("“", "”"))


_NAME_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_NOT_IN_NAME = {"через"}  # "[литовское правительство] через Центральный банк" ("Фонд для молодых учёных" is a name)


def _cut_after_head(text: str, o: Span) -> Span:
    """The word right after a name's head noun is genitive ("Министерство [сельского хозяйства]"), a preposition
    ("комитет по экономике") or agrees with it ("Братья мусульмане"); one that is none of these begins the rest
    of the sentence: "[правительству] банк", "[Европейского союза] новые гарантии", "[НАТО]
    стратегическим партнёром". After a proper name a nominative word stays ("Газпром нефть"), after a deverbal
    head an instrumental one ("Управление делами президента")."""
    at = o.start
    head = None
    for m in _NAME_WORD.finditer(text, o.start, o.end):
        if text[at:m.start()].strip(" \u00a0"):
            return o  # punctuation, a number or a Latin word first: a name we do not read word by word
        at = m.end()
        w, low = m.group(), m.group().lower()
        ps = parses(low)[:3]
        if head is None:
            if w.isupper() or (ps[0].tag.POS == "NOUN" and not any(p.tag.POS == "ADJF" for p in ps)):
                head = (w, ps)
            continue
        hw, hps = head
        if not w[0].islower():
            return o
        cut = Span(o.start, _rstrip(text, o.start, m.start()), o.type, o.source)
        if low in _NOT_IN_NAME:
            return cut if hps[0].normal_form in org_heads() else o
        if any(p.tag.case == "gent" or p.tag.POS in ("PREP", "CONJ") for p in ps):
            return o
        if {p.tag.case for p in ps} & {p.tag.case for p in hps if p.tag.case}:
            return o
        proper = hw.isupper() or hw[0].isupper() and not morph().word_is_known(hw.lower())
        if proper and any(p.tag.case == "nomn" for p in ps):
            return o
        if hps[0].normal_form.endswith("ние") and any(p.tag.case == "ablt" for p in ps):
            return o
        return cut
    return o


def _without_title(text: str, o: Span) -> Span | None:
    """A word for a post is no part of a name: "Замглавы [Федеральной миграционной службы]", "Исследователи
    [Брукхейвенской национальной лаборатории]"; alone, or with lower-case words of whose it is ("Министр
    экономики области", read as a name as it opens a sentence), it is no name at all."""
    first = re.match(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", text[o.start:o.end])
    if not first or parses(first.group().lower())[0].normal_form not in lexicon("position_heads.txt"):
        return o
    rest = re.match(r"[ \u00a0]+(?=[А-ЯЁA-Z«\"])", text[o.start + first.end():o.end])
    if not rest and first.end() < o.end - o.start:  # "[Министр экономики области]", "[Аналитик банка] «Лютик»"
        return None if _for_one_person(first.group()) and text[o.start - 1:o.start] not in ("«", '"') else o
    after = re.match(r"[А-Яа-яЁё]+", text[o.start + first.end() + rest.end():o.end]) if rest else None
    if after and parses(after.group().lower())[0].tag.POS in ("NPRO", "CONJ", "PREP", "PRCL"):
        return o  # "Доктора Кто": a title, not a post
    if first.end() == o.end - o.start:
        return None
    return Span(o.start + first.end() + rest.end(), o.end, o.type, o.source) if rest else o


def _for_one_person(word: str) -> bool:
    """A title for one person: a singular animate noun of the lexicon, and no adjective ("полицейский")."""
    ps = parses(word.lower())[:3]
    return ps[0].tag.POS == "NOUN" and ps[0].tag.animacy == "anim" and ps[0].tag.number == "sing" \
        and not is_org_head(word) and not any(p.tag.POS == "ADJF" for p in ps)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \u00a0,":
        end -= 1
    return end


_NOT_RELATIONAL = {"Qual", "Apro", "Anum", "Supr"}  # "новое правительство", "своей партии": not part of the name
# adjectives the dictionary calls qualitative that name a kind of body all the same: "[окружного суда]",
# "[столичной мэрии]", "[переходного правительства]" (nerel-train: inside the name 28 times, before it twice)
_RELATIONAL_QUAL = frozenset("окружной окружный столичный исполнительный избирательный земельный оборонный духовный "
                             "переходный верховный высший".split())


# adjectives that are titles as nouns ("[ведущего] КВН", "[управляющего] фонда"): never inside an organisation's name
# in nerel-train
_ROLE_ADJECTIVES = frozenset("ведущий командующий управляющий заведующий".split())


def _relational(p) -> bool:
    return p.normal_form not in _ROLE_ADJECTIVES and (
        not _NOT_RELATIONAL & set(p.tag.grammemes) or p.normal_form in _RELATIONAL_QUAL)


def _grow_left(text: str, o: Span) -> Span:
    """A relational adjective agreeing with a common-noun name joins it: "[апелляционного суда]",
    "[президентской администрации]", "[Международной ассоциации] преподавателей" (nerel-train: in the name
    about three times in four); a proper name keeps its own start ("нового [Департамента ...]"). An ordinal
    always joins ("[58-й армии]": every one of them in nerel-train)."""
    first = re.match(r"[А-Яа-яЁёA-Z]+", text[o.start:o.end])
    start = o.start
    if first and (first.group()[0].islower() or first.group().isupper()):
        heads = [p for p in parses(first.group().lower())[:3] if p.tag.POS == "NOUN"]
        while True:
            m = re.search(r"(?<![\w-])([А-Яа-яЁё][а-яё]+(?:-[а-яё]+)?)[ \u00a0]+$", text[max(0, start - 40):start])
            if not m:
                break
            p = parses(m.group(1).lower())[0]
            if p.tag.POS != "ADJF" or not _relational(p) or not any(
                    p.tag.case == h.tag.case and p.tag.number == h.tag.number for h in heads):
                break
            start -= len(m.group(0))
    ordinal = _ORDINAL_BEFORE.search(text, max(0, start - 12), start)  # "[58-й армии]", "[1-го Украинского фронта]"
    start = ordinal.start() if ordinal else start
    return o if start == o.start else Span(start, o.end, o.type, "rule")


def _grow_to_noun(text: str, o: Span) -> Span:
    """A name cut after an adjective runs on to its noun: "[Тверской государственный] открытый технический
    университет"."""
    last = re.search(r"[ \u00a0]([А-Яа-яЁё]+)$", text[o.start:o.end])  # one adjective alone is a name already:
    ps = parses(last.group(1).lower()) if last else ()  # "[парламентских] выборов" (NEREL tags it so)
    if not ps or ps[0].tag.POS != "ADJF" or any(p.tag.POS == "NOUN" for p in ps):
        return o
    end = o.end
    for m in re.finditer(r"[ \u00a0]+([а-яё]+(?:-[а-яё]+)?)", text[o.end:o.end + 80]):
        if m.start() != end - o.end:
            break
        q = [p for p in parses(m.group(1))[:3] if p.tag.case == ps[0].tag.case and p.tag.number == ps[0].tag.number
             and p.tag.POS in ("ADJF", "NOUN")]
        if not q:
            break
        end = o.end + m.end()
        if q[0].tag.POS == "NOUN":
            return Span(o.start, end, o.type, "rule")
    return o


_ORDINAL_BEFORE = re.compile(r"(?<![\w-])\d{1,4}-(?:й|го|му|м|я|ой|е|х|ю|ый|ая|ого|ому|ым)[ \u00a0]+$")


_ACTION_END = re.compile(r"(?:(?<![а-яё])по[ \u00a0]+[а-яё]+|(?<![а-яё])борьбы)$", re.I)
_OBJECT_WORD = re.compile(r"[ \u00a0]+(с|со|за|в[ \u00a0]+сфере|в[ \u00a0]+области|и)?[ \u00a0]*([а-яё]+(?:-[а-яё]+)?)")


def _grow_object(text: str, o: Span) -> Span:
    """A name cut after its action noun takes the action's object: "[Фонд борьбы] с коррупцией",
    "[Международное агентство по изучению] океанов", "[агентства по делам] национальностей"."""
    if not _ACTION_END.search(text, max(0, o.end - 40), o.end):
        return o
    end, case, nouns = o.end, None, 0
    while nouns < 4:
        m = _OBJECT_WORD.match(text, end)
        prep = (m.group(1) or "").lower() if m else ""
        if not m or (prep == "и" and not nouns) or (prep and prep != "и" and case):
            break  # "и" only joins a second object; a preposition only opens the first
        want = case or ("ablt" if prep in ("с", "со", "за") else "gent")
        ps = [p for p in parses(m.group(2).lower())[:3] if p.tag.case == want and p.tag.POS in ("NOUN", "ADJF")]
        if not ps:
            break
        case, end = want, m.end()
        nouns += ps[0].tag.POS == "NOUN"
        if ps[0].tag.POS == "NOUN" and not re.match(r"[ \u00a0]+и[ \u00a0]", text[end:end + 4]):
            break
    return o if case is None else Span(o.start, end, o.type, "rule")


# bodies named by the field they run: "департамент [строительства]", "управления [жилищного хозяйства]"
_DOMAIN_BODIES = frozenset("департамент управление министерство комитет служба отдел агентство комиссия инспекция "
                           "дирекция главк".split())
_NEXT = re.compile(r"[ \u00a0]+([а-яё]+(?:-[а-яё]+)?)")
_PLACE_WORDS = frozenset("страна государство город столица регион мир село посёлок поселок".split()) | REGION_HEADS


def _grow_domain(text: str, o: Span) -> Span:
    """A body's name cut after its kind word takes the field it runs, a common noun in the genitive with its
    adjectives: "[Областной департамент] строительства", "[управление] жилищного хозяйства"."""
    last = re.search(r"([А-Яа-яЁё]+)$", text[o.start:o.end])
    if not last or parses(last.group(1).lower())[0].normal_form not in _DOMAIN_BODIES:
        return o
    end = o.end
    while (m := _NEXT.match(text, end)) is not None:
        p = parses(m.group(1))[0]  # its likeliest reading, in the genitive
        if p.tag.case != "gent" or p.tag.POS not in ("NOUN", "ADJF") or "anim" in p.tag or "Geox" in p.tag \
                or "Name" in p.tag or "Surn" in p.tag or p.normal_form in _PLACE_WORDS:
            break  # "[Лесного комитета] страны": whose, not what it runs
        end = m.end()
        if p.tag.POS == "NOUN":
            return Span(o.start, end, o.type, "rule")
    return o


_MINISTRY = re.compile(r"(?<![А-Яа-яЁё-])министерств(?:о|а|у|ом|е)(?=[ \u00a0]+([а-яё]+))")


def _ministries(text: str) -> list[tuple[int, int]]:
    """A ministry both models missed, by the field it runs, a noun in the genitive right after it: "в министерстве
    образования региона" (the field is taken by ``_grow_domain``)."""
    return [m.span() for m in _MINISTRY.finditer(text)
            if len(m.group(1)) > 2 and m.group(1) not in PREPOSITIONS
            and any(p.tag.POS == "NOUN" and p.tag.case == "gent" and "anim" not in p.tag for p in parses(m.group(1))[:2])]


# a committee, a department or an agency by what it deals with: "комитетом по инвестициям", "департамента по
# делам молодёжи" (its last words in the dative, then a stop or a capitalised word)
_COMMITTEE = re.compile(r"(?<![А-Яа-яЁё-])(?:комитет|департамент|агентств)(?:а|у|ом|е|о)?[ \u00a0]+по[ \u00a0]+"
                        r"((?:[а-яё]+[ \u00a0]+(?:и[ \u00a0]+)?){0,3}[а-яё]+)(?=[ \u00a0]*[,.;:)]|[ \u00a0]+[А-ЯЁ])")


def _committees(text: str) -> list[tuple[int, int]]:
    """A committee both models missed, by the field it deals with: words in the dative, an adjective or "и" before
    the last ("комитетом по инвестициям", "агентство по делам молодёжи" (the genitive after a dative noun))."""
    def dative(word: str) -> bool:
        return any(p.tag.POS in ("NOUN", "ADJF") and p.tag.case == "datv" for p in parses(word)[:3])

    return [m.span() for m in _COMMITTEE.finditer(text)
            if m.group(1).split()[0] not in NOT_A_FIELD and dative(m.group(1).split()[0])]


# what "по" brings that is no field a post or a body deals with ("экономист по образованию", "по словам", "службы
# по состоянию здоровья")
NOT_A_FIELD = frozenset("образованию профессии специальности происхождению национальности словам данным мнению "
                        "итогам традиции приглашению поручению случаю телефону телевидению радио делу обвинению "
                        "подозрению факту требованию решению указу просьбе причине состоянию призыву контракту".split())


def _named_after(text: str, o: Span) -> Span:
    """A name ending in "имени" takes the person it is named after: "[театра им.] Карла Мейера",
    "[училище имени] М. И. Глинки", "[Общества] имени Иоганна Себастьяна Баха"."""
    inside = re.search(r"(?<![а-яё])(?:им\.?|имени)$", text[o.start:o.end])
    gap = re.match(r"[ \u00a0]*", text[o.end:o.end + 3])
    name = named_after(text, o.start + inside.start() if inside else o.end + gap.end())
    return Span(o.start, name[1], o.type, "rule") if name and name[1] > o.end else o


# a school by its number: "гимназией №3", "средней школы № 12" (nerel-train: an organisation 4 times in 6; a
# hospital by its number is a building there)
_NUMBERED_SCHOOL = re.compile(r"(?<![\w-])(?:(?:[Сс]редн|[Оо]бщеобразовательн)[а-яё]+[ \u00a0]+)?"
                              r"(?:[Шш]кол|[Лл]ице|[Гг]имнази)[а-яё]*[ \u00a0]*№[ \u00a0]*\d+(?![\w-])")


# the seats of governments, named for them (nerel-train: "Кремль" an organisation 26 times in 31)
_SEATS = re.compile(r"(?<![\w-])(?:Кремл[ьяюеём]\w*|Пентагон\w*|Госдеп\w*|Бел(?:ый|ого|ому|ым|ом)[ \u00a0]+дом\w*|"
                    r"Даунинг-стрит|Букингемск\w+[ \u00a0]+двор\w+|Елисейск\w+[ \u00a0]+двор\w+)(?![\w-])")

_AT_PLACE = re.compile(r"(?<![\w-])(?:в|во|на|из|у|возле|около)[ \u00a0]+$", re.I)

# international organisations both corpora always count as organisations (nerel-train: every "Евросоюз"), and the
# Taliban named by its members ("талибы": an organisation 8 times in 8)
_INTERNATIONAL = re.compile(
    r"(?<![\w-])(?:ООН|НАТО|ЕС|Евросоюз\w*|ОБСЕ|ВТО|МВФ|ВОЗ|ЮНЕСКО|МАГАТЭ|ФИФА|УЕФА|МОК|СНГ|ЕАЭС|ОДКБ|ШОС|"
    r"БРИКС|АСЕАН|ОПЕК|Интерпол\w*|Европейск\w+[ \u00a0]+союз\w*|[Тт]алиб(?:ы|ов|ам|ами|ах))(?![\w-])")


# a site's address, and the words a report is quoted from a source by (nerel-train: a site after them is an
# organisation 10 times in 10, one named otherwise 9 times in 16: "петиция на lesnoy.org" is none)
_WEB_ADDRESS = re.compile(r"(?<![\w./@-])[A-Za-zА-Яа-яЁё0-9-]+\.(?:ru|com|net|org|ua|by|kz|рф|tv|info)(?![\w/-]|\.\w)")
_REPORTED_BY = re.compile(r"(?<![а-яё])(?:сообща\w*|пиш(?:ет|ут)|цитиру\w+|переда(?:ёт|ет|ют)|отмеча\w+|"
                          r"(?:по|согласно)[ \u00a0]+(?:данным|информации|словам[ \u00a0]+собеседника)|"
                          r"со[ \u00a0]+ссылкой[ \u00a0]+на|в[ \u00a0]+интервью)"
                          r"[ \u00a0]+(?:[а-яё]+[ \u00a0]+){0,3}$", re.I)


_WORK_NOUN = (
    r"(?<![а-яё])(?:фильм|кинофильм|кинолент|мультфильм|альбом|хит|песн|сингл|трек|клип|пластинк|книг|роман|повест|"
    r"рассказ|поэм|стихотворени|сочинени|произведени|спектакл|сериал|картин|опер|балет|симфони|мюзикл|"
    r"пьес|кинотеатр|торгов\w+[ \u00a0]+марк|бренд|стать\w*[ \u00a0]+\d+\w*|шаттл|корабл|истребител|самол[её]т|"
    r"поезд|ледокол|яхт|ракет|автомобил(?:ь|ем)?)"
    r"(?:[аеиоуыя]|ом|ам|ами|ах|ов|ей|ою|ям|ями|ях)?")
# ... and kinds whose quoted name is the thing's, though a Latin one after them is mostly whose ("программа BBC"):
# spacecraft and their parts, missions, programmes (nerel-train and factru-dev: an organisation 0 times in 21)
_QUOTED_WORK_NOUN = (r"(?<![а-яё])(?:модул|телескоп|спутник|станци|программ|мисси|пол[её]т)"
                     r"(?:ь|ю|ем|[аеиоуыя]|ом|ам|ами|ах|ов|ей|ою|ям|ями|ях)?")
_WORK_BEFORE = re.compile(
    "(?:" + _WORK_NOUN + "|" + _QUOTED_WORK_NOUN + r")(?:[ \u00a0]+[а-яё-]+)?"
    r"(?:,?[ \u00a0]*(?:как|среди которых|в том числе)|:)?[ \u00a0]+"
    r"(?:(?:''|[«\"'])[^»\"'\n]{1,60}(?:''|[»\"'])[ \u00a0]*(?:,|и)[ \u00a0]+)*(?:''|[«\"'])$", re.IGNORECASE)
# a work, a building, an event or an award named right after its kind: "с альбома Night Roads",
# "на фестивале Green Wave", "премии Grammy", "в отеле ''City Center''"
_KIND_BEFORE = re.compile(r"([а-яё]+)[ \u00a0]+(?:''|[«\"'])?$", re.IGNORECASE)
_WORK_JUST_BEFORE = re.compile(_WORK_NOUN + r"[ \u00a0]+(?:''|[«\"'])?$", re.IGNORECASE)


def _names_a_work(text: str, o: Span) -> bool:
    """«Огни большого города» after "фильм", «Звезда», «Космос» after "в кинотеатрах": quoted names of works
    and places, not organisations."""
    return bool(_WORK_BEFORE.search(text[max(0, o.start - 200):o.start]))


# the media, the internet ("в Сети"), diseases, exams, the space station, a legal form alone ("ПАО"), the civil
# code ("поправки к ГК"), sectors of the economy ("в торговле, АПК, промышленности"), an age ("75-летний"), the
# arts ("актёр театра и кино"; nerel-train: none of these an organisation, 19 times predicted)
_NOT_ORG = re.compile(r"СМИ|[Ии]нтернет\w*|Сет(?:ь|и|ью)|(?i:covid-19)|SARS(?:-CoV)?(?:-2)?|ЕГЭ|ОГЭ|МКС|ПАО|ОАО|ЗАО|ООО|АО|"
                      r"ГКУ|ГБУ|ГАУ|ФКУ|ФГБУ|МБУ|МКУ|ГУП|МУП|ФГУП|АНО|"  # legal forms of state bodies, alone
                      r"[а-яё]+(?:ый|ий|ой)[ \u00a0]+блок|"  # "курирует экономический блок" of a government
                      r"[A-Za-z0-9]+-[а-яё]+|"  # a common noun with a Latin first part: "IT-компаний", "VIP-палате"
                      r"ГК|АПК|ТЭК|ЖКХ|ВПК|ОПК|ВВП|ВНП|НДС|НДФЛ|ИПЦ|ОСАГО|КАСКО|ДТП|CEO|CFO|COO|CTO|CIO|"
                      r"\d+-летн\w*|театра[ \u00a0]+и[ \u00a0]+кино")
# "Российской Федерации", "субъектов Федерации": the country, not a federation
_COUNTRY_FEDERATION = re.compile(r"(?:[Рр]оссийск(?:ой|ая|ую|ое)|субъект[а-я]*)[ \u00a0]+$")
# a platform that is also a company, one writes "в"/"через": a medium here ("написал в Twitter", "в своём
# Фейсбуке"); the ones that are only media are in _SITE
_PLATFORM = re.compile(r"Twitter|Твиттер\w*|Facebook|Фейсбук\w*|Telegram|Телеграм\w*|Tumblr")
# ... or right after "в", "на", "через" ("оскорбление судьи в Twitter", "в чате Telegram"; nerel-train: an organisation
# 3 times in 17), but not as where one works or puts money ("устроился в Facebook", "инвестировал в Facebook")
_IN_MEDIUM = re.compile(r"(?<![а-яё])(?:в|во|на|через)[ \u00a0]+(?:(?:чате|сети|микроблоге|аккаунте|блоге)[ \u00a0]+)?"
                        r"(?:''|[«\"])?$", re.IGNORECASE)
_WORK_OR_MONEY = re.compile(r"(?:работ|перешл|перешёл|пришл|пришёл|инвест|вложил|вложени|устроил|дол[яиюе]|акци|"
                            r"пакет)[а-яё]*[ \u00a0]+(?:\S+[ \u00a0]+)?(?:в|во|на)[ \u00a0]+$", re.IGNORECASE)
_MEDIUM_BEFORE = re.compile(r"(?:написал|опубликовал|сообщил|заявил|поделил|подписчик|аккаунт|соцсет|страниц|блог|"
                            r"сво[её]м)[а-яё]*[ \u00a0,]+(?:[а-яё-]+[ \u00a0]+)?(?:в|во|через|на)[ \u00a0]+"
                            r"(?:[а-яё-]+[ \u00a0]+)?$", re.IGNORECASE)


# sites and apps that are media, not companies, whatever the verb (nerel-train: YouTube 0 times an organisation in
# 9, Instagram 0 in 5, Википедия 1 in 10); Facebook and Twitter are both, and go by _MEDIUM_BEFORE
_SITE = re.compile(r"YouTube|Ютуб\w*|Instagram|Инстаграм\w*|Википеди\w*|Wikipedia|ВКонтакте|Weibo|WeChat|TikTok|"
                   r"Одноклассник\w*")


def _not_an_org(text: str, o: Span, people: dict) -> bool:
    name = text[o.start:o.end]
    if _NOT_ORG.fullmatch(name) or _SITE.fullmatch(name) or _names_a_work(text, o) or _facility(name) \
            or _after_its_kind(text, o):
        return True
    if re.fullmatch(r"Федераци[яиюе]\w*", name) and _COUNTRY_FEDERATION.search(text, max(0, o.start - 30), o.start):
        return True
    before = text[max(0, o.start - 60):o.start]
    if _PLATFORM.fullmatch(name) and (_MEDIUM_BEFORE.search(before)
                                      or _IN_MEDIUM.search(before) and not _WORK_OR_MONEY.search(before)):
        return True
    if _common_words(text, o, name):
        return True
    if _quoted_role(text, o, name) or _opens_quoted_sentence(text, o, name):
        return True
    if re.fullmatch(r"(?:Telegram|YouTube)-канал\w*", name):
        return True  # a channel there
    if re.match(r"[ \u00a0]*\((?:19|20)\d\d\)", text[o.end:o.end + 9]):
        return True  # "Night Roads (1997)": a work and its year
    # "Амаду Кейта (Amadou Keita)": a name spelt again in brackets
    return (text[o.start - 1:o.start] == "(" and text[o.end:o.end + 1] == ")" and people.get(o.start - 2) is not None
            and " " in name and not name.isupper())


def _opens_quoted_sentence(text: str, o: Span, name: str) -> bool:
    """A common word that opens a quoted sentence is no name: «[Цены] на жильё продолжат расти»."""
    close = QUOTE_PAIRS.get(text[o.start - 1:o.start]) if o.start else None
    end = text.find(close, o.end, o.end + 200) if close else -1
    if end == -1 or "\n" in text[o.end:end] or " " in name:
        return False
    rest = re.findall(r"[а-яё]+", text[o.end:end])
    p = parses(name.lower())[0]
    return len(rest) >= 2 and p.is_known and p.tag.POS == "NOUN" and not {"Name", "Surn", "Geox", "Orgn", "Abbr"} & \
        set(p.tag.grammemes) and any(parses(w)[0].tag.POS == "VERB" for w in rest)


def _quoted_role(text: str, o: Span, name: str) -> bool:
    """Words in quotes that open with a lower-case noun for one person are a quotation, not a name: "назвал его
    «игроком сборной уровня»" (but "«битлов»", "«ирисками»" are teams)."""
    if not o.start or text[o.start - 1] not in "«\"" or not name[:1].islower():  # (at 0 there is no quote)
        return False
    word = _WORD.match(name)
    p = parses(word.group().lower())[0] if word else None
    return p is not None and p.tag.POS == "NOUN" and p.tag.animacy == "anim" and p.tag.number == "sing"


_OPENING = re.compile(r"(?:^|[.!?…]|\n)[ \u00a0]*$")


def _common_words(text: str, o: Span, name: str) -> bool:
    """Words the dictionary knows, none a noun, capitalised only as they open a sentence: "Предусмотрены три
    выходных дня", "Воскресное заседание" (a name in quotes or a noun may be one: "«Известия»", "Мемориал")."""
    words = name.split()
    if not all(re.fullmatch(r"[А-Яа-яЁё-]+", w) for w in words) or any(w[:1].isupper() for w in words[1:]):
        return False
    if not _OPENING.search(text, max(0, o.start - 6), o.start) or o.end < len(text) and text[o.end] in "»\"“":
        return False
    return all(morph().word_is_known(w.lower()) and not any(p.tag.POS == "NOUN" for p in parses(w.lower()))
               for w in words)


_QUOTED_AFTER_WORK = re.compile(_WORK_NOUN + r"[ \u00a0]+«([^«»\n]{1,40})»", re.IGNORECASE)


def _works_named(text: str) -> frozenset[str]:
    """The quoted names the text gives a work or a vehicle ("шаттл «Дискавери»", "автомобиль «Славута»"):
    the same name elsewhere in it is that work, not an organisation ("после «Дискавери»")."""
    return frozenset(stem(m.group(1).lower()) for m in _QUOTED_AFTER_WORK.finditer(text))


def _after_its_kind(text: str, o: Span) -> bool:
    """A Latin or quoted name right after a singular noun of its kind is that kind's name ("премии Grammy",
    "на фестивале Green Wave"); a Russian one is mostly whose it is ("в зале Лесного суда")."""
    before = text[max(0, o.start - 40):o.start]
    kind = _KIND_BEFORE.search(before)
    quoted = before.rstrip(" \u00a0")[-1:] in "«\"'"
    if not kind or not (re.match(r"[A-Za-z]", text[o.start:o.end]) or quoted):
        return False
    head = parses(kind.group(1).lower())[0]
    if head.tag.number == "plur":
        return False
    # a forum's quoted name is the event's ("форум «Цифровая неделя»"; "Всемирный экономический форум" is a body)
    return bool(_WORK_JUST_BEFORE.search(before) or _facility(kind.group(1)) or quoted and head.normal_form == "форум")


_LATIN_FACILITY = {"tournament", "festival", "fest", "cup", "championship", "championships", "awards", "award", "prize",
                   "hall", "arena", "stadium", "airport", "hotel", "mall", "park", "square", "street", "avenue",
                   "bridge", "tower", "palace", "cathedral", "harbor", "harbour", "circus", "station"}


# a name headed by a word for a region is a place ("Центральном федеральном округе", "Республики Коми";
# nerel-train: 7 such spans, none an organisation)
_HOUSE = re.compile(r"Дом(?:а|у|ом|е)?[ \u00a0]+[А-ЯЁа-яё]")  # "Белый дом" is no such name


def _facility(name: str) -> bool:
    """A name headed by a building, a place, a region, an event or an award ("Саяно-Шушенской ГЭС", "Боткинской
    больнице", "Государственные СМИ"); a quoted name is taken as it is."""
    if "«" in name or '"' in name:
        return False
    if _HOUSE.match(name):  # "Дом Советов", "Доме учёных": a building (NEREL: no organisation in 6 such)
        return True
    latin = re.fullmatch(r"[A-Za-z0-9&'’. -]+", name)
    if latin:  # "Corus Chess Tournament", "MGM National Harbor", "L'Avenue Mall"
        return name.rsplit(None, 1)[-1].lower() in _LATIN_FACILITY
    for w in re.findall(r"[А-Яа-яЁё]+", name):
        p = parses(w.lower())[0]
        if w.isupper() or p.tag.POS == "NOUN":
            return (w.lower() if w.isupper() else p.normal_form) in lexicon("facility_heads.txt") \
                or not w.isupper() and p.normal_form in REGION_HEADS
    return False


def _merge_orgs(text: str, orgs: list[Span], spans: list[Span]) -> list[Span]:
    """One name, not two: "[Главном управлении] [Нацполиции по Лесной области]",
    "[Государственного совета] [Китая]" (an organisation and the place or organisation it belongs to)."""
    places = {s.start: s for s in spans if s.type == "LOC"}
    by_start = {o.start: o for o in orgs}
    out: list[Span] = []
    for o in orgs:
        if out and out[-1].end >= o.end:
            continue
        cur, by_place, inner = o, False, []
        while True:
            gap = _ORG_GAP.match(text, cur.end, cur.end + 12)
            at = gap and gap.end()
            nxt = gap and (by_start.get(at) or places.get(at))
            if not nxt or "\n" in text[cur.end:nxt.start] or _facility(text[cur.start:cur.end]):
                break  # "[Концертном зале] [Северного театра]": a hall is no organisation, its theatre is
            word = (gap.group(1) or "").lower()
            if word == "по" or (word == "и" and by_place):  # "[УМВД по Курской области]", "по Москве и области"
                if nxt.start not in places:
                    break
                by_place = True
            elif word == "при":  # "[Общественного совета при УФСИН]"
                if nxt.start not in by_start:
                    break
            elif word or not _genitive_start(text, nxt):
                break
            end = nxt.end
            if gap.group(2):  # "[Совета директоров] «[Ромашки]»": a body's quotes go inside the longer name,
                close = QUOTE_PAIRS[gap.group(2)]  # the name in them stays an organisation of its own
                if not text.startswith(close, end) or nxt.start not in by_start or not _a_body(text, cur):
                    break
                end += len(close)
                inner.append(nxt)
            cur = Span(cur.start, end, "ORG", "rule")
        out.append(cur)
        out.extend(inner)
    return out


_ORG_GAP = re.compile(r'[ \u00a0]+(?:(по|при|и)[ \u00a0]+)?([«"„“])?', re.I)


def _a_body(text: str, s: Span) -> bool:
    """Whether a name's head noun is a body ("центральное бюро", "Совета директоров"), not a kind ("партии")."""
    for m in _NAME_WORD.finditer(text, s.start, s.end):
        p = parses(m.group().lower())[0]
        if p.tag.POS == "NOUN":
            return p.normal_form in _BODY_IN_TITLE
    return False


def _genitive_start(text: str, s: Span) -> bool:
    first = re.match(r"[А-Яа-яЁё]+", text[s.start:s.end])
    if not first:
        return False
    return any(p.tag.case == "gent" for p in parses(first.group().lower())[:3])
