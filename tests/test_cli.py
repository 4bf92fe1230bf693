"""The CLI contract: outputs, JSONL, stdin, encodings, errors without tracebacks."""
import json

import pytest
from typer.testing import CliRunner

from extractor.cli import app

TEXT = "Губернатор Курской области Роман Старовойт в 2020 году выделил 40 миллионов рублей."


@pytest.fixture(scope="module")
def runner(pipeline):  # the session pipeline is loaded once and reused by the CLI
    return CliRunner()


def run(runner, args, input=None):
    return runner.invoke(app, args, input=input, catch_exceptions=False)


def test_single_file_prints_one_object(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    r = run(runner, ["extract", str(f)])
    assert r.exit_code == 0
    d = json.loads(r.stdout)
    assert d["id"] == str(f) and d["schema_version"] == "1"
    assert [p["name"] for p in d["people"]] == ["Роман Старовойт"]
    assert d["money"][0]["amount"] == 40_000_000 and d["money"][0]["currency"] == "RUB"


def test_several_files_print_json_lines(runner, tmp_path):
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(TEXT, encoding="utf-8")
    r = run(runner, ["extract", str(tmp_path)])
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 3 and all(json.loads(l)["people"] for l in lines)


def test_jsonl_flag_forces_lines(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    r = run(runner, ["extract", "--jsonl", str(f)])
    assert len(r.stdout.strip().splitlines()) == 1


def test_stdin(runner):
    r = run(runner, ["extract", "-"], input=TEXT)
    assert r.exit_code == 0 and json.loads(r.stdout)["id"] == "-"


def test_jsonl_input_with_meta_and_date(runner, tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"doc": "x1", "body": "Вчера министр уехал.", "date": "2020-06-15", "source": "tass"},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    r = run(runner, ["extract", "--input-format", "jsonl", "--id-field", "doc", "--text-field", "body", str(f)])
    d = json.loads(r.stdout)
    assert d["id"] == "x1" and d["meta"] == {"source": "tass"}
    assert d["dates"][0]["value"] == "2020-06-14"


@pytest.mark.parametrize("name,docs", [("in.jsonl", 2), ("in.ndjson", 2), ("in.txt", 1)])
def test_input_format_follows_the_file_name(runner, tmp_path, name, docs):
    f = tmp_path / name
    f.write_text('{"id": "a", "text": "Иван Петров пришёл."}\n{"id": "b", "text": "Вчера был дождь."}\n',
                 encoding="utf-8")
    r = run(runner, ["extract", "-j", "1", "--jsonl", str(f)])
    lines = [json.loads(l) for l in r.stdout.strip().splitlines()]
    assert r.exit_code == 0 and len(lines) == docs
    if docs == 2:
        assert [d["id"] for d in lines] == ["a", "b"]


def test_date_option_resolves_relative_dates(runner):
    r = run(runner, ["extract", "--date", "2021-03-10", "-"], input="В прошлом году завод закрыли.")
    assert json.loads(r.stdout)["dates"][0]["value"] == "2020"


def test_bad_date_option(runner):
    r = run(runner, ["extract", "--date", "10.03.2021", "-"], input=TEXT)
    assert r.exit_code != 0 and "Error:" in r.stderr and "YYYY-MM-DD" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-8-sig", "utf-16"])
def test_encodings(runner, tmp_path, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes(TEXT.encode(encoding))
    d = json.loads(run(runner, ["extract", str(f)]).stdout)
    assert [p["name"] for p in d["people"]] == ["Роман Старовойт"]
    if encoding != "utf-8-sig":
        assert d["encoding"] == encoding


def test_bad_inputs_give_error_records_and_go_on(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    png = tmp_path / "img.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    r = run(runner, ["extract", str(tmp_path / "missing.txt"), str(png), str(good)])
    lines = [json.loads(l) for l in r.stdout.strip().splitlines()]
    assert r.exit_code == 1
    assert [("error" in l) for l in lines] == [True, True, False]
    assert r.stderr.count("Error:") == 2 and "Traceback" not in r.stderr


def test_malformed_jsonl_lines(runner, tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": "Иван Петров пришёл."}\n{broken\n{"id": "c", "body": "x"}\n', encoding="utf-8")
    r = run(runner, ["extract", "--input-format", "jsonl", str(f)])
    lines = [json.loads(l) for l in r.stdout.strip().splitlines()]
    assert r.exit_code == 1 and len(lines) == 3
    assert "error" not in lines[0] and "malformed JSON" in lines[1]["error"] and "text" in lines[2]["error"]


def test_empty_text_gives_empty_result(runner, tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("   \n", encoding="utf-8")
    d = json.loads(run(runner, ["extract", str(f)]).stdout)
    assert d["people"] == [] and d["money"] == [] and "error" not in d


def test_output_file(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    r = run(runner, ["extract", "-o", str(out), "-"], input=TEXT)
    assert r.exit_code == 0 and r.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["people"]


def test_schema_command():
    r = CliRunner().invoke(app, ["schema"])
    schema = json.loads(r.stdout)
    assert schema["oneOf"][1]["properties"]["schema_version"]["const"] == "1"


def test_eval_on_samples_with_floors(runner, tmp_path):
    html = tmp_path / "report.html"
    r = run(runner, ["eval", "samples", "--json", "--html", str(html), "--fail-under", "PERSON=0.5"])
    assert r.exit_code == 0, r.stderr
    scores = json.loads(r.stdout)
    assert scores["docs"] >= 12 and scores["strict"]["PERSON"]["f1"] >= 0.5
    page = html.read_text(encoding="utf-8")
    assert "<mark" in page and "strict P" in page


def test_eval_counts_affiliations_only_when_asked(runner):
    plain = json.loads(run(runner, ["eval", "samples", "--json"]).stdout)["relations"]["WORKPLACE"]
    more = json.loads(run(runner, ["eval", "samples", "--json", "--affiliations"]).stdout)["relations"]["WORKPLACE"]
    assert more["gold"] > plain["gold"] and more["pred"] > plain["pred"]


def test_eval_scores_the_words_for_an_organisations_kind_only_when_asked(runner, tmp_path):
    text = "Акции компании «Ромашка» выросли."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "d1", "text": text, "types": ["ORG"], "relations": [], "entities": [
        {"type": "ORG", "start": 6, "end": 24, "text": "компании «Ромашка»"}]}, ensure_ascii=False), encoding="utf-8")
    plain = json.loads(run(runner, ["eval", str(gold), "--json"]).stdout)["strict"]["ORG"]
    kind = json.loads(run(runner, ["eval", str(gold), "--json", "--with-kind"]).stdout)["strict"]["ORG"]
    assert (plain["f1"], kind["f1"]) == (0.0, 1.0)


def test_eval_fail_under(runner):
    r = run(runner, ["eval", "samples", "--fail-under", "PERSON=1.01"])
    assert r.exit_code == 1 and "below the floor" in r.stderr


def test_eval_errors_listing(runner):
    r = run(runner, ["eval", "samples", "--errors"])
    assert r.exit_code == 0 and "type" in r.stdout


def test_eval_missing_gold(runner):
    r = run(runner, ["eval", "no-such-dir"])
    assert r.exit_code == 2 and "Error: gold not found" in r.stderr
