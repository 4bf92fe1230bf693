"""How a model's raw span is mended before the rules see it (pipeline.tidy): text, the model's span -> ours."""
import pytest

from extractor.pipeline import tidy
from extractor.spans import Span

TIDY = [
    # (text, type, the model's span as written, what tidy keeps or None)
    ("Об этом сообщила пресс-служба президента Украины.", "ORG", "служба президента Украины",
     "пресс-служба президента Украины"),
    ("Регистратор RU-CENTER снизил цены.", "ORG", "CENTER", "RU-CENTER"),
    ('Кандидата выдвинула партия "Объединение за Мали" (Rassemblement pour le Mali, RPM), её лидер.', "ORG",
     'Объединение за Мали" (Rassemblement pour le Mali, RPM)', "Объединение за Мали"),
    ('Об этом сообщает РИА "Новости" со ссылкой на источник.', "ORG", 'РИА "Новости', 'РИА "Новости"'),
    ("Клуб «Арсенал» выиграл.", "ORG", "«Арсенал»", "Арсенал"),
    # a name that starts a quotation runs to its end, unless the quotation is a sentence or a title
    ('В 2011 году он основал партию "Движение за развитие Мали".', "ORG", "Движение за развитие",
     "Движение за развитие Мали"),
    ("Он вошёл в «Тройной золотой клуб» хоккея.", "ORG", "Тройной золотой", "Тройной золотой клуб"),
    ("Рабочие пишут, что «Vestas не желает сохранить завод».", "ORG", "Vestas", "Vestas"),
    ("Вышел фильм «Pussy Riot: панк-молебен».", "ORG", "Pussy Riot", "Pussy Riot"),
    ("Сказал президент,\nа потом", "POSITION", "президент,\nа", "президент"),
    ("…, — сказал он.", "ORG", ", —", None),
    # an opening quote never ends a name
    ("Он сказал в эфире Русской службе «Голоса Америки».", "ORG", "Русской службе «", "Русской службе"),
    # nor a closing one it has not opened; wiki markup's two apostrophes are quotes too
    ("Эксперт «Лаборатории Касперского» рассказал.", "ORG", "Лаборатории Касперского»", "Лаборатории Касперского"),
    ("Президент ''Samsung Electronics'' арестован.", "ORG", "''Samsung Electronics", "Samsung Electronics"),
    # a name cut inside a quotation runs on to its closing quote
    ("Открытие фестиваля «Шукшинские дни на Алтае» прошло.", "ORG", "фестиваля «Шукшинские",
     "фестиваля «Шукшинские дни на Алтае»"),
]


@pytest.mark.parametrize("text,type_,raw,expected", TIDY)
def test_tidy(text, type_, raw, expected):
    start = text.index(raw)
    got = tidy(text, Span(start, start + len(raw), type_, "spacy"))
    assert (text[got.start:got.end] if got else None) == expected


@pytest.mark.parametrize("text,raw,expected", [
    ("Джеймс Макгирт (James (Buddy) McGirt, тренер) упрашивал.", "James (Buddy", "James"),  # cut in its brackets
    ("Дж.Коми выступил.", "Коми", "Дж.Коми"),  # initials taken in
])
def test_tidy_person(text, raw, expected):
    from extractor.pipeline import tidy_person

    start = text.index(raw)
    got = tidy_person(text, Span(start, start + len(raw), "PERSON", "natasha"))
    assert (text[got.start:got.end] if got else None) == expected
