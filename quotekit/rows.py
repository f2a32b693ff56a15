"""A quotation as one flat row: the single column set of the CSV, DataFrame and Spark outputs.

>>> from quotekit.rows import COLUMNS, quote_row
>>> COLUMNS[:6]
('id', 'start', 'end', 'kind', 'text', 'parts')

``quotekit extract --format csv``, :func:`quotekit.dataframe.to_dataframe` and
:func:`quotekit.spark.extract_quotes` all build their rows with :func:`quote_row`, so a column
means the same thing in each of them.
"""

from __future__ import annotations

import json
from typing import Any

from ._types import Quote

#: Every column of a quotation row, in order, with the Python type of its non-missing values.
#:
#: - ``id``: the article's id (its JSON type is kept: a string or a number).
#: - ``start``, ``end``: offsets (Python ``str`` indices) of the quotation in the article.
#: - ``kind``: ``direct``, ``partial`` or ``indirect``.
#: - ``text``: the quotation's text (:attr:`quotekit.Quote.text`).
#: - ``parts``: the ``[start, end]`` of each part, as JSON: ``[[1, 13], [30, 42]]``.
#: - ``speaker``, ``speaker_type``, ``role``, ``organization``: the speaker, where there is one.
#: - ``cue``, ``cue_start``, ``cue_end``: the cue ("said", "according to") and its offsets.
#: - ``speaker_mention``, ``speaker_mention_start``, ``speaker_mention_end``: the mention the
#:   attribution rests on (often a pronoun) and its offsets.
#: - ``rule``: the name of the attribution rule that found the speaker.
#: - ``confidence``: how often quotations attributed that way are right, in [0, 1].
COLUMN_TYPES: dict[str, type] = {
    "id": str,
    "start": int,
    "end": int,
    "kind": str,
    "text": str,
    "parts": str,
    "speaker": str,
    "speaker_type": str,
    "role": str,
    "organization": str,
    "cue": str,
    "cue_start": int,
    "cue_end": int,
    "speaker_mention": str,
    "speaker_mention_start": int,
    "speaker_mention_end": int,
    "rule": str,
    "confidence": float,
}

#: The column names of :data:`COLUMN_TYPES`, in order.
COLUMNS: tuple[str, ...] = tuple(COLUMN_TYPES)

#: The columns that are never missing (every other one is ``None`` where it does not apply).
REQUIRED: frozenset[str] = frozenset({"start", "end", "kind", "text", "parts"})


def quote_row(quote: Quote, article_id: object = None) -> dict[str, Any]:
    """Flatten one quotation into a row with the columns of :data:`COLUMNS`.

    Args:
        quote: The quotation.
        article_id: The id of its article (kept as it is; ``None`` where there is none).

    Returns:
        A dict from every name of :data:`COLUMNS` to its value; ``None`` where a value does
        not apply (no speaker, no cue, a rule or confidence not known).
    """
    speaker, cue, mention = quote.speaker, quote.cue, quote.speaker_mention
    rule = getattr(quote, "rule", None)
    confidence = getattr(quote, "confidence", None)
    parts = quote.parts or ((quote.start, quote.end),)
    return {
        "id": article_id,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "text": quote.text,
        "parts": json.dumps([[s, e] for s, e in parts]),
        "speaker": speaker.name if speaker else None,
        "speaker_type": speaker.type if speaker else None,
        "role": speaker.role if speaker else None,
        "organization": speaker.organization if speaker else None,
        "cue": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "speaker_mention": mention.text if mention else None,
        "speaker_mention_start": mention.start if mention else None,
        "speaker_mention_end": mention.end if mention else None,
        "rule": None if rule is None else str(rule),
        "confidence": None if confidence is None else float(confidence),
    }
