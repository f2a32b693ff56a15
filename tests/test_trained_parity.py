"""Trained mode is never less accurate than blank: where a tagger disagrees with the text's own
evidence, the text wins (a participle after a determiner is no verb; a tagger adds finite verbs
to those the word forms give, never removes them)."""

from __future__ import annotations

import pytest

import quotekit


@pytest.mark.parametrize("text", [
    "The reported feud between the two ministers has widened this week.",
    "Officials played down the claimed rift between the two departments on Monday.",
])
def test_participle_after_a_determiner_is_no_cue(extractor: quotekit.Extractor, text: str) -> None:
    assert [q.text for q in extractor.extract(text)] == []


@pytest.mark.parametrize(("text", "speaker"), [
    ('Jane Okafor also noted several "intangibles" left her disillusioned with the board.', "Jane Okafor"),
    ('Tom Reyes said the tax breaks used by the biggest firms "do nothing to boost the economy."', "Tom Reyes"),
])
def test_reported_clause_found_in_both_modes(extractor: quotekit.Extractor, text: str, speaker: str) -> None:
    indirect = [q for q in extractor.extract(text) if q.kind == "indirect"]
    assert len(indirect) == 1 and indirect[0].speaker is not None and indirect[0].speaker.name == speaker
