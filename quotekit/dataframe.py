"""Quotations as a pandas DataFrame: one row per quotation.

>>> import quotekit
>>> from quotekit.dataframe import to_dataframe
>>> df = to_dataframe(quotekit.load().pipe(articles))    # doctest: +SKIP

pandas is imported only when :func:`to_dataframe` is called; install it with
``pip install "quotekit-nlp[pandas]"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import regex

from ._types import Result
from .rows import COLUMN_TYPES, REQUIRED, quote_row

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

_DTYPES: dict[type, tuple[str, str]] = {
    # Python type: (dtype when never missing, nullable dtype)
    str: ("string", "string"),
    int: ("int64", "Int64"),
    float: ("Float64", "Float64"),
}

#: The columns of :func:`to_dataframe` (those of :data:`quotekit.rows.COLUMNS`) and their
#: dtypes, the same for an empty frame.
COLUMNS: dict[str, str] = {
    name: _DTYPES[kind][0 if name in REQUIRED else 1] for name, kind in COLUMN_TYPES.items()
}

# A lone surrogate, which pyarrow-backed strings cannot hold (UTF-8 has no encoding for it).
# e.g. the "\ud83d" left when an emoji's surrogate pair was cut in half
_LONE_SURROGATE = regex.compile(
    r"""
    [\ud800-\udfff]     # e.g. "\ud83d"
    """,
    regex.VERBOSE,
)


def to_dataframe(results: Result | Iterable[Any]) -> pandas.DataFrame:
    """Turn results into a table with one row per quotation.

    Args:
        results: A :class:`~quotekit.Result`, or an iterable of them such as the output of
            :meth:`Extractor.pipe`; :class:`~quotekit.Failure` items are skipped.

    Returns:
        A DataFrame with the columns of :data:`quotekit.rows.COLUMNS` (the same as
        ``quotekit extract --format csv``), their dtypes in :data:`COLUMNS`: text columns have
        the ``string`` dtype (``id`` too: a number becomes its text), offsets ``int64`` (nullable ``Int64`` for the cue's and the
        mention's), ``confidence`` ``Float64``, and ``parts`` the parts' offsets as JSON.
        Missing values are ``<NA>``. A lone surrogate code point in a text cell (possible in
        a Python ``str``, not in UTF-8) is replaced with U+FFFD, so that the frame can be
        held by pyarrow and written to Parquet; offsets are unchanged.

    Raises:
        ImportError: pandas is not installed.
        TypeError: An item is neither a ``Result`` nor a ``Failure``.
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(
            'quotekit.to_dataframe needs pandas: pip install "quotekit-nlp[pandas]"'
        ) from exc

    items: Iterable[Any] = [results] if isinstance(results, Result) else results
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for item in items:
        if not isinstance(item, Result):
            if _is_failure(item):
                continue
            raise TypeError(
                f"to_dataframe() takes Results (or Failures, skipped), got {type(item).__name__}"
            )
        for quote in item.quotes:
            for name, value in quote_row(quote, item.id).items():
                columns[name].append(value)
    return pd.DataFrame(
        {name: pd.array(_clean(values, COLUMNS[name]), dtype=COLUMNS[name])
         for name, values in columns.items()},
        columns=list(COLUMNS),
    )


def _clean(values: list[Any], dtype: str) -> list[Any]:
    if dtype != "string":
        return values
    return [_LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for v in values]


def _is_failure(item: object) -> bool:
    from ._api import Failure

    return isinstance(item, Failure)
