"""Everything a careful reader finds in the article the product was specified from."""


def test_people(seed_result):
    people = {p["name"]: p for p in seed_result["people"]}
    assert set(people) == {"Ирина Таратина", "Роман Старовойт"}
    assert len(people["Ирина Таратина"]["mentions"]) == 3
    assert people["Ирина Таратина"]["first"] == "Ирина" and people["Ирина Таратина"]["last"] == "Таратина"
    assert people["Роман Старовойт"]["first"] == "Роман" and people["Роман Старовойт"]["last"] == "Старовойт"


def test_positions_linked(seed_result):
    people = {p["id"]: p["name"] for p in seed_result["people"]}
    orgs = {o["id"]: o["name"] for o in seed_result["organisations"]}
    held = {p["title"]: (people.get(p["person"]), orgs.get(p["organisation"])) for p in seed_result["positions"]}
    title = "первый заместитель председателя комитета по экономике и развитию Курской области"
    assert held[title] == ("Ирина Таратина", "комитет по экономике и развитию Курской области")
    assert held["губернатор Курской области"][0] == "Роман Старовойт"
    assert set(held) == {title, "губернатор Курской области"}  # "белорусских пациентов" is no title


def test_organisations(seed_result):
    names = {o["name"] for o in seed_result["organisations"]}
    assert {"комитет по экономике и развитию Курской области", "Администрация Курской области",
            "курский онкодиспансер"} <= names
    assert "АПК" not in names  # "в торговле, АПК, промышленности": a sector of the economy


def test_dates(seed_result):
    values = [(d["text"], d["value"]) for d in seed_result["dates"]]
    assert ("в 2002 году", "2002") in values
    assert ("С 2002 года", "2002") in values
    assert ("За 18 лет", "P18Y") in values
    assert ("За последние три года", "P3Y") in values


def test_money(seed_result):
    money = [(m["amount"], m["currency"], m["currency_inferred"], m["qualifier"]) for m in seed_result["money"]]
    assert money == [(40_000_000, "USD", False, "more"), (130_000_000, "USD", False, "more"),
                     (77_000_000, "USD", True, None), (54_000_000, "USD", True, None)]


def test_offsets(seed_result, seed_text):
    for p in seed_result["people"]:
        for m in p["mentions"]:
            assert seed_text[m["start"]:m["end"]] == m["text"]
    for key in ("positions", "dates", "money"):
        for m in seed_result[key]:
            assert seed_text[m["start"]:m["end"]] == m["text"]
