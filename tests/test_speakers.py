"""Speakers: where the cue stands, speakers named before a colon or paragraph, follow-on quotations,
pronouns with two people, unnamed speakers and organizations, and people only mentioned."""

from __future__ import annotations

import pytest
from conftest import check_offsets, find_quote, speaker_name

from quotekit import Extractor


def test_cue_after_quotation(extractor: Extractor) -> None:
    text = "Jane Doe opened the new pier on Monday.\n\n“It took ten years,” she said."
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "It took ten years")
    assert speaker_name(q) == "Jane Doe"
    assert q.speaker_mention is not None and q.speaker_mention.text == "she"
    assert q.cue is not None and q.cue.text == "said"


def test_cue_before_quotation(extractor: Extractor) -> None:
    text = "Jane Doe opened the new pier on Monday.\n\nShe said, “It took ten years.”"
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "It took ten years")
    assert speaker_name(q) == "Jane Doe"
    assert q.speaker_mention is not None and q.speaker_mention.text == "She"


def test_inversion(extractor: Extractor) -> None:
    text = "“It took ten years,” said Jane Doe."
    r = extractor.extract(text)
    q = find_quote(r, "It took ten years")
    assert speaker_name(q) == "Jane Doe"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Jane Doe"
    assert q.speaker is not None and q.speaker.type == "person"


@pytest.mark.parametrize("honorific", [
    pytest.param("Mr.", id="Mr."),
    pytest.param("Ms", id="Ms"),
    pytest.param("Mr", id="Mr"),
])
def test_honorific_and_surname_after_quotation(extractor: Extractor, honorific: str) -> None:
    text = f"Jo Roe opened the new pier on Monday.\n\n“It took ten years,” {honorific} Roe said."
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "It took ten years")
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.name.split()[-1] == "Roe"


def test_speaker_before_colon_and_quote_paragraph(extractor: Extractor) -> None:
    text = "Jane Doe said:\n\n“It took ten years to build.”\n\nThe pier opens on Monday."
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "It took ten years")
    assert q.kind == "direct"
    assert speaker_name(q) == "Jane Doe"


FOLLOW_ON = (
    "Jane Doe opened the new pier on Monday.\n\n"
    "“It took ten years,” she said.\n\n"
    "“Every family in town gave something.”\n\n"
    "“Now the boats can come back.”"
)


@pytest.mark.parametrize("words", ["It took ten years", "Every family in town", "Now the boats"])
def test_follow_on_paragraphs_inherit_speaker(extractor: Extractor, words: str) -> None:
    r = extractor.extract(FOLLOW_ON)
    check_offsets(r)
    q = find_quote(r, words)
    assert q.kind == "direct"
    assert speaker_name(q) == "Jane Doe"


TWO_PEOPLE_TITLES = (
    "Jo Smith, the harbour master, met Sam Jones at the pier.\n\n"
    "“The tide is turning,” Mr Smith said.\n\n"
    "Ms Jones disagreed.\n\n"
    "“The harbour is too shallow,” she said.\n\n"
    "“We need more dredging,” he said."
)


@pytest.mark.parametrize(("words", "surname"), [
    ("The harbour is too shallow", "Jones"),
    ("We need more dredging", "Smith"),
])
def test_pronoun_gender_from_honorifics(extractor: Extractor, words: str, surname: str) -> None:
    r = extractor.extract(TWO_PEOPLE_TITLES)
    check_offsets(r)
    q = find_quote(r, words)
    assert q.speaker is not None and q.speaker.name.split()[-1] == surname


TWO_PEOPLE_NAMES = (
    "Mary Smith and John Jones walked along the pier on Monday.\n\n"
    "“The tide is turning,” he said.\n\n"
    "“The harbour is too shallow,” she said."
)


@pytest.mark.parametrize(("words", "name"), [
    ("The tide is turning", "John Jones"),
    ("The harbour is too shallow", "Mary Smith"),
])
def test_pronoun_gender_from_first_names(extractor: Extractor, words: str, name: str) -> None:
    r = extractor.extract(TWO_PEOPLE_NAMES)
    q = find_quote(r, words)
    assert speaker_name(q) == name


def test_pronoun_most_recent_compatible_speaker(extractor: Extractor) -> None:
    text = ("“The tide is turning,” said Sam Jones.\n\n"
            "“The harbour is too shallow,” said Alex Smith.\n\n"
            "“We need more dredging,” they added.\n\n"
            "“It will cost a lot,” Smith said. “But it must be done,” Jones said.\n\n"
            "“Next year, then,” she said.")
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "Next year, then")
    assert q.speaker is not None and q.speaker.name.split()[-1] == "Jones"


@pytest.mark.parametrize(("text", "name", "org"), [
    pytest.param("“The ferry will run,” said a spokesman for the Harbour Authority.", "spokesman",
                 "Harbour Authority", id="spokesman-for"),
    pytest.param("“The ferry will run,” a Harbour Authority spokeswoman said.", "spokeswoman",
                 "Harbour Authority", id="org-spokeswoman"),
    pytest.param("The Harbour Authority defended its plans on Monday.\n\n“The ferry will run,” a spokesman "
                 "said.", "spokesman", "Harbour Authority", id="org-paragraph-before"),
])
def test_unnamed_speaker_linked_to_organization(extractor: Extractor, text: str, name: str, org: str) -> None:
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "The ferry will run")
    assert speaker_name(q) == name
    assert q.speaker is not None and q.speaker.type == "person"
    assert q.speaker.organization == org


@pytest.mark.parametrize(("text", "name"), [
    ("“The ferry will run,” a source said.", "source"),
    ("“The ferry will run,” officials said.", "officials"),
])
def test_unnamed_speaker_without_organization(extractor: Extractor, text: str, name: str) -> None:
    r = extractor.extract(text)
    q = find_quote(r, "The ferry will run")
    assert speaker_name(q) == name
    assert q.speaker is not None and q.speaker.type in ("person", "unknown")


ORG_STATEMENT = (
    "The pier closed after the storm.\n\n"
    "A Harbour Council statement noted: “The structure is unsafe.”\n\n"
    "The statement continued, “Repairs will start in spring.”"
)


@pytest.mark.parametrize("words", ["The structure is unsafe", "Repairs will start"])
def test_organization_speaking_through_statement(extractor: Extractor, words: str) -> None:
    r = extractor.extract(ORG_STATEMENT)
    check_offsets(r)
    q = find_quote(r, words)
    assert q.speaker is not None
    assert q.speaker.type == "organization"
    assert "Harbour Council" in q.speaker.name


def test_statement_cues(extractor: Extractor) -> None:
    r = extractor.extract(ORG_STATEMENT)
    assert [q.cue.text if q.cue else None for q in r] == ["noted", "continued"]


def test_statement_refers_back_to_same_entity(extractor: Extractor) -> None:
    r = extractor.extract(ORG_STATEMENT)
    assert len(r) == 2
    assert r[0].speaker == r[1].speaker


def test_never_attribute_to_photo_credit(extractor: Extractor) -> None:
    text = ("Photograph: Pat Lee/Harbour News\n\n"
            "“The tide is turning,” said Jane Doe.\n\n"
            "“We are ready.”")
    r = extractor.extract(text)
    check_offsets(r)
    assert len(r) == 2
    assert all(speaker_name(q) == "Jane Doe" for q in r)


def test_never_attribute_to_person_named_in_passing(extractor: Extractor) -> None:
    text = ("The pier was named after Ann Bell, who drowned there in 1950.\n\n"
            "“We remember her every day,” said Jane Doe.\n\n"
            "“Nobody has forgotten.”")
    r = extractor.extract(text)
    check_offsets(r)
    for q in r:
        assert q.speaker is not None and "Bell" not in q.speaker.name
    assert {speaker_name(q) for q in r} == {"Jane Doe"}


def test_unattributed_quotation_has_no_speaker(extractor: Extractor) -> None:
    text = "Ann Bell was named in the report.\n\nThe sign read “closed for repairs” all week."
    r = extractor.extract(text)
    check_offsets(r)
    for q in r:
        assert q.speaker is None


@pytest.mark.parametrize("text", [
    "The harbour closed in May.\n\nIndeed, down at the pier, we get a “ghost town” feeling as the boats leave.",
    "Thus the “ghost town” label stuck.",
    "Indeed, “we cite a dozen cases far worse than this one.”",
    "Perhaps “the harbour is a ghost town” now.",
])
def test_sentence_adverb_is_not_a_speaker(extractor: Extractor, text: str) -> None:
    # "Indeed", "Thus", "Perhaps": capitalised only because they open the sentence. (A short
    # quoted phrase left with no speaker reads as a scare quote and is dropped.)
    r = extractor.extract(text)
    check_offsets(r)
    assert [q.speaker.name for q in r if q.speaker is not None] == []
    assert [q.kind for q in r] == (["partial"] if "cite" in text or "Perhaps" in text else [])


@pytest.mark.parametrize("dateline", ["SALTMERE —", "NEW HAVEN (Wire) —", "SALTMERE, March 3 (Wire) --"])
def test_dateline_is_not_a_speaker(extractor: Extractor, dateline: str) -> None:
    r = extractor.extract(f"{dateline} “We need the money now.”\n\nThe harbour will close for a month.")
    check_offsets(r)
    assert [q.text for q in r] == ["We need the money now."]
    assert r[0].speaker is None, r[0].to_dict()


@pytest.mark.parametrize("opening", ["Twenty-four percent", "About four in ten", "Almost half"])
def test_quantity_at_sentence_start_stays_a_source(blank: Extractor, opening: str) -> None:
    # Number words and "about", "almost" are stop words too, but they start the source of
    # a poll's findings.
    r = blank.extract(f"The poll closed on Friday. {opening} said the harbour should close.")
    check_offsets(r)
    q = find_quote(r, "the harbour should close")
    assert q.speaker_mention is not None and q.speaker_mention.text.startswith(opening.split()[0].split("-")[0])


@pytest.mark.parametrize("dateline", ["SALTMERE —", "NEW HAVEN (Wire) —"])
def test_reported_speech_starts_after_the_dateline(extractor: Extractor, dateline: str) -> None:
    r = extractor.extract(f"{dateline} The harbour will close for a month, officials said on Monday.")
    check_offsets(r)
    assert [(q.text, q.kind) for q in r] == [("The harbour will close for a month", "indirect")]
    assert speaker_name(r[0]) == "officials"


@pytest.mark.parametrize(("text", "name"), [
    ("Traders in Saltmere have called for “urgent and lasting” protection after the surge.", "Traders"),
    ("Officials in Saltmere said the harbour would close for a month.", "Officials"),
    ("Jane Doe in Saltmere said the harbour would close for a month.", "Jane Doe"),
])
def test_place_after_the_subject_is_not_the_speaker(extractor: Extractor, text: str, name: str) -> None:
    r = extractor.extract(text)
    check_offsets(r)
    assert len(r) == 1
    assert r[0].speaker is not None and r[0].speaker.name.lower() == name.lower(), r[0].to_dict()


def test_pronoun_after_a_made_speaker_phrase(extractor: Extractor) -> None:
    """"A spokesman for the Ministry of Fisheries said …. He said …": a pronoun after a speaker
    phrase attribution made stands for it (mentions are walked in text order)."""
    text = ("A spokesman for the Ministry of Fisheries said that nine boats had been lost. "
            "He said insurance claims would take months.")
    q = find_quote(extractor.extract(text), "insurance claims")
    assert speaker_name(q) == "spokesman"


@pytest.mark.parametrize(("text", "name"), [
    ("The Union of Dock Workers said 900 members would strike. The union said more dates could follow.",
     "Union of Dock Workers"),
    ("The Eastham Harbour Authority said the pier was safe. The authority said repairs would start soon.",
     "Eastham Harbour Authority"),
])
def test_definite_organization_head(extractor: Extractor, text: str, name: str) -> None:
    """"the union" after "the Union of Dock Workers" (the head before "of") is that organization."""
    q = find_quote(extractor.extract(text), "dates could follow" if "union" in text else "repairs would")
    assert speaker_name(q) == name


def test_statement_issuer(extractor: Extractor) -> None:
    """"X said in a statement that …" then "“…,” the statement said": the statement is X's."""
    text = ("The Eastham Nurses Guild, which represents ward staff, said in a statement that nurses were tired. "
            "“We are working double shifts,” the statement said.")
    q = find_quote(extractor.extract(text), "double shifts")
    assert speaker_name(q) == "Eastham Nurses Guild"


@pytest.mark.parametrize(("text", "quote", "name"), [
    ("“We will win,” said Marcus Doyle. Councillor Paul Renner cast the only vote against. "
     "He said the town was taking on too much risk.", "too much risk", "Paul Renner"),
    ("“We will win,” said Marcus Doyle. Councillor Paul Renner thought the plan was rushed, "
     "but he told reporters: “It will pass.”", "It will pass", "Paul Renner"),
    ("“We will win,” said Marcus Doyle. Councillor Anna Renner cast the only vote against. "
     "He said the town was taking on too much risk.", "too much risk", "Marcus Doyle"),
])
def test_pronoun_subject_of_sentence(extractor: Extractor, text: str, quote: str, name: str) -> None:
    """A he or she goes to the first person named in its own sentence before it, or, opening its
    sentence, in the sentence before, where that person's gender is the pronoun's; else to the
    most recent speaker of that gender."""
    q = find_quote(extractor.extract(text), quote)
    assert speaker_name(q) == name


def test_definite_head_only_looks_back(extractor: Extractor) -> None:
    """"the city's transport department" is not the "Department of Roads" the text names after it."""
    text = ("Fares will rise by 5%, according to the city's transport department. "
            "A report by the state Department of Roads said the bridge was unsafe.")
    q = find_quote(extractor.extract(text), "Fares will rise")
    assert speaker_name(q) == "department"


@pytest.mark.parametrize("title", ["boss", "skipper", "captain", "mayor"])
def test_title_after_owner(extractor: Extractor, title: str) -> None:
    """"“…,” the Kentside boss said": a one-word title after a name that "the" opens is the
    speaker, that name its organization; the name alone ("Kentside") does not speak."""
    text = f"Peter Lee praised his players after the win.\n\n“We were brilliant,” the Kentside {title} said."
    sp = find_quote(extractor.extract(text), "We were brilliant").speaker
    assert sp is not None and (sp.role, sp.organization) == (title, "Kentside")


@pytest.mark.parametrize("subject", [
    "Rachel Orme, 45, from Dunmore,",
    "Rachel Orme, 45, a teacher from Dunmore,",
    "Rachel Orme, 45, who lives in Dunmore,",
])
def test_aged_appositive(extractor: Extractor, subject: str) -> None:
    """"Rachel Orme, 45, from Dunmore, said …": the name before an age and an appositive is the
    subject of the speech verb after them."""
    (q,) = extractor.extract(f"{subject} said her son had been bullied at school.")
    assert q.kind == "indirect" and q.speaker is not None and q.speaker.name == "Rachel Orme"


@pytest.mark.parametrize(("nominal", "mention"), [
    ("the 28-year-old", "the 28-year-old"),
    ("the 28-year-old striker", "the 28-year-old striker"),
])
def test_inverted_nominal_with_age(extractor: Extractor, nominal: str, mention: str) -> None:
    """"“…,” said the 28-year-old": an age is one word of the inverted noun phrase, which stands for
    the person named before it."""
    text = f"Marcus Hale, 28, joined Kentside from Ashby in 2019.\n\n“I’m excited,” said {nominal}."
    (q,) = extractor.extract(text)
    assert q.speaker_mention is not None and q.speaker_mention.text == mention
    assert q.speaker is not None and q.speaker.name == "Marcus Hale"


@pytest.mark.parametrize(("after", "speaker"), [
    # The noun phrase after the cue ends before a preposition: "from Ashby" is no speaker.
    ("said the 28-year-old from Ashby.", "Marcus Hale"),
    # A name the noun phrase ends in is the speaker, past a possessive and a hyphenated noun.
    ("said the striker's team-mate Peter Marsh.", "Peter Marsh"),
    # A religion's adjective can open the title before the name.
    ("said Muslim community leader Peter Lee.", "Peter Lee"),
    # The phrase ends before a relative clause: its head is "members", not the clause's last word.
    ("said the two council members who voted no.", "members"),
])
def test_inverted_phrase_end(extractor: Extractor, after: str, speaker: str) -> None:
    text = f"Marcus Hale scored twice in the second half.\n\n“It was great,” {after}"
    sp = find_quote(extractor.extract(text), "It was great").speaker
    assert sp is not None and sp.name == speaker
