"""Entities: one Speaker per person or organization, every mention of it, pronouns included."""

from __future__ import annotations

import pytest
from conftest import check_offsets, find_quote, speaker_name

from quotekit import Extractor
from quotekit._entities import Entity, _same

ONE_PERSON = (
    "Jane Doe opened the new pier on Monday.\n\n"
    "“It took ten years,” Ms. Doe said.\n\n"
    "Doe thanked the builders.\n\n"
    "“Every family in town gave something,” she added."
)


def test_one_entity_per_person(extractor: Extractor) -> None:
    r = extractor.extract(ONE_PERSON)
    check_offsets(r)
    assert len(r) == 2
    assert r[0].speaker is not None and r[0].speaker == r[1].speaker
    assert len(r.speakers) == 1
    sp = r.speakers[0]
    assert sp.name == "Jane Doe"
    assert sp.type == "person"


def test_mentions_cover_name_surname_and_pronoun(extractor: Extractor) -> None:
    r = extractor.extract(ONE_PERSON)
    sp = r.speakers[0]
    texts = [ONE_PERSON[s:e] for s, e in sp.mentions]
    assert "Jane Doe" in texts
    assert "she" in texts
    assert sum(1 for t in texts if t.endswith("Doe")) >= 3, texts
    assert list(sp.mentions) == sorted(sp.mentions)


def test_one_entity_with_honorific_without_stop(extractor: Extractor) -> None:
    r = extractor.extract(ONE_PERSON.replace("Ms. Doe", "Ms Doe"))
    assert len(r) == 2
    assert r[0].speaker is not None and r[0].speaker == r[1].speaker
    assert r[0].speaker.name == "Jane Doe"
    texts = [r.text[s:e] for s, e in r[0].speaker.mentions]
    assert "she" in texts and sum(1 for t in texts if t.endswith("Doe")) >= 3


def test_speaker_mention_is_among_mentions(extractor: Extractor) -> None:
    r = extractor.extract(ONE_PERSON)
    for q in r:
        assert q.speaker is not None and q.speaker_mention is not None
        m = q.speaker_mention
        assert any(s <= m.start and m.end <= e or (m.start <= s and e <= m.end)
                   for s, e in q.speaker.mentions), (m, q.speaker.mentions)


def test_two_people_two_entities(extractor: Extractor) -> None:
    text = ("“The tide is turning,” said Jane Doe.\n\n"
            "“The harbour is too shallow,” said John Roe.\n\n"
            "“We will dredge it,” Doe said.")
    r = extractor.extract(text)
    check_offsets(r)
    assert [speaker_name(q) for q in r] == ["Jane Doe", "John Roe", "Jane Doe"]
    assert len(r.speakers) == 2
    assert r[0].speaker == r[2].speaker


def test_speakers_only_those_with_quotations(extractor: Extractor) -> None:
    text = "Ann Bell and Jane Doe visited the pier.\n\n“It is beautiful,” said Jane Doe."
    r = extractor.extract(text)
    assert [s.name for s in r.speakers] == ["Jane Doe"]


def test_organization_entity_type(extractor: Extractor) -> None:
    text = "“Repairs will start in spring,” the Harbour Council said."
    r = extractor.extract(text)
    q = find_quote(r, "Repairs will start")
    assert q.speaker is not None
    assert q.speaker.type == "organization"
    assert q.speaker.name == "Harbour Council"


def test_lowercase_organization_noun_type(extractor: Extractor) -> None:
    r = extractor.extract("“The work is nearly done,” the council said in a statement.")
    assert r[0].speaker is not None and r[0].speaker.type == "organization"


def test_possessive_not_in_name(extractor: Extractor) -> None:
    text = "Jane Doe’s office released a note.\n\n“We are ready,” said Jane Doe."
    r = extractor.extract(text)
    assert speaker_name(r[0]) == "Jane Doe"


def test_person_outranks_label() -> None:
    """A one-word name an entity recognizer typed an organization, then the full name of a person."""
    from quotekit._entities import _Registry
    from quotekit._lexicons import default_lexicons

    reg = _Registry([], default_lexicons().words.initials_skip)
    first = reg.find_or_add(["kettering"], "Kettering", "organization", "-")
    assert reg.find_or_add(["maria", "kettering"], "Maria Kettering", "person", "f") == first
    assert reg.ents[first].etype == "person"
    assert reg.find_or_add(["kettering"], "Kettering", "person", "f") == first


def test_person_outranks_label_keeps_organizations_apart() -> None:
    """An organization of two words is not the person who shares its last word."""
    from quotekit._entities import _Registry
    from quotekit._lexicons import default_lexicons

    reg = _Registry([], default_lexicons().words.initials_skip)
    firm = reg.find_or_add(["acme", "kettering"], "Acme Kettering", "organization", "-")
    assert reg.find_or_add(["maria", "kettering"], "Maria Kettering", "person", "f") != firm


def test_headline_surname_and_full_name_are_one_speaker(extractor: Extractor) -> None:
    text = ("Kettering rejects tax fears\n\n"
            "Maria Kettering has dismissed fears that her tax plans are too modest.\n\n"
            "\"It is perfectly true that I am being attacked,\" Ms Kettering said.")
    r = extractor.extract(text)
    assert [sp.name for sp in r.speakers] == ["Maria Kettering"]
    assert r.speakers[0].type == "person"


JOINT = (
    "Harlow Savings and Dunmore Credit Union agreed to merge in May.\n\n"
    "In a joint statement, the two lenders said the deal would keep every branch open.\n\n"
    "“We have talked for a year,” said Priya Nand, who chairs Harlow Savings.\n\n"
    "Harlow Savings said in a statement that no jobs would go."
)


def test_joint_speaker_is_its_own_entity(extractor: Extractor) -> None:
    """A joint speaker ("the two lenders" for "A and B") is one entity; a later mention of one of
    the two names is that body alone, never the pair (its name is not a longer name of it)."""
    r = extractor.extract(JOINT)
    names = [speaker_name(q) for q in r if q.kind == "indirect"]
    assert names[0] == "Harlow Savings and Dunmore Credit Union"
    assert names[-1] == "Harlow Savings"
    joint = [s for s in r.speakers if s.name == names[0]]
    assert len(joint) == 1 and joint[0].type == "organization" and joint[0].role is None


def test_joint_entity_matches_no_other_name() -> None:
    joint = Entity(["acme", "ltd", "and", "borland"], "Acme Ltd and Borland", "organization", joint=True)
    assert not _same(joint, ["acme", "ltd"], "organization", frozenset())
    assert not _same(joint, ["acme"], "organization", frozenset())


def test_spelled_out_abbreviation(extractor: Extractor) -> None:
    """"the Coastal and Inland Fishing Boat Federation (CIFBF)": the abbreviation in brackets is
    the body named in full before it, also where the full name holds an "and"."""
    text = ("Catches fell by a third last year, according to figures compiled for the Coastal and Inland "
            "Fishing Boat Federation (CIFBF).\n\nCIFBF said that prices at the quayside had doubled.")
    q = find_quote(extractor.extract(text), "prices at the quayside")
    assert speaker_name(q) == "Coastal and Inland Fishing Boat Federation"


def test_headline_name_is_no_second_bearer(extractor: Extractor) -> None:
    """A title-case headline read as one name ("Kentish Donor Adelman") does not make the bare
    surname ambiguous with the person the story names in full."""
    text = ("Kentish Donor Adelman and Roe May Be Aligning.\n\n"
            "LONDON - Top Kentish Party donor Harold Adelman said on Friday he had met Roe.\n\n"
            'Adelman also owns a newspaper.\n\n"It was nice," Adelman said.')
    r = extractor.extract(text)
    (q,) = [q for q in r if "It was nice" in q.text]
    assert q.speaker is not None and q.speaker.name == "Harold Adelman"
    assert [s.name for s in r.speakers] == ["Harold Adelman"]


@pytest.mark.parametrize("place", ["Ashby", "Chelsea", "Austin"])
def test_place_only(extractor: Extractor, place: str) -> None:
    """"Fiona Blake runs a small cafe in Ashby. “…,” she said": a one-word name only written after
    a preposition of place is a place, even where it is also a first name; "she" is Fiona Blake."""
    text = (f"Fiona Blake runs a small cafe in {place}.\n\n“Our energy bill has tripled,” she said.\n\n"
            "“I don’t know how long we can keep going.”")
    r = extractor.extract(text)
    assert r.quotes and {q.speaker.name if q.speaker else None for q in r} == {"Fiona Blake"}


@pytest.mark.parametrize("nominal", ["the couple", "the pair"])
def test_pair_antecedent_couple(extractor: Extractor, nominal: str) -> None:
    """"Peter Quill and Laura Quill have run the theatre … the couple said": "the couple" stands for
    the two people named together before it, as "the pair" does."""
    text = ("Peter Quill and Laura Quill have run the village theatre for 30 years.\n\n"
            f"“It has been our life,” {nominal} said.")
    (q,) = extractor.extract(text)
    assert q.speaker is not None and q.speaker.name == "Peter Quill and Laura Quill"


@pytest.mark.parametrize(("before", "nominal", "body"), [
    ("Westford FC have sacked head coach Martin Greaves after six defeats.", "the club", "Westford FC"),
    ("Ashby Rovers have signed a new goalkeeper.", "the club", "Ashby Rovers"),
    ("Borland Group has closed its factory in Dunmore.", "the firm", "Borland Group"),
    # Named only in front of a person's title.
    ("Kentside Rovers captain Liam Doyle has been banned for three matches.", "the club", "Kentside Rovers"),
])
def test_one_body_named_before(extractor: Extractor, before: str, nominal: str, body: str) -> None:
    """"Westford FC have sacked their coach. … the club said": a generic body noun whose head no
    name ends in stands for the one organization named just before."""
    (q,) = extractor.extract(f"{before}\n\n“We wish him well,” {nominal} said in a statement.")
    assert q.speaker is not None and q.speaker.name == body


def test_one_body_named_before_leaves_two_bodies(extractor: Extractor) -> None:
    """Two bodies named before "the firm": which one cannot be told."""
    text = "Shares in Borland Group fell after Acme Ltd bid for it.\n\n“We wish them well,” the firm said."
    (q,) = extractor.extract(text)
    assert q.speaker is None or q.speaker.name not in ("Borland Group", "Acme Ltd")


@pytest.mark.parametrize(("narration", "speaker"), [
    ("Goalkeeper Liam Frost agreed.", "Liam Frost"),
    ("Team-mate Owen Castle was in tears.", "Owen Castle"),
])
def test_after_opening_quote(extractor: Extractor, narration: str, speaker: str) -> None:
    """"Goalkeeper Liam Frost agreed. “It hurts,” he added.": a pronoun right after the quotation
    that opens its sentence is the first person of the sentence before, not the last speaker."""
    text = f"“We were second best,” said Kentside captain Tom Riley.\n\n{narration} “It hurts,” he added."
    r = extractor.extract(text)
    (q,) = [q for q in r if "It hurts" in q.text]
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize("body", ["the Ashby Prize", "the Morgan Book Award"])
def test_pronoun_prefers_known_gender(extractor: Extractor, body: str) -> None:
    """"Laura Penn's debut novel has won the Ashby Prize. “…,” she told the BBC": a she goes to
    the latest person of her gender before one whose gender is not known (here a body a first
    name made a person)."""
    text = f"Laura Penn’s debut novel has won {body}.\n\n“I wrote it on the bus to work,” she told the BBC."
    (q,) = extractor.extract(text)
    assert q.speaker is not None and q.speaker.name == "Laura Penn"


@pytest.mark.parametrize(("first", "then", "full"), [
    ("Shares in Acme Ltd rose sharply on Monday.", "Acme", "Acme Ltd"),
    ("Borland Inc cut its forecast for the year.", "Borland", "Borland Inc"),
])
def test_legal_form_dropped(extractor: Extractor, first: str, then: str, full: str) -> None:
    """"Acme Ltd … Acme said": a company's name without its legal form is that company."""
    (q,) = extractor.extract(f"{first}\n\n{then} said its board backed the offer from its rival.")
    assert q.speaker is not None and q.speaker.name == full



@pytest.mark.parametrize(("text", "speaker"), [
    # A name whose first word is no first name (a place run into the surname) is no rival.
    ("Sanders offers a preview.\n\n"
     "The last time Bernard Sanders came to this city, in April, he was running for president.\n\n"
     "Peter Lee, a fellow New Hampshire Sanders veteran, waved.\n\n"
     '"Where are you?" Sanders said.', "Bernard Sanders"),
    # The bearer the bare surname already stood for keeps it once a relative is named in full.
    ("Pelk offers a preview.\n\n"
     "The last time Bernard Pelk came to this city, he was running for governor.\n\n"
     "Pelk arrived late. His wife, Jane Pelk, sat in the front row.\n\n"
     '"Where are you?" Pelk said.', "Bernard Pelk"),
])
def test_surname_bearer(extractor: Extractor, text: str, speaker: str) -> None:
    """A bare surname goes to the one bearer the story's evidence points to."""
    (q,) = [q for q in extractor.extract(text) if "Where are you" in q.text]
    assert q.speaker is not None and q.speaker.name == speaker
