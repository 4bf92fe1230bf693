"""Positions: titles normalised, linked to the person who holds them and to the organisation."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from . import linker
from .morph import HOSTED, head_noun, morph, normalize_phrase, noun_forms, parses, person_participle
from .orgs import NOT_A_FIELD, RANK, REGION_HEADS, bare_kind, is_org_head, org_heads, owned_name, stem
from .people import ADDRESS, NAMED_AFTER, named_after
from .resources import lexicon
from .spans import ByStart, Span, covered, quote_close, sentence_at
from .types import Position

# "губернатор области Роман Старовойт", "главы ведомства 40-летнего Олега Лапина"
# whom the post represents may come between: "сенатор от штата Мэн Джон Миллер", "Судья ЕСПЧ от Литвы Ян Петрайтис"
_APPOS_AFTER = re.compile(r"^[ \u00a0]*(?:от[ \u00a0]+(?:[«\"]?[А-ЯЁа-яё-]+[»\"]?[ \u00a0]+){1,5})?(?:\d+-летн[а-яё]+[ \u00a0]+)?$")
# a list of who got which post, the verb left out after the first: "..., министром культуры – Олег Лапин"
_DASH_AFTER = re.compile(r"[ \u00a0]*[–—][ \u00a0]*\Z")
_LIST_BEFORE = re.compile(r"(?:,|[ \u00a0]а)[ \u00a0]*\Z")
# "Ирина Таратина, первый заместитель", "Олег Лапин (второй тренер)", "Пётр Сомов, бывший депутат" ("бывший" is left
# out of a title), "Пётр Сомов, ныне сенатор"
_APPOS_BEFORE = re.compile(r"^[ \u00a0]*(?:,(?:[ \u00a0]*[–—])?|[–—-]|\([ \u00a0]*(?:[а-яё-]+[ \u00a0]+){0,2})[ \u00a0]*"
                           r"(?:(?:бывш|нынешн|действующ|тогдашн)[а-яё]+[ \u00a0]+|(?:ныне|сейчас)[ \u00a0]+)?"
                           r"(?:(?!котор|сво|эт|т[оаеуы]|наш|ваш|кажд|чь|сам|[а-яё]*(?:вш|ущ|ющ|ащ|ящ)[а-яё]{2,3}[ \u00a0])"
                           r"[а-яё]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их|ыми|ими)"
                           r"[ \u00a0]+){0,2}$"
                           r"|^[ \u00a0]*\([ \u00a0]*[Ээ]кс-$")  # "Анна Котова (экс-глава «Ромашки»)"
# a plural title introduces its holders: "музыкантами группы — A, B и C", "писатели, среди которых – A и B"
_APPOS_AFTER_PLURAL = re.compile(
    r"^[ \u00a0]*$|^(?:[ \u00a0]+[\w«»\"-]+){0,3}?[ \u00a0]*(?:[–—:]|,[ \u00a0]*(?:среди них|среди которых|в том числе|"
    r"включая|как)[ \u00a0]*[–—:]?)[ \u00a0]*$")
# ... or follows them: "Пикассо, Дали и других художников"
_AND_OTHER = re.compile(r"^[ \u00a0]*,?[ \u00a0]*и[ \u00a0]+(?:многих[ \u00a0]+)?(?:других|прочих|иных)[ \u00a0]+"
                        r"(?:[а-яё-]+[ \u00a0]+){0,2}$")
# one name of a list to the next: "A (проект «Метро»), B и C"
_AND = r"[ \u00a0]*(?:,|и|,[ \u00a0]*а[ \u00a0]+также)[ \u00a0]*"  # "A, B", "A и B", "A, а также B"
_LIST = _AND + "$"
# between names of a list: a note in brackets, or where they come from ("Павел Орлов из Москвы, Илья Зимин")
_NOTE = r"(?:[ \u00a0]*\([^()\n]{0,80}\)|[ \u00a0]+из[ \u00a0]+[А-ЯЁ][а-яё-]+(?:[ \u00a0]+[А-ЯЁ][а-яё-]+)?)?"
_CHAIN_GAP = re.compile("^" + _NOTE + _LIST)
# a name that begins a list: "A (1993—2003) и B", "A из Кентукки и B", "A, B"
_LIST_AFTER = re.compile(_NOTE + r"[ \u00a0]*(?:,|и[ \u00a0])")


def build_positions(text: str, spans, people, organisations, sents, places=()) -> list[Position]:
    org_mentions = ByStart(((m, o.id) for o in organisations for m in o.mentions), key=lambda x: x[0])
    in_org = covered(text, [m for m, _ in org_mentions.items])
    # a name inside an organisation's name or after "имени" ("институт имени Пушкина") holds no title
    mentions = ByStart(((m, p.id) for p in people for m in p.mentions if in_org.free(m.start, m.start + 1)
                        and not NAMED_AFTER.search(text, max(0, m.start - 8), m.start)), key=lambda x: x[0])
    spans = sorted(spans, key=lambda s: s.start)
    sents = sorted(sents)
    # an adjective ("президентских выборах") is a title nobody holds
    heads = [head_noun(text, s.start, s.end) for s in spans]
    # apposition by rule ("губернатор области Роман Старовойт"); anything looser by the learned linker
    # a post someone is put forward for is not yet held ("президент выдвинул на пост главы ФСБ Ивана Котова")
    run_for = [h is not None and h.tag.case != "ablt" and bool(_RUN_FOR.search(text, max(0, s.start - 40), s.start))
               for s, h in zip(spans, heads)]
    for i in range(1, len(spans)):  # and the rest of its list: "выборах президента, вице-президента, депутатов"
        run_for[i] = run_for[i] or run_for[i - 1] and bool(_LIST_GAP.match(text[spans[i - 1].end:spans[i].start]))
    held = [None if r or h is not None and h.normal_form in _NOT_A_JOB
            or _PUT_FORWARD.search(text, max(0, s.start - 60), s.start)
            or _POSED_AS.search(text, max(0, s.start - 60), s.start)
            or h is not None and h.tag.case == "ablt" and _WOULD_BE.search(text, max(0, s.start - 40), s.start) else h
            for s, h, r in zip(spans, heads, run_for)]
    genders = {p.id: _known_gender(p) for p in people}
    nominative = {p.id: nominative_words(p) for p in people}
    # the nominative of a name some mention gives in full ("Джон Мендес"): a lone surname may guess it wrong
    in_full = {p.id: nominative[p.id] if any(len(m.text.split()) > 1 for m in p.mentions) else frozenset() for p in people}
    found = [_apposition(text, s, mentions, h, genders, in_full, org_mentions) if h else None
             for s, h in zip(spans, held)]
    # "С 2002 года [он] был депутатом горсовета": the subject of a linking verb, by rule
    for i, (s, h, f) in enumerate(zip(spans, held, found)):
        # (a name after a title in the instrumental that may be genitive is whose the title is when the linking
        # verb has its subject before it: "Анна Котова, работавшая заместителем Лапенко")
        whose = h and f and f[0].start >= s.end and h.tag.case == "ablt" and _may_be_genitive(text, f[0], True)
        if h and (not f or f[0].end <= s.start or whose):
            c = _copula_subject(text, s, h, mentions, sents, nominative)
            if whose:
                if c and c[0].end <= s.start:
                    found[i] = c
                continue
            if c is None:
                c = _one_of_pronoun(text, s, h, mentions, sents, nominative)
            # a name after the verb beats one before the title: "Вместо Йенса Мюллера, капитаном стал Томас Вебер"
            if c and (not f or c[0].start >= s.end):
                found[i] = c
            elif c is False and not f:
                held[i] = None
    found = _learned_holders(text, spans, held, found, mentions, sents, org_mentions, _linker_people(people, held, found),
                             genders, in_full)
    holders = [f[1] if f else None for f in found]
    # how sure: a name right after the title (2), right before it (1), or the linker's pick (0)
    sure = [(2 if f[0].start >= s.end else 1) if f and f[2] else 0 for f, s in zip(found, spans)]
    for i in range(len(spans) - 1):  # "лидер партии «Лютик» (ЛЛ) действующий президент Иван Котов": stacked
        if held[i] and holders[i] is None and holders[i + 1] and sure[i + 1] == 2 and heads[i + 1] is not None \
                and held[i].tag.case == heads[i + 1].tag.case \
                and _STACKED.fullmatch(text, spans[i].end, spans[i + 1].start):
            holders[i], sure[i] = holders[i + 1], 1
    for i in list(range(1, len(spans))) + list(range(len(spans) - 2, -1, -1)):
        # "Иван Петров, профессор, академик", "продюсер и актёр Олег Лапин": a list of titles shares its
        # holder, both ways; the surer holder wins
        near = [k for k in (i - 1, i + 1) if 0 <= k < len(spans) and holders[k]
                and _LIST_GAP.match(text[spans[min(i, k)].end:spans[max(i, k)].start])
                and (heads[i] is None or heads[k] is None or _plural(heads[i]) == _plural(heads[k]))
                and not any(_SPOUSE.search(text, spans[x].start, spans[x].end) for x in (i, k))]
        j = max(near, key=lambda k: sure[k]) if near else None
        if j is not None and held[i] and (holders[i] is None or sure[j] > sure[i]):
            holders[i], sure[i] = holders[j], sure[j]
    names = covered(text, [m for m, _ in org_mentions.items] + list(places))
    out = []
    for i, (s, person, f, head) in enumerate(zip(spans, holders, found, heads)):
        org = _organisation(text, s, org_mentions) or \
            (_org_after_holder(text, f[0], org_mentions) if f and not _plural(head) else None) or \
            _kind_named_before(text, s, org_mentions) or _its(text, s, head, org_mentions) or \
            (_org_by_verb(text, max(f[0].end, s.end), sents, mentions, org_mentions) if f and not _plural(head) else None)
        mtext = text[s.start:s.end]
        listed = () if _plural(head) else _listed(text, s, f, head, mentions, in_full)
        people_ = _co_holders(text, s, f, mentions) if f and (f[2] or f[0].start >= s.end) and _plural(head) \
            else listed or ((person,) if person else ())
        person = people_[0] if people_ else person
        role = _role(text, s, names) if head else None
        role = (role[0], role[1], text[role[0]:role[1]], _title(text[role[0]:role[1]], bool(listed))) if role else None
        out.append(Position(f"position-{i + 1}", _title(mtext, bool(listed)), s.start, s.end, mtext, person, org,
                            people_, role))
    # "советник [президента Лесновии] Петра Сомова": whom a title serves, named after it, holds the title inside it
    for s, h, person in zip(spans, heads, holders):
        served = _served(text, s, h, mentions, genders, in_full)
        if served and served[2] != person:
            a, b, pid = served
            out.append(Position(f"position-{len(out) + 1}", _title(text[a:b]), a, b, text[a:b], pid,
                                _organisation(text, Span(a, b, "POSITION", "rule"), org_mentions), (pid,)))
    return out


def _served(text, s, head, mentions, genders, in_full) -> tuple[int, int, str] | None:
    """The title of whom a title serves, inside it, and who holds it, named right after it in the genitive:
    "советником [президента Лесновии] Петра Сомова"; (start, end, person id) or None."""
    if head is None or not _serves(head.word):
        return None
    words = list(_WORD.finditer(text, s.start, s.end))
    at = next((k for k, w in enumerate(words) if w.group().lower() == head.word), None)
    if at is None or at + 1 >= len(words):
        return None
    k = at + 1
    while k < len(words) - 1 and _modifier_gent(words[k].group()):
        k += 1  # "советник [генерального прокурора]"
    role = words[k].group()
    if not _role_word(role) or not any(p.tag.case == "gent" for p in parses(role.lower())[:1]):
        return None
    after = mentions.starting(s.end, s.end + 3)
    if not after or text[s.end:after[0][0].start].strip(" \u00a0"):
        return None
    m, pid = after[0]
    if not _whose(text, s, head, m, genders.get(pid, "?"), in_full.get(pid, frozenset())):
        return None
    return words[at + 1].start(), s.end, pid


def _modifier_gent(word: str) -> bool:
    p = parses(word.lower())[0]
    return p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "gent"


# titles NEREL never nests a bare title in ("сотрудник [ФСБ]", "член [совета директоров]", "кандидат [в президенты]"):
# in nerel-train under 15% of the time, out of at least 8. "глава" and "лидер" (4% and 5%) keep theirs, as
# FactRuEval draws them bare.
_NO_ROLE = frozenset("агент деятель игрок кандидат командующий начальник сотрудник член".split())


def _role(text: str, s, names) -> tuple[int, int] | None:
    """The bare job title inside a title that also names its organisation or place: "министр энергетики"
    in "министр энергетики РФ", "координатор" in "координатор движения «Левый фронт»", "губернатора" in
    "подмосковного губернатора". None when the title is bare already."""
    words = []
    for m in _WORD.finditer(text, _after_acting(text, s.start, s.end), s.end):
        if words and text[words[-1].end():m.start()].strip(" \u00a0"):
            break  # a quote, a bracket, a comma: the name of something begins
        words.append(m)
    i = 0
    while i < len(words) - 1 and _place_adjective(words[i].group()):
        i += 1  # "подмосковного губернатора", "британский премьер"
    start = words[i].start() if words else s.start
    head = next((j for j in range(i, len(words)) if parses(_last_part(words[j].group()))[0].tag.POS == "NOUN"), None)
    if head is None:
        return None
    if parses(_last_part(words[head].group()))[0].normal_form in _NO_ROLE:
        return None
    end, j = words[head].end(), head + 1
    case = "gent"
    while j < len(words):  # complements in the genitive that are not an organisation: "начальника", "иностранных дел"
        k = j
        if words[k].group().lower() == "и" and k > head + 1:
            k += 1  # "министр связи и коммуникаций"
        elif words[k].group().lower() == "по":
            k, case = k + 1, "datv"  # "министр по государственным сборам", "секретарь по вопросам прав человека"
        while k < len(words) and parses(words[k].group().lower())[0].tag.POS in ("ADJF", "PRTF"):
            k += 1
        if k == len(words) or not names.free(words[j].start(), words[j].start() + 1):
            break
        p = parses(_last_part(words[k].group()))[0]
        if p.tag.POS != "NOUN" or p.tag.case not in (case, "gent") or p.normal_form in org_heads() \
                or p.normal_form in _PLACE_NOUNS or words[k].group()[0].isupper():
            break
        end, j = words[k].end(), k + 1
    if (start, end) == (s.start, s.end) or end <= start:
        return None
    return start, end


_PLACE_NOUNS = REGION_HEADS | frozenset("страна государство регион город столица мир земля префектура графство кантон "
                                        "эмират".split())


def _last_part(word: str) -> str:
    return word.lower().rsplit("-", 1)[-1]


def _place_adjective(word: str) -> bool:
    p = parses(word.lower())[0]
    return p.tag.POS == "ADJF" and bool(_PLACE_ADJ.search(p.normal_form))


# "родился в семье историка": the title is a parent's, whom the text does not name (when it does, apposition found them)
_FAMILY_OF = re.compile(r"(?<![а-яё])(?:в|из)[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?семь[еи][ \u00a0]+(?:[а-яё-]+[ \u00a0]+){0,2}$", re.I)


def _linker_people(people, heads, found) -> dict:
    """What the linker knows of each person: gender, and the titles the rules gave them (by head lemma)."""
    held = {}
    for h, f in zip(heads, found):
        if h is not None and f:
            held.setdefault(f[1], set()).add(h.normal_form)
    return {p.id: (person_gender(p), frozenset(held.get(p.id, ()))) for p in people}


def person_gender(person) -> str:
    for word in (person.first, person.last):
        gender = _word_gender(word, ("Name", "Surn")) if word else "?"
        if gender != "?":
            return gender
    return "?"


def _known_gender(person) -> str:
    """A person's gender where a given name the dictionary knows tells it ("Максим"; not a guess for "Миляуша")."""
    known = person.first and morph().word_is_known(person.first.lower())
    return _word_gender(person.first, ("Name",)) if known else "?"


def _word_gender(word: str, kinds: tuple[str, ...]) -> str:
    """"masc" or "femn" as a given name or surname (``kinds``) in one of the word's two likeliest readings, or "?"."""
    for p in parses(word.lower())[:2]:
        if any(k in p.tag for k in kinds) and p.tag.gender in ("masc", "femn"):
            return str(p.tag.gender)
    return "?"


def _learned_holders(text, spans, heads, found, mentions, sents, org_mentions, people, genders, in_full):
    """Holders for the titles apposition left without one, as (mention, person id, False), by the linker."""
    by_span = {(m.start, m.end): (m, pid) for m, pid in mentions.items}
    ctx = linker.Context(text, sents, list(by_span), [(s.start, s.end) for s in spans],
                         [(m.start, m.end) for m, _ in org_mentions.items],
                         {span: (pid, *people[pid]) for span, (_, pid) in by_span.items()})
    todo = [not f and h and not _FAMILY_OF.search(text, max(0, s.start - 40), s.start)
            for s, h, f in zip(spans, heads, found)]
    ctx.parse_around([(s.start, s.end) for s, t in zip(spans, todo) if t])
    out = []
    for s, h, f, t in zip(spans, heads, found, todo):
        if not t:
            out.append(f)
            continue
        # whose the title is, or whose relative, holds it by none of their mentions ("заместителем Сомова")
        whose = {pid for m, pid in mentions.starting(s.end, s.end + 80)
                 if re.fullmatch(r"[ \u00a0,—–-]*|(?:[ \u00a0,]+(?:и[ \u00a0]+)?[а-яё-]+)*[ \u00a0]*", text[s.end:m.start])
                 and (_kin(text, s, h, m) or _whose(text, s, h, m, genders[pid], in_full[pid])
                      or _whose_of_many(text, s, h, m, mentions) or _whose_remit(text, s, h, m))}
        skip = {(m.start, m.end) for m, pid in mentions.items if pid in whose} if whose else set()
        skip |= {(m.start, m.end) for m, _ in mentions.starting(max(0, s.start - 200), s.start)
                 if _APPOS_BEFORE.match(text[m.end:s.start]) and _oblique(text, h, m)}
        # "С премьерой режиссёра поздравил Олег Лапин": the subject of the verb after a title in an oblique case
        if h.tag.case in ("gent", "datv", "accs") and not _plural(h):
            skip |= {(m.start, m.end) for m, _ in mentions.starting(s.end, s.end + 60)
                     if _subject_after_verb(text, s, m)}
        # "Иван Котов, а также главы регионов": someone beside the title's holders
        skip |= {(m.start, m.end) for m, _ in mentions.starting(max(0, s.start - 80), s.start)
                 if _BESIDE_BEFORE.fullmatch(text, m.end, s.start) and not _AND_OTHER.match(text[m.end:s.start])}
        # "«... три астронавта», сказал Иван Котов": a title in a quotation is not its speaker's (but a post may
        # be: "«... на посту председателя клуба», сказал Иван Котов")
        said = _QUOTE_SAID.match(text, s.end)
        if said and "«" in text[max(0, s.start - 300):s.start].rsplit("»", 1)[-1] \
                and not linker.AFTER_POST.search(text, max(0, s.start - 20), s.start):
            skip |= {(m.start, m.end) for m, _ in mentions.starting(said.end(), said.end() + 1)}
        # "Губернатор и мисс Белова": someone beside the title's holder
        if not _plural(h):
            skip |= {(m.start, m.end) for m, _ in mentions.starting(s.end, s.end + 40)
                     if _AND_SOMEONE.fullmatch(text, s.end, m.start)}
        # "Эмили Миура, дочь спортсмена": a name before a relative's title is the relative
        if h.tag.case == "gent" and _relative_right_before(text, max(0, s.start - 20), s.start):
            skip |= {(m.start, m.end) for m, _ in mentions.starting(max(0, s.start - linker.WINDOW), s.start)}
        # "У певца остался сын Макарий": a name after a word for a relative is the relative of whom the title is
        # (but "королём стал его сын Тупу" is the son's)
        if h.tag.case != "ablt":
            skip |= {(m.start, m.end) for m, _ in mentions.starting(s.end, s.end + linker.WINDOW)
                     if _relative_right_before(text, s.end, m.start)}
        best = linker.best_holder(ctx, (s.start, s.end), skip)
        out.append(None if best is None else (*by_span[best[0]], False))
    return out


_COPULA = re.compile(r"(?<![а-яё])(?:был|была|были|стал|стала|стали|станет|становится|является|являлся|являлась|"
                     r"являются|работал|работала|работает|служил|служила|назначен|назначена|избран|избрана|"
                     r"остался|осталась|оставался|оставалась|остаётся|остается|"
                     # "Анна Котова, работавшая заместителем": a participle of its subject
                     r"(?:работа|служи|явля|ста)(?:вш|ющ)[а-яё]+)"
                     r"(?:[ \u00a0]+(?:назначен|назначена|избран|избрана))?[ \u00a0]+$", re.I)
# "занимал пост губернатора", "вступил в должность министра": a title in the genitive after a verb of holding a post
_HOLDS_POST = re.compile(r"(?<![а-яё])(?:занима(?:л|ла|ли|ет|ют|вш[а-яё]+|ющ[а-яё]+)|занял|заняла|заняли|займ[её]т|"
                         r"вступ(?:ил|ила|или|ит|ает|ления|лении|ивш[а-яё]+)|"
                         # "перешла на должность президента", "назначен на пост министра"
                         # ("перейдёт в холдинг «Лютик» на должность вице-президента": where to, then the post)
                         r"переш(?:ёл|ел|ла|ли)|перейд(?:ёт|ет|ут)|переход(?:ит|ят)|перевед[её]н|переведена|"
                         r"назначен|назначена|назначены|избран|избрана|"
                         r"вернул(?:ся|ась)|утвержд[её]н|утверждена)[ \u00a0]+(?:[а-яё]+[ \u00a0]+|"
                         r"(?:в|во|на)[ \u00a0]+[^.!?\n]{1,50}?[ \u00a0]+)?"
                         + linker.POST + r"[ \u00a0]+$"
                         # "сложил полномочия губернатора", "исполнял обязанности главы": its subject's
                         r"|(?<![а-яё])(?:сложи(?:л|ла|ли|ть|т)|сложени[ия]|слага(?:ет|ют)|исполня(?:л|ла|ли|ет|ть)|"
                         r"выполня(?:л|ла|ли|ет|ть))[ \u00a0]+(?:с[ \u00a0]+себя[ \u00a0]+)?"
                         r"(?:обязанност[иейям]+|полномочи[яйеюм]+)[ \u00a0]+$", re.I)
# "назначил руководителем службы 30-летнего Ивана Муравьева": the one appointed follows the title
_APPOINTED = re.compile(r"(?<![а-яё])(?:назнач|утверд|избр|выбр)(?:ил|ила|или|ит|ят|ал|ала|али|ли)"
                        r"[ \u00a0]+(?:нов(?:ым|ой|ыми)[ \u00a0]+)?$", re.I)  # "избрал новым генеральным директором"
# up to four words between a title and the verb that follows it
_TO_VERB = r"[ \u00a0]+(?:[А-ЯЁа-яё-]+[ \u00a0]+){0,4}"
_TAKES = re.compile(_TO_VERB + r"(?:займ[её]т|займут|занял|заняла|занимает|занимал|занимала|получил|"
                    r"получила|получит|сохранил|сохранила|сохранит)"  # "Пост министра сохранил за собой ..."
                    r"[ \u00a0]", re.I)
# "обязанности директора фонда будет исполнять ...": the one acting in a post
_DUTIES = re.compile(r"(?<![а-яё])(?:обязанности|полномочия)[ \u00a0]+$", re.I)
_PERFORMS = re.compile(_TO_VERB + r"(?:будет[ \u00a0]+исполнять|будут[ \u00a0]+исполнять|"
                       r"исполня(?:ет|ют|л|ла|ли)|исполнит|исполнят|временно[ \u00a0]+исполня[а-яё]+)[ \u00a0]", re.I)
# "Исполнять обязанности директора будет ...": the verb put first
_TO_PERFORM = re.compile(r"(?<![а-яё])(?:временно[ \u00a0]+)?исполнять[ \u00a0]+(?:обязанности|полномочия)[ \u00a0]+$", re.I)
_WILL = re.compile(_TO_VERB + r"(?:будет|будут|станет|станут|поручено|поручили)[ \u00a0]", re.I)
# "Место председателя фонда занял ...", "кресло мэра займёт ...": the seat of a post
_SEAT = re.compile(r"(?<![а-яё])(?:место|кресло)[ \u00a0]+$", re.I)
_PARTICIPLE = re.compile(r"[ \u00a0]*,[ \u00a0]*$")
_WHICH = re.compile(r"[ \u00a0]*(?:\([^()]*\)[ \u00a0]*)?,[ \u00a0]*котор(?:ый|ая|ые)[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?$")
# ("мэром города будет председатель совета «Лютик» Анна Белова": the title's own words, the holder's title)
_COPULA_AFTER = re.compile(r"(?:[ \u00a0]+[а-яё]+)?[ \u00a0]+(?:стал|стала|станет|становится|является|являлся|являлась|"
                           r"был|была|будет)(?:[ \u00a0]+[«\"]?[А-ЯЁа-яё-]+[»\"]?){0,4}[ \u00a0]+")
_LINKING = re.compile(r"(?<![а-яё])(?:был|была|стал|стала|станет|назначен|назначена|избран|избрана|является)"
                      r"(?![а-яё])")
_BESIDE_BEFORE = re.compile(r"[ \u00a0]*,?[ \u00a0]*(?:а[ \u00a0]+также|и|или)[ \u00a0]+(?:[а-яё-]+[ \u00a0]+){0,2}", re.I)
# the rest of a quotation up to its closing quote, and who said it: "», сказал ", "», — заявил глава ведомства "
_QUOTE_SAID = re.compile(r"[^«»\n]{0,300}»[ \u00a0]*[,—–-]*[ \u00a0]*[—–-]?[ \u00a0]*(?:[а-яё]+[ \u00a0]+){1,3}")
_AND_SOMEONE = re.compile(r"[ \u00a0]+и[ \u00a0]+(?:" + ADDRESS + r"[ \u00a0]+|[Мм]исс[ \u00a0]+|"
                          r"(?:перв(?:ая|ой|ую)[ \u00a0]+)?леди(?:[ \u00a0]+[а-яё]+)?[ \u00a0]+|супруга[ \u00a0]+)?")
# a spouse's title beside the other's: "Мэр и первая леди города Анна Сомова" are two people, sharing no holder
_SPOUSE = re.compile(r"(?i)(?<![а-яё])леди(?![а-яё])")
_INSTEAD = re.compile(r"[ \u00a0]+вместо(?:[ \u00a0]+[а-яё-]+){0,4}[ \u00a0]+", re.I)
_SUBJECT_PRONOUN = re.compile(r"(?<![а-яё])(?:он|она)(?![а-яё])", re.I)


def _subject_after_verb(text, s, m) -> bool:
    """Between the title and the name, lower-case words with a finite verb among them (not a linking one), and a
    name whose given name the dictionary knows in the nominative only."""
    gap = text[s.end:m.start]
    if not re.fullmatch(r"(?:[ \u00a0]+[а-яё-]+)+[ \u00a0]+", gap) or _LINKING.search(gap):
        return False  # (not a linking verb: "Ведущей церемонии стала актриса Анна Котова")
    if not any(p.tag.POS == "VERB" and p.tag.mood == "indc" for w in _WORD.findall(gap) for p in parses(w)[:1]):
        return False
    given = [p for w in _WORD.findall(text, m.start, m.end) for p in parses(w.lower())[:2] if "Name" in p.tag and p.is_known]
    return bool(given) and all(p.tag.case == "nomn" for p in given)


def _copula_subject(text, s, head, mentions, sents, nominative):
    """The subject of "Иван Петров стал директором", "[Он] был губернатором области": a title in the
    instrumental after a linking verb is held by the one "который" stands for, else by the last person the
    sentence names in the nominative before the verb, or, when a pronoun or nothing stands for the subject, by
    the nearest person named in the nominative in the two sentences before; False when the subject is a noun
    that names no one ("Его отец был инженером"): nobody near holds the title. Before the linker (nerel-train: 41
    links new or changed, 22 of them right; 9 gone, 4 of them right). The same for a title in the genitive after
    a verb of holding a post ("[он] занимал пост министра"); and the name after the verb holds a title put first
    ("капитаном стал Олег Лапин", "Пост вице-президента займёт Анна Котова") or one someone is
    appointed to ("назначил руководителем службы 30-летнего Ивана Муравьева")."""
    if head.tag.case not in ("ablt", "gent"):
        return None
    k = bisect_right(sents, (s.start, float("inf"))) - 1
    start, end = sents[k] if k >= 0 else (0, len(text))
    cop = (_COPULA if head.tag.case == "ablt" else _HOLDS_POST).search(text, start, s.start)

    def named(m, pid):  # the mention is the name itself, not an inflected form ("Александра Калягина")
        return _as_named(text, m, nominative[pid])

    if head.tag.case == "gent" and _TO_PERFORM.search(text, max(start, s.start - 40), s.start) \
            and _WILL.match(text, s.end):  # "Исполнять обязанности директора будет Анна Котова"
        after = [x for x in mentions.starting(s.end, end) if named(*x)]
        return (*after[0], False) if after else None

    if head.tag.case == "gent" and not cop:
        before = text[max(start, s.start - 20):s.start]
        if (linker.AFTER_POST.search(before) or _SEAT.search(before)) and _TAKES.match(text, s.end) \
                or _DUTIES.search(before) and _PERFORMS.match(text, s.end):
            after = [x for x in mentions.starting(s.end, end) if named(*x) and not _of_someone(text, x[0])]
            return (*after[0], False) if after else None
        return None

    if not cop:  # "капитаном стал Олег Лапин"
        nxt = mentions.starting(s.end, s.end + 160)
        # the one replaced is not the one who became it: "главой вместо уволенного накануне Петра Сомова стал"
        at = s.end
        if nxt and _INSTEAD.fullmatch(text, s.end, nxt[0][0].start):
            at, nxt = nxt[0][0].end, nxt[1:]
        if nxt and _COPULA_AFTER.fullmatch(text, at, nxt[0][0].start):
            # not a friend's name: "главой службы стал давний друг Ивана Котова генерал Олег Лапин"
            holder = nxt[1] if len(nxt) > 1 and _of_someone(text, nxt[0][0]) and nxt[1][0].start < end else nxt[0]
            if named(*holder):
                return (*holder, False)
        if nxt and _APPOINTED.search(text, start, s.start) and nxt[0][0].start < end \
                and any(p.tag.case == "accs" for w in _WORD.findall(text, nxt[0][0].start, nxt[0][0].end)
                        for p in parses(w.lower())[:2]):
            return (*nxt[0], False)
        return None

    before = [(m, pid) for m, pid in mentions.starting(start, cop.start()) if m.end <= cop.start()]
    if before and _WHICH.match(text, before[-1][0].end, cop.start()):  # "Джона Миллера, который стал"
        return (*before[-1], False)
    if before and re.match(r"занима[вю]|вступивш|[а-яё]+(?:вш|ющ)", cop.group(), re.I) \
            and _PARTICIPLE.fullmatch(text, before[-1][0].end, cop.start()):  # "Иван Петров, занимающий пост"
        return (*before[-1], False)
    if before:
        subj = [x for x in before if named(*x)]
        return (*subj[-1], False) if subj else None
    clause = text[start:cop.start()]
    if not _SUBJECT_PRONOUN.search(clause) and any(p.tag.POS == "NOUN" and p.tag.case == "nomn"
                                           for p in (parses(w.lower())[0] for w in _WORD.findall(clause))):
        return False  # a subject that is no person: "Его отец был инженером", and no one else holds it
    return _antecedent(text, start, k, sents, mentions, nominative)


def _of_someone(text: str, m) -> bool:
    """The name is whose the word for a relative, a friend or a circle right before it is: "друг [Ивана Котова]",
    "из окружения [Котова]" (a name that may be genitive)."""
    before = max(0, m.start - 30)
    return (_relative_right_before(text, before, m.start) or bool(_CIRCLE_RIGHT_BEFORE.search(text, before, m.start))) \
        and _may_be_genitive(text, m, True)


_CIRCLE_RIGHT_BEFORE = re.compile(r"(?<![а-яё])(?:окружени[яеи]|соратни[а-яё]*|ставленни[а-яё]*|сторонни[а-яё]*|"
                                  r"протеже|однокурсни[а-яё]*|человек)[ \u00a0]+\Z", re.I)


def _antecedent(text, start, k, sents, mentions, nominative):
    """Whom a pronoun or a missing subject in sentence ``k`` (before ``start``) stands for: the nearest person named
    in the nominative, or opening a sentence, in the two sentences before ("Ивану Котову было 58 лет.
    Избран ...")."""
    lo = sents[max(0, k - 2)][0] if k >= 0 else max(0, start - 600)
    for m, pid in reversed(mentions.starting(lo, start)):
        if _as_named(text, m, nominative[pid]) or _opens_sentence(text, m, sents):
            return m, pid, False
    return None


# "он считался одним из лучших [актёров]", "что делает её одной из самых титулованных [теннисисток]": whom the
# pronoun stands for is one of them
_PRONOUN_ONE_OF = re.compile(r"(?<![а-яё])(?:он|она|его|её|ее)[ \u00a0]+(?:[а-яё-]+[ \u00a0]+){0,2}"
                             r"(?:один|одна|одного|одному|одним|одной|одну)[ \u00a0]+из[ \u00a0]+(?:[а-яё-]+[ \u00a0]+){0,4}$", re.I)


def _one_of_pronoun(text, s, head, mentions, sents, nominative):
    if not _plural(head) or head.tag.case != "gent":
        return None
    k = bisect_right(sents, (s.start, float("inf"))) - 1
    start = sents[k][0] if k >= 0 else max(0, s.start - 300)
    one = _PRONOUN_ONE_OF.search(text, start, s.start)
    if not one or mentions.starting(start, s.start):  # a name in the sentence: "Котов сказал, что был одним из"
        return None
    return _antecedent(text, start, k, sents, mentions, nominative)


def _opens_sentence(text: str, m, sents) -> bool:
    k = bisect_right(sents, (m.start, float("inf"))) - 1
    return k >= 0 and not text[sents[k][0]:m.start].strip()


def _as_named(text: str, m, nominative: frozenset[str]) -> bool:
    """Every word of the mention is a word of the name in the nominative (``nominative``): the name as such, not an
    inflected form of it; an initial stands for a word of it ("А.Лапин" of "Алексей Лапин")."""
    words = [w.lower() for w in _WORD.findall(text, m.start, m.end)]
    return bool(words) and all(w in nominative or len(w) == 1 and any(n.startswith(w) for n in nominative)
                               for w in words) and any(len(w) > 1 for w in words)


def nominative_words(person) -> frozenset[str]:
    """The words of a person's name in the nominative; a part may have several ("Шейк Модибо")."""
    return frozenset(w.lower().rstrip(".") for part in (person.first, person.middle, person.last) if part
                     for w in part.split())


# a post an election is for, or someone runs for: nobody holds it ("выборах президента", "будут выбирать
# президента", "кандидат в депутаты", "баллотировался на пост мэра"; nerel-train: a holder 2 times in 109)
_RUN_FOR = re.compile(r"(?<![а-яё])(?:выбор[а-яё]*|выбира[а-яё]*|(?:кандидат[а-яё]*|баллотир[а-яё]+|претендент[а-яё]*|"
                      r"претендова[а-яё]+)[ \u00a0]+(?:на[ \u00a0]+пост|в))[ \u00a0]+$", re.I)
# wealth and study are no job anyone holds: "миллиардер Иван Котов", "студентка Анна Котова" (nerel-train links
# 2 of 11 and 1 of 16 such titles to anyone)
_NOT_A_JOB = frozenset("миллиардер мультимиллиардер миллионер студент студентка".split())
# put forward for a post, not yet in it: NEREL links no one to the post ("выдвинул на пост главы": 4 of 4 in
# nerel-train and nerel-dev), while one appointed or elected holds it ("назначил на пост главы ведомства генерала
# Ивана Котова")
_PUT_FORWARD = re.compile(r"(?<![а-яё])(?:выдвинул|выдвинет|предложил|рекомендовал)[аи]?[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?"
                          r"на[ \u00a0]+(?:пост|должность)[ \u00a0]+$", re.I)

# a post someone could, should or wants to take, after "стать" or "быть": not yet theirs ("может стать новым
# мэром", "мечтала стать адвокатом"; nerel-train and nerel-dev: a holder 0 times in 17)
_WOULD_BE = re.compile(r"(?<![а-яё])(?:стать|быть)[ \u00a0]+(?:[а-яё-]+[ \u00a0]+)?$", re.I)

# a post someone only claims: "представившийся сотрудником полиции", "выдавал себя за врача", "под видом курьера"
_POSED_AS = re.compile(r"(?<![а-яё])(?:представ(?:ивш|ляющ)[а-яё]*с[яь]|представ(?:ил|ля)(?:ся|ась|ись|ется|ются)|"
                       r"назва(?:вш[а-яё]*с[яь]|л(?:ся|ась|ись))|притвор[яи](?:л|вш|ющ)[а-яё]*с[яь]|"
                       r"выда[а-яё]*[ \u00a0]+себя[ \u00a0]+за|под[ \u00a0]+видом)"
                       r"[ \u00a0]+(?:[а-яё-]+[ \u00a0]+)?$", re.I)


def _plural(head) -> bool:
    return head is not None and head.tag.number == "plur"


_OF_WHOM = re.compile(r"^[ \u00a0]*[,—–]?[ \u00a0]*\Z")  # not across a line break


def _may_be_genitive(text, m, loose: bool) -> bool:
    """The name's last word is genitive in its likeliest reading, or (``loose``: nothing but a space or a dash
    before the next name) in one of its likelier ones, or looks indeclinable ("Врач Анны Котовой Лиза Миллер",
    "Адвокат Котова Олег Лапин")."""
    given = [p for w in _WORD.findall(text, m.start, m.end) for p in parses(w.lower())[:2] if "Name" in p.tag]
    if given:  # by the given name where there is one: "Олега Сомова" ("Сомова" reads as a short adjective too)
        return _genitive(given[0]) if not loose else any(_genitive(p) for p in given)
    word = _name_end(text, m)
    if not word:
        return loose
    ps = parses(_last_part(word))
    if not loose:
        return _genitive(ps[0])
    if not ps[0].is_known:
        return _genitive(ps[0]) or word[-1:].lower() in "еиоуюэ"
    return any(_genitive(p) for p in ps[:3])


def _genitive(p) -> bool:
    return p is not None and p.tag.case in ("gent", "accs")


# "муж актрисы Олег Лапин", "супруге первого президента Анне Петровне": the name is the relative's
_KIN_WORD = (r"(?<![а-яё])((?:муж|жен|супруг|вдов|сын|доч|отц|отец|мат[ьеи]|брат|сестр|внук|внучк|дед|бабушк|"
             r"родственни|невест|жених|подруг|друг|зят|тёщ|свекров|племянни)[а-яё]*)")
_KIN = re.compile(_KIN_WORD + r"[ \u00a0]+(?:[а-яё-]+(?:,|[ \u00a0]+и)?[ \u00a0]+){0,5}$", re.I)
_KIN_RIGHT_BEFORE = re.compile(_KIN_WORD + r"[ \u00a0]*(?:[—–-][ \u00a0]*)?\Z", re.I)


def _noun(m) -> bool:
    return bool(m) and parses(m.group(1).lower())[0].tag.POS == "NOUN"  # not "в мужском турнире", "другой"


def _after_kin(text, s) -> bool:
    """The title follows a word for a relative: "дочь [президента]", "супруге первого [президента]"."""
    return _noun(_KIN.search(text, max(0, s.start - 80), s.start))


def _relative_right_before(text, start: int, end: int) -> bool:
    """``text[start:end]`` ends in a word for a relative (and a dash): "сын", "дочь —", "подруга"."""
    return _noun(_KIN_RIGHT_BEFORE.search(text, start, end))


def _kin(text, s, head, m) -> bool:
    """A genitive title after a word for a relative, followed by a name that cannot be genitive ("дочь президента
    Иванку Трамп": accusative only): the name is the relative's, not the title's holder (nerel-train: of 52 names right after such titles, the rule takes away
    one, rightly, and leaves the 41 that hold their title, all genitive, alone)."""
    if head is None or head.tag.case != "gent" or not _after_kin(text, s):
        return False
    # a guess for a name the dictionary does not know, unless it looks indeclinable ("певицы Бейонсе")
    given = [p for w in _WORD.findall(text, m.start, m.end) for p in parses(w.lower())
             if "Name" in p.tag and (p.is_known or w[-1:].lower() not in "еиоуюэ")]
    if given and not any(p.tag.case == "gent" for p in given):
        return True
    # or a surname that is no genitive: "супруга губернатора Мишель Лапинская", "мать гимнастки Анна Лапинская"
    words = _WORD.findall(text, m.start, m.end)
    last = [p for p in parses(words[-1].lower()) if "Surn" in p.tag or p.tag.POS == "ADJF"] if len(words) > 1 else []
    return bool(last) and not any(p.tag.case == "gent" for p in last)


_NOT_GENITIVE = ("nomn", "ablt", "datv", "loct")


_MAN_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)$")
# a vowel at the end, but no adjective's ending ("Лесногорского")
_INDECLINABLE = re.compile(r"(?<![ое]г)[еиоуюэ]$", re.I)


def _whose(text, s, head, m, gender: str = "?", nominative=frozenset()) -> bool:
    """A name in the genitive right after a title in another case is whose the title is, not who holds it:
    "Адвокат [Маркива] заявил", "Оппонент [Максима] остаётся непобеждённым", "был охранником [Мосийчука]"; not
    a name written as the person's name in the nominative ("моряк [Мендес]" of "Джон Мендес")."""
    if head is None or text[s.end:m.start].strip(" \u00a0") or _as_named(text, m, nominative):
        return False
    nouns = [p for p in parses(head.word) if p.tag.POS == "NOUN"]
    if not nouns or head.tag.case not in _NOT_GENITIVE or any(p.tag.case != head.tag.case for p in nouns):
        return False
    words = _WORD.findall(text, m.start, m.end)
    if not words:
        return False  # a name in Latin letters tells no case: "певица Marla Lesna"
    for w in words:  # every word a name the dictionary knows, in the genitive only
        if len(w) == 1:
            continue  # an initial: "О.Лапина"
        # (a guess for a word the dictionary does not know, unless it looks indeclinable: "Тавили Океке")
        names = [p for p in parses(w.lower()) if ("Surn" in p.tag or "Name" in p.tag and p.tag.number == "sing")
                 and (p.is_known or not _INDECLINABLE.search(w))]
        # a man's "Лапина" is no woman's name in the nominative
        names = [p for p in names if not (gender == "masc" and p.tag.gender == "femn")] or names
        if not names and gender == "masc" and any(w.lower() == n + "а" for n in nominative if _MAN_SURNAME.search(n)):
            continue  # a surname the dictionary does not know, by the man's nominative: "Сомова" of "Пётр Сомов"
        if not names or any(p.tag.case not in ("gent", "accs") for p in names):
            return False  # (a given name in the plural is a guess: "Харальд" as of "Харальда")
    return True


def _whose_of_many(text, s, head, m, mentions) -> bool:
    """A plural title right before one name that begins no list is whose they are: "Адвокаты Берлускони
    обжалуют", "Защитники Алёхиной", "окружённый репортерами Джаггер" (in the genitive it may be one of them:
    "одного из лидеров группировки Абу Салиха", which stays)."""
    if not _plural(head) or any(p.tag.case == "gent" for p in parses(head.word)) \
            or _after_acting(text, s.start, s.end) != s.start or text[s.end:m.start].strip(" \u00a0"):
        return False  # "исполняющий обязанности президента" is one person's title
    return not _LIST_AFTER.match(text, m.end)


def _name_end(text: str, m) -> str | None:
    """The last word of a mention."""
    words = re.findall(r"[А-Яа-яЁё-]+", text[m.start:m.end])
    return words[-1] if words else None


def _last_word(text: str, m):
    word = _name_end(text, m)
    return parses(_last_part(word))[0] if word else None


def _co_holders(text, s, found, mentions) -> tuple[str, ...]:
    """Everyone in the list of names a plural title is in apposition to: "актёры A, B и C", "A и B – музыканты"."""
    m, pid, _ = found
    out = [pid]
    after = m.start >= s.end
    chain = mentions.starting(m.end, m.end + 2000) if after else reversed(mentions.starting(max(0, m.start - 2000), m.start))
    last, last_id = m, pid
    for n, nid in chain:
        gap = text[last.end:n.start] if after else text[n.end:last.start]
        if nid == last_id and re.fullmatch(r"[ \u00a0]*\(", gap):  # the name spelt again in brackets:
            last = last if after else n  # "Анна Котова (Anna Kotova) и Мария Белова": from the name before them
            continue
        if n.end > last.start and not after or not _CHAIN_GAP.match(gap):
            break
        if nid not in out:
            out.append(nid)
        last, last_id = n, nid
    return tuple(out if after else reversed(out))  # in the text's order


# (and one after the other: "депутатом совета, а затем — министром", "а ещё раньше — преподавателем")
# (a word for when stays out of a title: "водитель и экс-министр", "актёр и бывший министр")
_LIST_GAP = re.compile("^(?:" + _AND + r"(?:экс-|бывш[а-яё]+[ \u00a0]+)?$"
                       r"|[ \u00a0]*,[ \u00a0]*а[ \u00a0]+(?:затем|потом|позже|позднее|впоследствии|"
                       r"ещё[ \u00a0]+раньше|еще[ \u00a0]+раньше|до[ \u00a0]+этого|прежде)[ \u00a0]*(?:[—–-][ \u00a0]*)?$)")
# between two titles of one holder with no comma: a note in brackets, a word for when ("действующий", "бывший")
_STACKED = re.compile(r"[ \u00a0]+(?:\([^()\n]{1,40}\)[ \u00a0]+)?(?:(?:в|во|на|при)[ \u00a0]+[а-яё]+[ \u00a0]+)?"
                      r"(?:[а-яё]+(?:ий|ый|ая|ое)[ \u00a0]+)?")  # ... "(ЛЛ) действующий", "в регионе"


def _listed(text, s, found, head, mentions, in_full) -> tuple[str, ...]:
    """A title whose head may be plural too ("актрисы") right before a list of names in the nominative ("актрисы
    Анна Котова, Мэри Смит и Ольга Лапина"): all of them hold it; () otherwise."""
    if not found or not found[2] or found[0].start < s.end \
            or _may_be_genitive(text, found[0], False) and not _as_named(text, found[0], in_full.get(found[1], ())) \
            or not any(p.tag.number == "plur" and p.tag.case == "nomn" for p in parses(head.word)[:3]):
        return ()
    names = _co_holders(text, s, found, mentions)
    return names if len(names) > 1 else ()


def _title(text: str, plural: bool = False) -> str:
    """'Губернатора Воронежской области' -> 'губернатор Воронежской области': nominative, lower-case start;
    ``plural``: the head is a nominative plural already ("актрисы" held by a list of names), kept as written."""
    acting = _ACTING_AT.match(text)
    if acting:  # "исполняющего обязанности губернатора" -> "исполняющий обязанности губернатора"; the rest is governed
        fem = re.search(r"исполняющ(?:ей|ая|ую)", acting.group(), re.I)
        prefix = re.sub(r"исполняющ[а-яё]*", "исполняющая" if fem else "исполняющий", acting.group().lower())
        return prefix + text[acting.end():]
    words = _WORD.findall(text)
    if len(words) == 1 and parses(words[0].lower())[0].tag.POS == "ADJF":  # "президентских" -> "президентский"
        return parses(words[0].lower())[0].normal_form
    title = text if plural else normalize_phrase(text, person=True)
    if title[:1].isupper() and title[1:2].islower() and not re.match(r"[A-Za-z]+-", title):
        title = title[0].lower() + title[1:]
    return title


_COLON_AFTER = re.compile(r"(?:[ \u00a0]+[\w«»\"-]+){0,4}?[ \u00a0]*:[ \u00a0]*[А-ЯЁA-Z]")


def _apposition(text, s, mentions, head, genders, in_full, org_mentions):
    """The person right after the title ("губернатор области Роман Старовойт") or after the organisation that
    follows it ("тренер клуба «Ромашка» Олег Лапин"), or right before it with a comma or dash ("Ирина Таратина,
    первый заместитель"), as (mention, person id, True); None if there is none."""
    # a head that may be a plural, before a colon, is one: "гандболистки клуба «Лютик»: Анна Котова, Мария Белова"
    plural = _plural(head) or bool(_COLON_AFTER.match(text, s.end)) and any(
        p.tag.number == "plur" and p.tag.case == "nomn" for p in parses(head.word)[:3])
    after = _APPOS_AFTER_PLURAL if plural else _APPOS_AFTER
    following = mentions.starting(s.end, s.end + 60)
    for i, (m, pid) in enumerate(following):  # a name right after the title is the surest sign
        if after.match(text[s.end:m.start]) or not plural and _through_org(text, s, m, org_mentions):
            if _kin(text, s, head, m) or _whose_of_many(text, s, head, m, mentions):
                break
            nxt = following[i + 1] if i + 1 < len(following) else None
            gap = text[m.end:nxt[0].start] if nxt else ""
            # "заместителя Миллера Джона Смита" too, but "дочь президента Джона Миллера Анна" is the president's
            # (a plural title's names are a list: "режиссёры, как Павел Орлов, Илья Зимин"; after a comma, a name written
            # as the nominative of a name given in full is no genitive: "тренер Иван Котов, Олег Лапин ...")
            if nxt and _OF_WHOM.match(gap) and not (_plural(head) and "," in gap) \
                    and _may_be_genitive(text, m, "," not in gap) \
                    and ("," not in gap or not _as_named(text, m, in_full.get(pid, ()))) \
                    and (not _genitive(head) or "," not in gap and not _after_kin(text, s)):
                return nxt[0], nxt[1], True  # "пресс-секретарь Билла Клинтона Джо Локхарт": Клинтон is whose
            if _whose(text, s, head, m, genders.get(pid, "?"), in_full.get(pid, frozenset())) \
                    or _inner_role_last(text, s, head, m) or _whose_remit(text, s, head, m):
                break
            return m, pid, True
    dashed = [x for x in following[:1] if _DASH_AFTER.match(text[s.end:x[0].start])]
    if dashed and head.tag.case in ("nomn", "ablt") and _LIST_BEFORE.search(text, max(0, s.start - 3), s.start):
        return dashed[0][0], dashed[0][1], True  # "министром финансов стала A, [министром культуры] – B"
    for m, pid in mentions.starting(max(0, s.start - 200), s.start):
        if m.end <= s.start and _APPOS_BEFORE.match(text[m.end:s.start]) and not _oblique(text, head, m):
            return m, pid, True
    if _plural(head):
        for m, pid in mentions.starting(max(0, s.start - 60), s.start):
            if m.end <= s.start and _AND_OTHER.match(text[m.end:s.start]):
                return m, pid, True
    if _plural(head) and head.tag.case == "gent":
        for m, pid in mentions.starting(max(0, s.start - 200), s.start):
            if m.end <= s.start and _ONE_OF.match(text, m.end, s.start):
                return m, pid, False  # one of them: no list of holders to gather
    return None


def _through_org(text, s, m, org_mentions) -> bool:
    """Nothing but the title's organisation between the title and the name: "тренер лесногорского клуба «Ромашка»
    Олег Лапин" (so not "Иван Котов, тренер ..." before it)."""
    return any(o.end <= m.start and _WORKS_IN.fullmatch(text, s.end, o.start)
               and _ORG_TO_NAME.fullmatch(text, o.end, m.start)
               and not any(_role_word(w) or parses(w.lower())[0].tag.POS in ("VERB", "INFN", "GRND")
                           for w in _WORD.findall(text, s.end, o.start))
               for o, _ in org_mentions.starting(s.end, m.start))


# after the organisation, before the name: a closing quote, an abbreviation in brackets
_ORG_TO_NAME = re.compile(r"[»\"]?(?:[ \u00a0]*\([^()\n]{1,30}\))?[ \u00a0]+")


def _whose_remit(text, s, head, m) -> bool:
    """A title that serves someone, a name and then what the post is in charge of: the name is whose it is
    ("Помощник Мэри Смит по европейским делам"; "Советник президента по экономике Иван Котов" is Котов's)."""
    return s.end <= m.start and _serves(head.word) and bool(_REMIT.match(text, m.end))


_REMIT = re.compile(r"[ \u00a0]+по[ \u00a0]+[а-яё]")


def _inner_role_last(text, s, head, m) -> bool:
    """The title ends in another role noun in the genitive, and the name after it is in the genitive too, not in
    the head's case: it names that role's holder. "главой штаба [телеведущей] Анны Котовой" is not Котова's title;
    "пресс-секретарь президента Анна Котова" is hers."""
    words = list(_WORD.finditer(text, s.start, s.end))
    if len(words) < 2 or head is None or head.tag.case in ("gent", "accs") or words[-1].group().lower() == head.word:
        return False
    last = words[-1].group()
    if not (_is_head(last) and parses(last.lower())[0].tag.case == "gent"):
        return False
    # the case the name is in, by its given name where it has one ("Анны Лапиной": "Лапиной" reads as a noun too)
    name = _WORD.findall(text, m.start, m.end)
    given = [w for w in name if any("Name" in p.tag for p in parses(w.lower())[:2])]
    return bool(name) and all(not any(p.tag.case == head.tag.case for p in parses(w.lower())) and
                              parses(w.lower())[0].tag.case == "gent" for w in (given[:1] or name))


# "Иван Котов — один из самых успешных [певцов]", "Рэй Кроуфорд стал одним из самых популярных [пианистов]",
# "Марко Бьянки, считающегося одним из самых ярких [политиков]": the name is one of those the title names
_ONE_OF = re.compile(r"[ \u00a0]*(?:[,—–-][ \u00a0]*|[ \u00a0])(?:(?:[а-яё-]+[ \u00a0]+){0,3}и[ \u00a0]+)?"
                     r"(?:(?:является|являлся|являлась|стал|стала|был|была|считается|считался|считалась|"
                     r"считающ[а-яё]+|остаётся|остается|оставался|оставалась)[ \u00a0]+)?"
                     r"(?:один|одна|одного|одному|одним|одной|одну)[ \u00a0]+из[ \u00a0]+(?:[а-яё-]+[ \u00a0]+){0,4}\Z", re.I)


def _oblique(text, head, m) -> bool:
    """A name only in an oblique case before a title in the nominative: "Ли Бо, соратник [Ивана Петрова], премьер"
    (the title is Ли Бо's), "По словам [Олега], актриса": a given name the dictionary knows that cannot be
    nominative, or a name whose every word is a known name or surname that cannot be ("Кинга")."""
    if head is None or head.tag.case != "nomn":
        return False
    known = []
    for w in _WORD.findall(text, m.start, m.end):
        w = w.lower()
        names = [p for p in parses(w) if ("Name" in p.tag or "Surn" in p.tag) and p.tag.number == "sing"
                 and p.tag.case != "voct"]  # "Лёв" is no vocative of "Лёва" in the news
        names = names if names and morph().word_is_known(w) else []
        nominative = any(p.tag.case == "nomn" for p in names)
        if any("Name" in p.tag for p in names) and not nominative:
            return True
        known.append(bool(names) and not nominative)
    return bool(known) and all(known)


# between a title and its organisation: nothing, a preposition, descriptor words, an opening quote
# ("журналиста «Медузы»", "музыкантами группы СВ", "инженером на Северной судоверфи", "директора в
# нефтедобывающей компании ООО «Лютик»")
_WORKS_IN = re.compile(r"[ \u00a0]?[«\"]?|[ \u00a0]+(?:(?:в|во|при|на)[ \u00a0]+)?"
                       r"(?:(?!(?:из|для|у|о|об|по|к|до|после|через|про|без|под|над|как|или|чем|"
                       r"и[ \u00a0]+(?:с|со|в|во|на|к|ко|о|об|при|у))[ \u00a0])[а-яё-]+[ \u00a0]+){0,3}"
                       r"(?:[А-Я]{2,3}[ \u00a0]+)?[«\"]?")


_FROM = re.compile(r"[ \u00a0]+из[ \u00a0]+")


def _org_after_holder(text, m, org_mentions):
    """The organisation right after the holder's name, in brackets ("музыканты Олег Лапин (проект «Лютик»)") or
    after "из" ("математик Уильям Гауэрс из Кембриджского университета")."""
    from_ = _FROM.match(text, m.end)
    if from_:
        at = org_mentions.starting(from_.end(), from_.end() + 1)
        return at[0][1] if at else None
    opened = re.match(r"[ \u00a0]*\(", text[m.end:m.end + 3])
    if not opened:
        return None
    close = text.find(")", m.end, m.end + 80)
    inside = [(o, oid) for o, oid in org_mentions.starting(m.end, close) if o.end <= close] if close != -1 else []
    if not inside or any(_role_word(w) for w in _WORD.findall(text, m.end, inside[0][0].start)):
        return None  # "Анна Котова (экс-глава «Ромашки»)": the organisation of the title in the brackets
    return inside[0][1]


# verbs of working somewhere: "возглавил", "работает в", "играл за", "перешёл в", "служил в", "командовал"
_WORKS_VERB = re.compile(r"(?<![а-яё])(?:возглав|руковод|работа|проработа|поработа|служ|игра|поигра|выступа|тренир|"
                         r"управля|переш[её]л|перешла|перешли|командова|вступил|вступила|трудил)[а-яё]*", re.I)
_VERB_GAP = 40


def _org_by_verb(text, start, sents, mentions, org_mentions):
    """The organisation the holder's sentence says they work in, after a verb of working and before anyone else is
    named: "Генерал Аллен командовал силами НАТО", "нападающий перешёл в «Шанхай Шеньхуа»", "режиссёр Андрей
    Могучий, который работает в Александринском театре" (a verb, not a noun: "принял командование" is not one)."""
    end = sentence_at(sents, start, len(text))[1]
    line = text.find("\n", start, end)
    end = end if line == -1 else line
    verb = next((v for v in _WORKS_VERB.finditer(text, start, end)
                 if parses(v.group().lower())[0].tag.POS in ("VERB", "PRTF", "PRTS", "GRND")), None)
    if verb is None or mentions.starting(start, verb.start()) or _other_verb(text, start, verb.start()) \
            or ANOTHER_TIME.search(text, start, verb.start()):
        return None  # (not a later post: "занимал пост вице-мэра, затем возглавлял департамент")
    at = org_mentions.starting(verb.end(), min(end, verb.end() + _VERB_GAP))
    if not at or mentions.starting(verb.end(), at[0][0].start):
        return None
    # not another post's: "перешёл на должность советника председателя совета директоров"
    if any(_role_word(w) for w in _WORD.findall(text, verb.end(), at[0][0].start)):
        return None
    return at[0][1]


# a word for another time, before or after: what follows it is another post ("затем возглавлял", "ранее
# возглавлявший", "до назначения она была директором")
ANOTHER_TIME = re.compile(r"(?<![а-яё])(?:затем|потом|позднее|позже|впоследствии|после[ \u00a0]+этого|ранее|"
                          r"до[ \u00a0]+этого|до[ \u00a0]+назначения)(?![а-яё])", re.I)


def _other_verb(text: str, start: int, end: int) -> bool:
    """A finite verb between the holder and the verb of working is another predicate, maybe of another subject:
    "родилась в семье вице-губернатора Анны Котовой, окончила институт, работала в «Ромашке»"."""
    return any(p.tag.POS == "VERB" and p.normal_form not in ("быть", "стать")
               for w in _WORD.findall(text, start, end) for p in parses(w.lower())[:1])


_LAST = re.compile(r"[ \u00a0]([а-яё-]+)$")


def _kind_named_before(text, s, org_mentions):
    """A title ending in a lone word for a kind of organisation ("председатель правления банка") works for the
    last one named before it as of that kind: "банк «Северный капитал»", "компании Genentech"."""
    last = _LAST.search(text, s.start, s.end)
    if not last or not bare_kind(last.group(1)) or not is_org_head(last.group(1)):
        return None
    kind = parses(last.group(1))[0].normal_form
    for m, oid in reversed(org_mentions.within(max(0, s.start - _KIND_BACK), s.start)):
        before = _WORD.findall(text, max(0, m.start - 40), m.start)[-2:]
        name = re.sub(r"[«»\"]", "", m.text).lower()
        if any(p.normal_form == kind for w in _to_head(_WORD.findall(m.text)) + before for p in parses(w.lower())[:2]) \
                or len(kind) > 3 and (name.endswith(kind) or " " not in name and stem(name).endswith(kind)):
            return oid  # "Сбербанк", "Альфа-банк", "Лесбанка"
    return None


_KIND_BACK = 3000
_POSSESSIVE = re.compile(r"(?<![а-яё])(его|её|ее|их)[ \u00a0]+$", re.I)
_GENDER_OF = {"его": ("masc", "neut"), "её": ("femn",), "ее": ("femn",)}


def _its(text, s, head, org_mentions):
    """"[Ромашка] ... Её генеральным директором стал": a title after "его", "её" or "их" works for the last
    organisation named before it within a few sentences, of the pronoun's gender where its name tells one; not a
    title of whom it serves ("его заместитель" is a person's). nerel-train: 4 right, 3 not (2 right by reading)."""
    pron = _POSSESSIVE.search(text, max(0, s.start - 6), s.start)
    if not pron or head is None or parses(head.word)[0].normal_form in _SERVES_OR_BESIDE:
        return None
    for m, oid in reversed(org_mentions.within(max(0, s.start - 300), s.start)):
        if m.end > pron.start():
            continue
        first = _WORD.match(text, m.start)
        ps = parses(first.group().lower())[:1] if first else []
        gender = next((p.tag.number == "plur" and "plur" or p.tag.gender for p in ps if p.tag.POS == "NOUN"), None)
        want = _GENDER_OF.get(pron.group(1).lower(), ("plur",))
        return oid if gender is None or gender in want else None
    return None


# a title that tells whom someone serves or stands beside, not a body: "его телохранитель", "их защитники", "его
# соперница", "её преемник" (оппонент, соперник, противник, сторонник, соратник are no titles: _NOT_TITLES)
_SERVES_ALSO = frozenset("телохранитель защитник замглавы замминистра союзник коллега преемник предшественник "
                         # and the women's forms the dictionary gives as lemmas of their own
                         "соперница противница сторонница союзница соратница преемница предшественница".split())


def _to_head(words: list[str]) -> list[str]:
    """The words of a name up to its first noun, the one that says its kind ("Хоккейный клуб"; not "клуба" of
    "пресс-служба клуба", which is no club)."""
    for i, w in enumerate(words):
        if parses(w.lower())[0].tag.POS == "NOUN":
            return words[:i + 1]
    return words


def _organisation(text, s, org_mentions):
    """The organisation inside the title ("директор ФБР"), begun in it ("главы [правительства Мали]"),
    right after it, or after "в"/"при" ("консультантом в министерстве культуры")."""
    near = org_mentions.starting(max(0, s.start - 1), s.end + 60)
    inside = [(m, oid) for m, oid in near if s.start <= m.start < s.end]
    if inside:
        m, oid = max(inside, key=lambda x: x[0].end - x[0].start)
        # "директором фармацевтической компании [Vitaline]": the name after the kind words, not the kind
        if m.end >= s.end and not any(ch.isupper() for ch in text[m.start:m.end]):
            named = [o for m2, o in near if m2.start >= m.end and re.fullmatch(r"[ \u00a0]?[«\"]?", text[m.end:m2.start])]
            if named:
                return named[0]
        return oid
    for m, oid in near:
        if m.start >= s.end and _WORKS_IN.fullmatch(text[s.end:m.start]) and not any(
                parses(w.lower())[0].tag.POS in ("VERB", "INFN", "GRND")
                or _role_word(w) and not re.match(r"[ \u00a0]+и[ \u00a0]", text[s.end:s.end + 3])
                for w in _WORD.findall(text, s.end, m.start)):
            # not across a verb ("Кандидат в мэры Иван Петров учился в МГУ") or another title ("сообщил журналистам
            # пресс-секретарь МИД Франции")
            return owned_name(text, (m, oid), org_mentions)[1]
    return None


# ---------------------------------------------------------------- finding titles

def position_heads() -> frozenset[str]:
    return lexicon("position_heads.txt")


_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_TAIL_POS = {"ADVB", "ADJS", "NUMR", "VERB", "INFN", "PRED", "PRCL", "CONJ", "PREP", "GRND", "INTJ", "PRTS", "NPRO"}


def find_positions(text: str, spans) -> list:
    """The model's titles with their edges mended, and titles from the lexicon the model missed."""
    people = ByStart(s for s in spans if s.type == "PERSON")
    out = []
    for s in _rejoined(text, spans):
        if s.type != "POSITION":
            continue
        s = _mend(text, s, people)
        for s in _rank_apart(text, s) if s is not None and _is_title(text, s) else ():
            s = _without_nationality(text, _without_first(text, s))
            first = _WORD.match(text, s.start)
            start = _adjectives_before(text, s.start, first.group()) if first else s.start
            start = _acting(text, start)
            out.append(Span(start, s.end, s.type, s.source) if start != s.start else s)
    if USE_LEXICON:
        # a title inside an organisation's name counts too ("Администрация [президента]", "Союз [писателей]"; nerel-train:
        # 85 times in 112)
        for m in _OMBUDSMAN.finditer(text):  # the whole title, whatever the model made of its parts
            out = [s for s in out if not m.start() <= s.start < m.end()]
            out.append(Span(_acting(text, m.start()), m.end(), "POSITION", "rule"))
        # (not a model's name that opens with a title of the lexicon: "[Папа] заявил", "[Ректором Лесногорского]
        # университета"; nerel-train: 14 titles found so, 2 wrong)
        taken = covered(text, out + [x for x in spans if x.type == "PERSON" and not _opens_with_title(text, x)])
        names = covered(text, [x for x in spans if x.type == "PERSON"])
        for m in _WORD.finditer(text):
            if not taken.free(m.start(), m.end()) or not _is_head(m.group(), text, m.start(), names) \
                    or _names_a_body(text, m.start(), m.group()) or _agrees_with_next(text, m):
                continue
            ex = re.match(r"(?i)экс-", m.group())  # "[Экс-]советник": NEREL leaves "экс-" out, as "бывший"
            start = m.start() + ex.end() if ex else _acting(text, _adjectives_before(text, m.start(), m.group()))
            out.append(Span(start, m.end(), "POSITION", "rule"))
        for m in list(_IN_CHARGE.finditer(text)) + list(_HOST.finditer(text)):
            if taken.free(m.start(), m.end()) and not _adjective_here(text, m):
                end = _in_charge_end(text, m.end(), names)
                close = quote_close(text, end + 2) if text[end:end + 2].strip() in ("«", '"') else None
                end = close if close and "\n" not in text[end:close] else end  # "ведущей реалити-шоу «Каникулы»"
                start = _acting(text, _adjectives_before(text, m.start(), m.group()))
                out = [s for s in out if not start <= s.start < end]  # the lexicon's bare "главнокомандующим"
                out.append(Span(start, end, "POSITION", "rule"))
    out = [_without_quoted_words(text, _over_its_kind(text, _over_its_branch(
        text, _over_its_degree(text, _over_its_field(text, s, people))))) for s in _adjective_joined(text, out)]
    return sorted((_with_prefix(text, s) for s in out if not _in_a_name(text, s)), key=lambda s: s.start)


_QUOTED_TAIL = re.compile(r"[ \u00a0]+[«\"]([а-яё][^«»\"]*)[»\"]?$")


def _without_quoted_words(text: str, s: Span) -> Span:
    """A title that ends in quoted lower-case words, the last of which may be no genitive, is cut before them: they
    are what is said of the holder, not whose the title is ("заместителя [«личной трагедией»]"; "лидером
    «лесников»" stays)."""
    m = _QUOTED_TAIL.search(text, s.start, s.end)
    words = _WORD.findall(m.group(1)) if m else []
    if not words or m.start() == s.start or any(p.tag.case == "gent" for p in parses(words[-1].lower())[:3]):
        return s
    return Span(s.start, m.start(), s.type, s.source)


# "доктор [физико-математических наук]", "кандидата [исторических наук]": a degree's science is part of it
# (nerel-train: 3 times in 3)
_DEGREE = re.compile(r"(?:доктор|кандидат)[а-яё]*$", re.I)
_SCIENCE = re.compile(r"[ \u00a0]+(?:[а-яё-]+[ \u00a0]+){1,3}наук(?![а-яё])")


def _over_its_degree(text: str, s: Span) -> Span:
    m = _SCIENCE.match(text, s.end) if _DEGREE.search(text, s.start, s.end) else None
    return Span(s.start, m.end(), s.type, s.source) if m else s


# "вице-президент [по финансовому планированию] Анна Котова": what the post is in charge of, before the holder's
# name; not what is said of the holder ("экономист по образованию", "по словам")
_FIELD = re.compile(r"[ \u00a0]+по[ \u00a0]+((?:[а-яё-]+[ \u00a0]+){0,3}?[а-яё-]+)(?:[ \u00a0]+(?=[А-ЯЁ])|(?=[.,;]))")


# a minister's title, then each lower-case word after it: "министром [строительства]", "министра [иностранных дел]"
_MINISTER = re.compile(r"(?:министр|замминистра)[а-яё]*$", re.I)
_NEXT_LOWER = re.compile(r"[ \u00a0]([а-яё]{3,})(?![\w-])")
_KIND_AFTER = re.compile(r"[ \u00a0]([а-яё]+)(?=[ \u00a0]*[,;:.)—–]|[ \u00a0]+[А-ЯЁ])")


def _over_its_kind(text: str, s: Span) -> Span:
    """A post the model stopped at its one word runs on over a lone word for a kind of organisation in the genitive
    after it, before a comma or a name ("Ректор [университета], член-корреспондент РАН ...")."""
    words = _WORD.findall(text, s.start, s.end)
    m = _KIND_AFTER.match(text, s.end)
    if len(words) != 1 or not _post(words[0]) or not m or not is_org_head(m.group(1)) or not any(
            p.tag.case == "gent" and p.tag.POS == "NOUN" for p in parses(m.group(1))[:2]):
        return s
    return Span(s.start, m.end(), s.type, s.source)


def _over_its_branch(text: str, s: Span) -> Span:
    """A minister's title the model stopped at the head runs on over the branch he runs, a lower-case noun in the
    genitive that names no living being, with its adjectives ("Министром строительства стал ...")."""
    head = _MINISTER.search(text, s.start, s.end)
    if not head or s.end - s.start > 14 or any(p.tag.number == "plur" for p in parses(head.group().lower())[:1]):
        return s
    words = [_NEXT_LOWER.match(text, s.end)]
    while words[-1] and len(words) < 3:
        words.append(_NEXT_LOWER.match(text, words[-1].end()))
    words = [w for w in words if w]
    for k in range(len(words), 0, -1):  # the longest run of adjectives and a noun, all in the genitive
        if _thing_of(words[k - 1].group(1)) and all(any(p.tag.POS == "ADJF" and p.tag.case == "gent"
                                                        for p in parses(w.group(1))[:3]) for w in words[:k - 1]):
            return Span(s.start, words[k - 1].end(), s.type, s.source)
    return s


def _over_its_field(text: str, s: Span, people) -> Span:
    m = _FIELD.match(text, s.end)
    if not m or " по " in text[s.start:s.end]:
        return s
    # before the holder's name, or the clause's end after a title in the nominative or the instrumental ("был
    # проректором по научной работе."; not "позицию губернатора по многим вопросам,")
    head = next((w for w in _WORD.findall(text, s.start, s.end) if parses(w.lower())[0].tag.POS == "NOUN"), None)
    cases = {p.tag.case for p in parses(head.lower())[:3] if p.tag.POS == "NOUN" and "anim" in p.tag} if head else set()
    if not people.starting(m.end(), m.end() + 1) and (not cases or not cases <= {"nomn", "ablt"}):
        return s
    words = m.group(1).split()
    last = parses(words[-1])[0]
    datv = any(p.tag.POS == "NOUN" and p.tag.case == "datv" for p in parses(words[-1])[:3])  # "работе" reads both
    if words[-1] in NOT_A_FIELD or last.tag.POS != "NOUN" or not datv or not all(
            parses(w)[0].tag.POS in ("ADJF", "PRTF", "CONJ") or parses(w)[0].tag.case == "datv" for w in words[:-1]):
        return s
    return Span(s.start, s.end + len(m.group().rstrip(" \u00a0")), s.type, s.source)


def _opens_with_title(text: str, s: Span) -> bool:
    first = _WORD.match(text, s.start)
    return bool(first) and _is_head(first.group(), text, s.start)


# "Могила Неизвестного солдата", "Дом офицеров", "Дому учёных": a memorial's or a building's name
_NAME_BEFORE = re.compile(r"(?<![а-яё])(?:[Нн]еизвестно(?:го|му|м)|Дом(?:а|у|ом|е)?)[ \u00a0]+$")


def _in_a_name(text: str, s: Span) -> bool:
    """A title inside the name of a memorial or a building ("Дом офицеров"), or opening a short quoted name with a
    capital, the name of a work: «Доктор Кто», «Артист», «Актриса года» (nerel-train: a title there 6 times in 20)."""
    if _NAME_BEFORE.search(text, max(0, s.start - 14), s.start):
        return True
    close = {"«": "»", '"': '"'}.get(text[s.start - 1:s.start]) if s.start else None
    if not close or not text[s.start].isupper():
        return False
    end = text.find(close, s.end, s.end + 40)
    return end != -1 and "\n" not in text[s.start:end] and len(text[s.start:end].split()) <= 4


_LATIN_PREFIX = re.compile(r"(?<![\w-])[A-Za-z\d]+-$")


def _with_prefix(text: str, s: Span) -> Span:
    """A title begins at a Latin first part joined to it: "[YouTube-блогер]", "[PR-директор]", not "блогер"; or at a
    Russian one when the whole word is a title of the lexicon: "[член-корреспондент]" (not "экс-", "женщина-")."""
    m = _LATIN_PREFIX.search(text, max(0, s.start - 20), s.start)
    if m:
        return Span(m.start(), s.end, s.type, s.source)
    m = _RUSSIAN_PREFIX.search(text, max(0, s.start - 20), s.start)
    word = _WORD.match(text, s.start)
    if m and word and any(p.normal_form in _head_lemmas() for p in parses((m.group() + word.group()).lower())[:2]):
        return Span(m.start(), s.end, s.type, s.source)
    return s


_RUSSIAN_PREFIX = re.compile(r"(?<![\w-])[А-Яа-яЁё]+-$")


# "командующий войсками округа", "управляющий фонда", "заведующий отделением больницы": the participles that
# name a post, which the role nouns (nouns only) miss; nerel-train has them inside a title 30 times in 32, the
# model finding 11 of them
_IN_CHARGE = re.compile(r"(?<![\w-])(?:(?:(?:главно)?командующ|управляющ|заведующ|нападающ)(?:ий|его|ему|им|ем|ие|их|ими)"
                        r"|заведующ(?:ая|ей|ую|ею)|зав\.(?=[ \u00a0]+[а-яё]))(?![\w-])", re.I)  # ("управляющая компания" is no one)
# "Уполномоченный по правам человека", "уполномоченного по правам ребёнка при президенте": the ombudsmen
_OMBUDSMAN = re.compile(r"(?<![\w-])уполномоченн(?:ый|ого|ому|ым|ом|ая|ой|ую)[ \u00a0]+по[ \u00a0]+правам[ \u00a0]+"
                        r"(?:человека|ребёнка|ребенка|детей|предпринимателей|потребителей|коренных[ \u00a0]+народов)"
                        r"(?:[ \u00a0]+(?:при[ \u00a0]+президенте|в[ \u00a0]+(?:Российской[ \u00a0]+Федерации|РФ|России)))?",
                        re.I)
# a presenter: "Ведущий телеканала «Лютик»", "ведущего КВН", "ведущей церемоний открытия" (not "ведущий артист",
# "ведущих мировых компаний": the adjective)
_HOST = re.compile(r"(?<![\w-])ведущ(?:ий|его|ему|им|ем|ая|ей|ую|ие|их|ими)(?=[ \u00a0]+(?:популярн[а-яё]*[ \u00a0]+)?"
                   + HOSTED + ")", re.I)
# "управляющий директор", "управляющий партнёр" are titles of their own noun, which the lexicon or the model find
# whole; "управляющая компания" (agreeing, feminine) is a company, "управляющий компанией FaceCash" its manager
_OWN_TITLE = re.compile(r"[ \u00a0]+(?:директор|партн[её]р)", re.I)
_COMPANY = re.compile(r"[ \u00a0]+(?:компани|организаци)", re.I)
_FEMININE = re.compile(r"(?:ая|ей|ую|ею|ой)$", re.I)


def _adjective_joined(text: str, titles: list[Span]) -> list[Span]:
    """A model's title that is only an adjective, right before the role noun the lexicon found, is one title
    with it ("[частный] [детектив]")."""
    titles = sorted(titles, key=lambda s: s.start)
    out: list[Span] = []
    for s in titles:
        prev = out[-1] if out else None
        if prev and s.source == "rule" and text[prev.end:s.start] in (" ", "\u00a0") and all(
                parses(w.group().lower())[0].tag.POS in ("ADJF", "PRTF") for w in _WORD.finditer(text, prev.start, prev.end)):
            out[-1] = Span(prev.start, s.end, s.type, prev.source)
        else:
            out.append(s)
    return out


def _agrees_with_next(text: str, m) -> bool:
    """A role word that is an adjective too, agreeing with the noun after it: "[Учёный] совет", "военный
    [госпиталь]"."""
    nxt = _NEXT_WORD.match(text, m.end())
    if not nxt:
        return False
    def form(p):  # case, number and, in the singular, gender: what an adjective agrees in
        return p.tag.case, p.tag.number, p.tag.gender if p.tag.number == "sing" else None

    ps = parses(m.group().lower())[:4]
    nouns = {p.normal_form for p in ps if p.tag.POS == "NOUN"}  # a noun that is an adjective too ("учёный"), not
    adj = {form(p) for p in ps if p.tag.POS == "ADJF" and p.normal_form in nouns}  # a rare homonym ("главый")
    return any(form(p) in adj for p in parses(nxt.group(1).lower())[:2]
               if p.tag.POS == "NOUN" and p.tag.animacy == "inan")


def _adjective_here(text: str, m) -> bool:
    """The participle ``m`` found is an adjective of the noun after it, not a title of its own."""
    return bool(_OWN_TITLE.match(text, m.end()) or _FEMININE.search(m.group()) and _COMPANY.match(text, m.end()))


def _in_charge_end(text: str, end: int, names) -> int:
    """Where "командующий ..." ends: over what it is in charge of, in the instrumental ("войсками", "Центральным
    банком") or the genitive ("фонда"), and the genitive words after that ("Сибирского военного округа")."""
    cases = ("ablt", "gent")
    while True:
        m = _NEXT_WORD.match(text, end)
        if not m:
            return end
        word = m.group(1)
        if not names.free(m.start(1), m.end(1)) or _role_word(word):
            return end  # a name or another title begins: "управляющий банком [Агустин Карстенс]", "[генерала]"
        if not word[0].isdigit():
            ps = parses(_last_part(word))[:3]
            if ps[0].tag.POS in ("PREP", "CONJ", "PRCL"):
                return end
            ps = [p for p in ps if p.tag.POS in ("NOUN", "ADJF", "PRTF")]
            if ps and ps[0].tag.POS == "NOUN" and {"anim", "sing"} <= set(ps[0].tag.grammemes):
                return end  # a person: "командующего округом [генерал-полковника] ..."
            if not any(p.tag.case in cases for p in ps):
                return end
            if any(p.tag.POS == "NOUN" and p.tag.case == "ablt" for p in ps):
                cases = ("gent",)  # after the thing in charge, only the genitive words that say whose it is
        end = m.end()


_NEXT_WORD = re.compile(r"[ \u00a0]([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|\d+-[а-яё]+)")


USE_LEXICON = True

# "и. о. главы", "временно исполняющего обязанности председателя", "врио губернатора": part of the title (nerel-train:
# 29 times in 30)
_ACTING = re.compile(r"(?<![\w.-])(?:(?:временно[ \u00a0]+)?исполняющ[а-яё]*[ \u00a0]+обязанности|и\.[ \u00a0]?о\.|"
                     r"врио)[ \u00a0]+$", re.I)


def _acting(text: str, start: int) -> int:
    m = _ACTING.search(text, max(0, start - 50), start)
    return m.start() if m else start


def _after_acting(text: str, start: int, end: int) -> int:
    m = _ACTING_AT.match(text, start, end)
    return m.end() if m else start


_ACTING_AT = re.compile(_ACTING.pattern.replace("(?<![\\w.-])", "").replace("$", ""), re.I)

# posts held in an organisation or a country, which take its name after them ("президента Мали", "советниками
# Белого дома"); a trade does not ("дирижёра [Роттердамского оркестра]", "космонавта [Малайзии]")
_POSTS = frozenset("директор гендиректор худрук руководитель председатель генсек генпрокурор прокурор секретарь "
                   "пресс-секретарь представитель советник заместитель замминистра замглавы начальник командующий "
                   "спикер сенатор депутат член управляющий основатель владелец совладелец спецпредставитель "
                   "спецпосланник ректор проректор декан главврач".split())


def extend_to_body(text: str, titles: list[Span], names: list[Span]) -> list[Span]:
    """A post's title runs on over the organisation or country named right after it in the genitive (or not
    declined), as NEREL draws the title: "президента [Мали]", "вице-президента [Лукойла]"; over the rest of a name
    that starts inside it; over the title of whom it serves; an envoy's over where they are posted."""
    names = ByStart(names)
    titles = _chain_titles(text, titles)
    out = []
    for s in titles:
        # a name that starts inside the title is the title's whole: "пресс-секретаря [Фонда защиты] от наводнений"
        cut = [n.end for n in names.starting(s.start + 1, s.end) if n.end > s.end and "\n" not in text[s.end:n.end]]
        if cut:
            s = Span(s.start, max(cut), s.type, s.source)
        words = _WORD.findall(text, _after_acting(text, s.start, s.end), s.end)
        after = [n for n in names.starting(s.end + 1, s.end + 2) if text[s.end] in " \u00a0"]
        quoted = _QUOTED_NAME.match(text, s.end)
        if not quoted and not after:  # "аналитик [банка «Лютик»]": a word for its kind, in the genitive, between
            kind = _KIND_QUOTED.match(text, s.end)
            quoted = kind if kind and is_org_head(kind.group(1)) and any(
                p.tag.case == "gent" for p in parses(kind.group(1).lower())[:2]) else None
        if quoted and not after:  # "журналиста «Медузы»", "главный редактор радиостанции «Лесное радио»"
            after = [n for n in names.starting(quoted.end(), quoted.end() + 1) if n.type == "ORG"
                     and text[n.end:n.end + 1] == {"«": "»"}.get(text[quoted.end() - 1], '"')]  # its closing quote
        post = words and (_country_post(words[0]) or _post(words[0]))
        if words and after and (quoted or post and _genitive_name(text, after[0])) \
                and not re.match(r"[ \u00a0]*[»\"]?[ \u00a0]+и[ \u00a0]", text[after[0].end:after[0].end + 4]):
            s = Span(s.start, after[0].end, s.type, s.source)
        # and over the land, state or province it serves, when that is named: "министр финансов [австрийской земли
        # Гессен]", "Премьер-министр земли [Гессен]"
        at = None
        if words and _UNIT.fullmatch(words[-1]) and text[s.end:s.end + 1] in (" ", "\u00a0"):
            at = s.end + 1
        elif post:
            unit = _UNIT_AFTER.match(text, s.end)
            at = unit.end() if unit else None
        place = [n for n in names.starting(at, at + 1) if "\n" not in text[s.end:n.end]] if at else []
        if place:
            s = Span(s.start, place[0].end, s.type, s.source)
        # "главы [государства]", "руководителя [региона]": the state a post serves, named by the word alone
        # (nerel-train: inside the title 65 times in 65)
        if post:
            state = _STATE_AFTER.match(text, s.end)
            if state:
                s = Span(s.start, state.end(), s.type, s.source)
        if words and _envoy(words):
            at = re.match(r"[ \u00a0](?:в|во|при|на)[ \u00a0]", text[s.end:s.end + 5])
            to = at and [n for n in names.starting(s.end + at.end(), s.end + at.end() + 1)]
            if to:
                s = Span(s.start, max(n.end for n in to), s.type, s.source)
        out.append(_quote_closed(text, _paired(text, s)))
    return out


_PAIRED_BEFORE = re.compile(r"([А-ЯЁа-яё]+)[ \u00a0]+и[ \u00a0]+$")
_PAIRED_AFTER = re.compile(r"[ \u00a0]+и[ \u00a0]+([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)?)(?![\w-])")


def _paired(text: str, s: Span) -> Span:
    """An adjective and "и" before the title's first adjective, alike in case, number and gender, are the title's
    ("[Чрезвычайный и полномочный посланник]", "[старший и главный инженер]"); and a capitalised adjective
    after its last, a bishop's second see ("[митрополит Лесногорский и Озёрский]")."""
    def form(word: str):
        return {(p.tag.case, p.tag.number, p.tag.gender) for p in parses(word.lower())[:3] if p.tag.POS == "ADJF"}

    words = _WORD.findall(text, s.start, s.end)
    before = _PAIRED_BEFORE.search(text, max(0, s.start - 40), s.start)
    if len(words) > 1 and before and form(before.group(1)) & form(words[0]) \
            and parses(before.group(1).lower())[0].normal_form not in _NOT_PART \
            and not _NEVER_PART.fullmatch(before.group(1)):
        s = Span(before.start(), s.end, s.type, s.source)
    after = _PAIRED_AFTER.match(text, s.end)
    if len(words) > 1 and words[-1][:1].isupper() and after and form(words[-1]) & form(after.group(1)):
        s = Span(s.start, after.end(), s.type, s.source)
    return s


def _quote_closed(text: str, s: Span) -> Span:
    """A title that runs on over a quoted name takes its closing quote too: 'лидер "Народного
    союза Лесной республики — Зелёный фронт"'."""
    inner = text[s.start:s.end]
    if (inner.count('"') % 2 and text[s.end:s.end + 1] == '"') or \
            (inner.count("«") > inner.count("»") and text[s.end:s.end + 1] == "»"):
        return Span(s.start, s.end + 1, s.type, s.source)
    return s


_QUOTED_NAME = re.compile(r"[ \u00a0]+[«\"]")
_KIND_QUOTED = re.compile(r"[ \u00a0]+([а-яё]+)[ \u00a0]+[«\"]")
_UNIT = re.compile(r"(?i)земли|штата|провинции|префектуры|графства|кантона|эмирата|департамента")
_STATE_AFTER = re.compile(r"[ \u00a0](?:государства|региона|республики)(?![\w-])")
_UNIT_AFTER = re.compile(r"[ \u00a0]+(?:[а-яё]+(?:ой|ого)[ \u00a0]+)?(?:" + _UNIT.pattern[4:] + r")[ \u00a0]+")


# an envoy's title takes where they are posted: "посол Чили [в Литве]", "полпред президента [в СКФО]",
# "постпред Литвы [при ООН]" (nerel-train: 26 times in 33)
_ENVOYS = frozenset("посол полпред постпред представитель спецпредставитель посланник консул генконсул".split())


def _envoy(words) -> bool:
    return any(_last_part(w) in _ENVOYS or parses(_last_part(w))[0].normal_form in _ENVOYS for w in words[:3])


def _post(word: str) -> bool:
    word = re.sub(r"^зам(?=[а-яё]{4})", "", _last_part(word))  # "замсекретаря" is a post as "секретаря" is
    return bool({word, parses(word)[0].normal_form} & _POSTS)


def _genitive_name(text: str, name: Span) -> bool:
    first = _WORD.match(text, name.start)
    if not first:
        return True  # Latin letters, digits, a quote: not declined
    w = first.group().lower()
    ps = parses(w)
    return not morph().word_is_known(w) or "Fixd" in ps[0].tag or any(p.tag.case == "gent" for p in ps)

# posts a country or a people has, which take its adjective ("британский премьер", "палестинского лидера"); other
# trades do not ("[американский] актёр", "[японским] космонавтом"). nerel-train: a place adjective is inside the
# title 82 times in 385, nearly all before these heads.
_COUNTRY_POSTS = frozenset("президент вице-президент премьер премьер-министр вице-премьер министр лидер глава "
                           "патриарх архиепископ мэр губернатор деятель полицейский силовик шпион посол "
                           "канцлер король королева монарх правитель госсекретарь".split())


def _country_post(head_word: str) -> bool:
    return bool({_last_part(head_word), parses(_last_part(head_word))[0].normal_form} & _COUNTRY_POSTS)


# "первый" before a post counts holders ("первого президента России"), not part of the title, except where it
# makes a title of its own: "первый заместитель", "первый вице-президент", "первый секретарь", "первая леди"
# (nerel-train: left out before 17 posts of the other kind, kept before 47 of these)
_FIRST = re.compile(r"перв(?:ый|ого|ому|ым|ом|ая|ой|ую|ые|ых|ыми)[ \u00a0]+(?!(?:зам|вице|секретар|леди))", re.I)


def _without_first(text: str, s: Span) -> Span:
    """Without "первый" counting holders, and without "бывший", "будущий", "лучший" ("[Лучшим] актёром"), which the
    model sometimes takes in (nerel-train: inside a title 0 times in 31 for "лучший" and "будущий")."""
    m = _FIRST.match(text, s.start, s.end)
    if m and m.end() < s.end:
        return Span(m.end(), s.end, s.type, s.source)
    words = list(_WORD.finditer(text, s.start, s.end))
    i = 0
    while i < len(words) - 1 and text[words[i].end():words[i + 1].start()] in (" ", "\u00a0") \
            and _NEVER_PART.fullmatch(words[i].group()):
        i += 1
    return Span(words[i].start(), s.end, s.type, s.source) if i else s


def _without_nationality(text: str, s: Span) -> Span:
    """"[Американский] хип-хоп-исполнитель": a nationality is no part of a trade's title."""
    words = list(_WORD.finditer(text, s.start, s.end))
    i = 0
    while i < len(words) - 1 and _place_adjective(words[i].group()):
        i += 1
    if i == 0 or parses(_last_part(words[i].group()))[0].tag.POS != "NOUN" or _country_post(words[i].group()):
        return s
    return Span(words[i].start(), s.end, s.type, s.source)


@lru_cache(maxsize=1)
def _head_lemmas() -> frozenset[str]:
    """The role nouns of the lexicon and the women's forms of them the dictionary knows ("журналистка",
    "художница", "чиновница")."""
    heads = set(position_heads())
    for head in list(heads):
        for fem in ({head[:-3] + "ница"} if head.endswith("ник") else set()) | {head + "ка"}:
            if morph().word_is_known(fem) and any(p.normal_form == fem and "femn" in p.tag for p in parses(fem)):
                heads.add(fem)
    return frozenset(heads)


@lru_cache(maxsize=1)
def _head_forms() -> frozenset[str]:
    """Every inflected form of every role noun of the lexicon."""
    return noun_forms(_head_lemmas())


# a compound's last part or a word without its prefix can be the role: "хип-хоп-исполнитель", "госсоветник"
_ROLE_PART = re.compile(r"^(?:экс-|вице-|зам-|.+-|(?:медиа|нейро|гос|видео|фото|кино|теле|арт|поп|рок|супер|ультра|"
                        r"экс|топ|зам|бундес)(?=[а-яё]{4}))")


# whose words or view: a person ("по словам аналитика", where "аналитика" reads first as "analytics")
_SAID_BY = re.compile(r"(?<![а-яё])(?:по[ \u00a0]+(?:словам|мнению|оценке|оценкам|подсчётам|подсчетам)|слова|мнение)"
                      r"[ \u00a0]+$", re.I)


def _role_word(word: str) -> bool:
    """A role noun of the lexicon, whole or by its last part ("генерал-полковника")."""
    return _is_head(word) or _is_head(_last_part(word))


def _is_head(word: str, text: str = "", at: int = 0, names=None) -> bool:
    """A role noun of the lexicon, in a form whose likelier reading is a person, or any reading where someone's
    words are quoted before it in ``text`` at ``at`` ("по словам аналитика") or a name (in the coverage ``names``)
    follows it ("частный детектив Пётр Сомов")."""
    w = word.lower()
    if word[:1].isupper() and word[1:2].isupper():
        return False
    base = w
    if base not in _head_forms():
        base = _ROLE_PART.sub("", w)
        if base not in _head_forms():
            return False  # a set lookup spares a morphological parse of every word of the text
    heads = _head_lemmas()
    ps = parses(base)
    if names is not None and ps[0].normal_form in heads and any(
            p.normal_form == ps[0].normal_form and "anim" in p.tag for p in ps[:2]):
        nxt = _NEXT_WORD.match(text, at + len(word))
        if nxt and not names.free(nxt.start(1), nxt.start(1) + 1):
            return True  # one word for a thing and a person ("детектив"): a name after it says which
    person = bool(text) and bool(_SAID_BY.search(text, max(0, at - 20), at))  # past the set look-ups: rarely run
    if ps[0].tag.POS == "NOUN" and "inan" in ps[0].tag and not person:
        return False  # "политику", "премьера": the likelier reading is a thing, not a person
    return any(p.normal_form in heads and p.tag.POS == "NOUN" and "anim" in p.tag for p in ps[:3 if person else 2])


# японский, британский, нью-йоркский; not "бывший", "юный", "политический"
_PLACE_ADJ = re.compile(r"(?<!че)(?:ск|цк)ий$")


def _adjectives_before(text: str, start: int, head_word: str) -> int:
    """Adjectives of a country or place before a post of a country belong to it ("японского монарха", not
    "американский актёр"), and so does a capitalised adjective opening the sentence ("Финансовый директор банка"), which the model tends to miss."""
    head = parses(_last_part(head_word))[0]
    while True:
        prev = re.search(r"([А-Яа-яЁё-]+)[ \u00a0]+$", text[max(0, start - 40):start])
        if not prev:
            return start
        ps = parses(prev.group(1).lower())
        if any(q.tag.POS == "COMP" for q in ps[:3]) or "летн" in prev.group(1).lower() \
                or _NEVER_PART.fullmatch(prev.group(1)):
            return start  # "Позднее президент": a comparative, not an adjective; "Семидесятилетний": an age
        p = next((p for p in ps[:3] if p.tag.POS in ("ADJF", "PRTF")
                  and p.tag.case == head.tag.case and (not p.tag.number or p.tag.number == head.tag.number)), None)
        if p is None or "Apro" in p.tag:  # a pronoun is no part of it: "Сам губернатор", "Её адвокат", "Некоторым"
            return start
        lemma = p.normal_form
        if p.tag.POS == "PRTF":  # "приглашённым": the participle's own nominative, not its verb
            form = p.inflect({"masc", "sing", "nomn"})
            lemma = form.word if form else lemma
            if lemma not in _RANK:
                return start
        at = start - len(prev.group(0))
        opening = prev.group(1)[0].isupper() and bool(re.search(r"(?:^|[.!?…]|\n)[ \u00a0]*$", text[max(0, at - 3):at]))
        if _PLACE_ADJ.search(lemma):
            if not _country_post(head_word):
                return start
        elif lemma not in _RANK and (lemma, head.normal_form) not in _TITLE_PAIRS and not (
                lemma == "первый" and _FIRST_OF.match(head_word.lower())) and (not opening or lemma in _NOT_PART):
            return start
        start -= len(prev.group(0))


# adjectives that make a rank of the title itself: "старшим исследователем", "запасным вратарём"
_RANK = frozenset("главный старший младший запасной запасный генеральный исполнительный художественный приглашённый "
                  "приглашенный".split())
# "первый" is part of a deputy's title ("первым вице-премьером", "первого заместителя"), not of "первый президент"
_FIRST_OF = re.compile(r"зам|вице|заместител|секретар|леди")
# an adjective that is part of one title: "народный депутат" (a member of Ukraine's parliament), "чрезвычайный и
# полномочный посол"
_TITLE_PAIRS = frozenset({("народный", "депутат"), ("полномочный", "посол"), ("чрезвычайный", "посол"),
                          ("полномочный", "представитель")})
_NOT_PART = frozenset("бывший нынешний покойный известный знаменитый новый прежний действующий народный заслуженный "
                      "почётный легендарный неназванный великий выдающийся молодой опытный влиятельный именитый "
                      "тогдашний отставной предыдущий любимый единственный".split())  # "Народный артист" is an honour, not part of the trade


_NEVER_PART = re.compile(r"(?:бывш|будущ|лучш)(?:ий|его|ему|им|ем|ая|ей|ую|ие|их|ими)|его|её|ее|их", re.I)

# people named by what happens to them or where they are, not by a post or a trade
_NOT_TITLES = frozenset("пациент житель гражданин пассажир зритель заключённый заложник потерпевший пострадавший "
                        "очевидец свидетель подозреваемый обвиняемый посетитель покупатель клиент пользователь "
                        "избиратель налогоплательщик жертва беженец мигрант турист оппонент соперник противник "
                        "сторонник соратник поклонник".split())  # nerel-train: none of the last six a title in 98
_NOT_TITLES |= frozenset("пациентка жительница гражданка пассажирка зрительница заложница очевидица свидетельница "
                         "посетительница покупательница клиентка пользовательница избирательница беженка мигрантка "
                         "туристка оппонентка соперница противница сторонница соратница поклонница".split())  # women's


_BODY_OF = re.compile(r"(?<![а-яё])(?:совет|палат)[а-яё]*[ \u00a0]+$", re.I)


def _names_a_body(text: str, start: int, words: str) -> bool:
    """"совет директоров", "Палата представителей": part of a body's name, no title (nerel-train: a title 2
    times in 30)."""
    return words.lower() in ("директоров", "представителей") and bool(_BODY_OF.search(text, max(0, start - 20), start))


def _is_title(text: str, s: Span) -> bool:
    """A position span that starts with a verb or a preposition is the model's mistake."""
    first = re.match(r"[\w-]+", text[s.start:s.end])
    if not first:
        return False
    first_ps = parses(first.group().lower())
    pos = first_ps[0].tag.POS
    if pos in ("VERB", "INFN", "PREP", "CONJ", "PRCL", "GRND", "ADVB", "ADJS"):
        return False
    if pos == "PRTF" and first.end() == s.end - s.start and not person_participle(first_ps) \
            and first_ps[0].normal_form not in _head_lemmas():
        return False  # a participle alone names no one: "[посвящённых] юбиляру" ("нападающего" does)
    if _names_a_body(text, s.start, first.group()):  # "[директоров банка HSBC]" of "совет директоров банка"
        return False
    words = re.findall(r"[А-Яа-яЁё-]+", text[_after_acting(text, s.start, s.end):s.end])
    for i, w in enumerate(words):
        ps = parses(_last_part(w))
        if ps[0].tag.POS == "NOUN":  # the head: a title names a person, so it is animate
            if ps[0].normal_form in _NOT_TITLES:
                return False
            # a thing before a thing it is of: "[Модель коронавируса]" (but "модель агентства", "стражей порядка")
            if "anim" not in ps[0].tag and ps[0].tag.number == "sing" and i + 1 < len(words) \
                    and all(p.normal_form == ps[0].normal_form for p in ps[:3] if p.tag.POS == "NOUN") \
                    and words[i + 1].islower() and _thing_of(words[i + 1]):
                return False
            return any("anim" in p.tag for p in ps[:3] if p.tag.POS == "NOUN")
    # no noun: "президентских [выборах]", "депутатскую [фракцию]", which NEREL counts as titles too; not an adjective of
    # no post before an organisation's kind: "Хоккейный [клуб]"
    nxt = _NEXT_WORD.match(text, s.end)
    root = re.sub(r"(?:ск|цк|н)?(?:ий|ый|ой)$", "", first_ps[0].normal_form)
    return not (nxt and is_org_head(nxt.group(1)) and root not in _head_lemmas())


def _thing_of(word: str) -> bool:
    """A noun in the genitive that never names a living being, nor a body ("агентства")."""
    ps = [p for p in parses(word.lower())[:3] if p.tag.POS == "NOUN"]
    return bool(ps) and ps[0].tag.case == "gent" and not any("anim" in p.tag for p in ps) and not is_org_head(word)


def _rejoined(text: str, spans) -> list:
    """Two of the model's titles that are one, cut between an adjective and the noun it agrees with: "[ведущего
    научного] [сотрудника института]"."""
    titles = sorted((s for s in spans if s.type == "POSITION"), key=lambda s: s.start)
    out = [s for s in spans if s.type != "POSITION"]
    for s in titles:
        prev = out[-1] if out and out[-1].type == "POSITION" else None
        if prev is not None and text[prev.end:s.start] in (" ", "\u00a0") and _agree_across(text, prev, s):
            out[-1] = Span(prev.start, s.end, s.type, s.source)
        else:
            out.append(s)
    return out


def _agree_across(text: str, a: Span, b: Span) -> bool:
    """Whether the first span is adjectives only, the last of them agreeing with the second's first noun."""
    words = _WORD.findall(text, a.start, a.end)
    last, first = words[-1:], _WORD.findall(text, b.start, b.end)[:1]
    if not last or not first or any(parses(w.lower())[0].tag.POS not in ("ADJF", "PRTF") for w in words):
        return False
    adj = [p for p in parses(last[0].lower())[:2] if p.tag.POS in ("ADJF", "PRTF")]
    noun = [p for p in parses(first[0].lower())[:2] if p.tag.POS == "NOUN"]
    return any(
        p.tag.case == q.tag.case and p.tag.number == q.tag.number for p in adj for q in noun)


def _mend(text: str, s: Span, people) -> Span | None:
    """Cut a title before a name that starts inside it, close or drop a quote it opens, and drop words at
    its end that cannot end a title ("лидер по-прежнему", "президента 54 года")."""
    start, end = s.start, s.end
    age = re.match(r"(?:[\d\s-]*|[А-ЯЁа-яё]+)летн[а-яё]*[ \u00a0]+|[^\w«]+", text[start:end])  # "[19-летний] кронпринц"
    if age:
        start += age.end()
    named = re.search(r"(?<![а-яё])(?:им\.?|имени)(?![а-яё])", text[start:end])
    named = named and named_after(text, start + named.start())
    if named:  # "Глава Общества имени Иоганна Себастьяна Баха": the name is part of the title
        end = max(end, named[1])
    for p in people.starting(start - 200, end):  # names are shorter than 200 characters
        if p.start <= start < p.end:
            return None  # the model took a name for a title
        if start < p.start < end and not (named and named[0] <= p.start < named[1]):
            end = p.start
            break
    dash = re.search(r"[ \u00a0][-–—][ \u00a0]", text[start:end])  # "президента – ныне госсоветника"
    if dash:
        end = start + dash.start()
    age = re.search(r"[ \u00a0]+\d{1,3}[ \u00a0]+(?:год|года|лет)$", text[start:end])  # "президента 54 года"
    if age:
        end = start + age.start()
    span = text[start:end]
    if span.endswith("»") and "«" not in span:  # «[король азартных игр»]: the quote opened before the title
        end -= 1
        span = text[start:end]
    if span.count("«") > span.count("»"):
        end = quote_close(text, end) or start + span.rfind("«")
    while True:
        words = list(_WORD.finditer(text, start, end))
        while end > start and not text[end - 1].isalnum() and text[end - 1] not in "»\")":
            end -= 1
        tail = re.search(r"[\w-]+$", text[start:end])
        if not tail or len(words) <= 1 or end <= start:
            break
        word = tail.group()
        pos = parses(word.lower())[0].tag.POS if not word.isdigit() else "NUMR"
        if pos in _TAIL_POS and not word[:1].isupper() or pos == "NOUN" and word.islower() and _said_to(
                text[start:start + tail.start()], word):
            end = start + tail.start()
            continue
        break
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None
    return Span(start, end, s.type, s.source)


_TO_WHAT = re.compile(r"(?<![а-яё])(?:по|к|ко)(?![а-яё])", re.I)


# whose aide or deputy a rank may follow ("помощник генерала"): the rank is whom they serve
_SERVES = frozenset("помощник заместитель адъютант советник секретарь пресс-секретарь референт охранник водитель "
                    "адвокат представитель помощница заместительница советница представительница".split())


_SERVES_OR_BESIDE = _SERVES | _SERVES_ALSO


def _serves(word: str) -> bool:
    return parses(word.lower())[0].normal_form in _SERVES


def titles_apart(text: str, spans) -> list:
    """Two titles a model drew as one across a comma, the second a role in the first one's case, as two:
    "[художественный руководитель театра], [народный артист]" (a comma before a field or a body stays inside:
    "министр образования, науки и культуры")."""
    out = []
    for s in spans:
        comma = text.find(", ", s.start, s.end) if s.type == "POSITION" else -1
        first = head_noun(text, s.start, comma) if comma != -1 else None
        role = next((w for w in _WORD.findall(text, comma, s.end) if _role_word(w)), None) if first else None
        if role is None or not any(p.tag.case == first.tag.case for p in parses(role.lower())[:1]):
            out.append(s)
        else:
            out += [Span(s.start, comma, s.type, s.source), Span(comma + 2, s.end, s.type, s.source)]
    return out


def _rank_apart(text: str, s: Span) -> list[Span]:
    """A rank at the end of a title is the holder's own title, apart from it: "избрал [ректором] [профессора] Анну
    Котову", "[командующего округом] [генерал-полковника] Олега Лапина"; not after whom it serves ("помощник
    генерала")."""
    words = list(_WORD.finditer(text, s.start, s.end))
    rank = RANK.search(text, s.start, s.end)
    if len(words) < 2 or not rank or rank.start() <= words[0].start():  # (RANK ends where the title does)
        return [s]
    before = [w for w in words if w.end() <= rank.start()]
    if not before or _serves(before[-1].group()):
        return [s]
    head = Span(s.start, before[-1].end(), s.type, s.source)
    return [head, Span(rank.start(), s.end, s.type, s.source)] if _is_title(text, head) else [s]


def _said_to(before: str, word: str) -> bool:
    """A noun only in the dative at a title's end, after a word in another case and with no "по" or "к" in the
    title, is whom something was said or given to: "сказал министр [журналистам]" (a title ends in the dative only
    when whole in it, "премьер-министру", or after "по": "специалистом по налогам")."""
    ps = [p for p in parses(word.lower())[:3] if p.tag.POS == "NOUN"]
    if not ps or ps[0].tag.case != "datv" or any(p.tag.case in ("nomn", "gent", "accs", "ablt", "loct") for p in ps):
        return False
    prev = re.search(r"([\w-]+)\W*$", before)
    return bool(prev) and not any(p.tag.case == "datv" for p in parses(prev.group(1).lower())[:3]) \
        and not _TO_WHAT.search(before)


def _chain_titles(text: str, titles: list[Span]) -> list[Span]:
    """"Полпред [президента РФ]", "тренер [вратарей]": a title followed by the genitive title of those it serves is
    one title, unless the first already ends in a genitive ("главы администрации [президента]" stays two) or the
    second is a rank that is the holder's own ("избрал ректором [профессора] Анну Котову")."""
    out: list[Span] = []
    for s in sorted(titles, key=lambda s: s.start):
        prev = out[-1] if out else None
        if prev and re.fullmatch(r"[ \u00a0](?:экс-)?", text[prev.end:s.start], re.I):  # "пресс-секретарю экс-президента"
            first = _WORD.match(text, s.start)
            last = _WORD.findall(text, prev.start, prev.end)[-1:]
            if first and last and any(p.tag.case == "gent" for p in parses(_last_part(first.group()))[:2]) \
                    and parses(_last_part(last[0]))[0].tag.case != "gent" \
                    and not (RANK.fullmatch(text, s.start, s.end) and not _serves(last[0])):
                out[-1] = Span(prev.start, s.end, prev.type, prev.source)
                continue
        out.append(s)
    return out
