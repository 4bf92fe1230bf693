"""Dependency parses of sentences by slovnet's news syntax model (shipped in natasha's wheel), and the path
between two spans of one sentence through the tree: what the title linker reads as "the name is the subject of
the title" ("Уитакер был управляющим": ↓nsubj) or "the title is an apposition to the name" (↑appos)."""
from __future__ import annotations

from dataclasses import dataclass

from razdel import tokenize

from .threads import one_blas_thread

_parser = None


def parser(embedding=None):
    """slovnet's syntax model, loaded once; on navec's news ``embedding`` when the caller has it loaded already
    (the pipeline's NER uses the same), so that it is not loaded twice."""
    global _parser
    if _parser is None:
        import yargy  # noqa: F401  (patches pymorphy2 for Python >= 3.11 before natasha imports it)
        from natasha import NewsEmbedding, NewsSyntaxParser

        _parser = NewsSyntaxParser(embedding or NewsEmbedding())
    return _parser


@dataclass(frozen=True)
class Parse:
    """One sentence: its tokens' (start, end) in the text, each token's head (index, -1 for the root) and
    relation to it."""

    tokens: tuple[tuple[int, int], ...]
    heads: tuple[int, ...]
    rels: tuple[str, ...]

    def head_of(self, start: int, end: int) -> int | None:
        """The token of a span whose head lies outside it (its first such token), or None if no token is in it."""
        inside = [i for i, (a, b) in enumerate(self.tokens) if start <= a and b <= end]
        for i in inside:
            if self.heads[i] < 0 or not start <= self.tokens[self.heads[i]][0] < end:
                return i
        return inside[0] if inside else None

    def chain(self, i: int) -> list[int]:
        out = [i]
        while self.heads[out[-1]] >= 0 and len(out) <= len(self.tokens):
            out.append(self.heads[out[-1]])
        return out

    def path(self, a: tuple[int, int], b: tuple[int, int], limit: int = 3) -> str:
        """The relations from span a up to the lowest common head and down to span b ("↑appos", "↓nsubj",
        "↑obl↓nsubj"); "far" when longer than ``limit`` steps, "none" when a span has no token."""
        i, j = self.head_of(*a), self.head_of(*b)
        if i is None or j is None or i == j:
            return "none"
        up, down = self.chain(i), self.chain(j)
        common = next((x for x in up if x in down), None)
        if common is None:
            return "far"
        ups = up[:up.index(common)]
        downs = down[:down.index(common)]
        if len(ups) + len(downs) > limit:
            return "far"
        return "".join("↑" + self.rels[x] for x in ups) + "".join("↓" + self.rels[x] for x in reversed(downs))


MAX_TOKENS = 300  # the parser's memory and time grow with the square of a sentence's length


def parse(text: str, sentences: list[tuple[int, int]]) -> list[Parse]:
    """Parse each (start, end) sentence of the text, in one batch; one longer than ``MAX_TOKENS`` tokens (a
    table or a list with no full stop) is left unparsed, as an empty parse."""
    toks = [[(s + t.start, s + t.stop, t.text) for t in tokenize(text[s:e])] for s, e in sentences]
    toks = [ts if len(ts) <= MAX_TOKENS else [] for ts in toks]
    full = [ts for ts in toks if ts]
    if not full:
        return [Parse((), (), ()) for _ in toks]
    with one_blas_thread():
        markups = iter(list(parser().map([[t[2] for t in ts] for ts in full])))
    out = []
    for tokens in toks:
        if not tokens:
            out.append(Parse((), (), ()))
            continue
        markup = next(markups)
        # heads by argmax, not a tree search: a token may head itself (taken as a root) or sit in a cycle
        heads = tuple(-1 if int(t.head_id) - 1 == i else int(t.head_id) - 1 for i, t in enumerate(markup.tokens))
        out.append(Parse(tuple((a, b) for a, b, _ in tokens), heads, tuple(t.rel for t in markup.tokens)))
    return out
