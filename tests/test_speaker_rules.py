"""Speakers on shapes where an earlier reading went wrong, in blank and trained modes: a clause's
subject after "said" is not the speaker, a restrictive "who", an opening phrase before the
subject, a fragment inside reported speech, a surname typed as an organization."""

from __future__ import annotations

import pytest

import quotekit
from quotekit import Rule
from quotekit._entities import Entity, _same


def speakers(result: quotekit.Result, kind: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in result if q.kind == kind]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The report, published on Monday, said Jane Okafor had misled the committee.", "The report"),
    ("A new study says Tom Reyes underestimated the cost of the bridge.", "A new study"),
])
def test_inverted_subject_is_not_the_clause_subject(extractor: quotekit.Extractor, text: str, speaker: str) -> None:
    assert speakers(extractor.extract(text), "indirect") == [speaker]


@pytest.mark.parametrize("text", [
    "The plan would fail, said Tom Reyes on Tuesday.",
    "The plan would fail, said Tom Reyes, who chairs the board.",
])
def test_inverted_subject_before_a_time_or_relative_clause(extractor: quotekit.Extractor, text: str) -> None:
    assert speakers(extractor.extract(text), "indirect") == ["Tom Reyes"]


def test_relative_who_without_comma(extractor: quotekit.Extractor) -> None:
    text = "He was answering a challenge from council leader Mara Quist who said the budget would not balance."
    assert speakers(extractor.extract(text), "indirect") == ["Mara Quist"]


def test_opening_phrase_before_the_subject(extractor: quotekit.Extractor) -> None:
    text = "Despite her doubts, Nadia Osei praised the scheme, saying she was confident it would work."
    assert speakers(extractor.extract(text), "indirect") == ["Nadia Osei"]


def test_nested_partial_goes_to_the_reporter(extractor: quotekit.Extractor) -> None:
    text = 'Jane Smith said the decision was "a disgrace" and would be challenged.'
    (q,) = [q for q in extractor.extract(text) if q.kind == "partial"]
    assert q.rule is Rule.NESTED
    assert q.speaker is not None and q.speaker.name == "Jane Smith"


def test_surname_joins_the_person_whatever_its_entity_type() -> None:
    person = Entity(["denise", "carrow"], "Denise Carrow", "person")
    assert _same(person, ["carrow"], "organization", frozenset())
    org = Entity(["harbour", "authority"], "Harbour Authority", "organization")
    assert not _same(org, ["authority"], "person", frozenset())


@pytest.mark.parametrize("text", [
    "Ann Lee denied the allegations, which she said had been made many times before.",
    "Ann Lee rejected what she said was a smear campaign by her rivals.",
])
def test_relative_pronoun_is_the_clause_subject(extractor: quotekit.Extractor, text: str) -> None:
    result = extractor.extract(text)
    assert [q.speaker.name if q.speaker else None for q in result if q.kind == "indirect"] == ["Ann Lee"]


@pytest.mark.parametrize("dash", ["―", "—", "–", "--"])
def test_dash_after(extractor: quotekit.Extractor, dash: str) -> None:
    text = (f"Readers wrote in after the debate. “The town deserves better.” {dash} Mara Quist "
            f"“Nobody asked us about the wall.” {dash} Tom Reyes\n\nThe council meets on Friday.")
    result = extractor.extract(text)
    assert [(q.rule, q.speaker.name if q.speaker else None) for q in result] == [
        (Rule.DASH, "Mara Quist"), (Rule.DASH, "Tom Reyes")]


def test_after_speaker_past_a_long_appositive(extractor: quotekit.Extractor) -> None:
    text = ("“It has the important virtue of being cheap,” Mara Quist, director of the Harbour Trust "
            "and a professor at the University of Kentside, said of the plan.")
    (q,) = extractor.extract(text)
    assert q.rule is Rule.AFTER and q.speaker is not None and q.speaker.name == "Mara Quist"


@pytest.mark.parametrize("name", ["Fergus MacRae", "Imogen Carlow", "Maureen Kilbride"])
def test_known_first_name_makes_a_person(extractor: quotekit.Extractor, name: str) -> None:
    text = f"{name} said the harbour wall would be rebuilt before the winter storms."
    (q,) = extractor.extract(text)
    assert q.speaker is not None and (q.speaker.name, q.speaker.type) == (name, "person")


def test_dash_after_glued_to_the_closing_mark(extractor: quotekit.Extractor) -> None:
    text = ("Readers wrote in. “The town deserves better. We are tired of waiting.”― Mara Quist "
            "“Nobody asked us about the wall.”― Tom Reyes\n\nThe council meets on Friday.")
    assert [(q.rule, q.speaker.name if q.speaker else None) for q in extractor.extract(text)] == [
        (Rule.DASH, "Mara Quist"), (Rule.DASH, "Tom Reyes")]


@pytest.mark.parametrize("verb", ["implored", "confided", "grumbled", "fumed"])
def test_manner_of_speaking_verbs_are_cues(extractor: quotekit.Extractor, verb: str) -> None:
    (q,) = extractor.extract(f"“Don't you care about the harbour?” {verb} Mara Quist, a local campaigner.")
    assert q.rule is Rule.AFTER and q.speaker is not None and q.speaker.name == "Mara Quist"


def test_described_name_after_the_quotation(extractor: quotekit.Extractor) -> None:
    (q,) = extractor.extract("“That was a total disaster,” a crestfallen Mr Lim confided to reporters.")
    assert (q.rule, q.kind) == (Rule.AFTER, "direct") and q.speaker is not None and q.speaker.name == "Lim"


@pytest.mark.parametrize(("text", "speaker"), [
    ('Opposition co-chairman Dana Whitfield mocked the launch, saying: "It was the worst acting I have seen."',
     "Dana Whitfield"),
    ('On Monday, deputy harbour master Tom Reyes told reporters: "The wall will hold."', "Tom Reyes"),
    ('Green party spokesman Tom Reyes likened the plan to "a child\'s drawing".', "Tom Reyes"),
])
def test_titled_name(extractor: quotekit.Extractor, text: str, speaker: str) -> None:
    """A party or title in front of a name that opens the sentence: the name is the subject."""
    (q,) = [q for q in extractor.extract(text) if q.kind != "indirect"]
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(("text", "mention"), [
    ('The memoir claims that Tom Reyes told Dana Whitfield: "I will never trust you again."', "Tom Reyes"),
    ('Mara Quist said the figures were wrong but she told the Kentside Gazette: "We will check every one."', "she"),
])
def test_verb_before_colon(extractor: quotekit.Extractor, text: str, mention: str) -> None:
    """"X told Y: “…”": whoever told, never the one told nor the sentence's first subject."""
    (q,) = [q for q in extractor.extract(text) if q.kind == "direct"]
    assert q.rule is Rule.BEFORE and q.speaker_mention is not None and q.speaker_mention.text == mention


@pytest.mark.parametrize(("text", "mention"), [
    ('"Why should the town pay for it?" the deputy mayor of Eastham asked.', "the deputy mayor of Eastham"),
    ('"Who decided this?" the Green MP for Kentside demanded.', "the Green MP for Kentside"),
])
def test_nominal_phrase(extractor: quotekit.Extractor, text: str, mention: str) -> None:
    """A noun phrase between the quotation and its cue is the speaker, the whole phrase."""
    (q,) = extractor.extract(text)
    assert q.rule is Rule.AFTER and q.speaker_mention is not None and q.speaker_mention.text == mention


def test_nominal_phrase_not_after_a_full_stop(extractor: quotekit.Extractor) -> None:
    """"“….” The Harbour Trust has said …" opens a new sentence: no inverted speaker."""
    text = 'Tom Reyes spoke at noon. "The pier is closed." The Harbour Trust has said it will reopen in May.'
    (q,) = [q for q in extractor.extract(text) if q.kind == "direct"]
    assert q.speaker_mention is None or q.speaker_mention.text != "The Harbour Trust"


def test_inverted_apposed_name(extractor: quotekit.Extractor) -> None:
    """"“…,” said the committee chairman, MP Tom Dale.": the name after the comma speaks, and the
    quotation paragraph after it goes on with him."""
    text = ('"We will not rewrite the rules," said the committee chairman, MP Tom Dale. '
            '"The harbour must answer to the town."\n\nThe board meets on Friday.')
    result = extractor.extract(text)
    assert [q.speaker.name if q.speaker else None for q in result] == ["Tom Dale"]


def test_unattributed_fragment_nests_in_reported_speech(extractor: quotekit.Extractor) -> None:
    """A fragment no rule attributed, inside reported speech, is the reporter's words."""
    text = 'The harbour trust\'s Mara Quist said the change was "long overdue" and that she expected a "warm response".'
    (q,) = [q for q in extractor.extract(text) if q.text == "warm response"]
    assert q.rule is Rule.NESTED and q.speaker is not None and q.speaker.name == "Mara Quist"


def test_inherit_follows_the_nested_fragment(extractor: quotekit.Extractor) -> None:
    """A quotation paragraph after a fragment that nesting gave to the reporter goes on with the
    reporter, not with the name the copula first found ("… Jo Dale was “…”")."""
    text = ('Mara Quist said the feud between Tom Reyes and Jo Dale was "getting in the way of good '
            'government". "They need to grow up and settle it."\n\nThe board met on Friday.')
    (q,) = [q for q in extractor.extract(text) if q.kind == "direct"]
    assert q.rule is Rule.INHERIT and q.speaker is not None and q.speaker.name == "Mara Quist"


def test_inverted_titled_name_past_hyphenated_words(extractor: quotekit.Extractor) -> None:
    text = '"Don\'t you care about the fish?", implored guitar-toting campaigner Barry Quist. He left.'
    (q,) = extractor.extract(text)
    assert q.rule is Rule.AFTER and q.speaker is not None and q.speaker.name == "Barry Quist"


@pytest.mark.parametrize(("text", "mention"), [
    ('"We live in a harbour town," my father often said. He left.', "my father"),
    ('"The charges are absurd," his lawyer said on Monday.', "his lawyer"),
    ('"We will appeal," said her lawyer, Tom Reyes.', "Tom Reyes"),
    ('"Nobody asked us," Lord Quist even said. He left.', "Lord Quist"),
])
def test_possessive_and_adverb_around_the_after_speaker(extractor: quotekit.Extractor, text: str, mention: str) -> None:
    """"“…,” his lawyer said", "“…,” my father often said": a possessive opens the speaker's
    noun phrase, and an adverb between it and the cue is neither."""
    (q,) = [q for q in extractor.extract(text) if q.kind == "direct"]
    assert q.rule is Rule.AFTER and q.speaker_mention is not None and q.speaker_mention.text == mention


def test_interrupted_quotation_after_a_made_speaker(extractor: quotekit.Extractor) -> None:
    """"“A,” the ad's narrator says, “B”": the phrase found after A is B's speaker too, and B
    joins A."""
    text = '"If it makes him smart," the ad\'s narrator says, "what does he think of you?" The ad ran on Monday.'
    (q,) = extractor.extract(text)
    assert len(q.parts) == 2 and q.speaker_mention is not None and q.speaker_mention.text == "the ad's narrator"


@pytest.mark.parametrize(("text", "mention"), [
    ('"We are ready," says Okafor\'s business partner, Dan Reyes.', "Dan Reyes"),
    ('"It is over," said Okafor\'s lawyer.', "Okafor's lawyer"),
])
def test_possessive_name_after_the_cue_is_not_the_speaker(extractor: quotekit.Extractor, text: str, mention: str) -> None:
    """"says X's Y" : Y speaks, never the possessor X."""
    (q,) = extractor.extract(text)
    assert q.rule is Rule.AFTER and q.speaker_mention is not None and q.speaker_mention.text == mention


def test_narration_subject(extractor: quotekit.Extractor) -> None:
    """A quotation after a sentence of narration about another person is that person's, not a
    continuation of the speaker before."""
    text = ('"The harbour is safe," said Irma Quist. Opinion was more divided over the new pier. '
            'Tom Reyes thought the builder deserved a second chance. "He could finish it by the spring."')
    result = extractor.extract(text)
    assert [q.speaker.name if q.speaker else None for q in result] == ["Irma Quist", "Tom Reyes"]


@pytest.mark.parametrize(("text", "mention"), [
    ("Said Tom Reyes, who runs a kiosk at Eastham Central: 'A week is a lost week.'", "Tom Reyes"),
    ("Jo Marsh told the meeting, which was held at Eastham Town Hall: 'We will be watching.'", "Jo Marsh"),
    ("Speaking at Eastham Central, Tom Reyes fired back: 'A week is a lost week.'", "Tom Reyes"),
])
def test_colon_clause_start(extractor: quotekit.Extractor, text: str, mention: str) -> None:
    """A relative clause before a colon belongs to the clause before it: the speaker is the
    subject of that clause's speech verb, not a name inside the relative clause."""
    (q,) = extractor.extract(text)
    assert q.speaker_mention is not None and q.speaker_mention.text == mention


@pytest.mark.parametrize(("text", "name"), [
    ("According to the harbour master's office, the pier will close in May.", "office"),
    ("According to the county attorney's office, the inquiry will take a year.", "office"),
    ("According to the deputy mayor's office, the bridge will reopen.", "office"),
    ("According to the harbour master, the pier will close in May.", "master"),
])
def test_according_source_possessed_head(extractor: quotekit.Extractor, text: str, name: str) -> None:
    """"according to the harbour master's office": the office speaks, not the harbour master."""
    (q,) = extractor.extract(text)
    assert q.speaker is not None and q.speaker.name == name


@pytest.mark.parametrize(("text", "name"), [
    ("According to battalion chief Marta Kowalski, strong winds had pushed the fire across the ridge. "
     "Kowalski said the crews were tired.", "Marta Kowalski"),
    ("According to the Harlow fire chief Dana Pike, the road was closed overnight.", "Dana Pike"),
    ("According to senior ranger Tomas Ebbe, the trail would stay shut until June.", "Tomas Ebbe"),
])
def test_according_source_titled_name(extractor: quotekit.Extractor, text: str, name: str) -> None:
    """"according to incident commander Jo Roe, …": the person named after the title words
    speaks (her full name), not a nominal headed by the surname ('kowalski')."""
    first = extractor.extract(text)[0]
    assert first.rule is Rule.ACCORDING_FIRST
    assert first.speaker is not None and first.speaker.name == name and first.speaker.type == "person"


@pytest.mark.parametrize(("text", "name"), [
    ("Harlow Savings and Dunmore Credit Union said on Monday that the banks would merge.",
     "Harlow Savings and Dunmore Credit Union"),
    ("PORTVILLE, Maine - Kestrel Foods and the Ardley Dairy Cooperative said the plant would close.",
     "Kestrel Foods and the Ardley Dairy Cooperative"),
    ("Jo Roe and Tom Lee said the plan would fail.", "Jo Roe and Tom Lee"),
    ("Jo Roe and Senator Tom Lee have both said the plan would fail.", "Jo Roe and Senator Tom Lee"),
])
def test_coordinated_subject(extractor: quotekit.Extractor, text: str, name: str) -> None:
    """Two names joined by "and" that open the clause speak together: one joint speaker named as
    the coordination is written, not the second name alone."""
    (q,) = extractor.extract(text)
    assert q.speaker is not None and q.speaker.name == name


@pytest.mark.parametrize(("text", "name"), [
    ("The Harbour Trust, Kentside Council and Acme Ltd said the works would stop.", "Acme Ltd"),
    ("Workers at Harlow Savings and Dunmore Credit Union said the branch would close.", None),
])
def test_coordinated_subject_abstains(extractor: quotekit.Extractor, text: str, name: str | None) -> None:
    """A list of three, and two names inside a longer subject, are not a joint speaker."""
    (q,) = extractor.extract(text)
    assert q.speaker is None or " and " not in q.speaker.name
    if name is not None:
        assert q.speaker is not None and q.speaker.name == name


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Harlow Savings and Dunmore Credit Union agreed to merge in May. In a joint statement, the two lenders "
     "said the deal would keep every branch open.", "Harlow Savings and Dunmore Credit Union", "organization"),
    ("Kestrel Foods and Ardley Dairy Cooperative signed the deal on Friday.\n\nBoth groups said prices would "
     "not rise this year.", "Kestrel Foods and Ardley Dairy Cooperative", "organization"),
    ("Jo Roe and Tom Lee were at the dock. Both men said the boats were late.", "Jo Roe and Tom Lee", "person"),
])
def test_pair_antecedent(extractor: quotekit.Extractor, text: str, name: str, kind: str) -> None:
    """"the two companies", "both groups", "the pair" after two names joined by "and" stand for
    the two together: one joint speaker, of the kind the names are."""
    (q,) = [q for q in extractor.extract(text) if q.kind == "indirect"]
    assert q.speaker is not None and (q.speaker.name, q.speaker.type) == (name, kind)


@pytest.mark.parametrize("text", [
    "Harlow Savings and Dunmore Credit Union agreed to merge. The two men said the deal was done.",
    "The ferry was late again on Monday. The two companies said the timetable would change.",
])
def test_pair_antecedent_abstains(extractor: quotekit.Extractor, text: str) -> None:
    """No pair of the nominal's kind before it: the nominal stays its own speaker."""
    (q,) = [q for q in extractor.extract(text) if q.kind == "indirect"]
    assert q.speaker is not None and " and " not in q.speaker.name


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Former harbour master Margaret Hale MP said the pier would close. Hale said the town would fight.",
     "Margaret Hale", "MP"),
    ("Thomas Lindqvist QC said the case against the ferry company was weak.", "Thomas Lindqvist", "QC"),
])
def test_name_before_title(extractor: quotekit.Extractor, text: str, name: str, role: str) -> None:
    """"Margaret Hale MP said": a person's name with a title after it is that person (named, with
    the title as role), not an unnamed "MP" whose organization is "Margaret Hale"."""
    result = extractor.extract(text)
    sp = result[0].speaker
    assert sp is not None and (sp.name, sp.role, sp.organization) == (name, role, None)
    assert all(q.speaker == sp for q in result)


@pytest.mark.parametrize(("text", "name"), [
    ('Kentside Rovers hit back on Monday, with club chairman Tomas Ebbe saying the fine was "unjust".', "Tomas Ebbe"),
    ('The Harbour Party replied, with Dana Pike accusing the council of "fiddling the figures".', "Dana Pike"),
])
def test_with_subject(extractor: quotekit.Extractor, text: str, name: str) -> None:
    """"…, with X saying …": the participle is X's, not the sentence subject's."""
    result = extractor.extract(text)
    assert result and all(q.speaker is not None and q.speaker.name == name for q in result)


@pytest.mark.parametrize(("text", "name"), [
    ("The Long Shore, by Marta Kowalski, says the harbour was sold in secret.", "Marta Kowalski"),
    ("The report, by the Harbour Trust, says repairs will cost millions.", "Harbour Trust"),
])
def test_by_author(extractor: quotekit.Extractor, text: str, name: str) -> None:
    """"The Long Shore, by Jo Roe, says …": a work speaks for its author."""
    (q,) = extractor.extract(text)
    assert q.speaker is not None and q.speaker.name == name


@pytest.mark.parametrize(("text", "name"), [
    ("Kestrel Foods and Ardley Dairy have opposed the plan for a year, saying it would cost jobs.",
     "Kestrel Foods and Ardley Dairy"),
    ("Kestrel Foods and Ardley Dairy, and three smaller firms, opposed the plan, saying it would cost jobs.", None),
])
def test_joint_after(extractor: quotekit.Extractor, text: str, name: str | None) -> None:
    """Two names joined by "and" opening the sentence are one joint subject of "…, saying";
    a longer list is not."""
    (q,) = extractor.extract(text)
    assert q.speaker is not None
    if name is None:
        assert " and " not in q.speaker.name
    else:
        assert q.speaker.name == name


@pytest.mark.parametrize(("text", "name"), [
    ("Polls\n\nSales fell by a fifth, according to figures compiled by Pollwise for the Harbour Trust (HT).", "Pollwise"),
    ("Polls\n\nAccording to estimates published by the Kentside Institute, most residents back the plan.",
     "Kentside Institute"),
])
def test_agent_source(extractor: quotekit.Extractor, text: str, name: str) -> None:
    """"according to figures compiled by X": the agent after "by" is the source, not the figures
    nor the last word of the phrase ('HT', 'Thursday')."""
    (q,) = extractor.extract(text)
    assert q.speaker is not None and q.speaker.name == name


@pytest.mark.parametrize(("text", "name"), [
    ("Polls\n\nAccording to a Harbour Gazette survey released on Thursday, most residents back the plan.", "Harbour Gazette"),
    ("Polls\n\nAccording to the Polltrack average, Dana Pike leads by six points.", "Polltrack"),
    ("Polls\n\nAccording to the Kentside harbour master, the pier will close.", "master"),
])
def test_name_modifier_source(extractor: quotekit.Extractor, text: str, name: str) -> None:
    """"according to a Harbour Gazette survey": the body named in front of a report or figures
    noun is the source; in front of any other noun ('harbour master') it is not."""
    (q,) = extractor.extract(text)
    assert q.speaker is not None and q.speaker.name == name


@pytest.mark.parametrize("text", [
    "The harbourmaster is not saying that the fees will rise.",
    "The harbourmaster isn't saying that the fees will rise.",
    "The harbourmaster has never said that the fees will rise.",
])
def test_subject_end(extractor: quotekit.Extractor, text: str) -> None:
    """clause_subject's phrase ends before auxiliaries and negation (_subject_end)."""
    assert speakers(extractor.extract(text), "indirect") == ["harbourmaster"]


def test_clause_subject_base_inside_the_phrase(extractor: quotekit.Extractor) -> None:
    """"The harbourmaster urged skippers …": a mention running past the verb is no base."""
    text = "The harbourmaster urged skippers to stay in port."
    assert speakers(extractor.extract(text), "indirect") == ["harbourmaster"]


@pytest.mark.parametrize("text", [
    'Mara Quist spoke for an hour. She roused the hall to spontaneous chants of "Out, out, out!" before she left.',
    'Mara Quist spoke for an hour. The hall answered with furious claims of "Shame!" as she left.',
])
def test_after_adjective(extractor: quotekit.Extractor, text: str) -> None:
    """_cues._after_adjective: a speech-verb form after an adjective and a preposition is a noun."""
    assert all(q.cue is None or q.cue.text not in ("chants", "claims") for q in extractor.extract(text))


def test_one_bearer_titled(extractor: quotekit.Extractor) -> None:
    """_entities._Registry._one_bearer: a shared surname is the titled bearer's, not the latest's."""
    text = ('Sen. Tom Pelk toured the port on Monday. "It is a scandal," Anna Pelk wrote on her blog. '
            '"We will not give up," Pelk said.')
    got = [q.speaker.name if q.speaker else None for q in extractor.extract(text)]
    assert got == ["Anna Pelk", "Tom Pelk"]


def test_one_bearer_untitled_abstains(extractor: quotekit.Extractor) -> None:
    text = ('Tom Pelk toured the port on Monday. "It is a scandal," Anna Pelk wrote on her blog. '
            '"We will not give up," Pelk said.')
    got = [q.speaker.name if q.speaker else None for q in extractor.extract(text)]
    assert got == ["Anna Pelk", "Pelk"]


def test_one_bearer_headline_name_is_no_second_bearer(extractor: quotekit.Extractor) -> None:
    """_entities._Registry._one_bearer: a title-case headline read as one long name ending in the full
    name ("… Talks With Tom Pelk") is that person, not a second bearer that makes "Pelk" stand alone."""
    text = ('Hart Unlikely To Have A Good Relationship With Tom Pelk.\n\n'
            'Jo Hart said she was unlikely to work with Tom Pelk.\n"We will not give up," Pelk said.')
    got = [q.speaker.name if q.speaker else None for q in extractor.extract(text)]
    assert got[-1] == "Tom Pelk"


def test_nested_partial_follows_its_clause(extractor: quotekit.Extractor) -> None:
    """_attribute.nest_partials: a fragment found through the cue of its reported clause is that clause's speaker's."""
    text = "Factwatch seized on Mara Quist's claim that there had been “dozens of break-ins” in the town."
    got = {q.kind: q.speaker.name if q.speaker else None for q in extractor.extract(text)}
    assert got == {"indirect": "Mara Quist", "partial": "Mara Quist"}


@pytest.mark.parametrize(("text", "mention", "name"), [
    ('Liam Price, 17, died last month.\n\n"He was the kindest boy," the victim\'s mother said.',
     "the victim's mother", "mother"),
    ("“She never gave up,” the girl’s father told reporters.", "the girl’s father", "father"),
    ('"We are devastated," the family\'s lawyer said.', "the family's lawyer", "lawyer"),
])
def test_nominal_phrase_with_possessive(extractor: quotekit.Extractor, text: str, mention: str, name: str) -> None:
    """"“…,” the victim's mother said": a noun phrase with an owner in it, between the quotation
    and its cue, is the speaker whole (its head, not the owner), and the quotation is direct."""
    (q,) = extractor.extract(text)
    assert (q.kind, q.rule) == ("direct", Rule.AFTER)
    assert q.speaker_mention is not None and q.speaker_mention.text == mention
    assert q.speaker is not None and q.speaker.name == name
