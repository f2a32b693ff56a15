"""quotekit.dataframe.to_dataframe: one row per quotation, with stable columns and dtypes."""

from __future__ import annotations

import builtins
import sys
from typing import Any

import pytest

from quotekit import Failure, Quote, Result, Span, Speaker
from quotekit.dataframe import COLUMNS, to_dataframe

pd = pytest.importorskip("pandas")

EXPECTED_COLUMNS = [
    "id", "start", "end", "kind", "text", "speaker", "speaker_type", "role", "organization",
    "cue", "cue_start", "cue_end", "mention", "mention_start", "mention_end", "n_parts",
]


def article() -> Result:
    text = "“We will win,” said Jane Smith, the party leader. “Never,” she added. “Why?”"
    jane = Speaker("Jane Smith", "person", "party leader", None, ((20, 30), (59, 62)))
    quotes = (
        Quote(text[1:13], 1, 13, ((1, 13),), "direct", jane, Span(20, 30, "Jane Smith"),
              Span(15, 19, "said")),
        Quote(text[51:57], 51, 57, ((51, 57),), "direct", jane, Span(59, 62, "she"),
              Span(63, 68, "added")),
        Quote(text[71:75], 71, 75, ((71, 73), (73, 75)), "direct", None),
    )
    return Result(quotes, (jane,), "blank", "art-1", text)


def test_columns_and_rows() -> None:
    df = to_dataframe(article())
    assert list(df.columns) == EXPECTED_COLUMNS == list(COLUMNS)
    assert len(df) == 3
    first = df.iloc[0]
    assert first["id"] == "art-1" and first["start"] == 1 and first["end"] == 13
    assert first["kind"] == "direct" and first["text"] == "We will win,"
    assert first["speaker"] == "Jane Smith" and first["speaker_type"] == "person"
    assert first["role"] == "party leader" and pd.isna(first["organization"])
    assert (first["cue"], first["cue_start"], first["cue_end"]) == ("said", 15, 19)
    assert (first["mention"], first["mention_start"], first["mention_end"]) == ("Jane Smith", 20, 30)
    assert df["mention"].tolist()[1] == "she"
    last = df.iloc[2]
    assert pd.isna(last["speaker"]) and pd.isna(last["cue"]) and pd.isna(last["cue_start"])
    assert last["n_parts"] == 2
    assert df["n_parts"].tolist() == [1, 1, 2]


def test_dtypes() -> None:
    df = to_dataframe(article())
    assert {c: str(t) for c, t in df.dtypes.items()} == COLUMNS
    assert df["start"].dtype == "int64" and df["cue_start"].dtype == "Int64"
    assert isinstance(df["text"].dtype, pd.StringDtype)


def test_empty_input_keeps_columns_and_dtypes() -> None:
    full = to_dataframe(article())
    for empty in (to_dataframe([]), to_dataframe(Result(())), to_dataframe(iter([]))):
        assert len(empty) == 0
        assert list(empty.columns) == EXPECTED_COLUMNS
        assert empty.dtypes.equals(full.dtypes)


def test_many_results_failures_skipped() -> None:
    other = Result((Quote("Yes", 1, 4, ((1, 4),), "partial", None),), id=None, text="'Yes'")
    items: list[Any] = [article(), Failure("bad", "TypeError: nope"), other, Result((), id="x")]
    df = to_dataframe(iter(items))
    assert len(df) == 4
    assert df["id"].tolist()[:3] == ["art-1"] * 3
    assert pd.isna(df["id"].iloc[3])
    assert df["kind"].tolist()[3] == "partial"


def test_pipe_output() -> None:
    quotekit = pytest.importorskip("quotekit")
    extractor = quotekit.load("blank")
    texts = [("a", "“We will win,” said Jane Smith, the party leader."), ("b", 42)]
    df = to_dataframe(extractor.pipe(texts, on_error="return"))
    assert list(df.columns) == EXPECTED_COLUMNS
    assert set(df["id"].dropna()) <= {"a"}


def test_rejects_other_items() -> None:
    with pytest.raises(TypeError, match="Results"):
        to_dataframe([article(), {"id": "x"}])


def test_missing_pandas_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "pandas", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError, match=r'pip install "quotekit-nlp\[pandas\]"'):
        to_dataframe(article())
