"""Who works where when no title says it: a verb or a phrase ties a person to an organisation.

"Иван Котов возглавил «Ромашку»", "Анна Котова работает в компании «Лютик»", "Олег Лапин выступал за «Зенит»",
"правительство во главе с Иваном Котовым", "театр под руководством Олега Лапина", "«Ромашка», которую
возглавляет Иван Котов". A title linked to its holder and organisation says the same thing already
("директор «Ромашки» Иван Котов"); these are the links without one.
"""
from __future__ import annotations

import dataclasses
import re

from .morph import WORD, parses, verb_gender
from .orgs import owned_name
from .positions import ANOTHER_TIME, nominative_words, person_gender
from .spans import ByStart, covered, sentence_at
from .types import Affiliation, Mention

# verb (infinitive) -> (kind, the prepositions its organisation follows; empty: a direct object)
_VERBS = {
    **dict.fromkeys(("возглавлять", "возглавить", "руководить", "командовать", "управлять"), ("head", ())),
    **dict.fromkeys(("работать", "поработать", "проработать", "трудиться", "служить", "прослужить", "отслужить",
                     "числиться", "стажироваться", "преподавать"), ("works", ("в", "во", "на"))),
    **dict.fromkeys(("перейти",), ("works", ("в", "во"))),
    # "устроился в «Ромашку»", "вернулся в «Спартак»" ("пришли в Госдуму" is a visit)
    **dict.fromkeys(("устроиться", "вернуться"), ("works", ("в", "во", "на"))),
    **dict.fromkeys(("тренировать",), ("works", ())),  # "тренировал «Зенит»"
    **dict.fromkeys(("играть", "поиграть"), ("plays", ("за", "в", "во"))),
    # "выступал в парламенте" is speaking there: a team after "за" only, or "в составе"
    **dict.fromkeys(("выступать", "выступить"), ("plays", ("за",))),
    # a team after "за" that matches were played for: "провёл 17 матчей за «Зенит»", "сыграл за «Спартак»"
    **dict.fromkeys(("сыграть", "провести"), ("plays", ("за",))),
    **dict.fromkeys(("покинуть", "покидать"), ("left", ())),
    **dict.fromkeys(("уйти", "уволиться", "уходить"), ("left", ("из",))),
}
_STEMS = re.compile(r"(?<![а-яё])(?:возглав|руковод|команд|рабо?т|порабо|прорабо|труд|служ|прослуж|отслуж|числ|стажир|препод|"
                    r"переш|перей|игра|игр|поигр|сыгр|пров[её]|тренир|устро|верн|выступ|покин|покид|уш[её]л|ушл|уйд|увол|уход|"
                    r"управ)[а-яё]*", re.I)
_GAMES = re.compile(r"(?<![а-яё])(?:матч|игр|сезон|поедин|встреч)[а-яё]*", re.I)
_AS_VERB = ("VERB", "INFN", "PRTF", "PRTS", "GRND")
# what may stand between a subject and its verb besides adverbs: a relative pronoun, a linking verb, one of
# going on ("Котов, который с 2010 года возглавляет", "Котова будет возглавлять", "Лапин продолжает работать");
# not one of wanting or being able: "хочет работать в «Ромашке»" is not working there
_AUXILIARY = frozenset("быть стать продолжать продолжить начать начинать успеть остаться оставаться".split())
_GAP = 80  # characters between a subject and its verb, or a verb and its organisation, at most
# the organisation first, its head after: "правительство во главе с Иваном Котовым", "театр под руководством
# Олега Лапина", "«Ромашка», возглавляемая Анной Котовой" (a title may come between: "во главе с премьером ...")
_LED_BY = re.compile(r"(?:во[ \u00a0]+главе[ \u00a0]+с(?:о)?|под[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?(?:руководством|управлением)|"
                     r"возглавля?ем[а-яё]+)[ \u00a0]+(?:[а-яё-]+[ \u00a0]+){0,2}$", re.I)
_FROM = re.compile(r"[ \u00a0]+(из)[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?[«\"„“]?$")
_ABBR_IN_BRACKETS = re.compile(r"[ \u00a0]*\([A-ZА-ЯЁ][\w&-]*\)")
_QUOTES = " \u00a0»\"'“”"
_SENTENCE_STOP = re.compile(r"[.!?;:()«»\"\n]")
# a list of organisations after one verb: "выступал за «Зенит», «Спартак» и ЦСКА"
_AND = re.compile(r"[»\"'“” \u00a0]*(?:,|и|,[ \u00a0]*а[ \u00a0]+также)[ \u00a0]*[«\"'“„]*$")
_WHICH = re.compile(r"[ \u00a0]*[,(][ \u00a0]*(котор(?:ый|ая|ое|ые|ую|ого|ой|ом|ым))(?![а-яё])", re.I)
_WHO = frozenset(("который", "которая", "которые"))
_HE = re.compile(r"(?<![а-яё])(?:он|она)(?![а-яё])", re.I)
_BACK = 300  # characters before "он" its antecedent is looked for in
_STOP = re.compile(r"[.!?;:\n«»\"]")  # what ends the stretch between a subject and its verb


def find_affiliations(text: str, sents, people, organisations) -> list[Affiliation]:
    """The (person, organisation) pairs a sentence ties by a verb or a phrase, each once, in text order."""
    orgs = ByStart(((m, o.id) for o in organisations for m in o.mentions), key=lambda x: x[0])
    in_org = covered(text, [m for m, _ in orgs.items])
    mentions = ByStart(((m, p.id) for p in people for m in p.mentions if in_org.free(m.start, m.start + 1)),
                       key=lambda x: x[0])
    gender = {p.id: person_gender(p) for p in people}
    nominative = {p.id: nominative_words(p) for p in people}
    sents = sorted(sents)
    out: dict[tuple[str, str], Affiliation] = {}

    def add(m, pid, o, oid, cue, kind):
        if (pid, oid) not in out:
            out[pid, oid] = Affiliation(pid, oid, kind, Mention(m.start, m.end, m.text), Mention(o.start, o.end, o.text),
                                        Mention(cue[0], cue[1], text[cue[0]:cue[1]]))

    for verb in _STEMS.finditer(text):
        if verb.group().lower().startswith("управляющ"):
            continue  # "управляющий банком" is a title
        p = next((p for p in parses(verb.group().lower())[:2] if p.tag.POS in _AS_VERB and p.normal_form in _VERBS),
                 None)
        if p is None:
            continue
        kind, preps = _VERBS[p.normal_form]
        lo, hi = sentence_at(sents, verb.start(), len(text))
        objects = _objects(text, verb.end(), hi, preps, mentions, orgs)
        if p.normal_form == "провести" and objects and not _GAMES.search(text, verb.end(), objects[0][0].start):
            continue  # "провёл 17 матчей за «Зенит»", not "провёл встречу за ..."
        subjects = _subjects(text, lo, verb, p, mentions, gender, nominative) if objects else []
        if not subjects and not preps:  # "«Ромашку», которую возглавляет Иван Котов", "«Ромашку» возглавит Котов"
            objects = _object_before(text, lo, verb, orgs, mentions)
            subjects = _subject_after(text, verb, hi, mentions, nominative) if objects else []
            for (o, oid), (m, pid) in _list_on(text, subjects[-1:], hi, orgs, mentions, nominative):
                add(m, pid, o, oid, verb.span(), kind)  # ", «Лютик» — Олег Лапин": the verb left out
        for m, pid in subjects:
            for o, oid in objects:
                add(m, pid, o, oid, verb.span(), kind)
    for m, pid in mentions.items:  # "Иван Котов из «Ромашки»", "Анна Котова из группы «Лютик»"
        at = orgs.starting(m.end, m.end + 40)
        from_ = _FROM.match(text[m.end:at[0][0].start]) if at else None
        if from_:
            add(m, pid, *at[0], (m.end + from_.start(1), m.end + from_.end(1)), "works")
    for m, pid in mentions.items:  # the organisation before, its head after
        lo, _ = sentence_at(sents, m.start, len(text))
        led = _LED_BY.search(text, max(lo, m.start - 60), m.start)
        if not led or mentions.starting(led.start(), m.start):
            continue
        a = led.start()
        a -= len(text[lo:a]) - len(text[lo:a].rstrip(" \u00a0,"))
        # "Союз правообладателей (СП) во главе с": its abbreviation may come between
        before = [x for x in orgs.within(max(lo, a - 120), a + 1)
                  if not _ABBR_IN_BRACKETS.sub("", text[x[0].end:a]).strip(_QUOTES)]
        if before:
            cue = re.match(r"[^ \u00a0]+(?:[ \u00a0]+[^ \u00a0]+){0,2}", led.group())
            add(m, pid, *before[-1], (led.start(), led.start() + cue.end()), "head")
    return sorted(out.values(), key=lambda a: (min(a.person_mention.start, a.organisation_mention.start), a.person))


def with_organisations(text: str, positions, ties, sents) -> list:
    """Positions whose holder's affiliation said in the title's sentence (its verb there, not only the name) gives the
    organisation the title lacks:
    "Иван Котов, опытный менеджер, в 2010 году возглавил «Ромашку»" (the manager of «Ромашка»)."""
    sents = sorted(sents)
    where: dict = {}  # (person, sentence) -> their first affiliation there
    for a in ties:
        where.setdefault((a.person, sentence_at(sents, a.cue.start, len(text))), a)
    titles = ByStart(positions)
    out = []
    for p in positions:
        a = where.get((p.person, sentence_at(sents, p.start, len(text)))) if p.person and not p.organisation else None
        # not the organisation of another title between the verb and it ("Анна Котова, работавшая ректором
        # университета"), nor one said of another time ("возглавит министерство — до назначения она была директором")
        if a and not any(t is not p for t in titles.within(a.cue.end, a.organisation_mention.end)) \
                and not ANOTHER_TIME.search(text, min(a.cue.end, p.start), max(a.cue.start, p.end)):
            p = dataclasses.replace(p, organisation=a.organisation)
        out.append(p)
    return out


def _objects(text, start, hi, preps, mentions, orgs):
    """The organisations a verb ending at ``start`` takes: the first named within reach, after one of ``preps``
    when it takes one, with no one named, no other verb and no stop between; and the rest of its list."""
    at = orgs.starting(start, min(hi, start + _GAP))
    if not at:
        return []
    o, oid = at[0]
    gap = text[start:o.start]
    # the list may be announced: "выступал за команды: «Зенит», ...", "играл за шесть команд («Зенит», ...)"
    gap_ = re.sub(r"[ \u00a0]*[:(—–-][ \u00a0]*$", " ", gap.rstrip(_QUOTES + "«„"))
    if _SENTENCE_STOP.search(gap_) or "," in gap or mentions.starting(start, o.start):
        return []
    words = [w.lower() for w in WORD.findall(gap)]
    if any(parses(w)[0].tag.POS in ("VERB", "INFN") for w in words):
        return []
    if preps:
        last = [w for w in words if w in preps or parses(w)[0].tag.POS == "PREP"]
        if words[-2:] == ["в", "составе"]:
            last = ["в"] if "в" in preps else ["за"]  # "выступал в составе «Зенита»"
        if not last or last[-1] not in preps:
            return []
    elif words and parses(words[0])[0].tag.POS == "PREP" and len(words) <= 2:
        return []  # "возглавлял в «Ромашке» отдел": what is led is not the organisation
    found = [owned_name(text, (o, oid), orgs)]
    for o2, oid2 in orgs.starting(o.end, min(hi, o.end + 300)):
        if o2.start < found[-1][0].end:
            continue
        if not _AND.match(text[found[-1][0].end:o2.start]) or mentions.starting(found[-1][0].end, o2.start):
            break
        found.append((o2, oid2))
    return found


def _subjects(text, lo, verb, p, mentions, gender, nominative):
    """Who a verb says something of: named before it in its sentence, in the nominative, or as the word
    "который" (or a participle after a comma) refers to, with no one else named, no other verb and no stop
    between; a plural verb, every name of the list ("Котов и Лапин возглавили")."""
    before = mentions.starting(lo, verb.start())
    pronoun = list(_HE.finditer(text, before[-1][0].end if before else lo, verb.start()))
    if pronoun:  # "Котов родился в Томске. В 2001 году он возглавил «Ромашку»"
        said = "femn" if pronoun[-1].group().lower() == "она" else "masc"
        gap = text[pronoun[-1].end():verb.start()]
        if len(gap) > _GAP or _stop(text, pronoun[-1].end(), verb.start()) or "," in gap or not _plain(gap):
            return []
        back = [x for x in mentions.starting(max(0, pronoun[-1].start() - _BACK), pronoun[-1].start())
                if gender.get(x[1], "?") == said]
        return back[-1:]
    which = [w for w in _WHICH.finditer(text, lo, verb.start()) if w.group(1).lower() in _WHO]
    if which and not any(_nominative(x.text, nominative[q]) for x, q in mentions.starting(which[-1].end(), verb.start())):
        # "Котов, который при Лапине возглавлял": the name before "который"
        w = which[-1]
        if _stop(text, w.end(), verb.start()):
            return []
        named = [x for x in before if x[0].end <= w.start() and not text[x[0].end:w.start()].strip(_QUOTES)]
        if not named:
            return []
        m, pid = named[-1]
        gap = ""
    else:
        if not before or before[-1][0].end > verb.start():
            return []
        m, pid = before[-1]
        gap = text[m.end:verb.start()]
        if len(gap) > 2 * _GAP or _stop(text, m.end, verb.start()):
            return []
        clause = re.fullmatch(r"[ \u00a0]*,[ \u00a0]*(?:[а-яё]+[ \u00a0]+){0,3}", gap)
        if clause and p.tag.POS in ("PRTF", "GRND"):
            gap = ""  # "Анна Котова, ранее возглавлявшая «Ромашку»"
        elif _predicates(gap, p) and _nominative(m.text, nominative[pid]):
            gap = ""  # "Котова окончила институт, работала в «Ромашке»"
        elif len(gap) > _GAP:
            return []
        elif "," in gap and not re.fullmatch(r"[ \u00a0]*,[^,]*,[ \u00a0]*(?:[^\s,]+[ \u00a0]+){0,4}", gap):
            return []  # "Котов, 45 лет, [в течение 12 лет] возглавлял" but not across a clause
        elif not _nominative(m.text, nominative[pid]):
            return []
    if not _plain(gap):
        return []
    said = verb_gender(verb.group())
    if said and gender.get(pid, "?") not in ("?", said):
        return []
    found = [(m, pid)]
    if p.tag.number == "plur":
        for x in reversed([x for x in before if x[0].end <= m.start]):
            if not _AND.match(text[x[0].end:found[-1][0].start]):
                break
            found.append(x)
    return found


def _plain(gap: str) -> bool:
    """No other verb (but a linking or modal one) and no conjunction of clauses between a subject and its verb."""
    for w in WORD.findall(gap):
        q = parses(w.lower())[0]
        if q.tag.POS in ("VERB", "INFN", "PRTF", "GRND") and q.normal_form not in _AUXILIARY:
            return False
        if w.lower() in ("а", "но", "и", "или"):
            return False
    return True


_SUBORDINATE = re.compile(r"(?<![а-яё])(?:что|чтобы|когда|где|если|котор[а-яё]+|как|пока|хотя|потому|поскольку|"
                          r"тогда|после|однако|но|а|или)(?![а-яё])", re.I)


def _predicates(gap: str, p) -> bool:
    """The gap is other predicates of the same subject: "родилась в Томске, окончила институт и", each a verb in
    the past agreeing with this one, joined by commas or "и", with no clause of its own."""
    # the last join may be ", а" and words of when before this verb: "преподавал в МГУ, а в 2010-х возглавлял"
    gap = re.sub(r",[ \u00a0]+а[ \u00a0]+(?:[^\s,]+[ \u00a0]+){0,3}$", ",", gap) if not _verb_in(gap[-40:]) else gap
    if p.tag.POS != "VERB" or _SUBORDINATE.search(gap) or not re.search(r"(?:,|[ \u00a0]и)[ \u00a0]*$", gap):
        return False
    first = re.match(r"[ \u00a0]*,[ \u00a0]*([а-яё]+)", gap)
    if first and parses(first.group(1))[0].tag.POS == "VERB":
        return False  # a subject is not cut from its first verb by a comma: "в семье Анны Котовой, окончила"
    verbs = [q for w in WORD.findall(gap) for q in parses(w.lower())[:1] if q.tag.POS == "VERB"]
    return bool(verbs) and all(q.tag.tense == p.tag.tense and q.tag.gender == p.tag.gender and
                               q.tag.number == p.tag.number for q in verbs)


def _verb_in(words: str) -> bool:
    return any(parses(w.lower())[0].tag.POS == "VERB" for w in re.findall(r"[а-яё]+", words.rsplit(",", 1)[-1]))


def _stop(text, a, b) -> bool:
    return bool(_STOP.search(text, a, b))


_DASH = re.compile(r"[ \u00a0]*[—–-][ \u00a0]*")


def _list_on(text, subjects, hi, orgs, mentions, nominative):
    """The pairs a list goes on with after "«Ромашку» возглавил Иван Котов", its verb left out: ", «Лютик» — Олег
    Лапин, «Василёк» — Пётр Сомов"."""
    out = []
    end = subjects[0][0].end if subjects else hi
    while end < hi:
        at = orgs.starting(end, min(hi, end + 8))
        if not at or not re.fullmatch(r",[ \u00a0]+(?:а[ \u00a0]+)?[«\"„]?", text[end:at[0][0].start]):
            break
        o_end = at[0][0].end + (text[at[0][0].end:at[0][0].end + 1] in _QUOTES)
        who = mentions.starting(o_end, min(hi, o_end + 5))
        if not who or not _DASH.fullmatch(text[o_end:who[0][0].start]) or \
                not _nominative(who[0][0].text, nominative[who[0][1]]):
            break
        out.append((at[0], who[0]))
        end = who[0][0].end
    return out


def _object_before(text, lo, verb, orgs, mentions):
    """The organisation a verb of leading takes before it: "«Ромашку», которую возглавляет", "«Ромашку» возглавит"."""
    which = list(_WHICH.finditer(text, lo, verb.start()))
    end = which[-1].start() if which else verb.start()
    if which and (_stop(text, which[-1].end(), verb.start()) or len(WORD.findall(text, which[-1].end(), verb.start())) > 3):
        return []
    named = [x for x in orgs.within(lo, end) if not text[x[0].end:end].strip(_QUOTES)]
    if not named or mentions.starting(named[-1][0].end, verb.start()):
        return []
    return named[-1:]


def _subject_after(text, verb, hi, mentions, nominative):
    """The person named right after a verb, in the nominative, perhaps after a title of up to three words:
    "которую возглавляет генерал Иван Котов"."""
    at = mentions.starting(verb.end(), min(hi, verb.end() + 60))
    if not at:
        return []
    m, pid = at[0]
    if not re.fullmatch(r"[ \u00a0]+(?:[а-яё\d-]+[ \u00a0]+){0,3}", text[verb.end():m.start]):  # "29-летний"
        return []
    return [(m, pid)] if _nominative(m.text, nominative[pid]) else []


def _nominative(name: str, words: frozenset[str]) -> bool:
    """A mention is in the nominative when its last word is one of the name's ``words`` in the nominative:
    "Котова" of Анна Котова, not of Иван Котов; a Latin name may be."""
    found = WORD.findall(name)
    return not found or found[-1].lower() in words
