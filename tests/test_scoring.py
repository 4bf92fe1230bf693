"""The scorer, on hand-made cases: nested gold, one-to-one matching, empty and missing documents."""
import json


from extractor.evaluate import evaluate
from extractor.scoring import Scores, match, match_relations, score_document, top_level


def doc(entities, types=("PERSON", "ORG"), relations=()):
    return {"types": list(types), "entities": [{"type": t, "start": s, "end": e} for t, s, e in entities],
            "relations": list(relations), "relation_types": ("WORKS_AS", "WORKPLACE")}


def pred(entities, relations=()):
    return {"entities": [{"type": t, "start": s, "end": e} for t, s, e in entities], "relations": list(relations)}


def test_top_level_marks_nested_gold():
    assert top_level([(0, 10), (2, 5), (20, 25)]) == [True, False, True]


def test_nested_prediction_is_correct_but_recall_counts_top_level_only():
    c, _ = match([(2, 5)], [(0, 10), (2, 5)], strict=True)
    assert (c.pred, c.correct, c.gold, c.found) == (1, 1, 1, 0)


def test_one_to_one_matching():
    # two predictions overlapping one gold: only one counts
    c, _ = match([(0, 5), (3, 8)], [(0, 8)], strict=False)
    assert (c.correct, c.found) == (1, 1)
    # two identical predictions: one is a false positive
    c, _ = match([(0, 8), (0, 8)], [(0, 8)], strict=True)
    assert (c.pred, c.correct) == (2, 1)


def test_greedy_prefers_largest_overlap_then_top_level():
    # prediction overlaps the nested gold fully and the top-level one equally: tie -> top-level
    c, assign = match([(2, 5)], [(0, 5), (2, 5)], strict=False)
    assert assign == [1] or c.found == 1
    c, assign = match([(0, 5)], [(0, 5), (2, 5)], strict=False)
    assert assign == [0] and c.found == 1


def test_lenient_counts_overlap_of_one_character():
    c, _ = match([(4, 9)], [(0, 5)], strict=False)
    assert c.correct == 1
    c, _ = match([(5, 9)], [(0, 5)], strict=False)
    assert c.correct == 0


def test_only_types_the_document_lists_are_scored():
    s = Scores()
    score_document(doc([("PERSON", 0, 4)], types=("PERSON",)), pred([("PERSON", 0, 4), ("DATE", 5, 9)]), s)
    assert set(s.strict) == {"PERSON"}
    assert s.micro(s.strict).f == 1.0


def test_empty_document():
    s = Scores()
    score_document(doc([]), pred([]), s)
    assert s.micro(s.strict).pred == 0 and s.micro(s.strict).gold == 0
    assert s.micro(s.strict).f == 0.0


def test_relations_lenient_and_one_to_one():
    gold = [((0, 10), (20, 30))]
    c = match_relations([((2, 5), (25, 28)), ((0, 10), (20, 30))], gold)
    assert (c.pred, c.correct, c.gold, c.found) == (2, 1, 1, 1)
    assert match_relations([((11, 15), (20, 30))], gold).correct == 0


def test_missing_document_counts_as_empty_prediction(tmp_path):
    gold = tmp_path / "gold.jsonl"
    text = "Иван Петров пришёл."
    gold.write_text(json.dumps({"id": "a", "text": text, "types": ["PERSON"],
                                "entities": [{"type": "PERSON", "start": 0, "end": 11, "text": "Иван Петров"}],
                                "relations": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    preds = tmp_path / "pred.jsonl"
    preds.write_text("", encoding="utf-8")
    r = evaluate([gold], pred=preds).to_dict()
    assert r["strict"]["PERSON"]["gold"] == 1 and r["strict"]["PERSON"]["found"] == 0
    preds.write_text(json.dumps({"id": "a", "people": [{"id": "person-1", "mentions": [
        {"start": 0, "end": 11, "text": "Иван Петров"}]}]}) + "\n", encoding="utf-8")
    r = evaluate([gold], pred=preds).to_dict()
    assert r["strict"]["PERSON"]["f1"] == 1.0


def test_brat_folder_with_nested_and_discontinuous_spans(tmp_path):
    text = "Директор ФСБ Иван Кротов 20 июня и 3 июля был в Москве."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tPROFESSION 0 12\tДиректор ФСБ\n"
        "T2\tORGANIZATION 9 12\tФСБ\n"
        "T3\tPERSON 13 24\tИван Кротов\n"
        "T4\tDATE 25 32;35 41\t20 июня 3 июля\n"
        "T5\tCITY 48 54\tМоскве\n"
        "R1\tWORKS_AS Arg1:T3 Arg2:T1\n", encoding="utf-8")
    from extractor.gold import load_gold

    [g] = list(load_gold(tmp_path))
    assert {(e["type"], e["text"]) for e in g["entities"]} == {
        ("POSITION", "Директор ФСБ"), ("ORG", "ФСБ"), ("PERSON", "Иван Кротов"), ("DATE", "20 июня и 3 июля")}
    assert g["relations"] == [{"type": "WORKS_AS", "head": (13, 24), "tail": (0, 12)}]
