"""The pipeline: natasha (razdel + slovnet NER) and our spaCy NER, combined and post-processed by rules."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading

from .dates import find_dates, parse_anchor
from .errors import ExtractorError, InputError, ModelError
from .money import find_money
from .morph import parses
from .people import group_people
from .positions import build_positions, find_positions
from .orgs import adjective_orgs, group_orgs, grow_over_place, orgs_inside
from .resources import lexicon, resource
from .spans import Coverage, Span
from .types import Result


class Pipeline:
    """Loads the models once (lazily, on first use) and processes many texts."""

    def __init__(self, max_chars: int = 5_000_000) -> None:
        self.max_chars = max_chars
        self._lock = threading.Lock()
        self._natasha = None
        self._spacy = None

    # -- models -------------------------------------------------------------
    def _load(self) -> None:
        with self._lock:
            if self._natasha is None:
                import yargy  # noqa: F401  (patches pymorphy2 for Python >= 3.11 before natasha imports it)
                from natasha import NewsEmbedding, NewsNERTagger

                self._natasha = NewsNERTagger(NewsEmbedding())
            if self._spacy is None:
                import spacy

                try:
                    self._spacy = spacy.load(resource("ner"))
                except (OSError, ValueError) as exc:
                    raise ModelError(f"cannot load the NER model in models/ner: {exc}") from exc

    def load(self) -> "Pipeline":
        self._load()
        return self

    # -- processing ---------------------------------------------------------
    def ner(self, text: str) -> tuple[list[Span], list[tuple[int, int]]]:
        """Raw spans from both models, and sentence boundaries."""
        return self.ner_many([text])[0]

    def ner_many(self, texts: list[str]) -> list[tuple[list[Span], list[tuple[int, int]]]]:
        """``ner`` for several texts at once: both models run on batches; long texts go in chunks."""
        from razdel import sentenize

        self._load()
        pieces = [(i, a, text[a:b]) for i, text in enumerate(texts) for a, b in chunks(text, CHUNK_CHARS)]
        out: list[tuple[list[Span], list[tuple[int, int]]]] = [([], []) for _ in texts]
        if not pieces:
            return out
        # slovnet's tagger tokenises the text itself: no natasha Doc, no second tokenisation
        markups = self._natasha.map([p for _, _, p in pieces])
        sdocs = self._spacy.pipe([p for _, _, p in pieces], batch_size=16)
        for (i, a, piece), markup, sdoc in zip(pieces, markups, sdocs):
            spans, sents = out[i]
            for s in markup.spans:
                span = Span(s.start, s.stop, {"PER": "PERSON"}.get(s.type, s.type), "natasha")
                span = span if span.type == "PERSON" else tidy(piece, span)
                if span:
                    spans.append(Span(span.start + a, span.end + a, span.type, span.source))
            for e in sdoc.ents:
                span = tidy(piece, Span(e.start_char, e.end_char, e.label_, "spacy"))
                if span:
                    spans.append(Span(span.start + a, span.end + a, span.type, span.source))
            sents += [(x + a, y + a) for x, y in split_lines(piece, [(t.start, t.stop) for t in sentenize(piece)])]
        return out

    def __call__(self, text: str, date: str | dt.date | None = None, id: str | None = None) -> Result:
        self._check(text)
        return self._extract(text, date, id, self.ner(text) if text.strip() else ([], []))

    def pipe(self, items: list[tuple[str, str | None, str | None]]) -> list[Result | ExtractorError]:
        """(text, date, id) triples -> results, the models running on the batch; a bad item gives its error."""
        checked: list[ExtractorError | None] = []
        for text, _, _ in items:
            try:
                self._check(text)
                checked.append(None)
            except ExtractorError as exc:
                checked.append(exc)
        todo = [i for i, (text, _, _) in enumerate(items) if checked[i] is None and text.strip()]
        found = dict(zip(todo, self.ner_many([items[i][0] for i in todo])))
        out: list[Result | ExtractorError] = []
        for i, (text, date, id) in enumerate(items):
            if checked[i] is not None:
                out.append(checked[i])
                continue
            try:
                out.append(self._extract(text, date, id, found.get(i, ([], []))))
            except ExtractorError as exc:
                out.append(exc)
        return out

    def _check(self, text) -> None:
        if not isinstance(text, str):
            raise ExtractorError(f"expected text as str, got {type(text).__name__}")
        if len(text) > self.max_chars:
            raise InputError(f"document too long: {len(text):,} characters (the limit is {self.max_chars:,}); "
                             f"split it, or raise the limit with --max-chars")

    def _extract(self, text: str, date, id, ner: tuple[list[Span], list[tuple[int, int]]]) -> Result:
        anchor = date if isinstance(date, dt.date) else parse_anchor(date)
        if not text.strip():
            return Result(id=id, date=anchor.isoformat() if anchor else None)
        spans, sents = ner
        persons = combine_persons(text, spans)
        orgs = combine_orgs(text, spans)
        positions = find_positions(text, [s for s in spans if s.type != "PERSON"] + persons)
        dates = find_dates(text, anchor)
        money = find_money(text)
        people = group_people(text, persons)
        organisations = group_orgs(text, orgs)
        places = [s for s in spans if s.type == "LOC"]
        pos = build_positions(text, positions, people, organisations, sents, places)
        return Result(people=tuple(people), positions=tuple(pos), organisations=tuple(organisations),
                      dates=tuple(dates), money=tuple(money), id=id,
                      date=anchor.isoformat() if anchor else None)


CHUNK_CHARS = 20_000


def chunks(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) pieces of at most ``size`` characters, cut after a paragraph, a sentence or a space."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind("! "), window.rfind("? "))
        if cut < size // 2:
            cut = window.rfind(" ")
        cut = start + (cut + 1 if cut > 0 else size)
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def split_lines(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences also end at line breaks: a headline has no full stop."""
    out = []
    for a, b in sents:
        for m in re.finditer(r"[^\n]+", text[a:b]):
            out.append((a + m.start(), a + m.end()))
    return out


_QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}


def tidy(text: str, s: Span) -> Span | None:
    """A model's span cut at a line break, without edge punctuation, with its quotes balanced."""
    start, end = s.start, s.end
    while start < end and text[start].isspace():
        start += 1
    nl = text.find("\n", start, end)
    if nl != -1:
        end = nl
    while end > start and text[end - 1] in " \u00a0,;:–—-(":
        end -= 1
    span = text[start:end]
    for o, c in _QUOTES.items():
        if o != c and span.count(o) > span.count(c) and text[end:end + 1] == c:
            end += 1
            span += c
        if o != c and span.startswith(o) and span.endswith(c) and span.count(o) == 1:
            start, end = start + 1, end - 1  # NEREL: «Арсенал» -> Арсенал
            span = text[start:end]
    if end <= start or not any(ch.isalnum() for ch in span):
        return None
    return Span(start, end, s.type, s.source)


_INITIALS_NAME = re.compile(r"(?:[А-ЯЁ][а-яё]?\.[ \u00a0]?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
_INITIAL_BEFORE = re.compile(r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.[ \u00a0]?){1,2}$")


def split_person(text: str, s: Span) -> list[Span]:
    """"Брендт Кристенсен (Brendt Christensen)" is two mentions of one name, not one."""
    m = re.search(r"[ \u00a0]*\(", text[s.start:s.end])
    if not m:
        return [s]
    close = text.find(")", s.start + m.end(), s.end + 1)
    inner = Span(s.start + m.end(), close if close != -1 else s.end, s.type, s.source)
    return [Span(s.start, s.start + m.start(), s.type, s.source), inner]


def tidy_person(text: str, s: Span) -> Span | None:
    """Fix a name span's edges: take in initials before it ("Дж.Коми"), leave out a title before it
    ("Император Акихито"), drop punctuation, stop at a line break."""
    start, end = s.start, s.end
    age = re.match(r"\d+-летн[а-яё]+[ \u00a0]+", text[start:end])  # "[34-летний] ТиДжей"
    if age:
        start += age.end()
    first = re.match(r"([А-ЯЁ][а-яё-]+)[ \u00a0]+(?=[А-ЯЁA-Z])", text[start:end])
    # a common word before a name is a title ("Император Акихито"); a short one is a surname put first
    # ("Ван Цзюнь", "Ли Пэн", "Пан Ги Мун")
    if first and len(first.group(1)) > 3 \
            and not any(g in p.tag for p in parses(first.group(1).lower())[:4] for g in ("Name", "Surn", "Patr")) \
            and parses(first.group(1).lower())[0].is_known:
        start += first.end()
    m = _INITIAL_BEFORE.search(text, max(0, start - 8), start)
    if m and (m.start() == 0 or not text[m.start() - 1].isalnum()):
        start = m.start()
    nl = text.find("\n", start, end)
    if nl != -1:
        end = nl
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None
    return Span(start, end, s.type, s.source, s.alias_of)


def combine_persons(text: str, spans: list[Span]) -> list[Span]:
    """natasha's names, tidied; spaCy's only where they repeat a surname natasha found."""
    nat = []
    for s in spans:
        if s.type == "PERSON" and s.source == "natasha":
            name, *again = [tidy_person(text, part) for part in split_person(text, s)]
            nat += [x for x in [name] + [dataclasses.replace(a, alias_of=name.start) if a and name else a
                                         for a in again] if x]
    kept, taken = [], Coverage(len(text))
    for n in sorted(nat, key=lambda x: x.start - x.end):  # "Дж" inside "Дж.Коми" once the initials are taken in
        if taken.free(n.start, n.end):
            kept.append(n)
            taken.take(n.start, n.end)
    nat = kept
    keys = {w.lower() for n in nat for w in re.findall(r"\w+", text[n.start:n.end])}
    for s in spans:
        if s.type != "PERSON" or s.source != "spacy" or not taken.free(s.start, s.end):
            continue
        t = tidy_person(text, s)
        words = re.findall(r"\w+", text[t.start:t.end]) if t else []
        if len(words) == 1 and _name_key(words[0]) & keys:  # a surname natasha found elsewhere in full
            nat.append(t)
        elif t and _INITIALS_NAME.fullmatch(text[t.start:t.end]):  # "Б.Обама", "А. С. Пушкин"
            nat.append(t)
    return sorted(nat, key=lambda s: s.start)


def _name_key(word: str) -> set[str]:
    return {word.lower()} | {p.normal_form for p in parses(word.lower())[:3]}


def _covered(text: str, spans) -> Coverage:
    cov = Coverage(len(text))
    for s in spans:
        cov.take(s.start, s.end)
    return cov


def combine_orgs(text: str, spans: list[Span]) -> list[Span]:
    """spaCy's organisations, natasha's where spaCy has none, and rules for what both miss."""
    names = _covered(text, [p for p in spans if p.type == "PERSON" and p.source == "natasha"])
    # where natasha reads a name, spaCy's organisation is mostly a person ("ДЖЕЙ-ЗИ", "Mimeng")
    out = [s for s in spans if s.type == "ORG" and s.source == "spacy" and names.free(s.start, s.end)]
    taken = _covered(text, out)
    out += [n for n in spans if n.type == "ORG" and n.source == "natasha" and taken.free(n.start, n.end)]
    taken = _covered(text, out)
    grown = [grow_over_place(text, loc) for loc in spans if loc.type == "LOC"]
    inner = [orgs_inside(text, pos) for pos in spans if pos.type == "POSITION" and pos.source == "spacy"]
    for a, b in (x for x in grown + inner if x):
        if taken.free(a, b):
            out.append(Span(a, b, "ORG", "rule"))
            taken.take(a, b)
    people = {p.end: p for p in spans if p.type == "PERSON"}
    out = [_named_after(text, _grow_object(text, _grow_left(text, t))) for t in (_trim_org(text, o) for o in out) if t]
    out = [o for o in _merge_orgs(text, sorted(out, key=lambda s: s.start), spans) if not _not_an_org(text, o, people)]
    named = _covered(text, [o for o in spans if o.type in ("ORG", "POSITION", "LOC")])
    for a, b in adjective_orgs(text, [(s.start, s.end) for s in spans if s.type == "LOC"]):
        if named.free(a, b) and taken.free(a, b):
            out.append(Span(a, b, "ORG", "rule"))
    taken = _covered(text, out + [p for p in spans if p.type == "PERSON"])
    # natasha takes "ЕС", "Евросоюз" for places; "Кремль заявил", but "в Белом доме" is a place
    for pattern, where in ((_INTERNATIONAL, None), (_SEATS, _AT_PLACE)):
        for m in pattern.finditer(text):
            if taken.free(m.start(), m.end()) and not (where and where.search(text[max(0, m.start() - 8):m.start()])):
                out.append(Span(m.start(), m.end(), "ORG", "rule"))
    return sorted(out, key=lambda s: s.start)


_ORG_TAIL = {"ADVB", "VERB", "INFN", "PRCL", "CONJ", "PREP", "GRND", "PRTS", "ADJS", "PRED", "NPRO"}


def _trim_org(text: str, o: Span) -> Span | None:
    """Words that cannot end a name leave it: "[Европейский союз] ранее", "[Минфин] заявил"."""
    end = o.end
    while True:
        tail = re.search(r"[ \u00a0]+([а-яё]+)$", text[o.start:end])
        if not tail or any(p.tag.POS not in _ORG_TAIL for p in parses(tail.group(1))[:3]):
            break  # "[Уральской] стали": a word that can be a noun stays
        end = o.start + tail.start()
    return o if end == o.end else (Span(o.start, end, o.type, o.source) if end > o.start else None)


_KIND = {"Qual", "Apro", "Anum", "Supr"}  # "новое правительство", "своей партии", "2-й армии": not part of the name


def _grow_left(text: str, o: Span) -> Span:
    """A relational adjective agreeing with a common-noun name joins it: "[апелляционного суда]",
    "[президентской администрации]", "[Международной ассоциации] преподавателей" (nerel-train: in the name
    about three times in four); a proper name keeps its own start ("нового [Департамента ...]")."""
    first = re.match(r"[А-Яа-яЁёA-Z]+", text[o.start:o.end])
    if not first or not (first.group()[0].islower() or first.group().isupper()):
        return o
    heads = [p for p in parses(first.group().lower())[:3] if p.tag.POS == "NOUN"]
    start = o.start
    while True:
        m = re.search(r"(?<![\w-])([А-Яа-яЁё][а-яё]+(?:-[а-яё]+)?)[ \u00a0]+$", text[max(0, start - 40):start])
        if not m:
            break
        p = parses(m.group(1).lower())[0]
        if p.tag.POS != "ADJF" or _KIND & set(p.tag.grammemes) or not any(
                p.tag.case == h.tag.case and p.tag.number == h.tag.number for h in heads):
            break
        start -= len(m.group(0))
    return o if start == o.start else Span(start, o.end, o.type, "rule")


_ACTION_END = re.compile(r"(?:(?<![а-яё])по[ \u00a0]+[а-яё]+|(?<![а-яё])борьбы)$", re.I)
_OBJECT_WORD = re.compile(r"[ \u00a0]+(с|со|за|в[ \u00a0]+сфере|в[ \u00a0]+области|и)?[ \u00a0]*([а-яё]+(?:-[а-яё]+)?)")


def _grow_object(text: str, o: Span) -> Span:
    """A name cut after its action noun takes the action's object: "[Фонд борьбы] с коррупцией",
    "[Международное агентство по изучению] рака", "[службы по надзору] в сфере образования и науки"."""
    if not _ACTION_END.search(text, max(0, o.end - 40), o.end):
        return o
    end, case, nouns = o.end, None, 0
    while nouns < 4:
        m = _OBJECT_WORD.match(text, end)
        if not m or (m.group(1) and m.group(1).lower() == "и" and not nouns) or (m.group(1) and case and
                                                                                m.group(1).lower() != "и"):
            break
        want = case or ("ablt" if m.group(1) and m.group(1).lower() in ("с", "со", "за") else "gent")
        ps = [p for p in parses(m.group(2).lower())[:3] if p.tag.case == want and p.tag.POS in ("NOUN", "ADJF")]
        if not ps:
            break
        case, end = want, m.end()
        nouns += ps[0].tag.POS == "NOUN"
        if ps[0].tag.POS == "NOUN" and not re.match(r"[ \u00a0]+и[ \u00a0]", text[end:end + 4]):
            break
    return o if case is None else Span(o.start, end, o.type, "rule")


_NAMED_AFTER = re.compile(r"(?:[ \u00a0]+(?:им\.|имени))?[ \u00a0]*((?:[А-ЯЁ]\.[ \u00a0]*){0,2}[А-ЯЁ][а-яё-]+"
                          r"(?:[ \u00a0]+(?:(?:ван|фон|де|дер)[ \u00a0]+)?[А-ЯЁ][а-яё-]+){0,2})")


def _named_after(text: str, o: Span) -> Span:
    """A name ending in "имени" takes the person it is named after: "[театра им.] Йозефа Бойса",
    "[институт русского языка имени] А. С. Пушкина", "[Ассоциации] имени Людвига ван Бетховена"."""
    name = text[o.start:o.end]
    if re.search(r"(?<![а-яё])(?:им\.?|имени)$", name):
        m = _NAMED_AFTER.match(text, o.end if name.endswith(".") else o.end + (text[o.end:o.end + 1] == "."))
    elif re.match(r"[ \u00a0]+(?:им\.|имени)[ \u00a0]", text[o.end:o.end + 8]):
        m = _NAMED_AFTER.match(text, o.end)
    else:
        return o
    return Span(o.start, m.end(), o.type, "rule") if m and m.group(1) else o


# the seats of governments, named for them (nerel-train: "Кремль" an organisation 26 times in 31)
_SEATS = re.compile(r"(?<![\w-])(?:Кремл[ьяюеём]\w*|Пентагон\w*|Госдеп\w*|Бел(?:ый|ого|ому|ым|ом)[ \u00a0]+дом\w*|"
                    r"Даунинг-стрит|Букингемск\w+[ \u00a0]+двор\w+|Елисейск\w+[ \u00a0]+двор\w+)(?![\w-])")

_AT_PLACE = re.compile(r"(?<![\w-])(?:в|во|на|из|у|возле|около)[ \u00a0]+$", re.I)

# international organisations both corpora always count as organisations (nerel-train: every "Евросоюз")
_INTERNATIONAL = re.compile(
    r"(?<![\w-])(?:ООН|НАТО|ЕС|Евросоюз\w*|ОБСЕ|ВТО|МВФ|ВОЗ|ЮНЕСКО|МАГАТЭ|ФИФА|УЕФА|МОК|СНГ|ЕАЭС|ОДКБ|ШОС|"
    r"БРИКС|АСЕАН|ОПЕК|Интерпол\w*|Европейск\w+[ \u00a0]+союз\w*)(?![\w-])")


_WORK_BEFORE = re.compile(
    r"(?<![а-яё])(?:фильм|кинофильм|кинолент|мультфильм|альбом|хит|песн|сингл|трек|клип|пластинк|книг|роман|повест|"
    r"рассказ|поэм|стихотворени|сочинени|произведени|спектакл|сериал|картин|опер|балет|симфони|мюзикл|"
    r"пьес|кинотеатр|торгов\w+[ \u00a0]+марк|бренд|стать\w*[ \u00a0]+\d+\w*|шаттл|корабл|истребител|самол[её]т|"
    r"поезд|ледокол|яхт|ракет)"
    r"(?:[аеиоуыя]|ом|ам|ами|ах|ов|ей|ою|ям|ями|ях)?"
    r"(?:[ \u00a0]+[а-яё-]+)?(?:,?[ \u00a0]*(?:как|среди которых|в том числе)|:)?[ \u00a0]+"
    r"(?:(?:''|[«\"'])[^»\"'\n]{1,60}(?:''|[»\"'])[ \u00a0]*(?:,|и)[ \u00a0]+)*(?:''|[«\"'])$", re.IGNORECASE)


def _names_a_work(text: str, o: Span) -> bool:
    """«Огни большого города» after "фильм", «Звезда», «Космос» after "в кинотеатрах": quoted names of works
    and places, not organisations."""
    return bool(_WORK_BEFORE.search(text[max(0, o.start - 200):o.start]))


# the media, the internet, diseases, exams, the space station, a legal form alone ("ПАО")
_NOT_ORG = re.compile(r"СМИ|[Ии]нтернет\w*|(?i:covid-19)|SARS|ЕГЭ|ОГЭ|МКС|ПАО|ОАО|ЗАО|ООО|АО")
# a platform one writes "в"/"через": a medium here, not the company ("написал в Twitter", "в своём Фейсбуке")
_PLATFORM = re.compile(r"Twitter|Твиттер\w*|Instagram|Инстаграм\w*|Facebook|Фейсбук\w*|Weibo|WeChat|YouTube|"
                       r"Ютуб\w*|Telegram|Телеграм\w*|TikTok|ВКонтакте|Одноклассник\w*")
_MEDIUM_BEFORE = re.compile(r"(?:написал|опубликовал|сообщил|заявил|поделил|подписчик|аккаунт|соцсет|страниц|блог|"
                            r"сво[её]м)[а-яё]*[ \u00a0,]+(?:[а-яё-]+[ \u00a0]+)?(?:в|во|через|на)[ \u00a0]+"
                            r"(?:[а-яё-]+[ \u00a0]+)?$", re.IGNORECASE)


def _not_an_org(text: str, o: Span, people: dict) -> bool:
    name = text[o.start:o.end]
    if _NOT_ORG.fullmatch(name) or _names_a_work(text, o) or _facility(name):
        return True
    if _PLATFORM.fullmatch(name) and _MEDIUM_BEFORE.search(text[max(0, o.start - 60):o.start]):
        return True
    if re.match(r"[ \u00a0]*\((?:19|20)\d\d\)", text[o.end:o.end + 9]):
        return True  # "The Fat Of The Land (1997)": a work and its year
    # "Модибо Сидибе (Modibo Sidibe)": a name spelt again in brackets
    return (text[o.start - 1:o.start] == "(" and text[o.end:o.end + 1] == ")" and people.get(o.start - 2) is not None
            and " " in name and not name.isupper())


def _facility(name: str) -> bool:
    """A name headed by a building, a place, an event or an award ("Саяно-Шушенской ГЭС", "Боткинской больнице",
    "Государственные СМИ"); a quoted name is taken as it is."""
    if "«" in name or '"' in name:
        return False
    for w in re.findall(r"[А-Яа-яЁё]+", name):
        p = parses(w.lower())[0]
        if w.isupper() or p.tag.POS == "NOUN":
            return (w.lower() if w.isupper() else p.normal_form) in lexicon("facility_heads.txt")
    return False


def _merge_orgs(text: str, orgs: list[Span], spans: list[Span]) -> list[Span]:
    """One name, not two: "[Главном управлении] [Нацполиции по Кировоградской области]",
    "[Государственного совета] [Китая]" (an organisation and the place or organisation it belongs to)."""
    places = {s.start: s for s in spans if s.type == "LOC"}
    by_start = {o.start: o for o in orgs}
    out: list[Span] = []
    for o in orgs:
        if out and out[-1].end >= o.end:
            continue
        cur, by_place = o, False
        while True:
            gap = _ORG_GAP.match(text, cur.end, cur.end + 12)
            at = gap and gap.end()
            nxt = gap and (by_start.get(at) or places.get(at))
            if not nxt or "\n" in text[cur.end:nxt.start]:
                break
            word = (gap.group(1) or "").lower()
            if word == "по" or (word == "и" and by_place):  # "[УМВД по Курской области]", "по Москве и области"
                if nxt.start not in places:
                    break
                by_place = True
            elif word == "при":  # "[Общественного совета при ГУ МВД]"
                if nxt.start not in by_start:
                    break
            elif word or not _genitive_start(text, nxt):
                break
            cur = Span(cur.start, nxt.end, "ORG", "rule")
        out.append(cur)
    return out


_ORG_GAP = re.compile(r"[ \u00a0]+(?:(по|при|и)[ \u00a0]+)?", re.I)


def _genitive_start(text: str, s: Span) -> bool:
    first = re.match(r"[А-Яа-яЁё]+", text[s.start:s.end])
    if not first:
        return False
    return any(p.tag.case == "gent" for p in parses(first.group().lower())[:3])


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text: str, date: str | dt.date | None = None) -> Result:
    """Extract people, positions, organisations, dates and money from one text."""
    return default_pipeline()(text, date=date)
