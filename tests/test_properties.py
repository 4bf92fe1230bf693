"""Property tests: random Unicode and random mixes of news fragments never crash, offsets always hold."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FRAGMENTS = [
    "Губернатор Курской области Роман Старовойт", "в 2002 году", "За 18 лет", "130 миллионов долларов",
    "– 77 миллионов и 54 миллиона", "Ирина Таратина, первый заместитель председателя комитета",
    "«Газпром»", "ООО «Ромашка»", "с 1 по 5 марта", "вчера", "$27 млн", "от 4 до 6 тысяч рублей",
    "\u00a0", "\n\n", ", ", ". ", "(ФСБ)", "Федеральная служба безопасности", "Дж.Коми", "Б.Обама",
    "министр иностранных дел России Сергей Лавров", "в XIX веке", "100-долларовой", "летом",
    "возглавил", "работает в", "во главе с", "Иван Котов", "который", "выступал за", "из",
    "''Ромашка''", "''«Лютик»''", "''", "директор ''Bellflower Bank''",
]


def check(result, text):
    d = result.to_dict()
    for p in d["people"]:
        for m in p["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    for o in d["organisations"]:
        for m in o["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
            k = m["with_kind"]  # the mention with the words for its kind holds the mention
            assert k is None or text[k["start"]:k["end"]] == k["text"] and k["start"] <= m["start"] < m["end"] <= k["end"]
    for key in ("positions", "dates", "money"):
        for m in d[key]:
            assert 0 <= m["start"] < m["end"] <= len(text)
            assert text[m["start"]:m["end"]] == m["text"]
    people = {p["id"]: p["mentions"] for p in d["people"]}
    orgs = {o["id"]: [{k: m[k] for k in ("start", "end", "text")} for m in o["mentions"]] for o in d["organisations"]}
    for a in d["affiliations"]:
        assert a["person_mention"] in people[a["person"]] and a["organisation_mention"] in orgs[a["organisation"]]
        assert text[a["cue"]["start"]:a["cue"]["end"]] == a["cue"]["text"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_random_unicode(pipeline, text):
    check(pipeline(text), text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join))
def test_random_news_fragments(pipeline, text):
    check(pipeline(text), text)
