"""Reported speech is speech (issue 22 item 2): one test per rule and filter of
``quotekit/_reported.py`` that decides whether a cue reports anything, on sentences the project
wrote, in blank and trained modes (the ``extractor`` fixture)."""

from __future__ import annotations

import pytest

import quotekit
from quotekit import Rule


def _indirect(extractor: quotekit.Extractor, text: str) -> list[str]:
    return [q.text for q in extractor.extract(text) if q.kind == "indirect"]


HEADLINES = [
    "Mayor says harbour bridge will reopen\n\nThe harbour bridge closed in March after a storm damaged its deck.",
    "Council warns fees must rise\n\nFees for the town's car parks have not changed since 2019.",
]


@pytest.mark.parametrize("text", HEADLINES)
def test_headline(extractor: quotekit.Extractor, text: str) -> None:
    """A title line over the text reports nothing; the same words in a body sentence do."""
    assert _indirect(extractor, text) == []
    body = text.split("\n\n")[1] + " " + text.split("\n\n")[0].replace(" says", " said").replace(" warns", " warned") + "."
    assert _indirect(extractor, body) != []


NOT_SPEECH = [
    "Jane Smith believes the harbour bridge will reopen in June.",
    "The council thinks the new car park will pay for itself.",
    "Tom Reed criticised the plan for the new harbour wall.",
    "The mayor defended the budget at a meeting on Monday.",
    "The plan seems to work better than anyone expected last year.",
    "Ana Ruiz blamed her deputy for the delays at the harbour.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_not_speech(extractor: quotekit.Extractor, text: str) -> None:
    """Beliefs, stances toward an object and hedges are not speech acts."""
    assert extractor.extract(text).quotes == ()


NOT_CLAUSES = [
    "Jane Smith announced plans to cut 300 jobs at the harbour.",
    "Tom Reed insisted on a recount of the votes in the ward.",
    "The minister warned against further cuts to the ferry service.",
    "The club reported the incident to the police last month.",
    "Ana Ruiz hit back at critics of the new harbour wall.",
]


@pytest.mark.parametrize("text", NOT_CLAUSES)
def test_content_clause_rejects(extractor: quotekit.Extractor, text: str) -> None:
    """A speech verb with a noun-phrase or prepositional object reports nothing."""
    assert _indirect(extractor, text) == []


CLAUSES = [
    ("Jane Smith said the council would appeal against the ruling.", "the council would appeal against the ruling"),
    ("Jane Smith told MPs it was wrong to close the harbour.", "it was wrong to close the harbour"),
    ("Tom Reed warned jobs were at risk across the region.", "jobs were at risk across the region"),
    ("Ana Ruiz insisted that without help the ferry could not run.", "without help the ferry could not run"),
    ("Tom Reed told a meeting of farmers that the scheme had failed.", "the scheme had failed"),
]


@pytest.mark.parametrize(("text", "content"), CLAUSES)
def test_content_clause(extractor: quotekit.Extractor, text: str, content: str) -> None:
    """A that-clause or a subject with a finite verb is reported speech."""
    (q,) = extractor.extract(text)
    assert (q.kind, q.text, q.rule) == ("indirect", content, Rule.FORWARD)


INFINITIVALS = [
    ("Jane Smith urged ministers to act before the winter.", "to act before the winter"),
    ("Tom Reed called on the board to resign over the losses.", "to resign over the losses"),
    ("Ana Ruiz pledged to cut fares on the harbour ferry.", "to cut fares on the harbour ferry"),
]


@pytest.mark.parametrize(("text", "content"), INFINITIVALS)
def test_infinitival(extractor: quotekit.Extractor, text: str, content: str) -> None:
    """A demand or promise with an infinitive is reported speech."""
    assert content in " ".join(_indirect(extractor, text))


def test_backward_needs_a_clause(extractor: quotekit.Extractor) -> None:
    """"CLAUSE, X said" needs a finite verb before the comma."""
    assert _indirect(extractor, "The harbour will reopen in June, Jane Smith said.") == ["The harbour will reopen in June"]
    assert _indirect(extractor, "Then, as if to settle the matter at last, Jane Smith said.") == []
