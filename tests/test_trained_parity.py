"""Trained mode is never less accurate than blank: where a tagger disagrees with the text's own
evidence, the text wins (a participle after a determiner is no verb; a tagger adds finite verbs
to those the word forms give, never removes them)."""

from __future__ import annotations

import pytest

import quotekit


@pytest.mark.parametrize("text", [
    "The reported feud between the two ministers has widened this week.",
    "Officials played down the claimed rift between the two departments on Monday.",
])
def test_participle_after_a_determiner_is_no_cue(extractor: quotekit.Extractor, text: str) -> None:
    assert [q.text for q in extractor.extract(text)] == []


@pytest.mark.parametrize(("text", "speaker"), [
    ('Jane Okafor also noted several "intangibles" left her disillusioned with the board.', "Jane Okafor"),
    ('Tom Reyes said the tax breaks used by the biggest firms "do nothing to boost the economy."', "Tom Reyes"),
])
def test_reported_clause_found_in_both_modes(extractor: quotekit.Extractor, text: str, speaker: str) -> None:
    indirect = [q for q in extractor.extract(text) if q.kind == "indirect"]
    assert len(indirect) == 1 and indirect[0].speaker is not None and indirect[0].speaker.name == speaker


@pytest.mark.parametrize(("text", "speaker", "role", "org"), [
    ('Conservative chairman Liam Fenwick likened the two rivals to "squabbling toddlers".',
     "Liam Fenwick", "chairman", "Conservative"),
    ('Liberal leader Mara Quillon compared the budget to "a leaky bucket".', "Mara Quillon", "leader", "Liberal"),
])
def test_owns_title(extractor: quotekit.Extractor, text: str, speaker: str, role: str, org: str) -> None:
    """A capitalised word before a lower-case title and a name is the title's body, even where a
    tagger calls it an adjective (_candidates._owns_title)."""
    (q,) = extractor.extract(text)
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role, q.speaker.organization) == (speaker, role, org)


@pytest.mark.parametrize(("text", "speaker"), [
    ("When the host asked who would win, D’Aguiar replied, “I would bet on the challenger.”", "D’Aguiar"),
    ("“It is finished,” O’Gorman said.", "O’Gorman"),
    ("“We will open in the spring,” N’Diaye said.", "N’Diaye"),
])
def test_name_shape(extractor: quotekit.Extractor, text: str, speaker: str) -> None:
    """A capital, an apostrophe and a capital make a surname whatever a tagger calls the word
    (_candidates.NAME_SHAPE); "asked who would win" is a reported question of its own."""
    (q,) = [q for q in extractor.extract(text) if q.kind == "direct"]
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(("text", "content"), [
    ('The producers are suing a rival over a show they claim is "a shameless copy" of their own.',
     'is "a shameless copy" of their own'),
    ("The council lost the grant to a scheme its officers argue was never properly assessed.",
     "was never properly assessed"),
])
def test_zero_relative_clause(extractor: quotekit.Extractor, text: str, content: str) -> None:
    """"a show they claim is …": with no relative pronoun before the speaker, the clause still
    starts with its finite verb, whatever a tagger says of a clause's first word (forward's gap)."""
    indirect = [q for q in extractor.extract(text) if q.kind == "indirect"]
    assert [q.text for q in indirect] == [content]


@pytest.mark.parametrize("name", ["Bram Vanderlinde", "Nkem Obiora", "Jaspal Grewal"])
def test_honored_surname(extractor: quotekit.Extractor, name: str) -> None:
    """"Mr Obiora" later in the text makes "Nkem Obiora" a person, whatever type an entity
    recognizer gives the full name, so "He" and "Mr Obiora" are that person too
    (_candidates._honored_surnames)."""
    surname = name.split()[-1]
    text = (f"The reform group's {name} said the change was overdue. He said it was time. "
            f'Mr {surname} added: "This is long overdue."')
    quotes = extractor.extract(text)
    assert len(quotes) == 3
    assert all(q.speaker is not None and q.speaker.name == name and q.speaker.type == "person" for q in quotes)


@pytest.mark.parametrize(("text", "speaker"), [
    ('Conservative co-chairman Liam Fenwick likened the two men to "self-obsessed schoolboys".', "Liam Fenwick"),
    ('Liberal vice-chair Nora Blaskett compared the scheme to "a sinking ship".', "Nora Blaskett"),
])
def test_sentence_subject_after_adjective(extractor: quotekit.Extractor, text: str, speaker: str) -> None:
    """A fragment goes to the titled name that opens its sentence even where a tagger calls the
    first word an adjective, so that no mention starts there (_speakers.sentence_subject)."""
    (q,) = extractor.extract(text)
    assert q.kind == "partial" and q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize("name", ["DJ Beverly Kollis", "DJ Karen Vanderlinde"])
def test_first_name_before_surname(extractor: quotekit.Extractor, name: str) -> None:
    """A known first name right before the surname makes a person, whatever an entity recognizer
    calls the name, so the surname alone later is the same speaker (_candidates._name_type)."""
    text = (f"Guests gathered for the anniversary of the group founded by {name}. "
            f'"I started it because I believe in us," {name.split()[-1]} said. She added that it was time.')
    quotes = extractor.extract(text)
    assert len(quotes) == 2
    assert all(q.speaker is not None and q.speaker.name == name and q.speaker.type == "person" for q in quotes)


@pytest.mark.parametrize(("text", "content", "source"), [
    ("Ada Lunn promised Tom Reyes she would resign before the vote, a new book claims.",
     "Ada Lunn promised Tom Reyes she would resign before the vote", "a new book"),
    ("Ada Lunn told friends she would resign before the vote, a new book claims.",
     "Ada Lunn told friends she would resign before the vote", "a new book"),
])
def test_closing_verb_the_tagger_calls_a_noun(extractor: quotekit.Extractor, text: str, content: str,
                                              source: str) -> None:
    """"…, a new book claims.": a form that is also a noun, closing its sentence a few words
    after a comma, is the source's verb in both modes (_cues._closes_after_comma)."""
    (q,) = extractor.extract(text)
    assert (q.kind, q.text, q.speaker_mention.text if q.speaker_mention else None) == ("indirect", content, source)


@pytest.mark.parametrize("text", [
    '"Let\'s be realistic - the vote will not turn on what Mr Dunn did", he told BBC 1\'s Breakfast with Holt programme.',
    '"We will not give up", she told Channel 5\'s Evening Desk programme on Sunday.',
])
def test_possessive_s_is_no_verb(extractor: quotekit.Extractor, text: str) -> None:
    """"told BBC 1's … programme": an "'s" after a name or a number is its possessive, not "is",
    whatever the tagger says, so no reported clause starts there (_reported._finite)."""
    assert [q.kind for q in extractor.extract(text)] == ["direct"]


def test_contracted_is_after_a_pronoun_stays_finite(trained: quotekit.Extractor) -> None:
    """"said it's time …": after a pronoun the tagger's "'s" is still a verb (trained mode)."""
    quotes = trained.extract("The coach said it's time for a change at the club.")
    assert [q.text for q in quotes] == ["it's time for a change at the club"]
