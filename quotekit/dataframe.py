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

from ._types import Result

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

#: The columns of :func:`to_dataframe` and their dtypes (the same for an empty frame).
COLUMNS: dict[str, str] = {
    "id": "string",
    "start": "int64",
    "end": "int64",
    "kind": "string",
    "text": "string",
    "speaker": "string",
    "speaker_type": "string",
    "role": "string",
    "organization": "string",
    "cue": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "mention": "string",
    "mention_start": "Int64",
    "mention_end": "Int64",
    "n_parts": "int64",
}


def to_dataframe(results: Result | Iterable[Any]) -> pandas.DataFrame:
    """Turn results into a table with one row per quotation.

    Args:
        results: A :class:`~quotekit.Result`, or an iterable of them such as the output of
            :meth:`Extractor.pipe`; :class:`~quotekit.Failure` items are skipped.

    Returns:
        A DataFrame with the columns of :data:`COLUMNS`: the article ``id``; the quotation's
        ``start``, ``end``, ``kind``, ``text`` and ``n_parts``; the speaker's name
        (``speaker``), ``speaker_type``, ``role`` and ``organization``; the ``cue`` and the
        ``mention`` the attribution rests on, with their offsets. Missing values are ``<NA>``;
        text columns have the ``string`` dtype and nullable offsets ``Int64``.

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
            speaker, cue, mention = quote.speaker, quote.cue, quote.speaker_mention
            row: dict[str, Any] = {
                "id": item.id,
                "start": quote.start,
                "end": quote.end,
                "kind": quote.kind,
                "text": quote.text,
                "speaker": speaker.name if speaker else None,
                "speaker_type": speaker.type if speaker else None,
                "role": speaker.role if speaker else None,
                "organization": speaker.organization if speaker else None,
                "cue": cue.text if cue else None,
                "cue_start": cue.start if cue else None,
                "cue_end": cue.end if cue else None,
                "mention": mention.text if mention else None,
                "mention_start": mention.start if mention else None,
                "mention_end": mention.end if mention else None,
                "n_parts": len(quote.parts) or 1,
            }
            for name, value in row.items():
                columns[name].append(value)
    return pd.DataFrame(
        {name: pd.array(values, dtype=COLUMNS[name]) for name, values in columns.items()},
        columns=list(COLUMNS),
    )


def _is_failure(item: object) -> bool:
    from ._api import Failure

    return isinstance(item, Failure)
