"""The ``quotekit`` command, run in-process with ``main([...])`` (and once as a subprocess)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import spacy

import quotekit
from quotekit import Quote, Result, Span, Speaker
from quotekit._atomic import TEMP_SUFFIX
from quotekit.cli import CSV_COLUMNS, format_table, main, printable
from quotekit.rows import COLUMNS as ROW_COLUMNS

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
def jane(tmp_path: Path) -> Path:
    """ARTICLE_A in ``a.txt``."""
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    return path


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


def test_empty_folder_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "extract", str(tmp_path), "--model", "blank", "-f", "json")
    assert code == 2 and out == ""
    assert err.startswith("quotekit: error: folder") and "empty" in err
    assert len(err.strip().splitlines()) == 1


def test_folder_without_articles_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "data.csv").write_text("a,b", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path), "--model", "blank", "-f", "json")
    assert code == 2 and out == ""
    assert "no *.txt files" in err and "2 other files" in err and "data.csv" in err


def test_no_articles_in_jsonl_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", str(empty), "--model", "blank", "-f", "jsonl")
    assert code == 1 and "no articles" in err


def test_csv_header_and_rows(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = run(capsys, "extract", str(folder), "--model", "blank", "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS == ROW_COLUMNS
    texts = {"a": ARTICLE_A, "b": ARTICLE_B, "sub/c": ARTICLE_C}
    for row in rows[1:]:
        record = dict(zip(CSV_COLUMNS, row))
        assert texts[record["id"]][int(record["start"]):int(record["end"])] == record["text"]


def test_csv_has_one_row_per_quotation(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    _, out, _ = run(capsys, "extract", str(folder), "--model", "blank", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["a", "b", "b"]
    assert [r["speaker"] for r in rows] == ["Jane Smith", "Tom Brown", "Tom Brown"]
    # "the party leader": the title is "leader", the body it belongs to "party"
    assert rows[0]["role"] == "leader" and rows[0]["organization"] == "party"
    assert rows[0]["speaker_type"] == "person"
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
    assert lines[1].split() == ["who", "role", "kind", "conf", "quote"]
    assert "0.00" in lines[3]  # the hand-built quotation's confidence
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
    assert [r["id"] for r in jsonl(out)] == ["one", "two", 3]  # ids keep their JSON type


def test_several_paths_keep_their_order(
    capsys: pytest.CaptureFixture[str], articles_jsonl: Path, folder: Path
) -> None:
    code, out, _ = run(capsys, "extract", str(folder / "b.txt"), str(articles_jsonl),
                       str(folder / "a.txt"), "--model", "blank", "-f", "jsonl", "-n", "1",
                       "--batch-size", "2")
    assert code == 0
    assert [r["id"] for r in jsonl(out)] == ["b", "one", "two", 3, "a"]


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


def test_stdin_starting_with_a_brace_is_jsonl_and_bad_lines_are_numbered(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before, a malformed first line made the whole input one plain-text article "-".
    lines = ['{"id": "a", "text": ', json.dumps({"id": "b", "text": ARTICLE_A}),
             '{"title": "no text"}']
    _stdin(monkeypatch, "\n".join(lines).encode("utf-8"))
    code, out, err = run(capsys, "extract", "-", "--model", "blank", "-f", "jsonl")
    assert code == 1
    assert [r["id"] for r in jsonl(out)] == ["b"]
    assert "article -:1: JSONDecodeError" in err
    assert "article -:3: KeyError: line 3 has no 'text' field" in err


def test_input_format_text_reads_json_as_one_article(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = '{"title": "not an article record"}\n'
    _stdin(monkeypatch, data.encode("utf-8"))
    code, out, _ = run(capsys, "extract", "-", "--model", "blank", "-f", "jsonl",
                       "--input-format", "text")
    assert code == 0
    assert [r["id"] for r in jsonl(out)] == ["-"]
    as_txt = tmp_path / "records.txt"
    as_txt.write_text(json.dumps({"id": 7, "text": ARTICLE_A}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(as_txt), "--model", "blank", "-f", "jsonl",
                       "--input-format", "jsonl")
    assert code == 0
    (record,) = jsonl(out)
    assert record["id"] == 7 and record["quotes"][0]["speaker"]["name"] == "Jane Smith"


def test_jsonl_id_of_another_type_is_a_numbered_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text("\n".join([json.dumps({"id": ["x"], "text": ARTICLE_A}),
                               json.dumps({"id": 2.5, "text": ARTICLE_A})]) + "\n",
                    encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--model", "blank", "-f", "json")
    assert code == 1
    assert [r["id"] for r in json.loads(out)] == [2.5]
    assert f"{path}:1: TypeError: line 1: 'id' must be a string or a number, got list" in err


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


# --- output never lost (issue 20.1) -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "html", "table"])
def test_output_equal_to_input_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    source = tmp_path / "same.jsonl"
    content = json.dumps({"id": "a", "text": ARTICLE_A}) + "\n"
    source.write_text(content, encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(source)
    for target in (source, link):
        code, _, err = run(capsys, "extract", str(source), "--model", "blank", "-f", fmt,
                           "-o", str(target))
        assert code == 2
        assert "is also an input" in err and len(err.strip().splitlines()) == 1
    assert source.read_text(encoding="utf-8") == content


def test_missing_input_leaves_the_output_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    keep = tmp_path / "keep.jsonl"
    keep.write_text("precious\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", str(tmp_path / "missing.txt"), "--model", "blank",
                       "-o", str(keep))
    assert code == 1 and "nothing written" in err
    assert keep.read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.jsonl"]  # no temp file left


@pytest.mark.parametrize("error", [KeyboardInterrupt, RuntimeError])
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "html", "table"])
def test_interrupted_run_leaves_the_output_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    fmt: str, error: type[BaseException],
) -> None:
    import quotekit._api

    real_pipe = quotekit._api.Extractor.pipe

    def failing_pipe(self: Any, *args: Any, **kwargs: Any) -> Any:
        for n, item in enumerate(real_pipe(self, *args, **kwargs)):
            if n == 1:
                raise error("stop")
            yield item

    monkeypatch.setattr(quotekit._api.Extractor, "pipe", failing_pipe)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": ARTICLE_A}) + "\n" for i in range(3)),
                      encoding="utf-8")
    out_file = tmp_path / "out.data"
    out_file.write_text("old content\n", encoding="utf-8")
    if error is KeyboardInterrupt:
        code, _, err = run(capsys, "extract", str(source), "--model", "blank", "-f", fmt,
                           "-o", str(out_file))
        assert code == 130 and err == "quotekit: interrupted\n"
    else:
        with pytest.raises(RuntimeError):
            main(["extract", str(source), "--model", "blank", "-f", fmt, "-o", str(out_file)])
    assert out_file.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.data"]


def test_successful_run_replaces_the_output_and_keeps_its_mode(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, jane: Path
) -> None:
    source = jane
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    code, _, err = run(capsys, "extract", str(source), "--model", "blank", "-o", str(target))
    assert code == 0, err
    assert jsonl(target.read_text(encoding="utf-8"))[0]["id"] == "a"
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "new.jsonl"
    assert main(["extract", str(source), "--model", "blank", "-o", str(fresh)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


def test_folder_never_reads_its_own_output(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    target = folder / "quotes.txt"  # a .txt output (table format) inside the folder read
    for _ in range(2):
        code, _, err = run(capsys, "extract", str(folder), "--model", "blank", "-o", str(target))
        assert code == 0, err
    table = target.read_text(encoding="utf-8")
    assert "== a:" in table and "== quotes:" not in table
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt", "notes.md",
                                                          "quotes.txt", "sub"]


def test_unwritable_output_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, jane: Path
) -> None:
    source = jane
    targets = [str(tmp_path / "no" / "such" / "dir" / "out.jsonl"), str(tmp_path)]
    if os.path.exists("/dev/full"):
        targets.append("/dev/full")
    for target in targets:
        code, out, err = run(capsys, "extract", str(source), "--model", "blank", "-f", "jsonl",
                             "-o", target)
        assert code == 2, target
        assert err.startswith(f"quotekit: error: cannot write {target}")
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_evaluate_errors_file_equal_to_gold_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pytest.importorskip("quotekit.evaluate")
    gold = tmp_path / "g.jsonl"
    content = json.dumps({"id": "g1", "text": ARTICLE_A, "quotes": []}) + "\n"
    gold.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "evaluate", str(gold), "--pred", str(gold), "--errors", str(gold))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert gold.read_text(encoding="utf-8") == content


def test_a_device_is_written_never_replaced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, jane: Path
) -> None:
    # A temp file renamed over /dev/null (as root) would replace the device for everyone.
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (OSError, AttributeError):
        pytest.skip("making a device node needs root on Linux")
    code, _, err = run(capsys, "extract", str(jane), "--model", "blank", "-f", "jsonl",
                       "-o", str(device))
    assert code == 0, err
    assert stat.S_ISCHR(device.stat().st_mode)
    pytest.importorskip("quotekit.evaluate")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": ARTICLE_A, "quotes": []}) + "\n",
                    encoding="utf-8")
    run(capsys, "evaluate", str(gold), "--model", "blank", "--errors", str(device))
    assert stat.S_ISCHR(device.stat().st_mode)


# --- unknown output suffix, encodings, symlinks (issues 23.4, 20.14) ---------------------


def test_unknown_output_suffix_names_the_formats(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, jane: Path
) -> None:
    source = jane
    for name in ("out.xlsx", "out"):
        code, _, err = run(capsys, "extract", str(source), "--model", "blank",
                           "-o", str(tmp_path / name))
        assert code == 2
        assert "table, jsonl, json, csv, html" in err and len(err.strip().splitlines()) == 1
        assert not (tmp_path / name).exists()
    assert main(["extract", str(source), "--model", "blank", "-f", "csv",
                 "-o", str(tmp_path / "out.xlsx")]) == 0


def test_cp1252_file_names_the_encoding_and_reads_with_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(ARTICLE_A.encode("cp1252"))  # curly quotes as bytes 0x93 and 0x94
    assert b"\x93" in path.read_bytes()
    code, out, err = run(capsys, "extract", str(path), "--model", "blank", "-f", "jsonl")
    assert code == 1 and out == ""
    assert "byte 0x93" in err and "--encoding cp1252" in err
    code, out, err = run(capsys, "extract", str(path), "--model", "blank", "-f", "jsonl",
                         "--encoding", "cp1252")
    assert code == 0, err
    assert jsonl(out)[0]["quotes"][0]["speaker"]["name"] == "Jane Smith"
    code, _, err = run(capsys, "extract", str(path), "--encoding", "klingon")
    assert code == 2 and "unknown encoding 'klingon'" in err


def test_folder_skips_symlinks_outside_unless_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text(ARTICLE_B, encoding="utf-8")
    root = tmp_path / "articles"
    root.mkdir()
    (root / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (root / "inside.txt").symlink_to(root / "a.txt")
    (root / "leak.txt").symlink_to(outside)
    code, out, err = run(capsys, "extract", str(root), "--model", "blank", "-f", "jsonl")
    assert code == 0
    assert [r["id"] for r in jsonl(out)] == ["a", "inside"]
    assert "skipped 1 symbolic link" in err and "--follow-symlinks" in err
    code, out, _ = run(capsys, "extract", str(root), "--model", "blank", "-f", "jsonl",
                       "--follow-symlinks")
    assert code == 0
    assert [r["id"] for r in jsonl(out)] == ["a", "inside", "leak"]


# --- --model never imports a module by name (issues 20.12, 23.4) -------------------------


@pytest.mark.parametrize("model", ["json", "./x", "this.x", "os", "no_such_pipeline_xyz"])
def test_model_that_is_no_pipeline_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, jane: Path, model: str
) -> None:
    path = jane
    sys.modules.pop("this", None)
    code, out, err = run(capsys, "extract", str(path), "--model", model)
    assert code == 2 and out == ""
    assert err.startswith("quotekit: error: model") and repr(model) in err
    assert "'auto', 'blank'" in err and "spacy.Language" not in err
    assert len(err.strip().splitlines()) == 1
    assert "this" not in sys.modules  # `--model this.x` used to import `this` and print it


def test_model_folder_without_config_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, jane: Path
) -> None:
    path = jane
    code, _, err = run(capsys, "extract", str(path), "--model", str(tmp_path))
    assert code == 2 and "no config.cfg" in err


def test_model_folder_with_a_saved_pipeline_loads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    spacy.blank("en").to_disk(tmp_path / "pipeline")
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--model", str(tmp_path / "pipeline"),
                         "-f", "jsonl")
    assert code == 0, err
    assert jsonl(out)[0]["quotes"][0]["speaker"]["name"] == "Jane Smith"


def test_model_help_lists_the_installed_pipelines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "--help")
    assert code == 0
    installed = spacy.util.get_installed_models()
    flat = " ".join(out.split())
    assert all(name in flat for name in installed) if installed else "installed here: none" in flat
    assert "en_core_web_sm," not in flat or "en_core_web_sm" in installed


# --- CSV formula injection (issue 20.7) ---------------------------------------------------


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_look_like_formulas_get_a_quote(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lead: str
) -> None:
    # A quotation cannot begin with tab or CR (the words start after the mark), an id can.
    payload = f"{lead.strip() or '='}HYPERLINK(\"http://evil.example\",\"x\")"
    text = f"“{payload}” said Jane Smith."
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": f"{lead}id", "text": text}) + "\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    code, _, err = run(capsys, "extract", str(path), "--model", "blank", "-o", str(target))
    assert code == 0, err
    with target.open(newline="", encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["text"] == "'" + text[int(row["start"]):int(row["end"])]
    assert row["text"].startswith("'" + payload[0])
    assert row["id"] == f"'{lead}id"
    assert row["speaker"] == "Jane Smith"  # ordinary cells unchanged
    assert json.loads(row["parts"])[0][0] == int(row["start"])


def test_csv_help_says_how_cells_are_neutralised(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "extract", "--help")
    flat = " ".join(out.split())
    assert "OWASP" in flat and "leading '" in flat


# --- terminal escapes (issue 20.8) --------------------------------------------------------

EVIL = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e"


def test_table_escapes_control_characters(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": f"id{EVIL}", "text": f"“Hi{EVIL} there,” said Jane Smith."})
                    + "\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--model", "blank", "-f", "table")
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\u202e" not in out
    assert "\\x1b]0;pwned\\x07" in out and "\\u202e" in out
    assert out.startswith("== id\\x1b]0;pwned")


def test_error_messages_escape_control_characters(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": f"bad{EVIL}\nline", "text": 42}) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", str(path), "--model", "blank", "-f", "jsonl")
    assert code == 1
    assert "\x1b" not in err and "\x9b" not in err and "\u202e" not in err
    assert "article bad\\x1b]0;pwned\\x07" in err and "\\x0aline" in err
    missing = tmp_path / f"gone{EVIL}.txt"
    code, _, err = run(capsys, "extract", str(missing), "--model", "blank", "-f", "jsonl")
    assert code == 1 and "\x1b" not in err and "gone\\x1b" in err


def test_printable_keeps_ordinary_text() -> None:
    text = "“Ça va,” dit-il — 🙂 ½"
    assert printable(text) == text
    assert printable("a\x00b\x7fc\x85d\u2066e") == "a\\x00b\\x7fc\\x85d\\u2066e"


def test_csv_quotes_cells_with_carriage_returns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A cell with a bare CR (an id from JSON Lines, old Mac line ends) was left unquoted
    # with "\n" line ends, and readers split the row in two.
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "art\r7", "text": ARTICLE_B}) + "\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    assert main(["extract", str(path), "--model", "blank", "-o", str(target)]) == 0
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["art\r7", "art\r7"]
    assert [r["speaker"] for r in rows] == ["Tom Brown", "Tom Brown"]


def test_ctrl_c_exits_130_with_one_line_and_keeps_the_output(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotekit", "extract", "-", "--model", "blank", "-o", str(target)],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        # The temp output appears once the command runs (model loaded, reading stdin).
        for _ in range(1200):
            if any(p.name.endswith(TEMP_SUFFIX) for p in tmp_path.iterdir()) or proc.poll():
                break
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert err.decode("utf-8").strip() == "quotekit: interrupted"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
