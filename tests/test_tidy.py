"""How a model's raw span is mended before the rules see it (pipeline.tidy): text, the model's span -> ours."""
import pytest

from extractor.pipeline import tidy
from extractor.spans import Span

TIDY = [
    # (text, type, the model's span as written, what tidy keeps or None)
    ("Об этом сообщила пресс-служба президента Украины.", "ORG", "служба президента Украины",
     "пресс-служба президента Украины"),
    ("Регистратор RU-CENTER снизил цены.", "ORG", "CENTER", "RU-CENTER"),
    ('Кандидата поддержала партия "Союз за Нигер" (Union pour le Niger, UPN), её лидер.', "ORG",
     'Союз за Нигер" (Union pour le Niger, UPN)', "Союз за Нигер"),
    ('Как передаёт РИА "Новости", решение принято.', "ORG", 'РИА "Новости', 'РИА "Новости"'),
    ("Клуб «Арсенал» выиграл.", "ORG", "«Арсенал»", "Арсенал"),
    # a name that starts a quotation runs to its end, unless the quotation is a sentence or a title
    ('В 2014 году она создала партию "Движение за развитие Чада".', "ORG", "Движение за развитие",
     "Движение за развитие Чада"),
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
    ("Открытие фестиваля «Пушкинские вечера в Твери» прошло.", "ORG", "фестиваля «Пушкинские",
     "фестиваля «Пушкинские вечера в Твери»"),
    # ... and one that stops on a straight quote it opens takes the quoted name, or leaves the quote out
    ('Экс-руководитель тамбовского отделения партии "Ромашка" и бывший кандидат', "POSITION",
     'руководитель тамбовского отделения партии "', 'руководитель тамбовского отделения партии "Ромашка"'),
    ('Он сказал "привет всем', "POSITION", 'Он сказал "', "Он сказал"),
    # a title ends before a quotation that opens with no noun or adjective: what its holder said
    ("Новый руководитель «хорошо знает рынок», сказал он.", "POSITION", "руководитель «хорошо знает рынок»",
     "руководитель"),
    ('Генсек "газовой ОПЕК" приехал.', "POSITION", 'Генсек "газовой ОПЕК"', 'Генсек "газовой ОПЕК"'),
    ("Главный тренер «ирисок» ушёл.", "POSITION", "Главный тренер «ирисок»", "Главный тренер «ирисок»"),
]


@pytest.mark.parametrize("text,type_,raw,expected", TIDY)
def test_tidy(text, type_, raw, expected):
    start = text.index(raw)
    got = tidy(text, Span(start, start + len(raw), type_, "spacy"))
    assert (text[got.start:got.end] if got else None) == expected


@pytest.mark.parametrize("text,raw,expected", [
    ("Джон Миллер (John (Jack) Miller, тренер) упрашивал.", "John (Jack", "John"),  # cut in its brackets
    ("Дж.Коми выступил.", "Коми", "Дж.Коми"),  # initials taken in
])
def test_tidy_person(text, raw, expected):
    from extractor.pipeline import tidy_person

    start = text.index(raw)
    got = tidy_person(text, Span(start, start + len(raw), "PERSON", "natasha"))
    assert (text[got.start:got.end] if got else None) == expected
