"""Who works where by a verb or a phrase, no title between: text -> (person mention, organisation mention, kind)."""
import pytest

AFFILIATIONS = [
    ("Иван Котов возглавил компанию «Ромашка» в 2010 году.", [("Иван Котов", "Ромашка", "head")]),
    ("Анна Котова, которая с 2005 года работает в банке «Лютик», рассказала об этом.",
     [("Анна Котова", "Лютик", "works")]),
    ("Правительство во главе с премьером Олегом Лапиным ушло в отставку.",
     [("Олегом Лапиным", "Правительство", "head")]),
    ("Олег Лапин выступал за «Спартак», «Зенит» и ЦСКА.",  # every organisation of a list
     [("Олег Лапин", "Спартак", "plays"), ("Олег Лапин", "Зенит", "plays"), ("Олег Лапин", "ЦСКА", "plays")]),
    ("Олег Лапин поиграл за три команды («Зенит», «Спартак» и «Динамо»).",
     [("Олег Лапин", "Зенит", "plays"), ("Олег Лапин", "Спартак", "plays"), ("Олег Лапин", "Динамо", "plays")]),
    # the organisation first, the person after
    ("Компанию «Ромашка», которую возглавляет Иван Котов, проверят.", [("Иван Котов", "Ромашка", "head")]),
    ("Банк «Лютик» возглавит Анна Котова.", [("Анна Котова", "Банк «Лютик»", "head")]),
    # every person of a list, with a plural verb
    ("Иван Котов и Олег Лапин покинули «Ромашку».",
     [("Иван Котов", "Ромашку", "left"), ("Олег Лапин", "Ромашку", "left")]),
    # a participle after the name, "который" with another name between, "он" of the sentence before
    ("Анна Котова, ранее возглавлявшая «Ромашку», уехала.", [("Анна Котова", "Ромашку", "head")]),
    ("Иван Котов, который при Олеге Лапине возглавлял «Ромашку», уехал.", [("Иван Котов", "Ромашку", "head")]),
    ("Иван Котов родился в Томске. В 2001 году он возглавил «Ромашку».", [("Иван Котов", "Ромашку", "head")]),
    # predicates of one subject
    ("Анна Котова окончила институт, работала в «Ромашке».", [("Анна Котова", "Ромашке", "works")]),
    ("Иван Котов преподавал в МГУ, а в 2010-х возглавлял «Ромашку».",
     [("Иван Котов", "МГУ", "works"), ("Иван Котов", "Ромашку", "head")]),
    ("Иван Котов из группы «Лютик» выступил первым.", [("Иван Котов", "Лютик", "works")]),
    ("Анна Котова, управлявшая «Ромашкой» пять лет, ушла на пенсию.", [("Анна Котова", "Ромашкой", "head")]),
    ("Оркестр «Лютик» под управлением Олега Лапина выступит в Томске.", [("Олега Лапина", "Лютик", "head")]),
    ("Олег Лапин провёл 17 матчей за «Зенит».", [("Олег Лапин", "Зенит", "plays")]),
    ("Иван Котов тренировал «Зенит» три года.", [("Иван Котов", "Зенит", "works")]),
    ("Союз правообладателей (СП) во главе с Олегом Лапиным подал иск.",  # its abbreviation between
     [("Олегом Лапиным", "Союз правообладателей", "head")]),
    ("Иван Котов вернулся в «Спартак» после травмы.", [("Иван Котов", "Спартак", "works")]),
    ("Анна Котова устроилась на работу в банк «Лютик».", [("Анна Котова", "Лютик", "works")]),
    # not a tie
    ("Иван Котов хочет работать в «Ромашке».", []),  # not yet
    ("Анна Котова родилась в семье врача Мэри Смит, окончила институт, работала в «Ромашке».", []),  # not Смит's
    ("Олег Лапин пришёл в «Ромашку» с проверкой.", []),  # a visit
    ("Олег Лапин провёл переговоры за закрытыми дверями «Ромашки».", []),
    ("Главным управляющим «Ромашки» назначен Иван Котов.", []),  # a title: the position carries it
    ("Иван Котов выступал в Государственной думе с докладом.", []),  # speaking there
    ("Иван Котов сказал, что «Ромашку» возглавит другой человек.", []),
    ("Анна Котова рассказала, что Иван Котов работал в «Ромашке».", [("Иван Котов", "Ромашке", "works")]),
    ("Иван Котов возглавил список, а «Ромашка» осталась без лидера.", []),
    ("Журналисты спросили Анну Котову, кто возглавил «Ромашку».", []),
    ("Иван Котов ушёл в отставку, а Олег Лапин возглавил «Ромашку».", [("Олег Лапин", "Ромашку", "head")]),
    ("Иван Котов ушёл в отставку, а потом Анна Котова возглавила «Ромашку».", [("Анна Котова", "Ромашку", "head")]),
    ("«Ромашку» возглавил 29-летний Иван Котов.", [("Иван Котов", "Ромашку", "head")]),  # an age before the name
    # a list goes on with its verb left out
    ("«Ромашку» возглавил Иван Котов, «Лютик» — Олег Лапин, а «Василёк» — Пётр Сомов.",
     [("Иван Котов", "Ромашку", "head"), ("Олег Лапин", "Лютик", "head"), ("Пётр Сомов", "Василёк", "head")]),
    # an apposition, then words of when
    ("Иван Котов, 58 лет, в течение 12 лет возглавлял «Ромашку».", [("Иван Котов", "Ромашку", "head")]),
    # the club, not the league whose club it is
    ("Иван Котов играл за команду КХЛ «Северные Рыси».", [("Иван Котов", "Северные Рыси", "plays")]),
]


@pytest.mark.parametrize("text,expected", AFFILIATIONS)
def test_affiliations(pipeline, text, expected):
    result = pipeline(text)
    names = {p.id: p for p in result.people}
    orgs = {o.id: o for o in result.organisations}
    got = [(a.person_mention.text, a.organisation_mention.text, a.kind) for a in result.affiliations]
    assert got == expected
    for a in result.affiliations:  # the mentions are the person's and the organisation's own
        assert a.person_mention in names[a.person].mentions
        o = a.organisation_mention
        assert (o.start, o.end, o.text) in {(m.start, m.end, m.text) for m in orgs[a.organisation].mentions}
        assert text[a.cue.start:a.cue.end] == a.cue.text


def test_affiliations_count_as_workplace_only_when_asked():
    from extractor.scoring import result_to_pred

    result = {"people": [{"id": "person-1", "mentions": [{"start": 0, "end": 5}]}],
              "organisations": [{"id": "org-1", "mentions": [{"start": 20, "end": 27}]}],
              "affiliations": [{"person": "person-1", "organisation": "org-1",
                                "person_mention": {"start": 0, "end": 5}, "organisation_mention": {"start": 20, "end": 27}}]}
    assert result_to_pred(result)["relations"] == []  # the benchmark's rules: WORKPLACE from positions only
    assert result_to_pred(result, affiliations=True)["relations"] == [
        {"type": "WORKPLACE", "head": (0, 5), "tail": (20, 27)}]


def test_a_title_already_linked_adds_no_workplace_twice():
    from extractor.scoring import result_to_pred

    result = {"people": [{"id": "person-1", "mentions": [{"start": 0, "end": 5}]}],
              "organisations": [{"id": "org-1", "mentions": [{"start": 20, "end": 27}]}],
              "positions": [{"start": 10, "end": 27, "person": "person-1", "organisation": "org-1"}],
              "affiliations": [{"person": "person-1", "organisation": "org-1",
                                "person_mention": {"start": 0, "end": 5}, "organisation_mention": {"start": 20, "end": 27}}]}
    rels = [r for r in result_to_pred(result, affiliations=True)["relations"] if r["type"] == "WORKPLACE"]
    assert rels == [{"type": "WORKPLACE", "head": (0, 5), "tail": (20, 27)}]


def test_an_affiliation_gives_the_holders_title_its_organisation(pipeline):
    d = pipeline("Иван Котов, опытный менеджер, в 2010 году возглавил «Ромашку».").to_dict()
    orgs = {o["id"]: o["name"] for o in d["organisations"]}
    assert [(p["text"], orgs.get(p["organisation"])) for p in d["positions"]] == [("менеджер", "Ромашка")]


def test_an_affiliation_said_in_another_sentence_gives_no_title_its_organisation(pipeline):
    # "он" of the next sentence is Котов, but what he led then is not what he was elected to
    d = pipeline("Иван Котов был избран губернатором в 2021 году. До этого он руководил администрацией Твери.").to_dict()
    assert [(p["text"], p["organisation"]) for p in d["positions"]] == [("губернатором", None)]
    assert [a["kind"] for a in d["affiliations"]] == ["head"]


@pytest.mark.parametrize("text,title", [
    # not the organisation of another title between the verb and it
    ("Вице-губернатором по социальной политике стала Марина Котова, работавшая в 2018–2023 годах ректором "
     "Лесногорского педагогического университета.", "Вице-губернатором по социальной политике"),
    # nor one said of another time
    ("Министерство культуры возглавит Елена Сомова — до назначения она была директором областной филармонии.",
     "директором областной филармонии"),
    ("Министром строительства стал Дмитрий Белов, ранее возглавлявший ГКУ «Дирекция по строительству».",
     "Министром строительства"),
])
def test_an_affiliation_of_another_post_gives_no_title_its_organisation(pipeline, text, title):
    d = pipeline(text).to_dict()
    assert [p["organisation"] for p in d["positions"] if p["text"] == title] == [None]
