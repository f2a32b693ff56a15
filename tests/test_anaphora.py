"""Stage 6b: a definite role nominal ("the mayor said") is the named person with that title."""

from __future__ import annotations

import pytest

import quotekit


def speaker_of(result: quotekit.Result, words: str) -> str | None:
    (q,) = [q for q in result if words in q.text]
    return q.speaker.name if q.speaker else None


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Prime Minister Ana Ruiz visited the town on Monday. Later the prime minister said the plan would work.",
     "the plan would work", "Ana Ruiz"),
    ('Kentside mayor Jane Roe opened the bridge. "It is a great day," the mayor said.', "great day", "Jane Roe"),
    ('"We were robbed," said the goalkeeper. Their goalkeeper Tom Hale had saved two penalties.', "robbed", "Tom Hale"),
])
def test_link_role_nominals(extractor: quotekit.Extractor, text: str, words: str, speaker: str) -> None:
    result = extractor.extract(text)
    assert speaker_of(result, words) == speaker
    (sp,) = [s for s in result.speakers if s.name == speaker]
    assert len(sp.mentions) >= 2  # the name and the nominal


@pytest.mark.parametrize("text", [
    # Two mayors: which one "the mayor" is cannot be told.
    'Kentside mayor Jane Roe met Easton mayor Li Wei. "It is a great day," the mayor said.',
    # Indefinite: another person.
    'Kentside mayor Jane Roe opened the bridge. "It is a great day," a mayor said.',
])
def test_link_role_nominals_leaves_unclear_ones(extractor: quotekit.Extractor, text: str) -> None:
    assert speaker_of(extractor.extract(text), "great day") not in ("Jane Roe", "Li Wei")
