"""Quote.text is what was said: the parts' words joined by one space, never the narration
between the parts; start/end still cover the whole quotation; in both modes, CRLF included."""

from __future__ import annotations

import pytest

import quotekit
from quotekit import Quote
from quotekit._types import quoted_text


@pytest.mark.parametrize(("text", "said"), [
    ('“We have cut waiting lists,” she said. “We will go further.”', "We have cut waiting lists, We will go further."),
    ('"We have cut waiting lists," she said. "We will go further."', "We have cut waiting lists, We will go further."),
    ('Jane Okafor said:\n\n“The wall held.\n\n“It will hold again.”', "The wall held. It will hold again."),
    ('Jane Okafor said:\r\n\r\n“The wall held.\r\n\r\n“It will hold again.”', "The wall held. It will hold again."),
])
def test_text_is_the_quoted_words(extractor: quotekit.Extractor, text: str, said: str) -> None:
    (q,) = extractor.extract(text)
    assert len(q.parts) == 2
    assert q.text == said
    assert "she said" not in q.text
    assert text[q.start:q.end].startswith(said[:10])  # start/end still cover the quotation


def test_one_part_is_the_plain_slice(extractor: quotekit.Extractor) -> None:
    text = 'Jane Okafor said: "The wall held."'
    (q,) = extractor.extract(text)
    assert q.text == text[q.start:q.end] == "The wall held."


def test_round_trip_keeps_text_rule_and_confidence(blank: quotekit.Extractor) -> None:
    (q,) = blank.extract('“We have cut waiting lists,” she said. “We will go further.”')
    again = Quote.from_dict(q.to_dict())
    assert again == q


def test_quoted_text_joins_parts() -> None:
    assert quoted_text("abc def ghi", ((0, 3), (8, 11))) == "abc ghi"
