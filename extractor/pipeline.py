"""The pipeline: natasha (razdel + slovnet NER) and our spaCy NER, combined and post-processed by rules."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading
from collections import Counter

from . import syntax
from .affiliations import find_affiliations, with_organisations
from .dates import find_dates, parse_anchor
from .errors import ExtractorError, InputError, ModelError
from .money import find_money
from .morph import REGNAL, morph, parses
from .orgs import banks_named_as_people, combine_orgs, group_orgs, named_orgs, orgs_in_titles
from .people import ADDRESS, CAPITALISED, RELATIVES, group_people, names_closing_orgs, names_named_after
from .positions import build_positions, extend_to_body, find_positions, position_heads, titles_apart
from .resources import resource
from .spans import QUOTE_PAIRS, Coverage, Span, covered
from .threads import one_blas_thread
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

                emb = NewsEmbedding()
                self._natasha = NewsNERTagger(emb)
                self._natasha.batch_size = 4
                syntax.parser(emb)  # the title linker's, loaded with the rest (before any worker is forked)
            if self._spacy is None:
                import spacy
                from thinc.api import use_ops

                try:
                    # numpy's BLAS multiplies the model's matrices about 1.6x faster than thinc's default (blis)
                    # on this kind of CPU, with the same results
                    with use_ops("numpy", use_blis=False):
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
        # one BLAS thread: a pipeline uses one core, and -j N worker processes do not fight over them
        with one_blas_thread():
            # slovnet's tagger tokenises the text itself: no natasha Doc, no second tokenisation. It pads every
            # text of a batch to the longest: texts of like length go together, a few at a time (12 -> 8 ms a
            # document on the bench files)
            order = sorted(range(len(pieces)), key=lambda k: len(pieces[k][2]))
            markups = [None] * len(pieces)
            for k, markup in zip(order, self._natasha.map([pieces[k][2] for k in order])):
                markups[k] = markup
            sdocs = list(self._spacy.pipe([p for _, _, p in pieces], batch_size=16))
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
        clean = cleaned(text)
        return self._extract_as_given(text, clean, date, id, self.ner(clean[0]) if text.strip() else ([], []))

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
        clean = {i: cleaned(items[i][0]) for i in todo}
        found = dict(zip(todo, self.ner_many([clean[i][0] for i in todo])))
        out: list[Result | ExtractorError] = []
        for i, (text, date, id) in enumerate(items):
            if checked[i] is not None:
                out.append(checked[i])
                continue
            try:
                out.append(self._extract_as_given(text, clean.get(i, (text, None)), date, id, found.get(i, ([], []))))
            except ExtractorError as exc:
                out.append(exc)
        return out

    def _extract_as_given(self, text: str, clean: tuple[str, list[tuple[int, int]] | None], date, id, ner) -> Result:
        """Extract from ``cleaned(text)``; the offsets and quoted texts of the result taken back to ``text``."""
        result = self._extract(clean[0], date, id, ner)
        return result if clean == (text, None) else restore(result, text, clean[1])

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
        for mend in (banks_named_as_people, titles_apart, stage_names_apart, names_taken_for_places):
            spans = mend(text, spans)  # the models' spans mended where they read a name as something else
        persons = combine_persons(text, spans)
        orgs = combine_orgs(text, spans)
        places = [s for s in spans if s.type == "LOC"]
        positions = extend_to_body(text, find_positions(text, [s for s in spans if s.type != "PERSON"] + persons),
                                   orgs + places)
        inside = orgs_in_titles(text, positions, orgs, covered(text, orgs + persons), covered(text, places))
        orgs = sorted(orgs + [Span(a, b, "ORG", "rule") for a, b in inside], key=lambda s: s.start)
        dates = find_dates(text, anchor)
        money = find_money(text)
        people = group_people(text, persons)
        organisations = group_orgs(text, named_orgs(text, orgs, spans))
        pos = build_positions(text, positions, people, organisations, sents, places)
        ties = find_affiliations(text, sents, people, organisations)
        pos = with_organisations(text, pos, ties, sents)
        return Result(people=tuple(people), positions=tuple(pos), organisations=tuple(organisations),
                      affiliations=tuple(ties),
                      dates=tuple(dates), money=tuple(money), id=id,
                      date=anchor.isoformat() if anchor else None)


CHUNK_CHARS = 20_000

# Latin letters typed for their Cyrillic twins inside a Russian word ("Cолист", "Католичеcкой"): the models and the
# dictionaries see the Cyrillic letter, the output keeps the text as it came (one letter for one: offsets hold)
_LATIN_TWINS = "AaBCcEeHKMOoPpTXxy"
_TWINS = str.maketrans(_LATIN_TWINS, "АаВСсЕеНКМОоРрТХху")
_MIXED = re.compile(r"[A-Za-zА-Яа-яЁё]*(?:[А-Яа-яЁё][A-Za-z]|[A-Za-z][А-Яа-яЁё])[A-Za-zА-Яа-яЁё]*")
_LONE_TWIN = re.compile(r"(?<=[А-Яа-яЁё][ \u00a0])[coy](?=[ \u00a0]+[А-Яа-яЁё\d])")
_ONLY_TWINS = re.compile(f"[А-Яа-яЁё{_LATIN_TWINS}]+")


def cyrillic(text: str) -> str:
    """Latin twins of Cyrillic letters turned Cyrillic in words that mix the two alphabets, and in one-letter words
    between Russian ones ("c 2010 года" typed with a Latin "c")."""
    if _MIXED.search(text):
        text = _MIXED.sub(lambda m: m.group().translate(_TWINS) if _ONLY_TWINS.fullmatch(m.group()) else m.group(),
                          text)
    if _LONE_TWIN.search(text):
        text = _LONE_TWIN.sub(lambda m: m.group().translate(_TWINS), text)
    return text


# wiki markup for italics, two apostrophes on each side (''Ромашка'', ''«цитата»''), which some news archives keep
_ITALICS = re.compile(r"(?<![\w'])''(?=[^\s'])([^\n']{1,200}?)(?<=[^\s'])''(?![-'\w])")
_QUOTES = tuple("«»\"“”„")


def cleaned(text: str) -> tuple[str, list[tuple[int, int]] | None]:
    """The text the models read, and where each of its characters stands in ``text`` ((start, end): a quote that
    stands for two apostrophes is two characters long there), or None where each stands where it is: ``cyrillic``,
    and the wiki markers of italics read as quotes ("''Ромашка''" -> '"Ромашка"'), or dropped where quotes stand
    already ("''«цитата»''")."""
    text = cyrillic(text)
    if "''" not in text:
        return text, None
    out: list[str] = []
    where: list[tuple[int, int]] = []
    at = 0
    for m in _ITALICS.finditer(text):
        (a, b), inner = m.span(1), m.group(1)
        quoted = inner[0] in _QUOTES or inner[-1] in _QUOTES or text[m.start() - 1:m.start()] in _QUOTES \
            or text[m.end():m.end() + 1] in _QUOTES  # (a tuple: "" is in no tuple of characters)
        out += [text[at:m.start()], inner] if quoted else [text[at:m.start()], '"', inner, '"']
        where += [(i, i + 1) for i in range(at, m.start())]
        inside = [(i, i + 1) for i in range(a, b)]
        where += inside if quoted else [(m.start(), a), *inside, (b, m.end())]
        at = m.end()
    if not where:
        return text, None
    out.append(text[at:])
    where += [(i, i + 1) for i in range(at, len(text))]
    return "".join(out), where


def restore(result: Result, text: str, where: list[tuple[int, int]] | None) -> Result:
    """The result's offsets and quoted texts taken back to the original text (see ``cleaned``)."""
    def span(start: int, end: int) -> tuple[int, int]:
        if where is None or start >= end:
            return start, end
        return where[start][0], where[end - 1][1]

    def fix(x):
        a, b = span(x.start, x.end)
        return dataclasses.replace(x, start=a, end=b, text=text[a:b])

    def org_mention(m):
        return dataclasses.replace(fix(m), with_kind=fix(m.with_kind) if m.with_kind else None)

    def role(p):
        if p.role is None:
            return None
        a, b = span(p.role[0], p.role[1])
        return a, b, text[a:b], p.role[3]

    return dataclasses.replace(
        result,
        people=tuple(dataclasses.replace(p, mentions=tuple(map(fix, p.mentions))) for p in result.people),
        organisations=tuple(dataclasses.replace(o, mentions=tuple(map(org_mention, o.mentions)))
                            for o in result.organisations),
        positions=tuple(dataclasses.replace(fix(p), role=role(p)) for p in result.positions),
        affiliations=tuple(dataclasses.replace(a, person_mention=fix(a.person_mention), cue=fix(a.cue),
                                               organisation_mention=fix(a.organisation_mention))
                           for a in result.affiliations),
        dates=tuple(map(fix, result.dates)), money=tuple(map(fix, result.money)))


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


_AGE_AT_END = re.compile(r"[ \u00a0]+\d+-?(?:летн|лет)[а-яё]*$")


def tidy(text: str, s: Span) -> Span | None:
    """A model's span cut at a line break, without edge punctuation, with its quotes balanced."""
    start, end = s.start, s.end
    while start < end and text[start].isspace():
        start += 1
    nl = text.find("\n", start, end)
    if nl != -1:
        end = nl
    while end > start and text[end - 1] in " \u00a0,;:–—-(«„":  # "Русской службе «"
        end -= 1
    if s.type == "ORG":  # a name is whole words: "пресс-[служба президента]", "RU-[CENTER]"
        while start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
            start -= 1
            while start > 0 and text[start - 1].isalnum():
                start -= 1
        while end < len(text) - 1 and text[end] == "-" and text[end + 1].isalnum():
            end += 1
            while end < len(text) and text[end].isalnum():
                end += 1
    age = _AGE_AT_END.search(text, start, end)
    if age and s.type != "DATE" and age.start() > start:  # "руководителем службы [30-летнего] Ивана Котова"
        end = age.start()
    span = text[start:end]
    paren = span.find("(")
    if s.type in ("ORG", "LOC") and paren > 0 and (span.endswith(")") or span.count("(") > span.count(")")):
        # "Союз за Нигер (Union pour le Niger, UPN)", "Республики Казахстан (Нацбанк)": the bracket is another name
        end = start + paren
        while end > start and text[end - 1] in " \u00a0":
            end -= 1
        span = text[start:end]
    if span.count('"') % 2:  # a straight quote left open: close it, or leave out the stray one
        close = _closing_quote(text, end, '"') if span.endswith(' "') and s.type in ("ORG", "POSITION") else None
        if text[end:end + 1] == '"':
            end += 1
        elif close:
            end = close  # 'руководитель отделения партии "[Ромашка"]': the quoted name it opens
        elif span.endswith('"'):
            end -= 1
            while end > start and text[end - 1] in " \u00a0":
                end -= 1
        elif span.startswith('"'):
            start += 1
        span = text[start:end]
    if s.type == "ORG":  # wiki markup quotes a name in two apostrophes: ''Samsung Electronics''
        if span.startswith("''"):
            start += 2
        if span.endswith("''"):
            end -= 2
        span = text[start:end]
    for o, c in QUOTE_PAIRS.items():
        if o != c and span.endswith(c) and span.count(c) > span.count(o):  # "Лаборатории Касперского»"
            end -= 1
            span = span[:-1]
        if o != c and span.count(o) > span.count(c) and text[end:end + 1] == c:
            end += 1
            span += c
        elif o != c and span.count(o) > span.count(c) and s.type in ("ORG", "POSITION"):
            # a quoted name cut inside: "фестиваля «Лесные [дни на Волге»]" runs on to its closing quote
            close = _closing_quote(text, end, c)
            if close:
                end = close
                span = text[start:end]
        if o != c and span.startswith(o) and span.endswith(c) and span.count(o) == 1:
            start, end = start + 1, end - 1  # NEREL: «Арсенал» -> Арсенал
            span = text[start:end]
    if s.type == "POSITION":
        end = _before_quotation(text, start, end)
    if end <= start or not any(ch.isalnum() for ch in span):
        return None
    if s.type == "ORG":
        end = _to_quote_end(text, start, end)
    return Span(start, end, s.type, s.source)


_QUOTED_WORD = re.compile(r"[ \u00a0]+[«\"„“]([а-яё]+)")


def _before_quotation(text: str, start: int, end: int) -> int:
    """A title ends before the words quoted after it when they open with no noun or adjective: «руководитель [«хорошо
    знает рынок»]» is what the holder said; 'генсек "газовой ОПЕК"' stays whole."""
    m = _QUOTED_WORD.search(text, start, end)
    if m and parses(m.group(1))[0].tag.POS not in ("NOUN", "ADJF", "PRTF", "NUMR", "ADJS"):
        return m.start()
    return end


def _closing_quote(text: str, end: int, quote: str) -> int | None:
    """Just after the ``quote`` that closes a quotation a span stops inside, within 60 characters of the same line
    and no other quote between; None if there is none."""
    close = text.find(quote, end, end + 60)
    return close + 1 if close != -1 and not re.search(r"[\n«»\"“”„]", text[end:close]) else None


def _to_quote_end(text: str, start: int, end: int) -> int:
    """A name that starts a quotation runs to its end: партию "[Движение за развитие] Чада" -> the whole name;
    not a quoted sentence or title ("«Vestas не желает ...»", "«Pussy Riot: панк-молебен»")."""
    close = QUOTE_PAIRS.get(text[start - 1:start]) if start else None
    if not close or close in text[start:end]:
        return end
    stop = text.find(close, end, end + 60)
    rest = text[end:stop]
    if stop == -1 or re.search(r"[\n.:;!?—–«»\"“”„()]", rest) or len(rest.split()) > 4 \
            or any(parses(w.lower())[0].tag.POS in ("VERB", "INFN") for w in re.findall(r"[А-Яа-яЁё]+", rest)):
        return end
    return stop


_INITIALS_NAME = re.compile(r"(?:[А-ЯЁ][а-яё]?\.[ \u00a0]?){1,2}" + CAPITALISED)
_FIRST_LAST = re.compile(r"[А-ЯЁ][а-яё]+(?:[ \u00a0]+[А-ЯЁ][а-яё]+){1,2}")
_INITIAL_BEFORE = re.compile(r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.[ \u00a0]?){1,2}$")


def split_person(text: str, s: Span) -> list[Span]:
    """"Клаус Бергер (Klaus Berger)" is two mentions of one name, not one; so is a surname written
    twice over ("Иван Котов Котов", a slip of the text)."""
    m = re.search(r"[ \u00a0]*\(", text[s.start:s.end])
    if not m:
        twice = _TWICE.search(text, s.start, s.end)
        if twice and twice.end() == s.end:
            return [Span(s.start, twice.end(1), s.type, s.source), Span(twice.start(2), s.end, s.type, s.source)]
        return [s]
    close = text.find(")", s.start + m.end(), s.end + 1)
    inner = Span(s.start + m.end(), close if close != -1 else s.end, s.type, s.source)
    return [Span(s.start, s.start + m.start(), s.type, s.source), inner]


_TWICE = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё-]+)[ \u00a0](\1)(?![\w-])")
_SHORT_WORDS = {"сэр", "сын", "муж", "мэр", "дед"}  # not surnames put first, as "Ван", "Ли", "Ким" are


def _title_word(word: str) -> bool:
    """A word before a name that is no part of it: a title or a word for a person ("Император Акихито", "Сын
    А.Лукашенко"), or an adjective ("Семидесятилетний"). Not a short surname put first ("Ван Лин", "Ли Бо"),
    nor a given name the dictionary also knows as a place or a thing ("Стэнли Хо", "Челси Мэннинг", "Серена
    Уильямс": nerel-train cuts such inanimate nouns wrongly 51 times in 58)."""
    ps = parses(word.lower())
    if len(word) <= 3 and word.lower() not in _SHORT_WORDS or not ps[0].is_known \
            or any(g in p.tag for p in ps[:4] for g in ("Name", "Surn", "Patr", "Geox")):
        return False
    return ps[0].tag.POS in ("ADJF", "PRTF") or any(p.tag.POS == "NOUN" and "anim" in p.tag for p in ps[:2])


_OPENS = re.compile(r"(?:^|[.!?…:;»\"“(\n—–-])[ \u00a0]*$")  # what a sentence or a heading starts after


def _post_or_adjective(word: str) -> bool:
    p = parses(word.lower())[0]
    return p.tag.POS != "NOUN" or p.normal_form in position_heads() or word.lower() in position_heads()


_DOT_ENDS_SENTENCE = re.compile(r"(?<![\w.])[IVXL]+\.$")


def tidy_person(text: str, s: Span) -> Span | None:
    """Fix a name span's edges: take in initials before it ("Дж.Коми"), leave out a title before it
    ("Император Акихито"), drop punctuation, stop at a line break."""
    start, end = s.start, s.end
    age = re.match(r"(?:\d+-|[А-ЯЁа-яё]+)летн[а-яё]+[ \u00a0]+", text[start:end])  # "[34-летний] ТиДжей", "Шестидесятилетняя"
    if age:
        start += age.end()
    first = re.match(r"([А-ЯЁ][а-яё-]+)[ \u00a0]+(?=[А-ЯЁA-Z])", text[start:end])
    # (a noun capitalised inside a sentence that names no post is a given name: "75-летний Карел Шварценберг";
    # "Принц Уильям", "Королевское Высочество" stay titles)
    if first and _title_word(first.group(1)) and (_OPENS.search(text, max(0, start - 4), start) or _post_or_adjective(
            first.group(1))):
        start += first.end()
    m = _INITIAL_BEFORE.search(text, max(0, start - 8), start)
    if m and (m.start() == 0 or not text[m.start() - 1].isalnum()):
        start = m.start()
    nl = text.find("\n", start, end)
    if nl != -1:
        end = nl
    # a sentence ends inside it after a regnal number or a whole word: "Карл XVI. [Полярная] премия"
    stop = re.search(r"(?<=[ \u00a0])[IVXL]+(?=\.[ \u00a0]+[А-ЯЁ])|[а-яё]{2}(?=\.[ \u00a0]+[А-ЯЁ])", text[start:end])
    if stop:
        end = start + stop.end()
    opened = text.find("(", start, end)
    if opened != -1 and ")" not in text[opened:end]:
        end = opened  # "James (Buddy) McGirt" cut inside its brackets: the name before them
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    if re.search(r"(?<![\w.])(?:Jr|Sr)\.$", text[start:end]) or _DOT_ENDS_SENTENCE.search(text, start, end) \
            and re.match(r"\s*(?:$|\n|[А-ЯЁA-Z«\"])", text[end:end + 3]):
        end -= 1  # "Ken Cockrel Jr." as NEREL draws it, and "Харальд V." before a new sentence: the sentence's dot
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None
    return Span(start, end, s.type, s.source, s.alias_of)


def combine_persons(text: str, spans: list[Span]) -> list[Span]:
    """natasha's names, tidied; spaCy's where they repeat a surname natasha found, are initials and a surname or
    start with a known first name; and the people places and bodies are named after."""
    nat = []
    for s in spans:
        if s.type == "PERSON" and s.source == "natasha":
            name, *again = [tidy_person(text, part) for part in split_person(text, s)]
            nat += [x for x in [name] + [dataclasses.replace(a, alias_of=name.start) if a and name else a
                                         for a in again] if x]
    nat = _joined_by_spacy(text, nat, [s for s in spans if s.type == "PERSON" and s.source == "spacy"])
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
            taken.take(t.start, t.end)
        elif t and _FIRST_LAST.fullmatch(text[t.start:t.end]) and any(
                "Name" in p.tag for p in parses(words[0].lower())[:2]):
            nat.append(t)  # "Кшиштоф Пендерецкий": a first name the dictionary knows, then one or two names
            taken.take(t.start, t.end)
    nat = _initials_after(text, _surname_after(text, _surname_first(text, _with_known_first_name(text, nat))))
    again = names_again(text, nat, spans, taken)
    # a whole name found again replaces the word of it a model took alone ("[Ли] Бо" in a headline)
    nat = [n for n in nat if not any(a.start <= n.start and n.end <= a.end for a in again)] + again
    # "театр им. И. П. Котова", "правительство Амира Хасана": whom it is named after or whose it is
    orgs = [s for s in spans if s.type == "ORG"]
    # and a surname after a form of address both models missed: "г-жа Сомова", "господин Котов"
    addressed = [m.span(1) for m in _ADDRESSED.finditer(text)  # not "господин Президент"
                 if not any(q.normal_form in position_heads() for q in parses(m.group(1).lower())[:2])]
    # and a stage name in Latin letters after a performer's title: "рэпер Big Lesnik", "певица Marla Lesna"
    in_orgs = covered(text, orgs)
    staged = [m.span(1) for m in _STAGE_NAME.finditer(text) if in_orgs.free(*m.span(1))]
    for a, b in names_named_after(text) + names_closing_orgs(text, orgs) + addressed + staged + _crowned(text, spans):
        if taken.free(a, b):
            nat.append(Span(a, b, "PERSON", "rule"))
            taken.take(a, b)
    return _nicknames(text, sorted(nat, key=lambda s: s.start))


# between a name and another name for the same person: "Иван Котов по прозвищу Ваня Гром", "(псевдоним Лесник)"
_NICKNAME_GAP = re.compile(r"[ \u00a0]*[,(]?[ \u00a0]*(?:по[ \u00a0]+(?:прозвищу|кличке)|известн(?:ый|ая|ого|ой)[ \u00a0]+как|"
                           r"(?:творческий[ \u00a0]+|сценический[ \u00a0]+)?псевдоним|настоящее[ \u00a0]+имя|он[ \u00a0]+же|"
                           r"она[ \u00a0]+же)[ \u00a0]*[—–:-]?[ \u00a0]*\(?[ \u00a0]*[«\"]?", re.I)


# a monarch's title, the land's name perhaps, and a name with the monarch's number: "король Лесновии Мбонго III"
_CROWNED = re.compile(r"(?<![\w-])(?i:корол[а-яё]*|султан[а-яё]*|эмир[а-яё]*|шах[а-яё]{0,3}|цар[а-яё]*|императо[а-яё]+|"
                      r"императриц[а-яё]*|принц[а-яё]*|фараон[а-яё]*|хан[а-яё]{0,3}|князь|княз[а-яё]+|мвами)"
                      r"[ \u00a0]+((?:[А-ЯЁ][а-яё-]+[ \u00a0]+){1,4}" + REGNAL + r")(?![\w-])")


def _crowned(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """A monarch's name with its number after the title both models miss, less the land's name before it: a place
    natasha finds, or the first of two or more words that is no given name ("король Лесновии Мбонго Тату III")."""
    places = covered(text, [s for s in spans if s.type == "LOC"])
    out = []
    for m in _CROWNED.finditer(text):
        words = list(re.finditer(r"[А-ЯЁ][а-яё-]+", text[m.start(1):m.end(1)]))
        first = words[0].group()
        land = not places.free(m.start(1), m.start(1) + len(first)) or len(words) > 1 and not any(
            "Name" in p.tag and p.is_known for p in parses(first.lower())[:2])
        if land and len(words) > 1:
            out.append((m.start(1) + words[1].start(), m.end(1)))
        elif not land:
            out.append((m.start(1), m.end(1)))
    return out


def _nicknames(text: str, names: list[Span]) -> list[Span]:
    """A nickname or pen name right after a name is another name of the same person."""
    out = list(names)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if b.alias_of is None and _NICKNAME_GAP.fullmatch(text, a.end, b.start):
            out[i] = dataclasses.replace(b, alias_of=a.alias_of if a.alias_of is not None else a.start)
    return out


def _joined_by_spacy(text: str, nat: list[Span], spacy: list[Span]) -> list[Span]:
    """natasha's pieces of one name that spaCy reads whole, one name: "[Анны Викторовны] [Котовой]", "[Мэри]
    [Энн Смит]"; not two names, one whose the other is ("брат [Ивана Котова] [Олег Котов]", "жена
    [Ивана Котова] [Анна Сомова]"): the last piece one word, or each before it a given name alone; each before it
    no whole name but a given name and patronymic."""
    for s in spacy:
        inside = sorted((n for n in nat if s.start <= n.start and n.end <= s.end and n.alias_of is None),
                        key=lambda n: n.start)
        if len(inside) < 2 or inside[0].start != s.start or inside[-1].end != s.end \
                or len(text[s.start:s.end].split()) > 4 \
                or any(text[a.end:b.start] != " " for a, b in zip(inside, inside[1:])):
            continue
        words = [re.findall(r"\w+", text[n.start:n.end]) for n in inside]
        if len(words[-1]) > 1 and not all(
                len(w) == 1 and any("Name" in p.tag for p in parses(w[0].lower())[:2]) for w in words[:-1]):
            continue
        if any(len(w) > 1 and not any("Patr" in p.tag for p in parses(w[-1].lower())[:2]) for w in words[:-1]):
            continue  # a whole name before: "дочь [Джона Смита] [Эмили]", "сын [И.Котова] [Олег]"
        nat = [n for n in nat if n not in inside] + [Span(s.start, s.end, "PERSON", "natasha")]
    return nat


_ADDRESSED = re.compile(r"(?<![\w-])" + ADDRESS + r"[ \u00a0]+(" + CAPITALISED + r")(?![\w-])")
# a performer's title (one performer: a band's name after "музыканты" is an organisation's), then a name in Latin
# letters that no quote opens and no Russian word continues
_STAGE_NAME = re.compile(r"(?<![\w-])(?i:рэпер|певиц|певц|певец|блогер|видеоблогер|диджей|ди-джей|композитор|"
                         r"исполнитель|исполнительниц|актрис|актёр|актер|рок-музыкант|музыкант)[а-яё]{0,3}"
                         r"(?<!ы)(?<!ов)(?<!ами)(?:-[а-яё]+)?[ \u00a0]+([A-Z][A-Za-z0-9'’.-]*(?:[ \u00a0][A-Z][A-Za-z0-9'’.-]*){0,2}?)"
                         r"(?<![a-z0-9]\.)\.?"
                         r"(?![\w«\"-]|[ \u00a0][A-Za-z])")


def names_taken_for_places(text: str, spans: list[Span]) -> list[Span]:
    """natasha's place or organisation that spaCy reads as a person, written as natasha reads a person elsewhere in
    the text, is that person ("переговоры с главой МИД Ли Вэньцзе" before "Ли Вэньцзе отметил"); and the other way
    round, natasha's one-word person that spaCy does not read as one, written as natasha reads a place elsewhere, is
    that place ("министр Лесновии ... экс-премьер Лесновии Пётр Сомов")."""
    def read(kinds):
        return Counter(text[s.start:s.end] for s in spans if s.type in kinds and s.source == "natasha")

    named, places = read(("PERSON",)), read(("LOC",))
    persons = {(s.start, s.end) for s in spans if s.type == "PERSON" and s.source == "spacy"}
    out = []
    for s in spans:
        if s.source == "natasha" and s.type in ("LOC", "ORG") and (s.start, s.end) in persons \
                and text[s.start:s.end] in named:
            s = dataclasses.replace(s, type="PERSON")
        elif s.source == "natasha" and s.type == "PERSON" and (s.start, s.end) not in persons \
                and places[text[s.start:s.end]] >= named[text[s.start:s.end]] and " " not in text[s.start:s.end]:
            s = dataclasses.replace(s, type="LOC")
        out.append(s)
    return out


def stage_names_apart(text: str, spans: list[Span]) -> list[Span]:
    """The models' organisations that are a performer's stage name right after the title ("певице Marla Lesna" is
    a woman, not a label), left out: ``combine_persons`` takes the name."""
    names = [m.span(1) for m in _STAGE_NAME.finditer(text)]
    if not names:
        return spans
    return [s for s in spans if s.type != "ORG" or not any(a <= s.start and s.end <= b for a, b in names)]


_RELATIVE_BEFORE = re.compile(r"(?<![а-яё])(?:" + RELATIVES + r"|супруга)[ \u00a0]+$", re.IGNORECASE)


_SURNAME_FORM = re.compile(r"(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|е|ом)?$|(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)$")


def _surname_first(text: str, names: list[Span]) -> list[Span]:
    """A surname right before a first name and patronymic in the same case is one name, surname first: "Котова
    Нина Ивановна", "Сомовой Анне Петровне" (but "мать Марины Анна Петровна" and "вдова Котова Нина
    Ивановна" are two people: a word for a relative right before makes the first name whose relative she is)."""
    names = sorted(names, key=lambda n: n.start)
    out: list[Span] = []
    for n in names:
        prev = out[-1] if out else None
        words = re.findall(r"[А-ЯЁ][а-яё]+", text[n.start:n.end])
        if prev is not None and text[prev.end:n.start] in (" ", "\u00a0") and len(words) == 2 \
                and re.fullmatch(r"[А-ЯЁ][а-яё-]+", text[prev.start:prev.end]):
            given = [p for p in parses(words[0].lower()) if "Name" in p.tag]
            patr = [p for p in parses(words[1].lower()) if "Patr" in p.tag]
            cases = {p.tag.case for p in given} & {p.tag.case for p in patr}
            surname = parses(text[prev.start:prev.end].lower())
            # a surname the dictionary reads as a word too, by its ending: "Лапина", "Сомовой"
            surname_like = _SURNAME_FORM.search(text[prev.start:prev.end].lower())
            if cases and not _RELATIVE_BEFORE.search(text, max(0, prev.start - 20), prev.start) and any(
                    p.tag.case in cases and ("Surn" in p.tag or not p.is_known or surname_like) for p in surname):
                out[-1] = Span(prev.start, n.end, prev.type, prev.source)
                continue
        out.append(n)
    return out


_NEXT_NAME_WORD = re.compile(r"[ \u00a0](" + CAPITALISED + r")(?![\w-])")


def _surname_after(text: str, names: list[Span]) -> list[Span]:
    """A given name and patronymic run on over the capitalised word after them in their case, the surname a model
    left out when it reads as a word: "Борис Аркадьевич [Лесной]", "Анны Петровны [Белой]"."""
    names = sorted(names, key=lambda n: n.start)
    out: list[Span] = []
    for n in names:
        if out and out[-1].start < n.start < out[-1].end:
            continue  # the surname taken in, which a model found alone
        words = re.findall(r"[А-ЯЁ][а-яё]+", text[n.start:n.end])
        nxt = _NEXT_NAME_WORD.match(text, n.end)
        patr = {p.tag.case for p in parses(words[-1].lower())[:3] if "Patr" in p.tag} if len(words) == 2 and nxt \
            else set()
        if patr and not any(m.start < nxt.end() < m.end for m in names) \
                and any(p.tag.case in patr for p in parses(nxt.group(1).lower())):
            n = Span(n.start, nxt.end(), n.type, n.source)
        out.append(n)
    return out


_INITIALS = re.compile(r"(?:[А-ЯЁ]\.[ \u00a0]?){1,2}[А-ЯЁ]?\.?")


def _initials_after(text: str, names: list[Span]) -> list[Span]:
    """A surname and the initials after it, found apart, are one name: "[Котова] [И.П.]" -> "Котова И.П.", with
    the initial's dot a model left out."""
    out: list[Span] = []
    for n in sorted(names, key=lambda n: n.start):
        prev = out[-1] if out else None
        if not _INITIALS.fullmatch(text, n.start, n.end):
            out.append(n)
            continue
        end = n.end + (text[n.end:n.end + 1] == "." and text[n.end - 1] != ".")
        if prev is not None and text[prev.end:n.start] in (" ", "\u00a0") \
                and re.fullmatch(CAPITALISED, text[prev.start:prev.end]):
            out[-1] = Span(prev.start, end, prev.type, prev.source)
            continue
        # a surname no model found: a word with a surname's ending ("Котову И.П.")
        word = re.search(r"(?<![\w-])([А-ЯЁ][а-яё]+)[ \u00a0]$", text[max(0, n.start - 30):n.start])
        if word and _SURNAME_FORM.search(word.group(1).lower()) \
                and (prev is None or prev.end <= n.start - len(word.group())):
            out.append(Span(n.start - len(word.group()), end, n.type, n.source))
            continue
        out.append(n)
    return out


def _name_key(word: str) -> set[str]:
    return {word.lower()} | {p.normal_form for p in parses(word.lower())[:3]}


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text: str, date: str | dt.date | None = None) -> Result:
    """Extract people, positions, organisations, dates and money from one text."""
    return default_pipeline()(text, date=date)


def _with_known_first_name(text: str, names: list[Span]) -> list[Span]:
    """A name the model cut after its first word takes it back when the text names the person in full elsewhere:
    "Айлин [Миллер]" beside "Айлин Миллер Смит-Джонс"."""
    firsts = {}
    for n in names:
        words = text[n.start:n.end].split()
        if len(words) >= 2:
            for later in words[1:]:
                firsts.setdefault(later.lower()[:5], set()).add(words[0])
    taken = covered(text, names)
    alone = {(n.start, n.end) for n in names}  # a first name found as a name of its own joins too
    out, joined = [], set()
    for n in names:
        before = re.search(r"(?<![\w.-])([А-ЯЁ][а-яё]+)[ \u00a0]$", text[max(0, n.start - 30):n.start])
        first = text[n.start:n.end].split()[0] if n.end > n.start else ""
        if before and before.group(1) in firsts.get(first.lower()[:5], ()) and _given_name_like(before.group(1)):
            start = n.start - len(before.group(0))
            word = (start, start + len(before.group(1)))
            if word in alone or taken.free(start, n.start):
                joined.add(word)
                n = Span(start, n.end, n.type, n.source)
        out.append(n)
    return [n for n in out if (n.start, n.end) not in joined]


def _given_name_like(word: str) -> bool:
    """A given name the dictionary knows, or a word it does not know at all ("Айлин"); not "Усы"."""
    low = word.lower()
    return any("Name" in p.tag for p in parses(low)[:3]) or not morph().word_is_known(low)


def names_again(text: str, names: list[Span], spans: list[Span], taken: Coverage) -> list[Span]:
    """A person named in full, met again where neither model saw a name: the whole name again ("Ратко Младич" in a
    headline), or the surname alone ("Тимченко заявил"), but not beside another capitalised word or an initial
    ("Клан Сопрано", "Суркове В. Ю."), in an organisation's or a place's name, or in quotes. nerel-train: 16 more
    mentions, 14 right."""
    others = covered(text, [sp for sp in spans if sp.type in ("ORG", "LOC")])
    out = []

    def add(a: int, b: int) -> None:
        if taken.free(a, b) and others.free(a, b):
            out.append(Span(a, b, "PERSON", "rule"))
            taken.take(a, b)

    full = {text[n.start:n.end] for n in names
            if re.fullmatch(r"[А-ЯЁ][а-яё]+(?:[ \u00a0][А-ЯЁ][а-яё-]+)+", text[n.start:n.end])}
    for name in sorted(full, key=len, reverse=True):  # str.find: a pattern compiled for each name costs more
        at = text.find(name)
        while at != -1:
            end = at + len(name)
            if not re.match(r"[\w.-]", text[at - 1:at]) and not re.match(r"[\w-]", text[end:end + 1]):
                add(at, end)
            at = text.find(name, end)
    # a surname's stem: all but its last two letters, so that "Тимченко", "Стиллавина", "Кандыбы" match
    stems = set()
    for n in names:
        words = re.findall(CAPITALISED, text[n.start:n.end])
        if len(words) >= 2 and len(words[-1]) >= 4:
            stems.add(words[-1].lower()[:max(4, len(words[-1]) - 2)])
    for m in _LONE_WORD.finditer(text):
        w = m.group().lower()
        if not any(w.startswith(st) and len(w) - len(st) <= 3 for st in stems):
            continue
        before = re.search(r"([A-Za-zА-Яа-яЁё]+)[ \u00a0]+$", text[max(0, m.start() - 30):m.start()])
        if not (before and before.group(1)[0].isupper()):
            add(*m.span())
    return out


# a capitalised word with no name, initial, quote or bracket right after it
_LONE_WORD = re.compile(r"(?<![\w.«\"„-])[А-ЯЁ][а-яё]{3,}(?:-[А-ЯЁ][а-яё]+)?(?![\w-])(?![ \u00a0]*[(«\"]?[A-ZА-ЯЁ])")
