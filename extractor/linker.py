"""Who holds a title: a softmax over "nobody near" and each person mention near it.

The weights (models/linker.json) are learned from NEREL's train split by ``scripts/train_linker.py``; the
features of a (title, mention) pair are the cues a reader uses: which side the name is on, what lies between
(nothing, a comma, a dash, a verb, a sentence end, another name or title), the cases of the title and the
name, whether the title follows "с" or "пост", and, when they share a sentence, the path between them in
slovnet's dependency parse ("↑appos", "↑nmod↓nsubj"); those of "nobody": the title's case and number, how many
names are near, whether its sentence names anyone or has a pronoun, the title's relation in the parse and
whether its clause has a pronoun for its subject.
"""
from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

from . import syntax
from .morph import head_noun, parses
from .people import PREPOSITION
from .resources import resource
from .spans import Coverage

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
AFTER_WITH = re.compile(r"(?:^|[^\w-])(?:с|со|между)[ \u00a0]+(?:[а-яё-]+[ \u00a0]+)?$", re.I)
POST = r"(?:пост|посту|поста|должность|должности)"
AFTER_POST = re.compile(r"(?<![а-яё])" + POST + r"[ \u00a0]+$", re.I)
_BUCKETS = (1, 3, 10, 30, 80, 200)
WINDOW = 400  # characters either side of a title where its holder is looked for


class Context:
    """What the features of one document need: sentences, person mentions, titles, organisation cover."""

    def __init__(self, text: str, sents, mentions, titles, orgs=(), people=None) -> None:
        self.text = text
        # each mention's person: (id, gender "masc"/"femn"/"?", head lemmas of the titles the rules gave them)
        self.people = people or {}
        self.sents = sorted(sents)
        self.mentions = sorted(mentions, key=lambda m: m[0])  # (start, end)
        self.m_starts = [m[0] for m in self.mentions]
        self.titles = sorted(titles)
        self.t_starts = [t[0] for t in self.titles]
        self.in_org = Coverage(len(text))
        for a, b in orgs:
            self.in_org.take(a, b)
        # how often each name is mentioned (by the first letters of its last word): the text's main people
        self.counts = Counter(self.key(m) for m in self.mentions)
        self.most = max(self.counts.values(), default=0)
        self._titles: dict[tuple[int, int], tuple] = {}
        self._parses: dict[int, syntax.Parse] = {}

    def parsed(self, k: int) -> syntax.Parse | None:
        """Sentence ``k``'s dependency parse, if ``parse_around`` parsed it."""
        return self._parses.get(k)

    def parse_around(self, titles) -> None:
        """Parse, in one batch, the sentences of these titles that name someone near enough to hold them: the
        only ones whose parse the features read."""
        ks = sorted({k for k, t in ((self.sentence(t[0]), t) for t in titles) if k >= 0 and k not in self._parses
                     and any(self.sentence(m[0]) == k for m in self.candidates(t))})
        self._parses.update(zip(ks, syntax.parse(self.text, [self.sents[k] for k in ks])))

    def title(self, title: tuple[int, int]) -> tuple:
        """What a title brings to every pair it is in, worked out once: its head noun's parse, whether it follows
        "с" and whether it follows "пост"."""
        if title not in self._titles:
            before = self.text[max(0, title[0] - 30):title[0]]
            self._titles[title] = (head_noun(self.text, *title), bool(AFTER_WITH.search(before)),
                                   bool(AFTER_POST.search(before[-20:])))
        return self._titles[title]

    def key(self, m) -> str:
        words = _WORD.findall(self.text, m[0], m[1])
        return words[-1][:5].lower() if words else ""

    def sentence(self, pos: int) -> int:
        return bisect_right(self.sents, (pos, float("inf"))) - 1

    def candidates(self, title: tuple[int, int]) -> list[tuple[int, int]]:
        i = bisect_left(self.m_starts, title[0] - WINDOW)
        j = bisect_right(self.m_starts, title[1] + WINDOW)
        return [m for m in self.mentions[i:j] if not (m[0] < title[1] and title[0] < m[1])]

    def between(self, starts, items, lo: int, hi: int) -> int:
        i, j = bisect_left(starts, lo), bisect_left(starts, hi)
        return sum(1 for x in items[i:j] if x[1] <= hi)


def _case(word: str | None) -> str:
    if not word:
        return "none"
    p = parses(word.lower().rsplit("-", 1)[-1])[0]
    return str(p.tag.case or "none")


def _gap_class(gap: str) -> str:
    g = gap.strip(" \u00a0")
    if not g:
        return "space"
    if g in (",", "(", ":", "—", "–", "-"):
        return {"(": "paren", ":": "colon", ",": "comma"}.get(g, "dash")
    if re.fullmatch(r"[,(]?\s*\d+-летн\w+", g):
        return "age"
    if "\n" in gap:
        return "newline"
    return "words"


def features(ctx: Context, title: tuple[int, int], m: tuple[int, int]) -> list[str]:
    text = ctx.text
    after = m[0] >= title[1]
    side = "after" if after else "before"
    lo, hi = (title[1], m[0]) if after else (m[1], title[0])
    gap = text[lo:hi]
    d = hi - lo
    bucket = next((i for i, b in enumerate(_BUCKETS) if d <= b), len(_BUCKETS))
    gclass = _gap_class(gap)
    head, after_with, after_post = ctx.title(title)
    tcase = str(head.tag.case) if head else "adj"
    tnum = "plur" if head is not None and head.tag.number == "plur" else "sing"
    words = _WORD.findall(text, m[0], m[1])
    mcase = _case(words[-1] if words else None)
    persons = ctx.between(ctx.m_starts, ctx.mentions, lo, hi)
    titles = ctx.between(ctx.t_starts, ctx.titles, lo, hi)
    sdist = abs(ctx.sentence(title[0]) - ctx.sentence(m[0]))
    gap_words = _WORD.findall(gap)
    verb = any(parses(w.lower())[0].tag.POS in ("VERB", "PRTS", "PRTF", "GRND") for w in gap_words[:12])
    ms = ctx.sentence(m[0])
    sentence_initial = ms >= 0 and not text[ctx.sents[ms][0]:m[0]].strip()
    f = [
        "bias", side, f"{side}:d{bucket}", f"{side}:gap={gclass}", f"{side}:persons={min(persons, 2)}",
        f"titles={min(titles, 2)}", f"{side}:titles={min(titles, 2)}", f"sdist={min(sdist, 2)}",
        f"{side}:sdist={min(sdist, 2)}", f"tcase={tcase}", f"{side}:tcase={tcase}", f"tnum={tnum}",
        f"{side}:tnum={tnum}", f"mcase={mcase}", f"{side}:mcase={mcase}", f"{side}:{tcase}:{mcase}",
        f"agree={tcase == mcase}", f"{side}:gap={gclass}:persons={min(persons, 2)}",
        f"{side}:gap={gclass}:tcase={tcase}", f"{side}:verb={verb}", f"{side}:gapwords={min(len(gap_words), 4)}",
        f"{side}:d{bucket}:gap={gclass}", f"{side}:d{bucket}:persons={min(persons, 2)}",
        f"{side}:sdist={min(sdist, 2)}:tcase={tcase}", f"{side}:verb={verb}:tcase={tcase}",
        f"{side}:sdist={min(sdist, 2)}:persons={min(persons, 2)}",
    ]
    if persons == 0:
        f.append(f"{side}:nearest")
    parse = ctx.parsed(ms) if sdist == 0 and ms >= 0 else None  # parsed: a candidate shares the title's sentence
    if parse:
        path = parse.path(title, m)
        f += [f"syn={path}", f"{side}:syn={path}"]
    person = ctx.people.get(m)
    if person and head is not None:
        _, gender, held = person
        if str(head.tag.gender) in ("masc", "femn") and gender != "?":
            f.append(f"gender={head.tag.gender}:{gender}")  # "певица" is a woman's title
        if head.normal_form in held:
            f.append("holds_same")  # "рэпер Jay-Z ... рэпер"
        elif held:
            f.append("holds_other")
    n = ctx.counts.get(ctx.key(m), 1)
    f.append(f"{side}:mentions={min(n, 4)}")
    f.append(f"sdist={min(sdist, 2)}:mentions={min(n, 4)}")
    if n == ctx.most:
        f.append(f"sdist={min(sdist, 2)}:main")
    if sentence_initial:
        f.append(f"{side}:subject")
    if not ctx.in_org.free(m[0], m[0] + 1):
        f.append("in_org")
    if after_with:
        f.append(f"{side}:after_s")
    if after_post:
        f.append(f"{side}:after_post")
    return f


_PRONOUN = re.compile(r"(?<![а-яё])(?:он|она|они|его|её|ее|ему|ей|им|ним|нём|ней)(?![а-яё])", re.I)


def null_features(ctx: Context, title: tuple[int, int], n: int) -> list[str]:
    """The features of "nobody near holds the title", scored against every candidate's."""
    head, after_with, after_post = ctx.title(title)
    tcase = str(head.tag.case) if head else "adj"
    tnum = "plur" if head is not None and head.tag.number == "plur" else "sing"
    f = ["NULL", f"NULL:tcase={tcase}", f"NULL:tnum={tnum}", f"NULL:n={min(n, 5)}", f"NULL:with={after_with}",
         f"NULL:post={after_post}"]
    if head is not None:
        f.append(f"NULL:lemma={head.normal_form}")  # "певец" has its holder near more often than "президент"
    k = ctx.sentence(title[0])
    if k >= 0:
        s0, s1 = ctx.sents[k]
        f.append(f"NULL:tsubj={not ctx.text[s0:title[0]].strip()}:tcase={tcase}")
        f.append(f"NULL:pron={bool(_PRONOUN.search(ctx.text, s0, s1))}")
        f.append(f"NULL:persons_in_sent={min(ctx.between(ctx.m_starts, ctx.mentions, s0, s1), 3)}")
        p = ctx.parsed(k)
        i = p.head_of(*title) if p else None
        if i is not None:
            f.append(f"NULL:rel={p.rels[i]}")
            # the title's clause has a pronoun for its subject: "он стал директором"
            h = p.heads[i] if p.rels[i] not in ("nsubj", "root") else i
            subj = [x for x in range(len(p.heads)) if p.heads[x] in (h, i) and p.rels[x] == "nsubj"]
            if subj:
                w = ctx.text[p.tokens[subj[0]][0]:p.tokens[subj[0]][1]]
                f.append(f"NULL:subj={'pron' if _PRONOUN.fullmatch(w) else 'word'}")
    return f


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    return json.loads(resource("linker.json").read_text(encoding="utf-8"))["weights"]


# a preposition right before a name after the title makes the name its object, not the title's holder
# ("ассистентом художника у Ивана Котова", "спросил у Котова"); but not these
_MAY_HOLD_AFTER = frozenset("с со в во над под между около среди возле обо".split())


def candidates(ctx: Context, title: tuple[int, int], skip=frozenset()) -> list[tuple[int, int]]:
    """The person mentions that may hold the title: those near it, but not in ``skip``, nor a preposition's object
    after it."""
    head, after_with, _ = ctx.title(title)
    # "встретился с президентом": someone else, unless the name agrees ("с главой федерации Анной Котовой")
    with_ = head is not None and head.tag.case == "ablt" and after_with
    return [m for m in ctx.candidates(title) if m not in skip and not (with_ and not any(
        parses(w.lower())[0].tag.case == "ablt" for w in _WORD.findall(ctx.text, m[0], m[1])))
        and not (m[0] >= title[1] and _object_of_preposition(ctx.text, m[0]))]


def _object_of_preposition(text: str, start: int) -> bool:
    prep = PREPOSITION.search(text, max(0, start - 10), start)
    return bool(prep) and prep.group(1) not in _MAY_HOLD_AFTER


def best_holder(ctx: Context, title: tuple[int, int], skip=frozenset()):
    """The person mention that holds the title, with its probability, or None when "nobody near" scores best;
    mentions in ``skip`` are known not to hold it."""
    cands = candidates(ctx, title, skip)
    w = weights()
    scores = [sum(w.get(x, 0.0) for x in f) for f in
              [null_features(ctx, title, len(cands))] + [features(ctx, title, m) for m in cands]]
    top = max(scores)
    i = scores.index(top)
    return (cands[i - 1], 1.0 / sum(math.exp(x - top) for x in scores)) if i else None
