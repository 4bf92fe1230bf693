"""Batch reliability: a corpus of bad inputs, a killed run resumed, very long documents."""
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app

NEWS = ("Губернатор Курской области Роман Старовойт в 2020 году выделил 40 миллионов рублей. "
        "Ирина Таратина, первый заместитель председателя комитета по экономике, заявила об этом вчера. ")


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    (d / "empty.txt").write_bytes(b"")
    (d / "spaces.txt").write_text("  \n\t \n", encoding="utf-8")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    (d / "cp1251.txt").write_bytes(NEWS.encode("cp1251"))
    (d / "koi8.txt").write_bytes(NEWS.encode("koi8-r"))
    (d / "utf16.txt").write_bytes(NEWS.encode("utf-16"))
    with open(d / "huge.txt", "wb") as f:  # 50 MB: more than a document may hold
        f.write((NEWS * 10).encode("utf-8") * (50 * 2**20 // len((NEWS * 10).encode("utf-8")) + 1))
    (d / "news.txt.gz").write_bytes(gzip.compress(NEWS.encode("utf-8")))
    (d / "loop").mkdir()
    os.symlink(d / "loop", d / "loop" / "again")  # a folder symlink loop
    os.symlink(d / "nowhere.txt", d / "broken.txt")  # unreadable: a dangling link
    return d


def test_bad_inputs_one_record_each_and_no_traceback(bad_corpus):
    r = CliRunner().invoke(app, ["extract", "-j", "1", "--jsonl", str(bad_corpus), str(bad_corpus / "missing.txt")],
                           catch_exceptions=False)
    recs = [json.loads(l) for l in r.stdout.splitlines()]
    ids = [Path(x["id"]).name for x in recs]
    assert sorted(ids) == sorted(["broken.txt", "cp1251.txt", "empty.txt", "huge.txt", "image.txt", "koi8.txt",
                                  "news.txt.gz", "spaces.txt", "utf16.txt", "missing.txt"])
    by = {Path(x["id"]).name: x for x in recs}
    assert {n for n, x in by.items() if "error" in x} == {"broken.txt", "huge.txt", "image.txt", "missing.txt"}
    assert "too large" in by["huge.txt"]["error"] and "binary" in by["image.txt"]["error"]
    for n in ("cp1251.txt", "koi8.txt", "utf16.txt", "news.txt.gz"):
        assert [p["name"] for p in by[n]["people"]] == ["Роман Старовойт", "Ирина Таратина"], n
    assert by["empty.txt"]["people"] == [] and by["spaces.txt"]["money"] == []
    assert r.exit_code == 1 and "Traceback" not in r.stderr


def test_jsonl_bad_lines_one_record_each(tmp_path):
    f = tmp_path / "in.jsonl.gz"
    lines = [json.dumps({"id": "ok", "text": NEWS}, ensure_ascii=False), "{not json", json.dumps({"id": "nt"}),
             json.dumps(["a list"]), json.dumps({"id": "empty", "text": ""})]
    f.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    r = CliRunner().invoke(app, ["extract", "-j", "2", "--input-format", "jsonl", str(f)], catch_exceptions=False)
    recs = [json.loads(l) for l in r.stdout.splitlines()]
    assert len(recs) == 5 and [("error" in x) for x in recs] == [False, True, True, True, False]
    assert r.exit_code == 1 and "Traceback" not in r.stderr


def test_million_character_line_in_chunks(pipeline):
    text = (NEWS.replace("\n", " ") * (1_000_000 // len(NEWS) + 1))[:1_000_000]
    d = pipeline(text).to_dict()
    assert len(d["money"]) > 5000
    for m in d["money"][-50:] + d["dates"][-50:] + d["positions"][-50:]:
        assert text[m["start"]:m["end"]] == m["text"]
    assert sum(len(p["mentions"]) for p in d["people"]) > 5000


def _extract_cmd(src, out, *extra):
    return [sys.executable, "-m", "extractor", "extract", "--input-format", "jsonl", "-j", "2", "-q",
            "-o", str(out), *extra, str(src)]


def test_killed_run_resumes_to_the_same_output(tmp_path):
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(120):
            f.write(json.dumps({"id": f"d{i}", "text": f"Статья {i}. " + NEWS * (1 + i % 3)}, ensure_ascii=False) + "\n")
    full = tmp_path / "full.jsonl"
    subprocess.run(_extract_cmd(src, full), check=True, timeout=300)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(_extract_cmd(src, out))
    part = Path(str(out) + ".part")
    deadline = time.time() + 120
    while time.time() < deadline and (not part.exists() or part.read_text(encoding="utf-8").count("\n") < 20):
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not out.exists() and part.exists()
    done = part.read_text(encoding="utf-8").count("\n")
    assert 0 < done < 120
    subprocess.run(_extract_cmd(src, out, "--resume"), check=True, timeout=300)
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    assert not part.exists()


def test_ctrl_c_keeps_finished_documents(tmp_path):
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(400):
            f.write(json.dumps({"id": f"d{i}", "text": NEWS * 3}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(_extract_cmd(src, out), stderr=subprocess.PIPE, text=True)
    part = Path(str(out) + ".part")
    deadline = time.time() + 120
    while time.time() < deadline and (not part.exists() or part.read_text(encoding="utf-8").count("\n") < 10):
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert 10 <= len(lines) < 400 and all(json.loads(l)["id"] == f"d{i}" for i, l in enumerate(lines))
