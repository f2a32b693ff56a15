"""quotekit.dataframe.to_dataframe: one row per quotation, with stable columns and dtypes."""

from __future__ import annotations

import builtins
import json
import sys
from typing import Any

import pytest

from quotekit import Failure, Quote, Result, Span, Speaker
from quotekit.dataframe import COLUMNS, to_dataframe
from quotekit.rows import COLUMNS as ROW_COLUMNS

pd = pytest.importorskip("pandas")

EXPECTED_COLUMNS = [
    "id", "start", "end", "kind", "text", "parts", "speaker", "speaker_type", "role",
    "organization", "cue", "cue_start", "cue_end", "speaker_mention", "speaker_mention_start",
    "speaker_mention_end", "rule", "confidence",
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
    assert list(df.columns) == EXPECTED_COLUMNS == list(COLUMNS) == list(ROW_COLUMNS)
    assert len(df) == 3
    first = df.iloc[0]
    assert first["id"] == "art-1" and first["start"] == 1 and first["end"] == 13
    assert first["kind"] == "direct" and first["text"] == "We will win,"
    assert first["speaker"] == "Jane Smith" and first["speaker_type"] == "person"
    assert first["role"] == "party leader" and pd.isna(first["organization"])
    assert (first["cue"], first["cue_start"], first["cue_end"]) == ("said", 15, 19)
    mention = (first["speaker_mention"], first["speaker_mention_start"],
               first["speaker_mention_end"])
    assert mention == ("Jane Smith", 20, 30)
    assert df["speaker_mention"].tolist()[1] == "she"
    last = df.iloc[2]
    assert pd.isna(last["speaker"]) and pd.isna(last["cue"]) and pd.isna(last["cue_start"])
    assert [json.loads(p) for p in df["parts"]] == [[[1, 13]], [[51, 57]], [[71, 73], [73, 75]]]
    # rule and confidence come from the Quote where it has them (getattr), else are missing.
    rules = [getattr(q, "rule", None) for q in article().quotes]
    assert df["rule"].tolist() == [pd.NA if r is None else str(r) for r in rules]
    confidences = [getattr(q, "confidence", None) for q in article().quotes]
    assert df["confidence"].tolist() == [pd.NA if c is None else c for c in confidences]


def test_dtypes() -> None:
    df = to_dataframe(article())
    assert {c: str(t) for c, t in df.dtypes.items()} == COLUMNS
    assert df["start"].dtype == "int64" and df["cue_start"].dtype == "Int64"
    assert df["confidence"].dtype == "Float64"
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


def test_lone_surrogates_become_replacement_characters() -> None:
    # A Python str may hold a lone surrogate (half an emoji, cut); pyarrow-backed strings
    # cannot, and raised UnicodeEncodeError.
    text = "“Fine \ud83d,” said Ann Lee."
    ann = Speaker("Ann Lee\udc00", "person", None, None, ((16, 24),))
    quote = Quote(text[1:8], 1, 8, ((1, 8),), "direct", ann, Span(16, 24, "Ann Lee\udc00"))
    df = to_dataframe(Result((quote,), (ann,), "blank", "s\ud800", text))
    row = df.iloc[0]
    assert row["text"] == "Fine \ufffd,"
    assert row["speaker"] == "Ann Lee\ufffd" and row["speaker_mention"] == "Ann Lee\ufffd"
    assert row["id"] == "s\ufffd"
    assert (row["start"], row["end"]) == (1, 8)  # offsets still index the original text
    pytest.importorskip("pyarrow")
    assert df.to_parquet() is not None


def test_rule_and_confidence_columns_when_the_quote_has_them() -> None:
    class Rule(str):
        def __str__(self) -> str:
            return "after"

    class RatedQuote:
        """A stand-in with the fields a Quote gains (rule, confidence)."""

        def __init__(self, quote: Quote) -> None:
            self._quote = quote
            self.rule = Rule("x")
            self.confidence = 0.75

        def __getattr__(self, name: str) -> Any:
            return getattr(self._quote, name)

    base = article()
    rated = Result(tuple(RatedQuote(q) for q in base.quotes), base.speakers,  # type: ignore[misc]
                   base.model, base.id, base.text)
    df = to_dataframe(rated)
    assert df["rule"].tolist() == ["after"] * 3
    assert df["confidence"].tolist() == [0.75] * 3
