"""The dependency path between a title and a name, which the title linker reads."""
import pytest

from extractor import syntax


def _path(text: str, a: str, b: str) -> str:
    parse = syntax.parse(text, [(0, len(text))])[0]
    i, j = text.index(a), text.index(b)
    return parse.path((i, i + len(a)), (j, j + len(b)))


@pytest.mark.parametrize("text, title, name, expected", [
    # an apposition hangs on the name
    ("Ирина Таратина, первый заместитель председателя комитета, отметила рост.", "первый заместитель председателя",
     "Ирина Таратина", "↑appos"),
    # the name is the subject of the title in a linking clause
    ("Вчера Иван Петров стал директором завода.", "директором завода", "Иван Петров", "↑xcomp↓nsubj"),
    # "one of the producers": through "один"
    ("Иван Петров — один из самых успешных российских продюсеров.", "продюсеров", "Иван Петров",
     "↑nmod↓nsubj"),
    # a name far from the title in the tree
    ("Директор завода Иван Петров сказал, что министр Сергей Сидоров приедет.", "министр", "Иван Петров", "far"),
])
def test_path(text, title, name, expected):
    assert _path(text, title, name) == expected


def test_parse_keeps_offsets():
    text = "Первое предложение. \n\nВторое, короткое."
    parses = syntax.parse(text, [(0, 19), (22, len(text)), (19, 19)])
    assert [text[a:b] for a, b in parses[1].tokens] == ["Второе", ",", "короткое", "."]
    assert parses[2].tokens == () and parses[2].path((19, 19), (19, 19)) == "none"
    for p in parses[:2]:
        assert all(-1 <= h < len(p.tokens) and h != i for i, h in enumerate(p.heads))
        assert all(len(p.chain(i)) <= len(p.tokens) + 1 for i in range(len(p.tokens)))  # ends, cycles or not


def test_a_sentence_too_long_is_left_unparsed():
    text = " ".join(["Иван Петров сказал, что завод работает"] * 60)  # 420 tokens, no full stop
    [p] = syntax.parse(text, [(0, len(text))])
    assert p.tokens == () and p.path((0, 4), (5, 11)) == "none"
