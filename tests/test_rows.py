"""quotekit.rows: one flattening of a Quote, the same columns in CSV, DataFrame and Spark."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from quotekit import Quote, Result, Span, Speaker
from quotekit.cli import CSV_COLUMNS, _write_csv
from quotekit.rows import COLUMN_TYPES, COLUMNS, REQUIRED, quote_row

TEXT = "“We will win,” said Jane Smith, the party leader. “Never,” she added, “ever.” “Why?”"
JANE = Speaker("Jane Smith", "person", "party leader", "Labour", ((20, 30), (59, 62)))


def result() -> Result:
    quotes = (
        Quote(TEXT[1:13], 1, 13, ((1, 13),), "direct", JANE, Span(20, 30, "Jane Smith"),
              Span(15, 19, "said")),
        Quote(TEXT[51:76], 51, 76, ((51, 57), (71, 76)), "direct", JANE, Span(59, 62, "she"),
              Span(63, 68, "added")),
        Quote(TEXT[79:83], 79, 83, ((79, 83),), "direct", None),
    )
    return Result(quotes, (JANE,), "blank", "art-1", TEXT)


def test_row_has_every_column_in_order() -> None:
    for quote in result():
        row = quote_row(quote, "art-1")
        assert tuple(row) == COLUMNS
        assert all(row[name] is not None for name in REQUIRED)
        for name, value in row.items():
            assert value is None or isinstance(value, COLUMN_TYPES[name]), name


def test_row_values() -> None:
    first, second, third = (quote_row(q, 7) for q in result())
    assert first["id"] == 7  # the id's type is kept
    assert (first["start"], first["end"], first["text"]) == (1, 13, "We will win,")
    assert (first["speaker"], first["speaker_type"]) == ("Jane Smith", "person")
    assert (first["role"], first["organization"]) == ("party leader", "Labour")
    assert (first["cue"], first["cue_start"], first["cue_end"]) == ("said", 15, 19)
    mention = (first["speaker_mention"], first["speaker_mention_start"],
               first["speaker_mention_end"])
    assert mention == ("Jane Smith", 20, 30)
    assert json.loads(second["parts"]) == [[51, 57], [71, 76]]
    assert second["speaker_mention"] == "she"
    assert third["speaker"] is None and third["cue"] is None and third["cue_start"] is None


def test_parts_default_to_the_whole_quotation() -> None:
    row = quote_row(Quote("Yes", 1, 4, (), "partial", None))
    assert json.loads(row["parts"]) == [[1, 4]] and row["id"] is None


def test_rule_and_confidence_through_getattr() -> None:
    class Rule:
        def __str__(self) -> str:
            return "intro"

    class Rated:
        """A stand-in for a Quote with a rule and a confidence."""

        def __init__(self, quote: Quote, rule: object, confidence: object) -> None:
            self._quote, self.rule, self.confidence = quote, rule, confidence

        def __getattr__(self, name: str) -> Any:
            return getattr(self._quote, name)

    quote = result().quotes[0]
    row = quote_row(Rated(quote, Rule(), 0.5))  # type: ignore[arg-type]
    assert (row["rule"], row["confidence"]) == ("intro", 0.5)
    row = quote_row(Rated(quote, None, None))  # type: ignore[arg-type]
    assert (row["rule"], row["confidence"]) == (None, None)


def test_csv_rows_are_the_shared_rows() -> None:
    out = io.StringIO(newline="")
    _write_csv([("art-1", result())], out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS == COLUMNS
    want = [["" if v is None else str(v) for v in quote_row(q, "art-1").values()] for q in result()]
    assert rows[1:] == want


def test_dataframe_rows_are_the_shared_rows() -> None:
    pd = pytest.importorskip("pandas")
    from quotekit.dataframe import to_dataframe

    df = to_dataframe(result())
    assert tuple(df.columns) == COLUMNS
    got = [{k: (None if pd.isna(v) else v) for k, v in row.items()}
           for row in df.to_dict(orient="records")]
    assert got == [quote_row(q, "art-1") for q in result()]


def test_spark_fields_are_the_shared_columns() -> None:
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    from quotekit.spark import QUOTE_FIELDS, QUOTE_STRUCT, _quote_values

    assert tuple(f.name for f in QUOTE_FIELDS) == COLUMNS[1:]  # the id keeps the input's name
    assert tuple(QUOTE_STRUCT.fieldNames()) == COLUMNS[1:]
    for quote in result():
        row = quote_row(quote, "art-1")
        del row["id"]
        assert _quote_values(quote) == row
