"""Roles and organizations: titles before names, appositives, "a spokeswoman for", "who heads",
"chief executive of", and a role found elsewhere in the article."""

from __future__ import annotations

import pytest
import spacy
from conftest import check_offsets, find_quote, speaker_name
from test_rules import nlp  # noqa: F401, F811  (the blank and trained pipelines, shared with the rule tests)

from quotekit import Extractor

QUOTE = "“The pier must reopen,”"

ROLES = [
    pytest.param(f"Home Secretary Jane Doe said: {QUOTE[:-2]}.”", "Jane Doe", "Home Secretary", None,
                 id="pre-name-home-secretary"),
    pytest.param(f"{QUOTE} said Mayor John Roe.", "John Roe", "Mayor", None, id="pre-name-mayor"),
    pytest.param(f"{QUOTE} said Harbour Authority Regional Director Jo Bloggs.", "Jo Bloggs",
                 "Regional Director", "Harbour Authority", id="pre-name-org-and-title"),
    pytest.param(f"Jane Doe, the Shadow Transport Secretary, said: {QUOTE[:-2]}.”", "Jane Doe",
                 "Shadow Transport Secretary", None, id="appositive-after"),
    pytest.param(f"The Green Party’s Shadow Transport Secretary, Jane Doe, said: {QUOTE[:-2]}.”",
                 "Jane Doe", "Shadow Transport Secretary", "Green Party", id="appositive-before-with-org"),
    pytest.param(f"{QUOTE} said Jane Doe, a spokeswoman for Acme Corp.", "Jane Doe", "spokeswoman",
                 "Acme Corp", id="spokeswoman-for"),
    pytest.param(f"{QUOTE} said Jane Doe, who heads the Rivers Trust.", "Jane Doe", None, "Rivers Trust",
                 id="who-heads"),
    pytest.param(f"{QUOTE} said Jane Doe, who runs the Quayside Bakery.", "Jane Doe", None, "Quayside Bakery",
                 id="who-runs-body-only"),
    pytest.param(f"{QUOTE} said Jane Doe, chief executive of Acme Corp.", "Jane Doe", "chief executive",
                 "Acme Corp", id="chief-executive-of"),
]


@pytest.mark.parametrize(("text", "name", "role", "org"), ROLES)
def test_role_and_organization(extractor: Extractor, text: str, name: str, role: str | None,
                               org: str | None) -> None:
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "The pier must reopen")
    assert speaker_name(q) == name
    assert q.speaker is not None and q.speaker.type == "person"
    if role is not None:
        assert (q.speaker.role or "").lower() == role.lower()
    else:
        assert q.speaker.role is None or "head" in q.speaker.role.lower() and "runs" not in text
    # "Acme Corp." ending the sentence: the abbreviation's full stop may stay with the name.
    assert (q.speaker.organization or "").rstrip(".") == (org or "")
    if org is None:
        assert q.speaker.organization is None


def test_unnamed_spokeswoman_role(extractor: Extractor) -> None:
    r = extractor.extract(f"{QUOTE} an Acme spokeswoman said.")
    q = find_quote(r, "The pier must reopen")
    assert q.speaker is not None
    assert q.speaker.organization == "Acme"
    assert (q.speaker.role or q.speaker.name).lower() == "spokeswoman"


def test_role_found_earlier_attaches_at_later_quote(extractor: Extractor) -> None:
    text = ("Jane Doe, the Shadow Transport Secretary, visited the pier on Monday.\n\n"
            "The pier has been closed since the storm.\n\n"
            "“It must reopen,” Doe said.")
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "It must reopen")
    assert q.speaker is not None and q.speaker.name == "Jane Doe"
    assert q.speaker.role == "Shadow Transport Secretary"


def test_role_found_later_attaches_at_earlier_quote(extractor: Extractor) -> None:
    text = ("“It must reopen,” said Jane Doe.\n\n"
            "Doe, who is Mayor of Seaport, visited the pier on Monday.\n\n"
            "Mayor Jane Doe later met the builders.")
    r = extractor.extract(text)
    q = find_quote(r, "It must reopen")
    assert q.speaker is not None and q.speaker.role == "Mayor"


def test_no_role_for_plain_name(extractor: Extractor) -> None:
    r = extractor.extract(f"{QUOTE} said Jane Doe.")
    assert r[0].speaker is not None
    assert r[0].speaker.role is None and r[0].speaker.organization is None


# --- issue 21: organizations, kept modifiers, whole titles, occupations, appositives ------------------

SAID = "“The pier must reopen,” said "

SHAPES = [
    # (rule, text, name, role, organization)
    ("title_words_before", f"{SAID}Tory leader Jane Roe.", "Jane Roe", "leader", "Tory"),
    ("title_words_before", f"{SAID}Sunday Gazette journalist Jane Roe.", "Jane Roe", "journalist", "Sunday Gazette"),
    ("title_words_before", f"{SAID}Northrail CEO Jane Roe.", "Jane Roe", "CEO", "Northrail"),
    ("title_words_before", f"{SAID}University of Leeds professor Jane Roe.", "Jane Roe", "professor", "University of Leeds"),
    ("title_words_before", f"{SAID}Kentside Radio presenter Jane Roe.", "Jane Roe", "presenter", "Kentside Radio"),
    ("title_words_before", f"{SAID}Smith campaign manager Jane Roe.", "Jane Roe", "campaign manager", "Smith campaign"),
    ("title_words_before", f"{SAID}former independent MP Jane Roe.", "Jane Roe", "former MP", None),
    ("title_words_before", f"{SAID}Ex-Labour leader Jane Roe.", "Jane Roe", "Ex-leader", "Labour"),
    ("title_words_before", f"{SAID}shadow home secretary Jane Roe.", "Jane Roe", "shadow home secretary", None),
    ("title_words_before", f"{SAID}courts minister Jane Roe.", "Jane Roe", "courts minister", None),
    ("title_words_before", f"{SAID}goalkeeper Jane Roe.", "Jane Roe", "goalkeeper", None),
    ("title_words_before", f"{SAID}drummer Jane Roe.", "Jane Roe", "drummer", None),
    ("title_words_before", f"{SAID}television host Jane Roe.", "Jane Roe", "television host", None),
    ("possessive_before_name", f"{SAID}Acme's Jane Roe.", "Jane Roe", None, "Acme"),
    ("appositive_after", f"{SAID}Jane Roe, a professor at Kentside University.", "Jane Roe", "professor", "Kentside University"),
    ("appositive_after", f"{SAID}Jane Roe, the chief executive of Acme Telecom.", "Jane Roe", "chief executive", "Acme Telecom"),
    ("appositive_after", f"{SAID}Jane Roe, director of adult social care at Kentside Council.", "Jane Roe",
     "director of adult social care", "Kentside Council"),
    ("appositive_after", f"{SAID}Jane Roe, a Republican senator.", "Jane Roe", "senator", "Republican"),
    ("appositive_after", f"{SAID}Jane Roe, a retired neurosurgeon.", "Jane Roe", "retired neurosurgeon", None),
    ("appositive_after", f"{SAID}Jane Roe, a music analyst with Jupiter Research.", "Jane Roe", "music analyst",
     "Jupiter Research"),
    ("appositive_after", "Jane Roe, the leader of Kentland's biggest union Dockworkers United, said: “The pier must reopen.”",
     "Jane Roe", "leader", "Dockworkers United"),
    ("appositive_after", f"{SAID}Jane Roe (D-Va.), a former nurse.", "Jane Roe", "former nurse", None),
    ("title_words_before", f"{SAID}Liberal Democrat parliamentary chairman Jane Roe.", "Jane Roe", "parliamentary chairman",
     "Liberal Democrat"),
    ("title_words_before", f"{SAID}Lib Dem Treasury spokesman Jane Roe.", "Jane Roe", "Treasury spokesman", "Lib Dem"),
    ("title_words_before", f"{SAID}backbench Labour MP Jane Roe.", "Jane Roe", "backbench MP", "Labour"),
    ("title_words_before", "Former Cabinet minister Jane Roe said: “The pier must reopen.”", "Jane Roe",
     "Former Cabinet minister", None),
    ("title_words_before", "Bill Doe met presidential candidate Jane Roe. “The pier must reopen,” Roe said.", "Jane Roe",
     "presidential candidate", None),
    ("title_before_name", f"{SAID}Vice-President Jane Roe.", "Jane Roe", "Vice-President", None),
    ("title_before_name", f"{SAID}Palm Grove Supervisor of Elections Jane Roe.", "Jane Roe", "Supervisor of Elections",
     "Palm Grove"),
    ("title_before_name", f"{SAID}Director of Public Prosecutions Jane Roe.", "Jane Roe", "Director of Public Prosecutions",
     None),
    ("title_before_name", f"{SAID}former UN Ambassador Jane Roe.", "Jane Roe", "former Ambassador", "UN"),
    ("title_before_name", "Actress Jane Roe said: “The pier must reopen.”", "Jane Roe", "Actress", None),
    ("appositive_after", f"{SAID}Jane Roe, a Republican Senator.", "Jane Roe", "Senator", "Republican"),
    ("appositive_after", f"{SAID}Jane Roe, Kentside News 24 political correspondent.", "Jane Roe", "political correspondent",
     "Kentside News 24"),
    ("appositive_after", f"{SAID}Jane Roe, the reform group's general secretary.", "Jane Roe", "general secretary", None),
    ("appositive_after", f"{SAID}Jane Roe, vice president of the Seaport Women’s Club of Kentland.", "Jane Roe",
     "vice president", "Seaport Women’s Club of Kentland"),
    # a home town after "from" is no body (PolNeAR role gold rule 17)
    ("appositive_after", f"{SAID}Jane Roe, a gynecologist from Seaport, Kentland.", "Jane Roe", "gynecologist", None),
    ("appositive_after", f"{SAID}Jane Roe, an environmental blogger.", "Jane Roe", "environmental blogger", None),
    ("appositive_after", f"{SAID}Jane Roe, a 26-year-old benefits manager from Seaport.", "Jane Roe", "benefits manager",
     None),
    ("appositive_after", f"{SAID}Jane Roe, leader of the anti-immigration Kentland Freedom Party.", "Jane Roe", "leader",
     "Kentland Freedom Party"),
    ("appositive_after", f"{SAID}Jane Roe, former chief of staff of the Joint Committee on Taxation.", "Jane Roe",
     "former chief of staff", "Joint Committee on Taxation"),
    ("appositive_after", f"{SAID}Jane Roe, who is executive director of the Center for Harbour Safety.", "Jane Roe",
     "executive director", "Center for Harbour Safety"),
    ("appositive_after", f"{SAID}Jane Roe, the Acme campaign's chairman.", "Jane Roe", "chairman", "Acme campaign"),
    ("appositive_after", f"{SAID}Rep. Jane Roe (D-Va.), a senior member of the tax-writing Harbour Committee.", "Jane Roe",
     "senior member", "Harbour Committee"),
    ("title_before_name", "SEAPORT — Actress Jane Roe said: “The pier must reopen.”", "Jane Roe", "Actress", None),
    ("copula_title", "Jane Roe is the Acme campaign's political director. “The pier must reopen,” Roe said.", "Jane Roe",
     "political director", "Acme campaign"),
    ("unnamed_speaker", "“The pier must reopen,” a spokeswoman for the Police Federation said.", "spokeswoman",
     "spokeswoman", "Police Federation"),
    ("unnamed_speaker", f"{SAID}Cameron's spokesman.", "spokesman", "spokesman", "Cameron"),
]


_IDS = [f"{getattr(s, 'values', s)[0]}-{n}" for n, s in enumerate(SHAPES)]


@pytest.mark.parametrize(("rule", "text", "name", "role", "org"), SHAPES, ids=_IDS)
def test_role_shapes(extractor: Extractor, rule: str, text: str, name: str, role: str | None, org: str | None) -> None:
    r = extractor.extract(text)
    check_offsets(r)
    q = find_quote(r, "The pier must reopen")
    assert q.speaker is not None and q.speaker.name == name
    assert q.speaker.role == role
    assert q.speaker.organization == org
    assert q.speaker.type == "person"


@pytest.mark.parametrize("word", ["friend", "rival", "neighbour", "fans"])
def test_not_roles(extractor: Extractor, word: str) -> None:
    r = extractor.extract(f"{SAID}Jane Roe, a {word} of the family.")
    q = find_quote(r, "The pier must reopen")
    assert q.speaker is not None and q.speaker.role is None


@pytest.mark.parametrize(("text", "party"), [(f"{SAID}Jane Roe (D-Va.).", "D"), (f"{SAID}Jane Roe, R-Pa., on Monday.", "R"),
                                             (f"{SAID}Jane Roe.", None),
                                             (f"{SAID}Kentland Freedom Party leader Jane Roe.", "Kentland Freedom Party")])
def test_party_letter(extractor: Extractor, text: str, party: str | None) -> None:
    q = find_quote(extractor.extract(text), "The pier must reopen")
    assert q.speaker is not None and q.speaker.party == party


def test_roles_holds_every_title_with_offsets(extractor: Extractor) -> None:
    text = ("Jane Roe, a former nurse, visited the pier on Monday.\n\n"
            "“It must reopen,” said port director Jane Roe.")
    r = extractor.extract(text)
    q = find_quote(r, "It must reopen")
    assert q.speaker is not None
    titles = [(m.role, text[m.start:m.end]) for m in q.speaker.roles]
    assert titles == [("former nurse", "Jane Roe"), ("port director", "Jane Roe")]
    d = q.speaker.to_dict()
    assert list(d)[:5] == ["name", "type", "role", "organization", "mentions"]
    assert [x["role"] for x in d["roles"]] == ["former nurse", "port director"]
    assert type(q.speaker).from_dict(d) == q.speaker


def test_roles_survive_pipe_processes(extractor: Extractor) -> None:
    text = f"{SAID}Jane Roe (D-Va.), a former nurse."
    one = extractor.extract(text)
    two = list(extractor.pipe([text, text], n_process=2))
    assert [r.to_dict() for r in two] == [one.to_dict(), one.to_dict()]
    assert two[0].quotes[0].speaker is not None and two[0].quotes[0].speaker.roles == one.quotes[0].speaker.roles  # type: ignore[union-attr]


def test_occupation_list_is_sourced_and_clean() -> None:
    from quotekit._lexicons import default_lexicons

    lex = default_lexicons()
    assert 800 <= len(lex.occupations) <= 5000
    assert all(1 <= len(o) <= 3 for o in lex.occupations)
    for word in ("nurse", "plumber", "goalkeeper", "drummer", "co-owner", "actress", "journalist", "neurosurgeon",
                 "campaigner"):
        assert (word,) in lex.occupations
    for word in ("fans", "friend", "rival", "neighbours", "residents"):
        assert (word,) not in lex.occupations and word in lex.words.not_roles


@pytest.mark.parametrize(("text", "role", "org"), [
    ("“The pier must reopen,” the Kentish finance minister said.", "finance minister", "Kentish"),
    ("“The pier must reopen,” the prime minister said.", "prime minister", None),
    ("“The pier must reopen,” Acme's chief aide said.", "chief aide", "Acme"),
    ("“The pier must reopen,” a former Acme spokesman said.", "former spokesman", "Acme"),
    ("“The pier must reopen,” an audience member said.", None, None),
])
def test_unnamed_speaker_whole_title(extractor: Extractor, text: str, role: str | None, org: str | None) -> None:
    q = find_quote(extractor.extract(text), "The pier must reopen")
    assert q.speaker is not None and q.speaker.type == "person"
    assert q.speaker.role == role and q.speaker.organization == org


@pytest.mark.parametrize(("text", "speaker"), [
    ("Traders in Kentmouth have called for “urgent” repairs to the sea wall.", "Traders"),
    ("The organisers said the fair would go ahead despite the rain.", "organisers"),
    ("“The pier must reopen,” the stallholders said.", "stallholders"),
])
def test_unnamed_speaker_plural_group(extractor: Extractor, text: str, speaker: str) -> None:
    """A plural group ("Traders said", "the organisers said") is no one's title: no role."""
    result = extractor.extract(text)
    assert result.quotes, text
    q = result.quotes[0]
    assert q.speaker is not None and q.speaker.name.lower() == speaker.lower()
    assert q.speaker.role is None


@pytest.mark.parametrize(("text", "role"), [
    ("Jane Roe, a former nurse, visited the pier on Monday.\n\nShe toured the site.\n\nShe met the builders.\n\n"
     "“It must reopen,” said port director Jane Roe.", "port director"),
    ("“It must reopen,” said Jane Roe, a former nurse.\n\nShe toured the site.\n\nShe met the builders.\n\n"
     "Port director Jane Roe left at noon.", "former nurse"),
])
def test_role_nearest_the_quotation(extractor: Extractor, text: str, role: str) -> None:
    q = find_quote(extractor.extract(text), "It must reopen")
    assert q.speaker is not None and q.speaker.role == role
    assert {r.role for r in q.speaker.roles} >= {"former nurse", role}


def test_title_mention_of_a_named_entity(nlp: spacy.Language) -> None:  # noqa: F811
    """Stage 5 may give "the prime minister" to the named person: the rule reads the whole title."""
    from quotekit import _roles
    from quotekit._candidates import find_mentions
    from quotekit._entities import Entities, Entity
    from quotekit._lexicons import default_lexicons
    from quotekit._quotes import find_quotes
    from quotekit._text import Paragraphs, normalize
    from quotekit._tokens import build_view

    text = "Jane Roe visited the pier. The prime minister said the pier must reopen."
    lex = default_lexicons()
    norm = normalize(text)
    paras = Paragraphs(norm)
    view = build_view(nlp(text), text, norm, paras, find_quotes(norm, paras))
    ments = find_mentions(view, lex)
    assert [view.span_text(m.i, m.j) for m in ments] == ["Jane Roe", "The prime minister"]
    ents = Entities([Entity(["jane", "roe"], "Jane Roe", "person", "f", [0, 1])], [0, 0])
    found = _roles.assign_roles(view, ments, ents, lex)[0]
    assert (found.role, found.org, found.rule) == ("prime minister", None, "unnamed_speaker")
    assert [(r.role, text[r.start:r.end]) for r in found.found] == [("prime minister", "minister")]


# --- issue 21: shapes of English news titles (party-qualified, seats, portfolios, affiliations) -----------


def _speaker_of(extractor: Extractor, text: str) -> tuple[str | None, str | None, str | None, str | None]:
    q = find_quote(extractor.extract(text), "The pier must reopen")
    assert q.speaker is not None and q.speaker.type == "person"
    return q.speaker.name, q.speaker.role, q.speaker.organization, q.speaker.party


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Jane Roe, of the Kentside Institute.", ("Jane Roe", None, "Kentside Institute", None)),
    (f"{SAID}Jane Roe, from Carlow investment bank.", ("Jane Roe", None, "Carlow", None)),
    (f"{SAID}Jane Roe, from the Harbour Trust, on Monday.", ("Jane Roe", None, "Harbour Trust", None)),
    (f"{SAID}Jane Roe, of Kentside.", ("Jane Roe", None, None, None)),  # a home town, not a body
])
def test_affiliation_after(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    assert _speaker_of(extractor, text) == want


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Jane Roe, a chairman of the history department at Carlow University.",
     ("Jane Roe", "chairman", "Carlow University", None)),
    (f"{SAID}Jane Roe, head of strategy for Latin American markets for Carlow Bank.",
     ("Jane Roe", "head of strategy for Latin American markets", "Carlow Bank", None)),
    (f"{SAID}Jane Roe, a former Europe coordinator at the Kentside Institute.",
     ("Jane Roe", "former Europe coordinator", "Kentside Institute", None)),
    (f"{SAID}Jane Roe, a steering committee member for the Harbour Caucus.",
     ("Jane Roe", "steering committee member", "Harbour Caucus", None)),
    (f"{SAID}Jane Roe, MP for Kentside.", ("Jane Roe", "MP", None, None)),  # a seat, not a body
])
def test_appositive_after_portfolio_and_body(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    assert _speaker_of(extractor, text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Tory health spokesman Jane Roe, MP for Kentside, added: “The pier must reopen.”",
     ("Jane Roe", "health spokesman", "Tory", "Tory")),
    ("Mayor Jane Roe, MP for Kentside, added: “The pier must reopen.”", ("Jane Roe", "Mayor", None, None)),
])
def test_appositive_after_constituency_loses_to_title(extractor: Extractor, text: str,
                                                      want: tuple[str | None, ...]) -> None:
    assert _speaker_of(extractor, text) == want


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Gov. Jane Roe of Kentside.", "Gov.", "Kentside"),
    (f"{SAID}Senator Jane Roe of Kentside.", "Senator", None),  # a legislator's place is the seat
])
def test_title_before_name_seat_or_body(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    _, got_role, got_org, _ = _speaker_of(extractor, text)
    assert (got_role, got_org) == (role, org)


def test_title_before_comma_not_after_as(extractor: Extractor) -> None:
    text = "He begins his second term as Kentland President, Jane Roe has said. “The pier must reopen,” Roe said."
    assert _speaker_of(extractor, text)[1:3] == (None, None)


@pytest.mark.parametrize(("text", "role"), [
    ("Filmmaker and best-selling author Jane Roe said: “The pier must reopen.”", "Filmmaker"),
    ("Nurse and campaigner Jane Roe said: “The pier must reopen.”", "Nurse"),
    (f"{SAID}Jane Roe, a nurse.", "nurse"),
])
def test_title_words_before_first_coordinated(extractor: Extractor, text: str, role: str) -> None:
    assert _speaker_of(extractor, text)[1] == role


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Republican presidential nominee Jane Roe.", ("Jane Roe", "presidential nominee", "Republican", "Republican")),
    (f"{SAID}presumptive Democratic nominee Jane Roe.", ("Jane Roe", "presumptive nominee", "Democratic", "Democratic")),
    (f"{SAID}Labour MP Jane Roe.", ("Jane Roe", "MP", "Labour", "Labour")),
    (f"{SAID}Northrail CEO Jane Roe.", ("Jane Roe", "CEO", "Northrail", None)),
])
def test_party_word_is_organization_and_party(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    assert _speaker_of(extractor, text) == want


def test_possessive_does_not_fold_a_body_into_a_person(extractor: Extractor) -> None:
    """"Rep. Jane Roe’s Senate campaign": the title stays with Jane Roe, Senate is not her person."""
    text = "As Rep. Jane Roe’s Senate campaign began, she spoke. “The pier must reopen,” Roe said."
    name, role, _, _ = _speaker_of(extractor, text)
    assert (name, role) == ("Jane Roe", "Rep.")


@pytest.mark.parametrize(("text", "want"), [
    ("Kentland presidential candidates Jane Roe and Tom Lee spoke on Monday. “The pier must reopen,” Roe said.",
     ("Jane Roe", "presidential candidate", "Kentland", None)),
    ("Democratic presidential candidates Tom Lee and Jane Roe spoke on Monday. “The pier must reopen,” Roe said.",
     ("Jane Roe", "presidential candidate", "Democratic", "Democratic")),
])
def test_plural_title_before_names(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    assert _speaker_of(extractor, text) == want


@pytest.mark.parametrize(("text", "role"), [
    ("At the meeting, the campaign chief, Jane Roe, spoke. “The pier must reopen,” Roe said.", "campaign chief"),
    ("Prices fell, said the secretary of the Treasury, Jane Roe. “The pier must reopen,” Roe said.",
     "secretary of the Treasury"),
    ("She thanked the crowd, Jane Roe said. “The pier must reopen,” Roe said.", None),
])
def test_title_before_comma_whole_title(extractor: Extractor, text: str, role: str | None) -> None:
    assert _speaker_of(extractor, text)[1] == role


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}party chairman Jane Roe.", "chairman", "party"),
    ("Her party leader, Jane Roe, said: “The pier must reopen.”", "leader", "party"),
    (f"{SAID}former party leader Jane Roe.", "former leader", "party"),
    (f"{SAID}board member Jane Roe.", "board member", None),  # other bodies stay inside the title
])
def test_title_body_noun_names_the_body(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    _, got_role, got_org, party = _speaker_of(extractor, text)
    assert (got_role, got_org, party) == (role, org, None)


def test_title_before_name_legislator_after_office_comma(extractor: Extractor) -> None:
    """"the committee chairman, MP Jane Roe": the office before the comma, not the seat's title."""
    assert _speaker_of(extractor, f"{SAID}the committee chairman, MP Jane Roe.")[1] == "chairman"


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Jane Roe, a former commissioner with the Kentside Water Board who is now a program officer for "
     "energy at the Harbour Foundation.", "program officer for energy", "Harbour Foundation"),
    (f"{SAID}Jane Roe, who joined a local club and is now vice president of the Seaport Rowing Club.",
     "vice president", "Seaport Rowing Club"),
    (f"{SAID}Jane Roe, a nurse who is now happy.", "nurse", None),  # no title after "is now": the appositive stands
])
def test_current_title_after(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    ("A 40-year-old nurse named Jane Roe spoke on Monday. “The pier must reopen,” Roe said.", "nurse", None),
    ("Prices fell, according to an Acme engineer called Jane Roe. “The pier must reopen,” Roe said.", "engineer", "Acme"),
    ("The club hired a man named Jane Roe. “The pier must reopen,” Roe said.", None, None),  # "man" is no title
])
def test_title_named_before(extractor: Extractor, text: str, role: str | None, org: str | None) -> None:
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role"), [
    ("The pier reopened on Monday, according to spokesman Jane Roe.", "spokesman"),
    ("The pier reopened on Monday, according to spokeswoman Jane Roe.", "spokeswoman"),
    ("The pier reopened on Monday, according to former spokeswoman Jane Roe.", "former spokeswoman"),
])
def test_bare_title_lead_opens_the_name(extractor: Extractor, text: str, role: str) -> None:
    """"according to spokesman Jane Roe": the speaker is Jane Roe, titled, not an unnamed "roe"."""
    q = extractor.extract(text).quotes[0]
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role) == ("Jane Roe", role)


def test_leadership_is_a_title_modifier(extractor: Extractor) -> None:
    q = find_quote(extractor.extract(f"{SAID}one former Tory leadership aide."), "The pier must reopen")
    assert q.speaker is not None
    assert (q.speaker.role, q.speaker.organization) == ("former leadership aide", "Tory")


@pytest.mark.parametrize(("text", "want"), [
    ("The Acme campaign says the pier must reopen.", ("Acme campaign", "organization", None, None)),
    ("The Roe administration said the pier must reopen.", ("Roe administration", "organization", None, None)),
    (f"{SAID}one Acme campaign source.", ("source", "person", None, "Acme campaign")),
    # a noun that opens a title stays in the title
    (f"{SAID}Acme campaign chief Jane Roe.", ("Jane Roe", "person", "campaign chief", "Acme campaign")),
])
def test_name_body_tail(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"the Acme campaign says": the campaign speaks, not a person named Acme."""
    q = find_quote(extractor.extract(text), "pier must reopen")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.type, q.speaker.role, q.speaker.organization) == want


@pytest.mark.parametrize(("text", "want"), [
    ("“The pier must reopen,” Jane Roe of the Acme Policy Institute wrote recently.", ("Jane Roe", "Acme Policy Institute")),
    (f"{SAID}Jane Roe of Kentside University.", ("Jane Roe", "Kentside University")),
    (f"{SAID}the Bank of Kentland.", ("Bank of Kentland", None)),  # a body's own name stays whole
])
def test_person_of_body(extractor: Extractor, text: str, want: tuple[str, str | None]) -> None:
    """"Jane Roe of the Acme Institute wrote": the person speaks, and the body is her organization."""
    q = find_quote(extractor.extract(text), "The pier must reopen")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.organization) == want



@pytest.mark.parametrize(("text", "want"), [
    ("The rule is broad, according to Acme News judicial analyst Judge Jane Roe. “The pier must reopen,” Roe said.",
     ("Jane Roe", "judicial analyst", "Acme News", None)),
    (f"{SAID}Acme News political editor Jane Roe.", ("Jane Roe", "political editor", "Acme News", None)),
    (f"{SAID}Acme chief executive Dr Jane Roe.", ("Jane Roe", "chief executive", "Acme", None)),
])
def test_bare_or_one_word_title(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"Acme News judicial analyst Judge Jane Roe": the body and the job before a one-word title
    fold into the name's mention (the body is not the speaker)."""
    assert _speaker_of(extractor, text) == want


@pytest.mark.parametrize(("text", "org"), [
    ("The Kentland Greens launched their plan, with leader Jane Roe saying it was fair. “The pier must reopen,” Roe said.",
     "Kentland Greens"),
    ("Acme Party hit back, with election coordinator Jane Roe accusing rivals. “The pier must reopen,” Roe said.", "Acme Party"),
    ("Tom Lee met his friends, with leader Jane Roe saying it was fair. “The pier must reopen,” Roe said.", None),
    # a party opening the sentence, which a tagger reads as a common noun
    ("Labour hit back at the plan, with election coordinator Jane Roe accusing rivals. “The pier must reopen,” Roe said.",
     "Labour"),
])
def test_body_of_with_clause(extractor: Extractor, text: str, org: str | None) -> None:
    """"The Acme Party launched its plan, with leader Jane Roe saying": Jane Roe leads the Acme Party."""
    assert _speaker_of(extractor, text)[2] == org


# --- issue 21 item 1: a capitalised title with "and" inside it; a portfolio with a possessive -------------


@pytest.mark.parametrize(("text", "want"), [
    ("Fire and Rescue Commissioner Jane Roe said: “The pier must reopen.”",
     ("Jane Roe", "Fire and Rescue Commissioner", None)),
    ("Police and Crime Commissioner Jane Roe said: “The pier must reopen.”",
     ("Jane Roe", "Police and Crime Commissioner", None)),
    ("The Police and Crime Commissioner for Kentside, Jane Roe, said: “The pier must reopen.”",
     ("Jane Roe", "Police and Crime Commissioner", "Kentside")),
    (f"{SAID}Trade and Industry Secretary Jane Roe.", ("Jane Roe", "Trade and Industry Secretary", None)),
])
def test_title_across_and(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"Police and Crime Commissioner Jane Roe": the whole title, not the half after "and"."""
    assert _speaker_of(extractor, text)[:3] == want


@pytest.mark.parametrize(("text", "speakers"), [
    # two people joined by "and" stay two mentions: the title belongs to the second
    ("Jane Roe and Deputy Mayor Tom Lee met on Monday. “The pier must reopen,” Lee said.", ("Tom Lee", "Deputy Mayor")),
    ("Tom Lee and Jane Roe met on Monday. “The pier must reopen,” Roe said.", ("Jane Roe", None)),
])
def test_title_across_and_keeps_two_people(extractor: Extractor, text: str, speakers: tuple[str, str | None]) -> None:
    q = find_quote(extractor.extract(text), "The pier must reopen")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role) == speakers


def test_title_across_and_not_two_parties(nlp: spacy.Language) -> None:  # noqa: F811
    """"Labour and Conservative MPs said": no title spans the "and", so the run stops there."""
    from test_rules import read

    r = read(nlp, "Labour and Conservative MPs said the pier must reopen.")
    assert all(r.view.span_text(m.i, m.j) != "Labour and Conservative MPs" for m in r.ctx.idx.ments)


@pytest.mark.parametrize(("words", "length"), [
    ("police and fire chief jo", 4),
    ("trade and industry secretary", 4),
    ("health and social care director", 5),
    ("labour and conservative mps", 0),
    ("roe and deputy mayor", 0),
    ("fire and rescue commissioner", 4),
    ("trade and the secretary", 0),
    ("trade and jo", 0),
])
def test_modifiers_and_head(words: str, length: int) -> None:
    from quotekit._candidates import _modifiers_and_head
    from quotekit._lexicons import default_lexicons

    assert _modifiers_and_head(words.split(), default_lexicons()) == length


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Jane Roe, cabinet member for children's services.", ("cabinet member for children's services", None)),
    ("Jane Roe, cabinet member for adults’ health, said: “The pier must reopen.”",
     ("cabinet member for adults’ health", None)),
    ("Jane Roe, the reform group's minister for women’s health, said: “The pier must reopen.”",
     ("minister for women’s health", None)),
])
def test_inner_possessive(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"cabinet member for children's services": the portfolio goes on over its possessive."""
    assert _speaker_of(extractor, text)[1:3] == want


@pytest.mark.parametrize(("text", "want"), [
    ("Jane Roe, the county council's cabinet member for children's services, said: “The pier must reopen.”",
     ("cabinet member for children's services", "county council")),
    (f"{SAID}Jane Roe, the school board's president.", ("president", "school board")),
    (f"{SAID}Jane Roe, the reform group's general secretary.", ("general secretary", None)),  # named elsewhere
])
def test_tier_body(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"the county council's cabinet member": a tier and a body word is the organization itself."""
    assert _speaker_of(extractor, text)[1:3] == want


@pytest.mark.parametrize(("text", "want"), [
    ("Secretary of State for Harbours, Fisheries and Coastal Affairs Jane Roe said: “The pier must reopen.”",
     ("Jane Roe", "Secretary of State for Harbours, Fisheries and Coastal Affairs")),
    (f"{SAID}Minister for Culture, Media and Sport Jane Roe.", ("Jane Roe", "Minister for Culture, Media and Sport")),
    # no "and" ends a list: the name after the comma is the title's holder
    (f"{SAID}the Minister for Harbours, Jane Roe, on Monday.", ("Jane Roe", "Minister")),
])
def test_portfolio_list_comma(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"Secretary of State for Harbours, Fisheries and Coastal Affairs Jane Roe": the whole listed portfolio."""
    assert _speaker_of(extractor, text)[:2] == want


@pytest.mark.parametrize(("text", "name"), [
    ("The Minister for Harbours, Jane Roe and Tom Lee met on Monday. “The pier must reopen,” Lee said.", "Tom Lee"),
    ("The Minister for Harbours, Jane Roe and Deputy Mayor Tom Lee met. “The pier must reopen,” Lee said.", "Tom Lee"),
])
def test_portfolio_list_comma_keeps_people_apart(extractor: Extractor, text: str, name: str) -> None:
    q = find_quote(extractor.extract(text), "The pier must reopen")
    assert q.speaker is not None and q.speaker.name == name


# --- issue 21/22: shapes of the example articles' misses, on the project's own sentences ---------------


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}one fisherman, Tom Avery.", ("Tom Avery", "fisherman", None, None)),
    ("Said one nurse, Ada Pike: “The pier must reopen.”", ("Ada Pike", "nurse", None, None)),
    ("Another teacher, Jan Doe, said: “The pier must reopen.”", ("Jan Doe", "teacher", None, None)),
    (f"{SAID}one resident, Jo Roe.", ("Jo Roe", None, None, None)),  # a resident holds no job
    (f"{SAID}one of the pickets, Jo Roe.", ("Jo Roe", None, None, None)),
])
def test_title_words_at_comma_one_of_kind(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"said one fisherman, Jo Roe": the title after "one"/"another" and before the comma is the name's."""
    assert _speaker_of(extractor, text) == want


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Ada Pike, 41, a solicitor who commutes from Kentside to Carlow.", ("Ada Pike", "solicitor", None, None)),
    ("Maria Lowe, 29, a nurse at Carlow General Hospital, said: “The pier must reopen.”",
     ("Maria Lowe", "nurse", "Carlow General Hospital", None)),
    (f"{SAID}Jan Doe, 29, who lives nearby.", ("Jan Doe", None, None, None)),
])
def test_appositive_after_age(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"Jo Roe, 41, a solicitor": an age set off by commas stands between the name and its appositive."""
    assert _speaker_of(extractor, text) == want


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Ada Pike, who has run the Harbour Tearooms for ten years.", ("Ada Pike", None, "Harbour Tearooms", None)),
    (f"{SAID}Jo Roe, who has headed the Kentside Rowing Club since 2019.",
     ("Jo Roe", "head", "Kentside Rowing Club", None)),
    (f"{SAID}Jo Roe, who has led the Carlow Dockers Union for a decade.", ("Jo Roe", "leader", "Carlow Dockers Union", None)),
    # the simple past: a post that may be over, and a protest is no body
    (f"{SAID}Jo Roe, who headed the Kentside Rowing Club.", ("Jo Roe", None, None, None)),
    (f"{SAID}Jo Roe, who led the protest.", ("Jo Roe", None, None, None)),
])
def test_heading_verb_perfect(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"X, who has run the Y": a perfect heading verb gives the body (and "has headed" the role head)."""
    assert _speaker_of(extractor, text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Harbour works manager Ada Pike said the pier must reopen.", ("Ada Pike", "Harbour works manager", None)),
    ("Public works director Ada Pike said the pier must reopen.", ("Ada Pike", "Public works director", None)),
    ("Defence minister Jo Roe said the pier must reopen.", ("Jo Roe", "Defence minister", None)),
    # a body's name or a party opening the sentence stays the organization
    ("Acme Telecom chief executive Jo Roe said the pier must reopen.", ("Jo Roe", "chief executive", "Acme Telecom")),
    ("Labour MP Jo Roe said the pier must reopen.", ("Jo Roe", "MP", "Labour")),
    ("Carlow council leader Jo Roe said the pier must reopen.", ("Jo Roe", "council leader", "Carlow")),
])
def test_plain_start_of_title(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"Public works director Jo Roe said": a common word capitalised only because it opens the
    sentence belongs to the title, not a body ("harbour" is written in lower case elsewhere or a title modifier)."""
    text = text + " The harbour flooded twice."
    r = extractor.extract(text)
    q = next(q for q in r if "pier must reopen" in q.text)
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role, q.speaker.organization) == want


@pytest.mark.parametrize(("text", "org"), [
    ("Fire officials said the blaze was contained.", None),
    ("Harbour officials said the blaze was contained. The harbour was shut.", None),
    ("Acme officials said the blaze was contained.", "Acme"),
    # a body named in the paragraph before is no group's organization
    ("The Carlow Harbour Board asked for help.\n\nFire officials said the blaze was contained.", None),
    ("Carlow Rail asked for help.\n\nOfficials said the blaze was contained.", None),
])
def test_plain_start_of_nominal(extractor: Extractor, text: str, org: str | None) -> None:
    """"Fire officials said": a sentence-initial capital on a common word names no organization."""
    q = next(q for q in extractor.extract(text) if "blaze was contained" in q.text)
    assert q.speaker is not None and q.speaker.organization == org


@pytest.mark.parametrize(("text", "want"), [
    ("According to incident commander Luis Ortega, shifting winds had pushed the fire north.",
     ("Luis Ortega", "incident commander")),
    ("According to fire chief Jo Roe, shifting winds had pushed the fire north.", ("Jo Roe", "fire chief")),
    ("“Shifting winds had pushed the fire north,” said county assessor Jo Roe.", ("Jo Roe", "county assessor")),
])
def test_lower_case_title_before_name(extractor: Extractor, text: str, want: tuple[str, str]) -> None:
    """"according to fire chief Jo Roe", "said county assessor Jo Roe": a lower-case title before the name."""
    q = next(q for q in extractor.extract(text) if "winds had pushed" in q.text)
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == want


@pytest.mark.parametrize(("text", "name", "role"), [
    ("The two council members who voted no, Ada Pike and Tom Avery, said the rise was too steep.", "Ada Pike",
     "council member"),
    ("The two council members who voted no, Ada Pike and Tom Avery, met. “The rise was too steep,” Avery said.",
     "Tom Avery", "council member"),
    ("Two nurses, Ada Pike and Tom Avery, said the rise was too steep.", "Ada Pike", "nurse"),
    ("Two of her friends, Ada Pike and Tom Avery, said the rise was too steep.", "Ada Pike", None),
    # No comma closes the names: a fronted phrase, then a clause whose subject they are (_pair_closed).
    ("Compared to the Kentish candidates, Ada Pike and Tom Avery share some views. “The rise was too steep,” "
     "Pike said.", "Ada Pike", None),
])
def test_plural_title_before_comma(extractor: Extractor, text: str, name: str, role: str | None) -> None:
    """"The two council members who voted no, X and Y, said": each one's title, made singular."""
    q = next(q for q in extractor.extract(text) if "too steep" in q.text)
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == (name, role)


@pytest.mark.parametrize(("text", "role"), [
    ("At a meeting of the Kentside Rowing Club, of which he is a member, Jo Roe said: “The pier must reopen.”", None),
    ("She was a nurse, Jo Roe said: “The pier must reopen.”", None),
    ("The club's treasurer, Jo Roe, said: “The pier must reopen.”", "treasurer"),
])
def test_title_before_comma_not_a_predicate(extractor: Extractor, text: str, role: str | None) -> None:
    """"…, of which he is a member, Jo Roe said": a title after a form of "be" is the clause's, not the name's."""
    q = find_quote(extractor.extract(text), "The pier must reopen")
    assert q.speaker is not None and q.speaker.name == "Jo Roe" and q.speaker.role == role


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Jo Roe, a Carlow-area volunteer who was recently elected as a delegate to the Acme Party Convention.",
     "delegate", "Acme Party Convention"),
    (f"{SAID}Jo Roe, who has been appointed chief executive of Carlow Bank.", "chief executive", "Carlow Bank"),
    (f"{SAID}Jo Roe, who was named in the lawsuit.", None, None),
    (f"{SAID}Jo Roe, a nurse who was hired last year.", "nurse", None),
])
def test_current_title_after_appointment(extractor: Extractor, text: str, role: str | None, org: str | None) -> None:
    """"X, a volunteer who was elected as a delegate to Y": the post a relative clause says was taken up."""
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Jo Roe, a 34-year-old plumber from Kentside.", "plumber", None),
    (f"{SAID}Jo Roe, an analyst from Acme Capital.", "analyst", "Acme Capital"),
    (f"{SAID}Jo Roe, a nurse from Kentside General Hospital.", "nurse", "Kentside General Hospital"),
])
def test_body_after_home_town(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """"a plumber from Kentside": after "from" only a name ending in an organization word is a body."""
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Acme chairman and chief executive Jo Roe.", ("Jo Roe", "chairman", "Acme")),
    ("Acme chairman and chief executive Jo Roe said: “The pier must reopen.”", ("Jo Roe", "chairman", "Acme")),
    (f"{SAID}Jo Roe, the chairman and chief executive of Carlow Bank.", ("Jo Roe", "chairman", "Carlow Bank")),
    (f"{SAID}Jo Roe, chairman and founder of the Acme Trust.", ("Jo Roe", "chairman", "Acme Trust")),
])
def test_coordinated_titles_one_person(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"said Acme chairman and chief executive Jo Roe": two joined titles are one person's (the first
    is the role, as for "Filmmaker and best-selling author X"); the body after the second is the first's too."""
    assert _speaker_of(extractor, text)[:3] == want


@pytest.mark.parametrize(("text", "org"), [
    (f"{SAID}Kentside MP Jo Roe.", None),
    ("Florida Sen. Jo Roe said: “The pier must reopen.”", None),
    (f"{SAID}Labour MP Jo Roe.", "Labour"),
    (f"{SAID}Acme Union delegate Jo Roe.", "Acme Union"),
])
def test_seat_in_front(extractor: Extractor, text: str, org: str | None) -> None:
    """"Kentside MP Jo Roe": a place before a legislator's title is the seat, not an organization."""
    assert _speaker_of(extractor, text)[2] == org


def test_who_owns_gives_the_body(extractor: Extractor) -> None:
    """"Jo Roe, who owns the Kentside Hotel": the body, and no made-up title."""
    assert _speaker_of(extractor, f"{SAID}Jo Roe, who owns the Kentside Hotel.")[1:3] == (None, "Kentside Hotel")


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Professor Jo Roe, of Carlow University.", ("Professor", "Carlow University")),
    (f"{SAID}Councillor Jo Roe, from the Kentside Residents Association.", ("Councillor", "Kentside Residents Association")),
    (f"{SAID}Mayor Jo Roe, of Kentside.", ("Mayor", None)),  # a home town
])
def test_title_then_affiliation(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"Professor Jo Roe, of Carlow University": a title before the name and the body after it."""
    assert _speaker_of(extractor, text)[1:3] == want


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Acme’s chief executive, Jo Roe.", ("Jo Roe", "chief executive", "Acme")),
    ("Acme’s chief executive, Jo Roe, said: “The pier must reopen.”", ("Jo Roe", "chief executive", "Acme")),
    (f"{SAID}Lee’s lawyer, Jo Roe.", ("Jo Roe", "lawyer", "Lee")),
])
def test_possessive_title_then_holder(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"said Acme's chief executive, Jo Roe": the holder named after the comma speaks, with the
    possessor as the body (candidates._named_after keeps the owner a mention of its own)."""
    assert _speaker_of(extractor, text)[:3] == want


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Det Insp Jo Roe.", ("Jo Roe", "Det Insp", None)),
    (f"{SAID}Det Ch Supt Jo Roe, of Kentside Police.", ("Jo Roe", "Det Ch Supt", "Kentside Police")),
    (f"{SAID}Carlow Weather forecaster Jo Roe.", ("Jo Roe", "forecaster", "Carlow Weather")),
    (f"{SAID}Jo Roe, a Kentside Lifeboats volunteer.", ("Jo Roe", "volunteer", "Kentside Lifeboats")),
])
def test_british_ranks_and_posts(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """British police ranks as abbreviated in news style ("Det Insp", "Ch Supt") and posts such as
    forecaster and volunteer are titles (roles.txt)."""
    assert _speaker_of(extractor, text)[:3] == want


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Kentside’s new mayor Jo Roe.", ("Jo Roe", "mayor", "Kentside")),
    ("Acme’s former chief executive Jo Roe said: “The pier must reopen.”", ("Jo Roe", "former chief executive", "Acme")),
    ("Tom Lee’s friend Jo Roe said: “The pier must reopen.”", ("Jo Roe", None, None)),  # a friend holds no title
    (f"{SAID}Kentside’s new mayor, Jo Roe.", ("Jo Roe", "mayor", "Kentside")),  # the possessive as determiner
])
def test_possessed_title_before_name(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"said Kentside's new mayor Jo Roe": the possessor owns the title of the name after it, and the name speaks."""
    assert _speaker_of(extractor, text)[:3] == want


@pytest.mark.parametrize("text", [
    "Acme chief executive Jo Roe said the winds had turned.",
    "Carlow officials said the winds had turned.",
])
def test_one_word_body_at_sentence_start(extractor: Extractor, text: str) -> None:
    """A one-word body opening the sentence stays the organization in both modes (a tagger may call
    an unknown name a common noun there)."""
    q = next(q for q in extractor.extract(text) if "winds had turned" in q.text)
    assert q.speaker is not None and q.speaker.organization == text.split()[0]


@pytest.mark.parametrize(("text", "want"), [
    ("Tom Lee met Kentside’s newly elected Muslim mayor Jo Roe on Monday.\n\n“The pier must reopen,” Roe said.",
     ("Jo Roe", "mayor", "Kentside")),
    ("Tom Lee met Acme’s Catholic chaplain Jo Roe on Monday.\n\n“The pier must reopen,” Roe said.",
     ("Jo Roe", "chaplain", "Acme")),
    (f"{SAID}Kentside’s Muslim mayor, Jo Roe.", ("Jo Roe", "mayor", "Kentside")),
    ("Kentside’s Catholic bishop, Jo Roe, said: “The pier must reopen.”", ("Jo Roe", "bishop", "Kentside")),
])
def test_identity_of_title(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"Kentside's Muslim mayor Jo Roe", "said Kentside's Muslim mayor, Jo Roe": an adjective of religion
    or ethnicity between the owner and the title is neither a speaker, the organization nor part of
    the role (candidates' _identity_of_title; _role_at after an owner)."""
    assert _speaker_of(extractor, text)[:3] == want


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Senator Jo Roe of Kentside, the majority leader.", ("Jo Roe", "majority leader", "Senate")),
    ("Rep. Jo Roe (D-Va.), the minority whip, said: “The pier must reopen.”", ("Jo Roe", "minority whip", "House")),
    ("Sen. Jo Roe, chairman of the Kentside Committee, said: “The pier must reopen.”",
     ("Jo Roe", "chairman", "Kentside Committee")),  # the appositive's own body wins
    ("Senator Jo Roe, a doctor, said: “The pier must reopen.”", ("Jo Roe", "doctor", None)),  # a trade, not an office
])
def test_chamber_of_title(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"Senator Jo Roe of Kentside, the majority leader": the office in apposition belongs to the chamber
    the legislator's pre-name title sits in (appositive_after's _chamber_of_title)."""
    assert _speaker_of(extractor, text)[:3] == want


@pytest.mark.parametrize(("text", "org"), [
    ("The Kentside Museum opened its doors to 40 events, according to spokesman Jo Roe.\n\n"
     "“The pier must reopen,” Roe said.", "Kentside Museum"),
    ("Acme Bank declined to comment, spokeswoman Jo Roe said.\n\n“The pier must reopen,” Roe said.", "Acme Bank"),
    ("The Kentside Arts and Crafts Guild held 40 events, according to spokesman Jo Roe.\n\n"
     "“The pier must reopen,” Roe said.", "Kentside Arts and Crafts Guild"),
    ("Tom Lee was arrested on Monday, spokesman Jo Roe said.\n\n“The pier must reopen,” Roe said.", None),
])
def test_spokesperson_body(extractor: Extractor, text: str, org: str | None) -> None:
    """"Acme Bank declined to comment, spokeswoman Jo Roe said": a spokesperson with no body speaks for
    the body opening the sentence, never for a person there (assign_roles' _spokesperson_body)."""
    assert _speaker_of(extractor, text)[:3] == ("Jo Roe", "spokeswoman" if "spokeswoman" in text else "spokesman", org)


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Acme talk-show host Jo Roe.", ("Jo Roe", "talk-show host", "Acme")),
    (f"{SAID}Kentside Radio chat-show host Jo Roe.", ("Jo Roe", "chat-show host", "Kentside Radio")),
])
def test_compound_led_title(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"said Acme talk-show host Jo Roe": a hyphenated compound before a title head keeps the name
    before it the title's body, not the speaker (candidates' _compound_led_title)."""
    assert _speaker_of(extractor, text)[:3] == want


@pytest.mark.parametrize(("text", "want"), [
    ("Jo Roe - Acme’s spokeswoman - said: “The pier must reopen.”", ("Jo Roe", "spokeswoman", "Acme")),
    ("Jo Roe — a spokeswoman for Acme Bank — said: “The pier must reopen.”", ("Jo Roe", "spokeswoman", "Acme Bank")),
    (f"{SAID}Jo Roe-Smith, a nurse.", ("Jo Roe-Smith", "nurse", None)),  # a hyphen inside a name opens nothing
])
def test_spaced_dash_appositive(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"Jo Roe - Acme's spokeswoman - said": a spaced dash opens an appositive as a comma does
    (appositive_after's _spaced_dash)."""
    assert _speaker_of(extractor, text)[:3] == want


@pytest.mark.parametrize(("text", "want"), [
    ("Jo Roe, Tom Lee’s wife and co-host on his radio show, said: “The pier must reopen.”", ("Jo Roe", "co-host")),
    (f"{SAID}Jo Roe, Tom Lee’s sister and campaign manager.", ("Jo Roe", "campaign manager")),
    ("Jo Roe, Tom Lee’s wife and mother of three, said: “The pier must reopen.”", ("Jo Roe", None)),
])
def test_past_kinship_and(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"Jo Roe, Tom Lee's wife and co-host": a kinship word is no title, the title joined to it by
    "and" is the role (_role_at's _past_kinship_and)."""
    assert _speaker_of(extractor, text)[:2] == want


@pytest.mark.parametrize(("text", "want"), [
    (f"{SAID}Roe campaign manager Tom Lee.", ("Tom Lee", "campaign manager", "Roe campaign")),
    (f"{SAID}Mr. Roe’s former campaign manager, Tom Lee.", ("Tom Lee", "former campaign manager", "Roe campaign")),
    (f"{SAID}Tom Lee, a spokesman for the Roe campaign.", ("Tom Lee", "spokesman", "Roe campaign")),
    (f"{SAID}Republican campaign manager Tom Lee.", ("Tom Lee", "campaign manager", "Republican")),  # a party
    (f"{SAID}Tom Lee, a campaign manager for Acme Party.", ("Tom Lee", "campaign manager", "Acme Party")),
])
def test_campaign_body(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"Roe campaign manager Tom Lee": a campaign title belongs to the named one's campaign
    (_campaign_body), and "for the Roe campaign" names the campaign, not the person (_org_after)."""
    assert _speaker_of(extractor, text)[:3] == want


@pytest.mark.parametrize(("text", "org"), [
    ("The Kentside Guild shut its doors.\n\n“The pier must reopen,” spokesman Jo Roe said.", "Kentside Guild"),
    ("Acme Bank closed the branch on Monday. “The pier must reopen,” spokesman Jo Roe said.", "Acme Bank"),
    ("Tom Lee shut the pier.\n\n“The pier must reopen,” spokesman Jo Roe said.", None),  # a person's
    ("The Kentside Guild met Acme Bank on Monday. “The pier must reopen,” spokesman Jo Roe said.", None),  # two bodies
])
def test_spokesperson_body_sentence_before(extractor: Extractor, text: str, org: str | None) -> None:
    """"The Kentside Guild shut its doors. “…,” spokesman Jo Roe said.": a spokesperson opening the
    sentence speaks for the one body the sentence before names as its subject (_spokesperson_body)."""
    assert _speaker_of(extractor, text)[:3] == ("Jo Roe", "spokesman", org)


@pytest.mark.parametrize(("text", "org"), [
    ("Tom Lee toured Kentside’s iconic Arts and Crafts Hall of Fame on Monday.\n\n"
     "The Arts and Crafts Hall alone held 40 events, according to spokesman Jo Roe.\n\n“The pier must reopen,” Roe said.",
     "Arts and Crafts Hall of Fame"),
    ("Tom Lee visited the Kentside Guild on Monday.\n\n"
     "The Kentside Guild held 40 events, according to spokesman Jo Roe.\n\n“The pier must reopen,” Roe said.",
     "Kentside Guild"),  # "on Monday" is no part of the name
])
def test_fuller_name(extractor: Extractor, text: str, org: str | None) -> None:
    """"The Arts and Crafts Hall alone held 40 events, according to spokesman Jo Roe": the body is the
    fuller name written before that the short one starts ("... Hall of Fame", _fuller_name)."""
    assert _speaker_of(extractor, text)[:3] == ("Jo Roe", "spokesman", org)


@pytest.mark.parametrize(("text", "want"), [
    ("The mayor’s longtime political adviser and former council staffer, Jo Roe, said: “The pier must reopen.”",
     ("Jo Roe", "political adviser", None)),
    ("The chairman and chief executive of Acme Bank, Jo Roe, said: “The pier must reopen.”",
     ("Jo Roe", "chairman", "Acme Bank")),  # the body after the second title is the first one's too
    ("The mayor and the council leader, Jo Roe, said: “The pier must reopen.”",
     ("Jo Roe", "council leader", None)),  # two people: the title next to the name
])
def test_first_coordinated_title(extractor: Extractor, text: str, want: tuple[str | None, ...]) -> None:
    """"The mayor's political adviser and former council staffer, Jo Roe, said": of two titles joined by
    "and" before the comma, the first is the role (title_before_comma's _first_coordinated_title)."""
    assert _speaker_of(extractor, text)[:3] == want


EXCLAIMED = [
    pytest.param("The mayor introduces Acme Rocks! Founder Jo Roe onstage.\n\nRoe started Acme Rocks! as a club "
                 "in 2006.\n\n“We will be back next year,” Roe said.", "Founder", "Acme Rocks!", id="capitalised-title"),
    pytest.param("The mayor thanked Kentside Sings! director Jo Roe.\n\nShe praised Kentside Sings!, the choir.\n\n"
                 "“We will be back next year,” Roe said.", "director", "Kentside Sings!", id="lower-case-title"),
    pytest.param("The team won the cup.\n\nWe won! Coach Jo Roe thanked the fans.\n\n“We will be back next year,” "
                 "Roe said.", "Coach", None, id="exclamation-not-a-name"),
    pytest.param("The mayor introduces Acme Rocks! Founder Jo Roe onstage.\n\n“We will be back next year,” Roe said.",
                 "Founder", None, id="never-written-inside-a-sentence"),
]


@pytest.mark.parametrize(("text", "role", "org"), EXCLAIMED)
def test_exclaimed_body(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """_exclaimed_body: a title after capitalised words ending in "!" belongs to that name where the
    article also writes it inside a sentence."""
    q = find_quote(extractor.extract(text), "We will be back next year")
    assert q.speaker is not None and speaker_name(q) == "Jo Roe"
    assert q.speaker.role == role
    assert q.speaker.organization == org


EARLIER_OWNER = [
    pytest.param("Tom Lee's newly installed campaign chief has told donors that the race is close.\n\n"
                 "Speaking at a dinner, the campaign chief, Jo Roe, said the polls were wrong.",
                 "campaign chief", "Tom Lee campaign", id="possessive-name-campaign"),
    pytest.param("Acme's new chief economist has warned of a slowdown.\n\n"
                 "The chief economist, Jo Roe, said rates would rise.", "chief economist", "Acme", id="possessive-body"),
    pytest.param("Acme's spokesman declined to comment. Zenith's spokesman said it was fine.\n\n"
                 "The spokesman, Jo Roe, said rates would rise.", "spokesman", None, id="two-owners-none"),
    pytest.param("The campaign chief, Jo Roe, said rates would rise.", "campaign chief", None, id="no-earlier-owner"),
]


@pytest.mark.parametrize(("text", "role", "org"), EARLIER_OWNER)
def test_earlier_owner(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """_earlier_owner: a title with no body that the article wrote before after a possessive
    belongs to that owner."""
    r = extractor.extract(text)
    q = next(q for q in r if speaker_name(q) == "Jo Roe")
    assert q.speaker is not None
    assert q.speaker.role == role
    assert q.speaker.organization == org


@pytest.mark.parametrize("text", [
    "Jo Roe, a member of the budget caucus who now wants Tom Lee removed from the group, said he had heard it.",
    "Jo Roe, an organizer of the rural protest which forced Kentside Council to act, said he had heard it.",
])
def test_org_after_stops_at_relative_clause(extractor: Extractor, text: str) -> None:
    """_org_after: the lower-case words it skips before a body's name stop at a relative pronoun, so a
    name inside the clause is no organization."""
    q = next(q for q in extractor.extract(text) if speaker_name(q) == "Jo Roe")
    assert q.speaker is not None
    assert q.speaker.organization is None


MEMBERSHIP = [
    pytest.param("Kentland Rep. Jo Roe, a member of the budget caucus, said he had heard that account.", "Rep.", None,
                 id="title-before-wins"),
    pytest.param("Kentland Rep. Jo Roe, a senior member of the Kentland Ways Committee, said he had heard that account.",
                 "senior member", "Kentland Ways Committee", id="named-body-wins"),
    pytest.param("Jo Roe, a member of the budget caucus, said he had heard that account.", "member", None,
                 id="no-title-before"),
]


@pytest.mark.parametrize(("text", "role", "org"), MEMBERSHIP)
def test_membership_after_title(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """appositive_after: a membership of no named body after a name with a title before it says less
    than that title (words/membership_titles.txt)."""
    q = next(q for q in extractor.extract(text) if speaker_name(q) == "Jo Roe")
    assert q.speaker is not None
    assert q.speaker.role == role
    assert q.speaker.organization == org


@pytest.mark.parametrize(("text", "role", "org"), [
    ("Jo Roe has been formally crowned the Tory nominee for mayor at the convention. “The pier must reopen,” Roe said.",
     "nominee for mayor", "Tory"),
    ("Jo Roe was named chief executive of Acme Ferries last year. “The pier must reopen,” Roe said.",
     "chief executive", "Acme Ferries"),
    ("Jo Roe is now the presumptive Tory nominee. “The pier must reopen,” Roe said.",
     "presumptive nominee", "Tory"),
    ("Jo Roe was crowned on Monday by a crowd of fans. “The pier must reopen,” Roe said.", None, None),  # no title follows
])
def test_title_after_appointment(extractor: Extractor, text: str, role: str | None, org: str | None) -> None:
    """"X has been formally crowned the Y nominee for mayor": the title after a participle of appointment."""
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role"), [
    ("Party members chose Jo Roe as their presumptive nominee in May. “The pier must reopen,” Roe said.", "presumptive nominee"),
    ("The club now has Jo Roe as its chairman. “The pier must reopen,” Roe said.", "chairman"),
    ("Voters see Jo Roe as a friend of the harbour. “The pier must reopen,” Roe said.", None),  # "friend" is no title
    ("Voters see Jo Roe as the candidate with the better chance. “The pier must reopen,” Roe said.", None),  # a judgment
    ("Jo Roe as well as her brother came to the pier. “The pier must reopen,” Roe said.", None),
])
def test_title_as_after_name(extractor: Extractor, text: str, role: str | None) -> None:
    """"chose X as their presumptive nominee": the title after "as", with its kept modifier."""
    assert _speaker_of(extractor, text)[1] == role


# Sport, business, culture and police shapes (issue 21: news of other topics than politics).
@pytest.mark.parametrize(("text", "role", "org"), [
    ("Olympic champion Sarah Lindqvist said: “The pier must reopen.”", "Olympic champion", None),
    (f"{SAID}Sarah Lindqvist, the defending champion.", "defending champion", None),
    ("Former world champion Sarah Lindqvist said: “The pier must reopen.”", "Former world champion", None),
    ("World number one Sarah Lindqvist said: “The pier must reopen.”", "World number one", None),
    ("Kentside Rovers boss Harold Pennock said: “The pier must reopen.”", "boss", "Kentside Rovers"),
    ("Acme chairman-designate Harold Pennock said: “The pier must reopen.”", "chairman-designate", "Acme"),
    ("Det Chief Supt Harold Pennock said: “The pier must reopen.”", "Det Chief Supt", None),
    ("Chief Insp Harold Pennock said: “The pier must reopen.”", "Chief Insp", None),
    ("Kentland fly-half Harold Pennock said: “The pier must reopen.”", "fly-half", "Kentland"),
    (f"{SAID}Harold Pennock, the Acme Motors team principal.", "team principal", "Acme Motors"),
    (f"{SAID}Harold Pennock, a former Kentland diplomat.", "former diplomat", "Kentland"),
    (f"{SAID}Harold Pennock, a boxing promoter.", "boxing promoter", None),
])
def test_sport_business_police_titles(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """Titles of sport ("Olympic champion", "boss"), business ("chairman-designate") and abbreviated
    police ranks ("Det Chief Supt") read whole, from roles.txt."""
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Harold Pennock, who founded Acme Robotics.", "founder", "Acme Robotics"),
    (f"{SAID}Harold Pennock, who has founded Acme Robotics.", "founder", "Acme Robotics"),
    (f"{SAID}Harold Pennock, who visited Acme Robotics.", None, None),
])
def test_who_founded(extractor: Extractor, text: str, role: str | None, org: str | None) -> None:
    """"X, who founded Y": a founder stays one, so the simple past gives the title (words/heading_verbs.txt)."""
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    ("The Oscar-winning director Harold Pennock said: “The pier must reopen.”", "director", None),
    ("Film director Harold Pennock said: “The pier must reopen.” The film opens in May.", "Film director", None),
    ("Kentside City striker Harold Pennock said: “The pier must reopen.”", "striker", "Kentside City"),
    ("Kentside Police Chief Constable Harold Pennock said: “The pier must reopen.”", "Chief Constable", "Kentside Police"),
    ("Acme Films director Harold Pennock said: “The pier must reopen.”", "director", "Acme Films"),  # a name: no split
    ("Kentside City Councillor Harold Pennock said: “The pier must reopen.”", "City Councillor", "Kentside"),  # one title
    ("Labour Treasury spokesman Harold Pennock said: “The pier must reopen.”", "Treasury spokesman", "Labour"),
])
def test_name_title_split(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """_name_title_split: where the capitals before a name divide into body and title."""
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Harold Pennock, a spokesman for the Kentish foreign ministry.", "spokesman", "Kentish foreign ministry"),
    (f"{SAID}Harold Pennock, the head of the Kentland refugee agency.", "head", "Kentland refugee agency"),
    (f"{SAID}Harold Pennock, a spokesman for Kentside police.", "spokesman", "Kentside police"),
    (f"{SAID}Harold Pennock, a spokesman for Acme in Kentside.", "spokesman", "Acme"),  # no body noun follows
])
def test_lower_body_tail(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """_lower_body_tail: lower-case words and a body noun after a name are part of the body's name."""
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role"), [
    (f"{SAID}Harold Pennock, the show's producer.", "producer"),
    (f"{SAID}Harold Pennock, the round's winner and a farmer.", None),  # "winner" is no title
])
def test_determined_possessor(extractor: Extractor, text: str, role: str | None) -> None:
    """_determined_possessor: "the show's producer": a word that is also a verb owns the title after a determiner."""
    assert _speaker_of(extractor, text)[1] == role


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Harold Pennock, who manages Kentside Rovers.", "manager", "Kentside Rovers"),
    (f"{SAID}Harold Pennock, who coaches Kentside Rovers.", "coach", "Kentside Rovers"),
    (f"{SAID}Harold Pennock, who edits the Kentside Gazette.", "editor", "Kentside Gazette"),
    (f"{SAID}Harold Pennock, who manages to smile.", None, None),  # no body follows
])
def test_who_manages(extractor: Extractor, text: str, role: str | None, org: str | None) -> None:
    """"X, who manages Y": verbs of running a team or paper give its title (words/heading_verbs.txt)."""
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    ("Kentside-born actor Harold Pennock said: “The pier must reopen.”", "actor", None),
    ("London-based analyst Harold Pennock said: “The pier must reopen.”", "analyst", None),
    ("Recorder Harold Pennock said: “The pier must reopen.”", "Recorder", None),
])
def test_birthplace_epithet_and_court_title(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """"Kentside-born actor X": a birthplace or base is no body; "Recorder X" is a judge's title."""
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Harold Pennock, author of The Long Road.", "author", None),
    (f"{SAID}Harold Pennock, the composer of Kentside Nights.", "composer", None),
    (f"{SAID}Harold Pennock, director of Acme Films.", "director", "Acme Films"),  # a body's title
    (f"{SAID}Harold Pennock, a writer at the Kentside Gazette.", "writer", "Kentside Gazette"),  # "at", not "of"
])
def test_names_work(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """_names_work: "author of The Long Road" names a work, not an organization."""
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Harold Pennock, a lecturer in history at Kentside University.", "lecturer in history", "Kentside University"),
    (f"{SAID}Harold Pennock, a senior lecturer in law at Kentside University.", "senior lecturer in law",
     "Kentside University"),
    (f"{SAID}Harold Pennock, a teacher in Kentside.", "teacher", None),  # a place, not a portfolio or a body
    (f"{SAID}Harold Pennock, a teacher in the town.", "teacher", None),
])
def test_portfolio_after_in(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """"a lecturer in history at X": "in" and lower-case words carry the portfolio
    (words/portfolio_prepositions.txt), as "of" and "for" do."""
    assert _speaker_of(extractor, text)[1:3] == (role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    ("“The pier must reopen,” a police spokeswoman said.", "spokeswoman", "police"),
    ("“The pier must reopen,” a council spokesman said.", "spokesman", "council"),
    ("Kentside Police shut the pier on Monday. “The pier must reopen,” a police spokeswoman said.", "spokeswoman",
     "Kentside Police"),
    ("“The pier must reopen,” a spokesman said.", "spokesman", None),
])
def test_body_noun_before_spokesperson(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """_body_noun_before_spokesperson: "a police spokeswoman" speaks for the police (or the force the
    article names), as "a Treasury spokesman" speaks for the Treasury."""
    q = find_quote(extractor.extract(text), "The pier must reopen")
    assert q.speaker is not None
    assert (q.speaker.role, q.speaker.organization) == (role, org)


@pytest.mark.parametrize(("text", "name", "role"), [
    ("As reported by Kentside Review, the former minister was told of her duty. “It is done,” Kentside Review said.",
     "Kentside Review", None),
    ("Ada Pike, the former minister, was told of her duty. “It is done,” Pike said.", "Ada Pike", "former minister"),
])
def test_appositive_is_no_clause_subject(extractor: Extractor, text: str, name: str, role: str | None) -> None:
    """"As reported by X, the former minister was told …": a title that a finite verb follows is the
    subject of a clause, not X's appositive; a closed appositive still is."""
    q = next(q for q in extractor.extract(text) if "It is done" in q.text)
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == (name, role)


# --- issue 21, second round: shapes from health, education, the armed forces, diplomacy and courts --------


@pytest.mark.parametrize(("text", "role", "org"), [
    ("Kentland's ambassador to the UN, Harold Pennock, said “The pier must reopen.”", "ambassador", "Kentland"),
    ("Borland's envoy to Kentland, Harold Pennock, said “The pier must reopen.”", "envoy", "Borland"),
    ("The ambassador to Borland, Harold Pennock, said “The pier must reopen.”", "ambassador", "Borland"),
])
def test_body_to_comma(extractor: Extractor, text: str, role: str, org: str) -> None:
    """_body_to_comma: "Kentland's ambassador to the UN, X," reaches the comma over a preposition and
    a body, as "X, Kentland's ambassador to the UN" does after the name."""
    assert _speaker_of(extractor, text)[:3] == ("Harold Pennock", role, org)


@pytest.mark.parametrize(("text", "org"), [
    (f"{SAID}Harold Pennock, who teaches at Kentside Academy.", "Kentside Academy"),
    ("Harold Pennock, who works for Acme Bank, said “The pier must reopen.”", "Acme Bank"),
    ("Harold Pennock, who studies at the University of Kentside, said “The pier must reopen.”", "University of Kentside"),
    ("Harold Pennock, who works at a shop in Kentside, said “The pier must reopen.”", None),  # a place, no body
    (f"{SAID}Harold Pennock, who runs a bakery in Kentside.", None),  # _body_right_after: a place, no body
    (f"{SAID}Harold Pennock, who runs the Quayside Bakery.", "Quayside Bakery"),
])
def test_works_at(extractor: Extractor, text: str, org: str | None) -> None:
    """_works_at: "X, who teaches at Y" gives Y as the organization and no made-up title
    (words/affiliation_verbs.txt); after such a verb or "runs", "owns", the body's name comes right
    after it (_body_right_after), not after lower-case words ("a bakery in Kentside")."""
    assert _speaker_of(extractor, text)[:3] == ("Harold Pennock", None, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Harold Pennock, a senior Kentish army officer.", "senior army officer", "Kentish"),
    (f"{SAID}Harold Pennock, a senior Acme Bank economist.", "senior economist", "Acme Bank"),
    (f"{SAID}Harold Pennock, the Acme chief executive.", "chief executive", "Acme"),  # no lead modifier
])
def test_lead_modifiers(extractor: Extractor, text: str, role: str, org: str) -> None:
    """_lead_modifiers: "a senior Kentish army officer": a lower-case modifier before a body's capitals
    stays with the title."""
    assert _speaker_of(extractor, text)[:3] == ("Harold Pennock", role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Harold Pennock, a Kentland defence ministry spokesman.", "spokesman", "Kentland defence ministry"),
    (f"{SAID}Harold Pennock, the head of the Kentish army.", "head", "Kentish army"),
    (f"{SAID}Harold Pennock, a Kentside police officer.", "police officer", "Kentside"),  # a title right after
])
def test_body_kind_end(extractor: Extractor, text: str, role: str, org: str) -> None:
    """_body_kind_end: lower-case words up to a body noun go on with the body's capitals before a
    title ("a Kentland defence ministry spokesman"); "army" is a body noun (words/body_kind_nouns.txt)."""
    assert _speaker_of(extractor, text)[:3] == ("Harold Pennock", role, org)


@pytest.mark.parametrize(("text", "org"), [
    (f"{SAID}Harold Pennock, commander of the 4th Infantry Brigade.", "4th Infantry Brigade"),
    (f"{SAID}Harold Pennock, a spokesman for the 101st Airborne Division.", "101st Airborne Division"),
])
def test_ordinal_opens_body(extractor: Extractor, text: str, org: str) -> None:
    """_ORDINAL in _org_after: "the 4th Infantry Brigade": an ordinal in figures opens the body's name."""
    assert _speaker_of(extractor, text)[2] == org


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Professor Harold Pennock, from the University of Borland.", "Professor", "University of Borland"),
    (f"{SAID}Harold Pennock, from the Bank of Kentland.", None, "Bank of Kentland"),
    (f"{SAID}Harold Pennock, of the Isle of Wight.", None, None),  # a home, not a body
])
def test_body_word_before_joiner(extractor: Extractor, text: str, role: str | None, org: str | None) -> None:
    """_names_body: "from the University of Borland" names a body by its word before "of", not only
    by its last word ("from Kentside" stays a home town)."""
    assert _speaker_of(extractor, text)[:3] == ("Harold Pennock", role, org)


@pytest.mark.parametrize("text", [
    "Singer Emma Ridley said the pier must reopen.",
    "Drummer Emma Ridley said the pier must reopen.",
])
def test_tagged_opening_title(extractor: Extractor, text: str) -> None:
    """_tagged_opening_title: an occupation opening the sentence, capitalised only for that, is the
    title of the name after it also where a tagger kept it out of the name (trained mode)."""
    q = next(q for q in extractor.extract(text) if "pier must reopen" in q.text)
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role, q.speaker.organization) == ("Emma Ridley", text.split()[0], None)


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Harold Pennock, a consultant cardiologist at Borland Royal Infirmary.", "consultant cardiologist",
     "Borland Royal Infirmary"),
    (f"{SAID}Harold Pennock, a marine biologist at the Kentside Institute.", "marine biologist", "Kentside Institute"),
    (f"{SAID}Harold Pennock, a trainee solicitor at Acme Law.", "trainee solicitor", "Acme Law"),
    (f"{SAID}Harold Pennock, an oncologist.", "oncologist", None),
    (f"{SAID}Harold Pennock, a consultant at Kentside Hospital.", "consultant", "Kentside Hospital"),
])
def test_medical_and_science_titles(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """Specialists in roles.txt, "consultant" and "trainee" as title modifiers (role_modifiers.txt), and a
    one-word title as the head after modifiers (_role_match): "a consultant cardiologist at Y"."""
    assert _speaker_of(extractor, text)[:3] == ("Harold Pennock", role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    ("Professor Emma Ridley of the Kentside Institute said the pier must reopen.", "Professor", "Kentside Institute"),
    ("Justice Emma Ridley of the High Court said the pier must reopen.", "Justice", "High Court"),
    ("Senator Emma Ridley of Kentside said the pier must reopen.", "Senator", None),  # a seat, no body
])
def test_titled_person_of_body(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """_person_of_body also after a title: "Professor X of the Y said": X speaks, Y is the organization
    (before, the body took the quotation)."""
    q = next(q for q in extractor.extract(text) if "pier must reopen" in q.text)
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role, q.speaker.organization) == ("Emma Ridley", role, org)


@pytest.mark.parametrize("text", [
    "Emma Ridley, prosecuting, told the court the pier must reopen.",
    "Emma Ridley, defending, said the pier must reopen.",
    "Emma Ridley, for the prosecution, said the pier must reopen.",
])
def test_court_counsel_shapes(extractor: Extractor, text: str) -> None:
    """UK court reports: "X, prosecuting, told the court": X speaks, and "prosecuting" (what X does in
    the case, not a title the article gives) makes no role."""
    q = next(q for q in extractor.extract(text) if "pier must reopen" in q.text)
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role) == ("Emma Ridley", None)


@pytest.mark.parametrize(("text", "role", "org"), [
    ("“The pier must reopen,” a Treasury spokesman said.", "spokesman", "Treasury"),
    ("“The pier must reopen,” said a Treasury press officer.", "press officer", "Treasury"),
    ("“The pier must reopen,” said an Acme Bank spokeswoman.", "spokeswoman", "Acme Bank"),
])
def test_without_body(extractor: Extractor, text: str, role: str, org: str) -> None:
    """_without_body: an unnamed speaker's title loses its body's name ("a Treasury spokesman":
    spokesman, Treasury), as the role gold writes it."""
    q = find_quote(extractor.extract(text), "The pier must reopen")
    assert q.speaker is not None
    assert (q.speaker.role, q.speaker.organization) == (role, org)


@pytest.mark.parametrize(("text", "role", "org"), [
    (f"{SAID}Harold Pennock, the army chief.", "army chief", None),
    (f"{SAID}Harold Pennock, the Acme chief.", "chief", "Acme"),
    (f"{SAID}Harold Pennock, the Acme chief executive.", "chief executive", "Acme"),
])
def test_bare_head(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    """_bare_head: "chief" is a title's head where no title word follows it ("the army chief", "the
    Acme chief"), not only the start of "chief executive"."""
    assert _speaker_of(extractor, text)[:3] == ("Harold Pennock", role, org)


@pytest.mark.parametrize(("text", "role"), [
    ("Brig Emma Ridley said the pier must reopen.", "Brig"),
    ("Lt Col Emma Ridley said the pier must reopen.", "Lt Col"),
    ("“The pier must reopen,” said Wg Cdr Emma Ridley.", "Wg Cdr"),
])
def test_abbreviated_military_ranks(extractor: Extractor, text: str, role: str) -> None:
    """Armed forces ranks abbreviated without full stops (roles.txt) are titles, not part of the name."""
    q = next(q for q in extractor.extract(text) if "pier must reopen" in q.text)
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role) == ("Emma Ridley", role)


@pytest.mark.parametrize(("text", "role", "org"), [
    # No owner: the religion or ethnicity adjective is part of the description, not a body.
    ("“A staffer made a mistake,” said Peter Lee, a Christian conservative leader in Kentside.",
     "Christian conservative leader", None),
    # After an owner it describes the holder of an office: neither body nor role.
    ("“A staffer made a mistake,” said Peter Lee, Kentside's Muslim mayor.", "mayor", "Kentside"),
    # Before the name too.
    ("“A staffer made a mistake,” said Muslim community leader Peter Lee.", "Muslim community leader", None),
])
def test_identity_adjective_without_owner(extractor: Extractor, text: str, role: str, org: str | None) -> None:
    q = next(q for q in extractor.extract(text) if "staffer" in q.text)
    assert q.speaker is not None and (q.speaker.role, q.speaker.organization) == (role, org)


@pytest.mark.parametrize(("text", "role"), [
    ("Even the day after the debate, the presidential candidate holding the spotlight was Harold Trent. "
     "“We won,” Trent said.", "presidential candidate"),
    ("The mayor said the winner was Harold Trent. “We won,” Trent said.", None),
    ("The problem was Harold Trent. “We won,” Trent said.", None),
])
def test_title_before_copula(extractor: Extractor, text: str, role: str | None) -> None:
    """"…, the presidential candidate holding the spotlight was X": the clause's definite title is X's;
    not across a finite verb ("the mayor said the winner was X"), nor for a word that is no title."""
    q = next(q for q in extractor.extract(text) if "We won" in q.text)
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == ("Harold Trent", role)
