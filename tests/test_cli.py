"""The ``quotekit`` command, run in-process with ``main([...])`` (and once as a subprocess)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy

import quotekit
from quotekit import Quote, Result, Span, Speaker
from quotekit.cli import CSV_COLUMNS, format_table, main

ROOT = Path(__file__).resolve().parent.parent

ARTICLE_A = "“We will win,” said Jane Smith, the party leader.\n"
ARTICLE_B = (
    "“The figures are wrong,” said Tom Brown, the finance minister. "
    "“We will publish new ones,” he added.\n"
)
ARTICLE_C = "The council met on Monday. Nothing was decided.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    (root / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (root / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (root / "sub" / "c.txt").write_text(ARTICLE_C, encoding="utf-8")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    return root


@pytest.fixture()
def articles_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": "one", "text": ARTICLE_A}),
        "",
        json.dumps({"id": "two", "text": ARTICLE_B}),
        json.dumps({"id": 3, "text": ARTICLE_C}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- formats ------------------------------------------------------------------------------


def test_jsonl_is_prediction_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "jane.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--model", "blank", "--format", "jsonl")
    assert code == 0, err
    records = jsonl(out)
    assert [r["id"] for r in records] == ["jane"]
    assert set(records[0]) == {"id", "quotes"}
    for q in records[0]["quotes"]:
        assert ARTICLE_A[q["start"]:q["end"]] == q["text"]
        assert q["kind"] in ("direct", "partial", "indirect")
        Quote.from_dict(q)  # round-trips


def test_jsonl_finds_the_quote(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "jane.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    _, out, _ = run(capsys, "extract", str(path), "--model", "blank", "-f", "jsonl")
    (record,) = jsonl(out)
    assert record["quotes"][0]["text"].startswith("We will win")
    assert record["quotes"][0]["speaker"]["name"] == "Jane Smith"


def test_default_format_when_not_a_tty_is_jsonl(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(path), "--model", "blank")
    assert code == 0
    assert jsonl(out)[0]["id"] == "a"


def test_json_is_one_array(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = run(capsys, "extract", str(folder), "--model", "blank", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list)
    assert [d["id"] for d in data] == ["a", "b", "sub/c"]


def test_json_with_no_articles_is_an_empty_array(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "extract", str(tmp_path), "--model", "blank", "-f", "json")
    assert code == 0
    assert json.loads(out) == []


def test_csv_header_and_rows(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = run(capsys, "extract", str(folder), "--model", "blank", "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert CSV_COLUMNS == ("id", "start", "end", "kind", "text", "speaker", "speaker_type",
                           "role", "organization", "cue", "speaker_mention")
    texts = {"a": ARTICLE_A, "b": ARTICLE_B, "sub/c": ARTICLE_C}
    for row in rows[1:]:
        record = dict(zip(CSV_COLUMNS, row))
        assert texts[record["id"]][int(record["start"]):int(record["end"])] == record["text"]


def test_csv_has_one_row_per_quotation(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    _, out, _ = run(capsys, "extract", str(folder), "--model", "blank", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["a", "b", "b"]
    assert [r["speaker"] for r in rows] == ["Jane Smith", "Tom Brown", "Tom Brown"]
    assert rows[0]["role"] == "party leader" and rows[0]["speaker_type"] == "person"
    assert [r["speaker_mention"] for r in rows[1:]] == ["Tom Brown", "he"]


def test_table_format(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = run(capsys, "extract", str(folder), "--model", "blank", "-f", "table")
    assert code == 0, err
    assert "== a:" in out and "== b:" in out and "== sub/c: 0 quotations ==" in out


def test_format_table_by_hand() -> None:
    text = "“We will win,” said Jane Smith, the party leader. " + "“" + "x" * 200 + "”"
    jane = Speaker("Jane Smith", "person", "party leader", "Labour", ((20, 30),))
    quotes = (
        Quote(text[1:13], 1, 13, ((1, 13),), "direct", jane, Span(20, 30, "Jane Smith"),
              Span(15, 19, "said")),
        Quote("x" * 200, 52, 252, ((52, 252),), "direct", None),
    )
    table = format_table(Result(quotes, (jane,), "blank", "art-1", text), width=100)
    lines = table.splitlines()
    assert lines[0] == "== art-1: 2 quotations =="
    assert lines[1].split() == ["who", "role", "kind", "quote"]
    assert "Jane Smith" in lines[3] and "party leader, Labour" in lines[3]
    assert "We will win," in lines[3]
    assert "(unattributed)" in lines[4]
    assert lines[4].endswith("…") and all(len(line) <= 100 for line in lines)


def test_html_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("<script>alert(1)</script> " + ARTICLE_A, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--model", "blank", "--format", "html")
    assert code == 0, err
    assert out.lstrip().startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in out and "</html>" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'class="qk-legend"' in out


def test_output_file_and_format_from_suffix(
    capsys: pytest.CaptureFixture[str], articles_jsonl: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "extract", str(articles_jsonl), "--model", "blank",
                         "-o", str(target))
    assert code == 0, err
    assert out == ""
    with target.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == CSV_COLUMNS
    target = tmp_path / "out.html"
    assert main(["extract", str(articles_jsonl), "--model", "blank", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- inputs -------------------------------------------------------------------------------


def test_folder_is_recursive_and_sorted(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, _ = run(capsys, "extract", str(folder), "--model", "blank", "-f", "jsonl")
    assert code == 0
    assert [r["id"] for r in jsonl(out)] == ["a", "b", "sub/c"]


def test_jsonl_input(capsys: pytest.CaptureFixture[str], articles_jsonl: Path) -> None:
    code, out, err = run(capsys, "extract", str(articles_jsonl), "--model", "blank", "-f", "jsonl")
    assert code == 0, err
    assert [r["id"] for r in jsonl(out)] == ["one", "two", "3"]


def test_several_paths_keep_their_order(
    capsys: pytest.CaptureFixture[str], articles_jsonl: Path, folder: Path
) -> None:
    code, out, _ = run(capsys, "extract", str(folder / "b.txt"), str(articles_jsonl),
                       str(folder / "a.txt"), "--model", "blank", "-f", "jsonl", "-n", "1",
                       "--batch-size", "2")
    assert code == 0
    assert [r["id"] for r in jsonl(out)] == ["b", "one", "two", "3", "a"]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_plain_text(capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, ARTICLE_A.encode("utf-8"))
    code, out, _ = run(capsys, "extract", "-", "--model", "blank", "-f", "jsonl")
    assert code == 0
    (record,) = jsonl(out)
    assert record["id"] == "-"
    for q in record["quotes"]:
        assert ARTICLE_A[q["start"]:q["end"]] == q["text"]


def test_stdin_jsonl(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n".join(json.dumps({"id": i, "text": t}) for i, t in (("x", ARTICLE_A),
                                                                   ("y", ARTICLE_C)))
    _stdin(monkeypatch, data.encode("utf-8"))
    code, out, _ = run(capsys, "extract", "-", "--model", "blank", "-f", "jsonl")
    assert code == 0
    assert [r["id"] for r in jsonl(out)] == ["x", "y"]


def test_stdin_json_without_text_is_plain_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b'{"title": "not an article record"}\n')
    code, out, _ = run(capsys, "extract", "-", "--model", "blank", "-f", "jsonl")
    assert code == 0
    assert [r["id"] for r in jsonl(out)] == ["-"]


# --- failures and exit codes --------------------------------------------------------------


def test_failures_are_reported_and_the_rest_go_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE_A, encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("“Ça va,” dit-il.".encode("cp1252"))
    lines = tmp_path / "lines.jsonl"
    lines.write_text(
        "\n".join([
            json.dumps({"id": "ok1", "text": ARTICLE_B}),
            '{"id": "broken", "text": ',
            json.dumps({"id": "num", "text": 42}),
            json.dumps({"id": "notext"}),
            json.dumps(["a", "list"]),
            json.dumps({"id": "ok2", "text": ARTICLE_C}),
        ]) + "\n",
        encoding="utf-8",
    )
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "extract", str(good), str(latin), str(lines), str(missing),
                         "--model", "blank", "-f", "jsonl")
    assert code == 1
    assert [r["id"] for r in jsonl(out)] == ["good", "ok1", "ok2"]
    err_lines = err.splitlines()
    assert any("latin" in e and "UnicodeDecodeError" in e for e in err_lines)
    assert any(f"{lines}:2" in e and "JSONDecodeError" in e for e in err_lines)
    assert any("num" in e and "TypeError" in e for e in err_lines)
    assert any("notext" in e and "text" in e for e in err_lines)
    assert any(f"{lines}:5" in e for e in err_lines)
    assert any("missing" in e and "FileNotFoundError" in e for e in err_lines)
    assert "6 of 9 articles failed" in err
    assert "Traceback" not in err


def test_failures_keep_input_order_in_the_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        "not json", json.dumps({"id": "a", "text": ARTICLE_A}), "nor this",
        json.dumps({"id": "b", "text": ARTICLE_B}), "{",
    ]) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--model", "blank", "-f", "jsonl",
                         "--batch-size", "1")
    assert code == 1
    assert [r["id"] for r in jsonl(out)] == ["a", "b"]
    reported = [e for e in err.splitlines() if "JSONDecodeError" in e]
    assert [f"{path}:{n}" in e for n, e in zip((1, 3, 5), reported)] == [True] * 3


def test_bad_stdin_bytes(capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"\xff\xfe bad bytes \x81")
    code, out, err = run(capsys, "extract", "-", "--model", "blank", "-f", "jsonl")
    assert code == 1
    assert out == ""
    assert "article -:" in err and "UnicodeDecodeError" in err


def test_unknown_model_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--model", "no_such_pipeline_xyz")
    assert code == 2
    assert out == ""
    assert err.startswith("quotekit: error:") and "no_such_pipeline_xyz" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [
    ["extract"],
    ["extract", "x.txt", "--format", "xml"],
    ["extract", "x.txt", "--batch-size", "0"],
    ["extract", "x.txt", "--n-process", "0"],
    ["extract", "x.txt", "--n-process", "many"],
    ["frobnicate"],
    [],
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "Traceback" not in err
    assert "usage:" in err


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "examples:" in out and "extract" in out
    code, out, _ = run(capsys, "extract", "--help")
    assert code == 0 and "quotekit extract" in out and "--n-process" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"quotekit {quotekit.__version__} (spaCy {spacy.__version__})"


def test_evaluate_is_wired(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("quotekit.evaluate")
    code, out, _ = run(capsys, "evaluate", "--help")
    assert code == 0
    assert "usage: quotekit evaluate" in out


def test_evaluate_runs_on_our_own_predictions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pytest.importorskip("quotekit.evaluate")
    start = ARTICLE_A.index("We")
    end = ARTICLE_A.index(",”") + 1
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": ARTICLE_A, "quotes": [{
        "start": start, "end": end, "text": ARTICLE_A[start:end], "kind": "direct",
        "speaker": "Jane Smith", "speaker_start": 20, "speaker_end": 30}]}) + "\n",
        encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    assert main(["extract", str(gold), "--model", "blank", "-o", str(pred)]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "evaluate", str(gold), "--pred", str(pred), "--format", "json")
    assert code == 0, err
    assert "quote_F1" in out


def test_progress_bar_only_on_a_tty(capsys: pytest.CaptureFixture[str], folder: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, "extract", str(folder), "--model", "blank", "-f", "jsonl")
    assert code == 0 and "article/s" not in err and "%|" not in err

    class FakeTTY(io.StringIO):
        def isatty(self) -> bool:
            return True

    fake = FakeTTY()
    monkeypatch.setattr(sys, "stderr", fake)
    assert main(["extract", str(folder), "--model", "blank", "-f", "jsonl"]) == 0
    assert "3/3" in fake.getvalue()
    fake = FakeTTY()
    monkeypatch.setattr(sys, "stderr", fake)
    assert main(["extract", str(folder), "--model", "blank", "-f", "jsonl", "--quiet"]) == 0
    assert "3/3" not in fake.getvalue()


def test_python_dash_m_version() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "quotekit", "--version"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"quotekit {quotekit.__version__} (spaCy {spacy.__version__})"
