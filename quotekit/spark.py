"""Quotations of a Spark DataFrame of articles: run quotekit over a news archive on Spark.

>>> from quotekit.spark import extract_quotes                       # doctest: +SKIP
>>> articles = spark.read.parquet("archive/")                        # doctest: +SKIP
>>> quotes = extract_quotes(articles, text_col="body", id_col="url")  # doctest: +SKIP
>>> quotes.write.parquet("quotes/")                                  # doctest: +SKIP

The work runs on the executors through :meth:`pyspark.sql.DataFrame.mapInPandas`: each Python
worker loads the spaCy pipeline once (and keeps it for every later task it runs), then reads its
articles in batches with :meth:`quotekit.Extractor.pipe`. One bad article gives an ``error`` row;
it never fails the job. Every executor needs quotekit and the spaCy pipeline installed: see
``docs/scaling.md``.

This module needs pyspark, pandas and pyarrow: ``pip install "quotekit-nlp[spark]"``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

try:
    from pyspark.sql import DataFrame
    from pyspark.sql.types import (
        ArrayType,
        DataType,
        DoubleType,
        IntegerType,
        StringType,
        StructField,
        StructType,
    )
except ImportError as _exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        'quotekit.spark needs pyspark, pandas and pyarrow: pip install "quotekit-nlp[spark]"'
    ) from _exc

from ._api import Extractor, Failure, load
from ._errors import OptionError, QuotekitError, expect_text
from ._types import Quote, Result
from .rows import COLUMN_TYPES, quote_row

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

__all__ = [
    "ERROR_FIELD",
    "QUOTE_FIELDS",
    "QUOTE_STRUCT",
    "extract_quotes",
    "output_schema",
]

_SPARK_TYPES: dict[type, DataType] = {str: StringType(), int: IntegerType(), float: DoubleType()}

#: The fields of one quotation (:data:`quotekit.rows.COLUMNS` without ``id``), as columns of
#: the exploded form and as the struct of the nested form; the same columns as
#: ``quotekit extract --format csv`` and :func:`quotekit.to_dataframe`. Offsets are Python
#: ``str`` indices (code points) into the article, the same as Spark SQL's
#: ``substring(text, start + 1, end - start)``; ``parts`` is JSON, e.g. ``[[1, 13], [30, 42]]``
#: (``from_json(parts, 'array<array<int>>')`` reads it).
QUOTE_FIELDS: tuple[StructField, ...] = tuple(
    StructField(name, _SPARK_TYPES[kind], True) for name, kind in COLUMN_TYPES.items() if name != "id"
)

#: One quotation in the nested form: the fields of :data:`QUOTE_FIELDS`.
QUOTE_STRUCT: StructType = StructType(list(QUOTE_FIELDS))

#: ``"ExceptionType: message"`` for an article that could not be read, else null.
ERROR_FIELD: StructField = StructField("error", StringType(), True)

_QUOTE_NAMES: tuple[str, ...] = tuple(f.name for f in QUOTE_FIELDS)
_RESERVED: frozenset[str] = frozenset({*_QUOTE_NAMES, "quotes", "error"})

#: Extractors loaded in this Python process (a Spark worker), by model name.
_EXTRACTORS: dict[str, Extractor] = {}


def output_schema(id_field: StructField, *, nested: bool = False) -> StructType:
    """Return the schema of :func:`extract_quotes`' result.

    Args:
        id_field: The input's id column; the output repeats it under the same name and type.
        nested: The one-row-per-article form instead of one row per quotation.

    Returns:
        The id, the fields of :data:`QUOTE_FIELDS` and ``error``, or with ``nested``
        ``id, quotes (array of QUOTE_STRUCT), error``.
    """
    id_out = StructField(id_field.name, id_field.dataType, True)
    if nested:
        return StructType([id_out, StructField("quotes", ArrayType(QUOTE_STRUCT, False), True), ERROR_FIELD])
    return StructType([id_out, *QUOTE_FIELDS, ERROR_FIELD])


def extract_quotes(
    df: DataFrame,
    text_col: str = "text",
    id_col: str = "id",
    model: str = "auto",
    *,
    nested: bool = False,
    batch_size: int = 32,
) -> DataFrame:
    """Find every quotation in a DataFrame of articles, on the Spark executors.

    The result is lazy, like any Spark transformation: nothing runs until an action
    (``write``, ``count``, ``collect``). Each Python worker loads the pipeline ``model`` once
    and reuses it for every partition it reads.

    Exploded form (the default), one row per quotation, in text order within an article:
    the id column under its own name, the columns of :data:`QUOTE_FIELDS` (those of
    :data:`quotekit.rows.COLUMNS`: ``start``, ``end``, ``kind``, ``text``, ``parts``,
    ``speaker``, ... ``rule``, ``confidence``) and ``error``. An article
    with no quotation gives **no row**; an article that could not be read (a null text, say)
    gives one row whose quotation fields are null and whose ``error`` is
    ``"ExceptionType: message"``. ``error`` is null on every other row.

    Nested form (``nested=True``), one row per article: the id column, ``quotes`` (an array
    of structs with the fields above; empty for an article without quotations, null for one
    that failed) and ``error``.

    Args:
        df: The articles, one per row.
        text_col: The column holding the article text (``string``).
        id_col: The column that identifies an article; it is carried into the output
            unchanged (any type).
        model: As for :func:`quotekit.load`: ``"auto"``, ``"blank"`` or an installed pipeline's
            name. It must be installed on every executor.
        nested: One row per article with an array of quotations instead of one row per
            quotation.
        batch_size: Articles per spaCy batch on the executors (at least 1).

    Returns:
        A DataFrame with the schema of :func:`output_schema`.

    Raises:
        QuotekitError: ``text_col`` or ``id_col`` is not a column of ``df`` (the message names
            the columns there are), or ``id_col`` clashes with an output column.
        TypeError: ``df`` is not a Spark DataFrame, or ``text_col`` is not a string column
            (the message names its type).
        OptionError: A bad ``model``, ``nested`` or ``batch_size``.

    Example:
        >>> df = spark.createDataFrame([("a1", '"Yes," she said.')], "id string, text string")  # doctest: +SKIP
        >>> extract_quotes(df, model="blank").select("id", "text").collect()  # doctest: +SKIP
        [Row(id='a1', text='Yes,')]
    """
    if not isinstance(df, DataFrame):
        raise TypeError(f"extract_quotes() takes a pyspark.sql.DataFrame, got {type(df).__name__}")
    if not isinstance(model, str) or not model:
        raise OptionError(
            f"model must be a pipeline name ('auto', 'blank' or an installed package), got {model!r}"
        )
    if not isinstance(nested, bool):
        raise OptionError(f"nested must be True or False, got {nested!r}")
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise OptionError(f"batch_size must be an int >= 1, got {batch_size!r}")
    fields = {f.name: f for f in df.schema.fields}
    for what, name in (("text_col", text_col), ("id_col", id_col)):
        if name not in fields:
            raise QuotekitError(
                f"{what}={name!r} is not a column of the DataFrame; its columns are "
                f"{', '.join(repr(n) for n in fields) or '(none)'}"
            )
    text_type: DataType = fields[text_col].dataType
    if not isinstance(text_type, StringType):
        raise TypeError(
            f"text_col={text_col!r} must be a string column, got {text_type.simpleString()}; "
            f"cast or decode it first, e.g. df.withColumn({text_col!r}, col({text_col!r}).cast('string'))"
        )
    if id_col in _RESERVED:
        raise QuotekitError(
            f"id_col={id_col!r} clashes with an output column ({', '.join(sorted(_RESERVED))}); "
            f"rename it first, e.g. df.withColumnRenamed({id_col!r}, 'article_id')"
        )
    schema = output_schema(fields[id_col], nested=nested)
    worker = functools.partial(
        _map_batches, text_col=text_col, id_col=id_col, model=model, nested=nested,
        batch_size=batch_size,
    )
    columns = [id_col] if id_col == text_col else [id_col, text_col]
    return df.select(*columns).mapInPandas(worker, schema)


def _extractor(model: str) -> Extractor:
    """Return this worker's extractor for ``model``, loading it on first use."""
    extractor = _EXTRACTORS.get(model)
    if extractor is None:
        extractor = _EXTRACTORS[model] = load(model)
    return extractor


def _map_batches(
    batches: Iterator[pandas.DataFrame],
    *,
    text_col: str,
    id_col: str,
    model: str,
    nested: bool,
    batch_size: int,
) -> Iterator[pandas.DataFrame]:
    """The ``mapInPandas`` function: one output frame per input frame (runs on executors)."""
    import pandas as pd

    extractor = _extractor(model)
    names = ["quotes"] if nested else list(_QUOTE_NAMES)
    for pdf in batches:
        texts = pdf[text_col].tolist()
        outcomes = _read(extractor, texts, text_col, batch_size)
        rows: list[int] = []  # the input row of each output row
        columns: dict[str, list[Any]] = {name: [] for name in [*names, "error"]}
        for i, outcome in enumerate(outcomes):
            if isinstance(outcome, str):
                rows.append(i)
                for name in names:
                    columns[name].append(None)
                columns["error"].append(outcome)
            elif nested:
                rows.append(i)
                columns["quotes"].append([_quote_values(q) for q in outcome])
                columns["error"].append(None)
            else:
                for quote in outcome:
                    rows.append(i)
                    for name, value in _quote_values(quote).items():
                        columns[name].append(value)
                    columns["error"].append(None)
        ids = pdf[id_col].iloc[rows].reset_index(drop=True)
        out = {id_col: ids}
        out.update({name: pd.Series(values, dtype=object) for name, values in columns.items()})
        yield pd.DataFrame(out)


def _read(extractor: Extractor, texts: list[Any], text_col: str, batch_size: int) -> list[Result | str]:
    """Read ``texts``: a :class:`Result` for each, or its error text where it failed."""
    outcomes: list[Result | str] = []
    good: list[tuple[str, str]] = []
    for i, text in enumerate(texts):
        if isinstance(text, str):
            good.append((str(i), text))
            outcomes.append("")  # filled below
            continue
        if text is None or _is_missing(text):
            outcomes.append(f"TypeError: column {text_col!r} is null")
            continue
        try:
            expect_text(text, text_col)
        except TypeError as exc:
            outcomes.append(f"TypeError: {exc}")
        else:  # pragma: no cover - expect_text raises for every non-str
            outcomes.append("TypeError: not a str")
    for (key, _), item in zip(good, extractor.pipe(good, batch_size=batch_size, on_error="return")):
        outcomes[int(key)] = item.error if isinstance(item, Failure) else item
    return outcomes


def _is_missing(value: object) -> bool:
    """Whether ``value`` is pandas' or numpy's missing marker (``NaN``, ``pd.NA``, ``NaT``)."""
    try:
        return bool(value != value) or type(value).__name__ in ("NAType", "NaTType")
    except (TypeError, ValueError):
        return False


def _quote_values(quote: Quote) -> dict[str, Any]:
    """The values of :data:`QUOTE_FIELDS` for one quotation (its row without the id)."""
    row = quote_row(quote)
    del row["id"]
    return row
