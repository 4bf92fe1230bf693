"""The library API: extract(), Pipeline, Pipeline.pipe, typed results."""
import dataclasses

import pytest

from extractor import ExtractorError, Pipeline, Result, extract
from extractor.types import Person

TEXT = "Мэр Москвы Сергей Собянин вчера выделил 5 млн рублей."


def test_extract_returns_frozen_typed_results(pipeline):
    r = pipeline(TEXT, date="2021-04-02")
    assert isinstance(r, Result) and isinstance(r.people[0], Person)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.people[0].name = "x"
    d = r.to_dict()
    assert d["people"][0]["name"] == "Сергей Собянин" and d["dates"][0]["value"] == "2021-04-01"
    assert d["positions"][0]["title"] == "мэр Москвы" and d["positions"][0]["person"] == "person-1"


def test_module_level_extract():
    assert extract("").to_dict()["people"] == []


def test_pipe_keeps_order_and_reports_bad_items():
    nlp = Pipeline(max_chars=100)
    out = nlp.pipe([(TEXT, None, "a"), ("x" * 101, None, "b"), ("", None, "c"), (TEXT, "2021-04-02", "d")])
    assert [type(x).__name__ for x in out] == ["Result", "InputError", "Result", "Result"]
    assert out[0].id == "a" and out[3].dates[0].value == "2021-04-01"
    assert "too long" in str(out[1])


def test_bad_date_is_a_user_error(pipeline):
    with pytest.raises(ExtractorError, match="YYYY-MM-DD"):
        pipeline(TEXT, date="01.04.2021")


def test_output_validates_against_the_published_schema(pipeline):
    jsonschema = pytest.importorskip("jsonschema")
    from extractor.schema import output_schema

    schema = output_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    text = ("Экспорт – 77 миллионов после 130 миллионов долларов. С 1 по 5 марта 2020 года Иван Петров, министр, был в "
            "Минске. Акции компании «Ромашка» выросли.")
    doc = pipeline(text, date="2020-03-10").to_dict()
    jsonschema.validate(doc, schema)
    jsonschema.validate({"id": "x", "error": "x: no such file or folder"}, schema)


@pytest.mark.parametrize("text,expected", [
    ("Cолист группы", "Солист группы"),  # Latin C
    ("Католичеcкой церкви", "Католической церкви"),
    ("Клишасa", "Клишаса"),
    ("iPhone, Coca-Cola и ВКонтакте", "iPhone, Coca-Cola и ВКонтакте"),  # one alphabet a word: left alone
    ("работал там c 2010 года", "работал там с 2010 года"),  # a one-letter word between Russian ones
    ("вышел альбом C и D", "вышел альбом C и D"),  # but not before a Latin one
])
def test_latin_twins_in_russian_words(text, expected):
    from extractor.pipeline import cyrillic

    assert cyrillic(text) == expected and len(cyrillic(text)) == len(text)


@pytest.mark.parametrize("text,expected", [
    ("главы ''Ромашки'' сказал", 'главы "Ромашки" сказал'),  # wiki italics read as quotes
    ("клуб ''Bellflower Bank'', ", 'клуб "Bellflower Bank", '),
    ("на сайте ''«Лютик»''.", "на сайте «Лютик»."),  # quotes there already: the markers dropped
    ("в «''полном здравии''».", "в «полном здравии»."),
    ("основы ''l''-адических чисел", "основы ''l''-адических чисел"),  # not italics
    ("д''Артаньян и ''", "д''Артаньян и ''"),
])
def test_wiki_italics(text, expected):
    from extractor.pipeline import cleaned

    clean, where = cleaned(text)
    assert clean == expected
    if where is not None:  # every character of the clean text comes from the text: a letter from itself
        assert len(where) == len(clean)
        assert all(text[a:b] == c or (c == '"' and text[a:b] == "''") for c, (a, b) in zip(clean, where))


def test_wiki_italics_read_as_quotes_but_quoted_as_written(pipeline):
    text = "Об этом сообщил вице-президент ''Bellflower Bank'' Олег Лапин."
    for r in (pipeline(text), pipeline.pipe([(text, None, None)])[0]):
        [p] = r.positions
        assert p.text == text[p.start:p.end] == "вице-президент ''Bellflower Bank''"
        [o] = r.organisations
        assert o.name == "Bellflower Bank" and text[o.mentions[0].start:o.mentions[0].end] == "Bellflower Bank"
        assert p.organisation == o.id and p.person == r.people[0].id


def test_latin_twins_are_read_as_cyrillic_but_quoted_as_written(pipeline):
    text = "Об этом сообщил глава Католичеcкой церкви Иван Петров."
    for r in (pipeline(text), pipeline.pipe([(text, None, None)])[0]):
        [p] = r.positions
        assert p.title == "глава Католической церкви" and p.text == text[p.start:p.end] == "глава Католичеcкой церкви"
        [o] = r.organisations
        assert o.name == "Католическая церковь" and o.mentions[0].text == "Католичеcкой церкви"
        assert p.person is not None
