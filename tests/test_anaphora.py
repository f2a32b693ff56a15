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


def speaker_of_quote(result: quotekit.Result, words: str) -> quotekit.Speaker | None:
    (q,) = [q for q in result if words in q.text]
    return q.speaker


def test_same_title_holder_not_another_office(extractor: quotekit.Extractor) -> None:
    text = ('Deputy Prime Minister Li Wei opened the bridge on Monday.\n\n'
            '"It is a great day," the prime minister said.')
    assert speaker_of(extractor.extract(text), "great day") != "Li Wei"


@pytest.mark.parametrize(("text", "words", "speaker", "role"), [
    # The prime minister speaks; named in the lead with no title.
    ("Ana Ruiz has rejected calls to resign over the housing plan.\n\n"
     "Opposition parties said the plan had failed.\n\n"
     '"We will build the homes," the prime minister said.', "build the homes", "Ana Ruiz", "prime minister"),
    # The title is given where the nominal does not speak.
    ("Tom Hale has promised a fair budget for the regions.\n\n"
     "The prime minister arrived in Leeds on Monday. Hale said the budget would help every town.",
     "help every town", "Tom Hale", "prime minister"),
])
def test_lead_person_for_title(extractor: quotekit.Extractor, text: str, words: str, speaker: str, role: str) -> None:
    sp = speaker_of_quote(extractor.extract(text), words)
    assert sp is not None and sp.name == speaker
    assert sp.role == role


@pytest.mark.parametrize(("text", "words"), [
    # Not an office: the judge is someone else than the man in the lead.
    ('John Smith was jailed for six years on Friday.\n\n"You are a danger to the public," the judge told him.',
     "danger to the public"),
    # The lead person is named in the nominal's own clause: someone else.
    ('Jo Bloggs has opened a cafe in the town.\n\n"It is a fine cafe," the mayor told Jo Bloggs.', "fine cafe"),
    ('Mary Bloggs has opened a cafe in the town. Mrs Bloggs said it took a year.\n\n'
     '"It is a fine cafe," the mayor told Mrs Bloggs.', "fine cafe"),
    # A nominal that names its place goes only to a person named with that place.
    ('Jo Bloggs has opened a cafe in the town.\n\n"It is a fine cafe," the Kentside mayor said.', "fine cafe"),
])
def test_lead_person_for_title_leaves_others(extractor: quotekit.Extractor, text: str, words: str) -> None:
    sp = speaker_of_quote(extractor.extract(text), words)
    assert sp is None or sp.name not in ("John Smith", "Jo Bloggs", "Mary Bloggs")


def test_previous_subject_for_title(extractor: quotekit.Extractor) -> None:
    text = ("Mayor Li Wei opened the debate on the harbour rules.\n\n"
            "Boats were kept in port for a week.\n\n"
            "Fishermen said the rules were too strict.\n\n"
            "The Harbour Society's Jane Roe said the rules were old. "
            "The reform group's general secretary told reporters the change was overdue.")
    sp = speaker_of_quote(extractor.extract(text), "change was overdue")
    assert sp is not None and sp.name == "Jane Roe"
    assert sp.role == "general secretary"


@pytest.mark.parametrize(("text", "names", "roles"), [
    # A title no mention holds gives its role ("The chancellor would not comment").
    ("Peter Marsh has made an appeal for calm after reports of a split.\n\n"
     "The chancellor would not comment on the reports. Mr Marsh said he would not be distracted.",
     ["Peter Marsh"], ["chancellor"]),
    # Two untitled lead people: the one named before a title in its sentence is not that title's holder.
    ("Anna Weller and Peter Marsh are said to be at odds again.\n\n"
     "Ms Weller gave a speech that seemed meant to irritate the chancellor. "
     "The prime minister said the government was united. Mr Marsh said the plan would work.",
     ["Anna Weller", "Peter Marsh"], ["prime minister", "chancellor"]),
])
def test_bare_office_titles(extractor: quotekit.Extractor, text: str, names: list[str], roles: list[str]) -> None:
    result = extractor.extract(text)
    got = {s.name: s.role for s in result.speakers}
    assert [got.get(n) for n in names] == roles


@pytest.mark.parametrize(("text", "name", "role", "org"), [
    # A past office with its organization: an epithet for the person of the sentence before.
    ("The show's real star is Martin Hale, in the judge's seat.\n\n"
     "The former Gazette editor dispensed a stream of insults. "
     '"I care about myself," Mr Hale told one singer.', "Martin Hale", "former editor", "Gazette"),
    # An office with its organization: the person the text names with that organization.
    ("Human rights groups have failed, Harbour Watch's Anna Weller said on Monday.\n\n"
     '"The movement faces a crisis," she said. Governments did not act.\n\n'
     "The Harbour Watch chairwoman said public outrage was missing.", "Anna Weller", "chairwoman", "Harbour Watch"),
])
def test_office_title_with_organization(extractor: quotekit.Extractor, text: str, name: str, role: str, org: str) -> None:
    got = {s.name: s for s in extractor.extract(text).speakers}
    assert name in got
    assert (got[name].role, got[name].organization) == (role, org)


@pytest.mark.parametrize("text", [
    "Ana Ruiz opened the new library on Monday.\n\nThe next mayor will decide its budget. Ms Ruiz said it would open daily.",
    "Ana Ruiz opened the new library on Monday.\n\nThe only candidate left is a banker. Ms Ruiz said it would open daily.",
])
def test_non_anaphoric_modifiers(extractor: quotekit.Extractor, text: str) -> None:
    """'the next mayor', 'the only candidate' describe someone, they do not point back to Ana Ruiz."""
    (sp,) = [s for s in extractor.extract(text).speakers if s.name == "Ana Ruiz"]
    assert sp.role is None


def org_of(result: quotekit.Result, name: str) -> str | None:
    (sp,) = [s for s in result.speakers if s.name == name]
    return sp.organization


@pytest.mark.parametrize(("text", "name", "org"), [
    # The title after a possessive nominal, before a comma and the name.
    ("The Guild of Harbour Pilots said its members would stop work.\n\n"
     "'We have no choice,' said the guild's general secretary, Tessa Marlowe.", "Tessa Marlowe", "Guild of Harbour Pilots"),
    # An appositive after the name.
    ("Pupils at Brookmere Primary School will get free lunches.\n\n"
     "Ann Cobley, the school's headteacher, said the scheme would help families.", "Ann Cobley", "Brookmere Primary School"),
    # "Its": the one body named in the sentence before.
    ("Eastmoor Ferries Ltd said it would cut two sailings. Its operations director, Neil Varga, said fuel costs had doubled.",
     "Neil Varga", "Eastmoor Ferries Ltd"),
    # A noun that implies the body's name ending: "the force" is "... Constabulary".
    ("Westdale Constabulary will close three stations.\n\n"
     "The force's deputy chief constable, Ruth Okafor, said the buildings were too costly.", "Ruth Okafor", "Westdale Constabulary"),
])
def test_possessive_owner(extractor: quotekit.Extractor, text: str, name: str, org: str) -> None:
    assert org_of(extractor.extract(text), name) == org


@pytest.mark.parametrize(("text", "org"), [
    ("Westdale Constabulary will close three stations.\n\nA spokesman for the force said the buildings were too costly.",
     "Westdale Constabulary"),
    ("Pellham Bus Company raised fares on Monday.\n\nA spokeswoman for the company said costs had risen.", "Pellham Bus Company"),
])
def test_for_owner(extractor: quotekit.Extractor, text: str, org: str) -> None:
    result = extractor.extract(text)
    (q,) = list(result)
    assert q.speaker is not None and q.speaker.organization == org


@pytest.mark.parametrize("text", [
    # Two named unions: which one "the union" is cannot be told.
    "The Union of Harbour Pilots met the Union of Dock Porters.\n\n"
    "Tessa Marlowe, the union's general secretary, said talks had failed.",
    # "Its" after a sentence naming two bodies.
    "Eastmoor Ferries Ltd and Pellham Bus Company said they would merge. "
    "Its operations director, Neil Varga, said fuel costs had doubled.",
])
def test_named_body_for_abstains(extractor: quotekit.Extractor, text: str) -> None:
    result = extractor.extract(text)
    names = [s for s in result.speakers if s.name in ("Tessa Marlowe", "Neil Varga")]
    assert names and all(s.organization is None for s in names)


@pytest.mark.parametrize(("text", "words", "body"), [
    # A name ending the noun implies: "the force" is "... Constabulary".
    ("Ashmoor Constabulary will hire 40 call handlers this year.\n\n"
     "The force said the first recruits would start in June.", "first recruits", "Ashmoor Constabulary"),
    # The noun heads the name before "of".
    ("The Guild of Tram Drivers balloted its members in May.\n\n"
     "Talks failed on Friday. The guild said two more stoppages could follow.", "more stoppages", "Guild of Tram Drivers"),
    # The noun ends the name; lower-case words of the nominal are in it.
    ("Redwater Housing Trust runs 4,000 homes in the valley.\n\n"
     "The housing trust said repairs would take a year.", "repairs would take", "Redwater Housing Trust"),
])
def test_definite_body_nominal(extractor: quotekit.Extractor, text: str, words: str, body: str) -> None:
    sp = speaker_of_quote(extractor.extract(text), words)
    assert sp is not None and (sp.name, sp.type) == (body, "organization")


@pytest.mark.parametrize(("text", "words"), [
    # Two named forces: which one "the force" is cannot be told.
    ("Ashmoor Constabulary and Bexley Police will share a control room.\n\n"
     "The force said the first recruits would start in June.", "first recruits"),
    # A nominal with a name of its own is another body.
    ("The Guild of Tram Drivers balloted its members in May.\n\n"
     "The Ferrow guild said two more stoppages could follow.", "more stoppages"),
])
def test_definite_body_nominal_abstains(extractor: quotekit.Extractor, text: str, words: str) -> None:
    sp = speaker_of_quote(extractor.extract(text), words)
    assert sp is None or sp.name not in ("Ashmoor Constabulary", "Bexley Police", "Guild of Tram Drivers")


@pytest.mark.parametrize(("text", "name", "org"), [
    # "Its" after a body named in apposition, with no body word in its name.
    ("Parents have set up a campaign group, Keep Ferrow Green, and 300 people signed its petition. "
     "Its chairman, Tom Lale, said families had not been warned.", "Tom Lale", "Keep Ferrow Green"),
    # "the charity's" for a charity named in apposition.
    ("Volunteers run the charity, Warm Lofts Northam, from a church hall.\n\n"
     "The charity's director, Ruth Okafor, said demand had doubled.", "Ruth Okafor", "Warm Lofts Northam"),
])
def test_appositive_body_noun(extractor: quotekit.Extractor, text: str, name: str, org: str) -> None:
    assert org_of(extractor.extract(text), name) == org


def test_appositive_body_noun_speaks(extractor: quotekit.Extractor) -> None:
    text = ("Residents formed a protest group, Hands Off Millbrook, last spring.\n\n"
            "The group said the road would split the village.")
    sp = speaker_of_quote(extractor.extract(text), "split the village")
    assert sp is not None and (sp.name, sp.type) == ("Hands Off Millbrook", "organization")


def test_appositive_body_noun_not_a_person(extractor: quotekit.Extractor) -> None:
    text = "Talks were broken off by the union, Jo Roe said."
    sp = speaker_of_quote(extractor.extract(text), "broken off")
    assert sp is not None and (sp.name, sp.type) == ("Jo Roe", "person")


@pytest.mark.parametrize(("text", "name", "role", "org"), [
    # A capitalised title after a possessive nominal is the whole title, held by the one named holder.
    ("Ashmoor Constabulary will hire 40 call handlers, the force's Chief Constable has announced.\n\n"
     "Speaking on Monday, Chief Constable Jo Pell said the public had been let down.",
     "Jo Pell", "Chief Constable", "Ashmoor Constabulary"),
    ("The Kestrel Valley Trust will close two reserves, the trust's Chief Executive has announced.\n\n"
     "Chief Executive Dan Reyes said visitor numbers had halved.", "Dan Reyes", "Chief Executive", "Kestrel Valley Trust"),
])
def test_whole_capitalised_title(extractor: quotekit.Extractor, text: str, name: str, role: str, org: str) -> None:
    (sp,) = [s for s in extractor.extract(text).speakers if s.name == name]
    assert (sp.role, sp.organization) == (role, org)


def test_definite_body_nominal_keeps_its_pronouns(extractor: quotekit.Extractor) -> None:
    text = ("The Guild of Tram Drivers balloted its members in May.\n\n"
            "The guild said two more stoppages could follow. It said talks were over.")
    result = extractor.extract(text)
    for words in ("more stoppages", "talks were over"):
        sp = speaker_of_quote(result, words)
        assert sp is not None and sp.name == "Guild of Tram Drivers"


@pytest.mark.parametrize(("text", "name", "org"), [
    # "the union" for a union named "... Alliance" or "... Association".
    ('The Harbour Nurses Alliance said it had not been consulted.\n\n'
     '"We have heard this before," said Jo Pell, the union\'s president.', "Jo Pell", "Harbour Nurses Alliance"),
    ('The Tramways Staff Association balloted its members.\n\n'
     '"Enough is enough," said the union\'s secretary, Dan Reyes.', "Dan Reyes", "Tramways Staff Association"),
])
def test_possessive_owner_union_names(extractor: quotekit.Extractor, text: str, name: str, org: str) -> None:
    assert org_of(extractor.extract(text), name) == org


@pytest.mark.parametrize(("text", "name", "org"), [
    # The holder's title has no organization; the same title written later with one gives it.
    ("Founder Jo Pell said the shop would stay open.\n\nThe Acme Stores founder added that prices would not rise.",
     "Jo Pell", "Acme Stores"),
    ('Chief executive Dan Reyes said profits were up.\n\n"It was a good year," the Bexco chief executive said.',
     "Dan Reyes", "Bexco"),
])
def test_same_title_holder_takes_organization(extractor: quotekit.Extractor, text: str, name: str, org: str) -> None:
    assert org_of(extractor.extract(text), name) == org


@pytest.mark.parametrize(("text", "role", "org"), [
    # An age makes the nominal an epithet for the story's person, whatever its organization.
    ("Mark Bloggs said on Friday he had met the minister in Macau.\n\n"
     "The 82-year-old Bexco Holdings chairman made the comments after a dinner.\n\n"
     '"We talked about trade," Bloggs said.', "chairman", "Bexco Holdings"),
    ("Mark Bloggs said on Friday he had met the minister in Macau.\n\n"
     "The 82-year-old chairman of Bexco Holdings, the largest casino firm in the region, made the comments after a dinner.\n\n"
     '"We talked about trade," Bloggs said.', "chairman", "Bexco Holdings"),
])
def test_aged_epithet(extractor: quotekit.Extractor, text: str, role: str, org: str) -> None:
    (sp,) = [s for s in extractor.extract(text).speakers if s.name == "Mark Bloggs"]
    assert (sp.role, sp.organization) == (role, org)


def test_bare_office_title_with_age(extractor: quotekit.Extractor) -> None:
    text = ("Mark Bloggs flew to Paris on Friday for talks on the budget.\n\n"
            "Officials said the 54-year-old chancellor would not comment on the figures.\n\n"
            '"We talked about trade," Bloggs said.')
    (sp,) = [s for s in extractor.extract(text).speakers if s.name == "Mark Bloggs"]
    assert sp.role == "chancellor"


def test_aged_epithet_needs_a_definite_article(extractor: quotekit.Extractor) -> None:
    text = ("Mark Bloggs said on Friday he had met the minister in Macau.\n\n"
            "An 82-year-old Bexco Holdings chairman made the comments after a dinner.\n\n"
            '"We talked about trade," Bloggs said.')
    (sp,) = [s for s in extractor.extract(text).speakers if s.name == "Mark Bloggs"]
    assert sp.organization is None


def role_of(result: quotekit.Result, name: str) -> tuple[str | None, str | None]:
    (sp,) = [s for s in result.speakers if s.name == name]
    return sp.role, sp.organization


@pytest.mark.parametrize(("text", "name", "role"), [
    # Staff speak of their principal: the owner of "spokesman" is the prime minister.
    ("Ana Ruiz said she would not meet Tom Hale, who had called her rude.\n\n"
     '"She is wrong," Ms Ruiz said.\n\n'
     "Hale’s spokesman said the prime minister stood by his remarks. "
     '"I meant it," Hale said later.', "Tom Hale", "prime minister"),
    ("Ana Ruiz said on Monday that she would win in March. Tom Hale said she would not.\n\n"
     '"We will win," Ruiz said.\n\n'
     "Hale's campaign manager declined to discuss the candidate's latest attacks. "
     '"We have a plan," Hale said.', "Tom Hale", "candidate"),
])
def test_possessor_for_title(extractor: quotekit.Extractor, text: str, name: str, role: str) -> None:
    assert role_of(extractor.extract(text), name)[0] == role


def test_possessor_for_title_not_the_lead_person(extractor: quotekit.Extractor) -> None:
    text = ("Ana Ruiz said she would not meet Tom Hale, who had called her rude.\n\n"
            '"She is wrong," Ms Ruiz said.\n\n'
            "Hale’s spokesman said the prime minister stood by his remarks.")
    assert role_of(extractor.extract(text), "Ana Ruiz")[0] is None


def test_predicate_nominal(extractor: quotekit.Extractor) -> None:
    """'as the candidate' describes its clause's subject, not the story's lead person."""
    text = ("Ana Ruiz has won three of the four contests so far.\n\n"
            '"We will win," Ms Ruiz said.\n\n'
            "Governor Tom Hale has cast himself as the candidate of hope. "
            '"I am staying in," Ms Ruiz said.')
    assert role_of(extractor.extract(text), "Ana Ruiz")[0] is None


@pytest.mark.parametrize(("text", "role", "org"), [
    # A current office after a past title of another office: the current one, the place a seat.
    ("Ana Ruiz spoke first at the rally in Leeds.\n\n"
     "Former candidate Tom Hale, who backed Ruiz on Tuesday, said he agreed with her. "
     'The Kentside senator declined to say more. "It is too early," Hale said.', "senator", None),
])
def test_previous_subject_with_past_title(extractor: quotekit.Extractor, text: str, role: str, org: str | None) -> None:
    assert role_of(extractor.extract(text), "Tom Hale") == (role, org)


def test_past_title_of_the_same_office_is_not_current(extractor: quotekit.Extractor) -> None:
    text = ("Ana Ruiz spoke first at the rally in Leeds.\n\n"
            "Former senator Tom Hale, who backed Ruiz on Tuesday, said he agreed with her. "
            'The senator declined to say more. "It is too early," Hale said.')
    assert role_of(extractor.extract(text), "Tom Hale")[0] == "Former senator"


@pytest.mark.xfail(strict=True, reason="Speaker.role is the title nearest the quotations (tests/test_roles.py::"
                   "test_role_nearest_the_quotation keeps 'former nurse' there); the role golds' rule 8 wants the current one")
def test_current_title_outranks_past_one(extractor: quotekit.Extractor) -> None:
    """The role is the current title, not the past one written nearer the quotation."""
    text = ("Ana Ruiz spoke first at the rally in Leeds.\n\n"
            '"I agree with her," said former candidate Tom Hale, who backed Ruiz on Tuesday. '
            "The Kentside senator declined to say more about the race.\n\n"
            "Crowds stayed until late in the evening.")
    assert role_of(extractor.extract(text), "Tom Hale") == ("senator", None)


@pytest.mark.parametrize(("text", "role", "org"), [
    # A party's office, the party owning it: the story's person, not named with the party.
    ("Tom Hale smiled for the cameras outside the party offices.\n\n"
     "For an hour, the Liberal Party's presumptive nominee posed for photographs. "
     '"We are one party," Hale said.', "presumptive nominee", "Liberal Party"),
    ("Tom Hale smiled for the cameras outside the party offices.\n\n"
     "For an hour, the Labour leader posed for photographs. "
     '"We are one party," Hale said.', "leader", "Labour"),
])
def test_party_title(extractor: quotekit.Extractor, text: str, role: str, org: str) -> None:
    assert role_of(extractor.extract(text), "Tom Hale") == (role, org)


@pytest.mark.parametrize("text", [
    # A title that owns something in passing, with the story's person out of sight.
    ("A new book on the town.\n\n"
     "Tom Reed asked the novelist Ann Roe about her new book on Monday.\n\n"
     '"It is about power," Roe said.\n\n'
     "Her last book was a history of the town. Its readers were few. "
     "The writer lays out the mayor's core beliefs in one long chapter.\n\n"
     "Reed said the book was a success."),
])
def test_passing_owner(extractor: quotekit.Extractor, text: str) -> None:
    assert role_of(extractor.extract(text), "Tom Reed")[0] is None


def test_passing_owner_in_sight(extractor: quotekit.Extractor) -> None:
    """The story's person named in the sentence before: the title is theirs."""
    text = ("Fares to fall.\n\n"
            "Tom Reed has promised to cut bus fares in the city.\n\n"
            "Voters cheered Reed at the rally. Critics dismissed the mayor's core beliefs as naive.\n\n"
            '"We will win," Reed said.')
    assert role_of(extractor.extract(text), "Tom Reed")[0] == "mayor"


@pytest.mark.parametrize(("text", "words", "speaker"), [
    # An abbreviated title before the name is the same office as the title written out.
    ("Ana Ruiz opposed the new tax on boats.\n\nGov. Tom Hale signed it into law on Monday.\n\n"
     '"It is law now," the governor said.', "law now", "Tom Hale"),
    ("Ana Ruiz opposed the new tax on boats.\n\nSen. Tom Hale voted for it on Monday.\n\n"
     '"It is a fair tax," the senator said.', "fair tax", "Tom Hale"),
])
def test_same_title_holder_abbreviated(extractor: quotekit.Extractor, text: str, words: str, speaker: str) -> None:
    assert speaker_of(extractor.extract(text), words) == speaker


@pytest.mark.parametrize(("text", "role", "org"), [
    # An epithet before the title is resolved only by a later nominal; it gives the organization.
    ("Tom Hale Says Talks Will Fail.\n\nTom Hale said he would not meet Ana Ruiz because the Kentish prime minister "
     'had called him reckless.\n\n"We will not talk," Hale said.\n\n'
     "Ruiz's spokesman said the prime minister stood by her words.\n\n"
     '"He is a danger to peace," Ruiz said.', "prime minister", "Kentish"),
    ("Tom Hale said he would not meet Ana Ruiz because the French president had called him reckless.\n\n"
     '"We will not talk," Hale said.\n\nRuiz\'s spokesman said the president stood by her words.\n\n'
     '"He is a danger to peace," Ruiz said.', "president", "French"),
])
def test_later_title_holder(extractor: quotekit.Extractor, text: str, role: str, org: str) -> None:
    assert role_of(extractor.extract(text), "Ana Ruiz") == (role, org)
    assert role_of(extractor.extract(text), "Tom Hale") == (None, None)


def _judge_story(nominal: str) -> str:
    return ("Tom Hale Attacks Judge.\n\nTom Hale called on Monday for Judge Ana Ruiz to step down over her ruling "
            f'on the port.\n\n"The judge has shamed the court," {nominal} wrote in a message to supporters.\n\n'
            "Ruiz did not reply.")


@pytest.mark.parametrize(("nominal", "role", "party"), [
    # A party-led office title read as the party's name is the story's person speaking.
    ("the Republican gubernatorial nominee", "gubernatorial nominee", "Republican"),
    ("the Conservative mayoral nominee", "mayoral nominee", "Conservative"),
])
def test_party_nominal(extractor: quotekit.Extractor, nominal: str, role: str, party: str) -> None:
    sp = speaker_of_quote(extractor.extract(_judge_story(nominal)), "shamed the court")
    assert sp is not None and (sp.name, sp.role, sp.organization, sp.party) == ("Tom Hale", role, party, party)


def test_party_nominal_not_an_office(extractor: quotekit.Extractor) -> None:
    """A party member who holds no office is someone else."""
    assert speaker_of(extractor.extract(_judge_story("the young Liberal activist")), "shamed the court") != "Tom Hale"


def test_given_title_offsets_cover_the_mention(extractor: quotekit.Extractor) -> None:
    """A title given by a nominal is at the whole nominal, as every other title is at its mention
    (the nearest title to the quotations is measured from there)."""
    text = ("Ana Ruiz Wins Race.\n\nAna Ruiz won the race for mayor on Sunday.\n\n"
            "Former candidate Tom Hale, who backed Ruiz on Tuesday, said he agrees with her plan.\n\n"
            "The Kentside senator declined to say more about the race.")
    sp = speaker_of_quote(extractor.extract(text), "agrees with her plan")
    assert sp is not None
    assert [text[r.start:r.end] for r in sp.roles if r.role == "senator"] == ["The Kentside senator"]


@pytest.mark.parametrize(("epithet", "org"), [
    ("The 82-year-old chief executive made his comments on Friday.", None),
    ("The 82-year-old chief executive of Acme Sands Corp made his comments on Friday.", "Acme Sands Corp"),
    ("The 82-year-old chief executive of Acme Sands Corp, the biggest casino group in the world, "
     "made his comments on Friday.", "Acme Sands Corp"),
])
def test_aged_nominal_with_body(extractor: quotekit.Extractor, epithet: str, org: str | None) -> None:
    """An age is one modifier of the nominal it opens, and the body after its title's "of" is the
    holder's organization: the age marks an epithet for the person just named."""
    text = ("Harold Adelman said he had met the candidate.\n\nAdelman also owns a newspaper.\n\n"
            f'{epithet}\n\n"We like it," Adelman said.')
    sp = speaker_of_quote(extractor.extract(text), "We like it")
    assert sp is not None and sp.name == "Harold Adelman"
    assert (sp.role, sp.organization) == ("chief executive", org)


def test_body_of_office_needs_a_named_body(extractor: quotekit.Extractor) -> None:
    """"The chancellor of the exchequer": no body is named after the title's "of"."""
    text = ("Harold Adelman said he had met the candidate.\n\nAdelman also owns a newspaper.\n\n"
            'The 82-year-old chairman of the board made his comments on Friday.\n\n"We like it," Adelman said.')
    sp = speaker_of_quote(extractor.extract(text), "We like it")
    assert sp is not None and (sp.role, sp.organization) == ("chairman", None)


@pytest.mark.parametrize("sentence", [
    "The former secretary of state’s approach has won over the mayor.",
    "The former secretary of state was told of her duty to protect the files.",
])
def test_office_of_phrase(extractor: quotekit.Extractor, sentence: str) -> None:
    """An office title an "of" phrase completes ("secretary of state") is the whole title the
    nominal gives, not its head word."""
    text = f'Margaret Hale visited Kentside on Monday.\n\n{sentence}\n\n"We need help," Hale said.'
    sp = speaker_of_quote(extractor.extract(text), "We need help")
    assert sp is not None and (sp.name, sp.role) == ("Margaret Hale", "former secretary of state")


@pytest.mark.parametrize(("nominal", "role"), [
    ("the 24-year-old", None),
    ("the striker", "striker"),
    ("the gambling tycoon", None),
])
def test_previous_person_for_epithet(extractor: quotekit.Extractor, nominal: str, role: str | None) -> None:
    """"Marcus Hale scored twice. “…,” the 24-year-old said": an age or an epithet is the one
    person named in the sentence before, and an epithet's title is that person's role."""
    text = ("Kentside United beat Easton 2-0 on Saturday.\n\nMarcus Hale scored twice in the second half.\n\n"
            f'"It was a great day for the club," {nominal} said.')
    r = extractor.extract(text)
    sp = speaker_of_quote(r, "great day")
    assert sp is not None and (sp.name, sp.role) == ("Marcus Hale", role)
    assert [s.name for s in r.speakers] == ["Marcus Hale"]


@pytest.mark.parametrize("text", [
    # Two people named in the sentence before: which one cannot be told.
    'Marcus Hale and Peter Lee scored in the second half.\n\n"It was a great day," the striker said.',
    # A job usually held by someone else than the person just named.
    'Marcus Hale scored twice in the second half.\n\n"It was a great day," the manager said.',
    # Nobody is named in the three sentences before.
    'Marcus Hale scored twice.\n\nThe crowd sang.\n\nThe rain fell.\n\nThe lights went out.\n\n'
    '"It was a great day," the striker said.',
])
def test_previous_person_for_epithet_leaves_unclear_ones(extractor: quotekit.Extractor, text: str) -> None:
    sp = speaker_of_quote(extractor.extract(text), "great day")
    assert sp is None or sp.name not in ("Marcus Hale", "Peter Lee")


@pytest.mark.parametrize(("before", "nominal", "speaker"), [
    ("Marcus Hale scored twice as Kentside beat Ashby 3-1 on Saturday.", "the 28-year-old", "Marcus Hale"),
    ("Former world champion Laura Penn returned to the track in Berlin on Sunday.", "the former champion",
     "Laura Penn"),
    ("Victor Hale, the founder of the bakery chain Crumbs, opened his tenth shop.", "the businessman",
     "Victor Hale"),
])
def test_one_full_named_person(extractor: quotekit.Extractor, before: str, nominal: str, speaker: str) -> None:
    """"Marcus Hale scored twice as Kentside beat Ashby": the one person named in full in a sentence
    that also names places or firms in one word is the person an epithet after it stands for."""
    r = extractor.extract(f'{before}\n\n"It was a proper day for us," {nominal} said.')
    sp = speaker_of_quote(r, "proper day")
    assert sp is not None and sp.name == speaker


@pytest.mark.parametrize("before", [
    # Two people named in full: which one cannot be told.
    "Marcus Hale scored twice after Peter Lee was sent off in Ashby.",
    # A lone first name of a known sex is another person.
    "Marcus Hale passed to Sarah in the final minute at Ashby.",
])
def test_one_full_named_person_leaves_unclear_ones(extractor: quotekit.Extractor, before: str) -> None:
    r = extractor.extract(f'{before}\n\n"It was a proper day for us," the 28-year-old said.')
    sp = speaker_of_quote(r, "proper day")
    assert sp is None or sp.name not in ("Marcus Hale", "Peter Lee", "Sarah")


@pytest.mark.parametrize(("before", "nominal"), [
    ("Sofia Lind has won the Kentside marathon for a third time.", "the three-time winner"),
    ("Rachel Orme said her son had been bullied at school.", "the mother-of-three"),
    ("Kevin Dunn said he had not been in the house that night.", "the defendant"),
    ("Grace Lomax played the sonata from memory.", "the pianist"),
    ("Owen Castle scored a late winner.", "the footballer"),
])
def test_epithet_words(extractor: quotekit.Extractor, before: str, nominal: str) -> None:
    """Epithets of sport, culture and court pages ("the three-time winner", "the pianist",
    "the defendant") and a parent named by their children ("the mother-of-three") are the person
    just named."""
    r = extractor.extract(f'{before}\n\n"It was a proper day for us," {nominal} said.')
    sp = speaker_of_quote(r, "proper day")
    assert sp is not None and sp.name == before.split(" ", 2)[0] + " " + before.split(" ", 2)[1]


@pytest.mark.parametrize(("before", "nominal", "speaker", "role"), [
    ("Kentside manager Peter Lee praised his side after the win.", "the Kentside boss", "Peter Lee", "manager"),
    ("Chief executive Nadia Sharif said trading had been tough.", "the boss", "Nadia Sharif", "Chief executive"),
    ("Union general secretary Alan Crewe met the minister.", "the union boss", "Alan Crewe", None),
])
def test_boss_title_holder(extractor: quotekit.Extractor, before: str, nominal: str, speaker: str,
                           role: str | None) -> None:
    """"Kentside manager Peter Lee … the Kentside boss said": "boss" is the one named person whose
    title news calls so, who keeps their own title (where the row gives one)."""
    r = extractor.extract(f'{before}\n\n"It was a proper day for us," {nominal} said.')
    sp = speaker_of_quote(r, "proper day")
    assert sp is not None and sp.name == speaker
    assert role is None or sp.role == role


def test_boss_title_holder_leaves_two_bosses(extractor: quotekit.Extractor) -> None:
    """Two managers named before "the boss": which one cannot be told."""
    text = ('Kentside manager Peter Lee and Ashby manager Owen Castle shook hands.\n\n'
            '"It was a proper day for us," the boss said.')
    sp = speaker_of_quote(extractor.extract(text), "proper day")
    assert sp is None or sp.name not in ("Peter Lee", "Owen Castle")


@pytest.mark.parametrize("opener", ["Writing on Instagram,", "Speaking on Monday,"])
def test_epithet_after_an_opening_phrase(extractor: quotekit.Extractor, opener: str) -> None:
    """"Helen Voss has cancelled her tour. Writing on Instagram, the singer said": a one-word name
    in an opening phrase of the epithet's own sentence names no one."""
    text = f'Helen Voss has cancelled her tour.\n\n{opener} the singer said: "I am so sorry to everyone."'
    sp = speaker_of_quote(extractor.extract(text), "so sorry")
    assert sp is not None and sp.name == "Helen Voss"


@pytest.mark.parametrize(("before", "nominal", "speaker"), [
    ("Ruth Gale taught at Ashby Academy for 30 years.", "the former teacher", "Ruth Gale"),
    ("Kevin Bright served in the army for a decade.", "the former soldier", "Kevin Bright"),
])
def test_epithet_past_occupation(extractor: quotekit.Extractor, before: str, nominal: str, speaker: str) -> None:
    """"Ruth Gale taught at Ashby Academy … the former teacher said": a past occupation is the one
    person named before it, also beside an organization's name of more than one word."""
    r = extractor.extract(f'{before}\n\n"It was a proper day for us," {nominal} said.')
    sp = speaker_of_quote(r, "proper day")
    assert sp is not None and sp.name == speaker


@pytest.mark.xfail(strict=True, reason="stage 3 reads 'the ex-officer' as 'officer' alone and "
                   "'the Olympian' as a name, and 'the detective' heads no title of its holder "
                   "('Detective Inspector'): issue 21, not resolved yet")
@pytest.mark.parametrize(("before", "nominal", "speaker"), [
    ("Liam Oduya, a former police officer, was convicted of misconduct.", "the ex-officer", "Liam Oduya"),
    ("The Olympic champion Nadia Frey has announced her retirement.", "the Olympian", "Nadia Frey"),
    ("Detective Inspector Sofia Grant is leading the inquiry.", "the detective", "Sofia Grant"),
])
def test_epithet_known_misses(extractor: quotekit.Extractor, before: str, nominal: str, speaker: str) -> None:
    r = extractor.extract(f'{before}\n\n"It was a proper day for us," {nominal} said.')
    sp = speaker_of_quote(r, "proper day")
    assert sp is not None and sp.name == speaker


def test_later_holder_yields_to_previous_subject(extractor: quotekit.Extractor) -> None:
    """"… not there for Pelk. The senator was rallying …" with Senator Ann Wells named only later:
    the untitled person of the sentence before is the senator, not the later holder."""
    text = ("Pelk offers a preview.\n\n"
            "The last time Bernard Pelk came to this city, he was running for president.\n\n"
            "The crowd was smaller on Friday, but they were not there for Pelk. The senator was rallying "
            "for a friend.\n\n"
            '"Where are you?" Pelk said.\n\n'
            "Senator Ann Wells backed the friend too.")
    sp = speaker_of_quote(extractor.extract(text), "Where are you")
    assert sp is not None and (sp.name, sp.role) == ("Bernard Pelk", "senator")


@pytest.mark.parametrize(("opening", "role"), [
    # The opening paragraphs name only titled people: the untitled lead comes one paragraph later.
    ("On Saturday, Sen. Tom Avery called on Gov. Ann Wells to resign.\n\n"
     "Three days later, Wells remains in office.\n\n", "former secretary of state"),
    # An untitled person in the opening paragraphs is the lead; a later one is not.
    ("On Saturday, Tom Avery called on the council to resign.\n\n"
     "Three days later, Avery remains angry.\n\n", None),
])
def test_lead_after_titled_openers(extractor: quotekit.Extractor, opening: str, role: str | None) -> None:
    text = ("Kentside water crisis shows a divide.\n\n" + opening +
            "On Thursday, Margaret Hale went on television to criticise the delay.\n\n"
            "Officials had told residents not to drink the water.\n\n"
            "The former secretary of state's approach has won over residents.\n\n"
            '"We must act," Hale said.')
    sp = speaker_of_quote(extractor.extract(text), "We must act")
    assert sp is not None and (sp.name, sp.role) == ("Margaret Hale", role)
