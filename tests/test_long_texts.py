"""Long texts: read in chunks, yet one speaker per person, each speaker object shared by its
quotations, and offsets into the whole text. Time and memory are measured by bench/scaling.py."""

from __future__ import annotations

import pytest
from conftest import check_offsets

import quotekit
from quotekit._pipeline import join_chunks, shift
from quotekit._types import Quote, Speaker

TWO_PEOPLE = "".join(
    f"“Point {n} is settled,” said Ann Lee. “Point {n} is not,” said Tom Hart.\n\n" for n in range(40)
)


@pytest.fixture
def chunked(request: pytest.FixtureRequest) -> quotekit.Extractor:
    """A fresh extractor that reads in chunks of 500 characters (so a few KB make many chunks)."""
    ex = quotekit.load("blank")
    ex.chunk_size = 500
    return ex


def test_chunks_keep_one_speaker_per_person(chunked: quotekit.Extractor) -> None:
    result = chunked.extract(TWO_PEOPLE)
    assert len(TWO_PEOPLE) > 5 * chunked.chunk_size
    check_offsets(result)
    assert len(result) == 80
    assert sorted(s.name for s in result.speakers) == ["Ann Lee", "Tom Hart"]
    for sp in result.speakers:
        mine = [q for q in result if q.speaker is not None and q.speaker.name == sp.name]
        assert len(mine) == 40
        assert all(q.speaker is sp for q in mine)  # one object, not a copy per quotation
        assert len(sp.mentions) == 40


def test_chunked_equals_whole_reading(chunked: quotekit.Extractor, blank: quotekit.Extractor) -> None:
    whole = blank.extract(TWO_PEOPLE)
    parts = chunked.extract(TWO_PEOPLE)
    assert [(q.start, q.end, q.kind, q.speaker and q.speaker.name) for q in parts] == [
        (q.start, q.end, q.kind, q.speaker and q.speaker.name) for q in whole
    ]


def test_join_chunks_short_name_joins_the_full_one() -> None:
    full = Speaker("Ann Lee", "person", "mayor", None, ((0, 7),))
    short = Speaker("Lee", "person", None, None, ((100, 103),))
    other = Speaker("Tom Hart", "person", None, None, ((50, 58),))
    quotes = [Quote("a", 10, 11, ((10, 11),), "direct", sp) for sp in (full, other, short, short)]
    joined = join_chunks(quotes)
    assert joined[0].speaker is joined[2].speaker is joined[3].speaker
    assert joined[0].speaker is not None
    assert (joined[0].speaker.name, joined[0].speaker.role, joined[0].speaker.mentions) == ("Ann Lee", "mayor", ((0, 7), (100, 103)))
    assert joined[1].speaker is other


def test_join_chunks_keeps_organizations_apart_from_people() -> None:
    org = Speaker("Lee", "organization", None, None, ((0, 3),))
    person = Speaker("Ann Lee", "person", None, None, ((10, 17),))
    joined = join_chunks([Quote("a", 20, 21, ((20, 21),), "direct", sp) for sp in (org, person)])
    assert joined[0].speaker is org and joined[1].speaker is person


def test_shift_moves_each_speaker_once() -> None:
    sp = Speaker("Ann Lee", "person", None, None, ((0, 7),))
    text = "x" * 100 + "Ann Lee said “yes” and “no”."
    quotes = [Quote("yes", 14, 17, ((14, 17),), "direct", sp), Quote("no", 24, 26, ((24, 26),), "direct", sp)]
    moved = shift(quotes, 100, text)
    assert moved[0].speaker is moved[1].speaker
    assert moved[0].speaker is not None and moved[0].speaker.mentions == ((100, 107),)
    assert [q.text for q in moved] == ["yes", "no"]
