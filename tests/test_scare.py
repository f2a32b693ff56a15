"""The filter step of attribution (quotekit/_attribute.py, step 3): titles, names, terms and
scare quotes are not quotations; a fragment someone is said to have said is. One test per
filter, named after it, on sentences the project wrote, in blank and trained modes.
"""

from __future__ import annotations

import pytest
from conftest import check_offsets

from quotekit import Extractor, _attribute


def texts_of(extractor: Extractor, text: str) -> dict[str, str]:
    """Quoted text -> kind of every quotation found in ``text`` (offsets checked)."""
    r = extractor.extract(text)
    check_offsets(r)
    return {q.text: q.kind for q in r}


def speaker_of(extractor: Extractor, text: str, quoted: str) -> str | None:
    """The speaker's name of the quotation whose text is ``quoted``."""
    (q,) = [q for q in extractor.extract(text) if q.text == quoted]
    return q.speaker.name if q.speaker else None


def test_filters_are_the_documented_table() -> None:
    assert [f.__name__ for f in _attribute.FILTERS] == ["title", "possessive_scare", "quoted_name", "scare", "subject_word"]
    for f in _attribute.FILTERS:
        assert f"``{f.__name__}``" in (_attribute.__doc__ or "")


# --- title (as_term, listed_term, an attribution after that reports a clause of its own) ------

EPITHETS_AFTER_AS = [
    ('Jane Smith branded the council\'s handling of the floods as "slow and chaotic".', "slow and chaotic", "Jane Smith"),
    ('Councillor Tom Reyes also branded the budget plans as "fantasy figures".', "fantasy figures", "Tom Reyes"),
    ('Tom Reyes dismissed the harbour report as "nonsense".', "nonsense", "Tom Reyes"),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), EPITHETS_AFTER_AS)
def test_as_term_not_after_a_verb_of_speech_or_naming(extractor: Extractor, text: str, quoted: str, speaker: str) -> None:
    assert texts_of(extractor, text).get(quoted) == "partial"
    assert speaker_of(extractor, text, quoted) == speaker


TERMS_AFTER_AS = [
    ('The practice, known as "quiet quitting", is spreading among younger staff.', "quiet quitting"),
    ('She wants to be seen as "a safe pair of hands" by the voters.', "a safe pair of hands"),
    ('Jane Smith said words such as "scrounger" had no place in the debate.', "scrounger"),
    ('The ferry, billed as "the fastest crossing", sails from Monday.', "the fastest crossing"),
]


@pytest.mark.parametrize(("text", "quoted"), TERMS_AFTER_AS)
def test_as_term(extractor: Extractor, text: str, quoted: str) -> None:
    assert quoted not in texts_of(extractor, text)


LISTS = [
    ('Jane Smith said words such as "scrounger" and "shirker" had no place in the debate.', ["scrounger", "shirker"]),
    ('The leaflet used the terms "fair", "firm" and "final" on every page.', ["fair", "firm", "final"]),
    ('Posters carried the slogans "Vote Local" or "Keep It Local" all week, Jane Smith said.', ["Vote Local", "Keep It Local"]),
]


@pytest.mark.parametrize(("text", "terms"), LISTS)
def test_listed_term(extractor: Extractor, text: str, terms: list[str]) -> None:
    found = texts_of(extractor, text)
    assert [t for t in terms if t in found] == []


def test_title_slogan_before_a_cue_with_its_own_clause(extractor: Extractor) -> None:
    text = 'Under the campaign slogan "Forward Together", the mayor repeatedly insisted the budget would balance.'
    found = texts_of(extractor, text)
    assert "Forward Together" not in found
    assert found.get("the budget would balance") == "indirect"


def test_title_keeps_a_fragment_its_attribution_says(extractor: Extractor) -> None:
    text = 'The figures show "a clear improvement", she said.'
    assert "a clear improvement" in texts_of(extractor, text)


# --- possessive_scare -------------------------------------------------------------------------

POSSESSIVE = [
    'The new road - long seen as the mayor\'s "pet project" - has only added to the row over costs.',
    'The stadium, the chairman’s “baby”, has only added to the club’s debts.',
    'The bypass - the council leader\'s "folly" to many in the town - added to the pressure on the budget.',
]


@pytest.mark.parametrize("text", POSSESSIVE)
def test_possessive_scare(extractor: Extractor, text: str) -> None:
    found = texts_of(extractor, text)
    assert [k for k in found if k in ("pet project", "baby", "folly")] == []


def test_possessive_fragment_someone_says_stays(extractor: Extractor) -> None:
    text = 'Jane Smith said the plan was the council\'s "vanity project" and had to be dropped.'
    assert texts_of(extractor, text).get("vanity project") == "partial"
    assert speaker_of(extractor, text, "vanity project") == "Jane Smith"


# --- quoted_name ------------------------------------------------------------------------------

NAMES = [
    ('Ministers unveiled a new "Marshall Plan" for the region on Monday, officials said.', "Marshall Plan"),
    ('Jane Smith spoke at the "Harbour Day" fair, a festival the town holds each spring, and said it was a success.',
     "Harbour Day"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_quoted_name(extractor: Extractor, text: str, name: str) -> None:
    assert name not in texts_of(extractor, text)


KEPT = [
    ('Jane Smith called the deal "Un-American" on Monday.', "Un-American"),
    ('At the rally the band kept singing "It\'s Our Time" as Jane Smith said the vote was won.', "It's Our Time"),
]


@pytest.mark.parametrize(("text", "quoted"), KEPT)
def test_quoted_name_keeps_epithets_and_clauses(extractor: Extractor, text: str, quoted: str) -> None:
    assert quoted in texts_of(extractor, text)


# --- scare --------------------------------------------------------------------------------------

def test_scare(extractor: Extractor) -> None:
    assert texts_of(extractor, 'It was a "fair" deal for everyone in the town.') == {}


# --- words as words inside reported speech ---------------------------------------------------

WORDS_IN_REPORTED = [
    ('Jane Smith said the word "migrant" had become an insult.', "migrant"),
    ('The council leader said that the phrase "managed decline" should never be used again.', "managed decline"),
    ('Tom Reyes told reporters the words "never again" were painted on the harbour wall.', "never again"),
]


@pytest.mark.parametrize(("text", "word"), WORDS_IN_REPORTED)
def test_word_as_word_inside_reported_speech(extractor: Extractor, text: str, word: str) -> None:
    found = texts_of(extractor, text)
    assert word not in found
    assert any(k == "indirect" and f'"{word}"' in t for t, k in found.items())


# --- subject_word (quotekit/_scare.py) ------------------------------------------------------------

SUBJECT_WORDS = [
    'A third of self-identified "moderates" said they would back the new levy.',
    'Many angry "locals" said the ferry had been late for a week.',
]


@pytest.mark.parametrize("text", SUBJECT_WORDS)
def test_subject_word(extractor: Extractor, text: str) -> None:
    assert not any(k == "partial" for k in texts_of(extractor, text).values())


@pytest.mark.parametrize(("text", "quoted"), [
    ('The new tariff was "a disgrace" said Mara Quist.', "a disgrace"),
    ('Tom Reyes mocked plans to cut £2bn in "idle spending" saying the sums were wrong.', "idle spending"),
])
def test_subject_word_keeps_said_fragments(extractor: Extractor, text: str, quoted: str) -> None:
    assert texts_of(extractor, text).get(quoted) == "partial"
