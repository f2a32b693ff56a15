"""Stage 6c (quotekit/_orgnom.py): organizations of bodies named in lower case and of titles
that hold a kind of body, on sentences the project writes itself, in both modes."""

from __future__ import annotations

import pytest

import quotekit


def org_of(result: quotekit.Result, name: str) -> str | None:
    (sp,) = [s for s in result.speakers if s.name == name]
    return sp.organization


def speaker_of_quote(result: quotekit.Result, words: str) -> quotekit.Speaker | None:
    (q,) = [q for q in result if words in q.text]
    return q.speaker


@pytest.mark.parametrize(("text", "name", "org"), [
    # A place and lower-case words ending in a kind of body, in the headline; "the festival's" later.
    ("Kentside food festival returns with a new venue\n\n"
     "The town's food festival will move to the quay, the organisers of the event in Kentside said.\n\n"
     "The festival's director, Jo Roe, said tickets had sold out.", "Jo Roe", "Kentside food festival"),
    # Mid-sentence, after "the", and two lower-case words before the noun.
    ("Cuts were approved by the Ferrow parish council on Monday.\n\n"
     "Tom Lale, the council's chairman, said the library would close.", "Tom Lale", "Ferrow parish council"),
    # The last noun of a kind of body wins: "school board", not "school".
    ("The Millbrook school board met on Monday.\n\n"
     "The board's chairwoman, Ann Vick, said the meeting had been cordial.", "Ann Vick", "Millbrook school board"),
])
def test_lower_case_body_end(extractor: quotekit.Extractor, text: str, name: str, org: str) -> None:
    assert org_of(extractor.extract(text), name) == org


def test_lower_case_body_speaks(extractor: quotekit.Extractor) -> None:
    text = ("Ashby folk festival cancelled after storm\n\n"
            "Organisers in Ashby called off the weekend.\n\n"
            "The festival said refunds would be paid within a month.")
    sp = speaker_of_quote(extractor.extract(text), "refunds would be paid")
    assert sp is not None and sp.name == "Ashby folk festival"


@pytest.mark.parametrize(("text", "name"), [
    # Two festivals of that kind: which one is meant cannot be told.
    ("Kentside food festival and Ferrow beer festival will share a weekend, organisers in Kentside and Ferrow said.\n\n"
     "The festival's director, Jo Roe, said tickets had sold out.", "Jo Roe"),
    # A capital that only opens the sentence is not a name.
    ("Local council leaders met on Monday.\n\n"
     "The council's leader, Jo Roe, said cuts were coming.", "Jo Roe"),
    # A verb between the name and the noun: no body is named.
    ("Mr Poe visited school pupils in Kentside.\n\n"
     "The school's head, Ann Vick, said the visit had gone well.", "Ann Vick"),
])
def test_lower_case_body_end_abstains(extractor: quotekit.Extractor, text: str, name: str) -> None:
    assert org_of(extractor.extract(text), name) is None


@pytest.mark.parametrize(("text", "name", "org"), [
    # A title holding "council" before its head: the council the article names.
    ('The Cedar Vale City Council voted 5-2 on Tuesday to raise rates.\n\n'
     '"We had no choice," said council member Ann Vick.', "Ann Vick", "Cedar Vale City Council"),
    # A board named only in lower case after a place.
    ("The Ferrow health board will close a ward.\n\n"
     "Dan Reyes, a board member, said staff had not been told.", "Dan Reyes", "Ferrow health board"),
])
def test_title_body_kind(extractor: quotekit.Extractor, text: str, name: str, org: str) -> None:
    assert org_of(extractor.extract(text), name) == org


def test_title_body_kind_abstains(extractor: quotekit.Extractor) -> None:
    text = ('The Cedar Vale City Council and the Ashby Town Council will share offices.\n\n'
            '"We had no choice," said council member Ann Vick.')
    assert org_of(extractor.extract(text), "Ann Vick") is None


@pytest.mark.parametrize(("text", "name", "org"), [
    # Before the name, after a comma.
    ('The Kentside Planning Committee said it would reject the scheme.\n\n'
     '"We were not consulted," said the committee chairman, Tom Lale.', "Tom Lale", "Kentside Planning Committee"),
    # After the name.
    ("The Kentside Planning Committee said it would reject the scheme.\n\n"
     "Tom Lale, the committee chairman, said the plan was flawed.", "Tom Lale", "Kentside Planning Committee"),
])
def test_kind_nominal_owner(extractor: quotekit.Extractor, text: str, name: str, org: str) -> None:
    assert org_of(extractor.extract(text), name) == org


@pytest.mark.parametrize(("text", "name", "org"), [
    # "the party's": the one party named earlier in the sentence, though the article names two.
    ("Voters were angry with both Labour and the Tories.\n\n"
     "The Tories will cut fuel duty if elected, the party's finance spokesman Tom Lale has said.", "Tom Lale", "Tories"),
    # A kind of body given as the organization ("State party") is the party the article names in
    # full, not the parties it names only as adjectives.
    ("Democrats far outnumber Republicans in the state. The Ferrow Democratic Party met on Monday.\n\n"
     "State party chairman Tom Lale said delegates should unite.", "Tom Lale", "Ferrow Democratic Party"),
])
def test_party_for_the_party(extractor: quotekit.Extractor, text: str, name: str, org: str) -> None:
    assert org_of(extractor.extract(text), name) == org


def test_party_for_the_party_abstains(extractor: quotekit.Extractor) -> None:
    text = ("Labour and the Tories clashed over fuel duty on Monday.\n\n"
            "Tom Lale, the party's finance spokesman, said the plan was unfair.")
    assert org_of(extractor.extract(text), "Tom Lale") is None


def test_lower_case_body_end_not_a_description(extractor: quotekit.Extractor) -> None:
    text = ("The deal was struck with a Kentside charity in May, officials in Kentside said.\n\n"
            "The charity's chairman, Tom Lale, said the terms were fair.")
    assert org_of(extractor.extract(text), "Tom Lale") is None


@pytest.mark.parametrize(("text", "name", "org"), [
    # "her" before the title: the one woman named just before owns it.
    ("Senator Ann Vick has backed the trade deal.\n\n"
     "In a statement, her senior policy adviser, Tom Lale, said the deal would protect jobs.", "Tom Lale", "Ann Vick"),
    # An unnamed speaker's "His spokesman".
    ("Mark Bloggs has given the party money for years.\n\nHis spokesman said he would give no more.", "spokesman", "Mark Bloggs"),
])
def test_person_owner(extractor: quotekit.Extractor, text: str, name: str, org: str) -> None:
    assert org_of(extractor.extract(text), name) == org


@pytest.mark.parametrize(("text", "name"), [
    # Two men named just before: whose spokesman cannot be told.
    ("Mark Bloggs met Dan Reyes on Monday.\n\nHis spokesman, Tom Lale, said the talks were useful.", "Tom Lale"),
    # An office ("his chairman") is a body's, not a person's.
    ("Mark Bloggs founded the firm in 1990.\n\nHis chairman, Tom Lale, said profits had doubled.", "Tom Lale"),
])
def test_person_owner_abstains(extractor: quotekit.Extractor, text: str, name: str) -> None:
    assert org_of(extractor.extract(text), name) is None


def test_title_holder(extractor: quotekit.Extractor) -> None:
    text = ("Senator Ann Vick has backed the trade deal.\n\n"
            "The senator's spokesman, Tom Lale, said the deal would protect jobs.")
    assert org_of(extractor.extract(text), "Tom Lale") == "Ann Vick"


def test_title_holder_abstains(extractor: quotekit.Extractor) -> None:
    text = ("Mayor Ann Vick and Mayor Jo Pell signed the pact.\n\n"
            "The mayor's spokesman, Tom Lale, said the deal would protect jobs.")
    assert org_of(extractor.extract(text), "Tom Lale") is None
